from pathlib import Path

import pytest

from newsgen.extract.sentences import (
    Sentence,
    is_short_quote,
    open_quote_at_end,
    quotation_spans,
    quotations,
    split_sentences,
)

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def texts(paragraph):
    return [s.text for s in split_sentences(paragraph)]


def seed_paragraph(prefix, starts_with):
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(starts_with):
            return line
    raise AssertionError(f"no paragraph starting {starts_with!r} in {path.name}")


def test_offsets_point_at_stripped_text():
    para = "  First one here.   Second one follows!  Third? "
    result = split_sentences(para)
    assert [s.text for s in result] == ["First one here.", "Second one follows!", "Third?"]
    for s in result:
        assert isinstance(s, Sentence)
        assert para[s.start : s.end] == s.text


def test_empty_paragraph():
    assert split_sentences("") == []
    assert split_sentences("   ") == []


@pytest.mark.parametrize(
    "paragraph, expected",
    [
        # AP style titles and abbreviations
        (
            "Maj. Gen. Pat Ryder spoke at the Pentagon. He took questions.",
            ["Maj. Gen. Pat Ryder spoke at the Pentagon.", "He took questions."],
        ),
        (
            "Lt. Col. Anna Park and Sgt. First Class Lee arrived. Dr. Kim met them.",
            ["Lt. Col. Anna Park and Sgt. First Class Lee arrived.", "Dr. Kim met them."],
        ),
        (
            "Mr. Putin met Mrs. Smith and Ms. Lee in St. Petersburg. Talks ended.",
            ["Mr. Putin met Mrs. Smith and Ms. Lee in St. Petersburg.", "Talks ended."],
        ),
        # months, including "Sept."
        (
            "The talks were held Sept. 12 in Geneva. A second round followed Oct. 3.",
            ["The talks were held Sept. 12 in Geneva.", "A second round followed Oct. 3."],
        ),
        (
            "Troops arrived by Dec. The deployment was confirmed in Jan. 2025 by Seoul.",
            ["Troops arrived by Dec. The deployment was confirmed in Jan. 2025 by Seoul."],
        ),
        # U.S. / U.N. before a name stays; before a sentence opener it ends the sentence
        (
            "The U.S. Defense Department and U.N. officials met. The U.K. Foreign Office agreed.",
            ["The U.S. Defense Department and U.N. officials met.", "The U.K. Foreign Office agreed."],
        ),
        (
            "Seoul shared the intelligence with the U.S. The White House did not comment.",
            ["Seoul shared the intelligence with the U.S.", "The White House did not comment."],
        ),
        (
            "Officials in the U.S. Congress and the U.N. Security Council objected.",
            ["Officials in the U.S. Congress and the U.N. Security Council objected."],
        ),
        # companies, vs., e.g., i.e., No.
        (
            "Samsung Electronics Co. Ltd. and Acme Corp. signed. Acme Inc. Chief Lee said so.",
            ["Samsung Electronics Co. Ltd. and Acme Corp. signed.", "Acme Inc. Chief Lee said so."],
        ),
        (
            "It was Ukraine vs. Russia, i.e. Kyiv vs. Moscow, e.g. Kursk. No. 1 was Kursk.",
            ["It was Ukraine vs. Russia, i.e. Kyiv vs. Moscow, e.g. Kursk.", "No. 1 was Kursk."],
        ),
        # times
        (
            "The briefing began at 10 a.m. Monday and ended at 11 a.m. The next one is Friday.",
            ["The briefing began at 10 a.m. Monday and ended at 11 a.m.", "The next one is Friday."],
        ),
        # initials
        (
            "John F. Kennedy and J.D. Vance were named. Then the list closed.",
            ["John F. Kennedy and J.D. Vance were named.", "Then the list closed."],
        ),
        # decimals
        (
            "Growth was 2.5 percent. Inflation hit 3.1%.",
            ["Growth was 2.5 percent.", "Inflation hit 3.1%."],
        ),
        # datelines
        (
            "SEOUL, Dec. 17 (Yonhap) -- North Korea has lost troops. It said so.",
            ["SEOUL, Dec. 17 (Yonhap) -- North Korea has lost troops.", "It said so."],
        ),
        (
            "He lives in Washington, D.C. He said no.",
            ["He lives in Washington, D.C.", "He said no."],
        ),
        # ! and ?
        (
            "Will they fight? Nobody knows! Officials declined to comment.",
            ["Will they fight?", "Nobody knows!", "Officials declined to comment."],
        ),
    ],
)
def test_abbreviations_initials_and_decimals(paragraph, expected):
    assert texts(paragraph) == expected


def test_lower_case_after_period_is_not_a_new_sentence():
    # e.g. a scraped "approx. two" or a stray period
    assert len(split_sentences("They sent approx. two divisions to the front.")) == 1


def test_quotation_spanning_sentences_is_one_unit_curly():
    para = (
        "Kirby stated, “If it’s true… development. It is serious.” "
        "He added that more details would follow."
    )
    assert texts(para) == [
        "Kirby stated, “If it’s true… development. It is serious.”",
        "He added that more details would follow.",
    ]


def test_quotation_spanning_sentences_with_attribution_after_straight():
    para = (
        '"We do assess that they engaged in combat. ... We do have indications of '
        'casualties," Ryder told reporters. Kursk is a front line.'
    )
    assert texts(para) == [
        '"We do assess that they engaged in combat. ... We do have indications of '
        'casualties," Ryder told reporters.',
        "Kursk is a front line.",
    ]


def test_initials_inside_quotation_stay_whole():
    assert texts('"A. B. C," he said. Then he left.') == ['"A. B. C," he said.', "Then he left."]


def test_sentence_ends_after_closing_quote():
    para = 'Miller said it would mark "yet another escalation." China can do more.'
    assert texts(para) == ['Miller said it would mark "yet another escalation."', "China can do more."]
    para = "He called it “a grave breach.” The ministry agreed."
    assert texts(para) == ["He called it “a grave breach.”", "The ministry agreed."]


def test_question_in_quote_followed_by_attribution_stays_together():
    para = '"Why would Pyongyang do this?" Lee Jae-won asked. Nobody answered.'
    assert texts(para) == ['"Why would Pyongyang do this?" Lee Jae-won asked.', "Nobody answered."]


def test_bbc_style_colon_quote():
    para = 'In a statement, the ministry said: "We are monitoring the situation. We will respond." It gave no details.'
    assert texts(para) == [
        'In a statement, the ministry said: "We are monitoring the situation. We will respond."',
        "It gave no details.",
    ]


def test_unclosed_quote_does_not_swallow_the_paragraph():
    para = '"We will not stand by. The alliance is firm. Our response will be swift.'
    assert len(split_sentences(para)) == 3
    assert open_quote_at_end(para)


def test_open_quote_at_end():
    assert open_quote_at_end("He said: “Our forces are ready. We will respond.")
    assert not open_quote_at_end("He said: “Our forces are ready.”")
    assert not open_quote_at_end("Putin’s forces have suffered serious losses.")
    assert open_quote_at_end('"One." Then: "Two, and')
    assert not open_quote_at_end('She said "yes" and he said "no".')


def test_quotations_without_marks_and_with_scare_quotes():
    para = (
        "Kirby described it as Putin’s growing “desperation” and “isolation.” "
        '"They\'re doing this because Putin has lost troops," Austin stated.'
    )
    qs = quotations(para)
    assert qs == ["desperation", "isolation.", "They're doing this because Putin has lost troops"]
    assert [is_short_quote(q) for q in qs] == [True, True, False]


def test_single_quote_headline_quotations_but_not_apostrophes():
    title = "US confirms N. Korea suffered 'significant losses' in combat against Ukraine"
    assert quotations(title) == ["significant losses"]
    assert quotations("Putin’s forces and the soldiers’ families don't agree.") == []
    assert quotations("Seoul calls it ‘a grave provocation’ by Pyongyang.") == ["a grave provocation"]


def test_quotation_spans_match_quotations():
    para = 'Ryder said time will tell “exactly how these forces are integrated.”'
    spans = quotation_spans(para)
    assert [para[a:b] for a, b in spans] == quotations(para)


def test_seed_004_quote_then_non_quote_sentence():
    para = seed_paragraph("004", '"We do assess')
    result = texts(para)
    assert len(result) == 2
    assert result[0].endswith("as telling reporters.")
    assert result[1] == "Kursk is Russia's western front line."


def test_seed_001_long_quote_is_one_sentence():
    para = seed_paragraph("001", "Kirby explained")
    assert len(split_sentences(para)) == 1
    assert quotations(para)[0].startswith("Mr. Putin is still")


def test_seed_003_alternating_quotes_and_attribution():
    para = seed_paragraph("003", "Minister Kim echoed")
    result = texts(para)
    assert len(result) == 3
    assert result[1].endswith("Minister Kim remarked.")
    assert quotations(para)[0] == "cannon fodder mercenaries"


def test_seed_000_abbreviations_inside_paragraph():
    para = seed_paragraph("000", "On Monday")
    result = texts(para)
    assert len(result) == 3
    assert "the U.S. is closely monitoring" in result[0]


def test_titles_in_capitals_do_not_end_a_sentence():
    # Transcripts print titles in capitals: "GEN. RYDER", "MR. KIRBY".
    from newsgen.extract.sentences import split_sentences as split
    assert [s.text for s in split("Thank you, GEN. RYDER. The next question.")] == ["Thank you, GEN. RYDER.", "The next question."]
    assert len(split("I spoke to MR. KIRBY about it.")) == 1



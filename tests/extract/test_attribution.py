import pytest

from newsgen.extract.attribution import find_attributions, is_concurrent, mask_quotes, referenced_speakers


def frames(sentence):
    return [(a.subject, a.verb, a.form) for a in find_attributions(sentence)]


@pytest.mark.parametrize(
    "sentence, subject, verb",
    [
        # AP / Reuters: quote first, then the speaker
        ('"We will respond," Zelenskyy said on Tuesday.', "Zelenskyy", "say"),
        ('"We will respond," said Volodymyr Zelenskyy, Ukraine\'s president.', "Volodymyr Zelenskyy", "say"),
        ("“The situation is dangerous,” he added.", "he", "add"),
        # quote last
        ('Kirby stated, "If it is true, it would be a dangerous development."', "Kirby", "state"),
        # subject + verb + that-clause, with titles and appositives
        ("Russia's Foreign Ministry spokeswoman Maria Zakharova told reporters that the reports were false.",
         "Russia's Foreign Ministry spokeswoman Maria Zakharova", "tell"),
        ("Farhan Haq, Deputy Spokesperson for the UN Secretary-General, said the committee is monitoring.",
         "Farhan Haq", "say"),
        ("Meanwhile, U.S. Secretary of Defense Lloyd Austin, currently visiting Ukraine, promised more aid.",
         "U.S. Secretary of Defense Lloyd Austin", "promise"),
        # government press release
        ("In a statement, NATO Secretary-General Mark Rutte said the deployment marks an escalation.",
         "NATO Secretary-General Mark Rutte", "say"),
        ("The United States, along with Japan and the Republic of Korea, released a joint statement on Monday.",
         "The United States", "release"),
        ("The statement noted that the deployment breaches the UN Charter.", "The statement", "note"),
        # BBC / Guardian
        ("The Ministry of Defence said in its daily intelligence update that 1,500 troops had arrived.",
         "The Ministry of Defence", "say"),
        ("Speaking at a press conference in Seoul, the minister warned of consequences.", "the minister", "warn"),
        ("Minister Kim echoed Austin’s concerns, condemning the move.", "Minister Kim", "echo"),
        ("Patel declined to speculate on the impact.", "Patel", "decline"),
        ("Miller also pointed out that China can do more.", "Miller", "point out"),
        ("The U.S. and South Korea called on North Korea Wednesday to withdraw.", "The U.S. and South Korea", "call on"),
    ],
)
def test_main_forms(sentence, subject, verb):
    assert (subject, verb) in [(s, v) for s, v, _ in frames(sentence)]


def test_according_to_and_as_said():
    assert ("Kirby", "according to", "according-to") in frames("According to Kirby, estimates indicate 1,000 casualties daily.")
    assert ("the Pentagon", "according to", "according-to") in frames("About 3,000 troops arrived, according to the Pentagon.")
    assert ("U.S. and South Korean defense officials", "according to", "according-to") in frames(
        "It signals, according to U.S. and South Korean defense officials, a turn to North Korea.")
    got = frames("As U.S. Secretary of Defense Lloyd Austin said, “This is the first time.”")
    assert got[0][:2] == ("U.S. Secretary of Defense Lloyd Austin", "say")


def test_parenthetical_attribution():
    assert ("he", "note", "subject-verb") in frames("The reason why, he noted, is that “forces have suffered losses.”")


def test_quoted_by_keeps_the_relay_apart():
    (a,) = find_attributions('"We do assess that," Ryder was quoted by Reuters as telling reporters.')
    assert (a.subject, a.form, a.relay) == ("Ryder", "quoted-by", "Reuters")


def test_nested_report_gives_both_frames_in_order():
    got = frames("On Monday, Voice of America (VOA) reported that John Kirby, the adviser, indicated that talks continue.")
    assert [g[:2] for g in got] == [("Voice of America (VOA)", "report"), ("John Kirby", "indicate")]


def test_words_inside_quotations_never_attribute():
    s = "“We are looking into the reports, as I said, and Kirby said so too,” the official added."
    assert frames(s) == [("the official", "add", "subject-verb")]
    assert "Kirby" not in mask_quotes(s)


def test_also_and_tie_only_frames():
    (a,) = find_attributions("State Department spokesperson Matthew Miller also confirmed the fatalities.")
    assert a.also and a.verb == "confirm"
    (t, *_) = find_attributions("Adviser John Kirby made the remarks as Kyiv's intelligence authorities have said that 200 died.")
    assert t.tie_only and t.subject == "Adviser John Kirby"


def test_no_frame_in_plain_narrative():
    assert frames("There are some 10,000 North Korean troops in eastern Russia.") == []
    assert frames("The United States believes North Korea has suffered losses.")[0][:2] == ("The United States", "believe")
    # "States" in "United States" is not the verb "state".
    assert all(v != "state" for _, v, _ in frames("The United States believes it."))


def test_concurrent_openers_and_statement_references():
    assert is_concurrent("Meanwhile, Austin promised aid.")
    assert is_concurrent("At the same time, the ministry said it would respond.")
    assert not is_concurrent("Austin meanwhile promised aid.")
    assert [n for n, _ in referenced_speakers("Minister Kim echoed Austin’s concerns.")] == ["Austin"]
    assert [n for n, _ in referenced_speakers("Austin's comments underscore the strain.")] == ["Austin"]
    assert referenced_speakers("“Austin's comments were wrong,” he said.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "It marks the first time that Kyiv has publicly reported combat with the North Korean troops.",
        "The figures mark the first time that Kyiv has publicly claimed North Korean losses on such a scale.",
        "It is the first time that the NIS has confirmed North Korean soldiers are fighting.",
    ],
)
def test_writers_framing_is_not_an_attribution(sentence):
    assert find_attributions(sentence) == []


def test_that_clause_under_a_frame_still_attributes():
    frames = find_attributions("On Monday, VOA reported that Kirby said the troops were in Kursk.")
    assert [(a.subject, a.verb) for a in frames] == [("VOA", "report"), ("Kirby", "say")]


def test_base_form_verb_used_as_a_noun():
    frames = find_attributions("The NIS estimate is far higher than the one it gave in December, when it said 100 had died.")
    assert [(a.subject, a.verb) for a in frames] == [("it", "say")]
    # a plural subject keeps the verb: "which U.S. officials estimate has led to …"
    frames = find_attributions("The strain, which U.S. officials estimate has led to losses, grows.")
    assert [(a.subject, a.verb) for a in frames] == [("U.S. officials", "estimate")]


def test_relative_clause_between_name_and_verb():
    # NYT style: the speaker, then a "who" clause set off by commas, then the verb.
    assert frames("Lee Ji-hyun, who fled North Korea in 2019 and now runs a group that tracks the army, said little.")[0][:2] == ("Lee Ji-hyun", "say")


def test_live_blog_and_analysis_verbs():
    assert frames("Lawmaker Lee Seong-kweun quotes the National Intelligence Service as saying troops are inexperienced.")[0][:2] == ("Lawmaker Lee Seong-kweun", "cite")
    assert frames("As Pentagon press secretary Pat Ryder put it in a briefing, the troops are in combat.")[0][:2] == ("Pentagon press secretary Pat Ryder", "put it")
    assert frames("Russia put it on the front line.") == []


def test_reporting_credit_is_no_frame():
    # NYT / AP sign-off lines.
    assert frames("Choe Sang-Hun reported from Seoul, and Marc Santora from Kyiv, Ukraine.") == []
    assert frames("Ukraine's military intelligence agency reported that troops had lost dozens of men.")[0][:2] == ("Ukraine's military intelligence agency", "report")


# --- clause grammar: subjects across interrupting clauses, fronted time adverbs,
# participles, active quoting, estimates ---------------------------------------------


def _frames(sentence):
    return [(a.subject, a.verb, a.form) for a in find_attributions(sentence)]


@pytest.mark.parametrize("sentence, subject", [
    ("Zelensky, writing on social media after a meeting at which General Oleksandr Syrskyi reported on the "
     "operation, said the number was preliminary.", "Zelensky"),
    ("The ministry, citing intelligence reports, said 500 soldiers had arrived.", "The ministry"),
    ("Rutte, who spoke after envoys were briefed by a delegation, called the deployment an escalation.", "Rutte"),
])
def test_the_subject_stands_before_an_interrupting_clause_and_frames_inside_it_do_not_count(sentence, subject):
    frames = _frames(sentence)
    assert frames and frames[0][0] == subject
    assert all("Syrskyi" not in s for s, _, _ in frames)


@pytest.mark.parametrize("sentence, subject", [
    ("Hours later President Volodymyr Zelensky said there were 11,000 soldiers.", "President Volodymyr Zelensky"),
    ("Ukraine's General Staff the same day dismissed the talk as propaganda.", "Ukraine's General Staff"),
    ("Minutes later the ministry announced a second exchange.", "the ministry"),
    ("The defence ministry that evening confirmed the figure.", "The defence ministry"),
    ("Last week U.S. Secretary of State Antony Blinken put the number at about 8,000.", "U.S. Secretary of State Antony Blinken"),
])
def test_time_adverbs_in_the_subjects_place_are_not_the_subject(sentence, subject):
    assert _frames(sentence)[0][0] == subject


@pytest.mark.parametrize("sentence, subject", [
    ("Gerasimov singled out the North Korean units for praise, saying they had fought bravely.", "Gerasimov"),
    ("On Tuesday evening, Zelensky came back to the issue, saying the battles opened a new chapter.", "Zelensky"),
    ("The Foreign Ministry summoned the ambassador, warning that the deployment crossed a line.", "The Foreign Ministry"),
])
def test_a_saying_participle_attributes_to_the_main_clause_subject(sentence, subject):
    frames = _frames(sentence)
    assert (subject, "participle") in [(s, f) for s, _, f in frames]


def test_a_participle_after_a_frame_adds_no_second_speaker():
    frames = _frames("The ministry said 300 soldiers were killed, adding that 2,700 were wounded.")
    assert [f for _, _, f in frames] == ["subject-verb"]


@pytest.mark.parametrize("sentence, speaker, relay", [
    ("KCNA quoted Kim as calling the soldiers heroes of the motherland.", "Kim", "KCNA"),
    ("State television quoted President Lukashenko as saying no troops would go.", "President Lukashenko", "State television"),
])
def test_an_outlet_quoting_someone_relays_them(sentence, speaker, relay):
    a = [a for a in find_attributions(sentence) if a.form == "quoted-by"][0]
    assert (a.subject, a.relay) == (speaker, relay)


@pytest.mark.parametrize("sentence, subject", [
    ("In January, the NIS had put North Korean losses at about 300 dead.", "the NIS"),
    ("The Pentagon puts the figure at more than 11,000.", "The Pentagon"),
])
def test_putting_a_number_at_is_an_estimate(sentence, subject):
    assert (subject, "estimate") in [(s, v) for s, v, _ in _frames(sentence)]


def test_putting_something_elsewhere_is_no_estimate():
    assert _frames("Russia put the new units at the front in Kursk.") == []


def test_a_writers_question_is_no_claim_but_a_quoted_question_keeps_its_frame():
    import datetime as dt

    from newsgen.extract import extract_claims
    from newsgen.model import Story

    story = Story(id="t", seed="t.txt", published=dt.date(2024, 12, 17), paragraphs=(
        "Why would Pyongyang send 10,000 troops to Kursk?",
        "“Will 10,000 troops be enough?” the minister asked on Monday, adding that 3,000 were already there.",
    ))
    cs = extract_claims(story, (), ())
    assert [c.reports[0].paragraph for c in cs] == [1]

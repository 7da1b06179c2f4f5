import dataclasses
import datetime as dt

import pytest

from newsgen.extract import extract_claims
from newsgen.model import Outlet, Person, Story, Topic

TOPICS = (
    Topic("deployment", "Deployment", ("North Korea", "North Korean", "troops", "soldiers", "Kursk")),
    Topic("casualties", "Casualties", ("casualties", "killed", "losses")),
)
PEOPLE = (
    Person(id="kirby", name="John Kirby", aliases=("Kirby",), role="National Security Communications Adviser", org="White House"),
    Person(id="zelensky", name="Volodymyr Zelensky", aliases=("Zelensky", "Zelenskyy"), role="President of Ukraine"),
)
TUE = dt.date(2024, 12, 17)  # a Tuesday


def claims(*paragraphs, published=TUE, people=PEOPLE, topics=TOPICS, **story):
    s = Story(id="t", seed="t.txt", published=published, paragraphs=paragraphs, **story)
    return extract_claims(s, people, topics)


def by_text(cs, words):
    hits = [c for c in cs if words in c.text]
    assert hits, f"no claim with {words!r} in {[c.text for c in cs]}"
    return hits[0]


def test_quote_first_ap_style_with_weekday():
    (c,) = claims('"We will respond to the North Korean troops," Zelenskyy said on Monday.')
    assert c.speaker.id == "zelensky" and c.speaker.known
    assert c.said_on == dt.date(2024, 12, 16) and c.date_precision == "day" and "Monday" in c.date_basis
    assert c.quote == "We will respond to the North Korean troops"
    assert c.reports[0].sentence == c.text and c.reports[0].paragraph == 0
    assert c.placed_on == c.said_on


def test_said_on_is_never_the_publication_day_without_basis():
    (c,) = claims("Russia's Foreign Ministry spokeswoman Maria Zakharova told reporters that reports of North Korean troops were false.")
    assert c.speaker.name == "Maria Zakharova" and not c.speaker.known and c.speaker.id == "maria-zakharova"
    assert "spokeswoman" in c.speaker.role
    assert c.said_on is None and c.date_basis is None
    assert c.placed_on == TUE  # only the timeline position falls back to publication


def test_carry_to_he_added_and_bare_quotation_paragraph():
    cs = claims(
        "On Monday, National Security Council spokesman John Kirby said North Korean troops had suffered losses.",
        '"We do believe that they have suffered some significant losses," he added.',
        '"It is a fairly new development for these soldiers."',
    )
    assert [c.speaker.id for c in cs] == ["kirby"] * 3
    assert [c.said_on for c in cs] == [dt.date(2024, 12, 16)] * 3


def test_bare_quotation_does_not_reach_past_a_narrative_paragraph():
    cs = claims(
        "Kirby said on Monday that North Korean troops were in Kursk.",
        "The troops arrived in Russia in October by train.",
        '"They are being trained to fight for Russia, the soldiers."',
    )
    assert len([c for c in cs if c.speaker]) == 1


def test_never_carry_across_a_different_speaker():
    cs = claims(
        "Kirby said on Monday that North Korean troops were in Kursk.",
        "Ukrainian President Volodymyr Zelenskyy said 11,000 North Korean troops were there.",
        "He added that the soldiers had suffered losses.",
    )
    last = by_text(cs, "He added")
    assert last.speaker.id == "zelensky" and last.said_on is None


def test_relay_from_report_and_according_to():
    (c,) = claims("On Monday, Voice of America (VOA) reported that John Kirby, the White House adviser, "
                  "indicated that the U.S. is investigating the North Korean troop deployment.")
    assert c.speaker.id == "kirby" and c.reports[0].relay == "VOA" and c.said_on == dt.date(2024, 12, 16)
    (c,) = claims("Pentagon press secretary Maj. Gen. Pat Ryder said North Korean troops had been killed, according to Reuters.")
    assert c.speaker.name == "Pat Ryder" and c.reports[0].relay == "Reuters"
    (c,) = claims("North Korea has sent about 3,000 troops to Russia, according to the Pentagon.")
    assert c.speaker.name == "Pentagon" and c.speaker.kind == "organization" and c.reports[0].relay is None


def test_quoted_by_relay():
    (c,) = claims('"We do assess that North Korean soldiers have engaged in combat," Ryder was quoted by Reuters as telling reporters.',
                  people=PEOPLE + (Person(id="ryder", name="Pat Ryder", aliases=("Ryder",)),))
    assert c.speaker.id == "ryder" and c.reports[0].relay == "Reuters"


def test_earlier_in_the_day_takes_the_date_of_the_statement_before():
    cs = claims(
        "A White House official confirmed Monday that North Korean troops had suffered losses.",
        "Earlier in the day, Pentagon press secretary Pat Ryder said the troops had been killed in combat.",
    )
    c = by_text(cs, "Earlier in the day")
    assert c.speaker.name == "Pat Ryder" and c.said_on == dt.date(2024, 12, 16) and "Earlier in the day" in c.date_basis


def test_event_dates_are_not_statement_dates():
    cs = claims(
        "Kirby said on Monday that the North Korean troops were in Kursk.",
        "Kirby noted that North Korean troops entered combat last week.",
        "Ukraine's military said the soldiers had been in Russia since the war began on February 24, 2022.",
    )
    assert by_text(cs, "entered combat").said_on == dt.date(2024, 12, 16)  # same statement, not "last week"
    c = by_text(cs, "since the war")
    assert c.said_on is None and c.date_precision is None


def test_week_and_month_keep_range_not_a_day():
    cs = claims(
        "The Pentagon said last week that North Korean troops had moved to Kursk.",
        "Earlier this month, South Korea's spy agency said 1,500 North Korean soldiers had arrived in Russia.",
    )
    a, b = by_text(cs, "last week"), by_text(cs, "Earlier this month")
    assert a.said_on is None and a.date_precision == "week" and a.date_range == (dt.date(2024, 12, 9), dt.date(2024, 12, 15))
    assert b.said_on is None and b.date_precision == "month" and b.date_range == (dt.date(2024, 12, 1), dt.date(2024, 12, 31))


def test_vague_time_stops_carrying():
    cs = claims(
        "Kirby said on Monday that North Korean troops were in Kursk.",
        "During a recent briefing, Kirby said the soldiers were poorly trained.",
    )
    assert by_text(cs, "recent briefing").said_on is None


def test_lead_date_does_not_spread_to_other_officials():
    cs = claims(
        "A White House official confirmed Monday that North Korean troops had been killed.",
        "State Department spokesperson Matthew Miller said the soldiers were legitimate targets.",
        "Miller also confirmed the North Korean fatalities.",
    )
    assert by_text(cs, "legitimate targets").said_on is None
    # "also confirmed" ties to the earlier confirmation.
    assert by_text(cs, "also confirmed").said_on == dt.date(2024, 12, 16)


def test_dated_statement_carries_to_the_same_organisation():
    cs = claims(
        "In a statement published Saturday (local time), Ukraine's Defense Intelligence of Ukraine (DIU) said North Korean soldiers were mobilized.",
        "The DIU claimed that North Korean troops suffered heavy losses.",
        "The U.S. has said that Pyongyang has sent more than 11,000 troops.",
    )
    assert [c.said_on for c in cs] == [dt.date(2024, 12, 14), dt.date(2024, 12, 14), None]
    assert cs[0].speaker.id == cs[1].speaker.id and cs[0].speaker.kind == "organization"
    assert cs[2].speaker.name == "U.S." and cs[2].quantities[0].value == 11000


def test_two_kims_never_merge():
    cs = claims(
        "South Korean Defense Minister Kim Yong-hyun told lawmakers on Monday that about 10,000 North Korean troops had been sent.",
        "He condemned North Korean leader Kim Jong Un for sending the soldiers.",
        '"Kim Jong Un sold out his young troops," Minister Kim remarked.',
        "Kim said the troops would be sent to Kursk.",
    )
    assert by_text(cs, "Minister Kim remarked").speaker.name == "Kim Yong-hyun"
    assert by_text(cs, "He condemned").speaker.name == "Kim Yong-hyun"
    assert all(c.speaker is None or c.speaker.name != "Kim Jong Un" for c in cs)
    # "Kim said": the Kim who has been speaking; the other is only spoken about.
    assert by_text(cs, "Kim said").speaker.name == "Kim Yong-hyun"


def test_joint_speakers_and_statement_reference():
    cs = claims(
        "U.S. Defense Secretary Lloyd Austin and South Korean Defense Minister Kim Yong-hyun called on North Korea "
        "Wednesday to withdraw its troops.",
        "The appeal came at a joint press conference.",
        "Speaking on the matter, Secretary Austin said Russia had lost many troops.",
        "Austin’s comments underscore the strain, which U.S. officials estimate has led to 500,000 casualties.",
        published=dt.date(2024, 10, 30),
    )
    lead = cs[0]
    # Two speakers, each credited (issue 17): never one speaker named "X and Y".
    assert [sp.name for sp in lead.speakers] == ["Lloyd Austin", "Kim Yong-hyun"]
    assert lead.said_on == dt.date(2024, 10, 30)
    assert by_text(cs, "Speaking on the matter").said_on == dt.date(2024, 10, 30)
    ref = by_text(cs, "underscore")
    assert ref.speaker.name == "U.S. officials" and ref.said_on == dt.date(2024, 10, 30)


def test_meanwhile_places_the_statement_at_the_time_of_the_one_before():
    cs = claims(
        "On Monday, Kirby said North Korean troops were in Kursk.",
        "Vedant Patel, the State Department's deputy spokesperson, said the troops were a concern.",
        "Meanwhile, U.S. Secretary of Defense Lloyd Austin, visiting Kyiv, promised to counter the North Korean troops.",
    )
    assert by_text(cs, "Patel").said_on is None
    assert by_text(cs, "Meanwhile").said_on == dt.date(2024, 12, 16)


def test_multi_sentence_quotation_is_one_claim_and_he_added_its_own():
    cs = claims(
        '"They are doing this because Putin has lost troops," Defense Secretary Lloyd Austin stated. '
        '"He faces a decision. He resists mobilization, fearing the losses will show." He added, "The soldiers are in Kursk."',
    )
    texts = [c.text for c in cs]
    assert any(t.startswith('"He faces a decision. He resists') for t in texts)
    assert texts[-1].startswith("He added")
    assert len({c.speaker.name for c in cs}) == 1


def test_unattributed_figures_are_claims_background_is_not():
    cs = claims(
        "There are some 10,000 North Korean troops in eastern Russia.",
        "Analysts warn that the presence of North Korean troops could complicate peace efforts.",
        "Stocks in Seoul fell 2 percent on Monday.",
        "North Korea's involvement would mark an alignment between two isolated regimes.",
    )
    assert [c.text for c in cs] == ["There are some 10,000 North Korean troops in eastern Russia."]
    assert cs[0].speaker is None and cs[0].said_on is None and cs[0].quantities[0].value == 10000
    assert cs[0].topics == ("deployment",)


def test_hedges_quantities_and_ids_are_deterministic():
    paras = ("According to Kirby, estimates indicate that Russian forces are sustaining over 1,000 casualties daily, "
             "with actual numbers potentially exceeding 1,200.",)
    (c,) = claims(*paras)
    assert c.hedged and "potentially" in c.hedges
    assert c.quantities[0].value == 1000 and c.quantities[0].high == 1200
    assert set(c.topics) == {"casualties"}
    (again,) = claims(*paras)
    assert again.id == c.id and again == c


def test_explicit_date_year_from_publication_window():
    s = Story(id="w", seed="w.txt", published=None, published_window=(dt.date(2024, 11, 7), dt.date(2024, 11, 13)),
              paragraphs=("The United States, along with Japan, released a joint statement November 6 expressing concern over North Korean troops.",
                          "On Monday, the Pentagon said the North Korean troops were in Kursk."))
    a, b = extract_claims(s, PEOPLE, TOPICS)
    assert a.said_on == dt.date(2024, 11, 6) and a.speaker.kind == "organization"
    assert "publication window 2024-11-07 to 2024-11-13" in a.date_basis  # not a known publication day
    assert b.said_on is None  # a weekday cannot be placed inside a week-long window


def test_no_topics_means_no_filter_and_empty_story_is_fine():
    assert claims() == ()
    cs = claims("Mayor Jane Doe said the bridge would reopen.", topics=())
    assert len(cs) == 1 and cs[0].topics == () and cs[0].speaker.role == "Mayor"
    assert claims("Mayor Jane Doe said the bridge would reopen.") == ()  # off-topic story


def test_wire_datelines_and_anonymous_officials():
    cs = claims(
        "SEOUL, Nov 4 (Reuters) - North Korea has deployed more than 10,000 troops to Russia, South Korea's spy agency said on Monday.",
        "SEOUL, Dec. 18 (Yonhap) -- South Korea's military said Wednesday that at least 100 North Korean soldiers have been killed.",
        '"North Korean troops are believed to have suffered a lot of casualties," a JCS official said.',
        "Speaking to the BBC, a senior Ukrainian official said about 200 North Korean soldiers had been killed.",
        published=dt.date(2024, 12, 18),
    )
    a, b, c, d = cs
    # Two wire items of different days: "Monday" is the Monday of its own dateline, 4 November.
    assert a.speaker.name == "South Korea's spy agency" and a.said_on == dt.date(2024, 11, 4)
    assert b.speaker.name == "South Korea's military" and b.said_on == dt.date(2024, 12, 18)
    assert (c.speaker.name, c.speaker.kind) == ("JCS", "organization")
    assert d.speaker is None and d.quantities[0].value == 200  # an unnamed person: unknown, figure kept


def test_courtesy_title_links_to_the_only_person_of_that_name():
    cs = claims(
        "North Korean leader Kim Jong Un has not commented publicly on the troops.",
        'Mr Kim, however, vowed on Saturday to support Russia "until victory" with his troops.',
    )
    c = by_text(cs, "vowed")
    assert c.speaker.name == "Kim Jong Un" and c.said_on == dt.date(2024, 12, 14)


def test_he_after_an_unnamed_official_in_the_same_sentence_is_that_official():
    cs = claims(
        "Mr Zelensky said on Monday that 3,000 North Korean soldiers had been killed or wounded.",
        "One official told the BBC that between 1,500 and 3,000 North Korean troops may have been killed, "
        "though he stressed that the figures were rough.",
    )
    assert by_text(cs, "Mr Zelensky").speaker.id == "zelensky"
    c = by_text(cs, "One official")
    assert c.speaker is None and c.said_on is None


def test_he_after_an_unnamed_official_is_not_the_last_named_person():
    cs = claims(
        "Kirby said on Monday that North Korean troops had suffered losses.",
        "A senior official said the North Korean troops were poorly trained.",
        "He added that 200 North Korean soldiers had been killed.",
    )
    assert by_text(cs, "Kirby said").speaker.id == "kirby"
    assert by_text(cs, "He added").speaker is None


def test_a_surname_means_the_people_named_so_far():
    # Yonhap style: the first Lee is the only Lee until the second one appears.
    cs = claims(
        "The troops entered combat, according to lawmaker Lee Seong-kweun, who was briefed by the spy agency.",
        "The North Korean troops arrived on Oct. 23, Lee said.",
        "Separately, Democratic Party leader Lee Jae-myung urged the government not to send weapons to Ukraine over the troops.",
        '"We must not be dragged into the war over North Korean troops," Lee said.',
    )
    assert by_text(cs, "arrived on Oct. 23").speaker.name == "Lee Seong-kweun"
    assert by_text(cs, "arrived on Oct. 23").said_on is None  # Oct. 23 is when they arrived
    assert by_text(cs, "Lee Jae-myung urged").speaker.name == "Lee Jae-myung"
    # Two Lees now: the one who spoke in the paragraph before, not the one who spoke earlier.
    assert by_text(cs, "dragged").speaker.name == "Lee Jae-myung"


def test_inverted_frame_with_title_then_weekday():
    (c,) = claims('"The North Korean troops are in Kursk," said John Kirby, the spokesman, on Monday.')
    assert c.speaker.id == "kirby" and c.said_on == dt.date(2024, 12, 16)


def test_writers_aside_naming_a_capital_has_no_speaker():
    cs = claims(
        "Zelenskyy said on Monday that 11,000 North Korean soldiers were in Kursk.",
        "It marks the first time that Kyiv has publicly reported combat with the North Korean troops.",
    )
    assert [c.speaker.id for c in cs if c.speaker] == ["zelensky"]



@pytest.mark.parametrize("paragraph, speaker", [
    # The parser hangs the subject on the auxiliary of "has … acknowledged".
    ("Ukraine's top commander, Oleksandr Syrskyi, has for the first time acknowledged that North Korean "
     "troops pushed his forces back in Kursk.", "Oleksandr Syrskyi"),
    # A lead-in before a colon comes parsed as a second subject: the one by the verb speaks.
    ("Word from Kyiv: Ukraine's foreign ministry said the statement showed that North Korean troops were "
     "fighting in Kursk.", "Ukraine's foreign ministry"),
])
def test_the_speaker_is_the_subject_nearest_the_reporting_verb(paragraph, speaker):
    (c,) = claims(paragraph)
    assert c.speaker is not None and c.speaker.name == speaker


def test_his_office_is_the_office_of_the_person_he_is_never_a_body_named_his_office():
    cs = claims("President Zelensky told reporters on Monday that North Korean troops were fighting in Kursk. "
                "His office later said 3,000 North Korean soldiers had been killed or wounded in Kursk.")
    assert by_text(cs, "His office").speaker.name == "Volodymyr Zelensky's office"
    (alone,) = claims("His office later said 3,000 North Korean soldiers had been killed or wounded in Kursk.")
    assert alone.speaker is None


AGENCIES = (Outlet("wire-a", "Northline"), Outlet("wire-b", "Eastwire News", ("Eastwire",), kind="agency"))


def wire(*paragraphs, **story):
    s = Story(id="t", seed="t.txt", published=TUE, paragraphs=paragraphs, **story)
    return extract_claims(s, PEOPLE, TOPICS, AGENCIES)


def test_a_medium_quoting_or_citing_someone_carries_their_words():
    c = by_text(wire("Eastwire, citing Ukraine's military intelligence, said 11,000 North Korean troops were in Kursk."), "11,000")
    assert c.speaker.name == "Ukraine's military intelligence" and c.reports[0].relay == "Eastwire News"
    # Somebody it does not name: nobody to credit, and never the medium.
    assert not [c for c in wire("Northline said, quoting a senior official, that North Korean troops were in Kursk.")
                if c.speaker is not None]
    # What it read is not a speaker: the medium's own report.
    c = by_text(wire("Northline said, citing a briefing in Kyiv, that North Korean troops were in Kursk."), "briefing")
    assert c.speaker.name == "Northline"


def test_a_statement_a_news_agency_reports_is_the_speaker_s_on_the_day_they_made_it():
    (c,) = wire("Kim Yo Jong on Monday denounced the North Korean troops report, the agency Eastwire said on Tuesday.")
    assert c.speaker.name == "Kim Yo Jong" and c.said_on == dt.date(2024, 12, 16)


def test_a_joint_statement_in_its_own_words_is_its_issuers_on_the_day_it_was_issued():
    cs = claims("We, the Defence Ministers of Poland, Sweden and Finland, condemn the presence of North Korean troops in Kursk.",
                "According to our assessment, about 11,000 North Korean soldiers are in the Kursk region.",
                "We call on North Korea to withdraw its troops.")
    first, second = by_text(cs, "condemn"), by_text(cs, "11,000")
    assert first.speaker.name == "Defence Ministers of Poland, Sweden and Finland" == second.speaker.name
    assert first.said_on == second.said_on == TUE and "issued" in first.date_basis
    # "We" not naming itself, or "our" with no issuer just named: nobody the text settles.
    assert [c.speaker for c in claims("According to our assessment, about 11,000 North Korean soldiers are in Kursk.")] == [None]


WIRE = (
    "BRUSSELS/KYIV, Dec 17 (Northline) - About 12,000 North Korean troops are in Kursk, NATO said on Tuesday.",
    "Ukraine's military intelligence said on Sunday that 30 North Korean soldiers had been killed in Kursk.",
    "A NATO official said North Korean troops were being rotated out of Kursk.",
    "A second official, speaking on condition of anonymity, said 1,000 more North Korean soldiers were expected.",
    "Oleh Kovalenko, a Ukrainian commander, told Northline by phone that North Korean troops attacked in small groups.",
)


def test_a_wire_story_filed_from_two_places_is_set_on_its_lead_s_day_and_asides_stay_undated():
    # (The reader keeps the dateline it found; load.datetext.dateline finds this one.)
    cs = wire(*WIRE, dateline="BRUSSELS/KYIV, Dec 17 (Northline)")
    assert by_text(cs, "About 12,000").text.startswith("About 12,000")  # the dateline is no part of the claim
    assert by_text(cs, "rotated out").said_on == dt.date(2024, 12, 17)  # the lead's day, not Sunday's
    assert by_text(cs, "1,000 more").said_on is None  # a talk on background: a day of its own
    assert by_text(cs, "small groups").said_on is None  # "told Northline by phone": the same


def test_a_statement_passed_on_by_somebody_unnamed_is_the_named_speaker_s():
    (c,) = claims("North Korean troops have begun fighting in Kursk, South Korea's spy agency said on Monday, "
                  "according to a lawmaker who attended the briefing.")
    assert c.speaker.name == "South Korea's spy agency" and c.said_on == dt.date(2024, 12, 16)
    # Nobody named at all: nobody credited.
    assert [c.speaker for c in claims("About 3,000 North Korean troops are in Kursk, according to a lawmaker.")] == [None]


def test_a_spokesperson_for_a_country_s_body_speaks_for_that_body_not_the_country():
    (c,) = claims("A spokesperson for Ukraine's Security Service said there were no other North Korean prisoners in Kursk.")
    assert c.speaker.name == "Ukraine's Security Service"


def test_officials_of_several_places_are_not_the_first_place_named():
    (c,) = claims("Officials in Seoul and Washington said 11,000 North Korean troops were in Kursk.")
    assert c.speaker is None


def test_a_weekday_in_a_story_updated_since_is_left_undated_when_the_update_passed_that_weekday():
    text = ("Ukraine's foreign ministry said on Saturday that 11,000 North Korean soldiers were in Kursk.",
            "Ukraine's defence ministry said on Wednesday that North Korean troops had left Kursk.")
    # Published Tuesday 17 December, updated Saturday 21 December: which Saturday is not settled.
    cs = claims(*text, updated=dt.date(2024, 12, 21))
    assert by_text(cs, "Saturday").said_on is None
    assert by_text(cs, "Wednesday").said_on is None
    # Updated the same week before Saturday, or not at all: counted from publication.
    cs = claims(*text, updated=dt.date(2024, 12, 18))
    assert by_text(cs, "Saturday").said_on == dt.date(2024, 12, 14) and by_text(cs, "Wednesday").said_on is None
    assert by_text(claims(*text), "Wednesday").said_on == dt.date(2024, 12, 11)


def test_a_medium_citing_unnamed_sources_credits_nobody_and_no_body_called_unnamed():
    (c,) = wire("North Korea is preparing to send 3,000 more soldiers to Kursk, Eastwire said, citing unnamed government sources.")
    assert c.speaker is None or "nnamed" not in c.speaker.name and c.speaker.name != "Eastwire News"


def test_an_undated_statement_takes_the_day_before_it_only_from_the_same_voice():
    cs = wire("BRUSSELS, Dec 17 (Northline) - NATO said on Tuesday that 12,000 North Korean troops were in Kursk.",
              "Kim Yo Jong said on Sunday that the reports of North Korean troops were lies.",
              "Eastwire said North Korean troops were training near Kursk.",
              dateline="BRUSSELS, Dec 17 (Northline)")
    assert by_text(cs, "training near").said_on == dt.date(2024, 12, 17)  # the lead's day, not Kim's Sunday


def test_the_government_is_not_whichever_body_spoke_last_nor_is_it_after_it():
    cs = claims("South Korea's spy agency said on Monday that 300 North Korean soldiers had died in Kursk.",
                "The government has said little about the North Korean troops. It should explain its policy on prisoners.")
    assert [c.speaker.name for c in cs if c.speaker is not None] == ["South Korea's spy agency"]
    # A word for any body ("the agency") is the body that spoke just before.
    cs = claims("The National Intelligence Service said on Monday that 300 North Korean soldiers had died in Kursk.",
                "The agency said 2,700 North Korean soldiers had been wounded.")
    assert by_text(cs, "2,700").speaker.name == "National Intelligence Service"


def test_it_is_the_body_the_sentence_before_was_about_unless_that_sentence_was_a_statement():
    cs = wire("The foreign ministry said on Monday that North Korean troops were in Kursk.",
              "Eastwire has released its own account of the talks. It says 11,000 North Korean soldiers are in Kursk.")
    assert by_text(cs, "It says").speaker.name == "Eastwire News"
    # After a statement, "it" is that statement's speaker: the body whose statement was carried.
    cs = wire("Eastwire published a statement from the Defence Ministry on Monday. It said 11,000 North Korean "
              "soldiers were in Kursk.")
    assert by_text(cs, "It said").speaker.name == "Defence Ministry"


def test_a_date_in_the_title_dates_no_statement():
    (c,) = claims("Ukraine's military said North Korean troops were fighting in Kursk.",
                  title="Saturday, 14 December 2024 | 09:00 GMT")  # a page's date bar taken for its title
    assert c.said_on is None
    # A dated section heading inside the story still dates its section.
    cs = claims("14 December 2024", "Ukraine's military said North Korean troops were fighting in Kursk.")
    assert by_text(cs, "fighting").said_on == dt.date(2024, 12, 14)


def test_a_dated_heading_that_quotes_its_entry_still_dates_it_and_a_short_quotation_is_no_heading():
    cs = claims('FEB. 7, 2025 - ZELENSKY: "BROUGHT IN AGAIN"',
                "Zelensky said in his nightly address that North Korean soldiers had again been thrown into assaults.",
                '"We will not stop"', "Zelensky said the allies would help.", published=dt.date(2025, 9, 4))
    assert by_text(cs, "nightly address").said_on == dt.date(2025, 2, 7)
    assert by_text(cs, "allies would help").said_on == dt.date(2025, 2, 7)  # a quotation is no new section


def test_a_lawmaker_who_briefed_reporters_on_the_agency_s_session_voices_it_on_its_day():
    cs = claims("The National Intelligence Service said on Monday that 300 North Korean soldiers had died in Kursk.",
                "The intelligence service gave the figure to a closed-door committee session, according to lawmaker Park Ji-won, "
                "who briefed reporters afterwards.")
    c = by_text(cs, "closed-door")
    assert c.speaker.name == "Park Ji-won" and c.said_on == dt.date(2024, 12, 16)


def test_today_under_a_live_page_s_day_heading_is_that_day():
    cs = claims("Wednesday 18 December 2024",
                "Ukraine's military intelligence said this morning that North Korean units had lost 200 soldiers in Kursk.",
                "Tuesday 17 December 2024",
                "The White House said North Korean soldiers were being used as infantry in Kursk.")
    assert by_text(cs, "this morning").said_on == dt.date(2024, 12, 18)
    assert by_text(cs, "infantry").said_on == dt.date(2024, 12, 17)


def test_the_minister_after_two_ministers_named_together_is_nobody_the_text_settles():
    people = PEOPLE + (Person(id="umerov", name="Rustem Umerov", aliases=("Umerov",), role="Minister of Defence of Ukraine"),
                       Person(id="sybiha", name="Andrii Sybiha", aliases=("Sybiha",), role="Minister of Foreign Affairs of Ukraine"))
    cs = claims("Defence Minister Rustem Umerov and Foreign Minister Andrii Sybiha met NATO envoys in Kyiv on Monday. "
                "The minister said 11,000 North Korean troops were in Kursk.", people=people)
    assert [c.speaker for c in cs if "11,000" in c.text] in ([], [None])
    # One minister named: "the minister" is that one.
    cs = claims("Defence Minister Rustem Umerov met NATO envoys in Kyiv on Monday. "
                "The minister said 11,000 North Korean troops were in Kursk.", people=people)
    assert by_text(cs, "11,000").speaker.name == "Rustem Umerov"


def test_a_medium_s_report_of_an_event_of_another_day_sets_the_story_on_neither_day():
    text = ("SEOUL, Dec 17 (Northline) - Sergei Shoigu met Kim Jong Un in Pyongyang on Monday, North Korean state media "
            "said on Tuesday.",
            "Kim told Shoigu that North Korean troops would stay in Kursk.")
    cs = wire(*text, dateline="SEOUL, Dec 17 (Northline)")
    assert by_text(cs, "would stay").said_on is None  # said at the meeting (Monday) or later: not settled
    # A lead of one day: the story is set on it.
    cs = wire("SEOUL, Dec 17 (Northline) - North Korean state media said on Tuesday that Kim Jong Un had received "
              "Sergei Shoigu.", text[1], dateline="SEOUL, Dec 17 (Northline)")
    assert by_text(cs, "would stay").said_on == TUE


def test_a_ministry_no_person_holds_is_the_body_itself():
    cs = claims("The Russian defence ministry, in a Telegram post, claimed its forces had pushed North Korean "
                "troops out of Kursk.")
    assert by_text(cs, "Telegram").speaker.name == "Russian defence ministry"
    cs = claims("Britain's defence ministry said on Sunday that North Korean forces had lost 6,000 soldiers in Kursk. "
                "That was half of the 11,000 North Korean soldiers sent, the ministry said.")
    assert by_text(cs, "half of").speaker.name == "Britain's defence ministry"


def test_a_wire_lead_s_office_is_the_person_the_next_paragraph_names_with_that_title():
    people = PEOPLE + (Person(id="sybiha", name="Andrii Sybiha", aliases=("Sybiha",), role="Minister of Foreign Affairs of Ukraine"),)
    lead = ("KYIV, Dec 17 (Northline) - North Korea has lost thousands of soldiers in Kursk, Ukraine's foreign minister "
            "said, urging partners to respond.")
    cs = wire(lead, "Foreign Minister Andrii Sybiha told a news conference on Monday that 4,000 North Korean troops "
                    "had been killed or wounded.", dateline="KYIV, Dec 17 (Northline)")
    c = by_text(cs, "lost thousands")
    assert c.speaker.name == "Andrii Sybiha" and c.said_on == dt.date(2024, 12, 16)  # the day of the words it sums up
    # Someone else named first, or a holder of another office: the text does not say it is them.
    cs = wire(lead, "Zelensky told a news conference on Monday that 4,000 North Korean troops had been killed.",
              dateline="KYIV, Dec 17 (Northline)")
    assert by_text(cs, "lost thousands").speaker.name != "Volodymyr Zelensky"
    cs = wire(lead, "Defence Minister Rustem Umerov told a news conference on Monday that 4,000 North Korean troops "
                    "had been killed.", dateline="KYIV, Dec 17 (Northline)")
    assert by_text(cs, "lost thousands").speaker.name != "Rustem Umerov"
    # Named before: the phrase is that person, on the occasion the story gives.
    cs = claims("Foreign Minister Andrii Sybiha met Japan's envoy in Kyiv on Monday.",
                "Ukraine's foreign minister said 4,000 North Korean troops had been killed.", people=people)
    assert by_text(cs, "4,000").speaker.name == "Andrii Sybiha"


def test_the_day_before_set_off_by_a_comma_is_the_day_before_the_one_referred_to():
    cs = claims("Zelensky said on Monday that 11,000 North Korean troops were in Kursk.",
                "The day before, Kirby had said that the troops were in combat.")
    assert by_text(cs, "in combat").said_on in (None, dt.date(2024, 12, 15))


def test_naming_a_thing_is_saying_what_it_is_but_not_a_name_given_in_passing():
    c = by_text(claims("Kirby called the arrival of North Korean troops in Kursk a grave escalation."), "grave")
    assert c.speaker.name == "John Kirby"
    cs = claims("Zelensky flew to Brussels on what Kirby called a vital visit for North Korean troops talks.")
    assert all(c.speaker is None or c.speaker.name != "John Kirby" for c in cs)


def test_that_is_what_x_said_gives_the_sentence_before_its_speaker_and_day():
    cs = claims("North Korea has sent about 5,000 builders to Russia's Kursk region since September. That is what "
                "Kirby told reporters on Monday.")
    c = by_text(cs, "5,000")
    assert c.speaker.name == "John Kirby" and c.said_on == dt.date(2024, 12, 16)
    assert not [c for c in cs if c.text.startswith("That is what")]


def test_the_same_day_as_a_statement_of_last_week_is_no_day_the_text_gives():
    cs = claims("Kirby said on Monday that North Korean troops were fighting in Kursk.",
                "Last week, Zelensky told reporters that North Korean troops had reached Kursk.",
                "Kirby spoke the same day and said 11,000 North Korean soldiers were in Kursk.")
    assert by_text(cs, "11,000").said_on is None


def test_a_statement_in_its_issuers_own_voice_is_theirs_to_its_last_we_and_no_further():
    cs = claims("We, the nine participating governments of the Nordic Monitoring Group, today publish our second "
                "report on North Korean troops in Russia.",
                "Around 3,000 more North Korean troops were sent to Kursk in the first months of 2025.",
                "We condemn this deployment and will keep reporting on it.",
                "The Nordic Monitoring Group was set up in 2024 after 5,000 North Korean troops reached Russia.")
    sent = by_text(cs, "3,000")
    assert sent.speaker.name.startswith("Nine participating governments") and sent.said_on == TUE
    assert by_text(cs, "We condemn").speaker.name == sent.speaker.name
    assert by_text(cs, "was set up").speaker is None  # a note after the statement: the outlet's


def test_a_medium_s_account_of_a_meeting_dates_what_is_said_there():
    s = Story(id="t", seed="t.txt", published=TUE, paragraphs=(
        "Kim Jong Un told a visiting Russian minister that North Korean troops would stay in Kursk.",
        "According to Eastwire, Kim received the minister in Pyongyang on Sunday. He told his guest that 11,000 "
        "North Korean soldiers were ready to fight."))
    cs = extract_claims(s, PEOPLE, TOPICS, AGENCIES)
    sunday = dt.date(2024, 12, 15)
    assert by_text(cs, "11,000").said_on == sunday  # at the meeting the medium puts him at
    assert by_text(cs, "would stay").said_on == sunday  # the undated lead sums up what the next paragraph dates


def test_a_body_s_statement_takes_the_day_its_next_sentence_gives_and_the_agency_is_that_body():
    cs = claims("Ukraine's military intelligence agency said North Korea had sent 100 artillery systems to Russia. "
                "North Korean troops were also still in Kursk, the agency told a Kyiv news agency on Sunday.")
    first, second = by_text(cs, "100 artillery"), by_text(cs, "still in Kursk")
    assert first.speaker.name == second.speaker.name == "Ukraine's military intelligence agency"
    assert first.said_on == second.said_on == dt.date(2024, 12, 15)


def test_days_counted_from_the_statement_before_unless_another_time_was_told_since():
    cs = claims("Kirby said on Sunday that North Korean troops were in Kursk.",
                "Two days later, Zelensky used the figure in an address. He said 11,000 North Korean soldiers were there.",
                "Kirby was asked about the figure the next day at a briefing. He said he could not confirm that "
                "11,000 North Korean soldiers were there.")
    assert by_text(cs, "He said 11,000").said_on == dt.date(2024, 12, 17)  # Sunday + 2
    assert by_text(cs, "could not confirm").said_on == dt.date(2024, 12, 18)  # the next day, at that briefing
    cs = claims("Kirby said on Sunday that North Korean troops were in Kursk.",
                "Peskov's denial in October was a reply to Seoul. Two days earlier, Zelensky had said 11,000 North "
                "Korean soldiers were in Kursk.")
    assert by_text(cs, "11,000").said_on is None  # two days before October's denial, not before Sunday
    cs = claims("Kirby said on Sunday that North Korean troops were in Kursk.",
                "Two days before that, on Dec. 13, Zelensky said 11,000 North Korean soldiers were in Kursk.")
    assert by_text(cs, "11,000").said_on == dt.date(2024, 12, 13)  # the day it names outright


def test_a_lawmaker_passing_on_a_briefing_dates_what_he_passes_on_and_he_is_him():
    people = PEOPLE + (Person(id="lee", name="Lee Seong-kweun", aliases=("Lee",), role="lawmaker"),
                       Person(id="nis", name="National Intelligence Service", aliases=("NIS",), kind="organization"))
    cs = claims("On Monday, Lee Seong-kweun told reporters after a closed-door briefing that 5,000 North Korean "
                "builders had gone to Russia.",
                "According to Lee, the NIS estimates that 10,000 North Korean troops are near the border. "
                "He added that more North Korean troops could follow.", people=people)
    monday = dt.date(2024, 12, 16)
    assert by_text(cs, "10,000").said_on == monday
    c = by_text(cs, "could follow")
    assert c.speaker.name == "Lee Seong-kweun" and c.said_on == monday


def test_a_spokesman_asked_on_the_day_his_body_spoke_answers_on_that_day():
    peskov = Person(id="peskov", name="Dmitry Peskov", aliases=("Peskov",), role="Kremlin spokesman", org="Kremlin")
    cs = claims("The Kremlin on Friday praised the North Korean troops in Kursk. Spokesman Dmitry Peskov was asked "
                "about them during his conference call with reporters.",
                "We reproduce the exchange below in our own translation.",
                "Q: How does the Kremlin assess their help?",
                "PESKOV: We are grateful to the North Korean troops. Their help in Kursk has been heroic.",
                "Background: North Korea sent 11,000 troops to Kursk last year.",
                "Analysts say the North Korean troops gained experience.",
                people=PEOPLE + (peskov,), published=dt.date(2024, 12, 14))
    assert by_text(cs, "grateful").said_on == dt.date(2024, 12, 13)


def test_an_answer_to_what_was_just_said_is_of_that_exchange():
    cs = claims("Kirby met Zelensky in Kyiv on Monday. Kirby told him that North Korean troops were in Kursk. "
                "Zelensky answered that 11,000 North Korean soldiers were there.")
    assert by_text(cs, "11,000").said_on == dt.date(2024, 12, 16)


def test_the_three_leaders_are_the_three_people_just_named():
    cs = claims("On Monday, Zelensky met Kirby and Jane Doe in Kyiv.",
                "In a joint statement, the three leaders said North Korean troops in Kursk must leave.")
    c = by_text(cs, "must leave")
    assert {c.speaker.name, *(j.name for j in c.joint)} == {"Volodymyr Zelensky", "John Kirby", "Jane Doe"}
    cs = claims("On Monday, Zelensky met Kirby in Kyiv.",
                "In a joint statement, the three leaders said North Korean troops in Kursk must leave.")
    assert all(c.speaker is None for c in cs if "must leave" in c.text)  # two named, three counted: not settled


def test_an_interview_published_on_a_day_the_parser_hangs_from_the_medium_is_dated_by_it():
    cs = claims("In an interview with South Korea's Chosun Ilbo published on Monday, Zelensky said North Korean "
                "troops had lost 4,000 men in Kursk.")
    assert by_text(cs, "4,000").said_on == dt.date(2024, 12, 16)


def test_he_after_a_name_opening_the_sentence_is_that_person_however_the_parser_labels_it():
    cs = claims("Kirby spoke by phone with Zelensky on Monday. Kirby warned that North Korean troops were in Kursk. "
                "Zelensky, for his part, told him the North Korean troops were about to attack and that the war was "
                "entering a new phase; he said he would send an envoy to Seoul.")
    assert by_text(cs, "envoy").speaker.name == "Volodymyr Zelensky"


def test_conveying_concern_is_saying_and_the_ministry_that_reports_it_only_tells_us():
    cs = claims("In talks in Kyiv, Kirby conveyed Washington's serious concern over North Korea's decision to send "
                "10,000 troops to Russia, according to the State Department.")
    assert by_text(cs, "10,000").speaker.name == "John Kirby"


def test_the_person_named_after_a_lawmaker_said_tuesday_spoke_on_tuesday():
    people = PEOPLE + (Person(id="lee", name="Lee Seong-kweun", aliases=("Lee",), role="lawmaker"),)
    cs = claims("About 5,000 North Korean builders have gone to Russia, a lawmaker said Monday after a closed-door "
                "briefing.",
                "Lee Seong-kweun told reporters that about 10,000 North Korean troops were near the border.",
                people=people)
    assert by_text(cs, "10,000").said_on == dt.date(2024, 12, 16)


def test_the_president_after_two_presidents_spoke_and_he_after_it_name_nobody():
    people = PEOPLE + (Person(id="yoon", name="Yoon Suk Yeol", aliases=("Yoon",), role="President of South Korea"),)
    cs = claims("President Yoon Suk Yeol spoke by phone with President Zelensky on Monday. Yoon warned that North "
                "Korean troops were a threat. Zelensky said the North Korean troops were about to attack.",
                "Then, at a press conference, the president went further. North Korean troops would be met with "
                "weapons, he said.", people=people)
    assert all(c.speaker is None for c in cs if "met with" in c.text)
    # Put on a Kursk story, a story where "Putin had brought …, he told the chamber": the one telling is "he".
    cs = claims("Zelensky addressed the European Parliament on Tuesday. Putin had already brought 11,000 North Korean "
                "soldiers to the border, he told the chamber.")
    assert by_text(cs, "11,000").speaker.name == "Volodymyr Zelensky"


def test_a_day_in_the_opening_phrase_that_names_the_occasion_dates_the_words():
    cs = claims("In an interview with the Associated Press recorded on 14 December and released the following day, "
                "he said Ukrainian forces had captured North Korean officers.",
                published=TUE)
    assert all(c.said_on in (None, dt.date(2024, 12, 14)) for c in cs)  # never the release day
    cs = claims("Zelensky spoke to reporters in Kyiv. In an interview with the Associated Press recorded on 14 "
                "December and released the following day, he said Ukrainian forces had captured North Korean officers.")
    assert by_text(cs, "captured").said_on == dt.date(2024, 12, 14)


def test_said_this_on_a_day_dates_the_statement_before_it():
    cs = claims("North Korean troops are again attacking in Kursk, and hundreds of them have been killed, Zelensky said.",
                "The head of state said this in his evening video address on Sunday.")
    assert by_text(cs, "again attacking").said_on == dt.date(2024, 12, 15)


def test_those_named_at_a_meeting_the_story_dates_spoke_there():
    people = PEOPLE + (Person(id="yoon", name="Yoon Suk Yeol", aliases=("Yoon",), role="President of South Korea"),)
    cs = claims("The visit followed a summit of Zelensky, Yoon Suk Yeol and Kirby in Lima. The meeting took place on "
                "Sunday afternoon.",
                "Yoon said North Korean troops in Kursk showed how hard the times had become.",
                "Separately, Jane Doe said North Korean troops would stay in Kursk.", people=people)
    assert by_text(cs, "hard the times").said_on == dt.date(2024, 12, 15)
    assert by_text(cs, "would stay").said_on is None  # not named at the meeting


def test_the_name_an_appositive_describes_before_the_verb_is_its_subject():
    people = PEOPLE + (Person(id="lee", name="Lee Seong-kweun", aliases=("Lee",), role="lawmaker"),)
    cs = claims("On Monday, after a closed-door briefing by the spy agency, Lee Seong-kweun, a member of the "
                "intelligence committee, told reporters that 5,000 North Korean troops had gone to Russia.",
                people=people)
    assert by_text(cs, "5,000").speaker.name == "Lee Seong-kweun"


def test_a_title_word_in_a_listed_alias_is_nobody_s_name():
    # "Defence Minister Kim" is an alias of a listed minister; "the Defence Secretary" of
    # a story about another country is the secretary the story named, not Kim.
    people = PEOPLE + (Person(id="kim-yh", name="Kim Yong-hyun", aliases=("Minister Kim", "Defence Minister Kim"),
                              role="Minister of National Defense", org="South Korea"),)
    cs = claims(
        "Defence Secretary John Healey said on Friday that 10,000 North Korean soldiers had arrived in Russia.",
        "When he gave MPs an update last week, the Defence Secretary said only that the transfer of North Korean troops had begun.",
        people=people,
    )
    c = by_text(cs, "the Defence Secretary said only")
    assert c.speaker.name == "John Healey"


def test_an_update_published_on_a_day_dates_what_it_says():
    cs = claims(
        "In its latest intelligence update, published on Friday, Defence Intelligence said North Korean troops were in Kursk.",
        "For Moscow, the update said, the North Korean troops had been the core of the partnership.",
        published=dt.date(2024, 11, 2),
    )
    first, second = by_text(cs, "In its latest"), by_text(cs, "the update said")
    assert first.speaker.name == "Defence Intelligence" and first.said_on == dt.date(2024, 11, 1)
    assert second.speaker.name == "Defence Intelligence" and second.said_on == dt.date(2024, 11, 1)


def test_a_byline_line_with_a_date_dates_nothing_below_it():
    cs = claims(
        "By Hana Holm · 13 November 2025",
        "The victory of the North Korean soldiers, Kim Jong Un said, was a great feat that had defended the honour of the army.",
        published=dt.date(2025, 11, 13),
    )
    assert by_text(cs, "Kim Jong Un said").said_on is None


def test_that_day_is_the_day_the_sentence_before_told_of():
    cs = claims(
        "Budanov said on 17 October 2024 that North Korean troops were training in Russia.",
        "By 20 November the picture had filled in. After a session of the intelligence committee that day, "
        "Lee Seong-kweun told reporters that more than 11,000 North Korean troops were in Kursk.",
        published=dt.date(2025, 10, 24),
    )
    # "20 November" in a story of 24 October 2025 is 2024's: what was said came before publication.
    assert by_text(cs, "Lee Seong-kweun told").said_on == dt.date(2024, 11, 20)


def test_a_body_giving_its_tally_on_a_day_speaks_that_day():
    # The parser reads "On 27 March South Korea's Joint Chiefs of Staff" as one phrase.
    cs = claims(
        "On 27 March South Korea's Joint Chiefs of Staff gave the first official tally of the cost. "
        "Of the some 11,000 North Korean soldiers dispatched to Russia, the Joint Chiefs of Staff said, about 4,000 had become casualties.",
        published=dt.date(2025, 10, 24),
    )
    c = by_text(cs, "the Joint Chiefs of Staff said")
    assert c.speaker.name == "South Korea's Joint Chiefs of Staff"  # the body named with its country before
    assert c.said_on == dt.date(2025, 3, 27)


def test_the_lawmaker_is_the_representative_who_spoke_last_and_relays_the_dated_briefing():
    cs = claims(
        "More than 11,000 North Korean troops are now deployed in the Kursk region, Seoul's spy agency told lawmakers Wednesday.",
        "The National Intelligence Service gave the assessment at a closed-door session, according to Rep. Lee Seong-kweun, "
        "who briefed reporters afterward alongside Rep. Park Sun-won.",
        "The North Korean troops moved to Kursk around late October, Lee said.",
        "Pyongyang has also shipped howitzers to Russia for the North Korean troops, according to the lawmaker.",
        published=dt.date(2024, 11, 20),
    )
    relay = by_text(cs, "gave the assessment")
    assert relay.speaker.name == "Lee Seong-kweun" and relay.said_on == dt.date(2024, 11, 20)
    assert by_text(cs, "Lee said").said_on == dt.date(2024, 11, 20)
    # Both are representatives, so lawmakers; the one who spoke last is "the lawmaker".
    assert by_text(cs, "according to the lawmaker").speaker.name == "Lee Seong-kweun"


def test_an_interview_the_story_dates_is_where_the_next_person_speaking_spoke():
    cs = claims(
        "Kyrylo Budanov, the head of military intelligence, gave an interview to The War Zone. "
        "The interview with the American defence site, published on Tuesday, is the fullest answer Kyiv has given so far. "
        "The head of military intelligence said around 8,000 North Korean soldiers were still fighting in the Kursk region.",
        published=dt.date(2025, 2, 8),
    )
    assert by_text(cs, "still fighting").said_on == dt.date(2025, 2, 4)


def test_every_sentence_of_a_quotation_left_open_is_the_speaker_s():
    cs = claims(
        "The North Korean special forces, Russian President Vladimir Putin told Kim Jong Un, had taken part in the liberation of the Kursk region.",
        '"This was in full accordance with our new agreement. I would like to note that your soldiers fought '
        "courageously and heroically in Kursk.",
        '"We will never forget the sacrifices made by your armed forces," the Russian president said.',
    )
    assert by_text(cs, "fought courageously").speaker.name == "Vladimir Putin"


def test_a_body_putting_out_an_assessment_reports_it():
    cs = claims("On 27 March the Joint Chiefs of Staff in Seoul put out an assessment that about 4,000 of the "
                "North Korean soldiers had been killed or wounded.", published=dt.date(2025, 11, 13))
    c = by_text(cs, "put out an assessment")
    assert c.speaker.name.startswith("Joint Chiefs") and c.said_on == dt.date(2025, 3, 27)


def test_a_meeting_record_s_speaker_in_capitals_the_day_of_an_attack_noted_and_the_delegate():
    cs = claims(
        "ROSEMARY QUILLAN, Under-Secretary-General for Political Affairs, told the Security Council today that "
        "the North Korean troops in Kursk raised serious concerns.",
        "She noted the 9 January attack in Zaporizhzhia and said the North Korean troops must leave Russia.",
        "The representative of the Republic of Korea, Joonkook Hwang, said two North Korean soldiers had been captured.",
        "The delegate called for North Korea's illegal participation in the war, and the illegal military cooperation "
        "between Russia and the North Korean troops, to stop immediately.",
        published=dt.date(2025, 1, 16),
    )
    first = by_text(cs, "raised serious concerns")
    assert first.speaker.name == "Rosemary Quillan" and first.said_on == dt.date(2025, 1, 16)
    noted = by_text(cs, "She noted")
    assert noted.speaker.name == "Rosemary Quillan" and noted.said_on != dt.date(2025, 1, 9)  # the attack's day
    assert by_text(cs, "The delegate called").speaker.name == "Joonkook Hwang"


def test_a_declaration_as_issued_is_its_issuer_s_and_initials_name_the_body():
    s = Story(id="d", seed="d.md", published=dt.date(2024, 10, 24),
              title="DPRK: Declaration by the High Representative on behalf of the EU on the deployment of DPRK troops",
              paragraphs=("The European Union is deeply alarmed by reports that North Korea is sending troops to Russia.",
                          "This would constitute a serious breach of international law by the North Korean troops.",
                          "The EU urges North Korea to stop supporting the war and to withdraw the troops."))
    cs = extract_claims(s, PEOPLE, TOPICS)
    assert [c.speaker.name for c in cs] == ["European Union"] * 3
    assert {c.said_on for c in cs} == {dt.date(2024, 10, 24)}
    # A news story about a declaration is not the declaration: its lead reports it.
    s = dataclasses.replace(s, paragraphs=("The European Union said on Thursday it was deeply alarmed by North Korean troops.",
                                           "The troops crossed into Russia by train, officials in Seoul believe."))
    cs = extract_claims(s, PEOPLE, TOPICS)
    assert not any(c.text.startswith("The troops crossed") and c.speaker.name == "European Union" for c in cs)


def test_a_live_page_s_entries_in_us_time_are_dated_by_their_day_heading():
    cs = claims(
        "WEDNESDAY, SEPT. 3",
        "3:12 p.m. ET – Speaking to reporters this afternoon, President Donald Trump said the North Korean troops were a matter for Russia.",
        "TUESDAY, SEPT. 2",
        "10:06 p.m. ET – South Korea's spy agency said about 2,000 North Korean soldiers had been killed.",
        published=dt.date(2025, 9, 2),
    )
    assert by_text(cs, "Speaking to reporters").said_on == dt.date(2025, 9, 3)
    assert by_text(cs, "spy agency said").said_on == dt.date(2025, 9, 2)
    assert not any(c.text.startswith(("p.m.", "3:12")) for c in cs)  # the time is no part of the entry's sentence


def test_the_agency_is_the_body_just_described_as_one_and_an_entry_goes_on_with_an_earlier_statement():
    cs = claims(
        "14:05 – Ukraine's military intelligence agency, HUR, has told Interfax-Ukraine that North Korea began supplying "
        "Russia with artillery last month. In total, more than 100 pieces have been handed over for the North Korean troops, the agency said.",
        "13:10 – South Korea's National Intelligence Service told lawmakers last week that the North Korean troops had "
        "howitzers, according to Lee Seong-kweun. The agency believes the North Korean troops include crews, Lee said.",
        "12:00 – Kirby said the North Korean troops were in Kursk.",
        published=dt.date(2024, 11, 29),
    )
    assert by_text(cs, "the agency said").speaker.name == "HUR"  # not a body met before with "agency" in its name
    lee = by_text(cs, "Lee said")
    assert lee.said_on is None and lee.date_precision == "week"  # the briefing of last week, not the entry's day


def test_a_day_counted_from_an_event_the_story_does_not_date_is_left_open():
    cs = claims(
        "Putin told Kim on Wednesday that the North Korean troops had fought heroically.",
        "A day before the parade, South Korea's spy agency told lawmakers that about 2,000 North Korean soldiers had been killed.",
        published=dt.date(2025, 9, 8),
    )
    # Not the day after Wednesday's statement: the parade's day is not given here.
    assert by_text(cs, "A day before the parade").said_on is None


def test_a_run_in_day_opening_a_paragraph_dates_what_follows():
    cs = claims(
        "Here is how the week went, day by day.",
        "Monday. It began in Kyiv. Volodymyr Zelensky said 11,000 North Korean troops were in the Kursk region.",
        "Tuesday. Washington caught up. Kirby said more than 10,000 North Korean soldiers had moved to Kursk.",
        published=dt.date(2024, 11, 17),  # a Sunday
    )
    assert by_text(cs, "Zelensky said").said_on == dt.date(2024, 11, 11)
    assert by_text(cs, "Kirby said").said_on == dt.date(2024, 11, 12)


def test_who_a_call_was_held_with_spoke_on_its_day():
    cs = claims(
        "President Yoon Suk Yeol held a telephone conversation on Tuesday with President Volodymyr Zelensky to discuss the North Korean troops.",
        "President Zelensky thanked President Yoon for his support.",
        "He said that the North Korean troops are about to be deployed to the front line.",
        published=dt.date(2024, 10, 30),
    )
    assert by_text(cs, "about to be deployed").said_on == dt.date(2024, 10, 29)


def test_he_is_the_author_of_the_claim_the_sentence_before_speaks_of():
    cs = claims(
        "North Korean troops have stopped fighting in Kursk, Kirby said on Tuesday.",
        "The assessment lends weight to a claim made on Friday by Col. Oleksandr Kindratenko, a spokesman for "
        "Ukraine's special forces. The presence of North Korean units \"has not been felt for about three weeks,\" he said.",
        published=dt.date(2025, 2, 4),
    )
    c = by_text(cs, "has not been felt")
    assert c.speaker.name == "Oleksandr Kindratenko" and c.said_on == dt.date(2025, 1, 31)


def test_he_said_inside_what_is_said_about_someone_is_not_that_someone():
    cs = claims(
        "U.S. Defense Secretary Lloyd Austin said on Wednesday that North Korean troops were in Russia's Kursk region. "
        "Putin, he said, would not prevail in Ukraine even with more North Korean troops.",
        people=PEOPLE + (Person(id="putin", name="Vladimir Putin", aliases=("Putin",), role="President of Russia"),),
        published=dt.date(2024, 10, 31),
    )
    assert by_text(cs, "would not prevail").speaker.name == "Lloyd Austin"


def test_a_time_clause_s_teller_named_in_apposition_and_no_statement_tells():
    kim = Person(id="kim", name="Kim Jong Un", aliases=("Kim",), role="Leader of North Korea")
    cs = claims(
        "North Korean leader Kim Jong Un said the North Korean troops in Kursk were heroes.",
        "The statement came two days after Russia's chief of the general staff, Valery Gerasimov, told Putin on "
        "Saturday that the North Korean troops had fought alongside Russian soldiers.",
        people=PEOPLE + (kim,), published=dt.date(2025, 4, 30),
    )
    c = by_text(cs, "The statement came")
    assert c.speaker.name == "Valery Gerasimov" and c.said_on == dt.date(2025, 4, 26)  # not Kim, whose statement it was


def test_he_is_left_open_when_someone_else_was_named_since_the_last_speaker():
    cs = claims(
        "Kirby said on Monday that North Korean troops had reached Kursk.",
        "The claim was disputed by Kyrylo Budanov, who told reporters the North Korean troops had not arrived; they were "
        "still training, he said.",
        published=dt.date(2024, 12, 17),
    )
    assert not any(c.text.startswith("The claim was disputed") and c.speaker.name == "John Kirby" for c in cs)


def test_he_is_the_person_a_sentence_the_parser_could_not_read_is_about():
    cs = claims(
        "On 17 July, Seth Bailey, director for Korean and Mongolian affairs at the US Department of State, briefed UN "
        "member states on the report. He said the United States was determined to hold North Korea accountable for the troops.",
        published=dt.date(2025, 7, 24),
    )
    assert by_text(cs, "He said the United States").speaker.name == "Seth Bailey"


def test_he_after_a_sentence_about_the_title_holder_the_words_fit_is_that_holder():
    people = PEOPLE + (Person(id="belousov", name="Andrei Belousov", aliases=("Belousov",), role="Russian Defence Minister", org="Russia"),
                       Person(id="no", name="No Kwang Chol", role="North Korean Defence Minister", org="North Korea"))
    cs = claims(
        "Belousov held talks with his North Korean counterpart, No Kwang Chol. Russian state media quoted Belousov as saying "
        "the treaty with North Korea and its troops would keep the balance of power.",
        "The North Korean minister, for his part, called friendship between the two armies a top priority. "
        "\"This relationship with the North Korean troops must be strengthened,\" he said.",
        people=people, published=dt.date(2024, 11, 29),
    )
    assert by_text(cs, "This relationship").speaker.name == "No Kwang Chol"


def test_a_live_entry_telling_of_last_week_and_a_quote_opening_an_entry():
    cs = claims(
        "09:05 GMT – Last week in Moscow. The briefing follows a trip to Russia by Choe Son Hui, who held talks with "
        "Sergei Lavrov. At the talks, Lavrov told her that Russia would never forget the North Korean troops.",
        "08:10 GMT – Pete Hegseth said the alliance was stronger than ever and that the North Korean troops were a threat.",
        "07:12 GMT – \"Signs of training for the North Korean troops.\" Lee Seong-kweun also told reporters that the "
        "agency saw signs of training for another dispatch of North Korean troops.",
        published=dt.date(2025, 11, 4),
    )
    # An entry telling of last week is not of the page's day.
    assert by_text(cs, "Lavrov told her").said_on is None
    assert by_text(cs, "Hegseth said").said_on == dt.date(2025, 11, 4)
    # A quotation heading the next entry is no one's going on from the entry before.
    assert not any(c.text.startswith("\"Signs of training") and c.speaker.name == "Pete Hegseth" for c in cs)


def test_a_live_entry_recapping_another_day_s_talks_dates_the_next_speaker_by_neither_day():
    cs = claims(
        "07:30 – The backdrop: Choe Son Hui was in Moscow. At the start of their talks on October 27, Sergei Lavrov "
        "said the North Korean troops had fought heroically. Choe Son Hui, for her part, told Lavrov that Pyongyang backed "
        "Russia with its North Korean troops. Later, Lavrov also said the North Korean troops would be honoured.",
        "12:40 – Lee Seong-kweun told reporters that about 5,000 North Korean troops had moved to Russia.",
        "13:10 – Lee Seong-kweun said the agency saw signs of training for more North Korean troops.",
        published=dt.date(2025, 11, 4),
        people=PEOPLE + (Person(id="choe", name="Choe Son Hui", aliases=("Choe",), role="Foreign Minister", org="North Korea"),
                         Person(id="lavrov", name="Sergei Lavrov", aliases=("Lavrov",), role="Foreign Minister", org="Russia")),
    )
    assert by_text(cs, "fought heroically").said_on == dt.date(2025, 10, 27)
    assert by_text(cs, "Pyongyang backed").said_on is None  # not the page's day: the entry tells of the talks
    assert by_text(cs, "would be honoured").said_on == dt.date(2025, 10, 27)  # the speaker it dated, going on
    assert by_text(cs, "5,000").said_on == dt.date(2025, 11, 4)


def test_a_kicker_saying_today_is_no_dated_heading():
    cs = claims("What to watch today", "Sergei Lavrov told Choe Son Hui that the North Korean troops had fought heroically.",
                published=dt.date(2025, 11, 4))
    assert by_text(cs, "fought heroically").said_on is None
    cs = claims("Today", "Sergei Lavrov told Choe Son Hui that the North Korean troops had fought heroically.",
                published=dt.date(2025, 11, 4))
    assert by_text(cs, "fought heroically").said_on == dt.date(2025, 11, 4)


def test_the_official_is_the_unnamed_voice_only_under_the_title_it_was_given():
    cs = claims(
        "Russia's deputy foreign minister says preparations are under way for a visit by Kim Jong Un this year.",
        "The JCS says the North Korean troops are only part of the picture.",
        "The military added that the North could send more North Korean troops.",
        "The deputy foreign minister added that the visit would be discussed with the North Korean troops in mind.",
    )
    assert by_text(cs, "deputy foreign minister says").speaker.name == "Russia"
    assert not [c for c in cs if "military added" in c.text and c.speaker.name == "Russia"]


def test_a_speech_s_excerpts_printed_after_the_sentence_setting_it_are_the_speaker_s():
    opening = ("Volodymyr Zelensky addressed the European Parliament by video link on Tuesday. The passages below "
               "follow the interpretation provided in the chamber.")
    quote = "\"Now, Putin has brought 11,000 North Korean troops to Ukraine's borders.\""
    cs = claims(opening, quote, published=dt.date(2024, 11, 20))
    c = by_text(cs, "11,000")
    assert c.speaker.name == "Volodymyr Zelensky" and c.said_on == dt.date(2024, 11, 19)
    # Someone else named since: the quotation is not settled as his.
    cs = claims(opening + " John Kirby was in the chamber.", quote, published=dt.date(2024, 11, 20))
    assert not [c for c in cs if "11,000" in c.text and c.speaker is not None and c.speaker.name == "Volodymyr Zelensky"]


def test_in_it_the_signatories_said_is_the_statement_the_sentence_before_dates_and_its_issuers():
    cs = claims(
        "SEOUL - North Korea's foreign ministry on Thursday rejected a joint statement on the North Korean troops, an "
        "unnamed spokesman for the ministry said.",
        "The joint statement was issued in Washington on Monday by the foreign ministers of Canada, France and Japan. "
        "In it, the signatories said the North Korean troops mark a dangerous expansion of the conflict.",
        published=dt.date(2024, 12, 19), dateline="SEOUL",
    )
    c = by_text(cs, "dangerous expansion")
    assert c.speaker.name.startswith("Foreign ministers of Canada, France and Japan")  # not the North's ministry
    assert c.said_on == dt.date(2024, 12, 16)


def test_a_weekday_under_a_dated_heading_counts_from_the_section_s_day():
    cs = claims("Oct. 13: Zelensky goes public",
                "In his nightly video address that Sunday, Volodymyr Zelensky said North Korean troops were joining Russia. "
                "It was, he said, no longer only about weapons.",
                published=dt.date(2024, 10, 22))
    assert by_text(cs, "joining Russia").said_on == dt.date(2024, 10, 13)  # not the Sunday before publication


def test_a_page_without_a_date_of_its_own_counts_weekdays_from_its_day_headings():
    cs = claims("Wednesday, 20 November 2024",
                "In his video address to the European Parliament on Tuesday, Volodymyr Zelensky said 11,000 North Korean "
                "soldiers were at Ukraine's borders. \"This contingent can grow to 100,000,\" he told MEPs.",
                "John Kirby said the North Korean troops were in Kursk.",
                published=None)
    assert by_text(cs, "11,000").said_on == dt.date(2024, 11, 19)
    assert by_text(cs, "100,000").said_on == dt.date(2024, 11, 19)  # he goes on with that day's address
    assert by_text(cs, "in Kursk").said_on == dt.date(2024, 11, 20)


def test_a_participle_opening_the_sentence_is_no_first_name_and_he_after_an_unlinked_name_is_unsettled():
    putin = Person(id="putin", name="Vladimir Putin", aliases=("Putin",), role="President of Russia", org="Russia")
    cs = claims(
        "In Beijing last month, Vladimir Putin was no less effusive. Meeting Kim on the sidelines of China's victory "
        "parade in September, the Russian president told him North Korea's soldiers had fought courageously and "
        "heroically in Kursk.",
        "Russia's ambassador to Pyongyang, Alexander Matsegora, and other embassy staff attended Thursday's ceremony. "
        "According to Yonhap, Matsegora thanked the North Korean soldiers for their part in the fighting.",
        "Kim used the ceremony to send a message to Moscow. The relationship between the two countries was \"now rising "
        "to its historic peak\", he said in remarks carried by KCNA about the North Korean troops.",
        people=PEOPLE + (putin,))
    assert by_text(cs, "fought courageously").speaker.name == "Vladimir Putin"
    assert not any(c.speaker is not None and c.speaker.name.startswith("Meeting") for c in cs)
    # "he" after a sentence about Kim, whom the story has not named in full: not the ambassador either.
    assert not any("historic peak" in c.text and c.speaker is not None for c in cs)


def test_a_korean_or_japanese_paper_is_a_medium_and_he_after_its_report_is_the_leader():
    from pathlib import Path

    from newsgen.config import load_config

    people = tuple(load_config(Path(__file__).resolve().parents[2] / "content")[0].people)
    cs = claims(
        "At a meeting on Wednesday with senior commanders, Kim Jong Un praised them for leading the North Korean troops "
        "to victory, the party newspaper Rodong Sinmun reported on Thursday. \"Ours is a heroic army,\" he told them.",
        people=people, published=dt.date(2025, 8, 22))
    assert by_text(cs, "heroic army").speaker.name == "Kim Jong Un"  # not the newspaper


def test_a_title_the_ner_took_into_the_name_is_still_the_person_s_title():
    from spacy.tokens import Span

    from newsgen.extract.mentions import _role_words
    from newsgen.extract.nlp import pipeline

    doc = pipeline(PEOPLE)("South Korea's First Vice Foreign Minister Kim Hong-kyun summoned the ambassador.")
    start = next(t.i for t in doc if t.text == "Minister")
    end = next(t.i for t in doc if t.text == "summoned")
    assert "minister" in _role_words(Span(doc, start, end, label="PERSON"))  # "Minister Kim Hong-kyun", as the NER may cut it


def test_an_editors_note_in_a_transcript_ends_no_dated_section_and_the_republic_of_korea_is_not_the_north():
    cs = claims(
        "Monday, December 16, 2024",
        "[Opening remarks and earlier questions on Syria omitted.]",
        "John Kirby said the North Korean soldiers deployed to Kursk were legitimate targets.",
        published=dt.date(2024, 12, 18),
    )
    assert by_text(cs, "legitimate targets").said_on == dt.date(2024, 12, 16)
    cs = claims(
        "Soldiers of the Democratic People's Republic of Korea had been captured in Kursk, the Under-Secretary-General said.",
        "The representative of the Republic of Korea said the testimonies of the two North Korean soldiers were clear.",
    )
    c = by_text(cs, "testimonies")
    assert c.speaker is None or "Democratic" not in c.speaker.name


def test_he_after_a_name_in_apposition_to_the_subject_is_that_person():
    cs = claims(
        "Vladimir Putin said the North Korean troops had fought heroically.",
        "Also on Wednesday, Putin's foreign-policy adviser, Yuri Ushakov, was asked on state television about Donald "
        "Trump's post on the North Korean troops. No one was conspiring over the North Korean troops, he replied.",
        people=PEOPLE + (Person(id="putin", name="Vladimir Putin", aliases=("Putin",), role="President of Russia"),))
    assert by_text(cs, "No one was conspiring").speaker.name == "Yuri Ushakov"


def test_each_wire_brief_on_a_page_of_briefs_counts_its_days_from_its_own_dateline():
    cs = claims(
        "SEOUL, Nov 13 (HW) - Some of the North Korean troops sent to Russia have begun taking part in combat, "
        "Lee Seong-kweun said on Wednesday after a closed-door briefing.",
        "KYIV, Nov 15 (HW) - Volodymyr Zelensky said on Friday that North Korea could send as many as 100,000 soldiers.",
        "MOSCOW, Nov 20 (HW) - The Kremlin spokesman Dmitry Peskov said the North Korean troops were a matter for the two "
        "countries alone.",
        published=dt.date(2024, 11, 23),  # the page of briefs: a Saturday
    )
    assert by_text(cs, "Lee Seong-kweun said").said_on == dt.date(2024, 11, 13)
    assert by_text(cs, "Zelensky said on Friday").said_on == dt.date(2024, 11, 15)  # not Friday the 22nd
    # "X said" in a dated brief: the brief's day, as a one-report page gives its publication day.
    assert by_text(cs, "Peskov said").said_on == dt.date(2024, 11, 20)


def test_one_dateline_is_the_report_s_and_does_not_make_a_page_of_briefs():
    cs = claims(
        "KYIV, Nov 15 (HW) - Volodymyr Zelensky said on Friday that North Korea could send as many as 100,000 soldiers.",
        "He said the North Korean troops were already in Kursk.",
        published=dt.date(2024, 11, 16),
    )
    assert by_text(cs, "Zelensky said on Friday").said_on == dt.date(2024, 11, 15)


def test_it_after_a_sentence_about_something_else_is_not_the_last_body_that_spoke():
    cs = claims(
        "The Kremlin said the North Korean troops were a matter for Russia and North Korea alone.",
        "Only one newspaper in Seoul looks past the ceremony. It asks what Pyongyang is paid for the troops, and "
        "finds nobody willing to say.",
    )
    assert not any("It asks" in c.text and c.speaker is not None and c.speaker.name == "Kremlin" for c in cs)
    # A statement of the body's as the subject before: "it" goes on being the body.
    cs = claims(
        "The Kremlin said on Monday the North Korean troops were a matter for Russia and North Korea alone.",
        "The statement was posted on its website. It said the North Korean troops were there under the treaty.",
    )
    assert by_text(cs, "It said").speaker.name == "Kremlin"


def test_as_someone_warned_is_said_when_the_clause_it_hangs_from_happened_and_names_the_sitting():
    cs = claims(
        "New evidence on the North Korean troops in Kursk was put before the Security Council today, as the United "
        "States warned that Moscow was arming Pyongyang in return.",
        "Vassily Nebenzia said the cooperation between his country and Pyongyang was lawful, and that the North Korean "
        "troops were no concern of the Council.",
        "The North Korean troops entered Kursk in October, as Seoul said last week.",
    )
    assert by_text(cs, "as the United States warned").said_on == TUE  # 'today'
    assert by_text(cs, "Nebenzia said").said_on == TUE  # at the sitting the lead dates
    assert all(c.said_on is None for c in cs if "Seoul said last week" in c.text)


def test_according_to_someone_who_spoke_on_a_day_is_dated_by_that_day():
    cs = claims(
        "About 600 North Korean soldiers have been killed in Kursk, according to Rep. Lee Seong-kweun of the ruling "
        "party, who spoke to reporters Monday after a closed-door briefing.",
        "The North Korean troops were sent in two deployments, Lee said.",
        "About 3,000 more North Korean troops may follow, according to an analyst who has studied the deployment.",
    )
    assert by_text(cs, "according to Rep. Lee").said_on == dt.date(2024, 12, 16)
    assert by_text(cs, "two deployments").said_on == dt.date(2024, 12, 16)  # he goes on, that day
    assert by_text(cs, "3,000 more").said_on is None  # 'who has studied': no speaking, no day


def test_a_teller_inserted_after_a_name_is_the_speaker_and_says_nothing_of_the_name():
    putin = Person(id="putin", name="Vladimir Putin", aliases=("Putin",), role="President of Russia", org="Russia")
    cs = claims(
        "On Tuesday, the 1,000th day of the full-scale invasion, Volodymyr Zelensky addressed the European Parliament "
        "by video link. Putin, the Ukrainian president told MEPs, has already brought 11,000 North Korean soldiers to "
        "Ukraine's borders.",
        "He said the North Korean soldiers could number 100,000 in time.",
        people=PEOPLE + (putin,),
    )
    c = by_text(cs, "has already brought")
    assert c.speaker.name == "Volodymyr Zelensky"  # not Putin, the parser's subject
    assert c.said_on == TUE  # the occasion the sentence before sets for him
    assert by_text(cs, "could number 100,000").speaker.name == "Volodymyr Zelensky"


def test_the_words_before_x_said_this_are_x_s_and_the_head_of_state_is_the_president():
    cs = claims(
        "The Russian army has again brought North Korean soldiers into the fighting in Kursk; hundreds of North Korean "
        "soldiers have been killed.",
        "President Volodymyr Zelensky said this in his evening video address on Monday, a correspondent reports.",
        "\"The North Korean troops are back in Kursk,\" the Head of State said.",
        "Ukraine's forces destroyed two North Korean positions near Kursk. This was stated by John Kirby at a briefing "
        "on Monday.",
        "North Korean troops are in Kursk. Kirby said this does not change anything.",
    )
    lead = by_text(cs, "has again brought")
    assert (lead.speaker.name, lead.said_on) == ("Volodymyr Zelensky", dt.date(2024, 12, 16))
    assert not any(c.text.startswith("President Volodymyr Zelensky said this") for c in cs)  # says only who said it
    assert by_text(cs, "back in Kursk").speaker.name == "Volodymyr Zelensky"
    assert by_text(cs, "destroyed two").speaker.name == "John Kirby"
    # "this" as the subject of what is said points at nothing before it.
    assert by_text(cs, "Kirby said this does not").speaker.name == "John Kirby"
    assert not any(c.text == "North Korean troops are in Kursk." and c.speaker is not None for c in cs)
    # "X said this:" introduces what follows.
    cs = claims("Hundreds of North Korean soldiers have been killed in Kursk.",
                "John Kirby said this: \"The North Korean troops are in combat.\"")
    assert not any(c.text.startswith("Hundreds") and c.speaker is not None for c in cs)


def test_a_spokesman_for_a_body_named_after_it_is_that_person_not_the_body():
    cs = claims(
        "Last week, the spokesman for Ukraine's Special Operations Forces, Colonel Oleksandr Kindratenko, told "
        "journalists that the North Korean troops had not been seen in Kursk for three weeks.",
    )
    assert cs[0].speaker.name == "Oleksandr Kindratenko"


def test_an_anniversary_piece_s_last_year_dates_and_said_then():
    peskov = Person(id="peskov", name="Dmitry Peskov", aliases=("Peskov",), role="Kremlin spokesman", org="Russia")
    cs = claims(
        "The tone in Moscow was very different twelve months ago.",
        "On 10 October last year, after South Korea's defence minister suggested that North Korean soldiers might "
        "already be in Ukraine, Kremlin spokesman Dmitry Peskov dismissed the idea as \"another piece of fake news.\"",
        "By 21 October he had softened that to a shrug. \"We see a lot of contradictory information about the North "
        "Korean troops,\" Peskov said then.",
        published=dt.date(2025, 10, 24),
        people=PEOPLE + (peskov,),
    )
    first = by_text(cs, "fake news")
    assert (first.speaker.name, first.said_on) == ("Dmitry Peskov", dt.date(2024, 10, 10))
    # "21 October" after a statement of last October is of that year; "said then" is that day.
    assert by_text(cs, "contradictory information").said_on == dt.date(2024, 10, 21)


def test_a_standing_view_in_a_live_entry_is_not_dated_by_the_entry():
    cs = claims(
        "08:14 – Yuri Ushakov told Russian state television that no one had been plotting anything about the North Korean troops.",
        "05:45 – South Korea estimates that North Korea has sent about 15,000 troops to Russia since last year.",
        "03:26 – Kim Jong Un told Vladimir Putin that helping Russia was a fraternal duty for the North Korean troops.",
        published=dt.date(2025, 9, 3),
    )
    assert by_text(cs, "Ushakov told").said_on == dt.date(2025, 9, 3)
    assert by_text(cs, "South Korea estimates").said_on is None


def test_an_unnamed_spokesman_for_the_body_named_before_speaks_for_it_after_a_hyphen_dateline():
    cs = claims(
        "SEOUL - North Korea's foreign ministry on Monday rejected a joint statement on its troops in Russia.",
        "\"The statement distorts the normal relations between the DPRK and Russia,\" an unnamed spokesman for the "
        "ministry said in the statement carried by KCNA. The aim, he claimed, was to pressure Pyongyang over the "
        "North Korean troops.",
    )
    first = cs[0]
    assert first.speaker.name == "North Korea's foreign ministry"  # not "SEOUL - North Korea's …"
    assert by_text(cs, "distorts").speaker.name == "North Korea's foreign ministry"
    assert by_text(cs, "distorts").said_on == dt.date(2024, 12, 16)


def test_a_press_release_s_own_voice_is_its_issuer_s_and_a_quoted_minister_is_the_minister_s():
    cs = claims(
        "The UK today announced new sanctions against North Korea's defence minister over the troops sent to Russia.",
        "Putin is using the North Korean troops as cannon fodder in his illegal war. They have already suffered more "
        "than 4,000 casualties.",
        "Foreign Secretary David Lammy said:",
        "\"Today's action shows that those who send North Korean troops to fight in Putin's war will pay a price.\"",
        issued_by="Foreign Office", published=dt.date(2025, 2, 24),
    )
    fodder = by_text(cs, "cannon fodder")
    assert (fodder.speaker.name, fodder.said_on) == ("Foreign Office", dt.date(2025, 2, 24))
    assert by_text(cs, "will pay a price").speaker.name == "David Lammy"
    # The same text, not a release: the writer's own sentences credit nobody.
    plain = claims(*["Putin is using the North Korean troops as cannon fodder in his illegal war."])
    assert all(c.speaker is None for c in plain)


def test_an_issued_text_s_sentence_whose_subject_is_no_speaker_is_the_issuer_s_up_to_the_text_s_end():
    cs = claims(
        "The recognition of the North Korean troops by the two regimes confirms Ukraine's repeated warnings.",
        "We call on partners to put pressure on Moscow over the North Korean troops.",
        "The recognition of the North Korean troops came after months of denials, the register notes.",
        "Reports of the North Korean troops confirm the warnings.",
        issued_by="Ministry of Foreign Affairs of Ukraine", issued_paragraphs=2, published=dt.date(2025, 4, 28),
    )
    c = by_text(cs, "confirms Ukraine's repeated warnings")
    assert (c.speaker.name, c.said_on) == ("Ministry of Foreign Affairs of Ukraine", dt.date(2025, 4, 28))
    # After the issued text, the page's own sentences are not the ministry's.
    assert not [c for c in cs if "confirm the warnings" in c.text and c.speaker is not None]


def test_the_session_a_narrative_sentence_dates_is_where_those_its_paragraph_names_spoke():
    cs = claims(
        "The most detailed picture came on Monday, from a closed-door session of the intelligence committee. "
        "According to the committee's two secretaries, Lee Seong-kweun and Park Sun-won, about 11,000 North Korean "
        "soldiers moved into Kursk in late October.",
        "Some of the North Korean soldiers have already gone into battle, Lee told reporters after the session.",
        "Volodymyr Zelensky told reporters that 100,000 North Korean soldiers could follow.",
    )
    assert by_text(cs, "gone into battle").said_on == dt.date(2024, 12, 16)
    assert by_text(cs, "100,000").said_on is None  # not named where the session was told of


def test_a_wire_story_dated_the_day_before_publication_is_a_report_of_its_dateline_s_day():
    cs = claims(
        "LIMA, Nov. 16 Kyodo - Prime Minister Shigeru Ishiba and President Yoon Suk Yeol expressed concern over the "
        "North Korean troops sent to Russia, Yoon's office said.",
        "A day earlier, the two leaders met Joe Biden. In a joint statement released after Friday's meeting, the three "
        "leaders said they condemned the decision to send the North Korean troops. The deployment was dangerous, "
        "they said.",
        published=dt.date(2024, 11, 17), dateline="LIMA, Nov. 16 Kyodo",  # a Sunday in Tokyo
    )
    lead = cs[0]
    assert lead.said_on == dt.date(2024, 11, 16) and "dateline" in lead.date_basis
    # Told after "Friday's meeting": not the report's day; nor is the same voice going on.
    assert by_text(cs, "In a joint statement").said_on is None
    assert by_text(cs, "was dangerous").said_on is None


def test_defense_chiefs_of_two_countries_are_a_group_and_a_verb_inside_a_quotation_gives_no_tense():
    cs = claims(
        "The defense chiefs of South Korea and the United States on Wednesday called on North Korea to withdraw its "
        "troops from Russia.",
        "\"North Korea has sent around 10,000 soldiers to train in eastern Russia,\" Lloyd Austin told reporters.",
        published=dt.date(2024, 10, 31), dateline="WASHINGTON",
    )
    lead = cs[0]
    assert lead.speaker.name == "Defense chiefs of South Korea and the United States"
    assert lead.said_on == dt.date(2024, 10, 30)
    assert by_text(cs, "Lloyd Austin told").said_on == dt.date(2024, 10, 30)  # the report's day, not background


def test_leaders_met_on_a_day_is_where_they_spoke_though_one_was_dated_before_elsewhere():
    cs = claims(
        "On 20 August, Kim Jong Un told his officers that the North Korean troops had fought heroically in Kursk.",
        "The two leaders met face to face in Beijing on 3 September. Opening the talks, Vladimir Putin thanked Kim "
        "Jong Un for the North Korean troops.",
        "If there was anything more he could do for Russia, Kim Jong Un said, he would do it for the North Korean troops.",
        published=dt.date(2025, 11, 13),
    )
    assert by_text(cs, "told his officers").said_on == dt.date(2025, 8, 20)
    assert by_text(cs, "Putin thanked").said_on == dt.date(2025, 9, 3)
    assert by_text(cs, "anything more").said_on == dt.date(2025, 9, 3)  # not the August day of his last words


def test_two_leaders_who_spoke_by_phone_on_a_day_said_their_words_then():
    cs = claims(
        "South Korean President Yoon Suk Yeol and Ukrainian President Volodymyr Zelensky spoke by phone on Tuesday about "
        "the North Korean soldiers.",
        "According to the readout, Yoon told Zelensky that South Korea would not tolerate the military collusion.",
        published=dt.date(2024, 10, 30),
    )
    assert by_text(cs, "would not tolerate").said_on == dt.date(2024, 10, 29)


def test_one_speaker_who_spoke_on_a_day_is_no_conversation():
    cs = claims(
        "Volodymyr Zelensky spoke on Tuesday about the North Korean soldiers. Yoon Suk Yeol was in Seoul.",
        "According to the readout, Yoon told reporters that South Korea would not tolerate the military collusion.",
        published=dt.date(2024, 10, 30),
    )
    assert by_text(cs, "would not tolerate").said_on is None


def test_the_country_s_leader_is_its_president():
    cs = claims(
        "South Korean President Yoon Suk Yeol and Ukrainian President Volodymyr Zelensky spoke by phone on Tuesday.",
        "North Korean troops were about to be put into the front line, the Ukrainian leader said.",
        "The threat was real, the South Korean leader said.",
    )
    assert by_text(cs, "front line").speaker.name == "Volodymyr Zelensky"
    assert by_text(cs, "threat was real").speaker.name == "Yoon Suk Yeol"


def test_a_listed_person_named_family_name_first_is_that_person():
    hayashi = Person(id="hayashi", name="Yoshimasa Hayashi", aliases=("Hayashi",), role="Chief Cabinet Secretary", org="Japan")
    cs = claims(
        "Chief Cabinet Secretary Hayashi Yoshimasa told a news conference on Monday that Japan was watching the "
        "North Korean troops in Russia with serious concern.",
        people=PEOPLE + (hayashi,),
    )
    assert cs[0].speaker.name == "Yoshimasa Hayashi"


def test_the_signatories_are_the_group_that_spoke_last():
    cs = claims(
        "The foreign ministers of Canada, France and Japan on Monday told North Korea to withdraw its troops from Russia.",
        "According to the signatories, the North Korean troops mark a dangerous expansion of the war.",
    )
    group = cs[0].speaker.name
    assert by_text(cs, "According to the signatories").speaker.name == group


def test_a_statement_named_by_its_day_which_said_is_of_that_day_and_sets_no_occasion():
    cs = claims(
        "The intelligence service briefed lawmakers on Wednesday, according to Lee Seong-kweun. The briefing follows a "
        "written National Intelligence Service statement of November 13, which said that North Korean troops had "
        "completed their deployment to the battlefield.",
        "North Korea has exported 170mm self-propelled guns to Russia, the National Intelligence Service told lawmakers "
        "on Wednesday.",
        "The National Intelligence Service also said North Korea may send more troops.",
        published=dt.date(2024, 11, 20))
    assert by_text(cs, "completed their deployment").said_on == dt.date(2024, 11, 13)
    assert by_text(cs, "more troops").said_on == dt.date(2024, 11, 20)  # the briefing's day, not the statement's


def test_a_factbox_entry_heading_naming_the_speaker_then_the_day_dates_the_entry():
    yoon = Person(id="yoon", name="Yoon Suk Yeol", aliases=("Yoon Suk-yeol",), role="President of South Korea", org="South Korea")
    cs = claims(
        "SEOUL, Sept 4 - Russian President Vladimir Putin met Kim Jong Un in Beijing on Wednesday and thanked him for the soldiers.",
        "SOUTH KOREAN PRESIDENT YOON SUK YEOL, NOV. 7, 2024",
        "Speaking at a news conference in Seoul, Yoon said Seoul was not ruling out providing weapons to Ukraine.",
        "UKRAINIAN PRESIDENT VOLODYMYR ZELENSKY, FEB. 7, 2025",
        "In his nightly video address, Zelensky said hundreds of North Korean soldiers had been killed.",
        published=dt.date(2025, 9, 4), people=PEOPLE + (yoon,))
    c = by_text(cs, "providing weapons")
    assert (c.speaker.id, c.said_on) == ("yoon", dt.date(2024, 11, 7))  # the whole name in capitals is his
    assert by_text(cs, "hundreds").said_on == dt.date(2025, 2, 7)  # not the day of the lead


def test_a_text_printed_after_the_line_saying_who_issued_it_is_the_issuer_s():
    borrell = Person(id="borrell", name="Josep Borrell", aliases=("Borrell",), role="EU High Representative", org="European Union")
    eu = Person(id="eu", name="European Union", aliases=("EU",), kind="organization")
    cs = claims(
        "The following declaration was issued by the High Representative of the Union for Foreign Affairs and Security "
        "Policy, Josep Borrell, on behalf of the European Union.",
        "The European Union is deeply alarmed by the reports that North Korea is sending troops to take part in "
        "Russia's war against Ukraine.",
        "The EU strongly condemns the transfers of arms between North Korea and Russia.",
        published=dt.date(2024, 10, 24), people=PEOPLE + (borrell, eu))
    for words in ("deeply alarmed", "strongly condemns"):
        c = by_text(cs, words)
        assert (c.speaker.id, c.said_on) == ("borrell", dt.date(2024, 10, 24))
    assert not [c for c in cs if "following declaration" in c.text]


def test_a_think_tank_that_calculated_is_the_think_tank_that_goes_on():
    cs = claims(
        "The Washington-based Institute for the Study of War calculated in its assessment of 16 January that North Korean "
        "units have been losing about 92 soldiers a day.",
        "If losses continue at that rate, the entire North Korean contingent in Kursk could be killed or wounded within "
        "roughly 12 weeks, the think tank said.",
        published=dt.date(2025, 1, 24))
    for words in ("92 soldiers", "12 weeks"):
        c = by_text(cs, words)
        assert (c.speaker.name, c.said_on) == ("Institute for the Study of War", dt.date(2025, 1, 16))


def test_the_one_told_answers_on_the_occasion_of_the_telling():
    choe = Person(id="choe", name="Choe Son Hui", aliases=("Choe",), role="Foreign Minister of North Korea")
    cs = claims(
        "In Moscow last week, Russian Foreign Minister Sergei Lavrov told his North Korean counterpart Choe Son Hui that "
        "Russia would never forget the North Korean soldiers.",
        "Choe, for her part, said it was Pyongyang's consistent position to support the Russian leadership.",
        published=dt.date(2025, 11, 5), people=PEOPLE + (choe,))
    c = by_text(cs, "consistent position")
    assert c.speaker.id == "choe" and c.said_on is None and c.date_precision == "week"  # not the day of publication


def test_two_days_before_that_and_the_same_friday_count_from_the_days_the_story_told():
    podolyak = Person(id="podolyak", name="Mykhailo Podolyak", aliases=("Podolyak",), role="adviser")
    peskov = Person(id="peskov", name="Dmitry Peskov", aliases=("Peskov",), role="Kremlin spokesman")
    cs = claims(
        "Colonel Oleksandr Kindratenko said on Friday, Jan. 31, that North Korean troops had not been seen for three weeks. "
        "Two days before that, presidential adviser Mykhailo Podolyak had said some North Korean units had been withdrawn.",
        "Asked about the reports the same Friday, Kremlin spokesman Dmitry Peskov said it was not worth commenting on every one.",
        published=dt.date(2025, 2, 11), people=PEOPLE + (podolyak, peskov))
    assert by_text(cs, "had been withdrawn").said_on == dt.date(2025, 1, 29)
    assert by_text(cs, "not worth commenting").said_on == dt.date(2025, 1, 31)  # not the Friday before publication


def test_a_lead_that_dates_the_sitting_it_reports_dates_the_statements_made_there():
    dicarlo = Person(id="dicarlo", name="Rosemary DiCarlo", aliases=("DiCarlo",), role="UN Under-Secretary-General")
    cs = claims(
        "Reports that North Korean soldiers had been captured in the Kursk region dominated the Security Council's "
        "briefing on Ukraine this afternoon, convened at the request of the United States.",
        "ROSEMARY DICARLO, Under-Secretary-General for Political Affairs, said the involvement of North Korean troops "
        "raised serious concerns about a further internationalization of the conflict.",
        published=dt.date(2025, 1, 16), people=PEOPLE + (dicarlo,))
    c = by_text(cs, "internationalization")
    assert (c.speaker.id, c.said_on) == ("dicarlo", dt.date(2025, 1, 16))


def test_a_day_that_bounds_a_meeting_is_not_the_day_its_members_spoke():
    sybiha = Person(id="sybiha", name="Andrii Sybiha", aliases=("Sybiha",), role="Foreign Minister of Ukraine")
    cho = Person(id="cho", name="Cho Tae-yul", aliases=("Cho",), role="Foreign Minister of South Korea")
    cs = claims(
        "Minister of Foreign Affairs Cho Tae-yul held a bilateral meeting with Foreign Minister Andrii Sybiha in Fiuggi "
        "on the margins of the G7 Foreign Ministers' Meeting. The G7 ministers' meeting runs through 26 November.",
        "Minister Sybiha described the dispatch of North Korean troops to Russia as a security concern shared by both countries.",
        published=dt.date(2024, 11, 26), people=PEOPLE + (sybiha, cho))
    assert by_text(cs, "security concern").said_on != dt.date(2024, 11, 26)  # "through 26 November" bounds the meeting


def test_issuers_naming_themselves_in_a_quoted_opening_are_the_ministers_and_signatories_that_follow():
    cs = claims(
        "The statement opens: “We, the Foreign Ministers of Australia, Canada, Japan and the United States, condemn "
        "the growing military cooperation between North Korea and Russia.”",
        "Direct North Korean support for Russia's war, the signatories write, “marks a dangerous expansion of the conflict.”",
        "The ministers add that they are “deeply concerned” about Russia's support for North Korea's weapons programmes.",
        published=dt.date(2024, 12, 16))
    for words in ("dangerous expansion", "deeply concerned"):
        assert by_text(cs, words).speaker.name.startswith("Foreign Ministers of Australia, Canada, Japan")


def test_a_medium_quoting_him_is_his_words_when_the_text_settles_who_he_is_and_nobody_s_when_not():
    kim = Person(id="kim", name="Kim Jong Un", aliases=("Kim Jong-un",), role="leader of North Korea")
    settled = claims(
        "Kim Jong Un received the families of soldiers who died fighting for Russia on Friday. KCNA quoted him as "
        "grieving at having failed to save the precious lives of the soldiers.",
        published=dt.date(2025, 9, 4), people=PEOPLE + (kim,))
    assert by_text(settled, "precious lives").speaker.id == "kim"
    unsettled = claims(
        "Kim's trip followed a week of mourning. Last Friday he received the families of soldiers who died fighting for "
        "Russia. State news agency KCNA quoted him as grieving at having failed to save the precious lives of the soldiers.",
        published=dt.date(2025, 9, 4))
    assert not [c for c in unsettled if "precious lives" in c.text and "KCNA" in c.speaker.name]  # not the agency's words


def test_a_standing_estimate_under_a_day_s_heading_is_not_that_day_s_words():
    cs = claims("Saturday, October 11",
                "Seoul estimates North Korea has sent around 15,000 troops to Russia since last year.",
                "Kim Jong Un told the parade that the troops had fought heroically in Kursk.",
                published=dt.date(2025, 10, 11))
    assert by_text(cs, "15,000").said_on is None
    assert by_text(cs, "heroically").said_on == dt.date(2025, 10, 11)

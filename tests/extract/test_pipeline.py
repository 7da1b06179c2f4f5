"""The spaCy pipeline's layers, each on short stories written in the styles outlets use.

Every test reads what the whole pipeline makes of a story (extract_claims), so it holds
whatever the statistical model's parse of the sentence is; the names, bodies and days
in them are invented for the tests.
"""
from __future__ import annotations

import datetime as dt

from newsgen.extract import extract_claims
from newsgen.extract.claims import extract_many
from newsgen.extract.nlp import pipeline
from newsgen.model import Outlet, Person, Story, Topic

PEOPLE = (
    Person(id="kirby", name="John Kirby", aliases=("Kirby",), role="National Security Communications Adviser", org="White House"),
    Person(id="pentagon", name="Pentagon", aliases=("Department of Defense",), kind="organization"),
    Person(id="nis", name="National Intelligence Service (South Korea)",
           aliases=("National Intelligence Service", "NIS", "South Korea's spy agency"), kind="organization"),
)
OUTLETS = (Outlet(id="wirex", name="Wire X", kind="wire"),)
TOPICS = (Topic(id="deployment", label="Deployment", keywords=("North Korea", "North Korean", "troops", "soldiers")),)
WED = dt.date(2024, 10, 23)  # a Wednesday


def claims(*paragraphs, published=WED, **story):
    s = Story(id="t", seed="t.txt", published=published, paragraphs=paragraphs, **story)
    return extract_claims(s, PEOPLE, TOPICS, OUTLETS)


def one(cs, words):
    found = [c for c in cs if words in c.text]
    assert len(found) == 1, [c.text for c in cs]
    return found[0]


def test_a_full_name_then_the_surname_is_one_person_korean_names_family_first():
    cs = claims("Yoon Min-ho, a lawmaker on the intelligence committee, told reporters that about 3,000 North Korean troops were in Russia.",
                "Yoon said a second group of North Korean soldiers would follow by December.")
    assert {c.speaker.name for c in cs} == {"Yoon Min-ho"}


def test_and_joins_two_speakers_each_credited():
    (c,) = claims("Defense Secretary Mark Halden and Defense Minister Park Jae-won said on Tuesday that North Korean troops were in Russia.")
    assert [s.name for s in c.speakers] == ["Mark Halden", "Park Jae-won"]
    assert all(" and " not in s.name for s in c.speakers)
    assert c.said_on == dt.date(2024, 10, 22)


def test_the_title_must_fit_the_person():
    cs = claims("North Korea's Foreign Minister Ri Sol-ju said on Tuesday that her country stood with Russia until victory, a pledge about its troops.",
                "The Russian foreign minister, in turn, said the two armies' contacts on North Korean troops were very close.")
    assert one(cs, "stood with Russia").speaker.name == "Ri Sol-ju"
    # "the Russian foreign minister" is not the North Korean one met before: nobody named.
    assert all(c.speaker is None or c.speaker.name != "Ri Sol-ju" for c in cs if "in turn" in c.text)


def test_the_agency_is_the_body_named_before():
    cs = claims("South Korea's spy agency said on Wednesday that about 3,000 North Korean troops had arrived in Russia.",
                "The agency said more North Korean soldiers would be sent by December.")
    assert {c.speaker.id for c in cs} == {"nis"}


def test_an_outlet_reporting_is_the_relay_not_the_speaker():
    (c,) = claims("Wire X reported that John Kirby said North Korean troops were moving toward the front.")
    assert c.speaker.id == "kirby" and c.reports[0].relay == "Wire X"


def test_a_statement_from_someone_published_by_an_agency_is_theirs():
    (c,) = claims("The state news agency published a statement from the Pentagon confirming that North Korean troops had been sent.")
    assert c.speaker.id == "pentagon"


def test_bullets_under_a_lead_ending_in_a_colon_are_the_leads_subjects_words():
    cs = claims("The foreign ministers of Canada and Japan released a joint statement on Tuesday about the North Korean troops.",
                "In the statement, the ministers:",
                "condemned the sending of North Korean troops to Russia;",
                "warned that North Korean soldiers on the battlefield would widen the war.")
    bullets = [c for c in cs if c.text.startswith(("condemned", "warned"))]
    assert len(bullets) == 2 and all(c.speaker and c.speaker.name.startswith("Foreign ministers of Canada") for c in bullets)


def test_a_day_inside_the_reported_content_is_not_the_statement_day():
    (c,) = claims("Kirby said on Monday that North Korean troops entered combat last week.")
    assert c.said_on == dt.date(2024, 10, 21)


def test_a_speaking_occasion_dates_what_the_person_then_says():
    cs = claims("At a press conference on Tuesday, Yoon Min-ho played part of the recording.",
                "The North Korean soldiers wanted to come to the South, Yoon said.")
    assert one(cs, "Yoon said").said_on == dt.date(2024, 10, 22)


def test_pluperfect_gets_no_day_and_an_opinion_piece_no_publication_day():
    cs = claims("Kirby had said North Korean troops could be used in Kursk.",
                "Kirby said North Korean soldiers were now in Russia.")
    assert all(c.said_on is None for c in cs)  # no dateline: not a dated news report


def test_a_dated_news_report_dates_its_undated_said_by_the_day_it_is_set_on():
    cs = claims("The Pentagon said on Tuesday that 10,000 North Korean troops were in Russia.",
                "Kirby said North Korean soldiers were moving toward Kursk.",
                dateline="WASHINGTON")
    assert one(cs, "Kirby said").said_on == dt.date(2024, 10, 22)
    assert "set on" in one(cs, "Kirby said").date_basis


def test_a_figure_counts_its_state():
    (c,) = claims("The NIS said on Wednesday that 300 North Korean soldiers had been killed and 2,700 wounded.")
    counts = {q.value: q.counts for q in c.quantities}
    assert counts[300] == "killed" and counts[2700] == "wounded"


def test_batched_extraction_equals_one_story_at_a_time():
    stories = [Story(id=f"s{i}", seed=f"s{i}.txt", published=WED, paragraphs=(p,)) for i, p in enumerate((
        "Kirby said on Monday that North Korean troops entered combat last week.",
        "South Korea's spy agency said about 3,000 North Korean troops were in Russia.",
        "Why would Pyongyang send 10,000 North Korean soldiers?",
    ))]
    assert extract_many(stories, PEOPLE, TOPICS, OUTLETS) == [extract_claims(s, PEOPLE, TOPICS, OUTLETS) for s in stories]


def test_the_model_is_loaded_once_and_the_ruler_follows_the_people():
    assert pipeline(PEOPLE, OUTLETS) is pipeline(PEOPLE)
    other = (Person(id="yoon", name="Yoon Min-ho"),)
    (c,) = extract_claims(Story(id="t", seed="t.txt", published=WED, paragraphs=(
        "Yoon Min-ho said North Korean troops were in Russia.",)), other, TOPICS)
    assert c.speaker.id == "yoon" and c.speaker.known


# People spelt as another outlet spells them; the list knows one spelling.
SPELT = PEOPLE + (
    Person(id="zelensky", name="Volodymyr Zelensky", aliases=("Zelensky",), role="President of Ukraine", org="Ukraine"),
    Person(id="austin", name="Lloyd Austin", aliases=("Austin",), role="Secretary of Defense", org="United States"),
)


def test_another_spelling_of_a_listed_name_is_that_person():
    s = Story(id="t", seed="t.txt", published=WED, paragraphs=(
        "Ukrainian President Volodymyr Zelenskiy said on Tuesday that North Korean troops were already in Russia.",
        "Defense Secretary Lloyd J. Austin III said on Wednesday that North Korean soldiers had moved toward Kursk.",
        "Zelenskyy said later that the North Korean troops would reach the front within days."))
    cs = extract_claims(s, SPELT, TOPICS, OUTLETS)
    assert {c.speaker.name for c in cs} == {"Volodymyr Zelensky", "Lloyd Austin"}
    assert one(cs, "within days").speaker.id == "zelensky"


def test_a_spelling_key_keeps_short_names_apart():
    from newsgen.extract.mentions import spelling_key
    assert spelling_key("Zelenskiy") == spelling_key("Zelenskyy") == spelling_key("Zelensky")
    assert spelling_key("Kim Jong-un") == spelling_key("Kim Jong Un")
    assert spelling_key("Sergey Shoigu") == spelling_key("Sergei Shoigu")
    assert spelling_key("Li") != spelling_key("Ly")
    assert spelling_key("Kim") != spelling_key("Kimi")


def test_the_main_clause_reports_not_a_belief_inside_the_narrative():
    # The belief down in the narrative's clause is not the claim; "Park", a surname two
    # people share, is the one of them who has been speaking, not the one acted about.
    cs = claims("Defense Minister Park Jae-won said on Tuesday that North Korean troops had reached Russia.",
                "Park Min-su, the North Korean envoy, has moved what Tokyo believes are two brigades of troops, "
                "and Park said the North Korean soldiers would fight within weeks.")
    assert all(c.speaker is None or c.speaker.name != "Tokyo" for c in cs)
    assert one(cs, "within weeks").speaker.name == "Park Jae-won"


def test_a_shared_surname_is_the_namesake_who_spoke_last_nearby():
    cs = claims("Lawmaker Lee Min-ho said on Tuesday that North Korean troops had reached Kursk.",
                "Separately, opposition leader Lee Dong-su urged the government to stay out of the war over the North Korean troops.",
                '"We must not be dragged into a war over North Korean troops," Lee said.')
    assert one(cs, "dragged into").speaker.name == "Lee Dong-su"
    assert one(cs, "dragged into").said_on is None  # the other occasion "Separately" opened goes on
    far = claims("Lawmaker Lee Min-ho said on Tuesday that North Korean troops had reached Kursk.",
                 "Opposition leader Lee Dong-su said on Monday that the North Korean troops were a threat.",
                 "The ministry gave no figures on the North Korean troops.", "The army stayed silent on the North Korean troops.",
                 '"North Korean troops will keep coming," Lee said.')
    assert all(c.speaker is None for c in far if "keep coming" in c.text)  # both spoke, long before: open


def test_according_to_a_lawmaker_the_body_in_the_clause_speaks_and_he_relays():
    (c,) = claims("The NIS told a closed-door session that about 3,000 North Korean troops were in Kursk, "
                  "according to lawmaker Yoon Min-ho, who attended the briefing in Seoul.")
    assert c.speaker.id == "nis"
    assert c.reports[0].relay and "Yoon Min-ho" in c.reports[0].relay


def test_a_lawmaker_at_a_briefing_in_a_city_does_not_speak_for_the_city():
    cs = claims("North Korean troops have taken heavy losses in Kursk, according to a lawmaker who attended a briefing in Seoul.")
    assert all(c.speaker is None or c.speaker.name != "Seoul" for c in cs)


def test_a_spokesperson_interviewed_by_a_medium_is_not_dated_by_the_body_statement():
    cs = claims("The Pentagon said on Monday that North Korean troops had entered combat in Kursk.",
                '"They attack on foot, in large groups," Jane Doral, a spokesperson for the Pentagon, told Wire X by phone.')
    assert one(cs, "on foot").said_on is None
    assert one(cs, "entered combat").said_on == dt.date(2024, 10, 21)


def test_the_writer_remarking_on_a_first_confirmation_is_nobody_s_claim():
    cs = claims("It is the first time that the NIS has confirmed North Korean troops are fighting in the war.")
    assert all(c.speaker is None for c in cs)


def test_some_members_of_a_body_are_not_the_body():
    cs = claims("Several Council members said the sanctions on North Korea over its troops should be restored.")
    assert all(c.speaker is None or "Council" != c.speaker.name and "Several" not in c.speaker.name for c in cs)


def test_a_meeting_the_lead_dates_dates_the_speeches_reported_from_it():
    cs = claims("North Korean troops in Russia risk a wider war, the organisation's security chief told the Security Council on Wednesday.",
                "In the debate that followed, the ambassador of Freedonia, Anna Vell, said some 11,000 North Korean soldiers were in Kursk.",
                "Boris Tal, the envoy of Sylvania, said North Korean troops had not been deployed.")
    assert one(cs, "11,000").said_on == WED
    assert one(cs, "not been deployed").said_on == WED
    assert one(cs, "11,000").date_basis.startswith("the meeting the story reports")


def test_a_lead_that_is_no_meeting_dates_nobody_else():
    cs = claims("The Pentagon said on Wednesday that North Korean troops had entered combat in Kursk.",
                "Anna Vell, a researcher at a Seoul institute, said the North Korean soldiers lacked drone training.")
    assert one(cs, "entered combat").said_on == WED
    assert one(cs, "drone training").said_on is None


def test_he_after_an_unnamed_representative_is_that_voice():
    cs = claims("Sylvania's representative dismissed the reports of North Korean troops as propaganda. "
                "He said the cooperation with North Korea threatened no one.")
    assert one(cs, "threatened no one").speaker.name == "Sylvania"


def test_an_acronym_in_brackets_is_the_body_named_before_it():
    cs = claims("The Security Service of Sylvania (SBS) said on Tuesday that 30 North Korean soldiers were captured.",
                "The SBS said the North Korean troops had been trained for a month.")
    a, b = one(cs, "captured"), one(cs, "trained")
    assert a.speaker.id == b.speaker.id and a.speaker.name == "Security Service of Sylvania (SBS)"
    assert b.said_on == dt.date(2024, 10, 22)


def test_a_body_speaking_through_a_person_when_clause_credits_the_person_on_that_day():
    cs = claims("Washington first acknowledged North Korean casualties last Monday, when Pentagon spokesperson "
                "Jane Doral said North Korean troops had been killed in Kursk.", published=dt.date(2024, 12, 23))
    c = one(cs, "acknowledged")
    assert c.speaker.name == "Jane Doral" and c.said_on == dt.date(2024, 12, 16)


def test_a_qualifier_stays_only_where_the_parse_makes_it_modify_the_number():
    cs = claims("The ministry said on Tuesday that North Korean losses were above 3,000 soldiers and that Pyongyang "
                "had sent an estimated 1.5 million shells with at least 100 North Korean troops.")
    got = {q.value: (q.qualifier, q.low, q.high) for c in cs for q in c.quantities}
    assert got[3000] == ("above", 3000, None) and got[100] == ("at least", 100, None)
    assert got[1500000][0] == "an estimated"
    # Words before a number that the parse hangs elsewhere are no qualifier, and set no bound.
    from newsgen.extract.claims import story_doc
    from newsgen.extract.counting import with_counts
    from newsgen.model import Quantity
    s = Story(id="t", seed="t.txt", published=WED,
              paragraphs=("Officials said more troops arrived in the night, and 3,000 soldiers were counted.",))
    doc, units = story_doc(s, PEOPLE)
    (q,) = with_counts((Quantity(value=3000.0, low=3000.0, high=None, unit="soldiers", qualifier="night, and",
                                 text="night, and 3,000 soldiers"),), doc, units[0])
    assert (q.qualifier, q.low, q.value, q.counts) == (None, None, 3000.0, "soldiers")


def test_the_title_is_the_holder_who_spoke_not_the_one_met_since():
    people = PEOPLE + (Person(id="ri", name="Ri Son-ok", role="Sylvanian Foreign Minister", org="Sylvania"),
                       Person(id="vell", name="Anna Vell", role="Freedonian Foreign Minister", org="Freedonia"))
    s = Story(id="t", seed="t.txt", published=WED, paragraphs=(
        "Sylvania will stand by Freedonia over the North Korean troops, Sylvanian Foreign Minister Ri Son-ok said on Tuesday "
        "at talks with Freedonian Foreign Minister Anna Vell.",
        "The minister said North Korean troops were welcome in Freedonia.",
        "The Freedonian foreign minister, in turn, said the North Korean soldiers had trained well."))
    cs = extract_claims(s, people, TOPICS, OUTLETS)
    assert one(cs, "were welcome").speaker.id == "ri"
    assert one(cs, "trained well").speaker.id == "vell"


def test_a_body_given_with_its_country_and_acronym_is_named_so():
    cs = claims("Sylvania's military intelligence (SMI) said on Tuesday that 3,000 North Korean soldiers had been killed.",
                "According to Sylvania's General Staff, North Korean troops lost 200 soldiers in a day.")
    assert one(cs, "3,000").speaker.name == "Sylvania's military intelligence (SMI)"
    assert one(cs, "200 soldiers").speaker.name == "Sylvania's General Staff"


def test_lawmakers_relaying_a_body_s_briefing_speak_on_its_day():
    cs = claims("At least 100 North Korean soldiers have been killed, the NIS told lawmakers on Tuesday.",
                "Rep. Yoon Min-ho of the ruling party relayed the spy agency's findings on the North Korean troops to reporters "
                "after a closed-door briefing.",
                '"The North Korean troops are used as assault units," Yoon said.',
                "Rep. Jang Dae-su of the opposition party, the committee's other senior member, said the agency had also seen "
                "signs of more North Korean troops coming.")
    assert one(cs, "assault units").speaker.role != "ho"  # a piece of "Min-ho" is no appositive
    assert one(cs, "assault units").said_on == dt.date(2024, 10, 22)
    assert one(cs, "more North Korean troops coming").said_on == dt.date(2024, 10, 22)
    assert one(cs, "more North Korean troops coming").speaker.name == "Jang Dae-su"


def test_it_in_a_body_s_statement_is_that_body_and_a_spy_agency_is_no_medium():
    cs = claims("Neither Moscow nor Pyongyang has confirmed the presence of North Korean soldiers.",
                "Sylvania's military intelligence agency said it believed about 5,000 more North Korean troops could be sent.")
    c = one(cs, "5,000 more")
    assert c.speaker.name == "Sylvania's military intelligence agency" and not c.reports[0].relay


def test_officials_of_a_nationality_the_ner_calls_a_place_are_that_group():
    cs = claims("More than 100 North Korean casualties have been reported in recent weeks, according to Ukrainian officials.")
    assert one(cs, "100").speaker.name == "Ukrainian officials"


def test_a_medium_s_report_dated_just_before_dates_the_words_it_quotes_next():
    cs = claims("On Tuesday, Wire X published a statement from the Sylvanian army confirming that North Korean troops fought in Kursk.",
                "Wire X quoted the army's commander, Anna Vell, as calling the North Korean soldiers heroes.")
    c = one(cs, "heroes")
    assert c.speaker.name == "Anna Vell" and c.said_on == dt.date(2024, 10, 22)


def test_a_statement_from_someone_doing_something_is_theirs():
    cs = claims("The Kremlin answered on Tuesday with a statement from Anna Vell thanking the North Korean troops.",
                "Vell said the Russian people would never forget the North Korean soldiers.")
    assert one(cs, "thanking").speaker.name == "Anna Vell"
    assert one(cs, "never forget").said_on == dt.date(2024, 10, 22)


def test_a_day_whose_when_clause_tells_the_statement_dates_it():
    cs = claims("The first word of combat came on Monday, when Anna Vell, who heads a Sylvanian agency, wrote on Telegram "
                "that the first North Korean troops had come under fire.")
    assert one(cs, "under fire").said_on == dt.date(2024, 10, 21)


def test_a_name_the_ner_misses_is_a_person_when_an_appositive_says_so():
    cs = claims("Cha Du-hyeogn, a visiting research fellow at a Seoul institute, said the losses of North Korean troops would not deter Pyongyang.",
                '"Every North Korean casualty is a bargaining chip," Cha said.')
    assert {c.speaker.name for c in cs if c.speaker} == {"Cha Du-hyeogn"}
    # A surname alone with an appositive names nobody new.
    lone = claims("Vellman, the national security adviser, said North Korean troops had taken 1.5 million shells.")
    assert all(c.speaker is None or c.speaker.name != "Vellman" for c in lone)


def test_a_spokesman_for_a_leader_does_not_speak_for_the_leader_s_nationality():
    cs = claims("Asked about North Korean troops near Kursk, a spokesman for Sylvanian President Anna Vell said the "
                "North Korean soldiers were a matter for the defence ministry.")
    assert all(c.speaker is None or c.speaker.name not in ("Sylvanian", "Anna Vell") for c in cs)


def test_a_reply_in_turn_is_on_the_day_of_the_exchange():
    cs = claims("Sylvania will stand by Freedonia over the North Korean troops, Sylvanian envoy Ri Son-ok said on Tuesday at talks.",
                "The Freedonian envoy, Anna Vell, in turn, said the North Korean soldiers had trained well.")
    assert one(cs, "trained well").said_on == dt.date(2024, 10, 22)
    assert "in turn" in one(cs, "trained well").date_basis

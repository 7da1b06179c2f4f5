"""The narrative's reference time: days carried from the occasion just reported,
fronted dates that belong to another verb, a second speaker at the same occasion.
Sentences in several outlets' styles, written for these tests."""
import datetime as dt

import pytest

from newsgen.dates import find_dates
from newsgen.extract import extract_claims
from newsgen.model import Person, Story, Topic

TOPICS = (Topic("war", "War", ("troops", "soldiers", "killed", "wounded", "casualties", "Kursk", "North Korean")),)
PEOPLE = (Person(id="zelensky", name="Volodymyr Zelensky", aliases=("Zelensky",), role="President of Ukraine"),)
MON = dt.date(2024, 12, 23)


def claims(*paragraphs, published=MON):
    return extract_claims(Story(id="t", seed="t.txt", published=published, paragraphs=paragraphs), PEOPLE, TOPICS)


@pytest.mark.parametrize("phrase", ["the same evening", "that evening", "Hours later", "later that night",
                                    "the same day", "minutes later"])
def test_same_occasion_phrases_are_offsets_from_the_day_referred_to(phrase):
    (m,) = [m for m in find_dates(f"{phrase}, the minister said so.", MON) if m.kind == "same-day"]
    assert m.offset == 0 and m.date is None


@pytest.mark.parametrize("opening", ["Last Thursday,", "last Thursday,"])
def test_last_weekday_in_any_case_is_the_one_before(opening):
    (m,) = find_dates(f"{opening} the agency said 100 soldiers were killed.", MON)
    assert m.date == dt.date(2024, 12, 19) and m.statement_date


def test_last_monday_on_a_monday_is_a_week_back_and_a_bare_monday_is_the_day():
    assert find_dates("last Monday", MON)[0].date == dt.date(2024, 12, 16)
    assert find_dates("on Monday", MON)[0].date == MON
    assert find_dates("next Monday", MON)[0].date == dt.date(2024, 12, 30)


@pytest.mark.parametrize("second", [
    "In his nightly address the same evening, Zelensky said 3,000 North Korean soldiers were killed or wounded.",
    "Hours later Zelensky said 3,000 North Korean soldiers were killed or wounded.",
    "Ukraine's General Staff the same day dismissed the claim that 3,000 soldiers were lost.",
])
def test_a_second_speaker_at_the_same_occasion_takes_its_day(second):
    cs = claims("On Friday, the White House said about 1,000 North Korean soldiers were killed or wounded.", second)
    assert cs[1].speaker is not None
    assert cs[1].said_on == dt.date(2024, 12, 20) == cs[0].said_on


def test_a_day_in_a_fronted_clause_with_its_own_verb_is_not_the_statements():
    (c,) = claims("Lee Min-su of the Unity Party spoke to reporters.",
                  "On the two soldiers Ukraine announced on Saturday it had captured, Lee said they belonged to an elite unit in Kursk.")
    assert c.speaker.name == "Lee Min-su" and c.said_on is None


def test_a_statement_released_on_a_day_is_the_occasion():
    (c,) = claims("In a statement released on Saturday, Russia's Defence Ministry said 300 soldiers were killed.")
    assert c.said_on == dt.date(2024, 12, 21)


@pytest.mark.parametrize("sentence, speaker", [
    ("Washington first acknowledged the casualties last Monday, when Pentagon spokesperson Maj. Gen. Pat Ryder "
     "said North Korean troops had been killed in Kursk.", "Pat Ryder"),
    ("Paris broke its silence last Monday, when Foreign Minister Jean-Noel Barrot said North Korean soldiers "
     "were fighting in Kursk.", "Jean-Noel Barrot"),
])
def test_when_x_said_beats_a_metonymic_subject_and_keeps_the_day(sentence, speaker):
    (c,) = claims(sentence)
    assert c.speaker.name == speaker and c.said_on == dt.date(2024, 12, 16)


def test_a_pluperfect_flashback_month_stays_a_range_and_does_not_move_the_day():
    cs = claims("On Wednesday, the NIS said 600 North Korean soldiers had been killed.",
                "In January, the NIS had put North Korean losses at about 300 dead.",
                "The NIS also said 4,100 soldiers had been wounded.", published=dt.date(2025, 4, 30))
    assert cs[0].said_on == dt.date(2025, 4, 30)
    assert cs[1].said_on is None and cs[1].date_precision == "month"
    assert cs[1].date_range == (dt.date(2025, 1, 1), dt.date(2025, 1, 31))
    assert cs[2].said_on == dt.date(2025, 4, 30)


def test_a_lawmaker_relaying_an_agency_briefing_speaks_on_its_day_and_keeps_it():
    cs = claims("SEOUL — About 300 North Korean soldiers have been killed, the NIS told lawmakers on Monday.",
                "Park Ji-ho of the opposition Justice Party relayed the figures to reporters after the closed-door session. "
                "Park said 2,700 soldiers had been wounded in Kursk.", published=dt.date(2025, 1, 13))
    park = [c for c in cs if c.speaker and c.speaker.name == "Park Ji-ho"]
    assert park and all(c.said_on == dt.date(2025, 1, 13) for c in park)


def test_the_same_day_after_a_flashback_is_the_flashbacks_day():
    cs = claims("On Monday, the NIS said 300 North Korean soldiers were killed.",
                "The NIS had confirmed on Sunday that two North Korean soldiers were captured in Kursk. "
                "The same day, President Volodymyr Zelensky offered to exchange the two soldiers.", published=dt.date(2025, 1, 13))
    assert cs[-1].speaker.name == "Volodymyr Zelensky" and cs[-1].said_on == dt.date(2025, 1, 12)


def test_a_flashback_does_not_move_the_statement_going_on():
    cs = claims("On Monday, the NIS said 300 North Korean soldiers were killed.",
                "The NIS had estimated in December that 100 soldiers were killed.",
                "The NIS said 2,700 soldiers were wounded.", published=dt.date(2025, 1, 13))
    assert [c.said_on for c in cs] == [dt.date(2025, 1, 13), None, dt.date(2025, 1, 13)]


@pytest.mark.parametrize("sentence", [
    "On the two soldiers Ukraine captured in Kursk, Lee Min-su of the Unity Party said they belonged to an elite unit.",
    "Asked about the 12,000 soldiers in Kursk, Foreign Minister Anna Berg said they belonged to an elite unit.",
])
def test_figures_in_a_fronted_topic_are_not_the_speakers(sentence):
    (c,) = claims(sentence)
    assert c.speaker is not None and c.quantities == ()


def test_about_with_a_number_is_no_topic():
    (c,) = claims("About 600 North Korean soldiers were killed, Defense Minister Anna Berg said.")
    assert [q.value for q in c.quantities] == [600]


def test_a_saying_participle_is_said_on_its_main_clauses_day_not_the_statement_before():
    cs = claims("On Monday, Zelensky said 11,000 North Korean soldiers were in Kursk.",
                "Zelensky came back to the issue on Tuesday evening, saying the first battles with North Korean soldiers "
                "opened a new chapter.", published=dt.date(2024, 11, 6))
    assert [c.said_on for c in cs] == [dt.date(2024, 11, 4), dt.date(2024, 11, 5)]


@pytest.mark.parametrize("sentence, speaker, day", [
    ("The figure is far above the one offered last Wednesday by John Kirby, the White House adviser, who said "
     "North Korea had moved at least 3,000 soldiers into Russia.", "John Kirby", dt.date(2024, 10, 23)),
    ("The estimate was first given on Friday by Defence Minister Anna Berg, who said 500 North Korean soldiers were "
     "in Kursk.", "Anna Berg", dt.date(2024, 10, 25)),
])
def test_who_said_takes_its_antecedent_and_the_day_of_its_clause(sentence, speaker, day):
    (c,) = claims(sentence, published=dt.date(2024, 10, 28))
    assert c.speaker.name == speaker and c.said_on == day


def test_a_titled_description_before_who_said_is_the_speaker_without_a_day():
    (c,) = claims("Until Friday, the most specific figure had come from a Pentagon official who said that several "
                  "hundred North Korean soldiers were killed.", published=dt.date(2024, 12, 28))
    assert c.speaker.name == "Pentagon" and c.said_on is None


@pytest.mark.parametrize("second, day", [
    ("The disclosure came a day after Volodymyr Zelensky told reporters in Brussels that 10,000 North Korean soldiers "
     "were ready.", dt.date(2024, 10, 17)),
    ("Zelensky spoke a day after the briefing, saying 10,000 North Korean soldiers were ready.", dt.date(2024, 10, 19)),
])
def test_a_day_after_counts_back_when_the_speaker_is_its_complement_and_forward_otherwise(second, day):
    cs = claims("The NIS said Friday that 12,000 North Korean soldiers were sent.", second, published=dt.date(2024, 10, 18))
    assert cs[1].speaker.name == "Volodymyr Zelensky" and cs[1].said_on == day


@pytest.mark.parametrize("opening, dated", [
    ("In Brussels on Monday, NATO chief Mark Rutte said 3,000 North Korean soldiers were in Kursk.", True),
    ("At The Hague on Monday, NATO chief Mark Rutte said 3,000 North Korean soldiers were in Kursk.", True),
    ("In Kursk on Monday, North Korean soldiers attacked a village, NATO chief Mark Rutte said.", False),
])
def test_a_place_and_a_day_opening_the_sentence_date_a_speech_verb_only(opening, dated):
    (c,) = claims(opening, published=dt.date(2024, 10, 28))
    assert (c.said_on == dt.date(2024, 10, 28)) is dated


def test_at_the_time_is_the_same_speakers_last_dated_statement_or_nothing():
    cs = claims("On Wednesday, Kirby said 3,000 North Korean soldiers had moved to Russia.",
                "On Monday, the Pentagon said 10,000 North Korean soldiers were in Russia.",
                "Kirby said at the time that the soldiers had travelled by ship.",
                "Singh said at the time that the soldiers were training.", published=dt.date(2024, 10, 28))
    assert [c.said_on for c in cs] == [dt.date(2024, 10, 23), dt.date(2024, 10, 28), dt.date(2024, 10, 23), None]


@pytest.mark.parametrize("second, dated", [
    ("Defense ministry spokesman Jeon Ha-kyu said the deployment of 15,000 North Korean troops violated the UN Charter.", True),
    ("Foreign ministry spokeswoman Anna Berg said 15,000 North Korean troops were a threat.", True),
    ("Defense Minister Kim Yong-hyun said 15,000 North Korean troops were a threat.", False),
    ("Spokesman Jeon Ha-kyu had earlier said 15,000 North Korean troops were a threat.", False),
])
def test_a_spokesperson_right_after_the_institutions_dated_statement_speaks_on_that_day(second, dated):
    cs = claims("Seoul on Monday condemned the deployment of North Korean troops as a criminal act. " + second,
                published=dt.date(2025, 4, 30))
    assert cs[-1].speaker.kind == "person"
    assert (cs[-1].said_on == dt.date(2025, 4, 28)) is dated

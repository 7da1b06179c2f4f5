import pytest

from newsgen.extract.speakers import AMBIGUOUS, Context, Roster, mentions, resolve
from newsgen.model import Person

PEOPLE = (
    Person(id="kirby", name="John Kirby", aliases=("Kirby",), role="National Security Communications Adviser", org="White House"),
    Person(id="un", name="United Nations", aliases=("UN", "U.N."), kind="organization"),
    Person(id="diu", name="Defence Intelligence of Ukraine (DIU)", aliases=("DIU", "Ukraine's Defense Intelligence"), kind="organization"),
    Person(id="white-house", name="White House", aliases=("The White House",), kind="organization"),
)


def roster_for(*paragraphs, people=()):
    r = Roster.build(people)
    for p in paragraphs:
        mentions(p, r)
    return r


def test_title_and_name_give_a_found_person_with_role():
    r = roster_for()
    e = resolve("Pentagon Press Secretary Major General Pat Ryder", r, Context())
    assert (e.name, e.kind, e.known, e.id) == ("Pat Ryder", "person", False, "pat-ryder")
    assert "Press Secretary" in e.role


@pytest.mark.parametrize("later", ["Ryder", "Major General Ryder", "Maj. Gen. Ryder", "Gen. Ryder"])
def test_later_short_forms_link_to_the_full_name(later):
    r = roster_for("During a briefing, Pentagon Press Secretary Major General Pat Ryder said so.")
    assert resolve(later, r, Context()).name == "Pat Ryder"


def test_two_kims_title_decides_and_bare_surname_is_unknown():
    r = roster_for(
        "South Korean Defense Minister Kim Yong-hyun spoke.",
        "He condemned North Korean leader Kim Jong Un's decision.",
    )
    assert resolve("Minister Kim", r, Context()).name == "Kim Yong-hyun"
    assert resolve("Defense Minister Kim", r, Context()).name == "Kim Yong-hyun"
    assert resolve("Kim", r, Context()) is AMBIGUOUS
    assert resolve("Mr. Kim", r, Context()) is AMBIGUOUS
    # A title nobody in the story has: not merged with either Kim.
    assert resolve("President Kim", r, Context()) in (None, AMBIGUOUS)


def test_known_people_by_alias_and_by_surname():
    r = roster_for(people=PEOPLE)
    e = resolve("National Security Council spokesman John Kirby", r, Context())
    assert (e.id, e.known, e.org) == ("kirby", True, "White House")
    assert resolve("Kirby", r, Context()).id == "kirby"


def test_capital_acronym_alias_does_not_match_inside_a_name():
    r = roster_for("North Korean leader Kim Jong Un", people=PEOPLE)
    e = resolve("North Korean leader Kim Jong Un", r, Context())
    assert e.name == "Kim Jong Un"


def test_organisation_with_acronym_and_repeated_possessive():
    r = roster_for()
    e = resolve("Ukraine's Defense Intelligence of Ukraine (DIU)", r, Context())
    assert (e.kind, e.name) == ("organization", "Defense Intelligence of Ukraine (DIU)")
    assert resolve("The DIU", r, Context()).id == e.id


def test_known_organisation_by_acronym_in_parentheses():
    r = roster_for(people=PEOPLE)
    assert resolve("Ukraine's Defense Intelligence of Ukraine (DIU)", r, Context()).id == "diu"
    assert resolve("the DIU", r, Context()).id == "diu"


@pytest.mark.parametrize(
    "phrase, name",
    [
        ("The U.S. State Department", "U.S. State Department"),
        ("The United States", "United States"),
        ("Russia's Foreign Ministry", "Russia's Foreign Ministry"),
        ("U.S. officials", "U.S. officials"),
        ("Kyiv's intelligence authorities", "Kyiv's intelligence authorities"),
        ("NATO", "NATO"),
    ],
)
def test_organisations_and_qualified_groups(phrase, name):
    e = resolve(phrase, roster_for(), Context())
    assert (e.name, e.kind) == (name, "organization")


@pytest.mark.parametrize("phrase", ["Analysts", "some experts", "officials", "it", "they", "estimates", "both nations"])
def test_nobody_in_particular(phrase):
    assert resolve(phrase, roster_for(), Context()) is None


def test_anonymous_official_speaks_for_the_named_body():
    r = roster_for(people=PEOPLE)
    assert resolve("a White House official", r, Context()).id == "white-house"
    assert resolve("a senior official", r, Context()) is None


def test_pronoun_is_the_last_person_who_spoke():
    r = roster_for()
    kirby = resolve("John Kirby", r, Context())
    assert resolve("He", r, Context(last_person=kirby)) is kirby
    assert resolve("she", r, Context()) is None


def test_joint_speakers():
    r = roster_for()
    e = resolve("U.S. Defense Secretary Lloyd Austin and South Korean Defense Minister Kim Yong-hyun", r, Context())
    assert e.name == "Lloyd Austin and Kim Yong-hyun"
    austin = resolve("Secretary Austin", r, Context())
    assert austin.name == "Lloyd Austin" and e.includes(austin)


def test_the_minister_is_the_latest_person_with_that_title():
    r = roster_for("Foreign Minister Cho Tae-yul and Defense Secretary Lloyd Austin met.")
    assert resolve("the minister", r, Context()).name == "Cho Tae-yul"
    assert resolve("the spokesman", r, Context()) is None


def test_the_statement_belongs_to_the_last_speaker():
    r = roster_for()
    nato = resolve("NATO", r, Context())
    assert resolve("The statement", r, Context(last_speaker=nato)) is nato


KNOWN = (
    Person(id="zelensky", name="Volodymyr Zelensky", aliases=("Zelensky",), role="President of Ukraine"),
    Person(id="kju", name="Kim Jong Un", role="Leader of North Korea"),
    Person(id="kyh", name="Kim Yong-hyun", role="Minister of National Defense"),
    Person(id="austin", name="Lloyd Austin", aliases=("Austin",), role="U.S. Secretary of Defense"),
    Person(id="nis", name="National Intelligence Service (South Korea)", aliases=("NIS",), kind="organization"),
)


@pytest.mark.parametrize(
    "phrase, expected",
    [
        ("Ukrainian President Volodymyr Zelenskyy", "zelensky"),  # AP
        ("President Volodymyr Zelenskiy", "zelensky"),  # Reuters
        ("Zelenskyy", "zelensky"),  # Guardian, surname alone
        ("Kim Jong-un", "kju"),  # Guardian / BBC
        ("Defense Minister Kim Yong Hyun", "kyh"),
        ("Secretary of Defense Lloyd J. Austin III", "austin"),  # DoD
    ],
)
def test_spelling_variants_of_known_people(phrase, expected):
    e = resolve(phrase, Roster.build(KNOWN), Context())
    assert e is not None and e.id == expected and e.known


def test_spelling_match_never_bends_short_or_different_names():
    r = Roster.build(KNOWN)
    assert resolve("Kim Jong-il", r, Context()).id != "kju"  # a different given name
    assert resolve("Olena Zelenska", r, Context()).id != "zelensky"  # a different first name
    assert resolve("Kimm", r, Context()) is None or resolve("Kimm", r, Context()).id not in ("kju", "kyh")


@pytest.mark.parametrize(
    "phrase, appositive, expected",
    [
        ("Ukraine’s president", "Volodymyr Zelenskyy", "Volodymyr Zelensky"),  # Guardian
        ("North Korea’s leader", "Kim Jong-un", "Kim Jong Un"),
        ("The U.S. Defense Secretary", "Lloyd Austin", "Lloyd Austin"),
        ("Ukraine's defence minister", "Rustem Umerov", "Rustem Umerov"),
    ],
)
def test_title_first_then_the_name_in_apposition(phrase, appositive, expected):
    e = resolve(phrase, Roster.build(KNOWN), Context(), appositive)
    assert e is not None and e.name == expected and e.kind == "person"


def test_the_spy_agency_is_the_intelligence_service_named_before():
    r = Roster.build(KNOWN)
    nis = resolve("South Korea's National Intelligence Service", r, Context())
    assert resolve("The spy agency", r, Context()) == nis
    assert resolve("the ministry", r, Context()) is None


@pytest.mark.parametrize("phrase, name", [
    ("the representative of the United States", "United States"),
    ("The representative of Japan", "Japan"),
    ("Russia’s representative", "Russia"),
    ("China's UN ambassador", "China"),
])
def test_an_unnamed_envoy_speaks_for_the_country(phrase, name):
    e = resolve(phrase, roster_for(), Context())
    assert e.name == name and e.kind == "organization"


def test_a_named_envoy_is_the_person():
    e = resolve("The representative of the Republic of Korea", roster_for(), Context(), appositive="Joonkook Hwang")
    assert e.name == "Joonkook Hwang" and e.kind == "person"


@pytest.mark.parametrize("phrase, appositive", [
    ("Ms. Lee", None),  # NYT style, never named in full
    ("Mr Kim", None),  # BBC style
    ("Kirby", "the national security communications adviser"),  # Stars and Stripes style
])
def test_an_unnamed_person_is_unknown_not_a_capital(phrase, appositive):
    assert resolve(phrase, roster_for(), Context(), appositive=appositive) is None


def test_honorific_finds_the_one_person_of_that_surname():
    r = roster_for("Lee Ji-hyun, who fled North Korea in 2019, said little.", "Acting Defense Minister Kim Seon-ho spoke.")
    resolve("Lee Ji-hyun", r, Context())
    assert resolve("Ms. Lee", r, Context()).name == "Lee Ji-hyun"
    assert resolve("Mr Kim", r, Context()).name == "Kim Seon-ho"


@pytest.mark.parametrize("phrase, name", [
    ("Du Hyeogn Cha", "Du Hyeogn Cha"),  # a Korean name in Western order starting with "Du"
    ("Senator Van Hollen", "Van Hollen"),  # a capitalised particle is part of the surname
    ("and Western officials", "Western officials"),  # "…, and Western officials believe"
])
def test_names_keep_their_first_word(phrase, name):
    assert resolve(phrase, roster_for(), Context()).name == name


def test_rosters_built_from_the_same_people_do_not_share_what_a_story_named():
    # The known people's entities and patterns are built once per process; each
    # story's roster must still start empty.
    first = roster_for("Defense Minister Kim Yong-hyun said so.", people=PEOPLE)
    assert [e.name for e in first.seen] == ["Kim Yong-hyun"]
    assert Roster.build(PEOPLE).seen == []


@pytest.mark.parametrize("phrase, start", [
    ("“We will,” KIRBY said", 11),  # curly quotes: text that is not ASCII
    ("Kırby said", 0),  # a dotless i case-folds onto "i": the name still matches
    ("National Security Communications Adviser John Kirby", 41),
])
def test_known_names_are_found_in_any_case_and_script(phrase, start):
    e, a, _ = Roster.build(PEOPLE).known_in(phrase)
    assert (e.id, a) == ("kirby", start)


def test_the_longest_title_before_a_name_is_the_title():
    # "Secretary-General" before "General", "Lt. Gen." before the name: the name
    # starts after the whole title.
    found = mentions("U.N. Secretary-General Antonio Guterres said on Monday that Defense Secretary "
                     "Lloyd Austin and Lt. Gen. Kyrylo Budanov met.", Roster.build(()))
    assert [e.name for e in found] == ["Antonio Guterres", "Lloyd Austin", "Kyrylo Budanov"]

from pathlib import Path

import pytest

from newsgen.extract.quantities import find_quantities
from newsgen.model import Quantity

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def one(sentence):
    found = find_quantities(sentence)
    assert len(found) == 1, found
    return found[0]


def seed_text(prefix):
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "sentence, value, qualifier, unit, text",
    [
        ("The U.S. has said that Pyongyang has sent more than 11,000 troops to support Russia.",
         11000, "more than", "troops", "more than 11,000 troops"),
        ("Kyiv said some 200 Russian and North Korean soldiers were killed.",
         200, "some", "soldiers", "some 200 Russian and North Korean soldiers"),
        ("Seoul says approximately 10,000 troops have been sent.", 10000, "approximately", "troops", None),
        ("Ryder said the U.S. works with some 50 nations to rush aid.", 50, "some", "nations", "some 50 nations"),
        ("Ukraine caused more than 1200 Russian casualties per day, Austin said.",
         1200, "more than", "casualties per day", None),
        ("The agency estimated nearly 3,000 troops had been wounded.", 3000, "nearly", "troops", None),
        ("Almost 40 percent of the shells were duds, the BBC reported.", 40, "almost", "percent", None),
        ("At least 12 drones were shot down overnight, the ministry said.", 12, "at least", "drones", None),
        ("Up to 500 artillery shells a day were fired.", 500, "up to", "shells per day", None),
        ("About 20 ships docked at the port, Yonhap reported.", 20, "about", "ships", None),
        ("Around 7,000 were moved east, an official said.", 7000, "around", None, "Around 7,000"),
        ("Roughly 1.5 million barrels were shipped.", 1_500_000, "roughly", "barrels", None),
        ("Fewer than 100 civilians remained.", 100, "fewer than", "civilians", None),
        ("The city has 10 million people.", 10_000_000, None, "people", "10 million people"),
        ("The fund holds 2.5 billion.", 2_500_000_000, None, None, "2.5 billion"),
        ("Seoul pledged $1.2 billion in humanitarian aid.", 1_200_000_000, None, "dollars", "$1.2 billion"),
        ("Turnout fell 5% from the last election.", 5, None, "percent", "5%"),
        ("Three soldiers were captured, Kyiv said.", 3, None, "soldiers", "Three soldiers"),
        ("The army sent twenty-five tanks.", 25, None, "tanks", "twenty-five tanks"),
        ("A dozen ships sailed.", 12, None, "ships", "A dozen ships"),
        ("The military lost half a million shells.", 500_000, None, "shells", "half a million shells"),
        ("Britain sent an 11,000-strong force.", 11000, None, "force", None),
        ("Russia is losing 1,000 a day, the Pentagon said.", 1000, None, "per day", "1,000 a day"),
    ],
)
def test_single_quantities(sentence, value, qualifier, unit, text):
    q = one(sentence)
    assert q.value == value
    assert q.qualifier == qualifier
    assert q.unit == unit
    if text is not None:
        assert q.text == text
    assert q.text in sentence


def test_directional_qualifiers_set_bounds():
    assert one("Pyongyang sent more than 11,000 troops.").low == 11000
    assert one("Pyongyang sent over 11,000 troops.").low == 11000
    assert one("Pyongyang sent up to 11,000 troops.").high == 11000
    q = one("Pyongyang sent some 11,000 troops.")
    assert (q.low, q.high) == (None, None)


@pytest.mark.parametrize(
    "sentence, low, high, unit",
    [
        ("Officials put the number at between 10,000 and 12,000 troops.", 10000, 12000, "troops"),
        ("An estimated 10,000 to 12,000 soldiers were deployed.", 10000, 12000, "soldiers"),
        ("Reuters said 10,000-12,000 personnel were involved.", 10000, 12000, "personnel"),
        ("The ministry said 10,000–12,000 troops were in Kursk.", 10000, 12000, "troops"),
    ],
)
def test_ranges(sentence, low, high, unit):
    q = one(sentence)
    assert (q.value, q.low, q.high, q.unit) == (None, low, high, unit)


def test_scale_of_the_upper_end_applies_to_the_lower():
    q = one("The war has cost between 10 and 12 million people their homes.")
    assert (q.low, q.high) == (10_000_000, 12_000_000)


def test_from_to_is_a_change_not_a_range():
    found = find_quantities("The estimate rose from 10,000 to 12,000 troops.")
    assert [(q.value, q.unit) for q in found] == [(10000, "troops"), (12000, "troops")]


def test_seed_000_casualty_range_with_rate():
    sentence = (
        "According to Kirby, estimates indicate that Russian forces are sustaining over 1,000 "
        "casualties daily, with actual numbers potentially exceeding 1,200."
    )
    q = one(sentence)
    assert (q.value, q.low, q.high) == (1000, 1000, 1200)
    assert q.unit == "casualties per day"
    assert q.qualifier == "over"


def test_range_continuation_needs_a_higher_unitless_figure():
    # a different count in the same sentence must not be merged
    found = find_quantities("Russia lost over 1,000 troops, and 300 tanks were destroyed.")
    assert [(q.value, q.unit) for q in found] == [(1000, "troops"), (300, "tanks")]


def test_seed_003_half_a_million():
    text = seed_text("003")
    sentence = next(s for s in text.split(". ") if "half a million" in s)
    found = find_quantities(sentence)
    assert [(q.value, q.qualifier, q.unit) for q in found] == [(500_000, "over", "soldiers")]


@pytest.mark.parametrize(
    "sentence, low, qualifier, unit",
    [
        ("I would say, certainly in the realm of several dozens,", 24, "several", None),
        ("Dozens of soldiers were killed.", 24, None, "soldiers"),
        ("Russia has massed thousands of troops near the border.", 2000, None, "troops"),
        ("Hundreds gathered outside the embassy.", 200, None, None),
        ("Tens of thousands of people fled.", 20000, None, "people"),
        ("Several hundred troops were wounded.", 200, "several", "troops"),
    ],
)
def test_vague_amounts_have_a_lower_bound_only(sentence, low, qualifier, unit):
    q = one(sentence)
    assert q.value is None
    assert q.low == low
    assert q.high is None
    assert q.qualifier == qualifier
    assert q.unit == unit


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia invaded Ukraine on February 24, 2022.",
        "The caption was dated Oct. 18, and the briefing was on Dec. 16.",
        "The statement was issued 24 February 2023 in Brussels.",
        "In 2024, the IMF forecast slower growth.",
        "A 24-year-old soldier was captured.",
        "The soldier, aged 30, surrendered.",
        "The soldier, 30 years old, surrendered.",
        "The page was posted at 4:58 PM.",
        "The briefing began at 10 a.m. in Washington.",
        "It was the first time troops moved to the second line in the 21st century.",
        "One of the soldiers was captured.",
        "No one was hurt.",
        "Kursk is No. 1 on the list.",
        "Leaders of the G7 discussed COVID-19 and F-16 jets.",
        "Call 02-123-4567 for details.",
        "UN Resolution 2270 bans arms sales.",
        "A 10-day visit to the 1990s was planned.",
        "The vote was 13-2.",
        "The 2022-2023 winter was harsh.",
        "1. Troops crossed the border.",
    ],
)
def test_not_quantities(sentence):
    assert find_quantities(sentence) == ()


def test_a_count_in_a_sentence_with_a_date():
    found = find_quantities("On Dec. 16, 2024, Kirby said more than 11,000 troops were in Kursk.")
    assert [(q.value, q.unit) for q in found] == [(11000, "troops")]


def test_four_digit_count_is_not_taken_for_a_year():
    assert one("Seoul says 2000 troops have arrived.").value == 2000
    assert find_quantities("Troops have been there since 2000.") == ()


def test_returns_model_quantities():
    q = one("Some 50 nations attended.")
    assert isinstance(q, Quantity)
    assert isinstance(find_quantities("nothing here"), tuple)


def test_every_seed_line_is_processed_without_error():
    for path in SEEDS.glob("*.txt"):
        for line in path.read_text(encoding="utf-8").splitlines():
            for q in find_quantities(line):
                assert q.text and q.text in line
                assert q.value is not None or q.low is not None or q.high is not None


def test_seed_numbers():
    values = {
        "002": [(10000, "some", "troops"), (1200, "more than", "casualties per day"), (50, "some", "nations")],
        "004": [(200, "some", "soldiers"), (11000, "more than", "troops")],
        "003": [(10000, "approximately", "troops")],
    }
    for prefix, expected in values.items():
        found = [(q.value, q.qualifier, q.unit) for line in seed_text(prefix).splitlines()
                 for q in find_quantities(line)]
        for item in expected:
            assert item in found, (prefix, item, found)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Russia fired 43 missiles and 74 drones overnight, Ukraine's air force said.",
         [(43, "missiles"), (74, "drones")]),
        ("The two leaders met for 90 minutes.", [(2, "leaders"), (90, "minutes")]),
        ("About 3,000 of the soldiers were killed.", [(3000, "soldiers")]),
        ("Casualties rose 15 percent to 1,500 per week.", [(15, "percent"), (1500, "per week")]),
        ("Seoul briefed 12 news outlets.", [(12, "outlets")]),
        ("North Korea supplied three armored vehicles and 2,000 artillery shells.",
         [(3, "vehicles"), (2000, "shells")]),
    ],
)
def test_unit_is_the_head_noun(sentence, expected):
    assert [(q.value, q.unit) for q in find_quantities(sentence)] == expected


def test_a_vague_amount_restated_is_one_quantity():
    (q,) = find_quantities("The unit suffered dozens, several dozens, of casualties.")
    assert (q.value, q.low, q.qualifier) == (None, 24, "several")
    # two different amounts stay two
    assert [q.low for q in find_quantities("hundreds, possibly thousands, of soldiers")] == [200, 2000]


def test_range_verbs_make_from_to_a_range():
    (q,) = find_quantities("Estimates of the force range from 10,000 to 12,000 troops.")
    assert (q.value, q.low, q.high, q.unit) == (None, 10000, 12000, "troops")
    (q,) = find_quantities("Estimates ranged from 10,000 to 12,000 troops.")
    assert (q.low, q.high) == (10000, 12000)
    # a change stays two figures
    assert [q.value for q in find_quantities("The number rose from 10,000 to 12,000 troops.")] == [10000, 12000]


def test_a_small_count_of_a_named_whole_is_a_figure_of_an_unstated_one_is_not():
    assert [(q.value, q.unit) for q in find_quantities("killing eight of its men")] == [(8.0, "men")]
    assert find_quantities("two of them were killed") == ()

"""Which measure a figure value counts, and where (newsgen.measures), on the seeds' wording."""
from __future__ import annotations

from pathlib import Path

from newsgen.config import load_config
from newsgen.measures import in_scope, measure_of, scope_of
from newsgen.model import Quantity

CONFIG, _ = load_config(Path(__file__).parent.parent / "content")
M = CONFIG.story.measures
DEFS = {d.id: d for d in CONFIG.story.series}


def test_counts_from_the_parse_decide_first():
    q = Quantity(2, unit="soldiers", text="two North Korean soldiers", counts="captured")
    assert measure_of(q, M, "Ukrainian forces have taken two North Korean soldiers prisoner.") == "captured"


def test_killed_or_wounded_is_casualties_not_killed():
    s = "North Korean soldiers fighting for Russia have suffered more than 1,000 killed or wounded in the past week."
    q = Quantity(1000, low=1000, unit="killed", qualifier="more than", text="more than 1,000 killed")
    assert measure_of(q, M, s) == "casualties"


def test_a_state_after_the_number_counts_over_the_noun_before_it():
    s = "Roughly 300 North Korean soldiers have been killed and about 2,700 wounded while fighting for Russia."
    dead = Quantity(300, unit="soldiers", qualifier="roughly", text="Roughly 300 North Korean soldiers")
    hurt = Quantity(2700, unit="wounded", qualifier="about", text="about 2,700 wounded")
    assert measure_of(dead, M, s, (dead, hurt)) == "killed"
    assert measure_of(hurt, M, s, (dead, hurt)) == "wounded"


def test_troops_prisoners_rates_and_unclear_values():
    assert measure_of(Quantity(10000, unit="troops", text="about 10,000 troops"), M,
                      "North Korea has sent about 10,000 troops to Russia.") == "troops"
    rate = Quantity(1200, unit="casualties per day", text="about 1,200 casualties a day")
    assert measure_of(rate, M, "Russia suffers about 1,200 casualties a day.") == "casualties-per-day"
    part = Quantity(2000, unit="wounded", text="about 2,000 of the wounded")
    assert measure_of(part, M, "They said about 2,000 of the wounded had been sent home by train.") is None
    assert measure_of(Quantity(5, unit="ships", text="five ships"), M, "Five ships made the runs.") is None


def test_kursk_is_its_own_scope_for_troops_but_one_with_russia_for_casualties():
    s = "As many as 8,000 North Korean soldiers have been moved into Russia's Kursk border region."
    q = Quantity(8000, high=8000, unit="soldiers", text="As many as 8,000 North Korean soldiers")
    place = scope_of(q, s, CONFIG.story.series)
    assert place == "Kursk"
    assert not in_scope(place, DEFS["north-korean-troops"]) and in_scope(place, DEFS["north-korean-troops-kursk"])
    assert in_scope(place, DEFS["north-korean-casualties"])
    assert in_scope(None, DEFS["north-korean-troops"]) and not in_scope(None, DEFS["north-korean-troops-kursk"])


def test_a_bare_amount_counts_what_its_sentence_counts_but_a_small_bare_number_does_not():
    s = "We do believe that they have suffered some significant losses, killed and wounded, but dozens, several dozens."
    q = Quantity(None, low=24, qualifier="several", text="dozens, several dozens")
    assert measure_of(q, M, s) == "casualties"
    day = Quantity(14, text="14")
    assert measure_of(day, M, "At least 30 soldiers were killed or wounded on 14 and 15 December.") is None

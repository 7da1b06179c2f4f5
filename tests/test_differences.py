"""Where sources really differ (newsgen.differences), on constructed points."""
from __future__ import annotations

import datetime as dt

from newsgen.differences import conflict, differences
from newsgen.model import Person, Quantity, Series, SeriesPoint, Speaker

D = dt.date
PEOPLE = (
    Person("nis", "NIS", org="South Korea", kind="organization"),
    Person("kirby", "John Kirby", org="United States"),
    Person("singh", "Sabrina Singh", org="United States"),
)


def point(cid: str, who: str, day: dt.date, q: Quantity) -> SeriesPoint:
    return SeriesPoint(day, q, cid, "s-" + cid, Speaker(who, who))


def test_floors_ranges_and_approximations_that_meet_do_not_differ():
    assert not conflict(Quantity(10000, low=10000, qualifier="more than"), Quantity(12000))
    assert not conflict(Quantity(8000, high=8000, qualifier="as many as"), Quantity(5000))
    assert not conflict(Quantity(10000, qualifier="about"), Quantity(10400))
    assert conflict(Quantity(3000, qualifier="about"), Quantity(10000, qualifier="roughly"))


def test_only_different_bodies_close_in_time_differ_and_each_pair_once():
    pts = (
        point("a", "nis", D(2024, 10, 23), Quantity(3000, qualifier="about")),
        point("b", "singh", D(2024, 10, 28), Quantity(10000, qualifier="around")),
        point("c", "kirby", D(2024, 10, 29), Quantity(10000)),
        point("d", "singh", D(2024, 12, 20), Quantity(11000)),  # the same body's update: change over time
        point("e", "nis", D(2025, 1, 30), Quantity(12000)),  # too far from any U.S. value
    )
    found = differences([Series("troops", "Troops", pts)], PEOPLE, window=14)
    assert [(d.a.claim, d.b.claim) for d in found] == [("a", "b")]


def test_a_count_for_a_stretch_of_time_is_no_difference_with_a_total():
    pts = (point("w", "kirby", D(2024, 12, 27), Quantity(1000, low=1000)),
           point("t", "nis", D(2024, 12, 23), Quantity(300)))
    sentences = {"w": "They suffered more than 1,000 killed or wounded in the past week alone.", "t": "About 300 were killed."}
    assert differences([Series("x", "X", pts)], PEOPLE, 14, sentences) == []
    assert len(differences([Series("x", "X", pts)], PEOPLE, 14, {})) == 1
    # an unplaced speaker may speak for anyone: never an independent side
    odd = (pts[1], point("u", "someone", D(2024, 12, 24), Quantity(5)))
    assert differences([Series("x", "X", odd)], PEOPLE, 14) == []

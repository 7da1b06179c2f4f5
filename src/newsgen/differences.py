"""Where sources really differ on a figure: values that cannot both be right.

Two values of one series differ only when all of these hold:
- they count the same measure in the same scope (a series holds one of each);
- they come from different bodies (`questions.body_of`: three U.S. officials are one
  source); a body's own later figure is a change over time, shown on the figure;
- they were given within `window` days of each other (TrackedStory.differ_days);
- their intervals do not meet: "more than 10,000" and "12,000" can both be right, as
  can "as many as 8,000" and "5,000"; an approximate value ("about 10,000") is read
  as APPROX either side of its number;
- neither counts a stretch of time ("in the past week") rather than a running total.
Each pair of bodies is shown once per series, its closest pair of values in time.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Sequence

from newsgen.model import Person, Quantity, Series, SeriesPoint
from newsgen.questions import body_of

APPROX = 0.05
_APPROXIMATE = {"about", "approximately", "around", "roughly", "some", "nearly", "almost", "close to", "an estimated", "estimated"}
# "killed or wounded in the past week": a count for a stretch, not a running total
# ("deployed last week" only says when, and stays).
_STRETCH = re.compile(r"\b(?:in|over|during|within)\s+the\s+(?:past|last|previous)\s+(?:\w+\s+)?(?:week|weeks|month|months|fortnight|days)\b|\bweekly\b", re.I)


@dataclass(frozen=True)
class Difference:
    """Two sources giving values for one figure that cannot both be right."""

    series: Series
    a: SeriesPoint  # the earlier
    b: SeriesPoint

    @property
    def anchor(self) -> str:
        return f"{self.series.id}-{self.a.claim}-{self.b.claim}"


def interval(q: Quantity) -> tuple[float, float] | None:
    """The values the quantity allows: a floor runs up without end, a ceiling down to
    zero, an approximate number APPROX either side."""
    if q.low is not None and q.high is not None:
        return (min(q.low, q.high), max(q.low, q.high))
    if q.low is not None:
        return (q.low, math.inf)
    if q.high is not None:
        return (0.0, q.high)
    if q.value is None:
        return None
    if (q.qualifier or "").lower() in _APPROXIMATE:
        return (q.value * (1 - APPROX), q.value * (1 + APPROX))
    return (q.value, q.value)


def conflict(a: Quantity, b: Quantity) -> bool:
    ia, ib = interval(a), interval(b)
    return bool(ia and ib) and (ia[1] < ib[0] or ib[1] < ia[0])


def _stretch(p: SeriesPoint, sentences: dict[str, str]) -> bool:
    return bool(_STRETCH.search(sentences.get(p.claim, "")))


def differences(series: Sequence[Series], people: Sequence[Person] = (), window: int = 14,
                sentences: dict[str, str] | None = None) -> list[Difference]:
    """The differences of every series, in series order then date. `sentences` gives a
    claim's text by id, for the stretch-of-time test."""
    sentences = sentences or {}
    bodies: dict[str, str | None] = {}

    def body(p: SeriesPoint) -> str | None:
        if p.speaker is None:
            return None  # an unattributed value is no body's word
        if p.speaker.id not in bodies:
            # A speaker people.yaml cannot place may speak for any body: no independent source.
            bodies[p.speaker.id] = body_of(p.speaker, people)
        return bodies[p.speaker.id]

    out: list[Difference] = []
    for s in series:
        points = sorted((p for p in s.points if p.date and p.dated_by == "said_on" and body(p)
                         and not _stretch(p, sentences)),
                        key=lambda p: (p.date, p.claim))
        best: dict[tuple, Difference] = {}
        for i, p in enumerate(points):
            for q in points[i + 1:]:
                gap = (q.date - p.date).days
                if gap > window:
                    break
                if body(p) == body(q) or q.claim == p.claim or not conflict(p.quantity, q.quantity):
                    continue
                key = tuple(sorted((body(p), body(q))))
                old = best.get(key)
                if old is None or gap < (old.b.date - old.a.date).days:
                    best[key] = Difference(s, p, q)
        out += sorted(best.values(), key=lambda d: (d.a.date, d.b.date, d.a.claim, d.b.claim))
    return out


_last: list = []  # [timeline, config, differences] of the last call


def of_timeline(timeline, config) -> list[Difference]:
    """differences() of the timeline's series, with the editor's people and window.

    The pages and data/differences.json ask for the same build's differences: worked
    out once for that timeline and config (the same objects, which are frozen)."""
    if _last and _last[0] is timeline and _last[1] is config:
        return list(_last[2])
    sentences = {c.id: " ".join(dict.fromkeys([c.text] + [r.sentence for r in c.reports])) for c in timeline.claims}
    found = differences(timeline.series, config.people, config.story.differ_days, sentences)
    _last[:] = [timeline, config, tuple(found)]
    return found


def record(d: Difference) -> dict:
    """data/differences.json's entry for one difference (README)."""
    return {"figure": d.series.id, "claims": [d.a.claim, d.b.claim]}

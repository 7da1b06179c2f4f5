"""What a figure says at a glance, worked out from its series.

Three questions a reader brings to a figure: what is the latest value and who gave
it, where did it start (and, in newsgen.differences, where do sources give values
for it that cannot both be right). Pure functions of Series; the templates only lay the answers out.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from newsgen.model import Quantity, Series, SeriesPoint
from newsgen import differences as differences_mod
from newsgen.render import formatting as fmt

def central(q: Quantity) -> float | None:
    """The number a value stands for: the value, else the middle of its range, else its floor."""
    if q.value is not None:
        return q.value
    if q.low is not None and q.high is not None:
        return (q.low + q.high) / 2
    return q.low if q.low is not None else q.high


def span(q: Quantity) -> tuple[float, float] | None:
    """The interval a value covers (a plain number is a point)."""
    vals = [v for v in (q.value, q.low, q.high) if v is not None]
    return (min(vals), max(vals)) if vals else None


def dated(series: Series) -> list[SeriesPoint]:
    return sorted((p for p in series.points if p.date and central(p.quantity) is not None),
                  key=lambda p: (p.date, p.claim, p.story))


def _plain(q: Quantity) -> bool:
    """One number (with or without "more than"), not a range and not a bare floor."""
    if q.value is None:
        return False
    return not (q.low is not None and q.high is not None and q.low != q.high)


@dataclass(frozen=True)
class Summary:
    first: SeriesPoint
    latest: SeriesPoint
    change: str | None  # "up 1,000 (10%) in 48 days", None when first is latest

    @property
    def single(self) -> bool:
        return self.first is self.latest


def summary(series: Series) -> Summary | None:
    points = dated(series)
    if not points:
        return None
    first, latest = points[0], points[-1]
    if first is latest:
        return Summary(first, latest, None)
    if not (_plain(first.quantity) and _plain(latest.quantity)):
        # A range or a bare floor has no single number to subtract: a computed change
        # ("up 176 since several dozens") would state more than either source did.
        return Summary(first, latest, None)
    a, b = central(first.quantity), central(latest.quantity)
    days = (latest.date - first.date).days
    when = f" in {days} day{'s' if days != 1 else ''}" if days else " on the same day"
    if a == b:
        change = "no change" + when
    else:
        diff = b - a
        pct = f" ({abs(diff) / a:.0%})" if a else ""
        change = f"{'up' if diff > 0 else 'down'} {fmt.number(abs(diff))}{pct}{when}"
    return Summary(first, latest, change)


# Where sources differ is worked out by newsgen.differences (the export needs it too).
Difference = differences_mod.Difference

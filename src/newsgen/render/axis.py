"""The front page's time axis: claims per day as an inline SVG, each day a link.

One bar per day with claims, its height the number of claims, linking to that
day's heading further down the page; a publication window (a report known only to
be published within some days) is a low band across those days. Months are marked
under the axis. No script: the links are plain fragment links.
"""
from __future__ import annotations

import datetime as dt
from typing import Callable

from markupsafe import Markup

from newsgen.render import formatting as fmt
from newsgen.render.site import DayGroup

WIDTH, HEIGHT = 1000, 150
LEFT, RIGHT = 8, 992
BASE = 112  # y of the axis line; month labels below it
BAR_MAX = 96  # height of the tallest bar
BAR_W = 12


def _f(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".")


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def claims_axis(days: tuple[DayGroup, ...], dom_id: str = "time-axis",
                page_of: Callable[[DayGroup], str] = lambda g: "") -> Markup:
    """Claims per day as bars, each a link to its day group (on the page `page_of`
    says, an address relative to the axis's page; "" for the axis's own page)."""
    dated = [g for g in days if g.date and g.claims]
    windows = [g for g in days if g.window and g.claims]
    if not dated and not windows:
        return Markup("")
    starts = [g.date for g in dated] + [g.window[0] for g in windows]  # type: ignore[index]
    ends = [g.date for g in dated] + [g.window[1] for g in windows]  # type: ignore[index]
    first, last = min(starts), max(ends)  # type: ignore[type-var]
    first -= dt.timedelta(days=1)
    last += dt.timedelta(days=1)
    span = max(1, (last - first).days)

    def x(d: dt.date) -> float:
        return LEFT + (RIGHT - LEFT) * (d - first).days / span

    most = max(len(g.claims) for g in dated + windows)
    n = sum(len(g.claims) for g in dated + windows)
    title, desc = f"{dom_id}-title", f"{dom_id}-desc"
    parts = [Markup(
        '<svg class="axis" id="{i}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" '
        'aria-labelledby="{t}" aria-describedby="{d}">'
        '<title id="{t}">Claims per day</title>'
        '<desc id="{d}">{n} from {a} to {b}; select a day to go to its claims.</desc>'
    ).format(i=dom_id, w=WIDTH, h=HEIGHT, t=title, d=desc, n=_count(n, "claim"),
             a=fmt.day(min(starts)), b=fmt.day(max(ends)))]  # type: ignore[type-var]
    parts.append(Markup('<line class="axis-line" x1="{}" x2="{}" y1="{}" y2="{}"/>').format(LEFT, RIGHT, BASE, BASE))
    # month marks
    m = dt.date(first.year, first.month, 1)
    while m <= last:
        if m >= first:
            parts.append(Markup('<line class="axis-month" x1="{x}" x2="{x}" y1="{a}" y2="{b}"/>').format(
                x=_f(x(m)), a=BASE, b=BASE + 8))
        label_at = max(m, first)
        parts.append(Markup('<text class="axis-label" x="{}" y="{}">{}</text>').format(
            _f(x(label_at) + 4), BASE + 30, fmt.month(m) if m.month == 1 or label_at == first else fmt.MONTHS[m.month - 1]))
        m = dt.date(m.year + (m.month == 12), m.month % 12 + 1, 1)
    for g in windows:
        w0, w1 = g.window  # type: ignore[misc]
        h = max(6.0, BAR_MAX * len(g.claims) / most)
        label = (f"Published between {fmt.day(w0)} and {fmt.day(w1)}: "
                 f"{_count(len(g.claims), 'claim')}")
        parts.append(Markup('<a class="axis-window" href="{}#{}"><title>{}</title>'
                            '<rect x="{}" y="{}" width="{}" height="{}"/></a>').format(
            page_of(g), g.dom_id, label, _f(x(w0)), _f(BASE - h), _f(max(BAR_W, x(w1) - x(w0))), _f(h)))
    for g in dated:
        h = max(6.0, BAR_MAX * len(g.claims) / most)
        label = f"{fmt.day_long(g.date)}: {_count(len(g.claims), 'claim')}"
        cx = x(g.date)  # type: ignore[arg-type]
        # The link's target is taller than the bar so a short bar is still easy to tap.
        parts.append(Markup('<a class="axis-day" href="{}#{}"><title>{}</title>'
                            '<rect class="axis-hit" x="{}" y="{}" width="{}" height="{}"/>'
                            '<rect class="axis-bar" x="{}" y="{}" width="{}" height="{}" rx="2"/></a>').format(
            page_of(g), g.dom_id, label, _f(cx - BAR_W), _f(BASE - BAR_MAX), _f(2 * BAR_W), _f(BAR_MAX),
            _f(cx - BAR_W / 2), _f(BASE - h), _f(BAR_W), _f(h)))
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)

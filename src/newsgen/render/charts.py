"""A series drawn as an inline SVG at build time: no chart library, no script.

Dated points sit on a time axis; a range ("1,000 to 1,200") is a bar from low to
high; the qualifier ("more than", "some") is written beside the number, because an
estimate without its qualifier says something the source did not. Each point is a
link to its claim. Colours come from CSS classes so dark mode and print apply.
"""
from __future__ import annotations

import datetime as dt
import math
from typing import Callable

from markupsafe import Markup, escape

from newsgen.model import Quantity, Series, SeriesPoint
from newsgen.render import formatting as fmt

WIDTH, HEIGHT = 720, 380
LEFT, RIGHT, TOP, BOTTOM = 78, 150, 24, 56


def plottable(p: SeriesPoint) -> bool:
    q = p.quantity
    return p.date is not None and (q.value is not None or (q.low is not None and q.high is not None))


def _top(q: Quantity) -> float:
    return max(v for v in (q.value, q.low, q.high) if v is not None)


def _nice_step(span: float, ticks: int = 5) -> float:
    raw = span / ticks if span > 0 else 1
    mag = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * mag:
            return m * mag
    return 10 * mag


def point_label(p: SeriesPoint) -> str:
    who = p.speaker.name if p.speaker else "unattributed"
    when = fmt.day(p.date) if p.date else "undated"
    return f"{when}: {fmt.quantity(p.quantity)} ({who})"


def _f(x: float) -> str:
    """Coordinates with two decimals at most, so output is stable and small."""
    return f"{x:.2f}".rstrip("0").rstrip(".")


def _free_y(placed: list[tuple[float, float, float]], x: float, y: float, chars: int) -> float:
    """A baseline near y where a label of `chars` characters overlaps no placed label."""
    width = chars * 7.6  # 13px bold system font, roughly
    for shift in (0, 16, -16, 32, -32, 48, -48, 64, -64):
        cand = y + shift
        if TOP <= cand <= HEIGHT - BOTTOM + 10 and not any(
                abs(cand - py) < 15 and x < px + pw and px < x + width for px, py, pw in placed):
            placed.append((x, cand, width))
            return cand
    placed.append((x, y, width))
    return y


def series_svg(series: Series, href: Callable[[SeriesPoint], str], dom_id: str) -> Markup:
    points = sorted((p for p in series.points if plottable(p)),
                    key=lambda p: (p.date, _top(p.quantity), p.claim))
    title_id, desc_id = f"{dom_id}-title", f"{dom_id}-desc"
    head = Markup(
        '<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" '
        'aria-labelledby="{t}" aria-describedby="{d}">'
        '<title id="{t}">{label}</title><desc id="{d}">{desc}</desc>'
    ).format(w=WIDTH, h=HEIGHT, t=title_id, d=desc_id, label=series.label,
             desc=f"{len(points)} dated values; the table below lists every value with its source.")
    if not points:
        return head + Markup('<text class="chart-empty" x="{}" y="{}" text-anchor="middle">No dated values yet</text></svg>').format(
            WIDTH // 2, HEIGHT // 2)

    first, last = points[0].date, points[-1].date
    if first == last:
        first, last = first - dt.timedelta(days=7), last + dt.timedelta(days=7)
    else:
        pad = max(1, (last - first).days // 20)
        first, last = first - dt.timedelta(days=pad), last + dt.timedelta(days=pad)
    days = (last - first).days
    top = max(_top(p.quantity) for p in points)
    step = _nice_step(top)
    ymax = step * math.ceil(top * 1.08 / step) or 1
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(d: dt.date) -> float:
        return LEFT + plot_w * (d - first).days / days

    def y(v: float) -> float:
        return TOP + plot_h * (1 - v / ymax)

    parts: list[str] = [head]
    # y axis and grid
    parts.append(Markup('<g class="chart-grid">'))
    v = 0.0
    while v <= ymax + 1e-9:
        parts.append(Markup('<line x1="{}" x2="{}" y1="{}" y2="{}"/>').format(LEFT, WIDTH - RIGHT, _f(y(v)), _f(y(v))))
        parts.append(Markup('<text class="chart-tick" x="{}" y="{}" text-anchor="end">{}</text>').format(
            LEFT - 8, _f(y(v) + 4), fmt.number(v)))
        v += step
    parts.append(Markup("</g>"))
    # x axis: at most six date ticks, always the first and last data dates
    dates = sorted({p.date for p in points})
    if len(dates) > 6:
        idx = sorted({round(i * (len(dates) - 1) / 5) for i in range(6)})
        dates = [dates[i] for i in idx]
    parts.append(Markup('<g class="chart-axis"><line x1="{l}" x2="{r}" y1="{b}" y2="{b}"/>').format(
        l=LEFT, r=WIDTH - RIGHT, b=_f(y(0))))
    prev_year = None
    for d in dates:
        label = f"{d.day} {fmt.MONTHS[d.month - 1]}" + (f" {d.year}" if d.year != prev_year else "")
        prev_year = d.year
        parts.append(Markup('<text class="chart-tick" x="{}" y="{}" text-anchor="middle">{}</text>').format(
            _f(x(d)), _f(y(0) + 20), label))
    parts.append(Markup("</g>"))
    # points; several estimates on one day are spread a little so each stays clickable
    placed: list[tuple[float, float, float]] = []  # label boxes: x, baseline y, width
    same_day: dict[dt.date, int] = {}
    counts: dict[dt.date, int] = {}
    for p in points:
        counts[p.date] = counts.get(p.date, 0) + 1
    for p in points:
        k = same_day.get(p.date, 0)
        same_day[p.date] = k + 1
        cx = x(p.date) + (k - (counts[p.date] - 1) / 2) * 14
        q = p.quantity
        label = point_label(p)
        parts.append(Markup('<a class="chart-point" href="{}" aria-label="{}"><title>{}</title>').format(href(p), label, label))
        if q.low is not None and q.high is not None:
            parts.append(Markup('<rect class="chart-range" x="{}" y="{}" width="8" height="{}" rx="2"/>').format(
                _f(cx - 4), _f(y(q.high)), _f(max(1.0, y(q.low) - y(q.high)))))
        if q.value is not None:
            parts.append(Markup('<circle class="chart-dot" cx="{}" cy="{}" r="6"/>').format(_f(cx), _f(y(q.value))))
        text = " ".join(t for t in (q.qualifier, fmt.number(q.value) if q.value is not None
                                    else f"{fmt.number(q.low)}–{fmt.number(q.high)}") if t)
        lx, ly = cx + 10, _free_y(placed, cx + 10, y(q.value if q.value is not None else q.high) + 4, len(text))
        parts.append(Markup('<text class="chart-label" x="{}" y="{}">{}</text>').format(_f(lx), _f(ly), text))
        parts.append(Markup("</a>"))
    parts.append(Markup("</svg>"))
    return Markup("").join(escape(p) if not isinstance(p, Markup) else p for p in parts)

"""A series drawn as an inline SVG at build time: no chart library, no script.

Dated points sit on a time axis; a range ("1,000 to 1,200") is a bar from low to
high; the qualifier ("more than", "some") is written beside the number, because an
estimate without its qualifier says something the source did not. Each point is a
link to its claim. Colours come from CSS classes so dark mode and print apply.

The SVG scales with its box (viewBox, width 100%), so one drawing serves a phone and
a desktop. Text would scale with it and shrink to nothing on a phone, so the
stylesheet sets a larger font size (in the drawing's units) on narrow screens, and
everything here is laid out for that largest size, LAYOUT_FONT: what fits in large
type fits in small. Labels stay inside the drawing, turning to the left of a point
near the right edge.
"""
from __future__ import annotations

import datetime as dt
import math
from typing import Callable

from markupsafe import Markup, escape

from newsgen.model import Quantity, Series, SeriesPoint
from newsgen.render import formatting as fmt

WIDTH, HEIGHT = 640, 400
LAYOUT_FONT = 24  # the largest font size site.css gives chart text, in drawing units
CHAR = 0.64  # average character width, in ems, of regular text (digits are the widest)
CHAR_BOLD = 0.7  # the same for bold point labels
GAP = 12  # between a point and its label
EDGE = 4  # kept free at the drawing's edges
EMPTY_WIDTH, EMPTY_HEIGHT = 360, 110  # the note drawn when there is nothing to plot


def plottable(p: SeriesPoint) -> bool:
    q = p.quantity
    if not all(math.isfinite(v) for v in (q.value, q.low, q.high) if v is not None):
        return False  # a 400-digit figure reads as infinity: no scale can hold it
    return p.date is not None and any(v is not None for v in (q.value, q.low, q.high))


def stated(p: SeriesPoint) -> bool:
    """Drawn solid only when the source gave the day; a publication day or window is hollow."""
    return p.dated_by == "said_on"


def _end(p: SeriesPoint) -> dt.date:
    return p.window[1] if p.window else p.date  # type: ignore[return-value]


def _centre_day(p: SeriesPoint) -> dt.date:
    """Where a point sits: its day, or the middle of its publication window."""
    if p.window:
        return p.window[0] + (p.window[1] - p.window[0]) / 2
    return p.date  # type: ignore[return-value]


def value_text(q: Quantity) -> str:
    """The number as a chart label: "more than 11,000", "1,000–1,200", "several dozens"."""
    if q.value is not None:
        core = fmt.number(q.value)
    elif q.low is not None and q.high is not None:
        core = f"{fmt.number(q.low)}–{fmt.number(q.high)}"
    else:
        # Only a floor ("several dozens"): the source's own words say it better than a number.
        words = q.text.split(",")[-1].strip() if q.text else ""
        if words and not any(ch.isdigit() for ch in words):
            return words
        return f"{fmt.number(q.low if q.low is not None else q.high)} or more"
    return " ".join(t for t in (q.qualifier, core) if t)


def _top(q: Quantity) -> float:
    return max(v for v in (q.value, q.low, q.high) if v is not None)


def _nice_step(span: float, ticks: int = 5) -> float:
    raw = span / ticks if span > 0 else 1
    mag = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * mag:
            return m * mag
    return 10 * mag


# Beyond this many values, only the first, the latest and the extremes carry a label:
# a dozen labels near one value print over each other. The table gives every value.
MAX_LABELS = 6


def labelled_points(points: list[SeriesPoint]) -> set[int]:
    """Indices (in date order) of the points whose value is written beside them."""
    if len(points) <= MAX_LABELS:
        return set(range(len(points)))
    tops = [_top(p.quantity) for p in points]
    return {0, len(points) - 1, tops.index(max(tops)), tops.index(min(tops))}


def point_label(p: SeriesPoint) -> str:
    who = p.speaker.name if p.speaker else "unattributed"
    return f"{when_text(p)}: {fmt.quantity(p.quantity)} ({who})"


def when_text(p: SeriesPoint) -> str:
    """The point's day in words, saying when it is a publication day or window, not a stated day."""
    if p.window:
        return f"published between {fmt.day(p.window[0])} and {fmt.day(p.window[1])} (no day stated)"
    if p.date is None:
        return "undated"
    if p.dated_by == "published":
        return f"published {fmt.day(p.date)} (no day stated)"
    return fmt.day(p.date)


def _f(x: float) -> str:
    """Coordinates with two decimals at most, so output is stable and small."""
    return f"{x:.2f}".rstrip("0").rstrip(".")


def text_width(text: str, bold: bool = False) -> float:
    """Width of text at LAYOUT_FONT, generously estimated (no font metrics at build time)."""
    return len(text) * LAYOUT_FONT * (CHAR_BOLD if bold else CHAR)


Box = tuple[float, float, float]  # left, right, baseline of a placed label


def _free_y(placed: list[Box], x0: float, x1: float, y: float, lo: float, hi: float) -> float:
    """A baseline near y, within [lo, hi], where a label spanning x0..x1 overlaps no placed label."""
    line = LAYOUT_FONT * 1.15
    for k in (0, 1, -1, 2, -2, 3, -3, 4, -4):
        cand = y + k * line
        if lo <= cand <= hi and not any(abs(cand - py) < line and x0 < px1 and px0 < x1 for px0, px1, py in placed):
            placed.append((x0, x1, cand))
            return cand
    placed.append((x0, x1, y))
    return y


def _label_x(cx: float, w: float, left: float, right: float) -> tuple[float, str, bool]:
    """Where a point's label goes: (x, text-anchor, beside the point?).

    To the right of the point when it fits, else to its left, else centred over it
    and kept inside the plot."""
    if cx + GAP + w <= right:
        return cx + GAP, "start", True
    if cx - GAP - w >= left:
        return cx - GAP, "end", True
    return max(left, min(cx - w / 2, right - w)), "start", False


def _x_ticks(dates: list[dt.date], x: Callable[[dt.date], float]) -> list[tuple[dt.date, str, float]]:
    """Date ticks that do not overlap at LAYOUT_FONT: the first, the last, and what fits between."""
    def label(d: dt.date, prev: dt.date | None) -> str:
        return f"{d.day} {fmt.MONTHS[d.month - 1]}" + (f" {d.year}" if prev is None or d.year != prev.year else "")

    def centre(d: dt.date, text: str) -> float:
        w = text_width(text)
        return max(EDGE + w / 2, min(x(d), WIDTH - EDGE - w / 2))

    chosen: list[dt.date] = []
    for d in dates:
        if not chosen:
            chosen.append(d)
            continue
        prev = chosen[-1]
        a, b = label(prev, chosen[-2] if len(chosen) > 1 else None), label(d, prev)
        if centre(d, b) - text_width(b) / 2 >= centre(prev, a) + text_width(a) / 2 + GAP:
            chosen.append(d)
        elif d == dates[-1] and len(chosen) > 1:
            chosen[-1] = d  # the last date matters more than the one before it
    out = []
    for i, d in enumerate(chosen):
        text = label(d, chosen[i - 1] if i else None)
        out.append((d, text, centre(d, text)))
    return out


def _empty(series: Series, title_id: str, desc_id: str, undated: int) -> Markup:
    """A small note in place of a chart: a large blank plot would say nothing."""
    more = (f"{undated} undated {'value is' if undated == 1 else 'values are'} listed below"
            if undated else "no values yet")
    return Markup(
        '<svg class="chart chart-empty" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" '
        'aria-labelledby="{t}" aria-describedby="{d}">'
        '<title id="{t}">{label}</title><desc id="{d}">No dated values to draw; {more}.</desc>'
        '<rect class="chart-empty-frame" x="1" y="1" width="{fw}" height="{fh}" rx="8"/>'
        '<text class="chart-empty-head" x="{cx}" y="46" text-anchor="middle">No dated values yet</text>'
        '<text class="chart-empty-more" x="{cx}" y="78" text-anchor="middle">{more}</text>'
        '</svg>'
    ).format(w=EMPTY_WIDTH, h=EMPTY_HEIGHT, t=title_id, d=desc_id, label=series.label, more=more,
             fw=EMPTY_WIDTH - 2, fh=EMPTY_HEIGHT - 2, cx=EMPTY_WIDTH // 2)


def series_svg(series: Series, href: Callable[[SeriesPoint], str], dom_id: str) -> Markup:
    points = sorted((p for p in series.points if plottable(p)),
                    key=lambda p: (p.date, _top(p.quantity), p.claim))
    title_id, desc_id = f"{dom_id}-title", f"{dom_id}-desc"
    if not points:
        return _empty(series, title_id, desc_id, sum(1 for p in series.points if p.date is None))
    head = Markup(
        '<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" '
        'aria-labelledby="{t}" aria-describedby="{d}">'
        '<title id="{t}">{label}</title><desc id="{d}">{desc}</desc>'
    ).format(w=WIDTH, h=HEIGHT, t=title_id, d=desc_id, label=series.label,
             desc=f"{len(points)} dated values; the table below lists every value with its source.")

    first, last = points[0].date, max(_end(p) for p in points)
    if first == last:
        first, last = first - dt.timedelta(days=7), last + dt.timedelta(days=7)
    else:
        pad = max(1, (last - first).days // 20)
        first, last = first - dt.timedelta(days=pad), last + dt.timedelta(days=pad)
    days = (last - first).days
    top = max(_top(p.quantity) for p in points)
    step = _nice_step(top)
    ymax = step * math.ceil(top * 1.08 / step) or 1
    ticks = []
    v = 0.0
    while v <= ymax + 1e-9:
        ticks.append(v)
        v += step
    left = EDGE + max(text_width(fmt.number(t)) for t in ticks) + GAP
    right = WIDTH - EDGE
    top_y = LAYOUT_FONT + 8  # room for a label over the highest point
    base_y = HEIGHT - LAYOUT_FONT - 16  # room for the date ticks under the axis
    inner_l, inner_r = left + 16, right - 16  # points keep clear of the plot's sides
    plot_h = base_y - top_y

    def x(d: dt.date) -> float:
        return inner_l + (inner_r - inner_l) * (d - first).days / days

    def y(val: float) -> float:
        return top_y + plot_h * (1 - val / ymax)

    parts: list[str] = [head]
    parts.append(Markup('<g class="chart-grid">'))
    for t in ticks:
        parts.append(Markup('<line x1="{}" x2="{}" y1="{}" y2="{}"/>').format(_f(left), _f(right), _f(y(t)), _f(y(t))))
        parts.append(Markup('<text class="chart-tick" x="{}" y="{}" text-anchor="end">{}</text>').format(
            _f(left - GAP), _f(y(t) + LAYOUT_FONT * 0.35), fmt.number(t)))
    parts.append(Markup("</g>"))
    parts.append(Markup('<g class="chart-axis"><line x1="{l}" x2="{r}" y1="{b}" y2="{b}"/>').format(
        l=_f(left), r=_f(right), b=_f(y(0))))
    for _, text, cx in _x_ticks(sorted({p.date for p in points}), x):
        parts.append(Markup('<text class="chart-tick" x="{}" y="{}" text-anchor="middle">{}</text>').format(
            _f(cx), _f(base_y + LAYOUT_FONT + 6), text))
    parts.append(Markup("</g>"))
    # points; several estimates on one day are spread a little so each stays clickable
    placed: list[Box] = []
    same_day: dict[dt.date, int] = {}
    counts: dict[dt.date, int] = {}
    for p in points:
        counts[_centre_day(p)] = counts.get(_centre_day(p), 0) + 1
    # Where each mark goes, worked out first so no label is written over another point.
    where: list[tuple[float, float]] = []
    marks: list[list[Box]] = []
    for p in points:
        day = _centre_day(p)
        k = same_day.get(day, 0)
        same_day[day] = k + 1
        cx = x(day) + (k - (counts[day] - 1) / 2) * 20
        q = p.quantity
        my = y(q.value if q.value is not None else (q.low if q.low is not None else q.high))
        where.append((cx, my))
        base = my + LAYOUT_FONT * 0.35
        own = [(cx - 12, cx + 12, base)]
        if p.window:
            own.append((x(p.window[0]), x(p.window[1]), base))
        marks.append(own)
    labelled = labelled_points(points)
    for i, p in enumerate(points):
        cx, _ = where[i]
        q = p.quantity
        label = point_label(p)
        hollow = "" if stated(p) else " is-hollow"
        parts.append(Markup('<a class="chart-point{}" href="{}" aria-label="{}"><title>{}</title>').format(hollow, href(p), label, label))
        mark_y = y(q.value if q.value is not None else (q.low if q.low is not None else q.high))
        if p.window:  # published some day in this window: the whole window is drawn
            parts.append(Markup('<line class="chart-window" x1="{}" x2="{}" y1="{}" y2="{}"/>').format(
                _f(x(p.window[0])), _f(x(p.window[1])), _f(mark_y), _f(mark_y)))
        if q.low is not None and q.high is not None and q.low != q.high:
            parts.append(Markup('<rect class="chart-range" x="{}" y="{}" width="10" height="{}" rx="2"/>').format(
                _f(cx - 5), _f(y(q.high)), _f(max(1.0, y(q.low) - y(q.high)))))
        elif q.value is None and q.high is None:
            # A floor with no ceiling ("several dozens"): a range open upwards.
            parts.append(Markup('<path class="chart-open" d="M{} {} L{} {} L{} {} Z"/>').format(
                _f(cx - 6), _f(mark_y), _f(cx), _f(mark_y - LAYOUT_FONT * 1.6), _f(cx + 6), _f(mark_y)))
        parts.append(Markup('<circle class="chart-dot{}" cx="{}" cy="{}" r="8"/>').format(hollow, _f(cx), _f(mark_y)))
        if i not in labelled:
            # Unlabelled (the table lists it): the dot alone is its target.
            parts.append(Markup('<rect class="chart-hit" x="{}" y="{}" width="24" height="24"/>').format(_f(cx - 12), _f(mark_y - 12)))
            parts.append(Markup("</a>"))
            continue
        text = value_text(q)
        w = text_width(text, bold=True)
        py = y(q.value if q.value is not None else (q.high if q.high is not None else q.low))
        # A window's label stands clear of the window's line: after its end, else before its start.
        if p.window and x(p.window[1]) + GAP + w <= right:
            lx, anchor, beside = x(p.window[1]) + GAP, "start", True
        elif p.window and x(p.window[0]) - GAP - w >= left:
            lx, anchor, beside = x(p.window[0]) - GAP, "end", True
        else:
            lx, anchor, beside = _label_x(cx, w, left, right)
        want = py + LAYOUT_FONT * 0.35 if beside else (py - GAP if py - GAP - LAYOUT_FONT >= 0 else py + GAP + LAYOUT_FONT)
        x0 = lx - w if anchor == "end" else lx
        others = placed + [b for j, own in enumerate(marks) if j != i for b in own]
        ly = _free_y(others, x0, x0 + w, want, LAYOUT_FONT, base_y - 4)
        placed.append(others[-1])
        # One target for the point and its label, with no gap between them: easier to
        # tap on a phone, where the dot itself is only a few pixels wide.
        hx0, hx1 = min(x0, cx - 12), max(x0 + w, cx + 12)
        hy0, hy1 = min(ly - LAYOUT_FONT, py - 12), max(ly + 6, py + 12, y(q.low) if q.low is not None else py)
        parts.append(Markup('<rect class="chart-hit" x="{}" y="{}" width="{}" height="{}"/>').format(
            _f(hx0), _f(hy0), _f(hx1 - hx0), _f(hy1 - hy0)))
        if abs(ly - want) > 1:  # moved off its point to stay clear of another label: draw the link
            parts.append(Markup('<line class="chart-leader" x1="{}" y1="{}" x2="{}" y2="{}"/>').format(
                _f(cx), _f(py), _f(lx + (6 if anchor == "end" else -6) if beside else cx), _f(ly - LAYOUT_FONT * 0.35)))
        parts.append(Markup('<text class="chart-label" x="{}" y="{}"{}>{}</text>').format(
            _f(lx), _f(ly), Markup(' text-anchor="end"') if anchor == "end" else "", text))
        parts.append(Markup("</a>"))
    parts.append(Markup("</svg>"))
    return Markup("").join(escape(p) if not isinstance(p, Markup) else p for p in parts)

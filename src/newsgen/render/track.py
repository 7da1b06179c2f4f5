"""A question's status track as an inline SVG: one dot per step, left to right.

Steps are spaced evenly, not by date: months can pass between two steps and days
between the next two, and an even row keeps every label readable; the date is written
under each dot. Each dot is a link to its claim, named by a <title> so it is announced
and shown on hover, with no script. The drawing has its natural size and shrinks
to fit a narrow box; the stylesheet sets a larger font on narrow screens, and labels
are laid out for that size.
"""
from __future__ import annotations

from typing import Callable

from markupsafe import Markup

from newsgen import urls
from newsgen.model import QuestionStep, QuestionTrack
from newsgen.render import formatting as fmt

STEP_W = 190  # drawing units per step: room for "acknowledged" in the largest font
HEIGHT = 112
LINE_Y = 52
LABEL_Y = 26
DATE_Y = 86


def step_label(step: QuestionStep, speaker: str) -> str:
    # Starts with the words drawn (status, then date) so the name matches what is seen.
    how = "hedged" if step.hedged else "asserted"
    return f"{step.status} {fmt.day(step.date)}: {speaker} ({step.note}; {how})"


def track_svg(track: QuestionTrack, href: Callable[[str], str], speaker_name: Callable[[str], str], dom_id: str) -> Markup:
    """The track of one question; `href` makes a site path relative to the page."""
    steps = track.steps
    title_id, desc_id = f"{dom_id}-title", f"{dom_id}-desc"
    width = max(1, len(steps)) * STEP_W
    parts = [Markup(
        '<svg class="track" xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" '
        'aria-labelledby="{t}" aria-describedby="{d}">'
        '<title id="{t}">{label}</title><desc id="{d}">{desc}</desc>'
    ).format(w=width, h=HEIGHT, t=title_id, d=desc_id, label=track.question.question,
             desc=(f"{len(steps)} steps in date order; the list below gives each with its source."
                   if steps else "No dated claim bears on this question yet."))]
    if not steps:
        parts.append(Markup('<text class="track-empty" x="{}" y="{}" text-anchor="middle">No dated claims yet</text>').format(
            width // 2, LINE_Y))
    else:
        half = STEP_W // 2
        parts.append(Markup('<line class="track-line" x1="{}" x2="{}" y1="{}" y2="{}"/>').format(
            half, width - half, LINE_Y, LINE_Y))
    for i, s in enumerate(steps):
        cx = i * STEP_W + STEP_W // 2
        label = step_label(s, speaker_name(s.speaker))
        parts.append(Markup('<a class="track-step status-{}" href="{}" aria-label="{}"><title>{}</title>').format(
            urls.slug(s.status), href(urls.claim(s.claim)), label, label))
        parts.append(Markup('<rect class="track-hit" x="{}" y="4" width="{}" height="{}"/>').format(
            cx - half + 4, STEP_W - 8, HEIGHT - 8))
        shape = ('<circle class="track-dot{hedged}" cx="{cx}" cy="{cy}" r="9"/>')
        parts.append(Markup(shape).format(hedged=" is-hedged" if s.hedged else "", cx=cx, cy=LINE_Y))
        # One text with a space between its lines, so the link's visible text reads
        # "alleged 21 Oct 2024", as its name does.
        parts.append(Markup(
            '<text text-anchor="middle"><tspan class="track-status" x="{x}" y="{y1}">{st}</tspan> '
            '<tspan class="track-date" x="{x}" y="{y2}">{d}</tspan></text>'
        ).format(x=cx, y1=LABEL_Y, y2=DATE_Y, st=s.status, d=fmt.day(s.date)))
        parts.append(Markup("</a>"))
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)

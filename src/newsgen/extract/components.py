"""newsgen's registered spaCy components: one layer of annotation each.

They read what the story's text layer put in ``doc.user_data`` (the statement
units, the people of people.yaml, the publication day) and what the components
before them added, and write their own layer on the Doc:

    newsgen_units     token.is_sent_start from the units (quotations stay whole)
    newsgen_mentions  doc._.entity_at, doc._.roster   (mentions.py)
    newsgen_frames    doc._.frames: one (Frame | None, verb index, tied person, scene,
                      verb of a speaker the text leaves unnamed) per unit (frames.py)
    newsgen_when      doc._.datings: one Dating per unit (when.py)
"""
from __future__ import annotations

import bisect
from dataclasses import replace

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from newsgen.extract.frames import STORY, Attributor, is_medium
from newsgen.extract.mentions import link
from newsgen.extract.when import NONE, Timekeeper, summed_up

for _name, _default in (("entity_at", None), ("roster", None), ("frames", None), ("datings", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)

UNITS = "newsgen.units"
PEOPLE = "newsgen.people"
OUTLETS = "newsgen.outlets"
SPANS = "newsgen.spans"


def unit_spans(doc: Doc):
    """The Doc's units as token spans, in order (one per UnitInfo); worked out once."""
    cached = doc.user_data.get(SPANS)
    if cached is not None:
        return cached
    spans = _unit_spans(doc)
    doc.user_data[SPANS] = spans
    return spans


def _unit_spans(doc: Doc):
    units = doc.user_data.get(UNITS) or []
    starts = [u.start for u in units]
    bounds = [0] * (len(units) + 1)
    bounds[len(units)] = len(doc)
    k = 0
    for t in doc:
        j = bisect.bisect_right(starts, t.idx) - 1
        while k < j:
            k += 1
            bounds[k] = t.i
    for m in range(k + 1, len(units)):
        bounds[m] = len(doc)
    return [doc[bounds[i]: bounds[i + 1]] for i in range(len(units))]


@Language.component("newsgen_units")
def units_component(doc: Doc) -> Doc:
    units = doc.user_data.get(UNITS)
    if not units:
        return doc
    starts = [u.start for u in units]
    # Written in one array: each Token.is_sent_start assignment checks the whole Doc
    # for a parse first, which made this quadratic in the story's length.
    flags = numpy.empty(len(doc), dtype="int64")
    prev = -1
    for t in doc:
        k = max(0, bisect.bisect_right(starts, t.idx) - 1)
        flags[t.i] = 1 if t.i == 0 or k != prev else -1
        prev = k
    if len(doc):
        doc.from_array([SENT_START], flags.astype("uint64"))
    return doc


@Language.component("newsgen_mentions")
def mentions_component(doc: Doc) -> Doc:
    link(doc, doc.user_data.get(PEOPLE) or {}, doc.user_data.get(OUTLETS) or {})
    return doc


@Language.component("newsgen_frames")
def frames_component(doc: Doc) -> Doc:
    units = doc.user_data.get(UNITS) or []
    reader = Attributor(doc, units)
    out = []
    for unit, span in zip(units, unit_spans(doc)):
        if unit.heading or not len(span):
            out.append((None, None, None, None, None))
            continue
        tie = reader.tie(span, unit)
        reader.nameless = None
        frame = reader.main(span, unit)
        # "According to KCNA, Kim received Belousov on Friday": a medium telling of an event
        # puts its people there as much as the narrative does.
        scene = reader.scene(span, unit) if frame is None or (
            frame.form == "according" and frame.speaker is not None and is_medium(frame.speaker)) else None
        nameless = reader.nameless if frame is None else None
        out.append((frame, frame.verb if frame is not None and frame.verb >= 0 else None, tie, scene, nameless))
    doc._.frames = out
    return doc


@Language.component("newsgen_when")
def when_component(doc: Doc) -> Doc:
    units = doc.user_data.get(UNITS) or []
    story = doc.user_data.get(STORY) or {}
    report_day = story.get("report_day")
    keeper = Timekeeper(published=report_day or story.get("published"), window_end=story.get("window_end"), window_start=story.get("window_start"),
                        dateline=bool(story.get("dateline")), live=bool(story.get("live")),
                        transcript=bool(story.get("transcript")), held_on=story.get("occasion"),
                        updated=story.get("updated"))
    briefs = story.get("briefs") or {}
    brief = None
    out = []
    for unit, span, (frame, verb, tie, scene, nameless) in zip(units, unit_spans(doc), doc._.frames or []):
        if unit.paragraph in briefs and unit.paragraph != brief:
            # A page of briefs: each is a dated report of its own, read as a story of its day.
            brief = unit.paragraph
            keeper = Timekeeper(published=briefs[brief], window_end=None, dateline=True, live=False, transcript=False)
        if tie is not None:
            keeper.tie(tie)
        if scene is not None:
            keeper.scene(span, unit, scene[0], doc[scene[1]], unnamed=scene[2], speaking=scene[3])
        if unit.heading:
            if unit.paragraph >= 0:  # a section's heading dates the section; the story's title dates nothing
                keeper.see_heading(span.text)
            out.append(NONE)
            continue
        if frame is None:
            if nameless is None:
                keeper.narrative(span, unit)
            out.append(keeper.occasion(span, unit, doc[nameless]) if nameless is not None else NONE)
            continue
        out.append(keeper.date(span, unit, frame, doc[verb] if verb is not None else None))
    datings = summed_up(units, doc._.frames or [], out, doc)
    if briefs:
        datings = _counted_from_datelines(units, datings, briefs, "on a page of briefs, publication is this brief's dateline")
    elif report_day is not None:
        datings = _counted_from_datelines(units, datings, {}, "publication here is the dateline's day", report_day)
    doc._.datings = datings
    return doc


def _counted_from_datelines(units, datings, days, saying: str, day=None):
    """A reader of the basis must know that "publication" there is a dateline's day
    (days: the paragraph from which each counts; day: the one from the start)."""
    out = []
    for unit, d in zip(units, datings):
        day = days.get(unit.paragraph, day)
        if day is not None and d.basis and "publication" in d.basis:
            d = replace(d, basis=f"{d.basis}; {saying}, {day.isoformat()}")
        out.append(d)
    return out

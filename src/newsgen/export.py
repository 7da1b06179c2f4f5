"""The binding data contract: data/stories.json, data/claims.json, data/questions.json.

Field names and meanings are fixed by DESIGN.md because other tools read them;
fields beyond the contract are additions, never renames.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from newsgen import jsontext, urls
from newsgen.gcpause import paused
from newsgen.model import Claim, Derivation, Output, Quantity, QuestionTrack, Review, Series, SeriesDef, SeriesPoint, Speaker, Story, Timeline


def _day(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _number(v: float | None) -> int | float | None:
    if v is None:
        return None
    return int(v) if float(v).is_integer() else v


def derivation_record(d: Derivation) -> dict[str, Any]:
    return {"story": d.story, "relation": d.relation, "basis": d.basis, "overlap": d.overlap, "wire": d.wire}


def story_record(s: Story, derived_from: tuple[Derivation, ...] = ()) -> dict[str, Any]:
    return {
        "id": s.id,
        "seed": s.seed,
        "title": s.title,
        "outlet": s.outlet,
        "credit": s.credit,
        "byline": s.byline,
        "url": s.url,
        "published": _day(s.published),
        "published_basis": s.published_basis if s.published else None,
        "paragraphs": list(s.paragraphs),
        "captions": list(s.captions),
        "path": urls.story(s.id),
        # additions
        "published_window": [_day(d) for d in s.published_window] if s.published_window else None,
        "seen_on": _day(s.seen_on),
        "updated": _day(s.updated),
        "dateline": s.dateline,
        "format": s.format,
        "derived_from": [derivation_record(d) for d in derived_from],
    }


def speaker_record(sp: Speaker | None) -> dict[str, Any] | None:
    if sp is None:
        return None
    return {"id": sp.id, "name": sp.name, "role": sp.role, "org": sp.org, "kind": sp.kind, "known": sp.known}


def quantity_record(q: Quantity) -> dict[str, Any]:
    return {
        "value": _number(q.value),
        "low": _number(q.low),
        "high": _number(q.high),
        "unit": q.unit,
        "qualifier": q.qualifier,
        "text": q.text,
        "counts": q.counts,
        "scope": q.scope,
        "measure": q.measure,
    }


def review_record(r: Review | None) -> dict[str, Any] | None:
    """The editor's check of a claim (content/corrections.yaml), or None when unchecked."""
    if r is None:
        return None
    return {
        "status": r.status,
        "by": r.by,
        "on": _day(r.on),
        "changes": [{"field": ch.field, "detail": ch.detail, "from": ch.before, "to": ch.after, "text": str(ch)}
                    for ch in r.changes],
        "note": r.note,
        "reason": r.reason,
    }


def claim_record(c: Claim) -> dict[str, Any]:
    return {
        "id": c.id,
        "speaker": speaker_record(c.speaker),
        "said_on": _day(c.said_on),
        "date_basis": c.date_basis,
        "text": c.text,
        "quote": c.quote,
        "hedged": c.hedged,
        "topics": list(c.topics),
        "quantities": [quantity_record(q) for q in c.quantities],
        "reports": [
            {"story": r.story, "sentence": r.sentence, "paragraph": r.paragraph, "relay": r.relay} for r in c.reports
        ],
        "path": urls.claim(c.id),
        # additions
        "speakers": [speaker_record(sp) for sp in c.speakers],
        "hedges": list(c.hedges),
        "date_precision": c.date_precision if (c.said_on or c.date_range) else None,
        "date_range": [_day(c.date_range[0]), _day(c.date_range[1])] if c.date_range else None,
        "placed_on": _day(c.placed_on),
        "stance": c.stance,
        "stance_words": list(c.stance_words),
        "questions": list(c.questions),
        "independent_reports": c.independent_reports,
        "review": review_record(c.review),
    }


def question_record(t: QuestionTrack) -> dict[str, Any]:
    q = t.question
    return {
        "id": q.id,
        "question": q.question,
        "status": t.status,
        "claim": t.claim,
        "steps": [
            {"date": _day(s.date), "status": s.status, "claim": s.claim, "speaker": s.speaker,
             "stance": s.stance, "hedged": s.hedged, "body": s.body, "note": s.note}
            for s in t.steps
        ],
        # additions
        "short": q.short,
        "topics": list(q.topics),
        "cues": list(q.cues),
        "parties": list(q.parties),
        "party_cues": list(q.party_cues),
        "path": urls.QUESTIONS + "#q-" + urls.slug(q.id),
    }


def point_record(p: SeriesPoint) -> dict[str, Any]:
    q = p.quantity
    return {
        "value": _number(q.value),
        "low": _number(q.low),
        "high": _number(q.high),
        "qualifier": q.qualifier,
        "text": q.text,
        "date": _day(p.date),
        "date_basis": p.date_basis,
        "window": [_day(p.window[0]), _day(p.window[1])] if p.window else None,
        "speaker": speaker_record(p.speaker),
        "claim": p.claim,
        "story": p.story,
        "also": list(p.also),
    }


def series_record(s: Series, unit: str | None) -> dict[str, Any]:
    return {"id": s.id, "title": s.label, "unit": unit, "description": s.description,
            "measure": s.measure.id if s.measure else None, "counts": s.measure.label if s.measure else None,
            "scope": s.scope,
            "points": [point_record(p) for p in s.points], "path": urls.figure(s.id)}


def _json(obj: Any) -> bytes:
    # jsontext.dumps is json.dumps(obj, ensure_ascii=False, indent=1), written faster.
    return (jsontext.dumps(obj, indent=1) + "\n").encode("utf-8")


def figures_data(timeline: Timeline, series_defs: tuple[SeriesDef, ...] = ()) -> Output:
    """data/figures.json: every series with every point and how the point got its day."""
    # The unit a series counts in is the first the editor listed for it.
    # (or, for a series holding one measure, the measure's unit).
    units = {d.id: (d.units[0] if d.units else None) for d in series_defs}
    with paused():
        return Output("data/figures.json", _json({"figures": [
            series_record(s, s.measure.unit if s.measure else units.get(s.id)) for s in timeline.series]}))


def placed_window(c: Claim, stories: dict[str, Story]) -> tuple[dt.date, dt.date] | None:
    """For a claim with no day at all: the window its first report was published in."""
    if c.placed_on or not c.reports:
        return None
    st = stories.get(c.reports[0].story)
    return st.published_window if st else None


def export_data(timeline: Timeline) -> tuple[Output, ...]:
    with paused():  # hundreds of thousands of small dicts, none in a cycle (see gcpause)
        return _export_data(timeline)


def _export_data(timeline: Timeline) -> tuple[Output, ...]:
    derived = {o.story: o.derived_from for o in timeline.origins}
    stories = {s.id: s for s in timeline.stories}
    claims = []
    for c in timeline.claims:
        rec = claim_record(c)
        w = placed_window(c, stories)
        rec["placed_window"] = [_day(w[0]), _day(w[1])] if w else None
        claims.append(rec)
    return (
        Output("data/stories.json", _json({"stories": [story_record(s, derived.get(s.id, ())) for s in timeline.stories]})),
        # Claims the editor dropped leave the site; here they stay, with the reason.
        Output("data/claims.json", _json({"claims": claims, "dropped": [claim_record(c) for c in timeline.dropped]})),
    )


def export_questions(timeline: Timeline) -> tuple[Output, ...]:
    """data/questions.json: each tracked question's status and its steps (README)."""
    with paused():
        return (Output("data/questions.json", _json({"questions": [question_record(t) for t in timeline.questions]})),)


def differences_data(timeline: Timeline, config) -> Output:
    """data/differences.json: pairs of claims whose values for one figure cannot both be right."""
    from newsgen.differences import of_timeline, record

    return Output("data/differences.json", _json({"differences": [record(d) for d in of_timeline(timeline, config)]}))

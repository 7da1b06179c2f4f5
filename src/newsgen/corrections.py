"""The editor's corrections (content/corrections.yaml) applied to the extracted claims.

A correction names a claim by the id the site shows (claims.json, the claim page's
address). That id is the one newsgen.timeline.claim_id gives the first report of the
merged claim, and claim_id reads nothing but that report's story, sentence shape and
speaker, so each extracted claim has an address of its own before any merging: the
correction finds its claim by that. It then corrects every extracted claim that
merges with it (one statement reported by several outlets is corrected as a whole),
before the real merge, so merged claims, figures, questions, feeds and exports all
see the corrected claims. The corrected claim keeps the id the editor named
(Review.address), even when a new speaker would give it another.

A correction whose claim is not found, whose sentence is no longer the one the editor
saw, or whose figure or part cannot be found in the claim is reported and not
applied: it must never land on another claim.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Sequence

from newsgen.config import Correction, FigureFix, SplitPart
from newsgen.model import Change, Claim, Person, Problem, Quantity, Review, Speaker, Story


def addresses(claims: Sequence[Claim]) -> list[str]:
    """The id each extracted claim would have on the site if it led its merged claim."""
    from newsgen.timeline import claim_id

    seen: dict[str, int] = {}
    out = []
    for c in claims:
        cid = claim_id(c)
        n = seen.get(cid, 0)
        seen[cid] = n + 1
        # As timeline._unique_ids numbers a second claim with one id.
        out.append(cid if n == 0 else f"{cid}-{n + 1}")
    return out


def same_sentence(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


def _words(text: str) -> str:
    return " ".join(text.casefold().split())


def _figure_of(c: Claim, fix: FigureFix) -> Quantity | None:
    if fix.text is None:
        return c.quantities[0] if len(c.quantities) == 1 else None
    want = _words(fix.text)
    exact = [q for q in c.quantities if _words(q.text) == want]
    found = exact or [q for q in c.quantities if want and want in _words(q.text)]
    return found[0] if len(found) == 1 else None


def match(corrections: Sequence[Correction], claims: Sequence[Claim]) -> tuple[dict[int, int], list[Problem]]:
    """{index of correction: index of the claim it corrects}, and why the others cannot apply."""
    where = {a: i for i, a in reversed(list(enumerate(addresses(claims))))}
    found: dict[int, int] = {}
    problems: list[Problem] = []
    for n, fix in enumerate(corrections):
        def stale(why: str) -> None:
            problems.append(Problem(fix.source, f"correction for claim '{fix.claim}': {why}; not applied", fix.line, "warning"))

        i = where.get(fix.claim)
        if i is None:
            stale("no claim has this id any more (its article or its sentence changed, or the article was removed): "
                  "check it again with `newsgen review` and give the claim's id now")
            continue
        c = claims[i]
        sentence = c.reports[0].sentence if c.reports else c.text
        if fix.sentence is not None and not same_sentence(fix.sentence, sentence):
            stale(f"its sentence has changed since it was checked; it now reads “{' '.join(sentence.split())}”: "
                  "check the claim again and update 'sentence:'")
            continue
        missing = [f.text or "(the only figure)" for f in fix.figures if _figure_of(c, f) is None]
        if missing:
            stale(f"the claim has no single figure written {', '.join(repr(m) for m in missing)}"
                  + (f" (its figures: {', '.join(repr(q.text) for q in c.quantities)})" if c.quantities else " (it has none)"))
            continue
        absent = [p.text for p in fix.split if _words(p.text) not in _words(c.text)]
        if absent:
            stale(f"part {absent[0]!r} of the split is not in the claim's words")
            continue
        found[n] = i
    return found, problems


def problems(corrections: Sequence[Correction], claims: Sequence[Claim]) -> list[Problem]:
    """What `build` and `check` report about content/corrections.yaml against these claims."""
    return match(corrections, claims)[1] if corrections else []


def apply(stories: Sequence[Story], claims: Sequence[Claim], corrections: Sequence[Correction],
          people: Sequence[Person]) -> tuple[list[Claim], tuple[Claim, ...]]:
    """(the claims with the corrections applied, the claims the editor dropped).

    Claims nothing corrects are returned as they were, in their order."""
    if not corrections:
        return list(claims), ()
    found, _ = match(corrections, claims)
    if not found:
        return list(claims), ()
    group = _groups(stories, claims)
    members: dict[object, list[int]] = {}
    for i, g in enumerate(group):
        members.setdefault(g, []).append(i)
    by_person = {p.id: p for p in people}
    replaced: dict[int, list[Claim]] = {}
    dropped: list[Claim] = []
    for n, target in found.items():
        fix = corrections[n]
        ids = [i for i in members[group[target]] if i not in replaced]
        if fix.drop:
            review = _review(fix, "dropped", ())
            head = claims[target]
            reports = tuple(r for i in [target] + [i for i in ids if i != target] for r in claims[i].reports)
            dropped.append(replace(head, id=fix.claim, reports=reports, review=review))
            for i in ids:
                replaced[i] = []
            continue
        for i in ids:
            replaced[i] = _corrected(claims[i], fix, by_person)
    out = []
    for i, c in enumerate(claims):
        out.extend(replaced.get(i, (c,)))
    return out, tuple(dropped)


def _groups(stories: Sequence[Story], claims: Sequence[Claim]) -> list[object]:
    """For each claim, a key shared by the claims the timeline merges it with.

    The timeline is assembled once, uncorrected, to learn it: merging keeps each
    extracted claim's report objects, so a report names the claim it came from."""
    from newsgen.timeline import assemble

    by_report = {id(c.reports[0]): i for i, c in enumerate(claims) if c.reports}
    group: list[object] = list(range(len(claims)))
    for g, merged in enumerate(assemble(stories, claims).claims):
        for r in merged.reports:
            i = by_report.get(id(r))
            if i is not None:
                group[i] = ("merged", g)
    return group


def _review(fix: Correction, status: str, changes: tuple[Change, ...], address: str | None = None) -> Review:
    return Review(status=status, by=fix.checked_by, on=fix.checked_on, changes=changes, note=fix.note,  # type: ignore[arg-type]
                  address=address or fix.claim, stance=None if fix.stance in (None, "none") else fix.stance,  # type: ignore[arg-type]
                  reason=fix.drop, source=fix.source, line=fix.line)


def _speaker(p: Person) -> Speaker:
    return Speaker(id=p.id, name=p.name, role=p.role, org=p.org, kind=p.kind, known=True)


def _names(c: Claim) -> str:
    """The speakers as the change shows them: one name found in the text ("Lloyd Austin
    and Kim Yong-hyun", not in people.yaml) reads apart from the two people it names."""
    if not c.speakers:
        return "unattributed"
    names = " and ".join(s.name for s in c.speakers)
    if any(not s.known for s in c.speakers):
        return f"“{names}” (not in people.yaml)"
    return names + (" (a joint statement)" if len(c.speakers) > 1 else "")


def _ids(c: Claim) -> tuple[str, ...]:
    return tuple(s.id for s in c.speakers)


def _day(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _with_speaker(c: Claim, ids: tuple[str, ...], by_person: dict[str, Person]) -> Claim:
    speakers = [_speaker(by_person[i]) for i in ids if i in by_person]
    if not speakers:
        return c
    return replace(c, speaker=speakers[0], joint=tuple(speakers[1:]))


def _with_day(c: Claim, day: dt.date) -> Claim:
    return replace(c, said_on=day, date_basis="editor", date_precision="day", date_range=None, placed_on=day)


def _corrected(c: Claim, fix: Correction, by_person: dict[str, Person]) -> list[Claim]:
    if fix.split:
        return [_part(c, fix, k, part, by_person) for k, part in enumerate(fix.split, 1)]
    changes: list[Change] = []
    if fix.speaker:
        before, was = _names(c), _ids(c)
        c = _with_speaker(c, fix.speaker, by_person)
        if _ids(c) != was:
            changes.append(Change("speaker", before, _names(c)))
    if fix.said_on and fix.said_on != c.said_on:
        changes.append(Change("said_on", _day(c.said_on) or "no day", _day(fix.said_on)))
    if fix.said_on:
        c = _with_day(c, fix.said_on)
    for f in fix.figures:
        q = _figure_of(c, f)
        if q is None:  # this report of the statement words it otherwise: leave it
            continue
        new = replace(q, **{k: getattr(f, k) for k in ("value", "low", "high", "unit", "counts", "measure")
                            if getattr(f, k) is not None})
        for k in ("value", "low", "high", "unit", "counts", "measure"):
            if getattr(new, k) != getattr(q, k):
                changes.append(Change("figure", _show(getattr(q, k)), _show(getattr(new, k)), f"{k} of “{q.text}”"))
        c = _with_quantity(c, q, new)
    if fix.stance:
        # What the machine said is known only after the question stage (newsgen.questions fills it in).
        changes.append(Change("stance", None, fix.stance))
    status = "corrected" if changes else "checked"
    return [replace(c, review=_review(fix, status, tuple(changes)))]


def _show(v: object) -> str | None:
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() else str(v)
    return None if v is None else str(v)


def _with_quantity(c: Claim, old: Quantity, new: Quantity) -> Claim:
    def swap(qs: tuple[Quantity, ...]) -> tuple[Quantity, ...]:
        return tuple(new if q == old else q for q in qs)

    return replace(c, quantities=swap(c.quantities),
                   reports=tuple(replace(r, quantities=swap(r.quantities)) for r in c.reports))


def _part(c: Claim, fix: Correction, k: int, part: SplitPart, by_person: dict[str, Person]) -> Claim:
    """Part k of a split claim: its own words, the figures written in them, its own
    speaker and day when the editor gives them, and an address of its own."""
    words = _words(part.text)
    quantities = tuple(q for q in c.quantities if q.text and _words(q.text) in words)
    changes = [Change("text", c.text, part.text)]
    before, was = _names(c), _ids(c)
    out = replace(c, text=part.text, quantities=quantities,
                  quote=c.quote if c.quote and _words(c.quote) in words else None,
                  reports=tuple(replace(r, quantities=tuple(q for q in r.quantities if q in quantities)) for r in c.reports))
    if part.speaker:
        out = _with_speaker(out, part.speaker, by_person)
        if _ids(out) != was:
            changes.append(Change("speaker", before, _names(out)))
    if part.said_on:
        if part.said_on != c.said_on:
            changes.append(Change("said_on", _day(c.said_on) or "no day", _day(part.said_on)))
        out = _with_day(out, part.said_on)
    return replace(out, review=_review(fix, "split", tuple(changes), f"{fix.claim}-part{k}"))

"""`newsgen review`: what most needs an editor's eye, most doubtful first.

The machine drafts, the editor confirms. This lists the claims (and stories and
speakers) the pipeline is least sure of, each with its sentence, its story and a
stub to paste into content/corrections.yaml (or people.yaml, or the seed's metadata).
A stub is valid as it stands (pasted unchanged it records the claim as checked) and
carries the fields to fill as comments. A claim the editor has checked is not listed.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Sequence

from newsgen import urls
from newsgen.model import Claim, Person, Story, Timeline

# Most doubtful first: a wrong speaker is the worst error a page can carry.
RANKS = {
    "compound speaker": 1,
    "no speaker": 2,
    "speaker not in people.yaml": 3,
    "no day": 4,
    "day from weak evidence": 5,
    "figure with no clear measure": 6,
    "publication date from weak evidence": 7,
    "new speaker": 8,
}
# Publication bases that rest on the page saying so itself (or the editor); the others
# are read from a date the page shows for some other reason (a header, a dateline alone).
FIRM_PUBLISHED = frozenset({"content", "meta", "front matter", "publication line", "dateline and date bar",
                            "dateline and front matter"})
# A name that joins several: "Lloyd Austin and Kim Yong-hyun", "U.S., South Korean officials".
_JOINED = re.compile(r"\s+(?:and|&)\s+|\s*,\s*")


@dataclass(frozen=True)
class Item:
    rank: int
    reasons: tuple[str, ...]
    why: str  # the reasons in words
    target: str  # the file the stub goes in
    stub: str
    story: str
    sentence: str
    claim: str | None = None
    paragraph: int | None = None

    def record(self) -> dict:
        return asdict(self) | {"reasons": list(self.reasons)}


def weak_day(c: Claim) -> bool:
    """A day inferred from another statement ("refers to Austin's statement", "'Meanwhile' →
    same time as…") or only a week or month, rather than one the sentence states."""
    if c.said_on is None:
        return c.date_precision in ("week", "month")
    basis = c.date_basis or ""
    return c.date_basis != "editor" and ("→" in basis or basis.startswith("refers to"))


def compound(name: str) -> bool:
    return len([p for p in _JOINED.split(name) if p.strip()]) > 1


def _person_for(name: str, people: Sequence[Person]) -> Person | None:
    key = name.casefold().strip()
    for p in people:
        if key in (p.name.casefold(), p.id.casefold()) or key in (a.casefold() for a in p.aliases):
            return p
    return None


def _quoted(text: str) -> str:
    # A JSON string is a YAML double-quoted scalar: any sentence pastes safely.
    return json.dumps(" ".join(text.split()), ensure_ascii=False)


def claim_reasons(c: Claim) -> list[str]:
    reasons = []
    if c.speaker is None:
        reasons.append("no speaker")
    else:
        if c.joint:
            # A joint statement read from the parse ("X and Y said"): the editor confirms
            # that each of them spoke.
            reasons.append("compound speaker")
        for s in c.speakers:
            if not s.known:
                reasons.append("compound speaker" if compound(s.name) else "speaker not in people.yaml")
    if c.said_on is None and c.date_range is None:
        reasons.append("no day")
    elif weak_day(c):
        reasons.append("day from weak evidence")
    if any(q.measure is None and q.counts is None for q in c.quantities):
        reasons.append("figure with no clear measure")
    return list(dict.fromkeys(reasons))


def correction_stub(c: Claim, reasons: Sequence[str], people: Sequence[Person], by: str, today: dt.date) -> str:
    lines = [f"  - claim: {c.id}", f"    sentence: {_quoted(c.reports[0].sentence if c.reports else c.text)}"]
    if {"compound speaker", "no speaker", "speaker not in people.yaml"} & set(reasons):
        parts = [p for s in c.speakers for p in _JOINED.split(s.name) if p.strip()]
        found = [_person_for(p, people) for p in parts]
        if c.joint and all(s.known for s in c.speakers):
            found = [_person_for(s.id, people) for s in c.speakers]
            parts = [s.name for s in c.speakers]
        if parts and all(found):
            ids = list(dict.fromkeys(p.id for p in found if p))
            lines.append(f"    speaker: [{', '.join(ids)}]" if len(ids) > 1 else f"    speaker: {ids[0]}")
        else:
            lines.append("    # speaker: <people.yaml id>      # or [id, id] for a joint statement")
    if {"no day", "day from weak evidence"} & set(reasons):
        note = f"  # now {c.said_on.isoformat()}: {c.date_basis}" if c.said_on else ""
        lines.append(f"    # said_on: YYYY-MM-DD{note}")
    for q in c.quantities:
        if q.measure is None and q.counts is None:
            lines.append(f"    # figure: {{text: {_quoted(q.text)}, value: {_plain(q.value)}, counts: <what it counts>}}")
    lines.append("    # drop: not a claim              # or: background")
    lines += [f"    checked_by: {_quoted(by)}", f"    checked_on: {today.isoformat()}"]
    return "\n".join(lines)


def _plain(v: float | None) -> str:
    if v is None:
        return "null"
    return str(int(v)) if float(v).is_integer() else str(v)


def people_stub(name: str, role: str | None, kind: str) -> str:
    lines = [f"  - id: {urls.slug(name)}", f"    name: {_quoted(name)}", f"    kind: {kind}"]
    lines.append(f"    role: {_quoted(role)}" if role else "    # role: …")
    return "\n".join(lines)


def published_stub(s: Story) -> str:
    now = f"  # now {s.published.isoformat()} from the {s.published_basis}" if s.published else ""
    return f"published: {s.published.isoformat() if s.published else 'YYYY-MM-DD'}{now}"


def items(timeline: Timeline, people: Sequence[Person], content: str = "content", by: str = "the editor",
          today: dt.date | None = None) -> list[Item]:
    """What needs an editor in this timeline, most doubtful first."""
    today = today or dt.date.today()
    out: list[Item] = []
    for c in timeline.claims:
        if c.review is not None:
            continue
        reasons = claim_reasons(c)
        if not reasons:
            continue
        first = c.reports[0] if c.reports else None
        out.append(Item(rank=min(RANKS[r] for r in reasons), reasons=tuple(reasons), why=_why(c, reasons),
                        target=f"{content}/corrections.yaml", stub=correction_stub(c, reasons, people, by, today),
                        story=first.story if first else "", sentence=first.sentence if first else c.text,
                        claim=c.id, paragraph=first.paragraph if first else None))
    seen: set[str] = set()
    for c in timeline.claims:
        for s in c.speakers:
            if s.known or compound(s.name) or s.id in seen:
                continue
            seen.add(s.id)
            first = c.reports[0] if c.reports else None
            out.append(Item(rank=RANKS["new speaker"], reasons=("new speaker",),
                            why=f"“{s.name}” speaks here but is not in people.yaml: add them, or correct the claims",
                            target=f"{content}/people.yaml", stub=people_stub(s.name, s.role, s.kind),
                            story=first.story if first else "", sentence=first.sentence if first else c.text,
                            claim=c.id, paragraph=first.paragraph if first else None))
    for s in timeline.stories:
        if s.published and s.published_basis in FIRM_PUBLISHED:
            continue
        how = f"from the {s.published_basis}" if s.published else "not known"
        out.append(Item(rank=RANKS["publication date from weak evidence"], reasons=("publication date from weak evidence",),
                        why=f"publication date {how}: every undated claim of the story is placed by it",
                        target=f"{content}/seeds/{s.id}.yaml", stub=published_stub(s), story=s.id,
                        sentence=s.title or (s.paragraphs[0] if s.paragraphs else "")))
    order = {s.id: i for i, s in enumerate(timeline.stories)}
    out.sort(key=lambda it: (it.rank, -len(it.reasons), order.get(it.story, len(order)), it.paragraph or 0, it.claim or ""))
    return out


def _why(c: Claim, reasons: Sequence[str]) -> str:
    words = []
    for r in reasons:
        if r in ("compound speaker", "speaker not in people.yaml"):
            names = ", ".join(f"“{s.name}”" for s in c.speakers if not s.known)
            words.append(f"{r}: {names}")
        elif r == "day from weak evidence":
            words.append(f"{r}: {c.date_basis}")
        elif r == "figure with no clear measure":
            words.append(f"{r}: " + ", ".join(f"“{q.text}”" for q in c.quantities if q.measure is None and q.counts is None))
        else:
            words.append(r)
    return "; ".join(words)


def gather(seeds_dir: Path, content_dir: Path) -> tuple[Timeline, tuple[Person, ...]]:
    """The timeline exactly as `build` would make it (corrections applied), without writing."""
    from newsgen.build import collect, make_timeline

    config, results, _ = collect(Path(seeds_dir), Path(content_dir))
    return make_timeline(config, results), config.people


def as_text(found: Sequence[Item]) -> str:
    if not found:
        return "nothing to review: every claim is attributed, dated and checked\n"
    out = []
    for n, it in enumerate(found, 1):
        where = f"{it.story}, paragraph {it.paragraph + 1}" if it.paragraph is not None else it.story
        out.append(f"{n}. {it.why}\n   story: {where}\n   sentence: {' '.join(it.sentence.split())}\n"
                   + (f"   claim: {it.claim}\n" if it.claim else "")
                   + f"   paste into {it.target}:\n" + "\n".join("   " + line for line in it.stub.splitlines()) + "\n")
    return "\n".join(out) + f"\n{len(found)} item(s) to review\n"


def as_json(found: Sequence[Item]) -> str:
    return json.dumps({"items": [it.record() for it in found]}, ensure_ascii=False, indent=1) + "\n"

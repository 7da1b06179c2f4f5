"""Assembles per-story claims into one timeline.

The same statement carried by several outlets becomes one claim with several
reports. Two claims are the same statement only when everything that can be
compared agrees: same named speaker, same statement day (or both undated),
no conflicting figures, and enough shared wording. A wrong merge would put words
in the wrong outlet's mouth, so the thresholds lean towards keeping claims apart.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import replace
from functools import lru_cache
from typing import Iterable, Sequence

from newsgen import urls
from newsgen.model import Claim, Quantity, Series, SeriesDef, SeriesPoint, Speaker, Story, Timeline

# Words that say nothing about which statement it is.
_STOP = frozenset(
    """a an the and or but if of to in on at by for with from as is are was were be been being it its
    this that these those he she they we i you his her their our my your him them us me not no so than
    then there here also would could should will can may might must has have had do does did said says
    say stated told added noted about into over after before while which who whom what when where why how
    all any some more most very just such only other both each even because mr ms mrs""".split()
    # How it was said and who said it: attribution, not content.
    + """say said says stated told added noted explained remarked emphasized emphasised described
    suggested indicated claimed confirmed warned further also commented according quoted reported
    president minister secretary spokesman spokeswoman spokesperson adviser advisor general official
    officials press briefing""".split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")

# Share of the shorter claim's distinctive words that the other must also contain.
MERGE_OVERLAP = 0.34
MERGE_MIN_SHARED = 4
UNDATED_OVERLAP = 0.6
# A dated report may join an undated one published up to this many days later.
MERGE_MAX_LAG_DAYS = 7
# Consecutive quoted words two reports must share to be the same quotation.
QUOTE_RUN_WORDS = 6
# A word in more than this share of all claims is the story's vocabulary.
COMMON_SHARE = 0.15
COMMON_MIN_CLAIMS = 12


@lru_cache(maxsize=1 << 16)  # merging asks for the same claim's words once per candidate pair
def content_words(text: str) -> frozenset[str]:
    words = (w.lower().replace("’", "'").strip("'-") for w in _WORD.findall(text))
    return frozenset(_stem(w) for w in words if len(w) > 2 and w not in _STOP)


def _stem(word: str) -> str:
    # Crude, but enough to equate "desperation"/"desperate" is not the goal: plural and tense only.
    for suffix in ("'s", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _figures(quantities: Iterable[Quantity]) -> set[float]:
    return {v for q in quantities for v in (q.value, q.low, q.high) if v is not None}


def same_statement(a: Claim, b: Claim, common: frozenset[str] = frozenset()) -> bool:
    """Whether two claims report one statement; `common` words prove nothing."""
    if a.speaker is None or b.speaker is None or a.speaker.id != b.speaker.id:
        return False
    if {r.story for r in a.reports} & {r.story for r in b.reports}:
        return False  # two claims of one story are two statements
    fa, fb = _figures(a.quantities), _figures(b.quantities)
    if fa and fb and not fa & fb:
        return False
    ignore = common | content_words(a.speaker.name)
    wa, wb = content_words(a.text) - ignore, content_words(b.text) - ignore
    shared = wa & wb
    overlap = len(shared) / (min(len(wa), len(wb)) or 1) if len(shared) >= MERGE_MIN_SHARED else 0.0
    if a.said_on and b.said_on:
        return a.said_on == b.said_on and overlap >= MERGE_OVERLAP
    # One or both undated: only the same quotation or near-identical wording is
    # evidence enough, and a known day must fit the undated report's publication.
    known = a.said_on or b.said_on
    undated = b if a.said_on else a
    if known and undated.placed_on and not (0 <= (undated.placed_on - known).days <= MERGE_MAX_LAG_DAYS):
        return False
    return same_quotation(a, b) or overlap >= UNDATED_OVERLAP


def same_quotation(a: Claim, b: Claim) -> bool:
    """Both carry the same run of quoted words (quotes are copied, paraphrase is not)."""
    return bool(_ngrams(a.quote) & _ngrams(b.quote))


def _ngrams(text: str | None, n: int = QUOTE_RUN_WORDS) -> set[tuple[str, ...]]:
    words = [w.lower().replace("’", "'") for w in _WORD.findall(text or "")]
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def common_words(claims: Sequence[Claim]) -> frozenset[str]:
    """Words in so many claims that they name the story, not a statement."""
    if len(claims) < COMMON_MIN_CLAIMS:
        return frozenset()
    df: dict[str, int] = {}
    for c in claims:
        for w in content_words(c.text):
            df[w] = df.get(w, 0) + 1
    return frozenset(w for w, n in df.items() if n / len(claims) > COMMON_SHARE)


def merge_claims(claims: Sequence[Claim]) -> list[Claim]:
    """Group the same statement across stories; keeps the first-seen claim's wording.

    Each claim joins the earliest merged claim it is the same statement as, exactly
    as comparing it with every merged claim in turn would, but only the merged
    claims that could pass `same_statement` are compared (see _Candidates), so a
    corpus where everyone quotes the same few officials stays near linear.
    """
    common = common_words(claims)
    merged: list[Claim] = []
    index = _Candidates()
    for claim in claims:
        for i in index.for_claim(claim):
            if same_statement(merged[i], claim, common):
                index.remove(i, merged[i])
                merged[i] = _combine(merged[i], claim)
                index.add(i, merged[i])
                break
        else:
            merged.append(claim)
            index.add(len(merged) - 1, claim)
    return merged


class _Candidates:
    """Merged claims by speaker, then by day, for the pairs same_statement can accept.

    The blocks follow the predicate's own necessary conditions: one speaker id;
    two dated claims only on the same said_on; a dated and an undated claim only
    when the undated one's placed_on is unknown or 0 to MERGE_MAX_LAG_DAYS days
    after the stated day. Two undated claims can always be compared.
    """

    def __init__(self) -> None:
        self.dated: dict[str, dict[dt.date, list[int]]] = {}
        self.undated: dict[str, dict[dt.date | None, list[int]]] = {}

    def _bucket(self, i: int, c: Claim) -> list[int] | None:
        if c.speaker is None:
            return None  # an unattributed claim is never the same statement as another
        if c.said_on:
            return self.dated.setdefault(c.speaker.id, {}).setdefault(c.said_on, [])
        return self.undated.setdefault(c.speaker.id, {}).setdefault(c.placed_on, [])

    def add(self, i: int, c: Claim) -> None:
        bucket = self._bucket(i, c)
        if bucket is not None:
            bucket.append(i)

    def remove(self, i: int, c: Claim) -> None:
        bucket = self._bucket(i, c)
        if bucket is not None:
            bucket.remove(i)

    def for_claim(self, c: Claim) -> list[int]:
        """Indices of merged claims to compare, in merge order (first match wins)."""
        if c.speaker is None:
            return []
        dated = self.dated.get(c.speaker.id, {})
        undated = self.undated.get(c.speaker.id, {})
        lag = [dt.timedelta(days=d) for d in range(MERGE_MAX_LAG_DAYS + 1)]
        found: list[int] = []
        if c.said_on:
            found += dated.get(c.said_on, ())
            found += undated.get(None, ())
            for d in lag:
                found += undated.get(c.said_on + d, ())
        else:
            for days, bucket in undated.items():
                found += bucket
            if c.placed_on is None:
                for bucket in dated.values():
                    found += bucket
            else:
                for d in lag:
                    found += dated.get(c.placed_on - d, ())
        return sorted(found)


def _combine(a: Claim, b: Claim) -> Claim:
    # The date comes from whichever report states it, with that report's basis.
    dated = a if a.said_on or not b.said_on else b
    return replace(
        a,
        said_on=dated.said_on,
        date_basis=dated.date_basis or a.date_basis or b.date_basis,
        date_precision=dated.date_precision,
        date_range=dated.date_range or a.date_range or b.date_range,
        quote=a.quote or b.quote,
        topics=tuple(sorted(set(a.topics) | set(b.topics))),
        hedges=tuple(sorted(set(a.hedges) | set(b.hedges))),
        hedged=a.hedged or b.hedged,
        quantities=a.quantities + tuple(q for q in b.quantities if q not in a.quantities),
        reports=a.reports + b.reports,
        placed_on=min(d for d in (a.placed_on, b.placed_on) if d) if (a.placed_on or b.placed_on) else None,
    )


def claim_id(claim: Claim) -> str:
    """Stable across rebuilds: depends on the first report and the speaker only."""
    first = claim.reports[0] if claim.reports else None
    key = "\x1f".join([first.story if first else "", first.sentence if first else claim.text])
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:8]
    who = urls.slug(claim.speaker.name)[:24].strip("-") if claim.speaker else "unattributed"
    return f"{who}-{digest}"


def _order_key(claim: Claim, outlets: dict[str, str]) -> tuple:
    first = claim.reports[0] if claim.reports else None
    day = claim.placed_on or dt.date.max
    source = outlets.get(first.story, "") if first else ""
    return (claim.placed_on is None, day, source.casefold(), first.story if first else "", first.paragraph if first else 0, claim.text)


def build_series(claims: Sequence[Claim], defs: Sequence[SeriesDef]) -> tuple[Series, ...]:
    out = []
    for d in defs:
        units = tuple(u.lower() for u in d.units)
        points = []
        for c in claims:
            text = " ".join([c.text] + [r.sentence for r in c.reports]).lower()
            if d.context and not any(all(w.lower() in text for w in ctx.split()) for ctx in d.context):
                continue
            if any(w.lower() in text for w in d.exclude):
                continue
            for q in c.quantities:
                unit = (q.unit or "").lower()
                if not any(u in unit for u in units):
                    continue
                points.append(
                    SeriesPoint(
                        date=c.said_on,
                        quantity=q,
                        claim=c.id,
                        story=c.reports[0].story if c.reports else "",
                        speaker=c.speaker,
                        dated_by="said_on" if c.said_on else "none",
                    )
                )
        points.sort(key=lambda p: (p.date is None, p.date or dt.date.max, p.story, p.quantity.text))
        out.append(Series(id=d.id, label=d.label, points=tuple(points), description=d.description))
    return tuple(out)


def assemble(stories: Sequence[Story], claims: Sequence[Claim], series: Sequence[SeriesDef] = ()) -> Timeline:
    """Merge, re-id and order the claims of all stories; build speakers and series."""
    stories = sorted(stories, key=lambda s: (s.published is None, s.published or dt.date.max, s.id))
    published = {s.id: s.published for s in stories}
    outlets = {s.id: s.outlet or "" for s in stories}
    # Merge in story order so the earliest outlet's wording leads.
    ordered_input = sorted(claims, key=lambda c: (published.get(c.reports[0].story) or dt.date.max, c.reports[0].story, c.reports[0].paragraph) if c.reports else (dt.date.max, "", 0))
    merged = merge_claims(ordered_input)
    fixed = []
    for c in merged:
        placed = c.said_on or c.placed_on or min((published[r.story] for r in c.reports if published.get(r.story)), default=None)
        fixed.append(replace(c, placed_on=placed))
    fixed = _unique_ids([replace(c, id=claim_id(c)) for c in fixed])
    fixed.sort(key=lambda c: _order_key(c, outlets))
    speakers: dict[str, Speaker] = {}
    for c in fixed:
        if c.speaker and c.speaker.id not in speakers:
            speakers[c.speaker.id] = c.speaker
    return Timeline(
        stories=tuple(stories),
        claims=tuple(fixed),
        speakers=tuple(sorted(speakers.values(), key=lambda s: s.name.casefold())),
        series=build_series(fixed, series),
    )


def _unique_ids(claims: list[Claim]) -> list[Claim]:
    seen: dict[str, int] = {}
    out = []
    for c in claims:
        n = seen.get(c.id, 0)
        seen[c.id] = n + 1
        out.append(c if n == 0 else replace(c, id=f"{c.id}-{n + 1}"))
    return out

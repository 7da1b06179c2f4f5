"""What each figure value counts: the measure of content/site.yaml, and where.

The extractor reads the counted thing from the parse (`Quantity.counts`: "troops",
"killed") and its place (`Quantity.scope`). This module maps them onto the editor's
measures. When the parse does not say, the quantity's own words decide, with the few
words that follow the number in its sentence ("1,000 killed or wounded",
"300 soldiers have been killed"): a state word there (killed, captured) counts over a
noun of who is counted (soldiers). When the words name two measures that are not one
sum, the measure is left unknown: a value shown under the wrong measure misleads.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Iterable, Sequence

from newsgen.model import Claim, Measure, Quantity, SeriesDef

# Words after the number that still belong to it: "... soldiers have been killed or wounded".
AFTER_WORDS = 6
# A bare number below this with no qualifier is more likely a day or a count of
# something else ("on 14 and 15 December") than a figure of the sentence's measure.
UNITLESS_FLOOR = 100
# Where the words after a number stop belonging to it: a new clause or sentence.
_STOP = re.compile(r"[.;:!?()—–]|,\s|\b(?:while|whereas|because|although|but|after|before|when|which|who)\b", re.I)
_PARTITIVE = re.compile(r"\bof\s+(?:the|them|those|these)\b", re.I)
_RATE = re.compile(r"\b(?:per|a|an|each|every)\s+(?:day|week|month|year)\b|\b(?:daily|weekly|monthly|a-day)\b", re.I)


@lru_cache(maxsize=1 << 12)
def _phrase(words: str) -> re.Pattern[str]:
    return re.compile(r"\b" + r"\s+".join(re.escape(w) for w in words.split()) + r"\b", re.I)


def _named(text: str, measures: Iterable[Measure]) -> list[Measure]:
    return [m for m in measures if any(_phrase(w).search(text) for w in m.counts)]


def after(q: Quantity, sentence: str, others: Sequence[Quantity] = ()) -> str:
    """The words that follow the quantity in its sentence, up to the next clause or
    the next quantity (whose words are its own)."""
    if not q.text:
        return ""
    at = sentence.lower().find(q.text.lower())
    if at < 0:
        return ""
    rest = sentence[at + len(q.text):]
    for o in others:
        if o is q or not o.text or o.text.lower() in q.text.lower():
            continue
        i = rest.lower().find(o.text.lower())
        if i >= 0:
            rest = rest[:i]
    stop = _STOP.search(rest)
    if stop:
        rest = rest[: stop.start()]
    return " ".join(rest.split()[:AFTER_WORDS])


def _resolve(found: list[Measure], by_id: dict[str, Measure]) -> Measure | None:
    """One measure for the measures named together: the single one, or the sum that
    holds all of them (casualties for "killed or wounded"); else None."""
    ids = list(dict.fromkeys(m.id for m in found))
    if len(ids) == 1:
        return by_id[ids[0]]
    for m in found:
        if m.sum and set(ids) <= set(m.sum) | {m.id}:
            return m
    # Every part of a sum named, and nothing else: "killed and wounded" counts both.
    for m in by_id.values():
        if m.sum and set(ids) == set(m.sum):
            return m
    return None


def measure_of(q: Quantity, measures: Sequence[Measure], sentence: str = "",
               others: Sequence[Quantity] = ()) -> str | None:
    """The id of the measure quantity q counts, or None when its words do not settle it.

    `sentence` is the sentence q stands in and `others` its other quantities."""
    by_id = {m.id: m for m in measures}
    own = " ".join(filter(None, [q.unit, q.text]))
    follows = after(q, sentence, others)
    rate = bool(_RATE.search(own) or _RATE.search(follows))
    fitting = [m for m in measures if m.rate == rate]
    if q.counts:
        found = _named(q.counts, fitting)
        states = [m for m in found if not m.people]
        hit = _resolve(states or found, by_id) if found else None
        if hit is not None:
            return hit.id
    if _PARTITIVE.search(q.text):
        # "2,000 of the wounded had been sent home": a part of a group, counted by
        # what happened to it, which the words after the number say or nothing does.
        own = ""
    states = [m for m in _named(own + " " + follows, fitting) if not m.people]
    if states:
        hit = _resolve(states, by_id)
        return hit.id if hit else None
    if not q.unit and (q.qualifier or (q.value or 0) >= UNITLESS_FLOOR) and sentence:
        # A bare amount ("dozens, several dozens", "putting the total at 3,000") counts
        # what its sentence counts, when the sentence names one measure (or one sum).
        named = [m for m in _named(sentence, fitting) if not m.people]
        hit = _resolve(named, by_id) if named else None
        if hit is not None:
            return hit.id
    nouns = [m for m in _named(own, fitting) if m.people]
    hit = _resolve(nouns, by_id) if nouns else None
    return hit.id if hit else None


def scope_of(q: Quantity, sentence: str, defs: Sequence[SeriesDef]) -> str | None:
    """Where the quantity counts: the parse's place, else a place some series names
    standing beside the number ("moved into Russia's Kursk region"), narrower places
    (those of series with a scope) first; None when no place is said."""
    if q.scope:
        return q.scope
    near = " ".join(filter(None, [_before(q, sentence), q.text, after(q, sentence)]))
    ordered = [d for d in defs if d.scope] + [d for d in defs if not d.scope]
    for d in ordered:
        for p in d.places or ((d.scope,) if d.scope else ()):
            if _phrase(p).search(near):
                return d.scope or p
    return None


def in_scope(place: str | None, d: SeriesDef) -> bool:
    """Whether a value counted in `place` belongs to series d: a place holding one of
    d's places, or no place said when d has no narrower scope than the whole story."""
    if place is None:
        return d.scope is None
    # The parse names the place as the text does ("Kursk region", "eastern Russia"):
    # it is the series' place when it holds one of the series' place names as words.
    return any(_phrase(p).search(place) for p in d.places or ((d.scope,) if d.scope else ()))


def _before(q: Quantity, sentence: str, words: int = 3) -> str:
    at = sentence.lower().find(q.text.lower()) if q.text else -1
    return " ".join(sentence[:at].split()[-words:]) if at > 0 else ""


def _sentence(c: Claim, q: Quantity) -> str:
    for text in [c.text] + [r.sentence for r in c.reports]:
        if q.text and q.text.lower() in text.lower():
            return text
    return c.text


def with_measures(claims: Iterable[Claim], measures: Sequence[Measure], defs: Sequence[SeriesDef] = ()) -> list[Claim]:
    """The claims with each quantity's measure set and its scope settled (see scope_of)."""
    out = []
    for c in claims:
        if not c.quantities or not measures:
            out.append(c)
            continue
        qs = []
        for q in c.quantities:
            s = _sentence(c, q)
            qs.append(replace(q, measure=measure_of(q, measures, s, c.quantities), scope=scope_of(q, s, defs)))
        out.append(replace(c, quantities=tuple(qs)))
    return out

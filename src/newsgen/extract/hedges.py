"""Words that qualify how sure a statement is: "if true", "reportedly", "cannot confirm".

``find_hedges(text)`` returns the canonical (lower-case) form of every hedge found,
in order of first appearance, each once. A claim is hedged iff the result is
non-empty. The canonical forms are:

=====================  ==========================================================
canonical              matches
=====================  ==========================================================
if true                if true, if it's true, if that is true, if accurate
if indeed              if indeed …, if X has/is/did indeed …
if verified            if verified, if confirmed, if substantiated
cannot confirm         cannot / can't / can not / unable to / not able to confirm
could not confirm      could not / couldn't confirm
not confirmed          has/have/had/did/does not (yet) (officially) confirm(ed),
                       yet to confirm, declined to confirm
cannot verify          cannot / could not / not be (independently) verified …
unconfirmed            unconfirmed, unverified
according to reports   according to (media / unconfirmed …) reports
reports                reports, report (noun or verb), reported
reportedly             reportedly
allegedly              allegedly, purportedly
alleged                alleged, purported
potentially            potentially
potential              potential
possibly               possibly, perhaps, maybe
possible               possible, possibility, possibilities
unlikely               unlikely
likely                 likely, probably
assess                 assess, assesses, assessed, assessing, assessment
believe                believe, believes, believed
think                  I / we think
estimate               estimate, estimates, estimated
may, might, could      the modal verbs (not "could" inside "could not confirm",
                       not the month "May")
appears                appear, appears, appeared, apparently, seem(s), seemed
suggests               suggest, suggests, suggested, suggesting
rumors                 rumor(s), rumour(s), rumored, rumoured
said to                said to be, thought to be
unclear                unclear, not clear
investigating          investigate, investigating, looking into
=====================  ==========================================================

Deliberately *not* hedges: "claimed"/"claims" (wire copy uses them for neutral
attribution), "would" (a conditional needs its "if", which is caught), "indicate".
A phrase match owns its words, so "could not confirm" does not also yield "could".
"""
from __future__ import annotations

import functools
import re

from newsgen.extract.cues import patterns

__all__ = ["find_hedges"]

# The patterns, in cues.yaml with the other cue words: (pattern, canonical), earlier
# patterns winning over later ones on overlapping words.
_PATTERNS: list[tuple[str, str]] = patterns("hedge_patterns")
_COMPILED = [(re.compile(p, re.IGNORECASE), c) for p, c in _PATTERNS]
_MONTH_CONTEXT = re.compile(
    r"(?:\b(?:in|on|of|since|until|till|by|from|early|mid|late|last|next|this|through)\s+$)", re.IGNORECASE
)


def _is_month_may(text: str, start: int, end: int) -> bool:
    """ "May" the month (or a name) rather than the modal verb."""
    word = text[start:end]
    if word != "May":
        return False  # the modal is lower case except at the start of a sentence
    before = text[:start].rstrip()
    sentence_start = not before or before[-1] in ".!?\"“:"
    after = text[end:].lstrip()
    if after[:1].isdigit() or _MONTH_CONTEXT.search(text[:start]):
        return True
    return not sentence_start


@functools.lru_cache(maxsize=4096)
def find_hedges(text: str) -> tuple[str, ...]:
    """The hedges in `text` as canonical lower-case forms (see module docstring)."""
    # Cached: thirty-odd patterns per sentence, and wire copy repeats sentences.
    taken = [False] * (len(text) + 1)
    hits: list[tuple[int, str]] = []
    for rx, canonical in _COMPILED:
        for m in rx.finditer(text):
            if any(taken[m.start() : m.end()]):
                continue
            if canonical == "may" and _is_month_may(text, m.start(), m.end()):
                continue
            for k in range(m.start(), m.end()):
                taken[k] = True
            hits.append((m.start(), canonical))
    seen: list[str] = []
    for _, canonical in sorted(hits):
        if canonical not in seen:
            seen.append(canonical)
    return tuple(seen)

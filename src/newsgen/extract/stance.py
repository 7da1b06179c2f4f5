"""Whether a statement affirms, denies or declines to answer, and the words that decide.

``find_stance(text)`` returns ``(stance, words)``:

- ``denies``: the speaker rejects the report ("groundless", "fake news", "denied",
  "no evidence", "not true", "baseless", "dismissed … as");
- ``declines``: the speaker will not answer ("cannot confirm", "nothing to add",
  "will not comment", "declined to comment", "has not confirmed");
- ``affirms`` otherwise (words empty): the statement says what it says. Whether it is
  said outright or qualified stays in ``Claim.hedged``; the two are kept apart, so a
  hedged affirmation ("if true, it would …") is still an affirmation.

A denial outranks a refusal to confirm, which outranks affirmation: "we cannot confirm
these groundless reports" denies. The words are patterns in cues.yaml, not one article's
wording; each is matched on word boundaries, case-insensitively.
"""
from __future__ import annotations

import re

from newsgen.extract.cues import patterns
from newsgen.model import Stance

__all__ = ["find_stance", "DENY", "DECLINE"]

# (pattern, what it catches), in cues.yaml; the reader is shown the words as written.
DENY: list[tuple[str, str]] = patterns("denial_patterns")
DECLINE: list[tuple[str, str]] = patterns("refusal_patterns")

_DENY = [(re.compile(p, re.IGNORECASE), w) for p, w in DENY]
# A denial told as background ("which had previously denied it", "despite denying")
# is someone else's earlier position, not this statement's.
_BACKGROUND = re.compile(r"\b(?:previously|earlier|initially|long|had|after|despite|once|until)\s+(?:\S+\s+)?$", re.IGNORECASE)
_DECLINE = [(re.compile(p, re.IGNORECASE), w) for p, w in DECLINE]


_VERB = re.compile(r"deni|deny|refut|reject|dismiss", re.IGNORECASE)


def _found(text: str, lexicon: list[tuple[re.Pattern[str], str]], denial: bool = False) -> tuple[str, ...]:
    hits: list[tuple[int, str]] = []
    for rx, word in lexicon:
        for m in rx.finditer(text):
            if denial and _VERB.match(m.group(0)) and _BACKGROUND.search(text[: m.start()]):
                continue
            if denial and m.start() > 0 and m.group(0)[0].isupper() and text[: m.start()].rstrip()[-1:] not in '.!?"“:':
                continue  # a capital mid-sentence is a name ("Centre for Countering Disinformation")
            # The words as written, so a reader sees what decided it.
            hits.append((m.start(), " ".join(m.group(0).lower().replace("’", "'").split())))
            break
    out: list[str] = []
    for _, w in sorted(hits):
        if w not in out:
            out.append(w)
    return tuple(out)


def find_stance(text: str) -> tuple[Stance, tuple[str, ...]]:
    """The stance of `text` and the lexicon words that decided it (none for affirms)."""
    # "neither confirm nor deny" is a refusal, not a denial: look for it first.
    declined = _found(text, _DECLINE)
    if any(w.startswith("neither confirm") for w in declined):
        return "declines", declined
    denied = _found(text, _DENY, denial=True)
    if denied:
        return "denies", denied
    if declined:
        return "declines", declined
    return "affirms", ()

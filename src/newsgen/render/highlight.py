"""Marking up article text without ever trusting it.

Text from articles is escaped piece by piece; only the tags added here
(<strong class="num">, <mark class="claim-mark">) are real HTML. The result is a
Markup the templates can print as is.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from markupsafe import Markup, escape

from newsgen.model import Claim, Quantity, Story

# Straight and typographic quotes are the same character to a reader; a sentence
# the extractor normalised must still be found in the paragraph it came from.
_QUOTES = {
    "'": "['‘’`´]", "‘": "['‘’`´]", "’": "['‘’`´]",
    '"': "[\"“”„]", "“": "[\"“”„]", "”": "[\"“”„]",
}


def highlight_numbers(text: str, quantities: Iterable[Quantity]) -> Markup:
    """The claim text with each quantity's own words wrapped in <strong class="num">."""
    spans: list[tuple[int, int]] = []
    for q in sorted({q.text for q in quantities if q.text and q.text.strip()}, key=lambda t: (-len(t), t)):
        start = 0
        while (i := text.find(q, start)) >= 0:
            end = i + len(q)
            if not any(i < e and s < end for s, e in spans):
                spans.append((i, end))
            start = end
    out: list[str] = []
    pos = 0
    for s, e in sorted(spans):
        out.append(escape(text[pos:s]))
        out.append(Markup('<strong class="num">') + escape(text[s:e]) + Markup("</strong>"))
        pos = e
    out.append(escape(text[pos:]))
    return Markup("").join(out)


def _pattern(sentence: str) -> re.Pattern[str] | None:
    tokens = sentence.split()
    if not tokens:
        return None
    parts = ["".join(_QUOTES.get(ch, re.escape(ch)) for ch in tok) for tok in tokens]
    return re.compile(r"\s+".join(parts))


def locate(paragraphs: Sequence[str], sentence: str, hint: int) -> tuple[int, int, int] | None:
    """(paragraph, start, end) of the sentence: the hinted paragraph first, then the
    others; in each, the exact text, then the same words ignoring spacing and quote style."""
    if not sentence.split():
        return None
    # Nearly every sentence is found as written in its hinted paragraph: the pattern
    # (a regex compiled per sentence) is only built when a plain search misses.
    pat: re.Pattern[str] | None = None
    order = ([hint] if 0 <= hint < len(paragraphs) else []) + [i for i in range(len(paragraphs)) if i != hint]
    for i in order:
        j = paragraphs[i].find(sentence)
        if j >= 0:
            return i, j, j + len(sentence)
        if pat is None:
            pat = _pattern(sentence)
        m = pat.search(paragraphs[i])  # type: ignore[union-attr]
        if m:
            return i, m.start(), m.end()
    return None


@dataclass(frozen=True)
class Mark:
    claim: Claim
    anchor: str  # the <mark>'s id
    href: str  # link to the claim's page, relative to the story page
    label: str  # accessible description of the link


@dataclass
class _Span:
    start: int
    end: int
    mark: Mark


def _render(text: str, spans: list[_Span], lo: int, hi: int) -> list[str]:
    out: list[str] = []
    pos, i = lo, 0
    while i < len(spans):
        s = spans[i]
        j = i + 1
        while j < len(spans) and spans[j].start < s.end:
            j += 1
        out.append(escape(text[pos:s.start]))
        out.append(Markup('<mark class="claim-mark" id="{}">').format(s.mark.anchor))
        out.extend(_render(text, spans[i + 1:j], s.start, s.end))
        out.append(Markup(' <a class="claim-ref" href="{}" title="{}">claim</a></mark>').format(s.mark.href, s.mark.label))
        pos, i = s.end, j
    out.append(escape(text[pos:hi]))
    return out


def _nest(spans: list[_Span]) -> list[_Span]:
    """Clip spans so they nest: a sentence overlapping an earlier one ends where that one ends."""
    spans.sort(key=lambda s: (s.start, -s.end, s.mark.anchor))
    stack: list[_Span] = []
    for s in spans:
        while stack and stack[-1].end <= s.start:
            stack.pop()
        if stack and s.end > stack[-1].end:
            s.end = stack[-1].end
        stack.append(s)
    return spans


def mark_story(story: Story, marks: Sequence[tuple[Mark, str, int]]) -> tuple[list[Markup], list[Mark]]:
    """The story's paragraphs with each (mark, sentence, paragraph hint) highlighted in place.

    Returns the paragraphs as Markup, and the marks whose sentence could not be found
    (the page lists those separately so every anchor still exists).
    """
    per_par: dict[int, list[_Span]] = {}
    missing: list[Mark] = []
    for mark, sentence, hint in marks:
        where = locate(story.paragraphs, sentence, hint)
        if where is None:
            missing.append(mark)
            continue
        i, s, e = where
        per_par.setdefault(i, []).append(_Span(s, e, mark))
    out = []
    for i, text in enumerate(story.paragraphs):
        spans = _nest(per_par.get(i, []))
        out.append(Markup("").join(_render(text, spans, 0, len(text))))
    return out, missing

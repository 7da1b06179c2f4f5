"""Whitespace and sentence-shape helpers shared by the readers.

Readers must never change an article's wording (claims quote it verbatim), so the
only rewriting done here is of whitespace.
"""
from __future__ import annotations

import re
import unicodedata

# Non-breaking, thin, ideographic and other Unicode spaces (scraped pages are full of them).
_SPACES = re.compile(r"[\s\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
# Zero-width characters carry no text; BOMs turn up mid-file when pages are concatenated.
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")

CLOSERS = "\"'”’»)]"
_TRAILING_PAREN = re.compile(r"\s*\([^()]{1,40}\)$")
# Footnote references closing a sentence ("… in late October.[1][2]"), as think
# tanks and encyclopedias cite their sources.
_TRAILING_NOTES = re.compile(r"(?<=\S)(?:\[\d{1,3}\])+$")


def squash(text: str) -> str:
    """Collapse every run of whitespace to one space and trim the ends."""
    return _SPACES.sub(" ", _INVISIBLE.sub("", text)).strip()


def paragraphs_of(text: str) -> tuple[str, ...]:
    """Split text on newlines into squashed, non-empty paragraphs."""
    return tuple(p for p in (squash(line) for line in text.splitlines()) if p)


_WIDE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def words(text: str) -> list[str]:
    return text.split()


def word_count(text: str) -> int:
    """Words, counting Chinese / Japanese / Korean characters as half a word each,
    since those scripts write long stretches without spaces."""
    if text.isascii():
        return len(text.split())  # no wide characters to count
    return max(len(text.split()), len(_WIDE.findall(text)) // 2)


def strip_closers(text: str) -> str:
    return text.rstrip(CLOSERS + " ")


def ends_sentence(text: str, colon: bool = False) -> bool:
    """Does the line end the way prose ends (. ! ? …), allowing closing quotes and
    a short trailing parenthesis such as a wire credit "(Yonhap)"?"""
    t = text.rstrip()
    # The pattern ends at a closing parenthesis: without one, no need to scan the line.
    bare = _TRAILING_PAREN.sub("", t) if t.endswith(")") else t
    if bare != t and bare:
        t = bare
    if t.endswith("]"):
        t = _TRAILING_NOTES.sub("", t)
    t = strip_closers(t)
    if not t:
        return False
    return t[-1] in ".!?…。！？" or (colon and t[-1] in ":;：")


def has_letters(text: str) -> bool:
    return any(unicodedata.category(c).startswith("L") for c in text)


def title_case_ratio(text: str) -> float:
    """Share of the longer words that start with a capital letter (headline style)."""
    long = [w.strip(CLOSERS + "\"'“‘(,:;") for w in words(text)]
    long = [w for w in long if len(w) >= 4 and w[:1].isalpha()]
    if not long:
        return 0.0
    return sum(1 for w in long if w[0].isupper()) / len(long)


def looks_like_headline(text: str) -> bool:
    """Title Case, not too long: how headlines and teaser links are written."""
    n = len(words(text))
    return 3 <= n <= 22 and title_case_ratio(text) >= 0.8


def is_prose(text: str) -> bool:
    """A sentence-like line of body text (not a headline, label or link)."""
    n = word_count(text)
    if n < 6 or not ends_sentence(text, colon=n >= 10):
        return False
    # Headlines may end in "?" or "!" but hardly ever in a full stop.
    if not strip_closers(text).endswith(".") and looks_like_headline(text):
        return False
    return _has_running_text(text)


def _has_running_text(text: str) -> bool:
    """Lower-case letters, or letters of a script without case (Hangul, kana, Han)."""
    return any(c.islower() or (c.isalpha() and not c.isupper()) for c in text)


def is_short_sentence(text: str) -> bool:
    """A brief paragraph such as "He did not elaborate." that may sit inside a body."""
    n = word_count(text)
    return 2 <= n < 6 and ends_sentence(text) and not text[:1].islower() and _has_running_text(text)

"""Bytes of a seed file -> text, naming the encoding when it had to be guessed."""
from __future__ import annotations

import codecs
import re

import charset_normalizer

from newsgen.model import Problem

# Share of control characters above which a file is taken for binary, not text.
_MAX_CONTROL = 0.05
_TEXT_CONTROLS = {"\t", "\n", "\r", "\f", "\v", "\x1b"}
# The characters counted as binary noise: controls other than the above, and the
# replacement character (one regex pass instead of a Python loop over every character).
_CONTROL = re.compile("[" + "".join(re.escape(chr(i)) for i in range(32) if chr(i) not in _TEXT_CONTROLS) + "\ufffd]")


def decode(data: bytes, shown: str) -> tuple[str | None, tuple[Problem, ...]]:
    """Decode UTF-8 (with or without BOM), UTF-16/32 with BOM, else detect.

    Returns (None, problems) for an empty or binary file.
    """
    if not data.strip():
        return None, (Problem(shown, "empty file: nothing to load"),)
    for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                     (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return _checked(data.decode(enc), shown, ())
            except UnicodeDecodeError as e:
                return None, (Problem(shown, f"starts with a {enc} byte-order mark but does not decode: {e.reason}"),)
    if b"\x00" in data:
        return None, (Problem(shown, "binary file (contains NUL bytes), not an article"),)
    try:
        return _checked(data.decode("utf-8"), shown, ())
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        return None, (Problem(shown, "binary file or unknown text encoding, not an article"),)
    text, encoding = str(best), best.encoding
    western = _western(data, encoding)
    if western is not None:
        text, encoding = western, "cp1252"
    warning = Problem(
        shown,
        f"not UTF-8; decoded as {encoding} (a guess): check {_sample(text)} and save the file as UTF-8",
        severity="warning",
    )
    return _checked(text, shown, (warning,))


# The detector confuses single-byte code pages on English text with a few accents
# ("naïve" read as cp1250 is "naďve", as cp775 "naļve"); Windows-1252 is what such
# files almost always are.
_FEW_DIFFERING = 0.02


def _western(data: bytes, detected: str) -> str | None:
    """The Windows-1252 reading, when the detector chose another single-byte page
    and the two readings differ in almost no letters (English with a few accents)."""
    if detected.lower().replace("-", "_") in ("cp1252", "windows_1252"):
        return None
    try:
        western, central = data.decode("cp1252"), data.decode(detected)
    except (UnicodeDecodeError, LookupError):
        return None
    if len(central) != len(data):  # a multi-byte encoding: not a code page mix-up
        return None
    letters = sum(c.isalpha() for c in western)
    # Letters the two pages read differently: ï/ď, è/č, ø/ř ... In Czech or Polish
    # they are a few in every hundred letters; in English with a borrowed word, rare.
    differ = sum(a != b and a.isalpha() for a, b in zip(western, central))
    return western if letters and differ / letters < _FEW_DIFFERING else None


def _sample(text: str, n: int = 3) -> str:
    """A few words with non-ASCII letters, so the user can see whether the guess was right."""
    words = []
    for w in re.findall(r"\w*[^\x00-\x7f\W]\w*", text):
        if w not in words:
            words.append(w)
        if len(words) == n:
            break
    return ", ".join(f"'{w}'" for w in words) if words else "the text"


def _checked(text: str, shown: str, problems: tuple[Problem, ...]) -> tuple[str | None, tuple[Problem, ...]]:
    if not text.strip():
        return None, problems + (Problem(shown, "empty file: nothing to load"),)
    controls = len(_CONTROL.findall(text))
    if controls / len(text) > _MAX_CONTROL:
        return None, problems + (Problem(shown, "binary file (mostly control characters), not an article"),)
    return text, problems

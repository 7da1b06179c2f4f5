"""Site-relative addresses of every page, in one place.

Pages are flat `.html` files (not `dir/index.html`) so that links work the same
from file://, from a local server and under a GitHub Pages project path.
"""
from __future__ import annotations

import posixpath
import re
import unicodedata
from functools import lru_cache


@lru_cache(maxsize=1 << 16)
def slug(text: str) -> str:
    """A lower-case ASCII identifier safe in a file name and a URL."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"[^a-zA-Z0-9]+", "-", text).strip("-").lower()
    return text or "x"


def story(story_id: str) -> str:
    return f"stories/{slug(story_id)}.html"


def claim(claim_id: str) -> str:
    return f"claims/{slug(claim_id)}.html"


def speaker(speaker_id: str) -> str:
    return f"speakers/{slug(speaker_id)}.html"


def outlet(outlet_id: str) -> str:
    return f"outlets/{slug(outlet_id)}.html"


def topic(topic_id: str) -> str:
    return f"topics/{slug(topic_id)}.html"


def figure(series_id: str) -> str:
    return f"figures/{slug(series_id)}.html"


# The "What we know" page: each question's status and how it firmed up.
QUESTIONS = "questions.html"


def relative(target: str, from_page: str) -> str:
    """The relative link from one site page to another (both site-relative paths)."""
    path, _, frag = target.partition("#")
    rel = _relpath(path, posixpath.dirname(from_page) or ".") if path else ""
    return rel + (f"#{frag}" if frag else "")


@lru_cache(maxsize=1 << 17)  # pages sit in a few folders, so pairs repeat across pages
def _relpath(path: str, start: str) -> str:
    return posixpath.relpath(path, start)

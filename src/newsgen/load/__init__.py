"""Load seed articles (.txt scraped text, .html saved pages, .md Markdown) into Stories.

`load_story` (story.py) is the only function here that touches the disk; the readers
are pure functions from text to (Story, problems).

The public names are imported on first use, not with the package: the configuration
imports newsgen.load.nesting, and a build with no article to read (nothing changed)
should not pay for importing the readers and their libraries.
"""
from __future__ import annotations

from importlib import import_module

# Public name -> the module that defines it.
_HOME = {
    "READERS": "newsgen.load.story",
    "load_story": "newsgen.load.story",
    "read_html": "newsgen.load.html",
    "read_markdown": "newsgen.load.markdown",
    "read_text": "newsgen.load.text",
}


def __getattr__(name: str):
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(_HOME[name]), name)
    globals()[name] = value  # found once; later lookups are plain attributes
    return value


__all__ = ["load_story", "read_html", "read_markdown", "read_text"]

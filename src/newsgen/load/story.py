"""One seed file from disk to a Story: pick the reader by extension, decode, read.

`load_story` is the only function of newsgen.load that touches the disk; the readers
are pure functions from text to (Story, problems).
"""
from __future__ import annotations

from pathlib import Path

from newsgen.load.decode import decode
from newsgen.load.html import read_html
from newsgen.load.markdown import read_markdown
from newsgen.load.nesting import too_deep
from newsgen.load.text import read_text
from newsgen.model import Problem, Story
from newsgen.safefile import MAX_ARTICLE_BYTES, Unreadable, read_bytes

# The most text (title and paragraphs, in characters) one article may bring: the
# language model reads every word, so a seed above this takes minutes, not seconds
# (issue 18: a 1 MB article builds in seconds). The file cap (safefile) is larger,
# for web pages saved whole, whose furniture is dropped before this is counted.
MAX_ARTICLE_TEXT = 1_048_576

READERS = {
    ".txt": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".md": read_markdown,
    ".markdown": read_markdown,
}


def load_story(path: Path, shown: str | None = None) -> tuple[Story | None, tuple[Problem, ...]]:
    """Read one seed file; bad input becomes Problems, never an exception."""
    shown = shown or path.as_posix()
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(READERS))
        return None, (Problem(shown, f"not an article file (extension {path.suffix or 'none'}; expected {known})",
                              severity="warning"),)
    try:
        data = read_bytes(path, MAX_ARTICLE_BYTES)
    except Unreadable as e:
        return None, (Problem(shown, f"{e}; skipped"),)
    text, problems = decode(data, shown)
    if text is None:
        return None, problems
    deep = too_deep(text, markdown=reader is read_markdown)
    if deep:
        return None, problems + (Problem(shown, f"{deep}; skipped"),)
    try:
        story, found = reader(text, path.name)
    except Exception as e:  # noqa: BLE001 - one bad page must not stop the build
        return None, problems + (Problem(shown, f"could not read this page: {type(e).__name__}: {e}"),)
    # Readers name the seed; messages should name the file as the user sees it.
    found = tuple(Problem(shown, p.message, p.line, p.severity) if p.file == path.name else p for p in found)
    size = len(story.title or "") + sum(map(len, story.paragraphs))
    if size > MAX_ARTICLE_TEXT:
        return None, problems + found + (Problem(shown, f"{size:,} characters of article text, more than the "
                                                        f"{MAX_ARTICLE_TEXT:,} one article may have; skipped: "
                                                        f"split it into several seeds"),)
    return story, problems + found


__all__ = ["MAX_ARTICLE_TEXT", "READERS", "load_story"]

"""A bound on how deeply an input nests, checked before any parser sees it.

Parsers recurse: a Markdown list 3,000 levels deep took Python-Markdown minutes
and gigabytes. No article nests anywhere near these limits, so an input beyond
them is refused by name rather than parsed.
"""
from __future__ import annotations

import re

MAX_MARKDOWN_DEPTH = 60  # list / quote levels
MAX_HTML_DEPTH = 300  # open elements; real pages stay under about 40
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*?(/?)>")
# Elements that never hold others, and those whose end tag HTML lets authors leave out
# (counting an unclosed <p> as a level would call ordinary old pages deep).
_FLAT = frozenset(
    "area base br col embed hr img input link meta source track wbr "
    "p li td th tr dt dd option thead tbody tfoot colgroup".split()
)


def html_depth(text: str) -> int:
    depth = deepest = 0
    for m in _TAG.finditer(text):
        closing, name, selfclosing = m.group(1), m.group(2).lower(), m.group(3)
        if name in _FLAT or selfclosing:
            continue
        if closing:
            depth = max(0, depth - 1)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def markdown_depth(text: str) -> int:
    """Levels of list and quote nesting: two columns of indent or one '>' per level."""
    deepest = 0
    for line in text.splitlines():
        level, col = 0, 0
        for ch in line:
            if ch == " ":
                col += 1
            elif ch == "\t":
                col += 4
            elif ch == ">":
                level += 1
            else:
                break
        deepest = max(deepest, level + col // 2)
    return deepest


def too_deep(text: str, markdown: bool) -> str | None:
    """Why text nests too deeply to be read, or None."""
    if markdown:
        d = markdown_depth(text)
        if d > MAX_MARKDOWN_DEPTH:
            return f"nested {d} levels deep (lists, quotes or indents); more than {MAX_MARKDOWN_DEPTH} is not an article"
    d = html_depth(text)
    if d > MAX_HTML_DEPTH:
        return f"HTML nested {d} elements deep; more than {MAX_HTML_DEPTH} is not an article"
    return None

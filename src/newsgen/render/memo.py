"""Answers the templates ask for again and again within one build, worked out once.

A claim's card is drawn on the home page, a stance list, its speaker's page and
every outlet and topic page it belongs to, and each drawing asked the same
questions (its date note, its highlighted text, the link to its page from a page
in the same folder). Everything here lives as long as one render (one Jinja
environment), and only wraps pure functions of values that do not change during it.
"""
from __future__ import annotations

import posixpath
from typing import Any, Callable, Iterable

from markupsafe import Markup

from newsgen import urls
from newsgen.model import Quantity


def per_object(fn: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """fn(obj), once per object (by identity: claims are frozen and shared by every page)."""
    seen: dict[int, tuple[Any, Any]] = {}

    def call(obj: Any) -> Any:
        hit = seen.get(id(obj))
        if hit is None:
            hit = seen[id(obj)] = (obj, fn(obj))  # holding obj keeps its id from being reused
        return hit[1]

    return call


def per_text(fn: Callable[[str, Iterable[Quantity]], Markup]) -> Callable[[str, Iterable[Quantity]], Markup]:
    """highlight_numbers(text, quantities), once per text and set of quantity words
    (the only parts of the quantities it looks at)."""
    seen: dict[tuple[str, tuple[str, ...]], Markup] = {}

    def call(text: str, quantities: Iterable[Quantity]) -> Markup:
        quantities = tuple(quantities)
        key = (text, tuple(q.text for q in quantities))
        hit = seen.get(key)
        if hit is None:
            hit = seen[key] = fn(text, quantities)
        return hit

    return call


class Links:
    """Relative links from pages, shared by the pages of one folder: a link depends
    only on the folder the page is in, not on the page."""

    def __init__(self) -> None:
        self._folders: dict[str, dict[str, str]] = {}

    def from_page(self, page_path: str) -> Callable[[str], str]:
        folder = posixpath.dirname(page_path)
        known = self._folders.setdefault(folder, {})

        def href(target: str) -> str:
            rel = known.get(target)
            if rel is None:
                rel = known[target] = urls.relative(target, page_path)
            return rel

        return href

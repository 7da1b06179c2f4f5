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


class Fragments:
    """Markup a macro draws, drawn once per build and reused by every page that
    shows the same thing.

    A claim's card is on some six pages (its speaker's, its outlets', its topics',
    the timeline's and the stance lists): drawn each time, cards were most of a
    clean build. A fragment drawn through `once` reads nothing of its page but
    `href` and `site`, so it is a pure function of the object it shows (frozen and
    shared by every page, so known by identity), the macro's other arguments and
    the links `href` made for it. Those links are noted as it is drawn, and a page
    reuses the fragment when its own `href` gives the same for each: a page of the
    same folder always does, and so does one of any folder at the same depth when
    no link leads into either folder. The Site lookups the drawing made are kept
    with it and noted again on every page that reuses it, so each page still
    records all that it shows.
    """

    def __init__(self) -> None:
        # (macro, id(obj), args) → the object (kept alive, so its id is not reused)
        # and each drawing: the links it made, its markup (UTF-8), the keys it read.
        self._drawn: dict[tuple, tuple[Any, list[tuple[tuple[tuple[str, str], ...], bytes, frozenset]]]] = {}

    def for_page(self, href: Callable[[str], str], reads: Any) -> tuple[Callable[[str], str], Callable[..., Markup]]:
        """(href, once) for one page: href as given, noting the links a fragment
        makes, and once(macro, obj, *args), macro(obj, *args) drawn or reused."""
        drawn = self._drawn
        logs: list[list[tuple[str, str]]] = []  # the links of each fragment being drawn, innermost last
        recording = getattr(reads, "keys", None) is not None

        def noting(target: str) -> str:
            rel = href(target)
            if logs:
                logs[-1].append((target, rel))
            return rel

        def once(macro: Callable[..., Markup], obj: Any, *args: Any) -> Markup:
            key = (_identity(macro), id(obj), args)
            entry = drawn.get(key)
            if entry is None:
                entry = drawn[key] = (obj, [])
            for links, kept, keys in entry[1]:
                if all(href(t) == rel for t, rel in links):
                    markup = Markup(kept.decode("utf-8"))
                    break
            else:
                logs.append([])
                outer = reads.keys if recording else None
                mine: set = set()
                if recording:
                    # This drawing's lookups alone: the page may have made some of
                    # them already, and a page reusing it has not.
                    reads.keys = mine
                try:
                    markup = macro(obj, *args)
                finally:
                    if recording:
                        reads.keys = outer
                    links = tuple(dict.fromkeys(logs.pop()))
                keys = frozenset(mine)
                # Kept as UTF-8: news text has curly quotes and dashes, which make a
                # Python string two bytes a letter (a 5,000-article build keeps 200,000
                # fragments: 424 MB as text, 207 MB as bytes).
                entry[1].append((links, markup.encode("utf-8"), keys))
            if recording:
                reads.keys.update(keys)
            if logs:  # drawn inside another fragment: its links are that one's too
                logs[-1].extend(links)
            return markup

        return noting, once


def _identity(macro: Callable) -> Any:
    """What tells one macro from another: its compiled code (a Jinja macro is made
    afresh each time its template is imported, from the same code), not its name,
    which two templates may share."""
    func = getattr(macro, "_func", None)
    return func.__code__ if func is not None else macro

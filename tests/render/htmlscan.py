"""A small HTML reader for the render tests: ids, links, headings, structure errors.

Built on the standard library's HTMLParser so the tests need nothing else; it
records what the Nu checker would reject most often in generated pages
(duplicate ids, <a> inside <a>, stray or mismatched end tags).
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Elements whose end tag HTML lets you leave out; the generator always writes them,
# so they are checked like any other.
SVG_VOID_OK = {"line", "circle", "rect", "path"}


@dataclass
class Scan:
    ids: list[str] = field(default_factory=list)
    links: list[tuple[str, str, str]] = field(default_factory=list)  # (tag, attr, value)
    tags: list[tuple[str, dict[str, str | None]]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    h1: int = 0
    text: list[str] = field(default_factory=list)
    scripts: list[tuple[dict[str, str | None], str]] = field(default_factory=list)

    def find(self, tag: str, **attrs: str) -> list[dict[str, str | None]]:
        out = []
        for t, a in self.tags:
            if t != tag:
                continue
            if all((a.get(k.rstrip("_").replace("_", "-")) == v) for k, v in attrs.items()):
                out.append(a)
        return out


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scan = Scan()
        self.stack: list[str] = []
        self._script: tuple[dict, list[str]] | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.scan.tags.append((tag, a))
        if "id" in a:
            self.scan.ids.append(a["id"] or "")
        for attr in ("href", "src"):
            if a.get(attr) is not None:
                self.scan.links.append((tag, attr, a[attr]))
        if tag == "h1":
            self.scan.h1 += 1
        if tag == "a" and "a" in self.stack:
            self.scan.errors.append("<a> inside <a>")
        if tag == "script":
            self._script = (a, [])
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        # <line/> and friends inside inline SVG are self-closing by design
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in VOID:
            self.scan.errors.append(f"end tag for void element </{tag}>")
            return
        if tag == "script" and self._script:
            self.scan.scripts.append((self._script[0], "".join(self._script[1])))
            self._script = None
        if not self.stack or self.stack[-1] != tag:
            self.scan.errors.append(f"stray or mismatched </{tag}> (open: {self.stack[-3:]})")
            if tag in self.stack:
                while self.stack and self.stack.pop() != tag:
                    pass
            return
        self.stack.pop()

    def handle_data(self, data):
        if self._script is not None:
            self._script[1].append(data)
        else:
            self.scan.text.append(data)


def scan(html: str) -> Scan:
    p = _Parser()
    p.feed(html)
    p.close()
    for tag in p.stack:
        p.scan.errors.append(f"<{tag}> never closed")
    seen: set[str] = set()
    for i in p.scan.ids:
        if i in seen:
            p.scan.errors.append(f"duplicate id {i!r}")
        seen.add(i)
    return p.scan


def is_external(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.scheme or parts.netloc)


def resolve(page: str, url: str) -> tuple[str, str]:
    """(site path, fragment) of a relative link found on `page`; "" path = same page."""
    parts = urlsplit(url)
    if not parts.path:
        return page, parts.fragment
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), parts.path)), parts.fragment

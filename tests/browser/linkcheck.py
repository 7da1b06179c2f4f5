"""Internal link check of a built site, without a browser.

Every relative href/src of every page must land on a file of the site, and a
#fragment on an id of the target page. A page that names another host may only
do so in a plain `<a href>` (the original article); anything the browser would
fetch by itself (src, stylesheet, icon, script) must stay on the site, because
the site must work from file:// and offline. Root-absolute paths ("/x.css") are
refused: they break under a GitHub Pages project path and from file://.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Attributes that hold one address, by element; srcset is handled on its own.
URL_ATTRS = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "img": ("src",),
    "script": ("src",),
    "iframe": ("src",),
    "embed": ("src",),
    "source": ("src",),
    "track": ("src",),
    "audio": ("src",),
    "video": ("src", "poster"),
    "object": ("data",),
    "form": ("action",),
    "use": ("href", "xlink:href"),
    "image": ("href", "xlink:href"),
}
# <link rel=…> values that only name a page, never make the browser load it.
NAMING_RELS = {"canonical", "alternate", "author", "license", "me", "bookmark", "external", "help", "search"}
NAV_LABELS = {
    "timeline": "index.html",
    "speakers": "speakers/index.html",
    "outlets": "outlets/index.html",
    "topics": "topics/index.html",
    "figures": "figures/index.html",
    "sources differ": "differ.html",
    "search": "search.html",
    "about": "about.html",
}


@dataclass(frozen=True)
class Link:
    tag: str
    attr: str
    url: str
    rel: str
    line: int


@dataclass
class PageScan:
    ids: set[str] = field(default_factory=set)
    links: list[Link] = field(default_factory=list)
    # (label text, href) of every <a> inside a <nav> inside a <header>
    header_nav: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Broken:
    page: str
    line: int
    url: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}:{self.line}: {self.url!r}: {self.reason}"


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scan = PageScan()
        self._header = 0
        self._nav = 0
        self._anchor: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if "id" in a:
            self.scan.ids.add(a["id"])
        if tag == "a" and "name" in a:
            self.scan.ids.add(a["name"])
        line = self.getpos()[0]
        rel = a.get("rel", "").lower()
        for attr in URL_ATTRS.get(tag, ()):
            if attr in a:
                self.scan.links.append(Link(tag, attr, a[attr].strip(), rel, line))
        if tag in ("img", "source") and "srcset" in a:
            for candidate in a["srcset"].split(","):
                parts = candidate.strip().split()
                if parts:
                    self.scan.links.append(Link(tag, "srcset", parts[0], rel, line))
        if tag == "header":
            self._header += 1
        elif tag == "nav":
            self._nav += 1
        elif tag == "a" and self._header and self._nav:
            self._anchor = (a.get("href", ""), [])

    def handle_startendtag(self, tag, attrs):
        # Self-closing tags (SVG) never open a header/nav/a that needs closing.
        self.handle_starttag(tag, attrs)
        if tag == "a":
            self.handle_endtag("a")

    def handle_endtag(self, tag):
        if tag == "header" and self._header:
            self._header -= 1
        elif tag == "nav" and self._nav:
            self._nav -= 1
        elif tag == "a" and self._anchor is not None:
            href, words = self._anchor
            self.scan.header_nav.append((" ".join("".join(words).split()), href))
            self._anchor = None

    def handle_data(self, data):
        if self._anchor is not None:
            self._anchor[1].append(data)


def scan_page(html: str) -> PageScan:
    p = _Scanner()
    p.feed(html)
    p.close()
    return p.scan


def _is_fetched(link: Link) -> bool:
    """Would the browser load this address by itself, without a click?"""
    if link.tag in ("a", "area", "form"):
        return False
    if link.tag == "link":
        rels = set(link.rel.split())
        return not rels or not rels <= NAMING_RELS
    return True


CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")
CSS_IMPORT = re.compile(r"""@import\s+(['"])([^'"]+)\1""")


def css_links(text: str) -> list[Link]:
    out = []
    for m in list(CSS_URL.finditer(text)) + list(CSS_IMPORT.finditer(text)):
        line = text.count("\n", 0, m.start()) + 1
        out.append(Link("css", "url", m.group(2).strip(), "", line))
    return out


class Site:
    """A built site on disk, each page scanned once."""

    def __init__(self, root: Path, base_path: str = "/"):
        self.root = Path(root)
        # Only 404.html may link root-absolute addresses, and only under the
        # site's base path: a server returns it at any depth, so relative links fail.
        self.base_path = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
        self._scans: dict[str, PageScan] = {}

    def pages(self) -> list[str]:
        return sorted(p.relative_to(self.root).as_posix() for p in self.root.rglob("*.html"))

    def scan(self, page: str) -> PageScan:
        if page not in self._scans:
            self._scans[page] = scan_page((self.root / page).read_text(encoding="utf-8"))
        return self._scans[page]

    def resolve(self, page: str, url: str) -> tuple[str | None, str | None, str | None]:
        """(target page, fragment, reason it is broken) for one address on one page."""
        parts = urlsplit(url)
        if parts.scheme or parts.netloc:
            return None, None, "external"
        path = unquote(parts.path)
        if path.startswith("/"):
            if page != "404.html":
                return None, None, "root-absolute path (breaks under /<repo>/ and from file://)"
            if not path.startswith(self.base_path):
                return None, None, f"absolute path outside the site's base path {self.base_path}"
            path, page = path[len(self.base_path):], "index.html"
        frag = unquote(parts.fragment) if parts.fragment else None
        if not path:
            return page, frag, None
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
        if target == ".." or target.startswith("../"):
            return None, None, "leaves the site"
        full = self.root / target
        if full.is_dir():
            # A folder link works on a server but not from file://.
            return None, None, "links a folder; link its index.html"
        if not full.is_file():
            return None, None, f"no such file {target}"
        return target, frag, None

    def check_link(self, page: str, link: Link) -> str | None:
        url = link.url
        if url == "" or url == "#":
            return None
        scheme = urlsplit(url).scheme.lower()
        if scheme in ("mailto", "tel"):
            return None
        if scheme == "data":
            return None if link.tag not in ("a", "area") else "data: link"
        if scheme == "javascript":
            return "javascript: URL"
        if scheme or url.startswith("//"):
            if scheme not in ("http", "https"):
                return f"unexpected scheme {scheme or '//'}"
            if _is_fetched(link):
                return f"<{link.tag} {link.attr}> loads from another host; the site must not make requests off the machine"
            return None
        target, frag, reason = self.resolve(page, url)
        if reason:
            return reason
        if frag and target and target.endswith(".html") and frag not in self.scan(target).ids:
            return f"no id {frag!r} in {target}"
        return None

    def broken_links(self) -> list[Broken]:
        broken = []
        for page in self.pages():
            for link in self.scan(page).links:
                reason = self.check_link(page, link)
                if reason:
                    broken.append(Broken(page, link.line, link.url, reason))
        for css in sorted(self.root.rglob("*.css")):
            rel = css.relative_to(self.root).as_posix()
            for link in css_links(css.read_text(encoding="utf-8")):
                if link.url.startswith(("data:", "#")):
                    continue
                reason = self.check_link(rel, link)
                if reason:
                    broken.append(Broken(rel, link.line, link.url, reason))
        return broken

    def nav_problems(self) -> list[str]:
        """Pages whose header nav misses one of the site's sections or links it wrong."""
        problems = []
        for page in self.pages():
            nav = self.scan(page).header_nav
            for label, target in NAV_LABELS.items():
                hits = [href for text, href in nav if text.strip().lower() == label]
                if not hits:
                    problems.append(f"{page}: header nav has no {label.title()!r} link")
                    continue
                resolved, _, reason = self.resolve(page, hits[0])
                if reason or resolved != target:
                    problems.append(f"{page}: header nav {label.title()!r} links {hits[0]!r}, expected {target}")
        return problems


def check_site(root: Path, base_path: str = "/") -> list[Broken]:
    return Site(root, base_path).broken_links()


if __name__ == "__main__":
    import sys

    # python tests/browser/linkcheck.py [SITE_DIR [BASE_PATH]]
    found = check_site(Path(sys.argv[1] if len(sys.argv) > 1 else "site"), sys.argv[2] if len(sys.argv) > 2 else "/")
    for b in found:
        print(b)
    print(f"{len(found)} broken link(s)")
    sys.exit(1 if found else 0)

"""About / method pages: Markdown from content/pages, raw HTML sanitised.

Markdown allows raw HTML, so a page could carry <script>, onerror= or
javascript: links; nh3 (ammonia) keeps a safe allow-list of tags, attributes and
URL schemes. The page's first "# Heading" becomes its title (the layout's single
<h1>); any other level-1 heading is demoted so a page keeps one h1.
"""
from __future__ import annotations

import html as htmllib
import re
from dataclasses import dataclass

import markdown
import nh3
from markupsafe import Markup

from newsgen.config import PageSource

URL_SCHEMES = {"http", "https", "mailto"}
# Pages whose names the site already uses; a Markdown page with one of these slugs
# is published under "page-<slug>.html" instead of replacing the built page.
RESERVED = {"index", "search", "404", "hedged", "asserted", "feed", "sitemap", "robots"}


@dataclass(frozen=True)
class MarkdownPage:
    slug: str
    path: str
    title: str
    description: str
    body: Markup


def page_path(slug: str) -> str:
    return f"page-{slug}.html" if slug in RESERVED else f"{slug}.html"


def sanitize(html: str) -> str:
    # No rel= added: ammonia would put it on a link whose javascript: href it removed, which
    # is invalid HTML; these pages open nothing in a new window, so it is not needed.
    return nh3.clean(html, url_schemes=URL_SCHEMES, link_rel=None)


def render_page(src: PageSource) -> MarkdownPage:
    text = src.text.replace("\r\n", "\n").lstrip("\ufeff")
    title = src.slug.replace("-", " ").capitalize()
    m = re.match(r"\s*#\s+(.+?)\s*#*\s*(?:\n|$)", text)
    if m:
        title = m.group(1).strip()
        text = text[m.end():]
    html = markdown.markdown(text, extensions=["extra", "sane_lists"], output_format="html")
    html = sanitize(html)
    html = re.sub(r"<(/?)h1\b", r"<\1h2", html)
    plain = htmllib.unescape(re.sub(r"<[^>]+>", "", html))
    first = next((line.strip() for line in plain.splitlines() if line.strip()), "")
    return MarkdownPage(src.slug, page_path(src.slug), title, first[:200], Markup(html))

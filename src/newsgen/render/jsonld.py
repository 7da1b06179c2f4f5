"""schema.org JSON-LD for story pages (NewsArticle) and claim pages (Claim).

The JSON goes inside <script type="application/ld+json">, where "</script>" or
"<!--" in an article's text would end or confuse the script; <, > and & are
therefore written as \\u escapes, which any JSON parser reads back unchanged.
"""
from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from newsgen.model import Claim, Speaker, Story


def script_json(data: Any) -> Markup:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)


def _web(url: str | None) -> str | None:
    """Only http(s) addresses are published as links (a loader may pass anything on)."""
    return url if url and url.startswith(("http://", "https://")) else None


def _drop_empty(d: dict) -> dict:
    return {k: v for k, v in d.items() if v not in (None, "", [], {})}


def _agent(speaker: Speaker | None) -> dict | None:
    if not speaker:
        return None
    kind = "Organization" if speaker.kind == "organization" else "Person"
    data = {"@type": kind, "name": speaker.name}
    if kind == "Person":
        data["jobTitle"] = speaker.role
        if speaker.org:
            data["affiliation"] = {"@type": "Organization", "name": speaker.org}
    return _drop_empty(data)


def news_article(story: Story, outlet_name: str | None, page_url: str | None) -> dict:
    """page_url: this page's absolute address when the site's address is known."""
    return _drop_empty({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": story.title,
        "datePublished": story.published.isoformat() if story.published else None,
        "dateModified": story.updated.isoformat() if story.updated else None,
        "author": _drop_empty({"@type": "Person", "name": story.byline}) if story.byline else None,
        "publisher": {"@type": "Organization", "name": outlet_name} if outlet_name else None,
        "sourceOrganization": {"@type": "Organization", "name": story.credit} if story.credit else None,
        "url": _web(story.url) or page_url,
        "isBasedOn": _web(story.url),
        "mainEntityOfPage": page_url,
    })


def claim(c: Claim, stories: dict[str, Story], outlet_names: dict[str, str], page_url: str | None) -> dict:
    appearances = []
    for r in c.reports:
        s = stories.get(r.story)
        if not s:
            continue
        appearances.append(_drop_empty({
            "@type": "NewsArticle",
            "headline": s.title,
            "url": _web(s.url),
            "datePublished": s.published.isoformat() if s.published else None,
            "publisher": {"@type": "Organization", "name": outlet_names[s.id]} if s.id in outlet_names else None,
        }))
    return _drop_empty({
        "@context": "https://schema.org",
        "@type": "Claim",
        "text": c.text,
        "author": _agent(c.speaker),
        "datePublished": c.said_on.isoformat() if c.said_on else None,
        "appearance": appearances,
        "firstAppearance": appearances[0] if appearances else None,
        "url": page_url,
    })

"""Machine-readable companions of the site: Atom feed, sitemap, robots.txt, TimelineJS.

Nothing here reads a clock: a feed's <updated> is the latest date in the data, so
the same inputs give the same bytes. Absolute addresses need SiteConfig.url; when it
is not set, the feed and sitemap carry site-relative addresses (still usable from
the published folder) and robots.txt names no sitemap, saying why.
"""
from __future__ import annotations

import datetime as dt
import json
from urllib.parse import urlsplit
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from markupsafe import escape

from newsgen import urls
from newsgen.config import SiteConfig
from newsgen.model import Claim
from newsgen.render import formatting as fmt
from newsgen.render.site import Site

EPOCH = dt.date(1970, 1, 1)  # stands in for "no date at all": Atom requires one


def site_root(site: SiteConfig) -> str | None:
    """The published site's absolute address ending in "/", or None.

    SiteConfig.url may already contain the project path (https://u.github.io/repo/)
    or be just the host; base_path is added only when the url lacks it.
    """
    if not site.url:
        return None
    url = site.url.strip().rstrip("/")
    base = site.base_path.strip("/")
    path = urlsplit(url).path.strip("/")
    if base and not path.endswith(base):
        url = f"{url}/{base}"
    return url + "/"


def _stamp(d: dt.date | None) -> str:
    return f"{(d or EPOCH).isoformat()}T00:00:00Z"


def _short(text: str, n: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rsplit(" ", 1)[0] + "…"



def _note_and_stance(c: Claim) -> str:
    """ "said 21 Oct 2024; hedged; how we know: from “Monday”, …" for a feed entry."""
    note = fmt.date_note(c)
    parts = [note.text, "hedged" if c.hedged else "asserted"] + ([f"how we know: {note.how}"] if note.how else [])
    return "; ".join(parts)

def atom(site: Site, root: str | None) -> bytes:
    cfg = site.config
    key = urls.slug(cfg.site.title)
    updated = site.latest_date()

    def link(path: str) -> str:
        return (root or "") + path

    entries: list[tuple[dt.date, str, str]] = []
    for s in site.stories.values():
        outlet = site.outlet_of(s)
        title = s.title or s.id
        summary = " ".join(filter(None, [outlet.name if outlet else None, fmt.day(s.published) or "undated",
                                         _short(s.paragraphs[0], 240) if s.paragraphs else ""]))
        entries.append((s.published or EPOCH, f"story:{urls.slug(s.id)}", _entry(
            f"urn:newsgen:{key}:story:{urls.slug(s.id)}", f"Story: {title}", s.published or updated,
            link(urls.story(s.id)), summary)))
    for c in site.timeline.claims:
        who = c.speaker.name if c.speaker else "Unattributed"
        entries.append((c.placed_on or EPOCH, f"claim:{urls.slug(c.id)}", _entry(
            f"urn:newsgen:{key}:claim:{urls.slug(c.id)}", f"{who}: {_short(c.text)}", c.placed_on or updated,
            link(urls.claim(c.id)), f"{c.text} ({_note_and_stance(c)})")))
    entries.sort(key=lambda e: (-e[0].toordinal(), e[1]))
    title = cfg.story.title or cfg.site.title
    head = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f"  <id>urn:newsgen:{key}:feed</id>",
        f"  <title>{xml_escape(title)}</title>",
    ]
    if cfg.site.description or cfg.story.summary:
        head.append(f"  <subtitle>{xml_escape(cfg.story.summary or cfg.site.description)}</subtitle>")
    head += [
        f"  <updated>{_stamp(updated)}</updated>",
        f"  <author><name>{xml_escape(cfg.site.title)}</name></author>",
        f"  <link rel=\"alternate\" type=\"text/html\" href={quoteattr(link('index.html'))}/>",
    ]
    if root:
        head.append(f"  <link rel=\"self\" type=\"application/atom+xml\" href={quoteattr(link('feed.xml'))}/>")
    head.append("  <generator>newsgen</generator>")
    body = [e[2] for e in entries]
    return ("\n".join(head + body + ["</feed>"]) + "\n").encode("utf-8")


def _entry(id_: str, title: str, updated: dt.date | None, href: str, summary: str) -> str:
    return (
        "  <entry>\n"
        f"    <id>{xml_escape(id_)}</id>\n"
        f"    <title>{xml_escape(title)}</title>\n"
        f"    <updated>{_stamp(updated)}</updated>\n"
        f"    <link rel=\"alternate\" type=\"text/html\" href={quoteattr(href)}/>\n"
        f"    <summary>{xml_escape(summary)}</summary>\n"
        "  </entry>"
    )


def sitemap(paths: list[str], root: str | None, lastmod: dict[str, dt.date]) -> bytes:
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for p in sorted(paths):
        loc = (root or "") + p
        mod = f"<lastmod>{lastmod[p].isoformat()}</lastmod>" if p in lastmod else ""
        lines.append(f"  <url><loc>{xml_escape(loc)}</loc>{mod}</url>")
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def robots(root: str | None) -> bytes:
    lines = ["User-agent: *", "Allow: /"]
    if root:
        lines.append(f"Sitemap: {root}sitemap.xml")
    else:
        lines.append("# sitemap.xml lists site-relative addresses: set site.url in content/site.yaml")
        lines.append("# to make them absolute and to name the sitemap here.")
    return ("\n".join(lines) + "\n").encode("utf-8")


def timelinejs(site: Site) -> bytes:
    """data/timeline.json in TimelineJS's format; its text fields are HTML, so escaped."""
    cfg = site.config
    events = []
    for c in site.timeline.claims:
        d = c.said_on or c.placed_on
        if not d:
            continue  # TimelineJS needs a start date; undated claims are on the site's own timeline
        who = c.speaker.name if c.speaker else "Unattributed"
        outlets = ", ".join(sorted({r.outlet.name for r in site.reports(c) if r.outlet}))
        note = fmt.date_note(c).full
        events.append({
            "start_date": {"year": d.year, "month": d.month, "day": d.day},
            "text": {"headline": str(escape(f"{who}: {_short(c.text, 70)}")),
                     "text": str(escape(c.text)) + "<br>" + str(escape(
                         f"{note}. {'Hedged' if c.hedged else 'Asserted'}." + (f" Reported by {outlets}." if outlets else "")))},
            "group": who,
            "unique_id": "claim-" + urls.slug(c.id),
        })
    for s in sorted(site.stories.values(), key=lambda s: s.id):
        if not s.published:
            continue
        outlet = site.outlet_of(s)
        events.append({
            "start_date": {"year": s.published.year, "month": s.published.month, "day": s.published.day},
            "text": {"headline": str(escape(s.title or s.id)),
                     "text": str(escape(f"Published by {outlet.name if outlet else 'an unknown outlet'}."))},
            "group": "Stories",
            "unique_id": "story-" + urls.slug(s.id),
        })
    events.sort(key=lambda e: (e["start_date"]["year"], e["start_date"]["month"], e["start_date"]["day"], e["unique_id"]))
    data = {
        "title": {"text": {"headline": str(escape(cfg.story.title or cfg.site.title)),
                           "text": str(escape(cfg.story.summary or cfg.site.description))}},
        "events": events,
    }
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")

"""Atom feed, sitemap, robots.txt and the TimelineJS export."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from render_fixture import TEMPLATES, make_config
from newsgen.render import render_site
from newsgen.render.feeds import site_root

A = "{http://www.w3.org/2005/Atom}"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_atom_feed_is_valid_atom(site, timeline):
    feed = ET.fromstring(site["feed.xml"])
    assert feed.tag == f"{A}feed"
    for el in ("id", "title", "updated", "author"):
        assert feed.find(f"{A}{el}") is not None, el
    assert feed.find(f"{A}updated").text == "2024-10-23T00:00:00Z"  # latest date in the data, not now
    entries = feed.findall(f"{A}entry")
    assert len(entries) == len(timeline.stories) + len(timeline.claims)
    ids = [e.find(f"{A}id").text for e in entries]
    assert len(set(ids)) == len(ids) and all(i.startswith("urn:newsgen:") for i in ids)
    for e in entries:
        for el in ("id", "title", "updated", "link", "summary"):
            assert e.find(f"{A}{el}") is not None, el
    # relative links when the site's address is unknown
    assert feed.find(f"{A}link").get("href") == "index.html"


def test_feed_and_sitemap_are_absolute_when_the_address_is_known(timeline):
    files = {o.path: o.data for o in render_site(timeline, make_config(url="https://example.org", base_path="/repo/"),
                                                 TEMPLATES)}
    feed = ET.fromstring(files["feed.xml"])
    links = [l.get("href") for l in feed.iter(f"{A}link")]
    assert all(l.startswith("https://example.org/repo/") for l in links)
    assert any(l.get("rel") == "self" for l in feed.iter(f"{A}link"))
    locs = [u.find(f"{SM}loc").text for u in ET.fromstring(files["sitemap.xml"])]
    assert "https://example.org/repo/index.html" in locs and all(l.startswith("https://") for l in locs)
    assert "Sitemap: https://example.org/repo/sitemap.xml" in files["robots.txt"].decode()
    assert b'<link rel="canonical" href="https://example.org/repo/index.html">' in files["index.html"]


def test_site_root_does_not_double_the_project_path():
    from newsgen.config import SiteConfig
    assert site_root(SiteConfig(url="https://u.github.io/repo/", base_path="/repo/")) == "https://u.github.io/repo/"
    assert site_root(SiteConfig(url="https://u.github.io", base_path="/repo/")) == "https://u.github.io/repo/"
    assert site_root(SiteConfig(url="https://example.org/", base_path="/")) == "https://example.org/"
    assert site_root(SiteConfig(url=None)) is None


def test_sitemap_without_an_address(site, html):
    root = ET.fromstring(site["sitemap.xml"])
    locs = [u.find(f"{SM}loc").text for u in root]
    assert sorted(locs) == sorted(p for p in html if p != "404.html")
    robots = site["robots.txt"].decode()
    assert "User-agent: *" in robots and "Sitemap:" not in robots


def test_timelinejs_structure(site, timeline):
    data = json.loads(site["data/timeline.json"])
    assert set(data["title"]["text"]) == {"headline", "text"}
    events = data["events"]
    dated_claims = [c for c in timeline.claims if c.said_on or c.placed_on]
    dated_stories = [s for s in timeline.stories if s.published]
    assert len(events) == len(dated_claims) + len(dated_stories)
    for e in events:
        assert set(e["start_date"]) == {"year", "month", "day"}
        assert set(e["text"]) == {"headline", "text"}
        assert e["group"] and e["unique_id"]
    assert len({e["unique_id"] for e in events}) == len(events)
    c1 = next(e for e in events if e["unique_id"] == "claim-c1")
    assert c1["start_date"] == {"year": 2024, "month": 10, "day": 21}
    # TimelineJS shows text as HTML: article text arrives escaped
    assert all("<script>" not in json.dumps(e["text"]) for e in events)

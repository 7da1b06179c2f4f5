"""The built site as files: what must exist, parse, and link together (no browser)."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest

from linkcheck import Site

REQUIRED = [
    "index.html",
    "404.html",
    "search.html",
    "about.html",
    "speakers/index.html",
    "outlets/index.html",
    "topics/index.html",
    "figures/index.html",
    "feed.xml",
    "sitemap.xml",
    "robots.txt",
    "data/timeline.json",
    "data/stories.json",
    "data/claims.json",
]


@pytest.mark.parametrize("path", REQUIRED)
def test_required_file_exists(site_dir, path):
    f = site_dir / path
    assert f.is_file(), f"{path} is missing from the built site"
    assert f.stat().st_size > 0, f"{path} is empty"


@pytest.mark.parametrize("path", ["data/timeline.json", "data/stories.json", "data/claims.json"])
def test_data_exports_parse(site_dir, path):
    json.loads((site_dir / path).read_text(encoding="utf-8"))


def test_every_story_and_claim_has_its_page(site_dir, stories, claims):
    assert stories, "data/stories.json lists no story"
    assert claims, "data/claims.json lists no claim"
    missing = [r["path"] for r in stories + claims if not (site_dir / r["path"]).is_file()]
    assert not missing, f"pages named in data/*.json but not built: {missing[:10]}"


def test_speaker_pages_exist(site_dir, claims):
    ids = sorted({c["speaker"]["id"] for c in claims if c.get("speaker")})
    assert ids
    from newsgen import urls

    missing = [urls.speaker(i) for i in ids if not (site_dir / urls.speaker(i)).is_file()]
    assert not missing, f"speakers with claims but no page: {missing}"


def test_internal_links_resolve(site_dir, base_path):
    site = Site(site_dir, base_path)
    assert len(site.pages()) > 10, f"only {len(site.pages())} pages built"
    broken = site.broken_links()
    assert not broken, f"{len(broken)} broken link(s):\n  " + "\n  ".join(map(str, broken[:40]))


def test_every_page_header_links_every_section(site_dir, base_path):
    problems = Site(site_dir, base_path).nav_problems()
    assert not problems, "\n".join(problems[:40])


def _local_name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def test_feed_is_rss_or_atom_with_entries(site_dir, stories):
    root = ET.parse(site_dir / "feed.xml").getroot()
    kind = _local_name(root.tag)
    assert kind in ("rss", "feed"), f"feed.xml root is <{kind}>, not RSS or Atom"
    entries = [e for e in root.iter() if _local_name(e.tag) in ("item", "entry")]
    assert entries, "feed.xml has no item/entry"


def test_sitemap_lists_every_page(site_dir):
    root = ET.parse(site_dir / "sitemap.xml").getroot()
    assert _local_name(root.tag) == "urlset"
    locs = [e.text.strip() for e in root.iter() if _local_name(e.tag) == "loc" and e.text]
    assert locs, "sitemap.xml lists no <loc>"
    pages = set(Site(site_dir).pages()) - {"404.html"}

    def page_of(loc: str) -> str | None:
        # Absolute when site.url is set, site-relative otherwise: either way it ends in a page.
        path = urlsplit(loc).path
        if path in pages:
            return path
        ends = [p for p in pages if path.endswith("/" + p)]
        return max(ends, key=len) if ends else None

    unmatched = [u for u in locs if page_of(u) is None]
    assert not unmatched, f"sitemap <loc>s that match no built page: {unmatched[:10]}"
    listed = {page_of(u) for u in locs}
    missing = sorted(pages - listed)
    assert not missing, f"pages the sitemap leaves out: {missing[:10]}"


def test_robots_txt_is_a_robots_file(site_dir):
    text = (site_dir / "robots.txt").read_text(encoding="utf-8")
    assert "user-agent:" in text.lower(), "robots.txt has no User-agent line"

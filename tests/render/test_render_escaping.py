"""Text from articles is escaped everywhere; embedded JSON cannot break out."""
from __future__ import annotations

import json
import re

from htmlscan import scan

from render_fixture import HOSTILE


def test_hostile_text_is_escaped_on_every_page(html):
    for path, page in html.items():
        assert HOSTILE not in page, path
        assert "<script>alert" not in page, path
        # an attribute value cannot be closed by article text
        assert not re.search(r'\sonerror=', page), path
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html["stories/001-planet.html"]
    assert "&#34;onerror=alert(2) x=&#34;" in html["speakers/evil.html"]


def test_json_ld_parses_on_story_and_claim_pages(html):
    story = [json.loads(t) for a, t in scan(html["stories/002-gazette.html"]).scripts if a.get("type") == "application/ld+json"]
    assert story[0]["@type"] == "NewsArticle"
    assert story[0]["headline"] == f"Gazette report {HOSTILE}"  # the escapes read back as the text
    assert story[0]["datePublished"] == "2024-10-23"
    assert "</script" not in html["stories/002-gazette.html"].split("application/ld+json")[1].split("</script>")[0]
    claim = [json.loads(t) for a, t in scan(html["claims/c1.html"]).scripts if a.get("type") == "application/ld+json"][0]
    assert claim["@type"] == "Claim"
    assert claim["author"]["name"] == "John Kirby"
    assert claim["datePublished"] == "2024-10-21"
    assert {a["url"] for a in claim["appearance"] if "url" in a} == {"https://planet.example/troops"}
    assert len(claim["appearance"]) == 2


def test_search_index_is_a_script_assigning_a_global(site):
    text = site["static/search-index.js"].decode()
    m = re.fullmatch(r"window\.NEWSGEN_SEARCH = (.*);\n", text, re.S)
    assert m
    data = json.loads(m.group(1))
    assert {d["kind"] for d in data} == {"claim", "speaker", "story"}
    assert "<" not in m.group(1)  # cannot close a script element
    assert {"url", "title", "detail", "words"} <= set(data[0])

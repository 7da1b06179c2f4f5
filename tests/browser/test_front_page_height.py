"""The front page fits (issue 20): built from the seeds and the two development corpora
in one folder, it is at most 5,000 px high at 1280 px wide and 9,000 px at 390 px."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT, require
from newsgen.build import build

CORPORA = [ROOT / "seeds", Path("/work/shared/dev/articles"), Path("/work/shared/dev2/articles")]
LIMITS = {1280: 5000, 390: 9000}


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory) -> Path:
    require(all(p.is_dir() for p in CORPORA), "the development corpora are not on this machine")
    articles = tmp_path_factory.mktemp("corpus") / "articles"
    articles.mkdir()
    for folder in CORPORA:
        for f in folder.iterdir():
            if f.is_file():
                shutil.copy(f, articles / f.name)
    out = tmp_path_factory.mktemp("corpus-site")
    build(seeds_dir=articles, content_dir=ROOT / "content", out_dir=out)
    return out


@pytest.mark.parametrize("width", sorted(LIMITS))
def test_front_page_height(corpus_site, open_page, width, artifacts):
    page, _ = open_page((corpus_site / "index.html").as_uri(), js=False, viewport={"width": width, "height": 900})
    height = page.evaluate("document.documentElement.scrollHeight")
    page.screenshot(path=str(artifacts / f"front-{width}.png"), full_page=True)
    assert height <= LIMITS[width], f"{height} px at {width} px wide"
    # what is known comes first, and the newest day is the one open
    assert page.locator("#what-we-know-h").count() == 1
    days = page.locator("details.day-fold")
    assert days.count() > 1 and page.locator("details.day-fold[open]").count() == 1


def test_corpus_differences_sit_side_by_side_with_two_bodies(corpus_site, open_page):
    import json
    pairs = json.loads((corpus_site / "data" / "differences.json").read_text(encoding="utf-8"))["differences"]
    claims = {c["id"]: c for c in json.loads((corpus_site / "data" / "claims.json").read_text(encoding="utf-8"))["claims"]}
    assert 0 < len(pairs) <= 6
    for d in pairs:
        a, b = (claims[i] for i in d["claims"])
        assert a["speaker"]["id"] != b["speaker"]["id"]
    page, _ = open_page((corpus_site / "differ.html").as_uri(), js=False)
    sides = page.locator("section.differ").first.locator("article.differ-side")
    assert sides.count() == 2
    one, two = sides.nth(0).bounding_box(), sides.nth(1).bounding_box()
    assert abs(one["y"] - two["y"]) < 2 and two["x"] > one["x"] + one["width"] - 1

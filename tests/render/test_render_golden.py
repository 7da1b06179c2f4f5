"""Golden files: the rendered fixture pages, byte for byte.

A change to templates or render code that alters these pages fails here until the
new output is looked at and accepted. To accept it, refresh the files with

    NEWSGEN_UPDATE_GOLDEN=1 .venv/bin/pytest tests/render

(or `make golden`), read the diff of tests/render/golden/, and commit it with the change.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden"
PAGES = ["index.html", "stories/001-planet.html", "claims/c1.html", "figures/troops.html", "feed.xml"]


@pytest.mark.parametrize("page", PAGES)
def test_page_matches_golden(site, page):
    golden = GOLDEN / page.replace("/", "__")
    if os.environ.get("NEWSGEN_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(site[page])
    assert golden.exists(), f"no golden file for {page}: run with NEWSGEN_UPDATE_GOLDEN=1"
    assert site[page].decode("utf-8") == golden.read_text(encoding="utf-8"), (
        f"{page} differs from {golden}; if the change is intended, refresh with NEWSGEN_UPDATE_GOLDEN=1")

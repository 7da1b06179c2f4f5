"""A claim the editor checked says so on its page, with the day and what was changed."""
from __future__ import annotations

import shutil

import pytest
from playwright.sync_api import expect

from newsgen import urls
from newsgen.build import build

from conftest import ROOT
from dom_contract import file_url

pytestmark = pytest.mark.browser


def test_claim_page_says_checked_by_the_editor(claims, open_page, tmp_path):
    target = next(c for c in claims if c["speaker"] and c["speaker"]["id"] != "vladimir-putin" and c["reports"])
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    (content / "corrections.yaml").write_text(
        f"corrections:\n  - claim: {target['id']}\n    speaker: vladimir-putin\n"
        "    checked_by: A. Editor\n    checked_on: 2026-12-01\n", encoding="utf-8")
    out = tmp_path / "site"
    build(ROOT / "seeds", content, out, strict=True)
    page, watch = open_page(file_url(out, urls.claim(target["id"])))
    review = page.locator("dd.review")
    expect(review).to_contain_text("checked by the editor")
    expect(review.locator("time")).to_have_attribute("datetime", "2026-12-01")
    expect(review).to_contain_text(f"speaker corrected from {target['speaker']['name']}")
    expect(page.locator("dl.facts")).to_contain_text("Vladimir Putin")
    watch.assert_clean()

"""The home page (the timeline) opened the three ways people open it."""
from __future__ import annotations

import pytest

from dom_contract import claim_dom_id, file_url, read_claims

pytestmark = pytest.mark.browser


def placed_on(claim: dict) -> str | None:
    """The day a claim stands under: the export's placed_on (an addition to the
    contract: e.g. the report's publication day when the statement's own day is
    not stated), else said_on."""
    return claim["placed_on"] if "placed_on" in claim else claim["said_on"]


def check_timeline(page, claims: list[dict]) -> None:
    shown = read_claims(page)
    assert shown, "the home page shows no article.claim"
    by_dom_id = {claim_dom_id(c["id"]): c for c in claims}
    unknown = [c["id"] for c in shown if c["id"] not in by_dom_id]
    assert not unknown, f"claims on the page that data/claims.json does not have: {unknown[:5]}"
    assert {c["id"] for c in shown} == set(by_dom_id), "the timeline must show every claim of data/claims.json once"
    assert len(shown) == len(claims), "a claim appears twice on the timeline"
    assert all(c["visible"] for c in shown), "claims hidden before any filter is chosen"

    # Grouped by day: the heading a claim sits under stands for one day only,
    # each day has one heading, and days run in one direction.
    groups: list[tuple[str, set]] = []
    for c in shown:
        assert c["heading"] is not None, f"claim {c['id']} has no day heading before it"
        key = c["heading"]["datetime"] or c["heading"]["text"]
        day = placed_on(by_dom_id[c["id"]])
        if not groups or groups[-1][0] != key:
            groups.append((key, set()))
        groups[-1][1].add(day)
    mixed = [(k, sorted(d or "not stated" for d in days)) for k, days in groups if len(days) > 1]
    assert not mixed, f"day headings over claims of different days: {mixed[:3]}"
    keys = [k for k, _ in groups]
    assert len(keys) == len(set(keys)), "the same day heading appears twice: claims of one day are not grouped"
    days = [next(iter(d)) for _, d in groups]
    dated = [d for d in days if d]
    assert dated == sorted(dated) or dated == sorted(dated, reverse=True), f"days out of order: {dated}"
    for key, d in groups:
        day = next(iter(d))
        if day:
            year, month, dom = day.split("-")
            assert key == day or (year in key and str(int(dom)) in key), f"heading {key!r} does not name the day {day}"


def test_home_from_file(open_page, site_dir, claims):
    page, watch = open_page(file_url(site_dir, "index.html"))
    assert page.title().strip(), "the home page has no <title>"
    check_timeline(page, claims)
    watch.assert_clean()


def test_home_under_project_path(open_page, server, claims):
    page, watch = open_page(server.url())
    check_timeline(page, claims)
    # Every stylesheet and script came from under /repo/, not the host's root.
    assert not server.outside, f"requests outside the project path /repo/: {server.outside}"
    sheets = page.evaluate("() => [...document.styleSheets].map(s => s.href).filter(Boolean)")
    assert sheets, "the home page loads no stylesheet"
    assert all(h.startswith(server.base) for h in sheets), sheets
    watch.assert_clean()


def test_404_under_a_nested_path_is_styled(open_page, server):
    """GitHub Pages serves 404.html at whatever depth the missing address had."""
    url = server.url("stories/no-such-story.html")
    page, watch = open_page(url, expect_status=404)
    assert page.locator("h1").count() >= 1, "the 404 page has no heading"
    styled = page.evaluate("() => [...document.styleSheets].some(s => { try { return s.cssRules.length > 0 } catch (e) { return true } })")
    assert styled, "the 404 page loaded no stylesheet when served at a nested path"
    home = page.locator("header nav a", has_text="Timeline")
    assert home.count() >= 1, "the 404 page has no way back to the timeline"
    watch.assert_clean()

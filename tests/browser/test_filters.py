"""Filtering the timeline: with JavaScript (select, count, hash, reload) and without."""
from __future__ import annotations

import re
from urllib.parse import unquote

import pytest
from playwright.sync_api import expect

from newsgen import urls

from dom_contract import file_url, read_claims, visible_claims

pytestmark = pytest.mark.browser


def count_shown(page) -> int:
    """The number #filter-count states (the first integer in its text)."""
    text = page.locator("#filter-count").inner_text()
    m = re.search(r"\d+", text.replace(",", ""))
    assert m, f"#filter-count says no number: {text!r}"
    return int(m.group())


def choose(page, name: str, value: str) -> None:
    select = page.locator(f"#filters select[name={name}]")
    assert select.count() == 1, f"#filters has no <select name={name}>"
    options = select.locator("option").evaluate_all("os => os.map(o => o.value)")
    assert value in options, f"<select name={name}> has no option {value!r} (has {options[:12]})"
    select.select_option(value)


def check_only_speaker(page, speaker_id: str, expected: int) -> None:
    shown = visible_claims(page)
    others = [c["id"] for c in shown if c["speaker"] != speaker_id]
    assert not others, f"claims of other speakers still shown: {others[:5]}"
    assert len(shown) == expected, f"{len(shown)} claims shown for {speaker_id}, data/claims.json has {expected}"
    assert count_shown(page) == expected, f"#filter-count says {page.locator('#filter-count').inner_text()!r}, {expected} shown"


@pytest.mark.parametrize("where", ["http", "file"])
def test_filter_by_speaker(open_page, server, site_dir, claims, top_speaker, where):
    url = server.url() if where == "http" else file_url(site_dir, "index.html")
    page, watch = open_page(url)
    total = len(read_claims(page))
    assert count_shown(page) == total, "#filter-count does not state all claims before filtering"

    sid, n = top_speaker["id"], top_speaker["claims"]
    assert n < total, "the test needs a speaker with fewer claims than the whole timeline"
    choose(page, "speaker", sid)
    page.wait_for_function("n => document.querySelector('#filter-count').textContent.includes(String(n))", arg=n)
    check_only_speaker(page, sid, n)

    hash_ = unquote(page.evaluate("location.hash"))
    assert sid in hash_, f"the URL hash {hash_!r} does not carry the speaker filter"
    filtered_url = page.url

    page.reload(wait_until="load")
    assert page.locator("#filters select[name=speaker]").input_value() == sid, "reload lost the chosen speaker"
    check_only_speaker(page, sid, n)

    # The URL alone, in a fresh tab (a bookmark or a shared link), applies it too.
    fresh, fresh_watch = open_page(filtered_url)
    check_only_speaker(fresh, sid, n)

    # Back to everyone.
    choose(page, "speaker", page.locator("#filters select[name=speaker] option").first.get_attribute("value") or "")
    assert len(visible_claims(page)) == total, "choosing the first (all) option does not show every claim again"
    assert count_shown(page) == total
    watch.assert_clean()
    fresh_watch.assert_clean()


def test_filter_hedged_and_topic_combine(open_page, server, claims):
    page, watch = open_page(server.url())
    hedged = [c for c in claims if c["hedged"]]
    assert hedged, "no hedged claim in data/claims.json to filter on"
    # The contract fixes the <select name>, not its option values: take the one meaning "hedged".
    values = page.locator("#filters select[name=hedged] option").evaluate_all("os => os.map(o => o.value)")
    hedged_value = next((v for v in values if v.lower() in ("true", "hedged", "yes", "1")), None)
    assert hedged_value, f"the stance filter has no option for hedged claims: {values}"
    choose(page, "hedged", hedged_value)
    shown = visible_claims(page)
    assert shown and all(c["hedged"] == "true" for c in shown), "hedged=true shows unhedged claims"
    assert len(shown) == len(hedged) == count_shown(page)

    topics: dict[str, int] = {}
    for c in hedged:
        for t in c["topics"]:
            topics[t] = topics.get(t, 0) + 1
    if topics:
        topic = min(topics, key=lambda t: (-topics[t], t))
        choose(page, "topic", topic)
        shown = visible_claims(page)
        assert all(c["hedged"] == "true" and topic in (c["topics"] or "").split() for c in shown), "topic and hedged filters do not combine"
        assert len(shown) == topics[topic] == count_shown(page)
        assert topic in unquote(page.evaluate("location.hash"))
    watch.assert_clean()


def test_filter_by_outlet(open_page, server, claims, stories):
    outlet_of = {s["id"]: s["outlet"] for s in stories}
    page, watch = open_page(server.url())
    options = page.locator("#filters select[name=outlet] option").evaluate_all("os => os.map(o => o.value).filter(Boolean)")
    assert options, "the outlet filter lists no outlet"
    value = options[0]
    choose(page, "outlet", value)
    shown = visible_claims(page)
    assert shown, f"outlet {value!r} shows no claim"
    assert all(value in (c["outlets"] or "").split() for c in shown), "claims of other outlets still shown"
    assert count_shown(page) == len(shown)
    # Every claim that has a report from that outlet is kept.
    on_page = read_claims(page)
    expected = [c for c in on_page if value in (c["outlets"] or "").split()]
    assert len(shown) == len(expected)
    assert any(outlet_of.get(r["story"]) for c in claims for r in c["reports"]), "stories carry no outlet"
    watch.assert_clean()


def test_without_javascript_everything_shows_and_filters_are_links(open_page, server, claims, top_speaker):
    page, watch = open_page(server.url(), js=False)
    shown = visible_claims(page)
    assert len(shown) == len(claims), f"without JavaScript {len(shown)} of {len(claims)} claims are shown"
    assert not page.locator("#filters").is_visible(), "without JavaScript the filter form shows but cannot work"
    target = urls.speaker(top_speaker["id"])
    # The speaker list, not only the byline of each claim: a link outside every claim,
    # reachable by a click (it may sit in a closed <details>).
    outside = page.locator(f'a[href$="{target}"]:not(article.claim a)')
    assert outside.count() >= 1, f"without JavaScript no link to {target} outside the claims (the filter lists)"
    link = outside.first
    if not link.is_visible():
        summary = page.locator("details", has=link).locator("summary").first
        assert summary.count() == 1, f"the link to {target} is hidden and not in a <details> a reader can open"
        summary.click()
    expect(link).to_be_visible()
    with page.expect_navigation():
        link.click()
    assert page.url.endswith(target)
    assert top_speaker["name"] in page.locator("h1").inner_text()
    watch.assert_clean()

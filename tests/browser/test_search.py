"""The search page finds a speaker from part of the name, on a server and from file://."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from newsgen import urls

from dom_contract import file_url

pytestmark = pytest.mark.browser


def name_part(name: str) -> str:
    """The longest word of a name, cut to its first 5 letters: a partial query."""
    words = sorted((w.strip(".,'\"()") for w in name.split()), key=lambda w: (-len(w), w))
    word = words[0]
    return word[:5] if len(word) > 5 else word


def search(page, query: str):
    box = page.locator("#search")
    expect(box).to_be_visible()
    box.fill("")
    box.press_sequentially(query, delay=20)
    return page.locator("ol#search-results a")


@pytest.mark.parametrize("where", ["http", "file"])
def test_search_finds_speaker_by_part_of_name(open_page, server, site_dir, top_speaker, where):
    url = server.url("search.html") if where == "http" else file_url(site_dir, "search.html")
    page, watch = open_page(url)
    query = name_part(top_speaker["name"])
    search(page, query)
    target = urls.speaker(top_speaker["id"])
    hit = page.locator(f'ol#search-results a[href$="{target}"]')
    expect(hit.first).to_be_visible()
    # Results are real links that lead to the page.
    with page.expect_navigation():
        hit.first.click()
    assert page.url.split("#")[0].endswith(target), page.url
    assert top_speaker["name"].split()[-1] in page.locator("h1").inner_text()
    watch.assert_clean()


def test_search_with_no_match_lists_nothing(open_page, server, top_speaker):
    page, watch = open_page(server.url("search.html"))
    results = search(page, name_part(top_speaker["name"]))
    expect(results.first).to_be_visible()
    results = search(page, "qxzjvw")
    expect(results).to_have_count(0)
    watch.assert_clean()


def test_search_query_in_url_is_applied(open_page, server, top_speaker):
    """search.html?q=… (what a form submit or a shared link gives) shows results at once."""
    query = name_part(top_speaker["name"])
    page, watch = open_page(server.url(f"search.html?q={query}"))
    expect(page.locator("#search")).to_have_value(query)
    expect(page.locator(f'ol#search-results a[href$="{urls.speaker(top_speaker["id"])}"]').first).to_be_visible()
    watch.assert_clean()

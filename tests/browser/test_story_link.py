"""From a claim on the timeline to the sentence it stands on in the story."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from newsgen import urls

from dom_contract import PHONE, claim_dom_id, file_url

pytestmark = pytest.mark.browser

# The first non-transparent background going up from an element: what a reader sees behind it.
EFFECTIVE_BG = """
el => {
  for (let e = el; e; e = e.parentElement) {
    const bg = getComputedStyle(e).backgroundColor;
    if (bg && bg !== 'transparent' && !/rgba\\(.*,\\s*0\\)$/.test(bg)) return bg;
  }
  return 'page-default';
}
"""


def deepest_claim(claims: list[dict]) -> dict:
    """The claim whose first report sits furthest into its story: its mark needs a scroll."""
    with_reports = [c for c in claims if c["reports"]]
    assert with_reports, "no claim in data/claims.json has a report"
    return max(with_reports, key=lambda c: (c["reports"][0].get("paragraph") or 0, c["id"]))


def follow(page, claim: dict):
    story = claim["reports"][0]["story"]
    href_part = f"{urls.story(story)}#claim-{claim['id']}"
    article = page.locator(f'article.claim[id="{claim_dom_id(claim["id"])}"]')
    expect(article).to_have_count(1)
    link = article.locator(f'a[href$="{href_part}"]')
    assert link.count() >= 1, (
        f"claim {claim['id']} on the timeline has no link to {href_part}; its links: "
        + repr(article.locator("a").evaluate_all("as => as.map(a => a.getAttribute('href'))"))
    )
    link.first.scroll_into_view_if_needed()
    with page.expect_navigation():
        link.first.click()
    assert page.url.endswith(f"#claim-{claim['id']}"), page.url


def check_target_mark(page, claim: dict) -> None:
    mark = page.locator("mark.claim-mark:target")
    expect(mark).to_have_count(1)
    assert mark.get_attribute("id") == f"claim-{claim['id']}"
    expect(mark).to_be_visible()
    expect(mark).to_be_in_viewport()
    mark_bg = mark.evaluate(EFFECTIVE_BG)
    text_bg = mark.evaluate(f"m => ({EFFECTIVE_BG})(m.parentElement.closest(':not(mark)'))")
    assert mark_bg != text_bg, f"the target claim's background ({mark_bg}) is the same as the text around it ({text_bg})"
    # Other claims' sentences are marked too: the one followed must stand out from them.
    others = page.locator("mark.claim-mark:not(:target)")
    if others.count():
        other_bg = others.first.evaluate(EFFECTIVE_BG)
        assert mark_bg != other_bg, f"the target claim looks like every other marked claim ({mark_bg})"
    # The sentence is the report's, so the reader lands on the right words.
    sentence = " ".join(claim["reports"][0]["sentence"].split())
    shown = " ".join(mark.inner_text().split())
    assert shown and (shown in sentence or sentence in shown or shown[:40] == sentence[:40]), (
        f"the highlighted text {shown[:80]!r} is not the report's sentence {sentence[:80]!r}"
    )


def test_claim_link_lands_on_highlighted_sentence(open_page, server, claims):
    claim = deepest_claim(claims)
    page, watch = open_page(server.url())
    follow(page, claim)
    check_target_mark(page, claim)
    watch.assert_clean()


def test_claim_link_from_file(open_page, site_dir, claims):
    claim = deepest_claim(claims)
    page, watch = open_page(file_url(site_dir, "index.html"))
    follow(page, claim)
    check_target_mark(page, claim)
    watch.assert_clean()


def test_claim_link_on_a_phone(open_page, server, claims):
    claim = deepest_claim(claims)
    page, watch = open_page(server.url(), viewport=PHONE)
    follow(page, claim)
    check_target_mark(page, claim)
    watch.assert_clean()

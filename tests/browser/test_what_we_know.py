"""The "What we know" page: a readable track per question, links to the claims, no script needed."""
from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from dom_contract import PHONE
from newsgen import urls

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def questions(site_dir) -> list[dict]:
    return json.loads((site_dir / "data" / "questions.json").read_text(encoding="utf-8"))["questions"]


def test_every_question_has_a_visible_track_whose_steps_open_their_claims(open_page, server, questions):
    assert questions, "the seeds' build tracks no question"
    page, watch = open_page(server.url(urls.QUESTIONS), js=False)  # nothing on this page needs a script
    for q in questions:
        section = page.locator(f"section#q-{urls.slug(q['id'])}")
        expect(section).to_have_count(1)
        expect(section.locator("h2")).to_have_text(q["question"])
        if q["status"]:
            expect(section.locator(".question-status strong")).to_have_text(q["status"], ignore_case=True)
        if not q["steps"]:
            continue
        track = section.locator("svg.track")
        expect(track).to_be_visible()
        box = track.bounding_box()
        assert box and box["width"] >= 150 and box["height"] >= 40, f"{q['id']}: the track is {box}"
        links = track.locator("a.track-step")
        assert links.count() == len(q["steps"]), f"{q['id']}: {links.count()} dots for {len(q['steps'])} steps"
        hrefs = links.evaluate_all("as => as.map(a => a.href.baseVal !== undefined ? new URL(a.href.baseVal, location.href).href : a.href)")
        assert hrefs == [server.url(urls.claim(s["claim"])) for s in q["steps"]], f"{q['id']}: dots link {hrefs}"
        # Every dot has a name a screen reader announces (its <title>).
        names = links.evaluate_all("as => as.map(a => a.getAttribute('aria-label') || '')")
        assert all(s["status"] in n for s, n in zip(q["steps"], names)), names
        # The same steps as a list with links, for whoever cannot use the drawing.
        items = section.locator("ol.track-steps > li")
        assert items.count() == len(q["steps"])
    watch.assert_clean()


def test_a_step_leads_to_its_claim_page(open_page, server, questions, claims):
    step = next((s for q in questions for s in q["steps"]), None)
    if step is None:
        pytest.skip("no question has a step in this build")
    page, watch = open_page(server.url(urls.QUESTIONS))
    page.locator(f"ol.track-steps a[href$='{urls.claim(step['claim']).split('/')[-1]}']").first.click()
    page.wait_for_load_state()
    assert page.url == server.url(urls.claim(step["claim"]))
    claim = next(c for c in claims if c["id"] == step["claim"])
    expect(page.locator(".independence-line")).to_contain_text(f"{claim['independent_reports']} independent")
    watch.assert_clean()


def test_front_page_summary_and_phone_width(open_page, server, questions):
    page, watch = open_page(server.url("index.html"), viewport=PHONE)
    summary = page.locator("section.questions-summary")
    expect(summary).to_be_visible()
    expect(summary.locator(".question-summary")).to_have_count(len(questions))
    first = summary.locator(".question-summary > a").first
    assert first.get_attribute("href").startswith(urls.QUESTIONS + "#q-")
    # The page does not scroll sideways on a phone because of a track.
    page.goto(server.url(urls.QUESTIONS))
    wide = page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth + 1")
    assert not wide, "questions.html scrolls sideways at phone width"
    watch.assert_clean()

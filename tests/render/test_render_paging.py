"""A long list of days is spread over numbered pages: every claim on exactly one of
them, whole days, each page linked from the others, and every link into them (the
time axis, the day list, a claim's way back to the timeline) reaching its page."""
from __future__ import annotations

import re

import pytest
from htmlscan import resolve, scan

from newsgen.render import pages as page_list
from newsgen.render import render_site
from render_fixture import TEMPLATES
from test_render_links import check_links

LIMIT = 2


@pytest.fixture(scope="module")
def paged(timeline, config) -> dict[str, bytes]:
    mp = pytest.MonkeyPatch()
    mp.setattr(page_list, "PAGE_CLAIMS", LIMIT)
    try:
        return {o.path: o.data for o in render_site(timeline, config, TEMPLATES)}
    finally:
        mp.undo()


def _home_pages(files: dict[str, bytes]) -> list[str]:
    """The home pages, oldest first, as the landing page's numbered list orders them."""
    nav = re.search(r'<nav class="pager".*?</nav>', files["index.html"].decode(), re.S)
    if nav is None:
        return ["index.html"]
    items = re.findall(r'<li>(?:<span aria-current="page">|<a href="([^"]+)">)', nav.group())
    return [href or "index.html" for href in items]


def _claim_ids(html: str) -> list[str]:
    return [a["id"] for a in scan(html).find("article") if "claim" in (a.get("class") or "").split() and a.get("id")]


def test_every_claim_is_on_exactly_one_home_page_of_whole_days(paged, site, timeline):
    home = _home_pages(paged)
    assert len(home) > 1, "the fixture has more claims than one page holds"
    on = [_claim_ids(paged[p].decode()) for p in home]
    assert sorted(i for ids in on for i in ids) == sorted(_claim_ids(site["index.html"].decode()))
    days = [re.findall(r'<section class="day" id="([^"]+)"', paged[p].decode()) for p in home]
    flat = [d for ds in days for d in ds]
    assert len(flat) == len(set(flat)), "a day is never split over two pages"
    assert flat == re.findall(r'<section class="day" id="([^"]+)"', site["index.html"].decode()), "in the same order"
    for p, ids, ds in zip(home, on, days):
        assert len(ids) <= LIMIT or len(ds) == 1, (p, ids)


def test_numbered_pages_link_each_other_and_every_link_into_them_resolves(paged):
    assert check_links(paged) == []
    home = _home_pages(paged)
    for k, p in enumerate(home):
        text = paged[p].decode()
        assert f"Page {k + 1} of {len(home)}" in text
        assert text.count('<nav class="pager" aria-label="Pages of this list">') == 1, p
        assert ('rel="prev"' in text) == (k > 0) and ('rel="next"' in text) == (k < len(home) - 1)
        assert 'aria-current="page"' in text
    # The axis is on the latest page only (the one at index.html); its bars reach days
    # on the others too.
    assert home[-1] == "index.html" and all(p.startswith("index--") for p in home[:-1])
    landing = paged["index.html"].decode()
    assert 'class="axis-day" href="index--' in landing
    assert 'class="axis-day"' not in paged[home[0]].decode()


def test_a_claim_page_leads_back_to_the_home_page_that_holds_it(paged):
    home = _home_pages(paged)
    held = {i: p for p in home for i in _claim_ids(paged[p].decode())}
    assert any(p != "index.html" for p in held.values())
    checked = 0
    for path, data in paged.items():
        m = re.search(r'<a href="([^"]+)">Claim on the timeline</a>', data.decode()) if path.startswith("claims/") else None
        if m:
            target, frag = resolve(path, m.group(1))
            assert held.get(frag) == target, (path, m.group(1))
            checked += 1
    assert checked == len(held)


def test_a_short_list_stays_one_page_without_a_pager(site):
    assert not any("--" in p for p in site)
    assert 'class="pager' not in site["index.html"].decode()


def test_days_go_in_months_then_weeks_then_days_and_a_large_day_stands_alone():
    import datetime as dt

    from newsgen.render.site import DayGroup

    def day(m: int, d: int, claims: int) -> DayGroup:
        return DayGroup(dt.date(2024, m, d), tuple(object() for _ in range(claims)), ())  # type: ignore[arg-type]

    days = (day(9, 30, 2),                                   # September: 2 claims, one page
            day(10, 1, 1), day(10, 2, 1), day(10, 14, 5),   # October: 7, over the limit of 3
            day(11, 4, 1), day(11, 5, 1),                     # November: 2
            DayGroup(None, (object(),), ()))                  # undated, last
    found = page_list.periods(days, 3)
    assert [(key, [g.date.day if g.date else None for g in gs]) for key, _, gs in found] == [
        ("2024-09", [30]),
        ("2024-10-w40", [1, 2]),          # October's first week fits
        ("d-2024-10-14", [14]),           # its 14th, five claims, is a page of its own
        ("2024-11", [4, 5]),
        ("undated", [None])]
    assert [label for _, label, _ in found] == ["September 2024", "1 Oct 2024 to 2 Oct 2024", "14 Oct 2024",
                                                "November 2024", "Undated"]
    assert page_list.period_path("speakers/kim.html", "2024-10") == "speakers/kim--2024-10.html"


def test_an_earlier_period_of_a_speaker_shows_its_claims_and_leads_to_the_latest(paged):
    earlier = [p for p in paged if re.fullmatch(r"(speakers|outlets|topics)/[^/]+--[^/]+\.html", p)]
    assert earlier, "the fixture's lists run over several pages"
    for path in earlier:
        text = paged[path].decode()
        latest = path.split("--")[0] + ".html"
        back = re.search(r'<a href="([^"]+)">Latest claims and facts</a>', text)
        assert back and resolve(path, back.group(1))[0] == latest, path
        assert "<dl class=\"facts\">" not in text and _claim_ids(text), path
        assert "<dl class=\"facts\">" in paged[latest].decode() or not path.startswith("speakers/")

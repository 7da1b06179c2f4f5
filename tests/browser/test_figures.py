"""Figure pages: a chart a person can see and the same numbers as a table."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from dom_contract import DESKTOP, PHONE, file_url

pytestmark = pytest.mark.browser

# Data points of a chart: marked elements, else bare circles; one per value.
COUNT_POINTS = """
chart => {
  const marked = [...chart.querySelectorAll('.chart-point, .point, [data-value]')]
    .filter(el => !el.parentElement.closest('.chart-point, .point, [data-value]'));
  return marked.length || chart.querySelectorAll('circle').length;
}
"""
# Table rows whose first cell carries a date (undated values cannot be placed on a time axis).
DATED_ROWS = "table.series-data tbody tr:has(> :first-child time[datetime])"


def figure_pages(site_dir) -> list[str]:
    pages = sorted(p.relative_to(site_dir).as_posix() for p in (site_dir / "figures").glob("*.html"))
    return [p for p in pages if p != "figures/index.html"]


def test_figures_index_links_every_figure(open_page, server, site_dir):
    pages = figure_pages(site_dir)
    assert pages, "no figure page was built (figures/*.html)"
    page, watch = open_page(server.url("figures/index.html"))
    hrefs = page.locator("main a").evaluate_all("as => as.map(a => a.href)")
    missing = [p for p in pages if server.url(p) not in hrefs]
    assert not missing, f"figures/index.html does not link {missing}"
    watch.assert_clean()


def test_every_figure_page_has_chart_and_table(open_page, server, site_dir):
    pages = figure_pages(site_dir)
    assert pages, "no figure page was built (figures/*.html)"
    drawn = 0
    for p in pages:
        page, watch = open_page(server.url(p))
        chart = page.locator("svg.chart")
        expect(chart).to_have_count(1)
        expect(chart).to_be_visible()
        box = chart.bounding_box()
        assert box and box["width"] >= 200 and box["height"] >= 100, f"{p}: the chart is {box}"
        rows = page.locator("table.series-data tbody tr")
        assert rows.count() >= 1, f"{p}: table.series-data has no row"
        points = chart.evaluate(COUNT_POINTS)
        dated = page.locator(DATED_ROWS).count()
        assert points == dated, f"{p}: the chart draws {points} point(s), the table has {dated} dated value(s)"
        drawn += points
        beneath = page.evaluate(
            "() => !!(document.querySelector('svg.chart').compareDocumentPosition(document.querySelector('table.series-data')) & Node.DOCUMENT_POSITION_FOLLOWING)"
        )
        assert beneath, f"{p}: the table is not after the chart"
        # The chart has a text alternative for people who cannot see it.
        label = chart.evaluate(
            "s => s.getAttribute('aria-label') || s.getAttribute('aria-labelledby') || (s.querySelector('title') || {}).textContent || ''"
        )
        assert label.strip(), f"{p}: svg.chart has no title/aria-label"
        watch.assert_clean()
    assert drawn >= 1, "no figure page draws a single data point"


def test_chart_point_leads_to_its_claim(open_page, server, site_dir):
    """A point is a link to the claim the value comes from (where the chart makes it one)."""
    for p in figure_pages(site_dir):
        page, watch = open_page(server.url(p))
        link = page.locator("svg.chart a[href]").first
        if link.count() == 0:
            continue
        href = link.get_attribute("href")
        with page.expect_navigation():
            link.click()
        assert "/claims/" in page.url, f"{p}: the point links {href}, not a claim page"
        watch.assert_clean()
        return
    pytest.skip("no chart point is a link")


def test_figure_page_from_file(open_page, site_dir):
    pages = figure_pages(site_dir)
    assert pages
    page, watch = open_page(file_url(site_dir, pages[0]))
    expect(page.locator("svg.chart")).to_be_visible()
    assert page.locator("table.series-data tbody tr").count() >= 1
    watch.assert_clean()


# Text of a chart cut off by the chart's own box (an inline <svg> clips its overflow)
# or, with `ancestors`, by a scrolling/clipping box around it.
CLIPPED_TEXT = """
([chart, ancestors]) => {
  const box = chart.getBoundingClientRect();
  let l = box.left, r = box.right, t = box.top, b = box.bottom;
  for (let p = chart.parentElement; ancestors && p; p = p.parentElement) {
    if (getComputedStyle(p).overflowX !== 'visible') {
      const q = p.getBoundingClientRect();
      l = Math.max(l, q.left); r = Math.min(r, q.right); t = Math.max(t, q.top); b = Math.min(b, q.bottom);
    }
  }
  return [...chart.querySelectorAll('text')].filter(x => x.textContent.trim()).map(x => {
    const q = x.getBoundingClientRect();
    return {text: x.textContent.trim(), cut: Math.round(Math.max(l - q.left, q.right - r, t - q.top, q.bottom - b))};
  }).filter(x => x.cut > 1);
}
"""


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_chart_labels_are_not_cut_off(open_page, server, site_dir, size):
    """At desktop width all of a chart shows; on a phone a chart may scroll
    sideways in its box (legible text needs the width), but the SVG itself must
    not clip its own labels."""
    viewport = DESKTOP if size == "desktop" else PHONE
    cut = {}
    for p in figure_pages(site_dir):
        page, watch = open_page(server.url(p), viewport=viewport)
        chart = page.locator("svg.chart")
        clipped = page.evaluate(CLIPPED_TEXT, [chart.element_handle(), size == "desktop"])
        if clipped:
            cut[p] = clipped
        watch.assert_clean()
    assert not cut, f"chart labels cut off at {viewport['width']}px: {cut}"

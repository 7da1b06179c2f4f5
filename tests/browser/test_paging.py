"""A site whose lists run over several pages, as a large story's do: the repository's
site built with a few claims a page, opened in Chromium. A reader moves through the
numbered home pages, the time axis takes them to a day on a later page, axe finds
nothing serious on a numbered page and the Nu checker no error."""
from __future__ import annotations

import functools
import json
import subprocess
import threading

import pytest

from conftest import ROOT, PROJECT_PATH, Served, _ProjectHandler, _Server, published_content
from test_accessibility import BLOCKING, describe

pytestmark = pytest.mark.browser

PER_PAGE = 8


@pytest.fixture(scope="module")
def paged_site(tmp_path_factory):
    from newsgen.build import build
    from newsgen.render import pages

    work = tmp_path_factory.mktemp("paged")
    mp = pytest.MonkeyPatch()
    mp.setattr(pages, "PAGE_CLAIMS", PER_PAGE)
    try:
        build(ROOT / "seeds", published_content(ROOT / "content", work / "content"), work / "site", ROOT / "templates")
    finally:
        mp.undo()
    out = work / "site"
    assert len(list(out.glob("index--*.html"))) >= 2, "the seeds' claims fill several home pages"
    return out


@pytest.fixture(scope="module")
def paged_server(paged_site):
    served = Served(base="")
    handler = functools.partial(type("Handler", (_ProjectHandler,), {"site": paged_site, "served": served}),
                                directory=str(paged_site))
    httpd = _Server(("127.0.0.1", 0), handler)
    served.base = f"http://127.0.0.1:{httpd.server_address[1]}{PROJECT_PATH}"
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield served
    httpd.shutdown()
    httpd.server_close()


def test_a_reader_moves_through_the_home_pages_and_the_axis_reaches_earlier_days(open_page, paged_server, paged_site, artifacts):
    page, watch = open_page(paged_server.url("index.html"))
    total = len(list(paged_site.glob("index--*.html"))) + 1
    # The home page holds the latest days; the summary and the axis are there.
    assert page.locator(".pager-note").first.inner_text().startswith(f"Page {total} of {total}")
    assert page.locator("#time-axis").count() == 1 and page.get_by_role("link", name="Later days").count() == 0
    page.screenshot(path=str(artifacts / "home-paged-latest.png"), full_page=True)
    # Earlier days, one page at a time, to the first.
    seen = {page.url}
    for k in range(total - 1, 0, -1):
        page.get_by_role("link", name="Earlier days").first.click()
        page.wait_for_load_state("load")
        assert page.url not in seen and "/index--" in page.url, page.url
        seen.add(page.url)
        assert page.locator(".pager-note").first.inner_text().startswith(f"Page {k} of {total}")
        assert page.locator("article.claim").count() > 0
    assert page.get_by_role("link", name="Earlier days").count() == 0
    page.screenshot(path=str(artifacts / "home-paged-first.png"), full_page=True)
    # The numbered list names each page by its days and marks this one; its last entry
    # is the home page again.
    nav = page.get_by_role("navigation", name="Pages of this list")
    assert nav.locator("[aria-current=page]").count() == 1
    nav.get_by_role("link").last.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/index.html")
    # A bar of the axis for a day on an earlier page opens that page at that day.
    bar = page.locator("a.axis-day[href^='index--']").first
    day = bar.get_attribute("href").split("#", 1)[1]
    bar.click()
    page.wait_for_load_state("load")
    assert "/index--" in page.url and page.locator(f"section.day#{day}").count() == 1
    watch.assert_clean()


def test_a_numbered_page_has_no_serious_axe_violation(open_page, paged_server, axe_js):
    page, _ = open_page(paged_server.url("index.html"))
    page.get_by_role("link", name="Earlier days").first.click()
    page.wait_for_load_state("load")
    page.add_script_tag(path=str(axe_js))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    blocking = [v for v in result["violations"] if v["impact"] in BLOCKING]
    assert not blocking, describe(blocking)


def test_numbered_pages_are_valid_html(paged_site, vnu_jar):
    files = sorted(p for p in paged_site.rglob("*--*.html"))
    files += [paged_site / "index.html"]
    assert len(files) > 2 and all(f.is_file() for f in files)  # vnu passes a path it cannot read
    proc = subprocess.run(["java", "-Xss4m", "-jar", str(vnu_jar), "--errors-only", "--format", "json", *map(str, files)],
                          capture_output=True, text=True, timeout=300)
    messages = json.loads(proc.stderr.strip() or proc.stdout.strip() or '{"messages": []}')["messages"]
    errors = [f"{m.get('url', '').rsplit('/', 2)[-2:]}:{m.get('lastLine')}: {m.get('message')}" for m in messages
              if m.get("type") in ("error", "non-document-error") or m.get("subType") == "fatal"]
    assert not errors, "\n".join(errors[:20])

"""axe-core on one page of every family: no serious or critical violation."""
from __future__ import annotations

import json

import pytest

from newsgen import urls

pytestmark = pytest.mark.browser

BLOCKING = ("serious", "critical")


def first_page(site_dir, folder: str) -> str:
    pages = sorted(p.relative_to(site_dir).as_posix() for p in (site_dir / folder).glob("*.html") if p.name != "index.html")
    assert pages, f"no page built in {folder}/"
    return pages[0]


def page_of(family: str, site_dir, top_speaker) -> str:
    fixed = {
        "home": "index.html",
        "figures-index": "figures/index.html",
        "search": "search.html",
        "about": "about.html",
        "404": "404.html",
        "questions": urls.QUESTIONS,
        "differ": "differ.html",
    }
    if family in fixed:
        return fixed[family]
    if family == "speaker":
        return urls.speaker(top_speaker["id"])
    return first_page(site_dir, {"story": "stories", "claim": "claims", "outlet": "outlets", "topic": "topics", "figure": "figures"}[family])


FAMILIES = ["home", "story", "claim", "speaker", "outlet", "topic", "figure", "figures-index", "search", "about", "404", "questions", "differ"]
CASES = [(f, "light") for f in FAMILIES] + [("home", "dark"), ("story", "dark"), ("figure", "dark"), ("questions", "dark"), ("differ", "dark")]


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"[{v['impact']}] {v['id']}: {v['help']} ({len(v['nodes'])} node(s))")
        for n in v["nodes"][:4]:
            lines.append(f"    {' '.join(map(str, n['target']))}: {n.get('failureSummary', '').splitlines()[-1].strip() if n.get('failureSummary') else ''}")
    return "\n".join(lines)


@pytest.mark.parametrize("family,scheme", CASES, ids=[f"{f}-{s}" for f, s in CASES])
def test_no_serious_axe_violation(open_page, server, site_dir, top_speaker, axe_js, artifacts, family, scheme):
    path = page_of(family, site_dir, top_speaker)
    page, watch = open_page(server.url(path), color_scheme=scheme)
    if family == "search":
        # Check the page with results in it, the state people look at.
        page.locator("#search").fill(top_speaker["name"].split()[-1][:5])
        page.locator("ol#search-results a").first.wait_for()
    page.add_script_tag(path=str(axe_js))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    out = artifacts / "axe"
    out.mkdir(exist_ok=True)
    (out / f"{family}-{scheme}.json").write_text(json.dumps(result["violations"], indent=2), encoding="utf-8")
    blocking = [v for v in result["violations"] if v.get("impact") in BLOCKING]
    others = [v for v in result["violations"] if v.get("impact") not in BLOCKING]
    if others:
        print(f"{path} ({scheme}): minor/moderate axe findings:\n{describe(others)}")
    assert not blocking, f"{path} ({scheme}): axe found serious/critical violations:\n{describe(blocking)}"
    watch.assert_clean()

"""Screenshots of the pages people see first, at desktop and phone widths.

All go to tests/artifacts/screenshots/ (to look at; CI keeps them as artifacts).
With NEWSGEN_UPDATE_SCREENSHOTS=1 the README's few are copied into
tests/browser/screenshots/, so an ordinary run never changes committed files.
The assertions are about layout a person would notice: nothing wider than the
screen on a phone, and a dark scheme that really is dark.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from dom_contract import DESKTOP, PHONE

pytestmark = pytest.mark.browser

README_SHOTS = Path(__file__).resolve().parent / "screenshots"
# artifact name → README name
README_PICKS = {
    "home-desktop-light.png": "home-desktop.png",
    "home-phone-light.png": "home-phone.png",
    "story-desktop-light.png": "story.png",
    "figure-desktop-light.png": "figure.png",
    "differ-desktop-light.png": "differ.png",
    "figure-phone-light.png": "figure-phone.png",
}

# Widest element that sticks out past the right edge, to name in a failure.
OVERFLOW = """
() => {
  const w = document.documentElement.clientWidth;
  let worst = null;
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width && r.right > w + 1 && (!worst || r.right > worst.right)) {
      let p = el.parentElement, clipped = false;
      for (; p; p = p.parentElement) { const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') { clipped = true; break; } }
      if (!clipped) worst = {right: r.right, tag: el.tagName.toLowerCase(), cls: el.className && el.className.baseVal === undefined ? el.className : '', text: (el.textContent || '').trim().slice(0, 60)};
    }
  }
  return {scrollWidth: document.documentElement.scrollWidth, width: w, worst};
}
"""


# What the canvas shows: body's background, else the root's, else the browser's white.
PAGE_BG = """
() => {
  for (const el of [document.body, document.documentElement]) {
    const bg = getComputedStyle(el).backgroundColor;
    if (bg && !/rgba\\(.*,\\s*0\\)$/.test(bg) && bg !== 'transparent') return bg;
  }
  return 'rgb(255, 255, 255)';
}
"""


def luminance(rgb: str) -> float:
    nums = [float(x) for x in rgb[rgb.index("(") + 1 : rgb.index(")")].replace("/", ",").split(",")[:3]]
    return sum(c * k for c, k in zip(nums, (0.2126, 0.7152, 0.0722))) / 255


def pages_to_shoot(site_dir, claims) -> dict[str, str]:
    # The story with the most claims shows the most highlighting.
    counts: dict[str, int] = {}
    for c in claims:
        for r in c["reports"]:
            counts[r["story"]] = counts.get(r["story"], 0) + 1
    from newsgen import urls

    story = urls.story(min(counts, key=lambda s: (-counts[s], s)))
    figures = [p for p in (site_dir / "figures").glob("*.html") if p.name != "index.html"]
    assert figures, "no figure page to photograph"

    def dated_values(page: Path) -> int:
        html = page.read_text(encoding="utf-8")
        table = html[html.find('class="series-data"'):]
        return table.count("<time datetime=")

    # The figure with most dated values: the chart worth showing.
    figure = min(figures, key=lambda p: (-dated_values(p), p.name))
    return {"home": "index.html", "story": story, "figure": f"figures/{figure.name}", "differ": "differ.html"}


SHOTS = [
    ("home", "desktop", "light"),
    ("home", "desktop", "dark"),
    ("home", "phone", "light"),
    ("home", "phone", "dark"),
    ("story", "desktop", "light"),
    ("story", "phone", "light"),
    ("figure", "desktop", "light"),
    ("figure", "phone", "light"),
    ("figure", "desktop", "dark"),
    ("differ", "desktop", "light"),
    ("differ", "phone", "dark"),
]


@pytest.mark.parametrize("what,size,scheme", SHOTS, ids=["-".join(s) for s in SHOTS])
def test_screenshot(open_page, server, site_dir, claims, artifacts, what, size, scheme):
    path = pages_to_shoot(site_dir, claims)[what]
    viewport = DESKTOP if size == "desktop" else PHONE
    page, watch = open_page(server.url(path), viewport=viewport, color_scheme=scheme)
    page.evaluate("document.fonts.ready")
    out = artifacts / "screenshots"
    out.mkdir(exist_ok=True)
    name = f"{what}-{size}-{scheme}.png"
    page.screenshot(path=str(out / name), full_page=False)
    if what != "home":  # the whole timeline is tens of thousands of pixels tall
        page.screenshot(path=str(out / f"{what}-{size}-{scheme}-full.png"), full_page=True)

    layout = page.evaluate(OVERFLOW)
    assert layout["scrollWidth"] <= layout["width"] + 1, f"{path} at {viewport['width']}px scrolls sideways: {layout}"

    bg = page.evaluate(PAGE_BG)
    fg = page.evaluate("() => getComputedStyle(document.body).color")
    if scheme == "dark":
        assert luminance(bg) < 0.35 and luminance(fg) > 0.6, f"{path}: dark scheme shows background {bg}, text {fg}"
    watch.assert_clean()

    if os.environ.get("NEWSGEN_UPDATE_SCREENSHOTS") == "1" and name in README_PICKS:
        README_SHOTS.mkdir(exist_ok=True)
        shutil.copyfile(out / name, README_SHOTS / README_PICKS[name])

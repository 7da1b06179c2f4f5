"""Small page readers the browser tests share (the DOM contract in one place)."""
from __future__ import annotations

from pathlib import Path

CLAIM = "article.claim"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 360, "height": 780}

# For each claim on the page: its id, data-* and the nearest heading before it
# in document order (the day it is grouped under), and whether it is shown.
READ_CLAIMS = """
() => {
  const all = [...document.querySelectorAll('h1,h2,h3,h4,article.claim')];
  let heading = null;
  const out = [];
  for (const el of all) {
    if (el.matches('article.claim')) {
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      out.push({
        id: el.id,
        speaker: el.dataset.speaker ?? null,
        outlets: el.dataset.outlets ?? null,
        topics: el.dataset.topics ?? null,
        hedged: el.dataset.hedged ?? null,
        visible: r.width > 0 && r.height > 0 && s.visibility !== 'hidden',
        heading: heading,
      });
    } else if (!el.closest('article.claim')) {
      const t = el.querySelector('time[datetime]');
      heading = {text: el.textContent.trim().replace(/\\s+/g, ' '), datetime: t ? t.getAttribute('datetime') : null};
    }
  }
  return out;
}
"""


def read_claims(page) -> list[dict]:
    return page.evaluate(READ_CLAIMS)


def visible_claims(page) -> list[dict]:
    return [c for c in read_claims(page) if c["visible"]]


def claim_dom_id(claim_id: str) -> str:
    return f"c-{claim_id}"


def file_url(site_dir: Path, page: str) -> str:
    return (site_dir / page).as_uri()

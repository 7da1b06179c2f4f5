"""The search index, as a script that assigns a global.

A JSON file fetched with fetch() would not load from file:// in most browsers; a
<script src> does, so the index is a JS file: window.NEWSGEN_SEARCH = [...].
"""
from __future__ import annotations

import json

from newsgen import urls
from newsgen.render import formatting as fmt
from newsgen.render.site import Site

GLOBAL = "NEWSGEN_SEARCH"


def entries(site: Site) -> list[dict]:
    out: list[dict] = []
    for c in site.timeline.claims:
        who = site.who(c)
        outlets = sorted({r.outlet.name for r in site.reports(c) if r.outlet})
        out.append({
            "kind": "claim",
            "title": f"{who}: {c.text}",
            "detail": f"{fmt.date_note(c).text}; {'hedged' if c.hedged else 'asserted'}"
                      + (f"; reported by {', '.join(outlets)}" if outlets else ""),
            "words": " ".join(filter(None, [c.text, c.quote, who, c.speaker.role if c.speaker else None,
                                            c.speaker.org if c.speaker else None, *outlets,
                                            *(site.topic_label(t) for t in c.topics)])),
            "url": urls.claim(c.id),
        })
    for v in site.speakers:
        sp = v.speaker
        detail = ", ".join(filter(None, [sp.role, sp.org])) or sp.kind
        out.append({
            "kind": "speaker",
            "title": sp.name,
            "detail": f"{detail}; {len(v.claims)} claim{'s' if len(v.claims) != 1 else ''}",
            "words": " ".join(filter(None, [sp.name, sp.role, sp.org, sp.kind])),
            "url": urls.speaker(sp.id),
        })
    for s in site.sorted_stories:
        outlet = site.outlet_of(s)
        out.append({
            "kind": "story",
            "title": s.title or s.id,
            "detail": ", ".join(filter(None, [outlet.name if outlet else None, fmt.day(s.published) or "undated"])),
            "words": " ".join(filter(None, [s.title, s.outlet, s.credit, s.byline, s.id])),
            "url": urls.story(s.id),
        })
    return out


def index_js(site: Site) -> bytes:
    data = json.dumps(entries(site), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    data = data.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.{GLOBAL} = {data};\n".encode("utf-8")

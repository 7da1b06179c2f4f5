"""The What we know page and its pieces, rendered from the hand-made site with a question added."""
from __future__ import annotations

import re
from dataclasses import replace

from newsgen import urls
from newsgen.model import Derivation, Question, QuestionStep, QuestionTrack, StoryOrigin
from newsgen.render import render_site
from htmlscan import scan
from render_fixture import HOSTILE, TEMPLATES, make_config, make_timeline


def rendered():
    base = make_timeline()
    c1, c5 = (next(c for c in base.claims if c.id == i) for i in ("c1", "c5"))
    q = Question("sent", f"Were troops sent? {HOSTILE}", topics=("deployment",), cues=("troops",), parties=("gotham",))
    steps = (
        QuestionStep(c1.said_on, "alleged", "c1", c1.speaker.id, "affirms", False, "united-states", "first reported"),
        QuestionStep(c5.said_on, "denied", "c5", c5.speaker.id, "denies", False, "evil", f"denied by {HOSTILE}"),
    )
    claims = tuple(replace(c, stance="affirms", questions=("sent",), stance_words=("troops",), independent_reports=1)
                   if c.id == "c1" else c for c in base.claims)
    origins = (StoryOrigin("002_gazette", (Derivation("001_planet", "rewrite", "5 of 9 sentences near-identical (56%)", 0.56),), "001_planet"),)
    timeline = replace(base, claims=claims, origins=origins, questions=(QuestionTrack(q, "disputed", "c5", steps),))
    return {o.path: o.data.decode("utf-8") for o in render_site(timeline, make_config(), TEMPLATES) if o.path.endswith(".html")}


def test_questions_page_has_a_track_and_list_linking_the_claims_escaped():
    html = rendered()
    page = html[urls.QUESTIONS]
    s = scan(page)
    assert not s.errors and s.h1 == 1
    assert HOSTILE not in page and "&lt;script&gt;" in page
    svg = page[page.index("<svg class=\"track\""):page.index("</svg>")]
    assert re.findall(r'<a class="track-step[^"]*" href="([^"]+)"', svg) == ["claims/c1.html", "claims/c5.html"]
    assert 'aria-label="alleged 21 Oct 2024:' in svg
    assert "Disputed" in page or "disputed" in page
    items = re.findall(r'<li><time datetime="([\d-]+)">', page)
    assert items == sorted(items) and len(items) == 2


def test_front_page_summary_card_line_claim_stance_and_story_relation():
    html = rendered()
    home = html["index.html"]
    assert 'class="questions-summary"' in home and 'href="questions.html#q-sent"' in home
    assert HOSTILE not in home
    claim = html[urls.claim("c1")]
    assert "reported by 2 outlets, 1 independent" in claim
    assert 'class="question-stance"' in claim and "tied by “troops”" in claim
    story = html[urls.story("002_gazette")]
    assert re.search(r'rewrite of <a href="001-planet\.html">Troops seen moving</a>', story)
    assert "5 of 9 sentences near-identical (56%)" in story

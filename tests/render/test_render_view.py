"""The reader's view: the front page's summary and time axis, where sources differ,
window-dated stories, joint statements, editorials, and nothing internal on a page."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from render_fixture import TEMPLATES, make_config, make_timeline

from newsgen import urls
from newsgen.model import Claim, Outlet, Person, Quantity, Report, SeriesDef, Speaker, Story
from newsgen.render import render_site
from newsgen.differences import differences
from newsgen.render.figures import summary
from newsgen.timeline import assemble

D = dt.date


def _html(timeline, config=None) -> dict[str, str]:
    out = render_site(timeline, config or make_config(), TEMPLATES)
    return {o.path: o.data.decode("utf-8") for o in out if o.path.endswith(".html")}


def test_axis_links_every_day_with_claims_to_its_heading(html):
    page = html["index.html"]
    svg = re.search(r'<svg class="axis".*?</svg>', page, re.S).group(0)
    targets = re.findall(r'<a class="axis-day" href="#([^"]+)">', svg)
    days = sorted({c.placed_on for c in make_timeline().claims if c.placed_on})
    assert targets == [f"d-{d.isoformat()}" for d in days]
    for t in targets:
        assert f'<section class="day" id="{t}">' in page


def test_day_heading_says_how_many_statements_by_how_many_speakers(html):
    page = html["index.html"]
    # 21 Oct: two claims by John Kirby
    day = page[page.index('id="d-2024-10-21"'):]
    day = day[: day.index("</section>")]
    assert '<p class="day-summary">2 statements by 1 speaker</p>' in day
    # the role is written once a day per speaker, not on each card
    assert day.count('<span class="role">') == 1


def test_story_so_far_shows_each_figures_latest_value_and_who(html):
    page = html["index.html"]
    so_far = page[page.index('class="so-far"'): page.index("</section>", page.index('class="so-far"'))]
    # the troops series' latest dated value is the published-day range of 23 Oct
    assert "1,000–1,200" in so_far and "published 23 Oct 2024 (no day stated)" in so_far
    assert re.search(r"<strong>6</strong> claims · <strong>\d+</strong> speakers", so_far)


def test_sources_differ_page_sets_different_values_side_by_side():
    (series,) = make_timeline().series
    # The agency speaks for Ruritania, Kirby for his council: two bodies.
    people = (Person("defence-agency", "Defence Agency", org="Ruritania", kind="organization"),)
    pairs = differences([series], people)
    assert pairs, "the fixture's 11,000 (14 Oct) and about 1,000 (21 Oct) differ"
    html = _html(make_timeline(), replace(make_config(), people=people))
    page = html["differ.html"]
    first = pairs[0]
    section = page[page.index(f'id="{first.anchor}"'):]
    section = section[: section.index("</section>")]
    assert "more than 11,000" in section and "about 1,000" in section
    assert "Defence Agency" in section and "John Kirby" in section
    assert "The Daily Planet" in section  # the outlet of each claim
    # the claims concerned link back to their pair; the front page links to the page
    assert f'differ.html#{first.anchor}' in html[urls.claim(first.a.claim)]
    assert 'href="differ.html"' in html["index.html"]


def test_values_that_agree_are_no_difference():
    tl = make_timeline()
    (series,) = tl.series
    same = replace(series, points=tuple(p for p in series.points if p.claim in ("c1", "c4")))
    # about 1,000 lies inside 1,000–1,200
    assert differences([same], (Person("defence-agency", "Defence Agency", org="Ruritania", kind="organization"),)) == []
    s = summary(same)
    assert s.first.claim == "c1" and s.latest.claim == "c4" and s.change is None  # a range has no single change


def test_undated_value_is_drawn_hollow_and_the_figure_opens_with_latest_and_first(html):
    page = html["figures/troops.html"]
    assert page.count('class="chart-dot is-hollow"') == 1  # c4: published day, no stated day
    glance = page[page.index('class="figure-glance"'):page.index("</dl>", page.index('class="figure-glance"'))]
    assert "Latest" in glance and "First" in glance and "more than 11,000" in glance


def test_window_story_places_its_claims_in_the_window():
    tl = make_timeline()
    window = (D(2024, 11, 7), D(2024, 11, 13))
    ed = Story("004_editorial", "004_editorial.txt", title="Editorial", outlet="Daily Planet",
               published_window=window, paragraphs=("There are some 10,000 troops in the east.",))
    c = Claim("c7", None, None, None, "There are some 10,000 troops in the east.", placed_on=None,
              reports=(Report("004_editorial", "There are some 10,000 troops in the east.", 0),))
    html = _html(replace(tl, stories=tl.stories + (ed,), claims=tl.claims + (c,)))
    home = html["index.html"]
    assert 'id="w-2024-11-07-2024-11-13"' in home
    assert "Published between <time" in home
    # after 23 Oct and before the undated pile
    assert home.index('id="d-2024-10-23"') < home.index('id="w-2024-11-07') < home.index('id="undated"')
    story = html[urls.story("004_editorial")]
    assert "published between <time datetime=\"2024-11-07\">7 Nov 2024</time> and" in story
    assert "publication date not known" not in story
    claim_page = html[urls.claim("c7")]
    assert 'published between <time datetime="2024-11-07">7 Nov 2024</time>' in claim_page


def test_unsigned_editorial_is_the_outlets_own_voice():
    tl = make_timeline()
    cfg = make_config()
    cfg = replace(cfg, outlets=cfg.outlets + (Outlet("voa-editorials", "VOA Editorials", kind="government"),))
    ed = Story("005_ed", "005_ed.txt", title="Editorial", outlet="VOA Editorials", published=D(2024, 11, 8),
               paragraphs=("Russia is desperate.",))
    c = Claim("c8", None, None, None, "Russia is desperate.", placed_on=D(2024, 11, 8),
              reports=(Report("005_ed", "Russia is desperate.", 0),))
    html = _html(replace(tl, stories=tl.stories + (ed,), claims=tl.claims + (c,)), cfg)
    card = html["index.html"][html["index.html"].index('id="c-c8"'):]
    card = card[: card.index("</article>")]
    assert "VOA Editorials</a><span class=\"role\">, editorial</span>" in card
    assert "Unattributed" not in card
    assert '<span class="outlet-kind">government outlet</span>' in card


def test_joint_statement_is_on_each_speakers_page():
    tl = make_timeline()
    joint = Speaker("austin-and-kim", "John Kirby and Defence Agency")
    c = Claim("c9", joint, D(2024, 10, 30), None, "They called on the North to withdraw.", placed_on=D(2024, 10, 30),
              reports=(Report("001_planet", "They called on the North to withdraw.", 0),))
    html = _html(replace(tl, claims=tl.claims + (c,)))
    for sid in ("john-kirby", "defence-agency", "austin-and-kim"):
        assert 'id="c-c9"' in html[urls.speaker(sid)], sid


def test_card_shows_only_hedge_words_of_its_own_sentence(html):
    card = html["index.html"][html["index.html"].index('id="c-c2"'):]
    card = card[: card.index("</article>")]
    # c2 is hedged by "if" in another report's wording; its own sentence has no "if"
    assert "Hedged" in card and "“if”" not in card
    c4 = html["index.html"][html["index.html"].index('id="c-c4"'):]
    assert "“reportedly”" in c4[: c4.index("</article>")]


def test_no_page_shows_a_seed_file_name_or_a_recorded_rule(html):
    seeds = [s.seed for s in make_timeline().stories]
    for path, page in html.items():
        for seed in seeds:
            assert seed not in page, (path, seed)
        assert "as recorded" not in page and "from content metadata" not in page, path


def test_assembled_series_reach_the_figure_pages_with_window_points():
    stories = [Story("a", "a.txt", outlet="Daily Planet", published=D(2024, 10, 30)),
               Story("w", "w.txt", outlet="Daily Planet", published_window=(D(2024, 11, 7), D(2024, 11, 13)))]
    q = Quantity(10000, unit="troops", qualifier="some", text="some 10,000 troops")
    claims = [Claim("a-1", Speaker("x", "X"), D(2024, 10, 30), "on Wednesday", "X said some 10,000 troops went.",
                    quantities=(q,), reports=(Report("a", "X said some 10,000 troops went.", 0),)),
              Claim("w-1", None, None, None, "There are some 10,000 troops there.", quantities=(q,),
                    reports=(Report("w", "There are some 10,000 troops there.", 0),))]
    tl = assemble(stories, claims, (SeriesDef("troops", "Troops", units=("troops",)),))
    page = _html(tl)["figures/troops.html"]
    assert page.count("chart-dot is-hollow") == 1 and page.count('class="chart-window"') == 1
    assert "published between 7 Nov 2024 and 13 Nov 2024 (no day stated)" in page


def test_outlet_page_names_its_kind_and_the_wires_it_carries(html):
    page = html[urls.outlet("daily-planet")]
    assert "<dd>newspaper</dd>" in page
    assert "Carries copy from:</span> Wire Service (1 of 1 story" in page


def test_a_floor_in_the_sources_words_never_doubles_its_unit():
    from newsgen.render.formatting import quantity
    q = Quantity(None, low=200, unit="casualties", qualifier="several", text="several hundred casualties")
    assert quantity(q) == "several hundred casualties"
    assert quantity(Quantity(None, low=24, unit="killed", text="dozens, several dozens")) == "several dozens killed"


def test_a_crowded_chart_labels_first_latest_and_extremes_only():
    from newsgen.model import Series, SeriesPoint
    from newsgen.render.charts import MAX_LABELS, series_svg
    values = [10000, 12000, 10000, 11000, 3000, 10000, 12000, 10000, 15000, 11000]
    pts = tuple(SeriesPoint(D(2024, 10, 1 + i), Quantity(v), f"c{i}", "s", Speaker(f"p{i}", f"P{i}"))
                for i, v in enumerate(values))
    svg = str(series_svg(Series("t", "T", pts), lambda p: "#", "chart-t"))
    labels = re.findall(r'<text class="chart-label"[^>]*>([^<]*)</text>', svg)
    assert len(values) > MAX_LABELS and sorted(labels) == sorted(["10,000", "11,000", "15,000", "3,000"])
    assert svg.count('<a class="chart-point') == len(values)  # every value still drawn and linked

"""Which pages the site has and what every page carries (DOM contract included)."""
from __future__ import annotations

import re

from htmlscan import scan

from newsgen import urls

NAV = ["Timeline", "What we know", "Speakers", "Outlets", "Topics", "Figures", "Sources differ", "Search", "About"]


def test_every_page_is_produced(site, timeline, config):
    expected = {"index.html", "hedged.html", "asserted.html", "search.html", "404.html", "about.html", "method.html",
                "speakers/index.html", "outlets/index.html", "topics/index.html", "figures/index.html",
                "stories/index.html", "feed.xml", "sitemap.xml", "robots.txt", "data/timeline.json",
                "static/search-index.js", "static/site.css", "static/timeline.js", "static/search.js",
                "static/favicon.svg"}
    expected |= {urls.story(s.id) for s in timeline.stories}
    expected |= {urls.claim(c.id) for c in timeline.claims}
    expected |= {urls.speaker(s.id) for s in timeline.speakers}
    expected |= {urls.topic(t.id) for t in config.story.topics}
    expected |= {urls.figure(s.id) for s in timeline.series}
    expected |= {"outlets/daily-planet.html", "outlets/gotham-gazette.html"}
    assert expected <= set(site)
    # the lead's build writes these two; the renderer must not
    assert "data/stories.json" not in site and "data/claims.json" not in site


def test_every_page_is_well_formed_with_one_h1_and_the_nav(html):
    for path, page in html.items():
        s = scan(page)
        assert not s.errors, (path, s.errors)
        assert s.h1 == 1, path
        assert re.search(r'<html lang="en-GB">', page), path
        assert re.search(r"<title>[^<]+</title>", page), path
        assert s.find("meta", name="viewport"), path
        assert s.find("meta", name="description")[0]["content"], path
        nav = page[page.index('<nav class="site-nav"'):page.index("</nav>")]
        assert re.findall(r">([^<>]+)</a>", nav) == NAV, path
        for tag in ("header", "main", "footer"):
            assert f"<{tag}" in page, (path, tag)
        assert 'href="#main"' in page, path


def test_timeline_claims_follow_the_dom_contract(html, timeline):
    s = scan(html["index.html"])
    articles = {a["id"]: a for a in s.find("article") if "claim" in (a.get("class") or "").split()}
    assert set(articles) == {f"c-{c.id}" for c in timeline.claims}
    merged = articles["c-c1"]
    assert merged["data-speaker"] == "john-kirby"
    assert merged["data-outlets"] == "daily-planet gotham-gazette"
    assert merged["data-topics"] == "deployment"
    assert merged["data-hedged"] == "false"
    assert articles["c-c2"]["data-hedged"] == "true"
    assert articles["c-c4"]["data-speaker"] == ""  # unattributed


def test_timeline_groups_by_day_with_undated_last(html):
    page = html["index.html"]
    days = re.findall(r'<h2 class="day-heading">(?:<time datetime="([\d-]+)">)?', page)
    assert days == ["2024-10-14", "2024-10-21", "2024-10-22", "2024-10-23", ""]
    undated = page[page.index('id="undated"'):]
    assert 'id="c-c6"' in undated and "003-undated.html" in undated  # claim and story with no date


def test_timeline_shows_how_each_date_was_found(html):
    page = html["index.html"]
    # the date first, in words; how it was found after it, as a secondary line
    assert 'said <time class="date-stated" datetime="2024-10-21">Monday 21 Oct 2024</time>' in page
    assert '<span class="how-label">how we know:</span> On Monday</span>' in page
    assert ('<span class="date-unstated">date not stated</span> · reported <time datetime="2024-10-23">23 Oct 2024</time>'
            in page)
    assert 'said in the week of <time class="date-stated" datetime="2024-W42">14 Oct 2024</time>' in page
    assert '<span class="how-label">how we know:</span> last week</span>' in page
    assert "Hedged" in page and "Asserted" in page
    assert '<strong class="num">about 1,000</strong>' in page
    # each outlet links to the sentence in its story
    assert 'href="stories/002-gazette.html#claim-c1"' in page
    assert "(via VOA)" in page


def test_filter_form(html, timeline):
    s = scan(html["index.html"])
    form = s.find("form", id="filters")[0]
    assert "hidden" in form and form["hidden"] in ("", None)
    names = [a["name"] for a in s.find("select")]
    assert names == ["speaker", "outlet", "topic", "hedged"]
    assert 'value="hedged"' in html["index.html"] and 'value="asserted"' in html["index.html"]
    n = len(timeline.claims)
    assert re.search(rf'id="filter-count"[^>]*>{n} of {n} claims<', html["index.html"])
    # without JS: links to the pre-rendered filtered pages
    for target in ("speakers/john-kirby.html", "outlets/daily-planet.html", "topics/deployment.html",
                   "hedged.html", "asserted.html"):
        assert f'href="{target}"' in html["index.html"]


def test_hedged_and_asserted_pages_split_the_claims(html, timeline):
    hedged = {a["id"] for a in scan(html["hedged.html"]).find("article")}
    asserted = {a["id"] for a in scan(html["asserted.html"]).find("article")}
    assert hedged == {f"c-{c.id}" for c in timeline.claims if c.hedged}
    assert asserted == {f"c-{c.id}" for c in timeline.claims if not c.hedged}


def test_story_page_marks_each_claim_sentence_in_place(html):
    page = html["stories/001-planet.html"]
    s = scan(page)
    marks = [a["id"] for a in s.find("mark") if "claim-mark" in (a.get("class") or "")]
    assert marks == ["claim-c1", "claim-c2", "claim-c5", "claim-c3"]
    # found although the report writes straight quotes and the story curly ones
    assert re.search(r'<mark class="claim-mark" id="claim-c2">He said “it is a dangerous escalation\.”', page)
    assert '<time datetime="2024-10-22">22 Oct 2024</time> <span class="muted">(from the editors&#39; records)</span>' in page
    assert ".txt" not in page and "Source file" not in page
    assert "page seen <time datetime=\"2024-11-22\">22 Nov 2024</time> (not the publication date)" in page
    assert 'rel="noopener noreferrer nofollow"' in page
    assert "<figcaption>" in page
    assert 'href="../outlets/daily-planet.html"' in page


def test_story_page_keeps_an_anchor_for_a_sentence_it_cannot_find(html):
    page = html["stories/003-undated.html"]
    assert '<mark class="claim-mark" id="claim-c6">' in page
    assert "not found in the text" in page


def test_story_with_a_non_http_url_gets_no_link(html):
    assert "javascript:" not in html["stories/002-gazette.html"]


def test_claim_page_lists_every_report_and_other_claims(html):
    page = html["claims/c1.html"]
    assert page.count('class="report"') == 2
    assert "via VOA" in page
    assert 'href="c2.html"' in page  # other claim by the same speaker
    assert '<strong class="num">about 1,000 troops</strong>' in page


def test_speaker_outlet_and_topic_pages(html):
    kirby = html["speakers/john-kirby.html"]
    assert "spokesman" in kirby and "National Security Council" in kirby
    assert 'id="c-c1"' in kirby and 'id="c-c2"' in kirby and 'id="c-c3"' not in kirby
    planet = html["outlets/daily-planet.html"]
    assert "https://planet.example" in planet and "newspaper" in planet and "US" in planet
    gazette = html["outlets/gotham-gazette.html"]  # not in content/: name only
    assert "Not in the list of known outlets" in gazette
    topic = html["topics/casualties.html"]
    assert 'id="c-c4"' in topic and 'id="c-c1"' not in topic


def test_figure_page_has_chart_table_ranges_qualifiers_and_undated_values(html):
    page = html["figures/troops.html"]
    s = scan(page)
    assert s.find("svg", **{"class": "chart"})
    assert s.find("table", **{"class": "series-data"})
    assert "more than 11,000" in page  # the qualifier is kept
    assert 'class="chart-range"' in page  # 1,000–1,200 drawn as a bar
    chart = page[page.index("<svg"):page.index("</svg>")]
    assert "10,000" not in re.sub(r'class="chart-tick"[^>]*>[^<]*', "", chart)  # undated value is not plotted
    assert "Values with no date" in page and "some 10,000 troops" in page
    assert "Where sources differ" in page  # 1,000 and 1,500 on 21 Oct
    assert 'href="../claims/c1.html"' in chart  # points link to their claims
    rows = re.findall(r"<tr>", page[page.index("<tbody>"):])
    assert len(rows) == 5


def test_search_page_contract(html):
    s = scan(html["search.html"])
    assert s.find("input", id="search", type="search", name="q")
    assert s.find("ol", id="search-results")
    scripts = [a.get("src") for a, _ in s.scripts]
    assert scripts == ["static/search-index.js", "static/search.js"]
    assert "fetch(" not in html["search.html"]
    # without JS the page lists what can be found
    assert 'href="speakers/john-kirby.html"' in html["search.html"]
    assert 'href="stories/001-planet.html"' in html["search.html"]
    for path, page in html.items():
        if path != "search.html":
            assert 'action="' in page and 'name="q"' in page, path  # header search box


def test_markdown_pages_are_sanitised(html):
    about = html["about.html"]
    assert "<h1>About this site</h1>" in about
    assert "<script>alert" not in about and "javascript:" not in about and "onerror" not in about
    assert "<h2>A second top heading</h2>" in about
    assert '<a href="method.html">the method</a>' in about


def test_about_page_exists_without_content_pages(timeline):
    from render_fixture import TEMPLATES, make_config
    import dataclasses

    from newsgen.render import render_site
    cfg = dataclasses.replace(make_config(), pages=())
    paths = {o.path for o in render_site(timeline, cfg, TEMPLATES)}
    assert "about.html" in paths and "method.html" not in paths


def test_header_is_the_same_on_every_page(html):
    """Same elements in the same order everywhere, so the layout cannot jump between pages."""
    def shape(page: str) -> str:
        head = page[page.index('<header class="site-header">'):page.index("</header>")]
        head = re.sub(r'href="[^"]*"|action="[^"]*"| aria-current="page"', "", head)
        return head

    shapes = {path: shape(page) for path, page in html.items() if path not in ("search.html",)}
    assert len(set(shapes.values())) == 1, sorted(shapes)[:3]
    search = shape(html["search.html"])  # the search page leaves out the header's own search box
    assert "header-search" not in search
    assert re.sub(r'<form class="header-search".*?</form>\n', "", shapes["index.html"], flags=re.S) == search


def test_home_puts_claims_first_and_browse_lists_beside_them(html):
    page = html["index.html"]
    first_claim = page.index('<article class="claim')
    assert page.index('id="filters"') < first_claim < page.index('<aside class="home-aside"')
    assert page.index('id="about-story"') > first_claim and "Who said what about the troops." in page
    stance = re.findall(r"<option[^>]*>([^<]*)</option>", page[page.index('id="f-hedged"'):page.index("</select>", page.index('id="f-hedged"'))])
    assert stance == ["All", "Hedged only", "Asserted only"]
    toggle = scan(page).find("button", **{"class": "filter-toggle"})
    assert toggle and toggle[0]["aria-controls"] == "filter-fields" and toggle[0]["aria-expanded"] == "false"


def test_claim_card_shows_the_quotation_only_when_it_adds_to_the_text(html):
    page = html["index.html"]
    card = page[page.index('id="c-c2"'):page.index("</article>", page.index('id="c-c2"'))]
    assert "it is a dangerous escalation." in card and "Quotation" not in card
    assert "Quotation" in html["claims/c2.html"]  # the claim's own page still lists it


def test_claim_page_keeps_the_recorded_date_basis(html):
    page = html["claims/c1.html"]
    assert 'said <time class="date-stated" datetime="2024-10-21">Monday 21 Oct 2024</time>' in page
    assert "how we know:</span> On Monday" in page


def test_pages_listing_stories_hold_no_story_text(timeline, config):
    # Editing an article's text then leaves their data, and so their bytes, alone.
    from newsgen.render import _markdown_pages
    from newsgen.render.pages import html_pages
    from newsgen.render.site import build_site

    site = build_site(timeline, config)
    assert any(s.paragraphs for s in site.stories.values())
    pages = {p.path: p for p in html_pages(site, _markdown_pages(config))}
    listed = list(pages["stories/index.html"].ctx["stories"])
    for o in pages["outlets/index.html"].ctx["outlets"]:
        assert pages[o.path].ctx["view"] == o
        listed += o.stories
    assert listed and all(not s.paragraphs and not s.captions for s in listed)
    assert {s.id for s in pages["stories/index.html"].ctx["stories"]} == set(site.stories)

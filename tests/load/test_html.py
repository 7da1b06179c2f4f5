"""Saved web pages: metadata dates, JSON-LD, surroundings, hostile markup."""
import dataclasses
import datetime as dt

from newsgen.load import read_html

D = dt.date


def _read(fixture_text, name):
    return read_html(fixture_text(name), name)


def test_published_and_modified_meta_gives_the_original(fixture_text):
    story, problems = _read(fixture_text, "meta_dates.html")
    assert problems == ()
    assert story.published == D(2024, 10, 18) and story.published_basis == "meta"
    assert story.updated == D(2024, 10, 20)
    assert story.title == "Troops reach Kursk front, officials say"  # " | Daily Planet" removed
    assert story.outlet == "Daily Planet"
    assert story.byline == "Jane Doe"
    assert story.url == "https://dailyplanet.example/world/troops-kursk"  # canonical before og:url
    assert story.format == "html" and story.id == "meta_dates"


def test_body_leaves_out_nav_sidebar_footer_script_and_captions(fixture_text):
    story, _ = _read(fixture_text, "meta_dates.html")
    assert story.captions == ("Soldiers march in Pyongyang during a parade. Reuters/Kim Hong-Ji",)
    assert story.paragraphs[0].startswith("North Korean soldiers have reached the front line")
    assert story.paragraphs[-1].endswith("declined to comment on the matter.")
    body = "\n".join(story.paragraphs)
    for chrome in ("Home", "Most read", "Markets rally", "Storm warning", "©", "Page built", "dataLayer",
                   "Soldiers march", "Denials from Pyongyang", "By Jane Doe"):
        assert chrome not in body, chrome


def test_json_ld_article(fixture_text):
    story, _ = _read(fixture_text, "jsonld.html")
    assert story.published == D(2024, 11, 6) and story.published_basis == "meta"  # local date kept
    assert story.updated == D(2024, 11, 8)
    assert story.title == "Allies condemn North Korean deployment in joint statement"
    assert story.byline == "Maria Lopez and Tom Hale"
    assert story.outlet == "The Capital Courier"
    assert story.url == "https://courier.example/world/allies-condemn-deployment"
    assert len(story.paragraphs) == 3
    assert "fishing rights" not in "\n".join(story.paragraphs)


def test_date_only_in_footer_sidebar_or_date_bar_is_never_published(fixture_text):
    story, _ = _read(fixture_text, "footer_date_only.html")
    assert story.published is None and story.published_basis is None
    assert story.title == "Why the front line matters"
    assert len(story.paragraphs) == 3
    assert not any("Copyright" in p or "Harvest" in p for p in story.paragraphs)


def test_dateline_with_year_from_metadata(fixture_text):
    story, _ = _read(fixture_text, "dateline_modified.html")
    assert story.dateline == "WASHINGTON, Dec. 16 (Yonhap)"
    assert story.published == D(2024, 12, 16) and story.published_basis == "dateline"
    assert story.credit == "Yonhap"
    assert story.outlet == "Harbor Times"


def test_dateline_without_any_year_gives_no_date():
    page = ("<html><head><title>Talks stall</title></head><body><article><h1>Talks stall</h1>"
            "<p>GENEVA, March 3 (AFP) - Talks on a ceasefire stalled on Monday after delegates failed to agree "
            "on the order of prisoner exchanges, diplomats said.</p>"
            "<p>The next round is expected to take place in two weeks, according to the host government.</p>"
            "</article></body></html>")
    story, _ = read_html(page, "talks.html")
    assert story.dateline == "GENEVA, March 3 (AFP)"
    assert story.published is None


def test_hostile_markup_never_reaches_a_field(fixture_text):
    story, _ = _read(fixture_text, "hostile.html")
    assert story.url is None  # javascript: address refused
    assert story.title == "Border tensions rise after troop movements"
    assert story.byline == "Evil Author"
    assert len(story.paragraphs) == 3
    texts = [v for v in dataclasses.astuple(story) if isinstance(v, str)]
    texts += list(story.paragraphs) + list(story.captions)
    for t in texts:
        for bad in ("<", ">", "alert", "onerror", "javascript:", "onload", "secret token", "svg text"):
            assert bad not in t, (bad, t)


def test_not_html_at_all_does_not_crash():
    story, problems = read_html("just some words", "odd.html")
    assert story.paragraphs == ()
    assert problems and problems[0].file == "odd.html"


def test_broken_json_ld_is_a_warning():
    page = ('<html><head><script type="application/ld+json">{"@type": "NewsArticle", </script>'
            '<title>A page</title></head><body><p>Short.</p></body></html>')
    _, problems = read_html(page, "broken.html")
    assert any("JSON-LD" in p.message and p.severity == "warning" for p in problems)


def test_outlet_page_with_stamp_class_captions_and_link_lists(fixture_text):
    story, _ = _read(fixture_text, "korean_site.html")
    assert story.title == "N. Korean troops likely headed to front: NIS"  # " - The Harbor Herald" removed
    assert story.byline == "Lee Min-ji"
    # The stamp above the first paragraph is the article's; the date bar and teaser dates are not.
    assert story.published == D(2024, 12, 27) and story.published_basis == "publication line"
    assert story.dateline == "SEOUL, Dec. 27 (Yonhap)" and story.credit == "Yonhap"
    assert story.url == "https://harborherald.example/news/view.php?idx=1234"
    assert len(story.captions) == 2 and all(c.endswith("YONHAP]") for c in story.captions)
    assert len(story.paragraphs) == 3
    body = "\n".join(story.paragraphs)
    for chrome in ("[YONHAP]", "Seoul stocks", "K-pop", "Most Read", "Won slides", "Copyright", "Sign in"):
        assert chrome not in body, chrome


def test_json_ld_prefers_the_article_that_is_this_page():
    page = """<html><head><link rel="canonical" href="https://x.example/a/2">
<script type="application/ld+json">[
 {"@type": "NewsArticle", "url": "https://x.example/a/1", "headline": "Older story",
  "datePublished": "2023-01-05"},
 {"@type": "NewsArticle", "url": "https://x.example/a/2", "headline": "This story",
  "datePublished": "2024-10-30T10:00:00+09:00"}]</script></head>
<body><article><p>Officials met on Wednesday to discuss the deployment and agreed to meet again next month in Seoul.</p>
<p>The talks were described by both sides as frank and useful, according to a joint statement.</p></article></body></html>"""
    story, _ = read_html(page, "two.html")
    assert story.published == D(2024, 10, 30) and story.title == "This story"


_LIVE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Live: Storm closes ports along the southern coast - updates | Coastline Times</title>
<meta property="og:title" content="Live: Storm closes ports along the southern coast">
<meta property="og:site_name" content="Coastline Times">
</head><body>
<header><a class="brand" href="/">Coastline Times</a><nav><a href="/a">Asia</a> <a href="/b">Business</a></nav></header>
<main>
<h1>Live: Storm closes ports along the southern coast - updates</h1>
<p class="stamp">Thursday 9 January 2025 &middot; Manila</p>
<p class="who">Compiled by Ana Cruz in Manila and Ben Tan in Cebu</p>
<section>
<article><p class="ts">10:05 PHT</p>
<p>The coast guard said on Thursday that all ports on the southern coast would stay closed until the storm had passed, and that ferries already at sea had been told to shelter.</p></article>
<article><p class="ts">08:40 PHT</p>
<p>The weather bureau said the storm had strengthened overnight and was expected to make landfall in the afternoon, bringing heavy rain to four provinces.</p></article>
<article><p class="ts">07:15 PHT</p>
<p>Schools in the four provinces were told to close for the day, the education department said in a notice posted before dawn.</p></article>
</section></main>
<aside class="rail"><h3>Most read</h3><ul><li>As it happened: markets on January 7</li></ul></aside>
</body></html>"""


def test_live_page_headline_date_line_with_place_and_compiled_by():
    story, _ = read_html(_LIVE, "live.html")
    # The sharing title is cut short; the <title> confirms the printed <h1>.
    assert story.title == "Live: Storm closes ports along the southern coast - updates"
    assert story.published == D(2025, 1, 9)
    assert story.byline == "Ana Cruz and Ben Tan"


def test_logo_h1_does_not_replace_the_sharing_title():
    page = _LIVE.replace("<h1>Live: Storm closes ports along the southern coast - updates</h1>",
                         "<h1>Coastline Times</h1><h2>Live: Storm closes ports along the southern coast - updates</h2>")
    story, _ = read_html(page, "live.html")
    assert story.title == "Live: Storm closes ports along the southern coast"


def test_by_line_under_the_headline_in_unmarked_markup():
    page = """<html><head><title>Port workers strike over pay - The Harbour Daily</title>
<meta property="og:site_name" content="The Harbour Daily">
<meta property="article:published_time" content="2024-05-02T10:00:00+09:00"></head><body>
<div class="top"><h2 class="tit">Port workers strike over pay</h2>
<div class="info"><span class="w">By Kim Da-eun</span> <span class="d">Published : 2024/05/02 10:00</span></div></div>
<div class="con"><p>Thousands of port workers walked out on Thursday after talks on a new pay deal broke down late on Wednesday night, their union said.</p>
<p>The union said the strike would last three days and that it was ready to return to talks if the operators made a new offer.</p>
<p>The operators said in a statement that they regretted the walkout and would keep the terminals open with managers.</p></div>
</body></html>"""
    story, _ = read_html(page, "p.html")
    assert story.byline == "Kim Da-eun"
    assert not any("Kim Da-eun" in p for p in story.paragraphs)


_LIVE_DAYS = """<!doctype html><html><head><title>Live: talks on the border</title>
<meta property="article:published_time" content="2025-03-03T06:00:00Z"></head><body>
<h1>Live: Finland and Russia talk about the border crossings</h1>
<div class="post"><time datetime="2025-03-04T08:10:00Z">08:10</time>
<p>The interior ministry said this morning that two crossings on the eastern border would reopen next week.</p></div>
<div class="post"><time datetime="{second}">17:45</time>
<p>Officials from both countries met in Lappeenranta for the first time since the crossings were closed last year.</p>
<p>Russia's border service said it would send a delegation to the next round of talks in April.</p></div>
</body></html>"""


def test_a_live_page_over_several_days_prints_each_day_above_its_entries():
    story, _ = read_html(_LIVE_DAYS.format(second="2025-03-03T17:45:00Z"), "live.html")
    assert story.published == dt.date(2025, 3, 3)
    assert story.paragraphs[0] == "Tuesday 4 March 2025" and story.paragraphs[1].startswith("The interior ministry")
    assert story.paragraphs[2] == "Monday 3 March 2025" and story.paragraphs[3].startswith("Officials")
    assert len(story.paragraphs) == 5  # a day's entries under one heading
    # Entries of one day: the page as it is.
    story, _ = read_html(_LIVE_DAYS.format(second="2025-03-04T17:45:00Z"), "live.html")
    assert not any(p.endswith("2025") for p in story.paragraphs)


def test_a_date_line_and_a_quoted_post_s_time_make_no_live_page_of_a_feature():
    from newsgen.load import read_html
    page = """<html><head><title>Feature</title></head><body><article>
<h1>North Korean troops return to the Kursk front</h1>
<div class="dateline"><time datetime="2025-02-20">Thursday 20 February 2025</time></div>
<p>Ukrainian officers said North Korean units had been pulled back in January after heavy losses in Kursk.</p>
<blockquote class="telegram-post"><p>There were new assaults in Kursk, and North Korean soldiers were thrown in again.</p>
<div class="foot"><time datetime="2025-02-07T21:14:00+02:00">7 Feb 2025, 21:14</time></div></blockquote>
<p>Analysts said the return showed how much Moscow still relied on the North Korean troops in Kursk.</p>
</article></body></html>"""
    story, _ = read_html(page, "f.html")
    assert not any(p.startswith(("Thursday 20 February", "Friday 7 February")) for p in story.paragraphs)


def test_a_dated_list_keeps_each_item_s_day():
    from newsgen.load import read_html
    items = "".join(f"<li><time datetime=\"2025-04-{d}\">{d} April 2025</time> &mdash; {t}</li>" for d, t in (
        ("26", "Russia's chief of the general staff says the Kursk region has been fully retaken with North Korean help."),
        ("28", "Pyongyang confirms for the first time that its troops fought in Kursk under the treaty."),
    ))
    page = ("<html><head><title>Timeline</title></head><body><article><h1>How North Korea's war in Kursk unfolded</h1>"
            "<p>North Korean troops fought in Russia's Kursk region for months before either government said so, "
            "and the admissions came within days of each other in the spring.</p>"
            f"<h2>Timeline</h2><ol>{items}</ol></article></body></html>")
    story, _ = read_html(page, "t.html")
    assert any(p.startswith("26 April 2025") for p in story.paragraphs)


_EMBED_PAGE = """<!doctype html><html><head><title>Kyiv turns to X | The Brief</title>
<meta property="og:site_name" content="The Brief">
<meta property="article:published_time" content="2024-10-29T10:00:00+01:00"></head>
<body><article><h1>Kyiv turns to X as North Korean troops near the front</h1>
<p>In a string of posts over three days, Ukraine's president and foreign minister pressed allies to act before the North Korean troops reach the front.</p>
<p>The first post came on Sunday, and it set the tone for what followed in the days after it.</p>
<blockquote class="twitter-tweet" data-lang="en"><p lang="en" dir="ltr">Each day of this war only proves one fact: Moscow is intent on continuing its aggression. Ukraine could soon be forced to fight North Korean troops in Europe.</p>&mdash; Volodymyr Zelenskyy / Володимир Зеленський (@ZelenskyyUa) <a href="https://twitter.com/ZelenskyyUa/status/1">October 27, 2024</a></blockquote>
<p>The timing was not accidental, diplomats in Brussels said, since the alliance had been briefed the day before.</p>
</article></body></html>"""


def test_an_embedded_post_keeps_who_posted_it_and_when():
    story, _ = read_html(_EMBED_PAGE, "x.html")
    post = next(p for p in story.paragraphs if "Moscow is intent" in p)
    assert post.startswith("Volodymyr Zelenskyy posted on X on October 27, 2024: “Each day of this war")
    assert "@ZelenskyyUa" not in post and "Зеленський" not in post


def test_a_by_line_as_a_cell_of_a_record_s_meta_line_and_a_column_s():
    page = """<html><head><title>Ports: Oral questions | The Ledger</title>
<meta property="og:site_name" content="The Ledger">
<meta property="article:published_time" content="2024-10-24T07:30:00+01:00"></head><body>
<main><h1>Ports: Oral questions</h1>
<div class="record-meta"><span class="posted">Record posted 24 October 2024 · Prepared by Imogen Farrant</span></div>
<p>Thousands of port workers walked out on Thursday after talks on a new pay deal broke down late on Wednesday night, their union said.</p>
<p>The union said the strike would last three days and that it was ready to return to talks if the operators made a new offer.</p>
<p>The operators said in a statement that they regretted the walkout and would keep the terminals open with managers.</p></main>
</body></html>"""
    story, _ = read_html(page, "r.html")
    assert story.byline == "Imogen Farrant"
    column = page.replace("Record posted 24 October 2024 · Prepared by Imogen Farrant", "Column by Henrietta Vaszary, Security Editor")
    story, _ = read_html(column, "c.html")
    assert story.byline == "Henrietta Vaszary"


def test_a_print_version_s_publication_line_at_its_foot():
    page = """<html><head><title>Print - Port workers strike over pay - The Ledger</title></head><body>
<div class="print-tools"><a href="javascript:window.print()">Print this page</a></div>
<div class="masthead">The Ledger</div>
<h1>Port workers strike over pay</h1>
<p>Thousands of port workers walked out on Thursday after talks on a new pay deal broke down late on Wednesday night, their union said.</p>
<p>The union said the strike would last three days and that it was ready to return to talks if the operators made a new offer.</p>
<p>The operators said in a statement that they regretted the walkout and would keep the terminals open with managers.</p>
<div class="printfoot">
  <p>The Ledger | Article published 22 August 2025, 16:35 KST | https://ledger.example/article/1</p>
  <p>Printed on Monday, September 8, 2025 at 09:14 from ledger.example.</p>
</div></body></html>"""
    story, _ = read_html(page, "print.html")
    assert story.published == dt.date(2025, 8, 22)  # not the day it was printed
    assert not any(p.startswith("Printed on") for p in story.paragraphs)


def test_a_one_day_live_page_s_entries_open_with_their_time():
    entries = "".join(
        f'<article class="block"><p class="block-time"><time datetime="2025-09-03T{h}:00+01:00">{h}.00 BST</time></p>'
        f'<h2 class="block-title">Entry {h}</h2><p>{text}</p></article>'
        for h, text in (("16:52", "Yuri Ushakov told Russian state television that there had been no plotting against anyone."),
                        ("14:48", "Kaja Kallas told reporters in Brussels the leaders in Beijing formed an autocratic alliance."),
                        ("12:10", "Vladimir Putin told Kim Jong Un the North Korean soldiers had fought heroically in Kursk.")))
    page = f"""<html><head><title>Beijing parade – as it happened</title>
<meta property="article:published_time" content="2025-09-03T01:52:00+01:00"></head>
<body><main><h1>Beijing parade – as it happened</h1>{entries}</main></body></html>"""
    story, _ = read_html(page, "live.html")
    assert [p[:5] for p in story.paragraphs] == ["16:52", "14:48", "12:10"]
    assert story.paragraphs[0].startswith("16:52 – Yuri Ushakov told")


def test_a_ticker_with_entry_times_in_spans_and_its_day_in_a_meta_line():
    entries = "".join(
        f'<li class="entry"><span class="time">{h}</span><h3>Headline at {h}</h3><p>{text}</p></li>'
        for h, text in (("22:50", "According to KCNA, Kim Jong Un said the West had intervened directly in the war."),
                        ("14:05", "Ukraine's military intelligence agency, HUR, has told Interfax-Ukraine that shipments began last month."),
                        ("11:30", "Andrei Belousov said the treaty would keep the balance of power in north-east Asia.")))
    page = f"""<html><head><title>Ukraine war live | The Courier</title></head><body><main>
<h1>Ukraine war live: Russia's defence minister in Pyongyang</h1>
<p class="ticker-meta">Live ticker · Friday, 29 November 2024 · Editors: Lena Vogel · All times CET</p>
<ol class="ticker-entries">{entries}</ol></main></body></html>"""
    story, _ = read_html(page, "ticker.html")
    assert story.published == dt.date(2024, 11, 29)
    entry = next(p for p in story.paragraphs if "Interfax" in p)
    assert entry.startswith("14:05 – Ukraine's military intelligence agency")  # not run into its headline


def test_a_byline_names_the_author_not_the_wire_printed_after_the_name():
    page = """<html><head><title>Kim decorates troops | The Herald</title>
<meta name="author" content="By CHAE MIN-SEOK Associated Press">
<meta property="article:published_time" content="2025-08-22T10:00:00+09:00"></head><body>
<h1>Kim decorates troops</h1>
<p>North Korean leader Kim Jong Un awarded the country's highest honours to troops who fought for Russia, state media said.</p>
<p>The leader said the soldiers had shown the might of the army, according to the state news agency.</p>
</body></html>"""
    story, _ = read_html(page, "ap.html")
    assert story.byline.casefold() == "chae min-seok"


def test_entry_times_printed_in_time_elements_without_a_datetime_open_their_entries_in_24_hours():
    entries = "".join(
        f'<div class="update"><time>{h}</time><h3>Headline at {h}</h3><p>{text}</p></div>'
        for h, text in (("4:40 PM EDT", "Donald Trump told reporters in the Oval Office that he had been watching the parade."),
                        ("8:14 AM EDT", "Yuri Ushakov told Russian state television that no one had been plotting anything."),
                        ("12:15 AM EDT", "Xi Jinping, Vladimir Putin and Kim Jong Un watched the parade in Tiananmen Square.")))
    page = f"""<html><head><title>Live updates: Beijing parade</title>
<meta property="article:published_time" content="2025-09-03T00:15:00-04:00"></head>
<body><main><h1>Live updates: Beijing parade</h1>{entries}</main></body></html>"""
    story, _ = read_html(page, "live.html")
    assert [p[:5] for p in story.paragraphs] == ["16:40", "08:14", "00:15"]


def test_a_one_day_live_page_with_no_other_date_is_published_on_its_entries_day():
    entries = "".join(
        f'<li class="post"><time datetime="2025-11-04T{h}:00+09:00" data-format="relative"></time><p>{text}</p></li>'
        for h, text in (("07:30", "Good morning. The spy agency faces its annual audit by the intelligence committee today."),
                        ("12:40", "Lee Seong-kweun told reporters that about 5,000 North Korean construction troops had gone to Russia."),
                        ("15:15", "Lee Seong-kweun said the agency saw signs of training for a further dispatch of troops.")))
    page = f"""<html><head><title>LIVE | Spy agency audit</title></head><body><main>
<h1>Spy agency audit: North Korea moving construction troops to Russia</h1>
<p class="dek">Lawmakers relay the National Intelligence Service's latest assessment of Pyongyang's deployments, as it comes.</p>
<ol class="posts">{entries}</ol></main></body></html>"""
    story, _ = read_html(page, "live.html")
    assert (story.published, story.published_basis) == (dt.date(2025, 11, 4), "its live entries' day")
    # Entries over two days: which is the page's day is not settled.
    story, _ = read_html(page.replace("2025-11-04T15:15", "2025-11-05T15:15"), "live.html")
    assert story.published is None


_REGISTER = """<html><head><title>Statement of the Ministry of Foreign Affairs of Ukraine | The Register</title>
<meta property="og:site_name" content="The Register">
<meta name="register:added" content="2025-05-02T11:40:00+02:00"></head><body>
<header><a href="/">The Register</a></header>
<main><table class="details">
<tr><th>Issuer</th><td>Ministry of Foreign Affairs of Ukraine</td></tr>
<tr><th>Added to Register</th><td>2 May 2025, 11:40 CEST</td></tr></table>
<h1>Statement of the Ministry of Foreign Affairs of Ukraine on the North Korean troops</h1>
<p>The recognition by the Russian and North Korean regimes of the participation of North Korean troops in hostilities confirms Ukraine's warnings.</p>
<p>We call on international partners to put pressure on Moscow and Pyongyang and to stop their rapprochement.</p>
<p class="dateline">Kyiv, 28 April 2025</p>
<h2>Register note</h2>
<p>The statement was the ministry's response to the first public acknowledgements by Moscow and Pyongyang of the deployment.</p>
<p>At a briefing on the day the statement was issued, ministry spokesman Heorhii Tykhyi called the confirmation very telling.</p>
</main></body></html>"""


def test_an_official_text_s_issuer_and_closing_date_line_give_its_voice_and_day():
    story, _ = read_html(_REGISTER, "r.html")
    assert story.issued_by == "Ministry of Foreign Affairs of Ukraine"
    assert (story.published, story.published_basis) == (dt.date(2025, 4, 28), "the issued text's date line")
    assert story.issued_paragraphs == 2 and story.paragraphs[2].startswith("The statement was the ministry's response")
    # No issuer named: a date line is only a line, and the page's date stands.
    story, _ = read_html(_REGISTER.replace("<th>Issuer</th>", "<th>Filed under</th>"), "r.html")
    assert story.issued_by is None and story.published == dt.date(2025, 5, 2)


def test_a_page_that_heads_its_days_keeps_each_day_above_its_entries():
    def day(head, entries):
        return f'<section class="day"><h2 class="day-head">{head}</h2>' + "".join(
            f'<div class="entry"><span class="time">{t}</span><p>{x}</p></div>' for t, x in entries) + "</section>"
    page = ("<html><head><title>Ticker</title></head><body><main><h1>War in Ukraine: North Korea's troops - live</h1>"
            "<p class=\"intro\">Here we follow the latest on the North Korean soldiers sent to fight for Moscow. Newest entries first.</p>"
            + day("Wednesday, 20 November 2024", [("16:45", "Park Sun-won said the spy agency thought Kim Jong Un could travel to Russia."),
                                                  ("09:40", "South Korea's spy agency told lawmakers North Korean soldiers were fighting in Russian units.")])
            + day("Tuesday, 19 November 2024", [("17:55", "Sabrina Singh said about 11,000 North Korean soldiers were now in Kursk."),
                                                ("12:10", "Yoon Suk Yeol told the G20 that the military cooperation must stop at once.")])
            + "</main></body></html>")
    story, _ = read_html(page, "t.html")
    texts = list(story.paragraphs)
    wed, tue = texts.index("Wednesday, 20 November 2024"), texts.index("Tuesday, 19 November 2024")
    assert wed < next(i for i, p in enumerate(texts) if "Park Sun-won" in p) < tue < next(i for i, p in enumerate(texts) if "Sabrina Singh" in p)


def test_a_page_of_two_briefings_keeps_each_briefing_s_date_line():
    def briefing(day, turns):
        return (f'<p class="meta">Matthew Miller, Department Spokesperson<br>Washington, D.C.<br>{day}</p>'
                + "".join(f"<p>{t}</p>" for t in turns))
    page = ("<html><head><title>Department Press Briefing excerpts | Ledger</title>"
            '<meta property="article:published_time" content="2024-12-18T09:00:00-05:00"></head><body><main>'
            "<h1>Department Press Briefing, December 16, 2024 (with Dec. 17 follow-up)</h1>"
            "<p>About this excerpt: everything unrelated to North Korea has been cut from the two briefings below.</p>"
            + briefing("Monday, December 16, 2024", [
                "MR MILLER: So in our view, the North Korean soldiers deployed to Kursk are already legitimate targets.",
                "QUESTION: What happens if they go further, into Ukraine itself, do you think?",
                "MR MILLER: That would be yet another escalation by the Government of Russia and of North Korea."])
            + briefing("Tuesday, December 17, 2024", [
                "MR MILLER: I don't have any new assessment today of new North Korean soldiers going into Russia."])
            + "</main></body></html>")
    story, _ = read_html(page, "b.html")
    texts = list(story.paragraphs)
    assert texts.index("Monday, December 16, 2024") < texts.index("Tuesday, December 17, 2024")
    assert texts.index("Tuesday, December 17, 2024") < next(i for i, p in enumerate(texts) if "new assessment" in p)



def test_a_page_of_two_press_conferences_keeps_each_session_s_date_line():
    def session(head, line, turns):
        return f'<h2>{head}</h2><p class="session-time">{line}</p>' + "".join(f"<p>{t}</p>" for t in turns)
    page = ("<html><head><title>Rutte transcripts | Evere</title>"
            '<meta property="article:published_time" content="2024-12-04T17:05:00+01:00"></head><body><main>'
            "<h1>Rutte at the Foreign Ministers' meeting: two press conferences</h1>"
            "<p>Both press conferences are given as delivered by the Secretary General, with passages on other subjects left out.</p>"
            + session("1. Pre-ministerial press conference", "03 Dec. 2024 · morning · NATO Headquarters, press theatre", [
                "Secretary General Mark Rutte: Putin is bringing North Korean soldiers into his illegal war against Ukraine.",
                "Moderator: We will start in the second row, please, with the first question."])
            + session("2. Press conference following the meetings", "04 Dec. 2024 · afternoon · NATO Headquarters, press theatre", [
                "Secretary General Mark Rutte: In exchange for troops, Russia is supporting North Korea's missile programmes."])
            + "</main></body></html>")
    story, _ = read_html(page, "n.html")
    texts = list(story.paragraphs)
    first, second = texts.index("03 Dec. 2024"), texts.index("04 Dec. 2024")
    assert first < next(i for i, p in enumerate(texts) if "illegal war" in p) < second
    assert second < next(i for i, p in enumerate(texts) if "missile programmes" in p)


def test_a_live_page_s_embedded_posts_are_their_accounts_and_its_entry_times_are_kept():
    def entry(time, body):
        return f'<div class="entry"><p class="entry-time">{time}</p><h2>Headline of the entry</h2>{body}</div>'
    post = ('<blockquote class="x-post"><p>Latest Defence intelligence update – 24 January 2025. Find out more: '
            'https://t.example/Idz6a74 #StandWithUkraine pic.x.example/NQft</p>'
            '<footer>— Ministry of Defence (@DefenceHQ) <a href="https://x.example/1">January 24, 2025</a></footer></blockquote>')
    zelensky = ('<blockquote class="x-post"><p>Communication between captured North Korean soldiers and investigators continues.</p>'
                '<footer>— Volodymyr Zelenskyy / Володимир Зеленський (@ZelenskyyUa) <a href="https://x.example/2">January 20, 2025</a>'
                '</footer></blockquote>')
    page = ("<html><head><title>Live: posts | Courier</title></head><body><main><h1>What officials are posting</h1>"
            '<p class="meta">Friday, 24 January 2025 · Curated by Liis Tamm</p>'
            + entry("16:05", post + "<p>Losing so many men has damaged the North Koreans' ability to attack, the Ministry of Defence says.</p>")
            + entry("13:40", zelensky + "<p>Zelensky's post came with another video of one of the two captured North Koreans.</p>")
            + entry("11:15", "<p>The Institute for the Study of War said North Korean units were losing about 92 soldiers a day.</p>")
            + "</main></body></html>")
    story, _ = read_html(page, "live.html")
    texts = list(story.paragraphs)
    assert any(p.startswith("16:05 – Losing so many men") for p in texts)  # the post's links above it are no text
    assert any(p.startswith("13:40 – Volodymyr Zelenskyy posted on X on January 20, 2025: “Communication") for p in texts)
    assert any(p.startswith("11:15 – The Institute") for p in texts)


def test_a_transcript_s_labels_in_a_definition_list_and_its_date_and_place_row_are_kept():
    page = ("<html><head><title>Joint Press Conference | Monitor</title>"
            '<meta property="article:published_time" content="2024-11-18T10:40:00+09:00"></head><body><main>'
            "<h1>Joint Press Conference by Foreign Minister Iwaya and Foreign Minister Sybiha</h1>"
            '<table class="info"><tr><th>Date and place</th><td>Saturday, November 16, 2024, Kyiv</td></tr>'
            "<tr><th>Posted</th><td>2024.11.18 (Mon) 10:40 JST</td></tr></table>"
            "<p>This is a provisional translation prepared for reference purposes only.</p>"
            "<dl><dt>Minister Sybiha:</dt><dd><p>We discussed the participation of North Korean troops in Russia's war.</p>"
            "<p>The cooperation between Russia, North Korea and Iran is a direct threat to Europe and Asia.</p></dd>"
            "<dt>Minister Iwaya:</dt><dd><p>In today's meeting we exchanged views on the deployment of North Korean troops.</p>"
            "<p>Japan is seriously concerned about this development and strongly condemns it.</p></dd></dl>"
            "</main></body></html>")
    story, _ = read_html(page, "mofa.html")
    texts = list(story.paragraphs)
    assert texts[0] == "Date and place: Saturday, November 16, 2024, Kyiv"
    assert texts.index("Minister Sybiha:") < next(i for i, p in enumerate(texts) if "participation" in p) \
        < texts.index("Minister Iwaya:") < next(i for i, p in enumerate(texts) if "seriously concerned" in p)

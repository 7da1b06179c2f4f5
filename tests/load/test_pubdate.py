"""Publication dates from all the evidence on a page: numeric day/month order settled
by the page's other dates, explicit values parsed whatever their format, template
placeholders refused, update stamps and date bars kept in their place."""
import datetime as dt

import pytest

from newsgen.load import read_html, read_markdown, read_text
from newsgen.load.pubdate import day_first, is_template, parse_value

D = dt.date
BODY = [
    "Ukrainian forces have exchanged fire with North Korean soldiers for the first time, the defence minister said on Tuesday.",
    "The minister said the contacts were small in scale and that the count of the dead was still being checked.",
    "He said allies had been told of the clashes and that more detail would follow once identities were confirmed.",
]


@pytest.mark.parametrize("lines,expected", [
    (["Wednesday, 6 November 2024", "06.11.2024, 09:20"], True),  # a date bar agrees with one reading
    (["Tue 11/05/2024 4:12 PM"], False),  # the weekday fits only month-first (Tuesday 5 Nov)
    (["Posted 03/04/2025", "Most read: 03/17/2025"], False),  # another date can only be month-first
    (["Posted 03/04/2025", "Archive: 21/03/2025"], True),
    (["Posted 03/04/2025"], None),  # nothing says: never guess
    (["Stand: 03.04.2025 18:30"], True),  # dotted dates are day-first where nothing else speaks
    (["Posted 03/04/2025", "Also: 03/17/2025", "Also: 21/03/2025"], None),  # the page contradicts itself
])
def test_day_first_from_the_page(lines, expected):
    assert day_first(lines) is expected


@pytest.mark.parametrize("value,dayfirst,expected", [
    ("2024-12-28T06:15:00+01:00", None, D(2024, 12, 28)),  # the day as written, not UTC
    ("Mon, 13 Jan 2025 09:00:00 +0900", None, D(2025, 1, 13)),
    ("January 13th, 2025 at 9:00 am", None, D(2025, 1, 13)),
    ("13/01/2025", None, D(2025, 1, 13)),
    ("2025/01/13 09:00", None, D(2025, 1, 13)),
    ("01/02/2025", None, None),
    ("01/02/2025", True, D(2025, 2, 1)),
    ("01/02/2025", False, D(2025, 1, 2)),
    ("2024.10.11", True, D(2024, 10, 11)),  # year-first stays year-month-day
    ("Jan 2025", None, None),  # no day: not a date
    # Metadata in the language of the outlet that republished the piece in English.
    ("dimanche 2 novembre 2025, 09h41", None, D(2025, 11, 2)),
    ("Montag, 3. März 2025", None, D(2025, 3, 3)),
    ("2 de noviembre de 2025", None, D(2025, 11, 2)),
    ("mai 2025", None, None),
    ("soon", None, None),
    ("{{ page.date | date: '%Y-%m-%d' }}", None, None),
    ("{% now 'iso-8601' %}", None, None),
])
def test_parse_value(value, dayfirst, expected):
    assert parse_value(value, dayfirst) == expected


def test_template_placeholders():
    assert is_template("{{ .Date }}") and is_template("<%= post.date %>") and is_template("${PUBLISHED}")
    assert not is_template("2024-11-06")


def _page(*header, footer=()):
    return "\n\n".join([*header, *BODY, *footer])


def test_text_dd_mm_yyyy_under_the_byline_settled_by_the_date_bar():
    page = _page("THE WESTERN HERALD", "Wednesday, 6 November 2024 | Lviv +4°C", "Home | War | Politics",
                 "Ukraine says its forces fought North Korean soldiers", "Ivan Petrenko", "06.11.2024, 09:20",
                 footer=["MOST READ", "1. Metro closes two stations", "2. Frost expected",
                         "Reproduction only with a link to The Western Herald."])
    story, _ = read_text(page, "t.txt")
    assert story.published == D(2024, 11, 6) and story.published_basis == "header date"
    assert story.outlet == "The Western Herald"
    assert story.paragraphs == tuple(BODY)


def test_outlet_named_again_in_a_closing_notice_next_to_the_body():
    page = _page("KHARKIV TODAY", "Ukraine says its forces fought North Korean soldiers", "By Ivan Petrenko",
                 footer=["Materials may be reproduced only with a hyperlink to Kharkiv Today."])
    story, _ = read_text(page, "t.txt")
    assert story.outlet == "Kharkiv Today" and story.paragraphs == tuple(BODY)
    # A name the logo shares with nothing at the foot names no outlet.
    assert read_text(page.replace("to Kharkiv Today", "to our site"), "t.txt")[0].outlet is None


def test_text_mm_dd_yyyy_settled_by_a_sidebar_date_that_can_only_be_month_first():
    page = _page("Ukraine says its forces fought North Korean soldiers", "By Mary Smith", "11/06/2024 7:05 AM",
                 footer=["Trending", "12/24/2024 Holiday travel: what to know"])
    story, _ = read_text(page, "t.txt")
    assert story.published == D(2024, 11, 6)


def test_text_ambiguous_slashed_date_alone_gives_no_date():
    page = _page("Ukraine says its forces fought North Korean soldiers", "By Mary Smith", "11/06/2024")
    story, _ = read_text(page, "t.txt")
    assert story.published is None


def test_updated_stamp_and_date_bar_never_win_alone():
    page = _page("Saturday, 9 November 2024", "Ukraine says its forces fought North Korean soldiers",
                 "By Mary Smith", "Updated 09.11.2024 10:00")
    story, _ = read_text(page, "t.txt")
    assert story.published is None and story.updated == D(2024, 11, 9)


def test_date_bar_counts_where_the_dateline_agrees():
    page = "\n\n".join(["Wednesday, November 6, 2024", "Ukraine says its forces fought North Korean soldiers",
                        "By Mary Smith", "KYIV, Nov. 6 — " + BODY[0], *BODY[1:]])
    story, _ = read_text(page, "t.txt")
    assert story.published == D(2024, 11, 6) and story.published_basis == "dateline and date bar"
    other = page.replace("KYIV, Nov. 6", "KYIV, Nov. 5")
    assert read_text(other, "t.txt")[0].published is None


def _md(front: str, body: str = "") -> tuple:
    return read_markdown(f"---\ntitle: T\n{front}\n---\n\n{body}" + "\n\n".join(BODY), "t.md")


@pytest.mark.parametrize("front,expected", [
    ("pubDate: 'Wed, 06 Nov 2024 09:20:00 GMT'", D(2024, 11, 6)),
    ("publish_date: November 6th, 2024", D(2024, 11, 6)),
    ("date: 2024-11-06 09:20:00 +0200", D(2024, 11, 6)),
    ("published_at: '06.11.2024'", D(2024, 11, 6)),
    ("date: '13/11/2024'", D(2024, 11, 13)),
])
def test_front_matter_names_and_formats(front, expected):
    story, problems = _md(front)
    assert story.published == expected and story.published_basis == "front matter", problems


def test_front_matter_template_placeholder_warns_and_falls_back_to_the_dateline():
    story, problems = _md('date: "{{ page.date }}"', "**KYIV, Nov. 6, 2024** — ")
    assert story.published == D(2024, 11, 6) and story.published_basis == "dateline"
    assert any("template placeholder" in p.message and p.line == 3 for p in problems)


def test_created_counts_only_where_the_dateline_agrees():
    story, _ = _md("created: 2024-11-06", "KYIV, Nov. 6 — ")
    assert story.published == D(2024, 11, 6)
    story, _ = _md("created: 2024-11-20", "KYIV, Nov. 6 — ")
    assert story.published is None


def test_html_header_dd_mm_yyyy_settled_by_the_page():
    paras = "".join(f"<p>{p}</p>" for p in BODY)
    html = ("<html><head><title>Clashes</title></head><body><div class='bar'>Wednesday, 6 November 2024</div>"
            f"<article><h1>Ukraine says its forces fought North Korean soldiers</h1><div class='meta'>06.11.2024 09:20</div>"
            f"{paras}</article></body></html>")
    story, _ = read_html(html, "t.html")
    assert story.published == D(2024, 11, 6)


def test_front_matter_numeric_date_settled_by_the_yearless_dateline():
    story, _ = _md("date: 03/02/2025", "SEOUL, Feb. 3 (Yonhap) — ")
    assert story.published == D(2025, 2, 3) and story.published_basis == "front matter"
    story, _ = _md("date: 02/03/2025", "SEOUL, Feb. 3 (Yonhap) — ")
    assert story.published == D(2025, 2, 3)
    story, problems = _md("date: 03/02/2025")
    assert story.published is None and any("is not a date" in p.message for p in problems)


@pytest.mark.parametrize("lines,published,byline", [
    (["By Olena Marchuk | 06.11.2024 09:20"], D(2024, 11, 6), "Olena Marchuk"),
    (["Olena Marchuk, 06.11.2024 09:20"], D(2024, 11, 6), "Olena Marchuk"),
    (["Olena Marchuk | 6 November 2024"], D(2024, 11, 6), "Olena Marchuk"),
    (["By Olena Marchuk, Staff Writer", "Nov 6, 2024"], D(2024, 11, 6), "Olena Marchuk"),
    (["Olena Marchuk", "2024-11-06T09:20:00+02:00"], D(2024, 11, 6), "Olena Marchuk"),
    (["Olena Marchuk", "Last updated: 07.11.2024", "06.11.2024"], D(2024, 11, 6), "Olena Marchuk"),
    (["Olena Marchuk", "06/11/2024 09:20"], None, "Olena Marchuk"),  # a slashed date nothing settles
])
def test_text_header_lines_in_several_styles(lines, published, byline):
    page = "\n\n".join(["THE EXAMPLE", "Friday, 10 January 2025", "Ukraine says its troops fought North Korean soldiers",
                        *lines, *BODY])
    story, _ = read_text(page, "t.txt")
    assert (story.published, story.byline) == (published, byline)
    assert story.seen_on == D(2025, 1, 10)  # the date bar above the headline is never the publication date


_P = "".join(f"<p>{p}</p>" for p in BODY)


def test_html_json_ld_date_written_day_first_is_settled_by_the_page():
    html = ('<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Clashes",'
            '"datePublished":"06.11.2024 09:20"}</script></head><body><article><h1>Clashes</h1>'
            f'<p class="date">Wednesday, 6 November 2024</p>{_P}</article></body></html>')
    story, _ = read_html(html, "t.html")
    assert story.published == D(2024, 11, 6) and story.published_basis == "meta"
    assert story.paragraphs == tuple(BODY)  # the date line under the headline is not text


def test_html_modified_stamps_and_sidebar_dates_never_win():
    html = ('<html><head><meta property="article:modified_time" content="2024-11-08T10:00:00Z"></head><body>'
            '<aside><p>Most read</p><p>Published November 1, 2024: Metro closes</p></aside>'
            f'<article><h1>Clashes</h1><p class="meta">Posted on November 6, 2024 by Olena Marchuk</p>{_P}'
            '</article></body></html>')
    story, _ = read_html(html, "t.html")
    assert story.published == D(2024, 11, 6) and story.updated == D(2024, 11, 8)


@pytest.mark.parametrize("head,published", [
    ("KYIV, 13 January 2025 — ", D(2025, 1, 13)),
    ("MOSCOW, 28 April 2025 (AFP) - ", D(2025, 4, 28)),
    ("SEOUL, 13.01.2025 — ", D(2025, 1, 13)),
    ("Kyiv, January 13, 2025 — ", D(2025, 1, 13)),
    ("SEOUL, Jan. 13 (Yonhap) -- ", None),  # no year: never completed by guessing
    ("Kyiv — ", None),
])
def test_dateline_at_the_head_of_the_body_in_several_styles(head, published):
    page = "\n\n".join(["Ukraine says its troops fought North Korean soldiers", "By Mary Smith",
                        head + BODY[0], *BODY[1:]])
    story, _ = read_text(page, "t.txt")
    assert story.published == published
    assert story.published_basis == ("dateline" if published else None)


def test_day_first_settled_by_the_day_the_page_was_seen():
    lines = ["Posted: 03/04/2025 9:00 AM"]
    assert day_first(lines) is None
    assert day_first(lines, latest=dt.date(2025, 3, 10)) is False  # 4 March, not 3 April
    assert day_first(lines, latest=dt.date(2025, 4, 10)) is None  # both readings possible


def test_a_date_with_its_weekday_in_brackets_as_korean_and_japanese_sites_print_it():
    assert parse_value("2024.11.26 (Tue) 10:30 KST") == dt.date(2024, 11, 26)
    assert parse_value("2024.11.18 (Mon)") == dt.date(2024, 11, 18)

"""Markdown articles with YAML front matter."""
import datetime as dt

from newsgen.load import read_markdown

D = dt.date


def _read(fixture_text, name):
    return read_markdown(fixture_text(name), name)


def test_good_front_matter(fixture_text):
    story, problems = _read(fixture_text, "good.md")
    assert problems == ()
    assert story.title == "Allies condemn North Korean deployment"
    assert story.outlet == "The Capital Courier"
    assert story.url == "https://courier.example/world/allies-condemn"
    assert story.published == D(2024, 11, 7) and story.published_basis == "front matter"
    assert story.byline == "Maria Lopez"
    assert story.credit == "AP"
    assert story.format == "md" and story.id == "good"


def test_markdown_syntax_is_stripped_and_headings_are_not_paragraphs(fixture_text):
    story, _ = _read(fixture_text, "good.md")
    assert story.paragraphs[0] == (
        "KYIV, Ukraine (AP) — Eleven governments and the European Union on Wednesday condemned North "
        "Korea's deployment of troops to Russia, calling it a dangerous expansion of the war.")
    assert story.paragraphs[1] == ('The statement, published by the State Department, said direct support '
                                   'for Russia\'s war would have "serious consequences" for peace.')
    body = "\n".join(story.paragraphs)
    for gone in ("*", "](", "https://", "#", "Reaction", "A heading", "alert", "<"):
        assert gone not in body, gone
    assert story.paragraphs[2].startswith("Ukraine's foreign ministry")  # list items are paragraphs


def test_leading_heading_is_the_title_when_front_matter_has_none(fixture_text):
    story, problems = _read(fixture_text, "heading_title.md")
    assert problems == ()
    assert story.title == "Pentagon urges withdrawal of troops from Russia"
    assert story.published == D(2024, 10, 30)  # a quoted date string is still a date
    assert story.paragraphs[0].startswith("WASHINGTON, Oct. 30 (Yonhap) -- U.S. Defense Secretary")


def test_malformed_date_falls_back_to_dateline_with_warning(fixture_text):
    story, problems = _read(fixture_text, "malformed_date.md")
    assert story.published == D(2024, 12, 16) and story.published_basis == "dateline"
    assert story.byline == "Jane Doe"  # "By " dropped
    (p,) = problems
    assert p.severity == "warning" and p.file == "malformed_date.md" and p.line == 3
    assert "published" in p.message


def test_missing_date_warns_and_yearless_dateline_gives_none(fixture_text):
    story, problems = _read(fixture_text, "missing_date.md")
    assert story.published is None
    assert story.dateline == "WASHINGTON, Dec. 16 (AP)"
    assert [(p.severity, p.file) for p in problems] == [("warning", "missing_date.md")]


def test_broken_yaml_reports_line_and_body_still_loads(fixture_text):
    story, problems = _read(fixture_text, "broken_front_matter.md")
    errors = [p for p in problems if p.severity == "error"]
    assert len(errors) == 1 and errors[0].file == "broken_front_matter.md"
    assert errors[0].line in (3, 4)  # the bad line or the one where YAML noticed
    assert len(story.paragraphs) == 2
    # The well-formed lines around the broken one are still read.
    assert story.title == "Allies warn over troop transfers"
    assert story.outlet is None
    assert story.published == D(2024, 12, 17)


def test_unclosed_front_matter(fixture_text):
    story, problems = _read(fixture_text, "unclosed_front_matter.md")
    assert any(p.severity == "error" and p.line == 1 for p in problems)
    assert story.title == "Allies warn over troop transfers"
    assert story.paragraphs == (
        "The United States and its allies warned North Korea on Monday that sending more troops to "
        "Russia would deepen its isolation.",)


def test_front_matter_that_is_not_a_mapping_and_bad_url():
    text = "---\n- just\n- a list\n---\nBody text that is long enough to be a paragraph here.\n"
    story, problems = read_markdown(text, "list.md")
    assert story.paragraphs == ("Body text that is long enough to be a paragraph here.",)
    assert any("mapping" in p.message for p in problems)
    story, problems = read_markdown("---\nurl: javascript:alert(1)\npublished: 2024-01-02\n---\nText.\n", "u.md")
    assert story.url is None and any(p.line == 2 for p in problems)


def test_pages_read_one_after_another_do_not_share_link_references():
    # One Markdown converter serves every page; it is reset between them.
    first, _ = read_markdown("---\ntitle: A\n---\n\nThe first page cites [Reuters][r] on the troops.\n\n"
                             "[r]: https://example.com/r\n", "a.md")
    second, _ = read_markdown("---\ntitle: B\n---\n\nThe second page cites [Reuters][r] on the troops.\n", "b.md")
    assert first.paragraphs == ("The first page cites Reuters on the troops.",)
    assert second.paragraphs == ("The second page cites [Reuters][r] on the troops.",)


def test_plain_prose_is_read_without_the_converter_and_gives_its_html():
    import importlib

    import markdown

    md = importlib.import_module("newsgen.load.markdown")
    plain = "North Korea has sent troops, officials said.\nThe deployment “is ongoing”.\n\n\n(Reporting by Staff)"
    assert md._plain_html(plain) == markdown.markdown(plain, output_format="html")
    # Anything that is Markdown syntax (a list, emphasis, a heading, a line break, an
    # indented line, a numbered line) goes through the converter.
    for body in ("- one\n- two", "Some *emphasis* here.", "# Title\n\nText.", "Line one  \nline two",
                 "    code", "2024. A year", "Text &amp; more", "A [link](http://x.org)."):
        assert md._plain_html(body) is None, body


def test_fixture_markdown_reads_the_same_through_either_path(monkeypatch):
    import importlib
    from pathlib import Path

    md = importlib.import_module("newsgen.load.markdown")
    pages = sorted((Path(__file__).parent / "fixtures").rglob("*.md"))
    assert len(pages) >= 8
    fast = [read_markdown(p.read_text(encoding="utf-8"), p.name) for p in pages]
    monkeypatch.setattr(md, "_plain_html", lambda body: None)
    slow = [read_markdown(p.read_text(encoding="utf-8"), p.name) for p in pages]
    assert fast == slow


def test_an_email_newsletter_s_masthead_edition_line_and_signed_standfirst():
    text = ("[View this email in your browser](https://x.example/archive) · [Forward](https://x.example/fw)\n\n"
            "# THE FJORD BRIEF\n\n"
            "**Thursday, 12 December 2024** · Oslo edition · Issue No. 88\n\n"
            "*The north in five minutes. By Ingrid Dahl.*\n\n---\n\n"
            "Good morning. Norway's intelligence service said on Wednesday that North Korean troops were in Kursk.\n\n"
            "## 1. Troops in Kursk\n\nThe service said about 11,000 soldiers had been sent to Russia.\n")
    story, problems = read_markdown(text, "n.md")
    assert story.title == "THE FJORD BRIEF" and story.byline == "Ingrid Dahl"
    assert story.published == dt.date(2024, 12, 12)  # an edition line is no update line
    assert story.paragraphs[0].startswith("Good morning.") and not problems


def test_a_release_service_s_front_matter_names_the_day_of_issue_and_the_service():
    text = ("---\ntitle: Joint statement on North Korean troops\nservice: Harbour Release Wire\n"
            "release_date: 2025-05-29\nrelease_type: Joint statement\nissuers: [Norway, Finland]\n---\n\n"
            "We, the governments of Norway and Finland, condemn the deployment of North Korean troops to Russia.\n")
    story, problems = read_markdown(text, "r.md")
    assert story.published == dt.date(2025, 5, 29) and story.outlet == "Harbour Release Wire"
    assert not problems  # release_type and issuers are known keys


def test_a_byline_and_date_line_under_a_promo_and_standfirst_is_the_header():
    text = ("---\ntitle: The long road home\npublished: 2025-11-13\n---\n\n"
            "> **The Long Read** · This piece appears in our December print issue. [Subscribe](/subscribe)\n\n"
            "# The long road home\n\n"
            "*For months the state said nothing about the soldiers it had sent abroad. Then it built them a wall "
            "of portraits and a museum, and what it chose to remember tells its own story*\n\n"
            "By **Hana Holm** · 13 November 2025\n\n---\n\n"
            "The wall went up in the central hall, and on the day it was unveiled it held 101 faces.\n\n"
            "State media reported the ceremony on Friday, 22 August, and the leader said the men were heroes.\n")
    story, _ = read_markdown(text, "long.md")
    assert story.byline == "Hana Holm"
    assert story.paragraphs[0].startswith("The wall went up")  # the byline line is no paragraph


def test_a_live_page_s_time_headings_open_their_entries():
    text = ("---\ntitle: Spy agency briefing – as it happened\ndate: 2025-11-04\n---\n\n"
            "### 17:15 GMT\n\nWe're closing this live page. Thanks for following along today.\n\n"
            "### 11:30 GMT\n\nThe spy agency told lawmakers that about 5,000 builders had moved to Russia.\n\n"
            "### 09:05 GMT\n\nLee Seong-kweun told reporters the agency saw signs of training for another dispatch.\n")
    story, _ = read_markdown(text, "live.md")
    assert [p[:9] for p in story.paragraphs] == ["17:15 GMT", "11:30 GMT", "09:05 GMT"]


def test_a_posted_stamp_in_front_matter_is_the_publication_day():
    story, problems = read_markdown("---\ntitle: Hearing notes\nposted: 2025-04-11T08:30:00-04:00\n---\n\n"
                                    "The commander told senators that North Korea had sent troops to Russia.\n", "h.md")
    assert story.published == dt.date(2025, 4, 11)
    assert not any("posted" in p.message for p in problems)


_TOML_PAGE = """+++
title = "North Korea's war in Kursk, by the numbers"
date = 2025-02-03T06:00:00+01:00
lastmod = 2025-02-05T10:40:00+01:00
authors = ["Jane Roe"]
publication = "The Tally"
section = "Numbers"
[params]
theme = "dark"
+++

# North Korea's war in Kursk, by the numbers

Kyrylo Budanov told a US defence site on October 18 that nearly 11,000 North Korean infantrymen were training in eastern Russia.
"""


def test_toml_front_matter_between_plus_lines_is_read_as_hugo_writes_it():
    story, problems = read_markdown(_TOML_PAGE, "t.md")
    assert problems == ()
    assert (story.title, story.outlet, story.byline) == ("North Korea's war in Kursk, by the numbers", "The Tally", "Jane Roe")
    assert (story.published, story.published_basis, story.updated) == (D(2025, 2, 3), "front matter", D(2025, 2, 5))
    assert story.paragraphs[0].startswith("Kyrylo Budanov told")


def test_broken_toml_front_matter_is_an_error_naming_its_line():
    story, problems = read_markdown(_TOML_PAGE.replace('publication = "The Tally"', 'publication = The Tally'), "t.md")
    assert [(p.line, p.severity) for p in problems if "TOML" in p.message] == [(6, "error")]
    assert story.published is None and story.paragraphs[0].startswith("Kyrylo Budanov told")


def test_a_bold_line_that_is_a_date_heads_the_entry_under_it():
    story, _ = read_markdown("""---
title: Factbox
published: 2025-09-04
---

Following are the main statements made since the troops arrived.

**NOV. 7, 2024 - ZELENSKY TO EUROPEAN LEADERS**

Speaking in Budapest, Ukrainian President Volodymyr Zelensky said North Korea was waging war in Europe.

**A bold sentence that is no date.**

Zelensky said the allies must act.
""", "f.md")
    assert story.paragraphs[1] == "NOV. 7, 2024 - ZELENSKY TO EUROPEAN LEADERS"
    assert story.paragraphs[2].startswith("Speaking in Budapest")
    assert "A bold sentence that is no date." not in story.paragraphs[1:2]


def test_a_live_page_s_time_and_headline_headings_open_their_entries_and_opened_is_its_day():
    text = ("---\ntitle: LIVE - Seoul says North Korea sent more troops\nopened: 2025-03-27 08:50 +0900\n---\n\n"
            "### 17:45 KST · Moscow: Kim visit in the \"preparatory stage\"\n\nAndrei Rudenko said Moscow was preparing a visit by Kim Jong Un.\n\n"
            "### 14:20 KST | Missiles and artillery, too\n\nThe JCS says North Korea keeps supplying Russia with missiles.\n\n"
            "### 09:30 KST – Where things stand\n\nGood morning. The Joint Chiefs of Staff will brief reporters at ten.\n\n"
            "### Analysis - 3 things to know\n\nThe numbers matter because the first wave took heavy losses.\n")
    story, _ = read_markdown(text, "live.md")
    assert story.published == dt.date(2025, 3, 27)
    assert [p[:9] for p in story.paragraphs[:3]] == ["17:45 KST", "14:20 KST", "09:30 KST"]
    assert story.paragraphs[0] == "17:45 KST – Andrei Rudenko said Moscow was preparing a visit by Kim Jong Un."
    assert not any("3 things" in p for p in story.paragraphs)



def test_list_items_closed_by_footnote_references_are_text():
    story, _ = read_markdown("""---
title: Daily update
date: 2024-11-20
---

The update tracks the North Korean forces in Russia.

## Forces

- The soldiers have been assigned to Russian airborne units, Lee said, citing the intelligence service.[1][2]
- Lee added that the agency is still checking reports of soldiers taken prisoner.[2]

[1] Wire report on the briefing, November 20, 2024
""", "u.md")
    assert story.paragraphs[1].startswith("The soldiers have been assigned")
    assert story.paragraphs[2].startswith("Lee added")

"""Scraped page text from other outlets' layouts (fixtures written for these tests)."""
import datetime as dt

from newsgen.load import read_text

D = dt.date


def _read(fixture_text, name):
    story, problems = read_text(fixture_text(name), name)
    return story, problems


def _body(story):
    return "\n".join(story.paragraphs)


def test_wire_site_page(fixture_text):
    story, problems = _read(fixture_text, "wire_site.txt")
    assert problems == ()
    assert story.title == "North Korean troops reach front line in Kursk, officials say"
    assert story.byline == "Jane Doe and John Roe"
    assert story.published == D(2024, 10, 18) and story.published_basis == "publication line"
    assert story.updated == D(2024, 10, 19)
    assert story.dateline == "SEOUL, Oct 18 (Reuters)"
    assert story.credit == "Reuters"
    assert story.paragraphs[0].startswith("SEOUL, Oct 18 (Reuters) - North Korean soldiers")
    assert story.paragraphs[-1].endswith("Pyongyang has denied sending troops.")
    assert len(story.paragraphs) == 4
    assert story.captions == (
        "North Korean soldiers march during a parade in Pyongyang, North Korea, in this file photo. "
        "KCNA via REUTERS/File Photo",
    )
    body = _body(story)
    for chrome in ("Skip to", "Share", "Advertisement", "Reporting by", "Our Standards", "Read Next",
                   "Oil prices", "cookies", "©", "Published", "Updated", "file photo"):
        assert chrome not in body, chrome


def test_korean_outlet_page(fixture_text):
    story, _ = _read(fixture_text, "korean_daily.txt")
    assert story.title == "N. Korean troops in Russia likely to be sent to front lines: NIS"
    assert story.byline == "Lee Min-ji"
    # The publication line wins over the dateline; the update stamp is never the publication date.
    assert story.published == D(2024, 12, 27) and story.published_basis == "publication line"
    assert story.updated == D(2024, 12, 28)
    assert story.dateline == "SEOUL, Dec. 27 (Yonhap)"
    assert story.credit == "Yonhap"
    assert story.paragraphs[0].startswith("SEOUL, Dec. 27 (Yonhap) -- North Korean troops")
    assert story.paragraphs[-1].endswith("expects additional troops to follow.")
    assert len(story.captions) == 1 and story.captions[0].endswith("[YONHAP]")
    body = _body(story)
    for chrome in ("Font size", "A+", "Comments", "@", "Copyright", "Most Viewed", "Seoul stocks",
                   "K-pop", "budget bill", "go to top", "Home >", "[YONHAP]"):
        assert chrome not in body, chrome


def test_dateline_without_a_year_gives_no_date(fixture_text):
    story, _ = _read(fixture_text, "dateline_no_year.txt")
    assert story.dateline == "WASHINGTON, Dec. 16 (AP)"
    assert story.published is None and story.published_basis is None
    assert story.credit == "AP"
    assert story.title == "Allies warn Pyongyang over troop transfers"
    assert "Trending" not in _body(story) and "meteor" not in _body(story)
    assert len(story.paragraphs) == 3


def test_dateline_year_from_update_stamp_across_new_year(fixture_text):
    story, _ = _read(fixture_text, "dateline_updated.txt")
    # "Dec. 30" with an update stamp of Jan. 2, 2025 can only be 30 Dec 2024.
    assert story.published == D(2024, 12, 30) and story.published_basis == "dateline"
    assert story.updated == D(2025, 1, 2)
    assert not any(p.startswith("Updated") for p in story.paragraphs)


def test_blog_page(fixture_text):
    story, _ = _read(fixture_text, "blog.txt")
    assert story.title == "Why the Kursk deployment matters for Seoul"
    assert story.byline == "Jane Blogger"
    assert story.seen_on == D(2024, 10, 31)
    # "Posted by ... at 10/31/2024": the month/day order is unambiguous here.
    assert story.published == D(2024, 10, 31) and story.published_basis == "publication line"
    # The crosshead is dropped but the body continues past it.
    assert len(story.paragraphs) == 5
    assert story.paragraphs[-1].startswith("Either way, the deployment")
    body = _body(story)
    for chrome in ("What comes next", "Great analysis", "comments", "Post a Comment", "Popular Posts",
                   "Panmunjom", "Labels:", "Subscribe"):
        assert chrome not in body, chrome


def test_page_without_prose_is_a_warning_not_a_crash():
    story, problems = read_text("Home\nMenu\nSearch\n  • Latest\n  • Sports\n", "menu.txt")
    assert story.paragraphs == () and story.id == "menu"
    assert problems and problems[0].severity == "warning" and problems[0].file == "menu.txt"


def test_unlabelled_teasers_after_the_body_are_dropped():
    page = "\n".join([
        "Troops seen moving toward the border",
        "By Sam Park",
        "Troops were seen moving toward the border on Sunday, residents said, as tensions rose for a third day.",
        "Officials did not confirm the movements but said they were watching the situation closely.",
        "The defence ministry is expected to brief reporters on Monday morning in the capital.",
        "Stocks slip as investors await rate decision",
        "Markets were lower on Monday as traders waited for the central bank.",
        "Festival crowds break attendance record",
        "Organisers said more than a million people attended over the weekend.",
    ])
    story, _ = read_text(page, "teasers.txt")
    assert story.byline == "Sam Park"
    assert story.paragraphs[-1].startswith("The defence ministry is expected")
    assert "Markets" not in _body(story) and "Organisers" not in _body(story)


def test_hard_wrapped_paragraphs_are_joined():
    page = ("Allies meet in Brussels\n\n"
            "Foreign ministers met in Brussels on Tuesday to discuss the war and\n"
            "agreed to expand sanctions on companies that supply the Russian army.\n\n"
            "The meeting was the first since the new troop deployments were reported\n"
            "by intelligence agencies in Seoul and Kyiv last month.\n")
    story, _ = read_text(page, "wrapped.txt")
    assert story.paragraphs == (
        "Foreign ministers met in Brussels on Tuesday to discuss the war and agreed to expand sanctions "
        "on companies that supply the Russian army.",
        "The meeting was the first since the new troop deployments were reported by intelligence "
        "agencies in Seoul and Kyiv last month.",
    )

"""Pages in layouts the readers were not written against (fixtures/unseen/).

Each fixture copies the shape of a real outlet's page (its chrome, byline and date
forms); the article text is written for the tests. The four header fields are what
matters most on unseen pages: a wrong date is worse than none, so several pages
carry only dates that must NOT be taken (an "Updated" stamp, "2 hours ago", a date
bar, a footer copyright year, dated teasers).
"""
import datetime as dt
from functools import cache
from pathlib import Path

import pytest

from newsgen.load import load_story

D = dt.date
UNSEEN = Path(__file__).parent / "fixtures" / "unseen"

# file: (headline, outlet, byline, published)
EXPECTED = {
    # AP's own site: the copyright names the wire and the logo line "AP" repeats it;
    # only an "Updated" stamp is printed, so there is no publication date.
    "apnews.txt": ('North Korea says it tested new long-range missile engine as Kim warns of "resolute" response',
                   "The Associated Press", "Hyung-Jin Kim and Kim Tong-Hyung", None),
    "reuters.txt": ("North Korean troops engage Ukrainian forces in Kursk, Seoul says",
                    "Reuters", "Ju-min Park and Josh Rowe", D(2024, 11, 5)),
    # Teaser headlines directly above the headline; the copyright names the parent
    # company, which shares nothing with the logo line, so no outlet is claimed.
    "nknews.txt": ("North Korean soldiers in Russia receive new drone training, Ukrainian intelligence says",
                   None, "Jane Doe", D(2024, 11, 5)),
    "koreaherald.txt": ("N. Korea fires ballistic missiles toward East Sea ahead of US vote",
                        "The Korea Herald", "Choi Min-seo", D(2024, 11, 5)),
    "kyivindependent.txt": ("North Korean troops fire on Ukrainian positions in Kursk Oblast for first time, Zelensky says",
                            "The Kyiv Independent", "Jane Doe", D(2024, 11, 5)),
    "aljazeera.txt": ("Ukraine says it clashed with North Korean troops in Russia's Kursk",
                      "Al Jazeera", "Jane Doe and John Roe", D(2024, 11, 5)),
    # "2 hours ago" is no date.
    "bbc.txt": ("North Korean troops 'suffered heavy losses' in first battles", "BBC", "Jane Doe", None),
    "diplomat.txt": ("What North Korea Gains From Sending Troops to Russia", "The Diplomat", "Jane Doe", D(2024, 11, 5)),
    "cnn.txt": ("North Korean soldiers in Russia are now in Kursk region, Pentagon says",
                "CNN", "Jane Doe, John Roe and Sam Poe", D(2024, 11, 5)),
    "rfa.txt": ("North Korean families told to stay silent about sons sent to Russia",
                "Radio Free Asia", "Jane Doe", D(2024, 11, 5)),
    "starsandstripes.txt": ("US, South Korean troops wrap up drills as North sends soldiers to Russia",
                            "Stars and Stripes", "Jane Doe", D(2024, 11, 5)),
    "joongang.txt": ("North Korea's troop deployment to Russia could reach 100,000, lawmaker says",
                     "Korea JoongAng Daily", "Lee Jae-hyun", D(2024, 11, 5)),
    "dailynk.txt": ("North Korea tightens border controls after soldiers' letters leak",
                    "Daily NK", "Jane Doe", D(2024, 11, 5)),
    # Written after the rules, as a check on them: "Jane Roe in Tokyo and ..." bylines,
    # dated teasers above the headline, a section label before the date, a
    # "Source:" line naming where the information came from (not the outlet).
    "guardian.txt": ("North Korea's soldiers in Russia: cannon fodder or a test of Kim's new army?", None,
                     "Justin Roe and Jane Doe", D(2024, 11, 5)),
    "yonhap.txt": ("(LEAD) N. Korea's troops in Russia could be deployed to front soon: NIS", "Yonhap News Agency",
                   None, D(2024, 11, 5)),
    "koreatimes.txt": ("North Korean troops in Russia begin combat training with drones", "The Korea Times",
                       "Jane Doe", D(2024, 11, 5)),
    "ukrpravda.txt": ("Ukraine says North Korean troops killed near Kursk", "Ukrainska Pravda", None, D(2024, 11, 5)),
    # The UTC stamp says Nov 4; the Seoul dateline of the same moment says Nov 5.
    "title_suffix.html": ("North Korean troops engage Ukrainian forces in Kursk, Seoul says",
                          "Reuters", "Ju-min Park and Josh Rowe", D(2024, 11, 5)),
    "yoast_graph.html": ("What North Korea Gains From Sending Troops to Russia", "The Diplomat",
                         "Jane Doe and Min-jun Lee", D(2024, 11, 5)),
    "time_header.html": ("North Korean troops 'suffered heavy losses' in first battles", "Seoul Ledger",
                         "Jane Doe", D(2024, 11, 5)),
    # Only a modification date: never the publication date.
    "modified_only.html": ("Ukraine says North Korean units moved to Kursk front", "Kyiv Post", "Jane Doe", None),
    "dateline_only.html": ("Pyongyang marks anniversary with calls for loyalty", "Daily NK", "Jane Doe",
                           D(2024, 11, 5)),
    "clipper.md": ("North Korean soldiers in Russia receive new drone training", "NK News",
                   "Jane Doe and Min-jun Lee", D(2024, 11, 5)),
    "hugo.md": ("N. Korea fires ballistic missiles toward East Sea ahead of US vote", "The Korea Herald",
                "Choi Min-seo", D(2024, 11, 5)),
    "no_front_matter.md": ("Ukraine says it clashed with North Korean troops in Russia's Kursk", None, "Jane Doe",
                           D(2024, 11, 5)),
}


@cache
def _load(name):
    story, problems = load_story(UNSEEN / name, name)
    assert story is not None, problems
    return story, problems


def test_every_fixture_has_an_expectation():
    assert sorted(p.name for p in UNSEEN.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_header_fields(name):
    story, _ = _load(name)
    title, outlet, byline, published = EXPECTED[name]
    assert (story.title, story.outlet, story.byline, story.published) == (title, outlet, byline, published)
    assert (story.published_basis is None) == (published is None)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_body_has_no_header_or_chrome(name):
    story, _ = _load(name)
    assert len(story.paragraphs) >= 3
    body = "\n".join(story.paragraphs)
    title = EXPECTED[name][0]
    assert title not in story.paragraphs
    for chrome in ("Skip to", "Share this", "cookies", "©", "Copyright", "All rights reserved", "Published",
                   "Updated", "min read", "Advertisement", "Most popular", "Most Popular", "Subscribe",
                   "Click here", "@", "Tags", "Related"):
        assert chrome not in body, (chrome, name)
    # Author bios and teasers after the article are not body text.
    assert " is a reporter" not in body and " is a Seoul-based journalist" not in body


@pytest.mark.parametrize("name,first,last", [
    ("apnews.txt", "SEOUL, South Korea (AP) — North Korea said Tuesday", None),
    ("reuters.txt", "SEOUL, Nov 5 (Reuters) - North Korean troops", "described the reports as groundless."),
    ("nknews.txt", "North Korean soldiers stationed in Russia's Far East", "moved to the Kursk region."),
    ("kyivindependent.txt", "North Korean troops deployed", "presence of North Korean soldiers in Russia."),
    ("diplomat.txt", "When reports first emerged", "could not have imagined two years ago."),
    ("dailynk.txt", "North Korean authorities have tightened", "training camps in Russia's Far East."),
    ("joongang.txt", "North Korea could send", "monitor North Korean tactics."),
    ("starsandstripes.txt", "CAMP HUMPHREYS, South Korea — American", "rehearsals for an invasion."),
])
def test_body_bounds(name, first, last):
    story, _ = _load(name)
    assert story.paragraphs[0].startswith(first)
    if last:
        assert story.paragraphs[-1].endswith(last)


def test_date_bar_above_the_headline_is_seen_on_not_published():
    for name in ("koreaherald.txt", "joongang.txt"):
        story, _ = _load(name)
        assert story.seen_on == D(2024, 11, 8)
        assert story.published == D(2024, 11, 5) and story.updated == D(2024, 11, 6)


def test_bulleted_list_inside_the_body_does_not_end_it():
    story, _ = _load("kyivindependent.txt")
    assert "Zelensky said around 11,000 North Korean soldiers are now in Kursk Oblast." in story.paragraphs
    assert story.paragraphs[-1].startswith("The Kremlin has not confirmed")
    story, _ = _load("diplomat.txt")
    assert "It secures a patron on the UN Security Council that will block new sanctions." in story.paragraphs
    assert not any(p.startswith("Enjoying this article") for p in story.paragraphs)


def test_wire_credit_without_wire_outlet():
    # (AP)/(Reuters) datelines give the credit; the outlet comes only from the page's own signals.
    assert _load("apnews.txt")[0].credit == "AP"
    assert _load("reuters.txt")[0].credit == "Reuters"
    story, _ = _load("aljazeera.txt")
    assert story.credit is None  # "Al Jazeera and news agencies" names no wire


def test_captions_out_of_body():
    story, _ = _load("bbc.txt")
    assert story.captions == ("North Korean soldiers take part in a military parade in Pyongyang in 2023",)
    story, _ = _load("cnn.txt")  # "... Ahn Young-joon/AP"
    assert len(story.captions) == 1 and story.captions[0].endswith("Ahn Young-joon/AP")
    story, _ = _load("aljazeera.txt")
    assert len(story.captions) == 1 and story.captions[0].endswith("[File: Viacheslav Ratynskyi/Reuters]")


def test_markdown_image_captions():
    story, _ = _load("clipper.md")
    assert story.captions == (
        "A screenshot from a video released by Ukraine's military intelligence directorate. (HUR)",
        "Soldiers fire at targets from a trench in footage released on Tuesday. Image: HUR",
    )
    assert len(story.paragraphs) == 3 and not any("HUR)" in p or "Image:" in p for p in story.paragraphs)
    assert story.url == "https://www.nknews.example/2024/11/north-korean-soldiers-drone-training/"
    story, _ = _load("hugo.md")
    # The image title is the full caption; the alt text is a shorter description of it.
    assert story.captions == ("People watch a news broadcast reporting on a North Korean missile launch at "
                              "Seoul Station on Tuesday. (Yonhap)",)


def test_markdown_front_matter_variants_warn_only_on_unknown_keys():
    _, problems = _load("clipper.md")
    assert problems == ()  # created/description/tags/site are common clipping keys
    story, problems = _load("hugo.md")
    assert [(p.severity, "weight" in p.message) for p in problems] == [("warning", True)]
    assert story.updated == D(2024, 11, 6)  # lastmod is the update, never the publication


def test_markdown_without_front_matter_reads_the_header_lines():
    story, problems = _load("no_front_matter.md")
    assert story.published_basis == "publication line"
    assert story.paragraphs[0].startswith("Ukraine says its forces have clashed")
    assert problems == ()


def _page(*lines):
    from newsgen.load import read_text
    return read_text("\n".join(lines), "page.txt")[0]


BODY = (
    "Troops were seen moving toward the border on Sunday, residents said, as tensions rose for a third day.",
    "Officials did not confirm the movements but said they were watching the situation at the border.",
    "The defence ministry is expected to brief reporters on Monday morning in the capital.",
)


def test_bare_date_counts_only_under_the_headline():
    assert _page("Troops seen moving toward the border", "By Sam Park", "March 3, 2025", *BODY).published == D(2025, 3, 3)
    # Above the headline it is a date bar; after the body it belongs to something else.
    story = _page("March 4, 2025", "Troops seen moving toward the border", "By Sam Park", *BODY)
    assert story.published is None and story.seen_on == D(2025, 3, 4)
    assert _page("Troops seen moving toward the border", "By Sam Park", *BODY, "March 3, 2025").published is None
    # "Updated" is never the publication date, even right under the headline.
    assert _page("Troops seen moving toward the border", "Updated March 3, 2025", *BODY).published is None


def test_teaser_list_after_the_body_is_not_a_list_inside_it():
    story = _page("Troops seen moving toward the border", *BODY, "More stories",
                  "  • Stocks slip as investors await rate decision",
                  "  • Festival crowds break attendance record",
                  "Organisers said more than a million people attended over the weekend, a record.",
                  "The festival will return next year with a larger programme of concerts, they said.")
    assert story.paragraphs == BODY

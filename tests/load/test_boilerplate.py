"""The shared boilerplate stage, on Markdown pages written the way different outlets
write their chrome (none of them the dev corpus's wording)."""
import textwrap

import pytest

from newsgen.load import read_markdown
from newsgen.load.boilerplate import Block, caption_tail, strip

FRONT = "---\ntitle: A test\npublished: 2024-11-07\n---\n\n"
BODY = textwrap.dedent("""\
    KYIV — Ukraine's military intelligence said on Wednesday that North Korean units had reached the front line near the border, two officials told reporters.

    The officials said the units had trained for several weeks at ranges in the Russian Far East before they were moved west.

    A spokesman for the ministry declined to give a figure, saying the count was still being checked with allies.
    """)


def _body(tail: str, head: str = "") -> tuple[str, ...]:
    story, _ = read_markdown(FRONT + head + BODY + "\n" + textwrap.dedent(tail), "t.md")
    return story.paragraphs


def _only_the_article(paragraphs):
    assert len(paragraphs) == 3, paragraphs
    assert paragraphs[0].startswith("KYIV") and paragraphs[-1].startswith("A spokesman")


@pytest.mark.parametrize("tail", [
    # a link row after the body, in a quote, a paragraph, a bold label
    "> **Further reading:** [Who commands the units](/a) — [The treaty, explained](/b)\n",
    "*More on this:* [Satellite images of the ranges](/x), [How the deal was struck](/y)\n",
    "[Opinion: the war's new phase](/o) | [Listen: our weekly briefing](/p)\n",
    # a membership / newsletter appeal after a rule
    "---\n\n*The Example Review depends on readers like you. [Support us](/s) from $2 a month.*\n",
    "* * *\n\n**Get the morning briefing in your inbox every weekday.** [Sign me up](/n)\n",
    # a related list under a label, after a rule or not
    "---\n\n**More from the Example Review**\n\n- [Drone strikes hit a fuel depot](/1)\n- [Parliament passes 2025 budget](/2)\n",
    "### Related stories\n\n- Winter fuel prices rise again\n- Five things to know about the new metro line\n- Quiz: how well do you know the capital\n",
    # podcast and comment notices, share row
    "---\n\n_Listen to this story on our podcast, episode 52._ · [Share](#) · [Print](#)\n",
    "<small>Comments on this article have been turned off.</small>\n",
])
def test_chrome_after_the_body_is_dropped(tail):
    _only_the_article(_body(tail))


def test_a_standfirst_in_italics_is_not_body():
    paragraphs = _body("", head="*Kyiv says the first units have reached the front*\n\n")
    _only_the_article(paragraphs)


def test_body_with_links_and_a_closing_short_sentence_stays():
    text = BODY + "\nThe report, [published in full](/r) on the ministry's site, gave no numbers.\n\nHe did not elaborate.\n"
    story, _ = read_markdown(FRONT + text, "t.md")
    assert story.paragraphs[-2].startswith("The report, published in full")
    assert story.paragraphs[-1] == "He did not elaborate."


def test_a_rule_inside_the_body_does_not_end_it():
    text = BODY.replace("\nA spokesman", "\n---\n\nA spokesman") + "\nHe did not elaborate.\n"
    story, _ = read_markdown(FRONT + text, "t.md")
    assert story.paragraphs[-1] == "He did not elaborate."
    assert len(story.paragraphs) == 4


def test_a_key_points_list_of_sentences_is_body():
    text = BODY + "\nKey points:\n\n- The units crossed the border on Monday night, officials said.\n- Seoul said it was watching closely.\n"
    story, _ = read_markdown(FRONT + text, "t.md")
    assert "Seoul said it was watching closely." in story.paragraphs


@pytest.mark.parametrize("text,is_caption", [
    ("Soldiers at a training ground in the Kursk region. Illustrative photo.", True),
    ("A column of trucks near the border (File photo)", True),
    ("Rescuers at the site of the strike in Kharkiv. Archive image", True),
    ("Stock photo.", True),
    ("The ministry released a photo of the soldiers on Tuesday.", False),
    ("He said the video was authentic. Officials agreed.", False),
])
def test_caption_tails(text, is_caption):
    assert caption_tail(text) is is_caption


def test_strip_reports_why_a_block_was_dropped():
    blocks = [
        Block("Officials said the troops had arrived in the region on Monday, after a week of training."),
        Block("Read also: Ten years of the metro, in pictures"),
        Block("Seoul and Washington are to hold talks later this week, the ministry said."),
        Block("Also on this site", emphasis=True, after_rule=True),
        Block("Budget vote delayed again", link_chars=25, item=True, after_rule=True),
        Block("Storm warning for the coast", link_chars=28, item=True, after_rule=True),
    ]
    out = strip(blocks)
    assert [b.text[:9] for b in out.body] == ["Officials", "Seoul and"]
    reasons = {b.text[:9]: why for b, why in out.chrome}
    assert reasons["Read also"] == "furniture"
    assert reasons["Budget vo"] in ("link row", "teaser list")
    assert reasons["Also on t"] in ("teaser label", "after the body")


# --- the same stage behind the HTML and text readers -------------------------------------

from newsgen.load import read_html, read_text  # noqa: E402

_PARAS = [
    "Ukraine's military intelligence said on Wednesday that North Korean units had reached the front line near the border.",
    "The officials said the units had trained for several weeks at ranges in the Russian Far East before they were moved west.",
    "A spokesman for the ministry declined to give a figure, saying the count was still being checked with allies.",
    "Seoul's defence ministry said it was watching the movements closely and would share what it learned with Washington.",
]


def _html(inside: str, before: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in _PARAS)
    return (f"<html><head><title>Units reach the front</title></head><body><article><h1>Units reach the front</h1>"
            f"{before}{body}{inside}</article></body></html>")


@pytest.mark.parametrize("inside", [
    '<p><a href="/a">Drone strikes hit a fuel depot overnight</a> | <a href="/b">Parliament passes the 2025 budget</a></p>',
    '<p>See also: <a href="/x">How the treaty binds Moscow and Pyongyang</a>, <a href="/y">Who commands the units</a></p>',
])
def test_html_link_rows_in_the_article_are_dropped(inside):
    story, _ = read_html(_html(inside), "t.html")
    assert story.paragraphs == tuple(_PARAS)


def test_html_standfirst_before_the_body_is_dropped():
    story, _ = read_html(_html("", before="<p>Kyiv says the first units have reached the front line</p>"), "t.html")
    assert story.paragraphs == tuple(_PARAS)


def test_text_caption_with_a_picture_fragment_is_a_caption():
    page = "\n\n".join(["The Example Times", "Units reach the front line near Kursk", "By Jane Roe",
                        "Soldiers at a training ground near the border. Archive photo.", *_PARAS,
                        "© 2024 The Example Times"])
    story, _ = read_text(page, "t.txt")
    assert story.paragraphs == tuple(_PARAS)
    assert story.captions == ("Soldiers at a training ground near the border. Archive photo.",)


# --- live blogs, newsletters, end marks -------------------------------------------------

LIVE = """THE RIVER TIMES
Home | World | Live

Live: North Korean troops in Russia

By Ana Kovac

{t1}
The Pentagon said on Tuesday that North Korean soldiers had been killed and wounded in fighting in Kursk region.

{t2}
Ukraine's president arrived in Brussels for talks with European Union leaders, his office said.

He said he would ask for more air defence systems before the winter, according to his office.

{t3}
Russia's defence ministry said its forces had taken another village in the Donetsk region.

Most read
Metro closes two stations for repairs
Frost expected at the weekend
"""


@pytest.mark.parametrize("times", [("18:42", "16:15", "12:03"), ("10.42am", "9.15am", "8.03am"),
                                   ("14:05 GMT", "13:40 GMT", "11:02 GMT")])
def test_text_live_blog_keeps_every_entry_with_its_time(times):
    story, _ = read_text(LIVE.format(t1=times[0], t2=times[1], t3=times[2]), "live.txt")
    assert len(story.paragraphs) == 4
    assert story.paragraphs[0].startswith(f"{times[0]} – The Pentagon said")
    assert story.paragraphs[1].startswith(f"{times[1]} – Ukraine's president")
    assert story.paragraphs[2].startswith("He said")  # a second paragraph of the same entry
    assert story.paragraphs[3].startswith(f"{times[2]} – Russia's defence")


def test_a_single_time_line_is_not_an_entry_time():
    blocks = [Block("1:47 P.M. EST"), Block("MR. SMITH: Good afternoon, everybody. I have one thing at the top today.")]
    assert strip(blocks).paragraphs == ("MR. SMITH: Good afternoon, everybody. I have one thing at the top today.",)


@pytest.mark.parametrize("appeal", [
    "*Enjoying the Briefing? [Forward it to a friend](/f), or [subscribe here](/s).*",
    "_Like what you read? [Become a supporter](/support) today._",
    "**Want more? [Get our app](/app).**",
])
def test_appeals_set_off_inside_the_body_are_dropped(appeal):
    text = BODY.replace("\nA spokesman", f"\n{appeal}\n\nA spokesman")
    story, _ = read_markdown(FRONT + text, "t.md")
    _only_the_article(story.paragraphs)


@pytest.mark.parametrize("mark", ["(END)", "-30-", "###", "(ends)"])
def test_end_marks_are_not_text(mark):
    _only_the_article(_body(mark + "\n"))


@pytest.mark.parametrize("inside", [
    "**Read also**\nSeoul's stock market falls 2% on political turmoil",  # a related headline, link lost
    "**Casualties mount**",  # a crosshead set in bold
    "MORE COVERAGE",
])
def test_lines_that_are_not_sentences_inside_the_body_are_dropped(inside):
    text = BODY.replace("\nA spokesman", f"\n{inside}\n\nA spokesman")
    story, _ = read_markdown(FRONT + text, "t.md")
    _only_the_article(story.paragraphs)


def test_a_caption_with_a_bracketed_credit_inside_the_body_is_a_caption():
    caption = "Soldiers board a train in the Russian Far East in this image released by the military. [AP/Yonhap]"
    text = BODY.replace("\nA spokesman", f"\n{caption}\n\nA spokesman")
    story, _ = read_markdown(FRONT + text, "t.md")
    _only_the_article(story.paragraphs)
    assert caption in story.captions


@pytest.mark.parametrize("block", [
    ["Related Articles", "Seoul summons Russian ambassador over deployment", "What we know about the units in Kursk"],
    ["READ ALSO:", "• Seoul summons Russian ambassador over deployment", "• Drone attack damages energy plant"],
    ["More on this story", "Ten things to know about the treaty"],
])
def test_text_related_block_inside_the_body_does_not_end_it(block):
    after = ["The officials said the units had been moved to the front line after a pause of several weeks.",
             "They said Ukraine's military intelligence was still checking how many units had been sent."]
    page = "\n\n".join(["THE DAILY EXAMPLE", "Units reach the front line near Kursk", "By Jane Roe",
                        *_PARAS[:2], *block, *after, "© 2024 The Daily Example"])
    story, _ = read_text(page, "t.txt")
    assert story.paragraphs == (*_PARAS[:2], *after)


def test_author_note_at_the_foot_is_dropped_in_html():
    body = "".join(f"<p>{p}</p>" for p in _PARAS)
    html = (f"<html><body><article><h1>Units reach the front</h1>{body}"
            "<p><em>Olena Marchuk is a correspondent for the Example. <a href='/f'>Follow her</a>.</em></p>"
            "</article></body></html>")
    assert read_html(html, "t.html")[0].paragraphs == tuple(_PARAS)


def test_markdown_raw_html_asides_and_figures():
    inside = ('<aside class="related">\n<p><strong>Related:</strong> Seoul apartment prices climb again</p>\n</aside>\n\n'
              '<figure><img src="a.jpg"><figcaption>Lawmakers leave the session in Seoul on Monday.</figcaption></figure>')
    text = BODY.replace("\nA spokesman", f"\n{inside}\n\nA spokesman")
    story, _ = read_markdown(FRONT + text, "t.md")
    _only_the_article(story.paragraphs)
    assert story.captions == ("Lawmakers leave the session in Seoul on Monday.",)


@pytest.mark.parametrize("block", [
    "**You might also like**\n\nWho are the Storm Corps?\n\nWhy Seoul's politics are in turmoil",
    "Also in this section:\n\nCan the ceasefire hold?\n\nThe week in 12 numbers",
])
def test_a_label_over_headlines_without_list_markup_is_a_teaser_list(block):
    text = BODY.replace("\nA spokesman", f"\n{block}\n\nA spokesman")
    story, _ = read_markdown(FRONT + text, "t.md")
    _only_the_article(story.paragraphs)


@pytest.mark.parametrize("notice", [
    "Comments are closed for this article.",
    "This story is also available as a podcast episode.",
    "We rely on readers. Support our reporting and become a member today.",
    "Have your say: join the discussion below.",
])
def test_notices_at_the_foot_are_dropped_even_when_they_are_sentences(notice):
    _only_the_article(_body(notice + "\n"))


@pytest.mark.parametrize("last", [
    '"We will support our partners," the minister said.',
    "Several Council members called for the sanctions regime to be restored.",
    "The embassy did not respond to a request for comment.",
])
def test_text_that_mentions_notice_words_stays(last):
    story, _ = read_markdown(FRONT + BODY + "\n" + last + "\n", "t.md")
    assert story.paragraphs[-1] == last


# --- statements under a lead, disclaimers, dated headings ----------------------------

def test_clauses_under_a_lead_ending_in_a_colon_are_body():
    tail = """\
    In their communique, the defence chiefs:

    - agreed to hold a joint exercise in the Baltic Sea before the end of the year;
    - noted that air patrols along the eastern flank had doubled since the spring;
    - asked their governments to fund two more radar stations in the north.

    The next meeting is due in Vilnius in the spring, officials said afterwards.
    """
    paragraphs = _body(tail)
    assert "In their communique, the defence chiefs:" in paragraphs
    assert any(p.startswith("agreed to hold a joint exercise") for p in paragraphs)
    assert any(p.startswith("noted that air patrols") for p in paragraphs)


def test_headlines_under_a_label_are_still_a_teaser_list():
    tail = """\
    Read more:

    - Baltic states plan new radar stations
    - Air patrols double along the eastern flank
    """
    _only_the_article(_body(tail))


def test_lead_with_headline_items_is_not_a_statement_list():
    assert strip([Block("The minister's office said on Monday that talks would resume next week in Geneva."),
                  Block("Elsewhere:"), Block("Fuel prices hit record", item=True),
                  Block("Five things to know about the vote", item=True)]).paragraphs == (
        "The minister's office said on Monday that talks would resume next week in Geneva.",)


@pytest.mark.parametrize("note", [
    "*Opinions expressed here are solely those of the writer and not of the Example Review.*\n",
    "> The views in this column are the contributor's own and do not necessarily reflect those of this newspaper.\n",
])
def test_disclaimer_of_views_at_either_end_is_dropped(note):
    _only_the_article(_body(note))
    _only_the_article(_body("", head=note + "\n"))


def test_body_sentence_about_someone_views_is_kept():
    tail = "The minister said the views expressed by the envoy were his own and not the government's.\n"
    paragraphs = _body(tail)
    assert paragraphs[-1].startswith("The minister said the views")


def test_dated_markdown_heading_is_kept_inside_the_body_only():
    text = FRONT + "## Timeline\n\n" + BODY + "\n### 3 October: the second group arrives\n\n" + textwrap.dedent("""\
        The defence ministry said a second group of soldiers had crossed the border near the coast.

        ## What comes next

        Officials said they expected more units to follow before the winter set in.
        """)
    story, _ = read_markdown(text, "t.md")
    assert "3 October: the second group arrives" in story.paragraphs
    assert "Timeline" not in story.paragraphs and "What comes next" not in story.paragraphs
    at = story.paragraphs.index("3 October: the second group arrives")
    assert story.paragraphs[at + 1].startswith("The defence ministry said a second group")


@pytest.mark.parametrize("heading, dated", [
    ("15 June: losses pass 6,000", True), ("June 15", True), ("What happened yesterday", True),
    ("Tuesday's vote", True), ("2024-11-05 update", True), ("Key points of the deal", False),
    ("May we ask the minister", False), ("Timeline", False), ("Growth slows to 2.1%", False),
    ("Exports near 3.5 million tonnes", False), ("11/5: polls close", True), ("05.11.2024", True),
])
def test_dated_heading(heading, dated):
    from newsgen.load.boilerplate import dated_heading
    assert dated_heading(heading) is dated


def test_a_by_line_listing_authors_with_a_comma_names_them_as_one_and_a_you_are_here_trail_is_furniture():
    from newsgen.load.chrome import by_line, is_furniture

    assert by_line("By Jeon Da-bin, Ko Min-seok") == "Jeon Da-bin and Ko Min-seok"
    assert by_line("By Jane Doe, Staff Writer") == "Jane Doe"  # a role, not a second author
    assert by_line("By Jane Doe and John Roe") == "Jane Doe and John Roe"
    assert by_line("By Jane Doe, Chief Political Correspondent") == "Jane Doe"  # a role of several words
    assert by_line("By Katrin Vollmer, East Asia correspondent") == "Katrin Vollmer"
    assert by_line("Feed edited by Oksana Lytvyn and Marko Haidai") == "Oksana Lytvyn and Marko Haidai"  # a live feed's
    assert is_furniture("You are here: Home / North Korea")
    assert not is_furniture("You are here to learn what the troops did in Kursk, the officer told them.")


def test_the_outlet_describing_itself_under_the_text_is_no_paragraph():
    from newsgen.load.boilerplate import without_outlet_blurb

    text = ("Putin had brought 11,000 North Korean soldiers to Ukraine's borders, Zelensky said.",)
    assert without_outlet_blurb(text + ("Imjin Report translates North Korean state media every weekday.",),
                                "Imjin Report") == text
    # Its own reporting, or a sentence of the story, stays.
    kept = text + ("Imjin Report said the ministry did not answer its questions.",)
    assert without_outlet_blurb(kept, "Imjin Report") == kept
    assert without_outlet_blurb(kept, None) == kept
    verified = text + ("Imjin Report could not independently verify the footage.",)
    assert without_outlet_blurb(verified, "Imjin Report") == verified



def test_an_affiliate_disclosure_and_a_plea_for_support_are_notices():
    from newsgen.load.boilerplate import Block, strip

    body = [Block("North Korea has been sending about 5,000 construction troops to Russia, the spy agency told lawmakers "
                  "on Tuesday, according to two members of the committee."),
            Block("The agency also said it saw signs of training for a further dispatch of troops to the Kursk region.")]
    plea = Block("… before you move on, we have a small favour to ask. Tens of millions have placed their trust in the "
                 "Chronicle's fearless journalism.")
    disclosure = Block("Lumen Feed may receive compensation for some links to products and services on this page.")
    kept = strip([disclosure, *body, plea]).paragraphs
    assert kept == tuple(b.text for b in body)
    syndicated = Block("(This story has not been edited by Narmada Times staff and is auto-generated from a syndicated feed.)")
    referral = Block("Refer 3 friends and get a free month of Ledger Premium.")
    assert strip([*body, syndicated, referral]).paragraphs == tuple(b.text for b in body)


def test_stock_lines_are_dropped_wherever_they_stand_between_entries_or_at_the_foot():
    story, _ = read_markdown("""---
title: Day 1,000 live
date: 2024-11-20
---

*Ukraine marks a thousand days since Russia's full-scale invasion. We followed the North Korea angle through the day.*

> **Support independent Ukrainian journalism.** [Become a Left Bank Post member](/join) – from 99 UAH a month.

## 09:00

South Korea's spy agency told lawmakers that North Korean soldiers were fighting alongside Russian marines in Kursk.

## 08:10

Times shown are relative to when you loaded this page.

Zelensky told the European Parliament that 11,000 North Korean soldiers were at Ukraine's borders.

The Left Bank Post Editorial Code: accuracy, independence, freedom from bias.

Was this information helpful?

> **Support the show:** members get ad-free episodes for $5 a month.

Translated from the French-language service. Translation: the International desk.
""", "live.md")
    text = " ".join(story.paragraphs)
    assert "Support independent" not in text and "99 UAH" not in text
    assert "Times shown" not in text and "Editorial Code" not in text
    assert "helpful" not in text and "ad-free" not in text and "Translated" not in text
    assert "Russian marines" in text and "11,000 North Korean soldiers" in text

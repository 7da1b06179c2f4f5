"""Transcripts, credit lines under bylines and byline-confirmed outlets, on small
pages written in styles the seeds do not have."""
import datetime as dt

from newsgen.load.html import read_html
from newsgen.load.text import read_text

MINISTRY_TRANSCRIPT = """Ministry of Foreign Affairs
Skip to main content
Briefings
Transcripts

Spokesperson Anna Berg Holds a Press Briefing on Border Talks

March 4, 2025
Spokesperson Anna Berg, Ministry of Foreign Affairs

MS. BERG: Good morning. I have two announcements before I take your questions about the border talks.

The delegation will travel to the capital on Thursday to resume the border talks with their counterparts.

Q: Will the talks cover the disputed river crossings, and who leads the delegation?

MS. BERG: The deputy minister leads the delegation, and the crossings are on the agenda for the border talks.

Q: On the sanctions --

MS. BERG: Go ahead.

Q: Has the ministry received the list of sanctioned companies from the partners yet?

MS. BERG: We have received the list and are reviewing it with the partners this week.
"""


def test_transcript_header_date_and_title():
    story, _ = read_text(MINISTRY_TRANSCRIPT, "briefing.txt")
    assert story.title == "Spokesperson Anna Berg Holds a Press Briefing on Border Talks"
    assert story.published == dt.date(2025, 3, 4)
    assert story.seen_on is None


def test_cut_off_question_stays_in_transcript():
    story, _ = read_text(MINISTRY_TRANSCRIPT, "briefing.txt")
    assert "Q: On the sanctions --" in story.paragraphs
    assert story.paragraphs[-1].startswith("MS. BERG: We have received")


def test_unlabelled_dash_line_is_not_text_outside_transcripts():
    page = MINISTRY_TRANSCRIPT.replace("Q: ", "").replace("MS. BERG: ", "")
    story, _ = read_text(page, "briefing.txt")
    assert "On the sanctions --" not in story.paragraphs


def test_newsletter_prompt_after_body_is_not_text():
    page = MINISTRY_TRANSCRIPT + "\nSubscribe to Ministry Updates\nChoose which updates you want delivered to your inbox.\n"
    story, _ = read_text(page, "briefing.txt")
    assert not any("inbox" in p for p in story.paragraphs)


AFFILIATED = """Harbor Gazette
Sign In
News
Opinion

Port workers vote to end strike after pay deal

By Maria Lopez
Harbor Gazette
June 2, 2025

PORTVILLE — Port workers voted on Sunday to end a two-week strike after the union and the port authority agreed on a pay deal.

The deal raises wages by 6% this year and another 4% next year, the union said in a statement after the vote.

Ships that had waited offshore began docking on Monday morning, the port authority said.

Maria Lopez covers labor for the Harbor Gazette.
"""


def test_outlet_from_logo_confirmed_by_byline_affiliation():
    story, _ = read_text(AFFILIATED, "port.txt")
    assert story.outlet == "Harbor Gazette"
    assert story.byline == "Maria Lopez"


def test_outlet_from_logo_confirmed_by_byline_email_domain():
    page = AFFILIATED.replace("By Maria Lopez\nHarbor Gazette", "By Maria Lopez [maria.lopez@harborgazette.com]")
    story, _ = read_text(page, "port.txt")
    assert story.outlet == "Harbor Gazette"


def test_logo_alone_or_wire_byline_gives_no_outlet():
    alone = AFFILIATED.replace("By Maria Lopez\nHarbor Gazette", "By Maria Lopez")
    assert read_text(alone, "port.txt")[0].outlet is None
    other = AFFILIATED.replace("By Maria Lopez\nHarbor Gazette", "By Maria Lopez\nCoast Wire Service")
    assert read_text(other, "port.txt")[0].outlet is None
    mail = AFFILIATED.replace("By Maria Lopez\nHarbor Gazette", "By Maria Lopez [maria@gmail.com]")
    assert read_text(mail, "port.txt")[0].outlet is None


def test_menu_line_is_not_the_headline():
    page = AFFILIATED.replace("Sign In\nNews\nOpinion", "News | Port | Labor | Strike | Opinion")
    story, _ = read_text(page, "port.txt")
    assert story.title == "Port workers vote to end strike after pay deal"


FEATURE_HTML = """<html><head><title>Rivers rise in the valley</title></head><body><article>
<h1>Rivers rise in the valley</h1>
<p class="standfirst">Three towns were evacuated as the water kept rising.</p>
<p class="byline">By Tom Ash and Lea Moor</p>
<p class="dateline">Reporting from Lindau and Bregenz, Austria</p>
<p>The rivers in the valley rose to their highest level in decades on Friday, forcing three towns to evacuate.</p>
<p>Rescue crews moved hundreds of residents to schools on higher ground, the regional government said.</p>
<p>Reporting from the flooded towns on Saturday, crews said the water had begun to fall.</p>
<p>Additional reporting by Kim Lund.</p>
</article></body></html>"""


def test_reporting_from_line_is_chrome_but_standfirst_stays():
    story, _ = read_html(FEATURE_HTML, "flood.html")
    assert not any(p.startswith("Reporting from Lindau") for p in story.paragraphs)
    assert not any(p.startswith("Additional reporting") for p in story.paragraphs)
    # A sentence that happens to start so is text.
    assert any(p.startswith("Reporting from the flooded towns") for p in story.paragraphs)
    assert story.paragraphs[0] == "Three towns were evacuated as the water kept rising."

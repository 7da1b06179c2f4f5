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


# --- header evidence on pages from unseen outlets ----------------------------------

_RELATIVE_PAGE = """\
HARBOUR POST
Tuesday, 4 March 2025   08:10 GMT        Region: Europe  v        Log in   |   Register

Home   Europe   Energy   Climate   Video

BALTIC

Finland reopens two border crossings after talks with Russian officials

By Aino Virtanen
4 minute read   .   Published 3 hours ago   .   Updated 20 min ago

HELSINKI, March 4 (Harbour) - Finland will reopen two crossings on its eastern border next week, the interior ministry said on Tuesday, after officials from both countries met in Lappeenranta.

Interior Minister Mari Rantanen told reporters that the decision followed a sharp fall in attempted crossings over the winter months, and that the other crossings would stay shut for now.

The ministry said border guards would be reinforced at both points and that the government would review the arrangement within three months.

Russia's foreign ministry did not respond to a request for comment on the talks held in the city.

(c) 2025 Harbour Post
"""


def test_relative_stamp_counts_back_from_the_date_bar_time():
    story, _ = read_text(_RELATIVE_PAGE, "r.txt")
    # 08:10 minus three (to four) hours is still the 4th; the bar alone would not do.
    assert story.published == dt.date(2025, 3, 4)
    assert story.published_basis == "relative stamp and date bar"
    assert story.seen_on == dt.date(2025, 3, 4)
    assert story.byline == "Aino Virtanen"


def test_relative_stamp_crossing_midnight_goes_to_the_day_before():
    page = _RELATIVE_PAGE.replace("08:10 GMT", "01:30 GMT").replace("HELSINKI, March 4 (Harbour) - ", "")
    story, _ = read_text(page, "r.txt")
    assert story.published == dt.date(2025, 3, 3)


def test_relative_stamp_without_a_bar_time_needs_the_dateline_to_choose():
    page = _RELATIVE_PAGE.replace("   08:10 GMT", "").replace("3 hours ago", "2 days ago")
    # "2 days ago" from some time on 4 March: the 1st or 2nd; the dateline says the 4th.
    story, _ = read_text(page, "r.txt")
    assert story.published is None
    story, _ = read_text(page.replace("March 4 (Harbour)", "March 2 (Harbour)"), "r.txt")
    assert story.published == dt.date(2025, 3, 2)


def test_a_date_bar_row_with_other_cells_is_not_the_headline_and_a_stamp_beside_it_counts():
    # The bar shares a cell with the weather, and the relative stamp stands above the
    # headline: the headline is still the line about the article, the stamp still counts.
    page = (_RELATIVE_PAGE.replace("Tuesday, 4 March 2025   08:10 GMT        Region: Europe  v        Log in   |   Register",
                                   "Friday, 7 March 2025 | 08:10 GMT            Helsinki 2°C")
            .replace("By Aino Virtanen\n4 minute read   .   Published 3 hours ago   .   Updated 20 min ago\n", "")
            .replace("BALTIC\n", "Published 3 days ago\n"))
    story, _ = read_text(page, "r.txt")
    assert story.title == "Finland reopens two border crossings after talks with Russian officials"
    assert story.seen_on == dt.date(2025, 3, 7)
    assert story.published == dt.date(2025, 3, 4) and story.published_basis == "relative stamp and date bar"


def test_updated_relative_stamp_is_never_the_publication_date():
    page = _RELATIVE_PAGE.replace("Published 3 hours ago   .   ", "").replace("HELSINKI, March 4 (Harbour) - ", "")
    story, _ = read_text(page, "r.txt")
    assert story.published is None


_NUMERIC_PAGE = """\
THE COUNCIL LEDGER
Fri 7 Feb 2025  |  Hearings  Votes  Archive  |  Search...

Council hearing, condensed: transport chief defends fare rise

Posted: 02/05/2025 4:15 PM ET     Prepared by: Dana Whitcombe     Read time: 5 min

NOTE: This is a shortened record of the hearing of the transport committee, edited for length. It is not an official transcript of the proceedings.

MS. OKAFOR: Thank you. The fare rise was approved in December after two public consultations, and it pays for the new night buses.

Q: How many riders will it affect?

MS. OKAFOR: About 40,000 people a day, most of them on the two busiest routes in the city.

Q: Will the council review it?

MS. OKAFOR: Yes, in the autumn, once we have six months of figures to look at.
"""


def test_numeric_date_settled_by_the_day_the_page_was_seen():
    story, _ = read_text(_NUMERIC_PAGE, "n.txt")
    # 02/05/2025 is 5 February or 2 May; the page was seen on 7 February.
    assert story.published == dt.date(2025, 2, 5)
    assert story.published_basis == "publication line"
    assert story.byline == "Dana Whitcombe"


def test_numeric_date_with_nothing_to_settle_it_stays_unread():
    story, _ = read_text(_NUMERIC_PAGE.replace("Fri 7 Feb 2025  |", "Archive  |"), "n.txt")
    assert story.published is None


def test_logo_of_two_names_and_initials_at_the_foot_name_the_outlet():
    page = """\
NORTHERN TELEGRAPH AGENCY  |  NTA ENGLISH
EN  FR  DE                                   Search

Politics   World   Economy   Sport

Arctic council resumes work on shipping rules after two-year pause

12 Mar 2025, 10:20 CET

OSLO, March 12. /NTA/. Members of the Arctic Council agreed on Wednesday to resume work on common shipping rules, the Norwegian chair said after a meeting in Tromso.

The chair said the working groups would meet again in May and that observers would be invited to the sessions.

Several delegations said the rules on fuel and ballast water were the most urgent part of the work.

------------------------------------------------------------
MORE FROM NTA
* Oil output steady in February
* Ferry strike ends after three days

Use of materials is permitted only with a hyperlink to NTA.
"""
    story, _ = read_text(page, "o.txt")
    assert story.outlet == "Northern Telegraph Agency"


def test_dated_crosshead_stays_in_the_body():
    page = """\
The Valley Courier

Flood barrier plan wins final approval

By Tom Reyes

The city council approved the flood barrier plan on Monday after a long debate, the mayor said in a statement afterwards.

Engineers told the council the barrier would protect about 3,000 homes from the river when it rises in spring.

Thursday 6 March

The mayor said construction would start in the summer and take two years to complete in full.

Residents near the river said they welcomed the plan but worried about the noise of the works.
"""
    story, _ = read_text(page, "c.txt")
    assert "Thursday 6 March" in story.paragraphs
    assert story.paragraphs.index("Thursday 6 March") == 2


def test_statements_listed_under_a_short_lead_stay_in_the_body():
    page = """\
The Valley Courier

Regional leaders agree on a joint water plan

By Tom Reyes

The leaders of the three valley regions met on Monday in the capital and signed a joint plan for the river basin, their offices said.

In the plan, the leaders:
- agreed to share the cost of two new reservoirs;
- promised to publish water quality figures every month from next year;
- asked the national government to fund a study of the river's flood risk.

The plan still needs the approval of each regional assembly, which is expected in the spring.
"""
    story, _ = read_text(page, "l.txt")
    assert story.paragraphs[1:5] == (
        "In the plan, the leaders:", "agreed to share the cost of two new reservoirs;",
        "promised to publish water quality figures every month from next year;",
        "asked the national government to fund a study of the river's flood risk.")


_NEWSLETTER = """\
BORDER BRIEFING
Monday, 3 March 2025

Three things to know about Finland's eastern border this week.

1. CROSSINGS REOPEN
Finland's interior ministry said on Monday that two crossings on the eastern border would reopen next week, after officials from both countries met in Lappeenranta to review the arrangement.

2. GUARDS REINFORCED
The border guard said it would send two hundred more officers to the reopened crossings, and that patrols along the rest of the frontier would continue as before.

3. WHAT MOSCOW SAYS
Russia's foreign ministry said the decision was a first step and that it expected all the crossings to reopen within the year.
"""


def test_a_newsletter_s_numbered_sections_of_one_paragraph_each_are_all_body():
    story, _ = read_text(_NEWSLETTER, "n.txt")
    assert [p.split()[0] for p in story.paragraphs if p.split()[0] in ("Finland's", "The", "Russia's")] == \
        ["Finland's", "The", "Russia's"]
    # Unnumbered headlines, each over a line of summary, are teasers: the body ends before them.
    teasers = _NEWSLETTER.replace("2. GUARDS REINFORCED", "Guards reinforced").replace("3. WHAT MOSCOW SAYS", "What Moscow says")
    story, _ = read_text(teasers, "n.txt")
    assert not any(p.startswith("Russia's foreign ministry") for p in story.paragraphs)


_TRANSCRIPT_PAGE = """HARBOUR POST
Mon 09 Dec 2024 | Subscriber edition | Transcripts | Jobs

Transcripts > Defence

Minister says North Korean troops in Kursk have taken heavy losses

Interview notes · Compiled by Aino Virtanen
Thursday, December 5, 2024 - 6:10 p.m. CET  (Last edited Dec 7, 2024)

Finland's defence minister spoke to reporters in Helsinki on Thursday about the North Korean soldiers sent to Russia and what their losses mean for the front in Kursk.

Advertisement
  Winter sun from Helsinki: flights to the Canary Islands from EUR 189 return.

The minister said the losses were heavy and that more North Korean soldiers could follow in the new year, according to the reporters present.

She added that Finland would keep its border crossings closed through the winter.

(c) 2024 Harbour Media Oy. All rights reserved.
"""


def test_a_dated_header_line_with_an_edit_note_a_byline_cell_an_ad_s_copy_and_a_company_s_legal_form():
    story, _ = read_text(_TRANSCRIPT_PAGE, "h.txt")
    assert story.published == dt.date(2024, 12, 5)  # not the edit, not the scrape bar
    assert story.byline == "Aino Virtanen"
    assert not any("Canary" in p for p in story.paragraphs)  # the copy under "Advertisement"
    assert any("border crossings" in p for p in story.paragraphs)
    assert story.outlet.casefold() == "harbour post"  # the masthead, not the company that owns it


_TWO_DAY_LIVE = """THE HARBOUR COURIER  |  Helsinki  |  English edition
Fri, 13 Dec 2024  06:14    Weather    Log in

LIVE  |  NORTHERN FRONT, DAYS 12-13

North Korean troops in Kursk: ministers and spy agencies weigh in - as it happened

By Aino Virtanen in Helsinki
Live page opened Wednesday 11 December 2024, 08:00. Last entry Thursday 12 December 2024, 21:00.

------------------------------------------------------------
THURSDAY 12 DECEMBER 2024
------------------------------------------------------------

21:00
That is all from us on this live page. Coverage continues tomorrow.

12:40
Minister: losses "heavy"
Defence Minister Antti Hakkinen told reporters in Helsinki that North Korean units in Kursk had taken heavy losses.

ADVERTISEMENT - Winter tyres from 189 EUR. Free fitting until 30 December.

10:05
Seoul's spy agency said about 11,000 North Korean soldiers were in the Kursk region, some of them fighting.

------------------------------------------------------------
WEDNESDAY 11 DECEMBER 2024
------------------------------------------------------------

14:20
Zelensky: "It could be 100,000"
President Volodymyr Zelensky told the European Parliament by video link that the number of North Korean soldiers could rise to 100,000.

08:00
Welcome to our live coverage of the northern front.

------------------------------------------------------------
MOST READ
  1. Energy company sets out rolling blackout schedule
  2. Five winter hiking routes in Lapland
"""


def test_a_live_page_s_entries_run_through_day_headings_and_entry_headlines():
    story, _ = read_text(_TWO_DAY_LIVE, "l.txt")
    assert story.title.startswith("North Korean troops in Kursk")  # not the rubric in capitals
    assert story.published == dt.date(2024, 12, 11)  # "Live page opened …", not the last entry
    paras = story.paragraphs
    assert paras[0] == "THURSDAY 12 DECEMBER 2024" and "WEDNESDAY 11 DECEMBER 2024" in paras
    assert any(p.startswith("12:40 – Defence Minister") for p in paras)  # the time opens the text under the headline
    assert any("100,000" in p for p in paras) and any("11,000" in p for p in paras)
    assert not any("Winter tyres" in p or "MOST READ" in p or "hiking" in p for p in paras)


def test_a_caption_opened_by_a_photo_marker_does_not_end_the_article():
    page = _TRANSCRIPT_PAGE.replace(
        "She added that Finland",
        "    [Photo] A Finnish soldier checks a border post near Vaalimaa, Dec. 4, 2024. Harbour/Staff\n\nShe added that Finland")
    story, _ = read_text(page, "h.txt")
    assert any("border crossings" in p for p in story.paragraphs)
    assert not any("[Photo]" in p for p in story.paragraphs)


def test_a_factbox_s_closing_list_of_statements_in_sections_is_its_text_and_read_next_is_not():
    page = """HARBOUR WIRE | World
Retrieved 2025-11-14 09:02 UTC

FACTBOX-North Korean troops in Russia: the figures officials have given

By Harbour Staff
November 12, 2025 5:41 AM GMT

Nov 12 (Harbour) - Estimates of how many North Korean soldiers went to Russia have varied widely since October 2024.

Below are some of the main numbers given by officials, in order.

DEPLOYMENT

* Oct 22, 2024 - Finland's defence minister said it was likely that North Korea had begun moving troops to Russia.

* Nov 1, 2024 - The minister said 10,000 North Korean soldiers had arrived in Russia.

CASUALTIES

* Mar 27, 2025 - South Korea's military said about 4,000 North Korean soldiers had been killed or wounded.

Read Next
> South Korea's exports rise for sixth month on chip demand
> Japan's prime minister faces parliament on defence budget
"""
    story, _ = read_text(page, "f.txt")
    assert len(story.paragraphs) == 5 and story.paragraphs[-1].startswith("Mar 27, 2025")
    assert not any("exports" in p for p in story.paragraphs)


_COURIER_PAGE = """THE MARSHFIELD GAZETTE                                      Sign in | Subscribe | Newsletters
Home  News  World  Politics  Sport  Opinion

Saturday 2 November 2024 | Light rain, 11C

Ministry says foreign troops have reached the border region

By Ada Quill, Defence Correspondent
Published 2 November 2024, 07:15 GMT

Around 10,000 foreign troops are now in the region and some have already been sent to the front, the ministry said in its weekly update.

The update said the two armies would struggle to work together because they have never trained side by side.

ADVERTISEMENT
   Compare boiler deals near you - save up to 600 on installation
   Sponsored by HomeHeat Direct

The defence secretary went further on Friday evening, saying a significant share of the troops were heading for the front.

Neither capital has confirmed the deployment.

(c) 2024 Marshfield Gazette Media Ltd. All rights reserved.
"""


def test_an_advertisement_s_whole_block_is_chrome_and_the_logo_cell_names_the_outlet():
    story, _ = read_text(_COURIER_PAGE, "g.txt")
    # "Sponsored by …" under the ad's copy is the ad too: it does not cut the article in two.
    assert story.paragraphs[0].startswith("Around 10,000 foreign troops")
    assert any(p.startswith("The defence secretary went further") for p in story.paragraphs)
    assert not any("HomeHeat" in p or "boiler" in p for p in story.paragraphs)
    # The masthead stands apart from the sign-in links beside it on the same line.
    assert story.outlet == "THE MARSHFIELD GAZETTE"


_GAGGLE = """BRIEFING ROOM RECORD  ·  defence transcripts
Tue 31 Dec 2024  |  Pentagon  State  Archive  |  Sign in

TRANSCRIPT: Deputy Press Secretary Jane Roe holds an off-camera press gaggle

Gaggle held: Monday, December 30, 2024, the Pentagon
Transcript posted: Dec. 31, 2024 09:10 EST
Print | PDF | Share

DEPUTY PRESS SECRETARY JANE ROE: Hello to our small group. A few things at the top, and then your questions.

Today we announced new security assistance for Ukraine, including air defense systems and munitions.

[...]

Q: Thanks, Jane. On North Korea, is the White House figure of a thousand casualties yours too?

MS. ROE: That is our assessment as well. The soldiers are taking a significant amount of casualties.

Q: How are they performing?

MS. ROE: The assaults are not proving to be that effective. I'd leave it there.

-- END --
"""


def test_a_transcript_keeps_its_turns_past_a_cut_and_the_line_dating_its_occasion():
    story, _ = read_text(_GAGGLE, "g.txt")
    assert story.published == dt.date(2024, 12, 31)
    assert story.paragraphs[0].startswith("Gaggle held: Monday, December 30, 2024")
    # "[...]" marks a cut inside the record: the turns before it are text too.
    assert any(p.startswith("DEPUTY PRESS SECRETARY JANE ROE: Hello") for p in story.paragraphs)
    assert any(p.startswith("MS. ROE: The assaults") for p in story.paragraphs)


def test_partner_content_is_an_advertisement():
    page = _COURIER_PAGE.replace(
        "ADVERTISEMENT\n   Compare boiler deals near you - save up to 600 on installation\n   Sponsored by HomeHeat Direct\n",
        "PARTNER CONTENT · Learn Korean in 15 minutes a day. First month free with code MORNING.\n")
    story, _ = read_text(page, "g.txt")
    assert not any("Learn Korean" in p for p in story.paragraphs)
    assert any(p.startswith("The defence secretary went further") for p in story.paragraphs)


_BRIEF = """CENTRE FOR EXAMPLE STUDIES

Shells and Soldiers

Published 24 July 2025

1. Introduction

When Russia vetoed the renewal of the UN Panel of Experts on North
Korea in March 2024, it removed the only body with a mandate to
document violations of the sanctions regime in a systematic way.1 The
eleven governments that launched the monitoring team set out to fill
the gap with reports of their own on the North Korean troops in Russia.
Their first report, released on 29 May 2025, is about the troops.2

Seoul's military said on 27 March that about 4,000 of the soldiers
sent to Russia had been killed or wounded, and that more had been
sent in January and February despite the heavy losses in Kursk.



Centre for Example Studies | example.org                        2
Example Policy Brief No. 27                                    July 2025


The report states that nearly 11,000 North Korean soldiers were
deployed to Russia in 2024 and that Russian forces trained them
before they were committed to combat in the Kursk region.



Centre for Example Studies | example.org                        3
Example Policy Brief No. 27                                    July 2025
"""


def test_a_hard_wrapped_document_is_joined_across_its_lines_and_pages():
    story, _ = read_text(_BRIEF, "b.txt")
    # A line broken at the wrap width goes on in the next, capital or not, and a paragraph
    # runs on past a sentence ending at the end of a line; footnote markers are no text.
    first = next(p for p in story.paragraphs if p.startswith("When Russia vetoed"))
    assert "Experts on North Korea in March 2024" in first and "systematic way. The eleven" in first
    assert first.endswith("is about the troops.")
    # The running head and foot between pages do not end the text.
    assert any(p.startswith("The report states that nearly 11,000") for p in story.paragraphs)
    assert not any("Policy Brief No. 27" in p for p in story.paragraphs)


_TWO_DAY_US_LIVE = """THE CAPITAL COURIER                                     Subscribe  |  Log in

LIVE UPDATES (ended)
Leaders meet at the parade: live updates

By Jane Doe and John Roe
Published Sept. 2, 2025, 5:30 a.m. ET | Updated Sept. 3, 2025, 6:48 p.m. ET

------------------------------------------------------------
WEDNESDAY, SEPT. 3
------------------------------------------------------------

6:48 p.m. ET
We're wrapping up our live coverage. Thanks for following along over the past two days.

3:12 p.m. ET
Trump: 'They were hoping I was watching'

Speaking to reporters in the Oval Office this afternoon, the president said the parade was very impressive and that the North Korean troops were a matter for Russia.

9:48 a.m. ET
Kaja Kallas, the European Union's foreign policy chief, told reporters in Brussels that the leaders in Beijing formed an autocratic alliance.

[Ad] Ready for retirement? Compare annuity rates in 60 seconds.

------------------------------------------------------------
TUESDAY, SEPT. 2
------------------------------------------------------------

10:06 p.m. ET
Trump posts about the parade

As the parade got underway in Beijing, the president posted that the leaders were conspiring against the United States with the North Korean troops.

6:05 a.m. ET
South Korea's spy agency told lawmakers that about 2,000 North Korean soldiers had been killed in Russia's war.
"""


def test_a_us_live_page_keeps_both_days_with_their_headings():
    story, _ = read_text(_TWO_DAY_US_LIVE, "live.txt")
    assert story.paragraphs[0] == "WEDNESDAY, SEPT. 3"  # the first day's heading, above its first entry
    assert "TUESDAY, SEPT. 2" in story.paragraphs  # past an advertisement and the next day's heading
    assert story.paragraphs[-1].startswith("6:05 a.m. ET – South Korea's spy agency")
    assert not any("annuity" in p for p in story.paragraphs)


def test_a_request_to_report_errors_with_ctrl_enter_is_chrome():
    page = _COURIER_PAGE.replace("Neither capital has confirmed the deployment.",
                                 "Neither capital has confirmed the deployment.\n\nIf you notice an error, select it and press Ctrl+Enter.")
    story, _ = read_text(page, "g.txt")
    assert not any("Ctrl+Enter" in p for p in story.paragraphs)
    assert any(p.startswith("Neither capital") for p in story.paragraphs)


_BRIEFS_PAGE = """HARBOUR WIRE                                   Sign in | Subscribe
World | Asia | Briefs

BRIEFS: the Korean peninsula this week
Our wire's briefs from the region, gathered every Saturday

Saturday 16 November 2024   |   Regional desk

------------------------------------------------------------------------

SPY AGENCY SEES TROOPS AT THE FRONT
SEOUL, Nov 13 (HW) - Some of the North Korean troops sent to Russia have begun taking part in combat, South Korea's spy agency told lawmakers on Wednesday, citing signs seen in the Kursk region.

------------------------------------------------------------------------

KREMLIN DECLINES TO COMMENT ON TREATY
MOSCOW, Nov 14 (HW) - Dmitry Peskov declined on Thursday to say whether North Korean soldiers were in Kursk, telling reporters the treaty between the two countries spoke for itself.

------------------------------------------------------------------------

ZELENSKY WARNS OF MORE SOLDIERS
KYIV, Nov 15 (HW) - Volodymyr Zelensky said on Friday that North Korea could send as many as 100,000 soldiers if the West did not respond, a figure he gave in an interview with a national broadcaster.

------------------------------------------------------------------------

Gathered from Harbour Wire briefs.

MORE BRIEFS
- Markets: Kospi slips on chip stocks
- Energy: oil steadies
"""


def test_a_page_of_wire_briefs_is_one_body_of_all_its_briefs():
    story, _ = read_text(_BRIEFS_PAGE, "briefs.txt")
    assert story.title == "BRIEFS: the Korean peninsula this week"
    assert story.published == dt.date(2024, 11, 16)  # the page's date, not a brief's dateline
    assert [p[:5] for p in story.paragraphs if p[:1].isupper() and "(HW)" in p] == ["SEOUL", "MOSCO", "KYIV,"]
    assert not any("Kospi" in p for p in story.paragraphs)


_RULED_NEWSLETTER = """From: The Harbour Letter <letters@harbour.example>
Date: Sat, 23 Nov 2024 07:30:12 +0900
Subject: [The Harbour Letter] #12 - Troops in Kursk

==============================================================
THE HARBOUR LETTER
By Jane Marlow
==============================================================

Good morning from Seoul.

It has been a week of numbers about the North Korean troops in Russia, and not all of them agree with each other.

--------------------------------------------------------------
1) WASHINGTON: THE PENTAGON'S COUNT
--------------------------------------------------------------

On Monday, a Pentagon spokeswoman said about 11,000 North Korean troops had moved into the Kursk region, where they were expected to fight.

She said the department had not confirmed that they had already fought Ukrainian forces, but that it expected them to.

--------------------------------------------------------------
SPONSORED
--------------------------------------------------------------
This issue is supported by a language school in Seoul.
Learn Korean in twelve weeks with evening classes for busy analysts.
>> Reserve a seat: school.example/letter
--------------------------------------------------------------

--------------------------------------------------------------
2) SEOUL: THE PRICE OF THE TROOPS
--------------------------------------------------------------

On Friday, South Korea's national security adviser said Russia had sent air defence equipment to Pyongyang in return for the North Korean troops.

He said Moscow also appeared to have given the North economic help, though he gave no figure for it.

--------------------------------------------------------------
That's all for this week. Unsubscribe | Update your preferences
"""


def test_a_newsletter_s_sections_between_rules_are_one_body_and_a_sponsor_box_is_not_in_it():
    story, _ = read_text(_RULED_NEWSLETTER, "letter.txt")
    text = " ".join(story.paragraphs)
    assert "Pentagon spokeswoman" in text and "national security adviser" in text and "economic help" in text
    assert "language school" not in text and "twelve weeks" not in text and "Reserve a seat" not in text


def test_a_date_in_a_row_of_short_header_cells_is_a_date_bar_the_dateline_can_agree_with():
    page = """HNA  Harbour News Agency  |  ENGLISH                          Tue, November 4, 2025  KST
HOME   NATIONAL   NORTH KOREA   ECONOMY

All News   19:26 November 04, 2025                  Story No. HNA20251104009851315

(LEAD) N. Korea moving 5,000 construction troops to Russia: spy agency

By Kim Min-ji

SEOUL, Nov. 4 (HNA) -- North Korea has been sending about 5,000 military construction troops to Russia in stages since September, South Korea's spy agency told lawmakers Tuesday.

The agency said the troops were expected to help rebuild roads and bridges in the Kursk region, according to two lawmakers who briefed reporters.
"""
    story, _ = read_text(page, "w.txt")
    assert story.published == dt.date(2025, 11, 4)  # the dateline's day, which the header's dates agree with
    assert story.seen_on == dt.date(2025, 11, 4)
    # A row whose date stands among long cells is not a date bar; its full date of the
    # dateline's day still gives the dateline its year.
    story, _ = read_text(page.replace("All News   19:26", "All the latest news from the peninsula and beyond   19:26")
                         .replace("  Tue, November 4, 2025  KST", ""), "w.txt")
    assert story.seen_on is None
    assert (story.published, story.published_basis) == (dt.date(2025, 11, 4), "dateline and a date above the text")


_RELEASE = """RELEASE WIRE  |  Government press releases, as issued

Home > Departments > Foreign Office > Press releases

PRESS RELEASE

UK sanctions North Korea's defence minister over troops sent to Russia

From:       Foreign Office and The Rt Hon Jane Doe MP
Published:  24 February 2025

----------------------------------------------------------------------

The UK today announced new sanctions against North Korea's defence minister and senior officers of its army over the troops sent to Russia.

Putin is using the North Korean troops as cannon fodder in his illegal war. They have already suffered more than 4,000 casualties.

Foreign Secretary Jane Doe said:

"Today's action shows that those who send troops to fight in Putin's war will pay a price for it."

----------------------------------------------------------------------
RELATED RELEASES
- UK sanctions more shadow fleet tankers
"""


def test_a_press_release_names_its_issuer_and_keeps_the_line_introducing_a_quotation():
    story, _ = read_text(_RELEASE, "release.txt")
    assert story.issued_by == "Foreign Office"  # not the minister who signs with it
    assert story.paragraphs[-2:] == ("Foreign Secretary Jane Doe said:",
                                     "\"Today's action shows that those who send troops to fight in Putin's war will pay a price for it.\"")
    # An e-mail's "From:" is its sender, no issuer.
    letter, _ = read_text(_RELEASE.replace("PRESS RELEASE", "WEEKLY LETTER"), "letter.txt")
    assert letter.issued_by is None


def test_a_date_bar_the_day_in_the_page_s_address_agrees_with_is_the_publication_day():
    page = """FIRST POST | The morning briefing
firstpost.example/briefings/2025-11-05

WEDNESDAY, NOVEMBER 5, 2025
Compiled by Jane Roe

------------------------------------------------------------------
1. SPY AGENCY: 5,000 NORTH KOREAN BUILDERS HEADING TO RUSSIA
------------------------------------------------------------------
"About 5,000 North Korean construction troops have been moving to Russia in phases since September," a lawmaker told reporters yesterday after the spy agency's closed-door audit.

The lawmaker said the agency also keeps picking up signs of training in the North for further deployments of troops.
"""
    story, _ = read_text(page, "b.txt")
    assert (story.published, story.published_basis) == (dt.date(2025, 11, 5), "date bar and address")
    story, _ = read_text(page.replace("2025-11-05", "2025-11-04"), "b.txt")
    assert story.published is None  # they disagree: the bar may be the day the page was seen


def test_a_yearless_dateline_takes_its_year_from_a_full_date_of_its_day_above_the_text():
    page = """WIRE TERMINAL  ::  Desk: ASIA          Local time 04 Sep 2025 06:12 AEST

03-Sep-2025 11:26 GMT   RUSSIA-NKOREA/PUTIN-KIM (UPDATE 2)   Words: 612
Last amended 04-Sep-2025 01:05 GMT

UPDATE 2-Putin hails North Korean troops in Kursk

By Jane Roe

BEIJING, Sept 3 (OWS) - Vladimir Putin thanked Kim Jong Un on Wednesday for the North Korean soldiers who fought in Russia's Kursk region.

"Your soldiers fought courageously and heroically," Putin told Kim in opening remarks filmed by the Kremlin.
"""
    story, _ = read_text(page, "w.txt")
    assert (story.published, story.published_basis) == (dt.date(2025, 9, 3), "dateline and a date above the text")
    # No date above of the dateline's day (the terminal's clock and the amendment are
    # other days): the year is not settled.
    story, _ = read_text(page.replace("03-Sep-2025 11:26", "02-Sep-2025 11:26"), "w.txt")
    assert story.published is None


_EXCERPTS = """SPEECHES  -  in their own words
Speeches  >  Heads of state  >  Ukraine

EXCERPTS

"This contingent may grow to 100,000": Zelensky to the European Parliament

Wednesday 20 November 2024, 09:15 CET

Volodymyr Zelensky addressed a special plenary session of the European Parliament in Brussels by video link on Tuesday, marking 1,000 days since Russia launched its full-scale invasion of Ukraine. The passages below follow the English interpretation provided in the chamber.

ON NORTH KOREA

"Now, Putin has brought 11,000 North Korean troops to Ukraine's borders. This contingent may grow to 100,000. While some European leaders think about some elections at Ukraine's expense, Putin is focused on winning this war."

ON PRESSURE

"Every day is the best moment to push Russia harder."

Without fires at ammunition depots on Russian territory and without the confiscation of its assets, Russia will have no real motivation to take part in meaningful negotiations, Zelensky argued.

CONTEXT

Zelensky did not say what the 100,000 figure was based on. In Seoul on Wednesday, South Korea's spy agency told lawmakers it could not confirm a number of that size.

Speaking to the Verkhovna Rada in Kyiv the same day, Zelensky presented what he called an internal resilience plan for the coming months.
"""


def test_a_speech_s_excerpts_under_their_headings_are_all_the_body():
    story, _ = read_text(_EXCERPTS, "s.txt")
    assert story.paragraphs[0].startswith("Volodymyr Zelensky addressed")
    assert any(p.startswith('"Now, Putin has brought') for p in story.paragraphs)
    assert any(p.startswith('"Every day is the best moment') for p in story.paragraphs)
    # A short summary under a heading is a teaser's, not the body's opening.
    teaser = _EXCERPTS.replace(
        "Volodymyr Zelensky addressed a special plenary session of the European Parliament in Brussels by video link on Tuesday, "
        "marking 1,000 days since Russia launched its full-scale invasion of Ukraine. The passages below follow the English "
        "interpretation provided in the chamber.", "Read the full text of every address since 2022.")
    story, _ = read_text(teaser, "s.txt")
    assert not any(p.startswith("Read the full text") for p in story.paragraphs)


_TIMELINE = """THE CROSSWIRE          Tue 10 Dec 2024  |  Login  |  Subscribe

Six weeks that pulled Pyongyang into Russia's war: a dated timeline

By Jane Roe
2 December 2024, 07:30 CET

North Korea has never confirmed that it sent soldiers to fight for Russia. This is what governments said, day by day, in the order they said it.

17 OCTOBER | KYIV
Ukraine's foreign minister, Andrii Sybiha, told a news conference that the North Koreans preparing to fight were regular North Korean troops, not mercenaries.

18 OCTOBER | KYIV
Kyrylo Budanov, head of Ukraine's military intelligence agency, said nearly 11,000 North Korean infantrymen were training in eastern Russia.

  --- ADVERTISEMENT ---
  Business class to Tokyo from EUR 2,190. Book by 31 December.
  ---------------------

19 NOVEMBER | BRUSSELS
Putin had brought 11,000 North Korean soldiers to Ukraine's borders, Volodymyr Zelensky told the European Parliament by video link.

The Crosswire covers security in Europe and Asia every day.
"""


def test_a_timeline_s_dated_headings_each_over_one_paragraph_are_all_the_body_and_an_ad_between_is_not():
    story, _ = read_text(_TIMELINE, "t.txt")
    assert story.paragraphs[0].startswith("North Korea has never confirmed")
    assert "17 OCTOBER | KYIV" in story.paragraphs and "19 NOVEMBER | BRUSSELS" in story.paragraphs
    assert not any("Business class" in p for p in story.paragraphs)
    assert any(p.startswith("Putin had brought") for p in story.paragraphs)


_AGES = """KOREA PULSE                                            Sign in    Subscribe

LIVE UPDATES

North Korea breaks ground on museum for soldiers who fought in Kursk - live

Last updated: 24 October 2025, 16:55 KST
By Jane Roe

-------------------------------------------------------------

12m ago

Vladimir Putin told Kim Jong Un last month that the North Korean soldiers had fought courageously and heroically in Kursk.

-------------------------------------------------------------

1h ago

South Korea's spy agency estimated last month that around 2,000 North Korean soldiers had been killed in the war.

-------------------------------------------------------------

5h ago

Russia's ambassador, Alexander Matsegora, thanked the North Korean soldiers for their part in the fighting, Yonhap said.
"""


def test_a_live_page_whose_entries_all_fall_on_its_last_update_s_day_is_of_that_day():
    story, _ = read_text(_AGES, "l.txt")
    assert (story.published, story.published_basis) == (dt.date(2025, 10, 24), "last update and its entries' ages")
    assert len(story.paragraphs) == 3 and not any("ago" in p for p in story.paragraphs)
    # An entry older than the update's hour may be of the day before: not settled.
    story, _ = read_text(_AGES.replace("5h ago", "18h ago"), "l.txt")
    assert story.published is None



def test_a_verbatim_record_keeps_its_meeting_line_and_names_its_chair(fixture_text):
    story, _ = _read(fixture_text, "record.txt")
    assert story.paragraphs[0] == "Meeting held at Headquarters, New York, on Wednesday, 18 December 2024"
    assert story.chaired_by == "Thomas-Greenfield"
    assert story.published == D(2024, 12, 19)


def test_entry_times_open_the_text_under_an_entry_s_headline_and_the_date_line_is_no_headline(fixture_text):
    story, _ = _read(fixture_text, "live_headlines.txt")
    assert story.title == "North Korea has sent 5,000 military builders to Russia since September, spy agency says"
    assert "08:20 GMT – The briefing comes as Russia and North Korea showcase the deployment they long refused to confirm." \
        in story.paragraphs
    assert any(p.startswith("07:05 GMT – North Korean leader Kim Jong Un") for p in story.paragraphs)


def test_a_record_with_each_label_on_a_line_of_its_own_is_the_text_and_its_sitting_line_leads_it(fixture_text):
    story, _ = _read(fixture_text, "lords.txt")
    assert story.paragraphs[0] == "HOUSE OF LORDS, ORAL QUESTIONS, WEDNESDAY 23 OCTOBER 2024"
    assert "Lord Robathan (Con):" in story.paragraphs
    assert any("(Lab): My Lords, it is highly likely" in p for p in story.paragraphs)  # (its label wraps onto it)

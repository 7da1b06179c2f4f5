"""Briefing transcripts, live blogs and briefings named by their organisation:
the formats of tests/extract/corpus2, on small inputs in several outlets' styles."""
import datetime as dt

import pytest

from newsgen.extract import extract_claims
from newsgen.extract.transcript import label_name, turns
from newsgen.model import Person, Story, Topic

TOPICS = (Topic("deployment", "Deployment", ("North Korea", "North Korean", "troops", "soldiers", "Kursk")),)
TUE = dt.date(2024, 12, 10)


def claims(*paragraphs, published=TUE, people=(), title=None):
    s = Story(id="t", seed="t.txt", published=published, paragraphs=paragraphs, title=title)
    return extract_claims(s, people, TOPICS)


def by_text(cs, words):
    hits = [c for c in cs if words in c.text]
    assert hits, f"no claim with {words!r} in {[c.text for c in cs]}"
    return hits[0]


WHITE_HOUSE = (
    "MS. JEAN-PIERRE: Good afternoon. I will turn it over to Admiral Kirby.",
    "MR. KIRBY: Thank you. We now assess that North Korean soldiers have been killed in Kursk.",
    "Moscow has also received more than 1.5 million rounds from North Korea.",
    "Q: How many North Korean troops are in Kursk? Two hundred drones hit Russia, Moscow says.",
    "MR. KIRBY: We think it's around 11,000 to 12,000 North Korean troops.",
    "END 2:31 P.M. EST",
)


def test_turns_label_answers_continue_them_and_stop_after_the_last_label():
    t = turns(WHITE_HOUSE)
    assert [x.kind if x else None for x in t] == ["answer", "answer", "answer", "question", "answer", None]
    assert t[1].label == "MR. KIRBY" and t[1].text.startswith("Thank you") and not t[2].labelled
    assert label_name("GEN. RYDER") == "Gen. Ryder" and label_name("MS. JEAN-PIERRE") == "Ms. Jean-Pierre"


@pytest.mark.parametrize("paragraphs", [
    ("NOTE: This story has been updated.", "UPDATE: Kirby spoke later."),  # not speakers
    ("Oct. 18: The NIS says 1,500 troops left.", "Nov. 4: Ukraine says its forces clashed."),  # a timeline list
    ("MR. KIRBY: One label alone is a quotation, not a transcript.",),
])
def test_not_a_transcript(paragraphs):
    assert turns(paragraphs) == [None] * len(paragraphs)


def test_white_house_transcript_answers_are_the_labels_speaker_on_the_transcript_day():
    cs = claims(*WHITE_HOUSE, title="Press Briefing by Press Secretary Karine Jean-Pierre and National Security "
                                    "Communications Advisor John Kirby")
    for words in ("We now assess", "1.5 million rounds", "11,000 to 12,000"):
        c = by_text(cs, words)
        assert c.speaker.name == "John Kirby" and c.said_on == TUE and "transcript" in c.date_basis
    assert not [c for c in cs if "drones" in c.text or "How many" in c.text]  # questions are no claims
    assert not [c for c in cs if c.text.startswith(("MR.", "KIRBY"))]  # labels are cut off


def test_pentagon_transcript_label_with_full_title_and_unknown_surname_label():
    cs = claims(
        "PRESS SECRETARY AIR FORCE MAJOR GENERAL PAT RYDER: Good afternoon. North Korean troops are in Kursk.",
        "Q: Are they in combat?",
        "GEN. RYDER: We assess that North Korean soldiers are now engaged in combat operations in Kursk.",
        "MS. SINGH: The department has seen no sign that North Korean troops have left Russia.",
        published=dt.date(2024, 12, 9),
    )
    c = by_text(cs, "engaged in combat")
    assert c.speaker.name == "Pat Ryder" and c.said_on == dt.date(2024, 12, 9)
    assert not [c for c in cs if "left Russia" in c.text and c.speaker]  # "MS. SINGH": never named in full



MINISTRY = (
    "The ministry's weekly briefing was held on Thursday; these are excerpts, translated by our desk.",
    "SPOKESPERSON LEE MIN-JUN: North Korean units are now rotating out of the Kursk region.",
    "QUESTION (Kyodo News): Has Seoul asked to meet the captured soldiers in the Kursk region?",
    "SPOKESPERSON LEE MIN-JUN: I have nothing to announce on that today.",
    "REPORTER: How many North Korean soldiers have returned home?",
    "Nobody here can say how many North Korean soldiers came back.",
    "SPOKESPERSON LEE MIN-JUN (through an interpreter): About 2,000 soldiers have returned to Pyongyang.",
)


def test_question_labels_with_an_affiliation_are_questions_and_stop_the_answer_before():
    t = turns(MINISTRY)
    # (What follows a question unlabelled, and asks nothing, is not the question.)
    assert [x.kind if x else None for x in t] == [None, "answer", "question", "answer", "question", None, "answer"]
    assert t[2].text.startswith("Has Seoul") and t[6].label == "SPOKESPERSON LEE MIN-JUN" and t[6].text.startswith("About 2,000")


def test_a_question_with_an_affiliation_is_not_the_spokesperson_s_claim():
    cs = claims(*MINISTRY, published=dt.date(2024, 12, 13))
    assert by_text(cs, "rotating out").speaker.name == "Lee Min-jun"
    assert by_text(cs, "About 2,000").speaker.name == "Lee Min-jun"
    assert not [c for c in cs if "captured soldiers" in c.text or "came back" in c.text or "How many" in c.text]


@pytest.mark.parametrize("title, preamble, held", [
    # The heading or the note before the first turn names the day of the briefing.
    ("Ministry briefing, 12 December 2024 (excerpts)", "Excerpts, translated by our desk.", dt.date(2024, 12, 12)),
    ("Ministry briefing (excerpts)", "The weekly briefing was held on Thursday in Seoul.", dt.date(2024, 12, 12)),
    # Two different days of the occasion, or a day that is not the occasion's: not settled,
    # the answers take the day the transcript was posted.
    ("Ministry briefing", "The briefing was held on Thursday. A meeting of ministers followed on 10 December 2024.",
     dt.date(2024, 12, 13)),
    ("Ministry briefing", "North Korea sent troops on Thursday, officials say.", dt.date(2024, 12, 13)),
])
def test_a_transcript_s_answers_are_dated_by_the_briefing_its_heading_names(title, preamble, held):
    cs = claims(preamble, "SPOKESPERSON LEE MIN-JUN: North Korean soldiers are fighting in the Kursk region.",
                "Q: How many?", "SPOKESPERSON LEE MIN-JUN: About 11,000 North Korean soldiers are there.",
                published=dt.date(2024, 12, 13), title=title)
    answers = [c for c in cs if c.speaker is not None and c.speaker.name == "Lee Min-jun"]
    assert len(answers) == 2 and {c.said_on for c in answers} == {held}

REPORT = (
    "North Korean troops have been killed in Kursk, Pentagon Press Secretary Maj. Gen. Pat Ryder told reporters today.",
    "Q: How many North Korean troops are there?",
    "GEN. RYDER: We assess there are roughly 10,000 to 12,000 North Korean soldiers in Kursk.",
    "The United States has sent more than $62 billion to Ukraine, and North Korean troops keep coming.",
    "North Korea has not commented on its troops in Kursk.",
)


def test_exchange_quoted_in_a_report_takes_the_day_the_report_gives_and_no_more():
    cs = claims(*REPORT)
    c = by_text(cs, "roughly 10,000")
    # The answer is the briefing the report dates: its basis names that day's source.
    assert c.said_on == TUE and c.speaker.name == "Pat Ryder" and "'today'" in c.date_basis
    assert by_text(cs, "$62 billion").speaker is None  # prose after the last label is the writer's
    undated = claims(*[p.replace(" today", "") for p in REPORT])
    assert by_text(undated, "roughly 10,000").said_on is None


LIVE = (
    "10:42 GMT – South Korea's spy agency says at least 100 North Korean soldiers have been killed.",
    "12:10 GMT – Ukraine's General Staff said North Korean troops lost 1,880 soldiers in the past 24 hours.",
    "14:05 GMT – Ukraine's military intelligence agency, HUR, reported that North Korean units lost dozens of men on Wednesday.",
    "15:20 GMT – Zelensky has said that North Korean troops are fighting in Kursk.",
)


def test_one_day_live_blog_entries_are_said_on_the_page_day():
    day = dt.date(2024, 12, 19)
    cs = claims(*LIVE, published=day, people=(Person(id="zelensky", name="Volodymyr Zelensky", aliases=("Zelensky",)),))
    c = by_text(cs, "at least 100")
    assert c.said_on == day and "10:42 GMT" in c.date_basis and not c.text.startswith("10:42")
    assert by_text(cs, "lost dozens").said_on == day  # "on Wednesday" is when the men were lost
    assert by_text(cs, "has said").said_on is None  # said at some time before
    assert [q.value for q in by_text(cs, "at least 100").quantities] == [100]  # the time is no figure


def test_live_blog_over_midnight_or_without_a_day_dates_nothing():
    wrapped = (LIVE[0], LIVE[1].replace("12:10", "23:50"), LIVE[2].replace("14:05", "00:30"))
    assert all(c.said_on is None for c in claims(*wrapped, published=dt.date(2024, 12, 19)))
    assert all(c.said_on is None for c in claims(*LIVE, published=None))
    # The entries' times are still no part of what was said, nor of who said it.
    cs = claims(*wrapped, published=dt.date(2024, 12, 19))
    assert cs and not [c for c in cs if c.text[:1].isdigit() or c.speaker and c.speaker.name[:1].isdigit()]


def test_an_interview_with_labels_in_title_case_is_a_transcript_when_a_host_asks():
    cs = claims("The conversation was recorded on Monday in The Hague.",
                "Host: How many North Korean soldiers are in Russia?",
                "Rutte: More than 10,000 North Korean soldiers are in the Kursk region.",
                "Host: Are they fighting?",
                "Rutte: They have entered combat alongside Russian forces in Kursk.",
                published=TUE, title="Interview with NATO Secretary General Mark Rutte")
    answers = [c for c in cs if c.speaker is not None]
    assert [c.speaker.name for c in answers] == ["Mark Rutte", "Mark Rutte"] and {c.said_on for c in answers} == {dt.date(2024, 12, 9)}
    assert not [c for c in cs if "How many" in c.text or "Are they" in c.text]
    assert all(not c.text.startswith("Rutte:") for c in cs)


@pytest.mark.parametrize("paragraphs", [
    # Places and rubrics in Title Case with a colon: no one asks, so no interview.
    ("Kyiv: Ukraine says 11,000 North Korean soldiers are in Kursk.", "Moscow: Russia says no North Korean troops are there."),
    ("Analysis: North Korean troops are in Kursk.", "Background: Seoul says 11,000 North Korean soldiers went."),
])
def test_title_case_rubrics_are_not_speakers(paragraphs):
    assert turns(paragraphs) == [None] * len(paragraphs)


def test_spokesperson_at_the_organisations_dated_briefing():
    cnn = claims(
        "North Korean troops have suffered a few hundred casualties, the White House said Tuesday.",
        "“We now assess that North Korean soldiers have been killed,” National Security Communications Adviser "
        "John Kirby told reporters at the White House briefing.",
    )
    c = by_text(cnn, "We now assess")
    assert c.speaker.name == "John Kirby" and c.said_on == TUE and "White House" in c.date_basis
    # No briefing words, or another organisation: no tie.
    loose = claims(
        "North Korean troops have suffered a few hundred casualties, the White House said Tuesday.",
        "Kirby, the national security communications adviser, said North Korean troops got 1.5 million shells.",
        people=(Person(id="kirby", name="John Kirby", aliases=("Kirby",)),),
    )
    assert by_text(loose, "1.5 million").said_on is None
    other = claims(
        "North Korean troops are in combat, the Pentagon said Monday.",
        "“We now assess that North Korean soldiers have been killed,” John Kirby told reporters at the White House.",
    )
    assert by_text(other, "We now assess").said_on is None


def test_un_representatives_speak_for_their_countries_and_he_is_that_envoy():
    cs = claims(
        "Rosemary DiCarlo, Under-Secretary-General for Political Affairs, said North Korean troops were in Kursk.",
        "The representative of the United States said that some 11,000 North Korean soldiers were now in Kursk.",
        "Russia’s representative dismissed the accusations about North Korean troops. He said the cooperation "
        "with North Korea threatened no one.",
        "The representative of the Republic of Korea, Joonkook Hwang, said North Korean soldiers were sold for money.",
    )
    assert by_text(cs, "some 11,000").speaker.name == "United States"
    assert by_text(cs, "dismissed").speaker.name == "Russia"
    assert by_text(cs, "threatened no one").speaker.name == "Russia"  # not Ms. DiCarlo
    assert by_text(cs, "sold for money").speaker.name == "Joonkook Hwang"


@pytest.mark.parametrize("lead, held", [
    ("The General Assembly convened on Monday to debate North Korea's troops in Russia.", dt.date(2024, 12, 9)),
    # A sitting of days before the report: its statements are not dated by it.
    ("The General Assembly convened on 2 December to debate North Korea's troops in Russia.", None),
    # Not a sitting: the lead's day dates nothing after it.
    ("North Korean troops reached the Kursk region on Monday.", None),
])
def test_a_meeting_the_lead_dates_dates_the_statements_made_at_it(lead, held):
    cs = claims(lead, "The representative of France, Nicolas de Riviere, said about 11,000 North Korean soldiers were in Kursk.",
                "Russia's envoy, Vassily Nebenzia, dismissed the reports of North Korean troops.")
    assert [c.said_on for c in cs if c.speaker is not None] == [held, held]


def test_greetings_and_the_floor_changing_hands_are_not_claims():
    cs = claims("MS. LEE MIN-JUN: Good morning, everyone. North Korean soldiers are still in the Kursk region.",
                "Q: How many?",
                "MS. LEE MIN-JUN: Yes. About 11,000 of them. Okay, next question from the back.",
                published=dt.date(2024, 12, 13), title="Ministry briefing")
    texts = [c.text for c in cs if c.speaker is not None]
    assert any("still in the Kursk region" in t for t in texts) and any("11,000" in t for t in texts)
    assert not [t for t in texts if t.startswith(("Good morning", "Okay")) or "next question" in t]
    # "Yes." answering the question just asked opens the answer: one claim with it.
    assert "Yes. About 11,000 of them." in texts


def test_credits_in_title_case_do_not_make_a_story_a_transcript():
    paragraphs = ("Reporter: Jane Doe",
                  "Ukraine says 11,000 North Korean soldiers are in Kursk, its military intelligence said on Monday.",
                  "Editor: Tom Hale")
    assert turns(paragraphs) == [None] * 3
    # In capitals the credits look like two speakers' labels; the story between them is
    # still prose, never a question.
    upper = ("REPORTER: JANE DOE", paragraphs[1], "EDITOR: TOM HALE")
    assert turns(upper)[1] is None
    assert [c.speaker.name for c in claims(*upper) if c.speaker is not None] != []


def test_a_live_entry_s_speaker_going_on_keeps_the_day_they_were_dated():
    day = dt.date(2024, 12, 19)
    cs = claims("10:42 GMT – Britain's defence ministry said on Sunday that North Korean forces had lost 6,000 soldiers "
                "in Kursk. That was half of the North Korean soldiers sent, the ministry said.",
                "12:10 GMT – Ukraine's General Staff said North Korean troops lost 200 soldiers in Kursk.",
                published=day)
    assert by_text(cs, "half of").said_on == dt.date(2024, 12, 15)  # Sunday's update, not the page's day
    assert by_text(cs, "lost 200").said_on == day


def test_an_interviewer_named_by_name_who_only_asks_claims_nothing_and_an_answer_is_one_claim():
    cs = claims("Defence Minister Antti Hakkinen spoke to our correspondent Jane Moore on Monday in Helsinki.",
                "JANE MOORE: Reports say North Korean soldiers have reached the front. Have they fought yet?",
                "MINISTER HAKKINEN: Not yet. They are training in Kursk. I expect them in combat within weeks, "
                "and their number will grow to 12,000.",
                "JANE MOORE: And what does Pyongyang get in return?",
                "MINISTER HAKKINEN: Money and missile technology, and real war experience for North Korean troops.",
                title="Interview: Finland's defence minister on North Korean troops")
    assert not [c for c in cs if "Have they fought" in c.text or "in return" in c.text]
    answer = by_text(cs, "Not yet.")
    assert "12,000" in answer.text and [q.value for q in answer.quantities] == [12000]
    assert answer.speaker.name == "Antti Hakkinen" and answer.said_on == dt.date(2024, 12, 9)
    # Title Case labels: the same.
    cs = claims("Defence Minister Antti Hakkinen spoke to our correspondent Jane Moore on Monday in Helsinki.",
                "Jane Moore: Have North Korean soldiers reached Kursk?",
                "Hakkinen: Yes. About 11,000 North Korean soldiers are there now.",
                "Jane Moore: Are they fighting alongside Russian troops?",
                "Hakkinen: They have entered combat alongside Russian forces in Kursk.")
    assert not [c for c in cs if c.speaker is not None and c.speaker.name == "Jane Moore"]
    assert by_text(cs, "11,000").speaker.name == "Antti Hakkinen"


LATER_ENTRIES = ("12:10 GMT – Seoul's spy agency said North Korean troops had lost more soldiers in Kursk.",
                 "14:05 GMT – Seoul's defence ministry said North Korean troops were still in Kursk.")


def test_an_interview_published_today_but_given_on_friday_was_given_on_friday():
    day = dt.date(2024, 12, 19)  # a Thursday
    zelensky = (Person(id="zelensky", name="Volodymyr Zelensky", aliases=("Zelensky",)),)
    cs = claims("10:42 GMT – In an interview published today by a Polish newspaper, recorded on Friday, Zelensky said "
                "North Korean troops had lost 3,000 men in Kursk. Their attacks had slowed, he said.",
                "Zelensky also said 11,000 North Korean soldiers remained in the Kursk region.",
                *LATER_ENTRIES, published=day, people=zelensky)
    friday = dt.date(2024, 12, 13)
    assert by_text(cs, "3,000").said_on == friday and by_text(cs, "slowed").said_on == friday
    assert by_text(cs, "11,000").said_on == friday  # the same entry going on, a paragraph down
    # Only the day it came out: that is the day the sentence gives.
    cs = claims("10:42 GMT – In an interview published today by a Polish newspaper, Zelensky said North Korean "
                "troops had lost 3,000 men in Kursk.", *LATER_ENTRIES, published=day, people=zelensky)
    assert by_text(cs, "3,000").said_on == day


def test_day_headings_in_capitals_date_the_entries_under_them():
    cs = claims("THURSDAY 12 DECEMBER 2024",
                "12:40 – Seoul's spy agency said about 11,000 North Korean soldiers were in the Kursk region.",
                "WEDNESDAY 11 DECEMBER 2024",
                "14:20 – Seoul's defence ministry said North Korean troops had lost 1,000 soldiers in Kursk.",
                published=dt.date(2024, 12, 11))
    assert by_text(cs, "11,000").said_on == dt.date(2024, 12, 12)
    assert by_text(cs, "1,000 soldiers").said_on == dt.date(2024, 12, 11)


def test_a_record_of_a_sitting_labels_members_by_party():
    ts = turns((
        "Lord Robathan (Con): To ask His Majesty's Government what assessment they have made of the troops.",
        "Baroness Chapman of Darlington (Lab): My Lords, it is highly likely that North Korea has begun to send troops to Russia.",
        "Lord Robathan (Con): My Lords, will the Minister press her colleagues on the North Korean troops?",
        "Baroness Chapman of Darlington (Lab): I will not add to what has been said about the troops.",
    ))
    assert [t.label if t else None for t in ts] == ["Lord Robathan", "Baroness Chapman of Darlington"] * 2
    # Without a party beside each label, "Kyiv: …" and "Analysis: …" are ordinary paragraphs.
    assert turns(("Kyiv: the North Korean troops were seen near the front.",
                  "Analysis: the North Korean troops are a sign of need.",
                  "Kyiv: more troops are expected, officials say.")) == [None] * 3
    cs = claims("Baroness Chapman of Darlington (Lab): My Lords, it is highly likely that North Korea has begun to send troops to Russia.",
                "Lord Robathan (Con): My Lords, will the Minister press her colleagues on the North Korean troops?",
                "Baroness Chapman of Darlington (Lab): I will not add to what has been said about the troops.")
    assert by_text(cs, "highly likely").speaker.name == "Baroness Chapman of Darlington"


def test_answers_labelled_a_are_the_titled_speaker_s_to_the_end_of_the_answer():
    s = Story(id="t", seed="t.html", published=dt.date(2024, 11, 1),
              title="Foreign Ministry Spokesperson Lin Jian's Regular Press Conference on November 1, 2024",
              paragraphs=("Q: A question about the North Korean soldiers in Russia. What is China's response?",
                          "A: We have noted the relevant reports about the North Korean troops.",
                          "Q: Is China aware of the North Korean troops' movements?",
                          "A: China is not aware of the specifics of cooperation involving the North Korean troops.",
                          "We hope all parties will work for de-escalation and for the North Korean troops to stay out.",
                          "(The English transcript is provided for reference.)"))
    cs = extract_claims(s, (), TOPICS)
    assert {c.speaker.name for c in cs} == {"Lin Jian"}
    assert by_text(cs, "We hope all parties").said_on == dt.date(2024, 11, 1)
    assert not any("transcript is provided" in c.text for c in cs)


def test_questions_in_capitals_and_answers_in_title_case_and_a_minister_among_two_kims():
    kim_jong_un = Person(id="kim-jong-un", name="Kim Jong Un", aliases=("Kim",), role="Leader of North Korea")
    paras = (
        "U.S. Defense Secretary Lloyd Austin met South Korean Defense Minister Kim Yong-hyun at the Pentagon.",
        "Secretary Austin: The evidence now suggests that North Korea has sent around 10,000 soldiers to train in "
        "eastern Russia, and some of them have moved closer to Ukraine.",
        "Minister Kim (through interpreter): Kim Jong Un did not hesitate to send his young soldiers to Russia as "
        "cannon fodder, and North Korea must withdraw its troops.",
        "Q: Mr. Secretary, will the North Korean troops fight in Kursk?",
        "Secretary Austin: The likelihood that the North Korean troops will be used in combat is pretty high.",
    )
    cs = claims(*paras, people=(kim_jong_un,))
    assert turns(paras)[3].kind == "question"
    assert by_text(cs, "around 10,000").speaker.name == "Lloyd Austin"
    assert by_text(cs, "cannon fodder").speaker.name == "Kim Yong-hyun"  # the minister, not the leader
    assert by_text(cs, "pretty high").speaker.name == "Lloyd Austin"
    assert not any("will the North Korean troops fight" in c.text for c in cs)


def test_a_briefing_with_reporters_labelled_by_outlet_and_the_spokesperson_by_name():
    paras = (
        "Lin Jian: Good afternoon. I have an announcement about a visit by the Malaysian prime minister next week.",
        "AFP: The United States says North Korean troops have reached Russia's border with Ukraine. How does China respond?",
        "Lin Jian: The DPRK and Russia are two independent sovereign states, and how they develop their relations is "
        "their own business. China does not know the details of the North Korean troops.",
        "Reuters: Has China been in contact with North Korea about the troops?",
        "Lin Jian: I am not aware of the situation you describe, and our position on the Ukraine crisis is clear.",
    )
    ts = turns(paras)
    assert [t.kind for t in ts] == ["answer", "question", "answer", "question", "answer"]
    cs = claims(*paras)
    assert {c.speaker.name for c in cs} == {"Lin Jian"}
    assert not any("How does China respond" in c.text for c in cs)


def test_reporters_labelled_by_outlet_and_name_ask_and_a_title_label_is_the_person_listed_so():
    hayashi = Person(id="hayashi", name="Yoshimasa Hayashi", aliases=("Hayashi", "Chief Cabinet Secretary Hayashi"),
                     role="Chief Cabinet Secretary", org="Japan")
    paras = (
        "Asakaze Shimbun, Morita: I have a question about the North Korean troops. Please tell us how the Government sees this.",
        "CHIEF CABINET SECRETARY HAYASHI: The Government of Japan is following the dispatch of North Korean troops to "
        "Russia with serious concern.",
        "Tokai Wire Service, Hirano: What will Japan do about the North Korean troops, and is it consulting Seoul?",
        "CHIEF CABINET SECRETARY HAYASHI: Japan will continue to collect information on the North Korean troops.",
    )
    assert [t.kind for t in turns(paras)] == ["question", "answer", "question", "answer"]
    cs = claims(*paras, people=(hayashi,))
    assert {c.speaker.name for c in cs} == {"Yoshimasa Hayashi"}  # not "Cabinet Hayashi"
    assert not any("Please tell us" in c.text for c in cs)


def test_a_moderated_press_conference_with_reporters_asking_once_each_is_a_transcript():
    ps = ("Moderator: Good morning. The Secretary General will make some opening remarks and then take a few questions.",
          "Secretary General Mark Rutte: Good morning. Putin is bringing North Korean soldiers into his illegal war.",
          "Moderator: We'll start in the second row, please.",
          "Hanne Lievens (Radio Scheldt): Thank you. Is a ceasefire along the front line being offered to Kyiv?",
          "Rutte: Ukraine does not need more ideas from us about what a peace process might look like.",
          "Min-ji Soh (Seoul Evening Wire): How does the Alliance now see the North Korean troops in Russia?",
          "Rutte: It is a big development, Putin bringing North Korean troops into this war.")
    got = [(t.kind, t.label) if t else None for t in turns(ps)]
    assert got[1] == ("answer", "Secretary General Mark Rutte") and got[4] == got[6] == ("answer", "Rutte")
    assert got[3] == ("question", "Hanne Lievens") and got[5] == ("question", "Min-ji Soh")
    cs = claims(*ps)
    assert {c.speaker.name for c in cs} == {"Mark Rutte"}


def test_a_verbatim_record_names_speakers_by_honorific_and_a_listed_surname_is_that_person():
    nebenzia = Person(id="nebenzia", name="Vassily Nebenzia", aliases=("Nebenzia",), role="Ambassador of Russia to the UN")
    ps = ("The President: I invite Ms. Rosemary DiCarlo, Under-Secretary-General, to brief the Council on North Korea.",
          "Ms. DiCarlo: Media reports suggest that DPRK troops have been deployed to the Kursk region, where they are fighting.",
          "Mr. Dharmadhikari (France) (spoke in French): North Korea's support for the Russian aggression has crossed a new threshold.",
          "Mr. Nebenzia (Russian Federation) (spoke in Russian): Our cooperation with the DPRK is fully in keeping with international law.")
    got = [(t.kind, t.label) if t else None for t in turns(ps)]
    assert got[1:] == [("answer", "Ms. DiCarlo"), ("answer", "Mr. Dharmadhikari"), ("answer", "Mr. Nebenzia")]
    cs = claims(*ps, people=(nebenzia,))
    assert by_text(cs, "international law").speaker.id == "nebenzia"
    assert by_text(cs, "Kursk region").speaker.name == "Rosemary DiCarlo"
    assert not [c for c in cs if "new threshold" in c.text]  # "Mr. Dharmadhikari" alone says not who he is


def test_the_president_of_a_verbatim_record_is_the_chair_its_header_names_and_turns_are_of_the_meeting_day():
    from pathlib import Path

    from newsgen.load import read_text

    record = Path(__file__).parents[1] / "load" / "fixtures" / "record.txt"
    story, _ = read_text(record.read_text(encoding="utf-8"), "record.txt")
    ltg = Person(id="ltg", name="Linda Thomas-Greenfield", aliases=("Thomas-Greenfield",), role="US Ambassador to the UN")
    cs = extract_claims(story, (ltg,), TOPICS)
    c = by_text(cs, "20,000 shipping containers")
    assert (c.speaker.id, c.said_on) == ("ltg", dt.date(2024, 12, 18))  # the meeting's day, not the posting's
    assert by_text(cs, "Kursk region").said_on == dt.date(2024, 12, 18)


def test_labels_on_lines_of_their_own_open_the_turns_under_them():
    from pathlib import Path

    from newsgen.load import read_text

    record = Path(__file__).parents[1] / "load" / "fixtures" / "lords.txt"
    story, _ = read_text(record.read_text(encoding="utf-8"), "lords.txt")
    got = {(t.label, t.kind) for t in turns(story.paragraphs) if t is not None}
    assert ("Baroness Chapman of Darlington", "answer") in got  # from the office's brackets, not its party's
    assert ("Lord Kennedy of Southwark", "answer") in got and not any(label.startswith("Lab") for label, _ in got)
    cs = extract_claims(story, (), TOPICS)
    c = by_text(cs, "highly likely")
    assert (c.speaker.name, c.said_on) == ("Baroness Chapman of Darlington", dt.date(2024, 10, 23))

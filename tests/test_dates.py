import datetime as dt
from pathlib import Path

import pytest

from newsgen.dates import DateMention, find_dates, parse_date_text, resolve_year

D = dt.date
SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def only(sentence, anchor):
    found = find_dates(sentence, anchor)
    assert len(found) == 1, found
    return found[0]


def seed_line(prefix, contains):
    text = next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")
    return next(line for line in text.splitlines() if contains in line)


# --- explicit dates -------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The allies released a joint statement November 6 expressing concern.", D(2024, 11, 6)),
        ("The statement was released Nov. 6 in Washington.", D(2024, 11, 6)),
        ("Ryder spoke to reporters Dec. 16.", D(2024, 12, 16)),
        ("Austin said Oct. 30, 2024, that troops were in Russia.", D(2024, 10, 30)),
        ("The ministry said on 6 November 2024 that it would respond.", D(2024, 11, 6)),
        ("The NIS briefed lawmakers on 2024-11-06.", D(2024, 11, 6)),
        ("Seoul announced on Sept. 12 that talks would resume.", D(2024, 9, 12)),
        ("The report was published on December 2nd.", D(2024, 12, 2)),
    ],
)
def test_explicit_dates(sentence, expected):
    m = only(sentence, D(2024, 12, 17))
    assert m.kind == "explicit"
    assert m.date == expected
    assert m.precision == "day"
    assert m.text in sentence and sentence[m.start : m.end] == m.text
    assert "explicit date" in m.basis


def test_missing_year_comes_from_the_anchor_going_back():
    m = only("He spoke Dec. 30.", D(2025, 1, 2))
    assert m.date == D(2024, 12, 30)
    assert "year from publication 2025-01-02" in m.basis


def test_missing_year_allows_a_date_shortly_after_publication():
    # an upcoming event, not one a year old
    assert only("The new envoy arrives Jan. 15.", D(2024, 12, 20)).date == D(2025, 1, 15)
    assert resolve_year(1, 15, D(2024, 12, 20)) == D(2025, 1, 15)
    assert resolve_year(2, 15, D(2024, 12, 20)) == D(2024, 2, 15)
    assert resolve_year(2, 29, D(2025, 3, 1)) == D(2024, 2, 29)
    assert resolve_year(11, 6, D(2024, 11, 10)) == D(2024, 11, 6)
    assert resolve_year(11, 30, D(2024, 11, 10)) == D(2024, 11, 30)
    assert resolve_year(12, 31, D(2024, 11, 10)) == D(2023, 12, 31)


def test_missing_year_without_anchor_is_unknown():
    m = only("The statement was released November 6.", None)
    assert m.date is None
    assert m.precision is None


def test_weekday_with_date_is_one_mention_and_checked():
    m = only("Kirby said on Monday, Dec. 16, that losses mounted.", D(2024, 12, 17))
    assert (m.kind, m.date, m.text) == ("explicit", D(2024, 12, 16), "Monday, Dec. 16")
    bad = only("Kirby said on Friday, Dec. 16, that losses mounted.", D(2024, 12, 17))
    assert bad.date is None  # the weekday contradicts the date: trust neither


def test_invalid_date_is_not_invented():
    assert only("It happened Feb. 30.", D(2024, 12, 17)).date is None


def test_month_and_year_is_month_precision():
    m = only("The deployment began in October 2024.", D(2024, 12, 17))
    assert (m.kind, m.date, m.precision) == ("month", None, "month")
    assert m.range == (D(2024, 10, 1), D(2024, 10, 31))


def test_a_count_after_a_month_name_is_not_a_day():
    assert find_dates("In May 2,000 troops left.", D(2024, 12, 17)) == ()


# --- weekdays -------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, anchor, expected",
    [
        # seed 004 style: Korean outlet, US statement the day before
        ("In a statement published Saturday (local time), the DIU said troops had moved.", D(2024, 12, 17), D(2024, 12, 14)),
        ("On Monday, Kirby stated during an online briefing that the U.S. is monitoring.", D(2024, 10, 22), D(2024, 10, 21)),
        # published on a Monday, "on Monday" is that day
        ("The Pentagon said on Monday that troops had moved.", D(2024, 10, 21), D(2024, 10, 21)),
        ("Austin and Kim called on North Korea Wednesday to withdraw.", D(2024, 10, 30), D(2024, 10, 30)),
        ("Speaking to the BBC on Sunday, the minister said talks would continue.", D(2024, 11, 5), D(2024, 11, 3)),
        ("Reuters reported Thursday morning that the NIS had briefed lawmakers.", D(2024, 11, 2), D(2024, 10, 31)),
    ],
)
def test_weekday_is_latest_on_or_before_anchor(sentence, anchor, expected):
    m = next(x for x in find_dates(sentence, anchor) if x.kind == "weekday")
    assert m.date == expected
    assert m.precision == "day"
    assert anchor.isoformat() in m.basis
    assert "weekday" in m.basis


def test_last_and_next_weekday():
    anchor = D(2024, 12, 16)  # a Monday
    assert only("Talks were held last Monday.", anchor).date == D(2024, 12, 9)
    nxt = only("He will visit Seoul next Monday.", anchor)
    assert nxt.date == D(2024, 12, 23)
    assert nxt.statement_date is False


def test_weekday_without_anchor():
    m = only("The ministry said Monday that it would respond.", None)
    assert (m.kind, m.date) == ("weekday", None)


def test_plural_weekday_is_habitual_not_a_date():
    assert find_dates("Briefings are held on Mondays.", D(2024, 12, 17)) == ()


# --- relative days ------------------------------------------------------------------


@pytest.mark.parametrize(
    "phrase, delta",
    [("today", 0), ("yesterday", 1), ("last night", 1), ("two days ago", 2), ("3 days ago", 3),
     ("this morning", 0), ("the day before yesterday", 2)],
)
def test_relative_days(phrase, delta):
    anchor = D(2024, 12, 17)
    m = only(f"The ministry said {phrase} that it would respond.", anchor)
    assert m.kind == "relative-day"
    assert m.date == anchor - dt.timedelta(days=delta)


@pytest.mark.parametrize(
    "sentence, kind, offset",
    [
        ("Earlier in the day, Pentagon press secretary Pat Ryder said losses were heavy.", "same-day", 0),
        ("The State Department said the same day that it had no details.", "same-day", 0),
        ("Later that day, the Kremlin denied the report.", "same-day", 0),
        ("Earlier today, the ministry said it had summoned the envoy.", "same-day", 0),
        ("The day before, Seoul had warned of a deployment.", "day-before", -1),
        ("The next day, Pyongyang denied it.", "day-after", 1),
    ],
)
def test_references_to_another_statement_have_no_date(sentence, kind, offset):
    m = only(sentence, D(2024, 12, 17))
    assert (m.kind, m.date, m.offset) == (kind, None, offset)


# --- weeks, months, vague ------------------------------------------------------------


def test_last_week_is_the_previous_monday_to_sunday():
    m = only("Ryder noted that North Korean troops entered combat last week.", D(2024, 12, 17))
    assert (m.kind, m.date, m.precision) == ("week", None, "week")
    assert m.range == (D(2024, 12, 9), D(2024, 12, 15))
    assert "9 Dec" in m.basis


@pytest.mark.parametrize(
    "phrase, rng",
    [
        ("earlier this week", (D(2024, 12, 16), D(2024, 12, 22))),
        ("this week", (D(2024, 12, 16), D(2024, 12, 22))),
        ("next week", (D(2024, 12, 23), D(2024, 12, 29))),
    ],
)
def test_week_ranges(phrase, rng):
    m = only(f"Officials said {phrase} that talks continue.", D(2024, 12, 17))
    assert m.precision == "week" and m.range == rng and m.date is None


@pytest.mark.parametrize(
    "phrase, rng",
    [
        ("earlier this month", (D(2024, 12, 1), D(2024, 12, 31))),
        ("last month", (D(2024, 11, 1), D(2024, 11, 30))),
        ("this month", (D(2024, 12, 1), D(2024, 12, 31))),
    ],
)
def test_month_ranges(phrase, rng):
    m = only(f"The NIS said {phrase} that troops had moved.", D(2024, 12, 17))
    assert (m.kind, m.precision, m.range, m.date) == ("month", "month", rng, None)


def test_last_month_across_the_year_boundary():
    assert only("It said last month that troops moved.", D(2025, 1, 3)).range == (D(2024, 12, 1), D(2024, 12, 31))


@pytest.mark.parametrize("phrase", ["recently", "in recent months", "in recent weeks"])
def test_vague(phrase):
    m = only(f"Officials have {phrase} warned of a deployment.", D(2024, 12, 17))
    assert (m.kind, m.date, m.range, m.precision) == ("vague", None, None, None)


# --- statement dates ------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # speech verb in the same clause
        ("A White House official confirmed Monday that troops had suffered losses.", True),
        ("The ministry told reporters on Tuesday the troops had moved.", True),
        ("Kirby on Monday told a briefing that losses were heavy.", True),
        ("At a press conference on Monday, the minister announced new sanctions.", True),
        ("In a statement published Saturday, the DIU said troops were mobilized.", True),
        ("The allies released a joint statement November 6 expressing grave concern.", True),
        # wire and broadcaster styles
        ("SEOUL, South Korea (AP) — North Korea sent more troops, South Korea's spy agency said Friday.", True),
        ("Speaking on Monday, Mr Kirby said the troops were suffering heavy losses.", True),
        ("At Monday's briefing, Kirby said losses were heavy.", True),
        ("The Pentagon, in a statement Sunday, said the troops had moved.", True),
        ("North Korea's state media KCNA reported on Wednesday that Kim inspected a factory.", True),
        # sentence-initial
        ("On Monday, Voice of America reported that Kirby was investigating.", True),
        ("On Monday, National Security Council spokesman John Kirby stated that the U.S. is monitoring.", True),
        # event dates
        ("Russian soldiers were killed since the war began on February 24, 2022.", False),
        ("The war, which began on Feb. 24, 2022, has killed thousands.", False),
        ("On Feb. 24, 2022, Russia invaded Ukraine.", False),
        ("Ryder noted that North Korean troops entered combat last week.", False),
        ("The ministry said Tuesday that the troops crossed the border on Sunday.", None),  # checked below
        ("Sanctions have been in place since Monday.", False),
        ("The deadline is by Friday.", False),
        ("Kim, who was born on Jan. 8, 1984, rules the country.", False),
        ('"We saw them move on Thursday," Kirby told reporters.', False),
    ],
)
def test_statement_date(sentence, expected):
    mentions = find_dates(sentence, D(2024, 12, 17))
    assert mentions
    if expected is None:
        said, crossed = mentions
        assert (said.text, said.statement_date) == ("Tuesday", True)
        assert (crossed.text, crossed.statement_date) == ("Sunday", False)
    else:
        assert mentions[0].statement_date is expected


def test_two_dates_in_one_sentence_attach_to_their_own_verbs():
    found = find_dates(
        "The troops have been fighting since Monday, a Ukrainian official told the BBC on Tuesday.",
        D(2024, 12, 17),
    )
    assert [(m.text, m.statement_date) for m in found] == [("Monday", False), ("Tuesday", True)]
    found = find_dates(
        "The NIS said on Friday, adding that they had arrived in Kursk on Dec. 2.", D(2024, 12, 17)
    )
    assert [(m.text, m.date, m.statement_date) for m in found] == [
        ("Friday", D(2024, 12, 13), True), ("Dec. 2", D(2024, 12, 2), False)]


def test_caption_date_is_not_a_statement_date():
    line = seed_line("004", "A TV screen shows")
    m = only(line, D(2024, 12, 17))
    assert m.date == D(2024, 10, 18)  # found; excluding captions is the caller's job
    assert m.statement_date is False


# --- the seeds ----------------------------------------------------------------


def test_seed_004_saturday_and_last_week():
    saturday = only(seed_line("004", "In a statement published Saturday"), D(2024, 12, 17))
    assert saturday.date == D(2024, 12, 14)
    assert saturday.statement_date
    week = only(seed_line("004", "entered combat last week"), D(2024, 12, 17))
    assert week.range == (D(2024, 12, 9), D(2024, 12, 15))
    assert week.statement_date is False
    monday = only(seed_line("004", "a White House official confirmed Monday"), D(2024, 12, 17))
    assert (monday.date, monday.statement_date) == (D(2024, 12, 16), True)


def test_seed_003_war_start_is_not_a_statement_date():
    mentions = find_dates(seed_line("003", "February 24, 2022"), D(2024, 10, 30))
    war = next(m for m in mentions if m.text == "February 24, 2022")
    assert war.date == D(2022, 2, 24)
    assert war.statement_date is False
    wed = only(seed_line("003", "called on North Korea Wednesday"), D(2024, 10, 30))
    assert (wed.date, wed.statement_date) == (D(2024, 10, 30), True)


def test_seed_002_november_6():
    m = only(seed_line("002", "joint statement November 6"), D(2024, 11, 10))
    assert (m.date, m.statement_date) == (D(2024, 11, 6), True)


def test_seed_000_on_monday():
    m = only(seed_line("000", "On Monday, National Security"), D(2024, 10, 22))
    assert (m.date, m.statement_date) == (D(2024, 10, 21), True)
    assert m.basis == "weekday 'Monday' before publication 2024-10-22"


def test_mentions_are_dataclasses_in_text_order():
    found = find_dates("On Monday, Kirby said troops arrived last week.", D(2024, 12, 17))
    assert all(isinstance(m, DateMention) for m in found)
    assert [m.text for m in found] == ["Monday", "last week"]
    with pytest.raises(Exception):
        found[0].date = None  # frozen


def test_no_dates():
    assert find_dates("The talks continue.", D(2024, 12, 17)) == ()
    assert find_dates("", None) == ()


# --- publication lines -------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Posted December 27, 2024 4:58 PM", D(2024, 12, 27)),
        ("Published Oct. 18, 2024", D(2024, 10, 18)),
        ("2024-10-18T09:00:00+09:00", D(2024, 10, 18)),
        ("2024-10-18T23:30:00-05:00", D(2024, 10, 18)),  # the outlet's own day, not converted
        ("Friday, November 22, 2024", D(2024, 11, 22)),
        ("Updated : 2024-10-18 10:31", D(2024, 10, 18)),
        ("Published: 6 Nov 2024 09:00 KST", D(2024, 11, 6)),
        ("2024.10.18 14:05", D(2024, 10, 18)),
        ("10/18/2024", D(2024, 10, 18)),
        ("18/10/2024", D(2024, 10, 18)),
        ("Oct. 2024", None),  # month precision is not a day
        ("05/06/2024", None),  # d/m or m/d: ambiguous
        ("Posted 3 hours ago", None),
        ("Monday", None),
        ("", None),
        ("Feb. 30, 2024", None),
    ],
)
def test_parse_date_text(text, expected):
    assert parse_date_text(text) == expected


# --- statement dates in frames the clause heuristic used to miss ------------------------


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a date after an inverted frame's speaker and title (AP / Reuters)
        ('"We are watching closely," said John Kirby, the spokesman, on Wednesday.', True),
        ('"We are watching closely," said John Kirby, the spokesman, Wednesday.', True),
        # an opening phrase that names the occasion (BBC, Guardian)
        ("In a post on Telegram on Monday, Mr Zelensky said the figure was preliminary.", True),
        ("In a new year message carried by KCNA on Wednesday, Kim told Putin that 2025 would be good.", True),
        # ... but not an opening phrase about an event
        ("In fighting on Sunday, the troops lost 30 men, officials said.", False),
        ("After troops crossed the border on Sunday, Kirby said losses were heavy.", False),
        ('"They crossed on Sunday," said Kirby.', False),
        # non-statements are still statement occasions
        ("Peskov declined to comment on Tuesday, referring questions to the ministry.", True),
        ("The troops were killed, the ministry said, on Sunday.", False),
    ],
)
def test_statement_date_in_inverted_frames_and_opening_phrases(sentence, expected):
    (m,) = find_dates(sentence, D(2024, 11, 13))
    assert m.statement_date is expected


def test_timeline_list_entry_date_before_a_colon_is_the_statement_day():
    # "How the deployment unfolded:" lists in features: "Oct. 18: X says …".
    m = only("Oct. 18: South Korea's spy agency says North Korea has sent troops.", dt.date(2024, 12, 22))
    assert m.date == dt.date(2024, 10, 18) and m.statement_date
    # A clock time after a day is still not part of a date ("Oct. 18:30" is no day).
    assert all(d.date != dt.date(2024, 10, 18) for d in find_dates("The vote on Oct. 18:30 was delayed.", dt.date(2024, 12, 22)))


def test_the_same_sentence_resolves_against_each_publication_day():
    # A sentence's pattern matches are kept for reuse; their resolution is not.
    s = "On Monday, Kirby said the troops had moved."
    assert [m.date for m in find_dates(s, dt.date(2024, 11, 8))] == [dt.date(2024, 11, 4)]
    assert [m.date for m in find_dates(s, dt.date(2024, 11, 12))] == [dt.date(2024, 11, 11)]
    assert [m.date for m in find_dates(s, None)] == [None]


@pytest.mark.parametrize("sentence, expected", [
    ("On Wednesday of last week, the lawmaker said", D(2024, 11, 20)),
    ("told reporters on Tuesday last week", D(2024, 11, 19)),
    ("said on Monday this week", D(2024, 11, 25)),
    ("said on Wednesday", D(2024, 11, 27)),  # the bare weekday: the latest one
])
def test_a_weekday_of_a_named_week_counts_from_that_week(sentence, expected):
    assert only(sentence, D(2024, 11, 30)).date == expected  # a Saturday
    assert only(sentence, D(2024, 11, 30)).kind == "weekday"


def test_a_weekday_of_a_named_month_is_that_day_not_last_week_s():
    assert only("On the last Friday of January, the colonel spoke", D(2025, 2, 20)).date == D(2025, 1, 31)
    assert only("on the first Monday in March 2025", D(2025, 2, 20)).date == D(2025, 3, 3)


def test_a_day_of_the_month_alone_is_the_latest_such_day_on_or_before_publication():
    assert only("On the 4th, during the audit, the lawmaker said", D(2025, 11, 6)).date == D(2025, 11, 4)
    assert only("on the 28th, Kim said", D(2025, 11, 6)).date == D(2025, 10, 28)
    assert not find_dates("on the 4th day of fighting", D(2025, 11, 6))


def test_a_day_and_month_followed_by_last_or_this_year_is_of_that_year():
    from newsgen.dates import find_dates

    pub = dt.date(2025, 10, 24)
    (m,) = find_dates("On 10 October last year, the Kremlin said", pub)
    assert m.date == dt.date(2024, 10, 10) and m.text == "10 October last year"
    (m,) = find_dates("on March 3 this year", pub)
    assert m.date == dt.date(2025, 3, 3)
    (m,) = find_dates("On 10 October, the Kremlin said", pub)
    assert m.date == dt.date(2025, 10, 10)  # without the words, the latest before publication


def test_a_year_ago_today_is_that_day_a_year_back():
    from newsgen.dates import find_dates

    (m, *_rest) = find_dates("And a year ago today, on 24 October 2024, Yoon warned", dt.date(2025, 10, 24))
    assert (m.text, m.date) == ("a year ago today", dt.date(2024, 10, 24))
    (m,) = find_dates("two years ago today", dt.date(2025, 10, 24))
    assert m.date == dt.date(2023, 10, 24)
    assert not find_dates("a year ago, he said", dt.date(2025, 10, 24))  # no day given


def test_a_week_ago_today_is_that_weekday_a_week_before_publication():
    (m,) = [m for m in find_dates("A week ago today, the agency said in a statement", dt.date(2025, 2, 11)) if "week" in m.text]
    assert (m.text, m.date, m.kind) == ("A week ago today", dt.date(2025, 2, 4), "relative-day")

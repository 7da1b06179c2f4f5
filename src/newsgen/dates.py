"""Date expressions in news prose, resolved against a publication date (the anchor).

``find_dates(sentence, anchor)`` returns one :class:`DateMention` per expression.

Kinds and how they resolve (``anchor`` is the story's publication date):

==============  =====================================  ==============================
kind            examples                               result
==============  =====================================  ==============================
explicit        Oct. 30, 2024 · November 6 · 6 Nov     day; a missing year is taken
                2024 · 2024-11-06 · Monday, Oct. 21    from the anchor (see below)
weekday         Monday · on Saturday (local time)      latest such day on or before
                last Monday · next Friday              the anchor (the anchor counts);
                                                       "last" = strictly before,
                                                       "next" = strictly after
relative-day    today · yesterday · tomorrow ·         anchor ± days
                last night · this morning · two days
                ago
same-day        earlier in the day · the same day ·    date None, offset 0: the same
                later that day · earlier today         day as the statement referred
                                                       to (the caller resolves it)
day-before      the day before · the previous day      date None, offset -1
day-after       the next day · the following day       date None, offset +1
week            last week · earlier this week ·        precision "week", range
                this week · next week                  Mon–Sun, date None
weekend         over the weekend · last weekend        precision "week", range Sat–Sun
month           last month · earlier this month ·      precision "month", range,
                October 2024 · in November             date None
year            in 2022 · last year · this year        range of the year, date None
vague           recently · in recent months · recent   nothing definite
==============  =====================================  ==============================

**Missing years.** The date is the latest one on or before 30 days after the
anchor: on or before the anchor, except that a date up to 30 days ahead is taken
as upcoming, not as one nearly a year old. "Dec. 30" with anchor 2025-01-02 → 2024-12-30; "Jan. 5" with anchor
2024-12-20 → 2025-01-05. Without an anchor such a date stays None.

**Statement dates.** ``statement_date`` says whether the date is when something
was *said* (as opposed to when an event happened). It is True when the date is
in the same clause as a speech word ("said", "told", "statement", "briefing" …)
and no event verb ("began", "entered", "invaded" …) stands between them, or when
it opens the sentence ("On Monday, …") and the main clause's first verb is not an
event verb; or it stands in an opening phrase that names an occasion ("In a post on
Telegram on Monday, X said …") and the main clause's verb is a speech verb; or it
follows an inverted frame across commas ("…,” said John Kirby, the spokesman, on
Wednesday."). It is False inside quotations and after "since", "until", "by",
"before", "after", "from".

``parse_date_text(text)`` reads a whole publication line ("Posted December 27,
2024 4:58 PM", "2024-10-18T09:00:00+09:00") and returns a day or None; a month
without a day ("Oct. 2024") is None, never the 1st.
"""
from __future__ import annotations

import calendar
import functools
import datetime as dt
import re
from dataclasses import dataclass, replace
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

from newsgen.model import Precision

_RD_WEEKDAYS = (MO, TU, WE, TH, FR, SA, SU)

__all__ = ["DateMention", "find_dates", "parse_date_text", "resolve_year"]

@dataclass(frozen=True)
class DateMention:
    text: str
    start: int
    end: int
    kind: str
    date: dt.date | None
    precision: Precision | None
    range: tuple[dt.date, dt.date] | None
    basis: str
    statement_date: bool
    # Days from the statement referred to, for kinds same-day / day-before / day-after.
    offset: int | None = None


_MONTH_NUM = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_NUM_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
              "seven": 7, "eight": 8, "nine": 9, "ten": 10}

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_MONTH_FULL = (
    r"(?:January|February|March|April|June|July|August|September|October|November|December)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# A day named by its weekday and perhaps its date, as a heading prints it in any case:
# "Monday", "WEDNESDAY, SEPT. 3", "Tuesday 3 June 2025".
WEEKDAY_NAME = rf"(?i:{_WEEKDAY})"
WEEKDAY_DATE = (rf"{WEEKDAY_NAME}(?:,?\s+(?:[A-Za-z]{{3,9}}\.?\s+\d{{1,2}}|\d{{1,2}}\s+[A-Za-z]{{3,9}}\.?)"
                r"(?:,?\s+(?:19|20)\d\d)?)?")
_ORD = r"(?:st|nd|rd|th)?"
_WD_PREFIX = rf"(?:(?P<wd>{_WEEKDAY})\s*,?\s+)?"

_P_MDY = re.compile(
    rf"\b{_WD_PREFIX}(?P<mon>{_MONTH})\s+(?P<day>\d{{1,2}}){_ORD}(?![\d]|:\d|,\d{{3}})\b(?:\s*,?\s*(?P<year>(?:19|20)\d\d)\b)?"
)
_P_DMY = re.compile(
    rf"\b{_WD_PREFIX}(?:the\s+)?(?P<day>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<mon>{_MONTH})(?![a-z])(?:\s*,?\s*(?P<year>(?:19|20)\d\d)\b)?"
)
_P_ISO = re.compile(r"(?<![\d.])(?P<year>(?:19|20)\d\d)(?P<sep>[-./])(?P<mon>\d{1,2})(?P=sep)(?P<day>\d{1,2})(?![\d])")
_P_MONTH_YEAR = re.compile(
    rf"\b(?:(?P<part>early|mid|late)[-\s]+)?(?P<mon>{_MONTH})\s*,?\s+(?P<year>(?:19|20)\d\d)\b"
)
_P_MONTH_ONLY = re.compile(
    rf"\b(?P<prep>(?i:in|since|during|until|till|by|through|early|mid|late|last|this|next|from))[-\s]+"
    rf"(?:(?:early|mid|late)[-\s]+)?(?P<mon>{_MONTH_FULL})\b(?!\s*\d)"
)
_P_YEAR = re.compile(
    r"\b(?P<prep>in|since|of|during|until|till|by|from|before|after|through)\s+(?:the\s+year\s+|early\s+|late\s+|mid-?)?"
    r"(?P<year>(?:19|20)\d\d)\b(?![-–/]\d|,\d{3})"
)
_P_REL_YEAR = re.compile(r"\b(?P<mod>last|this|next|earlier this|later this|early this|late last|earlier last)\s+year\b", re.I)
_P_WEEKDAY = re.compile(
    rf"\b(?:(?P<mod>(?i:last|this past|this coming|this|next|past|coming))\s+)?(?P<wd>{_WEEKDAY})\b(?!s)"
    r"(?:\s+(?P<part>morning|afternoon|evening|night))?"
    # "Wednesday of last week", "on Tuesday last week", "Monday this week"
    r"(?:\s+(?P<week>(?:of\s+)?(?i:last|the\s+previous|the\s+past|this)\s+week)\b)?"
)
_P_REL_DAY = re.compile(
    r"\b(?P<w>(?P<yn>a|an|one|two|three)\s+years?\s+ago\s+today|"  # "a year ago today": that day, N years back
    r"(?P<wn>a|an|one|two|three)\s+weeks?\s+ago\s+today|"  # "a week ago today": that weekday, N weeks back
    r"the day before yesterday|yesterday|today|tonight|tomorrow|last night|"
    r"this (?:morning|afternoon|evening)|(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?P<unit>days?|weeks?)\s+ago)\b",
    re.I,
)
_P_SAME_DAY = re.compile(
    r"\b(?P<w>(?:earlier|later)\s+(?:in\s+the|on\s+the|that)\s+day|(?:earlier|later)\s+today|"
    r"(?:on\s+)?(?:that\s+|the\s+)same\s+(?:day|morning|afternoon|evening|night)|"
    r"(?:(?:later|earlier)\s+)?(?:on\s+)?that\s+(?:day|morning|afternoon|evening|night)|"
    r"(?:hours|minutes|moments)\s+(?:later|earlier|afterwards)|"
    r"the\s+day\s+before|the\s+previous\s+day|the\s+prior\s+day|a\s+day\s+(?:earlier|before)|"
    r"the\s+(?:next|following)\s+day|a\s+day\s+later|a\s+day\s+after|at\s+the\s+time|"
    r"(?P<n>two|three|four|five|six|2|3|4|5|6)\s+days\s+(?P<dir>later|earlier|before|after))\b",
    re.I,
)
_SMALL_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_P_WEEK = re.compile(
    r"\b(?P<w>(?:(?:earlier|later|early|late)\s+)?(?:this|last|next)\s+week|"
    r"(?:earlier|later)\s+in\s+the\s+week|(?:the\s+)?past\s+week)\b(?!end)",
    re.I,
)
_P_WEEKEND = re.compile(r"\b(?P<w>(?:over|at|during)\s+the\s+weekend|(?:this|last|past)\s+weekend)\b", re.I)
_P_MONTH_REL = re.compile(
    r"\b(?P<w>(?:(?:earlier|later|early|late)\s+)?(?:this|last|next)\s+month|(?:earlier|later)\s+in\s+the\s+month)\b",
    re.I,
)
_P_VAGUE = re.compile(
    r"\b(?P<w>recently|lately|in\s+recent\s+(?:days|weeks|months|years)|recent|"
    r"(?:over|in)\s+the\s+(?:past|last)\s+(?:few\s+)?(?:days|weeks|months))\b",
    re.I,
)

# Words that mark a statement being made.
_SPEECH = frozenset(
    """
    said say says saying stated states state told tell tells telling announced announces announce
    announcement remarked remarks remark released releases release published publishes confirmed
    confirms confirm warned warns warn claimed claims noted notes added adds briefing briefings
    briefed statement statements conference interview interviews speech speeches comments commented
    testified testimony tweeted posted wrote writes declared declares urged urges called calls
    pledged pledges promised promises emphasized emphasised emphasizes stressed stresses reported
    reports indicated indicates unveiled issued issues asserted acknowledged acknowledges revealed
    disclosed insisted vowed agreed denied denies accused condemned condemns criticized criticised
    welcomed explained argued replied responded answered asked mentioned suggested signaled
    signalled hinted expressed voiced reiterated reaffirmed underscored highlighted appealed
    demanded communique readout addressed address estimated assessed speaking spoke speak
    talking writing comment declined dismissed dismisses rejected rejects deny post posts
    message messages letter interviewed
    """.split()
)
# Verbs of events (things that happen) that a date can modify instead of the saying.
_EVENT = frozenset(
    """
    began begun begin begins beginning started start starts entered enter enters invaded invade
    invades invasion launched launch launches arrived arrive arrives crossed cross deployed
    deploy sent send killed died die attacked attack fired fire struck strike captured held
    occurred happened took born founded established ended end ends fought withdrew withdrawn
    moved seized shot bombed landed visited visit signed elected inaugurated sworn erupted broke
    outbreak war fell collapsed exploded crashed opened closed passed approved expired came
    """.split()
)
# A date right after these words bounds a period or an event; it is not a statement date.
_PERIOD_PREPS = frozenset("since until till by before after from through between starting beginning as".split())
_BOUNDARY_WORDS = frozenset(
    "that which who whom whose since after before when while because although though until where "
    "whereas if but as".split()
)
_CLAUSE_PUNCT = ";:—–,\"“”"
_WORD = re.compile(r"[A-Za-z’']+")


# --- resolution helpers ---------------------------------------------------------


def resolve_year(month: int, day: int, anchor: dt.date | None) -> dt.date | None:
    """The latest month/day on or before 30 days after the anchor (see module docstring)."""
    if anchor is None:
        return None
    limit = anchor + dt.timedelta(days=30)
    best = None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        d = _safe_date(year, month, day)
        if d is not None and d <= limit:
            best = d
    return best


_YEAR_SAID = re.compile(r"\s*,?\s*(?P<which>last|this|next)\s+year\b", re.I)


def _of_the_year_said(c: _Cand, s: str, anchor: dt.date) -> _Cand:
    """"On 10 October last year": the year the words after the date say, not the
    latest 10 October before publication."""
    m = _YEAR_SAID.match(s, c.end)
    if not m:
        return c
    year = anchor.year + {"last": -1, "this": 0, "next": 1}[m.group("which").lower()]
    d = _safe_date(year, c.date.month, c.date.day)
    text = s[c.start:m.end()]
    return replace(c, end=m.end(), date=d, precision="day" if d else None,
                   basis=f"explicit date '{text}' ({m.group('which').lower()} year, from publication {_fmt(anchor)})")


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _week_range(day: dt.date) -> tuple[dt.date, dt.date]:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + delta
    return k // 12, k % 12 + 1


def _fmt(d: dt.date) -> str:
    return d.isoformat()


def _human(d: dt.date) -> str:
    return f"{d.day} {d.strftime('%b')} {d.year}"


def _month_num(text: str) -> int:
    return _MONTH_NUM[text.rstrip(".").lower()]


# --- candidates -------------------------------------------------------------------


@dataclass(frozen=True)
class _Cand:
    start: int
    end: int
    kind: str
    date: dt.date | None
    precision: Precision | None
    range: tuple[dt.date, dt.date] | None
    basis: str
    offset: int | None = None


def _explicit(m: re.Match, anchor: dt.date | None) -> _Cand | None:
    text = m.group(0)
    month = _month_num(m.group("mon")) if not m.group("mon").isdigit() else int(m.group("mon"))
    day = int(m.group("day"))
    if not 1 <= day <= 31 or not 1 <= month <= 12:
        return None
    year = m.group("year")
    if year:
        d = _safe_date(int(year), month, day)
        basis = f"explicit date '{text}'"
    else:
        d = resolve_year(month, day, anchor)
        if anchor is None:
            basis = f"explicit date '{text}' (year not stated, no publication date)"
        elif d is None:
            basis = f"explicit date '{text}' (not a valid date)"
        else:
            basis = f"explicit date '{text}' (year from publication {_fmt(anchor)})"
    wd = m.groupdict().get("wd")
    if d is not None and wd and _WEEKDAYS.index(wd.lower()) != d.weekday():
        # The weekday contradicts the date: trust neither.
        return _Cand(m.start(), m.end(), "explicit", None, None, None,
                     f"explicit date '{text}' (weekday does not match the date)")
    return _Cand(m.start(), m.end(), "explicit", d, "day" if d else None, None, basis)


# "the 19th of last month", "on the 3rd of this month": a day of a month named by its place.
_P_NTH_OF_MONTH = re.compile(r"\b(?:the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)\s+of\s+(?P<mod>last|this|next|the\s+previous|the\s+same)\s+month\b", re.I)

# "the last Friday of January", "the first Monday in March 2025"
_P_WD_OF_MONTH = re.compile(
    rf"\b(?:the\s+)?(?P<ord>(?i:first|second|third|fourth|last))\s+(?P<wd>{_WEEKDAY})\s+(?i:of|in)\s+(?P<mon>{_MONTH})"
    r"(?:,?\s+(?P<year>(?:19|20)\d\d))?\b"
)

# "On the 4th": a day of the month alone, as Korean and Japanese outlets write it in English.
_P_DAY_ALONE = re.compile(
    r"\b(?i:on\s+)the\s+(?P<day>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b(?!\s+(?:of|century|anniversary|day|time|round|floor|"
    r"birthday|straight|consecutive|largest|biggest)\b)(?!\s+[A-Z][a-z])"
)

_SCANNED = (_P_WD_OF_MONTH, _P_DAY_ALONE, _P_NTH_OF_MONTH, _P_MDY, _P_DMY, _P_ISO, _P_MONTH_YEAR, _P_MONTH_ONLY, _P_YEAR, _P_REL_YEAR, _P_WEEKDAY, _P_REL_DAY,
            _P_SAME_DAY, _P_WEEK, _P_WEEKEND, _P_MONTH_REL, _P_VAGUE)


@functools.lru_cache(maxsize=4096)
def _scan(s: str) -> dict[re.Pattern, tuple[re.Match, ...]]:
    """Each date pattern's matches in `s`. Cached apart from their resolution, which
    depends on the publication day: the same sentence in stories of different days is
    scanned once."""
    return {rx: tuple(rx.finditer(s)) for rx in _SCANNED}


def _candidates(s: str, anchor: dt.date | None) -> list[_Cand]:
    out: list[_Cand] = []
    found = _scan(s)
    for rx in (_P_MDY, _P_DMY, _P_ISO):
        for m in found[rx]:
            c = _explicit(m, anchor)
            if c and c.date is not None and not m.group("year") and anchor is not None:
                c = _of_the_year_said(c, s, anchor)
            if c:
                out.append(c)

    for m in found[_P_MONTH_YEAR]:
        month, year = _month_num(m.group("mon")), int(m.group("year"))
        rng = _month_range(year, month)
        out.append(_Cand(m.start(), m.end(), "month", None, "month", rng,
                         f"month '{m.group(0)}'"))

    for m in found[_P_MONTH_ONLY]:
        month = _month_num(m.group("mon"))
        prep = m.group("prep").lower()
        start = m.start("mon") if prep not in ("last", "this", "next", "early", "mid", "late") else m.start()
        rng = None
        basis = f"month '{s[start:m.end()]}'"
        if anchor is not None:
            if prep == "last":
                y = anchor.year if month < anchor.month else anchor.year - 1
            elif prep == "next":
                y = anchor.year if month > anchor.month else anchor.year + 1
            else:
                first = resolve_year(month, 1, anchor)
                y = first.year if first else anchor.year
            rng = _month_range(y, month)
            basis += f" ({rng[0].strftime('%B %Y')}, from publication {_fmt(anchor)})"
        out.append(_Cand(start, m.end(), "month", None, "month", rng, basis))

    for m in found[_P_YEAR]:
        y = int(m.group("year"))
        out.append(_Cand(m.start("year"), m.end(), "year", None, None,
                         (dt.date(y, 1, 1), dt.date(y, 12, 31)), f"year '{m.group('year')}'"))

    for m in found[_P_REL_YEAR]:
        rng = None
        basis = f"'{m.group(0)}'"
        if anchor is not None:
            mod = m.group("mod").lower()
            y = anchor.year + (-1 if "last" in mod else 1 if mod == "next" else 0)
            rng = (dt.date(y, 1, 1), dt.date(y, 12, 31))
            basis += f" ({y})"
        out.append(_Cand(m.start(), m.end(), "year", None, None, rng, basis))

    for m in found[_P_WEEKDAY]:
        wd = _WEEKDAYS.index(m.group("wd").lower())
        mod = (m.group("mod") or "").lower()
        text = m.group(0)
        if anchor is None:
            out.append(_Cand(m.start(), m.end(), "weekday", None, None, None,
                             f"weekday '{text}' (no publication date)"))
            continue
        week = re.sub(r"\s+", " ", (m.group("week") or "").lower())
        if week and not mod:
            # The day of a named week: counted from that week's Monday.
            monday = anchor - dt.timedelta(days=anchor.weekday()) - dt.timedelta(days=0 if "this" in week else 7)
            d = monday + dt.timedelta(days=wd)
            if d > anchor:
                out.append(_Cand(m.start(), m.end(), "weekday", None, None, None, f"weekday '{text}' after publication"))
                continue
            out.append(_Cand(m.start(), m.end(), "weekday", d, "day", None, f"weekday '{text}' before publication {_fmt(anchor)}"))
            continue
        if mod in ("next", "coming", "this coming"):
            d = anchor + relativedelta(days=1, weekday=_RD_WEEKDAYS[wd](+1))
            basis = f"weekday '{text}' after publication {_fmt(anchor)}"
        else:
            # "last Monday" on a Monday is a week back; a bare "Monday" is that day.
            strict = mod in ("last", "past", "this past")
            d = anchor + relativedelta(days=-1 if strict else 0, weekday=_RD_WEEKDAYS[wd](-1))
            where = "on publication day" if d == anchor else "before publication"
            basis = f"weekday '{text}' {where} {_fmt(anchor)}"
        out.append(_Cand(m.start(), m.end(), "weekday", d, "day", None, basis))

    for m in found[_P_DAY_ALONE]:
        day = int(m.group("day"))
        d = None
        if anchor is not None:
            y, mo = (anchor.year, anchor.month) if day <= anchor.day else _shift_month(anchor.year, anchor.month, -1)
            d = _safe_date(y, mo, day)
        basis = f"'{m.group(0)}'" + (f" (the latest {day} on or before publication {_fmt(anchor)}: {_fmt(d)})" if d else " (no publication date)")
        out.append(_Cand(m.start(), m.end(), "explicit" if d else "vague", d, "day" if d else None, None, basis))

    for m in found[_P_WD_OF_MONTH]:
        month = _month_num(m.group("mon"))
        wd = _WEEKDAYS.index(m.group("wd").lower())
        year = int(m.group("year")) if m.group("year") else None
        if year is None and anchor is not None:
            first = resolve_year(month, 1, anchor)
            year = first.year if first else None
        d = None
        if year is not None:
            days = [dt.date(year, month, k) for k in range(1, calendar.monthrange(year, month)[1] + 1)
                    if dt.date(year, month, k).weekday() == wd]
            d = days[-1] if m.group("ord").lower() == "last" else days[["first", "second", "third", "fourth"].index(m.group("ord").lower())]
        basis = f"'{m.group(0)}'" + (f" ({_fmt(d)})" if d else " (no year)")
        out.append(_Cand(m.start(), m.end(), "explicit" if d else "vague", d, "day" if d else None, None, basis))

    for m in found[_P_NTH_OF_MONTH]:
        mod = re.sub(r"\s+", " ", m.group("mod").lower())
        shift = {"last": -1, "the previous": -1, "this": 0, "the same": 0, "next": 1}[mod]
        d = None
        if anchor is not None:
            y, mo = _shift_month(anchor.year, anchor.month, shift)
            d = _safe_date(y, mo, int(m.group("day")))
        basis = f"'{m.group(0)}'" + (f" ({_fmt(d)}, from publication {_fmt(anchor)})" if d else " (no publication date)")
        out.append(_Cand(m.start(), m.end(), "explicit" if d else "vague", d, "day" if d else None, None, basis))

    for m in found[_P_REL_DAY]:
        w = m.group("w").lower()
        text = m.group(0)
        if m.group("yn"):
            years = _NUM_WORDS.get(m.group("yn").lower(), 1)
            d = _safe_date(anchor.year - years, anchor.month, anchor.day) if anchor is not None else None
            out.append(_Cand(m.start(), m.end(), "explicit" if d else "vague", d, "day" if d else None, None,
                             f"'{text}' ({years} year(s) before publication {_fmt(anchor)})" if d else f"'{text}' (no publication date)"))
            continue
        if m.group("wn"):
            days = 7 * _NUM_WORDS.get(m.group("wn").lower(), 1)
            d = anchor - dt.timedelta(days=days) if anchor is not None else None
            out.append(_Cand(m.start(), m.end(), "relative-day" if d else "vague", d, "day" if d else None, None,
                             f"'{text}' ({days} days before publication {_fmt(anchor)})" if d else f"'{text}' (no publication date)"))
            continue
        if w.endswith("ago"):
            n_txt = m.group("n").lower()
            n = int(n_txt) if n_txt.isdigit() else _NUM_WORDS.get(n_txt, 0)
            days = n * (7 if m.group("unit").lower().startswith("week") else 1)
        else:
            days = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0,
                    "this evening": 0, "yesterday": 1, "last night": 1,
                    "the day before yesterday": 2, "tomorrow": -1}[re.sub(r"\s+", " ", w)]
        if anchor is None:
            out.append(_Cand(m.start(), m.end(), "relative-day", None, None, None,
                             f"'{text}' (no publication date)"))
            continue
        d = anchor - dt.timedelta(days=days)
        if days >= 7 and w.endswith("ago"):
            out.append(_Cand(m.start(), m.end(), "week", None, "week", _week_range(d),
                             f"'{text}' (week of {_human(_week_range(d)[0])})"))
            continue
        rel = "= publication" if days == 0 else (f"{days} day(s) before publication" if days > 0
                                                  else "day after publication")
        out.append(_Cand(m.start(), m.end(), "relative-day", d, "day", None,
                         f"'{text}' {rel} {_fmt(anchor)}"))

    for m in found[_P_SAME_DAY]:
        w = re.sub(r"\s+", " ", m.group("w").lower())
        if m.group("n"):
            # "Two days later", "three days earlier": counted from the statement referred to.
            n = _SMALL_NUMBERS.get(m.group("n").lower()) or int(m.group("n"))
            back = m.group("dir").lower() in ("earlier", "before")
            out.append(_Cand(m.start(), m.end(), "day-before" if back else "day-after", None, None, None,
                             f"'{m.group(0)}' ({n} days {'before' if back else 'after'} the statement referred to)",
                             -n if back else n))
            continue
        if "before" in w or "previous" in w or "prior" in w or "earlier" in w and w.startswith("a day"):
            kind, off, what = "day-before", -1, "the day before the statement referred to"
        elif "next" in w or "following" in w or w.startswith("a day") and ("later" in w or "after" in w):
            kind, off, what = "day-after", 1, "the day after the statement referred to"
        else:
            kind, off, what = "same-day", 0, "same day as the statement referred to"
        out.append(_Cand(m.start(), m.end(), kind, None, None, None, f"'{m.group(0)}' ({what})", off))

    for m in found[_P_WEEK]:
        w = re.sub(r"\s+", " ", m.group("w").lower())
        rng = None
        basis = f"'{m.group(0)}'"
        if anchor is not None:
            if "past week" in w:
                rng = (anchor - dt.timedelta(days=7), anchor)
                basis += f" ({_human(rng[0])} to {_human(rng[1])})"
            else:
                delta = -7 if "last" in w else 7 if "next" in w else 0
                rng = _week_range(anchor + dt.timedelta(days=delta))
                basis += f" (week of {_human(rng[0])})"
        out.append(_Cand(m.start(), m.end(), "week", None, "week", rng, basis))

    for m in found[_P_WEEKEND]:
        rng = None
        basis = f"'{m.group(0)}'"
        if anchor is not None:
            back = (anchor.weekday() - 5) % 7  # to the latest Saturday on or before the anchor
            sat = anchor - dt.timedelta(days=back)
            if "last" in m.group(0).lower() and back < 2:
                sat -= dt.timedelta(days=7)
            rng = (sat, sat + dt.timedelta(days=1))
            basis += f" (weekend of {_human(sat)})"
        out.append(_Cand(m.start(), m.end(), "weekend", None, "week", rng, basis))

    for m in found[_P_MONTH_REL]:
        w = re.sub(r"\s+", " ", m.group("w").lower())
        rng = None
        basis = f"'{m.group(0)}'"
        if anchor is not None:
            delta = -1 if "last" in w else 1 if "next" in w else 0
            y, mo = _shift_month(anchor.year, anchor.month, delta)
            rng = _month_range(y, mo)
            basis += f" ({rng[0].strftime('%B %Y')})"
        out.append(_Cand(m.start(), m.end(), "month", None, "month", rng, basis))

    for m in found[_P_VAGUE]:
        out.append(_Cand(m.start(), m.end(), "vague", None, None, None, f"'{m.group(0)}' (no date)"))
    return out


def _non_overlapping(cands: list[_Cand]) -> list[_Cand]:
    chosen: list[_Cand] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.start)):
        if all(c.end <= o.start or c.start >= o.end for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


# --- statement-date heuristic ---------------------------------------------------------


def _quote_spans(s: str) -> list[tuple[int, int]]:
    # Imported lazily: dates is a lower layer than extract, but reuses its quote finder.
    from newsgen.extract.sentences import quotation_spans

    return quotation_spans(s)


def _words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def _left_clause(s: str, start: int) -> str:
    left = s[:start]
    cut = max(left.rfind(ch) for ch in _CLAUSE_PUNCT)
    left = left[cut + 1 :]
    words = list(_WORD.finditer(left))
    for w in reversed(words):
        if w.group(0).lower() in _BOUNDARY_WORDS:
            return left[w.end() :]
    return left


def _in_opening_phrase(s: str, start: int, end: int) -> bool:
    """The date stands in a sentence-opening phrase that ends at a comma and holds no
    clause of its own ("In a post on Telegram on Monday, …", not "After troops
    crossed the border on Sunday, …")."""
    lead = s[:start]
    if re.search(r"[,;:—–\"“”]", lead) or "," not in s[end:]:
        return False
    first = _words(lead)[:1]
    if not first or first[0] not in ("in", "at", "during", "speaking", "writing", "addressing", "via", "through"):
        return False
    if re.fullmatch(r"(?:In|At)\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){1,3}(?:(?:on|late|early)\s+)*", lead):
        # "In Brussels on Monday, X said": a place and a day set the scene of the
        # main clause, whose verb decides.
        return True
    inside = _words(s[:s.index(",", end)])
    if not any(w in _SPEECH for w in inside):
        return False  # "In fighting on Sunday, …": the phrase is about an event
    return not any(w in _EVENT or w in _BOUNDARY_WORDS or w in _PERIOD_PREPS - {"through"} for w in inside[1:])


def _trailing_adjunct(s: str, end: int) -> bool:
    """Nothing but the end of the sentence (or a new comma-clause) after the date."""
    return bool(re.match(r"\s*(?:\([^)]*\)\s*)?(?:[.!?]|,|$)", s[end:]))


def _left_clause_through_commas(s: str, start: int) -> str:
    """The clause before `start`, read across commas back to a quotation mark or a
    clause boundary ("said John Kirby, the spokesman, on" → "said John Kirby the spokesman on")."""
    left = s[:start]
    cut = max(left.rfind(ch) for ch in ";:—–\"“”")
    left = left[cut + 1 :]
    words = list(_WORD.finditer(left))
    for w in reversed(words):
        if w.group(0).lower() in _BOUNDARY_WORDS:
            return left[w.end() :]
    return left


def _right_clause(s: str, end: int, through_commas: bool = False) -> str:
    right = s[end:]
    punct = ";:—–\"“”" if through_commas else _CLAUSE_PUNCT
    cuts = [right.find(ch) for ch in punct if right.find(ch) >= 0]
    if cuts:
        right = right[: min(cuts)]
    for w in _WORD.finditer(right):
        if w.group(0).lower() in _BOUNDARY_WORDS:
            return right[: w.start()]
    return right


def _first_verb(words: list[str]) -> str | None:
    for w in words:
        if w in _SPEECH:
            return "speech"
        if w in _EVENT:
            return "event"
    return None


def _is_statement_date(s: str, start: int, end: int, quotes: list[tuple[int, int]]) -> bool:
    if any(a <= start < b for a, b in quotes):
        return False
    before_words = _words(s[:start])
    if before_words and before_words[-1] in _PERIOD_PREPS:
        return False
    # Sentence-initial: only prepositions ("On", "Late on", "Earlier in the day") before it.
    lead = s[:start].strip(" \t\"“‘'(")
    if re.fullmatch(r"(?:(?:on|early|late|earlier|later|in|at|the)\s+)*", lead + " " if lead else "", re.I):
        return _first_verb(_words(_right_clause(s, end, through_commas=True))) != "event"
    if _in_opening_phrase(s, start, end):
        # "In a post on Telegram on Monday, Mr Zelensky said …": the opening phrase
        # dates the main clause, so the main clause's verb decides.
        return _first_verb(_words(_right_clause(s, s.index(",", end) + 1, through_commas=True))) == "speech"
    left = _words(_left_clause(s, start))
    if all(w in ("on", "at", "in") for w in left) and _trailing_adjunct(s, end):
        # "…,” said John Kirby, the spokesman, on Wednesday.": a date set off by a
        # comma after an inverted frame dates that frame's verb.
        inverted = _words(_left_clause_through_commas(s, start))
        if inverted and inverted[0] in _SPEECH and not any(w in _EVENT for w in inverted):
            return True
    for w in reversed(left):
        if w in _SPEECH:
            return True
        if w in _EVENT:
            return False
    return _first_verb(_words(_right_clause(s, end))) == "speech"


@functools.lru_cache(maxsize=4096)
def find_dates(sentence: str, anchor: dt.date | None) -> tuple[DateMention, ...]:
    """Every date expression in `sentence`, resolved against `anchor` (see module docstring)."""
    # Cached: some twenty patterns per sentence, and wire copy repeats sentences.
    cands = _non_overlapping(_candidates(sentence, anchor))
    if not cands:
        return ()
    quotes = _quote_spans(sentence)
    return tuple(
        DateMention(
            text=sentence[c.start : c.end],
            start=c.start,
            end=c.end,
            kind=c.kind,
            date=c.date,
            precision=c.precision,
            range=c.range,
            basis=c.basis,
            statement_date=_is_statement_date(sentence, c.start, c.end, quotes),
            offset=c.offset,
        )
        for c in cands
    )


# --- publication lines --------------------------------------------------------------

_P_NUMERIC = re.compile(r"(?<![\d.])(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-](?P<year>(?:19|20)\d\d)(?!\d)")


def parse_date_text(text: str) -> dt.date | None:
    """The day a publication line states, or None when it states no whole day.

    ISO stamps keep the calendar date as written (no time-zone conversion: the
    outlet's local day is its publication day). Numeric d/m/y vs m/d/y is decided
    only when one part is above 12; otherwise the date is ambiguous and None.
    """
    if not text or not text.strip():
        return None
    m = _P_ISO.search(text)
    if m:
        d = _safe_date(int(m.group("year")), int(m.group("mon")), int(m.group("day")))
        if d:
            return d
    for rx in (_P_MDY, _P_DMY):
        for m in rx.finditer(text):
            if m.group("year"):
                c = _explicit(m, None)
                if c and c.date:
                    return c.date
    m = _P_NUMERIC.search(text)
    if m:
        a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("year"))
        if a > 12 >= b:
            return _safe_date(y, b, a)
        if b > 12 >= a:
            return _safe_date(y, a, b)
    return None

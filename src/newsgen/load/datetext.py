"""Dates written in page text: date bars, publication stamps and datelines.

Only explicit dates are read. A date without a year is never completed by guessing;
numeric dates like 10/11/2024 are read only when the day/month order is unambiguous.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from newsgen.load.chrome import WIRE_RX

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
    "apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
    "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10,
    "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_MONTH = r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|sday|nesday|rsday|urday)?\.?,?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_TIME = r"(?:\s*(?:at\s+)?\d{1,2}[:.]\d\d(?:[:.]\d\d)?\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s*\(?[A-Z]{2,5}(?:[+-]\d{1,2})?\)?)?)"

# The time part of an ISO 8601 stamp ("T09:20:00+02:00", "T00:20Z").
_ISO_TIME = r"^T\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?"

_PATTERNS = [
    # October 18, 2024 / Oct. 18 2024
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),
    # 18 October 2024
    re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b", re.I),
    # 2024-10-18, 2024/10/18, 2024.10.18 (ISO and East Asian sites)
    re.compile(r"\b(?P<year>(?:19|20)\d\d)(?P<sep>[-/.])(?P<mnum>[01]?\d)(?P=sep)(?P<day>[0-3]?\d)(?:\b|(?=T\d))"),
    # 2024년 10월 18일
    re.compile(r"(?P<year>(?:19|20)\d\d)\s*년\s*(?P<mnum>[01]?\d)\s*월\s*(?P<day>[0-3]?\d)\s*일"),
    # 10/18/2024 or 18/10/2024: read only when one side cannot be a month
    re.compile(r"\b(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)[/.](?P<year>(?:19|20)\d\d)\b"),
]
_NO_YEAR = re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!,?\s*(?:19|20)\d\d)", re.I)


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _from_match(m: re.Match, dayfirst: bool | None = None) -> dt.date | None:
    g = m.groupdict()
    year = int(g["year"])
    if g.get("mon"):
        return _make(year, MONTHS[g["mon"].lower().rstrip(".")], int(g["day"]))
    if g.get("mnum"):
        return _make(year, int(g["mnum"]), int(g["day"]))
    a, b = int(g["a"]), int(g["b"])
    if a > 12 >= b:
        return _make(year, b, a)
    if b > 12 >= a:
        return _make(year, a, b)
    # 10/11/2024: October 11 or 10 November? Only the page's other dates can tell
    # (newsgen.load.pubdate.day_first); without them, never guess.
    if dayfirst is None:
        return None
    return _make(year, b, a) if dayfirst else _make(year, a, b)


def find_date(text: str, dayfirst: bool | None = None) -> tuple[dt.date | None, re.Match | None]:
    """The first complete (day, month, year) date written in text; an all-numeric
    date whose day and month could swap is read only when `dayfirst` is known."""
    best: tuple[dt.date, re.Match] | None = None
    for rx in _PATTERNS:
        for m in rx.finditer(text):
            d = _from_match(m, dayfirst)
            if d and (best is None or m.start() < best[1].start()):
                best = (d, m)
            if d:
                break
    return (best[0], best[1]) if best else (None, None)


_DATE_BAR = re.compile(rf"^(?:{_WEEKDAY}\s*)?(?P<rest>.+?)(?:\s*\(?{_WEEKDAY}\)?)?$", re.I)


def date_bar(line: str, dayfirst: bool | None = None) -> dt.date | None:
    """A line that is nothing but a date (optionally a weekday and a time)."""
    if len(line) > 80:
        return None  # a date bar is a short line
    m = _DATE_BAR.match(line.strip())
    if not m:
        return None
    rest = m.group("rest")
    d, dm = find_date(rest, dayfirst)
    if not d:
        return None
    leftover = (rest[: dm.start()] + " " + rest[dm.end():]).strip()
    leftover = re.sub(_ISO_TIME, " ", leftover)
    leftover = re.sub(_TIME, " ", leftover)
    leftover = re.sub(rf"^{_WEEKDAY}|{_WEEKDAY}$", " ", leftover.strip(), flags=re.I)
    leftover = re.sub(r"\s[A-Z]{2,4}$", " ", " " + leftover.strip())  # "Tue, November 4, 2025 KST"
    return d if not re.search(r"\w", leftover) else None


_PUBLISHED = re.compile(
    r"^\W*(?:(?:first|originally|(?:transcript|article|story|page|report|video|episode|interview|record|release)s?)\s+)?"
    r"(?:posted|published|publication\s+date|date\s+published|"
    r"(?:live\s+(?:page|blog|coverage)\s+)(?:opened|started|began)|"
    r"released|issued|created|air\s+date|(?:first\s+)?(?:aired|broadcast)|입력|등록)\b\s*(?:on|at)?\s*[:：\-–|]?\s*|"
    r"^\W*date\s*[:：]\s*",  # "Date: 2024.10.29", a header cell
    re.I,
)
_UPDATED = re.compile(
    r"(?:^|\W)(?:last\s+)?(?:updated|modified|edited|revised|수정|업데이트)\b\s*(?:on|at)?\s*[:：\-–|]?\s*",
    re.I,
)


@dataclass(frozen=True)
class Stamps:
    published: dt.date | None = None
    updated: dt.date | None = None


def stamps(line: str, dayfirst: bool | None = None) -> Stamps | None:
    """Read "Published Oct. 18, 2024", "Posted : 2024-12-27 16:58 Updated : ...".

    Returns None unless the line is a publication or update stamp.
    """
    text = line.strip()
    if len(text) > 200:
        return None  # a stamp is a short line
    upd = _UPDATED.search(text)
    pub = _PUBLISHED.match(text)
    if not pub and not (upd and upd.start() == 0):
        return None
    published = updated = None
    if pub:
        end = upd.start() if upd and upd.start() > pub.end() else len(text)
        published, _ = find_date(text[pub.end():end], dayfirst)
    if upd:
        updated, _ = find_date(text[upd.end():], dayfirst)
    if published is None and updated is None:
        return None
    return Stamps(published, updated)


# "WASHINGTON, Dec. 16 (Yonhap) --", "SEOUL, Oct 22 (Reuters) -", "KYIV, Ukraine (AP) —",
# "WASHINGTON/SEOUL, Oct 31 (Reuters) -" (a story filed from two places)
_MONTH_NAME = _MONTH.replace("?P<mon>", "?:")
# The date of a dateline: "Nov. 13", "Nov. 13, 2024", "13 November 2024", "13.11.2024".
_DATELINE_DATE = (rf"(?:{_MONTH_NAME}\s+[0-3]?\d(?:st|nd|rd|th)?(?:,\s*(?:19|20)\d\d)?|[0-3]?\d\s+{_MONTH_NAME}(?:,?\s+(?:19|20)\d\d)?|"
                  r"[0-3]?\d\.[01]?\d\.(?:19|20)\d\d)")
_DATELINE = re.compile(
    r"^(?P<place>(?P<caps>[A-Z][A-Z.'’\-]+(?:(?:\s+|/)[A-Z][A-Z.'’\-]+){0,3})?(?(caps)|[A-Z][a-z.'’\-]+(?:\s+[A-Z][a-z.'’\-]+){0,2})"
    r"(?:,\s*[A-Z][A-Za-z.'’\-]+(?:\s+[A-Z][A-Za-z.'’\-]+){0,2})?)"
    rf"(?:,?\s+(?P<date>{_DATELINE_DATE})(?:\s+(?P<bare>[A-Z][a-z]{{2,15}})(?=\s*(?:—|–|--|-)\s))?)?"  # "LIMA, Nov. 16 Kyodo -"
    r"\s*(?:\((?P<credit>[A-Z][\w.&'’/ -]{0,40})\))?"
    r"\s*(?P<dash>—|–|--|-|:)\s+(?=\S)"
)
_MONTH_DAY = re.compile(rf"{_MONTH}\s+(?P<day>[0-3]?\d)|(?P<day2>[0-3]?\d)\s+{_MONTH.replace('?P<mon>', '?P<mon2>')}", re.I)


@dataclass(frozen=True)
class Dateline:
    text: str  # as written, without the dash
    month: int | None = None
    day: int | None = None
    year: int | None = None
    credit: str | None = None

    def on(self, year: int | None = None) -> dt.date | None:
        """The date, completing the year only from a year the caller knows."""
        if self.month is None or self.day is None:
            return None
        y = self.year or year
        return _make(y, self.month, self.day) if y else None


def dateline(paragraph: str) -> Dateline | None:
    found = _dateline_match(paragraph)
    return found[0] if found else None


def dateline_end(paragraph: str) -> int:
    """Where the paragraph's own words begin after its dateline and dash (0: none)."""
    found = _dateline_match(paragraph)
    return found[1] if found else 0


def _dateline_match(paragraph: str) -> tuple[Dateline, int] | None:
    m = _DATELINE.match(paragraph[:200])  # a dateline opens the paragraph
    if not m:
        return None
    place = m.group("place")
    if len(re.sub(r"[^A-Za-z]", "", place.split(",")[0])) < 3:
        return None
    has_more = m.group("date") or m.group("credit")
    # A bare capitalised word and a hyphen ("NATO - the alliance") is not a dateline;
    # a place in Title Case ("Kyiv, 13 January 2025 —") is one only with its date.
    # ("SEOUL - North Korea's foreign ministry …": a place in capitals and a hyphen before a
    # capitalised sentence is one, though "NATO - the alliance …" is not.)
    hyphen_ok = m.group("dash") in ("—", "--") or m.group("dash") == "-" and m.group("caps") and len(place) >= 4 \
        and place == place.upper() and paragraph[m.end():m.end() + 1].isupper() and "," not in place
    # ("Seoul (AFP) —": a place in Title Case is one with its date, or with a wire's credit.)
    wire = bool(m.group("credit")) and WIRE_RX.fullmatch(m.group("credit").strip()) is not None
    if not has_more and not hyphen_ok or not m.group("caps") and not m.group("date") and not wire:
        return None
    text = paragraph[: m.start("dash")].rstrip()
    month = day = year = None
    if m.group("date"):
        full, _ = find_date(m.group("date"), dayfirst=True)  # dotted dates are day-first
        if full:
            month, day, year = full.month, full.day, full.year
        else:
            md = _MONTH_DAY.search(m.group("date"))
            if md:
                month = MONTHS[(md.group("mon") or md.group("mon2")).lower().rstrip(".")]
                day = int(md.group("day") or md.group("day2"))
    return Dateline(text, month, day, year, m.group("credit") or m.group("bare")), m.end()


def year_for(dl: Dateline, known: dt.date | None) -> int | None:
    """The year of a dateline's month/day given a date known to be on or after it
    (an update stamp or a metadata date of the same page)."""
    if known is None or dl.month is None or dl.day is None:
        return None
    candidate = _make(known.year, dl.month, dl.day)
    if candidate and candidate <= known:
        return known.year
    return known.year - 1


def has_yearless_date(text: str) -> bool:
    return bool(_NO_YEAR.search(text))


# What may follow the date on the line under a headline: a reading time, an
# update note ("Updated 2 hours ago"), or a separator before either.
_HEADER_TAIL = re.compile(
    r"\s*(?:[|·•,–—-]\s*)?\(?(?:(?:\d+\s*(?:-\s*)?min(?:ute)?s?\s+read|(?:last\s+)?(?:updated|modified|edited|revised|corrected)\b.*)\s*)$",
    re.I,
)


# A place printed after the date, behind a separator ("Wednesday 18 June 2025 · Seoul",
# "18 June 2025 | Kyiv, Ukraine"): one to three capitalised words, perhaps two places.
_PLACE_TAIL = re.compile(
    r"\s+[·•|–—-]\s+(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})(?:,\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})?\s*$"
)


def header_date(line: str, dayfirst: bool | None = None) -> dt.date | None:
    """A date printed alone on a header line, as under a headline or byline
    ("November 5, 2024 4:12 PM 3 min read", "2024.11.05 14:22",
    "November 5, 2024 4:12 AM GMT+9 Updated 2 hours ago"), perhaps with the place it
    was filed from after a separator ("Wednesday 18 June 2025 · Seoul"). Which header
    line may carry the publication date is the reader's decision; this only reads the line."""
    t = line.strip()
    for _ in range(2):
        t = _HEADER_TAIL.sub("", t).strip()
    if not t:
        return None
    placed = _PLACE_TAIL.sub("", t)
    if placed != t and find_date(placed, dayfirst)[0] is not None and not _UPDATE_WORDS.search(t[len(placed):]):
        t = placed
    d = date_bar(t, dayfirst)
    cells = re.split(r"\s+[·•|]\s+", t)
    if d is None and len(cells) > 1 and not _UPDATE_WORDS.search(" ".join(cells[1:])) and all(
            c[:1].isupper() or c[:1].isdigit() for c in cells[1:]) and all(len(c.split()) <= 4 for c in cells[1:]):
        # An edition line: "Wednesday, 5 November 2025 · Seoul edition · Issue No. 412".
        d = date_bar(cells[0], dayfirst)
    # A section label may stand before it ("All News 10:12 November 05, 2024"),
    # but never an update label.
    m = re.match(r"^(?P<label>[A-Z][A-Za-z]+(?:\s+[A-Za-z]+)?)\s*[:|·]?\s+(?=\d|[A-Z])", t)
    if d is None and m and not _UPDATE_WORDS.search(m.group("label")):
        d = date_bar(t[m.end():], dayfirst)
    return d


_UPDATE_WORDS = re.compile(r"updat|modif|\bedit(?!ion)|revis|correct|last|오후|수정", re.I)


_NUMERIC = _PATTERNS[4]
_WORD_DATES = _PATTERNS[:2]
_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass(frozen=True)
class Numeric:
    """An all-numeric date as written ("06.11.2024"), with its two possible readings."""

    text: str
    separator: str
    day_first: dt.date | None  # read as DD.MM.YYYY
    month_first: dt.date | None  # read as MM/DD/YYYY


def numeric_dates(text: str) -> list[Numeric]:
    out = []
    for m in _NUMERIC.finditer(text):
        a, b, year = int(m["a"]), int(m["b"]), int(m["year"])
        sep = "." if "." in m.group(0) else "/"
        out.append(Numeric(m.group(0), sep, _make(year, b, a), _make(year, a, b)))
    return out


def word_dates(text: str) -> list[dt.date]:
    """Every complete date written with the month's name ("6 November 2024", "Nov. 6, 2024")."""
    return [d for rx in _WORD_DATES for m in rx.finditer(text) if (d := _from_match(m))]


def weekday_named(text: str) -> int | None:
    """The weekday a line names (0 = Monday), when it names exactly one."""
    found = {i for i, name in enumerate(_WEEKDAY_NAMES) if re.search(rf"\b{name[:3]}(?:{name[3:]})?\b\.?", text, re.I)}
    return found.pop() if len(found) == 1 else None


# --- relative stamps --------------------------------------------------------------

# "Published 2 hours ago", "Updated 34 min ago", "posted a day ago", "3h ago".
_RELATIVE = re.compile(
    r"^\W*(?:(?P<label>(?:first\s+|originally\s+)?(?:posted|published|updated|last\s+updated|modified))\s*[:：]?\s*)?"
    r"(?P<n>\d{1,3}|an?|one)\s*(?P<unit>m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?)\s+ago\W*$",
    re.I,
)
_UNIT_SECONDS = {"m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}


@dataclass(frozen=True)
class Relative:
    """A stamp counted back from the moment the page was seen ("Published 2 hours ago")."""

    ago: dt.timedelta  # the count as printed ("2 hours")
    unit: dt.timedelta  # what one more of the count would add: sites print the count rounded down
    updated: bool  # an "Updated ..." stamp: never the publication date

    def days(self, seen: dt.date, at: dt.time | None = None) -> set[dt.date]:
        """The days it may mean, given the day (and, if known, the time) the page was
        seen: "2 hours ago" is between two and three hours before then."""
        start = dt.datetime.combine(seen, at or dt.time(0, 0))
        end = dt.datetime.combine(seen, at or dt.time(23, 59))
        lo, hi = (start - self.ago - self.unit).date(), (end - self.ago).date()
        return {lo + dt.timedelta(days=k) for k in range((hi - lo).days + 1)}


def relative_stamp(text: str) -> Relative | None:
    """A relative publication or update stamp that is the whole text, else None."""
    m = _RELATIVE.match(text.strip())
    if not m:
        return None
    n = 1 if m["n"].isalpha() else int(m["n"])
    unit = m["unit"].lower()[0]
    label = (m["label"] or "").lower()
    one = dt.timedelta(seconds=_UNIT_SECONDS[unit])
    return Relative(n * one, one - dt.timedelta(seconds=1), "updat" in label or "modif" in label)


# Not part of a numeric date ("23.10.2024" holds no time).
_CLOCK_TIME = re.compile(r"(?<![\d.:/])(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)(?![\d]|[.:/]\d)\s*(?P<ampm>[ap]\.?m\.?)?", re.I)


def clock_time(text: str) -> dt.time | None:
    """The time of day a short text gives ("19:52 KST", "7.52pm"), if it gives one."""
    m = _CLOCK_TIME.search(text)
    if not m:
        return None
    h = int(m["h"])
    if m["ampm"]:
        if h > 12:
            return None
        h = h % 12 + (12 if m["ampm"].lower().startswith("p") else 0)
    return dt.time(h, int(m["m"]))

"""How dates, numbers and a claim's date provenance read on the page.

Month names are spelled out here rather than with strftime so the output does not
depend on the machine's locale (byte-identical builds everywhere).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from newsgen.model import Claim, Quantity

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTHS_LONG = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")


def day(d: dt.date | None) -> str:
    """21 Oct 2024"""
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}" if d else ""


def day_long(d: dt.date | None) -> str:
    """Monday 21 October 2024 (day-group headings)."""
    if not d:
        return ""
    weekday = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")[d.weekday()]
    return f"{weekday} {d.day} {MONTHS_LONG[d.month - 1]} {d.year}"


def day_week(d: dt.date | None) -> str:
    """Monday 21 Oct 2024: the weekday a reader matches against the article's "on Monday"."""
    if not d:
        return ""
    return f"{WEEKDAYS[d.weekday()]} {day(d)}"


WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def month(d: dt.date) -> str:
    return f"{MONTHS[d.month - 1]} {d.year}"


def month_long(d: dt.date) -> str:
    return f"{MONTHS_LONG[d.month - 1]} {d.year}"


def iso(d: dt.date | None) -> str:
    return d.isoformat() if d else ""


def number(x: float | None) -> str:
    """1,000 / 1.5 / 500,000: integers without a trailing .0."""
    if x is None:
        return ""
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def quantity(q: Quantity) -> str:
    """A quantity in words: "more than 11,000 troops", "1,000–1,200 casualties"."""
    if q.low is not None and q.high is not None:
        core = f"{number(q.low)}–{number(q.high)}"
    elif q.value is not None:
        core = number(q.value)
    elif q.low is not None or q.high is not None:
        # Only a floor ("several dozens"): the source's words, else the floor as a floor.
        words = q.text.split(",")[-1].strip() if q.text else ""
        if words and not any(ch.isdigit() for ch in words):
            # The source's words may already end in the unit ("several hundred casualties").
            unit = q.unit if q.unit and not words.lower().endswith(q.unit.lower()) else None
            return " ".join(p for p in (words, unit) if p)
        return " ".join(p for p in (f"{number(q.low if q.low is not None else q.high)} or more", q.unit) if p)
    else:
        core = q.text or "?"
    parts = [q.qualifier, core, q.unit]
    return " ".join(p for p in parts if p)


@dataclass(frozen=True)
class DateNote:
    """When a claim was made, in words, and how that was worked out.

    The date comes first because that is what a reader scans for; how it was found
    (`how`, a short form of the extractor's `basis`) is secondary but never dropped:
    provenance is what the site is for, so the full `basis` travels with it.
    """

    lead: str  # words before the date: "said", "said in the week of", "reported"
    when: str  # the date in words ("21 Oct 2024"), "" when there is none
    datetime: str | None  # a valid <time datetime> value, or None when there is no date
    stated: bool  # False when the text gives no date for the statement
    how: str | None = None  # short explanation: "from “Monday”, counted back from publication on 22 Oct 2024"
    basis: str | None = None  # the date_basis as recorded, word for word

    @property
    def text(self) -> str:
        """One line: "said 21 Oct 2024", "date not stated · reported 22 Oct 2024"."""
        if self.stated:
            return f"{self.lead} {self.when}"
        return "date not stated · " + (f"{self.lead} {self.when}" if self.when else "report undated")

    @property
    def full(self) -> str:
        """The line plus its provenance, for places with no room for markup (feeds, search)."""
        return f"{self.text} ({self.how})" if self.how else self.text

    @property
    def basis_differs(self) -> bool:
        """True when `how` shortened the recorded basis, so the page should offer both."""
        return bool(self.basis) and self.how != self.basis


_ISO = r"\d{4}-\d{2}-\d{2}"
_ISO_RE = re.compile(rf"\b({_ISO})\b")
# The shapes the date rules write most often, each with a reader's wording. Anything
# else falls back to the recorded text with its dates and quote marks made readable.
# Group "d" is the date the rule arrived at; a form may leave it out only when it is
# the claim's own date (shown right before the explanation anyway).
_SHORT_FORMS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"weekday '(?P<w>[^']+)' before publication (?P<d>{_ISO})"), "from “{w}”, counted back from publication on {d}"),
    (re.compile(rf"weekday '(?P<w>[^']+)' after publication (?P<d>{_ISO})"), "from “{w}”, counted on from publication on {d}"),
    (re.compile(rf"weekday '(?P<w>[^']+)' on publication day (?P<d>{_ISO})"), "from “{w}”, the day of publication"),
    (re.compile(rf"explicit date '(?P<w>[^']+)' \(year from publication {_ISO}\)"), "from “{w}” in the text, year from publication"),
    (re.compile(r"explicit date '(?P<w>[^']+)'"), "from “{w}” in the text"),
    (re.compile(rf"same statement as the sentence before by .+ \((?P<d>{_ISO})\)"), "same statement as the sentence before"),
    (re.compile(rf"bare quotation continuing the statement before \((?P<d>{_ISO})\)"), "a quotation continuing the statement before"),
    (re.compile(rf"'(?P<w>[^']+)' → (?P<r>[^()]+?) \((?P<d>{_ISO})\)(?: [+-]\d+ = {_ISO})?"), "from “{w}”: {r}"),
    (re.compile(r"editor"), "set by the editor (content/corrections.yaml)"),
)


def _iso_day(text: str) -> str:
    """"2024-10-22" → "22 Oct 2024"; anything not a real date is left as written."""
    try:
        return day(dt.date.fromisoformat(text))
    except ValueError:
        return text


def _iso_words(m: re.Match[str]) -> str:
    return _iso_day(m.group(1))


def _readable(basis: str, own: dt.date | None) -> str:
    """The recorded basis with ISO dates in words and 'quoted words' in typographic quotes;
    a trailing "(date)" that only repeats the claim's own date is dropped."""
    text = basis
    if own is not None:
        text = re.sub(rf"\s*\({re.escape(own.isoformat())}\)$", "", text)
    text = re.sub(r"(?<![\w])'([^']+)'(?![\w])", r"“\1”", text)
    return _ISO_RE.sub(_iso_words, text)


def date_how(basis: str | None, own: dt.date | None = None) -> str | None:
    """A short, reader's form of a claim's date_basis (see _SHORT_FORMS), or None."""
    b = " ".join((basis or "").split())
    if not b:
        return None
    for pattern, form in _SHORT_FORMS:
        m = pattern.fullmatch(b)
        # A form that leaves out the recorded date may do so only when it is the claim's own.
        if m and ("{d}" in form or "d" not in m.groupdict() or own is None or m.group("d") == own.isoformat()):
            parts = {k: _iso_day(v) if k == "d" else v for k, v in m.groupdict().items()}
            return form.format(**parts)
    return _readable(b, own)


def date_note(claim: Claim) -> DateNote:
    basis = " ".join((claim.date_basis or "").split()) or None
    if claim.date_precision == "week" and (claim.date_range or claim.said_on):
        start = claim.date_range[0] if claim.date_range else claim.said_on
        year, week, _ = start.isocalendar()
        return DateNote("said in the week of", day(start), f"{year}-W{week:02d}", True, date_how(basis), basis)
    if claim.date_precision == "month" and (claim.date_range or claim.said_on):
        start = claim.date_range[0] if claim.date_range else claim.said_on
        return DateNote("said in", month_long(start), f"{start.year}-{start.month:02d}", True, date_how(basis), basis)
    if claim.said_on:
        return DateNote("said", day_week(claim.said_on), claim.said_on.isoformat(), True,
                        date_how(basis, claim.said_on), basis)
    if claim.placed_on:
        return DateNote("reported", day(claim.placed_on), claim.placed_on.isoformat(), False, date_how(basis), basis)
    return DateNote("reported", "", None, False, date_how(basis), basis)


def published_note(basis: str | None) -> str:
    """The words after "published 22 Oct 2024 — "."""
    if not basis:
        return "source of the date not recorded"
    b = basis.strip()
    known = {
        "content": "from the editors' records",
        "meta": "from the page's metadata",
        "front matter": "from the file's front matter",
        "publication line": "from the article's publication line",
        "dateline": "from the article's dateline",
    }
    return known.get(b.casefold(), f"from {b}")


_QUOTE_MARKS = re.compile(r"[\"'“”‘’„«»`´]")


def _comparable(text: str) -> str:
    return " ".join(_QUOTE_MARKS.sub("", text).casefold().split())


def quote_adds(claim: Claim) -> bool:
    """True when the claim's quotation says something its text does not already show.

    Most claims are the sentence that contains the quotation; repeating it under the
    text only doubles the card. Quote style, case and spacing do not count as different.
    """
    if not claim.quote or not claim.quote.strip():
        return False
    return _comparable(claim.quote) not in _comparable(claim.text)


# How each kind of outlet reads to a reader (content/outlets.yaml's `kind`).
OUTLET_KINDS = {
    "wire": "wire agency",
    "agency": "news agency",
    "newspaper": "newspaper",
    "broadcaster": "broadcaster",
    "government": "government outlet",
    "blog": "blog",
    "magazine": "magazine",
    "other": "outlet",
}


def outlet_kind(kind: str | None) -> str:
    return OUTLET_KINDS.get(kind or "", kind or "outlet")

"""How dates, numbers and a claim's date provenance read on the page.

Month names are spelled out here rather than with strftime so the output does not
depend on the machine's locale (byte-identical builds everywhere).
"""
from __future__ import annotations

import datetime as dt
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


def month(d: dt.date) -> str:
    return f"{MONTHS[d.month - 1]} {d.year}"


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
    else:
        core = q.text or "?"
    parts = [q.qualifier, core, q.unit]
    return " ".join(p for p in parts if p)


@dataclass(frozen=True)
class DateNote:
    """When a claim was made and how that was worked out, ready for a <time>."""

    text: str  # what the reader sees, e.g. "On Monday → 21 Oct 2024"
    datetime: str | None  # a valid <time datetime> value, or None when there is no date
    stated: bool  # False when the text gives no date for the statement


def date_note(claim: Claim) -> DateNote:
    basis = (claim.date_basis or "").strip()
    prefix = f"{basis} → " if basis else ""
    if claim.date_precision == "week" and (claim.date_range or claim.said_on):
        start = claim.date_range[0] if claim.date_range else claim.said_on
        year, week, _ = start.isocalendar()
        return DateNote(f"{prefix}week of {day(start)}", f"{year}-W{week:02d}", True)
    if claim.date_precision == "month" and (claim.date_range or claim.said_on):
        start = claim.date_range[0] if claim.date_range else claim.said_on
        return DateNote(f"{prefix}{month(start)}", f"{start.year}-{start.month:02d}", True)
    if claim.said_on:
        return DateNote(f"{prefix}{day(claim.said_on)}", claim.said_on.isoformat(), True)
    if claim.placed_on:
        return DateNote(f"date not stated, reported {day(claim.placed_on)}", claim.placed_on.isoformat(), False)
    return DateNote("date not stated, report undated", None, False)


def published_note(basis: str | None) -> str:
    """The words after "published 22 Oct 2024 — "."""
    if not basis:
        return "source of the date not recorded"
    b = basis.strip()
    known = {
        "content": "from content metadata",
        "meta": "from the page's metadata",
        "front matter": "from the file's front matter",
        "publication line": "from the article's publication line",
        "dateline": "from the article's dateline",
    }
    return known.get(b.casefold(), f"from {b}")

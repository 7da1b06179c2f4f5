"""Publication dates from all the evidence a page gives, read the page's own way.

Two questions every reader asks:

- Is 06.11.2024 the 6th of November or the 11th of June? `day_first` settles it from
  the page's other dates: a numeric date that can only be read one way (13.11.2024),
  a weekday printed beside it, or a date written with the month's name elsewhere on
  the page (a date bar "Wednesday, 6 November 2024") that agrees with one reading,
  or the day the page was seen (its date bar): a page is never published after it
  was seen, so "11/12/2024" under a bar of "14 Nov 2024" is the 12th of November.
  Only when nothing on the page speaks: dotted dates are day-first (no locale that
  writes dates with dots puts the month first); slashed ones stay unread.
- Is a metadata or front-matter value a date at all? `parse_value` reads explicit,
  complete dates in the formats people write (ISO stamps, RFC 2822, "January 13th,
  2025 at 9:00 am", "13/01/2025") with dateutil, and refuses partial ones ("Jan 2025")
  and templating placeholders ("{{ page.date }}") left in by a site generator.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Iterable

from dateutil import parser as dateparser

from newsgen.load.datetext import find_date, numeric_dates, weekday_named, word_dates

# Placeholders of templating languages (Liquid/Jinja/Hugo, ERB, shell/JS, Handlebars).
_TEMPLATE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|<%.*?%>|\$\{[^}]*\}|\[%.*?%\]")
_YEAR_FIRST = re.compile(r"^\s*(?:19|20)\d\d\s*[-/.年]")
_ISO = re.compile(r"^\s*((?:19|20)\d\d)-(\d\d)-(\d\d)(?:[T ][\d:.]+\s*(?:Z|[+-]\d\d:?\d\d)?)?\s*$")
# Two defaults that differ in every field: a value that leaves a field unset parses
# differently against each, so only complete dates are accepted.
_DEFAULTS = (dt.datetime(2001, 1, 1), dt.datetime(2002, 2, 2))


def is_template(value: str) -> bool:
    """Is the value a templating placeholder a site generator failed to fill in?"""
    return bool(_TEMPLATE.search(value))


def day_first(lines: Iterable[str], context: Iterable[str] | None = None,
              days: Iterable[tuple[int, int]] = (), latest: dt.date | None = None) -> bool | None:
    """Whether the page writes numeric dates day first (see the module docstring).

    `lines` are the page's lines; `context` the lines whose dates may confirm a reading
    (by default the same lines; readers pass the page without its body, since the body's
    dates are the story's events, not the page's own dates); `days` (month, day) pairs
    the page gives without a year, such as its dateline's ("SEOUL, Feb. 3 (Yonhap) --");
    `latest` the last day the page's own dates can be (the day it was seen).
    """
    lines = list(lines)
    written = {d for t in (lines if context is None else context) for d in word_dates(t)}
    days = set(days)

    def confirmed(d: dt.date) -> bool:
        return d in written or (d.month, d.day) in days

    votes: set[bool] = set()
    separators: set[str] = set()
    for line in lines:
        for n in numeric_dates(line):
            separators.add(n.separator)
            if n.day_first and not n.month_first:
                votes.add(True)
            elif n.month_first and not n.day_first:
                votes.add(False)
            elif n.day_first and n.month_first and n.day_first != n.month_first:
                wd = weekday_named(line)
                if wd is not None and (n.day_first.weekday() == wd) != (n.month_first.weekday() == wd):
                    votes.add(n.day_first.weekday() == wd)
                elif confirmed(n.day_first) != confirmed(n.month_first):
                    votes.add(confirmed(n.day_first))
                elif latest is not None and (n.day_first <= latest) != (n.month_first <= latest):
                    votes.add(n.day_first <= latest)
    if len(votes) == 1:
        return votes.pop()
    if not votes and separators == {"."}:
        return True
    return None


class _Names(dateparser.parserinfo):
    """Month and weekday names in English and in the languages of the outlets that
    republish in English with their own metadata ("dimanche 2 novembre 2025, 09h41",
    "Montag, 3. März 2025", "2 de noviembre de 2025")."""

    MONTHS = [(*en, *other) for en, other in zip(dateparser.parserinfo.MONTHS, [
        ("janvier", "janv", "Januar", "enero"), ("février", "fevrier", "févr", "Februar", "febrero"),
        ("mars", "März", "Maerz", "marzo"), ("avril", "avr", "abril"), ("mai", "mayo"), ("juin", "Juni", "junio"),
        ("juillet", "juil", "Juli", "julio"), ("août", "aout", "agosto"), ("septembre", "septiembre"),
        ("octobre", "Oktober", "octubre"), ("novembre", "noviembre"), ("décembre", "decembre", "Dezember", "diciembre")])]
    WEEKDAYS = [(*en, *other) for en, other in zip(dateparser.parserinfo.WEEKDAYS, [
        ("lundi", "Montag", "lunes"), ("mardi", "Dienstag", "martes"), ("mercredi", "Mittwoch", "miércoles"),
        ("jeudi", "Donnerstag", "jueves"), ("vendredi", "Freitag", "viernes"), ("samedi", "Samstag", "sábado"),
        ("dimanche", "Sonntag", "domingo")])]
    JUMP = [*dateparser.parserinfo.JUMP, "de", "del", "à"]


_NAMES = _Names()


def parse_value(value: str, dayfirst: bool | None = None) -> dt.date | None:
    """A complete explicit date that is the whole value (as in metadata and front
    matter), as the calendar day written there; None for anything else."""
    v = value.strip()
    if not v or len(v) > 80 or is_template(v):
        return None
    # "2024.11.26 (Tue) 10:30 KST", as Korean and Japanese government sites print it.
    v = re.sub(r"\s*\((?i:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\)", "", v)
    m = _ISO.match(v)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    year_first = bool(_YEAR_FIRST.match(v))
    numeric = numeric_dates(v)
    if numeric and not year_first:
        n = numeric[0]
        if n.day_first and n.month_first and n.day_first != n.month_first and dayfirst is None:
            return None  # 01/02/2025 with nothing to tell the order: never guess
    try:
        a, b = (dateparser.parse(v, default=d, dayfirst=bool(dayfirst) and not year_first, yearfirst=year_first,
                                 parserinfo=_NAMES)
                for d in _DEFAULTS)
    except (ValueError, OverflowError, TypeError):
        d, dm = find_date(v, dayfirst)
        # Only a value that is the date itself, not a sentence that happens to hold one.
        if d and not re.sub(r"[\W\d]|(?i:at|am|pm|utc|gmt|kst|est|edt|cet|cest)", "", v[: dm.start()] + v[dm.end():]):
            return d
        return None
    if a.date() != b.date() or not 1900 < a.year < 2100:
        return None
    return a.date()

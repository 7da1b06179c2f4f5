"""The plain data that passes between newsgen's stages.

Every stage is a function from these values to these values; none of them does I/O.
All classes are frozen so a stage can never change what an earlier stage produced.
Sequences are tuples for the same reason (and so values stay hashable).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]
SpeakerKind = Literal["person", "organization"]
OutletKind = Literal["newspaper", "wire", "broadcaster", "government", "blog", "magazine", "agency", "other"]
# How precisely a date is known: a day, or only the week / month it falls in.
Precision = Literal["day", "week", "month"]


@dataclass(frozen=True)
class Problem:
    """Something wrong with an input: shown to the user, fatal only under --strict."""

    file: str
    message: str
    line: int | None = None
    severity: Severity = "error"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.severity}: {self.message}"


# --- editorial reference data (from content/) -------------------------------------


@dataclass(frozen=True)
class Topic:
    id: str
    label: str
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class Person:
    """A known speaker from content/people.yaml (a person or an organisation)."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    role: str | None = None
    org: str | None = None
    kind: SpeakerKind = "person"


@dataclass(frozen=True)
class Outlet:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    homepage: str | None = None
    country: str | None = None
    kind: OutletKind = "newspaper"


@dataclass(frozen=True)
class SeriesDef:
    """A figure tracked over time, e.g. North Korean troops sent.

    A quantity belongs to the series when its unit or sentence contains one of
    `units` and its sentence contains all words of at least one entry of `context`
    and none of `exclude`.
    """

    id: str
    label: str
    units: tuple[str, ...]
    context: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()  # a sentence with any of these words is not a point
    description: str | None = None


# --- stories ---------------------------------------------------------------------


@dataclass(frozen=True)
class Story:
    """One article, cleaned of site chrome.

    `published` is the publication day; `published_basis` says which source gave it
    ("content", "meta", "front matter", "publication line", "dateline").
    `seen_on` is a date bar's date (the day a page was looked at), never publication.
    """

    id: str
    seed: str
    title: str | None = None
    outlet: str | None = None
    credit: str | None = None
    byline: str | None = None
    url: str | None = None
    published: dt.date | None = None
    published_basis: str | None = None
    # When research bounds the day but cannot fix it: (earliest, latest). Gives a
    # year to "November 6" without pretending to know the publication day.
    published_window: tuple[dt.date, dt.date] | None = None
    paragraphs: tuple[str, ...] = ()
    captions: tuple[str, ...] = ()
    seen_on: dt.date | None = None
    updated: dt.date | None = None
    dateline: str | None = None
    format: str = "txt"


# --- claims ----------------------------------------------------------------------


@dataclass(frozen=True)
class Speaker:
    id: str
    name: str
    role: str | None = None
    org: str | None = None
    kind: SpeakerKind = "person"
    known: bool = True  # False: found in the text, not listed in people.yaml


@dataclass(frozen=True)
class Quantity:
    value: float | None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    qualifier: str | None = None  # "more than", "approximately", "some", "over", "several" …
    text: str = ""


@dataclass(frozen=True)
class Report:
    """Where a claim stands in one story."""

    story: str
    sentence: str
    paragraph: int  # index into Story.paragraphs
    relay: str | None = None  # intermediary that carried the statement ("VOA", "Reuters")
    # The body whose briefing the speaker passes on (a lawmaker relaying the spy agency).
    source: str | None = None
    # What this report's own sentence says, kept apart when reports merge into one claim.
    hedges: tuple[str, ...] = ()
    quote: str | None = None
    quantities: tuple[Quantity, ...] = ()


@dataclass(frozen=True)
class Claim:
    id: str
    speaker: Speaker | None
    said_on: dt.date | None
    date_basis: str | None
    text: str
    quote: str | None = None
    hedged: bool = False
    hedges: tuple[str, ...] = ()  # the words that made it hedged
    topics: tuple[str, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    reports: tuple[Report, ...] = ()
    # said_on is always a day when set; a coarser date ("last week") is kept here.
    date_precision: Precision | None = None
    date_range: tuple[dt.date, dt.date] | None = None
    # Where the claim sits on the timeline: said_on, else its first report's publication.
    placed_on: dt.date | None = None


@dataclass(frozen=True)
class SeriesPoint:
    date: dt.date | None
    quantity: Quantity
    claim: str  # claim id
    story: str  # story id
    speaker: Speaker | None = None
    dated_by: str = "said_on"  # "said_on", "published", or "none"


@dataclass(frozen=True)
class Series:
    id: str
    label: str
    points: tuple[SeriesPoint, ...] = ()
    description: str | None = None


@dataclass(frozen=True)
class Timeline:
    stories: tuple[Story, ...]
    claims: tuple[Claim, ...]  # ordered by placed_on, then source
    speakers: tuple[Speaker, ...] = ()
    series: tuple[Series, ...] = ()


# --- output ----------------------------------------------------------------------


@dataclass(frozen=True)
class Output:
    """One file of the built site: a POSIX path relative to the output directory."""

    path: str
    data: bytes = field(repr=False)

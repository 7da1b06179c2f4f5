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
# A claim's stance toward a question; hedged vs asserted stays in Claim.hedged.
Stance = Literal["affirms", "denies", "declines"]
# The status of a question, weakest to strongest, plus "disputed".
Status = Literal["alleged", "corroborated", "confirmed", "acknowledged", "disputed"]


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with an input: shown to the user, fatal only under --strict."""

    file: str
    message: str
    line: int | None = None
    severity: Severity = "error"

    def __str__(self) -> str:
        from newsgen.safefile import shown

        # A file name may hold a newline or a terminal escape sequence: printed escaped.
        where = f"{shown(self.file)}:{self.line}" if self.line else shown(self.file)
        return f"{where}: {self.severity}: {self.message}"


# --- editorial reference data (from content/) -------------------------------------


@dataclass(frozen=True, slots=True)
class Topic:
    id: str
    label: str
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Person:
    """A known speaker from content/people.yaml (a person or an organisation)."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    role: str | None = None
    org: str | None = None
    kind: SpeakerKind = "person"


@dataclass(frozen=True, slots=True)
class Outlet:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    homepage: str | None = None
    country: str | None = None
    kind: OutletKind = "newspaper"


@dataclass(frozen=True, slots=True)
class Measure:
    """What a figure counts (content/site.yaml `measures:`), e.g. killed.

    A quantity counts it when its counted thing (Quantity.counts, else its own words)
    is one of `counts` (each entry matched as whole words). `people` measures name who
    is counted (troops): a state word beside the number (killed, captured) decides
    over them. A `sum` is its parts together (casualties = killed + wounded): a number
    said to count every part counts the sum. A `rate` counts per stretch of time.
    """

    id: str
    label: str
    unit: str  # the word shown after a value ("troops"), never doubled
    counts: tuple[str, ...] = ()
    sum: tuple[str, ...] = ()
    people: bool = False
    rate: bool = False


@dataclass(frozen=True, slots=True)
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
    # Whose quantity it is: when set, one entry must stand in the words around the
    # number itself, so a sentence naming two countries gives each only its own figure.
    subject: tuple[str, ...] = ()
    # The one measure (Measure.id) and scope the series holds. `scope` is the place
    # (None: no narrower place than the whole story); `places` are the names a
    # quantity's scope may have to count as this series' scope.
    measure: str | None = None
    scope: str | None = None
    places: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Question:
    """A question the site tracks (content/site.yaml `questions:`).

    A claim bears on it when it is filed under one of `topics` (if any) and one clause
    of it holds every word of one `cues` entry (each word matched as a word start).
    `parties` are speaker ids or organisation slugs whose own admission is
    acknowledgement (e.g. the governments accused).
    """

    id: str
    question: str
    topics: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()
    parties: tuple[str, ...] = ()
    short: str | None = None  # a short label for the track ("Troops sent")
    party_cues: tuple[str, ...] = ()  # cues that count only when a party speaks ("our soldiers")


# --- stories ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Story:
    """One article, cleaned of site chrome.

    `published` is the publication day; `published_basis` says which source gave it
    ("content", "meta", "front matter", "publication line", "header date", "dateline",
    "dateline and date bar", "dateline and front matter", "date bar and address": a
    date bar or a saved-on date counts only where the dateline's day, or the day in the
    page's address, agrees with it).
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
    # The body a press release says it is from ("From: Foreign Office" under a "PRESS
    # RELEASE" label): its own-voice sentences are that body's words.
    issued_by: str | None = None
    # How many opening paragraphs are the issued text, when the page adds its own after
    # it (a register's note under the statement's closing date line); None: all of them.
    issued_paragraphs: int | None = None
    # Who chairs the meeting a verbatim record is of ("President: Mrs. Thomas-Greenfield
    # …… (United States of America)"): the speaker of its "The President:" turns.
    chaired_by: str | None = None


# --- claims ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Speaker:
    id: str
    name: str
    role: str | None = None
    org: str | None = None
    kind: SpeakerKind = "person"
    known: bool = True  # False: found in the text, not listed in people.yaml


@dataclass(frozen=True, slots=True)
class Quantity:
    value: float | None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    qualifier: str | None = None  # "more than", "approximately", "some", "over", "several" …
    text: str = ""
    # What the number counts, read from the parse: the counted noun or the state it
    # reports ("troops", "killed", "wounded", "casualties", "captured", "shells"), and
    # where ("Kursk"); None when the sentence does not settle it.
    counts: str | None = None
    scope: str | None = None
    # The measure of content/site.yaml it counts (set after extraction), e.g. "killed".
    measure: str | None = None


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
class Change:
    """One thing the editor changed in a claim, with what it said before."""

    field: str  # "speaker", "said_on", "figure", "stance", "text"
    before: str | None
    after: str | None
    detail: str | None = None  # which part of the field: "value of “about 1,500”"

    def __str__(self) -> str:
        what = self.field_label + (f" ({self.detail})" if self.detail else "")
        return f"{what} corrected from {self.before or 'none'} to {self.after or 'none'}"

    @property
    def field_label(self) -> str:
        return {"said_on": "day", "text": "wording"}.get(self.field, self.field)


# What the editor did with a claim: looked at it and left it (checked), changed it
# (corrected), cut it into several statements (split), or took it off the site (dropped).
ReviewStatus = Literal["checked", "corrected", "split", "dropped"]


@dataclass(frozen=True, slots=True)
class Review:
    """An editor's correction of one claim (content/corrections.yaml), carried by the claim."""

    status: ReviewStatus
    by: str
    on: dt.date
    changes: tuple[Change, ...] = ()
    note: str | None = None
    # The claim id the correction names: the corrected claim keeps it as its id even
    # when the change (a new speaker) would give it another, so the address holds.
    address: str = ""
    stance: Stance | None = None  # the editor's stance; the question stage keeps it
    reason: str | None = None  # why a dropped claim was dropped ("not a claim")
    source: str = ""  # the corrections file and line, for messages
    line: int | None = None


@dataclass(frozen=True, slots=True)
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
    # Set after assembly (newsgen.questions, newsgen.sources): the claim's stance toward
    # the editor's questions it bears on, the words that decided it, and how many of its
    # reports come from independent origins (copies of one wire count once).
    stance: Stance | None = None
    stance_words: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()
    independent_reports: int = 0
    # A joint statement ("X and Y said"): the speakers after `speaker`, each credited.
    joint: tuple[Speaker, ...] = ()
    # The editor's check or correction (newsgen.corrections), None when unchecked.
    review: Review | None = None

    @property
    def speakers(self) -> tuple[Speaker, ...]:
        return ((self.speaker,) if self.speaker else ()) + self.joint


@dataclass(frozen=True, slots=True)
class SeriesPoint:
    date: dt.date | None
    quantity: Quantity
    claim: str  # claim id
    story: str  # story id
    speaker: Speaker | None = None
    dated_by: str = "said_on"  # "said_on", "published", "window", or "none"
    # For dated_by "window": the days the report was published between; `date` is the first.
    window: tuple[dt.date, dt.date] | None = None
    # Other claims giving the same value on the same day from the same speaker (the
    # statement as carried by further outlets): one point, several reports.
    also: tuple[str, ...] = ()

    @property
    def date_basis(self) -> str | None:
        """figures.json's word for how the point got its day: stated, published or window."""
        return {"said_on": "stated", "published": "published", "window": "window"}.get(self.dated_by)


@dataclass(frozen=True, slots=True)
class Series:
    id: str
    label: str
    points: tuple[SeriesPoint, ...] = ()
    description: str | None = None
    measure: Measure | None = None
    scope: str | None = None


@dataclass(frozen=True, slots=True)
class Derivation:
    """Story `story` is the origin this story copies: a shared wire or near-identical text."""

    story: str  # the other story's id
    relation: str  # "wire copy", "same wire", "copy", "rewrite"
    basis: str  # why we say so, in words
    overlap: float | None = None  # share of sentences shared, when measured
    wire: str | None = None  # the wire both credit, if that is the link


@dataclass(frozen=True, slots=True)
class StoryOrigin:
    """How one story relates to the others of the corpus."""

    story: str
    derived_from: tuple[Derivation, ...] = ()
    origin: str = ""  # stories with the same origin are one source for independence


@dataclass(frozen=True, slots=True)
class QuestionStep:
    date: dt.date
    status: str  # alleged, corroborated, confirmed, acknowledged, denied, declined
    claim: str  # claim id
    speaker: str  # speaker id
    stance: Stance
    hedged: bool
    body: str  # the government or body the speaker speaks for
    note: str = ""  # "first reported", "first asserted by a second independent source" …


@dataclass(frozen=True, slots=True)
class QuestionTrack:
    question: Question
    status: Status | None  # None: no dated claim bears on it yet
    claim: str | None  # the claim behind the status
    steps: tuple[QuestionStep, ...] = ()


@dataclass(frozen=True, slots=True)
class Timeline:
    stories: tuple[Story, ...]
    claims: tuple[Claim, ...]  # ordered by placed_on, then source
    speakers: tuple[Speaker, ...] = ()
    series: tuple[Series, ...] = ()
    origins: tuple[StoryOrigin, ...] = ()  # newsgen.sources
    questions: tuple[QuestionTrack, ...] = ()  # newsgen.questions
    # Claims the editor took off the site (content/corrections.yaml `drop:`), kept for
    # the data export so a reader can see what was dropped and why.
    dropped: tuple[Claim, ...] = ()


# --- output ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Output:
    """One file of the built site: a POSIX path relative to the output directory."""

    path: str
    data: bytes = field(repr=False)

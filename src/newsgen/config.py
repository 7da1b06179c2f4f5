"""Reads content/ into one frozen, validated Config.

content/
  site.yaml          site (title, description, language, base_path, url) and the
                     story tracked (title, summary, topics, series)
  outlets.yaml       outlets: name, aliases, homepage, country, kind
  people.yaml        people: speakers (persons and organisations)
  seeds/<stem>.yaml  per-seed metadata the text lacks: outlet, credit, url,
                     published, title, byline
  pages/*.md         about / method pages
  corrections.yaml   the editor's checks and corrections of claims, by claim id
                     (newsgen.corrections applies them)

Every problem names the file and line. Unknown fields are warnings (with a
suggestion); wrong types and missing required fields are errors, and the record
that has them is left out while the rest of the file is kept.
"""
from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Callable

from newsgen import urls
from newsgen.model import Measure, Outlet, Person, Problem, Question, SeriesDef, Topic
from newsgen.yamlfile import Located, parse

OUTLET_KINDS = ("newspaper", "wire", "broadcaster", "government", "blog", "magazine", "agency", "other")
SPEAKER_KINDS = ("person", "organization")


@dataclass(frozen=True)
class SiteConfig:
    title: str = "newsgen"
    description: str = ""
    language: str = "en"
    base_path: str = "/"
    url: str | None = None  # absolute address of the published site, for feeds and sitemap


@dataclass(frozen=True)
class TrackedStory:
    title: str = ""
    summary: str = ""
    topics: tuple[Topic, ...] = ()
    series: tuple[SeriesDef, ...] = ()
    questions: tuple[Question, ...] = ()
    measures: tuple[Measure, ...] = ()
    # Two values differ only when given within this many days of each other.
    differ_days: int = 14

    def measure(self, measure_id: str | None) -> Measure | None:
        return next((m for m in self.measures if m.id == measure_id), None)


@dataclass(frozen=True)
class SeedMeta:
    """What content/ says about one seed; every field overrides the text's."""

    seed: str  # seed file stem
    source: str  # the metadata file, for messages
    outlet: str | None = None
    credit: str | None = None
    url: str | None = None
    published: dt.date | None = None
    published_window: tuple[dt.date, dt.date] | None = None
    title: str | None = None
    byline: str | None = None
    line: int | None = None


@dataclass(frozen=True)
class FigureFix:
    """A correction of one figure of a claim: which one (its words as written; None for
    the claim's only figure) and the fields the editor sets."""

    text: str | None
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    counts: str | None = None
    measure: str | None = None


@dataclass(frozen=True)
class SplitPart:
    """One statement of a claim the editor split: its words, and optionally its speaker and day."""

    text: str
    speaker: tuple[str, ...] = ()
    said_on: dt.date | None = None


@dataclass(frozen=True)
class Correction:
    """One entry of content/corrections.yaml: what the editor checked or changed in one claim.

    `claim` is the id the claim has in claims.json and in its page's address; `sentence`
    is the sentence the editor saw (the first report's), so a claim whose sentence has
    since changed is reported rather than corrected blindly."""

    claim: str
    source: str  # the corrections file, for messages
    line: int | None
    checked_by: str
    checked_on: dt.date
    sentence: str | None = None
    speaker: tuple[str, ...] = ()  # people.yaml ids; several for a joint statement
    said_on: dt.date | None = None
    figures: tuple[FigureFix, ...] = ()
    stance: str | None = None  # "affirms", "denies", "declines" or "none"
    split: tuple[SplitPart, ...] = ()
    drop: str | None = None  # the reason
    note: str | None = None

    @property
    def changes_anything(self) -> bool:
        return bool(self.speaker or self.said_on or self.figures or self.stance or self.split or self.drop)


@dataclass(frozen=True)
class PageSource:
    slug: str
    file: str
    text: str


@dataclass(frozen=True)
class Config:
    site: SiteConfig = field(default_factory=SiteConfig)
    story: TrackedStory = field(default_factory=TrackedStory)
    outlets: tuple[Outlet, ...] = ()
    people: tuple[Person, ...] = ()
    seeds: tuple[SeedMeta, ...] = ()
    pages: tuple[PageSource, ...] = ()
    corrections: tuple[Correction, ...] = ()

    def seed_meta(self, stem: str) -> SeedMeta | None:
        return self._seed_index.get(stem)

    @cached_property
    def _seed_index(self) -> dict[str, SeedMeta]:
        # Every seed asks once: a scan each time grows with seeds × metadata files.
        index: dict[str, SeedMeta] = {}
        for m in self.seeds:
            index.setdefault(m.seed, m)  # the first, as the scan found it
        return index

    def outlet_named(self, name: str | None) -> Outlet | None:
        """The outlet whose name or alias equals `name` (case-insensitive)."""
        if not name:
            return None
        key = name.casefold().strip()
        for o in self.outlets:
            if key == o.name.casefold() or key in (a.casefold() for a in o.aliases):
                return o
        return None


def normalise_base_path(base: str) -> str:
    """'/newsgen', 'newsgen/' or '' → '/newsgen/' or '/': the form every page address assumes."""
    base = base.strip().strip("/")
    return f"/{base}/" if base else "/"


# --- field validation ------------------------------------------------------------


class _Record:
    """Reads fields of one mapping, collecting problems with lines."""

    def __init__(self, doc: Located, path: tuple, problems: list[Problem], what: str):
        self.doc, self.path, self.problems, self.what = doc, path, problems, what
        value = _get(doc.data, path)
        self.data = value if isinstance(value, dict) else {}
        self.ok = isinstance(value, dict)
        if not self.ok:
            self.error(path, f"{what} must be a mapping of fields, not {_typename(value)}")

    def error(self, path: tuple, message: str, severity: str = "error") -> None:
        if severity == "error":
            self.ok = False
        self.problems.append(Problem(self.doc.file, message, self.doc.line(*path), severity))  # type: ignore[arg-type]

    def get(self, key: str, kind: Callable[[Any], Any] | type = str, required: bool = False, default: Any = None):
        p = self.path + (key,)
        if key not in self.data or self.data[key] is None:
            if required:
                self.error(self.path, f"{self.what}: missing required field '{key}'")
            return default
        value = self.data[key]
        if kind is str:
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                return str(value)
            if not isinstance(value, str):
                self.error(p, f"{self.what}: '{key}' must be text, not {_typename(value)}")
                return default
            return value.strip()
        if kind is tuple:  # a list of strings; a single string is accepted as one item
            if isinstance(value, str):
                return (value.strip(),)
            if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
                self.error(p, f"{self.what}: '{key}' must be a list of text")
                return default
            return tuple(str(v).strip() for v in value)
        if kind is dt.date:
            day = _date(value)
            if day is None:
                self.error(p, f"{self.what}: '{key}' must be a date written YYYY-MM-DD between {EARLIEST.year} and {LATEST.year}, not {_written(value)}")
                return default
            return day
        return kind(self, p, value)

    def choice(self, key: str, choices: tuple[str, ...], default: str) -> str:
        value = self.get(key, default=default)
        if value not in choices:
            self.error(self.path + (key,), f"{self.what}: '{key}' is {value!r}; expected one of {', '.join(choices)}")
            return default
        return value

    def only(self, allowed: tuple[str, ...]) -> None:
        for key in self.data:
            if key not in allowed:
                near = difflib.get_close_matches(key, allowed, n=1)
                hint = f" (did you mean '{near[0]}'?)" if near else f"; known fields: {', '.join(allowed)}"
                self.error(self.path + (key,), f"{self.what}: unknown field '{key}'{hint}", "warning")


# Publication days outside these are typos (0001-01-01), and date arithmetic
# near the ends of the calendar overflows.
EARLIEST, LATEST = dt.date(1900, 1, 1), dt.date(2100, 12, 31)


def _written(value: Any) -> str:
    """A YAML value as the editor wrote it (YAML reads 1700-01-01 as a date, whose repr is Python's)."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_written(v) for v in value) + "]"
    return repr(value)


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        try:
            value = dt.date.fromisoformat(str(value).strip())
        except ValueError:
            return None
    return value if EARLIEST <= value <= LATEST else None


def _get(data: Any, path: tuple) -> Any:
    for p in path:
        if isinstance(data, dict) and p in data:
            data = data[p]
        elif isinstance(data, list) and isinstance(p, int) and p < len(data):
            data = data[p]
        else:
            return None
    return data


def _typename(value: Any) -> str:
    return {dict: "a mapping", list: "a list", str: "text", type(None): "nothing"}.get(type(value), type(value).__name__)


def _items(doc: Located, key: str, problems: list[Problem]) -> list[tuple]:
    """Paths of the records under top-level `key` (a list of mappings)."""
    if doc.data is None:
        return []
    if not isinstance(doc.data, dict):
        problems.append(Problem(doc.file, f"expected a mapping with '{key}:' at the top", doc.line()))
        return []
    for extra in doc.data:
        if extra != key:
            problems.append(Problem(doc.file, f"unknown top-level field '{extra}'", doc.line(extra), "warning"))
    items = doc.data.get(key)
    if items is None:
        return []
    if not isinstance(items, list):
        problems.append(Problem(doc.file, f"'{key}' must be a list", doc.line(key)))
        return []
    return [(key, i) for i in range(len(items))]


def _unique_ids(records: list, file: str, what: str, problems: list[Problem], lines: list) -> list:
    seen: dict[str, int | None] = {}
    out = []
    for rec, line in zip(records, lines):
        if rec.id in seen:
            problems.append(Problem(file, f"{what} id '{rec.id}' is used twice (first at line {seen[rec.id]}); the second is ignored", line))
            continue
        seen[rec.id] = line
        out.append(rec)
    return out


# --- the files -------------------------------------------------------------------


def parse_site(doc: Located) -> tuple[SiteConfig, TrackedStory, list[Problem]]:
    problems: list[Problem] = []
    if doc.data is None:
        return SiteConfig(), TrackedStory(), problems
    top = _Record(doc, (), problems, "site.yaml")
    top.only(("site", "story"))
    site = SiteConfig()
    if "site" in top.data:
        r = _Record(doc, ("site",), problems, "site")
        r.only(("title", "description", "language", "base_path", "url"))
        base = normalise_base_path(r.get("base_path", default="/") or "/")
        site = SiteConfig(
            title=r.get("title", default="newsgen"),
            description=r.get("description", default=""),
            language=r.get("language", default="en"),
            base_path=base,
            url=_site_url(r),
        )
    story = TrackedStory()
    if "story" in top.data:
        r = _Record(doc, ("story",), problems, "story")
        r.only(("title", "summary", "topics", "series", "questions", "measures", "differ_days"))
        topics, series = [], []
        measures = parse_measures(doc, r, problems)
        measure_ids = {m.id for m in measures}
        for i, _ in enumerate(_list(r, "topics")):
            t = _Record(doc, ("story", "topics", i), problems, f"topic #{i + 1}")
            t.only(("id", "label", "keywords"))
            label = t.get("label", required=True)
            tid = t.get("id") or (urls.slug(label) if label else None)
            kw = t.get("keywords", tuple, required=True, default=())
            if t.ok:
                topics.append(Topic(id=tid, label=label, keywords=kw))
        for i, _ in enumerate(_list(r, "series")):
            s = _Record(doc, ("story", "series", i), problems, f"series #{i + 1}")
            s.only(("id", "label", "units", "context", "exclude", "subject", "description", "measure", "scope", "places"))
            label = s.get("label", required=True)
            sid = s.get("id") or (urls.slug(label) if label else None)
            measure = s.get("measure")
            if measure is not None and measure not in measure_ids:
                s.error(("story", "series", i, "measure"), f"series #{i + 1}: measure '{measure}' is not one of story.measures ({', '.join(sorted(measure_ids)) or 'none'})")
            item = SeriesDef(
                id=sid or "",
                label=label or "",
                units=s.get("units", tuple, required=True, default=()),
                context=s.get("context", tuple, default=()),
                exclude=s.get("exclude", tuple, default=()),
                description=s.get("description"),
                subject=s.get("subject", tuple, default=()),
                measure=measure,
                scope=s.get("scope"),
                places=s.get("places", tuple, default=()),
            )
            if s.ok:
                series.append(item)
        story = TrackedStory(
            title=r.get("title", default=""),
            summary=r.get("summary", default=""),
            topics=tuple(topics),
            series=tuple(series),
            questions=parse_questions(doc, r.data.get("questions"), {t.id for t in topics}, problems),
            measures=measures,
            differ_days=r.get("differ_days", _days, default=TrackedStory.differ_days),
        )
    return site, story, problems


def _days(r: _Record, path: tuple, value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        r.error(path, f"{r.what}: '{path[-1]}' must be a whole number of days, not {value!r}")
        return TrackedStory.differ_days
    return value


def _flag(r: _Record, path: tuple, value: Any) -> bool:
    if not isinstance(value, bool):
        r.error(path, f"{r.what}: '{path[-1]}' must be true or false, not {value!r}")
        return False
    return value


MEASURE_FIELDS = ("id", "label", "unit", "counts", "sum", "people", "rate")


def parse_measures(doc: Located, story: _Record, problems: list[Problem]) -> tuple[Measure, ...]:
    """story.measures: what figure values count, each selected by its `counts` words."""
    out: list[Measure] = []
    lines: list[int | None] = []
    items = _list(story, "measures")
    for i, _ in enumerate(items):
        path = ("story", "measures", i)
        m = _Record(doc, path, problems, f"measure #{i + 1}")
        m.only(MEASURE_FIELDS)
        label = m.get("label", required=True)
        item = Measure(
            id=m.get("id") or (urls.slug(label) if label else ""),
            label=label or "",
            unit=m.get("unit", required=True) or "",
            counts=tuple(c for c in m.get("counts", tuple, required=True, default=()) if c),
            sum=m.get("sum", tuple, default=()),
            people=m.get("people", _flag, default=False),
            rate=m.get("rate", _flag, default=False),
        )
        if m.ok:
            out.append(item)
            lines.append(doc.line(*path))
    kept = _unique_ids(out, doc.file, "measure", problems, lines)
    ids = {m.id for m in kept}
    good = []
    for m, line in zip(kept, [lines[out.index(k)] for k in kept]):
        missing = [p for p in m.sum if p not in ids or p == m.id]
        if missing:
            problems.append(Problem(doc.file, f"measure '{m.id}': sum part '{missing[0]}' is not another measure; the measure is left out", line))
            continue
        good.append(m)
    return tuple(good)


def _list(r: _Record, key: str) -> list:
    """The list under `key`, or [] with an error at its line when it is something else."""
    value = r.data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        r.error(r.path + (key,), f"{r.what}: '{key}' must be a list, not {_typename(value)}")
        return []
    return value


def _site_url(r: _Record) -> str | None:
    """site.url goes into every page's canonical link and the feeds: http(s) only."""
    url = r.get("url")
    if url and not url.startswith(("http://", "https://")):
        r.error(r.path + ("url",), f"site: url {url!r} is not an http(s) address")
        return None
    return url or None


QUESTION_FIELDS = ("id", "question", "short", "topics", "cues", "parties", "party_cues")


def parse_questions(doc: Located, items: Any, topic_ids: set[str], problems: list[Problem]) -> tuple[Question, ...]:
    """story.questions: what the site tracks, each tied to claims by topics and cue words."""
    if items is None:
        return ()
    if not isinstance(items, list):
        problems.append(Problem(doc.file, "'questions' must be a list", doc.line("story", "questions")))
        return ()
    out: list[Question] = []
    lines: list[int | None] = []
    for i, _ in enumerate(items):
        path = ("story", "questions", i)
        q = _Record(doc, path, problems, f"question #{i + 1}")
        q.only(QUESTION_FIELDS)
        text = q.get("question", required=True)
        qid = q.get("id") or (urls.slug(text) if text else None)
        topics = q.get("topics", tuple, default=())
        cues = q.get("cues", tuple, default=())
        for t in topics:
            if t not in topic_ids:
                q.error(path + ("topics",), f"question #{i + 1}: topic '{t}' is not one of story.topics ({', '.join(sorted(topic_ids)) or 'none'})")
        if q.ok and not topics and not cues:
            q.error(path, f"question #{i + 1}: give 'topics' or 'cues' (or both), or no claim can bear on it")
        item = Question(id=qid or "", question=text or "", topics=topics, cues=tuple(c for c in cues if c),
                        parties=q.get("parties", tuple, default=()), short=q.get("short"),
                        party_cues=tuple(c for c in q.get("party_cues", tuple, default=()) if c))
        if q.ok:
            out.append(item)
            lines.append(doc.line(*path))
    return tuple(_unique_ids(out, doc.file, "question", problems, lines))


def question_party_problems(story: TrackedStory, people: tuple[Person, ...], doc: Located | None) -> list[Problem]:
    """A party must name a speaker id or an organisation some speaker belongs to."""
    known = {p.id for p in people} | {urls.slug(p.org) for p in people if p.org} | {urls.slug(p.name) for p in people}
    problems = []
    for i, q in enumerate(story.questions):
        for party in q.parties:
            if urls.slug(party) not in known:
                where = doc.line("story", "questions", i, "parties") if doc else None
                problems.append(Problem(doc.file if doc else "site.yaml", f"question '{q.id}': party '{party}' is neither a speaker id in people.yaml nor an organisation of one; it can never acknowledge", where, "warning"))
    return problems


def _parse_named(doc: Located, key: str, what: str, fields: tuple[str, ...], make: Callable[[_Record, str], Any]):
    """A top-level list of named records: each validated, ids unique, bad ones left out."""
    problems: list[Problem] = []
    records, lines = [], []
    for path in _items(doc, key, problems):
        r = _Record(doc, path, problems, f"{what} #{path[1] + 1}")
        r.only(("id", "name", "aliases") + fields)
        name = r.get("name", required=True) or ""
        record = make(r, name)
        if r.ok:
            records.append(record)
            lines.append(doc.line(*path))
    return tuple(_unique_ids(records, doc.file, what, problems, lines)), problems


def _identity(r: _Record, name: str) -> dict[str, Any]:
    return {"id": r.get("id") or urls.slug(name), "name": name, "aliases": r.get("aliases", tuple, default=())}


def parse_people(doc: Located) -> tuple[tuple[Person, ...], list[Problem]]:
    return _parse_named(doc, "people", "person", ("role", "org", "kind"), lambda r, name: Person(
        **_identity(r, name),
        role=r.get("role"),
        org=r.get("org"),
        kind=r.choice("kind", SPEAKER_KINDS, "person"),
    ))


def parse_outlets(doc: Located) -> tuple[tuple[Outlet, ...], list[Problem]]:
    return _parse_named(doc, "outlets", "outlet", ("homepage", "country", "kind"), lambda r, name: Outlet(
        **_identity(r, name),
        homepage=r.get("homepage"),
        country=r.get("country"),
        kind=r.choice("kind", OUTLET_KINDS, "newspaper"),
    ))


SEED_FIELDS = ("seed", "outlet", "credit", "url", "published", "published_window", "title", "byline")


def parse_seed_meta(doc: Located, stem: str) -> tuple[SeedMeta | None, list[Problem]]:
    problems: list[Problem] = []
    if doc.data is None:
        return None, [Problem(doc.file, "empty metadata file", None, "warning")]
    r = _Record(doc, (), problems, "seed metadata")
    r.only(SEED_FIELDS)
    meta = SeedMeta(
        seed=r.get("seed") or stem,
        source=doc.file,
        outlet=r.get("outlet"),
        credit=r.get("credit"),
        url=r.get("url"),
        published=r.get("published", dt.date),
        published_window=r.get("published_window", _window),
        title=r.get("title"),
        byline=r.get("byline"),
        line=1,
    )
    if meta.seed and "." in meta.seed:  # accept the seed's file name as well as its stem
        meta = SeedMeta(**{**meta.__dict__, "seed": meta.seed.rsplit(".", 1)[0]})
    if meta.url and not meta.url.startswith(("http://", "https://")):
        problems.append(Problem(doc.file, f"url {meta.url!r} is not an http(s) address; ignored", doc.line("url")))
        meta = SeedMeta(**{**meta.__dict__, "url": None})
    # A bad field is dropped alone (its error names its line); the rest still describes the seed.
    return meta, problems


def _window(r: _Record, path: tuple, value: Any) -> tuple[dt.date, dt.date] | None:
    """[earliest, latest] publication days, when research bounds but cannot fix the day."""
    try:
        a, b = (_date(v) for v in value)
        if a is None or b is None:
            raise ValueError
    except (TypeError, ValueError):
        r.error(path, f"{r.what}: 'published_window' must be [YYYY-MM-DD, YYYY-MM-DD] between {EARLIEST.year} and "
                      f"{LATEST.year}, not {_written(value)}")
        return None
    if a > b:
        r.error(path, f"{r.what}: 'published_window' starts after it ends")
        return None
    return (a, b)


CORRECTION_FIELDS = ("claim", "sentence", "speaker", "said_on", "figure", "stance", "split", "drop",
                     "checked_by", "checked_on", "note")
FIGURE_FIELDS = ("text", "value", "low", "high", "unit", "counts", "measure")
STANCES = ("affirms", "denies", "declines", "none")


def parse_corrections(doc: Located, people: tuple[Person, ...]) -> tuple[tuple[Correction, ...], list[Problem]]:
    """content/corrections.yaml: a list under `corrections:`, one entry per claim id.

    A second entry for a claim is refused (which of the two would hold?), as is a
    speaker that is not a people.yaml id: the site must never credit a name it
    cannot describe."""
    problems: list[Problem] = []
    known = {p.id for p in people}
    out: list[Correction] = []
    first: dict[str, int | None] = {}
    for path in _items(doc, "corrections", problems):
        n = path[1] + 1
        r = _Record(doc, path, problems, f"correction #{n}")
        if not r.ok:
            continue
        r.only(CORRECTION_FIELDS)
        claim = r.get("claim", required=True)
        by = r.get("checked_by", required=True)
        on = r.get("checked_on", dt.date, required=True)
        speaker = _speakers(r, "speaker", path + ("speaker",), known)
        figures = _figure_fixes(r, path)
        stance = r.get("stance")
        if stance is not None and stance not in STANCES:
            r.error(path + ("stance",), f"correction #{n}: 'stance' is {stance!r}; expected one of {', '.join(STANCES)}")
        split = _split_parts(r, path, known)
        drop = r.get("drop")
        said_on = r.get("said_on", dt.date)
        if drop and (speaker or said_on or figures or stance or split):
            r.error(path + ("drop",), f"correction #{n}: a dropped claim takes no other change; drop it or correct it")
        if split and (speaker or said_on or figures):
            r.error(path + ("split",), f"correction #{n}: give the speaker and day of each part under 'split', not beside it")
        if not r.ok:
            continue
        line = doc.line(*path)
        if claim in first:
            problems.append(Problem(doc.file, f"a second correction for claim '{claim}' (the first is at line {first[claim]}); "
                                              "refused: merge them into one", line))
            continue
        first[claim] = line
        out.append(Correction(claim=claim, source=doc.file, line=line, checked_by=by, checked_on=on,
                              sentence=r.get("sentence"), speaker=speaker, said_on=said_on, figures=figures,
                              stance=stance, split=split, drop=drop or None, note=r.get("note")))
    return tuple(out), problems


def _speakers(r: _Record, key: str, path: tuple, known: set[str]) -> tuple[str, ...]:
    ids = r.get(key, tuple, default=()) if key in r.data else ()
    for sid in ids:
        if sid not in known:
            near = difflib.get_close_matches(sid, sorted(known), n=1)
            hint = f" (did you mean '{near[0]}'?)" if near else "; add the person to people.yaml first"
            r.error(path, f"{r.what}: speaker '{sid}' is not an id in people.yaml{hint}")
    return tuple(dict.fromkeys(ids))


def _number_field(r: _Record, path: tuple, key: str, data: dict) -> float | None:
    v = data.get(key)
    if v is None:
        return None
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        r.error(path + (key,), f"{r.what}: figure '{key}' must be a number, not {v!r}")
        return None
    return float(v)


def _figure_fixes(r: _Record, path: tuple) -> tuple[FigureFix, ...]:
    value = r.data.get("figure")
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    out = []
    for i, item in enumerate(items):
        p = path + ("figure",) + ((i,) if isinstance(value, list) else ())
        if not isinstance(item, dict):
            r.error(p, f"{r.what}: 'figure' must be a mapping (text, value, low, high, unit, counts, measure) or a list of them")
            continue
        for key in item:
            if key not in FIGURE_FIELDS:
                r.error(p + (key,), f"{r.what}: unknown figure field '{key}'; known fields: {', '.join(FIGURE_FIELDS)}", "warning")
        words = {k: (str(item[k]).strip() if item.get(k) is not None else None) for k in ("text", "unit", "counts", "measure")}
        fix = FigureFix(text=words["text"], value=_number_field(r, p, "value", item), low=_number_field(r, p, "low", item),
                        high=_number_field(r, p, "high", item), unit=words["unit"], counts=words["counts"],
                        measure=words["measure"])
        if fix == FigureFix(text=fix.text):
            r.error(p, f"{r.what}: 'figure' changes nothing: give value, low, high, unit, counts or measure")
            continue
        out.append(fix)
    if isinstance(value, list) and len(out) > 1 and any(f.text is None for f in out):
        r.error(path + ("figure",), f"{r.what}: with several figures, name each by its 'text' as written")
    return tuple(out)


def _split_parts(r: _Record, path: tuple, known: set[str]) -> tuple[SplitPart, ...]:
    value = r.data.get("split")
    if value is None:
        return ()
    if not isinstance(value, list) or len(value) < 2:
        r.error(path + ("split",), f"{r.what}: 'split' must list the claim's parts, at least two")
        return ()
    parts = []
    for i, _ in enumerate(value):
        p = path + ("split", i)
        part = _Record(r.doc, p, r.problems, f"{r.what}, part #{i + 1}")
        if not part.ok:
            r.ok = False
            continue
        part.only(("text", "speaker", "said_on"))
        text = part.get("text", required=True)
        speaker = _speakers(part, "speaker", p + ("speaker",), known)
        said_on = part.get("said_on", dt.date)
        if not part.ok:
            r.ok = False
            continue
        parts.append(SplitPart(text=text, speaker=speaker, said_on=said_on))
    return tuple(parts)


# --- reading the folder (the only I/O here) ----------------------------------------


def inside(path: Path, folder: Path) -> bool:
    """Whether path, with every link followed, still lies inside folder."""
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return False
    return folder.resolve() in real.parents


def _escapes(path: Path, folder: Path, shown: str) -> Problem | None:
    """Why a content file may not be read (a link out of content/, or a dangling one), or None."""
    if inside(path, folder):
        return None
    if path.is_symlink() and not path.exists():
        return Problem(shown, "broken symbolic link (its target does not exist); remove it or restore the file")
    return Problem(shown, f"link points outside {folder.as_posix()}/; not read: copy the file in instead")


def _read(path: Path, shown: str) -> tuple[Located | None, list[Problem]]:
    from newsgen.safefile import Unreadable, read_bytes
    from newsgen.yamlfile import MAX_BYTES

    try:
        # parse() refuses more than MAX_BYTES characters; a UTF-8 character is at most 4 bytes.
        text = read_bytes(path, 4 * MAX_BYTES).decode("utf-8-sig")
    except UnicodeDecodeError as e:
        return None, [Problem(shown, f"not UTF-8 text (byte {e.start}); save it as UTF-8")]
    except Unreadable as e:
        return None, [Problem(shown, str(e))]
    doc, problems = parse(text, shown)
    return doc, list(problems)


def load_config(content_dir: Path) -> tuple[Config, tuple[Problem, ...]]:
    """Read content/; a missing folder or file gives defaults, never a crash."""
    problems: list[Problem] = []
    content_dir = Path(content_dir)

    def shown(p: Path) -> str:
        return p.as_posix()

    if not content_dir.is_dir():
        return Config(), (Problem(shown(content_dir), "content folder not found; using defaults", None, "warning"),)

    def read(f: Path) -> tuple[Located | None, list[Problem]]:
        escape = _escapes(f, content_dir, shown(f))
        return (None, [escape]) if escape else _read(f, shown(f))

    site, story = SiteConfig(), TrackedStory()
    site_doc: Located | None = None
    people: tuple[Person, ...] = ()
    outlets: tuple[Outlet, ...] = ()
    f = content_dir / "site.yaml"
    if f.exists() or f.is_symlink():
        doc, probs = read(f)
        problems += probs
        if doc:
            site_doc = doc
            site, story, probs = parse_site(doc)
            problems += probs
    else:
        problems.append(Problem(shown(f), "missing; the site uses default settings", None, "warning"))
    for name, parser in (("people.yaml", parse_people), ("outlets.yaml", parse_outlets)):
        f = content_dir / name
        if not f.exists() and not f.is_symlink():
            continue
        doc, probs = read(f)
        problems += probs
        if doc:
            values, probs = parser(doc)
            problems += probs
            if name == "people.yaml":
                people = values  # type: ignore[assignment]
            else:
                outlets = values  # type: ignore[assignment]

    problems += question_party_problems(story, people, site_doc)

    seeds: list[SeedMeta] = []
    meta_dir = content_dir / "seeds"
    if meta_dir.is_dir():
        for f in sorted(meta_dir.iterdir()):
            if f.suffix not in (".yaml", ".yml") or (f.is_dir() and not f.is_symlink()):
                continue
            doc, probs = read(f)
            problems += probs
            if doc:
                meta, probs = parse_seed_meta(doc, f.stem)
                problems += probs
                if meta:
                    first = next((m for m in seeds if m.seed == meta.seed), None)
                    if first is not None:
                        problems.append(Problem(meta.source, f"a second metadata file for seed '{meta.seed}' "
                                                f"(the first is {first.source}); not used: merge them into one", meta.line))
                        continue
                    seeds.append(meta)

    pages: list[PageSource] = []
    page_dir = content_dir / "pages"
    if page_dir.is_dir():
        for f in sorted(page_dir.glob("*.md")):
            escape = _escapes(f, content_dir, shown(f))
            if escape:
                problems.append(escape)
                continue
            if not f.is_file():
                continue
            slug = urls.slug(f.stem)
            twin = next((p for p in pages if p.slug == slug), None)
            if twin is not None:
                problems.append(Problem(shown(f), f"would be published at the same address as {twin.file} ({slug}.html); rename one of them"))
                continue
            from newsgen.safefile import MAX_ARTICLE_BYTES, Unreadable, read_bytes

            try:
                text = read_bytes(f, MAX_ARTICLE_BYTES).decode("utf-8")
            except (Unreadable, UnicodeDecodeError) as e:
                problems.append(Problem(shown(f), f"cannot read page: {e}"))
                continue
            from newsgen.load.nesting import too_deep  # here: importing newsgen.load loads every reader

            deep = too_deep(text, markdown=True)  # Python-Markdown would take minutes on it
            if deep:
                problems.append(Problem(shown(f), deep))
                continue
            pages.append(PageSource(slug, shown(f), text))

    corrections: tuple[Correction, ...] = ()
    f = content_dir / "corrections.yaml"
    if f.exists() or f.is_symlink():
        doc, probs = read(f)
        problems += probs
        if doc:
            corrections, probs = parse_corrections(doc, people)
            problems += probs

    config = Config(site, story, outlets, people, tuple(seeds), tuple(pages), corrections)
    return config, tuple(problems)

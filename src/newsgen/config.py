"""Reads content/ into one frozen, validated Config.

content/
  site.yaml          site (title, description, language, base_path, url) and the
                     story tracked (title, summary, topics, series)
  outlets.yaml       outlets: name, aliases, homepage, country, kind
  people.yaml        people: speakers (persons and organisations)
  seeds/<stem>.yaml  per-seed metadata the text lacks: outlet, credit, url,
                     published, title, byline
  pages/*.md         about / method pages

Every problem names the file and line. Unknown fields are warnings (with a
suggestion); wrong types and missing required fields are errors, and the record
that has them is left out while the rest of the file is kept.
"""
from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from newsgen import urls
from newsgen.model import Outlet, Person, Problem, SeriesDef, Topic
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

    def seed_meta(self, stem: str) -> SeedMeta | None:
        return next((m for m in self.seeds if m.seed == stem), None)

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
            if isinstance(value, dt.datetime):
                return value.date()
            if isinstance(value, dt.date):
                return value
            try:
                return dt.date.fromisoformat(str(value).strip())
            except ValueError:
                self.error(p, f"{self.what}: '{key}' must be a date written YYYY-MM-DD, not {value!r}")
                return default
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
            url=r.get("url"),
        )
    story = TrackedStory()
    if "story" in top.data:
        r = _Record(doc, ("story",), problems, "story")
        r.only(("title", "summary", "topics", "series"))
        topics, series = [], []
        for i, _ in enumerate(r.data.get("topics") or []):
            t = _Record(doc, ("story", "topics", i), problems, f"topic #{i + 1}")
            t.only(("id", "label", "keywords"))
            label = t.get("label", required=True)
            tid = t.get("id") or (urls.slug(label) if label else None)
            kw = t.get("keywords", tuple, required=True, default=())
            if t.ok:
                topics.append(Topic(id=tid, label=label, keywords=kw))
        for i, _ in enumerate(r.data.get("series") or []):
            s = _Record(doc, ("story", "series", i), problems, f"series #{i + 1}")
            s.only(("id", "label", "units", "context", "exclude", "subject", "description"))
            label = s.get("label", required=True)
            sid = s.get("id") or (urls.slug(label) if label else None)
            item = SeriesDef(
                id=sid or "",
                label=label or "",
                units=s.get("units", tuple, required=True, default=()),
                context=s.get("context", tuple, default=()),
                exclude=s.get("exclude", tuple, default=()),
                description=s.get("description"),
                subject=s.get("subject", tuple, default=()),
            )
            if s.ok:
                series.append(item)
        story = TrackedStory(
            title=r.get("title", default=""),
            summary=r.get("summary", default=""),
            topics=tuple(topics),
            series=tuple(series),
        )
    return site, story, problems


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
    return (meta if r.ok else None), problems


def _window(r: _Record, path: tuple, value: Any) -> tuple[dt.date, dt.date] | None:
    """[earliest, latest] publication days, when research bounds but cannot fix the day."""
    try:
        a, b = (v if isinstance(v, dt.date) else dt.date.fromisoformat(str(v)) for v in value)
    except (TypeError, ValueError):
        r.error(path, f"{r.what}: 'published_window' must be [YYYY-MM-DD, YYYY-MM-DD], not {value!r}")
        return None
    if a > b:
        r.error(path, f"{r.what}: 'published_window' starts after it ends")
        return None
    return (a, b)


# --- reading the folder (the only I/O here) ----------------------------------------


def _read(path: Path, shown: str) -> tuple[Located | None, list[Problem]]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as e:
        return None, [Problem(shown, f"not UTF-8 text (byte {e.start}); save it as UTF-8")]
    except OSError as e:
        return None, [Problem(shown, f"cannot read: {e.strerror or e}")]
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

    site, story = SiteConfig(), TrackedStory()
    people: tuple[Person, ...] = ()
    outlets: tuple[Outlet, ...] = ()
    f = content_dir / "site.yaml"
    if f.exists():
        doc, probs = _read(f, shown(f))
        problems += probs
        if doc:
            site, story, probs = parse_site(doc)
            problems += probs
    else:
        problems.append(Problem(shown(f), "missing; the site uses default settings", None, "warning"))
    for name, parser in (("people.yaml", parse_people), ("outlets.yaml", parse_outlets)):
        f = content_dir / name
        if not f.exists():
            continue
        doc, probs = _read(f, shown(f))
        problems += probs
        if doc:
            values, probs = parser(doc)
            problems += probs
            if name == "people.yaml":
                people = values  # type: ignore[assignment]
            else:
                outlets = values  # type: ignore[assignment]

    seeds: list[SeedMeta] = []
    meta_dir = content_dir / "seeds"
    if meta_dir.is_dir():
        for f in sorted(meta_dir.iterdir()):
            if f.suffix not in (".yaml", ".yml") or not f.is_file():
                continue
            doc, probs = _read(f, shown(f))
            problems += probs
            if doc:
                meta, probs = parse_seed_meta(doc, f.stem)
                problems += probs
                if meta:
                    seeds.append(meta)

    pages: list[PageSource] = []
    page_dir = content_dir / "pages"
    if page_dir.is_dir():
        for f in sorted(page_dir.glob("*.md")):
            try:
                pages.append(PageSource(urls.slug(f.stem), shown(f), f.read_text(encoding="utf-8")))
            except (OSError, UnicodeDecodeError) as e:
                problems.append(Problem(shown(f), f"cannot read page: {e}"))

    config = Config(site, story, outlets, people, tuple(seeds), tuple(pages))
    return config, tuple(problems)

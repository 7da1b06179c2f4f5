"""One build: seeds + content → site, with every problem collected, never raised.

Reading happens in `collect` (seeds and content), writing in `write_site`; the
steps between are pure. A problem with one input skips that input only; under
`strict` any problem stops the build before anything is written.
"""
from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Sequence

from newsgen.config import Config, SeedMeta, load_config, normalise_base_path
from newsgen.export import export_data
from newsgen.model import Claim, Problem, Speaker, Story, Timeline
from newsgen.timeline import assemble
from newsgen.write import WriteReport, write_site

SEED_SUFFIXES = (".txt", ".html", ".htm", ".md", ".markdown")


class BuildFailed(Exception):
    def __init__(self, problems: Sequence[Problem], reason: str):
        super().__init__(reason)
        self.problems = tuple(problems)


@dataclass(frozen=True)
class SeedResult:
    """What one seed yields; the unit the incremental cache stores."""

    story: Story | None
    claims: tuple[Claim, ...]
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class Summary:
    """What a build reports, kept in the manifest so an unchanged rebuild can repeat it."""

    stories: int
    claims: int
    speakers: int
    problems: tuple[Problem, ...]
    unknown_speakers: tuple[Speaker, ...]
    seed_keys: frozenset[str] = frozenset()  # the seed cache entries the build used


@dataclass(frozen=True)
class BuildResult:
    config: Config
    summary: Summary
    report: WriteReport | None
    # The timeline itself, or how to get it: an unchanged rebuild does not assemble
    # one unless a caller asks (the command line only prints the counts).
    _timeline: Timeline | Callable[[], Timeline] = field(repr=False, compare=False)

    @property
    def timeline(self) -> Timeline:
        if callable(self._timeline):
            object.__setattr__(self, "_timeline", self._timeline())
        return self._timeline  # type: ignore[return-value]

    @property
    def problems(self) -> tuple[Problem, ...]:
        return self.summary.problems

    @property
    def unknown_speakers(self) -> tuple[Speaker, ...]:
        return self.summary.unknown_speakers


def default_templates() -> Path:
    local = Path("templates")
    if local.is_dir():
        return local
    return Path(__file__).resolve().parents[2] / "templates"


def list_seeds(seeds_dir: Path) -> tuple[list[Path], list[Problem]]:
    """Seed files directly in seeds_dir; links that lead outside it are refused."""
    problems: list[Problem] = []
    seeds_dir = Path(seeds_dir)
    if not seeds_dir.is_dir():
        return [], [Problem(seeds_dir.as_posix(), "seeds folder not found")]
    root = seeds_dir.resolve()
    found = []
    for p in sorted(seeds_dir.iterdir(), key=lambda p: p.name):
        if p.name.startswith(".") or p.is_dir():
            continue
        if p.suffix.lower() not in SEED_SUFFIXES:
            problems.append(Problem(p.as_posix(), f"not a seed format ({', '.join(SEED_SUFFIXES)}); skipped", None, "warning"))
            continue
        if root not in p.resolve().parents:
            problems.append(Problem(p.as_posix(), "link points outside the seeds folder; skipped"))
            continue
        found.append(p)
    return found, problems


def apply_metadata(story: Story, meta: SeedMeta | None, config: Config) -> Story:
    """content/ overrides what the text says; published_basis records the winner."""
    if meta is not None:
        changes = {k: getattr(meta, k) for k in ("outlet", "credit", "url", "title", "byline") if getattr(meta, k)}
        if meta.published:
            changes.update(published=meta.published, published_basis="content", published_window=None)
        elif meta.published_window:
            changes.update(published_window=meta.published_window)
        story = replace(story, **changes)
    outlet = config.outlet_named(story.outlet)
    if outlet is not None:
        story = replace(story, outlet=outlet.name)
    return story


def process_seed(path: Path, config: Config) -> SeedResult:
    """Load one seed, apply its metadata and extract its claims."""
    from newsgen.extract import extract_claims
    from newsgen.load import load_story

    story, problems = load_story(path, path.as_posix())
    if story is None:
        return SeedResult(None, (), tuple(problems))
    story = apply_metadata(story, config.seed_meta(story.id), config)
    claims = extract_claims(story, config.people, config.story.topics)
    return SeedResult(story, tuple(claims), tuple(problems))


# Fewer seeds than this to process are not worth starting worker processes for.
PARALLEL_MIN = 16


def default_jobs() -> int:
    """Worker processes for extraction: NEWSGEN_JOBS, else the CPUs this process may use."""
    env = os.environ.get("NEWSGEN_JOBS", "")
    if env.isdigit() and int(env) > 0:
        return int(env)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def run_seeds(paths: Sequence[Path], config: Config, process: Callable[[Path, Config], SeedResult],
              jobs: int | None = None) -> list[SeedResult]:
    """process over every path, results in the order of paths whatever the scheduling.

    Only the real process_seed goes to worker processes (a stand-in may not survive
    pickling). Workers are forked, which is quick, unless this process runs threads
    (the preview server): forking those can deadlock, so a fork server starts them.
    """
    jobs = default_jobs() if jobs is None else jobs
    if process is not process_seed or jobs < 2 or len(paths) < PARALLEL_MIN:
        return [process(p, config) for p in paths]
    try:
        context = multiprocessing.get_context("fork" if threading.active_count() == 1 else "forkserver")
    except ValueError:  # neither on this platform
        return [process(p, config) for p in paths]
    workers = min(jobs, len(paths) // (PARALLEL_MIN // 2))
    chunk = max(1, len(paths) // (workers * 8))  # small enough to even out slow articles
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        return list(pool.map(process, paths, [config] * len(paths), chunksize=chunk))


def collect(
    seeds_dir: Path,
    content_dir: Path,
    process: Callable[[Path, Config], SeedResult] = process_seed,
    jobs: int | None = None,
) -> tuple[Config, list[SeedResult], list[Problem]]:
    config, problems = load_config(content_dir)
    problems = list(problems)
    paths, probs = list_seeds(seeds_dir)
    problems += probs
    many = getattr(process, "map_seeds", None)  # the seed cache: only its misses are processed
    if many is not None:
        results = many(paths, config, lambda todo, cfg: run_seeds(todo, cfg, process.process, jobs))
    else:
        results = run_seeds(paths, config, process, jobs)
    for r in results:
        problems += r.problems
    stems = {p.stem for p in paths}
    for meta in config.seeds:
        if meta.seed not in stems:
            problems.append(Problem(meta.source, f"metadata for seed '{meta.seed}', which is not in {Path(seeds_dir).as_posix()}/", meta.line))
    for r in results:
        s = r.story
        if s is not None and s.published is None and s.published_window is None:
            problems.append(Problem(f"{Path(seeds_dir).as_posix()}/{s.seed}", f"no publication date: add 'published:' in {Path(content_dir).as_posix()}/seeds/{s.id}.yaml", None, "warning"))
    return config, results, problems


def make_timeline(config: Config, results: Sequence[SeedResult]) -> Timeline:
    stories = [r.story for r in results if r.story is not None]
    claims = [c for r in results for c in r.claims]
    return assemble(stories, claims, config.story.series)


def unknown_speakers(timeline: Timeline) -> tuple[Speaker, ...]:
    return tuple(s for s in timeline.speakers if not s.known)


def build(
    seeds_dir: Path = Path("seeds"),
    content_dir: Path = Path("content"),
    out_dir: Path = Path("site"),
    templates_dir: Path | None = None,
    strict: bool = False,
    process: Callable[[Path, Config], SeedResult] = process_seed,
    base_path: str | None = None,
    site_url: str | None = None,
    jobs: int | None = None,
) -> BuildResult:
    """jobs: worker processes for extraction (default: default_jobs())."""
    from newsgen import manifest

    templates = Path(templates_dir or default_templates())
    # Only with the seed cache: --no-cache promises that everything is done again.
    cache_dir = getattr(process, "cache_dir", None)
    record_to = manifest.manifest_file(cache_dir, out_dir) if cache_dir is not None else None
    options = _options(seeds_dir, content_dir, templates, out_dir, strict, base_path, site_url)
    roots = ((Path(seeds_dir), False), (Path(content_dir), True), (templates, True))
    started = manifest.now_ns()
    stages = Stages()
    previous = None
    if record_to is not None:
        previous = manifest.load(record_to)
        if manifest.unchanged(previous, options, roots, Path(out_dir)):
            result = _unchanged(previous, process, seeds_dir, content_dir, strict, base_path, site_url)
            stages.done("manifest (nothing changed)")
            stages.report()
            return result
        stages.done("manifest")
        manifest.forget(record_to)  # the site is about to change: the old record no longer holds
    pages = _Pages(cache_dir, Path(out_dir), previous)
    result = _build(seeds_dir, content_dir, out_dir, templates, strict, process, base_path, site_url, jobs, pages,
                    stages)
    if record_to is not None:
        summary = replace(result.summary, seed_keys=frozenset(getattr(process, "used", ())))
        manifest.record(record_to, options, roots, Path(out_dir), summary, started)
        stages.done("cache (manifest)")
    stages.report()
    return result


def _chain(*parts):
    for part in parts:
        yield from part


class Stages:
    """Seconds per stage, printed to stderr when NEWSGEN_TIMINGS is set (for tests/bench.py).

    Rendering and writing interleave (pages stream to the writer), so the time
    spent producing pages is counted as "render" and the rest of the write as "write".
    """

    def __init__(self) -> None:
        self.on = bool(os.environ.get("NEWSGEN_TIMINGS"))
        self.seconds: dict[str, float] = {}
        self._last = time.perf_counter()

    def done(self, stage: str) -> None:
        now = time.perf_counter()
        self.seconds[stage] = self.seconds.get(stage, 0.0) + now - self._last
        self._last = now

    def timed(self, stage: str, items):
        """Yield from items, counting the time spent making them as `stage`."""
        it = iter(items)
        while True:
            start = time.perf_counter()
            try:
                item = next(it)
            except StopIteration:
                self.seconds[stage] = self.seconds.get(stage, 0.0) + time.perf_counter() - start
                return
            self.seconds[stage] = self.seconds.get(stage, 0.0) + time.perf_counter() - start
            yield item

    def report(self) -> None:
        if self.on:
            print("timings: " + ", ".join(f"{k} {v:.3f}s" for k, v in self.seconds.items()), file=sys.stderr)


def _options(seeds_dir, content_dir, templates, out_dir, strict, base_path, site_url) -> tuple:
    from newsgen.cache import code_fingerprint

    folders = tuple(Path(p).resolve().as_posix() for p in (seeds_dir, content_dir, templates, out_dir))
    return (code_fingerprint(), folders, strict, base_path, site_url)


def _unchanged(previous, process, seeds_dir, content_dir, strict, base_path, site_url) -> BuildResult:
    """The result of a build whose inputs and output are exactly as last recorded."""
    summary: Summary = previous.summary
    if strict and summary.problems:  # cannot happen after a strict build, which wrote nothing
        raise BuildFailed(summary.problems, f"{len(summary.problems)} problem(s) and --strict is set; nothing written")
    if hasattr(process, "reuse_all"):
        process.reuse_all(summary.seed_keys)
    config, _ = load_config(content_dir)
    config = _site_options(config, base_path, site_url, [])

    def timeline() -> Timeline:
        again = process.fresh() if hasattr(process, "fresh") else process
        _, results, _ = collect(seeds_dir, content_dir, again)
        return make_timeline(config, results)

    return BuildResult(config, summary, WriteReport(0, len(previous.outputs), 0), timeline)


def _site_options(config: Config, base_path: str | None, site_url: str | None, problems: list[Problem]) -> Config:
    if base_path is not None:  # e.g. GitHub Pages' project path, given by CI
        config = replace(config, site=replace(config.site, base_path=normalise_base_path(base_path)))
    if site_url:  # the published address, so feeds and the sitemap can be absolute
        if not site_url.startswith(("https://", "http://")):
            problems.append(Problem("--site-url", f"{site_url!r} is not an http(s) address; ignored"))
        else:
            config = replace(config, site=replace(config.site, url=site_url.rstrip("/") + "/"))
    return config


class _Pages:
    """What the previous build drew (render.deps), so unchanged pages are kept, not drawn.

    Only with the seed cache, and only when the previous build's manifest vouches
    for the file on disk: a page kept must be byte for byte what it would draw.
    """

    def __init__(self, cache_dir: Path | None, out_dir: Path, previous) -> None:
        from newsgen.render import deps

        self.file = deps.memo_file(cache_dir, out_dir) if cache_dir is not None else None
        self.memo = deps.load(self.file) if previous is not None else None
        deps.forget(self.file)  # rewritten after a successful write; stale if this build fails
        self.record = deps.Memo() if self.file is not None else None
        self.out_dir = out_dir
        self.written = previous.outputs if previous is not None else {}

    def intact(self, path: str) -> bool:
        try:
            st = os.lstat(self.out_dir / path)
        except OSError:
            return False
        return self.written.get(path) == (st.st_size, st.st_mtime_ns, st.st_ino)

    def save(self) -> None:
        from newsgen.render import deps

        if self.record is not None:
            deps.store(self.file, self.record)


def _build(seeds_dir, content_dir, out_dir, templates, strict, process, base_path, site_url, jobs,
           pages: _Pages | None = None, stages: Stages | None = None) -> BuildResult:
    from newsgen.render import render_stream

    stages = stages or Stages()
    config, results, problems = collect(seeds_dir, content_dir, process, jobs)
    stages.done("load+extract (or read cache)")
    config = _site_options(config, base_path, site_url, problems)
    if strict and problems:
        raise BuildFailed(problems, f"{len(problems)} problem(s) and --strict is set; nothing written")
    timeline = make_timeline(config, results)
    stages.done("assemble")
    pages = pages or _Pages(None, Path(out_dir), None)
    stream = render_stream(timeline, config, templates, pages.memo, pages.intact, pages.record)
    report = write_site(stages.timed("render", _chain(stream, export_data(timeline))), Path(out_dir))
    stages.done("write")
    stages.seconds["write"] -= stages.seconds.get("render", 0.0)
    pages.save()
    stages.done("cache (page reads)")
    summary = Summary(len(timeline.stories), len(timeline.claims), len(timeline.speakers),
                      tuple(problems), unknown_speakers(timeline))
    return BuildResult(config, summary, report, timeline)

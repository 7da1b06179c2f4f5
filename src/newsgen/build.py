"""One build: seeds + content → site, with every problem collected, never raised.

The stages, in order (`_build`), with what each reads and what it keeps in the
store (newsgen.store; only with a cache folder, see store_dir):

1. load + extract (`collect`, newsgen.seeds): each seed file with its content/
   metadata → a SeedResult (story, claims, problems); kept per seed ("seed"
   records, keyed by the file's bytes, its metadata and the seed stage's code),
   so only new or changed articles are read and extracted again.
2. link/merge (`merge_stage`): all claims → one timeline (credit, measures, the
   editor's corrections, merging per speaker bucket, ids, series); each bucket's
   merge kept ("merge" records, mergememo), so an article reaches only its
   speakers' buckets.
3. story facts (`story_facts`): which stories copy which, independent reports,
   stances and the tracked questions; the sentence comparisons kept
   ("pairs:sources", pairmemo).
4. pages (render.render_stream): the site's files; what each page read is kept
   ("pages", render.deps), so a page whose inputs are unchanged is not drawn.
5. write (write.write_site): the files into --out, unchanged ones linked, not
   rewritten; what was written is recorded ("manifest"), so a build that finds
   no input and no output changed returns before stage 1.

Reading happens in stage 1, writing in stage 5; the steps between are pure. A
problem with one input skips that input only; under `strict` any problem stops
the build before anything is written.
"""
from __future__ import annotations

import gc
import os
import sys
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

if TYPE_CHECKING:
    from newsgen.config import Config
    from newsgen.model import Problem, Speaker, Story, Timeline
    from newsgen.write import WriteReport

# The stages (config, readers, extractor, assembler, renderer) are imported where
# they are used: a rebuild that finds nothing changed needs none of them, and
# importing them all costs more than such a rebuild.

# The seed stage (listing, reading and extracting one article) lives in newsgen.seeds;
# its names are kept here for callers that import them from the build.
from newsgen.seeds import (MAX_NAME_BYTES, PARALLEL_MIN, SEED_SUFFIXES, SeedResult, apply_metadata,  # noqa: F401
                           default_jobs, list_seeds, process_seed, process_seeds, run_seeds)


class BuildFailed(Exception):
    def __init__(self, problems: Sequence[Problem], reason: str):
        super().__init__(reason)
        self.problems = tuple(problems)


class ContentError(BuildFailed):
    """content/ has errors: building with what is left would publish a degraded site."""


def content_errors(problems: Sequence[Problem], content_dir: Path) -> list[Problem]:
    """Errors in content/ files, the ones that stop a build (metadata for a missing seed is only a warning)."""
    root = Path(content_dir).as_posix().rstrip("/")
    return [p for p in problems if p.severity == "error" and (p.file == root or p.file.startswith(root + "/"))]


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
    # The config and the timeline, or how to get them: an unchanged rebuild reads
    # neither unless a caller asks (the command line only prints the counts).
    _config: Config | Callable[[], Config] = field(repr=False, compare=False)
    summary: Summary
    report: WriteReport | None
    _timeline: Timeline | Callable[[], Timeline] = field(repr=False, compare=False)

    @property
    def config(self) -> Config:
        if callable(self._config):
            object.__setattr__(self, "_config", self._config())
        return self._config  # type: ignore[return-value]

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


def template_problems(templates: Path) -> tuple[Problem, ...]:
    """Files of templates/ a build must not read: a link out of the folder would
    publish what it points to (templates/static/ is copied into the site whole)."""
    from newsgen.model import Problem
    from newsgen.safefile import refused_in

    return tuple(Problem(p.as_posix(), f"{why}; not read: copy the file in instead")
                 for p, why in refused_in(templates, f"{Path(templates).as_posix()}/"))


def collect(
    seeds_dir: Path,
    content_dir: Path,
    process: Callable[[Path, Config], SeedResult] = process_seed,
    jobs: int | None = None,
) -> tuple[Config, list[SeedResult], list[Problem]]:
    from newsgen.config import load_config
    from newsgen.model import Problem

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
    results, probs = _without_copies(results, Path(seeds_dir), config, store_dir(process))
    problems += probs
    from newsgen.check import duplicate_url_problems

    problems += duplicate_url_problems(config)  # in collect, so build fails where check does
    from newsgen.corrections import problems as correction_problems

    problems += correction_problems(config.corrections, [c for r in results for c in r.claims])
    stems = {p.stem for p in paths}
    for meta in config.seeds:
        if meta.seed not in stems:
            problems.append(Problem(meta.source, f"metadata for seed '{meta.seed}', which is not in {Path(seeds_dir).as_posix()}/", meta.line, "warning"))
    for r in results:
        s = r.story
        if s is not None and s.published is None and s.published_window is None:
            problems.append(Problem(f"{Path(seeds_dir).as_posix()}/{s.seed}", f"no publication date: add 'published:' in {Path(content_dir).as_posix()}/seeds/{s.id}.yaml", None, "warning"))
    return config, results, problems


def _without_copies(results: list[SeedResult], seeds_dir: Path, config: Config, cache_dir: Path | None = None,
                    ) -> tuple[list[SeedResult], list[Problem]]:
    """Drop a seed that copies another from the same outlet: `check` calls it an
    error, so the build must not publish it either (a syndicated copy from
    another outlet is only a warning and stays). With a cache folder, the
    comparisons of the last build are kept there and reused (pairmemo)."""
    import hashlib

    from newsgen import pairmemo
    from newsgen.check import Duplicates, duplicate_problems, near_duplicates
    from newsgen.model import Problem
    from newsgen.safefile import MAX_ARTICLE_BYTES, Unreadable, read_bytes

    def declared(s: Story) -> str:
        meta = config.seed_meta(s.id)
        return (meta.outlet or "").casefold() if meta else ""

    stories = [r.story for r in results if r.story is not None]
    found: list[Problem] = []
    first: dict[bytes, Story] = {}
    for s in stories:
        # The same file byte for byte is a copy, whatever outlet its text names,
        # unless content/ declares both, as two different outlets (a wire story).
        shown = f"{seeds_dir.as_posix()}/{s.seed}"
        try:
            digest = hashlib.sha256(read_bytes(seeds_dir / s.seed, MAX_ARTICLE_BYTES)).digest()
        except Unreadable:
            continue
        twin = first.setdefault(digest, s)
        if twin is not s and not (declared(twin) and declared(s) and declared(twin) != declared(s)):
            found.append(Problem(shown, f"same article as {seeds_dir.as_posix()}/{twin.seed} (the same file, byte for byte): remove one of them"))
    copies = {p.file for p in found}
    distinct = [s for s in stories if f"{seeds_dir.as_posix()}/{s.seed}" not in copies]
    memo = pairmemo.file(cache_dir, "duplicates")
    near = near_duplicates(distinct, pairmemo.load(memo, Duplicates))
    pairmemo.store(memo, near)
    found += duplicate_problems(distinct, seeds_dir.as_posix(), found=near)
    copies = {p.file for p in found if p.severity == "error"}
    kept = [SeedResult(None, (), r.problems) if r.story is not None and f"{seeds_dir.as_posix()}/{r.story.seed}" in copies else r
            for r in results]
    return kept, [replace(p, message=p.message + "; skipped") if p.severity == "error" else p for p in found]


def store_dir(process: Callable[[Path, Config], SeedResult]) -> Path | None:
    """The folder of the store this build reads and fills: the seed cache's
    (cache.CachedProcess). Without it (--no-cache) a build keeps nothing and reuses
    nothing, as it promises to do everything again."""
    return getattr(process, "cache_dir", None)


def make_timeline(config: Config, results: Sequence[SeedResult], cache_dir: Path | None = None) -> Timeline:
    """Stages 2 and 3: the seed results → the timeline the pages show."""
    return story_facts(merge_stage(config, results, cache_dir), config, cache_dir)


def merge_stage(config: Config, results: Sequence[SeedResult], cache_dir: Path | None = None) -> Timeline:
    """Stage 2: every seed's claims, credited and measured, corrected by the editor,
    merged across stories (per speaker bucket, mergememo), with ids and series."""
    from newsgen import mergememo
    from newsgen.corrections import apply
    from newsgen.credit import credited
    from newsgen.measures import with_measures
    from newsgen.timeline import assemble

    stories = [r.story for r in results if r.story is not None]
    claims = credited((c for r in results for c in r.claims), config.people)
    claims = with_measures(claims, config.story.measures, config.story.series)
    # The editor's word comes last, over what the machine read and settled.
    claims, dropped = apply(stories, list(claims), config.corrections, config.people)
    timeline = assemble(stories, claims, config.story.series, config.story.measures, mergememo.at(cache_dir))
    return replace(timeline, dropped=dropped)


def story_facts(timeline: Timeline, config: Config, cache_dir: Path | None = None) -> Timeline:
    """Stage 3: which stories are one source, each claim's stance and independent
    reports, and the status track of each question the editor tracks. With a cache
    folder, the sentence comparisons of the last build are kept there and reused (pairmemo)."""
    from newsgen import pairmemo
    from newsgen.questions import tracks, with_stances
    from newsgen.sources import Copies, copy_pairs, derive, with_independence

    memo = pairmemo.file(cache_dir, "sources")
    copies, found = copy_pairs(timeline.stories, pairmemo.load(memo, Copies))
    pairmemo.store(memo, found)
    origins = derive(timeline.stories, config.outlets, copies)
    claims = with_independence(timeline.claims, origins, timeline.stories, config.outlets)
    claims = with_stances(claims, config.story.questions, config.people)
    return replace(timeline, claims=claims, origins=origins,
                   questions=tracks(config.story.questions, claims, config.people))


what_we_know = story_facts  # its earlier name


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
    from newsgen import manifest, outdir

    templates = Path(templates_dir or default_templates())
    # Before any work: a wrong --out would otherwise be found only after it.
    outdir.guard(Path(out_dir), (("seeds", Path(seeds_dir)), ("content", Path(content_dir)), ("templates", templates)))
    cache_dir = store_dir(process)
    record_to = manifest.manifest_file(cache_dir, out_dir) if cache_dir is not None else None
    options = _options(seeds_dir, content_dir, templates, out_dir, strict, base_path, site_url)
    roots = ((Path(seeds_dir), False), (Path(content_dir), True), (templates, True))
    started = manifest.now_ns()
    stages = Stages()
    previous = None
    if record_to is not None:
        previous = manifest.load(record_to)
        now = manifest.still(previous, options, roots, Path(out_dir))
        if now is not None:
            if now is not previous:
                manifest.store(record_to, now)
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
        manifest.record(record_to, options, roots, Path(out_dir), summary, started, previous)
        stages.done("cache (manifest)")
    stages.report()
    return result


def _chain(*parts):
    for part in parts:
        yield from part


def _data_files(timeline: Timeline, config: Config):
    """data/*.json, each made as the writer takes it, before the pages: the largest
    files, written and let go before the render workers start (they start with this
    process's memory). Made before the write began, they stayed through all of it."""
    from newsgen.export import differences_data, export_data, export_questions, figures_data

    yield from export_data(timeline)
    yield from export_questions(timeline)
    yield figures_data(timeline, config.story.series)
    yield differences_data(timeline, config)


class Stages:
    """Seconds per stage, printed to stderr when NEWSGEN_TIMINGS is set (for tests/bench.py).

    Rendering and writing interleave (pages stream to the writer), so the time
    spent producing pages is counted as "render" and the rest of the write as "write".
    """

    def __init__(self) -> None:
        self.on = bool(os.environ.get("NEWSGEN_TIMINGS"))
        self.seconds: dict[str, float] = {}
        self.memory: dict[str, int] = {}  # the process's resident MB at the end of each stage
        self._last = time.perf_counter()

    def done(self, stage: str) -> None:
        now = time.perf_counter()
        self.seconds[stage] = self.seconds.get(stage, 0.0) + now - self._last
        self._last = now
        if self.on:
            self.memory[stage] = _resident_mb()

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
            print("resident: " + ", ".join(f"{k} {v} MB" for k, v in self.memory.items()), file=sys.stderr)


def _resident_mb() -> int:
    """This process's resident memory now, in MB (0 where /proc is not there)."""
    try:
        with open("/proc/self/statm", "rb") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // (1 << 20)
    except (OSError, ValueError, IndexError):
        return 0


def _options(seeds_dir, content_dir, templates, out_dir, strict, base_path, site_url) -> tuple:
    from newsgen.cache import code_fingerprint

    # realpath, not resolve(): a loop of links is reported by the stage that reads the folder.
    folders = tuple(Path(os.path.realpath(p)).as_posix() for p in (seeds_dir, content_dir, templates, out_dir))
    return (code_fingerprint(), folders, strict, base_path, site_url)


def _unchanged(previous, process, seeds_dir, content_dir, strict, base_path, site_url) -> BuildResult:
    """The result of a build whose inputs and output are exactly as last recorded."""
    summary: Summary = previous.summary
    if strict and summary.problems:  # cannot happen after a strict build, which wrote nothing
        raise BuildFailed(summary.problems, f"{len(summary.problems)} problem(s) and --strict is set; nothing written")
    if hasattr(process, "reuse_all"):
        process.reuse_all(summary.seed_keys)

    def config() -> Config:
        from newsgen.config import load_config

        return _site_options(load_config(content_dir)[0], base_path, site_url, [])

    def timeline() -> Timeline:
        again = process.fresh() if hasattr(process, "fresh") else process
        _, results, _ = collect(seeds_dir, content_dir, again)
        return make_timeline(result.config, results, store_dir(again))

    from newsgen.outdir import MARKER
    from newsgen.write import WriteReport

    # The report counts the site's files, not newsgen's ownership marker (as write_site does).
    kept = sum(1 for path in previous.outputs if path != MARKER)
    result = BuildResult(config, summary, WriteReport(0, kept, 0), timeline)
    return result


def _site_options(config: Config, base_path: str | None, site_url: str | None, problems: list[Problem]) -> Config:
    from newsgen.config import normalise_base_path
    from newsgen.model import Problem

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
    from newsgen.write import write_site

    stages = stages or Stages()
    # Stage 1: load + extract (each seed's result from the store when it has it).
    config, results, problems = collect(seeds_dir, content_dir, process, jobs)
    stages.done("load+extract (or read cache)")
    broken = content_errors(problems, content_dir)
    if broken:
        raise ContentError(problems, f"{len(broken)} error(s) in {Path(content_dir).as_posix()}/: fix them; nothing written, the site is as it was")
    if not any(r.story is not None for r in results):
        # A misspelt --seeds or a folder of unreadable files: an empty site would replace a good one.
        raise BuildFailed(problems, f"no readable article in {Path(seeds_dir).as_posix()}/; nothing written, the site is as it was")
    refused = template_problems(templates)
    if refused:
        raise ContentError(tuple(problems) + refused, f"{len(refused)} file(s) in {templates.as_posix()}/ cannot be used: "
                                                      f"fix them; nothing written, the site is as it was")
    config = _site_options(config, base_path, site_url, problems)
    if strict and problems:
        raise BuildFailed(problems, f"{len(problems)} problem(s) and --strict is set; nothing written")
    # Stages 2 and 3: link/merge, then story facts.
    timeline = make_timeline(config, results, store_dir(process))
    # The claims as extracted, before merging (about twice as many), are not shown:
    # let them go before the pages are drawn, the build's largest moment.
    del results
    from newsgen.gcpause import give_back

    give_back()
    stages.done("assemble")
    # Stages 4 and 5: pages, streamed to the writer (and the data files after them).
    pages = pages or _Pages(None, Path(out_dir), None)
    stream = render_stream(timeline, config, templates, pages.memo, pages.intact, pages.record, jobs)
    # The timeline lives to the end of the build: set aside from the cycle collector,
    # which would otherwise walk all of it again at each collection while pages are
    # drawn (forked workers then also leave its memory pages shared).
    gc.freeze()
    try:
        report = write_site(stages.timed("render", _chain(_data_files(timeline, config), stream)), Path(out_dir))
    finally:
        gc.unfreeze()
    stages.done("write")
    stages.seconds["write"] -= stages.seconds.get("render", 0.0)
    pages.save()
    stages.done("cache (page reads)")
    summary = Summary(len(timeline.stories), len(timeline.claims), len(timeline.speakers),
                      tuple(problems), unknown_speakers(timeline))
    return BuildResult(config, summary, report, timeline)

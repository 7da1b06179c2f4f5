"""The seed stage: each article file read, dated, given its content/ metadata and
its claims extracted, one SeedResult per seed.

What a seed yields depends only on its bytes and path, its metadata and the parts
of the config cache.cache_key names, and on this module and the readers and
extractor (cache.seed_stage_version): the store keeps each result under that key,
so editing the stages after this one never extracts anything again.
"""
from __future__ import annotations

import os
import threading
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

if TYPE_CHECKING:
    from newsgen.config import Config, SeedMeta
    from newsgen.model import Claim, Problem, Story

SEED_SUFFIXES = (".txt", ".html", ".htm", ".md", ".markdown")
# Pages are named after the seed ("stories/<slug>.html", "<slug>.json" in the
# cache); most file systems stop at 255 bytes a name.
MAX_NAME_BYTES = 200
@dataclass(frozen=True)
class SeedResult:
    """What one seed yields; the unit the incremental cache stores."""

    story: Story | None
    claims: tuple[Claim, ...]
    problems: tuple[Problem, ...]



def list_seeds(seeds_dir: Path) -> tuple[list[Path], list[Problem]]:
    """Seed files directly in seeds_dir; links that lead outside it are refused."""
    from newsgen.model import Problem

    from newsgen.safefile import kind, link_problem

    problems: list[Problem] = []
    seeds_dir = Path(seeds_dir)
    try:
        entries = sorted(os.scandir(seeds_dir), key=lambda e: e.name)
        root = seeds_dir.resolve(strict=True)
    except (OSError, RuntimeError) as e:
        if isinstance(e, FileNotFoundError):
            return [], [Problem(seeds_dir.as_posix(), "seeds folder not found")]
        from newsgen.safefile import reason

        return [], [Problem(seeds_dir.as_posix(), f"seeds folder cannot be read: {reason(e)}")]
    found = []
    for e in entries:
        if e.name.startswith("."):
            continue
        p = seeds_dir / e.name
        # Only a link can lead elsewhere: resolving every plain file costs a system
        # call per path component, thousands of times.
        if e.is_symlink():
            why = link_problem(p, root, "the seeds folder")
            if why:
                problems.append(Problem(p.as_posix(), why + "; skipped"))
                continue
        if e.is_dir():
            if p.suffix.lower() in SEED_SUFFIXES:
                problems.append(Problem(p.as_posix(), "a folder, not an article file; skipped", None, "warning"))
            continue
        if p.suffix.lower() not in SEED_SUFFIXES:
            problems.append(Problem(p.as_posix(), f"not a seed format ({', '.join(SEED_SUFFIXES)}); skipped", None, "warning"))
            continue
        try:
            # Reading a FIFO waits forever and a device never ends: refused before anything opens them.
            what = kind(e.stat().st_mode)
        except OSError as err:
            what = f"cannot be read ({err.strerror or err})"
        if what is not None:
            problems.append(Problem(p.as_posix(), f"{what}, not an article file; skipped"))
            continue
        found.append(p)
    return _distinct(found, problems)


def _distinct(paths: list[Path], problems: list[Problem]) -> tuple[list[Path], list[Problem]]:
    """Refuse, by name, a seed whose story id or page address another seed already has.

    The id is the file stem and the page address its slug, so `same.txt` and
    `same.md`, or two names in a script the slug drops, would overwrite each
    other's story. The first in name order is kept.
    """
    from newsgen import urls
    from newsgen.model import Problem

    kept: list[Path] = []
    by_id: dict[str, Path] = {}
    by_slug: dict[str, Path] = {}
    for p in paths:
        slug = urls.slug(p.stem)
        twin = by_id.get(p.stem) or by_slug.get(slug)
        if twin is not None:
            same = "id" if twin.stem == p.stem else f"page address (stories/{slug}.html)"
            problems.append(Problem(p.as_posix(), f"has the same story {same} as {twin.as_posix()}; skipped: rename one of them"))
            continue
        if len(p.name.encode("utf-8")) > MAX_NAME_BYTES:
            problems.append(Problem(p.as_posix(), f"file name longer than {MAX_NAME_BYTES} bytes: its pages could not be written; skipped: shorten it"))
            continue
        by_id[p.stem], by_slug[slug] = p, p
        kept.append(p)
    return kept, problems

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
    return process_seeds([path], config)[0]


def process_seeds(paths: Sequence[Path], config: Config) -> list[SeedResult]:
    """process_seed for each path, the stories' texts parsed by the language model
    in batches (extract.claims.extract_many), results in the order of paths."""
    from newsgen.extract.claims import extract_many

    loaded = [_load_seed(p, config) for p in paths]
    stories = [story for story, _ in loaded if story is not None]
    extracted = iter(extract_many(stories, config.people, config.story.topics, config.outlets) if stories else ())
    out = []
    for path, (story, problems) in zip(paths, loaded):
        out.append(SeedResult(None, (), problems) if story is None else _finish(path, story, problems, next(extracted)))
    return out


def _load_seed(path: Path, config: Config) -> tuple[Story | None, tuple[Problem, ...]]:
    from newsgen.config import EARLIEST, LATEST
    from newsgen.load import load_story
    from newsgen.model import Problem

    story, problems = load_story(path, path.as_posix())
    if story is None:
        return None, tuple(problems)
    story = apply_metadata(story, config.seed_meta(story.id), config)
    if story.published is not None and not EARLIEST <= story.published <= LATEST:
        # 0001-01-01 is a typo, and dates counted back from it overflow the calendar.
        problems = tuple(problems) + (Problem(path.as_posix(), f"publication date {story.published.isoformat()} is not between "
                                              f"{EARLIEST.year} and {LATEST.year}; left out", None, "warning"),)
        story = replace(story, published=None, published_basis=None)
    return story, tuple(problems)


def _finish(path: Path, story: Story, problems: tuple[Problem, ...], claims) -> SeedResult:
    from newsgen.model import Problem

    if isinstance(claims, (ArithmeticError, RecursionError, ValueError)):
        # One article the extractor cannot handle (a date at the end of the
        # calendar, a number too long to convert) must not stop the others.
        e = claims
        return SeedResult(None, (), tuple(problems) + (Problem(path.as_posix(), f"could not extract its claims ({type(e).__name__}: {e}); skipped"),))
    if isinstance(claims, Exception):
        raise claims
    claims, dropped = _finite(claims)
    if dropped:
        problems = tuple(problems) + (Problem(path.as_posix(), f"{dropped} number(s) too large to compute with (e.g. hundreds of digits); left out of the figures", None, "warning"),)
    return SeedResult(story, tuple(claims), tuple(problems))


def _finite(claims: Sequence[Claim]) -> tuple[list[Claim], int]:
    """Claims without quantities that overflow to infinity: JSON cannot carry them and no chart can scale to them."""
    import math

    out, dropped = [], 0
    for c in claims:
        keep = tuple(q for q in c.quantities if all(math.isfinite(v) for v in (q.value, q.low, q.high) if v is not None))
        dropped += len(c.quantities) - len(keep)
        out.append(c if len(keep) == len(c.quantities) else replace(c, quantities=keep))
    return out, dropped


# Seeds per extra worker process: fewer than this many go to one worker (or, in the
# preview server, are read in its own process).
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
    pickling). The language model is loaded in the workers, never in this process:
    a rebuild that extracts one changed article then holds 5,000 stored ones, and
    the model's 160 MB would stay with them to the end of the build. Workers are
    forked, which is quick, unless this process runs threads (the preview server):
    forking those can deadlock, so a fork server starts them, and a few articles are
    read here, where the server keeps the model loaded between rebuilds.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    jobs = default_jobs() if jobs is None else jobs
    if process is not process_seed:
        return [process(p, config) for p in paths]
    threads = threading.active_count() > 1
    if jobs < 2 or not paths or (threads and len(paths) < PARALLEL_MIN):
        return process_seeds(paths, config)
    try:
        context = multiprocessing.get_context("forkserver" if threads else "fork")
    except ValueError:  # neither on this platform
        return process_seeds(paths, config)
    # The extractor (spaCy, thinc, numpy: 80 MB) is imported by the workers, not here.
    workers = max(1, min(jobs, len(paths) // (PARALLEL_MIN // 2)))
    chunk = max(1, len(paths) // (workers * 8))  # small enough to even out slow articles
    chunks = [list(paths[i: i + chunk]) for i in range(0, len(paths), chunk)]
    lone = {"initializer": _lone_worker} if workers == 1 else {}
    with ProcessPoolExecutor(workers, mp_context=context, **lone) as pool:
        return [r for part in pool.map(process_seeds, chunks, [config] * len(chunks)) for r in part]


def _lone_worker() -> None:
    # The only worker: a long article's parts may go to the other cores (extract.parts).
    from newsgen.extract import parts

    parts.LONE_WORKER = True

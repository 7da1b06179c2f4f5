"""Incremental builds: each seed's SeedResult, kept between builds.

A seed is processed again only when something its result depends on changes:
the seed's bytes and path, its metadata in content/seeds/, the people, topics
and outlets it is matched against, or the seed stage's code (seed_stage_version). Everything else
(assembling the timeline, rendering) is cheap and always redone; write.py then
leaves files whose bytes did not change untouched.

The cache lives in `.newsgen-cache/` in the project folder (or --cache). It is a pure
speed-up: deleting it is always safe, and an entry that cannot be read (a crash
while writing, another newsgen version, a hand edit) is treated as missing.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Callable

import newsgen
from newsgen import store
from newsgen.gcpause import paused
from newsgen.seeds import SeedResult
from newsgen.store import StoreRefused as CacheRefused
from newsgen.store import usable

if TYPE_CHECKING:
    from newsgen.config import Config

CACHE_DIR_NAME = ".newsgen-cache"
KIND = "seed"  # the store's records of seed results

Process = Callable[[Path, "Config"], SeedResult]


def default_cache_dir(project: Path | None = None) -> Path:
    """`.newsgen-cache/` in the project folder (the working directory), next to
    content/. Never beside --out: a shared parent such as /tmp is anyone's to
    write in, and what is kept there would be read by the next build."""
    return (Path(project) if project is not None else Path.cwd()) / CACHE_DIR_NAME


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of newsgen's own source, so editing the code (without bumping
    the version, as happens during development) never serves stale results.
    The cue words the extractor reads (extract/cues.yaml) are its code too."""
    h = hashlib.sha256(newsgen.__version__.encode())
    root = Path(newsgen.__file__).resolve().parent
    for p in sorted([*root.rglob("*.py"), *root.rglob("*.yaml")]):
        try:
            h.update(p.relative_to(root).as_posix().encode() + b"\0" + p.read_bytes() + b"\0")
        except OSError:
            h.update(b"unreadable\0")
    return h.hexdigest()


def cache_key(path: Path, config: Config) -> str | None:
    """The key of one seed's result, or None when the seed cannot be read
    (then it is processed every time, which reports the problem)."""
    from newsgen.safefile import MAX_ARTICLE_BYTES, Unreadable, read_bytes

    try:
        data = read_bytes(path, MAX_ARTICLE_BYTES)
    except Unreadable:
        return None
    h = _shared_part(config).copy()
    h.update(Path(path).as_posix().encode("utf-8") + b"\0")  # problems name the seed by this path
    h.update(repr(config.seed_meta(Path(path).stem)).encode("utf-8") + b"\0")
    h.update(hashlib.sha256(data).digest())
    return h.hexdigest()


@lru_cache(maxsize=1)
def seed_stage_version() -> str:
    """The code a seed's result comes from: the extractor (with its model, as
    newsgen.extract.version() says) and the reading, dating and metadata code
    around it. Rendering or merging code changing keeps every seed's result."""
    from newsgen.extract import version

    h = hashlib.sha256(newsgen.__version__.encode() + b"\0" + version().encode())
    root = Path(newsgen.__file__).resolve().parent
    parts = sorted((root / "load").glob("*.py")) + [root / n for n in ("model.py", "config.py", "dates.py", "seeds.py",
                                                                        "safefile.py", "yamlfile.py", "urls.py")]
    for p in parts:
        try:
            h.update(p.relative_to(root).as_posix().encode() + b"\0" + p.read_bytes() + b"\0")
        except OSError:
            h.update(b"unreadable\0")
    return h.hexdigest()


_shared: list = [None, None]  # the last config and its digest


def _shared_part(config: Config):
    """What every seed's key shares: the seed stage's code and the people, topics and outlets
    it is matched against. repr() of frozen dataclasses of str/int/date/tuple is
    deterministic and covers every field, so a new field in the model changes the
    key too. Worked out once per config, not once per seed."""
    if _shared[0] is not config:
        h = hashlib.sha256()
        for part in (seed_stage_version(), repr(config.people), repr(config.story.topics), repr(config.outlets)):
            h.update(part.encode("utf-8") + b"\0")
        _shared[:] = [config, h]
    return _shared[1]


class CachedProcess:
    """A `process` for build()/collect() that reuses stored SeedResults.

    Counts how many seeds were reused and processed in its last use, for the
    build summary ("5 seeds: 4 cached, 1 processed").
    """

    def __init__(self, process: Process, cache_dir: Path):
        self.process = process
        self.cache_dir = Path(cache_dir)
        self.store = store.at(self.cache_dir)
        self.reused = 0
        self.processed = 0
        self.used: set[str] = set()
        self._pruned = False

    def reset(self) -> None:
        self.reused = self.processed = 0
        self.used = set()
        self._pruned = False

    def __call__(self, path: Path, config: Config) -> SeedResult:
        key = cache_key(path, config)
        if key is not None:
            self.used.add(key)
            hit = self._load(key)
            if hit is not None:
                self.reused += 1
                return hit
        result = self.process(path, config)
        self.processed += 1
        if key is not None:
            self._store(key, result)
        return result

    def map_seeds(self, paths, config: Config, run) -> list[SeedResult]:
        """Like calling self on every path, but the misses go to `run(paths, config)`
        together, so they can be processed in parallel. Results keep the paths' order."""
        self._pruned = False  # entries may be added: prune looks again
        keys = [cache_key(p, config) for p in paths]
        results: list[SeedResult | None] = [None] * len(paths)
        todo = []
        # Decoded results hold no reference cycle; with the collector running, it
        # walks the growing pile of them again and again (5,000 seeds: a third of the time).
        with paused():
            found = self.store.get_many(KIND, [k for k in keys if k is not None], SeedResult)
        for i, key in enumerate(keys):
            if key is not None:
                self.used.add(key)
                results[i] = found.get(key)
                if results[i] is not None:
                    self.reused += 1
                    continue
            todo.append(i)
        fresh = []
        for i, result in zip(todo, run([paths[i] for i in todo], config)):
            results[i] = result
            self.processed += 1
            if keys[i] is not None:
                fresh.append((keys[i], result))
        self.store.put_many(KIND, fresh)
        return results  # type: ignore[return-value]

    def reuse_all(self, keys) -> None:
        """Account for a build that found nothing changed and so read no entry:
        every seed counts as reused and its entry as used (prune keeps it)."""
        self.used = set(keys)
        self.reused, self.processed = len(self.used), 0
        # The build that recorded these keys pruned the rest, and this one added
        # nothing: listing thousands of entries to find none to remove is skipped.
        self._pruned = True

    def fresh(self) -> "CachedProcess":
        """Another wrapper on the same cache, with its own counts."""
        return CachedProcess(self.process, self.cache_dir)

    def summary(self) -> str:
        n = self.reused + self.processed
        return f"{n} seed{'s' if n != 1 else ''}: {self.reused} cached, {self.processed} processed"

    def prune(self) -> int:
        """Remove entries this run did not use (old versions of seeds); returns how many."""
        if self._pruned:
            return 0
        return self.store.retain(KIND, self.used)

    def _load(self, key: str) -> SeedResult | None:
        return self.store.get(KIND, key, SeedResult)

    def _store(self, key: str, result: SeedResult) -> None:
        self.store.put(KIND, key, result)


def cached(process: Process, cache_dir: Path) -> CachedProcess:
    """Wrap `process` (normally build.process_seed) with the on-disk cache."""
    return CachedProcess(process, cache_dir)

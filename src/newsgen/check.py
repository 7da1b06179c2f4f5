"""`newsgen check`: everything a build would complain about, without writing.

The inputs are read exactly as a build reads them (build.collect), so check and
build never disagree; on top of that come the checks only an editor needs
before publishing: speakers and outlets missing from content/, and the same
article stored twice.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Collection, Sequence

from newsgen import similar
from newsgen.build import SeedResult, collect, process_seed
from newsgen.config import Config
from newsgen.model import Problem, Story

# Two texts whose 5-word shingles overlap this much (Jaccard) are the same
# article: a re-scrape, a second copy, or a wire story run unchanged by two outlets.
SHINGLE_WORDS = 5
DUPLICATE_JACCARD = 0.8
# One text almost wholly inside a longer one: the same article, trimmed.
DUPLICATE_CONTAINMENT = 0.9
MIN_SHINGLES = 20  # shorter texts say too little to call them the same


@dataclass(frozen=True)
class CheckReport:
    problems: tuple[Problem, ...]
    seeds: int = 0

    @property
    def errors(self) -> int:
        return sum(p.severity == "error" for p in self.problems)

    @property
    def warnings(self) -> int:
        return sum(p.severity == "warning" for p in self.problems)

    @property
    def ok(self) -> bool:
        return self.errors == 0

    def summary(self) -> str:
        def n(k: int, what: str) -> str:
            return f"{k} {what}{'' if k == 1 else 's'}"

        return f"checked {n(self.seeds, 'seed')}: {n(self.errors, 'error')}, {n(self.warnings, 'warning')}"


def check(
    seeds_dir: Path = Path("seeds"),
    content_dir: Path = Path("content"),
    process: Callable[[Path, Config], SeedResult] = process_seed,
) -> CheckReport:
    config, results, problems = collect(Path(seeds_dir), Path(content_dir), process)
    shown_seeds = Path(seeds_dir).as_posix()
    shown_content = Path(content_dir).as_posix()
    stories = [r.story for r in results if r.story is not None]
    problems = list(problems)
    problems += unknown_speaker_problems(results, shown_seeds, shown_content)
    problems += unknown_outlet_problems(stories, config, shown_seeds, shown_content)
    # The same article twice (a copied seed, one url in two metadata files) is found
    # by collect, which build shares, so the two agree.
    # Grouped by file (content/ before seeds/), in the order found within a file.
    problems.sort(key=lambda p: (p.file, p.line or 0))
    return CheckReport(_unique(problems), len(results))


def _seed_file(seeds: str, story: Story) -> str:
    return f"{seeds}/{story.seed}"


def unknown_speaker_problems(results: Sequence[SeedResult], seeds: str, content: str) -> list[Problem]:
    """One warning per seed and speaker found in the text but not in people.yaml,
    at the line of the seed file where the claim's sentence (or the name) stands."""
    out = []
    for r in results:
        if r.story is None:
            continue
        seen: set[str] = set()
        lines = _seed_lines(Path(seeds) / r.story.seed)
        for c in r.claims:
            s = c.speaker
            if s is None or s.known or s.name in seen:
                continue
            seen.add(s.name)
            what = f"{s.name} ({s.role})" if s.role else s.name
            sentence = next((rep.sentence for rep in c.reports if rep.story == r.story.id), c.text)
            line = _line_of(lines, sentence) or _line_of(lines, s.name)
            out.append(Problem(_seed_file(seeds, r.story), f"speaker {what} is not in {content}/people.yaml", line, "warning"))
    return out


def _seed_lines(path: Path) -> list[str]:
    from newsgen.safefile import MAX_ARTICLE_BYTES, Unreadable, read_bytes

    try:
        return read_bytes(path, MAX_ARTICLE_BYTES).decode("utf-8", "replace").splitlines()
    except Unreadable:
        return []


def _line_of(lines: Sequence[str], text: str) -> int | None:
    """1-based line of the seed file that holds the start of `text` (words compared, markup ignored)."""
    words = _words(text)[:6]
    if not words:
        return None
    for i, line in enumerate(lines, 1):
        have = _words(line)
        if any(have[j : j + len(words)] == words for j in range(len(have) - len(words) + 1)):
            return i
    return None


def unknown_outlet_problems(stories: Sequence[Story], config: Config, seeds: str, content: str) -> list[Problem]:
    names = [o.name for o in config.outlets] + [a for o in config.outlets for a in o.aliases]
    out = []
    for s in stories:
        if not s.outlet:
            out.append(Problem(_seed_file(seeds, s), f"no outlet: add 'outlet:' in {content}/seeds/{s.id}.yaml", None, "warning"))
            continue
        if config.outlet_named(s.outlet) is not None:
            continue
        near = difflib.get_close_matches(s.outlet, names, n=1, cutoff=0.6)
        hint = f" (did you mean '{near[0]}'?)" if near else ""
        out.append(Problem(_seed_file(seeds, s), f"outlet '{s.outlet}' is not in {content}/outlets.yaml{hint}", None, "warning"))
    return out


# --- the same article twice ---------------------------------------------------------


def _words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.findall(r"\w+", text)


def shingles(paragraphs: Sequence[str], k: int = SHINGLE_WORDS) -> frozenset[int]:
    """Hashes of every run of k words, across paragraph breaks (so re-flowed
    paragraphs still match) but ignoring case, punctuation and quotes."""
    return similar.shingles(_words(" ".join(paragraphs)), k)


def similarity(a: frozenset[int], b: Collection[int]) -> tuple[float, float]:
    """(Jaccard, containment of the smaller in the larger). b may be any collection
    of distinct shingles (a packed array read from the cache need not become a set)."""
    if not a or not b:
        return 0.0, 0.0
    common = len(a.intersection(b))
    return common / (len(a) + len(b) - common), common / min(len(a), len(b))


@dataclass(frozen=True)
class Duplicates:
    """The near-identical stories among some stories, and what the next run needs to
    compare a changed story with them (pairmemo: what was found is kept)."""

    # story id -> (pairmemo.text_digest of its paragraphs, its shingles as packed int64)
    texts: dict[str, tuple[bytes, bytes]]
    # (id, id) in id order -> (Jaccard, containment): one pair for each copy, with the
    # first story of its cluster (similar.clusters), so as many pairs as copies at most
    pairs: dict[tuple[str, str], tuple[float, float]]


# With more changed stories than this, the index over the whole corpus is cheaper
# than comparing each changed one with every story.
INCREMENTAL_MOST = 20

# How stories are grouped: similar.clusters (an index), or the reference that compares
# each story with every cluster's first (tests).
ClusterFinder = Callable[..., list]


def _same_article(jaccard: float, contained: float) -> bool:
    return jaccard >= DUPLICATE_JACCARD or contained >= DUPLICATE_CONTAINMENT


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def near_duplicates(stories: Sequence[Story], previous: Duplicates | None = None,
                    clusters: ClusterFinder = similar.clusters) -> Duplicates:
    """Each story that nearly copies an earlier one, paired with the first story of
    its cluster (ids must be unique: pairs are kept by id). With `previous` (what this
    found for an earlier corpus), unchanged stories' shingles are taken from it; when
    the few changed stories were and stay apart from every other story, the clusters
    are the previous ones, else they are worked out again. Either way the answer is
    the one worked out from scratch."""
    from newsgen import pairmemo

    ids = [s.id for s in stories]
    if len(set(ids)) != len(ids):
        raise ValueError("story ids must be unique")
    digests = [pairmemo.text_digest(s.paragraphs) for s in stories]
    known = previous.texts if previous is not None else {}
    fresh = [i for i, (sid, d) in enumerate(zip(ids, digests)) if known.get(sid, (b"",))[0] != d]
    new_sets = {i: shingles(stories[i].paragraphs) for i in fresh}
    texts = {sid: (digests[i], _pack(new_sets[i])) if i in new_sets else known[sid] for i, sid in enumerate(ids)}
    if previous is not None and len(fresh) <= INCREMENTAL_MOST and _apart(ids, texts, new_sets, previous):
        return Duplicates(texts, dict(previous.pairs))
    sets = [new_sets[i] if i in new_sets else frozenset(_unpack(texts[sid][1])) for i, sid in enumerate(ids)]
    return Duplicates(texts, {_pair(ids[i], ids[j]): sim for i, j, sim in _pairs_found(sets, clusters)})


def _apart(ids: Sequence[str], texts: dict, new_sets: dict[int, frozenset[int]], previous: Duplicates) -> bool:
    """Whether the clusters are the previous ones: no story that changed or went was in
    a cluster, and no changed story matches any other story. (A story that matches
    nothing changes no cluster: no story would join it, nor it any.)"""
    present = set(ids)
    changed = {ids[i] for i in new_sets}
    for a, b in previous.pairs:
        if a in changed or b in changed or a not in present or b not in present:
            return False
    for i, a in new_sets.items():
        if len(a) < MIN_SHINGLES:
            continue
        for j, sid in enumerate(ids):
            if j == i or (j in new_sets and j < i):
                continue  # itself, or two changed stories already compared
            b = new_sets[j] if j in new_sets else _unpack(texts[sid][1])
            if len(b) >= MIN_SHINGLES and _same_article(*similarity(a, b)):
                return False
    return True


def _pairs_found(sets: Sequence[frozenset[int]], clusters: ClusterFinder,
                 ) -> list[tuple[int, int, tuple[float, float]]]:
    """(i, j, similarity): story j nearly copies story i, the first of its cluster, i < j."""
    kept = [sh if len(sh) >= MIN_SHINGLES else frozenset() for sh in sets]  # an empty set joins nothing

    def match(i: int, j: int):
        sim = similarity(kept[i], kept[j])
        return sim if _same_article(*sim) else None

    # Either threshold means sharing at least the lower of the two of the smaller text.
    return sorted(clusters(kept, min(DUPLICATE_JACCARD, DUPLICATE_CONTAINMENT), match))


def _pack(sh: frozenset[int]) -> bytes:
    # Packed, a corpus' shingles are read back from the cache in a few milliseconds.
    return array("q", sh).tobytes()


def _unpack(data: bytes) -> array:
    out = array("q")
    out.frombytes(data)
    return out


def duplicate_problems(stories: Sequence[Story], seeds: str,
                       clusters: ClusterFinder = similar.clusters,
                       found: Duplicates | None = None) -> list[Problem]:
    """Each story that nearly copies an earlier one, with the first story of its
    cluster, the later story's file first, in corpus order. `clusters` groups them (the
    index; tests pass the reference); `found` is near_duplicates(stories) when the
    caller has it."""
    if found is None:
        ordered = [((i, j), sim) for i, j, sim in _pairs_found([shingles(s.paragraphs) for s in stories], clusters)]
    else:
        place = {s.id: i for i, s in enumerate(stories)}
        ordered = sorted((tuple(sorted((place[x], place[y]))), sim) for (x, y), sim in found.pairs.items())
    out = []
    for (i, j), (jaccard, contained) in ordered:
        a, b = stories[i], stories[j]
        if jaccard >= DUPLICATE_JACCARD:
            how = f"{jaccard:.0%} of the text is the same"
        else:
            how = f"{contained:.0%} of the shorter text is in the longer"
        file_a, file_b = _seed_file(seeds, a), _seed_file(seeds, b)
        if a.outlet and b.outlet and a.outlet.casefold() != b.outlet.casefold():
            # A wire story run by two outlets is legitimately two seeds; say so, don't fail.
            out.append(Problem(file_b, f"same article as {file_a} ({how}), from another outlet ({b.outlet} / {a.outlet}): syndicated copy?", None, "warning"))
        else:
            out.append(Problem(file_b, f"same article as {file_a} ({how}): remove one of them", None, "error"))
    return out


def duplicate_url_problems(config: Config) -> list[Problem]:
    first: dict[str, object] = {}
    out = []
    for m in config.seeds:
        if not m.url:
            continue
        key = m.url.strip().split("#", 1)[0].rstrip("/")
        if key in first:
            prev = first[key]
            out.append(Problem(m.source, f"url {m.url} is also given for seed '{prev.seed}' ({prev.source}): the same article twice?", m.line, "error"))  # type: ignore[attr-defined]
        else:
            first[key] = m
    return out


def _unique(problems: Sequence[Problem]) -> tuple[Problem, ...]:
    seen: set[Problem] = set()
    out = []
    for p in problems:
        if p not in seen:
            seen.add(p)
            out.append(p)
    return tuple(out)

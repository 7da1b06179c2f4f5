"""Near-duplicate text: word shingles, and which pairs of shingle sets are worth comparing.

Both near-duplicate detectors (check's whole-article copies, sources' copied
sentences) ask the same question of many shingle sets: which pairs share at least a
given share of the smaller set? Comparing every pair is quadratic, and every build
runs both, so candidates come from an inverted index instead, with an exact filter:

If two sets share at least ``a`` elements, the smaller one, X, has at most
``|X| - a`` elements outside the other, so *any* ``|X| - a + 1`` elements of X
include one of the other's. Each set is therefore looked up by that many of its
elements, the rarest ones in the corpus, so the stock phrases every article on a
story repeats are not looked up at all unless a set has little else. No pair that
could reach the share is missed, which keeps the results those of the all-pairs
comparison (``all_pairs`` is kept for the tests to check exactly that).

A Jaccard threshold ``t`` implies a share of at least ``t`` of the smaller set
(what two sets share is at least ``t`` of their union), so one filter serves both.

One shared element is a weak test when every element is shared by many sets (a
corpus written from a few templates, where even the rarest runs of words recur in
dozens of articles). So each set is looked up by up to ``LOOKUP_EXTRA`` times as
many elements, and a pair needs as many hits as the extra look-ups plus one: of
``m`` look-up elements at most ``|X| - a`` are outside the other set, so at least
``m - (|X| - a)`` of them are in it. The test stays exact and prunes the pairs that
share a paragraph or two, not most of the text.
"""
from __future__ import annotations

import hashlib
import math
from bisect import bisect_left
from collections import Counter
from itertools import chain, combinations
from typing import Callable, Collection, Iterable, Iterator, Sequence

Shingles = frozenset[int]
# Finds the candidate pairs (i < j, ascending) among sets, for a minimum share of the smaller.
# `among`, when given, keeps only the pairs with at least one set in it.
PairFinder = Callable[..., Iterable[tuple[int, int]]]

# Float slack when turning a share into a count of elements, so rounding can only
# lengthen the looked-up part (more candidates), never drop a pair.
_SLACK = 1e-9
# How many times the fewest look-up elements each set is looked up by (see above).
LOOKUP_EXTRA = 1.5


def shingles(words: Sequence[str], k: int) -> Shingles:
    """Hashes of every run of k words (hashed: ints compare and hash faster than
    tuples, whose hash CPython does not cache). The hashes are the same in every
    process, so sets worked out by one build can be compared with the next one's."""
    try:
        ids = list(map(_word_ids.__getitem__, words))
    except KeyError:  # words not seen before in this process
        for w in set(words).difference(_word_ids):
            _word_ids[w] = word_id(w)
        ids = list(map(_word_ids.__getitem__, words))
    return frozenset(map(hash, zip(*(ids[i:] for i in range(k)))))


_word_ids: dict[str, int] = {}  # word_id of every word met so far


def word_id(word: str) -> int:
    """A number for the word, the same in every process: the hash of a str changes with
    each run (PYTHONHASHSEED), while the hash of a tuple of ints does not."""
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8", "surrogatepass"), digest_size=8).digest(),
                          "little", signed=True)


def min_shared(size: int, share: float) -> int:
    """Fewest elements a set of `size` must share with another to reach `share` of it."""
    return max(1, math.ceil(size * share - _SLACK))


def candidate_pairs(sets: Sequence[Shingles], share: float, among: Collection[int] | None = None,
                    groups: Sequence[Collection] | None = None) -> list[tuple[int, int]]:
    """Every pair (i < j) of `sets` that may share at least `share` of the smaller
    set, and as few others as the index can rule out; empty sets never pair.
    With `among`, only the pairs with at least one set in it (the others are not
    looked for, so a few sets are compared with the corpus at the cost of a few).
    With `groups` (each set's owners, e.g. the stories carrying a sentence), only
    pairs that join two different owners: the sentences of one long article, all
    alike, are never compared with one another (that would grow with its square)."""
    # Elements in two sets or more; only these can be looked up with any result.
    seen_in = Counter(chain.from_iterable(sets))
    repeated = {g for g, n in seen_in.items() if n > 1}
    if groups is not None:
        # An element of a pair that joins two owners is carried by both owners: elements
        # only one owner carries cannot help find such a pair, so they are not looked up.
        repeated &= across(sets, groups)
    shared = [s & repeated for s in sets]
    # Each set's look-up elements: its rarest. Elements no other set has come first
    # and need no look-up; when they alone fill the look-up, the set pairs with none
    # as the smaller (most sets of an unrelated corpus stop here). `need` is how many
    # look-ups must include one hit; each look-up beyond those must hit as well.
    lookups: list[list[int]] = []
    hits_needed: list[int] = []
    for s, common in zip(sets, shared):
        need = len(s) - min_shared(len(s), share) + 1 if s else 0
        need -= len(s) - len(common)
        gs = sorted(common, key=seen_in.__getitem__)[:int(need * LOOKUP_EXTRA)] if need > 0 else []
        lookups.append(gs)
        hits_needed.append(len(gs) - need + 1)
    wanted = frozenset(chain.from_iterable(lookups))
    # Sets are numbered by size in the postings, so each look-up reads only the sets at
    # least as large as its own (the smaller set of a pair is the one whose look-up
    # must find the other).
    sizes = [len(s) for s in sets]
    by_size = sorted(range(len(sets)), key=sizes.__getitem__)
    ranked_sizes = [sizes[i] for i in by_size]
    postings: dict[int, list[int]] = {}
    for r, i in enumerate(by_size):
        for g in shared[i] & wanted:
            postings.setdefault(g, []).append(r)
    # With `among`, a set outside it looks for the sets in it only.
    inside = postings
    if among is not None:
        among = frozenset(among)
        inside = {g: [r for r in rs if by_size[r] in among] for g, rs in postings.items()}
    found: set[tuple[int, int]] = set()
    for i, gs in enumerate(lookups):
        index = postings if among is None or i in among else inside
        first = bisect_left(ranked_sizes, sizes[i])
        hits = Counter(chain.from_iterable(rs[bisect_left(rs, first):] for rs in map(index.__getitem__, gs)))
        least = hits_needed[i]
        for r, h in hits.items():
            j = by_size[r]
            if h >= least and j != i and (groups is None or joins(groups[i], groups[j])):
                found.add((i, j) if i < j else (j, i))
    return sorted(found)


def across(sets: Sequence[Shingles], groups: Sequence[Collection]) -> set[int]:
    """Elements carried by sets of two owners or more (a set with two owners: all of its)."""
    first: dict[int, object] = {}
    out: set[int] = set()
    for s, owners in zip(sets, groups):
        if len(owners) != 1:
            out.update(s)
            continue
        (owner,) = owners
        for g in s:
            if first.setdefault(g, owner) != owner:
                out.add(g)
    return out


def joins(a: Collection, b: Collection) -> bool:
    """Whether a pair of sets owned by a and b joins two different owners."""
    return any(x != y for x in a for y in b)


def all_pairs(sets: Sequence[Shingles], share: float, among: Collection[int] | None = None,
              groups: Sequence[Collection] | None = None) -> Iterator[tuple[int, int]]:
    """Every pair: the quadratic reference the index must agree with (lazily, since
    the tests run it on thousands of sentences)."""
    return ((i, j) for i, j in combinations(range(len(sets)), 2) if sets[i] and sets[j]
            and (among is None or i in among or j in among)
            and (groups is None or joins(groups[i], groups[j])))


# --- clusters: each set with the first earlier one it matches ---------------------------
#
# A corpus of near-identical texts (one wire brief run 20,000 times) has a pair for
# every two of them: 200 million, more than memory holds. What an editor needs is each
# copy and the story it copies, so texts are grouped into clusters instead: each set is
# compared with the first set of every cluster so far (its representative) and joins
# the first cluster whose representative it matches, or starts one. What is kept is
# one entry per copy and an index of representatives only: memory grows with the
# corpus, and time with the corpus times the clusters a set may fall in.

# (i, j) -> the pair's similarity when sets i and j are the same text, else None.
Match = Callable[[int, int], object]


def clusters(sets: Sequence[Shingles], share: float, match: Match) -> list[tuple[int, int, object]]:
    """(representative, member, similarity) for every set that joins a cluster, in
    member order; a set is compared only with representatives that may share `share`
    of the smaller set (found with the prefix filter of the module docstring, looked
    up both ways: the smaller set's rarest elements must be in the larger one, as many
    of them as LOOKUP_EXTRA asks for the pairs above)."""
    seen_in = Counter(chain.from_iterable(sets))
    by_rarity = seen_in.__getitem__
    full: dict[int, list[int]] = {}  # element -> representatives holding it (elements in two sets or more)
    rare: dict[int, list[int]] = {}  # element -> representatives holding it among their look-up elements
    least: dict[int, int] = {}  # representative -> hits of its look-up elements a set must hold
    out: list[tuple[int, int, object]] = []
    for j, s in enumerate(sets):
        if not s:
            continue
        common = [g for g in s if seen_in[g] > 1]
        # Elements only this set has need no look-up: fewer than need of them are shared.
        need = len(s) - min_shared(len(s), share) + 1 - (len(s) - len(common))
        # Looked up by more elements than need (see the module docstring), each look-up
        # beyond need must hit too: in a corpus written from templates even the rarest
        # runs of words recur in many texts, and one hit would make nearly every
        # representative a candidate.
        own = sorted(common, key=by_rarity)[:max(need, int(need * LOOKUP_EXTRA))] if need > 0 else []
        hits = len(own) - need + 1
        # A representative may match as the larger set (its elements hold enough of
        # this set's look-up) or as the smaller (this set holds enough of its look-up).
        as_larger = Counter(chain.from_iterable(full.get(g, ()) for g in own))
        as_smaller = Counter(chain.from_iterable(rare.get(g, ()) for g in common))
        candidates = {r for r, n in as_larger.items() if n >= hits}
        candidates.update(r for r, n in as_smaller.items() if n >= least[r])
        for r in sorted(candidates):
            sim = match(r, j)
            if sim is not None:
                out.append((r, j, sim))
                break
        else:
            # A new representative (a set no other set may match needs no entries).
            for g in common:
                full.setdefault(g, []).append(j)
            for g in own:
                rare.setdefault(g, []).append(j)
            least[j] = hits
    return out


def clusters_by_comparing(sets: Sequence[Shingles], share: float, match: Match) -> list[tuple[int, int, object]]:
    """The same, comparing each set with every representative: the reference the index
    must agree with."""
    reps: list[int] = []
    out: list[tuple[int, int, object]] = []
    for j, s in enumerate(sets):
        if not s:
            continue
        for r in reps:
            sim = match(r, j)
            if sim is not None:
                out.append((r, j, sim))
                break
        else:
            reps.append(j)
    return out

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
"""
from __future__ import annotations

import math
from collections import Counter
from itertools import chain, combinations
from typing import Callable, Iterable, Iterator, Sequence

Shingles = frozenset[int]
# Finds the candidate pairs (i < j, ascending) among sets, for a minimum share of the smaller.
PairFinder = Callable[[Sequence[Shingles], float], Iterable[tuple[int, int]]]

# Float slack when turning a share into a count of elements, so rounding can only
# lengthen the looked-up part (more candidates), never drop a pair.
_SLACK = 1e-9


def shingles(words: Sequence[str], k: int) -> Shingles:
    """Hashes of every run of k words (hashed: ints compare and hash faster than
    tuples, whose hash CPython does not cache)."""
    return frozenset(map(hash, zip(*(words[i:] for i in range(k)))))


def min_shared(size: int, share: float) -> int:
    """Fewest elements a set of `size` must share with another to reach `share` of it."""
    return max(1, math.ceil(size * share - _SLACK))


def candidate_pairs(sets: Sequence[Shingles], share: float) -> list[tuple[int, int]]:
    """Every pair (i < j) of `sets` that may share at least `share` of the smaller
    set, and as few others as the index can rule out; empty sets never pair."""
    # Elements in two sets or more; only these can be looked up with any result.
    seen: set[int] = set()
    repeated: set[int] = set()
    for s in sets:
        repeated |= s & seen
        seen |= s
    del seen
    shared = [s & repeated for s in sets]
    seen_in = Counter(chain.from_iterable(shared))
    # Each set's look-up elements: its rarest. Elements no other set has come first
    # and need no look-up; when they alone fill the look-up, the set pairs with none
    # as the smaller (most sets of an unrelated corpus stop here).
    lookups: list[list[int]] = []
    for s, common in zip(sets, shared):
        need = len(s) - min_shared(len(s), share) + 1 if s else 0
        need -= len(s) - len(common)
        lookups.append(sorted(common, key=seen_in.__getitem__)[:need] if need > 0 else [])
    wanted = frozenset(chain.from_iterable(lookups))
    postings: dict[int, list[int]] = {}
    for i, common in enumerate(shared):
        for g in common & wanted:
            postings.setdefault(g, []).append(i)
    sizes = [len(s) for s in sets]
    found: set[tuple[int, int]] = set()
    for i, gs in enumerate(lookups):
        n = sizes[i]
        for g in gs:
            for j in postings[g]:
                # The smaller set of a pair is the one whose look-up must find the other.
                if j != i and sizes[j] >= n:
                    found.add((i, j) if i < j else (j, i))
    return sorted(found)


def all_pairs(sets: Sequence[Shingles], share: float) -> Iterator[tuple[int, int]]:
    """Every pair: the quadratic reference the index must agree with (lazily, since
    the tests run it on thousands of sentences)."""
    return ((i, j) for i, j in combinations(range(len(sets)), 2) if sets[i] and sets[j])

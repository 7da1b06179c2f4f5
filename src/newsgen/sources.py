"""Which stories are one source: copies of one wire, and rewrites of another story.

Two outlets that carry the same Yonhap dispatch did not both hear the statement; a
blog that rewrites a story in the corpus adds nothing to it. This module links such
stories (``derived_from``) and counts, for each claim, how many of its reports come
from independent origins.

- **Same wire**: stories crediting the same wire (or a story credited to an outlet
  that is itself in the corpus) share an origin. The credit is compared through
  outlets.yaml's names and aliases, so "Yonhap" and "Yonhap News" are one wire.
- **Copied text**: sentences are compared as sets of word shingles; a sentence of one
  story matches one of another when their shingle sets overlap enough (Jaccard) and
  what they share is not all stock language (runs of words more than STOCK_CARRIERS
  stories carry). When enough of the shorter story's sentences match, the later story
  derives from the earlier one, with the share recorded. Candidate pairs come from an
  index of the shingles that are not stock, so each look-up reads sentences of at most
  STOCK_CARRIERS stories and the cost grows with the corpus, not with its square, even
  when every article is written from the same templates. A build with a cache folder
  keeps what was found (newsgen.pairmemo), and the next one compares only the stories
  whose text changed.

Everything here is a pure function of the stories (and the outlets list).
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, replace
from itertools import chain
from typing import Iterable, Sequence

from newsgen import similar
from newsgen.extract.sentences import split_sentences
from newsgen.model import Claim, Derivation, Outlet, Story, StoryOrigin
from newsgen.similar import Shingles

SHINGLE_WORDS = 3
# Two sentences are one when this share of their shingles is shared (a rewrite that
# changes a word or two keeps most shingles; two sentences about one event do not).
SENTENCE_JACCARD = 0.5
MIN_SENTENCE_WORDS = 6
# Share of the shorter story's sentences found in the other for it to count as copied.
COPY_OVERLAP = 0.4
MIN_SHARED_SENTENCES = 2
# At or above this share the later story is a copy, below it a rewrite.
VERBATIM_OVERLAP = 0.8

_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_FILLER = frozenset("the news agency service wire inc ltd".split())


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("’", "'"))


def story_sentences(story: Story, seen: dict[str, list[Shingles]] | None = None) -> list[Shingles]:
    """The shingle set of each body sentence long enough to say something.
    `seen` keeps each paragraph's sets for the next story that carries it: splitting
    is the slowest step here, and copies repeat whole paragraphs."""
    seen = {} if seen is None else seen
    out = []
    for p in story.paragraphs:
        if p not in seen:
            seen[p] = [similar.shingles(words, SHINGLE_WORDS)
                       for words in (_tokens(s.text) for s in split_sentences(p)) if len(words) >= MIN_SENTENCE_WORDS]
        out += seen[p]
    return out


def source_key(name: str | None, outlets: Sequence[Outlet] = ()) -> str | None:
    """One key per wire or outlet, whichever of its names or aliases is written."""
    if not name or not name.strip():
        return None
    key = name.casefold().strip()
    for o in outlets:
        if key == o.name.casefold() or key in (a.casefold() for a in o.aliases):
            return "outlet:" + o.id.casefold()
    words = [w for w in _tokens(key) if w not in _FILLER]
    return "name:" + " ".join(words or _tokens(key))


def _order(story: Story) -> tuple:
    return (story.published is None, story.published or dt.date.max, story.id)


# A run of words (shingle) in more stories than this is stock language: the story's
# standard background lines and the phrases its statements are written in. Text that
# every outlet writes proves no copying between any two of them, so two sentences are
# one only when what they share holds a run of words fewer stories carry. (Near-copy
# detection at web scale drops its most common shingles for the same reason.) It also
# keeps the work linear: sentences reworded from one template (another speaker, another
# figure) are near one another in pairs that grow with the square of the corpus, and
# their shared runs are all stock.
STOCK_CARRIERS = 50


def _near(a: Shingles, b: Shingles, stock: frozenset[int] = frozenset()) -> bool:
    """Two sentences are one: most of their shingles are shared (Jaccard), and not only
    stock ones."""
    both = a & b
    n = len(both)
    return n / (len(a) + len(b) - n) >= SENTENCE_JACCARD and not both <= stock


def _stock(sents: dict[str, list[Shingles]]) -> frozenset[int]:
    """The shingles more than STOCK_CARRIERS stories carry."""
    carried: Counter[int] = Counter()
    for ss in sents.values():
        carried.update(frozenset().union(*ss))
    return frozenset(g for g, n in carried.items() if n > STOCK_CARRIERS)


def _most_sentences(distinct: int) -> int:
    """The most sentences the shorter story of a pair may have for a later story with
    `distinct` sentences outside the stock ones to reach the copy test (0: none may).

    The later story's shared sentences are at most its distinct ones and at most the
    shorter story's count, tested as _copy_pairs tests them."""
    if distinct < MIN_SHARED_SENTENCES:
        return 0
    most = distinct  # up to here the share is whole
    while distinct / (most + 1) >= COPY_OVERLAP:
        most += 1
    return most


def _short_stories(sents: dict[str, list[Shingles]], owners: Sequence[list[str]]) -> set[str]:
    """The stories one of which is in every pair that can reach the copy test.

    A pair's shorter story has at most as many sentences as the bound
    (_most_sentences) of its later story allows, so at most the largest bound of any
    story: a story longer than that needs a shorter partner to be a copy or an original."""
    distinct = dict.fromkeys(sents, 0)
    for ids in owners:
        for sid in ids:
            distinct[sid] += 1
    widest = max((_most_sentences(n) for n in distinct.values()), default=0)
    return {sid for sid, ss in sents.items() if len(ss) <= widest}


Copied = dict[tuple[str, str], tuple[int, int, float]]


@dataclass(frozen=True)
class Copies:
    """What copy_pairs found, and what the next run needs to compare a changed story
    with the others (pairmemo: what was found is kept)."""

    sentences: tuple[Shingles, ...]  # each distinct sentence of the stories below once
    # story id -> (pairmemo.text_digest of its paragraphs, its sentences as places in `sentences`)
    stories: dict[str, tuple[bytes, tuple[int, ...]]]
    stock: frozenset[int]  # the shingles too common to count (STOCK_CARRIERS)
    # (id, id) in id order -> how many distinct sentences of each have a near-identical
    # one in the other: the pairs that pass the copy test whichever is the later
    matched: dict[tuple[str, str], tuple[int, int]]


# With more changed stories than this share, comparing all sentences at once is cheaper.
INCREMENTAL_SHARE = 0.1


def _copy_pairs(stories: Sequence[Story], pairs: similar.PairFinder | None = None) -> Copied:
    """(later id, earlier id) → (shared sentences, sentences of the shorter, overlap).
    `pairs` is for the tests: a finder of the sentence pairs to compare instead of the
    index (similar.all_pairs, every pair), whose answer the index must give."""
    return copy_pairs(stories, None, pairs)[0]


def copy_pairs(stories: Sequence[Story], previous: Copies | None = None,
               pairs: similar.PairFinder | None = None) -> tuple[Copied, Copies]:
    """_copy_pairs, and what to pass as `previous` next time. With `previous`, the
    pairs of stories whose text did not change are taken from it, and only changed
    and new stories are compared."""
    from newsgen import pairmemo

    ids = list(dict.fromkeys(s.id for s in stories))
    digests = {s.id: pairmemo.text_digest(s.paragraphs) for s in stories}
    known = previous.stories if previous is not None else {}
    fresh = {sid for sid in ids if known.get(sid, (b"",))[0] != digests[sid]}
    seen: dict[str, list[Shingles]] = {}
    table = previous.sentences if previous is not None else ()
    sents = {s.id: story_sentences(s, seen) if s.id in fresh else [table[k] for k in known[s.id][1]]
             for s in stories}
    del seen
    carriers: dict[Shingles, list[str]] = {}
    for sid, ss in sents.items():
        for sh in ss:
            ids_of = carriers.setdefault(sh, [])
            if not ids_of or ids_of[-1] != sid:
                ids_of.append(sid)
    stock = _stock(sents)
    # A shingle that became stock, or stopped being, changes pairs of unchanged stories.
    if previous is None or pairs is not None or stock != previous.stock or len(fresh) > INCREMENTAL_SHARE * len(ids):
        matched = _matched(sents, carriers, stock, None, pairs)
    else:
        matched = {(x, y): m for (x, y), m in previous.matched.items()
                   if x in sents and y in sents and x not in fresh and y not in fresh}
        matched.update(_matched(sents, carriers, stock, fresh))
    by_id = {s.id: s for s in stories}
    out: Copied = {}
    for (x, y), (in_x, in_y) in sorted(matched.items()):
        early, late = sorted((by_id[x], by_id[y]), key=_order)
        found = _copied(in_y if late.id == y else in_x, min(len(sents[x]), len(sents[y])))
        if found is not None:
            out[(late.id, early.id)] = found
    where = {sh: k for k, sh in enumerate(carriers)}
    memo = Copies(tuple(carriers), {sid: (digests[sid], tuple(map(where.__getitem__, sents[sid]))) for sid in ids},
                  stock, dict(sorted(matched.items())))
    return out, memo


def _copied(shared: int, shorter: int) -> tuple[int, int, float] | None:
    """(shared, shorter, overlap) when the later story, with `shared` of its distinct
    sentences near-identical to the other's, copies it; None when it does not."""
    if not shorter:
        return None
    shared = min(shared, shorter)
    overlap = shared / shorter
    if shared >= MIN_SHARED_SENTENCES and overlap >= COPY_OVERLAP:
        return shared, shorter, round(min(overlap, 1.0), 2)
    return None


def _counted(matched: dict[tuple[str, str], tuple[set[int], set[int]]], sents: dict[str, list[Shingles]],
             ) -> dict[tuple[str, str], tuple[int, int]]:
    """The counts of the pairs that pass the copy test whichever story is the later
    (the dates may change before the next run; the texts of a kept pair do not)."""
    out = {}
    for (x, y), (in_x, in_y) in matched.items():
        shorter = min(len(sents[x]), len(sents[y]))
        if _copied(len(in_x), shorter) is not None or _copied(len(in_y), shorter) is not None:
            out[(x, y)] = (len(in_x), len(in_y))
    return out


def _linker(owners: Sequence[list[str]], side: set[str], matched: dict[tuple[str, str], tuple[set[int], set[int]]]):
    """link(i, j): sentences i and j are near-identical, so each story carrying one
    has it matched in each story carrying the other (pairs with a story in `side` only)."""
    def link(i: int, j: int) -> None:
        for x in owners[i]:
            for y in owners[j]:
                if x == y or (x not in side and y not in side):
                    continue
                key, (si, sj) = ((x, y), (i, j)) if x < y else ((y, x), (j, i))
                m = matched.setdefault(key, (set(), set()))
                m[0].add(si)
                m[1].add(sj)

    return link


def _matched(sents: dict[str, list[Shingles]], carriers: dict[Shingles, list[str]], stock: frozenset[int],
             fresh: set[str] | None, pairs: similar.PairFinder | None = None) -> dict[tuple[str, str], tuple[int, int]]:
    """For each pair of stories that can pass the copy test (with fresh: each such pair
    with a fresh story), how many of their distinct sentences have a near-identical
    counterpart in the other."""
    # The same sentence in many stories is compared once: each distinct sentence keeps
    # the stories that carry it. One of stock shingles only is near no sentence.
    flat = [sh for sh in carriers if not sh <= stock]
    owners = [carriers[sh] for sh in flat]
    # Only pairs with a story in `side` are counted: without fresh, one short enough to
    # reach the copy test (the others need a shorter partner).
    side = _short_stories(sents, owners) if fresh is None else fresh
    lookers = [i for i, ids in enumerate(owners) if not side.isdisjoint(ids)]
    matched: dict[tuple[str, str], tuple[set[int], set[int]]] = {}
    link = _linker(owners, side, matched)
    for i in lookers:
        if len(owners[i]) > 1:
            link(i, i)
    if pairs is not None:
        candidates = pairs(flat, SENTENCE_JACCARD, lookers, groups=owners)
    else:
        candidates = _near_candidates(flat, owners, stock, lookers)
    for i, j in candidates:
        if _near(flat[i], flat[j], stock):
            link(i, j)
    return _counted(matched, sents)


def _near_candidates(flat: Sequence[Shingles], owners: Sequence[list[str]], stock: frozenset[int],
                     lookers: Sequence[int]) -> set[tuple[int, int]]:
    """Every pair (i, j) that _near may accept with i in lookers and the two sentences
    carried by different stories, from an index of the shingles that are not stock.

    Two near sentences share at least SENTENCE_JACCARD of each (what they share is at
    least that share of their union), so any len(s) - min_shared + 1 shingles of s
    include one of the other's (the prefix filter of newsgen.similar). Shingles only one
    story carries cannot join two stories, and a near pair shares a shingle that is not
    stock: so s is looked up by that many of its shingles that are neither, the rarest,
    or by all of them when it has fewer. Every posting list is of sentences in at most
    STOCK_CARRIERS stories, which keeps each look-up short however large the corpus."""
    shared = similar.across(flat, owners)
    keys: list[list[int]] = []
    for i in lookers:
        s = flat[i]
        common = s & shared
        need = len(s) - similar.min_shared(len(s), SENTENCE_JACCARD) + 1 - (len(s) - len(common))
        keys.append(list(common - stock) + [need] if need > 0 else [0])
    wanted = frozenset(chain.from_iterable(gs[:-1] for gs in keys))
    postings: dict[int, list[int]] = {}
    for j, s in enumerate(flat):
        for g in s & wanted:
            postings.setdefault(g, []).append(j)
    found: set[tuple[int, int]] = set()
    for i, gs in zip(lookers, keys):
        need = gs.pop()
        gs.sort(key=lambda g: (len(postings[g]), g))
        for j in set(chain.from_iterable(postings[g] for g in gs[:need])):
            if j != i and similar.joins(owners[i], owners[j]):
                found.add((i, j) if i < j else (j, i))
    return found


def derive(stories: Sequence[Story], outlets: Sequence[Outlet] = (), copies: Copied | None = None,
           ) -> tuple[StoryOrigin, ...]:
    """Each story's links to the stories it derives from, and its origin group.
    `copies` is _copy_pairs(stories) when the caller has it."""
    ordered = sorted(stories, key=_order)
    credit = {s.id: source_key(s.credit, outlets) for s in ordered}
    own = {s.id: source_key(s.outlet, outlets) for s in ordered}
    links: dict[str, list[Derivation]] = {s.id: [] for s in ordered}
    by_id = {s.id: s for s in ordered}

    copies = _copy_pairs(ordered) if copies is None else copies
    for (late, early), (shared, shorter, overlap) in sorted(copies.items()):
        same_wire = credit[late] is not None and credit[late] == credit[early]
        relation = "wire copy" if same_wire else ("copy" if overlap >= VERBATIM_OVERLAP else "rewrite")
        basis = f"{shared} of {shorter} sentences near-identical ({round(overlap * 100)}%)"
        wire = by_id[late].credit if same_wire else None
        if same_wire:
            basis = f"both credit {wire}; " + basis
        links[late].append(Derivation(early, relation, basis, overlap, wire))

    # Same wire, or credited to an outlet whose own story is here, without shared
    # text: linked to the first such story, so the pair counts as one source.
    credited = {k for k in credit.values() if k}
    first_of: dict[str, Story] = {}
    for s in ordered:  # an outlet's own story is the original of its credited copies
        if own[s.id] in credited:
            first_of.setdefault(own[s.id], s)
    for s in ordered:
        if credit[s.id]:
            first_of.setdefault(credit[s.id], s)
    for s in ordered:
        key = credit[s.id]
        first = first_of.get(key) if key else None
        if first is None or first.id == s.id or any(d.story == first.id for d in links[s.id]):
            continue
        if credit[first.id] == key:
            links[s.id].append(Derivation(first.id, "same wire", f"both credit {s.credit}", None, s.credit))
        else:
            links[s.id].append(Derivation(first.id, "credited", f"credits {s.credit}, which published {first.id}", None, s.credit))

    origin = _origins(ordered, links, own)
    return tuple(StoryOrigin(s.id, tuple(links[s.id]), origin[s.id]) for s in sorted(stories, key=lambda s: s.id))


def _origins(ordered: Sequence[Story], links: dict[str, list[Derivation]], own: dict[str, str | None]) -> dict[str, str]:
    """Groups of stories joined by any link, or published by one outlet (one newsroom
    hearing a statement twice is still one report); the earliest story names its group."""
    rank = {s.id: i for i, s in enumerate(ordered)}
    parent = {s.id: s.id for s in ordered}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            keep, drop = sorted((ra, rb), key=lambda i: rank[i])
            parent[drop] = keep

    for sid, ds in links.items():
        for d in ds:
            if d.story in parent:
                union(sid, d.story)
    first_of_outlet: dict[str, str] = {}
    for s in ordered:
        key = own.get(s.id)
        if key:
            union(first_of_outlet.setdefault(key, s.id), s.id)
    return {s.id: find(s.id) for s in ordered}


def independent_reports(claim: Claim, origins: dict[str, str], relays: dict[str, str] | None = None,
                        outlets: Sequence[Outlet] = ()) -> int:
    """How many independent origins the claim's reports come from.

    Each report counts for its story's origin. Reports that name one relay
    ("…, Ryder was quoted by Reuters as saying") are one report, and a relay from an
    outlet whose own story is here joins that story's origin; a relay never splits a
    report from its story's origin (a wire copy that cites VOA is still the wire)."""
    groups: dict[str, str] = {}

    def find(x: str) -> str:
        groups.setdefault(x, x)
        while groups[x] != x:
            x = groups[x]
        return x

    def join(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            groups[max(ra, rb)] = min(ra, rb)

    for r in claim.reports:
        here = find(origins.get(r.story, r.story))
        relay = source_key(r.relay, outlets) if r.relay else None
        if relay:
            join(here, (relays or {}).get(relay, "relay " + relay))
    return len({find(origins.get(r.story, r.story)) for r in claim.reports})


def with_independence(claims: Iterable[Claim], found: Sequence[StoryOrigin], stories: Sequence[Story] = (),
                      outlets: Sequence[Outlet] = ()) -> tuple[Claim, ...]:
    origins = {o.story: o.origin for o in found}
    # An outlet's (or wire's) key → the origin of the first story it published or is credited with.
    relays: dict[str, str] = {}
    for s in sorted(stories, key=_order):
        for name in (s.outlet, s.credit):
            key = source_key(name, outlets)
            if key and s.id in origins:
                relays.setdefault(key, origins[s.id])
    return tuple(replace(c, independent_reports=independent_reports(c, origins, relays, outlets)) for c in claims)

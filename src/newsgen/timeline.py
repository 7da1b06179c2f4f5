"""Assembles per-story claims into one timeline.

The same statement carried by several outlets becomes one claim with several
reports. Two claims are the same statement only when everything that can be
compared agrees: same named speaker, same statement day (or both undated),
no conflicting figures, and enough shared wording. A wrong merge would put words
in the wrong outlet's mouth, so the thresholds lean towards keeping claims apart.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import replace
from functools import lru_cache
from typing import Iterable, Mapping, Protocol, Sequence

from newsgen import urls
from newsgen.gcpause import paused
from newsgen.measures import in_scope
from newsgen.model import Claim, Measure, Quantity, Series, SeriesDef, SeriesPoint, Speaker, Story, Timeline

# Words that say nothing about which statement it is.
_STOP = frozenset(
    """a an the and or but if of to in on at by for with from as is are was were be been being it its
    this that these those he she they we i you his her their our my your him them us me not no so than
    then there here also would could should will can may might must has have had do does did said says
    say stated told added noted about into over after before while which who whom what when where why how
    all any some more most very just such only other both each even because mr ms mrs""".split()
    # How it was said and who said it: attribution, not content.
    + """say said says stated told added noted explained remarked emphasized emphasised described
    suggested indicated claimed confirmed warned further also commented according quoted reported
    president minister secretary spokesman spokeswoman spokesperson adviser advisor general official
    officials press briefing""".split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")

# Share of the shorter claim's distinctive words that the other must also contain.
MERGE_OVERLAP = 0.34
MERGE_MIN_SHARED = 4
# On one day, by one speaker, fewer shared distinctive words suffice.
MERGE_MIN_SHARED_SAME_DAY = 2
# A day inside a range also needs a shared figure and this much shared wording.
RANGE_MIN_SHARED = 2
SPECIFIC_FIGURE = 10
UNDATED_OVERLAP = 0.6
# A dated report may join an undated one published up to this many days later.
MERGE_MAX_LAG_DAYS = 7
# Consecutive quoted words two reports must share to be the same quotation.
QUOTE_RUN_WORDS = 6
# A word in more than this share of all claims is the story's vocabulary.
COMMON_SHARE = 0.15
COMMON_MIN_CLAIMS = 12


@lru_cache(maxsize=1 << 16)  # merging asks for the same claim's words once per candidate pair
def content_words(text: str) -> frozenset[str]:
    words = (w.lower().replace("’", "'").strip("'-") for w in _WORD.findall(text))
    return frozenset(_stem(w) for w in words if len(w) > 2 and w not in _STOP)


@lru_cache(maxsize=1 << 16)  # each claim is compared with many: its words are counted once
def _distinctive(text: str, speaker_name: str, common: frozenset[str]) -> frozenset[str]:
    """The words of `text` that can tell one statement from another: not the story's
    vocabulary (`common`), not the speaker's name."""
    return content_words(text) - common - content_words(speaker_name)


def _stem(word: str) -> str:
    # Crude, but enough to equate "desperation"/"desperate" is not the goal: plural and tense only.
    for suffix in ("'s", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _figures(quantities: Iterable[Quantity]) -> set[float]:
    return {v for q in quantities for v in (q.value, q.low, q.high) if v is not None}


def day_in_week(a: Claim, b: Claim) -> bool:
    """One report states the day, the other only the week it falls in."""
    return bool(a.said_on and not b.said_on and b.date_precision == "week"
                or b.said_on and not a.said_on and a.date_precision == "week")


def merge_speaker(c: Claim) -> str | None:
    """Whose statement a claim reports, for merging: a body's (an organisation
    speaking, or a person passing on the body's briefing, Report.source) by its name,
    so that "the NIS told lawmakers" and "lawmaker Park, relaying the NIS briefing,
    said" can be one statement; a person's by their id."""
    if c.speaker is None:
        return None
    source = next((r.source for r in c.reports if r.source), None)
    if source:
        return "body:" + _body_key(source)
    if c.speaker.kind == "organization" and not c.joint:
        return "body:" + _body_key(c.speaker.name)
    return c.speaker.id


def _body_key(name: str) -> str:
    # "Ukraine's General Staff" and "the General Staff", "Security Service of Ukraine
    # (SBU)" and "Security Service of Ukraine": one body as outlets name it.
    name = re.sub(r"\s*\([^)]*\)", "", name)
    name = re.sub(r"^[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*['’]s\s+", "", name)
    return " ".join(re.findall(r"[a-z0-9]+", name.lower()))


def _span(c: Claim) -> tuple[dt.date, dt.date] | None:
    """The days a claim's statement may fall on: its day, else its week or month."""
    if c.said_on:
        return c.said_on, c.said_on
    return c.date_range if c.date_precision in ("week", "month") and c.date_range else None


class _Facts:
    """What same_statement reads of one claim, worked out once: merging compares each
    merged claim with many new ones, and each new one with several merged ones."""

    __slots__ = ("claim", "sid", "name", "figures", "stories", "span", "words", "_ngrams", "quoting", "wordy", "wordy_new")

    def __init__(self, c: Claim, common: frozenset[str], figures: frozenset[float] | None = None,
                 stories: frozenset[str] | None = None) -> None:
        self.claim = c
        self.sid = merge_speaker(c)
        self.name = c.speaker.name if c.speaker is not None else None
        self.figures = frozenset(_figures(c.quantities)) if figures is None else figures
        self.stories = frozenset(r.story for r in c.reports) if stories is None else stories
        self.span = _span(c)
        self.words = _distinctive(c.text, self.name, common) if c.speaker is not None else frozenset()
        self._ngrams: set[tuple[str, ...]] | None = None
        # What a pair with an undated report needs (_same): a quotation both carry, or
        # MERGE_MIN_SHARED shared words. The words compared leave out the merged claim's
        # speaker's name, so a merged claim has enough only among its own words, and a
        # new one (compared under a name it may not spell alike) among all its words.
        self.quoting = bool(c.quote) and bool(self.ngrams)
        self.wordy = len(self.words) >= MERGE_MIN_SHARED
        self.wordy_new = len(content_words(c.text) - common) >= MERGE_MIN_SHARED

    def combined(self, other: _Facts, common: frozenset[str]) -> _Facts:
        """The facts of _combine(self.claim, other.claim): its figures and stories are
        the union of both (its quantities and reports are), so they are not recounted."""
        return _Facts(_combine(self.claim, other.claim), common, self.figures | other.figures, self.stories | other.stories)

    @property
    def ngrams(self) -> set[tuple[str, ...]]:
        if self._ngrams is None:
            self._ngrams = _ngrams(self.claim.quote)
        return self._ngrams


def same_statement(a: Claim, b: Claim, common: frozenset[str] = frozenset()) -> bool:
    """Whether two claims report one statement; `common` words prove nothing.

    Always the same speaker (the entity model's id: a surname shared by two people
    never gives one id). Then the days must fit: the same day, or a day inside the
    other report's week or month ("said Friday" / "said earlier this month"), or
    overlapping ranges. When they fit, the same figure or enough shared wording
    makes it one statement. An undated report joins only on the same quotation or
    near-identical wording, published soon after the dated one."""
    return _same(_Facts(a, common), _Facts(b, common), common)


def _same(fa: _Facts, fb: _Facts, common: frozenset[str]) -> bool:
    # same_statement's tests, those that need no words first: the words of a pair are
    # counted only when a figure has not already decided (the answers are the ones the
    # predicate gave when it counted them first; tests/test_timeline_merge.py).
    if fa.claim.speaker is None or fb.claim.speaker is None or fa.sid != fb.sid:
        return False
    both = fa.figures & fb.figures
    if fa.figures and fb.figures and not both:
        return False
    if not fa.stories.isdisjoint(fb.stories):
        return False  # two claims of one story are two statements
    a, b = fa.claim, fb.claim
    sa, sb = fa.span, fb.span
    if sa and sb:
        if sa[0] > sb[1] or sb[0] > sa[1]:
            return False
        # A figure both state is evidence when it is specific (a count of two is not).
        if any(v >= SPECIFIC_FIGURE for v in both):
            return True
        one_week = day_in_week(a, b)
        if not (a.said_on and b.said_on) and not both and not one_week:
            # A day inside a month (or two ranges): only a figure both state is evidence.
            return False
        wa, wb = _words(fa, fb, common)
        shared = wa & wb
        if both and len(shared) >= RANGE_MIN_SHARED:
            return True
        if a.said_on and b.said_on or one_week:
            # One day, or a day inside the week the other report gives ("last week"): a
            # figure both state, or wording that overlaps.
            return len(shared) >= MERGE_MIN_SHARED_SAME_DAY and _overlap(wa, wb, shared) >= MERGE_OVERLAP
        return False
    # One or both undated: only the same quotation or near-identical wording is
    # evidence enough, and a known day must fit the undated report's publication.
    known = a.said_on or b.said_on
    undated = b if a.said_on else a
    if known and undated.placed_on and not (0 <= (undated.placed_on - known).days <= MERGE_MAX_LAG_DAYS):
        return False
    if fa.claim.quote and fb.claim.quote and not fa.ngrams.isdisjoint(fb.ngrams):
        return True
    wa, wb = _words(fa, fb, common)
    shared = wa & wb
    return len(shared) >= MERGE_MIN_SHARED and _overlap(wa, wb, shared) >= UNDATED_OVERLAP


def _words(fa: _Facts, fb: _Facts, common: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    # Both sides leave out the first claim's speaker's name (one id may be spelt two ways).
    if fb.name == fa.name:
        return fa.words, fb.words
    return fa.words, _distinctive(fb.claim.text, fa.name, common)


def _overlap(wa: frozenset[str], wb: frozenset[str], shared: frozenset[str]) -> float:
    return len(shared) / (min(len(wa), len(wb)) or 1)


def same_quotation(a: Claim, b: Claim) -> bool:
    """Both carry the same run of quoted words (quotes are copied, paraphrase is not)."""
    return bool(_ngrams(a.quote) & _ngrams(b.quote))


def _ngrams(text: str | None, n: int = QUOTE_RUN_WORDS) -> set[tuple[str, ...]]:
    words = [w.lower().replace("’", "'") for w in _WORD.findall(text or "")]
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def common_words(claims: Sequence[Claim]) -> frozenset[str]:
    """Words in so many claims that they name the story, not a statement."""
    if len(claims) < COMMON_MIN_CLAIMS:
        return frozenset()
    df: dict[str, int] = {}
    for c in claims:
        for w in content_words(c.text):
            df[w] = df.get(w, 0) + 1
    return frozenset(w for w, n in df.items() if n / len(claims) > COMMON_SHARE)


Groups = tuple[tuple[int, ...], ...]  # a bucket's claims merged: each group's members, by position in the bucket


class MergeMemo(Protocol):
    """Where merging finds the groups of speaker buckets merged in earlier builds
    (build.py passes the store's; without one every bucket is merged)."""

    def known(self, keys: Sequence[str]) -> Mapping[str, Groups]: ...

    def learned(self, found: Mapping[str, Groups], used: Sequence[str]) -> None: ...


def merge_claims(claims: Sequence[Claim], memo: MergeMemo | None = None) -> list[Claim]:
    """Group the same statement across stories; keeps the first-seen claim's wording.

    Each claim joins the earliest merged claim it is the same statement as, exactly
    as comparing it with every merged claim in turn would, but only the merged
    claims that could pass `same_statement` are compared (see _Candidates), so a
    corpus where everyone quotes the same few officials stays near linear.

    Two claims of different merge speakers are never one statement, so each
    speaker's claims (a bucket) merge on their own; what a bucket's merge decides
    depends only on its claims' merge facts in order and the corpus' common words
    (bucket_key). With a `memo`, a bucket merged in an earlier build is not merged
    again: one new article reaches only its speakers' buckets.
    """
    common = common_words(claims)
    buckets: dict[str, list[int]] = {}
    for n, c in enumerate(claims):
        if c.speaker is not None:  # an unattributed claim is never the same statement as another
            buckets.setdefault(merge_speaker(c), []).append(n)
    keys = {sid: bucket_key([claims[n] for n in members], common) for sid, members in buckets.items()}
    known = memo.known(list(keys.values())) if memo is not None else {}
    found: dict[str, Groups] = {}
    first: dict[int, Claim] = {}  # position of a merged claim's first report → the merged claim
    for sid, members in buckets.items():
        groups = known.get(keys[sid])
        if groups is None:
            groups = found[keys[sid]] = _bucket_groups([claims[n] for n in members], common)
        for group in groups:
            merged = claims[members[group[0]]]
            for k in group[1:]:
                merged = _combine(merged, claims[members[k]])
            first[members[group[0]]] = merged
    if memo is not None:
        memo.learned(found, list(keys.values()))
    return [c if c.speaker is None else first[n] for n, c in enumerate(claims) if c.speaker is None or n in first]


def bucket_key(claims: Sequence[Claim], common: frozenset[str]) -> str:
    """A digest of all that merging one bucket reads (what _Facts, _Candidates,
    _same and _combine look at), in order, with the common words: equal keys,
    equal groups."""
    h = hashlib.sha256(repr(sorted(common)).encode("utf-8", "surrogatepass"))
    for c in claims:
        sp = c.speaker
        facts = ((sp.id, sp.name, sp.kind) if sp else None, c.joint, c.text, c.quote, c.said_on, c.date_precision,
                 c.date_range, c.placed_on, tuple((q.value, q.low, q.high) for q in c.quantities),
                 tuple((r.story, r.source) for r in c.reports))
        h.update(b"\x1e" + repr(facts).encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _bucket_groups(claims: Sequence[Claim], common: frozenset[str]) -> Groups:
    """Which of one bucket's claims are one statement: merge_claims' comparisons."""
    merged: list[_Facts] = []
    groups: list[list[int]] = []
    index = _Candidates()
    for n, claim in enumerate(claims):
        new = _Facts(claim, common)
        for i in index.for_claim(new):
            if _same(merged[i], new, common):
                was, merged[i] = merged[i], merged[i].combined(new, common)
                groups[i].append(n)
                if _Candidates.key(was) != _Candidates.key(merged[i]):
                    index.remove(i, was)
                    index.add(i, merged[i])
                break
        else:
            merged.append(new)
            groups.append([n])
            index.add(len(merged) - 1, new)
    return tuple(tuple(g) for g in groups)


def _names_speaker(c: Claim) -> bool:
    return _names(c.speaker.name if c.speaker else "", c.text)


@lru_cache(maxsize=1 << 14)  # every merge asks it of both claims, the merged one again and again
def _names(name: str, text: str) -> bool:
    words = {w.lower() for w in _WORD.findall(name) if len(w) > 2}
    return bool(words & {w.lower() for w in _WORD.findall(text)})


_LAG = tuple(dt.timedelta(days=d) for d in range(MERGE_MAX_LAG_DAYS + 1))
_NONE: frozenset[int] = frozenset()


class _Candidates:
    """Merged claims by speaker, then by day, for the pairs same_statement can accept.

    The blocks follow the predicate's own necessary conditions: one speaker id; two
    claims with a day or a week/month span (`_span`) only when the spans overlap; a
    stated day and an undated claim only when the undated one's placed_on is unknown
    or 0 to MERGE_MAX_LAG_DAYS days after it; a span without a stated day, or two
    undated claims, can always be compared.

    And two more, which keep a speaker's stock sentence (the same background line in
    thousands of articles, never one statement) from being compared with all its
    copies: two spans with no figure in common are one statement only on a stated
    day both give or one gives inside the other's week, so a claim spanning a month
    with no figure is never found by day; and a pair where either is undated needs a
    quotation both carry (`_Facts.quoting`) or MERGE_MIN_SHARED shared words, so only
    claims that have one or the other (`_Facts.wordy`, `wordy_new`) are compared that way.
    """

    def __init__(self) -> None:
        # speaker id -> day -> indices of merged claims whose span holds that day (but
        # not those spanning a month with no figure: no span can match them)
        self.by_day: dict[str, dict[dt.date, set[int]]] = {}
        # speaker id -> indices of merged claims with a span
        self.spanned: dict[str, set[int]] = {}
        # speaker id -> indices of merged claims spanning a week or month with no stated day
        self.ranged: dict[str, set[int]] = {}
        # speaker id -> placed_on (or None) -> indices of merged claims with no span
        self.undated: dict[str, dict[dt.date | None, set[int]]] = {}
        # speaker id -> indices of merged claims with no span (the union of undated's)
        self.all_undated: dict[str, set[int]] = {}
        # speaker id -> figure -> indices of merged claims stating it; and those stating
        # none. Two claims that both state figures need one in common (same_statement),
        # and a speaker's claims on one day grow with the corpus: most differ in figures.
        self.by_figure: dict[str, dict[float, set[int]]] = {}
        self.no_figure: dict[str, set[int]] = {}
        # speaker id -> indices of merged claims that can be one statement with an
        # undated report: by a quotation, by their words
        self.quoting: dict[str, set[int]] = {}
        self.wordy: dict[str, set[int]] = {}

    @staticmethod
    def _by_day(f: _Facts) -> bool:
        # Whether another span can make this one statement with f (see the class).
        c = f.claim
        return bool(c.said_on or c.date_precision == "week" or f.figures)

    def _buckets(self, f: _Facts) -> list[set[int]]:
        c = f.claim
        if c.speaker is None:
            return []  # an unattributed claim is never the same statement as another
        sid = f.sid
        span = f.span
        if span is None:
            out = [self.undated.setdefault(sid, {}).setdefault(c.placed_on, set()), self.all_undated.setdefault(sid, set())]
        else:
            out = [self.spanned.setdefault(sid, set())]
            if self._by_day(f):
                days = self.by_day.setdefault(sid, {})
                out += [days.setdefault(span[0] + dt.timedelta(days=n), set()) for n in range((span[1] - span[0]).days + 1)]
            if not c.said_on:
                out.append(self.ranged.setdefault(sid, set()))
        if f.figures:
            by_figure = self.by_figure.setdefault(sid, {})
            out += [by_figure.setdefault(v, set()) for v in f.figures]
        else:
            out.append(self.no_figure.setdefault(sid, set()))
        if f.quoting:
            out.append(self.quoting.setdefault(sid, set()))
        if f.wordy:
            out.append(self.wordy.setdefault(sid, set()))
        return out

    @staticmethod
    def key(f: _Facts) -> tuple:
        """All that _buckets reads of a claim with a speaker: a merge that keeps it
        leaves the claim in the same buckets."""
        return (f.sid, f.span, f.claim.placed_on if f.span is None else bool(f.claim.said_on), f.claim.date_precision,
                f.figures, f.quoting, f.wordy)

    def add(self, i: int, f: _Facts) -> None:
        for bucket in self._buckets(f):
            bucket.add(i)

    def remove(self, i: int, f: _Facts) -> None:
        for bucket in self._buckets(f):
            bucket.discard(i)

    def _loose(self, f: _Facts, found: set[int]) -> set[int]:
        """Those of `found` that can be one statement with f where one is undated."""
        sid = f.sid
        out: set[int] = set()
        if f.quoting:
            out |= found & self.quoting.get(sid, _NONE)
        if f.wordy_new:
            out |= found & self.wordy.get(sid, _NONE)
        return out

    def for_claim(self, f: _Facts) -> list[int]:
        """Indices of merged claims to compare, in merge order (first match wins)."""
        c = f.claim
        if c.speaker is None:
            return []
        sid = f.sid
        by_day = self.by_day.get(sid, {})
        undated = self.undated.get(sid, {})
        found: set[int] = set()  # spans against spans
        loose: set[int] = set()  # pairs where one is undated
        span = f.span
        if span is not None:
            if self._by_day(f):
                if span[0] == span[1]:
                    found |= by_day.get(span[0], _NONE)
                else:
                    for n in range((span[1] - span[0]).days + 1):
                        found |= by_day.get(span[0] + dt.timedelta(days=n), _NONE)
            if f.quoting or f.wordy_new:
                if c.said_on:
                    loose |= undated.get(None, _NONE)
                    for d in _LAG:
                        loose |= undated.get(c.said_on + d, _NONE)
                else:
                    loose |= self.all_undated.get(sid, _NONE)
        elif f.quoting or f.wordy_new:
            loose |= self.all_undated.get(sid, _NONE)
            loose |= self.ranged.get(sid, _NONE)
            if c.placed_on is None:
                loose |= self.spanned.get(sid, _NONE)
            else:
                for d in _LAG:
                    loose |= by_day.get(c.placed_on - d, _NONE)
        if loose:
            found |= self._loose(f, loose)
        if f.figures and found:
            # Intersections with `found` cost its size, not the (growing) buckets'.
            by_figure = self.by_figure.get(sid, {})
            agree = found & self.no_figure.get(sid, _NONE)
            for v in f.figures:
                agree |= found & by_figure.get(v, _NONE)
            found = agree
        return sorted(found)


def _combine(a: Claim, b: Claim) -> Claim:
    # The date comes from whichever report states it, with that report's basis.
    dated = a if a.said_on or not b.said_on else b
    # The wording shown is the first report's, unless only the other one names the
    # speaker itself (a lead crediting "the Pentagon" for its spokesperson's words).
    shown = b if _names_speaker(b) and not _names_speaker(a) else a
    return replace(
        a,
        text=shown.text,
        said_on=dated.said_on,
        date_basis=dated.date_basis or a.date_basis or b.date_basis,
        date_precision=dated.date_precision,
        date_range=dated.date_range or a.date_range or b.date_range,
        quote=a.quote or b.quote,
        topics=tuple(sorted(set(a.topics) | set(b.topics))),
        # Hedge words belong to a report's own sentence: the claim shows its first
        # report's wording, so it keeps that report's hedges (each report has its own).
        hedges=shown.hedges,
        hedged=shown.hedged,
        quantities=a.quantities + tuple(q for q in b.quantities if q not in a.quantities),
        reports=a.reports + b.reports,
        placed_on=min(d for d in (a.placed_on, b.placed_on) if d) if (a.placed_on or b.placed_on) else None,
        review=a.review or b.review,  # the editor's correction, and the id it names, hold whichever report leads
    )


# Words this long carry the sentence; shorter ones ("teh", "of") are where typos and
# small edits mostly fall, and leaving them out keeps the address when they change.
SIGNATURE_MIN_LETTERS = 4


def signature(sentence: str) -> str:
    """The first letter of each longer word, in order: the sentence's shape.

    Correcting a misspelt word keeps its first letter, so the address built on this
    survives the correction; numbers are left out for the same reason (a corrected
    figure is still the same statement's address)."""
    words = re.findall(r"[^\W\d_]+", sentence.lower())
    return "".join(w[0] for w in words if len(w) >= SIGNATURE_MIN_LETTERS)


def claim_id(claim: Claim) -> str:
    """Stable across rebuilds and edits: the first report's story, the speaker and the
    shape of the sentence (see signature); nothing about other sentences of the story,
    so adding or correcting one elsewhere changes no other address."""
    first = claim.reports[0] if claim.reports else None
    story = first.story if first else ""
    key = "\x1f".join([story, signature(first.sentence if first else claim.text)])
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:6]
    who = urls.slug(claim.speaker.name)[:24].strip("-") if claim.speaker else "unattributed"
    return f"{who}-{story_token(story)}{digest}"


def story_token(story_id: str) -> str:
    """Four hex digits naming the story inside a claim's id, so the page for an address
    whose claim is gone can still point to the story it came from."""
    return hashlib.sha1(story_id.encode("utf-8")).hexdigest()[:4]


def _order_key(claim: Claim, outlets: dict[str, str]) -> tuple:
    first = claim.reports[0] if claim.reports else None
    day = claim.placed_on or dt.date.max
    source = outlets.get(first.story, "") if first else ""
    return (claim.placed_on is None, day, source.casefold(), first.story if first else "", first.paragraph if first else 0, claim.text)


# A unit that counts something per stretch of time is a rate; a rate and a count are
# never the same quantity, whatever noun they share ("casualties" vs "casualties per day").
_RATE = re.compile(r"\b(?:per|a|an|each|every)\s+(?:day|week|month|year)\b|\b(?:daily|weekly|monthly|a-day)\b", re.I)
# Words either side of a number that count as the number's own phrase.
NEAR_BEFORE, NEAR_AFTER = 12, 6


def _has_phrase(text: str, phrase: str) -> bool:
    """Every word of `phrase` in `text` as a whole word (case-insensitive)."""
    return all(re.search(rf"\b{re.escape(w)}\b", text, re.I) for w in phrase.split())


def _near(text: str, q: Quantity, others: Sequence[Quantity]) -> str:
    """The words around a quantity in its sentence, stopping at any other quantity's
    phrase (whose words are its own); the whole sentence if q cannot be found."""
    low = text.lower()
    at = low.find(q.text.lower()) if q.text else -1
    if at < 0:
        return text
    end = at + len(q.text)
    start, stop = 0, len(text)
    for o in others:
        o_at = low.find(o.text.lower()) if o.text and o is not q else -1
        if o_at < 0:
            continue
        if o_at + len(o.text) <= at:
            start = max(start, o_at + len(o.text))
        elif o_at >= end:
            stop = min(stop, o_at)
    before = text[start:at].split()[-NEAR_BEFORE:]
    after = text[end:stop].split()[:NEAR_AFTER]
    return " ".join(before + [q.text] + after)


def is_rate(text: str | None) -> bool:
    return bool(_RATE.search(text or ""))


def quantity_in_series(c: Claim, q: Quantity, d: SeriesDef) -> bool:
    """Whether quantity q of claim c is a value of series d: the series' measure and
    scope (or, for a series without a measure, the same unit and kind, count or rate),
    the series' context in the claim and its subject beside the number."""
    if d.measure is not None:
        if q.measure != d.measure or not in_scope(q.scope, d):
            return False
    else:
        own = " ".join(filter(None, [q.unit, q.text]))
        # A vague amount ("several dozens") has no unit of its own; its words stand for one.
        if not any(_has_phrase(own, u) for u in d.units):
            return False
        if is_rate(own) != any(is_rate(u) for u in d.units):
            return False
    text = " ".join(dict.fromkeys([c.text] + [r.sentence for r in c.reports]))
    if d.context and not any(_has_phrase(text, ctx) for ctx in d.context):
        return False
    if any(_has_phrase(text, w) for w in d.exclude):
        return False
    if d.subject:
        near = " ".join(_near(t, q, c.quantities) for t in dict.fromkeys([c.text] + [r.sentence for r in c.reports]))
        if not any(_has_phrase(near, w) for w in d.subject):
            return False
    return True


def _point_day(c: Claim, stories: dict[str, Story]) -> tuple[dt.date | None, str, tuple[dt.date, dt.date] | None]:
    """(day, dated_by, window): the stated day, else the first report's publication day,
    else the window its report was published in (drawn from the window's first day)."""
    if c.said_on:
        return c.said_on, "said_on", None
    reported = [stories[r.story] for r in c.reports if r.story in stories]
    published = [s.published for s in reported if s.published]
    if published:
        return min(published), "published", None
    windows = [s.published_window for s in reported if s.published_window]
    if windows:
        w = min(windows)
        return w[0], "window", w
    return None, "none", None


def _value_key(q: Quantity) -> tuple:
    """What a reader sees of a value: "12,000 troops" and "roughly 12,000 soldiers" in
    one sentence, or "3,000" and "more than 3,000" in two outlets' reports of one
    statement, are one value, drawn once."""
    return (next((v for v in (q.value, q.low, q.high) if v is not None), None),)


def _most_said_first(quantities: Sequence[Quantity]) -> list[Quantity]:
    """A claim's quantities with the fuller wording of a value first ("more than 3,000"
    before a bare "3,000"), so the point drawn says what the sources said."""
    return sorted(quantities, key=lambda q: (q.low is None and q.high is None, q.qualifier is None))


def build_series(claims: Sequence[Claim], defs: Sequence[SeriesDef], stories: Sequence[Story] = (),
                 measures: Sequence[Measure] = ()) -> tuple[Series, ...]:
    by_id = {s.id: s for s in stories}
    measure = {m.id: m for m in measures}
    out = []
    for d in defs:
        points: list[SeriesPoint] = []
        # (speaker, day, value) -> index in points: the same statement carried by
        # outlets that were not merged into one claim is one point with its claims.
        seen: dict[tuple, int] = {}
        for c in claims:
            drawn: set[tuple] = set()
            for q in _most_said_first(c.quantities):
                if not quantity_in_series(c, q, d) or _value_key(q) in drawn:
                    continue
                drawn.add(_value_key(q))
                day, dated_by, window = _point_day(c, by_id)
                key = (c.speaker.id, day, _value_key(q)) if c.speaker and day else None
                if key is not None and key in seen:
                    i = seen[key]
                    if c.id != points[i].claim and c.id not in points[i].also:
                        points[i] = replace(points[i], also=points[i].also + (c.id,))
                    continue
                if key is not None:
                    seen[key] = len(points)
                points.append(
                    SeriesPoint(
                        date=day,
                        quantity=q,
                        claim=c.id,
                        story=c.reports[0].story if c.reports else "",
                        speaker=c.speaker,
                        dated_by=dated_by,
                        window=window,
                    )
                )
        points.sort(key=lambda p: (p.date is None, p.date or dt.date.max, p.story, p.quantity.text))
        out.append(Series(id=d.id, label=d.label, points=tuple(points), description=d.description,
                          measure=measure.get(d.measure) if d.measure else None, scope=d.scope))
    return tuple(out)


def assemble(stories: Sequence[Story], claims: Sequence[Claim], series: Sequence[SeriesDef] = (),
             measures: Sequence[Measure] = (), merges: MergeMemo | None = None) -> Timeline:
    """Merge, re-id and order the claims of all stories; build speakers and series.
    merges: the speaker buckets merged by earlier builds (merge_claims)."""
    with paused():  # claims, sets and index entries by the hundred thousand, no cycles (see gcpause)
        return _assemble(stories, claims, series, measures, merges)


def _assemble(stories: Sequence[Story], claims: Sequence[Claim], series: Sequence[SeriesDef],
              measures: Sequence[Measure] = (), merges: MergeMemo | None = None) -> Timeline:
    stories = sorted(stories, key=lambda s: (s.published is None, s.published or dt.date.max, s.id))
    published = {s.id: s.published for s in stories}
    outlets = {s.id: s.outlet or "" for s in stories}
    # Merge in story order so the earliest outlet's wording leads.
    ordered_input = sorted(claims, key=lambda c: (published.get(c.reports[0].story) or dt.date.max, c.reports[0].story, c.reports[0].paragraph) if c.reports else (dt.date.max, "", 0))
    merged = merge_claims(ordered_input, merges)
    fixed = []
    for c in merged:
        placed = c.said_on or c.placed_on or min((published[r.story] for r in c.reports if published.get(r.story)), default=None)
        # The id does not depend on placed_on; a corrected claim keeps the id its correction names.
        fixed.append(replace(c, placed_on=placed, id=c.review.address if c.review and c.review.address else claim_id(c)))
    fixed = _unique_ids(fixed)
    fixed.sort(key=lambda c: _order_key(c, outlets))
    speakers: dict[str, Speaker] = {}
    for c in fixed:
        if c.speaker and c.speaker.id not in speakers:
            speakers[c.speaker.id] = c.speaker
    return Timeline(
        stories=tuple(stories),
        claims=tuple(fixed),
        speakers=tuple(sorted(speakers.values(), key=lambda s: s.name.casefold())),
        series=build_series(fixed, series, stories, measures),
    )


def _unique_ids(claims: list[Claim]) -> list[Claim]:
    seen: dict[str, int] = {}
    out = []
    for c in claims:
        n = seen.get(c.id, 0)
        seen[c.id] = n + 1
        out.append(c if n == 0 else replace(c, id=f"{c.id}-{n + 1}"))
    return out

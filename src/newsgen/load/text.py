"""Scraped page text (.txt) -> Story.

A scraped page is the article plus everything around it. The article body is found
by the shape of the page, not by any site's wording: it is the longest contiguous
run of prose paragraphs. What stands before it (the header) gives the headline,
byline, credit, date bar and publication stamps; captions are lines that repeat or
end in a photo credit; everything after the prose stops is furniture.
"""
from __future__ import annotations

from dataclasses import dataclass

from newsgen.load import chrome
from newsgen.load.clean import CLOSERS, ends_sentence, is_prose, is_short_sentence, squash, words
from newsgen.load.datetext import Dateline, date_bar, dateline, stamps, year_for
from newsgen.model import Problem, Story

# How far from the headline a bare name line may stand to count as the byline.
_BYLINE_REACH = 3
# Lines after the body still read for stamps and credits ("Posted by ... at ...").
_FOOTER_REACH = 4


@dataclass(frozen=True)
class Line:
    no: int  # 1-based line number in the file
    text: str
    kind: str = "other"  # prose | short | caption | skip | meta | furniture | label | bullet | other


def read_text(text: str, seed: str) -> tuple[Story, tuple[Problem, ...]]:
    lines = _classify(_lines(text))
    stem = seed.rsplit(".", 1)[0]
    body = _body(lines)
    if body is None:
        return Story(id=stem, seed=seed, format="txt"), (
            Problem(seed, "no article text found (no run of prose paragraphs)", severity="warning"),
        )
    start, end = body
    header = lines[:start]
    inside = lines[start:end + 1]
    footer = lines[end + 1:end + 1 + _FOOTER_REACH]
    footer = footer[: next((i for i, ln in enumerate(footer) if ln.kind in ("label", "bullet")), len(footer))]

    paragraphs = tuple(ln.text for ln in inside if ln.kind in ("prose", "short"))
    captions = _unique(ln.text for ln in header + inside if ln.kind == "caption")

    title_at = _title(header)
    title = header[title_at].text if title_at is not None else None
    before_title = header[:title_at] if title_at is not None else header
    seen_on = next((d for d in (date_bar(ln.text) for ln in before_title) if d), None)

    published = updated = None
    for ln in header + footer:
        st = stamps(ln.text) if len(words(ln.text)) <= 20 else None
        if st:
            published = published or st.published
            updated = updated or st.updated

    dl: Dateline | None = dateline(paragraphs[0]) if paragraphs else None
    basis = "publication line" if published else None
    if published is None and dl is not None:
        published = dl.on(dl.year or year_for(dl, updated))
        basis = "dateline" if published else None

    credit = next((c for c in (chrome.credit_line(ln.text) for ln in header) if c), None)
    credit = credit or (dl.credit if dl else None) or chrome.trailing_credit(paragraphs[-1])
    credit = credit or next((c for c in (chrome.credit_line(ln.text) for ln in footer) if c), None)

    story = Story(
        id=stem,
        seed=seed,
        title=title,
        credit=credit,
        byline=_byline(header, title_at, footer),
        published=published,
        published_basis=basis,
        paragraphs=paragraphs,
        captions=captions,
        seen_on=seen_on,
        updated=updated,
        dateline=dl.text if dl else None,
        format="txt",
    )
    return story, ()


# --- lines ------------------------------------------------------------------------


def _lines(text: str) -> list[tuple[int, str]]:
    """Non-empty lines with their numbers; hard-wrapped prose is joined back up."""
    out: list[tuple[int, str]] = []
    blank_before = True
    for no, raw in enumerate(text.splitlines(), 1):
        t = squash(raw)
        if not t:
            blank_before = True
            continue
        if out and not blank_before and _continues(out[-1][1], t):
            out[-1] = (out[-1][0], out[-1][1] + " " + t)
        else:
            out.append((no, t))
        blank_before = False
    return out


def _continues(prev: str, nxt: str) -> bool:
    # A wrapped line stops mid-sentence and the next one carries on in lower case.
    return (
        len(prev) >= 40
        and not ends_sentence(prev, colon=True)
        and not chrome.is_bullet(prev)
        and nxt[:1].islower()
    )


def _classify(raw: list[tuple[int, str]]) -> list[Line]:
    texts = [t for _, t in raw]
    counts: dict[str, int] = {}
    for t in texts:
        counts[t] = counts.get(t, 0) + 1
    out: list[Line] = []
    for i, (no, t) in enumerate(raw):
        repeated_here = (i > 0 and texts[i - 1] == t) or (i + 1 < len(texts) and texts[i + 1] == t)
        out.append(Line(no, t, _kind(t, repeated_here, counts[t] > 1)))
    return out


def _kind(t: str, repeated_here: bool, repeated: bool) -> str:
    n = len(words(t))
    if n <= 20 and _is_meta(t):
        return "meta"
    if chrome.is_label(t):
        return "label"
    if chrome.is_skippable(t):
        return "skip"
    if chrome.is_furniture(t):
        return "furniture"
    if chrome.is_bullet(t):
        return "bullet"
    # A photo caption is often printed twice (over the image and in the text flow).
    if repeated_here and n >= 4:
        return "caption"
    bracketed = chrome.trailing_credit(t) is None
    if chrome.photo_credit(t, bracketed=bracketed) and n <= 60:
        return "caption"
    if is_prose(t):
        return "prose"
    if repeated:
        return "furniture"
    if is_short_sentence(t):
        return "short"
    return "other"


# --- the body ---------------------------------------------------------------------


def _runs(lines: list[Line]) -> list[list[int]]:
    """Indices of maximal runs of prose; skippable lines and captions do not break a run."""
    runs: list[list[int]] = []
    cur: list[int] = []
    for i, ln in enumerate(lines):
        if ln.kind in ("prose", "short"):
            cur.append(i)
        elif ln.kind in ("skip", "caption"):
            continue
        else:
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return [r for r in runs if any(lines[i].kind == "prose" for i in r)]


def _weight(lines: list[Line], run: list[int]) -> int:
    return sum(len(lines[i].text) for i in run if lines[i].kind == "prose")


def _body(lines: list[Line]) -> tuple[int, int] | None:
    """First and last line index of the article body."""
    runs = _runs(lines)
    if not runs:
        return None
    best = max(range(len(runs)), key=lambda k: (_weight(lines, runs[k]), -k))
    lo = hi = best
    # Join runs split by one crosshead, when the run beyond it is a real stretch of
    # text (teaser blocks alternate a headline with a one-line summary).
    while hi + 1 < len(runs) and _crosshead_between(lines, runs[hi][-1], runs[hi + 1]):
        hi += 1
    while lo > 0 and len(runs[lo - 1]) >= 2 and _crosshead_between(lines, runs[lo - 1][-1], runs[lo]):
        lo -= 1
    return runs[lo][0], runs[hi][-1]


def _crosshead_between(lines: list[Line], last: int, run: list[int]) -> bool:
    if sum(1 for i in run if lines[i].kind == "prose") < 2:
        return False
    between = [ln for ln in lines[last + 1:run[0]] if ln.kind not in ("skip", "caption")]
    if len(between) != 1:
        return False
    ln = between[0]
    return ln.kind == "other" and len(words(ln.text)) <= 12 and not ends_sentence(ln.text)


# --- the header -------------------------------------------------------------------


def _is_meta(t: str) -> bool:
    """Byline, credit, stamp or date bar: header lines that are not the headline."""
    return bool(
        chrome.by_line(t)
        or chrome.credit_line(t)
        or date_bar(t)
        or stamps(t)
        or (len(words(t)) <= 3 and chrome.name_line(t))
    )


def _title_candidate(ln: Line) -> bool:
    n = len(words(ln.text))
    if ln.kind not in ("other", "prose", "short") or not 3 <= n <= 30:
        return False
    if chrome.name_line(ln.text):
        return False
    # Headlines end without a full stop; a question or exclamation is fine.
    return not ln.text.rstrip(CLOSERS).endswith(".")


def _title(header: list[Line]) -> int | None:
    """Index of the headline: the first line of the last group of candidate lines
    before the byline / credit / stamps (or before the body), since a standfirst or
    a link to related coverage follows the headline."""
    first_cand = next((i for i, ln in enumerate(header) if _title_candidate(ln)), None)
    if first_cand is None:
        return None
    # Date bars usually stand above the headline, so they do not end the headline block.
    anchor = next(
        (i for i in range(first_cand + 1, len(header)) if header[i].kind == "meta" and not date_bar(header[i].text)),
        len(header),
    )
    groups: list[list[int]] = []
    for i in range(anchor):
        if _title_candidate(header[i]):
            if groups and groups[-1][-1] == i - 1:
                groups[-1].append(i)
            else:
                groups.append([i])
    if not groups:
        return None
    group = groups[-1]
    # A kicker ("War in Ukraine") may sit above the headline; decks and links follow it.
    if len(group) >= 2 and len(words(header[group[0]].text)) <= 4 < len(words(header[group[1]].text)):
        return group[1]
    return group[0]


def _byline(header: list[Line], title_at: int | None, footer: list[Line]) -> str | None:
    for ln in header:
        name = chrome.by_line(ln.text)
        if name:
            return name
    if title_at is not None:
        for ln in header[title_at + 1:title_at + 1 + _BYLINE_REACH]:
            name = chrome.name_line(ln.text)
            if name:
                return name
    for ln in footer:
        name = chrome.by_line(ln.text)
        if name:
            return name
    return None


def _unique(items) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for t in items:
        seen.setdefault(t, None)
    return tuple(seen)


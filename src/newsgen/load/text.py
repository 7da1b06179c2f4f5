"""Scraped page text (.txt) -> Story.

A scraped page is the article plus everything around it. The article body is found
by the shape of the page, not by any site's wording: it is the longest contiguous
run of prose paragraphs. What stands before it (the header) gives the headline,
byline, credit, date bar and publication stamps; captions are lines that repeat,
end in a photo credit or follow a line that is only an image credit; everything
after the prose stops is furniture.

Header rules that matter on pages from unseen outlets:

- Headline: among the candidate lines before the byline, the first one of the
  last block that shares most of its words with the article's opening paragraphs;
  so a block of unlabelled teaser headlines directly above the headline is passed
  over (teasers are about other stories).
- Publication date, in order: a labelled stamp ("Published", "Posted", also as a
  "|"-separated part of a byline line); then a date printed alone in the header
  block, i.e. among the first lines under the headline (beside the byline), with
  at most a time, a reading time or an "Updated ..." note after it; then a dateline
  with a year. A date line ABOVE the headline is a date bar (the day the page was
  seen, `seen_on`), never the publication date alone; "Updated" stamps are only
  `updated`. A relative stamp ("Published 2 hours ago") counts back from the date
  bar (and its time, where printed): the day(s) it may mean, narrowed by the
  dateline when the bar has no time; alone it gives no date.
- A header row keeps its cells apart with wide gaps ("Posted: ...     Prepared by:
  Jane Doe     Read time: 5 min"); stamps, bylines and date bars are read per cell.
- A bulleted list inside the body (a "Key points:" list of sentences) does not end
  the body when prose continues after it; its items are paragraphs.
- An author note after the body ("Jane Doe is a reporter covering ...") is not body
  text; it names the byline when the header does not.
- Outlet: see newsgen.load.outlet (copyright owner, "Source:" line, logo line).
- All-numeric dates (06.11.2024) are read in the order the page's other dates
  settle (newsgen.load.pubdate.day_first), or else the day the page was seen (a page
  is not published after it); a date bar is the publication date only where the
  dateline's day agrees with it.
- A crosshead inside the body reaches the boilerplate stage as a heading, which
  keeps it only when it carries a date.
- A related-articles block inside the body (a label over a few headlines) does not
  end the body when the text after it goes on about the same thing; a live blog's
  entry times on lines of their own do not end it either.
- The body's paragraphs then pass through the boilerplate stage every reader shares
  (newsgen.load.boilerplate).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from newsgen.load import boilerplate, chrome
from newsgen.load.boilerplate import Block
from newsgen.load.clean import CLOSERS, ends_sentence, is_prose, is_short_sentence, squash, word_count, words
from newsgen.load.datetext import (Dateline, Relative, clock_time, date_bar, dateline, find_date, header_date, relative_stamp,
                                    stamps, year_for)
from newsgen.load.outlet import byline_affiliations, outlet_from
from newsgen.dates import WEEKDAY_DATE, find_dates
from newsgen.load.pubdate import day_first, parse_value
from newsgen.model import Problem, Story

# How far from the headline (in lines that are not furniture) a bare name line may
# stand to count as the byline, and a bare date line as the publication date.
_BYLINE_REACH = 4
_HEADER_DATE_REACH = 4
# Lines at the top of a page where the site's logo text stands.
_TOP_LINES = 4
# Speaker-labelled lines ("Q:", "MR. X:") that make a page a transcript.
_TRANSCRIPT_TURNS = 3
# Lines a related-articles block inside the body may take (label and headlines).
_TEASER_BLOCK = 7
# Content words the text after such a block must share with the body to continue it.
_ON_TOPIC = 3
# Lines after the body still read for stamps and credits ("Posted by ... at ...").
_FOOTER_REACH = 4
# Words of a dated entry's one paragraph under its heading ("17 OCTOBER | KYIV").
_ENTRY_WORDS = 12
# Words of one paragraph of sentences above a crosshead that make it the body's
# opening, not a teaser's one-sentence summary.
_INTRODUCTION_WORDS = 30


@dataclass(frozen=True)
class Line:
    no: int  # 1-based line number in the file
    text: str
    kind: str = "other"  # prose | short | caption | credit | skip | meta | furniture | label | bullet | stamp | other
    # The line cut at its wide gaps: a scraped header row keeps its cells apart with runs
    # of spaces ("Posted: 11/12/2024     Prepared by: Jane Doe     Read time: 6 min").
    fields: tuple[str, ...] = ()


def read_text(text: str, seed: str) -> tuple[Story, tuple[Problem, ...]]:
    lines = _classify(_lines(text))
    stem = seed.rsplit(".", 1)[0]
    body = _body(lines)
    if body is None:
        return Story(id=stem, seed=seed, format="txt"), (
            Problem(seed, "no article text found (no run of prose paragraphs)", severity="warning"),
        )
    start, end = body
    # A live blog's first entry time stands just above the first entry.
    if start > 0 and lines[start - 1].kind == "stamp" and any(ln.kind == "stamp" for ln in lines[start:end + 1]):
        start -= 1
    start = _first_day_heading(lines, start, end)
    start = _first_brief_heading(lines, start, end)
    header = lines[:start]
    inside = lines[start:end + 1]
    footer = lines[end + 1:end + 1 + _FOOTER_REACH]
    footer = footer[: next((i for i, ln in enumerate(footer) if ln.kind in ("label", "bullet")), len(footer))]

    inside = _wire_credited_captions(inside)
    # A lead-in ("In the statement, the ministers:") over a list of sentences is text too.
    leads = {k for k, ln in enumerate(inside[:-1]) if _lead_in(ln) and (
        _list_item(inside[k + 1]) or inside[k + 1].kind == "prose" and _opens_quotation(inside[k + 1]))}
    blocks = [Block(_paragraph_text(ln), item=ln.kind == "bullet", line=ln.no) if _is_paragraph(ln) or k in leads
              else Block(ln.text, heading=True, line=ln.no)
              for k, ln in enumerate(inside) if _is_paragraph(ln) or k in leads or _crosshead(ln)]
    # An author note at the foot names the author; the boilerplate stage then drops it.
    _, bio_author = _drop_author_notes(tuple(b.text for b in blocks))
    page = boilerplate.strip(blocks)
    paragraphs = page.paragraphs
    captions = _unique([ln.text for ln in header + inside if ln.kind == "caption"] + [b.text for b in page.captions])

    title_at = _title(header, paragraphs)
    title = header[title_at].text if title_at is not None else None
    before_title = header[:title_at] if title_at is not None else header
    outside = [ln.text for ln in lines[:start] + lines[end + 1:]]
    order = day_first([ln.text for ln in lines], context=outside)
    bar = next((b for b in (_date_bar(ln, order) for ln in before_title) if b), None)
    seen_on, seen_at = bar if bar else (None, None)
    if order is None and seen_on is not None:
        # A page is not published after the day it was seen: that may settle 11/12/2024.
        order = day_first([ln.text for ln in lines], context=outside, latest=seen_on)

    published = updated = None
    for ln in header + footer:
        for st in _stamps_in(ln, order):
            published = published or st.published
            updated = updated or st.updated

    byline, by_at = _byline(header, title_at, footer)
    basis = "publication line" if published else None
    if published is None and title_at is not None:
        published = _header_date(header, title_at, by_at, order)
        basis = "header date" if published else None

    dl: Dateline | None = dateline(paragraphs[0]) if paragraphs else None
    occasion = _occasion_line(header[title_at + 1:] if title_at is not None else header, inside, order) \
        or _occasion_line(header, inside, order)
    chair = next((m.group("name") for m in (_CHAIR.match(ln.text) for ln in header) if m), None) if occasion else None
    if occasion is not None:
        # "Gaggle held: Monday, December 30, 2024": a transcript's header line saying when
        # the occasion was, which its answers are of; kept as the preamble it is.
        paragraphs = (occasion, *paragraphs)
    # Under the headline; else above it, beside the date bar ("Published 3 days ago").
    ago = _relative_stamp(header[title_at + 1:] if title_at is not None else header) or (
        _relative_stamp(before_title) if title_at is not None else None)
    if published is None and ago is not None and seen_on is not None:
        # "Published 2 hours ago" counts back from when the page was seen: its date bar.
        days = ago.days(seen_on, seen_at)
        if dl is not None and dl.month is not None and len(days) > 1:
            days = {d for d in days if (d.month, d.day) == (dl.month, dl.day) and dl.year in (None, d.year)}
        if len(days) == 1:
            published = days.pop()
            basis = "relative stamp and date bar"
    if published is None and dl is not None:
        published = dl.on(dl.year or year_for(dl, updated))
        basis = "dateline" if published else None
    if published is None and dl is not None and dl.year is None and dl.month is not None:
        # "BEIJING, Sept 3 (OWS) -" under "03-Sep-2025 08:47 GMT": a full date above the
        # text with the dateline's month and day gives its year.
        # (Not a date bar: when the page was seen, which agrees with a dateline only as below.)
        years = {d.year for d in _full_dates(ln.text for ln in header if not _date_bar(ln, order))
                 if (d.month, d.day) == (dl.month, dl.day)}
        if len(years) == 1:
            published, basis = dl.on(years.pop()), "dateline and a date above the text"
    if published is None and dl is not None and seen_on is not None and dl.year in (None, seen_on.year) \
            and (dl.month, dl.day) == (seen_on.month, seen_on.day) \
            and (ago is None or seen_on in ago.days(seen_on, seen_at)):
        # The date bar says when the page was seen; it is the publication day only
        # where the dateline's own day agrees with it (and a relative stamp does not
        # put publication days before it).
        published, basis = seen_on, "dateline and date bar"

    if published is None and updated is not None:
        # "Last updated: 24 October 2025, 16:55 KST" over entries stamped "12m ago" …
        # "8h ago": a live page whose entries all fall on the day of its last update.
        at = next((clock_time(ln.text) for ln in header if re.search(r"updat|modif", ln.text, re.I) and clock_time(ln.text)), None)
        ages = [r for r in (relative_stamp(ln.text) for ln in lines if ln.kind == "stamp") if r is not None and not r.updated]
        if at is not None and len(ages) >= _TRANSCRIPT_TURNS and all(r.days(updated, at) == {updated} for r in ages):
            published, basis = updated, "last update and its entries' ages"
    issued_by = _issued_by(header)
    if published is None and seen_on is not None and _address_day(lines[:start]) == seen_on:
        # "firstlight.example/briefings/2025-11-05" over "WEDNESDAY, NOVEMBER 5, 2025": the day
        # in the page's address is its publication day, and the date bar agrees with it.
        published, basis = seen_on, "date bar and address"
    credit = next((c for c in (chrome.credit_line(ln.text) for ln in header) if c), None)
    credit = credit or chrome.wire_credit(dl.credit if dl else None, paragraphs)
    credit = credit or next((c for c in (chrome.credit_line(ln.text) for ln in footer) if c), None)

    texts = [ln.text for ln in lines]
    affiliations = byline_affiliations(
        header[by_at].text, header[by_at + 1].text if by_at + 1 < len(header) else None
    ) if by_at is not None else ()
    # A logo line's cells first: the name stands apart from the links beside it
    # ("THE MIDLAND GAZETTE      Sign in | Subscribe").
    outlet = outlet_from(_logo_lines(lines[:_TOP_LINES]), texts, affiliations, footer=[ln.text for ln in lines[end + 1:]])
    paragraphs = boilerplate.without_outlet_blurb(paragraphs, outlet)
    story = Story(
        id=stem,
        seed=seed,
        title=title,
        outlet=outlet,
        credit=credit,
        byline=byline or bio_author,
        published=published,
        published_basis=basis,
        paragraphs=paragraphs,
        captions=captions,
        seen_on=seen_on,
        updated=updated,
        dateline=dl.text if dl else None,
        format="txt",
        issued_by=issued_by,
        chaired_by=chair,
    )
    return story, ()


_ADDRESS_DAY = re.compile(r"(?:https?://)?[\w.-]+\.[a-z]{2,}/\S*?(?<!\d)(?P<y>(?:19|20)\d\d)[/-](?P<m>[01]\d)[/-](?P<d>[0-3]\d)(?!\d)")


def _address_day(header: list[Line]) -> dt.date | None:
    """The one day written in the page addresses of the header ("…/2025/11/05/…")."""
    days = set()
    for ln in header:
        for m in _ADDRESS_DAY.finditer(ln.text):
            try:
                days.add(dt.date(int(m["y"]), int(m["m"]), int(m["d"])))
            except ValueError:
                continue
    return days.pop() if len(days) == 1 else None


_RELEASE_LABEL = re.compile(r"^\W*(?:press|news|media)\s+release\W*$|^\W*(?:press\s+)?statement\W*$", re.I)
_FROM = re.compile(r"^\s*(?:from|issued\s+by)\s*[:：]\s*(?P<who>\S.*)$", re.I)
# Where a "From:" line goes on from the body to the minister who signs with it.
_AND_SIGNER = re.compile(r"\s+and\s+(?:[Tt]he\s+)?(?:Rt\.?\s+Hon|Hon|Minister|Secretary|Prime|President|Mr|Ms|Mrs|Dr)\b.*$")


def _issued_by(header: list[Line]) -> str | None:
    """The body a press release page says it is from: a "PRESS RELEASE" label and a
    "From: …" line in the header (an e-mail's "From:" alone is its sender, no issuer)."""
    if not any(_RELEASE_LABEL.match(c) for ln in header for c in (ln.fields or (ln.text,))):
        return None
    for ln in header:
        m = _FROM.match(ln.text)
        if m and "@" not in m.group("who"):
            who = _AND_SIGNER.sub("", m.group("who")).strip(" .;")
            return who if 2 <= len(who) <= 120 else None
    return None


# --- lines ------------------------------------------------------------------------


# "Briefing held: 30 Dec 2024"; a record's "Meeting held at Headquarters, New York, on
# Wednesday, 18 December 2024".
_OCCASION = re.compile(r"^(?:[A-Za-z-]+\s+){1,3}(?:held|recorded|taped|conducted|given)(?:\s*[:：]\s*\S|\s+(?:at|in)\s[^:]{0,80}\bon\s+\S)", re.I)
# A verbatim record's chair, in its header: "President: Mrs. Thomas-Greenfield ........ (United States of America)".
_CHAIR = re.compile(r"^(?:President|Chair|Chairman|Chairwoman|Chairperson)\s*:\s*(?:Mr|Mrs|Ms|Dr)\.?\s+"
                    r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})\s*(?:\.{3,}|…)\s*(?:\([^()\n]{1,80}\))?\s*$")
# A verbatim record's speaker: "Ms. DiCarlo:", "Mr. Nebenzia (Russian Federation):".
_RECORD_LABEL = re.compile(r"^(?:The\s+(?:President|Chair(?:man|woman|person)?)|(?:Mr|Mrs|Ms|Dr)\.?\s+[A-Z][\w'’-]+)"
                           r"(?:\s*\([^()\n]{1,80}\))*\s*:\s+\S")


def _occasion_line(header: list[Line], inside: list[Line], dayfirst: bool | None) -> str | None:
    """The header line of a transcript that dates its occasion ("Briefing held: 30 Dec
    2024"), when the text is a transcript (turns opened by speaker labels)."""
    if sum(1 for ln in inside if chrome.SPEAKER_LABEL.match(ln.text) or _RECORD_LABEL.match(ln.text)
           or chrome.SPEAKER_LINE.match(ln.text)) < _TRANSCRIPT_TURNS:
        return None
    for ln in header:
        if _OCCASION.match(ln.text) and find_date(ln.text, dayfirst)[0] is not None:
            return ln.text
    # A sitting's heading just above the record: "HOUSE OF LORDS, ORAL QUESTIONS, WEDNESDAY 23 OCTOBER 2024".
    for ln in header[-_TOP_LINES:]:
        if ln.kind == "other" and word_count(ln.text) <= 12 and not ends_sentence(ln.text) \
                and re.search(r"\b(?:19|20)\d\d\b", ln.text) and find_date(ln.text, dayfirst)[0] is not None:
            return ln.text
    return None


def _logo_lines(top: list[Line]) -> list[str]:
    return [t for ln in top for t in ((*ln.fields, ln.text) if len(ln.fields) > 1 else (ln.text,))]


def _lines(text: str) -> list[tuple[int, str, tuple[str, ...]]]:
    """Non-empty lines with their numbers and cells; hard-wrapped prose is joined back up."""
    out: list[tuple[int, str, tuple[str, ...]]] = []
    blank_before = True
    raws = text.splitlines()
    width = _wrap_width(raws)
    last = ""
    for no, raw in enumerate(raws, 1):
        t = squash(raw)
        if width is not None:
            t = _FOOTNOTE_MARK.sub("", t)  # a printed document's "…in a systematic way.1 The …"
        if not t:
            blank_before = True
            continue
        if out and not blank_before and (_continues(out[-1][1], t) or _wrapped(last, raw, out[-1][1], t, width)):
            joined = out[-1][1] + " " + t
            out[-1] = (out[-1][0], joined, (joined,))
        else:
            out.append((no, t, _cells(raw)))
        blank_before = False
        last = raw
    return out


_FOOTNOTE_MARK = re.compile(r"(?<=[a-z)\]”\"][.,;:])\d{1,2}(?=\s+[A-Z(“\"]|\s*$)")


def _wrap_width(raws: list[str]) -> int | None:
    """The width a hard-wrapped file (a PDF's text, a script) breaks its lines at: the
    usual length of lines that stop mid-sentence with the next line going on in lower
    case; None unless three or more lines do so."""
    lengths = sorted(len(a.rstrip()) for a, b in zip(raws, raws[1:])
                     if len(a.strip()) >= 40 and b.strip()[:1].islower() and not ends_sentence(squash(a), colon=True))
    return lengths[len(lengths) // 2] if len(lengths) >= 3 else None  # (the median: a few run long)


def _wrapped(prev_raw: str, raw: str, prev: str, t: str, width: int | None) -> bool:
    """In a hard-wrapped file, a line broken near the wrap width goes on in the next line,
    whatever its case ("…the UN Panel of Experts on North" / "Korea in March 2024"), and
    even where a sentence ends there: a paragraph's last line is the short one."""
    return (
        width is not None
        and width - 12 <= len(prev_raw.rstrip()) <= width + 8
        and not chrome.is_bullet(t)
        and len(_cells(prev_raw)) == 1 and len(_cells(raw)) == 1
        and chrome.by_line(t) is None
    )


_GAP = re.compile(r"\t+|[ \u00a0\u3000]{3,}")


def _cells(raw: str) -> tuple[str, ...]:
    """A line's cells: the parts its wide gaps keep apart, each with a word in it."""
    return tuple(c for c in (squash(part) for part in _GAP.split(raw)) if re.search(r"\w", c))


def _continues(prev: str, nxt: str) -> bool:
    # A wrapped line stops mid-sentence and the next one carries on in lower case.
    return (
        len(prev) >= 40
        and not ends_sentence(prev, colon=True)
        and not chrome.is_bullet(prev)
        and nxt[:1].islower()
    )


def _classify(raw: list[tuple[int, str]]) -> list[Line]:
    texts = [t for _, t, _ in raw]
    counts: dict[str, int] = {}
    for t in texts:
        counts[t] = counts.get(t, 0) + 1
    # A printed document's running head and foot: the same row of cells on every page,
    # its page number aside ("CNASS Policy Brief No. 27      July 2025", "… | example.org   2").
    paged: dict[str, int] = {}
    for _, t, cells in raw:
        if len(cells) >= 2:
            key = re.sub(r"\d+", "#", t)
            paged[key] = paged.get(key, 0) + 1
    out: list[Line] = []
    for i, (no, t, cells) in enumerate(raw):
        repeated_here = (i > 0 and texts[i - 1] == t) or (i + 1 < len(texts) and texts[i + 1] == t)
        if len(cells) >= 2 and paged[re.sub(r"\d+", "#", t)] >= 2:
            out.append(Line(no, t, "skip", cells))  # between pages, not the end of the text
            continue
        out.append(Line(no, t, _kind(t, repeated_here, counts[t] > 1), cells))
    # In a transcript every turn is text, however short or cut off ("Q: On Syria --").
    turns = [i for i, ln in enumerate(out) if chrome.SPEAKER_LABEL.match(ln.text)]
    if len(turns) >= _TRANSCRIPT_TURNS:
        for i in turns:
            if out[i].kind == "other":
                out[i] = replace(out[i], kind="short")
    # So is a label on a line of its own over its speech ("Lord Robathan (Con):"), when
    # the text has several, of two speakers or more.
    alone = [i for i, ln in enumerate(out) if chrome.SPEAKER_LINE.match(ln.text) and i + 1 < len(out)
             and out[i + 1].kind == "prose"]
    if len(alone) >= _TRANSCRIPT_TURNS and len({out[i].text for i in alone}) >= 2:
        for i in alone:
            out[i] = replace(out[i], kind="short")
    # The lines right under an advertisement marker, up to the next blank line, are the
    # advertisement's copy ("Advertisement" / "Winter sun: flights from EUR 189" /
    # "Sponsored by …").
    in_ad = False
    for i in range(1, len(out)):
        in_ad = (in_ad or out[i - 1].kind in ("skip", "other") and chrome.is_ad_marker(out[i - 1].text)) \
            and out[i].no == out[i - 1].no + 1
        if in_ad and out[i].kind in ("prose", "short", "other", "label") and word_count(out[i].text) <= 40:
            out[i] = replace(out[i], kind="skip")
        else:
            in_ad = False
    # A marker set off by a rule ("SPONSORED" / "-----" / copy / "-----"): the box up to
    # the next rule is the advertisement.
    for i in range(len(out) - 1):
        if chrome.is_ad_marker(out[i].text) and _rule(out[i + 1]):
            out[i] = replace(out[i], kind="skip")
            box = list(range(i + 2, min(i + 2 + _AD_BOX_LINES + 1, len(out))))
            end = next((k for k in box if _rule(out[k])), None)
            if end is not None and all(word_count(out[k].text) <= 40 for k in range(i + 2, end)):
                for k in range(i + 2, end):
                    out[k] = replace(out[k], kind="skip")
    # The line after one that is only an image credit ("Getty Images") is its caption.
    for i in range(1, len(out)):
        if out[i - 1].kind == "credit" and out[i].kind in ("prose", "short", "other") and word_count(out[i].text) <= 40:
            out[i] = replace(out[i], kind="caption")
    return out


_CUT = re.compile(r"[\[(]\s*(?:(?:\.\s*){3}|…\s*)[\])]")


def _kind(t: str, repeated_here: bool, repeated: bool) -> str:
    n = len(words(t))
    if _CUT.fullmatch(t):
        return "skip"  # "[...]": the editor's cut inside the text, not its end
    if boilerplate.is_clock(t):
        return "stamp"  # a live blog's entry time: the boilerplate stage joins it to its entry
    rel = relative_stamp(t)
    if rel is not None and not rel.updated and n <= 3:
        return "stamp"  # "12m ago", "3h ago": an entry's age on a live page, as the page was seen
    if chrome.image_credit_line(t):
        return "credit"
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
        elif ln.kind in ("skip", "caption", "credit", "stamp"):
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
    live = sum(1 for ln in lines if ln.kind == "stamp") >= _LIVE_STAMPS
    while True:
        if hi + 1 < len(runs) and (_crosshead_between(lines, runs[hi][-1], runs[hi + 1])
                                   or _brief_between(lines, runs[hi], runs[hi + 1])
                                   or live and _entry_between(lines, runs[hi][-1], runs[hi + 1])
                                   or _list_between(lines, runs[hi][-1], runs[hi + 1])
                                   or _teasers_between(lines, runs[hi][-1], runs[hi + 1], runs[hi])):
            hi += 1
        elif lo > 0 and ((_stretch(lines, runs[lo - 1]) or _dated_entries(lines, runs[lo - 1], runs[lo]))
                         and _crosshead_between(lines, runs[lo - 1][-1], runs[lo])
                         or _brief_between(lines, runs[lo - 1], runs[lo])
                         or live and _entry_between(lines, runs[lo - 1][-1], runs[lo])
                         or _list_between(lines, runs[lo - 1][-1], runs[lo])
                         or _teasers_between(lines, runs[lo - 1][-1], runs[lo], runs[lo - 1])):
            lo -= 1
        else:
            return runs[lo][0], _closing_list(lines, runs[hi][-1])


def _stretch(lines: list[Line], run: list[int]) -> bool:
    """A run above a crosshead that is text, not a teaser's summary: two paragraphs or
    more, a quotation (a speech's excerpt), or one long paragraph (an excerpt's introduction)."""
    t = lines[run[0]].text
    return len(run) >= 2 or _opens_quotation(lines[run[0]]) or (
        word_count(t) >= _INTRODUCTION_WORDS and re.search(r"[.!?][\"”’]?\s+[\"“A-Z]", t) is not None)


def _set_between(lines: list[Line], last: int, run: list[int]) -> list[Line]:
    """The lines between a run's last line and the next run that are set as text would
    be: not captions, credits, skipped lines or rules."""
    return [ln for ln in lines[last + 1:run[0]] if ln.kind not in ("skip", "caption", "credit") and not _rule(ln)]


def _dated_entries(lines: list[Line], before: list[int], run: list[int]) -> bool:
    """Two entries of a timeline: a dated heading between them, the one above a sentence
    long enough to be an entry's."""
    between = _set_between(lines, before[-1], run)
    return len(between) == 1 and boilerplate.dated_heading(between[0].text) and word_count(lines[before[-1]].text) >= _ENTRY_WORDS


def _closing_list(lines: list[Line], last: int) -> int:
    """The body's last line, taking in a list of sentences that ends the article, in
    sections perhaps ("Below are the main figures." / "DEPLOYMENT" / "* Oct 22 - X
    said …"): a factbox's items are its text. A label ("Read next") ends it."""
    end, items, i = last, 0, last + 1
    while i < len(lines):
        ln = lines[i]
        if ln.kind in ("skip", "caption", "credit"):
            pass
        elif _list_item(ln) and is_prose(chrome.unbullet(ln.text)):
            items += 1
            end = i
        elif ln.kind in ("other", "meta") and len(words(ln.text)) <= 5 and not ends_sentence(ln.text) \
                and not chrome.is_label(ln.text) and i + 1 < len(lines) and lines[i + 1].kind == "bullet":
            pass  # a section heading over the next items
        else:
            break
        i += 1
    return end if items >= 2 else last


def _list_item(ln: Line) -> bool:
    """A bullet that holds a sentence or a clause going on a lead's sentence ("Key points"
    item, "- agreed to ...;"), not a teaser link."""
    if ln.kind != "bullet":
        return False
    t = chrome.unbullet(ln.text)
    return is_prose(t) or is_short_sentence(t) or boilerplate.clause(t)


def _opens_quotation(ln: Line) -> bool:
    """The line is a quotation ("Foreign Secretary X said:" / "\"Today's action …\"")."""
    return ln.text.lstrip()[:1] in "\"“‘'"


def _lead_in(ln: Line) -> bool:
    return ln.kind == "other" and ln.text.rstrip().endswith((":", "：")) and len(words(ln.text)) <= 25


def _list_between(lines: list[Line], last: int, run: list[int]) -> bool:
    """Only a list of sentences (perhaps after a "Key points:" line) separates two
    runs of prose: the body goes on after the list."""
    between = [ln for ln in lines[last + 1:run[0]] if ln.kind not in ("skip", "caption", "credit")]
    if between and _lead_in(between[0]):
        between = between[1:]
    return bool(between) and all(_list_item(ln) for ln in between)


def _teasers_between(lines: list[Line], last: int, run: list[int], body: list[int]) -> bool:
    """A related-articles block inside the body: a label ("Related stories", "READ
    ALSO:") over a few headline lines, with the article going on after it: two
    paragraphs of prose or more, about what the body is about (teaser summaries
    after a list share their words with the teaser above them instead)."""
    between = [ln for ln in lines[last + 1:run[0]] if ln.kind not in ("skip", "caption", "credit")]
    if not 2 <= len(between) <= _TEASER_BLOCK or sum(1 for i in run if lines[i].kind == "prose") < 2:
        return False
    head, rest = between[0], between[1:]
    labelled = head.kind == "label" or (head.kind == "other" and len(words(head.text)) <= 5
                                        and not ends_sentence(head.text))
    if not labelled or not all(ln.kind in ("other", "bullet", "furniture") and not ends_sentence(chrome.unbullet(ln.text))
                               for ln in rest):
        return False
    after = _content_words(" ".join(lines[i].text for i in run[:2]))
    on_topic = len(after & _content_words(" ".join(lines[i].text for i in body)))
    return on_topic >= _ON_TOPIC and on_topic > len(after & _content_words(" ".join(ln.text for ln in rest)))


def _is_paragraph(ln: Line) -> bool:
    if ln.kind in ("prose", "short", "stamp"):
        return True
    # Inside the body, lists of sentences and the lines that introduce them are text.
    return _list_item(ln) or (_lead_in(ln) and word_count(ln.text) >= 6)


def _crosshead(ln: Line) -> bool:
    """A line inside the body that may be a section heading (the boilerplate stage keeps
    it only when it carries a date); bylines and stamps are not."""
    return (ln.kind in ("other", "meta", "label") and not ends_sentence(ln.text)
            and not chrome.by_line(ln.text) and not stamps(ln.text))


def _paragraph_text(ln: Line) -> str:
    return chrome.unbullet(ln.text) if ln.kind == "bullet" else ln.text


def _wire_credited_captions(inside: list[Line]) -> list[Line]:
    """A short line ending in a wire credit ("... at Seoul Station. (Yonhap)") is a
    photo caption unless it closes the article, where the credit is the story's."""
    last = max((i for i, ln in enumerate(inside) if ln.kind == "prose"), default=-1)
    return [
        replace(ln, kind="caption")
        if i != last and ln.kind == "prose" and word_count(ln.text) <= 40 and chrome.trailing_credit(ln.text)
        else ln
        for i, ln in enumerate(inside)
    ]


def _drop_author_notes(paragraphs: tuple[str, ...]) -> tuple[tuple[str, ...], str | None]:
    """Author notes after the article ("Jane Doe is a reporter covering ...")."""
    author = None
    while len(paragraphs) > 1:
        name = chrome.bio_name(paragraphs[-1])
        if not name:
            break
        author, paragraphs = name, paragraphs[:-1]
    return paragraphs, author


def _crosshead_between(lines: list[Line], last: int, run: list[int]) -> bool:
    # (A newsletter sets its section headings between rules.)
    between = _set_between(lines, last, run)
    if len(between) != 1:
        return False
    ln = between[0]
    # ("ON PRESSURE" reads like a name in capitals: a heading still, but not a byline or date.)
    heading = ln.kind == "other" or ln.kind == "meta" and not (
        chrome.by_line(ln.text) or chrome.credit_line(ln.text) or date_bar(ln.text, dayfirst=True) or stamps(ln.text))
    if not (heading and len(words(ln.text)) <= 12 and not ends_sentence(ln.text)):
        return False
    prose = sum(1 for i in run if lines[i].kind == "prose")
    if _lead_in(ln) and len(words(ln.text)) <= 12 and _opens_quotation(lines[run[0]]):
        return True  # "Foreign Secretary David Lammy said:" over the quotation it introduces
    # A newsletter's numbered sections ("2. SEOUL REACTS") may hold one paragraph each, and
    # a speech's excerpts one quotation each; other one-paragraph runs after a heading
    # are teasers (a headline, its summary).
    # A timeline's dated heading ("17 OCTOBER | KYIV") heads its entry, one paragraph or more.
    return prose >= 2 or (prose == 1 and (bool(_NUMBERED_SECTION.match(ln.text)) or _opens_quotation(lines[run[0]])
                                          or boilerplate.dated_heading(ln.text) and word_count(lines[run[0]].text) >= _ENTRY_WORDS))


def _brief_between(lines: list[Line], before: list[int], run: list[int]) -> bool:
    """A page of wire briefs: each brief its own headline over a paragraph opening
    with a dated dateline ("SEOUL, Aug 22 (PLW) -"), rules between them. Briefs one
    paragraph long are too short to be the body alone; together they are it."""
    between = _set_between(lines, before[-1], run)
    return len(between) == 1 and _brief_heading(between[0]) and _dated_dateline(lines[before[0]]) \
        and _dated_dateline(lines[run[0]])


def _brief_heading(ln: Line) -> bool:
    return ln.kind in ("other", "meta", "short") and len(words(ln.text)) <= 14 and not ends_sentence(ln.text)


def _dated_dateline(ln: Line) -> bool:
    dl = dateline(ln.text)
    return dl is not None and dl.month is not None and dl.day is not None


def _first_brief_heading(lines: list[Line], start: int, end: int) -> int:
    """On a page of briefs, the first brief's headline is the body's, as the later ones are."""
    if not _dated_dateline(lines[start]):
        return start
    i = start - 1
    if i < 0 or not _brief_heading(lines[i]):
        return start
    later = [k for k in range(start + 1, end + 1) if _dated_dateline(lines[k])]
    if not later or not any(_brief_heading(lines[k - 1]) for k in later):
        return start
    return i


_NUMBERED_SECTION = re.compile(r"^\s*\d{1,2}[.)]\s+\S")

def _first_day_heading(lines: list[Line], start: int, end: int) -> int:
    """A live page that heads its days ("TUESDAY 19 NOVEMBER 2024" between rules) has
    the first day's heading just above the first entry: the body starts there. Only
    where a later day's heading stands in the body too (a date line alone above the
    entries may be the date bar of the scrape)."""
    def day(ln: Line) -> bool:
        # ("WEDNESDAY, SEPT. 3": a day heading need not give the year.)
        return ln.kind == "meta" and bool(date_bar(ln.text, dayfirst=True)) or \
            ln.kind in ("other", "short") and len(words(ln.text)) <= 5 and _day_heading(ln.text)

    if not any(day(ln) for ln in lines[start:end + 1]):
        return start
    i = start
    while i > 0 and (lines[i - 1].kind == "stamp" or _rule(lines[i - 1])):
        i -= 1
    if i > 0 and day(lines[i - 1]):
        return i - 1
    return start


def _day_heading(text: str) -> bool:
    """ "WEDNESDAY, SEPT. 3": a weekday with its date (a day heading need not give the year)."""
    return re.fullmatch(WEEKDAY_DATE, text.strip()) is not None and re.search(r"\d", text) is not None


def _rule(ln: Line) -> bool:
    return ln.kind == "furniture" and not re.search(r"\w", ln.text)


# The most lines of copy an advertisement box between rules holds.
_AD_BOX_LINES = 6

# Time stamps on a page that make it a live blog, whose entries the body runs through.
_LIVE_STAMPS = 3


def _entry_between(lines: list[Line], last: int, run: list[int]) -> bool:
    """On a live page, only the next entry's opening separates two runs: its time
    stamp, perhaps its headline, and where a new day begins, the day's heading between
    rules ("-----" / "TUESDAY 19 NOVEMBER 2024" / "-----")."""
    between = [ln for ln in lines[last + 1:run[0]] if ln.kind not in ("skip", "caption", "credit")]
    if not any(ln.kind == "stamp" for ln in between):
        return False
    headlines = [ln for ln in between if ln.kind == "other" and not _day_heading(ln.text)]
    if len(headlines) > 1 or any(len(words(ln.text)) > 15 or ends_sentence(ln.text) for ln in headlines):
        return False
    return all(ln.kind in ("stamp", "other") or (ln.kind == "meta" and date_bar(ln.text, dayfirst=True))
               or _rule(ln) for ln in between)


# --- the header -------------------------------------------------------------------


def _is_meta(t: str) -> bool:
    """Byline, credit, stamp or date bar: header lines that are not the headline."""
    return bool(
        chrome.by_line(t)
        or chrome.credit_line(t)
        or date_bar(t, dayfirst=True)  # a date line whichever way its day and month run
        or stamps(t)
        or (len(words(t)) <= 3 and chrome.name_line(t))
    )


def _title_candidate(ln: Line) -> bool:
    n = len(words(ln.text))
    if ln.kind not in ("other", "prose", "short") or not 3 <= n <= 30:
        return False
    if chrome.name_line(ln.text):
        return False
    if _date_bar(ln, True) or _date_bar(ln, False):
        return False  # "Saturday, March 8, 2025 | 14:02 KST      Weather Seoul 9°C": a date bar's row
    # A menu ("News | World | Opinion | Business") is not a headline.
    if len(re.findall(r"\s[|·•]\s", ln.text)) >= 2:
        return False
    # Headlines end without a full stop; a question or exclamation is fine.
    return not ln.text.rstrip(CLOSERS).endswith(".")


_STOPWORDS = frozenset("""
the a an of to in on for and or but with from by at as is are was were be been being has have had it its
this that these those their his her they he she we you your not no nor more than over after before into
about says said say will would could should may might can new also what how why who when where which
gmt utc bst cet cest eet eest est edt kst jst msk update updated last
january february march april june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
""".split())  # (A date line shares its month and time zone with the lead's "on November 4 … 08:20 GMT".)


def _content_words(text: str) -> set[str]:
    out = set()
    for w in re.findall(r"[a-z][a-z'’-]+", text.lower()):
        w = re.sub(r"['’]s$", "", w).strip("'’-")
        if len(w) > 4 and w.endswith("s"):
            w = w[:-1]
        if len(w) >= 3 and w not in _STOPWORDS:
            out.add(w)
    return out


def _about_the_article(text: str, lead: set[str]) -> bool:
    """Does a candidate line share most of its words with the article's opening?"""
    own = _content_words(text)
    shared = len(own & lead)
    return shared >= 2 and shared >= 0.34 * len(own)


def _title(header: list[Line], paragraphs: tuple[str, ...] = ()) -> int | None:
    """Index of the headline: the first line of the last group of candidate lines
    before the byline / credit / stamps (or before the body), since a standfirst or
    a link to related coverage follows the headline. When some candidates share
    the article's words, only those can start the headline (teasers do not)."""
    lead = _content_words(" ".join(paragraphs[:4]))
    about = {i for i, ln in enumerate(header) if _title_candidate(ln) and _about_the_article(ln.text, lead)}
    first_cand = min(about) if about else next((i for i, ln in enumerate(header) if _title_candidate(ln)), None)
    if first_cand is None:
        return None
    # Date bars usually stand above the headline, so they do not end the headline block;
    # but a date line under a line about the article in a header without byline or
    # stamps (a transcript's or release's: title, date, speaker) does.
    anchor = next(
        (i for i in range(first_cand + 1, len(header))
         if header[i].kind == "meta" and (not date_bar(header[i].text) or _under_headline(header, i, about))),
        len(header),
    )
    groups: list[list[int]] = []
    for i in range(anchor):
        if _title_candidate(header[i]):
            if groups and groups[-1][-1] == i - 1:
                groups[-1].append(i)
            else:
                groups.append([i])
    if about:
        groups = [[i for i in g if i >= min(i for i in g if i in about)] for g in groups if set(g) & about]
    if not groups:
        return None
    group = groups[-1]
    # A kicker ("War in Ukraine") may sit above the headline; decks and links follow it.
    if len(group) >= 2 and len(words(header[group[0]].text)) <= 4 < len(words(header[group[1]].text)):
        return group[1]
    # So may a rubric in capitals ("LIVE | RUSSIA'S WAR, DAY 1,000") over a longer line in mixed case.
    if len(group) >= 2 and header[group[0]].text.isupper() and not header[group[1]].text.isupper() \
            and len(words(header[group[0]].text)) < len(words(header[group[1]].text)):
        return group[1]
    return group[0]


def _under_headline(header: list[Line], i: int, about: set[int]) -> bool:
    """Does the date line at i stand directly under a line about the article, with
    no byline or stamp further down (those mark the real headline under a teaser)?"""
    if any(ln.kind == "meta" and not date_bar(ln.text) for ln in header[i + 1:]):
        return False
    j = i - 1
    while j >= 0 and header[j].kind in ("furniture", "skip", "label", "caption", "credit", "meta"):
        j -= 1
    return j >= 0 and j in about


def _parts(ln: Line) -> list[str]:
    """A short header line and its parts: its cells, and the pieces between its
    separators ("By X | Published: ...")."""
    text = ln.text
    if len(words(text)) > 20:
        return []
    parts = [text] + [c for c in ln.fields if c != text]
    for t in list(parts):
        if re.search(r"\s[|·•]\s", t):
            parts += re.split(r"\s+[|·•]\s+", t)
    return parts


def _stamps_in(ln: Line, dayfirst: bool | None = None):
    """Stamps on a line, also as parts of a byline line ("By X | Published: ...")."""
    for part in _parts(ln):
        st = stamps(part, dayfirst)
        if st:
            yield st


def _relative_stamp(lines: list[Line]) -> Relative | None:
    """A relative publication stamp ("Published 2 hours ago") in the header under the headline."""
    for ln in lines[:_HEADER_DATE_REACH + 2]:
        for part in _parts(ln):
            r = relative_stamp(part)
            if r and not r.updated:
                return r
    return None


def _date_bar(ln: Line, dayfirst: bool | None) -> tuple[dt.date, dt.time | None] | None:
    """(day, time) of a date bar: a line that is only a date, or whose first cell is one
    ("Wednesday, October 23, 2024   19:52 KST   Edition: Asia   Sign in",
    "Thu 14 Nov 2024 | Briefings | Search")."""
    d = date_bar(ln.text, dayfirst)
    if d:
        return d, clock_time(ln.text)
    cells = [piece for c in (ln.fields or (ln.text,)) for piece in re.split(r"\s+[|·•]\s+", c) if piece]
    if len(cells) > 1:
        d = date_bar(cells[0], dayfirst)
        if d:
            at = clock_time(cells[0]) or (clock_time(cells[1]) if boilerplate.is_clock(cells[1]) else None)
            return d, at
        # A row of short cells, one of them the date ("GNA | ENGLISH      Tue, November 4,
        # 2025 KST", "All News     19:26 November 04, 2025     Story No. AEN2025…").
        dated = [(c, date_bar(c, dayfirst)) for c in cells[1:]]
        dated = [(c, d) for c, d in dated if d]
        if len(dated) == 1 and all(len(words(c)) <= 5 for c in cells):
            return dated[0][1], clock_time(dated[0][0])
    return None


def _after_title(header: list[Line], title_at: int, reach: int) -> list[int]:
    """Indices of the first `reach` lines under the headline that are not furniture."""
    out = []
    for i in range(title_at + 1, len(header)):
        if header[i].kind in ("furniture", "skip", "label", "caption", "credit", "stamp"):
            continue
        out.append(i)
        if len(out) == reach:
            break
    return out


def _header_date(header: list[Line], title_at: int, by_at: int | None,
                 dayfirst: bool | None = None) -> dt.date | None:
    """A date printed alone among the first lines under the headline (beside the
    byline): the publication date. Above the headline it would be a date bar."""
    near = _after_title(header, title_at, _HEADER_DATE_REACH)
    if by_at is not None and by_at > title_at:
        near += [i for i in range(by_at + 1, min(by_at + 3, len(header))) if i not in near]
    for i in near:
        if stamps(header[i].text):
            continue  # labelled stamps are read elsewhere ("Updated ..." is never this)
        d = header_date(header[i].text, dayfirst)
        # A byline and its date on one line ("By Jane Doe | 06.11.2024 09:20").
        d = d or next((x for x in (header_date(p, dayfirst) for p in _byline_parts(header[i].text)[1:]) if x), None)
        if d:
            return d
    return None


def _byline_parts(text: str) -> list[str]:
    """A header line cut at its separators: "Jane Doe, 06.11.2024 09:20" -> name, date."""
    if len(words(text)) > 16:
        return [text]
    return [p for p in re.split(r"\s+[|·•]\s+|,\s+(?=\d)", text) if p]


def _byline(header: list[Line], title_at: int | None, footer: list[Line]) -> tuple[str | None, int | None]:
    """(author, index of the byline line in the header or None)."""
    start = title_at + 1 if title_at is not None else 0
    for i in range(start, len(header)):
        # Also as a cell of the line ("Transcript excerpt · Compiled by Jane Doe").
        cells = [c for c in (*header[i].fields, *re.split(r"\s+[|·•]\s+", header[i].text)) if c != header[i].text]
        name = chrome.by_line(header[i].text) or next((n for n in (chrome.by_line(c) for c in cells) if n), None)
        if name:
            return name, i
    if title_at is not None:
        for i in _after_title(header, title_at, _BYLINE_REACH):
            parts = _byline_parts(header[i].text)
            # A name line, or a name followed by the date ("Jane Doe, 06.11.2024 09:20").
            dated = len(parts) == 2 and header_date(parts[1], True) is not None
            name = chrome.name_line(parts[0] if dated else header[i].text)
            if name:
                return name, i
    for ln in footer:
        name = chrome.by_line(ln.text)
        if name:
            return name, None
    # Last: a "By" line above the headline (teaser blocks carry bylines too).
    for i in range(start):
        name = chrome.by_line(header[i].text)
        if name:
            return name, i
    return None, None


def _unique(items) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for t in items:
        seen.setdefault(t, None)
    return tuple(seen)


_DMY_HYPHEN = re.compile(r"\b[0-3]?\d-[A-Za-z]{3,9}-(?:19|20)\d\d\b")


def _full_dates(texts) -> list[dt.date]:
    """Every full date (day, month and year) written in these lines, including a wire
    terminal's "03-Sep-2025"."""
    found = []
    for t in texts:
        found += [m.date for m in find_dates(t, None) if m.date is not None and m.precision == "day" and m.kind == "explicit"]
        for m in _DMY_HYPHEN.finditer(t):
            d = parse_value(m.group(0).replace("-", " "))
            if d is not None:
                found.append(d)
    return found

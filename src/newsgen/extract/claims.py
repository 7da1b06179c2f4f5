"""From a story to attributed, dated, quantified claims: one spaCy Doc per story.

The text layer here cuts the story into statement units (sentences as
`split_sentences` cuts them: a quotation of several sentences stays one unit;
transcript turns and live-blog time stamps are read off first), writes them with
the story's facts into the Doc, and runs the pipeline of :mod:`newsgen.extract.nlp`:
entities and their linking (mentions.py), attribution (frames.py), the
statement's time (when.py). What the layers found is assembled into Claims with
their hedges (hedges.py), figures and what they count (quantities.py,
counting.py) and topics (relevance.py).

A unit is a claim when it has a speaker, or when it states a figure itself, and
bears on the story's topics (relevance.py). Questions the writer asks and
transcript questions are no claims.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, replace
from typing import Sequence

from newsgen.dates import WEEKDAY_DATE, WEEKDAY_NAME
from newsgen.load.boilerplate import dated_heading
from newsgen.extract import parts, relevance
from newsgen.extract.components import OUTLETS, PEOPLE, STORY, UNITS, unit_spans
from newsgen.extract.counting import with_counts
from newsgen.extract.cues import cues
from newsgen.extract.frames import Frame, UnitInfo
from newsgen.extract.hedges import find_hedges
from newsgen.extract.mentions import Entity
from newsgen.extract.nlp import OUTLET, pipeline
from newsgen.extract.quantities import find_quantities
from newsgen.extract.sentences import is_short_quote, open_quote_at_end, quotation_spans, quotations, split_sentences
from newsgen.extract.transcript import turns
from newsgen.extract.mentions import title_words
from newsgen.extract.when import NONE, Dating, transcript_occasion
from newsgen.load.datetext import dateline, dateline_end, year_for
from newsgen.model import Claim, Outlet, Person, Report, Story, Topic

__all__ = ["extract_claims", "extract_many", "claims_of", "story_doc"]

TEXT = "newsgen.text"  # the story's text as written (the Doc's has the dateline blanked)

# A figure worth a claim of its own: digits or a large number word.
_FIGURE = re.compile(r"\d|\b(?:hundreds?|thousands?|millions?|billions?|dozens?)\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Draft:
    unit: UnitInfo
    text: str
    speaker: Entity | None
    frame: Frame | None
    dating: Dating
    named: frozenset[str] = frozenset()  # ids of everyone the unit names


def extract_claims(story: Story, people: Sequence[Person], topics: Sequence[Topic],
                   outlets: Sequence[Outlet] = ()) -> tuple[Claim, ...]:
    """The claims of one story, in reading order (see module docstring)."""
    doc, _ = story_doc(story, people, outlets)
    return claims_of(story, doc, topics)


def extract_many(stories: Sequence[Story], people: Sequence[Person], topics: Sequence[Topic],
                 outlets: Sequence[Outlet] = (), batch_size: int = 16) -> list[tuple[Claim, ...] | Exception]:
    """The claims of each story, the Docs parsed in batches through `nlp.pipe` (the
    model's matrix work is cheaper by the batch). A story whose extraction fails gets
    its exception in its place; the others are unaffected."""
    nlp = pipeline(people, outlets)
    out: list[tuple[Claim, ...] | Exception] = []
    for start in range(0, len(stories), batch_size):
        batch = stories[start: start + batch_size]
        try:
            docs = _annotated(nlp, [_prepared(s, people, nlp, outlets) for s in batch], batch_size)
        except Exception:  # noqa: BLE001 - find the story that failed, one by one
            for s in batch:
                try:
                    out.append(extract_claims(s, people, topics, outlets))
                except Exception as e:  # noqa: BLE001
                    out.append(e)
            continue
        for s, doc in zip(batch, docs):
            try:
                out.append(claims_of(s, doc, topics))
            except Exception as e:  # noqa: BLE001
                out.append(e)
    return out


def _annotated(nlp, docs: list, batch_size: int) -> list:
    """The Docs through the pipeline, in batches; a story of book length in parts (parts.py)."""
    batched = iter(nlp.pipe([d for d in docs if not parts.is_long(d)], batch_size=batch_size))
    return [parts.annotated(nlp, d) if parts.is_long(d) else next(batched) for d in docs]


def claims_of(story: Story, doc, topics: Sequence[Topic]) -> tuple[Claim, ...]:
    """The claims the layers of a story's Doc give."""
    units = doc.user_data[UNITS]
    drafts = []
    spans = list(unit_spans(doc))
    frames = list(doc._.frames)
    datings = list(doc._.datings)
    for k in range(1, len(units)):
        frame = frames[k][0]
        if frame is None or frame.speaker is None:
            continue
        if frames[k - 1][0] is None and units[k - 1].paragraph == units[k].paragraph and not units[k - 1].heading \
                and (_points_back(spans[k], frame) or _said_this(spans[k], frame)):
            # "North Korea has sent 5,000 builders. That is what Lee told reporters
            # yesterday.": the sentence before is Lee's, said then; this one says only that.
            before = [k - 1]
        elif units[k - 1].paragraph != units[k].paragraph and _said_this(spans[k], frame):
            # "Russia has again sent North Korean troops into Kursk. ¶ President Zelensky
            # said this in his evening address": the paragraph before, as Ukrainian and
            # Russian wires write, when nobody else is credited in it.
            before = [j for j in range(k) if units[j].paragraph == units[k - 1].paragraph]
            if any(frames[j][0] is not None or units[j].heading for j in before):
                continue
        else:
            continue
        for j in before:
            frames[j], datings[j] = frames[k], datings[k]
        frames[k] = (None, None, None, None, None)
    for unit, span, (frame, _, _, _, _), dating in zip(units, spans, frames, datings):
        if unit.heading or unit.turn == "question":
            continue
        text = doc.user_data[TEXT][unit.start: unit.end]
        if frame is not None and frame.speaker is not None:
            at = doc._.entity_at
            named = frozenset(at[t.i].id for t in span if t.i in at)
            drafts.append(_Draft(unit, text, frame.speaker, frame, dating, named))
        elif not _asks(text) and any(_FIGURE.search(q.text) for q in find_quantities(text)):
            # A figure the article states itself ("some 10,000 troops").
            drafts.append(_Draft(unit, text, None, None, NONE))
    return _assemble(story, _lead_to_spokesperson(_whole_answers(drafts, doc, topics), doc._.roster), topics, doc)


def _whole_answers(drafts: list[_Draft], doc, topics: Sequence[Topic]) -> list[_Draft]:
    """A transcript answer's paragraph is one statement: its sentences, one claim
    (an answer read sentence by sentence loses what it answers), without the talk
    around it ("Good morning.", "Next question.")."""
    asked = {u.paragraph + 1 for u in doc.user_data[UNITS] if u.turn == "question"}
    out: list[_Draft] = []
    opener: _Draft | None = None  # "Not yet." answering the question just asked
    for d in drafts:
        prev = out[-1] if out else None
        if _small_talk(d, topics):
            first = prev is None or prev.unit.paragraph != d.unit.paragraph
            opener = d if first and d.unit.paragraph in asked else None
            out.append(d)
            continue
        if prev is not None and (prev is opener or not _small_talk(prev, topics)) and d.frame is not None \
                and prev.frame is not None and d.frame.form == prev.frame.form == "turn" \
                and d.unit.paragraph == prev.unit.paragraph and d.speaker is not None and prev.speaker is not None \
                and d.speaker.id == prev.speaker.id and d.dating == prev.dating:
            unit = replace(prev.unit, end=d.unit.end, quotes=prev.unit.quotes + d.unit.quotes)
            out[-1] = replace(prev, unit=unit, text=doc.user_data[TEXT][unit.start: unit.end], named=prev.named | d.named)
        else:
            out.append(d)
    return out


def _points_back(span, frame: Frame) -> bool:
    """"That is what X told reporters": the sentence names who said the one before it."""
    if frame.verb < 0:
        return False
    verb = span.doc[frame.verb]
    be = verb.head
    for _ in range(2):  # "That is what X came back to tell us": through the verb it hangs from
        if be.lemma_ == "be" or be.head.i == be.i or be.dep_ not in ("xcomp", "advcl", "ccomp", "relcl"):
            break
        be = be.head
    return be.lemma_ == "be" and be.i < verb.i and any(
        ch.dep_ == "nsubj" and ch.lower_ in ("that", "this") for ch in be.children) and any(
        t.lower_ == "what" for t in span.doc[be.i + 1: verb.i])


def _said_this(span, frame: Frame) -> bool:
    """"X said this in his address", "This was stated by X": the sentence says only who
    said what stands before it."""
    if frame.verb < 0:
        return False
    return any(ch.dep_ in ("dobj", "obj", "nsubjpass") and ch.lower_ == "this" and not list(ch.children)
               for ch in span.doc[frame.verb].children)


def _lead_to_spokesperson(drafts: list[_Draft], roster) -> list[_Draft]:
    """ "…, the Pentagon said Monday." then "Deputy Pentagon press secretary Sabrina
    Singh told reporters …": the lead's statement for the body is the words of the
    person the next sentences name as speaking for it (the body in their title); the
    lead keeps its day."""
    spoken = [d for d in drafts if d.speaker is not None]
    if not spoken or spoken[0].speaker.kind != "organization" or spoken[0].speaker.members \
            or spoken[0].speaker.id.startswith(OUTLET):
        return drafts  # (a medium has no spokesperson: it carries others' words)
    body = spoken[0].speaker
    lead_paragraph = spoken[0].unit.paragraph
    voice = None
    for d in spoken[1:]:
        if d.unit.paragraph > lead_paragraph + 1:
            break
        if d.speaker.kind == "person":
            spokesperson = bool((title_words(d.speaker.role) | roster.described.get(d.speaker.id, set())) & cues().spokesperson_titles)
            if d.frame is not None and (d.frame.body == body.id or body.id in d.named and spokesperson):
                # The body in their title, or named in their sentence ("told a White
                # House briefing").
                voice = d.speaker
            break
    if voice is None:
        return drafts
    return [replace(d, speaker=voice) if d.speaker is body and d.unit.paragraph == lead_paragraph else d for d in drafts]


def story_doc(story: Story, people: Sequence[Person], outlets: Sequence[Outlet] = ()):
    """The story's Doc with every layer, and its units."""
    nlp = pipeline(people, outlets)
    doc = _prepared(story, people, nlp, outlets)
    if parts.is_long(doc):
        doc = parts.annotated(nlp, doc)
    else:
        for _, proc in nlp.pipeline:
            doc = proc(doc)
    return doc, doc.user_data[UNITS]


def _prepared(story: Story, people: Sequence[Person], nlp, outlets: Sequence[Outlet] = ()):
    """The story's tokens with what the text layer knows, before any component runs."""
    units, text = _units(story)
    doc = nlp.make_doc(_mask_dateline(text, units))
    story_turns = turns(story.paragraphs)
    doc.user_data[UNITS] = units
    doc.user_data[TEXT] = text
    doc.user_data[PEOPLE] = {p.id: p for p in people}
    doc.user_data[OUTLETS] = {OUTLET + o.id: o.name for o in outlets}
    doc.user_data[STORY] = {
        "published": story.published,
        "window_end": story.published_window[1] if story.published_window and not story.published else None,
        "window_start": story.published_window[0] if story.published_window and not story.published else None,
        "updated": story.updated,
        "dateline": bool(story.dateline),
        "live": _live_stamps(story.paragraphs)[1],  # a one-day live blog: its entries are of the page's day
        "transcript": sum(t is not None for t in story_turns) >= max(1, len(story_turns)) / 2,
        "briefs": _brief_days(story),
        "report_day": _report_day(story),
        "issued_by": story.issued_by,
        "issued_paragraphs": story.issued_paragraphs,
        "chaired_by": story.chaired_by,
    }
    if doc.user_data[STORY]["transcript"]:
        first = next((i for i, t in enumerate(story_turns) if t is not None and t.labelled), len(story_turns))
        doc.user_data[STORY]["occasion"] = transcript_occasion([story.title or "", *story.paragraphs[:first]],
                                                               story.published or doc.user_data[STORY]["window_end"])
    return doc


def _report_day(story: Story) -> dt.date | None:
    """The day a wire story's dateline gives, when it is before the publication day ("LIMA,
    Nov. 16 Kyodo -" in a story published in Tokyo on the 17th): the report is of that
    day, and its "on Saturday" and "X said" count from it."""
    day = _dateline_day(story.paragraphs[0], story.published) if story.paragraphs and story.published else None
    return day if day is not None and 0 < (story.published - day).days <= _DATELINE_LAG_DAYS else None


def _dateline_day(paragraph: str, anchor: dt.date | None) -> dt.date | None:
    """The day the paragraph's dateline gives ("SEOUL, Aug 22 (PLW) -"), its year the
    latest on or before the anchor when it prints none."""
    dl = dateline(paragraph[:200])
    if dl is None or dl.month is None or dl.day is None:
        return None
    return dl.on(dl.year or year_for(dl, anchor))


# How far a dateline's day may stand before the publication day and still be the report's
# (a time zone, a weekend desk); further back it is some other thing.
_DATELINE_LAG_DAYS = 2


def _brief_days(story: Story) -> dict[int, dt.date]:
    """A page of wire briefs ("SEOUL, Aug 22 (PLW) - …" / "SEOUL, Sept 2 (PLW) - …"):
    the paragraph where each brief begins -> the day its dateline gives. A brief is a
    report of that day, not of the page's: "on Friday" in it counts from its dateline.
    Empty unless two datelines in the body give different days."""
    anchor = story.published or (story.published_window[1] if story.published_window else None)
    found: dict[int, dt.date] = {}
    for i, text in enumerate(story.paragraphs):
        day = _dateline_day(text, anchor)
        if day is not None and (anchor is None or day <= anchor):
            found[i] = day
    return found if len(set(found.values())) >= 2 else {}


def _mask_dateline(text: str, units: list[UnitInfo]) -> str:
    """Datelines ("SEOUL, Jan. 13, 2025 —") blanked out: they are no part of the
    sentence's grammar, and the parser reads it as the subject. Offsets stay."""
    # Every paragraph's opening: wire copy gathered in one page brings a dateline each.
    seen: set[int] = set()
    pieces: list[str] = []
    done = 0
    for u in units:
        if u.heading or u.paragraph in seen:
            continue
        seen.add(u.paragraph)
        end = dateline_end(text[u.start: min(u.end, u.start + 200)])  # a dateline opens the paragraph
        if end:
            # Built from pieces: a page of many wire items has a dateline each.
            pieces += [text[done: u.start], " " * end]
            done = u.start + end
    return "".join(pieces) + text[done:]


def _asks(text: str) -> bool:
    """The writer asking ("Why would Pyongyang send 10,000 troops?") claims nothing."""
    return text.rstrip().endswith("?")


# --- the text layer: units ------------------------------------------------------------------


def _units(story: Story) -> tuple[list[UnitInfo], str]:
    """The statement units and the Doc's text (paragraphs joined by blank lines)."""
    parts: list[str] = []
    units: list[UnitInfo] = []
    at = 0

    def add(text: str) -> int:
        nonlocal at
        if parts:
            parts.append("\n\n")
            at += 2
        start = at
        parts.append(text)
        at += len(text)
        return start

    if story.title:
        # The title names who the story is about ("Press briefing by … John Kirby").
        start = add(story.title)
        units.append(UnitInfo(start, start + len(story.title), -1, heading=True))
    story_turns = turns(story.paragraphs)
    stamps, _ = _live_stamps(story.paragraphs)
    open_before = False
    for i, (para, turn) in enumerate(zip(story.paragraphs, story_turns)):
        text = turn.text if turn else para
        stamp = None
        if stamps[i] is not None:
            stamp, text = stamps[i]
        start = add(text)
        if _is_heading(text):
            units.append(UnitInfo(start, start + len(text), i, heading=True))
            open_before = False
            continue
        sentences = split_sentences(text)
        for k, s in enumerate(sentences):
            if k == 0 and len(sentences) > 1 and _RUN_IN_DAY.fullmatch(s.text.strip()):
                # "**Monday.** It began in Kyiv. …": a run-in heading naming the day of what follows.
                units.append(UnitInfo(start + s.start, start + s.end, i, heading=True))
                continue
            quotes = tuple((start + s.start + a, start + s.start + b) for a, b in quotation_spans(s.text))
            # Inside a quotation opened by a sentence before it: in this paragraph, or (news
            # style, its mark opened again) in the one before.
            inside = k > 0 and open_quote_at_end(text[:s.start])
            if inside and not re.search(r"[\"“”]", s.text):
                quotes = ((start + s.start, start + s.end),)  # the whole sentence is quoted
            units.append(UnitInfo(start + s.start, start + s.end, i,
                                  turn=turn.kind if turn else None, label=turn.label if turn else None,
                                  stamp=stamp, quotes=quotes, continues_quote=open_before and k == 0 or inside))
        open_before = open_quote_at_end(text)
    return units, "".join(parts)


_RUN_IN_DAY = re.compile(rf"{WEEKDAY_DATE}[.:]")


def _is_heading(text: str) -> bool:
    """A section heading: a short line with no sentence end ("15 June: London puts
    losses above 6,000", "Wednesday's clash")."""
    t = text.strip()
    if re.match(r"[Bb]y\s+[A-Z]", t):
        return False  # a byline with its date: when the piece was written, not a section's day
    if t.startswith("[") and t.endswith("]"):
        return False  # "[Opening remarks omitted.]": an editor's note in a transcript, no section
    first = t[:-1].split(" ", 1)[0]
    weekday = re.fullmatch(rf"{WEEKDAY_NAME},", first)  # "WEDNESDAY, SEPT. 3"
    if re.search(r"[\"”’]$", t) and dated_heading(t):
        t = t.rstrip("\"”’")  # 'FEB. 7, 2025 - ZELENSKY: "BROUGHT IN AGAIN"': a dated heading quoting its entry
    return 0 < len(t.split()) <= 12 and not re.search(r"[.!?:;\"”’]$", t) and ("," not in first or weekday is not None)


# A live-blog entry opens with its time: "10:42 GMT – …", "**14:05** — …".
_STAMP = re.compile(
    r"^\s*(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)\s*(?P<zone>(?:(?:[ap]\.?m\.?\s*)?(?:GMT|UTC|BST|CET|CEST|EET|EEST|MSK|KST|JST|EST|EDT|ET|PT|"
    r"local time)|[ap]\.?m\.?)(?!\w))?\s*[–—:|-]?\s+(?P<rest>\S.*)$", re.DOTALL | re.IGNORECASE)


def _live_stamps(paragraphs: Sequence[str]) -> tuple[list[tuple[str, str] | None], bool]:
    """(stamp, text without it) for each entry of a live blog, else None; and
    whether the blog covers one day.

    A live blog is two or more paragraphs opening with a clock time (the time is no
    part of the entry's sentence); it covers one day only when the times run one way
    (all rising or all falling), each once."""
    found = [(_STAMP.match(p), p) for p in paragraphs]
    times = [int(m.group("h")) * 60 + int(m.group("m")) for m, _ in found if m]
    if len(times) < 2:
        return [None] * len(paragraphs), False
    one_way = times == sorted(times) or times == sorted(times, reverse=True)
    one_day = one_way and len(set(times)) == len(times)
    out: list[tuple[str, str] | None] = []
    stamp = None
    for m, p in found:
        if m:
            stamp = p[: m.start("rest")].strip(" –—:|-")
            out.append((stamp, m.group("rest")))
        else:
            # An entry's later paragraphs belong to the entry above them.
            out.append((stamp, p) if stamp else None)
    return out, one_day


# --- claims ------------------------------------------------------------------------------


def _assemble(story: Story, drafts: list[_Draft], topics: Sequence[Topic], doc) -> tuple[Claim, ...]:
    story_text = " ".join(filter(None, [story.title or "", *story.paragraphs]))
    story_on_topic = bool(relevance.match_topics(story_text, topics))
    groups = _groups(drafts)
    group_topics: dict[str, tuple[str, ...]] = {}
    claims = []
    for n, (draft, group_text) in enumerate(zip(drafts, groups), start=1):
        text = draft.text
        own = relevance.match_topics(text, topics)
        if draft.speaker and group_text not in group_topics:
            group_topics[group_text] = relevance.match_topics(group_text, topics)
        group = group_topics[group_text] if draft.speaker else ()
        if not relevance.keep(own, group, story_on_topic, draft.speaker is not None, bool(topics)):
            continue
        hedges = find_hedges(text)
        quantities = with_counts(find_quantities(text), doc, draft.unit)
        if _small_talk(draft, topics):
            continue  # "Good afternoon, everybody.", "Yes.": the floor changing hands, not a claim
        quote = _quote(text)
        d = draft.dating
        speakers = (draft.speaker.members or (draft.speaker,)) if draft.speaker else ()
        frame = draft.frame
        claims.append(
            Claim(
                id=_claim_id(story.id, n, text),
                speaker=speakers[0].speaker() if speakers else None,
                joint=tuple(s.speaker() for s in speakers[1:]),
                said_on=d.said_on,
                date_basis=d.basis if (d.said_on or d.precision) else None,
                text=_without_dateline(text),
                quote=quote,
                hedged=bool(hedges),
                hedges=hedges,
                topics=own or group,
                quantities=quantities,
                reports=(Report(story=story.id, sentence=text, paragraph=max(draft.unit.paragraph, 0),
                                relay=frame.relay if frame else None, hedges=hedges, quote=quote,
                                quantities=quantities, source=frame.source if frame else None),),
                date_precision=d.precision if (d.said_on or d.precision) else None,  # type: ignore[arg-type]
                date_range=d.range,
                placed_on=d.said_on or story.published,
            )
        )
    return tuple(claims)


# A transcript answer this short that touches no topic and gives no figure is the
# talk around the claims (greetings, "Yes.", "Next question"), not one of them.
_SMALL_TALK_WORDS = 8


def _small_talk(draft: _Draft, topics: Sequence[Topic]) -> bool:
    return draft.frame is not None and draft.frame.form == "turn" and bool(topics) \
        and len(draft.text.split()) <= _SMALL_TALK_WORDS and not relevance.match_topics(draft.text, topics) \
        and not find_quantities(draft.text)


def _groups(drafts: list[_Draft]) -> list[str]:
    """For each draft, the text of its statement group: the same speaker's run."""
    out: list[str] = [""] * len(drafts)
    i = 0
    while i < len(drafts):
        j = i + 1
        sp = drafts[i].speaker
        while j < len(drafts) and sp is not None and drafts[j].speaker is not None and drafts[j].speaker.id == sp.id:
            j += 1
        text = " ".join(d.text for d in drafts[i:j])
        for k in range(i, j):
            out[k] = text
        i = j
    return out


# "WASHINGTON —", "SEOUL, Jan. 13, 2025 —": where the story was filed, not what was said.
def _without_dateline(text: str) -> str:
    """The claim's wording without the dateline; the report keeps the whole sentence."""
    return text[dateline_end(text):]


def _quote(text: str) -> str | None:
    """The direct quotation: quoted statements, not scare-quoted words."""
    quotes = [q for q in quotations(text) if not is_short_quote(q)]
    return " … ".join(quotes) if quotes else None


def _claim_id(story_id: str, n: int, text: str) -> str:
    digest = hashlib.sha1(f"{story_id}\x1f{text}".encode("utf-8")).hexdigest()[:6]
    return f"{story_id}-{n:03d}-{digest}"

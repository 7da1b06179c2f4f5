"""From a story's paragraphs to attributed, dated, quantified claims.

`extract_claims(story, people, topics)` is the public entry point. A claim is one
statement unit: a sentence as `split_sentences` cuts it (a quotation of several
sentences stays one unit). Each unit gets:

**Speaker.** The main attribution frame of the sentence (attribution.py picks it;
speakers.py says who it names). People are known from the paragraph that names them
on, in reading order ("Lee said" before a second Lee appears is the first Lee). A
"he"/"she" after another frame in the same sentence is that frame's speaker ("One
official told the BBC …, though he stressed …"); after an unnamed person ("a senior
official said") a later "he" names nobody. Without a frame, a unit that is only a quotation
takes the speaker of the statement just before it in the same or the previous
paragraph; nothing else inherits a speaker. Intermediaries ("VOA reported that
Kirby …", "…, according to Reuters", "quoted by Reuters as") go to Report.relay.

**Date** (said_on, the day the words were said, never the publication day):

1. its own date in the attribution frame ("On Monday, X said", "X confirmed
   Monday", "in a statement published Saturday"); dates inside the reported
   content ("… entered combat last week", "since the war began on …") or inside
   quotation marks are events, not statement days. A week/month ("last week")
   gives date_precision and date_range and leaves said_on None; a vague one
   ("a recent briefing") leaves it None and stops any carrying below;
2. "earlier in the day" / "the same day" / "the day before": the date of the last
   dated statement before it, shifted by the offset;
3. "Meanwhile" / "At the same time" opening the sentence: the last dated statement;
4. the same statement going on: same speaker as the unit before (or one of a joint
   statement's speakers), incl. "He added", "the statement noted", a bare quote;
5. a reference to an earlier statement: "echoed Austin's concerns", "Austin's
   comments underscore …", "X made the remarks" → that statement's date;
6. "X also confirmed" → the last dated statement made with the same verb (not for
   say / tell, which "also" joins to anything).

Anything else stays undated: a wrong date is worse than none.

**Kept** only when relevant (relevance.py); unattributed sentences are claims only
when they state a figure.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import replace, dataclass, field
from typing import Sequence

from newsgen.dates import DateMention, find_dates
from newsgen.extract import relevance
from newsgen.extract.attribution import (
    MASK,
    Attribution,
    find_attributions,
    is_concurrent,
    is_trailing_frame,
    mask_quotes,
    referenced_speakers,
)
from newsgen.extract.hedges import find_hedges
from newsgen.extract.quantities import find_quantities
from newsgen.extract.sentences import is_short_quote, open_quote_at_end, quotations, split_sentences
from newsgen.extract.speakers import AMBIGUOUS, Context, Entity, Roster, mentions, names_unnamed_person, resolve
from newsgen.model import Claim, Person, Report, Story, Topic

__all__ = ["extract_claims"]

# "also" links statements only through a verb more specific than these.
_GENERIC_VERBS = frozenset({"say", "tell", "add", "note", "according to"})
# A figure worth a claim of its own: digits or a large number word.
_FIGURE = re.compile(r"\d|\b(?:hundreds?|thousands?|millions?|billions?|dozens?)\b", re.IGNORECASE)
# Verbs that only attribute when something else is claimed with them.
_RELAY_VERBS = frozenset({"report", "quote"})


@dataclass(frozen=True)
class _Unit:
    paragraph: int
    text: str
    continues_quote: bool  # the paragraph before left a quotation open


@dataclass(frozen=True)
class _Dating:
    said_on: dt.date | None = None
    basis: str | None = None
    precision: str | None = None
    range: tuple[dt.date, dt.date] | None = None


@dataclass
class _State:
    """What the story has established so far, in reading order."""

    ctx: Context = field(default_factory=Context)
    # Speakers of the unit just read, with the date their statement carries.
    chain: list[tuple[Entity, _Dating]] = field(default_factory=list)
    # Every dated statement so far: (verb lemma, speaker, dating).
    dated: list[tuple[str, Entity | None, _Dating]] = field(default_factory=list)
    last_speaker_paragraph: int | None = None


@dataclass(frozen=True)
class _Draft:
    unit: _Unit
    speaker: Entity | None
    relay: str | None
    dating: _Dating


def extract_claims(story: Story, people: Sequence[Person], topics: Sequence[Topic]) -> tuple[Claim, ...]:
    """The claims of one story, in reading order (see module docstring)."""
    roster = Roster.build(people)
    state = _State()
    drafts: list[_Draft] = []
    read_to = -1
    for unit in _units(story):
        # People are known from the paragraph that names them on, as a reader meets
        # them: "Lee said" before a second Lee appears is the first Lee.
        while read_to < unit.paragraph:
            read_to += 1
            mentions(mask_quotes(story.paragraphs[read_to]), roster)
        draft = _read_unit(unit, story, roster, state)
        if draft is not None:
            drafts.append(draft)
    return _assemble(story, drafts, topics)


def _units(story: Story) -> list[_Unit]:
    units = []
    open_before = False
    for i, para in enumerate(story.paragraphs):
        for k, s in enumerate(split_sentences(para)):
            units.append(_Unit(i, s.text, open_before and k == 0))
        open_before = open_quote_at_end(para)
    return units


# --- one unit ------------------------------------------------------------------------


def _read_unit(unit: _Unit, story: Story, roster: Roster, state: _State) -> _Draft | None:
    text = unit.text
    masked = mask_quotes(text)
    atts = find_attributions(text)
    all_resolved = _resolve_frames(atts, roster, state)
    resolved = [(a, e) for a, e in all_resolved if e is not None and e is not AMBIGUOUS]
    ties = [(a, e) for a, e in resolved if a.tie_only]
    main, relay = _main_frame([(a, e) for a, e in resolved if not a.tie_only], masked)

    # "X made the remarks": X spoke on the occasion just reported.
    tie_chain: list[tuple[Entity, _Dating]] = []
    for a, e in ties:
        previous = state.chain[-1][1] if state.chain else _Dating()
        tie_chain.append((e, _inherit(previous, f"'{a.subject} made the remarks' → the statement before")))
        _remember(state, a.verb, e, tie_chain[-1][1])

    if main is None and any(e is AMBIGUOUS for _, e in all_resolved):
        # Someone spoke but it is not clear who ("Kim said" with two Kims): what
        # follows cannot continue the earlier speaker's statement.
        state.chain, state.ctx.last_person = [], None
    if main is None and any(e is None and names_unnamed_person(a.subject) for a, e in all_resolved):
        # "A U.S. official said …": a later "he" is that official, not the last named person.
        state.ctx.last_person = None
    speaker: Entity | None = main[1] if main else None
    carried = False
    if main is None and _only_quotation(masked, unit):
        prev = state.chain[-1][0] if state.chain else None
        if prev is not None and state.last_speaker_paragraph in (unit.paragraph, unit.paragraph - 1):
            speaker, carried = prev, True

    dating = _date(unit, story, main[0] if main else None, speaker, carried, masked, roster, state)

    if speaker is not None:
        if main is not None:
            _remember(state, main[0].verb, speaker, dating)
        state.chain = [(speaker, dating)] + [t for t in tie_chain if t[0].id != speaker.id]
        state.ctx.last_speaker = speaker
        if speaker.kind == "person":
            state.ctx.last_person = None if speaker.members else speaker
        state.last_speaker_paragraph = unit.paragraph
        return _Draft(unit, speaker, relay, dating)
    if tie_chain:
        state.chain = tie_chain
        state.last_speaker_paragraph = unit.paragraph
    if any(_FIGURE.search(q.text) for q in find_quantities(text)):
        # A figure the article states itself ("some 10,000 troops"); "two regimes" is not.
        return _Draft(unit, None, None, _Dating())
    return None


def _resolve_frames(atts: list[Attribution], roster: Roster, state: _State) -> list[tuple[Attribution, Entity | None]]:
    """Each frame's speaker. A "he"/"she" after another frame in the same sentence
    is that frame's speaker ("One official told the BBC …, though he stressed …"),
    whoever was named before."""
    out: list[tuple[Attribution, Entity | None]] = []
    for a in atts:
        if out and a.subject.strip().lower() in ("he", "she"):
            before = [e for b, e in out if b.subject.strip().lower() not in ("he", "she") and not b.tie_only]
            if before:
                out.append((a, before[-1]))
                continue
        out.append((a, resolve(a.subject, roster, state.ctx, a.appositive)))
    return out


def _main_frame(cands: list[tuple[Attribution, Entity]], masked: str) -> tuple[tuple[Attribution, Entity] | None, str | None]:
    """The frame that says who is speaking, and the intermediary if one relays it."""
    if not cands:
        return None, None
    for a, e in cands:
        if a.form == "quoted-by":
            return (a, e), a.relay
    according = [(a, e) for a, e in cands if a.form == "according-to"]
    others = [(a, e) for a, e in cands if a.form != "according-to"]
    relay = None
    if not others:
        return according[0], None
    main = others[0]
    for a, e in others[1:]:
        if main[0].verb in _RELAY_VERBS and a.boundary == "that" and a.verb not in _RELAY_VERBS:
            relay, main = _relay_name(main[0].subject, main[1]), (a, e)  # "VOA reported that Kirby said"
            break
        if is_trailing_frame(masked, a) and a.verb not in _RELAY_VERBS:
            main = (a, e)  # "X believes …, an official confirmed Monday"
    if main[0].verb in _RELAY_VERBS and main[0].form != "quoted-by" and len(others) == 1 and according:
        return according[0], _relay_name(main[0].subject, main[1])
    for a, e in according:
        # "…, according to Reuters." / "According to Reuters, X said": the carrier.
        # Inside the reported words ("X said that, according to intelligence, …") it
        # is X's source, not an intermediary.
        outside = not re.search(r"[A-Za-z]", masked[a.verb_end + len(a.subject) + 1:]) or a.start <= 2
        if relay is None and outside:
            relay = _relay_name(a.subject, e)
    return main, relay


def _relay_name(subject: str, e: Entity) -> str:
    acr = re.search(r"\(([A-Z][A-Za-z.]{1,7})\)", e.name) or re.search(r"\(([A-Z][A-Za-z.]{1,7})\)", subject)
    if acr:
        return acr.group(1)
    return re.sub(r"^(?:the|The)\s+", "", e.name)


def _only_quotation(masked: str, unit: _Unit) -> bool:
    """Nothing but quoted words (and punctuation) outside the quotation marks."""
    outside = masked.replace(MASK, "")
    return unit.continues_quote and not re.search(r"[A-Za-z]{2,}", outside) or (
        MASK in masked and not re.search(r"[A-Za-z]{2,}", outside)
    )


# --- dates ---------------------------------------------------------------------------


def _anchor(story: Story) -> tuple[dt.date | None, bool]:
    """The date relative expressions resolve against; True when it is only the end of
    a publication window (good for an explicit day's year, not for "Monday")."""
    if story.published:
        return story.published, False
    if story.published_window:
        return story.published_window[1], True
    return None, False


def _own_date(text: str, masked: str, frame: Attribution, story: Story) -> DateMention | None:
    """The date mention that dates the statement itself, if any."""
    anchor, window_only = _anchor(story)
    content_from = _content_start(masked, frame)
    for m in find_dates(text, anchor):
        if MASK in masked[m.start:m.end]:
            continue  # inside a quotation: the speaker's words, not the occasion
        if content_from is not None and m.start >= content_from:
            continue  # inside what was said: an event's date
        # After the verb, only close to it ("said Monday"; an inverted frame also has
        # the speaker's name and title in between).
        if m.end > frame.verb_end and m.start - frame.verb_end > (120 if frame.form == "verb-subject" else 60):
            continue
        if not m.statement_date and m.kind != "vague":
            continue
        if window_only and m.date is not None and (m.kind != "explicit" or m.date > anchor):  # type: ignore[operator]
            continue
        if window_only and story.published_window:
            # The anchor is only the window's end: say so rather than imply a known day.
            a, b = story.published_window
            m = replace(m, basis=re.sub(r"\(year from publication [^)]*\)", f"(year from the publication window {a.isoformat()} to {b.isoformat()})", m.basis))
        return m
    return None


def _content_start(masked: str, frame: Attribution) -> int | None:
    """Where the reported content starts after the verb ("that …", a quotation)."""
    after = masked[frame.verb_end:]
    m = re.search(r"\bthat\b|[“\"]|" + MASK, after)
    if frame.form == "according-to":
        return None
    return frame.verb_end + m.start() if m else None


def _inherit(d: _Dating, why: str) -> _Dating:
    if d.said_on is None:
        return _Dating(None, None, d.precision, d.range) if d.precision else _Dating()
    return _Dating(d.said_on, f"{why} ({d.said_on.isoformat()})", "day", None)


def _remember(state: _State, verb: str, speaker: Entity | None, dating: _Dating) -> None:
    if dating.said_on is not None:
        state.dated.append((verb, speaker, dating))


def _last_dated(state: _State) -> _Dating | None:
    return state.dated[-1][2] if state.dated else None


def _date(unit: _Unit, story: Story, frame: Attribution | None, speaker: Entity | None, carried: bool,
          masked: str, roster: Roster, state: _State) -> _Dating:
    if speaker is None:
        return _Dating()  # an unattributed figure: its dates are events
    if frame is not None:
        m = _own_date(unit.text, masked, frame, story)
        if m is not None:
            if m.date is not None:
                return _Dating(m.date, m.basis or f"'{m.text}'", "day", None)
            if m.offset is not None:
                ref = _last_dated(state)
                if ref is None or ref.said_on is None:
                    return _Dating()
                day = ref.said_on + dt.timedelta(days=m.offset)
                return _Dating(day, f"'{m.text}' → day of the statement before ({ref.said_on.isoformat()}) "
                               f"{'+' if m.offset >= 0 else ''}{m.offset} = {day.isoformat()}", "day", None)
            if m.precision in ("week", "month") and m.range:
                return _Dating(None, m.basis, m.precision, m.range)
            return _Dating()  # vague ("a recent briefing"): its own time, unknown
    if frame is not None and is_concurrent(unit.text):
        ref = _last_dated(state)
        if ref is not None:
            opener = re.match(r"\W*(\w+(?: \w+){0,3}?)(?=,|\s)", unit.text)
            return _inherit(ref, f"'{opener.group(1) if opener else 'Meanwhile'}' → same time as the statement before")
    for e, d in state.chain:
        if e.includes(speaker) and (d.said_on or d.precision):
            why = "bare quotation continuing the statement before" if carried else f"same statement as the sentence before by {e.name}"
            return _inherit(d, why)
    for name, _ in referenced_speakers(unit.text):
        ref_e = resolve(name, roster, state.ctx)
        if ref_e is None or ref_e is AMBIGUOUS:
            continue
        for verb, e, d in reversed(state.dated):
            if e is not None and (e.includes(ref_e) or ref_e.includes(e)):
                return _inherit(d, f"refers to {name}'s statement")
    if frame is not None and frame.also and frame.verb not in _GENERIC_VERBS:
        for verb, e, d in reversed(state.dated):
            if verb == frame.verb:
                return _inherit(d, f"'also {frame.verb}' → the earlier statement with the same verb")
    return _Dating()


# --- claims --------------------------------------------------------------------------


def _assemble(story: Story, drafts: list[_Draft], topics: Sequence[Topic]) -> tuple[Claim, ...]:
    story_text = " ".join(filter(None, [story.title or "", *story.paragraphs]))
    story_on_topic = bool(relevance.match_topics(story_text, topics))
    groups = _groups(drafts)
    claims = []
    for n, (draft, group_text) in enumerate(zip(drafts, groups), start=1):
        text = draft.unit.text
        own = relevance.match_topics(text, topics)
        group = relevance.match_topics(group_text, topics) if draft.speaker else ()
        if not relevance.keep(own, group, story_on_topic, draft.speaker is not None, bool(topics)):
            continue
        hedges = find_hedges(text)
        d = draft.dating
        claims.append(
            Claim(
                id=_claim_id(story.id, n, text),
                speaker=draft.speaker.speaker() if draft.speaker else None,
                said_on=d.said_on,
                date_basis=d.basis if (d.said_on or d.precision) else None,
                text=text,
                quote=_quote(text),
                hedged=bool(hedges),
                hedges=hedges,
                topics=own or group,
                quantities=find_quantities(text),
                reports=(Report(story=story.id, sentence=text, paragraph=draft.unit.paragraph, relay=draft.relay),),
                date_precision=d.precision if (d.said_on or d.precision) else None,  # type: ignore[arg-type]
                date_range=d.range,
                placed_on=d.said_on or story.published,
            )
        )
    return tuple(claims)


def _groups(drafts: list[_Draft]) -> list[str]:
    """For each draft, the text of its statement group: the same speaker's run."""
    out: list[str] = [""] * len(drafts)
    i = 0
    while i < len(drafts):
        j = i + 1
        sp = drafts[i].speaker
        while j < len(drafts) and sp is not None and drafts[j].speaker is not None and drafts[j].speaker.id == sp.id:
            j += 1
        text = " ".join(d.unit.text for d in drafts[i:j])
        for k in range(i, j):
            out[k] = text
        i = j
    return out


def _quote(text: str) -> str | None:
    """The direct quotation: quoted statements, not scare-quoted words."""
    quotes = [q for q in quotations(text) if not is_short_quote(q)]
    return " … ".join(quotes) if quotes else None


def _claim_id(story_id: str, n: int, text: str) -> str:
    digest = hashlib.sha1(f"{story_id}\x1f{text}".encode("utf-8")).hexdigest()[:6]
    return f"{story_id}-{n:03d}-{digest}"

"""Reference time: the narrative's current day and the dated statements it has met.

The article is read in order. `Narrative` keeps what it has established: the
statement going on (its speakers and their dating), every dated statement so far,
the last dated statement of an organisation. `date_statement` then dates a unit:
its own date in the attribution frame ("On Monday, X said", "In Brussels on
Monday,", "Last Thursday,", "X … last Monday, when Y said", "offered last Wednesday
by X, who said"); offsets from the occasion referred to ("the same evening", "hours
later", "a day after", "at the time" for the same speaker); a spokesperson or a
relaying lawmaker on the occasion of the institution's statement; the statement
going on; references to an earlier statement ("echoed Austin's concerns"). A
pluperfect flashback ("had put … in January") keeps its own week or month range,
never continues the statement going on and does not move it. Week and month stay
ranges; anything else stays undated.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from newsgen.dates import DateMention, find_dates
from newsgen.extract.attribution import FORM_TO_LEMMA, MASK, Attribution, is_concurrent, referenced_speakers
from newsgen.extract.lexicon import SPOKESPERSON_TITLES
from newsgen.extract.speakers import AMBIGUOUS, Context, Entity, Roster, resolve
from newsgen.model import Story

if TYPE_CHECKING:
    from newsgen.extract.claims import _Unit

# "also" links statements only through a verb more specific than these.
_GENERIC_VERBS = frozenset({"say", "tell", "add", "note", "according to"})


# Words that put a person's statement at a briefing or before reporters.
_BRIEFING = re.compile(r"\b(?:told|telling|tells)\s+reporters\b|\bbriefing\b|\bbriefed\b|\b(?:news|press)\s+conference\b", re.IGNORECASE)


@dataclass(frozen=True)
class Dating:
    said_on: dt.date | None = None
    basis: str | None = None
    precision: str | None = None
    range: tuple[dt.date, dt.date] | None = None


@dataclass
class Narrative:
    """What the story has established so far, in reading order."""

    ctx: Context = field(default_factory=Context)
    # Speakers of the unit just read, with the date their statement carries.
    chain: list[tuple[Entity, Dating]] = field(default_factory=list)
    # Every dated statement so far: (verb lemma, speaker, dating).
    dated: list[tuple[str, Entity | None, Dating]] = field(default_factory=list)
    last_speaker_paragraph: int | None = None
    # The last dated statement of an organisation, with its paragraph.
    org_statement: tuple[Entity, "Dating", int] | None = None
    # Speakers who pass on a body's briefing (speaker id → that body's name).
    sources: dict[str, str] = field(default_factory=dict)



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
        when_clause = frame.boundary == "when" and m.end <= frame.start
        # "…offered last Wednesday by John Kirby, …, who said": the day of the clause
        # the speaker is the agent of, with nothing but his name in between.
        when_clause = when_clause or (frame.boundary == "who" and m.end <= frame.start
                                      and not re.search(r"[,;]", masked[m.end:frame.start]))
        fronted_flashback = is_flashback(masked, frame) and m.end <= frame.start
        # "X came back to it on Tuesday evening, saying …": the participle is said
        # when the main clause happens.
        main_clause = frame.form == "participle" and m.end <= frame.verb_start
        # "… came a day after X told reporters": X's clause is the complement of "after".
        main_clause = main_clause or (m.offset is not None and m.end <= frame.start
                                      and not re.search(r"[,;]", masked[m.end:frame.start]))
        if not m.statement_date and m.kind != "vague" and not (when_clause or fronted_flashback or main_clause):
            # "…broke its silence last Monday, when X said": "when" makes the day of the
            # clause before the day X spoke, whatever its verb.
            continue
        if m.end <= frame.start and frame.boundary not in ("when", "who") and _other_verb_before(masked, m.start):
            # "On the soldiers Ukraine announced on Saturday it had captured, Lee said":
            # the day belongs to the verb it follows, not to Lee's statement. After
            # "…, when X said" the clause before names the occasion, so it counts.
            continue
        if window_only and m.date is not None and (m.kind != "explicit" or m.date > anchor):  # type: ignore[operator]
            continue
        if window_only and story.published_window:
            # The anchor is only the window's end: say so rather than imply a known day.
            a, b = story.published_window
            m = replace(m, basis=re.sub(r"\(year from publication [^)]*\)", f"(year from the publication window {a.isoformat()} to {b.isoformat()})", m.basis))
        return m
    return None


# A verb with its own subject (a name or pronoun) right before it: "Ukraine announced".
# "a statement released on Saturday" (a participle after a noun) is the occasion.
_FINITE = re.compile(r"(?:\b[A-Z][\w.’'-]*|\b(?:he|she|it|they|we))\s+(?:\w+ed|" + "|".join(sorted(FORM_TO_LEMMA, key=len, reverse=True)).replace(" ", r"\s+") + r")(?:\s+(?:on|in|at|last|this|early|late))?\s+$")


def is_flashback(masked: str, frame: Attribution) -> bool:
    """ "X had said / had put …" (pluperfect): a statement before the narrative's time."""
    return frame.form == "subject-verb" and bool(re.search(r"\bhad\s+(?:\w+ly\s+|also\s+|already\s+)?$", masked[frame.start:frame.verb_start]))


def _other_verb_before(masked: str, at: int) -> bool:
    """A finite verb right before a date, in the same comma-delimited chunk."""
    chunk_start = max(masked.rfind(",", 0, at), masked.rfind(";", 0, at)) + 1
    return bool(_FINITE.search(masked[chunk_start:at]))


def _content_start(masked: str, frame: Attribution) -> int | None:
    """Where the reported content starts after the verb ("that …", a quotation)."""
    after = masked[frame.verb_end:]
    m = re.search(r"\bthat\b|[“\"]|" + MASK, after)
    if frame.form == "according-to":
        return None
    return frame.verb_end + m.start() if m else None


def _inherit(d: Dating, why: str) -> Dating:
    if d.said_on is None:
        return Dating(None, None, d.precision, d.range) if d.precision else Dating()
    return Dating(d.said_on, f"{why} ({d.said_on.isoformat()})", "day", None)


def _remember(state: Narrative, verb: str, speaker: Entity | None, dating: Dating) -> None:
    if dating.said_on is not None:
        state.dated.append((verb, speaker, dating))


def _last_dated(state: Narrative) -> Dating | None:
    return state.dated[-1][2] if state.dated else None


def _date(unit: _Unit, story: Story, frame: Attribution | None, speaker: Entity | None, carried: bool,
          masked: str, roster: Roster, state: Narrative) -> Dating:
    if speaker is None:
        return Dating()  # an unattributed figure: its dates are events
    if frame is not None:
        m = _own_date(unit.text, masked, frame, story)
        if m is not None:
            if m.date is not None:
                return Dating(m.date, m.basis or f"'{m.text}'", "day", None)
            if m.offset is not None:
                ref = _last_dated(state)
                if "at the time" in m.text.lower():
                    # "X said at the time": the time of X's statement just reported,
                    # not of whoever spoke last.
                    ref = next((d for _, e, d in reversed(state.dated) if e is not None and e.includes(speaker)), None)
                if ref is None or ref.said_on is None:
                    return Dating()
                offset = m.offset
                if m.end <= frame.start and not re.search(r"[,;]", masked[m.end:frame.start]):
                    # "The disclosure came a day after Zelensky told reporters": the
                    # speaker's words are the earlier event, a day before the one referred to.
                    offset = -offset
                day = ref.said_on + dt.timedelta(days=offset)
                return Dating(day, f"'{m.text}' → day of the statement before ({ref.said_on.isoformat()}) "
                               f"{'+' if offset >= 0 else ''}{offset} = {day.isoformat()}", "day", None)
            if m.precision in ("week", "month") and m.range:
                return Dating(None, m.basis, m.precision, m.range)
            return Dating()  # vague ("a recent briefing"): its own time, unknown
    if frame is not None and is_flashback(masked, frame):
        # "In January, the NIS had put …": an earlier statement recalled, not the
        # one going on; without its own date it stays undated.
        return Dating()
    briefing = _same_briefing(unit, frame, speaker, masked, state)
    if briefing is not None:
        return briefing
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
    if frame is not None and unit.stamp and story.published and not _PERFECT.search(masked[: frame.verb_start]):
        # A one-day live blog: the entry reports what was said as the day went on.
        return Dating(story.published, f"live-blog entry stamped {unit.stamp} on a page published "
                       f"{story.published.isoformat()}", "day", None)
    return Dating()


# "X has said": said at some time before, not necessarily on the day of the entry.
_PERFECT = re.compile(r"\b(?:has|have|had)\s+(?:\w+\s+)?$")


def _same_briefing(unit: _Unit, frame: Attribution | None, speaker: Entity, masked: str, state: Narrative) -> Dating | None:
    """ "…, the White House said Tuesday." then "…,” John Kirby told reporters at the
    White House briefing.": a spokesperson speaking to reporters right after his
    organisation's dated statement, with the organisation named in the same
    sentence or in his title, speaks at the same briefing. Anything looser (another
    organisation, no briefing words, further than the next paragraph) stays undated."""
    if frame is None or speaker.kind != "person" or state.org_statement is None:
        return None
    org, dating, para = state.org_statement
    if unit.paragraph - para > 1 or dating.said_on is None:
        return None
    if frame.verb == "relay":
        # "Lee … relayed the figures to reporters after a closed-door session": he
        # passes on what the organisation just reported, on that occasion.
        return _inherit(dating, f"relays the {org.name} statement")
    spokes = re.search(r"\b(?:%s)\b|\bpress\s+secretary\b" % "|".join(SPOKESPERSON_TITLES), speaker.role or "", re.IGNORECASE)
    if (spokes and para == unit.paragraph and state.chain and state.chain[0][0].id == org.id
            and not re.search(r"\b(?:later|earlier|previously|had)\b", masked[: frame.verb_start])):
        # "Seoul on Monday condemned the announcement. Defense ministry spokesman Jeon
        # said …": the spokesperson right after the statement, in the same paragraph,
        # voices it on that occasion.
        return _inherit(dating, f"spokesperson speaking right after the {org.name} statement")
    if not _BRIEFING.search(masked):
        return None
    name = re.sub(r"\s*\([^)]*\)", "", org.name).strip()
    where = " ".join(filter(None, [masked, speaker.role or "", speaker.org or ""]))
    if not name or not re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", where, re.IGNORECASE):
        return None
    return _inherit(dating, f"told reporters at the briefing where the {name} spoke")



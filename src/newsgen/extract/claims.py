"""From a story's paragraphs to attributed, dated, quantified claims.

This module orchestrates the layers of the article model, each a module with one job:
sentences.py cuts statement units; attribution.py is the clause grammar (reporting
verb and its subject); speakers.py is the entity model (who a mention is);
reftime.py is the reference time (which day a statement was made); quantities.py
and hedges.py read figures and hedge words; lexicon.py holds the cue word lists they
consult. Here: which frame is the main one, the statement going on, the lead's
institution given to its named spokesperson, and the claims assembled.

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

7. a person who "told reporters" / spoke at a "briefing" in the paragraph after
   (or the same paragraph as) an organisation's dated statement, with that
   organisation named in the sentence or in the person's title ("the White House
   said Tuesday" … "Kirby told reporters at the White House briefing"): that day;
8. in a one-day live blog (paragraphs opening "10:42 GMT –", times running one
   way): an entry's statement is from the page's publication day, unless it has
   a date of its own or is "has said" (said at some time before).

Anything else stays undated: a wrong date is worse than none.

**Transcripts** (transcript.py): an answer's speaker is the label before the colon
("MR. KIRBY:", "GEN. RYDER:"; the title's full names resolve the surnames);
questions ("Q:") are no claims. When transcript turns make up half the story or
more, answers are from the publication day (transcripts are posted the day of the
briefing); an exchange quoted inside a report takes the one day the report gives
for that speaker, else none.

**Kept** only when relevant (relevance.py); unattributed sentences are claims only
when they state a figure.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from typing import Sequence

from newsgen.extract import relevance
from newsgen.extract.attribution import (
    MASK,
    Attribution,
    find_attributions,
    is_trailing_frame,
    mask_quotes,
)
from newsgen.extract.hedges import find_hedges
from newsgen.extract.lexicon import ORG_WORDS
from newsgen.extract.quantities import find_quantities
from newsgen.extract.reftime import Dating as _Dating
from newsgen.extract.reftime import Narrative as _State
from newsgen.extract.reftime import _date, _inherit, _remember, is_flashback
from newsgen.extract.sentences import is_short_quote, open_quote_at_end, quotations, split_sentences
from newsgen.extract.speakers import AMBIGUOUS, Entity, Roster, found_entity, mentions, names_unnamed_person, resolve, title_words
from newsgen.extract.transcript import Turn, label_name, turns
from newsgen.model import Claim, Person, Report, Story, Topic

__all__ = ["extract_claims"]

# A figure worth a claim of its own: digits or a large number word.
_FIGURE = re.compile(r"\d|\b(?:hundreds?|thousands?|millions?|billions?|dozens?)\b", re.IGNORECASE)
# Verbs that only attribute when something else is claimed with them.
_RELAY_VERBS = frozenset({"report", "quote"})


@dataclass(frozen=True)
class _Unit:
    paragraph: int
    text: str
    continues_quote: bool  # the paragraph before left a quotation open
    turn: Turn | None = None  # in a briefing transcript: whose turn the paragraph is
    turn_share: float = 0.0  # share of the story's paragraphs that are transcript turns
    stamp: str | None = None  # in a one-day live blog: the entry's time stamp ("10:42 GMT")


@dataclass(frozen=True)
class _Draft:
    unit: _Unit
    speaker: Entity | None
    relay: str | None
    dating: _Dating
    topic_end: int = 0  # "On the two soldiers captured Saturday, Lee said …": where the topic phrase ends
    source: str | None = None  # the body whose briefing the speaker relays


def extract_claims(story: Story, people: Sequence[Person], topics: Sequence[Topic]) -> tuple[Claim, ...]:
    """The claims of one story, in reading order (see module docstring)."""
    roster = Roster.build(people)
    state = _State()
    drafts: list[_Draft] = []
    read_to = -1
    units = _units(story)
    # A transcript label in capitals ("GEN. RYDER:") is read as a speaker, not as prose.
    texts = [t.text if t else p for p, t in zip(story.paragraphs, turns(story.paragraphs))]
    if any(u.turn for u in units) and story.title:
        # A transcript's labels give surnames only ("MR. KIRBY"); its title names
        # the people who brief in full ("Press Briefing by … John Kirby").
        mentions(story.title, roster)
    for unit in units:
        # People are known from the paragraph that names them on, as a reader meets
        # them: "Lee said" before a second Lee appears is the first Lee.
        while read_to < unit.paragraph:
            read_to += 1
            mentions(mask_quotes(texts[read_to]), roster)
        draft = _read_unit(unit, story, roster, state)
        if draft is not None:
            drafts.append(draft)
    return _assemble(story, _lead_to_spokesperson(drafts), topics)


def _lead_to_spokesperson(drafts: list[_Draft]) -> list[_Draft]:
    """ "…, the Pentagon said Monday." then "Deputy Pentagon press secretary Sabrina
    Singh told reporters …": the lead's institutional statement is the words of the
    spokesperson the next sentences name, when that person holds a title and the
    institution is named in the title or in the sentence. The lead keeps its date."""
    spoken = [d for d in drafts if d.speaker is not None]
    if not spoken:
        return drafts
    lead_par = spoken[0].unit.paragraph
    lead = [d for d in spoken if d.unit.paragraph == lead_par and d.speaker.kind == "organization" and not d.speaker.members]
    if not lead or lead[0] is not spoken[0]:
        return drafts
    org = lead[0].speaker
    name = re.sub(r"\s*\([^)]*\)", "", org.name).strip()
    voice = None
    for d in spoken:
        if d.unit.paragraph > lead_par + 1:
            break
        e = d.speaker
        if e.kind != "person" or e.members or not title_words(e.role):
            continue
        where = " ".join(filter(None, [mask_quotes(d.unit.text), e.role or "", e.org or ""]))
        if name and re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", where, re.IGNORECASE):
            voice = e
        break
    if voice is None:
        return drafts
    return [replace(d, speaker=voice) if d in lead and d.speaker.id == org.id else d for d in drafts]


def _units(story: Story) -> list[_Unit]:
    units = []
    open_before = False
    story_turns = turns(story.paragraphs)
    share = sum(t is not None for t in story_turns) / (len(story_turns) or 1)
    stamps = _live_stamps(story.paragraphs)
    for i, (para, turn) in enumerate(zip(story.paragraphs, story_turns)):
        text = turn.text if turn else para
        stamp = None
        if stamps[i] is not None:
            stamp, text = stamps[i]
        for k, s in enumerate(split_sentences(text)):
            units.append(_Unit(i, s.text, open_before and k == 0, turn, share, stamp))
        open_before = open_quote_at_end(text)
    return units


# A live-blog entry opens with its time: "10:42 GMT – …", "**14:05** — …".
_STAMP = re.compile(
    r"^\s*(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)\s*(?P<zone>(?:GMT|UTC|BST|CET|CEST|EET|EEST|MSK|KST|JST|EST|EDT|ET|"
    r"local time|[ap]\.?m\.?)\b)?\s*[–—:|-]\s+(?P<rest>\S.*)$", re.DOTALL | re.IGNORECASE)


def _live_stamps(paragraphs: Sequence[str]) -> list[tuple[str, str] | None]:
    """(stamp, text without it) for each entry of a one-day live blog, else None.

    A live blog is two or more paragraphs opening with a clock time; it covers one
    day only when the times run one way (all rising or all falling): a wrap past
    midnight means another day began, and then no entry is dated by the page."""
    found = [(_STAMP.match(p), p) for p in paragraphs]
    times = [int(m.group("h")) * 60 + int(m.group("m")) for m, _ in found if m]
    one_way = times == sorted(times) or times == sorted(times, reverse=True)
    if len(times) < 2 or not one_way or len(set(times)) < len(times):
        return [None] * len(paragraphs)
    return [(p[: m.start("rest")].strip(" –—:|-"), m.group("rest")) if m else None for m, p in found]




# --- one unit ------------------------------------------------------------------------


def _read_unit(unit: _Unit, story: Story, roster: Roster, state: _State) -> _Draft | None:
    if unit.turn is not None:
        return _read_turn(unit, story, roster, state)
    text = unit.text
    masked = mask_quotes(text)
    if masked.rstrip().endswith("?"):
        # The writer asking ("Why would Pyongyang send 10,000 troops?") claims nothing.
        return None
    atts = find_attributions(text)
    all_resolved = _resolve_frames(atts, roster, state, unit.paragraph)
    resolved = [(a, e) for a, e in all_resolved if e is not None and e is not AMBIGUOUS]
    ties = [(a, e) for a, e in resolved if a.tie_only]
    main, relay = _main_frame([(a, e) for a, e in resolved if not a.tie_only], masked)
    if main is not None:
        main, relay = _statement_from(main, relay, masked, roster, state)

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

    topic_end = _topic_end(masked, main[0]) if main is not None else 0
    if speaker is not None and speaker.kind == "person" and main is not None:
        _note_source(main[0], speaker, masked, all_resolved, roster, state)
    source = state.sources.get(speaker.id) if speaker is not None else None
    if speaker is not None and main is not None and is_flashback(masked, main[0]):
        # A flashback does not move the narrative's current statement, but its day is
        # the one "the same day" right after it refers to.
        _remember(state, main[0].verb, speaker, dating)
        return _Draft(unit, speaker, relay, dating, topic_end, source)
    if speaker is not None:
        if main is not None:
            _remember(state, main[0].verb, speaker, dating)
        if speaker.kind == "organization" and dating.said_on is not None:
            state.org_statement = (speaker, dating, unit.paragraph)
        state.chain = [(speaker, dating)] + [t for t in tie_chain if t[0].id != speaker.id]
        state.ctx.last_speaker = speaker
        if speaker.kind == "person":
            state.ctx.last_person = None if speaker.members else speaker
            if speaker.members:
                state.ctx.last_group = speaker
        elif main is not None and names_unnamed_person(main[0].subject):
            # "Russia's representative said … He said …", "a Pentagon official said …
            # He added": the "he" is that unnamed person, speaking for the body.
            state.ctx.last_person = speaker
        state.last_speaker_paragraph = unit.paragraph
        return _Draft(unit, speaker, relay, dating, topic_end, source)
    if tie_chain:
        state.chain = tie_chain
        state.last_speaker_paragraph = unit.paragraph
    if any(_FIGURE.search(q.text) for q in find_quantities(text)):
        # A figure the article states itself ("some 10,000 troops"); "two regimes" is not.
        return _Draft(unit, None, None, _Dating())
    return None


def _read_turn(unit: _Unit, story: Story, roster: Roster, state: _State) -> _Draft | None:
    """A sentence of a briefing transcript (see transcript.py): a question is no
    claim; an answer is its label's speaker's, said on the day of the briefing,
    which is the day the transcript is published (transcripts are posted the day
    they are held; a publication window is no day)."""
    turn = unit.turn
    assert turn is not None
    state.chain, state.ctx.last_person = [], None
    if turn.kind == "question":
        return None
    speaker = resolve(label_name(turn.label), roster, state.ctx)
    if speaker is AMBIGUOUS or speaker is None or speaker.kind != "person":
        # "MS. SINGH" when no Singh is named in full: somebody, but not a guess.
        speaker = None
    dating = _Dating()
    if speaker is not None and unit.turn_share >= 0.5 and story.published:
        dating = _Dating(story.published, f"answer in a briefing transcript published {story.published.isoformat()}",
                         "day", None)
    elif speaker is not None:
        # An exchange quoted inside a report: the day the report gives for this
        # speaker's briefing, if it gives one day only.
        days = {d.said_on for _, e, d in state.dated if e is not None and e.includes(speaker)}
        if len(days) == 1:
            day = days.pop()
            dating = _Dating(day, f"answer at the briefing the story dates for {speaker.name} ({day.isoformat()})", "day", None)
    if speaker is None:
        if any(_FIGURE.search(q.text) for q in find_quantities(unit.text)):
            return _Draft(unit, None, None, _Dating())
        return None
    _remember(state, "say", speaker, dating)
    state.chain = [(speaker, dating)]
    state.ctx.last_speaker = speaker
    state.last_speaker_paragraph = unit.paragraph
    return _Draft(unit, speaker, None, dating)


# "after a closed-door briefing by the National Intelligence Service"
_BRIEFED_BY = re.compile(r"\bbriefing\s+(?:by|from)\s+((?:the\s+)?[A-Z][^,;:.\u00b7]*?)(?=\s+(?:that|on|in|to)\b|[,;:.]|$)")


def _note_source(frame: Attribution, speaker: Entity, masked: str, resolved: list[tuple[Attribution, Entity | None]],
                 roster: Roster, state: _State) -> None:
    """A person passing on a body's briefing keeps that body as the source of all they
    say in the story: "relayed the figures" right after the body's dated statement,
    "quotes the NIS as saying", "told reporters after a briefing by the NIS"."""
    body = None
    if frame.verb == "relay" and state.org_statement is not None:
        body = state.org_statement[0]
    for a, e in resolved:
        if a.form == "quoted-by" and a.verb_start == frame.verb_start and e is not None and e is not AMBIGUOUS and e.kind == "organization":
            body = e
    m = _BRIEFED_BY.search(masked, frame.verb_end)
    if body is None and m:
        found = resolve(m.group(1), roster, state.ctx)
        body = found if found is not None and found is not AMBIGUOUS and found.kind == "organization" else None
    if body is not None:
        for member in (speaker.members or ()) + (speaker.id,):
            state.sources[member] = body.name


def _resolve_frames(atts: list[Attribution], roster: Roster, state: _State, paragraph: int) -> list[tuple[Attribution, Entity | None]]:
    """Each frame's speaker. A "he"/"she" after another frame in the same sentence
    is that frame's speaker ("One official told the BBC …, though he stressed …"),
    whoever was named before. "It said" is the organisation whose statement the
    sentence before in the same paragraph reported, and nobody otherwise."""
    out: list[tuple[Attribution, Entity | None]] = []
    for a in atts:
        if a.subject.strip() == "It" and a.start <= 2 and state.chain and state.last_speaker_paragraph == paragraph:
            org = state.chain[0][0]
            if org.kind == "organization" and not org.members:
                out.append((a, org))
                continue
        if out and a.subject.strip().lower() in ("he", "she"):
            before = [e for b, e in out if b.subject.strip().lower() not in ("he", "she") and not b.tie_only]
            if before:
                out.append((a, before[-1]))
                continue
        out.append((a, resolve(a.subject, roster, state.ctx, a.appositive)))
    return out


# "published a statement from the Central Military Commission", "answered with a
# statement by Putin": the statement's author speaks; the publisher carries it.
_STATEMENT_FROM = re.compile(r"\b(?:a|the|its|his|her|their)\s+(?:\w+\s+)?statement\s+(?:from|by)\s+((?:the\s+)?[A-Z][^,;:.\u00b7]*?)(?=\s+(?:thanking|confirming|saying|calling|that|which|who|on|in|to)\b|[,;:.]|$)")


def _statement_from(main: tuple[Attribution, Entity], relay: str | None, masked: str, roster: Roster,
                    state: _State) -> tuple[tuple[Attribution, Entity], str | None]:
    a, e = main
    m = _STATEMENT_FROM.search(masked, a.verb_start)
    if m is None or m.start() - a.verb_end > 40:
        return main, relay
    author = resolve(m.group(1), roster, state.ctx)
    body = re.sub(r"^the\s+", "", m.group(1).strip())
    if author is None and set(body.lower().split()) & ORG_WORDS and body[:1].isupper():
        # "the Central Military Commission of the ruling Workers' Party": a body named in full.
        author = roster.note(found_entity(body, None, "organization"))
    if author is None or author is AMBIGUOUS or author.id == e.id:
        return main, relay
    return (a, author), relay or _relay_name(a.subject, e)


def _main_frame(cands: list[tuple[Attribution, Entity]], masked: str) -> tuple[tuple[Attribution, Entity] | None, str | None]:
    """The frame that says who is speaking, and the intermediary if one relays it."""
    if not cands:
        return None, None
    for a, e in cands:
        if a.form == "quoted-by":
            if any(b.verb == "cite" and b.verb_start == a.verb_start and f.kind == "person" for b, f in cands):
                # "Lawmaker Lee quotes the NIS as saying …": a person relaying an
                # agency's briefing is the speaker; the agency stays the source.
                continue
            return (a, e), a.relay
    according = [(a, e) for a, e in cands if a.form == "according-to"]
    others = [(a, e) for a, e in cands if a.form != "according-to"]
    relay = None
    if not others:
        return according[0], None
    main = others[0]
    for a, e in others[1:]:
        if a.boundary == "when" and e.kind == "person" and main[1].kind == "organization" and not main[1].members:
            # "Washington acknowledged the losses last Monday, when Pentagon spokesperson
            # X said …": the person speaking on that occasion, not the metonym.
            main = (a, e)
            break
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


# A fronted topic: "On the two soldiers Ukraine captured, Lee said …", "Asked about the
# 3,000 troops, the minister said …": what it names is not what the speaker said.
_TOPIC = re.compile(r"^\W*(?:On|About|Regarding|Concerning|As\s+for|As\s+to|Asked\s+about)\s+"
                    r"(?:the|his|her|their|its|this|that|these|those|whether|how|what|reports?)\b")


def _topic_end(masked: str, frame: Attribution) -> int:
    if frame.form != "subject-verb" or not _TOPIC.match(masked):
        return 0
    comma = masked.rfind(",", 0, frame.start)
    return comma + 1 if comma > 0 else 0


def _only_quotation(masked: str, unit: _Unit) -> bool:
    """Nothing but quoted words (and punctuation) outside the quotation marks."""
    outside = masked.replace(MASK, "")
    return unit.continues_quote and not re.search(r"[A-Za-z]{2,}", outside) or (
        MASK in masked and not re.search(r"[A-Za-z]{2,}", outside)
    )


# --- claims --------------------------------------------------------------------------


def _assemble(story: Story, drafts: list[_Draft], topics: Sequence[Topic]) -> tuple[Claim, ...]:
    story_text = " ".join(filter(None, [story.title or "", *story.paragraphs]))
    story_on_topic = bool(relevance.match_topics(story_text, topics))
    groups = _groups(drafts)
    group_topics: dict[str, tuple[str, ...]] = {}
    claims = []
    for n, (draft, group_text) in enumerate(zip(drafts, groups), start=1):
        text = draft.unit.text
        own = relevance.match_topics(text, topics)
        if draft.speaker and group_text not in group_topics:
            group_topics[group_text] = relevance.match_topics(group_text, topics)
        group = group_topics[group_text] if draft.speaker else ()
        if not relevance.keep(own, group, story_on_topic, draft.speaker is not None, bool(topics)):
            continue
        hedges = find_hedges(text)
        quantities = find_quantities(" " * draft.topic_end + text[draft.topic_end:])
        quote = _quote(text)
        d = draft.dating
        claims.append(
            Claim(
                id=_claim_id(story.id, n, text),
                speaker=draft.speaker.speaker() if draft.speaker else None,
                said_on=d.said_on,
                date_basis=d.basis if (d.said_on or d.precision) else None,
                text=_without_dateline(text),
                quote=quote,
                hedged=bool(hedges),
                hedges=hedges,
                topics=own or group,
                quantities=quantities,
                reports=(Report(story=story.id, sentence=text, paragraph=draft.unit.paragraph, relay=draft.relay,
                                hedges=hedges, quote=quote, quantities=quantities, source=draft.source),),
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


# "WASHINGTON —", "SEOUL, Jan. 13, 2025 —": where the story was filed, not what was said.
_DATELINE = re.compile(r"^[A-Z][A-Z.'’ -]{2,40}(?:\([^)]{1,20}\))?(?:,\s*[A-Z][\w.]*\.?\s+\d{1,2},?\s*(?:\d{4})?)?\s*[—–-]{1,2}\s+(?=[A-Z0-9“\"])")


def _without_dateline(text: str) -> str:
    """The claim's wording without the dateline; the report keeps the whole sentence."""
    return _DATELINE.sub("", text, count=1)


def _quote(text: str) -> str | None:
    """The direct quotation: quoted statements, not scare-quoted words."""
    quotes = [q for q in quotations(text) if not is_short_quote(q)]
    return " … ".join(quotes) if quotes else None


def _claim_id(story_id: str, n: int, text: str) -> str:
    digest = hashlib.sha1(f"{story_id}\x1f{text}".encode("utf-8")).hexdigest()[:6]
    return f"{story_id}-{n:03d}-{digest}"

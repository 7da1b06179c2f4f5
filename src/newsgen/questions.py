"""What we know and since when: each tracked question's status, step by step.

A claim bears on a question when it is filed under one of the question's topics and
one clause of its text holds every word of one of the question's cues (see `ties`).
Its stance (affirms, denies, declines) comes from `extract.stance`; hedged and asserted
stay apart in ``Claim.hedged``. A denial or refusal touching several questions bears on
the one whose cue reaches furthest into the sentence (what is denied, not what it
presupposes).

Sources are counted by the government or body a speaker speaks for (`body_of`: a
spokesman's department, the department's government), so three U.S. officials are
one source, and only dated claims from named speakers make steps. The track, in date
order:

- the first affirming claim: **alleged** (first reported, hedged or not);
- the first assertion (unhedged) by each further body: the second independent body
  makes it **corroborated**, a third or later **confirmed**;
- an unhedged affirmation by one of the question's parties: **acknowledged**;
- the first denial and the first refusal to confirm by each body: **denied**,
  **declined**.

The current status is the strongest reached; "disputed" when it is only alleged and
someone has denied it. Claims already carry their independent report count
(`sources`); a claim only reported by copies of one wire is still one source here
because it has one speaker, and a body is counted once however many outlets carry it.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from functools import lru_cache
from typing import Iterable, Sequence

from newsgen import urls
from newsgen.extract.stance import find_stance
from newsgen.gcpause import paused
from newsgen.model import Claim, Person, Question, QuestionStep, QuestionTrack, Speaker, Stance, Status

LEVELS: tuple[Status, ...] = ("alleged", "corroborated", "confirmed", "acknowledged")

# Clause boundaries: punctuation (a comma inside "1,500" is not one), and conjunctions
# that start a new clause about something else ("…from North Korea as Putin's army suffers losses").
_CLAUSE = re.compile(
    r"[;:,](?=\s)|[—–()]|\s-\s|\b(?:as|while|whereas|because|although|though|but|since|after|before|when|"
    r"whether|unless|until|so that)\b",
    re.IGNORECASE,
)


# The words of one cue must also sit this close (in words) inside their clause:
# "North Korea has suffered some significant troop losses" spans seven.
CUE_WINDOW = 7
_TOKEN = re.compile(r"[\w'’-]+")


def clauses(text: str) -> list[str]:
    return list(_clauses(text))


# Every question asks for the clauses of every claim, and claims reworded from one
# statement repeat their clauses: each is split and searched once.
@lru_cache(maxsize=1 << 16)
def _clauses(text: str) -> tuple[str, ...]:
    return tuple(c for c in _CLAUSE.split(text.replace("’", "'")) if c.strip())


@lru_cache(maxsize=1 << 17)
def _reach(cue: str, clause: str) -> int | None:
    """Where in the clause (a word index) the cue's last word falls, or None.

    Every word of the cue starts some word of the clause, all within CUE_WINDOW words."""
    words, joined = _clause_words(clause)
    spots = []
    for c in _cue_words(cue):
        # A word starting with c has c in the clause's text: most cues are not there.
        spot = [i for i, w in enumerate(words) if w.startswith(c)] if c in joined else None
        if not spot:
            return None  # a cue word the clause lacks: no need to look for the others
        spots.append(spot)
    if not spots:
        return None
    best = None
    for i in spots[0]:
        near = [[j for j in other if abs(j - i) <= CUE_WINDOW] for other in spots[1:]]
        if all(near):
            end = max([i] + [min(n, key=lambda j: abs(j - i)) for n in near])
            best = end if best is None else max(best, end)
    return best


@lru_cache(maxsize=1 << 10)
def _cue_words(cue: str) -> tuple[str, ...]:
    return tuple(c.lower() for c in cue.replace("’", "'").split())


@lru_cache(maxsize=1 << 16)
def _clause_words(clause: str) -> tuple[tuple[str, ...], str]:
    """The clause's words in lower case, and them joined (for a quick test of a cue word)."""
    words = tuple(w.lower() for w in _TOKEN.findall(clause))
    return words, " ".join(words)


def _near(cue: str, clause: str) -> bool:
    return _reach(cue, clause) is not None


def _cue_reach(cue: str, text: str) -> int:
    """How far into the claim the cue reaches, counting words over all clauses."""
    offset, best = 0, -1
    for c in _clauses(text):
        r = _reach(cue, c)
        if r is not None:
            best = max(best, offset + r)
        offset += len(_TOKEN.findall(c))
    return best


def ties(question: Question, claim: Claim, by_party: bool = False) -> str | None:
    """The cue that ties the claim to the question, or None.

    `party_cues` count only when a party speaks (`by_party`): a government talking of
    "our soldiers" or "the country's forces" speaks of its own, which from anyone
    else would say nothing about the question."""
    if question.topics and not set(question.topics) & set(claim.topics):
        return None
    cues = question.cues + (question.party_cues if by_party else ())
    if not cues:
        return "topic" if question.topics else None
    return _first_cue(cues, claim.text)


# A clause putting a question to the speaker ("Asked about troops in Russia, he said
# …") holds the reporter's words, not the speaker's.
_QUESTION_PUT = re.compile(r"^\s*(?:when\s+)?(?:asked|questioned|pressed)\b", re.IGNORECASE)


@lru_cache(maxsize=1 << 14)  # the same wording is reported by many stories
def _first_cue(cues: tuple[str, ...], text: str) -> str | None:
    parts = [c for c in _clauses(text) if not _QUESTION_PUT.match(c)]
    for cue in cues:
        if any(_near(cue, c) for c in parts):
            return cue
    return None


def with_stances(claims: Iterable[Claim], questions: Sequence[Question], people: Sequence[Person] = ()) -> tuple[Claim, ...]:
    """Claims with the questions they bear on, their stance and the words that decided it.

    Claims bearing on no question keep no stance: they say nothing we track."""
    with paused():  # a new claim for each (see gcpause)
        return _with_stances(claims, questions, people)


def _with_stances(claims: Iterable[Claim], questions: Sequence[Question], people: Sequence[Person]) -> tuple[Claim, ...]:
    out = []
    bodies = _Bodies(people)
    for c in claims:
        body = bodies.of(c.speaker) if c.speaker else None
        tied = [(q.id, cue) for q in questions
                if (cue := ties(q, c, bool(c.speaker and body and _is_party(q, c.speaker, body))))]
        if not tied:
            if c.review is not None and c.review.changes:
                c, stance, words = _editor_stance(c, None, ())
                out.append(replace(c, stance=stance, stance_words=words, questions=()))
                continue
            # A claim that already says so is kept as it is (an equal copy is only slower).
            kept = c.stance is None and c.stance_words == () and c.questions == ()
            out.append(c if kept else replace(c, stance=None, stance_words=(), questions=()))
            continue
        stance, words = find_stance(c.text)
        if stance != "affirms" and len(tied) > 1:
            # "No evidence North Korean troops are fighting" denies the combat, not the
            # deployment: a denial or refusal bears on the question whose cue reaches
            # furthest into what is denied.
            reach = {q: _cue_reach(cue, c.text) for q, cue in tied}
            tied = [(q, cue) for q, cue in tied if reach[q] == max(reach.values())]
        if stance == "affirms":
            words = tuple(dict.fromkeys(cue for _, cue in tied if cue != "topic"))
        if c.review is not None and c.review.changes:
            c, stance, words = _editor_stance(c, stance, words)
        out.append(replace(c, stance=stance, stance_words=words, questions=tuple(q for q, _ in tied)))
    return tuple(out)


def _editor_stance(c: Claim, stance: Stance | None, words: tuple[str, ...]) -> tuple[Claim, Stance | None, tuple[str, ...]]:
    """The editor's stance (content/corrections.yaml) over the one found here; the
    review's record of the change learns what was found, which only this stage knows."""
    review = c.review
    asked = next((ch for ch in review.changes if ch.field == "stance"), None) if review else None
    if review is None or asked is None:
        return c, stance, words
    wanted = review.stance
    if wanted == stance:  # the editor agrees with the machine: nothing was changed
        changes = tuple(ch for ch in review.changes if ch is not asked)
        status = review.status if changes or review.status != "corrected" else "checked"
        return replace(c, review=replace(review, changes=changes, status=status)), stance, words
    changes = tuple(replace(ch, before=stance or "no stance") if ch is asked else ch for ch in review.changes)
    return replace(c, review=replace(review, changes=changes)), wanted, ()


# --- who speaks for whom -----------------------------------------------------------


def _named(people: Sequence[Person], name: str) -> Person | None:
    key = name.casefold().strip()
    for p in people:
        if key in (p.name.casefold(), p.id.casefold()) or key in (a.casefold() for a in p.aliases):
            return p
    return None


_POSSESSIVE = re.compile(r"^(?:the\s+)?(.+?)['’]s\s")


def body_of(speaker: Speaker, people: Sequence[Person] = ()) -> str | None:
    """The government or body at the top of the speaker's org chain, as a slug.

    Kirby → White House → United States: "united-states". An org that is not itself
    in people.yaml ends the chain ("South Korea" → "south-korea"). A speaker missing
    from people.yaml is placed by its org, else by a possessive that names a known
    body ("North Korea's state news agency" → "north-korea"); otherwise None: we do
    not know whom it speaks for, so it cannot count as a further independent source.
    """
    person = _named(people, speaker.id) or _named(people, speaker.name)
    org = person.org if person else speaker.org
    if person is None and not org:
        m = _POSSESSIVE.match(speaker.name)
        owner = m.group(1) if m else None
        if owner and (_named(people, owner) or any(p.org and p.org.casefold() == owner.casefold() for p in people)):
            org = owner
        else:
            return None
    here = urls.slug(person.id if person else speaker.id)
    seen = {here}
    while org:
        nxt = _named(people, org)
        here = urls.slug(nxt.id if nxt else org)
        if here in seen or nxt is None:
            break
        seen.add(here)
        org = nxt.org
    return here


def body_name(body: str, people: Sequence[Person] = ()) -> str:
    """A body's name for readers ("russia" -> "Russia"): the person or organisation
    people.yaml lists under that id, else an organisation a listed speaker belongs to."""
    for p in people:
        if urls.slug(p.id) == body:
            return p.name
    for p in people:
        if p.org and urls.slug(p.org) == body:
            return p.org
    return body.replace("-", " ").title()


class _Bodies:
    """body_of for one people list, each speaker placed once (thousands of claims
    have a handful of speakers, and placing one walks the whole people list)."""

    def __init__(self, people: Sequence[Person]) -> None:
        self.people = people
        self.known: dict[Speaker, str | None] = {}

    def of(self, speaker: Speaker) -> str | None:
        if speaker not in self.known:
            self.known[speaker] = body_of(speaker, self.people)
        return self.known[speaker]


def _is_party(question: Question, speaker: Speaker, body: str) -> bool:
    parties = {urls.slug(p) for p in question.parties}
    return bool(parties & {urls.slug(speaker.id), body})


# --- the track -----------------------------------------------------------------------


# Hedges of a forecast ("could send them into combat as early as next week"): what
# may happen is not a report that it has.
FORECAST = frozenset({"could", "may", "might", "would", "expect", "expects", "expected", "likely", "possible",
                      "possibly", "as early as", "plans", "planning", "prepare", "preparing"})


def forecast(c: Claim) -> bool:
    return c.hedged and bool(c.hedges) and all(h.lower() in FORECAST for h in c.hedges)


# "…would be lawful, if it had done so": a condition admits nothing.
_CONDITION = re.compile(r"\bif\s+(?:(?:it|this|that|such\s+\w+|the\s+reports?)\s*(?:'s|’s|\s+is|\s+are|\s+were|\s+was)\s+(?:true|correct|confirmed)|so\b|true\b|(?:it|they|he|she|we)\s+(?:had|has|have)\s+(?:done|sent|deployed)\b)", re.I)


def conditional(c: Claim) -> bool:
    return bool(_CONDITION.search(c.text))


def own_information(c: Claim) -> bool:
    """Asserted on the speaker's own information: unhedged, and no report has the
    speaker passing on another body's briefing (a lawmaker relaying the spy agency)."""
    return not c.hedged and all(r.source is None for r in c.reports)


def track(question: Question, claims: Sequence[Claim], people: Sequence[Person] = ()) -> QuestionTrack:
    """The steps by which the answer to `question` firmed up, from dated claims.

    - alleged: the first affirming claim (one source);
    - corroborated: a further body asserts it, passing on another's word;
    - confirmed: a body other than the first asserts it on its own information;
    - acknowledged: a party asserts it (its own admission);
    - denied / declined: the first denial and refusal by each body; the status is
      "disputed" while it is only alleged or corroborated and a denial came after.
    A forecast ("could be sent into combat") is no step. Each step is dated on its
    claim's own day."""
    dated = sorted(
        (c for c in claims if question.id in c.questions and c.said_on and c.speaker and c.stance),
        # Within a day the most widely carried statement leads.
        key=lambda c: (c.said_on, -c.independent_reports, -len(c.reports), c.id),
    )
    steps: list[QuestionStep] = []
    affirmed: set[str] = set()  # bodies counted as sources of the answer
    acknowledged: set[str] = set()
    confirmed: set[str] = set()  # bodies that asserted it on their own information
    said_no: set[tuple[str, str]] = set()
    first_body: str | None = None
    level = -1
    behind: str | None = None
    last_denial: tuple[str, dt.date] | None = None
    reached: dt.date | None = None

    def step(c: Claim, status: str, body: str, note: str) -> None:
        assert c.said_on and c.speaker and c.stance
        steps.append(QuestionStep(c.said_on, status, c.id, c.speaker.id, c.stance, c.hedged, body, note))

    def rise(c: Claim, status: str) -> None:
        nonlocal level, behind, reached
        if LEVELS.index(status) > level:
            level, behind, reached = LEVELS.index(status), c.id, c.said_on

    bodies = _Bodies(people)
    for c in dated:
        assert c.speaker
        placed = bodies.of(c.speaker)
        # An unplaced speaker is its own source for the first report, never a further one.
        body = placed or urls.slug(c.speaker.id)
        if c.stance in ("denies", "declines"):
            kind = "denied" if c.stance == "denies" else "declined"
            if (kind, body) not in said_no:
                said_no.add((kind, body))
                step(c, kind, body, f"{kind} by {body_name(body, people)}")
                if kind == "denied":
                    last_denial = (c.id, c.said_on)
            continue
        if forecast(c) or conditional(c):
            continue
        if _is_party(question, c.speaker, body):
            # A party's word is acknowledgement or nothing: it never corroborates.
            if not c.hedged and body not in acknowledged:
                acknowledged.add(body)
                rise(c, "acknowledged")
                step(c, "acknowledged", body, f"acknowledged by {body_name(body, people)}, a party")
            continue
        if first_body is None:
            first_body = body
            if placed:
                affirmed.add(body)
            rise(c, "alleged")
            step(c, "alleged", body, "first reported")
            continue
        if placed is None or c.hedged:
            continue  # a hedge from a further body firms nothing up
        own = own_information(c) and body != first_body
        if body in affirmed:
            # A body already counted firms up its own report (a hedge or another's
            # word before): its first assertion on its own information is a step.
            if own and body not in confirmed:
                confirmed.add(body)
                rise(c, "confirmed")
                step(c, "confirmed", body, "asserted on its own information")
            continue
        affirmed.add(body)
        if own:
            confirmed.add(body)
        status = "confirmed" if own else "corroborated"
        rise(c, status)
        step(c, status, body, "asserted on its own information by a further body" if own
             else "reported by a second, independent source")

    if level < 0:
        status: Status | None = "disputed" if last_denial else None
        return QuestionTrack(question, status, last_denial[0] if last_denial else None, tuple(steps))
    current: Status = LEVELS[level]
    if current in ("alleged", "corroborated") and last_denial and reached and last_denial[1] >= reached:
        current, behind = "disputed", last_denial[0]
    return QuestionTrack(question, current, behind, tuple(steps))


def tracks(questions: Sequence[Question], claims: Sequence[Claim], people: Sequence[Person] = ()) -> tuple[QuestionTrack, ...]:
    return tuple(track(q, claims, people) for q in questions)

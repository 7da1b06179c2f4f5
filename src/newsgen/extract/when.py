"""When each statement was made: the time layer.

Date expressions are found and resolved against the publication day by
:mod:`newsgen.dates` (dateutil arithmetic); which of them dates the *statement* is
read from the parse: the expression must hang from the reporting verb's own
clause ("On Monday, X said", "X said Monday", "Testifying … on Thursday, X said",
"…, when X said") and not from its reported content ("X said troops entered
combat last week") nor from a quotation. Then, in order:

1. the expression's own day; a week or month gives a range and no day;
2. "the same day", "the day before": the last dated statement, shifted;
3. the reference time the narrative set: a dated section heading above the unit;
   a one-day live blog's entry (the page's day); a transcript's answer (the day it
   was posted); the same speaker going on ("He added", a bare quotation); a unit
   opening "Meanwhile" (the statement before's day);
4. a dated news report (a dateline) saying "X said" with no time expression: the
   publication day, basis "publication day". A pluperfect ("had said") or perfect
   ("has said") is told as background and gets no day from the report.

Anything else stays undated: a wrong day is worse than none.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from newsgen.dates import DateMention, find_dates
from newsgen.extract.cues import cues
from newsgen.extract.frames import Frame, UnitInfo, is_medium, is_reporting
from newsgen.extract.mentions import AMBIGUOUS, title_words


@dataclass(frozen=True)
class Dating:
    said_on: dt.date | None = None
    basis: str | None = None
    precision: str | None = None
    range: tuple[dt.date, dt.date] | None = None


NONE = Dating()

# Dependencies that lead from a date into what was said rather than the saying.
_INTO_CONTENT = frozenset({"ccomp", "relcl", "csubj", "parataxis", "acl", "xcomp", "pcomp", "conj", "advcl"})


@dataclass
class Timekeeper:
    published: dt.date | None
    window_end: dt.date | None
    dateline: bool
    live: bool
    transcript: bool
    window_start: dt.date | None = None
    held_on: Dating = None  # a transcript's: the day its title or preamble gives the briefing
    updated: dt.date | None = None  # the story's update after publication, when it gives one
    elsewhere: tuple = None  # (speaker id, paragraph) of "Separately, X said": another occasion
    relayed: dict = None  # a medium -> (Dating, paragraph) of the last report through it the story dated
    last_dated: Dating = NONE
    last_dated_paragraph: int = -10
    last_speaker_id: str | None = None
    last_dating: Dating = NONE
    heading: Dating = NONE
    spoken: dict = None  # speaker id -> the day of their last dated statement in the story
    spoken_in: dict = None  # speaker id -> the paragraph where the story dated them
    reference: Dating = NONE  # the last day a sentence of the story gave itself
    reference_paragraph: int = -10  # where it stands
    reference_speaker: object = None  # and who spoke there
    lead_reference: Dating = NONE  # the first: the day the report's lead is set on
    by_verb: dict = None  # reporting verb lemma -> the day of the last statement made with it
    near: dict = None  # person id -> (Dating, paragraph): a sentence that put them somewhere on a day
    scenes: dict = None  # person id -> Dating: the speaking occasion a sentence set for them
    last_dated_stamp: str | None = None  # the live entry of the last dated statement
    gathering: tuple = None  # (Dating, paragraph, ids of those present) of a meeting the story dates
    last_timed: Dating = NONE  # the last statement given a time, a day or only its week or month
    last_timed_at: tuple | None = None  # (its paragraph, its speaker's name, who relayed it)
    told: dict = None  # a person's name -> (Dating, paragraph) of their last dated statement
    other_time: bool = False  # a sentence told of another time since ("in October"): "two days earlier" than what?
    other_day: Dating = NONE  # that time, when it was one day ("By 20 November …"): what "that day" is
    other_time_entry: str | None = None  # the live page's entry that told of another week or month
    last_org: tuple = None  # (Dating, paragraph) of the statement just made by a body
    pending: tuple = None  # (Dating, paragraph): an unnamed speaker's occasion, for the person named next
    reference_set: bool = False  # an explicit day far from publication was told: no fallback
    meeting: Dating = NONE  # the sitting the lead tells a statement to ("told the Security Council on Wednesday")
    voicing: str | None = None  # the person last found voicing the body's dated statement
    days_told: list = None  # the days of the statements dated so far, in the story's order

    @property
    def anchor(self) -> dt.date | None:
        # A page with no date of its own that heads its days: "on Tuesday" under
        # "Wednesday, 20 November 2024" counts from that day.
        return self.published or self.window_end or self.heading.said_on

    def narrative(self, sent: Span, unit: UnitInfo) -> None:
        """A sentence that reports nothing: when it tells of a time of its own ("Peskov's
        line in October was a reply …"), a "two days earlier" after it counts from that,
        not from the statement before. When it dates a meeting ("The meeting took place on
        Friday"), those named in its paragraph spoke there."""
        found = [m for m in find_dates(sent.text, self.anchor) if m.date is not None or m.range is not None]
        one = None
        if found:
            self.other_time = True
            # "Last week in Moscow. … Choe said …": a live page's entry telling of another week
            # or month than the page's day. (Days it names may be its own: "… took place on Friday".)
            if any(m.precision in ("week", "month") and _of_the_sentence(sent, m) for m in found):
                self.other_time_entry = unit.stamp
            days = {m.date for m in found if m.date is not None and m.precision == "day" and m.offset is None}
            one = next((m for m in found if m.date in days), None) if len(days) == 1 and len(found) == 1 else None
            told = self._resolve(one) if one is not None else None
            self.other_day = replace(told, basis=f"the day the sentence before tells of ({told.basis})") \
                if told is not None and told.said_on is not None else NONE
        root = sent.root
        # (Not a day that bounds a stretch: "The meeting runs through 26 November".)
        day = next((m for m in found if m.date is not None and m.precision == "day"
                    and _bound_word(sent.text[: m.start]) is None), None)
        held = day is not None and any(ch.dep_ in ("nsubj", "nsubjpass") and ch.lemma_.lower() in cues().meeting_nouns
                                       for ch in root.children)
        # "The most detailed picture came on Wednesday, from a closed-door session of the
        # committee. According to its two secretaries, Lee … and Park …": the session the
        # sentence dates, and those its paragraph names were there.
        came_from = day is not None and not held and len(found) == 1 and any(
            ch.dep_ == "prep" and ch.lower_ in ("from", "at", "after") and any(
                g.dep_ == "pobj" and g.lemma_.lower() in cues().meeting_nouns | cues().briefing_nouns for g in ch.children)
            for ch in root.children)
        # "The two leaders met face to face in Beijing on 3 September. … Putin thanked his guest."
        met = day is not None and not held and not came_from and root.lemma_.lower() in cues().meeting_verbs \
            and len({m.date for m in found if m.date is not None}) == 1
        # "Yoon and Zelensky spoke by phone on Tuesday": a conversation is a meeting of
        # those in it (two subjects, or one speaking with another), not one person's words.
        talked = day is not None and not (held or came_from or met) \
            and len({m.date for m in found if m.date is not None}) == 1 and any(
                t.pos_ == "VERB" and t.lemma_.lower() in cues().conversation_verbs
                and t.left_edge.idx <= sent.start_char + day.start < t.right_edge.idx + len(t.right_edge)
                and _in_conversation(t) for t in sent)
        if day is not None and unit.paragraph <= 1 and self.meeting.said_on is None and len(found) == 1:
            # "Reports of captured soldiers dominated the Security Council's briefing on
            # Ukraine this afternoon": the lead dates the sitting the story reports.
            sitting = cues().meeting_nouns | cues().briefing_nouns
            tok = sent.doc.char_span(sent.start_char + day.start, sent.start_char + day.end, alignment_mode="expand")
            x, dated = (tok.root if tok is not None else None), False
            for _ in range(4):
                if x is None or x.head is x:
                    break
                x = x.head
                if x.lemma_.lower() in sitting or (x.i == root.i and any(
                        ch.dep_ in ("dobj", "obj", "nsubj", "nsubjpass") and ch.lemma_.lower() in sitting for ch in root.children)):
                    dated = True
                    break
            d = self._resolve(day) if dated else None
            if d is not None and d.said_on is not None:
                self.meeting = replace(d, basis=f"the meeting the lead dates: {d.basis}")
        if held or came_from or met or talked:
            roster = sent.doc._.roster
            start = roster.paragraph_start(sent.start)
            end = sent.end if held else next((p for p in roster.paragraphs if p > sent.start), len(sent.doc))
            present = {e.id for at, e, _ in roster.met if start <= at < end and e.kind == "person" and not e.members}
            if len(present) >= 2:
                d = self._resolve(day)
                if d is not None and d.said_on is not None:
                    self.gathering = (replace(d, basis=f"the meeting the story dates ({d.basis}), at which they spoke"),
                                      unit.paragraph, present)
        subject = next((ch for ch in root.children if ch.dep_ in ("nsubj", "nsubjpass")), None)
        if one is not None and subject is not None and subject.lemma_.lower() in cues().statement_nouns and any(
                ch.dep_ in ("det", "poss") and ch.lower_ in ("the", "this", "that", "his", "her", "its", "their")
                for ch in subject.children):
            # "The interview, published on Tuesday, is his fullest answer yet." ¶ "The
            # intelligence chief said …": the person it names next spoke there, that day.
            d = self._resolve(one)
            if d is not None and d.said_on is not None:
                self.pending = (replace(d, basis=f"the {subject.text} the sentence before dates: {d.basis}"), unit.paragraph)

    def see_heading(self, text: str) -> None:
        """A section heading that is a date ("15 June", "### Tuesday, 3 June") dates what follows."""
        if text.isupper():
            text = text.title()  # "TUESDAY 19 NOVEMBER 2024", as live pages set their day headings
        found = [m for m in find_dates(text, self.anchor) if m.date is not None and m.kind in ("explicit", "weekday", "relative-day")]
        words = re.findall(r"[A-Za-z]+", text)
        # The heading is a date, or opens with one ("17 June: Shoigu's announcement");
        # "today" or "yesterday" only where it opens the heading ("What to watch today" is a kicker).
        opens = found and not re.search(r"[A-Za-z]", text[: found[0].start].strip(" #*'’s"))
        # A factbox's entry heading names who spoke, then the day: "JAPANESE FOREIGN
        # MINISTER TAKESHI IWAYA, NOV. 16, 2024".
        closes = found and found[-1].kind == "explicit" and not re.search(r"[A-Za-z0-9]", text[found[-1].end:]) \
            and re.search(r"[,:–—-]\s*$", text[: found[-1].start])
        if closes and not opens:
            found = found[-1:]
        if found and (opens or closes or len(words) <= 4 and found[0].kind != "relative-day"):
            self.heading = Dating(found[0].date, f"section heading '{text.strip()}'", "day", None)
            self.reference_set = True
        elif words:
            self.heading = NONE

    def scene(self, sent: Span, unit: UnitInfo, person, root: Token, unnamed: bool = False, speaking: bool = True) -> None:
        """A person on a dated speaking occasion: their next words are from that day.
        An unnamed one ("the ministry's spokeswoman spoke on Wednesday") is whoever the
        same paragraph then names as speaking."""
        d = self._own(sent, unit, Frame(root.i, person, "scene"), root)
        if (d is None or d.said_on is None) and speaking and self.last_org is not None \
                and unit.paragraph - self.last_org[1] <= 1 and _speaks_for(person, self.last_org[3]):
            # "The Kremlin on Friday praised …. Spokesman Dmitry Peskov was asked about it
            # during his conference call": the body's statement of that day is his.
            d = replace(self.last_org[0], basis=f"speaking for the {self.last_org[3]}, whose statement the story dated just before "
                                                f"({self.last_org[0].said_on.isoformat()})")
        if d is not None and d.said_on is not None and unit.paragraph <= 1 and self.meeting.said_on is None \
                and root.lemma_.lower() in cues().meeting_verbs and any(
                    ch.dep_ == "nsubj" and ch.lemma_.lower() in cues().meeting_nouns for ch in root.children):
            # The lead dates the sitting ("The Security Council met on Monday"): the story reports it.
            self.meeting = replace(d, basis=f"the meeting the lead dates: {d.basis}")
        if d is not None and d.said_on is not None and not speaking:
            if person.kind == "person":
                self.near = self.near or {}
                self.near[person.id] = (replace(d, basis=f"the day the sentence before puts {person.name} there: {d.basis}"), unit.paragraph)
            return
        if d is not None and d.said_on is not None:
            (self.near or {}).pop(person.id, None)  # a speaking occasion is the better scene
        if d is not None and d.said_on is not None and unnamed:
            self.pending = (replace(d, basis=f"the occasion the sentence before sets: {d.basis}"), unit.paragraph)
        if d is not None and d.said_on is not None:
            self.spoken = self.spoken or {}
            self.spoken[person.id] = replace(d, basis=f"the occasion the story sets for {person.name}: {d.basis}")
            for other in _talked_with(root):
                # "Yoon held a telephone conversation this afternoon with Zelensky": both spoke then.
                if other.id not in self.spoken:
                    self.spoken[other.id] = replace(d, basis=f"the occasion the story sets for {other.name}: {d.basis}")
            self.scenes = self.scenes or {}
            self.scenes[person.id] = d
            self.spoken_in = self.spoken_in or {}
            self.spoken_in[person.id] = unit.paragraph
            if self.published and abs((self.published - d.said_on).days) > 2:
                self.reference_set = True

    def occasion(self, sent: Span, unit: UnitInfo, verb: Token) -> Dating:
        """A statement by someone the text leaves unnamed, with its own day ("the UN's
        political affairs chief told the Council on Wednesday"): the day it was made,
        and the day the story's narrative is set on."""
        d = self._own(sent, unit, Frame(verb.i, None, "subject"), verb)
        if d is None or d.said_on is None:
            return NONE
        self.reference, self.last_dated, self.last_dated_paragraph = d, d, unit.paragraph
        self.reference_paragraph, self.reference_speaker = unit.paragraph, None
        subject = next((ch for ch in verb.children if ch.dep_ == "nsubj"), None)
        if subject is not None and subject.lemma_.lower() in cues().person_nouns and any(
                ch.lower_ in ("a", "an") for ch in subject.children) and not subject.tag_.endswith("S"):
            # "…, a lawmaker said Tuesday" ¶ "Rep. Lee … told reporters …": the one the
            # story names next as speaking spoke then.
            self.pending = (replace(d, basis=f"the occasion the story set for '{subject.text}' it names next: {d.basis}"),
                            unit.paragraph + 1)
        medium = any(t.lower_ in cues().media_words for ch in verb.children if ch.dep_ == "nsubj" for t in ch.subtree)
        if self.lead_reference.said_on is None and not (medium and self._event_of_another_day(sent, d)):
            self.lead_reference = d
        self._see_meeting(unit, verb, d)
        return d

    def _see_meeting(self, unit: UnitInfo, verb: Token, d: Dating) -> None:
        """The lead tells a statement to a sitting body ("told the Security Council on
        Wednesday", "told a session of the intelligence committee"): the story reports
        that meeting."""
        if unit.paragraph > 1 or self.meeting.said_on is not None:
            return
        audience = [t for ch in verb.children if ch.dep_ in ("dobj", "dative", "obj") for t in _phrase(ch)]
        if _while_clause(verb):
            # "… was laid before the Security Council today, as X warned": the sitting of the clause.
            audience += [t for ch in verb.head.children if ch.dep_ == "prep" and ch.lower_ in ("before", "to", "at", "in")
                         for g in ch.children if g.dep_ == "pobj" for t in _phrase(g)]
        if any(t.lemma_.lower() in cues().meeting_nouns for t in audience):
            self.meeting = d

    def tie(self, person) -> None:
        """ "X made the remarks": X spoke on the occasion just dated."""
        if self.last_dated.said_on is not None:
            self.spoken = self.spoken or {}
            self.spoken[person.id] = replace(self.last_dated, basis=f"'{person.name} made the remarks' → the statement before ({self.last_dated.said_on.isoformat()})")
            self.last_speaker_id, self.last_dating = person.id, self.spoken[person.id]

    def date(self, sent: Span, unit: UnitInfo, frame: Frame, verb: Token | None) -> Dating:
        d = self._date(sent, unit, frame, verb)
        if frame.speaker is not None:
            self.last_speaker_id = frame.speaker.id
            if d.said_on is not None and not (verb is not None and _statement_saying(verb)):
                # (One statement the story mentions by its day is not the occasion it
                # is telling of: "… follows a statement of November 13, which said".)
                if self.spoken is None:
                    self.spoken = {}
                for e in (frame.speaker, *frame.speaker.members):
                    self.spoken[e.id] = d
        self.last_dating = d
        if verb is not None and (d.said_on is not None or d.precision) and frame.speaker is not None:
            for other in _told_to(verb):
                # "Lavrov told his North Korean counterpart Choe last week that …" ¶ "Choe,
                # for her part, said …": the one told answers on the same occasion.
                if other.id != frame.speaker.id:
                    self.near = self.near or {}
                    self.near[other.id] = (replace(d, basis=f"told to {other.name} on the occasion just dated: {d.basis}"),
                                           unit.paragraph)
        if frame.speaker is not None and frame.speaker.kind == "organization" and d.said_on is not None:
            self.last_org = (d, unit.paragraph, frame.speaker.id, frame.speaker.name)
        elif frame.speaker is not None and self.last_org is not None and d.said_on is not None \
                and d.said_on == self.last_org[0].said_on and frame.speaker.id == self.voicing:
            # People voicing the body's statement one after another (the lawmakers
            # briefed by it): the body's occasion stays the story's for the next one.
            self.last_org = (self.last_org[0], unit.paragraph, self.last_org[2], self.last_org[3])
        elif frame.speaker is not None:
            self.last_org = None
        if d.said_on is not None and frame.speaker is not None and frame.speaker.kind == "person" and not frame.relay:
            self.told = self.told or {}
            self.told[frame.speaker.name] = (d, unit.paragraph)
        if d.said_on is not None and (frame.relay or frame.speaker is not None and is_medium(frame.speaker)):
            # A report through a medium, or the medium's own: what it carries next is of that day.
            self.relayed = self.relayed or {}
            self.relayed[frame.relay or frame.speaker.name] = (d, unit.paragraph)
        if d.said_on is not None or d.precision:
            self.last_timed = d
            self.other_time, self.other_day = False, NONE
            self.last_timed_at = (unit.paragraph, frame.speaker.name if frame.speaker is not None else None, frame.relay)
        if d.said_on is not None:
            self.days_told = self.days_told or []
            self.days_told.append(d.said_on)
            self.last_dated, self.last_dated_paragraph, self.last_dated_stamp = d, unit.paragraph, unit.stamp
            if verb is not None:
                self.by_verb = self.by_verb or {}
                self.by_verb[verb.lemma_.lower()] = d
            if self.published and abs((self.published - d.said_on).days) > 2:
                self.reference_set = True
        return d

    def _date(self, sent: Span, unit: UnitInfo, frame: Frame, verb: Token | None) -> Dating:
        if frame.issued and self.published and not _own_occasion(sent, frame):
            return Dating(self.published, f"the issuers' own words in the text they issued, published {self.published.isoformat()}", "day")
        if verb is not None:
            own = self._own(sent, unit, frame, verb)
            occasion = _described_occasion(verb) if own is None and frame.form == "according" else None
            if occasion is not None:
                # "…, according to Rep. Lee, who spoke to reporters Wednesday": the day his
                # phrase gives his speaking.
                own = self._own(sent, unit, frame, occasion)
            if own is not None:
                if own.said_on is not None and frame.speaker is not None:
                    self.reference, self.reference_paragraph, self.reference_speaker = own, unit.paragraph, frame.speaker
                    if self.lead_reference.said_on is None and not (
                            is_medium(frame.speaker) and self._event_of_another_day(sent, own)):
                        self.lead_reference = own
                    self._see_meeting(unit, verb, own)
                    self.spoken_in = self.spoken_in or {}
                    self.spoken_in[frame.speaker.id] = unit.paragraph
                return own
        if verb is not None and any(ch.dep_ == "advmod" and ch.lower_ == "then" for ch in verb.children):
            # "… what the spokesman said at the October 24 briefing. Lin said then …": the
            # time the sentence before told of, when it was one day; else not settled.
            d = self.other_day if self.other_time else \
                self.last_dated if self.last_dated_paragraph == unit.paragraph else NONE
            return replace(d, basis=f"'{verb.text} then': {d.basis}") if d.said_on is not None else NONE
        near = (self.near or {}).get(frame.speaker.id) if frame.speaker is not None else None
        if near is not None and unit.paragraph - near[1] <= 1 and frame.tense != "pluperfect":
            return near[0]
        if self.heading.said_on is not None and verb is not None and verb.tag_ in ("VBZ", "VBP") \
                and verb.lemma_.lower() in cues().standing_verbs:
            return NONE  # "Seoul estimates …" under a day's heading: a standing view, not that day's words
        if self.heading.said_on is not None:
            if frame.speaker is not None and frame.speaker.id == self.last_speaker_id and self.last_dated_paragraph == unit.paragraph \
                    and self.last_dating.said_on is not None and self.last_dating.said_on != self.heading.said_on:
                # "In his address on Tuesday, Zelensky said …. '…,' he told MEPs": the day his
                # words were given, not the section's.
                return self._same_speaker(frame)
            return self.heading
        if unit.stamp and self.live and frame.speaker is not None and frame.speaker.id == self.last_speaker_id \
                and (self.last_dating.said_on is not None and (self.last_dated_paragraph == unit.paragraph or (
                    self.last_dated_stamp == unit.stamp and unit.paragraph - self.last_dated_paragraph == 1))
                     or self.last_dating.said_on is None and self.last_dating.precision):
            # (In its paragraph, or the next paragraph of the same entry.)
            return self._same_speaker(frame)  # the entry's speaker going on: the day they were dated
        told = self.last_timed_at
        if unit.stamp and self.live and told is not None and told[0] == unit.paragraph and frame.speaker is not None \
                and (frame.speaker.name in told[1:] or frame.source == told[1]) and self.last_timed.said_on != self.published:
            # "The agency told lawmakers last week …, according to Lee. …, Lee said": the
            # entry tells of that earlier statement still, not of its own day.
            return replace(self.last_timed, basis=f"the statement the entry just told of going on ({self.last_timed.basis})")
        if unit.stamp and self.live and self.other_time and self.other_time_entry == unit.stamp:
            return NONE  # the entry tells of another week or month: not the page's day
        if unit.stamp and self.live and self.last_dated_stamp == unit.stamp and self.last_dated.said_on is not None \
                and self.last_dated.said_on != self.published:
            # "At their talks on October 27, Lavrov said …. Choe, for her part, told Lavrov …":
            # the entry recaps another day's exchange; its next words are not the page's day's,
            # but for the speaker it dated going on ("On this visit, Shoigu also said").
            prior = (self.told or {}).get(frame.speaker.name) if frame.speaker is not None else None
            if prior is not None and prior[0].said_on not in (None, self.published) and unit.paragraph - prior[1] <= 2:
                return replace(prior[0], basis=f"{frame.speaker.name} going on in the entry's account of that day ({prior[0].basis})")
            return NONE
        if unit.stamp and self.live and verb is not None and verb.tag_ in ("VBZ", "VBP") \
                and verb.lemma_.lower() in cues().standing_verbs:
            return NONE  # "South Korea estimates …": a standing view, not the entry's words of the day
        if unit.stamp and self.live and self.published and frame.tense not in ("pluperfect", "perfect"):
            # (An entry's "X has said" reports words of some time before, not of the entry.)
            return Dating(self.published, f"live-blog entry {unit.stamp} on a one-day page published {self.published.isoformat()}", "day")
        if frame.form == "turn":
            if self.transcript and self.heading.said_on is not None:
                # "Tuesday, December 17, 2024" over the second briefing a page prints: its day.
                return replace(self.heading, basis=f"answer under the transcript's date line ({self.heading.basis})")
            if self.transcript and self.held_on is not None:
                return self.held_on
            scene = (self.scenes or {}).get(frame.speaker.id) if frame.speaker is not None else None
            if self.transcript and scene is not None and scene.said_on is not None:
                # "Minister X spoke to our correspondent on Monday": the occasion the preamble gives them.
                return replace(scene, basis=f"answer on the occasion the story sets for {frame.speaker.name}: {scene.basis}")
            if self.transcript and self.published:
                return Dating(self.published, f"answer in a briefing transcript published {self.published.isoformat()}", "day")
            return self._same_speaker(frame)
        first = next((t for t in sent if t.is_alpha), None)
        opener = first.lower_ if first is not None and first.i < sent.start + 2 else None
        if frame.tense == "pluperfect" or opener in cues().other_occasion:
            if opener in cues().other_occasion and frame.speaker is not None:
                self.elsewhere = (frame.speaker.id, unit.paragraph)
            return NONE  # background, or "Separately, X said": another occasion, no day carried
        if self.elsewhere is not None and frame.speaker is not None and self.elsewhere[0] == frame.speaker.id \
                and unit.paragraph - self.elsewhere[1] <= 1:
            return NONE  # the same speaker going on, on that other occasion
        g = self.gathering
        # "The meeting took place on Friday." ¶ "Yoon said …": one of those met, there.
        at_gathering = g is not None and frame.speaker is not None and 0 <= unit.paragraph - g[1] <= 3 \
            and frame.tense == "" and {e.id for e in (frame.speaker.members or (frame.speaker,))} <= g[2]
        if at_gathering and frame.speaker.id != self.last_speaker_id and (self.spoken_in or {}).get(frame.speaker.id, -1) < g[1]:
            return g[0]  # dated before on another occasion, now at the meeting the story has moved to
        going_on = self._same_speaker(frame)
        if going_on.said_on is not None or going_on.precision:
            return going_on
        if at_gathering:
            return g[0]
        body = self._body_statement(sent, frame, unit)
        if body is not None:
            return body
        passed = (self.told or {}).get(frame.relay) if frame.relay else None
        if passed is not None and unit.paragraph - passed[1] <= 1 and frame.tense != "pluperfect":
            # "On Tuesday, Lee told reporters …. According to Lee, the agency estimates …":
            # what he passes on is what he told then.
            return replace(passed[0], basis=f"passed on by {frame.relay}, whose statement the story dated just before "
                                            f"({passed[0].said_on.isoformat()})")
        carried = (self.relayed or {}).get(frame.relay) if frame.relay else None
        if carried is not None and unit.paragraph - carried[1] <= 1:
            # "On Monday, KCNA published a statement …. KCNA quoted Kim as calling …":
            # the medium's report the story just dated carries his words too.
            return replace(carried[0], basis=f"the {frame.relay} report dated just before ({carried[0].said_on.isoformat()})")
        if self.pending is not None and self.pending[1] == unit.paragraph and frame.speaker is not None \
                and frame.speaker.kind == "person" and frame.speaker.id not in (self.spoken or {}):
            d, self.pending = self.pending[0], None
            return d
        if self.pending is not None and self.pending[1] == unit.paragraph and verb is not None and any(
                ch.dep_ == "prep" and ch.lower_ == "in" and any(g.dep_ == "pobj" and (g.lower_ == "it" or g.lemma_.lower()
                                                                                     in cues().statement_nouns) for g in ch.children)
                for ch in verb.children):
            # "The joint statement was issued on Monday by …. In it, the signatories said …":
            # the statement the sentence before dates.
            return replace(self.pending[0], basis=f"'in it': {self.pending[0].basis}")
        if verb is not None and any(ch.lower_ == "also" for ch in verb.children):
            # "Miller also confirmed …": the occasion of the statement that verb last dated.
            d = (self.by_verb or {}).get(verb.lemma_.lower())
            if d is not None:
                return replace(d, basis=f"'also {verb.text}': the day of the last statement that {verb.text} ({d.said_on.isoformat()})")
        if verb is not None and self.last_dated.said_on and unit.paragraph - self.last_dated_paragraph <= 1 and any(
                ch.dep_ == "prep" and ch.lower_ == "in" and any(g.lower_ in cues().reply_words for g in ch.children)
                for ch in verb.children):
            # "The Russian foreign minister, in turn, said …": the reply in the exchange just dated.
            return replace(self.last_dated, basis=f"'in turn': the exchange of the statement before ({self.last_dated.said_on.isoformat()})")
        if verb is not None and verb.lemma_.lower() in cues().reply_verbs and self.last_dated.said_on \
                and self.last_dated_paragraph == unit.paragraph and self.last_speaker_id != getattr(frame.speaker, "id", None):
            # "Putin told Kim …. Kim answered that …": the reply, in the exchange just dated.
            return replace(self.last_dated, basis=f"'{verb.text}': the reply in the exchange dated just before "
                                                  f"({self.last_dated.said_on.isoformat()})")
        if opener in cues().same_occasion and self.last_dated.said_on:
            return replace(self.last_dated, basis=f"'{first.text}': the day of the statement before ({self.last_dated.said_on.isoformat()})")
        if frame.form == "according" and self.last_dated.said_on and unit.paragraph - self.last_dated_paragraph <= 1 \
                and _retells_the_statement(sent, unit):
            # "The agency gave the assessment at a closed session, according to Rep. Lee":
            # he passes on the statement just dated, as it was made that day.
            return replace(self.last_dated, basis=f"passing on the statement dated just before ({self.last_dated.said_on.isoformat()})")
        if frame.tense == "perfect" or frame.form == "according":
            return NONE
        if self.dateline and self.published and not self.reference_set and frame.form in ("subject", "inherited", "agent"):
            if _own_occasion(sent, frame):
                return NONE  # "told Reuters by phone": an occasion of its own the text does not date
            if verb is not None and any(m.date is not None and m.date != self.published and m.precision == "day"
                                        and m.offset is None and sent.start_char + m.start < verb.idx
                                        for m in find_dates(sent.text, self.anchor)):
                return NONE  # "In a statement released after Friday's meeting, they said": near another day
            if frame.speaker is not None and frame.speaker.id == self.last_speaker_id and self.last_dating.said_on is None:
                return NONE  # the same speaker going on from words the story left undated
            # The day the report's own narrative is set on ("told the Council on Thursday"):
            # the one the sentences just before give, else the lead's; an aside dated
            # paragraphs earlier ("HUR said on Sunday") is not where the story is.
            ref = self.reference if unit.paragraph - self.reference_paragraph <= 1 and \
                _same_voice(frame.speaker, self.reference_speaker) else self.lead_reference
            if ref.said_on is None and self.reference.said_on is not None:
                return NONE  # the lead reports an event of another day (above): not settled
            if ref.said_on is not None:
                r = ref.said_on
                return Dating(r, f"the day the report is set on ({r.isoformat()}, from {ref.basis}); the sentence gives no day", "day")
            return Dating(self.published, f"publication day {self.published.isoformat()} (a dated news report; the text gives no day)", "day")
        m = self.meeting.said_on
        if m is not None and self.published and 0 <= (self.published - m).days <= 1 and not self.reference_set \
                and frame.form in ("subject", "inherited", "agent") and not _own_occasion(sent, frame):
            # A report of a meeting its lead dates, published that day or the next: a
            # statement without a day of its own was made there.
            return Dating(m, f"the meeting the story reports ({m.isoformat()}, {self.meeting.basis}); the sentence gives no day", "day")
        return NONE

    def _body_statement(self, sent: Span, frame: Frame, unit: UnitInfo) -> Dating | None:
        """A person speaking for a body whose statement the story just dated ("The United
        States told the Council on Thursday …" then "Robert Wood, the deputy U.S.
        ambassador, …"): the body's day."""
        if frame.speaker is not None and frame.speaker.kind == "person" and self.last_org is not None:
            d, paragraph, org_id, org_name = self.last_org
            described = sent.doc._.roster.described.get(frame.speaker.id, set())
            spokesperson = bool((title_words(frame.speaker.role) | described) & cues().spokesperson_titles)
            at = sent.doc._.entity_at
            named = any(getattr(at.get(t.i), "id", None) == org_id for t in sent) or _names_body(sent, org_id, org_name)
            # "Park said the agency had also detected …": passing on what the body found.
            relaying = frame.verb >= 0 and any(
                (getattr(at.get(t.i), "id", None) == org_id or _is_body_word(t, org_id, org_name)) and t.dep_ in ("nsubj", "nsubjpass")
                for t in sent.doc[frame.verb].subtree if t.i != frame.verb)
            # Their own title, or a briefing of the body ("told reporters at the White
            # House briefing"), ties them to it; a body merely named does not.
            briefing = any(t.lemma_.lower() in cues().briefing_nouns for t in sent)
            if _own_occasion(sent, frame):
                return None
            if (spokesperson and paragraph == unit.paragraph) or (
                    named and (spokesperson or briefing or relaying or frame.body == org_id) and unit.paragraph - paragraph <= 1):
                # "Seoul on Monday condemned …. Defense ministry spokesman Jeon said …",
                # "the White House said on Friday …. Kirby told a White House briefing":
                # the person voices the body's statement dated just before.
                self.voicing = frame.speaker.id
                return replace(d, basis=f"voicing the statement of the {org_name} dated just before ({d.said_on.isoformat()})")
        if not frame.body or frame.body not in (self.spoken or {}):
            return None
        if unit.paragraph - (self.spoken_in or {}).get(frame.body, -10) > 1:
            return None
        d = self.spoken[frame.body]
        return replace(d, basis=f"speaking for the body whose statement the story dated just before ({d.said_on.isoformat()})")

    def _same_speaker(self, frame: Frame) -> Dating:
        """The same speaker going on, or speaking again in the scene the story set for them."""
        if frame.speaker is None:
            return NONE
        if frame.speaker.id == self.last_speaker_id and (self.last_dating.said_on or self.last_dating.precision):
            d = self.last_dating
            basis = d.basis or ""
            if "same statement going on" not in basis:
                basis = f"the same statement going on ({basis})"
            return replace(d, basis=basis)
        d = (self.spoken or {}).get(frame.speaker.id)
        if d is not None and d.said_on is not None:
            return replace(d, basis=f"{frame.speaker.name}'s statement on the occasion the story dated earlier ({d.said_on.isoformat()})")
        return NONE

    def _given_on(self, sent: Span, unit: UnitInfo, published: Token, first: DateMention) -> Dating | None:
        """Another day in the phrase of the statement `published` dates the coming out of,
        not of its publication: the day the statement was made."""
        noun = published
        while noun.head.i != noun.i and noun.lemma_.lower() not in cues().statement_nouns:
            noun = noun.head
        if noun.lemma_.lower() not in cues().statement_nouns:
            return None
        phrase = {t.i for t in noun.subtree}
        for m in find_dates(sent.text, self.anchor):
            if m.start < first.end or _in_quote_char(sent.start_char + m.start, unit.quotes):
                continue
            tok = sent.doc.char_span(sent.start_char + m.start, sent.start_char + m.end, alignment_mode="expand")
            if tok is None or tok.root.i not in phrase or _via_publication(tok.root):
                continue
            got = self._resolve(m)
            if got is not None and got.said_on is not None:
                return got
        return None

    def _own(self, sent: Span, unit: UnitInfo, frame: Frame, verb: Token) -> Dating | None:
        doc = sent.doc
        text = sent.text
        # A day the sentence names outright before one it counts ("Two days before that, on Sept. 3").
        for m in sorted(find_dates(text, self.anchor), key=lambda m: m.offset is not None):
            start = sent.start_char + m.start
            if _in_quote_char(start, unit.quotes):
                continue
            if re.search(r"\b(?:every|each)\s*$", text[: m.start]):
                continue  # "writes every Thursday": a habit, not a day
            if m.kind == "weekday" and re.search(r"\b(?:the\s+)?same\s*$", text[: m.start], re.I):
                # "Asked about it the same Friday": the Friday the story told of last.
                last = next((d for d in reversed(self.days_told or []) if m.date is not None and d.weekday() == m.date.weekday()), None)
                if last is None:
                    return NONE
                m = replace(m, date=last, basis=f"'the same {m.text}' → the {m.text} the story told of ({last.isoformat()})")
            tok = doc.char_span(start, sent.start_char + m.end, alignment_mode="expand")
            if tok is None:
                continue
            root = tok.root
            # ("noted the 9 January attack": a day before the noun it describes is not right after the verb.)
            describes = root.head.i >= tok.end and _describes_a_thing(root.head)
            right_after = not describes and (tok.start == verb.i + 1 or (tok.start == verb.i + 2 and doc[verb.i + 1].lower_ == "on")) \
                or (verb.dep_ == "relcl" and tok.start <= verb.head.i < tok.end
                    and any(ch.lower_ == "when" for ch in verb.children))  # "on Monday, when X wrote"
            if not right_after and not _attached(root, verb, frame) and not (frame.occasion >= 0 and _attached(root, doc[frame.occasion], frame)) \
                    and not _names_the_occasion(tok, verb) and not _in_fronted_occasion(sent, tok, verb) \
                    and not _opens_the_sentence(sent, tok, verb):
                continue
            if any(t.lower_ in cues().date_bounds for t in doc[max(tok.start - 2, sent.start): tok.start]) and m.kind != "explicit":
                continue
            if _via_publication(root):
                # "an interview published today, conducted on Friday": the day it was
                # given, when the sentence says it, over the day it came out.
                later = self._given_on(sent, unit, root, m)
                if later is not None:
                    return later
            if m.offset is not None and re.search(r"\b(?:after|before)$", m.text):
                event = next((ch for ch in tok[-1].children if ch.dep_ == "pobj"), None)  # the word "before" or "after"
                if event is not None and event.lemma_.lower() not in cues().statement_nouns and event.lower_ not in ("that", "this", "then") \
                        and not _in_quote_char(event.idx, unit.quotes):
                    # "A day before the parade, X told …": counted from an event whose day
                    # the story does not give here, not from the statement before.
                    return NONE
            if m.offset is not None and re.search(r"\b(?:after|before)$", m.text) and verb.idx > start \
                    and not re.match(r"\s*[,;:]|\s+(?:that|this|then)\b", text[m.end:]):
                # "The disclosure came a day after X told reporters": X spoke the day
                # before the statement referred to, not after it. ("The day before, X
                # said": no clause follows the word, the day before the one referred to.)
                m = replace(m, offset=-m.offset)
            return self._resolve(m)
        return None

    def _resolve(self, m: DateMention) -> Dating | None:
        if m.offset is not None:
            if self.other_time and self.other_day.said_on is not None:
                # "By 20 November the picture had filled in. … that day, Lee told reporters":
                # counted from the day told just before, not from the last statement.
                day = self.other_day.said_on + dt.timedelta(days=m.offset)
                return Dating(day, f"'{m.text}' → {self.other_day.basis} {m.offset:+d}", "day")
            if self.other_time and m.offset != 0:
                return NONE  # counted from a time told since, which is no statement's day
            if self.last_timed.said_on is None and self.last_timed.precision:
                # "the same day" as talks held "last week": some day of that week, not one the text gives.
                t = self.last_timed
                return Dating(None, f"'{m.text}' → the statement before ({t.basis})", t.precision, t.range) \
                    if m.offset == 0 else NONE
            base = self.last_dated.said_on
            if base is None:
                return NONE
            day = base + dt.timedelta(days=m.offset)
            return Dating(day, f"'{m.text}' → the day of the statement before ({base.isoformat()}) {m.offset:+d}", "day")
        if m.kind == "vague":
            return NONE
        if self.published is None and m.kind != "explicit" and not (self.window_end is None and self.heading.said_on):
            return NONE  # (under a dated heading, "on Tuesday" counts from its day: the anchor)
        if m.date is not None and m.kind == "weekday" and self._rewritten(m):
            return NONE  # "On Sunday" in a story updated since: which Sunday the text does not settle
        if m.date is not None and m.kind == "weekday" and self.heading.said_on and self.published \
                and self.heading.said_on != self.published and not re.search(r"\b(?:last|next|this|past|coming)\b", m.text, re.I):
            # "In his address that Sunday" under "Oct. 13": the Sunday of the section's day,
            # not the one before publication.
            h = self.heading.said_on
            day = h - dt.timedelta(days=(h.weekday() - m.date.weekday()) % 7)
            return Dating(day, f"'{m.text}' in the section of {h.isoformat()} ({self.heading.basis})", "day")
        if m.date is not None and m.kind == "relative-day" and self.heading.said_on and self.published \
                and self.heading.said_on != self.published:
            # "This morning" under a live page's "Wednesday 18 December": that day's morning.
            day = m.date + (self.heading.said_on - self.published)
            return Dating(day, f"'{m.text}' in the section of {self.heading.said_on.isoformat()} ({self.heading.basis})", "day")
        if m.date is not None and m.kind == "explicit" and self.published and m.date > (self.updated or self.published) \
                and not re.search(r"\b(?:19|20)\d\d\b", m.text):
            # "20 November" without a year, in a story of 24 October: what was said was
            # said before publication, so last year's.
            earlier = _a_year_before(m.date)
            return Dating(earlier, f"explicit date '{m.text}' (the latest before publication {self.published.isoformat()})", "day") \
                if earlier is not None else NONE
        told = self.last_timed.said_on
        if m.date is not None and m.kind == "explicit" and told is not None and told.year != m.date.year \
                and "(year from publication" in m.basis:
            # "On 10 October last year, … . By 21 October he had softened that": a date
            # without a year in a narrative the story has taken to another year is of that year.
            there = _on_day(told.year, m.date)
            if there is not None and abs((there - told).days) <= _SAME_STRETCH_DAYS:
                return Dating(there, f"explicit date '{m.text}' (the year of the statement before, {told.isoformat()})", "day")
        if m.date is not None:
            basis = m.basis
            if self.published is None and self.window_end is not None and self.window_start is not None:
                # The year came from a publication window, not a known publication day.
                basis = basis.replace(f"(year from publication {self.window_end.isoformat()})",
                                      f"(year from the publication window {self.window_start.isoformat()} to {self.window_end.isoformat()})")
            return Dating(m.date, basis, "day")
        if m.precision in ("week", "month") and m.range:
            return Dating(None, m.basis, m.precision, m.range)
        return NONE


    def _event_of_another_day(self, sent: Span, report: Dating) -> bool:
        """"X met Y on Wednesday, state media said on Thursday": a medium's report of an
        event of another day. What is said at the event is not of the report's day, and
        the text may not say which: the story is set on neither."""
        return any(m.date is not None and m.precision == "day" and m.date != report.said_on
                   for m in find_dates(sent.text, self.anchor))

    def _rewritten(self, m: DateMention) -> bool:
        """A weekday counted from publication in a story updated later, when that
        weekday also fell between publication and the update: the sentence may be the
        update's, and its "Sunday" the one just gone. ("Today" and "yesterday" are
        read from publication, as outlets keep them when they update.)"""
        if not (self.updated and self.published and self.updated > self.published):
            return False
        days = (self.updated - self.published).days
        return any((self.published + dt.timedelta(days=k)).weekday() == m.date.weekday() for k in range(1, min(days, 7) + 1))


def summed_up(units, frames, datings: list[Dating], doc=None) -> list[Dating]:
    """A statement whose speaker the text names only after it ("Ukraine's defense
    minister said …" ¶ "Defense Minister Umerov told KBS on Monday …") sums up what
    that person is then reported saying: without a day of its own, it takes the day
    of their next statement, in its paragraph or the next."""
    out = list(datings)
    for k, (unit, f, d) in enumerate(zip(units, frames, datings)):
        if f and f[0] is None and f[4] is not None and d.said_on is not None and doc is not None and any(
                ch.dep_ in ("dobj", "obj") and ch.lower_ in ("this", "that", "so") for ch in doc[f[4]].children):
            # "The head of state said this in his address on Friday": the statement just
            # before, undated, was made then.
            j = None
            for i in range(k - 1, -1, -1):  # (back to the paragraph before, no further: linear in long stories)
                if units[i].paragraph < unit.paragraph - 1:
                    break
                if frames[i] and frames[i][0] is not None and frames[i][0].speaker is not None:
                    j = i
                    break
            if j is not None and out[j].said_on is None and not out[j].precision:
                out[j] = replace(d, basis=f"the statement a later sentence dates ('said this …'): {d.basis}")
        frame = f[0] if f else None
        if frame is None or frame.speaker is None:
            continue
        # The lead with no day at all ("Kim told the visiting minister …, KCNA reported")
        # sums up what the next paragraph tells of the same person, with its day.
        # So does any statement with no day, for the same speaker going on in its paragraph
        # ("HUR said …. Pyongyang was still sending …, the agency told Interfax on Friday").
        undated = d.said_on is None and not d.precision and frame.tense == ""  # ("has said": told as background)
        if not frame.named_after and not undated:
            continue
        if d.said_on is not None and not (d.basis or "").startswith(("publication day", "the day the report is set on")):
            continue  # its own day, or one the narrative gave it
        reach = unit.paragraph + 1 if frame.named_after or unit.paragraph == 0 else unit.paragraph
        for j in range(k + 1, len(units)):
            if units[j].paragraph > reach:
                break
            g = frames[j][0] if frames[j] else None
            if g is not None and g.tense == "pluperfect":
                continue
            if g is not None and g.speaker is not None and g.speaker.id == frame.speaker.id and datings[j].said_on is not None:
                day = datings[j].said_on
                what = "it sums up, told next" if frame.named_after or unit.paragraph == 0 else "going on, dated next"
                out[k] = replace(datings[j], basis=f"the statement of {frame.speaker.name} {what} "
                                                   f"({day.isoformat()}: {datings[j].basis})")
                break
    return out


def transcript_occasion(texts, anchor: dt.date | None) -> Dating | None:
    """The day a transcript's briefing was held, as its title and the paragraphs
    before the first turn say it ("Press briefing …, 13 January 2025", "excerpts
    from the briefing held on Monday"): a day named in a sentence that speaks of
    the occasion (a briefing, conference, interview, meeting or statement), on or
    before publication. Two different such days, or none: None (the answers then
    take the publication day, as a transcript posted the day it was held)."""
    from newsgen.extract.sentences import split_sentences

    nouns = _occasion_nouns() | {"transcript"}
    found: dict[dt.date, str] = {}
    for text in texts:
        for sent in split_sentences(text):
            words = set(re.findall(r"[a-z]+", sent.text.lower()))
            # (Or a line of the transcript's details: "Date and place: Saturday, November 16, 2024, Kyiv".)
            if not words & nouns and not re.match(r"(?i)(?:date(?:\s+and\s+\w+)?|held(?:\s+on)?)\s*:", sent.text.strip()):
                continue
            for m in find_dates(sent.text, anchor):
                if m.date is not None and m.precision == "day" and (anchor is None or m.date <= anchor):
                    found.setdefault(m.date, m.text)
    if len(found) != 1:
        return None
    (day, said), = found.items()
    return Dating(day, f"answer in the transcript of the occasion its heading dates ('{said}' → {day.isoformat()})", "day")


def _in_conversation(verb: Token) -> bool:
    """Two subjects ("Yoon and Zelensky spoke"), or one speaking with another ("spoke with Yoon")."""
    return any((ch.dep_ == "nsubj" and any(g.dep_ == "conj" for g in ch.children))
               or (ch.dep_ == "prep" and ch.lower_ == "with" and any(g.dep_ == "pobj" for g in ch.children))
               for ch in verb.children)


def _of_the_sentence(sent: Span, m) -> bool:
    """The date is the sentence's own time ("Last week in Moscow."), not a clause's
    inside it ("the treaty the two countries signed in June")."""
    tok = sent.doc.char_span(sent.start_char + m.start, sent.start_char + m.end, alignment_mode="expand")
    if tok is None:
        return False
    root = sent.root
    x = tok.root
    return x.i == root.i or x.head.i == root.i or x.head.head.i == root.i and x.head.dep_ == "prep"


def _occasion_nouns() -> frozenset[str]:
    """Nouns of an occasion of speaking: a statement, briefing, interview or meeting."""
    c = cues()
    return c.statement_nouns | c.meeting_nouns | c.briefing_nouns | c.interview_nouns


def _told_to(verb: Token) -> list:
    """The person a statement is told to, named as its hearer ("told his counterpart Choe
    Son Hui that …")."""
    if verb.lemma_.lower() != "tell":
        return []
    at = verb.doc._.entity_at or {}
    out = []
    for ch in verb.children:
        if ch.dep_ in ("dobj", "obj", "dative"):
            for t in ch.subtree:
                e = at.get(t.i)
                if e is not None and getattr(e, "kind", "") == "person" and not e.members and e not in out:
                    out.append(e)
    return out


def _talked_with(root: Token) -> list:
    """The people a call, talks or meeting was held with ("held a conversation … with X")."""
    occasion = next((ch for ch in root.children if ch.dep_ in ("dobj", "obj") and ch.lemma_.lower() in _occasion_nouns()), None)
    if occasion is None:
        return []
    at = root.doc._.entity_at or {}
    out = []
    for holder in (root, occasion):
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ == "with":
                for t in prep.subtree:
                    e = at.get(t.i)
                    if e is not None and getattr(e, "kind", "") == "person" and not e.members and e not in out:
                        out.append(e)
    return out


def _describes_a_thing(noun: Token) -> bool:
    """A noun phrase with its own determiner that a date stands in ("the 9 January
    attack", "Friday's strike"): the date is the thing's, unless the thing is the
    occasion of speaking ("Friday's briefing")."""
    return noun.pos_ == "NOUN" and any(ch.dep_ in ("det", "poss") for ch in noun.children) \
        and noun.lemma_.lower() not in _occasion_nouns()


def _retells_the_statement(sent: Span, unit: UnitInfo) -> bool:
    """The sentence's own verb makes or gives "the assessment", "the remarks": the
    statement just reported, told again."""
    c = cues()
    root = sent.root
    if root.lemma_.lower() not in c.tie_verbs | c.statement_verbs:
        return False
    return any(ch.dep_ in ("dobj", "obj") and ch.lemma_.lower() in c.statement_nouns
               and any(d.lower_ in ("the", "this", "that") for d in ch.children if d.dep_ == "det")
               and not _in_quote_char(ch.idx, unit.quotes) for ch in root.children)


# How near a yearless date must fall to the statement before, in that statement's year,
# to be read in that year (a story telling of last October, its "21 October").
_SAME_STRETCH_DAYS = 62


def _on_day(year: int, day: dt.date) -> dt.date | None:
    try:
        return day.replace(year=year)
    except ValueError:
        return None


def _a_year_before(day: dt.date) -> dt.date | None:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return None


def _in_quote_char(at: int, quotes) -> bool:
    return any(a <= at < b for a, b in quotes)


def _names_the_occasion(date: Span, verb: Token) -> bool:
    """ "another report on Saturday, in which HUR said": a date standing between the
    statement's noun and the clause that says what was in it."""
    if verb.dep_ != "relcl" or not any(ch.dep_ == "prep" and any(g.lower_ in ("which", "whom") for g in ch.children)
                                       for ch in verb.children):
        return False
    antecedent = verb.head
    return antecedent.i < date.start and date.end <= verb.left_edge.i


def _speaks_for(person, body_name: str) -> bool:
    """The person's title or organisation is the body ("Kremlin spokesman", org "Kremlin")."""
    if getattr(person, "kind", "") != "person" or not body_name:
        return False
    said = f"{person.role or ''} {person.org or ''}".lower()
    return bool(said.strip()) and body_name.lower() in said


def _opens_the_sentence(sent: Span, date: Span, verb: Token) -> bool:
    """"On 10 October last year, after Seoul suggested …, Peskov dismissed …": a date
    phrase opening the sentence, before a subordinate clause the parser hung it on, is
    the saying's (whichever of the two clauses the parser made the root)."""
    first = next((t for t in sent if not t.is_punct), None)
    if first is None or first.pos_ != "ADP" or first.i != date.start - 1 and first.i != date.start:
        return False
    clause = date.root
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    mark = next((ch for ch in clause.children if ch.dep_ == "mark" and ch.lower_ in cues().subordinators), None)
    return mark is not None and date.end <= mark.i and clause.i < verb.i \
        and (clause.head.i == verb.i or verb.head.i == clause.i and verb.dep_ == "ccomp")


def _in_fronted_occasion(sent: Span, date: Span, verb: Token) -> bool:
    """The date stands in the phrase that opens the sentence and names the occasion,
    before the speaker and the verb ("In an interview with the AP recorded on 1
    February, he said …"), however the parser hangs its parts."""
    first = next((t for t in sent if not t.is_punct), None)
    if first is None or first.pos_ != "ADP" or date.start > verb.i:
        return False
    opening = sent.doc[first.i: date.start]
    commas = [t.i for t in opening if t.text == ","]
    if len(commas) > 1 or commas and not (commas[0] + 1 < date.start and sent.doc[commas[0] + 1].tag_ == "VBN"):
        # Past the opening phrase, unless a participle set off after its noun carries
        # the day ("In its latest update, published on Friday, the ministry said").
        return False
    end = commas[0] if commas else date.start
    return any(t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in cues().statement_nouns
               for t in sent.doc[first.i: end])


def _statement_noun_above(t: Token) -> Token | None:
    """The statement noun the phrase of `t` belongs to: itself, or the one it is the
    object of ("an interview with the Chosun Ilbo")."""
    nouns = cues().statement_nouns
    if t.lemma_.lower() in nouns:
        return t
    if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.lower_ in ("with", "to", "on", "by") \
            and t.head.head.lemma_.lower() in nouns:
        return t.head.head
    return None


def _bound_word(before: str) -> str | None:
    """The word that makes the date after this text a bound ("through 26 November")."""
    m = re.search(r"\b([a-z]+)\s+(?:the\s+)?$", before.lower())
    return m.group(1) if m and m.group(1) in cues().date_bounds else None


def _statement_saying(verb: Token) -> bool:
    """ "a statement of November 13, which said …": the verb tells what a statement,
    named as a thing, said."""
    return verb.dep_ == "relcl" and verb.head.lemma_.lower() in cues().statement_nouns \
        and any(ch.dep_ in ("nsubj", "nsubjpass") and ch.lower_ in ("which", "that") for ch in verb.children)


def _via_publication(t: Token) -> bool:
    """The date hangs from a verb of publishing ("published today", "aired on Thursday")."""
    x = t
    for _ in range(6):
        if x.head.i == x.i:
            return False
        x = x.head
        if x.pos_ in ("VERB", "AUX"):
            return x.lemma_.lower() in cues().publication_verbs
    return False


def _attached(t: Token, verb: Token, frame: Frame) -> bool:
    """The date's phrase hangs from the reporting verb's clause (module docstring)."""
    targets = {verb.i}
    if verb.dep_ == "relcl" and verb.head.dep_ == "pobj" and verb.head.head.dep_ == "agent":
        # "the figure offered last Wednesday by X, who said …": X's words are that offer's.
        targets.add(verb.head.head.head.i)
    if _statement_saying(verb):
        # "a written statement of November 13, which said …": the statement's day.
        targets.add(verb.head.i)
    v = verb
    # A participle or coordinated verb: said when the verb it hangs from happened;
    # "…, when X said": the clause "when" hangs from names the occasion.
    while v.dep_ in ("advcl", "conj", "xcomp") and v.head is not v:
        has_subject = any(ch.dep_ in ("nsubj", "nsubjpass") for ch in v.children)
        when = any(ch.lower_ == "when" for ch in v.children) or _while_clause(v)
        if has_subject and not when:
            break
        v = v.head
        targets.add(v.i)
    x = t
    steps = 0
    while steps < 12:
        if x.i in targets:
            return True
        if x.dep_ in ("compound", "nummod", "amod", "poss", "nmod", "det") and x.head.dep_ in ("dobj", "obj") \
                and x.head.head.i in targets and x.head.i > x.i and _describes_a_thing(x.head):
            return False  # "noted the 9 January attack": the day of what is spoken of, not of the saying
        if x.head is x:
            return False
        noun = _statement_noun_above(x.head) if x.dep_ in ("acl", "relcl") else None
        if noun is not None:
            # "In a statement published Saturday, X said": the statement's own day. (The
            # parse may hang it from the medium: "an interview with Chosun Ilbo published …".)
            x = noun
            steps += 1
            continue
        if x.dep_ in _INTO_CONTENT:
            # An adverbial participle with no subject of its own ("Testifying … on
            # Thursday, X said"), or a "when" clause, is part of the saying.
            if x.dep_ == "advcl" and x.head.i in targets and (
                    not any(ch.dep_ in ("nsubj", "nsubjpass") for ch in x.children)
                    or any(ch.lower_ == "when" for ch in x.children)):
                return True
            return False
        x = x.head
        steps += 1
    return False


def _described_occasion(according: Token) -> Token | None:
    """The speaking verb of a clause describing the one "according to" credits ("according
    to Rep. Lee, who spoke to reporters Wednesday"), where there is one."""
    c = cues()
    for prep in according.children:
        if prep.dep_ != "prep" or prep.lower_ != "to":
            continue
        for t in (t for g in prep.children if g.dep_ == "pobj" for t in g.subtree):
            if t.dep_ == "relcl" and (t.lemma_.lower() in c.scene_verbs or is_reporting(t)) \
                    and any(ch.dep_ == "nsubj" and ch.lower_ in ("who", "which") for ch in t.children):
                return t
    return None


def _while_clause(v: Token) -> bool:
    """"…was laid before the Council today, as the United States warned …": a saying at
    the time of the clause it hangs from, when it names no time of its own ("…, as Seoul
    said last week") and is not told as earlier ("as Seoul had warned")."""
    return v.dep_ == "advcl" and any(ch.dep_ == "mark" and ch.lower_ in ("as", "while") for ch in v.children) \
        and not any(ch.dep_ == "aux" and ch.lower_ in ("had", "has", "have") for ch in v.children) \
        and not any(t.ent_type_ in ("DATE", "TIME") for t in v.subtree)


def _same_voice(speaker, other) -> bool:
    """The same speaker, or a person of the body that spoke (Kirby after "the White
    House said on Tuesday"): one occasion, as far as a report tells it."""
    if speaker is None or other is None:
        return False
    if speaker.id == other.id:
        return True
    names = {n.casefold() for n in (other.name, other.id) if n}
    return other.kind == "organization" and bool(speaker.org) and speaker.org.casefold() in names


def _own_occasion(sent: Span, frame: Frame) -> bool:
    """ "told Reuters by phone", "said in an interview with the BBC": the person
    speaking to a medium on an occasion of their own, not voicing the body."""
    if frame.verb < 0:
        return False
    verb = sent.doc[frame.verb]
    # The verb's own phrases (to whom, how, where), not the clause it reports.
    phrases = [t for ch in verb.children if ch.dep_ in ("dobj", "obj", "dative", "prep", "npadvmod", "advmod")
               for t in _phrase(ch)]
    if any(t.lemma_.lower() in cues().interview_nouns for t in phrases):
        return True
    # "A U.S. official, speaking on condition of anonymity, said": a background talk,
    # its day not the briefing's. (In the speaker's phrase or the verb's, not in what is said.)
    content = {t.i for ch in verb.children if ch.dep_ in _INTO_CONTENT for t in ch.subtree}
    if any(t.lower_ in cues().background_words for t in sent if t.i not in content):
        return True
    at = sent.doc._.entity_at
    listeners = [t for ch in verb.children if ch.dep_ in ("dobj", "dative", "obj") for t in _phrase(ch) if t.i in at]
    return any(is_medium(at[t.i]) for t in listeners if at[t.i] is not AMBIGUOUS)


def _phrase(t: Token) -> list[Token]:
    out = [t]
    for ch in t.children:
        if ch.dep_ not in ("relcl", "acl", "ccomp", "advcl"):
            out += _phrase(ch)
    return out


def _names_body(sent: Span, org_id: str, org_name: str) -> bool:
    """ "the spy agency's findings" after the NIS spoke: the sentence names the body by
    a word of its names ("the agency"), with "the" or a possessive."""
    return any(_is_body_word(t, org_id, org_name) for t in sent)


def _is_body_word(t: Token, org_id: str, org_name: str) -> bool:
    person = t.doc._.roster.people.get(org_id)
    names = [org_name, *(person.aliases if person is not None else ())]
    words = {w for n in names for w in re.findall(r"[a-z]+", n.lower())} & cues().org_words
    return t.lemma_.lower() in words and any(ch.lower_ == "the" or ch.dep_ == "poss" for ch in t.children)

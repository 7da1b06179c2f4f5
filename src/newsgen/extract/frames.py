"""Who speaks in each statement unit: attribution read from the dependency parse.

A *frame* is a reporting verb (cues.yaml) and its speaker:

* the verb's subject ("Kirby said", "…, said Kirby", "officials say"), a passive's
  agent ("was quoted as saying by X"), "according to X";
* a verb with no subject of its own takes the subject of the verb it hangs from:
  coordinated verbs ("arrived and said"), participles ("…, saying …"), relative
  clauses ("Kirby, who told reporters …");
* "X and Y said" is a joint statement: each of them is credited.

Of a unit's frames the main one is the outermost frame not inside another's
quotation or reported content. Two kinds of frame carry rather than speak: a
medium's ("KCNA reported that Kim …", "According to KCNA, Kim …") becomes the
relay of the frame inside it; a person's "according to" frame around another
frame ("According to Yu, he said …") keeps the person who tells us.

A unit without a frame that is only a quotation, or that continues a quotation
left open, is the words of the speaker before it (same or previous paragraph).
In a briefing transcript the turn's label names the speaker; questions are no
statements.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Sequence

from spacy.tokens import Doc, Span, Token

from newsgen.extract.cues import cues
from newsgen.extract.mentions import AMBIGUOUS, Entity, Roster, inserted_teller, spelling_key
from newsgen.extract.nlp import OUTLET


@dataclass(frozen=True)
class Frame:
    verb: int  # the reporting verb's token index (-1: none, e.g. a transcript turn)
    speaker: Entity | None
    form: str  # subject | agent | according | inherited | turn | continuation
    relay: str | None = None
    source: str | None = None  # the body whose words the speaker passes on
    tense: str = ""  # "perfect" | "pluperfect" | ""
    # A relay's verb ("On Monday, VOA reported that Kirby said"): its day is the occasion's.
    occasion: int = -1
    # The body a person speaks for, named in their title ("the deputy U.S. ambassador").
    body: str | None = None
    # Spoken by one person the text does not name, for the body credited ("Russia's
    # representative said"): a "he" or "she" going on is that same voice.
    voiced: bool = False
    # The issuers' own words in the text they issued ("We, the ministers of …, condemn",
    # "According to our information"): made when the text was issued.
    issued: bool = False
    # Its speaker named only after it ("Ukraine's defense minister said …" ¶ "Defense
    # Minister Umerov told KBS on Monday …"): a lead summing up the statement that follows.
    named_after: bool = False


@dataclass(frozen=True)
class UnitInfo:
    """What the text layer knows of a statement unit before parsing."""

    start: int  # character offsets in the Doc's text
    end: int
    paragraph: int
    turn: str | None = None  # transcript: "question" | "answer"
    label: str | None = None  # transcript: the label as printed
    stamp: str | None = None  # live blog: the entry's time stamp
    continues_quote: bool = False
    heading: bool = False  # a section heading, not a statement
    quotes: tuple[tuple[int, int], ...] = ()  # quotation spans, document offsets


_QUOTE_MARKS = frozenset('"“”«»')
STORY = "newsgen.story"  # user_data: what the text layer knows of the story (set in extract.claims)


def is_reporting(t: Token) -> bool:
    c = cues()
    lemma = t.lemma_.lower()
    if t.pos_ not in ("VERB", "AUX") and not (t.tag_.startswith("VB")):
        return False
    if lemma in c.relay_verbs and not any(ch.dep_ in ("ccomp", "dobj", "obj", "xcomp", "parataxis", "agent", "nsubjpass")
                                           for ch in t.children) and t.dep_ not in ("parataxis", "ccomp"):
        return False  # "X reported from Seoul": a credit line, nothing reported in it
    if lemma in c.statement_verbs and lemma not in c.reporting_verbs:
        # "released a joint statement": the statement's authors speak.
        return any(ch.dep_ in ("dobj", "obj") and ch.lemma_.lower() in c.statement_nouns for ch in t.children)
    if lemma in c.naming_verbs:
        # "Kirby called the deployment a dangerous escalation", "branded the reports
        # 'groundless rumours'": naming a thing is saying what it is.
        obj = next((ch for ch in t.children if ch.dep_ in ("dobj", "obj")), None)
        # Not "on what Moscow called a special mission": a name given in passing.
        # (The parser may hang what it is called from the object: "the arrival … a grave escalation".)
        called = obj is not None and (any(ch.dep_ == "oprd" for ch in t.children) or any(
            ch.dep_ == "appos" and not any(p.is_punct for p in t.doc[obj.i: ch.i]) for ch in obj.children))
        if obj is not None and obj.tag_ not in ("WP", "WDT") and (called or any(
                g.i > obj.i and g.text in _QUOTE_MARKS for g in t.subtree)):
            return True
    if lemma in c.as_naming_verbs:
        # "Peskov dismissed the idea as 'another piece of fake news'": saying what it is.
        obj = next((ch for ch in t.children if ch.dep_ in ("dobj", "obj")), None)
        if obj is not None and obj.tag_ not in ("WP", "WDT") and any(
                ch.dep_ == "prep" and ch.lower_ == "as" and ch.i > obj.i for ch in t.children):
            return True
    if lemma not in c.reporting_verbs:
        return False
    if lemma in c.needs_particle:
        return any(ch.dep_ == "prt" and ch.lower_ in c.needs_particle[lemma] for ch in t.children) or \
            any(ch.dep_ == "prep" and ch.lower_ in c.needs_particle[lemma] for ch in t.children)
    if lemma in c.needs_object:
        # "put the number at", "put North Korean dead at about 300": an estimate.
        at_figure = any(ch.dep_ == "prep" and ch.lower_ == "at" and any(g.like_num or g.pos_ == "NUM" for g in ch.subtree)
                        for ch in t.children)
        return at_figure or any(ch.dep_ in ("dobj", "obj") and ch.lemma_.lower() in c.needs_object[lemma] for ch in t.children)
    if t.tag_ == "VBN" and not any(ch.dep_ in ("nsubj", "nsubjpass", "agent") for ch in t.children) \
            and any(ch.dep_ == "mark" and ch.lower_ in ("if", "unless", "once", "until") for ch in t.children):
        return False  # "If confirmed, it would be …": a condition, not someone confirming
    if t.dep_ == "amod" or (t.tag_ == "VBN" and t.dep_ in ("acl",) and not any(ch.dep_ == "agent" for ch in t.children)
                            and not _speaking_noun(t.head)):
        return False  # "the reported deployment", "a claim made …": not a frame
    return True


def _in_quote(t: Token, quotes: Sequence[tuple[int, int]]) -> bool:
    return any(a <= t.idx < b for a, b in quotes)


class Attributor:
    """Reads the frames of a Doc's units in order, keeping the narrative's speaker."""

    def __init__(self, doc: Doc, units: Sequence[UnitInfo]):
        self.doc = doc
        self.units = units
        self.roster: Roster = doc._.roster
        self.last: Frame | None = None
        self.last_paragraph = -10
        self.spoke_at = -1  # where the last unit credited to someone starts
        self.unnamed: Entity | None = None  # "a senior official said …": a later "the official"
        self.unnamed_word: str | None = None  # the title that unnamed speaker was given ("official")
        self.group_paragraph = -10  # where the last group was named ("the foreign ministers of A, B and C")
        self.lead: tuple[Entity, int] | None = None  # "the ministers:" and the paragraph it stands in
        # "Zelensky addressed the European Parliament on Tuesday.": the speaker of the
        # quotations printed next without a name, and where the sentence ends.
        self.speech: tuple[Entity, int, int] | None = None
        self.spoke: dict[str, int] = {}  # person id -> the paragraph of their last statement
        self.nameless: int | None = None  # the verb of a statement whose speaker the text leaves unnamed
        # A person passing on a body's briefing: that body, for all they say in the story.
        self.sources: dict[str, str] = {}
        # Subject heads ("Ukraine's defense minister") whose holder the text names only after them.
        self.named_after: set[int] = set()
        # A statement printed in its issuers' own voice: (issuers, first paragraph, last paragraph).
        self.issuers: tuple[Entity, int, int] | None = None
        self.behalf: str | None = None  # the body the issuers speak for, whose name in the text is theirs
        self.issuers = self._issuer_voice()

    def _issuer_voice(self) -> tuple[Entity, int, int] | None:
        """A joint statement as issued: "We, the eleven participating states of …, today
        make public …", then "We condemn …", "Around 3,000 more troops were sent …", "We
        urge …". From the paragraph where the issuers name themselves to the last one
        speaking as "we" or "our", every sentence is theirs; a note after it (background
        for editors, contacts) is not."""
        c = cues()
        if not re.search(r"\bWe,\s", self.doc.text):
            # (The issuers name themselves "We, the …": most stories never do.)
            return self._declaration() or self._release() or self._preamble()
        first: tuple[Entity, int] | None = None
        ours: list[int] = []
        for i, unit in enumerate(self.units):
            span = self._unit_span(i)
            if unit.heading or unit.turn is not None or span is None:
                continue
            for t in span:
                if t.lower_ not in c.first_person_plural or _in_quote(t, unit.quotes):
                    continue
                ours.append(unit.paragraph)
                if first is None and t.lower_ == "we":
                    named = next((ch for ch in t.children if ch.dep_ == "appos" and ch.i > t.i), None)
                    group = self.speaker_of(t) if named is not None else None
                    if group is None and named is not None and named.lower_ in c.issuer_nouns:
                        group = self._group_as_named(named)
                        self.unnamed = None
                    if group is not None and group is not AMBIGUOUS:
                        first = (group, unit.paragraph)
        if first is None:
            return None
        last = max(p for p in ours if p >= first[1])
        return first[0], first[1], last

    def _declaration(self) -> tuple[Entity, int, int] | None:
        """A declaration as issued, in the third person: its title says what it is
        ("Declaration by the High Representative on behalf of the EU", "Joint Statement
        of …"), and its text opens with the issuer as the subject of a sentence that
        reports nobody ("The European Union is deeply alarmed by …"). Up to the last
        paragraph naming the issuer again, every sentence is the issuer's."""
        span = self._title_span()
        if span is None or not _DECLARATION_TITLE.search(span.text):
            return None
        first = next((i for i, u in enumerate(self.units) if u.paragraph >= 0 and not u.heading and u.turn is None), None)
        sent = self._unit_span(first) if first is not None else None
        if sent is None or any(is_reporting(t) for t in sent):
            return None  # a report of the statement, not the statement
        subject = next((ch for ch in sent.root.children if ch.dep_ == "nsubj"), None)
        issuer = self.doc._.entity_at.get(subject.i) if subject is not None else None
        if issuer is None or issuer is AMBIGUOUS or issuer.kind != "organization":
            return None
        named = [self.units[self._unit_index(self.doc[i])].paragraph for i, e in self.doc._.entity_at.items()
                 if e is not AMBIGUOUS and e.id == issuer.id and i >= sent.start]
        return issuer, self.units[first].paragraph, max(named)

    def _preamble(self) -> tuple[Entity, int, int] | None:
        """A text printed whole after a line that says who put it out ("The following
        declaration was issued by the High Representative, Josep Borrell, on behalf of
        the European Union." / "The Ministry issued the following statement:"): every
        sentence after that line is the issuer's, and the body it speaks for ("on behalf
        of the European Union") names the issuer in its own text."""
        c = cues()
        first = next((i for i, u in enumerate(self.units) if u.paragraph >= 0 and not u.heading and u.turn is None), None)
        if first is None:
            return None
        for i in range(first, min(first + 3, len(self.units))):
            sent = self._unit_span(i)
            if sent is None or self.units[i].quotes:
                continue
            verb = sent.root
            if verb.lemma_.lower() not in c.issuing_verbs:
                continue
            text = next((ch for ch in verb.children if ch.dep_ in ("nsubjpass", "dobj")), None)
            if text is None or text.lemma_.lower() not in c.statement_nouns \
                    or not any(ch.lower_ == "following" for ch in text.children):
                continue
            by = next((ch for ch in verb.children if ch.dep_ == "nsubj"), None) if text.dep_ == "dobj" else next(
                (g for ch in verb.children if ch.dep_ == "agent" for g in ch.children if g.dep_ == "pobj"), None)
            issuer = self.speaker_of(by) if by is not None else None
            person = next((self.doc._.entity_at.get(ch.i) for ch in (by.children if by is not None else ())
                           if ch.dep_ == "appos"), None)
            if person is not None and person is not AMBIGUOUS and person.kind == "person":
                issuer = person  # "by the High Representative …, Josep Borrell": the one who holds the office
            if issuer is None or issuer is AMBIGUOUS:
                return None
            after = [u.paragraph for u in self.units[i + 1:] if not u.heading and u.paragraph > self.units[i].paragraph]
            if not after:
                return None
            behalf = next((g for t in verb.subtree if t.lower_ == "behalf" and t.head.lower_ == "on"
                           for ch in t.children if ch.lower_ == "of" for g in ch.children if g.dep_ == "pobj"), None)
            on_behalf = self.doc._.entity_at.get(behalf.i) if behalf is not None else None
            if on_behalf is not None and on_behalf is not AMBIGUOUS and on_behalf.id != issuer.id:
                self.behalf = on_behalf.id
            return issuer, min(after), max(after)
        return None

    def _release(self) -> tuple[Entity, int, int] | None:
        """A press release as its issuer put it out ("PRESS RELEASE" / "From: Foreign
        Office", newsgen.load.text): the sentences that credit nobody are the issuer's."""
        story = self.doc.user_data.get(STORY) or {}
        name, upto = story.get("issued_by"), story.get("issued_paragraphs")
        body = [u.paragraph for u in self.units if u.paragraph >= 0 and not u.heading and (upto is None or u.paragraph < upto)]
        if not name or not body:
            return None
        known = next((p for p in self.roster.people.values() if p.kind == "organization"
                      and name.casefold() in {p.name.casefold(), *(a.casefold() for a in p.aliases)}), None)
        issuer = Entity(id=known.id, name=known.name, kind="organization", role=known.role, org=known.org, known=True) \
            if known is not None else Entity(id=_slug(name), name=name, kind="organization", known=False)
        return issuer, min(body), max(body)

    def _issued(self, unit: UnitInfo) -> Entity | None:
        """The issuers, when this unit stands in the text they issued."""
        if self.issuers is not None and self.issuers[1] <= unit.paragraph <= self.issuers[2] and not unit.heading:
            return self.issuers[0]
        return None

    # --- speakers of a noun phrase ---------------------------------------------------

    def speaker_of(self, head: Token) -> Entity | None:
        """The entity a subject noun phrase names, or None."""
        at = self.doc._.entity_at
        if head.lower_ == "we":
            # "We, the Foreign Ministers of A, B and C, condemn …": a statement's own
            # text, its authors naming themselves.
            named = next((c for c in head.children if c.dep_ == "appos" and c.i > head.i), None)
            c = cues()
            word = named.lower_ if named is not None else ""
            if named is None and self.issuers is not None and self.issuers[1] <= self._par(head) <= self.issuers[2]:
                return self.issuers[0]  # "We condemn …" in the statement the issuers put out
            if named is not None and named.i in at and at[named.i] is not AMBIGUOUS:
                return at[named.i]  # "We, the Government of Japan": the body named
            # (A plural title: the tagger may call "Ministers" a singular proper noun.)
            if named is not None and word.endswith("s") and (word[:-1] in c.titles or word in c.person_nouns):
                return self._group_as_named(named)
            return None
        appos = [c for c in head.children if c.dep_ == "appos" and c.i in at]
        if appos and head.i not in at:
            # "two members of the committee, A of one party and B of another, told
            # reporters": everyone the appositive lists by "and" speaks.
            named = {}
            for t in appos[0].subtree:
                e = at.get(t.i)
                if e is not None and e is not AMBIGUOUS and e.kind == "person" and (t is appos[0] or t.dep_ == "conj"):
                    named.setdefault(e.id, e)
            if len(named) > 1:
                return _joint(list(named.values()))
            head = appos[0]
        joined = self._joined_names(head)
        if joined is not None:
            return joined
        conj = [c for c in head.children if c.dep_ == "conj"]
        if conj:
            members = [self._one(head)] + [self._one(c) for c in conj]
            known = [m for m in members if m is not None and m is not AMBIGUOUS]
            if len(known) == len(members) and len({m.id for m in known}) > 1:
                return _joint(known)
            if len(known) == 1 and len(members) == 1:
                return known[0]
            return AMBIGUOUS if any(m is AMBIGUOUS for m in members) or known else None
        return self._one(head)

    def _joined_names(self, head: Token) -> Entity | None:
        """ "Secretary A and Minister B said": two or more people named in the subject
        phrase with "and" between them, however the parser hung the titles. Names inside
        a clause or a prepositional phrase of the subject ("an aide to A and B") are
        not its speakers."""
        at = self.doc._.entity_at
        skip = {t.i for ch in head.subtree if ch.dep_ in ("relcl", "acl", "prep", "appos", "advcl") and ch.i != head.i
                for t in ch.subtree}
        names: dict[str, tuple[int, Entity]] = {}
        for t in head.subtree:
            e = at.get(t.i)
            if t.i in skip or e is None or e is AMBIGUOUS or e.kind != "person" or e.members:
                continue
            names.setdefault(e.id, (t.i, e))
        if len(names) < 2:
            return None
        spots = sorted(names.values(), key=lambda x: x[0])
        between = self.doc[spots[0][0]: spots[-1][0]]
        if not any(t.lower_ == "and" for t in between) or any(t.lower_ in ("of", "to", "for", "with") for t in between):
            return None
        return _joint([e for _, e in spots])

    def _one(self, head: Token) -> Entity | None:
        c = cues()
        at = self.doc._.entity_at
        lower = head.lower_
        if lower in c.person_pronouns or lower in c.thing_pronouns:
            # "The agency said it believed …", "Kirby said he expected …": the speaker
            # of the statement the pronoun's clause is part of.
            outer = self._governing_speaker(head)
            if outer is not None and outer is not AMBIGUOUS and \
                    (outer.kind == "person") == (lower in c.person_pronouns) and not outer.members:
                return outer
        if lower in c.person_pronouns:
            return self._pronoun_person(head)
        if lower in c.thing_pronouns:
            named = self._subject_before(head)
            if named is not None:
                return named  # "KCNA has published its account. It says …": what the sentence before was about
            last = self.last.speaker if self.last else None
            if last is None or last.kind != "organization" or self.last_paragraph < self._par(head) - 1:
                return None
            # "Only THE HANGANG DAILY looks past the ceremony. It asks …": what the sentence
            # before was about, even unnamed, is nearer than the last speaker.
            return None if self._other_subject_before(head, last) else last
        if lower in c.group_pronouns:
            last = self.last.speaker if self.last else None
            if last is not None and (last.members or last.kind == "organization") and self.last_paragraph >= self._par(head) - 1:
                return last
            return None
        if head.i in at:
            e = at[head.i]
            if e is AMBIGUOUS:
                # "Kim said" with two Kims met: the one who has been speaking, else
                # somebody the text does not settle.
                return self._speaking_namesake(head) or AMBIGUOUS
            return e
        if head.pos_ == "PROPN" and head.i not in at:
            unnamed = self._named_by_appositive(head)
            if unnamed is not None:
                return unnamed
        # A title with a name: "spokesperson Sabrina Singh" has the name as head's compound
        # or appositive; "the minister" names the last person with that title.
        names = [t for t in head.subtree if t.i in at and at[t.i] is not AMBIGUOUS and t.i != head.i
                 and t.dep_ in ("compound", "appos", "flat") and t.head.i == head.i]
        people = [at[t.i] for t in names if at[t.i].kind == "person"]
        if people:
            return people[0]
        lemma = head.lemma_.lower()
        phrase = next((f"{lower} of {g.lower_}" for ch in head.children if ch.dep_ == "prep" and ch.lower_ == "of"
                       for g in ch.children if g.dep_ == "pobj"), None)
        if phrase in c.title_phrases:
            lemma = lower = c.title_phrases[phrase]  # "the Head of State": the president
        is_title = lemma in c.titles or lemma in c.person_nouns or lower in c.titles
        det = next((ch.lower_ for ch in head.children if ch.dep_ in ("det", "poss")), None)
        named_by_of = any(ch.dep_ == "prep" and ch.lower_ == "of" and any(t.i in at for t in ch.subtree) for ch in head.children)
        if is_title and det in ("the", "these", "both") and head.tag_.endswith("S") and not named_by_of:
            counted = self._counted_group(head, det)
            if counted is not None:
                return counted
            # "the lawmakers said": the group that spoke last.
            # (Not the body of one unnamed spokesman: "the signatories" are not "an unnamed
            # spokesman for the ministry".)
            group = self.unnamed if self.unnamed is not None and (
                self.unnamed_word is None or _same_title(lemma, self.unnamed_word)) else None
            last = self.last.speaker if self.last else None
            if last is not None and (last.members or group is not None and last is group) and self._par(head) - self.last_paragraph <= 2:
                return last
            return group if group is not None and self._par(head) - max(self.last_paragraph, self.group_paragraph) <= 2 else None
        if is_title and det in ("the", "this", "that") and not head.tag_.endswith("S"):
            modifiers = [t.lower_ for t in head.children if t.dep_ in ("amod", "compound", "nmod") and t.i < head.i
                         and t.is_alpha and t.lower_ not in c.rank_words
                         and t.lemma_.lower() not in c.titles]
            of = [at[t.i] for ch in head.children if ch.dep_ == "prep" and ch.lower_ in ("of", "for", "from")
                  for t in ch.subtree if t.i in at and at[t.i] is not AMBIGUOUS]
            modifiers += [w for e in of for w in re.findall(r"[a-z]{3,}", e.name.lower())]
            named = next((at[t.i] for ch in head.children if ch.dep_ == "prep" for t in ch.subtree
                          if t.dep_ == "appos" and t.i in at and at[t.i] is not AMBIGUOUS and at[t.i].kind == "person"
                          and not at[t.i].members), None)
            if named is not None:
                # "the spokesman for Ukraine's Special Operations Forces, Col. Oleksandr
                # Kindratenko, told": the parser hangs the name on the body; it names the spokesman.
                return named
            found = self._speaking_holder(lemma, lower, head, modifiers)
            if found is None and self._two_holders_just_named(lemma, lower, head, modifiers):
                return None  # "Defense Minister Kim and Foreign Minister Cho …. The minister said": which one?
            if found is None and self._two_holders_spoke(lemma, lower, head, modifiers):
                return None  # two presidents spoke in the paragraph before: "the president" does not say which
            found = found or self.roster.by_title(lemma, head.i, modifiers=modifiers) or \
                self.roster.by_title(lower, head.i, modifiers=modifiers)
            if found is not None:
                return found
            if of and of[0].kind == "organization":
                return of[0]  # "the representative of Japan said": Japan's words
            if self.unnamed is not None and self._par(head) - self.last_paragraph <= 1 \
                    and _same_title(lemma, self.unnamed_word):
                # "a Pentagon official said …. The official added": not "the military" after
                # "Russia's deputy foreign minister".
                return self.unnamed
            if lemma not in c.org_words:
                return None
            # No person holds it: "the Russian defence ministry" is a body, read below.
        if det in ("the", "this", "that") and lemma in c.statement_nouns and not head.tag_.endswith("S") \
                and not any(t.i in at for t in head.subtree):
            # "The statement noted …": the words of whoever made the statement just reported.
            last = self.last.speaker if self.last else None
            if last is not None and self._par(head) - self.last_paragraph <= 1:
                return last
            return None
        if det in ("its", "their") and lemma in c.org_words and not any(t.i in at for t in head.subtree):
            # "Its military intelligence agency said": the body of the country or
            # organisation the sentence before was about.
            owner = self.roster.last("organization", head.i)
            return self._owned_body(owner, head) if owner is not None else None
        if det in ("his", "her") and lemma in c.org_words and not any(t.i in at for t in head.subtree):
            # "His office later said": the office of the person "his" is, when the text
            # settles who that is; never a body called "His office".
            poss = next(ch for ch in head.children if ch.dep_ in ("det", "poss"))
            owner = self._pronoun_person(poss)
            if owner is not None and owner is not AMBIGUOUS and not owner.members:
                return self._owned_body(owner, head)
            return None
        if det in ("the", "this") and lemma in c.org_words and not head.tag_.endswith("S") \
                and not any(t.i in at for t in head.subtree):
            # "the agency said": the body the story is about, named before.
            found = self._body_named_before(head)
            if found is None and any(t.ent_type_ in ("NORP", "GPE") or t.pos_ == "PROPN"
                                     for t in head.children if t.dep_ in ("amod", "compound")):
                # "the Sylvanian army", met first: the body as the text names it.
                name = self.doc[head.left_edge.i: head.i + 1].text
                name = re.sub(r"^(?:the|The)\s+", "", name).strip()
                found = Entity(id=_slug(name), name=name, kind="organization", known=False)
            return found
        # A body, or an unnamed person speaking for one: the organisation in the phrase.
        # Bodies in the phrase, not a person's nationality ("Russian President Putin").
        # Not in a clause hanging from the phrase: "a lawmaker who attended a briefing
        # in Seoul" does not speak for Seoul.
        clauses = {t.i for ch in head.children if ch.dep_ in ("relcl", "acl", "advcl") for t in ch.subtree}
        orgs = [at[t.i] for t in head.subtree if t.i in at and at[t.i] is not AMBIGUOUS and at[t.i].kind == "organization"
                and t.i not in clauses and not (t.pos_ == "ADJ" and t.head.i != head.i)  # "a spokesman for Russian President X"
                and not (t.head.i in at and at[t.head.i] is not AMBIGUOUS and at[t.head.i].kind == "person")]
        if not orgs:
            # "an unnamed spokesman for the ministry": the body "the ministry" is, named before.
            orgs = [b for ch in head.children if ch.dep_ == "prep" and ch.lower_ in ("for", "of", "at")
                    for g in ch.children if g.dep_ == "pobj" and g.lemma_.lower() in c.org_words and not g.tag_.endswith("S")
                    and any(d.dep_ == "det" and d.lower_ == "the" for d in g.children) and g.i not in at
                    for b in (self._body_named_before(g),) if b is not None and b is not AMBIGUOUS]
        named_body = head.pos_ == "PROPN" and head.is_title and lemma in c.org_words  # "Ukraine's General Staff"
        if not named_body:
            holder = self._title_holder(head, lemma)
            if holder is not None:
                return holder
        if lemma in c.titles and lemma not in c.person_nouns and not named_body and orgs and head.tag_.endswith("S") \
                and any(ch.dep_ == "prep" and ch.lower_ == "of" for ch in head.children) and lemma not in c.org_words:
            # "The defense chiefs of South Korea and the United States called on …": the group.
            return self._group_as_named(head)
        if (lemma in c.person_nouns or lower in c.person_nouns) and not named_body:
            if lemma in c.part_nouns:
                return None  # "several Council members": some of its members, not the body
            if orgs and head.tag_.endswith("S") and any(ch.dep_ == "prep" and ch.lower_ == "of" for ch in head.children) \
                    and lemma in c.titles:
                # "the foreign ministers of Canada, France, …": the group, named as the text names it.
                return self._group_as_named(head)
            # A nationality: "South Korean", or "Ukrainian" (which the NER may call a place).
            nationality = [t for t in head.children if t.dep_ in ("amod", "compound") and
                           (t.ent_type_ == "NORP" or t.ent_type_ == "GPE" and t.pos_ == "ADJ")]
            national = {t.i for t in nationality}
            if nationality and head.tag_.endswith("S") and not any(
                    t.ent_type_ in ("ORG", "GPE") for t in head.subtree if t.i in at and t.i not in national):
                # "South Korean officials", "American officials": the group as named.
                name = self.doc[nationality[0].left_edge.i: head.i + 1].text
                return Entity(id=_slug(name), name=name, kind="organization", known=False)
            # A nationality is not a body: "a senior Ukrainian official" is unnamed.
            orgs = [e for e in orgs if not any(t.i in national and t.dep_ == "amod" and at.get(t.i) is e
                                               for t in head.children)]
            # "a spokesperson for Ukraine's Security Service": that body, not the country
            # its name begins with.
            bodies = [g for ch in head.children if ch.dep_ == "prep" and ch.lower_ in ("for", "of", "at")
                      for g in ch.children if g.dep_ == "pobj" and g.lemma_.lower() in c.org_words
                      and any(p.dep_ == "poss" and p.i in at for p in g.children)]
            body = (at[bodies[0].i] if bodies[0].i in at else self._one(bodies[0])) if bodies else None
            if body is not None and body is not AMBIGUOUS and body.kind == "organization":
                if not head.tag_.endswith("S"):
                    self.unnamed, self.unnamed_word = body, lemma
                return body
            if len({e.id for e in orgs}) > 1 and any(t.dep_ == "conj" and t.i in at for t in head.subtree):
                return None  # "officials in Seoul, Kyiv and Washington": not one of them alone
            if orgs:
                if not head.tag_.endswith("S"):
                    self.unnamed, self.unnamed_word = orgs[0], lemma  # "a Pentagon official said …" … "the official added"
                return orgs[0]
            words = [t.text for t in head.subtree if t.dep_ in ("compound", "amod") and t.head.i == head.i
                     and t.lemma_.lower() in c.org_words]
            if any(t.lower_ in c.unnamed_words for t in head.children):
                return None  # "unnamed government sources": nobody the text names, not a body called so
            if words:
                # "a foreign ministry official": the body is the words before the head.
                name = " ".join(t.text for t in self.doc[head.left_edge.i: head.i]
                                if t.dep_ not in ("det", "punct") and t.lower_ not in ("senior", "top", "former", "other", "several", "two", "three", "an", "a"))
                if not name:
                    return None
                body = Entity(id=_slug(name), name=name[0].upper() + name[1:], kind="organization", known=False)
                self.unnamed, self.unnamed_word = body, lemma
                return body
            return None
        if orgs and lemma in c.statement_nouns:
            return orgs[-1]
        if orgs and lemma in c.org_words and head.i not in at:
            # "South Korea's spy agency", "Ukraine's military intelligence": the body the
            # phrase names, not the country it belongs to.
            name = self.doc[head.left_edge.i: head.i + 1].text
            name = re.sub(r"^(?:the|The|a|an)\s+", "", name).strip()
            return Entity(id=_slug(name), name=name, kind="organization", known=False)
        if orgs and lemma in c.org_words:
            return orgs[0]
        if lemma in c.org_words and head.pos_ in ("NOUN", "PROPN"):
            name = self.doc[head.left_edge.i: head.i + 1].text
            name = re.sub(r"^(?:the|a|an|its|their)\s+", "", name, flags=re.I)
            if name and name[0].isupper() and name.split()[0].lower() not in ("his", "her", "my", "our", "your"):
                return Entity(id=_slug(name), name=name, kind="organization", known=False)
        return None

    def _counted_group(self, head: Token, det: str) -> Entity | None:
        """"Biden met Yoon and Ishiba …. The three leaders said": as many people as the phrase
        counts, named in this paragraph or the one before, are those people, together."""
        words = {"two": 2, "three": 3, "four": 4, "five": 5, "both": 2}
        n = next((words.get(ch.lower_) for ch in head.children if ch.dep_ in ("nummod", "det", "predet")
                  and ch.lower_ in words), None) or (2 if det == "both" else None)
        if n is None:
            return None
        k = bisect.bisect_right(self.roster.paragraphs, head.i) - 1
        start = self.roster.paragraphs[k - 1] if k >= 1 else 0
        named: dict[str, Entity] = {}
        for at_i, e, _ in self.roster.met:
            if start <= at_i < head.i and e.kind == "person" and not e.members and e is not AMBIGUOUS:
                named.setdefault(e.id, e)
        return _joint(list(named.values())) if len(named) == n else None

    def _title_holder(self, head: Token, lemma: str) -> Entity | None:
        """ "Ukraine's defense minister said": one person's office, named by its owner.
        The holder the story names just before; else, as a wire lead does, the first
        person the text names after it (in its paragraph or the next) when that person
        holds the title ("Defense Minister Rustem Umerov told KBS …"). Anyone else, or
        no one, leaves the phrase to be read as the body it names."""
        c = cues()
        at = self.doc._.entity_at
        if head.tag_.endswith("S") or lemma not in c.single_holder_titles:
            return None
        owner = next((ch for ch in head.children if ch.dep_ == "poss"), None)
        if owner is None or at.get(owner.i) in (None, AMBIGUOUS) or at[owner.i].kind != "organization":
            return None  # "a spokesman for the ministry", "an official's": not one office
        office = [t.lower_ for t in head.children if t.dep_ in ("amod", "compound", "nmod") and t.i < head.i
                  and t.is_alpha and t.lower_ not in c.rank_words]
        modifiers = office + re.findall(r"[a-z]{3,}", at[owner.i].name.lower())

        def holds(e: Entity) -> bool:
            roles = self.roster.roles.get(e.id, set())
            kin = lemma in c.spokesperson_titles and (roles & set(c.spokesperson_titles) or {"press", "secretary"} <= roles)
            # Whose office it is, people.yaml says of those it lists; of others the
            # story may say only "Foreign Minister X".
            return (lemma in roles or bool(kin)) and self.roster.fits(e, modifiers if e.known else office)

        before = [e for e in self.roster.title_holders(lemma, head.i, modifiers) if holds(e)]
        if before:
            return before[0] if len({e.id for e in before}) == 1 else None
        if self._par(head) > 1:
            return None  # naming the speaker a paragraph later is a lead's way, not the body's
        starts = self.roster.paragraphs
        k = bisect.bisect_right(starts, head.i) - 1
        end = starts[k + 2] if k + 2 < len(starts) else len(self.doc)  # to the end of the next paragraph
        for at_i, e, _ in self.roster.met:
            if head.i < at_i < end and e.kind == "person" and not e.members:
                if holds(e):
                    self.named_after.add(head.i)
                    return e
                return None  # someone else is named first: the text does not say it is them
        return None

    def _named_by_appositive(self, head: Token) -> Entity | None:
        """ "Cha Du-hyeogn, a visiting research fellow at …, said": a name the NER did
        not tag, that an appositive says is a person; met from here on ("Cha said")."""
        c = cues()
        appos = next((ch for ch in head.children if ch.dep_ == "appos" and ch.i > head.i), None)
        if appos is None or not (appos.lemma_.lower() in c.person_nouns or appos.lemma_.lower() in c.titles):
            return self.roster.by_word(head.text, head.i) if head.is_title else None
        parts = [t for t in head.subtree if t.i <= head.i and (t.dep_ in ("compound", "flat", "punct") and t.head.i == head.i
                                                               or t.i == head.i)]
        start = min(t.i for t in parts)
        words = self.doc[start: head.i + 1]
        if not words[0].is_title or any(t.is_punct and t.text != "-" for t in words) or len(words) > 6:
            return None
        name = words.text
        if len([t for t in words if t.is_alpha]) < 2:
            return self.roster.known_spelling(name)  # a surname alone names nobody new
        e = self.roster.known_spelling(name) or Entity(
            id=_slug(name), name=name, kind="person", role=self.doc[appos.left_edge.i: appos.right_edge.i + 1].text, known=False)
        self.roster.meet(start, e)
        return e

    def _governing_speaker(self, head: Token) -> Entity | None:
        verb = head.head
        t = verb
        while t.dep_ in ("ccomp", "xcomp", "conj") and t.head.i != t.i:
            t = t.head
            if is_reporting(t):
                subject, _ = self._subject(t)
                return self.speaker_of(subject) if subject is not None and subject.i != head.i else None
        return None

    def _body_named_before(self, head: Token) -> Entity | None:
        """The last body that spoke or was named whose names hold the word ("the agency"
        for "South Korea's spy agency"), else the body that spoke just before."""
        word = head.lemma_.lower()
        last = self.last.speaker if self.last else None
        if last is not None and last.kind == "organization" and not last.members and not last.id.startswith(OUTLET) \
                and self._par(head) - self.last_paragraph <= 1 and (word in re.findall(r"[a-z]+", last.name.lower())
                                                                    or word in self.roster.described.get(last.id, ())):
            # "Ukraine's military intelligence agency said …. …, the agency told Interfax":
            # the body that just spoke, named as the text names it, over one met before it.
            return last
        for at, e, _ in reversed(self.roster.met):
            if at >= head.i or e.kind != "organization" or e.members:
                continue
            names = [e.name]
            p = self.roster.people.get(e.id)
            if p is not None:
                names += list(p.aliases)
            if any(word in re.findall(r"[a-z]+", n.lower()) for n in names):
                return e
        last = self.last.speaker if self.last else None
        if last is not None and last.kind == "organization" and not last.members and self._par(head) - self.last_paragraph <= 1 \
                and word in cues().generic_body_words:
            # "the agency" after the NIS spoke; not "the government" after the spy agency.
            return last
        return None

    def _pronoun_person(self, head: Token) -> Entity | None:
        # "he" is the person this paragraph (or the one before) spoke of last.
        titled, holder = self._titled_before(head)
        if titled:
            # "… the president went further. …, he said": the one the text did not settle, or
            # "The North Korean minister … called …. '…,' he said": the one it did.
            return holder
        cand = None
        if self.last is not None and self.last.speaker is not None and self.last.speaker.kind == "person" \
                and not self.last.speaker.members and self._par(head) - self.last_paragraph <= 1:
            cand = self.last.speaker
        if cand is None and self.last is not None and self.last.relay and self._par(head) - self.last_paragraph <= 1:
            # "According to Lee, the agency estimates …. He added …": the person passing it on.
            cand = next((e for _, e in self.roster.first_met.values()
                         if e.kind == "person" and not e.members and e.name == self.last.relay), None)
        mentioned = self._last_person_mention(head)
        if cand is None and mentioned is None and self.last is not None and self.last.voiced \
                and self._par(head) - self.last_paragraph <= 1 and not head.tag_.endswith("S"):
            # "Russia's representative dismissed …. He said …": the same unnamed voice.
            return self.last.speaker
        if mentioned is not None and (cand is None or mentioned[1] > self._speaker_token(cand, head.i)):
            # A person named after the last speaker, in this sentence or the one before, is "he".
            if mentioned[0] is AMBIGUOUS:
                return None
            cand = mentioned[0]
        elif cand is not None and self._unknown_person_before(head, cand):
            # "Kim used the ceremony to send a message. …, he said": the person the sentence
            # before is about, whom the story has not named in full yet; not the last speaker.
            return None
        elif cand is not None and self._other_person_before(cand, head):
            # "The statement came two days after Gerasimov told Putin …, who, he said, …":
            # others named in this sentence since the last speaker; the text does not settle it.
            return None
        return cand

    def _other_person_before(self, cand: Entity, head: Token) -> bool:
        at = self.doc._.entity_at
        own = self._unit_span(self._unit_index(head))
        if own is None:
            return False
        since = max(self._speaker_token(cand, head.i), own.start - 1)
        return any(i in at and at[i] is not AMBIGUOUS and at[i].kind == "person" and at[i].id != cand.id
                   and self.doc[i].dep_ not in ("poss", "case")  # "As for Zelensky's figure, he said"
                   and not self._quoted(self.doc[i]) and not _told_of(self.doc[i], head) for i in range(since + 1, head.i))

    def _speaker_token(self, e: Entity, before: int) -> int:
        at = self.doc._.entity_at
        # Back from `before`: the first found is the last before it (the whole map each
        # time made this grow with the square of a story's names; issue 18).
        for i in range(before - 1, -1, -1):
            x = at.get(i)
            if x is not None and (x is e or (x is not AMBIGUOUS and x.id == e.id)):
                return i
        return -1

    def _last_person_mention(self, head: Token) -> tuple[Entity, int] | None:
        at = self.doc._.entity_at
        start = self.units[self._unit_index(head)].start if self.units else 0
        # Only this unit and the unit before: farther back, the speaker chain decides.
        k = self._unit_index(head)
        if k > 0 and self.units[k - 1].paragraph >= self.units[k].paragraph - 1:
            start = self.units[k - 1].start
        best = None
        own = self._unit_span(k)
        for i in range(head.i - 1, -1, -1):
            t = self.doc[i]
            if t.idx < start:
                break
            if _told_of(t, head):
                continue
            if i in at and at[i].kind == "person" and not self._quoted(t):
                # (A name opening the sentence is its subject, however the parser labels it:
                # "Zelensky, for his part, told him …; he said …".)
                # (Not "Putin had brought 11,000 soldiers, he told the chamber": the subject of
                # what is told is no speaker; the subject of a telling verb is.)
                opening = own is not None and t.i >= own.start and (
                    t.dep_ in ("intj", "npadvmod") or t.dep_ == "nsubj" and is_reporting(t.head)) and not any(
                    x.is_alpha and at.get(x.i) is not at[i] for x in self.doc[own.start: t.i])
                if opening or t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ in ("ROOT",) and inserted_teller(t) is None \
                        or t.head.dep_ in ("nsubj",) and t.head.head.dep_ == "ROOT" \
                        or t.dep_ == "appos" and t.head.dep_ in ("nsubj", "nsubjpass") and t.head.head.dep_ == "ROOT" \
                        or _author_of_statement(t) or t.dep_ == "ROOT":  # (the parser lost the verb: "X, director …, briefed members")
                    best = (at[i], i)  # a person the narrative itself is about, not one named in reported words
                    break
        return best

    def _quoted(self, t: Token) -> bool:
        k = self._unit_index(t)
        return _in_quote(t, self.units[k].quotes) if self.units else False

    def _owned_body(self, owner: Entity, head: Token) -> Entity:
        """The body a possessive names by its owner: "its intelligence agency" → "Russia's intelligence agency"."""
        phrase = " ".join(t.text for t in self.doc[head.left_edge.i: head.i + 1] if t.dep_ != "poss")
        name = f"{owner.name}'s {phrase}"
        return Entity(id=_slug(name), name=name, kind="organization", known=False)

    def _group_as_named(self, head: Token) -> Entity:
        """A group as the text names it ("Foreign Ministers of A, B and C"), without the
        clauses hanging from its head; later "the ministers" are that group."""
        cut = {t.i for ch in head.children if ch.dep_ in ("acl", "relcl", "appos") for t in ch.subtree}
        words = [t for t in head.subtree if t.i not in cut]
        name = self.doc[words[0].i: words[-1].i + 1].text if words else head.text
        name = re.sub(r"^(?:the|The)\s+", "", name).strip(" ,")
        group = Entity(id=_slug(name[:80]), name=name[0].upper() + name[1:], kind="organization", known=False)
        self.unnamed, self.unnamed_word = group, None
        self.group_paragraph = self._par(head)
        return group

    def _narrative_before(self, head: Token) -> tuple[UnitInfo, Span] | None:
        """The sentence just before, in the same paragraph, when it reports nobody (a
        statement's "it" is its speaker's, the narrative's last speaker)."""
        i = self._unit_index(head)
        if i == 0 or self.units[i - 1].paragraph != self.units[i].paragraph or self.units[i - 1].heading:
            return None
        prev = self.units[i - 1]
        span = self._unit_span(i - 1)
        if span is None or any(is_reporting(t) and not _in_quote(t, prev.quotes) for t in span):
            return None
        return prev, span

    def _subject_before(self, head: Token) -> Entity | None:
        """The body the sentence just before (in the same paragraph) has as its subject."""
        before = self._narrative_before(head)
        if before is None:
            return None
        span = before[1]
        at = self.doc._.entity_at
        for t in span:
            if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT":
                hits = [at[x.i] for x in t.subtree if x.i in at and at[x.i] is not AMBIGUOUS]
                # The subject phrase's own head, or a name standing in apposition to it.
                e = at.get(t.i) if t.i in at else (hits[-1] if hits and any(x.dep_ == "appos" and x.i in at for x in t.subtree) else None)
                if e is not None and e is not AMBIGUOUS and e.kind == "organization" and not e.members:
                    return e
        return None

    def _unknown_person_before(self, head: Token, cand: Entity) -> bool:
        """The narrative sentence just before (same paragraph) has for subject a person's
        name the story has not linked to anyone, and the candidate is not in it."""
        before = self._narrative_before(head)
        if before is None:
            return False
        at = self.doc._.entity_at
        span = before[1]
        if any(at.get(t.i) is cand for t in span):
            return False
        return any(t.dep_ == "nsubj" and t.head.dep_ == "ROOT" and t.ent_type_ == "PERSON" and t.i not in at for t in span)

    def _other_subject_before(self, head: Token, last: Entity) -> bool:
        """The narrative sentence just before (same paragraph) has for subject a thing that
        is not `last` nor a statement of theirs ("The statement was released on Friday")."""
        before = self._narrative_before(head)
        if before is None:
            return False
        prev, span = before
        at = self.doc._.entity_at
        if self.spoke_at == prev.start or any(at.get(t.i) is last for t in span):
            return False  # credited to someone ("According to the agency, …"), or about the last speaker
        statement_nouns = cues().statement_nouns
        for t in span:
            if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT" and t.pos_ in ("NOUN", "PROPN"):
                if t.lemma_.lower() in statement_nouns or any(at.get(x.i) is last for x in t.subtree):
                    return False
                return True
        return False

    def _opens_entry(self, sent: Span, unit: UnitInfo) -> bool:
        """The unit opens a live page's entry: a quotation there (its headline) is no one's
        going on from the entry before."""
        k = self._unit_index(sent[0])
        return bool(unit.stamp) and (k == 0 or self.units[k - 1].stamp != unit.stamp)

    def _title_span(self) -> Span | None:
        """The tokens of the story's title (its unit of paragraph -1), if it has one."""
        title = next((i for i, u in enumerate(self.units) if u.heading and u.paragraph == -1), None)
        return self._unit_span(title) if title is not None else None

    def _unit_span(self, i: int) -> Span | None:
        """The tokens of unit i."""
        return self.doc.char_span(self.units[i].start, self.units[i].end, alignment_mode="expand")

    def _unit_index(self, t: Token) -> int:
        lo, hi = 0, len(self.units) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.units[mid].start <= t.idx:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def _par(self, t: Token) -> int:
        return self.units[self._unit_index(t)].paragraph if self.units else 0

    # --- frames of a unit ----------------------------------------------------------------

    def frames(self, sent: Span, unit: UnitInfo) -> list[tuple[Frame, Token | None, set[int]]]:
        """Every frame of the unit: (frame, verb token, token indices of its content)."""
        out = []
        for t in sent:
            if t.lower_ == "according" and any(ch.lower_ == "to" for ch in t.children):
                to = next(ch for ch in t.children if ch.lower_ == "to")
                obj = next((ch for ch in to.children if ch.dep_ == "pobj"), None)
                if obj is not None and not _in_quote(t, unit.quotes):
                    ours = self._ours(obj, unit)
                    if ours is not None:
                        out.append((Frame(t.i, ours, "according", issued=True), t, _clause_of(t)))
                    else:
                        out.append((Frame(t.i, self.speaker_of(obj), "according"), t, _clause_of(t)))
                continue
            if not is_reporting(t) or _in_quote(t, unit.quotes) or _remarked_on(t):
                continue
            subject, form = self._subject(t)
            if subject is None:
                continue
            e = self.speaker_of(subject)
            relay = None
            if t.lemma_.lower() in cues().relay_verbs and form == "subject":
                # "X was quoted by Reuters as saying": Reuters carried the words.
                agent = next((g for ch in t.children if ch.dep_ == "agent" for g in ch.children if g.dep_ == "pobj"), None)
                carrier = self._one(agent) if agent is not None else None
                relay = _relay_name(carrier) if carrier is not None and carrier is not AMBIGUOUS else None
            author = self._author(t)
            carrier = None
            if author is AMBIGUOUS:
                e = AMBIGUOUS  # "KCNA quoted him as …", and who "him" is the text does not settle: not KCNA
            elif author is not None and (e is None or e is AMBIGUOUS or author.id != e.id):
                # "KCNA published a statement from the Central Military Commission",
                # "KCNA quoted Kim as calling …": the author speaks, the subject carries.
                relay = _relay_name(e) if e is not None and e is not AMBIGUOUS else relay
                e, carrier = author, subject
            source = None
            if e is not None and e is not AMBIGUOUS and e.kind == "person":
                briefer = self._briefed_by(t)
                if briefer is not None:
                    self.sources[e.id] = briefer.name
                source = self.sources.get(e.id)
            voiced = e is not None and e is not AMBIGUOUS and e.kind == "organization" and subject.pos_ == "NOUN" \
                and subject.lemma_.lower() in cues().person_nouns and not subject.tag_.endswith("S")
            body = self._body(subject, e) if carrier is None else None  # the carrier is not whom they speak for
            issued = e is not None and e is not AMBIGUOUS and carrier is None and (subject.lower_ == "we" and any(
                ch.dep_ == "appos" for ch in subject.children) or self._issued(unit) is e)
            out.append((Frame(t.i, e, form, relay=relay, source=source, tense=_tense(t), body=body, voiced=voiced,
                              issued=issued, named_after=subject.i in self.named_after and carrier is None),
                        t, _content(t)))
        return out

    def _ours(self, noun: Token, unit: UnitInfo) -> Entity | None:
        """ "According to our information", just after the issuers named themselves
        ("We, the ministers of …"): theirs."""
        if not any(ch.dep_ == "poss" and ch.lower_ == "our" for ch in noun.children):
            return None
        last = self.last
        if last is not None and last.issued and last.speaker is not None and unit.paragraph - self.last_paragraph <= 1:
            return last.speaker
        return None

    def _briefed_by(self, verb: Token) -> Entity | None:
        """ "told reporters after a closed-door briefing by the NIS": the body whose
        briefing the speaker passes on."""
        c = cues()
        for ch in verb.children:
            if ch.dep_ != "prep" or ch.lower_ not in ("after", "following", "at", "from"):
                continue
            for noun in (g for g in ch.children if g.dep_ == "pobj"):
                if noun.lemma_.lower() not in c.statement_nouns and noun.lemma_.lower() not in ("session", "meeting"):
                    continue
                for t in noun.subtree:
                    e = self.doc._.entity_at.get(t.i)
                    if e is not None and e is not AMBIGUOUS and e.kind == "organization" and t.head.dep_ == "prep" \
                            and t.head.lower_ in ("by", "from", "with"):
                        return e
        return None

    def _author(self, verb: Token) -> Entity | None:
        """Whose words the verb passes on: a statement "from"/"by" someone in its
        clause, or the person a medium quotes "as saying" (AMBIGUOUS: quoted as "him"
        or "her" where the text does not settle who)."""
        c = cues()
        statement_object = any(ch.dep_ in ("dobj", "obj") and ch.lemma_.lower() in c.statement_nouns for ch in verb.children)
        for ch in verb.children:
            if ch.dep_ == "prep" and ch.lower_ in ("from", "by") and statement_object:
                # "published a statement from X", the parser hanging "from X" on the verb.
                obj = next((g for g in ch.children if g.dep_ == "pobj"), None)
                who = self.speaker_of(obj) if obj is not None else None
                if who is not None and who is not AMBIGUOUS:
                    return who
            # "a statement from X" as the object, or "answered with / in a statement by X";
            # not "told reporters after a briefing by X" (X briefed the speaker).
            nouns = [ch] if ch.dep_ in ("dobj", "obj") else \
                [g for g in ch.children if g.dep_ == "pobj"] if ch.dep_ == "prep" and ch.lower_ in ("with", "in", "through") else []
            for noun in nouns:
                if noun.lemma_.lower() not in c.statement_nouns:
                    continue
                for prep in noun.children:
                    if prep.dep_ == "prep" and prep.lower_ in ("from", "by"):
                        # "a statement from Putin" (its object), or "from Putin thanking
                        # Kim" (the subject of the clause the parser hangs there).
                        obj = next((g for g in prep.children if g.dep_ == "pobj"), None) or next(
                            (s for g in prep.children if g.dep_ == "pcomp" for s in g.children if s.dep_ == "nsubj"), None)
                        who = self.speaker_of(obj) if obj is not None else None
                        if who is not None and who is not AMBIGUOUS:
                            return who
        subj = next((ch for ch in verb.children if ch.dep_ == "nsubj"), None)
        quoting = self.speaker_of(subj) if subj is not None else None
        if verb.lemma_.lower() in ("quote", "cite") and not (quoting is not None and quoting is not AMBIGUOUS
                                                             and quoting.kind == "person"):
            # A medium quoting someone passes on their words; a person quoting a body
            # ("Lawmaker Lee quotes the NIS as saying") speaks, the body their source.
            obj = next((ch for ch in verb.children if ch.dep_ in ("dobj", "obj")), None)
            as_ = any(ch.dep_ == "prep" and ch.lower_ == "as" for ch in verb.children) or \
                (obj is not None and any(g.lower_ == "as" for g in obj.children))
            if obj is not None and as_:
                # ("KCNA … quoted him as grieving": the person "him" is, when the text settles it.)
                if obj.lower_ in ("him", "her"):
                    return self._pronoun_person(obj) or AMBIGUOUS
                who = self.speaker_of(obj)
                if who is not None and who is not AMBIGUOUS:
                    return who
        if quoting is not None and quoting is not AMBIGUOUS and is_medium(quoting):
            # "Reuters, quoting two U.S. officials, said …": the medium carries the words
            # of those it quotes or cites.
            # ("said, quoting an official, that …" comes parsed with the participle on the
            # reported clause, before its subject.)
            content = [ch for ch in verb.children if ch.dep_ == "ccomp"]
            parts = [*(ch for ch in subj.children if ch.dep_ == "acl"), *(ch for ch in verb.children if ch.dep_ == "advcl"),
                     *(g for ch in content for g in ch.children if g.dep_ == "advcl" and verb.i < g.i < min(
                         (s.i for s in ch.children if s.dep_ in ("nsubj", "nsubjpass")), default=ch.i))]
            for part in parts:
                if part.lemma_.lower() not in ("quote", "cite"):
                    continue
                obj = next((g for g in part.children if g.dep_ in ("dobj", "obj")), None)
                if obj is None or obj.lemma_.lower() in c.statement_nouns | c.briefing_nouns:
                    continue  # "citing a briefing in Kyiv": what it read, not who spoke
                who = self.speaker_of(obj)
                if who is not None and who is not AMBIGUOUS and not is_medium(who):
                    return who
                if obj.lemma_.lower() in c.person_nouns:
                    return AMBIGUOUS  # "quoting a senior official": somebody it does not name spoke
        return None

    def _body(self, subject: Token, e: Entity | None) -> str | None:
        """The organisation named in a person's title or appositive."""
        if e is None or e is AMBIGUOUS or e.kind != "person":
            return None
        at = self.doc._.entity_at
        for t in subject.subtree:
            x = at.get(t.i)
            if x is not None and x is not AMBIGUOUS and x.kind == "organization" and t.dep_ != "conj":
                return x.id
        return None

    def _subject(self, verb: Token) -> tuple[Token | None, str]:
        if verb.lemma_.lower() in cues().relay_verbs:
            # "X was quoted as saying by Reuters": X speaks, the agent carries the words.
            passive = next((ch for ch in verb.children if ch.dep_ == "nsubjpass"), None)
            if passive is not None and any(ch.dep_ == "agent" for ch in verb.children):
                return passive, "subject"
        for ch in verb.children:
            if ch.dep_ == "agent":
                obj = next((g for g in ch.children if g.dep_ == "pobj"), None)
                if obj is not None:
                    return obj, "agent"
        # The subject nearest the verb: "Reaction from Seoul: the ministry said" can come
        # parsed with two subjects, the heading's word first. One the parser hung on the
        # verb's auxiliary ("X has for the first time acknowledged") is the verb's too.
        subjects = [ch for ch in verb.children if ch.dep_ in ("nsubj", "nsubjpass", "csubj")] or [
            g for ch in verb.children if ch.dep_ in ("aux", "auxpass") and ch.i < verb.i
            for g in ch.children if g.dep_ == "nsubj" and g.i < ch.i]
        before = [ch for ch in subjects if ch.i < verb.i]
        inserted = inserted_teller(before[0]) if len(before) == 1 and before[0].head.i == verb.i else None
        if inserted is not None:
            return inserted, "subject"
        for ch in ([max(before, key=lambda t: t.i)] if before else subjects[:1]):
            if ch.dep_ == "nsubjpass" and verb.lemma_.lower() not in ("quote", "cite"):
                return None, ""  # "troops were reported": what is reported, not who reports
            if ch.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
                return verb.head, "subject"
            return ch, "subject"
        for ch in verb.children:
            # "Cho, appearing at the session, noted …": the parser gave the subject to the
            # participle standing between them.
            if ch.dep_ == "advcl" and ch.i < verb.i and ch.tag_ == "VBG":
                subj = next((g for g in ch.children if g.dep_ == "nsubj" and g.i < ch.i), None)
                if subj is not None:
                    return subj, "subject"
        if verb.dep_ in ("ROOT", "conj", "parataxis", "advcl") and verb.i > 0:
            # "…, South Korea's spy agency told lawmakers", "…, Ukraine's Defence
            # Intelligence (HUR) said on Monday": the parser hung the name on the clause
            # before; the name right before the verb is its subject.
            prev = verb.doc[verb.i - 1]
            while (prev.pos_ == "ADV" or prev.text == ")") and prev.i > 0:
                prev = verb.doc[prev.i - 1]
            at = verb.doc._.entity_at
            if prev.text == "," and prev.i > 0:
                # "…, Lee Seong-kweun, a member of the committee, told reporters": the name
                # the appositive before the verb describes.
                described = next((t.head for t in verb.doc[max(prev.i - 25, 0): prev.i]
                                  if t.dep_ == "appos" and t.right_edge.i == prev.i - 1 and t.head.i in at
                                  and at[t.head.i] is not AMBIGUOUS and at[t.head.i].kind == "person"), None)
                # ("…, Russia's chief of the general staff, Valery Gerasimov, told Putin": the
                # name in apposition to the title before it.)
                described = described or next((t for t in verb.doc[max(prev.i - 25, 0): prev.i]
                                               if t.dep_ == "appos" and t.right_edge.i == prev.i - 1 and t.i in at
                                               and at[t.i] is not AMBIGUOUS and at[t.i].kind == "person"), None)
                if described is not None:
                    return described, "subject"
            if prev.i in at and at[prev.i] is not AMBIGUOUS and prev.dep_ in ("appos", "conj", "pobj", "dobj", "npadvmod"):
                # "a spokesman for Putin told": the phrase the name ends, not the name.
                while prev.dep_ == "pobj" and prev.head.dep_ == "prep" and prev.head.lower_ in ("for", "of", "at") \
                        and prev.head.head.pos_ in ("NOUN", "PROPN") and prev.head.head.i < prev.i:
                    prev = prev.head.head
                return prev, "subject"
        # Participles and coordinated verbs share the subject of the verb they hang from.
        v = verb
        for _ in range(3):
            if v.dep_ in ("conj", "advcl", "xcomp", "acl", "relcl") and v.head is not v:
                if v.dep_ == "relcl" and v.head.pos_ in ("NOUN", "PROPN"):
                    return v.head, "subject"
                if v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN") and (v.tag_ == "VBG" or _speaking_noun(v.head)):
                    return v.head, "subject"  # "Kirby, speaking to reporters, …", "…, an official confirmed Monday"
                v = v.head
                for ch in v.children:
                    if ch.dep_ in ("nsubj",):
                        if ch.lemma_.lower() in cues().statement_nouns:
                            # "The statement came two days after the chief told Putin …": the
                            # statement did not tell; the clause's own subject went unfound.
                            return None, ""
                        return ch, "inherited"
                    if ch.dep_ == "agent":
                        obj = next((g for g in ch.children if g.dep_ == "pobj"), None)
                        if obj is not None:
                            return obj, "inherited"
            else:
                break
        return None, ""

    def scene(self, sent: Span, unit: UnitInfo) -> tuple[Entity, int, bool, bool] | None:
        """A sentence that puts someone somewhere on a day: "At a press conference on
        Tuesday, he played the recording" (a speaking occasion: the day of what they say
        there), "Shoigu flew to Pyongyang on Tuesday" (the day of what they say next,
        in the same or the next paragraph). Returns (who, verb, unnamed, speaking)."""
        c = cues()
        root = sent.root
        if root.pos_ not in ("VERB", "AUX"):
            return None
        speaking = root.lemma_.lower() in c.scene_verbs or any(
            t.lemma_.lower() in c.statement_nouns for t in sent if not _in_quote(t, unit.quotes)) or (
            root.lemma_.lower() in c.tie_verbs | c.statement_verbs
            and any(ch.dep_ in ("dobj", "obj") and ch.lemma_.lower() in c.account_nouns for ch in root.children))
        # ("The agency was asked about the figure the next day at a briefing": there too.)
        # The subject nearest the verb: "On Tuesday, the 1,000th day of the war, Zelensky
        # addressed …" can come parsed with the date's appositive as a second subject.
        subjects = [ch for ch in root.children if ch.dep_ == "nsubj"]
        subj = max((ch for ch in subjects if ch.i < root.i), key=lambda t: t.i, default=None) or next(iter(subjects), None) or (
            next((ch for ch in root.children if ch.dep_ == "nsubjpass"), None) if speaking else None) or (
            self._swallowed_subject(sent, root))
        e = self.speaker_of(subj) if subj is not None else None
        if e is None or e is AMBIGUOUS or e.members:
            return None
        # "The ministry's spokeswoman spoke …": someone the next sentence may name.
        unnamed = subj.lemma_.lower() in c.person_nouns and subj.i not in self.doc._.entity_at
        if e.kind == "person" and not unnamed and root.lemma_.lower() in c.speech_verbs:
            self.speech = (e, unit.paragraph, sent.end)
        return e, root.i, unnamed, speaking

    def _speech_goes_on(self, sent: Span, unit: UnitInfo) -> bool:
        """Is this quotation the next words of the speech the story set just before: in its
        paragraph or the next, with no one else speaking or named since?"""
        if self.speech is None or unit.paragraph - self.speech[1] > 1 or self.last_paragraph >= self.speech[1] \
                and self.last is not None and self.last.speaker is not None and self.spoke_at >= self.speech[2]:
            return False
        at = self.doc._.entity_at
        return not any(i in at and at[i] is not AMBIGUOUS and at[i].kind == "person" and at[i].id != self.speech[0].id
                       for i in range(self.speech[2], sent.start))

    def _swallowed_subject(self, sent: Span, root: Token) -> Token | None:
        """ "On 27 March South Korea's Joint Chiefs gave …": the parser reads the name as
        the object of the date's preposition; the name just before the verb is its subject."""
        first = sent[0]
        if first.dep_ != "prep" or first.head.i != root.i:
            return None
        obj = next((ch for ch in first.children if ch.dep_ == "pobj"), None)
        if obj is None or obj.right_edge.i != root.i - 1 or obj.i not in self.doc._.entity_at \
                or not any(t.ent_type_ == "DATE" for t in first.subtree):
            return None
        return obj

    def tie(self, sent: Span, unit: UnitInfo) -> Entity | None:
        """ "X made the remarks", "The remark came from X": the person the statement
        just reported belongs to."""
        c = cues()
        for t in sent:
            subj = next((ch for ch in t.children if ch.dep_ == "nsubj"), None)
            if subj is not None and subj.lemma_.lower() in c.statement_nouns and any(
                    ch.lower_ in ("the", "this", "that") for ch in subj.children if ch.dep_ == "det"):
                src = next((g for ch in t.children if ch.dep_ == "prep" and ch.lower_ == "from"
                            for g in ch.children if g.dep_ == "pobj"), None)
                e = self.speaker_of(src) if src is not None else None
                if e is not None and e is not AMBIGUOUS:
                    self.last, self.last_paragraph = Frame(t.i, e, "tie"), unit.paragraph
                    return e
        for t in sent:
            if t.lemma_.lower() not in c.tie_verbs or _in_quote(t, unit.quotes):
                continue
            obj = next((ch for ch in t.children if ch.dep_ in ("dobj", "obj")), None)
            if obj is None or obj.lemma_.lower() not in c.statement_nouns and obj.lower_ not in c.statement_nouns:
                continue
            if not any(ch.dep_ in ("det", "poss") and ch.lower_ in ("the", "these", "those", "his", "her", "their") for ch in obj.children):
                continue
            subj = next((ch for ch in t.children if ch.dep_ == "nsubj"), None)
            e = self.speaker_of(subj) if subj is not None else None
            if e is not None and e is not AMBIGUOUS and e.kind == "person":
                self.last, self.last_paragraph = Frame(t.i, e, "tie"), unit.paragraph
                return e
        return None

    def main(self, sent: Span, unit: UnitInfo) -> Frame | None:
        """The unit's main frame (module docstring), updating the narrative's speaker."""
        frame = self._main(sent, unit)
        if frame is not None and frame.speaker is not None:
            self.spoke_at = unit.start
        return frame

    def _main(self, sent: Span, unit: UnitInfo) -> Frame | None:
        if unit.turn is not None:
            turn = self._turn(unit)
            if turn is not None or unit.turn == "question" or self._label_is_person(unit):
                return turn
            # "CONTEXT: …", "BACKGROUND: …": a label that names nobody heads prose,
            # read like any other.
        found = self.frames(sent, unit)
        frame = self._choose(found)
        # Someone the text does not name spoke here ("the UN's political affairs chief
        # told the Council on Wednesday"): nobody to credit, but the occasion is the story's.
        self.nameless = frame.verb if frame is not None and frame.speaker is None and frame.verb >= 0 \
            and frame.form != "according" else None
        lead = self.lead
        self.lead = None
        if sent.text.rstrip().endswith(":"):
            # "In the statement, the ministers:" introduces a list of what they said.
            # The parse of a verbless lead is unreliable: its last noun phrase is the subject.
            heads = [t for t in sent if t.pos_ in ("NOUN", "PROPN", "PRON") and not _in_quote(t, unit.quotes)]
            who = self.speaker_of(heads[-1]) if heads else (frame.speaker if frame else None)
            if who is not None and who is not AMBIGUOUS:
                self.lead = (who, unit.paragraph)
        elif lead is not None and unit.paragraph - lead[1] <= 1:
            first = next((t for t in sent if t.is_alpha), None)
            if first is not None and first.is_lower:
                # "- expressed grave concern …": an item under that lead (it opens in lower
                # case, going on from the lead), its subject the lead's.
                self.lead = (lead[0], unit.paragraph)
                verb = first if first.tag_.startswith("VB") else sent.root
                if (frame is None or frame.speaker is None) and verb.pos_ in ("VERB", "AUX") and \
                        not any(ch.dep_ in ("nsubj", "nsubjpass") for ch in verb.children):
                    frame = Frame(verb.i, lead[0], "subject", tense=_tense(verb))
                    self.last, self.last_paragraph = frame, unit.paragraph
                    self._spoke(frame, unit.paragraph)
                    return frame
        if frame is None:
            self._issuers_named(sent)
            issuers = self._issued(unit)
            if self._only_quotation(sent, unit) and self.last is not None and self.last.speaker is not None \
                    and unit.paragraph - self.last_paragraph <= 1 and not self._opens_entry(sent, unit) \
                    and (issuers is None or self.last.speaker is not issuers and not self.last.issued):
                # (In an issued statement too: "Foreign Secretary David Lammy said:" ¶ "…".)
                frame = Frame(-1, self.last.speaker, "continuation", self.last.relay, self.last.source)
            elif self._only_quotation(sent, unit) and issuers is None and self._speech_goes_on(sent, unit):
                # "Zelensky addressed the European Parliament on Tuesday. …" ¶ "\"Not a single
                # day …\"": a speech's excerpts, printed after the sentence that sets it.
                frame = Frame(-1, self.speech[0], "continuation")
            elif issuers is not None:
                # A sentence of the issued statement: the issuers' words, whatever it says.
                frame = Frame(-1, issuers, "issued", issued=True)
            else:
                if any(f.speaker is AMBIGUOUS for f, _, _ in found):
                    self.last = None  # someone spoke, not clear who: nothing carries on
                return None
        issuers = self._issued(unit) if frame.speaker is None and frame.form == "subject" or (
            self.behalf is not None and frame.speaker is not None and frame.speaker is not AMBIGUOUS
            and frame.speaker.id == self.behalf and frame.form == "subject") else None
        if issuers is not None:
            # "The recognition … confirms Ukraine's warnings" in the text the ministry issued:
            # a subject that is no speaker, in the issuers' own voice.
            frame = Frame(-1, issuers, "issued", issued=True)
        if frame.speaker is None or frame.speaker is AMBIGUOUS:
            if frame.speaker is AMBIGUOUS or frame.form == "subject":
                self.last = None  # somebody else spoke: an "it" or "he" next is not the one before
            if frame.speaker is None and frame.form != "according":
                self.unnamed = None
            return None
        self.last, self.last_paragraph = frame, unit.paragraph
        self._spoke(frame, unit.paragraph)
        return frame

    def _choose(self, found: list[tuple[Frame, Token | None, set[int]]]) -> Frame | None:
        if not found:
            return None
        c = cues()
        # "Lee, a member who briefed reporters …, said": a clause inside the speaker's
        # own phrase describes them; it is not the statement.
        described = {i for f, v, _ in found if v is not None for ch in v.children
                     if ch.dep_ in ("nsubj", "nsubjpass") for i in (t.i for t in ch.subtree)}
        found = [x for x in found if x[0].verb not in described] or found
        inner = {i for _, _, content in found for i in content}
        outer = [(f, v, cont) for f, v, cont in found if f.verb not in inner]
        # "Kim Jong Un has sent what Seoul believes are special forces, and Kim said …":
        # a frame down in a clause of the narrative is part of what is told; the one in
        # the main clause (the root, or joined to it) reports the sentence.
        outer.sort(key=lambda x: x[1] is not None and _embedded(x[1]))
        # "The U.S. believes …, an official said Monday": a frame trailing the sentence
        # (parsed as a parataxis) is the attribution of all before it.
        # Trailing: it says nothing of its own (no object or clause after the verb).
        trailing = [(f, v, cont) for f, v, cont in found if v is not None and (v.dep_ in ("parataxis", "acl") and not any(
                    ch.dep_ in ("ccomp", "dobj", "obj", "xcomp") for ch in v.children)) and (v.dep_ == "parataxis" or _speaking_noun(v.head))
                    and f.speaker is not None and f.speaker is not AMBIGUOUS and f.form == "subject"]
        if trailing:
            outer = trailing + [x for x in outer if x not in trailing]
        outer = outer or found
        f, v, content = outer[0]
        if v is not None and v.dep_ == "ROOT" and any(ch.dep_ == "mark" and ch.lower_ in c.subordinators for ch in v.children):
            # "After Seoul's minister suggested that …, Peskov dismissed the idea as …": the
            # parser made the subordinate clause the root; the saying after the comma is the main one.
            main = [(g, w, cont) for g, w, cont in found if w is not None and w.i > v.i and g.speaker not in (None, AMBIGUOUS)
                    and any(ch.dep_ == "nsubj" and any(t.text == "," for t in self.doc[v.i: ch.left_edge.i])
                            for ch in w.children)]
            if main:
                f, v, content = main[0]
        if f.tense == "pluperfect":
            # "X said …; in April the agency had put …": the pluperfect clause is
            # background, the statement the sentence reports is the one before it.
            before = [(g, w, cont) for g, w, cont in found if g.verb < f.verb and g.tense != "pluperfect" and g.form != "according"]
            if before:
                f, v, content = before[0]
        nested = [(g, w) for g, w, _ in found if g.verb in content and g.speaker not in (None, AMBIGUOUS)]
        if f.speaker is not None and f.speaker is not AMBIGUOUS and f.speaker.kind == "organization" and v is not None:
            # "Washington acknowledged casualties last Monday, when Pentagon spokesperson
            # Pat Ryder said …": the body spoke through the person; the day is the body's.
            through = [g for g, w, _ in found if w is not None and w.dep_ in ("advcl", "relcl")
                       and (w.head.i == v.i or w.head.head.i == v.i)  # "…, when" or "last Monday, when"
                       and any(ch.lower_ in ("when", "as") for ch in w.children)
                       and g.speaker not in (None, AMBIGUOUS) and g.speaker.kind == "person"]
            if through:
                g = through[0]
                return Frame(g.verb, g.speaker, g.form, g.relay, g.source, tense=g.tense, occasion=f.verb, body=g.body)
        if f.speaker is not None and f.speaker is not AMBIGUOUS and is_medium(f.speaker) and nested:
            g = nested[0][0]
            return Frame(g.verb, g.speaker, g.form, relay=_relay_name(f.speaker, v), tense=g.tense, occasion=f.verb)
        carriers = [g for g, _, _ in found if g.form == "according" and g is not f and g.speaker not in (None, AMBIGUOUS)
                    and is_medium(g.speaker)]
        if f.form != "according" and carriers and f.relay is None and f.speaker not in (None, AMBIGUOUS):
            # "X said …, according to Reuters": Reuters carried X's words.
            f = Frame(f.verb, f.speaker, f.form, relay=_relay_name(carriers[0].speaker), source=f.source, tense=f.tense,
                      occasion=f.occasion, body=f.body)
        if f.form == "according":
            others = [(g, w) for g, w, _ in found if g is not f and g.form != "according"]
            if f.speaker is not None and f.speaker is not AMBIGUOUS and is_medium(f.speaker) and others:
                g = others[0][0]
                return Frame(g.verb, g.speaker, g.form, relay=_relay_name(f.speaker, v), tense=g.tense, occasion=f.verb)
            named = [g for g, _ in others if g.verb in content and g.speaker is not None and g.speaker is not AMBIGUOUS]
            if f.speaker is not None and f.speaker is not AMBIGUOUS and named:
                # "The NIS told a closed-door session …, according to lawmaker Lee": the
                # statement is the one the clause names; Lee passes it on.
                g = named[0]
                return Frame(g.verb, g.speaker, g.form, relay=_relay_name(f.speaker, v), source=g.source, tense=g.tense,
                             occasion=g.occasion, body=g.body)
            if f.speaker is None and named:
                # "…, the spy agency said Wednesday, according to a lawmaker": the agency's
                # statement, passed on by somebody the text does not name.
                return named[0]
            return f
        if f.speaker is None and len(outer) > 1:  # an ambiguous speaker is somebody: no other frame stands in
            for g, _, _ in outer[1:]:
                if g.speaker is not None and g.speaker is not AMBIGUOUS:
                    return g
        if f.speaker is not None and f.speaker is not AMBIGUOUS and v is not None and v.lemma_.lower() in c.relay_verbs and nested:
            g = nested[0][0]
            return Frame(g.verb, g.speaker, g.form, relay=_relay_name(f.speaker, v), tense=g.tense, occasion=f.verb)
        carried = [g for g, _ in nested if g.form == "according" and g.speaker.kind == "organization"]
        if f.speaker is not None and f.speaker is not AMBIGUOUS and f.form != "according" and carried and f.relay is None:
            # "Ryder said troops had been killed, according to Reuters": the report that
            # carried his words, however the parser hung "according to".
            return Frame(f.verb, f.speaker, f.form, relay=_relay_name(carried[0].speaker), source=f.source, tense=f.tense,
                         occasion=f.occasion, body=f.body, voiced=f.voiced)
        if f.speaker is not None and f.speaker is not AMBIGUOUS and f.speaker.kind == "person" and nested:
            org = next((g.speaker for g, _ in nested if g.speaker.kind == "organization" and g.form != "according"), None)
            if org is not None:
                self.sources[f.speaker.id] = org.name  # all they say in the story passes it on
                return Frame(f.verb, f.speaker, f.form, f.relay, source=org.name, tense=f.tense, body=f.body)
        return f

    def _spoke(self, frame: Frame, paragraph: int) -> None:
        if frame.speaker is not None and frame.speaker is not AMBIGUOUS:
            for e in (frame.speaker, *frame.speaker.members):
                if e.kind == "person":
                    self.spoke[e.id] = paragraph

    def _speaking_namesake(self, head: Token) -> Entity | None:
        """ "Lee said" with President Lee Jae Myung and Lee Seong-kweun met: the one of
        them who has been speaking lately (four paragraphs), when only one has; when both have, the
        one who spoke last, if that was in this paragraph or the one before."""
        found = {e.id: e for at, e in self.roster.by_name_word.get(spelling_key(head.text), {}).values() if at < head.i}
        spoken = sorted(((self.spoke[i], i) for i in found if i in self.spoke), reverse=True)
        if len(spoken) == 1 and spoken[0][0] >= self._par(head) - 4:
            return found[spoken[0][1]]
        if len(spoken) > 1 and spoken[0][0] > spoken[1][0] and spoken[0][0] >= self._par(head) - 1:
            return found[spoken[0][1]]
        return None

    def _two_holders_just_named(self, lemma: str, lower: str, head: Token, modifiers: list[str]) -> bool:
        """Two people holding the title named in this sentence or the one before: "the
        minister" does not say which."""
        holders = {e.id for t in (lemma, lower) for e in self.roster.title_holders(t, head.i, modifiers)}
        if len(holders) < 2:
            return False
        i = self._unit_index(head)
        span = self._unit_span(i - 1 if i > 0 and not self.units[i - 1].heading else i)
        start = span.start if span is not None else head.i
        recent = set()
        for at, e, _ in reversed(self.roster.met):
            if at < start:
                break
            if at < head.i and e.id in holders:
                recent.add(e.id)
        return len(recent) >= 2

    def _titled_before(self, head: Token) -> tuple[bool, Entity | None]:
        """The sentence just before, in this paragraph, is about a person by title ("the
        president"): (True, who) when the title's words fit one holder the story named
        ("The North Korean minister … called …" after "No Kwang Chol"), (True, None) when
        the text does not settle who; (False, None) when it is not about such a person."""
        i = self._unit_index(head)
        if i == 0 or self.units[i - 1].paragraph != self.units[i].paragraph:
            return False, None
        span = self._unit_span(i - 1)
        if span is None:
            return False, None
        c = cues()
        for t in span:
            # (Or the title is the root: the parser lost the verb.)
            if (t.dep_ == "nsubj" and t.head.dep_ == "ROOT" or t.dep_ == "ROOT") and t.pos_ == "NOUN" and not t.tag_.endswith("S") \
                    and t.lemma_.lower() in c.titles and any(ch.lower_ == "the" for ch in t.children) \
                    and t.i not in self.doc._.entity_at:
                if self._two_holders_spoke(t.lemma_.lower(), t.lower_, t, []):
                    return True, None
                words = [ch.lower_ for ch in t.children if ch.dep_ in ("amod", "compound") and ch.i < t.i and ch.is_alpha
                         and ch.lower_ not in c.rank_words and ch.lemma_.lower() not in c.titles]
                if not words:
                    return False, None
                fitting = [e for e in self.roster.title_holders(t.lemma_.lower(), t.i) if self.roster.fits(e, words)]
                return True, (fitting[0] if len(fitting) == 1 else None)
        return False, None

    def _two_holders_spoke(self, lemma: str, lower: str, head: Token, modifiers: list[str]) -> bool:
        # Every word of the title counts here ("the vice minister" is not the defence minister).
        words = [t.lower_ for t in head.children if t.dep_ in ("amod", "compound") and t.i < head.i and t.is_alpha
                 and t.lower_ not in cues().rank_words]
        holders = {e.id: e for t in (lemma, lower) for e in self.roster.title_holders(t, head.i, modifiers)
                   if all(w in self.roster.roles.get(e.id, ()) or self.roster.fits(e, [w]) for w in words)}
        return sum(1 for i in holders if self.spoke.get(i, -10) >= self._par(head) - 1) >= 2

    def _speaking_holder(self, lemma: str, lower: str, head: Token, modifiers: list[str]) -> Entity | None:
        """ "Foreign Minister Choe said … at talks with Foreign Minister Lavrov. The
        minister said": of those holding the title, the one who spoke last, in this
        paragraph or the one before, over one only mentioned since."""
        holders = {e.id: e for t in (lemma, lower) for e in self.roster.title_holders(t, head.i, modifiers)}
        if len(holders) < 2:
            return None
        spoken = sorted(((self.spoke[i], i) for i in holders if i in self.spoke), reverse=True)
        if spoken and spoken[0][0] >= self._par(head) - 1 and (len(spoken) == 1 or spoken[0][0] > spoken[1][0]):
            return holders[spoken[0][1]]
        return None

    def _only_quotation(self, sent: Span, unit: UnitInfo) -> bool:
        outside = [t for t in sent if not _in_quote(t, unit.quotes) and t.is_alpha]
        return (unit.continues_quote and not outside) or (bool(unit.quotes) and not outside)

    def _full_name(self, name: str, at: int) -> Entity:
        """The person a full name names: the one of people.yaml whose name or alias it
        is, else a person of that name; met from here on ("GEN. RYDER" is then them)."""
        e = self._listed(name) or Entity(id=_slug(name), name=name, kind="person", known=False)
        if self.roster.by_word(name.split()[-1], at + 1) is None:
            self.roster.meet(at, e)
        return e

    def _listed(self, name: str) -> Entity | None:
        """The person of people.yaml whose name or alias this is, or whose name it ends with."""
        key = name.casefold()
        for p in self.roster.people.values():
            if p.kind == "person" and (key in {p.name.casefold(), *(a.casefold() for a in p.aliases)}
                                       or key.endswith(" " + p.name.casefold())):
                return Entity(id=p.id, name=p.name, kind="person", role=p.role, org=p.org, known=True)
        return None

    def _by_alias(self, name: str) -> Entity | None:
        """The one person of people.yaml listed under this name or alias ("Nebenzia")."""
        key = name.casefold()
        only = [p for p in self.roster.people.values()
                if p.kind == "person" and key in {p.name.casefold(), *(a.casefold() for a in p.aliases)}]
        return self._listed(only[0].name) if len(only) == 1 else None

    def _answering(self) -> Entity | None:
        """Who answers under "A:": the one person the title names ("Spokesperson Lin
        Jian's Regular Press Conference on November 1")."""
        span = self._title_span()
        if span is None:
            return None
        at = self.doc._.entity_at
        people = {at[t.i].id: at[t.i] for t in span if t.i in at and at[t.i] is not AMBIGUOUS
                  and at[t.i].kind == "person" and not at[t.i].members}
        return next(iter(people.values())) if len(people) == 1 else None

    def _label_is_person(self, unit: UnitInfo) -> bool:
        """A label with a title ("MS. SINGH") names a person even when we cannot say who."""
        c = cues()
        words = [w.lower() for w in re.split(r"[\s.]+", unit.label or "") if w]
        return any(c.title_abbreviations.get(w, w) in c.titles or w in c.title_abbreviations for w in words)

    def _issuers_named(self, sent: Span) -> None:
        """ "The joint statement was issued on Monday by the foreign ministers of A, B and
        C": the group a later "the signatories" or "the ministers" is."""
        c = cues()
        for t in sent:
            if t.dep_ == "nsubjpass" and t.lemma_.lower() in c.statement_nouns:
                agent = next((g for ch in t.head.children if ch.dep_ == "agent" for g in ch.children if g.dep_ == "pobj"), None)
                if agent is not None and agent.tag_.endswith("S") and agent.lemma_.lower() in c.titles \
                        and any(ch.dep_ == "prep" and ch.lower_ == "of" for ch in agent.children):
                    self._group_as_named(agent)
                return
            if t.lower_ == "we" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].text == ",":
                # "The statement opens: “We, the Foreign Ministers of A, B and C, …”": the
                # issuers naming themselves, quoted by the story.
                # (The parser may join the names to "We" as a conjunct, and call "Ministers" singular.)
                named = next((ch for ch in t.children if ch.dep_ in ("appos", "conj") and ch.i > t.i), None)
                word = named.lower_ if named is not None else ""
                if named is not None and word.endswith("s") and (word[:-1] in c.titles or word in c.issuer_nouns
                                                                 or named.lemma_.lower() in c.titles) \
                        and any(ch.dep_ == "prep" and ch.lower_ == "of" for ch in named.children):
                    self._group_as_named(named)
                return

    def _turn(self, unit: UnitInfo) -> Frame | None:
        if unit.turn == "question" or not unit.label:
            self.last = None
            return None
        words = [w for w in re.split(r"[\s.]+", unit.label) if w]
        c = cues()
        # Titles and forms of address ("MR.", "GEN.", "PRESS SECRETARY") are not the name.
        # (Nor a body's word in a title: "CHIEF CABINET SECRETARY HAYASHI".)
        named = [w for w in words if w.lower() not in c.title_abbreviations and w.lower() not in c.titles
                 and w.lower() not in c.org_words]
        listed = self._listed(" ".join(words))
        e = None
        chair = (self.doc.user_data.get(STORY) or {}).get("chaired_by")
        if chair and [w.lower() for w in words if w.lower() != "the"] in (["president"], ["chair"], ["chairman"],
                                                                         ["chairwoman"], ["chairperson"]):
            # "The President:" in a record whose header names who presides.
            e = self.roster.by_word(chair.split()[-1], len(self.doc)) or self._by_alias(chair)
        elif " ".join(words).lower() in c.answer_labels:
            e = self._answering()  # "A:": whoever the title names
        elif listed is not None:
            e = listed  # the label is how people.yaml lists them ("Chief Cabinet Secretary Hayashi")
        elif len(named) >= 2:
            # "PRESS SECRETARY … PAT RYDER": a label that names the person in full.
            span = self.doc.char_span(unit.start, unit.end, alignment_mode="expand")
            e = self._full_name(" ".join(w if w.islower() else w.capitalize() for w in named), span.start if span is not None else 0)
        elif named:
            e = self.roster.by_word(named[-1], len(self.doc))
            if e is None:
                # "Mr. Nebenzia (Russian Federation):" in a record that names him nowhere else.
                e = self._by_alias(named[-1])
            if e is AMBIGUOUS:
                # "Minister Kim:" with two Kims in the story: the one of them holding the title.
                titles = {c.title_abbreviations.get(w.lower(), w.lower()) for w in words if w not in named}
                key = spelling_key(named[-1])
                holders = {h.id: h for t in titles for h in self.roster.title_holders(t, len(self.doc))
                           if key in {spelling_key(x) for x in re.split(r"[\s-]+", h.name)}}
                e = next(iter(holders.values())) if len(holders) == 1 else AMBIGUOUS
        if e is None or e is AMBIGUOUS:
            self.last = None
            return None
        frame = Frame(-1, e, "turn")
        self.last, self.last_paragraph = frame, unit.paragraph
        self._spoke(frame, unit.paragraph)
        return frame


def _told_of(t: Token, pronoun: Token) -> bool:
    """ "Putin, he said, would not prevail": the subject of what "he" says, not he."""
    telling = pronoun.head
    return t.dep_ in ("nsubj", "nsubjpass") and telling.dep_ in ("parataxis", "ccomp") and telling.head.i == t.head.i


def _author_of_statement(t: Token) -> bool:
    """ "a claim made on Friday by Col. Jane Doe", "remarks by Jane Doe": the one whose
    statement the sentence speaks of."""
    c = cues()
    by = t.head if t.dep_ == "pobj" and t.head.lower_ in ("by", "from") else None
    if by is None:
        return False
    owner = by.head.head if by.dep_ == "agent" else by.head  # "made by X" / "remarks by X"
    noun = owner.head if by.dep_ == "agent" and owner.dep_ in ("acl", "relcl") else owner
    return noun.lemma_.lower() in c.statement_nouns | c.account_nouns


# A title that names the text as an issued statement ("Declaration by …", "Joint
# Statement of …", "Statement of the G7 Foreign Ministers on …").
_DECLARATION_TITLE = re.compile(
    r"(?:^|:\s*)(?:joint\s+)?(?:declaration|statement|communiqu[eé])\s+(?:by|of|from|on\s+behalf\s+of)\b", re.I)


def _joint(members: list[Entity]) -> Entity:
    """A joint statement's speaker: each member is credited (Claim.joint)."""
    return Entity(id="+".join(m.id for m in members), name=" and ".join(m.name for m in members),
                  kind="person" if all(m.kind == "person" for m in members) else "organization",
                  known=all(m.known for m in members), members=tuple(members))


def _slug(name: str) -> str:
    from newsgen import urls

    return urls.slug(name)


def _relay_name(e: Entity, verb: Token | None = None) -> str:
    """A carrier by its short name: "Voice of America (VOA)" → "VOA", whether the
    name holds the acronym or the text gives it beside the name."""
    m = re.search(r"\(([A-Z][A-Za-z.]{1,7})\)", e.name)
    if m:
        return m.group(1)
    if verb is not None:
        for subj in (ch for ch in verb.children if ch.dep_ in ("nsubj", "nsubjpass")):
            for a in subj.children:
                if a.dep_ == "appos" and a.text.isupper() and 2 <= len(a.text) <= 8:
                    return a.text
    return e.name


def _remarked_on(verb: Token) -> bool:
    """ "It is the first time that the NIS has confirmed …", "This marks the first
    time Moscow has acknowledged …": a statement the writer remarks on, in a clause
    of a noun whose own clause has "it"/"this" for subject; the writer speaks."""
    if verb.dep_ not in ("relcl", "acl") or verb.head.pos_ != "NOUN":
        return False
    clause = verb.head.head
    return verb.head.dep_ in ("attr", "dobj", "obj") and any(
        ch.dep_ in ("nsubj", "expl") and ch.lower_ in ("it", "this") for ch in clause.children)


def _embedded(verb: Token) -> bool:
    t = verb
    while t.head.i != t.i:
        if t.dep_ not in ("conj", "parataxis"):
            return True
        t = t.head
    return False


def _speaking_noun(t: Token) -> bool:
    """A noun that can be a speaker: a name, or "official", "spokesperson" …"""
    return t.pos_ in ("NOUN", "PROPN") and (t.ent_type_ in ("PERSON", "ORG") or t.lemma_.lower() in cues().person_nouns)


def is_medium(e: Entity) -> bool:
    if e.kind != "organization":
        return False
    if e.id.startswith(OUTLET):
        return True  # an outlet of content/outlets.yaml
    words = set(re.findall(r"[a-z]+", e.name.lower()))
    return bool(words & cues().media_words)


def _tense(verb: Token) -> str:
    aux = [ch.lower_ for ch in verb.children if ch.dep_ in ("aux", "auxpass")]
    if "had" in aux:
        return "pluperfect"
    if "has" in aux or "have" in aux:
        return "perfect"
    if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head is not verb:
        # "has said and added": the verb it is joined to. Not a verb of what is said the
        # parser hung it from ("… has sent 10,000 soldiers …," Austin told reporters).
        return _tense(verb.head) if verb.head.tag_.startswith("VB") and is_reporting(verb.head) else ""
    return ""


def _content(verb: Token) -> set[int]:
    """The tokens of what the verb reports: its clausal complement and objects."""
    out: set[int] = set()
    for ch in verb.children:
        if ch.dep_ in ("ccomp", "xcomp", "parataxis") or (ch.dep_ in ("dobj", "obj") and any(g.dep_ in ("relcl", "acl", "ccomp") for g in ch.children)):
            out |= {t.i for t in ch.subtree}
    return out


def _clause_of(t: Token) -> set[int]:
    """For "according to X": the clause it modifies."""
    head = t.head
    if head.i == t.i:
        return set()
    return {x.i for x in head.subtree} - {x.i for x in t.subtree}


def _same_title(word: str, other: str | None) -> bool:
    """One title, however it is spelt ("spokesman", "spokesperson")."""
    if other is None:
        return False
    norm = cues().title_abbreviations
    return (norm.get(word, word) or word) == (norm.get(other, other) or other)

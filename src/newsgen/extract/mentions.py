"""Who each name, title and pronoun is: document-level linking over the NER.

The entity ruler (from people.yaml) and the statistical NER mark names; here each
mention becomes an `Entity`, read in the order a reader meets them:

* a name listed in people.yaml is that person (the ruler's id);
* a first full name ("Yu Yong-weon") is a person of its own; a later single name
  ("Yu", "Shoigu") is the one person met before whose name holds that word (Korean
  names family name first, Western ones last, so any part of the name counts); two
  people met with that word make it ambiguous, and it names nobody;
* a title ("the minister", "the lawmaker") is the last person met whose title or
  appositive holds that word;
* "he"/"she" is the person spoken of last; "it" is the organisation that spoke last;
* an organisation, country or a noun phrase headed by one is an organisation.

`Entity` values are what the attribution layer hands on as speakers.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from newsgen import urls
from newsgen.extract.cues import cues
from newsgen.extract.nlp import OUTLET
from newsgen.model import Person, Speaker


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    kind: str = "person"  # "person" | "organization"
    role: str | None = None
    org: str | None = None
    known: bool = True
    members: tuple["Entity", ...] = ()  # a joint statement's speakers

    def speaker(self) -> Speaker:
        return Speaker(id=self.id, name=self.name, role=self.role, org=self.org, kind=self.kind,  # type: ignore[arg-type]
                       known=self.known)


AMBIGUOUS = Entity(id="?", name="?")


@dataclass
class Roster:
    """The people and bodies met so far in the story, and what links to them."""

    people: dict[str, Person]
    met: list[tuple[int, Entity, tuple[str, ...]]] = field(default_factory=list)  # (token index, entity, name words)
    roles: dict[str, set[str]] = field(default_factory=dict)  # entity id -> title words
    paragraphs: list[int] = field(default_factory=list)  # token index where each paragraph starts
    outlets: dict[str, str] = field(default_factory=dict)  # OUTLET + id -> the outlet's name
    described: dict[str, set[str]] = field(default_factory=dict)  # entity id -> words said of them
    by_name_word: dict[str, list] = field(default_factory=dict)  # a word of a person's name -> [(token index, entity)]

    def meet(self, at: int, e: Entity, role_words: set[str] = frozenset(), described: set[str] = frozenset()) -> Entity:
        words = tuple(w.lower() for w in re.split(r"[\s]+", _plain_name(e.name)) if w)
        self.met.append((at, e, words))
        if e.kind == "person" and not e.members:
            for w in set(words) | {p for w in words for p in w.split("-")}:
                self.by_name_word.setdefault(w, []).append((at, e))
        got = self.roles.setdefault(e.id, set())
        got |= role_words
        if e.role:
            got |= title_words(e.role)
        self.described.setdefault(e.id, set()).update(
            described, _words(e.role), _words(e.org))
        return e

    def fits(self, e: Entity, modifiers: list[str]) -> bool:
        """Every word of "the Russian foreign minister" before the title is in what the
        story said of the person ("Russian" fits "Russia's Sergei Lavrov")."""
        have = {w[:5] for w in self.described.get(e.id, ())}
        return all(m[:5] in have for m in modifiers)

    def by_word(self, word: str, before: int) -> Entity | None:
        found: dict[str, Entity] = {}
        for at, e in self.by_name_word.get(word.lower(), ()):
            if at < before:
                found[e.id] = e
        if len(found) == 1:
            return next(iter(found.values()))
        if len(found) > 1:
            # Two people of one name: the one met in this paragraph, when only one was,
            # is who a reader takes "Kim" to be ("North Korea's ambassador, Kim Song, …
            # Kim said").
            start = self.paragraph_start(before)
            recent = {e.id for at, e, _ in self.met if start <= at < before and e.id in found}
            if len(recent) == 1:
                return found[recent.pop()]
        return AMBIGUOUS if found else None

    def paragraph_start(self, i: int) -> int:
        k = bisect.bisect_right(self.paragraphs, i) - 1
        return self.paragraphs[k] if k >= 0 else 0

    def by_title(self, title: str, before: int, name_word: str | None = None, modifiers: list[str] = ()) -> Entity | None:
        """The last person met holding this title (and this name word, when given) whom
        the title's other words fit."""
        if not any(title in r for r in self.roles.values()):
            return None  # nobody holds it: no need to walk every mention of the story (issue 18)
        for at, e, words in reversed(self.met):
            if at >= before or e.kind != "person" or e.members:
                continue
            if name_word and name_word.lower() not in words:
                continue
            if title in self.roles.get(e.id, ()):
                return e if self.fits(e, list(modifiers)) else None
        return None

    def last(self, kind: str, before: int) -> Entity | None:
        for at, e, _ in reversed(self.met):
            if at < before and e.kind == kind and not e.members:
                return e
        return None


def title_words(text: str | None) -> set[str]:
    if not text:
        return set()
    c = cues()
    out = set()
    for w in re.findall(r"[A-Za-z][A-Za-z-]*", text.lower()):
        w = c.title_abbreviations.get(w, w) or ""
        if w in c.titles or w in c.person_nouns:
            out.add(w)
            out |= {p for p in w.split("-") if p}
    return out


def _plain_name(name: str) -> str:
    return re.sub(r"\s*\([^)]*\)", "", name).strip()


def _person(p: Person) -> Entity:
    return Entity(id=p.id, name=p.name, kind=p.kind, role=p.role, org=p.org, known=True)


def link(doc: Doc, people: dict[str, Person], outlets: dict[str, str] | None = None) -> None:
    """Fill doc._.entity_at (token index -> Entity) for every name mention."""
    roster = Roster(people, outlets=outlets or {}, paragraphs=[0] + [t.i + 1 for t in doc if t.is_space and "\n\n" in t.text])
    at: dict[int, Entity] = {}
    for ent in doc.ents:
        ent = _whole_name(ent)
        e = _entity_of(ent, roster)
        if e is None:
            continue
        if e is not AMBIGUOUS:
            roster.meet(ent.start, e, _role_words(ent), _described(ent))
        for t in ent:
            at[t.i] = e
    # Proper nouns the NER left out ("Shoigu told", "Yu said") that name someone met before.
    for t in doc:
        if t.i in at or t.pos_ != "PROPN" or not t.is_title:
            continue
        e = roster.by_word(t.text, t.i)
        if e is not None:
            at[t.i] = e
    doc._.entity_at = at
    doc._.roster = roster


def _whole_name(ent: Span) -> Span:
    """A person's name the NER or an alias cut short ("Choe Son" of "Choe Son Hui";
    the alias "Minister Kim" inside "Minister Kim Jong Gyu") runs on over the
    capitalised words that follow it."""
    if ent.label_ != "PERSON":
        return ent
    doc = ent.doc
    end = ent.end
    while end < len(doc) and end - ent.end < 4:
        t = doc[end]
        if t.pos_ == "PROPN" and t.is_title and t.ent_type_ in ("", "PERSON"):
            end += 1
        elif t.text == "-" and not doc[end - 1].whitespace_ and end + 1 < len(doc) and not t.whitespace_ and doc[end + 1].is_alpha:
            end += 2  # "Park Sun" + "-won": a hyphenated given name split by the tokenizer
        else:
            break
    if end == ent.end:
        return ent
    return Span(doc, ent.start, end, label="PERSON")


def _entity_of(ent: Span, roster: Roster) -> Entity | None:
    if ent.ent_id_.startswith(OUTLET):
        name = re.sub(r"^(?:the|The)\s+", "", ent.text)
        return Entity(id=ent.ent_id_, name=roster.outlets.get(ent.ent_id_, name), kind="organization", known=False)
    if ent.ent_id_ and ent.ent_id_ in roster.people:
        return _person(roster.people[ent.ent_id_])
    if ent.label_ == "PERSON":
        words = _name_words(ent)
        if not words:
            return None
        if len(words) == 1:
            # "Minister Kim" with two Kims met: the title tells them apart.
            title = _title_before(ent) or _title_inside(ent)
            if title:
                found = roster.by_title(title, ent.start, words[0])
                if found is not None:
                    return found
            found = roster.by_word(words[0], ent.start)
            if found is not None:
                return found
            return AMBIGUOUS if title else None  # a lone name met first: nobody we can name in full
        name = " ".join(words)
        # A longer form of a name met before ("Lee" then "Lee Seong-kweun") is that person
        # only if it is the same full name.
        for _, e, _ in roster.met:
            if e.kind == "person" and _plain_name(e.name).lower() == name.lower():
                return e
        return Entity(id=urls.slug(name), name=name, kind="person", role=_appositive(ent), known=False)
    if ent.label_ in ("ORG", "NORP", "GPE"):
        if len(ent) == 1 and ent[0].pos_ == "PROPN":
            # A surname the NER took for a body ("Zelenskyy said"): the person met before.
            found = roster.by_word(_name_words(ent)[0] if _name_words(ent) else ent.text, ent.start)
            if found is not None and found is not AMBIGUOUS:
                return found
        name = re.sub(r"^(?:the|The)\s+", "", ent.text)
        name = re.sub(r"['’]s?$", "", name).strip()
        if not name or not re.search(r"[A-Za-z]", name):
            return None
        for _, e, _ in roster.met:
            if e.kind == "organization" and e.name.lower() == name.lower():
                return e
        return Entity(id=urls.slug(name), name=name, kind="organization", known=False)
    return None


def _name_words(ent: Span) -> list[str]:
    """The name without titles, possessive and stray punctuation."""
    c = cues()
    text = re.sub(r"['’]s?$", "", ent.text.strip())
    words = [w for w in re.split(r"\s+", text) if w]
    while words and (c.title_abbreviations.get(words[0].lower().rstrip("."), words[0].lower().rstrip(".")) in c.titles):
        words.pop(0)
    words = [w for w in words if re.search(r"[A-Za-z]", w)]
    return words


def _title_before(ent: Span) -> str | None:
    """ "Minister Kim": the title word right before a name."""
    if ent.start == 0:
        return None
    prev = ent.doc[ent.start - 1]
    word = cues().title_abbreviations.get(prev.lower_.rstrip("."), prev.lower_.rstrip("."))
    return word if word and word in cues().titles else None


def _title_inside(ent: Span) -> str | None:
    first = ent[0].lower_.rstrip(".")
    word = cues().title_abbreviations.get(first, first)
    return word if len(ent) > 1 and word and word in cues().titles else None


def _words(text: str | None) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z]{3,}", text or "")}


def _described(ent: Span) -> set[str]:
    """The words around a name that say who the person is: the title and modifiers
    before it ("Russia's Foreign Minister"), its appositive."""
    doc = ent.doc
    words = set()
    i = ent.start - 1
    while i >= 0 and i >= ent.start - 8 and doc[i].dep_ in ("compound", "amod", "nmod", "poss", "case", "punct") \
            and doc[i].head.i >= i:
        words |= _words(doc[i].text)
        i -= 1
    return words | _words(_appositive(ent))


def _role_words(ent: Span) -> set[str]:
    """Title words standing before the name or in its appositive."""
    words = set()
    doc = ent.doc
    i = ent.start - 1
    while i >= 0 and doc[i].dep_ in ("compound", "amod", "nmod", "punct") and doc[i].head.i >= ent.start and i >= ent.start - 6:
        words |= title_words(doc[i].text)
        i -= 1
    appos = _appositive(ent)
    if appos:
        words |= title_words(appos)
    return words


def _appositive(ent: Span) -> str | None:
    """ "Yu, a People Power Party lawmaker, …": the appositive's words."""
    root = ent.root
    for child in root.children:
        if child.dep_ == "appos" and child.i > root.i:
            span = ent.doc[child.left_edge.i: child.right_edge.i + 1]
            text = span.text.strip(" ,")
            return text if len(text) < 120 else None
    return None


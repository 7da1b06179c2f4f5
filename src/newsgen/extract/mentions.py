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
import dataclasses
import functools
import re
import unicodedata
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

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
    acronyms: dict[str, Entity] = field(default_factory=dict)  # "DIU" -> the body it was given for
    # Spelling key -> person ids, of whole names and of first and last words (built once).
    _spellings: tuple[dict[str, set[str]], dict[str, set[str]]] | None = None
    # A word of a person's name (its spelling key) -> entity id -> (first token index, entity).
    by_name_word: dict[str, dict[str, tuple[int, Entity]]] = field(default_factory=dict)
    first_met: dict[str, tuple[int, Entity]] = field(default_factory=dict)  # entity id -> (first token index, entity)

    def meet(self, at: int, e: Entity, role_words: set[str] = frozenset(), described: set[str] = frozenset()) -> Entity:
        words = tuple(w.lower() for w in re.split(r"[\s]+", _plain_name(e.name)) if w)
        self.met.append((at, e, words))
        if e.id not in self.first_met or at < self.first_met[e.id][0]:
            self.first_met[e.id] = (at, e)
        if e.kind == "person" and not e.members:
            for w in set(words) | {p for w in words for p in w.split("-")}:
                seen = self.by_name_word.setdefault(spelling_key(w), {})
                if e.id not in seen or at < seen[e.id][0]:
                    seen[e.id] = (at, e)
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
        for at, e in self.by_name_word.get(spelling_key(word), {}).values():
            if at < before:
                found[e.id] = e
        if len(found) == 1:
            return next(iter(found.values()))
        if len(found) > 1:
            # Two people of one name: the one met in this paragraph, when only one was,
            # is who a reader takes "Kim" to be ("North Korea's ambassador, Kim Song, …
            # Kim said").
            # Not when the other was met just before, in the paragraph above: "Kim
            # Yong-hyun said … ¶ Kim Jong Un has sent …, and Kim said" leaves it open.
            start = self.paragraph_start(before)
            recent = {e.id for at, e, _ in self.met if start <= at < before and e.id in found}
            above = self.paragraph_start(start - 1) if start > 0 else start
            others = {e.id for at, e, _ in self.met if above <= at < start and e.id in found} - recent
            if len(recent) == 1 and not others:
                return found[recent.pop()]
        return AMBIGUOUS if found else None

    def known_spelling(self, name: str) -> Entity | None:
        """The one person of people.yaml whose name or alias is `name` spelt another
        way ("Zelenskiy" for "Zelenskyy", "Kim Jong-un" for "Kim Jong Un", "Sergey"
        for "Sergei"); None when no one, or more than one, is."""
        if self._spellings is None:
            self._spellings = ({}, {})
            for p in self.people.values():
                if p.kind != "person":
                    continue
                for n in (p.name, *p.aliases):
                    self._spellings[0].setdefault(spelling_key(n), set()).add(p.id)
                    words = _name_part(n)
                    for w in {words[0], words[-1]} if words else ():
                        self._spellings[1].setdefault(spelling_key(w), set()).add(p.id)
        key = spelling_key(name)
        ids = self._spellings[0].get(key, set())
        parts = name.split()
        if not ids and len(parts) == 2:
            # "Hayashi Yoshimasa": a Japanese name as Japanese English-language media print
            # it, family name first; the listed person is "Yoshimasa Hayashi".
            ids = self._spellings[0].get(spelling_key(f"{parts[1]} {parts[0]}"), set())
        if not ids and " " not in name.strip() and len(key) > 3:
            # A surname alone ("Zelenskiy said"): the one listed person whose name
            # begins or ends with it.
            ids = self._spellings[1].get(key, set())
        return _person(self.people[next(iter(ids))]) if len(ids) == 1 else None

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
                if self.fits(e, list(modifiers)):
                    return e
                # "Putin, the Ukrainian president …": the last president met is not the
                # Ukrainian one; the one holder the words fit is, when there is one.
                fitting = self.title_holders(title, before, modifiers) if modifiers else []
                return fitting[0] if len(fitting) == 1 else None
        return None

    def title_holders(self, title: str, before: int, modifiers: list[str] = ()) -> list[Entity]:
        """Everyone met before `before` holding this title whom its other words fit,
        the last first met first."""
        # Over the people met, not every mention of them: a long story says "the
        # minister" thousands of times.
        found = [(at, e) for at, e in self.first_met.values()
                 if at < before and e.kind == "person" and not e.members and title in self.roles.get(e.id, ())
                 and self.fits(e, list(modifiers))]
        return [e for _, e in sorted(found, key=lambda x: -x[0])]

    def last(self, kind: str, before: int) -> Entity | None:
        for at, e, _ in reversed(self.met):
            if at < before and e.kind == kind and not e.members:
                return e
        return None


@functools.lru_cache(maxsize=4096)
def spelling_key(name: str) -> str:
    """A name with what transliterations vary in taken out: accents, hyphens and
    spaces between its parts, the case, initials and "Jr."/"III", and a word's closing -y/-i/-iy/-yy/-ii
    (Russian and Ukrainian names) and -ey/-ei, in words long enough that it is an
    ending ("Li" and "Ly" stay two names)."""
    plain = unicodedata.normalize("NFKD", _plain_name(name)).encode("ascii", "ignore").decode().lower()
    words = [re.sub(r"(?:[iy]{1,2})$", "y", re.sub(r"e[iy]$", "ey", w)) if len(w) > 4 else w
             for w in re.findall(r"[a-z]+", plain)]
    # Initials and generation marks ("Lloyd J. Austin III") are left out when there is more.
    kept = [w for w in words if len(w) > 1 and w not in ("jr", "sr", "ii", "iii", "iv")]
    words = kept if len(kept) >= 2 else words
    return "".join(words)


def title_words(text: str | None) -> set[str]:
    if not text:
        return set()
    c = cues()
    out = set()
    raw = re.findall(r"[A-Za-z][A-Za-z-]*", text.lower())
    for w in raw:
        w = c.title_abbreviations.get(w, w) or ""
        if w in c.titles or w in c.person_nouns:
            out.add(w)
            out |= {p for p in w.split("-") if p}
    # (Read from the words as written: "Rep. Lee" is a lawmaker, "the representative of Japan" is not.)
    out |= {kind for kind, titles in c.title_kinds.items() if set(raw) & set(titles)}
    return out


def _name_part(alias: str) -> list[str]:
    """The words of an alias after its title ("Defence Minister Kim" -> ["Kim"]): a
    word of the title is nobody's name."""
    words = _plain_name(alias).split()
    titled = [k for k, w in enumerate(words) if title_words(w)]
    return words[titled[-1] + 1:] if titled else words


def _plain_name(name: str) -> str:
    return re.sub(r"\s*\([^)]*\)", "", name).strip()


def _person(p: Person) -> Entity:
    return Entity(id=p.id, name=p.name, kind=p.kind, role=p.role, org=p.org, known=True)


def link(doc: Doc, people: dict[str, Person], outlets: dict[str, str] | None = None) -> None:
    """Fill doc._.entity_at (token index -> Entity) for every name mention."""
    roster = Roster(people, outlets=outlets or {}, paragraphs=[0] + [t.i + 1 for t in doc if t.is_space and "\n\n" in t.text])
    at: dict[int, Entity] = {}
    # Acronyms in brackets the NER left untagged ("… of Sylvania (SBS)") are read in
    # their place, so the body they are given for is met by then.
    bracketed = [Span(doc, t.i, t.i + 1, label="ORG") for t in doc[1:-1]
                 if not t.ent_type_ and doc[t.i - 1].text == "(" and doc[t.i + 1].text == ")" and t.text.isupper()]
    for ent in sorted([*doc.ents, *bracketed], key=lambda s: s.start):
        ent = _whole_name(ent)
        e = _acronym_of(ent, at, roster)
        if e is None and not ent[0].ent_type_:
            continue  # a bracketed word that names no body given before it
        e = e or _entity_of(ent, roster)
        if e is None:
            continue
        if e is not AMBIGUOUS:
            roster.meet(ent.start, e, _role_words(ent), _described(ent))
        for t in ent:
            at[t.i] = e
    # A name printed in capitals as the subject of its sentence ("ROSEMARY DICARLO, Under-
    # Secretary-General …, said"), as meeting records print speakers; the NER, trained
    # on ordinary case, leaves it out.
    for first, last in _capitals_subjects(doc, at):
        name = " ".join(t.text.capitalize() for t in doc[first:last + 1])
        e = roster.known_spelling(name) or Entity(id=urls.slug(name), name=name, kind="person", known=False)
        roster.meet(first, e, set(), set())
        for t in doc[first:last + 1]:
            at[t.i] = e
    # Proper nouns the NER left out ("Shoigu told", "Yu said") that name someone met before.
    for t in doc:
        if t.i in at or t.pos_ != "PROPN" or not t.is_title:
            continue
        e = roster.by_word(t.text, t.i)
        if e is not None:
            at[t.i] = e
    for t in doc:
        if t.i not in at and t.text in roster.acronyms:
            at[t.i] = roster.acronyms[t.text]  # "The SBS said", untagged
    doc._.entity_at = at
    doc._.roster = roster


def _capitals_subjects(doc: Doc, at: dict[int, Entity]) -> list[tuple[int, int]]:
    """(first, last) token of each run of two to four capitalised words, none of them
    known or a title or body word, whose last word is a subject."""
    c = cues()
    out = []
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and j - i < 5 and doc[j].pos_ == "PROPN" and doc[j].is_upper and doc[j].is_alpha \
                and len(doc[j]) >= 2 and j not in at and doc[j].ent_type_ in ("", "PERSON") \
                and doc[j].lower_ not in c.titles and doc[j].lower_ not in c.org_words:
            j += 1
        if 2 <= j - i <= 4 and doc[j - 1].dep_ == "nsubj" and (j == len(doc) or not doc[j].is_upper or not doc[j].is_alpha) \
                and (i == 0 or not (doc[i - 1].is_upper and doc[i - 1].is_alpha)):
            out.append((i, j - 1))
        i = max(j, i + 1)
    return out


def _acronym_of(ent: Span, at: dict[int, Entity], roster: Roster) -> Entity | None:
    """ "Defence Intelligence of Ukraine (DIU) said … The DIU claimed": an acronym
    given in brackets after a body's name is that body, there and from then on."""
    text = ent.text.strip()
    if len(ent) != 1 or not (2 <= len(text) <= 8 and text.isupper() and text.isalpha()):
        return None
    if text in roster.acronyms:
        return roster.acronyms[text]
    doc = ent.doc
    if ent.start >= 2 and doc[ent.start - 1].text == "(" and ent.end < len(doc) and doc[ent.end].text == ")":
        named = at.get(doc[ent.start - 2].i)
        head = doc[ent.start - 2]
        if named is None and head.lemma_.lower() in cues().org_words and head.pos_ in ("NOUN", "PROPN"):
            # "Ukraine's military intelligence (HUR)": the body the phrase names.
            phrase = doc[head.left_edge.i: head.i + 1]
            name = re.sub(r"^(?:the|The|a|an)\s+", "", phrase.text).strip()
            named = Entity(id=urls.slug(name), name=name, kind="organization", known=False)
            roster.meet(phrase.start, named)
            for t in phrase:
                at.setdefault(t.i, named)  # the country in "Ukraine's" stays the country
        if named is not None and named is not AMBIGUOUS and named.kind == "organization":
            if not named.known and "(" not in named.name:
                # Named as the text names it, with its acronym: "Security Service of Ukraine (SBU)".
                whole = dataclasses.replace(named, name=f"{named.name} ({text})")
                for i, e in list(at.items()):
                    if e is named:
                        at[i] = whole
                roster.met[:] = [(k, whole if e is named else e, w) for k, e, w in roster.met]
                named = whole
            roster.acronyms[text] = named
            return named
        return None
    # "The European Union is alarmed … The EU urges …": the initials of the one body met
    # whose name they spell.
    spelt = {e.id: e for _, e in roster.first_met.values() if e.kind == "organization" and not e.members
             and _initials(e.name) == text}
    if len(spelt) == 1:
        named = next(iter(spelt.values()))
        roster.acronyms[text] = named
        return named
    return None


def _initials(name: str) -> str:
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", re.sub(r"\(.*?\)", "", name))
             if w.lower() not in ("of", "the", "and", "for", "on", "in") and not w.endswith(("'s", "’s"))]
    return "".join(w[0] for w in words).upper()


def _whole_name(ent: Span) -> Span:
    """A person's name the NER or an alias cut short ("Choe Son" of "Choe Son Hui";
    the alias "Minister Kim" inside "Minister Kim Jong Gyu") runs on over the
    capitalised words that follow it."""
    if ent.label_ != "PERSON":
        return ent
    doc = ent.doc
    if len(ent) > 1 and ent[0].is_sent_start and ent[0].lower_ in cues().participle_openers:
        # "Meeting Kim on the sidelines …, Putin told him": the clause's verb, not a first name.
        ent = Span(doc, ent.start + 1, ent.end, label="PERSON")
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
            if not title:
                # "Zelenskiy said", met first: the person people.yaml knows by that name.
                found = roster.known_spelling(words[0])
                if found is not None:
                    return found
            return AMBIGUOUS if title else None  # a lone name met first: nobody we can name in full
        if all(w.isupper() and len(w) > 1 for w in words):
            words = [w.capitalize() for w in words]  # "ROSEMARY DICARLO": print style, not the name's spelling
        name = " ".join(words)
        # A longer form of a name met before ("Lee" then "Lee Seong-kweun") is that person
        # only if it is the same full name.
        for _, e, _ in roster.met:
            if e.kind == "person" and _plain_name(e.name).lower() == name.lower():
                return e
        known = roster.known_spelling(name)
        if known is not None:
            return known
        return Entity(id=urls.slug(name), name=name, kind="person", role=_appositive(ent) or _title_phrase(ent), known=False)
    # FAC too: "the Pentagon", "the Kremlin", a building that stands for who works in it.
    if ent.label_ in ("ORG", "NORP", "GPE", "FAC"):
        if len(ent) == 1 and ent[0].pos_ == "PROPN":
            # A surname the NER took for a body ("Zelenskyy said"): the person met before.
            word = _name_words(ent)[0] if _name_words(ent) else ent.text
            found = roster.by_word(word, ent.start)
            if found is None and ent.label_ == "ORG":
                found = roster.known_spelling(word)
            if found is not None:
                return found  # AMBIGUOUS too: a name two people met share is nobody's body
            c = cues()
            if any(ch.dep_ == "appos" and (ch.lemma_.lower() in c.person_nouns or ch.lemma_.lower() in c.titles)
                   for ch in ent[0].children):
                return None  # "Vellman, the national security adviser": a person, not named in full
        name = re.sub(r"^(?:the|The)\s+", "", ent.text)
        name = re.sub(r"['’]s?$", "", name).strip()
        owner = _owner(ent)
        if owner and not name.startswith(owner):
            name = f"{owner}'s {name}"  # "Ukraine's General Staff": whose body it is
        first, _, rest = name.partition(" ")
        if rest and first.lower() in cues().quantifier_words:
            name = rest
        if not name or not re.search(r"[A-Za-z]", name):
            return None
        owned: dict[str, Entity] = {}
        places = None
        for _, e, _ in roster.met:
            if e.kind == "organization" and e.name.lower() == name.lower():
                return e
            m = re.match(r"^(.+?)['’]s\s+(.+)$", e.name) if not owner and e.kind == "organization" else None
            if m is not None and m.group(2).lower() == name.lower():
                # (Only a body owned by a place met as such: "Democratic People's Republic of
                # Korea" is no "Republic of Korea" of its people.)
                places = places if places is not None else {x.name.lower() for _, x, _ in roster.met if x.kind == "organization"}
                if m.group(1).lower() in places:
                    owned[e.id] = e
        if len(owned) == 1:
            return next(iter(owned.values()))  # "South Korea's Joint Chiefs of Staff" … "the Joint Chiefs of Staff"
        return Entity(id=urls.slug(name), name=name, kind="organization", known=False)
    return None


def _owner(ent: Span) -> str | None:
    """The country a body's name is given with ("Ukraine's General Staff"), when the
    NER left it out of the name."""
    doc = ent.doc
    if ent.label_ != "ORG" or ent.start < 2 or doc[ent.start - 1].lower_ not in ("'s", "’s"):
        return None
    owner = doc[ent.start - 2]
    if owner.ent_type_ != "GPE" or owner.head.i not in range(ent.start, ent.end):
        return None
    start = owner.i
    while start > 0 and doc[start].ent_iob_ == "I":  # "South Korea": back to where the name begins
        start -= 1
    return doc[start: owner.i + 1].text


def _name_words(ent: Span) -> list[str]:
    """The name without titles, possessive and stray punctuation."""
    c = cues()
    text = re.sub(r"['’]s?$", "", ent.text.strip())
    # ("Lin Jian's Regular Press Conference": the NER ran on past the owner's name.)
    text = re.split(r"['’]s\s", text)[0] if ent.label_ == "PERSON" else text
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
    head = ent.root.head
    if ent.root.dep_ == "appos" and head.i < ent.start:
        # "Ukraine's military intelligence agency, HUR": the phrase the name stands beside.
        words |= _words(doc[head.left_edge.i: head.i + 1].text)
    return words | _words(_appositive(ent))


def _role_words(ent: Span) -> set[str]:
    """Title words standing before the name or in its appositive."""
    words = set()
    doc = ent.doc
    for t in ent[:-1]:  # ("Minister" of "First Vice Foreign Minister Kim Hong-kyun" the NER took into the name)
        if not title_words(t.text):
            break
        words |= title_words(t.text)
    i = ent.start - 1
    while i >= 0 and doc[i].dep_ in ("compound", "amod", "nmod", "punct") and doc[i].head.i >= ent.start and i >= ent.start - 6:
        words |= title_words(doc[i].text)
        i -= 1
    appos = _appositive(ent)
    if appos:
        words |= title_words(appos)
    head = ent.root.head
    if ent.root.dep_ == "appos" and head.i < ent.start:
        # "The representative of the Republic of Korea, Joonkook Hwang, said": the name
        # in apposition to the title it holds.
        words |= title_words(head.text)
    return words


def _title_phrase(ent: Span) -> str | None:
    """ "Russia's Foreign Ministry spokeswoman Maria Zakharova", "Mayor Jane Doe": the
    words before the name that say what the person is, when they hold a title."""
    doc = ent.doc
    i = ent.start - 1
    while i >= 0 and i >= ent.start - 8 and doc[i].dep_ in ("compound", "amod", "nmod", "poss", "case") \
            and doc[i].head.i >= i and doc[i].head.i < ent.end:
        i -= 1
    inside = [t for t in ent if title_words(t.text)]  # "Mayor" the NER took into the name
    start = i + 1
    if start == ent.start and not inside:
        return None
    end = inside[-1].i + 1 if inside and start == ent.start else ent.start
    text = doc[start:end].text.strip(" ,")
    return text if title_words(text) and len(text) < 120 else None


def inserted_teller(name: Token) -> Token | None:
    """"Putin, the Ukrainian president told MEPs, has brought 11,000 soldiers": an
    inserted "the president told MEPs" the parser reads as "Putin, the president" told.
    No comma closes the appositive before the verb, and what follows the insertion is a
    verb with no subject of its own, the name's: the teller is the appositive, which
    says nothing of the name."""
    verb = name.head
    if name.dep_ != "nsubj" or name.pos_ != "PROPN" or verb.pos_ != "VERB" or verb.i < name.i:
        return None
    appos = next((ch for ch in name.children if ch.dep_ == "appos" and ch.i > name.i), None)
    if appos is None or appos.right_edge.i + 1 != verb.i \
            or not any(t.lower_ in ("the", "a", "an") for t in appos.children if t.dep_ == "det"):
        return None
    rest = next((ch for ch in verb.children if ch.dep_ == "conj" and ch.i > verb.i), None)
    if rest is None or any(ch.dep_ in ("nsubj", "nsubjpass") for ch in rest.children):
        return None
    if not any(t.text == "," for t in verb.doc[verb.i + 1: rest.left_edge.i + 1]):
        return None
    return appos


def _appositive(ent: Span) -> str | None:
    """ "Yu, a People Power Party lawmaker, …": the appositive's words."""
    root = ent.root
    if inserted_teller(root) is not None:
        return None
    for child in root.children:
        if child.dep_ == "appos" and child.i >= ent.end:  # not a piece of the name ("Min-ho")
            span = ent.doc[child.left_edge.i: child.right_edge.i + 1]
            text = span.text.strip(" ,")
            return text if len(text) < 120 else None
    return None


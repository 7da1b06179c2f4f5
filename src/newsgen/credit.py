"""Who is credited with a claim, settled against content/people.yaml after extraction.

Three rules the extractor's guess must meet before claims are merged:
- people.yaml's names and aliases always match, whatever the quote marks or case
  ("Central Military Commission of the ruling Workers’ Party" is the alias);
- a joint statement ("Lloyd Austin and Kim Yong-hyun said") credits each person:
  the first is the speaker, the others Claim.joint; a name joining two names with
  "and" is never one speaker;
- an institution's statement is the institution's unless a person is named as
  saying it: a claim credited to a listed person whose sentences never name them
  but do name their organisation ("the White House said") is the organisation's,
  unless the story names that person as saying something (its spokesperson).
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable, Sequence

from newsgen import urls
from newsgen.model import Claim, Person, Speaker

_AND = re.compile(r"\s+(?:and|&)\s+|,\s+(?:and\s+)?")
_ARTICLE = re.compile(r"^the\s+", re.I)
# A part of a joined name stands alone as a name when it is all capitalised words
# ("Kim Yong-hyun", "Seoul"); "South Korean defense officials" is a description.
_PROPER = re.compile(r"^(?:[A-Z][\w.'’-]*)(?:\s+(?:[A-Z][\w.'’-]*|of|the|de|al))*$")


def _key(name: str) -> str:
    return _ARTICLE.sub("", name.replace("’", "'").strip()).casefold()


class People:
    """people.yaml looked up by any name, alias or id, quote marks and case aside."""

    def __init__(self, people: Sequence[Person]) -> None:
        self.people = people
        self.by_key: dict[str, Person] = {}
        for p in people:
            for n in (p.id, p.name, *p.aliases):
                self.by_key.setdefault(_key(n), p)

    def find(self, name: str | None) -> Person | None:
        return self.by_key.get(_key(name)) if name else None

    def names(self, p: Person) -> tuple[str, ...]:
        """The words that name p in a sentence: its name, aliases and, for a person, surname."""
        out = [p.name, *p.aliases]
        if p.kind == "person" and len(p.name.split()) > 1:
            out.append(p.name.split()[-1] if not p.name.split()[0].isupper() else p.name.split()[0])
        return tuple(n for n in out if len(n) > 2)

    def org_names(self, org: str) -> tuple[str, ...]:
        o = self.find(org)
        return (org,) + (self.names(o) if o else ())


def speaker_of(p: Person) -> Speaker:
    return Speaker(id=p.id, name=p.name, role=p.role, org=p.org, kind=p.kind, known=True)


def _split(name: str, people: People) -> list[Speaker] | None:
    """The speakers of a name joining several with "and", or None when it is one name."""
    if people.find(name) or not _AND.search(name):
        return None
    parts = [p.strip() for p in _AND.split(name) if p.strip()]
    if len(parts) < 2:
        return None
    out = []
    for part in parts:
        known = people.find(part)
        if known is not None:
            out.append(speaker_of(known))
        elif _PROPER.match(part):
            out.append(Speaker(id=urls.slug(part), name=part, known=False))
        else:
            return None
    return out


def _says(text: str, names: Iterable[str]) -> bool:
    flat = text.replace("’", "'")
    return any(re.search(rf"(?<!\w){re.escape(n.replace('’', chr(39)))}(?!\w)", flat, re.I) for n in names)


_VERB = r"(?:said|says|say|stated|announced|told|added|noted|warned|confirmed|estimated|believes|assessed)"


def _speaks(text: str, names: Iterable[str]) -> bool:
    """A name standing as the one who says it: "the White House said", "according to the White House"."""
    flat = text.replace("’", "'")
    for n in names:
        name = re.escape(n.replace("’", "'"))
        if re.search(rf"(?<!\w){name}(?:'s)?\s+(?:[\w-]+\s+){{0,3}}?{_VERB}\b|according\s+to\s+(?:the\s+)?{name}(?!\w)", flat, re.I):
            return True
    return False


def _resolve(sp: Speaker, people: People) -> Speaker:
    known = people.find(sp.id) or people.find(sp.name)
    if known is None:
        return sp
    if sp.known and sp.id == known.id:
        return sp
    return speaker_of(known)


def credit(c: Claim, people: People, named_in_story: frozenset[str] = frozenset()) -> Claim:
    if c.speaker is None:
        return c
    speakers = list(c.speakers)
    if not c.joint:
        split = _split(c.speaker.name, people)
        if split:
            speakers = split
    speakers = [_resolve(s, people) for s in speakers]
    if len(speakers) == 1 and speakers[0].id not in named_in_story:
        speakers = [_institution(c, speakers[0], people)]
    speakers = list({s.id: s for s in speakers}.values())
    first, rest = speakers[0], tuple(speakers[1:])
    if first == c.speaker and rest == c.joint:
        return c
    return replace(c, speaker=first, joint=rest)


def _institution(c: Claim, sp: Speaker, people: People) -> Speaker:
    """The organisation, when the claim's sentences name it and never the person."""
    person = people.find(sp.id)
    if person is None or person.kind != "person" or not person.org:
        return sp
    sentences = [c.text] + [r.sentence for r in c.reports]
    if any(_says(t, people.names(person)) for t in sentences):
        return sp
    org = people.find(person.org)
    if org is None or not any(_speaks(t, people.org_names(person.org)) for t in sentences):
        return sp
    return speaker_of(org)


def credited(claims: Iterable[Claim], people: Sequence[Person]) -> list[Claim]:
    """Each claim credited (see credit). A person the story names as saying something
    keeps the statements it credits to them: the article has said who speaks for the
    institution ("the Pentagon said", then "Sabrina Singh said on Monday")."""
    index = People(people)
    claims = list(claims)
    named: dict[str, set[str]] = {}
    for c in claims:
        p = index.find(c.speaker.id) if c.speaker else None
        if p is not None and c.reports and _says(c.text, index.names(p)):
            named.setdefault(c.reports[0].story, set()).add(p.id)
    return [credit(c, index, frozenset(named.get(c.reports[0].story, ()) if c.reports else ())) for c in claims]

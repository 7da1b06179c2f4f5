"""Who a noun phrase names: a person or an organisation, known or found in the text.

The attribution finder hands over the words that name a speaker ("National Security
Council spokesman John Kirby", "Minister Kim", "he", "the DIU", "U.S. officials").
This module turns them into one `Entity`, using, in order:

1. content/people.yaml: a person's name or alias (case-insensitive; all-capital
   aliases such as "UN" only in capitals, so "Kim Jong Un" never reads as the UN);
2. people already named in full in this story ("Ryder" after "Pat Ryder");
3. the phrase itself: title words + capitalised name → a person found in the text,
   an organisation word or an acronym → an organisation, a plural group qualified by
   a proper name ("U.S. officials", "Kyiv's intelligence authorities") → an
   organisation-kind group.

A name spelled another way ("Zelenskyy", "Zelenskiy", "Kim Jong-un", "Lloyd J.
Austin III") is the known person when exactly one has the same first name and
surname stem (`Roster.by_spelling`); a lone surname bends only when it is longer
than four letters and fits one person. "TITLE, NAME, said" ("Ukraine's president,
Volodymyr Zelenskyy, said") names the person in apposition. "The spy agency" is the
latest organisation whose name has that head or a synonym (agency/service/bureau).

Short forms (a surname, "Minister Kim", "Major General Ryder") resolve only when
exactly one person in the story fits: the title words of the mention must all occur
in that person's title. Two people who share a surname are never merged; when the
short form fits both, the answer is "unknown" rather than a guess.

An envoy the text does not name speaks for the country: "the representative of
Japan", "Russia's representative" → Japan, Russia (UN meeting coverage); a named
one ("The representative of the Republic of Korea, Joonkook Hwang,") is the person.
A person never named in full is unknown, never a capital: "Ms. Lee" (an honorific)
or "Kirby, the national security adviser," (a title in apposition) with no Lee or
Kirby known. Only lower-case particles are dropped from the start of a name
("Du Hyeogn Cha", "Van Hollen" keep theirs).

Unqualified groups ("analysts", "some experts", "officials") and the pronouns it /
they / we name nobody in particular: they resolve to None on purpose.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Sequence

from newsgen import urls
from newsgen.extract.lexicon import ABBREVIATIONS as _ABBREV, GROUP_WORDS, ORG_WORDS, PEOPLE_GROUP_WORDS, PLACE_WORDS, TITLE_WORDS
from newsgen.model import Person, Speaker

# Lower-case words a speaker's description may contain besides titles and groups.
_NP_FILLERS = frozenset(
    """
    the a an of for and at in on to 's ’s another one two three several some many unnamed
    anonymous local regional state federal joint deputy top senior defense defence spy
    intelligence military security foreign national press government presidential
    """.split()
)
_PRONOUNS = {"he": "person", "she": "person"}
_NON_SPEAKERS = frozenset("it they we i you this that these those there who which what".split())
_PARTICLES = frozenset("bin al al- el de del della di da dos du van von der den le la ter mac".split())
_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())
_ACRONYM = re.compile(r"^(?:[A-Z]{2,6}|(?:[A-Z]\.){2,4})$")
_TOKEN = re.compile(r"\([^()]*\)|[^\W\d_][\w.'’-]*|\d[\w.,-]*|[,;:&]")


def _norm_word(word: str) -> str:
    w = word.lower().strip(".,").replace("’", "'")
    return _ABBREV.get(w, w)


def _words(text: str) -> list[str]:
    return [_norm_word(w) for w in re.findall(r"[\w.'’-]+", text or "")]


# Courtesy titles say nothing about which office someone holds.
_HONORIFICS = frozenset("mr mrs ms miss mx dr sir dame lord".split())


def title_words(text: str | None) -> frozenset[str]:
    """Normalised title words of a role ("Maj. Gen." → {"major", "general"})."""
    return frozenset(w for w in _words(text or "") if w in TITLE_WORDS and w not in _HONORIFICS)


@dataclass(frozen=True)
class Entity:
    """A speaker as this story knows it."""

    id: str
    name: str
    role: str | None = None
    org: str | None = None
    kind: str = "person"
    known: bool = False
    keys: tuple[str, ...] = ()  # lower-case short forms: surname(s), acronym
    titles: frozenset[str] = frozenset()  # normalised title words from role and aliases
    members: tuple[str, ...] = ()  # ids of the people in a joint statement

    def speaker(self) -> Speaker:
        return Speaker(id=self.id, name=self.name, role=self.role, org=self.org,
                       kind=self.kind, known=self.known)  # type: ignore[arg-type]

    def includes(self, other: "Entity | None") -> bool:
        """Same speaker, or one of a joint speaker's members."""
        if other is None:
            return False
        return other.id == self.id or other.id in self.members or self.id in other.members


# A resolution that fits more than one person: "unknown", never a guess.
AMBIGUOUS = Entity(id="", name="", kind="person")


def _name_keys(name: str, kind: str) -> tuple[str, ...]:
    if kind != "person":
        acr = re.findall(r"\(([A-Z][A-Z.]{1,7})\)", name)
        return tuple(a.lower() for a in acr)
    toks = [t for t in re.findall(r"[^\W\d_][\w'’-]*", name) if t.lower() not in _SUFFIXES]
    if len(toks) < 2:
        return tuple(t.lower() for t in toks)
    # Surname last in Western order, first in Korean/Chinese order ("Kim Yong-hyun").
    return tuple(dict.fromkeys([toks[-1].lower(), toks[0].lower()]))


def entity_from_person(p: Person) -> Entity:
    titles = title_words(p.role) | frozenset().union(*(title_words(a) for a in p.aliases)) if p.aliases else title_words(p.role)
    return Entity(
        id=p.id, name=p.name, role=p.role, org=p.org, kind=p.kind, known=True,
        keys=_name_keys(p.name, p.kind), titles=titles,
    )


def found_entity(name: str, role: str | None, kind: str, org: str | None = None) -> Entity:
    return Entity(
        id=urls.slug(name), name=name, role=role or None, org=org, kind=kind, known=False,
        keys=_name_keys(name, kind), titles=title_words(role),
    )


def _full_names(aliases: Sequence[tuple[re.Pattern, Entity, int]]) -> list[tuple[str, re.Pattern, Entity]]:
    return [(p.pattern.split("\\s+")[0].replace("(?<![\\w.])", "").replace("\\", "").lower(), p, e)
            for p, e, _ in aliases if e.kind == "person" and "\\s+" in p.pattern]


_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


@functools.lru_cache(maxsize=8)
def _known_people(people: tuple[Person, ...]) -> tuple[tuple[Entity, ...], tuple[tuple[re.Pattern, Entity, int], ...],
                                                       tuple[tuple[str, re.Pattern, Entity], ...],
                                                       tuple[str | None, ...]]:
    """The entities of people.yaml and the pattern of each name and alias (see Roster)."""
    known = tuple(entity_from_person(p) for p in people)
    aliases, needles = [], []
    for p, e in zip(people, known):
        for form in (p.name, *p.aliases):
            form = form.strip()
            if not form:
                continue
            flags = 0 if _ACRONYM.match(form) else re.IGNORECASE
            pat = re.compile(r"(?<![\w.])" + re.escape(form).replace(r"\ ", r"\s+") + r"(?![\w])", flags)
            aliases.append((pat, e, len(form)))
            # In ASCII text an ASCII name matches only where each of its words occurs
            # in lower case (the pattern's spaces are the only thing it bends).
            needles.append(max(form.lower().split(" "), key=len) if form.isascii() else None)
    return known, tuple(aliases), tuple(_full_names(aliases)), tuple(needles)


@dataclass
class Context:
    """What the story has said so far, for pronouns and "the statement"."""

    last_person: Entity | None = None
    last_speaker: Entity | None = None
    # The last group of named people that spoke together ("A and B told reporters"):
    # what a later "the lawmakers" or "they" stands for.
    last_group: Entity | None = None


@dataclass
class Roster:
    """Known people plus the people and bodies this story has named so far."""

    known: list[Entity]
    seen: list[Entity] = field(default_factory=list)
    _aliases: list[tuple[re.Pattern, Entity, int]] = field(default_factory=list)
    _full: list[tuple[str, re.Pattern, Entity]] | None = None
    # For each of _aliases, the longest lower-case word its pattern needs in the text
    # (None: no such test, as for a name with non-ASCII letters, where case folding is wider).
    _needles: tuple[str | None, ...] | None = None

    @classmethod
    def build(cls, people: Sequence[Person]) -> "Roster":
        # Every story starts from the same people.yaml: its entities and patterns are
        # made once per process, not once per story (they are never changed).
        known, aliases, full, needles = _known_people(tuple(people))
        return cls(known=list(known), _aliases=list(aliases), _full=list(full), _needles=needles)

    def full_names(self) -> list[tuple[str, re.Pattern, Entity]]:
        """Known people's names of two words or more, with their first word lower-cased
        (a cheap test before the pattern)."""
        if self._full is None:
            self._full = _full_names(self._aliases)
        return self._full

    # -- looking up ------------------------------------------------------------

    def known_in(self, phrase: str) -> tuple[Entity, int, int] | None:
        """The known entity named in `phrase` whose mention ends last (the head of a
        noun phrase is its end: "State Department spokesperson Matthew Miller")."""
        best = None
        # The test holds wherever no character case-folds onto an ASCII letter ("İ", "ı",
        # "ſ" and the Kelvin sign are the only ones that do).
        asciilike = phrase.isascii() or not _FOLDS_TO_ASCII.search(phrase)
        needles = self._needles
        if needles is None or len(needles) != len(self._aliases) or not asciilike:
            needles = (None,) * len(self._aliases)
        low = phrase.lower()
        for (pat, e, length), needle in zip(self._aliases, needles):
            if needle is not None and needle not in low:
                continue  # a cheap test: a word the pattern needs is missing
            for m in pat.finditer(phrase):
                key = (m.end(), m.end() - m.start())
                if best is None or key > best[0]:
                    best = (key, e, m.start(), m.end())
        return (best[1], best[2], best[3]) if best else None

    def note(self, e: Entity) -> Entity:
        """Remember a speaker named in full; returns the stored (first) version."""
        if e is AMBIGUOUS or not e.id:
            return e
        for i, s in enumerate(self.seen):
            if s.id == e.id:
                if s.role is None and e.role:
                    self.seen[i] = e if not s.known else s
                return self.seen[i]
        self.seen.append(e)
        return e

    def by_key(self, key: str, titles: frozenset[str], kind: str = "person") -> Entity | None:
        """The one person of this story (else of people.yaml) with this short form whose
        titles include `titles`; AMBIGUOUS when several fit, None when none does."""
        key = key.lower()
        for pool in (self.seen, self.known):
            cands = [e for e in pool if e.kind == kind and key in e.keys]
            if not cands:
                continue
            fit = [e for e in cands if titles <= e.titles] if titles else cands
            if len(fit) == 1:
                return fit[0]
            if len(fit) > 1:
                return AMBIGUOUS
            # Someone of this story has that name but another title: perhaps a
            # different person, perhaps a title the text did not give. Not a guess.
            return AMBIGUOUS if pool is self.seen else None
        return None

    def by_spelling(self, name: str) -> Entity | None:
        """The one person (of this story, else of people.yaml) whose name is `name`
        spelled another way: "Volodymyr Zelenskyy" / "Zelenskiy" for Zelensky,
        "Kim Jong-un" for Kim Jong Un, "Lloyd J. Austin III" for Lloyd Austin. Same
        first name and the same surname stem; None unless exactly one fits."""
        key = _spelling_key(name)
        if key is None:
            return None
        for pool in (self.seen, self.known):
            fit = {e.id: e for e in pool if e.kind == "person" and not e.members and _spelling_key(e.name) == key}
            if len(fit) == 1:
                return next(iter(fit.values()))
            if len(fit) > 1:
                return None
        return None

    def by_key_spelling(self, key: str, titles: frozenset[str]) -> Entity | None:
        """A surname spelled another way ("Zelenskyy" for a known Zelensky); only a
        unique fit, and only for surnames of more than four letters (short Korean
        surnames are shared by too many people to bend)."""
        stem = _stem(key)
        if len(stem) < 5:
            return None
        for pool in (self.seen, self.known):
            fit = {e.id: e for e in pool if e.kind == "person" and not e.members
                   and any(_stem(k) == stem for k in e.keys) and (not titles or titles <= e.titles)}
            if len(fit) == 1:
                return next(iter(fit.values()))
            if fit:
                return None
        return None

    def by_title(self, titles: frozenset[str], ctx: Context) -> Entity | None:
        """"the minister": the most recent speaker whose title has those words."""
        for e in reversed(self.seen):
            if e.kind == "person" and titles and titles <= e.titles:
                return e
        return None


def _stem(word: str) -> str:
    """A surname without the endings transliterations disagree on: Zelensky,
    Zelenskyy, Zelenskiy and Zelenskij all give "zelensk"."""
    w = re.sub(r"[^a-z]", "", word.lower())
    return re.sub(r"(?:iy|yy|ij|ii|y|i)$", "", w) if len(w) > 4 else w


def _spelling_key(name: str) -> tuple[str, ...] | None:
    """First name and surname stem of a person's name, ignoring middle initials,
    suffixes and how a Korean given name is split ("Jong-un" / "Jong Un")."""
    toks = [t for t in re.findall(r"[^\W\d_][\w'’-]*\.?", name)
            if not re.fullmatch(r"[A-Z]\.?", t) and t.lower().rstrip(".") not in _SUFFIXES]
    if len(toks) < 2:
        return None
    given = toks[1:]
    if "-" in given[-1] or (len(given) >= 2 and len(toks[0]) <= 4 and all(len(t) <= 4 for t in given)):
        # Korean order: family name, then a given name however it is split.
        return (toks[0].lower(), re.sub(r"[^a-z]", "", "".join(given).lower()))
    return (toks[0].lower(), _stem(toks[-1]))


def _is_bare_name(text: str) -> bool:
    """Two to four name words and nothing else: "Volodymyr Zelenskyy", "Kim Jong-un"."""
    toks = _tokens(text.strip(" ,"))
    return 2 <= len(toks) <= 4 and all(_is_name_token(t) for t in toks) and toks[0] not in _PARTICLES


# "the spy agency" may name the National Intelligence Service: heads that stand for each other.
_ORG_HEAD_SYNONYMS = {
    w: frozenset({"agency", "service", "directorate", "bureau"}) for w in ("agency", "service", "directorate", "bureau")
}


# --- parsing a speaker phrase --------------------------------------------------------


def _tokens(phrase: str) -> list[str]:
    return _TOKEN.findall(phrase)


def _is_name_token(tok: str) -> bool:
    if tok.lower() in _PARTICLES or tok.lower() in _SUFFIXES:
        return True
    if re.fullmatch(r"[A-Z]\.", tok):  # a middle initial
        return True
    if not tok[:1].isupper() or _ACRONYM.match(tok) or tok.endswith(("'s", "’s")):
        return False
    return _norm_word(tok) not in TITLE_WORDS and tok.lower() not in ORG_WORDS | PLACE_WORDS


def _strip_determiner(phrase: str) -> tuple[str, str]:
    m = re.match(r"(?i)^(the|a|an|another|one)\s+", phrase)
    if not m:
        return "", phrase
    return m.group(1).lower(), phrase[m.end():]


def _np_ok(tokens: list[str]) -> bool:
    """A phrase can name a speaker only if every lower-case word in it is a title,
    an organisation or group word, or a filler ("of", "the", "senior")."""
    if not tokens or len(tokens) > 14:
        return False
    for t in tokens:
        if t.startswith("(") or t in ",&" or t[:1].isupper() or t[:1].isdigit():
            continue
        w = _norm_word(t)
        if w in TITLE_WORDS or w in ORG_WORDS or w in GROUP_WORDS or w in _NP_FILLERS or t.lower() in _PARTICLES:
            continue
        if w.endswith(("'s", "’s")) and w[:-2] in ORG_WORDS | TITLE_WORDS:
            continue
        return False
    return True


def clean_org_name(phrase: str) -> str:
    """ "Ukraine's Defense Intelligence of Ukraine (DIU)" → "Defense Intelligence of
    Ukraine (DIU)": a possessive that the name repeats adds nothing."""
    m = re.match(r"^([A-Z][\w.-]*)['’]s\s+(.*)$", phrase)
    if m and re.search(r"\b" + re.escape(m.group(1)) + r"\b", m.group(2)):
        return m.group(2)
    return phrase


def _role_from(tokens: list[str]) -> str | None:
    # Drop leading words that cannot start a title (left-over adverbs, dates).
    while tokens and not (tokens[0][:1].isupper() or _norm_word(tokens[0]) in TITLE_WORDS):
        tokens = tokens[1:]
    role = " ".join(tokens).strip(" ,")
    return role or None


def _appositive_role(appositive: str | None) -> tuple[str | None, str | None]:
    """", the Principal Deputy Spokesperson of the State Department," → role, org."""
    if not appositive:
        return None, None
    text = appositive.strip(" ,")
    _, text = _strip_determiner(text)
    toks = _tokens(text)
    if not toks or not any(_norm_word(t) in TITLE_WORDS for t in toks):
        return None, None
    m = re.match(r"^(.*?\b(?:%s))\s+(?:of|for|at)\s+(?:the\s+)?(.+)$" % "|".join(
        sorted((re.escape(w) for w in TITLE_WORDS), key=len, reverse=True)), text, re.IGNORECASE)
    if m and m.group(2)[:1].isupper():
        return m.group(1).strip(), m.group(2).strip()
    return text, None


def resolve(phrase: str, roster: Roster, ctx: Context, appositive: str | None = None) -> Entity | None:
    """The speaker a phrase names; None when it names nobody in particular, AMBIGUOUS
    when it names someone but could be more than one person.

    Adds people named in full to the roster, so later short forms find them.
    """
    phrase = re.sub(r"\s+", " ", phrase).strip(" ,;:")
    # "…, and Western officials believe": the conjunction joins clauses, not names.
    phrase = re.sub(r"^(?:and|but|or|yet|so)\s+", "", phrase, flags=re.IGNORECASE)
    if not phrase:
        return None
    low = phrase.lower()
    if low in _PRONOUNS:
        return ctx.last_person
    group = _named_group(phrase, appositive, roster, ctx)
    if group is not None:
        return group
    of = re.match(r"^((?:%s)(?:\s+(?:%s)){1,3})\s+of\s+(?:the\s+)?(.*[A-Z].*)$" % (_NAME_TOK, _NAME_TOK), phrase)
    if of and _is_bare_name(of.group(1)) and not _group_head(phrase):
        # "Lee Seong-kweun of the ruling People Power Party": the person, of that party.
        return resolve(of.group(1), roster, ctx)
    if low in _NON_SPEAKERS:
        return None
    # "U.S. Defense Secretary Lloyd Austin and South Korean Defense Minister Kim Yong-hyun"
    if " and " in phrase and not _group_head(phrase):
        parts = [p for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", phrase) if p.strip()]
        if len(parts) >= 2:
            ents = [resolve(p, roster, ctx) for p in parts]
            if all(e is not None and e is not AMBIGUOUS for e in ents):
                return _joint(ents)  # type: ignore[arg-type]
            return None
    det, rest = _strip_determiner(phrase)
    tokens = _tokens(rest)
    if not _np_ok(tokens):
        return None
    if appositive and _is_bare_name(appositive) and not _is_name_token(tokens[-1]):
        # "Ukraine's president, Volodymyr Zelenskyy, has said": the title comes
        # first and the name stands in apposition to it.
        return resolve(f"{rest} {appositive.strip(' ,')}", roster, ctx)
    if tokens and tokens[-1].lower() in ("statement", "statements"):
        return _statement_author(rest, roster, ctx)
    delegate = _represented(rest)
    if delegate is not None:
        # "The representative of Japan", "Russia's representative": a country
        # speaking through an envoy the text does not name.
        return roster.note(_same_as_seen(found_entity(clean_org_name(delegate), None, "organization"), roster))
    hit = roster.known_in(rest)
    if hit is not None:
        e, start, end = hit
        tail = rest[end:].strip(" )")
        # The known name must be the head, not a modifier ("White House official").
        if not tail or tail.startswith("("):
            return roster.note(e)
        if e.kind == "organization" and all(_norm_word(t) in TITLE_WORDS for t in _tokens(tail)) and det in ("a", "an", "one", "another"):
            return roster.note(e)  # "a White House official" speaks for the White House
    # Trailing run of name tokens: the person's name.
    run: list[str] = []
    i = len(tokens)
    while i > 0 and _is_name_token(tokens[i - 1]):
        run.insert(0, tokens[i - 1])
        i -= 1
    while run and run[0] in _PARTICLES:  # a name never starts with "van" alone ("Du Hyeogn Cha", "Van Hollen" do)
        run.pop(0)
        i += 1
    after_of = i > 0 and (tokens[i - 1].lower() in ("of", "for") or (
        i > 1 and tokens[i - 1].lower() == "the" and tokens[i - 2].lower() in ("of", "for")))
    if len(run) >= 3 and after_of:
        # "Secretary of State Antony Blinken", "Minister for Europe Anna Berg": the
        # word after "of" completes the title; the name is what follows it.
        run.pop(0)
        i += 1
    title_toks = tokens[:i]
    if tokens and tokens[-1].startswith("(") and _ACRONYM.match(tokens[-1].strip("()")):
        return roster.note(found_entity(clean_org_name(rest), None, "organization"))
    if _group_head(rest):
        # Only a group qualified by a proper name speaks for someone ("U.S. officials").
        if any(t[:1].isupper() for t in tokens[:-1]):
            return roster.note(found_entity(clean_org_name(rest), None, "organization"))
        return None
    has_org_word = any(t.lower() in ORG_WORDS | PLACE_WORDS or _ACRONYM.match(t) for t in tokens)
    if len(run) >= 2 and not any(t.lower() in ORG_WORDS for t in run):
        spelled = roster.by_spelling(" ".join(run))
        if spelled is not None:
            return roster.note(spelled)
        role = _role_from(title_toks)
        a_role, a_org = _appositive_role(appositive)
        e = found_entity(" ".join(run), role or a_role, "person", a_org)
        return roster.note(_same_as_seen(e, roster))
    if len(run) == 1:
        titles = title_words(" ".join(title_toks))
        e = roster.by_key(run[0], titles)
        if e is None:
            e = roster.by_key_spelling(run[0], titles)
        if e is AMBIGUOUS:
            return AMBIGUOUS
        if e is not None:
            return roster.note(e)
        if any(_norm_word(t) in _HONORIFICS for t in title_toks) or title_words(appositive):
            # "Ms. Lee", "Kirby, the national security adviser," whom the text never
            # named in full: a person, not a capital, but which one is not known.
            return None
        if titles:
            role = _role_from(title_toks)
            return roster.note(found_entity(f"{role} {run[0]}", role, "person"))
        if not has_org_word and not det:
            # An unknown single name with no title: a capital ("Moscow said") far more
            # often than an unintroduced person.
            return roster.note(found_entity(run[0], None, "organization"))
    if not run:
        if len(tokens) == 1 and _ACRONYM.match(tokens[0]):
            e = roster.by_key(tokens[0], frozenset(), "organization")
            if e is not None and e is not AMBIGUOUS:
                return roster.note(e)
            e = _by_initials(tokens[0], roster)
            if e is not None:
                return e
            return roster.note(found_entity(tokens[0], None, "organization"))
        last = _norm_word(tokens[-1]) if tokens else ""
        if last in TITLE_WORDS and not has_org_word:
            titles = title_words(rest)
            if det == "the":
                return roster.by_title(titles, ctx)
            return None  # "a senior official": nobody in particular
        if has_org_word or any(t[:1].isupper() for t in tokens):
            if last in TITLE_WORDS and det in ("a", "an", "one", "another"):
                # "a Pentagon official" speaks for the Pentagon.
                body = [t for t in tokens if _norm_word(t) not in TITLE_WORDS or t[:1].isupper()]
                while body and _norm_word(body[-1]) in TITLE_WORDS:
                    body.pop()
                name = " ".join(body).strip()
                if not name:
                    return None
                if _ACRONYM.match(name):
                    e = roster.by_key(name, frozenset(), "organization")
                    if e is not None and e is not AMBIGUOUS:
                        return roster.note(e)
                return roster.note(_same_as_seen(found_entity(name, None, "organization"), roster))
            if not any(t[:1].isupper() for t in tokens):
                # "the ministry": the latest organisation with that word in its name.
                heads = _ORG_HEAD_SYNONYMS.get(last, frozenset({last}))
                for e in reversed(roster.seen):
                    if e.kind == "organization" and heads & set(_words(e.name)):
                        return e
                return None
            return roster.note(_same_as_seen(found_entity(clean_org_name(rest), None, "organization"), roster))
    return None


_DELEGATE = r"(?:(?:permanent|deputy|acting|alternate|chief)\s+)*(?:representative|ambassador|envoy|delegate|delegation)"
_DELEGATE_OF = re.compile(r"^(?i:%s)\s+(?:of|for|from)\s+(?:the\s+)?([A-Z].*)$" % _DELEGATE)
_DELEGATE_POSS = re.compile(r"^([A-Z][^,]*?)['’]s\s+(?i:(?:UN\s+|U\.N\.\s+)?%s)$" % _DELEGATE)


def _represented(rest: str) -> str | None:
    """The country or body an unnamed envoy speaks for: "representative of the
    United States" → "United States"; "Russia's representative" → "Russia"."""
    m = _DELEGATE_OF.match(rest) or _DELEGATE_POSS.match(rest)
    if not m:
        return None
    body = m.group(1).strip()
    toks = _tokens(body)
    if not toks or any(not (t[:1].isupper() or t.lower() in ("of", "the", "and")) for t in toks):
        return None
    if len(toks) >= 2 and all(_is_name_token(t) for t in toks[-2:]):
        return None  # "… of the Republic of Korea Joonkook Hwang": the envoy is named
    return body


def names_unnamed_person(phrase: str) -> bool:
    """ "One official", "a senior presidential official", "his spokesperson": a
    single person the text does not name (so a later "he" is not someone else)."""
    toks = _tokens(_strip_determiner(re.sub(r"\s+", " ", phrase).strip(" ,"))[1])
    return bool(toks) and _norm_word(toks[-1]) in TITLE_WORDS and not any(_is_name_token(t) for t in toks)


def _group_head(phrase: str) -> bool:
    toks = _tokens(phrase)
    return bool(toks) and toks[-1].lower() in GROUP_WORDS


def _same_as_seen(e: Entity, roster: Roster) -> Entity:
    for s in roster.seen:
        if s.id == e.id:
            return s
    return e


def _named_group(phrase: str, appositive: str | None, roster: Roster, ctx: Context) -> Entity | None:
    """A group of people: "two members of the committee, A of X and B of Y," names its
    members in apposition and speaks jointly; "the lawmakers" and "they" then stand
    for that group, but only while it is the latest speaker ("they" after someone
    else spoke could be anyone)."""
    low = phrase.lower()
    if appositive and re.search(r"(?:^|\s)(?:two|three|four|several|[a-z]+s)(?:\s|$)", low.split(" of ")[0]):
        names = _name_list(appositive)
        if len(names) >= 2:
            ents = [resolve(n, roster, ctx) for n in names]
            if all(e is not None and e is not AMBIGUOUS and e.kind == "person" for e in ents):
                return _joint(ents)  # type: ignore[arg-type]
    last = ctx.last_group
    if last is None:
        return None
    if low == "they" and ctx.last_speaker is last:
        return last
    det, rest = _strip_determiner(low)
    if det == "the" and rest in PEOPLE_GROUP_WORDS:
        return last
    return None


def _name_list(text: str) -> list[str]:
    """ "Lee Seong-kweun of the People Power Party and Kim Byung-kee of the Democratic
    Party" → the names; [] unless every part opens with a person's full name."""
    parts = [p.strip() for p in re.split(r",\s*(?:and\s+)?|\s+and\s+(?=[A-Z])", text.strip(" ,")) if p.strip()]
    names = []
    for part in parts:
        m = re.match(r"^((?:%s)(?:\s+(?:%s)){1,3})(?:\s+of\s+.*)?$" % (_NAME_TOK, _NAME_TOK), part)
        if not m or not _is_bare_name(m.group(1)):
            return []
        names.append(m.group(1))
    return names


def _joint(ents: list[Entity]) -> Entity:
    members = tuple(dict.fromkeys(m for e in ents for m in (e.members or (e.id,))))
    name = " and ".join(e.name for e in ents) if len(ents) == 2 else ", ".join(e.name for e in ents[:-1]) + " and " + ents[-1].name
    kind = "person" if all(e.kind == "person" for e in ents) else "organization"
    # Not a person of people.yaml itself, though its members may be.
    return Entity(id=urls.slug(name), name=name, kind=kind, known=False, members=members)


def _statement_author(rest: str, roster: Roster, ctx: Context) -> Entity | None:
    """"The statement" is its author's; "NATO's statement" is NATO's."""
    m = re.match(r"^(.*?)['’]s\s+(?:\w+\s+)?statements?$", rest)
    if m:
        return resolve(m.group(1), roster, ctx)
    return ctx.last_speaker


_NAME_TOK = r"(?:[A-Z][\w'’]*(?:-[\w'’]+)*|[A-Z]\.)"


def _trie(words) -> str:
    """One regex alternation matching `words`, as a trie ("gen(?:eral)?" ...): at each
    position only the branch of the next letter is tried, not every word in turn. A
    longer word is tried before a shorter one it extends, as a longest-first list of
    alternatives would."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return emit(root)


_MENTION = re.compile(r"(?i:\b(?:%s)\.?)\s+((?:%s)(?:\s+(?:%s))+)" % (
    _trie(w for w in TITLE_WORDS if len(w) > 2), _NAME_TOK, _NAME_TOK))


# A full name introduced without a title before it: by its party or body ("Lee
# Seong-kweun of the ruling People Power Party") or by a title in apposition
# ("Dorothy Shea, the deputy U.S. ambassador").
_INTRODUCED = re.compile(
    r"(?<![\w'’-])((?:%s)(?:\s+(?:%s)){1,3})(?=\s+of\s+the\s+(?:[a-z]+\s+){0,2}[A-Z]|,\s+(?:the|a|an)\s+([^,.;]{3,80}))"
    % (_NAME_TOK, _NAME_TOK))


def _person(name: str, role, roster: Roster) -> Entity:
    """A person named in the text: the known one it spells (people.yaml, or a spelling
    variant), else a new entity with the role `role()` finds, merged with one seen before."""
    hit = roster.known_in(name)
    if hit is not None and hit[0].kind == "person":
        return roster.note(hit[0])
    spelled = roster.by_spelling(name)
    if spelled is not None:
        return roster.note(spelled)
    return roster.note(_same_as_seen(found_entity(name, role(), "person"), roster))


def _introduced(text: str, roster: Roster) -> list[Entity]:
    found = []
    for m in _INTRODUCED.finditer(text):
        name = m.group(1)
        if not _is_bare_name(name) or (m.group(2) and not title_words(m.group(2))):
            continue
        if any(_norm_word(t) in _OPENERS for t in name.split()):
            continue
        role = m.group(2).strip() if m.group(2) else None
        found.append(_person(name, lambda: role, roster))
    return found


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Z][\w'’-]*", re.sub(r"\([^)]*\)", "", name)))


def _by_initials(acronym: str, roster: Roster) -> Entity | None:
    """ "the JCS" after "the Joint Chiefs of Staff": the one organisation of this
    story whose capitalised words give the acronym."""
    acr = acronym.replace(".", "").upper()
    fit = {e.id: e for e in roster.seen if e.kind == "organization" and _initials(e.name) == acr}
    return next(iter(fit.values())) if len(fit) == 1 else None


# "the Security Service of Ukraine (SBU)", "the Security Service of Ukraine, the SBU":
# a body named in full with its acronym, one entity under both names.
_EXPANSION = re.compile(
    r"(?<![\w'’-])((?:[A-Z][\w'’-]*\s+(?:(?:of|for|and)\s+(?:the\s+)?)?){1,7}[A-Z][\w'’-]*)\s*(?:\(|,\s+the\s+)([A-Z]{2,6})(?![\w])")


_HAS_ACRONYM = re.compile(r"\([A-Z]{2,6}\)|,\s+the\s+[A-Z]{2,6}\b")


def _expansions(text: str, roster: Roster) -> None:
    for m in _EXPANSION.finditer(text):
        full, acr = m.group(1), m.group(2)
        # "Officials of the Federal Bureau of Investigation (FBI)": where initials fit,
        # the name starts where they do.
        starts = [0] + [w.end() for w in re.finditer(r"\b(?:of|for)\s+(?:the\s+)?", full)]
        fits = [full[i:] for i in starts if _initials(full[i:]) == acr]
        full = fits[0] if fits else full
        words = {w.lower() for w in full.split()}
        if not words & ORG_WORDS or roster.by_key(acr, frozenset(), "organization") not in (None, AMBIGUOUS):
            continue
        hit = roster.known_in(full)
        if hit is not None and hit[0].kind == "organization":
            continue
        roster.note(_same_as_seen(found_entity(f"{clean_org_name(full)} ({acr})", None, "organization"), roster))


def mentions(text: str, roster: Roster) -> list[Entity]:
    """People named in full with a title ("Defense Minister Kim Yong-hyun", "North
    Korean leader Kim Jong Un"), or introduced by their party or an appositive title,
    so a later short form can tell them apart."""
    if _HAS_ACRONYM.search(text):
        _expansions(text, roster)
    found = _introduced(text, roster)
    low = text.lower()
    for first, pat, e in roster.full_names():
        # A known person named in full anywhere ("It said Kim Jong Un had decided")
        # is met: a later bare surname may be that person, or ambiguous with another.
        if first in low and pat.search(text):
            found.append(roster.note(e))
    for m in _MENTION.finditer(text):
        name_toks = m.group(1).split()
        # Cut at a word that belongs to the next phrase ("Kim Jong Un's").
        cut = []
        for t in name_toks:
            if _norm_word(t) in TITLE_WORDS or t.lower() in ORG_WORDS:
                cut = []
                continue
            cut.append(t.rstrip("'’s") if t.endswith(("'s", "’s")) else t)
            if t.endswith(("'s", "’s")):
                break
        if len(cut) < 2:
            continue
        name = " ".join(cut)
        found.append(_person(name, lambda: _title_before(text, text.find(cut[0], m.start(1))), roster))
    return found


def _title_before(text: str, pos: int) -> str | None:
    """The title words right before a name: "Pentagon Press Secretary Major General"."""
    toks = list(re.finditer(r"[\w.'’-]+|[^\w\s]", text[max(0, pos - 120):pos]))
    keep: list[str] = []
    for m in reversed(toks):
        t = m.group(0)
        if not (t[:1].isalnum() or t[:1] == "_"):
            break
        w = _norm_word(t)
        if w in TITLE_WORDS or (t[:1].isupper() and not t.endswith(("'s", "’s"))) or (w in ("of", "for") and keep):
            keep.insert(0, t)
            continue
        break
    while keep and keep[0].lower() in ("of", "for", "the"):
        keep.pop(0)
    # A sentence-opening word ("On", "Meanwhile") is not part of a title.
    while keep and _norm_word(keep[0]) not in TITLE_WORDS and keep[0].lower() in _OPENERS:
        keep.pop(0)
    return " ".join(keep) or None


_OPENERS = frozenset(
    """on in at during after before meanwhile however earlier later separately also but and
    as when while since last this speaking asked monday tuesday wednesday thursday friday
    saturday sunday""".split()
)

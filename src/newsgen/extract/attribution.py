"""Where a sentence says who is speaking: speech verbs and the phrases around them.

`find_attributions(sentence)` returns every attribution frame in a sentence, in
order, with the words that name the speaker left as written (resolving them is
speakers.py's job). Forms recognised, all outside quotation marks:

* subject + verb ............ "Kirby said", "the DIU claimed", "He also noted",
  "Vedant Patel, the Principal Deputy Spokesperson, commented", "X and Y called on"
* quote, then verb + subject  "“…,” said Kirby" / "“…,” Kirby said"
* according to X ............ "According to Kirby, …", "…, according to Reuters."
* as X said ................. "As Austin said, “…”"
* quoted by ................. "Ryder was quoted by Reuters as telling reporters"
  (the relay, Reuters, is kept apart from the speaker)
* statement release ......... "X released a joint statement …"
* "X made the remarks" ...... not a statement of its own but ties X to the one
  reported just before (`Attribution.tie_only`).
* "X quotes/cites Y as saying" X relays Y: X is the speaker (live-blog style).
* "As X put it, …" .......... only after "as" ("Russia put it on the front" is no frame).

Not frames either: "X reported from Seoul" (a reporting credit), and in
"X, who fled in 2019 and runs a group that …, said" the speaker is X, before the
relative clause.

Not frames: a frame inside a "that" clause that no earlier frame governs ("It marks
the first time that Kyiv has publicly reported …" is the writer speaking), and a
base-form verb used as a noun ("The NIS estimate is …").

Text inside quotation marks is masked first: "as I said" inside a quote never
attributes anything. Choosing the main frame among several is `main_attribution`.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from newsgen.extract.lexicon import INVERTIBLE_VERBS as _INVERTIBLE, REPORTING_VERBS as _VERBS, TITLE_WORDS
from newsgen.extract.sentences import quotation_spans

MASK = "\u00b7"

FORM_TO_LEMMA = {form: lemma for lemma, forms in _VERBS.items() for form in forms}
_VERB_RE = re.compile(
    r"(?<![\w-])(" + "|".join(sorted((re.escape(f).replace(r"\ ", r"\s+") for f in FORM_TO_LEMMA), key=len, reverse=True)) + r")(?![\w-])",
)

# Words that open a clause: the speaker's name starts after the last of them.
_BOUNDARY_RE = re.compile(
    r"(?i)(?:^|(?<=\W))(that(?!\s+(?:day|morning|afternoon|evening|night)\b)|which|as|while|because|but|although|though|when|whereas|if|since|after|"
    r"before|so|amid|saying|adding|noting|stating|warning|where)(?=\W)|[;:—–]|\s--?\s|[”\"](?:\s*,)?"
)
# Words between a speaker and the verb that are not part of the name.
_TRAILING = re.compile(
    r"(?i)(?:\s+|^)(?:has|have|had|was|were|is|are|will|would|could|can|may|might|also|further|later|then|"
    r"again|previously|earlier|still|repeatedly|publicly|separately|once|already|recently|initially|"
    r"first|officially|not|never|did|does|do|cannot|reportedly|only|today|yesterday|"
    r"(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day|last\s+\w+|this\s+\w+|earlier\s+this\s+\w+|"
    r"(?:on\s+)?(?:the\s+same|that|the\s+next|the\s+following)\s+(?:day|morning|afternoon|evening|night)|"
    r"(?:hours|minutes|days|moments)\s+(?:later|earlier))$"
)
# A time adverb standing before the subject without a comma: "Hours later President
# X said", "Last week Secretary Y put the number at …".
_LEADING_TIME = re.compile(
    r"(?i)^\s*(?:(?:hours|minutes|days|weeks|moments|shortly|soon|a\s+day|a\s+week)\s+(?:later|earlier|afterwards?)|"
    r"(?:later|earlier|then|meanwhile)(?=\s+[A-Z])|"
    r"(?:(?:on|in|by|early|late|earlier|later)\s+)?(?:(?:last|this|next|past|that)\s+)?"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\s+(?:morning|afternoon|evening|night))?|"
    r"(?:last|this|next|earlier\s+this|later\s+this)\s+(?:week|month|year)|"
    r"in\s+(?:january|february|march|april|may|june|july|august|september|october|november|december))\s+(?=\S)"
)
_INTRO_WORDS = frozenset(
    """on in at during after before meanwhile however earlier later separately also still yet
    but and last this writing addressing citing following despite amid under over since while
    when as although instead moreover furthermore additionally today yesterday for from with by
    through asked speaking responding meantime nonetheless nevertheless overall previously
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december""".split()
)


@dataclass(frozen=True)
class Attribution:
    """One attribution frame: who (as written), how, and where in the sentence."""

    subject: str
    verb: str  # lemma: "say", "confirm", "according to", "made-remarks" …
    start: int  # where the frame begins (its subject, or the verb when inverted)
    verb_start: int
    verb_end: int
    form: str  # "subject-verb" | "verb-subject" | "according-to" | "quoted-by"
    boundary: str  # what opens the subject's clause: "start", "that", "as", "quote", "comma" …
    appositive: str | None = None
    also: bool = False
    relay: str | None = None
    interrupted: tuple[int, int] | None = None  # a clause between subject and verb (", writing …,")

    @property
    def tie_only(self) -> bool:
        return self.verb == "made-remarks"


_NON_SPACE = re.compile(r"\S")  # \S is exactly `not str.isspace()` for str patterns


@functools.lru_cache(maxsize=4096)
def mask_quotes(text: str) -> str:
    """`text` with every quoted word replaced by MASK (offsets kept)."""
    # Cached: each sentence is masked by the claim reader, the attribution grammar and
    # the paragraph's mention scan.
    spans = quotation_spans(text)
    if not spans:
        return text
    parts, prev = [], 0
    for a, b in spans:  # sorted by start; a single-quoted span may hold a double-quoted one
        a = max(a, prev)
        if b <= a:
            continue
        parts.append(text[prev:a])
        parts.append(_NON_SPACE.sub(MASK, text[a:b]))
        prev = b
    parts.append(text[prev:])
    return "".join(parts)


def _split_chunks(segment: str) -> list[str]:
    """Comma-separated parts, ignoring commas inside parentheses."""
    parts, depth, cur = [], 0, []
    for ch in segment:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        if ch == "," and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    return parts


def _is_intro(chunk: str) -> bool:
    m = re.match(r"\s*([A-Za-z]+)", chunk)
    if not m:
        return False
    w = m.group(1).lower()
    return w in _INTRO_WORDS or w.endswith("ing")


def _strip_trailing(np: str) -> tuple[str, bool]:
    also = False
    while True:
        np = np.rstrip()
        m = _TRAILING.search(np)
        if not m or not np.strip():
            return np.strip(), also
        if "also" in m.group(0).lower():
            also = True
        np = np[: m.start()]


# "…by John Kirby, the adviser, who said", "a U.S. military official who said": the
# relative pronoun's antecedent is the speaker.
_WHO = re.compile(r"(?:,\s*|\s)who\s+(?:(?:also|later|then|previously|earlier|had|has|have|\w+ly)\s+)*$")
_NP_WORDS = "|".join(sorted((re.escape(w) for w in TITLE_WORDS | {"military", "senior", "top", "defense", "defence", "intelligence", "government"}), key=len, reverse=True))
_NP_END = re.compile(r"((?:(?:a|an|the|one)\s+)?(?:[A-Z][\w.'’-]*\s+|(?:%s)\s+)*(?:[A-Z][\w.'’-]*|%s))\s*$" % (_NP_WORDS, _NP_WORDS))


_APPOSITIVE_FILLERS = frozenset("the a an of for at to in and on 's ’s u.s. military senior top defense defence intelligence government".split())


def _antecedent(before: str) -> tuple[str, str | None, int] | None:
    """The noun phrase a "who" clause hangs on: a name with an optional appositive
    title after it, or a titled description ("a U.S. military official")."""
    chunks = _split_chunks(before)
    appositive = None
    words = chunks[-1].split()
    if len(chunks) >= 2 and re.match(r"\s*(?:the|a|an)\s", chunks[-1]) and any(
            w.lower().strip(".,") in TITLE_WORDS for w in words) and all(
            w[:1].isupper() or re.sub(r"['’]s$", "", w.lower().strip(".,")) in TITLE_WORDS or w.lower() in _APPOSITIVE_FILLERS
            for w in words):
        appositive = chunks[-1].strip()
        before = ",".join(chunks[:-1])
    m = _NP_END.search(before)
    if not m or MASK in m.group(1):
        return None
    np = m.group(1).strip()
    if not any(w[:1].isupper() for w in np.split()) or (appositive is None and not re.search(r"[A-Z]", np.split()[-1][:1])
                                                          and np.split()[-1].lower() not in TITLE_WORDS):
        return None
    return np, appositive, m.start(1) + (len(m.group(1)) - len(m.group(1).lstrip()))


# A relative or participial clause set off by commas right before the verb.
_INTERRUPTING = re.compile(r",\s+(?:who|whose|which|where|(?!during\b|according\b)[a-z]+ing)\s+[^;:“”\"\u00b7]*,\s*$")


def _subject_before(masked: str, verb_start: int) -> tuple[str, str | None, str, int, bool]:
    """(subject, appositive, boundary, subject start, also) for a verb at verb_start."""
    head = masked[:verb_start]
    who = _WHO.search(head)
    if who:
        found = _antecedent(head[: who.start()])
        if found is not None:
            subject, appositive, start = found
            return subject, appositive, "who", start, False
    rel = _INTERRUPTING.search(head)
    if rel and rel.start() > 0 and not re.search(r"[.!?]\s*$", head[: rel.start()]):
        # "Lee Ji-hyun, who fled North Korea in 2019 and runs a group that …, said":
        # the speaker stands before the relative clause set off by commas.
        return _subject_before(masked, rel.start())
    boundary, b = "start", 0
    for m in _BOUNDARY_RE.finditer(head):
        boundary, b = (m.group(1) or "").lower() or ("quote" if m.group(0)[:1] in "”\"" else "clause"), m.end()
    segment = head[b:]
    seg, also = _strip_trailing(segment)
    if MASK in seg:
        return "", None, boundary, verb_start, also
    chunks = _split_chunks(seg)
    offset = b + (len(segment) - len(segment.lstrip()))
    if chunks[-1].strip():
        last = chunks[-1]
        lead = _LEADING_TIME.match(last)
        if lead and lead.end() < len(last.rstrip()):
            last = last[lead.end():]
        start = b + seg.rfind(last) + (len(last) - len(last.lstrip()))
        earlier = chunks[:-1]
        if earlier and not all(_is_intro(c) for c in earlier):
            boundary = "comma"  # content, then ", X said": a trailing frame
        return last.strip(), None, boundary, start, also
    # "NAME, APPOSITIVE, verb": the first non-introductory part is the speaker.
    body = chunks[:-1]
    while body and _is_intro(body[0]):
        offset += len(body[0]) + 1
        body = body[1:]
    if len(body) < 2:
        return (body[0].strip() if body else ""), None, boundary, offset, also
    appositive = ",".join(body[1:]).strip()
    return body[0].strip(), appositive, boundary, offset, also


def _subject_after(masked: str, verb_end: int) -> tuple[str, str | None]:
    """The speaker named after an inverted verb: "…,” said John Kirby, the spokesman."""
    rest = masked[verb_end:]
    m = re.match(r"\s+((?:the\s+|a\s+)?[A-Z][^,.;:!?]*?)(?=\s+(?:in|on|at|during|when|after|who|told|to|from)\s|[,.;:!?]|$)", rest)
    if not m:
        return "", None
    appositive = None
    tail = rest[m.end():]
    a = re.match(r",\s*((?:the|a|an)\s+[^,.;]+)", tail)
    if a:
        appositive = a.group(1)
    return m.group(1).strip(), appositive


def find_attributions(sentence: str) -> list[Attribution]:
    return list(_find_attributions(sentence))


@functools.lru_cache(maxsize=4096)
def _find_attributions(sentence: str) -> tuple[Attribution, ...]:
    # Cached (the frames are frozen, the caller gets its own list): wire copy repeats
    # sentences across stories.
    masked = mask_quotes(sentence)
    found: list[Attribution] = []
    for m in _VERB_RE.finditer(masked):
        form_text = re.sub(r"\s+", " ", m.group(1).lower())
        lemma = FORM_TO_LEMMA.get(form_text)
        if lemma is None:
            continue
        if form_text == lemma and _NOUN_AFTER.match(masked, m.end()) and not _PLURAL_BEFORE.search(masked, 0, m.start()):
            continue  # "the NIS estimate is", "a claim by": a noun ("officials estimate has" is a verb)
        if lemma == "quote":
            found += _quoted_by(masked, m)
            continue
        if lemma == "report" and re.match(r"\s+from\s+[A-Z]", masked[m.end():]):
            continue  # "Choe Sang-Hun reported from Seoul": a reporting credit
        subject, appositive, boundary, start, also = _subject_before(masked, m.start())
        rel = _INTERRUPTING.search(masked[: m.start()])
        interrupted = (rel.start(), m.start()) if rel and rel.start() > 0 else None
        if lemma == "put it" and boundary != "as":
            continue  # "Russia put it on the front line"
        before = masked[: m.start()].rstrip()
        if (not subject or before.endswith((",", "”", '"'))) and lemma in _INVERTIBLE:
            after, app2 = _subject_after(masked, m.end())
            if after and (not subject or before.endswith(("”", '"', "”,", '",'))):
                found.append(Attribution(after, lemma, m.start(), m.start(), m.end(), "verb-subject", "quote", app2))
                continue
        if subject:
            found.append(Attribution(subject, lemma, start, m.start(), m.end(), "subject-verb", boundary, appositive, also,
                                     interrupted=interrupted))
    for m in re.finditer(r"(?i)\baccording\s+to\s+((?:[^,.;:!?]|(?<=\b[A-Z])\.)+?)(?=\s+that\b|[,;:!?]|(?<!\b[A-Z])\.(?:\s|$)|$)", masked):
        subject = m.group(1).strip()
        if subject and MASK not in subject:
            found.append(Attribution(subject, "according to", m.start(), m.start(), m.end(), "according-to", "according"))
    found += _active_quotes(masked)
    found += _put_at(masked, found)
    found.sort(key=lambda a: a.verb_start)
    found = [a for a in found if not _inside_subject(a, found)]
    found += _participles(masked, found)
    found.sort(key=lambda a: a.verb_start)
    return tuple(a for a in found if not _governed_by_writer(a, found))


def _inside_subject(a: Attribution, found: list[Attribution]) -> bool:
    """A frame inside another frame's interrupting clause ("Zelensky, writing after a
    meeting at which General X reported on the operation, said") is not the speaker's."""
    return any(o is not a and o.form == "subject-verb" and o.start < a.verb_start < o.verb_start
               and "," in found_text(o, a) for o in found)


def found_text(o: Attribution, a: Attribution) -> str:
    # Set off by commas on both sides: the clause interrupts o's subject and its verb.
    return "," if (o.interrupted and o.interrupted[0] <= a.verb_start < o.interrupted[1]) else ""


# "KCNA quoted Kim as calling …": the person quoted speaks; the quoting body relays.
_ACTIVE_QUOTE = re.compile(
    r"\b(?:quoted|quotes|cited|cites)\s+((?:the\s+)?[A-Z][^,;:\u00b7]{0,60}?)\s+as\s+"
    r"(saying|calling|telling|describing|stating|warning|writing|urging|vowing|praising)\b")


def _active_quotes(masked: str) -> list[Attribution]:
    out = []
    for m in _ACTIVE_QUOTE.finditer(masked):
        relay, _, _, _, _ = _subject_before(masked, m.start())
        out.append(Attribution(m.group(1).strip(), "say", m.start(1), m.start(), m.end(), "quoted-by", "start",
                               relay=relay or None))
    return out


# "put the number at about 8,000", "had put North Korean losses at 300": an estimate.
_PUT_AT = re.compile(
    r"\b(?:put|puts|putting)\s+(?:[^,.;:\u00b7]{1,60}?\s)?at\s+(?:about|around|roughly|some|nearly|almost|more\s+than|"
    r"at\s+least|up\s+to|over|as\s+many\s+as|approximately|an\s+estimated)?\s*\d")


def _put_at(masked: str, found: list[Attribution]) -> list[Attribution]:
    out = []
    for m in _PUT_AT.finditer(masked):
        if masked[m.start():].startswith("putting"):
            continue  # a participle of the frame before ("…, the lawmakers said, putting …")
        subject, appositive, boundary, start, also = _subject_before(masked, m.start())
        if subject:
            verb_end = m.start() + len(masked[m.start():].split()[0])
            out.append(Attribution(subject, "estimate", start, m.start(), verb_end, "subject-verb", boundary, appositive, also))
    return out


# "…, saying …": a participle that attributes the rest to the main clause's subject.
_PARTICIPLE = re.compile(r",\s+(saying|adding|warning|noting|arguing|insisting|claiming|stressing|calling|telling)\b")
_NP_WORD = re.compile(r"(?:[A-Z][\w.'’-]*|the|of|and|(?:[a-z]+[’']s))(?=\s|$|,)")


def _participles(masked: str, found: list[Attribution]) -> list[Attribution]:
    """ "Gerasimov singled out the troops for praise, saying they had fought …": when no
    frame precedes it, the participle's subject is the sentence's subject (the noun
    phrase opening the main clause, after any fronted phrases)."""
    out = []
    for m in _PARTICIPLE.finditer(masked):
        if any(a.verb_start < m.start() for a in found + out):
            break
        head = masked[: m.start()]
        b = 0
        for c in _split_chunks(head)[:-1]:
            if not _is_intro(c):
                break
            b += len(c) + 1
        rest = head[b:]
        lead = _LEADING_TIME.match(rest)
        if lead:
            b, rest = b + lead.end(), rest[lead.end():]
        words, pos = [], len(rest) - len(rest.lstrip())
        for w in re.finditer(r"\S+", rest):
            if not _NP_WORD.fullmatch(w.group(0).rstrip(",")) or w.group(0).endswith(","):
                if _NP_WORD.fullmatch(w.group(0).rstrip(",")) and w.group(0).endswith(","):
                    words.append(w.group(0).rstrip(","))
                break
            words.append(w.group(0))
        subject = " ".join(words).strip()
        if not subject or not subject[:1].isupper() or MASK in subject:
            continue
        lemma = "say" if m.group(1) in ("saying", "telling") else m.group(1)[:-3]
        out.append(Attribution(subject, lemma, b + pos, m.start(1), m.end(1), "participle", "start"))
    return out


def _governed_by_writer(a: Attribution, found: list[Attribution]) -> bool:
    """ "It marks the first time that Kyiv has publicly reported …": a frame inside a
    "that" clause whose own clause attributes nothing is the writer's framing, not
    someone speaking (and a capital named there is no speaker)."""
    return a.form == "subject-verb" and a.boundary == "that" and not any(o.verb_end <= a.start for o in found)


# A base-form verb followed by these is a noun: "The NIS estimate is far higher".
_PLURAL_BEFORE = re.compile(r"(?:\b[a-z]\w*[a-rt-z]s|\b(?:they|we|I|you))\s+$")
_NOUN_AFTER = re.compile(r"\s+(?:is|was|were|are|has|had|of|for|by|put|puts|remains|shows|showed)\b")


def _quoted_by(masked: str, m: re.Match) -> list[Attribution]:
    subject, appositive, boundary, start, also = _subject_before(masked, m.start())
    if not subject:
        return []
    relay = None
    r = re.match(r"\s+(?:by|in)\s+([A-Z][^,.;]*?)\s+as\s+(?:saying|telling|stating|adding|writing|warning)\b", masked[m.end():])
    if r:
        relay = r.group(1).strip()
    return [Attribution(subject, "quote", start, m.start(), m.end(), "quoted-by", boundary, appositive, also, relay)]


def is_trailing_frame(masked: str, a: Attribution) -> bool:
    """"…, a White House official confirmed Monday, noting …": the frame comes after
    its content (nothing after the verb opens a "that" clause or a quotation)."""
    if a.boundary != "comma":
        return False
    after = masked[a.verb_end:]
    return not re.match(r"\s*(?:that\b|[“\"]|,?\s*[“\"])", after)


# Sentence openings that place a statement at the time of the one before it.
_CONCURRENT = re.compile(r"^\W*(?:meanwhile|at the same time|in the meantime|meantime|at the same briefing|in the same briefing)\b", re.IGNORECASE)
# "Austin's comments", "echoed Austin's concerns": a reference to someone's statement.
_POSSESSIVE_REF = re.compile(
    r"\b([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})['’]s?\s+(?:recent\s+|earlier\s+|own\s+)?"
    r"(?:comments|remarks|concerns|statement|words|warnings?|assessment|appeal|call)\b"
)


def is_concurrent(sentence: str) -> bool:
    return bool(_CONCURRENT.match(sentence))


def referenced_speakers(sentence: str) -> list[tuple[str, int]]:
    """Names whose statement the sentence refers to ("Austin's comments"), with offsets."""
    masked = mask_quotes(sentence)
    return [(m.group(1), m.start()) for m in _POSSESSIVE_REF.finditer(masked)]

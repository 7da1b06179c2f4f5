"""What a figure counts, and where, and whether its qualifier is its own: read from
the parse around the number.

"3,000 troops" counts troops; "100 soldiers were killed" and "100 killed" count
killed; "1,000 killed or wounded" counts casualties (both); "about 8,000 … in the
Kursk region" is scoped to Kursk. The counted word is the noun the number
modifies, unless a state the noun is in (killed, wounded, captured, missing) is
said of it: then that state. A place is a GPE/LOC entity in a prepositional
phrase ("in", "into", "to") of the noun or of its clause's verb. The number and its
qualifier are read from the text (quantities.py); the qualifier stays only where the
parse makes it modify that number.
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from newsgen.extract.cues import cues
from newsgen.extract.frames import UnitInfo
from newsgen.model import Quantity

_TEXT = "newsgen.doc_text"



def with_counts(quantities: tuple[Quantity, ...], doc: Doc, unit: UnitInfo) -> tuple[Quantity, ...]:
    if not quantities:
        return quantities
    # doc.text joins every token anew: read once per Doc, not once per claim (issue 18).
    whole = doc.user_data.get(_TEXT)
    if whole is None:
        whole = doc.user_data[_TEXT] = doc.text
    text = whole[unit.start: unit.end]
    out = []
    searched = 0
    for q in quantities:
        at = text.find(q.text, searched) if q.text else -1
        if at < 0:
            out.append(q)
            continue
        searched = at + len(q.text)
        span = doc.char_span(unit.start + at, unit.start + at + len(q.text), alignment_mode="expand")
        if span is None:
            out.append(q)
            continue
        counts, scope = _counts(span)
        q = replace(q, counts=counts, scope=scope)
        if q.qualifier and q.value is not None and not _qualifies(span, q):
            # The parse hangs the words elsewhere ("more than doubled to 3,000"): the
            # number stands without them, and without the bound they would set.
            q = replace(q, qualifier=None, low=None if q.low == q.value else q.low,
                        high=None if q.high == q.value else q.high)
        out.append(q)
    return tuple(out)


def _qualifies(span, q: Quantity) -> bool:
    """Does the parse make the qualifier words that open the figure's text modify its
    number: a modifier of the number phrase ("more than" → 11,000; "at least"), the
    preposition the number is the object of ("above 3,000"), or a modifier of the noun
    the number counts ("an estimated 1.5 million shells")?"""
    words = [t for t in span if not t.is_space][: len(q.qualifier.split())]
    mine = {t.i for t in words}
    number = {t.i for t in span if (t.like_num or t.pos_ == "NUM" or t.text in "$€£₩¥") and t.i not in mine}
    counted = {t.head.i for t in span if t.i in number and t.head.i not in number}
    for t in words:
        if t.head.i in number or t.head.i in counted or (t.head.i in mine and t.head.head.i in number | counted):
            return True
    return any(span.doc[i].head.i in mine for i in number | counted)


def _counts(span) -> tuple[str | None, str | None]:
    num = next((t for t in span if t.like_num or t.pos_ == "NUM"), None)
    if num is None:
        return None, None
    head = num.head if num.dep_ in ("nummod", "quantmod", "compound", "amod") else num
    while head.dep_ in ("nummod", "quantmod", "compound") and head.head is not head and head.pos_ == "NUM":
        head = head.head
    counted = head.lemma_.lower() if head.pos_ in ("NOUN", "PROPN") else None
    states = set()
    for t in [head, *head.children]:
        if t.dep_ in ("amod", "acl", "conj") or t is head:
            s = cues().count_states.get(t.lemma_.lower()) or cues().count_states.get(t.lower_)
            if s:
                states.add(s)
            for c in t.children:
                if c.dep_ == "conj":
                    s = cues().count_states.get(c.lemma_.lower()) or cues().count_states.get(c.lower_)
                    if s:
                        states.add(s)
    verb = head.head if head.dep_ in ("nsubjpass", "nsubj", "dobj") else None
    if verb is not None and verb.pos_ in ("VERB", "AUX"):
        for c in verb.children:
            # "went missing", "are dead", "were reported missing": the state the verb gives.
            if c.dep_ in ("acomp", "oprd", "xcomp") and (cues().count_states.get(c.lemma_.lower()) or cues().count_states.get(c.lower_)):
                states.add(cues().count_states.get(c.lemma_.lower()) or cues().count_states[c.lower_])
        s = cues().count_states.get(verb.lemma_.lower())
        if s:
            states.add(s)
            for c in verb.children:
                # "killed or wounded" is one count of both; "300 killed and 2,700
                # wounded" are two counts, the second with a number of its own.
                own_count = any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
                if c.dep_ == "conj" and cues().count_states.get(c.lemma_.lower()) and not own_count:
                    states.add(cues().count_states[c.lemma_.lower()])
    if counted in ("casualty", "loss"):
        result = "casualties"
    elif {"killed", "wounded"} <= states:
        result = "casualties"
    elif states:
        result = sorted(states)[0] if len(states) == 1 else "casualties"
    else:
        result = head.text.lower() if counted else None
    return result, _scope(head, verb)


def _scope(head: Token, verb: Token | None) -> str | None:
    """The place a prepositional phrase of the noun or its verb names: "in Russia's
    Kursk region" → "Kursk region" (the NER does not always know a region's name as a
    place, so a proper noun heading or modifying the phrase's object counts too)."""
    # The noun, its verb, and the verbs that verb goes on with ("had begun settling into
    # the Kursk area", "were sent to train in eastern Russia").
    anchors = [head] + ([verb] + [c for c in verb.children if c.dep_ == "xcomp"
                                  for c in (c, *[g for g in c.children if g.dep_ == "xcomp"])] if verb is not None else [])
    for anchor in anchors:
        for prep in anchor.children:
            if prep.dep_ != "prep" or prep.lower_ not in cues().place_prepositions:
                continue
            obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
            if obj is None:
                continue
            words = [t for t in obj.subtree if t.i <= obj.i and t.dep_ not in ("det", "poss", "case", "punct")
                     and not (t.head.dep_ == "poss" or t.dep_ == "poss")]
            if any(t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "LOC", "FAC") for t in words):
                return " ".join(t.text for t in words if t.head.dep_ != "poss")
    return None

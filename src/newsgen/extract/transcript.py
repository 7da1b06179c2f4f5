"""Briefing transcripts: who holds the floor in each paragraph.

A transcript (White House, Pentagon, State Department, UN stakeout …) opens each
turn with the speaker's label in capitals and a colon: ``MR. KIRBY: …``,
``GEN. RYDER: …``, ``PRESS SECRETARY AIR FORCE MAJOR GENERAL PAT RYDER: …``,
``Q: …`` (a reporter's question). `turns(paragraphs)` says, for each paragraph,
whose turn it is:

* a labelled paragraph is its label's turn (the label is cut off the text);
* an unlabelled paragraph between two labelled ones continues the turn before it
  (a long answer runs over several paragraphs); a question runs on only in
  paragraphs that ask;
* after the last label there is no turn: a story that quotes a short exchange and
  then goes on in prose ("Background: …") is the writer's again.

A story counts as a transcript only with at least two labelled paragraphs, one of
them a question or two different speakers: one capitalised "NOTE:" is not a
transcript. Questions are not claims; what an answer says is the label's speaker's,
whatever frames it contains ("As the secretary said, …" is still Ryder speaking).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Sequence

__all__ = ["Turn", "turns", "label_name", "is_question"]

# "Q", "MR. KIRBY", "GEN. RYDER", "PRESS SECRETARY … PAT RYDER", "MS. JEAN-PIERRE":
# capitals (and the dots, hyphens and apostrophes of names), at most eight words,
# perhaps with a note in brackets that is not part of the name: "QUESTION (Yonhap):",
# "MR. PRICE (via interpreter):".
_LABEL = re.compile(
    r"^\s*(?P<label>Q|A|(?:[A-Z][A-Z.'’-]*\s+){0,7}[A-Z][A-Z'’-]+)\.?(?:\s*\((?P<note>[^()\n]{1,80})\))?\s*:\s+(?P<rest>\S.*)$",
    re.DOTALL,
)
# "Host:", "Rutte:", "Mr Rutte:", "Secretary Blinken:": an interview printed with
# labels in Title Case, as broadcasters and magazines do. Words that open ordinary
# paragraphs look the same ("Kyiv: …", "Analysis: …"), so these count only in a
# story where one of them is a question's label ("Host", "Question", "Interviewer").
# (A surname may have a capital inside, "DiCarlo", "McGurk"; a record adds how one
# spoke after the country: "Mr. Dharmadhikari (France) (spoke in French):".)
_TITLE_LABEL = re.compile(
    r"^\s*(?P<label>(?:[A-Z][a-z.'’-]+\s+(?:of\s+(?:the\s+)?)?){0,3}[A-Z][a-z'’-]+(?:[A-Z][a-z'’-]+)?)"
    r"(?:\s*\((?P<note>[^()\n]{1,80})\))?(?:\s*\((?:spoke|speaking) in [A-Z][a-z]+\))?\s*:\s+(?P<rest>\S.*)$",
    re.DOTALL,
)
# A record of a sitting that names the member in brackets after the office, often with
# the label on a line of its own: "The Parliamentary Under-Secretary of State, Foreign
# Office (Baroness Chapman of Darlington) (Lab):".
# (The office opens with "The", or the name with a title: "Lord Jones (Lab Co-op):" is
# a member and their party.)
_OFFICE_LABEL = re.compile(
    r"^\s*(?:The\s+[A-Z][^()\n:]{2,200}\((?P<named>[A-Z][\w'’.-]+(?:\s+(?:of\s+)?[A-Z][\w'’.-]+){1,4})\)"
    r"|[A-Z][^()\n:]{2,200}\((?P<titled>(?:Baroness|Lord|Lady|Sir|Dame|Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z][\w'’.-]+"
    r"(?:\s+(?:of\s+)?[A-Z][\w'’.-]+){0,4})\))(?:\s*\([A-Z][A-Za-z&/ -]{0,10}\))?\s*:(?:\s+(?P<rest>\S.*))?$",
    re.DOTALL)


# A reporter at a briefing, labelled by outlet and name: "Asakaze Shimbun, Morita:".
_REPORTER = re.compile(r"(?:[A-Z][\w.&'’-]*\s+){0,4}[A-Z][\w.&'’-]*,\s+[A-Z][\w'’-]+")
_REPORTER_LABEL = re.compile(r"^\s*(?P<label>" + _REPORTER.pattern + r")\s*:\s+(?P<rest>\S.*)$", re.DOTALL)
# A record of a sitting labels each member with their party: "Lord Smith of Hull (Lab):".
_PARTY_NOTE = re.compile(r"[A-Z][A-Za-z&]{0,5}(?:\s*/\s*[A-Z][A-Za-z&]{0,5})?")
# Capitalised words that open ordinary paragraphs with a colon; never speaker labels.
_NOT_LABELS = frozenset("NOTE UPDATE EDITOR'S EDITOR’S WATCH READ MORE RELATED BREAKING ADVERTISEMENT PHOTO VIDEO SOURCE END".split())


@dataclass(frozen=True)
class Turn:
    kind: str  # "question" | "answer"
    label: str  # as printed: "MR. KIRBY", "Q"
    text: str  # the paragraph without its label
    labelled: bool  # the label stands in this paragraph (not a continuation)


def _label(paragraph: str, pattern: re.Pattern[str] = _LABEL) -> tuple[str, str] | None:
    if pattern is _TITLE_LABEL:
        office = _OFFICE_LABEL.match(paragraph)
        if office and office.group("rest"):
            return office.group("named") or office.group("titled"), office.group("rest").strip()
    m = pattern.match(paragraph)
    if not m:
        return None
    label = m.group("label").strip()
    if label.split()[0].rstrip(".") in _NOT_LABELS:
        return None
    return label, m.group("rest").strip()


def is_question(label: str) -> bool:
    """A label of a question's turn: "Q", "QUESTION", "REPORTER" (cues.yaml question_labels)."""
    from newsgen.extract.cues import cues

    return " ".join(label.lower().replace(".", " ").split()) in cues().question_labels


def _asks(text: str) -> bool:
    return text.rstrip().rstrip("\"”’'").endswith("?")


def _asking(found: list[tuple[str, str]]) -> dict[str, list[bool]]:
    """Each label -> whether each of its turns ends asking."""
    said: dict[str, list[bool]] = {}
    for lab, rest in found:
        said.setdefault(lab, []).append(_asks(rest))
    return said


def _askers(found: list[tuple[str, str]]) -> set[str]:
    """Labels of an interviewer named by name ("YOON DO-HYUN:", "Jane Doe:"): every
    turn of theirs, two or more, ends asking, while another label's turns answer."""
    said = _asking(found)
    asking = {lab for lab, asks in said.items() if len(asks) >= 2 and all(asks)}
    answering = {lab for lab, asks in said.items() if not all(asks)}
    once = {lab for lab, asks in said.items() if asks == [True]}
    if len(once) >= 2 and any(len(said[lab]) >= 2 for lab in answering):
        # A press conference: reporters by name, each asking one question ("Hanne
        # Lievens (Radio Scheldt): … ?"), and one who answers them all.
        asking |= once
    return asking if answering else set()


# How a verbatim record names its speakers: "Mr. Nebenzia (Russian Federation):", "Ms. DiCarlo:".
_HONORIFIC = re.compile(r"(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Baroness|Madam)\.?\s+[A-Z]")


def _record(found: list[tuple[str, str]]) -> bool:
    """A verbatim record of a meeting: three turns or more, two speakers or more named
    with their honorific ("Mr. Leff:", "Ms. DiCarlo:"), as the UN's records print them."""
    named = {lab for lab, _ in found if _HONORIFIC.match(lab)}
    return len(found) >= 3 and len(named) >= 2


def _chaired(found: list[tuple[str, str]]) -> bool:
    """A press conference run by a moderator who gives the floor ("Moderator: Next
    question, on the aisle."), the questions asked by others."""
    return any(is_question(lab) for lab, _ in found) and sum(
        1 for lab, rest in found if not is_question(lab) and _asks(rest)) >= 2


def _one_answering(found: list[tuple[str, str]]) -> set[str]:
    """A briefing: one label answers, two turns or more and none asking ("Lin Jian:"),
    and every other label only asks ("AFP: … How does China respond?"), or is a
    reporter by its form ("Asakaze Shimbun, Morita:": an outlet and a name)."""
    said = _asking(found)
    asking = {lab for lab, asks in said.items() if all(asks) or _REPORTER.fullmatch(lab)}
    answering = [lab for lab, asks in said.items() if lab not in asking and len(asks) >= 2 and not any(asks)]
    return asking if len(answering) == 1 and asking and len(asking) + 1 == len(said) else set()


def _briefing(paragraphs: Sequence[str]) -> tuple[list, list]:
    """Labels of a briefing whose reporters are labelled by their outlet in capitals
    ("AFP:") and whose spokesperson by name in Title Case ("Lin Jian:"): each
    paragraph's label read either way; none unless one label answers and the rest ask."""
    labels = []
    for p in paragraphs:
        lab = _label(p) or _label(p, _TITLE_LABEL) or _label(p, _REPORTER_LABEL)
        labels.append(lab if lab is not None and len(lab[1].split()) >= 4 else None)
    found = [lab for lab in labels if lab is not None]
    return (labels, found) if _one_answering(found) else ([None] * len(paragraphs), [])


def _sitting(paragraphs: Sequence[str], labels: list[tuple[str, str] | None]) -> bool:
    """A record of a sitting: three or more turns of two or more members, each label with
    a party in brackets ("Baroness Smith (Lab):", "Lord Jones (Con):")."""
    # (An office's label, "The Minister (Lord Collins) (Lab):", is no member's with a party.)
    notes = [(m.group("note") if lab is not None and (m := _TITLE_LABEL.match(p)) else None)
             for p, lab in zip(paragraphs, labels)]
    labelled = [(lab[0], note) for lab, note in zip(labels, notes) if lab is not None]
    return len(labelled) >= 3 and len({lab for lab, _ in labelled}) >= 2 and \
        all(note is not None and _PARTY_NOTE.fullmatch(note.strip()) for _, note in labelled)


def _alone(paragraph: str) -> tuple[str, str] | None:
    """A speaker's label standing on a line of its own ("Minister Sybiha:"), the speech
    in the paragraphs under it."""
    t = paragraph.strip()
    if not t.endswith(":") or len(t) > 240:
        return None
    for pattern in (_LABEL, _TITLE_LABEL):  # (_TITLE_LABEL's reading takes an office's label too)
        got = _label(t + " —", pattern)
        if got is not None and got[1] == "—":
            return got[0], ""
    return None


def _under_labels(paragraphs: Sequence[str]) -> list[str]:
    """Each paragraph with the label of a line standing alone above it put in front, so
    that a transcript printed that way reads as one printed label by label."""
    out = list(paragraphs)
    for i in range(len(paragraphs) - 1):
        alone = _alone(paragraphs[i])
        nxt = paragraphs[i + 1]
        if alone is not None and _alone(nxt) is None and not any(_label(nxt, rx) for rx in (_LABEL, _TITLE_LABEL)):
            out[i + 1] = f"{alone[0]}: {paragraphs[i + 1]}"
    return out


def turns(paragraphs: Sequence[str]) -> list[Turn | None]:
    """Whose turn each paragraph is; all None when the story is not a transcript.
    (A label on a line of its own opens the turn of the paragraph under it; the
    turn's text is still that paragraph's own.)"""
    printed = list(paragraphs)
    shown = _under_labels(printed)
    if shown != printed:
        # Two labels or more on lines of their own: no prose paragraph looks like that.
        found = _turns(shown, sum(1 for p, q in zip(printed, shown) if p != q) >= 2)
        if any(t is not None for t in found):
            return [None if _alone(p) else replace(t, text=p) if t is not None and p != q else t
                    for t, p, q in zip(found, printed, shown)]
    return _turns(printed)


def _turns(paragraphs: Sequence[str], set_apart: bool = False) -> list[Turn | None]:
    labels = [_label(p) for p in paragraphs]
    found = [lab for lab in labels if lab is not None]
    speakers = {lab for lab, _ in found if not is_question(lab)}
    if found and not speakers and any(is_question(lab) for lab, _ in found):
        # "Q:" asks and "Secretary Austin:" answers: questions labelled in capitals, the
        # answers in Title Case.
        labels = [lab if lab is not None else _label(p, _TITLE_LABEL) for p, lab in zip(paragraphs, labels)]
        found = [lab for lab in labels if lab is not None]
        speakers = {lab for lab, _ in found if not is_question(lab)}
    if len(found) < 2 or not (any(is_question(lab) for lab, _ in found) or len(speakers) >= 2):
        # A Title Case label heads a sentence or more ("Reporter: Jane Doe" is a credit),
        # and somebody labelled as asking asks ("Host: …?"), or a named interviewer
        # only asks ("Jane Doe: … ?" each time).
        labels = [lab if lab is not None and len(lab[1].split()) >= 4 else None
                  for lab in (_label(p, _TITLE_LABEL) for p in paragraphs)]
        found = [lab for lab in labels if lab is not None]
        speakers = {lab for lab, _ in found if not is_question(lab)}
        if len(found) < 2 or not speakers or not (any(is_question(lab) and "?" in rest for lab, rest in found)
                                                  or _askers(found) or _sitting(paragraphs, labels)
                                                  or _chaired(found) or _record(found) or set_apart):
            labels, found = _briefing(paragraphs)
            if not found:
                return [None] * len(paragraphs)
    askers = _askers(found) or _one_answering(found)
    last = max(i for i, lab in enumerate(labels) if lab is not None)
    out: list[Turn | None] = []
    current: tuple[str, str] | None = None
    for i, (p, lab) in enumerate(zip(paragraphs, labels)):
        if lab is not None:
            current = (lab[0], "question" if is_question(lab[0]) or lab[0] in askers else "answer")
            out.append(Turn(current[1], current[0], lab[1], True))
        elif current is not None and current[1] == "question" and not _asks(p):
            # A question runs on only while it asks: what follows it unlabelled is not
            # asked ("REPORTER: Jane Doe" heading a story is a credit, not a question).
            current = None
            out.append(None)
        elif current is not None and i < last:
            out.append(Turn(current[1], current[0], p, False))
        elif current is not None and current[1] == "answer" and _first_person(p):
            # After the last label, an answer still going on in the speaker's own voice
            # ("We hope all parties …"); the writer's prose that follows does not say "we".
            out.append(Turn(current[1], current[0], p, False))
        else:
            current = None
            out.append(None)
    return out


def _first_person(paragraph: str) -> bool:
    outside = re.sub(r"[\"“][^\"”]*[\"”]", " ", paragraph)
    # (Not "our": "our correspondent" is the outlet's.)
    return re.search(r"\b(?:I|we|We|us|my|My)\b", outside) is not None


def label_name(label: str) -> str:
    """A label as a speaker phrase: "GEN. RYDER" → "Gen. Ryder"."""
    return " ".join(w.title() if w.isupper() else w for w in label.split())

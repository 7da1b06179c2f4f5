"""Sentence splitting for news prose, and the direct quotations inside it.

A sentence ends at ``.``, ``!``, ``?`` or an ellipsis (plus any closing quote or
bracket) followed by white space and something that can start a sentence (a
capital, a digit, an opening quote or bracket). Three things stop a split there:

* **Quotations.** A double-quoted quotation that opens in one sentence keeps the
  sentence going until its closing mark, so a quote of several sentences and its
  attribution (``"We will … win," he said.``) stay one unit. Only *matched* pairs
  count: a quotation left open at the end of the paragraph (the journalistic
  convention for a quote that carries on in the next paragraph, see
  :func:`open_quote_at_end`) or a stray mark does not swallow the rest of the
  paragraph; the text after it is split normally.
* **Abbreviations and initials.** Titles and month abbreviations never end a
  sentence (``Maj. Gen. Jane Doe``, ``Oct. 18``); abbreviations that can end
  one (``U.S.``, ``Inc.``, ``p.m.``, initials) do so only when the next word is a
  typical sentence opener (``… in the U.S. The``), not a name (``U.S. Defense``).
* **Decimals** never qualify, because no white space follows their point.

Only double quotes (straight and curly) delimit quotations for splitting; single
quotes are too often apostrophes (``Seoul’s``) to be trusted with that.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

__all__ = [
    "Sentence",
    "split_sentences",
    "open_quote_at_end",
    "quotations",
    "quotation_spans",
    "is_short_quote",
]


@dataclass(frozen=True)
class Sentence:
    """One sentence of a paragraph: ``text == paragraph[start:end]`` (already stripped)."""

    text: str
    start: int
    end: int


# Words that precede a name or number and so never end a sentence.
_NEVER_FINAL = frozenset(
    """
    Mr Mrs Ms Mx Dr Prof Gen Lt Col Sgt Maj Capt Cpt Cmdr Cdr Adm Brig Cpl Pvt Pfc Spc
    Sen Rep Gov Pres Amb Hon Rev Fr Sr Supt Insp Det Gens Lts Cols Sens Reps Govs Messrs
    St Mt Ft Ave Blvd Gov't
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    vs v cf e.g i.e viz approx est
    """.split()
)
# Abbreviations that can also close a sentence ("… reported by NBC Inc.").
_MAYBE_FINAL = frozenset(
    "Inc Corp Co Ltd Plc LLC Jr Bros etc a.m p.m A.M P.M No Nos ca".split()
)
# Words that typically open a sentence; after an ambiguous abbreviation they signal
# that the abbreviation ended the sentence.
_OPENERS = frozenset(
    """
    The A An He She It They We I You This That These Those There Here His Her Its Their
    Our My Your But And Or So Yet Nor For In On At As After Before When While If Although
    Though Since Because However Meanwhile Moreover Furthermore Still Also Instead Earlier
    Later Last Next Then Now Today Yesterday Tomorrow From With By To Under During Despite
    According Asked Speaking Both Each All Some Many Most Several Few No Not None Such
    Other Others What Why How Who Where Which Whether One Two Three Officials Analysts
    Experts Critics Previously Separately Additionally Nevertheless Nonetheless Overall
    """.split()
)

_TERMINALS = ".!?…"
_CLOSERS = "\"”’')]»"
_OPEN_DQ = "“"
_CLOSE_DQ = "”"
_TERMINAL = re.compile("[" + re.escape(_TERMINALS) + "]")
_NEXT_WORD = re.compile(r"[\w’'-]+")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z'’.]*)\.$")
_INITIALS = re.compile(r"(?:^|[^A-Za-z])((?:[A-Za-z]\.)*[A-Za-z])\.$")
_SPEECH_AFTER_QUOTE = re.compile(
    r"\s*(?:[A-Z][\w.'’-]*\s+){1,4}(?:said|says|asked|asks|added|adds|told|wrote|"
    r"stated|replied|continued|explained|noted|insisted|warned|shouted)\b"
)


# Only these characters can open or close a double quotation; the scans below visit
# them alone instead of every character of the text (most sentences have none).
_DQ_MARK = re.compile('["“”]')
_DQ_OPENER = re.compile('["“]')


def _dq_pairs(text: str) -> list[tuple[int, int]]:
    """Matched double-quote pairs as (index of opening mark, index of closing mark).

    A straight quote opens when it follows the start, white space or an opening
    bracket/dash and precedes a non-space; it closes when it follows a non-space.
    """
    pairs: list[tuple[int, int]] = []
    open_at: int | None = None
    n = len(text)
    for m in _DQ_MARK.finditer(text):
        i = m.start()
        ch = text[i]
        if ch == _OPEN_DQ:
            open_at = i  # a second opening mark restarts: the first one was unmatched
        elif ch == _CLOSE_DQ:
            if open_at is not None:
                pairs.append((open_at, i))
                open_at = None
        else:
            before = text[i - 1] if i else " "
            after = text[i + 1] if i + 1 < n else " "
            opens = (before.isspace() or before in "([{—–-/") and not after.isspace()
            if open_at is None and opens:
                open_at = i
            elif open_at is not None and not before.isspace():
                pairs.append((open_at, i))
                open_at = None
            elif opens:
                open_at = i
    return pairs


def _unmatched_open(text: str, pairs: list[tuple[int, int]] | None = None) -> int | None:
    """Index of an opening double quote that is never closed, or None.

    `pairs` is `_dq_pairs(text)` when the caller already has it."""
    if pairs is None:
        pairs = _dq_pairs(text)
    last_close = pairs[-1][1] if pairs else -1
    n = len(text)
    for m in _DQ_OPENER.finditer(text, last_close + 1):
        i = m.start()
        if text[i] == _OPEN_DQ:
            return i
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < n else " "
        if (before.isspace() or before in "([{—–-/") and not after.isspace():
            return i
    return None


def _inside_quote(pairs: list[tuple[int, int]], n: int) -> list[bool]:
    inside = [False] * (n + 1)
    for a, b in pairs:
        if b > a:
            inside[a + 1:b + 1] = [True] * (b - a)
    return inside


_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'’.")
_INITIAL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.")


def _run_start(text: str, chars: frozenset[str]) -> int:
    """Where the run of `chars` that ends `text` starts."""
    k = len(text)
    while k and text[k - 1] in chars:
        k -= 1
    return k


def _abbreviation_blocks(text: str, dot: int, nxt: str) -> bool:
    """True when the period at `dot` belongs to an abbreviation and does not end a sentence.

    `nxt` is the word that follows (possibly empty).
    """
    head = text[: dot + 1]
    # Both patterns end at the period and match only letters and dots (and, for the
    # word, apostrophes) before it: searching from where that run starts finds what a
    # search of the whole head finds, without trying every earlier position.
    run = _run_start(head, _WORD_CHARS)
    m = _WORD_BEFORE.search(head, run)
    if not m:
        return False
    word = m.group(1)
    bare = word.rstrip(".")
    last = bare.rsplit(".", 1)[-1] if "." in bare else bare
    if bare in _NEVER_FINAL or last in _NEVER_FINAL and "." not in bare:
        return True
    if bare.isupper() and len(bare) > 1 and bare.capitalize() in _NEVER_FINAL:
        return True  # transcripts and headlines in capitals: "GEN. RYDER", "MR. KIRBY"
    if bare == "No" or bare == "Nos":
        # "No. 1" is a number sign; "No." before a capital is the word "no".
        return nxt[:1].isdigit()
    ambiguous = bare in _MAYBE_FINAL or bare.lower() in {"a.m", "p.m", "etc"}
    initials = _INITIALS.search(head, max(_run_start(head, _INITIAL_CHARS) - 1, 0))  # with the non-letter before
    if initials and (len(initials.group(1).replace(".", "")) <= 4):
        grp = initials.group(1)
        # Single letters ("F.") and dotted acronyms ("U.S.", "J.D.") are initials;
        # a lone capital "I" or "A" could be a word, but those rarely precede a period
        # mid-sentence, so they are treated alike.
        if "." in grp or len(grp) == 1:
            ambiguous = True
    if not ambiguous:
        return False
    if not nxt:
        return False
    if nxt[0] in "\"“‘(":
        return False  # a quotation after "U.S." starts a new sentence
    return nxt not in _OPENERS


def split_sentences(paragraph: str) -> list["Sentence"]:
    """Split one paragraph into sentences with their offsets (see module docstring)."""
    text = paragraph
    n = len(text)
    if not text.strip():
        return []
    inside = _inside_quote(_dq_pairs(text), n)
    cuts: list[int] = []
    i = 0
    while True:
        # Jump to the next terminal mark (a regex scan, not a Python loop per character).
        t = _TERMINAL.search(text, i)
        if t is None:
            break
        i = t.start()
        j = i
        while j < n and text[j] in _TERMINALS:
            j += 1
        end_punct = j  # after the run of . ! ? …
        while j < n and text[j] in _CLOSERS:
            j += 1
        k = j
        while k < n and text[k].isspace():
            k += 1
        if k == j or k >= n:  # no space after (decimal, URL) or end of paragraph
            i = j if j > i else i + 1
            continue
        if inside[j]:
            i = j
            continue
        start_ch = text[k]
        if not (start_ch.isupper() or start_ch.isdigit() or start_ch in "\"“‘'([…."):
            i = j
            continue
        word_m = _NEXT_WORD.match(text, k)
        nxt = word_m.group(0) if word_m else text[k]
        run = text[i:end_punct]
        if run == "." and _abbreviation_blocks(text, i, nxt):
            i = j
            continue
        closed_quote = j > end_punct and text[end_punct] in "\"”"
        if closed_quote and run[-1] in "?!" and _SPEECH_AFTER_QUOTE.match(text[j:]):
            i = j  # "Why now?" Smith asked.  — the attribution belongs to the quote
            continue
        if start_ch in ".…" and not text.startswith(("...", "…"), k):
            i = j
            continue
        cuts.append(j)
        i = j
    sentences: list[Sentence] = []
    prev = 0
    for cut in [*cuts, n]:
        chunk = text[prev:cut]
        lead = len(chunk) - len(chunk.lstrip())
        stripped = chunk.strip()
        if stripped:
            s = prev + lead
            sentences.append(Sentence(stripped, s, s + len(stripped)))
        prev = cut
    return sentences


def open_quote_at_end(paragraph: str) -> bool:
    """True when a double quotation opens in `paragraph` and is never closed.

    News style leaves a quotation open at the end of a paragraph when the same
    speaker's quote goes on in the next one (which opens with a quote mark again).
    """
    return _unmatched_open(paragraph) is not None


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each direct quotation's words, marks excluded.

    Matched double-quote pairs; then single-quote pairs (‘…’ or '…') outside them
    whose opening mark starts a word and whose closing mark ends one, so that
    apostrophes (``Seoul’s``, ``don't``) are not taken for quotes. A double quote
    left open at the end (see :func:`open_quote_at_end`) runs to the end of text.
    """
    return list(_quotation_spans(text))


# Single-quote pairs that can be quotations (see quotation_spans).
_SQ_PAIR = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–]))[‘'](?=\w)(.+?)(?<=[\w.,!?])[’'](?!\w)")


@functools.lru_cache(maxsize=4096)
def _quotation_spans(text: str) -> tuple[tuple[int, int], ...]:
    # Cached: the same sentence is asked about by the splitter's callers, the
    # attribution grammar, the date finder and the claim's quote.
    pairs = _dq_pairs(text)
    spans = [(a + 1, b) for a, b in pairs]
    tail = _unmatched_open(text, pairs)
    if tail is not None:
        spans.append((tail + 1, len(text)))
    if "'" in text or "‘" in text:  # else no single-quote pair can open
        covered = _inside_quote([(a - 1, b) for a, b in spans], len(text))
        for m in _SQ_PAIR.finditer(text):
            if not covered[m.start()] and not covered[m.end() - 1]:
                spans.append((m.start(1), m.end(1)))
    spans.sort()
    result: list[tuple[int, int]] = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        # A trailing comma is the American habit of putting the attribution's comma
        # inside the marks ("… troops," he said); it is not part of the words quoted.
        while b > a and (text[b - 1].isspace() or text[b - 1] == ","):
            b -= 1
        if b > a:
            result.append((a, b))
    return tuple(result)


def quotations(text: str) -> list[str]:
    """The direct quotations in `text`, in order, without their quote marks.

    All quotations are returned, including one- to three-word scare quotes
    (“desperation”); use :func:`is_short_quote` to tell those apart.
    """
    return [text[a:b] for a, b in quotation_spans(text)]


def is_short_quote(quote: str, max_words: int = 3) -> bool:
    """True for a quotation of at most `max_words` words: a quoted term or phrase
    (“desperation”, “yet another escalation”) rather than a quoted statement."""
    return len(re.findall(r"[\w’'-]+", quote)) <= max_words

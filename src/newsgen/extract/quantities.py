"""Numbers in a sentence, with their qualifier and what they count.

``find_quantities("The army has sent more than 11,000 troops")`` gives
``Quantity(value=11000, low=11000, high=None, unit="troops", qualifier="more than",
text="more than 11,000 troops")``.

Decisions (the claim assembler and the series builder rely on them):

* **value** is the number as stated. Directional qualifiers also set a bound:
  "more than / over / at least / exceeding X" → ``low = X``; "up to / fewer than /
  nearly / almost / as many as X" → ``high = X``. "some / about / approximately"
  set no bound.
* **Ranges** ("between 10,000 and 12,000", "10,000 to 12,000", "10,000-12,000") give
  ``value=None, low, high``. "from X to Y" is read as a change, not a range: two
  quantities, except after "range / vary" ("estimates range from 10,000 to 12,000
  troops" is one range). A figure followed in the same sentence by a higher, unit-less bound
  ("over 1,000 casualties daily, with actual numbers potentially exceeding 1,200")
  becomes one quantity ``value=1000, low=1000, high=1200``.
* **Vague amounts** ("dozens", "several dozens", "hundreds", "thousands of troops",
  "tens of thousands") have ``value=None`` and a conservative lower bound of two of
  the unit ("dozens" → low 24, "thousands" → 2000, "tens of thousands" → 20000);
  "several" and "a few" are kept as the qualifier and do not raise the bound. A
  vague amount restated at once ("dozens, several dozens") is one quantity.
* **unit** is the head noun counted ("troops", "soldiers" for "200 Russian and
  North Korean soldiers"), with a rate kept as "per day" etc. ("casualties per day"
  for both "casualties daily" and "casualties per day"). Money is "dollars",
  "euros", "pounds", "won", "yen" or "yuan"; "%" and "percent" are "percent".
  When no noun follows, unit is None ("dozens" is a size, not what is counted).
* **Not quantities:** years, calendar dates ("February 24", "Oct. 18"), times
  ("4:58 PM", "10 a.m."), ages ("a 24-year-old", "aged 30"), hyphenated number
  adjectives ("a 10-day visit"), ordinals ("21st", "second"), "one" (mostly a
  pronoun: "one of", "no one"), list numbering, phone numbers, identifiers
  ("No. 1", "G7", "COVID-19", "F-16", "Resolution 2270").
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import NamedTuple

from newsgen.extract.cues import cues
from newsgen.model import Quantity

__all__ = ["find_quantities"]

_TOKEN = re.compile(
    r"(?P<acr>(?:[A-Za-z]\.){2,})"
    r"|(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)"
    r"|(?P<word>[A-Za-z]+(?:['’][A-Za-z]+)?)"
    r"|(?P<sym>\S)"
)


class _Tok(NamedTuple):
    # A named tuple, not a dataclass: every token of every sentence is one, and the
    # parser asks for its lower case many times (so it is computed once here).
    kind: str  # "acr" | "num" | "word" | "sym"
    text: str
    start: int
    end: int
    low: str  # text.lower()


_SMALL = {
    "zero": 0, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_ONES = frozenset(_SMALL) | {"one"}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
           "trillion": 1_000_000_000_000, "dozen": 12}
_ATTACHED_SCALES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000,
                    "b": 1_000_000_000, "tn": 1_000_000_000_000, "trn": 1_000_000_000_000}
_VAGUE = {"dozens": 12, "hundreds": 100, "thousands": 1_000, "millions": 1_000_000,
          "billions": 1_000_000_000}
_CURRENCY_SYMBOLS = {"$": "dollars", "€": "euros", "£": "pounds", "₩": "won", "¥": "yen"}

# Qualifiers, longest first; and which bound each one sets.
# Qualifiers (cues.yaml: the words, and which bound each sets), longest first.
_QUALIFIERS = sorted(cues().qualifiers_lower | cues().qualifiers_upper | cues().qualifiers_other,
                     key=lambda q: (-len(q.split()), q))
_LOWER_BOUND = cues().qualifiers_lower
_UPPER_BOUND = cues().qualifiers_upper
_RANGE_CONTINUATION = {"exceeding", "more than", "over", "up to", "as many as", "as high as",
                       "reaching", "topping", "above", None}

_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec",
}
_YEAR_PREPOSITIONS = {"in", "since", "of", "by", "from", "during", "until", "till", "before",
                      "after", "early", "late", "mid", "the", "for", "through", "to", "and",
                      "year", "fiscal", "summer", "winter", "spring", "autumn", "fall", "s"}
_TIME_WORDS = {"a.m.", "p.m.", "am", "pm", "gmt", "utc", "kst", "est", "edt", "et", "pt", "cet",
               "bst", "jst", "hrs", "o'clock", "o’clock"}
_ID_WORDS = {"no", "nos", "number", "article", "resolution", "section", "chapter", "unit",
             "flight", "room", "page", "line", "route", "level", "phase", "grade", "class",
             "model", "type", "version", "paragraph", "item", "rule", "amendment", "title",
             "platform", "gate", "channel", "division", "brigade", "regiment", "battalion",
             "corps", "army", "fleet", "district", "ward", "building", "block", "zone"}
_AGE_WORDS = {"aged", "age", "ages"}
_NP_STOP = {
    # prepositions
    "in", "on", "at", "to", "from", "for", "with", "by", "into", "onto", "of", "across",
    "along", "near", "since", "during", "per", "under", "over", "against", "through",
    "toward", "towards", "inside", "outside", "within", "alongside", "about", "around",
    "between", "among", "amid", "after", "before", "as", "than", "like", "via", "off",
    "out", "up", "down", "behind", "beyond", "including", "each", "every", "a", "an",
    # determiners, pronouns, conjunctions
    "the", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my",
    "your", "it", "they", "he", "she", "we", "i", "you", "who", "which", "whom", "whose",
    "what", "where", "when", "while", "but", "so", "yet", "if", "because", "although",
    "and", "or", "nor", "not", "no",
    # auxiliaries and common verbs that follow a counted noun
    "is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "will",
    "would", "could", "can", "may", "might", "must", "should", "shall", "do", "does",
    "did", "remain", "remains", "died", "die", "say", "said", "says", "arrive", "arrived",
    "fight", "fought", "serve", "served", "went", "go", "came", "come", "left", "more",
    "less", "fewer", "year", "years", "ago",
}
_NOMINAL_PARTICIPLES = {"killed", "wounded", "injured", "missing", "dead", "displaced",
                        "detained", "captured", "deployed", "evacuated", "infected",
                        "unemployed", "employed"}
# "Estimates range from 10,000 to 12,000": after these verbs "from X to Y" is a range, not a change.
_RANGE_VERBS = frozenset("range ranges ranged ranging vary varies varied varying".split())
_RATES = {
    "daily": "per day", "weekly": "per week", "monthly": "per month", "annually": "per year",
    "yearly": "per year", "hourly": "per hour",
}
_RATE_NOUNS = {"day": "per day", "week": "per week", "month": "per month", "year": "per year",
               "hour": "per hour", "annum": "per year"}


@dataclass(frozen=True)
class _Found:
    start: int  # character offsets of the whole expression
    end: int
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    qualifier: str | None
    num_start: int  # token index where the number begins (after qualifier)


def _tokens(text: str) -> list[_Tok]:
    return [_Tok(m.lastgroup or "sym", t := m.group(0), m.start(), m.end(), t.lower()) for m in _TOKEN.finditer(text)]


def _adjacent(a: _Tok, b: _Tok) -> bool:
    return a.end == b.start


def _num(tok: _Tok) -> float:
    return float(tok.text.replace(",", ""))


def _clean(value: float | None) -> float | None:
    """Remove float noise from scale multiplication (1.2 * 1e9)."""
    if value is None:
        return None
    return float(round(value, 6))


def _word_number(toks: list[_Tok], i: int) -> tuple[float, int] | None:
    """Parse a number written in words starting at token i: (value, next index)."""
    total = 0.0
    current = 0.0
    seen = False
    j = i
    n = len(toks)
    while j < n:
        w = toks[j].low
        if w in _SMALL or (w == "one" and seen):
            current += _SMALL.get(w, 1)
            seen = True
            j += 1
        elif w in _TENS:
            current += _TENS[w]
            seen = True
            j += 1
            # twenty-five
            if (j + 1 < n and toks[j].text == "-" and _adjacent(toks[j - 1], toks[j])
                    and toks[j + 1].low in _ONES):
                current += _SMALL.get(toks[j + 1].low, 1)
                j += 2
        elif w in _SCALES and w != "dozen" and seen:
            if _SCALES[w] == 100:
                current *= 100
            else:
                total += current * _SCALES[w]
                current = 0
            j += 1
        elif w == "and" and seen and j + 1 < n and (toks[j + 1].low in _SMALL or toks[j + 1].low in _TENS) \
                and toks[j - 1].low == "hundred":
            j += 1
        else:
            break
    if not seen:
        return None
    return total + current, j


def _scale_after(toks: list[_Tok], j: int) -> tuple[float, int]:
    """A scale word after a number ("2.5 billion", "half a million"): (multiplier, next index)."""
    mult = 1.0
    while j < len(toks) and toks[j].low in _SCALES and toks[j].low != "dozen":
        mult *= _SCALES[toks[j].low]
        j += 1
    if j < len(toks) and toks[j].low == "dozen":
        mult *= 12
        j += 1
    return mult, j


def _is_year(tok: _Tok) -> bool:
    return bool(re.fullmatch(r"1[89]\d\d|20\d\d|2100", tok.text))


def _prev_word(toks: list[_Tok], i: int) -> _Tok | None:
    return toks[i - 1] if i > 0 else None


def _month_before(toks: list[_Tok], i: int) -> bool:
    k = i - 1
    if k >= 0 and toks[k].text == ".":
        k -= 1
    return k >= 0 and toks[k].low in _MONTHS and toks[k].text[0].isupper()


def _month_after(toks: list[_Tok], j: int) -> bool:
    if j < len(toks) and toks[j].low == "of":
        j += 1
    return j < len(toks) and toks[j].low in _MONTHS and toks[j].text[0].isupper()


def _excluded_digit(toks: list[_Tok], i: int, text: str, second: bool = False) -> bool:
    """True when the digit token at i is not a count (date, time, age, identifier …)."""
    tok = toks[i]
    n = len(toks)
    prev = toks[i - 1] if i else None
    nxt = toks[i + 1] if i + 1 < n else None
    if re.fullmatch(r"0\d+", tok.text):
        return True  # phone or code
    if prev is not None and _adjacent(prev, tok):
        if prev.kind in ("word", "acr"):
            return True  # G7, A380
        if prev.text == "-" and i >= 2 and toks[i - 2].kind in ("word", "acr") and _adjacent(toks[i - 2], prev):
            return True  # COVID-19, F-16, Su-25
        if prev.text in ":/#+" or (prev.text == "." and prev.start > 0):
            return True  # 4:58, 24/7, #1, +82, .5 or 1.2.3
    if prev is not None and prev.text == "+":
        return True
    if not second and prev is not None and prev.text in "-–" and i >= 2 and toks[i - 2].kind == "num" \
            and _adjacent(toks[i - 2], prev) and _adjacent(prev, tok):
        return True  # the tail of a chain the first number did not start: 02-123-4567
    if prev is not None and prev.text == "." and i >= 2 and toks[i - 2].low in ("no", "nos"):
        return True  # No. 1
    if nxt is not None and _adjacent(tok, nxt):
        if nxt.text in ":/":
            return True
        if nxt.kind == "word" and nxt.low not in _ATTACHED_SCALES and nxt.low not in ("km", "kg", "mw"):
            return True  # 21st, 1990s, 10am, 5G
        if nxt.text == "-" and i + 2 < n and _adjacent(nxt, toks[i + 2]):
            after = toks[i + 2]
            if after.kind == "word" and after.low not in _SCALES and after.low != "strong":
                return True  # 24-year-old, 10-day visit
            if after.kind == "num" and i + 3 < n and toks[i + 3].text == "-" and _adjacent(after, toks[i + 3]):
                return True  # 02-123-4567
        if nxt.text == "." and i + 2 < n and _adjacent(nxt, toks[i + 2]) and toks[i + 2].kind == "num":
            return True  # 1.2.3 versions / dotted phone numbers
    # list numbering at the start: "1." "(1)" "1)"
    if i == 0 and nxt is not None and nxt.text in ".)" and _adjacent(tok, nxt):
        return True
    if i == 1 and prev is not None and prev.text == "(" and nxt is not None and nxt.text == ")":
        return True
    if _month_before(toks, i) or _month_after(toks, i + 1):
        return True
    if nxt is not None and (nxt.low in _TIME_WORDS or (nxt.low in ("a", "p") and i + 2 < n and toks[i + 2].text == ".")):
        return True
    if prev is not None and prev.low in _AGE_WORDS:
        return True
    if nxt is not None and nxt.low in ("years", "year") and i + 2 < n and toks[i + 2].low in ("old", "of"):
        if toks[i + 2].low == "old" or (i + 3 < n and toks[i + 3].low == "age"):
            return True
    if prev is not None:
        p = prev.low.rstrip(".")
        if p in _ID_WORDS and prev.text[0].isupper() or p in ("no", "nos", "number"):
            return True
        if prev.kind == "word" and prev.text[0].isupper() and i >= 2 and prev.low not in _MONTHS \
                and not _is_qualifier_word(prev.low) and "," not in tok.text and "." not in tok.text:
            return True  # Resolution 2270, Route 9: a name with a number
    # an age in parentheses after a name: "Kim (30)"
    if prev is not None and prev.text == "(" and nxt is not None and nxt.text == ")" and i >= 2 \
            and toks[i - 2].kind == "word" and toks[i - 2].text[0].isupper() and _num(tok) < 120:
        return True
    return False


def _is_qualifier_word(w: str) -> bool:
    return any(q.split()[-1] == w for q in _QUALIFIERS)


def _qualifier_before(toks: list[_Tok], i: int) -> tuple[str | None, int]:
    """The qualifier ending just before token i: (canonical text, its first token index)."""
    for q in _QUALIFIERS:
        words = q.split()
        k = i - len(words)
        if k < 0:
            continue
        if [t.low for t in toks[k:i]] == words and all(t.kind == "word" for t in toks[k:i]):
            return q, k
    return None, i


def _noun_phrase(toks: list[_Tok], j: int) -> tuple[str | None, int]:
    """Head noun of the phrase starting at token j: (head or None, index after the phrase)."""
    n = len(toks)
    head: str | None = None
    proper_head: str | None = None
    last = j
    k = j
    count = 0
    while k < n and count < 6:
        t = toks[k]
        if t.kind == "acr" or (t.kind == "word" and t.text[0].isupper()):
            if t.low in _NP_STOP and count > 0:
                break
            # proper adjectives ("Russian", "North Korean", "U.S.") or a proper plural head
            proper_head = t.text if t.text.endswith("s") and t.kind == "word" else None
            k += 1
            last = k
            count += 1
            continue
        if t.text == "-" and k + 1 < n and _adjacent(toks[k - 1], t) and _adjacent(t, toks[k + 1]) and count:
            k += 1  # hyphenated modifier: "battle-hardened", "North Korea-made"
            continue
        if t.kind != "word":
            break
        w = t.low
        if w in ("and", "or") and k + 1 < n and toks[k + 1].kind in ("word", "acr") \
                and toks[k + 1].text[0].isupper() and head is None:
            k += 1  # "Russian and North Korean soldiers"
            continue
        if w in _NP_STOP or w in _RATES:
            break
        if w.endswith("ly") and w not in ("family", "ally"):
            break
        if count > 0 and head is not None and (w.endswith("ed") or w.endswith("ing")):
            break  # "soldiers killed", "troops fighting"
        if (w.endswith("ed") or w.endswith("ing")) and head is None and w not in _NOMINAL_PARTICIPLES:
            if k + 1 < n and toks[k + 1].kind == "word" and toks[k + 1].low not in _NP_STOP:
                pass  # "armored vehicles", "fighting units": a modifier
            else:
                break
        head = t.text
        proper_head = None
        k += 1
        last = k
        count += 1
        if _is_plural(w):
            break  # "43 missiles and …", "74 drones overnight": a plural noun ends the phrase
    if head is None and proper_head is not None:
        head = proper_head
    return head, last


_IRREGULAR_PLURALS = frozenset(
    "people personnel men women children police staff troops militia cattle aircraft".split()
)


_SINGULAR_IN_S = frozenset("news series species means politics economics physics gas bus".split())


def _is_plural(word: str) -> bool:
    if word in _SINGULAR_IN_S:
        return False
    return word in _IRREGULAR_PLURALS or (
        len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))
    )


def _rate_after(toks: list[_Tok], j: int) -> tuple[str | None, int]:
    n = len(toks)
    if j < n and toks[j].low in _RATES:
        return _RATES[toks[j].low], j + 1
    if j + 1 < n and toks[j].low in ("a", "an", "per", "each", "every") and toks[j + 1].low in _RATE_NOUNS:
        return _RATE_NOUNS[toks[j + 1].low], j + 2
    return None, j


# The words a number can start with (the first word tested by each branch of _parse_number).
_NUMBER_STARTS = frozenset({"a", "an", "half", "tens", "hundreds", "one", "several", "few"}) | frozenset(_VAGUE) \
    | frozenset(_SMALL) | frozenset(_TENS)


# Without a digit, a figure needs one of these words (every word a number starts with
# but "a"/"an", which count only before a scale word, also listed). A word token of
# letters only is a whole run of letters, so the runs are what to look at.
_COUNT_WORDS = (_NUMBER_STARTS - {"a", "an"}) | frozenset(_SCALES)
_DIGIT = re.compile(r"\d")  # what the tokeniser's numbers start with
_LETTERS = re.compile(r"[A-Za-z]+")


def _parse_number(toks: list[_Tok], i: int, text: str, second: bool = False
                  ) -> tuple[float | None, float | None, int, str | None] | None:
    """Number starting at token i: (value, vague lower bound, next index, unit hint).

    `second` is set for the upper end of a range ("10,000-12,000"), whose hyphen
    would otherwise mark it as the tail of a code.
    """
    n = len(toks)
    t = toks[i]
    w = t.low
    if t.kind != "num" and w not in _NUMBER_STARTS:
        return None  # what every branch below needs; most tokens are plain words
    if t.kind == "num":
        if _excluded_digit(toks, i, text, second):
            return None
        value = _num(t)
        j = i + 1
        unit_hint = None
        if j < n and _adjacent(t, toks[j]):
            if toks[j].text == "%":
                return value, None, j + 1, "percent"
            if toks[j].low in _ATTACHED_SCALES:
                return value * _ATTACHED_SCALES[toks[j].low], None, j + 1, None
            if toks[j].low in ("km", "kg", "mw"):
                return value, None, j + 1, toks[j].low
        mult, j = _scale_after(toks, j)
        if j < n and toks[j].low in ("percent", "pct"):
            return value * mult, None, j + 1, "percent"
        if j + 1 < n and toks[j].low == "per" and toks[j + 1].low == "cent":
            return value * mult, None, j + 2, "percent"
        if mult == 1 and _is_year(t) and "," not in t.text:
            prev = toks[i - 1] if i else None
            head, _ = _noun_phrase(toks, j)
            plural = head is not None and head.endswith("s") and not head.endswith("ss")
            if not plural or (prev is not None and (prev.low in _YEAR_PREPOSITIONS or prev.text in ",'’")):
                return None
        return value * mult, None, j, unit_hint
    if w in ("a", "an") and i + 1 < n:
        nxt = toks[i + 1].low
        if nxt == "dozen":
            return 12.0, None, i + 2, None
        if nxt in _SCALES:
            mult, j = _scale_after(toks, i + 1)
            return mult, None, j, None
        if nxt == "half" and i + 2 < n and toks[i + 2].low in _SCALES:  # "a half million"
            mult, j = _scale_after(toks, i + 2)
            return mult / 2, None, j, None
        return None
    if w == "half" and i + 2 < n and toks[i + 1].low in ("a", "an") and toks[i + 2].low in _SCALES:
        mult, j = _scale_after(toks, i + 2)
        return mult / 2, None, j, None
    if w in ("tens", "hundreds") and i + 2 < n and toks[i + 1].low == "of" and toks[i + 2].low in _VAGUE:
        low = 2 * (10 if w == "tens" else 100) * _VAGUE[toks[i + 2].low]
        return None, low, i + 3, None
    if w in _VAGUE:
        return None, 2.0 * _VAGUE[w], i + 1, None
    if w in _SMALL or w in _TENS or w == "one":
        if w == "one":
            # "one" is a count only with a scale ("one million"); elsewhere a pronoun.
            if not (i + 1 < n and toks[i + 1].low in _SCALES):
                return None
        if i + 1 < n and toks[i + 1].text == "-" and _adjacent(t, toks[i + 1]) and i + 2 < n \
                and toks[i + 2].low not in _ONES and toks[i + 2].low not in _SCALES:
            return None  # "two-thirds", "three-day", "five-year"
        parsed = _word_number(toks, i)
        if parsed is None:
            return None
        value, j = parsed
        if j < n and toks[j].low == "dozen":
            return value * 12, None, j + 1, None
        if j < n and toks[j].low in _VAGUE and toks[j].low != "dozens":
            return None
        if j < n and toks[j].low in ("years", "year") and j + 1 < n and toks[j + 1].low == "old":
            return None
        if j < n and toks[j].low in ("of", "or") and value < 10 and toks[j].low == "of" and not (
                value >= 2 and j + 1 < n and toks[j + 1].low in ("its", "their", "his", "her", "our")):
            # "two of the", "three of them" — still a count, but of an unstated whole
            # ("eight of its men" names the whole: a count of men).
            return None
        return value, None, j, None
    if w in ("several", "few") and i + 1 < n and toks[i + 1].low in ("hundred", "thousand", "million", "dozen"):
        scale = _SCALES[toks[i + 1].low]
        return None, 2.0 * scale, i + 2, None
    return None


def _find(text: str) -> list[_Found]:
    toks = _tokens(text)
    n = len(toks)
    found: list[_Found] = []
    i = 0
    while i < n:
        t = toks[i]
        currency = None
        start_i = i
        if t.text in _CURRENCY_SYMBOLS and i + 1 < n and toks[i + 1].kind == "num" and _adjacent(t, toks[i + 1]):
            currency = _CURRENCY_SYMBOLS[t.text]
            i += 1
            t = toks[i]
        elif t.low in ("us", "usd") and i + 2 < n and toks[i + 1].text == "$" and toks[i + 2].kind == "num":
            currency = "dollars"
            i += 2
            t = toks[i]
        # "several dozen(s)" / "a few hundred": keep "several" as the qualifier
        parsed = _parse_number(toks, i, text)
        if parsed is None:
            i += 1
            continue
        value, vague_low, j, unit_hint = parsed
        qual, q_start = _qualifier_before(toks, start_i)
        if t.low in ("several", "few"):
            qual = "several" if t.low == "several" else "a few"
            q_start = i - 1 if t.low == "few" and i and toks[i - 1].low == "a" else i
        elif qual in ("several", "a few") and vague_low is None:
            qual, q_start = None, start_i
        if qual == "more":  # "more 2,000 troops" is not English; "more" belongs elsewhere
            qual, q_start = None, start_i
        low = high = None
        # ranges: "between X and Y", "X to Y", "X-Y"
        second = None
        if j < n and value is not None:
            link = toks[j]
            is_link = (link.text in ("-", "–", "—") and (link.text != "-" or _adjacent(toks[j - 1], link))) \
                or link.low == "to" or (link.low == "and" and qual == "between")
            if is_link and j + 1 < n:
                k = j + 1
                if currency and k < n and toks[k].text in _CURRENCY_SYMBOLS:
                    k += 1
                if toks[k].kind == "num" or toks[k].low in _SMALL or toks[k].low in _TENS:
                    p2 = _parse_number(toks, k, text, second=True)
                    if p2 is not None and p2[0] is not None:
                        second = p2
                    elif link.text == "-" and toks[k].kind == "num" and _adjacent(link, toks[k]):
                        i = k + 1  # "13-2", "2024-2025": not a count
                        continue
        if second is not None:
            v2, _, j2, hint2 = second
            # the first number shares the second's scale: "between 10 and 12 million"
            if v2 >= 1000 and value < 1000 and v2 / max(value, 1) > 100:
                mag = 10 ** (len(str(int(v2))) - len(str(int(value))))
                value = value * mag
            prev_word = toks[q_start - 1].low if q_start > 0 else ""
            range_verb = q_start > 1 and toks[q_start - 2].low in _RANGE_VERBS
            if prev_word == "from" and qual != "between" and not range_verb:
                second = None  # "rose from 10,000 to 12,000": a change, two figures
            elif unit_hint is not None and unit_hint != hint2:
                second = None  # "rose 15 percent to 1,500": two different measures
            elif v2 > value:
                low, high = value, v2
                value = None
                j = j2
                unit_hint = unit_hint or hint2
            else:
                second = None
                if toks[j].text == "-":
                    i = j + 2  # "13-2" is a score, not a range
                    continue
        unit = currency or unit_hint
        end = toks[j - 1].end
        if unit is None or unit == currency:
            k = j
            determiners = ("the", "its", "their", "his", "her", "our", "these", "those")
            if k < n and toks[k].low == "of" and (vague_low is not None or toks[j - 1].low in _SCALES):
                k += 1
                if k < n and toks[k].low in determiners:
                    k += 1
            elif k + 1 < n and toks[k].low == "of" and toks[k + 1].low in determiners:
                k += 2  # "about 3,000 of its soldiers"
            elif k + 1 < n and toks[k].text == "-" and toks[k + 1].low == "strong":
                k += 2  # "an 11,000-strong force"
            head, after = _noun_phrase(toks, k)
            if head is not None and unit is None:
                unit = head
                end = toks[after - 1].end
                j = after
            elif head is not None and currency and head.lower() in ("dollars", "euros", "won", "yen", "yuan"):
                end = toks[after - 1].end
                j = after
        if unit is None or unit != "percent":
            rate, j_rate = _rate_after(toks, j)
            if rate:
                unit = f"{unit} {rate}" if unit else rate
                end = toks[j_rate - 1].end
                j = j_rate
        if value is not None:
            if qual in _LOWER_BOUND:
                low = value
            elif qual in _UPPER_BOUND:
                high = value
        if vague_low is not None:
            low = vague_low
        if qual == "between" and second is None:
            qual, q_start = None, start_i
        found.append(_Found(toks[q_start].start, end, _clean(value), _clean(low), _clean(high),
                            unit, qual, i))
        i = max(j, i + 1)
    return _merge_continuations(text, found)


def _merge_continuations(text: str, found: list[_Found]) -> list[_Found]:
    """Join "over 1,000 casualties, with numbers potentially exceeding 1,200" into one
    range, and a vague amount restated ("dozens, several dozens") into one amount."""
    out: list[_Found] = []
    for f in found:
        if out:
            prev = out[-1]
            between = text[prev.end : f.start]
            if (
                prev.value is None and f.value is None and prev.high is None and f.high is None
                and prev.low == f.low and re.fullmatch(r"[\s,;—–-]*(?:or\s+|even\s+|possibly\s+|perhaps\s+)*", between)
            ):
                # The same vague amount said twice: one quantity, the fuller wording.
                out[-1] = _Found(prev.start, f.end, None, f.low, None, f.unit or prev.unit,
                                 f.qualifier or prev.qualifier, prev.num_start)
                continue
            if prev.unit is None and f.unit is not None and between.strip() == "to" \
                    and text[: prev.start].rstrip().lower().endswith("from"):
                # "from 10,000 to 12,000 troops": both figures count troops
                out[-1] = _Found(prev.start, prev.end, prev.value, prev.low, prev.high, f.unit,
                                 prev.qualifier, prev.num_start)
            if (
                prev.value is not None
                and prev.unit is not None
                and f.unit is None
                and f.value is not None
                and f.qualifier in _RANGE_CONTINUATION
                and prev.value < f.value <= 3 * prev.value
                and len(between.split()) <= 8
                and not re.search(r"\d|[.;:!?]", between)
                and re.search(r",|\b(?:and|or|with|possibly|potentially|perhaps|even)\b", between)
            ):
                out[-1] = _Found(prev.start, f.end, prev.value, prev.low if prev.low is not None else prev.value,
                                 f.value, prev.unit, prev.qualifier, prev.num_start)
                continue
        out.append(f)
    return out


@functools.lru_cache(maxsize=4096)
def find_quantities(sentence: str) -> tuple[Quantity, ...]:
    """The quantities stated in `sentence`, in order (see module docstring for rules)."""
    # Cached: a sentence without a speaker is read for figures twice (is it a claim,
    # then the claim's figures), and wire copy repeats sentences across stories.
    if not _DIGIT.search(sentence) and not any(w.lower() in _COUNT_WORDS for w in _LETTERS.findall(sentence)):
        return ()  # nothing a number can start with: no need to tokenise
    return tuple(
        Quantity(value=f.value, low=f.low, high=f.high, unit=f.unit, qualifier=f.qualifier,
                 text=sentence[f.start : f.end])
        for f in _find(sentence)
    )

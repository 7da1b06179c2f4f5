"""One boilerplate stage for every reader: which blocks of a page are the article.

Each reader turns its page into `Block`s (a paragraph or list item with what its
markup says about it: how much of it is link text, whether it is set off in bold or
italics, whether a horizontal rule stands above it) and `strip` sorts them into
body, captions and chrome. The decisions rest on structure, so they hold on sites
never seen:

- link density: a block that is mostly link text is a link row ("Read more: …",
  "Related coverage: …", share buttons), not text;
- the tail after the body: what follows the last horizontal rule is a footer
  (membership appeals, "Also on …" lists, share rows) unless it holds running text;
- runs of short headline-like lines: two or more list items or lines that are not
  sentences, with the label over them, are a teaser list;
- lines that are not sentences: before the body a standfirst or kicker, inside or
  after it a crosshead, a label or a related headline without its link;
- author notes at the foot ("Jane Doe is a correspondent covering ...");
- notices at the head or foot of the article: a short block there using a word of
  the NOTICE_WORDS lexicon (comments, podcasts, newsletters, memberships);
- caption tails: a short block that ends in a verbless fragment naming a picture
  ("… Kursk region. Illustrative photo.", "(File photo)") is a caption;
- a live blog's entry times printed on lines of their own open the entry after them;
- a list of clauses right after a lead ending in ":" ("In the statement, the
  ministers:" over "- expressed grave concern ...;") is the lead's sentence going on,
  not a teaser list: its items start in lower case or end as clauses do (; , .);
- a disclaimer at the head or foot of an opinion piece: a short block holding a
  sentence that disclaims views or opinions for their author or the outlet
  (DISCLAIMER_* lexicons: a word for views, one for whose they are, one that
  disclaims), and no reported words;
- section headings reach the body only when they carry a date ("15 June: ...",
  "Tuesday", "What happened yesterday"): they set the day of what follows them, so
  the claim stage must see them; a dated heading before or after the body is dropped.

The cue words (nouns for pictures, notice and appeal words) are lexicons those rules
consult; the line-level furniture lexicons live in `newsgen.load.chrome`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from newsgen.load import chrome
from newsgen.load.clean import ends_sentence, is_prose, is_short_sentence, strip_closers, word_count, words
from newsgen.load.datetext import header_date, stamps

# Nouns that name a picture; a caption's closing fragment is made of these and their modifiers.
MEDIA_NOUNS = frozenset("""
photo photos photograph image images picture pictures illustration illustrations footage video
videos graphic graphics screenshot screengrab still stills file archive
""".split())

# Words of the notices a site puts around an article (comments, podcasts, newsletters,
# memberships, apps, sharing). A short block at the page's head or foot that uses one
# is a notice, even when it is a sentence ("Comments are closed for this article.").
NOTICE_WORDS = frozenset("""
comments podcast podcasts newsletter newsletters subscribe subscriber subscribers subscription
subscriptions membership reader-supported donate app episode listen reuse republish sponsored
advertisement
""".split())
# Words that make a notice only when the block speaks to the reader ("Become a member
# today", "Support our journalism"); "Council members said" is text.
APPEAL_WORDS = frozenset("""
member members support supporter supporters donation donations share sign join follow free
favour favor contribute contribution journalism
""".split())
# Stock lines a site prints around every story, each known by a pair of its words: an
# affiliate-link disclosure ("may receive compensation for some links"), a syndication
# note ("auto-generated from a syndicated feed"), a referral offer ("Refer 3 friends"), a
# plea ("Support independent journalism"), a site's code of practice ("The Lantern
# Editorial Code: accuracy, independence"), a live page's mechanics ("Times shown are
# relative to when you loaded this page", "Refresh the page for the latest").
_DISCLOSURE = ({"compensation", "links"}, {"commission", "links"}, {"affiliate", "links"}, {"auto-generated"},
               {"syndicated", "feed"}, {"refer", "friends"}, {"support", "journalism"},
               {"editorial", "code"}, {"editorial", "standards"}, {"editorial", "guidelines"},
               {"loaded", "page"}, {"refresh", "page"},
               # offers ("Use code LONGFRONT for 20% off", "members get ad-free episodes"),
               # a page's widgets and change notes ("Was this information helpful?",
               # "Corrected a broken link").
               {"code", "off"}, {"code", "free"}, {"ad-free"}, {"episode", "supported"},
               {"was", "helpful"}, {"broken", "link"},
               # a translation desk's credit ("This dispatch was translated from the French by
               # the Lantern Pacific desk"), a digest's caveat ("They are not official records").
               {"translated", "desk"}, {"translation", "desk"}, {"not", "official", "records"})
READER_WORDS = frozenset("you your yours our us we".split())
# A block that reports someone's words is text, whatever else it says.
REPORTING_WORDS = frozenset("said says told tells according added stated announced wrote quoted".split())
_QUOTE_MARKS = re.compile(r"[\"“”„«»]")
# A disclaimer sentence has a word for views, a word for whose views they are, and a
# word that disclaims or owns them ("The opinions expressed are solely the writer's").
DISCLAIMER_VIEWS = frozenset("views view opinions opinion".split())
DISCLAIMER_HOLDERS = frozenset("""
author author's authors authors' writer writer's writers columnist columnist's contributor contributor's
contributors guest own publication newspaper outlet editors editorial board site station
""".split())
DISCLAIMER_VERBS = frozenset("""
expressed necessarily reflect reflects represent represents own solely personal endorse endorses
""".split())
_DISCLAIMER_MAX_WORDS = 40
# Words that date a heading without a full date ("What happened yesterday", "Tuesday").
DAY_WORDS = frozenset("""
yesterday today tonight tomorrow monday tuesday wednesday thursday friday saturday sunday
""".split())
_HEADING_WORDS = 15
_NOTICE_MAX_WORDS = 25

# A block whose link text makes up at least this share of its characters is a link row.
LINK_DENSE = 0.5
# Link text above this share means a block is not running text (for the tail rule).
LINK_SOME = 0.2
# A caption-tail fragment has at most this many words, in a block of at most _CAPTION_WORDS.
_FRAGMENT_WORDS = 3
_CAPTION_WORDS = 45
_TEASER_RUN = 2
_HEADLINE_WORDS = 15
# How many blocks from the end an author note may stand.
_FOOT = 2
# An entry opened by its time, once joined to it ("18:42 – The Pentagon said …").
_ENTRY_TIME = re.compile(r"^\(?(?:[01]?\d|2[0-3])[:.][0-5]\d\b[^–]{0,20}– ")
# A live blog's entry time printed on a line of its own ("18:42", "10.42am", "14:05 GMT").
_CLOCK = re.compile(
    r"^\(?(?:[01]?\d|2[0-3])[:.][0-5]\d\s*(?:[ap]\.?m\.?)?\s*(?:GMT|UTC|BST|CET|CEST|EET|EEST|MSK|KST|JST|"
    r"EST|EDT|PST|PDT|ET|PT|local\s+time)?\)?$",
    re.I,
)


@dataclass(frozen=True)
class Block:
    """A paragraph-like unit of a page, with the structure its markup gives it."""

    text: str
    link_chars: int = 0  # characters of `text` inside links
    emphasis: bool = False  # all of it in bold / italics / small print
    after_rule: bool = False  # the page's last horizontal rule stands above it
    item: bool = False  # a list item
    heading: bool = False  # a section heading (readers pass only headings that may carry a date)
    line: int | None = None  # 1-based line in the source, where known

    @property
    def link_density(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0


@dataclass(frozen=True)
class Sorted:
    body: tuple[Block, ...]
    captions: tuple[Block, ...]
    chrome: tuple[tuple[Block, str], ...]  # each dropped block with the rule that dropped it

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(b.text for b in self.body)


def running_text(block: Block) -> bool:
    """Prose a reader wrote for this article: a sentence, not a link row or a set-off note."""
    return _running(block) and not chrome.is_furniture(block.text) and not chrome.is_skippable(block.text)


def _running(block: Block) -> bool:
    # running_text for a block already known not to be furniture
    return is_prose(block.text) and not block.emphasis and block.link_density < LINK_SOME


def _sentence(text: str) -> bool:
    return is_prose(text) or is_short_sentence(text)


_LAST_FRAGMENT = re.compile(r"(?:(?<=[.!?])\s+|^|\s(?=\())(?P<frag>\(?[^.!?()]{1,40}\)?[.!]?)\s*$")


def caption_tail(text: str) -> bool:
    """Does the block end in a fragment that only names a picture ("Illustrative photo.",
    "(File photo)", "Archive image")? Such a block is a caption."""
    if word_count(text) > _CAPTION_WORDS:
        return False
    m = _LAST_FRAGMENT.search(text.strip())
    if not m:
        return False
    frag = m.group("frag").strip("() .!")
    toks = [w.lower().strip(",;:") for w in words(frag)]
    if not 1 <= len(toks) <= _FRAGMENT_WORDS or not any(t in MEDIA_NOUNS for t in toks):
        return False
    # The fragment stands after a sentence, or in parentheses, or is the whole block.
    return m.start() > 0 or m.group("frag").startswith("(") or len(toks) == len(words(text))


def _header_line(text: str) -> bool:
    """A byline or date line, which the reader reads as the article's header."""
    return len(words(text)) <= 20 and bool(chrome.by_line(text) or stamps(text) or header_date(text))


def is_clock(text: str) -> bool:
    return bool(_CLOCK.match(text.strip()))


def clock_of_heading(text: str) -> str | None:
    """The time that opens an entry's heading ("17:45 KST · Moscow: Kim visit …"), else None."""
    m = re.match(r"^(.{4,24}?)\s+[·|•–—-]\s+\S", text.strip())
    return m.group(1) if m and is_clock(m.group(1)) else None


def _with_entry_times(blocks: list[Block]) -> list[Block]:
    """A live blog's entry time on a line of its own opens the entry that follows it
    ("18:42" + "The Pentagon said ..." -> "18:42 – The Pentagon said ..."), as live
    blogs print it inline elsewhere; the time dates the entry."""
    if sum(1 for b in blocks if is_clock(b.text)) < _TEASER_RUN:
        return blocks  # one time alone is a header's (a transcript's "1:47 P.M. EST"), not entries
    out: list[Block] = []
    pending: Block | None = None
    for b in blocks:
        if is_clock(b.text):
            pending = b
            continue
        if pending is not None and b.heading and not dated_heading(b.text):
            out.append(b)  # the entry's headline: the time opens the text under it
            continue
        if pending is not None and is_prose(b.text):
            b = replace(b, text=f"{pending.text.strip('()')} – {b.text}", line=pending.line or b.line)
            pending = None
        elif pending is not None and b.heading:
            pending = None
        # (Else the time waits for the entry's first sentence: an embedded post's
        # links and tags above it are no text of the entry.)
        out.append(b)
    return out


def _label(block: Block) -> bool:
    """A short line over a list that is not a sentence ("Also on Example News", "Read also:")."""
    t = block.text.strip()
    return (len(words(t)) <= 8 and not ends_sentence(t.rstrip(":："))
            and (block.emphasis or t.endswith((":", "：")) or chrome.is_label(t)))


def _teaser(block: Block) -> bool:
    """A headline-like line in a list: not a sentence, or a link."""
    return block.link_density >= LINK_DENSE or not _sentence(block.text) or (
        block.item and not ends_sentence(block.text))


def _notice(block: Block) -> bool:
    if word_count(block.text) > _NOTICE_MAX_WORDS:
        return False
    toks = set(re.findall(r"[a-z]+(?:-[a-z]+)*", block.text.lower()))  # "we've" -> we, ve
    if toks & REPORTING_WORDS or _QUOTE_MARKS.search(block.text):
        return False
    return bool(toks & NOTICE_WORDS) or bool(toks & APPEAL_WORDS and toks & READER_WORDS) or any(d <= toks for d in _DISCLOSURE)


def _stock_line(block: Block) -> bool:
    """A short line that every page of the site prints, known by a pair of its words."""
    if word_count(block.text) > _NOTICE_MAX_WORDS:
        return False
    toks = set(re.findall(r"[a-z]+(?:-[a-z]+)*", block.text.lower()))
    return not (toks & REPORTING_WORDS or _QUOTE_MARKS.search(block.text)) and any(d <= toks for d in _DISCLOSURE)


def disclaimer(block: Block) -> bool:
    """A short block with a sentence disclaiming views for their author or the outlet."""
    if word_count(block.text) > _DISCLAIMER_MAX_WORDS or _QUOTE_MARKS.search(block.text):
        return False
    for sentence in re.split(r"(?<=[.!?])\s+", block.text):
        toks = set(re.findall(r"[a-z]+(?:['’][a-z]+)?", sentence.lower().replace("’", "'")))
        if toks & REPORTING_WORDS:
            return False
        if toks & DISCLAIMER_VIEWS and toks & DISCLAIMER_HOLDERS and toks & DISCLAIMER_VERBS:
            return True
    return False


_MONTH_WORD = re.compile(r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
                         r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?", re.I)
# 2024-11-05, 05.11.2024, 11/5 ("2.1%" and "3.5 million" are not dates).
_NUMERIC_DAY = re.compile(r"\b(?:19|20)\d\d[-/.][01]?\d[-/.][0-3]?\d\b|\b[0-3]?\d[/.][01]?\d[/.](?:19|20)\d\d\b|"
                          r"(?<![\d.,])\b[01]?\d/[0-3]?\d\b(?![\d.,%/])")


def dated_heading(text: str) -> bool:
    """Does a heading carry a day: a month with a day number ("15 June", "June 15"), a
    numeric date, or a day word ("Tuesday", "yesterday")?"""
    t = text.strip()
    if word_count(t) > _HEADING_WORDS:
        return False
    month = _MONTH_WORD.search(t)
    if month and re.search(r"\b[0-3]?\d(?:st|nd|rd|th)?\b", t[max(0, month.start() - 6):month.end() + 6]):
        return True
    if _NUMERIC_DAY.search(t):
        return True
    return bool(set(re.findall(r"[a-z]+", t.lower())) & DAY_WORDS)


def clause(text: str) -> bool:
    """Text that goes on a lead's sentence: five words or more, starting in lower case or
    ending as a clause does (; , . :)."""
    t = strip_closers(text.strip())
    return word_count(t) >= 5 and (t[:1].islower() or t[-1:] in (";", ",", ".", ":"))


def _clause_item(block: Block) -> bool:
    """A list item that goes on a sentence."""
    return block.item and block.link_density < LINK_SOME and clause(block.text)


def _introduced(blocks: list[Block], i: int, j: int) -> bool:
    """Are blocks i..j-1 a list of clauses right after a lead that ends in ":"?"""
    if i == 0:
        return False
    lead = blocks[i - 1].text.strip()
    return (lead.endswith((":", "：")) and blocks[i - 1].link_density < LINK_SOME and not blocks[i - 1].item
            and not chrome.is_label(lead) and all(_clause_item(blocks[k]) for k in range(i, j)))


def _headline_like(block: Block) -> bool:
    t = block.text.strip()
    return word_count(t) <= _HEADLINE_WORDS and not strip_closers(t).endswith(".") and not chrome.SPEAKER_LABEL.match(t)


def strip(blocks: list[Block] | tuple[Block, ...]) -> Sorted:
    """Sort a page's blocks into body, captions and chrome (see the module docstring)."""
    blocks = _with_entry_times(list(blocks))
    reason: dict[int, str] = {}
    captions: set[int] = set()
    headings = {i for i, b in enumerate(blocks) if b.heading}
    for i in headings:
        if not dated_heading(blocks[i].text):
            reason[i] = "heading"
    for i, b in enumerate(blocks):
        if i in headings:
            continue
        if chrome.is_furniture(b.text) or chrome.is_skippable(b.text):
            reason[i] = "furniture"
        elif b.link_density >= LINK_DENSE:
            reason[i] = "link row"
        elif i > 0 and i >= len(blocks) - _FOOT and chrome.bio_name(b.text):
            reason[i] = "author note"  # "Jane Doe is a correspondent for ..." under the article
        elif b.emphasis and b.link_chars:
            # Set off from the text and linking away: an appeal ("Enjoying this? Subscribe here").
            reason[i] = "appeal"
        elif caption_tail(b.text) or (word_count(b.text) <= _CAPTION_WORDS and chrome.photo_credit(
                b.text, bracketed=chrome.trailing_credit(b.text) is None)):
            captions.add(i)

    # Runs of teaser lines (list items or links that are not sentences), with their label.
    i = 0
    while i < len(blocks):
        j = i
        while j < len(blocks) and (blocks[j].item or blocks[j].link_density >= LINK_DENSE) and _teaser(blocks[j]):
            j += 1
        if j - i >= _TEASER_RUN and not _introduced(blocks, i, j):
            for k in range(i, j):
                reason.setdefault(k, "teaser list")
            if i > 0 and _label(blocks[i - 1]):
                reason.setdefault(i - 1, "teaser label")
        i = max(j, i + 1)

    # A label over two or more short lines that are not statements (headlines, perhaps
    # ending in "?"), without list markup: a teaser list too.
    for i, b in enumerate(blocks):
        if not _label(b):
            continue
        j = i + 1
        while j < len(blocks) and _headline_like(blocks[j]):
            j += 1
        if j - i - 1 >= _TEASER_RUN and not _introduced(blocks, i + 1, j):
            for k in range(i, j):
                reason.setdefault(k, "teaser list")

    body_at = [i for i, b in enumerate(blocks)
               if i not in reason and i not in captions and i not in headings and _running(b)]
    if body_at:
        first, last = body_at[0], body_at[-1]
        # A dated heading sets the day of the text under it; before or after the body it
        # has none, but for the first day's on a page that heads its days ("TUESDAY" …
        # entries … "MONDAY" … entries): it stands just above the first entry.
        inside = {i for i in headings if first < i < last and i not in reason}
        live = sum(1 for b in blocks if _ENTRY_TIME.match(b.text)) >= _TEASER_RUN  # entries opened by their time
        opening = max((i for i in headings if i < first and i not in reason), default=None) if live else None
        for i in headings:
            if not first < i < last and not (i == opening and inside and all(
                    k in headings or k in reason for k in range(i + 1, first))):
                reason.setdefault(i, "heading")
        kept_headings = headings - set(reason)
        # Before the body and not a sentence: a standfirst or kicker (a transcript's
        # speaker turns excepted: they may be cut off mid-sentence).
        for i in range(first):
            t = blocks[i].text
            if i in kept_headings:
                continue  # the first day's heading on a page that heads its days
            if not ends_sentence(t) and not chrome.SPEAKER_LABEL.match(t) and not _header_line(t):
                reason.setdefault(i, "standfirst")
        # Inside and after the body, a line that is not a sentence is a crosshead, a
        # teaser or a label ("Read also", a related headline without its link).
        for i in range(first + 1, len(blocks)):
            t = blocks[i].text
            if i in kept_headings:
                continue
            if i not in captions and not (ends_sentence(t, colon=True) or blocks[i].item or chrome.SPEAKER_LABEL.match(t)
                    or _header_line(t) or word_count(t) > _CAPTION_WORDS):
                reason.setdefault(i, "not a sentence")
        # After the last rule that follows the body: a footer, unless it holds running text.
        tail = [i for i in range(last + 1, len(blocks)) if blocks[i].after_rule]
        for i in tail if not blocks[last].after_rule else ():
            if i not in captions:
                reason.setdefault(i, "after the body")
        # A label left alone at the end (its list gone): nothing follows it.
        for i in range(len(blocks) - 1, last, -1):
            if i in reason or i in captions:
                continue
            if _label(blocks[i]) or blocks[i].emphasis:
                reason[i] = "after the body"
            else:
                break

    # Notices at the head or foot of what is left: short and using a notice word.
    # Disclaimers likewise ("The views expressed are the author's own."). A stock line
    # is one wherever it stands (a membership plea between a live page's entries).
    kept = [i for i in range(len(blocks)) if i not in reason and i not in captions]
    for i in kept:
        if _stock_line(blocks[i]):
            reason[i] = "notice"
    kept = [i for i in kept if i not in reason]
    for order in (kept, kept[::-1]):
        for i in order:
            if _notice(blocks[i]):
                reason[i] = "notice"
            elif disclaimer(blocks[i]):
                reason[i] = "disclaimer"
            else:
                break

    body = tuple(b for i, b in enumerate(blocks) if i not in reason and i not in captions)
    return Sorted(
        body=body,
        captions=tuple(blocks[i] for i in sorted(captions) if i not in reason),
        chrome=tuple((blocks[i], reason[i]) for i in sorted(reason)),
    )


def without_outlet_blurb(paragraphs: tuple[str, ...], outlet: str | None) -> tuple[str, ...]:
    """The paragraphs without a last one in which the outlet describes itself ("Imjin
    Report translates and annotates North Korean state media every weekday."): one
    sentence opening with the outlet's name, reporting nothing and quoting no one."""
    if not outlet or len(paragraphs) < 2:
        return paragraphs
    last = paragraphs[-1].strip()
    name = outlet.strip()
    if not last.casefold().startswith(name.casefold() + " ") or _QUOTE_MARKS.search(last) \
            or re.search(r"[.!?]\s+\S", last.rstrip(".!? ")) or word_count(last) > 30:
        return paragraphs
    toks = re.findall(r"[a-z]+", last[len(name):].lower())
    # What it does, every day ("translates", "covers", "is"), not what it did here
    # ("NK News could not independently verify the footage").
    habitual = bool(toks) and (toks[0] == "is" or re.fullmatch(r"[a-z]+[^s]s", toks[0]) is not None
                               and toks[0] not in ("was", "has", "does"))
    return paragraphs if set(toks) & REPORTING_WORDS or not habitual else paragraphs[:-1]


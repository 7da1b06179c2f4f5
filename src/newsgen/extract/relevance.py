"""Which tracked topics a text is about, and whether a claim belongs on the timeline.

A topic matches when one of its keywords occurs in the text as whole words,
case-insensitively ("North Korea" matches "north korea's", not "North Koreans";
"troops" does not match "troopship"). Multi-word keywords allow any run of white
space between their words; curly and straight apostrophes are the same.

Keeping rule (`keep`): only claims about the tracked story reach the timeline.

* An **attributed** claim is kept when its own text matches a topic, or the text of
  its statement group (the same speaker's consecutive statements) does, or the
  story as a whole is on-topic: a named speaker's statement in an article about the
  story is part of the story even when one sentence of it names no keyword.
* An **unattributed** claim (a figure stated by the article itself) is kept only
  when its own text matches: a stray sentence about stock markets with a number in
  an on-topic article is not on the timeline.
* With no topics configured nothing is filtered.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from newsgen.model import Topic


_BEFORE, _AFTER = r"(?<![\w-])", r"(?![\w-])"  # whole words


def _words(keyword: str) -> str:
    return r"\s+".join(re.sub(r"['’]", "['’]", re.escape(w)) for w in keyword.split())


@lru_cache(maxsize=512)
def _pattern(keyword: str) -> re.Pattern:
    return re.compile(_BEFORE + _words(keyword) + _AFTER, re.IGNORECASE)


def matches(keyword: str, text: str) -> bool:
    keyword = keyword.strip()
    return bool(keyword) and bool(_pattern(keyword).search(text or ""))


@lru_cache(maxsize=256)
def _topic_pattern(keywords: tuple[str, ...]) -> re.Pattern | None:
    # One search per topic instead of one per keyword: the same matches, faster. The
    # word-boundary tests stand outside the alternatives (a match exists exactly when
    # one keyword's does), so the search is not tried keyword by keyword at every
    # character of a whole story.
    parts = [_words(k.strip()) for k in keywords if k.strip()]
    return re.compile(_BEFORE + "(?:" + "|".join(parts) + ")" + _AFTER, re.IGNORECASE) if parts else None


def match_topics(text: str, topics: Sequence[Topic]) -> tuple[str, ...]:
    """Ids of the topics with a keyword in `text`, in the topics' order."""
    if text is not None and len(text) > _CACHED_LENGTH:
        return _match_topics.__wrapped__(text, tuple(topics))  # a whole story: asked once
    return _match_topics(text, tuple(topics))


# Sentences and statement groups are cached; longer texts (a whole story) are not
# asked twice and would only fill memory.
_CACHED_LENGTH = 2000


@lru_cache(maxsize=4096)
def _match_topics(text: str, topics: tuple[Topic, ...]) -> tuple[str, ...]:
    # Cached: a sentence is matched as itself and inside its statement group, and
    # wire copy repeats sentences across stories.
    out = []
    for t in topics:
        pat = _topic_pattern(tuple(t.keywords))
        if pat is not None and pat.search(text or ""):
            out.append(t.id)
    return tuple(out)


def keep(own: tuple[str, ...], group: tuple[str, ...], story_on_topic: bool, attributed: bool, has_topics: bool) -> bool:
    """The keeping rule of the module docstring, given the matches already made."""
    if not has_topics:
        return True
    if own:
        return True
    if not attributed:
        return False
    return bool(group) or story_on_topic

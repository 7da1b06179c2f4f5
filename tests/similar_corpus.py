"""A generated corpus for the near-duplicate detectors: many articles on one story,
all drawing on the story's common vocabulary and stock phrases, with planted
copies (same outlet and other outlets), trimmed copies and rewrites.

Used by tests/test_similar.py and tests/bench_similar.py; deterministic for a seed.
"""
from __future__ import annotations

import datetime as dt
import random

from newsgen.model import Story

# Stock phrases every article on one story repeats (shared 3- and 5-word shingles).
PHRASES = [
    "north korean troops", "said on monday", "according to officials", "in a statement",
    "the defence ministry said", "near the border", "state media reported", "the foreign ministry",
    "intelligence officials said", "in the kursk region", "on the front line", "a senior official said",
]


def _vocabulary(rng: random.Random, n: int) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = {"".join(rng.choice(letters) for _ in range(rng.randint(3, 9))) for _ in range(n * 2)}
    return sorted(words)[:n]


def _sentence(rng: random.Random, vocab: list[str]) -> str:
    words = [vocab[min(int(rng.expovariate(10 / len(vocab))), len(vocab) - 1)] for _ in range(rng.randint(12, 24))]
    for _ in range(rng.randint(1, 2)):  # a stock phrase or two in nearly every sentence
        words.insert(rng.randrange(len(words) + 1), rng.choice(PHRASES))
    return " ".join(words).capitalize() + "."


def _article(rng: random.Random, vocab: list[str], words: int) -> list[str]:
    sentences: list[str] = []
    while sum(len(s.split()) for s in sentences) < words:
        sentences.append(_sentence(rng, vocab))
    return [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]


def _reword(rng: random.Random, vocab: list[str], paragraph: str) -> str:
    """Changes a word here and there, as a rewrite does."""
    words = paragraph.split()
    for _ in range(max(1, len(words) // 25)):
        i = rng.randrange(len(words))
        words[i] = rng.choice(vocab) + ("." if words[i].endswith(".") else "")
    return " ".join(words)


def corpus(n: int, *, words: int = 600, seed: int = 9, copies: bool = True, vocabulary: int = 3000) -> list[Story]:
    """n stories; about one in ten is a planted copy, trimmed copy or rewrite of an
    earlier one (none without `copies`). A small `vocabulary` makes every article
    repeat the same words and phrases."""
    rng = random.Random(seed)
    vocab = _vocabulary(rng, vocabulary)
    outlets = [f"Outlet {i}" for i in range(12)]
    stories: list[Story] = []
    for i in range(n):
        day = dt.date(2024, 10, 1) + dt.timedelta(days=rng.randrange(60))
        outlet = rng.choice(outlets)
        kind = rng.random() if stories and copies else 1.0
        if kind < 0.04:  # the same text again, same outlet or another (a wire story)
            base = rng.choice(stories)
            paragraphs = list(base.paragraphs)
            outlet = rng.choice([base.outlet, outlet])
        elif kind < 0.07:  # trimmed: the first part of another article
            base = rng.choice(stories)
            paragraphs = list(base.paragraphs[: max(1, len(base.paragraphs) * 2 // 3)])
        elif kind < 0.10:  # a rewrite: some paragraphs kept (a few words changed), others new
            base = rng.choice(stories)
            fresh = _article(rng, vocab, words)
            paragraphs = [_reword(rng, vocab, p) if rng.random() < 0.6 else fresh[j % len(fresh)]
                          for j, p in enumerate(base.paragraphs)]
        else:
            paragraphs = _article(rng, vocab, words)
        stories.append(Story(f"s{i:05d}", f"s{i:05d}.txt", outlet=outlet, published=day, paragraphs=tuple(paragraphs)))
    return stories


def story_to_change(rng, stories, focus) -> int:
    """Which story a random edit changes: half the time one of `focus` (those found
    in a pair, say), so edits often touch what the incremental comparison kept."""
    i = rng.randrange(len(stories))
    if focus and rng.random() < 0.5:
        pick = rng.choice(sorted(focus))
        i = next(k for k, s in enumerate(stories) if s.id == pick)
    return i

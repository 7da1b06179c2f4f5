"""Benchmark: claim extraction beside the language model alone (issue 17: extraction
at most 1.3 times the time of `nlp.pipe` over the same text).

    .venv/bin/python tests/bench_extract.py [--rounds N] [ARTICLE_DIR ...]

Loads the seeds (and any other folders given, e.g. ../shared/dev/articles) once,
then times, in CPU time (the machine may be shared), best of N rounds:

- bare: spaCy's `nlp.pipe` over each story's text (the same model and components
  our pipeline runs: tagger, parser, lemmatizer, NER);
- extraction: `extract_many` over the stories, as a build runs it (the same parse
  in batches, plus our components, units, claims, figures and topics).

Figures go in the issue notes; the suite never asserts them.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from newsgen.build import apply_metadata
from newsgen.config import load_config
from newsgen.extract.claims import _units, extract_many
from newsgen.extract.nlp import _base, pipeline
from newsgen.load import load_story

REPO = Path(__file__).resolve().parents[1]
OURS = ("newsgen_units", "newsgen_people", "newsgen_mentions", "newsgen_frames", "newsgen_when")


def best_of(rounds: int, run) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return best


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("dirs", nargs="*", type=Path)
    p.add_argument("--rounds", type=int, default=3)
    a = p.parse_args()
    config, _ = load_config(REPO / "content")
    stories = []
    for d in [REPO / "seeds", *a.dirs]:
        for path in sorted(d.iterdir()):
            story, _ = load_story(path, path.as_posix())
            if story is not None:
                stories.append(apply_metadata(story, config.seed_meta(story.id), config))
    pipeline(config.people)  # loads the model once, outside the timings
    texts = [_units(s)[1] for s in stories]
    words = sum(len(t.split()) for t in texts)
    nlp = _base()
    with nlp.select_pipes(disable=[n for n in OURS if n in nlp.pipe_names]):
        bare = best_of(a.rounds, lambda: list(nlp.pipe(texts)))
    ours = best_of(a.rounds, lambda: extract_many(stories, config.people, config.story.topics))
    n = max(len(stories), 1)
    print(f"{len(stories)} articles, {words} words, CPU best of {a.rounds}:")
    print(f"  nlp.pipe alone (parser + NER): {bare:.2f} s ({bare * 1000 / n:.0f} ms per article, {words / bare:.0f} words/s)")
    print(f"  extraction (extract_many):     {ours:.2f} s ({ours * 1000 / n:.0f} ms per article)")
    print(f"  ratio: {ours / bare:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark: claim extraction time per article (issue 8 asks that the article model
not be slower than the flat scans it replaced).

    .venv/bin/python tests/bench_extract.py [--rounds N] [ARTICLE_DIR ...]

Loads the seeds (and any other folders given, e.g. ../shared/dev/articles) once, then
times `extract_claims` alone over all of them, in CPU time (the machine may be
shared): the first round (sentence caches cold) and the best of N rounds. Figures
go in the issue notes; the suite never asserts them.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from newsgen.build import apply_metadata
from newsgen.config import load_config
from newsgen.extract import extract_claims
from newsgen.load import load_story

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("dirs", nargs="*", type=Path)
    p.add_argument("--rounds", type=int, default=7)
    a = p.parse_args()
    config, _ = load_config(REPO / "content")
    stories = []
    for d in [REPO / "seeds", *a.dirs]:
        for path in sorted(d.iterdir()):
            story, _ = load_story(path, path.as_posix())
            if story is not None:
                stories.append(apply_metadata(story, config.seed_meta(story.id), config))
    best = first = float("inf")
    for k in range(a.rounds):
        start = time.process_time()
        for s in stories:
            extract_claims(s, config.people, config.story.topics)
        best = min(best, time.process_time() - start)
        if k == 0:
            first = best
    # Extraction caches its answers per sentence, so rounds after the first find every
    # sentence answered: the first round is what a build of new articles costs.
    n = max(len(stories), 1)
    print(f"extraction: {len(stories)} articles, first round: {first * 1000:.0f} ms CPU "
          f"({first * 1000 / n:.1f} ms per article); best of {a.rounds}: {best * 1000:.0f} ms CPU, "
          f"{best * 1000 / n:.1f} ms per article")
    return 0


if __name__ == "__main__":
    sys.exit(main())

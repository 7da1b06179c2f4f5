"""Benchmark: the two near-duplicate detectors on a generated corpus.

    .venv/bin/python tests/bench_similar.py [--stories 5000] [--words 600]

Figures go in the issue notes; the test suite never asserts timings.
"""
from __future__ import annotations

import argparse
import sys
import time

from similar_corpus import corpus

from newsgen.check import duplicate_problems
from newsgen.sources import _copy_pairs, story_sentences


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--stories", type=int, default=5000)
    p.add_argument("--words", type=int, default=600)
    a = p.parse_args()
    stories = corpus(a.stories, words=a.words)
    # CPU time beside wall time: the machine is shared, and waiting is not our cost.
    runs = [("check.duplicate_problems", lambda: duplicate_problems(stories, "seeds"), "problems"),
            ("sources._copy_pairs", lambda: _copy_pairs(stories), "derived pairs"),
            ("  of which sentence splitting", lambda: [story_sentences(s, seen) for seen in [{}] for s in stories], "stories")]
    for label, run, what in runs:
        wall, cpu = time.perf_counter(), time.process_time()
        found = run()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        print(f"{label:<30} {len(stories)} stories: {wall:7.2f} s wall {cpu:7.2f} s CPU  ({len(found)} {what})", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

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
from newsgen.sources import _copy_pairs


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--stories", type=int, default=5000)
    p.add_argument("--words", type=int, default=600)
    a = p.parse_args()
    stories = corpus(a.stories, words=a.words)
    start = time.perf_counter()
    problems = duplicate_problems(stories, "seeds")
    took = time.perf_counter() - start
    print(f"check.duplicate_problems  {len(stories)} stories: {took:7.2f} s  ({len(problems)} problems)", flush=True)
    start = time.perf_counter()
    pairs = _copy_pairs(stories)
    took = time.perf_counter() - start
    print(f"sources._copy_pairs       {len(stories)} stories: {took:7.2f} s  ({len(pairs)} derived pairs)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

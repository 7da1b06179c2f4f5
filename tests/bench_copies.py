"""Benchmark: the copy detection step alone (sources.copy_pairs) on N articles.

    .venv/bin/python tests/bench_copies.py [-n 500 -n 1000 -n 2000] [--corpus DIR]

The articles come from ../shared/tools/make_nk_corpus.py (statements in the story's
style that repeat across articles), loaded with the real loader but not extracted,
so the step's own time and memory show at sizes a full build takes an hour to reach.
Each size runs in a fresh child process, so its peak RSS is its own. Figures go in
the issue notes; the test suite never asserts timings.
"""
from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MAKE = REPO.parent / "shared" / "tools" / "make_nk_corpus.py"


def run_one(corpus: Path, n: int) -> None:
    from newsgen.load import load_story
    from newsgen.sources import copy_pairs

    stories = [s for f in sorted(corpus.iterdir())[:n] if (s := load_story(f, f.as_posix())[0]) is not None]
    start = time.process_time()
    found, memo = copy_pairs(stories)
    cpu = time.process_time() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"{len(stories):>6} articles: copy_pairs {cpu:6.1f} s CPU, peak RSS {peak} MB, "
          f"{len(found)} copied pairs, {len(memo.matched)} story pairs kept")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, action="append")
    ap.add_argument("--corpus", type=Path, help="a folder of make_nk_corpus articles (made if absent)")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    sizes = args.n or [500, 1000, 2000]
    if args.one:
        run_one(args.corpus, args.one)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.corpus or Path(tmp) / "articles"
        if not corpus.exists() or len(list(corpus.iterdir())) < max(sizes):
            subprocess.run([sys.executable, str(MAKE), str(max(sizes)), str(corpus)], check=True, stdout=subprocess.DEVNULL)
        for n in sizes:
            subprocess.run([sys.executable, __file__, "--corpus", str(corpus), "--one", str(n)], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

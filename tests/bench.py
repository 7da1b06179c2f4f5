"""Benchmark: build time and peak memory for the seeds and for a larger synthetic corpus.

    .venv/bin/python tests/bench.py [--copies N]

Figures go in the issue notes; the test suite never asserts timings. The larger corpus
is the seeds copied N times under new names (with their metadata), which exercises
loading, extraction, merging (every copy repeats the same statements) and rendering.
"""
from __future__ import annotations

import argparse
import re
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from newsgen.build import build, process_seed
from newsgen.cache import cached

REPO = Path(__file__).resolve().parents[1]


def corpus(copies: int, into: Path) -> tuple[Path, Path]:
    seeds, content = into / "seeds", into / "content"
    shutil.copytree(REPO / "content", content)
    seeds.mkdir()
    for n in range(copies):
        for f in sorted((REPO / "seeds").iterdir()):
            stem = f"{f.stem}-{n:03d}" if n else f.stem
            shutil.copy(f, seeds / f"{stem}{f.suffix}")
            meta = REPO / "content" / "seeds" / f"{f.stem}.yaml"
            if n and meta.exists():
                # Copies from one outlet are refused as duplicates (by build as by check):
                # each copy is declared another outlet's run of the story, so it is built.
                text = re.sub(r"^outlet: (.*)$", rf"outlet: \1 (copy {n})", meta.read_text("utf-8"), flags=re.M)
                (content / "seeds" / f"{stem}.yaml").write_text(text, "utf-8")
    return seeds, content


def timed(label: str, seeds: Path, content: Path, out: Path) -> None:
    # As `newsgen build` runs: with the per-seed cache beside the output folder.
    process = cached(process_seed, out.parent / ".newsgen-cache")
    start = time.perf_counter()
    result = build(seeds, content, out, process=process)
    took = time.perf_counter() - start
    r = result.report
    print(f"{label:<28} {len(result.timeline.stories):>5} stories {len(result.timeline.claims):>6} claims "
          f"{took:>7.2f} s  ({r.written} written, {r.unchanged} unchanged; {process.summary()})")


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--copies", type=int, default=40, help="copies of the seeds in the large corpus")
    a = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        timed("seeds, cold", REPO / "seeds", REPO / "content", tmp / "site1")
        timed("seeds, nothing changed", REPO / "seeds", REPO / "content", tmp / "site1")
        seeds, content = corpus(a.copies, tmp / "big")
        timed(f"seeds x{a.copies}, cold", seeds, content, tmp / "site2")
        timed(f"seeds x{a.copies}, nothing changed", seeds, content, tmp / "site2")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS): {peak:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

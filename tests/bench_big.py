"""Benchmark: the size targets of issue 18, printed (the suite never asserts timings).

    .venv/bin/python tests/bench_big.py article [--size 1000000 --size 250000]
    .venv/bin/python tests/bench_big.py briefs [-n 5000 -n 20000]

article: one generated article of attributed sentences (tests/big_inputs.py) built
with `newsgen build --no-cache` in a child process under GNU time: wall, CPU, peak
RSS (of the largest process: the parser's worker processes are counted apart),
seconds per stage.

briefs: n near-identical wire briefs, loaded, then the near-duplicate step that
`check` and `build` share (check.near_duplicates and duplicate_problems) in a child
process: its wall and CPU time and peak RSS. A whole build of 20,000 briefs is
mostly the language model reading them (about 4 million words).

Figures go in the issue notes.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))


def _timed(cmd: list[str], env: dict | None = None) -> dict:
    with tempfile.NamedTemporaryFile("r", suffix=".time") as stats:
        start = time.perf_counter()
        proc = subprocess.run(["/usr/bin/time", "-f", "%M %U %S", "-o", stats.name, *cmd],
                              capture_output=True, text=True, env=env)
        wall = time.perf_counter() - start
        kb, user, system = stats.read().split()[-3:]
    if proc.returncode:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")
    return {"wall": wall, "cpu": float(user) + float(system), "rss": int(kb) / 1024, "out": proc.stdout, "err": proc.stderr}


def article(size: int, root: Path) -> dict:
    from big_inputs import article as make

    seeds = root / "seeds"
    seeds.mkdir(parents=True)
    (seeds / "big.md").write_text(make(size), "utf-8")
    env = {**os.environ, "NEWSGEN_TIMINGS": "1"}
    r = _timed([sys.executable, "-m", "newsgen", "build", "--seeds", str(seeds), "--content", str(REPO / "content"),
                "--out", str(root / "site"), "--cache", str(root / ".cache"), "--no-cache"], env)
    r["stages"] = next((line for line in r["err"].splitlines() if line.startswith("timings: ")), "")
    data = root / "site" / "data" / "claims.json"
    r["claims"] = len(json.loads(data.read_text("utf-8"))["claims"]) if data.exists() else None
    return r


def _duplicates_child(folder: str) -> None:
    from newsgen.check import duplicate_problems, near_duplicates
    from newsgen.load import load_story

    stories = [load_story(p)[0] for p in sorted(Path(folder).iterdir())]
    start, cpu = time.perf_counter(), time.process_time()
    found = near_duplicates(stories)
    problems = duplicate_problems(stories, "seeds", found=found)
    print(json.dumps({"step_wall": time.perf_counter() - start, "step_cpu": time.process_time() - cpu,
                      "pairs": len(found.pairs), "problems": len(problems),
                      "rss_step": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def briefs(n: int, root: Path) -> dict:
    from big_inputs import briefs as make

    make(n, root / "seeds")
    r = _timed([sys.executable, __file__, "--child", str(root / "seeds")])
    r.update(json.loads(r["out"].strip().splitlines()[-1]))
    return r


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("what", choices=["article", "briefs"], nargs="?")
    p.add_argument("--size", type=int, action="append", help="article bytes (default 250000 and 1000000)")
    p.add_argument("-n", type=int, action="append", help="briefs (default 5000 and 20000)")
    p.add_argument("--child", help=argparse.SUPPRESS)
    a = p.parse_args()
    if a.child:
        _duplicates_child(a.child)
        return 0
    load = os.getloadavg()[0]
    print(f"load average {load:.2f} on {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory(prefix="newsgen-big-") as tmp:
        if a.what in (None, "article"):
            for size in a.size or [250_000, 1_000_000]:
                root = Path(tmp) / f"a{size}"
                r = article(size, root)
                print(f"article {size:>9,} bytes: {r['wall']:6.1f} s wall {r['cpu']:6.1f} s CPU {r['rss']:6.0f} MB peak RSS"
                      f"  {r['claims']} claims\n    {r['stages']}", flush=True)
                shutil.rmtree(root)
        if a.what in (None, "briefs"):
            for n in a.n or [5_000, 20_000]:
                root = Path(tmp) / f"b{n}"
                r = briefs(n, root)
                print(f"briefs {n:>6,}: duplicates step {r['step_wall']:6.1f} s wall {r['step_cpu']:6.1f} s CPU; "
                      f"process {r['rss']:6.0f} MB peak RSS  ({r['pairs']} pairs kept, {r['problems']} problems)", flush=True)
                shutil.rmtree(root)
    return 0


if __name__ == "__main__":
    sys.exit(main())

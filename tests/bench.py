"""Benchmark: build times, peak memory and files written on a synthetic corpus.

    .venv/bin/python tests/bench.py [-n 500 -n 1000 -n 5000] [--out /dev/shm/...]

`make bench` runs it (`make bench N=500` for one size). Every size is built in a
fresh child process, so each row's peak RSS is that size's own. The corpus is
generated here, not copied from seeds/: Markdown articles in the story's style
with attributed statements, dates, figures, several outlets and shared speakers,
drawn from templates with a seeded random generator, so extraction, merging
across outlets and the figure series all do real work and every run is the same.

Figures go in the issue notes; the test suite never asserts timings.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# Speakers as content/people.yaml knows them (name, how an article introduces them).
SPEAKERS = [
    ("John Kirby", "White House national security spokesman John Kirby", "Kirby"),
    ("Matthew Miller", "State Department spokesperson Matthew Miller", "Miller"),
    ("Lloyd Austin", "U.S. Defense Secretary Lloyd Austin", "Austin"),
    ("Pat Ryder", "Pentagon press secretary Maj. Gen. Pat Ryder", "Ryder"),
    ("Farhan Haq", "U.N. deputy spokesperson Farhan Haq", "Haq"),
    ("Kim Yong-hyun", "South Korean Defense Minister Kim Yong-hyun", "Minister Kim"),
    ("Vladimir Putin", "Russian President Vladimir Putin", "Putin"),
    ("Vedant Patel", "State Department deputy spokesperson Vedant Patel", "Patel"),
]
OUTLETS = ["Yonhap News Agency", "The Korea Times", "VOA Editorials", "FN News Global", "VIEW US Global"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# Statements: {n} is a figure, {place} a location. Each event picks one and every
# outlet that reports the event words it from the same template, as wires are copied.
STATEMENTS = [
    "North Korea has sent about {n} troops to Russia, and some of them are moving toward {place}",
    "Russian forces are suffering more than {n} casualties a day, a sign of growing desperation in {place}",
    "at least {n} North Korean soldiers have been killed or wounded in fighting near {place}",
    "the deployment of North Korean troops to {place} would be a dangerous escalation of the war",
    "Washington and its partners are consulting closely on the arrival of North Korean forces in {place}",
    "Pyongyang is expected to send another {n} soldiers to Russia after training near {place}",
    "the allies will respond together if North Korean units enter combat around {place}",
    "Moscow has given North Korean officers command posts in {place} and more than {n} soldiers are deployed",
]
PLACES = ["Kursk", "the Kursk region", "eastern Russia", "Vladivostok", "the Ukrainian border", "Donetsk"]
FILLER = [
    # Background without attribution, so that only the statements above are claims.
    "The movement of forces fits a pattern seen since the autumn, when the first reports emerged.",
    "Satellite images published by independent researchers showed new activity at training grounds and ports.",
    "Diplomats at the United Nations have debated the question for weeks without a common statement.",
    "Long convoys and closed roads were seen in the region over the weekend.",
    "The government has convened its security council to review the situation on the peninsula.",
    "Figures released by intelligence agencies are estimates and can change as more information arrives.",
    "Markets in the region were calm, with investors watching for any sign of wider sanctions.",
    "The war in Ukraine has entered its third year, with heavy fighting along the front line.",
]
START = dt.date(2024, 10, 14)


def _events(rng: random.Random, n_articles: int) -> list[dict]:
    """Statements that several outlets report: a speaker, a day, the words, a figure."""
    events = []
    for i in range(max(8, n_articles // 2)):
        speaker = SPEAKERS[rng.randrange(len(SPEAKERS))]
        day = START + dt.timedelta(days=rng.randrange(170))
        figure = rng.choice([1000, 1200, 1500, 3000, 8000, 10000, 11000, 12000, 100, 300, 3800, 4000]) + 100 * (i % 7)
        text = rng.choice(STATEMENTS).format(n=f"{figure:,}", place=rng.choice(PLACES))
        events.append({"speaker": speaker, "day": day, "text": text, "hedged": rng.random() < 0.3})
    return events


def _statement(rng: random.Random, ev: dict, published: dt.date) -> str:
    name, intro, short = ev["speaker"]
    lag = (published - ev["day"]).days
    when = f"on {WEEKDAYS[ev['day'].weekday()]}" if 0 <= lag < 6 else f"on {ev['day']:%B} {ev['day'].day}"
    verb = "said it was likely that" if ev["hedged"] else rng.choice(["said", "told reporters", "stated"])
    if rng.random() < 0.5:
        return f"{intro} {verb} {when} that {ev['text']}."
    return f"{when[0].upper() + when[1:]}, {intro} {verb} {ev['text']}. {short} added that the allies would keep watching closely."


def corpus(n: int, into: Path, seed: int = 9) -> tuple[Path, Path]:
    """n Markdown articles in into/seeds and a copy of content/ in into/content."""
    rng = random.Random(seed)
    seeds, content = into / "seeds", into / "content"
    shutil.copytree(REPO / "content", content, ignore=shutil.ignore_patterns("seeds"))
    (content / "seeds").mkdir()
    seeds.mkdir(parents=True)
    events = _events(rng, n)
    by_day: dict[dt.date, list[dict]] = {}
    for ev in events:
        by_day.setdefault(ev["day"], []).append(ev)
    for i in range(n):
        published = START + dt.timedelta(days=rng.randrange(2, 176))
        recent = [ev for d in range(6) for ev in by_day.get(published - dt.timedelta(days=d), [])]
        older = rng.sample(events, 3)
        picked = rng.sample(recent, min(len(recent), 4)) + older
        paragraphs = []
        for k, ev in enumerate(picked):
            paragraphs.append(_statement(rng, ev, published))
            paragraphs.append(" ".join(rng.sample(FILLER, 4)))
        outlet = OUTLETS[i % len(OUTLETS)]
        title = f"North Korean troops in Russia: update {i + 1} from {outlet}"
        front = (f"---\ntitle: \"{title}\"\noutlet: {outlet}\npublished: {published.isoformat()}\n"
                 f"author: Staff reporter {i % 17}\n---\n\n")
        (seeds / f"a{i:05d}.md").write_text(front + "\n\n".join(paragraphs) + "\n", "utf-8")
    return seeds, content


def _files(out: Path) -> dict[str, tuple[int, int]]:
    return {p.relative_to(out).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns) for p in out.rglob("*") if p.is_file()}


def _run(label: str, seeds: Path, content: Path, out: Path, templates: Path, no_cache: bool = False) -> dict:
    """One `newsgen build` in a child process: wall and CPU time, peak RSS, files written."""
    before = _files(out) if out.is_dir() else {}
    # The benchmark is a project of its own: its store beside its corpus, not the
    # store of whatever project the bench is started from (each build prunes the
    # store to its own corpus).
    cmd = [sys.executable, "-m", "newsgen", "build", "--seeds", str(seeds), "--content", str(content),
           "--out", str(out), "--templates", str(templates), "--cache", str(out.parent / ".newsgen-cache")] + (
        ["--no-cache"] if no_cache else [])
    stats = out.parent / "time.txt"
    # GNU time reports this build's own peak RSS (largest process of its tree) and CPU.
    timer = ["/usr/bin/time", "-f", "%M %U %S", "-o", str(stats)] if Path("/usr/bin/time").exists() else []
    start = time.perf_counter()
    env = {**os.environ, "NEWSGEN_TIMINGS": "1"}  # the build prints seconds per stage on stderr
    # As a user runs it: Python keeps compiled modules. (A sandbox that turns that off
    # would add compiling every module to each build, 0.05 s on a no-change rebuild.)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    proc = subprocess.run(timer + cmd, capture_output=True, text=True, env=env)
    wall = time.perf_counter() - start
    if proc.returncode:
        raise SystemExit(f"{label}: build failed\n{proc.stdout}\n{proc.stderr}")
    rss, cpu = float("nan"), float("nan")
    if timer:
        kb, user, system = stats.read_text().split()[-3:]
        rss, cpu = int(kb) / 1024, float(user) + float(system)
    after = _files(out)
    written = sum(1 for p, st in after.items() if before.get(p) != st)
    stages = next((line[len("timings: "):] for line in proc.stderr.splitlines() if line.startswith("timings: ")), "")
    return {"label": label, "wall": wall, "cpu": cpu, "rss": rss, "written": written, "files": len(after),
            "stages": stages}


def bench_size(n: int, root: Path) -> list[dict]:
    root.mkdir(parents=True, exist_ok=True)
    seeds, content = corpus(n, root / "corpus")
    templates = root / "templates"
    shutil.copytree(REPO / "templates", templates)
    out = root / "site"
    # Cold: nothing cached yet (the build fills the cache, as a first `newsgen build` does).
    rows = [_run("clean, cold (no cache)", seeds, content, out, templates)]
    shutil.rmtree(out)
    rows.append(_run("clean, extraction cached", seeds, content, out, templates))
    rows.append(_run("nothing changed", seeds, content, out, templates))
    one = sorted(seeds.iterdir())[len(list(seeds.iterdir())) // 2]
    one.write_text(one.read_text("utf-8").replace("Long convoys", "Long columns", 1), "utf-8")
    rows.append(_run("one article changed", seeds, content, out, templates))
    base = templates / "base.html.j2"
    base.write_text(base.read_text("utf-8").replace("</footer>", "<!-- bench -->\n</footer>", 1), "utf-8")
    rows.append(_run("one template changed", seeds, content, out, templates))
    return rows


def _child(n: int, root: Path) -> None:
    print(json.dumps(bench_size(n, root)))


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("-n", type=int, action="append", help="articles in the corpus (repeatable; default 500, 1000, 5000)")
    p.add_argument("--out", type=Path, default=Path("/dev/shm") if Path("/dev/shm").is_dir() else None,
                   help="where corpus and site go; a RAM disk (tmpfs) by default")
    p.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    a = p.parse_args()
    sizes = a.n or [500, 1000, 5000]
    if a.child:
        _child(sizes[0], a.out)
        return 0
    results: dict[int, list[dict]] = {}
    for n in sizes:
        with tempfile.TemporaryDirectory(prefix="newsgen-bench-", dir=a.out) as tmp:
            proc = subprocess.run([sys.executable, __file__, "--child", "-n", str(n), "--out", tmp],
                                  capture_output=True, text=True)
            if proc.returncode:
                print(proc.stdout, proc.stderr, file=sys.stderr)
                return 1
            results[n] = json.loads(proc.stdout.strip().splitlines()[-1])
        for r in results[n]:
            print(f"  N={n:<5} {r['label']:<26} {r['wall']:7.2f} s wall {r['cpu']:7.2f} s cpu "
                  f"{r['rss']:6.0f} MB  {r['written']:5d}/{r['files']} files written", flush=True)
            if r.get("stages"):
                print(f"          stages: {r['stages']}", flush=True)
    print()
    print(f"| articles | {' | '.join(r['label'] for r in next(iter(results.values())))} | peak RSS |")
    print("|---" * (len(next(iter(results.values()))) + 2) + "|")
    for n, rows in results.items():
        cells = [f"{r['wall']:.2f} s wall, {r['cpu']:.2f} s CPU ({r['written']} written)" for r in rows]
        print(f"| {n} | {' | '.join(cells)} | {max(r['rss'] for r in rows):.0f} MB |")
    if len(results) > 1:
        lo, hi = min(results), max(results)
        ratios = [f"{h['label']}: {h['wall'] / l['wall']:.1f}" for l, h in zip(results[lo], results[hi])]
        print(f"\n{hi} / {lo} time ratio: " + "; ".join(ratios))
    return 0


if __name__ == "__main__":
    sys.exit(main())

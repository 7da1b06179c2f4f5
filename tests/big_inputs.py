"""Inputs at the size limits of issue 18, generated (never stored): one long article
of attributed sentences, and many near-identical wire briefs.

    .venv/bin/python tests/big_inputs.py article 1000000 DIR   # DIR/big.md of ~1 MB
    .venv/bin/python tests/big_inputs.py briefs 20000 DIR      # DIR/b00000.md ...

The article is drawn from the templates of tests/bench.py with a seeded random
generator: paragraphs of statements by varied speakers on varied days with
figures and places, some hedged, with background paragraphs between them, the
way a very long live file or transcript compilation reads; never one sentence
repeated. The briefs are one wire brief with its date, a figure and one word
varied, as agencies' copies of a statement are.
"""
from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import FILLER, OUTLETS, PLACES, SPEAKERS, STATEMENTS, WEEKDAYS  # noqa: E402

START = dt.date(2024, 10, 14)
_VERBS = ["said", "told reporters", "stated", "said in a statement", "told a news conference"]
_LINKS = ["He added that", "The official also said", "According to the statement,", "In a later briefing, officials said"]


def _statement(rng: random.Random, published: dt.date) -> str:
    name, intro, short = rng.choice(SPEAKERS)
    day = published - dt.timedelta(days=rng.randrange(0, 12))
    lag = (published - day).days
    when = f"on {WEEKDAYS[day.weekday()]}" if lag < 6 else f"on {day:%B} {day.day}"
    figure = rng.choice([100, 300, 1000, 1200, 1500, 3000, 3800, 8000, 10000, 12000]) + 50 * rng.randrange(20)
    text = rng.choice(STATEMENTS).format(n=f"{figure:,}", place=rng.choice(PLACES))
    verb = "said it was likely that" if rng.random() < 0.2 else rng.choice(_VERBS)
    shape = rng.randrange(4)
    if shape == 0:
        return f"{intro} {verb} {when} that {text}."
    if shape == 1:
        return f"{when[0].upper() + when[1:]}, {intro} {verb} {text}. {short} added that the allies would keep watching closely."
    if shape == 2:
        return f"\u201c{text[0].upper() + text[1:]},\u201d {intro} {verb} {when}."
    return f"{intro} {verb} {when} that {text}. {rng.choice(_LINKS)} about {figure // 10:,} more were expected."


def article(size: int, seed: int = 18) -> str:
    """A Markdown article of about `size` bytes."""
    rng = random.Random(seed)
    published = START + dt.timedelta(days=60)
    head = (f"---\ntitle: \"North Korean troops in Russia: the full record\"\noutlet: {OUTLETS[0]}\n"
            f"published: {published.isoformat()}\nauthor: Staff reporter\n---\n\n")
    paragraphs: list[str] = []
    total = len(head)
    while total < size:
        if rng.random() < 0.7:
            para = " ".join(_statement(rng, published) for _ in range(rng.randrange(1, 3)))
        else:
            para = " ".join(rng.sample(FILLER, rng.randrange(2, 5)))
        paragraphs.append(para)
        total += len(para.encode("utf-8")) + 2
    return head + "\n\n".join(paragraphs) + "\n"


def briefs(n: int, into: Path, seed: int = 20) -> list[Path]:
    """n near-identical wire briefs (date, a figure and one word varied)."""
    rng = random.Random(seed)
    into.mkdir(parents=True, exist_ok=True)
    words = ["troops", "soldiers", "forces", "units"]
    out = []
    for i in range(n):
        published = START + dt.timedelta(days=i % 150)
        day = published - dt.timedelta(days=1)
        figure = 10000 + 100 * rng.randrange(40)
        word = words[i % len(words)]
        body = (f"SEOUL, {published:%b}. {published.day} (Yonhap) -- North Korea has sent about {figure:,} {word} "
                f"to Russia, South Korean Defense Minister Kim Yong-hyun said on {WEEKDAYS[day.weekday()]}.\n\n"
                "\u201cSome of them are moving toward the front line near Kursk, and we expect more to follow in the "
                "coming weeks,\u201d Kim told lawmakers at a session of the parliamentary defense committee in Seoul, "
                "adding that the allies would respond together to any further deployment.\n\n"
                "The National Intelligence Service said it was watching the movements closely and sharing what it "
                "learned with Washington and Tokyo. Officials in Kyiv said the first units had already been seen "
                "near the border, while the Kremlin declined to comment on the reports.\n\n"
                "South Korea has said it may consider sending weapons to Ukraine directly if the cooperation between "
                "Pyongyang and Moscow deepens, a step it has long avoided. Analysts in Seoul said the deployment "
                "gave the North's army its first combat experience in decades and could bring it technology "
                "from Russia in return, which the allies would watch for at the next round of talks.\n")
        front = (f"---\ntitle: \"N. Korea sent about {figure:,} {word} to Russia: minister\"\noutlet: {OUTLETS[0]}\n"
                 f"published: {published.isoformat()}\n---\n\n")
        path = into / f"b{i:05d}.md"
        path.write_text(front + body, "utf-8")
        out.append(path)
    return out


def main(argv: list[str]) -> int:
    what, n, where = argv[0], int(argv[1]), Path(argv[2])
    where.mkdir(parents=True, exist_ok=True)
    if what == "article":
        (where / "big.md").write_text(article(n), "utf-8")
    else:
        briefs(n, where)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

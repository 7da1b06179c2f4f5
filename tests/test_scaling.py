"""Steps that must stay near linear on a big corpus give the same answers as the plain loops."""
import datetime as dt
import random
import shutil
from dataclasses import replace
from pathlib import Path

from newsgen import timeline
from newsgen.model import Claim, Quantity, Report, Speaker


def pairwise(claims):
    """The original quadratic loop: every claim against every merged claim, in order."""
    common = timeline.common_words(claims)
    merged = []
    for claim in claims:
        for i, m in enumerate(merged):
            if timeline.same_statement(m, claim, common):
                merged[i] = timeline._combine(m, claim)
                break
        else:
            merged.append(claim)
    return merged


def crowded_corpus(seed: int, n: int = 600) -> list[Claim]:
    """Many stories quoting three speakers on a handful of days, dated and not,
    with shared and conflicting figures: the case blocking must get right."""
    rng = random.Random(seed)
    speakers = [Speaker(f"s{i}", name) for i, name in enumerate(["John Kirby", "Pat Ryder", "Kim Yong-hyun"])]
    vocab = [f"{a}{b}word" for a in "bcdfgklmnp" for b in "aeiou"]  # fifty distinct content words
    statements = [rng.sample(vocab, 8) for _ in range(40)]  # reworded a little by each story
    days = [dt.date(2024, 10, 20) + dt.timedelta(days=d) for d in range(12)]
    claims = []
    for i in range(n):
        said = rng.choice(days) if rng.random() < 0.6 else None
        placed = said or (rng.choice(days) if rng.random() < 0.8 else None)
        base = rng.choice(statements)
        text = " ".join(w for w in base if rng.random() < 0.85)
        quote = " ".join(base) if rng.random() < 0.3 else None
        figures = (Quantity(float(rng.choice([1000, 1500, 3000]))),) if rng.random() < 0.5 else ()
        speaker = rng.choice(speakers) if rng.random() < 0.95 else None
        story = f"story-{i // 3}"  # three claims per story: same-story pairs must stay apart
        claims.append(Claim(f"c{i}", speaker, said, "test" if said else None, text, quote=quote,
                            quantities=figures, reports=(Report(story, text, i % 3),), placed_on=placed))
    return claims


def test_indexed_merge_equals_pairwise_on_a_crowded_corpus():
    for seed in range(2):
        claims = crowded_corpus(seed)
        expected = pairwise(claims)
        got = timeline.merge_claims(claims)
        assert got == expected
        assert len(got) < len(claims) * 0.9, "the corpus should make merges happen"


def test_undated_reports_join_across_the_lag_window_as_before():
    sp = Speaker("k", "John Kirby")
    said = dt.date(2024, 10, 21)
    text = "North Korean troops deployed toward the Kursk region for combat training soon"
    dated = Claim("a", sp, said, "weekday", text, reports=(Report("s1", text, 0),), placed_on=said)
    late = [Claim(f"u{d}", sp, None, None, text, reports=(Report(f"later{d}", text, 0),),
                  placed_on=said + dt.timedelta(days=d)) for d in (0, 7, 8, -1)]
    claims = [late[0], dated, *late[1:]]
    got = timeline.merge_claims(claims)
    assert got == pairwise(claims)
    # 0 and 7 days after the stated day join it; 8 days after and one before do not
    # (those two, undated and worded alike, are one statement of their own).
    assert [sorted(r.story for r in c.reports) for c in got] == [["later0", "later7", "s1"], ["later-1", "later8"]]


def test_a_claim_page_lists_the_speakers_nearest_other_claims():
    from newsgen.config import Config
    from newsgen.model import Timeline
    from newsgen.render.site import OTHER_CLAIMS, build_site

    sp = Speaker("k", "John Kirby")
    days = [dt.date(2024, 10, 1) + dt.timedelta(days=n) for n in range(OTHER_CLAIMS * 3)]
    claims = tuple(Claim(f"c{n}", sp, d, "test", f"statement {n}", reports=(Report(f"s{n}", "x", 0),), placed_on=d)
                   for n, d in enumerate(days))
    site = build_site(Timeline((), claims, (sp,)), Config())
    for at in (0, 1, len(claims) // 2, len(claims) - 1):
        others = site.other_claims(claims[at])
        assert len(others) == OTHER_CLAIMS and claims[at] not in others
        assert list(others) == sorted(others, key=lambda c: c.placed_on)
        # Nearest first: no claim left out is closer than the farthest one shown.
        farthest = max(abs((o.placed_on - claims[at].placed_on).days) for o in others)
        left_out = [c for c in claims if c not in others and c is not claims[at]]
        assert all(abs((c.placed_on - claims[at].placed_on).days) >= farthest for c in left_out)
    few = build_site(Timeline((), claims[:5], (sp,)), Config())
    assert few.other_claims(claims[2]) == claims[:2] + claims[3:5]


def test_parallel_extraction_gives_the_serial_site_byte_for_byte(tmp_path, monkeypatch):
    import sys
    from pathlib import Path

    import concurrent.futures

    from newsgen.build import PARALLEL_MIN, build

    pools = []

    class Counted(concurrent.futures.ProcessPoolExecutor):
        def __init__(self, *a, **k):
            pools.append(a)
            super().__init__(*a, **k)

    # build imports the pool where it uses it (a rebuild with nothing changed never does).
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Counted)

    sys.path.insert(0, str(Path(__file__).parent))
    from bench import corpus

    seeds, content = corpus(PARALLEL_MIN + 4, tmp_path / "corpus")
    serial = build(seeds, content, tmp_path / "serial", jobs=1)
    assert pools == []
    parallel = build(seeds, content, tmp_path / "parallel", jobs=2)
    assert pools == [(2,)], "two workers should have extracted"
    assert parallel.timeline == serial.timeline and parallel.problems == serial.problems
    assert len(serial.timeline.claims) > PARALLEL_MIN, "the corpus should yield claims"

    def tree(folder):
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}

    assert tree(tmp_path / "parallel") == tree(tmp_path / "serial")

    # With a thread running (as in the preview server) workers come from a fork server.
    import threading

    stop = threading.Event()
    waiter = threading.Thread(target=stop.wait)
    waiter.start()
    try:
        threaded = build(seeds, content, tmp_path / "threaded", jobs=2)
    finally:
        stop.set()
        waiter.join()
    assert len(pools) == 2 and threaded.timeline == serial.timeline
    assert tree(tmp_path / "threaded") == tree(tmp_path / "serial")


class _DictMemo:
    """A merge memo in memory: what the store keeps between builds."""

    def __init__(self):
        self.records, self.asked = {}, 0

    def known(self, keys):
        self.asked += sum(k in self.records for k in keys)
        return {k: self.records[k] for k in keys if k in self.records}

    def learned(self, found, used):
        self.records.update(found)


def test_bucketed_merge_with_a_memo_equals_the_plain_merge_and_reuses_unchanged_buckets():
    claims = crowded_corpus(3)
    expected = pairwise(claims)
    memo = _DictMemo()
    assert timeline.merge_claims(claims, memo) == expected
    assert timeline.merge_claims(claims, memo) == expected
    assert memo.asked == len(memo.records) > 0  # the second merge found every bucket
    # One new claim by one speaker: only that speaker's bucket is merged again, and the
    # answer is still the plain merge's.
    extra = [*claims, replace(claims[5], id="new", reports=(Report("story-new", claims[5].text, 0),))]
    before = dict(memo.records)
    assert timeline.merge_claims(extra, memo) == pairwise(extra)
    assert len(set(memo.records) - set(before)) == 1


def test_merge_groups_survive_the_store(tmp_path):
    from newsgen import mergememo

    claims = crowded_corpus(4, 200)
    memo = mergememo.at(tmp_path)
    first = timeline.merge_claims(claims, memo)
    again = mergememo.at(tmp_path)
    assert again.known([timeline.bucket_key([c for c in claims if c.speaker and c.speaker.id == "s0"],
                                            timeline.common_words(claims))])
    assert timeline.merge_claims(claims, again) == first == pairwise(claims)


def test_a_rebuild_extracts_its_changed_article_in_a_worker_and_keeps_no_model(tmp_path):
    """The one changed article of a large corpus is read by a worker process: the
    build's own process, which goes on to hold every stored article, never loads
    the language model, nor even imports spaCy (160 and 80 MB it would keep to the end)."""
    import json
    import subprocess
    import sys

    script = """
import json, sys
from pathlib import Path
from newsgen import cache
from newsgen.build import build, process_seed
seeds, content, out, store = map(Path, sys.argv[1:5])
proc = cache.cached(process_seed, store)
result = build(seeds, content, out, process=proc, jobs=2)
nlp = sys.modules.get("newsgen.extract.nlp")
nlp = nlp if nlp is not None else type("unloaded", (), {"_loaded": {}})
print(json.dumps({"loaded": "base" in nlp._loaded or "spacy" in sys.modules, "processed": proc.processed,
                  "claims": len(result.timeline.claims)}))
"""
    repo = Path(__file__).resolve().parents[1]
    seeds = tmp_path / "seeds"
    shutil.copytree(repo / "seeds", seeds)
    args = [str(seeds), str(repo / "content"), str(tmp_path / "site"), str(tmp_path / "store")]

    def run():
        proc = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
        return json.loads(proc.stdout.strip().splitlines()[-1])

    first = run()
    assert first == {"loaded": False, "processed": 5, "claims": first["claims"]} and first["claims"] > 20
    one = sorted(seeds.iterdir())[0]
    one.write_text(one.read_text("utf-8") + "\n\nThe ministry gave no further details.\n", "utf-8")
    again = run()
    assert again == {"loaded": False, "processed": 1, "claims": first["claims"]}


def test_the_only_extraction_worker_parses_a_long_article_on_every_core_and_one_of_two_does_not():
    # One changed article (a 1 MB one, say) goes to one worker: the parts of its text
    # are parsed on both cores. Two workers each keep to one. (In a fresh interpreter:
    # a thread another test left running would keep the articles in this process.)
    import json
    import os
    import subprocess
    import sys

    script = """
import json
from pathlib import Path
from newsgen import seeds

def counted(paths, config):
    from newsgen.extract import parts
    return [parts.workers() for _ in paths]

seeds.process_seeds = counted  # what the workers run (forked, they see it)
many = [Path(f"{n}.md") for n in range(seeds.PARALLEL_MIN)]
print(json.dumps([seeds.run_seeds([Path("one.md")], None, seeds.process_seed, jobs=2),
                  seeds.run_seeds(many, None, seeds.process_seed, jobs=2)]))
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env={**os.environ, "NEWSGEN_JOBS": "2"})
    assert done.returncode == 0, done.stderr
    one, many = json.loads(done.stdout.strip().splitlines()[-1])
    assert one == [2]
    assert many == [1] * len(many) and len(many) > 1

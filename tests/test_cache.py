"""Incremental builds: the per-seed cache, and whole rebuilds that redo only what changed."""
import datetime as dt
import os
import shutil
from dataclasses import replace
from pathlib import Path

import sqlite3

import pytest

from build_spies import drawn as _drawn, tree as _tree
from newsgen.build import SeedResult, collect
from newsgen.store import at as store_at
from newsgen.cache import CACHE_DIR_NAME, cache_key, cached, default_cache_dir
from newsgen.config import Config, SeedMeta, TrackedStory
from newsgen.model import Outlet, Person, Problem, Story, Topic

REPO = Path(__file__).resolve().parents[1]


class Stub:
    """A stand-in for process_seed that counts its calls."""

    def __init__(self):
        self.calls = []

    def __call__(self, path: Path, config: Config) -> SeedResult:
        self.calls.append(path.name)
        text = path.read_text("utf-8")
        meta = config.seed_meta(path.stem)
        story = Story(id=path.stem, seed=path.name, paragraphs=tuple(text.split("\n\n")),
                      published=meta.published if meta else None)
        return SeedResult(story, (), (Problem(path.as_posix(), "stub ran", None, "warning"),))


@pytest.fixture
def seeds(tmp_path):
    d = tmp_path / "seeds"
    d.mkdir()
    for i, text in enumerate(["Seoul said on Monday that 1,500 soldiers left.", "Kyiv reported losses.\n\nMore text.", "A third report."]):
        (d / f"s{i}.txt").write_text(text, "utf-8")
    return d


def run(process, seeds, config=Config()):
    return [process(p, config) for p in sorted(seeds.iterdir())]


def test_second_run_reuses_every_seed_and_returns_equal_results(seeds, tmp_path):
    stub = Stub()
    first = run(cached(stub, tmp_path / "cache"), seeds)
    assert len(stub.calls) == 3
    again = cached(stub, tmp_path / "cache")
    second = run(again, seeds)
    assert len(stub.calls) == 3, "nothing should be processed again"
    assert (again.reused, again.processed) == (3, 0)
    assert again.summary() == "3 seeds: 3 cached, 0 processed"
    assert second == first


def test_a_changed_seed_is_the_only_one_processed(seeds, tmp_path):
    stub = Stub()
    run(cached(stub, tmp_path / "cache"), seeds)
    (seeds / "s1.txt").write_text("Kyiv reported different losses.", "utf-8")
    stub.calls.clear()
    c = cached(stub, tmp_path / "cache")
    results = run(c, seeds)
    assert stub.calls == ["s1.txt"]
    assert c.summary() == "3 seeds: 2 cached, 1 processed"
    assert results[1].story.paragraphs == ("Kyiv reported different losses.",)


@pytest.mark.parametrize("change", [
    lambda c: replace(c, people=c.people + (Person("putin", "Vladimir Putin"),)),
    lambda c: replace(c, outlets=(Outlet("yna", "Yonhap", aliases=("YNA",)),)),
    lambda c: replace(c, story=TrackedStory(topics=(Topic("troops", "Troops", ("troops",)),))),
    lambda c: replace(c, people=(replace(c.people[0], aliases=("Mr. Kim",)),)),
])
def test_reference_data_changes_invalidate_every_seed(seeds, tmp_path, change):
    base = Config(people=(Person("kim", "Kim Jong Un"),))
    stub = Stub()
    run(cached(stub, tmp_path / "cache"), seeds, base)
    stub.calls.clear()
    changed = change(base)
    assert changed != base
    run(cached(stub, tmp_path / "cache"), seeds, changed)
    assert len(stub.calls) == 3


def test_metadata_change_invalidates_only_its_seed(seeds, tmp_path):
    base = Config(seeds=(SeedMeta("s0", "content/seeds/s0.yaml"), SeedMeta("s2", "content/seeds/s2.yaml")))
    stub = Stub()
    run(cached(stub, tmp_path / "cache"), seeds, base)
    stub.calls.clear()
    dated = replace(base, seeds=(SeedMeta("s0", "content/seeds/s0.yaml", published=dt.date(2024, 10, 21)), base.seeds[1]))
    results = run(cached(stub, tmp_path / "cache"), seeds, dated)
    assert stub.calls == ["s0.txt"]
    assert results[0].story.published == dt.date(2024, 10, 21)


def test_renamed_seed_is_processed_again(seeds, tmp_path):
    # Problems and story ids name the file, so the same bytes under another name are new work.
    stub = Stub()
    run(cached(stub, tmp_path / "cache"), seeds)
    os.rename(seeds / "s2.txt", seeds / "s9.txt")
    stub.calls.clear()
    results = run(cached(stub, tmp_path / "cache"), seeds)
    assert stub.calls == ["s9.txt"]
    assert results[-1].story.id == "s9"


def test_corrupt_and_foreign_entries_are_ignored(seeds, tmp_path):
    cache = tmp_path / "cache"
    stub = Stub()
    first = run(cached(stub, cache), seeds)
    keys = sorted(store_at(cache).keys("seed"))
    assert len(keys) == 3
    with sqlite3.connect(cache / "store.sqlite3") as db:
        db.execute("UPDATE records SET value = ? WHERE key = ?", ("[not json", keys[0]))
        db.execute("UPDATE records SET value = ? WHERE key = ?", ('{"not": "a SeedResult"}', keys[1]))
    stub.calls.clear()
    c = cached(stub, cache)
    again = run(c, seeds)
    assert (c.reused, c.processed) == (1, 2)
    assert again == first
    # The bad entries were replaced with good ones.
    c = cached(stub, cache)
    run(c, seeds)
    assert (c.reused, c.processed) == (3, 0)


def test_cache_that_cannot_be_written_only_costs_time(seeds, tmp_path):
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be")
    stub = Stub()
    c = cached(stub, blocker)
    assert len(run(c, seeds)) == 3
    c = cached(stub, blocker)
    run(c, seeds)
    assert c.processed == 3


def test_deleting_the_cache_is_safe(seeds, tmp_path):
    stub = Stub()
    first = run(cached(stub, tmp_path / "cache"), seeds)
    shutil.rmtree(tmp_path / "cache")
    c = cached(stub, tmp_path / "cache")
    assert run(c, seeds) == first and c.processed == 3


def test_prune_removes_entries_of_old_versions(seeds, tmp_path):
    stub = Stub()
    run(cached(stub, tmp_path / "cache"), seeds)
    (seeds / "s0.txt").write_text("Changed.", "utf-8")
    c = cached(stub, tmp_path / "cache")
    run(c, seeds)
    assert len(store_at(tmp_path / "cache").keys("seed")) == 4
    assert c.prune() == 1
    assert len(store_at(tmp_path / "cache").keys("seed")) == 3


def test_unreadable_seed_has_no_key_and_is_processed_each_time(tmp_path):
    assert cache_key(tmp_path / "missing.txt", Config()) is None
    calls = []

    def process(path, config):
        calls.append(path)
        return SeedResult(None, (), (Problem(path.as_posix(), "cannot read"),))

    c = cached(process, tmp_path / "cache")
    c(tmp_path / "missing.txt", Config())
    c(tmp_path / "missing.txt", Config())
    assert len(calls) == 2 and not (tmp_path / "cache").exists()


def test_default_cache_dir_is_in_the_project_whatever_the_output(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert default_cache_dir().resolve() == tmp_path.resolve() / CACHE_DIR_NAME
    assert default_cache_dir(tmp_path / "elsewhere") == tmp_path / "elsewhere" / CACHE_DIR_NAME


def test_a_cache_folder_that_is_a_link_or_a_file_is_refused(tmp_path):
    from newsgen.cache import CacheRefused, usable

    (tmp_path / "real").mkdir()
    (tmp_path / "linked").symlink_to(tmp_path / "real")
    (tmp_path / "file").write_text("x")
    for bad in ("linked", "file"):
        with pytest.raises(CacheRefused, match=bad):
            usable(tmp_path / bad)
    assert usable(tmp_path / "real") == tmp_path / "real"
    assert CACHE_DIR_NAME in (REPO / ".gitignore").read_text()


def test_collect_with_cache_reports_the_same_problems(seeds, tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "site.yaml").write_text("site:\n  title: T\n", "utf-8")
    stub = Stub()
    _, r1, p1 = collect(seeds, content, cached(stub, tmp_path / "cache"))
    _, r2, p2 = collect(seeds, content, cached(stub, tmp_path / "cache"))
    assert len(stub.calls) == 3
    assert r1 == r2 and p1 == p2
    assert sum(p.message == "stub ran" for p in p2) == 3


# --- whole builds (need the real pipeline) -------------------------------------------


@pytest.fixture
def project(tmp_path):
    shutil.copytree(REPO / "seeds", tmp_path / "seeds")
    shutil.copytree(REPO / "content", tmp_path / "content")
    return tmp_path


def files(out: Path) -> dict[str, tuple[int, int]]:
    # The ownership marker (newsgen.outdir) is not a page of the site.
    return {p.relative_to(out).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns) for p in out.rglob("*")
            if p.is_file() and p.name != ".newsgen-site"}


def test_rebuild_with_nothing_changed_writes_nothing(project):
    from newsgen.build import build, process_seed

    out = project / "site"
    seeds, content = project / "seeds", project / "content"
    first = build(seeds, content, out, process=cached(process_seed, default_cache_dir(out.parent)))
    assert first.report.written > 0
    before = files(out)
    c = cached(process_seed, default_cache_dir(out.parent))
    second = build(seeds, content, out, process=c)
    assert (second.report.written, second.report.removed) == (0, 0)
    assert second.report.unchanged == len(before)
    n = len(list(seeds.iterdir()))
    assert (c.reused, c.processed) == (n, 0)
    assert files(out) == before  # same inodes and mtimes: nothing touched
    assert second.timeline == first.timeline


def test_rebuild_after_one_seed_changes(project):
    from newsgen.build import build, process_seed

    out = project / "site"
    seeds, content = project / "seeds", project / "content"
    build(seeds, content, out, process=cached(process_seed, default_cache_dir(out.parent)))
    before = files(out)
    seed = sorted(seeds.glob("*.txt"))[2]
    text = seed.read_text("utf-8")
    # Change a word inside the body: the story's text, and so its page, must change.
    body = max(text.split("\n\n"), key=len)
    changed = body.replace(" the ", " the the ", 1)
    assert changed != body
    seed.write_text(text.replace(body, changed), "utf-8")

    c = cached(process_seed, default_cache_dir(out.parent))
    result = build(seeds, content, out, process=c)
    assert (c.reused, c.processed) == (len(list(seeds.iterdir())) - 1, 1)
    after = files(out)
    story = next(s for s in result.timeline.stories if s.seed == seed.name)
    from newsgen import urls
    page = urls.story(story.id)
    assert after[page] != before[page], "the changed seed's page must be rewritten"
    assert after["data/stories.json"] != before["data/stories.json"]
    unchanged = [p for p in after if p in before and after[p] == before[p]]
    assert len(unchanged) == result.report.unchanged > 0
    assert result.report.written == len([p for p in after if after[p] != before.get(p)])


def test_cli_reports_cached_and_processed_counts(project, capsys, monkeypatch):
    from newsgen.cli import main

    monkeypatch.chdir(project)
    assert main(["build", "--out", "site"]) == 0
    n = len(list((project / "seeds").iterdir()))
    assert f"{n} seeds: 0 cached, {n} processed" in capsys.readouterr().out
    assert (project / CACHE_DIR_NAME).is_dir()
    assert main(["build", "--out", "site"]) == 0
    out = capsys.readouterr().out
    assert f"{n} seeds: {n} cached, 0 processed" in out
    assert " 0 written," in out and " 0 removed" in out
    assert main(["build", "--out", "site", "--no-cache"]) == 0
    out = capsys.readouterr().out
    assert " cached, " not in out and " 0 written," in out


def test_cache_key_covers_everything_process_seed_reads_from_config():
    """If process_seed starts reading another part of the config, the cache key
    must include it too, or a changed setting would serve stale results."""
    import ast
    import inspect

    import newsgen.build as build_module

    def config_reads(fn) -> set[str]:
        chains = set()
        for node in ast.walk(ast.parse(inspect.getsource(fn))):
            parts = []
            while isinstance(node, ast.Attribute):
                parts.append(node.attr)
                node = node.value
            if parts and isinstance(node, ast.Name) and node.id == "config":
                chains.add(".".join(reversed(parts[-2:])))  # config.a or config.a.b
        # config.story.topics also walks past config.story: keep the longest reads.
        return {c for c in chains if not any(o.startswith(c + ".") for o in chains)}

    # What the key hashes (see cache.cache_key), and the helpers process_seed calls with the config.
    covered = {"seed_meta", "people", "outlets", "outlet_named", "story.topics"}
    reads = config_reads(build_module.process_seed) | config_reads(build_module.apply_metadata)
    assert reads, "process_seed no longer reads the config? update this test"
    assert reads <= covered, f"cache.cache_key does not cover {reads - covered}"


# --- the manifest: an unchanged rebuild does (almost) nothing ---------------------------


def _no_work(monkeypatch):
    """Make reading a cached seed or rendering a page fail the test."""
    import newsgen.cache
    import newsgen.render

    def boom(*a, **k):
        raise AssertionError("an unchanged rebuild must not do this")

    monkeypatch.setattr(newsgen.cache.CachedProcess, "_load", boom)
    monkeypatch.setattr(newsgen.render, "render_site", boom)


@pytest.mark.parametrize("damage", ["stats one short", "a path that is a number", "a stat that is text",
                                    "an input hash that is a number", "outputs inside the head", "old layout"])
def test_a_damaged_manifest_is_not_trusted_and_the_build_runs(project, damage):
    import json

    from newsgen import manifest
    from newsgen.build import build, process_seed

    out = project / "site"
    seeds, content = project / "seeds", project / "content"
    build(seeds, content, out, process=cached(process_seed, default_cache_dir(out.parent)))
    handle = manifest.manifest_file(default_cache_dir(out.parent), out)
    kept = manifest.load(handle)
    assert kept is not None and len(kept.outputs) == len(files(out)) + 1  # and newsgen's marker
    raw = handle[0].get_plain(manifest.KIND, handle[1])
    if damage == "stats one short":
        raw["stats"] = raw["stats"][:-1]
    elif damage == "a path that is a number":
        raw["outputs"][0] = 7
    elif damage == "a stat that is text":
        raw["stats"][4] = "12"
    elif damage == "an input hash that is a number":
        raw["hashes"][-1] = 12
    elif damage == "outputs inside the head":
        from newsgen import codec

        raw["manifest"] = codec.encode(replace(kept, inputs={}))
    else:
        raw = json.loads(json.dumps(raw["manifest"]))
    handle[0].put_plain(manifest.KIND, handle[1], raw)
    assert manifest.load(handle) is None
    c = cached(process_seed, default_cache_dir(out.parent))
    again = build(seeds, content, out, process=c)
    assert c.reused == len(list(seeds.iterdir())), "the articles were read from the store, not skipped"
    assert again.report.unchanged == len(files(out)) and again.report.written == 0
    again_kept = manifest.load(handle)
    assert again_kept.outputs == manifest.scan_outputs(out) and again_kept.inputs == kept.inputs


def test_unchanged_rebuild_unpickles_and_renders_nothing(project, monkeypatch):
    from newsgen.build import build, process_seed

    out = project / "site"
    seeds, content = project / "seeds", project / "content"
    first = build(seeds, content, out, process=cached(process_seed, default_cache_dir(out.parent)))
    before = files(out)
    _no_work(monkeypatch)
    c = cached(process_seed, default_cache_dir(out.parent))
    second = build(seeds, content, out, process=c)
    assert (second.report.written, second.report.removed, second.report.unchanged) == (0, 0, len(before))
    assert second.summary == replace(first.summary, seed_keys=second.summary.seed_keys)
    assert (c.reused, c.processed) == (len(list(seeds.iterdir())), 0)
    assert c.prune() == 0, "the entries an unchanged build stands on must survive pruning"
    assert files(out) == before
    monkeypatch.undo()
    assert second.timeline == first.timeline  # assembled only when asked for


def test_touching_a_file_without_changing_it_is_still_unchanged(project, monkeypatch):
    from newsgen.build import build, process_seed

    out = project / "site"
    seeds, content = project / "seeds", project / "content"
    build(seeds, content, out, process=cached(process_seed, default_cache_dir(out.parent)))
    seed = sorted(seeds.iterdir())[0]
    os.utime(seed, ns=(seed.stat().st_atime_ns, seed.stat().st_mtime_ns + 5_000_000_000))
    _no_work(monkeypatch)
    result = build(seeds, content, out, process=cached(process_seed, default_cache_dir(out.parent)))
    assert result.report.written == 0


@pytest.mark.parametrize("change", ["seed", "content", "template", "output deleted", "output edited", "output added", "base path"])
def test_any_change_gives_the_clean_builds_site(project, change):
    """Whatever changed, the rebuild must equal a clean build of the same inputs."""
    from newsgen.build import build, process_seed

    out = project / "site"
    seeds, content, templates = project / "seeds", project / "content", project / "templates"
    shutil.copytree(REPO / "templates", templates)
    cache = default_cache_dir(out.parent)
    build(seeds, content, out, templates, process=cached(process_seed, cache))
    base_path = None
    if change == "seed":
        seed = sorted(seeds.glob("*.txt"))[1]
        seed.write_text(seed.read_text("utf-8").replace(" the ", " a ", 1), "utf-8")
    elif change == "content":
        site = content / "site.yaml"
        site.write_text(site.read_text("utf-8").replace("title: North Korean", "title: The North Korean", 1), "utf-8")
    elif change == "template":
        base = templates / "base.html.j2"
        base.write_text(base.read_text("utf-8").replace("</footer>", "<!-- changed -->\n</footer>", 1), "utf-8")
    elif change == "output deleted":
        (out / "index.html").unlink()
    elif change == "output edited":
        (out / "feed.xml").write_text("hand edit", "utf-8")
    elif change == "output added":
        (out / "stray.html").write_text("stray", "utf-8")
    elif change == "base path":
        base_path = "/elsewhere/"
    again = build(seeds, content, out, templates, process=cached(process_seed, cache), base_path=base_path)
    assert again.report.written + again.report.removed > 0
    clean = project / "clean"
    build(seeds, content, clean, templates, base_path=base_path)
    assert _tree(out) == _tree(clean)


def test_one_changed_paragraph_redraws_only_the_pages_that_show_it(project, monkeypatch):
    from newsgen import urls
    from newsgen.build import build, process_seed

    out = project / "site"
    seeds, content = project / "seeds", project / "content"
    first = build(seeds, content, out, process=cached(process_seed, default_cache_dir(out.parent)))
    # A paragraph of one story that no claim comes from: only that story's page shows it.
    quoted = {(r.story, r.paragraph) for c in first.timeline.claims for r in c.reports}
    story, para = next((s, p) for s in first.timeline.stories for n, p in enumerate(s.paragraphs)
                       if (s.id, n) not in quoted and " the " in p and len(p) > 200)
    seed = seeds / story.seed
    text = seed.read_text("utf-8")
    assert text.count(para.split(" the ")[0] + " the ") == 1
    seed.write_text(text.replace(para.split(" the ")[0] + " the ", para.split(" the ")[0] + " this ", 1), "utf-8")

    drawn = _drawn(monkeypatch)
    again = build(seeds, content, out, process=cached(process_seed, default_cache_dir(out.parent)))
    assert again.timeline.claims == first.timeline.claims
    assert urls.story(story.id) in drawn
    # Lists that carry whole stories (home, search, outlets, figures) may be drawn
    # again; no claim, speaker or topic page, nor another story's, shows the paragraph.
    assert not [p for p in drawn if p.startswith(("claims/", "speakers/", "topics/"))], sorted(drawn)
    assert [p for p in drawn if p.startswith("stories/") and p != "stories/index.html"] == [urls.story(story.id)]
    assert len(drawn) < 12 < len(first.timeline.claims)
    # The front page, the search page and the outlet pages list stories but show no
    # story's text: at 5,000 articles each of them is a large page to draw again.
    assert "index.html" not in drawn, sorted(drawn)
    assert not [p for p in drawn if p == "search.html" or p.startswith("outlets/")], sorted(drawn)
    # Drawn again from nothing, the site is the same.
    clean = build(seeds, content, project / "clean")
    assert _tree(out) == _tree(project / "clean")


def test_a_changed_claim_redraws_its_pages_and_not_unrelated_ones(project, monkeypatch):
    from newsgen import urls
    from newsgen.build import build, process_seed

    out = project / "site"
    seeds, content = project / "seeds", project / "content"
    first = build(seeds, content, out, process=cached(process_seed, default_cache_dir(out.parent)))
    claim = next(c for c in first.timeline.claims if c.speaker and len(c.reports) == 1 and " the " in c.reports[0].sentence)
    story = next(s for s in first.timeline.stories if s.id == claim.reports[0].story)
    seed = seeds / story.seed
    sentence = claim.reports[0].sentence
    text = seed.read_text("utf-8")
    assert sentence in text
    seed.write_text(text.replace(sentence, sentence.replace(" the ", " the the ", 1), 1), "utf-8")

    drawn = _drawn(monkeypatch)
    again = build(seeds, content, out, process=cached(process_seed, default_cache_dir(out.parent)))
    # A corrected word keeps the claim's address (issue 10), and its page is drawn again.
    edited = next(c for c in again.timeline.claims if c.id == claim.id)
    assert edited.reports[0].sentence != sentence
    assert urls.story(story.id) in drawn and urls.claim(edited.id) in drawn
    assert urls.speaker(claim.speaker.id) in drawn
    others = [s for s in first.timeline.stories if s.id != story.id]
    assert not any(urls.story(s.id) in drawn for s in others), "other stories' pages do not show this claim"
    build(seeds, content, project / "clean")
    assert _tree(out) == _tree(project / "clean")


def test_unchanged_rebuild_from_the_command_line_loads_no_stage(project):
    """A rebuild that finds nothing changed must not even import the readers,
    extractor, assembler, renderer or YAML: at 5,000 articles importing them
    costs more than the rest of such a rebuild."""
    import subprocess
    import sys

    args = ["build", "--seeds", str(project / "seeds"), "--content", str(project / "content"),
            "--out", str(project / "site")]
    from newsgen.cli import main

    assert main(args) == 0
    probe = ("import sys; from newsgen.cli import main; code = main(%r); "
             "heavy = sorted(m for m in ('jinja2', 'yaml', 'markdown', 'dateutil', 'newsgen.load', 'newsgen.extract', "
             "'newsgen.timeline', 'newsgen.render', 'newsgen.config') if m in sys.modules); "
             "print('loaded', heavy); sys.exit(code)") % (args,)
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(REPO / "src")})
    assert done.returncode == 0, done.stderr
    assert "0 written" in done.stdout
    assert "loaded []" in done.stdout


def test_unchanged_rebuild_with_nothing_to_report_loads_no_reader_extractor_or_renderer(tmp_path):
    """With no problem and no unknown speaker recorded, the summary holds none of the
    model's objects, so a no-change rebuild never imports it (its dataclasses are a
    good part of such a rebuild's start-up)."""
    import subprocess
    import sys

    (tmp_path / "seeds").mkdir()
    shutil.copytree(REPO / "content", tmp_path / "content", ignore=shutil.ignore_patterns("seeds"))
    (tmp_path / "seeds" / "plain.md").write_text(
        "---\ntitle: Quiet day\noutlet: Yonhap News Agency\npublished: 2024-10-20\n---\n\n"
        "Trains ran on time and the markets were calm across the region.\n", "utf-8")
    args = ["build", "--seeds", str(tmp_path / "seeds"), "--content", str(tmp_path / "content"),
            "--out", str(tmp_path / "site")]
    probe = ("import sys; from newsgen.cli import main; code = main(%r); "
             "print('model loaded' if 'newsgen.model' in sys.modules else 'model not loaded'); "
             "print('stages loaded' if {'newsgen.extract', 'newsgen.load', 'jinja2'} & set(sys.modules) else 'stages not loaded'); "
             "sys.exit(code)") % (args,)
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    first = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env)
    assert first.returncode == 0, first.stderr
    assert "problem" not in first.stdout + first.stderr and "speakers not in" not in first.stdout
    assert "model loaded" in first.stdout  # the first build does load it: the probe can see it
    again = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env)
    assert again.returncode == 0, again.stderr
    assert "0 written" in again.stdout
    assert "stages not loaded" in again.stdout


def test_rebuild_after_one_edit_hashes_only_the_edited_input(project, monkeypatch):
    """The manifest a rebuild records reuses the hashes of inputs whose size and
    mtime the previous manifest vouches for: one seed edited, one seed read."""
    import time

    import newsgen.manifest
    from newsgen.build import build, process_seed

    out = project / "site"
    seeds, content = project / "seeds", project / "content"
    build(seeds, content, out, process=cached(process_seed, default_cache_dir(out.parent)))
    # Inputs stamped within RACY_NS of a manifest are hashed again; make them old enough.
    old = time.time_ns() - 2 * newsgen.manifest.RACY_NS
    for p in [*seeds.iterdir(), *content.rglob("*")]:
        if p.is_file():
            os.utime(p, ns=(old, old))
    build(seeds, content, out, process=cached(process_seed, default_cache_dir(out.parent)))
    time.sleep(0.01)
    edited = sorted(seeds.iterdir())[0]
    edited.write_text(edited.read_text("utf-8") + "\n\nOne more paragraph.\n", "utf-8")
    os.utime(edited, ns=(old + 10**9, old + 10**9))
    hashed = []
    real = newsgen.manifest._hash
    monkeypatch.setattr(newsgen.manifest, "_hash", lambda path: hashed.append(path) or real(path))
    build(seeds, content, out, process=cached(process_seed, default_cache_dir(out.parent)))
    assert [Path(p).name for p in hashed if Path(p).parent == seeds] == [edited.name, edited.name]  # checked, recorded
    assert not [p for p in hashed if Path(p).parent != seeds and "templates" not in p]
    # and the next rebuild trusts the new hash: nothing changed
    result = build(seeds, content, out, process=cached(process_seed, default_cache_dir(out.parent)))
    assert result.report.written == 0



NAMES = ("index.html", "stories/a.html", "stories/b.html")


def _small_site(site: Path) -> dict:
    from newsgen.manifest import scan_outputs

    shutil.rmtree(site, ignore_errors=True)
    (site / "stories").mkdir(parents=True)
    for name in NAMES:
        (site / name).write_text(name, "utf-8")
    return scan_outputs(site)


def _replace_with_same_bytes_and_times(path: Path, hold: Path) -> None:
    st = os.stat(path)
    os.link(path, hold)  # the old inode stays in use, so the new file cannot get it back
    path.unlink()
    path.write_text(hold.read_text("utf-8"), "utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))


@pytest.mark.parametrize("edit", [
    lambda site, hold: (site / "stories/a.html").write_text("stories/a.html, edited", "utf-8"),
    lambda site, hold: (site / "stories/b.html").unlink(),
    lambda site, hold: (site / "stories/extra.html").write_text("x", "utf-8"),
    lambda site, hold: (site / "extra").mkdir() or (site / "extra/x.html").write_text("x", "utf-8"),
    lambda site, hold: _replace_with_same_bytes_and_times(site / "index.html", hold),
    lambda site, hold: shutil.rmtree(site),
], ids=["edited", "removed", "added", "added-in-new-folder", "replaced", "folder-gone"])
def test_outputs_intact_notices_any_edit_removal_addition_or_replacement(tmp_path, edit):
    from newsgen.manifest import outputs_intact

    site = tmp_path / "site"
    recorded = _small_site(site)
    assert sorted(recorded) == sorted(NAMES)
    assert outputs_intact(site, recorded)
    edit(site, tmp_path / "hold")
    assert not outputs_intact(site, recorded)


def test_the_code_fingerprint_covers_the_cue_words_the_extractor_reads(tmp_path, monkeypatch):
    import newsgen
    from newsgen.cache import code_fingerprint

    (tmp_path / "extract").mkdir()
    (tmp_path / "__init__.py").write_text("x = 1\n")
    cues = tmp_path / "extract" / "cues.yaml"
    cues.write_text("reporting_verbs: [say]\n")
    monkeypatch.setattr(newsgen, "__file__", str(tmp_path / "__init__.py"))
    fingerprint = code_fingerprint.__wrapped__  # (the cached one is the installed package's)
    before = fingerprint()
    cues.write_text("reporting_verbs: [say, tell]\n")  # a cue word added: extraction changes
    assert fingerprint() != before

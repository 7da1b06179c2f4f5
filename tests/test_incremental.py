"""A rebuild with the store writes exactly what a clean (--no-cache) build of the same
inputs writes, byte for byte, whatever changed: an article edited, added or removed.

The corpus is tests/bench.py's: wire-style articles whose statements several outlets
carry, so merging across stories, the figure series and the copy detection all have
work that one changed article reaches."""
import shutil
from pathlib import Path

import pytest

from bench import corpus
from build_spies import drawn as _drawn, tree as _tree
from newsgen.build import build, process_seed
from newsgen.cache import cached

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wire(tmp_path_factory):
    """Ten articles built once with a store (an eleventh beside them); each test works on a copy of it."""
    root = tmp_path_factory.mktemp("wire")
    seeds, content = corpus(11, root)
    last = sorted(seeds.iterdir())[-1]
    last.rename(root / last.name)  # held back for the test that adds an article
    templates = root / "templates"
    shutil.copytree(REPO / "templates", templates)
    build(seeds, content, root / "site", templates, process=cached(process_seed, root / "store"))
    return root


@pytest.fixture
def project(wire, tmp_path):
    # The store's seed results are copied; the site is built in place, as the store's
    # record of the files it wrote (their inodes) only vouches for those files.
    shutil.copytree(wire, tmp_path / "p", symlinks=True, ignore=shutil.ignore_patterns("site"))
    _rebuild(tmp_path / "p")
    return tmp_path / "p"


def _rebuild(p: Path):
    return build(p / "seeds", p / "content", p / "site", p / "templates", process=cached(process_seed, p / "store"))


def _equals_clean(p: Path) -> None:
    build(p / "seeds", p / "content", p / "clean", p / "templates")
    assert _tree(p / "site") == _tree(p / "clean")


def _edit_first(seed: Path, choices: tuple[str, ...], insert: str) -> None:
    """Insert words after the first of `choices` the seed holds."""
    text = seed.read_text("utf-8")
    words = next((w for w in choices if w in text), None)
    assert words is not None, f"{seed.name} holds none of {choices}"
    seed.write_text(text.replace(words, words + insert, 1), "utf-8")


def _speaker_buckets_merged(monkeypatch) -> list[int]:
    from newsgen import timeline

    merged: list[int] = []
    real = timeline._bucket_groups

    def spy(claims, common):
        merged.append(len(claims))
        return real(claims, common)

    monkeypatch.setattr(timeline, "_bucket_groups", spy)
    return merged


def test_an_edited_statement_rebuilds_to_the_clean_site(project, monkeypatch):
    # A statement other outlets also carry: its merged claim changes.
    _edit_first(sorted((project / "seeds").iterdir())[4], (" said ", " stated ", " told reporters "), "firmly ")
    merged = _speaker_buckets_merged(monkeypatch)
    again = _rebuild(project)
    assert again.report.written > 0
    with_store = len(merged)
    merged.clear()
    _equals_clean(project)
    # Only the buckets of the speakers whose claims changed are merged again; the
    # clean build (no store) merges every bucket.
    assert 0 < with_store < len(merged)


def test_an_added_article_rebuilds_to_the_clean_site_merging_only_its_speakers(project, monkeypatch):
    seeds = project / "seeds"
    held = next(project.glob("*.md"))
    held.rename(seeds / held.name)
    merged = _speaker_buckets_merged(monkeypatch)
    drawn = _drawn(monkeypatch)
    again = _rebuild(project)
    with_store = len(merged)
    merged.clear()
    # Pages drawn again are those the new article reaches (its speakers' claims, the
    # figures it adds to, the lists it joins): the site's story count is on the home
    # page, not on every page, so most pages are kept (in a corpus this small a new
    # article still changes many stories' origin groups, shown on their pages).
    from newsgen import urls

    new = next(s.id for s in again.timeline.stories if s.seed == held.name)
    pages = [p for p in _tree(project / "site") if p.endswith(".html")]
    assert urls.story(new) in drawn
    assert len(drawn) <= 2 * len(pages) // 3, (len(drawn), len(pages))
    kept = {c.speaker.id for c in again.timeline.claims if c.speaker} - {
        c.speaker.id for c in again.timeline.claims if c.speaker and urls.claim(c.id) in drawn}
    assert kept, "some speakers' claim pages are all kept"
    _equals_clean(project)
    assert 0 < with_store < len(merged), "the store's build merges only the buckets the new article reaches"


def test_a_removed_article_rebuilds_to_the_clean_site(project):
    sorted((project / "seeds").iterdir())[6].unlink()
    again = _rebuild(project)
    assert again.report.removed > 0
    _equals_clean(project)


def test_an_edited_sentence_outside_every_claim_redraws_only_its_story(project, monkeypatch):
    seed = sorted((project / "seeds").iterdir())[2]
    _edit_first(seed, ("Long convoys", "Markets in the region", "Diplomats"), " again")
    drawn = _drawn(monkeypatch)
    again = _rebuild(project)
    story = next(s for s in again.timeline.stories if s.seed == seed.name)
    from newsgen import urls

    # The claims the story carries, and the other stories reporting them, show
    # nothing of the edited sentence: only the story's own page is drawn again.
    assert [p for p in drawn if p.startswith(("claims/", "stories/", "speakers/"))] == [urls.story(story.id)]
    _equals_clean(project)


def test_the_first_rebuild_after_a_clean_build_with_the_store_does_nothing(project, monkeypatch):
    import newsgen.cache

    def boom(*a, **k):
        raise AssertionError("an unchanged rebuild must not read a seed result")

    monkeypatch.setattr(newsgen.cache.CachedProcess, "map_seeds", boom)
    again = build(project / "seeds", project / "content", project / "site", project / "templates",
                  process=cached(process_seed, project / "store"))
    assert again.report.written == 0


def test_an_edited_template_redraws_only_the_pages_drawn_with_it(project, monkeypatch):
    drawn = _drawn(monkeypatch)
    speakers = project / "templates" / "speakers.html.j2"
    speakers.write_text(speakers.read_text("utf-8").replace("{% block", "<!-- edited -->\n{% block", 1), "utf-8")
    _rebuild(project)
    assert drawn == ["speakers/index.html"]
    _equals_clean(project)
    # A template others import (the macros) redraws the pages that import it, not the rest.
    drawn.clear()
    macros = project / "templates" / "_macros.html.j2"
    macros.write_text(macros.read_text("utf-8") + "\n", "utf-8")
    _rebuild(project)
    assert "index.html" in drawn and "speakers/index.html" not in drawn and "differ.html" not in drawn
    _equals_clean(project)

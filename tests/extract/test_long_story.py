"""A story of book length (issue 18): parsed in parts with the same claims, and no
step of the extraction growing with the square of its length."""
from __future__ import annotations

import cProfile
import pstats
import sys
from pathlib import Path

import pytest

from newsgen.build import apply_metadata
from newsgen.config import load_config
from newsgen.extract import parts
from newsgen.extract.claims import _prepared, extract_many
from newsgen.extract.nlp import pipeline
from newsgen.load import load_story
from newsgen.load.markdown import read_markdown

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests"))

from big_inputs import article  # noqa: E402


@pytest.fixture(scope="module")
def config():
    return load_config(REPO / "content")[0]


@pytest.fixture(scope="module")
def seeds(config):
    out = []
    for path in sorted((REPO / "seeds").iterdir()):
        story, _ = load_story(path, path.as_posix())
        if story is not None:
            out.append(apply_metadata(story, config.seed_meta(story.id), config))
    return out


def _story(size: int, config):
    story, _ = read_markdown(article(size), "big.md")
    return apply_metadata(story, config.seed_meta(story.id), config)


def test_parts_cover_the_doc_and_end_at_paragraph_breaks(config, seeds):
    nlp = pipeline(config.people, config.outlets)
    doc = _prepared(max(seeds, key=lambda s: len(" ".join(s.paragraphs))), config.people, nlp, config.outlets)
    cut = parts.cuts(doc, 200)
    assert cut[0][0] == 0 and cut[-1][1] == len(doc) and len(cut) > 2
    assert all(a[1] == b[0] for a, b in zip(cut, cut[1:]))
    assert all(doc[end - 1].is_space and "\n" in doc[end - 1].text for _, end in cut[:-1])


def test_claims_are_the_same_parsed_whole_or_in_parts(config, seeds, monkeypatch):
    """Every seed article parsed in parts of ~300 tokens gives the claims it gives whole
    (the cut only ever falls between paragraphs)."""
    whole = extract_many(seeds, config.people, config.story.topics, config.outlets)
    monkeypatch.setattr(parts, "LONG_TOKENS", 0)
    monkeypatch.setattr(parts, "PART_TOKENS", 300)
    monkeypatch.setattr(parts, "workers", lambda: 1)
    cut = extract_many(seeds, config.people, config.story.topics, config.outlets)
    assert not any(isinstance(c, Exception) for c in whole + cut)
    assert sum(map(len, whole)) > 30
    assert cut == whole


def test_a_long_story_gives_the_same_claims_in_one_process_or_two(config, monkeypatch):
    story = _story(60_000, config)
    monkeypatch.setattr(parts, "LONG_TOKENS", 2_000)
    monkeypatch.setattr(parts, "PART_TOKENS", 1_500)
    monkeypatch.setattr(parts, "workers", lambda: 1)
    (one,) = extract_many([story], config.people, config.story.topics, config.outlets)
    monkeypatch.setattr(parts, "workers", lambda: 2)
    (two,) = extract_many([story], config.people, config.story.topics, config.outlets)
    assert len(one) > 100 and one == two


def _calls(story, config) -> int:
    profile = cProfile.Profile()
    profile.enable()
    extract_many([story], config.people, config.story.topics, config.outlets)
    profile.disable()
    return pstats.Stats(profile).total_calls  # type: ignore[attr-defined]


def test_extraction_work_grows_linearly_with_the_story(config):
    """Function calls (the profiler's count, not time) for a story four times as long:
    about four times as many. A step quadratic in the story's units or tokens (each
    sentence start or figure walking the whole Doc, as two did) makes it ~16."""
    small, large = _story(20_000, config), _story(80_000, config)
    _calls(small, config)  # caches warm
    ratio = _calls(large, config) / _calls(small, config)
    assert 3.0 < ratio < 5.5, ratio

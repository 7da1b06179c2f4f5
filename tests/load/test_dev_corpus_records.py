"""The development corpus (ten articles from outlets unlike the seeds, copied from
shared/dev with its answer key) against the key's story-level fields: headline,
outlet, byline, publication date, and no site chrome in the body. This is the
`stories` and `leaks` part of score_corpus.py; a drop fails here."""
import re
import unicodedata
from pathlib import Path

import pytest
import yaml

from newsgen.load import load_story

DEV = Path(__file__).parent / "fixtures" / "dev"
KEY = yaml.safe_load((DEV / "expected.yaml").read_text(encoding="utf-8"))["files"]


def _norm(text):
    # As the corpus scorer compares: case, quote marks, hyphens and punctuation aside.
    text = unicodedata.normalize("NFKC", str(text or "")).lower()
    text = re.sub(r"[‘’‚′]", "'", re.sub(r"[“”„″]", '"', text))
    text = re.sub(r"[-\u2010-\u2015_/]", " ", text)
    text = re.sub(r"[^\w\s,.'\"$%]", " ", text)
    return " ".join(text.split())


@pytest.fixture(scope="module")
def stories():
    out = {}
    for name in KEY:
        story, problems = load_story(DEV / name)
        assert story is not None, problems
        out[name] = story
    return out


@pytest.mark.parametrize("name", sorted(KEY))
def test_story_fields(stories, name):
    story, want = stories[name], KEY[name]
    assert _norm(story.title) == _norm(want["title"])
    assert _norm(want["outlet"]) in _norm(story.outlet)
    assert _norm(story.byline) == _norm(want["byline"])
    assert str(story.published) == str(want["published"])
    assert story.published_basis


@pytest.mark.parametrize("name", sorted(KEY))
def test_no_chrome_in_the_body(stories, name):
    body = _norm(" ".join(stories[name].paragraphs))
    leaked = [c for c in KEY[name].get("chrome_must_not_appear") or [] if _norm(c) in body]
    assert leaked == []

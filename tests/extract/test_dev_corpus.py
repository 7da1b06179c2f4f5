"""The shared development corpora (../shared/dev and ../shared/dev2): ten articles each
from outlets unlike the seeds, graded by the project's scorer with each corpus's own
answer key. dev2 was held out while the hand-written rules were fitted to dev; the
spaCy pipeline is held to one bar on both.

Issue 17's bar for a corpus of this kind: at least 90% of the claims and 85% of the
dates, at most 2 wrong facts, no leak, every story record but one right, and 80% of
the key's pairs of reports of one statement merged into one claim.

Skipped when the shared folder is not there (a fresh clone, CI). The scorer's own
copy of each answer key is used, never one in this repository.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from newsgen.build import build

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("NEWSGEN_SHARED", REPO.parent / "shared"))
SCORER = SHARED / "tools" / "score_corpus.py"

# corpus -> (core claims in its key, corroboration pairs in its key)
CORPORA = {"dev": (69, 9), "dev2": (71, 8)}
MAX = {"wrong": 2, "leaks": 0}


def floor(corpus: str) -> dict[str, int]:
    claims, pairs = CORPORA[corpus]
    return {"stories": 9, "claims": -(-claims * 90 // 100), "dates": -(-claims * 85 // 100), "merged": -(-pairs * 80 // 100)}


@pytest.fixture(scope="module", params=sorted(CORPORA))
def score(request, tmp_path_factory):
    corpus = request.param
    articles = SHARED / corpus / "articles"
    if not articles.is_dir() or not SCORER.is_file():
        pytest.skip(f"no shared corpus at {articles}")
    out = tmp_path_factory.mktemp(corpus) / "site"
    build(articles, REPO / "content", out)
    run = subprocess.run([sys.executable, str(SCORER), str(out / "data"), "--key", str(SHARED / corpus / "expected.yaml")],
                         capture_output=True, text=True, check=False)
    line = run.stdout.strip().splitlines()[-1]
    got = {k: int(v) for k, v in re.findall(r"(stories|claims|dates|leaks|wrong|merged) (\d+)", line)}
    assert set(got) == set(floor(corpus)) | set(MAX), line
    return corpus, got, line


@pytest.mark.parametrize("what", sorted(MAX))
def test_no_wrong_fact_and_no_leak(score, what):
    _, got, line = score
    assert got[what] <= MAX[what], line


@pytest.mark.parametrize("what", ["stories", "claims", "dates", "merged"])
def test_the_bar_holds(score, what):
    corpus, got, line = score
    assert got[what] >= floor(corpus)[what], line

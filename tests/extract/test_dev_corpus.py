"""The shared development corpus (../shared/dev): ten articles from outlets unlike the
seeds, graded by the project's scorer. The build must hold the line reached here; a
drop in claims, dates or merged statements, or any wrong speaker or day, fails.

Skipped when the shared folder is not there (a fresh clone, CI). The scorer's own
copy of the answer key is used, never one in this repository.
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
ARTICLES = SHARED / "dev" / "articles"
SCORER = SHARED / "tools" / "score_corpus.py"

# Reached on this branch (see the issue-8 report); the publication date of one story
# and the chrome leaks are the readers' part and not held here.
FLOOR = {"claims": 68, "dates": 54, "merged": 7}
MAX_WRONG = 0


@pytest.fixture(scope="module")
def score(tmp_path_factory):
    if not ARTICLES.is_dir() or not SCORER.is_file():
        pytest.skip(f"no shared development corpus at {SHARED}")
    out = tmp_path_factory.mktemp("dev") / "site"
    build(ARTICLES, REPO / "content", out)
    run = subprocess.run([sys.executable, str(SCORER), str(out / "data")], capture_output=True, text=True, check=False)
    line = run.stdout.strip().splitlines()[-1]
    got = {k: int(v) for k, v in re.findall(r"(claims|dates|wrong|merged) (\d+)", line)}
    assert set(got) == {"claims", "dates", "wrong", "merged"}, line
    return got, line


def test_no_wrong_speaker_or_day(score):
    got, line = score
    assert got["wrong"] <= MAX_WRONG, line


@pytest.mark.parametrize("what", sorted(FLOOR))
def test_the_line_reached_holds(score, what):
    got, line = score
    assert got[what] >= FLOOR[what], line

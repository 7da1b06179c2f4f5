"""The claim extractor on a second, independent corpus (tests/extract/corpus2/).

Written after the rules were tuned on tests/extract/corpus/, in outlets and habits
that corpus lacks: briefing transcripts ("MR. KIRBY:", "GEN. RYDER:", "Q:" lines), a
live blog with GMT time stamps, UN meeting coverage where representatives speak in
turn, a feature with a dated timeline list, an analysis piece, and the same
statements told by several outlets with and without their day (so that the
timeline can merge them). Same shape and helpers as test_corpus.py: a wrong
speaker, day or figure fails outright; recall must stay above a floor.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from test_corpus import evaluate, report

CORPUS2 = Path(__file__).resolve().parent / "corpus2"


@pytest.fixture(scope="module", params=["corpus", "content"])
def tally(request):
    return evaluate(request.param, CORPUS2)


def test_no_wrong_speaker_day_or_figure(tally):
    assert tally.errors == []


def test_recall_floor(tally):
    # Measured: see the report at the end of the work (`python tests/extract/test_corpus2.py`).
    assert tally.found / tally.expected >= 0.80, "\n".join(tally.misses)


if __name__ == "__main__":
    report(CORPUS2)

"""Known gaps of the spaCy pipeline (issue 17), marked where they stand.

These tests assert behaviour the hand parsers had and the new pipeline does not
have yet; they stay in the suite as strict expected failures, so each one fails
the suite the day it starts passing and must then lose its mark. The list is the
work left on issue 17, not a place to park new failures.
"""
from __future__ import annotations

import pytest

KNOWN_GAPS = {
    "test_claims.py::test_joint_speakers_and_statement_reference": "the parser reads 'which U.S. officials estimate has led to' with 'estimate' as a noun",
}


def pytest_collection_modifyitems(config, items):
    for item in items:
        key = item.nodeid.split("tests/extract/", 1)[-1]
        if key in KNOWN_GAPS:
            item.add_marker(pytest.mark.xfail(reason=f"issue 17 gap: {KNOWN_GAPS[key]}", strict=True))

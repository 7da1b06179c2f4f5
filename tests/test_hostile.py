"""The hostile-input matrix (tests/hostile_matrix.py): for every case, no traceback,
none of the user's files lost, nothing from outside the project published, and the
case's own expectation (refused with a clear line, or built with the five seeds)."""
import pytest

from hostile_matrix import CASES, run_case, warm_project


@pytest.fixture(scope="module")
def warm(tmp_path_factory):
    return warm_project(tmp_path_factory.mktemp("hostile"))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_input(case, warm, tmp_path):
    o = run_case(case, warm, tmp_path)
    assert not o.crashed, o.output
    assert not o.lost, (o.lost, o.output)
    assert not o.leaked, o.leaked
    assert not o.missing, (o.missing, o.output)

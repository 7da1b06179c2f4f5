"""`newsgen review` on the seeds: what it lists, and that its stubs work as pasted."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgen.build import build
from newsgen.cli import main
from newsgen.review import gather, items
from editor_inputs import fresh_project

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def inputs(tmp_path):
    return fresh_project(tmp_path)


def listed(seeds, content):
    timeline, people = gather(seeds, content)
    return items(timeline, people, content.as_posix()), timeline


def test_lists_a_compound_speaker_first_and_an_undated_claim(inputs):
    seeds, content, _ = inputs
    found, timeline = listed(seeds, content)
    assert "compound speaker" in found[0].reasons  # most doubtful first
    ranks = [i.rank for i in found]
    assert ranks == sorted(ranks)
    undated = [i for i in found if "no day" in i.reasons]
    assert undated
    claims = {c.id: c for c in timeline.claims}
    for i in undated:
        assert claims[i.claim].said_on is None and i.sentence == claims[i.claim].reports[0].sentence
        assert i.story == claims[i.claim].reports[0].story


def test_pasted_stubs_take_the_items_off_the_list(inputs):
    seeds, content, out = inputs
    found, _ = listed(seeds, content)
    joint = next(i for i in found if "compound speaker" in i.reasons)
    undated = next(i for i in found if "no day" in i.reasons and i.claim != joint.claim)
    stubs = [joint.stub, undated.stub.replace("# said_on: YYYY-MM-DD", "said_on: 2024-10-23")]
    (content / "corrections.yaml").write_text("corrections:\n" + "\n".join(stubs) + "\n", encoding="utf-8")
    result = build(seeds, content, out, strict=True)  # the stubs are valid and apply
    assert not result.problems
    again, timeline = listed(seeds, content)
    assert {joint.claim, undated.claim}.isdisjoint(i.claim for i in again if i.target.endswith("corrections.yaml"))
    claims = {c.id: c for c in timeline.claims}
    assert claims[undated.claim].said_on.isoformat() == "2024-10-23"
    assert claims[joint.claim].review is not None


def test_people_stub_makes_the_speaker_known(inputs):
    seeds, content, _ = inputs
    found, _ = listed(seeds, content)
    new = next(i for i in found if i.target.endswith("people.yaml"))
    people = content / "people.yaml"
    people.write_text(people.read_text("utf-8").rstrip("\n") + "\n" + new.stub + "\n", encoding="utf-8")
    again, _ = listed(seeds, content)
    assert new.stub not in [i.stub for i in again]


def test_command_prints_json_and_exits_0(inputs, capsys):
    seeds, content, _ = inputs
    assert main(["review", "--seeds", str(seeds), "--content", str(content), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["items"] and {"rank", "reasons", "why", "target", "stub", "story", "sentence", "claim"} <= set(data["items"][0])
    assert main(["review", "--seeds", str(seeds), "--content", str(content)]) == 0
    text = capsys.readouterr().out
    assert "paste into" in text and "item(s) to review" in text

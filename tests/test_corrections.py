"""content/corrections.yaml end to end: each kind of correction reaches the export and
the claim page, stale ones are reported with file:line, and corrections hold across
rebuilds and edits elsewhere in their article.

The claims corrected are picked from what the seeds yield (by what they are, never by
a remembered id), so the tests hold whatever the extractor finds."""
from __future__ import annotations

import datetime as dt
import html
import json
import shutil
from pathlib import Path

import pytest
import yaml

from newsgen import urls
from newsgen.build import BuildFailed, ContentError, build
from newsgen.config import load_config
from newsgen.review import gather, items
from editor_inputs import fresh_project

REPO = Path(__file__).resolve().parents[1]
ON = dt.date(2026, 12, 1)


def claims_json(out: Path) -> dict:
    return json.loads((out / "data" / "claims.json").read_text("utf-8"))


def page(out: Path, claim_id: str) -> str:
    return html.unescape((out / urls.claim(claim_id)).read_text("utf-8"))


def write(content: Path, entries: list[dict]) -> Path:
    f = content / "corrections.yaml"
    f.write_text(yaml.safe_dump({"corrections": entries}, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return f


def line_of(f: Path, text: str, nth: int = 1) -> int:
    """The line of the corrections file where the nth entry holding `text` starts."""
    hits = [n for n, line in enumerate(f.read_text("utf-8").splitlines(), 1) if text in line]
    return hits[nth - 1]


def entry(claim: dict, **fields) -> dict:
    return {"claim": claim["id"], "sentence": claim["reports"][0]["sentence"], **fields,
            "checked_by": "A. Editor", "checked_on": ON}


@pytest.fixture
def inputs(tmp_path):
    return fresh_project(tmp_path)


@pytest.fixture(scope="module")
def before(tmp_path_factory):
    """The seeds built without corrections: the claims as the machine drafted them."""
    out = tmp_path_factory.mktemp("plain") / "site"
    content = tmp_path_factory.mktemp("content") / "content"
    shutil.copytree(REPO / "content", content)
    (content / "corrections.yaml").unlink(missing_ok=True)
    build(REPO / "seeds", content, out)
    return claims_json(out)["claims"]


def pick(claims: list[dict], test, taken: set[str]) -> dict:
    for c in claims:
        if c["id"] not in taken and c["reports"] and test(c):
            taken.add(c["id"])
            return c
    pytest.fail("the seeds have no claim of the kind this test needs")


def two_parts(text: str) -> tuple[str, str] | None:
    at = text.find(", ")
    if at < 0:
        return None
    a, b = text[:at].strip(), text[at + 2:].strip()
    return (a, b) if len(a.split()) >= 3 and len(b.split()) >= 3 else None


@pytest.fixture(scope="module")
def corrected(before, tmp_path_factory):
    """The seeds built with one correction of every kind."""
    root = tmp_path_factory.mktemp("corrected")
    content = root / "content"
    shutil.copytree(REPO / "content", content)
    people = {p.id for p in load_config(content)[0].people}
    taken: set[str] = set()
    chosen = {
        "speaker": pick(before, lambda c: c["speaker"] is not None and c["speaker"]["id"] != "vladimir-putin", taken),
        "day": pick(before, lambda c: c["said_on"] is None, taken),
        "drop": pick(before, lambda c: True, taken),
        "figure": pick(before, lambda c: len(c["quantities"]) == 1 and c["quantities"][0]["value"] is not None, taken),
        "stance": pick(before, lambda c: c["stance"] == "affirms", taken),
        "split": pick(before, lambda c: two_parts(c["text"]) is not None and not c["quantities"], taken),
        "checked": pick(before, lambda c: True, taken),
    }
    assert "vladimir-putin" in people
    parts = two_parts(chosen["split"]["text"])
    fig = chosen["figure"]["quantities"][0]
    entries = [
        entry(chosen["speaker"], speaker="vladimir-putin"),
        entry(chosen["day"], said_on=dt.date(2024, 10, 23)),
        entry(chosen["drop"], drop="not a claim"),
        entry(chosen["figure"], figure={"text": fig["text"], "value": fig["value"] + 7, "counts": "drones"}),
        entry(chosen["stance"], stance="denies"),
        entry(chosen["split"], split=[{"text": parts[0], "speaker": "vladimir-putin"}, {"text": parts[1]}]),
        entry(chosen["checked"], note="Matches the transcript."),
    ]
    write(content, entries)
    out = root / "site"
    result = build(REPO / "seeds", content, out)
    return chosen, out, result


def by_id(data: dict) -> dict[str, dict]:
    return {c["id"]: c for c in data["claims"]}


def test_no_stale_problem_when_every_correction_applies(corrected):
    _, _, result = corrected
    assert not [p for p in result.problems if "corrections.yaml" in p.file], result.problems


def test_speaker_correction_changes_the_export_and_the_page(corrected):
    chosen, out, _ = corrected
    old = chosen["speaker"]
    c = by_id(claims_json(out))[old["id"]]  # the address the editor named holds
    assert c["speaker"]["id"] == "vladimir-putin"
    assert c["review"]["status"] == "corrected" and c["review"]["by"] == "A. Editor" and c["review"]["on"] == "2026-12-01"
    change = c["review"]["changes"][0]
    assert change["field"] == "speaker" and old["speaker"]["name"] in change["from"] and change["to"] == "Vladimir Putin"
    text = page(out, old["id"])
    assert "checked by the editor" in text and "speaker corrected from" in text
    assert "Vladimir Putin" in text


def test_day_correction_sets_the_day_with_basis_editor(corrected):
    chosen, out, _ = corrected
    c = by_id(claims_json(out))[chosen["day"]["id"]]
    assert (c["said_on"], c["date_basis"], c["placed_on"]) == ("2024-10-23", "editor", "2024-10-23")
    assert c["review"]["changes"][0]["field"] == "said_on"
    assert "day corrected from no day to 2024-10-23" in page(out, c["id"])


def test_dropped_claim_leaves_the_site_and_stays_in_the_export_with_its_reason(corrected):
    chosen, out, _ = corrected
    data = claims_json(out)
    gone = chosen["drop"]["id"]
    assert gone not in by_id(data)
    assert not (out / urls.claim(gone)).exists()
    dropped = {c["id"]: c for c in data["dropped"]}
    assert dropped[gone]["review"]["status"] == "dropped" and dropped[gone]["review"]["reason"] == "not a claim"
    index = (out / "index.html").read_text("utf-8")
    assert urls.claim(gone) not in index


def test_figure_correction_changes_value_and_what_it_counts(corrected):
    chosen, out, _ = corrected
    old = chosen["figure"]["quantities"][0]
    c = by_id(claims_json(out))[chosen["figure"]["id"]]
    q = c["quantities"][0]
    assert q["value"] == old["value"] + 7 and q["counts"] == "drones" and q["text"] == old["text"]
    assert {ch["detail"].split(" ")[0] for ch in c["review"]["changes"]} == {"value", "counts"}
    assert "figure (value of" in page(out, c["id"])


def test_stance_correction_holds_over_the_stance_found(corrected):
    chosen, out, _ = corrected
    c = by_id(claims_json(out))[chosen["stance"]["id"]]
    assert c["stance"] == "denies"
    assert c["review"]["changes"] == [{"field": "stance", "detail": None, "from": "affirms", "to": "denies",
                                       "text": "stance corrected from affirms to denies"}]
    assert "stance corrected from affirms to denies" in page(out, c["id"])


def test_split_makes_one_claim_per_part(corrected):
    chosen, out, _ = corrected
    data = by_id(claims_json(out))
    first, second = two_parts(chosen["split"]["text"])
    one, two = data[chosen["split"]["id"] + "-part1"], data[chosen["split"]["id"] + "-part2"]
    assert chosen["split"]["id"] not in data
    assert (one["text"], one["speaker"]["id"], one["review"]["status"]) == (first, "vladimir-putin", "split")
    assert (two["text"], two["speaker"]["id"]) == (second, chosen["split"]["speaker"]["id"])
    assert "split from a longer claim" in page(out, one["id"])


def test_confirmation_marks_the_claim_checked_and_changes_nothing_else(before, corrected):
    chosen, out, _ = corrected
    c = by_id(claims_json(out))[chosen["checked"]["id"]]
    assert c["review"] == {"status": "checked", "by": "A. Editor", "on": "2026-12-01", "changes": [],
                           "note": "Matches the transcript.", "reason": None}
    old = chosen["checked"]
    assert (c["speaker"], c["said_on"], c["text"], c["quantities"]) == (old["speaker"], old["said_on"], old["text"], old["quantities"])
    text = page(out, c["id"])
    assert "checked by the editor" in text and "nothing changed" in text and "Matches the transcript." in text


def test_unreviewed_claims_carry_review_null(corrected):
    chosen, out, _ = corrected
    named = {c["id"] for c in chosen.values()}
    rest = [c for c in claims_json(out)["claims"] if not c["id"].startswith(tuple(named))]
    assert rest and all(c["review"] is None for c in rest)


def test_seeds_with_a_speaker_a_day_and_a_drop(inputs):
    """The acceptance case: the compound speaker and an undated claim that `review` lists,
    and one claim dropped, all three in data/claims.json with their review records."""
    seeds, content, out = inputs
    timeline, people = gather(seeds, content)
    found = items(timeline, people)
    joint = next(i for i in found if "compound speaker" in i.reasons and "    speaker: " in i.stub)
    undated = next(i for i in found if "no day" in i.reasons and i.claim != joint.claim)
    # One speaker set: a claim whose speaker the machine did not find in people.yaml
    # (or found none) is given a person of people.yaml.
    unsure = next(i for i in found if {"no speaker", "speaker not in people.yaml"} & set(i.reasons)
                  and i.claim not in (joint.claim, undated.claim))
    set_speaker = unsure.stub.replace("    # speaker: <people.yaml id>      # or [id, id] for a joint statement",
                                      "    speaker: john-kirby")
    assert "speaker: john-kirby" in set_speaker
    other = next(c for c in timeline.claims if c.id not in (joint.claim, undated.claim, unsure.claim))
    stubs = [joint.stub, set_speaker, undated.stub.replace("# said_on: YYYY-MM-DD", "said_on: 2024-10-23")]
    text = "corrections:\n" + "\n".join(stubs) + (f"\n  - claim: {other.id}\n    drop: background\n"
                                                  f"    checked_by: A. Editor\n    checked_on: 2026-12-01\n")
    (content / "corrections.yaml").write_text(text, encoding="utf-8")
    result = build(seeds, content, out, strict=True)
    assert not result.problems
    data = claims_json(out)
    claims = by_id(data)
    assert len(claims[joint.claim]["speakers"]) == 2 and all(s["known"] for s in claims[joint.claim]["speakers"])
    assert claims[joint.claim]["review"]["status"] in ("checked", "corrected")
    assert claims[unsure.claim]["speaker"]["id"] == "john-kirby"
    assert claims[unsure.claim]["review"]["changes"][0]["field"] == "speaker"
    assert claims[undated.claim]["said_on"] == "2024-10-23" and claims[undated.claim]["review"]["status"] == "corrected"
    assert [c["id"] for c in data["dropped"]] == [other.id] and data["dropped"][0]["review"]["reason"] == "background"


def test_stale_correction_is_reported_with_file_and_line_and_fails_strict(inputs, before):
    seeds, content, out = inputs
    f = write(content, [entry(before[0], note="fine"), {"claim": "nobody-0000ffffff", "checked_by": "A. Editor", "checked_on": ON}])
    result = build(seeds, content, out)  # not strict: reported, built
    stale = [p for p in result.problems if p.file == f.as_posix()]
    line = line_of(f, "- claim: nobody-0000ffffff")
    assert len(stale) == 1 and stale[0].line == line and "nobody-0000ffffff" in stale[0].message
    with pytest.raises(BuildFailed) as e:
        build(seeds, content, out, strict=True)
    assert any(str(p).startswith(f"{f.as_posix()}:{line}: ") for p in e.value.problems)


def test_correction_whose_sentence_changed_is_reported_not_applied(inputs, before):
    seeds, content, out = inputs
    target = next(c for c in before if c["speaker"] and c["speaker"]["id"] != "vladimir-putin"
                  and " the " in c["reports"][0]["sentence"])
    f = write(content, [entry(target, speaker="vladimir-putin")])
    seed = seeds / f"{target['reports'][0]['story']}.txt"
    sentence = target["reports"][0]["sentence"]
    text = seed.read_text("utf-8")
    # A typo in a short word keeps the claim's address (see timeline.signature).
    changed = sentence.replace(" the ", " teh ", 1)
    assert sentence in text
    seed.write_text(text.replace(sentence, changed), encoding="utf-8")
    result = build(seeds, content, out)
    claims = by_id(claims_json(out))
    assert claims[target["id"]]["speaker"]["id"] == target["speaker"]["id"]  # not applied
    assert claims[target["id"]]["review"] is None
    stale = [p for p in result.problems if p.file == f.as_posix()]
    assert len(stale) == 1 and stale[0].line == 2 and "sentence has changed" in stale[0].message
    with pytest.raises(BuildFailed):
        build(seeds, content, out, strict=True)


def test_two_corrections_for_one_claim_are_refused(inputs, before):
    seeds, content, out = inputs
    f = write(content, [entry(before[0]), entry(before[0], note="again")])
    with pytest.raises(ContentError) as e:
        build(seeds, content, out)
    refused = [p for p in e.value.problems if p.file == f.as_posix() and p.severity == "error"]
    second = line_of(f, f"- claim: {before[0]['id']}", 2)
    assert len(refused) == 1 and refused[0].line == second and "first is at line 2" in refused[0].message


def test_correction_survives_an_unrelated_edit_to_its_article(inputs, before):
    seeds, content, out = inputs
    target = next(c for c in before if c["speaker"] and c["speaker"]["id"] != "vladimir-putin"
                  and c["reports"][0]["paragraph"] > 0)
    write(content, [entry(target, speaker="vladimir-putin")])
    seed = seeds / f"{target['reports'][0]['story']}.txt"
    text = seed.read_text("utf-8")
    sentence = target["reports"][0]["sentence"]
    at = text.index(sentence)
    # A new paragraph before the claim's, and another at the end: every paragraph number moves.
    edited = text[:at] + "The weather in the region was cold that week.\n\n" + text[at:] + "\n\nMore reporting followed.\n"
    seed.write_text(edited, encoding="utf-8")
    result = build(seeds, content, out, strict=True)
    assert not result.problems
    c = by_id(claims_json(out))[target["id"]]
    assert c["speaker"]["id"] == "vladimir-putin" and c["review"]["status"] == "corrected"
    assert c["reports"][0]["paragraph"] != target["reports"][0]["paragraph"]


def test_check_reports_a_stale_correction(inputs):
    from newsgen.check import check

    seeds, content, _ = inputs
    f = write(content, [{"claim": "nobody-0000ffffff", "checked_by": "A. Editor", "checked_on": ON}])
    report = check(seeds, content)
    assert any(p.file == f.as_posix() and p.line == 2 and "nobody-0000ffffff" in p.message for p in report.problems)

"""`newsgen check`: every input problem named by file and line, without writing anything."""
import re
import shutil
from pathlib import Path
from typing import Sequence

import pytest

from newsgen.check import CheckReport, check, duplicate_problems, duplicate_url_problems
from newsgen.cli import main
from newsgen.config import Config, SeedMeta
from newsgen.model import Problem, Story

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "check"
LINE = re.compile(r"^(?P<file>[^:]+)(?::(?P<line>\d+))?: (?P<severity>error|warning): (?P<message>.+)$")


@pytest.fixture
def broken(tmp_path):
    shutil.copytree(FIXTURES / "broken", tmp_path / "p")
    return tmp_path / "p"


def find(report: CheckReport, *, file: str, severity: str, words: tuple[str, ...]) -> Problem:
    hits = [p for p in report.problems if p.file.endswith(file) and p.severity == severity and all(w in p.message for w in words)]
    assert hits, f"no {severity} in {file} with {words}; got:\n" + "\n".join(map(str, report.problems))
    return hits[0]


# --- the same article twice (pure) ---------------------------------------------------

ARTICLE = [
    "The port authority board voted on Tuesday to approve a second container terminal on the east quay, "
    "ending two years of public hearings over the project's cost.",
    '"This terminal will double the cargo we can handle," said the chief executive after the vote, '
    "adding that at least 1,200 permanent jobs would follow.",
    "Opponents said the approval came too quickly and that they would ask the regional court to review it.",
]


def story(sid, paragraphs, outlet=None):
    return Story(id=sid, seed=f"{sid}.txt", outlet=outlet, paragraphs=tuple(paragraphs))


def test_same_text_reflowed_and_repunctuated_is_a_duplicate():
    copy = [" ".join(ARTICLE[:2]).replace('"', "“", 1).replace('," said', ',” said').upper(), ARTICLE[2] + " "]
    problems = duplicate_problems([story("a", ARTICLE, "Gazette"), story("b", copy, "gazette")], "seeds")
    assert len(problems) == 1
    p = problems[0]
    assert p.severity == "error" and p.file == "seeds/b.txt" and "seeds/a.txt" in p.message


def test_trimmed_copy_is_a_duplicate():
    longer = ARTICLE + ["The environmental agency said it could not yet confirm whether nesting sites on the quay would be protected."] * 1
    longer += ["Construction is expected to begin next spring and to cost about 480 million euros, documents show."]
    problems = duplicate_problems([story("long", longer), story("short", ARTICLE)], "seeds")
    assert [p.severity for p in problems] == ["error"]
    assert "shorter text" in problems[0].message


def test_same_text_from_two_outlets_is_a_warning():
    problems = duplicate_problems([story("a", ARTICLE, "Wire One"), story("b", ARTICLE, "Daily Two")], "seeds")
    assert [p.severity for p in problems] == ["warning"]
    assert "syndicated" in problems[0].message and "seeds/a.txt" in problems[0].message


def test_two_reports_of_the_same_event_are_not_duplicates():
    other = [
        "A second cargo terminal will be built on the harbour's east side after the port board approved it on Tuesday.",
        "The authority's chief executive predicted twice the cargo and more than a thousand new jobs.",
        "Residents of the old harbour district plan a court challenge, their association said.",
    ]
    assert duplicate_problems([story("a", ARTICLE), story("b", other)], "seeds") == []


def test_short_texts_are_never_called_duplicates():
    assert duplicate_problems([story("a", ["Kyiv said so."]), story("b", ["Kyiv said so."])], "seeds") == []


def test_the_same_url_in_two_metadata_files():
    config = Config(seeds=(
        SeedMeta("a", "content/seeds/a.yaml", url="https://example.org/news/1", line=1),
        SeedMeta("b", "content/seeds/b.yaml", url="https://example.org/news/1/#top", line=1),
        SeedMeta("c", "content/seeds/c.yaml", url="https://example.org/news/2", line=1),
    ))
    problems = duplicate_url_problems(config)
    assert len(problems) == 1 and problems[0].file == "content/seeds/b.yaml" and "'a'" in problems[0].message


# --- the broken fixture project (whole pipeline) --------------------------------------


def test_broken_inputs_each_named_with_file_and_line(broken):
    report = check(broken / "seeds", broken / "content")
    assert report.seeds == 4

    bad_yaml = find(report, file="content/seeds/undated.yaml", severity="error", words=("YAML",))
    assert bad_yaml.line is not None and bad_yaml.line >= 2

    typo = find(report, file="content/seeds/harbour-gazette.yaml", severity="warning", words=("publised", "did you mean 'published'"))
    assert typo.line == 3

    # Metadata for a seed that is not there is only a warning (a shared content/ serves several corpora).
    find(report, file="content/seeds/ghost-story.yaml", severity="warning", words=("ghost-story", "not in"))

    dups = [p for p in report.problems if "same article" in p.message]
    assert len(dups) == 1 and dups[0].severity == "error"
    named = dups[0].file + " " + dups[0].message
    assert "seeds/harbour-gazette.txt" in named and "seeds/harbour-gazette-copy.txt" in named

    # undated.txt has no date in its text, and its metadata does not parse.
    find(report, file="seeds/undated.txt", severity="warning", words=("no publication date", "content/seeds/undated.yaml"))
    find(report, file="seeds/undated.txt", severity="warning", words=("no outlet",))

    outlet = find(report, file="seeds/lakeside.md", severity="warning", words=("Lakeside Cronicle", "outlets.yaml"))
    assert "did you mean 'Lakeside Chronicle'" in outlet.message

    # Speakers quoted in the texts but missing from people.yaml; the listed one is known.
    speakers = [p for p in report.problems if "people.yaml" in p.message]
    assert speakers, "the unlisted speakers should be reported"
    texts = "".join(f.read_text("utf-8") for f in (broken / "seeds").iterdir())
    for p in speakers:
        assert p.severity == "warning"
        name = re.match(r"speaker (.+?)(?: \(.*\))? is not in", p.message).group(1)
        assert name in texts and "Quayle" not in name

    # Known outlets and dated seeds are not complained about.
    assert not any("harbour-gazette.txt" in p.file and "outlet" in p.message for p in report.problems)
    assert not any(p.file.endswith("lakeside.md") and "publication date" in p.message for p in report.problems)
    assert not report.ok and report.errors == 2


def test_cli_exit_code_and_output_format(broken, capsys, monkeypatch):
    monkeypatch.chdir(broken)
    assert main(["check"]) == 1
    out = capsys.readouterr().out.strip().splitlines()
    *problems, summary = out
    assert problems and all(LINE.match(line) for line in problems), out
    assert any(line.startswith("content/seeds/harbour-gazette.yaml:3: warning: ") for line in problems)
    assert re.fullmatch(r"checked 4 seeds: 2 errors, \d+ warnings", summary)


def test_warnings_only_exit_zero(broken, capsys):
    (broken / "seeds" / "harbour-gazette-copy.txt").unlink()
    (broken / "content" / "seeds" / "harbour-gazette-copy.yaml").unlink()
    (broken / "content" / "seeds" / "ghost-story.yaml").unlink()
    (broken / "content" / "seeds" / "undated.yaml").write_text("outlet: Harbour Gazette\ntitle: Ferry timetable\n", "utf-8")
    rc = main(["check", "--seeds", str(broken / "seeds"), "--content", str(broken / "content")])
    out = capsys.readouterr().out
    assert rc == 0, out
    assert ": warning: " in out and ": error: " not in out
    assert re.search(r"checked 3 seeds: 0 errors, [1-9]\d* warnings", out)


def test_check_writes_nothing(broken):
    before = sorted((p.as_posix(), p.stat().st_mtime_ns) for p in broken.parent.rglob("*"))
    check(broken / "seeds", broken / "content")
    after = sorted((p.as_posix(), p.stat().st_mtime_ns) for p in broken.parent.rglob("*"))
    assert after == before


def test_missing_folders_are_problems_not_crashes(tmp_path):
    report = check(tmp_path / "nope", tmp_path / "nothing")
    assert report.seeds == 0 and not report.ok
    assert any("seeds folder not found" in p.message for p in report.problems)


def test_project_seeds_have_no_duplicates():
    repo = Path(__file__).resolve().parents[1]
    report = check(repo / "seeds", repo / "content")
    assert not [p for p in report.problems if "same article" in p.message]


def test_unknown_speakers_are_reported_at_their_line(tmp_path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "content").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text(
        "Harbour plans\n\nThe port board met on Tuesday.\n\n"
        "\"We will build it,\" Ingrid Solberg, the board's chair, said on Tuesday.\n", "utf-8")
    report = check(tmp_path / "seeds", tmp_path / "content")
    speakers = [p for p in report.problems if "people.yaml" in p.message]
    assert speakers and all(p.line == 5 for p in speakers), [str(p) for p in report.problems]


# --- the same article twice, after edits (what a rebuild reuses) ----------------------


def _edit(rng, stories: list[Story], step: int, focus: Sequence[str] = ()) -> list[Story]:
    """One editor's change: a story edited, rewritten, copied, trimmed, added or removed, its
    outlet changed, or many stories at once (past the incremental limit). Half the
    time the story is one of `focus` (those found in a pair, say)."""
    from dataclasses import replace

    from similar_corpus import _article, _vocabulary, story_to_change

    stories = list(stories)
    vocab = _vocabulary(rng, 400)
    kind = rng.choice(["edit", "rewrite", "copy", "trim", "add", "remove", "outlet", "many"])
    i = story_to_change(rng, stories, focus)
    s = stories[i]
    if kind == "edit":
        words = s.paragraphs[0].split()
        words[rng.randrange(len(words))] = rng.choice(vocab)
        stories[i] = replace(s, paragraphs=(" ".join(words),) + s.paragraphs[1:])
    elif kind == "rewrite":  # no longer a copy of anything
        stories[i] = replace(s, paragraphs=tuple(_article(rng, vocab, 120)))
    elif kind == "copy":
        stories[i] = replace(s, paragraphs=rng.choice(stories).paragraphs)
    elif kind == "trim":
        stories[i] = replace(s, paragraphs=s.paragraphs[: max(1, len(s.paragraphs) - 1)])
    elif kind == "add":
        base = rng.choice(stories)
        text = base.paragraphs if rng.random() < 0.5 else tuple(_article(rng, vocab, 120))
        stories.insert(i, replace(base, id=f"n{step:03d}", seed=f"n{step:03d}.txt", paragraphs=text))
    elif kind == "remove" and len(stories) > 5:
        del stories[i]
    elif kind == "outlet":
        stories[i] = replace(s, outlet=rng.choice([None, "Outlet 1", "outlet 1", "Outlet 2"]))
    elif kind == "many":
        for j in rng.sample(range(len(stories)), 25):
            stories[j] = replace(stories[j], paragraphs=stories[j].paragraphs[::-1])
    return stories


def test_duplicates_reused_after_edits_are_those_found_from_scratch():
    import json
    import random

    from similar_corpus import corpus

    from newsgen import codec
    from newsgen.check import Duplicates, near_duplicates

    rng = random.Random(5)
    stories = corpus(80, words=120, vocabulary=400)
    found = near_duplicates(stories)
    kinds = set()
    for step in range(60):
        stories = _edit(rng, stories, step, {sid for pair in found.pairs for sid in pair})
        # Through JSON, as the store keeps it between builds.
        found = near_duplicates(stories, codec.decode(json.loads(json.dumps(codec.encode(found))), Duplicates))
        scratch = near_duplicates(stories)
        assert found == scratch
        problems = duplicate_problems(stories, "seeds", found=found)
        assert problems == duplicate_problems(stories, "seeds")
        kinds |= {p.severity for p in problems}
    assert kinds == {"error", "warning"}, "copies from one outlet and from two were made"


def test_duplicates_from_another_corpus_are_not_mistaken_for_this_ones():
    from newsgen.check import near_duplicates

    other = near_duplicates([story("a", ARTICLE), story("b", ARTICLE)])
    now = [story("a", ARTICLE), story("b", ["A different text altogether, about the harbour and its new cranes. " * 3])]
    assert near_duplicates(now, other).pairs == {}
    assert duplicate_problems(now, "seeds", found=near_duplicates(now, other)) == []


def test_near_identical_wire_briefs_are_each_reported_once_against_the_first():
    """A brief run many times with its date, a figure and a word changed: one problem
    per copy, naming the first brief's file (not one per pair of copies)."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from big_inputs import briefs

    from newsgen.check import near_duplicates
    from newsgen.load import load_story

    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        stories = [load_story(p)[0] for p in briefs(120, Path(tmp))]
    problems = duplicate_problems(stories, "seeds")
    assert len(problems) == 119
    assert [p.file for p in problems] == [f"seeds/{s.seed}" for s in stories[1:]]
    assert all(p.message.startswith(f"same article as seeds/{stories[0].seed} (") for p in problems)
    assert len(near_duplicates(stories).pairs) == 119

"""content/ is read into a typed Config; every problem names file and line."""
import datetime as dt
from pathlib import Path

import pytest

from newsgen.config import load_config, parse_people, parse_seed_meta, parse_site
from newsgen.yamlfile import parse

REPO = Path(__file__).resolve().parents[1]


def doc(text, name="f.yaml"):
    d, problems = parse(text, name)
    assert not problems, problems
    return d


def test_repository_content_is_valid_and_complete():
    config, problems = load_config(REPO / "content")
    assert [str(p) for p in problems] == []
    assert {m.seed for m in config.seeds} == {p.stem for p in (REPO / "seeds").iterdir()}
    assert config.story.topics and config.story.series
    assert config.site.base_path == "/"
    assert all(p.name and p.id for p in config.people)


def test_yaml_syntax_error_names_line():
    d, problems = parse("people:\n  - name: A\n    role: [unclosed\n", "people.yaml")
    assert d is None
    assert problems[0].file == "people.yaml" and problems[0].line in (3, 4)
    assert "YAML syntax error" in problems[0].message


def test_unknown_field_is_a_warning_with_suggestion_and_line():
    people, problems = parse_people(doc("people:\n  - name: Pat Ryder\n    rol: Press Secretary\n"))
    assert [p.name for p in people] == ["Pat Ryder"]
    (w,) = problems
    assert w.severity == "warning" and w.line == 3 and "did you mean 'role'" in w.message


def test_missing_required_field_drops_only_that_record():
    people, problems = parse_people(doc("people:\n  - role: Spokesman\n  - name: John Kirby\n"))
    assert [p.name for p in people] == ["John Kirby"]
    assert problems[0].severity == "error" and problems[0].line == 2 and "'name'" in problems[0].message


def test_wrong_type_and_bad_choice_are_errors():
    people, problems = parse_people(doc("people:\n  - name: [a, b]\n  - name: UN\n    kind: robot\n"))
    assert people == ()
    assert {p.line for p in problems} == {2, 4}


def test_duplicate_ids_keep_the_first():
    people, problems = parse_people(doc("people:\n  - name: A B\n  - name: A  B\n    id: a-b\n"))
    assert len(people) == 1 and "used twice" in problems[0].message and problems[0].line == 3


def test_yaml_words_like_no_stay_text():
    people, _ = parse_people(doc("people:\n  - name: NO\n    aliases: [yes, on]\n"))
    assert people[0].name == "NO" and people[0].aliases == ("yes", "on")


def test_seed_meta_dates_and_window():
    meta, problems = parse_seed_meta(doc("published: 2024-10-22\nurl: https://x.test/a\n"), "a")
    assert meta.published == dt.date(2024, 10, 22) and not problems
    meta, problems = parse_seed_meta(doc("outlet: Yonhap\npublished: 22/10/2024\nurl: https://x.test/a\n"), "a")
    # Only the bad field goes, reported at its own line; outlet and url stay.
    assert meta.published is None and meta.outlet == "Yonhap" and meta.url == "https://x.test/a"
    assert "YYYY-MM-DD" in problems[0].message and problems[0].line == 2
    meta, _ = parse_seed_meta(doc("published_window: [2024-11-07, 2024-11-13]\n"), "a")
    assert meta.published_window == (dt.date(2024, 11, 7), dt.date(2024, 11, 13))
    meta, problems = parse_seed_meta(doc("published_window: [2024-11-13, 2024-11-07]\n"), "a")
    assert meta.published_window is None and "starts after" in problems[0].message


def test_non_http_url_is_refused():
    meta, problems = parse_seed_meta(doc("url: javascript:alert(1)\n"), "a")
    assert meta.url is None and problems[0].line == 1


def test_base_path_is_normalised():
    site, _, _ = parse_site(doc("site:\n  base_path: newsgen\n"))
    assert site.base_path == "/newsgen/"


def test_missing_content_folder_gives_defaults(tmp_path):
    config, problems = load_config(tmp_path / "nope")
    assert config.people == () and problems[0].severity == "warning"


def test_not_utf8_file_is_reported(tmp_path):
    (tmp_path / "people.yaml").write_bytes("people:\n  - name: Caf\xe9\n".encode("cp1252"))
    config, problems = load_config(tmp_path)
    assert any(p.file.endswith("people.yaml") and "UTF-8" in p.message for p in problems)


@pytest.mark.parametrize("text", ["- just\n- a list\n", "people: 3\n"])
def test_wrong_shapes_are_reported(text):
    people, problems = parse_people(doc(text))
    assert people == () and problems


def test_topics_that_are_not_a_list_are_an_error_at_their_line():
    site, story, problems = parse_site(doc("site:\n  title: T\nstory:\n  title: S\n  topics: 5\n  series: x\n"))
    assert story.topics == () and story.series == ()
    assert {(p.line, p.severity) for p in problems} == {(5, "error"), (6, "error")}
    assert "'topics' must be a list" in problems[0].message


def test_site_url_must_be_http():
    site, _, problems = parse_site(doc("site:\n  title: T\n  url: javascript:alert(1)\n"))
    assert site.url is None and problems[0].line == 3 and problems[0].severity == "error"
    site, _, problems = parse_site(doc("site:\n  url: https://you.github.io/newsgen/\n"))
    assert site.url == "https://you.github.io/newsgen/" and not problems


def content_copy(tmp_path):
    import shutil

    shutil.copytree(REPO / "content", tmp_path / "content")
    return tmp_path / "content"


def test_links_out_of_content_are_not_read(tmp_path):
    content = content_copy(tmp_path)
    secret = tmp_path / "secret.md"
    secret.write_text("# secret\n\nnot for publishing\n", "utf-8")
    (content / "pages" / "passwd.md").symlink_to("/etc/passwd")
    (content / "pages" / "secret.md").symlink_to(secret)
    (content / "pages" / "gone.md").symlink_to(tmp_path / "nothing.md")
    (content / "seeds" / "x.yaml").symlink_to(tmp_path / "nothing.yaml")
    config, problems = load_config(content)
    assert {p.slug for p in config.pages} == {"about", "method"}
    said = {p.file.rsplit("/", 1)[1]: p.message for p in problems}
    assert "outside" in said["passwd.md"] and "outside" in said["secret.md"]
    assert "broken symbolic link" in said["gone.md"] and "broken symbolic link" in said["x.yaml"]
    assert all(p.severity == "error" for p in problems)


def test_a_link_inside_content_is_read(tmp_path):
    content = content_copy(tmp_path)
    (content / "pages" / "about-us.md").symlink_to(content / "pages" / "about.md")
    config, problems = load_config(content)
    assert "about-us" in {p.slug for p in config.pages} and not problems


def test_second_metadata_file_and_page_twins_are_refused_by_name(tmp_path):
    content = content_copy(tmp_path)
    (content / "seeds" / "000_026a6bed20428990.yml").write_text("outlet: Someone\n", "utf-8")
    (content / "pages" / "About.md").write_text("# About\n", "utf-8")
    config, problems = load_config(content)
    said = [str(p) for p in problems]
    assert any("000_026a6bed20428990.yml" in p and "second metadata file" in p and "000_026a6bed20428990.yaml" in p for p in said)
    assert any("About.md" in p and "about.md" in p for p in said)
    assert config.seed_meta("000_026a6bed20428990").outlet != "Someone"


def test_a_page_nested_a_thousand_deep_is_refused_without_parsing(tmp_path):
    import time

    content = content_copy(tmp_path)
    (content / "pages" / "deep.md").write_text("# Deep\n\n" + "".join("  " * i + "- item\n" for i in range(1000)), "utf-8")
    started = time.monotonic()
    config, problems = load_config(content)
    assert time.monotonic() - started < 30
    assert "deep" not in {p.slug for p in config.pages}
    assert any(p.file.endswith("deep.md") and "levels deep" in p.message and p.severity == "error" for p in problems)


# --- corrections.yaml ------------------------------------------------------------


def _corrections(text: str):
    from newsgen.config import parse_corrections
    from newsgen.model import Person
    from newsgen.yamlfile import parse as parse_yaml

    doc, probs = parse_yaml(text, "content/corrections.yaml")
    assert not probs
    people = (Person(id="kirby", name="John Kirby"), Person(id="austin", name="Lloyd Austin"))
    return parse_corrections(doc, people)


def test_corrections_read_every_field():
    fixes, problems = _corrections(
        "corrections:\n"
        "  - claim: a-1\n    speaker: [kirby, austin]\n    said_on: 2024-10-23\n    stance: denies\n"
        "    figure: {text: some 50 nations, value: 51, counts: nations}\n"
        "    checked_by: A. Editor\n    checked_on: 2026-12-01\n    note: seen\n"
        "  - claim: a-2\n    split:\n      - {text: one part, speaker: kirby}\n      - {text: other part, said_on: 2024-10-24}\n"
        "    checked_by: A. Editor\n    checked_on: 2026-12-01\n"
        "  - claim: a-3\n    drop: not a claim\n    checked_by: A. Editor\n    checked_on: 2026-12-01\n")
    assert problems == []
    a, b, c = fixes
    assert (a.speaker, a.said_on.isoformat(), a.stance, a.figures[0].value, a.figures[0].counts, a.line) == (
        ("kirby", "austin"), "2024-10-23", "denies", 51.0, "nations", 2)
    assert [(p.text, p.speaker) for p in b.split] == [("one part", ("kirby",)), ("other part", ())]
    assert c.drop == "not a claim" and not c.speaker


@pytest.mark.parametrize("body, says, line", [
    ("    speaker: nobody\n", "not an id in people.yaml", 3),
    ("    stance: maybe\n", "expected one of", 3),
    ("    drop: background\n    speaker: kirby\n", "takes no other change", 3),
    ("    split:\n      - {text: only one}\n", "at least two", 3),
    ("    figure: {text: 5 men}\n", "changes nothing", 3),
])
def test_bad_corrections_are_errors_at_their_line(body, says, line):
    fixes, problems = _corrections("corrections:\n  - claim: a-1\n" + body + "    checked_by: A. Editor\n    checked_on: 2026-12-01\n")
    assert fixes == ()
    assert [(p.severity, p.line) for p in problems] == [("error", line)] and says in problems[0].message


def test_a_correction_needs_who_checked_it_and_when():
    fixes, problems = _corrections("corrections:\n  - claim: a-1\n    speaker: kirby\n")
    assert fixes == () and {p.line for p in problems} == {2}
    assert any("checked_by" in p.message for p in problems) and any("checked_on" in p.message for p in problems)

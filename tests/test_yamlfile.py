"""Content YAML is read with limits (aliases, expansion, depth, size), duplicate keys
are named, and a value YAML cannot construct is left to the field's own check."""
import time

from newsgen import yamlfile
from newsgen.yamlfile import parse


def laughs(levels: int = 9) -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, levels + 1):
        prev, cur = chr(96 + i), chr(97 + i)
        lines.append(f"{cur}: &{cur} [" + ",".join(f"*{prev}" for _ in range(9)) + "]")
    return "\n".join(lines) + "\n"


def test_billion_laughs_is_refused_quickly():
    started = time.monotonic()
    doc, problems = parse(laughs(), "content/site.yaml")
    assert doc is None and problems[0].file == "content/site.yaml"
    assert "refused" in problems[0].message and problems[0].line is not None
    assert time.monotonic() - started < 30  # unbounded, it ran past 120 s


def test_many_aliases_are_refused():
    text = "base: &b x\nlist:\n" + "".join("  - *b\n" for _ in range(yamlfile.MAX_ALIASES + 1))
    doc, problems = parse(text, "f.yaml")
    assert doc is None and "aliases" in problems[0].message


def test_a_few_aliases_and_merges_still_work():
    doc, problems = parse("base: &b {kind: person}\npeople:\n  - <<: *b\n    name: A\n", "f.yaml")
    assert not problems and doc.data["people"][0] == {"kind": "person", "name": "A"}


def test_deep_nesting_is_refused():
    for text in ("[" * 3000 + "]" * 3000, "".join("  " * i + "k:\n" for i in range(200)) + "  " * 200 + "v: 1\n"):
        doc, problems = parse(text, "f.yaml")
        assert doc is None and "deep" in problems[0].message


def test_oversized_file_is_refused():
    doc, problems = parse("a: " + "x" * (yamlfile.MAX_BYTES + 1) + "\n", "f.yaml")
    assert doc is None and "larger" in problems[0].message


def test_duplicate_key_is_an_error_at_the_second_line():
    doc, problems = parse("site:\n  title: A\n  title: B\n", "content/site.yaml")
    (p,) = problems
    assert p.severity == "error" and p.line == 3 and "first at line 2" in p.message
    assert doc.data == {"site": {"title": "A"}}


def test_impossible_date_stays_text_at_its_line():
    doc, problems = parse("outlet: X\npublished: 2024-13-45\n", "m.yaml")
    assert not problems and doc.data["published"] == "2024-13-45" and doc.line("published") == 2

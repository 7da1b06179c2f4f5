"""load_story: the disk, encodings, bad files."""
from pathlib import Path

import pytest

from newsgen.load import load_story

KOREAN = "국가정보원은 북한이 러시아에 약 1만 명의 병력을 파병했다고"


def test_cp1252_with_curly_quotes(fixture_path):
    story, problems = load_story(fixture_path("cp1252.txt"), shown="seeds/cp1252.txt")
    assert story is not None
    assert "“a dangerous escalation”" in story.paragraphs[0] and "allies’ patience" in story.paragraphs[0]
    assert "café" in story.paragraphs[1]
    (p,) = problems
    assert p.severity == "warning" and p.file == "seeds/cp1252.txt" and "decoded as cp12" in p.message


def test_euc_kr(fixture_path):
    story, problems = load_story(fixture_path("euckr.txt"))
    assert story.title == "북한군 러시아 파병 확인"
    assert story.paragraphs[0].startswith(KOREAN)
    assert len(story.paragraphs) == 2
    assert any(p.severity == "warning" and ("949" in p.message or "euc" in p.message.lower()) for p in problems)


@pytest.mark.parametrize("name", ["utf16_bom.txt", "utf8_bom.txt"])
def test_byte_order_marks(fixture_path, name):
    story, problems = load_story(fixture_path(name))
    assert problems == ()
    assert story.title == "Allies condemn troop transfers"
    assert story.paragraphs[0].startswith("WASHINGTON, Dec. 16 (AP) — The minister")


@pytest.mark.parametrize("name", ["empty.txt", "blank.txt", "binary.txt"])
def test_empty_and_binary_files(fixture_path, name):
    story, problems = load_story(fixture_path(name), shown=f"seeds/{name}")
    assert story is None
    (p,) = problems
    assert p.severity == "error" and p.file == f"seeds/{name}"
    assert ("empty" in p.message) != ("binary" in p.message)


def test_unknown_extension_is_a_warning(tmp_path: Path):
    f = tmp_path / "notes.docx"
    f.write_bytes(b"PK\x03\x04")
    story, problems = load_story(f)
    assert story is None and problems[0].severity == "warning" and ".docx" in problems[0].message


def test_unreadable_file(tmp_path: Path):
    d = tmp_path / "folder.txt"
    d.mkdir()
    story, problems = load_story(d)
    assert story is None and problems[0].severity == "error"
    assert problems[0].file == d.as_posix()


def test_reader_problems_name_the_shown_file(fixture_path):
    _, problems = load_story(fixture_path("missing_date.md"), shown="seeds/missing_date.md")
    assert problems and all(p.file == "seeds/missing_date.md" for p in problems)


@pytest.mark.parametrize("name,fmt", [("meta_dates.html", "html"), ("good.md", "md"), ("blog.txt", "txt")])
def test_dispatch_by_extension(fixture_path, name, fmt):
    story, _ = load_story(fixture_path(name))
    assert story.format == fmt and story.seed == name and story.id == name.rsplit(".", 1)[0]


def test_an_article_above_the_text_cap_is_refused_by_name(tmp_path):
    from newsgen.load.story import MAX_ARTICLE_TEXT

    def article(chars: int) -> str:
        # Paragraphs all different (repeated ones would be dropped as page furniture).
        paras, size, k = [], 0, 0
        while size < chars:
            paras.append(f"The minister said on Monday that about {k:,} troops had been sent to region {k}. " * 8)
            size += len(paras[-1].strip())
            k += 1
        return "---\ntitle: Long\n---\n\n" + "\n\n".join(paras) + "\n"

    seed = tmp_path / "too long.md"
    seed.write_text(article(MAX_ARTICLE_TEXT + 10), "utf-8")
    story, problems = load_story(seed, shown="seeds/too long.md")
    assert story is None
    (p,) = [p for p in problems if "article text" in p.message]
    assert p.file == "seeds/too long.md" and p.severity == "error"
    assert f"more than the {MAX_ARTICLE_TEXT:,} one article may have; skipped" in p.message
    seed.write_text(article(MAX_ARTICLE_TEXT - 2_000), "utf-8")  # below the cap: read
    assert load_story(seed)[0] is not None

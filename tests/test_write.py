"""The writer swaps a whole site in, keeps unchanged files and never escapes its folder."""
import os

import pytest

from newsgen.model import Output
from newsgen.write import UnsafePath, check_path, write_site


def test_write_then_rewrite_changes_nothing(tmp_path):
    out = tmp_path / "site"
    files = [Output("index.html", b"<p>hi</p>"), Output("a/b.html", b"b")]
    r1 = write_site(files, out)
    assert (r1.written, r1.unchanged, r1.removed) == (2, 0, 0)
    stat = (out / "a/b.html").stat()
    r2 = write_site(files, out)
    assert (r2.written, r2.unchanged, r2.removed) == (0, 2, 0)
    assert (out / "a/b.html").stat().st_mtime_ns == stat.st_mtime_ns
    assert (out / "a/b.html").stat().st_ino == stat.st_ino


def test_changed_and_removed_files_are_counted(tmp_path):
    out = tmp_path / "site"
    write_site([Output("a.html", b"1"), Output("gone.html", b"x")], out)
    r = write_site([Output("a.html", b"2")], out)
    assert (r.written, r.unchanged, r.removed) == (1, 0, 1)
    assert (out / "a.html").read_bytes() == b"2" and not (out / "gone.html").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no staging left


@pytest.mark.parametrize("bad", ["../x.html", "/etc/passwd", "a/../../x", "a\\..\\x", "", "a//b", "./a", "C:/x", "a/"])
def test_paths_that_escape_are_refused(bad):
    with pytest.raises(UnsafePath):
        check_path(bad)


def test_failed_write_leaves_previous_site_whole(tmp_path):
    out = tmp_path / "site"
    write_site([Output("index.html", b"old")], out)
    with pytest.raises(UnsafePath):
        write_site([Output("index.html", b"new"), Output("../evil", b"x")], out)
    assert (out / "index.html").read_bytes() == b"old"
    assert not (tmp_path / "evil").exists()


def test_symlinked_folder_in_previous_site_is_not_followed(tmp_path):
    out = tmp_path / "site"
    outside = tmp_path / "outside"
    outside.mkdir()
    write_site([Output("index.html", b"x")], out)
    os.symlink(outside, out / "data")
    write_site([Output("data/claims.json", b"{}")], out)
    assert list(outside.iterdir()) == []
    assert (out / "data/claims.json").read_bytes() == b"{}" and not (out / "data").is_symlink()


def test_duplicate_output_paths_are_an_error(tmp_path):
    with pytest.raises(UnsafePath):
        write_site([Output("a.html", b"1"), Output("a.html", b"2")], tmp_path / "site")


def test_site_folder_is_readable_by_others(tmp_path):
    write_site([Output("index.html", b"x")], tmp_path / "site")
    assert (tmp_path / "site").stat().st_mode & 0o755 == 0o755


def test_outputs_stream_from_a_generator_and_keep_links_the_previous_file(tmp_path):
    from newsgen.write import Keep

    out = tmp_path / "site"
    write_site([Output("a/kept.html", b"kept"), Output("b.html", b"old")], out)
    ino = (out / "a/kept.html").stat().st_ino

    def stream():
        yield Keep("a/kept.html")
        yield Output("b.html", b"new")

    r = write_site(stream(), out)
    assert (r.written, r.unchanged, r.removed) == (1, 1, 0)
    assert (out / "a/kept.html").stat().st_ino == ino and (out / "b.html").read_bytes() == b"new"


def test_keeping_a_file_the_previous_site_lacks_fails_and_keeps_it_whole(tmp_path):
    from newsgen.write import Keep

    out = tmp_path / "site"
    write_site([Output("index.html", b"old")], out)
    with pytest.raises(FileNotFoundError):
        write_site(iter([Output("index.html", b"new"), Keep("missing.html")]), out)
    assert (out / "index.html").read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]

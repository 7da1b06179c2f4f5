import os
import socket

import pytest

from newsgen.safefile import Unreadable, read_bytes, refused_in, shown


def test_a_regular_file_is_read_whole_within_the_cap(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"abc")
    assert read_bytes(tmp_path / "a.txt", 3) == b"abc"
    with pytest.raises(Unreadable, match="more than the"):
        read_bytes(tmp_path / "a.txt", 2)


@pytest.mark.parametrize("make, words", [
    (lambda p: os.mkfifo(p), "FIFO"),
    (lambda p: socket.socket(socket.AF_UNIX).bind(str(p)), "socket"),
    (lambda p: p.mkdir(), "folder"),
])
def test_what_is_not_a_regular_file_is_refused_by_kind_without_opening_it(tmp_path, make, words):
    make(tmp_path / "x.txt")
    with pytest.raises(Unreadable, match=words):
        read_bytes(tmp_path / "x.txt")


def test_a_character_device_is_refused_not_read_until_memory_runs_out():
    with pytest.raises(Unreadable, match="character device"):
        read_bytes("/dev/zero")


def test_a_loop_of_links_is_named(tmp_path):
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    with pytest.raises(Unreadable, match="loop of symbolic links"):
        read_bytes(tmp_path / "loop")


def test_names_are_printed_with_control_characters_escaped():
    assert shown("plain 北한.txt") == "plain 北한.txt"
    assert shown("a\nb\x1b[31m.txt") == "a\\nb\\x1b[31m.txt"


def test_refused_in_lists_links_out_loops_and_special_files_but_not_links_inside(tmp_path):
    root = tmp_path / "templates"
    (root / "static").mkdir(parents=True)
    (root / "base.html").write_text("x")
    (root / "alias.html").symlink_to(root / "base.html")
    (root / "static" / "passwd").symlink_to("/etc/passwd")
    (root / "static" / "gone").symlink_to(root / "nothing")
    (root / "static" / "up").symlink_to(root)
    os.mkfifo(root / "pipe.html")
    found = {p.name: why for p, why in refused_in(root, "templates/")}
    assert set(found) == {"passwd", "gone", "up", "pipe.html"}
    assert "outside" in found["passwd"] and "broken" in found["gone"] and "FIFO" in found["pipe.html"]

"""What the near-copy tests found, kept between builds: read back only when it can be trusted."""
import sqlite3

from newsgen import pairmemo
from newsgen.check import Duplicates


def test_a_record_is_read_back_by_the_code_that_wrote_it(tmp_path):
    found = Duplicates({"a": (b"\x00digest", b"\x01\x02")}, {("a", "b"): (0.9, 1.0)})
    handle = pairmemo.file(tmp_path, "duplicates")
    pairmemo.store(handle, found)
    assert pairmemo.load(handle, Duplicates) == found
    assert pairmemo.load(pairmemo.file(tmp_path, "sources"), Duplicates) is None  # another record


def test_a_missing_broken_or_foreign_record_is_none(tmp_path, monkeypatch):
    import newsgen.cache

    found = Duplicates({}, {("a", "b"): (0.9, 1.0)})
    handle = pairmemo.file(tmp_path, "sources")
    assert pairmemo.load(handle, Duplicates) is None
    assert pairmemo.load(pairmemo.file(None, "sources"), Duplicates) is None
    pairmemo.store(handle, found)
    with sqlite3.connect(tmp_path / "store.sqlite3") as db:
        db.execute("UPDATE records SET value = substr(value, 1, 10)")
    assert pairmemo.load(handle, Duplicates) is None
    pairmemo.store(handle, found)
    monkeypatch.setattr(newsgen.cache, "code_fingerprint", lambda: "another version")
    assert pairmemo.load(handle, Duplicates) is None


def test_the_digest_tells_apart_paragraphs_split_differently():
    assert pairmemo.text_digest(["ab", "c"]) != pairmemo.text_digest(["a", "bc"])
    assert pairmemo.text_digest(["a\0b"]) != pairmemo.text_digest(["a", "b"])
    assert pairmemo.text_digest(("x", "y")) == pairmemo.text_digest(["x", "y"])

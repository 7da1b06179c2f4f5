"""What the near-copy tests found, kept between builds: read back only when it can be trusted."""
from newsgen import pairmemo


def test_a_record_is_read_back_by_the_code_that_wrote_it(tmp_path):
    path = pairmemo.file(tmp_path, "duplicates")
    pairmemo.store(path, {"a": 1})
    assert pairmemo.load(path, dict) == {"a": 1}
    assert pairmemo.load(path, list) is None  # another kind of record


def test_a_missing_broken_or_foreign_record_is_none(tmp_path, monkeypatch):
    import newsgen.cache

    path = pairmemo.file(tmp_path, "sources")
    assert pairmemo.load(path, dict) is None
    assert pairmemo.load(pairmemo.file(None, "sources"), dict) is None
    pairmemo.store(path, {"a": 1})
    path.write_bytes(path.read_bytes()[:10])
    assert pairmemo.load(path, dict) is None
    pairmemo.store(path, {"a": 1})
    monkeypatch.setattr(newsgen.cache, "code_fingerprint", lambda: "another version")
    assert pairmemo.load(path, dict) is None


def test_the_digest_tells_apart_paragraphs_split_differently():
    assert pairmemo.text_digest(["ab", "c"]) != pairmemo.text_digest(["a", "bc"])
    assert pairmemo.text_digest(["a\0b"]) != pairmemo.text_digest(["a", "b"])
    assert pairmemo.text_digest(("x", "y")) == pairmemo.text_digest(["x", "y"])

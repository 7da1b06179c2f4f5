"""What the near-copy tests (check's same article twice, sources' copied sentences)
found, kept between builds.

Both compare every story with every other, and what they find for two stories
depends on those two texts only. So a rebuild after an editor changes one article
reuses the last build's findings for the pairs of unchanged texts and compares only
the changed one. A record is used only by the code and Python that wrote it (the
shingle hashes and the tests are theirs); anything else, missing or unreadable,
means comparing every pair again: slower, never a different answer.
"""
from __future__ import annotations

import hashlib
import sys
from pathlib import Path
from typing import Sequence, TypeVar

from newsgen import store as stores

T = TypeVar("T")
Handle = tuple[stores.Store, str]  # the store and the record's name ("duplicates", "sources")


def text_digest(paragraphs: Sequence[str]) -> bytes:
    """What both tests read of a story: its paragraphs. Their lengths go first, so no
    two different lists of paragraphs give the same bytes."""
    h = hashlib.sha256(repr(list(map(len, paragraphs))).encode())
    h.update("\0".join(paragraphs).encode("utf-8", "surrogatepass"))
    return h.digest()


def _version() -> str:
    from newsgen.cache import code_fingerprint

    return hashlib.sha256((code_fingerprint() + "\0" + sys.version).encode()).hexdigest()


def file(cache_dir: Path | None, name: str) -> Handle | None:
    """Where the record called name is kept: the store in cache_dir (None: nowhere)."""
    store = stores.at(cache_dir)
    return (store, name) if store is not None else None


def load(handle: Handle | None, kind: type[T]) -> T | None:
    """The record, if the code and Python that read it now wrote it (the key says which)."""
    if handle is None:
        return None
    store, name = handle
    return store.get("pairs:" + name, _version(), kind)


def store(handle: Handle | None, value: object) -> None:
    if handle is not None:
        s, name = handle
        s.put("pairs:" + name, _version(), value)
        s.retain("pairs:" + name, {_version()})  # an older version's record is never read again

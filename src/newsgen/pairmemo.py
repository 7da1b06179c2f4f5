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
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence, TypeVar

from newsgen import pickles

T = TypeVar("T")


@dataclass(frozen=True)
class _Record:
    version: str
    value: object


def text_digest(paragraphs: Sequence[str]) -> bytes:
    """What both tests read of a story: its paragraphs. Their lengths go first, so no
    two different lists of paragraphs give the same bytes."""
    h = hashlib.sha256(repr(list(map(len, paragraphs))).encode())
    h.update("\0".join(paragraphs).encode("utf-8", "surrogatepass"))
    return h.digest()


def _version() -> str:
    from newsgen.cache import code_fingerprint

    return code_fingerprint() + "\0" + sys.version


def file(cache_dir: Path | None, name: str) -> Path | None:
    # Not *.pickle: pruning the seed cache keeps it.
    return Path(cache_dir) / f"{name}.pairs" if cache_dir is not None else None


def load(path: Path | None, kind: type[T]) -> T | None:
    record = pickles.read(path, _Record)
    if record is None or record.version != _version() or not isinstance(record.value, kind):
        return None
    return record.value


def store(path: Path | None, value: object) -> None:
    if path is not None:
        pickles.write(path, _Record(_version(), value))

"""The build's own records on disk (seed cache, manifest, page reads): one way to
read and write them, so none of the three can leave half a file behind."""
from __future__ import annotations

import os
import pickle
import tempfile
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


def read(path: Path | None, kind: type[T]) -> T | None:
    """The record at path if it is a `kind`; anything else (missing, truncated, from
    another version of newsgen) is None, which every caller treats as "do the work"."""
    if path is None:
        return None
    try:
        with open(path, "rb") as f:
            value = pickle.load(f)
    except Exception:
        return None
    return value if isinstance(value, kind) else None


def write(path: Path, value: Any) -> None:
    """Written under a temporary name and renamed, so a reader never sees half a record.
    A record that cannot be written only makes the next build slower, so errors pass."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        pass

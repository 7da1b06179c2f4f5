"""The one place a build keeps what it learned for the next build.

One SQLite database (the standard library's sqlite3), `store.sqlite3` in the
cache folder: `.newsgen-cache/` in the project folder, or `--cache DIR`. A row
is (kind, key, value): kind names what made it ("seed" for a seed's loaded and
extracted result, "pairs" for the near-copy comparisons, "manifest" and "pages"
for what the last build read and drew), key is a content hash of its inputs plus
the version of the code that made it, and value is JSON (newsgen.codec), which
reading back cannot turn into running code, as unpickling can.

It is a pure speed-up: a record missing, unreadable or of another shape is
"do the work again", and deleting the folder is always safe. The folder is
refused when it is a symbolic link (what it points to is not the project's).
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
from pathlib import Path
from typing import Any, Iterable, TypeVar

from newsgen import codec

T = TypeVar("T")
FILE = "store.sqlite3"


class StoreRefused(Exception):
    """A cache folder newsgen must not use; the message is one line for the user."""


def usable(folder: Path) -> Path:
    folder = Path(folder)
    if folder.is_symlink():
        raise StoreRefused(f"{folder}: the cache folder is a symbolic link; remove the link "
                           f"(newsgen keeps its store only in a real folder) or build with --no-cache")
    if folder.exists() and not folder.is_dir():
        raise StoreRefused(f"{folder}: the cache folder is a file, not a folder; remove it or give --cache another folder")
    return folder


class Store:
    def __init__(self, folder: Path):
        self.folder = Path(folder)  # checked when first opened: a folder that is not usable means no store
        self._db: sqlite3.Connection | None = None
        self._identity: tuple[int, int] | None = None
        self._lock = threading.Lock()  # the preview server rebuilds from another thread

    def _open(self) -> sqlite3.Connection | None:
        if self._db is not None:
            return self._db
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            usable(self.folder)  # checked again: it may have been swapped for a link meanwhile
            file = self.folder / FILE
            if file.is_symlink():
                return None
            db = sqlite3.connect(file, timeout=30, check_same_thread=False, isolation_level=None)
            self._identity = _identity(file)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("CREATE TABLE IF NOT EXISTS records (kind TEXT, key TEXT, value TEXT, PRIMARY KEY (kind, key))")
        except (OSError, sqlite3.Error, StoreRefused):
            return None
        self._db = db
        return db

    def get(self, kind: str, key: str, hint: Any) -> Any:
        """The record decoded as `hint`, or None (missing, unreadable, another shape)."""
        raw = self.get_plain(kind, key)
        if raw is None:
            return None
        try:
            return codec.decode(raw, hint)
        except (ValueError, TypeError, KeyError, RecursionError):
            return None

    def get_many(self, kind: str, keys: Iterable[str], hint: Any) -> dict[str, Any]:
        """The records of these keys that are present and readable.

        Read and decoded 500 at a time: the text of 5,000 records is 50 MB, which
        would otherwise sit beside the decoded values."""
        keys = list(dict.fromkeys(keys))
        found: list[str] = []  # the keys of the records, in the order they are decoded

        def records():
            for i in range(0, len(keys), 500):  # SQLite's limit on parameters
                part = keys[i:i + 500]
                with self._lock:
                    db = self._open()
                    if db is None:
                        return
                    try:
                        rows = db.execute(f"SELECT key, value FROM records WHERE kind = ? AND key IN ({','.join('?' * len(part))})",
                                          (kind, *part)).fetchall()
                    except sqlite3.Error:
                        return
                for key, value in rows:
                    found.append(key)
                    try:
                        yield json.loads(value)
                    except (ValueError, RecursionError):
                        yield None  # not JSON: decodes to nothing, so it is left out

        values = codec.decode_many(records(), hint)
        return {key: value for key, value in zip(found, values) if value is not None}

    def get_plain(self, kind: str, key: str) -> Any:
        """A record put_plain kept, as JSON gives it back (lists, dicts of str,
        numbers, text), or None; the caller checks its shape."""
        with self._lock:
            db = self._open()
            if db is None:
                return None
            try:
                row = db.execute("SELECT value FROM records WHERE kind = ? AND key = ?", (kind, key)).fetchone()
            except sqlite3.Error:
                return None
        if row is None:
            return None
        try:
            return json.loads(row[0])
        except (ValueError, RecursionError):
            return None

    def put_plain(self, kind: str, key: str, value: Any) -> None:
        """Keep a value that is already plain JSON data (no dataclasses, dates or
        sets), without codec's walk over it: for large records of strings and numbers."""
        text = json.dumps(value, separators=(",", ":"), ensure_ascii=False)
        with self._lock:
            db = self._open()
            if db is None:
                return
            try:
                with _transaction(db):
                    db.execute("INSERT OR REPLACE INTO records (kind, key, value) VALUES (?, ?, ?)", (kind, key, text))
            except sqlite3.Error:
                pass

    def put(self, kind: str, key: str, value: Any) -> None:
        self.put_many(kind, [(key, value)])

    def put_many(self, kind: str, items: Iterable[tuple[str, Any]]) -> None:
        """Kept in one transaction; a store that cannot be written only makes the next build slower."""
        rows = [(kind, k, json.dumps(codec.encode(v), separators=(",", ":"), ensure_ascii=False)) for k, v in items]
        with self._lock:
            db = self._open()
            if db is None or not rows:
                return
            try:
                with _transaction(db):
                    db.executemany("INSERT OR REPLACE INTO records (kind, key, value) VALUES (?, ?, ?)", rows)
            except sqlite3.Error:
                pass

    def delete(self, kind: str, key: str) -> None:
        with self._lock:
            db = self._open()
            if db is None:
                return
            try:
                db.execute("DELETE FROM records WHERE kind = ? AND key = ?", (kind, key))
            except sqlite3.Error:
                pass

    def keys(self, kind: str) -> set[str]:
        with self._lock:
            db = self._open()
            if db is None:
                return set()
            try:
                return {k for (k,) in db.execute("SELECT key FROM records WHERE kind = ?", (kind,))}
            except sqlite3.Error:
                return set()

    def retain(self, kind: str, keep: set[str]) -> int:
        """Delete the records of `kind` not in keep; how many went."""
        gone = self.keys(kind) - set(keep)
        with self._lock:
            db = self._open()
            if db is None or not gone:
                return 0
            try:
                with _transaction(db):
                    db.executemany("DELETE FROM records WHERE kind = ? AND key = ?", [(kind, k) for k in gone])
            except sqlite3.Error:
                return 0
        return len(gone)

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None


class _transaction:
    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind, value, tb) -> None:
        self.db.execute("COMMIT" if kind is None else "ROLLBACK")


_open_stores: dict[str, Store] = {}


def at(folder: Path | None) -> Store | None:
    """The store in folder (one per folder and process), or None without a folder."""
    if folder is None:
        return None
    name = os.path.abspath(folder)
    store = _open_stores.get(name)
    if store is not None and store._db is not None and store._identity != _identity(Path(folder) / FILE):
        store.close()  # the folder was deleted or replaced since: the open file is not the store any more
        store = None
    if store is None or store.folder != Path(folder):
        store = _open_stores[name] = Store(Path(folder))
    return store


def _identity(file: Path) -> tuple[int, int] | None:
    try:
        st = os.lstat(file)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def out_key(out_dir: Path) -> str:
    """Records about one output folder (manifest, page reads): two sites can share a store."""
    return hashlib.sha256(str(Path(out_dir).resolve()).encode()).hexdigest()[:16]

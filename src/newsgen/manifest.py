"""Decides in one pass whether a build would change nothing.

A manifest records every input file the last build read (seeds, content/,
templates/) by size, mtime and SHA-256, newsgen's own code, the build options,
and every file it wrote with its size, mtime and inode. When all of that is
still true, the site on disk is exactly what a build would write, so build()
returns the recorded summary without unpickling a story or rendering a page.

Stat first, hash only when the stat differs or is too recent to trust (a file
rewritten within the filesystem's timestamp granularity keeps its mtime), so an
unchanged tree costs one stat per file. The manifest is a pure speed-up, kept
in the store (newsgen.store): missing, unreadable or stale means "build normally".
"""
from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from newsgen import store as stores

if TYPE_CHECKING:
    from newsgen.build import Summary

# Within this much of the manifest's own time, equal stats do not prove equal bytes.
RACY_NS = 2_000_000_000

Entry = tuple[int, int, str]  # size, mtime_ns, sha256 (or the link target for a symlink)


@dataclass(frozen=True)
class Manifest:
    options: tuple[Any, ...]  # code fingerprint, folders and build options
    inputs: dict[str, Entry]
    outputs: dict[str, tuple[int, int, int]]  # site path → size, mtime_ns, inode
    recorded_ns: int
    summary: Summary  # what build() returns in place of building


def _walk(root: str, recursive: bool) -> Iterable[os.DirEntry]:
    try:
        entries = list(os.scandir(root))
    except OSError:
        return
    for e in entries:
        if e.name.startswith("."):
            continue
        if e.is_dir(follow_symlinks=False):
            if recursive:
                yield from _walk(e.path, True)
            continue
        yield e


def _hash(path: str) -> str:
    from newsgen.safefile import Unreadable, read_bytes

    try:
        return hashlib.sha256(read_bytes(path)).hexdigest()
    except Unreadable:
        return "unreadable"


def scan_inputs(roots: Iterable[tuple[Path, bool]], previous: Manifest | None = None,
                stop: bool = True) -> dict[str, Entry] | None:
    """Every file under the roots (a root's flag: recurse into folders).

    With `previous`, a file whose size and mtime match the previous entry is not
    read again, and (when `stop`) the scan stops at the first file that differs
    and returns None.
    """
    old = previous.inputs if previous else None
    found: dict[str, Entry] = {}
    for root, recursive in roots:
        if not Path(root).exists():
            found[Path(root).as_posix()] = (-1, -1, "missing")
            continue
        for e in _walk(str(Path(root)), recursive):
            # scandir joins the normalised root and a bare name: already the key
            # Path().as_posix() would give, without a Path object per file.
            key = e.path if os.sep == "/" else e.path.replace(os.sep, "/")
            try:
                st = e.stat(follow_symlinks=False)
            except OSError:
                found[key] = (-1, -1, "unreadable")
                continue
            if e.is_symlink():
                # Where a link leads decides whether the build accepts the file.
                entry = (st.st_size, st.st_mtime_ns, "link:" + os.path.realpath(e.path) + ":" + _hash(e.path))
            else:
                before = old.get(key) if old is not None else None
                trusted = (before is not None and before[:2] == (st.st_size, st.st_mtime_ns)
                           and st.st_mtime_ns < previous.recorded_ns - RACY_NS)
                entry = before if trusted else (st.st_size, st.st_mtime_ns, _hash(e.path))
            if stop and old is not None and old.get(key, (None, None, None))[2] != entry[2]:
                return None
            found[key] = entry
    if stop and old is not None and set(found) != set(old):
        return None
    return found


def scan_outputs(out_dir: Path) -> dict[str, tuple[int, int, int]]:
    out: dict[str, tuple[int, int, int]] = {}
    _walk_outputs(out_dir, lambda key, st: out.__setitem__(key, (st.st_size, st.st_mtime_ns, st.st_ino)) or True)
    return out


def outputs_intact(out_dir: Path, recorded: dict[str, tuple[int, int, int]]) -> bool:
    """Whether the output folder holds exactly the recorded files, each as recorded.

    Compared file by file as the folder is read, stopping at the first difference:
    a 5,000-article site is 27,000 files, and this runs on every rebuild.
    """
    get = recorded.get

    def same(key: str, st: os.stat_result) -> bool:
        return get(key) == (st.st_size, st.st_mtime_ns, st.st_ino)

    seen = _walk_outputs(out_dir, same)
    return seen == len(recorded)


def _walk_outputs(out_dir: Path, visit) -> int:
    """visit(site path, stat) for every file; the number visited, or -1 when a visit
    said no or the folder cannot be read."""
    count = 0

    def walk(folder: str, prefix: str) -> bool:
        nonlocal count
        for e in os.scandir(folder):
            if e.is_dir(follow_symlinks=False):
                if not walk(e.path, prefix + e.name + "/"):
                    return False
            else:
                if not visit(prefix + e.name, e.stat(follow_symlinks=False)):
                    return False
                count += 1
        return True

    try:
        return count if walk(str(Path(out_dir)), "") else -1
    except OSError:
        return -1


def still(previous: Manifest | None, options: tuple[Any, ...], roots, out_dir: Path) -> Manifest | None:
    """The manifest, brought up to date, when a build would write exactly what is
    there; else None.

    Files touched without being changed (a checkout, a copy) were hashed to find
    that out; the returned manifest carries their new size and mtime, so the next
    rebuild trusts them again instead of hashing them every time.
    """
    if previous is None or previous.options != options:
        return None
    scanned_ns = now_ns()
    found = scan_inputs(roots, previous)
    if found is None or not outputs_intact(out_dir, previous.outputs):
        return None
    if found == previous.inputs:
        return previous
    return Manifest(previous.options, found, previous.outputs, scanned_ns, previous.summary)


Handle = tuple[stores.Store, str]  # the store and the output folder's key
KIND = "manifest"


def manifest_file(cache_dir: Path, out_dir: Path) -> Handle | None:
    """One manifest per output folder, so two sites can share a store."""
    store = stores.at(cache_dir)
    return (store, stores.out_key(out_dir)) if store is not None else None


# The record: {"manifest": the Manifest without its inputs and outputs, as codec
# writes it; "inputs": [path, ...], "sizes": [size, mtime_ns, ...], "hashes": [sha256,
# ...]; "outputs": [site path, ...], "stats": [size, mtime_ns, inode, ...]}. Inputs
# and outputs, tens of thousands of files, are plain lists that json reads in C:
# through codec's checks, value by value, they were a third of a no-change rebuild.


def _ints(v: Any, n: int) -> bool:
    return type(v) is list and len(v) == n and all(type(x) is int for x in v)


def _texts(v: Any) -> bool:
    return type(v) is list and all(type(x) is str for x in v)


def load(handle: Handle | None) -> Manifest | None:
    """The manifest of the last build into this folder, or None (missing, unreadable, another shape)."""
    if handle is None:
        return None
    raw = handle[0].get_plain(KIND, handle[1])
    try:
        ins, hashes, outs = raw["inputs"], raw["hashes"], raw["outputs"]
        sizes, stats = raw["sizes"], raw["stats"]
        if not (_texts(ins) and _texts(hashes) and len(hashes) == len(ins) and _ints(sizes, 2 * len(ins))
                and _texts(outs) and _ints(stats, 3 * len(outs))):
            return None
        from newsgen import codec

        head = codec.decode(raw["manifest"], Manifest)
    except (TypeError, KeyError, ValueError, RecursionError):
        return None
    if head.inputs or head.outputs:
        return None
    return replace(head, inputs=dict(zip(ins, zip(sizes[0::2], sizes[1::2], hashes))),
                   outputs=dict(zip(outs, zip(stats[0::3], stats[1::3], stats[2::3]))))


def record(handle: Handle | None, options: tuple[Any, ...], roots, out_dir: Path, summary: Any,
           started_ns: int, previous: Manifest | None = None) -> None:
    """Store the manifest of a build that just finished writing.

    Inputs are stamped with the time the build started, so a file edited while it
    ran is older than the manifest by less than RACY_NS or differs in mtime, and
    is read again next time. A file `previous` already vouches for (same size and
    mtime, old enough) keeps its hash: one article changed reads one article.
    """
    inputs = {k: (v if v[1] < started_ns else (v[0], v[1], "changed while building"))
              for k, v in (scan_inputs(roots, previous, stop=False) or {}).items()}
    store(handle, Manifest(options, inputs, scan_outputs(out_dir), started_ns, summary))


def store(handle: Handle | None, manifest: Manifest) -> None:
    if handle is None:
        return
    from newsgen import codec

    handle[0].put_plain(KIND, handle[1], {
        "manifest": codec.encode(replace(manifest, inputs={}, outputs={})),
        "inputs": list(manifest.inputs), "sizes": [n for e in manifest.inputs.values() for n in e[:2]],
        "hashes": [e[2] for e in manifest.inputs.values()],
        "outputs": list(manifest.outputs), "stats": [n for st in manifest.outputs.values() for n in st]})


def forget(handle: Handle | None) -> None:
    if handle is not None:
        handle[0].delete(KIND, handle[1])


def now_ns() -> int:
    return time.time_ns()

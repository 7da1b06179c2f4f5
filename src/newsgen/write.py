"""Writes a built site into the output folder, all or nothing.

The new site is assembled in a sibling staging folder and swapped in with two
renames, so a failure part-way leaves the previous site whole. Files whose bytes
have not changed are hard-linked (or copied with their times) from the previous
site instead of rewritten, so an unchanged rebuild changes no file's mtime and a
deploy uploads nothing new.
"""
from __future__ import annotations

import os
import shutil
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Iterable

from newsgen import outdir

if TYPE_CHECKING:
    from newsgen.model import Output


class UnsafePath(ValueError):
    """An output path that would land outside the output folder."""


@dataclass(frozen=True)
class WriteReport:
    written: int
    unchanged: int
    removed: int


def check_path(path: str) -> PurePosixPath:
    """Reject any output path that could escape the output folder."""
    _check(path)
    return PurePosixPath(path)


def _check(path: str) -> None:
    if not path or "\\" in path or "\x00" in path or ":" in path:
        raise UnsafePath(f"unsafe output path {path!r}")
    # Check the raw segments: PurePosixPath would quietly fold "a//b" and "./a".
    if path.startswith("/") or any(seg in ("..", ".", "") for seg in path.split("/")):
        raise UnsafePath(f"unsafe output path {path!r}")


@dataclass(frozen=True)
class Keep:
    """A file the previous site already has, unchanged: linked, not rewritten."""

    path: str


def write_site(outputs: Iterable[Output | Keep], out_dir: Path) -> WriteReport:
    """Writes the outputs as they come (a generator keeps memory flat), then swaps.

    A Keep must name a file of the previous site; its bytes are not read.
    """
    out_dir = Path(out_dir)
    outputs = outdir.with_marker(outputs)  # so the next build knows this folder is newsgen's
    seen: set[str] = set()

    outdir.guard(out_dir)  # never replace a folder that is not newsgen's
    parent = out_dir.resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    outdir.tidy(out_dir)  # leftovers of builds that were killed
    # Unique names, so two builds into the same folder cannot trip over each other.
    stage = Path(tempfile.mkdtemp(prefix=outdir.staging_prefix(out_dir, "new"), dir=parent))
    old = Path(tempfile.mkdtemp(prefix=outdir.staging_prefix(out_dir, "old"), dir=parent))
    stage.chmod(0o755)  # mkdtemp's 0700 would hide the site from a web server
    for made in (stage, old):
        outdir.mark_staging(made)  # so a later build's tidy knows it for newsgen's own

    previous = out_dir if out_dir.is_dir() else None
    written = unchanged = 0
    stage_root = stage.resolve()
    # Paths as strings from here on: a site is tens of thousands of files, and a
    # Path object per file and per operation costs more than the system calls.
    stage_s, previous_s = os.fspath(stage), os.fspath(previous) if previous else None
    folders: set[str] = {""}  # made and checked in the staging folder ("" is the folder itself)
    try:
        for o in outputs:
            _check(o.path)  # no "..", no empty or "." segment, no absolute path
            if o.path in seen:
                raise UnsafePath(f"two outputs at {o.path!r}")
            seen.add(o.path)
            target = stage_s + "/" + o.path
            folder = o.path.rpartition("/")[0]
            if folder not in folders:
                # resolve() catches a symlinked folder pointing elsewhere; a folder is
                # checked once, not once per file in it (thousands of system calls).
                parent = stage / folder
                if stage_root not in parent.resolve().parents:
                    raise UnsafePath(f"unsafe output path {o.path!r}")
                parent.mkdir(parents=True, exist_ok=True)
                if stage_root not in parent.resolve().parents:
                    raise UnsafePath(f"unsafe output path {o.path!r}")
                folders.add(folder)
            before = previous_s + "/" + o.path if previous_s else None
            counted = o.path != outdir.MARKER  # the report counts the site's files, not the marker
            if isinstance(o, Keep):
                if before is None or not _plain_file(before):
                    raise FileNotFoundError(f"{o.path}: kept from the previous site, which does not have it")
                _reuse(before, target)
                unchanged += counted
            elif before is not None and _same_bytes(before, o.data):
                _reuse(before, target)
                unchanged += counted
            else:
                _write(target, o.data)
                written += counted
        removed = _count_gone(previous, seen) if previous else 0
        os.unlink(stage_s + "/" + outdir.STAGING_RECORD)  # not part of the site
        (old / outdir.STAGING_RECORD).unlink()  # renaming the site onto it needs it empty
        with outdir.swap_lock(out_dir):
            # Checked again under the lock: a build racing this one may have created it.
            if out_dir.is_dir():
                os.replace(out_dir, old)
            os.replace(stage, out_dir)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        if previous and not out_dir.exists() and old.exists():
            os.replace(old, out_dir)
        shutil.rmtree(old, ignore_errors=True)
        raise
    shutil.rmtree(old, ignore_errors=True)
    return WriteReport(written, unchanged, removed)


def _plain_file(path: str) -> bool:
    """A regular file, not a link (to anything) or a folder."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def _same_bytes(path: str, data: bytes) -> bool:
    try:
        st = os.lstat(path)
        if not stat.S_ISREG(st.st_mode) or st.st_size != len(data):
            return False
        with open(path, "rb") as f:
            return f.read() == data
    except OSError:
        return False


def _write(target: str, data: bytes) -> None:
    with open(target, "wb") as f:
        f.write(data)


def _reuse(before: str, target: str) -> None:
    try:
        os.link(before, target)
    except OSError:  # another file system, or links not allowed
        shutil.copy2(before, target)


def _count_gone(folder: Path, kept: set[str]) -> int:
    """Files of the previous site that the new one no longer has."""
    gone = 0
    for here, _dirs, files in os.walk(folder):
        prefix = Path(here).relative_to(folder).as_posix()
        prefix = "" if prefix == "." else prefix + "/"
        gone += sum(1 for f in files if prefix + f not in kept and os.path.isfile(os.path.join(here, f)))
    return gone

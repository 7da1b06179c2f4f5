"""The output folder is newsgen's alone: which folders it may replace, and how.

A build replaces the whole output folder, so giving it the wrong one would
destroy the user's work. `guard` refuses any folder that is, holds or lies
inside the project's inputs, the project itself or a folder above it, and any
non-empty folder newsgen did not write. Folders it writes carry MARKER; a site
written before the marker existed is recognised by its data contract files.

Builds stage the new site beside the old one (see write.py). `tidy` clears what
a killed build left there and brings back a previous site that a kill caught
between its two renames; `swap_lock` serialises the renames of two builds into
the same folder.
"""
from __future__ import annotations

import fcntl
import os
import re
import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator

MARKER = ".newsgen-site"
MARKER_TEXT = b"Written by newsgen. Every build replaces this folder whole; keep nothing else here.\n"
# What a site written by a newsgen that predates the marker always has.
EARLIER_SITE = ("index.html", "data/stories.json", "data/claims.json")
_STAGING = re.compile(r"^\.(?P<name>.+)\.(?P<kind>new|old)-(?P<pid>\d+)-[^/]*$")
# Written into each staging folder as it is made, holding the folder's own name:
# tidy removes only folders that carry it (or a site newsgen wrote), never a
# user's folder that merely has a name like one (".site.old-backup").
STAGING_RECORD = ".newsgen-staging"


class OutDirRefused(Exception):
    """An --out folder newsgen must not write; the message is one line for the user."""


def guard(out_dir: Path, inputs: Iterable[tuple[str, Path]] = (), project: Path | None = None) -> Path:
    """Raise OutDirRefused unless out_dir may be replaced by a build; return it resolved.

    `inputs` are (what, folder) pairs the output must stay clear of, e.g.
    ("seeds", Path("seeds")); `project` defaults to the working directory.
    """
    shown = str(out_dir)
    if shown.strip() in ("", "/", ".", "..") or shown.rstrip("/") in ("", ".", ".."):
        raise OutDirRefused(f"--out {shown!r}: give a folder of its own for the site, such as 'site'")
    out_dir = Path(out_dir)
    if out_dir.is_symlink():
        raise OutDirRefused(f"--out {shown}: is a symbolic link; give the real folder it points to, or a new one")
    if out_dir.exists() and not out_dir.is_dir():
        raise OutDirRefused(f"--out {shown}: is a file, not a folder; give a folder for the site")
    real = out_dir.resolve()
    if real == Path(real.anchor):
        raise OutDirRefused(f"--out {shown}: is the root of the file system; give a folder of its own for the site")
    home = Path.home().resolve()
    project = (project or Path.cwd()).resolve()
    if real == project or real in project.parents:
        raise OutDirRefused(f"--out {shown}: is the project folder {project} or above it; the build would replace it. Use a folder such as 'site'")
    if real == home:
        raise OutDirRefused(f"--out {shown}: is your home folder; give a folder of its own for the site")
    for what, folder in inputs:
        if folder is None:
            continue
        try:
            f = Path(folder).resolve()
        except (OSError, RuntimeError):  # a loop of links: no folder there to hold or contain the site
            continue
        if real == f or real in f.parents:
            raise OutDirRefused(f"--out {shown}: is or contains the {what} folder {folder}; the build would replace it")
        if f in real.parents:
            raise OutDirRefused(f"--out {shown}: lies inside the {what} folder {folder}; give a folder outside it")
    if out_dir.is_dir() and not owned(out_dir):
        try:
            empty = next(out_dir.iterdir(), None) is None
        except OSError as e:
            raise OutDirRefused(f"--out {shown}: cannot be read ({e.strerror or e})") from None
        if not empty:
            raise OutDirRefused(
                f"--out {shown}: is a folder newsgen did not write and it is not empty; "
                f"give a new or empty folder (newsgen replaces the whole folder on every build)"
            )
    return real


def owned(folder: Path) -> bool:
    """Whether folder is a site newsgen wrote (marked, or an earlier unmarked site)."""
    if (folder / MARKER).is_file():
        return True
    return all((folder / p).is_file() for p in EARLIER_SITE)


def with_marker(outputs):
    """The outputs plus the marker file, written (and kept unchanged) like any page."""
    from newsgen.model import Output

    # A generator, so pages still stream to the writer one at a time.
    marked = False
    for o in outputs:
        marked = marked or o.path == MARKER
        yield o
    if not marked:
        yield Output(MARKER, MARKER_TEXT)


def staging_prefix(out_dir: Path, kind: str) -> str:
    """mkdtemp prefix for a staging folder; the pid lets a later build tell litter from work."""
    return f".{Path(out_dir).name}.{kind}-{os.getpid()}-"


def mark_staging(folder: Path) -> None:
    (Path(folder) / STAGING_RECORD).write_text(Path(folder).name + "\n", "utf-8")


def _made_by_newsgen(folder: Path) -> bool:
    """A staging folder newsgen made (its record names it) or a site it wrote."""
    try:
        if (folder / STAGING_RECORD).read_text("utf-8").strip() == folder.name:
            return True
    except (OSError, UnicodeDecodeError):
        pass
    if (folder / MARKER).is_file():
        return True
    try:
        return next(folder.iterdir(), None) is None  # empty: nothing of anyone's to lose
    except OSError:
        return False


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def tidy(out_dir: Path) -> list[Path]:
    """Remove staging folders of builds that are no longer running; return what was removed.

    Only folders newsgen made are candidates: named with a pid and carrying
    STAGING_RECORD, or holding a site it wrote (the previous site moved aside).

    If a build was killed between moving the old site aside and moving the new
    one in, the output folder is missing and the old site is whole in its
    `.old-` folder: that one is moved back instead of removed.
    """
    out_dir = Path(out_dir)
    parent = out_dir.resolve().parent
    if not parent.is_dir():
        return []
    removed: list[Path] = []
    for p in sorted(parent.iterdir(), key=lambda p: p.name):
        m = _STAGING.match(p.name)
        if not m or m["name"] != out_dir.name or p.is_symlink() or not p.is_dir():
            continue
        if _alive(int(m["pid"])) and int(m["pid"]) != os.getpid():
            continue
        if not _made_by_newsgen(p):
            continue
        if m["kind"] == "old" and not out_dir.exists() and owned(p):
            try:
                os.replace(p, out_dir)
                continue
            except OSError:
                pass
        shutil.rmtree(p, ignore_errors=True)
        removed.append(p)
    return removed


@contextmanager
def swap_lock(out_dir: Path) -> Iterator[None]:
    """Hold an exclusive lock on the output's parent folder while swapping sites in."""
    parent = Path(out_dir).resolve().parent
    fd = os.open(parent, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock

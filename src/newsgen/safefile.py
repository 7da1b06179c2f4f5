"""Reading one input file without being led astray, and naming files safely.

Every file newsgen reads comes from folders a user controls: a FIFO named
`x.txt` would block a plain open() forever, a character device would be read
until memory runs out, and an article of hundreds of megabytes would take the
build with it. So only regular files are read, never more than a cap, and a
file's name is printed with control characters escaped (a name may hold a
newline or a terminal escape sequence).
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

# The largest article newsgen reads (seeds/ and `newsgen add`, the same cap):
# news articles, even saved whole with their page furniture, stay well under it,
# and every stage after reading grows with the article's length.
MAX_ARTICLE_BYTES = 2_000_000


class Unreadable(Exception):
    """Why a file is not read; the message is one line for the user, without the file name."""


def kind(mode: int) -> str | None:
    """What a file that is not a regular file is, in words (None for a regular file)."""
    if stat.S_ISREG(mode):
        return None
    for test, name in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISSOCK, "a socket"), (stat.S_ISLNK, "a symbolic link")):
        if test(mode):
            return name
    return "not a regular file"


def read_bytes(path: Path | str, limit: int | None = None) -> bytes:
    """The bytes of a regular file, at most `limit` of them; else Unreadable.

    The type is checked before opening (opening a FIFO for reading waits for a
    writer) and again on the open file, in case the name was swapped between the
    two; O_NONBLOCK makes that open return at once whatever it finds.
    """
    try:
        st = os.stat(path)
    except OSError as e:
        raise Unreadable(f"cannot read: {reason(e)}") from None
    what = kind(st.st_mode)
    if what is not None:
        raise Unreadable(f"{what}, not a regular file; not read")
    if limit is not None and st.st_size > limit:
        raise Unreadable(too_large(st.st_size, limit))
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as e:
        raise Unreadable(f"cannot read: {reason(e)}") from None
    with os.fdopen(fd, "rb") as f:
        what = kind(os.fstat(fd).st_mode)
        if what is not None:
            raise Unreadable(f"{what}, not a regular file; not read")
        data = f.read() if limit is None else f.read(limit + 1)
    if limit is not None and len(data) > limit:
        raise Unreadable(too_large(len(data), limit))
    return data


def too_large(size: int, limit: int) -> str:
    return (f"{size / 1e6:.1f} MB, more than the {limit / 1e6:.1f} MB an article may have; not read: "
            f"keep the article's text only, or split it")


def reason(e: BaseException) -> str:
    """An OSError (or pathlib's RuntimeError for a link loop) in words."""
    import errno

    if isinstance(e, RuntimeError) or getattr(e, "errno", None) == errno.ELOOP:
        return "a loop of symbolic links"
    return getattr(e, "strerror", None) or str(e)


def shown(name: str) -> str:
    """name as printed: control characters (newline, escape...) written as escapes,
    so a file name can neither break a message into lines nor drive the terminal."""
    if name.isprintable():
        return name
    return "".join(c if c.isprintable() else c.encode("unicode_escape", "backslashreplace").decode("ascii") for c in name)


def link_problem(path: Path, root: Path, where: str) -> str | None:
    """Why the symbolic link at path may not be read, or None when it leads to a
    place inside `root` (a resolved folder; `where` names it for the message)."""
    try:
        real = Path(path).resolve(strict=True)
    except FileNotFoundError:
        return "broken symbolic link (its target does not exist)"
    except RuntimeError:
        return "a loop of symbolic links"
    except OSError as e:
        return f"cannot read: {reason(e)}"
    if root != real and root not in real.parents:
        return f"link points outside {where}"
    return None


def refused_in(folder: Path, where: str) -> list[tuple[Path, str]]:
    """Every file under folder that must not be read: links leading outside it (or
    nowhere, or round in a loop) and anything that is not a regular file or folder.
    Links are not followed into: what they lead to is either refused or inside."""
    folder = Path(folder)
    try:
        root = folder.resolve(strict=True)
    except (OSError, RuntimeError):
        return []
    out: list[tuple[Path, str]] = []
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        for name in sorted(dirnames + filenames):
            if name.startswith("."):
                continue
            p = Path(dirpath) / name
            try:
                st = os.lstat(p)
            except OSError as e:
                out.append((p, f"cannot read: {reason(e)}"))
                continue
            if stat.S_ISLNK(st.st_mode):
                why = link_problem(p, root, where)
                if why is None and p.is_dir():
                    # Followed, a link to a folder can lead round in circles.
                    why = "link to a folder"
                if why:
                    out.append((p, why))
                continue
            what = kind(st.st_mode)
            if what is not None and what != "a folder":
                out.append((p, f"{what}, not a regular file"))
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
    return sorted(out)

"""`newsgen add URL|FILE`: put an article into seeds/ and start its metadata.

The page is stored exactly as received (seeds are raw material, never edited),
under a name that depends only on its address, so adding the same URL twice
finds the first copy instead of making a second. What the page's own metadata
says (title, outlet, publication date) is written to content/seeds/<stem>.yaml
for the editor to confirm; what it does not say is listed so they can add it.

Nothing is written outside seeds/ and content/seeds/, and an existing seed or
metadata file is never overwritten.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import socket
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit, urlunsplit

import yaml

from newsgen import __version__, urls
from newsgen.build import SEED_SUFFIXES
from newsgen.config import Config, load_config
from newsgen.safefile import MAX_ARTICLE_BYTES, Unreadable, read_bytes

TIMEOUT = 20.0  # seconds, for connecting and for the whole download
# The same cap as the build's: a page added must be one the build will read.
MAX_BYTES = MAX_ARTICLE_BYTES
HTML_TYPES = ("text/html", "application/xhtml+xml")
USER_AGENT = f"newsgen/{__version__} (+https://github.com/; archiving one article for a fact-check)"


class AddError(Exception):
    """Why one source could not be added; the message is for the user."""


@dataclass(frozen=True)
class Page:
    url: str  # after redirects
    data: bytes
    charset: str | None = None


@dataclass(frozen=True)
class Added:
    source: str
    seed: Path  # the seed file (new or already there)
    meta_file: Path
    status: str  # "added" or "unchanged"
    found: dict = field(default_factory=dict)  # field → value written to the metadata
    missing: tuple[str, ...] = ()  # one line per thing the editor should add
    notes: tuple[str, ...] = ()


# --- fetching -----------------------------------------------------------------------


def normalise_url(url: str) -> str:
    """The address that names a page: no fragment, lower-case scheme and host."""
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
    except ValueError as e:  # e.g. "http://[::1": an unclosed IPv6 address
        raise AddError(f"{url}: not a valid address ({e})") from None
    if parts.scheme.lower() not in ("http", "https") or not host:
        raise AddError(f"{url}: not an http(s) address")
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, ""))


def fetch(url: str, timeout: float = TIMEOUT, limit: int = MAX_BYTES) -> Page:
    """Download one HTML page within `timeout` seconds in all; every failure is an AddError.

    Socket timeouts only bound each wait, so a server trickling a byte a second
    would never trip them: the download runs in a worker thread and is given up
    when the total time is over.
    """
    outcome: list = []
    worker = threading.Thread(target=lambda: outcome.append(_attempt(url, timeout, limit)), name="newsgen-fetch", daemon=True)
    worker.start()
    worker.join(timeout + 1)
    if worker.is_alive() or not outcome:
        raise AddError(f"{url}: download took longer than {timeout:g} s; not saved")
    kind, value = outcome[0]
    if kind == "error":
        raise value
    return value


def _attempt(url: str, timeout: float, limit: int) -> tuple[str, object]:
    try:
        return "page", _fetch(url, timeout, limit)
    except AddError as e:
        return "error", e
    except Exception as e:  # noqa: BLE001 - reported to the user as one line
        return "error", AddError(f"{url}: download failed ({type(e).__name__}: {e})")


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow a redirect only to another http(s) address, checked at each hop:
    urllib's own handler also follows ftp://, which the final check would see too late."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        target = urllib.parse.urljoin(req.full_url, newurl)
        if urlsplit(target).scheme.lower() not in ("http", "https"):
            raise AddError(f"{req.full_url}: redirected to {target}, which is not an http(s) address; not followed")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _opener() -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(_HttpOnlyRedirects)


def _fetch(url: str, timeout: float, limit: int) -> Page:
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
                                                   "Accept-Encoding": "gzip, deflate"})
    deadline = time.monotonic() + timeout
    try:
        with _opener().open(request, timeout=timeout) as resp:
            final = resp.geturl()
            if urlsplit(final).scheme not in ("http", "https"):
                raise AddError(f"{url}: redirected to {final}, which is not an http(s) address")
            ctype = resp.headers.get_content_type() if resp.headers.get("Content-Type") else None
            if ctype is not None and ctype not in HTML_TYPES:
                raise AddError(f"{url}: not a web page (content type {ctype}); save the article's text as a .txt file instead")
            length = resp.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > limit:
                raise AddError(f"{url}: page is {int(length) / 1e6:.1f} MB, more than the {limit / 1e6:.0f} MB limit")
            encoding = (resp.headers.get("Content-Encoding") or "identity").strip().lower()
            if encoding not in ("identity", "gzip", "x-gzip", "deflate"):
                raise AddError(f"{url}: the server sent the page encoded as {encoding!r}, which newsgen cannot read; save the page from a browser instead")
            chunks, size = [], 0
            while True:
                # read1 returns what has arrived, so the deadline is checked while a slow server trickles.
                chunk = resp.read1(64 * 1024)
                if not chunk:
                    break
                size += len(chunk)
                if size > limit:
                    raise AddError(f"{url}: page is larger than the {limit / 1e6:.0f} MB limit; not saved")
                if time.monotonic() > deadline:
                    raise AddError(f"{url}: download took longer than {timeout:g} s; not saved")
                chunks.append(chunk)
            data = _decoded(b"".join(chunks), encoding, url, limit)
            charset = resp.headers.get_content_charset()
    except urllib.error.HTTPError as e:
        raise AddError(f"{url}: the server answered HTTP {e.code} {e.reason}") from None
    except urllib.error.URLError as e:
        reason = e.reason
        if isinstance(reason, (socket.timeout, TimeoutError)):
            raise AddError(f"{url}: no answer within {timeout:g} s") from None
        raise AddError(f"{url}: cannot connect ({getattr(reason, 'strerror', None) or reason})") from None
    except (socket.timeout, TimeoutError):
        raise AddError(f"{url}: no answer within {timeout:g} s") from None
    except (ConnectionError, OSError) as e:
        raise AddError(f"{url}: connection failed ({e})") from None
    if ctype is None and not _looks_like_html(data):
        raise AddError(f"{url}: the server did not say what this is and it does not look like HTML; not saved")
    return Page(final, data, charset)


def _decoded(data: bytes, encoding: str, url: str, limit: int) -> bytes:
    """The page's own bytes from a gzip or deflate answer, never more than `limit`."""
    if encoding == "identity":
        return data
    wbits = 31 if encoding in ("gzip", "x-gzip") else 15
    try:
        d = zlib.decompressobj(wbits)
        out = d.decompress(data, limit + 1)
        if len(out) > limit:
            raise AddError(f"{url}: page is larger than the {limit / 1e6:.0f} MB limit once unpacked; not saved")
        return out + d.flush()
    except zlib.error:
        if encoding == "deflate":  # some servers send raw deflate without the zlib header
            try:
                return zlib.decompress(data, -15)[: limit + 1]
            except zlib.error:
                pass
        raise AddError(f"{url}: the server said the page was {encoding}-compressed but it does not unpack; not saved") from None


def _looks_like_html(data: bytes) -> bool:
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html", b"<head", b"<meta", b"<!--", b"<title"))


def decode_html(data: bytes, charset: str | None = None) -> str:
    """Text of an HTML page: BOM, then the server's charset, then <meta charset>, then a guess."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace")
    candidates = [charset] if charset else []
    m = re.search(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", data[:4096], re.I)
    if m:
        candidates.append(m.group(1).decode("ascii"))
    candidates.append("utf-8")
    for enc in candidates:
        try:
            return data.decode(enc)
        except (LookupError, UnicodeDecodeError):
            continue
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is not None:
            return str(best)
    except Exception:
        pass
    return data.decode("cp1252", "replace")


# --- naming and metadata --------------------------------------------------------------


def seed_name_for_url(url: str) -> str:
    """<host>-<first 10 hex of sha1(url)>.html: stable, and distinct for distinct pages."""
    url = normalise_url(url)
    host = urlsplit(url).hostname or "page"
    host = host[4:] if host.startswith("www.") else host
    return f"{urls.slug(host)}-{hashlib.sha1(url.encode('utf-8')).hexdigest()[:10]}.html"


def seed_name_for_file(path: Path) -> str:
    return f"{urls.slug(path.stem)}{path.suffix.lower()}"


def outlet_for(site_name: str | None, url: str | None, config: Config) -> tuple[str | None, str | None]:
    """(outlet, how it was found): outlets.yaml by homepage host, then the
    page's own site name, then the host itself."""
    host = _host(url) if url else None
    if host:
        for o in config.outlets:
            if o.homepage and _host(o.homepage) == host:
                return o.name, "outlets.yaml (homepage)"
    if site_name:
        known = config.outlet_named(site_name)
        return (known.name, "outlets.yaml") if known else (site_name, "the page")
    if host:
        return host, "the address"
    return None, None


def _host(url: str) -> str | None:
    host = urlsplit(url if "//" in url else "//" + url).hostname
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def page_metadata(html: str, seed: str) -> tuple[dict, list[str]]:
    """title / outlet / published / byline from the page, via the HTML loader."""
    from newsgen.load import read_html

    return _story_metadata(lambda: read_html(html, seed))


def file_metadata(path: Path) -> tuple[dict, list[str]]:
    """What the build will read from a text or Markdown seed by itself."""
    from newsgen.load import load_story

    return _story_metadata(lambda: load_story(path, path.as_posix()))


def _story_metadata(read: Callable) -> tuple[dict, list[str]]:
    notes: list[str] = []
    try:
        story, problems = read()
    except Exception as e:  # the loader must not stop an add: the page is kept anyway
        return {}, [f"could not read the page's metadata ({type(e).__name__}: {e})"]
    if story is None:
        return {}, [p.message for p in problems]
    notes += [p.message for p in problems]
    meta = {
        "title": story.title,
        "outlet": story.outlet,
        "published": story.published,
        "published_basis": story.published_basis,
        "byline": story.byline,
    }
    return meta, notes


def metadata_yaml(record: dict) -> str:
    head = (
        "# Written by `newsgen add` from the page's own metadata. Check each value\n"
        "# against the article: what is here overrides what the text says.\n"
    )
    return head + yaml.safe_dump(record, sort_keys=True, allow_unicode=True, default_flow_style=False)


# --- adding ---------------------------------------------------------------------------


def add(
    source: str,
    seeds_dir: Path = Path("seeds"),
    content_dir: Path = Path("content"),
    fetcher: Callable[[str], Page] = fetch,
) -> Added:
    """Add one URL or saved file. Raises AddError with a message for the user."""
    seeds_dir, content_dir = Path(seeds_dir), Path(content_dir)
    config, _ = load_config(content_dir)
    is_url = "://" in source or source.lower().startswith(("http:", "https:"))
    if is_url:
        url = normalise_url(source)
        name = seed_name_for_url(url)
        for m in config.seeds:  # added before under another name (by hand, or from a file)
            if m.url and _same_url(m.url, url) and m.seed != Path(name).stem:
                existing = _existing_seed(seeds_dir, m.seed)
                if existing is not None:
                    return Added(source, existing, Path(m.source), "unchanged", notes=(f"already added as {existing.as_posix()} ({m.source} has this url)",))
        seed_path = seeds_dir / name
        if seed_path.is_file():
            # Same URL → same name: the first download stays the seed of record.
            return _unchanged(source, seed_path, content_dir)
        page = fetcher(url)
        data, charset, page_url = page.data, page.charset, url
    else:
        path = Path(source)
        if not path.is_file():
            raise AddError(f"{source}: no such file (and not an http(s) address)")
        if path.suffix.lower() not in SEED_SUFFIXES:
            raise AddError(f"{source}: not a seed format ({', '.join(SEED_SUFFIXES)})")
        try:
            data = read_bytes(path, MAX_BYTES)
        except Unreadable as e:
            raise AddError(f"{source}: {e}") from None
        name, charset, page_url = seed_name_for_file(path), None, None
        seed_path = seeds_dir / name
        if seed_path.is_file():
            if seed_path.read_bytes() == data:
                return _unchanged(source, seed_path, content_dir)
            raise AddError(f"{source}: {seed_path.as_posix()} already exists with other content; rename the file to add it as well")

    copy = _copy_of(data, seeds_dir)
    if copy is not None:
        raise AddError(f"{source}: the same bytes as the seed {copy.as_posix()}; not added (check and build would skip it as a copy)")

    stem = Path(name).stem
    meta_file = content_dir / "seeds" / f"{stem}.yaml"
    _inside(seed_path, seeds_dir)
    _inside(meta_file, content_dir / "seeds")

    found: dict = {}
    html = Path(name).suffix in (".html", ".htm")
    if html:
        info, notes = page_metadata(decode_html(data, charset), name)
    else:
        info, notes = file_metadata(Path(source))
    outlet, outlet_from = outlet_for(info.get("outlet"), page_url, config)
    if page_url:
        found["url"] = page_url
    if info.get("title"):
        found["title"] = info["title"]
    if outlet:
        found["outlet"] = outlet
    if isinstance(info.get("published"), dt.date):
        found["published"] = info["published"]
    if info.get("byline"):
        found["byline"] = info["byline"]

    missing = []
    shown_meta = meta_file.as_posix()
    if "published" not in found:
        missing.append(f"no publication date: add it in {shown_meta}")
    if "outlet" not in found:
        missing.append(f"no outlet: add it in {shown_meta}")
    elif config.outlet_named(outlet) is None:
        missing.append(f"outlet '{outlet}' (from {outlet_from}) is not in {content_dir.as_posix()}/outlets.yaml: add it there, or correct it in {shown_meta}")
    if "title" not in found:
        missing.append(f"no title: add it in {shown_meta}")
    if info.get("published_basis") and "published" in found:
        notes.append(f"publication date taken from the {'page' if html else 'text'} ({info['published_basis']})")

    _write_new(seed_path, data)
    if meta_file.exists():
        notes.append(f"{shown_meta} already exists; left as it is")
    else:
        # A text or Markdown seed carries its own title and date, which the build
        # reads with their basis; copying them here would hide where they came from.
        record = {"seed": name, **found} if html else {"seed": name}
        _write_new(meta_file, metadata_yaml(record).encode("utf-8"))
    return Added(source, seed_path, meta_file, "added", found, tuple(missing), tuple(notes))


def _copy_of(data: bytes, seeds_dir: Path) -> Path | None:
    """The seed with exactly these bytes, if there is one."""
    if not seeds_dir.is_dir():
        return None
    digest = hashlib.sha256(data).digest()
    for p in sorted(seeds_dir.iterdir()):
        try:
            if p.is_file() and p.stat().st_size == len(data) and hashlib.sha256(p.read_bytes()).digest() == digest:
                return p
        except OSError:
            continue
    return None


def _same_url(a: str, b: str) -> bool:
    try:
        return normalise_url(a) == normalise_url(b)
    except AddError:
        return False


def _existing_seed(seeds_dir: Path, stem: str) -> Path | None:
    for suffix in SEED_SUFFIXES:
        p = seeds_dir / f"{stem}{suffix}"
        if p.is_file():
            return p
    return None


def _unchanged(source: str, seed_path: Path, content_dir: Path) -> Added:
    meta_file = content_dir / "seeds" / f"{seed_path.stem}.yaml"
    return Added(source, seed_path, meta_file, "unchanged", notes=(f"already added as {seed_path.as_posix()}; nothing changed",))


def _inside(path: Path, folder: Path) -> None:
    root = folder.resolve()
    if root not in path.resolve().parents:
        raise AddError(f"refusing to write {path.as_posix()}: outside {folder.as_posix()}/")


def _write_new(path: Path, data: bytes) -> None:
    """Write a new file whole (temporary name, then a link that fails if it exists)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        try:
            os.link(tmp, path)  # never replaces an existing file
        except FileExistsError:
            raise AddError(f"{path.as_posix()} appeared while adding; left as it is") from None
        except OSError:
            if path.exists():
                raise AddError(f"{path.as_posix()} already exists; left as it is") from None
            os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)


def describe(a: Added) -> list[str]:
    """What `newsgen add` prints for one source."""
    if a.status == "unchanged":
        return [f"{a.source}: {n}" for n in a.notes] or [f"{a.source}: already added"]
    lines = [f"added {a.seed.as_posix()}" + (f" from {a.found['url']}" if "url" in a.found else "")]
    for k in ("title", "outlet", "published", "byline"):
        if k in a.found:
            lines.append(f"  {k}: {a.found[k]}")
    lines += [f"  note: {n}" for n in a.notes]
    lines += [f"  missing: {m}" for m in a.missing]
    lines.append(f"  metadata: {a.meta_file.as_posix()}")
    return lines

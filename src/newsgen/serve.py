"""`newsgen serve`: build, serve on 127.0.0.1, rebuild on change, reload pages.

The site is served under its configured base path (e.g. /newsgen/), as GitHub
Pages will, so links that only work at the root show up here first.

Live reload without a dependency: the server, not the build, adds a small script
to every HTML page it sends. The script knows the version of the site it came
with and polls /__newsgen/version; after a rebuild that changed the output the
version moves on and the page reloads. Files on disk never contain the script.

Watching is mtime polling (stdlib only, works on every file system, and
editors that save by rename are seen as well).
"""
from __future__ import annotations

import errno
import os
import mimetypes
import posixpath
import threading
import time
import traceback
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable
from urllib.parse import unquote, urlsplit

from jinja2 import TemplateError

from newsgen.build import BuildFailed, BuildResult, build, default_templates, process_seed
from newsgen.cache import CachedProcess, cached, default_cache_dir, usable
from newsgen.config import load_config
from newsgen.outdir import OutDirRefused

VERSION_PATH = "/__newsgen/version"
RELOAD_MARKER = "newsgen-live-reload"
POLL_SECONDS = 0.5


def _say(message: str) -> None:
    print(message, flush=True)  # the terminal shows rebuilds as they happen, even through a pipe


class PortInUse(OSError):
    """The port cannot be bound: taken by another program, or (denied) kept for the administrator."""

    def __init__(self, port: int, denied: bool = False):
        if denied:
            super().__init__(f"port {port}: permission denied (ports below 1024 need administrator rights); "
                             f"use one above 1023, such as --port 8000")
        else:
            super().__init__(f"port {port} is in use; try --port {port + 1}")
        self.port = port


def reload_script(version: int) -> bytes:
    return (
        f'<script id="{RELOAD_MARKER}">(function(){{var v="{version}";'
        f'setInterval(function(){{fetch("{VERSION_PATH}",{{cache:"no-store"}})'
        f'.then(function(r){{return r.text()}})'
        f'.then(function(t){{if(t.trim()!==v)location.reload()}})'
        f'.catch(function(){{}})}},1000)}})();</script>'
    ).encode()


def inject(html: bytes, script: bytes) -> bytes:
    """Put the script before the last </body>, or at the end."""
    at = html.lower().rfind(b"</body>")
    return html + script if at < 0 else html[:at] + script + html[at:]


def snapshot(folders: list[Path], skip: list[Path]) -> dict[str, tuple[int, int]]:
    """(mtime, size) of every file under the folders; editor swap files ignored."""
    state: dict[str, tuple[int, int]] = {}
    skip_resolved = [s.resolve() for s in skip]
    for folder in folders:
        if not folder.is_dir():
            state[folder.as_posix()] = (-1, -1)  # appearing later is a change too
            continue
        for p in folder.rglob("*"):
            name = p.name
            if name.startswith((".", "#")) or name.endswith(("~", ".swp", ".tmp")):
                continue
            try:
                real = p.resolve()
                if any(s == real or s in real.parents for s in skip_resolved):
                    continue
                st = p.stat()
            except OSError:
                continue
            if p.is_file():
                state[p.as_posix()] = (st.st_mtime_ns, st.st_size)
    return state


class Server:
    """Serves `out` under the site's base path and keeps it fresh.

    Usable from tests: Server(..., port=0).start() picks a free port; `url` is
    the site's address, `version` moves on with every rebuild that changed the
    output, `stop()` ends both threads.
    """

    def __init__(
        self,
        seeds: Path = Path("seeds"),
        content: Path = Path("content"),
        out: Path = Path("site"),
        templates: Path | None = None,
        port: int = 8000,
        host: str = "127.0.0.1",
        use_cache: bool = True,
        interval: float = POLL_SECONDS,
        log: Callable[[str], None] | None = None,
        process: Callable = process_seed,
    ):
        self.seeds, self.content, self.out = Path(seeds), Path(content), Path(out)
        self.templates = Path(templates) if templates else default_templates()
        self.host, self.port, self.interval = host, port, interval
        self.log = log or _say
        self.process: CachedProcess | Callable = cached(process, usable(default_cache_dir())) if use_cache else process
        self.version = 0
        self.base_path = "/"
        self.last_result: BuildResult | None = None
        self.last_error: str | None = None
        self.builds = 0  # finished build attempts, successful or not
        self._building = threading.Lock()
        self._stop = threading.Event()
        self._httpd: ThreadingHTTPServer | None = None
        self._threads: list[threading.Thread] = []

    # --- lifecycle ----------------------------------------------------------------

    def start(self) -> "Server":
        """Bind (failing fast with PortInUse), build once, then serve and watch."""
        try:
            self._httpd = ThreadingHTTPServer((self.host, self.port), _handler(self))
        except OSError as e:
            if e.errno in (errno.EADDRINUSE, errno.EACCES):
                raise PortInUse(self.port, denied=e.errno == errno.EACCES) from e
            raise
        self._httpd.daemon_threads = True
        self.port = self._httpd.server_address[1]
        state = self._snapshot()
        self.rebuild()
        self._threads = [
            threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.2}, name="newsgen-http", daemon=True),
            threading.Thread(target=self._watch, args=(state,), name="newsgen-watch", daemon=True),
        ]
        for t in self._threads:
            t.start()
        return self

    def stop(self) -> None:
        """Stop serving and watching; safe to call twice or after a failed start."""
        self._stop.set()
        httpd, self._httpd = self._httpd, None
        if httpd is not None:
            if any(t.name == "newsgen-http" and t.is_alive() for t in self._threads):
                httpd.shutdown()  # waits for serve_forever, so only when it runs
            httpd.server_close()
        for t in self._threads:
            t.join(timeout=10)

    def __enter__(self) -> "Server":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def wait(self) -> None:
        """Block until stop() (or Ctrl-C in the caller)."""
        while not self._stop.wait(0.5):
            pass

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}{self.base_path}"

    # --- building -----------------------------------------------------------------

    def rebuild(self) -> bool:
        """One build; a failure is reported and the previous site stays served."""
        with self._building:
            if isinstance(self.process, CachedProcess):
                self.process.reset()
            started = time.perf_counter()
            try:
                result = build(self.seeds, self.content, self.out, self.templates, process=self.process)
            except BuildFailed as e:
                for p in e.problems:
                    self.log(str(p))
                return self._failed(str(e))
            except OutDirRefused as e:
                return self._failed(str(e))
            except TemplateError as e:
                where = f" {e.filename}:{e.lineno}" if getattr(e, "filename", None) else ""
                return self._failed(f"template error{where}: {e.message or e}")
            except Exception as e:  # a bug anywhere in the pipeline: keep serving what is there
                if os.environ.get("NEWSGEN_DEBUG"):
                    self.log(traceback.format_exc().rstrip())
                return self._failed(f"internal error ({type(e).__name__}: {e}); set NEWSGEN_DEBUG=1 for the traceback")
            self.last_error = None
            self.last_result = result
            self.base_path = result.config.site.base_path or "/"
            for p in result.problems:
                self.log(str(p))
            r = result.report
            changed = r is None or r.written or r.removed
            if changed:
                self.version += 1
            if isinstance(self.process, CachedProcess):
                self.process.prune()
                seeds = f"; {self.process.summary()}"
            else:
                seeds = ""
            self.log(
                f"built in {time.perf_counter() - started:.2f}s: {r.written} written, {r.unchanged} unchanged, {r.removed} removed{seeds}"
                if r
                else "built"
            )
            self.builds += 1
            return True

    def _failed(self, reason: str) -> bool:
        self.last_error = reason
        self.builds += 1
        self.log(f"rebuild failed: {reason}; still serving the previous site")
        if self.last_result is None:  # no good build yet: read the base path directly
            try:
                self.base_path = load_config(self.content)[0].site.base_path or "/"
            except Exception:
                pass
        return False

    def _snapshot(self) -> dict:
        return snapshot([self.seeds, self.content, self.templates], [self.out, default_cache_dir()])

    def _watch(self, state: dict) -> None:
        while not self._stop.wait(self.interval):
            try:
                now = self._snapshot()
            except OSError:  # a folder removed while being listed: look again next time
                continue
            if now != state:
                # Taken before the build: an edit made during the build triggers another.
                state = now
                self.log("change seen; rebuilding")
                self.rebuild()

    # --- serving ------------------------------------------------------------------

    def resolve(self, url_path: str) -> Path | None:
        """The file for a request path under the base path, or None."""
        base = self.base_path
        path = unquote(urlsplit(url_path).path)
        if not path.startswith(base) or "\x00" in path:  # no file name holds a NUL
            return None
        rel = posixpath.normpath("/" + path[len(base) :]).lstrip("/")
        if rel in ("", "."):
            rel = "index.html"
        try:
            root = self.out.resolve()
            target = (root / rel).resolve()
            if target != root and root not in target.parents:
                return None
            if target.is_dir():
                target = target / "index.html"
            return target if target.is_file() else None
        except (OSError, ValueError):  # a name too long for the file system is simply not there
            return None


def _handler(server: Server) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "newsgen"

        def log_message(self, format: str, *args) -> None:  # quiet: the build output matters
            pass

        def do_HEAD(self) -> None:
            self._respond(head=True)

        def do_GET(self) -> None:
            self._respond(head=False)

        def _respond(self, head: bool) -> None:
            path = urlsplit(self.path).path
            if path == VERSION_PATH:
                return self._send(HTTPStatus.OK, str(server.version).encode(), "text/plain; charset=utf-8", head)
            base = server.base_path
            if base != "/" and path in ("/", base.rstrip("/")):
                self.send_response(HTTPStatus.FOUND)
                self.send_header("Location", base)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            version = server.version  # before reading: at worst one needless reload
            data = self._read(path)
            if data is None:
                # The site folder is swapped in by rename during a build; wait for it once.
                if server._building.acquire(timeout=30):
                    server._building.release()
                data = self._read(path)
            status = HTTPStatus.OK
            if data is None:
                # Like GitHub Pages: the site's own 404.html, for addresses under the base path.
                status = HTTPStatus.NOT_FOUND
                data = self._read(base + "404.html") if path.startswith(base) else None
            if data is None:
                body = f"not found: {path} (the site is served under {base})".encode()
                return self._send(status, body, "text/plain; charset=utf-8", head)
            file, content = data
            ctype = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
            if ctype == "text/html":
                content = inject(content, reload_script(version))
                ctype = "text/html; charset=utf-8"
            elif ctype.startswith("text/") or ctype in ("application/javascript", "application/json"):
                ctype += "; charset=utf-8"
            self._send(status, content, ctype, head)

        def _read(self, path: str) -> tuple[Path, bytes] | None:
            file = server.resolve(path)
            if file is None:
                return None
            try:
                return file, file.read_bytes()
            except OSError:
                return None

        def _send(self, status: HTTPStatus, body: bytes, ctype: str, head: bool) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            if not head:
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

    return Handler

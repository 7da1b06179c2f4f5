"""Fixtures of the browser suite: one built site, one local server, one Chromium.

The site is built once per session from the repository's seeds/ and content/,
served from 127.0.0.1 under a GitHub Pages-like project path (/repo/), and
opened in Debian's Chromium through Playwright. Every page a test opens is
watched: a request to another host is blocked and fails the test, and so do
console errors, uncaught page errors and failed subresources.

What setup.sh installs (Chromium, node_modules) is required: missing, the tests
fail with the reason under CI=true and are skipped with it elsewhere.
"""
from __future__ import annotations

import functools
import http.server
import io
import json
import os
import re
import shutil
import socketserver
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from dom_contract import DESKTOP

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
NODE_MODULES = HERE / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Debian's chromium by default; NEWSGEN_CHROMIUM names another build (e.g. the
# Google Chrome preinstalled on GitHub's Ubuntu runners, where apt's chromium is a snap shim).
CHROMIUM = Path(os.environ.get("NEWSGEN_CHROMIUM") or "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = ROOT / "tests" / "artifacts"
PROJECT_PATH = "/repo/"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}
LOCAL_SCHEMES = {"file", "data", "blob", "about", "chrome-error"}


def require(ok: bool, reason: str) -> None:
    """A missing prerequisite fails in CI (it must never pass silently) and skips locally."""
    if ok:
        return
    message = f"{reason} (run: bash tests/browser/setup.sh)"
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


# ---------------------------------------------------------------- the site


def published_content(src: Path, dst: Path) -> Path:
    """A copy of content/ set up as a publisher would for a project site at /repo/.

    Only base_path changes (it is what 404.html's links are built from, since a
    server returns that page at any depth); every other input is the repository's.
    """
    shutil.copytree(src, dst)
    site_yaml = dst / "site.yaml"
    text = site_yaml.read_text(encoding="utf-8")
    line = re.compile(r"^(\s+)base_path:.*$", re.MULTILINE)
    if line.search(text):
        text = line.sub(lambda m: f"{m.group(1)}base_path: {PROJECT_PATH}", text, count=1)
    else:
        text = re.sub(r"^site:[ \t]*$", f"site:\n  base_path: {PROJECT_PATH}", text, count=1, flags=re.MULTILINE)
    assert f"base_path: {PROJECT_PATH}" in text, "could not set site.base_path in the copy of content/site.yaml"
    site_yaml.write_text(text, encoding="utf-8")
    return dst


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    """The repository's site, built once into a temporary folder.

    NEWSGEN_SITE=DIR tests a site already built instead (quicker while
    iterating on templates; build it with base_path: /repo/; CI always builds).
    """
    prebuilt = os.environ.get("NEWSGEN_SITE")
    if prebuilt:
        out = Path(prebuilt).resolve()
        assert (out / "index.html").is_file(), f"NEWSGEN_SITE={prebuilt} has no index.html"
        return out
    from newsgen.build import build

    work = tmp_path_factory.mktemp("browser")
    content = published_content(ROOT / "content", work / "content")
    out = work / "site"
    result = build(ROOT / "seeds", content, out, ROOT / "templates")
    errors = [str(p) for p in result.problems if p.severity == "error"]
    assert (out / "index.html").is_file(), "build wrote no index.html:\n" + "\n".join(errors)
    return out


@pytest.fixture(scope="session")
def base_path() -> str:
    """The project path the site is built for and served under."""
    return PROJECT_PATH


@pytest.fixture(scope="session")
def claims(site_dir) -> list[dict]:
    return json.loads((site_dir / "data" / "claims.json").read_text(encoding="utf-8"))["claims"]


@pytest.fixture(scope="session")
def stories(site_dir) -> list[dict]:
    return json.loads((site_dir / "data" / "stories.json").read_text(encoding="utf-8"))["stories"]


@pytest.fixture(scope="session")
def top_speaker(claims) -> dict:
    """The speaker with most claims (ties by id), so no test hard-codes a name."""
    counts: dict[str, int] = {}
    by_id: dict[str, dict] = {}
    for c in claims:
        sp = c.get("speaker")
        if sp and sp.get("id"):
            counts[sp["id"]] = counts.get(sp["id"], 0) + 1
            by_id[sp["id"]] = sp
    assert counts, "no claim in data/claims.json has a speaker"
    best = min(counts, key=lambda i: (-counts[i], i))
    return {**by_id[best], "claims": counts[best]}


# ---------------------------------------------------------------- the server


@dataclass
class Served:
    base: str  # http://127.0.0.1:PORT/repo/
    outside: list[str] = field(default_factory=list)  # paths asked for outside /repo/

    def url(self, page: str = "") -> str:
        return self.base + page


class _ProjectHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site under /repo/ like GitHub Pages serves a project site."""

    site: Path
    served: Served

    def translate_path(self, path):
        p = unquote(urlsplit(path).path)
        return super().translate_path("/" + p[len(PROJECT_PATH):])

    def send_head(self):
        p = unquote(urlsplit(self.path).path)
        if p == PROJECT_PATH.rstrip("/"):
            self.send_response(301)
            self.send_header("Location", PROJECT_PATH)
            self.end_headers()
            return None
        if not p.startswith(PROJECT_PATH):
            # A root-absolute address: works on a user site, breaks on a project site.
            self.served.outside.append(p)
            return self._not_found()
        path = Path(self.translate_path(self.path))
        if path.is_dir() and not (path / "index.html").is_file():
            return self._not_found()
        if not path.exists():
            return self._not_found()
        return super().send_head()

    def _not_found(self):
        page = self.site / "404.html"
        body = page.read_bytes() if page.is_file() else b"not found"
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format, *args):  # quiet: pytest shows failures, not access logs
        pass


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


@pytest.fixture(scope="session")
def server(site_dir):
    served = Served(base="")
    handler = type("Handler", (_ProjectHandler,), {"site": site_dir, "served": served})
    handler = functools.partial(handler, directory=str(site_dir))
    httpd = _Server(("127.0.0.1", 0), handler)
    served.base = f"http://127.0.0.1:{httpd.server_address[1]}{PROJECT_PATH}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield served
    httpd.shutdown()
    httpd.server_close()


# ---------------------------------------------------------------- the browser


@pytest.fixture(scope="session")
def chromium():
    require(CHROMIUM.exists(), f"Chromium is missing at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - the test extra brings it
        require(False, "the playwright Python package is missing (pip install -e '.[test]')")
    pw = sync_playwright().start()
    browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
    yield browser
    browser.close()
    pw.stop()


@pytest.fixture(scope="session")
def axe_js() -> Path:
    require(AXE_JS.is_file(), f"axe-core is missing at {AXE_JS.relative_to(ROOT)}")
    return AXE_JS


@pytest.fixture(scope="session")
def vnu_jar() -> Path:
    require(VNU_JAR.is_file(), f"the Nu HTML checker is missing at {VNU_JAR.relative_to(ROOT)}")
    require(shutil.which("java") is not None, "java is missing (the Nu HTML checker needs it)")
    return VNU_JAR


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in LOCAL_SCHEMES:
        return True
    return parts.scheme in ("http", "https", "ws", "wss") and (parts.hostname or "") in LOCAL_HOSTS


@dataclass
class Watch:
    """What one page did that it must not: leave the machine, log errors, miss files."""

    external: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    expected_status: dict[str, int] = field(default_factory=dict)

    def problems(self) -> list[str]:
        out = [f"request left the machine: {u}" for u in self.external]
        out += [f"console error: {m}" for m in self.console_errors]
        out += [f"page error: {m}" for m in self.page_errors]
        out += [f"failed request: {m}" for m in self.failed]
        return out

    reported: int = 0  # problems already raised by assert_clean, not repeated at teardown

    def assert_clean(self) -> None:
        problems = self.problems()
        self.reported = len(problems)
        assert not problems, "the page misbehaved:\n  " + "\n  ".join(problems)

    def attach(self, context, page) -> None:
        def route(r):
            if is_local(r.request.url):
                r.continue_()
            else:
                self._external(r.request.url)
                r.abort("blockedbyclient")

        context.route("**/*", route)
        page.on("request", lambda req: None if is_local(req.url) else self._external(req.url))
        page.on("console", self._console)
        page.on("pageerror", lambda err: self.page_errors.append(str(err)))
        page.on("requestfailed", self._request_failed)
        page.on("response", self._response)

    def _console(self, msg) -> None:
        if msg.type != "error":
            return
        url = msg.location.get("url", "")
        if url in self.expected_status and msg.text.startswith("Failed to load resource"):
            return  # the status the test asked for (a 404 page), checked in _response
        self.console_errors.append(f"{msg.text} ({url})")

    def _request_failed(self, req) -> None:
        # ERR_ABORTED is a fetch cancelled by a navigation (e.g. the favicon on a
        # reload), not a missing file: those arrive as responses with status >= 400.
        if is_local(req.url) and "ERR_ABORTED" not in (req.failure or ""):
            self.failed.append(f"{req.url}: {req.failure}")

    def _external(self, url: str) -> None:
        if url not in self.external:
            self.external.append(url)

    def _response(self, resp) -> None:
        want = self.expected_status.get(resp.url)
        if want is not None:
            if resp.status != want:
                self.failed.append(f"{resp.url}: status {resp.status}, expected {want}")
        elif resp.status >= 400:
            self.failed.append(f"{resp.url}: status {resp.status}")


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    # Remember each phase's outcome so fixtures can tell whether the test already failed.
    rep = yield
    setattr(item, f"rep_{rep.when}", rep)
    return rep


@pytest.fixture
def open_page(chromium, request):
    """open_page(url=None, js=True, viewport=DESKTOP, color_scheme="light") → (page, watch).

    Each call makes a fresh context (no shared storage or hash state); after the
    test every page opened must be clean (see Watch).
    """
    opened: list[tuple[object, Watch]] = []

    def _open(url: str | None = None, *, js: bool = True, viewport=None, color_scheme: str = "light", expect_status: int | None = None):
        context = chromium.new_context(
            viewport=viewport or DESKTOP,
            java_script_enabled=js,
            color_scheme=color_scheme,
            reduced_motion="reduce",
            service_workers="block",
        )
        context.set_default_timeout(10_000)
        page = context.new_page()
        watch = Watch()
        watch.attach(context, page)
        opened.append((context, watch))
        if url is not None:
            if expect_status is not None:
                watch.expected_status[url] = expect_status
            resp = page.goto(url, wait_until="load")
            if url.startswith("http"):
                want = expect_status or 200
                assert resp is not None and resp.status == want, f"{url}: status {resp and resp.status}, expected {want}"
        return page, watch

    yield _open
    problems = []
    for context, watch in opened:
        problems += watch.problems()[watch.reported:]
        context.close()
    if not problems:
        return
    call = getattr(request.node, "rep_call", None)
    if call is not None and call.failed:
        print("the pages also misbehaved:\n  " + "\n  ".join(problems))  # shown with the failure
        return
    pytest.fail("pages misbehaved:\n  " + "\n  ".join(problems), pytrace=False)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS

"""`newsgen serve`: serves the built site under its base path and rebuilds when inputs change."""
import re
import shutil
import socket
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from newsgen.cli import main
from newsgen.serve import RELOAD_MARKER, VERSION_PATH, PortInUse, Server, inject, snapshot

REPO = Path(__file__).resolve().parents[1]
WAIT = 30.0  # seconds: an upper bound only, never a timing assertion


def get(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read()


def until(condition, what: str, limit: float = WAIT):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    pytest.fail(f"gave up waiting for {what} after {limit:.0f} s")


@pytest.fixture
def project(tmp_path, monkeypatch):
    for var in ("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)
    shutil.copytree(REPO / "seeds", tmp_path / "seeds")
    shutil.copytree(REPO / "content", tmp_path / "content")
    shutil.copytree(REPO / "templates", tmp_path / "templates")
    site_yaml = tmp_path / "content" / "site.yaml"
    # Served under a project path, as on GitHub Pages.
    text, n = re.subn(r"^(\s+)base_path:.*$", r"\1base_path: /newsgen/", site_yaml.read_text("utf-8"), count=1, flags=re.M)
    if not n:
        text = text.replace("site:\n", "site:\n  base_path: /newsgen/\n", 1)
    site_yaml.write_text(text, "utf-8")
    return tmp_path


@pytest.fixture
def server(project):
    logs: list[str] = []
    s = Server(project / "seeds", project / "content", project / "site", project / "templates",
               port=0, interval=0.1, log=logs.append)
    s.logs = logs
    s.start()
    yield s
    s.stop()


def test_serves_under_base_path_with_live_reload_only_in_responses(server, project):
    assert server.url == f"http://127.0.0.1:{server.port}/newsgen/"
    status, ctype, body = get(server.url)
    assert status == 200 and ctype.startswith("text/html")
    assert RELOAD_MARKER.encode() in body and VERSION_PATH.encode() in body
    on_disk = (project / "site" / "index.html").read_bytes()
    assert body.replace(body[body.index(b"<script id=\"" + RELOAD_MARKER.encode()):body.index(b"</script>", body.index(RELOAD_MARKER.encode())) + 9], b"") == on_disk
    for f in (project / "site").rglob("*"):
        if f.is_file():
            assert RELOAD_MARKER.encode() not in f.read_bytes(), f
    # Outside the base path: the root redirects, other paths are not found.
    assert get(f"http://127.0.0.1:{server.port}/")[2] == body  # followed the redirect
    assert get(f"http://127.0.0.1:{server.port}/index.html")[0] == 404
    status, ctype, body404 = get(server.url + "stories/no-such-page.html")
    assert status == 404
    if (project / "site" / "404.html").is_file():  # the site's own page, as on GitHub Pages
        assert RELOAD_MARKER.encode() in body404 and ctype.startswith("text/html")
    assert get(server.url + "../../etc/passwd")[0] == 404
    # Non-HTML files come back byte for byte.
    status, ctype, data = get(server.url + "data/stories.json")
    assert status == 200 and "json" in ctype
    assert data == (project / "site" / "data" / "stories.json").read_bytes()


def test_rebuilds_after_a_seed_changes_and_reports_a_new_version(server, project):
    import json

    version = int(get(f"http://127.0.0.1:{server.port}{VERSION_PATH}")[2])
    stories = json.loads(get(server.url + "data/stories.json")[2])["stories"]
    seed = project / "seeds" / stories[0]["seed"]
    page_url = server.url + stories[0]["path"]
    before = get(page_url)[2]
    paragraph = stories[0]["paragraphs"][0]
    marker = "Residents of the test harbour said they had heard nothing about it."
    text = seed.read_text("utf-8")
    assert paragraph[:60] in text
    seed.write_text(text.replace(paragraph[:60], marker + "\n\n" + paragraph[:60], 1), "utf-8")

    until(lambda: int(get(f"http://127.0.0.1:{server.port}{VERSION_PATH}")[2]) > version, "a new version")
    after = until(lambda: (b := get(page_url)[2]) != before and b, "the served page to change")
    assert marker.encode() in after
    assert f'var v="{server.version}"'.encode() in after
    assert any("rebuilding" in line for line in server.logs)


def test_failed_rebuild_keeps_serving_the_previous_site(server, project):
    good = get(server.url)[2]
    builds = server.builds
    # A template that cannot compile breaks the next build.
    broken = project / "templates" / "base.html.j2"
    original = broken.read_text("utf-8")
    broken.write_text(original + "\n{% if %}\n", "utf-8")
    until(lambda: server.builds > builds, "the rebuild attempt")
    assert server.last_error is not None
    assert any("rebuild failed" in line for line in server.logs)
    status, _, body = get(server.url)
    assert status == 200 and body == good
    # Fixing it recovers.
    builds = server.builds
    broken.write_text(original, "utf-8")
    until(lambda: server.builds > builds and server.last_error is None, "a good rebuild")


def test_nothing_changed_means_no_reload(server, project):
    version = server.version
    builds = server.builds
    meta = next((project / "content" / "seeds").glob("*.yaml"))
    meta.write_text(meta.read_text("utf-8") + "\n# a comment changes no output\n", "utf-8")
    until(lambda: server.builds > builds, "the rebuild")
    assert server.version == version
    n = len(list((project / "seeds").iterdir()))
    assert server.process.summary() == f"{n} seeds: {n} cached, 0 processed"


def test_port_in_use_is_a_clear_message(tmp_path, capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        with pytest.raises(PortInUse, match=f"port {port} is in use; try --port {port + 1}"):
            Server(tmp_path / "seeds", tmp_path / "content", tmp_path / "site", port=port, log=lambda m: None).start()
        assert main(["serve", "--port", str(port), "--seeds", str(tmp_path / "seeds"),
                     "--content", str(tmp_path / "content"), "--out", str(tmp_path / "site")]) == 1
        assert f"port {port} is in use; try --port {port + 1}" in capsys.readouterr().err
    assert not (tmp_path / "site").exists()  # refused before building anything


def test_a_privileged_port_says_permission_denied_not_in_use(tmp_path, monkeypatch):
    import errno

    import newsgen.serve as serve

    def refuse(*args, **kwargs):  # what bind() raises for port 81 without administrator rights
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(serve, "ThreadingHTTPServer", refuse)
    with pytest.raises(PortInUse) as e:
        Server(tmp_path / "seeds", tmp_path / "content", tmp_path / "site", port=81, log=lambda m: None).start()
    assert "permission denied" in str(e.value) and "in use" not in str(e.value)


def test_stop_is_clean_and_frees_the_port(project):
    s = Server(project / "seeds", project / "content", project / "site", project / "templates",
               port=0, interval=0.1, log=lambda m: None)
    s.start()
    port = s.port
    s.stop()
    assert not any(t.is_alive() for t in s._threads)
    with socket.socket() as again:
        again.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        again.bind(("127.0.0.1", port))  # free again


# --- pieces that need no build ----------------------------------------------------------


def test_inject_goes_before_the_last_body_end():
    html = b"<html><body><p>a</p><pre>&lt;/body&gt;</pre></BODY></html>"
    out = inject(html, b"<script>x</script>")
    assert out == b"<html><body><p>a</p><pre>&lt;/body&gt;</pre><script>x</script></BODY></html>"
    assert inject(b"<p>fragment</p>", b"<s>") == b"<p>fragment</p><s>"


def test_snapshot_sees_edits_new_files_and_deletions_but_not_editor_files(tmp_path):
    seeds, out = tmp_path / "seeds", tmp_path / "seeds" / "site"
    seeds.mkdir()
    (seeds / "a.txt").write_text("one")
    first = snapshot([seeds, tmp_path / "templates"], [out])
    (seeds / ".a.txt.swp").write_text("x")
    (seeds / "a.txt~").write_text("x")
    out.mkdir()
    (out / "index.html").write_text("built")
    assert snapshot([seeds, tmp_path / "templates"], [out]) == first
    (seeds / "a.txt").write_text("one, longer")
    second = snapshot([seeds, tmp_path / "templates"], [out])
    assert second != first
    (seeds / "b.txt").write_text("two")
    third = snapshot([seeds, tmp_path / "templates"], [out])
    assert set(third) - set(second) == {(seeds / "b.txt").as_posix()}
    (seeds / "b.txt").unlink()
    assert snapshot([seeds, tmp_path / "templates"], [out]) == second
    (tmp_path / "templates").mkdir()
    assert snapshot([seeds, tmp_path / "templates"], [out]) != second


def test_stop_without_start_or_twice_returns(tmp_path):
    s = Server(tmp_path / "seeds", tmp_path / "content", tmp_path / "site", port=0, log=lambda m: None)
    s.stop()
    s.stop()


def raw_get(port: int, path: bytes) -> bytes:
    """A request with a path urllib would refuse to send (a NUL byte)."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(b"GET " + path + b" HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    return data


def test_nul_byte_in_the_path_is_a_404_not_a_dropped_connection(server):
    for path in (b"/newsgen/index.html%00.txt", b"/newsgen/%00", b"/newsgen/" + b"a" * 5000 + b".html"):
        answer = raw_get(server.port, path)
        assert answer.startswith(b"HTTP/1.0 404") or answer.startswith(b"HTTP/1.1 404"), answer[:80]
    assert get(server.url)[0] == 200  # and the server is still there


def test_broken_content_keeps_serving_the_last_good_site(server, project):
    good = get(server.url)[2]
    on_disk = (project / "site" / "index.html").read_bytes()
    builds = server.builds
    site_yaml = project / "content" / "site.yaml"
    site_yaml.write_text(site_yaml.read_text("utf-8") + "  title: [unclosed\n", "utf-8")
    until(lambda: server.builds > builds, "the rebuild attempt")
    assert server.last_error is not None and "content" in server.last_error
    assert any(re.search(r"site\.yaml:\d+: error: YAML syntax error", line) for line in server.logs)
    assert get(server.url)[2] == good  # not a site built with default settings
    assert (project / "site" / "index.html").read_bytes() == on_disk


def test_serve_refuses_a_dangerous_out_and_a_bad_port(project, capsys, monkeypatch):
    monkeypatch.chdir(project)
    assert main(["serve", "--port", "0", "--out", "content"]) == 1
    assert "content folder" in capsys.readouterr().err
    with pytest.raises(SystemExit) as e:
        main(["serve", "--port", "70000"])
    assert e.value.code == 2 and "not a port number" in capsys.readouterr().err
    assert sorted(p.name for p in (project / "content").iterdir()) == sorted(p.name for p in (REPO / "content").iterdir())

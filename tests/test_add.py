"""`newsgen add`: fetch pages from a local server (never the internet) into seeds/ and content/seeds/."""
import datetime as dt
import hashlib
import threading
import gzip
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml

from newsgen.add import AddError, add, describe, fetch, normalise_url, seed_name_for_url
from newsgen.cli import main
from newsgen.config import load_config

ARTICLE = """<!doctype html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Island ferry cuts evening crossings | The Coastal Herald</title>
<meta property="og:site_name" content="The Coastal Herald">
<meta property="og:title" content="Island ferry cuts evening crossings">
<meta property="article:published_time" content="2024-11-04T08:30:00+01:00">
<meta name="author" content="Sigrid Holm">
</head><body>
<nav><a href="/">Home</a> <a href="/local">Local</a></nav>
<article>
<h1>Island ferry cuts evening crossings</h1>
<p>The regional ferry operator will cut two evening departures between the mainland and the outer islands from December, the company said on Monday, citing a shortage of trained deck crew.</p>
<p>Islanders who commute to the mainland said the change would leave them with a last crossing before six in the evening, and the island council said it would ask the transport ministry to step in.</p>
<p>The operator said it expected to restore the full timetable once fourteen new crew members finish their training, which it said would take several months.</p>
</article>
<footer>Most read: Storm closes harbour road</footer>
</body></html>
"""

UNDATED = """<html><head><meta charset="utf-8"><title>Library opens on Sundays</title></head><body>
<article><h1>Library opens on Sundays</h1>
<p>The central library will open on Sundays from next month after the city agreed to fund four extra staff, the library's director said in a statement to residents.</p>
<p>The trial will run for a year and will be reviewed by the culture committee, which will look at visitor numbers and the cost of heating the building at weekends.</p>
</article></body></html>
"""

LATIN1 = ("<html><head><meta charset=\"iso-8859-1\"><title>Café owners protest parking fees</title>"
          "<meta property=\"og:site_name\" content=\"Le Petit Écho\"></head><body><article>"
          "<p>Owners of cafés on the old market square protested on Friday against new parking fees, which they said would keep customers away from the centre.</p>"
          "<p>The mayor's office said the fees would pay for a new bus line and would be reviewed after six months of operation.</p>"
          "</article></body></html>").encode("iso-8859-1")


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send(self, code, body, ctype, length=True):
        self.send_response(code)
        if ctype:
            self.send_header("Content-Type", ctype)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        path = self.path.split("?")[0]
        if path in ("/news/ferry.html", "/news/ferry"):
            self.send(200, ARTICLE.encode(), "text/html; charset=utf-8")
        elif path == "/news/library":
            self.send(200, UNDATED.encode(), "text/html")
        elif path == "/news/cafe":
            self.send(200, LATIN1, "text/html; charset=iso-8859-1")
        elif path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/news/ferry.html")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/to-ftp":
            self.send_response(302)
            self.send_header("Location", "ftp://127.0.0.1/news/ferry.html")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/report.pdf":
            self.send(200, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "application/pdf")
        elif path == "/plain":
            self.send(200, b"just some text", "text/plain")
        elif path == "/huge":
            # No Content-Length: the size cap must stop the download itself.
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(10_000):
                    self.wfile.write(b"<p>" + b"x" * 4096 + b"</p>")
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif path == "/huge-declared":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(50 * 1024 * 1024))
            self.end_headers()
        elif path == "/trickle":
            # Headers at once, then a byte at a time: no single wait is long.
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(600):
                    if self.server.release.wait(0.05):
                        break
                    self.wfile.write(b"x")
                    self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif path in ("/news/gzipped", "/news/bad-gzip"):
            body = gzip.compress(ARTICLE.encode()) if path == "/news/gzipped" else b"not gzip at all"
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif path == "/slow":
            self.server.release.wait(5)  # never answers before the client gives up
            try:
                self.send(200, ARTICLE.encode(), "text/html")
            except (BrokenPipeError, ConnectionResetError):
                pass
        else:
            self.send(404, b"not here", "text/plain")


@pytest.fixture(scope="module")
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.release = threading.Event()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.release.set()
    server.shutdown()
    server.server_close()
    thread.join(5)


@pytest.fixture
def project(tmp_path, monkeypatch):
    for var in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)
    (tmp_path / "seeds").mkdir()
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "outlets.yaml").write_text(
        "outlets:\n  - name: Coastal Herald\n    aliases: [The Coastal Herald]\n    homepage: https://coastalherald.example/\n", "utf-8")
    return tmp_path


def tree(root: Path) -> dict[str, int]:
    return {p.relative_to(root).as_posix(): p.stat().st_mtime_ns for p in root.rglob("*") if p.is_file()}


def meta_of(project: Path, seed: Path) -> dict:
    return yaml.safe_load((project / "content" / "seeds" / f"{seed.stem}.yaml").read_text("utf-8"))


def test_add_url_stores_the_page_and_its_metadata(site, project):
    url = f"{site}/news/ferry.html"
    a = add(url, project / "seeds", project / "content")
    assert a.status == "added"
    assert a.seed.parent == project / "seeds"
    assert a.seed.name == f"127-0-0-1-{hashlib.sha1(url.encode()).hexdigest()[:10]}.html"
    assert a.seed.read_bytes() == ARTICLE.encode()  # stored exactly as received
    meta = meta_of(project, a.seed)
    assert meta["url"] == url
    assert meta["title"] == "Island ferry cuts evening crossings"
    assert meta["outlet"] == "Coastal Herald"  # the name outlets.yaml uses for the page's site name
    assert meta["published"] == dt.date(2024, 11, 4)
    assert meta["seed"] == a.seed.name
    assert not any("publication date" in m for m in a.missing)
    # The build reads it back as content metadata without complaint.
    config, problems = load_config(project / "content")
    assert not [p for p in problems if "seeds/" in p.file], problems
    assert config.seed_meta(a.seed.stem).published == dt.date(2024, 11, 4)
    assert set(tree(project)) == {"content/outlets.yaml", f"seeds/{a.seed.name}", f"content/seeds/{a.seed.stem}.yaml"}


def test_adding_the_same_url_twice_changes_nothing(site, project, capsys):
    url = f"{site}/news/ferry.html"
    first = add(url, project / "seeds", project / "content")
    before = tree(project)
    again = add(url + "#comments", project / "seeds", project / "content")
    assert again.status == "unchanged" and again.seed == first.seed
    assert tree(project) == before
    assert main(["add", url, "--seeds", str(project / "seeds"), "--content", str(project / "content")]) == 0
    assert "already added" in capsys.readouterr().out
    assert tree(project) == before


def test_url_already_recorded_under_another_name(site, project):
    url = f"{site}/news/library"
    (project / "seeds" / "library.html").write_text(UNDATED, "utf-8")
    (project / "content" / "seeds").mkdir()
    (project / "content" / "seeds" / "library.yaml").write_text(f"url: {url}\n", "utf-8")
    before = tree(project)
    a = add(url, project / "seeds", project / "content")
    assert a.status == "unchanged" and a.seed.name == "library.html"
    assert tree(project) == before


def test_missing_date_is_reported_with_where_to_add_it(site, project, capsys):
    rc = main(["add", f"{site}/news/library", "--seeds", str(project / "seeds"), "--content", str(project / "content")])
    out = capsys.readouterr().out
    assert rc == 0
    seed = next((project / "seeds").iterdir())
    meta_file = (project / "content" / "seeds" / f"{seed.stem}.yaml")
    assert f"no publication date: add it in {meta_file.as_posix()}" in out
    meta = meta_of(project, seed)
    assert "published" not in meta and meta["title"] == "Library opens on Sundays"
    # No site name in the page and no outlet with this homepage: the host is recorded, and flagged.
    assert meta["outlet"] == "127.0.0.1"
    assert "not in" in out and "outlets.yaml" in out


def test_outlet_found_by_homepage(site, project):
    (project / "content" / "outlets.yaml").write_text(
        f"outlets:\n  - name: Local Test Paper\n    homepage: {site}/\n", "utf-8")
    a = add(f"{site}/news/library", project / "seeds", project / "content")
    assert meta_of(project, a.seed)["outlet"] == "Local Test Paper"
    assert not any(m.startswith(("no outlet", "outlet ")) for m in a.missing), a.missing


def test_legacy_encoding_is_read_for_metadata_and_stored_unchanged(site, project):
    a = add(f"{site}/news/cafe", project / "seeds", project / "content")
    assert a.seed.read_bytes() == LATIN1
    meta = meta_of(project, a.seed)
    assert meta["outlet"] == "Le Petit Écho" and "Café" in meta["title"]
    text = (project / "content" / "seeds" / f"{a.seed.stem}.yaml").read_bytes().decode("utf-8")
    assert "Écho" in text  # UTF-8, not escapes


def test_redirect_is_followed_but_the_name_is_the_address_given(site, project):
    a = add(f"{site}/moved", project / "seeds", project / "content")
    assert a.seed.name == seed_name_for_url(f"{site}/moved")
    assert a.seed.read_bytes() == ARTICLE.encode()


@pytest.mark.parametrize("path, words", [
    ("/gone", ("HTTP 404",)),
    ("/report.pdf", ("not a web page", "application/pdf")),
    ("/plain", ("not a web page", "text/plain")),
    ("/huge", ("larger than",)),
    ("/huge-declared", ("MB",)),
])
def test_fetch_failures_are_clear_and_write_nothing(site, project, path, words, capsys):
    before = tree(project)
    with pytest.raises(AddError) as e:
        add(f"{site}{path}", project / "seeds", project / "content", fetcher=lambda u: fetch(u, timeout=5, limit=1_000_000))
    assert all(w in str(e.value) for w in words), str(e.value)
    assert tree(project) == before


def test_slow_server_times_out(site):
    with pytest.raises(AddError, match="no answer within"):
        fetch(f"{site}/slow", timeout=0.5)


def test_connection_refused(project):
    import socket

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens there now
    with pytest.raises(AddError, match="cannot connect"):
        fetch(f"http://127.0.0.1:{port}/x", timeout=5)


@pytest.mark.parametrize("source", ["ftp://example.org/a.html", "file:///etc/passwd", "javascript:alert(1)", "http://"])
def test_non_http_addresses_are_refused(project, source, capsys):
    before = tree(project)
    rc = main(["add", source, "--seeds", str(project / "seeds"), "--content", str(project / "content")])
    err = capsys.readouterr().err
    assert rc == 1 and ("not an http(s) address" in err or "no such file" in err)
    assert tree(project) == before


def test_saved_html_file(project, tmp_path):
    saved = tmp_path / "downloads" / "Ferry Story (saved).HTML"
    saved.parent.mkdir()
    saved.write_text(ARTICLE, "utf-8")
    a = add(str(saved), project / "seeds", project / "content")
    assert a.seed == project / "seeds" / "ferry-story-saved.html"
    meta = meta_of(project, a.seed)
    assert "url" not in meta and meta["published"] == dt.date(2024, 11, 4)
    assert add(str(saved), project / "seeds", project / "content").status == "unchanged"
    saved.write_text(ARTICLE.replace("fourteen", "fifteen"), "utf-8")
    with pytest.raises(AddError, match="already exists"):
        add(str(saved), project / "seeds", project / "content")


def test_saved_text_file_keeps_its_own_dates(project, tmp_path):
    saved = tmp_path / "wire.txt"
    saved.write_text("Ferry crossings cut\n\nPublished: November 4, 2024\n\n"
                     "The regional ferry operator will cut two evening departures from December, the company said on Monday, citing a shortage of crew.\n\n"
                     "Islanders said the change would leave them with a last crossing before six in the evening.\n", "utf-8")
    a = add(str(saved), project / "seeds", project / "content")
    assert a.seed.read_bytes() == saved.read_bytes()
    # The build reads the text's own date (with its basis); the metadata does not repeat it.
    assert meta_of(project, a.seed) == {"seed": "wire.txt"}
    assert not any("publication date" in m for m in a.missing)


def test_nothing_outside_seeds_and_content_seeds(project, tmp_path, site):
    evil = tmp_path / "..evil.html"
    evil.write_text(UNDATED, "utf-8")
    before = set(p.as_posix() for p in tmp_path.parent.rglob("*"))
    add(str(evil), project / "seeds", project / "content")
    add(f"{site}/news/ferry?x=../../../etc", project / "seeds", project / "content")
    new = set(p.as_posix() for p in tmp_path.parent.rglob("*")) - before
    allowed = ((project / "seeds").as_posix() + "/", (project / "content" / "seeds").as_posix())
    assert new and all(p.startswith(allowed) for p in new), new


def test_existing_metadata_is_never_overwritten(site, project):
    url = f"{site}/news/ferry.html"
    name = seed_name_for_url(url)
    meta = project / "content" / "seeds" / f"{Path(name).stem}.yaml"
    meta.parent.mkdir(parents=True)
    meta.write_text("published: 2024-11-03\n# checked by hand\n", "utf-8")
    a = add(url, project / "seeds", project / "content")
    assert meta.read_text("utf-8") == "published: 2024-11-03\n# checked by hand\n"
    assert any("left as it is" in n for n in a.notes)


def test_url_names_are_stable_and_distinct():
    a = seed_name_for_url("https://www.Example.org/news/1")
    assert a == seed_name_for_url("https://www.example.org/news/1#top")
    assert a.startswith("example-org-") and a.endswith(".html")
    assert a != seed_name_for_url("https://www.example.org/news/2")
    assert a != seed_name_for_url("https://www.example.org/news/1?page=2")
    assert normalise_url("HTTPS://Example.org") == "https://example.org/"


def test_describe_lists_found_and_missing(site, project):
    lines = describe(add(f"{site}/news/library", project / "seeds", project / "content"))
    assert lines[0].startswith("added ") and any(l.strip().startswith("title: Library") for l in lines)
    assert any(l.strip().startswith("missing: no publication date") for l in lines)


def test_several_sources_at_once_exit_one_when_any_fails(site, project, capsys):
    rc = main(["add", f"{site}/news/ferry.html", f"{site}/gone", "--seeds", str(project / "seeds"), "--content", str(project / "content")])
    captured = capsys.readouterr()
    assert rc == 1
    assert "added " in captured.out and "HTTP 404" in captured.err
    assert len(list((project / "seeds").iterdir())) == 1


def test_trickling_server_is_cut_off_at_the_total_limit(site, project):
    """A server that keeps sending a byte at a time must not hold `add` past its limit."""
    started = time.monotonic()
    before = tree(project)
    with pytest.raises(AddError, match="longer than 1 s"):
        add(f"{site}/trickle", project / "seeds", project / "content", fetcher=lambda u: fetch(u, timeout=1))
    assert time.monotonic() - started < 10  # the trickle alone would last 30 s
    assert tree(project) == before


def test_gzip_answer_is_stored_decoded(site, project):
    a = add(f"{site}/news/gzipped", project / "seeds", project / "content")
    assert a.seed.read_bytes() == ARTICLE.encode()
    assert meta_of(project, a.seed)["title"]


def test_broken_gzip_answer_is_refused_by_name(site, project):
    before = tree(project)
    with pytest.raises(AddError, match="does not unpack"):
        add(f"{site}/news/bad-gzip", project / "seeds", project / "content")
    assert tree(project) == before


def test_exact_copy_of_a_seed_is_refused_with_its_name(site, project, tmp_path):
    first = add(f"{site}/news/ferry.html", project / "seeds", project / "content")
    copy = tmp_path / "copy of ferry.html"
    copy.write_bytes(first.seed.read_bytes())
    before = tree(project)
    with pytest.raises(AddError) as e:
        add(str(copy), project / "seeds", project / "content")
    assert first.seed.as_posix() in str(e.value) and "same bytes" in str(e.value)
    assert tree(project) == before


def test_a_redirect_to_another_scheme_is_refused_before_it_is_followed(site, project):
    before = tree(project)
    with pytest.raises(AddError) as e:
        add(f"{site}/to-ftp", project / "seeds", project / "content", fetcher=lambda u: fetch(u, timeout=5))
    assert "ftp://127.0.0.1/news/ferry.html" in str(e.value) and "not an http(s) address" in str(e.value)
    assert tree(project) == before


def test_an_unclosed_ipv6_address_is_one_clear_line(project, capsys):
    rc = main(["add", "http://[::1", "--seeds", str(project / "seeds"), "--content", str(project / "content")])
    err = capsys.readouterr().err
    assert rc == 1 and "not a valid address" in err and "internal error" not in err


def test_add_refuses_a_file_above_the_article_cap_the_build_uses(project, tmp_path):
    from newsgen.safefile import MAX_ARTICLE_BYTES

    big = tmp_path / "big.txt"
    big.write_bytes(b"The minister said on Monday that troops were sent. " * (MAX_ARTICLE_BYTES // 50))
    with pytest.raises(AddError, match="more than the 2.0 MB"):
        add(str(big), project / "seeds", project / "content")
    assert not any((project / "seeds").iterdir())

"""End to end: seeds + content → a whole site, and bad input handled as promised."""
import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from newsgen.build import BuildFailed, build
from newsgen.cli import main

REPO = Path(__file__).resolve().parents[1]
KEY = REPO / "tests" / "fixtures" / "answer_key"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("b") / "site"
    result = build(REPO / "seeds", REPO / "content", out)
    return out, result


@pytest.fixture
def inputs(tmp_path):
    seeds, content = tmp_path / "seeds", tmp_path / "content"
    shutil.copytree(REPO / "seeds", seeds)
    shutil.copytree(REPO / "content", content)
    return seeds, content, tmp_path / "site"


def stories(out):
    return {s["id"]: s for s in json.loads((out / "data" / "stories.json").read_text("utf-8"))["stories"]}


def test_seeds_build_without_problems(built):
    out, result = built
    assert [str(p) for p in result.problems if p.severity == "error"] == []
    assert len(result.timeline.stories) == 5 and result.timeline.claims
    for s in stories(out).values():
        assert (out / s["path"]).is_file()
    claims = json.loads((out / "data" / "claims.json").read_text("utf-8"))["claims"]
    for c in claims:
        assert (out / c["path"]).is_file()
        assert {r["story"] for r in c["reports"]} <= set(stories(out))


def test_answer_key_score(built):
    out, _ = built
    run = subprocess.run([sys.executable, str(KEY / "score.py"), str(out / "data"), str(KEY / "seeds.yaml"), "--show-misses"],
                         capture_output=True, text=True, check=True)
    last = run.stdout.strip().splitlines()[-1]
    nums = [int(x) for part in last.split()[1:] for x in part.split("/") if x.isdigit()]
    stories_ok, stories_n, claims_ok, claims_n, dates_ok, dates_n, leaks = nums
    assert (stories_ok, stories_n) == (5, 5), run.stdout
    assert claims_ok >= 38 and dates_ok >= 30, run.stdout


def test_no_site_chrome_in_bodies_or_claims(built):
    out, _ = built
    key = yaml.safe_load((KEY / "seeds.yaml").read_text("utf-8"))
    body = {s["id"]: " ".join(s["paragraphs"]) for s in stories(out).values()}
    claims = json.loads((out / "data" / "claims.json").read_text("utf-8"))["claims"]
    said = [(c["text"] or "") + " " + (c["quote"] or "") for c in claims]
    for sid, gold in key["stories"].items():
        for chrome in gold.get("chrome") or []:
            word = re.compile(rf"(?<!\w){re.escape(chrome)}(?!\w)")
            assert not word.search(body[sid]), (sid, chrome)
            assert not any(word.search(t) for t in said), chrome


def test_metadata_overrides_text_and_records_basis(built):
    out, _ = built
    s = stories(out)
    assert s["001_2e0f3f8c71f04c77"]["published"] == "2024-10-22"
    assert s["001_2e0f3f8c71f04c77"]["published_basis"] == "content"
    assert s["001_2e0f3f8c71f04c77"]["seen_on"] == "2024-11-22"
    assert s["002_fda70d6681db36c6"]["published"] is None
    assert s["004_cd2ecf6e86e7e1ee"]["outlet"] == "The Korea Times"


def test_deterministic(built, tmp_path):
    out, _ = built
    again = tmp_path / "site"
    build(REPO / "seeds", REPO / "content", again)
    files = sorted(p.relative_to(out) for p in out.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    for f in files:
        assert (out / f).read_bytes() == (again / f).read_bytes(), f


def test_bad_inputs_are_reported_and_skipped(inputs):
    seeds, content, out = inputs
    (seeds / "empty.txt").write_bytes(b"")
    (seeds / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (seeds / "latin.txt").write_bytes(
        "Seoul’s “café” report\n\nThe ministry said on Monday that North Korean troops had arrived, officials said.\n".encode("cp1252"))
    (seeds / "korean.txt").write_bytes(
        "북한군 러시아 파병\n\n국방부는 북한이 러시아에 병력을 보냈다고 밝혔다. 정부는 이 문제를 계속 지켜보고 있다고 말했다.\n".encode("euc-kr"))
    (content / "seeds" / "ghost.yaml").write_text("outlet: Nobody\n", "utf-8")
    result = build(seeds, content, out)
    said = [str(p) for p in result.problems]
    assert any("empty.txt" in p for p in said)
    assert any("binary.txt" in p for p in said)
    assert any("ghost.yaml" in p and "ghost" in p and "warning" in p for p in said)
    ids = {s.id for s in result.timeline.stories}
    assert {"latin", "korean"} <= ids and "empty" not in ids and "binary" not in ids
    assert len(ids) == 7  # the five seeds are all kept
    latin = next(s for s in result.timeline.stories if s.id == "latin")
    assert "“café”" in latin.title


def test_strict_fails_and_keeps_previous_site(inputs):
    seeds, content, out = inputs
    build(seeds, content, out)
    before = (out / "index.html").read_bytes()
    (seeds / "empty.txt").write_bytes(b"")
    with pytest.raises(BuildFailed) as e:
        build(seeds, content, out, strict=True)
    assert any("empty.txt" in str(p) for p in e.value.problems)
    assert (out / "index.html").read_bytes() == before
    assert main(["build", "--seeds", str(seeds), "--content", str(content), "--out", str(out), "--strict"]) == 1


def test_seed_link_outside_the_folder_is_refused(inputs, tmp_path):
    seeds, content, out = inputs
    secret = tmp_path / "secret.txt"
    secret.write_text("Top secret words said by nobody.", "utf-8")
    (seeds / "sneaky.txt").symlink_to(secret)
    result = build(seeds, content, out)
    assert any("sneaky.txt" in str(p) and "outside" in str(p) for p in result.problems)
    assert "sneaky" not in {s.id for s in result.timeline.stories}


def test_hostile_seed_is_escaped_everywhere(inputs):
    seeds, content, out = inputs
    (seeds / "evil.html").write_text(
        "<html><head><title>Troops <script>alert(1)</script></title></head><body><article><h1>North Korean troops"
        " &lt;img src=x onerror=alert(2)&gt;</h1><p>“We see <b>troops</b>,” the spokesman said on Monday about North"
        " Korea. <script>alert(3)</script><img src=x onerror=alert(4)></p><p>More text about North Korean troops"
        " deployed to Russia, officials said.</p></article></body></html>", "utf-8")
    build(seeds, content, out)
    pages = list(out.rglob("*.html"))
    assert any("evil" in p.name for p in pages)
    for page in pages:
        found = Markup()
        found.feed(page.read_text("utf-8"))
        assert not found.handlers, (page, found.handlers)
        for kind, body in found.scripts:
            if kind == "application/ld+json":
                json.loads(body)  # article text inside JSON-LD must not break out of it
            else:
                assert "alert(" not in body, page


class Markup(HTMLParser):
    """Collects event-handler attributes and script bodies: what hostile input would inject."""

    def __init__(self):
        super().__init__()
        self.handlers, self.scripts, self._in_script = [], [], None

    def handle_starttag(self, tag, attrs):
        self.handlers += [(tag, k) for k, v in attrs if k.startswith("on")]
        self.handlers += [(tag, k) for k, v in attrs if v and v.strip().lower().startswith("javascript:")]
        self._in_script = dict(attrs).get("type") or "text/javascript" if tag == "script" else None

    def handle_endtag(self, tag):
        self._in_script = None

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append((self._in_script, data))


def test_cli_build_and_python_m(inputs):
    seeds, content, out = inputs
    run = subprocess.run([sys.executable, "-m", "newsgen", "build", "--seeds", str(seeds), "--content", str(content),
                          "--out", str(out)], capture_output=True, text=True, cwd=REPO)
    assert run.returncode == 0, run.stderr
    assert "built 5 stories" in run.stdout and "open file://" in run.stdout


def test_base_path_and_site_url_make_feeds_and_sitemap_absolute(inputs):
    seeds, content, out = inputs
    result = build(seeds, content, out, base_path="newsgen", site_url="https://you.github.io/newsgen")
    assert result.config.site.base_path == "/newsgen/"
    locs = re.findall(r"<loc>([^<]+)</loc>", (out / "sitemap.xml").read_text("utf-8"))
    assert locs and all(loc.startswith("https://you.github.io/newsgen/") for loc in locs)
    assert "Sitemap: https://you.github.io/newsgen/sitemap.xml" in (out / "robots.txt").read_text("utf-8")
    result = build(seeds, content, out, site_url="javascript:alert(1)")
    assert any(p.file == "--site-url" for p in result.problems) and result.config.site.url is None


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_rebuild_after_editing_copies_is_a_clean_build(inputs):
    """The near-copy tests reuse the last build's comparisons (pairmemo); a rebuild
    after seeds are edited, copied and removed must not tell them apart from a clean build."""
    from newsgen.build import process_seed
    from newsgen.cache import cached, default_cache_dir
    from newsgen.store import at as store_at

    seeds, content, out = inputs
    first = sorted(seeds.iterdir())[0]
    text = first.read_text("utf-8")
    (seeds / "copy_a.txt").write_text(text.replace(" the ", " this ", 1), "utf-8")  # a near copy: skipped
    (seeds / "copy_b.txt").write_text("\n\n".join(text.split("\n\n")[: max(2, len(text.split("\n\n")) * 3 // 4)]), "utf-8")
    edits = [
        lambda: (seeds / "copy_a.txt").write_text("A story of its own now, about something else entirely, told here.", "utf-8"),
        lambda: sorted(seeds.iterdir())[1].write_text(first.read_text("utf-8"), "utf-8"),
        lambda: (seeds / "copy_b.txt").unlink(),
        lambda: first.write_text(text.replace(" said ", " told reporters ", 2), "utf-8"),
    ]
    cache = default_cache_dir(out.parent)
    before = build(seeds, content, out, process=cached(process_seed, cache))
    assert {p.file.rsplit("/", 1)[-1] for p in before.problems if "same article" in p.message} >= {"copy_a.txt", "copy_b.txt"}
    for n, edit in enumerate(edits):
        edit()
        again = build(seeds, content, out, process=cached(process_seed, cache))
        assert store_at(cache).keys("pairs:duplicates") and store_at(cache).keys("pairs:sources"), "the comparisons were kept"
        clean = build(seeds, content, out.parent / f"clean{n}")
        assert again.problems == clean.problems
        assert again.timeline.origins == clean.timeline.origins
        assert _tree(out) == _tree(out.parent / f"clean{n}")

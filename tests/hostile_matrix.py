"""Bad and hostile inputs against the `newsgen` command, each checked for the same
three failures: a traceback (crashed), a user's file changed or gone (lost), and
anything from outside the project in the site (leaked).

Used by tests/test_hostile.py (one test per case) and runnable on its own for
the counts:  .venv/bin/python tests/hostile_matrix.py
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parents[1]
SEED_IDS = frozenset(p.stem for p in (REPO / "seeds").iterdir())
# Written into a file outside the project; it must never appear in a built site.
SECRET = "OUTSIDE-THE-PROJECT-7f3a9c"
# Seconds per command (the YAML bomb used to run past 120 s); a run against an
# older newsgen may lower it with NEWSGEN_MATRIX_TIMEOUT.
TIME_LIMIT = float(os.environ.get("NEWSGEN_MATRIX_TIMEOUT", 120))


@dataclass(frozen=True)
class Case:
    name: str
    point: str  # the point (1-9) this case comes from
    setup: Callable[[Path, Path], list[str]]  # (project, outside) -> newsgen arguments
    builds: bool  # exit 0 with the five seeds' stories built
    says: tuple[str, ...] = ()  # words the output must contain (the clear line)
    site_untouched: bool = False  # the previous site must stay byte for byte
    never_says: tuple[str, ...] = ()  # what the output must not contain (a raw repr, a raw control character)


@dataclass
class Outcome:
    case: Case
    code: int | None
    output: str
    crashed: bool = False
    lost: list[str] = field(default_factory=list)
    leaked: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # expectations not met
    seconds: float = 0.0


# --- helpers for setups ------------------------------------------------------------

def write(path: Path, text: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)


def append(path: Path, text: str) -> None:
    write(path, path.read_text("utf-8") + text)


def bomb(top: str) -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev, cur = chr(96 + i), chr(97 + i)
        lines.append(f"{cur}: &{cur} [" + ",".join(f"*{prev}" for _ in range(9)) + "]")
    return f"{top}:\n" + "".join(f"  {line}\n" for line in lines)


ARTICLE = ("North Korean troops in Kursk\n\nSouth Korea's spy agency said on Monday that North Korea had sent "
           "about 3,000 troops to Russia, officials said.\n\nThe ministry said it was watching closely.\n")


def _out(arg: str) -> Callable[[Path, Path], list[str]]:
    return lambda p, o: ["build", "--out", arg]


def _out_abs(p: Path, o: Path) -> list[str]:
    return ["build", "--out", str(p)]


def _out_file(p: Path, o: Path) -> list[str]:
    write(p / "notes.txt", "my notes\n")
    return ["build", "--out", "notes.txt"]


def _out_symlink(p: Path, o: Path) -> list[str]:
    (p / "linked").symlink_to(p / "site")
    return ["build", "--out", "linked"]


def _out_foreign(p: Path, o: Path) -> list[str]:
    write(p / "mydocs" / "thesis.txt", "years of work\n")
    return ["build", "--out", "mydocs"]


def _out_earlier_site(p: Path, o: Path) -> list[str]:
    (p / "site" / ".newsgen-site").unlink(missing_ok=True)  # a site from before the marker existed
    return ["build", "--out", "site"]


def _out_around_content(p: Path, o: Path) -> list[str]:
    (p / "editorial").mkdir()
    shutil.copytree(p / "content", p / "editorial" / "content")
    return ["build", "--content", "editorial/content", "--out", "editorial"]


def _leftovers(p: Path, o: Path) -> list[str]:
    # What builds killed in their write phase leave: staging folders of a dead pid, each
    # with the record newsgen writes into the folders it makes.
    for name in (".site.new-999999999-abc", ".site.old-999999999-def"):
        write(p / name / "index.html", "half")
        write(p / name / ".newsgen-staging", name + "\n")
    return ["build"]


def _page_link(target: str) -> Callable[[Path, Path], list[str]]:
    def setup(p: Path, o: Path) -> list[str]:
        t = Path(target) if target.startswith("/") else o / target
        (p / "content" / "pages" / "passwd.md").symlink_to(t)
        return ["build"]
    return setup


def _meta_link(p: Path, o: Path) -> list[str]:
    write(o / "meta.yaml", f"outlet: {SECRET}\n")
    (p / "content" / "seeds" / "004_cd2ecf6e86e7e1ee.yml").symlink_to(o / "meta.yaml")
    return ["build"]


def _site_yaml_syntax(p: Path, o: Path) -> list[str]:
    append(p / "content" / "site.yaml", "  title: [unclosed\n")
    return ["build"]


def _check_of(setup: Callable[[Path, Path], list[str]]) -> Callable[[Path, Path], list[str]]:
    return lambda p, o: ["check"] + setup(p, o)[1:]


def _topics_five(p: Path, o: Path) -> list[str]:
    text = (p / "content" / "site.yaml").read_text("utf-8")
    start = text.index("  topics:\n")
    end = text.index("\n  # Figures")
    write(p / "content" / "site.yaml", text[:start] + "  topics: 5\n" + text[end:])
    return ["build"]


def _url_javascript(p: Path, o: Path) -> list[str]:
    text = (p / "content" / "site.yaml").read_text("utf-8")
    write(p / "content" / "site.yaml", text.replace("  url: null", "  url: javascript:alert(1)"))
    return ["build"]


def _bomb_in(name: str, top: str) -> Callable[[Path, Path], list[str]]:
    def setup(p: Path, o: Path) -> list[str]:
        write(p / "content" / name, bomb(top))
        return ["build"]
    return setup


def _duplicate_key(p: Path, o: Path) -> list[str]:
    append(p / "content" / "site.yaml", "site:\n  title: A second site block\n")
    return ["build"]


def _second_meta(p: Path, o: Path) -> list[str]:
    write(p / "content" / "seeds" / "000_026a6bed20428990.yml", "outlet: Someone Else\n")
    return ["build"]


def _page_twins(p: Path, o: Path) -> list[str]:
    write(p / "content" / "pages" / "About.md", "# About, again\n\nA second about page.\n")
    return ["build"]


def _bad_date_line2(p: Path, o: Path) -> list[str]:
    write(p / "content" / "seeds" / "000_026a6bed20428990.yaml", "outlet: Yonhap\npublished: 2024-13-45\nurl: https://example.org/a\n")
    return ["build"]


def _seed(name: str, data: str | bytes, meta: str | None = None) -> Callable[[Path, Path], list[str]]:
    def setup(p: Path, o: Path) -> list[str]:
        write(p / "seeds" / name, data)
        if meta:
            write(p / "content" / "seeds" / f"{Path(name).stem}.yaml", meta)
        return ["build"]
    return setup


def _seeds(*pairs: tuple[str, str]) -> Callable[[Path, Path], list[str]]:
    def setup(p: Path, o: Path) -> list[str]:
        for name, data in pairs:
            write(p / "seeds" / name, data)
        return ["build"]
    return setup


def _same_url(p: Path, o: Path) -> list[str]:
    url = next(line.split(":", 1)[1].strip() for line in (p / "content" / "seeds" / "000_026a6bed20428990.yaml").read_text("utf-8").splitlines()
               if line.startswith("url:"))
    write(p / "seeds" / "again.txt", ARTICLE)
    write(p / "content" / "seeds" / "again.yaml", f"url: {url}\n")
    return ["build"]


def _seed_folder(p: Path, o: Path) -> list[str]:
    write(p / "seeds" / "folder.txt" / "inner.txt", ARTICLE)
    return ["build"]


def _seed_dangling(p: Path, o: Path) -> list[str]:
    (p / "seeds" / "gone.txt").symlink_to(p / "seeds" / "no-such-file.txt")
    return ["build"]


def _seed_link_out(p: Path, o: Path) -> list[str]:
    (p / "seeds" / "passwd.txt").symlink_to("/etc/passwd")
    (p / "seeds" / "secret.txt").symlink_to(o / "secret.txt")
    return ["build"]


def _seed_copy(p: Path, o: Path) -> list[str]:
    shutil.copy(p / "seeds" / "000_026a6bed20428990.txt", p / "seeds" / "zz_copy.txt")
    return ["build"]


def _seeds_misspelt(p: Path, o: Path) -> list[str]:
    return ["build", "--seeds", "seedz"]


def _no_readable_seed(p: Path, o: Path) -> list[str]:
    for f in (p / "seeds").iterdir():
        f.unlink()
    write(p / "seeds" / "empty.txt", b"")
    write(p / "seeds" / "binary.txt", bytes(range(256)) * 8)
    return ["build"]


def _fifo_seed(p: Path, o: Path) -> list[str]:
    os.mkfifo(p / "seeds" / "x.txt")
    return ["build"]


def _socket_seed(p: Path, o: Path) -> list[str]:
    import socket

    s = socket.socket(socket.AF_UNIX)
    s.bind(str(p / "seeds" / "sock.txt"))  # the file stays after the socket closes
    s.close()
    return ["build"]


def _seeds_loop(p: Path, o: Path) -> list[str]:
    (p / "loop").symlink_to(p / "loop")
    return ["build", "--seeds", "loop"]


def _static_link(p: Path, o: Path) -> list[str]:
    (p / "templates" / "static" / "passwd.txt").symlink_to("/etc/passwd")
    (p / "templates" / "static" / "secret.txt").symlink_to(o / "secret.txt")
    return ["build"]


def _template_link(p: Path, o: Path) -> list[str]:
    write(o / "story.html.j2", f'{{% extends "base.html.j2" %}}{{% block main %}}{SECRET}{{% endblock %}}\n')
    (p / "templates" / "story.html.j2").unlink()
    (p / "templates" / "story.html.j2").symlink_to(o / "story.html.j2")
    return ["build"]


def _undefined_in_template(p: Path, o: Path) -> list[str]:
    f = p / "templates" / "story.html.j2"
    lines = f.read_text("utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if "{% block main %}" in line) + 1
    write(f, "".join(lines[:at] + ["{{ no_such_value }}\n"] + lines[at:]))
    return ["build"]


def _leftover_lookalikes(p: Path, o: Path) -> list[str]:
    for name in (".site.old-backup", ".site.new-x1y2z3", ".site.old-999999999-notes"):
        write(p / name / "thesis.txt", "years of work\n")
        os.utime(p / name, (time.time() - 3600, time.time() - 3600))
    return ["build"]


def _cache_link(p: Path, o: Path) -> list[str]:
    write(o / "elsewhere" / "keep.pickle", "not newsgen's\n")
    shutil.rmtree(p / ".newsgen-cache", ignore_errors=True)
    (p / ".newsgen-cache").symlink_to(o / "elsewhere")
    write(p / "seeds" / "new.txt", ARTICLE)  # a change, so the build does some work
    return ["build"]


def _planted_cache(p: Path, o: Path) -> list[str]:
    # What any local user can put beside a shared --out (/tmp/site): a record that
    # runs code when unpickled. The build must never read it.
    import pickle

    class Plant:
        def __reduce__(self):
            return (os.mkdir, (str(o / "PLANTED-CODE-RAN"),))

    for name in ("duplicates.pairs", "sources.pairs"):
        write(o / ".newsgen-cache" / name, pickle.dumps(Plant()))
    return ["build", "--out", str(o / "site")]


def _window_1700(p: Path, o: Path) -> list[str]:
    write(p / "content" / "seeds" / "000_026a6bed20428990.yaml", "outlet: Yonhap\npublished_window: [1700-01-01, 1700-02-01]\n")
    return ["build"]


def _python_tag(p: Path, o: Path) -> list[str]:
    write(p / "content" / "seeds" / "000_026a6bed20428990.yaml", "outlet: Yonhap\ntitle: !!python/object:os.system echo hello\n")
    return ["build"]


def _control_name(p: Path, o: Path) -> list[str]:
    write(p / "seeds" / "a\nb\x1b[31m.txt", b"")  # empty: its problem line names it
    return ["build"]


CASES: tuple[Case, ...] = (
    # 1. --out
    Case("out-seeds", "1", _out("seeds"), False, ("seeds folder",)),
    Case("out-content", "1", _out("content"), False, ("content folder",)),
    Case("out-dot", "1", _out("."), False, ("--out",)),
    Case("out-dotdot", "1", _out(".."), False, ("--out",)),
    Case("out-slash", "1", _out("/"), False, ("--out",)),
    Case("out-pwd", "1", _out_abs, False, ("project folder",)),
    Case("out-templates", "1", _out("templates"), False, ("templates folder",)),
    Case("out-inside-seeds", "1", _out("seeds/site"), False, ("inside the seeds folder",)),
    Case("out-around-content", "1", _out_around_content, False, ("contains the content folder",)),
    Case("out-file", "1", _out_file, False, ("is a file",)),
    Case("out-symlink", "1", _out_symlink, False, ("symbolic link",)),
    Case("out-foreign-folder", "1", _out_foreign, False, ("did not write",)),
    Case("out-earlier-site", "1", _out_earlier_site, True),
    Case("out-new-folder", "1", _out("fresh/site"), False, ()),  # builds elsewhere: checked below
    # 2. symlinks in content/
    Case("content-link-passwd", "2", _page_link("/etc/passwd"), False, ("outside",), site_untouched=True),
    Case("content-link-outside", "2", _page_link("secret.txt"), False, ("outside",), site_untouched=True),
    Case("content-link-dangling", "2", _page_link("nothing-here.md"), False, ("broken symbolic link",), site_untouched=True),
    Case("content-meta-link", "2", _meta_link, False, ("outside",), site_untouched=True),
    # 3. broken content fails and keeps the site
    Case("site-yaml-syntax", "3", _site_yaml_syntax, False, ("site.yaml:", "YAML syntax error"), site_untouched=True),
    Case("check-site-yaml-syntax", "3", _check_of(_site_yaml_syntax), False, ("site.yaml:",)),
    # 4. tracebacks
    Case("topics-5", "4", _topics_five, False, ("site.yaml:", "'topics' must be a list"), site_untouched=True),
    Case("check-topics-5", "4", _check_of(_topics_five), False, ("'topics' must be a list",)),
    Case("published-0001", "4", _seed("old.md", "---\ntitle: Old\npublished: 0001-01-01\n---\n\n" + ARTICLE.split("\n\n", 1)[1]), True, ("0001-01-01",)),
    Case("meta-published-0001", "4", _seed("older.txt", ARTICLE, "published: 0001-01-01\n"), False, ("older.yaml:1", "between 1900"), site_untouched=True),
    Case("400-digit-number", "4", _seed("big.txt", ARTICLE.replace("3,000", "9" * 400), "published: 2024-11-04\n"), True, ("too large",)),
    Case("251-char-name", "4", _seed("n" * 247 + ".txt", ARTICLE), True, ("longer than",)),
    Case("port-70000", "4", lambda p, o: ["serve", "--port", "70000"], False, ("not a port number",)),
    # 5. bombs and depth
    Case("yaml-bomb-site", "5", _bomb_in("site.yaml", "site"), False, ("site.yaml:", "refused"), site_untouched=True),
    Case("yaml-bomb-people", "5", _bomb_in("people.yaml", "people"), False, ("people.yaml:", "refused"), site_untouched=True),
    Case("markdown-1000-deep", "5", _seed("deep.md", "# Deep\n\n" + "".join("  " * i + "- item\n" for i in range(1000))), True, ("deep.md", "levels deep")),
    Case("html-5000-deep", "5", _seed("deep.html", "<html><body>" + "<div>" * 5000 + "<p>North Korea sent troops, officials said.</p>" + "</div>" * 5000 + "</body></html>"), True, ("deep.html", "deep")),
    # 6. collisions
    Case("same-stem", "6", _seeds(("same.txt", ARTICLE), ("same.md", "# Same\n\nA different text about troops, officials said on Monday.\n")), True, ("same.txt", "same story id as")),
    Case("same-address", "6", _seeds(("北한.txt", ARTICLE), ("日本.txt", ARTICLE.replace("3,000", "4,000"))), True, ("page address",)),
    Case("second-metadata-file", "6", _second_meta, False, ("second metadata file",), site_untouched=True),
    Case("duplicate-yaml-key", "6", _duplicate_key, False, ("appears twice",), site_untouched=True),
    Case("page-twins", "6", _page_twins, False, ("same address",), site_untouched=True),
    Case("seed-is-a-folder", "6", _seed_folder, True, ("folder.txt", "a folder")),
    # 7. litter
    Case("killed-build-leftovers", "7", _leftovers, True),
    # 8. a copy of a seed: build and check agree
    Case("exact-copy-build", "8", _seed_copy, True, ("zz_copy.txt", "same article")),
    Case("exact-copy-check", "8", _check_of(_seed_copy), False, ("zz_copy.txt", "same article")),
    Case("same-url-build", "8", _same_url, False, ("again.yaml", "also given for seed"), site_untouched=True),
    Case("same-url-check", "8", _check_of(_same_url), False, ("again.yaml", "also given for seed")),
    # 9. messages
    Case("bad-date-line-2", "9", _bad_date_line2, False, ("000_026a6bed20428990.yaml:2",), site_untouched=True),
    Case("dangling-seed-link", "9", _seed_dangling, True, ("gone.txt", "broken symbolic link")),
    Case("seed-links-outside", "2", _seed_link_out, True, ("passwd.txt", "outside")),
    Case("cp1252-seed", "9", _seed("latin.txt", ("Naïve café diplomacy\n\n" + ARTICLE).encode("cp1252") * 3), True, ("'Naïve'",)),
    Case("javascript-site-url", "9", _url_javascript, False, ("site.yaml:", "not an http(s) address"), site_untouched=True),
    # issue 18: safety
    Case("seeds-misspelt", "18", _seeds_misspelt, False, ("seedz", "no readable article"), site_untouched=True),
    Case("no-readable-seed", "18", _no_readable_seed, False, ("empty.txt", "no readable article"), site_untouched=True),
    Case("site-url-invalid", "18", lambda p, o: ["build", "--site-url", "javascript:alert(1)"], False,
         ("not an http(s) address",), site_untouched=True),
    Case("seed-fifo", "18", _fifo_seed, True, ("x.txt", "FIFO")),
    Case("check-seed-fifo", "18", _check_of(_fifo_seed), False, ("x.txt", "FIFO")),
    Case("seed-socket", "18", _socket_seed, True, ("sock.txt", "socket")),
    Case("seeds-symlink-loop", "18", _seeds_loop, False, ("loop", "loop of symbolic links"), site_untouched=True),
    Case("check-seeds-symlink-loop", "18", _check_of(_seeds_loop), False, ("loop of symbolic links",)),
    Case("add-unclosed-ipv6", "18", lambda p, o: ["add", "http://[::1"], False, ("http://[::1", "not a valid address")),
    Case("templates-static-link", "18", _static_link, False, ("passwd.txt", "secret.txt", "outside"), site_untouched=True),
    Case("template-link-outside", "18", _template_link, False, ("story.html.j2", "outside"), site_untouched=True),
    Case("template-undefined-name", "18", _undefined_in_template, False, ("story.html.j2:", "no_such_value"), site_untouched=True),
    Case("leftover-lookalikes-kept", "18", _leftover_lookalikes, True),
    Case("cache-folder-symlink", "18", _cache_link, False, (".newsgen-cache", "symbolic link"), site_untouched=True),
    Case("planted-cache-beside-out", "18", _planted_cache, True),
    Case("published-window-1700", "18", _window_1700, False, ("1700-01-01", "between 1900"), site_untouched=True,
         never_says=("datetime.date",)),
    Case("yaml-python-tag", "18", _python_tag, False, ("000_026a6bed20428990.yaml:2", "!!python/object"), site_untouched=True),
    Case("control-characters-in-name", "18", _control_name, True, ("a\\nb\\x1b[31m.txt",), never_says=("\x1b",)),
    Case("article-over-the-cap", "18", _seed("big.txt", ARTICLE * 12_000), True, ("big.txt", "more than the 2.0 MB")),
)


# --- running -----------------------------------------------------------------------

def snapshot(root: Path) -> dict[str, bytes]:
    out = {}
    for p in sorted(root.rglob("*")):
        if p.is_file() and not p.is_symlink():
            out[p.relative_to(root).as_posix()] = p.read_bytes()
    return out


def user_files(project: Path) -> dict[str, bytes]:
    """Every file of the project that newsgen did not write: seeds, content and anything else."""
    out = {}
    for p in sorted(project.rglob("*")):
        rel = p.relative_to(project)
        # site/ is the warm build's output: newsgen's own, to replace at will.
        if rel.parts[0] in ("site", ".newsgen-cache") or rel.parts[0].startswith(".site."):
            continue
        if any((project.joinpath(*rel.parts[: i + 1]) / ".newsgen-site").is_file() for i in range(len(rel.parts) - 1)):
            continue  # inside a site newsgen wrote
        if p.is_file() and not p.is_symlink():
            out[rel.as_posix()] = p.read_bytes()
    return out


def warm_project(base: Path) -> Path:
    """The repository's seeds, content and a built site (plus its cache), to copy per case."""
    warm = base / "warm"
    warm.mkdir()
    for d in ("seeds", "content", "templates"):
        shutil.copytree(REPO / d, warm / d)
    r = newsgen(["build"], warm)
    assert r.returncode == 0, r.stderr
    return warm


def newsgen(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "NEWSGEN_DEBUG"}
    return subprocess.run([sys.executable, "-m", "newsgen", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=TIME_LIMIT, env=env)


def run_case(case: Case, warm: Path, base: Path) -> Outcome:
    project = base / case.name / "project"
    outside = base / case.name / "outside"
    shutil.copytree(warm, project, symlinks=True)
    outside.mkdir(parents=True)
    write(outside / "secret.txt", f"{SECRET}\n\nThe minister said on Monday that {SECRET} troops were sent.\n")
    args = case.setup(project, outside)
    mine = user_files(project)
    theirs = snapshot(outside)
    site_before = snapshot(project / "site") if (project / "site").is_dir() else {}
    started = time.monotonic()
    try:
        r = newsgen(args, project)
        code, output = r.returncode, r.stdout + r.stderr
    except subprocess.TimeoutExpired:
        code, output = None, f"timed out after {TIME_LIMIT:g} s"
    o = Outcome(case, code, output, seconds=time.monotonic() - started)
    o.crashed = code is None or "Traceback" in output or "internal error" in output
    now = user_files(project)
    o.lost = [f for f, data in mine.items() if now.get(f) != data]
    # Outside the project nothing may change either (a planted record run, a linked folder pruned).
    o.lost += [f"outside/{f}" for f, data in theirs.items() if snapshot(outside).get(f) != data]
    if (outside / "PLANTED-CODE-RAN").exists():
        o.lost.append("outside/PLANTED-CODE-RAN: a planted cache record was unpickled")
    sites = {project / "site"} | {p for p in project.rglob("*") if p.is_dir() and (p / ".newsgen-site").is_file()}
    for folder in sorted(f for f in sites if f.is_dir()):
        for f, data in snapshot(folder).items():
            if SECRET.encode() in data or b"root:x:0:0" in data:
                o.leaked.append(f"{folder.relative_to(project)}/{f}")
    if case.builds:
        if code != 0:
            o.missing.append(f"exit {code}, expected 0")
        try:
            ids = {s["id"] for s in json.loads((project / "site" / "data" / "stories.json").read_text("utf-8"))["stories"]}
        except (OSError, ValueError, KeyError):
            ids = set()
        if not SEED_IDS <= ids:
            o.missing.append(f"stories built: {sorted(ids)}")
    elif code == 0 and case.says:
        o.missing.append("exit 0, expected a refusal")
    for word in case.says:
        if word not in output:
            o.missing.append(f"output lacks {word!r}")
    for word in case.never_says:
        if word in output:
            o.missing.append(f"output has {word!r}")
    if case.site_untouched and snapshot(project / "site") != site_before:
        o.missing.append("the previous site changed")
    if case.name == "killed-build-leftovers":
        left = sorted(p.name for p in project.iterdir() if p.name.startswith(".site."))
        if left:
            o.missing.append(f"leftovers not cleared: {left}")
    if case.name == "leftover-lookalikes-kept":
        gone = [n for n in (".site.old-backup", ".site.new-x1y2z3", ".site.old-999999999-notes")
                if not (project / n / "thesis.txt").is_file()]
        if gone:
            o.lost += gone
    if case.name == "out-new-folder" and (code != 0 or not (project / "fresh" / "site" / ".newsgen-site").is_file()):
        o.missing.append("a new --out folder was not built and marked")
    return o


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="newsgen-hostile-") as tmp:
        base = Path(tmp)
        warm = warm_project(base)
        outcomes = []
        for case in CASES:
            o = run_case(case, warm, base)
            outcomes.append(o)
            flags = [k for k, v in (("CRASHED", o.crashed), ("LOST", o.lost), ("LEAKED", o.leaked), ("UNMET", o.missing)) if v]
            print(f"{case.point:>2} {case.name:<26} exit {o.code!s:<4} {o.seconds:5.1f}s {' '.join(flags) or 'ok'}")
            for m in o.missing + o.lost + o.leaked:
                print(f"     {m}")
        n = len(outcomes)
        print(f"tried {n}, crashed {sum(o.crashed for o in outcomes)}, lost {sum(bool(o.lost) for o in outcomes)}, "
              f"leaked {sum(bool(o.leaked) for o in outcomes)}, unmet {sum(bool(o.missing) for o in outcomes)}")
        return 0 if not any(o.crashed or o.lost or o.leaked or o.missing for o in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())

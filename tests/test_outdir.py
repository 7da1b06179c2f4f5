"""The output folder is newsgen's alone: refusals, the marker, leftovers of killed builds, racing builds."""
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsgen.model import Output
from newsgen.outdir import MARKER, STAGING_RECORD, OutDirRefused, guard, mark_staging, owned, tidy
from newsgen.write import write_site

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def project(tmp_path, monkeypatch):
    for d in ("seeds", "content", "templates"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "keep.txt").write_text("the user's work\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def inputs(p):
    return (("seeds", p / "seeds"), ("content", p / "content"), ("templates", p / "templates"))


@pytest.mark.parametrize("out, words", [
    ("seeds", "is or contains the seeds folder"),
    ("content", "is or contains the content folder"),
    ("templates", "is or contains the templates folder"),
    ("seeds/site", "lies inside the seeds folder"),
    ("content/pages/site", "lies inside the content folder"),
    (".", "own for the site"),
    ("./", "own for the site"),
    ("..", "own for the site"),
    ("/", "own for the site"),
    ("", "own for the site"),
])
def test_dangerous_out_is_refused_in_one_line(project, out, words):
    with pytest.raises(OutDirRefused) as e:
        guard(Path(out) if out else out, inputs(project))
    assert words in str(e.value) and "\n" not in str(e.value)


def test_project_folder_and_above_are_refused(project):
    for out in (project, project.parent, project / "sub" / ".."):
        with pytest.raises(OutDirRefused, match="project folder"):
            guard(out, inputs(project))


def test_file_symlink_and_foreign_folder_are_refused(project):
    (project / "notes.txt").write_text("mine")
    (project / "site").mkdir()
    (project / "link").symlink_to(project / "site")
    (project / "docs").mkdir()
    (project / "docs" / "thesis.txt").write_text("years of work")
    for out, words in (("notes.txt", "is a file"), ("link", "symbolic link"), ("docs", "did not write")):
        with pytest.raises(OutDirRefused, match=words):
            guard(Path(out), inputs(project))
    assert (project / "docs" / "thesis.txt").read_text() == "years of work"


def test_new_empty_marked_and_earlier_sites_are_accepted(project):
    guard(Path("site"), inputs(project))  # missing
    (project / "empty").mkdir()
    guard(Path("empty"), inputs(project))
    write_site([Output("index.html", b"x")], project / "site")
    assert (project / "site" / MARKER).is_file() and owned(project / "site")
    guard(Path("site"), inputs(project))
    old = project / "old-site"
    for f in ("index.html", "data/stories.json", "data/claims.json"):
        (old / f).parent.mkdir(parents=True, exist_ok=True)
        (old / f).write_text("{}")
    guard(old, inputs(project))  # written by a newsgen from before the marker


def test_writer_refuses_a_foreign_folder_itself(project):
    (project / "docs").mkdir()
    (project / "docs" / "thesis.txt").write_text("years of work")
    with pytest.raises(OutDirRefused):
        write_site([Output("index.html", b"x")], project / "docs")
    assert sorted(p.name for p in (project / "docs").iterdir()) == ["thesis.txt"]


def test_marker_is_not_counted_as_a_removed_page(project):
    write_site([Output("index.html", b"x")], project / "site")
    r = write_site([Output("index.html", b"x")], project / "site")
    assert (r.written, r.unchanged, r.removed) == (0, 1, 0)


def test_leftovers_of_dead_builds_are_cleared_and_live_ones_kept(project):
    write_site([Output("index.html", b"x")], project / "site")
    dead = project / ".site.new-999999999-abc"
    live = project / f".site.new-{os.getppid()}-abc"  # a running process: maybe another build
    other = project / ".blog.new-999999999-abc"  # another output folder's
    for d in (dead, live, other):
        d.mkdir()
        mark_staging(d)
        (d / "index.html").write_text("half")
    removed = tidy(project / "site")
    assert [p.name for p in removed] == [dead.name]
    assert live.exists() and other.exists() and not dead.exists()


def test_tidy_keeps_the_users_folders_that_only_look_like_leftovers(project):
    write_site([Output("index.html", b"x")], project / "site")
    mine = [project / ".site.old-backup", project / ".site.new-x1y2z3", project / ".site.old-999999999-notes"]
    for d in mine:
        d.mkdir()
        (d / "thesis.txt").write_text("years of work")
        os.utime(d, (time.time() - 3600,) * 2)
    (project / ".site.old-999999999-forged").mkdir()
    (project / ".site.old-999999999-forged" / STAGING_RECORD).write_text(".site.old-999999999-other\n")
    assert tidy(project / "site") == []
    assert all((d / "thesis.txt").read_text() == "years of work" for d in mine)


def test_a_finished_build_leaves_no_staging_record_in_the_site(project):
    write_site([Output("index.html", b"x")], project / "site")
    write_site([Output("index.html", b"y")], project / "site")
    assert not (project / "site" / STAGING_RECORD).exists()
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site.")) == []


def test_a_site_moved_aside_by_a_killed_build_comes_back(project):
    write_site([Output("index.html", b"previous")], project / "site")
    os.replace(project / "site", project / ".site.old-999999999-abc")  # killed between the renames
    write_site([Output("index.html", b"previous"), Output("new.html", b"n")], project / "site")
    assert (project / "site" / "index.html").read_bytes() == b"previous"
    assert [p.name for p in project.iterdir() if p.name.startswith(".site.")] == []


def _race(out: str, n: int, barrier) -> None:
    barrier.wait()
    write_site([Output("index.html", f"build {n}".encode()), Output("data/claims.json", b"{}")], Path(out))


def test_two_first_builds_into_a_missing_folder_both_succeed(tmp_path):
    ctx = multiprocessing.get_context("fork")
    for round_ in range(15):
        out = tmp_path / f"r{round_}" / "site"
        out.parent.mkdir()
        barrier = ctx.Barrier(2)
        procs = [ctx.Process(target=_race, args=(str(out), n, barrier)) for n in range(2)]
        for p in procs:
            p.start()
        for p in procs:
            p.join(30)
        assert [p.exitcode for p in procs] == [0, 0], f"round {round_}"
        assert (out / "index.html").read_bytes() in (b"build 0", b"build 1")
        assert sorted(p.name for p in out.parent.iterdir()) == ["site"]


KILLED_BUILD = """
import sys, time
from pathlib import Path
import newsgen.write as w
from newsgen.model import Output
w._same_bytes = lambda *a: False
write_orig = w._write
def write(target, data):
    if target.endswith("/slow.html"):
        print("writing", flush=True); time.sleep(60)
    return write_orig(target, data)
w._write = write
w.write_site([Output("index.html", b"new"), Output("slow.html", b"s")], Path(sys.argv[1]))
"""


def test_build_killed_while_writing_leaves_the_old_site_and_no_litter_after_the_next(tmp_path):
    out = tmp_path / "site"
    write_site([Output("index.html", b"old")], out)
    for _ in range(3):
        p = subprocess.Popen([sys.executable, "-c", KILLED_BUILD, str(out)], stdout=subprocess.PIPE, text=True)
        assert p.stdout.readline().strip() == "writing"
        p.send_signal(signal.SIGKILL)
        p.wait(10)
        assert (out / "index.html").read_bytes() == b"old"
    # Each build clears what the one killed before it left: only the last kill's pair remains.
    assert len([p for p in tmp_path.iterdir() if p.name.startswith(".site.")]) == 2
    write_site([Output("index.html", b"next")], out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert (out / "index.html").read_bytes() == b"next"

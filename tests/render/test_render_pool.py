"""Pages drawn by forked workers: the same bytes, in the same order, as drawn here."""
import os
import sys
from pathlib import Path

import pytest

from newsgen.render import pool


@pytest.fixture
def no_threads(monkeypatch):
    """Other tests of the session may leave a thread running (a server, a browser
    driver), which rightly makes draw_all stay in this process; these tests are
    about the forked path, so they declare the process thread-free."""
    monkeypatch.setattr(pool, "_threads_running", lambda: False)


def _draw(i: int):
    return f"{i}:{os.getpid()}".encode(), frozenset({("claim", str(i))})


def test_workers_draw_every_page_in_order_in_other_processes(no_threads):
    pages = list(range(pool.PARALLEL_MIN + 50))
    got = list(pool.draw_all(pages, _draw, jobs=2))
    assert [int(data.split(b":")[0]) for data, _ in got] == pages
    assert [keys for _, keys in got] == [frozenset({("claim", str(i))}) for i in pages]
    pids = {int(data.split(b":")[1]) for data, _ in got}
    assert os.getpid() not in pids and len(pids) >= 1


def test_few_pages_one_core_or_a_running_thread_draw_here():
    import threading

    assert {d.split(b":")[1] for d, _ in pool.draw_all(list(range(5)), _draw, jobs=2)} == {str(os.getpid()).encode()}
    many = list(range(pool.PARALLEL_MIN + 1))
    assert {d.split(b":")[1] for d, _ in pool.draw_all(many, _draw, jobs=1)} == {str(os.getpid()).encode()}
    stop = threading.Event()
    t = threading.Thread(target=stop.wait)
    t.start()
    try:
        assert pool._threads_running()
        assert {d.split(b":")[1] for d, _ in pool.draw_all(many, _draw, jobs=2)} == {str(os.getpid()).encode()}
    finally:
        stop.set()
        t.join()


def test_workers_draw_only_a_few_chunks_ahead_of_the_writer(no_threads, tmp_path):
    # Pages that no one takes yet must not pile up here: the writer is slower than
    # the workers, and drawn pages held here were hundreds of MB at 5,000 articles.
    log = tmp_path / "drawn"

    def draw(i: int):
        with open(log, "a") as f:
            f.write(f"{i}\n")
        return _draw(i)

    pages = list(range(pool.PARALLEL_MIN + 40 * pool.CHUNK))
    it = pool.draw_all(pages, draw, jobs=2)
    first = next(it)
    import time

    time.sleep(1.0)  # the workers would draw every page in this time if nothing held them back
    ahead = (1 + 2 * pool.AHEAD) * pool.CHUNK
    assert int(first[0].split(b":")[0]) == 0
    assert len(log.read_text().split()) <= ahead < len(pages)
    got = [first] + list(it)
    assert [int(d.split(b":")[0]) for d, _ in got] == pages
    assert sorted(map(int, log.read_text().split())) == pages


def test_each_worker_lets_go_of_what_only_the_writer_needs(no_threads, tmp_path):
    # The writer's own state (here a dict standing for the page memo) is cleared in
    # each worker as it starts, and stays whole here.
    state = {"memo": list(range(1000))}
    log = tmp_path / "forgot"

    def forget():
        state.clear()
        with open(log, "a") as f:
            f.write(f"{os.getpid()}\n")

    def draw(i: int):
        return f"{i}:{len(state)}".encode(), frozenset()

    got = list(pool.draw_all(list(range(pool.PARALLEL_MIN + 10)), draw, jobs=2, forget=forget))
    assert {d.split(b":")[1] for d, _ in got} == {b"0"}, "every page was drawn after forget"
    pids = log.read_text().split()
    assert len(pids) == 2 and str(os.getpid()) not in pids
    assert len(state["memo"]) == 1000


def _fails_on_7(i: int):
    if i == 7:
        raise ValueError("page 7 cannot be drawn")
    return _draw(i)


def test_a_page_a_worker_cannot_draw_raises_its_own_error_here(no_threads):
    with pytest.raises(ValueError, match="page 7 cannot be drawn"):
        list(pool.draw_all(list(range(pool.PARALLEL_MIN + 10)), _fails_on_7, jobs=2))


def test_a_site_drawn_on_two_cores_is_the_site_drawn_on_one(tmp_path, monkeypatch, no_threads):
    from newsgen.build import build

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from bench import corpus

    seeds, content = corpus(24, tmp_path / "corpus")
    monkeypatch.setattr(pool, "PARALLEL_MIN", 10)  # the small corpus has fewer pages than the threshold
    drawn_by = tmp_path / "pids"
    real = pool._work

    def work(i):
        with open(drawn_by, "a") as f:
            f.write(f"{os.getpid()}\n")
        return real(i)

    monkeypatch.setattr(pool, "_work", work)
    one = build(seeds, content, tmp_path / "one", jobs=1)
    assert not drawn_by.exists()
    two = build(seeds, content, tmp_path / "two", jobs=2)
    assert str(os.getpid()) not in drawn_by.read_text().split()
    assert two.report.written == one.report.written > 100

    def tree(folder):
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}

    assert tree(tmp_path / "two") == tree(tmp_path / "one")

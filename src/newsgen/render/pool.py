"""Draw many pages on every core: forked workers, results in the order asked.

The pages, the Site and the Jinja environment are built once in this process;
forked workers inherit them, so a task is only a page's index and a result only
its bytes and the keys it read. A page a worker cannot draw is drawn again here,
so its error (a template mistake) is raised with its real type and message.

Forking a process that runs threads (the preview server) can deadlock, so there,
on a platform without fork, with one core or with few pages, pages are drawn here,
one after another. The output is the same either way.
"""
from __future__ import annotations

import threading
from typing import Callable, Iterator, Sequence, TypeVar

P = TypeVar("P")
Drawn = tuple[bytes, frozenset]

# Fewer pages than this are drawn in this process: starting workers costs more.
PARALLEL_MIN = 200

_draw: Callable[[object], Drawn] | None = None  # set in this process before forking
_pages: Sequence | None = None


def _work(i: int) -> Drawn | None:
    try:
        return _draw(_pages[i])  # type: ignore[misc,index]
    except Exception:  # noqa: BLE001 - drawn again in the parent, which raises it properly
        return None


def _started(forget: Callable[[], None] | None) -> None:
    if forget is not None:
        forget()
        from newsgen.gcpause import give_back

        give_back()


def _threads_running() -> bool:
    return threading.active_count() > 1


def draw_all(pages: Sequence[P], draw: Callable[[P], Drawn], jobs: int | None = None,
             forget: Callable[[], None] | None = None) -> Iterator[Drawn]:
    """draw(page) for every page, in order.

    forget: run in each worker as it starts, to let go of what only this process
    needs (a worker starts with all of this process's memory resident).
    """
    global _draw, _pages
    if jobs is None:
        from newsgen.build import default_jobs  # the same count extraction uses

        jobs = default_jobs()
    if jobs < 2 or len(pages) < PARALLEL_MIN or _threads_running():
        yield from (draw(p) for p in pages)
        return
    import multiprocessing

    try:
        context = multiprocessing.get_context("fork")
    except ValueError:
        yield from (draw(p) for p in pages)
        return
    from newsgen.gcpause import give_back

    give_back()  # what this process has freed would otherwise start resident in every worker
    _draw, _pages = draw, pages
    try:
        with context.Pool(jobs, _started, (forget,)) as pool:
            yield from _in_order(pool, pages, draw, jobs)
    finally:
        _draw = _pages = None


# Pages a task carries: small, so the workers finish together and a page's bytes
# reach the writer soon after it is drawn.
CHUNK = 32
# Tasks given out ahead of the one being written, per worker. The writer (this
# process) bounds what is in flight: when pages were all handed out at once, drawn
# pages waited here faster than they were written, and held hundreds of MB.
AHEAD = 3


def _chunk(start: int, stop: int) -> list[Drawn | None]:
    # What the pool sends workers by name; they look the pages up in the state they forked with.
    return [_work(i) for i in range(start, stop)]


def _in_order(pool, pages: Sequence[P], draw: Callable[[P], Drawn], jobs: int) -> Iterator[Drawn]:
    from collections import deque

    starts = iter(range(0, len(pages), CHUNK))
    pending: deque = deque()

    def give() -> None:
        start = next(starts, None)
        if start is not None:
            pending.append((start, pool.apply_async(_chunk, (start, min(start + CHUNK, len(pages))))))

    for _ in range(jobs * AHEAD):
        give()
    while pending:
        start, result = pending.popleft()
        got = result.get()
        give()
        for i, drawn in enumerate(got, start):
            yield drawn if drawn is not None else draw(pages[i])

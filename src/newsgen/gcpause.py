"""Pausing Python's cycle collector while a stage builds many acyclic objects.

The collector runs after every few hundred new container objects and, every tenth
and hundredth run, walks older objects too: at 5,000 articles the whole timeline
and the seed results, hundreds of thousands of objects, over and over while merging
claims or writing the data files. What those stages build (claims, records, sets,
dicts of strings) holds no reference cycle, so reference counting frees it all and
nothing waits for the collector; the collector runs again once the stage is done.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def paused() -> Iterator[None]:
    """No cycle collection inside; nested uses leave it to the outermost to restore."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def give_back() -> bool:
    """Collect what is garbage and return the C heap's free pages to the system.

    Called between stages: the seed results and the merging's working sets are
    freed by then, but the C allocator keeps the pages, and the render workers,
    forked next, would start with all of them resident (some 170 MB at 5,000
    articles). True if the allocator could be asked (glibc's malloc_trim)."""
    gc.collect()
    try:
        import ctypes

        libc = ctypes.CDLL(None)
        trim = libc.malloc_trim
    except (OSError, AttributeError):  # not glibc (macOS, musl, Windows): nothing to ask
        return False
    trim.argtypes = [ctypes.c_size_t]
    trim(0)
    return True

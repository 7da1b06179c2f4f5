"""gcpause.paused stops cycle collection inside and restores what was there before."""
import gc
import os
import platform
import sys

import pytest

from newsgen.gcpause import give_back, paused


def test_paused_inside_and_restored_after_even_on_error():
    assert gc.isenabled()
    with paused():
        assert not gc.isenabled()
        with paused():
            assert not gc.isenabled()
        assert not gc.isenabled(), "the inner pause must not restart the collector"
    assert gc.isenabled()
    with pytest.raises(ValueError):
        with paused():
            raise ValueError
    assert gc.isenabled()


def test_a_collector_switched_off_before_stays_off():
    gc.disable()
    try:
        with paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def _resident_mb() -> float:
    with open("/proc/self/statm", "rb") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / (1 << 20)


@pytest.mark.skipif(not (sys.platform.startswith("linux") and platform.libc_ver()[0] == "glibc"),
                    reason="malloc_trim is glibc's")
def test_give_back_returns_freed_heap_pages_that_live_objects_pin():
    # 120 MB of 4 KB strings with a survivor every 64 strings: the C heap cannot
    # shrink from its top, so the freed pages stay resident until they are given back.
    blocks = [bytes(4000) + bytes([i % 251]) for i in range(30_000)]
    kept = blocks[::64]
    del blocks
    gc.collect()
    before = _resident_mb()
    assert give_back() is True
    after = _resident_mb()
    assert before - after > 60, (before, after)
    assert len(kept) == 469

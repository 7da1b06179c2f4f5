"""gcpause.paused stops cycle collection inside and restores what was there before."""
import gc

import pytest

from newsgen.gcpause import paused


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

"""The analyst slot pool: taken without waiting, and drained before the app closes its driver."""

from __future__ import annotations

import threading

from stkg.api.analyst import AnalystPool


def test_a_full_pool_refuses_and_a_freed_slot_comes_back() -> None:
    pool = AnalystPool(1)
    slot = pool.try_take()
    assert slot is not None and pool.try_take() is None
    slot.release_unused()
    assert pool.in_use == 0 and pool.try_take() is not None


def test_drain_waits_for_a_query_still_running_in_its_thread() -> None:
    pool = AnalystPool(2)
    slot = pool.try_take()
    assert slot is not None
    go = threading.Event()
    worker = threading.Thread(target=slot.hold(go.wait))
    worker.start()
    assert pool.drain(0.05) is False  # the query still holds its slot
    go.set()
    assert pool.drain(5.0) is True
    worker.join()
    assert pool.in_use == 0
    assert AnalystPool(1).drain(0.0) is True  # nothing taken: nothing to wait for

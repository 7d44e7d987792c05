"""prefetch: order kept, errors raised where they happened, producer stopped early."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from stkg.graph.prefetch import prefetch


def test_items_come_out_in_order_and_all_of_them() -> None:
    assert list(prefetch(iter(range(1000)), ahead=3)) == list(range(1000))


def test_the_producer_runs_ahead_in_another_thread() -> None:
    produced: list[tuple[int, str]] = []
    second_made = threading.Event()

    def items() -> Iterator[int]:
        for i in range(3):
            produced.append((i, threading.current_thread().name))
            if i == 1:
                second_made.set()
            yield i

    it = prefetch(items(), ahead=1)
    assert next(it) == 0
    # item 1 is made before it is asked for; the wait is a guard against a hang only
    assert second_made.wait(timeout=120)
    assert [i for i, _ in produced][:2] == [0, 1]
    assert all(name == "stkg-prefetch" for _, name in produced)
    assert list(it) == [1, 2]


def test_a_producer_error_reaches_the_consumer_after_the_items_before_it() -> None:
    def items() -> Iterator[int]:
        yield 1
        yield 2
        raise ValueError("document 3 is unreadable")

    seen = []
    with pytest.raises(ValueError, match="document 3"):
        for item in prefetch(items()):
            seen.append(item)
    assert seen == [1, 2]


def test_stopping_early_stops_the_producer() -> None:
    made = 0

    def items() -> Iterator[int]:
        nonlocal made
        for i in range(10_000):
            made += 1
            yield i

    it = prefetch(items(), ahead=2)
    for item in it:
        if item == 5:
            break
    it.close()  # type: ignore[attr-defined]
    settled = made
    time.sleep(0.3)
    assert made == settled < 20  # nothing more computed once the consumer left


def test_ahead_must_be_positive() -> None:
    with pytest.raises(ValueError):
        list(prefetch([1], ahead=0))

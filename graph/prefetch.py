"""Run a producer one step ahead of its consumer, in a background thread.

A bulk write alternates two kinds of work: Python building the next batch (parsing,
extracting, validating facts, grouping rows) and Neo4j committing the current one while
the client waits on a socket. Done in turn, each side idles while the other works; with
the producer in a thread, the next batch is ready when the server finishes. The GIL is
released while the consumer waits on Neo4j, so the two really overlap.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterable, Iterator
from typing import TypeVar

__all__ = ["prefetch"]

T = TypeVar("T")

_DONE = object()


class _Failed:
    def __init__(self, error: BaseException):
        self.error = error


def prefetch(items: Iterable[T], ahead: int = 1) -> Iterator[T]:
    """Yield ``items`` in order, computing up to ``ahead`` of them before they are asked for.

    An exception raised by the producer is raised to the consumer at the item where it
    happened. When the consumer stops early (``break``, an exception, ``close()``), the
    producer stops at its next item and no more are computed.
    """
    if ahead < 1:
        raise ValueError("ahead must be at least 1")
    handoff: queue.Queue[object] = queue.Queue(maxsize=ahead)
    stop = threading.Event()

    def put(item: object) -> bool:
        while not stop.is_set():
            try:
                handoff.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for item in items:
                if not put(item):
                    return
        except BaseException as exc:  # handed to the consumer, raised there
            put(_Failed(exc))
            return
        put(_DONE)

    worker = threading.Thread(target=produce, name="stkg-prefetch", daemon=True)
    worker.start()
    try:
        while True:
            item = handoff.get()
            if item is _DONE:
                return
            if isinstance(item, _Failed):
                raise item.error
            yield item  # type: ignore[misc]
    finally:
        stop.set()
        worker.join(timeout=5)

"""Documents read and extracted in worker processes, handed back in input order.

``stkg ingest --jobs N`` builds documents (read, then extract: tables, statements, Kiwi
and spaCy) in N worker processes, while the process that asked keeps the one writer and
writes each document in its own transaction, in the order the documents were given. A
run's report and the graph it leaves are therefore those of one process.

Each worker loads the ontology and the NLP pipeline (Kiwi's model, spaCy) once, when it
starts, then builds the documents it is sent one after another. It is sent at most
:data:`AHEAD` at a time, and no document more than a few places ahead of the one the
caller waits for, so a slow document holds back only a bounded number of finished ones.

* A document that cannot be read comes back as the build function reports it (the path
  and the reason); nothing of the worker changes.
* Any other exception in a worker is raised in the caller at that document's place in
  the order, as it would be in one process; the worker's traceback is its cause.
* A worker that dies (killed, out of memory, a crash in native code) fails the document
  it was building, with a reason saying so; the documents it had been sent but not
  started go to the others, and a new worker takes its place. One that dies while it
  starts fails no document; when that happens again and again the run stops
  (:class:`WorkerStartError`), as it does when a worker cannot load what it needs.
* Workers are started by ``forkserver`` (``spawn`` where there is none), so the main
  module of a script that calls this must be importable without side effects (the
  ``if __name__ == "__main__":`` guard).
* Workers ignore Ctrl-C: the caller handles it, and every worker is ended when the
  iteration stops, however it stops. A worker also exits by itself as soon as the caller
  is gone (killed, say), even in the middle of loading or of a document.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import signal
import threading
import traceback
from collections import deque
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any, NamedTuple

from stkg.ingest.build import BuiltDocument
from stkg.ingest.readers import Limits
from stkg.ontology.model import Ontology, load_ontology

__all__ = ["AHEAD", "Build", "Built", "Task", "WorkerStartError", "built_in_workers"]

#: One document's outcome: its path, and its facts or the reason it cannot be read.
Built = tuple[Path, BuiltDocument | None, str | None]
#: Builds one document; it must be a module-level function (workers import it by name).
Build = Callable[[Path, Ontology, Limits, str | None], Built]

#: Documents sent to one worker before it has answered the first of them.
AHEAD = 2
#: Workers that may die while they start (before they are ready), before the run gives up.
_FAILED_STARTS = 3
#: Seconds a worker gets to stop after it is told to, before it is terminated.
_STOP_GRACE = 5.0


class Task(NamedTuple):
    """One document to build: its path, and the origin it is known by (None: its path)."""

    path: Path
    origin: str | None = None


class WorkerStartError(RuntimeError):
    """A worker could not load the ontology or the NLP pipeline; nothing was built."""


class _Raised:
    """An exception a worker raised for one document, to be raised again in its place."""

    def __init__(self, error: BaseException, remote: str) -> None:
        self.error = error
        self.remote = remote


class _RemoteTraceback(Exception):
    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text

    def __str__(self) -> str:
        return f"\n(in the worker process)\n{self.text}"


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    sent: deque[int] = field(default_factory=deque)  # task indices, in the order sent
    ready: bool = False  # it has loaded the ontology and the NLP pipeline


def built_in_workers(
    tasks: Sequence[Task], onto: Ontology, limits: Limits, *, jobs: int, build: Build
) -> Generator[Built, None, None]:
    """``build`` applied to every task in ``jobs`` worker processes, yielded in task order.

    The workers load ``onto`` again from its source files (an ontology is not sent
    between processes). Close the iterator (or exhaust it) to end them.
    """
    if not onto.sources:
        raise ValueError("worker processes need an ontology loaded from files")
    pool = _Pool(_context(), build, onto.sources, limits)
    outcomes: dict[int, Built | _Raised] = {}
    todo = deque(range(len(tasks)))
    finished = False
    try:
        pool.start(min(jobs, len(tasks)))
        for index in range(len(tasks)):
            while index not in outcomes:
                pool.send(tasks, todo, before=index + 2 * AHEAD * jobs)
                pool.collect(tasks, todo, outcomes)
            outcome = outcomes.pop(index)
            if isinstance(outcome, _Raised):
                raise outcome.error from _RemoteTraceback(outcome.remote)
            yield outcome
        finished = True
    finally:
        pool.stop(gently=finished)


class _Pool:
    def __init__(
        self, context: BaseContext, build: Build, sources: Sequence[Path], limits: Limits
    ) -> None:
        self.context = context
        # every worker holds the reading end; when this process ends or closes the
        # writing end, each of them reads EOF there and exits, whatever it is doing
        self.lifeline, self.alive = context.Pipe(duplex=False)
        self.args = (self.lifeline, build, tuple(sources), limits)
        self.workers: list[_Worker] = []
        self.failed_starts = 0

    def start(self, count: int) -> None:
        self.workers.extend(self._new() for _ in range(count))

    def _new(self) -> _Worker:
        ours, theirs = self.context.Pipe()
        process = self.context.Process(  # type: ignore[attr-defined]
            target=_serve, args=(theirs, *self.args), name="stkg-ingest-worker", daemon=True
        )
        process.start()
        theirs.close()  # the worker's end: closed here, so its death reads as EOF
        return _Worker(process, ours)

    def send(self, tasks: Sequence[Task], todo: deque[int], *, before: int) -> None:
        """Give every worker up to AHEAD tasks, none at or past index ``before``."""
        if todo and not self.workers:
            self.start(1)
        for worker in self.workers:
            while len(worker.sent) < AHEAD and todo and todo[0] < before:
                index = todo.popleft()
                try:
                    worker.conn.send((index, *tasks[index]))
                except OSError:  # it died: collect() finds out and hands its tasks on
                    todo.appendleft(index)
                    break
                worker.sent.append(index)

    def collect(
        self, tasks: Sequence[Task], todo: deque[int], outcomes: dict[int, Built | _Raised]
    ) -> None:
        """Wait for at least one answer or one death, and take in everything ready."""
        ends: dict[Any, _Worker] = {w.conn: w for w in self.workers}
        ends |= {w.process.sentinel: w for w in self.workers}
        ready = {id(ends[obj]): ends[obj] for obj in wait(list(ends))}
        for worker in ready.values():
            alive = _receive(worker, outcomes)
            if alive and worker.process.is_alive():
                continue
            self._bury(worker, tasks, todo, outcomes)

    def _bury(
        self,
        worker: _Worker,
        tasks: Sequence[Task],
        todo: deque[int],
        outcomes: dict[int, Built | _Raised],
    ) -> None:
        """A dead worker fails the task it was building and hands the others back; one
        that died while starting fails none, and the run stops when that repeats."""
        worker.process.join(_STOP_GRACE)
        worker.conn.close()
        if worker.ready and worker.sent:
            index = worker.sent.popleft()
            path = tasks[index].path
            outcomes[index] = (path, None, _died(path, worker.process.exitcode))
        todo.extendleft(reversed(worker.sent))
        self.workers.remove(worker)
        if not worker.ready:
            self.failed_starts += 1
            if self.failed_starts > _FAILED_STARTS:
                raise WorkerStartError(
                    "ingest workers keep ending while they start "
                    f"(the last: {_how(worker.process.exitcode)})"
                )
        if todo:
            self.workers.append(self._new())

    def stop(self, *, gently: bool) -> None:
        """End every worker: told to stop after a full run, terminated otherwise."""
        for worker in self.workers:
            if gently:
                with contextlib.suppress(OSError):  # already gone: nothing to tell
                    worker.conn.send(None)
            else:
                worker.process.terminate()
        for worker in self.workers:
            worker.process.join(_STOP_GRACE)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.conn.close()
        self.workers.clear()
        self.alive.close()
        self.lifeline.close()


def _receive(worker: _Worker, outcomes: dict[int, Built | _Raised]) -> bool:
    """Take every answer waiting on ``worker``'s pipe; False when the pipe is closed."""
    try:
        while worker.conn.poll():
            with _no_collection():
                message = worker.conn.recv()
            if message[0] == "ready":
                worker.ready = True
                continue
            if message[0] == "unable":
                raise WorkerStartError(
                    "an ingest worker could not start (ontology or NLP pipeline):\n" + message[1]
                )
            index = worker.sent.popleft()
            kind, _, payload, *remote = message
            outcomes[index] = _Raised(payload, remote[0]) if kind == "raised" else payload
    except (EOFError, OSError):
        return False
    return True


@contextlib.contextmanager
def _no_collection() -> Iterator[None]:
    """The garbage collector held off while a document's facts are unpickled: the many
    small objects would otherwise set off collections that cost more than the unpickling
    (1.8 against 0.7 ms of CPU per generated release); nothing made here is a cycle."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _died(path: Path, exitcode: int | None) -> str:
    return (
        f"cannot read {path.name}: the worker process extracting it ended unexpectedly "
        f"({_how(exitcode)}); nothing was written for it"
    )


def _how(exitcode: int | None) -> str:
    """How a process ended, from its exit code (negative: the signal that killed it)."""
    if exitcode is None or exitcode >= 0:
        return f"exit code {exitcode}"
    try:
        return f"killed by {signal.Signals(-exitcode).name}"
    except ValueError:
        return f"killed by signal {-exitcode}"


def _context() -> BaseContext:
    """forkserver where there is one (workers fork from a clean process that has imported
    the extraction code once), else spawn; never a fork of the caller, whose threads
    (a progress display, the Neo4j driver) could hold locks the child would inherit."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([__name__, "stkg.ingest.files"])
        return context
    return multiprocessing.get_context("spawn")


# --- in the worker ------------------------------------------------------------------


def _serve(
    conn: Connection,
    lifeline: Connection,
    build: Build,
    sources: tuple[Path, ...],
    limits: Limits,
) -> None:
    """A worker's life: load once, then build each task sent until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the caller's to handle
    threading.Thread(target=_exit_with_caller, args=(lifeline,), daemon=True).start()
    try:
        onto = _load(sources)
    except Exception:
        conn.send(("unable", traceback.format_exc()))
        return
    with contextlib.suppress(EOFError, OSError):  # the caller is gone: nothing to answer
        conn.send(("ready",))
        while (task := conn.recv()) is not None:
            index, path, origin = task
            conn.send(_answer(build, index, path, onto, limits, origin))


def _exit_with_caller(lifeline: Connection) -> None:
    """Wait for the caller to close its end of ``lifeline`` (or to end), then exit at once."""
    with contextlib.suppress(EOFError, OSError):
        while True:
            lifeline.recv()
    os._exit(0)


def _load(sources: tuple[Path, ...]) -> Ontology:
    """The ontology, and the NLP pipeline built once (Kiwi's model loaded) before any
    document asks for it."""
    from stkg.ingest.extract.analysis import analyse

    onto = load_ontology(sources)
    analyse("준비", onto)
    return onto


def _answer(
    build: Build, index: int, path: Path, onto: Ontology, limits: Limits, origin: str | None
) -> tuple[object, ...]:
    try:
        return ("built", index, build(path, onto, limits, origin))
    except Exception as exc:
        return ("raised", index, _portable(exc), traceback.format_exc())


def _portable(exc: Exception) -> BaseException:
    """``exc`` if it survives pickling, else a RuntimeError that says what it was."""
    import pickle

    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc

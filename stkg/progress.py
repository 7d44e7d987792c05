"""The steps of a long command, shown as they happen.

In a terminal each step is a line of a Rich progress display (spinner, time taken, what
it is doing, how far it got; a tick once done). Otherwise (a log file, CI, a pipe) each
step is a plain line, its progress at most every :data:`DETAIL_EVERY` seconds, and a
still-working line whenever nothing was printed for :data:`HEARTBEAT` seconds, so the
output never goes quiet for long.
"""

from __future__ import annotations

import threading
import time
from types import TracebackType

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Column

#: Seconds of silence after which a plain-text reporter says the step is still running.
HEARTBEAT = 5.0
#: Least seconds between two plain-text progress lines of one step.
DETAIL_EVERY = 2.0


class StepReporter:
    """Reports steps (:class:`stkg.graph.local.steps.Steps`) on a console."""

    def __init__(self, console: Console, *, heartbeat: float = HEARTBEAT) -> None:
        self.console = console
        self.live = console.is_terminal
        self.heartbeat = heartbeat
        self._lock = threading.Lock()
        self._title: str | None = None
        self._detail = ""
        self._began = self._printed = time.monotonic()
        self._progress: Progress | None = None
        self._task: TaskID | None = None
        self._stop = threading.Event()
        self._ticker: threading.Thread | None = None

    # -- the Steps protocol ------------------------------------------------------------
    def step(self, title: str) -> None:
        with self._lock:
            self._end_step()
            self._title, self._detail = title, ""
            self._began = time.monotonic()
            if self._progress is not None:
                self._task = self._progress.add_task(title, total=None, detail="")
            else:
                self._say(f"{title} ...")

    def detail(self, text: str) -> None:
        with self._lock:
            self._detail = text
            if self._progress is not None and self._task is not None:
                self._progress.update(self._task, detail=text)
            elif time.monotonic() - self._printed >= DETAIL_EVERY:
                self._say(f"  {text}")

    # -- start and end -----------------------------------------------------------------
    def __enter__(self) -> StepReporter:
        if self.live:
            self._progress = Progress(
                SpinnerColumn(finished_text="[green]✓[/]"),
                TimeElapsedColumn(),
                TextColumn("{task.description}", table_column=_ellipsis()),
                TextColumn("[dim]{task.fields[detail]}[/]", table_column=_ellipsis()),
                console=self.console,
            )
            self._progress.start()
        else:
            self._ticker = threading.Thread(target=self._tick, name="stkg-steps", daemon=True)
            self._ticker.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._stop.set()
        if self._ticker is not None:
            self._ticker.join()
        with self._lock:
            self._end_step(failed=exc_type is not None)
            if self._progress is not None:
                self._progress.stop()

    # -- internals ---------------------------------------------------------------------
    def _end_step(self, failed: bool = False) -> None:
        if self._title is None:
            return
        took = time.monotonic() - self._began
        if self._progress is not None and self._task is not None:
            if failed:
                self._progress.update(self._task, description=f"[red]✗[/] {self._title}")
                self._progress.stop_task(self._task)
            else:
                self._progress.update(self._task, total=1, completed=1)
        else:
            detail = f"; {self._detail}" if self._detail else ""
            self._say(f"  {'failed' if failed else 'done'} after {took:.1f}s{detail}")
        self._title, self._task = None, None

    def _tick(self) -> None:
        while not self._stop.wait(0.5):
            with self._lock:
                now = time.monotonic()
                if self._title is not None and now - self._printed >= self.heartbeat:
                    detail = f"; {self._detail}" if self._detail else ""
                    self._say(f"  still working, {now - self._began:.0f}s{detail}")

    def _say(self, line: str) -> None:
        self.console.print(line, markup=False, highlight=False, soft_wrap=True)
        self._printed = time.monotonic()


def _ellipsis() -> Column:
    """A column cut short with … on a narrow terminal, never wrapped over two lines."""
    return Column(no_wrap=True, overflow="ellipsis")

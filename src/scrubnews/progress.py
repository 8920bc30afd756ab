"""What a batch run shows on a terminal: a progress bar, then a one-line summary.

Files done out of all, files per second, time left and failures so far.
Errors print above the bar as they happen. When standard error is not a
terminal (or with ``--quiet``) nothing is shown but the errors.
"""

from __future__ import annotations

from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)
from rich.text import Text


class _RateColumn(ProgressColumn):
    """Files per second."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("" if speed is None else f"{speed:,.0f} files/s", style="cyan")


class BatchProgress:
    """A context manager; ``advance`` after each file, ``failed`` counted in the bar."""

    def __init__(self, console: Console, total: int, show: bool) -> None:
        self.console = console
        self.failures = 0
        self._progress: Progress | None = None
        self._task: TaskID | None = None
        if show:
            self._progress = Progress(
                BarColumn(),
                MofNCompleteColumn(),
                _RateColumn(),
                TimeRemainingColumn(),
                TextColumn("[red]{task.fields[failures]} failed"),
                console=console,
                transient=True,
            )
            self._task = self._progress.add_task("clean", total=total, failures=0)

    def __enter__(self) -> BatchProgress:
        if self._progress is not None:
            self._progress.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        if self._progress is not None:
            self._progress.stop()

    def advance(self, failed: bool) -> None:
        if failed:
            self.failures += 1
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, advance=1, failures=self.failures)

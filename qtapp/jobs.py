"""Work that may take long runs off the GUI thread, one job at a time.

A job is a plain function ``fn(progress) -> result``; it opens its own SQLite
connection if it needs one (connections are not shared between threads). Results and
errors come back on the GUI thread through signals. A progress dialog appears only if
the job runs longer than half a second, so quick work never flashes a dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

Progress = Callable[[int, int], None]
SHOW_PROGRESS_AFTER_MS = 500


class JobSignals(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)  # the exception


class Job(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = JobSignals()
        self.setAutoDelete(False)  # the runner keeps it until its signals have been handled

    def run(self) -> None:
        try:
            result = self.fn(lambda done, total: self.signals.progress.emit(done, total))
        except BaseException as exc:  # reported to the window, never lost in a thread
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)


class JobRunner(QObject):
    """Runs jobs on one worker thread: one writer at a time, in the order started."""

    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.running: list[Job] = []
        self.closed = False  # after shutdown(): results are dropped, the file is closed

    def start(
        self,
        fn: Callable[[Progress], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        *,
        title: str = "",
        parent: QWidget | None = None,
        owner: QObject | None = None,
    ) -> Job:
        """Run ``fn`` on the worker thread; hand its result to ``on_done`` (or its error to
        ``on_error``) on the GUI thread — unless ``owner`` (or ``parent``) was deleted
        meanwhile, e.g. a window closed while its tasks were loading."""
        job = Job(fn)
        owner = owner or parent
        dialog = None
        if title and parent is not None:
            dialog = QProgressDialog(title, "", 0, 0, parent)
            dialog.setCancelButton(None)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(SHOW_PROGRESS_AFTER_MS)
            dialog.setAutoClose(False)
            dialog.setValue(0)

            def show_progress(done: int, total: int) -> None:
                dialog.setMaximum(max(total, 1))
                dialog.setValue(min(done, max(total, 1)))

            job.signals.progress.connect(show_progress)

        def finish(handler: Callable[[Any], None], value: Any) -> None:
            if dialog is not None:
                dialog.reset()
                dialog.deleteLater()
            self.running.remove(job)
            if not self.closed and (owner is None or shiboken6.isValid(owner)):
                handler(value)
            if not self.running:
                self.idle.emit()

        job.signals.finished.connect(lambda result: finish(on_done, result))
        job.signals.failed.connect(lambda exc: finish(on_error, exc))
        self.running.append(job)
        self.pool.start(job)
        return job

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)

    def shutdown(self) -> None:
        """Finish what runs and drop the results still to be delivered (the database they
        would be shown from is being closed)."""
        self.wait()
        self.closed = True

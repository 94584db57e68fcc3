"""A measuring aid for the benchmark: with ``DUBAN_STARTUP_PROBE=1`` in the environment,
the window prints "ready" once it is shown with the plan's tasks in its table, then closes.

``python -m bench`` starts the real program this way — ``python main.py`` and the bundled
``duban`` alike — and times it from outside, from spawning the process to that line.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget


def _ready(app: QApplication) -> None:
    print("ready", flush=True)
    app.quit()


def _watch(window: QWidget, app: QApplication) -> None:
    tasks = window.tasks  # type: ignore[attr-defined]
    if tasks.model.rowCount():
        _ready(app)
    else:
        tasks.loaded.connect(lambda: _ready(app) if tasks.model.rowCount() else None)


def _main_window(app: QApplication) -> QWidget | None:
    from qtapp.ui.main_window import MainWindow

    for widget in app.topLevelWidgets():
        if isinstance(widget, MainWindow) and widget.isVisible():
            return widget
    return None


class _ShownWatcher(QObject):
    """Waits for the main window's first show, when it was not shown yet as the event loop
    started (only then: a filter on every event would slow the start it measures)."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            window = _main_window(self.app)
            if window is not None:
                self.app.removeEventFilter(self)
                _watch(window, self.app)
        return False


def report_when_ready() -> None:
    """Arrange for "ready" to be printed (call before the window is built)."""
    from qtapp.app import application

    app = application()

    def first_turn() -> None:
        window = _main_window(app)
        if window is not None:
            _watch(window, app)
        else:
            app.installEventFilter(_ShownWatcher(app))

    QTimer.singleShot(0, first_turn)

"""Start-up: from process start to a shown window with the task table filled, against a
bare PySide6 window (a main window with an empty table view) started the same way.

Both run as ``python -m bench.startup app DB`` / ``python -m bench.startup bare`` in a fresh
process on the offscreen platform; each prints "ready" once its window is shown and (for
Duban) the table holds the plan's tasks, and the parent times from spawn to that line.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _ready(app: object) -> None:
    print("ready", flush=True)
    app.quit()  # type: ignore[attr-defined]


def run_app(db_path: str) -> None:
    """What ``python main.py --db DB`` does, plus saying when the table is filled."""
    import cli  # noqa: F401 - main.py imports the command line first
    from qtapp.app import application, build_window

    app = application()
    window = build_window(db_path, language="zh_CN")
    window.tasks.loaded.connect(lambda: _ready(app) if window.tasks.model.rowCount() else None)
    window.show()
    app.exec()
    window.ctx.close()


def run_bare() -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setCentralWidget(QTableView(window))
    window.resize(1440, 860)
    window.show()
    QTimer.singleShot(0, lambda: _ready(app))
    app.exec()


def spawn_seconds(args: list[str], home: Path) -> float:
    """Seconds from starting the process to its "ready" line. ``home`` holds the probe's
    settings and caches, so that the clerk's own (recent files, window layout) are not
    touched."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
    }
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "bench.startup", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - started
    proc.wait(timeout=60)
    if line.strip() != "ready":
        raise RuntimeError(f"start-up probe {args} did not get ready")
    return elapsed


def startup_seconds(db_path: Path, repeat: int) -> tuple[float, float]:
    """(Duban, bare window): medians, the two interleaved so both see the same machine."""
    app, bare = [], []
    with tempfile.TemporaryDirectory(prefix="duban-startup-") as tmp:
        home = Path(tmp)
        spawn_seconds(["bare"], home)  # warm the file cache (and compile the translation)
        spawn_seconds(["app", str(db_path)], home)
        for _ in range(repeat):
            bare.append(spawn_seconds(["bare"], home))
            app.append(spawn_seconds(["app", str(db_path)], home))
    return statistics.median(app), statistics.median(bare)


if __name__ == "__main__":
    if sys.argv[1] == "app":
        run_app(sys.argv[2])
    else:
        run_bare()

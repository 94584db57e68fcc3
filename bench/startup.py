"""Start-up: from process start to a shown window with the task table filled, against a
bare PySide6 window (a main window with an empty table view) started the same way.

Duban is started as a clerk starts it — ``python main.py --db DB``, and the bundled program
``dist/duban/duban --db DB`` when it has been built (``python tools/build_bundle.py``) —
with ``DUBAN_STARTUP_PROBE=1``, which makes the window print "ready" once its table holds
the plan's tasks (``qtapp/startup_probe.py``). The bare window is ``python -m bench.startup
bare``. Each runs in a fresh process on the offscreen platform, and the parent times from
spawning it to that line.
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
BUNDLE_FOLDER = ROOT / "dist" / "duban"


def bundled_program() -> Path | None:
    """The built one-folder program (``DUBAN_BUNDLE`` names another), or None."""
    named = os.environ.get("DUBAN_BUNDLE")
    program = (
        Path(named)
        if named
        else BUNDLE_FOLDER / ("duban.exe" if sys.platform == "win32" else "duban")
    )
    return program if program.is_file() else None


def run_bare() -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setCentralWidget(QTableView(window))
    window.resize(1440, 860)
    window.show()

    def ready() -> None:
        print("ready", flush=True)
        app.quit()

    QTimer.singleShot(0, ready)
    app.exec()


def spawn_seconds(command: list[str], home: Path) -> float:
    """Seconds from starting ``command`` to its "ready" line. ``home`` holds the probe's
    settings, data and caches, so that the clerk's own (recent files, window layout, log)
    are not touched."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "DUBAN_STARTUP_PROBE": "1",
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "WIN_PD_OVERRIDE_LOCAL_APPDATA": str(home / "data"),  # Windows: the data folder
    }
    started = time.perf_counter()
    proc = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - started
    proc.wait(timeout=60)
    if line.strip() != "ready":
        raise RuntimeError(f"start-up probe {command} did not get ready")
    return elapsed


def startup_seconds(db_path: Path, repeat: int) -> dict[str, float]:
    """Medians by name: "app" (python main.py), "bundle" (when built), "bare"; the runs
    interleaved so that all see the same machine."""
    window = ["--lang", "zh_CN", "--db", str(db_path)]
    commands = {
        "bare": [sys.executable, "-m", "bench.startup", "bare"],
        "app": [sys.executable, str(ROOT / "main.py"), *window],
    }
    program = bundled_program()
    if program is not None:
        commands["bundle"] = [str(program), *window]
    times: dict[str, list[float]] = {name: [] for name in commands}
    with tempfile.TemporaryDirectory(prefix="duban-startup-") as tmp:
        home = Path(tmp)
        for command in commands.values():  # warm the file cache (and compile the translation)
            spawn_seconds(command, home)
        for _ in range(repeat):
            for name, command in commands.items():
                times[name].append(spawn_seconds(command, home))
    return {name: statistics.median(values) for name, values in times.items()}


if __name__ == "__main__":
    run_bare()

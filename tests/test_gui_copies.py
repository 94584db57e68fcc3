"""The window keeps the database file itself current and gives the clerk a safe copy; a
backup it could not make is said, once, in the strip above the panes."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel

from cli import main
from qtapp.app import build_window
from qtapp.prompts import ScriptedPrompts
from qtapp.ui.main_window import MainWindow
from qtapp.ui_settings import UiSettings

pytestmark = pytest.mark.gui


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    from cli.demo import prepare_demo

    return prepare_demo(tmp_path / "office.sqlite3")


@pytest.fixture
def settings(tmp_path: Path) -> UiSettings:
    return UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))


def _window(qtbot, path: Path, settings: UiSettings, prompts: ScriptedPrompts) -> MainWindow:
    win = build_window(path, language="en", ui_settings=settings, prompts=prompts)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.tasks.model.rowCount() == 152, timeout=10000)
    win.ctx.jobs.wait()  # the day's backup
    return win


def _leads(path: Path) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM assignments WHERE role = 'lead'").fetchone()[0]
    finally:
        conn.close()


def test_after_a_burst_of_saves_the_file_alone_holds_them(
    qtbot, demo: Path, settings: UiSettings, tmp_path: Path
) -> None:
    win = _window(qtbot, demo, settings, ScriptedPrompts())
    office = win.ctx.db.execute("SELECT id FROM departments WHERE name = '办公室'").fetchone()[0]
    ids = [win.tasks.model.record(i).id for i in range(30)]
    with qtbot.waitSignal(win.ctx.checkpointed, timeout=10000):
        for task_id in ids:  # thirty saves in a row, as a clerk assigns one by one
            assert win.actions_.assign([task_id], {"lead": office})
    copy = tmp_path / "copied-by-hand.sqlite3"
    shutil.copyfile(demo, copy)  # the file only, as Explorer copies it: no -wal
    assert _leads(copy) == 30


def test_save_a_copy_writes_a_whole_copy_while_the_window_works(
    qtbot, demo: Path, settings: UiSettings, tmp_path: Path
) -> None:
    target = tmp_path / "U盘" / "督办-副本.sqlite3"
    target.parent.mkdir()
    prompts = ScriptedPrompts(str(target))
    win = _window(qtbot, demo, settings, prompts)
    office = win.ctx.db.execute("SELECT id FROM departments WHERE name = '办公室'").fetchone()[0]
    assert win.actions_.assign([win.tasks.model.record(0).id], {"lead": office})
    with qtbot.waitSignal(win.files.copy_saved, timeout=10000):
        win.findChild(QAction, "saveCopyAction").trigger()
    assert prompts.shown[0][0] == "save"
    assert _leads(target) == 1 and not Path(f"{target}-wal").exists()
    assert str(target) in win.statusBar().currentMessage()
    # The copy is a database of its own that opens anywhere.
    assert main(["--db", str(target), "check"]) == 0


def test_a_backup_that_cannot_be_made_is_said_once_and_the_window_works(
    qtbot, demo: Path, settings: UiSettings
) -> None:
    Path(f"{demo.with_suffix('')}.backups").write_text("a file where the folder should be")
    win = _window(qtbot, demo, settings, ScriptedPrompts())
    qtbot.waitUntil(lambda: bool(win.ctx.notices), timeout=10000)
    banner = win.findChild(QLabel, "accessBannerText")
    assert banner.isVisibleTo(win) and "backup could not be made" in banner.text()
    assert banner.text().count("could not be made") == 1
    assert not win.ctx.read_only
    office = win.ctx.db.execute("SELECT id FROM departments WHERE name = '办公室'").fetchone()[0]
    assert win.actions_.assign([win.tasks.model.record(0).id], {"lead": office})


def test_a_full_disk_during_an_edit_is_explained_and_changes_nothing(
    qtbot, demo: Path, settings: UiSettings
) -> None:
    prompts = ScriptedPrompts()
    win = _window(qtbot, demo, settings, prompts)
    db = win.ctx.db
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages}")  # not one page more: a full disk
    office = db.execute("SELECT id FROM departments WHERE name = '办公室'").fetchone()[0]
    ids = [win.tasks.model.record(i).id for i in range(152)]
    assert not win.actions_.assign(ids, {"lead": office, "deadline": "年底前"})
    kind, _title, text = prompts.shown[-1]
    assert kind == "error" and "disk is full" in text and str(demo) in text
    assert _leads(demo) == 0 and win.ctx.undo_stack.count() == 0

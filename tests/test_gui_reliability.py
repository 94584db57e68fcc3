"""The window's side of "nothing lost": read-only when another Duban edits the file, the
day's backup, restoring a backup, a damaged file at start-up, a network share; the file
itself kept current and a safe copy; a backup that cannot be made, and a full disk."""

from __future__ import annotations

import random
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QPushButton

from cli import main
from db.backups import backup_database, backup_dir_for, list_backups
from db.connection import journal_mode
from db.store import open_store
from qtapp.app import build_window
from qtapp.context import AppContext
from qtapp.prompts import ScriptedPrompts
from qtapp.startup import StartAction
from qtapp.ui.main_window import MainWindow
from qtapp.ui.restore_dialog import RestoreDialog
from qtapp.ui_settings import UiSettings
from tests.reliability.restores import content, garble_pages

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
    return win


@pytest.fixture
def first(demo: Path, settings: UiSettings) -> Iterator[AppContext]:
    ctx = AppContext(demo, ScriptedPrompts(), settings)
    yield ctx
    ctx.close()


def test_a_second_window_is_read_only_says_who_and_changes_nothing(
    qtbot, demo: Path, settings: UiSettings, first: AppContext
) -> None:
    prompts = ScriptedPrompts()
    win = _window(qtbot, demo, settings, prompts)
    ctx = win.ctx
    assert ctx.read_only and not first.read_only
    banner = win.findChild(QLabel, "accessBannerText")
    assert banner.isVisibleTo(win) and "read-only" in banner.text().lower()
    assert str(first.store.lock.holder.pid) in banner.text()
    assert "[read-only]" in win.windowTitle()
    before = content(demo)
    # Every editor is disabled: nothing is offered that would be refused.
    win.tasks.select_ids([win.tasks.model.record(0).id])
    qtbot.waitUntil(lambda: win.detail.task_editor.draft_key() is not None, timeout=5000)
    assert win.detail.task_editor.text.isReadOnly()
    assert not win.detail.editor.isEnabled()
    assert not win.detail.progress.progress.isEnabled()
    assert not win.findChild(QAction, "splitAction").isEnabled()
    assert not win.findChild(QAction, "importAction").isEnabled()
    assert win.tasks.table.editTriggers() == win.tasks.table.EditTrigger.NoEditTriggers
    assert not win.actions_.assign([win.tasks.model.record(0).id], {"deadline": "年底前"})
    assert prompts.shown[-1][0] == "error" and "read-only" in prompts.shown[-1][2]
    assert content(demo) == before
    # Still read-only while the other one has the file …
    qtbot.mouseClick(win.findChild(QPushButton, "openForEditingButton"), Qt.MouseButton.LeftButton)
    assert ctx.read_only
    # … and writable once it gave it back.
    first.close()
    win.findChild(QAction, "openForEditingAction").trigger()
    assert not ctx.read_only and not banner.isVisibleTo(win)
    assert "[read-only]" not in win.windowTitle()
    assert win.detail.editor.isEnabled() and win.findChild(QAction, "splitAction").isEnabled()
    assert win.actions_.assign([win.tasks.model.record(0).id], {"deadline": "年底前"})


def test_the_window_makes_the_days_backup_off_the_gui_thread(
    qtbot, demo: Path, settings: UiSettings
) -> None:
    assert list_backups(demo) == []
    win = _window(qtbot, demo, settings, ScriptedPrompts())
    win.ctx.jobs.wait()
    assert [b.reason for b in list_backups(demo)] == ["daily"]


def test_restore_a_backup_from_the_window(qtbot, demo: Path, settings: UiSettings) -> None:
    prompts = ScriptedPrompts()
    win = _window(qtbot, demo, settings, prompts)
    ctx = win.ctx
    good = backup_database(ctx.db, backup_dir_for(demo), reason="by-hand")
    ids = [win.tasks.model.record(i).id for i in range(10)]
    office = ctx.db.execute("SELECT id FROM departments WHERE name = '办公室'").fetchone()[0]
    assert win.actions_.assign(ids, {"lead": office})
    assert ctx.undo_stack.count() == 1
    dialog = RestoreDialog(ctx, win)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=10000):
        pass
    assert dialog.model.rowCount() >= 1
    row = next(
        r for r in range(dialog.model.rowCount()) if dialog.model.record(r).backup.path == good
    )
    dialog.table.selectRow(row)
    prompts.answers.append(True)  # yes, restore
    with qtbot.waitSignal(dialog.restored, timeout=10000) as signal:
        qtbot.mouseClick(dialog.findChild(QPushButton, "restoreButton"), Qt.MouseButton.LeftButton)
    assert content(demo) == content(good)
    assert ctx.undo_stack.count() == 0  # the history spoke of the file as it was
    kept = signal.args[0]
    assert kept is not None and kept.exists()
    qtbot.waitUntil(lambda: all(not win.tasks.model.record(i).lead for i in range(10)))


def test_a_damaged_file_at_start_up_offers_the_newest_good_backup(
    qtbot, demo: Path, settings: UiSettings
) -> None:
    with open_store(demo, "command line") as store:
        good = backup_database(store.db, backup_dir_for(demo), reason="by-hand")
    garble_pages(demo, random.Random(5))
    damaged = demo.read_bytes()
    # The clerk quits: nothing opened, nothing changed.
    quit_now = ScriptedPrompts(StartAction.QUIT)
    assert build_window(demo, language="en", ui_settings=settings, prompts=quit_now) is None
    assert demo.read_bytes() == damaged
    assert quit_now.shown[0][:2] == ("start", "damaged")
    prompts = ScriptedPrompts(StartAction.RESTORE)
    win = _window(qtbot, demo, settings, prompts)
    assert prompts.shown[0][:2] == ("start", "damaged") and "damaged" in prompts.shown[0][2]
    assert content(demo) == content(good) and not win.ctx.read_only
    assert any(b.reason == "damaged" for b in list_backups(demo))


def test_a_database_on_a_network_share_says_so(
    qtbot, demo: Path, settings: UiSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DUBAN_NETWORK_SHARE", "1")
    win = _window(qtbot, demo, settings, ScriptedPrompts())
    banner = win.findChild(QLabel, "accessBannerText")
    assert banner.isVisibleTo(win) and "network share" in banner.text()
    assert journal_mode(win.ctx.db) == "delete"
    assert not win.findChild(QPushButton, "openForEditingButton").isVisibleTo(win)


# -- copies, a failed backup, a full disk ---------------------------------------------------


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
    win.ctx.jobs.wait()
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

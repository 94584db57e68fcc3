"""Starting the window: the last file, the start choices when a file cannot be opened,
the title, and an unexpected error that is explained and logged while the window goes on."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer

from cli.demo import prepare_demo
from qtapp.app import build_window, install_error_dialog
from qtapp.prompts import ScriptedPrompts
from qtapp.startup import StartAction
from qtapp.ui_settings import UiSettings

pytestmark = pytest.mark.gui


@pytest.fixture
def settings(tmp_path: Path) -> UiSettings:
    return UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))


def open_plainly(qtbot, settings: UiSettings, prompts: ScriptedPrompts):
    window = build_window(None, language="en", ui_settings=settings, prompts=prompts)
    assert window is not None
    qtbot.addWidget(window)
    window.show()
    return window


def test_a_plain_start_reopens_the_last_file_and_names_it_once(
    qtbot, tmp_path: Path, settings: UiSettings
) -> None:
    office = prepare_demo(tmp_path / "office.sqlite3")
    settings.add_recent_file(tmp_path / "older.sqlite3")
    settings.add_recent_file(office)
    window = open_plainly(qtbot, settings, ScriptedPrompts())
    assert window.ctx.db_path == office
    qtbot.waitUntil(lambda: window.tasks.model.rowCount() == 152, timeout=10000)
    assert window.windowTitle() == "2020年全市教育工作要點 — office.sqlite3 — Duban"
    window.close()


def test_a_missing_last_file_offers_the_start_choices(
    qtbot, tmp_path: Path, settings: UiSettings
) -> None:
    gone = tmp_path / "usb" / "office.sqlite3"
    other = prepare_demo(tmp_path / "other.sqlite3")
    settings.add_recent_file(gone)
    prompts = ScriptedPrompts(StartAction.OPEN, str(other))
    window = open_plainly(qtbot, settings, prompts)
    assert prompts.shown[0][:2] == ("start", "missing_last")
    assert "USB" in prompts.shown[0][2]
    assert window.ctx.db_path == other
    assert settings.recent_files()[0] == str(other.resolve())
    window.close()


def test_a_new_database_can_be_made_from_the_start_choices(
    qtbot, tmp_path: Path, settings: UiSettings
) -> None:
    settings.add_recent_file(tmp_path / "gone.sqlite3")
    # The clerk first cancels the file dialog (back to the choices), then makes a file.
    prompts = ScriptedPrompts(StartAction.NEW, None, StartAction.NEW, str(tmp_path / "新"))
    window = open_plainly(qtbot, settings, prompts)
    assert [s[0] for s in prompts.shown] == ["start", "save", "start", "save"]
    assert window.ctx.db_path == tmp_path / "新.sqlite3"
    assert window.windowTitle() == "新.sqlite3 — Duban"
    window.close()


def test_quitting_from_the_start_choices_opens_nothing(
    tmp_path: Path, settings: UiSettings
) -> None:
    settings.add_recent_file(tmp_path / "gone.sqlite3")
    prompts = ScriptedPrompts(StartAction.QUIT)
    assert build_window(None, language="en", ui_settings=settings, prompts=prompts) is None
    assert not (tmp_path / "gone.sqlite3").exists()


def test_an_unexpected_error_is_explained_logged_and_the_window_goes_on(
    qtbot, tmp_path: Path, settings: UiSettings, caplog: pytest.LogCaptureFixture
) -> None:
    office = prepare_demo(tmp_path / "office.sqlite3")
    prompts = ScriptedPrompts()
    window = build_window(office, language="en", ui_settings=settings, prompts=prompts)
    qtbot.addWidget(window)
    window.show()
    log_file = tmp_path / "duban.log"
    previous = sys.excepthook
    install_error_dialog(prompts, log_file)
    try:

        def broken() -> None:
            raise RuntimeError("a bug in a slot")

        with caplog.at_level(logging.ERROR, logger="duban"):
            QTimer.singleShot(0, broken)
            qtbot.waitUntil(lambda: bool(prompts.shown), timeout=5000)
    finally:
        sys.excepthook = previous
    kind, title, text = prompts.shown[0]
    assert (kind, title) == ("error", "Unexpected error")
    assert str(log_file) in text and "RuntimeError" not in text
    assert "a bug in a slot" in caplog.text
    qtbot.waitUntil(lambda: window.tasks.model.rowCount() == 152, timeout=10000)
    assert window.isVisible()
    window.close()


def test_an_empty_database_shows_the_first_steps(
    qtbot, tmp_path: Path, settings: UiSettings
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    window = build_window(
        tmp_path / "new.sqlite3", language="en", ui_settings=settings, prompts=ScriptedPrompts()
    )
    qtbot.addWidget(window)
    window.show()
    assert window.tasks.pages.currentWidget() is window.tasks.welcome
    qtbot.mouseClick(window.findChild(QPushButton, "welcomeDemoButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.tasks.model.rowCount() == 152, timeout=10000)
    assert window.tasks.pages.currentWidget() is not window.tasks.welcome
    assert window.ctx.db_path.name == "duban-demo.sqlite3"
    assert (tmp_path / "new.sqlite3").exists()  # the clerk's own file is left as it was
    window.close()


def test_a_restore_is_offered_only_where_a_backup_helps(tmp_path: Path) -> None:
    from db.backups import backup_database, backup_dir_for
    from db.errors import StoreError
    from db.store import open_store
    from qtapp.startup import problem_of

    office = prepare_demo(tmp_path / "office.sqlite3")
    with open_store(office, "command line") as store:
        backup_database(store.db, backup_dir_for(office), reason="by-hand")
    damaged = problem_of(office, StoreError(str(office), "damaged", code="damaged"))
    assert damaged.backup is not None
    full = problem_of(office, StoreError(str(office), "the disk is full", code="disk_full"))
    assert full.backup is None  # a backup in its place would not help

"""Typing is never dropped: unsaved text in the progress editor, the task text and the
assignment editor survives another task, another period, another part of the plan and a
restart, as a draft that comes back with Save and Discard. Real widgets, real file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QPushButton, QTreeView

from cli.demo import prepare_demo
from db.connection import open_database
from db.plans import list_plans
from db.progress import add_year_of_periods, get_progress, list_periods
from db.tasks import list_tasks
from qtapp.app import build_window
from qtapp.prompts import ScriptedPrompts
from qtapp.ui.main_window import MainWindow
from qtapp.ui_settings import UiSettings
from tests.gui_helpers import type_text

pytestmark = pytest.mark.gui


@pytest.fixture
def office(tmp_path: Path) -> Path:
    path = prepare_demo(tmp_path / "office.sqlite3")
    db = open_database(path)
    add_year_of_periods(db, list_plans(db)[0].id, 2020, "quarter")
    db.close()
    return path


@pytest.fixture
def settings(tmp_path: Path) -> UiSettings:
    return UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))


def open_window(qtbot, office: Path, settings: UiSettings) -> MainWindow:
    win = build_window(office, language="en", ui_settings=settings, prompts=ScriptedPrompts())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.tasks.model.rowCount() == 152, timeout=10000)
    return win


@pytest.fixture
def window(qtbot, office: Path, settings: UiSettings) -> Iterator[MainWindow]:
    win = open_window(qtbot, office, settings)
    yield win
    win.ctx.jobs.wait()


def select(qtbot, win: MainWindow, code: str) -> int:
    task = next(t for t in win.tasks.model.records() if t.code == code)
    win.tasks.select_ids([task.id])
    qtbot.waitUntil(lambda: win.detail.task_editor.draft_key() is not None, timeout=5000)
    return task.id


def test_progress_typed_for_one_task_survives_clicking_another(qtbot, window) -> None:
    progress = window.detail.progress
    window.detail.tabs.setCurrentIndex(1)  # the Progress tab
    first = select(qtbot, window, "1-2")
    QApplication.processEvents()  # the layout of the task shown is done
    below = progress.problems.mapTo(window, progress.problems.rect().topLeft())
    type_text(progress.progress, "已完成初稿，正在征求意见")
    assert progress.draft_bar.shown
    QApplication.processEvents()
    # Nothing moves under the clerk's pointer while typing.
    assert progress.problems.mapTo(window, progress.problems.rect().topLeft()) == below
    select(qtbot, window, "3-1")
    assert progress.progress.toPlainText() == ""  # another task: its own (empty) report
    select(qtbot, window, "1-2")
    assert progress.progress.toPlainText() == "已完成初稿，正在征求意见"
    assert progress.draft_bar.shown and "before" in progress.draft_bar.label.text()
    qtbot.mouseClick(progress.save, Qt.MouseButton.LeftButton)
    period = progress.period.currentData()
    assert get_progress(window.ctx.db, first, period).progress == "已完成初稿，正在征求意见"
    assert not progress.draft_bar.shown
    assert len(window.ctx.drafts) == 0  # saved: no draft is left behind


def test_progress_survives_switching_periods(qtbot, window) -> None:
    progress = window.detail.progress
    select(qtbot, window, "1-2")
    progress.period.setCurrentIndex(1)  # 2020年第二季度
    type_text(progress.problems, "经费未到位")
    progress.period.setCurrentIndex(2)
    assert progress.problems.toPlainText() == ""
    progress.period.setCurrentIndex(1)
    assert progress.problems.toPlainText() == "经费未到位"


def test_task_text_survives_another_part_of_the_plan_and_can_be_discarded(qtbot, window) -> None:
    text = window.detail.task_editor
    select(qtbot, window, "2-2")
    original = text.text.toPlainText()
    text.text.setPlainText(original + "（补充：每季度召开一次）")
    tree = window.findChild(QTreeView, "outlineTree")
    tree.setCurrentIndex(tree.model().index(4, 0, tree.model().index(0, 0)))  # 五、
    qtbot.waitUntil(lambda: window.tasks.proxy.rowCount() < 152, timeout=5000)
    tree.setCurrentIndex(tree.model().index(0, 0))  # the whole plan again
    qtbot.waitUntil(lambda: window.tasks.proxy.rowCount() == 152, timeout=5000)
    select(qtbot, window, "2-2")
    assert text.text.toPlainText().endswith("（补充：每季度召开一次）")
    assert text.discard_button.isVisible()
    qtbot.mouseClick(text.discard_button, Qt.MouseButton.LeftButton)
    assert text.text.toPlainText() == original
    assert len(window.ctx.drafts) == 0


def test_an_assignment_typed_for_a_section_survives_looking_at_one_task(qtbot, window) -> None:
    tree = window.findChild(QTreeView, "outlineTree")
    tree.setCurrentIndex(tree.model().index(1, 0, tree.model().index(0, 0)))  # 二、
    qtbot.waitUntil(lambda: window.tasks.proxy.rowCount() == 24, timeout=5000)
    editor = window.detail.editor
    type_text(editor.deadline, "6月底前")
    assert editor.draft_bar.shown
    in_section = [t.id for t in window.tasks.visible_rows()]
    select(qtbot, window, window.tasks.visible_rows()[2].code)
    assert editor.deadline.text() == ""
    window.tasks.table.clearSelection()  # back to the whole section
    qtbot.waitUntil(lambda: editor._count == 24, timeout=5000)
    assert editor.deadline.text() == "6月底前"
    qtbot.mouseClick(window.findChild(QPushButton, "applyAssignmentButton"),
                     Qt.MouseButton.LeftButton)  # fmt: skip
    section = [t for t in list_tasks(window.ctx.db) if t.id in in_section]
    assert {t.deadline.phrase for t in section if t.deadline} == {"6月底前"}
    assert all(t.deadline for t in section)
    assert not editor.draft_bar.shown and len(window.ctx.drafts) == 0


def test_drafts_come_back_after_quitting(qtbot, office: Path, settings: UiSettings) -> None:
    first = open_window(qtbot, office, settings)
    select(qtbot, first, "4-1")
    type_text(first.detail.progress.next_steps, "下月召开推进会")
    first.close()
    assert not first.ctx.store.lock.held  # the file was given back
    again = open_window(qtbot, office, settings)
    assert "draft" in again.statusBar().currentMessage()
    marked = next(t for t in again.tasks.model.records() if t.code == "4-1")
    row = again.tasks.model.row_of(marked.id)
    assert again.tasks.model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole) == "Unsaved draft"
    select(qtbot, again, "4-1")
    assert again.detail.progress.next_steps.toPlainText() == "下月召开推进会"
    plan = list_plans(again.ctx.db)[0].id
    periods = {p.id for p in list_periods(again.ctx.db, plan)}
    assert again.detail.progress.period.currentData() in periods
    again.close()


def test_a_lead_typed_by_its_short_name_is_not_a_draft_once_applied(qtbot, window) -> None:
    tree = window.findChild(QTreeView, "outlineTree")
    tree.setCurrentIndex(tree.model().index(1, 0, tree.model().index(0, 0)))  # 二、
    qtbot.waitUntil(lambda: window.tasks.proxy.rowCount() == 24, timeout=5000)
    editor = window.detail.editor
    type_text(editor.lead.lineEdit(), "宣教处")
    editor.request_apply()
    assert editor.lead.currentText() == "宣传教育处"  # as stored, in full
    assert not editor.draft_bar.shown and len(window.ctx.drafts) == 0

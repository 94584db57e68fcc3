"""A clerk's first morning, through the real window: a plain start on a new PC, the sample
plan imported, the directory set up, three sections assigned and three leads changed, a
split, a merge, undo and redo, a search, the unassigned tasks, the 任务分解表, quarters,
progress for two tasks, the dashboard, the 通报 — then quit, and start again to find it all.

Every step goes through what the clerk uses (menus, toolbar, buttons, typing, shortcuts);
modal dialogs are driven while they are open, as the clerk sees them. The steps are
counted: the number is the length of the morning in clerk actions."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPushButton,
    QToolButton,
    QTreeView,
    QWidget,
)

from db.progress import get_progress
from db.tasks import TaskFilter, list_tasks
from qtapp.app import build_window
from qtapp.prompts import ScriptedPrompts
from qtapp.ui.main_window import MainWindow
from qtapp.ui_settings import UiSettings
from tests.conftest import SAMPLE_PLAN
from tests.gui_helpers import type_text

pytestmark = pytest.mark.gui
WAIT = 20000

DEPARTMENTS = """办公室 | 办公室
组织干部处 | 组干处
宣传教育处 | 宣教处
政策法规处 | 政法处
发展规划处 | 规划处
基础教育处 | 基教处
学前教育处 | 学前处
职业与成人教育处 | 职成处
高等教育处 | 高教处
教师工作处 | 教师处
财务审计处 | 财务处
安全稳定处 | 安稳处"""
LEADERS = """张建国 局长
陈静，党委副书记
李明 | 副局长 | 基础教育处、教师工作处"""


class Clerk:
    """Does what the clerk does, and counts it."""

    def __init__(self, qtbot, window: MainWindow, prompts: ScriptedPrompts) -> None:
        self.qtbot = qtbot
        self.window = window
        self.prompts = prompts
        self.actions: list[str] = []

    def act(self, what: str) -> None:
        self.actions.append(what)

    def trigger(self, name: str) -> None:
        self.act(name)
        self.window.findChild(QAction, name).trigger()

    def click(self, widget: QWidget, what: str = "") -> None:
        self.act(what or widget.objectName())
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)

    def type(self, widget: QWidget, text: str) -> None:
        self.act(f"type {text}")
        type_text(widget, text)

    def in_dialog(self, open_it: Callable[[], None], work: Callable[[QWidget], None]) -> None:
        """Open a modal dialog and do ``work`` in it while it is open."""
        done: list[bool] = []

        def run() -> None:
            dialog = QApplication.activeModalWidget()
            assert dialog is not None, "no dialog opened"
            try:
                work(dialog)
            finally:
                done.append(True)
                if dialog.isVisible():
                    dialog.close()

        QTimer.singleShot(0, run)
        open_it()
        assert done

    def section(self, number: int) -> None:
        tree = self.window.findChild(QTreeView, "outlineTree")
        self.act(f"section {number}")
        tree.setCurrentIndex(tree.model().index(number - 1, 0, tree.model().index(0, 0)))
        self.qtbot.waitUntil(lambda: self.window.tasks.proxy.rowCount() < 152, timeout=WAIT)

    def whole_plan(self) -> None:
        tree = self.window.findChild(QTreeView, "outlineTree")
        self.act("whole plan")
        tree.setCurrentIndex(tree.model().index(0, 0))
        self.qtbot.waitUntil(lambda: self.window.tasks.proxy.rowCount() == 152, timeout=WAIT)

    def task(self, code: str) -> int:
        found = next(t for t in self.window.tasks.model.records() if t.code == code)
        self.act(f"click task {code}")
        self.window.tasks.select_ids([found.id])
        self.qtbot.waitUntil(lambda: self.window.detail.task_editor.draft_key() is not None)
        return found.id

    def assign(self, lead: str, deadline: str = "") -> None:
        editor = self.window.detail.editor
        editor.lead.lineEdit().selectAll()
        self.type(editor.lead.lineEdit(), lead)
        if deadline:
            self.type(editor.deadline, deadline)
        self.act("Ctrl+Enter")
        editor.request_apply()


def open_plainly(qtbot, settings: UiSettings, prompts: ScriptedPrompts) -> MainWindow:
    window = build_window(None, language="zh_CN", ui_settings=settings, prompts=prompts)
    assert window is not None
    qtbot.addWidget(window)
    window.show()
    return window


def test_a_clerks_first_morning(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # a PC that never ran Duban
    settings = UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    prompts = ScriptedPrompts()
    window = open_plainly(qtbot, settings, prompts)
    clerk = Clerk(qtbot, window, prompts)
    ctx = window.ctx
    assert window.tasks.pages.currentWidget() is window.tasks.welcome
    assert window.windowTitle() == "duban.sqlite3 — 督办"

    # Import the sample plan: the file first, then the preview, then 导入.
    prompts.answers.append(str(SAMPLE_PLAN))

    def import_it(dialog: QWidget) -> None:
        button = dialog.findChild(QPushButton, "importButton")
        qtbot.waitUntil(button.isEnabled, timeout=WAIT)
        clerk.click(button)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT)

    clerk.in_dialog(lambda: clerk.click(window.tasks.welcome.findChild(
        QPushButton, "welcomeImportButton")), import_it)  # fmt: skip
    qtbot.waitUntil(lambda: window.tasks.model.rowCount() == 152, timeout=WAIT)
    assert window.windowTitle() == "2020年全市教育工作要点 — duban.sqlite3 — 督办"

    # 12 departments and 3 leaders, pasted into the directory.
    prompts.answers.extend([DEPARTMENTS, LEADERS])

    def directory(dialog: QWidget) -> None:
        clerk.click(dialog.findChild(QPushButton, "pasteDepartmentsButton"))
        dialog.findChild(QWidget, "directoryTabs").setCurrentIndex(1)
        clerk.act("leaders tab")
        clerk.click(dialog.findChild(QPushButton, "pasteLeadersButton"))

    clerk.in_dialog(lambda: clerk.trigger("directoryAction"), directory)
    from db.departments import list_departments
    from db.leaders import list_leaders

    assert len(list_departments(ctx.db)) == 12 and len(list_leaders(ctx.db)) == 3

    # Three sections assigned, one step each.
    for number, lead in ((1, "组干处"), (2, "宣教处"), (3, "基教处")):
        clerk.section(number)
        clerk.assign(lead, "6月底前")
    assigned = [t for t in list_tasks(ctx.db) if t.lead]
    assert len(assigned) == 34 + 24 + 20
    assert "牵头处室设为基础教育处" in window.statusBar().currentMessage()

    # Three leads changed on single tasks.
    clerk.whole_plan()
    for code, lead, name in (("1-2", "办公室", "办公室"), ("6-1", "政法处", "政策法规处"),
                             ("11-1", "教师处", "教师工作处")):  # fmt: skip
        task_id = clerk.task(code)
        clerk.assign(lead)
        assert list_tasks(ctx.db, TaskFilter(task_ids=(task_id,)))[0].lead == name

    # Split at a pause mark, merge back, undo, redo.
    task_id = clerk.task("1-1")
    text = window.detail.text
    cursor = text.textCursor()
    cursor.setPosition(text.toPlainText().index("、") + 1)
    text.setTextCursor(cursor)
    clerk.act("cursor in the text")
    clerk.trigger("splitAction")
    qtbot.waitUntil(lambda: window.tasks.model.rowCount() == 153, timeout=WAIT)
    qtbot.waitUntil(lambda: window.tasks.selected_ids()[:1] == [task_id], timeout=WAIT)
    clerk.task("1-1")
    clerk.trigger("mergeAction")
    qtbot.waitUntil(lambda: window.tasks.model.rowCount() == 152, timeout=WAIT)
    clerk.trigger("undoAction")
    qtbot.waitUntil(lambda: window.tasks.model.rowCount() == 153, timeout=WAIT)
    clerk.trigger("redoAction")
    qtbot.waitUntil(lambda: window.tasks.model.rowCount() == 152, timeout=WAIT)
    assert "重做" in window.statusBar().currentMessage()

    # Search 学习, then the unassigned tasks.
    bar = window.tasks.filter_bar
    clerk.trigger("findAction")
    clerk.type(bar.text, "学习")
    found = window.tasks.proxy.rowCount()
    assert 0 < found < 152 and bar.count.text() == f"找到 {found} 项（共 152 项）"
    clerk.click(bar.clear, "clear")
    clerk.click(bar.findChild(QCheckBox, "unassignedFilter"), "unassigned only")
    assert window.tasks.proxy.rowCount() == 152 - 78
    clerk.click(bar.clear, "clear")

    # The 任务分解表.
    decomposition = tmp_path / "out" / "任务分解表.docx"
    (tmp_path / "out").mkdir()

    def export(path: Path) -> Callable[[QWidget], None]:
        def work(dialog: QWidget) -> None:
            output = dialog.findChild(QLineEdit, "exportOutputEdit")
            output.setText(str(path))
            clerk.act("name the file")
            with qtbot.waitSignal(dialog.exported, timeout=WAIT):
                clerk.click(dialog.findChild(QPushButton, "exportButton"))

        return work

    clerk.in_dialog(lambda: clerk.trigger("exportDecompositionAction"), export(decomposition))
    table_text = "\n".join(c.text for t in Document(str(decomposition)).tables
                           for r in t.rows for c in r.cells)  # fmt: skip
    assert "组织干部处" in table_text

    # A year of quarters.
    def quarters(dialog: QWidget) -> None:
        year = dialog.findChild(QWidget, "periodYearSpin")
        year.setValue(2020)
        clerk.act("year 2020")
        clerk.click(dialog.findChild(QPushButton, "addQuartersButton"))

    clerk.in_dialog(lambda: clerk.trigger("periodsAction"), quarters)

    # Progress for two tasks, in the Progress tab.
    ctx.set_as_of(__import__("datetime").date(2020, 7, 10))  # the morning the reports came in
    window.detail.tabs.setCurrentIndex(1)
    clerk.act("progress tab")
    progress = window.detail.progress
    entries = {}
    for code, status, field, words in (
        ("2-1", "done", "progress", "已全部完成。"),
        ("3-1", "behind", "problems", "经费未到位。"),
    ):
        task_id = clerk.task(code)
        period = progress.period
        period.setCurrentIndex(period.findText("2020年第二季度"))
        clerk.act("period 二季度")
        progress.status.setCurrentIndex(progress.status.findData(status))
        clerk.act(f"status {status}")
        clerk.type(getattr(progress, field), words)
        clerk.click(progress.save)
        entries[task_id] = (period.currentData(), field, words)
    for task_id, (period_id, field, words) in entries.items():
        assert getattr(get_progress(ctx.db, task_id, period_id), field) == words

    # The dashboard, then the 通报 of the quarter.
    clerk.trigger("dashboardAction")
    board = window.dashboard
    qtbot.waitUntil(lambda: board.dashboard is not None, timeout=WAIT)
    combo = board.findChild(QComboBox, "dashboardPeriodCombo")
    assert combo.currentText() == "2020年第二季度"  # the period chosen in the progress tab
    qtbot.waitUntil(
        lambda: board.findChild(QToolButton, "figure_done").text().split()[-1] == "1",
        timeout=WAIT,
    )
    report = tmp_path / "out" / "通报.docx"

    def report_work(dialog: QWidget) -> None:
        kind = dialog.findChild(QComboBox, "exportKindCombo")
        kind.setCurrentIndex(kind.findData("report"))
        clerk.act("report")
        assert dialog.findChild(QComboBox, "exportPeriodCombo").currentText() == "2020年第二季度"
        export(report)(dialog)

    clerk.in_dialog(lambda: clerk.trigger("exportReportAction"), report_work)
    report_text = "\n".join(p.text for p in Document(str(report)).paragraphs)
    assert "经费未到位" in report_text  # the problem of the task behind, under 存在的问题

    # Quit, and start again: the same file, the same plan, the work still there.
    db_path = ctx.db_path
    clerk.act("quit")
    window.close()
    again = open_plainly(qtbot, settings, ScriptedPrompts())
    assert again.ctx.db_path == db_path
    qtbot.waitUntil(lambda: again.tasks.model.rowCount() == 152, timeout=WAIT)
    assert again.windowTitle() == "2020年全市教育工作要点 — duban.sqlite3 — 督办"
    assert len([t for t in list_tasks(again.ctx.db) if t.lead]) == 78
    for task_id, (period_id, field, words) in entries.items():
        assert getattr(get_progress(again.ctx.db, task_id, period_id), field) == words
    again.close()
    print(f"\nthe first morning took {len(clerk.actions)} clerk actions")
    assert len(clerk.actions) < 80

"""One period, one light: the period chosen anywhere is the current period everywhere, and a
task's light is the same in the table, the detail panel, the dashboard and the documents
for the date the window says it judges by."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QComboBox, QToolButton

from cli.demo import prepare_demo
from db.assignments import assign
from db.connection import open_database
from db.departments import require_department
from db.plans import list_plans
from db.progress import add_year_of_periods, list_periods, record_progress
from db.tasks import list_tasks
from qtapp.app import build_window
from qtapp.models.task_table_model import COL_LIGHT
from qtapp.prompts import ScriptedPrompts
from qtapp.ui.export_dialog import ExportDialog
from qtapp.ui.main_window import MainWindow
from qtapp.ui_settings import UiSettings

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[MainWindow]:
    path = prepare_demo(tmp_path / "office.sqlite3")
    db = open_database(path)
    plan = list_plans(db)[0].id
    q1, q2, *_ = add_year_of_periods(db, plan, 2020, "quarter")
    tasks = {t.code: t.id for t in list_tasks(db)}
    org = require_department(db, "组织干部处")
    assign(db, [tasks["1-1"], tasks["1-2"]], lead=org.id, deadline="6月底前")
    record_progress(db, tasks["1-1"], q1.id, status="on_track", percent=40)
    record_progress(db, tasks["1-2"], q2.id, status="behind", percent=30)
    db.close()
    settings = UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    prompts = ScriptedPrompts()
    win = build_window(path, language="en", ui_settings=settings, prompts=prompts)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.tasks.model.rowCount() == 152, timeout=10000)
    yield win
    win.ctx.jobs.wait()


def periods(win: MainWindow) -> dict[str, int]:
    plan = list_plans(win.ctx.db)[0].id
    return {p.name: p.id for p in list_periods(win.ctx.db, plan)}


def row_of(win: MainWindow, code: str) -> int:
    task = next(t for t in win.tasks.model.records() if t.code == code)
    return win.tasks.model.row_of(task.id)


def test_the_window_starts_on_the_latest_period_with_reports(qtbot, window) -> None:
    q2 = periods(window)["2020年第二季度"]  # today is in no period of 2020: the latest reported
    plan = list_plans(window.ctx.db)[0].id
    assert window.ctx.current_period(plan) == q2
    first = next(t for t in window.tasks.model.records() if t.code == "1-1")
    window.tasks.select_ids([first.id])
    assert window.detail.progress.period.currentData() == q2
    dialog = ExportDialog(window.ctx, "report", plan, window)
    qtbot.addWidget(dialog)
    assert dialog.period.currentData() == q2
    name = Path(dialog.output.text()).name  # one script: the plan's (Traditional here)
    assert name == "2020年全市教育工作要點-2020年第二季度-進展情況通報.docx"


def test_a_period_chosen_on_the_dashboard_is_the_period_everywhere(qtbot, window) -> None:
    names = periods(window)
    board = window.dashboard
    window.show_dashboard()
    combo = board.findChild(QComboBox, "dashboardPeriodCombo")
    qtbot.waitUntil(lambda: combo.currentData() == names["2020年第二季度"], timeout=10000)
    with qtbot.waitSignal(board.loaded, timeout=10000):
        combo.setCurrentIndex(combo.findData(names["2020年第一季度"]))
    window.show_task_table()
    first = next(t for t in window.tasks.model.records() if t.code == "1-1")
    window.tasks.select_ids([first.id])
    assert window.detail.progress.period.currentData() == names["2020年第一季度"]
    plan = list_plans(window.ctx.db)[0].id
    dialog = ExportDialog(window.ctx, "feedback-forms", plan, window)
    qtbot.addWidget(dialog)
    assert dialog.period.currentData() == names["2020年第一季度"]
    # Chosen in the progress tab, it is followed by the dashboard.
    window.detail.progress.period.setCurrentIndex(
        window.detail.progress.period.findData(names["2020年第三季度"])
    )
    assert combo.currentData() == names["2020年第三季度"]


def test_a_light_is_the_same_everywhere_for_the_date_shown(qtbot, window) -> None:
    window.ctx.set_as_of(dt.date(2020, 7, 10))
    button = window.findChild(QToolButton, "asOfButton")
    assert button.text() == "Lights as of 2020年7月10日"

    def in_table() -> str:
        index = window.tasks.model.index(row_of(window, "1-2"), COL_LIGHT)
        return str(index.data(Qt.ItemDataRole.ToolTipRole))

    qtbot.waitUntil(lambda: "已过 10 天" in in_table(), timeout=10000)  # 6-30 → 7-10
    task = next(t for t in window.tasks.model.records() if t.code == "1-2")
    window.tasks.select_ids([task.id])
    assert in_table() in window.detail.progress.light.text()
    board = window.dashboard
    window.show_dashboard()
    qtbot.waitUntil(
        lambda: board.dashboard is not None and board.dashboard.as_of == dt.date(2020, 7, 10),
        timeout=10000,
    )
    assert board.dashboard.lights[task.id].reason == in_table()
    # The clerk picks another date from the status bar: everything follows it.
    window.ctx.prompts.answers.append(dt.date(2020, 5, 31))
    button.click()
    assert window.ctx.as_of == dt.date(2020, 5, 31)
    qtbot.waitUntil(lambda: not in_table().startswith("红"), timeout=10000)


def test_a_task_clicked_while_the_rows_reload_stays_selected(qtbot, window) -> None:
    task = next(t for t in window.tasks.model.records() if t.code == "3-2")
    with qtbot.waitSignal(window.tasks.loaded, timeout=10000):
        window.ctx.set_as_of(dt.date(2020, 7, 10))  # the rows are read again …
        window.tasks.select_ids([task.id])  # … while the clerk clicks a task
    assert window.tasks.selected_ids() == [task.id]
    assert window.detail.task_editor.draft_key().task_ids == (task.id,)

"""The progress cycle in the window: periods, progress in the detail panel, reading filled
forms back, the dashboard leading to the task table, carry-over. Real widgets offscreen,
the demo database underneath; widgets are found by objectName."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QPushButton, QToolButton

from db.assignments import assign
from db.departments import require_department
from db.plans import list_plans
from db.progress import get_progress, list_periods, record_progress
from db.readback import CONFLICT, NEW, UNCHANGED
from db.tasks import TaskFilter, list_tasks
from exports.service import ExportRequest, run_export
from qtapp.app import build_window
from qtapp.commands import ProgressCommand
from qtapp.models.readback_model import REJECTED_FORM, ReadbackModel
from qtapp.models.task_table_model import COL_LIGHT
from qtapp.prompts import ScriptedPrompts
from qtapp.ui.main_window import MainWindow
from qtapp.ui.periods_dialog import PeriodsDialog
from qtapp.ui.readback_dialog import ReadbackDialog
from qtapp.ui_settings import UiSettings
from tests.form_filling import fill_docx, fill_xlsx
from tests.gui_helpers import type_text

pytestmark = pytest.mark.gui
UTC = dt.UTC


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[MainWindow]:
    """The demo database with section 一 led by 组织干部处 (宣传教育处 cooperating) and
    section 二 by 宣传教育处, all due 6月底前."""
    from cli.demo import prepare_demo
    from db.connection import open_database

    path = prepare_demo(tmp_path / "demo.sqlite3")
    db = open_database(path)
    org, pub = require_department(db, "组织干部处"), require_department(db, "宣传教育处")
    tasks = list_tasks(db)
    first = [t.id for t in tasks if t.code.startswith(("1-", "2-", "3-"))]
    second = [t.id for t in tasks if t.code.startswith(("4-", "5-"))]
    assign(db, first, lead=org.id, cooperating=[pub.id], deadline="6月底前")
    assign(db, second, lead=pub.id, deadline="6月底前")
    db.close()
    settings = UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    win = build_window(path, language="en", ui_settings=settings, prompts=ScriptedPrompts())
    qtbot.addWidget(win)
    win.resize(1400, 860)
    win.show()
    qtbot.waitUntil(lambda: win.tasks.model.rowCount() == 152, timeout=10000)
    yield win
    win.ctx.jobs.wait()


def _prompts(win: MainWindow, *answers: object) -> ScriptedPrompts:
    prompts = ScriptedPrompts(*answers)
    win.ctx.prompts = prompts
    return prompts


def _add_quarters(qtbot, win: MainWindow) -> PeriodsDialog:
    plan = list_plans(win.ctx.db)[0]
    dialog = PeriodsDialog(win.ctx, plan.id, win)
    qtbot.addWidget(dialog)
    dialog.findChild(type(dialog.year), "periodYearSpin").setValue(2020)
    qtbot.mouseClick(dialog.findChild(QPushButton, "addQuartersButton"), Qt.MouseButton.LeftButton)
    return dialog


# -- periods -------------------------------------------------------------------------------


def test_a_year_of_quarters_in_one_step_and_undo(qtbot, window: MainWindow) -> None:
    dialog = _add_quarters(qtbot, window)
    plan = list_plans(window.ctx.db)[0].id
    assert [p.name for p in list_periods(window.ctx.db, plan)] == [
        "2020年第一季度", "2020年第二季度", "2020年第三季度", "2020年第四季度",
    ]  # fmt: skip
    assert dialog.list.count() == 4
    window.ctx.undo_stack.undo()  # one step takes the whole year back
    assert list_periods(window.ctx.db, plan) == [] and dialog.list.count() == 0
    window.ctx.undo_stack.redo()
    assert dialog.list.count() == 4


def test_a_custom_period_and_removing_one(qtbot, window: MainWindow) -> None:
    dialog = _add_quarters(qtbot, window)
    type_text(dialog.name, "2020年上半年")
    qtbot.mouseClick(dialog.findChild(QPushButton, "addPeriodButton"), Qt.MouseButton.LeftButton)
    plan = list_plans(window.ctx.db)[0].id
    names = [p.name for p in list_periods(window.ctx.db, plan)]
    assert "2020年上半年" in names and len(names) == 5
    # A period that holds reports is not removed; the clerk is told why.
    q1 = list_periods(window.ctx.db, plan)[0]
    record_progress(window.ctx.db, list_tasks(window.ctx.db)[0].id, q1.id, status="on_track")
    prompts = _prompts(window)
    dialog.list.setCurrentRow(0)
    qtbot.mouseClick(dialog.findChild(QPushButton, "removePeriodButton"), Qt.MouseButton.LeftButton)
    assert len(list_periods(window.ctx.db, plan)) == 5
    assert prompts.shown and prompts.shown[-1][0] == "error"


# -- progress in the detail panel ----------------------------------------------------------


def test_progress_entered_twice_for_a_period_is_one_entry_and_undoable(
    qtbot, window: MainWindow
) -> None:
    _add_quarters(qtbot, window)
    ctx, editor = window.ctx, window.detail.progress
    task = window.tasks.model.record(0)
    window.tasks.select_ids([task.id])
    period = editor.findChild(QComboBox, "progressPeriodCombo")
    assert period.count() == 4
    period.setCurrentIndex(0)  # 2020年第一季度
    editor.status.setCurrentIndex(editor.status.findData("behind"))
    editor.percent.setValue(20)
    type_text(editor.progress, "已起草方案")
    qtbot.mouseClick(editor.save, Qt.MouseButton.LeftButton)
    q1 = period.itemData(0)
    entry = get_progress(ctx.db, task.id, q1)
    assert (entry.status, entry.percent, entry.progress) == ("behind", 20, "已起草方案")
    # The table shows the latest status; the history lists the entry.
    qtbot.waitUntil(lambda: window.tasks.model.record(0).status == "behind")
    assert editor.history_model.rowCount() == 1

    editor.status.setCurrentIndex(editor.status.findData("on_track"))
    editor.percent.setValue(45)
    qtbot.mouseClick(editor.save, Qt.MouseButton.LeftButton)
    count = ctx.db.execute(
        "SELECT count(*) FROM progress_entries WHERE task_id = ?", [task.id]
    ).fetchone()[0]
    assert count == 1 and get_progress(ctx.db, task.id, q1).percent == 45
    ctx.undo_stack.undo()
    assert get_progress(ctx.db, task.id, q1).percent == 20  # the earlier report is back whole
    assert get_progress(ctx.db, task.id, q1).progress == "已起草方案"
    ctx.undo_stack.undo()
    assert get_progress(ctx.db, task.id, q1) is None
    ctx.undo_stack.redo()
    assert get_progress(ctx.db, task.id, q1).status == "behind"
    # Every change, undo and redo included, is in the audit log.
    logged = [(r["action"], r["field"], r["new_value"]) for r in ctx.db.query(
        "SELECT action, field, new_value FROM audit_log WHERE entity = 'task'"
        " AND entity_id = ? AND field IN ('progress.percent', 'progress.status') ORDER BY id",
        [task.id])]  # fmt: skip
    percents = [(a, v) for a, f, v in logged if f == "progress.percent" or a.endswith("delete")]
    assert percents == [
        ("progress.record", "20"), ("progress.record", "45"), ("progress.record", "20"),
        ("progress.delete", None), ("progress.record", "20"),
    ]  # fmt: skip


def test_the_light_of_a_task_explains_itself(qtbot, window: MainWindow) -> None:
    _add_quarters(qtbot, window)
    plan = list_plans(window.ctx.db)[0].id
    q2 = list_periods(window.ctx.db, plan)[1]
    task = window.tasks.model.record(0)
    window.tasks.select_ids([task.id])
    values = {"status": "behind", "percent": 60}
    window.ctx.execute(ProgressCommand(window.ctx, task.id, q2.id, values, "progress"))
    qtbot.waitUntil(lambda: window.tasks.model.record(0).percent == 60)
    index = window.tasks.model.index(0, COL_LIGHT)
    tooltip = index.data(Qt.ItemDataRole.ToolTipRole)
    days = (dt.date.today() - dt.date(2020, 6, 30)).days
    assert tooltip == f"红：完成时限 2020年6月30日 已过 {days} 天，最近进展 60%"
    assert days > 0 and tooltip in window.detail.progress.light.text()


# -- reading filled forms back -------------------------------------------------------------


def _forms(win: MainWindow, folder: Path, period_name: str) -> dict[str, Path]:
    """Export the forms of 组织干部处 (.docx) and 宣传教育处 (.xlsx) for a period."""
    db = win.ctx.db
    plan = list_plans(db)[0].id
    period = next(p for p in list_periods(db, plan) if p.name == period_name)
    org, pub = require_department(db, "组织干部处"), require_department(db, "宣传教育处")
    (docx,) = run_export(
        db, ExportRequest("feedback-forms", plan, folder, period.id, department_ids=(org.id,))
    )
    (xlsx,) = run_export(
        db,
        ExportRequest(
            "feedback-forms", plan, folder, period.id, department_ids=(pub.id,), form_format="xlsx"
        ),
    )
    return {"docx": docx, "xlsx": xlsx}


def _task_ids(win: MainWindow, *codes: str) -> list[int]:
    by_code = {t.code: t.id for t in list_tasks(win.ctx.db, TaskFilter())}
    return [by_code[c] for c in codes]


def _open_readback(qtbot, win: MainWindow) -> ReadbackDialog:
    dialog = ReadbackDialog(win.ctx, list_plans(win.ctx.db)[0].id, win)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _add(qtbot, dialog: ReadbackDialog, button: str) -> None:
    with qtbot.waitSignal(dialog.previewed, timeout=15000):
        qtbot.mouseClick(dialog.findChild(QPushButton, button), Qt.MouseButton.LeftButton)


def test_read_back_a_folder_of_docx_and_xlsx_forms(qtbot, window: MainWindow, tmp_path) -> None:
    _add_quarters(qtbot, window)
    folder = tmp_path / "returned"
    forms = _forms(window, folder, "2020年第二季度")
    t11, t12, t41 = _task_ids(window, "1-1", "1-2", "4-1")
    fill_docx(forms["docx"], {
        t11: dict(progress="已召开推进会", percent="60%", status="序时推进"),
        t12: dict(progress="方案待审定", problems="经费不足", percent="30", status="滞后"),
    })  # fmt: skip
    fill_xlsx(forms["xlsx"], {t41: dict(progress="已完成", percent=100, status="已完成")})
    (folder / "说明.txt").write_text("not a form", encoding="utf-8")  # left out of a folder

    dialog = _open_readback(qtbot, window)
    _prompts(window, str(folder))
    _add(qtbot, dialog, "addFolderButton")
    period = dialog.findChild(QComboBox, "readbackPeriodCombo")
    assert period.currentText() == "2020年第二季度"  # taken from the forms
    preview = dialog.preview
    assert preview is not None and not preview.rejected_forms
    assert preview.count(NEW) == 3
    model: ReadbackModel = dialog.model
    changes = {model.line(r).row.code: model.line(r).kind for r in range(model.rowCount())
               if model.line(r).kind == NEW}  # fmt: skip
    assert changes == {"1-1": NEW, "1-2": NEW, "4-1": NEW}
    changes_only = dialog.findChild(QCheckBox, "changesOnlyCheck")
    assert changes_only.isChecked() and dialog.table.model().rowCount() == 3
    changes_only.setChecked(False)  # every row of the forms, the unfilled ones too
    assert dialog.table.model().rowCount() == model.rowCount() > 3

    record = dialog.findChild(QPushButton, "recordButton")
    assert record.isEnabled()
    with qtbot.waitSignal(dialog.previewed, timeout=15000):  # previewed again afterwards
        qtbot.mouseClick(record, Qt.MouseButton.LeftButton)
    q2 = period.currentData()
    assert get_progress(window.ctx.db, t12, q2).problems == "经费不足"
    assert get_progress(window.ctx.db, t41, q2).status == "done"
    assert get_progress(window.ctx.db, t41, q2).source == "readback"
    # Reading the same forms again changes nothing.
    assert dialog.preview.count(NEW) == 0 and dialog.preview.count(UNCHANGED) == 3
    assert not record.isEnabled()
    # One undo takes the whole read-back away.
    window.ctx.undo_stack.undo()
    assert all(get_progress(window.ctx.db, t, q2) is None for t in (t11, t12, t41))
    window.ctx.undo_stack.redo()
    assert get_progress(window.ctx.db, t11, q2).percent == 60


def test_forms_of_another_period_and_files_that_are_not_forms_are_rejected(
    qtbot, window: MainWindow, tmp_path
) -> None:
    _add_quarters(qtbot, window)
    forms = _forms(window, tmp_path / "q1", "2020年第一季度")
    (t11,) = _task_ids(window, "1-1")
    fill_docx(forms["docx"], {t11: dict(progress="一季度进展", status="序时推进")})
    broken = tmp_path / "损坏.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    dialog = _open_readback(qtbot, window)
    period = dialog.findChild(QComboBox, "readbackPeriodCombo")
    period.setCurrentIndex(period.findText("2020年第二季度"))
    with qtbot.waitSignal(dialog.previewed, timeout=15000):
        period.activated.emit(period.currentIndex())  # the clerk chose the period
    _prompts(window, [str(forms["docx"]), str(broken)])
    _add(qtbot, dialog, "addFormsButton")
    assert period.currentText() == "2020年第二季度"  # the clerk's choice is kept
    model = dialog.model
    rejected = [model.line(r) for r in range(model.rowCount())
                if model.line(r).kind == REJECTED_FORM]  # fmt: skip
    assert [line.form.path.name for line in rejected] == [forms["docx"].name, "损坏.docx"]
    assert [model.line(r).kind for r in (0, 1)] == [REJECTED_FORM] * 2  # listed first
    reason = model.index(0, 7).data()
    assert "2020年第一季度" in reason and "2020年第二季度" in reason
    assert "damaged" in model.index(1, 7).data()
    # Each rejected file is also named in full below the table, with its reason.
    shown = dialog.findChild(QLabel, "rejectedForms")
    assert shown.isVisibleTo(dialog) and shown.text().splitlines() == [
        f"{forms['docx'].name}: {reason}", f"损坏.docx: {model.index(1, 7).data()}",
    ]  # fmt: skip
    assert not dialog.findChild(QPushButton, "recordButton").isEnabled()


def test_an_entry_newer_than_the_form_is_kept_unless_overwrite_is_ticked(
    qtbot, window: MainWindow, tmp_path
) -> None:
    _add_quarters(qtbot, window)
    forms = _forms(window, tmp_path / "q2", "2020年第二季度")
    (t11,) = _task_ids(window, "1-1")
    fill_docx(
        forms["docx"],
        {t11: dict(progress="表中进展", status="滞后")},
        modified=dt.datetime.now(UTC) - dt.timedelta(hours=2),
    )
    plan = list_plans(window.ctx.db)[0].id
    q2 = list_periods(window.ctx.db, plan)[1].id
    record_progress(window.ctx.db, t11, q2, status="on_track", progress="电话中更新的进展")
    dialog = _open_readback(qtbot, window)
    _prompts(window, [str(forms["docx"])])
    _add(qtbot, dialog, "addFormsButton")
    assert dialog.preview.count(CONFLICT) == 1
    overwrite = dialog.findChild(QCheckBox, "overwriteCheck")
    record = dialog.findChild(QPushButton, "recordButton")
    assert overwrite.isVisibleTo(dialog) and not record.isEnabled()  # nothing else to write
    overwrite.setChecked(True)
    assert record.isEnabled()
    with qtbot.waitSignal(dialog.previewed, timeout=15000):
        qtbot.mouseClick(record, Qt.MouseButton.LeftButton)
    assert get_progress(window.ctx.db, t11, q2).progress == "表中进展"


def test_readback_model_passes_the_model_tester(qtmodeltester, qtbot, window, tmp_path) -> None:
    _add_quarters(qtbot, window)
    forms = _forms(window, tmp_path / "f", "2020年第二季度")
    (t11,) = _task_ids(window, "1-1")
    fill_docx(forms["docx"], {t11: dict(progress="进展", status="序时推进")})
    dialog = _open_readback(qtbot, window)
    _prompts(window, [str(p) for p in forms.values()])
    _add(qtbot, dialog, "addFormsButton")
    assert dialog.model.rowCount() > 0
    qtmodeltester.check(dialog.model)
    qtmodeltester.check(dialog.proxy)


# -- dashboard and carry-over from the window ----------------------------------------------


def test_a_dashboard_figure_opens_the_task_table_filtered_to_it(qtbot, window: MainWindow) -> None:
    _add_quarters(qtbot, window)
    plan = list_plans(window.ctx.db)[0].id
    q2 = list_periods(window.ctx.db, plan)[1].id
    t11, t12 = _task_ids(window, "1-1", "1-2")
    record_progress(window.ctx.db, t11, q2, status="done", percent=100)
    record_progress(window.ctx.db, t12, q2, status="behind", percent=10)
    window.ctx.tasks_changed.emit([t11, t12])
    window.ctx.set_as_of(dt.date(2020, 6, 30))  # looking back at the quarter, as it ended
    panel = window.dashboard
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        window.findChild(type(window.actions()[0]), "dashboardAction").trigger()
    period = panel.findChild(QComboBox, "dashboardPeriodCombo")
    if period.currentData() != q2:
        with qtbot.waitSignal(panel.loaded, timeout=10000):
            period.setCurrentIndex(period.findData(q2))
    figure = panel.findChild(QToolButton, "figure_behind")
    assert figure.text().split()[-1] == "1"
    qtbot.mouseClick(figure, Qt.MouseButton.LeftButton)
    assert window.center.currentWidget() is window.tasks
    assert window.tasks.proxy.rowCount() == 1
    shown = window.tasks.proxy.index(0, 0).data(window.tasks.model.IdRole)
    assert shown == t12


def test_carry_over_from_the_progress_menu(qtbot, window: MainWindow) -> None:
    from PySide6.QtGui import QAction

    _add_quarters(qtbot, window)
    plan = list_plans(window.ctx.db)[0].id
    q4 = list_periods(window.ctx.db, plan)[3].id
    (t11,) = _task_ids(window, "1-1")
    record_progress(window.ctx.db, t11, q4, status="done", percent=100)
    _prompts(window, True)  # yes, carry over
    window.findChild(QAction, "carryOverAction").trigger()
    plans = list_plans(window.ctx.db)
    assert len(plans) == 2
    new_plan = next(p for p in plans if p.id != plan)
    carried = list_tasks(window.ctx.db, TaskFilter(plan_id=new_plan.id))
    assert len(carried) == 151  # all but the completed task
    assert window.outline.current_plan().id == new_plan.id
    qtbot.waitUntil(lambda: window.tasks.model.rowCount() == 151, timeout=10000)

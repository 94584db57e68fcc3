"""The 督办 workflow in the window, driven as a clerk would: 重点督办 and 来源 on a
selection, 阶段目标 typed and kept as a draft, 延期 and 领导批示 through their dialogs,
the table's marks and filters, the dashboard's figures and a 督办事项台账. Real widgets
offscreen, a real file underneath; every edit done and undone through the UI."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from cli.demo import prepare_demo
from db import supervision as sv
from db.assignments import assign
from db.connection import open_database
from db.departments import require_department
from db.plans import list_plans
from db.progress import add_year_of_periods
from db.tasks import TaskFilter, get_task, list_tasks
from qtapp.app import build_window
from qtapp.models.task_table_model import COL_CODE, COL_DEADLINE
from qtapp.prompts import ScriptedPrompts
from qtapp.ui.main_window import MainWindow
from qtapp.ui_settings import UiSettings
from tests.gui_helpers import type_text

pytestmark = pytest.mark.gui
SUPERVISE_TAB = 2


@pytest.fixture
def office(tmp_path: Path) -> Path:
    """The sample plan with quarters, and the tasks of item 1 due 6月底前 (lead 基础教育处)."""
    path = prepare_demo(tmp_path / "office.sqlite3")
    db = open_database(path)
    plan_id = list_plans(db)[0].id
    add_year_of_periods(db, plan_id, 2020, "quarter")
    first = [t.id for t in list_tasks(db) if t.code.startswith("1-")]
    assign(db, first, lead=require_department(db, "基础教育处").id, deadline="6月底前")
    db.close()
    return path


def open_window(qtbot, office: Path, settings: UiSettings) -> MainWindow:
    win = build_window(office, language="en", ui_settings=settings, prompts=ScriptedPrompts())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.tasks.model.rowCount() == 152, timeout=10000)
    return win


@pytest.fixture
def settings(tmp_path: Path) -> UiSettings:
    return UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def window(qtbot, office: Path, settings: UiSettings) -> Iterator[MainWindow]:
    win = open_window(qtbot, office, settings)
    win.detail.tabs.setCurrentIndex(SUPERVISE_TAB)
    yield win
    win.ctx.jobs.wait()


def task_of(win: MainWindow, code: str):
    return next(t for t in win.tasks.model.records() if t.code == code)


def select(win: MainWindow, *codes: str) -> list[int]:
    ids = [task_of(win, c).id for c in codes]
    win.tasks.select_ids(ids)
    return ids


def shown_code(win: MainWindow, task_id: int) -> str:
    return win.tasks.model.index(win.tasks.model.row_of(task_id), COL_CODE).data()


def test_models_pass_the_model_tester(qtmodeltester, window: MainWindow) -> None:
    task_id = select(window, "1-1")[0]
    db = window.ctx.db
    sv.postpone(db, task_id, "9月底前", "等待上级文件", "李明")
    sv.add_instruction(db, task_id, "2020-03-02", "王市长", "抓紧推进")
    window.ctx.tasks_changed.emit([task_id])
    editor = window.detail.supervision
    assert editor.postponement_model.rowCount() == 1
    assert editor.instruction_model.rowCount() == 1
    qtmodeltester.check(editor.postponement_model)
    qtmodeltester.check(editor.instruction_model)
    qtmodeltester.check(window.tasks.model)
    qtmodeltester.check(window.tasks.proxy)


def test_key_supervision_on_a_selection_is_one_step(qtbot, window: MainWindow) -> None:
    ctx = window.ctx
    ids = select(window, "1-1", "1-2", "2-1")
    editor = window.detail.supervision
    qtbot.mouseClick(editor.focus, Qt.MouseButton.LeftButton)
    assert [get_task(ctx.db, t).focus for t in ids] == [True, True, True]
    assert ctx.undo_stack.count() == 1
    assert window.statusBar().currentMessage() == "Done: Mark 3 task(s) for key supervision"
    assert shown_code(window, ids[0]) == "★1-1"
    assert editor.focus.checkState() == Qt.CheckState.Checked
    ctx.undo_stack.undo()
    assert [get_task(ctx.db, t).focus for t in ids] == [False, False, False]
    assert shown_code(window, ids[0]) == "1-1"
    ctx.undo_stack.redo()
    assert get_task(ctx.db, ids[2]).focus

    # The keyboard (Ctrl+B, the Supervise menu) unmarks them all again, one step.
    window.menus.actions["focusAction"].trigger()
    assert [get_task(ctx.db, t).focus for t in ids] == [False, False, False]
    assert ctx.undo_stack.undoText() == "Take 3 task(s) off key supervision"


def test_source_from_the_tab_and_the_context_menu(qtbot, window: MainWindow) -> None:
    ctx = window.ctx
    ids = select(window, "3-1", "3-2")
    combo = window.detail.supervision.source
    combo.setCurrentIndex(combo.findData("meeting"))
    combo.activated.emit(combo.currentIndex())
    assert [get_task(ctx.db, t).source for t in ids] == ["meeting", "meeting"]
    assert ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    assert [get_task(ctx.db, t).source for t in ids] == ["work_plan", "work_plan"]

    menu = window.supervise.build_context_menu(window.tasks.selected_rows())
    sources = next(a.menu() for a in menu.actions() if a.menu() is not None)
    inspection = next(a for a in sources.actions() if a.text() == "Higher-level inspection")
    inspection.trigger()
    assert [get_task(ctx.db, t).source for t in ids] == ["inspection", "inspection"]
    assert ctx.undo_stack.undoText() == "Set the source of 2 task(s) to Higher-level inspection"


def test_a_stage_target_is_applied_with_enter_and_undone(qtbot, window: MainWindow) -> None:
    ctx = window.ctx
    task_id = select(window, "2-1")[0]
    period = ctx.current_period(window.tasks.plan_id)
    editor = window.detail.supervision
    assert editor.target_text.isEnabled()
    type_text(editor.target_text, "完成调研报告初稿")
    editor.target_percent.setValue(40)
    assert editor.draft_bar.shown
    qtbot.keyClick(editor.target_text, Qt.Key.Key_Return)
    target = sv.get_target(ctx.db, task_id, period)
    assert (target.text, target.percent, target.origin) == ("完成调研报告初稿", 40, "manual")
    assert not editor.draft_bar.shown
    assert "entered here" in editor.target_origin.text()
    assert window.statusBar().currentMessage() == "Done: Set the stage target of task 2-1"
    ctx.undo_stack.undo()
    assert sv.get_target(ctx.db, task_id, period) is None
    assert editor.target_text.text() == ""
    ctx.undo_stack.redo()
    assert editor.target_text.text() == "完成调研报告初稿"


def test_a_target_typed_is_kept_when_another_task_is_selected(qtbot, window, office, settings):
    editor = window.detail.supervision
    select(window, "2-1")
    type_text(editor.target_text, "召开推进会")
    select(window, "3-1")
    assert editor.target_text.text() == ""
    select(window, "2-1")
    assert editor.target_text.text() == "召开推进会"
    assert editor.draft_bar.shown and "before" in editor.draft_bar.label.text()
    # …and after the window is closed and opened again.
    select(window, "3-1")
    window.close()
    again = open_window(qtbot, office, settings)
    again.tasks.select_ids([task_of(again, "2-1").id])
    assert again.detail.supervision.target_text.text() == "召开推进会"
    again.detail.supervision.discard()
    assert again.detail.supervision.target_text.text() == ""
    again.close()


def test_a_target_typed_is_kept_when_another_period_is_chosen(qtbot, window) -> None:
    from db.progress import list_periods

    editor = window.detail.supervision
    select(window, "2-1")
    plan_id = window.tasks.plan_id
    first = window.ctx.current_period(plan_id)
    other = next(p.id for p in list_periods(window.ctx.db, plan_id) if p.id != first)
    type_text(editor.target_text, "完成初稿")
    window.ctx.set_period(plan_id, other)
    qtbot.waitUntil(lambda: editor.draft_key().period_id == other, timeout=5000)
    assert editor.target_text.text() == ""
    window.ctx.set_period(plan_id, first)
    qtbot.waitUntil(lambda: editor.draft_key().period_id == first, timeout=5000)
    assert editor.target_text.text() == "完成初稿"
    assert editor.draft_bar.shown


def test_a_postponement_through_its_dialog(qtbot, window: MainWindow) -> None:
    ctx = window.ctx
    task_id = select(window, "1-2")[0]
    editor = window.detail.supervision
    qtbot.mouseClick(editor.postpone, Qt.MouseButton.LeftButton)
    dialog = window.supervise.dialog
    assert dialog is not None and dialog.isVisible()
    type_text(dialog.deadline.edit, "9月底前")
    assert dialog.deadline.hint.text() == "→ 2020年9月30日"  # resolved as it is typed
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error.isVisible()  # the reason is required
    assert get_task(ctx.db, task_id).postponements == 0
    type_text(dialog.reason, "等待上级文件")
    dialog.approved_by.setEditText("李明")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    row = get_task(ctx.db, task_id)
    assert (row.deadline.phrase, row.postponements, row.original_deadline) == (
        "9月底前", 1, "6月底前",
    )  # fmt: skip
    assert window.statusBar().currentMessage() == "Done: Postpone task 1-2 to 9月底前"
    index = window.tasks.model.index(window.tasks.model.row_of(task_id), COL_DEADLINE)
    assert index.data() == "9月底前 (postponed 1×)"
    tooltip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert "6月底前" in tooltip and "等待上级文件" in tooltip and "李明" in tooltip
    assert editor.postponement_model.rowCount() == 1
    assert "6月底前" in editor.postponed.text()
    ctx.undo_stack.undo()
    row = get_task(ctx.db, task_id)
    assert (row.deadline.phrase, row.postponements) == ("6月底前", 0)
    assert editor.postponement_model.rowCount() == 0
    ctx.undo_stack.redo()
    assert get_task(ctx.db, task_id).postponements == 1
    ctx.undo_stack.undo()  # the redo recorded a new row: its undo takes that one back
    assert get_task(ctx.db, task_id).postponements == 0


def test_a_task_without_deadline_is_not_postponed(qtbot, window: MainWindow) -> None:
    select(window, "5-1")
    window.menus.actions["postponeAction"].trigger()
    assert window.supervise.dialog is None
    kind, _title, text = window.ctx.prompts.shown[-1]
    assert kind == "error" and "no deadline" in text and "5-1" in text
    assert window.ctx.undo_stack.count() == 0


def test_instructions_added_and_removed_and_typing_kept(qtbot, window: MainWindow) -> None:
    ctx = window.ctx
    task_id = select(window, "2-2")[0]
    editor = window.detail.supervision
    qtbot.mouseClick(editor.add_instruction, Qt.MouseButton.LeftButton)
    dialog = window.supervise.dialog
    assert dialog.leader.findText("李明") >= 0  # the directory's leaders are offered
    dialog.leader.setEditText("王副市长")  # …and any name as written
    type_text(dialog.text, "请抓紧推进，月底前报进展")
    dialog.reject()  # closed without saving: kept as a draft for the task
    assert window.supervise.dialog is None
    select(window, "3-1")
    select(window, "2-2")
    window.menus.actions["instructionAction"].trigger()
    dialog = window.supervise.dialog
    assert dialog.text.toPlainText() == "请抓紧推进，月底前报进展"
    assert dialog.leader.currentText() == "王副市长"
    dialog.accept()
    items = sv.task_instructions(ctx.db, task_id)
    assert [(i.leader, i.text) for i in items] == [("王副市长", "请抓紧推进，月底前报进展")]
    assert editor.instruction_model.rowCount() == 1
    assert len(ctx.drafts) == 0

    editor.instructions.selectRow(0)
    qtbot.mouseClick(editor.remove_instruction, Qt.MouseButton.LeftButton)
    assert sv.task_instructions(ctx.db, task_id) == []
    ctx.undo_stack.undo()
    assert [i.id for i in sv.task_instructions(ctx.db, task_id)] == [items[0].id]
    ctx.undo_stack.undo()
    assert sv.task_instructions(ctx.db, task_id) == []
    ctx.undo_stack.redo()
    assert len(sv.task_instructions(ctx.db, task_id)) == 1


def test_filters_narrow_to_key_postponed_and_source(qtbot, window: MainWindow) -> None:
    db = window.ctx.db
    ids = [task_of(window, c).id for c in ("1-1", "1-3", "4-1")]
    window.supervise.actions.set_focus([task_of(window, "1-1"), task_of(window, "4-1")], True)
    window.supervise.actions.postpone(task_of(window, "1-3"), "9月底前", "原因", "")
    window.supervise.actions.set_source([task_of(window, "4-1")], "meeting")
    bar = window.tasks.filter_bar
    proxy = window.tasks.proxy

    def shown() -> set[int]:
        return {r.id for r in proxy.accepted_rows()}

    bar.focus.setChecked(True)
    assert shown() == {ids[0], ids[2]}
    bar.source.setCurrentIndex(bar.source.findData("meeting"))
    assert shown() == {ids[2]}
    bar.reset()
    bar.postponed.setChecked(True)
    assert shown() == {ids[1]}
    assert {t.id for t in list_tasks(db, TaskFilter(postponed_only=True))} == shown()
    bar.reset()
    assert proxy.rowCount() == 152


def test_dashboard_figures_and_chart_click_through(qtbot, window: MainWindow) -> None:
    actions = window.supervise.actions
    actions.set_focus([task_of(window, "1-1"), task_of(window, "1-2")], True)
    actions.postpone(task_of(window, "1-3"), "9月底前", "原因", "")
    window.show_dashboard()
    panel = window.dashboard
    qtbot.waitUntil(lambda: panel.figures["focus"].text().endswith("2"), timeout=10000)
    assert panel.figures["deadline_postponed"].text().endswith("1")
    assert panel.chart.bars and panel.chart.bars[0].postponed == 1
    assert panel.chart.bars[0].led == len(
        [t for t in window.tasks.model.records() if t.code.startswith("1-")]
    )
    qtbot.mouseClick(panel.figures["focus"], Qt.MouseButton.LeftButton)
    assert window.center.currentWidget() is window.tasks
    assert {r.code for r in window.tasks.proxy.accepted_rows()} == {"1-1", "1-2"}
    window.show_dashboard()
    qtbot.mouseClick(panel.figures["deadline_postponed"], Qt.MouseButton.LeftButton)
    assert [r.code for r in window.tasks.proxy.accepted_rows()] == ["1-3"]
    image = panel.chart.grab()
    assert image.width() > 100 and image.height() > 40


def test_a_ledger_and_its_items(qtbot, window: MainWindow) -> None:
    ctx = window.ctx
    window.menus.actions["newLedgerAction"].trigger()
    dialog = window.supervise.dialog
    dialog.title.setText("2020年市政府督办事项台账")
    dialog.year.setValue(2020)
    dialog.accept()
    ledger = next(p for p in list_plans(ctx.db) if p.kind == "ledger")
    assert ledger.title == "2020年市政府督办事项台账"
    qtbot.waitUntil(lambda: window.outline.current_plan().id == ledger.id, timeout=5000)
    window.menus.actions["addLedgerItemAction"].trigger()
    dialog = window.supervise.dialog
    type_text(dialog.text, "推进城区学校扩容工程")
    dialog.focus.setChecked(True)
    dialog.lead.setCurrentIndex(dialog.lead.findText("基础教育处"))
    type_text(dialog.deadline.edit, "9月底前")
    dialog.accept()
    qtbot.waitUntil(lambda: window.tasks.model.rowCount() == 1, timeout=5000)
    row = window.tasks.model.record(0)
    assert (row.text, row.source, row.focus, row.lead) == (
        "推进城区学校扩容工程", "meeting", True, "基础教育处",
    )  # fmt: skip
    assert row.deadline.due_on == "2020-09-30"
    ctx.undo_stack.undo()
    qtbot.waitUntil(lambda: window.tasks.model.rowCount() == 0, timeout=5000)
    ctx.undo_stack.undo()
    assert all(p.kind != "ledger" for p in list_plans(ctx.db))
    ctx.undo_stack.redo()
    assert any(p.id == ledger.id for p in list_plans(ctx.db))  # under the same id
    ctx.undo_stack.redo()
    items = list_tasks(ctx.db, TaskFilter(plan_id=ledger.id))
    assert [(t.text, t.focus, t.lead) for t in items] == [
        ("推进城区学校扩容工程", True, "基础教育处")
    ]


def test_adding_an_item_outside_a_ledger_says_where(window: MainWindow) -> None:
    window.menus.actions["addLedgerItemAction"].trigger()
    assert window.supervise.dialog is None
    assert window.ctx.prompts.shown[-1][0] == "info"
    QApplication.processEvents()


def _confirmation_form(db, department: str, rows: dict[int, tuple]):
    """A returned 分工确认表 as the form reader gives it."""
    import datetime as dt
    import hashlib

    from db.form_secret import form_stamp
    from domain.confirm_forms import ConfirmForm, ConfirmRow
    from domain.confirm_keys import confirm_form_id, confirm_row_key, parse_confirm_form_id

    plan = list_plans(db)[0]
    dept = require_department(db, department)
    stamp = form_stamp(db, plan.id, plan.generation)
    text = confirm_form_id(stamp, dept.id)
    filled = [
        ConfirmRow(confirm_row_key(stamp, dept.id, task_id), "", agreement, proposed, reason)
        for task_id, (agreement, proposed, reason) in rows.items()
    ]
    digest = hashlib.sha256(repr((department, rows)).encode()).hexdigest()
    return ConfirmForm(Path(f"{department}.docx"), parse_confirm_form_id(text), text,
                       dt.datetime.now(dt.UTC), filled, sha256=digest)  # fmt: skip


def test_the_review_accepts_proposals_as_one_undo_step(qtbot, window: MainWindow) -> None:
    from db import confirmations as cf
    from domain.confirm_forms import ADJUST

    ctx = window.ctx
    db = ctx.db
    first, second = task_of(window, "1-1").id, task_of(window, "1-2").id
    assign(db, [first], cooperating=[require_department(db, "办公室").id])
    plan_id = list_plans(db)[0].id
    forms = (  # made before any is read, as forms are exported before they come back
        _confirmation_form(db, "基础教育处", {
            first: (ADJUST, {"deadline": "9月底前"}, "需等上级文件"),
            second: (ADJUST, {"person": "张三"}, "由张三负责"),
        }),
        _confirmation_form(db, "办公室", {first: (ADJUST, {"deadline": "年底前"}, "经费未到位")}),
    )  # fmt: skip
    cf.record_replies(db, cf.preview_confirmations(db, list(forms), plan_id=plan_id))
    window.tasks.select_ids([first])
    window.menus.actions["reviewConfirmationsAction"].trigger()
    dialog = window.supervise.dialog
    qtmodel = dialog.model
    assert qtmodel.rowCount() == 3
    rows = {(p.code, p.field, p.department): r for r, p in enumerate(qtmodel.records())}
    conflict = [qtmodel.group(p).conflict for p in qtmodel.records()]
    assert conflict.count(True) == 2  # the two deadlines of 1-1, side by side
    assert abs(rows[("1-1", "deadline", "基础教育处")] - rows[("1-1", "deadline", "办公室")]) == 1
    # The keyboard: A accepts the row selected (and rejects the other side of its conflict).
    dialog.table.selectRow(rows[("1-1", "deadline", "基础教育处")])
    qtbot.keyClick(dialog.table, Qt.Key.Key_A)
    dialog.table.selectRow(rows[("1-2", "person", "基础教育处")])
    qtbot.keyClick(dialog.table, Qt.Key.Key_A)
    accept, reject = qtmodel.chosen()
    assert len(accept) == 2 and len(reject) == 1
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert ctx.undo_stack.count() == 1
    assert get_task(db, first).deadline.phrase == "9月底前"
    assert get_task(db, first).postponements == 1  # a deadline moved by confirmation is a 延期
    assert get_task(db, second).person == "张三"
    assert cf.plan_proposals(db, plan_id, undecided_only=True) == []
    ctx.undo_stack.undo()
    assert get_task(db, first).deadline.phrase == "6月底前"
    assert get_task(db, second).person == ""
    assert len(cf.plan_proposals(db, plan_id, undecided_only=True)) == 3
    ctx.undo_stack.redo()
    assert get_task(db, second).person == "张三"
    dialog.reject()


def test_the_review_model_passes_the_model_tester(qtmodeltester, window: MainWindow) -> None:
    from db import confirmations as cf
    from domain.confirm_forms import ADJUST

    db = window.ctx.db
    task = task_of(window, "1-1").id
    form = _confirmation_form(db, "基础教育处", {task: (ADJUST, {"deadline": "9月底前"}, "原因")})
    cf.record_replies(db, cf.preview_confirmations(db, [form], plan_id=list_plans(db)[0].id))
    window.supervise.review_confirmations()
    qtmodeltester.check(window.supervise.dialog.model)
    window.supervise.dialog.reject()


def test_confirmation_forms_out_and_back_through_the_window(qtbot, window, tmp_path) -> None:
    from db import confirmations as cf
    from qtapp.ui.confirmation_review import ConfirmationReviewDialog
    from tests.form_filling import fill_confirm_docx

    ctx = window.ctx
    folder = tmp_path / "分工确认"
    window.menus.actions["exportConfirmationsAction"].trigger()
    dialog = window.supervise.dialog
    dialog.folder.setText(str(folder))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.written), timeout=20000)
    assert [p.suffix for p in dialog.written] == [".docx"]  # 基础教育处 alone has tasks
    dialog.reject()
    first = task_of(window, "1-1").id
    fill_confirm_docx(dialog.written[0], {
        first: {"choice": "需调整", "deadline": "9月底前", "reason": "需等上级文件"},
    })  # fmt: skip
    ctx.prompts.answers.append(str(folder))
    window.menus.actions["readConfirmationFolderAction"].trigger()
    qtbot.waitUntil(
        lambda: isinstance(window.supervise.dialog, ConfirmationReviewDialog), timeout=20000
    )
    review = window.supervise.dialog
    assert "1 form(s) read" in review.summary.text()
    assert [(p.code, p.field, p.shown) for p in review.model.records()] == [
        ("1-1", "deadline", "9月底前")
    ]
    states = {s.department: s.state for s in cf.confirmation_states(ctx.db, window.tasks.plan_id)}
    assert states["基础教育处"] == "objections"
    qtbot.mouseClick(review.accept_all, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(review.apply_button, Qt.MouseButton.LeftButton)
    assert get_task(ctx.db, first).deadline.phrase == "9月底前"
    assert ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    assert get_task(ctx.db, first).deadline.phrase == "6月底前"
    review.reject()


def test_the_report_with_the_department_chart(qtbot, window: MainWindow, tmp_path) -> None:
    """附统计图: the 通报 exported from the dialog carries the chart as a picture."""
    from docx import Document

    from qtapp.ui.export_dialog import ExportDialog

    dialog = ExportDialog(window.ctx, "report")
    qtbot.addWidget(dialog)
    assert dialog.with_chart.isVisibleTo(dialog)
    dialog.with_chart.setChecked(True)
    target = tmp_path / "通报.docx"
    dialog.output.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=30000):
        dialog.start_export()
    pictures = Document(str(target)).inline_shapes
    assert len(pictures) == 1
    plain = tmp_path / "通报-无图.docx"
    dialog.with_chart.setChecked(False)
    dialog.output.setText(str(plain))
    with qtbot.waitSignal(dialog.exported, timeout=30000):
        dialog.start_export()
    assert len(Document(str(plain)).inline_shapes) == 0


def test_a_light_judged_by_its_target_is_the_same_everywhere(qtbot, window: MainWindow) -> None:
    """With a 阶段目标 the table, the detail panel and the dashboard judge the same light."""
    import datetime as dt

    from db.dashboard import dashboard
    from db.progress import list_periods, record_progress

    ctx = window.ctx
    plan_id = window.tasks.plan_id
    q2 = next(p for p in list_periods(ctx.db, plan_id) if p.starts_on == "2020-04-01").id
    task_id = task_of(window, "1-2").id
    record_progress(ctx.db, task_id, q2, status="on_track", percent=30)
    sv.set_target(ctx.db, task_id, q2, "完成方案初稿", 20)
    # Each change reads the rows again; the last reading is the one to judge.
    if ctx.current_period(plan_id) != q2:
        with qtbot.waitSignal(window.tasks.loaded, timeout=10000):
            ctx.set_period(plan_id, q2)
    with qtbot.waitSignal(window.tasks.loaded, timeout=10000):
        ctx.set_as_of(dt.date(2020, 5, 31))  # linear 序时 would want 83 % by now
    row = task_of(window, "1-2")
    in_table = window.tasks.model.light(row)
    figures = dashboard(ctx.db, plan_id, q2, as_of=dt.date(2020, 5, 31))
    assert (in_table.color, in_table.reason) == (
        figures.lights[task_id].color,
        figures.lights[task_id].reason,
    )
    assert in_table.color == "green" and "20%" in in_table.reason
    window.detail.tabs.setCurrentIndex(1)
    select(window, "1-2")
    qtbot.waitUntil(lambda: in_table.reason in window.detail.progress.light.text())

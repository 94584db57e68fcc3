"""The directory dialog: departments and leaders, every change one undo step."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTableView,
)

from db.assignments import assign, snapshot
from db.departments import add_department, find_department, get_department, list_departments
from db.imports import import_plan
from db.leaders import add_leader, leader_for_department, list_leaders
from db.tasks import list_tasks
from qtapp.context import AppContext
from qtapp.models.directory_models import (
    COL_ALIASES,
    COL_LEADERS,
    COL_NAME,
    COL_SHORT_NAME,
    COL_STATUS,
    DepartmentTableModel,
    LeaderTableModel,
)
from qtapp.prompts import ScriptedPrompts
from qtapp.ui.directory_dialog import DirectoryDialog, split_names
from qtapp.ui_settings import UiSettings
from tests.conftest import SAMPLE_PLAN

pytestmark = pytest.mark.gui


@pytest.fixture
def ctx(db_path: Path, tmp_path: Path) -> Iterator[AppContext]:
    settings = UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    context = AppContext(db_path, ScriptedPrompts(), settings)
    yield context
    context.close()


@pytest.fixture
def dialog(qtbot, ctx: AppContext) -> DirectoryDialog:
    dlg = DirectoryDialog(ctx)
    qtbot.addWidget(dlg)
    return dlg


def answers(*values: object) -> Callable[..., object]:
    """A stand-in for an ask_* method that gives these answers in turn."""
    queue = list(values)
    return lambda *_args: queue.pop(0)


def names(ctx: AppContext) -> list[str]:
    return [d.name for d in list_departments(ctx.db)]


def button(dialog: DirectoryDialog, name: str) -> QPushButton:
    found = dialog.findChild(QPushButton, name)
    assert found is not None, name
    return found


def table(dialog: DirectoryDialog, name: str = "departmentTable") -> QTableView:
    found = dialog.findChild(QTableView, name)
    assert found is not None, name
    return found


def select_row(view: QTableView, row: int) -> None:
    view.selectRow(row)
    assert view.selectionModel().selectedRows()[0].row() == row


def test_split_names_accepts_lines_and_chinese_commas() -> None:
    text = "办公室\n 基础教育处、职业与成人教育处，人事处, 办公室\n\n基礎教育處"
    assert split_names(text) == ["办公室", "基础教育处", "职业与成人教育处", "人事处"]


def test_models_pass_the_model_tester(qtmodeltester, ctx: AppContext) -> None:
    db = ctx.db
    basic = add_department(db, "基础教育处", short_name="基教处", aliases=["基础处"])
    vocational = add_department(db, "职业与成人教育处", short_name="职成处")
    add_department(db, "办公室")
    add_leader(db, "李明", title="副局长", department_ids=[basic.id, vocational.id])
    from db.departments import merge_departments

    merge_departments(db, vocational.id, basic.id)
    departments = list_departments(db, include_retired=True)
    leaders = list_leaders(db, include_retired=True)

    model = DepartmentTableModel()
    model.load(departments, leaders, show_retired=True)
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    assert model.data(model.index(0, COL_SHORT_NAME)) == "基教处"
    assert set(model.data(model.index(0, COL_ALIASES)).split("、")) == {
        "基础处",
        "职业与成人教育处",
        "职成处",
    }
    assert model.data(model.index(0, COL_LEADERS)) == "李明"
    assert "基础教育处" in model.data(model.index(1, COL_STATUS))  # merged into …
    assert model.data(model.index(1, 0), DepartmentTableModel.RecordRole).id == vocational.id
    model.load(departments, leaders, show_retired=False)
    assert model.rowCount() == 2

    leader_model = LeaderTableModel()
    leader_model.load(leaders, departments)
    qtmodeltester.check(leader_model)
    assert leader_model.data(leader_model.index(0, 1)) == "副局长"
    assert leader_model.data(leader_model.index(0, 2)) == "基础教育处、职业与成人教育处"


def test_set_data_asks_for_the_change_and_writes_nothing(qtbot, ctx: AppContext) -> None:
    add_department(ctx.db, "办公室")
    model = DepartmentTableModel()
    model.load(list_departments(ctx.db), [])
    index = model.index(0, COL_NAME)
    assert model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, COL_STATUS)) & Qt.ItemFlag.ItemIsEditable
    with qtbot.waitSignal(model.edit_requested) as blocker:
        assert model.setData(index, "局办公室") is False
    assert blocker.args == [model.record(0).id, COL_NAME, "局办公室"]
    assert names(ctx) == ["办公室"]


def test_add_and_paste_a_list_each_one_undo_step(dialog: DirectoryDialog, ctx: AppContext) -> None:
    dialog.ask_text = answers("办公室")  # type: ignore[method-assign]
    button(dialog, "addDepartmentButton").click()
    assert names(ctx) == ["办公室"]
    assert dialog.selected_department().name == "办公室"
    assert ctx.undo_stack.count() == 1

    added = dialog.paste_departments("基础教育处、职业与成人教育处，办公室\n人事处\n基礎教育處")
    assert len(added) == 3
    assert names(ctx) == ["办公室", "基础教育处", "职业与成人教育处", "人事处"]
    assert dialog.department_model.rowCount() == 4
    assert ctx.undo_stack.count() == 2
    assert ctx.undo_stack.undoText() == "Add 3 department(s)"

    ctx.undo_stack.undo()
    assert names(ctx) == ["办公室"]
    assert dialog.department_model.rowCount() == 1
    ctx.undo_stack.redo()
    assert names(ctx) == ["办公室", "基础教育处", "职业与成人教育处", "人事处"]
    assert [d.id for d in list_departments(ctx.db)][1:] == added

    # The button asks for the list; nothing new: nothing on the stack, the clerk is told.
    dialog.ask_department_list = answers("办公室、人事处")  # type: ignore[method-assign]
    button(dialog, "pasteDepartmentsButton").click()
    assert ctx.undo_stack.count() == 2
    assert ctx.prompts.shown[-1][0] == "info"


def test_rename_through_the_table_and_undo(dialog: DirectoryDialog, ctx: AppContext) -> None:
    dialog.paste_departments("基础教育处\n办公室")
    view = table(dialog)
    model = view.model()
    model.setData(model.index(1, COL_NAME), "局办公室")
    assert find_department(ctx.db, "局办公室").name == "局办公室"
    assert find_department(ctx.db, "办公室").name == "局办公室"  # the old name is an alias
    assert model.data(model.index(1, COL_NAME)) == "局办公室"
    assert ctx.undo_stack.undoText() == "Rename department"

    model.setData(model.index(1, COL_SHORT_NAME), "办")
    model.setData(model.index(1, COL_ALIASES), "综合处、局办")  # drops 办公室, adds two
    dept = find_department(ctx.db, "局办公室")
    assert dept.short_name == "办"
    assert set(dept.aliases) == {"综合处", "局办"}
    assert ctx.undo_stack.count() == 4

    for _ in range(3):
        ctx.undo_stack.undo()
    assert names(ctx) == ["基础教育处", "办公室"]
    assert find_department(ctx.db, "局办公室") is None
    assert model.data(model.index(1, COL_NAME)) == "办公室"


def test_duplicate_name_is_refused_and_nothing_changes(
    dialog: DirectoryDialog, ctx: AppContext
) -> None:
    dialog.paste_departments("基础教育处\n办公室")
    model = table(dialog).model()
    before = list_departments(ctx.db)
    model.setData(model.index(1, COL_NAME), "基础教育处")
    model.setData(model.index(1, COL_ALIASES), "基础教育处")
    dialog.ask_text = answers("办公室")  # type: ignore[method-assign]
    assert dialog.add_department() is None
    assert [kind for kind, *_ in ctx.prompts.shown] == ["error", "error", "error"]
    assert list_departments(ctx.db) == before
    assert ctx.undo_stack.count() == 1
    assert model.data(model.index(1, COL_NAME)) == "办公室"


def test_reorder_with_buttons_and_keys(qtbot, dialog: DirectoryDialog, ctx: AppContext) -> None:
    dialog.paste_departments("办公室、基础教育处、职业与成人教育处")
    dialog.show()
    qtbot.waitExposed(dialog)
    view = table(dialog)
    select_row(view, 2)
    assert not button(dialog, "moveDownButton").isEnabled()
    qtbot.mouseClick(button(dialog, "moveUpButton"), Qt.MouseButton.LeftButton)
    assert names(ctx) == ["办公室", "职业与成人教育处", "基础教育处"]
    assert dialog.selected_department().name == "职业与成人教育处"  # the selection follows
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert names(ctx) == ["职业与成人教育处", "办公室", "基础教育处"]
    assert not button(dialog, "moveUpButton").isEnabled()
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert names(ctx) == ["办公室", "职业与成人教育处", "基础教育处"]
    assert ctx.undo_stack.count() == 4
    assert ctx.undo_stack.undoText() == "Move department"
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    assert names(ctx) == ["办公室", "职业与成人教育处", "基础教育处"]


def test_retire_hides_the_row_until_show_retired(dialog: DirectoryDialog, ctx: AppContext) -> None:
    dialog.paste_departments("办公室、基础教育处")
    view = table(dialog)
    select_row(view, 0)
    button(dialog, "retireButton").click()
    assert names(ctx) == ["基础教育处"]
    assert dialog.department_model.rowCount() == 1
    assert dialog.selected_department().name == "基础教育处"  # the row below moves up
    check = dialog.findChild(QCheckBox, "showRetiredCheck")
    check.setChecked(True)
    assert dialog.department_model.rowCount() == 2
    select_row(view, 0)
    assert not dialog.selected_department().active
    button(dialog, "retireButton").click()  # reactivates
    assert names(ctx) == ["办公室", "基础教育处"]
    assert ctx.undo_stack.undoText() == "Reactivate department"


def test_merge_moves_assignments_and_undo_puts_them_back(
    dialog: DirectoryDialog, ctx: AppContext
) -> None:
    db = ctx.db
    dialog.paste_departments("基础教育处、职业与成人教育处、办公室")
    basic, vocational, office = list_departments(db)
    add_leader(db, "李明", department_ids=[vocational.id])
    import_plan(db, SAMPLE_PLAN)
    tasks = [t.id for t in list_tasks(db)[:4]]
    assign(db, [tasks[0]], lead=vocational.id, cooperating=[office.id])
    assign(db, [tasks[1]], lead=basic.id, cooperating=[vocational.id, office.id])
    assign(db, [tasks[2]], lead=vocational.id, cooperating=[basic.id])  # both: lead wins
    assign(db, [tasks[3]], lead=office.id)
    dialog.reload()
    before = snapshot(db, tasks)
    depth = ctx.undo_stack.count()

    select_row(table(dialog), 1)
    dialog.ask_choice = answers(0)  # type: ignore[method-assign]  # into 基础教育处
    ctx.prompts.answers.append(True)  # the confirmation
    button(dialog, "mergeButton").click()
    assert ctx.prompts.shown[-1][0] == "confirm"
    assert ctx.undo_stack.count() == depth + 1
    assert ctx.undo_stack.undoText() == "Merge 职业与成人教育处 into 基础教育处"
    after = snapshot(db, tasks)
    assert after[0].lead_id == basic.id and after[0].cooperating_ids == (office.id,)
    assert after[1].lead_id == basic.id and after[1].cooperating_ids == (office.id,)
    assert after[2].lead_id == basic.id and after[2].cooperating_ids == ()
    assert after[3] == before[3]
    assert not get_department(db, vocational.id).active
    assert find_department(db, "职业与成人教育处").id == basic.id
    assert leader_for_department(db, basic.id).name == "李明"
    assert dialog.selected_department().id == basic.id
    assert dialog.department_model.rowCount() == 2

    ctx.undo_stack.undo()
    assert snapshot(db, tasks) == before
    restored = get_department(db, vocational.id)
    assert restored.active and restored.merged_into_id is None
    assert "职业与成人教育处" not in get_department(db, basic.id).aliases
    assert leader_for_department(db, basic.id) is None
    assert dialog.department_model.rowCount() == 3
    ctx.undo_stack.redo()
    assert snapshot(db, tasks) == after


def test_merge_cancelled_changes_nothing(dialog: DirectoryDialog, ctx: AppContext) -> None:
    dialog.paste_departments("基础教育处、办公室")
    select_row(table(dialog), 0)
    dialog.ask_choice = answers(0)  # type: ignore[method-assign]
    ctx.prompts.answers.append(False)  # "No" to the confirmation
    assert dialog.merge_department() is False
    assert names(ctx) == ["基础教育处", "办公室"]
    assert ctx.undo_stack.count() == 1


def test_leaders_add_link_reorder_retire(dialog: DirectoryDialog, ctx: AppContext) -> None:
    db = ctx.db
    dialog.paste_departments("基础教育处、职业与成人教育处、办公室")
    basic, vocational, office = list_departments(db)
    dialog.ask_text = answers("李明", "副局长", "王芳", "")  # type: ignore[method-assign]
    button(dialog, "addLeaderButton").click()
    button(dialog, "addLeaderButton").click()
    li, wang = list_leaders(db)
    assert (li.name, li.title, wang.name, wang.title) == ("李明", "副局长", "王芳", "")
    assert dialog.selected_leader().id == wang.id

    view = table(dialog, "leaderTable")
    select_row(view, 0)
    dialog.ask_departments = answers([basic.id, office.id])  # type: ignore[method-assign]
    button(dialog, "leaderDepartmentsButton").click()
    assert leader_for_department(db, basic.id).id == li.id
    assert leader_for_department(db, office.id).id == li.id
    assert leader_for_department(db, vocational.id) is None
    assert view.model().data(view.model().index(0, 2)) == "基础教育处、办公室"
    assert dialog.department_model.data(dialog.department_model.index(0, COL_LEADERS)) == "李明"

    button(dialog, "leaderDownButton").click()
    assert [x.name for x in list_leaders(db)] == ["王芳", "李明"]
    assert dialog.selected_leader().id == li.id
    button(dialog, "retireLeaderButton").click()
    assert leader_for_department(db, basic.id) is None
    assert ctx.undo_stack.undoText() == "Retire leader"

    view.model().setData(view.model().index(0, 0), "王芳芳")
    assert [x.name for x in list_leaders(db)] == ["王芳芳"]
    view.model().setData(view.model().index(0, 0), "李明")  # taken (a retired leader)
    assert ctx.prompts.shown[-1][0] == "error"

    for _ in range(4):  # rename, retire, move, link
        ctx.undo_stack.undo()
    assert [x.name for x in list_leaders(db)] == ["李明", "王芳"]
    assert leader_for_department(db, basic.id) is None
    assert dialog.leader_model.rowCount() == 2


def test_undo_from_outside_reloads_and_keeps_the_selection(
    dialog: DirectoryDialog, ctx: AppContext
) -> None:
    dialog.paste_departments("基础教育处、办公室、人事处")
    select_row(table(dialog), 1)
    dialog.ask_text = answers("督查室")  # type: ignore[method-assign]
    dialog.add_department()
    assert dialog.selected_department().name == "督查室"
    ctx.undo_stack.undo()  # as from the main window's Edit menu
    assert dialog.department_model.rowCount() == 3
    assert dialog.selected_department().name == "人事处"  # the row it was on, kept in range
    select_row(table(dialog), 0)
    model = table(dialog).model()
    model.setData(model.index(0, COL_NAME), "基础教育一处")
    ctx.undo_stack.undo()
    assert dialog.selected_department().name == "基础教育处"


def test_the_default_questions_fill_in(qtbot, dialog: DirectoryDialog, ctx: AppContext) -> None:
    dialog.paste_departments("基础教育处、办公室、人事处")
    basic, office, _staff = list_departments(ctx.db)

    def tick_office() -> None:
        box = dialog.findChild(QDialog, "leaderDepartmentsDialog")
        box.findChild(QListWidget, "leaderDepartmentsList").item(1).setCheckState(
            Qt.CheckState.Checked
        )
        box.accept()

    QTimer.singleShot(0, tick_office)
    assert dialog.ask_departments([basic.id]) == [basic.id, office.id]

    def type_list() -> None:
        box = dialog.findChild(QDialog, "pasteDepartmentsDialog")
        box.findChild(QPlainTextEdit, "pasteDepartmentsEdit").setPlainText("督查室\n信访办")
        box.accept()

    QTimer.singleShot(0, type_list)
    button(dialog, "pasteDepartmentsButton").click()
    assert names(ctx) == ["基础教育处", "办公室", "人事处", "督查室", "信访办"]


def test_typing_in_the_table_is_one_command(
    qtbot, dialog: DirectoryDialog, ctx: AppContext
) -> None:
    dialog.paste_departments("基础教育处、办公室")
    dialog.show()
    qtbot.waitExposed(dialog)
    view = table(dialog)
    index = view.model().index(1, COL_NAME)

    def type_name(text: str) -> None:
        view.setCurrentIndex(index)
        view.edit(index)
        # The editor of the previous edit may linger until deleteLater runs: take the open one.
        qtbot.waitUntil(lambda: any(e.isVisible() for e in view.findChildren(QLineEdit)))
        editor = next(e for e in view.findChildren(QLineEdit) if e.isVisible())
        editor.setText(text)
        qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next turn

    type_name("局办公室")
    qtbot.waitUntil(lambda: ctx.undo_stack.count() == 2)
    assert names(ctx) == ["基础教育处", "局办公室"]
    assert dialog.selected_department().name == "局办公室"
    type_name("基础教育处")  # taken: refused, said, nothing changes
    qtbot.waitUntil(lambda: len(ctx.prompts.shown) == 1)
    assert ctx.prompts.shown[0][0] == "error"
    assert view.model().data(index) == "局办公室"
    assert ctx.undo_stack.count() == 2

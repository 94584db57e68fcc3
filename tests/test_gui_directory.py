"""The directory dialog: departments and leaders, every change one undo step."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QInputDialog,
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
    COL_LEADER_NAME,
    COL_LEADER_TITLE,
    COL_LEADERS,
    COL_NAME,
    COL_SHORT_NAME,
    COL_STATUS,
    DepartmentTableModel,
    LeaderTableModel,
)
from qtapp.prompts import QtPrompts, ScriptedPrompts
from qtapp.ui.directory_dialog import LEADER_CAPS, DirectoryDialog
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
    ctx.prompts.answers.append("办公室")
    button(dialog, "addDepartmentButton").click()
    assert names(ctx) == ["办公室"]
    assert dialog.selected_department().name == "办公室"
    assert ctx.undo_stack.count() == 1

    added = dialog.actions.add_department_list(
        "基础教育处、职业与成人教育处，办公室\n人事处\n基礎教育處"
    )
    assert len(added) == 3
    assert ctx.prompts.shown[-1][0] == "info"  # 办公室 and 基礎教育處 were there: said
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
    ctx.prompts.answers.append("办公室、人事处")
    button(dialog, "pasteDepartmentsButton").click()
    assert ctx.undo_stack.count() == 2
    assert ctx.prompts.shown[-1][0] == "info"


def test_rename_through_the_table_and_undo(dialog: DirectoryDialog, ctx: AppContext) -> None:
    dialog.actions.add_department_list("基础教育处\n办公室")
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
    dialog.actions.add_department_list("基础教育处\n办公室")
    model = table(dialog).model()
    before = list_departments(ctx.db)
    model.setData(model.index(1, COL_NAME), "基础教育处")
    model.setData(model.index(1, COL_ALIASES), "基础教育处")
    ctx.prompts.answers.append("办公室")
    assert dialog.add_department() is None
    assert [kind for kind, *_ in ctx.prompts.shown] == ["error", "error", "text", "error"]
    assert list_departments(ctx.db) == before
    assert ctx.undo_stack.count() == 1
    assert model.data(model.index(1, COL_NAME)) == "办公室"


def test_reorder_with_buttons_and_keys(qtbot, dialog: DirectoryDialog, ctx: AppContext) -> None:
    dialog.actions.add_department_list("办公室、基础教育处、职业与成人教育处")
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
    dialog.actions.add_department_list("办公室、基础教育处")
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
    dialog.actions.add_department_list("基础教育处、职业与成人教育处、办公室")
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
    ctx.prompts.answers.extend(["基础教育处", True])  # the target, then the confirmation
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
    dialog.actions.add_department_list("基础教育处、办公室")
    select_row(table(dialog), 0)
    ctx.prompts.answers.extend([0, False])  # the first target; "No" to the confirmation
    assert dialog.merge_department() is False
    assert names(ctx) == ["基础教育处", "办公室"]
    assert ctx.undo_stack.count() == 1


def test_leaders_add_link_reorder_retire(dialog: DirectoryDialog, ctx: AppContext) -> None:
    db = ctx.db
    dialog.actions.add_department_list("基础教育处、职业与成人教育处、办公室")
    basic, vocational, office = list_departments(db)
    ctx.prompts.answers.extend(["李明", "副局长", "王芳", ""])
    button(dialog, "addLeaderButton").click()
    button(dialog, "addLeaderButton").click()
    li, wang = list_leaders(db)
    assert (li.name, li.title, wang.name, wang.title) == ("李明", "副局长", "王芳", "")
    assert dialog.selected_leader().id == wang.id

    view = table(dialog, "leaderTable")
    select_row(view, 0)
    ctx.prompts.answers.append(["基础教育处", "办公室"])  # ticked in the checklist
    button(dialog, "leaderDepartmentsButton").click()
    assert ctx.prompts.shown[-1] == (
        "checklist",
        "Departments supervised",
        "基础教育处\n职业与成人教育处\n办公室",
    )
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
    dialog.actions.add_department_list("基础教育处、办公室、人事处")
    select_row(table(dialog), 1)
    ctx.prompts.answers.append("督查室")
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


def type_into(qtbot, view: QTableView, index: QModelIndex, text: str) -> None:
    """Open the cell's own editor, type, press Enter, and wait until the delegate has
    committed and closed it (it does so on the next turn of the event loop)."""
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.indexWidget(index)  # this cell's editor, never one closed before
    assert isinstance(editor, QLineEdit)
    editor.setText(text)  # (QTest types ASCII only)
    with qtbot.waitSignal(view.itemDelegate().closeEditor):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert view.indexWidget(index) is None


def test_typing_in_the_table_is_one_command(
    qtbot, dialog: DirectoryDialog, ctx: AppContext
) -> None:
    dialog.actions.add_department_list("基础教育处、办公室")
    dialog.show()
    qtbot.waitExposed(dialog)
    view = table(dialog)
    index = view.model().index(1, COL_NAME)

    type_into(qtbot, view, index, "局办公室")
    assert ctx.undo_stack.count() == 2
    assert names(ctx) == ["基础教育处", "局办公室"]
    assert dialog.selected_department().name == "局办公室"
    type_into(qtbot, view, index, "基础教育处")  # taken: refused, said, nothing changes
    assert [kind for kind, *_ in ctx.prompts.shown] == ["error"]
    assert view.model().data(index) == "局办公室"
    assert ctx.undo_stack.count() == 2


def test_a_title_typed_in_the_leader_table_is_one_command(
    qtbot, dialog: DirectoryDialog, ctx: AppContext
) -> None:
    add_leader(ctx.db, "李明", title="副局长")
    add_leader(ctx.db, "王红")
    dialog.reload()
    dialog.show()
    dialog.tabs.setCurrentIndex(1)
    qtbot.waitExposed(dialog)
    view = table(dialog, "leaderTable")
    title = view.model().index(0, COL_LEADER_TITLE)
    assert view.model().flags(title) & Qt.ItemFlag.ItemIsEditable

    type_into(qtbot, view, title, "常务副局长")
    assert [(x.name, x.title) for x in list_leaders(ctx.db)] == [
        ("李明", "常务副局长"),
        ("王红", ""),
    ]
    assert ctx.undo_stack.count() == 1
    assert ctx.undo_stack.undoText() == "Change the title of 李明"
    assert view.model().data(title) == "常务副局长"
    type_into(qtbot, view, view.model().index(1, COL_LEADER_TITLE), "副局长")
    assert list_leaders(ctx.db)[1].title == "副局长"

    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    assert [(x.name, x.title) for x in list_leaders(ctx.db)] == [("李明", "副局长"), ("王红", "")]
    assert view.model().data(title) == "副局长"


def test_pasting_departments_with_short_names_and_aliases(
    dialog: DirectoryDialog, ctx: AppContext
) -> None:
    ctx.prompts.answers.append(
        "# 处室名单\n组织干部处 | 组干处 | 组织人事处、人事处\n基础教育处\t基教处\n\n办公室\n"
    )
    button(dialog, "pasteDepartmentsButton").click()
    assert names(ctx) == ["组织干部处", "基础教育处", "办公室"]
    organisation = find_department(ctx.db, "组干处")
    assert organisation.name == "组织干部处"
    assert set(organisation.aliases) == {"组织人事处", "人事处"}
    assert find_department(ctx.db, "基教处").name == "基础教育处"
    assert ctx.undo_stack.count() == 1
    assert ctx.undo_stack.undoText() == "Add 3 department(s)"
    assert dialog.selected_department().name == "组织干部处"
    ctx.undo_stack.undo()
    assert names(ctx) == []


def test_pasting_leaders_is_one_step(dialog: DirectoryDialog, ctx: AppContext) -> None:
    dialog.actions.add_department_list("基础教育处 | 基教处\n教师工作处\n办公室")
    depth = ctx.undo_stack.count()
    ctx.prompts.answers.append(
        "李明 副局长\n王红，副局长\n张  建\t党委书记、局长\n赵磊 | 副局长 | 基教处、教师工作处\n"
    )
    button(dialog, "pasteLeadersButton").click()
    leaders = list_leaders(ctx.db)
    assert [(x.name, x.title) for x in leaders] == [
        ("李明", "副局长"),
        ("王红", "副局长"),
        ("张建", "党委书记、局长"),
        ("赵磊", "副局长"),
    ]
    basic, teachers = find_department(ctx.db, "基础教育处"), find_department(ctx.db, "教师工作处")
    assert leaders[3].department_ids == (basic.id, teachers.id)
    assert ctx.undo_stack.count() == depth + 1
    assert ctx.undo_stack.undoText() == "Add 4 leader(s)"
    assert dialog.tabs.currentIndex() == 1
    assert dialog.selected_leader().name == "李明"
    assert dialog.leader_model.rowCount() == 4

    # The same list again adds nothing and says so; undo takes the four away at once.
    ctx.prompts.answers.append("李明 副局长\n王红 副局长")
    button(dialog, "pasteLeadersButton").click()
    assert ctx.prompts.shown[-1][0] == "info"
    assert ctx.undo_stack.count() == depth + 1
    ctx.undo_stack.undo()
    assert list_leaders(ctx.db) == []
    assert dialog.leader_model.rowCount() == 0


def test_a_pasted_line_that_cannot_be_read_adds_nothing_and_comes_back(
    dialog: DirectoryDialog, ctx: AppContext
) -> None:
    dialog.actions.add_department_list("基础教育处")
    depth = ctx.undo_stack.count()
    bad = "李明 副局长\n李明副局长分管基础教育处\n王红 副局长"
    ctx.prompts.answers.extend([bad, None])  # the list, then Cancel when it comes back
    assert dialog.paste_leader_list() == []
    kinds = [(kind, text) for kind, _title, text in ctx.prompts.shown]
    assert [kind for kind, _ in kinds] == ["paste", "error", "paste"]
    assert "2" in kinds[1][1] and "李明副局长分管基础教育处" in kinds[1][1]
    assert kinds[2][1] == bad  # the clerk corrects the list, not types it again
    assert list_leaders(ctx.db) == []
    assert ctx.undo_stack.count() == depth

    # A department the directory lacks is refused by its line, and nothing is added.
    ctx.prompts.answers.extend(["李明 副局长\n王红 | 副局长 | 督查室", None])
    assert dialog.paste_leader_list() == []
    error = [text for kind, _title, text in ctx.prompts.shown if kind == "error"][-1]
    assert "line 2" in error and "督查室" in error
    assert list_leaders(ctx.db) == []
    assert ctx.undo_stack.count() == depth

    ctx.prompts.answers.extend(["办公室 | 办 | 综合处 | 多余", None])
    assert dialog.paste_department_list() == []
    assert names(ctx) == ["基础教育处"]
    assert ctx.prompts.shown[-2][0] == "error"


def test_names_are_whole_and_widths_are_remembered(qtbot, tmp_path: Path) -> None:
    from cli.demo import prepare_demo

    settings = UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    ctx = AppContext(prepare_demo(tmp_path / "demo.sqlite3"), ScriptedPrompts(), settings)
    try:
        dialog = DirectoryDialog(ctx)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        view = table(dialog)
        longest = max(
            view.fontMetrics().horizontalAdvance(d.name) for d in list_departments(ctx.db)
        )
        assert view.columnWidth(COL_NAME) >= longest
        for column in (COL_NAME, COL_SHORT_NAME, COL_LEADERS):
            assert view.columnWidth(column) >= view.sizeHintForColumn(column)

        dialog.tabs.setCurrentIndex(1)
        leaders = table(dialog, "leaderTable")
        qtbot.waitUntil(leaders.isVisible)
        for column in (COL_LEADER_NAME, COL_LEADER_TITLE):
            assert leaders.columnWidth(column) >= leaders.sizeHintForColumn(column)

        # Content that grows widens its column; the clerk's own width is kept next time.
        # (Up to the column's cap: the fonts a test run has loaded may make the text wider.)
        em = leaders.fontMetrics().horizontalAdvance("中")
        cap = (LEADER_CAPS[COL_LEADER_TITLE] + 2) * em
        narrow = leaders.columnWidth(COL_LEADER_TITLE)
        dialog.actions.set_leader_title(list_leaders(ctx.db)[0], "党委书记、局长、一级巡视员")
        qtbot.waitUntil(
            lambda: (
                leaders.columnWidth(COL_LEADER_TITLE)
                >= min(leaders.sizeHintForColumn(COL_LEADER_TITLE), cap)
            )
        )
        assert leaders.columnWidth(COL_LEADER_TITLE) > narrow
        view.horizontalHeader().resizeSection(COL_NAME, 333)
        dialog.close()
        again = DirectoryDialog(ctx)
        qtbot.addWidget(again)
        again.show()
        qtbot.waitExposed(again)
        assert table(again).columnWidth(COL_NAME) == 333
    finally:
        ctx.close()


def test_the_questions_open_real_dialogs(qtbot, dialog: DirectoryDialog) -> None:
    """What ``QtPrompts`` shows for the directory's questions, answered as a clerk would."""
    prompts = QtPrompts(None)
    dialog.setModal(True)
    dialog.show()
    qtbot.waitExposed(dialog)

    def later(answer: Callable[[], None]) -> None:
        QTimer.singleShot(0, answer)

    def tick_second() -> None:
        box = dialog.findChild(QDialog, "checklistDialog")  # asked over the open dialog
        box.findChild(QListWidget, "checklistList").item(1).setCheckState(Qt.CheckState.Checked)
        box.accept()

    later(tick_second)
    assert prompts.ask_checklist("t", "which", ["基础教育处", "办公室", "人事处"], [0]) == [0, 1]

    def paste() -> None:
        box = dialog.findChild(QDialog, "pasteListDialog")
        edit = box.findChild(QPlainTextEdit, "pasteListEdit")
        assert edit.toPlainText() == "督查室"  # the text given back to be corrected
        edit.setPlainText("督查室\n信访办")
        box.accept()

    later(paste)
    assert prompts.ask_pasted_list("t", "list", "例", "督查室") == "督查室\n信访办"

    def cancel() -> None:
        dialog.findChild(QDialog, "pasteListDialog").reject()

    later(cancel)
    assert prompts.ask_pasted_list("t", "list") is None

    def type_text() -> None:
        box = dialog.findChild(QInputDialog)
        box.setTextValue("督查室")
        box.accept()

    later(type_text)
    assert prompts.ask_text("t", "name") == "督查室"

    def choose() -> None:
        box = dialog.findChild(QInputDialog)
        box.setTextValue("人事处")
        box.accept()

    later(choose)
    assert prompts.ask_choice("t", "into", ["基础教育处", "办公室", "人事处"]) == 2

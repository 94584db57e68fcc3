"""The desk, driven as a clerk would: real widgets offscreen, real database underneath.

Tests find widgets by objectName and check data and the database, never the words on
screen, so they pass in any UI language.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLineEdit, QPushButton, QTableView, QTreeView

from db.departments import require_department
from db.leaders import require_leader
from db.tasks import TaskFilter, list_tasks
from qtapp.app import build_window
from qtapp.models.task_table_model import COL_CODE, COL_DEADLINE, COL_LEAD
from qtapp.prompts import ScriptedPrompts
from qtapp.ui.main_window import MainWindow
from qtapp.ui_settings import UiSettings
from tests.gui_helpers import type_text

pytestmark = pytest.mark.gui


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    from cli.demo import prepare_demo

    return prepare_demo(tmp_path / "demo.sqlite3")


@pytest.fixture
def ui_settings(tmp_path: Path) -> UiSettings:
    return UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def window(qtbot, demo_path: Path, ui_settings: UiSettings) -> Iterator[MainWindow]:
    win = build_window(demo_path, language="en", ui_settings=ui_settings,
                       prompts=ScriptedPrompts())  # fmt: skip
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.tasks.model.rowCount() == 152, timeout=10000)
    yield win
    win.ctx.jobs.wait()


def _select_section(qtbot, win: MainWindow, number: int) -> None:
    tree = win.findChild(QTreeView, "outlineTree")
    plan_index = tree.model().index(0, 0)
    tree.setCurrentIndex(tree.model().index(number - 1, 0, plan_index))
    qtbot.waitUntil(lambda: win.tasks.proxy.rowCount() < 152, timeout=5000)


def test_main_widgets_carry_their_object_names(window: MainWindow) -> None:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QWidget

    for name in ("outlineTree", "taskTable", "filterEdit", "detailPanel", "leadCombo",
                 "cooperatingEdit", "leaderCombo", "deadlineEdit", "applyAssignmentButton",
                 "historyView", "taskTextEdit"):  # fmt: skip
        assert window.findChild(QWidget, name) is not None, name
    for name in ("importAction", "openAction", "newDatabaseAction", "removePlanAction",
                 "undoAction", "redoAction", "splitAction", "mergeAction", "deleteTaskAction",
                 "directoryAction", "takeSuggestionAction", "acceptAllSuggestionsAction",
                 "findAction"):  # fmt: skip
        assert window.findChild(QAction, name) is not None, name


def test_models_pass_the_model_tester(qtmodeltester, window: MainWindow) -> None:
    qtmodeltester.check(window.tasks.model)
    qtmodeltester.check(window.tasks.proxy)
    window.tasks.select_ids([window.tasks.model.record(0).id])
    qtmodeltester.check(window.detail.history_model)
    qtmodeltester.check(window.outline.model)


def test_assign_a_whole_section_in_one_step_and_undo_it(qtbot, window: MainWindow) -> None:
    ctx = window.ctx
    _select_section(qtbot, window, 2)
    assert window.tasks.proxy.rowCount() == 24
    editor = window.detail.editor
    type_text(editor.lead.lineEdit(), "基教处")  # a short name
    assert editor.leader.currentText() == "李明"  # proposed: he supervises 基础教育处
    type_text(editor.cooperating, "办公室、宣传教育处")
    type_text(editor.deadline, "6月底前")
    assert "2020年6月30日" in window.findChild(QLineEdit, "deadlineEdit").parent() \
        .findChild(type(editor.deadline_hint), "deadlineHint").text()  # fmt: skip
    qtbot.mouseClick(editor.apply, Qt.MouseButton.LeftButton)

    rows = list_tasks(ctx.db, TaskFilter(department_id=require_department(ctx.db, "基础教育处").id))
    assert len(rows) == 24 and {r.code.split("-")[0] for r in rows} == {"6", "7", "8", "9"}
    assert {(r.leader, r.cooperating, r.deadline.due_on) for r in rows} == {
        ("李明", ("办公室", "宣传教育处"), "2020-06-30")
    }
    assert ctx.undo_stack.count() == 1
    assert ctx.undo_stack.undoText() == "Assign 24 task(s)"
    assert window.statusBar().currentMessage() == (
        "24 task(s): lead department set to 基础教育处, cooperating departments set to "
        "办公室、宣传教育处, leader set to 李明, deadline set to 6月底前."
    )
    shown = {window.tasks.proxy.index(r, COL_LEAD).data() for r in range(24)}
    assert shown == {"基教处"}  # the short name, as office tables write it
    tooltip = window.tasks.proxy.index(0, COL_LEAD).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip == "基础教育处"

    ctx.undo_stack.undo()
    assert window.statusBar().currentMessage() == "Undone: Assign 24 task(s)"
    assert list_tasks(ctx.db, TaskFilter(unassigned=True)).__len__() == 152
    assert {window.tasks.proxy.index(r, COL_LEAD).data() for r in range(24)} == {""}
    ctx.undo_stack.redo()
    assert window.statusBar().currentMessage() == "Redone: Assign 24 task(s)"
    assert len(list_tasks(ctx.db, TaskFilter(unassigned=True))) == 152 - 24


def test_a_cooperating_department_made_lead_leaves_the_cooperating_ones(qtbot, window) -> None:
    ctx = window.ctx
    ids = [window.tasks.model.record(i).id for i in range(3)]
    office = require_department(ctx.db, "办公室")
    basic = require_department(ctx.db, "基础教育处")
    window.actions_.assign(ids, {"lead": basic.id, "cooperating": [office.id]})
    window.tasks.select_ids(ids)
    editor = window.detail.editor
    editor.lead.lineEdit().selectAll()  # the clerk types over the lead shown
    type_text(editor.lead.lineEdit(), "办公室")
    editor.request_apply()
    assert {(r.lead, r.cooperating) for r in list_tasks(ctx.db, TaskFilter(task_ids=tuple(ids)))} \
        == {("办公室", ())}  # fmt: skip
    assert (
        window.statusBar()
        .currentMessage()
        .endswith("办公室 now leads, so it was taken off the cooperating departments of 3 task(s).")
    )


def test_assigning_selected_rows_only_touches_them_and_keeps_other_fields(qtbot, window) -> None:
    ctx = window.ctx
    ids = [window.tasks.model.record(i).id for i in (0, 2, 4)]
    window.tasks.select_ids(ids)
    editor = window.detail.editor
    type_text(editor.deadline, "三季度")
    editor.request_apply()
    rows = list_tasks(ctx.db, TaskFilter(task_ids=tuple(ids)))
    assert {(r.deadline.phrase, r.deadline.due_on, r.lead) for r in rows} == {
        ("三季度", "2020-09-30", "")
    }
    assert len([r for r in list_tasks(ctx.db) if r.deadline]) == 3


def test_the_responsible_person_is_one_undoable_field(qtbot, window) -> None:
    from db.audit import task_history

    ctx = window.ctx
    ids = [window.tasks.model.record(i).id for i in (0, 1)]
    window.tasks.select_ids(ids)
    editor = window.detail.editor
    type_text(editor.person, "王伟")
    editor.request_apply()
    rows = list_tasks(ctx.db, TaskFilter(task_ids=tuple(ids)))
    assert {(r.person, r.lead) for r in rows} == {("王伟", "")}  # nothing else touched
    assert [e.new_value for e in task_history(ctx.db, ids[0]) if e.field == "person"] == ["王伟"]
    ctx.undo_stack.undo()
    assert {r.person for r in list_tasks(ctx.db, TaskFilter(task_ids=tuple(ids)))} == {""}
    window.tasks.select_ids(ids)
    assert editor.person.text() == ""


def test_an_unknown_department_is_refused_with_a_message(qtbot, window: MainWindow) -> None:
    window.tasks.select_ids([window.tasks.model.record(0).id])
    editor = window.detail.editor
    type_text(editor.lead.lineEdit(), "不存在处")
    editor.request_apply()
    assert editor.error.isVisible() or not editor.error.isHidden()
    assert window.ctx.undo_stack.count() == 0
    assert list_tasks(window.ctx.db)[0].lead == ""


def test_unknown_deadline_phrase_is_accepted_but_flagged(qtbot, window: MainWindow) -> None:
    window.tasks.select_ids([window.tasks.model.record(0).id])
    editor = window.detail.editor
    type_text(editor.deadline, "尽快")
    assert editor.deadline_hint.text().startswith("⚠")
    editor.request_apply()
    row = list_tasks(window.ctx.db)[0]
    assert (row.deadline.phrase, row.deadline.due_on, row.deadline.kind) == (
        "尽快",
        None,
        "unknown",
    )
    index = window.tasks.proxy.index(0, COL_DEADLINE)
    assert index.data(Qt.ItemDataRole.ForegroundRole) is not None


def test_split_and_merge_with_undo_and_redo(qtbot, window: MainWindow) -> None:
    ctx = window.ctx
    first = window.tasks.model.record(0)
    at = first.text.index("、") + 1  # the clerk puts the cursor after a pause mark
    window.tasks.select_ids([first.id])
    cursor = window.detail.text.textCursor()
    cursor.setPosition(at)
    window.detail.text.setTextCursor(cursor)
    window.findChild(QPushButton, "splitButton").click()
    qtbot.waitUntil(lambda: window.tasks.model.rowCount() == 153, timeout=5000)
    texts = [r.text for r in list_tasks(ctx.db)[:2]]
    assert texts == [first.text[: at - 1] + "。", first.text[at:]]  # the comma ends a sentence
    qtbot.waitUntil(lambda: len(window.tasks.selected_ids()) == 2, timeout=5000)
    assert window.tasks.selected_ids()[0] == first.id  # both halves stay selected
    ctx.undo_stack.undo()
    qtbot.waitUntil(lambda: window.tasks.model.rowCount() == 152, timeout=5000)
    assert list_tasks(ctx.db)[0].text == first.text
    ctx.undo_stack.redo()
    qtbot.waitUntil(lambda: window.tasks.model.rowCount() == 153, timeout=5000)

    # Merge the two halves back with the menu action, both selected: one step.
    window.tasks.select_ids([r.id for r in list_tasks(ctx.db)[:2]])
    window.findChild(type(window.findChild(QTableView)), "taskTable").setFocus()
    from PySide6.QtGui import QAction

    window.findChild(QAction, "mergeAction").trigger()
    qtbot.waitUntil(lambda: window.tasks.model.rowCount() == 152, timeout=5000)
    assert list_tasks(ctx.db)[0].text == "".join(texts)
    assert window.tasks.selected_ids() == [first.id]  # the merged task stays selected
    assert [r.code for r in list_tasks(ctx.db)[:6]] == ["1-1", "1-2", "1-3", "1-4", "1-5", "2-1"]
    ctx.undo_stack.undo()
    qtbot.waitUntil(lambda: window.tasks.model.rowCount() == 153, timeout=5000)


def test_filter_by_text_department_and_count(qtbot, window: MainWindow) -> None:
    ctx = window.ctx
    bar = window.tasks.filter_bar
    type_text(bar.text, "学习")  # Simplified, finds 學習 in the Traditional plan
    shown = window.tasks.proxy.rowCount()
    assert 0 < shown < 152
    assert all("學習" in window.tasks.proxy.index(r, 1).data() or "学习" in
               window.tasks.proxy.index(r, 1).data() for r in range(shown))  # fmt: skip
    assert bar.count.text() == f"Found {shown} of 152 tasks"
    highlighted = window.tasks.text_delegate
    assert highlighted.needle == "学习"
    bar.text.clear()
    type_text(bar.text, "4-2")
    assert [
        window.tasks.proxy.index(r, COL_CODE).data() for r in range(window.tasks.proxy.rowCount())
    ] == ["4-2"]
    bar.text.clear()
    office = require_department(ctx.db, "办公室")
    window.actions_.assign([window.tasks.model.record(i).id for i in range(5)],
                           {"cooperating": [office.id]})  # fmt: skip
    bar.department.setCurrentIndex(bar.department.findData(office.id))
    assert window.tasks.proxy.rowCount() == 5
    bar.reset()
    assert window.tasks.proxy.rowCount() == 152


def test_search_in_a_section_says_so_and_widens_in_one_click(qtbot, window: MainWindow) -> None:
    _select_section(qtbot, window, 3)
    bar = window.tasks.filter_bar
    type_text(bar.text, "学习")
    in_section = window.tasks.proxy.rowCount()
    text = bar.count.text()
    assert text.startswith(f"In “三、全面發力攻堅,推動…”: {in_section} task(s) · <a ")
    in_plan = int(text.rsplit(": ", 1)[1].split("<")[0])
    assert in_plan > in_section
    bar.count.linkActivated.emit("plan")  # the clerk clicks "in the whole plan: N"
    qtbot.waitUntil(lambda: window.tasks.proxy.rowCount() == in_plan, timeout=5000)
    assert window.outline.current_node() is None  # the plan itself is chosen in the tree
    assert bar.count.text() == f"Found {in_plan} of 152 tasks"


def test_clear_resets_the_light_filter_and_a_dashboard_selection(qtbot, window) -> None:
    bar = window.tasks.filter_bar
    bar.light.setCurrentIndex(bar.light.findData("red"))  # the demo plan has no red task
    assert window.tasks.proxy.rowCount() == 0
    bar.reset()
    assert window.tasks.proxy.rowCount() == 152
    window.tasks.show_only("三项", [window.tasks.model.record(i).id for i in range(3)])
    assert window.tasks.proxy.rowCount() == 3
    qtbot.mouseClick(bar.clear, Qt.MouseButton.LeftButton)
    assert window.tasks.proxy.rowCount() == 152 and not bar.only.isVisibleTo(bar)


def test_the_filter_survives_edits(qtbot, window: MainWindow) -> None:
    bar = window.tasks.filter_bar
    bar.unassigned.setChecked(True)
    assert window.tasks.proxy.rowCount() == 152
    basic = require_department(window.ctx.db, "基础教育处")
    ids = [window.tasks.model.record(i).id for i in range(10)]
    window.actions_.assign(ids, {"lead": basic.id})
    assert window.tasks.proxy.rowCount() == 142
    assert bar.unassigned.isChecked()
    window.ctx.undo_stack.undo()
    assert window.tasks.proxy.rowCount() == 152


def test_sort_by_any_column_and_back(qtbot, window: MainWindow) -> None:
    table = window.findChild(QTableView, "taskTable")
    leader = require_leader(window.ctx.db, "李明")
    last = window.tasks.model.record(151).id
    window.actions_.assign([last], {"deadline": "3月底前", "leader": leader.id})
    table.sortByColumn(COL_DEADLINE, Qt.SortOrder.AscendingOrder)
    assert window.tasks.proxy.index(0, COL_CODE).data() == "26-2"
    table.sortByColumn(COL_CODE, Qt.SortOrder.DescendingOrder)
    assert window.tasks.proxy.index(0, COL_CODE).data() == "26-2"
    table.sortByColumn(COL_CODE, Qt.SortOrder.AscendingOrder)
    assert window.tasks.proxy.index(0, COL_CODE).data() == "1-1"


def test_take_a_suggestion_is_one_keystroke(qtbot, window: MainWindow) -> None:
    from PySide6.QtGui import QAction

    ctx = window.ctx
    basic = require_department(ctx.db, "基础教育处")
    first, second = window.tasks.model.record(0), window.tasks.model.record(1)
    window.actions_.assign([first.id], {"lead": basic.id})
    # A task worded like the first one is suggested the same department.
    from db import task_edits

    new_id = task_edits.add(ctx.db, first.node_id, first.text.replace("必修課程", "必修内容"))
    ctx.structure_changed.emit(first.plan_id)
    qtbot.waitUntil(lambda: window.tasks.model.rowCount() == 153, timeout=5000)
    window.tasks.select_ids([new_id])
    assert "Alt+S" in window.detail.editor.suggestion.text()
    window.findChild(QAction, "takeSuggestionAction").trigger()
    assert list_tasks(ctx.db, TaskFilter(task_ids=(new_id,)))[0].lead == "基础教育处"
    assert ctx.undo_stack.undoText().startswith("Take 1 suggestion")
    del second


def test_history_shows_the_changes_of_the_task(qtbot, window: MainWindow) -> None:
    basic = require_department(window.ctx.db, "基础教育处")
    task = window.tasks.model.record(0)
    window.actions_.assign([task.id], {"lead": basic.id, "deadline": "年底前"})
    window.tasks.select_ids([task.id])
    changes = [window.detail.history_model.index(r, 1).data()
               for r in range(window.detail.history_model.rowCount())]  # fmt: skip
    assert any("基础教育处" in c for c in changes)
    assert any("年底前" in c for c in changes)


def test_window_layout_is_remembered(qtbot, demo_path: Path, ui_settings: UiSettings) -> None:
    win = build_window(demo_path, language="en", ui_settings=ui_settings, prompts=ScriptedPrompts())
    qtbot.addWidget(win)
    win.show()
    screen = win.screen().availableGeometry()  # restoring clamps a window to the screen
    win.resize(screen.width() * 4 // 5, screen.height() * 4 // 5)
    third = win.splitter.width() // 3
    win.splitter.setSizes([third - 40, third + 80, third - 40])
    header = win.tasks.table.horizontalHeader()
    header.resizeSection(COL_LEAD, 222)
    header.moveSection(COL_DEADLINE, 2)
    sizes = win.splitter.sizes()
    win.close()
    again = build_window(
        demo_path, language="en", ui_settings=ui_settings, prompts=ScriptedPrompts()
    )
    qtbot.addWidget(again)
    again.show()
    assert again.size() == win.size()
    assert again.splitter.sizes() == sizes
    header = again.tasks.table.horizontalHeader()
    assert header.sectionSize(COL_LEAD) == 222
    assert header.visualIndex(COL_DEADLINE) == 2
    again.close()


def test_edit_a_task_in_place_in_the_table(qtbot, window: MainWindow) -> None:
    proxy = window.tasks.proxy
    index = proxy.index(0, 1)
    proxy.setData(index, "改写后的任务文本。")
    assert list_tasks(window.ctx.db)[0].text == "改写后的任务文本。"
    assert proxy.index(0, 1).data() == "改写后的任务文本。"
    window.ctx.undo_stack.undo()
    assert list_tasks(window.ctx.db)[0].text.startswith("將習近平")


def test_overdue_and_due_soon_filters(qtbot, window: MainWindow) -> None:
    from datetime import date

    ids = [window.tasks.model.record(i).id for i in range(3)]
    window.actions_.assign(ids[:1], {"deadline": "3月底前"})  # 2020-03-31
    window.actions_.assign(ids[1:2], {"deadline": "4月15日前"})
    window.actions_.assign(ids[2:], {"deadline": "长期坚持"})
    window.tasks.proxy.today = date(2020, 4, 5)
    bar = window.tasks.filter_bar
    bar.due.setCurrentIndex(bar.due.findData("overdue"))
    assert window.tasks.visible_rows()[0].id == ids[0] and window.tasks.proxy.rowCount() == 1
    bar.due.setCurrentIndex(bar.due.findData("within"))
    bar.days.setValue(14)
    assert [r.id for r in window.tasks.visible_rows()] == [ids[1]]


def test_accept_all_suggestions_of_a_section_is_one_step(qtbot, tmp_path, ui_settings) -> None:
    from db.connection import open_database
    from db.departments import add_department
    from db.imports import import_plan
    from tests.conftest import FIXTURES

    path = tmp_path / "s.sqlite3"
    db = open_database(path)
    for name in ("安全稳定处", "基础教育处", "体卫艺处", "教育督导室"):
        add_department(db, name)
    import_plan(db, FIXTURES / "plans" / "simplified-cover-restart.txt")
    db.close()
    win = build_window(path, language="en", ui_settings=ui_settings, prompts=ScriptedPrompts())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.tasks.model.rowCount() == 9, timeout=5000)
    _select_section(qtbot, win, 1)  # 一、 健全安全责任体系: 3 tasks
    from PySide6.QtGui import QAction

    win.findChild(QAction, "acceptAllSuggestionsAction").trigger()
    rows = {r.text[:8]: r for r in list_tasks(win.ctx.db)}
    assert rows["3月底前完成全市"].lead == "安全稳定处"
    assert rows["3月底前完成全市"].deadline.phrase == "3月底前"
    assert rows["每学期开展一次全"].lead == "教育督导室"
    assert rows["年底前全市中小学"].lead == ""  # outside the section: untouched
    assert win.ctx.undo_stack.count() == 1
    win.ctx.undo_stack.undo()
    assert all(r.lead == "" and r.deadline is None for r in list_tasks(win.ctx.db))
    win.close()


def test_remove_a_plan_after_confirmation_with_a_backup(qtbot, window: MainWindow) -> None:
    from db.plans import list_plans

    window.ctx.prompts.answers.extend([False, True])
    window.files.remove_plan()  # answered "no"
    assert len(list_plans(window.ctx.db)) == 1
    window.files.remove_plan()
    assert list_plans(window.ctx.db) == []
    backups = list((window.ctx.db_path.parent / "demo.backups").glob("*before-removing-plan*"))
    assert len(backups) == 1
    qtbot.waitUntil(lambda: window.tasks.model.rowCount() == 0, timeout=5000)


def test_open_and_create_databases(qtbot, window: MainWindow, tmp_path: Path) -> None:
    new = tmp_path / "second"
    window.ctx.prompts.answers.append(str(new))
    window.files.new_database()
    assert window.ctx.db_path == Path(f"{new}.sqlite3")
    qtbot.waitUntil(lambda: window.tasks.model.rowCount() == 0, timeout=5000)
    bad = tmp_path / "notes.txt"
    bad.write_text("hello", encoding="utf-8")
    window.ctx.prompts.answers.append(str(bad))
    window.files.open_database()
    assert window.ctx.db_path == Path(f"{new}.sqlite3")  # refused, still on the new file
    assert window.ctx.prompts.shown[-1][0] == "error"
    assert str(Path(f"{new}.sqlite3").resolve()) in window.ctx.ui_settings.recent_files()


def test_about_names_the_version_and_the_database(window: MainWindow, demo_path: Path) -> None:
    from PySide6.QtGui import QAction

    from domain.version import version

    window.findChild(QAction, "aboutAction").trigger()
    kind, _title, text = window.ctx.prompts.shown[-1]
    assert kind == "info"
    assert f"Version: {version()}" in text and str(demo_path) in text

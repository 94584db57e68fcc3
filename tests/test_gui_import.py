"""The import dialog: preview first, store only on Import (real widgets, offscreen)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QDialog

from db.imports import import_plan, read_and_parse
from db.plans import list_plans, plan_counts
from domain.outline import ITEM, SECTION, ParsedNode, ParsedPlan, ParsedTask
from qtapp.context import AppContext
from qtapp.models.parsed_outline_model import ParsedOutlineModel
from qtapp.prompts import ScriptedPrompts
from qtapp.ui.import_dialog import ImportDialog
from qtapp.ui_settings import UiSettings
from tests.conftest import SAMPLE_PLAN

pytestmark = pytest.mark.gui

WAIT_MS = 10000
MakeContext = Callable[..., AppContext]


@pytest.fixture
def make_ctx(qapp, db_path: Path, tmp_path: Path) -> Iterator[MakeContext]:
    """An AppContext on a fresh database whose prompts answer ``answers`` in turn; UI
    settings go to a file of the test's own, never the clerk's."""
    made: list[AppContext] = []

    def make(*answers: object) -> AppContext:
        settings = UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
        ctx = AppContext(db_path, ScriptedPrompts(*answers), settings)
        made.append(ctx)
        return ctx

    yield make
    for ctx in made:
        ctx.close()


def open_dialog(qtbot, ctx: AppContext, path: str | Path | None) -> ImportDialog:
    dialog = ImportDialog(ctx, str(path) if path is not None else None)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def wait_previewed(qtbot, ctx: AppContext, path: str | Path) -> ImportDialog:
    dialog = open_dialog(qtbot, ctx, path)
    with qtbot.waitSignal(dialog.previewed, timeout=WAIT_MS):
        pass
    return dialog


def test_parsed_outline_model_passes_the_model_tester(qtmodeltester) -> None:
    plan, _source = read_and_parse(SAMPLE_PLAN)
    model = ParsedOutlineModel(plan)
    qtmodeltester.check(model)
    assert model.rowCount() == 6
    first = model.index(0, 0)
    assert model.rowCount(first) == 5
    section = plan.outline[0]
    assert model.data(first) == f"{section.label}{section.title}"
    assert model.data(first, ParsedOutlineModel.RecordRole) is section
    below = sum(1 for node in section.walk() for _ in node.tasks)
    assert model.data(model.index(0, 1)) == str(below)
    assert sum(int(model.data(model.index(r, 1))) for r in range(6)) == 152
    child = model.index(0, 0, first)
    assert model.parent(child) == first
    assert model.data(child, ParsedOutlineModel.RecordRole) is section.children[0]


def test_a_node_without_title_shows_its_first_task_clipped(qtmodeltester) -> None:
    long_task = "加" * 60
    item = ParsedNode(ITEM, "1.", 1, tasks=[ParsedTask(long_task), ParsedTask("第二项")])
    section = ParsedNode(SECTION, "一、", 1, title="总体要求", children=[item])
    model = ParsedOutlineModel(ParsedPlan(outline=[section]))
    qtmodeltester.check(model)
    shown = model.data(model.index(0, 0, model.index(0, 0)))
    assert shown == "1." + "加" * 40 + "…"
    assert model.data(model.index(0, 1)) == "2"
    model.set_plan(None)
    assert model.rowCount() == 0


def test_preview_shows_the_plan_and_stores_nothing_until_import(qtbot, make_ctx) -> None:
    ctx = make_ctx()
    dialog = open_dialog(qtbot, ctx, SAMPLE_PLAN)
    assert dialog.objectName() == "importDialog"
    assert not dialog.import_button.isEnabled()  # still reading
    with qtbot.waitSignal(dialog.previewed, timeout=WAIT_MS):
        pass
    summary = dialog.summary.text()
    for count in ("6 section", "26 item", "152 task"):
        assert count in summary
    assert dialog.title_label.text() == dialog.plan.title
    assert dialog.doc_number_label.text() == dialog.plan.doc_number
    assert dialog.year_spin.value() == 2020
    assert dialog.tree.model().rowCount() == 6
    assert dialog.tree.isExpanded(dialog.tree.model().index(0, 0))
    assert dialog.error.isHidden() and dialog.duplicate.isHidden()
    assert dialog.warnings.isHidden()
    assert dialog.import_button.isEnabled()
    assert list_plans(ctx.db) == []  # nothing stored before Import

    dialog.year_spin.setValue(2021)  # the year chosen here is the one stored
    with (
        qtbot.waitSignal(ctx.plans_changed, timeout=WAIT_MS),
        qtbot.waitSignal(dialog.imported, timeout=WAIT_MS) as imported,
    ):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        assert not dialog.import_button.isEnabled()
    plans = list_plans(ctx.db)
    assert [p.id for p in plans] == [dialog.imported_plan_id] == imported.args
    assert plan_counts(ctx.db, plans[0].id).tasks == 152
    assert plans[0].year == 2021
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_the_same_file_again_needs_replace(qtbot, make_ctx) -> None:
    ctx = make_ctx()
    first_id = import_plan(ctx.db, SAMPLE_PLAN).plan_id
    dialog = wait_previewed(qtbot, ctx, SAMPLE_PLAN)
    assert not dialog.duplicate.isHidden()
    assert f"plan {first_id}" in dialog.duplicate.text()
    assert not dialog.replace_check.isHidden()
    assert not dialog.import_button.isEnabled()
    dialog.replace_check.setChecked(True)
    assert dialog.import_button.isEnabled()
    dialog.replace_check.setChecked(False)
    assert not dialog.import_button.isEnabled()

    dialog.replace_check.setChecked(True)
    with qtbot.waitSignal(dialog.imported, timeout=WAIT_MS):
        dialog.import_button.click()
    plans = list_plans(ctx.db)
    assert [p.id for p in plans] == [dialog.imported_plan_id]
    assert dialog.imported_plan_id != first_id
    assert dialog.import_result.replaced == (first_id,)
    assert dialog.import_result.backup is not None and dialog.import_result.backup.is_file()


def test_choose_asks_through_the_prompts(qtbot, make_ctx) -> None:
    ctx = make_ctx(SAMPLE_PLAN, None)
    dialog = open_dialog(qtbot, ctx, None)
    assert dialog.path_edit.text() == ""
    assert not dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.previewed, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert dialog.path_edit.text() == str(SAMPLE_PLAN)
    assert ctx.prompts.shown[0][0] == "open"
    assert Path(ctx.ui_settings.folder("import")) == SAMPLE_PLAN.parent
    assert dialog.import_button.isEnabled()

    dialog.choose_button.click()  # the clerk cancels the file dialog: nothing changes
    assert ctx.prompts.shown[1] == ("open", ctx.prompts.shown[0][1], str(SAMPLE_PLAN.parent))
    assert dialog.path_edit.text() == str(SAMPLE_PLAN)
    assert dialog.import_button.isEnabled()


@pytest.mark.parametrize(
    ("name", "content"),
    [("empty.txt", b""), ("picture.docx", b"\x89PNG\r\n\x1a\n" + bytes(64))],
)
def test_a_bad_file_shows_an_error_and_stores_nothing(
    qtbot, make_ctx, tmp_path: Path, name: str, content: bytes
) -> None:
    ctx = make_ctx()
    path = tmp_path / name
    path.write_bytes(content)
    dialog = open_dialog(qtbot, ctx, path)
    with qtbot.waitSignal(dialog.failed, timeout=WAIT_MS) as failed:
        pass
    assert name in dialog.error.text()
    assert failed.args == [dialog.error.text()]
    assert not dialog.error.isHidden()
    assert not dialog.import_button.isEnabled()
    assert dialog.preview.isHidden()
    dialog.start_import()  # refused: nothing to store
    assert list_plans(ctx.db) == []


def test_plain_text_without_numbering_is_refused(qtbot, make_ctx, tmp_path: Path) -> None:
    ctx = make_ctx()
    path = tmp_path / "flat.txt"
    path.write_text(
        "加强党的建设，提高治理能力。\n推进教育改革，完善评价体系。\n做好安全工作，防范重大风险。\n",
        encoding="utf-8",
    )
    dialog = open_dialog(qtbot, ctx, path)
    with qtbot.waitSignal(dialog.failed, timeout=WAIT_MS):
        pass
    # The sentence for the error's code, in the window's language; the particulars of the
    # original message in the tooltip.
    assert dialog.error.text().startswith("flat.txt: No sections")
    assert "No numbered sections" in dialog.error.toolTip()
    assert not dialog.import_button.isEnabled()
    assert list_plans(ctx.db) == []


def test_a_failed_store_keeps_the_dialog_open(qtbot, make_ctx, tmp_path: Path) -> None:
    ctx = make_ctx()
    dialog = wait_previewed(qtbot, ctx, SAMPLE_PLAN)
    real_path = ctx.db_path
    ctx.db_path = tmp_path  # a folder: the store job cannot open it
    try:
        with qtbot.waitSignal(dialog.failed, timeout=WAIT_MS):
            dialog.import_button.click()
    finally:
        ctx.db_path = real_path
    assert not dialog.error.isHidden()
    assert dialog.imported_plan_id is None
    assert dialog.isVisible()
    assert dialog.import_button.isEnabled()  # the clerk may try again
    assert list_plans(ctx.db) == []


def test_a_task_table_shows_its_columns_lets_the_clerk_correct_them_and_adds_names(
    qtbot, make_ctx, tmp_path: Path
) -> None:
    from db.departments import list_departments
    from db.reports import collect
    from domain.table_plan import COOPERATING, LEAD
    from tests.table_fixtures import DEPARTMENTS, rows, write_xlsx

    table = write_xlsx(tmp_path / "分解表.xlsx")
    ctx = make_ctx()
    dialog = wait_previewed(qtbot, ctx, table)
    box = dialog.columns
    assert box.isVisible()
    assert [c.currentData() for c in box.combos] == [
        "number", "item", "task", "lead", "cooperating", "deadline", "leader",
    ]  # fmt: skip
    assert "93 task" in dialog.summary.text()
    # Every department is new: listed, and Import waits for the tick.
    assert dialog.unknown_label.isVisible()
    assert all(name in dialog.unknown_label.text() for name in DEPARTMENTS)
    assert not dialog.import_button.isEnabled()
    # The clerk swaps lead and cooperating: the preview's plan follows at once.
    lead_column, coop_column = box.mapping.get(LEAD), box.mapping.get(COOPERATING)
    box.set_role(lead_column, "cooperating")
    assert box.combos[lead_column].currentData() == "cooperating"
    assert box.combos[coop_column].currentData() is None  # the role moved away from it
    box.set_role(coop_column, "lead")
    second = rows()[1]
    task = next(t for t in dialog.plan.tasks() if t.text == second.task)
    assert task.suggested_lead == second.cooperating[0]
    # Back as it was, tick, import.
    box.set_role(lead_column, "lead")
    box.set_role(coop_column, "cooperating")
    check = dialog.add_names_check  # clicked on its box, where a clerk clicks
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(8, check.height() // 2))
    assert check.isChecked()
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert {d.name for d in list_departments(ctx.db)} == set(DEPARTMENTS)
    tasks = collect(ctx.db, dialog.imported_plan_id).tasks
    assert [t.lead for t in tasks] == [r.lead for r in rows()]
    assert [t.deadline for t in tasks] == [r.deadline for r in rows()]

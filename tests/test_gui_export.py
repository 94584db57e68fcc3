"""Exporting from the window: the options dialog writes the documents off the GUI thread."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from PySide6.QtCore import QSettings

from db.settings import get_setting
from qtapp.context import AppContext
from qtapp.prompts import ScriptedPrompts
from qtapp.ui.export_dialog import ExportDialog
from qtapp.ui.settings_dialog import SettingsDialog
from qtapp.ui_settings import UiSettings

pytestmark = pytest.mark.gui


@pytest.fixture
def ctx(tmp_path: Path):  # type: ignore[no-untyped-def]
    from cli.demo import prepare_demo

    settings = UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    context = AppContext(prepare_demo(tmp_path / "demo.sqlite3"), ScriptedPrompts(), settings)
    yield context
    context.close()


@pytest.mark.parametrize("kind", ["decomposition", "report", "feedback-forms", "reminders"])
def test_export_a_document_from_the_dialog(
    qtbot, ctx: AppContext, tmp_path: Path, kind: str
) -> None:
    from db.assignments import assign
    from db.departments import require_department
    from db.tasks import list_tasks

    ids = [t.id for t in list_tasks(ctx.db)[:20]]
    assign(ctx.db, ids, lead=require_department(ctx.db, "基础教育处").id, deadline="3月底前")
    dialog = ExportDialog(ctx, kind)
    qtbot.addWidget(dialog)
    per_department = kind in ("feedback-forms", "reminders")
    target = tmp_path / "out" / ("docs" if per_department else "doc.docx")
    dialog.output.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=20000) as signal:
        dialog.start_export()
    written = signal.args[0]
    assert written == ([target] if not per_department else sorted(target.glob("*.docx")))
    assert all(Document(str(p)).paragraphs for p in written)
    assert dialog.open_folder.isVisible() or not dialog.open_folder.isHidden()


def test_a_failed_export_says_why_and_writes_nothing(
    qtbot, ctx: AppContext, tmp_path: Path
) -> None:
    dialog = ExportDialog(ctx, "decomposition")
    qtbot.addWidget(dialog)
    dialog.output.setText(str(tmp_path / "wrong.pdf"))
    dialog.start_export()
    qtbot.waitUntil(lambda: "Not exported" in dialog.status.text(), timeout=20000)
    assert not (tmp_path / "wrong.pdf").exists()


def test_office_settings_are_one_undoable_step(qtbot, ctx: AppContext) -> None:
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.office.setText("青岛市教育局办公室")
    dialog.yellow_days.setValue(10)
    dialog.save()
    assert get_setting(ctx.db, "office.name") == "青岛市教育局办公室"
    assert get_setting(ctx.db, "warning.yellow_days") == 10
    assert ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    assert get_setting(ctx.db, "office.name") == ""
    assert get_setting(ctx.db, "warning.yellow_days") == 15


def test_a_name_typed_without_docx_in_the_save_dialog_gets_it(
    qtbot, ctx: AppContext, tmp_path: Path
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    dialog = ExportDialog(ctx, "decomposition")
    qtbot.addWidget(dialog)
    browse = dialog.findChild(QPushButton, "exportBrowseButton")
    ctx.prompts.answers.append(str(tmp_path / "分解表"))
    qtbot.mouseClick(browse, Qt.MouseButton.LeftButton)
    assert dialog.output.text() == str(tmp_path / "分解表.docx")
    ctx.prompts.answers.append(str(tmp_path / "报告.docx"))
    qtbot.mouseClick(browse, Qt.MouseButton.LeftButton)
    assert dialog.output.text() == str(tmp_path / "报告.docx")

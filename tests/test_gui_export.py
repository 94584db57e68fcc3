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
    from db.settings import DEFAULT_REQUIREMENTS

    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.requirements.toPlainText() == DEFAULT_REQUIREMENTS
    dialog.office.setText("青岛市教育局办公室")
    dialog.yellow_days.setValue(10)
    dialog.doc_number.setText("青教办〔2020〕12号")
    dialog.requirements.setPlainText("一要……\n二要……")
    dialog.imprint.setChecked(True)
    dialog.save()
    assert get_setting(ctx.db, "office.name") == "青岛市教育局办公室"
    assert get_setting(ctx.db, "warning.yellow_days") == 10
    assert get_setting(ctx.db, "documents.doc_number") == "青教办〔2020〕12号"
    assert get_setting(ctx.db, "report.requirements") == "一要……\n二要……"
    assert get_setting(ctx.db, "report.imprint") is True
    assert ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    assert get_setting(ctx.db, "office.name") == ""
    assert get_setting(ctx.db, "warning.yellow_days") == 15
    assert get_setting(ctx.db, "report.requirements") == DEFAULT_REQUIREMENTS


def test_the_dialog_offers_every_kind_of_the_registry() -> None:
    from exports.kinds import KINDS_BY_CODE
    from qtapp.ui.export_dialog import KINDS

    assert [code for code, _label in KINDS] == list(KINDS_BY_CODE)


def test_date_of_issue_attachment_and_the_unassigned_warning(
    qtbot, ctx: AppContext, tmp_path: Path
) -> None:
    import datetime as dt

    from PySide6.QtCore import QDate

    from db.assignments import assign
    from db.departments import require_department
    from db.tasks import list_tasks

    ids = [t.id for t in list_tasks(ctx.db)[:20]]
    assign(ctx.db, ids, lead=require_department(ctx.db, "基础教育处").id, deadline="3月底前")
    dialog = ExportDialog(ctx, "decomposition")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.issued_on.date() == QDate.currentDate()  # 成文日期: today by default
    assert dialog.warning.isVisible() and "132" in dialog.warning.text()
    assert dialog.short_names.isVisible() and not dialog.with_task_list.isVisible()
    dialog.short_names.setChecked(True)
    assert dialog.request().short_names
    dialog.kind.setCurrentIndex(dialog.kind.findData("report"))
    assert not dialog.warning.isVisible() and dialog.with_task_list.isVisible()
    dialog.with_task_list.setChecked(True)
    dialog.issued_on.setDate(QDate(2020, 7, 13))
    request = dialog.request()
    assert request.with_task_list and request.issued_on == dt.date(2020, 7, 13)
    assert not request.short_names
    target = tmp_path / "通报.docx"
    dialog.output.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=20000):
        dialog.start_export()
    texts = [p.text for p in Document(str(target)).paragraphs]
    assert "2020年7月13日" in texts and "附件" in texts
    assert "办公室" in dialog.warning.text() and dialog.warning.isVisible()  # no office name


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

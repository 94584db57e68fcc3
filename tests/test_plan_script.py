"""One script: a plan published in Traditional characters is converted to Simplified at
import (or later, undoably) and the file's text stays in the database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from sqlite_utils import Database

from db.audit import list_audit
from db.connection import open_database
from db.imports import import_plan
from db.plan_script import (
    original_texts,
    pending_changes,
    redo_simplify,
    restore_original,
    simplify_plan,
    undo_simplify,
)
from db.plans import get_plan, list_outline
from db.tasks import TaskFilter, list_tasks
from domain.script import doc_number, full_width_punctuation, is_traditional, to_simplified
from tests.conftest import ROOT, SAMPLE_PLAN


def _texts(db: Database, plan_id: int) -> dict[tuple[str, int, str], str]:
    """Every text field a conversion may touch, as stored."""
    plan = get_plan(db, plan_id)
    out = {("plan", plan_id, f): getattr(plan, f) for f in ("title", "doc_number", "issuer",
                                                             "preamble", "cover")}  # fmt: skip
    for node in list_outline(db, plan_id):
        out[("node", node.id, "title")] = node.title
        out[("node", node.id, "notes")] = node.notes
    for task in list_tasks(db, TaskFilter(plan_id=plan_id)):
        out[("task", task.id, "text")] = task.text
    return out


def test_script_detection_and_document_punctuation() -> None:
    assert is_traditional("2020年全市教育工作要點")
    assert not is_traditional("2020年全市教育工作要点")
    assert not is_traditional("清代乾隆年间的档案" * 20)  # one character t2s would change
    assert doc_number("青教工委[2020]2號") == "青教工委〔2020〕2號"
    assert doc_number("青教办（2020）第02号") == "青教办〔2020〕2号"
    assert full_width_punctuation("中小學(幼兒園)學生,各1,200人;時間9:30") == (
        "中小學（幼兒園）學生，各1,200人；時間9:30"
    )
    assert full_width_punctuation("Word (WPS) or Excel, 2020") == "Word (WPS) or Excel, 2020"


def test_conversion_keeps_the_file_text_and_undoes_exactly(db: Database) -> None:
    plan_id = import_plan(db, SAMPLE_PLAN).plan_id
    before = _texts(db, plan_id)
    assert is_traditional(before[("plan", plan_id, "title")])
    change = simplify_plan(db, plan_id)
    after = _texts(db, plan_id)
    assert after[("plan", plan_id, "title")] == "2020年全市教育工作要点"
    assert after[("plan", plan_id, "doc_number")] == "青教工委[2020]2号"
    assert all(value == to_simplified(before[key]) for key, value in after.items())
    assert change.tasks == 152
    # Nothing lost: every changed text is kept as the file had it.
    kept = original_texts(db, plan_id)
    assert {k: v for k, v in before.items() if v != after[k]} == {
        k: v for k, v in kept.items() if k in before
    }
    assert pending_changes(db, plan_id) == []  # converted once, nothing left to convert
    assert simplify_plan(db, plan_id).changes == ()

    undo_simplify(db, change)
    assert _texts(db, plan_id) == before and original_texts(db, plan_id) == {}
    redo_simplify(db, change)
    assert _texts(db, plan_id) == after and original_texts(db, plan_id) == kept
    actions = [e.action for e in list_audit(db, plan_id=plan_id)]
    assert actions.count("plan.simplify") == 1
    assert "plan.simplify.undo" in actions and "plan.simplify.redo" in actions


def test_restoring_keeps_what_a_clerk_edited_since(db: Database) -> None:
    from db.task_edits import update_text

    plan_id = import_plan(db, SAMPLE_PLAN, simplified=True).plan_id
    first, second = list_tasks(db, TaskFilter(plan_id=plan_id))[:2]
    update_text(db, first.id, "改写后的任务。")
    restore_original(db, plan_id)
    tasks = {t.id: t.text for t in list_tasks(db, TaskFilter(plan_id=plan_id))}
    assert tasks[first.id] == "改写后的任务。"  # edited: kept, and its original too
    assert is_traditional(tasks[second.id])
    assert ("task", first.id, "text") in original_texts(db, plan_id)
    assert get_plan(db, plan_id).title == "2020年全市教育工作要點"


def test_import_simplified_from_the_real_program(tmp_path: Path) -> None:
    """As a clerk runs it: a subprocess, an empty home, no --db."""
    home = tmp_path / "home"
    env = dict(os.environ, HOME=str(home), XDG_DATA_HOME=str(home / ".local" / "share"),
               XDG_CONFIG_HOME=str(home / ".config"), XDG_CACHE_HOME=str(home / ".cache"))  # fmt: skip

    def program(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=120)  # fmt: skip

    result = program("import", str(SAMPLE_PLAN), "--simplified", "--json")
    assert result.returncode == 0, result.stderr
    imported = json.loads(result.stdout)
    assert imported["title"] == "2020年全市教育工作要点" and imported["simplified"] > 152
    tasks = json.loads(program("tasks", "--json").stdout)
    assert not any(is_traditional(t["text"]) for t in tasks)
    assert program("simplify", "--restore").returncode == 0
    tasks = json.loads(program("tasks", "--json").stdout)
    assert tasks[0]["text"].startswith("將習近平")
    again = program("simplify")
    assert again.returncode == 0 and "152 tasks" in again.stdout


@pytest.mark.gui
def test_the_import_dialog_converts_a_traditional_plan_in_a_chinese_window(
    qtbot, qapp, db_path: Path, tmp_path: Path
) -> None:
    from qtapp.context import AppContext
    from qtapp.prompts import ScriptedPrompts
    from qtapp.ui.import_dialog import ImportDialog
    from qtapp.ui_settings import UiSettings

    settings = UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    settings.set_language("zh_CN")
    ctx = AppContext(db_path, ScriptedPrompts(), settings)
    try:
        dialog = ImportDialog(ctx, str(SAMPLE_PLAN))
        qtbot.addWidget(dialog)
        dialog.show()
        with qtbot.waitSignal(dialog.previewed, timeout=10000):
            pass
        assert dialog.simplified_check.isVisible() and dialog.simplified_check.isChecked()
        with qtbot.waitSignal(dialog.imported, timeout=10000):
            qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        plan = get_plan(ctx.db, dialog.imported_plan_id)
        assert plan.title == "2020年全市教育工作要点"
        assert original_texts(ctx.db, plan.id)[("plan", plan.id, "title")].endswith("要點")
    finally:
        ctx.close()


@pytest.mark.gui
def test_converting_an_imported_plan_is_one_undoable_step(qapp, db_path: Path) -> None:
    from qtapp.commands import SimplifyCommand
    from qtapp.context import AppContext
    from qtapp.prompts import ScriptedPrompts

    db = open_database(db_path)
    plan_id = import_plan(db, SAMPLE_PLAN).plan_id
    db.close()
    ctx = AppContext(db_path, ScriptedPrompts())
    try:
        assert ctx.execute(SimplifyCommand(ctx, plan_id, "Convert"))
        assert get_plan(ctx.db, plan_id).title.endswith("要点")
        ctx.undo_stack.undo()
        assert get_plan(ctx.db, plan_id).title.endswith("要點")
        assert original_texts(ctx.db, plan_id) == {}
        ctx.undo_stack.redo()
        assert get_plan(ctx.db, plan_id).title.endswith("要点")
        assert original_texts(ctx.db, plan_id)
    finally:
        ctx.close()

"""Every change leaves a trace in the audit log: whatever a command line command, the
window (each edit, its undo and its redo), an import or a read-back changes in the file,
new audit rows say when, from where and what. Reading changes nothing and logs nothing.

The check is generic: a fingerprint of every table except the log before and after each
operation; when it differs, the log must have grown, with well-formed rows.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from cli import main
from db.departments import add_department
from db.progress import list_periods
from db.tasks import TaskFilter, list_tasks
from tests.conftest import FIXTURES
from tests.form_filling import fill_docx

SKIP_TABLES = {"audit_log", "_sqlite_migrations", "sqlite_sequence"}


def fingerprint(path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if r[0] not in SKIP_TABLES and not r[0].startswith("sqlite_")
        ]
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}
    finally:
        conn.close()


def audit_rows(path: Path, after_id: int = 0) -> list[sqlite3.Row]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(
            "SELECT * FROM audit_log WHERE id > ? ORDER BY id", [after_id]
        ).fetchall()
    finally:
        conn.close()


def last_id(path: Path) -> int:
    rows = audit_rows(path)
    return rows[-1]["id"] if rows else 0


def check_logged(path: Path, what: str, change: Callable[[], object], sources: set[str]) -> None:
    """Run ``change``; if the data changed, the log must hold new rows that say so."""
    before, mark = fingerprint(path), last_id(path)
    change()
    after = fingerprint(path)
    new = audit_rows(path, mark)
    changed_tables = {t for t in after if after[t] != before.get(t)}
    if not changed_tables:
        assert new == [], f"{what}: nothing changed, yet the log grew"
        return
    assert new, f"{what}: {sorted(changed_tables)} changed with no audit row"
    for row in new:
        assert dt.datetime.fromisoformat(row["at"]), what
        assert row["source"] in sources, f"{what}: source {row['source']!r}"
        assert row["action"] and row["entity"], what


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    from cli.demo import prepare_demo

    return prepare_demo(tmp_path / "office.sqlite3")


def test_every_command_line_change_is_logged(demo: Path, tmp_path: Path, capsys) -> None:
    db = str(demo)
    lists = {"d": tmp_path / "departments.txt", "l": tmp_path / "leaders.txt"}
    lists["d"].write_text("校外教育处 | 校外处 | 校外活动处\n", encoding="utf-8")
    lists["l"].write_text("孙芳 | 副局长 | 校外处\n", encoding="utf-8")

    def cli(*args: str) -> Callable[[], None]:
        def run() -> None:
            assert main(["--db", db, *args]) == 0, args
            capsys.readouterr()

        return run

    steps = [
        ("import", cli("import", str(FIXTURES / "plans" / "fullwidth-subitems.txt"))),
        ("assign", cli("assign", "--section", "一", "--lead", "组干处", "--deadline", "6月底前")),
        ("assign leader", cli("assign", "--item", "2", "--leader", "李明")),
        ("departments add", cli("departments", "add", "信息中心", "--short", "信息中心")),
        ("departments rename", cli("departments", "rename", "信息中心", "教育信息中心")),
        ("departments alias", cli("departments", "alias", "教育信息中心", "电教馆")),
        ("departments retire", cli("departments", "retire", "教育信息中心")),
        ("leaders add", cli("leaders", "add", "王芳", "--title", "副局长")),
        ("leaders title", cli("leaders", "title", "王芳", "党委副书记")),
        ("departments from a file", cli("departments", "add", "--from-file", str(lists["d"]))),
        ("leaders from a file", cli("leaders", "add", "--from-file", str(lists["l"]))),
        ("periods year", cli("periods", "year", "2020", "--quarterly")),
        (
            "periods add",
            cli("periods", "add", "2020年上半年", "--start", "2020-01-01", "--end", "2020-06-30"),
        ),
        ("periods delete", cli("periods", "delete", "2020年上半年")),
        (
            "progress",
            cli(
                "progress",
                "1-1",
                "--period",
                "2020年第二季度",
                "--status",
                "滞后",
                "--percent",
                "20",
            ),
        ),
        (
            "progress again",
            cli(
                "progress",
                "1-1",
                "--period",
                "2020年第二季度",
                "--status",
                "序时推进",
                "--percent",
                "40",
            ),
        ),
        ("targets", cli("targets", "1-1", "--period", "2020年第二季度", "--text", "完成初稿",
                        "--percent", "50")),
        ("postpone", cli("postpone", "1-1", "--deadline", "9月底前", "--reason", "等待文件")),
        ("focus", cli("focus", "1-1", "1-2")),
        ("instruct", cli("instruct", "1-1", "--date", "2020-05-06", "--leader", "张局长",
                         "--text", "抓紧推进。")),
        ("source", cli("source", "1-2", "会议议定")),
        ("ledger new", cli("ledger", "new", "2020年督办事项台账", "--year", "2020")),
        ("ledger add", cli("ledger", "add", "3", "--text", "落实会议议定事项", "--focus",
                           "--source", "会议议定", "--lead", "组干处", "--deadline", "年底前")),
        ("carry-over", cli("carry-over", "--from", "1")),
    ]  # fmt: skip
    for what, run in steps:
        check_logged(demo, what, run, {"cli", "import"})
    # Reading changes nothing and logs nothing.
    for args in (("tasks", "--json"), ("plans",), ("periods", "list"), ("backups",)):
        check_logged(demo, " ".join(args), cli(*args), set())


def test_a_read_back_is_logged_as_such(demo: Path, tmp_path: Path, capsys) -> None:
    db = str(demo)
    assert main(["--db", db, "assign", "--section", "一", "--lead", "组干处"]) == 0
    assert main(["--db", db, "periods", "year", "2020", "--quarterly"]) == 0
    assert main(["--db", db, "export", "feedback-forms", "--period", "2020年第二季度",
                 "-o", str(tmp_path / "forms")]) == 0  # fmt: skip
    capsys.readouterr()
    (form,) = (tmp_path / "forms").glob("*.docx")
    conn = sqlite3.connect(demo)
    first = conn.execute("SELECT id FROM tasks ORDER BY id LIMIT 1").fetchone()[0]
    conn.close()
    fill_docx(form, {first: dict(progress="已完成方案", status="序时推进", percent="50%")})

    def readback() -> None:
        assert main(["--db", db, "readback", str(form), "--period", "2020年第二季度"]) == 0

    check_logged(demo, "readback", readback, {"readback"})
    rows = [r for r in audit_rows(demo) if r["source"] == "readback"]
    assert {r["field"] for r in rows} >= {"progress.status", "progress.percent"}


@pytest.mark.gui
def test_every_window_edit_its_undo_and_its_redo_are_logged(qtbot, demo: Path, tmp_path) -> None:
    from db.leaders import find_leader
    from qtapp.app import build_window
    from qtapp.commands import DirectoryCommand, PeriodsCommand, ProgressCommand, SettingsCommand
    from qtapp.directory_actions import DirectoryActions
    from qtapp.prompts import ScriptedPrompts
    from qtapp.ui_settings import UiSettings

    settings = UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    win = build_window(demo, language="en", ui_settings=settings, prompts=ScriptedPrompts())
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: win.tasks.model.rowCount() == 152, timeout=10000)
    ctx, actions = win.ctx, win.actions_
    directory = DirectoryActions(ctx)
    win.ctx.jobs.wait()  # the day's backup

    def task(i: int):
        return list_tasks(ctx.db, TaskFilter())[i]

    def office() -> int:
        return ctx.db.execute("SELECT id FROM departments WHERE name = '办公室'").fetchone()[0]

    def add_periods() -> None:
        from db.progress import add_year_of_periods

        ctx.execute(PeriodsCommand(ctx, lambda db: add_year_of_periods(db, 1, 2020, "quarter"),
                                   "periods"))  # fmt: skip

    edits: list[tuple[str, Callable[[], object]]] = [
        ("assign", lambda: actions.assign([task(0).id, task(1).id], {"lead": office()})),
        ("deadline", lambda: actions.assign([task(0).id], {"deadline": "年底前"})),
        ("edit text", lambda: actions.edit_text(task(2), task(2).text + "（修改）")),
        ("split", lambda: actions.split(task(3), 6)),
        ("merge", lambda: actions.merge_with_next(task(3))),
        ("add", lambda: actions.add_after(task(4), "新增一项任务。")),
        ("delete", lambda: actions.delete([task(5)])),
        ("move", lambda: actions.move(task(7), 1)),
        ("periods", add_periods),
        ("progress", lambda: ctx.execute(ProgressCommand(
            ctx, task(0).id, list_periods(ctx.db, 1)[0].id,
            {"status": "on_track", "percent": 30, "progress": "推进中"}, "progress"))),
        ("settings", lambda: ctx.execute(SettingsCommand(
            ctx, {"office.name": "青岛市教育局办公室", "warning.yellow_days": 10}, "settings"))),
        ("directory", lambda: ctx.execute(DirectoryCommand(
            ctx, "add", lambda db: add_department(db, "校外活动指导处")))),
        ("pasted departments", lambda: directory.add_department_list("督查室 | 督查 | 督办室")),
        ("pasted leaders", lambda: directory.add_leader_list("孙芳 | 副局长 | 督查室")),
        ("leader title", lambda: directory.set_leader_title(
            find_leader(ctx.db, "李明"), "常务副局长")),
    ]  # fmt: skip
    for what, edit in edits:
        count = ctx.undo_stack.count()
        check_logged(demo, what, edit, {"window"})
        assert ctx.undo_stack.count() == count + 1, f"{what}: not done"
        check_logged(demo, f"undo {what}", ctx.undo_stack.undo, {"window"})
        check_logged(demo, f"redo {what}", ctx.undo_stack.redo, {"window"})
    assert ctx.undo_stack.count() == len(edits)


def test_the_log_cannot_be_edited(demo: Path) -> None:
    conn = sqlite3.connect(demo)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("UPDATE audit_log SET summary = 'x'")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("DELETE FROM audit_log")
    finally:
        conn.close()

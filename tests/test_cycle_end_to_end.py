"""One whole reporting cycle on the sample plan, from the command line and from the window:
periods, forms for two departments (one as Word, one as Excel), filled in as the
departments would, read back, then the lights, the dashboard figures and the report."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QPushButton, QToolButton
from sqlite_utils import Database

from cli import main
from db.connection import open_database
from db.dashboard import dashboard
from db.departments import require_department
from db.plans import list_plans
from db.progress import get_progress, list_periods
from db.tasks import TaskFilter, list_tasks
from domain.warnings import GREEN, RED, YELLOW
from exports.feedback import parse_row_key
from tests.form_filling import fill_docx, fill_xlsx

Q2 = "2020年第二季度"


def _ids(db: Database) -> dict[str, int]:
    return {t.code: t.id for t in list_tasks(db, TaskFilter())}


def _fill(ids: dict[str, int], docx: Path, xlsx: Path) -> None:
    """组织干部处 reports two tasks in Word, 宣传教育处 one in Excel."""
    fill_docx(docx, {
        ids["1-1"]: dict(progress="已召开推进会，方案印发", percent="60%", status="序时推进"),
        ids["1-2"]: dict(progress="方案待审定", problems="经费不足", next_steps="7月上会",
                         percent="30", status="滞后"),
    })  # fmt: skip
    fill_xlsx(xlsx, {ids["4-1"]: dict(progress="已全部完成", percent=100, status="已完成")})


def _report_text(path: Path) -> str:
    doc = Document(str(path))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def _check_results(db: Database, report: Path) -> None:
    """What every route through the cycle must end with."""
    ids = _ids(db)
    plan = list_plans(db)[0].id
    q2 = next(p for p in list_periods(db, plan) if p.name == Q2)
    entry = get_progress(db, ids["1-2"], q2.id)
    assert (entry.status, entry.percent, entry.problems, entry.source) == (
        "behind", 30, "经费不足", "readback",
    )  # fmt: skip
    assert get_progress(db, ids["4-1"], q2.id).status == "done"
    board = dashboard(db, plan, q2.id)
    assert set(board.by_status["done"]) == {ids["4-1"]}
    assert set(board.by_status["behind"]) == {ids["1-2"]}
    assert set(board.by_status["on_track"]) == {ids["1-1"]}
    assert len(board.not_reported) == board.total - 3
    # Reported behind on the deadline's last day: yellow (red only once it is overdue),
    # and the light says why.
    light = board.lights[ids["1-2"]]
    assert light.color == YELLOW and "30%" in light.reason and light.reason.startswith("黄：")
    org = require_department(db, "组织干部处")
    row = next(r for r in board.departments if r.department_id == org.id)
    led = [t.id for t in list_tasks(db, TaskFilter()) if t.lead_id == org.id]
    assert (len(row.led), row.done, row.behind) == (len(led), (), (ids["1-2"],))
    assert len(row.not_reported) == len(led) - 2
    text = _report_text(report)
    # The report names the behind task with its reason, in words, not the light's shorthand.
    assert "第二季度" in text and "1-2（组织干部处" in text and "经费不足" in text
    assert "预警" not in text and "2020-" not in text


# -- command line --------------------------------------------------------------------------


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    db = str(tmp_path / "cycle.sqlite3")

    def run(*args: str) -> tuple[int, str, str]:
        code = main(["--db", db, *args])
        out, err = capsys.readouterr()
        return code, out, err

    assert run("--demo", "plans")[0] == 0
    return run


def test_whole_cycle_from_the_command_line(cli, tmp_path: Path) -> None:
    assert cli("assign", "--section", "一", "--lead", "组干处", "--with", "宣教处",
               "--deadline", "6月底前")[0] == 0  # fmt: skip
    assert cli("assign", "--item", "4", "--lead", "宣教处", "--deadline", "6月底前")[0] == 0
    code, out, _ = cli("periods", "year", "2020", "--quarterly")
    assert code == 0 and Q2 in out
    forms = tmp_path / "forms"
    code, out, _ = cli("export", "feedback-forms", "--period", Q2, "--department", "组织干部处",
                       "-o", str(forms / "word"), "--json")  # fmt: skip
    (docx,) = map(Path, json.loads(out))
    code, out, _ = cli("export", "feedback-forms", "--period", Q2, "--department", "宣传教育处",
                       "--xlsx", "-o", str(forms / "excel"), "--json")  # fmt: skip
    (xlsx,) = map(Path, json.loads(out))
    assert (docx.suffix, xlsx.suffix) == (".docx", ".xlsx")
    db = open_database(tmp_path / "cycle.sqlite3")
    ids = _ids(db)
    db.close()
    _fill(ids, docx, xlsx)

    code, out, _ = cli("readback", str(forms / "word"), str(forms / "excel"), "--period", Q2,
                       "--dry-run", "--json")  # fmt: skip
    preview = json.loads(out)
    assert code == 0 and preview["written"] is None
    assert sorted(r["code"] for r in preview["rows"] if r["kind"] == "new") == ["1-1", "1-2", "4-1"]
    code, out, _ = cli("readback", str(forms / "word"), str(forms / "excel"), "--period", Q2)
    assert code == 0 and "Recorded: 3 new, 0 updated" in out
    # The same forms again: nothing changes.
    code, out, _ = cli("readback", str(forms / "word"), str(forms / "excel"), "--period", Q2)
    assert "Recorded: 0 new, 0 updated" in out and "3 unchanged" in out

    code, out, _ = cli("tasks", "--json", "--as-of", "2020-07-10")
    rows = {r["code"]: r for r in json.loads(out)}
    assert (rows["1-2"]["status"], rows["1-2"]["percent"]) == ("behind", 30)
    assert rows["1-2"]["light"] == {
        "color": RED, "reason": "红：完成时限 2020年6月30日 已过 10 天，最近进展 30%",
    }  # fmt: skip
    assert rows["4-1"]["light"]["color"] == GREEN
    report = tmp_path / "通报.docx"
    assert cli("export", "report", "--period", Q2, "-o", str(report))[0] == 0
    db = open_database(tmp_path / "cycle.sqlite3")
    try:
        _check_results(db, report)
        as_of = dt.date(2020, 7, 10)
        board = dashboard(db, list_plans(db)[0].id, None, as_of=as_of)
        assert rows["1-2"]["light"]["reason"] == board.lights[ids["1-2"]].reason
    finally:
        db.close()


def test_readback_rejections_from_the_command_line(cli, tmp_path: Path) -> None:
    assert cli("assign", "--section", "一", "--lead", "组干处", "--deadline", "6月底前")[0] == 0
    cli("periods", "year", "2020", "--quarterly")
    code, out, _ = cli("export", "feedback-forms", "--period", "2020年第一季度",
                       "-o", str(tmp_path / "q1"), "--json")  # fmt: skip
    (q1_form,) = map(Path, json.loads(out))
    db = open_database(tmp_path / "cycle.sqlite3")
    ids = _ids(db)
    db.close()
    fill_docx(q1_form, {ids["1-1"]: dict(progress="一季度进展", status="序时推进")})
    # A form of the first quarter read into the second: rejected, naming both periods.
    code, out, _ = cli("readback", str(q1_form), "--period", Q2, "--json")
    form = json.loads(out)["forms"][0]
    assert code == 2 and not form["accepted"]  # no usable form: exit 2
    assert "2020年第一季度" in form["reason"] and Q2 in form["reason"]
    # An altered key rejects that row, saying so.
    doc = Document(str(q1_form))
    for paragraph in (p for t in doc.tables for row in t.rows for c in row.cells[:1]
                      for p in c.paragraphs):  # fmt: skip
        key = parse_row_key(paragraph.text)
        if key is not None and key.task_id == ids["1-1"]:
            paragraph.runs[0].text = paragraph.text.replace(f"T{key.task_id}-", f"T{ids['1-2']}-")
    altered = tmp_path / "altered.docx"
    doc.save(str(altered))
    code, out, _ = cli("readback", str(altered), "--period", "2020年第一季度", "--json")
    rows = json.loads(out)["rows"]
    assert [r["kind"] for r in rows if r["kind"] == "rejected"] == ["rejected"]
    # The same file given twice is read once; the other copy is a duplicate.
    code, out, _ = cli("readback", str(q1_form), str(q1_form), "--period", "2020年第一季度",
                       "--json")  # fmt: skip
    kinds = sorted(r["kind"] for r in json.loads(out)["rows"] if r["code"] == "1-1")
    assert kinds == ["duplicate", "new"] and json.loads(out)["written"] == 1


# -- window --------------------------------------------------------------------------------


@pytest.mark.gui
def test_whole_cycle_in_the_window(qtbot, tmp_path: Path) -> None:
    from cli.demo import prepare_demo
    from qtapp.app import build_window
    from qtapp.prompts import ScriptedPrompts
    from qtapp.ui.export_dialog import ExportDialog
    from qtapp.ui.periods_dialog import PeriodsDialog
    from qtapp.ui.readback_dialog import ReadbackDialog
    from qtapp.ui_settings import UiSettings

    path = prepare_demo(tmp_path / "demo.sqlite3")
    settings = UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    prompts = ScriptedPrompts()
    win = build_window(path, language="en", ui_settings=settings, prompts=prompts)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.tasks.model.rowCount() == 152, timeout=10000)
    ctx = win.ctx
    ids = _ids(ctx.db)
    org, pub = require_department(ctx.db, "组织干部处"), require_department(ctx.db, "宣传教育处")
    section_one = [t.id for t in list_tasks(ctx.db, TaskFilter()) if t.code.split("-")[0] in
                   {"1", "2", "3"}]  # fmt: skip
    win.actions_.assign(
        section_one, {"lead": org.id, "cooperating": [pub.id], "deadline": "6月底前"}
    )
    win.actions_.assign([ids["4-1"]], {"lead": pub.id, "deadline": "6月底前"})

    plan = list_plans(ctx.db)[0].id
    periods = PeriodsDialog(ctx, plan, win)
    qtbot.addWidget(periods)
    periods.year.setValue(2020)
    qtbot.mouseClick(periods.findChild(QPushButton, "addQuartersButton"), Qt.MouseButton.LeftButton)

    written: dict[str, Path] = {}
    for dept, fmt in ((org, "docx"), (pub, "xlsx")):
        dialog = ExportDialog(ctx, "feedback-forms", plan, win)
        qtbot.addWidget(dialog)
        dialog.period.setCurrentIndex(dialog.period.findText(Q2))
        dialog.form_format.setCurrentIndex(dialog.form_format.findData(fmt))
        for i in range(dialog.departments.count()):
            item = dialog.departments.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == dept.id:
                item.setCheckState(Qt.CheckState.Checked)
        dialog.output.setText(str(tmp_path / "returned"))
        with qtbot.waitSignal(dialog.exported, timeout=20000) as signal:
            dialog.start_export()
        (written[fmt],) = signal.args[0]
    _fill(ids, written["docx"], written["xlsx"])

    readback = ReadbackDialog(ctx, plan, win)
    qtbot.addWidget(readback)
    readback.show()
    prompts.answers.append(str(tmp_path / "returned"))
    with qtbot.waitSignal(readback.previewed, timeout=20000):
        qtbot.mouseClick(readback.findChild(QPushButton, "addFolderButton"),
                         Qt.MouseButton.LeftButton)  # fmt: skip
    assert readback.period.currentText() == Q2 and readback.preview.count("new") == 3
    with qtbot.waitSignal(readback.previewed, timeout=20000):
        qtbot.mouseClick(readback.findChild(QPushButton, "recordButton"), Qt.MouseButton.LeftButton)
    readback.close()

    # The dashboard of the period shows the reported figures, judged as the quarter ended.
    ctx.set_as_of(dt.date(2020, 6, 30))
    board = win.dashboard
    win.show_dashboard()
    q2 = next(p.id for p in list_periods(ctx.db, plan) if p.name == Q2)
    qtbot.waitUntil(lambda: board.period_id() is not None, timeout=10000)
    if board.period_id() != q2:
        with qtbot.waitSignal(board.loaded, timeout=10000):
            board.select_period(q2)
    qtbot.waitUntil(
        lambda: board.findChild(QToolButton, "figure_behind").text().split()[-1] == "1",
        timeout=10000,
    )
    assert board.findChild(QToolButton, "figure_done").text().split()[-1] == "1"

    report_dialog = ExportDialog(ctx, "report", plan, win)
    qtbot.addWidget(report_dialog)
    report_dialog.period.setCurrentIndex(report_dialog.period.findText(Q2))
    report = tmp_path / "通报.docx"
    report_dialog.output.setText(str(report))
    with qtbot.waitSignal(report_dialog.exported, timeout=20000):
        report_dialog.start_export()
    _check_results(ctx.db, report)
    ctx.jobs.wait()

"""What goes out to departments and what comes back: a workbook that claims a cell at
XFD1048576 is refused quickly with little memory; no exported workbook holds a formula,
whatever the task text (the feedback forms and the 任务分解表); a formula typed into a returned form is read as its text; a form
of thousands of rows that Duban wrote reads back; long department names make safe file
names; a killed export leaves nothing behind once the next one runs; a killed carry-over
leaves no half plan."""

from __future__ import annotations

import json
import re
import time
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlite_utils import Database

from cli import main
from db.assignments import assign
from db.departments import require_department
from db.plans import list_plans
from db.progress import add_period
from db.task_edits import update_text
from db.tasks import list_tasks
from exports.readback import FilledForm, read_filled_form
from exports.service import ExportRequest, run_export
from tests.form_filling import fill_xlsx
from tests.reliability.bad_inputs import dimension_bomb, run_cli_in_child
from tests.unprivileged import Child

PERIOD = "第一季度"
FORMULAS = (
    '=HYPERLINK("https://example.com/x","点此")',
    "=1+1",
    "+SUM(A1:A9)",
    "-2+3",
    "@SUM(A1)",
)


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    from cli.demo import prepare_demo

    db = prepare_demo(tmp_path / "office.sqlite3")
    period = ["periods", "add", PERIOD, "--start", "2020-01-01", "--end", "2020-03-31"]
    assert main(["--db", str(db), *period]) == 0
    assert main(["--db", str(db), "assign", "--section", "一", "--lead", "基础教育处"]) == 0
    return db


def _export_xlsx(db: Path, folder: Path) -> list[Path]:
    argv = ["--db", str(db), "export", "feedback-forms", "--period", PERIOD, "--xlsx"]
    assert main([*argv, "-o", str(folder)]) == 0
    return sorted(folder.glob("*.xlsx"))


# -- a dimension bomb ------------------------------------------------------------------------


@pytest.mark.parametrize("cell", ["XFD1048576", "J1048576"])
def test_a_workbook_with_a_cell_at_the_end_of_the_sheet_is_refused_fast_and_small(
    demo: Path, tmp_path: Path, cell: str
) -> None:
    (form,) = _export_xlsx(demo, tmp_path / "forms")
    bomb = dimension_bomb(form, tmp_path / f"returned-{cell}.xlsx", cell)
    assert bomb.stat().st_size < 64 * 1024
    argv = ["--db", str(demo), "readback", str(bomb), "--period", PERIOD]
    started = time.perf_counter()
    code, _out, err, peak_mb = run_cli_in_child(argv, tmp_path, timeout=30)
    seconds = time.perf_counter() - started
    assert code == 2, err
    assert bomb.name in err and cell in err
    assert seconds < 10 and peak_mb is not None and peak_mb < 1024


def test_the_reader_names_the_cell_and_reads_nothing(demo: Path, tmp_path: Path) -> None:
    (form,) = _export_xlsx(demo, tmp_path / "forms")
    refused = read_filled_form(dimension_bomb(form, tmp_path / "b.xlsx", "XFD1048576"))
    assert not isinstance(refused, FilledForm)
    assert refused.code == "too_large" and "XFD1048576" in refused.reason


# -- formulas --------------------------------------------------------------------------------


def test_no_exported_workbook_holds_a_formula_whatever_the_task_text(
    seeded_db: Database, tmp_path: Path
) -> None:
    db = seeded_db
    tasks = list_tasks(db)[: len(FORMULAS)]
    basic = require_department(db, "基础教育处")
    for task, text in zip(tasks, FORMULAS, strict=True):
        update_text(db, task.id, text)
        assign(db, [task.id], lead=basic.id, deadline=text)
    plan_id = list_plans(db)[0].id
    period = add_period(db, plan_id, PERIOD, "2020-01-01", "2020-03-31")
    (form,) = run_export(
        db, ExportRequest("feedback-forms", plan_id, tmp_path, period.id, form_format="xlsx")
    )
    (table,) = run_export(db, ExportRequest("decomposition", plan_id, tmp_path / "分解表.xlsx"))
    for path, sheet_name in ((form, "进展情况反馈表"), (table, "任务分解表")):
        with zipfile.ZipFile(path) as package:
            for name in package.namelist():
                if name.startswith("xl/worksheets/"):
                    assert "<f>" not in package.read(name).decode("utf-8"), name
        sheet = load_workbook(path)[sheet_name]
        cells = [c for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
        found = [c for c in cells if c.value.startswith(("=", "+", "-", "@"))]
        # Each text twice (task and deadline); the 任务分解表 prints it in official punctuation.
        assert len(found) == 2 * len(FORMULAS), path
        assert {c.value for c in found} >= set(FORMULAS) - {FORMULAS[0]}
        for cell in found:
            assert cell.data_type == "s" and cell.quotePrefix  # text, also when edited in Excel


def test_a_formula_typed_into_a_returned_form_is_read_as_its_text(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (form,) = _export_xlsx(demo, tmp_path / "forms")
    sheet = load_workbook(form)["进展情况反馈表"]
    task_ids = [
        int(re.search(r"-T(\d+)-", str(c.value)).group(1))
        for row in sheet.iter_rows(min_row=4)
        for c in row[-1:]
        if c.value and str(c.value).startswith("D")
    ]
    formula = '=HYPERLINK("https://example.com","详见")'
    fill_xlsx(form, {task_ids[0]: dict(progress=formula, status="序时推进", percent=50)})
    filled = read_filled_form(form)
    assert isinstance(filled, FilledForm)
    row = next(r for r in filled.rows if f"-T{task_ids[0]}-" in r.key_text)
    assert row.progress == formula


# -- a big form written by Duban ---------------------------------------------------------------


@pytest.mark.slow
def test_a_form_of_eight_thousand_rows_written_by_duban_reads_back(tmp_path: Path) -> None:
    from bench.synthetic import write_plan

    db = tmp_path / "big.sqlite3"
    plan = write_plan(tmp_path / "plan.txt", 8000)
    steps = [
        ["departments", "add", "基础教育处"],
        ["import", str(plan)],
        ["periods", "add", PERIOD, "--start", "2020-01-01", "--end", "2020-03-31"],
        ["assign", "--all", "--lead", "基础教育处"],
        ["export", "feedback-forms", "--period", PERIOD, "-o", str(tmp_path / "docx")],
        ["export", "feedback-forms", "--period", PERIOD, "--xlsx", "-o", str(tmp_path / "xlsx")],
    ]
    for step in steps:
        assert main(["--db", str(db), *step]) == 0, step
    for folder in ("docx", "xlsx"):
        (form,) = (tmp_path / folder).iterdir()
        argv = ["--db", str(db), "readback", str(form), "--period", PERIOD, "--dry-run", "--json"]
        code, out, err, peak_mb = run_cli_in_child(argv, tmp_path)
        assert code == 0, err
        result = json.loads(out)
        assert result["forms"][0]["accepted"], result["forms"][0]["reason"]
        assert len(result["rows"]) == 8000
        assert peak_mb is not None and peak_mb < 200, (folder, peak_mb)


# -- file names --------------------------------------------------------------------------------


def test_long_department_names_and_bidi_controls_make_safe_file_names(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    long_name = "青岛市教育局" + "基础教育与学前教育及特殊教育工作协调推进" * 4 + "处"
    assert len(long_name) >= 69
    spoofed = "财务处\u202efdp.exe"
    for name in (long_name, long_name + "二", spoofed):
        assert main(["--db", str(demo), "departments", "add", name]) == 0
    due = ["--deadline", "3月底前"]
    assert main(["--db", str(demo), "assign", "--item", "2", "--lead", long_name, *due]) == 0
    assert main(["--db", str(demo), "assign", "--item", "3", "--lead", long_name + "二", *due]) == 0
    assert main(["--db", str(demo), "assign", "--item", "4", "--lead", spoofed, *due]) == 0
    capsys.readouterr()
    for kind, extra in (("feedback-forms", []), ("feedback-forms", ["--xlsx"]), ("reminders", [])):
        out = tmp_path / f"{kind}{''.join(extra)}"
        argv = ["--db", str(demo), "export", kind, "--period", PERIOD, *extra, "-o", str(out)]
        code = main([*argv, "--reply-by", "2020-04-10", "--json"])
        assert code == 0, capsys.readouterr().err
        written = [Path(p) for p in json.loads(capsys.readouterr().out)]
        names = [p.name for p in written]
        assert len(set(names)) == len(names) and all(p.is_file() for p in written)
        for name in names:
            assert len(name.encode("utf-8")) <= 180 and len(name) <= 100, name
            assert not re.search("[\u200e\u200f\u202a-\u202e\u2066-\u2069]", name), name
        assert any(n.startswith(f"{names.index(n) + 1:02d}-青岛市教育局") for n in names)


# -- killed in the middle ----------------------------------------------------------------------

KILLED_EXPORT = """
import sys
from pathlib import Path
from exports.files import write_folder

def stop_after_first(done, total):
    print("staged", flush=True)
    sys.stdin.readline()  # killed while waiting here

files = [(f"{n:02d}-处室-进展情况反馈表.docx", lambda: b"x" * 1000) for n in range(1, 4)]
write_folder(Path(sys.argv[1]), files, stop_after_first)
"""


def test_an_export_killed_halfway_leaves_nothing_once_the_next_one_runs(
    demo: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "forms"
    Child(KILLED_EXPORT, str(folder), ready="staged").kill()
    assert [p for p in folder.iterdir() if p.name.startswith(".")]  # what the kill left
    argv = ["--db", str(demo), "export", "feedback-forms", "--period", PERIOD, "-o", str(folder)]
    assert main(argv) == 0
    assert [p.name for p in folder.iterdir() if p.name.startswith(".")] == []


KILLED_CARRY_OVER = """
import sys
from db.carry_over import carry_into_next_year
from db.connection import connect

db = connect(sys.argv[1])

def pause():
    print("carrying", flush=True)
    sys.stdin.readline()  # killed while waiting here

db.conn.create_function("pause", 0, pause)
carry_into_next_year(db, 1)
"""


def test_a_carry_over_killed_halfway_leaves_no_half_plan(demo: Path) -> None:
    import sqlite3

    conn = sqlite3.connect(demo)  # a hook the killed program stops in, once tasks are copied
    conn.execute(
        "CREATE TRIGGER pause_carry AFTER INSERT ON tasks WHEN NEW.origin = 'carried'"
        " BEGIN SELECT pause(); END"
    )
    conn.commit()
    conn.close()
    Child(KILLED_CARRY_OVER, str(demo), ready="carrying").kill()
    conn = sqlite3.connect(demo)
    conn.execute("DROP TRIGGER pause_carry")
    conn.commit()
    plans = conn.execute("SELECT id, title FROM plans").fetchall()
    conn.close()
    assert plans == [(1, "2020年全市教育工作要點")]  # no empty 2021年结转任务 left

"""Existing 任务分解表 (.xlsx and .docx) imported as plans whose tasks carry the
assignments of their rows; Duban's own decomposition export imports back the same."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from cli import main
from db.connection import open_database
from db.departments import add_department, list_departments
from db.imports import UnknownNamesError, read_plan_or_table, store_table
from db.plans import list_plans
from db.reports import collect
from domain.table_plan import COOPERATING, DEADLINE, LEAD, TASK, read_task_table
from tests.table_fixtures import DEPARTMENTS, LEADERS, TASK_COUNT, rows, write_docx, write_xlsx

ROOT = Path(__file__).resolve().parents[1]


def _tasks(db_path: Path, plan_id: int | None = None):
    db = open_database(db_path)
    try:
        plan = plan_id or list_plans(db)[-1].id
        return collect(db, plan).tasks
    finally:
        db.close()


@pytest.mark.parametrize("write", [write_xlsx, write_docx], ids=["xlsx", "docx"])
def test_a_93_row_table_imports_to_93_tasks_with_their_leads_and_deadlines(
    tmp_path: Path, write, capsys
) -> None:
    table = write(tmp_path / f"分解表{'.xlsx' if write is write_xlsx else '.docx'}")
    db = tmp_path / "duban.sqlite3"
    assert main(["--db", str(db), "import", str(table), "--add-departments"]) == 0
    out = capsys.readouterr().out
    assert f"{TASK_COUNT} tasks" in out
    expected = rows()
    tasks = _tasks(db)
    assert len(tasks) == TASK_COUNT == len(expected)
    assert [t.text for t in tasks] == [r.task for r in expected]
    assert [t.lead for t in tasks] == [r.lead for r in expected]
    assert [tuple(t.cooperating) for t in tasks] == [r.cooperating for r in expected]
    assert [t.deadline for t in tasks] == [r.deadline for r in expected]
    assert [t.leader for t in tasks] == [r.leader for r in expected]
    # Items come from the merged item column, sections from the group rows.
    plan, _source, found = read_plan_or_table(table)
    assert found is not None
    items = [n for n in plan.nodes() if n.kind == "item"]
    assert [f"{i.label}{i.title}" for i in items] == list(dict.fromkeys(r.item for r in expected))
    assert [f"{s.label}{s.title}" for s in plan.outline] == list(
        dict.fromkeys(r.section for r in expected)
    )
    assert plan.title == "2020年全市教育工作要点任务分解表"


def test_unknown_departments_are_named_and_nothing_is_imported(tmp_path: Path, capsys) -> None:
    table = write_xlsx(tmp_path / "分解表.xlsx")
    db_path = tmp_path / "duban.sqlite3"
    db = open_database(db_path)
    for name in DEPARTMENTS[:8]:
        add_department(db, name)
    db.close()
    assert main(["--db", str(db_path), "import", str(table)]) == 2
    err = capsys.readouterr().err
    assert "政策法规处" in err and "教育督导室" in err and "基础教育处" not in err
    assert "李明" in err  # leaders too
    db = open_database(db_path)
    try:
        assert list_plans(db) == []
        assert len(list_departments(db)) == 8
    finally:
        db.close()


def test_store_table_adds_the_names_on_confirmation(tmp_path: Path) -> None:
    table = write_docx(tmp_path / "分解表.docx")
    plan, source, _found = read_plan_or_table(table)
    db = open_database(tmp_path / "duban.sqlite3")
    try:
        with pytest.raises(UnknownNamesError) as caught:
            store_table(db, plan, source)
        assert set(caught.value.departments) == set(DEPARTMENTS)
        assert set(caught.value.leaders) == set(LEADERS)
        result = store_table(db, plan, source, add_names=True)
        assert result.counts.tasks == TASK_COUNT
        assert {d.name for d in list_departments(db)} == set(DEPARTMENTS)
    finally:
        db.close()


def test_the_column_mapping_can_be_corrected(tmp_path: Path) -> None:
    table = read_task_table(write_xlsx(tmp_path / "分解表.xlsx"))
    assert table is not None
    lead, coop = table.mapping.get(LEAD), table.mapping.get(COOPERATING)
    swapped = table.mapping.with_role(LEAD, coop).with_role(COOPERATING, lead)
    plan = table.to_plan(swapped)
    first = next(t for t in plan.tasks() if rows()[1].task == t.text)
    assert first.suggested_lead == rows()[1].cooperating[0]
    no_deadline = table.to_plan(table.mapping.with_role(DEADLINE, None))
    assert all(not t.suggested_deadline for t in no_deadline.tasks())
    assert table.mapping.with_role(TASK, lead).get(LEAD) is None


def test_dubans_own_decomposition_export_imports_back_the_same(tmp_path: Path) -> None:
    demo = tmp_path / "demo.sqlite3"
    assert main(["--db", str(demo), "--demo", "plans"]) == 0
    # Assign section 一 and two items with cooperating units, a leader and deadlines.
    assert main(["--db", str(demo), "assign", "--section", "一", "--lead", "组干处",
                 "--with", "办公室", "--leader", "李明", "--deadline", "6月底前"]) == 0  # fmt: skip
    assert main(["--db", str(demo), "assign", "--item", "7", "--lead", "基教处",
                 "--with", "职成处", "--with", "体卫艺处", "--deadline", "计划寒假前，其它7月底前"]) == 0  # fmt: skip
    export = tmp_path / "任务分解表.docx"
    assert (
        main(["--db", str(demo), "export", "decomposition", "--with-leader", "-o", str(export)])
        == 0
    )
    before = _tasks(demo)
    fresh = tmp_path / "fresh.sqlite3"
    assert main(["--db", str(fresh), "import", str(export), "--add-departments"]) == 0
    after = _tasks(fresh)
    assert len(after) == len(before) == 152
    # Documents print half-width , ; : ( ) between Chinese characters full-width, as an
    # office writes them: the text comes back in that form.
    from domain.script import full_width_punctuation

    assert [t.text for t in after] == [full_width_punctuation(t.text) for t in before]
    assert [t.code for t in after] == [t.code for t in before]
    assert [(t.lead, tuple(t.cooperating), t.leader, t.deadline) for t in after] == [
        (t.lead, tuple(t.cooperating), t.leader, t.deadline) for t in before
    ]


def test_import_a_table_as_a_clerk_does(tmp_path: Path) -> None:
    table = write_xlsx(tmp_path / "分解表.xlsx")
    home = tmp_path / "home"
    home.mkdir()
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "XDG_DATA_HOME": str(home / ".data")}
    run = [sys.executable, str(ROOT / "main.py"), "import", str(table)]
    refused = subprocess.run(run, capture_output=True, text=True, timeout=120, env=env)
    assert refused.returncode == 2 and "政策法规处" in refused.stderr
    done = subprocess.run([*run, "--add-departments"], capture_output=True, text=True,
                          timeout=120, env=env)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "93 tasks" in done.stdout

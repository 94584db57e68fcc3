"""The reporting cycle in the store and on the command line: periods, progress, lights,
carrying unfinished tasks into next year's plan."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlite_utils import Database

from cli import main
from db.assignments import assign
from db.carry_over import carry_over, new_plan_for
from db.departments import require_department
from db.errors import InvalidValue
from db.plans import list_plans
from db.progress import add_year_of_periods, delete_period, list_periods, record_progress
from db.tasks import TaskFilter, list_tasks


def test_a_whole_year_of_periods_in_one_step(seeded_db: Database) -> None:
    plan = list_plans(seeded_db)[0].id
    months = add_year_of_periods(seeded_db, plan, 2020, "month", due_day=5)
    assert [p.name for p in months][:3] == ["2020年1月", "2020年2月", "2020年3月"]
    feb = months[1]
    assert (feb.starts_on, feb.ends_on, feb.feedback_due_on) == (
        "2020-02-01",
        "2020-02-29",
        "2020-03-05",
    )
    assert months[-1].feedback_due_on == "2021-01-05"
    quarters = add_year_of_periods(seeded_db, plan, 2020, "quarter")
    assert [p.name for p in quarters] == [
        "2020年第一季度",
        "2020年第二季度",
        "2020年第三季度",
        "2020年第四季度",
    ]
    assert add_year_of_periods(seeded_db, plan, 2020, "month") == []  # nothing doubled
    assert len(list_periods(seeded_db, plan)) == 16


def test_a_period_with_reports_is_not_removed(seeded_db: Database) -> None:
    plan = list_plans(seeded_db)[0].id
    first, second = add_year_of_periods(seeded_db, plan, 2020, "quarter")[:2]
    record_progress(seeded_db, list_tasks(seeded_db)[0].id, first.id, status="on_track")
    with pytest.raises(InvalidValue, match="holds 1"):
        delete_period(seeded_db, first.id)
    delete_period(seeded_db, second.id)
    assert [p.name for p in list_periods(seeded_db, plan)] == [
        "2020年第一季度",
        "2020年第三季度",
        "2020年第四季度",
    ]


def test_command_line_cycle(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = str(tmp_path / "cycle.sqlite3")

    def run(*args: str) -> tuple[int, str, str]:
        code = main(["--db", db, *args])
        out, err = capsys.readouterr()
        return code, out, err

    from tests.conftest import SAMPLE_PLAN

    assert run("import", str(SAMPLE_PLAN))[0] == 0
    assert run("departments", "add", "组织干部处", "--short", "组干处")[0] == 0
    assert run("assign", "--section", "一", "--lead", "组干处", "--deadline", "6月底前")[0] == 0
    code, out, _ = run("periods", "year", "2020", "--quarterly", "--due-day", "10")
    assert code == 0 and "2020年第一季度" in out and "due 2020-04-10" in out
    code, out, _ = run(
        "progress",
        "1-2",
        "--period",
        "2020年第一季度",
        "--status",
        "滞后",
        "--percent",
        "20",
        "--problems",
        "经费未到位",
        "--reporter",
        "组干处",
    )
    assert code == 0 and "behind 20%" in out
    # Entering the same period again edits the entry.
    assert (
        run(
            "progress",
            "1-2",
            "--period",
            "2020年第一季度",
            "--status",
            "序时推进",
            "--percent",
            "35",
        )[0]
        == 0
    )
    code, out, _ = run("tasks", "--json", "--as-of", "2020-07-10")
    rows = {r["code"]: r for r in json.loads(out)}
    assert (rows["1-2"]["status"], rows["1-2"]["percent"]) == ("on_track", 35)
    assert rows["1-2"]["light"] == {
        "color": "red",
        "reason": "红：完成时限 2020年6月30日 已过 10 天，最近进展 35%",
    }
    assert rows["6-1"]["light"]["color"] == "grey"  # no deadline yet: reviewed every period
    code, _, err = run("progress", "1-2", "--period", "2020年第九季度", "--status", "done")
    assert code == 2 and "no period" in err
    code, _, err = run("progress", "1-2", "--period", "2020年第一季度", "--status", "finished")
    assert code == 2 and "Unknown status" in err
    code, out, _ = run("periods", "list", "--json")
    assert len(json.loads(out)) == 4


def test_carry_unfinished_tasks_into_next_year(seeded_db: Database) -> None:
    db = seeded_db
    plan = list_plans(db)[0].id
    tasks = list_tasks(db, TaskFilter(plan_id=plan))
    basic = require_department(db, "基础教育处")
    office = require_department(db, "办公室")
    assign(
        db, [t.id for t in tasks[:10]], lead=basic.id, cooperating=[office.id], deadline="6月底前"
    )
    period = add_year_of_periods(db, plan, 2020, "quarter")[3]
    for task in tasks[:4]:
        record_progress(db, task.id, period.id, status="done", percent=100)
    target = new_plan_for(db, plan, 2021)
    result = carry_over(db, plan, target)
    assert (result.carried, result.skipped_done, result.already_carried) == (148, 4, 0)
    carried = list_tasks(db, TaskFilter(plan_id=target))
    assert len(carried) == 148 and {t.origin for t in carried} == {"carried"}
    first = carried[0]
    assert first.text == tasks[4].text
    assert (first.lead, first.cooperating) == ("基础教育处", ("办公室",))
    assert first.deadline is not None and first.deadline.due_on == "2021-06-30"  # the new year
    assert first.section_title == "上年度结转任务" and first.item_label == tasks[4].item_label
    again = carry_over(db, plan, target)
    assert (again.carried, again.already_carried) == (0, 148)


def test_carry_over_from_the_command_line_backs_up_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from db.backups import list_backups

    db = tmp_path / "office.sqlite3"
    assert main(["--db", str(db), "--demo", "plans"]) == 0
    assert main(["--db", str(db), "carry-over", "--from", "1"]) == 0
    assert "Carried 152 unfinished task(s) into plan 2" in capsys.readouterr().out
    assert "before-carry-over-1" in [b.reason for b in list_backups(db)]

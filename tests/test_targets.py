"""阶段目标 taken from the plan's milestones, merged with the ones entered, and the lights
judged against a target's percent."""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from db import plan_targets
from db import supervision as sv
from db.assignments import assign
from db.dashboard import dashboard
from db.departments import require_department
from db.lights import row_light, thresholds
from db.progress import add_period, record_progress
from db.reports import collect
from db.tasks import get_task, list_tasks
from domain.warnings import GREEN, YELLOW, light_for


def _quarters(db: Database, plan_id: int) -> tuple[int, int, int]:
    q1 = add_period(db, plan_id, "2020年第一季度", "2020-01-01", "2020-03-31").id
    q2 = add_period(db, plan_id, "2020年第二季度", "2020-04-01", "2020-06-30").id
    q4 = add_period(db, plan_id, "2020年第四季度", "2020-10-01", "2020-12-31").id
    return q1, q2, q4


def test_milestones_become_the_targets_of_their_periods(simplified_db: Database) -> None:
    tasks = list_tasks(simplified_db)
    plan_id = tasks[0].plan_id
    lead = require_department(simplified_db, "基教处").id
    assign(simplified_db, [tasks[0].id], lead=lead, deadline="6月底前完成初稿，年底前全面完成")
    assign(simplified_db, [tasks[1].id], lead=lead, deadline="10月底完成70%，年底前完成")
    assign(simplified_db, [tasks[2].id], lead=lead, deadline="年底前")
    q1, q2, q4 = _quarters(simplified_db, plan_id)
    in_q2 = plan_targets.effective_targets(simplified_db, q2)
    assert set(in_q2) == {tasks[0].id}
    assert (in_q2[tasks[0].id].text, in_q2[tasks[0].id].origin) == ("6月底前完成初稿", "plan")
    in_q4 = plan_targets.effective_targets(simplified_db, q4)
    assert in_q4[tasks[1].id].text == "年底前完成"  # the last milestone in the quarter
    assert plan_targets.effective_targets(simplified_db, q1) == {}
    # one entered for the period wins over the plan's
    sv.set_target(simplified_db, tasks[0].id, q2, "形成征求意见稿", 60)
    entered = plan_targets.effective_targets(simplified_db, q2)[tasks[0].id]
    assert (entered.text, entered.percent, entered.origin) == ("形成征求意见稿", 60, "manual")
    per_task = plan_targets.task_effective_targets(simplified_db, tasks[0].id)
    assert [(t.period_id, t.origin) for t in per_task] == [(q2, "manual"), (q4, "plan")]
    # computed on read: a postponement moves the plan's targets with the deadline
    sv.postpone(simplified_db, tasks[1].id, "9月底前完成70%，年底前完成", "调整进度")
    q3 = add_period(simplified_db, plan_id, "2020年第三季度", "2020-07-01", "2020-09-30").id
    assert plan_targets.effective_targets(simplified_db, q3)[tasks[1].id].percent == 70


def test_a_target_percent_replaces_the_straight_line() -> None:
    common = dict(
        due=dt.date(2020, 12, 31),
        deadline_kind="month",
        status="on_track",
        as_of=dt.date(2020, 6, 30),
        year_start=dt.date(2020, 1, 1),
    )
    # 30% at mid-year is under 序时 (50%), but above a target of 25%
    assert light_for(percent=30, **common).color == YELLOW
    on_target = light_for(percent=30, target_percent=25, **common)
    assert (on_target.color, on_target.reason) == (GREEN, "绿：最近进展 30%，达到阶段目标 25%")
    under = light_for(percent=30, target_percent=50, **common)
    assert (under.color, under.reason) == (YELLOW, "黄：阶段目标 50%，最近进展 30%")
    late = light_for(percent=30, target_percent=10, **{**common, "as_of": dt.date(2021, 1, 5)})
    assert late.reason.startswith("红：完成时限")  # a passed deadline is red whatever the target


def test_dashboard_report_and_rows_agree_on_targets(simplified_db: Database) -> None:
    tasks = list_tasks(simplified_db)
    plan_id = tasks[0].plan_id
    lead = require_department(simplified_db, "基教处").id
    assign(simplified_db, [tasks[0].id, tasks[1].id], lead=lead, deadline="年底前")
    _q1, q2, _q4 = _quarters(simplified_db, plan_id)
    sv.set_target(simplified_db, tasks[0].id, q2, "完成初稿", 30)
    for task in tasks[:2]:
        record_progress(simplified_db, task.id, q2, status="on_track", percent=30)
    board = dashboard(simplified_db, plan_id, q2)
    assert board.lights[tasks[0].id].reason == "绿：最近进展 30%，达到阶段目标 30%"
    assert board.lights[tasks[1].id].reason == "黄：最近进展 30%，低于序时进度 50%"
    report = {t.id: t for t in collect(simplified_db, plan_id, period_id=q2).tasks}
    assert report[tasks[0].id].light == board.lights[tasks[0].id]
    assert report[tasks[0].id].target is not None
    row = get_task(simplified_db, tasks[0].id)
    target = plan_targets.effective_targets(simplified_db, q2)[tasks[0].id]
    light = row_light(
        row, year=2020, as_of=dt.date(2020, 6, 30), limits=thresholds(simplified_db),
        target=target,
    )  # fmt: skip
    assert light == board.lights[tasks[0].id]

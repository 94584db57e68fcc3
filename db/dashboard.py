"""The dashboard (督办看板): a plan's figures as of a reporting period, at a glance.

Every figure is a tuple of task ids in outline order, so a click on a figure can show
exactly the tasks behind it. A task's state is what ``db.reports.collect`` gives it —
this period's entry, else the latest one before it — and its category and light follow
``domain.statuses`` and ``domain.warnings.light_for``, as the 通报 counts them;
``tests/test_dashboard.py`` checks that the two paths agree.

The figures are read with one aggregate query instead of ``collect`` (which loads every
entry of the plan and builds full rows: 3.4 s at 50,000 tasks and 1,000,000 entries).
Each task's entry is found by probing the periods newest first on the unique
(task_id, period_id) index; most tasks stop at the first or second probe. Measured on that
file: about 0.15 s for a whole ``dashboard()``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlite_utils import Database

from db.departments import list_departments
from db.errors import InvalidValue
from db.plan_targets import milestone_in
from db.plans import get_plan
from db.progress import get_period, list_periods
from db.records import Plan, ReportingPeriod
from db.settings import all_settings
from db.tasks import _codes, _Outline
from domain.statuses import (
    BEHIND,
    CATEGORIES,
    DONE,
    NOT_REPORTED,
    OVERDUE,
    category,
    is_overdue,
)
from domain.warnings import LIGHTS, Light, Thresholds, light_for

FIGURES = (*CATEGORIES, OVERDUE)  # the categories (a partition of the tasks), then 逾期
UNASSIGNED = "未分配"  # the name of the row of tasks that have no lead department yet

Ids = tuple[int, ...]


@dataclass(frozen=True)
class DepartmentRow:
    """One lead department's figures; ``department_id`` None is the 未分配 row."""

    department_id: int | None
    name: str
    led: Ids
    done: Ids
    behind: Ids
    overdue: Ids
    not_reported: Ids


@dataclass(frozen=True)
class Dashboard:
    plan: Plan
    period: ReportingPeriod | None
    as_of: dt.date
    task_ids: Ids  # every task of the plan, in outline order
    by_status: dict[str, Ids]  # FIGURES → task ids: a partition, and the overdue ones
    by_light: dict[str, Ids]  # red / yellow / green / grey → task ids
    lights: dict[int, Light]  # task id → its light, with the reason
    departments: list[DepartmentRow]  # official order, then 未分配 if any task has no lead
    # Tasks not done and without an entry for the period (by_status[NOT_REPORTED]). Without
    # a period (as of a date): the tasks never reported in any period of the plan.
    not_reported: Ids

    @property
    def total(self) -> int:
        return len(self.task_ids)


@dataclass(frozen=True)
class TaskLine:
    """What a short list of tasks shows: 序号, text, lead, deadline."""

    id: int
    code: str
    text: str
    lead: str
    deadline: str  # the phrase as written
    due_on: str | None


def _ranked_periods(
    db: Database, plan_id: int, period: ReportingPeriod | None
) -> list[ReportingPeriod]:
    """The periods whose entries count, most authoritative first: the period itself, then
    the earlier ones, latest first (as ``db.reports`` lets later periods win)."""
    periods = list_periods(db, plan_id)
    if period is not None:
        periods = [p for p in periods if p.ends_on <= period.ends_on and p.id != period.id]
    periods.sort(key=lambda p: (p.ends_on, p.id), reverse=True)
    return [period, *periods] if period is not None else periods


def _node_order(db: Database, plan_id: int) -> dict[int, int]:
    """Outline nodes in reading order (as ``db.plans.list_outline`` walks them)."""
    children: dict[int | None, list[int]] = {}
    for node_id, parent_id in db.execute(
        "SELECT id, parent_id FROM outline_nodes WHERE plan_id = ? ORDER BY position, id",
        [plan_id],
    ).fetchall():
        children.setdefault(parent_id, []).append(node_id)
    order: dict[int, int] = {}
    stack = list(reversed(children.get(None, [])))
    while stack:
        node_id = stack.pop()
        order[node_id] = len(order)
        stack.extend(reversed(children.get(node_id, [])))
    return order


def _task_states(
    db: Database, plan_id: int, periods: Sequence[ReportingPeriod], target_period: int | None
) -> list[tuple]:
    """(id, node_id, position, lead_id, due_on, kind, entry's period_id, status, percent,
    target entered, its percent, the deadline's milestones) for every task of the plan; the
    entry is the first found in ``periods``, the target the one of ``target_period``."""
    probe = "(SELECT e.id FROM progress_entries e WHERE e.task_id = t.id AND e.period_id = ?)"
    entry = "coalesce(" + ", ".join([probe] * len(periods)) + ", NULL)" if periods else "NULL"
    # The targets come with the same pass (one primary-key probe per task): a separate
    # query over 25,000 targets and their dataclasses doubled the time at 50,000 tasks.
    sql = (
        "SELECT t.id, t.node_id, t.position, la.department_id, d.due_on, d.kind,"
        " le.period_id, le.status, le.percent, tt.task_id IS NOT NULL, tt.percent, d.milestones"
        " FROM tasks t"
        " LEFT JOIN assignments la ON la.task_id = t.id AND la.role = 'lead'"
        " LEFT JOIN deadlines d ON d.task_id = t.id"
        f" LEFT JOIN progress_entries le ON le.id = {entry}"
        " LEFT JOIN task_targets tt ON tt.task_id = t.id AND tt.period_id = ?"
        " WHERE t.plan_id = ?"
    )
    return db.execute(sql, [*(p.id for p in periods), target_period, plan_id]).fetchall()


def dashboard(
    db: Database, plan_id: int, period_id: int | None, *, as_of: dt.date | None = None
) -> Dashboard:
    """The figures of ``plan_id`` for a period, as of its end (or ``as_of``).

    Without a period the figures are as of ``as_of`` (default today), from each task's
    latest entry in any period, and ``not_reported`` lists the tasks never reported.
    """
    plan = get_plan(db, plan_id)
    period = get_period(db, period_id) if period_id is not None else None
    if period is not None and period.plan_id != plan_id:
        raise InvalidValue(f"The period “{period.name}” belongs to another plan.")
    if as_of is None:
        as_of = dt.date.fromisoformat(period.ends_on) if period else dt.date.today()
    year_start = dt.date(plan.year or as_of.year, 1, 1)
    limits = Thresholds.from_settings(all_settings(db))

    order = _node_order(db, plan_id)
    current = period.id if period is not None else None
    rows = _task_states(db, plan_id, _ranked_periods(db, plan_id, period), current)
    rows.sort(key=lambda r: (order.get(r[1], len(order)), r[2], r[0]))

    by_status: dict[str, list[int]] = {c: [] for c in FIGURES}
    by_light: dict[str, list[int]] = {c: [] for c in LIGHTS}
    lights: dict[int, Light] = {}
    # lead id → [led, done, behind, overdue, not reported]
    per_lead: dict[int | None, tuple[list[int], ...]] = {}
    seen: dict[tuple, tuple[str, Light]] = {}  # many tasks share a state: judge it once
    # 阶段目标 as ``db.supervision.effective_targets`` merges them: the one entered, else
    # the milestone of the deadline phrase due in the period (each distinct phrase read once).
    milestone_percents: dict[str, int | None] = {}

    def target_percent_of(entered: int, entered_percent: int | None, milestones: str) -> int | None:
        if entered:
            return entered_percent
        if period is None or not milestones or milestones == "[]":
            return None
        if milestones not in milestone_percents:
            due = milestone_in(milestones, period.starts_on, period.ends_on)
            milestone_percents[milestones] = None if due is None else due[1]
        return milestone_percents[milestones]

    for row in rows:
        task_id, _node, _position, lead_id, due_on, kind, entry_period, status, percent = row[:9]
        reported = entry_period is not None and (current is None or entry_period == current)
        target_percent = target_percent_of(*row[9:])
        key = (due_on, kind, status, percent, reported, target_percent)
        judged = seen.get(key)
        if judged is None:
            due = dt.date.fromisoformat(due_on) if due_on else None
            light = light_for(
                due=due,
                deadline_kind=kind or "",
                status=status,
                percent=percent,
                as_of=as_of,
                year_start=year_start,
                thresholds=limits,
                target_percent=target_percent,
            )
            judged = seen[key] = (
                category(status, reported),
                is_overdue(status, due, as_of),
                light,
            )
        kind_of, late, light = judged
        by_status[kind_of].append(task_id)
        if late:
            by_status[OVERDUE].append(task_id)
        by_light[light.color].append(task_id)
        lights[task_id] = light
        figures = per_lead.get(lead_id)
        if figures is None:
            figures = per_lead[lead_id] = ([], [], [], [], [])
        figures[0].append(task_id)
        for index, wanted in enumerate((kind_of == DONE, kind_of == BEHIND, late), start=1):
            if wanted:
                figures[index].append(task_id)
        if kind_of == NOT_REPORTED:
            figures[4].append(task_id)

    departments = [
        _department_row(d.id, d.name, per_lead[d.id])
        for d in list_departments(db, include_retired=True)
        if d.id in per_lead
    ]
    if None in per_lead:
        departments.append(_department_row(None, UNASSIGNED, per_lead[None]))
    return Dashboard(
        plan=plan,
        period=period,
        as_of=as_of,
        task_ids=tuple(r[0] for r in rows),
        by_status={k: tuple(v) for k, v in by_status.items()},
        by_light={k: tuple(v) for k, v in by_light.items()},
        lights=lights,
        departments=departments,
        not_reported=tuple(by_status[NOT_REPORTED]),
    )


def _department_row(
    department_id: int | None, name: str, figures: tuple[list[int], ...]
) -> DepartmentRow:
    led, done, behind, overdue, not_reported = (tuple(ids) for ids in figures)
    return DepartmentRow(department_id, name, led, done, behind, overdue, not_reported)


def task_lines(db: Database, plan_id: int, task_ids: Sequence[int]) -> list[TaskLine]:
    """The lines of these tasks of the plan, in the order given (unknown ids are skipped).

    Codes are counted over the whole plan, so they match the task table.
    """
    if not task_ids:
        return []
    codes = _codes(db, _Outline(db, [plan_id]), [plan_id])
    wanted = set(task_ids)
    found = {
        row[0]: TaskLine(row[0], codes.get(row[0], ""), row[1], row[2] or "", row[3] or "", row[4])
        for row in db.execute(
            "SELECT t.id, t.text, ld.name, d.phrase, d.due_on FROM tasks t"
            " LEFT JOIN assignments la ON la.task_id = t.id AND la.role = 'lead'"
            " LEFT JOIN departments ld ON ld.id = la.department_id"
            " LEFT JOIN deadlines d ON d.task_id = t.id"
            " WHERE t.plan_id = ?",
            [plan_id],
        ).fetchall()
        if row[0] in wanted
    }
    return [found[t] for t in task_ids if t in found]


@dataclass(frozen=True)
class DepartmentBar:
    """One lead department's bar on the chart: counts, not ids (``db.dashboard`` has those)."""

    name: str
    led: int
    done: int
    overdue: int
    postponed: int
    focus: int = 0


def department_bars(
    db: Database, plan_id: int, period_id: int | None, *, as_of: dt.date | None = None
) -> list[DepartmentBar]:
    """Per lead department (official order, then 未分配): tasks led, done, overdue,
    postponed (延期 at least once) and 重点督办, as of the period as the dashboard counts."""
    board = dashboard(db, plan_id, period_id, as_of=as_of)
    postponed = {
        row[0]
        for row in db.execute(
            "SELECT DISTINCT pp.task_id FROM postponements pp JOIN tasks t ON t.id = pp.task_id"
            " WHERE t.plan_id = ?",
            [plan_id],
        ).fetchall()
    }
    focus = {
        row[0]
        for row in db.execute(
            "SELECT id FROM tasks WHERE plan_id = ? AND focus = 1", [plan_id]
        ).fetchall()
    }
    return [
        DepartmentBar(
            name=row.name,
            led=len(row.led),
            done=len(row.done),
            overdue=len(row.overdue),
            postponed=sum(1 for t in row.led if t in postponed),
            focus=sum(1 for t in row.led if t in focus),
        )
        for row in board.departments
    ]

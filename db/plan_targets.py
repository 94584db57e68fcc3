"""阶段目标 taken from the plan: a deadline phrase with milestones ("6月底前完成初稿，年底前全面
完成") gives the period that contains a milestone's date that milestone as its target, unless
a target was entered for it. Computed on read, so nothing has to be kept in step with the
deadline (a 延期 moves these targets with it).
"""

from __future__ import annotations

import json

from sqlite_utils import Database

from db.errors import NotFound
from db.supervision import Target, period_targets, plan_of_task, task_targets


def milestone_in(
    milestones_json: str, starts_on: str, ends_on: str
) -> tuple[str, int | None] | None:
    """(phrase, percent) of the plan's milestone due in the period: the last one when
    several fall in it ("4月底前…，6月底前…" in a quarter: 6月底前 is what counts)."""
    found = [
        m
        for m in json.loads(milestones_json or "[]")
        if m.get("due") and starts_on <= m["due"] <= ends_on
    ]
    if not found:
        return None
    last = max(found, key=lambda m: m["due"])
    return last["phrase"], last.get("percent")


def _milestone_target(
    task_id: int, period_id: int, milestones_json: str, starts_on: str, ends_on: str
) -> Target | None:
    found = milestone_in(milestones_json, starts_on, ends_on)
    return None if found is None else Target(task_id, period_id, found[0], found[1], "plan", "")


def effective_targets(db: Database, period_id: int) -> dict[int, Target]:
    """The targets of a period, by task id: the ones entered, and for the other tasks the
    milestone of their deadline phrase that falls in the period (computed on read, so a
    changed deadline changes its targets with it)."""
    period = db.execute(
        "SELECT plan_id, starts_on, ends_on FROM reporting_periods WHERE id = ?", [period_id]
    ).fetchone()
    if period is None:
        raise NotFound(f"No reporting period with id {period_id}.")
    plan_id, starts_on, ends_on = period
    stored = period_targets(db, period_id)
    found: dict[int, Target] = {}
    # Many tasks share a deadline phrase: each distinct one is read once.
    read: dict[str, tuple[str, int | None] | None] = {}
    for task_id, milestones in db.execute(
        "SELECT d.task_id, d.milestones FROM deadlines d JOIN tasks t ON t.id = d.task_id"
        " WHERE t.plan_id = ? AND d.milestones NOT IN ('', '[]')",
        [plan_id],
    ).fetchall():
        if task_id in stored:
            continue
        if milestones not in read:
            read[milestones] = milestone_in(milestones, starts_on, ends_on)
        due = read[milestones]
        if due is not None:
            found[task_id] = Target(task_id, period_id, due[0], due[1], "plan", "")
    found.update(stored)
    return found


def task_effective_targets(db: Database, task_id: int) -> list[Target]:
    """A task's targets over its plan's periods, in period order: entered or from the plan."""
    plan_id, _year = plan_of_task(db, task_id)
    stored = {t.period_id: t for t in task_targets(db, task_id)}
    row = db.execute("SELECT milestones FROM deadlines WHERE task_id = ?", [task_id]).fetchone()
    milestones = row[0] if row else "[]"
    found: list[Target] = []
    for period_id, starts_on, ends_on in db.execute(
        "SELECT id, starts_on, ends_on FROM reporting_periods WHERE plan_id = ?"
        " ORDER BY ends_on, id",
        [plan_id],
    ).fetchall():
        target = stored.get(period_id) or _milestone_target(
            task_id, period_id, milestones, starts_on, ends_on
        )
        if target is not None:
            found.append(target)
    return found

"""Warning lights for stored tasks: the thresholds from the settings, applied to a row."""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from db.plan_targets import effective_targets
from db.records import TaskRow
from db.settings import all_settings
from db.supervision import Target
from domain.warnings import Light, Thresholds, light_for


def thresholds(db: Database) -> Thresholds:
    return Thresholds.from_settings(all_settings(db))


def row_light(
    row: TaskRow,
    *,
    year: int | None,
    as_of: dt.date,
    limits: Thresholds,
    target: Target | None = None,
) -> Light:
    """The light of a task row (its latest report) as of ``as_of``; judged against
    ``target``'s percent where the period has a 阶段目标 with one
    (``db.supervision.effective_targets``)."""
    deadline = row.deadline
    return light_for(
        due=dt.date.fromisoformat(deadline.due_on) if deadline and deadline.due_on else None,
        deadline_kind=deadline.kind if deadline else "",
        status=row.status,
        percent=row.percent,
        as_of=as_of,
        year_start=dt.date(year or as_of.year, 1, 1),
        thresholds=limits,
        target_percent=target.percent if target is not None else None,
    )


def targets_as_of(db: Database, plan_id: int, as_of: dt.date) -> dict[int, Target]:
    """The 阶段目标 (entered or from the plan) of the plan's period that contains
    ``as_of``, by task id; none when no period contains it. With overlapping periods (a
    month inside a quarter) the one that ends first counts: it is the nearer target."""
    row = db.execute(
        "SELECT id FROM reporting_periods WHERE plan_id = ? AND starts_on <= ? AND ends_on >= ?"
        " ORDER BY ends_on, id LIMIT 1",
        [plan_id, as_of.isoformat(), as_of.isoformat()],
    ).fetchone()
    return effective_targets(db, row[0]) if row else {}

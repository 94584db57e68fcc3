"""Reporting periods and progress entries (one entry per task and period)."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict

from sqlite_utils import Database

from db import audit
from db.errors import InvalidValue, NotFound
from db.records import ProgressEntry, ReportingPeriod
from domain.statuses import STATUSES

PERIOD_KINDS = ("month", "quarter", "half", "year", "custom")


def add_period(
    db: Database,
    plan_id: int,
    name: str,
    starts_on: str,
    ends_on: str,
    *,
    kind: str = "custom",
    feedback_due_on: str | None = None,
) -> ReportingPeriod:
    if kind not in PERIOD_KINDS:
        raise InvalidValue(f"Unknown period kind {kind!r}.")
    if starts_on > ends_on:
        raise InvalidValue(f"The period “{name}” ends before it starts.")
    with db.atomic():
        if db.execute(
            "SELECT 1 FROM reporting_periods WHERE plan_id = ? AND name = ?", [plan_id, name]
        ).fetchone():
            raise InvalidValue(f"The plan already has a period called “{name}”.")
        cur = db.execute(
            "INSERT INTO reporting_periods (plan_id, name, kind, starts_on, ends_on,"
            " feedback_due_on) VALUES (?, ?, ?, ?, ?, ?)",
            [plan_id, name, kind, starts_on, ends_on, feedback_due_on],
        )
        period_id = int(cur.lastrowid or 0)
        audit.record(
            db,
            "period.add",
            "period",
            period_id,
            plan_id=plan_id,
            new=f"{name} {starts_on}…{ends_on}",
        )
    return get_period(db, period_id)


def get_period(db: Database, period_id: int) -> ReportingPeriod:
    rows = list(db.query("SELECT * FROM reporting_periods WHERE id = ?", [period_id]))
    if not rows:
        raise NotFound(f"No reporting period with id {period_id}.")
    return ReportingPeriod(**rows[0])


def list_periods(db: Database, plan_id: int) -> list[ReportingPeriod]:
    return [
        ReportingPeriod(**r)
        for r in db.query(
            "SELECT * FROM reporting_periods WHERE plan_id = ? ORDER BY starts_on, id", [plan_id]
        )
    ]


def current_period_index(periods: list[ReportingPeriod], today: str | None = None) -> int:
    """Which of ``periods`` (in date order) a clerk means by "now": the period that holds
    today, else the last one that started, else the last one; -1 when there are none."""
    today = today or dt.date.today().isoformat()
    started = [i for i, p in enumerate(periods) if p.starts_on <= today]
    holding = [i for i in started if today <= periods[i].ends_on]
    return (holding or started or [len(periods) - 1])[-1] if periods else -1


def all_period_ids(db: Database) -> set[int]:
    return {int(row[0]) for row in db.execute("SELECT id FROM reporting_periods")}


def default_period(db: Database, plan_id: int, today: str | None = None) -> int | None:
    """The period a window opens on: the one that holds today, else the latest one that
    has reports, else the last one that started (None when the plan has no periods)."""
    today = today or dt.date.today().isoformat()
    periods = list_periods(db, plan_id)
    if not periods:
        return None
    holding = [p for p in periods if p.starts_on <= today <= p.ends_on]
    if holding:
        return holding[-1].id
    row = db.execute(
        "SELECT p.id FROM reporting_periods p WHERE p.plan_id = ? AND EXISTS"
        " (SELECT 1 FROM progress_entries e WHERE e.period_id = p.id)"
        " ORDER BY p.ends_on DESC, p.id DESC LIMIT 1",
        [plan_id],
    ).fetchone()
    return int(row[0]) if row else periods[current_period_index(periods, today)].id


def record_progress(
    db: Database,
    task_id: int,
    period_id: int,
    *,
    status: str,
    percent: int | None = None,
    progress: str = "",
    problems: str = "",
    next_steps: str = "",
    reporter: str = "",
    reported_on: str | None = None,
    source: str = "manual",
    form_export: str = "",
    form_saved_at: str | None = None,
) -> ProgressEntry:
    """Record the task's progress for a period; a second entry for the same period edits it.

    ``form_export``/``form_saved_at``: for an entry read from a returned form, which form
    export it came from and when its sender says it was saved (read-back compares later
    versions of the same form by them). The entry keeps the change sequence of this write
    (``recorded_seq``), which read-back compares with a form's export."""
    if status not in STATUSES:
        raise InvalidValue(f"Unknown status {status!r}; use one of {', '.join(STATUSES)}.")
    if percent is not None and not 0 <= percent <= 100:
        raise InvalidValue("Percent must be between 0 and 100.")
    plan_row = db.execute("SELECT plan_id FROM tasks WHERE id = ?", [task_id]).fetchone()
    if plan_row is None:
        raise NotFound(f"No task with id {task_id}.")
    old = get_progress(db, task_id, period_id)
    values = dict(
        status=status,
        percent=percent,
        progress=progress,
        problems=problems,
        next_steps=next_steps,
        reporter=reporter,
        reported_on=reported_on,
        source=source,
    )
    with db.atomic():
        db.execute(
            "INSERT INTO progress_entries (task_id, period_id, status, percent, progress, problems,"
            " next_steps, reporter, reported_on, source, updated_at)"
            " VALUES (:task_id, :period_id, :status, :percent, :progress, :problems, :next_steps,"
            " :reporter, :reported_on, :source, :updated_at)"
            " ON CONFLICT(task_id, period_id) DO UPDATE SET status = excluded.status,"
            " percent = excluded.percent, progress = excluded.progress,"
            " problems = excluded.problems, next_steps = excluded.next_steps,"
            " reporter = excluded.reporter, reported_on = excluded.reported_on,"
            " source = excluded.source, updated_at = excluded.updated_at",
            dict(values, task_id=task_id, period_id=period_id, updated_at=audit.now_iso()),
        )
        before = {k: v for k, v in asdict(old).items() if k in values} if old else {}
        log = [
            dict(
                action="progress.record",
                entity="task",
                entity_id=task_id,
                plan_id=plan_row[0],
                field=f"progress.{k}",
                old=before.get(k),
                new=v,
            )
            for k, v in values.items()
            if before.get(k) != v and (old or v not in (None, ""))
        ]
        if log:
            audit.record_many(db, log)
        db.execute(
            "UPDATE progress_entries SET recorded_seq = (SELECT coalesce(max(id), 0) FROM"
            " audit_log), form_export = ?, form_saved_at = ? WHERE task_id = ? AND period_id = ?",
            [form_export, form_saved_at, task_id, period_id],
        )
    entry = get_progress(db, task_id, period_id)
    assert entry is not None
    return entry


def get_progress(db: Database, task_id: int, period_id: int) -> ProgressEntry | None:
    rows = list(
        db.query(
            "SELECT * FROM progress_entries WHERE task_id = ? AND period_id = ?",
            [task_id, period_id],
        )
    )
    return ProgressEntry(**rows[0]) if rows else None


def task_progress(db: Database, task_id: int) -> list[ProgressEntry]:
    """The task's whole history, oldest period first."""
    return [
        ProgressEntry(**r)
        for r in db.query(
            "SELECT e.* FROM progress_entries e JOIN reporting_periods p ON p.id = e.period_id"
            " WHERE e.task_id = ? ORDER BY p.ends_on, p.id",
            [task_id],
        )
    ]


def period_dates(year: int, kind: str) -> list[tuple[str, str, str]]:
    """(name, first day, last day) of each month or quarter of ``year``."""
    import calendar

    if kind == "month":
        return [
            (
                f"{year}年{m}月",
                f"{year}-{m:02d}-01",
                f"{year}-{m:02d}-{calendar.monthrange(year, m)[1]:02d}",
            )
            for m in range(1, 13)
        ]
    if kind == "quarter":
        names = "一二三四"
        return [
            (
                f"{year}年第{names[q]}季度",
                f"{year}-{3 * q + 1:02d}-01",
                f"{year}-{3 * q + 3:02d}-{calendar.monthrange(year, 3 * q + 3)[1]:02d}",
            )
            for q in range(4)
        ]
    raise InvalidValue(f"Periods of a year are monthly or quarterly, not {kind!r}.")


def add_year_of_periods(
    db: Database, plan_id: int, year: int, kind: str, *, due_day: int = 5
) -> list[ReportingPeriod]:
    """A whole year of monthly or quarterly periods in one step; feedback is due on
    ``due_day`` of the month after each period. Periods already there are kept."""
    import datetime as dt

    if not 1 <= due_day <= 28:
        raise InvalidValue("The feedback day must be between 1 and 28.")
    existing = {p.name for p in list_periods(db, plan_id)}
    added = []
    with db.atomic():
        for name, start, end in period_dates(year, kind):
            if name in existing:
                continue
            last = dt.date.fromisoformat(end)
            due = (last + dt.timedelta(days=1)).replace(day=due_day)
            added.append(
                add_period(
                    db, plan_id, name, start, end, kind=kind, feedback_due_on=due.isoformat()
                )
            )
    return added


def delete_period(db: Database, period_id: int) -> None:
    """Remove a period that holds no progress yet (a period with reports is kept)."""
    period = get_period(db, period_id)
    used = db.execute(
        "SELECT count(*) FROM progress_entries WHERE period_id = ?", [period_id]
    ).fetchone()[0]
    if used:
        raise InvalidValue(
            f"The period “{period.name}” holds {used} progress report(s); it cannot be removed."
        )
    with db.atomic():
        db.execute("DELETE FROM reporting_periods WHERE id = ?", [period_id])
        audit.record(
            db, "period.delete", "period", period_id, plan_id=period.plan_id, old=period.name
        )


def delete_progress(db: Database, task_id: int, period_id: int) -> None:
    """Remove one entry (used to undo its creation)."""
    old = get_progress(db, task_id, period_id)
    if old is None:
        return
    plan_id = db.execute("SELECT plan_id FROM tasks WHERE id = ?", [task_id]).fetchone()[0]
    with db.atomic():
        db.execute(
            "DELETE FROM progress_entries WHERE task_id = ? AND period_id = ?", [task_id, period_id]
        )
        audit.record(
            db,
            "progress.delete",
            "task",
            task_id,
            plan_id=plan_id,
            field="progress.status",
            old=old.status,
        )


def period_rows(db: Database, period_ids: list[int]) -> list[dict]:
    """The stored rows of some periods (to take an addition back and redo it)."""
    if not period_ids:
        return []
    marks = ",".join("?" * len(period_ids))
    return list(db.query(f"SELECT * FROM reporting_periods WHERE id IN ({marks})", period_ids))


def restore_periods(db: Database, rows: list[dict], remove_ids: list[int]) -> None:
    """Remove the periods ``remove_ids`` (they must hold no report) and put ``rows`` back."""
    with db.atomic():
        for period_id in remove_ids:
            delete_period(db, period_id)
        for row in rows:
            db.execute(
                f"INSERT INTO reporting_periods ({', '.join(row)}) VALUES "
                f"({', '.join('?' * len(row))})",
                list(row.values()),
            )
            audit.record(
                db, "period.add", "period", row["id"], plan_id=row["plan_id"], new=row["name"]
            )


def restore_entries(db: Database, states: dict[tuple[int, int], ProgressEntry | None]) -> None:
    """Put (task, period) entries back as ``states`` say (None: no entry) — undo/redo."""
    with db.atomic():
        for (task_id, period_id), entry in states.items():
            if entry is None:
                delete_progress(db, task_id, period_id)
            else:
                record_progress(
                    db,
                    task_id,
                    period_id,
                    status=entry.status,
                    percent=entry.percent,
                    progress=entry.progress,
                    problems=entry.problems,
                    next_steps=entry.next_steps,
                    reporter=entry.reporter,
                    reported_on=entry.reported_on,
                    source=entry.source,
                    form_export=entry.form_export,
                    form_saved_at=entry.form_saved_at,
                )

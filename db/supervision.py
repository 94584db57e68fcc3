"""阶段目标, 延期, 来源, 重点督办 and 领导批示 of tasks (schema step m004, docs/workflow.md).

Each function changes one thing in one transaction, writes its audit rows, and returns what
it replaced, so the window's undo commands and the command line share it. A postponement
changes the task's deadline and records the old one: the first postponement's
``old_phrase`` is the task's original deadline.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlite_utils import Database

from db import audit
from db.assignments import deadline_record
from db.errors import InvalidValue, NotFound
from domain.workflow import SOURCES


@dataclass(frozen=True)
class Target:
    """阶段目标 of a task for one reporting period."""

    task_id: int
    period_id: int
    text: str
    percent: int | None
    origin: str = "manual"  # manual / plan / confirmation
    updated_at: str = ""


@dataclass(frozen=True)
class Postponement:
    id: int
    task_id: int
    old_phrase: str
    old_due_on: str | None
    new_phrase: str
    new_due_on: str | None
    reason: str
    approved_by: str
    origin: str  # manual / confirmation
    recorded_at: str


@dataclass(frozen=True)
class Instruction:
    """领导批示 on a task."""

    id: int
    task_id: int
    given_on: str  # ISO date
    leader: str
    text: str
    recorded_at: str


def plan_of_task(db: Database, task_id: int) -> tuple[int, int | None]:
    row = db.execute(
        "SELECT t.plan_id, p.year FROM tasks t JOIN plans p ON p.id = t.plan_id WHERE t.id = ?",
        [task_id],
    ).fetchone()
    if row is None:
        raise NotFound(f"No task with id {task_id}.")
    return row[0], row[1]


def _chunks(ids: Sequence[int], size: int = 800) -> list[list[int]]:
    ids = list(ids)
    return [ids[i : i + size] for i in range(0, len(ids), size)]


# ---------------------------------------------------------------- 阶段目标


def get_target(db: Database, task_id: int, period_id: int) -> Target | None:
    rows = list(
        db.query(
            "SELECT * FROM task_targets WHERE task_id = ? AND period_id = ?", [task_id, period_id]
        )
    )
    return Target(**rows[0]) if rows else None


def set_target(
    db: Database,
    task_id: int,
    period_id: int,
    text: str,
    percent: int | None = None,
    *,
    origin: str = "manual",
) -> Target | None:
    """Set (or with empty text and no percent, remove) a task's target for a period;
    return the target it replaces."""
    text = " ".join(text.split())
    if percent is not None and not 0 <= percent <= 100:
        raise InvalidValue(f"A target's percent must be between 0 and 100, not {percent}.")
    plan_id, _year = plan_of_task(db, task_id)
    period = db.execute(
        "SELECT plan_id FROM reporting_periods WHERE id = ?", [period_id]
    ).fetchone()
    if period is None or period[0] != plan_id:
        raise InvalidValue(f"Period {period_id} is not a reporting period of the task's plan.")
    old = get_target(db, task_id, period_id)
    new = (
        None
        if not text and percent is None
        else Target(task_id, period_id, text, percent, origin, audit.now_iso())
    )
    with db.atomic():
        _write_target(db, task_id, period_id, new)
        audit.record(
            db, "task.target", "task", task_id, plan_id=plan_id, field=f"target:{period_id}",
            old=_target_text(old), new=_target_text(new),
        )  # fmt: skip
    return old


def restore_target(db: Database, task_id: int, period_id: int, target: Target | None) -> None:
    """Put a target back as it was (undo/redo)."""
    plan_id, _year = plan_of_task(db, task_id)
    old = get_target(db, task_id, period_id)
    with db.atomic():
        _write_target(db, task_id, period_id, target)
        audit.record(
            db, "task.target.undo", "task", task_id, plan_id=plan_id,
            field=f"target:{period_id}", old=_target_text(old), new=_target_text(target),
        )  # fmt: skip


def _write_target(db: Database, task_id: int, period_id: int, target: Target | None) -> None:
    db.execute("DELETE FROM task_targets WHERE task_id = ? AND period_id = ?", [task_id, period_id])
    if target is not None:
        db.execute(
            "INSERT INTO task_targets (task_id, period_id, text, percent, origin, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [task_id, period_id, target.text, target.percent, target.origin,
             target.updated_at or audit.now_iso()],
        )  # fmt: skip


def _target_text(target: Target | None) -> str | None:
    if target is None:
        return None
    percent = f"{target.percent}%" if target.percent is not None else ""
    return "，".join(p for p in (target.text, percent) if p)


def task_targets(db: Database, task_id: int) -> list[Target]:
    """A task's targets in period order."""
    return [
        Target(**{k: r[k] for k in Target.__dataclass_fields__})
        for r in db.query(
            "SELECT tt.* FROM task_targets tt JOIN reporting_periods p ON p.id = tt.period_id"
            " WHERE tt.task_id = ? ORDER BY p.ends_on, p.id",
            [task_id],
        )
    ]


def period_targets(db: Database, period_id: int) -> dict[int, Target]:
    """Every target for one period, by task id."""
    # Plain tuples: 25,000 targets as dict rows cost half a second (the dashboard reads them).
    return {
        row[0]: Target(*row)
        for row in db.execute(
            "SELECT task_id, period_id, text, percent, origin, updated_at FROM task_targets"
            " WHERE period_id = ?",
            [period_id],
        ).fetchall()
    }


def plan_targets(db: Database, plan_id: int) -> dict[int, list[Target]]:
    """Every target of a plan's tasks, by task id, in period order."""
    found: dict[int, list[Target]] = {}
    for r in db.query(
        "SELECT tt.* FROM task_targets tt JOIN reporting_periods p ON p.id = tt.period_id"
        " WHERE p.plan_id = ? ORDER BY tt.task_id, p.ends_on, p.id",
        [plan_id],
    ):
        found.setdefault(r["task_id"], []).append(Target(**r))
    return found


# ---------------------------------------------------------------- 延期


def postpone(
    db: Database,
    task_id: int,
    deadline: str,
    reason: str,
    approved_by: str = "",
    *,
    origin: str = "manual",
) -> Postponement:
    """Move a task's deadline as a 延期: the old deadline and the reason are kept."""
    deadline, reason = " ".join(deadline.split()), " ".join(reason.split())
    approved_by = " ".join(approved_by.split())
    plan_id, year = plan_of_task(db, task_id)
    row = db.execute("SELECT phrase, due_on FROM deadlines WHERE task_id = ?", [task_id]).fetchone()
    if row is None or not row[0]:
        raise InvalidValue(
            "The task has no deadline yet: give it one with its assignment; a 延期 moves a"
            " deadline that was assigned."
        )
    if not deadline:
        raise InvalidValue("A 延期 needs the new deadline.")
    if not reason:
        raise InvalidValue("A 延期 needs its reason.")
    if deadline == row[0]:
        raise InvalidValue(f"The deadline is already {deadline}.")
    new = deadline_record(deadline, year, db)
    now = audit.now_iso()
    with db.atomic():
        db.execute(
            "UPDATE deadlines SET phrase = ?, due_on = ?, kind = ?, milestones = ?"
            " WHERE task_id = ?",
            [new.phrase, new.due_on, new.kind, audit.as_text(list(new.milestones)), task_id],
        )
        db.execute("UPDATE tasks SET updated_at = ? WHERE id = ?", [now, task_id])
        cursor = db.execute(
            "INSERT INTO postponements (task_id, old_phrase, old_due_on, new_phrase, new_due_on,"
            " reason, approved_by, origin, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [task_id, row[0], row[1], new.phrase, new.due_on, reason, approved_by, origin, now],
        )
        audit.record(
            db, "task.postpone", "task", task_id, plan_id=plan_id, field="deadline",
            old=row[0], new=new.phrase,
            summary=f"延期：{reason}" + (f"（{approved_by}批准）" if approved_by else ""),
        )  # fmt: skip
    return Postponement(
        cursor.lastrowid, task_id, row[0], row[1], new.phrase, new.due_on, reason,
        approved_by, origin, now,
    )  # fmt: skip


def undo_postponement(db: Database, postponement: Postponement) -> None:
    """Take a postponement back: its row goes and the deadline it replaced returns."""
    plan_id, year = plan_of_task(db, postponement.task_id)
    old = deadline_record(postponement.old_phrase, year, db)
    with db.atomic():
        db.execute("DELETE FROM postponements WHERE id = ?", [postponement.id])
        db.execute(
            "UPDATE deadlines SET phrase = ?, due_on = ?, kind = ?, milestones = ?"
            " WHERE task_id = ?",
            [old.phrase, postponement.old_due_on, old.kind, audit.as_text(list(old.milestones)),
             postponement.task_id],
        )  # fmt: skip
        audit.record(
            db, "task.postpone.undo", "task", postponement.task_id, plan_id=plan_id,
            field="deadline", old=postponement.new_phrase, new=postponement.old_phrase,
        )  # fmt: skip


def redo_postponement(db: Database, postponement: Postponement) -> Postponement:
    """Record a postponement again after its undo (same words, a new row)."""
    return postpone(
        db, postponement.task_id, postponement.new_phrase, postponement.reason,
        postponement.approved_by, origin=postponement.origin,
    )  # fmt: skip


def task_postponements(db: Database, task_id: int) -> list[Postponement]:
    return [
        Postponement(**r)
        for r in db.query("SELECT * FROM postponements WHERE task_id = ? ORDER BY id", [task_id])
    ]


def plan_postponements(db: Database, plan_id: int) -> dict[int, list[Postponement]]:
    """Every postponement of a plan's tasks, by task id, oldest first."""
    found: dict[int, list[Postponement]] = {}
    for r in db.query(
        "SELECT pp.* FROM postponements pp JOIN tasks t ON t.id = pp.task_id"
        " WHERE t.plan_id = ? ORDER BY pp.task_id, pp.id",
        [plan_id],
    ):
        found.setdefault(r["task_id"], []).append(Postponement(**r))
    return found


# ---------------------------------------------------------------- 来源 and 重点督办


def set_source(db: Database, task_ids: Sequence[int], source: str) -> dict[int, str]:
    """Set the 来源 of tasks ('' = the plan's default); return the stored values before."""
    if source and source not in SOURCES:
        raise InvalidValue(f"Unknown source {source!r}: one of {', '.join(SOURCES)}.")
    return _set_column(db, task_ids, "source", source, "task.source")


def set_focus(db: Database, task_ids: Sequence[int], focus: bool) -> dict[int, bool]:
    """Mark or unmark tasks as 重点督办; return the marks before."""
    before = _set_column(db, task_ids, "focus", int(focus), "task.focus")
    return {t: bool(v) for t, v in before.items()}


def restore_column(db: Database, column: str, values: dict[int, object]) -> None:
    """Put ``source`` or ``focus`` back per task (undo/redo), as one step."""
    if column not in ("source", "focus"):
        raise InvalidValue(f"Not a supervision column: {column}.")
    with db.atomic():
        for value in dict.fromkeys(values.values()):
            ids = [t for t, v in values.items() if v == value]
            _set_column(db, ids, column, int(value) if column == "focus" else value,
                        f"task.{column}.undo", atomic=False)  # fmt: skip


def _set_column(
    db: Database, task_ids: Sequence[int], column: str, value: object, action: str,
    *, atomic: bool = True,
) -> dict[int, object]:  # fmt: skip
    task_ids = list(dict.fromkeys(task_ids))
    before: dict[int, object] = {}
    plans: dict[int, int] = {}
    for chunk in _chunks(task_ids):
        marks = ",".join("?" * len(chunk))
        for task_id, plan_id, old in db.execute(
            f"SELECT id, plan_id, {column} FROM tasks WHERE id IN ({marks})", chunk
        ).fetchall():
            before[task_id], plans[task_id] = old, plan_id
    missing = [t for t in task_ids if t not in before]
    if missing:
        raise NotFound(f"No task with id {missing[0]}.")
    changed = [t for t in task_ids if before[t] != value]

    def write() -> None:
        now = audit.now_iso()
        for chunk in _chunks(changed):
            marks = ",".join("?" * len(chunk))
            db.execute(
                f"UPDATE tasks SET {column} = ?, updated_at = ? WHERE id IN ({marks})",
                [value, now, *chunk],
            )
        audit.record_many(
            db,
            [dict(action=action, entity="task", entity_id=t, plan_id=plans[t], field=column,
                  old=before[t], new=value) for t in changed],
        )  # fmt: skip

    if atomic:
        with db.atomic():
            write()
    else:
        write()
    return before


# ---------------------------------------------------------------- 领导批示


def add_instruction(
    db: Database, task_id: int, given_on: str, leader: str, text: str
) -> Instruction:
    """Record a 领导批示 on a task."""
    leader, text = " ".join(leader.split()), text.strip()
    try:
        date.fromisoformat(given_on)
    except ValueError as exc:
        raise InvalidValue(f"A 领导批示's date is written 2020-06-30, not {given_on!r}.") from exc
    if not leader or not text:
        raise InvalidValue("A 领导批示 needs the leader and the text.")
    plan_id, _year = plan_of_task(db, task_id)
    now = audit.now_iso()
    with db.atomic():
        cursor = db.execute(
            "INSERT INTO instructions (task_id, given_on, leader, text, recorded_at)"
            " VALUES (?, ?, ?, ?, ?)",
            [task_id, given_on, leader, text, now],
        )
        audit.record(
            db, "task.instruction", "task", task_id, plan_id=plan_id, field="instruction",
            new=f"{given_on} {leader}：{text}",
        )  # fmt: skip
    return Instruction(cursor.lastrowid, task_id, given_on, leader, text, now)


def remove_instruction(db: Database, instruction: Instruction) -> None:
    plan_id, _year = plan_of_task(db, instruction.task_id)
    with db.atomic():
        db.execute("DELETE FROM instructions WHERE id = ?", [instruction.id])
        audit.record(
            db, "task.instruction.remove", "task", instruction.task_id, plan_id=plan_id,
            field="instruction", old=_instruction_text(instruction),
        )  # fmt: skip


def restore_instruction(db: Database, instruction: Instruction) -> None:
    """Put a removed 批示 back under its old id (undo of a removal, redo of an add)."""
    plan_id, _year = plan_of_task(db, instruction.task_id)
    with db.atomic():
        db.execute(
            "INSERT INTO instructions (id, task_id, given_on, leader, text, recorded_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [instruction.id, instruction.task_id, instruction.given_on, instruction.leader,
             instruction.text, instruction.recorded_at],
        )  # fmt: skip
        audit.record(
            db, "task.instruction", "task", instruction.task_id, plan_id=plan_id,
            field="instruction", new=_instruction_text(instruction),
        )  # fmt: skip


def _instruction_text(instruction: Instruction) -> str:
    return f"{instruction.given_on} {instruction.leader}：{instruction.text}"


def task_instructions(db: Database, task_id: int) -> list[Instruction]:
    return [
        Instruction(**r)
        for r in db.query(
            "SELECT * FROM instructions WHERE task_id = ? ORDER BY given_on, id", [task_id]
        )
    ]


def plan_instructions(db: Database, plan_id: int) -> dict[int, list[Instruction]]:
    found: dict[int, list[Instruction]] = {}
    for r in db.query(
        "SELECT i.* FROM instructions i JOIN tasks t ON t.id = i.task_id"
        " WHERE t.plan_id = ? ORDER BY i.task_id, i.given_on, i.id",
        [plan_id],
    ):
        found.setdefault(r["task_id"], []).append(Instruction(**r))
    return found

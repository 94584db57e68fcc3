"""Assigning tasks: lead department, cooperating departments, leader, 责任人 and deadline.

``assign`` changes many tasks in one transaction and returns what they were before,
so the window can undo a bulk assignment as one step with ``restore``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from sqlite_utils import Database

from db import audit
from db.errors import InvalidValue
from db.records import DeadlineRecord
from db.settings import school_calendar
from domain.deadlines import Deadline, resolve_deadline


class _Keep:
    def __repr__(self) -> str:
        return "KEEP"


KEEP: Final = _Keep()  # leave this part of the assignment as it is
CHUNK = 800  # SQLite allows 999 host parameters in older builds


@dataclass(frozen=True)
class AssignmentState:
    task_id: int
    lead_id: int | None
    cooperating_ids: tuple[int, ...]
    leader_id: int | None
    deadline: DeadlineRecord | None
    person: str = ""  # 责任人: a person in the lead department


def _chunks(ids: Sequence[int]) -> Iterator[list[int]]:
    ids = list(ids)
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def snapshot(db: Database, task_ids: Sequence[int]) -> list[AssignmentState]:
    """The current assignment of each task, in the order given."""
    leads: dict[int, int] = {}
    coops: dict[int, list[int]] = {}
    leaders: dict[int, int | None] = {}
    persons: dict[int, str] = {}
    deadlines: dict[int, DeadlineRecord] = {}
    for chunk in _chunks(task_ids):
        marks = ",".join("?" * len(chunk))
        for task_id, dept_id, role in db.execute(
            f"SELECT task_id, department_id, role FROM assignments WHERE task_id IN ({marks})"
            " ORDER BY task_id, position",
            chunk,
        ).fetchall():
            if role == "lead":
                leads[task_id] = dept_id
            else:
                coops.setdefault(task_id, []).append(dept_id)
        for task_id, leader_id, person in db.execute(
            f"SELECT id, leader_id, person FROM tasks WHERE id IN ({marks})", chunk
        ).fetchall():
            leaders[task_id] = leader_id
            persons[task_id] = person
        for task_id, phrase, due_on, kind, milestones in db.execute(
            f"SELECT task_id, phrase, due_on, kind, milestones FROM deadlines"
            f" WHERE task_id IN ({marks})",
            chunk,
        ).fetchall():
            deadlines[task_id] = DeadlineRecord(
                phrase, due_on, kind, tuple(json.loads(milestones or "[]"))
            )
    missing = [t for t in task_ids if t not in leaders]
    if missing:
        raise InvalidValue(f"No task with id {missing[0]}.")
    return [
        AssignmentState(
            t, leads.get(t), tuple(coops.get(t, ())), leaders.get(t), deadlines.get(t), persons[t]
        )
        for t in task_ids
    ]


def deadline_record(phrase: str, year: int | None, db: Database) -> DeadlineRecord:
    """Resolve a typed phrase against the plan year; unknown phrases are kept with no date."""
    resolved: Deadline = resolve_deadline(phrase, year or date.today().year, school_calendar(db))
    milestones = tuple(
        {"phrase": m.phrase, "due": m.due.isoformat() if m.due else None, "percent": m.percent}
        for m in resolved.milestones
    )
    return DeadlineRecord(
        phrase, resolved.due.isoformat() if resolved.due else None, resolved.kind.value, milestones
    )


def assign(
    db: Database,
    task_ids: Sequence[int],
    *,
    lead: int | _Keep | None = KEEP,
    cooperating: Sequence[int] | _Keep = KEEP,
    add_cooperating: Sequence[int] = (),
    leader: int | _Keep | None = KEEP,
    deadline: str | _Keep | None = KEEP,
    person: str | _Keep | None = KEEP,
) -> list[AssignmentState]:
    """Assign many tasks in one transaction; return their states from before."""
    task_ids = list(dict.fromkeys(task_ids))
    before = snapshot(db, task_ids)
    years = {task_id: year for task_id, (_plan, year) in _task_plans(db, task_ids).items()}
    after = []
    for state in before:
        new_lead = state.lead_id if isinstance(lead, _Keep) else lead
        coop = list(state.cooperating_ids if isinstance(cooperating, _Keep) else cooperating)
        coop += [d for d in add_cooperating if d not in coop]
        coop = [d for d in dict.fromkeys(coop) if d != new_lead]
        new_deadline = state.deadline
        if not isinstance(deadline, _Keep):
            phrase = (deadline or "").strip()
            new_deadline = deadline_record(phrase, years.get(state.task_id), db) if phrase else None
        after.append(
            AssignmentState(
                state.task_id,
                new_lead,
                tuple(coop),
                state.leader_id if isinstance(leader, _Keep) else leader,
                new_deadline,
                state.person if isinstance(person, _Keep) else " ".join((person or "").split()),
            )
        )
    _write(db, before, after, action="assign")
    return before


def restore(
    db: Database, states: Sequence[AssignmentState], *, action: str = "assign.undo"
) -> list[AssignmentState]:
    """Put tasks back as ``states`` say (undo/redo); return the states they had."""
    current = snapshot(db, [s.task_id for s in states])
    _write(db, current, list(states), action=action)
    return current


def _task_plans(db: Database, task_ids: Sequence[int]) -> dict[int, tuple[int, int | None]]:
    """Each task's plan id and plan year."""
    found: dict[int, tuple[int, int | None]] = {}
    for chunk in _chunks(task_ids):
        marks = ",".join("?" * len(chunk))
        for task_id, plan_id, year in db.execute(
            f"SELECT t.id, p.id, p.year FROM tasks t JOIN plans p ON p.id = t.plan_id"
            f" WHERE t.id IN ({marks})",
            chunk,
        ).fetchall():
            found[task_id] = (plan_id, year)
    return found


def _write(
    db: Database, before: list[AssignmentState], after: list[AssignmentState], *, action: str
) -> None:
    names = _department_names(db)
    leaders = dict(db.execute("SELECT id, name FROM leaders").fetchall())
    plan_of = {t: plan for t, (plan, _year) in _task_plans(db, [s.task_id for s in before]).items()}
    now = audit.now_iso()
    log: list[dict[str, Any]] = []
    changed_departments: list[AssignmentState] = []
    changed_leader: list[tuple[int | None, int]] = []
    changed_person: list[tuple[str, int]] = []
    changed_deadline: list[AssignmentState] = []
    for old, new in zip(before, after, strict=True):
        base = dict(
            action=action, entity="task", entity_id=new.task_id, plan_id=plan_of.get(new.task_id)
        )
        if old.lead_id != new.lead_id or old.cooperating_ids != new.cooperating_ids:
            changed_departments.append(new)
            if old.lead_id != new.lead_id:
                log.append(
                    base
                    | dict(field="lead", old=names.get(old.lead_id), new=names.get(new.lead_id))
                )
            if old.cooperating_ids != new.cooperating_ids:
                log.append(
                    base
                    | dict(
                        field="cooperating",
                        old="、".join(names.get(d, "?") for d in old.cooperating_ids),
                        new="、".join(names.get(d, "?") for d in new.cooperating_ids),
                    )
                )
        if old.leader_id != new.leader_id:
            changed_leader.append((new.leader_id, new.task_id))
            log.append(
                base
                | dict(
                    field="leader", old=leaders.get(old.leader_id), new=leaders.get(new.leader_id)
                )
            )
        if old.person != new.person:
            changed_person.append((new.person, new.task_id))
            log.append(base | dict(field="person", old=old.person or None, new=new.person or None))
        if old.deadline != new.deadline:
            changed_deadline.append(new)
            log.append(
                base
                | dict(
                    field="deadline",
                    old=_deadline_text(old.deadline),
                    new=_deadline_text(new.deadline),
                )
            )
    if not log:
        return
    touched = {e["entity_id"] for e in log}
    with db.atomic():
        ids = [s.task_id for s in changed_departments]
        for chunk in _chunks(ids):
            db.execute(
                f"DELETE FROM assignments WHERE task_id IN ({','.join('?' * len(chunk))})", chunk
            )
        rows = []
        for s in changed_departments:
            if s.lead_id is not None:
                rows.append((s.task_id, s.lead_id, "lead", 0))
            rows += [(s.task_id, d, "cooperating", i + 1) for i, d in enumerate(s.cooperating_ids)]
        db.conn.executemany(
            "INSERT INTO assignments (task_id, department_id, role, position) VALUES (?, ?, ?, ?)",
            rows,
        )
        db.conn.executemany("UPDATE tasks SET leader_id = ? WHERE id = ?", changed_leader)
        db.conn.executemany("UPDATE tasks SET person = ? WHERE id = ?", changed_person)
        db.conn.executemany(
            "DELETE FROM deadlines WHERE task_id = ?", [(s.task_id,) for s in changed_deadline]
        )
        db.conn.executemany(
            "INSERT INTO deadlines (task_id, phrase, due_on, kind, milestones)"
            " VALUES (?, ?, ?, ?, ?)",
            [
                (
                    s.task_id,
                    s.deadline.phrase,
                    s.deadline.due_on,
                    s.deadline.kind,
                    json.dumps(list(s.deadline.milestones), ensure_ascii=False),
                )
                for s in changed_deadline
                if s.deadline is not None
            ],
        )
        db.conn.executemany(
            "UPDATE tasks SET updated_at = ? WHERE id = ?", [(now, t) for t in touched]
        )
        audit.record_many(db, log)


def _deadline_text(record: DeadlineRecord | None) -> str | None:
    if record is None:
        return None
    return f"{record.phrase} ({record.due_on})" if record.due_on else record.phrase


def _department_names(db: Database) -> dict[int | None, str]:
    return dict(db.execute("SELECT id, name FROM departments").fetchall())

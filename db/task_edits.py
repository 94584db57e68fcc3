"""Decomposing: editing, splitting, merging, adding, deleting and reordering tasks.

Every change can be taken back exactly: ``capture`` records the full state of some
tasks (row, assignments, deadline, progress) and the order of their items, and
``restore`` puts that state back — re-creating deleted tasks under their old ids and
removing tasks that did not exist. The window's undo commands are built on this pair.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from db import audit
from db.errors import InvalidValue, NotFound


@dataclass(frozen=True)
class TaskState:
    task_id: int
    row: dict[str, Any] | None  # None: the task does not exist in this state
    assignments: tuple[dict[str, Any], ...] = ()
    deadline: dict[str, Any] | None = None
    progress: tuple[dict[str, Any], ...] = ()
    # Rows of the 督办 workflow tables (``DEPENDENT_TABLES``) that belong to the task.
    dependents: tuple[tuple[str, tuple[dict[str, Any], ...]], ...] = ()


# Tables whose rows go with a deleted task (ON DELETE CASCADE) and must come back with it:
# 阶段目标, 延期, 领导批示 and 分工确认 proposals (docs/workflow.md).
DEPENDENT_TABLES = ("task_targets", "postponements", "instructions", "confirmation_proposals")


@dataclass(frozen=True)
class EditState:
    """Tasks and the order of the outline nodes they live in."""

    tasks: tuple[TaskState, ...]
    orders: dict[int, tuple[int, ...]] = field(default_factory=dict)  # node id → task ids


def _task_row(db: Database, task_id: int) -> dict[str, Any]:
    rows = list(db.query("SELECT * FROM tasks WHERE id = ?", [task_id]))
    if not rows:
        raise NotFound(f"No task with id {task_id}.")
    return rows[0]


def node_order(db: Database, node_id: int) -> tuple[int, ...]:
    return tuple(
        r[0]
        for r in db.execute(
            "SELECT id FROM tasks WHERE node_id = ? ORDER BY position, id", [node_id]
        ).fetchall()
    )


def capture(db: Database, task_ids: Iterable[int], node_ids: Iterable[int] = ()) -> EditState:
    states = []
    nodes = set(node_ids)
    for task_id in dict.fromkeys(task_ids):
        found = list(db.query("SELECT * FROM tasks WHERE id = ?", [task_id]))
        if not found:
            states.append(TaskState(task_id, None))
            continue
        nodes.add(found[0]["node_id"])
        states.append(
            TaskState(
                task_id,
                found[0],
                tuple(db.query("SELECT * FROM assignments WHERE task_id = ?", [task_id])),
                next(iter(db.query("SELECT * FROM deadlines WHERE task_id = ?", [task_id])), None),
                tuple(db.query("SELECT * FROM progress_entries WHERE task_id = ?", [task_id])),
                tuple(
                    (table, tuple(db.query(f"SELECT * FROM {table} WHERE task_id = ?", [task_id])))
                    for table in DEPENDENT_TABLES
                ),
            )
        )
    return EditState(tuple(states), {n: node_order(db, n) for n in nodes})


def restore(db: Database, state: EditState, *, action: str) -> list[int]:
    """Bring the tasks in ``state`` back exactly; return the ids touched."""
    with db.atomic():
        for task in state.tasks:
            db.execute("DELETE FROM tasks WHERE id = ?", [task.task_id])
        for task in state.tasks:
            if task.row is None:
                continue
            insert_row(db, "tasks", task.row)
            for row in task.assignments:
                insert_row(db, "assignments", row)
            if task.deadline is not None:
                insert_row(db, "deadlines", task.deadline)
            for row in task.progress:
                insert_row(db, "progress_entries", row)
            for table, rows in task.dependents:
                for row in rows:
                    insert_row(db, table, row)
        for node_id, order in state.orders.items():
            _set_order(db, node_id, order)
        audit.record_many(
            db,
            [
                dict(action=action, entity="task", entity_id=t.task_id,
                     plan_id=(t.row or {}).get("plan_id"), field="state",
                     new=None if t.row is None else t.row["text"])
                for t in state.tasks
            ],
        )  # fmt: skip
    return [t.task_id for t in state.tasks]


def insert_row(db: Database, table: str, row: dict[str, Any]) -> None:
    """Put a captured row back exactly as it was (its id included)."""
    columns = ", ".join(row)
    marks = ", ".join("?" * len(row))
    db.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(row.values()))


def _set_order(db: Database, node_id: int, order: Sequence[int]) -> None:
    present = set(node_order(db, node_id))
    ordered = [t for t in order if t in present] + sorted(present - set(order))
    db.conn.executemany(
        "UPDATE tasks SET position = ? WHERE id = ?", [(i, t) for i, t in enumerate(ordered)]
    )


def _clean_text(text: str) -> str:
    return " ".join(text.split()) if "\n" in text else text.strip()


def update_text(db: Database, task_id: int, text: str) -> None:
    text = _clean_text(text)
    if not text:
        raise InvalidValue("A task cannot be empty; delete it instead.")
    row = _task_row(db, task_id)
    if row["text"] == text:
        return
    with db.atomic():
        db.execute(
            "UPDATE tasks SET text = ?, updated_at = ? WHERE id = ?",
            [text, audit.now_iso(), task_id],
        )
        audit.record(db, "task.edit", "task", task_id, plan_id=row["plan_id"], field="text",
                     old=row["text"], new=text)  # fmt: skip


_PAUSES = "，,、；;：: \t"
_ENDS = "。！？!?…"


def split_text(text: str, at: int) -> tuple[str, str]:
    """The two tasks a text makes when cut at ``at``: the first ends its sentence where a
    comma was left ("…發展水平," → "…發展水平。"), the second starts without one."""
    first = text[:at].strip().rstrip(_PAUSES)
    second = text[at:].strip().lstrip(_PAUSES + "。")
    if first and first[-1] not in _ENDS:
        first += "。"
    return first, second


def split(db: Database, task_id: int, at: int) -> int:
    """Split a task's text at character ``at``; the second part becomes a new task right
    after it, with the same assignment, leader and deadline. Returns the new id."""
    row = _task_row(db, task_id)
    first, second = split_text(row["text"], at)
    if not first or not second:
        raise InvalidValue("Put the cursor inside the text to split it into two tasks.")
    now = audit.now_iso()
    with db.atomic():
        db.execute(
            "UPDATE tasks SET position = position + 1 WHERE node_id = ? AND position > ?",
            [row["node_id"], row["position"]],
        )
        db.execute("UPDATE tasks SET text = ?, updated_at = ? WHERE id = ?", [first, now, task_id])
        new = {k: v for k, v in row.items() if k != "id"}
        new.update(position=row["position"] + 1, text=second, origin="split",
                   created_at=now, updated_at=now)  # fmt: skip
        cur = db.execute(
            f"INSERT INTO tasks ({', '.join(new)}) VALUES ({', '.join('?' * len(new))})",
            list(new.values()),
        )
        new_id = int(cur.lastrowid or 0)
        db.execute(
            "INSERT INTO assignments (task_id, department_id, role, position)"
            " SELECT ?, department_id, role, position FROM assignments WHERE task_id = ?",
            [new_id, task_id],
        )
        db.execute(
            "INSERT INTO deadlines (task_id, phrase, due_on, kind, milestones)"
            " SELECT ?, phrase, due_on, kind, milestones FROM deadlines WHERE task_id = ?",
            [new_id, task_id],
        )
        audit.record_many(db, [
            dict(action="task.split", entity="task", entity_id=task_id, plan_id=row["plan_id"],
                 field="text", old=row["text"], new=first),
            dict(action="task.split", entity="task", entity_id=new_id, plan_id=row["plan_id"],
                 field="text", new=second, summary=f"split from task {task_id}"),
        ])  # fmt: skip
    return new_id


def next_in_item(db: Database, task_id: int) -> int | None:
    row = _task_row(db, task_id)
    found = db.execute(
        "SELECT id FROM tasks WHERE node_id = ? AND position > ? ORDER BY position, id LIMIT 1",
        [row["node_id"], row["position"]],
    ).fetchone()
    return found[0] if found else None


def merge_with_next(db: Database, task_id: int) -> int:
    """Append the next task of the same item to this one and remove it; return its id.

    The merged task keeps its own assignment; the next task's progress entries go
    with it (they remain in the backups and the audit log).
    """
    row = _task_row(db, task_id)
    next_id = next_in_item(db, task_id)
    if next_id is None:
        raise InvalidValue("This is the last task of its item; there is nothing to merge with.")
    following = _task_row(db, next_id)
    text = row["text"] + following["text"]
    with db.atomic():
        db.execute(
            "UPDATE tasks SET text = ?, updated_at = ? WHERE id = ?",
            [text, audit.now_iso(), task_id],
        )
        db.execute("DELETE FROM tasks WHERE id = ?", [next_id])
        _set_order(db, row["node_id"], node_order(db, row["node_id"]))
        audit.record_many(db, [
            dict(action="task.merge", entity="task", entity_id=task_id, plan_id=row["plan_id"],
                 field="text", old=row["text"], new=text, summary=f"merged with task {next_id}"),
            dict(action="task.merge", entity="task", entity_id=next_id, plan_id=row["plan_id"],
                 field="text", old=following["text"], summary=f"merged into task {task_id}"),
        ])  # fmt: skip
    return next_id


def add(db: Database, node_id: int, text: str, *, after: int | None = None) -> int:
    """Add a task to an outline node, after task ``after`` (or at the end)."""
    text = _clean_text(text)
    if not text:
        raise InvalidValue("A task needs text.")
    node = db.execute("SELECT plan_id FROM outline_nodes WHERE id = ?", [node_id]).fetchone()
    if node is None:
        raise NotFound(f"No outline node with id {node_id}.")
    order = list(node_order(db, node_id))
    index = order.index(after) + 1 if after in order else len(order)
    now = audit.now_iso()
    with db.atomic():
        cur = db.execute(
            "INSERT INTO tasks (plan_id, node_id, position, text, origin, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, 'added', ?, ?)",
            [node[0], node_id, index, text, now, now],
        )
        new_id = int(cur.lastrowid or 0)
        order.insert(index, new_id)
        _set_order(db, node_id, order)
        audit.record(db, "task.add", "task", new_id, plan_id=node[0], field="text", new=text)
    return new_id


def delete(db: Database, task_ids: Sequence[int]) -> None:
    rows = [_task_row(db, t) for t in task_ids]
    with db.atomic():
        for row in rows:
            db.execute("DELETE FROM tasks WHERE id = ?", [row["id"]])
        for node_id in {r["node_id"] for r in rows}:
            _set_order(db, node_id, node_order(db, node_id))
        audit.record_many(db, [
            dict(action="task.delete", entity="task", entity_id=r["id"], plan_id=r["plan_id"],
                 field="text", old=r["text"])
            for r in rows
        ])  # fmt: skip


def move(db: Database, task_id: int, offset: int) -> bool:
    """Move a task up (-1) or down (+1) within its item; False when it cannot move."""
    row = _task_row(db, task_id)
    order = list(node_order(db, row["node_id"]))
    index = order.index(task_id)
    target = index + offset
    if not 0 <= target < len(order):
        return False
    order.insert(target, order.pop(index))
    with db.atomic():
        _set_order(db, row["node_id"], order)
        audit.record(db, "task.move", "task", task_id, plan_id=row["plan_id"], field="position",
                     old=index, new=target)  # fmt: skip
    return True

"""督办事项台账: plans of kind 'ledger', filled by hand instead of imported from a 工作要点.

A ledger has one outline node (督办事项) that holds its items as tasks, so the task table,
the assignments, the progress and the documents treat a ledger's items as any task.
"""

from __future__ import annotations

from sqlite_utils import Database

from db import audit
from db.assignments import KEEP, assign
from db.errors import InvalidValue
from db.plans import get_plan
from db.supervision import set_focus, set_source
from db.task_edits import add

LEDGER_NODE_TITLE = "督办事项"


def create_ledger(db: Database, title: str, year: int, *, plan_id: int | None = None) -> int:
    """Make an empty 督办事项台账 (``plan_id``: under this id again, as a redo does);
    return its id."""
    title = " ".join(title.split())
    if not title:
        raise InvalidValue("A 督办事项台账 needs a title.")
    if not 1900 <= year <= 2200:
        raise InvalidValue(f"A 督办事项台账's year is written 2024, not {year}.")
    now = audit.now_iso()
    with db.atomic():
        cursor = db.execute(
            "INSERT INTO plans (id, title, year, imported_at, kind) VALUES (?, ?, ?, ?, 'ledger')",
            [plan_id, title, year, now],
        )
        new_id = int(cursor.lastrowid or 0) if plan_id is None else plan_id
        db.execute(
            "INSERT INTO outline_nodes (plan_id, parent_id, kind, label, number, title, position)"
            " VALUES (?, NULL, 'item', '', 1, ?, 0)",
            [new_id, LEDGER_NODE_TITLE],
        )
        audit.record(db, "plan.ledger", "plan", new_id, plan_id=new_id, new=title)
    return new_id


def ledger_node(db: Database, plan_id: int) -> int:
    """The outline node that holds a ledger's items."""
    if get_plan(db, plan_id).kind != "ledger":
        raise InvalidValue("Items are added by hand to a 督办事项台账 only.")
    row = db.execute(
        "SELECT id FROM outline_nodes WHERE plan_id = ? ORDER BY parent_id IS NOT NULL,"
        " position, id LIMIT 1",
        [plan_id],
    ).fetchone()
    if row is None:
        raise InvalidValue("The 督办事项台账 has no place for items.")
    return int(row[0])


def add_ledger_item(
    db: Database,
    plan_id: int,
    text: str,
    *,
    source: str = "",
    focus: bool = False,
    lead: int | None = None,
    deadline: str = "",
) -> int:
    """Add a 督办事项 to a ledger, with its 来源, 重点督办 mark, lead and deadline (both
    optional), in one transaction; return the new task's id."""
    node_id = ledger_node(db, plan_id)
    with db.atomic():
        task_id = add(db, node_id, text)
        if source:
            set_source(db, [task_id], source)
        if focus:
            set_focus(db, [task_id], True)
        if lead is not None or deadline.strip():
            assign(
                db,
                [task_id],
                lead=lead if lead is not None else KEEP,
                deadline=deadline.strip() or KEEP,
            )
    return task_id

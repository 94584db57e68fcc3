"""The window's undoable edits of a 督办事项台账, on ``db.ledger`` (which the command line
shares): a new ledger put back under its old id on redo, an item added with its 来源,
重点督办 mark, lead and deadline in one transaction, and taken back with its outline item.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from db import audit
from db.assignments import KEEP, assign
from db.ledger import add_ledger_item, new_ledger
from db.supervision import set_focus, set_source
from db.task_edits import EditState, insert_row
from db.task_edits import restore as restore_tasks

LedgerState = dict[str, Any]  # the plan row and its outline rows


def create_ledger(db: Database, title: str, year: int) -> tuple[int, LedgerState]:
    """A new, empty ledger; its id and its rows (for ``restore_ledger``)."""
    plan_id = new_ledger(db, title, year)
    return plan_id, {
        "plan": next(iter(db.query("SELECT * FROM plans WHERE id = ?", [plan_id]))),
        "nodes": list(
            db.query("SELECT * FROM outline_nodes WHERE plan_id = ? ORDER BY id", [plan_id])
        ),
    }


def restore_ledger(db: Database, state: LedgerState) -> None:
    """Put a ledger removed by an undo back under its old id (redo)."""
    plan = state["plan"]
    with db.atomic():
        insert_row(db, "plans", plan)
        for node in state["nodes"]:
            insert_row(db, "outline_nodes", node)
        audit.record(db, "plan.ledger.redo", "plan", plan["id"], plan_id=plan["id"],
                     new=plan["title"])  # fmt: skip


def add_item(
    db: Database,
    plan_id: int,
    text: str,
    *,
    source: str = "",
    focus: bool = False,
    lead: int | None = None,
    deadline: str = "",
) -> int:
    """Add a 督办事项 with its 来源, 重点督办 mark, lead and deadline (both optional), in one
    transaction; return the new task's id."""
    with db.atomic():
        task_id = add_ledger_item(db, plan_id, text)
        if source:
            set_source(db, [task_id], source)
        if focus:
            set_focus(db, [task_id], True)
        if lead is not None or deadline.strip():
            assign(db, [task_id], lead=lead if lead is not None else KEEP,
                   deadline=deadline.strip() or KEEP)  # fmt: skip
    return task_id


def item_node(db: Database, task_id: int) -> dict[str, Any]:
    """The outline item a ledger's task stands under."""
    return next(
        iter(
            db.query(
                "SELECT n.* FROM outline_nodes n JOIN tasks t ON t.node_id = n.id WHERE t.id = ?",
                [task_id],
            )
        )
    )


def remove_item(db: Database, task_id: int, node_id: int) -> None:
    """Take an added item back: its task, and its outline item when nothing else is there."""
    with db.atomic():
        row = db.execute("SELECT plan_id, text FROM tasks WHERE id = ?", [task_id]).fetchone()
        db.execute("DELETE FROM tasks WHERE id = ?", [task_id])
        if not db.execute("SELECT 1 FROM tasks WHERE node_id = ?", [node_id]).fetchone():
            db.execute("DELETE FROM outline_nodes WHERE id = ?", [node_id])
        if row is not None:
            audit.record(db, "task.delete", "task", task_id, plan_id=row[0], field="text",
                         old=row[1])  # fmt: skip


def restore_item(db: Database, node: dict[str, Any], state: EditState) -> None:
    """Put an item taken back by an undo in again, with its outline item (redo)."""
    with db.atomic():
        if not db.execute("SELECT 1 FROM outline_nodes WHERE id = ?", [node["id"]]).fetchone():
            insert_row(db, "outline_nodes", node)
        restore_tasks(db, state, action="task.redo")

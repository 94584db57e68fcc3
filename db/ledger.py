"""督办事项台账: a plan of kind 'ledger' the clerk fills item by item (or imports from a
table) instead of importing a work plan. Its outline is one section, 督办事项, with one item
per 督办事项 and the task under it, so codes (1-1, 2-1 …), assignments, progress, forms,
lights and documents work on it as on any plan (docs/workflow.md)."""

from __future__ import annotations

from sqlite_utils import Database

from db import audit
from db.errors import InvalidValue, NotFound
from db.plans import SourceInfo, insert_plan
from domain.outline import ITEM, SECTION, ParsedNode, ParsedPlan

LEDGER_SECTION = "督办事项"


def new_ledger(db: Database, title: str, year: int | None) -> int:
    """Make an empty ledger (its one section, no items yet); return the plan's id."""
    title = " ".join(title.split())
    if not title:
        raise InvalidValue("A 督办事项台账 needs a title.")
    outline = [ParsedNode(SECTION, "一、", 1, title=LEDGER_SECTION)]
    with db.atomic():
        plan_id = insert_plan(
            db, ParsedPlan(title=title, year=year, outline=outline), SourceInfo("", "", None)
        )
        mark_ledger(db, plan_id)
    return plan_id


def mark_ledger(db: Database, plan_id: int) -> None:
    """Make a plan (just imported from a table) a ledger."""
    with db.atomic():
        db.execute("UPDATE plans SET kind = 'ledger' WHERE id = ?", [plan_id])
        audit.record(
            db, "plan.kind", "plan", plan_id, plan_id=plan_id, field="kind",
            old="work_plan", new="ledger",
        )  # fmt: skip


def add_ledger_item(db: Database, plan_id: int, text: str) -> int:
    """Add a 督办事项 at the end of the ledger: a new item and its task; return the task id."""
    text = " ".join(text.split())
    if not text:
        raise InvalidValue("A 督办事项 needs its text.")
    row = db.execute("SELECT kind FROM plans WHERE id = ?", [plan_id]).fetchone()
    if row is None:
        raise NotFound(f"No plan with id {plan_id}.")
    if row[0] != "ledger":
        raise InvalidValue(
            f"Plan {plan_id} is a work plan, not a 督办事项台账: add tasks to it in the window."
        )
    section = db.execute(
        "SELECT id FROM outline_nodes WHERE plan_id = ? AND parent_id IS NULL"
        " ORDER BY position DESC, id DESC LIMIT 1",
        [plan_id],
    ).fetchone()
    now = audit.now_iso()
    with db.atomic():
        if section is None:  # a ledger whose section was removed: give it one again
            section_id = _insert_node(db, plan_id, None, SECTION, "一、", 1, LEDGER_SECTION, 0)
        else:
            section_id = section[0]
        count, highest = db.execute(
            "SELECT count(*), max(number) FROM outline_nodes WHERE parent_id = ?", [section_id]
        ).fetchone()
        number = (highest or 0) + 1
        item_id = _insert_node(db, plan_id, section_id, ITEM, f"{number}.", number, "", count)
        task_id = int(
            db.execute(
                "INSERT INTO tasks (plan_id, node_id, position, text, origin, created_at,"
                " updated_at) VALUES (?, ?, 0, ?, 'added', ?, ?)",
                [plan_id, item_id, text, now, now],
            ).lastrowid
            or 0
        )
        audit.record(db, "task.add", "task", task_id, plan_id=plan_id, field="text", new=text)
    return task_id


def _insert_node(
    db: Database, plan_id: int, parent_id: int | None, kind: str, label: str, number: int,
    title: str, position: int,
) -> int:  # fmt: skip
    cursor = db.execute(
        "INSERT INTO outline_nodes (plan_id, parent_id, kind, label, number, title, position)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [plan_id, parent_id, kind, label, number, title, position],
    )
    return int(cursor.lastrowid or 0)

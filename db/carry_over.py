"""Carrying unfinished tasks into next year's plan, with their assignments.

The tasks land in a last section of the target plan, "上年度结转任务", under items named
as they were in last year's plan; each keeps a link to the task it came from, its lead
and cooperating departments and leader, and its deadline phrase, resolved again against
the new year. Carrying twice does not copy a task twice.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from db import audit
from db.assignments import assign
from db.backups import backup_database, backup_dir_for, database_path
from db.errors import InvalidValue
from db.plans import get_plan, list_outline, list_plans
from db.tasks import TaskFilter, list_tasks
from domain.labels import int_to_zh
from domain.outline import ITEM, SECTION

SECTION_TITLE = "上年度结转任务"


@dataclass(frozen=True)
class CarryResult:
    target_plan_id: int
    carried: int
    skipped_done: int
    already_carried: int


def new_plan_for(db: Database, source_plan_id: int, year: int) -> int:
    """An empty plan for ``year`` to carry into, when next year's plan is not imported yet."""
    source = get_plan(db, source_plan_id)
    now = audit.now_iso()
    with db.atomic():
        cur = db.execute(
            "INSERT INTO plans (title, year, imported_at, carried_from_plan_id, source_name)"
            " VALUES (?, ?, ?, ?, '')",
            [f"{year}年结转任务", year, now, source.id],
        )
        plan_id = int(cur.lastrowid or 0)
        audit.record(db, "plan.create", "plan", plan_id, plan_id=plan_id, new=f"{year}年结转任务")
    return plan_id


def carry_over(db: Database, source_plan_id: int, target_plan_id: int) -> CarryResult:
    if source_plan_id == target_plan_id:
        raise InvalidValue("Choose another plan to carry the tasks into.")
    source = get_plan(db, source_plan_id)
    target = get_plan(db, target_plan_id)
    rows = list_tasks(db, TaskFilter(plan_id=source.id))
    done = [r for r in rows if r.status == "done" or r.closed_on]
    open_rows = [r for r in rows if r not in done]
    carried_before = {
        r[0]
        for r in db.execute(
            "SELECT carried_from_task_id FROM tasks WHERE plan_id = ? AND carried_from_task_id"
            " IS NOT NULL",
            [target.id],
        ).fetchall()
    }
    todo = [r for r in open_rows if r.id not in carried_before]
    if not todo:
        return CarryResult(target.id, 0, len(done), len(open_rows))
    source_nodes = {n.id: n for n in list_outline(db, source.id)}
    now = audit.now_iso()
    with db.atomic():
        section_id = _carry_section(db, target.id, source.title)
        item_ids: dict[int, int] = {}
        created: list[tuple[int, object]] = []
        for row in todo:
            item = _item_of(source_nodes, row.node_id)
            key = item.id if item else -1
            if key not in item_ids:
                item_ids[key] = _copy_item(db, target.id, section_id, item, len(item_ids))
            node_id = item_ids[key]
            position = db.execute(
                "SELECT coalesce(max(position), -1) + 1 FROM tasks WHERE node_id = ?", [node_id]
            ).fetchone()[0]
            cur = db.execute(
                "INSERT INTO tasks (plan_id, node_id, position, text, origin, leader_id,"
                " suggested_lead, suggested_cooperating, suggested_deadline,"
                " carried_from_task_id, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, 'carried', ?, ?, ?, ?, ?, ?, ?)",
                [
                    target.id,
                    node_id,
                    position,
                    row.text,
                    row.leader_id,
                    row.suggested_lead,
                    json.dumps(list(row.suggested_cooperating), ensure_ascii=False),
                    row.suggested_deadline,
                    row.id,
                    now,
                    now,
                ],
            )
            created.append((int(cur.lastrowid or 0), row))
        for task_id, row in created:
            assign(
                db,
                [task_id],
                lead=row.lead_id,  # type: ignore[attr-defined]
                cooperating=list(row.cooperating_ids),  # type: ignore[attr-defined]
                deadline=row.deadline.phrase if row.deadline else None,  # type: ignore[attr-defined]
            )
        db.execute(
            "UPDATE plans SET carried_from_plan_id = coalesce(carried_from_plan_id, ?)"
            " WHERE id = ?",
            [source.id, target.id],
        )
        audit.record(
            db,
            "plan.carry_over",
            "plan",
            target.id,
            plan_id=target.id,
            summary=f"{len(created)} unfinished task(s) carried from plan {source.id}",
        )
    return CarryResult(target.id, len(created), len(done), len(open_rows) - len(todo))


def _item_of(nodes: dict, node_id: int):  # type: ignore[no-untyped-def]
    node = nodes.get(node_id)
    while node is not None and node.kind != ITEM:
        node = nodes.get(node.parent_id) if node.parent_id is not None else None
    return node or nodes.get(node_id)


def _carry_section(db: Database, plan_id: int, source_title: str) -> int:
    """The target's "上年度结转任务" section, created as its last section if needed."""
    found = db.execute(
        "SELECT id FROM outline_nodes WHERE plan_id = ? AND parent_id IS NULL AND title = ?",
        [plan_id, SECTION_TITLE],
    ).fetchone()
    if found:
        return found[0]
    last_number, position = db.execute(
        "SELECT coalesce(max(number), 0), coalesce(max(position), -1) FROM outline_nodes"
        " WHERE plan_id = ? AND parent_id IS NULL AND kind = ?",
        [plan_id, SECTION],
    ).fetchone()
    number = last_number + 1
    cur = db.execute(
        "INSERT INTO outline_nodes (plan_id, parent_id, kind, label, number, title, notes,"
        " position) VALUES (?, NULL, ?, ?, ?, ?, ?, ?)",
        [
            plan_id,
            SECTION,
            f"{int_to_zh(number)}、",
            number,
            SECTION_TITLE,
            f"结转自：{source_title}",
            position + 1,
        ],
    )
    return int(cur.lastrowid or 0)


def _copy_item(db: Database, plan_id: int, section_id: int, item: object, position: int) -> int:
    label = getattr(item, "label", "") or ""
    number = getattr(item, "number", None)
    title = getattr(item, "title", "") or ""
    cur = db.execute(
        "INSERT INTO outline_nodes (plan_id, parent_id, kind, label, number, title, notes,"
        " position) VALUES (?, ?, ?, ?, ?, ?, '', ?)",
        [plan_id, section_id, ITEM, label, number, title, position],
    )
    return int(cur.lastrowid or 0)


def next_year_plan(db: Database, source_plan_id: int) -> int | None:
    """The plan of the year after the source's, if one is in the file."""
    source = get_plan(db, source_plan_id)
    if source.year is None:
        return None
    found = [p for p in list_plans(db) if p.year == source.year + 1 and p.id != source.id]
    return found[-1].id if found else None


def carry_into_next_year(
    db: Database,
    source_plan_id: int,
    target_plan_id: int | None = None,
    *,
    backups_dir: str | Path | None = None,
) -> CarryResult:
    """Carry over into ``target_plan_id`` — by default next year's plan, made for the
    purpose when the file has none — after backing the database up; the new plan and the
    tasks carried into it are written in one transaction, all or nothing."""
    target = target_plan_id or next_year_plan(db, source_plan_id)
    source = get_plan(db, source_plan_id)
    if target is None and source.year is None:
        raise InvalidValue("The plan has no year, so next year's plan is unknown; name the "
                           "plan to carry into (command line: --to).")  # fmt: skip
    folder = backup_dir_for(database_path(db), backups_dir)
    backup_database(db, folder, reason=f"before-carry-over-{source_plan_id}")
    # One transaction: a carry-over cut short (killed, a full disk) leaves no empty new plan.
    with db.atomic():
        if target is None:
            target = new_plan_for(db, source_plan_id, (source.year or 0) + 1)
        return carry_over(db, source_plan_id, target)

"""Plans and their outlines: storing an imported plan, reading it back, removing it."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlite_utils import Database

from db import audit
from db.errors import NotFound
from db.records import OutlineNode, Plan
from domain.outline import ITEM, SECTION, SUBSECTION, ParsedNode, ParsedPlan, PlanCounts


@dataclass(frozen=True)
class SourceInfo:
    name: str
    sha256: str
    size: int | None


def insert_plan(
    db: Database,
    plan: ParsedPlan,
    source: SourceInfo,
    *,
    year: int | None = None,
    replace_ids: tuple[int, ...] = (),
    progress: callable | None = None,  # type: ignore[valid-type]
) -> int:
    """Store a parsed plan (outline and tasks) in one transaction; return its id.

    ``replace_ids`` names plans removed in the same transaction (re-import with
    ``--replace``): either both happen or neither does.
    """
    now = audit.now_iso()
    with db.atomic():
        for old_id in replace_ids:
            delete_plan(db, old_id)
        cur = db.execute(
            "INSERT INTO plans (title, year, doc_number, issuer, issued_on, preamble, cover,"
            " source_name, source_sha256, source_size, imported_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                plan.title,
                year if year is not None else plan.year,
                plan.doc_number,
                plan.issuer,
                plan.date,
                plan.preamble,
                "\n".join(plan.cover),
                source.name,
                source.sha256,
                source.size,
                now,
            ],
        )
        plan_id = int(cur.lastrowid or 0)
        task_rows: list[tuple] = []
        total = sum(1 for _ in plan.nodes()) or 1
        done = 0

        def store(node: ParsedNode, parent_id: int | None, position: int) -> None:
            nonlocal done
            cur = db.conn.execute(
                "INSERT INTO outline_nodes (plan_id, parent_id, kind, label, number, title,"
                " notes, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    plan_id,
                    parent_id,
                    node.kind,
                    node.label,
                    node.number,
                    node.title,
                    "\n".join(node.notes),
                    position,
                ],
            )
            node_id = int(cur.lastrowid or 0)
            for index, task in enumerate(node.tasks):
                task_rows.append(
                    (
                        plan_id,
                        node_id,
                        index,
                        task.text,
                        task.suggested_lead,
                        json.dumps(list(task.suggested_cooperating), ensure_ascii=False),
                        task.suggested_deadline,
                        now,
                        now,
                    )
                )
            done += 1
            if progress is not None:
                progress(done, total)
            for child_position, child in enumerate(node.children):
                store(child, node_id, child_position)

        for position, root in enumerate(plan.outline):
            store(root, None, position)
        db.conn.executemany(
            "INSERT INTO tasks (plan_id, node_id, position, text, origin, suggested_lead,"
            " suggested_cooperating, suggested_deadline, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, 'imported', ?, ?, ?, ?, ?)",
            task_rows,
        )
        counts = plan.counts()
        audit.record(
            db,
            "plan.import",
            "plan",
            plan_id,
            plan_id=plan_id,
            new=plan.title,
            summary=f"{source.name}: {counts.sections} sections, {counts.items} items, "
            f"{counts.tasks} tasks",
        )
    return plan_id


def _plan(row: dict) -> Plan:
    return Plan(**row)


def get_plan(db: Database, plan_id: int) -> Plan:
    rows = list(db.query("SELECT * FROM plans WHERE id = ?", [plan_id]))
    if not rows:
        raise NotFound(f"No plan with id {plan_id}.")
    return _plan(rows[0])


def list_plans(db: Database) -> list[Plan]:
    return [_plan(r) for r in db.query("SELECT * FROM plans ORDER BY id")]


def find_plans_by_hash(db: Database, sha256: str) -> list[Plan]:
    return [
        _plan(r)
        for r in db.query("SELECT * FROM plans WHERE source_sha256 = ? ORDER BY id", [sha256])
    ]


def delete_plan(db: Database, plan_id: int) -> None:
    """Remove a plan with its outline, tasks, assignments, periods and progress."""
    plan = get_plan(db, plan_id)
    with db.atomic():
        db.execute("DELETE FROM plans WHERE id = ?", [plan_id])
        audit.record(
            db,
            "plan.delete",
            "plan",
            plan_id,
            plan_id=plan_id,
            old=plan.title,
            summary=plan.source_name,
        )


def list_outline(db: Database, plan_id: int) -> list[OutlineNode]:
    """All outline nodes of a plan, parents before children, in reading order."""
    rows = [
        OutlineNode(**r)
        for r in db.query(
            "SELECT id, plan_id, parent_id, kind, label, number, title, notes, position"
            " FROM outline_nodes WHERE plan_id = ? ORDER BY parent_id IS NOT NULL, position, id",
            [plan_id],
        )
    ]
    children: dict[int | None, list[OutlineNode]] = {}
    for node in rows:
        children.setdefault(node.parent_id, []).append(node)
    ordered: list[OutlineNode] = []

    def walk(parent: int | None) -> None:
        for node in sorted(children.get(parent, []), key=lambda n: n.position):
            ordered.append(node)
            walk(node.id)

    walk(None)
    return ordered


def plan_counts(db: Database, plan_id: int) -> PlanCounts:
    kinds = dict(
        db.execute(
            "SELECT kind, count(*) FROM outline_nodes WHERE plan_id = ? GROUP BY kind", [plan_id]
        ).fetchall()
    )
    tasks, units, deadlines = db.execute(
        "SELECT count(*), sum(suggested_lead != '' OR suggested_cooperating != '[]'),"
        " sum(suggested_deadline != '') FROM tasks WHERE plan_id = ?",
        [plan_id],
    ).fetchone()
    return PlanCounts(
        sections=kinds.get(SECTION, 0),
        subsections=kinds.get(SUBSECTION, 0),
        items=kinds.get(ITEM, 0),
        tasks=tasks or 0,
        suggested_units=units or 0,
        suggested_deadlines=deadlines or 0,
    )


def task_counts_by_node(db: Database, plan_id: int) -> dict[int, int]:
    """How many tasks each outline node holds directly."""
    return dict(
        db.execute(
            "SELECT node_id, count(*) FROM tasks WHERE plan_id = ? GROUP BY node_id", [plan_id]
        ).fetchall()
    )

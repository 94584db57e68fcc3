"""Reading tasks with everything shown beside them: code, item, departments, leader, deadline."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from sqlite_utils import Database

from db.errors import NotFound
from db.plans import list_outline
from db.records import DeadlineRecord, OutlineNode, TaskRow
from domain.outline import ITEM, SECTION
from domain.workflow import source_of


@dataclass(frozen=True)
class TaskFilter:
    plan_id: int | None = None
    node_ids: tuple[int, ...] = ()  # tasks under these outline nodes (recursively)
    department_id: int | None = None  # as lead or cooperating
    lead_only: bool = False
    leader_id: int | None = None
    unassigned: bool = False  # no lead department yet
    task_ids: tuple[int, ...] = ()
    # The status and percent are from the latest report up to this period (None: the latest
    # report of all), as the dashboard and the progress report count them.
    up_to_period: int | None = None
    focus_only: bool = False  # 重点督办 tasks only
    postponed_only: bool = False  # tasks whose deadline was postponed (延期)
    source: str | None = None  # tasks of this 来源 (a key of domain.workflow.SOURCES)


_TASK_SQL = """
SELECT t.id, t.plan_id, t.node_id, t.position, t.text, t.origin, t.leader_id, t.person,
       t.suggested_lead, t.suggested_cooperating, t.suggested_deadline, t.closed_on, t.updated_at,
       la.department_id AS lead_id, ld.name AS lead_name,
       l.name AS leader_name,
       d.phrase, d.due_on, d.kind, d.milestones,
       lp.status AS latest_status, lp.percent AS latest_percent,
       t.source, t.focus, pl.kind AS plan_kind,
       (SELECT count(*) FROM postponements pp WHERE pp.task_id = t.id) AS postponement_count,
       (SELECT pp.old_phrase FROM postponements pp WHERE pp.task_id = t.id ORDER BY pp.id
        LIMIT 1) AS original_phrase
FROM tasks t
JOIN plans pl ON pl.id = t.plan_id
LEFT JOIN assignments la ON la.task_id = t.id AND la.role = 'lead'
LEFT JOIN departments ld ON ld.id = la.department_id
LEFT JOIN leaders l ON l.id = t.leader_id
LEFT JOIN deadlines d ON d.task_id = t.id
-- The latest period's entry, found per task through the (task_id, period_id) index: faster
-- than grouping every entry of the file.
LEFT JOIN progress_entries lp ON lp.id = (
    SELECT e.id FROM progress_entries e JOIN reporting_periods p ON p.id = e.period_id
    WHERE e.task_id = t.id {up_to} ORDER BY {first} p.ends_on DESC, p.id DESC LIMIT 1
)
"""
# Up to a period: that period's report first, then the latest of the earlier ones.
_UP_TO = (
    "AND (p.id = :up_to OR p.ends_on <= (SELECT ends_on FROM reporting_periods WHERE id = :up_to))"
)
_FIRST = "(p.id = :up_to) DESC,"


class _Outline:
    """The outline nodes of the plans in view, to give each task its code and section."""

    def __init__(self, db: Database, plan_ids: Sequence[int]) -> None:
        self.nodes: dict[int, OutlineNode] = {}
        self.order: dict[int, int] = {}
        self._places: dict[int, tuple[OutlineNode | None, ...]] = {}
        for plan_id in plan_ids:
            for node in list_outline(db, plan_id):
                self.order[node.id] = len(self.order)
                self.nodes[node.id] = node
        # Items numbered 1..N per section (or per （一）) repeat numbers across the plan; the
        # codes of such a plan then carry the section number ("2.4-1"), or every level
        # ("1.2.1-1"), whichever first makes every item's code unique.
        self.levels: dict[int, str] = {}
        items: dict[int, list[OutlineNode]] = {}
        for node in self.nodes.values():
            if node.kind == ITEM:
                items.setdefault(node.plan_id, []).append(node)
        for plan_id, plan_items in items.items():
            for levels in ("item", "section", "full"):
                keys = [self.item_prefix(n, levels) for n in plan_items]
                if len(set(keys)) == len(keys):
                    break
            self.levels[plan_id] = levels

    def item_prefix(self, item: OutlineNode, levels: str) -> str:
        """The number written before the dash for ``item``: "4", "2.4" or "1.2.4"."""
        if levels == "item":
            return str(item.number or "")
        chain = self.ancestors(item.id)
        if levels == "section":
            section = next((n for n in chain if n.kind == SECTION), None)
            return f"{section.number}.{item.number or ''}" if section else str(item.number or "")
        return ".".join(str(n.number) for n in reversed(chain) if n.number is not None)

    def place(self, node_id: int) -> tuple[OutlineNode | None, ...]:
        """(its item, its section, the node itself) — worked out once per node."""
        found = self._places.get(node_id)
        if found is None:
            chain = self.ancestors(node_id)  # node first, root last
            item = next((n for n in chain if n.kind == ITEM), None)
            section = next((n for n in chain if n.kind == SECTION), None)
            found = self._places[node_id] = (item, section, chain[0] if chain else None)
        return found

    def ancestors(self, node_id: int) -> list[OutlineNode]:
        chain = []
        node = self.nodes.get(node_id)
        while node is not None:
            chain.append(node)
            node = self.nodes.get(node.parent_id) if node.parent_id is not None else None
        return chain

    def descendants(self, node_ids: Sequence[int]) -> set[int]:
        wanted = set(node_ids)
        changed = True
        while changed:
            changed = False
            for node in self.nodes.values():
                if node.parent_id in wanted and node.id not in wanted:
                    wanted.add(node.id)
                    changed = True
        return wanted


def list_tasks(db: Database, flt: TaskFilter | None = None) -> list[TaskRow]:
    """Tasks in outline order, with assignment and deadline, narrowed by ``flt``."""
    flt = flt or TaskFilter()
    where: list[str] = []
    params: dict[str, object] = {}
    if flt.plan_id is not None:
        where.append("t.plan_id = :plan")
        params["plan"] = flt.plan_id
    if flt.task_ids:
        marks = ",".join(f":t{i}" for i in range(len(flt.task_ids)))
        where.append(f"t.id IN ({marks})")
        params.update({f"t{i}": task_id for i, task_id in enumerate(flt.task_ids)})
    if flt.department_id is not None:
        role = " AND role = 'lead'" if flt.lead_only else ""
        where.append(f"t.id IN (SELECT task_id FROM assignments WHERE department_id = :dept{role})")
        params["dept"] = flt.department_id
    if flt.leader_id is not None:
        where.append("t.leader_id = :leader")
        params["leader"] = flt.leader_id
    if flt.unassigned:
        where.append("la.department_id IS NULL")
    if flt.focus_only:
        where.append("t.focus = 1")
    if flt.postponed_only:
        where.append("EXISTS (SELECT 1 FROM postponements pp WHERE pp.task_id = t.id)")
    basis = flt.up_to_period is not None
    if basis:
        params["up_to"] = flt.up_to_period
    sql = _TASK_SQL.format(up_to=_UP_TO if basis else "", first=_FIRST if basis else "")
    sql += " WHERE " + " AND ".join(where) if where else ""
    cursor = db.execute(sql, params)
    names = [c[0] for c in cursor.description]
    rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    plan_ids = sorted({r["plan_id"] for r in rows})
    outline = _Outline(db, plan_ids)
    if flt.node_ids:
        inside = outline.descendants(flt.node_ids)
        rows = [r for r in rows if r["node_id"] in inside]
    if flt.source is not None:
        wanted = flt.source
        rows = [r for r in rows if source_of(r["source"], r["plan_kind"], r["origin"]) == wanted]
    rows.sort(key=lambda r: (r["plan_id"], outline.order.get(r["node_id"], 0), r["position"]))
    cooperating = _cooperating(db, [r["id"] for r in rows])
    codes = _codes(db, outline, plan_ids)
    return [_task_row(r, outline, cooperating.get(r["id"], ()), codes) for r in rows]


def item_codes(db: Database, plan_id: int) -> dict[int, str]:
    """Each item's number as task codes write it before the dash ("4", "2.4", "1.2.1"),
    by outline node id."""
    outline = _Outline(db, [plan_id])
    levels = outline.levels.get(plan_id, "item")
    return {n.id: outline.item_prefix(n, levels) for n in outline.nodes.values() if n.kind == ITEM}


def _codes(db: Database, outline: _Outline, plan_ids: list[int]) -> dict[int, str]:
    """序号 such as "4-2": the item's number and the task's place among all its tasks.

    Counted over every task of the plan, so a filtered list shows the same codes.
    """
    if not plan_ids:
        return {}
    rows = db.execute(
        f"SELECT id, plan_id, node_id, position FROM tasks"
        f" WHERE plan_id IN ({','.join('?' * len(plan_ids))})",
        plan_ids,
    ).fetchall()
    rows.sort(key=lambda r: (r[1], outline.order.get(r[2], 0), r[3]))
    counters: dict[int, int] = {}
    prefixes: dict[int, tuple[int, str]] = {}
    codes: dict[int, str] = {}
    for task_id, plan_id, node_id, _position in rows:
        if node_id not in prefixes:
            prefixes[node_id] = _prefix(outline, plan_id, node_id)
        anchor, prefix = prefixes[node_id]
        counters[anchor] = counters.get(anchor, 0) + 1
        codes[task_id] = f"{prefix}-{counters[anchor]}" if prefix else str(counters[anchor])
    return codes


def _prefix(outline: _Outline, plan_id: int, node_id: int) -> tuple[int, str]:
    """The node whose tasks are counted together, and the number written before the dash."""
    chain = outline.ancestors(node_id)  # the node first, the root last
    item = next((n for n in chain if n.kind == ITEM), None)
    if item is not None:
        return item.id, outline.item_prefix(item, outline.levels.get(plan_id, "item"))
    prefix = ".".join(str(n.number) for n in reversed(chain) if n.number is not None)
    return (chain[0].id if chain else -1), prefix


def _cooperating(db: Database, task_ids: list[int]) -> dict[int, tuple[tuple[int, str], ...]]:
    found: dict[int, list[tuple[int, str]]] = {}
    if not task_ids:
        return {}
    wanted = set(task_ids)
    for task_id, dept_id, name in db.execute(
        "SELECT a.task_id, a.department_id, d.name FROM assignments a"
        " JOIN departments d ON d.id = a.department_id WHERE a.role = 'cooperating'"
        " ORDER BY a.task_id, a.position, d.position"
    ).fetchall():
        if task_id in wanted:
            found.setdefault(task_id, []).append((dept_id, name))
    return {k: tuple(v) for k, v in found.items()}


def _json_list(text: str | None) -> tuple:
    return () if not text or text == "[]" else tuple(json.loads(text))


def _task_row(
    r: dict, outline: _Outline, coop: tuple[tuple[int, str], ...], codes: dict[int, str]
) -> TaskRow:
    item, section, node = outline.place(r["node_id"])
    code = codes.get(r["id"], "")
    deadline = None
    if r["phrase"] is not None:
        deadline = DeadlineRecord(r["phrase"], r["due_on"], r["kind"], _json_list(r["milestones"]))
    return TaskRow(
        id=r["id"],
        plan_id=r["plan_id"],
        node_id=r["node_id"],
        position=r["position"],
        code=code,
        text=r["text"],
        origin=r["origin"],
        item_label=(item or node).label if (item or node) else "",
        item_title=(item or node).title if (item or node) else "",
        section_id=section.id if section else None,
        section_label=section.label if section else "",
        section_title=section.title if section else "",
        lead=r["lead_name"] or "",
        lead_id=r["lead_id"],
        cooperating=tuple(name for _, name in coop),
        cooperating_ids=tuple(dept_id for dept_id, _ in coop),
        leader=r["leader_name"] or "",
        leader_id=r["leader_id"],
        deadline=deadline,
        suggested_lead=r["suggested_lead"],
        suggested_cooperating=_json_list(r["suggested_cooperating"]),
        suggested_deadline=r["suggested_deadline"],
        status=r["latest_status"],
        percent=r["latest_percent"],
        closed_on=r["closed_on"],
        updated_at=r["updated_at"],
        item_id=(item or node).id if (item or node) else None,
        person=r["person"],
        source=source_of(r["source"], r["plan_kind"], r["origin"]),
        focus=bool(r["focus"]),
        postponements=r["postponement_count"],
        original_deadline=r["original_phrase"],
    )


def count_unassigned(db: Database, plan_id: int) -> int:
    """How many tasks of the plan have no lead department yet."""
    return db.execute(
        "SELECT count(*) FROM tasks t WHERE t.plan_id = ? AND NOT EXISTS"
        " (SELECT 1 FROM assignments a WHERE a.task_id = t.id AND a.role = 'lead')",
        [plan_id],
    ).fetchone()[0]


def get_task(db: Database, task_id: int) -> TaskRow:
    rows = list_tasks(db, TaskFilter(task_ids=(task_id,)))
    if not rows:
        raise NotFound(f"No task with id {task_id}.")
    return rows[0]


def task_ids_under(db: Database, plan_id: int, node_ids: Sequence[int]) -> list[int]:
    """Ids of the tasks of a plan under the given sections / items, in outline order."""
    return [t.id for t in list_tasks(db, TaskFilter(plan_id=plan_id, node_ids=tuple(node_ids)))]

"""Converting a stored plan from Traditional to Simplified characters, keeping the original.

Every text field of the plan that the conversion changes — the plan's title, 发文编号,
issuer, intro and cover, the outline's titles and notes, the tasks and the units and
deadlines they suggest — is converted in place, and the text it had is kept in
``original_texts`` (first conversion wins: what the file said is never overwritten). Undoing
puts the converted fields back as they were and forgets the originals recorded by that
conversion. Both are audited.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlite_utils import Database

from db import audit
from db.plans import get_plan
from domain.script import is_traditional, to_simplified

# (entity, table, fields): what a conversion touches.
_FIELDS = (
    ("plan", "plans", ("title", "doc_number", "issuer", "preamble", "cover")),
    ("node", "outline_nodes", ("title", "notes")),
    ("task", "tasks", ("text", "suggested_lead", "suggested_deadline", "suggested_cooperating")),
)


@dataclass(frozen=True)
class FieldChange:
    entity: str  # plan / node / task
    entity_id: int
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class ScriptChange:
    """What a conversion changed, to undo and redo it exactly."""

    plan_id: int
    changes: tuple[FieldChange, ...]
    recorded: tuple[tuple[str, int, str], ...]  # originals this conversion stored

    @property
    def tasks(self) -> int:
        return len({c.entity_id for c in self.changes if c.entity == "task"})


def _convert(field: str, value: str) -> str:
    if field == "suggested_cooperating":  # a JSON list of names
        names = json.loads(value or "[]")
        return json.dumps([to_simplified(n) for n in names], ensure_ascii=False)
    return to_simplified(value)


def _rows(db: Database, plan_id: int, table: str, fields: tuple[str, ...]) -> list[tuple]:
    key = "id" if table == "plans" else "plan_id"
    return db.execute(
        f"SELECT id, {', '.join(fields)} FROM {table} WHERE {key} = ?", [plan_id]
    ).fetchall()


def pending_changes(db: Database, plan_id: int) -> list[FieldChange]:
    """What converting the plan to Simplified characters would change (nothing is written)."""
    changes: list[FieldChange] = []
    for entity, table, fields in _FIELDS:
        for row in _rows(db, plan_id, table, fields):
            for field, value in zip(fields, row[1:], strict=True):
                new = _convert(field, value or "")
                if new != (value or ""):
                    changes.append(FieldChange(entity, row[0], field, value or "", new))
    return changes


def simplify_plan(db: Database, plan_id: int) -> ScriptChange:
    """Convert the plan's text to Simplified characters in one transaction; keep what each
    changed field said before in ``original_texts``. A plan already in Simplified changes
    nothing (an empty change)."""
    plan = get_plan(db, plan_id)
    changes = pending_changes(db, plan_id)
    recorded: list[tuple[str, int, str]] = []
    with db.atomic():
        for change in changes:
            cur = db.execute(
                "INSERT OR IGNORE INTO original_texts (plan_id, entity, entity_id, field, text)"
                " VALUES (?, ?, ?, ?, ?)",
                [plan_id, change.entity, change.entity_id, change.field, change.old],
            )
            if cur.rowcount:
                recorded.append((change.entity, change.entity_id, change.field))
        _write(db, changes, new=True)
        if changes:
            audit.record(
                db,
                "plan.simplify",
                "plan",
                plan_id,
                plan_id=plan_id,
                field="script",
                old="traditional",
                new="simplified",
                summary=f"{plan.title}: {len(changes)} texts converted to Simplified characters"
                " (the original text is kept)",
            )
    return ScriptChange(plan_id, tuple(changes), tuple(recorded))


def undo_simplify(db: Database, change: ScriptChange) -> None:
    """Put back the text a conversion changed (where it still reads as converted)."""
    with db.atomic():
        _write(db, list(change.changes), new=False)
        db.conn.executemany(
            "DELETE FROM original_texts WHERE entity = ? AND entity_id = ? AND field = ?",
            change.recorded,
        )
        if change.changes:
            audit.record(db, "plan.simplify.undo", "plan", change.plan_id,
                         plan_id=change.plan_id, field="script", old="simplified",
                         new="traditional", summary="conversion undone")  # fmt: skip


def redo_simplify(db: Database, change: ScriptChange) -> None:
    """Apply a conversion again, exactly as it was made."""
    recorded = set(change.recorded)
    with db.atomic():
        db.conn.executemany(
            "INSERT OR IGNORE INTO original_texts (plan_id, entity, entity_id, field, text)"
            " VALUES (?, ?, ?, ?, ?)",
            [
                (change.plan_id, c.entity, c.entity_id, c.field, c.old)
                for c in change.changes
                if (c.entity, c.entity_id, c.field) in recorded
            ],
        )
        _write(db, list(change.changes), new=True)
        if change.changes:
            audit.record(db, "plan.simplify.redo", "plan", change.plan_id,
                         plan_id=change.plan_id, field="script", old="traditional",
                         new="simplified", summary="conversion redone")  # fmt: skip


def _write(db: Database, changes: list[FieldChange], *, new: bool) -> None:
    tables = {entity: table for entity, table, _fields in _FIELDS}
    for change in changes:
        value, expected = (change.new, change.old) if new else (change.old, change.new)
        db.execute(
            f"UPDATE {tables[change.entity]} SET {change.field} = ? WHERE id = ? AND"
            f" {change.field} = ?",
            [value, change.entity_id, expected],
        )


def original_texts(db: Database, plan_id: int) -> dict[tuple[str, int, str], str]:
    """The plan's text as the file had it, for every field a conversion changed."""
    return {
        (entity, entity_id, field): text
        for entity, entity_id, field, text in db.execute(
            "SELECT entity, entity_id, field, text FROM original_texts WHERE plan_id = ?",
            [plan_id],
        ).fetchall()
    }


def restore_original(db: Database, plan_id: int) -> ScriptChange:
    """Put the file's text back wherever a conversion changed it and nobody edited it since
    (an edited text stays, and so does its original). Returns what was put back."""
    get_plan(db, plan_id)
    tables = {entity: table for entity, table, _fields in _FIELDS}
    changes: list[FieldChange] = []
    recorded: list[tuple[str, int, str]] = []
    for (entity, entity_id, field), text in original_texts(db, plan_id).items():
        row = db.execute(
            f"SELECT {field} FROM {tables[entity]} WHERE id = ?", [entity_id]
        ).fetchone()
        if row is not None and row[0] == _convert(field, text) != text:
            changes.append(FieldChange(entity, entity_id, field, text, row[0]))
            recorded.append((entity, entity_id, field))
    change = ScriptChange(plan_id, tuple(changes), tuple(recorded))
    undo_simplify(db, change)
    return change


def plan_is_traditional(db: Database, plan_id: int) -> bool:
    """The plan is written in Traditional characters (its title and first tasks, as
    ``db.reports.collect`` judges it): documents' fixed words follow it."""
    sample = "".join(
        row[0]
        for row in db.execute(
            "SELECT title FROM plans WHERE id = ? UNION ALL"
            " SELECT * FROM (SELECT text FROM tasks WHERE plan_id = ? ORDER BY id LIMIT 60)",
            [plan_id, plan_id],
        ).fetchall()
    )
    return is_traditional(sample)

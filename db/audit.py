"""The audit log: every change, with when, who, from where, and old → new.

Repository functions write their own audit rows inside the same transaction as the
change, so the window, the command line, imports and read-backs are all covered
without each caller remembering to log. The table is append-only (triggers refuse
UPDATE and DELETE), and nothing here offers a way to edit it.
"""

from __future__ import annotations

import getpass
import json
import weakref
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from db.records import AuditEntry

SOURCES = ("window", "cli", "import", "readback", "test")


@dataclass
class AuditContext:
    source: str = "cli"
    actor: str = ""


_contexts: weakref.WeakKeyDictionary[Database, AuditContext] = weakref.WeakKeyDictionary()


def set_audit_context(db: Database, source: str, actor: str | None = None) -> None:
    """Say where this connection's changes come from ("window", "cli", ...)."""
    _contexts[db] = AuditContext(source, actor if actor is not None else _os_user())


def _context(db: Database) -> AuditContext:
    ctx = _contexts.get(db)
    if ctx is None:
        ctx = AuditContext("cli", _os_user())
        _contexts[db] = ctx
    return ctx


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in some service contexts; the log still records the change
        return ""


def now_iso() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def as_text(value: Any) -> str | None:
    """Values are stored as text: JSON for lists and dicts, plain text otherwise."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def record(
    db: Database,
    action: str,
    entity: str,
    entity_id: int | None = None,
    *,
    plan_id: int | None = None,
    field: str = "",
    old: Any = None,
    new: Any = None,
    summary: str = "",
) -> None:
    record_many(
        db,
        [
            dict(
                action=action,
                entity=entity,
                entity_id=entity_id,
                plan_id=plan_id,
                field=field,
                old=old,
                new=new,
                summary=summary,
            )
        ],
    )


def record_many(db: Database, rows: Iterable[dict[str, Any]]) -> None:
    ctx = _context(db)
    at = now_iso()
    db.conn.executemany(
        "INSERT INTO audit_log (at, actor, source, action, entity, entity_id, plan_id, field,"
        " old_value, new_value, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                at,
                ctx.actor,
                ctx.source,
                r["action"],
                r["entity"],
                r.get("entity_id"),
                r.get("plan_id"),
                r.get("field", ""),
                as_text(r.get("old")),
                as_text(r.get("new")),
                r.get("summary", ""),
            )
            for r in rows
        ],
    )


def list_audit(
    db: Database,
    *,
    entity: str | None = None,
    entity_id: int | None = None,
    plan_id: int | None = None,
    limit: int | None = None,
) -> list[AuditEntry]:
    where, params = [], []
    if entity is not None:
        where.append("entity = ?")
        params.append(entity)
    if entity_id is not None:
        where.append("entity_id = ?")
        params.append(entity_id)
    if plan_id is not None:
        where.append("plan_id = ?")
        params.append(plan_id)
    sql = "SELECT * FROM audit_log"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY id DESC"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [AuditEntry(**row) for row in db.query(sql, params)]


def task_history(db: Database, task_id: int) -> list[AuditEntry]:
    """Changes to one task, newest first."""
    return list_audit(db, entity="task", entity_id=task_id)

"""The whole department and leader directory as a value, to undo directory edits.

The directory is small (tens of rows), so an undo step simply records it before and
after. A merge also moves assignments: ``capture`` then records the assignments of the
tasks that involve the departments concerned.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from db import audit
from db.task_edits import insert_row

_TABLES = ("departments", "department_aliases", "leaders", "leader_departments")


@dataclass(frozen=True)
class DirectoryState:
    rows: dict[str, tuple[dict[str, Any], ...]]
    assignments: dict[int, tuple[dict[str, Any], ...]]  # task id → its assignment rows


def capture(db: Database, department_ids: Iterable[int] = ()) -> DirectoryState:
    rows = {t: tuple(db.query(f"SELECT * FROM {t} ORDER BY rowid")) for t in _TABLES}
    assignments: dict[int, tuple[dict[str, Any], ...]] = {}
    ids = list(dict.fromkeys(department_ids))
    if ids:
        marks = ",".join("?" * len(ids))
        task_ids = [
            r[0]
            for r in db.execute(
                f"SELECT DISTINCT task_id FROM assignments WHERE department_id IN ({marks})", ids
            ).fetchall()
        ]
        for task_id in task_ids:
            assignments[task_id] = tuple(
                db.query("SELECT * FROM assignments WHERE task_id = ?", [task_id])
            )
    return DirectoryState(rows, assignments)


def restore(db: Database, state: DirectoryState, *, action: str) -> None:
    with db.atomic():
        # Assignments first: they may point at departments about to change.
        for task_id, rows in state.assignments.items():
            if db.execute("SELECT 1 FROM tasks WHERE id = ?", [task_id]).fetchone() is None:
                continue  # the task was removed since (its plan deleted): nothing to put back
            db.execute("DELETE FROM assignments WHERE task_id = ?", [task_id])
            for row in rows:
                insert_row(db, "assignments", row)
        db.execute("DELETE FROM department_aliases")
        db.execute("DELETE FROM leader_departments")
        for table in ("departments", "leaders"):
            _upsert_all(db, table, state.rows[table])
        for table in ("department_aliases", "leader_departments"):
            for row in state.rows[table]:
                insert_row(db, table, row)
        audit.record(db, action, "directory", None, summary="directory restored")


def _upsert_all(db: Database, table: str, rows: tuple[dict[str, Any], ...]) -> None:
    keep = [r["id"] for r in rows]
    extra = db.execute(
        f"SELECT id FROM {table}"
        + (f" WHERE id NOT IN ({','.join('?' * len(keep))})" if keep else ""),
        keep,
    ).fetchall()
    for (row_id,) in extra:  # added after the state was taken: nothing refers to them now
        db.execute(f"DELETE FROM {table} WHERE id = ?", [row_id])
    # Names are unique: park every name first so a swap of two names cannot collide.
    db.execute(f"UPDATE {table} SET name = char(1) || id")
    for row in rows:
        columns = [c for c in row if c != "id"]
        db.execute(
            f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})"
            f" ON CONFLICT(id) DO UPDATE SET {', '.join(f'{c} = excluded.{c}' for c in columns)}",
            list(row.values()),
        )

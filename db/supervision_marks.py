"""Which tasks of a plan are 重点督办 and which were postponed: the dashboard's figures."""

from __future__ import annotations

from sqlite_utils import Database


def marked_tasks(db: Database, plan_id: int) -> tuple[frozenset[int], frozenset[int]]:
    """(the 重点督办 tasks, the tasks postponed at least once) of a plan."""
    focus = frozenset(
        r[0]
        for r in db.execute(
            "SELECT id FROM tasks WHERE plan_id = ? AND focus = 1", [plan_id]
        ).fetchall()
    )
    postponed = frozenset(
        r[0]
        for r in db.execute(
            "SELECT DISTINCT pp.task_id FROM postponements pp JOIN tasks t ON t.id = pp.task_id"
            " WHERE t.plan_id = ?",
            [plan_id],
        ).fetchall()
    )
    return focus, postponed

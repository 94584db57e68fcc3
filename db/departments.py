"""The department directory (处室/科室): names, short names, aliases, official order.

A department is never deleted once used: it is retired, or merged into another (its
assignments move, its name becomes an alias of the survivor, its history stays).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlite_utils import Database

from db import audit
from db.errors import InvalidValue, NotFound
from db.records import Department
from domain.names import name_key


def _clean(name: str) -> str:
    return " ".join(name.split())


def list_departments(db: Database, *, include_retired: bool = False) -> list[Department]:
    aliases: dict[int, list[str]] = {}
    for alias, dept_id in db.execute(
        "SELECT alias, department_id FROM department_aliases ORDER BY alias"
    ).fetchall():
        aliases.setdefault(dept_id, []).append(alias)
    sql = "SELECT id, name, short_name, position, active, merged_into_id FROM departments"
    if not include_retired:
        sql += " WHERE active = 1"
    sql += " ORDER BY position, id"
    return [
        Department(
            r["id"],
            r["name"],
            r["short_name"],
            r["position"],
            bool(r["active"]),
            r["merged_into_id"],
            tuple(aliases.get(r["id"], ())),
        )
        for r in db.query(sql)
    ]


def get_department(db: Database, department_id: int) -> Department:
    for dept in list_departments(db, include_retired=True):
        if dept.id == department_id:
            return dept
    raise NotFound(f"No department with id {department_id}.")


def find_department(db: Database, name: str, *, include_retired: bool = False) -> Department | None:
    """The department called ``name`` — by full name, short name or alias."""
    key = name_key(name)
    if not key:
        return None
    departments = list_departments(db, include_retired=True)
    for matches in (
        lambda d: name_key(d.name) == key,
        lambda d: bool(d.short_name) and name_key(d.short_name) == key,
        lambda d: any(name_key(a) == key for a in d.aliases),
    ):
        found = [d for d in departments if matches(d)]
        active = [d for d in found if d.active]
        if active:
            return active[0]
        if found:
            merged = found[0].merged_into_id
            if merged is not None:
                return get_department(db, merged)
            return found[0] if include_retired else None
    return None


def require_department(db: Database, name: str) -> Department:
    dept = find_department(db, name)
    if dept is None:
        raise NotFound(f"No department called “{name}”. Add it first (departments add).")
    return dept


def _check_free(db: Database, name: str, *, except_id: int | None = None) -> None:
    for dept in list_departments(db, include_retired=True):
        if dept.id == except_id:
            continue
        if name_key(name) in {
            name_key(x) for x in (dept.name, dept.short_name, *dept.aliases) if x
        }:
            raise InvalidValue(f"“{name}” is already used by the department “{dept.name}”.")


def add_department(
    db: Database, name: str, *, short_name: str = "", aliases: Sequence[str] = ()
) -> Department:
    name = _clean(name)
    if not name:
        raise InvalidValue("A department needs a name.")
    _check_free(db, name)
    short_name = _clean(short_name)
    if short_name and name_key(short_name) != name_key(name):
        _check_free(db, short_name)
    with db.atomic():
        position = db.execute("SELECT coalesce(max(position), -1) + 1 FROM departments").fetchone()[
            0
        ]
        cur = db.execute(
            "INSERT INTO departments (name, short_name, position, active, created_at)"
            " VALUES (?, ?, ?, 1, ?)",
            [name, short_name, position, audit.now_iso()],
        )
        dept_id = int(cur.lastrowid or 0)
        audit.record(db, "department.add", "department", dept_id, new=name)
        for alias in aliases:
            add_alias(db, dept_id, alias)
    return get_department(db, dept_id)


def add_departments(db: Database, names: Iterable[str]) -> list[Department]:
    """Add many at once (a pasted list); names already present are skipped, not doubled."""
    added = []
    with db.atomic():
        for raw in names:
            name = _clean(raw)
            if name and find_department(db, name, include_retired=True) is None:
                added.append(add_department(db, name))
    return added


def rename_department(db: Database, department_id: int, new_name: str) -> Department:
    dept = get_department(db, department_id)
    new_name = _clean(new_name)
    if not new_name:
        raise InvalidValue("A department needs a name.")
    if new_name == dept.name:
        return dept
    _check_free(db, new_name, except_id=department_id)
    with db.atomic():
        db.execute("UPDATE departments SET name = ? WHERE id = ?", [new_name, department_id])
        # The old name keeps matching plans and forms that still use it.
        db.execute(
            "INSERT OR IGNORE INTO department_aliases (alias, department_id) VALUES (?, ?)",
            [dept.name, department_id],
        )
        audit.record(
            db,
            "department.rename",
            "department",
            department_id,
            field="name",
            old=dept.name,
            new=new_name,
        )
    return get_department(db, department_id)


def set_short_name(db: Database, department_id: int, short_name: str) -> Department:
    dept = get_department(db, department_id)
    short_name = _clean(short_name)
    if short_name:
        _check_free(db, short_name, except_id=department_id)
    with db.atomic():
        db.execute(
            "UPDATE departments SET short_name = ? WHERE id = ?", [short_name, department_id]
        )
        audit.record(
            db,
            "department.short_name",
            "department",
            department_id,
            field="short_name",
            old=dept.short_name,
            new=short_name,
        )
    return get_department(db, department_id)


def add_alias(db: Database, department_id: int, alias: str) -> Department:
    alias = _clean(alias)
    if not alias:
        raise InvalidValue("An alias cannot be empty.")
    get_department(db, department_id)
    _check_free(db, alias, except_id=department_id)
    with db.atomic():
        db.execute(
            "INSERT OR IGNORE INTO department_aliases (alias, department_id) VALUES (?, ?)",
            [alias, department_id],
        )
        audit.record(db, "department.alias", "department", department_id, field="alias", new=alias)
    return get_department(db, department_id)


def remove_alias(db: Database, department_id: int, alias: str) -> Department:
    with db.atomic():
        db.execute(
            "DELETE FROM department_aliases WHERE alias = ? AND department_id = ?",
            [alias, department_id],
        )
        audit.record(
            db, "department.alias_remove", "department", department_id, field="alias", old=alias
        )
    return get_department(db, department_id)


def reorder_departments(db: Database, ordered_ids: Sequence[int]) -> None:
    """Put departments in the office's official order (ids not listed keep their turn after)."""
    current = [d.id for d in list_departments(db, include_retired=True)]
    unknown = set(ordered_ids) - set(current)
    if unknown:
        raise NotFound(f"No department with id {sorted(unknown)[0]}.")
    order = list(ordered_ids) + [i for i in current if i not in set(ordered_ids)]
    with db.atomic():
        db.conn.executemany(
            "UPDATE departments SET position = ? WHERE id = ?",
            [(pos, dept_id) for pos, dept_id in enumerate(order)],
        )
        audit.record(db, "department.reorder", "department", None, old=current, new=order)


def set_department_active(db: Database, department_id: int, active: bool) -> Department:
    dept = get_department(db, department_id)
    with db.atomic():
        db.execute("UPDATE departments SET active = ? WHERE id = ?", [int(active), department_id])
        audit.record(
            db,
            "department.retire" if not active else "department.reactivate",
            "department",
            department_id,
            field="active",
            old=dept.active,
            new=active,
        )
    return get_department(db, department_id)


def merge_departments(db: Database, source_id: int, target_id: int) -> Department:
    """Merge ``source`` into ``target``: assignments and leader links move, names stay findable."""
    if source_id == target_id:
        raise InvalidValue("A department cannot be merged into itself.")
    source = get_department(db, source_id)
    target = get_department(db, target_id)
    with db.atomic():
        # Where a task has both, one row survives and the stronger role wins.
        upgrade = [
            r[0]
            for r in db.execute(
                "SELECT a.task_id FROM assignments a JOIN assignments b ON a.task_id = b.task_id"
                " WHERE a.department_id = ? AND a.role = 'lead' AND b.department_id = ?",
                [source_id, target_id],
            ).fetchall()
        ]
        db.execute(
            "DELETE FROM assignments WHERE department_id = ? AND task_id IN"
            " (SELECT task_id FROM assignments WHERE department_id = ?)",
            [source_id, target_id],
        )
        db.conn.executemany(
            "UPDATE assignments SET role = 'lead' WHERE department_id = ? AND task_id = ?",
            [(target_id, task_id) for task_id in upgrade],
        )
        moved = db.execute(
            "UPDATE assignments SET department_id = ? WHERE department_id = ?",
            [target_id, source_id],
        ).rowcount
        db.execute(
            "INSERT OR IGNORE INTO leader_departments (leader_id, department_id)"
            " SELECT leader_id, ? FROM leader_departments WHERE department_id = ?",
            [target_id, source_id],
        )
        db.execute(
            "UPDATE department_aliases SET department_id = ? WHERE department_id = ?",
            [target_id, source_id],
        )
        for name in (source.name, source.short_name):
            if name:
                db.execute(
                    "INSERT OR IGNORE INTO department_aliases (alias, department_id) VALUES (?, ?)",
                    [name, target_id],
                )
        db.execute(
            "UPDATE departments SET active = 0, merged_into_id = ? WHERE id = ?",
            [target_id, source_id],
        )
        audit.record(
            db,
            "department.merge",
            "department",
            source_id,
            field="merged_into",
            old=source.name,
            new=target.name,
            summary=f"{moved} assignment(s) moved",
        )
    return get_department(db, target_id)

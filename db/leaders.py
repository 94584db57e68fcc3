"""Leaders in charge (分管领导), each optionally linked to the departments they supervise."""

from __future__ import annotations

from collections.abc import Sequence

from sqlite_utils import Database

from db import audit
from db.errors import InvalidValue, NotFound
from db.records import Leader
from domain.names import name_key


def list_leaders(db: Database, *, include_retired: bool = False) -> list[Leader]:
    links: dict[int, list[int]] = {}
    for leader_id, dept_id in db.execute(
        "SELECT leader_id, department_id FROM leader_departments ORDER BY department_id"
    ).fetchall():
        links.setdefault(leader_id, []).append(dept_id)
    sql = "SELECT id, name, title, position, active FROM leaders"
    if not include_retired:
        sql += " WHERE active = 1"
    sql += " ORDER BY position, id"
    return [
        Leader(
            r["id"],
            r["name"],
            r["title"],
            r["position"],
            bool(r["active"]),
            tuple(links.get(r["id"], ())),
        )
        for r in db.query(sql)
    ]


def get_leader(db: Database, leader_id: int) -> Leader:
    for leader in list_leaders(db, include_retired=True):
        if leader.id == leader_id:
            return leader
    raise NotFound(f"No leader with id {leader_id}.")


def find_leader(db: Database, name: str) -> Leader | None:
    key = name_key(name)
    found = [x for x in list_leaders(db, include_retired=True) if name_key(x.name) == key]
    active = [x for x in found if x.active]
    return (active or found or [None])[0]


def require_leader(db: Database, name: str) -> Leader:
    leader = find_leader(db, name)
    if leader is None:
        raise NotFound(f"No leader called “{name}”. Add it first (leaders add).")
    return leader


def add_leader(
    db: Database, name: str, *, title: str = "", department_ids: Sequence[int] = ()
) -> Leader:
    name = " ".join(name.split())
    if not name:
        raise InvalidValue("A leader needs a name.")
    if find_leader(db, name) is not None:
        raise InvalidValue(f"There is already a leader called “{name}”.")
    with db.atomic():
        position = db.execute("SELECT coalesce(max(position), -1) + 1 FROM leaders").fetchone()[0]
        cur = db.execute(
            "INSERT INTO leaders (name, title, position, active, created_at)"
            " VALUES (?, ?, ?, 1, ?)",
            [name, " ".join(title.split()), position, audit.now_iso()],
        )
        leader_id = int(cur.lastrowid or 0)
        audit.record(db, "leader.add", "leader", leader_id, new=name)
        if department_ids:
            set_leader_departments(db, leader_id, department_ids)
    return get_leader(db, leader_id)


def rename_leader(db: Database, leader_id: int, new_name: str) -> Leader:
    leader = get_leader(db, leader_id)
    new_name = " ".join(new_name.split())
    if not new_name:
        raise InvalidValue("A leader needs a name.")
    other = find_leader(db, new_name)
    if other is not None and other.id != leader_id:
        raise InvalidValue(f"There is already a leader called “{new_name}”.")
    with db.atomic():
        db.execute("UPDATE leaders SET name = ? WHERE id = ?", [new_name, leader_id])
        audit.record(
            db, "leader.rename", "leader", leader_id, field="name", old=leader.name, new=new_name
        )
    return get_leader(db, leader_id)


def set_leader_title(db: Database, leader_id: int, title: str) -> Leader:
    """The leader's title (职务), e.g. 副局长; empty when not known."""
    leader = get_leader(db, leader_id)
    title = " ".join(title.split())
    if title == leader.title:
        return leader
    with db.atomic():
        db.execute("UPDATE leaders SET title = ? WHERE id = ?", [title, leader_id])
        audit.record(
            db, "leader.title", "leader", leader_id, field="title", old=leader.title, new=title
        )
    return get_leader(db, leader_id)


def set_leader_departments(db: Database, leader_id: int, department_ids: Sequence[int]) -> Leader:
    leader = get_leader(db, leader_id)
    with db.atomic():
        db.execute("DELETE FROM leader_departments WHERE leader_id = ?", [leader_id])
        db.conn.executemany(
            "INSERT OR IGNORE INTO leader_departments (leader_id, department_id) VALUES (?, ?)",
            [(leader_id, d) for d in department_ids],
        )
        audit.record(
            db,
            "leader.departments",
            "leader",
            leader_id,
            field="departments",
            old=list(leader.department_ids),
            new=list(department_ids),
        )
    return get_leader(db, leader_id)


def set_leader_active(db: Database, leader_id: int, active: bool) -> Leader:
    leader = get_leader(db, leader_id)
    with db.atomic():
        db.execute("UPDATE leaders SET active = ? WHERE id = ?", [int(active), leader_id])
        audit.record(
            db,
            "leader.retire" if not active else "leader.reactivate",
            "leader",
            leader_id,
            field="active",
            old=leader.active,
            new=active,
        )
    return get_leader(db, leader_id)


def reorder_leaders(db: Database, ordered_ids: Sequence[int]) -> None:
    current = [x.id for x in list_leaders(db, include_retired=True)]
    order = list(ordered_ids) + [i for i in current if i not in set(ordered_ids)]
    with db.atomic():
        db.conn.executemany(
            "UPDATE leaders SET position = ? WHERE id = ?",
            [(pos, i) for pos, i in enumerate(order)],
        )
        audit.record(db, "leader.reorder", "leader", None, old=current, new=order)


def leader_for_department(db: Database, department_id: int) -> Leader | None:
    """The active leader who supervises a department, to propose with a lead department."""
    for leader in list_leaders(db):
        if department_id in leader.department_ids:
            return leader
    return None

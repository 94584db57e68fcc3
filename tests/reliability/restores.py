"""Damaging a database file in the ways files get damaged, and coming back from a backup.

``run_restores`` plays rounds of: make a database, edit it, back it up, edit more, damage
the file, open it again (it must be refused as damaged, with the newest good backup named),
restore that backup, and check the database is exactly the backed-up content, sound, with
the damaged file kept. Used by ``tests/test_backups.py`` and ``python -m tests.reliability``.
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from db.assignments import assign
from db.backups import backup_database, backup_dir_for, check_database, list_backups
from db.departments import list_departments
from db.store import DamagedDatabase, open_store, restore_into
from db.tasks import TaskFilter, list_tasks

PAGE = 4096


def garble_pages(path: Path, rng: random.Random) -> None:
    """Overwrite the headers of a few b-tree pages (what a bad sector or a torn write does)."""
    data = bytearray(path.read_bytes())
    pages = len(data) // PAGE
    for page in rng.sample(range(2, max(pages, 3)), k=min(3, max(pages - 2, 1))):
        data[page * PAGE : page * PAGE + 8] = bytes([7] + [rng.randrange(256) for _ in range(7)])
    path.write_bytes(bytes(data))


def truncate_half(path: Path, rng: random.Random) -> None:
    """Cut the file short (a copy or a sync tool that stopped halfway)."""
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2 + rng.randrange(PAGE)])


def zero_header(path: Path, rng: random.Random) -> None:
    """Wipe the first 100 bytes (the file no longer says it is SQLite)."""
    data = bytearray(path.read_bytes())
    data[:100] = bytes(100)
    path.write_bytes(bytes(data))


def scribble(path: Path, rng: random.Random) -> None:
    """Random bytes over a stretch in the middle of the file."""
    data = bytearray(path.read_bytes())
    start = rng.randrange(PAGE, max(len(data) - 2 * PAGE, PAGE + 1))
    data[start : start + 2 * PAGE] = bytes(rng.randrange(256) for _ in range(2 * PAGE))
    path.write_bytes(bytes(data))


def empty_file(path: Path, rng: random.Random) -> None:
    """Nothing left (a crashed program that truncated the file)."""
    path.write_bytes(b"")


DAMAGES: dict[str, Callable[[Path, random.Random], None]] = {
    "garbled pages": garble_pages,
    "truncated": truncate_half,
    "header wiped": zero_header,
    "scribbled": scribble,
    "emptied": empty_file,
}


def content(path: Path) -> list[tuple]:
    """What the clerk cares about: every task with its assignment (read-only)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(
            "SELECT t.id, t.text, a.department_id, a.role, d.phrase FROM tasks t"
            " LEFT JOIN assignments a ON a.task_id = t.id"
            " LEFT JOIN deadlines d ON d.task_id = t.id ORDER BY t.id, a.department_id"
        ).fetchall()
    finally:
        conn.close()


@dataclass
class RestoreResult:
    tried: int = 0
    restored: int = 0
    failures: list[str] = field(default_factory=list)
    by_damage: dict[str, int] = field(default_factory=dict)


def _edit(path: Path, rng: random.Random) -> None:
    with open_store(path, "command line") as store:
        db = store.db
        tasks = list_tasks(db, TaskFilter())
        depts = list_departments(db)
        chosen = rng.sample([t.id for t in tasks], k=20)
        assign(db, chosen, lead=rng.choice(depts).id, deadline=rng.choice(["6月底前", "年底前"]))


def one_round(work: Path, damage: str, rng: random.Random, *, damage_newest: bool) -> str:
    """One round; "" when the database came back as backed up, else what went wrong."""
    from cli.demo import prepare_demo

    path = prepare_demo(work / "office.sqlite3")
    _edit(path, rng)
    with open_store(path, "command line") as store:
        good = backup_database(store.db, backup_dir_for(path), reason="by-hand")
    expected = content(good)
    _edit(path, rng)  # edits after the backup: lost by the restore, as the clerk is told
    if damage_newest:  # the newest backup is damaged too: an older one must be chosen
        with open_store(path, "command line") as store:
            newest = backup_database(store.db, backup_dir_for(path), reason="by-hand")
        garble_pages(newest, rng)
    DAMAGES[damage](path, rng)
    try:
        open_store(path, "command line").close()
        return f"{damage}: the damaged file was opened"
    except DamagedDatabase as exc:
        if exc.backup is None or exc.backup.path != good:
            return f"{damage}: offered {exc.backup} instead of {good.name}"
        offered = exc.backup
    damaged_bytes = path.read_bytes()
    restored = restore_into(path, offered, "command line")
    if check_database(path):
        return f"{damage}: restored file fails the check: {check_database(path)}"
    if content(path) != expected:
        return f"{damage}: restored content differs from the backup"
    kept = restored.previous_kept_as
    if kept is None or kept.read_bytes() != damaged_bytes:
        return f"{damage}: the damaged file was not kept as it was"
    with open_store(path, "command line") as store:
        logged = store.db.execute(
            "SELECT count(*) FROM audit_log WHERE action = 'database.restore'"
        ).fetchone()[0]
    if logged != 1:
        return f"{damage}: the restore is not in the audit log"
    if not list_backups(path):
        return f"{damage}: backups vanished"
    return ""


def run_restores(work_dir: Path, rounds: int = 10, seed: int = 0) -> RestoreResult:
    """``rounds`` damage-and-restore rounds, cycling through the kinds of damage."""
    rng = random.Random(seed)
    result = RestoreResult()
    kinds = list(DAMAGES)
    for number in range(rounds):
        damage = kinds[number % len(kinds)]
        work = work_dir / f"round-{number:03d}"
        work.mkdir(parents=True, exist_ok=True)
        result.tried += 1
        problem = one_round(work, damage, rng, damage_newest=number % 3 == 2)
        if problem:
            result.failures.append(problem)
        else:
            result.restored += 1
            result.by_damage[damage] = result.by_damage.get(damage, 0) + 1
    return result

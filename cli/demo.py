"""The demo database: the sample plan imported, with a sample department list."""

from __future__ import annotations

from pathlib import Path

from db.audit import set_audit_context
from db.connection import open_database
from db.directory_lists import add_department_entries, add_leader_entries
from db.errors import InvalidValue
from db.imports import import_plan
from db.locations import demo_db_path
from domain.directory_lists import parse_department_list, parse_leader_list
from sample_data import DEPARTMENTS, LEADERS, PLAN, read_text, sample_file


def prepare_demo(path: str | Path | None) -> Path:
    """Create a fresh demo database and return its path.

    Without a path the demo lives in the user's data folder and is made anew each
    time; a path given by the caller must not exist yet, so no real data is replaced.
    """
    if path is None:
        target = demo_db_path()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
    else:
        target = Path(path)
        if target.exists() and target.stat().st_size > 0:
            raise InvalidValue(
                f"{target}: --demo makes a fresh database and this file exists. "
                "Choose a new file name."
            )
    db = open_database(target)
    set_audit_context(db, "cli")
    try:
        with db.atomic():
            add_department_entries(db, parse_department_list(read_text(DEPARTMENTS), DEPARTMENTS))
            add_leader_entries(db, parse_leader_list(read_text(LEADERS), LEADERS))
        with sample_file(PLAN) as plan:
            import_plan(db, plan)
    finally:
        db.close()
    return target

"""The demo database: the sample plan imported, with a sample department list."""

from __future__ import annotations

from pathlib import Path

from db.audit import set_audit_context
from db.connection import open_database
from db.departments import add_alias, add_department, require_department
from db.errors import InvalidValue
from db.imports import import_plan
from db.leaders import add_leader
from db.locations import demo_db_path

SAMPLE_DIR = Path(__file__).resolve().parent.parent / "sample_data"
SAMPLE_PLAN = SAMPLE_DIR / "qingdao-2020-education-workplan.txt"


def _rows(name: str) -> list[list[str]]:
    rows = []
    for line in (SAMPLE_DIR / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            rows.append([part.strip() for part in line.split("|")])
    return rows


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
            for name, short, *rest in _rows("departments.txt"):
                dept = add_department(db, name, short_name=short if short != name else "")
                for alias in rest[0].split(",") if rest and rest[0] else []:
                    add_alias(db, dept.id, alias)
            for name, title, *rest in _rows("leaders.txt"):
                depts = [require_department(db, d).id for d in rest[0].split(",")] if rest else []
                add_leader(db, name, title=title, department_ids=depts)
        import_plan(db, SAMPLE_PLAN)
    finally:
        db.close()
    return target

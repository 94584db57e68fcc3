"""The SQLite store: migrations, pragmas, refusing foreign or newer files, backups."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from db.connection import connect, open_database, schema_version
from db.errors import NewerSchemaError, NotADubanDatabase
from db.migrations import MIGRATION_NAMES, MIGRATION_SET, m001_core_tables


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_migrations_from_empty_create_the_whole_schema(tmp_path: Path) -> None:
    db = open_database(tmp_path / "new.sqlite3")
    assert schema_version(db) == MIGRATION_NAMES
    tables = set(db.table_names())
    assert tables >= {
        "plans",
        "outline_nodes",
        "tasks",
        "departments",
        "department_aliases",
        "leaders",
        "leader_departments",
        "assignments",
        "deadlines",
        "reporting_periods",
        "progress_entries",
        "audit_log",
        "settings",
    }
    db.close()


def test_reopening_applies_nothing_twice(tmp_path: Path) -> None:
    path = tmp_path / "again.sqlite3"
    open_database(path).close()
    db = open_database(path)
    applied = db.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0]
    assert applied == len(MIGRATION_NAMES)
    db.close()


def test_every_connection_has_foreign_keys_and_wal(tmp_path: Path) -> None:
    path = tmp_path / "pragmas.sqlite3"
    open_database(path).close()
    db = connect(path)
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(
            "INSERT INTO tasks (plan_id, node_id, position, text, origin, created_at, updated_at)"
            " VALUES (999, 999, 0, 'x', 'added', '', '')"
        )
    db.close()


def test_a_newer_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    db = open_database(path)
    db.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
        [MIGRATION_SET, "m999_from_the_future", "2030-01-01"],
    )
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.execute("PRAGMA journal_mode = DELETE")
    db.close()
    before = _digest(path)
    with pytest.raises(NewerSchemaError) as info:
        open_database(path)
    assert "newer version" in str(info.value) and str(path) in str(info.value)
    assert _digest(path) == before
    assert not Path(f"{path}-wal").exists()


def test_a_file_of_another_program_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    other.commit()
    other.close()
    before = _digest(path)
    with pytest.raises(NotADubanDatabase, match="another program"):
        open_database(path)
    assert _digest(path) == before


def test_a_text_file_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("not a database", encoding="utf-8")
    with pytest.raises(NotADubanDatabase, match="not an SQLite file"):
        open_database(path)
    assert path.read_text(encoding="utf-8") == "not a database"


def test_the_file_is_backed_up_before_pending_migrations(tmp_path: Path) -> None:
    path = tmp_path / "office.sqlite3"
    db = open_database(path)
    db.execute("INSERT INTO settings (key, value) VALUES ('office.name', '\"青岛市教育局办公室\"')")
    db.close()

    # A later version of the schema: the shipped step plus one more.
    later = Migrations(MIGRATION_SET)
    later(name="m001_core_tables")(m001_core_tables)

    @later(name="m002_task_priority")
    def m002(db: Database) -> None:
        db.execute("ALTER TABLE tasks ADD COLUMN priority INTEGER")

    backups = tmp_path / "backups"
    db = open_database(
        path,
        backups_dir=backups,
        steps=later,
        step_names=[*MIGRATION_NAMES, "m002_task_priority"],
    )
    assert "priority" in db["tasks"].columns_dict
    db.close()
    copies = list(backups.glob("office.sqlite3-b*-before-m002_task_priority.sqlite3"))
    assert len(copies) == 1
    old = sqlite3.connect(copies[0])
    assert old.execute("SELECT value FROM settings").fetchone()[0] == '"青岛市教育局办公室"'
    assert "priority" not in [r[1] for r in old.execute("PRAGMA table_info(tasks)")]
    old.close()


def test_no_backup_for_a_brand_new_file(tmp_path: Path) -> None:
    open_database(tmp_path / "fresh.sqlite3", backups_dir=tmp_path / "b").close()
    assert not (tmp_path / "b").exists()


def test_audit_log_is_append_only(db: Database) -> None:
    from db.audit import list_audit, record

    record(db, "test.action", "task", 1, field="text", old="a", new="b")
    assert list_audit(db)[0].new_value == "b"
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("UPDATE audit_log SET new_value = 'forged'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("DELETE FROM audit_log")
    assert list_audit(db)[0].new_value == "b"

"""Every schema version Duban has written opens in this version: upgraded, backed up first,
nothing lost. The fixtures in tests/fixtures/schema/ are made by
``tools/make_schema_fixture.py`` before each new migration."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from db.backups import list_backups
from db.connection import open_database, schema_version
from db.errors import NewerSchemaError
from db.migrations import MIGRATION_NAMES, MIGRATION_SET, MIGRATION_STEPS
from db.store import open_store

FIXTURES = Path(__file__).parent / "fixtures" / "schema"
VERSIONS = sorted(FIXTURES.glob("*.sqlite3"))


def _counts(path: Path, tables: list[str]) -> dict[str, int]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    finally:
        conn.close()


def test_the_newest_schema_step_has_a_fixture() -> None:
    # Adding a migration? First run tools/make_schema_fixture.py on the current code.
    assert (FIXTURES / f"{MIGRATION_NAMES[-1]}.sqlite3").exists()
    assert len(VERSIONS) == len({p.stem for p in VERSIONS}) >= 1


@pytest.mark.parametrize("fixture", VERSIONS, ids=[p.stem for p in VERSIONS])
def test_every_older_version_opens_upgraded_with_nothing_lost(
    fixture: Path, tmp_path: Path
) -> None:
    manifest = json.loads(fixture.with_suffix(".json").read_text(encoding="utf-8"))
    path = tmp_path / "office.sqlite3"
    shutil.copyfile(fixture, path)
    pending = [name for name in MIGRATION_NAMES if name not in manifest["schema"]]
    with open_store(path, "command line", daily=False) as store:
        assert schema_version(store.db) == MIGRATION_NAMES
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    counts = _counts(path, list(manifest["counts"]))
    assert counts == manifest["counts"]
    upgrade_backups = [b for b in list_backups(path) if b.reason.startswith("before-m")]
    if pending:  # backed up, as it was, before the first step ran
        assert [b.reason for b in upgrade_backups] == [f"before-{pending[0]}"]
        assert _counts(upgrade_backups[0].path, list(manifest["counts"])) == manifest["counts"]
    else:
        assert upgrade_backups == []


def test_a_real_office_file_survives_a_later_migration_and_is_backed_up_first(
    tmp_path: Path,
) -> None:
    """Play the next version on the newest fixture: a step that rebuilds the tasks table."""
    newest = FIXTURES / f"{MIGRATION_NAMES[-1]}.sqlite3"
    path = tmp_path / "office.sqlite3"
    shutil.copyfile(newest, path)
    before = _counts(path, ["tasks", "assignments", "progress_entries", "audit_log"])
    later = Migrations(MIGRATION_SET)
    for name, fn in MIGRATION_STEPS:  # the shipped steps, then one more
        later(name=name)(fn)

    @later(name="m999_task_priority")
    def m999(db: Database) -> None:
        db["tasks"].add_column("priority", int)

    db = open_database(path, steps=later, step_names=[*MIGRATION_NAMES, "m999_task_priority"])
    try:
        assert "priority" in db["tasks"].columns_dict
        assert _counts(path, list(before)) == before
    finally:
        db.close()
    (backup,) = [b for b in list_backups(path) if b.reason == "before-m999_task_priority"]
    assert _counts(backup.path, list(before)) == before
    # That file is now "newer" than this version: refused, untouched.
    data = path.read_bytes()
    with pytest.raises(NewerSchemaError, match="newer version"):
        open_store(path, "command line")
    assert path.read_bytes() == data

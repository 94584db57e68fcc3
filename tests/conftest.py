"""Shared fixtures: a real SQLite file per test, the sample plan, a seeded database."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlite_utils import Database

# Real widgets, no screen: every Qt test runs offscreen, also on a developer's desktop.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests never touch the user's own settings, data or cache folders.
_HOME = tempfile.mkdtemp(prefix="duban-tests-")
for _var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
    os.environ[_var] = os.path.join(_HOME, _var.lower())

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_PLAN = ROOT / "sample_data" / "qingdao-2020-education-workplan.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty, migrated database made once; each test gets its own copy."""
    from db.connection import open_database

    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    db = open_database(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


@pytest.fixture
def db_path(template_db: Path, tmp_path: Path) -> Path:
    target = tmp_path / "duban.sqlite3"
    shutil.copyfile(template_db, target)
    return target


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    from db.audit import set_audit_context
    from db.connection import open_database

    database = open_database(db_path)
    set_audit_context(database, "test", "tester")
    yield database
    database.close()


@pytest.fixture
def sample_plan() -> Path:
    return SAMPLE_PLAN


def _seed(db: Database, *, simplified: bool) -> Database:
    from db.departments import add_department
    from db.imports import import_plan
    from db.leaders import add_leader

    basic = add_department(db, "基础教育处", short_name="基教处")
    add_department(db, "职业与成人教育处", short_name="职成处")
    add_department(db, "办公室")
    add_leader(db, "李明", title="副局长", department_ids=[basic.id])
    import_plan(db, SAMPLE_PLAN, simplified=simplified)
    return db


@pytest.fixture
def seeded_db(db: Database) -> Database:
    """The sample plan imported as published (Traditional characters), with three
    departments and a leader."""
    return _seed(db, simplified=False)


@pytest.fixture
def simplified_db(db: Database) -> Database:
    """As ``seeded_db``, the plan converted to Simplified characters at import."""
    return _seed(db, simplified=True)

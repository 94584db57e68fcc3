"""Opening the database file: checks, pragmas, backup before migrations, migrations.

One connection per thread: call :func:`connect` in every thread that touches the
file (sqlite3 connections are not shareable), and :func:`open_database` once at
start-up to check the file and bring its schema up to date.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from db.backups import SQLITE_HEADER, backup_database, backup_dir_for
from db.errors import (
    NewerSchemaError,
    NoAccess,
    NotADubanDatabase,
    ReadOnlyLocation,
    StoreError,
    store_error_for,
)
from db.migrations import MIGRATION_NAMES, MIGRATION_SET, migrations
from db.storage import is_network_path, only_as_immutable

BUSY_TIMEOUT_MS = 5000


def connect(path: str | Path, *, read_only: bool = False, immutable: bool = False) -> Database:
    """A connection with the pragmas every connection needs (no checks, no migrations).

    The journal mode is the file's own (set once by :func:`open_database`): WAL on a local
    disk, the rollback journal on a network share. ``read_only`` opens it so that nothing
    can be written through this connection; ``immutable`` (read-only too) reads it as a file
    nobody changes — for a WAL file in a folder where SQLite cannot make its shared memory.
    """
    # In a folder nobody may write, a database can only be read, as a file nobody changes
    # (SQLite cannot make its shared memory there): any connection, from any thread.
    immutable = immutable or only_as_immutable(Path(path))
    if read_only or immutable:
        mode = "ro&immutable=1" if immutable else "ro"
        uri = f"file:{quote(str(Path(path).resolve()))}?mode={mode}"
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    else:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
    db = Database(conn, execute_plugins=False)
    db.execute("PRAGMA foreign_keys = ON")
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    # FULL: a commit that returned is on disk even after a power cut (WAL's NORMAL
    # may lose the last transactions, and "saved" must mean saved).
    db.execute("PRAGMA synchronous = FULL")
    if read_only or immutable:
        db.execute("PRAGMA query_only = ON")
    return db


def checkpoint(db: Database) -> bool:
    """Copy what the WAL holds into the database file itself, without waiting for readers
    (PASSIVE), so the file alone is current — for anyone who copies it despite the advice.
    True when everything was copied; False when a reader kept some of it back (the next
    checkpoint copies it)."""
    try:
        if journal_mode(db) != "wal":
            return True
        busy, frames, copied = db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    except sqlite3.Error:
        return False
    return not busy and frames == copied


@contextmanager
def snapshot(db: Database) -> Iterator[Database]:
    """Reads inside see one state of the file (one read transaction): a report collected
    while another program writes is consistent, and — in WAL mode — the writer is not
    held up. Inside a transaction already, that transaction is the snapshot."""
    if db.conn.in_transaction:
        yield db
        return
    db.execute("BEGIN")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.execute("ROLLBACK")
        raise
    if db.conn.in_transaction:
        db.execute("COMMIT")


def journal_mode(db: Database) -> str:
    return str(db.execute("PRAGMA journal_mode").fetchone()[0]).lower()


def open_database(
    path: str | Path,
    *,
    backups_dir: str | Path | None = None,
    steps: Migrations = migrations,
    step_names: list[str] = MIGRATION_NAMES,
    network: bool | None = None,
) -> Database:
    """Open (creating if needed) a Duban database and apply pending migrations.

    A file that is not a Duban database, or that a newer Duban wrote, is refused
    before anything is written to it. An existing file is backed up before any
    pending migration runs. ``steps``/``step_names`` are the schema's migrations;
    tests pass a longer list to play a future version. ``network`` (None: find out) puts
    the file in rollback-journal mode instead of WAL, which network shares cannot carry.
    """
    path = Path(path)
    applied = _inspect_existing(path, step_names)
    if path.parent and not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    if network is None:
        network = is_network_path(path)
    try:
        db = connect(path)
    except sqlite3.Error as exc:
        raise StoreError(
            str(path), f"The database cannot be opened ({exc}).", code="cannot_open"
        ) from exc
    try:
        db.execute(f"PRAGMA journal_mode = {'DELETE' if network else 'WAL'}")
        pending = [m.name for m in steps.pending(db)]
        if pending and applied:
            backup_database(db, backup_dir_for(path, backups_dir), reason=f"before-{pending[0]}")
        steps.apply(db)
    except BaseException:
        db.close()
        raise
    return db


def _inspect_existing(path: Path, step_names: list[str]) -> list[str]:
    """Return the migrations already applied to ``path`` (empty for a new file).

    Reads the file strictly read-only, so a refused file is left byte-for-byte untouched.
    """
    if not path.exists() or path.stat().st_size == 0:
        return []
    if path.is_dir():
        raise NotADubanDatabase(str(path), "This is a folder, not a database file.")
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise store_error_for(exc, path) or NoAccess(str(path), exc.strerror or "") from exc
    if header != SQLITE_HEADER:
        raise NotADubanDatabase(
            str(path),
            "This file is not a Duban database (it is not an SQLite file). "
            "Choose a .sqlite3 file made by Duban, or create a new one.",
        )
    try:
        tables, applied = _read_schema(path, "ro")
    except sqlite3.OperationalError as exc:
        # A WAL file in a folder SQLite cannot write (no shared memory there): read it as a
        # file nobody changes.
        if not isinstance(store_error_for(exc, path), (ReadOnlyLocation, NoAccess)):
            raise _unreadable(path, exc) from exc
        try:
            tables, applied = _read_schema(path, "ro&immutable=1")
        except sqlite3.DatabaseError as again:
            raise _unreadable(path, again) from again
    except sqlite3.DatabaseError as exc:
        raise _unreadable(path, exc) from exc
    user_tables = {t for t in tables if not t.startswith(("sqlite_", "_sqlite_"))}
    if user_tables and not applied:
        raise NotADubanDatabase(
            str(path),
            "This SQLite file belongs to another program (it has no Duban schema). "
            "Choose a file made by Duban, or create a new one.",
        )
    unknown = [name for name in applied if name not in step_names]
    if unknown:
        raise NewerSchemaError(
            str(path),
            "This database was written by a newer version of Duban "
            f"(schema step {unknown[-1]}). It has not been changed. "
            "Install the newer version to open it.",
        )
    return applied


def _read_schema(path: Path, mode: str) -> tuple[set[str], list[str]]:
    """(the file's table names, the Duban migrations applied to it), read without writing."""
    conn = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode={mode}", uri=True)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        applied: list[str] = []
        if "_sqlite_migrations" in tables:
            applied = [
                r[0]
                for r in conn.execute(
                    "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
                    [MIGRATION_SET],
                )
            ]
    finally:
        conn.close()
    return tables, applied


def _unreadable(path: Path, exc: sqlite3.DatabaseError) -> StoreError:
    refused = store_error_for(exc, path)
    if refused is not None and refused.code != "damaged":
        return refused  # no permission, a failing disk …: a backup would not help
    return NotADubanDatabase(
        str(path),
        f"The database file is damaged or unreadable ({exc}). Restore it from a backup.",
    )


def schema_version(db: Database) -> list[str]:
    """Names of the migrations applied to this database, in order."""
    return [m.name for m in migrations.applied(db)]

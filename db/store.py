"""Opening a database for a program (the window or the command line): check, lock, open,
back up.

1. A file that exists is checked first (SQLite's ``quick_check``, read-only). A damaged
   file is never opened for writing: :class:`DamagedDatabase` names the problem and the
   newest good backup, and the caller offers to restore it.
2. The writer lock is taken (``db.writer_lock``). When another Duban holds it the file is
   opened read-only if the caller allows it (the window; the command line's reading
   commands), else :class:`DatabaseLocked` names the holder.
3. The file is opened and upgraded (``open_database``: backup before migrations; WAL, or the
   rollback journal on a network share).
4. On the first open of the day a backup is made and old ones rotated (``backups.keep``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from db import audit
from db.backups import (
    Backup,
    Restored,
    check_database,
    daily_backup,
    list_backups,
    newest_good_backup,
    restore_backup,
)
from db.connection import _inspect_existing, connect, open_database
from db.errors import StoreError
from db.locations import ensure_parent
from db.migrations import MIGRATION_NAMES
from db.settings import get_setting
from db.storage import is_network_path
from db.writer_lock import DatabaseLocked, Holder, WriterLock


class DamagedDatabase(StoreError):
    """The file fails SQLite's check; it is not opened for writing."""

    code = "damaged"

    def __init__(self, path: str, problems: list[str], backup: Backup | None) -> None:
        self.problems = problems
        self.backup = backup
        offer = (
            f" The newest good backup is from {backup.made_at:%Y-%m-%d %H:%M} ({backup.path.name}):"
            " restore it (window: File → Restore from backup; command line: restore --newest)."
            if backup
            else " No good backup was found; keep a copy of this file and ask for help."
        )
        super().__init__(path, f"The database file is damaged ({problems[0]}).{offer}")


@dataclass
class Store:
    db: Database
    path: Path
    lock: WriterLock | None  # None: opened read-only
    holder: Holder | None = None  # who has the file, when it is read-only because of them
    network: bool = False
    recovered: Holder | None = None  # a lock left by a program that ended without closing
    daily_backup: Path | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def read_only(self) -> bool:
        return self.lock is None

    def close(self) -> None:
        try:
            self.db.close()
        finally:
            if self.lock is not None:
                self.lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


NETWORK_WARNING = (
    "This database is on a network share: it is kept in rollback-journal mode, which is safe "
    "but slower, and only one computer should use it at a time. A copy on this computer's "
    "own disk is faster and safer."
)


def open_store(
    path: str | Path,
    program: str,
    *,
    allow_read_only: bool = False,
    backups_dir: str | Path | None = None,
    network: bool | None = None,
    daily: bool = True,
    source: str | None = None,
) -> Store:
    """Open ``path`` for ``program`` ("window", "command line"); see the module notes."""
    path = Path(path)
    exists = path.exists() and path.is_file() and path.stat().st_size > 0
    if exists:
        problems = check_database(path)
        if problems:
            raise DamagedDatabase(str(path), problems, newest_good_backup(path, backups_dir))
    elif path.is_file() and list_backups(path, backups_dir):
        # An empty file that has backups was a database: emptied by a crash, not new.
        raise DamagedDatabase(
            str(path), ["the file is empty"], newest_good_backup(path, backups_dir)
        )
    if not path.exists():
        _make_folder(path)
    try:
        lock: WriterLock | None = WriterLock.acquire(path, program)
    except DatabaseLocked as exc:
        if not allow_read_only or not exists:
            raise
        return _read_only(path, exc.holder, source)
    assert lock is not None
    if network is None:
        network = is_network_path(path)
    try:
        db = open_database(path, backups_dir=backups_dir, network=network)
        store = Store(db, path, lock, network=network, recovered=lock.recovered)
        if source:
            audit.set_audit_context(db, source)
        if network:
            store.warnings.append(NETWORK_WARNING)
        if daily:
            keep = int(get_setting(db, "backups.keep"))
            store.daily_backup = daily_backup(db, path, keep=keep, backups_dir=backups_dir)
    except BaseException:
        lock.release()
        raise
    return store


def _make_folder(path: Path) -> None:
    """The folder a new database goes in, made before its lock file is written there."""
    try:
        ensure_parent(path)
    except OSError as exc:
        raise StoreError(
            str(path.parent),
            f"The folder for the database cannot be created ({exc.strerror or exc}).",
            code="no_folder",
        ) from exc


def _read_only(path: Path, holder: Holder | None, source: str | None) -> Store:
    applied = _inspect_existing(path, MIGRATION_NAMES)  # refuses foreign and newer files
    if [name for name in MIGRATION_NAMES if name not in applied]:
        who = holder.describe() if holder else "another Duban"
        raise StoreError(
            str(path),
            f"This database needs an upgrade, and it is open in {who}. Close it there, "
            "then open it here.",
            code="upgrade_while_open",
        )
    db = connect(path, read_only=True)
    if source:
        audit.set_audit_context(db, source)
    return Store(db, path, None, holder=holder)


def run_daily_backup(
    path: str | Path, keep: int, backups_dir: str | Path | None = None
) -> Path | None:
    """The day's backup through a connection of its own (for a worker thread)."""
    db = connect(path)
    try:
        return daily_backup(db, path, keep=keep, backups_dir=backups_dir)
    finally:
        db.close()


def restore_into(
    path: str | Path,
    backup: Backup | str | Path,
    program: str,
    *,
    backups_dir: str | Path | None = None,
    source: str = "cli",
) -> Restored:
    """Restore ``backup`` over ``path`` — which must not be open anywhere: the writer lock is
    taken for the time of the restore — and write the restore to the audit log of the
    restored file."""
    path = Path(path)
    with WriterLock.acquire(path, program):
        restored = restore_backup(path, backup, backups_dir)
        db = open_database(path, backups_dir=backups_dir)
        try:
            audit.set_audit_context(db, source)
            kept = restored.previous_kept_as
            when = f"{restored.restored_from.made_at:%Y-%m-%d %H:%M}"
            with db.atomic():
                audit.record(
                    db,
                    "database.restore",
                    "database",
                    new=restored.restored_from.path.name,
                    old=kept.name if kept else None,
                    summary=(
                        f"restored from the backup of {when}"
                        + (f"; the file before is kept as {kept.name}" if kept else "")
                    ),
                )
        finally:
            db.close()
    return restored

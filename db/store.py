"""Opening a database for a program (the window or the command line): check, lock, open,
back up.

0. The file is the file, not a name: a symbolic link is followed to it, and a file with
   several names (hard links) is refused (``SeveralNames``) — SQLite keeps the journal beside
   the name a program uses, so two names would mean two journals for one file.
1. A file that exists is checked first (SQLite's ``quick_check``, read-only). A damaged
   file is never opened for writing: :class:`DamagedDatabase` names the problem and the
   newest good backup, and the caller offers to restore it. What is not damage — no
   permission, a failing disk — raises its own ``StoreError``, for which no restore helps.
2. Where the file or its folder cannot be written (a read-only share, a CD, a file marked
   read-only) a sound file is opened read-only when the caller allows it, with the reason in
   ``Store.read_only_reason``; a writing command gets ``ReadOnlyLocation``.
3. The writer lock is taken (``db.writer_lock``). When another Duban holds it the file is
   opened read-only if the caller allows it (the window; the command line's reading
   commands), else :class:`DatabaseLocked` names the holder.
4. The file is opened and upgraded (``open_database``: backup before migrations; WAL, or the
   rollback journal on a network share).
5. On the first open of the day a backup is made and old ones rotated (``backups.keep``). A
   backup that fails (a nearly full disk) is a warning in ``Store.warnings``, never a refusal
   to work; so is a clock that looks wrong.
6. A reading command (``for_reading``) then gives the lock back and reads through a read-only
   connection: an export that takes a minute never keeps a writer out.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from db import audit
from db.backups import (
    Backup,
    Restored,
    check_database,
    clock_looks_wrong,
    daily_backup,
    list_backups,
    newest_good_backup,
    restore_backup,
    sound_backup,
)
from db.connection import _inspect_existing, checkpoint, connect, open_database
from db.errors import (
    ForeignBackup,
    NewerSchemaError,
    NotADubanDatabase,
    Notice,
    ReadOnlyLocation,
    SeveralNames,
    StoreError,
    store_error_for,
)
from db.identity import adopt_identity, database_identity, identity_of_file, start_generation
from db.locations import ensure_parent
from db.migrations import MIGRATION_NAMES
from db.settings import get_setting
from db.storage import folder_writable, is_network_path, only_as_immutable
from db.writer_lock import DatabaseLocked, Holder, WriterLock

HELD, READ_ONLY_FOLDER, READ_ONLY_FILE = "held", "read_only_folder", "read_only_file"
READ_ONLY_SENTENCES = {
    READ_ONLY_FOLDER: "the folder it is in cannot be written (a read-only share, a CD, a "
    "protected folder)",
    READ_ONLY_FILE: "the file itself is marked read-only",
}


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
    warnings: list[Notice] = field(default_factory=list)
    # Why the file is read-only: HELD (another Duban edits it), READ_ONLY_FOLDER,
    # READ_ONLY_FILE; "" when writable, or opened read-only by a reading command.
    read_only_reason: str = ""

    @property
    def read_only(self) -> bool:
        return self.lock is None

    @property
    def read_only_text(self) -> str:
        """Why the file is read-only, in a sentence ("" when there is nothing to say)."""
        if self.read_only_reason == HELD:
            who = self.holder.describe() if self.holder else "another Duban"
            return f"the file is open for editing in {who}"
        sentence = READ_ONLY_SENTENCES.get(self.read_only_reason)
        if sentence is None:
            return ""
        where = self.path.parent if self.read_only_reason == READ_ONLY_FOLDER else self.path
        return f"{sentence}: {where}"

    def close(self) -> None:
        try:
            if self.lock is not None:
                checkpoint(self.db)  # the file alone is current for whoever copies it next
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


def the_file(path: str | Path) -> Path:
    """The file behind ``path``: symbolic links followed; a file with several names
    (hard links) refused."""
    real = Path(os.path.realpath(path))
    try:
        names = real.stat().st_nlink
    except OSError:
        return real
    if real.is_file() and names > 1:
        raise SeveralNames(str(path), names)
    return real


def read_only_reason(path: Path, exists: bool) -> str:
    """READ_ONLY_FOLDER or READ_ONLY_FILE when SQLite could not write there, else ""."""
    if not folder_writable(path.parent):
        return READ_ONLY_FOLDER
    if exists and not os.access(path, os.W_OK):
        return READ_ONLY_FILE
    return ""


def check_file(path: str | Path) -> list[str]:
    """``check_database`` on a database wherever it is (read-only folders included)."""
    path = the_file(path)
    return check_database(path, immutable=_immutable(path, read_only_reason(path, True)))


def _immutable(path: Path, reason: str) -> bool:
    return reason == READ_ONLY_FOLDER and only_as_immutable(path)


def open_store(
    path: str | Path,
    program: str,
    *,
    allow_read_only: bool = False,
    for_reading: bool = False,
    backups_dir: str | Path | None = None,
    network: bool | None = None,
    daily: bool = True,
    source: str | None = None,
    now: dt.datetime | None = None,
) -> Store:
    """Open ``path`` for ``program`` ("window", "command line"); see the module notes.
    ``for_reading``: a command that only reads (implies ``allow_read_only``)."""
    allow_read_only = allow_read_only or for_reading
    path = the_file(path)
    exists = path.is_file() and path.stat().st_size > 0
    reason = read_only_reason(path, exists)
    if exists:
        problems = check_database(path, immutable=_immutable(path, reason))
        if problems:
            raise DamagedDatabase(str(path), problems, newest_good_backup(path, backups_dir))
    elif path.is_file() and list_backups(path, backups_dir):
        # An empty file that has backups was a database: emptied by a crash, not new.
        raise DamagedDatabase(
            str(path), ["the file is empty"], newest_good_backup(path, backups_dir)
        )
    if reason:
        if not (allow_read_only and exists):
            what = "The folder of the database is read-only" if reason == READ_ONLY_FOLDER else ""
            raise ReadOnlyLocation(str(path), what or "The database file is marked read-only")
        return _read_only(path, None, source, reason, backups_dir, now)
    if not path.exists():
        _make_folder(path)
    try:
        lock: WriterLock | None = WriterLock.acquire(path, program)
    except DatabaseLocked as exc:
        if not allow_read_only or not exists:
            raise
        return _read_only(path, exc.holder, source, HELD, backups_dir, now)
    except ReadOnlyLocation:  # the folder refused the lock file although it looked writable
        if not allow_read_only or not exists:
            raise
        return _read_only(path, None, source, READ_ONLY_FOLDER, backups_dir, now)
    assert lock is not None
    if network is None:
        network = is_network_path(path)
    try:
        db = open_database(path, backups_dir=backups_dir, network=network)
        store = Store(db, path, lock, network=network, recovered=lock.recovered)
        if source:
            audit.set_audit_context(db, source)
        if network:
            store.warnings.append(Notice("network", NETWORK_WARNING))
        if daily:
            store.daily_backup = _daily_backup(store, backups_dir, now)
        store.warnings += clock_notices(db, path, backups_dir, now)
    except BaseException as exc:
        lock.release()
        refused = store_error_for(exc, path) if isinstance(exc, (sqlite3.Error, OSError)) else None
        if refused is not None:
            raise refused from exc
        raise
    if for_reading:  # give the lock back at once: reading never keeps a writer out
        store.db.close()
        lock.release()
        store.lock, store.db = None, connect(path, read_only=True)
        if source:
            audit.set_audit_context(store.db, source)
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


def _daily_backup(
    store: Store, backups_dir: str | Path | None, now: dt.datetime | None
) -> Path | None:
    """The day's backup; a failure (a nearly full disk, a folder that refuses it) is a
    warning on the store, never a reason not to work."""
    try:
        keep = int(get_setting(store.db, "backups.keep"))
        return daily_backup(store.db, store.path, keep=keep, backups_dir=backups_dir, now=now)
    except (OSError, sqlite3.Error, StoreError) as exc:
        store.warnings.append(backup_failed_notice(store.path, exc))
        return None


def backup_failed_notice(path: Path, exc: BaseException) -> Notice:
    refused = store_error_for(exc, path)
    why = refused.reason if refused is not None else f"{type(exc).__name__}: {exc}"
    return Notice(
        "backup_failed",
        f"Today's backup of {path} could not be made: {why} The database itself is "
        "unharmed and works as usual; free some disk space so that the next backup succeeds.",
    )


def clock_notices(
    db: Database, path: Path, backups_dir: str | Path | None, now: dt.datetime | None = None
) -> list[Notice]:
    """A warning when the database knows of a moment later than this computer's clock."""
    row = db.execute("SELECT at FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    last_change = None
    if row:
        try:
            last_change = dt.datetime.fromisoformat(row[0])
        except ValueError:
            last_change = None
    latest = clock_looks_wrong(path, backups_dir, last_change=last_change, now=now)
    if latest is None:
        return []
    clock = (now or dt.datetime.now()).strftime("%Y-%m-%d %H:%M")
    return [
        Notice(
            "clock",
            f"This computer's clock says {clock}, but {path.name} was already changed or backed "
            f"up at {latest:%Y-%m-%d %H:%M}: the clock looks wrong (or was when that was "
            "done). Set the date and time in the system settings. Backups are kept and "
            "restored in the order they were made, whatever the clock says.",
        )
    ]


def _read_only(
    path: Path,
    holder: Holder | None,
    source: str | None,
    reason: str,
    backups_dir: str | Path | None,
    now: dt.datetime | None,
) -> Store:
    applied = _inspect_existing(path, MIGRATION_NAMES)  # refuses foreign and newer files
    if [name for name in MIGRATION_NAMES if name not in applied]:
        if reason != HELD:
            raise ReadOnlyLocation(
                str(path),
                "This database needs an upgrade before this version can read it, and "
                f"{READ_ONLY_SENTENCES[reason]}",
            )
        who = holder.describe() if holder else "another Duban"
        raise StoreError(
            str(path),
            f"This database needs an upgrade, and it is open in {who}. Close it there, "
            "then open it here.",
            code="upgrade_while_open",
        )
    db = connect(path, read_only=True, immutable=_immutable(path, reason))
    if source:
        audit.set_audit_context(db, source)
    store = Store(db, path, None, holder=holder, read_only_reason=reason)
    store.warnings += clock_notices(db, path, backups_dir, now)
    return store


def run_daily_backup(
    path: str | Path, keep: int, backups_dir: str | Path | None = None
) -> Path | None:
    """The day's backup through a connection of its own (for a worker thread)."""
    db = connect(path)
    try:
        return daily_backup(db, path, keep=keep, backups_dir=backups_dir)
    finally:
        db.close()


def _check_restorable(path: Path, backup: Backup) -> tuple[str, bytes] | None:
    """Refuse, before anything is touched, a backup that is not a Duban database this
    version reads or that belongs to another database; return the database's identity and
    form secret when the backup is older than identities (the restored file takes them)."""
    try:
        _inspect_existing(backup.path, MIGRATION_NAMES)
    except NotADubanDatabase as exc:
        raise NotADubanDatabase(
            str(backup.path),
            f"{exc.reason.split('. ')[0]}, so it is not a backup of a Duban database. Nothing "
            f"was restored; {path.name} is as it was.",
        ) from exc
    except NewerSchemaError as exc:
        raise NewerSchemaError(
            str(backup.path),
            "This backup was made by a newer version of Duban, which this version cannot "
            f"read. Nothing was restored; {path.name} is as it was.",
        ) from exc
    mine = identity_of_file(path) if path.is_file() else None
    theirs = identity_of_file(backup.path)
    if mine is not None and theirs is not None and mine != theirs:
        raise ForeignBackup(str(backup.path), path.name)
    if theirs is None and mine is not None:
        return mine, _secret_of_file(path)
    return None


def _secret_of_file(path: Path) -> bytes:
    db = connect(path, read_only=True)
    try:
        return database_identity(db).form_secret
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
    restored file. A file that is not a backup of this database is refused first, with the
    database untouched. The restored content starts a new generation (``db.identity``), so
    forms exported from what the restore threw away are recognised."""
    path = the_file(path)
    chosen = sound_backup(backup)
    adopted = _check_restorable(path, chosen)
    with WriterLock.acquire(path, program):
        restored = restore_backup(path, chosen, backups_dir)
        db = open_database(path, backups_dir=backups_dir)
        try:
            audit.set_audit_context(db, source)
            if adopted is not None:
                adopt_identity(db, *adopted)
            start_generation(db, "restored")
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

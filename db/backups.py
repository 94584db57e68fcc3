"""Backups of the database file: made with SQLite's online backup API, rotated, checked,
restored.

Backups live beside the file in ``<stem>.backups/`` (they travel with it), named
``<stem>-YYYYmmdd-HHMMSS-ffffff-<reason>.sqlite3``. One is made on the first open of each
day ("daily") and before anything that changes a lot at once (a schema upgrade, replacing
or removing a plan, carrying over, restoring). After a daily backup only the newest
``backups.keep`` backups are kept.

A backup is written to a temporary name and renamed when complete, so a backup folder never
holds half a backup under a backup's name. Restoring checks the backup first, keeps the
current file as a backup of its own (a plain copy when it is too damaged to be read), writes
the backup's content beside the file and renames it into place.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from sqlite_utils import Database

from db.errors import StoreError
from domain.files import remove_stale_temps, sync_folder

SQLITE_HEADER = b"SQLite format 3\x00"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}-\d{6})-(?P<reason>[\w.-]+)\.sqlite3$")
_STAMP = "%Y%m%d-%H%M%S-%f"
DAILY = "daily"


def _stamp_time(stamp: str) -> dt.datetime:
    """ "20261129-150212-123456" → its datetime (without strptime, slow on first use)."""
    return dt.datetime(
        int(stamp[0:4]), int(stamp[4:6]), int(stamp[6:8]),
        int(stamp[9:11]), int(stamp[11:13]), int(stamp[13:15]), int(stamp[16:22]),
    )  # fmt: skip


@dataclass(frozen=True)
class Backup:
    path: Path
    made_at: dt.datetime
    reason: str  # daily, before-m002_…, before-removing-plan-3, before-restore, damaged …

    @property
    def size(self) -> int:
        return self.path.stat().st_size


def backup_dir_for(path: str | Path, backups_dir: str | Path | None = None) -> Path:
    """Backups live beside the file by default, so they travel with it."""
    if backups_dir is not None:
        return Path(backups_dir)
    path = Path(path)
    return path.with_name(f"{path.stem}.backups")


def database_path(db: Database) -> str:
    """The file behind a connection ("" for an in-memory database)."""
    for _seq, name, file in db.conn.execute("PRAGMA database_list"):
        if name == "main":
            return file or ""
    return ""


def _target(directory: Path, stem: str, reason: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime(_STAMP)
    return directory / f"{stem or 'duban'}-{stamp}-{reason}.sqlite3"


_PARTIAL = re.compile(r"^\..+\.(?:sqlite3|restoring)\.partial(?:-journal)?$")


def _copy_with_backup_api(source: sqlite3.Connection, target: Path) -> Path:
    """``source``'s content into ``target`` through a temporary file and a rename."""
    remove_stale_temps(target.parent, _PARTIAL)  # what an interrupted backup left
    temp = target.with_name(f".{target.name}.partial")
    temp.unlink(missing_ok=True)
    dest = sqlite3.connect(str(temp))
    try:
        source.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")  # a backup is one self-contained file
    finally:
        dest.close()
    with temp.open("rb+") as fh:
        os.fsync(fh.fileno())
    temp.replace(target)
    sync_folder(target.parent)
    return target


def backup_database(db: Database, directory: Path, *, reason: str) -> Path:
    """Copy the live database with SQLite's online backup API (safe while it is open, and
    consistent even while another connection writes)."""
    stem = Path(database_path(db)).stem
    return _copy_with_backup_api(db.conn, _target(directory, stem, reason))


def list_backups(db_path: str | Path, backups_dir: str | Path | None = None) -> list[Backup]:
    """The backups of ``db_path``, newest first."""
    directory = backup_dir_for(db_path, backups_dir)
    stem = Path(db_path).stem
    found = []
    if directory.is_dir():
        for file in directory.iterdir():
            match = _NAME.match(file.name)
            if match and match["stem"] == stem and file.is_file():
                made_at = _stamp_time(match["stamp"])
                found.append(Backup(file, made_at, match["reason"]))
    return sorted(found, key=lambda b: b.made_at, reverse=True)


def prune_backups(
    db_path: str | Path, keep: int, backups_dir: str | Path | None = None
) -> list[Path]:
    """Remove all but the newest ``keep`` backups (at least one is always kept)."""
    removed = []
    for backup in list_backups(db_path, backups_dir)[max(keep, 1) :]:
        backup.path.unlink(missing_ok=True)
        removed.append(backup.path)
    return removed


def daily_backup(
    db: Database,
    db_path: str | Path,
    *,
    keep: int,
    backups_dir: str | Path | None = None,
    today: dt.date | None = None,
) -> Path | None:
    """A backup on the first open of the day (None when there is one from today already),
    then the rotation to ``keep`` backups."""
    today = today or dt.date.today()
    if any(
        b.made_at.date() == today and b.reason == DAILY for b in list_backups(db_path, backups_dir)
    ):
        return None
    made = backup_database(db, backup_dir_for(db_path, backups_dir), reason=DAILY)
    prune_backups(db_path, keep, backups_dir)
    return made


# -- checking ------------------------------------------------------------------------------


def check_database(path: str | Path) -> list[str]:
    """What is wrong with the file (SQLite's ``quick_check``, read-only), [] when it is
    sound. A file that is not SQLite at all is one problem."""
    path = Path(path)
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        return [f"the file cannot be read ({exc.strerror or exc})"]
    if header != SQLITE_HEADER:
        return ["the file is not an SQLite database"]
    try:
        conn = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True)
        try:
            rows = [r[0] for r in conn.execute("PRAGMA quick_check(20)")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def newest_good_backup(db_path: str | Path, backups_dir: str | Path | None = None) -> Backup | None:
    """The newest backup that passes the check."""
    for backup in list_backups(db_path, backups_dir):
        if not check_database(backup.path):
            return backup
    return None


# -- restoring -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Restored:
    restored_from: Backup
    previous_kept_as: Path | None  # the file as it was before, itself a backup now


def _keep_current(db_path: Path, directory: Path) -> Path | None:
    """Keep the current file as a backup before it is replaced: through the backup API when
    SQLite can read it, else as a plain copy of its bytes (with its WAL) marked "damaged"."""
    if not db_path.exists():
        return None
    if not check_database(db_path):
        source = sqlite3.connect(str(db_path))
        try:
            return _copy_with_backup_api(source, _target(directory, db_path.stem, "before-restore"))
        finally:
            source.close()
    target = _target(directory, db_path.stem, "damaged")
    temp = target.with_name(f".{target.name}.partial")
    shutil.copyfile(db_path, temp)
    temp.replace(target)
    wal = Path(f"{db_path}-wal")
    if wal.exists():
        shutil.copyfile(wal, Path(f"{target}-wal"))
    return target


def restore_backup(
    db_path: str | Path, backup: Backup | str | Path, backups_dir: str | Path | None = None
) -> Restored:
    """Put ``backup`` in place of ``db_path``. Every connection to ``db_path`` must be
    closed (the caller holds the writer lock). The current file is kept as a backup first."""
    db_path = Path(db_path)
    if not isinstance(backup, Backup):
        found = Path(backup)
        match = _NAME.match(found.name)
        made_at = (
            _stamp_time(match["stamp"])
            if match
            else dt.datetime.fromtimestamp(found.stat().st_mtime)
        )
        backup = Backup(found, made_at, match["reason"] if match else "file")
    problems = check_database(backup.path)
    if problems:
        raise StoreError(
            str(backup.path),
            f"This backup is damaged too ({problems[0]}); choose an older one.",
        )
    directory = backup_dir_for(db_path, backups_dir)
    kept = _keep_current(db_path, directory)
    temp = db_path.with_name(f".{db_path.name}.restoring")
    temp.unlink(missing_ok=True)
    source = sqlite3.connect(f"file:{quote(str(backup.path.resolve()))}?mode=ro", uri=True)
    try:
        _copy_with_backup_api(source, temp)
    finally:
        source.close()
    # The old file's WAL and shared memory must go with it, or SQLite would replay the old
    # WAL over the restored content.
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    os.replace(temp, db_path)
    sync_folder(db_path.parent)
    return Restored(backup, kept)

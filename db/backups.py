"""Backups of the database file: made with SQLite's online backup API, rotated, checked,
restored.

Backups live beside the file in ``<stem>.backups/`` (they travel with it), named
``<file name>-b<sequence>-YYYYmmdd-HHMMSS-ffffff-<reason>.sqlite3``. One is made on the first
open of each day ("daily") and before anything that changes a lot at once (a schema upgrade,
replacing or removing a plan, carrying over, restoring). After a daily backup only the newest
``backups.keep`` backups are kept.

"Newest" is by the sequence number in the name — one more than the highest in the folder —
never by the time: a PC whose clock was set back (a flat CMOS battery: 2009) or ahead would
otherwise delete each new backup at once, or restore the oldest content as the newest. The
time in the name is for people. A backup belongs to one database: the full file name is in
its name (``a.sqlite3`` and ``a.db`` share a folder), and the database's identity is inside
it (``db.identity``), checked when backups are listed and restored. Backups of the first
format (``<stem>-YYYYmmdd-…``) are still listed, after every numbered one.

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

from db.errors import NoAccess, ReadOnlyLocation, StoreError, store_error_for
from domain.files import remove_stale_temps, sync_folder

SQLITE_HEADER = b"SQLite format 3\x00"
_NAME = re.compile(
    r"^(?P<name>.+)-b(?P<seq>\d{6,})-(?P<stamp>\d{8}-\d{6}-\d{6})-(?P<reason>[\w.-]+)\.sqlite3$"
)
_OLD_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}-\d{6})-(?P<reason>[\w.-]+)\.sqlite3$")
_STAMP = "%Y%m%d-%H%M%S-%f"
DAILY = "daily"
# The clock looks wrong when what the database knows is later than "now" by more than this.
CLOCK_TOLERANCE = dt.timedelta(days=1)


def _stamp_time(stamp: str) -> dt.datetime:
    """ "20261129-150212-123456" → its datetime (without strptime, slow on first use)."""
    return dt.datetime(
        int(stamp[0:4]), int(stamp[4:6]), int(stamp[6:8]),
        int(stamp[9:11]), int(stamp[11:13]), int(stamp[13:15]), int(stamp[16:22]),
    )  # fmt: skip


@dataclass(frozen=True)
class Backup:
    path: Path
    made_at: dt.datetime  # by the clock of the PC that made it: for people, not for order
    reason: str  # daily, before-m002_…, before-removing-plan-3, before-restore, damaged …
    seq: int = 0  # the order backups were made in (0: a backup of the first format)

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


def _parse(file: Path) -> tuple[str, Backup] | None:
    """(the database file name it belongs to — or, first format, its stem —, the backup)."""
    match = _NAME.match(file.name)
    if match:
        made_at = _stamp_time(match["stamp"])
        return match["name"], Backup(file, made_at, match["reason"], int(match["seq"]))
    match = _OLD_NAME.match(file.name)
    if match:
        return match["stem"], Backup(file, _stamp_time(match["stamp"]), match["reason"])
    return None


def _next_seq(directory: Path, db_name: str) -> int:
    """One more than the highest sequence of ``db_name``'s backups in ``directory``."""
    highest = 0
    if directory.is_dir():
        for file in directory.iterdir():
            match = _NAME.match(file.name)
            if match and match["name"] == db_name:
                highest = max(highest, int(match["seq"]))
    return highest + 1


def _target(directory: Path, db_name: str, reason: str, now: dt.datetime | None = None) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    stamp = (now or dt.datetime.now()).strftime(_STAMP)
    seq = _next_seq(directory, db_name or "duban")
    return directory / f"{db_name or 'duban'}-b{seq:06d}-{stamp}-{reason}.sqlite3"


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


def backup_database(
    db: Database, directory: Path, *, reason: str, now: dt.datetime | None = None
) -> Path:
    """Copy the live database with SQLite's online backup API (safe while it is open, and
    consistent even while another connection writes)."""
    name = Path(database_path(db)).name
    return _copy_with_backup_api(db.conn, _target(directory, name, reason, now))


def copy_database(db: Database, target: str | Path) -> Path:
    """A whole, self-contained copy of the live database at ``target`` (a file, or a folder
    to put it in under the database's name), through SQLite's online backup API: consistent
    even while the window saves. Copying the file itself is not: a copy without its ``-wal``
    lacks the latest saves, and one taken during a save can be damaged."""
    source = Path(database_path(db))
    target = Path(target)
    if target.is_dir():
        target = target / source.name
    if target.exists() and target.resolve() == source.resolve():
        raise StoreError(str(target), "This is the database itself; choose another name.")
    target.parent.mkdir(parents=True, exist_ok=True)
    return _copy_with_backup_api(db.conn, target)


def copy_database_file(db_path: str | Path, target: str | Path) -> Path:
    """``copy_database`` through a read-only connection of its own (for a worker thread, and
    for a file that cannot be written: copying is reading)."""
    from db.connection import connect

    db = connect(db_path, read_only=True)
    try:
        return copy_database(db, target)
    finally:
        db.close()


def list_backups(db_path: str | Path, backups_dir: str | Path | None = None) -> list[Backup]:
    """The backups of ``db_path``, newest first (by the order they were made, not by the
    clock). Backups named for another file are left out, and so are those whose identity
    says they were made from another database (when the database's own can be read)."""
    from db.identity import identity_of_file

    directory = backup_dir_for(db_path, backups_dir)
    name, stem = Path(db_path).name, Path(db_path).stem
    found = []
    if directory.is_dir():
        for file in directory.iterdir():
            parsed = _parse(file)
            if parsed is None or not file.is_file():
                continue
            owner, backup = parsed
            if owner == (name if backup.seq else stem):
                found.append(backup)
    mine = identity_of_file(db_path) if Path(db_path).is_file() else None
    if mine is not None:
        found = [b for b in found if identity_of_file(b.path) in (mine, None)]
    return sorted(found, key=lambda b: (b.seq, b.made_at), reverse=True)


def clock_looks_wrong(
    db_path: str | Path,
    backups_dir: str | Path | None = None,
    *,
    last_change: dt.datetime | None = None,
    now: dt.datetime | None = None,
) -> dt.datetime | None:
    """The latest moment the database knows of (a backup's or its last change's time) when
    it lies after ``now`` — the clock is wrong now, or was when that was made — else None."""
    now = (now or dt.datetime.now()).astimezone()
    known = [b.made_at.astimezone() for b in list_backups(db_path, backups_dir)]
    if last_change is not None:
        known.append(last_change.astimezone())
    latest = max(known, default=None)
    return latest if latest is not None and latest > now + CLOCK_TOLERANCE else None


def prune_backups(
    db_path: str | Path, keep: int, backups_dir: str | Path | None = None
) -> list[Path]:
    """Remove all but the newest ``keep`` backups, by the order they were made (at least
    one is always kept)."""
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
    now: dt.datetime | None = None,
) -> Path | None:
    """A backup on the first open of the day (None when the newest daily backup is from
    today already), then the rotation to ``keep`` backups. With a clock set back, "today"
    is the wrong clock's day: one backup a day still, and none deleted at birth."""
    now = now or dt.datetime.now()
    dailies = [b for b in list_backups(db_path, backups_dir) if b.reason == DAILY]
    if dailies and dailies[0].made_at.date() == now.date():
        return None
    made = backup_database(db, backup_dir_for(db_path, backups_dir), reason=DAILY, now=now)
    prune_backups(db_path, keep, backups_dir)
    return made


# -- checking ------------------------------------------------------------------------------


def check_database(path: str | Path, *, immutable: bool = False) -> list[str]:
    """What is wrong with the file (SQLite's ``quick_check``, read-only), [] when it is
    sound. A file that is not SQLite at all is one problem. ``immutable``: read it as a file
    nobody writes (in a read-only folder SQLite cannot make the shared-memory file a WAL
    database needs). What is not damage — no permission, a failing disk, a read-only folder
    — raises the ``StoreError`` that says so: restoring a backup would not help."""
    path = Path(path)
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return ["the file does not exist"]
    except OSError as exc:
        raise store_error_for(exc, path) or NoAccess(str(path), exc.strerror or "") from exc
    if header != SQLITE_HEADER:
        return ["the file is not an SQLite database"]
    mode = "ro&immutable=1" if immutable else "ro"
    try:
        conn = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode={mode}", uri=True)
        try:
            rows = [r[0] for r in conn.execute("PRAGMA quick_check(20)")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        refused = store_error_for(exc, path)
        if isinstance(refused, ReadOnlyLocation):
            raise ReadOnlyLocation(
                str(path),
                "The folder is read-only, and the database's journal (its -wal file) cannot "
                "be used from there",
            ) from exc
        if refused is not None and refused.code != "damaged":
            raise refused from exc
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def backup_problems(path: str | Path) -> list[str]:
    """``check_database`` for a backup: one that cannot even be opened is not a good one."""
    try:
        return check_database(path)
    except StoreError as exc:
        return [exc.reason]


def newest_good_backup(db_path: str | Path, backups_dir: str | Path | None = None) -> Backup | None:
    """The newest backup that passes the check."""
    for backup in list_backups(db_path, backups_dir):
        if not backup_problems(backup.path):
            return backup
    return None


# -- restoring -----------------------------------------------------------------------------


def as_backup(backup: Backup | str | Path) -> Backup:
    """A file given by name as a ``Backup`` (a file not named like one: its time is its
    modification time)."""
    if isinstance(backup, Backup):
        return backup
    found = Path(backup)
    parsed = _parse(found)
    if parsed is not None:
        return parsed[1]
    return Backup(found, dt.datetime.fromtimestamp(found.stat().st_mtime), "file")


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
            return _copy_with_backup_api(source, _target(directory, db_path.name, "before-restore"))
        finally:
            source.close()
    target = _target(directory, db_path.name, "damaged")
    temp = target.with_name(f".{target.name}.partial")
    shutil.copyfile(db_path, temp)
    temp.replace(target)
    wal = Path(f"{db_path}-wal")
    if wal.exists():
        shutil.copyfile(wal, Path(f"{target}-wal"))
    return target


def sound_backup(backup: Backup | str | Path) -> Backup:
    """``backup`` as a ``Backup``, refused when it fails the check."""
    backup = as_backup(backup)
    problems = backup_problems(backup.path)
    if problems:
        raise StoreError(
            str(backup.path),
            f"This backup is damaged too ({problems[0]}); choose an older one.",
        )
    return backup


def restore_backup(
    db_path: str | Path, backup: Backup | str | Path, backups_dir: str | Path | None = None
) -> Restored:
    """Put ``backup`` in place of ``db_path``. Every connection to ``db_path`` must be
    closed (the caller holds the writer lock). The current file is kept as a backup first."""
    db_path = Path(db_path)
    backup = sound_backup(backup)
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

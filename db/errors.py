"""Errors raised by the store. Each names the file and says what to do next."""

from __future__ import annotations

import errno
import os
import sqlite3


class StoreError(Exception):
    """Base class for problems with the database file."""

    code = "store"

    def __init__(self, path: str, reason: str, *, code: str | None = None) -> None:
        self.path = path
        self.reason = reason
        if code is not None:
            # A stable short name for the problem ("lock_unwritable", ...): the window and
            # the command line say it in the clerk's language; ``reason`` is the English.
            self.code = code
        super().__init__(f"{path}: {reason}")


class NotADubanDatabase(StoreError):
    """The file exists but is not a Duban database (another SQLite file, or not SQLite)."""

    code = "not_duban"


class NewerSchemaError(StoreError):
    """The file was written by a newer version of Duban; it is left untouched."""

    code = "newer_schema"


class NotFound(LookupError):
    """A record asked for by id or name does not exist."""


class InvalidValue(ValueError):
    """A value given to a repository function breaks a rule (empty name, duplicate, ...)."""


# -- what the computer refuses: disk full, read-only places, permissions, failing disks -------

COPY_ELSEWHERE = (
    "Copy the database to a folder you can write, such as Documents (window: File → Save a "
    "copy…; command line: backup --to PATH), and open the copy."
)


class ReadOnlyLocation(StoreError):
    """The file, or the folder it is in, cannot be written: nothing can be saved there."""

    code = "read_only"

    def __init__(self, path: str, what: str = "") -> None:
        what = what or "The database file or its folder is read-only"
        super().__init__(path, f"{what}, so nothing can be saved there. {COPY_ELSEWHERE}")


class DiskFull(StoreError):
    """The disk (or the user's quota) has no room left; nothing was saved."""

    code = "disk_full"

    def __init__(self, path: str) -> None:
        super().__init__(
            path,
            "The disk is full, so nothing was saved. Free some space (empty the recycle bin, "
            "move old files to another disk), then do it again.",
        )


class NoAccess(StoreError):
    """This user may not open the file (permissions), or SQLite cannot open it there."""

    code = "no_access"

    def __init__(self, path: str, detail: str = "") -> None:
        detail = f" ({detail})" if detail else ""
        super().__init__(
            path,
            f"The file cannot be opened{detail}: this user has no permission for it, or it "
            "is in use by another program. Ask whoever manages the computer or the share for "
            f"access, or {COPY_ELSEWHERE[0].lower()}{COPY_ELSEWHERE[1:]}",
        )


class DiskError(StoreError):
    """The disk, USB stick or share failed while reading or writing."""

    code = "io_error"

    def __init__(self, path: str) -> None:
        super().__init__(
            path,
            "The disk, USB stick or network share failed while the file was read or written "
            "(a disk I/O error); nothing more was saved. Check that it is still connected, "
            "then run check; keep the database on this computer's own disk if it happens again.",
        )


class DatabaseBusy(StoreError):
    """Another program kept the file busy past the waiting time."""

    code = "busy"

    def __init__(self, path: str) -> None:
        super().__init__(
            path,
            "Another program kept the database busy, so nothing was saved. Wait a moment, "
            "then do it again.",
        )


class DamagedNow(StoreError):
    """SQLite found damage in the middle of work."""

    code = "damaged"

    def __init__(self, path: str, detail: str) -> None:
        super().__init__(
            path,
            f"The database file is damaged ({detail}). Run check, then restore the newest "
            "good backup (window: File → Restore from backup; command line: restore --newest).",
        )


class SeveralNames(StoreError):
    """The file has more than one name (hard links): SQLite keeps its journal beside the name
    a program uses, so two programs using two names would damage it."""

    code = "hard_link"

    def __init__(self, path: str, names: int) -> None:
        super().__init__(
            path,
            f"This database file has {names} names (hard links). Duban keeps the file's "
            "journal beside the name it was opened by, so working through two names would "
            "damage it, and Duban does not open it. Make a real copy (backup --to PATH), "
            "remove the other names, and use the copy.",
        )


class ForeignBackup(StoreError):
    """A backup made from another database."""

    code = "foreign_backup"

    def __init__(self, path: str, database: str) -> None:
        super().__init__(
            path,
            f"This backup belongs to another database, not to {database}; it was not restored "
            "and the database is as it was. To work in that data, open the backup's database "
            "file itself.",
        )


class Notice(str):
    """A warning that does not stop the work (a network share, a failed backup, a wrong
    clock): the English sentence, with a stable ``code`` for its translation."""

    code: str

    def __new__(cls, code: str, text: str) -> Notice:
        notice = super().__new__(cls, text)
        notice.code = code
        return notice


# What SQLite and the operating system raise while working on a file (for callers outside db/
# that must not import sqlite3 themselves): ``store_error_for`` turns them into sentences.
SYSTEM_ERRORS: tuple[type[BaseException], ...] = (sqlite3.Error, OSError)

# SQLite's primary result codes (the low byte of an extended code).
_SQLITE_PERM, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 3, 5, 6, 8
_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN = 10, 11, 13, 14
_SQLITE_AUTH, _SQLITE_NOTADB = 23, 26


def store_error_for(exc: BaseException, path: str | os.PathLike[str]) -> StoreError | None:
    """The clerk's sentence for what SQLite or the operating system refused while working on
    ``path`` (the database, or for an OSError the file it names): disk full, read-only, no
    permission, a failing disk, a busy or damaged file. None for anything else."""
    if isinstance(exc, StoreError):
        return exc
    where = str(path)
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        primary = code & 0xFF if isinstance(code, int) else None
        text = str(exc).lower()
        if primary == _SQLITE_FULL or "disk is full" in text:
            return DiskFull(where)
        if primary == _SQLITE_READONLY or "readonly database" in text:
            return ReadOnlyLocation(where)
        if primary == _SQLITE_IOERR or "disk i/o error" in text:
            return DiskError(where)
        if primary in (_SQLITE_CANTOPEN, _SQLITE_PERM, _SQLITE_AUTH) or "unable to open" in text:
            return NoAccess(where, str(exc))
        if primary in (_SQLITE_BUSY, _SQLITE_LOCKED) or "database is locked" in text:
            return DatabaseBusy(where)
        if primary in (_SQLITE_CORRUPT, _SQLITE_NOTADB) or "malformed" in text:
            return DamagedNow(where, str(exc))
        return None
    if isinstance(exc, OSError):
        where = str(exc.filename or path)
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
            return DiskFull(where)
        if exc.errno == errno.EROFS:
            return ReadOnlyLocation(where, "The disk or share is read-only")
        if exc.errno in (errno.EACCES, errno.EPERM):
            return NoAccess(where, exc.strerror or "")
        if exc.errno == errno.EIO:
            return DiskError(where)
    return None

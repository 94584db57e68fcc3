"""One writer per database file: a lock file beside it, held with the operating system's
file lock for as long as the program writes.

``<file>.lock`` beside the file itself (a symbolic link is followed first) holds who has
the file (host, process, user, since when, which program) as JSON, readable by anyone. The
exclusive lock itself is the OS's (``domain.files.try_lock``: ``flock`` on POSIX,
``msvcrt.locking`` on Windows, on a byte far past the JSON so the JSON stays readable): the
OS drops it when the holder's process ends in any way — closed, crashed, killed — so a lock
left by a dead process is recovered by the next program to open the file, which reads the
old holder for its message. The lock file is emptied, not deleted, on release: deleting it
would let two programs lock two different files of the same name.

A second Duban on a held file opens it read-only (the window) or refuses to write (the
command line), naming the holder.
"""

from __future__ import annotations

import datetime as dt
import errno
import getpass
import json
import os
import socket
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO

from db.errors import DiskFull, ReadOnlyLocation, StoreError
from domain.files import try_lock, unlock


@dataclass(frozen=True)
class Holder:
    host: str
    pid: int
    user: str
    since: str  # ISO time, local
    program: str  # "window" or "command line"

    def describe(self) -> str:
        since = dt.datetime.fromisoformat(self.since).strftime("%Y-%m-%d %H:%M")
        who = f" ({self.user})" if self.user else ""
        return f"Duban {self.program} on {self.host}{who}, process {self.pid}, since {since}"

    @classmethod
    def me(cls, program: str) -> Holder:
        try:
            user = getpass.getuser()
        except Exception:  # no user name in this environment
            user = ""
        since = dt.datetime.now().isoformat(timespec="seconds")
        return cls(socket.gethostname(), os.getpid(), user, since, program)


class DatabaseLocked(StoreError):
    """Another Duban writes to this file."""

    code = "locked"

    def __init__(self, path: str, holder: Holder | None) -> None:
        self.holder = holder
        who = holder.describe() if holder else "another Duban"
        super().__init__(
            path,
            f"This database is open for editing in {who}. Close it there first, or work "
            "read-only here.",
        )


def lock_path_for(db_path: str | Path) -> Path:
    return Path(f"{os.path.realpath(db_path)}.lock")


def _lock_error(db_path: Path, exc: OSError) -> StoreError:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return DiskFull(str(db_path))
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ReadOnlyLocation(str(db_path), "The folder of the database is read-only")
    return StoreError(
        str(lock_path_for(db_path)),
        f"The lock file beside the database cannot be written ({exc}).",
        code="lock_unwritable",
    )


def _read_holder(handle: IO[str]) -> Holder | None:
    handle.seek(0)
    text = handle.read(4096).strip("\0 \n")
    try:
        return Holder(**json.loads(text)) if text else None
    except (ValueError, TypeError):
        return None


def read_holder(db_path: str | Path) -> Holder | None:
    """Who the lock file names (the holder, or the last one if the lock is free)."""
    try:
        with lock_path_for(db_path).open(encoding="utf-8") as handle:
            return _read_holder(handle)
    except OSError:
        return None


class WriterLock:
    """The right to write one database file; ``release()`` (or the process ending) gives
    it back."""

    def __init__(self, db_path: Path, handle: IO[str], holder: Holder, recovered: Holder | None):
        self.db_path = db_path
        self.holder = holder
        # A holder named in the file whose lock was free: it ended without releasing.
        self.recovered = recovered
        self._handle: IO[str] | None = handle

    @classmethod
    def acquire(cls, db_path: str | Path, program: str) -> WriterLock:
        """Take the lock or raise :class:`DatabaseLocked` naming who has it. The lock is the
        file's, not the name's: a symbolic link is followed to the file it names, so a
        second program that came through the link finds the same lock file. A folder that
        cannot be written raises ``ReadOnlyLocation``, a full disk ``DiskFull``."""
        db_path = Path(os.path.realpath(db_path))
        path = lock_path_for(db_path)
        try:
            handle = path.open("a+", encoding="utf-8")
        except OSError as exc:
            raise _lock_error(db_path, exc) from exc
        if not try_lock(handle):
            holder = _read_holder(handle)
            handle.close()
            raise DatabaseLocked(str(db_path), holder)
        previous = _read_holder(handle)
        me = Holder.me(program)
        try:
            handle.seek(0)
            handle.truncate()
            handle.write(json.dumps(asdict(me), ensure_ascii=False))
            handle.flush()
            os.fsync(handle.fileno())
        except OSError as exc:
            unlock(handle)
            handle.close()
            raise _lock_error(db_path, exc) from exc
        recovered = previous if previous and previous.pid != me.pid else None
        return cls(db_path, handle, me, recovered)

    @property
    def held(self) -> bool:
        return self._handle is not None

    def release(self) -> None:
        handle, self._handle = self._handle, None
        if handle is None:
            return
        try:
            handle.seek(0)
            handle.truncate()
            handle.flush()
            unlock(handle)
        finally:
            handle.close()

    def __enter__(self) -> WriterLock:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()

"""One writer per database file: a lock file beside it, held with the operating system's
file lock for as long as the program writes.

``<file>.lock`` holds who has the file (host, process, user, since when, which program) as
JSON, readable by anyone. The exclusive lock itself is the OS's (``flock`` on POSIX,
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
import getpass
import json
import os
import socket
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO

from db.errors import StoreError

_WINDOWS_LOCK_OFFSET = 1 << 30  # lock one byte here; the JSON at the start stays readable


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
    return Path(f"{db_path}.lock")


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


def _try_os_lock(handle: IO[str]) -> bool:
    if sys.platform == "win32":
        import msvcrt

        handle.seek(_WINDOWS_LOCK_OFFSET)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _os_unlock(handle: IO[str]) -> None:
    if sys.platform == "win32":
        import msvcrt

        handle.seek(_WINDOWS_LOCK_OFFSET)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


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
        """Take the lock or raise :class:`DatabaseLocked` naming who has it."""
        db_path = Path(db_path)
        path = lock_path_for(db_path)
        try:
            handle = path.open("a+", encoding="utf-8")
        except OSError as exc:
            raise StoreError(
                str(path),
                f"The lock file beside the database cannot be written ({exc}).",
                code="lock_unwritable",
            ) from exc
        if not _try_os_lock(handle):
            holder = _read_holder(handle)
            handle.close()
            raise DatabaseLocked(str(db_path), holder)
        previous = _read_holder(handle)
        me = Holder.me(program)
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps(asdict(me), ensure_ascii=False))
        handle.flush()
        os.fsync(handle.fileno())
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
            _os_unlock(handle)
        finally:
            handle.close()

    def __enter__(self) -> WriterLock:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()

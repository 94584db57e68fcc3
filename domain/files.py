"""Writing files so that a crash or a power cut never leaves a half file under a real name:
what the exports and the backups share."""

from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path
from typing import IO

# A temporary file this old belongs to no running writer: one killed, crashed or cut off by
# a power failure left it. (A writer's own temporary files live for seconds.)
STALE_TEMP_SECONDS = 600


def remove_stale_temps(
    folder: str | Path, pattern: re.Pattern[str], *, older_than: float = STALE_TEMP_SECONDS
) -> int:
    """Remove files named like ``pattern`` older than ``older_than`` seconds from
    ``folder`` — the temporary files an interrupted writer left. Never raises; returns how
    many were removed."""
    cutoff = time.time() - older_than
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        if not pattern.match(entry.name):
            continue
        try:
            if entry.is_file(follow_symlinks=False) and entry.stat().st_mtime < cutoff:
                os.unlink(entry.path)
                removed += 1
        except OSError:
            pass  # in use, or gone already: the next writer tries again
    return removed


def sync_folder(folder: str | Path) -> None:
    """Make the renames in ``folder`` durable (POSIX; Windows commits a rename itself), so
    a file reported as saved is still there after a power cut."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# On Windows the lock is on one byte far past the start, so the file's own text stays readable.
WINDOWS_LOCK_OFFSET = 1 << 30
# The platform's locking is chosen once, when the program starts: it does not change while
# the program runs.
_WINDOWS_LOCKS = sys.platform == "win32"


def try_lock(handle: IO[str] | IO[bytes]) -> bool:
    """Take the operating system's exclusive lock on an open file without waiting (``flock``
    on POSIX, ``msvcrt.locking`` on Windows). The OS drops it when the process ends in any
    way — closed, crashed, killed — so a lock left by a dead process is free again."""
    if _WINDOWS_LOCKS:
        import msvcrt

        handle.seek(WINDOWS_LOCK_OFFSET)
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


def unlock(handle: IO[str] | IO[bytes]) -> None:
    if _WINDOWS_LOCKS:
        import msvcrt

        handle.seek(WINDOWS_LOCK_OFFSET)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

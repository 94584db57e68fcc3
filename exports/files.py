"""Writing files so that a failed or killed export never leaves half a file under a real
name: one file through a temporary name and a rename, a folder of files all or nothing.

Every writer (a ``_Run``) names its temporary files with its own run id and holds the
operating system's lock on a small ``.duban-export.<run>.run`` file beside them while it
works; the OS drops the lock when the process ends, however it ends. So the next export into
the folder knows at once which temporary files a killed export left — their run's lock is
free — and removes them with the run file, while another export still writing there keeps
its own. Temporary files without a run file (made by an earlier version) go once they are
older than ``STALE_TEMP_SECONDS``.
"""

from __future__ import annotations

import os
import re
import sys
import time
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO

from domain.files import STALE_TEMP_SECONDS, sync_folder, try_lock, unlock
from exports.request import ExportError

Progress = Callable[[int, int], None]

# Temporary names of this module: ``.name.1a2b3c4d.part`` while a file is written,
# ``.name.1a2b3c4d.staged`` while a folder of forms waits for its renames, and
# ``.duban-export.1a2b3c4d.run`` while the run 1a2b3c4d is alive.
TEMP_NAME = re.compile(r"^\..+\.(?P<run>[0-9a-f]{8})\.(?P<kind>part|staged|run)$")
RUN_PREFIX = ".duban-export"
# Windows' path limit for programs on a PC without long paths switched on (the bundled
# program declares itself long-path aware; the PC's setting decides).
WINDOWS_MAX_PATH = 260


class _Run:
    """One writer's claim on its temporary files in a folder (see the module notes)."""

    def __init__(self, folder: Path) -> None:
        self.id = uuid.uuid4().hex[:8]
        self.path = folder / f"{RUN_PREFIX}.{self.id}.run"
        self._handle: IO[bytes] | None = open(self.path, "a+b")  # noqa: SIM115 - held open
        try_lock(self._handle)

    def temp(self, path: Path, kind: str) -> Path:
        return path.with_name(f".{path.stem}.{self.id}.{kind}")

    def end(self) -> None:
        handle, self._handle = self._handle, None
        if handle is None:
            return
        try:
            self.path.unlink(missing_ok=True)
            unlock(handle)
        except OSError:
            pass  # the next export's sweep removes it
        finally:
            handle.close()

    def __enter__(self) -> _Run:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.end()


def _run_is_alive(path: str) -> bool:
    try:
        handle = open(path, "r+b")  # noqa: SIM115 - closed below
    except OSError:
        return True  # cannot tell: leave it
    try:
        if not try_lock(handle):
            return True
        unlock(handle)
        return False
    finally:
        handle.close()


def _explained(error: OSError, path: Path, temp: Path) -> ExportError | None:
    """The clerk's message for a failure to write ``path`` that has a usual cause on
    Windows, or None. Windows refuses to replace a document open in Word or WPS (Linux
    does not), and refuses paths over 260 characters."""
    if isinstance(error, PermissionError):
        return ExportError(
            f"{path}: cannot be written. It is probably open in Word or WPS, or the folder is "
            "read-only: close the document there (or choose another name) and export again."
        )
    longest = max(len(str(path.absolute())), len(str(temp.absolute())))
    if sys.platform == "win32" and longest >= WINDOWS_MAX_PATH:
        return ExportError(
            f"{path}: the path is too long for Windows ({longest} characters, at most "
            f"{WINDOWS_MAX_PATH - 1}). Choose a folder nearer the top of the disk, or a "
            "shorter name."
        )
    return None


def _replace(temp: Path, target: Path) -> None:
    """Rename ``temp`` to ``target``, replacing it; a failure comes with the clerk's
    message where it has a usual cause (see ``_explained``)."""
    try:
        os.replace(temp, target)
    except OSError as exc:
        better = _explained(exc, target, temp)
        if better is None:
            raise
        raise better from exc


def remove_stale_temps(folder: str | Path, *, older_than: float = STALE_TEMP_SECONDS) -> int:
    """Remove the temporary files an interrupted export left in ``folder`` — hidden on
    Linux and macOS but visible in Windows Explorer, beside the documents a clerk sends
    out: at once those of a run that is no longer alive (its lock is free), and those no
    run claims once older than ``older_than``. Never raises; returns how many were removed."""
    try:
        entries = [e for e in os.scandir(folder) if TEMP_NAME.match(e.name)]
    except OSError:
        return 0
    runs = {
        TEMP_NAME.match(e.name)["run"]: e  # type: ignore[index]
        for e in entries
        if e.name.startswith(f"{RUN_PREFIX}.") and e.name.endswith(".run")
    }
    dead = {run for run, entry in runs.items() if not _run_is_alive(entry.path)}
    cutoff = time.time() - older_than
    removed = 0
    for entry in sorted(entries, key=lambda e: e.name.endswith(".run")):  # run files last
        run = TEMP_NAME.match(entry.name)["run"]  # type: ignore[index]
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            orphan = run not in runs and entry.stat().st_mtime < cutoff
            if run in dead or orphan:
                os.unlink(entry.path)
                removed += not entry.name.endswith(".run")
        except OSError:
            pass  # in use, or gone already: the next export tries again
    return removed


def write_atomic(data: bytes, path: str | Path) -> Path:
    """Write to a temporary file beside ``path``, then rename: never a half file there.

    Temporary files that an earlier, interrupted export left in the folder are removed
    first (see ``remove_stale_temps``)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temps(path.parent)
    # A plain new file (not mkstemp's private 0600 one): the result is shared in the office.
    with _Run(path.parent) as run:
        temp = run.temp(path, "part")
        try:
            try:
                with open(temp, "wb") as fh:
                    fh.write(data)
                    fh.flush()
                    os.fsync(fh.fileno())
            except OSError as exc:
                better = _explained(exc, path, temp)
                if better is None:
                    raise
                raise better from exc
            _replace(temp, path)
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
    sync_folder(path.parent)
    return path


def write_folder(
    folder: Path,
    files: Sequence[tuple[str, Callable[[], bytes]]],
    progress: Progress | None = None,
) -> list[Path]:
    """Write ``files`` — (name, a function making its bytes) — into ``folder``, all or nothing.

    Each file is first written (atomically) under a hidden temporary name, and only when
    every one is written are they renamed into place. If anything fails — making a file, the
    disk, or ``progress`` raising to cancel — the files of this run are removed again and the
    exception propagates; files of the same names from an earlier export stay as they were
    (unless the failure hits the final renames, which only replace files in the same folder
    and rarely fail). A run killed on the way leaves its staged files to the next export
    into the folder, which removes them at once.
    """
    folder.mkdir(parents=True, exist_ok=True)
    remove_stale_temps(folder)
    staged: list[tuple[Path, Path]] = []
    placed: list[Path] = []
    with _Run(folder) as run:
        try:
            for number, (name, make) in enumerate(files, 1):
                target = folder / name
                staged.append((write_atomic(make(), run.temp(target, "staged")), target))
                if progress:
                    progress(number, len(files))
            for temp, target in staged:
                _replace(temp, target)
                placed.append(target)
            sync_folder(folder)
        except BaseException:
            for temp, _target in staged:
                temp.unlink(missing_ok=True)
            for target in placed:
                target.unlink(missing_ok=True)
            raise
    return placed

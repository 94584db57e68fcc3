"""Writing files so that a failed or killed export never leaves half a file under a real
name: one file through a temporary name and a rename, a folder of files all or nothing."""

from __future__ import annotations

import os
import re
import sys
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path

from domain.files import STALE_TEMP_SECONDS, sync_folder
from domain.files import remove_stale_temps as remove_stale
from exports.request import ExportError

Progress = Callable[[int, int], None]

# Temporary names of this module: ``.name.1a2b3c4d.part`` while a
# file is written, ``.name.1a2b3c4d.staged`` while a folder of forms waits for its renames.
TEMP_NAME = re.compile(r"^\..+\.[0-9a-f]{8}\.(?:part|staged)$")
# Windows' path limit for programs on a PC without long paths switched on (the bundled
# program declares itself long-path aware; the PC's setting decides).
WINDOWS_MAX_PATH = 260


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
    out. Only names this module makes, and only old ones, so another export still writing
    there keeps its own."""
    return remove_stale(folder, TEMP_NAME, older_than=older_than)


def write_atomic(data: bytes, path: str | Path) -> Path:
    """Write to a temporary file beside ``path``, then rename: never a half file there.

    Temporary files that an earlier, interrupted export left in the folder are removed
    first (see ``remove_stale_temps``)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temps(path.parent)
    # A plain new file (not mkstemp's private 0600 one): the result is shared in the office.
    temp = path.with_name(f".{path.stem}.{uuid.uuid4().hex[:8]}.part")
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
    and rarely fail).
    """
    folder.mkdir(parents=True, exist_ok=True)
    staged: list[tuple[Path, Path]] = []
    placed: list[Path] = []
    try:
        for number, (name, make) in enumerate(files, 1):
            target = folder / name
            temp = folder / f".{target.stem}.{uuid.uuid4().hex[:8]}.staged"
            staged.append((write_atomic(make(), temp), target))
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

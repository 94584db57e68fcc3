"""Where the database file lives: a local disk, or a network share.

SQLite's WAL mode needs shared memory between the programs using the file, which network
file systems do not provide, so a database on a share uses the rollback journal instead
(slower, but safe) and the clerk is told that a local copy is safer and faster.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

NETWORK_FILE_SYSTEMS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb3",
        "smbfs",
        "ncpfs",
        "afs",
        "9p",
        "ceph",
        "glusterfs",
        "lustre",
        "fuse.sshfs",
        "sshfs",
        "fuse.davfs2",
        "davfs",
        "fuse.rclone",
    }
)


def _mount_table() -> str:
    try:
        return Path("/proc/self/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def filesystem_type(path: str | Path, mounts: str | None = None) -> str:
    """The file system type of the mount holding ``path`` (POSIX mount-table format:
    "device mountpoint type options …"); "" when unknown."""
    target = os.path.abspath(path)
    best, kind = "", ""
    for line in (_mount_table() if mounts is None else mounts).splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        point = parts[1].replace("\\040", " ")
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, parts[2]
    return kind


def _windows_drive_is_remote(path: str) -> bool:
    import ctypes

    drive = os.path.splitdrive(os.path.abspath(path))[0]
    if not drive:
        return False
    drive_remote = 4
    return bool(ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == drive_remote)  # type: ignore[attr-defined]


def is_network_path(path: str | Path, mounts: str | None = None) -> bool:
    """True for a file on a network share: a UNC path or mapped network drive on Windows,
    a network file system on POSIX. ``DUBAN_NETWORK_SHARE=1``/``0`` overrides the guess
    (for a share the check cannot recognise)."""
    forced = os.environ.get("DUBAN_NETWORK_SHARE")
    if forced in ("0", "1"):
        return forced == "1"
    text = str(path)
    if text.startswith("\\\\") or (sys.platform == "win32" and text.startswith("//")):
        return True
    if sys.platform == "win32" and mounts is None:
        return _windows_drive_is_remote(text)
    return filesystem_type(text, mounts) in NETWORK_FILE_SYSTEMS


def folder_writable(folder: Path) -> bool:
    """Whether files can be made in ``folder`` (SQLite needs to, beside a database: its
    journal, its shared memory). POSIX says so; Windows says yes to every folder, so there
    a probe file is made and removed."""
    if not folder.is_dir():
        return True  # a new database's folder is made by open_database (or fails there)
    if not os.access(folder, os.W_OK):
        return False
    if os.name != "nt":
        return True
    # Windows says every folder is writable; only trying tells (ACLs, read-only shares).
    probe = folder / f".duban-probe-{os.getpid()}"
    try:
        probe.open("xb").close()
    except FileExistsError:
        return True
    except OSError:
        return False
    probe.unlink(missing_ok=True)
    return True


def _in_wal_mode(path: Path) -> bool:
    """The database header says WAL (bytes 18 and 19, the file format versions, are 2)."""
    try:
        with path.open("rb") as fh:
            header = fh.read(20)
    except OSError:
        return False
    return len(header) == 20 and header[18] == 2


def only_as_immutable(path: Path) -> bool:
    """Whether the database at ``path`` can only be read as a file nobody changes: a WAL
    database in a folder where SQLite cannot make the shared-memory file WAL needs, with no
    journal of a writer beside it. (A rollback-journal database there reads as usual.)"""
    return (
        path.is_file()
        and not folder_writable(path.parent)
        and _in_wal_mode(path)
        and not any(Path(f"{path}{suffix}").exists() for suffix in ("-wal", "-shm", "-journal"))
    )

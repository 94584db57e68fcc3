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

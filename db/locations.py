"""Where Duban keeps its files on this PC: the data folder, the default database, the log.

The data folder is the user's own (``%LOCALAPPDATA%\\Duban`` on Windows,
``~/.local/share/Duban`` on Linux), never the program's folder: an installed program may
not write beside itself. Every folder a default path needs is made before anything is
opened or locked there, so the first start on a new PC works like every later one.
"""

from __future__ import annotations

from pathlib import Path

APP_NAME = "Duban"
DEFAULT_DB_NAME = "duban.sqlite3"


def data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    """The database a clerk uses when none is named: one file in the data folder."""
    return data_dir() / DEFAULT_DB_NAME


def demo_db_path() -> Path:
    return data_dir() / "demo" / "duban-demo.sqlite3"


def log_path() -> Path:
    return data_dir() / "logs" / "duban.log"


def ensure_parent(path: str | Path) -> Path:
    """Make the folder ``path`` lives in (and its parents); returns ``path``.

    Raises ``OSError`` when it cannot be made (a read-only disk, a missing drive): the
    caller turns that into a message for the clerk."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return path

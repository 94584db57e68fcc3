"""Which database the window opens, and what happens when it cannot be opened.

A plain start reopens the file the clerk worked in last (the first of the recent files);
the very first start on a PC makes the default database in the data folder. No start-up
problem ends the program by itself: the clerk is told what is wrong, in the window's
language, and chooses to make a new database, open another file, or restore a backup —
until a file opens or the clerk chooses to quit.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from db.backups import Backup, newest_good_backup
from db.errors import StoreError
from db.locations import DEFAULT_DB_NAME, default_db_path
from db.store import restore_into
from qtapp.context import AppContext
from qtapp.input_errors import translated_reason
from qtapp.prompts import Prompts
from qtapp.ui_settings import UiSettings

# Problems a backup puts right: the file is damaged, or it is gone from a folder that still
# holds its backups. A full disk, a folder without write access or a second name for the
# file are not helped by putting a backup in its place.
RESTORE_HELPS = frozenset({"damaged", "missing_last"})


class StartAction(Enum):
    NEW = "new"
    OPEN = "open"
    RESTORE = "restore"
    QUIT = "quit"


@dataclass(frozen=True)
class StartProblem:
    """A database the window could not open, said for the clerk."""

    path: Path
    code: str
    sentence: str  # in the window's language
    details: str  # the particulars, as the program found them (for "show details")
    backup: Backup | None  # the newest good backup of that file, if there is one


def first_file(explicit: Path | None, settings: UiSettings) -> tuple[Path, StartProblem | None]:
    """The file to open first: the one named, else the last one used, else the default."""
    if explicit is not None:
        return Path(explicit), None
    recent = settings.recent_files()
    if not recent:
        return default_db_path(), None
    last = Path(recent[0])
    if last.is_file():
        return last, None
    details = QCoreApplication.translate("Startup", "Last used: %1").replace("%1", str(last))
    return last, _problem(last, "missing_last", details)


def problem_of(path: Path, exc: BaseException) -> StartProblem:
    if isinstance(exc, StoreError):
        code, details = exc.code, str(exc)
    else:  # an OSError the store did not expect: a disk, a permission
        code, details = "cannot_open", f"{path}: {exc}"
    return _problem(path, code, details)


def _problem(path: Path, code: str, details: str) -> StartProblem:
    sentence = translated_reason(
        code, QCoreApplication.translate("Startup", "The database cannot be opened.")
    )
    backup = None
    if code in RESTORE_HELPS:
        try:
            backup = newest_good_backup(path)
        except (OSError, StoreError):
            backup = None
    return StartProblem(path, code, sentence, details, backup)


def open_window_context(
    explicit: Path | None, prompts: Prompts, settings: UiSettings
) -> AppContext | None:
    """The context the window opens on; None when the clerk chose to quit."""
    path, problem = first_file(explicit, settings)
    while True:
        if problem is None:
            try:
                return AppContext(path, prompts, settings)
            except (StoreError, OSError) as exc:
                problem = problem_of(path, exc)
        chosen = _choose(problem, prompts, settings)
        if chosen is None:
            return None
        path, problem = chosen


def _choose(
    problem: StartProblem, prompts: Prompts, settings: UiSettings
) -> tuple[Path, StartProblem | None] | None:
    """Ask what to do about ``problem``; the next file to try (None: quit)."""
    while True:
        action = prompts.ask_start_choice(problem)
        if action is StartAction.QUIT:
            return None
        if action is StartAction.RESTORE and problem.backup is not None:
            try:
                restore_into(problem.path, problem.backup, "window", source="window")
            except (StoreError, OSError) as exc:
                return problem.path, problem_of(problem.path, exc)
            return problem.path, None
        folder = settings.folder("database")
        filters = QCoreApplication.translate(
            "Startup", "Duban database (*.sqlite3 *.db);;All files (*)"
        )
        if action is StartAction.NEW:
            chosen = prompts.ask_save_path(
                QCoreApplication.translate("Startup", "New database"),
                str(Path(folder) / DEFAULT_DB_NAME),
                filters,
            )
            if chosen and not Path(chosen).suffix:
                chosen += ".sqlite3"
        else:
            chosen = prompts.ask_open_path(
                QCoreApplication.translate("Startup", "Open a database"), folder, filters
            )
        if chosen:
            settings.set_folder("database", chosen)
            return Path(chosen), None

"""The application context handed to every panel: database, undo stack, jobs, prompts.

No globals: the main window creates one context and passes it explicitly. Panels
listen to its signals to stay current after any edit, from any panel.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from sqlite_utils import Database

from db.audit import set_audit_context
from db.connection import open_database
from db.errors import InvalidValue, NotFound, StoreError
from qtapp.jobs import JobRunner
from qtapp.prompts import Prompts
from qtapp.ui_settings import UiSettings


class AppContext(QObject):
    tasks_changed = Signal(list)  # ids whose assignment or text changed
    structure_changed = Signal(int)  # a plan whose tasks were added, removed or reordered
    plans_changed = Signal()  # a plan imported or removed, or another file opened
    directory_changed = Signal()  # departments or leaders changed
    settings_changed = Signal()  # data settings (office name, template, thresholds) changed
    periods_changed = Signal()  # reporting periods added or removed

    def __init__(
        self,
        db_path: str | Path,
        prompts: Prompts,
        ui_settings: UiSettings | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.prompts = prompts
        self.ui_settings = ui_settings or UiSettings()
        self.undo_stack = QUndoStack(self)
        self.jobs = JobRunner(self)
        self.db_path = Path(db_path)
        self.db: Database = self._open(self.db_path)

    @staticmethod
    def _open(path: Path) -> Database:
        db = open_database(path)
        set_audit_context(db, "window")
        return db

    def reopen(self, path: str | Path) -> None:
        """Switch to another database file; the undo history belongs to the old one."""
        db = self._open(Path(path))  # may raise StoreError: the current file stays open
        self.db.close()
        self.db, self.db_path = db, Path(path)
        self.undo_stack.clear()
        self.ui_settings.add_recent_file(path)
        self.plans_changed.emit()
        self.directory_changed.emit()

    def execute(self, command: QUndoCommand) -> bool:
        """Apply a command and put it on the undo stack; a refused edit changes nothing
        and says why."""
        try:
            command.apply()  # type: ignore[attr-defined]
        except (InvalidValue, NotFound, StoreError) as exc:
            self.prompts.show_error(self.tr("Not changed"), str(exc))
            return False
        self.undo_stack.push(command)
        return True

    def close(self) -> None:
        self.jobs.wait()
        self.db.close()

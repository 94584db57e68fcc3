"""The application context handed to every panel: database, undo stack, jobs, prompts.

No globals: the main window creates one context and passes it explicitly. Panels
listen to its signals to stay current after any edit, from any panel.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from sqlite_utils import Database

from db.backups import Backup
from db.connection import checkpoint as checkpoint_wal
from db.errors import SYSTEM_ERRORS, InvalidValue, NotFound, Notice, StoreError, store_error_for
from db.progress import all_period_ids, default_period
from db.settings import get_setting
from db.store import (
    HELD,
    READ_ONLY_FILE,
    READ_ONLY_FOLDER,
    Store,
    backup_failed_notice,
    open_store,
    restore_into,
    run_daily_backup,
)
from db.writer_lock import Holder
from qtapp.drafts import Drafts
from qtapp.i18n import choose_language, tr
from qtapp.input_errors import error_text, holder_text
from qtapp.jobs import JobRunner
from qtapp.prompts import Prompts
from qtapp.ui_settings import UiSettings

CHECKPOINT_AFTER_MS = 1500  # quiet time after the last save of a burst


class AppContext(QObject):
    tasks_changed = Signal(list)  # ids whose assignment or text changed
    structure_changed = Signal(int)  # a plan whose tasks were added, removed or reordered
    plans_changed = Signal()  # a plan imported or removed, or another file opened
    directory_changed = Signal()  # departments or leaders changed
    settings_changed = Signal()  # data settings (office name, template, thresholds) changed
    periods_changed = Signal()  # reporting periods added or removed
    access_changed = Signal()  # the file became read-only or writable (see ``read_only``)
    notices_changed = Signal()  # a warning to show (a failed backup, a wrong clock, a share)
    checkpointed = Signal()  # the saves so far are in the database file itself
    file_changing = Signal()  # another file is about to be opened (keep what is typed)
    edited = Signal(str)  # an edit was made: what the status bar says about it
    period_changed = Signal()  # the current reporting period, or the date lights are judged by

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
        # The window's language (build_window sets the one it installed).
        self.language = choose_language(self.ui_settings.language())
        self.undo_stack = QUndoStack(self)
        self._index = 0
        self._pushing = False
        self.undo_stack.indexChanged.connect(self._index_changed)
        self.jobs = JobRunner(self)
        self.db_path = Path(db_path)
        self.store: Store = self._open(self.db_path)
        self.db: Database = self.store.db
        self.notices: list[Notice] = list(self.store.warnings)
        # After a burst of saves, the WAL is copied into the file itself: a clerk who copies
        # the file (rather than File → Save a copy…) then copies every save.
        self._checkpoint_timer = QTimer(self)
        self._checkpoint_timer.setSingleShot(True)
        self._checkpoint_timer.setInterval(CHECKPOINT_AFTER_MS)
        self._checkpoint_timer.timeout.connect(self.checkpoint)
        for signal in (self.tasks_changed, self.structure_changed, self.plans_changed,
                       self.directory_changed, self.settings_changed, self.periods_changed,
                       self.undo_stack.indexChanged):  # fmt: skip
            signal.connect(self._saved)
        self.drafts = Drafts(self.ui_settings, self.db_path)
        self._periods: dict[int, int | None] = {}  # plan id → the current period
        self.as_of = dt.date.today()  # the date warning lights are judged by
        self.periods_changed.connect(self._periods_updated)
        self._after_open()

    @staticmethod
    def _open(path: Path) -> Store:
        """Check, lock and open ``path``; read-only when another Duban edits it. Raises
        ``DamagedDatabase`` for a damaged file (the caller offers a backup)."""
        return open_store(path, "window", allow_read_only=True, daily=False, source="window")

    def _use(self, store: Store) -> None:
        self.store, self.db, self.db_path = store, store.db, store.path
        self.notices = list(store.warnings)
        self.notices_changed.emit()

    def _after_open(self) -> None:
        """The day's backup, made on the worker thread so the window opens at once. If it
        fails (a nearly full disk) the clerk is told once; the work goes on."""
        if self.store.read_only:
            return
        keep = int(get_setting(self.db, "backups.keep"))
        path = self.db_path

        def failed(exc: BaseException) -> None:
            self.add_notice(backup_failed_notice(path, exc))

        self.jobs.start(lambda _progress: run_daily_backup(path, keep), lambda _made: None,
                        failed, owner=self)  # fmt: skip

    def add_notice(self, notice: Notice) -> None:
        if notice not in self.notices:
            self.notices.append(notice)
            self.notices_changed.emit()

    # -- the file itself current -----------------------------------------------------------

    def _saved(self, *_args: object) -> None:
        if not self.store.read_only:
            self._checkpoint_timer.start()  # restarted by every save of a burst

    def checkpoint(self) -> None:
        """Copy the saves from the WAL into the database file (PASSIVE: never waits)."""
        self._checkpoint_timer.stop()
        if self.store.read_only:
            return
        if checkpoint_wal(self.db):  # else a reader held some back: the next burst copies them
            self.checkpointed.emit()

    # -- the current period and the date lights are judged by -----------------------------

    def current_period(self, plan_id: int) -> int | None:
        """The reporting period chosen anywhere in the window for this plan (at first: the
        one that holds today, or the latest with reports); None: no period, as of today."""
        if plan_id not in self._periods:
            self._periods[plan_id] = default_period(self.db, plan_id)
        return self._periods[plan_id]

    def set_period(self, plan_id: int, period_id: int | None) -> None:
        if self._periods.get(plan_id, -1) != period_id:
            self._periods[plan_id] = period_id
            self.period_changed.emit()

    def _periods_updated(self) -> None:
        """Periods were added or removed: a plan without a period chosen, or whose period
        is gone, gets its default again."""
        existing = all_period_ids(self.db)
        for plan_id, period_id in list(self._periods.items()):
            if period_id is None or period_id not in existing:
                del self._periods[plan_id]
        self.period_changed.emit()

    def set_as_of(self, day: dt.date) -> None:
        if day != self.as_of:
            self.as_of = day
            self.period_changed.emit()

    # -- access ----------------------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        return self.store.read_only

    @property
    def holder(self) -> Holder | None:
        return self.store.holder

    @property
    def read_only_reason(self) -> str:
        return self.store.read_only_reason

    def read_only_text(self) -> str:
        """Why the file is read-only, in the window's language ("" when it is writable)."""
        reason = self.store.read_only_reason
        if reason == READ_ONLY_FOLDER:
            return self.tr(
                "the folder %1 cannot be written (a read-only share, a CD, a protected folder)"
            ).replace("%1", str(self.db_path.parent))
        if reason == READ_ONLY_FILE:
            return self.tr("the file %1 is marked read-only").replace("%1", str(self.db_path))
        if reason == HELD or self.read_only:
            return self.tr("this database is open for editing in %1").replace(
                "%1", self.holder_text()
            )
        return ""

    def holder_text(self) -> str:
        """Who edits the file, in the window's language."""
        return holder_text(self.store.holder)

    def writable(self) -> bool:
        """True when edits may be made; otherwise says why (and changes nothing)."""
        if not self.read_only:
            return True
        if self.read_only_reason in (READ_ONLY_FOLDER, READ_ONLY_FILE):
            text = self.tr(
                "Read-only: %1, so nothing was changed.\n\nTo work in this database, save a "
                "copy (File → Save a copy…) into a folder you can write, such as Documents, "
                "and open the copy."
            ).replace("%1", self.read_only_text())
        else:
            text = self.tr(
                "This database is open for editing in %1, so it is read-only here and "
                "nothing was changed.\n\nClose Duban there, then choose File → Open for "
                "editing."
            ).replace("%1", self.holder_text())
        self.prompts.show_error(self.tr("Read-only"), text)
        return False

    def try_write(self) -> bool:
        """Open the file for editing again (after the other Duban closed it)."""
        if not self.read_only:
            return True
        try:
            store = self._open(self.db_path)
        except StoreError as exc:
            self.prompts.show_error(self.tr("Still read-only"), str(exc))
            return False
        if store.read_only:
            store.close()
            if self.read_only_reason in (READ_ONLY_FOLDER, READ_ONLY_FILE):
                self.writable()  # says why, and what to do instead
            return False
        self.jobs.wait()
        self.store.close()
        self._use(store)
        self._after_open()
        self.access_changed.emit()
        self.plans_changed.emit()
        return True

    def reopen(self, path: str | Path) -> None:
        """Switch to another database file; the undo history belongs to the old one."""
        store = self._open(Path(path))  # may raise StoreError: the current file stays open
        self.file_changing.emit()
        self.jobs.wait()
        self.store.close()
        self._use(store)
        self.drafts.use_file(store.path)
        self._periods.clear()
        self.undo_stack.clear()
        self.ui_settings.add_recent_file(path)
        self._after_open()
        self.access_changed.emit()
        self.plans_changed.emit()
        self.directory_changed.emit()

    def restore(self, backup: Backup) -> Path | None:
        """Put a backup in place of this file (the current one is kept as a backup first);
        returns where the previous file was kept."""
        if not self.writable():
            return None
        path = self.db_path
        self.file_changing.emit()
        self.jobs.wait()
        self.store.close()
        try:
            restored = restore_into(path, backup, "window", source="window")
        finally:
            self._use(self._open(path))  # the restored file, or the old one if that failed
        self.undo_stack.clear()  # the history spoke of the file as it was
        self.access_changed.emit()
        self.plans_changed.emit()
        self.directory_changed.emit()
        self.settings_changed.emit()
        self.periods_changed.emit()
        return restored.previous_kept_as

    def execute(self, command: QUndoCommand) -> bool:
        """Apply a command and put it on the undo stack; a refused edit changes nothing
        and says why."""
        if not self.writable():
            return False
        try:
            command.apply()  # type: ignore[attr-defined]
        except (InvalidValue, NotFound, StoreError) as exc:
            self.prompts.show_error(self.tr("Not changed"), error_text(exc))
            return False
        except SYSTEM_ERRORS as exc:  # the disk is full, the share went away …
            refused = store_error_for(exc, self.db_path)
            if refused is None:
                raise
            self.prompts.show_error(self.tr("Not changed"), error_text(refused))
            return False
        self._pushing = True
        try:
            self.undo_stack.push(command)
        finally:
            self._pushing = False
        message = getattr(command, "done_message", None)
        self.edited.emit(message() if message else command.text())
        return True

    def _index_changed(self, index: int) -> None:
        """Undo and redo say what they did (a new command says so in ``execute``)."""
        before, self._index = self._index, index
        if self._pushing or index == before or self.undo_stack.count() == 0:
            return  # a new command, or the history cleared
        if index < before:
            command = self.undo_stack.command(index)
            self.edited.emit(tr("Undone: %1").replace("%1", command.text() if command else ""))
        else:
            command = self.undo_stack.command(index - 1)
            self.edited.emit(tr("Redone: %1").replace("%1", command.text() if command else ""))

    def close(self) -> None:
        self._checkpoint_timer.stop()
        self.jobs.shutdown()
        self.store.close()  # a writable store copies the WAL into the file on its way out

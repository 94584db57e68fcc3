"""What the File, Export and Progress menus do: files, plans, dialogs, carry-over.

Kept apart from the main window, which only composes panels and wires menus to these
intent-level methods.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMainWindow, QMenu

from db.backups import backup_database, backup_dir_for
from db.errors import InvalidValue, StoreError, store_error_for
from db.plans import delete_plan, get_plan
from db.records import Plan
from domain.version import version
from qtapp.context import AppContext
from qtapp.input_errors import error_text


class WindowFiles(QObject):
    plan_chosen = Signal(int)  # a plan to show (imported, carried into)
    copy_saved = Signal(object)  # the path of a copy File → Save a copy… wrote

    def __init__(
        self, ctx: AppContext, window: QMainWindow, current_plan: Callable[[], Plan | None]
    ) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.current_plan = current_plan

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 10000)

    # -- plans -----------------------------------------------------------------------------

    def import_plan(self) -> None:
        from qtapp.ui.import_dialog import ImportDialog

        if not self.ctx.writable():
            return
        # The file first, as Word's Open does; the dialog then previews it.
        path = self.ctx.prompts.ask_open_path(
            self.tr("Import a work plan"),
            self.ctx.ui_settings.folder("import"),
            self.tr("Work plans and task tables (*.txt *.docx *.pdf *.xlsx);;All files (*)"),
        )
        if not path:
            return
        self.ctx.ui_settings.set_folder("import", path)
        dialog = ImportDialog(self.ctx, path, self.window)
        if dialog.exec() and getattr(dialog, "imported_plan_id", None):
            self.plan_chosen.emit(dialog.imported_plan_id)

    def remove_plan(self) -> None:
        plan = self.current_plan()
        if plan is None or not self.ctx.writable():
            return
        if not self.ctx.prompts.confirm(
            self.tr("Remove plan"),
            self.tr(
                "Remove “%1” with all its tasks, assignments and progress?\n\nThe database "
                "is backed up first; the plan can be brought back from that backup."
            ).replace("%1", plan.title),
            destructive=True,
        ):
            return
        backup = backup_database(
            self.ctx.db, backup_dir_for(self.ctx.db_path), reason=f"before-removing-plan-{plan.id}"
        )
        delete_plan(self.ctx.db, plan.id)
        self.ctx.undo_stack.clear()  # the history spoke of tasks that are gone
        self.ctx.plans_changed.emit()
        self._status(self.tr("Plan removed. Backup: %1").replace("%1", str(backup)))

    def simplify_plan(self) -> None:
        """Convert the plan on show to Simplified characters, as one undoable step."""
        from db.plan_script import original_texts, pending_changes
        from qtapp.commands import SimplifyCommand

        plan = self.current_plan()
        if plan is None or not self.ctx.writable():
            return
        if not pending_changes(self.ctx.db, plan.id):
            self._status(self.tr("The plan is already in Simplified characters."))
            return
        command = SimplifyCommand(self.ctx, plan.id, self.tr("Convert to Simplified characters"))
        if not self.ctx.execute(command):
            return
        kept = len(original_texts(self.ctx.db, plan.id))
        self._status(
            self.tr(
                "Converted to Simplified characters; the original text is kept (%1 texts)."
            ).replace("%1", str(kept))
        )

    def carry_over(self) -> None:
        """Copy the plan's unfinished tasks into next year's plan (made if not imported)."""
        from db.carry_over import carry_into_next_year, next_year_plan

        plan = self.current_plan()
        if plan is None or not self.ctx.writable():
            return
        target = next_year_plan(self.ctx.db, plan.id)
        if plan.year is None and target is None:
            self.ctx.prompts.show_error(
                self.tr("Not carried over"),
                self.tr(
                    "The plan has no year, so next year's plan is "
                    "unknown. Use the command line with --to."
                ),
            )
            return
        where = (
            get_plan(self.ctx.db, target).title
            if target is not None
            else self.tr("a new plan “%1年结转任务”").replace("%1", str((plan.year or 0) + 1))
        )
        if not self.ctx.prompts.confirm(
            self.tr("Carry over unfinished tasks"),
            self.tr(
                "Copy the tasks of “%1” that are not completed, with their departments, "
                "leader and deadline, into %2?\n\nThe database is backed up first."
            )
            .replace("%1", plan.title)
            .replace("%2", where),
        ):
            return
        try:
            result = carry_into_next_year(self.ctx.db, plan.id, target)
        except InvalidValue as exc:
            self.ctx.prompts.show_error(self.tr("Not carried over"), str(exc))
            return
        self.ctx.plans_changed.emit()
        self.plan_chosen.emit(result.target_plan_id)
        self._status(
            self.tr("%1 task(s) carried over; %2 were carried before.")
            .replace("%1", str(result.carried))
            .replace("%2", str(result.already_carried))
        )

    # -- dialogs ---------------------------------------------------------------------------

    def open_directory(self) -> None:
        from qtapp.ui.directory_dialog import DirectoryDialog

        DirectoryDialog(self.ctx, self.window).exec()

    def open_export(self, kind: str = "decomposition") -> None:
        from qtapp.ui.export_dialog import ExportDialog

        plan = self.current_plan()
        dialog = ExportDialog(self.ctx, kind, plan.id if plan else None, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exec()

    def open_settings(self) -> None:
        from qtapp.ui.settings_dialog import SettingsDialog

        SettingsDialog(self.ctx, self.window).exec()

    def open_periods(self) -> None:
        from qtapp.ui.periods_dialog import PeriodsDialog

        plan = self.current_plan()
        if plan is not None:
            dialog = PeriodsDialog(self.ctx, plan.id, self.window)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.exec()

    def open_readback(self) -> None:
        from qtapp.ui.readback_dialog import ReadbackDialog

        plan = self.current_plan()
        if plan is not None:
            dialog = ReadbackDialog(self.ctx, plan.id, self.window)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.exec()

    def open_restore(self) -> None:
        from qtapp.ui.restore_dialog import RestoreDialog

        if not self.ctx.writable():
            return
        dialog = RestoreDialog(self.ctx, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exec()

    # -- database files --------------------------------------------------------------------

    def save_copy(self) -> None:
        """A whole copy of the open database where the clerk says (a USB stick, a share),
        made with SQLite's backup API on the worker thread: safe while the window works, and
        the way to take the data along — copying the file itself may miss the latest saves
        or catch one half-written. Works on a read-only file too (copying is reading)."""
        from db.backups import copy_database_file

        word = self.tr("copy")
        name = f"{self.ctx.db_path.stem}-{word}-{dt.date.today():%Y%m%d}.sqlite3"
        folder = Path(self.ctx.ui_settings.folder("database") or self.ctx.db_path.parent)
        path = self.ctx.prompts.ask_save_path(
            self.tr("Save a copy of the database"), str(folder / name), self.db_filter()
        )
        if not path:
            return
        target = Path(path if Path(path).suffix else f"{path}.sqlite3")
        source = self.ctx.db_path

        def done(written: Path) -> None:
            self._status(
                self.tr("A copy of the database was saved: %1").replace("%1", str(written))
            )
            self.copy_saved.emit(written)

        def failed(exc: BaseException) -> None:
            refused = store_error_for(exc, target)
            self.ctx.prompts.show_error(
                self.tr("No copy was saved"),
                error_text(refused) if refused is not None else str(exc),
            )

        self.ctx.jobs.start(
            lambda _progress: copy_database_file(source, target),
            done,
            failed,
            title=self.tr("Saving a copy…"),
            parent=self.window,
        )

    def open_database(self) -> None:
        path = self.ctx.prompts.ask_open_path(
            self.tr("Open a database"), self.ctx.ui_settings.folder("database"), self.db_filter()
        )
        if path:
            self.switch_to(path)

    def new_database(self) -> None:
        path = self.ctx.prompts.ask_save_path(
            self.tr("New database"), self.ctx.ui_settings.folder("database"), self.db_filter()
        )
        if path:
            if not Path(path).suffix:
                path += ".sqlite3"
            self.switch_to(path)

    def open_demo(self) -> None:
        """A fresh copy of the sample plan and departments, in its own file (the clerk's
        database is not touched), to try things out."""
        from cli.demo import prepare_demo

        self.switch_to(str(prepare_demo(None)))

    def db_filter(self) -> str:
        return self.tr("Duban database (*.sqlite3 *.db);;All files (*)")

    def switch_to(self, path: str) -> None:
        try:
            self.ctx.reopen(path)
        except StoreError as exc:
            self.ctx.prompts.show_error(self.tr("Cannot open the database"), str(exc))
            return
        self.ctx.ui_settings.set_folder("database", path)

    def fill_recent(self, menu: QMenu) -> None:
        menu.clear()
        for path in self.ctx.ui_settings.recent_files():
            action = menu.addAction(path)
            action.triggered.connect(lambda _checked=False, p=path: self.switch_to(p))
        if menu.isEmpty():
            menu.addAction(self.tr("(none yet)")).setEnabled(False)

    # -- language, about -------------------------------------------------------------------

    def set_language(self, code: str, menu: QMenu) -> None:
        self.ctx.ui_settings.set_language(code)
        for action in menu.actions():
            action.setChecked(action.objectName() == f"language_{code}")
        self.ctx.prompts.show_info(
            self.tr("Language"), self.tr("The new language is used from the next start.")
        )

    def about(self) -> None:
        self.ctx.prompts.show_info(
            self.tr("About Duban"),
            self.tr(
                "Duban 督办 — from the annual work plan to assigned tasks, progress and reports.\n"
                "Version: %2\nDatabase: %1"
            )
            .replace("%1", str(self.ctx.db_path))
            .replace("%2", version()),
        )

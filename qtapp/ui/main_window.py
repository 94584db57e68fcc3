"""The main window: composes the outline, the task table and the detail panel, and
wires menus, shortcuts and panel signals to the task actions."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QInputDialog, QLabel, QMainWindow, QMenu, QSplitter, QWidget

from db.connection import backup_database, backup_dir_for
from db.errors import StoreError
from db.plans import delete_plan
from qtapp.context import AppContext
from qtapp.i18n import CHINESE, ENGLISH
from qtapp.task_actions import TaskActions
from qtapp.ui.detail_panel import DetailPanel
from qtapp.ui.outline_panel import OutlinePanel
from qtapp.ui.task_panel import TaskPanel


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("mainWindow")
        self.actions_ = TaskActions(ctx, self)
        self.outline = OutlinePanel(ctx, self)
        self.tasks = TaskPanel(ctx, self)
        self.detail = DetailPanel(ctx, self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        for widget in (self.outline, self.tasks, self.detail):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([250, 850, 340])
        self.setCentralWidget(self.splitter)
        self.status = QLabel(self)
        self.statusBar().addPermanentWidget(self.status)
        self._build_menus()

        self.outline.scope_changed.connect(self._scope_changed)
        self.tasks.selection_changed.connect(self._selection_changed)
        self.tasks.text_edit_requested.connect(self._edit_text)
        self.detail.assign_requested.connect(self.actions_.assign)
        self.detail.suggestions_requested.connect(self._take_suggestions)
        self.detail.text_save_requested.connect(self._edit_text)
        self.detail.progress_save_requested.connect(self._record_progress)
        self.detail.split_requested.connect(self._split)
        self.detail.merge_requested.connect(lambda _id: self._merge())
        ctx.plans_changed.connect(self._update_title)
        self._restore_layout()
        self._update_title()
        self.outline.reload()

    # -- menus -----------------------------------------------------------------------------

    def _action(
        self,
        name: str,
        text: str,
        slot: object,
        shortcut: str | QKeySequence | None = None,
        menu: QMenu | None = None,
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        if menu is not None:
            menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu(self.tr("&File"))
        self._action(
            "newDatabaseAction",
            self.tr("&New database…"),
            self.new_database,
            QKeySequence.StandardKey.New,
            file,
        )
        self._action(
            "openAction",
            self.tr("&Open database…"),
            self.open_database,
            QKeySequence.StandardKey.Open,
            file,
        )
        self.recent_menu = file.addMenu(self.tr("Open &recent"))
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file.addSeparator()
        self._action("importAction", self.tr("&Import a plan…"), self.import_plan, "Ctrl+I", file)
        self._action(
            "removePlanAction", self.tr("&Remove this plan…"), self.remove_plan, None, file
        )
        file.addSeparator()
        self._action(
            "quitAction", self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit, file
        )

        edit = bar.addMenu(self.tr("&Edit"))
        undo = self.ctx.undo_stack.createUndoAction(self, self.tr("Undo"))
        undo.setObjectName("undoAction")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.ctx.undo_stack.createRedoAction(self, self.tr("Redo"))
        redo.setObjectName("redoAction")
        redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        edit.addActions([undo, redo])
        edit.addSeparator()
        self._action("editTaskAction", self.tr("&Edit task text"), self._edit_in_table, "F2", edit)
        self._action(
            "splitAction", self.tr("&Split task at cursor"), self._split_at_cursor, "Ctrl+K", edit
        )
        self._action("mergeAction", self.tr("&Merge with next task"), self._merge, "Ctrl+M", edit)
        self._action(
            "addTaskAction",
            self.tr("&Add a task after this one…"),
            self._add_task,
            "Ctrl+Shift+N",
            edit,
        )
        self._action(
            "deleteTaskAction",
            self.tr("&Delete tasks"),
            self._delete,
            QKeySequence.StandardKey.Delete,
            edit,
        )
        self._action(
            "moveUpAction", self.tr("Move task &up"), lambda: self._move(-1), "Ctrl+Shift+Up", edit
        )
        self._action(
            "moveDownAction",
            self.tr("Move task do&wn"),
            lambda: self._move(1),
            "Ctrl+Shift+Down",
            edit,
        )
        edit.addSeparator()
        self._action(
            "findAction",
            self.tr("&Find tasks"),
            self._focus_filter,
            QKeySequence.StandardKey.Find,
            edit,
        )

        assign = bar.addMenu(self.tr("&Assign"))
        self._action("assignAction", self.tr("&Assign…"), self._focus_assign, "Ctrl+L", assign)
        self._action(
            "takeSuggestionAction",
            self.tr("&Take suggestions"),
            self.detail.take_suggestions,
            "Alt+S",
            assign,
        )
        self._action(
            "acceptAllSuggestionsAction",
            self.tr("Accept &all suggestions in this item or section"),
            self._accept_all_suggestions,
            "Ctrl+Shift+A",
            assign,
        )
        assign.addSeparator()
        self._action(
            "directoryAction",
            self.tr("&Departments and leaders…"),
            self.open_directory,
            "Ctrl+D",
            assign,
        )

        export = bar.addMenu(self.tr("E&xport"))
        for name, text, kind, keys in (
            (
                "exportDecompositionAction",
                self.tr("Task &decomposition table…"),
                "decomposition",
                "Ctrl+E",
            ),
            ("exportReportAction", self.tr("&Progress report…"), "report", None),
            ("exportFeedbackAction", self.tr("&Feedback forms…"), "feedback-forms", None),
            ("exportRemindersAction", self.tr("&Reminder notices…"), "reminders", None),
        ):
            self._action(name, text, lambda _c=False, k=kind: self.open_export(k), keys, export)
        export.addSeparator()
        self._action(
            "settingsAction", self.tr("Office &settings…"), self.open_settings, None, export
        )

        view = bar.addMenu(self.tr("&View"))
        language = view.addMenu(self.tr("&Language"))
        language.setObjectName("languageMenu")
        for code, name in (
            ("auto", self.tr("Automatic")),
            (CHINESE, "简体中文"),
            (ENGLISH, "English"),
        ):
            action = language.addAction(name)
            action.setCheckable(True)
            action.setChecked(self.ctx.ui_settings.language() == code)
            action.setObjectName(f"language_{code}")
            action.triggered.connect(lambda _checked=False, c=code: self._set_language(c))
        help_menu = bar.addMenu(self.tr("&Help"))
        self._action("aboutAction", self.tr("&About Duban"), self._about, None, help_menu)

    # -- scope and selection ---------------------------------------------------------------

    def _scope_changed(self, plan_id: int, node_ids: object, name: str) -> None:
        self.tasks.show_scope(plan_id, node_ids, name)  # type: ignore[arg-type]
        self._update_title()

    def _selection_changed(self) -> None:
        selected = self.tasks.selected_rows()
        targets = selected or self.tasks.visible_rows()
        plan = self.outline.current_plan()
        self.detail.show_selection(selected, targets, self.tasks.scope_name, plan)
        shown, total = self.tasks.proxy.rowCount(), self.tasks.model.rowCount()
        self.status.setText(
            self.tr("%1 of %2 tasks · %3")
            .replace("%1", str(shown))
            .replace("%2", str(total))
            .replace("%3", str(self.ctx.db_path))
        )

    def _single(self) -> object:
        rows = self.tasks.selected_rows()
        if len(rows) != 1:
            self.statusBar().showMessage(self.tr("Select one task first."), 4000)
            return None
        return rows[0]

    # -- task edits ------------------------------------------------------------------------

    def _edit_text(self, task_id: int, text: str) -> None:
        task = next((r for r in self.tasks.model.records() if r.id == task_id), None)
        if task is not None:
            self.actions_.edit_text(task, text)

    def _record_progress(self, task_id: int, period_id: int, values: dict) -> None:
        task = next((r for r in self.tasks.model.records() if r.id == task_id), None)
        if task is not None:
            self.actions_.record_progress(task, period_id, values)

    def _edit_in_table(self) -> None:
        index = self.tasks.table.currentIndex()
        if index.isValid():
            self.tasks.table.edit(index.siblingAtColumn(1))

    def _split(self, task_id: int, at: int) -> None:
        task = next((r for r in self.tasks.model.records() if r.id == task_id), None)
        if task is not None and self.actions_.split(task, at):
            self.tasks.reload(select=[task_id])

    def _split_at_cursor(self) -> None:
        task = self._single()
        if task is not None:
            self._split(task.id, self.detail.text.textCursor().position())  # type: ignore[attr-defined]

    def _merge(self) -> None:
        task = self._single()
        if task is not None:
            self.actions_.merge_with_next(task)  # type: ignore[arg-type]

    def _add_task(self) -> None:
        task = self._single()
        if task is None:
            return
        text, ok = QInputDialog.getMultiLineText(
            self, self.tr("Add a task"), self.tr("Text of the new task:")
        )
        if ok and text.strip():
            self.actions_.add_after(task, text)  # type: ignore[arg-type]

    def _delete(self) -> None:
        if self.tasks.table.state() == self.tasks.table.State.EditingState:
            return
        self.actions_.delete(self.tasks.selected_rows())

    def _move(self, offset: int) -> None:
        task = self._single()
        if task is not None and self.actions_.move(task, offset):  # type: ignore[arg-type]
            self.tasks.reload(select=[task.id])  # type: ignore[attr-defined]

    def _take_suggestions(self, task_ids: list[int]) -> None:
        self.actions_.take_suggestions(self.detail.suggestion_operations(task_ids))

    def _accept_all_suggestions(self) -> None:
        """Every suggestion in the item or section chosen in the tree (or shown), one step."""
        ids = [r.id for r in self.tasks.visible_rows()]
        self.actions_.take_suggestions(self.detail.suggestion_operations(ids))

    def _focus_filter(self) -> None:
        self.tasks.filter_bar.text.setFocus()
        self.tasks.filter_bar.text.selectAll()

    def _focus_assign(self) -> None:
        self.detail.editor.lead.setFocus()
        self.detail.editor.lead.lineEdit().selectAll()

    # -- files -----------------------------------------------------------------------------

    def import_plan(self) -> None:
        from qtapp.ui.import_dialog import ImportDialog

        dialog = ImportDialog(self.ctx, None, self)
        if dialog.exec() and getattr(dialog, "imported_plan_id", None):
            self.outline.select_plan(dialog.imported_plan_id)

    def open_directory(self) -> None:
        from qtapp.ui.directory_dialog import DirectoryDialog

        DirectoryDialog(self.ctx, self).exec()

    def open_export(self, kind: str = "decomposition") -> None:
        from qtapp.ui.export_dialog import ExportDialog

        plan = self.outline.current_plan()
        dialog = ExportDialog(self.ctx, kind, plan.id if plan else None, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exec()

    def open_settings(self) -> None:
        from qtapp.ui.settings_dialog import SettingsDialog

        SettingsDialog(self.ctx, self).exec()

    def remove_plan(self) -> None:
        plan = self.outline.current_plan()
        if plan is None:
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
        self.statusBar().showMessage(
            self.tr("Plan removed. Backup: %1").replace("%1", str(backup)), 10000
        )

    def open_database(self) -> None:
        path = self.ctx.prompts.ask_open_path(
            self.tr("Open a database"), self.ctx.ui_settings.folder("database"), self._db_filter()
        )
        if path:
            self._switch_to(path)

    def new_database(self) -> None:
        path = self.ctx.prompts.ask_save_path(
            self.tr("New database"), self.ctx.ui_settings.folder("database"), self._db_filter()
        )
        if path:
            if not Path(path).suffix:
                path += ".sqlite3"
            self._switch_to(path)

    def _db_filter(self) -> str:
        return self.tr("Duban database (*.sqlite3 *.db);;All files (*)")

    def _switch_to(self, path: str) -> None:
        try:
            self.ctx.reopen(path)
        except StoreError as exc:
            self.ctx.prompts.show_error(self.tr("Cannot open the database"), str(exc))
            return
        self.ctx.ui_settings.set_folder("database", path)
        self._update_title()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.ctx.ui_settings.recent_files():
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _checked=False, p=path: self._switch_to(p))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("(none yet)")).setEnabled(False)

    def _update_title(self) -> None:
        plan = self.outline.current_plan()
        title = self.tr("Duban") + " — " + self.ctx.db_path.name
        if plan is not None:
            title = f"{plan.title} — {title}"
        self.setWindowTitle(title)

    def _set_language(self, code: str) -> None:
        self.ctx.ui_settings.set_language(code)
        for action in self.findChild(QMenu, "languageMenu").actions():
            action.setChecked(action.objectName() == f"language_{code}")
        self.ctx.prompts.show_info(
            self.tr("Language"), self.tr("The new language is used from the next start.")
        )

    def _about(self) -> None:
        self.ctx.prompts.show_info(
            self.tr("About Duban"),
            self.tr(
                "Duban 督办 — from the annual work plan to assigned tasks, progress and reports.\n"
                "Database: %1"
            ).replace("%1", str(self.ctx.db_path)),
        )

    # -- layout memory ---------------------------------------------------------------------

    def _restore_layout(self) -> None:
        settings = self.ctx.ui_settings
        if geometry := settings.blob("geometry"):
            self.restoreGeometry(geometry)
        else:
            self.resize(1440, 860)
        if splitter := settings.blob("mainSplitter"):
            self.splitter.restoreState(splitter)
        if header := settings.blob("taskHeader"):
            self.tasks.table.horizontalHeader().restoreState(header)

    def closeEvent(self, event: QCloseEvent) -> None:
        settings = self.ctx.ui_settings
        settings.set_blob("geometry", self.saveGeometry())
        settings.set_blob("mainSplitter", self.splitter.saveState())
        settings.set_blob("taskHeader", self.tasks.table.horizontalHeader().saveState())
        settings.sync()
        super().closeEvent(event)

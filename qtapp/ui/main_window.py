"""The main window: composes the outline, the task table and the detail panel, and
wires menus, shortcuts and panel signals to the task actions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from qtapp.context import AppContext
from qtapp.i18n import CHINESE, ENGLISH
from qtapp.task_actions import TaskActions
from qtapp.ui.access_banner import AccessBanner
from qtapp.ui.detail_panel import DetailPanel
from qtapp.ui.outline_panel import OutlinePanel
from qtapp.ui.task_panel import TaskPanel
from qtapp.ui.window_files import WindowFiles

if TYPE_CHECKING:
    from qtapp.ui.dashboard_panel import DashboardPanel

DASHBOARD_TAB = 1


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("mainWindow")
        self.actions_ = TaskActions(ctx, self)
        self.files = WindowFiles(ctx, self, lambda: self.outline.current_plan())
        self.outline = OutlinePanel(ctx, self)
        self.tasks = TaskPanel(ctx, self)
        self.detail = DetailPanel(ctx, self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.center = QTabWidget(self)
        self.center.setObjectName("centerTabs")
        self.center.setDocumentMode(True)
        self.center.addTab(self.tasks, self.tr("Tasks"))
        # The dashboard is made when first shown: the window opens faster without it.
        self._dashboard: DashboardPanel | None = None
        self.center.addTab(QWidget(self), self.tr("Dashboard"))
        self.center.currentChanged.connect(self._tab_changed)
        for widget in (self.outline, self.center, self.detail):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([250, 850, 340])
        self.banner = AccessBanner(ctx, self)
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
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
        ctx.access_changed.connect(self._update_title)
        ctx.periods_changed.connect(self._selection_changed)
        self.files.plan_chosen.connect(self.outline.select_plan)
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
            self.files.new_database,
            QKeySequence.StandardKey.New,
            file,
        )
        self._action(
            "openAction",
            self.tr("&Open database…"),
            self.files.open_database,
            QKeySequence.StandardKey.Open,
            file,
        )
        self.recent_menu = file.addMenu(self.tr("Open &recent"))
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(lambda: self.files.fill_recent(self.recent_menu))
        self.edit_again = self._action(
            "openForEditingAction",
            self.tr("Open for &editing"),
            lambda _checked=False: self.ctx.try_write(),
            None,
            file,
        )
        self._action(
            "restoreAction",
            self.tr("Restore from &backup…"),
            self.files.open_restore,
            None,
            file,
        )
        file.addSeparator()
        self._action(
            "importAction", self.tr("&Import a plan…"), self.files.import_plan, "Ctrl+I", file
        )
        self._action(
            "simplifyPlanAction",
            self.tr("Convert plan to &Simplified characters"),
            self.files.simplify_plan,
            None,
            file,
        )
        self._action(
            "removePlanAction", self.tr("&Remove this plan…"), self.files.remove_plan, None, file
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
            self.files.open_directory,
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
            self._action(
                name, text, lambda _c=False, k=kind: self.files.open_export(k), keys, export
            )
        export.addSeparator()
        self._action(
            "settingsAction", self.tr("Office &settings…"), self.files.open_settings, None, export
        )

        progress = bar.addMenu(self.tr("&Progress"))
        self._action(
            "periodsAction", self.tr("Reporting &periods…"), self.files.open_periods, None, progress
        )
        self._action(
            "readbackAction",
            self.tr("&Read back feedback forms…"),
            self.files.open_readback,
            "Ctrl+R",
            progress,
        )
        self._action(
            "dashboardAction", self.tr("&Dashboard"), self.show_dashboard, "Ctrl+2", progress
        )
        self._action("tasksViewAction", self.tr("&Tasks"), self.show_task_table, "Ctrl+1", progress)
        progress.addSeparator()
        self._action(
            "carryOverAction",
            self.tr("&Carry over unfinished tasks…"),
            self.files.carry_over,
            None,
            progress,
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
            action.triggered.connect(
                lambda _checked=False, c=code: self.files.set_language(c, language)
            )
        help_menu = bar.addMenu(self.tr("&Help"))
        self._action("aboutAction", self.tr("&About Duban"), self.files.about, None, help_menu)

    # -- scope and selection ---------------------------------------------------------------

    def _scope_changed(self, plan_id: int, node_ids: object, name: str) -> None:
        self.tasks.show_scope(plan_id, node_ids, name)  # type: ignore[arg-type]
        if self._dashboard is not None:
            self._dashboard.show_plan(plan_id if plan_id >= 0 else None, None)
        self._update_title()

    @property
    def dashboard(self) -> DashboardPanel:
        """The dashboard panel, made (and put in its tab) on first use."""
        if self._dashboard is None:
            from qtapp.ui import dashboard_panel  # loaded on first use

            panel = dashboard_panel.DashboardPanel(self.ctx, self)
            panel.show_tasks.connect(self._show_dashboard_tasks)
            current = self.center.currentIndex()
            placeholder = self.center.widget(DASHBOARD_TAB)
            self.center.blockSignals(True)
            self.center.removeTab(DASHBOARD_TAB)
            self.center.insertTab(DASHBOARD_TAB, panel, self.tr("Dashboard"))
            self.center.setCurrentIndex(current)
            self.center.blockSignals(False)
            placeholder.deleteLater()
            self._dashboard = panel
            plan = self.outline.current_plan()
            panel.show_plan(plan.id if plan else None, None)
        return self._dashboard

    def _tab_changed(self, index: int) -> None:
        if index == DASHBOARD_TAB:
            _ = self.dashboard

    def show_dashboard(self) -> None:
        self.center.setCurrentWidget(self.dashboard)

    def show_task_table(self) -> None:
        self.center.setCurrentWidget(self.tasks)

    def _show_dashboard_tasks(self, label: str, task_ids: list[int]) -> None:
        """A figure of the dashboard was clicked: the task table, narrowed to it."""
        self.show_task_table()
        self.tasks.show_only(label, task_ids)

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

    def _update_title(self) -> None:
        plan = self.outline.current_plan()
        title = self.tr("Duban") + " — " + self.ctx.db_path.name
        if plan is not None:
            title = f"{plan.title} — {title}"
        if self.ctx.read_only:
            title += " " + self.tr("[read-only]")
        self.setWindowTitle(title)
        self.edit_again.setEnabled(self.ctx.read_only)

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
        if event.isAccepted():
            # Give the file back now (the writer lock, the connection): another Duban, or
            # this one opened again, may edit it at once.
            self.ctx.close()

"""The main window: composes the outline, the task table and the detail panel, and
wires menus, shortcuts and panel signals to the task actions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from qtapp.context import AppContext
from qtapp.display import chinese_date
from qtapp.task_actions import TaskActions
from qtapp.ui.access_banner import AccessBanner
from qtapp.ui.detail_panel import DetailPanel
from qtapp.ui.outline_panel import OutlinePanel
from qtapp.ui.task_panel import TaskPanel
from qtapp.ui.window_files import WindowFiles
from qtapp.ui.window_menus import WindowMenus
from qtapp.ui.window_supervision import WindowSupervision

if TYPE_CHECKING:
    from qtapp.ui.dashboard_panel import DashboardPanel

DASHBOARD_TAB = 1
# The commands that change the file: disabled while it is open read-only.
EDIT_ACTIONS = (
    "importAction", "simplifyPlanAction", "removePlanAction", "restoreAction",
    "editTaskAction", "splitAction", "mergeAction", "addTaskAction", "deleteTaskAction",
    "moveUpAction", "moveDownAction", "assignAction", "takeSuggestionAction",
    "acceptAllSuggestionsAction", "carryOverAction", "newLedgerAction", "addLedgerItemAction",
    "focusAction", "postponeAction", "instructionAction", "exportConfirmationsAction",
    "readConfirmationsAction", "readConfirmationFolderAction",
)  # fmt: skip


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
        # Which date the lights are judged by, always in sight; a click changes it.
        self.as_of_button = QToolButton(self)
        self.as_of_button.setObjectName("asOfButton")
        self.as_of_button.setAutoRaise(True)
        self.as_of_button.clicked.connect(self.choose_as_of)
        self.status = QLabel(self)
        self.status.setObjectName("fileLabel")
        self.statusBar().addPermanentWidget(self.as_of_button)
        self.statusBar().addPermanentWidget(self.status)
        self.supervise = WindowSupervision(self)
        self.menus = WindowMenus(self)
        self.menus.build()
        self.supervise.wire()

        self.outline.scope_changed.connect(self._scope_changed)
        self.tasks.selection_changed.connect(self._selection_changed)
        self.tasks.text_edit_requested.connect(self._edit_text)
        self.detail.assign_requested.connect(self._assign)
        self.detail.suggestions_requested.connect(self._take_suggestions)
        self.detail.text_save_requested.connect(self._edit_text)
        self.detail.progress_save_requested.connect(self._record_progress)
        self.detail.split_requested.connect(self._split)
        self.detail.merge_requested.connect(lambda _id: self._merge())
        ctx.plans_changed.connect(self._update_title)
        ctx.access_changed.connect(self._update_title)
        ctx.access_changed.connect(self._update_access)
        ctx.period_changed.connect(self._selection_changed)
        self.files.plan_chosen.connect(self.outline.select_plan)
        self.tasks.filter_bar.widen_requested.connect(self._search_whole_plan)
        self.tasks.welcome.import_requested.connect(self.files.import_plan)
        self.tasks.welcome.open_requested.connect(self.files.open_database)
        self.tasks.welcome.demo_requested.connect(self.files.open_demo)
        ctx.edited.connect(lambda message: self.statusBar().showMessage(message, 15000))
        ctx.drafts.changed.connect(self._mark_drafts)
        self.tasks.loaded.connect(self._mark_drafts)
        self._restore_layout()
        self._update_access()
        self._update_title()
        self.outline.reload()
        if len(ctx.drafts):
            self.statusBar().showMessage(
                self.tr(
                    "%n unsaved draft(s) kept from before: select the task (marked ✎) or the "
                    "part of the plan again to save or discard it.",
                    "",
                    len(ctx.drafts),
                ),
                30000,
            )

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
        self.as_of_button.setText(
            self.tr("Lights as of %1").replace("%1", chinese_date(self.ctx.as_of.isoformat()))
        )
        self.as_of_button.setToolTip(
            self.tr("Warning lights everywhere are judged by this date. Click to change it.")
        )
        path = str(self.ctx.db_path)
        self.status.setText(path if len(path) <= 48 else "…" + path[-47:])
        self.status.setToolTip(path)

    def choose_as_of(self) -> None:
        """The date the warning lights are judged by (today, unless the clerk looks back)."""
        chosen = self.ctx.prompts.ask_date(
            self.tr("Judge lights as of"),
            self.tr(
                "Warning lights in the table, the detail panel, the dashboard and the documents "
                "are judged by this date."
            ),
            self.ctx.as_of,
        )
        if chosen is not None:
            self.ctx.set_as_of(chosen)

    def _single(self) -> object:
        rows = self.tasks.selected_rows()
        if len(rows) != 1:
            self.statusBar().showMessage(self.tr("Select one task first."), 4000)
            return None
        return rows[0]

    # -- task edits ------------------------------------------------------------------------

    def _assign(self, task_ids: list[int], changes: dict) -> None:
        if self.actions_.assign(task_ids, changes):
            self.detail.editor.applied()  # what was typed is stored: no longer a draft
            self.detail.drafts.stash(self.detail.editor)

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
        parts = self.actions_.split(task, at) if task is not None else []
        if parts:
            self.tasks.reload(select=parts)  # both halves stay selected

    def _split_at_cursor(self) -> None:
        task = self._single()
        if task is not None:
            self._split(task.id, self.detail.text.textCursor().position())  # type: ignore[attr-defined]

    def _merge(self) -> None:
        """Merge the task selected with the next one — or the two selected, when they are
        one after the other (as a split leaves them)."""
        task = self.actions_.merge_target(self.tasks.selected_rows())
        if task is None:
            self.statusBar().showMessage(
                self.tr("Select one task, or two that follow each other in an item."), 4000
            )
            return
        self.actions_.merge_with_next(task)

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
        self.actions_.take_suggestions(self.detail.suggestions.operations(task_ids))

    def _accept_all_suggestions(self) -> None:
        """Every suggestion in the item or section chosen in the tree (or shown), one step."""
        ids = [r.id for r in self.tasks.visible_rows()]
        self.actions_.take_suggestions(self.detail.suggestions.operations(ids))

    def _focus_filter(self) -> None:
        self.tasks.filter_bar.text.setFocus()
        self.tasks.filter_bar.text.selectAll()

    def _focus_assign(self) -> None:
        self.detail.editor.lead.setFocus()
        self.detail.editor.lead.lineEdit().selectAll()

    def _update_access(self) -> None:
        """A read-only window offers no edit at all: the editors and edit commands are
        disabled (and say why), rather than refusing when the clerk applies."""
        writable = not self.ctx.read_only
        for name in EDIT_ACTIONS:
            self.menus.actions[name].setEnabled(writable)
        self.tasks.set_editable(writable)
        self.detail.set_editable(writable)

    def _search_whole_plan(self) -> None:
        """The filter finds more outside the part chosen in the tree: show the whole plan."""
        plan = self.outline.current_plan()
        if plan is not None:
            self.outline.select_plan(plan.id)

    def _update_title(self) -> None:
        # "2020年全市教育工作要点 — office.sqlite3 — 督办": the plan, the file, the program,
        # each once (no application display name: Qt would add the program a second time).
        plan = self.outline.current_plan()
        file = self.ctx.db_path.name
        if self.ctx.read_only:
            file += " " + self.tr("[read-only]")
        parts = [plan.title] if plan is not None else []
        self.setWindowTitle(" — ".join([*parts, file, self.tr("Duban")]))
        self.edit_again.setEnabled(self.ctx.read_only)

    # -- layout memory ---------------------------------------------------------------------

    def _restore_layout(self) -> None:
        settings = self.ctx.ui_settings
        screen = self.screen().availableGeometry()  # the screen the window opens on
        if geometry := settings.blob("geometry"):
            self.restoreGeometry(geometry)  # clamped to the screen by Qt
        else:
            # A first start: as large as comfortable, never larger than the screen (an
            # office laptop has 1366×768, and the taskbar and title bar take their part).
            width = min(1440, screen.width() - 16)
            height = min(860, screen.height() - 48)
            self.resize(width, height)
            self.move(
                screen.left() + (screen.width() - width) // 2,
                screen.top() + max(0, (screen.height() - height - 32) // 2),
            )
        if splitter := settings.blob("mainSplitter"):
            self.splitter.restoreState(splitter)
        else:
            width = self.width()
            self.splitter.setSizes([width * 16 // 100, width * 56 // 100, width * 28 // 100])
        self.set_wrapped(settings.flag("wrapText"))

    def set_wrapped(self, on: bool) -> None:
        """Show whole task texts over several lines (remembered for the next start)."""
        self.tasks.set_wrapped(on)
        self.menus.actions["wrapTextAction"].setChecked(on)
        self.ctx.ui_settings.set_flag("wrapText", on)

    def _mark_drafts(self) -> None:
        self.tasks.model.set_drafts(self.ctx.drafts.task_ids())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.detail.drafts.stash_all()  # nothing typed is lost when the window closes
        settings = self.ctx.ui_settings
        settings.set_blob("geometry", self.saveGeometry())
        settings.set_blob("mainSplitter", self.splitter.saveState())
        settings.sync()
        super().closeEvent(event)
        if event.isAccepted():
            # Give the file back now (the writer lock, the connection): another Duban, or
            # this one opened again, may edit it at once.
            self.ctx.close()

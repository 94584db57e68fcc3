"""The task table with its filter bar."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.connection import connect
from db.departments import list_departments
from db.leaders import list_leaders
from db.lights import row_light, thresholds
from db.plan_targets import effective_targets, task_effective_targets
from db.plans import get_plan
from db.records import TaskRow
from db.supervision import Postponement, Target, plan_postponements
from db.tasks import TaskFilter, list_tasks
from qtapp.context import AppContext
from qtapp.models.task_filter_proxy import TaskFilterProxy, TaskFilterSpec
from qtapp.models.task_table_model import (
    COL_CODE,
    COL_COOP,
    COL_DEADLINE,
    COL_LEAD,
    COL_LEADER,
    COL_LIGHT,
    COL_STATUS,
    COL_TEXT,
    TaskTableModel,
)
from qtapp.ui.columns import ColumnLayout
from qtapp.ui.filter_bar import FilterBar
from qtapp.ui.task_text_delegate import TaskTextDelegate
from qtapp.ui.welcome import WelcomePanel

# The widest each column is fitted to, in characters: names are short, the task is long.
COLUMN_CAPS = {
    COL_CODE: 5, COL_LEAD: 8, COL_COOP: 12, COL_LEADER: 4, COL_DEADLINE: 11,
    COL_STATUS: 4, COL_LIGHT: 3,
}  # fmt: skip


def _load_plan(
    db_path: str, plan_id: int, period_id: int | None
) -> tuple[list[TaskRow], dict[int, list[Postponement]], dict[int, Target]]:
    """Runs on the worker thread, with its own connection. The 阶段目标 are the current
    period's, as the dashboard judges its lights by."""
    db = connect(db_path)
    try:
        rows = list_tasks(db, TaskFilter(plan_id=plan_id, up_to_period=period_id))
        targets = effective_targets(db, period_id) if period_id is not None else {}
        return rows, plan_postponements(db, plan_id), targets
    finally:
        db.close()


class TaskPanel(QWidget):
    selection_changed = Signal()
    loaded = Signal()  # the table holds the current plan's tasks
    text_edit_requested = Signal(int, str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("taskPanel")
        self.plan_id: int | None = None
        self.scope_name = ""
        self._node_ids: frozenset[int] | None = None
        self._pending_select: list[int] | None = None  # what a reload is to select
        self._targets: dict[int, Target] = {}  # 阶段目标 of the current period, by task id
        self.model = TaskTableModel(self)
        self.proxy = TaskFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filter_bar = FilterBar(self)
        self.table = QTableView(self)
        self.table.setObjectName("taskTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.horizontalHeader().setSectionsMovable(True)
        self.text_delegate = TaskTextDelegate(self.table)
        self.table.setItemDelegateForColumn(COL_TEXT, self.text_delegate)
        self.columns = ColumnLayout(
            self.table, "tasks", ctx.ui_settings, stretch=COL_TEXT, caps=COLUMN_CAPS
        )
        # "显示全文": rows grow to show the whole text; fitted as they come into view.
        self._fit_rows_soon = QTimer(self)
        self._fit_rows_soon.setSingleShot(True)
        self._fit_rows_soon.setInterval(0)
        self._fit_rows_soon.timeout.connect(self._fit_visible_rows)
        self.table.verticalScrollBar().valueChanged.connect(self._fit_rows_soon.start)
        self.table.horizontalHeader().sectionResized.connect(
            lambda column, _old, _new: column == COL_TEXT and self._refit_rows()
        )
        page = QWidget(self)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.filter_bar)
        column.addWidget(self.table)
        # No plan yet: the first steps instead of an empty table.
        self.welcome = WelcomePanel(self)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(page)
        self.pages.addWidget(self.welcome)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

        self.filter_bar.changed.connect(self._filter_changed)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.selection_changed.emit()
        )
        self.model.text_edited.connect(self.text_edit_requested)
        ctx.tasks_changed.connect(self.refresh_tasks)
        ctx.structure_changed.connect(self._structure_changed)
        ctx.directory_changed.connect(self._directory_changed)
        ctx.settings_changed.connect(self._set_light_rule)
        ctx.period_changed.connect(self._period_changed)
        self._directory_changed()

    # -- loading ---------------------------------------------------------------------------

    def show_scope(self, plan_id: int, node_ids: frozenset[int] | None, name: str) -> None:
        """Show a plan (loading it if needed), narrowed to part of its outline."""
        same = plan_id == self.plan_id and node_ids == self._node_ids
        self.scope_name = name
        self._node_ids = node_ids
        if plan_id != self.plan_id:
            self.plan_id = plan_id
            self.reload()
        elif not same:  # another part of the plan: what was selected may not be shown
            self._apply_filter(clear_selection=True)

    def reload(self, select: list[int] | None = None) -> None:
        no_plan = self.plan_id is None or self.plan_id < 0
        self.pages.setCurrentWidget(self.welcome if no_plan else self.pages.widget(0))
        if no_plan:
            self.model.set_rows([])
            self._apply_filter()
            self.loaded.emit()
            return
        plan_id = self.plan_id
        period_id = self.ctx.current_period(plan_id)
        self._pending_select = list(select) if select else None
        self.ctx.jobs.start(
            lambda _progress: _load_plan(str(self.ctx.db_path), plan_id, period_id),
            lambda loaded: self._loaded(plan_id, *loaded),
            lambda exc: self.ctx.prompts.show_error(self.tr("Tasks not loaded"), str(exc)),
            owner=self,
        )

    def _set_light_rule(self) -> None:
        """Lights as of the window's judging date, against the plan's year and the office's
        thresholds."""
        if self.plan_id is None or self.plan_id < 0:
            self.model.set_light_rule(None)
            return
        year = get_plan(self.ctx.db, self.plan_id).year
        limits = thresholds(self.ctx.db)
        as_of = self.proxy.today = self.ctx.as_of  # "overdue" is judged by the same date
        targets = self._targets
        self.model.set_light_rule(
            lambda row: row_light(
                row, year=year, as_of=as_of, limits=limits, target=targets.get(row.id)
            )
        )
        if self.proxy.spec().light != "any":
            self._apply_filter()

    def _loaded(
        self,
        plan_id: int,
        rows: list[TaskRow],
        postponed: dict[int, list[Postponement]],
        targets: dict[int, Target],
    ) -> None:
        if plan_id != self.plan_id:
            return  # another plan was chosen meanwhile
        self._targets = targets
        # What the reload was asked to select — or what is selected now: the clerk may have
        # clicked a task while the rows were being read.
        wanted = self._pending_select if self._pending_select is not None else self.selected_ids()
        self._pending_select = None
        self.model.set_postponements(postponed)
        self.model.set_rows(rows)
        self._set_light_rule()
        self._apply_filter()
        self.select_ids(wanted)
        self.loaded.emit()

    def refresh_tasks(self, task_ids: list[int]) -> None:
        """Tasks changed in place (assignment, text): update their rows, keep the view."""
        period = self.ctx.current_period(self.plan_id) if self.plan_id is not None else None
        rows = list_tasks(self.ctx.db, TaskFilter(task_ids=tuple(task_ids), up_to_period=period))
        selected = self.selected_ids()
        if self.plan_id is not None and self.plan_id >= 0:  # a plan's 延期 are few: one query
            postponed = plan_postponements(self.ctx.db, self.plan_id)
            self.model.set_postponements({r.id: postponed.get(r.id, []) for r in rows}, merge=True)
        if period is not None:  # a target entered or a deadline moved changes the light
            self._refresh_targets(task_ids, period)
        self.model.update_rows(rows)
        # The filter survives edits: rows that no longer match leave, others stay.
        if self.proxy.spec().active:
            self._apply_filter()
            self.select_ids(selected)
        self.selection_changed.emit()

    def _refresh_targets(self, task_ids: list[int], period: int) -> None:
        if len(task_ids) > 100:  # a bulk edit: the period's targets in one pass
            self._targets = effective_targets(self.ctx.db, period)
            return
        for task_id in task_ids:
            found = [
                t for t in task_effective_targets(self.ctx.db, task_id) if t.period_id == period
            ]
            if found:
                self._targets[task_id] = found[0]
            else:
                self._targets.pop(task_id, None)

    def _period_changed(self) -> None:
        """Another period (status as of it) or judging date (lights): the rows again."""
        if self.plan_id is not None and self.plan_id >= 0:
            self.reload()

    def show_only(self, label: str, task_ids: list[int]) -> None:
        """Show exactly these tasks of the plan (a figure clicked on the dashboard)."""
        self._node_ids = None
        self.filter_bar.set_ids(label, frozenset(task_ids))

    def _structure_changed(self, plan_id: int) -> None:
        if plan_id == self.plan_id:
            self.reload()

    def _directory_changed(self) -> None:
        departments = list_departments(self.ctx.db, include_retired=True)
        self.model.set_short_names({d.name: d.short_name for d in departments if d.short_name})
        self.filter_bar.set_directory(list_departments(self.ctx.db), list_leaders(self.ctx.db))
        if self.plan_id is not None and self.plan_id >= 0:
            self.reload()  # names shown in rows may have changed

    def set_editable(self, on: bool) -> None:
        """Task texts can be edited in the table (F2, double-click) only when writable."""
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            if on
            else QAbstractItemView.EditTrigger.NoEditTriggers
        )

    # -- showing the whole text ------------------------------------------------------------

    @property
    def wrapped(self) -> bool:
        return self.text_delegate.wrap

    def set_wrapped(self, on: bool) -> None:
        """Whole task texts over several lines (on), or one line each cut with "…"."""
        if on == self.text_delegate.wrap:
            return
        self.text_delegate.wrap = on
        self.table.setWordWrap(on)
        self.table.verticalHeader().reset()
        self._fit_rows_soon.start()

    def _refit_rows(self) -> None:
        # Back to one line each, then the rows in view grow to their text.
        if self.text_delegate.wrap:
            self.table.verticalHeader().reset()
            self._fit_rows_soon.start()

    def _fit_visible_rows(self) -> None:
        if not self.text_delegate.wrap or self.proxy.rowCount() == 0:
            return
        viewport = self.table.viewport()
        first = max(0, self.table.rowAt(0))
        row = first
        while row < self.proxy.rowCount():
            self.table.resizeRowToContents(row)
            if self.table.rowViewportPosition(row) > viewport.height():
                break
            row += 1

    # -- filtering -------------------------------------------------------------------------

    def _filter_changed(self, _spec: TaskFilterSpec) -> None:
        self._apply_filter()

    def _apply_filter(self, *, clear_selection: bool = False) -> None:
        spec = self.filter_bar.spec().with_(node_ids=self._node_ids)
        self.text_delegate.set_needle(spec.text)
        self.proxy.set_spec(spec)
        self._refit_rows()
        if clear_selection:
            self.table.clearSelection()
        in_plan = None
        if spec.node_ids is not None and spec.active:
            # Narrowed to part of the outline: say so, and how many the whole plan has.
            in_plan = self.proxy.count_matching(spec.with_(node_ids=None))
        self.filter_bar.show_count(
            self.proxy.rowCount(),
            self.model.rowCount(),
            self.scope_name if spec.node_ids is not None else "",
            in_plan,
        )
        self.selection_changed.emit()

    # -- selection -------------------------------------------------------------------------

    def selected_rows(self) -> list[TaskRow]:
        rows = {
            self.proxy.mapToSource(index).row()
            for index in self.table.selectionModel().selectedRows()
        }
        return [self.model.record(r) for r in sorted(rows)]

    def selected_ids(self) -> list[int]:
        return [r.id for r in self.selected_rows()]

    def visible_rows(self) -> list[TaskRow]:
        """The rows shown, in table order (read from the model: mapping 50,000 proxy
        indexes one by one takes a tenth of a second)."""
        return self.proxy.accepted_rows()

    def select_ids(self, task_ids: list[int]) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        first = None
        for task_id in task_ids:
            source_row = self.model.row_of(task_id)
            if source_row is None:
                continue
            index = self.proxy.mapFromSource(self.model.index(source_row, 0))
            if not index.isValid():
                continue
            selection.select(
                index,
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )
            first = first or index
        if first is not None:
            selection.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.table.scrollTo(first)

"""The dashboard (督办看板): a plan's figures for a reporting period at a glance — by status,
by warning light, per lead department — and the tasks not reported this period.

Every figure is clickable and emits ``show_tasks`` with exactly the tasks behind it. The
figures are worked out on the worker thread (a 50,000-task plan takes a few tenths of a
second) and only while the panel is visible; a hidden panel catches up when shown.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db.confirmations import ConfirmationState, confirmation_states
from db.connection import connect
from db.dashboard import Dashboard, DepartmentBar, TaskLine, dashboard, department_bars, task_lines
from db.errors import NotFound
from db.plans import get_plan
from db.progress import list_periods
from db.supervision_marks import marked_tasks
from qtapp.context import AppContext
from qtapp.display import chinese_date
from qtapp.lights import light_icon
from qtapp.models.dashboard_models import (
    COL_CODE,
    COL_COMPLETION,
    COL_DEADLINE,
    COL_DEPARTMENT,
    COL_LEAD,
    COL_LED,
    COL_LIGHT,
    COL_TEXT,
    DEPARTMENT_HEADERS,
    DepartmentStatsModel,
    TaskListModel,
)
from qtapp.ui.bar_delegate import BarDelegate
from qtapp.ui.columns import ColumnLayout
from qtapp.ui.department_chart import DepartmentChart
from qtapp.workflow_names import CONFIRMATION_STATE_NAMES, confirmation_state_name

NO_PERIOD = -1  # the combo's "as of today" entry
STATUS_FIGURES = {
    "done": QT_TRANSLATE_NOOP("DashboardPanel", "Completed"),
    "on_track": QT_TRANSLATE_NOOP("DashboardPanel", "On schedule"),
    "behind": QT_TRANSLATE_NOOP("DashboardPanel", "Behind"),
    "not_started": QT_TRANSLATE_NOOP("DashboardPanel", "Not started"),
    "postponed": QT_TRANSLATE_NOOP("DashboardPanel", "Postponed"),
    "not_reported": QT_TRANSLATE_NOOP("DashboardPanel", "Not reported"),
    "overdue": QT_TRANSLATE_NOOP("DashboardPanel", "Overdue"),
}  # the categories of domain.statuses (a partition of the tasks), then 逾期 across them
LIGHT_FIGURES = {
    "red": QT_TRANSLATE_NOOP("DashboardPanel", "Red"),
    "yellow": QT_TRANSLATE_NOOP("DashboardPanel", "Yellow"),
    "green": QT_TRANSLATE_NOOP("DashboardPanel", "Green"),
    "grey": QT_TRANSLATE_NOOP("DashboardPanel", "Grey"),
}
SUPERVISION_FIGURES = {
    "focus": QT_TRANSLATE_NOOP("DashboardPanel", "Key supervision"),
    "focus_done": QT_TRANSLATE_NOOP("DashboardPanel", "Key: completed"),
    "focus_late": QT_TRANSLATE_NOOP("DashboardPanel", "Key: behind or overdue"),
    "deadline_postponed": QT_TRANSLATE_NOOP("DashboardPanel", "Deadline postponed"),
}  # 重点督办 (all, done, behind or overdue) and the tasks whose deadline was moved (延期)
STATUS_COLORS = {"done": "green", "behind": "yellow", "overdue": "red", "postponed": "grey"}
SUPERVISION_COLORS = {"focus_done": "green", "focus_late": "red", "deadline_postponed": "grey"}
Marks = tuple[frozenset[int], frozenset[int]]  # the 重点督办 tasks, the postponed ones
Loaded = tuple[Dashboard, list[TaskLine], list[DepartmentBar], Marks, list[ConfirmationState]]


def _load(db_path: str, plan_id: int, period_id: int | None, as_of: dt.date) -> Loaded:
    """Runs on the worker thread, with its own connection."""
    db = connect(db_path)
    try:
        board = dashboard(db, plan_id, period_id, as_of=as_of)
        return (
            board,
            task_lines(db, plan_id, board.not_reported),
            department_bars(db, plan_id, period_id, as_of=as_of),
            marked_tasks(db, plan_id),
            confirmation_states(db, plan_id),
        )
    finally:
        db.close()


class DashboardPanel(QWidget):
    show_tasks = Signal(str, list)  # a label ("逾期 · 2020年第一季度"), the task ids
    loaded = Signal()  # the figures on show are current

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("dashboardPanel")
        self.plan_id: int | None = None
        self.dashboard: Dashboard | None = None
        self._loading = False
        self._again = False
        self._stale = False
        self._marks: Marks = (frozenset(), frozenset())

        self.period_combo = QComboBox(self)
        self.period_combo.setObjectName("dashboardPeriodCombo")
        self.period_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.summary = QLabel(self)
        self.summary.setObjectName("dashboardSummary")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Reporting period:"), self))
        top.addWidget(self.period_combo)
        top.addSpacing(12)
        top.addWidget(self.summary, 1)

        self.figures: dict[str, QToolButton] = {}
        status_box = QGroupBox(self.tr("By status"), self)
        status_row = QHBoxLayout(status_box)
        for code in STATUS_FIGURES:
            status_row.addWidget(self._figure_button(code, STATUS_COLORS.get(code)))
        status_row.addStretch(1)
        light_box = QGroupBox(self.tr("By warning light"), self)
        light_row = QHBoxLayout(light_box)
        for code in LIGHT_FIGURES:
            light_row.addWidget(self._figure_button(code, code))
        light_row.addStretch(1)
        supervision_box = QGroupBox(self.tr("Supervision"), self)
        supervision_row = QHBoxLayout(supervision_box)
        for code in SUPERVISION_FIGURES:
            supervision_row.addWidget(self._figure_button(code, SUPERVISION_COLORS.get(code)))
        supervision_row.addStretch(1)
        figures = QHBoxLayout()
        figures.addWidget(status_box, 3)
        figures.addWidget(light_box, 2)
        confirmation_box = QGroupBox(self.tr("Confirmation of assignments"), self)
        confirmation_row = QHBoxLayout(confirmation_box)
        self.confirmation_labels: dict[str, QLabel] = {}
        for code in CONFIRMATION_STATE_NAMES:
            label = QLabel(confirmation_box)
            label.setObjectName(f"confirmation_{code}")
            confirmation_row.addWidget(label)
            self.confirmation_labels[code] = label
        confirmation_row.addStretch(1)
        second = QHBoxLayout()
        second.addWidget(supervision_box, 3)
        second.addWidget(confirmation_box, 2)

        self.department_model = DepartmentStatsModel(self)
        self.department_proxy = QSortFilterProxyModel(self)
        self.department_proxy.setSourceModel(self.department_model)
        self.department_proxy.setSortRole(DepartmentStatsModel.SortRole)
        self.department_table = self._table("dashboardDepartmentTable", self.department_proxy)
        self.department_table.setSortingEnabled(True)
        self.department_table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.bar_delegate = BarDelegate(DepartmentStatsModel.BarRole, self.department_table)
        self.department_table.setItemDelegateForColumn(COL_COMPLETION, self.bar_delegate)
        self.department_columns = ColumnLayout(
            self.department_table, "dashboardDepartments", ctx.ui_settings, stretch=COL_COMPLETION
        )

        self.not_reported_model = TaskListModel(self)
        self.not_reported_table = self._table("notReportedTable", self.not_reported_model)
        # Measured on the rows in view only, so a whole plan not reported costs nothing.
        self.not_reported_columns = ColumnLayout(
            self.not_reported_table, "dashboardNotReported", ctx.ui_settings, stretch=COL_TEXT,
            caps={COL_CODE: 5, COL_LEAD: 8, COL_DEADLINE: 7, COL_LIGHT: 3},
        )  # fmt: skip

        self.department_box = QGroupBox(self.tr("By lead department"), self)
        QVBoxLayout(self.department_box).addWidget(self.department_table)
        self.chart = DepartmentChart(self)
        self.chart_box = QGroupBox(self.tr("Completion and postponements by lead department"), self)
        # One readable row per department: the chart scrolls rather than shrinks its words.
        chart_scroll = QScrollArea(self.chart_box)
        chart_scroll.setWidgetResizable(True)
        chart_scroll.setFrameShape(QFrame.Shape.NoFrame)
        chart_scroll.setWidget(self.chart)
        QVBoxLayout(self.chart_box).addWidget(chart_scroll)
        self.not_reported_box = QGroupBox(self)
        QVBoxLayout(self.not_reported_box).addWidget(self.not_reported_table)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.department_box)
        splitter.addWidget(self.chart_box)
        splitter.addWidget(self.not_reported_box)
        splitter.setSizes([200, 260, 200])  # the chart as high as the tables at first
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(figures)
        layout.addLayout(second)
        layout.addWidget(splitter, 1)

        self.period_combo.currentIndexChanged.connect(self._period_picked)
        ctx.period_changed.connect(self._period_changed)
        self.department_table.clicked.connect(self._department_clicked)
        self.not_reported_table.clicked.connect(self._task_clicked)
        # Bound methods, not lambdas: Qt drops them when the panel goes, the context stays.
        for signal in (ctx.tasks_changed, ctx.directory_changed, ctx.settings_changed):
            signal.connect(self._data_changed)
        ctx.structure_changed.connect(self._structure_changed)
        ctx.plans_changed.connect(self._periods_changed)
        periods_changed = getattr(ctx, "periods_changed", None)  # periods added or removed
        if periods_changed is not None:
            periods_changed.connect(self._periods_changed)
        self._show(None)

    def _figure_button(self, code: str, color: str | None) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(f"figure_{code}")
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setAutoRaise(False)
        if color is not None:
            button.setIcon(light_icon(color))
        button.clicked.connect(lambda _checked=False, c=code: self._figure_clicked(c))
        self.figures[code] = button
        return button

    def _table(self, name: str, model) -> QTableView:
        table = QTableView(self)
        table.setObjectName(name)
        table.setModel(model)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        return table

    # -- what is shown ---------------------------------------------------------------------

    def show_plan(self, plan_id: int | None, period_id: int | None = None) -> None:
        """Show a plan's figures for ``period_id``. None picks the current period (or, when
        the plan has none, the figures as of today) — or keeps the period chosen when the
        plan is the one already shown."""
        same_plan = plan_id == self.plan_id
        self.plan_id = plan_id
        # The same plan again (another part of its outline chosen) keeps the period chosen.
        self._fill_periods(period_id, keep=same_plan and period_id is None)
        self.reload()

    def period_id(self) -> int | None:
        """The period chosen, None for "as of today"."""
        value = self.period_combo.currentData()
        return None if value is None or value == NO_PERIOD else int(value)

    def select_period(self, period_id: int | None) -> None:
        index = self.period_combo.findData(NO_PERIOD if period_id is None else period_id)
        if index >= 0:
            self.period_combo.setCurrentIndex(index)

    def _fill_periods(self, select: int | None, *, keep: bool) -> None:
        """The plan's periods, latest first, then "as of today"; keeps the current choice
        when ``keep`` and it still exists, else selects ``select`` or the current period
        (the one holding today, else the last one started)."""
        # "As of today" shown only because there were no periods is not a choice to keep.
        chosen = keep and self.period_combo.count() > 1
        current = self.period_combo.currentData() if chosen else None
        periods = list_periods(self.ctx.db, self.plan_id) if self.plan_id is not None else []
        if select is None and self.plan_id is not None:
            select = self.ctx.current_period(self.plan_id)  # the window's current period
        periods.sort(key=lambda p: (p.ends_on, p.id), reverse=True)
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        for period in periods:
            self.period_combo.addItem(period.name, period.id)
        self.period_combo.addItem(self.tr("(none: as of today)"), NO_PERIOD)
        wanted = current if current is not None else (NO_PERIOD if select is None else select)
        index = self.period_combo.findData(wanted) if wanted is not None else -1
        self.period_combo.setCurrentIndex(max(index, 0))
        self.period_combo.blockSignals(False)

    def _data_changed(self, *_args: object) -> None:
        self.reload()

    def _period_picked(self) -> None:
        """The clerk chose a period here: it becomes the window's current period."""
        if self.plan_id is not None:
            self.ctx.set_period(self.plan_id, self.period_id())
        self.reload()

    def _period_changed(self) -> None:
        """The period was chosen elsewhere (or the judging date changed): follow it."""
        if self.plan_id is None:
            return
        self._fill_periods(self.ctx.current_period(self.plan_id), keep=False)
        self.reload()

    def _structure_changed(self, plan_id: int) -> None:
        if plan_id == self.plan_id:
            self.reload()

    def _periods_changed(self) -> None:
        if self.plan_id is not None:
            try:
                get_plan(self.ctx.db, self.plan_id)
            except NotFound:
                self.plan_id = None  # the plan was removed
        self._fill_periods(None, keep=True)
        self.reload()

    # -- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        """Work the figures out again (on the worker thread; later if hidden)."""
        if self.plan_id is None:
            self._show(None)
            self.loaded.emit()
            return
        if not self.isVisible():
            self._stale = True
            return
        if self._loading:
            self._again = True  # one more round when the current one is back
            return
        self._loading, self._again, self._stale = True, False, False
        plan_id, period_id, as_of = self.plan_id, self.period_id(), self.ctx.as_of
        self.ctx.jobs.start(
            lambda _progress: _load(str(self.ctx.db_path), plan_id, period_id, as_of),
            lambda result: self._loaded((plan_id, period_id), result),
            self._failed,
            owner=self,
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _loaded(
        self,
        key: tuple[int, int | None],
        result: Loaded,
    ) -> None:
        self._loading = False
        if key == (self.plan_id, self.period_id()):
            self._show(*result)
        if self._again or key != (self.plan_id, self.period_id()):
            self.reload()
        else:
            self.loaded.emit()

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        if isinstance(exc, NotFound):  # the plan or period went away meanwhile
            self._periods_changed()
            return
        self.ctx.prompts.show_error(self.tr("Dashboard not updated"), str(exc))

    def _show(
        self,
        board: Dashboard | None,
        lines: list[TaskLine] | None = None,
        bars: list[DepartmentBar] | None = None,
        marks: Marks | None = None,
        states: list[ConfirmationState] | None = None,
    ) -> None:
        self.dashboard = board
        self._show_confirmations(states or [])
        self._marks = marks or (frozenset(), frozenset())
        self.chart.set_bars(bars or [])
        for code, button in self.figures.items():
            ids = self._figure_ids(code)
            button.setText(f"{self._figure_name(code)}  {len(ids)}")
            button.setEnabled(bool(ids))
        self.department_model.set_rows(board.departments if board else [])
        self.not_reported_model.set_tasks(lines or [], board.lights if board else {})
        if board is None:
            self.summary.setText(self.tr("No plan chosen."))
            self.not_reported_box.setTitle(self.tr("Not reported this period"))
            return
        self.summary.setText(
            self.tr("As of %1: %n task(s)", "", board.total).replace(
                "%1", chinese_date(board.as_of.isoformat())
            )
        )
        count = len(board.not_reported)
        self.not_reported_box.setTitle(
            self.tr("Not reported this period (%n)", "", count)
            if board.period is not None
            else self.tr("Never reported (%n)", "", count)
        )

    def _show_confirmations(self, states: list[ConfirmationState]) -> None:
        """分工确认 per department: how many are in each state, their names in the tooltip."""
        for code, label in self.confirmation_labels.items():
            names = [s.department for s in states if s.state == code]
            label.setText(f"{confirmation_state_name(code)} {len(names)}")
            label.setToolTip("、".join(names))

    # -- clicks ----------------------------------------------------------------------------

    def _figure_name(self, code: str) -> str:
        return self.tr(
            STATUS_FIGURES.get(code) or SUPERVISION_FIGURES.get(code) or LIGHT_FIGURES[code]
        )

    def _scope(self) -> str:
        board = self.dashboard
        if board is None:
            return ""
        if board.period is not None:
            return board.period.name
        return self.tr("as of %1").replace("%1", chinese_date(board.as_of.isoformat()))

    def _figure_ids(self, code: str) -> tuple[int, ...]:
        board = self.dashboard
        if board is None:
            return ()
        if code in SUPERVISION_FIGURES:
            return self._supervision_ids(board, code)
        return board.by_status[code] if code in board.by_status else board.by_light[code]

    def _supervision_ids(self, board: Dashboard, code: str) -> tuple[int, ...]:
        """The 重点督办 figures, judged as the status figures are; the postponed tasks."""
        focus, postponed = self._marks
        if code == "deadline_postponed":
            return tuple(t for t in board.task_ids if t in postponed)
        wanted = focus
        if code == "focus_done":
            wanted = focus & set(board.by_status["done"])
        elif code == "focus_late":
            wanted = focus & (set(board.by_status["behind"]) | set(board.by_status["overdue"]))
        return tuple(t for t in board.task_ids if t in wanted)

    def _figure_clicked(self, code: str) -> None:
        if self.dashboard is not None:
            label = f"{self._figure_name(code)} · {self._scope()}"
            self.show_tasks.emit(label, list(self._figure_ids(code)))

    def _department_clicked(self, index) -> None:
        if not index.isValid() or self.dashboard is None:
            return
        row = index.data(DepartmentStatsModel.RecordRole)
        ids = index.data(DepartmentStatsModel.IdsRole) or []
        column = index.column()
        figure = DEPARTMENT_HEADERS[
            COL_LED if column in (COL_DEPARTMENT, COL_COMPLETION) else column
        ]
        name = index.siblingAtColumn(COL_DEPARTMENT).data() or row.name
        label = f"{name} · {self.department_model.tr(figure)} · {self._scope()}"
        self.show_tasks.emit(label, list(ids))

    def _task_clicked(self, index) -> None:
        if not index.isValid() or self.dashboard is None:
            return
        line = self.not_reported_model.record(index.row())
        label = self.tr("Task %1").replace("%1", line.code) + f" · {self._scope()}"
        self.show_tasks.emit(label, [line.id])

"""The filter bar above the task table."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db.records import Department, Leader
from domain.workflow import SOURCES
from qtapp.display import STATUS_NAMES, status_text
from qtapp.models.task_filter_proxy import (
    DUE_ANY,
    DUE_OVERDUE,
    DUE_WITHIN,
    STATUS_ANY,
    STATUS_NONE,
    TaskFilterSpec,
)
from qtapp.workflow_names import source_name


class FilterBar(QWidget):
    changed = Signal(object)  # TaskFilterSpec (without the outline scope)
    widen_requested = Signal()  # "search the whole plan" was clicked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        self.text = QLineEdit(self)
        self.text.setObjectName("filterEdit")
        self.text.setClearButtonEnabled(True)
        self.text.setPlaceholderText(self.tr("Find tasks: any words or a number such as 4-2"))
        self.department = QComboBox(self)
        self.department.setObjectName("departmentFilter")
        self.department.setMinimumContentsLength(8)
        self.leader = QComboBox(self)
        self.leader.setObjectName("leaderFilter")
        self.unassigned = QCheckBox(self.tr("Unassigned only"), self)
        self.unassigned.setObjectName("unassignedFilter")
        self.due = QComboBox(self)
        self.due.setObjectName("dueFilter")
        self.due.addItem(self.tr("Any deadline"), DUE_ANY)
        self.due.addItem(self.tr("Overdue"), DUE_OVERDUE)
        self.due.addItem(self.tr("Due within"), DUE_WITHIN)
        self.days = QSpinBox(self)
        self.days.setObjectName("dueDaysFilter")
        self.days.setRange(1, 366)
        self.days.setValue(14)
        self.days.setSuffix(self.tr(" days"))
        self.days.setEnabled(False)
        self.status = QComboBox(self)
        self.status.setObjectName("statusFilter")
        self.status.addItem(self.tr("Any status"), STATUS_ANY)
        self.status.addItem(self.tr("Not reported"), STATUS_NONE)
        for code in STATUS_NAMES:
            self.status.addItem(status_text(code), code)
        self.light = QComboBox(self)
        self.light.setObjectName("lightFilter")
        self.light.addItem(self.tr("Any light"), "any")
        for code, name in (
            ("red", self.tr("Red")),
            ("yellow", self.tr("Yellow")),
            ("green", self.tr("Green")),
            ("grey", self.tr("Grey")),
        ):
            self.light.addItem(name, code)
        self.focus = QCheckBox(self.tr("Key supervision"), self)
        self.focus.setObjectName("focusFilter")
        self.postponed = QCheckBox(self.tr("Postponed"), self)
        self.postponed.setObjectName("postponedFilter")
        self.source = QComboBox(self)
        self.source.setObjectName("sourceFilter")
        self.source.addItem(self.tr("Any source"), None)
        for key in SOURCES:
            self.source.addItem(source_name(key), key)
        # "Only these tasks" — set from a figure of the dashboard, cleared with its button.
        self._ids: frozenset[int] | None = None
        self.only = QToolButton(self)
        self.only.setObjectName("onlyTheseButton")
        self.only.hide()
        self.only.clicked.connect(lambda: self.set_ids("", None))
        self.clear = QToolButton(self)
        self.clear.setObjectName("clearFilterButton")
        self.clear.setText(self.tr("Clear"))
        self.count = QLabel(self)
        self.count.setObjectName("taskCountLabel")
        self.count.setTextFormat(Qt.TextFormat.RichText)
        self.count.linkActivated.connect(lambda _link: self.widen_requested.emit())

        # Two rows: the search field with the 督办 filters, the other choices below it.
        top = QHBoxLayout()
        top.addWidget(self.text, 1)
        for widget in (self.source, self.focus, self.postponed):  # the 督办 filters
            top.addWidget(widget)
        top.addWidget(self.only)
        top.addWidget(self.count)
        bottom = QHBoxLayout()
        for widget in (
            self.department,
            self.leader,
            self.due,
            self.days,
            self.status,
            self.light,
            self.unassigned,
        ):
            bottom.addWidget(widget)
        bottom.addStretch(1)
        bottom.addWidget(self.clear)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addLayout(bottom)

        self.text.textChanged.connect(self._emit)
        for combo in (self.department, self.leader, self.due, self.status, self.light,
                      self.source):  # fmt: skip
            combo.currentIndexChanged.connect(self._emit)
        for box in (self.unassigned, self.focus, self.postponed):
            box.toggled.connect(self._emit)
        self.days.valueChanged.connect(self._emit)
        self.clear.clicked.connect(self.reset)
        self.set_directory([], [])

    def set_directory(self, departments: list[Department], leaders: list[Leader]) -> None:
        """Refill the department and leader lists, keeping the current choice."""
        for combo, items, everyone in (
            (self.department, departments, self.tr("All departments")),
            (self.leader, leaders, self.tr("All leaders")),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everyone, None)
            for item in items:
                combo.addItem(item.name, item.id)
            found = combo.findData(current)
            combo.setCurrentIndex(found if found >= 0 else 0)
            combo.blockSignals(False)

    def spec(self) -> TaskFilterSpec:
        return TaskFilterSpec(
            text=self.text.text(),
            department_id=self.department.currentData(),
            leader_id=self.leader.currentData(),
            unassigned=self.unassigned.isChecked(),
            due=self.due.currentData(),
            within_days=self.days.value(),
            status=self.status.currentData(),
            light=self.light.currentData(),
            ids=self._ids,
            ids_label=self.only.text() if self._ids is not None else "",
            focus_only=self.focus.isChecked(),
            postponed_only=self.postponed.isChecked(),
            source=self.source.currentData(),
        )

    def set_ids(self, label: str, ids: frozenset[int] | None) -> None:
        """Show only ``ids`` (None: all again), named by ``label`` on the clear button."""
        self._ids = ids
        self.only.setText(f"{label} ✕" if ids is not None else "")
        self.only.setToolTip(self.tr("Showing only these tasks; click to show all again"))
        self.only.setVisible(ids is not None)
        self._emit()

    def _emit(self) -> None:
        self.days.setEnabled(self.due.currentData() == DUE_WITHIN)
        self.changed.emit(self.spec())

    def reset(self) -> None:
        widgets = (self.text, self.department, self.leader, self.due, self.status,
                   self.light, self.unassigned, self.days, self.focus, self.postponed,
                   self.source)  # fmt: skip
        for widget in widgets:
            widget.blockSignals(True)
        self.text.clear()
        for combo in (self.department, self.leader, self.due, self.status, self.light,
                      self.source):  # fmt: skip
            combo.setCurrentIndex(0)
        for box in (self.unassigned, self.focus, self.postponed):
            box.setChecked(False)
        for widget in widgets:
            widget.blockSignals(False)
        self.set_ids("", None)  # also "only these tasks" from the dashboard; emits

    def show_count(
        self, shown: int, total: int, scope: str = "", in_plan: int | None = None
    ) -> None:
        """How many tasks are shown, and of what: the plan, or the part of it chosen in the
        tree — with one click to search the whole plan when the filter is narrowed."""
        if scope and in_plan is not None:
            text = (
                self.tr("In “%1”: %2")
                .replace("%1", _short(scope))
                .replace("%2", self.tr("%n task(s)", "", shown))
            )
            text += " · " + '<a href="plan">{}</a>'.format(
                self.tr("In the whole plan: %n", "", in_plan)
            )
        elif scope:
            text = (
                self.tr("“%1”: %2 of %3 tasks")
                .replace("%1", _short(scope))
                .replace("%2", str(shown))
                .replace("%3", str(total))
            )
        elif shown != total:
            text = (
                self.tr("Found %1 of %2 tasks").replace("%1", str(shown)).replace("%2", str(total))
            )
        else:
            text = self.tr("%n task(s)", "", total)
        self.count.setText(text)


def _short(scope: str, at_most: int = 12) -> str:
    return scope if len(scope) <= at_most else scope[: at_most - 1] + "…"

"""Reporting periods of a plan: a year of months or quarters in one step, or one period."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from db.plans import get_plan
from db.progress import add_period, add_year_of_periods, list_periods
from qtapp.commands import PeriodsCommand, RemovePeriodCommand
from qtapp.context import AppContext


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(edit: QDateEdit) -> str:
    return edit.date().toString("yyyy-MM-dd")


class PeriodsDialog(QDialog):
    def __init__(self, ctx: AppContext, plan_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.plan_id = plan_id
        plan = get_plan(ctx.db, plan_id)
        year = plan.year or dt.date.today().year
        self.setObjectName("periodsDialog")
        self.setWindowTitle(self.tr("Reporting periods — %1").replace("%1", plan.title))
        self.list = QListWidget(self)
        self.list.setObjectName("periodList")
        self.year = QSpinBox(self)
        self.year.setObjectName("periodYearSpin")
        self.year.setRange(1990, 2100)
        self.year.setValue(year)
        self.due_day = QSpinBox(self)
        self.due_day.setObjectName("dueDaySpin")
        self.due_day.setRange(1, 28)
        self.due_day.setValue(5)
        self.due_day.setPrefix(self.tr("report by day "))
        monthly = QPushButton(self.tr("Add 12 months"), self)
        monthly.setObjectName("addMonthsButton")
        monthly.clicked.connect(lambda: self.add_year("month"))
        quarterly = QPushButton(self.tr("Add 4 quarters"), self)
        quarterly.setObjectName("addQuartersButton")
        quarterly.clicked.connect(lambda: self.add_year("quarter"))
        self.name = QLineEdit(self)
        self.name.setObjectName("periodNameEdit")
        self.name.setPlaceholderText(self.tr("e.g. 2020年上半年"))
        self.start = QDateEdit(_qdate(dt.date(year, 1, 1)), self)
        self.end = QDateEdit(_qdate(dt.date(year, 6, 30)), self)
        self.due = QDateEdit(_qdate(dt.date(year, 7, 5)), self)
        for edit in (self.start, self.end, self.due):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy年M月d日")
        add_one = QPushButton(self.tr("Add this period"), self)
        add_one.setObjectName("addPeriodButton")
        add_one.clicked.connect(self.add_custom)
        remove = QPushButton(self.tr("Remove the selected period"), self)
        remove.setObjectName("removePeriodButton")
        remove.clicked.connect(self.remove_selected)

        year_box = QGroupBox(self.tr("A whole year"), self)
        year_row = QHBoxLayout(year_box)
        for widget in (self.year, self.due_day, monthly, quarterly):
            year_row.addWidget(widget)
        custom_box = QGroupBox(self.tr("One period"), self)
        form = QFormLayout(custom_box)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("From"), self.start)
        form.addRow(self.tr("To"), self.end)
        form.addRow(self.tr("Feedback due"), self.due)
        form.addRow("", add_one)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(remove, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(year_box)
        layout.addWidget(custom_box)
        layout.addWidget(buttons)
        ctx.periods_changed.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        for period in list_periods(self.ctx.db, self.plan_id):
            due = period.feedback_due_on or "—"
            item = QListWidgetItem(
                f"{period.name}    {period.starts_on} … {period.ends_on}    "
                + self.tr("feedback by %1").replace("%1", due),
                self.list,
            )
            item.setData(Qt.ItemDataRole.UserRole, period.id)

    def add_year(self, kind: str) -> bool:
        year, day = self.year.value(), self.due_day.value()
        text = (
            self.tr("Add the months of %1")
            if kind == "month"
            else self.tr("Add the quarters of %1")
        ).replace("%1", str(year))
        return self.ctx.execute(
            PeriodsCommand(
                self.ctx,
                lambda db: add_year_of_periods(db, self.plan_id, year, kind, due_day=day),
                text,
            )
        )

    def add_custom(self) -> bool:
        name = self.name.text().strip()
        if not name:
            self.ctx.prompts.show_error(self.tr("Not added"), self.tr("Give the period a name."))
            return False
        start, end, due = _date(self.start), _date(self.end), _date(self.due)
        return self.ctx.execute(
            PeriodsCommand(
                self.ctx,
                lambda db: [add_period(db, self.plan_id, name, start, end, feedback_due_on=due)],
                self.tr("Add period %1").replace("%1", name),
            )
        )

    def remove_selected(self) -> bool:
        item = self.list.currentItem()
        if item is None:
            return False
        return self.ctx.execute(
            RemovePeriodCommand(
                self.ctx,
                item.data(Qt.ItemDataRole.UserRole),
                self.tr("Remove period %1").replace("%1", item.text().split()[0]),
            )
        )

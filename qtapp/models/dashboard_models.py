"""The dashboard's tables: figures per lead department, and a short list of tasks.

Every count cell carries the ids behind it (``IdsRole``), so a click shows exactly
those tasks.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from db.dashboard import DepartmentRow, TaskLine
from domain.warnings import Light
from qtapp.display import code_sort_key
from qtapp.lights import LIGHT_COLORS, LIGHT_ORDER, light_name
from qtapp.models.list_table import ListTableModel

Index = QModelIndex | QPersistentModelIndex


(
    COL_DEPARTMENT,
    COL_LED,
    COL_DONE,
    COL_BEHIND,
    COL_OVERDUE,
    COL_NOT_REPORTED,
    COL_COMPLETION,
) = range(7)
DEPARTMENT_HEADERS = (
    QT_TRANSLATE_NOOP("DepartmentStatsModel", "Lead department"),
    QT_TRANSLATE_NOOP("DepartmentStatsModel", "Led"),
    QT_TRANSLATE_NOOP("DepartmentStatsModel", "Completed"),
    QT_TRANSLATE_NOOP("DepartmentStatsModel", "Behind"),
    QT_TRANSLATE_NOOP("DepartmentStatsModel", "Overdue"),
    QT_TRANSLATE_NOOP("DepartmentStatsModel", "Not reported"),
    QT_TRANSLATE_NOOP("DepartmentStatsModel", "Completion"),
)
# The figure each count column shows: a DepartmentRow field.
COUNT_FIELDS = {
    COL_LED: "led",
    COL_DONE: "done",
    COL_BEHIND: "behind",
    COL_OVERDUE: "overdue",
    COL_NOT_REPORTED: "not_reported",
}
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
# A figure in the colour of its dot on the dashboard (yellow darkened to be read as text).
_FIGURE_COLOURS = {
    COL_DONE: LIGHT_COLORS["green"],
    COL_BEHIND: "#a16207",
    COL_OVERDUE: LIGHT_COLORS["red"],
    COL_COMPLETION: LIGHT_COLORS["green"],
}


class DepartmentStatsModel(ListTableModel):
    SortRole = Qt.ItemDataRole.UserRole + 1
    RecordRole = Qt.ItemDataRole.UserRole + 2
    IdsRole = Qt.ItemDataRole.UserRole + 3  # the task ids behind a cell
    # (done, behind, overdue, led) for the bar: the completion column's bar shows what its
    # figure says — the share completed — so behind and overdue are 0 there; they have
    # their own columns, their figures in the colours of the dashboard's dots.
    BarRole = Qt.ItemDataRole.UserRole + 4
    HEADERS = DEPARTMENT_HEADERS

    def ids(self, row: DepartmentRow, column: int) -> tuple[int, ...]:
        """The tasks a cell stands for: its figure; the name and the bar stand for all led."""
        return getattr(row, COUNT_FIELDS.get(column, "led"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.record_at(index)
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_DEPARTMENT:
                return self._name(row)
            if column == COL_COMPLETION:
                return f"{len(row.done)}/{len(row.led)}"
            return str(len(self.ids(row, column)))
        if role == self.SortRole:
            if column == COL_DEPARTMENT:
                return index.row()  # the official order
            if column == COL_COMPLETION:
                return len(row.done) / len(row.led) if row.led else 0.0
            return len(self.ids(row, column))
        if role == self.RecordRole:
            return row
        if role == self.IdsRole:
            return list(self.ids(row, column))
        if role == self.BarRole:
            return (len(row.done), 0, 0, len(row.led))
        if role == Qt.ItemDataRole.TextAlignmentRole and column != COL_DEPARTMENT:
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = _FIGURE_COLOURS.get(column)
            if colour is not None and self.ids(row, column):
                return QBrush(QColor(colour))
            if column == COL_DEPARTMENT and row.department_id is None:
                return QBrush(QColor("#6b7280"))
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_COMPLETION:
            text = self.tr("%1 of %2 led tasks completed, %3 behind, %4 overdue")
            for mark, ids in (("%1", row.done), ("%2", row.led), ("%3", row.behind),
                              ("%4", row.overdue)):  # fmt: skip
                text = text.replace(mark, str(len(ids)))
            return text
        return None

    def _name(self, row: DepartmentRow) -> str:
        return self.tr("Unassigned") if row.department_id is None else row.name


COL_CODE, COL_TEXT, COL_LEAD, COL_DEADLINE, COL_LIGHT = range(5)
TASK_HEADERS = (
    QT_TRANSLATE_NOOP("TaskListModel", "No."),
    QT_TRANSLATE_NOOP("TaskListModel", "Task"),
    QT_TRANSLATE_NOOP("TaskListModel", "Lead department"),
    QT_TRANSLATE_NOOP("TaskListModel", "Deadline"),
    QT_TRANSLATE_NOOP("TaskListModel", "Warning"),
)


class TaskListModel(ListTableModel):
    """A short list of tasks with their warning light (the tasks not reported this period)."""

    SortRole = Qt.ItemDataRole.UserRole + 1
    RecordRole = Qt.ItemDataRole.UserRole + 2
    IdRole = Qt.ItemDataRole.UserRole + 3
    HEADERS = TASK_HEADERS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lights: Mapping[int, Light] = {}

    def set_tasks(self, rows: Sequence[TaskLine], lights: Mapping[int, Light]) -> None:
        self._lights = lights
        self.set_rows(rows)

    def light(self, task_id: int) -> Light | None:
        return self._lights.get(task_id)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.record_at(index)
        if row is None:
            return None
        column = index.column()
        light = self._lights.get(row.id)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_CODE:
                return row.code
            if column == COL_TEXT:
                return row.text
            if column == COL_LEAD:
                return row.lead
            if column == COL_DEADLINE:
                return row.deadline
            if column == COL_LIGHT:
                return light_name(light.color) if light else ""
            return None
        if role == self.IdRole:
            return row.id
        if role == self.RecordRole:
            return row
        if role == self.SortRole:
            return self._sort_key(row, column, light)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_TEXT:
                return row.text
            if column == COL_DEADLINE:
                return row.due_on
            if column == COL_LIGHT and light:
                return light.reason
            return None
        if column == COL_LIGHT and light:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(LIGHT_COLORS[light.color]))
            if role == Qt.ItemDataRole.DecorationRole:
                return QColor(LIGHT_COLORS[light.color])
        return None

    @staticmethod
    def _sort_key(row: TaskLine, column: int, light: Light | None) -> Any:
        if column == COL_CODE:
            return code_sort_key(row.code)
        if column == COL_DEADLINE:
            return (0, row.due_on) if row.due_on else (1, row.deadline)
        if column == COL_LIGHT:
            return LIGHT_ORDER.get(light.color, 9) if light else 9
        if column == COL_TEXT:
            return row.text
        return row.lead

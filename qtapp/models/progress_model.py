"""A task's progress reports, one row per reporting period (oldest first)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from db.records import ProgressEntry, ReportingPeriod
from qtapp.display import status_text
from qtapp.models.list_table import ListTableModel

Index = QModelIndex | QPersistentModelIndex
COL_PERIOD, COL_STATUS, COL_PERCENT, COL_PROGRESS, COL_REPORTER = range(5)
HEADERS = (
    QT_TRANSLATE_NOOP("ProgressHistoryModel", "Period"),
    QT_TRANSLATE_NOOP("ProgressHistoryModel", "Status"),
    QT_TRANSLATE_NOOP("ProgressHistoryModel", "Done"),
    QT_TRANSLATE_NOOP("ProgressHistoryModel", "Progress"),
    QT_TRANSLATE_NOOP("ProgressHistoryModel", "Reported by"),
)


class ProgressHistoryModel(ListTableModel):
    RecordRole = Qt.ItemDataRole.UserRole + 2
    HEADERS = HEADERS

    def set_entries(self, rows: list[tuple[ReportingPeriod, ProgressEntry]]) -> None:
        self.set_rows(rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        found = self.record_at(index)
        if found is None:
            return None
        period, entry = found
        if role == self.RecordRole:
            return entry
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_PERIOD:
                return period.name
            if column == COL_STATUS:
                return status_text(entry.status)
            if column == COL_PERCENT:
                return "" if entry.percent is None else f"{entry.percent}%"
            if column == COL_PROGRESS:
                return entry.progress.replace("\n", " ")
            if column == COL_REPORTER:
                return entry.reporter
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_PROGRESS:
            parts = [entry.progress, entry.problems, entry.next_steps]
            return "\n".join(p for p in parts if p)
        return None

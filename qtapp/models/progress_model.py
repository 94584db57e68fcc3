"""A task's progress reports, one row per reporting period (oldest first)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from db.records import ProgressEntry, ReportingPeriod
from qtapp.display import status_text

Index = QModelIndex | QPersistentModelIndex
COL_PERIOD, COL_STATUS, COL_PERCENT, COL_PROGRESS, COL_REPORTER = range(5)
HEADERS = (
    QT_TRANSLATE_NOOP("ProgressHistoryModel", "Period"),
    QT_TRANSLATE_NOOP("ProgressHistoryModel", "Status"),
    QT_TRANSLATE_NOOP("ProgressHistoryModel", "Done"),
    QT_TRANSLATE_NOOP("ProgressHistoryModel", "Progress"),
    QT_TRANSLATE_NOOP("ProgressHistoryModel", "Reported by"),
)


class ProgressHistoryModel(QAbstractTableModel):
    RecordRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[ReportingPeriod, ProgressEntry]] = []

    def set_entries(self, rows: list[tuple[ReportingPeriod, ProgressEntry]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(HEADERS[section]) if 0 <= section < len(HEADERS) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        period, entry = self._rows[index.row()]
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

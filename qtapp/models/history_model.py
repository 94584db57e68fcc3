"""A task's change history, newest first, from the audit log."""

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

from db.records import AuditEntry
from qtapp.display import audit_text

Index = QModelIndex | QPersistentModelIndex
COL_WHEN, COL_CHANGE, COL_WHO = range(3)
HEADERS = (
    QT_TRANSLATE_NOOP("HistoryModel", "When"),
    QT_TRANSLATE_NOOP("HistoryModel", "Change"),
    QT_TRANSLATE_NOOP("HistoryModel", "By"),
)


class HistoryModel(QAbstractTableModel):
    RecordRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[AuditEntry] = []

    def set_entries(self, entries: list[AuditEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(HEADERS[section]) if 0 <= section < len(HEADERS) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role == self.RecordRole:
            return entry
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == COL_WHEN:
                return entry.at[5:16].replace("T", " ")  # 11-29 14:25: the year is clear
            if index.column() == COL_CHANGE:
                return audit_text(entry)
            if index.column() == COL_WHO:
                return entry.actor or entry.source
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{entry.at[:19].replace('T', ' ')} · {entry.action} · {entry.source}\n" + (
                audit_text(entry)
            )
        return None

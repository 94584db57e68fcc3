"""A task's change history, newest first, from the audit log."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from db.records import AuditEntry
from qtapp.display import audit_text
from qtapp.models.list_table import ListTableModel

Index = QModelIndex | QPersistentModelIndex
COL_WHEN, COL_CHANGE, COL_WHO = range(3)
HEADERS = (
    QT_TRANSLATE_NOOP("HistoryModel", "When"),
    QT_TRANSLATE_NOOP("HistoryModel", "Change"),
    QT_TRANSLATE_NOOP("HistoryModel", "By"),
)


class HistoryModel(ListTableModel):
    RecordRole = Qt.ItemDataRole.UserRole + 2
    HEADERS = HEADERS

    def set_entries(self, entries: list[AuditEntry]) -> None:
        self.set_rows(entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.record_at(index)
        if entry is None:
            return None
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

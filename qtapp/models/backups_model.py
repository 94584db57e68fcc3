"""The backups of the open file, newest first, each with what it was made for and whether
it passed SQLite's check."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from db.backups import Backup
from qtapp.models.list_table import ListTableModel

Index = QModelIndex | QPersistentModelIndex
COL_MADE, COL_REASON, COL_SIZE, COL_STATE = range(4)
HEADERS = (
    QT_TRANSLATE_NOOP("BackupsModel", "Made"),
    QT_TRANSLATE_NOOP("BackupsModel", "Why"),
    QT_TRANSLATE_NOOP("BackupsModel", "Size"),
    QT_TRANSLATE_NOOP("BackupsModel", "State"),
)
REASONS = {
    "daily": QT_TRANSLATE_NOOP("BackupsModel", "First use of the day"),
    "before-restore": QT_TRANSLATE_NOOP("BackupsModel", "The file before a restore"),
    "damaged": QT_TRANSLATE_NOOP("BackupsModel", "The damaged file, kept"),
    "before-replace": QT_TRANSLATE_NOOP("BackupsModel", "Before a plan was replaced"),
    "by-hand": QT_TRANSLATE_NOOP("BackupsModel", "Made by hand"),
    "before-removing-plan": QT_TRANSLATE_NOOP("BackupsModel", "Before a plan was removed"),
    "before-carry-over": QT_TRANSLATE_NOOP("BackupsModel", "Before a carry-over"),
    "before-m": QT_TRANSLATE_NOOP("BackupsModel", "Before an upgrade"),
}


@dataclass(frozen=True)
class CheckedBackup:
    backup: Backup
    problems: tuple[str, ...]  # () when sound


class BackupsModel(ListTableModel):
    RecordRole = Qt.ItemDataRole.UserRole + 1
    HEADERS = HEADERS

    def reason_text(self, reason: str) -> str:
        for prefix, text in REASONS.items():
            if reason == prefix or reason.startswith(prefix):
                return self.tr(text)
        return reason

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item: CheckedBackup | None = self.record_at(index)
        if item is None:
            return None
        if role == self.RecordRole:
            return item
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_MADE:
                return f"{item.backup.made_at:%Y-%m-%d %H:%M:%S}"
            if column == COL_REASON:
                return self.reason_text(item.backup.reason)
            if column == COL_SIZE:
                return f"{max(item.backup.size // 1024, 1):,} KB"
            if column == COL_STATE:
                return self.tr("Damaged") if item.problems else self.tr("Sound")
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join((str(item.backup.path), *item.problems))
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_STATE and item.problems:
            return QBrush(QColor("#c62828"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

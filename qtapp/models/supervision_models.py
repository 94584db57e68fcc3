"""A task's 延期 and 领导批示 as small read-only tables in the 督办 tab."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt

from db.supervision import Instruction, Postponement
from qtapp.display import chinese_date
from qtapp.models.list_table import ListTableModel

Index = QModelIndex | QPersistentModelIndex


class PostponementModel(ListTableModel):
    """Each 延期 of a task: old → new deadline, why, who approved it, when."""

    RecordRole = Qt.ItemDataRole.UserRole + 2
    HEADERS = (
        QT_TRANSLATE_NOOP("PostponementModel", "Deadline"),
        QT_TRANSLATE_NOOP("PostponementModel", "Reason"),
        QT_TRANSLATE_NOOP("PostponementModel", "Approved by"),
        QT_TRANSLATE_NOOP("PostponementModel", "Date"),
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item: Postponement | None = self.record_at(index)
        if item is None:
            return None
        if role == self.RecordRole:
            return item
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            column = index.column()
            if column == 0:
                text = f"{item.old_phrase} → {item.new_phrase}"
                if role == Qt.ItemDataRole.ToolTipRole:
                    dates = f"{chinese_date(item.old_due_on) or '—'} → "
                    return text + "\n" + dates + (chinese_date(item.new_due_on) or "—")
                return text
            if column == 1:
                return item.reason
            if column == 2:
                return item.approved_by
            if column == 3:
                return chinese_date(item.recorded_at[:10])
        return None


class InstructionModel(ListTableModel):
    """The 领导批示 on a task: date, leader, text."""

    RecordRole = Qt.ItemDataRole.UserRole + 2
    HEADERS = (
        QT_TRANSLATE_NOOP("InstructionModel", "Date"),
        QT_TRANSLATE_NOOP("InstructionModel", "Leader"),
        QT_TRANSLATE_NOOP("InstructionModel", "Instruction"),
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item: Instruction | None = self.record_at(index)
        if item is None:
            return None
        if role == self.RecordRole:
            return item
        if role == Qt.ItemDataRole.DisplayRole:
            return (chinese_date(item.given_on), item.leader, item.text)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2:
            return item.text
        return None

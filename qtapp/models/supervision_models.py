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
        QT_TRANSLATE_NOOP("PostponementModel", "Reason and approval"),
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item: Postponement | None = self.record_at(index)
        if item is None:
            return None
        if role == self.RecordRole:
            return item
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return f"{item.old_phrase} → {item.new_phrase}"
            approved = self.tr(" (approved by %1)").replace("%1", item.approved_by)
            return item.reason + (approved if item.approved_by else "")
        if role == Qt.ItemDataRole.ToolTipRole:  # the dates and when it was recorded
            dates = (
                f"{chinese_date(item.old_due_on) or '—'} → {chinese_date(item.new_due_on) or '—'}"
            )
            return "\n".join(
                (f"{item.old_phrase} → {item.new_phrase}（{dates}）", item.reason,
                 self.tr("Recorded %1").replace("%1", chinese_date(item.recorded_at[:10])))
            )  # fmt: skip
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

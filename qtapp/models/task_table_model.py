"""The task table: one row per task, in outline order or sorted by any column.

Sorting happens here, in Python over native values, in one layout change: a
QSortFilterProxyModel that sorts calls back into Python for every comparison and
takes seconds at 50,000 rows. The proxy in front of this model filters only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from db.records import TaskRow
from db.supervision import Postponement
from domain.names import search_keys
from domain.warnings import Light
from qtapp.display import (
    chinese_date,
    code_sort_key,
    deadline_note,
    deadline_text,
    status_text,
)
from qtapp.icons import draft_icon
from qtapp.lights import LIGHT_ORDER, light_icon, light_name

Index = QModelIndex | QPersistentModelIndex

COL_CODE, COL_TEXT, COL_LEAD, COL_COOP, COL_LEADER, COL_DEADLINE, COL_STATUS, COL_LIGHT = range(8)
HEADERS = (
    QT_TRANSLATE_NOOP("TaskTableModel", "No."),
    QT_TRANSLATE_NOOP("TaskTableModel", "Task"),
    QT_TRANSLATE_NOOP("TaskTableModel", "Lead department"),
    QT_TRANSLATE_NOOP("TaskTableModel", "Cooperating"),
    QT_TRANSLATE_NOOP("TaskTableModel", "Leader"),
    QT_TRANSLATE_NOOP("TaskTableModel", "Deadline"),
    QT_TRANSLATE_NOOP("TaskTableModel", "Status"),
    QT_TRANSLATE_NOOP("TaskTableModel", "Warning"),
)
_UNKNOWN_DEADLINE = QBrush(QColor("#b45309"))


class TaskTableModel(QAbstractTableModel):
    SortRole = Qt.ItemDataRole.UserRole + 1
    RecordRole = Qt.ItemDataRole.UserRole + 2
    IdRole = Qt.ItemDataRole.UserRole + 3

    text_edited = Signal(int, str)  # task id, new text: the panel turns it into a command

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[TaskRow] = []
        self._row_of: dict[int, int] = {}
        self._search: dict[int, str] = {}  # task id → search key (Simplified, folded)
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._light_of: Callable[[TaskRow], Light] | None = None
        self._lights: dict[int, Light] = {}
        self._drafts: set[int] = set()  # tasks with unsaved typing kept as a draft
        self._short: dict[str, str] = {}  # department name → its short name (组干处)
        self._postponed: dict[int, list[Postponement]] = {}  # 延期 of the tasks shown

    # -- content ---------------------------------------------------------------------------

    def set_light_rule(self, rule: Callable[[TaskRow], Light] | None) -> None:
        """How a row's warning light is worked out (depends on the plan year, today and
        the office's thresholds); the lights are computed again."""
        self._light_of = rule
        self._lights = {}
        if self._rows:
            self.dataChanged.emit(
                self.index(0, COL_LIGHT), self.index(len(self._rows) - 1, COL_LIGHT)
            )

    def set_short_names(self, short: dict[str, str]) -> None:
        """Departments are shown by their short names, as office tables write them (the
        full name is in the tooltip)."""
        self._short = dict(short)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, COL_LEAD), self.index(len(self._rows) - 1, COL_COOP)
            )

    def set_drafts(self, task_ids: set[int]) -> None:
        """Mark the tasks that have a draft (a pencil before their number)."""
        changed = task_ids ^ self._drafts
        self._drafts = set(task_ids)
        for task_id in changed:
            row = self._row_of.get(task_id)
            if row is not None:
                index = self.index(row, COL_CODE)
                self.dataChanged.emit(index, index)

    def set_postponements(
        self, found: dict[int, list[Postponement]], *, merge: bool = False
    ) -> None:
        """The 延期 of the tasks (their reasons are in the deadline's tooltip)."""
        if merge:
            self._postponed.update(found)
        else:
            self._postponed = dict(found)

    def light(self, row: TaskRow) -> Light | None:
        if self._light_of is None:
            return None
        found = self._lights.get(row.id)
        if found is None:
            found = self._lights[row.id] = self._light_of(row)
        return found

    def set_rows(self, rows: Sequence[TaskRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        # Text may have changed under the same ids (undo, reload): keys are made anew.
        self._search = {}
        self._lights = {}
        if self._sort is not None:
            self._rows.sort(
                key=lambda r: self._sort_key(r, self._sort[0]),
                reverse=self._sort[1] == Qt.SortOrder.DescendingOrder,
            )
        self._reindex()
        self.endResetModel()

    def update_rows(self, rows: Iterable[TaskRow]) -> None:
        """Replace changed tasks in place (one dataChanged per row: selection stays)."""
        changed = []
        for row in rows:
            index = self._row_of.get(row.id)
            if index is None:
                continue
            self._rows[index] = row
            self._lights.pop(row.id, None)
            self._search[row.id] = search_keys([self._haystack(row)])[0]
            changed.append(index)
        for index in changed:
            self.dataChanged.emit(self.index(index, 0), self.index(index, COL_LIGHT))

    def _reindex(self) -> None:
        self._row_of = {row.id: i for i, row in enumerate(self._rows)}
        missing = [r for r in self._rows if r.id not in self._search]
        if len(self._search) > 2 * len(self._rows) + 1000:
            self._search = {}  # drop keys of tasks no longer shown
            missing = self._rows
        for row, key in zip(
            missing, search_keys([self._haystack(r) for r in missing]), strict=True
        ):
            self._search[row.id] = key

    @staticmethod
    def _haystack(row: TaskRow) -> str:
        return f"{row.code} {row.text}"

    def records(self) -> list[TaskRow]:
        return self._rows

    def search_text(self, task_id: int) -> str:
        return self._search.get(task_id, "")

    def record(self, row: int) -> TaskRow:
        return self._rows[row]

    def row_of(self, task_id: int) -> int | None:
        return self._row_of.get(task_id)

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

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == COL_TEXT:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._display(row, column, edit=role == Qt.ItemDataRole.EditRole)
        if role == self.SortRole:
            return self._sort_key(row, column)
        if role == self.RecordRole:
            return row
        if role == self.IdRole:
            return row.id
        if column == COL_CODE and row.id in self._drafts:
            if role == Qt.ItemDataRole.DecorationRole:
                return draft_icon()
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("Unsaved draft")
        if column == COL_LIGHT and role in (
            Qt.ItemDataRole.DecorationRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            light = self.light(row)
            if light is None:
                return None
            return (
                light_icon(light.color) if role == Qt.ItemDataRole.DecorationRole else light.reason
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_TEXT:
                return row.text
            if column == COL_LEAD:
                return row.lead or None
            if column == COL_COOP:
                return "、".join(row.cooperating) or None
            if column == COL_DEADLINE:
                return self._deadline_tooltip(row)
            if column == COL_CODE and row.focus:
                return self.tr("Key supervision")
            return None
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == COL_DEADLINE
            and row.deadline is not None
            and row.deadline.kind == "unknown"
        ):
            return _UNKNOWN_DEADLINE
        return None

    def _deadline_tooltip(self, row: TaskRow) -> str:
        note = deadline_note(row.deadline)
        if not row.postponements:
            return note
        lines = [
            note,
            self.tr("Originally %1; postponed %n time(s):", "", row.postponements).replace(
                "%1", row.original_deadline or ""
            ),
        ]
        for item in self._postponed.get(row.id, []):
            when = chinese_date(item.recorded_at[:10])
            line = f"{when} {item.old_phrase} → {item.new_phrase}：{item.reason}"
            if item.approved_by:
                line += self.tr(" (approved by %1)").replace("%1", item.approved_by)
            lines.append(line)
        return "\n".join(lines)

    def _display(self, row: TaskRow, column: int, *, edit: bool = False) -> str:
        if column == COL_CODE:
            return f"★{row.code}" if row.focus and not edit else row.code
        if column == COL_TEXT:
            return row.text
        if column == COL_LEAD:
            return self._short.get(row.lead, row.lead) if not edit else row.lead
        if column == COL_COOP:
            return "、".join(self._short.get(name, name) for name in row.cooperating)
        if column == COL_LEADER:
            return row.leader
        if column == COL_DEADLINE:
            if row.postponements and not edit:
                return self.tr("%1 (postponed %n×)", "", row.postponements).replace(
                    "%1", deadline_text(row.deadline)
                )
            return deadline_text(row.deadline)
        if column == COL_STATUS:
            return status_text(row.status)
        if column == COL_LIGHT:
            light = self.light(row)
            return light_name(light.color) if light else ""
        return ""

    def _sort_key(self, row: TaskRow, column: int) -> Any:
        if column == COL_CODE:
            return code_sort_key(row.code)
        if column == COL_DEADLINE:
            # Dated first by date, then open-ended, then none.
            if row.deadline is None:
                return (2, "")
            return (0, row.deadline.due_on) if row.deadline.due_on else (1, row.deadline.phrase)
        if column == COL_STATUS:
            return row.status or ""
        if column == COL_LIGHT:
            light = self.light(row)
            return LIGHT_ORDER.get(light.color, 9) if light else 9
        return self._display(row, column)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != COL_TEXT:
            return False
        row = self._rows[index.row()]
        text = str(value).strip()
        if text and text != row.text:
            self.text_edited.emit(row.id, text)  # stored through an undo command
        return False  # the row changes when the store reports it

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column < 0:
            self._sort = None
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_ids = [(self._rows[i.row()].id, i.column()) for i in old]
        # Ties keep outline order (the sort is stable and starts from it).
        self._rows.sort(key=lambda r: code_sort_key(r.code))
        self._rows.sort(
            key=lambda r: self._sort_key(r, column), reverse=order == Qt.SortOrder.DescendingOrder
        )
        self._reindex()
        self.changePersistentIndexList(
            old, [self.index(self._row_of[task_id], col) for task_id, col in old_ids]
        )
        self.layoutChanged.emit()

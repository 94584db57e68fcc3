"""Table models for the directory: departments (处室) and leaders in charge (分管领导).

The models never write to the database. An edited cell emits ``edit_requested`` and
``setData`` returns False; the dialog turns the request into one undoable command, and
the model shows the new value when the directory is reloaded after it.
"""

from __future__ import annotations

from collections.abc import Sequence
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
from PySide6.QtGui import QBrush, QPalette

from db.records import Department, Leader

Index = QModelIndex | QPersistentModelIndex
SEPARATOR = "、"

COL_NAME, COL_SHORT_NAME, COL_ALIASES, COL_LEADERS, COL_STATUS = range(5)
DEPARTMENT_HEADERS = (
    QT_TRANSLATE_NOOP("DepartmentTableModel", "Name"),
    QT_TRANSLATE_NOOP("DepartmentTableModel", "Short name"),
    QT_TRANSLATE_NOOP("DepartmentTableModel", "Aliases"),
    QT_TRANSLATE_NOOP("DepartmentTableModel", "Supervised by"),
    QT_TRANSLATE_NOOP("DepartmentTableModel", "Status"),
)
DEPARTMENT_EDITABLE = frozenset({COL_NAME, COL_SHORT_NAME, COL_ALIASES})

COL_LEADER_NAME, COL_LEADER_TITLE, COL_LEADER_DEPARTMENTS, COL_LEADER_STATUS = range(4)
LEADER_HEADERS = (
    QT_TRANSLATE_NOOP("LeaderTableModel", "Name"),
    QT_TRANSLATE_NOOP("LeaderTableModel", "Title"),
    QT_TRANSLATE_NOOP("LeaderTableModel", "Departments supervised"),
    QT_TRANSLATE_NOOP("LeaderTableModel", "Status"),
)
LEADER_EDITABLE = frozenset({COL_LEADER_NAME, COL_LEADER_TITLE})

_DISPLAY = Qt.ItemDataRole.DisplayRole
_EDIT = Qt.ItemDataRole.EditRole


class _DirectoryModel(QAbstractTableModel):
    """Rows of frozen records with an ``id``; a reload with the same ids in the same
    order keeps the selection and any open editor (dataChanged), else the model resets."""

    SortRole = Qt.ItemDataRole.UserRole + 1
    RecordRole = Qt.ItemDataRole.UserRole + 2
    IdRole = Qt.ItemDataRole.UserRole + 3

    # record id, column, text as typed: the dialog turns it into a command
    edit_requested = Signal(int, int, str)

    HEADERS: tuple[str, ...] = ()
    EDITABLE: frozenset[int] = frozenset()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def _set_rows(self, rows: Sequence[Any]) -> None:
        rows = list(rows)
        if rows and [r.id for r in rows] == [r.id for r in self._rows]:
            # Labels derived from the other table (leader or department names) may have
            # changed with no change to these records: the directory is small, say all.
            self._rows = rows
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(rows) - 1, self.columnCount() - 1)
            )
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    # -- access -----------------------------------------------------------------------------

    def records(self) -> list[Any]:
        return list(self._rows)

    def record(self, row: int) -> Any:
        return self._rows[row]

    def row_of(self, record_id: int) -> int | None:
        for row, record in enumerate(self._rows):
            if record.id == record_id:
                return row
        return None

    # -- Qt model ---------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = _DISPLAY) -> Any:  # fmt: skip
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY:
            return self.tr(self.HEADERS[section]) if 0 <= section < len(self.HEADERS) else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() in self.EDITABLE:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        record = self._rows[index.row()]
        column = index.column()
        if role in (_DISPLAY, _EDIT):
            return self._text(record, column)
        if role == self.SortRole:
            return self._sort_value(record, column)
        if role == self.RecordRole:
            return record
        if role == self.IdRole:
            return record.id
        if role == Qt.ItemDataRole.ForegroundRole and not record.active:
            return QBrush(QPalette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        if role == Qt.ItemDataRole.ToolTipRole and column != COL_STATUS:
            return self._text(record, column) or None
        return None

    def setData(self, index: Index, value: Any, role: int = _EDIT) -> bool:
        """Never writes: asks for the change (``edit_requested``) and returns False."""
        if (
            role != _EDIT
            or not index.isValid()
            or index.column() not in self.EDITABLE
            or not 0 <= index.row() < len(self._rows)
        ):
            return False
        text = "" if value is None else str(value)
        record = self._rows[index.row()]
        if text.strip() != self._text(record, index.column()):
            self.edit_requested.emit(record.id, index.column(), text)
        return False

    def _text(self, record: Any, column: int) -> str:
        raise NotImplementedError

    def _sort_value(self, record: Any, column: int) -> Any:
        raise NotImplementedError


class DepartmentTableModel(_DirectoryModel):
    HEADERS = DEPARTMENT_HEADERS
    EDITABLE = DEPARTMENT_EDITABLE

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._names: dict[int, str] = {}
        self._leaders: dict[int, list[str]] = {}
        self.show_retired = False

    def load(
        self,
        departments: Sequence[Department],
        leaders: Sequence[Leader],
        *,
        show_retired: bool | None = None,
    ) -> None:
        """All departments (retired ones too: a merged one names its survivor) in official
        order, and the leaders; retired departments are listed only with ``show_retired``."""
        if show_retired is not None:
            self.show_retired = show_retired
        self._names = {d.id: d.name for d in departments}
        self._leaders = {}
        for leader in leaders:
            if leader.active:
                for dept_id in leader.department_ids:
                    self._leaders.setdefault(dept_id, []).append(leader.name)
        self._set_rows([d for d in departments if d.active or self.show_retired])

    def department(self, row: int) -> Department:
        return self._rows[row]

    def status_text(self, dept: Department) -> str:
        if dept.active:
            return self.tr("Active")
        if dept.merged_into_id is not None:
            target = self._names.get(dept.merged_into_id, "?")
            return self.tr("Merged into %1").replace("%1", target)
        return self.tr("Retired")

    def _text(self, record: Department, column: int) -> str:
        if column == COL_NAME:
            return record.name
        if column == COL_SHORT_NAME:
            return record.short_name
        if column == COL_ALIASES:
            return SEPARATOR.join(record.aliases)
        if column == COL_LEADERS:
            return SEPARATOR.join(self._leaders.get(record.id, ()))
        if column == COL_STATUS:
            return self.status_text(record)
        return ""

    def _sort_value(self, record: Department, column: int) -> Any:
        if column == COL_NAME:
            return record.position
        if column == COL_STATUS:
            return (not record.active, record.merged_into_id is not None)
        return self._text(record, column)


class LeaderTableModel(_DirectoryModel):
    HEADERS = LEADER_HEADERS
    EDITABLE = LEADER_EDITABLE

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._names: dict[int, str] = {}
        self._order: dict[int, int] = {}

    def load(self, leaders: Sequence[Leader], departments: Sequence[Department]) -> None:
        """Leaders in their order; ``departments`` (retired ones too) give the names."""
        self._names = {d.id: d.name for d in departments}
        self._order = {d.id: i for i, d in enumerate(departments)}
        self._set_rows(leaders)

    def leader(self, row: int) -> Leader:
        return self._rows[row]

    def _text(self, record: Leader, column: int) -> str:
        if column == COL_LEADER_NAME:
            return record.name
        if column == COL_LEADER_TITLE:
            return record.title
        if column == COL_LEADER_DEPARTMENTS:
            ids = sorted(record.department_ids, key=lambda d: self._order.get(d, len(self._order)))
            return SEPARATOR.join(self._names.get(d, "?") for d in ids)
        if column == COL_LEADER_STATUS:
            return self.tr("Active") if record.active else self.tr("Retired")
        return ""

    def _sort_value(self, record: Leader, column: int) -> Any:
        if column == COL_LEADER_NAME:
            return record.position
        if column == COL_LEADER_STATUS:
            return not record.active
        return self._text(record, column)

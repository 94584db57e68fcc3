"""Which column of a task table holds what: one row per column of the table, its header,
an example cell and the role the clerk can change. Used by the import dialog's preview."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QLabel, QWidget

from domain.table_plan import (
    COOPERATING,
    DEADLINE,
    ITEM_TITLE,
    LEAD,
    LEADER,
    NUMBER,
    PERSON,
    TASK,
    TableMapping,
    TaskTable,
)

CONTEXT = "ColumnMappingBox"
ROLE_NAMES = {
    NUMBER: QT_TRANSLATE_NOOP("ColumnMappingBox", "Number (序号)"),
    ITEM_TITLE: QT_TRANSLATE_NOOP("ColumnMappingBox", "Item title (重点工作)"),
    TASK: QT_TRANSLATE_NOOP("ColumnMappingBox", "Task (工作任务)"),
    LEAD: QT_TRANSLATE_NOOP("ColumnMappingBox", "Lead department (牵头处室)"),
    COOPERATING: QT_TRANSLATE_NOOP("ColumnMappingBox", "Cooperating (配合处室)"),
    DEADLINE: QT_TRANSLATE_NOOP("ColumnMappingBox", "Deadline (完成时限)"),
    LEADER: QT_TRANSLATE_NOOP("ColumnMappingBox", "Leader in charge (分管领导)"),
    PERSON: QT_TRANSLATE_NOOP("ColumnMappingBox", "Person responsible (责任人)"),
}
EXAMPLE_CHARS = 14


class ColumnMappingBox(QGroupBox):
    """The column → role mapping of a task table, editable; emits the corrected mapping."""

    mapping_changed = Signal(object)  # TableMapping

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Columns of the table"), parent)
        self.setObjectName("columnMappingBox")
        self.table: TaskTable | None = None
        self.mapping = TableMapping()
        self.combos: list[QComboBox] = []
        self._layout = QGridLayout(self)
        self._updating = False

    def set_table(self, table: TaskTable | None) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()
        self.combos = []
        self.table = table
        self.setVisible(table is not None)
        if table is None:
            return
        self.mapping = table.mapping
        for column, header in enumerate(table.headers):
            name = QLabel(header or self.tr("Column %1").replace("%1", str(column + 1)), self)
            example = QLabel(self._example(table, column), self)
            example.setStyleSheet("color: #666;")
            combo = QComboBox(self)
            combo.setObjectName(f"columnRole{column}")
            combo.addItem(self.tr("(not used)"), None)
            for role, text in ROLE_NAMES.items():
                combo.addItem(QCoreApplication.translate(CONTEXT, text), role)
            combo.currentIndexChanged.connect(lambda _i, c=column: self._changed(c))
            # Two columns of the table a line, so that the preview keeps its room.
            row, at = divmod(column, 2)
            self._layout.addWidget(name, row, at * 3)
            self._layout.addWidget(combo, row, at * 3 + 1)
            self._layout.addWidget(example, row, at * 3 + 2)
            self.combos.append(combo)
        self._show(self.mapping)

    def _example(self, table: TaskTable, column: int) -> str:
        """The column's first own cell in a task row (section rows and merges skipped)."""
        for row in table.grid.rows[table.header_row + 1 :]:
            if any(cell.across for cell in row) or column >= len(row) or row[column].covered:
                continue
            text = row[column].text
            if text:
                text = " ".join(text.split())
                return text if len(text) <= EXAMPLE_CHARS else text[:EXAMPLE_CHARS] + "…"
        return ""

    def _show(self, mapping: TableMapping) -> None:
        self._updating = True
        try:
            by_column = {column: role for role, column in mapping.columns.items()}
            for column, combo in enumerate(self.combos):
                index = combo.findData(by_column.get(column))
                combo.setCurrentIndex(max(index, 0))
        finally:
            self._updating = False

    def set_role(self, column: int, role: str | None) -> None:
        """Give ``column`` the ``role`` (None: not used), as the clerk does with the box."""
        combo = self.combos[column]
        combo.setCurrentIndex(max(combo.findData(role), 0))

    def _changed(self, column: int) -> None:
        if self._updating:
            return
        role = self.combos[column].currentData()
        if role is None:
            old = next((r for r, c in self.mapping.columns.items() if c == column), None)
            mapping = self.mapping.with_role(old, None) if old else self.mapping
        else:
            mapping = self.mapping.with_role(role, column)
        self.mapping = mapping
        self._show(mapping)  # a role taken from another column shows there as unused
        self.mapping_changed.emit(mapping)

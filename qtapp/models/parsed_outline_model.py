"""A parsed plan's outline (sections → items) as a read-only Qt tree, for the import
preview: nothing here touches the database."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from domain.outline import ParsedNode, ParsedPlan

Index = QModelIndex | QPersistentModelIndex
TEXT_CLIP = 40  # characters of a task shown for a node without a title


@dataclass(eq=False)
class _Entry:
    """One row of the tree; held by the model for its lifetime (internal pointers)."""

    node: ParsedNode
    parent: _Entry | None
    children: list[_Entry] = field(default_factory=list)
    total: int = 0  # tasks here and below


def node_text(node: ParsedNode) -> str:
    """``label + title``, or ``label + first task`` (clipped) when there is no title."""
    text = node.title
    if not text and node.tasks:
        first = node.tasks[0].text
        text = first if len(first) <= TEXT_CLIP else first[:TEXT_CLIP] + "…"
    return f"{node.label}{text}".strip()


class ParsedOutlineModel(QAbstractItemModel):
    """Top-level rows are the plan's outline nodes; children are node children."""

    COL_OUTLINE = 0
    COL_TASKS = 1
    COLUMNS = 2
    RecordRole = Qt.ItemDataRole.UserRole + 2  # the ParsedNode

    def __init__(self, plan: ParsedPlan | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._roots: list[_Entry] = []
        self._entries: list[_Entry] = []  # keeps every entry alive while the model lives
        if plan is not None:
            self.set_plan(plan)

    def set_plan(self, plan: ParsedPlan | None) -> None:
        self.beginResetModel()
        self._roots = []
        self._entries = []
        for node in plan.outline if plan is not None else []:
            self._roots.append(self._build(node, None))
        self.endResetModel()

    def _build(self, node: ParsedNode, parent: _Entry | None) -> _Entry:
        entry = _Entry(node, parent)
        self._entries.append(entry)
        entry.children = [self._build(child, entry) for child in node.children]
        entry.total = len(node.tasks) + sum(c.total for c in entry.children)
        return entry

    def _entry(self, index: Index) -> _Entry | None:
        return index.internalPointer() if index.isValid() else None  # type: ignore[return-value]

    def _siblings(self, entry: _Entry) -> list[_Entry]:
        return entry.parent.children if entry.parent is not None else self._roots

    # -- QAbstractItemModel ----------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if not 0 <= column < self.COLUMNS or row < 0:
            return QModelIndex()
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        entry = self._entry(parent)
        siblings = entry.children if entry is not None else self._roots
        if row >= len(siblings):
            return QModelIndex()
        return self.createIndex(row, column, siblings[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        entry = self._entry(index)
        if entry is None or entry.parent is None:
            return QModelIndex()
        parent = entry.parent
        return self.createIndex(self._siblings(parent).index(parent), 0, parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        entry = self._entry(parent)
        return len(entry.children) if entry is not None else len(self._roots)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return self.COLUMNS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        entry = self._entry(index)
        if entry is None:
            return None
        if role == self.RecordRole:
            return entry.node
        if index.column() == self.COL_TASKS:
            if role == Qt.ItemDataRole.DisplayRole:
                return str(entry.total)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return node_text(entry.node)
        if role == Qt.ItemDataRole.ToolTipRole:
            node = entry.node
            return f"{node.label}{node.title or (node.tasks[0].text if node.tasks else '')}"
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == self.COL_OUTLINE:
            return self.tr("Outline")
        if section == self.COL_TASKS:
            return self.tr("Tasks")
        return None

"""The plan outline (plan → sections → items) as a Qt tree model."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from sqlite_utils import Database

from db.plans import list_outline, task_counts_by_node
from db.records import OutlineNode, Plan

Index = QModelIndex | QPersistentModelIndex


@dataclass(eq=False)
class _Entry:
    """One row of the tree: a plan or an outline node."""

    plan: Plan
    node: OutlineNode | None
    parent: _Entry | None
    children: list[_Entry] = field(default_factory=list)
    task_count: int = 0
    total: int = 0  # tasks here and below

    @property
    def row(self) -> int:
        return self.parent.children.index(self) if self.parent else 0


class OutlineModel(QAbstractItemModel):
    """Plans at the top, their sections and items below; read-only."""

    RecordRole = Qt.ItemDataRole.UserRole + 1  # the OutlineNode (None for a plan row)
    PlanRole = Qt.ItemDataRole.UserRole + 2  # the Plan

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._roots: list[_Entry] = []

    def load(self, db: Database, plans: list[Plan]) -> None:
        self.beginResetModel()
        self._roots = []
        for plan in plans:
            counts = task_counts_by_node(db, plan.id)
            root = _Entry(plan, None, None)
            entries: dict[int, _Entry] = {}
            for node in list_outline(db, plan.id):
                parent = entries.get(node.parent_id) if node.parent_id is not None else root
                entry = _Entry(plan, node, parent or root, task_count=counts.get(node.id, 0))
                (parent or root).children.append(entry)
                entries[node.id] = entry
            self._count(root)
            self._roots.append(root)
        self.endResetModel()

    def _count(self, entry: _Entry) -> int:
        entry.total = entry.task_count + sum(self._count(c) for c in entry.children)
        return entry.total

    # -- QAbstractItemModel ----------------------------------------------------------------

    def _entry(self, index: Index) -> _Entry | None:
        return index.internalPointer() if index.isValid() else None  # type: ignore[return-value]

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if not 0 <= column < 2 or row < 0 or (parent.isValid() and parent.column() != 0):
            return QModelIndex()
        siblings = self._entry(parent).children if parent.isValid() else self._roots
        if row >= len(siblings):
            return QModelIndex()
        return self.createIndex(row, column, siblings[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        entry = self._entry(index)
        if entry is None or entry.parent is None:
            return QModelIndex()
        parent = entry.parent
        siblings = parent.parent.children if parent.parent else self._roots
        return self.createIndex(siblings.index(parent), 0, parent)

    def node_ids_under(self, index: Index) -> frozenset[int] | None:
        """The outline nodes at and below ``index``; None for a plan row (everything)."""
        entry = self._entry(index)
        if entry is None or entry.node is None:
            return None
        found: set[int] = set()

        def walk(e: _Entry) -> None:
            if e.node is not None:
                found.add(e.node.id)
            for child in e.children:
                walk(child)

        walk(entry)
        return frozenset(found)

    def index_of_plan(self, plan_id: int) -> QModelIndex:
        for row, root in enumerate(self._roots):
            if root.plan.id == plan_id:
                return self.createIndex(row, 0, root)
        return QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._entry(parent).children) if parent.isValid() else len(self._roots)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 2

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        entry = self._entry(index)
        if entry is None:
            return None
        if index.column() == 1:
            if role == Qt.ItemDataRole.DisplayRole:
                return str(entry.total)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if entry.node is None:
                return entry.plan.title
            node = entry.node
            return f"{node.label}{node.title}".strip() or node.label
        if role == Qt.ItemDataRole.ToolTipRole and entry.node is not None:
            return f"{entry.node.label}{entry.node.title}"
        if role == self.RecordRole:
            return entry.node
        if role == self.PlanRole:
            return entry.plan
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Outline") if section == 0 else self.tr("Tasks")
        return None

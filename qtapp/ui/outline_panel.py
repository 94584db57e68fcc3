"""The outline tree: plans, sections, items. Selecting a node narrows the task table."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QVBoxLayout, QWidget

from db.plans import list_plans
from db.records import OutlineNode, Plan
from qtapp.context import AppContext
from qtapp.models.outline_model import OutlineModel


class OutlinePanel(QWidget):
    # plan id, outline node ids in scope (None: the whole plan), the scope's name
    scope_changed = Signal(int, object, str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("outlinePanel")
        self.model = OutlineModel(self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("outlineTree")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        self.tree.selectionModel().selectionChanged.connect(self._selection_changed)
        ctx.plans_changed.connect(self.reload)
        ctx.structure_changed.connect(lambda _plan_id: self.reload())
        self._plan_id: int | None = None

    def plans(self) -> list[Plan]:
        return list_plans(self.ctx.db)

    def reload(self) -> None:
        """Reload the tree, keeping the selected plan and node where they still exist."""
        current = self.current_node()
        plan_id = self._plan_id
        plans = self.plans()
        self.tree.selectionModel().blockSignals(True)
        self.model.load(self.ctx.db, plans)
        self.tree.selectionModel().blockSignals(False)
        self.tree.expandToDepth(0)
        if not plans:
            self._plan_id = None
            self.scope_changed.emit(-1, None, "")
            return
        if plan_id not in {p.id for p in plans}:
            plan_id = plans[-1].id
        target = self.model.index_of_plan(plan_id)
        if current is not None:
            found = self._find_node(target, current.id)
            target = found if found.isValid() else target
        self.tree.setCurrentIndex(target)
        self._emit_scope(target)

    def _find_node(self, parent: QModelIndex, node_id: int) -> QModelIndex:
        for row in range(self.model.rowCount(parent)):
            index = self.model.index(row, 0, parent)
            node = self.model.data(index, OutlineModel.RecordRole)
            if node is not None and node.id == node_id:
                return index
            found = self._find_node(index, node_id)
            if found.isValid():
                return found
        return QModelIndex()

    def current_node(self) -> OutlineNode | None:
        return self.model.data(self.tree.currentIndex(), OutlineModel.RecordRole)

    def current_plan(self) -> Plan | None:
        return self.model.data(self.tree.currentIndex(), OutlineModel.PlanRole)

    def select_plan(self, plan_id: int) -> None:
        self.tree.setCurrentIndex(self.model.index_of_plan(plan_id))

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self._emit_scope(indexes[0])

    def _emit_scope(self, index: QModelIndex) -> None:
        plan = self.model.data(index, OutlineModel.PlanRole)
        if plan is None:
            return
        self._plan_id = plan.id
        node = self.model.data(index, OutlineModel.RecordRole)
        name = plan.title if node is None else f"{node.label}{node.title}".strip()
        self.scope_changed.emit(plan.id, self.model.node_ids_under(index), name)

"""Filtering the task table: text, department, leader, unassigned, due dates, status,
and the part of the outline selected in the tree.

The matching rows are worked out in one pass over the model's records, then the proxy
is invalidated once; ``filterAcceptsRow`` only looks the row up. Sorting is passed to
the source model (see task_table_model.py for why).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt

from db.records import TaskRow
from domain.names import search_key
from qtapp.models.task_table_model import TaskTableModel

_CODE = re.compile(r"^\d+(?:\.\d+)?-\d*$")
DUE_ANY, DUE_OVERDUE, DUE_WITHIN = "any", "overdue", "within"
STATUS_ANY, STATUS_NONE = "any", "none"


@dataclass(frozen=True)
class TaskFilterSpec:
    text: str = ""
    department_id: int | None = None  # as lead or cooperating
    leader_id: int | None = None
    unassigned: bool = False
    due: str = DUE_ANY
    within_days: int = 14
    status: str = STATUS_ANY  # a status code, "none" (not reported) or "any"
    node_ids: frozenset[int] | None = None  # the tree's selection; None: the whole plan

    def with_(self, **changes: object) -> TaskFilterSpec:
        return replace(self, **changes)  # type: ignore[arg-type]

    @property
    def active(self) -> bool:
        return self != TaskFilterSpec(node_ids=self.node_ids)


class TaskFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._spec = TaskFilterSpec()
        self._accepted: set[int] | None = None  # task ids; None: every row
        self.today = date.today()
        self.setDynamicSortFilter(False)

    def source(self) -> TaskTableModel:
        model = self.sourceModel()
        assert isinstance(model, TaskTableModel)
        return model

    def spec(self) -> TaskFilterSpec:
        return self._spec

    def set_spec(self, spec: TaskFilterSpec) -> None:
        self._spec = spec
        self.refilter()

    def refilter(self) -> None:
        """Work out the matching rows again (after a filter change or an edit)."""
        spec = self._spec
        if spec == TaskFilterSpec():
            self._accepted = None
        else:
            model = self.source()
            needle = search_key(spec.text.strip())
            self._accepted = {
                r.id for r in model.records() if self._matches(r, spec, needle, model)
            }
        # invalidate() rebuilds the mapping in one go (a filter change would insert rows
        # one range at a time: ten times slower when a filter is cleared at 50,000 rows).
        self.invalidate()

    def _matches(
        self, r: TaskRow, spec: TaskFilterSpec, needle: str, model: TaskTableModel
    ) -> bool:
        if spec.node_ids is not None and r.node_id not in spec.node_ids:
            return False
        if needle:
            if _CODE.match(needle):
                # "4-2" is that task; "4-" every task of item 4 (not 14-2 or 24-2).
                if not (r.code == needle or (needle.endswith("-") and r.code.startswith(needle))):
                    return False
            elif needle not in model.search_text(r.id):
                return False
        if (
            spec.department_id is not None
            and spec.department_id != r.lead_id
            and spec.department_id not in r.cooperating_ids
        ):
            return False
        if spec.leader_id is not None and r.leader_id != spec.leader_id:
            return False
        if spec.unassigned and r.lead_id is not None:
            return False
        if spec.status == STATUS_NONE and r.status is not None:
            return False
        if spec.status not in (STATUS_ANY, STATUS_NONE) and r.status != spec.status:
            return False
        if spec.due != DUE_ANY:
            due = r.deadline.due_on if r.deadline else None
            if due is None or r.status == "done" or r.closed_on:
                return False
            today = self.today.isoformat()
            if spec.due == DUE_OVERDUE and not due < today:
                return False
            if spec.due == DUE_WITHIN and not (
                today <= due <= (self.today + timedelta(days=spec.within_days)).isoformat()
            ):
                return False
        return True

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        accepted = self._accepted
        return accepted is None or self.source().task_id_at(source_row) in accepted

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.source().sort(column, order)

    def visible_ids(self) -> list[int]:
        source = self.source()
        return [
            source.task_id_at(self.mapToSource(self.index(row, 0)).row())
            for row in range(self.rowCount())
        ]

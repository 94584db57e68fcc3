"""Filtering the task table: text, department, leader, unassigned, due dates, status,
重点督办, 延期, 来源, and the part of the outline selected in the tree.

The matching rows are worked out in one pass over the model's records, then the proxy
is invalidated once; ``filterAcceptsRow`` only looks the row up. Sorting is passed to
the source model (see task_table_model.py for why).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt

from db.records import TaskRow
from domain.codes import code_matches, code_query
from domain.names import search_key
from qtapp.models.task_table_model import TaskTableModel

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
    light: str = "any"  # a light color, or "any"
    ids: frozenset[int] | None = None  # exactly these tasks (a figure clicked on the dashboard)
    ids_label: str = ""
    focus_only: bool = False  # 重点督办 only
    postponed_only: bool = False  # tasks whose deadline was postponed (延期)
    source: str | None = None  # tasks of this 来源 (a key of domain.workflow.SOURCES)

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
            self._accepted = {r.id for r in self._matching(spec)}
        # invalidate() rebuilds the mapping in one go (a filter change would insert rows
        # one range at a time: ten times slower when a filter is cleared at 50,000 rows).
        self.invalidate()

    def count_matching(self, spec: TaskFilterSpec) -> int:
        """How many rows ``spec`` would show (the filter itself is not changed)."""
        return len(self._matching(spec))

    def _matching(self, spec: TaskFilterSpec) -> list[TaskRow]:
        """Narrow the rows one criterion at a time, each a single fast pass."""
        model = self.source()
        rows = model.records()
        if spec.ids is not None:
            rows = [r for r in rows if r.id in spec.ids]
        if spec.node_ids is not None:
            rows = [r for r in rows if r.node_id in spec.node_ids]
        needle = search_key(spec.text.strip())
        code = code_query(spec.text)
        if code is not None:
            # "4-2" is that task; "4-" every task of item 4 (not 14-2 or 24-2).
            rows = [r for r in rows if code_matches(r.code, code)]
        elif needle:
            rows = [r for r in rows if needle in model.search_text(r.id)]
        if spec.department_id is not None:
            dept = spec.department_id
            rows = [r for r in rows if r.lead_id == dept or dept in r.cooperating_ids]
        if spec.leader_id is not None:
            rows = [r for r in rows if r.leader_id == spec.leader_id]
        if spec.unassigned:
            rows = [r for r in rows if r.lead_id is None]
        if spec.focus_only:
            rows = [r for r in rows if r.focus]
        if spec.postponed_only:
            rows = [r for r in rows if r.postponements]
        if spec.source is not None:
            rows = [r for r in rows if r.source == spec.source]
        if spec.status == STATUS_NONE:
            rows = [r for r in rows if r.status is None]
        elif spec.status != STATUS_ANY:
            rows = [r for r in rows if r.status == spec.status]
        if spec.light != "any":
            rows = [r for r in rows if (light := model.light(r)) and light.color == spec.light]
        if spec.due != DUE_ANY:
            today = self.today.isoformat()
            last = (self.today + timedelta(days=spec.within_days)).isoformat()
            open_rows = [
                (r, r.deadline.due_on)
                for r in rows
                if r.deadline and r.deadline.due_on and r.status != "done" and not r.closed_on
            ]
            if spec.due == DUE_OVERDUE:
                rows = [r for r, due in open_rows if due < today]
            else:
                rows = [r for r, due in open_rows if today <= due <= last]
        return rows

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        accepted = self._accepted
        return accepted is None or self._model.records()[source_row].id in accepted

    def setSourceModel(self, model: TaskTableModel) -> None:  # type: ignore[override]
        self._model = model  # kept typed: filterAcceptsRow runs once per row
        super().setSourceModel(model)

    def accepted_rows(self) -> list[TaskRow]:
        """The rows that pass the filter, in the order shown (this proxy never sorts)."""
        rows = self._model.records()
        if self._accepted is None:
            return list(rows)
        accepted = self._accepted
        return [r for r in rows if r.id in accepted]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.source().sort(column, order)

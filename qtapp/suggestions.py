"""Suggestions for assigning tasks — from the plan's own notes and from similar tasks
assigned before — and taking them as assign() operations grouped by value."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject

from db.suggest import SimilarIndex, Suggestion, suggestions
from qtapp.commands import Operation
from qtapp.context import AppContext

SHOW_AT_MOST = 2000  # suggestions are shown for at most this many selected tasks


class SuggestionSource(QObject):
    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._index: SimilarIndex | None = None
        for signal in (ctx.tasks_changed, ctx.structure_changed, ctx.plans_changed):
            signal.connect(self.forget)
        ctx.directory_changed.connect(self.forget)

    def forget(self, *_args: object) -> None:
        self._index = None  # assignments changed: similar-task suggestions are rebuilt

    def for_tasks(
        self, task_ids: Sequence[int], *, at_most: int | None = SHOW_AT_MOST
    ) -> dict[int, Suggestion]:
        if not task_ids or (at_most is not None and len(task_ids) > at_most):
            return {}
        if self._index is None:
            self._index = SimilarIndex(self.ctx.db)
        return suggestions(self.ctx.db, list(task_ids), self._index)

    def operations(self, task_ids: Sequence[int]) -> list[Operation]:
        """assign() operations taking the suggestions of these tasks, grouped by value."""
        groups: dict[tuple, list[int]] = {}
        for task_id, s in self.for_tasks(task_ids, at_most=None).items():
            if not s.empty:
                key = (s.lead_id, s.cooperating_ids, s.deadline, s.leader_id)
                groups.setdefault(key, []).append(task_id)
        operations: list[Operation] = []
        for (lead, cooperating, deadline, leader), ids in groups.items():
            changes: dict[str, object] = {}
            if lead is not None:
                changes["lead"] = lead
            if cooperating:
                changes["cooperating"] = list(cooperating)
            if deadline:
                changes["deadline"] = deadline
            if leader is not None:
                changes["leader"] = leader
            operations.append((ids, changes))
        return operations

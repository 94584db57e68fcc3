"""Undo commands of the 督办 workflow: 阶段目标, 延期, 来源 and 重点督办 (bulk, one step),
领导批示, new 督办事项台账 and the 分工确认 decisions applied. Each calls the store
(db/supervision.py, db/ledgers.py, db/confirmations.py) and puts the recorded state back on
undo and redo, as ``qtapp/commands.py`` does."""

from __future__ import annotations

from collections.abc import Sequence

from db import supervision as sv
from db import task_edits
from db.confirmations import SettledStep, get_proposals, settle, undo_settlement
from db.ledger_edits import (
    LedgerState,
    add_item,
    create_ledger,
    item_node,
    remove_item,
    restore_item,
    restore_ledger,
)
from db.plans import delete_plan
from qtapp.commands import DubanCommand
from qtapp.context import AppContext


class TargetCommand(DubanCommand):
    """Set (or clear) one task's 阶段目标 for one reporting period."""

    def __init__(
        self, ctx: AppContext, task_id: int, period_id: int, text: str, percent: int | None,
        label: str,
    ) -> None:  # fmt: skip
        super().__init__(ctx, label)
        self.task_id, self.period_id = task_id, period_id
        self.text_, self.percent = text, percent
        self.before: sv.Target | None = None
        self.after: sv.Target | None = None

    def do_apply(self) -> None:
        self.before = sv.set_target(
            self.ctx.db, self.task_id, self.period_id, self.text_, self.percent
        )
        self.after = sv.get_target(self.ctx.db, self.task_id, self.period_id)
        self.ctx.tasks_changed.emit([self.task_id])

    def _put(self, target: sv.Target | None) -> None:
        sv.restore_target(self.ctx.db, self.task_id, self.period_id, target)
        self.ctx.tasks_changed.emit([self.task_id])

    def do_undo(self) -> None:
        self._put(self.before)

    def do_redo(self) -> None:
        self._put(self.after)


class PostponeCommand(DubanCommand):
    """A 延期: the deadline moves, the old one and the reason are kept."""

    def __init__(
        self, ctx: AppContext, task_id: int, deadline: str, reason: str, approved_by: str,
        label: str,
    ) -> None:  # fmt: skip
        super().__init__(ctx, label)
        self.task_id = task_id
        self.words = (deadline, reason, approved_by)
        self.done: sv.Postponement | None = None

    def do_apply(self) -> None:
        self.done = sv.postpone(self.ctx.db, self.task_id, *self.words)
        self.ctx.tasks_changed.emit([self.task_id])

    def do_undo(self) -> None:
        if self.done is not None:
            sv.undo_postponement(self.ctx.db, self.done)
            self.ctx.tasks_changed.emit([self.task_id])

    def do_redo(self) -> None:
        if self.done is not None:
            self.done = sv.redo_postponement(self.ctx.db, self.done)  # a new row, a new id
            self.ctx.tasks_changed.emit([self.task_id])


class MarkCommand(DubanCommand):
    """Set the 来源 (``column`` 'source') or the 重点督办 mark ('focus') of many tasks as
    one step."""

    def __init__(
        self, ctx: AppContext, column: str, task_ids: Sequence[int], value: object, label: str
    ) -> None:
        super().__init__(ctx, label)
        self.column, self.task_ids, self.value = column, list(task_ids), value
        self.before: dict[int, object] = {}

    def do_apply(self) -> None:
        db = self.ctx.db
        if self.column == "focus":
            self.before = dict(sv.set_focus(db, self.task_ids, bool(self.value)))
        else:
            self.before = dict(sv.set_source(db, self.task_ids, str(self.value)))
        self.ctx.tasks_changed.emit(self.task_ids)

    def do_undo(self) -> None:
        sv.restore_column(self.ctx.db, self.column, self.before)
        self.ctx.tasks_changed.emit(self.task_ids)

    def do_redo(self) -> None:
        sv.restore_column(self.ctx.db, self.column, {t: self.value for t in self.before})
        self.ctx.tasks_changed.emit(self.task_ids)


class InstructionCommand(DubanCommand):
    """Add a 领导批示 to a task (``instruction`` None: made from ``words``), or remove one."""

    def __init__(
        self, ctx: AppContext, task_id: int, label: str, *,
        words: tuple[str, str, str] | None = None, remove: sv.Instruction | None = None,
    ) -> None:  # fmt: skip
        super().__init__(ctx, label)
        self.task_id = task_id
        self.words = words
        self.item = remove
        self.removing = remove is not None

    def do_apply(self) -> None:
        if self.removing:
            assert self.item is not None
            sv.remove_instruction(self.ctx.db, self.item)
        else:
            assert self.words is not None
            self.item = sv.add_instruction(self.ctx.db, self.task_id, *self.words)
        self.ctx.tasks_changed.emit([self.task_id])

    def _there(self, on: bool) -> None:
        assert self.item is not None
        if on:
            sv.restore_instruction(self.ctx.db, self.item)
        else:
            sv.remove_instruction(self.ctx.db, self.item)
        self.ctx.tasks_changed.emit([self.task_id])

    def do_undo(self) -> None:
        self._there(self.removing)

    def do_redo(self) -> None:
        self._there(not self.removing)


class LedgerCommand(DubanCommand):
    """Make a new 督办事项台账; undo removes it again (it is empty by then: the items added
    later are undone first), redo puts it back under the same id."""

    def __init__(self, ctx: AppContext, title: str, year: int, label: str) -> None:
        super().__init__(ctx, label)
        self.title_, self.year = title, year
        self.plan_id: int | None = None
        self.state: LedgerState = {}

    def do_apply(self) -> None:
        self.plan_id, self.state = create_ledger(self.ctx.db, self.title_, self.year)
        self.ctx.plans_changed.emit()

    def do_undo(self) -> None:
        if self.plan_id is not None:
            delete_plan(self.ctx.db, self.plan_id)
            self.ctx.plans_changed.emit()

    def do_redo(self) -> None:
        restore_ledger(self.ctx.db, self.state)
        self.ctx.plans_changed.emit()


class LedgerItemCommand(DubanCommand):
    """Add a 督办事项 to a ledger (with its outline item); undo takes both back."""

    def __init__(self, ctx: AppContext, plan_id: int, label: str, **item: object) -> None:
        super().__init__(ctx, label)
        self.plan_id, self.item = plan_id, item
        self.task_id: int | None = None
        self.node: dict = {}
        self.after: task_edits.EditState | None = None

    def do_apply(self) -> None:
        db = self.ctx.db
        self.task_id = add_item(db, self.plan_id, **self.item)  # type: ignore[arg-type]
        self.node = item_node(db, self.task_id)
        self.after = task_edits.capture(db, [self.task_id])
        self.ctx.structure_changed.emit(self.plan_id)

    def do_undo(self) -> None:
        if self.task_id is not None:
            remove_item(self.ctx.db, self.task_id, self.node["id"])
            self.ctx.structure_changed.emit(self.plan_id)

    def do_redo(self) -> None:
        if self.after is not None:
            restore_item(self.ctx.db, self.node, self.after)
            self.ctx.structure_changed.emit(self.plan_id)


class SettleCommand(DubanCommand):
    """Decide 分工确认 proposals and apply the accepted ones, as one step
    (``db.confirmations.settle`` / ``undo_settlement``)."""

    def __init__(
        self, ctx: AppContext, accept: Sequence[int], reject: Sequence[int], label: str
    ) -> None:
        super().__init__(ctx, label)
        self.accept, self.reject = list(accept), list(reject)
        self.step: SettledStep | None = None

    def _changed(self) -> None:
        if self.step is not None:
            tasks = {p.task_id for p in get_proposals(self.ctx.db, [*self.accept, *self.reject])}
            self.ctx.tasks_changed.emit(sorted(tasks))

    def do_apply(self) -> None:
        self.step = settle(self.ctx.db, self.accept, self.reject)
        self._changed()

    def do_undo(self) -> None:
        if self.step is not None:
            undo_settlement(self.ctx.db, self.step)
            self._changed()

    def do_redo(self) -> None:
        self.step = settle(self.ctx.db, self.accept, self.reject)
        self._changed()

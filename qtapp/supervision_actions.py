"""What the clerk does in the 督办 workflow, turned into undo commands (as
``qtapp/task_actions.py`` does for assignments and task edits)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject

from db.records import TaskRow
from db.supervision import Instruction
from qtapp.context import AppContext
from qtapp.i18n import tr
from qtapp.supervision_commands import (
    InstructionCommand,
    LedgerCommand,
    LedgerItemCommand,
    MarkCommand,
    PostponeCommand,
    TargetCommand,
)
from qtapp.workflow_names import source_name


class SupervisionActions(QObject):
    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def set_focus(self, tasks: Sequence[TaskRow], on: bool) -> bool:
        ids = [t.id for t in tasks]
        if not ids:
            return False
        label = (
            tr("Mark %n task(s) for key supervision", len(ids))
            if on
            else tr("Take %n task(s) off key supervision", len(ids))
        )
        return self.ctx.execute(MarkCommand(self.ctx, "focus", ids, on, label))

    def toggle_focus(self, tasks: Sequence[TaskRow]) -> bool:
        """Mark the tasks for 重点督办 — or, when every one is marked already, unmark them."""
        return self.set_focus(tasks, not all(t.focus for t in tasks))

    def set_source(self, tasks: Sequence[TaskRow], source: str) -> bool:
        ids = [t.id for t in tasks if t.source != source]
        if not ids:
            return False
        label = tr("Set the source of %n task(s) to %1", len(ids)).replace(
            "%1", source_name(source)
        )
        return self.ctx.execute(MarkCommand(self.ctx, "source", ids, source, label))

    def set_target(self, task: TaskRow, period_id: int, text: str, percent: int | None) -> bool:
        label = tr("Set the stage target of task %1").replace("%1", task.code)
        if not text.strip() and percent is None:
            label = tr("Clear the stage target of task %1").replace("%1", task.code)
        return self.ctx.execute(TargetCommand(self.ctx, task.id, period_id, text, percent, label))

    def postpone(self, task: TaskRow, deadline: str, reason: str, approved_by: str) -> bool:
        label = (
            tr("Postpone task %1 to %2").replace("%1", task.code).replace("%2", deadline.strip())
        )
        return self.ctx.execute(
            PostponeCommand(self.ctx, task.id, deadline, reason, approved_by, label)
        )

    def add_instruction(self, task: TaskRow, given_on: str, leader: str, text: str) -> bool:
        label = tr("Add %1's instruction to task %2").replace("%1", leader.strip())
        return self.ctx.execute(
            InstructionCommand(
                self.ctx, task.id, label.replace("%2", task.code), words=(given_on, leader, text)
            )
        )

    def remove_instruction(self, task: TaskRow, item: Instruction) -> bool:
        label = tr("Remove %1's instruction from task %2").replace("%1", item.leader)
        return self.ctx.execute(
            InstructionCommand(self.ctx, task.id, label.replace("%2", task.code), remove=item)
        )

    def new_ledger(self, title: str, year: int) -> int | None:
        """Make a 督办事项台账; its id (None when refused)."""
        command = LedgerCommand(
            self.ctx, title, year, tr("New supervision ledger “%1”").replace("%1", title.strip())
        )
        return command.plan_id if self.ctx.execute(command) else None

    def add_ledger_item(
        self, plan_id: int, title: str, text: str, *, source: str, focus: bool,
        lead: int | None, deadline: str,
    ) -> list[int]:  # fmt: skip
        """Add a 督办事项 to a ledger; the new task's id (none when refused)."""
        command = LedgerItemCommand(
            self.ctx, plan_id, tr("Add a supervision item to “%1”").replace("%1", title),
            text=text, source=source, focus=focus, lead=lead, deadline=deadline,
        )  # fmt: skip
        return [command.task_id] if self.ctx.execute(command) and command.task_id else []

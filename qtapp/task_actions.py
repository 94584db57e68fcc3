"""What the clerk does to tasks, turned into undo commands.

The window calls these intent-level methods from menus, buttons and shortcuts; each
builds one command with a human name and hands it to the context.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject

from db import task_edits
from db.assignments import KEEP
from db.records import TaskRow
from qtapp.commands import AssignCommand, Operation, ProgressCommand, TaskEditCommand
from qtapp.context import AppContext
from qtapp.i18n import tr


class TaskActions(QObject):
    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def assign(self, task_ids: Sequence[int], changes: dict[str, object]) -> bool:
        if not task_ids or not changes:
            return False
        full = {
            key: changes.get(key, KEEP)
            for key in ("lead", "cooperating", "leader", "person", "deadline")
        }
        return self.ctx.execute(AssignCommand.simple(self.ctx, list(task_ids), **full))

    def record_progress(self, task: TaskRow, period_id: int, values: dict[str, object]) -> bool:
        return self.ctx.execute(
            ProgressCommand(
                self.ctx,
                task.id,
                period_id,
                values,
                tr("Record progress of task %1").replace("%1", task.code),
            )
        )

    def take_suggestions(self, operations: list[Operation]) -> bool:
        count = sum(len(ids) for ids, _ in operations)
        if not count:
            self.ctx.prompts.show_info(tr("Suggestions"), tr("There is no suggestion to take."))
            return False
        command = AssignCommand(self.ctx, operations, tr("Take %n suggestion(s)", count))
        return self.ctx.execute(command)

    def edit_text(self, task: TaskRow, text: str) -> bool:
        if text.strip() == task.text:
            return False
        return self.ctx.execute(
            TaskEditCommand(
                self.ctx,
                tr("Edit task %1").replace("%1", task.code),
                task.plan_id,
                [task.id],
                lambda db: task_edits.update_text(db, task.id, text) or [],
                structural=False,
            )
        )

    def split(self, task: TaskRow, at: int) -> list[int]:
        """Split a task at ``at``; the ids of both parts (none when refused)."""
        command = TaskEditCommand(
            self.ctx,
            tr("Split task %1").replace("%1", task.code),
            task.plan_id,
            [task.id],
            lambda db: [task_edits.split(db, task.id, at)],
        )
        return [task.id, *command.created] if self.ctx.execute(command) else []

    def merge_target(self, rows: Sequence[TaskRow]) -> TaskRow | None:
        """The task to merge with its next: the one selected, or the first of two selected
        that follow each other in their item; None otherwise."""
        if len(rows) == 1:
            return rows[0]
        if len(rows) == 2 and task_edits.next_in_item(self.ctx.db, rows[0].id) == rows[1].id:
            return rows[0]
        return None

    def merge_with_next(self, task: TaskRow) -> bool:
        next_id = task_edits.next_in_item(self.ctx.db, task.id)
        ids = [task.id] + ([next_id] if next_id is not None else [])
        return self.ctx.execute(
            TaskEditCommand(
                self.ctx,
                tr("Merge task %1 with the next").replace("%1", task.code),
                task.plan_id,
                ids,
                lambda db: task_edits.merge_with_next(db, task.id) and [],
            )
        )

    def add_after(self, task: TaskRow, text: str) -> bool:
        return self.ctx.execute(
            TaskEditCommand(
                self.ctx,
                tr("Add a task after %1").replace("%1", task.code),
                task.plan_id,
                [],
                lambda db: [task_edits.add(db, task.node_id, text, after=task.id)],
            )
        )

    def delete(self, tasks: Sequence[TaskRow]) -> bool:
        if not tasks:
            return False
        ids = [t.id for t in tasks]
        return self.ctx.execute(
            TaskEditCommand(
                self.ctx,
                tr("Delete %n task(s)", len(ids)),
                tasks[0].plan_id,
                ids,
                lambda db: task_edits.delete(db, ids) or [],
            )
        )

    def move(self, task: TaskRow, offset: int) -> bool:
        def move(db: object) -> list[int]:
            if not task_edits.move(self.ctx.db, task.id, offset):
                from db.errors import InvalidValue

                raise InvalidValue(tr("The task is already first or last in its item."))
            return []

        return self.ctx.execute(
            TaskEditCommand(
                self.ctx,
                tr("Move task %1").replace("%1", task.code),
                task.plan_id,
                [task.id],
                move,
            )
        )

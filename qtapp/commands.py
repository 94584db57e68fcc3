"""Undo commands: one per user action, with a human name for the Edit menu.

A command does its work in ``apply()`` (called by ``AppContext.execute`` before it
goes on the stack, so a refused edit never enters the history). ``undo``/``redo``
then put recorded states back — the store's ``restore`` functions — rather than
replaying the action, so a redo gives exactly what the clerk saw.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand
from sqlite_utils import Database

from db import directory_state, task_edits
from db.assignments import KEEP, AssignmentState, assign, restore, snapshot
from db.departments import get_department
from db.leaders import get_leader
from db.plan_script import ScriptChange, redo_simplify, simplify_plan, undo_simplify
from db.progress import (
    get_progress,
    period_rows,
    record_progress,
    restore_entries,
    restore_periods,
)
from db.records import ProgressEntry
from db.settings import get_setting, set_setting
from qtapp.context import AppContext
from qtapp.i18n import tr

if TYPE_CHECKING:  # the read-back (and the form readers behind it) load when first used
    from db.readback_records import ApplyResult, ReadbackPreview


class DubanCommand(QUndoCommand):
    def __init__(self, ctx: AppContext, text: str) -> None:
        super().__init__(text)
        self.ctx = ctx
        self._applied_now = False

    def apply(self) -> None:
        self.do_apply()
        self._applied_now = True

    def redo(self) -> None:
        if self._applied_now:  # push() calls redo() right after apply(): nothing to do
            self._applied_now = False
            return
        self.do_redo()

    def undo(self) -> None:
        self.do_undo()

    def do_apply(self) -> None:
        raise NotImplementedError

    def do_redo(self) -> None:
        raise NotImplementedError

    def do_undo(self) -> None:
        raise NotImplementedError

    def done_message(self) -> str:
        """What the status bar says once the command has been applied."""
        return tr("Done: %1").replace("%1", self.text())


Operation = tuple[Sequence[int], dict[str, Any]]  # task ids and assign() keyword arguments


class AssignCommand(DubanCommand):
    """Assign tasks — one group, or several groups with different values (accepting
    suggestions) — as one step."""

    def __init__(self, ctx: AppContext, operations: list[Operation], text: str) -> None:
        super().__init__(ctx, text)
        self.operations = operations
        self.task_ids = list(dict.fromkeys(t for ids, _ in operations for t in ids))
        self.before: list[AssignmentState] = []
        self.after: list[AssignmentState] = []

    @classmethod
    def simple(cls, ctx: AppContext, task_ids: Sequence[int], **changes: Any) -> AssignCommand:
        return cls(ctx, [(task_ids, changes)], tr("Assign %n task(s)", len(task_ids)))

    def do_apply(self) -> None:
        db = self.ctx.db
        with db.atomic():
            self.before = snapshot(db, self.task_ids)
            for ids, changes in self.operations:
                assign(db, ids, **changes)
            self.after = snapshot(db, self.task_ids)
        self.ctx.tasks_changed.emit(self.task_ids)

    def do_undo(self) -> None:
        restore(self.ctx.db, self.before, action="assign.undo")
        self.ctx.tasks_changed.emit(self.task_ids)

    def done_message(self) -> str:
        """ "已将 34 项任务的牵头处室设为组织干部处" — and a lead taken off the cooperating
        departments where it was one of them."""
        if len(self.operations) != 1:
            return tr("%n suggestion(s) taken.", len(self.task_ids))
        ids, changes = self.operations[0]
        db = self.ctx.db
        named = {
            "lead": lambda d: get_department(db, d).name,
            "cooperating": lambda ds: "、".join(get_department(db, d).name for d in ds),
            "leader": lambda x: get_leader(db, x).name,
            "person": str,
            "deadline": str,
        }
        said = {  # what was set, what was cleared: each a whole phrase for the translation
            "lead": (tr("lead department set to %1"), tr("lead department cleared")),
            "cooperating": (
                tr("cooperating departments set to %1"),
                tr("cooperating departments cleared"),
            ),
            "leader": (tr("leader set to %1"), tr("leader cleared")),
            "person": (tr("responsible person set to %1"), tr("responsible person cleared")),
            "deadline": (tr("deadline set to %1"), tr("deadline cleared")),
        }
        parts = []
        for field, (set_to, cleared) in said.items():
            value = changes.get(field, KEEP)
            if value is KEEP:
                continue
            shown = named[field](value) if value not in (None, "", []) else ""
            parts.append(set_to.replace("%1", shown) if shown else cleared)
        message = tr("%n task(s): %1.", len(ids)).replace("%1", tr(", ").join(parts))
        moved = [
            a for b, a in zip(self.before, self.after, strict=True)
            if a.lead_id is not None and a.lead_id != b.lead_id and a.lead_id in b.cooperating_ids
        ]  # fmt: skip
        if moved:
            message += " " + tr(
                "%1 now leads, so it was taken off the cooperating departments of %n task(s).",
                len(moved),
            ).replace("%1", get_department(db, moved[0].lead_id).name)  # type: ignore[arg-type]
        return message

    def do_redo(self) -> None:
        restore(self.ctx.db, self.after, action="assign.redo")
        self.ctx.tasks_changed.emit(self.task_ids)


class TaskEditCommand(DubanCommand):
    """Edit, split, merge, add, delete or move tasks: the states before and after are
    recorded, and undo/redo put them back exactly (deleted tasks return with their ids,
    assignments and progress)."""

    def __init__(
        self,
        ctx: AppContext,
        text: str,
        plan_id: int,
        task_ids: Sequence[int],
        operation: Callable[[Database], Sequence[int]],
        *,
        structural: bool = True,
    ) -> None:
        super().__init__(ctx, text)
        self.plan_id = plan_id
        self.task_ids = list(task_ids)
        self.operation = operation
        self.structural = structural
        self.created: list[int] = []

    def do_apply(self) -> None:
        db = self.ctx.db
        with db.atomic():
            before = task_edits.capture(db, self.task_ids)
            self.created = list(self.operation(db) or [])
            self.before = task_edits.EditState(
                (*before.tasks, *(task_edits.TaskState(t, None) for t in self.created)),
                before.orders,
            )
            self.after = task_edits.capture(db, [*self.task_ids, *self.created])
        self._changed()

    def _changed(self) -> None:
        if self.structural:
            self.ctx.structure_changed.emit(self.plan_id)
        else:
            self.ctx.tasks_changed.emit(self.task_ids)

    def do_undo(self) -> None:
        task_edits.restore(self.ctx.db, self.before, action="task.undo")
        self._changed()

    def do_redo(self) -> None:
        task_edits.restore(self.ctx.db, self.after, action="task.redo")
        self._changed()


class DirectoryCommand(DubanCommand):
    """A change to the department or leader directory (a merge moves assignments too)."""

    def __init__(
        self,
        ctx: AppContext,
        text: str,
        operation: Callable[[Database], object],
        *,
        department_ids: Sequence[int] = (),
    ) -> None:
        super().__init__(ctx, text)
        self.operation = operation
        self.department_ids = list(department_ids)

    def do_apply(self) -> None:
        db = self.ctx.db
        with db.atomic():
            self.before = directory_state.capture(db, self.department_ids)
            self.operation(db)
            self.after = directory_state.capture(db, self.department_ids)
        self.ctx.directory_changed.emit()

    def do_undo(self) -> None:
        directory_state.restore(self.ctx.db, self.before, action="directory.undo")
        self.ctx.directory_changed.emit()

    def do_redo(self) -> None:
        directory_state.restore(self.ctx.db, self.after, action="directory.redo")
        self.ctx.directory_changed.emit()


class SettingsCommand(DubanCommand):
    """Change data settings (office name, template, thresholds …) as one step."""

    def __init__(self, ctx: AppContext, changes: dict[str, object], text: str) -> None:
        super().__init__(ctx, text)
        self.changes = changes
        self.before: dict[str, object] = {}

    def do_apply(self) -> None:
        self.before = {key: get_setting(self.ctx.db, key) for key in self.changes}
        self._set(self.changes)

    def _set(self, values: dict[str, object]) -> None:
        with self.ctx.db.atomic():
            for key, value in values.items():
                set_setting(self.ctx.db, key, value)
        self.ctx.settings_changed.emit()

    def do_undo(self) -> None:
        self._set(self.before)

    def do_redo(self) -> None:
        self._set(self.changes)


class ProgressCommand(DubanCommand):
    """Record (or edit) one task's report for one period."""

    def __init__(
        self, ctx: AppContext, task_id: int, period_id: int, values: dict[str, object], text: str
    ) -> None:
        super().__init__(ctx, text)
        self.key = (task_id, period_id)
        self.values = values
        self.before: ProgressEntry | None = None
        self.after: ProgressEntry | None = None

    def do_apply(self) -> None:
        self.before = get_progress(self.ctx.db, *self.key)
        record_progress(self.ctx.db, *self.key, **self.values)  # type: ignore[arg-type]
        self.after = get_progress(self.ctx.db, *self.key)
        self.ctx.tasks_changed.emit([self.key[0]])

    def _put(self, entry: ProgressEntry | None) -> None:
        restore_entries(self.ctx.db, {self.key: entry})
        self.ctx.tasks_changed.emit([self.key[0]])

    def do_undo(self) -> None:
        self._put(self.before)

    def do_redo(self) -> None:
        self._put(self.after)


class PeriodsCommand(DubanCommand):
    """Add reporting periods (a whole year at once is one step); undo removes them again."""

    def __init__(self, ctx: AppContext, operation: Callable[[Database], list], text: str) -> None:
        super().__init__(ctx, text)
        self.operation = operation
        self.rows: list[dict] = []

    def do_apply(self) -> None:
        added = self.operation(self.ctx.db)
        self.rows = period_rows(self.ctx.db, [p.id for p in added])
        self.ctx.periods_changed.emit()

    def do_undo(self) -> None:
        restore_periods(self.ctx.db, [], [r["id"] for r in self.rows])
        self.ctx.periods_changed.emit()

    def do_redo(self) -> None:
        restore_periods(self.ctx.db, self.rows, [])
        self.ctx.periods_changed.emit()


class RemovePeriodCommand(DubanCommand):
    """Remove a reporting period that holds no report."""

    def __init__(self, ctx: AppContext, period_id: int, text: str) -> None:
        super().__init__(ctx, text)
        self.period_id = period_id
        self.rows: list[dict] = []

    def do_apply(self) -> None:
        self.rows = period_rows(self.ctx.db, [self.period_id])
        restore_periods(self.ctx.db, [], [self.period_id])
        self.ctx.periods_changed.emit()

    def do_undo(self) -> None:
        restore_periods(self.ctx.db, self.rows, [])
        self.ctx.periods_changed.emit()

    def do_redo(self) -> None:
        restore_periods(self.ctx.db, [], [self.period_id])
        self.ctx.periods_changed.emit()


class ReadbackCommand(DubanCommand):
    """Record the progress read from returned feedback forms, as one step."""

    def __init__(
        self, ctx: AppContext, preview: ReadbackPreview, overwrite: bool, text: str
    ) -> None:
        super().__init__(ctx, text)
        self.preview, self.overwrite = preview, overwrite
        self.result: ApplyResult | None = None
        self.before: dict[tuple[int, int], ProgressEntry | None] = {}
        self.after: dict[tuple[int, int], ProgressEntry | None] = {}

    def do_apply(self) -> None:
        db, period = self.ctx.db, self.preview.period_id
        keys = [(r.task_id, period) for r in self.preview.rows if r.task_id is not None]
        self.before = {key: get_progress(db, *key) for key in keys}
        from db.readback import apply_readback

        self.result = apply_readback(db, self.preview, overwrite_conflicts=self.overwrite)
        written = set(self.result.written)
        self.before = {k: v for k, v in self.before.items() if k[0] in written}
        self.after = {key: get_progress(db, *key) for key in self.before}
        self.ctx.tasks_changed.emit(sorted(written))

    def do_undo(self) -> None:
        restore_entries(self.ctx.db, self.before)
        self.ctx.tasks_changed.emit(sorted(k[0] for k in self.before))

    def do_redo(self) -> None:
        restore_entries(self.ctx.db, self.after)
        self.ctx.tasks_changed.emit(sorted(k[0] for k in self.after))


class SimplifyCommand(DubanCommand):
    """Convert a plan imported in Traditional characters to Simplified (the file's text is
    kept in the database); undo puts the Traditional text back."""

    def __init__(self, ctx: AppContext, plan_id: int, text: str) -> None:
        super().__init__(ctx, text)
        self.plan_id = plan_id
        self.change: ScriptChange | None = None

    def _changed(self) -> None:
        self.ctx.plans_changed.emit()
        self.ctx.structure_changed.emit(self.plan_id)

    def do_apply(self) -> None:
        self.change = simplify_plan(self.ctx.db, self.plan_id)
        self._changed()

    def do_undo(self) -> None:
        if self.change is not None:
            undo_simplify(self.ctx.db, self.change)
            self._changed()

    def do_redo(self) -> None:
        if self.change is not None:
            redo_simplify(self.ctx.db, self.change)
            self._changed()

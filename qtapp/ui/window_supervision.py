"""What the 督办 menu, the 督办 tab and the task table's context menu do: 重点督办 and 来源
on the selected tasks, 阶段目标, 延期 and 领导批示 on one task, and 督办事项台账.

Kept apart from the main window, which composes panels; every change goes through
``SupervisionActions`` as one undo command. The 延期 and 批示 dialogs are window-modal
but not blocking (``open()``); what was typed in one closed without saving is kept as a
draft for the task and comes back the next time it is opened for that task.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QPoint
from PySide6.QtWidgets import QMenu

from db.confirmations import ConfirmationPreview, record_replies
from db.departments import list_departments
from db.errors import InvalidValue, StoreError
from db.leaders import list_leaders
from db.records import Plan, TaskRow
from db.supervision import Instruction
from domain.workflow import SOURCES
from qtapp.drafts import INSTRUCTION, POSTPONEMENT, DraftKey
from qtapp.supervision_actions import SupervisionActions
from qtapp.ui.supervision_dialogs import (
    InstructionDialog,
    LedgerDialog,
    LedgerItemDialog,
    PostponeDialog,
)
from qtapp.workflow_names import source_name

if TYPE_CHECKING:
    from qtapp.ui.main_window import MainWindow


class WindowSupervision(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx
        self.actions = SupervisionActions(self.ctx, self)
        self.dialog: Any = None  # the dialog open now (tests drive it)

    def wire(self) -> None:
        w = self.window
        editor = w.detail.supervision
        editor.focus_chosen.connect(lambda on: self.actions.set_focus(self._selected(), on))
        editor.source_chosen.connect(self.set_source)
        editor.target_apply_requested.connect(self.set_target)
        editor.postpone_requested.connect(self.postpone)
        editor.add_instruction_requested.connect(self.add_instruction)
        editor.remove_instruction_requested.connect(self.remove_instruction)
        table = w.tasks.table
        table.setContextMenuPolicy(table.contextMenuPolicy().CustomContextMenu)
        table.customContextMenuRequested.connect(self._context_menu)

    # -- helpers ---------------------------------------------------------------------------

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 6000)

    def _selected(self) -> list[TaskRow]:
        return self.window.tasks.selected_rows()

    def _single(self) -> TaskRow | None:
        rows = self._selected()
        if len(rows) != 1:
            self._status(self.tr("Select one task first."))
            return None
        return rows[0]

    def _plan(self) -> Plan | None:
        return self.window.outline.current_plan()

    def _leaders(self) -> list[str]:
        return [x.name for x in list_leaders(self.ctx.db)]

    # -- 重点督办 and 来源 ----------------------------------------------------------------------

    def toggle_focus(self) -> None:
        rows = self._selected()
        if not rows:
            self._status(self.tr("Select the tasks to mark first."))
            return
        self.actions.toggle_focus(rows)

    def set_source(self, source: str) -> None:
        rows = self._selected()
        if rows:
            self.actions.set_source(rows, source)

    def set_target(self, task_id: int, period_id: int, text: str, percent: object) -> None:
        task = next((r for r in self._selected() if r.id == task_id), None)
        if task is not None:
            self.actions.set_target(task, period_id, text, percent)  # type: ignore[arg-type]

    # -- 延期 and 批示 (dialogs) ------------------------------------------------------------------

    def postpone(self) -> None:
        task = self._single()
        if task is None or not self.ctx.writable():
            return
        if task.deadline is None or not task.deadline.phrase:
            self.ctx.prompts.show_error(
                self.tr("Cannot postpone"),
                self.tr(
                    "Task %1 has no deadline yet, so there is nothing to postpone. Give it "
                    "a deadline in the Assignment tab first."
                ).replace("%1", task.code),
            )
            return
        plan = self._plan()
        year = plan.year if plan is not None and plan.year else self.ctx.as_of.year
        dialog = PostponeDialog(task.code, task.deadline.phrase, year, self._leaders(), self.window)
        self._open(dialog, DraftKey(POSTPONEMENT, (task.id,)),
                   lambda v: self.actions.postpone(task, v["deadline"], v["reason"],
                                                   v["approved_by"]))  # fmt: skip

    def add_instruction(self) -> None:
        task = self._single()
        if task is None or not self.ctx.writable():
            return
        dialog = InstructionDialog(task.code, self._leaders(), self.window)
        self._open(dialog, DraftKey(INSTRUCTION, (task.id,)),
                   lambda v: self.actions.add_instruction(task, v["given_on"], v["leader"],
                                                          v["text"]))  # fmt: skip

    def remove_instruction(self, item: Instruction) -> None:
        task = self._single()
        if task is not None and task.id == item.task_id:
            self.actions.remove_instruction(task, item)

    def _open(
        self, dialog: PostponeDialog | InstructionDialog, key: DraftKey,
        apply: Callable[[dict[str, Any]], bool],
    ) -> None:  # fmt: skip
        """Show a dialog filled with the draft kept for it; OK applies (a refusal leaves the
        dialog open with what was typed), Cancel keeps what was typed as a draft."""
        drafts = self.ctx.drafts
        empty = dialog.values()  # the dialog as it opens with nothing typed
        kept = drafts.get(key)
        if kept:
            dialog.set_values(kept)

        def finished(result: int) -> None:
            values = dialog.values()
            if result:
                if apply(values):
                    drafts.drop(key)
                    self.dialog = None
                    dialog.deleteLater()
                    return
                dialog.open()  # refused (the reason was said): nothing typed is lost
                return
            if values != empty:
                drafts.put(key, values)
            else:
                drafts.drop(key)
            self.dialog = None
            dialog.deleteLater()

        dialog.finished.connect(finished)
        self.dialog = dialog
        dialog.open()

    # -- 督办事项台账 ----------------------------------------------------------------------------

    def new_ledger(self) -> None:
        if not self.ctx.writable():
            return
        dialog = LedgerDialog(self.window)
        self.dialog = dialog

        def finished(result: int) -> None:
            self.dialog = None
            dialog.deleteLater()
            if result:
                plan_id = self.actions.new_ledger(dialog.title.text(), dialog.year.value())
                if plan_id is not None:
                    self.window.files.plan_chosen.emit(plan_id)

        dialog.finished.connect(finished)
        dialog.open()

    def add_ledger_item(self) -> None:
        plan = self._plan()
        if plan is None or plan.kind != "ledger":
            self.ctx.prompts.show_info(
                self.tr("Add a supervision item"),
                self.tr(
                    "Items are added to a supervision ledger: choose one in the tree, or make "
                    "one with Supervise → New supervision ledger…"
                ),
            )
            return
        if not self.ctx.writable():
            return
        departments = [(d.id, d.name) for d in list_departments(self.ctx.db)]
        dialog = LedgerItemDialog(plan.title, plan.year or self.ctx.as_of.year, departments,
                                  self.window)  # fmt: skip
        self.dialog = dialog

        def finished(result: int) -> None:
            if not result:
                self.dialog = None
                dialog.deleteLater()
                return
            v = dialog.values()
            created = self.actions.add_ledger_item(
                plan.id, plan.title, v["text"], source=v["source"], focus=v["focus"],
                lead=v["lead"], deadline=v["deadline"],
            )  # fmt: skip
            if not created:
                dialog.open()  # refused: what was typed stays
                return
            self.dialog = None
            dialog.deleteLater()
            self.window.tasks.reload(select=created)

        dialog.finished.connect(finished)
        dialog.open()

    # -- 分工确认 ------------------------------------------------------------------------------

    def review_confirmations(self, note: str = "") -> None:
        """The proposals of the plan shown, to accept or reject (one undo step)."""
        from qtapp.ui.confirmation_review import ConfirmationReviewDialog

        plan = self._plan()
        if plan is None:
            self._status(self.tr("Choose a plan first."))
            return
        dialog = ConfirmationReviewDialog(self.ctx, plan.id, self.window, note)
        self.dialog = dialog

        def finished(_result: int) -> None:
            self.dialog = None
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()

    def export_confirmations(self) -> None:
        from qtapp.ui.confirmation_files import ConfirmationExportDialog

        plan = self._plan()
        if plan is None:
            self._status(self.tr("Choose a plan first."))
            return
        if not self.ctx.writable():  # the forms sent are noted in the file
            return
        dialog = ConfirmationExportDialog(self.ctx, plan.id, plan.title, self.window)
        self.dialog = dialog
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def read_confirmations(self, folder: bool = False) -> None:
        """Read returned 分工确认表 (files, or a whole folder), note the replies, and open
        the review of their proposals."""
        from qtapp.ui.confirmation_files import preview_text, read_back

        plan = self._plan()
        if plan is None:
            self._status(self.tr("Choose a plan first."))
            return
        if not self.ctx.writable():
            return
        start = self.ctx.ui_settings.folder("readback") or str(self.ctx.db_path.parent)
        title = self.tr("Read back confirmation forms")
        if folder:
            chosen = self.ctx.prompts.ask_folder(title, start)
            paths = [chosen] if chosen else []
        else:
            paths = self.ctx.prompts.ask_open_paths(
                title, start, self.tr("Confirmation forms (*.docx *.xlsx);;All files (*)")
            )
        if not paths:
            return
        self.ctx.ui_settings.set_folder("readback", paths[0])

        def previewed(preview: ConfirmationPreview) -> None:
            note = preview_text(preview)
            if not any(f.accepted for f in preview.forms):
                self.ctx.prompts.show_info(title, note)
                return
            try:
                record_replies(self.ctx.db, preview)
            except (InvalidValue, StoreError) as exc:
                self.ctx.prompts.show_error(title, str(exc))
                return
            self.ctx.tasks_changed.emit([])  # the dashboard's confirmation states
            self.review_confirmations(note)

        read_back(self.ctx, plan.id, [str(p) for p in paths], self.window, previewed)

    # -- the task table's context menu -----------------------------------------------------

    def _context_menu(self, point: QPoint) -> None:
        rows = self._selected()
        if not rows:
            return
        menu = self.build_context_menu(rows)
        menu.exec(self.window.tasks.table.viewport().mapToGlobal(point))

    def build_context_menu(self, rows: list[TaskRow]) -> QMenu:
        menu = QMenu(self.window)
        menu.setObjectName("taskContextMenu")
        writable = not self.ctx.read_only
        menu.addAction(self.window.menus.actions["focusAction"])
        sources = menu.addMenu(self.tr("Source"))
        sources.setObjectName("sourceMenu")
        for key in SOURCES:
            action = sources.addAction(source_name(key))
            action.setCheckable(True)
            action.setChecked(all(r.source == key for r in rows))
            action.setEnabled(writable)
            action.triggered.connect(lambda _c=False, k=key: self.actions.set_source(rows, k))
        menu.addSeparator()
        for name in ("postponeAction", "instructionAction", "assignAction"):
            menu.addAction(self.window.menus.actions[name])
        return menu

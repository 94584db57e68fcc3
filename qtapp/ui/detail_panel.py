"""The detail panel: the selected task's full text and item, the assignment editor,
suggestions, progress, the 督办 tab (来源, 重点督办, 阶段目标, 延期, 领导批示), and the
task's change history."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db.audit import task_history
from db.departments import list_departments
from db.leaders import list_leaders
from db.lights import row_light, thresholds
from db.plan_targets import task_effective_targets
from db.progress import get_period, list_periods, task_progress
from db.records import Plan, TaskRow
from db.supervision import task_instructions, task_postponements
from qtapp.context import AppContext
from qtapp.drafts import DraftKeeper
from qtapp.models.history_model import HistoryModel
from qtapp.suggestions import SuggestionSource
from qtapp.ui.assignment_editor import AssignmentEditor
from qtapp.ui.columns import ColumnLayout
from qtapp.ui.progress_editor import ProgressEditor
from qtapp.ui.supervision_editor import SupervisionEditor
from qtapp.ui.task_text_editor import TaskTextEditor


class DetailPanel(QWidget):
    assign_requested = Signal(list, dict)  # task ids, changes for assign()
    suggestions_requested = Signal(list)  # task ids whose suggestions to take
    text_save_requested = Signal(int, str)
    progress_save_requested = Signal(int, int, dict)  # task id, period id, values
    split_requested = Signal(int, int)  # task id, character position
    merge_requested = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("detailPanel")
        self._targets: list[TaskRow] = []
        self._current: TaskRow | None = None
        self._plan: Plan | None = None
        self.suggestions = SuggestionSource(ctx, self)
        self._departments: dict[int, str] = {}

        self.task_editor = TaskTextEditor(self)
        self.task_editor.setObjectName("taskBox")
        self.text = self.task_editor.text  # the task's text box (the split position is read here)
        self.editor = AssignmentEditor(self)
        self.history_model = HistoryModel(self)
        self.history = QTableView(self)
        self.history.setObjectName("historyView")
        self.history.setModel(self.history_model)
        self.history.verticalHeader().setVisible(False)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setWordWrap(True)
        self.history_columns = ColumnLayout(self.history, "taskHistory", ctx.ui_settings, stretch=1)

        # Assignment, progress and history share the space below the text as tabs.
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("detailTabs")
        self.progress = ProgressEditor(self)
        self.supervision = SupervisionEditor(self)
        for widget, title in (
            (self.editor, self.tr("Assignment")),
            (self.progress, self.tr("Progress")),
            (self.supervision, self.tr("Supervise")),
            (self.history, self.tr("History")),
        ):
            page = QWidget(self.tabs)
            QVBoxLayout(page).addWidget(widget)
            if widget is self.history:
                self.tabs.addTab(page, title)
                continue
            # On a low screen (a 1366×768 laptop) the page scrolls: nothing is ever cut off.
            scroll = QScrollArea(self.tabs)
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidget(page)
            self.tabs.addTab(scroll, title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.task_editor)
        layout.addWidget(self.tabs, 1)
        self.drafts = DraftKeeper(
            ctx.drafts, [self.task_editor, self.editor, self.progress, self.supervision], self
        )
        self.progress.leaving_period.connect(lambda: self.drafts.stash(self.progress))
        self.progress.period_shown.connect(lambda: self.drafts.restore(self.progress))
        ctx.file_changing.connect(self.drafts.stash_all)

        self.editor.apply_requested.connect(
            lambda changes: self.assign_requested.emit([r.id for r in self._targets], changes)
        )
        self.editor.take_suggestion.connect(self.take_suggestions)
        self.progress.save_requested.connect(self.progress_save_requested)
        self.progress.period_chosen.connect(
            lambda period_id: self._plan and self.ctx.set_period(self._plan.id, period_id)
        )
        self.task_editor.save_requested.connect(self.text_save_requested)
        self.task_editor.split_requested.connect(self.split_requested)
        self.task_editor.merge_requested.connect(self.merge_requested)
        ctx.directory_changed.connect(self.reload_directory)
        self.reload_directory()
        self.show_selection([], [], "", None)

    def set_editable(self, on: bool) -> None:
        """Read-only: the task's text, the assignment and the progress are shown, not edited."""
        self.task_editor.set_editable(on)
        self.editor.set_editable(on)
        self.progress.set_editable(on)
        self.supervision.set_editable(on)

    def reload_directory(self) -> None:
        departments = list_departments(self.ctx.db)
        self._departments = {
            d.id: d.name for d in list_departments(self.ctx.db, include_retired=True)
        }
        self.editor.set_directory(departments, list_leaders(self.ctx.db))

    # -- showing ---------------------------------------------------------------------------

    def show_selection(
        self, selected: list[TaskRow], targets: list[TaskRow], scope: str, plan: Plan | None
    ) -> None:
        """``selected``: rows chosen in the table; ``targets``: what an assignment applies
        to (the selection, or everything shown when nothing is selected)."""
        before = self.drafts.showing()
        self.drafts.stash_all()  # what was typed is kept under what it was typed for
        self._targets = targets
        self._current = selected[0] if len(selected) == 1 else None
        if plan is not None and plan.year:
            self.editor.plan_year = plan.year
        self._show_progress(self._current, plan)
        self._show_supervision(selected, plan)
        single = self._current
        heading = self.tr("%n tasks selected", "", len(selected)) if selected else scope
        self.task_editor.show_task(single, heading)
        self.history_model.set_entries(task_history(self.ctx.db, single.id) if single else [])
        if selected:
            target = self.tr("Applies to the %n selected task(s).", "", len(targets))
        elif targets:
            target = self.tr(
                "Nothing selected: applies to all %n task(s) shown (%1).", "", len(targets)
            ).replace("%1", scope)
        else:
            target = self.tr("No task to assign.")
        self.editor.show_tasks(targets, target)
        self.editor.set_suggestion(self._suggestion_text(targets))
        self.drafts.shown(before)

    def _show_progress(self, task: TaskRow | None, plan: Plan | None) -> None:
        self._plan = plan
        if task is None or plan is None:
            self.progress.show_task(None, [], [], None)
            return
        period_id = self.ctx.current_period(plan.id)
        targets = [
            t for t in task_effective_targets(self.ctx.db, task.id) if t.period_id == period_id
        ]
        light = row_light(
            task,
            year=plan.year,
            as_of=self.ctx.as_of,
            limits=thresholds(self.ctx.db),
            target=targets[0] if targets else None,
        )
        self.progress.show_task(
            task.id,
            list_periods(self.ctx.db, plan.id),
            task_progress(self.ctx.db, task.id),
            (light.color, light.reason),
            self.ctx.current_period(plan.id),
        )

    def _show_supervision(self, selected: list[TaskRow], plan: Plan | None) -> None:
        """The 督办 tab: the selected tasks, and for one task its target for the window's
        current period, its postponements and instructions."""
        single = selected[0] if len(selected) == 1 else None
        period_id = self.ctx.current_period(plan.id) if plan is not None else None
        period = get_period(self.ctx.db, period_id) if period_id is not None else None
        db = self.ctx.db
        target = None
        if single is not None and period is not None:  # entered, or from the deadline phrase
            found = [t for t in task_effective_targets(db, single.id) if t.period_id == period.id]
            target = found[0] if found else None
        self.supervision.show_tasks(
            selected,
            period,
            target,
            task_postponements(db, single.id) if single else [],
            task_instructions(db, single.id) if single else [],
            no_periods=plan is not None and not list_periods(db, plan.id),
        )

    def _suggestion_text(self, rows: list[TaskRow]) -> str | None:
        found = {
            k: v for k, v in self.suggestions.for_tasks([r.id for r in rows]).items() if not v.empty
        }
        if not found:
            return None
        if len(rows) > 1:
            return self.tr(
                "Suggestions for %1 of these %n task(s) (Alt+S takes them all).", "", len(rows)
            ).replace("%1", str(len(found)))
        s = next(iter(found.values()))
        parts = []
        if s.lead_id is not None:
            parts.append(self.tr("lead %1").replace("%1", self._departments.get(s.lead_id, "?")))
        if s.cooperating_ids:
            names = "、".join(self._departments.get(d, "?") for d in s.cooperating_ids)
            parts.append(self.tr("with %1").replace("%1", names))
        if s.deadline:
            parts.append(self.tr("deadline %1").replace("%1", s.deadline))
        if s.leader:
            parts.append(self.tr("leader %1").replace("%1", s.leader))
        source = (
            self.tr("named in the plan")
            if s.source == "plan"
            else self.tr("like a task assigned before (%1% similar)").replace(
                "%1", str(round(s.score * 100))
            )
        )
        return (
            self.tr("Suggested: %1 — %2 (Alt+S)")
            .replace("%1", "; ".join(parts))
            .replace("%2", source)
        )

    def take_suggestions(self) -> None:
        if self._targets:
            self.suggestions_requested.emit([r.id for r in self._targets])

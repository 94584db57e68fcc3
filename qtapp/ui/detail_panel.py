"""The detail panel: the selected task's full text and item, the assignment editor,
suggestions, and the task's change history."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db.audit import task_history
from db.departments import list_departments
from db.leaders import list_leaders
from db.lights import row_light, thresholds
from db.progress import list_periods, task_progress
from db.records import Plan, TaskRow
from db.suggest import SimilarIndex, Suggestion, suggestions
from qtapp.context import AppContext
from qtapp.models.history_model import HistoryModel
from qtapp.ui.assignment_editor import AssignmentEditor
from qtapp.ui.progress_editor import ProgressEditor

SUGGEST_AT_MOST = 2000  # suggestions are worked out for at most this many target tasks


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
        self._index: SimilarIndex | None = None
        self._departments: dict[int, str] = {}

        self.heading = QLabel(self)
        self.heading.setObjectName("detailHeading")
        self.heading.setWordWrap(True)
        self.item = QLabel(self)
        self.item.setObjectName("detailItem")
        self.item.setWordWrap(True)
        self.item.setStyleSheet("color: #4b5563;")
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("taskTextEdit")
        self.text.setMaximumHeight(120)
        self.save = QPushButton(self.tr("Save text"), self)
        self.save.setObjectName("saveTextButton")
        self.split = QPushButton(self.tr("Split at cursor"), self)
        self.split.setObjectName("splitButton")
        self.merge = QPushButton(self.tr("Merge with next"), self)
        self.merge.setObjectName("mergeButton")
        self.editor = AssignmentEditor(self)
        self.history_model = HistoryModel(self)
        self.history = QTableView(self)
        self.history.setObjectName("historyView")
        self.history.setModel(self.history_model)
        self.history.verticalHeader().setVisible(False)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.history.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.history.setWordWrap(True)

        text_buttons = QHBoxLayout()
        for button in (self.save, self.split, self.merge):
            text_buttons.addWidget(button)
        text_buttons.addStretch(1)
        task_box = QGroupBox(self.tr("Task"), self)
        task_layout = QVBoxLayout(task_box)
        task_layout.addWidget(self.heading)
        task_layout.addWidget(self.item)
        task_layout.addWidget(self.text)
        task_layout.addLayout(text_buttons)
        # Assignment, progress and history share the space below the text as tabs.
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("detailTabs")
        self.progress = ProgressEditor(self)
        for widget, title in (
            (self.editor, self.tr("Assignment")),
            (self.progress, self.tr("Progress")),
            (self.history, self.tr("History")),
        ):
            page = QWidget(self.tabs)
            QVBoxLayout(page).addWidget(widget)
            self.tabs.addTab(page, title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(task_box)
        layout.addWidget(self.tabs, 1)

        self.editor.apply_requested.connect(
            lambda changes: self.assign_requested.emit([r.id for r in self._targets], changes)
        )
        self.editor.take_suggestion.connect(self.take_suggestions)
        self.progress.save_requested.connect(self.progress_save_requested)
        self.save.clicked.connect(self._save_text)
        self.split.clicked.connect(self._split)
        self.merge.clicked.connect(
            lambda: self._current and self.merge_requested.emit(self._current.id)
        )
        ctx.directory_changed.connect(self.reload_directory)
        for signal in (ctx.tasks_changed, ctx.structure_changed, ctx.plans_changed):
            signal.connect(self._forget_index)
        self.reload_directory()
        self.show_selection([], [], "", None)

    def reload_directory(self) -> None:
        departments = list_departments(self.ctx.db)
        self._departments = {
            d.id: d.name for d in list_departments(self.ctx.db, include_retired=True)
        }
        self.editor.set_directory(departments, list_leaders(self.ctx.db))
        self._forget_index()

    def _forget_index(self, *_args: object) -> None:
        self._index = None  # assignments changed: similar-task suggestions are rebuilt

    # -- showing ---------------------------------------------------------------------------

    def show_selection(
        self, selected: list[TaskRow], targets: list[TaskRow], scope: str, plan: Plan | None
    ) -> None:
        """``selected``: rows chosen in the table; ``targets``: what an assignment applies
        to (the selection, or everything shown when nothing is selected)."""
        self._targets = targets
        self._current = selected[0] if len(selected) == 1 else None
        if plan is not None and plan.year:
            self.editor.plan_year = plan.year
        self._show_progress(self._current, plan)
        single = self._current
        for widget in (self.text, self.save, self.split, self.merge):
            widget.setEnabled(single is not None)
        if single is not None:
            self.heading.setText(self.tr("Task %1").replace("%1", single.code))
            self.item.setText(
                f"{single.section_label}{single.section_title}\n"
                f"{single.item_label}{single.item_title}".strip()
            )
            self.text.setPlainText(single.text)
            self.history_model.set_entries(task_history(self.ctx.db, single.id))
        else:
            self.text.setPlainText("")
            self.item.setText("")
            self.history_model.set_entries([])
            self.heading.setText(
                self.tr("%n tasks selected", "", len(selected)) if selected else scope
            )
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

    def _show_progress(self, task: TaskRow | None, plan: Plan | None) -> None:
        if task is None or plan is None:
            self.progress.show_task(None, [], [], None)
            return
        light = row_light(
            task, year=plan.year, as_of=dt.date.today(), limits=thresholds(self.ctx.db)
        )
        self.progress.show_task(
            task.id,
            list_periods(self.ctx.db, plan.id),
            task_progress(self.ctx.db, task.id),
            (light.color, light.reason),
        )

    def _suggestions(self, rows: list[TaskRow]) -> dict[int, Suggestion]:
        if not rows or len(rows) > SUGGEST_AT_MOST:
            return {}
        if self._index is None:
            self._index = SimilarIndex(self.ctx.db)
        return suggestions(self.ctx.db, [r.id for r in rows], self._index)

    def _suggestion_text(self, rows: list[TaskRow]) -> str | None:
        found = {k: v for k, v in self._suggestions(rows).items() if not v.empty}
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

    def suggestion_operations(self, task_ids: list[int]) -> list[tuple[list[int], dict]]:
        """assign() operations taking the suggestions of these tasks, grouped by value."""
        rows = [r for r in self._targets if r.id in set(task_ids)] or []
        found = (
            self._suggestions(rows)
            if rows
            else suggestions(self.ctx.db, task_ids, self._index or SimilarIndex(self.ctx.db))
        )
        groups: dict[tuple, list[int]] = {}
        for task_id, s in found.items():
            if s.empty:
                continue
            key = (s.lead_id, s.cooperating_ids, s.deadline, s.leader_id)
            groups.setdefault(key, []).append(task_id)
        operations = []
        for (lead, coop, deadline, leader), ids in groups.items():
            changes: dict[str, object] = {}
            if lead is not None:
                changes["lead"] = lead
            if coop:
                changes["cooperating"] = list(coop)
            if deadline:
                changes["deadline"] = deadline
            if leader is not None:
                changes["leader"] = leader
            operations.append((ids, changes))
        return operations

    # -- text ------------------------------------------------------------------------------

    def _save_text(self) -> None:
        if self._current is not None:
            self.text_save_requested.emit(self._current.id, self.text.toPlainText())

    def _split(self) -> None:
        if self._current is not None:
            self.split_requested.emit(self._current.id, self.text.textCursor().position())

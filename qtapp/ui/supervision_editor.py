"""The 督办 tab of the detail panel: 来源 and 重点督办 (for every selected task), and for one
task its 阶段目标 for the window's current period, its 延期 and its 领导批示.

The target's text is typed here and kept as a draft like the other editors' text (see
qtapp/drafts.py): it survives another task, period or plan and a restart until it is
applied or discarded.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.records import ReportingPeriod, TaskRow
from db.supervision import Instruction, Postponement, Target
from domain.workflow import SOURCES
from qtapp.drafts import TARGET, DraftKey
from qtapp.models.supervision_models import InstructionModel, PostponementModel
from qtapp.ui.columns import ColumnLayout
from qtapp.ui.draft_bar import DraftBar
from qtapp.workflow_names import source_name, target_origin_name

NO_PERCENT = -1


class SupervisionEditor(QWidget):
    source_chosen = Signal(str)
    focus_chosen = Signal(bool)
    target_apply_requested = Signal(int, int, str, object)  # task, period, text, percent
    postpone_requested = Signal()
    add_instruction_requested = Signal()
    remove_instruction_requested = Signal(object)  # the Instruction
    edited = Signal()  # the clerk typed in the target (drafts)
    discarded = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("supervisionEditor")
        self._rows: list[TaskRow] = []
        self._task_id: int | None = None
        self._period_id: int | None = None
        self._baseline: dict[str, Any] = {"text": "", "percent": None}
        self._restored = False
        self._editable = True
        self._focus_next = True

        self.heading = QLabel(self)
        self.heading.setObjectName("supervisionHeading")
        self.heading.setWordWrap(True)
        self.source = QComboBox(self)
        self.source.setObjectName("sourceCombo")
        for key in SOURCES:
            self.source.addItem(source_name(key), key)
        self.source.setPlaceholderText(self.tr("(several sources)"))
        self.focus = QCheckBox(self.tr("Key supervision (重点督办)"), self)
        self.focus.setObjectName("focusCheck")
        self.focus.setToolTip(self.tr("Mark or unmark the selected tasks (Ctrl+B)"))
        form = QFormLayout()
        form.addRow(self.tr("Source"), self.source)
        form.addRow("", self.focus)

        self.target_box = QGroupBox(self.tr("Stage target"), self)
        self.target_text = QLineEdit(self.target_box)
        self.target_text.setObjectName("targetEdit")
        self.target_text.setPlaceholderText(self.tr("What is to be reached by the period's end"))
        self.target_percent = QSpinBox(self.target_box)
        self.target_percent.setObjectName("targetPercentSpin")
        self.target_percent.setRange(NO_PERCENT, 100)
        self.target_percent.setSpecialValueText("—")
        self.target_percent.setSuffix(" %")
        self.target_origin = QLabel(self.target_box)
        self.target_origin.setObjectName("targetOriginLabel")
        self.target_origin.setWordWrap(True)
        self.target_origin.setStyleSheet("color: #4b5563;")
        self.draft_bar = DraftBar("targetDraftBar", self.target_box)
        self.apply_target = QPushButton(self.tr("Apply target"), self.target_box)
        self.apply_target.setObjectName("applyTargetButton")
        self.apply_target.setToolTip(self.tr("Apply (Enter)"))
        entry = QHBoxLayout()
        entry.addWidget(self.target_text, 1)
        entry.addWidget(self.target_percent)
        buttons = QHBoxLayout()
        buttons.addWidget(self.draft_bar, 1)
        buttons.addWidget(self.apply_target)
        box = QVBoxLayout(self.target_box)
        box.addLayout(entry)
        box.addWidget(self.target_origin)
        box.addLayout(buttons)

        self.postpone_box = QGroupBox(self.tr("Postponements"), self)
        self.postponed = QLabel(self.postpone_box)
        self.postponed.setObjectName("postponementSummary")
        self.postponed.setWordWrap(True)
        self.postponement_model = PostponementModel(self)
        self.postponements = self._table("postponementTable", self.postponement_model)
        self.postpone = QPushButton(self.tr("Postpone…"), self.postpone_box)
        self.postpone.setObjectName("postponeButton")
        row = QHBoxLayout()
        row.addWidget(self.postponed, 1)
        row.addWidget(self.postpone)
        box = QVBoxLayout(self.postpone_box)
        box.addLayout(row)
        box.addWidget(self.postponements)

        self.instruction_box = QGroupBox(self.tr("Leaders' instructions"), self)
        self.instruction_model = InstructionModel(self)
        self.instructions = self._table("instructionTable", self.instruction_model)
        self.add_instruction = QPushButton(self.tr("Add…"), self.instruction_box)
        self.add_instruction.setObjectName("addInstructionButton")
        self.remove_instruction = QPushButton(self.tr("Remove"), self.instruction_box)
        self.remove_instruction.setObjectName("removeInstructionButton")
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.add_instruction)
        row.addWidget(self.remove_instruction)
        box = QVBoxLayout(self.instruction_box)
        box.addWidget(self.instructions)
        box.addLayout(row)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        for widget in (self.target_box, self.postpone_box, self.instruction_box):
            layout.addWidget(widget)
        layout.addStretch(1)

        self.source.activated.connect(lambda _i: self.source_chosen.emit(self.source.currentData()))
        self.focus.clicked.connect(lambda _c=False: self.focus_chosen.emit(self._focus_next))
        self.target_text.textEdited.connect(self._changed)
        self.target_percent.valueChanged.connect(self._changed)
        self.target_text.returnPressed.connect(self.request_target)
        self.target_percent.lineEdit().returnPressed.connect(self.request_target)
        self.apply_target.clicked.connect(self.request_target)
        self.draft_bar.discard_clicked.connect(self.discard)
        self.postpone.clicked.connect(self.postpone_requested)
        self.add_instruction.clicked.connect(self.add_instruction_requested)
        self.remove_instruction.clicked.connect(self._remove_instruction)
        self.instructions.selectionModel().selectionChanged.connect(self._update_buttons)
        self.show_tasks([], None, None, [], [], no_periods=False)

    def _table(self, name: str, model: Any) -> QTableView:
        table = QTableView(self)
        table.setObjectName(name)
        table.setModel(model)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # A narrow panel: the reason or the instruction wraps over lines rather than "…".
        table.setWordWrap(True)
        table.setMaximumHeight(self.fontMetrics().height() * 9 + 12)
        ColumnLayout(table, name, None, stretch=1 if isinstance(model, PostponementModel) else 2)
        model.modelReset.connect(table.resizeRowsToContents)
        table.horizontalHeader().sectionResized.connect(lambda *_: table.resizeRowsToContents())
        return table

    # -- showing ---------------------------------------------------------------------------

    def show_tasks(
        self,
        rows: list[TaskRow],
        period: ReportingPeriod | None,
        target: Target | None,
        postponements: list[Postponement],
        instructions: list[Instruction],
        *,
        no_periods: bool,
    ) -> None:
        """``rows``: the selected tasks (来源 and 重点督办 apply to all); the target, the
        postponements and the instructions are those of the one task selected."""
        self._rows = list(rows)
        single = rows[0] if len(rows) == 1 else None
        if not rows:
            self.heading.setText(self.tr("Select tasks to mark their source or key supervision."))
        elif single is None:
            self.heading.setText(
                self.tr(
                    "Source and key supervision apply to the %n selected task(s).", "", len(rows)
                )
            )
        else:
            self.heading.setText(self.tr("Task %1").replace("%1", single.code))
        sources = {r.source for r in rows}
        self.source.setCurrentIndex(
            self.source.findData(next(iter(sources))) if len(sources) == 1 else -1
        )
        marked = [r.focus for r in rows]
        self._focus_next = not (marked and all(marked))
        self.focus.setTristate(any(marked) and not all(marked))
        self.focus.setCheckState(
            Qt.CheckState.PartiallyChecked
            if any(marked) and not all(marked)
            else Qt.CheckState.Checked
            if marked and all(marked)
            else Qt.CheckState.Unchecked
        )
        self._show_target(single, period, target, no_periods)
        self._show_postponements(single, postponements)
        self.instruction_model.set_rows(instructions if single else [])
        self._update_buttons()

    def _show_target(
        self, task: TaskRow | None, period: ReportingPeriod | None, target: Target | None,
        no_periods: bool,
    ) -> None:  # fmt: skip
        task_id = task.id if task is not None else None
        period_id = period.id if period is not None and task is not None else None
        keep = (task_id, period_id) == (self._task_id, self._period_id) and (
            self.draft_values() is not None
        )
        self._task_id, self._period_id = task_id, period_id
        stored = {
            "text": target.text if target else "",
            "percent": target.percent if target else None,
        }
        if period is not None:
            self.target_box.setTitle(self.tr("Stage target · %1").replace("%1", period.name))
        else:
            self.target_box.setTitle(self.tr("Stage target"))
        if task is None:
            origin = ""
        elif period is None:
            origin = (
                self.tr("Add reporting periods first (Progress menu).")
                if no_periods
                else self.tr("Choose a reporting period (Progress tab or dashboard).")
            )
        elif target is None:
            origin = self.tr("No target for this period yet.")
        else:
            origin = self.tr("Target %1.").replace("%1", target_origin_name(target.origin))
        self.target_origin.setText(origin)
        self._baseline = stored
        if keep:
            self._changed()
            return
        self._fill(stored)

    def _fill(self, values: dict[str, Any]) -> None:
        self.target_text.blockSignals(True)
        self.target_percent.blockSignals(True)
        self.target_text.setText(str(values.get("text") or ""))
        percent = values.get("percent")
        self.target_percent.setValue(NO_PERCENT if percent is None else int(percent))
        self.target_text.blockSignals(False)
        self.target_percent.blockSignals(False)
        self._restored = False
        self.draft_bar.show_state(False, False)

    def _show_postponements(self, task: TaskRow | None, items: list[Postponement]) -> None:
        self.postponement_model.set_rows(items if task else [])
        if task is None:
            self.postponed.setText("")
        elif task.deadline is None or not task.deadline.phrase:
            self.postponed.setText(self.tr("No deadline yet: a postponement moves a deadline."))
        elif not task.postponements:
            self.postponed.setText(
                self.tr("Deadline %1, never postponed.").replace("%1", task.deadline.phrase)
            )
        else:
            self.postponed.setText(
                self.tr("Originally %1; postponed %n time(s), now %2.", "", task.postponements)
                .replace("%1", task.original_deadline or "")
                .replace("%2", task.deadline.phrase)
            )

    def set_editable(self, on: bool) -> None:
        """Read-only: everything is shown, nothing edited."""
        self._editable = on
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        single = self._task_id is not None
        on = self._editable
        self.source.setEnabled(on and bool(self._rows))
        self.focus.setEnabled(on and bool(self._rows))
        usable = on and single and self._period_id is not None
        for widget in (self.target_text, self.target_percent, self.apply_target):
            widget.setEnabled(usable)
        self.postpone.setEnabled(on and single)
        self.add_instruction.setEnabled(on and single)
        self.remove_instruction.setEnabled(
            on and single and self.instructions.selectionModel().hasSelection()
        )

    # -- the target ------------------------------------------------------------------------

    def target_values(self) -> dict[str, Any]:
        percent = self.target_percent.value()
        return {
            "text": " ".join(self.target_text.text().split()),
            "percent": None if percent == NO_PERCENT else percent,
        }

    def _changed(self, *_args: object) -> None:
        self.draft_bar.show_state(self.draft_values() is not None, self._restored)
        self.edited.emit()

    def request_target(self) -> None:
        if self._task_id is None or self._period_id is None or not self._editable:
            return
        values = self.target_values()
        if values == self._baseline:
            return
        self.target_apply_requested.emit(
            self._task_id, self._period_id, values["text"], values["percent"]
        )

    def draft_key(self) -> DraftKey | None:
        if self._task_id is None or self._period_id is None:
            return None
        return DraftKey(TARGET, (self._task_id,), self._period_id)

    def draft_values(self) -> dict[str, Any] | None:
        if self._task_id is None or self._period_id is None:
            return None
        values = self.target_values()
        return values if values != self._baseline else None

    def apply_draft(self, values: dict[str, Any]) -> None:
        self._fill(values)
        self._restored = True
        self._changed()

    def discard(self) -> None:
        self._fill(self._baseline)
        self.discarded.emit()

    # -- instructions ----------------------------------------------------------------------

    def _remove_instruction(self) -> None:
        rows = self.instructions.selectionModel().selectedRows()
        if rows:
            self.remove_instruction_requested.emit(self.instruction_model.record(rows[0].row()))

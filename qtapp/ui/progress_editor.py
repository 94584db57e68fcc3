"""Recording a task's progress for a reporting period, with its history and warning light.

Entering a period that already has a report edits that report (one entry per task and
period); saving is one undoable step.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.progress import current_period_index
from db.records import ProgressEntry, ReportingPeriod
from qtapp.display import STATUS_NAMES, status_text
from qtapp.drafts import PROGRESS, DraftKey
from qtapp.models.progress_model import ProgressHistoryModel
from qtapp.ui.columns import ColumnLayout
from qtapp.ui.draft_bar import DraftBar

NO_PERCENT = -1  # the spin box's "special value": no percentage given


class ProgressEditor(QWidget):
    # task id, period id, values for record_progress()
    save_requested = Signal(int, int, dict)
    edited = Signal()  # the clerk changed a field
    leaving_period = Signal()  # another period's report is about to be shown (keep a draft)
    period_shown = Signal()  # another period's report is shown (bring back its draft)
    discarded = Signal()  # the clerk threw the unsaved changes away
    period_chosen = Signal(int)  # the clerk chose another period (the window's current one)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progressEditor")
        self._task_id: int | None = None
        self._entries: dict[int, ProgressEntry] = {}
        self._period_shown: int | None = None  # the period whose report the fields hold
        self._baseline: dict[str, object] = {}  # the fields as stored (not edited)
        self._restored = False  # the fields hold a draft brought back from before
        self._editable = True
        self.draft_bar = DraftBar("progressDraftBar", self)
        self.light = QLabel(self)
        self.light.setObjectName("lightLabel")
        self.light.setWordWrap(True)
        self.period = QComboBox(self)
        self.period.setObjectName("progressPeriodCombo")
        self.status = QComboBox(self)
        self.status.setObjectName("progressStatusCombo")
        for code in STATUS_NAMES:
            self.status.addItem(status_text(code), code)
        self.percent = QSpinBox(self)
        self.percent.setObjectName("progressPercentSpin")
        self.percent.setRange(NO_PERCENT, 100)
        self.percent.setSpecialValueText("—")
        self.percent.setSuffix(" %")
        self.progress = self._text("progressTextEdit")
        self.problems = self._text("problemsTextEdit")
        self.next_steps = self._text("nextStepsTextEdit")
        self.reporter = QLineEdit(self)
        self.reporter.setObjectName("reporterEdit")
        self.reported_on = QDateEdit(self)
        self.reported_on.setObjectName("reportedOnEdit")
        self.reported_on.setCalendarPopup(True)
        self.reported_on.setDisplayFormat("yyyy年M月d日")
        self.save = QPushButton(self.tr("Save progress"), self)
        self.save.setObjectName("saveProgressButton")
        self.history_model = ProgressHistoryModel(self)
        self.history = QTableView(self)
        self.history.setObjectName("progressHistoryView")
        self.history.setModel(self.history_model)
        self.history.verticalHeader().setVisible(False)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history_columns = ColumnLayout(self.history, "progressHistory", None, stretch=3)
        self.history.setMaximumHeight(110)

        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.percent)
        who_row = QHBoxLayout()
        who_row.addWidget(self.reporter, 1)
        who_row.addWidget(self.reported_on)
        form = QFormLayout()
        form.addRow(self.tr("Period"), self.period)
        form.addRow(self.tr("Status"), status_row)
        form.addRow(self.tr("Progress"), self.progress)
        form.addRow(self.tr("Problems"), self.problems)
        form.addRow(self.tr("Next steps"), self.next_steps)
        form.addRow(self.tr("Reported by"), who_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.light)
        layout.addLayout(form)
        save_row = QHBoxLayout()
        save_row.addWidget(self.draft_bar, 1)
        save_row.addWidget(self.save)
        layout.addLayout(save_row)
        layout.addWidget(self.history)
        self.period.currentIndexChanged.connect(self._period_changed)
        self.save.clicked.connect(self.request_save)
        self.draft_bar.discard_clicked.connect(self.discard)
        for edit in (self.progress, self.problems, self.next_steps):
            edit.textChanged.connect(self._changed)
        self.reporter.textEdited.connect(self._changed)
        self.status.activated.connect(self._changed)
        self.percent.valueChanged.connect(self._changed)
        self.reported_on.dateChanged.connect(self._changed)
        self.show_task(None, [], [], None)

    def _text(self, name: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setObjectName(name)
        edit.setMaximumHeight(54)
        edit.setTabChangesFocus(True)
        return edit

    def show_task(
        self,
        task_id: int | None,
        periods: list[ReportingPeriod],
        entries: list[ProgressEntry],
        light: tuple[str, str] | None,
        period_id: int | None = None,
    ) -> None:
        """Show one task's reports (``periods`` of its plan, its ``entries``), or none.

        The same task shown again (after a save, an undo, a refresh) keeps what the clerk
        typed and has not saved; the caller keeps it as a draft before showing another."""
        keep = task_id == self._task_id and self.draft_values() is not None
        self._task_id = task_id
        self._entries = {e.period_id: e for e in entries}
        by_id = {p.id: p for p in periods}
        self.history_model.set_entries(
            [(by_id[e.period_id], e) for e in entries if e.period_id in by_id]
        )
        current = period_id if period_id is not None else self.period.currentData()
        self.period.blockSignals(True)
        self.period.clear()
        for period in periods:
            self.period.addItem(period.name, period.id)
        index = self.period.findData(current)
        if index < 0:
            index = current_period_index(periods)
        self.period.setCurrentIndex(index)
        self.period.blockSignals(False)
        if light is None:
            self.light.setText("")
        else:
            color, reason = light
            self.light.setText(f'<span style="color:{_COLORS[color]}">●</span> {reason}')
        usable = task_id is not None and bool(periods) and self._editable
        self.setEnabled(task_id is not None)
        self.period.setEnabled(task_id is not None and bool(periods))  # read-only too
        for widget in (
            self.status,
            self.percent,
            self.progress,
            self.problems,
            self.next_steps,
            self.reporter,
            self.reported_on,
            self.save,
        ):
            widget.setEnabled(usable)
        if task_id is not None and not periods:
            self.light.setText(
                self.light.text() + "<br>" + self.tr("Add reporting periods first (Progress menu).")
            )
        if keep and self.period.currentData() == self._period_shown:
            self._baseline = self._stored(self._entries.get(self._period_shown))
            self._changed()
        else:
            self._fill()

    def set_editable(self, on: bool) -> None:
        """Read-only: the reports are shown (any period), not edited."""
        self._editable = on
        for widget in (self.status, self.percent, self.progress, self.problems,
                       self.next_steps, self.reporter, self.reported_on, self.save):  # fmt: skip
            widget.setEnabled(on and self._task_id is not None)

    def _period_changed(self) -> None:
        self.leaving_period.emit()
        self._fill()
        self.period_shown.emit()
        if self._period_shown is not None:
            self.period_chosen.emit(self._period_shown)

    def _fill(self) -> None:
        """The fields from the stored report of the period chosen (empty when none)."""
        self._period_shown = self.period.currentData()
        entry = self._entries.get(self._period_shown)
        fields = (self.status, self.percent, self.progress, self.problems, self.next_steps,
                  self.reporter, self.reported_on)  # fmt: skip
        for field in fields:
            field.blockSignals(True)
        self.status.setCurrentIndex(
            max(0, self.status.findData(entry.status if entry else "on_track"))
        )
        self.percent.setValue(
            NO_PERCENT if entry is None or entry.percent is None else entry.percent
        )
        self.progress.setPlainText(entry.progress if entry else "")
        self.problems.setPlainText(entry.problems if entry else "")
        self.next_steps.setPlainText(entry.next_steps if entry else "")
        self.reporter.setText(entry.reporter if entry else "")
        day = (
            dt.date.fromisoformat(entry.reported_on)
            if entry and entry.reported_on
            else dt.date.today()
        )
        self.reported_on.setDate(QDate(day.year, day.month, day.day))
        for field in fields:
            field.blockSignals(False)
        self.save.setText(self.tr("Update this report") if entry else self.tr("Save progress"))
        self._baseline = self.values()
        self._restored = False
        self.draft_bar.show_state(False, False)

    def _stored(self, entry: ProgressEntry | None) -> dict[str, object]:
        """The values of a stored report as the fields would hold them."""
        shown = self.values()
        if entry is None:
            return {**shown, "status": "on_track", "percent": None, "progress": "",
                    "problems": "", "next_steps": "", "reporter": ""}  # fmt: skip
        return {
            "status": entry.status,
            "percent": 100 if entry.status == "done" and entry.percent is None else entry.percent,
            "progress": entry.progress,
            "problems": entry.problems,
            "next_steps": entry.next_steps,
            "reporter": entry.reporter,
            "reported_on": entry.reported_on or shown["reported_on"],
        }

    def _changed(self, *_args: object) -> None:
        self.draft_bar.show_state(self.draft_values() is not None, self._restored)
        self.edited.emit()

    # -- drafts ----------------------------------------------------------------------------

    def draft_key(self) -> DraftKey | None:
        if self._task_id is None or self._period_shown is None:
            return None
        return DraftKey(PROGRESS, (self._task_id,), self._period_shown)

    def draft_values(self) -> dict[str, object] | None:
        """What the clerk typed and has not saved (None: nothing)."""
        if self._task_id is None or self._period_shown is None:
            return None
        values = self.values()
        return values if values != self._baseline else None

    def apply_draft(self, values: dict[str, object]) -> None:
        """Bring back a draft kept from before."""
        self.status.setCurrentIndex(max(0, self.status.findData(values.get("status"))))
        percent = values.get("percent")
        self.percent.setValue(NO_PERCENT if percent is None else int(percent))  # type: ignore[call-overload]
        for edit, key in ((self.progress, "progress"), (self.problems, "problems"),
                          (self.next_steps, "next_steps")):  # fmt: skip
            edit.setPlainText(str(values.get(key, "")))
        self.reporter.setText(str(values.get("reporter", "")))
        day = QDate.fromString(str(values.get("reported_on", "")), "yyyy-MM-dd")
        if day.isValid():
            self.reported_on.setDate(day)
        self._restored = True
        self._changed()

    def discard(self) -> None:
        self._fill()
        self.discarded.emit()

    def values(self) -> dict[str, object]:
        percent = self.percent.value()
        status = self.status.currentData()
        if status == "done" and percent == NO_PERCENT:
            percent = 100
        return {
            "status": status,
            "percent": None if percent == NO_PERCENT else percent,
            "progress": self.progress.toPlainText().strip(),
            "problems": self.problems.toPlainText().strip(),
            "next_steps": self.next_steps.toPlainText().strip(),
            "reporter": self.reporter.text().strip(),
            "reported_on": self.reported_on.date().toString("yyyy-MM-dd"),
        }

    def request_save(self) -> None:
        period_id = self.period.currentData()
        if self._task_id is not None and period_id is not None:
            self.save_requested.emit(self._task_id, period_id, self.values())


_COLORS = {"green": "#15803d", "yellow": "#ca8a04", "red": "#dc2626", "grey": "#6b7280"}

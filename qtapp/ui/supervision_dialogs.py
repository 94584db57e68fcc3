"""The dialogs of the 督办 workflow: 延期, 领导批示, a new 督办事项台账 and an item for it.

Each offers what it asks for from the directory (leaders, departments) and says what a
deadline phrase resolves to as it is typed, as the assignment editor does. They never
store anything themselves: the window turns what they hold into an undo command, and
keeps what was typed as a draft when a dialog is closed without saving.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from domain.workflow import SOURCES
from qtapp.display import deadline_hint
from qtapp.workflow_names import source_name


class _Dialog(QDialog):
    """A form with OK/Cancel and a line that says what is missing."""

    def __init__(self, name: str, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error = QLabel(self)
        self.error.setObjectName(f"{name}Error")
        self.error.setStyleSheet("color: #b91c1c;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def missing(self) -> str:
        """What must still be filled in ("" when the form is complete)."""
        return ""

    def accept(self) -> None:
        problem = self.missing()
        if problem:
            self.show_error(problem)
            return
        self.error.hide()
        super().accept()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()


def _editable_combo(name: str, items: list[str], parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName(name)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.addItem("")
    combo.addItems(items)
    return combo


class _DeadlineField(QWidget):
    """A deadline phrase with what it resolves to underneath (→ 2020年9月30日)."""

    def __init__(self, name: str, year: int, parent: QWidget) -> None:
        super().__init__(parent)
        self.year = year
        self.edit = QLineEdit(self)
        self.edit.setObjectName(name)
        self.edit.setPlaceholderText(self.tr("As written: 9月底前, 四季度, 年底前 …"))
        self.hint = QLabel(self)
        self.hint.setObjectName(f"{name}Hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.hint)
        self.edit.textChanged.connect(lambda text: self.hint.setText(deadline_hint(text, year)))


class PostponeDialog(_Dialog):
    def __init__(
        self, code: str, deadline: str, year: int, leaders: list[str], parent: QWidget | None
    ) -> None:
        super().__init__("postponeDialog", self.tr("Postpone task %1").replace("%1", code), parent)
        self.current = QLabel(deadline, self)
        self.deadline = _DeadlineField("postponeDeadlineEdit", year, self)
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("postponeReasonEdit")
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(70)
        self.approved_by = _editable_combo("postponeApprovedCombo", leaders, self)
        self.form.addRow(self.tr("Deadline now"), self.current)
        self.form.addRow(self.tr("New deadline"), self.deadline)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.form.addRow(self.tr("Approved by"), self.approved_by)

    def missing(self) -> str:
        if not self.deadline.edit.text().strip():
            return self.tr("Write the new deadline.")
        if not self.reason.toPlainText().strip():
            return self.tr("A postponement needs its reason.")
        return ""

    def values(self) -> dict[str, Any]:
        return {
            "deadline": self.deadline.edit.text().strip(),
            "reason": self.reason.toPlainText().strip(),
            "approved_by": self.approved_by.currentText().strip(),
        }

    def set_values(self, values: dict[str, Any]) -> None:
        self.deadline.edit.setText(str(values.get("deadline", "")))
        self.reason.setPlainText(str(values.get("reason", "")))
        self.approved_by.setEditText(str(values.get("approved_by", "")))


class InstructionDialog(_Dialog):
    def __init__(self, code: str, leaders: list[str], parent: QWidget | None) -> None:
        super().__init__(
            "instructionDialog",
            self.tr("Leader's instruction on task %1").replace("%1", code),
            parent,
        )
        self.given_on = QDateEdit(self)
        self.given_on.setObjectName("instructionDateEdit")
        self.given_on.setCalendarPopup(True)
        self.given_on.setDisplayFormat("yyyy年M月d日")
        today = dt.date.today()
        self.given_on.setDate(QDate(today.year, today.month, today.day))
        self.leader = _editable_combo("instructionLeaderCombo", leaders, self)
        self.leader.setToolTip(self.tr("A leader of the directory, or any name as written"))
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("instructionTextEdit")
        self.text.setTabChangesFocus(True)
        self.form.addRow(self.tr("Date"), self.given_on)
        self.form.addRow(self.tr("Leader"), self.leader)
        self.form.addRow(self.tr("Instruction"), self.text)

    def missing(self) -> str:
        if not self.leader.currentText().strip():
            return self.tr("Name the leader who gave the instruction.")
        if not self.text.toPlainText().strip():
            return self.tr("Write the instruction's text.")
        return ""

    def values(self) -> dict[str, Any]:
        return {
            "given_on": self.given_on.date().toString("yyyy-MM-dd"),
            "leader": self.leader.currentText().strip(),
            "text": self.text.toPlainText().strip(),
        }

    def set_values(self, values: dict[str, Any]) -> None:
        day = QDate.fromString(str(values.get("given_on", "")), "yyyy-MM-dd")
        if day.isValid():
            self.given_on.setDate(day)
        self.leader.setEditText(str(values.get("leader", "")))
        self.text.setPlainText(str(values.get("text", "")))


class LedgerDialog(_Dialog):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__("ledgerDialog", self.tr("New supervision ledger"), parent)
        year = dt.date.today().year
        self.title = QLineEdit(self)
        self.title.setObjectName("ledgerTitleEdit")
        self.title.setText(f"{year}年督办事项台账")  # a plan title: Chinese, as documents are
        self.year = QSpinBox(self)
        self.year.setObjectName("ledgerYearSpin")
        self.year.setRange(2000, 2100)
        self.year.setValue(year)
        self.form.addRow(self.tr("Title"), self.title)
        self.form.addRow(self.tr("Year"), self.year)

    def missing(self) -> str:
        return "" if self.title.text().strip() else self.tr("Give the ledger a title.")


class LedgerItemDialog(_Dialog):
    def __init__(
        self, ledger: str, year: int, departments: list[tuple[int, str]], parent: QWidget | None
    ) -> None:
        super().__init__(
            "ledgerItemDialog", self.tr("Add a supervision item to “%1”").replace("%1", ledger),
            parent,
        )  # fmt: skip
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("ledgerItemTextEdit")
        self.text.setTabChangesFocus(True)
        self.source = QComboBox(self)
        self.source.setObjectName("ledgerItemSourceCombo")
        for key in SOURCES:
            self.source.addItem(source_name(key), key)
        self.source.setCurrentIndex(self.source.findData("meeting"))
        self.focus = QCheckBox(self.tr("Key supervision (重点督办)"), self)
        self.focus.setObjectName("ledgerItemFocusCheck")
        self.lead = QComboBox(self)
        self.lead.setObjectName("ledgerItemLeadCombo")
        self.lead.addItem(self.tr("(later)"), None)
        for dept_id, name in departments:
            self.lead.addItem(name, dept_id)
        self.deadline = _DeadlineField("ledgerItemDeadlineEdit", year, self)
        self.deadline.edit.setPlaceholderText(self.tr("Optional: 9月底前, 四季度 …"))
        self.form.addRow(self.tr("Item"), self.text)
        self.form.addRow(self.tr("Source"), self.source)
        self.form.addRow("", self.focus)
        self.form.addRow(self.tr("Lead department"), self.lead)
        self.form.addRow(self.tr("Deadline"), self.deadline)

    def missing(self) -> str:
        return "" if self.text.toPlainText().strip() else self.tr("Write what is to be done.")

    def values(self) -> dict[str, Any]:
        return {
            "text": self.text.toPlainText().strip(),
            "source": self.source.currentData(),
            "focus": self.focus.isChecked(),
            "lead": self.lead.currentData(),
            "deadline": self.deadline.edit.text().strip(),
        }

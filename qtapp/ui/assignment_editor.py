"""The assignment editor: lead, cooperating departments, leader, 责任人 and deadline.

Only the fields the clerk touched are applied, so assigning a deadline to 24 tasks
leaves their departments as they are. Names complete from full names, short names and
aliases; the deadline phrase is resolved as it is typed.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.records import Department, Leader, TaskRow
from domain.names import name_key
from qtapp.display import deadline_hint
from qtapp.drafts import ASSIGNMENT, DraftKey
from qtapp.ui.draft_bar import DraftBar

_SEPARATORS = re.compile(r"[、，,；;\s]+")


class _LastTokenCompleter(QCompleter):
    """Completes the name being typed after the last 、 in a list of names."""

    def __init__(self, names: QStringListModel, edit: QLineEdit) -> None:
        super().__init__(names, edit)
        self.edit = edit
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setWidget(edit)
        self.activated.connect(self._insert)
        edit.textEdited.connect(self._update)

    def _update(self, text: str) -> None:
        token = _SEPARATORS.split(text)[-1]
        if not token:
            self.popup().hide()
            return
        self.setCompletionPrefix(token)
        self.complete()

    def _insert(self, name: str) -> None:
        parts = _SEPARATORS.split(self.edit.text())
        parts[-1] = name
        self.edit.setText("、".join(p for p in parts if p) + "、")
        self.edit.textEdited.emit(self.edit.text())
        self.popup().hide()


class AssignmentEditor(QWidget):
    apply_requested = Signal(dict)  # only the fields that were changed
    take_suggestion = Signal()
    edited = Signal()  # the clerk typed in a field
    discarded = Signal()  # the clerk threw the unsaved changes away

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assignmentEditor")
        self._departments: dict[str, Department] = {}
        self._leaders: dict[str, Leader] = {}
        self._leader_of: dict[int, Leader] = {}
        self._dirty: set[str] = set()
        self._count = 0
        self._rows: list[TaskRow] = []
        self._shown: dict[str, str] = {}  # each field's stored value for the tasks shown
        self._restored = False
        self._editable = True
        self.draft_bar = DraftBar("assignmentDraftBar", self)
        self.plan_year = date.today().year

        self.target = QLabel(self)
        self.target.setObjectName("assignTargetLabel")
        self.target.setWordWrap(True)
        self.lead = QComboBox(self)
        self.lead.setObjectName("leadCombo")
        self.lead.setEditable(True)
        self.lead.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.cooperating = QLineEdit(self)
        self.cooperating.setObjectName("cooperatingEdit")
        self.cooperating.setPlaceholderText(self.tr("Names separated by 、"))
        self.leader = QComboBox(self)
        self.leader.setObjectName("leaderCombo")
        self.leader.setEditable(True)
        self.leader.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.person = QLineEdit(self)
        self.person.setObjectName("personEdit")
        self.person.setPlaceholderText(self.tr("Optional: a person in the lead department"))
        self.deadline = QLineEdit(self)
        self.deadline.setObjectName("deadlineEdit")
        self.deadline.setPlaceholderText(self.tr("As written: 6月底前, 三季度, 长期坚持 …"))
        self.deadline_hint = QLabel(self)
        self.deadline_hint.setObjectName("deadlineHint")
        self.error = QLabel(self)
        self.error.setObjectName("assignErrorLabel")
        self.error.setStyleSheet("color: #b91c1c;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.suggestion = QLabel(self)
        self.suggestion.setObjectName("suggestionLabel")
        self.suggestion.setWordWrap(True)
        self.take = QPushButton(self.tr("Take suggestion"), self)
        self.take.setObjectName("takeSuggestionButton")
        self.take.setToolTip(self.tr("Assign as suggested (Alt+S)"))
        self.apply = QPushButton(self)
        self.apply.setObjectName("applyAssignmentButton")
        self.apply.setDefault(True)
        self.apply.setToolTip(self.tr("Apply (Ctrl+Enter)"))

        names = QStringListModel(self)
        self._names_model = names
        lead_completer = QCompleter(names, self)
        lead_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        lead_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.lead.setCompleter(lead_completer)
        self._coop_completer = _LastTokenCompleter(names, self.cooperating)

        form = QFormLayout()
        form.addRow(self.tr("Lead department"), self.lead)
        form.addRow(self.tr("Cooperating"), self.cooperating)
        form.addRow(self.tr("Leader"), self.leader)
        form.addRow(self.tr("Responsible person"), self.person)
        form.addRow(self.tr("Deadline"), self.deadline)
        form.addRow("", self.deadline_hint)
        buttons = QHBoxLayout()
        buttons.addWidget(self.take)
        buttons.addWidget(self.draft_bar, 1)
        buttons.addWidget(self.apply)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.target)
        layout.addLayout(form)
        layout.addWidget(self.suggestion)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        layout.addStretch(1)

        self.lead.lineEdit().textEdited.connect(lambda _t: self._touch("lead"))
        self.lead.activated.connect(lambda _i: self._touch("lead"))
        self.cooperating.textEdited.connect(lambda _t: self._touch("cooperating"))
        self.leader.lineEdit().textEdited.connect(lambda _t: self._touch("leader"))
        self.leader.activated.connect(lambda _i: self._touch("leader"))
        self.person.textEdited.connect(lambda _t: self._touch("person"))
        self.deadline.textEdited.connect(lambda _t: self._touch("deadline"))
        self.deadline.textChanged.connect(self._show_deadline)
        self.apply.clicked.connect(self.request_apply)
        self.draft_bar.discard_clicked.connect(self.discard)
        self.take.clicked.connect(self.take_suggestion)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.request_apply)
        self.set_suggestion(None)
        self._update_apply()

    # -- directory -------------------------------------------------------------------------

    def set_directory(self, departments: list[Department], leaders: list[Leader]) -> None:
        self._departments = {}
        for dept in departments:
            for name in (dept.name, dept.short_name, *dept.aliases):
                if name:
                    self._departments.setdefault(name_key(name), dept)
        self._leaders = {name_key(x.name): x for x in leaders}
        self._leader_of = {d: x for x in leaders for d in x.department_ids}
        names = [d.name for d in departments]
        names += [n for d in departments for n in (d.short_name, *d.aliases) if n and n != d.name]
        self._names_model.setStringList(names)
        for combo, items in (
            (self.lead, [d.name for d in departments]),
            (self.leader, [x.name for x in leaders]),
        ):
            text = combo.currentText()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem("")
            combo.addItems(items)
            combo.setEditText(text)
            combo.blockSignals(False)

    # -- showing tasks ---------------------------------------------------------------------

    def _fields(self) -> dict[str, QLineEdit]:
        return {"lead": self.lead.lineEdit(), "cooperating": self.cooperating,
                "leader": self.leader.lineEdit(), "person": self.person,
                "deadline": self.deadline}  # fmt: skip

    def show_tasks(self, rows: list[TaskRow], target: str) -> None:
        """Fill the fields with the tasks' values (common values when several).

        The same tasks shown again (after a save, an undo, a refresh) keep what the clerk
        typed and has not saved; the caller keeps it as a draft before showing others."""
        same = [r.id for r in rows] == [r.id for r in self._rows]
        self._count = len(rows)
        self._rows = list(rows)
        self.target.setText(target)
        self.error.hide()

        def common(values: list[str]) -> tuple[str, bool]:
            distinct = set(values)
            return (values[0], False) if len(distinct) == 1 else ("", len(distinct) > 1)

        several = self.tr("(several values — type to replace them all)")
        for (name, edit), values in zip(self._fields().items(), (
            [r.lead for r in rows],
            ["、".join(r.cooperating) for r in rows],
            [r.leader for r in rows],
            [r.person for r in rows],
            [r.deadline.phrase if r.deadline else "" for r in rows],
        ), strict=True):  # fmt: skip
            text, mixed = common(values) if rows else ("", False)
            self._shown[name] = text
            if same and name in self._dirty:
                if edit.text().strip() == text:
                    self._dirty.discard(name)  # saved as typed
                continue  # typed and not saved: kept
            edit.setText(text)
            edit.setPlaceholderText(several if mixed else self._placeholder(edit))
        if not same:
            self._dirty.clear()
            self._restored = False
        self.setEnabled(bool(rows) and self._editable)
        self._update_apply()

    def set_editable(self, on: bool) -> None:
        self._editable = on
        self.setEnabled(on and bool(self._rows))

    # -- drafts ----------------------------------------------------------------------------

    def draft_key(self) -> DraftKey | None:
        return DraftKey(ASSIGNMENT, tuple(r.id for r in self._rows)) if self._rows else None

    def draft_values(self) -> dict[str, str] | None:
        """The fields the clerk typed in that differ from what is stored (None: nothing):
        "组干处" typed where 组织干部处 leads is no change."""
        fields = self._fields()
        typed = {
            name: fields[name].text()
            for name in sorted(self._dirty)
            if self._meaning(name, fields[name].text())
            != self._meaning(name, self._shown.get(name, ""))
        }
        return typed or None

    def _meaning(self, field: str, text: str) -> object:
        """What a field's text stands for: departments and leaders by who they are."""
        if field in ("deadline", "person"):
            return text.strip()
        if field == "leader":
            return name_key(text)
        parts = _SEPARATORS.split(text) if field == "cooperating" else [text]
        keys: list[object] = []
        for name in (p.strip() for p in parts):
            if name:
                dept = self._departments.get(name_key(name))
                keys.append(dept.id if dept is not None else name_key(name))
        return frozenset(keys) if field == "cooperating" else (keys[0] if keys else None)

    def apply_draft(self, values: dict[str, str]) -> None:
        fields = self._fields()
        for name, text in values.items():
            if name in fields:
                fields[name].setText(text)
                self._dirty.add(name)
        self._restored = True
        self._update_apply()

    def applied(self) -> None:
        """The typed values were stored: the fields show them as stored (full names)."""
        for completer in (self.lead.completer(), self.leader.completer(), self._coop_completer):
            popup = completer.popup() if completer is not None else None
            if popup is not None:
                popup.hide()
        self.discard(quiet=True)

    def discard(self, *, quiet: bool = False) -> None:
        for name, edit in self._fields().items():
            edit.setText(self._shown.get(name, ""))
        self._dirty.clear()
        self._restored = False
        self._update_apply()
        if not quiet:
            self.discarded.emit()

    def _placeholder(self, widget: QWidget) -> str:
        if widget is self.cooperating:
            return self.tr("Names separated by 、")
        if widget is self.deadline:
            return self.tr("As written: 6月底前, 三季度, 长期坚持 …")
        if widget is self.person:
            return self.tr("Optional: a person in the lead department")
        return ""

    def set_suggestion(self, text: str | None) -> None:
        self.suggestion.setText(text or "")
        self.suggestion.setVisible(bool(text))
        self.take.setEnabled(bool(text))

    def _touch(self, field: str) -> None:
        self._dirty.add(field)
        self.error.hide()
        self.edited.emit()
        if field == "lead" and "leader" not in self._dirty:
            # Propose the leader who supervises the chosen lead department.
            dept = self._departments.get(name_key(self.lead.currentText()))
            leader = self._leader_of.get(dept.id) if dept else None
            if leader is not None:
                self.leader.setEditText(leader.name)
                self._dirty.add("leader")
        self._update_apply()

    def _update_apply(self) -> None:
        self.apply.setText(self.tr("Apply to %n task(s)", "", self._count))
        self.apply.setEnabled(self._count > 0 and bool(self._dirty))
        self.draft_bar.show_state(self.draft_values() is not None, self._restored)

    def _show_deadline(self, phrase: str) -> None:
        self.deadline_hint.setText(deadline_hint(phrase, self.plan_year))

    # -- applying --------------------------------------------------------------------------

    def request_apply(self) -> None:
        if not self.apply.isEnabled():
            return
        try:
            changes = self.changes()
        except ValueError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.apply_requested.emit(changes)

    def changes(self) -> dict[str, object]:
        """The touched fields as assign() arguments; ValueError for an unknown name."""
        changes: dict[str, object] = {}
        if "lead" in self._dirty:
            changes["lead"] = self._department(self.lead.currentText())
        if "cooperating" in self._dirty:
            ids = [self._department(n) for n in _SEPARATORS.split(self.cooperating.text()) if n]
            changes["cooperating"] = [i for i in dict.fromkeys(ids) if i is not None]
        if "leader" in self._dirty:
            name = self.leader.currentText().strip()
            leader = self._leaders.get(name_key(name)) if name else None
            if name and leader is None:
                raise ValueError(
                    self.tr(
                        "No leader called “%1”. Add the leader in the directory (Ctrl+D)."
                    ).replace("%1", name)
                )
            changes["leader"] = leader.id if leader else None
        if "person" in self._dirty:
            changes["person"] = self.person.text().strip()
        if "deadline" in self._dirty:
            changes["deadline"] = self.deadline.text().strip()
        return changes

    def _department(self, name: str) -> int | None:
        name = name.strip()
        if not name:
            return None
        dept = self._departments.get(name_key(name))
        if dept is None:
            raise ValueError(
                self.tr(
                    "No department called “%1”. Check the name, or add it in the "
                    "directory (Ctrl+D)."
                ).replace("%1", name)
            )
        return dept.id

"""Small questions the directory dialog asks, and helpers it shares with its tests."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.records import Department
from domain.names import name_key
from qtapp.i18n import tr

_SEPARATORS = re.compile(r"[\r\n、，,；;]+")


def split_names(text: str, *, fold: bool = True) -> list[str]:
    """Names one per line or separated by 、，, — cleaned, each once, in the order given
    (with ``fold``, 基礎教育處 is the same name as 基础教育处)."""
    names: dict[str, str] = {}
    for part in _SEPARATORS.split(text):
        name = " ".join(part.split())
        if name and (key := name_key(name) if fold else name) not in names:
            names[key] = name
    return list(names.values())


def fill(text: str, *args: str) -> str:
    """Put arguments into %1, %2 … in one pass (a name may itself contain "%2")."""
    return re.sub(r"%(\d)", lambda m: args[int(m[1]) - 1] if int(m[1]) <= len(args) else m[0], text)


def table_view(name: str, model: Any, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
    )
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def ask_pasted_names(parent: QWidget) -> str | None:
    """A list of names pasted by the clerk, or None when cancelled."""
    dialog = QDialog(parent)
    dialog.setObjectName("pasteDepartmentsDialog")
    dialog.setWindowTitle(tr("Paste departments"))
    edit = QPlainTextEdit(dialog)
    edit.setObjectName("pasteDepartmentsEdit")
    edit.setPlaceholderText(tr("One name per line, or names separated by 、 or ，"))
    return edit.toPlainText() if _run_dialog(dialog, edit) else None


def ask_department_checklist(
    parent: QWidget, departments: list[Department], current_ids: Sequence[int]
) -> list[int] | None:
    """Departments ticked in a checklist (active ones, and retired ones already chosen so
    they can be unticked); None when cancelled."""
    dialog = QDialog(parent)
    dialog.setObjectName("leaderDepartmentsDialog")
    dialog.setWindowTitle(tr("Departments supervised"))
    checklist = QListWidget(dialog)
    checklist.setObjectName("leaderDepartmentsList")
    current = set(current_ids)
    checked, unchecked = Qt.CheckState.Checked, Qt.CheckState.Unchecked
    for dept in departments:
        if dept.active or dept.id in current:
            label = dept.name if dept.active else fill(tr("%1 (retired)"), dept.name)
            item = QListWidgetItem(label, checklist)
            item.setData(Qt.ItemDataRole.UserRole, dept.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(checked if dept.id in current else unchecked)
    if not _run_dialog(dialog, checklist):
        return None
    items = [checklist.item(i) for i in range(checklist.count())]
    return [i.data(Qt.ItemDataRole.UserRole) for i in items if i.checkState() == checked]


def _run_dialog(dialog: QDialog, content: QWidget) -> bool:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(content)
    layout.addWidget(buttons)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()

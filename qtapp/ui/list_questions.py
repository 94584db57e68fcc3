"""The dialogs behind two of the prompts' questions: a list pasted into a text box, and
a checklist. Only ``QtPrompts`` opens them; behaviour code asks through the prompts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


def ask_pasted_list(
    parent: QWidget | None, title: str, label: str, placeholder: str, text: str
) -> str | None:
    """Lines typed or pasted by the clerk, or None when cancelled."""
    dialog = QDialog(parent)
    dialog.setObjectName("pasteListDialog")
    dialog.setWindowTitle(title)
    edit = QPlainTextEdit(dialog)
    edit.setObjectName("pasteListEdit")
    edit.setPlaceholderText(placeholder)
    edit.setPlainText(text)
    edit.setTabChangesFocus(False)  # a tab separates columns copied from a spreadsheet
    metrics = QFontMetrics(edit.font())
    edit.setMinimumSize(metrics.horizontalAdvance("中") * 34, metrics.lineSpacing() * 14)
    return edit.toPlainText() if _run(dialog, label, edit) else None


def ask_checklist(
    parent: QWidget | None, title: str, label: str, items: list[str], checked: list[int]
) -> list[int] | None:
    """The rows ticked in a checklist, or None when cancelled."""
    dialog = QDialog(parent)
    dialog.setObjectName("checklistDialog")
    dialog.setWindowTitle(title)
    checklist = QListWidget(dialog)
    checklist.setObjectName("checklistList")
    ticked = set(checked)
    for row, text in enumerate(items):
        item = QListWidgetItem(text, checklist)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if row in ticked else Qt.CheckState.Unchecked)
    if not _run(dialog, label, checklist):
        return None
    return [
        row
        for row in range(checklist.count())
        if checklist.item(row).checkState() == Qt.CheckState.Checked
    ]


def _run(dialog: QDialog, label: str, content: QWidget) -> bool:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    if label:
        text = QLabel(label, dialog)
        text.setObjectName("questionLabel")
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(text)
    layout.addWidget(content, 1)
    layout.addWidget(buttons)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()

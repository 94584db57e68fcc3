"""Every question the program asks the clerk goes through one object.

Behaviour code calls intent-level methods (ask_open_path, confirm, show_error); the
window passes ``QtPrompts``, tests pass ``ScriptedPrompts`` with the answers ready, so
no test patches a Qt dialog.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QDate, QDir
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from qtapp.startup import StartAction, StartProblem


class Prompts(Protocol):
    def ask_open_path(self, title: str, folder: str, filters: str) -> str | None: ...
    def ask_save_path(self, title: str, path: str, filters: str) -> str | None: ...
    def ask_open_paths(self, title: str, folder: str, filters: str) -> list[str]: ...
    def ask_folder(self, title: str, folder: str) -> str | None: ...
    def confirm(self, title: str, text: str, *, destructive: bool = False) -> bool: ...
    def show_error(self, title: str, text: str, details: str = "") -> None: ...
    def show_info(self, title: str, text: str) -> None: ...
    def ask_start_choice(self, problem: StartProblem) -> StartAction: ...
    def ask_date(self, title: str, text: str, current: dt.date) -> dt.date | None: ...
    def ask_text(self, title: str, label: str, text: str = "") -> str | None: ...
    def ask_choice(self, title: str, label: str, items: list[str]) -> int | None: ...
    def ask_checklist(
        self, title: str, label: str, items: list[str], checked: list[int]
    ) -> list[int] | None: ...
    def ask_pasted_list(
        self, title: str, label: str, placeholder: str = "", text: str = ""
    ) -> str | None: ...


class QtPrompts:
    def __init__(self, parent: QWidget | None) -> None:
        self.parent = parent

    # Qt's file dialogs answer with "/" on every system; the clerk sees paths as the system
    # writes them (C:\Users\… on Windows), like those the program suggests itself.

    def ask_open_path(self, title: str, folder: str, filters: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(self.parent, title, folder, filters)
        return QDir.toNativeSeparators(path) if path else None

    def ask_save_path(self, title: str, path: str, filters: str) -> str | None:
        chosen, _ = QFileDialog.getSaveFileName(self.parent, title, path, filters)
        return QDir.toNativeSeparators(chosen) if chosen else None

    def ask_open_paths(self, title: str, folder: str, filters: str) -> list[str]:
        paths, _ = QFileDialog.getOpenFileNames(self.parent, title, folder, filters)
        return [QDir.toNativeSeparators(p) for p in paths]

    def ask_folder(self, title: str, folder: str) -> str | None:
        chosen = QFileDialog.getExistingDirectory(self.parent, title, folder)
        return QDir.toNativeSeparators(chosen) if chosen else None

    def confirm(self, title: str, text: str, *, destructive: bool = False) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Warning if destructive else QMessageBox.Icon.Question,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self.parent,
        )
        # A destructive question defaults to "No": Enter must not remove a plan.
        box.setDefaultButton(
            QMessageBox.StandardButton.No if destructive else QMessageBox.StandardButton.Yes
        )
        return box.exec() == QMessageBox.StandardButton.Yes

    def show_error(self, title: str, text: str, details: str = "") -> None:
        if not details:
            QMessageBox.warning(self.parent, title, text)
            return
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self.parent)
        box.setDetailedText(details)  # folded behind "Show Details…"
        box.exec()

    def show_info(self, title: str, text: str) -> None:
        QMessageBox.information(self.parent, title, text)

    def ask_start_choice(self, problem: StartProblem) -> StartAction:
        """The database cannot be opened: say why, offer the ways on (details folded)."""
        from qtapp.startup import StartAction

        box = QMessageBox(self.parent)
        box.setObjectName("startProblemBox")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("Prompts", "Duban"))
        box.setText(problem.sentence)
        informative = QCoreApplication.translate("Prompts", "File: %1").replace(
            "%1", str(problem.path)
        )
        if problem.backup is not None:
            informative += "\n" + QCoreApplication.translate(
                "Prompts", "Newest good backup: %1"
            ).replace("%1", problem.backup.made_at.strftime("%Y-%m-%d %H:%M"))
        box.setInformativeText(informative)
        box.setDetailedText(problem.details)
        role = QMessageBox.ButtonRole.ActionRole
        buttons = {
            box.addButton(
                QCoreApplication.translate("Prompts", "&New database…"), role
            ): StartAction.NEW,
            box.addButton(QCoreApplication.translate("Prompts", "&Open…"), role): StartAction.OPEN,
        }
        restore = box.addButton(QCoreApplication.translate("Prompts", "&Restore from backup"), role)
        buttons[restore] = StartAction.RESTORE
        if problem.backup is not None:
            box.setDefaultButton(restore)
        else:
            restore.setEnabled(False)
            restore.setToolTip(
                QCoreApplication.translate("Prompts", "No backup of this file was found.")
            )
        quit_button = box.addButton(
            QCoreApplication.translate("Prompts", "&Quit"), QMessageBox.ButtonRole.RejectRole
        )
        buttons[quit_button] = StartAction.QUIT
        box.setEscapeButton(quit_button)
        box.exec()
        return buttons.get(box.clickedButton(), StartAction.QUIT)

    def ask_date(self, title: str, text: str, current: dt.date) -> dt.date | None:
        dialog = QDialog(self.parent)
        dialog.setWindowTitle(title)
        calendar = QCalendarWidget(dialog)
        calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
        )
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        calendar.activated.connect(dialog.accept)
        layout = QVBoxLayout(dialog)
        label = QLabel(text, dialog)
        label.setWordWrap(True)
        layout.addWidget(label)
        layout.addWidget(calendar)
        layout.addWidget(buttons)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        chosen = calendar.selectedDate()
        return dt.date(chosen.year(), chosen.month(), chosen.day())

    # -- small questions, asked over the dialog the clerk is working in --------------------

    def _question_parent(self) -> QWidget | None:
        from PySide6.QtWidgets import QApplication

        return QApplication.activeModalWidget() or self.parent

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        """A line of text, or None when cancelled."""
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        parent = self._question_parent()
        answer, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
        return answer if ok else None

    def ask_choice(self, title: str, label: str, items: list[str]) -> int | None:
        """The index of the item chosen, or None when cancelled."""
        from PySide6.QtWidgets import QInputDialog

        parent = self._question_parent()
        item, ok = QInputDialog.getItem(parent, title, label, items, 0, False)
        return items.index(item) if ok and item in items else None

    def ask_checklist(
        self, title: str, label: str, items: list[str], checked: list[int]
    ) -> list[int] | None:
        """The indexes of the items ticked (``checked`` ticked at first); None: cancelled."""
        from qtapp.ui.list_questions import ask_checklist

        return ask_checklist(self._question_parent(), title, label, items, checked)

    def ask_pasted_list(
        self, title: str, label: str, placeholder: str = "", text: str = ""
    ) -> str | None:
        """Lines typed or pasted into a text box (starting with ``text``); None: cancelled."""
        from qtapp.ui.list_questions import ask_pasted_list

        return ask_pasted_list(self._question_parent(), title, label, placeholder, text)


class ScriptedPrompts:
    """Answers given in advance (for tests); records what was shown."""

    def __init__(self, *answers: object) -> None:
        self.answers: deque[object] = deque(answers)
        self.shown: list[tuple[str, str, str]] = []

    def _next(self) -> object:
        return self.answers.popleft() if self.answers else None

    def ask_open_path(self, title: str, folder: str, filters: str) -> str | None:
        self.shown.append(("open", title, folder))
        answer = self._next()
        return str(answer) if answer else None

    def ask_save_path(self, title: str, path: str, filters: str) -> str | None:
        self.shown.append(("save", title, path))
        answer = self._next()
        return str(answer) if answer else None

    def ask_open_paths(self, title: str, folder: str, filters: str) -> list[str]:
        self.shown.append(("open-many", title, folder))
        answer = self._next()
        if not answer:
            return []
        return [str(a) for a in answer] if isinstance(answer, (list, tuple)) else [str(answer)]

    def ask_folder(self, title: str, folder: str) -> str | None:
        self.shown.append(("folder", title, folder))
        answer = self._next()
        return str(answer) if answer else None

    def confirm(self, title: str, text: str, *, destructive: bool = False) -> bool:
        self.shown.append(("confirm", title, text))
        return bool(self._next())

    def show_error(self, title: str, text: str, details: str = "") -> None:
        self.shown.append(("error", title, text))

    def show_info(self, title: str, text: str) -> None:
        self.shown.append(("info", title, text))

    def ask_date(self, title: str, text: str, current: dt.date) -> dt.date | None:
        self.shown.append(("date", title, current.isoformat()))
        answer = self._next()
        return answer if isinstance(answer, dt.date) else None

    def ask_start_choice(self, problem: StartProblem) -> StartAction:
        from qtapp.startup import StartAction

        self.shown.append(("start", problem.code, problem.sentence))
        answer = self._next()
        return answer if isinstance(answer, StartAction) else StartAction.QUIT

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        self.shown.append(("text", title, label))
        answer = self._next()
        return None if answer is None else str(answer)

    def ask_choice(self, title: str, label: str, items: list[str]) -> int | None:
        """Answer with the index or with the item itself."""
        self.shown.append(("choice", title, label))
        answer = self._next()
        if isinstance(answer, str):
            return items.index(answer) if answer in items else None
        return answer if isinstance(answer, int) and 0 <= answer < len(items) else None

    def ask_checklist(
        self, title: str, label: str, items: list[str], checked: list[int]
    ) -> list[int] | None:
        """Answer with the items to tick (indexes or the items themselves), or None."""
        self.shown.append(("checklist", title, "\n".join(items)))
        answer = self._next()
        if not isinstance(answer, (list, tuple)):
            return None
        return [items.index(a) if isinstance(a, str) else int(a) for a in answer]

    def ask_pasted_list(
        self, title: str, label: str, placeholder: str = "", text: str = ""
    ) -> str | None:
        self.shown.append(("paste", title, text))
        answer = self._next()
        return None if answer is None else str(answer)

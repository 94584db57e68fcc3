"""Every question the program asks the clerk goes through one object.

Behaviour code calls intent-level methods (ask_open_path, confirm, show_error); the
window passes ``QtPrompts``, tests pass ``ScriptedPrompts`` with the answers ready, so
no test patches a Qt dialog.
"""

from __future__ import annotations

from collections import deque
from typing import Protocol

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


class Prompts(Protocol):
    def ask_open_path(self, title: str, folder: str, filters: str) -> str | None: ...
    def ask_save_path(self, title: str, path: str, filters: str) -> str | None: ...
    def ask_open_paths(self, title: str, folder: str, filters: str) -> list[str]: ...
    def ask_folder(self, title: str, folder: str) -> str | None: ...
    def confirm(self, title: str, text: str, *, destructive: bool = False) -> bool: ...
    def show_error(self, title: str, text: str) -> None: ...
    def show_info(self, title: str, text: str) -> None: ...


class QtPrompts:
    def __init__(self, parent: QWidget | None) -> None:
        self.parent = parent

    def ask_open_path(self, title: str, folder: str, filters: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(self.parent, title, folder, filters)
        return path or None

    def ask_save_path(self, title: str, path: str, filters: str) -> str | None:
        chosen, _ = QFileDialog.getSaveFileName(self.parent, title, path, filters)
        return chosen or None

    def ask_open_paths(self, title: str, folder: str, filters: str) -> list[str]:
        paths, _ = QFileDialog.getOpenFileNames(self.parent, title, folder, filters)
        return list(paths)

    def ask_folder(self, title: str, folder: str) -> str | None:
        return QFileDialog.getExistingDirectory(self.parent, title, folder) or None

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

    def show_error(self, title: str, text: str) -> None:
        QMessageBox.warning(self.parent, title, text)

    def show_info(self, title: str, text: str) -> None:
        QMessageBox.information(self.parent, title, text)


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

    def show_error(self, title: str, text: str) -> None:
        self.shown.append(("error", title, text))

    def show_info(self, title: str, text: str) -> None:
        self.shown.append(("info", title, text))

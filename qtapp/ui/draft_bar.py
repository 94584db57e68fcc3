"""The strip above an editor that holds unsaved text: what it is, Save and Discard."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget


class DraftBar(QWidget):
    save_clicked = Signal()
    discard_clicked = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(
            f"#{name} {{ background: #fef3c7; border: 1px solid #f59e0b; border-radius: 3px; }}"
        )
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.save = QPushButton(self.tr("Save"), self)
        self.save.setObjectName(f"{name}Save")
        self.discard = QPushButton(self.tr("Discard"), self)
        self.discard.setObjectName(f"{name}Discard")
        for button in (self.save, self.discard):
            button.setAutoDefault(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.save)
        layout.addWidget(self.discard)
        self.save.clicked.connect(self.save_clicked)
        self.discard.clicked.connect(self.discard_clicked)
        self.hide()

    def show_state(self, dirty: bool, restored: bool) -> None:
        """Unsaved typing (``dirty``), and whether it came back as a draft (``restored``)."""
        if not dirty:
            self.hide()
            return
        self.label.setText(
            self.tr("✎ Draft kept from before: not saved yet.")
            if restored
            else self.tr("✎ Not saved yet.")
        )
        self.show()

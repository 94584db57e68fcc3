"""The mark beside an editor's Save button while it holds unsaved text: what it is, and
Discard. It sits in the button row and keeps its room when empty, so the fields above
never move while the clerk types."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget


class DraftBar(QWidget):
    discard_clicked = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.label = QLabel(self)
        self.label.setObjectName(f"{name}Label")
        self.label.setStyleSheet("color: #b45309;")
        self.discard = QPushButton(self.tr("Discard"), self)
        self.discard.setObjectName(f"{name}Discard")
        self.discard.setAutoDefault(False)
        keep_room = self.discard.sizePolicy()
        keep_room.setRetainSizeWhenHidden(True)
        self.discard.setSizePolicy(keep_room)
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.discard)
        self.discard.clicked.connect(self.discard_clicked)
        self.setFixedHeight(self.discard.sizeHint().height())  # never changes the row's height
        self.show_state(False, False)

    @property
    def shown(self) -> bool:
        """Whether it says there is unsaved text (the widget itself always keeps its room)."""
        return not self.discard.isHidden()

    def show_state(self, dirty: bool, restored: bool) -> None:
        """Unsaved typing (``dirty``), and whether it came back as a draft (``restored``)."""
        self.label.setText(
            ""
            if not dirty
            else self.tr("✎ Draft kept from before")
            if restored
            else self.tr("✎ Not saved yet")
        )
        self.label.setToolTip(
            self.tr("Kept as a draft until it is saved or discarded, also after a restart.")
            if dirty
            else ""
        )
        self.discard.setVisible(dirty)

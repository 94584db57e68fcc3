"""What the task area shows while the database holds no plan: what to do first."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from qtapp.icons import icon


class WelcomePanel(QWidget):
    import_requested = Signal()
    demo_requested = Signal()
    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePanel")
        title = QLabel(self.tr("No work plan in this database yet"), self)
        title.setObjectName("welcomeTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        hint = QLabel(
            self.tr(
                "Import the year's work plan (工作要点) as Word (.docx), text (.txt) or PDF: "
                "Duban splits it into sections, items and tasks, ready to assign."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        # A column of fixed width in the middle: a wrapped label knows its height there.
        column = QWidget(self)
        column.setFixedWidth(min(520, 26 * self.fontMetrics().horizontalAdvance("中")))
        inner = QVBoxLayout(column)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(10)
        inner.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        inner.addWidget(hint)
        # Centred by stretches, not by an alignment flag: a widget placed with an alignment
        # loses its height-for-width, and the wrapped hint would be cut.
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addLayout(row)
        for name, text, signal, image in (
            ("welcomeImportButton", self.tr("Import a work plan…  (Ctrl+I)"),
             self.import_requested, "import"),
            ("welcomeOpenButton", self.tr("Open another database…  (Ctrl+O)"),
             self.open_requested, None),
            ("welcomeDemoButton", self.tr("Try the sample plan first"), self.demo_requested, None),
        ):  # fmt: skip
            button = QPushButton(text, self)
            button.setObjectName(name)
            if image:
                button.setIcon(icon(image))
            button.clicked.connect(signal)
            inner.addWidget(button)
        layout.addStretch(3)

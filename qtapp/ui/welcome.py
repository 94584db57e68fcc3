"""What the task area shows while the database holds no plan: what to do first."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

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
        hint.setMaximumWidth(520)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(hint, 0, Qt.AlignmentFlag.AlignHCenter)
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
            button.setMinimumWidth(320)
            button.clicked.connect(signal)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)

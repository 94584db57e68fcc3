"""A strip above the panes that says how the file is open when it is not the usual way:
read-only because another Duban edits it, or on a network share."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from qtapp.context import AppContext


class AccessBanner(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("accessBanner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(
            "#accessBanner { background: #fff4ce; border-bottom: 1px solid #e0c060; }"
        )
        self.text = QLabel(self)
        self.text.setObjectName("accessBannerText")
        self.text.setWordWrap(True)
        self.retry = QPushButton(self.tr("Open for editing"), self)
        self.retry.setObjectName("openForEditingButton")
        self.retry.clicked.connect(self.ctx.try_write)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.retry)
        ctx.access_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        store = self.ctx.store
        if store.read_only:
            self.text.setText(
                self.tr(
                    "Read-only: this database is open for editing in %1. You can look, filter "
                    "and export; to edit, close Duban there and press “Open for editing”."
                ).replace("%1", self.ctx.holder_text())
            )
        elif store.network:
            self.text.setText(
                self.tr(
                    "This database is on a network share. It is kept in the slower but safe "
                    "rollback-journal mode; only one computer should use it at a time. A copy "
                    "on this computer's own disk is faster and safer."
                )
            )
        self.retry.setVisible(store.read_only)
        self.setVisible(store.read_only or store.network)

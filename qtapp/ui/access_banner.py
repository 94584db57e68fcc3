"""A strip above the panes that says how the file is open when it is not the usual way —
read-only because another Duban edits it, because its folder or the file itself cannot be
written, or on a network share — and the warnings that do not stop the work: a backup that
could not be made, a clock that looks wrong. Each is said once, here, until it is over."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from db.errors import Notice
from db.store import READ_ONLY_FILE, READ_ONLY_FOLDER
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
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.retry = QPushButton(self.tr("Open for editing"), self)
        self.retry.setObjectName("openForEditingButton")
        self.retry.clicked.connect(self.ctx.try_write)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.retry)
        ctx.access_changed.connect(self.refresh)
        ctx.notices_changed.connect(self.refresh)
        self.refresh()

    def _access_line(self) -> str:
        store = self.ctx.store
        if store.read_only_reason in (READ_ONLY_FOLDER, READ_ONLY_FILE):
            return self.tr(
                "Read-only: %1, so nothing can be saved here. You can look, filter and export; "
                "to work in it, save a copy (File → Save a copy…) into a folder you can write, "
                "such as Documents, and open the copy."
            ).replace("%1", self.ctx.read_only_text())
        if store.read_only:
            return self.tr(
                "Read-only: this database is open for editing in %1. You can look, filter "
                "and export; to edit, close Duban there and press “Open for editing”."
            ).replace("%1", self.ctx.holder_text())
        return ""

    def _notice_line(self, notice: Notice) -> str:
        if notice.code == "network":
            return self.tr(
                "This database is on a network share. It is kept in the slower but safe "
                "rollback-journal mode; only one computer should use it at a time. A copy "
                "on this computer's own disk is faster and safer."
            )
        if notice.code == "backup_failed":
            return self.tr(
                "Today's backup could not be made (the disk may be nearly full). The database "
                "itself is unharmed and works as usual; free some disk space so that the next "
                "backup succeeds."
            )
        if notice.code == "clock":
            return self.tr(
                "This computer's clock looks wrong: the database was already changed or "
                "backed up at a later time than the clock says now. Set the date and time in "
                "the system settings. Backups are kept in the order they were made, whatever "
                "the clock says."
            )
        return str(notice)

    def refresh(self) -> None:
        lines = [self._access_line()] + [self._notice_line(n) for n in self.ctx.notices]
        lines = [line for line in lines if line]
        self.text.setText("\n".join(lines))
        self.text.setToolTip("\n".join(str(n) for n in self.ctx.notices))
        held = self.ctx.store.read_only and not self.ctx.store.read_only_reason.startswith(
            "read_only"
        )
        self.retry.setVisible(held)
        self.setVisible(bool(lines))

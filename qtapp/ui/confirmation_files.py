"""分工确认表 out and back from the window: the export dialog (a folder, Word or Excel, on the
worker thread with progress, as the other exports), and reading returned forms — a few
files or a whole folder — on the worker thread, then recording the replies and opening the
review of their proposals.

Recording the replies is not an undo step: it notes what the departments sent (as the
audit log does); the clerk's decisions on them are the edit, applied as one undo step in
the review (``qtapp/ui/confirmation_review.py``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.confirm_preview import ConfirmationPreview, preview_confirmations
from db.connection import connect
from exports.confirm_readback import read_confirm_forms
from exports.confirmation import export_confirmation_forms
from qtapp.context import AppContext
from qtapp.i18n import tr


def _export_job(db_path: str, plan_id: int, folder: Path, form_format: str,
                reply_by: dt.date | None) -> Callable:  # fmt: skip
    def work(progress):  # type: ignore[no-untyped-def]
        db = connect(db_path)
        try:
            return export_confirmation_forms(db, plan_id, folder, form_format=form_format,
                                             reply_by=reply_by, progress=progress)  # fmt: skip
        finally:
            db.close()

    return work


def _read_job(db_path: str, plan_id: int, paths: list[str]) -> Callable:
    def work(_progress):  # type: ignore[no-untyped-def]
        forms = read_confirm_forms(paths[0] if len(paths) == 1 else list(paths))
        db = connect(db_path)
        try:
            return preview_confirmations(db, forms, plan_id=plan_id)
        finally:
            db.close()

    return work


class ConfirmationExportDialog(QDialog):
    def __init__(self, ctx: AppContext, plan_id: int, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ctx, self.plan_id = ctx, plan_id
        self.written: list[Path] = []
        self.setObjectName("confirmationExportDialog")
        self.setWindowTitle(self.tr("Export confirmation forms"))
        self.plan = QLabel(title, self)
        self.format = QComboBox(self)
        self.format.setObjectName("confirmationFormatCombo")
        self.format.addItem(self.tr("Word (.docx)"), "docx")
        self.format.addItem(self.tr("Excel (.xlsx)"), "xlsx")
        self.folder = QLineEdit(self)
        self.folder.setObjectName("confirmationFolderEdit")
        self.folder.setText(ctx.ui_settings.folder("export") or str(Path.home()))
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        self.ask_by = QCheckBox(self.tr("Ask for the reply by"), self)
        self.ask_by.setObjectName("confirmationReplyByCheck")
        self.reply_by = QDateEdit(self)
        self.reply_by.setObjectName("confirmationReplyByEdit")
        self.reply_by.setCalendarPopup(True)
        self.reply_by.setDisplayFormat("yyyy年M月d日")
        soon = dt.date.today() + dt.timedelta(days=7)
        self.reply_by.setDate(QDate(soon.year, soon.month, soon.day))
        by_row = QHBoxLayout()
        by_row.addWidget(self.ask_by)
        by_row.addWidget(self.reply_by, 1)
        form = QFormLayout()
        form.addRow(self.tr("Plan"), self.plan)
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Folder"), folder_row)
        form.addRow("", by_row)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("confirmationExportProgress")
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setObjectName("confirmationExportStatus")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.export_button = self.buttons.addButton(
            self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setObjectName("confirmationExportButton")
        self.open_folder = self.buttons.addButton(
            self.tr("Open folder"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_folder.hide()
        self.buttons.accepted.connect(self.start_export)
        self.buttons.rejected.connect(self.reject)
        self.open_folder.clicked.connect(self._open_folder)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)

    def _browse(self) -> None:
        chosen = self.ctx.prompts.ask_folder(self.tr("Save the forms in"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def start_export(self) -> None:
        folder = Path(self.folder.text().strip())
        if not self.folder.text().strip():
            self.status.setText(self.tr("Choose where to save."))
            return
        self.ctx.ui_settings.set_folder("export", folder)
        self.export_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.status.setText(self.tr("Writing…"))
        reply_by = self.reply_by.date().toPython() if self.ask_by.isChecked() else None
        job = _export_job(
            str(self.ctx.db_path), self.plan_id, folder, self.format.currentData(), reply_by
        )
        self.ctx.jobs.start(job, self._done, self._failed, owner=self)

    def _done(self, written: list[Path]) -> None:
        self.written = list(written)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.export_button.setEnabled(True)
        names = "\n".join(p.name for p in written[:6]) + ("\n…" if len(written) > 6 else "")
        notes = [str(getattr(w, "message", w)) for w in getattr(written, "warnings", [])]
        unassigned = [w for w in getattr(written, "warnings", []) if w.code == "unassigned"]
        text = self.tr("%n file(s) written:", "", len(written)) + "\n" + names
        if unassigned:
            text += "\n" + self.tr(
                "%n task(s) have no department yet and are on no form.", "", unassigned[0].count
            )
        elif notes:
            text += "\n" + "\n".join(notes)
        self.status.setText(text)
        self.open_folder.show()

    def _failed(self, exc: BaseException) -> None:
        self.progress.hide()
        self.export_button.setEnabled(True)
        self.status.setText(self.tr("Not exported: %1").replace("%1", str(exc)))

    def _open_folder(self) -> None:
        if self.written:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written[0].parent)))


def read_back(
    ctx: AppContext, plan_id: int, paths: list[str], parent: QWidget,
    done: Callable[[ConfirmationPreview], None],
) -> None:  # fmt: skip
    """Read returned forms (files, or one folder) on the worker thread, with a progress
    dialog; hand the preview to ``done``."""
    ctx.jobs.start(
        _read_job(str(ctx.db_path), plan_id, paths),
        done,
        lambda exc: ctx.prompts.show_error(tr("Forms not read"), str(exc)),
        title=tr("Reading the returned forms…"),
        parent=parent,
    )


def preview_text(preview: ConfirmationPreview) -> str:
    """What the forms hold, in a few lines: what is taken, what is not and why."""
    taken = [f for f in preview.forms if f.accepted]
    lines = [
        tr("%n form(s) read", len(taken)),
        tr("%n row(s) agreed", preview.count("agreed")),
        tr("%n change(s) proposed", len(preview.proposals)),
    ]
    text = " · ".join(lines)
    refused = [f.message for f in preview.rejected_forms]
    problems = [f"{r.path.name} {r.code}：{r.reason}" for r in preview.problems]
    if refused or problems:
        text += "\n" + tr("Not taken:") + "\n" + "\n".join((refused + problems)[:12])
    return text

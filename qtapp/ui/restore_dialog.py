"""File → Restore from backup: the backups of the open file, checked, and a way back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.backups import backup_problems, list_backups
from db.errors import StoreError
from qtapp.context import AppContext
from qtapp.models.backups_model import BackupsModel, CheckedBackup
from qtapp.ui.columns import ColumnLayout


def _checked(db_path: Path) -> list[CheckedBackup]:
    """Runs on the worker thread: every backup with SQLite's verdict on it."""
    return [CheckedBackup(b, tuple(backup_problems(b.path))) for b in list_backups(db_path)]


class RestoreDialog(QDialog):
    loaded = Signal()
    restored = Signal(object)  # where the previous file was kept

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Restore from backup"))
        self.resize(700, 420)
        self.hint = QLabel(
            self.tr(
                "Backups of %1, newest first. Restoring puts the chosen backup in place of the "
                "file; the file as it is now is kept as a backup first, so a restore can itself "
                "be taken back."
            ).replace("%1", ctx.db_path.name),
            self,
        )
        self.hint.setWordWrap(True)
        self.model = BackupsModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("backupTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.columns = ColumnLayout(self.table, "backups", ctx.ui_settings)
        self.status = QLabel(self)
        self.status.setObjectName("restoreStatus")
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = buttons.addButton(
            self.tr("Restore this backup"), QDialogButtonBox.ButtonRole.ApplyRole
        )
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.clicked.connect(self.restore_selected)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.hint, self.table, self.status, buttons):
            layout.addWidget(widget)
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())
        self.reload()

    def reload(self) -> None:
        self.status.setText(self.tr("Checking the backups…"))
        self.restore_button.setEnabled(False)
        path = self.ctx.db_path
        self.ctx.jobs.start(lambda _p: _checked(path), self._loaded, self._failed, owner=self)

    def _loaded(self, items: list[CheckedBackup]) -> None:
        self.model.set_rows(items)
        sound = [i for i, item in enumerate(items) if not item.problems]
        if sound:
            self.table.selectRow(sound[0])
        self.status.setText(
            self.tr("%n backup(s).", "", len(items)) if items else self.tr("No backups yet.")
        )
        self.restore_button.setEnabled(bool(sound))
        self.loaded.emit()

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(str(exc))

    def selected(self) -> CheckedBackup | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def restore_selected(self) -> None:
        item = self.selected()
        if item is None:
            return
        if item.problems:
            self.status.setText(self.tr("This backup is damaged; choose another."))
            return
        when = f"{item.backup.made_at:%Y-%m-%d %H:%M}"
        if not self.ctx.prompts.confirm(
            self.tr("Restore from backup"),
            self.tr(
                "Replace the database with the backup of %1?\n\nThe file as it is now is kept "
                "as a backup first. Edits made since %1 are not in the backup."
            ).replace("%1", when),
            destructive=True,
        ):
            return
        try:
            kept = self.ctx.restore(item.backup)
        except StoreError as exc:
            self.ctx.prompts.show_error(self.tr("Not restored"), str(exc))
            return
        if kept is None and self.ctx.read_only:
            return
        self.status.setText(
            self.tr("Restored the backup of %1. The file as it was is kept as %2.")
            .replace("%1", when)
            .replace("%2", kept.name if kept else "—")
        )
        self.restored.emit(kept)
        self.reload()

"""Read filled 进展情况反馈表 back: choose files or a department folder (or drop them on the
dialog), see what would change task by task, then record it as one undoable step.

Reading the files and working out the preview run on the worker thread with their own
connection; recording goes through ``ReadbackCommand`` on the GUI thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.plans import get_plan
from db.progress import list_periods
from db.readback import (
    CONFLICT,
    DUPLICATE,
    EMPTY,
    NEW,
    NOTED,
    REJECTED,
    UNCHANGED,
    UPDATE,
    ApplyResult,
    ReadbackPreview,
)
from exports.readback import form_files
from qtapp.commands import ReadbackCommand
from qtapp.context import AppContext
from qtapp.models.readback_model import (
    COL_FILE,
    COL_FORM,
    COL_NOW,
    COL_TASK,
    ReadbackFilter,
    ReadbackModel,
)
from qtapp.readback_job import Forms, read_and_preview
from qtapp.ui.columns import ColumnLayout


class ReadbackDialog(QDialog):
    previewed = Signal()  # a new preview is on screen
    recorded = Signal(object)  # ApplyResult

    def __init__(self, ctx: AppContext, plan_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.plan_id = plan_id
        self.paths: list[Path] = []
        self.forms: Forms = {}
        self.preview: ReadbackPreview | None = None
        self.last_result: ApplyResult | None = None
        self._loading = self._again = False
        self._period_chosen = False  # by the clerk; until then the forms may choose it
        self.setObjectName("readbackDialog")
        self.setWindowTitle(
            self.tr("Read back feedback forms — %1").replace("%1", get_plan(ctx.db, plan_id).title)
        )
        self.setAcceptDrops(True)
        self.resize(1100, 640)

        self.period = QComboBox(self)
        self.period.setObjectName("readbackPeriodCombo")
        for period in list_periods(ctx.db, plan_id):
            self.period.addItem(period.name, period.id)
        # The window's current period, until the forms say which period they were sent for.
        self.period.setCurrentIndex(max(0, self.period.findData(ctx.current_period(plan_id))))
        self.period.activated.connect(self._period_picked)
        add_files = self._button("addFormsButton", self.tr("Add files…"), self.add_files)
        add_folder = self._button("addFolderButton", self.tr("Add a folder…"), self.add_folder)
        clear = self._button("clearFormsButton", self.tr("Clear"), self.clear)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Period:"), self))
        top.addWidget(self.period, 1)
        for button in (add_files, add_folder, clear):
            top.addWidget(button)

        self.hint = QLabel(self)
        self.hint.setObjectName("readbackHint")
        self.hint.setWordWrap(True)
        self.model = ReadbackModel(self)
        self.proxy = ReadbackFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setObjectName("readbackTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        # The reason (the last column) takes what is left; names and texts within caps.
        self.columns = ColumnLayout(
            self.table, "readback", ctx.ui_settings,
            caps={COL_FILE: 12, COL_TASK: 14, COL_NOW: 16, COL_FORM: 16},
        )  # fmt: skip
        self.changes_only = QCheckBox(self.tr("Only rows that change something"), self)
        self.changes_only.setObjectName("changesOnlyCheck")
        self.changes_only.toggled.connect(self.proxy.set_changes_only)
        self.changes_only.setChecked(True)  # unfilled and unchanged rows only on request
        self.counts = QLabel(self)
        self.counts.setObjectName("readbackCounts")
        self.counts.setWordWrap(True)
        self.rejected = QLabel(self)  # each rejected file and why, in full
        self.rejected.setObjectName("rejectedForms")
        self.rejected.setWordWrap(True)
        self.rejected.setStyleSheet("color: #c62828;")
        self.rejected.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.overwrite = QCheckBox(
            self.tr("Also overwrite entries recorded after the form was saved"), self
        )
        self.overwrite.setObjectName("overwriteCheck")
        self.overwrite.toggled.connect(self._update_buttons)
        self.result = QLabel(self)
        self.result.setObjectName("readbackResult")
        self.result.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.apply_button = buttons.addButton(
            self.tr("Record progress"), QDialogButtonBox.ButtonRole.ApplyRole
        )
        self.apply_button.setObjectName("recordButton")
        self.apply_button.clicked.connect(self.apply)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.changes_only)
        layout.addWidget(self.rejected)
        layout.addWidget(self.counts)
        layout.addWidget(self.overwrite)
        layout.addWidget(self.result)
        layout.addWidget(buttons)
        ctx.tasks_changed.connect(self._data_changed)
        ctx.periods_changed.connect(self._data_changed)
        self._show_preview()

    def _button(self, name: str, text: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    # -- choosing files --------------------------------------------------------------------

    def add_files(self) -> None:
        chosen = self.ctx.prompts.ask_open_paths(
            self.tr("Filled feedback forms"),
            self.ctx.ui_settings.folder("readback"),
            self.tr("Feedback forms (*.docx *.xlsx);;All files (*)"),
        )
        self.add_paths([Path(p) for p in chosen])

    def add_folder(self) -> None:
        folder = self.ctx.prompts.ask_folder(
            self.tr("A folder of filled feedback forms"), self.ctx.ui_settings.folder("readback")
        )
        if folder:
            self.add_paths([Path(folder)])

    def add_paths(self, paths: list[Path]) -> None:
        """Add files, and the forms inside folders; a file given twice is read once."""
        if not paths:
            return
        self.ctx.ui_settings.set_folder("readback", str(paths[0]))
        for path in paths:
            for file in form_files(path) if path.is_dir() else [path]:
                if file.resolve() not in {p.resolve() for p in self.paths}:
                    self.paths.append(file)
        self.result.clear()
        self.refresh()

    def clear(self) -> None:
        self.paths, self.forms = [], {}
        self.result.clear()
        self.refresh()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        self.add_paths(paths)
        event.acceptProposedAction()

    def _period_picked(self) -> None:
        self._period_chosen = True
        self.result.clear()
        self.refresh()

    def _data_changed(self, *_args: object) -> None:
        if self.paths:
            self.refresh()

    # -- preview ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read what is new and preview again (on the worker thread)."""
        if self._loading:
            self._again = True
            return
        self._loading, self._again = True, False
        self._update_buttons()
        self.hint.setText(self.tr("Reading %n file(s)…", "", len(self.paths)))
        args = (
            str(self.ctx.db_path),
            list(self.paths),
            dict(self.forms),
            self.plan_id,
            self.period.currentData(),
            not self._period_chosen,
        )
        self.ctx.jobs.start(
            lambda _progress: read_and_preview(*args),
            self._previewed,
            self._failed,
            title=self.tr("Reading the forms…"),
            parent=self,
        )

    def _previewed(self, result: tuple[Forms, int | None, ReadbackPreview | None]) -> None:
        self._loading = False
        if self._again:
            self.forms = result[0]
            self.refresh()
            return
        self.forms, period_id, self.preview = result
        if period_id is not None and period_id != self.period.currentData():
            self.period.setCurrentIndex(self.period.findData(period_id))
        self._show_preview()
        self.previewed.emit()

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        self.preview = None
        self._show_preview()
        self.ctx.prompts.show_error(
            self.tr("Forms not read"),
            self.tr("Something went wrong: %1").replace("%1", str(exc) or type(exc).__name__),
        )

    def _show_preview(self) -> None:
        self.model.set_preview(self.preview)
        if self.period.count() == 0:
            self.hint.setText(
                self.tr("This plan has no reporting periods yet: add them first (Progress menu).")
            )
        elif not self.paths:
            self.hint.setText(
                self.tr(
                    "Add the forms the departments sent back — files, or a whole folder — or "
                    "drop them here. Nothing is recorded until you press “Record progress”."
                )
            )
        else:
            self.hint.setText(
                self.tr("%n file(s) for %1.", "", len(self.paths)).replace(
                    "%1", self.period.currentText()
                )
            )
        self.counts.setText(self._counts_text())
        rejected = self.model.rejected_messages()
        self.rejected.setText("\n".join(rejected))
        self.rejected.setVisible(bool(rejected))
        self.overwrite.setVisible(bool(self.preview and self.preview.count(CONFLICT)))
        self._update_buttons()

    def _counts_text(self) -> str:
        preview = self.preview
        if preview is None:
            return ""
        n = preview.counts()
        parts = [
            (n[NEW], self.tr("%n new", "", n[NEW])),
            (n[UPDATE], self.tr("%n changed", "", n[UPDATE])),
            (n[UNCHANGED], self.tr("%n unchanged", "", n[UNCHANGED])),
            (n[CONFLICT], self.tr("%n newer entry(ies) kept", "", n[CONFLICT])),
            (n[EMPTY], self.tr("%n not filled in", "", n[EMPTY])),
            (n[NOTED], self.tr("%n from cooperating departments (noted)", "", n[NOTED])),
            (n[DUPLICATE], self.tr("%n duplicate(s)", "", n[DUPLICATE])),
            (n[REJECTED], self.tr("%n row(s) rejected", "", n[REJECTED])),
        ]
        forms = len(preview.rejected_forms)
        parts.append((forms, self.tr("%n form(s) rejected", "", forms)))
        return "；".join(text for count, text in parts if count)

    def writes(self) -> int:
        """How many entries pressing "Record progress" would write now."""
        if self.preview is None:
            return 0
        conflicts = self.preview.count(CONFLICT) if self.overwrite.isChecked() else 0
        return self.preview.count(NEW) + self.preview.count(UPDATE) + conflicts

    def _update_buttons(self) -> None:
        self.apply_button.setEnabled(not self._loading and self.writes() > 0)

    # -- recording -------------------------------------------------------------------------

    def apply(self) -> None:
        if self.preview is None or self._loading or not self.writes():
            return
        command = ReadbackCommand(
            self.ctx,
            self.preview,
            self.overwrite.isChecked(),
            self.tr("Read back %n form(s)", "", len(self.preview.forms)),
        )
        if not self.ctx.execute(command):
            return
        result = command.result
        assert result is not None
        self.last_result = result
        self.result.setText(
            self.tr(
                "Recorded: %1 new, %2 changed; %3 newer entries kept. Edit → Undo takes it back."
            )
            .replace("%1", str(result.new))
            .replace("%2", str(result.updated))
            .replace("%3", str(result.conflicts_kept))
        )
        self.recorded.emit(result)
        # tasks_changed (from the command) previews again: the recorded rows now read
        # "unchanged", which is what reading the same forms twice must show.

"""The import dialog: read and parse a plan file, preview it, and store it only when
the clerk presses Import.

Reading and storing run off the GUI thread (``ctx.jobs``); the store job opens its own
connection. A file imported before is refused unless the clerk ticks "Replace it".

A task table (任务分解表, .xlsx or .docx) shows which column holds what, and the clerk can
correct it (the preview follows at once); the departments and leaders it names that the
directory lacks are listed and added only when the clerk ticks the box.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from db.audit import set_audit_context
from db.connection import connect
from db.imports import ImportResult, read_plan_or_table, store_parsed, store_table, unknown_names
from db.plans import find_plans_by_hash
from db.records import Plan
from domain.errors import PlanInputError
from domain.outline import ParsedPlan
from domain.script import is_traditional
from domain.table_plan import TableMapping, TaskTable
from domain.textsource import SourceText
from qtapp.context import AppContext
from qtapp.display import chinese_date
from qtapp.i18n import CHINESE
from qtapp.input_errors import input_error_text
from qtapp.jobs import Progress
from qtapp.models.parsed_outline_model import ParsedOutlineModel
from qtapp.ui.column_mapping import ColumnMappingBox

YEAR_MIN, YEAR_MAX = 1990, 2100
WARNINGS_SHOWN = 8  # more are summed up in one line


class ImportDialog(QDialog):
    previewed = Signal()  # a file was read and parsed; the preview shows it
    failed = Signal(str)  # reading or storing failed; the message shown in importError
    imported = Signal(int)  # the new plan's id, just before the dialog accepts

    def __init__(self, ctx: AppContext, path: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import a work plan"))
        self.path: str | None = None
        self.plan: ParsedPlan | None = None
        self.source: SourceText | None = None
        self.table: TaskTable | None = None  # when the file is a task table
        self.unknown: tuple[list[str], list[str]] = ([], [])  # departments, leaders
        self.duplicates: list[Plan] = []
        self.imported_plan_id: int | None = None
        self.import_result: ImportResult | None = None
        self._reading = False
        self._importing = False
        self._generation = 0  # results of a read started before the latest are dropped

        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("importPathEdit")
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(self.tr("No file chosen"))
        self.choose_button = QPushButton(self.tr("Choose…"), self)
        self.choose_button.setObjectName("choosePlanButton")
        self.choose_button.clicked.connect(self.choose)
        self.status = self._label("importStatus")
        self.error = self._label("importError")
        self.error.setStyleSheet("color: #c62828;")
        self.duplicate = self._label("importDuplicate")
        self.duplicate.setStyleSheet("color: #b26a00;")
        self.replace_check = QCheckBox(self.tr("Replace it (the database is backed up first)"))
        self.replace_check.setObjectName("replaceCheck")
        self.replace_check.toggled.connect(self._update_buttons)
        self.simplified_check = QCheckBox(
            self.tr("Convert to Simplified characters (简体; the file's text is kept)"), self
        )
        self.simplified_check.setObjectName("simplifiedCheck")
        self.simplified_check.setToolTip(
            self.tr("The plan is in Traditional characters; official documents use Simplified.")
        )

        self.title_label = self._label("importTitle")
        self.doc_number_label = self._label("importDocNumber")
        self.issuer_label = self._label("importIssuer")
        self.date_label = self._label("importDate")
        self.summary = self._label("importSummary")
        self.year_spin = QSpinBox(self)
        self.year_spin.setObjectName("planYearSpin")
        self.year_spin.setRange(YEAR_MIN, YEAR_MAX)
        self.year_spin.setToolTip(self.tr("The year the plan's deadlines (“6月底前”) belong to"))
        self.warnings = self._label("importWarnings")
        self.columns = ColumnMappingBox(self)
        self.columns.mapping_changed.connect(self._mapping_changed)
        self.unknown_label = self._label("importUnknownNames")
        self.unknown_label.setStyleSheet("color: #b26a00;")
        self.add_names_check = QCheckBox(self.tr("Add them to the directory when importing"))
        self.add_names_check.setObjectName("addNamesCheck")
        self.add_names_check.toggled.connect(self._update_buttons)
        self.tree = QTreeView(self)
        self.tree.setObjectName("importPreviewTree")
        self.tree.setUniformRowHeights(True)
        self.model = ParsedOutlineModel(parent=self.tree)
        self.tree.setModel(self.model)
        # The outline takes the width; the task counts as much as they need.
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(ParsedOutlineModel.COL_OUTLINE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(
            ParsedOutlineModel.COL_TASKS, QHeaderView.ResizeMode.ResizeToContents
        )

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setObjectName("importButton")
        self.import_button.setDefault(True)
        self.buttons.accepted.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)

        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.choose_button)
        form = QFormLayout()
        form.addRow(self.tr("Title:"), self.title_label)
        form.addRow(self.tr("Document number (发文编号):"), self.doc_number_label)
        form.addRow(self.tr("Issued by:"), self.issuer_label)
        form.addRow(self.tr("Date of issue:"), self.date_label)
        form.addRow(self.tr("Contents:"), self.summary)
        form.addRow(self.tr("Plan year:"), self.year_spin)
        form.addRow("", self.simplified_check)
        self.preview = QGroupBox(self.tr("Preview"), self)
        preview_layout = QVBoxLayout(self.preview)
        preview_layout.addLayout(form)
        preview_layout.addWidget(self.columns)
        preview_layout.addWidget(self.unknown_label)
        preview_layout.addWidget(self.add_names_check)
        preview_layout.addWidget(self.warnings)
        preview_layout.addWidget(self.tree, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(path_row)
        for widget in (self.status, self.error, self.duplicate, self.replace_check):
            layout.addWidget(widget)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 640)

        self._clear()
        if path:
            self.set_path(path)

    def _set_status(self, text: str = "") -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def _label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        return label

    # -- reading -----------------------------------------------------------------------------

    def choose(self) -> None:
        path = self.ctx.prompts.ask_open_path(
            self.tr("Import a work plan"),
            self.ctx.ui_settings.folder("import"),
            self.tr("Work plans and task tables (*.txt *.docx *.pdf *.xlsx);;All files (*)"),
        )
        if path:
            self.ctx.ui_settings.set_folder("import", path)
            self.set_path(path)

    def set_path(self, path: str) -> None:
        """Read and parse ``path`` off the GUI thread; nothing is stored."""
        path = self.path = str(path)
        self.path_edit.setText(self.path)
        self._clear()
        self._generation += 1
        generation = self._generation
        self._reading = True  # (_clear disabled Import: there is no plan now)
        self._set_status(self.tr("Reading…"))
        self.ctx.jobs.start(
            lambda progress: read_plan_or_table(path),
            lambda result: self._read_done(generation, result),
            lambda exc: self._read_failed(generation, exc),
            title=self.tr("Reading the plan…"),
            parent=self,
        )

    def _read_done(
        self, generation: int, result: tuple[ParsedPlan, SourceText, TaskTable | None]
    ) -> None:
        if generation != self._generation:
            return
        self._reading = False
        self.plan, self.source, self.table = result
        self.columns.set_table(self.table)
        self._check_unknown_names()
        self._set_status()
        self._show_plan(self.plan)
        self._check_duplicates()
        self._update_buttons()
        self.previewed.emit()

    def _read_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._reading = False
        self._set_status()
        self._show_error(exc)
        self._update_buttons()

    def _clear(self) -> None:
        self.plan = self.source = self.table = None
        self.duplicates = []
        self.unknown = ([], [])
        self.model.set_plan(None)
        self.columns.set_table(None)
        self.preview.hide()
        for widget in (self.status, self.error, self.duplicate, self.replace_check):
            widget.hide()
        for widget in (self.unknown_label, self.add_names_check):
            widget.hide()
        self.replace_check.setChecked(False)
        self.add_names_check.setChecked(False)
        self._update_buttons()

    # -- task tables -------------------------------------------------------------------------

    def _mapping_changed(self, mapping: TableMapping) -> None:
        """The clerk corrected which column holds what: build the plan again and show it."""
        if self.table is None:
            return
        try:
            self.plan = self.table.to_plan(mapping)
        except PlanInputError as exc:
            self.plan = None
            self._show_error(exc)
            self._update_buttons()
            return
        self.error.hide()
        self._check_unknown_names()
        self._show_plan(self.plan)
        self._update_buttons()

    def _check_unknown_names(self) -> None:
        """A quick query: the departments and leaders the table names that are not known."""
        if self.table is None or self.plan is None:
            self.unknown = ([], [])
        else:
            self.unknown = unknown_names(self.ctx.db, self.plan)
        departments, leaders = self.unknown
        lines = []
        if departments:
            lines.append(
                self.tr("Departments not in the directory: %1").replace(
                    "%1", "、".join(departments)
                )
            )
        if leaders:
            lines.append(
                self.tr("Leaders not in the directory: %1").replace("%1", "、".join(leaders))
            )
        self.unknown_label.setText("\n".join(lines))
        self.unknown_label.setVisible(bool(lines))
        self.add_names_check.setVisible(bool(lines))

    def _show_plan(self, plan: ParsedPlan) -> None:
        none = self.tr("(not stated)")
        self.title_label.setText(plan.title or none)
        self.doc_number_label.setText(plan.doc_number or none)
        self.issuer_label.setText(plan.issuer or none)
        self.date_label.setText(chinese_date(plan.date) if plan.date else none)
        self.summary.setText(self._counts_text(plan))
        year = plan.year if plan.year is not None else date.today().year
        self.year_spin.setValue(min(max(year, YEAR_MIN), YEAR_MAX))
        # On by default for a Traditional plan in a Chinese window: offices write 规范汉字.
        traditional = is_traditional("".join(plan.pieces()))
        self.simplified_check.setVisible(traditional)
        self.simplified_check.setChecked(traditional and self.ctx.language == CHINESE)
        if plan.warnings:
            lines = [f"• {w}" for w in plan.warnings[:WARNINGS_SHOWN]]
            rest = len(plan.warnings) - WARNINGS_SHOWN
            if rest > 0:
                lines.append(self.tr("… and %n more", "", rest))
            self.warnings.setText("\n".join([self.tr("Warnings:"), *lines]))
        self.warnings.setVisible(bool(plan.warnings))
        self.model.set_plan(plan)
        self.tree.expandToDepth(0)
        self.preview.show()

    def _counts_text(self, plan: ParsedPlan) -> str:
        c = plan.counts()
        return (
            self.tr("%1, %2, %3, %4; %5; %6")
            .replace("%1", self.tr("%n section(s)", "", c.sections))
            .replace("%2", self.tr("%n sub-section(s)", "", c.subsections))
            .replace("%3", self.tr("%n item(s)", "", c.items))
            .replace("%4", self.tr("%n task(s)", "", c.tasks))
            .replace("%5", self.tr("%n task(s) name their units", "", c.suggested_units))
            .replace("%6", self.tr("%n name a deadline", "", c.suggested_deadlines))
        )

    def _check_duplicates(self) -> None:
        """A quick query on the GUI thread: was this file (by content) imported before?"""
        if self.source is None:
            return
        self.duplicates = find_plans_by_hash(self.ctx.db, self.source.sha256)
        if self.duplicates:
            first = self.duplicates[0]
            self.duplicate.setText(
                self.tr("This file was already imported as plan %1 (“%2”).")
                .replace("%1", str(first.id))
                .replace("%2", first.title)
            )
        self.duplicate.setVisible(bool(self.duplicates))
        self.replace_check.setVisible(bool(self.duplicates))

    def _show_error(self, exc: BaseException) -> None:
        text = (
            input_error_text(exc)
            if isinstance(exc, PlanInputError)
            else self.tr("Something went wrong: %1").replace("%1", str(exc) or type(exc).__name__)
        )
        self.error.setText(text)
        self.error.setToolTip(exc.message if isinstance(exc, PlanInputError) else "")
        self.error.show()
        self.failed.emit(text)

    # -- storing -----------------------------------------------------------------------------

    def can_import(self) -> bool:
        names_ok = not any(self.unknown) or self.add_names_check.isChecked()
        return (
            self.plan is not None
            and not self._reading
            and not self._importing
            and names_ok
            and (not self.duplicates or self.replace_check.isChecked())
        )

    def _update_buttons(self) -> None:
        self.import_button.setEnabled(self.can_import())
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        for widget in (
            self.choose_button,
            self.year_spin,
            self.replace_check,
            self.simplified_check,
            cancel,
        ):
            widget.setEnabled(not self._importing)  # the store runs to its end
        self.columns.setEnabled(not self._importing)
        self.add_names_check.setEnabled(not self._importing)

    def start_import(self) -> None:
        """Store the previewed plan off the GUI thread, with its own connection."""
        if not self.can_import() or self.plan is None or self.source is None:
            return
        plan, source, table = self.plan, self.source, self.table
        replace, year = bool(self.duplicates), self.year_spin.value()
        add_names = self.add_names_check.isChecked()
        simplified = self.simplified_check.isVisible() and self.simplified_check.isChecked()
        db_path = self.ctx.db_path

        def work(progress: Progress) -> ImportResult:
            conn = connect(db_path)
            try:
                set_audit_context(conn, "import")
                if table is not None:
                    return store_table(
                        conn,
                        plan,
                        source,
                        add_names=add_names,
                        replace=replace,
                        year=year,
                        progress=progress,
                        simplified=simplified,
                    )
                return store_parsed(
                    conn,
                    plan,
                    source,
                    replace=replace,
                    year=year,
                    progress=progress,
                    simplified=simplified,
                )
            finally:
                conn.close()

        self._importing = True
        self.error.hide()
        self._set_status(self.tr("Importing…"))
        self._update_buttons()
        title = self.tr("Importing the plan…")
        self.ctx.jobs.start(work, self._import_done, self._import_failed, title=title, parent=self)

    def _import_done(self, result: ImportResult) -> None:
        self._importing = False
        self.import_result = result
        self.imported_plan_id = result.plan_id
        self._set_status()
        self._update_buttons()
        if result.replaced:
            # The history spoke of the replaced plan's tasks, which are gone.
            self.ctx.undo_stack.clear()
        self.ctx.plans_changed.emit()
        if self.table is not None:
            self.ctx.directory_changed.emit()  # names added, and the tasks' assignments
        self.imported.emit(result.plan_id)
        self.accept()

    def _import_failed(self, exc: BaseException) -> None:
        self._importing = False
        self._set_status()
        self._check_duplicates()  # another window may have imported the file meanwhile
        self._show_error(exc)
        self._update_buttons()

    def reject(self) -> None:
        if self._importing:  # the store runs to its end: all or nothing, never half
            return
        self._generation += 1  # a read still running is not shown any more
        super().reject()

"""The export dialog: which document, for which plan, period and departments, where to.

The documents are written on the worker thread with its own connection; the dialog shows
progress and, when done, offers to open the folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt, QUrl, Signal
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
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.connection import connect
from db.departments import list_departments
from db.plans import list_plans
from db.progress import list_periods
from db.settings import get_setting
from db.tasks import count_unassigned
from domain.script import is_traditional, to_traditional
from exports.kinds import KINDS_BY_CODE
from exports.service import FOLDER_KINDS, ExportRequest, run_export, safe_file_name
from qtapp.commands import SettingsCommand
from qtapp.context import AppContext

KINDS = (
    ("decomposition", QT_TRANSLATE_NOOP("ExportDialog", "Task decomposition table (任务分解表)")),
    ("report", QT_TRANSLATE_NOOP("ExportDialog", "Progress report (进展情况通报)")),
    (
        "feedback-forms",
        QT_TRANSLATE_NOOP("ExportDialog", "Feedback forms, one per department (进展情况反馈表)"),
    ),
    (
        "reminders",
        QT_TRANSLATE_NOOP("ExportDialog", "Reminder notices, one per department (催办通知)"),
    ),
)


def _export_job(db_path: str, request: ExportRequest, with_chart: bool = False):  # type: ignore[no-untyped-def]
    def work(progress):  # type: ignore[no-untyped-def]
        db = connect(db_path)
        try:
            if with_chart:  # 附统计图: drawn here (off screen), as the command line draws it
                from dataclasses import replace

                from qtapp.charts import plan_chart_png

                chart = plan_chart_png(db, request.plan_id, request.period_id, request.as_of)
                return run_export(db, replace(request, chart_png=chart), progress)
            return run_export(db, request, progress)
        finally:
            db.close()

    return work


class ExportDialog(QDialog):
    exported = Signal(list)  # the files written

    def __init__(
        self,
        ctx: AppContext,
        kind: str = "decomposition",
        plan_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export a document"))
        self.written: list[Path] = []
        self.kind = QComboBox(self)
        self.kind.setObjectName("exportKindCombo")
        for code, name in KINDS:
            self.kind.addItem(self.tr(name), code)
        self.plan = QComboBox(self)
        self.plan.setObjectName("exportPlanCombo")
        for plan in list_plans(ctx.db):
            self.plan.addItem(plan.title, plan.id)
        self.period = QComboBox(self)
        self.period.setObjectName("exportPeriodCombo")
        self.departments = QListWidget(self)
        self.departments.setObjectName("exportDepartmentList")
        self.departments.setMaximumHeight(140)
        for dept in list_departments(ctx.db):
            item = QListWidgetItem(dept.name, self.departments)
            item.setData(Qt.ItemDataRole.UserRole, dept.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.form_format = QComboBox(self)
        self.form_format.setObjectName("formFormatCombo")
        self.form_format.addItem(self.tr("Word documents (.docx)"), "docx")
        self.form_format.addItem(self.tr("Excel workbooks (.xlsx)"), "xlsx")
        self.with_leader = QCheckBox(self.tr("Add the 分管领导 column"), self)
        self.with_leader.setObjectName("withLeaderCheck")
        self.with_dates = QCheckBox(self.tr("Print the resolved date under each deadline"), self)
        self.with_dates.setObjectName("withDatesCheck")
        self.with_person = QCheckBox(self.tr("Add the 责任人 column"), self)
        self.with_person.setObjectName("withPersonCheck")
        self.short_names = QCheckBox(self.tr("Departments by their short names (基教处)"), self)
        self.short_names.setObjectName("shortNamesCheck")
        self.with_task_list = QCheckBox(self.tr("Attach every task with its progress (附件)"), self)
        self.with_task_list.setObjectName("withTaskListCheck")
        self.with_chart = QCheckBox(self.tr("Add the department chart (附统计图)"), self)
        self.with_chart.setObjectName("withChartCheck")
        self.with_chart.setToolTip(
            self.tr("Each lead department's completed, overdue and postponed tasks as bars")
        )
        self.issued_on = QDateEdit(QDate.currentDate(), self)
        self.issued_on.setObjectName("issuedOnEdit")
        self.issued_on.setCalendarPopup(True)
        self.issued_on.setDisplayFormat("yyyy年M月d日")  # as the document prints it
        self.issued_on.setToolTip(
            self.tr(
                "成文日期: the date of issue printed under the 署名 (not the date of the figures)"
            )
        )
        self.warning = QLabel(self)
        self.warning.setObjectName("exportWarningLabel")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b26a00;")
        self.warning.hide()
        self.output = QLineEdit(self)
        self.output.setObjectName("exportOutputEdit")
        browse = QPushButton(self.tr("Choose…"), self)
        browse.setObjectName("exportBrowseButton")
        browse.clicked.connect(self._browse)
        self.template = QLabel(self)
        self.template.setObjectName("exportTemplateLabel")
        self.template.setWordWrap(True)
        choose_template = QPushButton(self.tr("Office template…"), self)
        choose_template.setObjectName("chooseTemplateButton")
        choose_template.clicked.connect(self._choose_template)
        clear_template = QPushButton(self.tr("Built-in look"), self)
        clear_template.setObjectName("clearTemplateButton")
        clear_template.clicked.connect(lambda: self.set_template(""))
        self.progress = QProgressBar(self)
        self.progress.setObjectName("exportProgress")
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setObjectName("exportStatus")
        self.status.setWordWrap(True)
        self.open_folder = QPushButton(self.tr("Open folder"), self)
        self.open_folder.setObjectName("openFolderButton")
        self.open_folder.hide()
        self.open_folder.clicked.connect(self._open_folder)
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(
            self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setObjectName("exportButton")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.start_export)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Document"), self.kind)
        form.addRow(self.tr("Plan"), self.plan)
        form.addRow(self.tr("Reporting period"), self.period)
        form.addRow(self.tr("Departments (none ticked: all)"), self.departments)
        form.addRow(self.tr("Forms as"), self.form_format)
        self.form_format_label = form.labelForField(self.form_format)
        form.addRow("", self.with_leader)
        form.addRow("", self.with_dates)
        form.addRow("", self.with_person)
        form.addRow("", self.short_names)
        form.addRow("", self.with_task_list)
        form.addRow("", self.with_chart)
        form.addRow(self.tr("Date of issue (成文日期)"), self.issued_on)
        path_row = QHBoxLayout()
        path_row.addWidget(self.output, 1)
        path_row.addWidget(browse)
        form.addRow(self.tr("Save to"), path_row)
        template_row = QHBoxLayout()
        template_row.addWidget(self.template, 1)
        template_row.addWidget(choose_template)
        template_row.addWidget(clear_template)
        form.addRow(self.tr("Look"), template_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.open_folder, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.buttons)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.plan.currentIndexChanged.connect(self._plan_changed)
        self.period.currentIndexChanged.connect(self._period_picked)
        if plan_id is not None:
            self.plan.setCurrentIndex(max(0, self.plan.findData(plan_id)))
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self._plan_changed()
        self._kind_changed()
        self._show_template()
        self.resize(620, 560)

    # -- choices ---------------------------------------------------------------------------

    def request(self) -> ExportRequest:
        ticked = [
            self.departments.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.departments.count())
            if self.departments.item(i).checkState() == Qt.CheckState.Checked
        ]
        kind = self.kind.currentData()
        return ExportRequest(
            kind=kind,
            plan_id=self.plan.currentData(),
            output=Path(self.output.text().strip()),
            period_id=self.period.currentData(),
            department_ids=tuple(ticked),
            as_of=self.ctx.as_of,  # the date the window judges lights by
            with_leader=self.with_leader.isChecked(),
            with_due_date=self.with_dates.isChecked(),
            form_format=self.form_format.currentData() if kind == "feedback-forms" else "docx",
            issued_on=self.issued_on.date().toPython(),
            with_task_list=kind == "report" and self.with_task_list.isChecked(),
            short_names=kind == "decomposition" and self.short_names.isChecked(),
            with_person=kind == "decomposition" and self.with_person.isChecked(),
        )

    def _per_department(self) -> bool:
        return self.kind.currentData() in FOLDER_KINDS

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        for box in (self.with_leader, self.with_dates, self.with_person, self.short_names):
            box.setVisible(kind == "decomposition")
        self.with_task_list.setVisible(kind == "report")
        self.with_chart.setVisible(kind == "report")
        self.form_format.setVisible(kind == "feedback-forms")
        self.form_format_label.setVisible(kind == "feedback-forms")
        self.period.setEnabled(kind != "decomposition")
        self._suggest_output()
        self._show_warning()

    def _show_warning(self) -> None:
        """Before exporting: tasks without a lead department leave blank rows."""
        plan_id = self.plan.currentData()
        missing = count_unassigned(self.ctx.db, plan_id) if plan_id is not None else 0
        self.warning.setText(self._unassigned_text(missing) if missing else "")
        self.warning.setVisible(bool(missing) and self.kind.currentData() == "decomposition")

    def _unassigned_text(self, count: int) -> str:
        return self.tr(
            "%n task(s) have no lead department yet: their rows are printed blank. "
            "Assign them first, or export anyway.",
            "",
            count,
        )

    def _plan_changed(self) -> None:
        self.period.blockSignals(True)
        self.period.clear()
        self.period.addItem(self.tr("(none: as of today)"), None)
        plan_id = self.plan.currentData()
        if plan_id is not None:
            for period in list_periods(self.ctx.db, plan_id):
                self.period.addItem(period.name, period.id)
            # The window's current period, as the dashboard and the progress tab show it.
            self.period.setCurrentIndex(
                max(0, self.period.findData(self.ctx.current_period(plan_id)))
            )
        self.period.blockSignals(False)
        self._suggest_output()

    def _period_picked(self) -> None:
        if self.plan.currentData() is not None:
            self.ctx.set_period(self.plan.currentData(), self.period.currentData())
        self._suggest_output()
        self._show_warning()

    def _suggest_output(self) -> None:
        folder = Path(self.ctx.ui_settings.folder("export"))
        title = self.plan.currentText()
        parts = [title]
        if self.kind.currentData() != "decomposition" and self.period.currentData() is not None:
            parts.append(self.period.currentText())
        name = KINDS_BY_CODE[self.kind.currentData()].name  # as the office writes it
        parts.append(to_traditional(name) if is_traditional(title) else name)
        name = safe_file_name("-".join(parts))
        self.output.setText(
            str(folder / name) if self._per_department() else str(folder / f"{name}.docx")
        )
        self.export_button.setEnabled(self.plan.count() > 0)

    def _browse(self) -> None:
        if self._per_department():
            chosen = self.ctx.prompts.ask_folder(
                self.tr("Folder for the documents"), self.output.text()
            )
        else:
            chosen = self.ctx.prompts.ask_save_path(
                self.tr("Save the document"), self.output.text(), self.tr("Word document (*.docx)")
            )
            if chosen and not Path(chosen).suffix:
                # Qt's own dialog (Linux) adds no suffix, Windows' adds the filter's; a name
                # without one would otherwise be taken for a folder to write into.
                chosen += ".docx"
        if chosen:
            self.output.setText(chosen)

    def _show_template(self) -> None:
        path = get_setting(self.ctx.db, "documents.template")
        self.template.setText(path or self.tr("Built-in look (GB/T 9704)"))

    def _choose_template(self) -> None:
        path = self.ctx.prompts.ask_open_path(
            self.tr("Office template"), "", self.tr("Word document (*.docx)")
        )
        if path:
            self.set_template(path)

    def set_template(self, path: str) -> None:
        if path != get_setting(self.ctx.db, "documents.template"):
            self.ctx.execute(
                SettingsCommand(
                    self.ctx, {"documents.template": path}, self.tr("Change the document template")
                )
            )
        self._show_template()

    # -- exporting -------------------------------------------------------------------------

    def start_export(self) -> None:
        request = self.request()
        if not str(request.output) or str(request.output) == ".":
            self.status.setText(self.tr("Choose where to save."))
            return
        if self._per_department():
            request.output.mkdir(parents=True, exist_ok=True)
        self.ctx.ui_settings.set_folder(
            "export", request.output if self._per_department() else request.output.parent
        )
        self.export_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.status.setText(self.tr("Writing…"))
        self.ctx.jobs.start(
            _export_job(
                str(self.ctx.db_path),
                request,
                with_chart=request.kind == "report" and self.with_chart.isChecked(),
            ),
            self._done,
            self._failed,
            owner=self,
        )

    def _done(self, written: list[Path]) -> None:
        self.written = written
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.export_button.setEnabled(True)
        names = "\n".join(p.name for p in written[:6]) + ("\n…" if len(written) > 6 else "")
        self.status.setText(self.tr("%n file(s) written:", "", len(written)) + "\n" + names)
        notes = [self._warning_text(w) for w in getattr(written, "warnings", [])]
        self.warning.setText("\n".join(notes))
        self.warning.setVisible(bool(notes))
        self.open_folder.show()
        self.exported.emit(written)

    def _warning_text(self, warning: object) -> str:
        code, count = getattr(warning, "code", ""), getattr(warning, "count", 0)
        if code == "unassigned":
            return self._unassigned_text(count)
        if code == "no_office":
            return self.tr(
                "The office name is not set, so the document is signed 办公室: set it in "
                "Office settings."
            )
        return str(warning)

    def _failed(self, exc: BaseException) -> None:
        self.progress.hide()
        self.export_button.setEnabled(True)
        self.status.setText(self.tr("Not exported: %1").replace("%1", str(exc)))

    def _open_folder(self) -> None:
        if self.written:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written[0].parent)))

"""Office settings kept in the database: the name and signatory printed on documents, what
the 通报 carries (发文字号, 期号, 下步工作要求, 版记), the document template, and the
thresholds of the warning lights. The command line reads and writes the same settings
(``settings list`` / ``settings set``)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from db.settings import get_setting
from qtapp.commands import SettingsCommand
from qtapp.context import AppContext


class SettingsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Office settings"))
        self.office = QLineEdit(get_setting(ctx.db, "office.name"), self)
        self.office.setObjectName("officeNameEdit")
        self.office.setPlaceholderText(self.tr("e.g. 青岛市教育局办公室"))
        self.signatory = QLineEdit(get_setting(ctx.db, "office.signatory"), self)
        self.signatory.setObjectName("signatoryEdit")
        self.doc_number = QLineEdit(get_setting(ctx.db, "documents.doc_number"), self)
        self.doc_number.setObjectName("docNumberEdit")
        self.doc_number.setPlaceholderText(self.tr("e.g. 青教办〔2020〕12号"))
        self.issue = QLineEdit(get_setting(ctx.db, "report.issue"), self)
        self.issue.setObjectName("issueEdit")
        self.issue.setPlaceholderText(self.tr("e.g. 第3期"))
        self.requirements = QPlainTextEdit(get_setting(ctx.db, "report.requirements"), self)
        self.requirements.setObjectName("requirementsEdit")
        self.requirements.setMaximumHeight(110)
        self.copy_to = QLineEdit(get_setting(ctx.db, "report.copy_to"), self)
        self.copy_to.setObjectName("copyToEdit")
        self.printed_by = QLineEdit(get_setting(ctx.db, "report.printed_by"), self)
        self.printed_by.setObjectName("printedByEdit")
        self.printed_by.setPlaceholderText(self.tr("Empty: the office"))
        self.imprint = QCheckBox(self.tr("Print the 版记 (抄送, 印发机关, 印发日期)"), self)
        self.imprint.setObjectName("imprintCheck")
        self.imprint.setChecked(bool(get_setting(ctx.db, "report.imprint")))
        self.template = QLineEdit(get_setting(ctx.db, "documents.template"), self)
        self.template.setObjectName("templateEdit")
        self.template.setPlaceholderText(self.tr("Built-in look (GB/T 9704)"))
        choose = QPushButton(self.tr("Choose…"), self)
        choose.clicked.connect(self._choose_template)
        self.yellow_days = QSpinBox(self)
        self.yellow_days.setObjectName("yellowDaysSpin")
        self.yellow_days.setRange(0, 365)
        self.yellow_days.setSuffix(self.tr(" days"))
        self.yellow_days.setValue(int(get_setting(ctx.db, "warning.yellow_days")))
        self.yellow_fraction = QDoubleSpinBox(self)
        self.yellow_fraction.setObjectName("yellowFractionSpin")
        self.yellow_fraction.setRange(0, 100)
        self.yellow_fraction.setSuffix(" %")
        self.yellow_fraction.setValue(float(get_setting(ctx.db, "warning.yellow_fraction")) * 100)
        self.behind_margin = QSpinBox(self)
        self.behind_margin.setObjectName("behindMarginSpin")
        self.behind_margin.setRange(0, 100)
        self.behind_margin.setSuffix(self.tr(" points"))
        self.behind_margin.setValue(int(get_setting(ctx.db, "warning.behind_margin")))
        self.backups = QSpinBox(self)
        self.backups.setObjectName("backupsKeepSpin")
        self.backups.setRange(1, 200)
        self.backups.setValue(int(get_setting(ctx.db, "backups.keep")))

        form = QFormLayout()
        form.addRow(self.tr("Office (signs the documents)"), self.office)
        form.addRow(self.tr("Signature line (署名; empty: the office)"), self.signatory)
        form.addRow(self.tr("Document number (发文字号)"), self.doc_number)
        form.addRow(self.tr("Issue of the report (期号)"), self.issue)
        form.addRow(self.tr("Next steps of the report (下步工作要求)"), self.requirements)
        form.addRow(self.tr("Copies to (抄送)"), self.copy_to)
        form.addRow(self.tr("Printed by (印发机关)"), self.printed_by)
        form.addRow("", self.imprint)
        row = QHBoxLayout()
        row.addWidget(self.template, 1)
        row.addWidget(choose)
        form.addRow(self.tr("Document template"), row)
        form.addRow(self.tr("Yellow light: deadline within"), self.yellow_days)
        form.addRow(self.tr("… or less of the time left than"), self.yellow_fraction)
        form.addRow(
            self.tr("Behind: below time-proportional progress by more than"), self.behind_margin
        )
        form.addRow(self.tr("Backups to keep"), self.backups)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def values(self) -> dict[str, object]:
        return {
            "office.name": self.office.text().strip(),
            "office.signatory": self.signatory.text().strip(),
            "documents.doc_number": self.doc_number.text().strip(),
            "report.issue": self.issue.text().strip(),
            "report.requirements": self.requirements.toPlainText().strip(),
            "report.copy_to": self.copy_to.text().strip(),
            "report.printed_by": self.printed_by.text().strip(),
            "report.imprint": self.imprint.isChecked(),
            "documents.template": self.template.text().strip(),
            "warning.yellow_days": self.yellow_days.value(),
            "warning.yellow_fraction": round(self.yellow_fraction.value() / 100, 4),
            "warning.behind_margin": self.behind_margin.value(),
            "backups.keep": self.backups.value(),
        }

    def save(self) -> None:
        changes = {k: v for k, v in self.values().items() if get_setting(self.ctx.db, k) != v}
        if changes and not self.ctx.execute(
            SettingsCommand(self.ctx, changes, self.tr("Change office settings"))
        ):
            return
        self.accept()

    def _choose_template(self) -> None:
        path = self.ctx.prompts.ask_open_path(
            self.tr("Office template"), "", self.tr("Word document (*.docx)")
        )
        if path:
            self.template.setText(path)

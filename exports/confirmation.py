"""分工确认表: one landscape form per department listing the tasks it leads and those it
cooperates on, with 是否同意 (同意 / 需调整, boxes to tick) and the 调整意见 — the lead and
cooperating departments, the deadline, the 责任人 and the 阶段目标 the department proposes,
and its reason. Also as an Excel workbook (``exports.confirmation_xlsx``).

Made like the 进展情况反馈表 (``exports.feedback``): a task's row never splits across pages,
the last row never stands alone on the last page (the row before keeps with it),
who fills in, signs and when stand above the table (no page ever holds only a sign-off),
the fixed words follow the plan's script, and the form carries keys so it is trusted when
it comes back: the core property ``identifier`` (``duban-confirm:v1:…``) and a small grey
key under each task's code (``C3-T152-9f2c1a``), signed as ``domain.confirm_keys`` says.

``export_confirmation_forms`` writes the forms of a plan into a folder (all or nothing) and
notes them in ``confirmation_exports`` in the same transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from sqlite_utils import Database

from db.confirmations import record_exports
from db.form_secret import form_stamp
from db.records import Department
from db.reports import PlanReport, ReportTask, collect
from db.settings import get_setting
from domain.confirm_forms import AGREEMENT_CHOICES, FIELD_COLUMNS, REASON
from domain.confirm_keys import confirm_form_id, confirm_row_key
from domain.form_keys import FormStamp
from exports.docx_base import OfficialDocument, new_document, set_core_properties
from exports.feedback import groups_by_role, sign_heading
from exports.files import write_folder
from exports.job import Wording, use_doc_number
from exports.request import ExportError, ExportWarning, Written, safe_file_name
from exports.tables import Column, GroupRow, Row, TableSpec, add_table
from exports.text import clean

KEYWORDS = "分工确认表"
KEY_STYLE = "GWKey"
# 225 mm, the landscape text width; the cells in 10.5 pt (GW Cell Small). 工作任务 takes a
# third of it (19 characters a line: a task of 60 characters takes three or four lines, and a
# landscape page holds nine rows); the other current columns are as narrow as their content
# allows (是否同意 holds "□需调整", 完成时限 "6月底前", 序号 the key in two lines) and the six
# 调整意见 columns share the rest, two or three handwritten characters a line, 理由 a little
# wider. A row is at least 14 mm high: two handwritten lines in every adjustment cell.
CURRENT = (
    Column("序号", 14, "center"),
    Column("工作任务", 75),
    Column("角色", 12, "center"),
    Column("完成时限", 17, "center"),
    Column("责任人", 16, "center"),
    Column("是否同意", 18),
)
PROPOSED = (
    Column("牵头处室", 12),
    Column("配合处室", 12),
    Column("完成时限", 12),
    Column("责任人", 12),
    Column("阶段目标", 12),
    Column("理由", 13),
)
HEAD_PT = 12  # GW Head
CELL_MARGINS_MM = 3


def head_text(column: Column) -> str:
    """The header as printed: one longer than its column breaks after two characters (a
    12 pt character is 4.2 mm wide) rather than anywhere."""
    header = column.header
    needed = CELL_MARGINS_MM + len(header) * HEAD_PT * 25.4 / 72
    return f"{header[:2]}\n{header[2:]}" if len(header) > 2 and column.width_mm < needed else header


COLUMNS = (*CURRENT, *PROPOSED)
ADJUSTMENT_GROUP = "调整意见（选“需调整”时填写）"
HEADER_GROUPS = (*((c.header, 1) for c in CURRENT), (ADJUSTMENT_GROUP, len(PROPOSED)))
ROW_HEIGHT_MM = 14
INSTRUCTIONS = (
    "填表说明：",
    "1.“是否同意”栏只选一项：将所选项前的“□”改为“☑”，或删去另一项。",
    "2.选“需调整”时，在“调整意见”各栏只填需要改动的项目，并写明理由；处室写全称或简称，"
    "多个配合处室用“、”隔开；阶段目标写成“期次：目标”，如“二季度：完成初稿，50%”。",
    "3.“序号”下的灰色校验码供读回使用，请勿改动；也可填写同名的Excel表（.xlsx）报送。",
)
assert [h for _f, h in FIELD_COLUMNS] + [REASON] == [c.header for c in PROPOSED]


@dataclass(frozen=True)
class ConfirmationOptions:
    template: str = ""
    reply_by: dt.date | None = None  # adds "请于…前报送办公室。" above the table


def title_for(report: PlanReport) -> str:
    return f"{report.plan.title}{Wording.of(report)(KEYWORDS)}"


def department_tasks(
    report: PlanReport, department: Department
) -> tuple[list[ReportTask], list[ReportTask]]:
    """The tasks ``department`` leads and those it cooperates on, in outline order."""
    lead = [t for t in report.tasks if t.lead_id == department.id]
    cooperating = [t for t in report.tasks if department.id in t.cooperating_ids]
    return lead, cooperating


def role_groups(report: PlanReport, department: Department) -> list[tuple[list[ReportTask], str]]:
    return groups_by_role(*department_tasks(report, department))


def agreement_boxes(report: PlanReport) -> str:
    words = Wording.of(report)
    return "\n".join(f"□{words(choice)}" for choice in AGREEMENT_CHOICES)


def _rows(report: PlanReport, department: Department, stamp: FormStamp) -> list[Row | GroupRow]:
    words = Wording.of(report)
    boxes = agreement_boxes(report)
    out: list[Row | GroupRow] = []
    for number, (tasks, role) in zip("一二", role_groups(report, department), strict=False):
        out.append(GroupRow(words(f"{number}、{role}任务")))
        for task in tasks:
            key = confirm_row_key(stamp, department.id, task.id)
            current = (task.code, task.text, words(role), task.deadline, task.person, boxes)
            out.append(Row((*current, *[""] * len(PROPOSED)), key))
    return out


def heading(
    doc: OfficialDocument, report: PlanReport, department: Department, options: ConfirmationOptions
) -> None:
    """Above the table: who fills in and signs, by when, and the 填表说明."""
    sign_heading(doc, report, department, options.reply_by, INSTRUCTIONS)


def render(
    report: PlanReport,
    department: Department,
    stamp: FormStamp,
    options: ConfirmationOptions | None = None,
) -> OfficialDocument | None:
    """The form for ``department``; None when it neither leads nor cooperates on a task."""
    options = options or ConfirmationOptions()
    rows = _rows(report, department, stamp)
    if not rows:
        return None
    words = Wording.of(report)
    doc = new_document(landscape=True, template=options.template or None)
    use_doc_number(doc, report)
    title = title_for(report)
    doc.title(title)
    doc.blank("GW Cell")
    heading(doc, report, department, options)
    columns = [Column(words(head_text(c)), c.width_mm, c.align, c.style) for c in COLUMNS]
    groups = [(words(title), span) for title, span in HEADER_GROUPS]
    spec = TableSpec(columns, rows, cant_split=True, min_row_height_mm=ROW_HEIGHT_MM,
                     cell_style="GWCellSmall", header_groups=groups, keep_last_rows=2)  # fmt: skip
    add_table(doc, spec)
    set_core_properties(
        doc.doc,
        title=title,
        author=report.office or "Duban",
        subject=report.plan.title,
        identifier=confirm_form_id(stamp, department.id),
        keywords=KEYWORDS,
    )
    return doc


def file_name(number: int, department: Department, suffix: str = ".docx") -> str:
    """``01-基础教育处-分工确认表.docx``."""
    name = safe_file_name(clean(department.name), replacement="_", default=str(department.id))
    return f"{number:02d}-{name}-{KEYWORDS}{suffix}"


def export_confirmation_forms(
    db: Database,
    plan_id: int,
    folder: Path,
    *,
    form_format: str = "docx",
    department_ids: Sequence[int] = (),
    template: str | None = None,
    reply_by: dt.date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Written:
    """One form per department with tasks (or per department asked for), in official order,
    written into ``folder`` — all or nothing — and noted in ``confirmation_exports`` in the
    same transaction: if a file cannot be written, nothing is noted either."""
    if form_format not in ("docx", "xlsx"):
        raise ExportError(f"Unknown form format {form_format!r}; choose docx or xlsx.")
    folder = Path(folder)
    if folder.suffix.lower() in (".docx", ".xlsx"):
        raise ExportError(f"{folder}: this export writes one file per department; choose a folder.")
    with db.atomic():  # one state of the file; the note of the export commits with it
        report = collect(db, plan_id, department_ids=department_ids)
        if template is None:
            template = get_setting(db, "documents.template") or ""
        stamp = form_stamp(db, report.plan.id, report.plan.generation)
        if department_ids:  # forms for these departments only, not their partners
            wanted = set(department_ids)
            report = replace(
                report, departments=tuple(d for d in report.departments if d.id in wanted)
            )
        departments = [d for d in report.departments if role_groups(report, d)]
        if not departments:
            raise ExportError("No department leads or cooperates on a task of this plan yet.")
        options = ConfirmationOptions(template=template, reply_by=reply_by)
        if form_format == "xlsx":
            from exports.confirmation_xlsx import workbook_bytes_for

            def make(department: Department) -> bytes:
                return workbook_bytes_for(report, department, stamp, options)

            suffix = ".xlsx"
        else:

            def make(department: Department) -> bytes:
                doc = render(report, department, stamp, options)
                assert doc is not None  # the department has tasks
                return doc.to_bytes()

            suffix = ".docx"
        record_exports(
            db, report.plan.id, [(d.id, confirm_form_id(stamp, d.id)) for d in departments]
        )
        files = [(file_name(n, d, suffix), partial(make, d)) for n, d in enumerate(departments, 1)]
        written = write_folder(folder, files, progress)
    unassigned = sum(1 for t in report.tasks if t.lead_id is None and not t.cooperating_ids)
    warnings = []
    if unassigned and not department_ids:
        warnings.append(
            ExportWarning(
                "unassigned",
                unassigned,
                f"{unassigned} task(s) have no department yet and are on no form.",
            )
        )
    return Written(written, warnings)

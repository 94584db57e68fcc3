"""进展情况反馈表: one landscape form per department, listing the tasks it leads and the
tasks it cooperates on, with blank cells for 进展情况 / 存在问题 / 下步打算 / 完成进度 and
the 状态 choices to tick.

The forms come back filled in, so they carry unobtrusive machine-readable keys that
survive editing in Word or WPS: the core property ``identifier`` names plan, period and
department (``duban-feedback:v1:…``), and every task row has a small grey key under its
code (``D1-P7-T152-9f2c1a``). Both end in an HMAC of their fields with a per-database
secret (``db.form_secret``), so a key whose task, department or period was changed no
longer checks; ``read_form_keys`` reads them back from a returned file.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from docx import Document

from db.form_secret import form_secret as form_secret  # re-exported for callers
from db.records import Department
from db.reports import PlanReport, ReportTask
from domain.form_keys import (  # noqa: F401 - re-exported: the keys are the form's
    FORM_PREFIX,
    FormId,
    RowKey,
    check_form_id,
    check_row_key,
    form_id,
    parse_form_id,
    parse_row_key,
    row_key,
)
from domain.names import in_script_of
from domain.statuses import STATUS_CHOICES
from exports.docx_base import OfficialDocument, new_document, set_core_properties
from exports.files import write_folder
from exports.tables import Column, GroupRow, Row, TableSpec, add_table
from exports.text import chinese_date, clean

KEYWORDS = "进展情况反馈表"
KEY_STYLE = "GWKey"
# 225 mm, the landscape text width. 角色 needs 12 mm for two 12 pt characters plus the cell
# margins; 状态 holds "□序时推进" in 10.5 pt (GW Cell Small); 序号 leaves the key two lines.
COLUMNS = (
    Column("序号", 16, "center"),
    Column("工作任务", 49),
    Column("角色", 12, "center"),
    Column("完成时限", 22, "center"),
    Column("进展情况", 38),
    Column("存在问题", 26),
    Column("下步打算", 26),
    Column("完成进度", 14, "center"),
    Column("状态", 22, style="GWCellSmall"),
)
HEADER_LINE = (Column("", 130), Column("", 95, "right"))
FOOTER_LINE = "填报人：　　　　　　联系电话：　　　　　　处室负责人（签字）："
ROW_HEIGHT_MM = 18

# -- the document --------------------------------------------------------------------------


@dataclass(frozen=True)
class FeedbackOptions:
    title: str = ""  # default: "<plan title><period name>进展情况反馈表"
    template: str = ""
    reply_by: dt.date | None = None  # adds "请于…前报送办公室。" under the table


def title_for(report: PlanReport, options: FeedbackOptions) -> str:
    if options.title:
        return options.title
    period = report.period.name if report.period else ""
    return f"{report.plan.title}{period}{in_script_of(report.plan.title, KEYWORDS)}"


def department_tasks(
    report: PlanReport, department: Department
) -> tuple[list[ReportTask], list[ReportTask]]:
    """The tasks ``department`` leads and those it cooperates on, in outline order."""
    lead = [t for t in report.tasks if t.lead_id == department.id]
    cooperating = [
        t for t in report.tasks if t.lead_id != department.id and department.id in t.cooperating_ids
    ]
    return lead, cooperating


def _period_id(report: PlanReport) -> int | None:
    return report.period.id if report.period else None


def _rows(report: PlanReport, department: Department, secret: bytes) -> list[Row | GroupRow]:
    """一、牵头任务 then 二、配合任务 (an empty group is left out, the next renumbered)."""
    status = "\n".join(f"□{choice}" for choice in STATUS_CHOICES)
    out: list[Row | GroupRow] = []
    lead, cooperating = department_tasks(report, department)
    groups = [(tasks, role) for tasks, role in ((lead, "牵头"), (cooperating, "配合")) if tasks]
    for number, (tasks, role) in zip("一二", groups, strict=False):
        out.append(GroupRow(f"{number}、{role}任务"))
        for task in tasks:
            key = row_key(secret, report.plan.id, _period_id(report), department.id, task.id)
            out.append(
                Row((task.code, task.text, role, task.deadline, "", "", "", "", status), key)
            )
    return out


def render(
    report: PlanReport,
    department: Department,
    secret: bytes,
    options: FeedbackOptions | None = None,
) -> OfficialDocument | None:
    """The form for ``department``; None when it neither leads nor cooperates on a task."""
    options = options or FeedbackOptions()
    rows = _rows(report, department, secret)
    if not rows:
        return None
    doc = new_document(landscape=True, template=options.template or None)
    title = title_for(report, options)
    doc.title(title)
    doc.blank("GW Cell")
    header = [Row((f"填报单位：{department.name}", "填报日期：　　年　　月　　日"))]
    add_table(
        doc, TableSpec(HEADER_LINE, header, borderless=True, header=False, cell_style="GWPlain")
    )
    spec = TableSpec(COLUMNS, rows, cant_split=False, min_row_height_mm=ROW_HEIGHT_MM)
    add_table(doc, spec)
    doc.paragraph(FOOTER_LINE, "GW Plain")
    if options.reply_by:
        office = report.office or "办公室"
        doc.paragraph(f"请于{chinese_date(options.reply_by)}前报送{office}。", "GW Plain")
    identifier = form_id(secret, report.plan.id, _period_id(report), department.id)
    set_core_properties(
        doc.doc,
        title=title,
        author=report.office or "Duban",
        subject=report.plan.title,
        identifier=identifier,
        keywords=KEYWORDS,
    )
    return doc


# -- writing a folder of forms -------------------------------------------------------------

_ILLEGAL = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')


def file_name(number: int, department: Department) -> str:
    """``01-基础教育处-进展情况反馈表.docx``, safe as a Windows file name."""
    name = _ILLEGAL.sub("_", clean(department.name)).strip().rstrip(".") or str(department.id)
    return f"{number:02d}-{name}-{KEYWORDS}.docx"


def export_forms(
    report: PlanReport,
    secret: bytes,
    folder: Path,
    options: FeedbackOptions | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[Path]:
    """One form per department with tasks, in official order, written into ``folder``.

    All or nothing (``exports.files.write_folder``): if rendering, the disk or ``progress``
    (raising to cancel) fails, no form of this run is left and earlier ones stay.
    """
    options = options or FeedbackOptions()
    departments = [d for d in report.departments if any(department_tasks(report, d))]

    def form(department: Department) -> bytes:
        doc = render(report, department, secret, options)
        assert doc is not None  # the department has tasks
        return doc.to_bytes()

    files = [(file_name(n, d), partial(form, d)) for n, d in enumerate(departments, 1)]
    return write_folder(Path(folder), files, progress)


# -- reading a form back -------------------------------------------------------------------


@dataclass
class FormKeys:
    form_id: str  # the core property ``identifier`` ("" when missing)
    # (key text, cell texts) for each row with a key; cell 0 is the code without the key,
    # one text per grid column (a cell spanning columns repeats).
    rows: list[tuple[str, list[str]]] = field(default_factory=list)


def read_form_keys(path: str | Path) -> FormKeys:
    """The identifier and the keyed rows of a (filled-in) form. A row's key is its
    ``GWKey`` paragraph in the first cell (even when altered: checking is the caller's
    job), failing that the first paragraph there that reads as a key."""
    doc = Document(str(path))
    out = FormKeys(doc.core_properties.identifier or "")
    for table in doc.tables:
        for row in table.rows:
            cells = row.cells
            if not cells:
                continue
            paragraphs = cells[0].paragraphs
            keyed = [p for p in paragraphs if p._p.style == KEY_STYLE]
            keyed = keyed or [p for p in paragraphs if parse_row_key(p.text)][:1]
            key = keyed[0].text.strip() if keyed else ""
            if not key:
                continue
            code = "\n".join(p.text for p in paragraphs if p not in keyed)
            out.rows.append((key, [code] + [c.text for c in cells[1:]]))
    return out

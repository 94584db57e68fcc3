"""进展情况反馈表 as an Excel workbook: the same form as ``exports.feedback`` for offices whose
departments report in Excel or WPS 表格.

Every text is written as text (``put_text``): a task or deadline that starts like a formula
is never one.

One sheet "进展情况反馈表": a merged title row, ``填报单位`` / ``填报日期``, the header row
(frozen, and repeated on every printed page), the group rows 一、牵头任务 / 二、配合任务 and
one row per task. The key a row carries under its code in Word has its own column here,
校验码, in small grey type. 状态 is a drop-down list (已完成 … 暂缓) and 完成进度 accepts a
whole number from 0 to 100, so a filled workbook reads back without guessing.

The form id is stored twice: in the workbook's core property ``identifier`` and in cell A1
of a hidden sheet "duban" — WPS may drop core properties when it saves a workbook.
Writing a folder of workbooks is all or nothing, like ``export_forms``.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from functools import partial
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from db.records import Department
from db.reports import PlanReport
from domain.form_keys import FormStamp
from exports.feedback import (
    COLUMNS,
    FOOTER_LINE,
    KEYWORDS,
    STATUS_CHOICES,
    FeedbackOptions,
    department_tasks,
    file_name,
    form_id,
    role_groups,
    row_key,
    target_line,
    title_for,
)
from exports.files import write_folder
from exports.gbt9704 import FontSet
from exports.sheet_text import put_text
from exports.text import chinese_date, clean

SHEET = "进展情况反馈表"
ID_SHEET = "duban"
KEY_HEADER = "校验码"
HEADERS = (*(c.header for c in COLUMNS), KEY_HEADER)
# Excel widths in characters (a CJK character counts about two).
WIDTHS = (8, 40, 6, 12, 34, 22, 22, 10, 12, 18)
STATUS_COLUMN = HEADERS.index("状态") + 1
PERCENT_COLUMN = HEADERS.index("完成进度") + 1
HEADER_ROW = 3
FONTS = FontSet()
GREY = "808080"

_THIN = Side(style="thin", color="000000")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
WRAP = Alignment(wrap_text=True, vertical="center")
CENTER = Alignment(wrap_text=True, vertical="center", horizontal="center")
HEAD_FILL = PatternFill("solid", fgColor="F2F2F2")
# Centred columns, as in the Word form (序号, 角色, 完成时限, 完成进度), plus 校验码.
COLUMNS_ALIGN = (*(c.align == "center" for c in COLUMNS), True)


def _period_id(report: PlanReport) -> int | None:
    return report.period.id if report.period else None


def xlsx_file_name(number: int, department: Department) -> str:
    """``01-基础教育处-进展情况反馈表.xlsx``: the Word form's name with the Excel suffix."""
    return file_name(number, department).removesuffix(".docx") + ".xlsx"


def render_workbook(
    report: PlanReport,
    department: Department,
    stamp: FormStamp,
    options: FeedbackOptions | None = None,
) -> Workbook | None:
    """The workbook for ``department``; None when it neither leads nor cooperates on a task."""
    options = options or FeedbackOptions()
    groups = role_groups(report, department)
    if not groups:
        return None
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = SHEET
    title = clean(title_for(report, options))
    last = get_column_letter(len(HEADERS))
    _merged(ws, 1, title, Font(name=FONTS.title, size=18), CENTER, height=36)
    ws.merge_cells("A2:E2")
    ws.merge_cells(f"F2:{last}2")
    put_text(ws, 2, 1, f"填报单位：{clean(department.name)}")
    put_text(ws, 2, 6, "填报日期：")
    for ref in ("A2", "F2"):
        ws[ref].font = Font(name=FONTS.body, size=12)
        ws[ref].alignment = Alignment(vertical="center")
    ws.row_dimensions[2].height = 24
    for col, header in enumerate(HEADERS, 1):
        cell = put_text(ws, HEADER_ROW, col, header)
        cell.font = Font(name=FONTS.table_head, size=11, bold=True)
        cell.alignment, cell.border, cell.fill = CENTER, BORDER, HEAD_FILL
    ws.row_dimensions[HEADER_ROW].height = 24

    body = Font(name=FONTS.table_body, size=11)
    key_font = Font(name="Arial", size=8, color=GREY)
    row = HEADER_ROW + 1
    first_task_row = row + 1  # under the first group row
    for number, (tasks, role) in zip("一二", groups, strict=False):
        _merged(ws, row, f"{number}、{role}任务", Font(name=FONTS.h1, size=11), WRAP, border=True)
        row += 1
        for task in tasks:
            key = row_key(stamp, _period_id(report), department.id, task.id)
            text = "\n".join(p for p in (task.text, target_line(report, task)) if p)
            values = (task.code, text, role, task.deadline, "", "", "", None, "", key)
            for col, value in enumerate(values, 1):
                cell = (
                    put_text(ws, row, col, clean(value))
                    if isinstance(value, str)
                    else ws.cell(row, col, value)
                )
                cell.font, cell.border = body, BORDER
                cell.alignment = CENTER if COLUMNS_ALIGN[col - 1] else WRAP
            ws.cell(row, len(HEADERS)).font = key_font
            ws.cell(row, PERCENT_COLUMN).number_format = "0"
            ws.row_dimensions[row].height = 60
            row += 1
    last_task_row = row - 1
    _validations(ws, first_task_row, last_task_row)
    row += 1
    _merged(ws, row, FOOTER_LINE, Font(name=FONTS.body, size=12), Alignment(vertical="center"))
    if options.reply_by:
        office = report.office or "办公室"
        text = f"请于{chinese_date(options.reply_by)}前报送{office}。"
        _merged(ws, row + 1, text, Font(name=FONTS.body, size=12), Alignment(vertical="center"))

    for col, width in enumerate(WIDTHS, 1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, 1)
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    print_setup(ws)

    mark_form(wb, form_id(stamp, _period_id(report), department.id), title, report, KEYWORDS)
    return wb


def mark_form(wb: Workbook, identifier: str, title: str, report: PlanReport, keywords: str) -> None:
    """Keep the form id twice — in the core property ``identifier`` and in cell A1 of a hidden
    sheet, as WPS may drop core properties when it saves — and name the workbook."""
    hidden = wb.create_sheet(ID_SHEET)
    put_text(hidden, 1, 1, identifier)
    hidden.sheet_state = "hidden"
    props = wb.properties
    props.identifier = identifier
    props.title = title[:255]
    props.subject = clean(report.plan.title)[:255]
    props.creator = props.lastModifiedBy = clean(report.office or "Duban")[:255]
    props.keywords = keywords
    props.language = "zh-CN"


def _merged(
    ws: Worksheet,
    row: int,
    text: str,
    font: Font,
    alignment: Alignment,
    *,
    border: bool = False,
    height: float | None = None,
) -> None:
    last = len(HEADERS)
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last)
    cell = put_text(ws, row, 1, text)
    cell.font, cell.alignment = font, alignment
    if border:
        for col in range(1, last + 1):
            ws.cell(row, col).border = BORDER
    if height:
        ws.row_dimensions[row].height = height


def _validations(ws: Worksheet, first: int, last: int) -> None:
    if last < first:
        return
    status = DataValidation(
        type="list",
        formula1='"' + ",".join(STATUS_CHOICES) + '"',
        allow_blank=True,
        showErrorMessage=True,
        showInputMessage=True,
        promptTitle="状态",
        prompt="请从下拉列表中选择：" + "、".join(STATUS_CHOICES),
        errorTitle="状态",
        error="请从下拉列表中选择一项。",
    )
    percent = DataValidation(
        type="whole",
        operator="between",
        formula1="0",
        formula2="100",
        allow_blank=True,
        showErrorMessage=True,
        showInputMessage=True,
        promptTitle="完成进度",
        prompt="填写0到100之间的整数（百分比，不带%）。",
        errorTitle="完成进度",
        error="请填写0到100之间的整数。",
    )
    for validation, col in ((status, STATUS_COLUMN), (percent, PERCENT_COLUMN)):
        letter = get_column_letter(col)
        validation.add(f"{letter}{first}:{letter}{last}")  # group rows in between are merged
        ws.add_data_validation(validation)


def print_setup(ws: Worksheet) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages as the rows need
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    margins = ws.page_margins
    margins.left = margins.right = 0.6
    margins.top, margins.bottom = 0.8, 0.7


def workbook_bytes(wb: Workbook) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def export_forms_xlsx(
    report: PlanReport,
    stamp: FormStamp,
    folder: Path,
    options: FeedbackOptions | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[Path]:
    """One workbook per department with tasks, in official order, written into ``folder``
    under the Word forms' names with ``.xlsx``.

    All or nothing, like ``exports.feedback.export_forms``: every workbook is first written
    (atomically) under a hidden temporary name and renamed into place only when all are
    written; on any failure — or ``progress`` raising to cancel — this run's files are
    removed and the exception propagates.
    """
    options = options or FeedbackOptions()
    departments = [d for d in report.departments if any(department_tasks(report, d))]

    def workbook(department: Department) -> bytes:
        wb = render_workbook(report, department, stamp, options)
        assert wb is not None  # the department has tasks
        return workbook_bytes(wb)

    files = [(xlsx_file_name(n, d), partial(workbook, d)) for n, d in enumerate(departments, 1)]
    return write_folder(Path(folder), files, progress)

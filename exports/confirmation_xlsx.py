"""分工确认表 as an Excel workbook: the same form as ``exports.confirmation`` for departments
that answer in Excel or WPS 表格.

One sheet "分工确认表": a merged title row, 填报单位 / 填报日期 and 填报人 / 联系电话 above the
table, a row naming the two halves of the table (任务及现有分工 · 调整意见), the header row
(frozen, repeated on every printed page), the group rows 一、牵头任务 / 二、配合任务 and one
row per task with its key in its own column, 校验码. 是否同意 is a drop-down list (同意 /
需调整). Every text is written as text (``put_text``). The form id is kept twice, as in the
feedback workbooks: the core property ``identifier`` and cell A1 of a hidden sheet "duban".
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from db.records import Department
from db.reports import PlanReport
from domain.confirm_forms import AGREEMENT_CHOICES
from domain.confirm_keys import confirm_form_id, confirm_row_key
from domain.form_keys import FormStamp
from exports.confirmation import (
    ADJUSTMENT_GROUP,
    COLUMNS,
    CURRENT,
    KEYWORDS,
    PROPOSED,
    ConfirmationOptions,
    role_groups,
    title_for,
)
from exports.feedback_xlsx import (
    BORDER,
    CENTER,
    FONTS,
    GREY,
    HEAD_FILL,
    KEY_HEADER,
    WRAP,
    mark_form,
    print_setup,
    workbook_bytes,
)
from exports.job import Wording
from exports.sheet_text import put_text
from exports.text import chinese_date, clean

SHEET = KEYWORDS
CURRENT_GROUP = "任务及现有分工"
WIDTHS = (8, 36, 6, 12, 9, 10, 12, 14, 12, 9, 18, 18, 18)
GROUP_ROW = 4
HEADER_ROW = 5
AGREEMENT_COLUMN = len(CURRENT)


def headers(report: PlanReport) -> list[str]:
    words = Wording.of(report)
    return [words(c.header) for c in COLUMNS] + [words(KEY_HEADER)]


def render_workbook(
    report: PlanReport,
    department: Department,
    stamp: FormStamp,
    options: ConfirmationOptions | None = None,
) -> Workbook | None:
    """The workbook for ``department``; None when it neither leads nor cooperates on a task."""
    options = options or ConfirmationOptions()
    groups = role_groups(report, department)
    if not groups:
        return None
    words = Wording.of(report)
    titles = headers(report)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = SHEET
    last = len(titles)
    _merged(ws, 1, 1, last, clean(title_for(report)), Font(name=FONTS.title, size=18), CENTER)
    ws.row_dimensions[1].height = 36
    plain = Font(name=FONTS.body, size=12)
    left = Alignment(vertical="center")
    _merged(ws, 2, 1, 6, words("填报单位：") + clean(department.name), plain, left)
    _merged(ws, 2, 7, last, words("填报日期：") + "　　年　　月　　日", plain, left)
    _merged(ws, 3, 1, 6, words("填报人：　　　　　　联系电话："), plain, left)
    reply = ""
    if options.reply_by:
        office = report.office or words("办公室")
        reply = words(
            "请于{day}前报送{office}。", day=chinese_date(options.reply_by), office=office
        )
    _merged(ws, 3, 7, last, reply, plain, left)
    head = Font(name=FONTS.table_head, size=11, bold=True)
    split = len(CURRENT)
    for first, end, text in ((1, split, CURRENT_GROUP), (split + 1, split + len(PROPOSED),
                             ADJUSTMENT_GROUP), (last, last, "")):  # fmt: skip
        _merged(ws, GROUP_ROW, first, end, words(text), head, CENTER, border=True)
        for col in range(first, end + 1):
            ws.cell(GROUP_ROW, col).fill = HEAD_FILL
    for col, title in enumerate(titles, 1):
        cell = put_text(ws, HEADER_ROW, col, title)
        cell.font, cell.alignment, cell.border, cell.fill = head, CENTER, BORDER, HEAD_FILL
    ws.row_dimensions[HEADER_ROW].height = 24

    body = Font(name=FONTS.table_body, size=11)
    key_font = Font(name="Arial", size=8, color=GREY)
    centred = {1, 3, 4, 5, 6, last}
    row = HEADER_ROW + 1
    first_task = row
    for number, (tasks, role) in zip("一二", groups, strict=False):
        _merged(ws, row, 1, last, words(f"{number}、{role}任务"), Font(name=FONTS.h1, size=11),
                WRAP, border=True)  # fmt: skip
        row += 1
        for task in tasks:
            key = confirm_row_key(stamp, department.id, task.id)
            current = (task.code, task.text, words(role), task.deadline, task.person, "")
            values = (*current, *[""] * len(PROPOSED), key)
            for col, value in enumerate(values, 1):
                cell = put_text(ws, row, col, clean(value))
                cell.font, cell.border = body, BORDER
                cell.alignment = CENTER if col in centred else WRAP
            ws.cell(row, last).font = key_font
            ws.row_dimensions[row].height = 48
            row += 1
    agreement = DataValidation(
        type="list",
        formula1='"' + ",".join(words(c) for c in AGREEMENT_CHOICES) + '"',
        allow_blank=True,
        showErrorMessage=True,
        showInputMessage=True,
        promptTitle=words("是否同意"),
        prompt=words("请选择：同意，或需调整（并在调整意见各栏填写）。"),
        errorTitle=words("是否同意"),
        error=words("请从下拉列表中选择一项。"),
    )
    letter = get_column_letter(AGREEMENT_COLUMN)
    agreement.add(f"{letter}{first_task}:{letter}{row - 1}")
    ws.add_data_validation(agreement)
    for col, width in enumerate(WIDTHS, 1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, 1)
    ws.print_title_rows = f"{GROUP_ROW}:{HEADER_ROW}"
    print_setup(ws)

    identifier = confirm_form_id(stamp, department.id)
    mark_form(wb, identifier, clean(title_for(report)), report, KEYWORDS)
    return wb


def _merged(
    ws: Worksheet, row: int, first: int, last: int, text: str, font: Font,
    alignment: Alignment, *, border: bool = False,
) -> None:  # fmt: skip
    if last > first:
        ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
    cell = put_text(ws, row, first, text)
    cell.font, cell.alignment = font, alignment
    if border:
        for col in range(first, last + 1):
            ws.cell(row, col).border = BORDER


def workbook_bytes_for(
    report: PlanReport, department: Department, stamp: FormStamp, options: ConfirmationOptions
) -> bytes:
    wb = render_workbook(report, department, stamp, options)
    assert wb is not None  # the department has tasks
    return workbook_bytes(wb)

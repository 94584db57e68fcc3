"""任务分解表 as an Excel workbook: the same table as ``exports.decomposition`` for offices
that keep or circulate it in Excel or WPS 表格.

One sheet: the title and the count in merged rows, the header row (frozen, and repeated
on every printed page), a merged row for each section and each item, a row per task; A4
landscape, fitted to the page width. Every text cell is written as text
(``exports.sheet_text``: never a formula, also once edited in Excel or WPS).
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from db.reports import PlanReport
from exports.decomposition import (
    DecompositionOptions,
    columns,
    count_line,
    rows,
    title_for,
)
from exports.gbt9704 import FontSet
from exports.job import doc_number_text
from exports.sheet_text import set_text
from exports.tables import GroupRow
from exports.text import official

FONTS = FontSet()
MM_PER_CHAR = 2.0  # an Excel column width unit is about 2 mm of 11 pt text
_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="center")
_CENTER = Alignment(wrap_text=True, vertical="center", horizontal="center")


def _merged(ws: Worksheet, row: int, text: str, font: Font, align: Alignment, last: int) -> None:
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last)
    cell = ws.cell(row, 1)
    set_text(cell, text)
    cell.font, cell.alignment = font, align


def render_workbook(report: PlanReport, options: DecompositionOptions | None = None) -> Workbook:
    options = options or DecompositionOptions()
    table_rows = rows(report, options)
    body = [list(r.cells) for r in table_rows if not isinstance(r, GroupRow)]
    cols = columns(report, options, body)
    last = len(cols)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "任务分解表"
    _merged(ws, 1, title_for(report, options), Font(name=FONTS.title, size=18), _CENTER, last)
    ws.row_dimensions[1].height = 36
    number = report.plan.doc_number
    subtitle = f"（{doc_number_text(report, number) + '　' if number else ''}{count_line(report)}）"
    _merged(ws, 2, subtitle, Font(name=FONTS.h2, size=12), _CENTER, last)
    header_row = 3
    for index, column in enumerate(cols, 1):
        cell = ws.cell(header_row, index)
        set_text(cell, column.header)
        cell.font = Font(name=FONTS.table_head, size=11, bold=True)
        cell.alignment, cell.border = _CENTER, _BORDER
        cell.fill = PatternFill("solid", fgColor="F2F2F2")
        ws.column_dimensions[get_column_letter(index)].width = round(
            column.width_mm / MM_PER_CHAR, 1
        )
    body_font = Font(name=FONTS.table_body, size=11)
    aligns = [_CENTER if c.align == "center" else _WRAP for c in cols]
    row_number = header_row
    for row in table_rows:
        row_number += 1
        if isinstance(row, GroupRow):
            face = FONTS.h1 if row.style == "GWGroup" else FONTS.h2
            _merged(ws, row_number, official(row.title), Font(name=face, size=11), _WRAP, last)
            for index in range(1, last + 1):
                ws.cell(row_number, index).border = _BORDER
            continue
        for index, value in enumerate(row.cells, 1):
            cell = ws.cell(row_number, index)
            set_text(cell, official(value))
            cell.font, cell.border, cell.alignment = body_font, _BORDER, aligns[index - 1]
    ws.freeze_panes = ws.cell(header_row + 1, 1)
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    props = wb.properties
    props.title = title_for(report, options)[:255]
    props.subject = report.plan.title[:255]
    props.creator = props.lastModifiedBy = (report.office or "Duban")[:255]
    props.keywords = "任务分解表"
    props.language = "zh-CN"
    return wb


def workbook_bytes(wb: Workbook) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()

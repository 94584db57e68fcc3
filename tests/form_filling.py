"""Filling exported 进展情况反馈表 in as a department does: python-docx for the Word form,
openpyxl for the workbook."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docx import Document
from openpyxl import load_workbook

from domain.script import to_simplified
from exports.feedback import KEY_STYLE, parse_row_key

UTC = dt.UTC


def docx_rows(doc):
    for row in doc.tables[1].rows:
        cells = row.cells
        keyed = [p for p in cells[0].paragraphs if p._p.style == KEY_STYLE]
        if len(cells) == 9 and keyed:
            yield parse_row_key(keyed[0].text).task_id, cells, keyed[0]


def fill_docx(path: Path, values: dict[int, dict], modified: dt.datetime | None = None) -> Path:
    """Write into 进展情况/存在问题/下步打算/完成进度 and tick a status (□ → ☑)."""
    doc = Document(str(path))
    for task_id, cells, _key in docx_rows(doc):
        if task_id not in values:
            continue
        v = values[task_id]
        cells[4].text = v.get("progress", "")
        cells[5].text = v.get("problems", "")
        cells[6].text = v.get("next_steps", "")
        cells[7].text = v.get("percent", "")
        for paragraph in cells[8].paragraphs:  # the choices may be in Traditional characters
            if to_simplified(paragraph.text) == f"□{v.get('status', '')}":
                paragraph.text = "☑" + paragraph.text[1:]
    doc.core_properties.modified = (modified or dt.datetime.now(UTC)).replace(tzinfo=None)
    doc.save(str(path))
    return path


def fill_xlsx(path: Path, values: dict[int, dict]) -> Path:
    """Write the cells and choose a status word (Excel sets the save time itself)."""
    wb = load_workbook(path)
    ws = wb["进展情况反馈表"]
    header = {c.value: c.column for c in ws[3]}
    for row in ws.iter_rows(min_row=4):
        key = row[header["校验码"] - 1].value
        if not key or parse_row_key(key).task_id not in values:
            continue
        v = values[parse_row_key(key).task_id]
        for title, name in (
            ("进展情况", "progress"),
            ("存在问题", "problems"),
            ("下步打算", "next_steps"),
        ):
            ws.cell(row[0].row, header[title], v.get(name, ""))
        ws.cell(row[0].row, header["完成进度"], v.get("percent"))
        ws.cell(row[0].row, header["状态"], v.get("status"))
    wb.save(path)
    return path


# -- 分工确认表 ------------------------------------------------------------------------------

CONFIRM_FIELDS = ("lead", "cooperating", "deadline", "person", "target", "reason")


def confirm_docx_rows(doc):
    from domain.confirm_keys import parse_confirm_key

    for table in doc.tables:
        for row in table.rows:
            cells = row.cells
            keyed = [p for p in cells[0].paragraphs if p._p.style == KEY_STYLE]
            if len(cells) == 12 and keyed and parse_confirm_key(keyed[0].text):
                yield parse_confirm_key(keyed[0].text).task_id, cells, keyed[0]


def fill_confirm_docx(path: Path, values: dict[int, dict]) -> Path:
    """Tick 同意 or 需调整 (□ → ☑) and write the 调整意见 cells, as a department does in
    Word: ``{task_id: {"choice": "同意"}}`` or ``{"choice": "需调整", "lead": …, "reason": …}``."""
    doc = Document(str(path))
    for task_id, cells, _key in confirm_docx_rows(doc):
        if task_id not in values:
            continue
        v = values[task_id]
        for paragraph in cells[5].paragraphs:  # the choices may be in Traditional characters
            if to_simplified(paragraph.text) == f"□{v.get('choice', '')}":
                paragraph.text = "☑" + paragraph.text[1:]
        for index, name in enumerate(CONFIRM_FIELDS, 6):
            if v.get(name):
                cells[index].text = v[name]
    doc.save(str(path))
    return path


def fill_confirm_xlsx(path: Path, values: dict[int, dict]) -> Path:
    """Choose 同意/需调整 from the list and write the 调整意见 cells, as in Excel."""
    from domain.confirm_keys import parse_confirm_key

    wb = load_workbook(path)
    ws = wb.worksheets[0]
    header = [to_simplified(str(c.value or "")) for c in ws[5]]  # the plan's script
    agree_col = header.index("是否同意") + 1
    key_col = header.index("校验码") + 1
    for row in ws.iter_rows(min_row=6):
        key = parse_confirm_key(str(row[key_col - 1].value or ""))
        if key is None or key.task_id not in values:
            continue
        v = values[key.task_id]
        ws.cell(row[0].row, agree_col, v.get("choice"))
        for offset, name in enumerate(CONFIRM_FIELDS, 1):
            if v.get(name):
                ws.cell(row[0].row, agree_col + offset, v[name])
    wb.save(path)
    return path

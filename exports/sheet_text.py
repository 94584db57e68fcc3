"""Text in a workbook cell that stays text: what every Excel document Duban writes shares."""

from __future__ import annotations

from openpyxl.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

# What spreadsheet programs take for the start of a formula when a cell is typed (or edited).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def set_text(cell: Cell, text: str) -> Cell:
    """Make ``cell`` hold ``text`` as text, never as a number, a date or a formula: openpyxl
    makes any string that starts with "=" a formula, so the cell is set to a string again;
    and text that Excel, WPS or LibreOffice would take for a formula once the cell is edited
    keeps a quote prefix (shown nowhere, read back as the same text). A task or a deadline
    typed as ``=HYPERLINK("…","点此")`` stays those characters."""
    cell.value = text
    cell.data_type = "s"
    if text.startswith(FORMULA_STARTS):
        cell.quotePrefix = True
    return cell


def put_text(ws: Worksheet, row: int, column: int, text: str) -> Cell:
    """``set_text`` on the cell at ``row``, ``column``."""
    return set_text(ws.cell(row, column), text)

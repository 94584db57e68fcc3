"""The tables of a workbook (.xlsx) or a Word document (.docx), as grids of cell texts.

A decomposition table (任务分解表) merges cells: an item's title spans the rows of its
tasks, a section's title spans the whole row. The grid keeps that: a cell covered by a
merge carries the text of the cell that starts it and says so (``Cell.covered``), so a
reader can tell "the same item goes on" from "a new item with the same words".

Both readers are bounded like the plan readers: the package is checked first (sizes,
compression ratios, XML without entities), and only so many rows are read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from domain.errors import PlanInputError

MAX_TABLE_ROWS = 20_000  # a decomposition table has a few hundred rows
MAX_TABLE_COLUMNS = 40
MAX_CELL_CHARS = 20_000
MAX_WORKBOOK_BYTES = 32 * 1024 * 1024  # a task table is some 100 KB


@dataclass(frozen=True)
class Cell:
    text: str
    covered: bool = False  # inside a merge, not its first cell: the text is the first cell's
    across: bool = False  # covered by a merge from the left (the same row)


@dataclass
class Grid:
    """One table: rows of cells, all rows as wide as the widest."""

    name: str  # the sheet's name, or "表格 N" for a Word table
    rows: list[list[Cell]] = field(default_factory=list)
    before: list[str] = field(default_factory=list)  # Word paragraphs above the table


def _clip(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()[:MAX_CELL_CHARS]


# ---------------------------------------------------------------------------- .xlsx


_WORKBOOK_REASONS = {
    "truncated": "The workbook is damaged or incomplete, for example a download that was cut "
    "off. Open it in Excel or WPS, save it again as .xlsx, and import the new copy.",
    "bad_xml": "The workbook's inner XML is damaged or unsafe (it declares entities, which "
    "Excel never writes); it is refused for safety. Open it in Excel or WPS and save it again.",
    "too_large": "The workbook, or a part of it, unpacks to far more than any task table; it "
    "is refused for safety (it may be a 'zip bomb').",
}


def _check_workbook(path: Path) -> None:
    """Refuse what is not a sound .xlsx before openpyxl opens it, with a workbook's words."""
    from domain.docx_package import check_package, foreign_kind

    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(4096)
    except FileNotFoundError:
        raise PlanInputError(path, "The file does not exist.", code="missing") from None
    except OSError as exc:
        raise PlanInputError(
            path, f"The file cannot be read ({exc.strerror}).", code="io"
        ) from None
    if size == 0:
        raise PlanInputError(path, "The file is empty. Choose the saved table.", code="empty")
    if size > MAX_WORKBOOK_BYTES:
        raise PlanInputError(
            path,
            f"The file is {size / 1024 / 1024:.1f} MB; a task table is far smaller (Duban reads "
            f"workbooks up to {MAX_WORKBOOK_BYTES // 1024 // 1024} MB). Check that this is the "
            "right file.",
            code="too_large",
        )
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        from domain.textsource import _old_office_file

        error = _old_office_file(path)
        if error.code == "encrypted":
            raise PlanInputError(
                path,
                "The workbook is password-protected. Open it in Excel or WPS, remove the "
                "password, save it as .xlsx, and import again.",
                code="encrypted",
            )
        raise PlanInputError(
            path,
            "This is an old Excel 97-2003 (.xls) workbook or another old Office file. Open it "
            "in Excel or WPS, save it as .xlsx, and import that.",
            code="old_format",
        )
    if not head.startswith(b"PK\x03\x04"):
        kind = foreign_kind(head)
        what = f"it is {kind} renamed to .xlsx" if kind else "it is not a zip package"
        raise PlanInputError(
            path, f"This is not an Excel .xlsx workbook ({what}).", code="not_xlsx"
        )
    try:
        check_package(path)
    except PlanInputError as exc:
        reason = _WORKBOOK_REASONS.get(exc.code)
        if reason is None:
            raise
        raise PlanInputError(path, reason, exc.where, code=exc.code) from None


def read_xlsx_grids(path: Path) -> list[Grid]:
    """Every sheet of a workbook as a grid. Raises PlanInputError for bad input."""
    _check_workbook(path)
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, data_only=True)
    except PlanInputError:
        raise
    except Exception as exc:  # openpyxl raises many kinds for a damaged workbook
        raise PlanInputError(
            path,
            f"The workbook cannot be read ({type(exc).__name__}): it may be damaged. "
            "Open it in Excel or WPS, save it again, and retry.",
            code="unreadable",
        ) from None
    grids = []
    try:
        for sheet in workbook.worksheets:
            grids.append(_sheet_grid(path, sheet))
    finally:
        workbook.close()
    return grids


def _cell_value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if hasattr(value, "strftime") and not isinstance(value, str):
        return value.strftime("%Y-%m-%d")  # a date typed as a date in Excel
    return _clip(str(value))


def _sheet_grid(path: Path, sheet: object) -> Grid:
    max_row = min(sheet.max_row or 0, MAX_TABLE_ROWS)  # type: ignore[attr-defined]
    max_col = min(sheet.max_column or 0, MAX_TABLE_COLUMNS)  # type: ignore[attr-defined]
    if (sheet.max_row or 0) > MAX_TABLE_ROWS:  # type: ignore[attr-defined]
        raise PlanInputError(
            path,
            f"The sheet “{sheet.title}” has more than {MAX_TABLE_ROWS:,} rows; a task table "  # type: ignore[attr-defined]
            "has a few hundred. Check that this is the right file.",
            code="too_large",
        )
    values = [
        [_cell_value(v) for v in row]
        for row in sheet.iter_rows(min_row=1, max_row=max_row, max_col=max_col, values_only=True)  # type: ignore[attr-defined]
    ]
    covered: dict[tuple[int, int], tuple[str, bool]] = {}
    for merged in sheet.merged_cells.ranges:  # type: ignore[attr-defined]
        top, left = merged.min_row - 1, merged.min_col - 1
        if top >= len(values) or left >= max_col:
            continue
        text = values[top][left] if left < len(values[top]) else ""
        for r in range(top, min(merged.max_row, len(values))):
            for c in range(left, min(merged.max_col, max_col)):
                if (r, c) != (top, left):
                    covered[(r, c)] = (text, r == top)
    rows = []
    for r, row in enumerate(values):
        cells = []
        for c in range(max_col):
            if (r, c) in covered:
                text, across = covered[(r, c)]
                cells.append(Cell(text, covered=True, across=across))
            else:
                cells.append(Cell(row[c] if c < len(row) else ""))
        rows.append(cells)
    return Grid(sheet.title, rows)  # type: ignore[attr-defined]


# ---------------------------------------------------------------------------- .docx

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


def read_docx_grids(path: Path) -> list[Grid]:
    """Every top-level table of a Word document as a grid, with the paragraphs above it."""
    from domain.docx_package import DEFAULT_MAX_PART_BYTES, DEFAULT_MAX_RATIO, read_word_parts

    parts = read_word_parts(path, DEFAULT_MAX_PART_BYTES, DEFAULT_MAX_RATIO)
    body = parts.document.find(_w("body"))
    grids: list[Grid] = []
    above: list[str] = []
    if body is None:
        return grids
    for child in body:
        if child.tag == _w("p"):
            text = _paragraph_text(child)
            if text.strip():
                above.append(text.strip())
        elif child.tag == _w("tbl"):
            grid = _table_grid(path, child, f"表格 {len(grids) + 1}")
            grid.before = above
            above = []
            grids.append(grid)
    return grids


def _paragraph_text(paragraph: etree._Element) -> str:
    parts = []
    for node in paragraph.iter(_w("t"), _w("tab"), _w("br"), _w("cr"), _w("del")):
        if node.tag == _w("t"):
            if not any(a.tag == _w("del") for a in node.iterancestors()):
                parts.append(node.text or "")
        elif node.tag in (_w("br"), _w("cr")):
            parts.append("\n")
        elif node.tag == _w("tab"):
            parts.append("\t")
    return "".join(parts)


def _cell_text(cell: etree._Element) -> str:
    return "\n".join(
        t for t in (_paragraph_text(p).strip() for p in cell.iter(_w("p"))) if t
    ).strip()


def _table_grid(path: Path, table: etree._Element, name: str) -> Grid:
    rows: list[list[Cell]] = []
    above_row: list[Cell] = []
    for tr in table.iterchildren(_w("tr")):
        if len(rows) >= MAX_TABLE_ROWS:
            raise PlanInputError(
                path,
                f"A table has more than {MAX_TABLE_ROWS:,} rows; a task table has a few "
                "hundred. Check that this is the right file.",
                code="too_large",
            )
        row: list[Cell] = []
        for tc in tr.iterchildren(_w("tc")):
            props = tc.find(_w("tcPr"))
            span = 1
            merge = None
            if props is not None:
                grid_span = props.find(_w("gridSpan"))
                if grid_span is not None:
                    try:
                        span = max(1, min(int(grid_span.get(_w("val"), "1")), MAX_TABLE_COLUMNS))
                    except ValueError:
                        span = 1
                v_merge = props.find(_w("vMerge"))
                if v_merge is not None:
                    merge = v_merge.get(_w("val"), "continue")
            column = len(row)
            if merge == "continue" and column < len(above_row):
                origin = above_row[column]
                first = Cell(origin.text, covered=True, across=False)
            else:
                first = Cell(_clip(_cell_text(tc)))
            row.append(first)
            for _ in range(span - 1):
                row.append(Cell(first.text, covered=True, across=True))
            if len(row) > MAX_TABLE_COLUMNS:
                row = row[:MAX_TABLE_COLUMNS]
                break
        rows.append(row)
        above_row = row
    width = max((len(r) for r in rows), default=0)
    for row in rows:
        row.extend(Cell("") for _ in range(width - len(row)))
    return Grid(name, rows)

"""Reading returned 进展情况反馈表 (.docx or .xlsx): what each department wrote, row by row.

No database and no Qt: ``read_filled_form(path)`` returns a ``FilledForm`` (the form id as
found, the time the form was last saved, one ``FilledRow`` per keyed task row) or a
``FormError`` naming the file and the reason — never an exception. A file is screened first
(``exports.form_screening``); each row's cells are read by ``exports.form_cells``. Checking
the keys against the database and writing the entries is ``db.readback``'s job.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

from domain.filled_forms import FilledForm, FilledRow, FormError
from domain.form_keys import parse_form_id
from exports.feedback import COLUMNS, read_form_keys
from exports.form_cells import cell_text, make_row
from exports.form_screening import (
    OLD_FORMATS,
    READABLE,
    SheetExtent,
    screen,
    sheet_extents,
    unreadable,
)

FormT = TypeVar("FormT")

# A Duban form (its id is there) whose keyed task rows are gone.
_NO_ROWS = {
    ".docx": "The form holds no task rows: its table, with the 校验码 keys, was deleted or "
    "replaced. Ask the department to fill in the form Duban exported, keeping its table, "
    "and send it again.",
    ".xlsx": "The form holds no task rows: no sheet has the header row (序号 … 进展情况 … "
    "校验码) with keyed rows below it, so the header row or the 校验码 column was deleted. "
    "Ask the department to fill in the workbook Duban exported, keeping its header row and "
    "columns, and send it again.",
}


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    """Core properties hold UTC; a naive value is read as UTC."""
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _mtime(path: Path) -> dt.datetime:
    return dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC)


def _docx_modified(path: Path) -> dt.datetime | None:
    try:
        with zipfile.ZipFile(path) as archive:
            xml = archive.read("docProps/core.xml").decode("utf-8", "replace")
    except (KeyError, OSError, zipfile.BadZipFile):
        return None
    match = re.search(r"<dcterms:modified[^>]*>\s*([^<\s]+)\s*<", xml)
    if match is None:
        return None
    try:
        return _aware(dt.datetime.fromisoformat(match.group(1).replace("Z", "+00:00")))
    except ValueError:
        return None


def _read_docx(path: Path) -> FilledForm:
    keys = read_form_keys(path)
    headers = [c.header for c in COLUMNS]
    rows = []
    for key, cells in keys.rows:
        if len(cells) != len(headers):
            issue = "表格的列被增删，这一行无法按原表读取"
            code = cells[0] if cells else ""
            rows.append(FilledRow(key, code, "", "", "", None, None, "", issues=[issue]))
            continue
        rows.append(make_row(key, dict(zip(headers, cells, strict=True))))
    text = keys.form_id.strip()
    modified = _docx_modified(path) or _mtime(path)
    return FilledForm(path, parse_form_id(text), text, modified, rows, "docx")


def _header_map(values: tuple[object, ...]) -> dict[str, int]:
    found = {}
    for index, value in enumerate(values):
        title = re.sub(r"\s+", "", cell_text(value))
        if title and title not in found:
            found[title] = index
    return found


def workbook_form_id(
    wb: object, extents: dict[str, SheetExtent], parse: Callable[[str], object]
) -> str:
    """The form id a workbook carries: its core property ``identifier`` or cell A1 of the
    hidden sheet "duban" (WPS may drop core properties), the first that ``parse`` accepts,
    failing that what was found (to say what is wrong with it)."""
    candidates = [str(wb.properties.identifier or "").strip()]  # type: ignore[attr-defined]
    if "duban" in wb.sheetnames:  # type: ignore[attr-defined]
        cell = next(_values(wb["duban"], extents, 1, 1), ("",))[0]  # type: ignore[index]
        candidates.append(cell_text(cell))
    return next((c for c in candidates if parse(c)), candidates[-1] or candidates[0])


def _read_xlsx(path: Path, extents: dict[str, SheetExtent]) -> FilledForm:
    """Read in openpyxl's read-only mode, row by row, within each sheet's real extent (never
    the extent its ``<dimension>`` claims): memory stays flat however large the sheet.
    Formulas are not evaluated, nor their cached results believed: a formula cell is read as
    the text of its formula."""
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=False)
    try:
        text = workbook_form_id(wb, extents, parse_form_id)
        modified = _aware(wb.properties.modified) or _mtime(path)
        sheets = sorted(wb.worksheets, key=lambda ws: ws.title != "进展情况反馈表")
        rows: list[FilledRow] = []
        for ws in sheets:
            if ws.title == "duban":
                continue
            header: dict[str, int] | None = None
            for row in _rows(ws, extents):
                values = tuple(c.value for c in row)
                if header is None:
                    found = _header_map(values)
                    if "校验码" in found and "进展情况" in found:
                        header = found
                    continue
                key = cell_text(values[header["校验码"]]) if header["校验码"] < len(values) else ""
                if not key:
                    continue
                cells = {t: values[i] for t, i in header.items() if i < len(values)}
                index = header.get("完成进度")
                fmt = (
                    getattr(row[index], "number_format", "")
                    if index is not None and index < len(row)
                    else ""
                )
                rows.append(make_row(key, cells, percent_format="%" in (fmt or "")))
            if header is not None:
                break
    finally:
        wb.close()
    return FilledForm(path, parse_form_id(text), text, modified, rows, "xlsx")


def _extent(ws: object, extents: dict[str, SheetExtent]) -> SheetExtent:
    name = str(getattr(ws, "_worksheet_path", "")).lstrip("/")
    return extents.get(name, SheetExtent(0, 0, 0))


def _rows(ws: object, extents: dict[str, SheetExtent]) -> Iterator[tuple]:
    extent = _extent(ws, extents)
    if not extent.cells:
        return iter(())
    return ws.iter_rows(min_row=1, max_row=extent.rows, max_col=extent.columns)  # type: ignore[attr-defined]


def _values(
    ws: object, extents: dict[str, SheetExtent], rows: int, columns: int
) -> Iterator[tuple]:
    extent = _extent(ws, extents)
    if not extent.cells:
        return iter(())
    return ws.iter_rows(  # type: ignore[attr-defined]
        min_row=1,
        max_row=min(rows, extent.rows),
        max_col=min(columns, extent.columns),
        values_only=True,
    )


def read_screened(
    path: Path,
    read_docx: Callable[[Path], FormT],
    read_xlsx: Callable[[Path, dict[str, SheetExtent]], FormT],
) -> FormT | FormError:
    """A returned form read by ``read_docx`` or ``read_xlsx`` (by its suffix) once the file
    passed ``exports.form_screening`` (a workbook's sheets measured first), or why not: a
    damaged or truncated file, or another format under the suffix, is a ``FormError``."""
    refused = screen(path)
    if refused is not None:
        return refused
    suffix = path.suffix.lower()
    extents: dict[str, SheetExtent] = {}
    if suffix == ".xlsx":
        measured = sheet_extents(path)
        if isinstance(measured, FormError):
            return measured
        extents = measured
    try:
        return read_docx(path) if suffix == ".docx" else read_xlsx(path, extents)
    except Exception as exc:  # damaged, truncated, or another format under this suffix
        return unreadable(path, suffix, "" if isinstance(exc, OSError) else type(exc).__name__)


def read_filled_form(path: str | Path) -> FilledForm | FormError:
    """The filled form at ``path``, or why it cannot be read as one."""
    path = Path(path)
    form = read_screened(path, _read_docx, _read_xlsx)
    if isinstance(form, FormError):
        return form
    if not form.form_id_text and not form.rows:
        return FormError(
            path,
            "This is not a Duban feedback form: it has neither a form id nor task keys "
            "(校验码). Only forms exported from Duban can be read back.",
            code="not_a_form",
        )
    if not form.rows:
        return FormError(path, _NO_ROWS[path.suffix.lower()], code="no_rows")
    return form


def form_files(folder: str | Path) -> list[Path]:
    """The files in ``folder`` worth trying as forms, by name: .docx and .xlsx, and the old
    formats (to say they need saving again). Office lock files (``~$…``) and hidden files
    are left out."""
    wanted = (*READABLE, *OLD_FORMATS)
    return sorted(
        p
        for p in Path(folder).iterdir()
        if p.is_file() and p.suffix.lower() in wanted and not p.name.startswith(("~$", "."))
    )


def read_filled_forms(paths: list[str | Path] | str | Path) -> list[FilledForm | FormError]:
    """Read many forms: a list of files, or a folder (see ``form_files``)."""
    return [read_filled_form(p) for p in form_paths(paths)]


def form_paths(paths: list[str | Path] | str | Path) -> list[str | Path]:
    """The files to read as forms: those of a list, one file, or a folder's ``form_files``."""
    if isinstance(paths, (str, Path)) and Path(paths).is_dir():
        return list(form_files(paths))
    if isinstance(paths, (str, Path)):
        return [paths]
    return paths

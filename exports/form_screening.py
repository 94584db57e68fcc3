"""Is a returned file a feedback form at all? Judged before python-docx or openpyxl see it.

Returned files come from inboxes and may be anything. First the suffix and size are checked,
then the file's signature (an image, an old .doc/.xls, or a password-protected file under a
.docx/.xlsx name is named as such), then its zip package with
``domain.docx_package.check_package`` (zip bombs, XML declaring a DTD or entities). The parts
the readers stream — a Word form's document, a workbook's sheets — may be large (a form of
8,000 rows written by Duban itself is 19 MB of XML); every other part is loaded whole and
stays small. Then each sheet of a workbook is measured as it is written in the file
(``sheet_extents``): a cell at XFD1048576 in a 14 KB workbook would make a reader walk 17
billion cells, so a sheet whose cells lie far outside any form, or that holds too many, is
refused before openpyxl sees it, and the reader is told the real extent of the others. Each
refusal is a ``FormError`` that names the file and says what to do.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from lxml import etree

from domain.docx_package import (
    OLE2_ENCRYPTED,
    OLE2_EXCEL,
    OLE2_WORD,
    ZIP_SIGNATURES,
    check_package,
    foreign_kind,
    is_ole2,
    ole2_kind,
)
from domain.errors import PlanInputError
from domain.filled_forms import FormError

MAX_BYTES = 50 * 1024 * 1024  # a form is a few dozen KB; anything this big is not one
# A form's parts unpacked. Streamed parts (the Word form's document, a workbook's sheets): an
# 8,000-row form is ~19 MB, 50,000 rows ~120 MB. Parts loaded whole (styles, shared strings,
# pictures pasted in) stay far smaller.
MAX_PART_BYTES = 32 * 1024 * 1024
MAX_STREAMED_PART_BYTES = 256 * 1024 * 1024
MAX_UNPACKED_BYTES = 320 * 1024 * 1024
# A form's sheet: one row per task (the largest plan Duban is measured with has 50,000) and
# ten columns, a few more if a department adds notes. Cells past these are not a form's.
MAX_SHEET_ROWS = 100_000
MAX_SHEET_COLUMNS = 100  # CV
MAX_SHEET_CELLS = 2_000_000
STREAMED_PARTS = re.compile(r"^(?:word/document\d*\.xml|xl/worksheets/[^/]+\.xml)$", re.I)
READABLE = (".docx", ".xlsx")
OLD_FORMATS = {
    ".doc": "an old-format Word file (.doc)",
    ".wps": "a WPS document (.wps)",
    ".xls": "an old-format Excel file (.xls)",
    ".et": "a WPS spreadsheet (.et)",
}
SEND_AGAIN = "Ask the department to save the form again and send it."
# An old Office file under a form's name: what it is, and the program that saves it anew.
_OLE2_KINDS = {
    OLE2_EXCEL: ("an old-format Excel file (.xls)", "Excel or WPS", ".xlsx"),
    OLE2_WORD: ("an old-format Word file (.doc)", "Word or WPS", ".docx"),
}


def screen(path: Path) -> FormError | None:
    """Why ``path`` cannot be read as a form, or None when it may be read."""
    suffix = path.suffix.lower()
    if suffix in OLD_FORMATS:
        return FormError(
            path,
            f"This is {OLD_FORMATS[suffix]}; open it in Word, WPS or Excel, save it as "
            f"{'.xlsx' if suffix in ('.xls', '.et') else '.docx'} and read it again.",
            code="old_format",
        )
    if suffix not in READABLE:
        return FormError(
            path,
            "Only feedback forms saved as .docx or .xlsx can be read; this file is "
            f"{'a ' + suffix + ' file' if suffix else 'a file without a suffix'}.",
            code="not_a_form",
        )
    try:
        size = path.stat().st_size
    except OSError as exc:
        return FormError(path, f"The file cannot be opened ({exc.strerror or exc}).", code="io")
    if size > MAX_BYTES:
        return FormError(
            path,
            f"The file is {size / 1024 / 1024:.0f} MB, far too large to be a feedback form (a "
            "few dozen KB): it is another file, or big pictures were pasted into it. Ask the "
            "department to send the form Duban exported, filled in with text.",
            code="too_large",
        )
    return _package_problem(path, suffix)


def unreadable(path: Path, suffix: str, detail: str = "") -> FormError:
    kind = "a Word document" if suffix == ".docx" else "an Excel workbook"
    detail = f" ({detail})" if detail else ""
    return FormError(
        path,
        f"The file cannot be read as {kind}: it may be damaged, truncated, or not "
        f"really a {suffix} file{detail}. Ask the department to save it again.",
        code="unreadable",
    )


def _package_problem(path: Path, suffix: str) -> FormError | None:
    """Why ``path`` cannot be a form, judged before python-docx or openpyxl read it whole
    (they would unpack a zip bomb into memory): an empty file, another kind of file under the
    form's suffix, or a package that ``check_package`` refuses. None when it may be read."""
    try:
        with path.open("rb") as stream:
            head = stream.read(4096)
    except OSError as exc:
        return FormError(path, f"The file cannot be opened ({exc.strerror or exc}).", code="io")
    if not head:
        return FormError(
            path,
            "The file is empty (0 bytes): it was not saved or not sent whole. " + SEND_AGAIN,
            code="empty",
        )
    if is_ole2(head):
        ole2 = ole2_kind(path)
        if ole2 == OLE2_ENCRYPTED:
            return FormError(
                path,
                "The form is protected with a password, so it cannot be read. Ask the "
                "department to remove the password (File > Info > Protect), save the form "
                "and send it again.",
                code="encrypted",
            )
        if ole2 not in _OLE2_KINDS:
            return FormError(
                path,
                f"This is an old-format PowerPoint file (.ppt) renamed to {suffix}, not a "
                "feedback form. Ask the department to send the form file itself.",
                code="not_a_form",
            )
        what, app, new_suffix = _OLE2_KINDS[ole2]
        return FormError(
            path,
            f"This is {what} named {suffix}; open it in {app}, save it as {new_suffix} "
            "and read it again.",
            code="old_format",
        )
    if not head.startswith(ZIP_SIGNATURES):
        what = foreign_kind(head)
        return FormError(
            path,
            f"This is {what} renamed to {suffix}, not a feedback form. "
            "Ask the department to send the form file itself."
            if what
            else f"The file is not a {suffix} file (it is not a zip package): it may be "
            f"damaged, or another kind of file renamed to {suffix}. {SEND_AGAIN}",
            code="not_a_form" if what else "unreadable",
        )
    try:
        check_package(
            path,
            max_part_bytes=MAX_PART_BYTES,
            max_total_bytes=MAX_UNPACKED_BYTES,
            part_limit=_part_limit,
        )
    except PlanInputError as error:
        return _refused_package(path, suffix, error)
    return None


def _part_limit(name: str) -> int:
    return MAX_STREAMED_PART_BYTES if STREAMED_PARTS.match(name) else MAX_PART_BYTES


# -- the cells of a workbook's sheets ---------------------------------------------------------


@dataclass(frozen=True)
class SheetExtent:
    """Where a sheet's cells really are (its ``<dimension>`` may say anything)."""

    rows: int  # the last row that holds a cell
    columns: int  # the last column that holds a cell
    cells: int


_REF = re.compile(r"^([A-Za-z]{1,3})(\d{1,7})$")


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


def _cell_name(row: int, column: int) -> str:
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row}"


def _measure_sheet(stream: IO[bytes]) -> tuple[SheetExtent, str]:
    """A sheet's extent, read as a stream in constant memory (every element is dropped once
    read, whatever it is); stops at the first cell past the limits ("" when none is, else
    that cell's name)."""
    rows = columns = cells = 0
    last_row = column = 0
    parser = etree.iterparse(
        stream, events=("end",), resolve_entities=False, no_network=True, huge_tree=False
    )
    for _event, element in parser:
        local = etree.QName(element).localname
        if local == "c":
            match = _REF.match(element.get("r") or "")
            if match:
                column, row = _column_number(match.group(1)), int(match.group(2))
            else:  # no reference: the next cell of its row
                number = element.getparent().get("r") if element.getparent() is not None else ""
                row = int(number) if number and number.isdigit() else last_row + 1
                column += 1
            cells += 1
            rows, columns = max(rows, row), max(columns, column)
            if row > MAX_SHEET_ROWS or column > MAX_SHEET_COLUMNS or cells > MAX_SHEET_CELLS:
                return SheetExtent(rows, columns, cells), _cell_name(row, column)
        elif local == "row":
            number = element.get("r")
            last_row = int(number) if number and number.isdigit() else last_row + 1
            column = 0
        element.clear(keep_tail=True)
        while element.getprevious() is not None:
            del element.getparent()[0]
    return SheetExtent(rows, columns, cells), ""


def sheet_extents(path: Path) -> dict[str, SheetExtent] | FormError:
    """The real extent of each sheet of the workbook at ``path`` (by part name), or why it
    is refused: a cell far outside any form, or too many cells."""
    extents: dict[str, SheetExtent] = {}
    try:
        with zipfile.ZipFile(path) as package:
            for name in package.namelist():
                if not name.lower().startswith("xl/worksheets/") or not name.endswith(".xml"):
                    continue
                with package.open(name) as stream:
                    extent, far = _measure_sheet(stream)
                if far or extent.cells > MAX_SHEET_CELLS:
                    where = f"a cell at {far}" if far else f"{extent.cells:,} cells"
                    return FormError(
                        path,
                        f"A sheet of this workbook ({name.rsplit('/', 1)[-1]}) has {where}, far "
                        "outside any feedback form (one row per task, about ten columns), so "
                        "it was not opened. Ask the department to delete what was typed or "
                        "formatted outside the table (or to fill in the workbook Duban "
                        "exported again), save it and send it again.",
                        code="too_large",
                    )
                extents[name] = extent
    except (zipfile.BadZipFile, etree.XMLSyntaxError, OSError, ValueError, EOFError):
        return unreadable(path, ".xlsx")
    return extents


def _refused_package(path: Path, suffix: str, error: PlanInputError) -> FormError:
    """The form's wording for what ``check_package`` refused."""
    part = f" ({error.where})" if error.where else ""
    if error.code == "too_large":
        reason = (
            f"The file would unpack to far more than any feedback form{part}: it may be a "
            "'zip bomb', so it was not opened. Ask the department to fill in the form Duban "
            "exported and send that."
        )
    elif error.code == "bad_xml":
        reason = (
            f"The file declares a DTD or XML entities{part}, which Word, WPS and Excel never "
            f"write; it was not opened, for safety. {SEND_AGAIN}"
        )
    elif error.code == "encrypted":
        reason = (
            "The file's contents are encrypted with a password. Ask the department to remove "
            "the password, save the form and send it again."
        )
    else:  # damaged or incomplete, or a compression Office does not write
        return unreadable(path, suffix)
    return FormError(path, reason, code=error.code)

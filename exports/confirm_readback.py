"""Reading returned 分工确认表 (.docx or .xlsx): what each department answered, row by row.

No database and no Qt: ``read_confirm_form(path)`` returns a ``ConfirmForm`` (the form id as
found, one ``ConfirmRow`` per keyed task row, the file's SHA-256) or a ``FormError`` naming
the file and the reason — never an exception. Files are screened exactly as returned
feedback forms are (``exports.form_screening``: size, signature, zip bombs, DTDs, sheets far
larger than any form), Word forms read as a stream (``exports.form_docx``), workbooks row by
row within their real extent with formulas never evaluated (``exports.readback``). Checking
the keys and what the answers mean against the database is ``db.confirm_preview``'s job.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from domain.confirm_forms import (
    AGREEMENT_ISSUE,
    AGREEMENT_WORDS,
    FIELD_COLUMNS,
    REASON,
    ConfirmForm,
    ConfirmRow,
)
from domain.confirm_keys import parse_confirm_form_id, parse_confirm_key
from domain.filled_forms import FormError
from domain.script import to_simplified
from exports.confirmation import COLUMNS, KEY_STYLE
from exports.form_cells import cell_text, choice_reader, parse_choice
from exports.form_docx import read_form_keys
from exports.form_screening import SheetExtent
from exports.readback import (
    _aware,
    _docx_modified,
    _mtime,
    _rows,
    form_paths,
    read_screened,
    workbook_form_id,
)

_AGREEMENT = choice_reader(AGREEMENT_WORDS, "是否同意")
_UNTOUCHED = re.compile(r"^[□☐\s]*同意\s*[□☐]\s*需调整\s*$")
_PROPOSED_AT = len(COLUMNS) - len(FIELD_COLUMNS) - 1  # the first 调整意见 column
_NO_ROWS = (
    "The form holds no task rows: its table with the 校验码 keys was deleted or replaced "
    "(in a workbook: the header row with 是否同意 and 校验码). Ask the department to fill in "
    "the 分工确认表 Duban exported, keeping its table, and send it again."
)


def make_row(
    key: str, code: str, agreement_text: str, proposed: list[object], reason: object
) -> ConfirmRow:
    """A row from its cells: the 是否同意 cell, the five 调整意见 cells in form order, 理由."""
    written = {
        field: cell_text(value)
        for (field, _title), value in zip(FIELD_COLUMNS, proposed, strict=True)
    }
    written = {field: value for field, value in written.items() if value}
    reason = cell_text(reason)
    normal = to_simplified(cell_text(agreement_text))
    if not normal or _UNTOUCHED.match(normal):
        if not written and not reason:
            return ConfirmRow(key, code, None, {}, "", empty=True)
        return ConfirmRow(key, code, None, written, reason,
                          ["填写了调整意见，但未勾选“需调整”"])  # fmt: skip
    agreement, issues = parse_choice(agreement_text, _AGREEMENT, AGREEMENT_ISSUE)
    if agreement is None and not issues:
        issues = [AGREEMENT_ISSUE]
    return ConfirmRow(key, code, agreement, written, reason, issues)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _read_docx(path: Path) -> ConfirmForm:
    digest = _digest(path)
    keys = read_form_keys(path, KEY_STYLE, lambda text: parse_confirm_key(text) is not None)
    rows = []
    for key, cells in keys.rows:
        if len(cells) != len(COLUMNS):
            code = cells[0] if cells else ""
            rows.append(ConfirmRow(key, code, None, {}, "",
                                   ["表格的列被增删，这一行无法按原表读取"]))  # fmt: skip
            continue
        agreement = cells[_PROPOSED_AT - 1]
        proposed = cells[_PROPOSED_AT : _PROPOSED_AT + len(FIELD_COLUMNS)]
        rows.append(make_row(key, cells[0], agreement, proposed, cells[-1]))
    text = keys.form_id.strip()
    modified = _docx_modified(path) or _mtime(path)
    return ConfirmForm(path, parse_confirm_form_id(text), text, modified, rows, "docx", digest)


def _columns(values: tuple[object, ...]) -> dict[str, int] | None:
    """The columns of a header row: 是否同意, 校验码, 序号, and after 是否同意 the proposal
    columns by title (完成时限 and 责任人 stand twice: the current ones come first)."""
    titles = [re.sub(r"\s+", "", to_simplified(cell_text(v))) for v in values]
    if "是否同意" not in titles or "校验码" not in titles:
        return None
    found = {"是否同意": titles.index("是否同意"), "校验码": titles.index("校验码")}
    if "序号" in titles:
        found["序号"] = titles.index("序号")
    wanted = {title for _f, title in FIELD_COLUMNS} | {REASON}
    for index in range(found["是否同意"] + 1, len(titles)):
        if titles[index] in wanted and titles[index] not in found:
            found[titles[index]] = index
    return found


def _cell(values: tuple[object, ...], header: dict[str, int], title: str) -> object:
    index = header.get(title)
    return values[index] if index is not None and index < len(values) else None


def _read_xlsx(path: Path, extents: dict[str, SheetExtent]) -> ConfirmForm:
    from openpyxl import load_workbook

    digest = _digest(path)
    wb = load_workbook(path, read_only=True, data_only=False)
    try:
        text = workbook_form_id(wb, extents, parse_confirm_form_id)
        modified = _aware(wb.properties.modified) or _mtime(path)
        rows: list[ConfirmRow] = []
        for ws in wb.worksheets:
            if ws.title == "duban":
                continue
            header: dict[str, int] | None = None
            for row in _rows(ws, extents):
                values = tuple(c.value for c in row)
                if header is None:
                    header = _columns(values)
                    continue

                key = cell_text(_cell(values, header, "校验码"))
                if not key:
                    continue
                proposed = [_cell(values, header, title) for _f, title in FIELD_COLUMNS]
                code = cell_text(_cell(values, header, "序号"))
                agreement = cell_text(_cell(values, header, "是否同意"))
                reason = _cell(values, header, REASON)
                rows.append(make_row(key, code, agreement, proposed, reason))
    finally:
        wb.close()
    return ConfirmForm(path, parse_confirm_form_id(text), text, modified, rows, "xlsx", digest)


def read_confirm_form(path: str | Path) -> ConfirmForm | FormError:
    """The returned 分工确认表 at ``path``, or why it cannot be read as one."""
    path = Path(path)
    form = read_screened(path, _read_docx, _read_xlsx)
    if isinstance(form, FormError):
        return form
    if not form.form_id_text and not form.rows:
        return FormError(
            path,
            "This is not a Duban 分工确认表: it has neither a form id nor task keys (校验码). "
            "Only forms exported from Duban can be read back.",
            code="not_a_form",
        )
    if not form.rows and form.form_id is not None:
        return FormError(path, _NO_ROWS, code="no_rows")
    return form


def read_confirm_forms(paths: list[str | Path] | str | Path) -> list[ConfirmForm | FormError]:
    """Read many forms: a list of files, or a folder (``exports.readback.form_files``)."""
    return [read_confirm_form(p) for p in form_paths(paths)]

"""Reading returned 进展情况反馈表 (.docx or .xlsx): what each department wrote, row by row.

No database and no Qt: ``read_filled_form(path)`` returns a ``FilledForm`` (the form id as
found, the time the form was last saved, one ``FilledRow`` per keyed task row) or a
``FormError`` naming the file and the reason — never an exception. Checking the keys
against the database and writing the entries is ``db.readback``'s job.

What people do to the 状态 cell in Word, WPS and Excel, and how it is read:
- a box replaced by a tick (☑ ■ √ ✓ ✔ ☒ ▣ ◼ ● ⊠ ✅, "[x]", "x", "(√)"), before or after the
  word → that status; ticks inserted from the Wingdings fonts as text are ticks too;
- every option deleted but one → that one; a status word typed on its own (已完成, 完成,
  序时推进, 推进中, 正常推进, 滞后, 未启动, 暂缓, 推迟; 达进度/超进度/欠进度) → mapped;
- the box of exactly one option removed while the others keep theirs → that option (Word's
  Insert Symbol puts a ``w:sym`` tick there, which carries no text);
- several ticks, or none → no status, and the issue "状态未勾选或勾选了多项".

Returned files come from inboxes and may be anything: before python-docx or openpyxl (which
read whole parts into memory) see a file, its signature is checked (an image, an old .doc/.xls
or a password-protected file under a .docx/.xlsx name is named as such) and its zip package is
checked by ``domain.docx_package.check_package`` (zip bombs, XML with a DTD or entities).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

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
from exports.feedback import COLUMNS, FormId, parse_form_id, read_form_keys

STATUS_WORDS = {
    "已完成": "done",
    "完成": "done",
    "全部完成": "done",
    "序时推进": "on_track",
    "推进中": "on_track",
    "正常推进": "on_track",
    "达进度": "on_track",
    "超进度": "on_track",
    "滞后": "behind",
    "欠进度": "behind",
    "未启动": "not_started",
    "暂缓": "postponed",
    "推迟": "postponed",
}
STATUS_ISSUE = "状态未勾选或勾选了多项"
MAX_BYTES = 50 * 1024 * 1024  # a form is a few dozen KB; anything this big is not one
# A form's parts unpacked: a 1,000-row form's table is ~3 MB; pasted photos add a few MB each.
MAX_PART_BYTES = 16 * 1024 * 1024
MAX_UNPACKED_BYTES = 64 * 1024 * 1024
READABLE = (".docx", ".xlsx")
_OLD_FORMATS = {
    ".doc": "an old-format Word file (.doc)",
    ".wps": "a WPS document (.wps)",
    ".xls": "an old-format Excel file (.xls)",
    ".et": "a WPS spreadsheet (.et)",
}

_SEND_AGAIN = "Ask the department to save the form again and send it."
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
# An old Office file under a form's name: what it is, and the program that saves it anew.
_OLE2_KINDS = {
    OLE2_EXCEL: ("an old-format Excel file (.xls)", "Excel or WPS", ".xlsx"),
    OLE2_WORD: ("an old-format Word file (.doc)", "Word or WPS", ".docx"),
}

# Empty boxes, including the Wingdings ones Word inserts as private-use characters. Any
# other symbol in a box's place (☑ ■ √ ✓ ✔ ☒ ▣ ◼ ● ⊠ ✅, a Wingdings tick, …) is a tick.
_BOXES = "□☐▢◻○◯\uf0a8\uf0a3\uf06f\uf071"
_WORDS = "|".join(sorted(STATUS_WORDS, key=len, reverse=True))
_SYMBOL = r"[^\w\s()\[\]（）【】,，、;；/|。.:：\-]"  # one symbol character, not a letter or CJK
_MARK = rf"{_SYMBOL}|\[[xX]?\]|[xX]"
_MARK_SPACE = re.compile(rf"(?<!\S)({_MARK})[ \t\u3000]+(?=(?:{_WORDS}))")
_SPACE_MARK = re.compile(rf"({_WORDS})[ \t\u3000]+({_MARK})(?=[ \t\u3000]*(?:\n|$))")
_SEGMENT = re.compile(rf"(?P<pre>{_MARK})?(?P<word>{_WORDS})(?P<post>{_MARK})?")
_SPLIT = re.compile(r"[\s,，、;；/|]+")
_PERCENT = re.compile(r"(?:约|已完成|完成)?(\d+(?:\.\d+)?)%?(?:左右)?")


@dataclass
class FilledRow:
    key_text: str  # the key as written (checking it is the caller's job)
    code: str
    progress: str
    problems: str
    next_steps: str
    percent: int | None
    status: str | None  # one of db.progress.STATUSES, or None
    status_text: str  # the 状态 cell as written
    issues: list[str] = field(default_factory=list)
    empty: bool = False  # nothing filled in: no text, no status, no percent


@dataclass
class FilledForm:
    path: Path
    form_id: FormId | None
    form_id_text: str  # as found, for checking its MAC ("" when missing)
    modified: dt.datetime  # when the form was last saved (aware)
    rows: list[FilledRow] = field(default_factory=list)
    file_format: str = "docx"


class FormError(PlanInputError):
    """A file that is not a readable feedback form. Returned by ``read_filled_form``, not
    raised; ``str()`` names the file and the reason, as ``PlanInputError`` does."""

    def __init__(self, path: str | Path, reason: str, *, code: str = "not_a_form") -> None:
        super().__init__(path, reason, code=code)


# -- cell values ---------------------------------------------------------------------------


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n")
    return "\n".join(line.rstrip() for line in text.strip().split("\n"))


def _is_tick(mark: str) -> bool:
    """A mark that is not an empty box: a tick, a cross, a filled box, any other symbol."""
    return mark not in _BOXES and mark != "[]"


def parse_status(text: str) -> tuple[str | None, list[str]]:
    """(status, issues) from a 状态 cell; see the module docstring for the rules."""
    normal = unicodedata.normalize("NFKC", text or "")
    normal = re.sub(r"\[\s*([xX√✓✔])?\s*\]", lambda m: "[x]" if m.group(1) else "[]", normal)
    normal = re.sub(r"\(\s*[√✓✔xX]\s*\)", "√", normal)
    normal = _MARK_SPACE.sub(r"\1", normal)  # "☑ 序时推进" → "☑序时推进"
    normal = _SPACE_MARK.sub(r"\1\2", normal)  # "序时推进 √" at a line's end
    if not normal.strip():
        return None, []
    whole = re.sub(r"[\s。.!！]+", "", normal)
    if whole in STATUS_WORDS:
        return STATUS_WORDS[whole], []
    ticked, boxed, bare, other = [], [], [], []
    for segment in filter(None, _SPLIT.split(normal)):
        match = _SEGMENT.fullmatch(segment)
        if match is None:
            other.append(segment)
            continue
        status = STATUS_WORDS[match["word"]]
        marks = [m for m in (match["pre"], match["post"]) if m]
        if any(_is_tick(m) for m in marks):
            ticked.append(status)
        elif marks:
            boxed.append(status)
        else:
            bare.append(status)
    if ticked:
        if len(set(ticked)) == 1:
            return ticked[0], []
        return None, [STATUS_ISSUE]
    options = boxed + bare
    if len(options) == 1 and not other:
        return options[0], []  # every other option deleted
    if len(bare) == 1 and boxed and not other:
        return bare[0], []  # only this option lost its box: a tick Word keeps as a symbol
    if not options and other:
        return None, [f"状态无法识别：“{_text(text)[:20]}”"]
    return None, [STATUS_ISSUE]


def parse_percent(value: object, *, percent_format: bool = False) -> tuple[int | None, list[str]]:
    """(percent 0–100, issues) from a 完成进度 cell: 60, "60%", "６０％", "60 %", "已完成"."""
    if value is None or value == "":
        return None, []
    if isinstance(value, bool):
        value = str(value)
    if isinstance(value, int) and not -(10**20) < value < 10**20:
        # Not float(): an integer this long overflows it (or str(), past 4,300 digits).
        return None, ["完成进度的数字过大，超出0–100，未导入"]
    if isinstance(value, (int, float)):
        number = value * (100 if percent_format else 1)
    else:
        text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(value)))
        if not text:
            return None, []
        if text in ("已完成", "完成", "全部完成"):
            return 100, []
        match = _PERCENT.fullmatch(text)
        if match is None:
            return None, [f"完成进度“{_text(value)[:20]}”不是0–100的数字，未导入"]
        number = float(match.group(1))
    if not 0 <= number <= 100:  # also NaN
        return None, [f"完成进度“{_text(value)[:20]}”超出0–100，未导入"]
    return int(number + 0.5), []


def make_row(key: str, cells: dict[str, object], *, percent_format: bool = False) -> FilledRow:
    """A row from its cells by column title (序号 … 状态)."""
    progress, problems, next_steps = (
        _text(cells.get(h)) for h in ("进展情况", "存在问题", "下步打算")
    )
    status_text = _text(cells.get("状态"))
    status, issues = parse_status(status_text)
    raw_percent = cells.get("完成进度")
    percent, percent_issues = parse_percent(
        raw_percent.strip() if isinstance(raw_percent, str) else raw_percent,
        percent_format=percent_format,
    )
    if percent is None and status == "done" and not percent_issues:
        percent = 100
    empty = not (progress or problems or next_steps or status or _text(raw_percent))
    if empty:
        issues = []  # an untouched status cell in an untouched row is no problem
    elif status is None and not issues:
        issues = [STATUS_ISSUE]
    return FilledRow(
        key_text=key,
        code=_text(cells.get("序号")),
        progress=progress,
        problems=problems,
        next_steps=next_steps,
        percent=percent,
        status=status,
        status_text=status_text,
        issues=issues + percent_issues,
        empty=empty,
    )


# -- files ---------------------------------------------------------------------------------


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
        title = re.sub(r"\s+", "", _text(value))
        if title and title not in found:
            found[title] = index
    return found


def _read_xlsx(path: Path) -> FilledForm:
    from openpyxl import load_workbook

    wb = load_workbook(path, data_only=True)
    try:
        candidates = [str(wb.properties.identifier or "").strip()]
        if "duban" in wb.sheetnames:
            candidates.append(_text(wb["duban"]["A1"].value))
        text = next((c for c in candidates if parse_form_id(c)), candidates[-1] or candidates[0])
        modified = _aware(wb.properties.modified) or _mtime(path)
        sheets = sorted(wb.worksheets, key=lambda ws: ws.title != "进展情况反馈表")
        rows: list[FilledRow] = []
        for ws in sheets:
            if ws.title == "duban":
                continue
            header: dict[str, int] | None = None
            for row in ws.iter_rows():
                values = tuple(c.value for c in row)
                if header is None:
                    found = _header_map(values)
                    if "校验码" in found and "进展情况" in found:
                        header = found
                    continue
                key = _text(values[header["校验码"]]) if header["校验码"] < len(values) else ""
                if not key:
                    continue
                cells = {t: values[i] for t, i in header.items() if i < len(values)}
                index = header.get("完成进度")
                fmt = row[index].number_format if index is not None and index < len(row) else ""
                rows.append(make_row(key, cells, percent_format="%" in (fmt or "")))
            if header is not None:
                break
    finally:
        wb.close()
    return FilledForm(path, parse_form_id(text), text, modified, rows, "xlsx")


def read_filled_form(path: str | Path) -> FilledForm | FormError:
    """The filled form at ``path``, or why it cannot be read as one."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in _OLD_FORMATS:
        return FormError(
            path,
            f"This is {_OLD_FORMATS[suffix]}; open it in Word, WPS or Excel, save it as "
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
    refused = _package_problem(path, suffix)
    if refused is not None:
        return refused
    try:
        form = _read_docx(path) if suffix == ".docx" else _read_xlsx(path)
    except Exception as exc:  # damaged, truncated, or another format under this suffix
        return _unreadable(path, suffix, "" if isinstance(exc, OSError) else type(exc).__name__)
    if not form.form_id_text and not form.rows:
        return FormError(
            path,
            "This is not a Duban feedback form: it has neither a form id nor task keys "
            "(校验码). Only forms exported from Duban can be read back.",
            code="not_a_form",
        )
    if not form.rows:
        return FormError(path, _NO_ROWS[suffix], code="no_rows")
    return form


def _unreadable(path: Path, suffix: str, detail: str = "") -> FormError:
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
            "The file is empty (0 bytes): it was not saved or not sent whole. " + _SEND_AGAIN,
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
            f"damaged, or another kind of file renamed to {suffix}. {_SEND_AGAIN}",
            code="not_a_form" if what else "unreadable",
        )
    try:
        check_package(path, max_part_bytes=MAX_PART_BYTES, max_total_bytes=MAX_UNPACKED_BYTES)
    except PlanInputError as error:
        return _refused_package(path, suffix, error)
    return None


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
            f"write; it was not opened, for safety. {_SEND_AGAIN}"
        )
    elif error.code == "encrypted":
        reason = (
            "The file's contents are encrypted with a password. Ask the department to remove "
            "the password, save the form and send it again."
        )
    else:  # damaged or incomplete, or a compression Office does not write
        return _unreadable(path, suffix)
    return FormError(path, reason, code=error.code)


def form_files(folder: str | Path) -> list[Path]:
    """The files in ``folder`` worth trying as forms, by name: .docx and .xlsx, and the old
    formats (to say they need saving again). Office lock files (``~$…``) and hidden files
    are left out."""
    wanted = (*READABLE, *_OLD_FORMATS)
    return sorted(
        p
        for p in Path(folder).iterdir()
        if p.is_file() and p.suffix.lower() in wanted and not p.name.startswith(("~$", "."))
    )


def read_filled_forms(paths: list[str | Path] | str | Path) -> list[FilledForm | FormError]:
    """Read many forms: a list of files, or a folder (see ``form_files``)."""
    if isinstance(paths, (str, Path)) and Path(paths).is_dir():
        paths = list(form_files(paths))
    elif isinstance(paths, (str, Path)):
        paths = [paths]
    return [read_filled_form(p) for p in paths]

"""Is a returned file a feedback form at all? Judged before python-docx or openpyxl see it.

Returned files come from inboxes and may be anything. Those libraries read whole parts into
memory, so first the suffix and size are checked, then the file's signature (an image, an old
.doc/.xls, or a password-protected file under a .docx/.xlsx name is named as such), then its
zip package with ``domain.docx_package.check_package`` (zip bombs, XML declaring a DTD or
entities). Each refusal is a ``FormError`` that names the file and says what to do.
"""

from __future__ import annotations

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
from domain.filled_forms import FormError

MAX_BYTES = 50 * 1024 * 1024  # a form is a few dozen KB; anything this big is not one
# A form's parts unpacked: a 1,000-row form's table is ~3 MB; pasted photos add a few MB each.
MAX_PART_BYTES = 16 * 1024 * 1024
MAX_UNPACKED_BYTES = 64 * 1024 * 1024
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

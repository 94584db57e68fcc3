"""Reading a plan file into lines of text: .txt in any common encoding, .docx or a text PDF.

The encoding is detected, never asked: a byte-order mark decides first, then strict
UTF-8, UTF-16 without a mark (told by its zero bytes), then GB18030 (a superset of
GBK and GB2312). A PDF is read with the positions of its lines (domain/pdf_reader.py); a
scanned one, without a text layer, is refused. Files that are not text (images, old .doc,
binaries renamed .txt) are refused with a message that names the file and says what to do.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from domain.errors import PlanInputError

MAX_TEXT_BYTES = 8 * 1024 * 1024  # a long plan is ~100 KB; 8 MB is generous, and bounds the work
MAX_DOCX_BYTES = 256 * 1024 * 1024  # pictures make .docx files large; text parts are capped
# A plan's paragraphs are a few hundred characters and a whole plan some 20,000: a line this
# long is not a plan (and would keep the parser busy for seconds per megabyte).
MAX_LINE_CHARS = 200_000
# Office packages that are zip files like .docx but hold no Word document.
_OTHER_PACKAGES = {
    ".xlsx": "Excel workbooks",
    ".xlsm": "Excel workbooks",
    ".pptx": "PowerPoint presentations",
}
# Characters Word cannot hold and that have no meaning in a plan. Tab and line
# breaks stay; vertical tab / form feed (Word's manual breaks) become line breaks.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufeff\ufffe\uffff]")
_BREAKS = re.compile(r"\r\n|[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")

_SIGNATURES: list[tuple[bytes, str, str]] = [
    (b"\x89PNG", "not_text", "This is a PNG image, not a plan. Choose the .txt or .docx file."),
    (
        b"\xff\xd8\xff",
        "not_text",
        "This is a JPEG image, not a plan. Choose the .txt or .docx file.",
    ),
    (b"GIF8", "not_text", "This is a GIF image, not a plan. Choose the .txt or .docx file."),
    (b"Rar!", "not_text", "This is a RAR archive. Unpack it and import the plan inside."),
    (b"\x1f\x8b", "not_text", "This is a compressed (gzip) file. Unpack it first."),
]


@dataclass
class SourceText:
    path: Path
    lines: list[str]
    encoding: str  # "utf-8", "utf-8-sig", "utf-16", "gb18030", "docx" or "pdf"
    sha256: str
    size: int
    warnings: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def read_plan_file(path: str | Path) -> SourceText:
    """Read ``path`` (.txt, .docx or .pdf) into lines. Raises PlanInputError for bad input."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise PlanInputError(path, "The file does not exist.", code="missing") from None
    except OSError as exc:
        raise PlanInputError(path, f"The file cannot be read ({exc.strerror}).") from None
    if path.is_dir():
        raise PlanInputError(
            path, "This is a folder; choose a .txt, .docx or .pdf file.", code="missing"
        )
    if size == 0:
        raise PlanInputError(
            path, "The file is empty. Choose the file that holds the plan.", code="empty"
        )
    with path.open("rb") as fh:
        head = fh.read(8)
    suffix = path.suffix.lower()
    if suffix in _OTHER_PACKAGES:
        raise PlanInputError(
            path,
            f"Duban reads plans from .txt and .docx files, not from {_OTHER_PACKAGES[suffix]} "
            f"({suffix}). If the plan is in this file, copy its text into Word, save it as "
            ".docx and import that.",
            code="unsupported",
        )
    if head.startswith(b"%PDF") or (suffix == ".pdf" and not head.startswith(b"PK")):
        return _read_pdf(path, size)
    is_docx = head.startswith(b"PK\x03\x04") or suffix == ".docx"
    # A .docx may be large because of its pictures; only its text parts are read, under
    # their own limits. A text file that large is not a plan.
    limit = MAX_DOCX_BYTES if is_docx else MAX_TEXT_BYTES
    if size > limit:
        raise PlanInputError(
            path,
            f"The file is {size / 1024 / 1024:.1f} MB; Duban reads plans up to "
            f"{limit // 1024 // 1024} MB (a long plan is well under 1 MB). "
            "Check that this is the plan.",
            code="too_large",
        )
    if is_docx:
        return _read_docx(path, size)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise _old_office_file(path)
    for magic, code, reason in _SIGNATURES:
        if head.startswith(magic):
            raise PlanInputError(path, reason, code=code)
    if suffix in (".doc", ".wps", ".xls", ".xlsx", ".rtf"):
        raise PlanInputError(
            path,
            f"Duban reads .txt, .docx and .pdf files, not {suffix}. "
            "Save the plan as .docx or .txt.",
            code="unsupported",
        )
    data = path.read_bytes()
    text, encoding = decode_text(data, path)
    text, warnings = clean_text(text, path)
    if not text.strip():
        raise PlanInputError(
            path, "The file holds no text. Choose the file that holds the plan.", code="empty"
        )
    lines = text.split("\n")
    _check_line_lengths(lines, path)
    return SourceText(path, lines, encoding, hashlib.sha256(data).hexdigest(), size, warnings)


def _check_line_lengths(lines: list[str], path: Path) -> None:
    """Refuse a line far longer than any a plan has."""
    for number, line in enumerate(lines, 1):
        if len(line) > MAX_LINE_CHARS:
            raise PlanInputError(
                path,
                f"This line is {len(line):,} characters long without a "
                f"break; a plan's paragraphs are a few hundred characters and Duban reads "
                f"up to {MAX_LINE_CHARS:,}. This is not a plan as Word or Notepad saves it: "
                "check the file, or open it and save it again with its paragraphs.",
                where=f"line {number}",
                code="too_large",
            )


def _old_office_file(path: Path) -> PlanInputError:
    """What an OLE2 compound file is: a password-protected Office file, an old .xls, an old
    .ppt or an old .doc (also a WPS document)."""
    from domain.docx_package import OLE2_ENCRYPTED, OLE2_EXCEL, OLE2_POWERPOINT, ole2_kind

    kind = ole2_kind(path)
    if kind == OLE2_ENCRYPTED:
        return PlanInputError(
            path,
            "The document is password-protected. Open it in Word or WPS, remove the "
            "password (File > Info > Protect Document), save it as .docx, and import again.",
            code="encrypted",
        )
    if kind in (OLE2_EXCEL, OLE2_POWERPOINT):
        what = "Excel 97-2003 (.xls) workbook" if kind == OLE2_EXCEL else "PowerPoint (.ppt) file"
        return PlanInputError(
            path,
            f"This is an old {what}, not a plan. If the plan is in it, copy the text into "
            "Word, save it as .docx and import that.",
            code="unsupported",
        )
    return PlanInputError(
        path,
        "This is an old Word 97-2003 (.doc) or WPS file. "
        "Open it in Word or WPS, save it as .docx, and import that.",
        code="old_doc",
    )


def _read_docx(path: Path, size: int) -> SourceText:
    from domain.docx_reader import read_docx

    paragraphs = read_docx(path)
    lines: list[str] = []
    for paragraph in paragraphs:
        lines.extend(paragraph.text.split("\n"))
    text, warnings = clean_text("\n".join(lines), path)
    if not text.strip():
        raise PlanInputError(path, "The document holds no text.", code="empty")
    lines = text.split("\n")
    _check_line_lengths(lines, path)
    with path.open("rb") as fh:
        digest = hashlib.file_digest(fh, "sha256").hexdigest()
    return SourceText(path, lines, "docx", digest, size, warnings)


def _read_pdf(path: Path, size: int) -> SourceText:
    from domain.pdf_reader import read_pdf_lines

    text, warnings = clean_text("\n".join(read_pdf_lines(path)), path)
    lines = text.split("\n")
    _check_line_lengths(lines, path)
    with path.open("rb") as fh:
        digest = hashlib.file_digest(fh, "sha256").hexdigest()
    return SourceText(path, lines, "pdf", digest, size, warnings)


def decode_text(data: bytes, path: str | Path | None = None) -> tuple[str, str]:
    """Decode ``data`` by detection; return (text, encoding name)."""
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding + " (BOM)"
            except UnicodeDecodeError as exc:
                raise _bad_bytes(path, data, exc, encoding) from None
    sample = data[:4096]
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    # UTF-16 without a mark: Chinese text has no zero bytes, so judge by what decodes.
    if len(data) % 2 == 0:
        for encoding in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if _plausible_text(text[:2048]):
                return text, encoding
    if b"\x00" in sample:
        raise PlanInputError(
            path,
            "This is not a text file (it holds binary data). "
            "Choose the .txt or .docx file of the plan.",
            code="not_text",
        )
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as exc:
        # The encoding that read further is the one the file was meant to be in.
        worst = max(utf8_error, exc, key=lambda e: e.start)
        raise _bad_bytes(path, data, worst, "UTF-8 or GB18030") from None


def _plausible_text(text: str) -> bool:
    """Mostly Chinese characters, ASCII, CJK punctuation and white space."""
    if not text:
        return False
    good = sum(
        1
        for ch in text
        if "\u4e00" <= ch <= "\u9fff"
        or " " <= ch <= "~"
        or ch in "\n\r\t"
        or "\u3000" <= ch <= "\u303f"
        or "\uff00" <= ch <= "\uffef"
        or ch in "“”‘’…—·"
    )
    return good >= 0.9 * len(text)


def _bad_bytes(
    path: str | Path | None, data: bytes, exc: UnicodeDecodeError, tried: str
) -> PlanInputError:
    line = data.count(b"\n", 0, exc.start) + 1
    return PlanInputError(
        path,
        f"The text encoding could not be recognised (tried {tried}; byte {exc.start} "
        "does not fit). Save the file as UTF-8 (Notepad: Save As → Encoding UTF-8) "
        "and import again.",
        where=f"line {line}",
        code="encoding",
    )


def clean_text(text: str, path: str | Path | None = None) -> tuple[str, list[str]]:
    """Unify line breaks and drop control characters; refuse text that is mostly binary."""
    text = _BREAKS.sub("\n", text)
    controls = len(_CONTROL.findall(text))
    if controls and controls > max(16, len(text) // 50):
        raise PlanInputError(
            path,
            "This is not a text file (too many control characters). "
            "Choose the .txt or .docx file of the plan.",
            code="not_text",
        )
    warnings = []
    if controls:
        text = _CONTROL.sub("", text)
        warnings.append(f"{controls} control character(s) removed.")
    return text, warnings

"""How an export is asked for, and what it gives back — light to import (no python-docx),
so the command line and the window can name the documents without loading the writers."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from exports.kinds import FOLDER_KINDS, FORM_FORMATS, KINDS  # noqa: F401 - names callers use

Progress = Callable[[int, int], None]
_ILLEGAL = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


class ExportError(ValueError):
    """The export cannot be made as asked (no period, nothing to write, bad path)."""


@dataclass(frozen=True)
class ExportRequest:
    kind: str
    plan_id: int
    output: Path  # a .docx (or .xlsx) file, or a folder for the per-department documents
    period_id: int | None = None
    department_ids: tuple[int, ...] = ()
    with_leader: bool = False
    with_due_date: bool = False
    template: str | None = None  # None: the template chosen in the settings
    as_of: dt.date | None = None  # the date the figures speak of (default: the period's end)
    reply_by: dt.date | None = None
    due_within_days: int = 15
    form_format: str = "docx"  # feedback-forms: "docx" or "xlsx"
    issued_on: dt.date | None = None  # 成文日期, the date of issue (default: today)
    doc_number: str | None = None  # 发文字号 (None: the setting)
    issue: str | None = None  # 期号 of a 通报 (None: the setting)
    with_task_list: bool = False  # report: every task as an 附件 table
    short_names: bool = False  # decomposition: departments by their short names
    with_person: bool = False  # decomposition: the 责任人 column
    # report: the department chart as PNG (``qtapp.charts.department_chart_png``), drawn by
    # the caller so that exports stays free of Qt; None: no chart
    chart_png: bytes | None = None


@dataclass(frozen=True)
class ExportWarning:
    """Something the clerk should know about a document written (the window words it by
    ``code`` and ``count``)."""

    code: str  # "unassigned", "no_office"
    count: int
    message: str

    def __str__(self) -> str:
        return self.message


class Written(list[Path]):
    """The files an export wrote, and what the clerk should know about them."""

    def __init__(self, files: list[Path], warnings: list[ExportWarning] | None = None) -> None:
        super().__init__(files)
        self.warnings: list[ExportWarning] = list(warnings or [])


# A name made from a title or a department name is kept to this many characters and UTF-8
# bytes: with the number, the document's kind, the suffix and the temporary names of an
# export (``..<name>.<run>.staged.<run>.part``) it stays far below the 255 bytes a file name
# may have on Linux, and a path in the clerk's Documents below Windows' 260 characters.
NAME_CHARS = 60
NAME_BYTES = 150
_RESERVED = re.compile(r"^(?:CON|PRN|AUX|NUL|COM\d|LPT\d)(?:\..*)?$", re.I)


def safe_file_name(name: str, *, replacement: str = "", default: str = "document") -> str:
    """A file name every system accepts, from a title or a department name: no characters
    Windows forbids (each becomes ``replacement``), no control or invisible formatting
    characters — a right-to-left override (U+202E) would make "财务处‮fdp.exe" look like
    "财务处exe.pdf" — no leading or trailing dots and spaces, not a device name, and
    shortened with "…" to ``NAME_CHARS`` characters and ``NAME_BYTES`` bytes."""
    text = unicodedata.normalize("NFC", name)
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cf", "Cc"))
    text = _ILLEGAL.sub(replacement, text).strip(" .")
    if len(text) > NAME_CHARS or len(text.encode("utf-8")) > NAME_BYTES:
        text = text[: NAME_CHARS - 1]
        while len(text.encode("utf-8")) > NAME_BYTES - 3:  # the ellipsis takes 3 bytes
            text = text[:-1]
        text = text.rstrip(" .") + "…"
    if _RESERVED.match(text):
        text += "_"
    return text or default

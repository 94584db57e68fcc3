"""How an export is asked for, and what it gives back — light to import (no python-docx),
so the command line and the window can name the documents without loading the writers."""

from __future__ import annotations

import datetime as dt
import re
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


def safe_file_name(name: str) -> str:
    """A file name Windows accepts, from a title or a department name."""
    cleaned = _ILLEGAL.sub("", name).strip().strip(".")
    return cleaned[:120] or "document"

"""What can be exported and how it is asked for — light to import (no python-docx), so the
command line and the window can name the documents without loading the writers."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

Progress = Callable[[int, int], None]
KINDS = ("decomposition", "report", "feedback-forms", "reminders")
FOLDER_KINDS = ("feedback-forms", "reminders")
FORM_FORMATS = ("docx", "xlsx")  # feedback-forms as Word documents or Excel workbooks
_ILLEGAL = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


class ExportError(ValueError):
    """The export cannot be made as asked (no period, nothing to write, bad path)."""


@dataclass(frozen=True)
class ExportRequest:
    kind: str
    plan_id: int
    output: Path  # a .docx file, or a folder for the per-department documents
    period_id: int | None = None
    department_ids: tuple[int, ...] = ()
    with_leader: bool = False
    with_due_date: bool = False
    template: str | None = None  # None: the template chosen in the settings
    as_of: dt.date | None = None
    reply_by: dt.date | None = None
    due_within_days: int = 15
    form_format: str = "docx"  # feedback-forms: "docx" or "xlsx"


def safe_file_name(name: str) -> str:
    """A file name Windows accepts, from a title or a department name."""
    cleaned = _ILLEGAL.sub("", name).strip().strip(".")
    return cleaned[:120] or "document"

"""What a returned 进展情况反馈表 holds once read: the form, its rows, or why it cannot be
read. Read by ``exports.readback`` (the files), checked and stored by ``db.readback``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from domain.errors import PlanInputError
from domain.form_keys import FormId


class FormError(PlanInputError):
    """A file that is not a readable feedback form. Returned by ``read_filled_form``, not
    raised; ``str()`` names the file and the reason, as ``PlanInputError`` does."""

    def __init__(self, path: str | Path, reason: str, *, code: str = "not_a_form") -> None:
        super().__init__(path, reason, code=code)


@dataclass
class FilledRow:
    key_text: str  # the key as written (checking it is the caller's job)
    code: str
    progress: str
    problems: str
    next_steps: str
    percent: int | None
    status: str | None  # one of domain.statuses.STATUSES, or None
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

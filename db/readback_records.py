"""What a read-back of returned feedback forms says before and after it is applied: the kinds
of row, and the preview and result records ``db.readback`` returns."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

NEW, UPDATE, UNCHANGED, CONFLICT = "new", "update", "unchanged", "conflict"
EMPTY, NOTED, DUPLICATE, REJECTED = "empty", "noted", "duplicate", "rejected"
WRITES = (NEW, UPDATE, CONFLICT)
SHORT_TEXT = 40
# A form saved more than this after this computer's "now" was saved by a wrong clock.
FUTURE_TOLERANCE = dt.timedelta(days=1)


@dataclass(frozen=True)
class EntryValues:
    status: str | None
    percent: int | None
    progress: str
    problems: str = ""
    next_steps: str = ""


@dataclass(frozen=True)
class PreviewRow:
    path: Path
    key_text: str
    task_id: int | None
    code: str
    task_text: str  # shortened
    department_id: int | None
    department: str
    role: str  # "lead", "cooperating" or "" (unknown)
    kind: str  # NEW UPDATE UNCHANGED CONFLICT EMPTY NOTED DUPLICATE REJECTED
    reason: str
    old: EntryValues | None
    new: EntryValues | None
    issues: tuple[str, ...] = ()
    modified: dt.datetime | None = (
        None  # when the sender says the form was saved (None: not believed)
    )
    reported_on: str | None = None  # its date, written as the entry's reported_on
    export_key: str = ""  # which form export the row came from (FormId.export_key)
    export_seq: int = 0  # the database's change sequence at that export


@dataclass(frozen=True)
class PreviewForm:
    path: Path
    accepted: bool
    reason: str  # why rejected; for an accepted form a remark, mostly ""
    department_id: int | None = None
    department: str = ""
    modified: dt.datetime | None = None
    rows: tuple[PreviewRow, ...] = ()
    code: str = ""  # for a file that is not a readable form: FormError.code

    @property
    def message(self) -> str:
        return f"{self.path.name}: {self.reason}" if self.reason else self.path.name


@dataclass(frozen=True)
class ReadbackPreview:
    plan_id: int
    period_id: int
    period_name: str
    forms: tuple[PreviewForm, ...]

    @property
    def rows(self) -> list[PreviewRow]:
        return [r for f in self.forms for r in f.rows]

    @property
    def rejected_forms(self) -> list[PreviewForm]:
        return [f for f in self.forms if not f.accepted]

    def count(self, kind: str) -> int:
        return sum(r.kind == kind for r in self.rows)

    def counts(self) -> dict[str, int]:
        kinds = (NEW, UPDATE, UNCHANGED, CONFLICT, EMPTY, NOTED, DUPLICATE, REJECTED)
        return {k: self.count(k) for k in kinds}


@dataclass(frozen=True)
class ApplyResult:
    new: int
    updated: int  # updates, and conflicts overwritten when asked
    unchanged: int
    conflicts_kept: int
    rejected: int  # rejected forms plus rejected rows of accepted forms
    noted: int = 0
    empty: int = 0
    duplicates: int = 0
    written: tuple[int, ...] = field(default=())  # task ids written

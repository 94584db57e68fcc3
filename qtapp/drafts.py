"""Drafts: text the clerk typed and has not saved yet, kept until it is saved or discarded.

Typing is never thrown away. When the clerk leaves an editor with unsaved text — another
task is selected, another period or plan chosen, another file opened, the window closed —
what was typed becomes a draft. It comes back when the same task (and period) is shown
again, marked as a draft with Save and Discard beside it, also after a restart: drafts are
kept in this PC's settings for each database file, written a moment after each change.

The editors that keep drafts: the task's text, the progress of a task for a period, the
assignment (for the tasks it applies to), the 阶段目标 of a task for a period, and the 延期
and 领导批示 dialogs (what was typed there when the dialog was closed without saving).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, QTimer, Signal, SignalInstance

from qtapp.ui_settings import UiSettings

TEXT, PROGRESS, ASSIGNMENT = "text", "progress", "assignment"
# The 督办 tab's 阶段目标 (per task and period); what was typed in a 延期 or 批示 dialog left
# without saving (per task).
TARGET, POSTPONEMENT, INSTRUCTION = "target", "postponement", "instruction"


@dataclass(frozen=True)
class DraftKey:
    kind: str  # TEXT, PROGRESS, ASSIGNMENT, TARGET, POSTPONEMENT or INSTRUCTION
    task_ids: tuple[int, ...]  # the task, or the tasks an assignment applies to
    period_id: int | None = None  # PROGRESS, TARGET: the reporting period

    def encode(self) -> str:
        ids = ",".join(map(str, self.task_ids))
        if len(ids) > 200:  # a whole plan's tasks: a digest names the set
            ids = f"{len(self.task_ids)}:{hashlib.sha1(ids.encode()).hexdigest()[:16]}"
        return f"{self.kind}|{self.period_id or ''}|{ids}"


class Drafts(QObject):
    """The drafts of one database file (see the module notes)."""

    changed = Signal()

    def __init__(self, settings: UiSettings, db_path: str | Path) -> None:
        super().__init__()
        self._settings = settings
        self._items: dict[str, dict[str, Any]] = {}
        self._key = ""
        self.use_file(db_path)

    def use_file(self, db_path: str | Path) -> None:
        """Switch to the drafts of another database file."""
        digest = hashlib.sha1(str(Path(db_path).resolve()).encode("utf-8")).hexdigest()[:16]
        self._key = f"drafts/{digest}"
        try:
            loaded = json.loads(self._settings.text(self._key, "{}"))
        except ValueError:
            loaded = {}
        self._items = loaded if isinstance(loaded, dict) else {}
        self.changed.emit()

    def get(self, key: DraftKey) -> dict[str, Any] | None:
        found = self._items.get(key.encode())
        return dict(found["values"]) if found else None

    def put(self, key: DraftKey, values: dict[str, Any]) -> None:
        entry = {
            "values": values,
            "tasks": list(key.task_ids[:1]) if key.kind != ASSIGNMENT else [],
        }
        if self._items.get(key.encode()) == entry:
            return
        self._items[key.encode()] = entry
        self._write()

    def drop(self, key: DraftKey) -> None:
        if self._items.pop(key.encode(), None) is not None:
            self._write()

    def task_ids(self) -> set[int]:
        """Tasks with a draft of their text or progress (the table marks them)."""
        return {i for entry in self._items.values() for i in entry.get("tasks", [])}

    def __len__(self) -> int:
        return len(self._items)

    def _write(self) -> None:
        self._settings.set_text(self._key, json.dumps(self._items, ensure_ascii=False))
        self.changed.emit()


class DraftEditor(Protocol):
    """An editor whose unsaved typing is kept as a draft."""

    edited: SignalInstance
    discarded: SignalInstance

    def draft_key(self) -> DraftKey | None: ...
    def draft_values(self) -> dict[str, Any] | None: ...
    def apply_draft(self, values: dict[str, Any]) -> None: ...


class DraftKeeper(QObject):
    """Keeps the drafts of some editors: what they hold is stashed before they show
    something else and written a moment after each change; a draft comes back when its
    editor shows the same thing again."""

    WRITE_AFTER_MS = 600

    def __init__(self, drafts: Drafts, editors: list[DraftEditor], parent: QObject) -> None:
        super().__init__(parent)
        self.drafts = drafts
        self.editors = editors
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.WRITE_AFTER_MS)
        self._timer.timeout.connect(self.stash_all)
        for editor in editors:
            editor.edited.connect(self._timer.start)
            editor.discarded.connect(lambda e=editor: self._forget(e))

    def stash(self, editor: DraftEditor) -> None:
        key = editor.draft_key()
        if key is None:
            return
        values = editor.draft_values()
        if values is None:
            self.drafts.drop(key)
        else:
            self.drafts.put(key, values)

    def stash_all(self) -> None:
        self._timer.stop()
        for editor in self.editors:
            self.stash(editor)

    def restore(self, editor: DraftEditor) -> None:
        key = editor.draft_key()
        values = self.drafts.get(key) if key is not None else None
        if values:
            editor.apply_draft(values)

    def showing(self) -> dict[int, DraftKey | None]:
        """What each editor shows now (pass it to ``shown`` after showing something)."""
        return {id(e): e.draft_key() for e in self.editors}

    def shown(self, before: dict[int, DraftKey | None]) -> None:
        """The editors were filled anew: a draft comes back where an editor shows something
        else than before; where it shows the same, the draft follows what it holds (a save
        makes it clean, and the draft goes)."""
        for editor in self.editors:
            if editor.draft_key() != before.get(id(editor)):
                self.restore(editor)
            else:
                self.stash(editor)

    def _forget(self, editor: DraftEditor) -> None:
        key = editor.draft_key()
        if key is not None:
            self.drafts.drop(key)

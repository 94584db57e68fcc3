"""How stored values are shown: status words, deadlines, dates, audit changes."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from db.records import AuditEntry, DeadlineRecord
from domain import statuses
from domain.deadlines import DeadlineKind, resolve_deadline
from qtapp.i18n import tr

# The statuses of domain.statuses (the codes stored), in the window's words.
STATUS_NAMES = {
    statuses.NOT_STARTED: QT_TRANSLATE_NOOP("Display", "Not started"),
    statuses.ON_TRACK: QT_TRANSLATE_NOOP("Display", "On schedule"),
    statuses.BEHIND: QT_TRANSLATE_NOOP("Display", "Behind"),
    statuses.DONE: QT_TRANSLATE_NOOP("Display", "Completed"),
    statuses.POSTPONED: QT_TRANSLATE_NOOP("Display", "Postponed"),
}
FIELD_NAMES = {
    "text": QT_TRANSLATE_NOOP("Display", "text"),
    "lead": QT_TRANSLATE_NOOP("Display", "lead department"),
    "cooperating": QT_TRANSLATE_NOOP("Display", "cooperating departments"),
    "leader": QT_TRANSLATE_NOOP("Display", "leader"),
    "deadline": QT_TRANSLATE_NOOP("Display", "deadline"),
    "position": QT_TRANSLATE_NOOP("Display", "order"),
    "state": QT_TRANSLATE_NOOP("Display", "task"),
}


def _named(text: str) -> str:
    """A word listed above with QT_TRANSLATE_NOOP, translated in its "Display" context."""
    return QCoreApplication.translate("Display", text)


def code_sort_key(code: str) -> tuple:
    """ "2.10-3" sorts after "2.9-1": compare the numbers, not the text."""
    return tuple(int(p) if p.isdigit() else 0 for p in code.replace(".", "-").split("-"))


def status_text(code: str | None) -> str:
    return _named(STATUS_NAMES[code]) if code in STATUS_NAMES else ""


def chinese_date(iso: str | None) -> str:
    """2020-06-30 → 2020年6月30日, 2019-02 → 2019年2月 (no leading zeros, as official
    documents write it)."""
    if not iso:
        return ""
    parts = iso.split("-")
    if len(parts) == 2 and all(p.isdigit() for p in parts):
        return f"{int(parts[0])}年{int(parts[1])}月"
    d = date.fromisoformat(iso)
    return f"{d.year}年{d.month}月{d.day}日"


def deadline_text(record: DeadlineRecord | None) -> str:
    """The deadline as written ("6月底前"); its date is in the tooltip (``deadline_note``)."""
    return record.phrase if record is not None else ""


def deadline_note(record: DeadlineRecord | None) -> str:
    """A sentence about the deadline for tooltips and the editor."""
    if record is None:
        return tr("No deadline yet.")
    if record.due_on:
        return tr("Due %1.").replace("%1", chinese_date(record.due_on))
    if record.kind == "unknown":
        return tr("Kept as written; it names no date Duban understands.")
    if record.kind in ("open_ended", "recurring"):
        return tr("Open-ended: reviewed every reporting period.")
    return ""


def deadline_hint(phrase: str, year: int) -> str:
    """What a deadline phrase being typed resolves to ("→ 2020年6月30日"), or why none."""
    if not phrase.strip():
        return ""
    resolved = resolve_deadline(phrase, year)
    if resolved.due is not None:
        return "→ " + chinese_date(resolved.due.isoformat())
    if resolved.kind in (DeadlineKind.OPEN_ENDED, DeadlineKind.RECURRING):
        return tr("Open-ended: reviewed every period")
    return tr("⚠ Not understood — it will be kept exactly as written, with no date")


def audit_text(entry: AuditEntry) -> str:
    """One change in words: "lead department: 办公室 → 基础教育处"."""
    field = entry.field.removeprefix("progress.")
    name = _named(FIELD_NAMES[field]) if field in FIELD_NAMES else field
    old, new = entry.old_value or "—", entry.new_value or "—"
    if entry.field == "state":
        return tr("restored (undo/redo)")
    if entry.field == "text" and entry.action in ("task.add", "task.delete"):
        return tr("added") if entry.action == "task.add" else tr("deleted")
    return f"{name}: {old} → {new}"

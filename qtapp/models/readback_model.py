"""What reading filled forms back would do, one row per task row of a form.

A rejected form is one row of its own (no task), so the clerk sees every file that was
given and why it was left out. The rows come from ``db.readback.preview_readback``
(records in ``db.readback_records``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from db.readback_records import (
    CONFLICT,
    DUPLICATE,
    EMPTY,
    NEW,
    NOTED,
    REJECTED,
    UNCHANGED,
    UPDATE,
    EntryValues,
    PreviewForm,
    PreviewRow,
    ReadbackPreview,
)
from qtapp.display import status_text
from qtapp.input_errors import translated_reason
from qtapp.models.list_table import ListTableModel

Index = QModelIndex | QPersistentModelIndex
COL_FILE, COL_CODE, COL_DEPARTMENT, COL_TASK, COL_CHANGE, COL_NOW, COL_FORM, COL_REASON = range(8)
HEADERS = (
    QT_TRANSLATE_NOOP("ReadbackModel", "File"),
    QT_TRANSLATE_NOOP("ReadbackModel", "No."),
    QT_TRANSLATE_NOOP("ReadbackModel", "Department"),
    QT_TRANSLATE_NOOP("ReadbackModel", "Task"),
    QT_TRANSLATE_NOOP("ReadbackModel", "Change"),
    QT_TRANSLATE_NOOP("ReadbackModel", "Recorded now"),
    QT_TRANSLATE_NOOP("ReadbackModel", "In the form"),
    QT_TRANSLATE_NOOP("ReadbackModel", "Why"),
)
REJECTED_FORM = "rejected_form"
KIND_NAMES = {
    NEW: QT_TRANSLATE_NOOP("ReadbackModel", "New"),
    UPDATE: QT_TRANSLATE_NOOP("ReadbackModel", "Changed"),
    CONFLICT: QT_TRANSLATE_NOOP("ReadbackModel", "Newer entry kept"),
    UNCHANGED: QT_TRANSLATE_NOOP("ReadbackModel", "Unchanged"),
    EMPTY: QT_TRANSLATE_NOOP("ReadbackModel", "Not filled in"),
    NOTED: QT_TRANSLATE_NOOP("ReadbackModel", "Cooperating (noted)"),
    DUPLICATE: QT_TRANSLATE_NOOP("ReadbackModel", "Duplicate"),
    REJECTED: QT_TRANSLATE_NOOP("ReadbackModel", "Row rejected"),
    REJECTED_FORM: QT_TRANSLATE_NOOP("ReadbackModel", "Form rejected"),
}
CHANGING = {NEW, UPDATE, CONFLICT, REJECTED, REJECTED_FORM, DUPLICATE}
COLORS = {
    NEW: "#2e7d32",
    UPDATE: "#1565c0",
    CONFLICT: "#ef6c00",
    REJECTED: "#c62828",
    REJECTED_FORM: "#c62828",
    DUPLICATE: "#757575",
}


@dataclass(frozen=True)
class Line:
    """One row of the table: a task row of an accepted form, or a rejected form."""

    form: PreviewForm
    row: PreviewRow | None

    @property
    def kind(self) -> str:
        return self.row.kind if self.row is not None else REJECTED_FORM


class ReadbackModel(ListTableModel):
    KindRole = Qt.ItemDataRole.UserRole + 1
    TaskIdRole = Qt.ItemDataRole.UserRole + 2
    HEADERS = HEADERS

    def set_preview(self, preview: ReadbackPreview | None) -> None:
        forms = preview.forms if preview else ()
        # Rejected forms first: they are what the clerk has to act on.
        lines = [Line(f, None) for f in forms if not f.accepted]
        lines.extend(Line(f, row) for f in forms for row in f.rows)
        self.set_rows(lines)

    def rejected_messages(self) -> list[str]:
        """ "file: why" for each rejected form, in the window's language."""
        return [
            f"{line.form.path.name}: {self._text(line, COL_REASON, full=True)}"
            for line in self._rows
            if line.row is None
        ]

    def line(self, row: int) -> Line:
        return self.record(row)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        line = self.record_at(index)
        if line is None:
            return None
        if role == self.KindRole:
            return line.kind
        if role == self.TaskIdRole:
            return line.row.task_id if line.row is not None else None
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == COL_CHANGE:
            color = COLORS.get(line.kind)
            return QBrush(QColor(color)) if color else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == COL_FILE:
                return str(line.form.path)
            if index.column() in (COL_NOW, COL_FORM, COL_TASK, COL_REASON):
                return self._text(line, index.column(), full=True) or None
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(line, index.column(), full=False)
        return None

    def _text(self, line: Line, column: int, *, full: bool) -> str:
        form, row = line.form, line.row
        if column == COL_FILE:
            return form.path.name
        if column == COL_CHANGE:
            return self.tr(KIND_NAMES[line.kind])
        if row is None:  # a rejected form
            if column == COL_DEPARTMENT:
                return form.department
            if column == COL_REASON:
                return translated_reason(form.code, form.reason)
            return ""
        if column == COL_CODE:
            return row.code
        if column == COL_DEPARTMENT:
            return row.department
        if column == COL_TASK:
            return row.task_text
        if column == COL_NOW:
            return values_text(row.old, full=full)
        if column == COL_FORM:
            return values_text(row.new, full=full)
        if column == COL_REASON:
            return "；".join((row.reason, *row.issues)) if row.issues else row.reason
        return ""


def values_text(values: EntryValues | None, *, full: bool) -> str:
    """ "序时推进 60% · 已完成方案起草" — the entry in one line (all of it when ``full``)."""
    if values is None:
        return ""
    head = " ".join(
        part
        for part in (
            status_text(values.status),
            f"{values.percent}%" if values.percent is not None else "",
        )
        if part
    )
    texts = [values.progress, values.problems, values.next_steps] if full else [values.progress]
    body = "\n".join(t for t in texts if t) if full else " ".join(values.progress.split())
    if not full and len(body) > 30:
        body = body[:29] + "…"
    return " · ".join(part for part in (head, body) if part)


class ReadbackFilter(QSortFilterProxyModel):
    """Everything, or only the rows that change something or need the clerk's attention."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.changes_only = False

    def set_changes_only(self, on: bool) -> None:
        self.changes_only = on
        self.invalidate()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self.changes_only:
            return True
        kind = self.sourceModel().index(source_row, 0, source_parent).data(ReadbackModel.KindRole)
        return kind in CHANGING

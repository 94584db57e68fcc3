"""The 分工确认 proposals under review: one row per proposal, grouped by task and field, the
proposals of a group whose departments disagree side by side and marked; each row with
the decision the clerk has chosen in the dialog (stored only when applied)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from db.confirmations import ACCEPTED, REJECTED, Proposal, ProposalGroup
from qtapp.models.list_table import ListTableModel
from qtapp.workflow_names import proposal_field_name

Index = QModelIndex | QPersistentModelIndex
COL_CODE, COL_FIELD, COL_OLD, COL_NEW, COL_DEPARTMENT, COL_REASON, COL_DECISION = range(7)
_CONFLICT = QBrush(QColor("#fef3c7"))
_DECISION_COLORS = {ACCEPTED: QBrush(QColor("#15803d")), REJECTED: QBrush(QColor("#b91c1c"))}


class ProposalReviewModel(ListTableModel):
    RecordRole = Qt.ItemDataRole.UserRole + 2
    HEADERS = (
        QT_TRANSLATE_NOOP("ProposalReviewModel", "No."),
        QT_TRANSLATE_NOOP("ProposalReviewModel", "Field"),
        QT_TRANSLATE_NOOP("ProposalReviewModel", "Now"),
        QT_TRANSLATE_NOOP("ProposalReviewModel", "Proposed"),
        QT_TRANSLATE_NOOP("ProposalReviewModel", "Department"),
        QT_TRANSLATE_NOOP("ProposalReviewModel", "Reason"),
        QT_TRANSLATE_NOOP("ProposalReviewModel", "Decision"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._group_of: dict[int, ProposalGroup] = {}
        self.decisions: dict[int, str | None] = {}  # proposal id → ACCEPTED, REJECTED, None

    def set_groups(self, groups: list[ProposalGroup]) -> None:
        self._group_of = {p.id: g for g in groups for p in g.proposals}
        self.decisions = {p.id: p.decision for g in groups for p in g.proposals}
        self.set_rows([p for g in groups for p in g.proposals])

    def group(self, proposal: Proposal) -> ProposalGroup:
        return self._group_of[proposal.id]

    def undecided_ids(self) -> set[int]:
        """Proposals still undecided in the store (the ones this dialog may decide)."""
        return {p.id for p in self._rows if p.decision is None}

    def decide(self, row: int, decision: str | None) -> None:
        """Choose for one proposal; accepting one of a conflict rejects the others of its
        group (their departments asked for something else on the same field)."""
        proposal: Proposal = self._rows[row]
        if proposal.decision is not None:
            return  # decided before: stays as stored
        self.decisions[proposal.id] = decision
        group = self._group_of[proposal.id]
        if decision == ACCEPTED and group.conflict:
            for other in group.proposals:
                if other.id != proposal.id and other.decision is None:
                    self.decisions[other.id] = REJECTED
        first, last = 0, len(self._rows) - 1
        self.dataChanged.emit(self.index(first, COL_DECISION), self.index(last, COL_DECISION))

    def chosen(self) -> tuple[list[int], list[int]]:
        """(accepted, rejected) among the proposals this dialog decides."""
        open_ids = self.undecided_ids()
        accept = [i for i, d in self.decisions.items() if d == ACCEPTED and i in open_ids]
        reject = [i for i, d in self.decisions.items() if d == REJECTED and i in open_ids]
        return accept, reject

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        p: Proposal | None = self.record_at(index)
        if p is None:
            return None
        column = index.column()
        group = self._group_of[p.id]
        if role == self.RecordRole:
            return p
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_CODE:
                return p.code
            if column == COL_FIELD:
                name = proposal_field_name(p.field)
                return f"⚠ {name}" if group.conflict else name
            if column == COL_OLD:
                return p.old_shown
            if column == COL_NEW:
                return p.shown
            if column == COL_DEPARTMENT:
                return p.department
            if column == COL_REASON:
                return p.reason
            if column == COL_DECISION:
                return self._decision_text(self.decisions.get(p.id), stored=p.decision)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_CODE:
                return p.task_text
            if column == COL_FIELD and group.conflict:
                return self.tr("Departments disagree: accept one, the others are rejected")
            if column in (COL_NEW, COL_REASON):
                return f"{p.shown}\n{p.reason}".strip()
        if role == Qt.ItemDataRole.BackgroundRole and group.conflict:
            return _CONFLICT
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_DECISION:
            return _DECISION_COLORS.get(self.decisions.get(p.id) or "")
        return None

    def _decision_text(self, decision: str | None, *, stored: str | None) -> str:
        text = (
            self.tr("Accept")
            if decision == ACCEPTED
            else self.tr("Reject")
            if decision == REJECTED
            else self.tr("Undecided")
        )
        return text + (self.tr(" (decided before)") if stored is not None else "")

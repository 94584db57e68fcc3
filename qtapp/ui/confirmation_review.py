"""Reviewing the 分工确认 proposals of a plan: every proposal as a change of one field of one
task (now → proposed, which department asks, why), the proposals of departments that
disagree side by side; accept or reject each (keys A and R, U for undecided), then apply
what was decided as ONE undo step."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.confirmations import ACCEPTED, REJECTED, acceptable, proposal_groups
from qtapp.context import AppContext
from qtapp.i18n import tr
from qtapp.models.proposal_model import COL_REASON, ProposalReviewModel
from qtapp.supervision_commands import SettleCommand
from qtapp.ui.columns import ColumnLayout

_KEYS = {Qt.Key.Key_A: ACCEPTED, Qt.Key.Key_R: REJECTED, Qt.Key.Key_U: None}


class ConfirmationReviewDialog(QDialog):
    def __init__(
        self, ctx: AppContext, plan_id: int, parent: QWidget | None = None, note: str = ""
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.plan_id = plan_id
        self.setObjectName("confirmationReviewDialog")
        self.setWindowTitle(self.tr("Review the departments' confirmations"))
        self.summary = QLabel(self)
        self.summary.setObjectName("reviewSummary")
        self.summary.setWordWrap(True)
        self.note = note
        self.model = ProposalReviewModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("proposalTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setWordWrap(False)
        self.columns = ColumnLayout(self.table, "proposalReview", None, stretch=COL_REASON)
        self.accept_button = QPushButton(self.tr("&Accept (A)"), self)
        self.accept_button.setObjectName("acceptProposalButton")
        self.reject_button = QPushButton(self.tr("&Reject (R)"), self)
        self.reject_button.setObjectName("rejectProposalButton")
        self.undecide_button = QPushButton(self.tr("&Undecided (U)"), self)
        self.undecide_button.setObjectName("undecideProposalButton")
        self.accept_all = QPushButton(self.tr("Accept all without conflict"), self)
        self.accept_all.setObjectName("acceptAllProposalsButton")
        self.apply_button = QPushButton(self)
        self.apply_button.setObjectName("applyProposalsButton")
        self.apply_button.setDefault(True)
        self.apply_button.setToolTip(self.tr("Apply the decisions as one step (Ctrl+Enter)"))
        close = QPushButton(self.tr("Close"), self)
        close.setObjectName("closeReviewButton")
        close.setAutoDefault(False)
        for button in (self.accept_button, self.reject_button, self.undecide_button,
                       self.accept_all):  # fmt: skip
            button.setAutoDefault(False)
        decide = QHBoxLayout()
        for button in (self.accept_button, self.reject_button, self.undecide_button):
            decide.addWidget(button)
        decide.addStretch(1)
        decide.addWidget(self.accept_all)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.apply_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(decide)
        layout.addLayout(bottom)
        self.resize(960, 520)

        self.accept_button.clicked.connect(lambda: self.decide(ACCEPTED))
        self.reject_button.clicked.connect(lambda: self.decide(REJECTED))
        self.undecide_button.clicked.connect(lambda: self.decide(None))
        self.accept_all.clicked.connect(self.accept_without_conflict)
        self.apply_button.clicked.connect(self.apply)
        close.clicked.connect(self.reject)
        self.table.installEventFilter(self)  # A, R and U decide the rows selected
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.apply)
        self.model.dataChanged.connect(self._update)
        self.reload()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.modifiers()
            in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
            and event.key() in _KEYS
        ):
            self.decide(_KEYS[event.key()])
            return True
        return super().eventFilter(watched, event)

    def reload(self) -> None:
        self.model.set_groups(proposal_groups(self.ctx.db, self.plan_id))
        if self.model.rowCount():
            self.table.selectRow(0)
        self.table.setFocus()
        self._update()

    def _selected_rows(self) -> list[int]:
        return sorted({i.row() for i in self.table.selectionModel().selectedRows()})

    def decide(self, decision: str | None) -> None:
        rows = self._selected_rows()
        for row in rows:
            self.model.decide(row, decision)
        if len(rows) == 1 and rows[0] + 1 < self.model.rowCount():
            self.table.selectRow(rows[0] + 1)  # on to the next, as a clerk goes down a list

    def accept_without_conflict(self) -> None:
        ids = set(acceptable(self.ctx.db, self.plan_id))
        for row, proposal in enumerate(self.model.records()):
            if proposal.id in ids:
                self.model.decide(row, ACCEPTED)

    def apply(self) -> None:
        accept, reject = self.model.chosen()
        if not accept and not reject:
            return
        label = tr("Apply %n confirmation decision(s)", len(accept) + len(reject))
        if self.ctx.execute(SettleCommand(self.ctx, accept, reject, label)):
            self.reload()

    def _update(self, *_args: object) -> None:
        accept, reject = self.model.chosen()
        undecided = len(self.model.undecided_ids()) - len(accept) - len(reject)
        conflicts = {self.model.group(p).task_id for p in self.model.records()
                     if self.model.group(p).conflict and p.decision is None}  # fmt: skip
        text = self.tr("%n proposal(s) to decide", "", len(self.model.undecided_ids()))
        if conflicts:
            text += " · " + self.tr("%n task(s) where departments disagree (⚠)", "",
                                    len(conflicts))  # fmt: skip
        if self.note:
            text = self.note + "\n" + text
        self.summary.setText(text)
        self.apply_button.setText(
            self.tr("Apply: accept %1, reject %2").replace("%1", str(len(accept)))
            .replace("%2", str(len(reject)))
        )  # fmt: skip
        self.apply_button.setEnabled(bool(accept or reject) and not self.ctx.read_only)
        self.apply_button.setToolTip(
            self.tr("%n still undecided; they stay for later.", "", max(undecided, 0))
        )

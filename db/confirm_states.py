"""Each department's 分工确认 state for a plan, for the dashboard and the command line
(part of the ``db.confirmations`` API)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from db.departments import list_departments
from db.tasks import TaskFilter, list_tasks
from domain.workflow import CONFIRMATION_STATES, CONFIRMED, HANDLED, NOT_RETURNED, OBJECTIONS

ACCEPTED, REJECTED = "accepted", "rejected"


@dataclass(frozen=True)
class ConfirmationState:
    department_id: int
    department: str
    state: str  # NOT_RETURNED CONFIRMED OBJECTIONS HANDLED (domain.workflow)
    sent: bool  # a form was exported to it
    replies: int
    agreed: int  # rows marked 同意, over its replies
    undecided: int
    accepted: int
    rejected: int
    last_reply_at: str | None

    @property
    def state_name(self) -> str:
        return CONFIRMATION_STATES[self.state]


def confirmation_states(db: Database, plan_id: int) -> list[ConfirmationState]:
    """Each department's 分工确认 state for the plan: the departments leading or cooperating
    on its tasks, and any other a form was sent to or came back from, in directory order.
    未返回: no reply yet; 已确认: replied, nothing proposed; 有异议: proposals undecided;
    已处理: every proposal decided."""
    involved: set[int] = set()
    for task in list_tasks(db, TaskFilter(plan_id=plan_id)):
        if task.lead_id is not None:
            involved.add(task.lead_id)
        involved.update(task.cooperating_ids)
    sent = {r[0] for r in db.execute(
        "SELECT DISTINCT department_id FROM confirmation_exports WHERE plan_id = ?", [plan_id]
    ).fetchall()}  # fmt: skip
    replies: dict[int, tuple[int, int, str]] = {
        r[0]: (r[1], r[2], r[3])
        for r in db.execute(
            "SELECT department_id, count(*), sum(agreed), max(received_at)"
            " FROM confirmation_replies WHERE plan_id = ? GROUP BY department_id",
            [plan_id],
        ).fetchall()
    }
    decisions: dict[int, dict[str | None, int]] = {}
    for dept, decision, count in db.execute(
        "SELECT cp.department_id, cp.decision, count(*) FROM confirmation_proposals cp"
        " JOIN confirmation_replies cr ON cr.id = cp.reply_id WHERE cr.plan_id = ?"
        " GROUP BY cp.department_id, cp.decision",
        [plan_id],
    ).fetchall():
        decisions.setdefault(dept, {})[decision] = count
    wanted = involved | sent | set(replies)
    out = []
    for dept in list_departments(db, include_retired=True):
        if dept.id not in wanted:
            continue
        count, agreed, last = replies.get(dept.id, (0, 0, None))
        by = decisions.get(dept.id, {})
        undecided, accepted, rejected = by.get(None, 0), by.get(ACCEPTED, 0), by.get(REJECTED, 0)
        if not count:
            state = NOT_RETURNED
        elif undecided:
            state = OBJECTIONS
        elif accepted or rejected:
            state = HANDLED
        else:
            state = CONFIRMED
        out.append(
            ConfirmationState(
                dept.id,
                dept.name,
                state,
                dept.id in sent,
                count,
                agreed or 0,
                undecided,
                accepted,
                rejected,
                last,
            )
        )
    return out

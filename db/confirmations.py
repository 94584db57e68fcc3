"""分工确认: the forms sent, the replies returned, the proposals and the clerk's decisions.

The API a window dialog and the command line share (docs/workflow.md, "分工确认"):

- ``record_exports(db, plan_id, [(department_id, form_id), …])``: the forms sent
  (``exports.confirmation.export_confirmation_forms`` calls it with the files it wrote).
- ``preview_confirmations(db, forms, plan_id=…)`` (``db.confirm_preview``): what the returned
  forms (read by ``exports.confirm_readback.read_confirm_forms``) would store; reads only.
- ``record_replies(db, preview)``: the replies and their proposals, undecided, in one
  transaction. A newer reply of a department replaces its undecided proposals on the same
  tasks.
- ``proposal_groups(db, plan_id)``: the proposals grouped by task and field, a group whose
  departments disagree marked ``conflict`` (its proposals side by side).
- ``settle(db, accept=[…], reject=[…])``: decide proposals and apply the accepted ones as ONE
  transaction; returns a ``SettledStep`` that ``undo_settlement`` takes back whole (and
  ``settle(db, step.accepted, step.rejected)`` redoes). Accepting two proposals that disagree
  on the same task and field is refused (``InvalidValue`` naming both). Lead, cooperating
  departments and 责任人 go through ``db.assignments.assign``; a deadline through
  ``db.supervision.postpone`` (origin 'confirmation', the department's reason) when the task
  had one, else ``assign``; a 阶段目标 through ``db.supervision.set_target``. Every decision is
  audited.
- ``acceptable(db, plan_id)``: the undecided proposals outside any conflict (``--accept-all``).
- ``confirmation_states(db, plan_id)``: per department 未返回 · 已确认 · 有异议 · 已处理.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from sqlite_utils import Database

from db import audit
from db.assignments import AssignmentState, assign, restore, snapshot
from db.confirm_preview import (  # noqa: F401 - part of this module's API
    ADJUSTED,
    AGREED,
    ALREADY_READ,
    BLANK,
    EMPTY,
    PROBLEM,
    ConfirmationPreview,
    ProposalDraft,
    ProposedField,
    ReplyForm,
    ReplyRow,
    preview_confirmations,
    shown_value,
)
from db.confirm_states import ConfirmationState, confirmation_states  # noqa: F401 - API
from db.departments import list_departments
from db.errors import InvalidValue, NotFound
from db.supervision import Postponement, Target, postpone, restore_target, set_target
from db.supervision import undo_postponement as _undo_postponement
from db.tasks import TaskFilter, list_tasks
from domain.workflow import PROPOSAL_FIELDS

ACCEPTED, REJECTED = "accepted", "rejected"


@dataclass(frozen=True)
class Proposal(ProposedField):
    id: int
    reply_id: int
    plan_id: int
    task_id: int
    code: str
    task_text: str
    department_id: int
    department: str
    field: str
    old_value: str
    proposed_value: str  # as stored (JSON list of names for cooperating)
    resolved: str  # JSON: department ids, or the target's period, text and percent
    reason: str
    decision: str | None  # ACCEPTED, REJECTED or None (not decided)
    decided_at: str | None

    @property
    def old_shown(self) -> str:
        return self.old_value or "（无）"


@dataclass(frozen=True)
class ProposalGroup:
    """The proposals on one field of one task; ``conflict`` when departments disagree."""

    task_id: int
    code: str
    task_text: str
    field: str
    proposals: tuple[Proposal, ...]

    @property
    def field_name(self) -> str:
        return PROPOSAL_FIELDS[self.field]

    @property
    def conflict(self) -> bool:
        return _disagree(self.proposals)


@dataclass(frozen=True)
class RecordResult:
    replies: tuple[int, ...]
    proposals: tuple[int, ...]
    replaced: int  # undecided proposals a newer reply of the same department replaced


@dataclass(frozen=True)
class SettledStep:
    """What ``settle`` did, enough for ``undo_settlement`` to take it back whole."""

    accepted: tuple[int, ...]
    rejected: tuple[int, ...]
    assignments: tuple[AssignmentState, ...]  # the tasks' assignments before
    postponements: tuple[Postponement, ...]  # made, in order
    targets: tuple[tuple[int, int, Target | None], ...]  # (task, period, target before)


def _disagree(proposals: Sequence[Proposal]) -> bool:
    departments = {p.department_id for p in proposals}
    return len(departments) > 1 and len({_value_key(p) for p in proposals}) > 1


def _value_key(p: Proposal | ProposalDraft) -> str:
    if p.field == "cooperating":
        return json.dumps(sorted(json.loads(p.resolved or "[]")))
    return p.resolved or p.proposed_value


# ---------------------------------------------------------------- exports and replies


def record_exports(db: Database, plan_id: int, forms: Sequence[tuple[int, str]]) -> None:
    """Note the confirmation forms sent: (department id, the form's identifier)."""
    now = audit.now_iso()
    with db.atomic():
        for department_id, form_id in forms:
            db.execute(
                "INSERT INTO confirmation_exports (plan_id, department_id, export_key,"
                " exported_at) VALUES (?, ?, ?, ?)",
                [plan_id, department_id, form_id, now],
            )
        audit.record(
            db, "confirmation.export", "plan", plan_id, plan_id=plan_id,
            summary=f"导出分工确认表{len(forms)}份",
        )  # fmt: skip


def record_replies(db: Database, preview: ConfirmationPreview) -> RecordResult:
    """Store the accepted forms of ``preview`` with their proposals (undecided), in one
    transaction. Rejected forms and problem rows store nothing."""
    now = audit.now_iso()
    replies: list[int] = []
    proposals: list[int] = []
    replaced = 0
    with db.atomic():
        for form in preview.forms:
            if not form.accepted or form.department_id is None:
                continue
            agreed = sum(r.kind == AGREED for r in form.rows)
            objected = sum(r.kind == ADJUSTED for r in form.rows)
            cursor = db.execute(
                "INSERT INTO confirmation_replies (plan_id, department_id, export_key,"
                " file_name, file_sha256, received_at, agreed, objected)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [preview.plan_id, form.department_id, form.export_key, form.path.name,
                 form.sha256, now, agreed, objected],
            )  # fmt: skip
            reply_id = int(cursor.lastrowid or 0)
            replies.append(reply_id)
            answered = [r.task_id for r in form.rows if r.kind in (AGREED, ADJUSTED)]
            for task_id in answered:  # a newer reply stands for the department's word
                replaced += db.execute(
                    "DELETE FROM confirmation_proposals WHERE task_id = ? AND department_id = ?"
                    " AND decision IS NULL AND reply_id != ?",
                    [task_id, form.department_id, reply_id],
                ).rowcount
            for row in form.rows:
                for p in row.proposals:
                    cursor = db.execute(
                        "INSERT INTO confirmation_proposals (reply_id, task_id, department_id,"
                        " field, old_value, proposed_value, resolved, reason)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        [reply_id, p.task_id, p.department_id, p.field, p.old_value,
                         p.proposed_value, p.resolved, p.reason],
                    )  # fmt: skip
                    proposals.append(int(cursor.lastrowid or 0))
            audit.record(
                db, "confirmation.reply", "department", form.department_id,
                plan_id=preview.plan_id, field="confirmation",
                summary=f"分工确认表：{form.department}，同意{agreed}项，需调整{objected}项"
                f"（{form.path.name}）",
            )  # fmt: skip
    return RecordResult(tuple(replies), tuple(proposals), replaced)


# ---------------------------------------------------------------- proposals


_SELECT = (
    "SELECT cp.*, cr.plan_id AS plan_id FROM confirmation_proposals cp"
    " JOIN confirmation_replies cr ON cr.id = cp.reply_id"
)


def _proposals(db: Database, where: str, params: Sequence[object]) -> list[Proposal]:
    rows = list(db.query(f"{_SELECT} WHERE {where} ORDER BY cp.id", list(params)))
    if not rows:
        return []
    plan_ids = {r["plan_id"] for r in rows}
    tasks = {t.id: t for pid in plan_ids for t in list_tasks(db, TaskFilter(plan_id=pid))}
    names = {d.id: d.name for d in list_departments(db, include_retired=True)}
    out = []
    for r in rows:
        task = tasks.get(r["task_id"])
        out.append(
            Proposal(
                r["id"],
                r["reply_id"],
                r["plan_id"],
                r["task_id"],
                task.code if task else "",
                task.text if task else "",
                r["department_id"],
                names.get(r["department_id"], ""),
                r["field"],
                r["old_value"],
                r["proposed_value"],
                r["resolved"],
                r["reason"],
                r["decision"],
                r["decided_at"],
            )
        )
    return out


def plan_proposals(db: Database, plan_id: int, *, undecided_only: bool = False) -> list[Proposal]:
    where = "cr.plan_id = ?" + (" AND cp.decision IS NULL" if undecided_only else "")
    return _proposals(db, where, [plan_id])


def get_proposals(db: Database, proposal_ids: Sequence[int]) -> list[Proposal]:
    """The proposals by id, in the order given; NotFound for an id that is not one."""
    ids = list(dict.fromkeys(proposal_ids))
    found = (
        {p.id: p for p in _proposals(db, f"cp.id IN ({','.join('?' * len(ids))})", ids)}
        if ids
        else {}
    )
    missing = [i for i in ids if i not in found]
    if missing:
        raise NotFound(f"No confirmation proposal with id {missing[0]}.")
    return [found[i] for i in ids]


def proposal_groups(
    db: Database, plan_id: int, *, undecided_only: bool = False
) -> list[ProposalGroup]:
    """The proposals grouped by task and field, in the order the tasks stand in the plan."""
    order = {t.id: n for n, t in enumerate(list_tasks(db, TaskFilter(plan_id=plan_id)))}
    fields = list(PROPOSAL_FIELDS)
    grouped: dict[tuple[int, str], list[Proposal]] = {}
    for p in plan_proposals(db, plan_id, undecided_only=undecided_only):
        grouped.setdefault((p.task_id, p.field), []).append(p)
    keys = sorted(grouped, key=lambda k: (order.get(k[0], 1 << 30), fields.index(k[1])))
    return [
        ProposalGroup(k[0], grouped[k][0].code, grouped[k][0].task_text, k[1], tuple(grouped[k]))
        for k in keys
    ]


def acceptable(db: Database, plan_id: int) -> list[int]:
    """The undecided proposals that disagree with no other (undecided or accepted) proposal
    on their task and field: what "accept all" takes."""
    out = []
    for group in proposal_groups(db, plan_id):
        live = [p for p in group.proposals if p.decision != REJECTED]
        if _disagree(live):
            continue
        out.extend(p.id for p in live if p.decision is None)
    return out


# ---------------------------------------------------------------- deciding


def _refuse_disagreement(chosen: Sequence[Proposal]) -> None:
    by_field: dict[tuple[int, str], list[Proposal]] = {}
    for p in chosen:
        by_field.setdefault((p.task_id, p.field), []).append(p)
    for group in by_field.values():
        if len({_value_key(p) for p in group}) > 1:
            said = "，".join(f"{p.department}（建议{p.id}）提出“{p.shown}”" for p in group)
            raise InvalidValue(
                f"任务{group[0].code}的{group[0].field_name}：{said}，意见不一致，不能同时采纳；"
                "请只采纳其中一项，其余不予采纳。"
            )


def settle(db: Database, accept: Sequence[int] = (), reject: Sequence[int] = ()) -> SettledStep:
    """Decide proposals and apply the accepted ones, all in one transaction; see the module
    notes. Only undecided proposals can be decided."""
    accept, reject = list(dict.fromkeys(accept)), list(dict.fromkeys(reject))
    both = set(accept) & set(reject)
    if both:
        raise InvalidValue(f"Proposal {min(both)} cannot be both accepted and rejected.")
    accepted, rejected = get_proposals(db, accept), get_proposals(db, reject)
    decided = [p for p in accepted + rejected if p.decision is not None]
    if decided:
        p = decided[0]
        word = "采纳" if p.decision == ACCEPTED else "不予采纳"
        raise InvalidValue(f"建议{p.id}（任务{p.code}的{p.field_name}）已{word}，不能再次决定。")
    _refuse_disagreement(accepted)
    task_ids = list(dict.fromkeys(p.task_id for p in accepted))
    made: list[Postponement] = []
    targets: list[tuple[int, int, Target | None]] = []
    now = audit.now_iso()
    with db.atomic():
        before = snapshot(db, task_ids)
        had_deadline = {s.task_id: bool(s.deadline and s.deadline.phrase) for s in before}
        fields = list(PROPOSAL_FIELDS)  # a new lead first: cooperating ones never repeat it
        for p in sorted(accepted, key=lambda p: (p.task_id, fields.index(p.field))):
            _apply(db, p, had_deadline, made, targets)
        for p, decision in [(p, ACCEPTED) for p in accepted] + [(p, REJECTED) for p in rejected]:
            db.execute(
                "UPDATE confirmation_proposals SET decision = ?, decided_at = ? WHERE id = ?",
                [decision, now, p.id],
            )
            word = "采纳" if decision == ACCEPTED else "不予采纳"
            audit.record(
                db, f"confirmation.{'accept' if decision == ACCEPTED else 'reject'}", "task",
                p.task_id, plan_id=p.plan_id, field=p.field, old=p.old_value, new=p.shown,
                summary=f"分工确认：{word}{p.department}的建议（{p.field_name}），理由：{p.reason}",
            )  # fmt: skip
    return SettledStep(
        tuple(p.id for p in accepted), tuple(p.id for p in rejected), tuple(before),
        tuple(made), tuple(targets),
    )  # fmt: skip


def _apply(
    db: Database,
    p: Proposal,
    had_deadline: dict[int, bool],
    made: list[Postponement],
    targets: list[tuple[int, int, Target | None]],
) -> None:
    resolved = json.loads(p.resolved) if p.resolved else None
    if p.field == "lead":
        assign(db, [p.task_id], lead=int(resolved))
    elif p.field == "cooperating":
        assign(db, [p.task_id], cooperating=[int(i) for i in resolved or []])
    elif p.field == "person":
        assign(db, [p.task_id], person=p.proposed_value)
    elif p.field == "deadline":
        if had_deadline.get(p.task_id):
            current = db.execute(
                "SELECT phrase FROM deadlines WHERE task_id = ?", [p.task_id]
            ).fetchone()
            if current is None or current[0] != p.proposed_value:
                made.append(
                    postpone(
                        db,
                        p.task_id,
                        p.proposed_value,
                        p.reason or "分工确认时处室提出",
                        "",
                        origin="confirmation",
                    )
                )
        else:
            assign(db, [p.task_id], deadline=p.proposed_value)
    else:
        period_id = int(resolved["period_id"])
        old = set_target(db, p.task_id, period_id, resolved["text"], resolved["percent"],
                         origin="confirmation")  # fmt: skip
        targets.append((p.task_id, period_id, old))


def undo_settlement(db: Database, step: SettledStep) -> None:
    """Take a ``settle`` back whole: the tasks as they were, the proposals undecided."""
    ids = [*step.accepted, *step.rejected]
    with db.atomic():
        for task_id, period_id, target in reversed(step.targets):
            restore_target(db, task_id, period_id, target)
        for postponement in reversed(step.postponements):
            _undo_postponement(db, postponement)
        if step.assignments:
            restore(db, step.assignments, action="confirmation.undo")
        for proposal in get_proposals(db, ids):
            db.execute(
                "UPDATE confirmation_proposals SET decision = NULL, decided_at = NULL WHERE id = ?",
                [proposal.id],
            )
            audit.record(
                db, "confirmation.undo", "task", proposal.task_id, plan_id=proposal.plan_id,
                field=proposal.field, old=proposal.decision, new=None,
                summary=f"撤销对{proposal.department}建议（{proposal.field_name}）的决定",
            )  # fmt: skip

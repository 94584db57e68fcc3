"""Checking returned 分工确认表 against the database: what recording them would store.

``preview_confirmations`` reads only. Per form: accepted, or rejected with the reason (not
a form Duban exported for this database and this plan as it is now, a feedback form given
instead, a form already read). Per row: 同意 with nothing proposed is agreed; 需调整 gives
one proposal per changed field (old → proposed, the department asking, its reason); a row
that cannot be taken says why (a changed or copied key, a name the directory does not know,
a 需调整 without its reason, …) and nothing of it is stored. ``db.confirmations`` records
the preview and decides the proposals.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from sqlite_utils import Database

from db.departments import find_department, list_departments
from db.errors import NotFound
from db.form_secret import form_stamp
from db.identity import DISCARDED, KEPT, lineage_of
from db.plans import get_plan
from db.progress import list_periods
from db.records import Department, ReportingPeriod, TaskRow
from db.supervision import plan_targets
from db.tasks import TaskFilter, list_tasks
from domain.confirm_forms import (
    ADJUST,
    AGREE,
    ConfirmForm,
    ConfirmRow,
    TargetText,
    parse_target,
    period_matches,
    split_names,
)
from domain.confirm_keys import (
    check_confirm_form_id,
    check_confirm_key,
    is_feedback_form_id,
    parse_confirm_key,
)
from domain.filled_forms import FormError
from domain.workflow import PROPOSAL_FIELDS

AGREED, ADJUSTED, EMPTY, PROBLEM = "agreed", "adjust", "empty", "problem"
ALREADY_READ = "already_read"  # ReplyForm.code of a file read before: nothing to record
BLANK = "blank"  # ReplyForm.code of a form sent back without one row answered
SHORT_TEXT = 40


class ProposedField:
    """What a proposal says, drafted or stored: the field it would change and the value it
    proposes, as a clerk reads them."""

    field: str
    proposed_value: str

    @property
    def field_name(self) -> str:
        return PROPOSAL_FIELDS[self.field]

    @property
    def shown(self) -> str:
        """The proposed value as a clerk reads it."""
        return shown_value(self.field, self.proposed_value)


@dataclass(frozen=True)
class ProposalDraft(ProposedField):
    """One field a department proposes to change, as it would be stored."""

    task_id: int
    code: str
    field: str  # a key of domain.workflow.PROPOSAL_FIELDS
    old_value: str  # shown as the documents show it
    proposed_value: str  # as stored: a name, a phrase, a JSON list of names (cooperating)
    resolved: str  # JSON: department ids, or the target's period, text and percent
    reason: str
    department_id: int
    department: str


def shown_value(field: str, stored: str) -> str:
    if field == "cooperating":
        try:
            return "、".join(json.loads(stored)) or "（无）"
        except ValueError:
            return stored
    return stored or "（无）"


@dataclass(frozen=True)
class ReplyRow:
    path: Path
    key_text: str
    task_id: int | None
    code: str
    task_text: str  # shortened
    kind: str  # AGREED ADJUSTED EMPTY PROBLEM
    reason: str  # why a row is a problem; "" otherwise
    proposals: tuple[ProposalDraft, ...] = ()


@dataclass(frozen=True)
class ReplyForm:
    path: Path
    accepted: bool
    reason: str  # why rejected ("" when accepted)
    department_id: int | None = None
    department: str = ""
    export_key: str = ""
    sha256: str = ""
    rows: tuple[ReplyRow, ...] = ()
    code: str = ""  # for a file that is not a readable form: FormError.code

    @property
    def message(self) -> str:
        return f"{self.path.name}: {self.reason}" if self.reason else self.path.name


@dataclass(frozen=True)
class ConfirmationPreview:
    plan_id: int
    forms: tuple[ReplyForm, ...]

    @property
    def rows(self) -> list[ReplyRow]:
        return [r for f in self.forms for r in f.rows]

    @property
    def proposals(self) -> list[ProposalDraft]:
        return [p for r in self.rows for p in r.proposals]

    @property
    def rejected_forms(self) -> list[ReplyForm]:
        return [f for f in self.forms if not f.accepted]

    @property
    def problems(self) -> list[ReplyRow]:
        return [r for r in self.rows if r.kind == PROBLEM]

    def count(self, kind: str) -> int:
        return sum(r.kind == kind for r in self.rows)


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SHORT_TEXT else text[: SHORT_TEXT - 1] + "…"


class _Context:
    def __init__(self, db: Database, plan_id: int) -> None:
        self.db = db
        self.plan = get_plan(db, plan_id)
        self.stamp = form_stamp(db, self.plan.id, self.plan.generation)
        self.departments: dict[int, Department] = {
            d.id: d for d in list_departments(db, include_retired=True)
        }
        self.tasks: dict[int, TaskRow] = {
            t.id: t for t in list_tasks(db, TaskFilter(plan_id=plan_id))
        }
        self.periods: list[ReportingPeriod] = list_periods(db, plan_id)
        self.targets = plan_targets(db, plan_id)
        self.read_files = {
            r[0]: r[1]
            for r in db.execute(
                "SELECT file_sha256, file_name FROM confirmation_replies WHERE plan_id = ?"
                " AND file_sha256 != ''",
                [plan_id],
            ).fetchall()
        }

    def name(self, department_id: int | None) -> str:
        dept = self.departments.get(department_id) if department_id is not None else None
        return dept.name if dept else ""


def _check_form(ctx: _Context, form: ConfirmForm) -> str:
    """Why the form is rejected, or ""."""
    fid = form.form_id
    if fid is None:
        if is_feedback_form_id(form.form_id_text):
            return "这是进展情况反馈表，不是分工确认表；反馈表请用“读入反馈表”（readback）读入"
        return (
            "找不到分工确认表的表格标识（duban-confirm…），无法确认这是哪个处室的确认表；"
            "请处室在导出的分工确认表上填写后发回"
        )
    if fid.plan_id != ctx.plan.id:
        try:
            other = f"“{get_plan(ctx.db, fid.plan_id).title}”"
        except NotFound:
            other = f"（编号{fid.plan_id}，已不在本数据库中）"
        return f"这份表属于另一个计划{other}，不属于当前计划“{ctx.plan.title}”"
    if not check_confirm_form_id(ctx.stamp, form.form_id_text):
        return (
            "表格标识被修改，或这份表不是从本数据库导出的，或计划导出后又重新导入过；"
            "请重新导出分工确认表发给处室填写"
        )
    lineage = lineage_of(ctx.db, fid.generation, fid.seq)
    if lineage != KEPT:
        return (
            "这份表是从恢复备份时已被放弃的数据导出的；请重新导出分工确认表发给处室填写"
            if lineage == DISCARDED
            else "这份表不是从本数据库当前的数据导出的；请重新导出分工确认表发给处室填写"
        )
    if fid.department_id not in ctx.departments:
        return f"填报单位（编号{fid.department_id}）不在处室名单中"
    if form.sha256 and form.sha256 in ctx.read_files:
        return f"这份表已读入过（{ctx.read_files[form.sha256]}），未重复记录"
    return ""


def _row(ctx: _Context, form: ConfirmForm, row: ConfirmRow) -> ReplyRow:
    assert form.form_id is not None
    dept = ctx.departments[form.form_id.department_id]
    key = parse_confirm_key(row.key_text)
    task = ctx.tasks.get(key.task_id) if key else None
    out = ReplyRow(
        form.path, row.key_text, key.task_id if key else None,
        task.code if task else row.code, _short(task.text) if task else "", PROBLEM, "",
    )  # fmt: skip
    if key is None:
        return replace(out, reason="校验码被修改或缺失")
    if key.department_id != dept.id:
        return replace(out, reason="这一行的校验码属于另一个处室（可能是从别的表复制来的）")
    claimed = ctx.stamp.of_form(ctx.plan.id, form.form_id.generation, form.form_id.seq, 2)
    if not check_confirm_key(claimed, row.key_text):
        return replace(out, reason="校验码被修改，或这一行是从另一份导出的表复制来的")
    if task is None:
        return replace(out, reason="这项任务已不在本计划中（可能已删除）")
    if task.lead_id != dept.id and dept.id not in task.cooperating_ids:
        return replace(out, reason=f"{dept.name}已不再牵头或配合这项任务")
    if row.empty:
        return replace(out, kind=EMPTY, reason="未填写")
    if row.agreement is None:
        return replace(out, reason="；".join(row.issues) or "“是否同意”未勾选或勾选了多项")
    if row.agreement == AGREE:
        if row.proposed:
            return replace(out, reason="勾选了“同意”，又填写了调整意见；请处室确认是同意还是需调整")
        return replace(out, kind=AGREED)
    assert row.agreement == ADJUST
    if not row.proposed:
        return replace(out, reason="勾选了“需调整”，但没有填写调整意见")
    if not row.reason.strip():
        return replace(out, reason="勾选了“需调整”，但没有填写理由")
    drafts, problems = [], []
    for field, written in row.proposed.items():
        made = _proposal(ctx, task, dept, field, written, row.reason.strip())
        if isinstance(made, str):
            problems.append(made)
        elif made is not None:
            drafts.append(made)
    if problems:
        return replace(out, reason="；".join(problems))
    if not drafts:
        return replace(out, reason="勾选了“需调整”，但所填调整意见与现有分工相同")
    return replace(out, kind=ADJUSTED, proposals=tuple(drafts))


def _department(ctx: _Context, name: str) -> Department | str:
    found = find_department(ctx.db, name)
    if found is None:
        return f"“{name}”不在处室名单中（可在处室名录中为该处室添加别名后重新读入）"
    return found


def _proposal(
    ctx: _Context, task: TaskRow, dept: Department, field: str, written: str, reason: str
) -> ProposalDraft | str | None:
    """The proposal for one field, why it cannot be taken, or None when it changes nothing."""
    written = " ".join(written.split())
    draft = ProposalDraft(task.id, task.code, field, "", "", "", reason, dept.id, dept.name)
    if field == "lead":
        found = _department(ctx, written)
        if isinstance(found, str):
            return "牵头处室" + found
        if found.id == task.lead_id and dept.id == task.lead_id:
            return None  # the lead naming itself changes nothing
        # A cooperating department naming the present lead says "it should stay there": a
        # proposal of its own, so that it stands beside the lead's wish to hand the task on.
        return replace(draft, old_value=task.lead, proposed_value=found.name,
                       resolved=json.dumps(found.id))  # fmt: skip
    if field == "cooperating":
        ids, names = [], []
        for name in split_names(written):
            found = _department(ctx, name)
            if isinstance(found, str):
                return "配合处室" + found
            if found.id not in ids:
                ids.append(found.id)
                names.append(found.name)
        if set(ids) == set(task.cooperating_ids):
            return None
        return replace(
            draft, old_value="、".join(task.cooperating),
            proposed_value=json.dumps(names, ensure_ascii=False), resolved=json.dumps(ids),
        )  # fmt: skip
    if field == "deadline":
        old = task.deadline.phrase if task.deadline else ""
        if written == old:
            return None
        return replace(draft, old_value=old, proposed_value=written, resolved="")
    if field == "person":
        if written == task.person:
            return None
        return replace(draft, old_value=task.person, proposed_value=written, resolved="")
    return _target(ctx, task, draft, written)


def _target(
    ctx: _Context, task: TaskRow, draft: ProposalDraft, written: str
) -> ProposalDraft | str | None:
    parsed = parse_target(written)
    if isinstance(parsed, str):
        return parsed
    assert isinstance(parsed, TargetText)
    periods = [p for p in ctx.periods if period_matches(parsed.period, p.name)]
    if len(periods) != 1:
        names = "、".join(p.name for p in ctx.periods[:6]) or "（本计划还没有报告期）"
        return f"阶段目标的期次“{parsed.period}”对应不到本计划的一个报告期（{names}）"
    period = periods[0]
    old = next((t for t in ctx.targets.get(task.id, []) if t.period_id == period.id), None)
    if old is not None and (old.text, old.percent) == (parsed.text, parsed.percent):
        return None
    percent = f"，{parsed.percent}%" if parsed.percent is not None else ""
    old_text = ""
    if old is not None:
        old_percent = f"，{old.percent}%" if old.percent is not None else ""
        old_text = f"{period.name}：{old.text}{old_percent}"
    resolved = {"period_id": period.id, "text": parsed.text, "percent": parsed.percent}
    return replace(
        draft, old_value=old_text, proposed_value=f"{period.name}：{parsed.text}{percent}",
        resolved=json.dumps(resolved, ensure_ascii=False),
    )  # fmt: skip


def preview_confirmations(
    db: Database, forms: Sequence[ConfirmForm | FormError], *, plan_id: int
) -> ConfirmationPreview:
    """What recording ``forms`` for ``plan_id`` would store, form by form and row by row.
    Reads only."""
    ctx = _Context(db, plan_id)
    out: list[ReplyForm] = []
    seen: dict[str, Path] = {}
    for form in forms:
        if isinstance(form, FormError):
            out.append(ReplyForm(Path(form.path or ""), False, form.reason, code=form.code))
            continue
        reason = _check_form(ctx, form)
        if not reason and form.sha256 in seen:
            reason = f"与“{seen[form.sha256].name}”是同一份文件，只读入一次"
        if reason:
            again = form.sha256 in ctx.read_files or form.sha256 in seen
            code = ALREADY_READ if again and form.form_id is not None else ""
            out.append(ReplyForm(form.path, False, reason, sha256=form.sha256, code=code))
            continue
        assert form.form_id is not None
        seen[form.sha256] = form.path
        dept = ctx.departments[form.form_id.department_id]
        rows = tuple(_row(ctx, form, r) for r in form.rows)
        if all(r.kind == EMPTY for r in rows):  # sent back untouched: not an answer
            reason = "表中没有勾选或填写任何一行，未记录；请处室填写后发回"
            out.append(ReplyForm(form.path, False, reason, dept.id, dept.name, code=BLANK))
            continue
        out.append(
            ReplyForm(form.path, True, "", dept.id, dept.name, form.form_id.export_key,
                      form.sha256, rows)
        )  # fmt: skip
    return ConfirmationPreview(plan_id, tuple(out))

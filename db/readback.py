"""Taking returned feedback forms into the database: preview first, then apply.

``preview_readback`` checks every form read by ``exports.readback`` against this database
and says, per form and per row, what applying would do and why; ``apply_readback`` writes
what the preview allows, in one transaction. Nothing is written for a rejected form.

Decisions:
- A form is accepted only when its form id carries a valid MAC for this database and names
  this plan, this period and a known department (a retired one is still known). A form
  exported without a period (``P0``) belongs to no period and is rejected.
- A row is taken only when its key checks for this plan and names the form's department
  and period, and the task is still in the plan with that department still leading or
  cooperating on it.
- Only the LEAD department's report becomes the task's progress. A cooperating department's
  row is accepted and shown ("noted") but not written — the lead reports for the task (the
  office's rule: 牵头处室 reports). Exception: a task that has no lead now takes the
  cooperating department's report, so the work is not lost; if several departments report
  on one task, the newest form wins like any duplicate.
- A row with content but no readable status is rejected (the status is required and is
  never guessed); the clerk fixes the file and reads it again.
- Compared with the entry already stored for (task, period) on status, percent, progress,
  problems and next steps: none → "new"; equal → "unchanged"; different and stored LATER
  than the form was last saved → "conflict" (kept unless ``overwrite_conflicts``);
  different otherwise → "update".
- Two rows for the same task (two forms of one department, a form given twice): the row
  of the most recently saved form wins; a later file wins only if strictly newer. The
  other is "duplicate", and says which file won.
- ``apply_readback`` checks each entry again inside the transaction: one that changed since
  the preview is counted as a kept conflict, never overwritten unseen.

The forms come in as ``domain.filled_forms``' dataclasses (read by ``exports.readback``)
and the keys are checked with ``domain.form_keys``; all SQL stays here and in the
repository functions this module calls.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlite_utils import Database

from db import audit
from db.departments import list_departments
from db.errors import InvalidValue, NotFound
from db.form_secret import form_secret
from db.plans import get_plan
from db.progress import get_period, get_progress, record_progress
from db.records import ProgressEntry
from db.tasks import TaskFilter, list_tasks
from domain.filled_forms import FilledForm, FilledRow, FormError
from domain.form_keys import check_form_id, check_row_key, parse_row_key

NEW, UPDATE, UNCHANGED, CONFLICT = "new", "update", "unchanged", "conflict"
EMPTY, NOTED, DUPLICATE, REJECTED = "empty", "noted", "duplicate", "rejected"
WRITES = (NEW, UPDATE, CONFLICT)
SHORT_TEXT = 40


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
    modified: dt.datetime | None = None  # when the form was saved
    reported_on: str | None = None  # its date, written as the entry's reported_on


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


# -- preview -------------------------------------------------------------------------------


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SHORT_TEXT else text[: SHORT_TEXT - 1] + "…"


def _values(entry: ProgressEntry | None) -> EntryValues | None:
    if entry is None:
        return None
    return EntryValues(
        entry.status, entry.percent, entry.progress, entry.problems, entry.next_steps
    )


def _filled(row: FilledRow) -> EntryValues:
    return EntryValues(row.status, row.percent, row.progress, row.problems, row.next_steps)


def _stored_at(entry: ProgressEntry) -> dt.datetime:
    try:
        stamp = dt.datetime.fromisoformat(entry.updated_at)
    except ValueError:
        return dt.datetime.min.replace(tzinfo=dt.UTC)
    return stamp if stamp.tzinfo else stamp.astimezone()  # naive: local time


def _local(moment: dt.datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


class _Context:
    """What the checks need, read once."""

    def __init__(self, db: Database, plan_id: int, period_id: int) -> None:
        self.db = db
        self.secret = form_secret(db)
        self.plan = get_plan(db, plan_id)
        self.period = get_period(db, period_id)
        if self.period.plan_id != plan_id:
            raise InvalidValue(f"Period {period_id} belongs to another plan, not plan {plan_id}.")
        self.departments = {d.id: d for d in list_departments(db, include_retired=True)}
        self.tasks = {t.id: t for t in list_tasks(db, TaskFilter(plan_id=plan_id))}
        self.entries = {
            r["task_id"]: ProgressEntry(**r)
            for r in db.query("SELECT * FROM progress_entries WHERE period_id = ?", [period_id])
        }

    def plan_title(self, plan_id: int) -> str:
        try:
            return f"“{get_plan(self.db, plan_id).title}”"
        except NotFound:
            return f"已删除的计划（编号{plan_id}）"

    def period_name(self, period_id: int) -> str:
        if period_id == 0:
            return ""
        try:
            return f"“{get_period(self.db, period_id).name}”"
        except NotFound:
            return f"已删除的报告期（编号{period_id}）"


def _check_form(ctx: _Context, form: FilledForm) -> str:
    """Why the form is rejected, or ""."""
    fid = form.form_id
    if fid is None:
        return (
            "找不到表格标识（duban-feedback…），无法确认这是哪个处室、哪个报告期的反馈表；"
            "请处室在导出的原表上填写后发回"
        )
    if not check_form_id(ctx.secret, form.form_id_text):
        return "表格标识被修改，或这份表不是从本数据库导出的；请处室在本次下发的原表上填写"
    if fid.plan_id != ctx.plan.id:
        return (
            f"这份表属于另一个计划{ctx.plan_title(fid.plan_id)}，不属于当前计划“{ctx.plan.title}”"
        )
    if fid.period_id != ctx.period.id:
        if fid.period_id == 0:
            return f"这份表导出时没有选择报告期，不能作为“{ctx.period.name}”的反馈导入"
        return (
            f"这份表是{ctx.period_name(fid.period_id)}的反馈表，不是“{ctx.period.name}”的；"
            "请改选该期次单独读入，或请处室填报本期的表"
        )
    if fid.department_id not in ctx.departments:
        return f"填报单位（编号{fid.department_id}）不在处室名单中"
    return ""


def _row(ctx: _Context, form: FilledForm, row: FilledRow) -> PreviewRow:
    fid = form.form_id
    assert fid is not None
    dept = ctx.departments[fid.department_id]
    key = parse_row_key(row.key_text)
    task = ctx.tasks.get(key.task_id) if key else None
    out = PreviewRow(
        path=form.path,
        key_text=row.key_text,
        task_id=key.task_id if key else None,
        code=task.code if task else row.code,
        task_text=_short(task.text) if task else "",
        department_id=dept.id,
        department=dept.name,
        role="",
        kind=REJECTED,
        reason="",
        old=None,
        new=_filled(row),
        issues=tuple(row.issues),
        modified=form.modified,
        reported_on=form.modified.astimezone().date().isoformat(),
    )
    if key is None or not check_row_key(ctx.secret, ctx.plan.id, row.key_text):
        return replace(out, reason="校验码被修改或不属于本计划")
    if (key.department_id, key.period_id) != (fid.department_id, fid.period_id):
        return replace(out, reason="这一行的校验码属于另一个处室或报告期（可能是从别的表复制来的）")
    if task is None:
        return replace(out, reason="这项任务已不在本计划中（可能已删除）")
    if task.lead_id == dept.id:
        role = "lead"
    elif dept.id in task.cooperating_ids:
        role = "cooperating"
    else:
        return replace(out, reason=f"{dept.name}已不再牵头或配合这项任务")
    old = ctx.entries.get(task.id)
    out = replace(out, role=role, old=_values(old))
    if row.empty:
        return replace(out, kind=EMPTY, reason="未填写")
    if row.status is None:
        return replace(out, reason="；".join(row.issues) or "状态未勾选或勾选了多项")
    if role == "cooperating" and task.lead_id is not None:
        lead = ctx.departments.get(task.lead_id)
        reason = f"配合处室的反馈，仅供参考；任务进展以牵头处室{lead.name if lead else ''}填报为准"
        return replace(out, kind=NOTED, reason=reason)
    if old is None:
        kind, reason = NEW, "新填报"
    elif _values(old) == out.new:
        kind, reason = UNCHANGED, "与已有记录相同"
    elif _stored_at(old) > form.modified:
        kind = CONFLICT
        reason = (
            f"已有记录更新于{_local(_stored_at(old))}，晚于这份表的保存时间"
            f"{_local(form.modified)}，未覆盖"
        )
    else:
        kind, reason = UPDATE, "更新已有记录"
    if role == "cooperating":
        reason += "（任务暂无牵头处室，采用配合处室的填报）"
    return replace(out, kind=kind, reason=reason)


_COMPARED = (NEW, UPDATE, UNCHANGED, CONFLICT)


def _settle_duplicates(forms: list[PreviewForm]) -> list[PreviewForm]:
    """One row per task may be written: the most recently saved form's (ties: the first)."""
    winners: dict[int, PreviewRow] = {}
    for form in forms:
        for row in form.rows:
            if row.kind not in _COMPARED or row.task_id is None:
                continue
            best = winners.get(row.task_id)
            if best is None or (row.modified and best.modified and row.modified > best.modified):
                winners[row.task_id] = row
    out = []
    for form in forms:
        rows = []
        for row in form.rows:
            best = winners.get(row.task_id) if row.task_id is not None else None
            if best is not None and best is not row and row.kind in _COMPARED:
                when = _local(best.modified) if best.modified else ""
                reason = f"同一任务在“{best.path.name}”（保存于{when}）中有更新的填报，以该表为准"
                if best.path == row.path:
                    reason = "同一份表重复读入，只导入一次"
                row = replace(row, kind=DUPLICATE, reason=reason)
            rows.append(row)
        out.append(replace(form, rows=tuple(rows)))
    return out


def preview_readback(
    db: Database, forms: Sequence[FilledForm | FormError], *, plan_id: int, period_id: int
) -> ReadbackPreview:
    """What applying ``forms`` to ``period_id`` of ``plan_id`` would do, form by form and row
    by row. Reads only."""
    ctx = _Context(db, plan_id, period_id)
    previews: list[PreviewForm] = []
    for form in forms:
        if isinstance(form, FormError):
            previews.append(PreviewForm(Path(form.path or ""), False, form.reason, code=form.code))
            continue
        reason = _check_form(ctx, form)
        if reason:
            previews.append(PreviewForm(form.path, False, reason, modified=form.modified))
            continue
        assert form.form_id is not None
        dept = ctx.departments[form.form_id.department_id]
        rows = tuple(_row(ctx, form, r) for r in form.rows)
        note = "" if rows else "表中没有找到带校验码的任务行"
        previews.append(PreviewForm(form.path, True, note, dept.id, dept.name, form.modified, rows))
    return ReadbackPreview(plan_id, period_id, ctx.period.name, tuple(_settle_duplicates(previews)))


# -- apply ---------------------------------------------------------------------------------


def apply_readback(
    db: Database,
    preview: ReadbackPreview,
    *,
    overwrite_conflicts: bool = False,
    reporter_default: str = "",
) -> ApplyResult:
    """Write the new and changed entries of ``preview`` (and the conflicts, when asked) in
    one transaction, with source "readback" on the entries and their audit rows."""
    counts = dict.fromkeys((NEW, UPDATE, UNCHANGED, "kept", REJECTED, NOTED, EMPTY, DUPLICATE), 0)
    counts[REJECTED] = len(preview.rejected_forms)
    written: list[int] = []
    previous = audit._context(db)
    audit.set_audit_context(db, "readback", previous.actor)
    try:
        with db.atomic():
            for row in preview.rows:
                if row.kind not in WRITES:
                    counts[row.kind] += 1
                    continue
                if row.kind == CONFLICT and not overwrite_conflicts:
                    counts["kept"] += 1
                    continue
                assert row.task_id is not None and row.new is not None
                current = _values(get_progress(db, row.task_id, preview.period_id))
                if current != row.old:  # changed since the preview: never overwrite unseen
                    counts["kept"] += 1
                    continue
                if current == row.new:
                    counts[UNCHANGED] += 1
                    continue
                assert row.new.status is not None
                record_progress(
                    db,
                    row.task_id,
                    preview.period_id,
                    status=row.new.status,
                    percent=row.new.percent,
                    progress=row.new.progress,
                    problems=row.new.problems,
                    next_steps=row.new.next_steps,
                    reporter=row.department or reporter_default,
                    reported_on=row.reported_on,
                    source="readback",
                )
                written.append(row.task_id)
                counts[NEW if row.kind == NEW else UPDATE] += 1
    finally:
        audit.set_audit_context(db, previous.source, previous.actor)
    return ApplyResult(
        new=counts[NEW],
        updated=counts[UPDATE],
        unchanged=counts[UNCHANGED],
        conflicts_kept=counts["kept"],
        rejected=counts[REJECTED],
        noted=counts[NOTED],
        empty=counts[EMPTY],
        duplicates=counts[DUPLICATE],
        written=tuple(written),
    )

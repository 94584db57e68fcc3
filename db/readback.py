"""Taking returned feedback forms into the database: preview first, then apply.

``preview_readback`` checks every form read by ``exports.readback`` against this database
and says, per form and per row, what applying would do and why; ``apply_readback`` writes
what the preview allows, in one transaction. Nothing is written for a rejected form.

Decisions:
- A form is accepted only when its form id carries a valid MAC for this database (its
  identity and secret) and for the plan as it is now (its generation: a plan imported again
  has a new one), names this plan, this period and a known department (a retired one is
  still known), and was exported from the live history of the database: a form exported
  from content that a restore threw away is rejected, whatever its ids (``db.identity``).
  A form exported without a period (``P0``) belongs to no period and is rejected. Forms of
  the first format (``v1``, before forms named their export) are taken as exported just
  before the upgrade that introduced the new one.
- A row is taken only when its key was printed in this form's export (a key copied from
  another form no longer checks) and names the form's department and period, and the task
  is still in the plan with that department still leading or cooperating on it.
- Only the LEAD department's report becomes the task's progress. A cooperating department's
  row is accepted and shown ("noted") but not written — the lead reports for the task (the
  office's rule: 牵头处室 reports). Exception: a task that has no lead now takes the
  cooperating department's report, so the work is not lost; if several departments report
  on one task, the newest form wins like any duplicate.
- A row with content but no readable status is rejected (the status is required and is
  never guessed); the clerk fixes the file and reads it again.
- Compared with the entry already stored for (task, period) on status, percent, progress,
  problems and next steps: none → "new"; equal → "unchanged"; different → decided by what
  the database knows, never by the date the sender's computer wrote into the file:
  the entry was read from the same form export before (an earlier version of this form) →
  "update", unless the version stored was saved later than this one by the same sender
  ("conflict"); the entry was written after the form was exported (the database's change
  sequence, not a clock) → "conflict" (kept unless ``overwrite_conflicts``); otherwise →
  "update". A save time later than this computer's clock is not believed at all.
- Two rows for the same task (two forms of one department, a form given twice): the row
  of the later export wins; of two versions of one export, the later saved (a save time
  in the future counts for nothing); a later file wins only if strictly newer. The other
  is "duplicate", and says which file won.
- ``apply_readback`` checks each entry again inside the transaction: one that changed since
  the preview is counted as a kept conflict, never overwritten unseen.

The forms come in as ``domain.filled_forms``' dataclasses (read by ``exports.readback``)
and the keys are checked with ``domain.form_keys``; all SQL stays here and in the
repository functions this module calls.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from sqlite_utils import Database

from db import audit
from db.departments import list_departments
from db.errors import InvalidValue, NotFound
from db.form_secret import form_stamp
from db.identity import DISCARDED, KEPT, database_identity, generations, lineage_of
from db.plans import get_plan
from db.progress import get_period, get_progress, record_progress
from db.readback_records import (
    CONFLICT,
    DUPLICATE,
    EMPTY,
    FUTURE_TOLERANCE,
    NEW,
    NOTED,
    REJECTED,
    SHORT_TEXT,
    UNCHANGED,
    UPDATE,
    WRITES,
    ApplyResult,
    EntryValues,
    PreviewForm,
    PreviewRow,
    ReadbackPreview,
)
from db.records import ProgressEntry
from db.tasks import TaskFilter, list_tasks
from domain.confirm_keys import CONFIRM_PREFIX
from domain.filled_forms import FilledForm, FilledRow, FormError
from domain.form_keys import (
    GENERATION_DIGITS,
    FormId,
    FormStamp,
    check_form_id,
    check_row_key,
    parse_row_key,
)

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


def _local(moment: dt.datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def believed_save_time(
    modified: dt.datetime | None, now: dt.datetime | None = None
) -> dt.datetime | None:
    """The save time a form states, unless it lies in this computer's future (a forged or
    wrongly set clock): then it counts for nothing."""
    if modified is None:
        return None
    now = now or dt.datetime.now(dt.UTC)
    return None if modified > now + FUTURE_TOLERANCE else modified


class _Context:
    """What the checks need, read once."""

    def __init__(self, db: Database, plan_id: int, period_id: int) -> None:
        self.db = db
        self.identity = database_identity(db)
        self.plan = get_plan(db, plan_id)
        self.stamp = form_stamp(db, self.plan.id, self.plan.generation)
        self.first_generation = generations(db)[0].generation[:GENERATION_DIGITS]
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

    def form_stamp(self, fid: FormId) -> FormStamp | None:
        """The stamp the form claims, for checking its keys (None: its plan is gone)."""
        try:
            plan = self.plan if fid.plan_id == self.plan.id else get_plan(self.db, fid.plan_id)
        except NotFound:
            return None
        stamp = replace(self.stamp, plan_generation=plan.generation)
        return stamp.of_form(fid.plan_id, fid.generation, fid.seq, fid.version)

    def export_seq(self, fid: FormId) -> int:
        """The change sequence of the form's export (a first-format form: the upgrade's)."""
        return fid.seq if fid.version >= 2 else self.identity.legacy_forms_seq

    def lineage(self, fid: FormId) -> str:
        generation = fid.generation if fid.version >= 2 else self.first_generation
        return lineage_of(self.db, generation, self.export_seq(fid))


def _check_form(ctx: _Context, form: FilledForm) -> str:
    """Why the form is rejected, or ""."""
    fid = form.form_id
    if fid is None and form.form_id_text.strip().startswith(CONFIRM_PREFIX + ":"):
        return "这是分工确认表，不是进展情况反馈表；分工确认表请用“confirm-readback”读入"
    if fid is None:
        return (
            "找不到表格标识（duban-feedback…），无法确认这是哪个处室、哪个报告期的反馈表；"
            "请处室在导出的原表上填写后发回"
        )
    stamp = ctx.form_stamp(fid)
    if stamp is None:  # its plan is gone, so its signature cannot be checked either
        return (
            f"表格标识被修改，或这份表属于另一个计划{ctx.plan_title(fid.plan_id)}，"
            f"不属于当前计划“{ctx.plan.title}”"
        )
    if not check_form_id(stamp, form.form_id_text):
        return (
            "表格标识被修改，或这份表不是从本数据库导出的，或计划导出后又重新导入过；"
            "请处室在本次下发的原表上填写"
        )
    if fid.plan_id != ctx.plan.id:
        return (
            f"这份表属于另一个计划{ctx.plan_title(fid.plan_id)}，不属于当前计划“{ctx.plan.title}”"
        )
    lineage = ctx.lineage(fid)
    if lineage != KEPT:
        return (
            "这份表是从恢复备份时已被放弃的数据导出的（导出之后数据库恢复到了更早的备份），"
            "表中的任务编号可能已对应别的任务；请重新导出反馈表发给处室填写"
            if lineage == DISCARDED
            else "这份表不是从本数据库当前的数据导出的（可能来自另一份数据库或已放弃的副本）；"
            "请重新导出反馈表发给处室填写"
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
    stamp = ctx.form_stamp(fid)
    assert stamp is not None
    dept = ctx.departments[fid.department_id]
    key = parse_row_key(row.key_text)
    task = ctx.tasks.get(key.task_id) if key else None
    saved = believed_save_time(form.modified)
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
        modified=saved,
        reported_on=(saved or dt.datetime.now(dt.UTC)).astimezone().date().isoformat(),
        export_key=fid.export_key,
        export_seq=ctx.export_seq(fid),
    )
    if key is None:
        return replace(out, reason="校验码被修改或不属于本计划")
    if (key.department_id, key.period_id) != (fid.department_id, fid.period_id):
        return replace(out, reason="这一行的校验码属于另一个处室或报告期（可能是从别的表复制来的）")
    if not check_row_key(stamp, row.key_text):
        return replace(out, reason="校验码被修改，或这一行是从另一份导出的表复制来的")
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
    kind, reason = _compare(old, out)
    if role == "cooperating":
        reason += "（任务暂无牵头处室，采用配合处室的填报）"
    return replace(out, kind=kind, reason=reason)


def _stored_saved_at(entry: ProgressEntry) -> dt.datetime | None:
    if not entry.form_saved_at:
        return None
    try:
        return dt.datetime.fromisoformat(entry.form_saved_at)
    except ValueError:
        return None


def _compare(old: ProgressEntry | None, row: PreviewRow) -> tuple[str, str]:
    """(kind, reason) for a lead's row against the entry stored for its task and period."""
    if old is None:
        return NEW, "新填报"
    if _values(old) == row.new:
        return UNCHANGED, "与已有记录相同"
    if old.form_export and old.form_export == row.export_key:  # this form, read before
        stored = _stored_saved_at(old)
        if stored is not None and row.modified is not None and stored > row.modified:
            return CONFLICT, (
                f"已读入同一份表保存于{_local(stored)}的版本，比这一份（保存于"
                f"{_local(row.modified)}）新，未覆盖"
            )
        return UPDATE, "同一份表的新版本，更新已读入的记录"
    if old.recorded_seq > row.export_seq:
        return CONFLICT, (
            f"已有记录录入于这份表导出之后（{old.updated_at[:16].replace('T', ' ')}），"
            "处室填表时看不到，未覆盖"
        )
    return UPDATE, "更新已有记录"


def _newer(row: PreviewRow, best: PreviewRow) -> bool:
    """Whether ``row`` comes from a later export than ``best``, or is a later saved version
    of the same export."""
    if row.export_seq != best.export_seq:
        return row.export_seq > best.export_seq
    if row.modified is None:  # no save time, or one not believed: it proves nothing
        return False
    return best.modified is None or row.modified > best.modified


_COMPARED = (NEW, UPDATE, UNCHANGED, CONFLICT)


def _settle_duplicates(forms: list[PreviewForm]) -> list[PreviewForm]:
    """One row per task may be written: the most recently saved form's (ties: the first)."""
    winners: dict[int, PreviewRow] = {}
    for form in forms:
        for row in form.rows:
            if row.kind not in _COMPARED or row.task_id is None:
                continue
            best = winners.get(row.task_id)
            if best is None or _newer(row, best):
                winners[row.task_id] = row
    out = []
    for form in forms:
        rows = []
        for row in form.rows:
            best = winners.get(row.task_id) if row.task_id is not None else None
            if best is not None and best is not row and row.kind in _COMPARED:
                when = f"（保存于{_local(best.modified)}）" if best.modified else ""
                reason = f"同一任务在“{best.path.name}”{when}中有更新的填报，以该表为准"
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
                    form_export=row.export_key,
                    form_saved_at=row.modified.isoformat() if row.modified else None,
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

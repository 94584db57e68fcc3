"""Reading what a document needs: a plan's tasks with their assignment and their progress
as of a reporting period. The documents are then rendered from this data alone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlite_utils import Database

from db.departments import list_departments
from db.plan_targets import effective_targets
from db.plans import get_plan, list_outline
from db.progress import get_period
from db.records import Department, OutlineNode, Plan, ReportingPeriod
from db.settings import all_settings
from db.supervision import (
    Instruction,
    Postponement,
    Target,
    plan_instructions,
    plan_postponements,
)
from db.tasks import TaskFilter, list_tasks
from domain.outline import ITEM, SUBITEM
from domain.script import is_traditional
from domain.statuses import DONE, category, is_overdue
from domain.warnings import Light, Thresholds, light_for


@dataclass(frozen=True)
class ReportTask:
    id: int
    code: str
    text: str
    section_id: int | None
    section_label: str
    section_title: str
    item_id: int | None
    item_label: str
    item_title: str
    lead: str
    lead_id: int | None
    cooperating: tuple[str, ...]
    cooperating_ids: tuple[int, ...]
    leader: str
    deadline: str  # the phrase as written
    due_on: str | None
    deadline_kind: str
    status: str | None  # this period's report, else the latest one before it
    percent: int | None
    progress: str  # this period's 进展情况 / 存在问题 / 下步打算 ("" when not reported)
    problems: str
    next_steps: str
    # Reported for this period; without a period (as of a date): reported at all.
    reported: bool
    reported_on: str | None
    as_of: dt.date
    light: Light | None = None  # the warning light as of the report date, with its reason
    person: str = ""  # 责任人 in the lead department
    # The latest report before this period (上期进展), if any.
    earlier_period: str = ""
    earlier_status: str | None = None
    earlier_percent: int | None = None
    earlier_progress: str = ""
    # The 督办 workflow (docs/workflow.md): the period's 阶段目标 (entered or from the plan),
    # 重点督办, 来源, every 延期 oldest first, and the 领导批示 in date order.
    target: Target | None = None
    focus: bool = False
    source: str = ""
    postponements: tuple[Postponement, ...] = ()
    instructions: tuple[Instruction, ...] = ()

    @property
    def original_deadline(self) -> str:
        """The deadline before the first 延期 ("" when never postponed)."""
        return self.postponements[0].old_phrase if self.postponements else ""

    @property
    def due(self) -> dt.date | None:
        return dt.date.fromisoformat(self.due_on) if self.due_on else None

    @property
    def done(self) -> bool:
        return self.status == DONE

    @property
    def category(self) -> str:
        """Its category in a report (``domain.statuses``): 已完成, what it reported for the
        period, or 未报送."""
        return category(self.status, self.reported)

    @property
    def done_earlier(self) -> bool:
        """Done, and reported so in an earlier period (nothing to report this period)."""
        return self.done and not self.reported

    @property
    def days_overdue(self) -> int:
        """Days past the deadline as of the report date (0 when not overdue)."""
        due = self.due
        if not is_overdue(self.status, due, self.as_of) or due is None:
            return 0
        return (self.as_of - due).days

    @property
    def overdue(self) -> bool:
        return self.days_overdue > 0

    @property
    def days_left(self) -> int | None:
        due = self.due
        return None if due is None else (due - self.as_of).days


@dataclass(frozen=True)
class DocumentSettings:
    """What the office's settings say documents carry (``db.settings``)."""

    office: str = ""
    signatory: str = ""
    doc_number: str = ""  # 发文字号
    issue: str = ""  # 期号 of a 通报
    requirements: str = ""  # 下步工作要求, one paragraph per line
    copy_to: str = ""  # 抄送
    printed_by: str = ""  # 印发机关 ("" = the office)
    imprint: bool = False  # print the 版记

    @property
    def signer(self) -> str:
        """The 署名: the signatory, else the office, else 办公室."""
        return self.signatory or self.office or "办公室"

    @classmethod
    def from_values(cls, values: dict[str, object]) -> DocumentSettings:
        def text(key: str) -> str:
            return str(values.get(key) or "").strip()

        return cls(
            office=text("office.name"),
            signatory=text("office.signatory"),
            doc_number=text("documents.doc_number"),
            issue=text("report.issue"),
            requirements=str(values.get("report.requirements") or ""),
            copy_to=text("report.copy_to"),
            printed_by=text("report.printed_by"),
            imprint=bool(values.get("report.imprint")),
        )


@dataclass(frozen=True)
class PlanReport:
    plan: Plan
    period: ReportingPeriod | None
    as_of: dt.date
    sections: tuple[OutlineNode, ...]
    tasks: tuple[ReportTask, ...]
    departments: tuple[Department, ...]  # official order
    office: str
    signatory: str
    settings: DocumentSettings = DocumentSettings()
    # The plan is written in Traditional characters: the documents' fixed words follow it.
    traditional: bool = False
    items: tuple[OutlineNode, ...] = ()  # the plan's items (and sub-items), in order


def collect(
    db: Database,
    plan_id: int,
    *,
    period_id: int | None = None,
    as_of: dt.date | None = None,
    department_ids: Sequence[int] = (),
) -> PlanReport:
    """Everything a document about ``plan_id`` needs, as of a period (or a date).

    ``department_ids`` keeps the tasks those departments lead or cooperate on.
    """
    plan = get_plan(db, plan_id)
    period = get_period(db, period_id) if period_id is not None else None
    if as_of is None:
        as_of = dt.date.fromisoformat(period.ends_on) if period else dt.date.today()
    rows = list_tasks(db, TaskFilter(plan_id=plan_id))
    if department_ids:
        wanted = set(department_ids)
        rows = [r for r in rows if r.lead_id in wanted or wanted & set(r.cooperating_ids)]
    entries = _progress(db, plan_id, period)
    period_names = {p.id: p.name for p in _periods(db, plan_id)}
    values = all_settings(db)
    limits = Thresholds.from_settings(values)
    year_start = dt.date(plan.year or as_of.year, 1, 1)
    targets = effective_targets(db, period.id) if period is not None else {}
    postponed = plan_postponements(db, plan_id)
    instructed = plan_instructions(db, plan_id)
    tasks = []
    for r in rows:
        target = targets.get(r.id)
        this, earlier = entries.get(r.id, (None, None))
        entry = this or earlier
        this_period = this is not None
        tasks.append(
            ReportTask(
                id=r.id,
                code=r.code,
                text=r.text,
                section_id=r.section_id,
                section_label=r.section_label,
                section_title=r.section_title,
                item_id=r.item_id,
                item_label=r.item_label,
                item_title=r.item_title,
                lead=r.lead,
                lead_id=r.lead_id,
                cooperating=r.cooperating,
                cooperating_ids=r.cooperating_ids,
                leader=r.leader,
                deadline=r.deadline.phrase if r.deadline else "",
                due_on=r.deadline.due_on if r.deadline else None,
                deadline_kind=r.deadline.kind if r.deadline else "",
                status=entry["status"] if entry else None,
                percent=entry["percent"] if entry else None,
                progress=this["progress"] if this else "",
                problems=this["problems"] if this else "",
                next_steps=this["next_steps"] if this else "",
                reported=this_period if period is not None else entry is not None,
                reported_on=entry["reported_on"] if entry else None,
                as_of=as_of,
                light=light_for(
                    due=dt.date.fromisoformat(r.deadline.due_on)
                    if r.deadline and r.deadline.due_on
                    else None,
                    deadline_kind=r.deadline.kind if r.deadline else "",
                    status=entry["status"] if entry else None,
                    percent=entry["percent"] if entry else None,
                    as_of=as_of,
                    year_start=year_start,
                    thresholds=limits,
                    target_percent=target.percent if target is not None else None,
                ),
                person=r.person,
                earlier_period=period_names.get(earlier["period_id"], "") if earlier else "",
                earlier_status=earlier["status"] if earlier else None,
                earlier_percent=earlier["percent"] if earlier else None,
                earlier_progress=earlier["progress"] if earlier else "",
                target=target,
                focus=r.focus,
                source=r.source,
                postponements=tuple(postponed.get(r.id, ())),
                instructions=tuple(instructed.get(r.id, ())),
            )
        )
    outline = list_outline(db, plan_id)
    sections = tuple(n for n in outline if n.parent_id is None)
    used = {t.lead_id for t in tasks} | {d for t in tasks for d in t.cooperating_ids}
    departments = tuple(
        d for d in list_departments(db, include_retired=True) if d.active or d.id in used
    )
    settings = DocumentSettings.from_values(values)
    sample = plan.title + "".join(t.text for t in tasks[:60])
    return PlanReport(
        plan,
        period,
        as_of,
        sections,
        tuple(tasks),
        departments,
        settings.office,
        settings.signatory,
        settings,
        is_traditional(sample),
        tuple(n for n in outline if n.kind in (ITEM, SUBITEM)),
    )


def _periods(db: Database, plan_id: int) -> list[ReportingPeriod]:
    from db.progress import list_periods

    return list_periods(db, plan_id)


def _progress(
    db: Database, plan_id: int, period: ReportingPeriod | None
) -> dict[int, tuple[dict | None, dict | None]]:
    """Each task's (entry for ``period``, latest entry before it). Without a period: (None,
    the latest entry)."""
    sql = (
        "SELECT e.*, p.ends_on AS period_end FROM progress_entries e"
        " JOIN reporting_periods p ON p.id = e.period_id WHERE p.plan_id = ?"
    )
    params: list[object] = [plan_id]
    if period is not None:
        sql += " AND p.ends_on <= ? AND p.id != ?"
        params += [period.ends_on, period.id]
    sql += " ORDER BY p.ends_on, p.id"
    earlier: dict[int, dict] = {}
    for row in db.query(sql, params):
        earlier[row["task_id"]] = row  # later periods overwrite earlier ones
    this: dict[int, dict] = {}
    if period is not None:
        for row in db.query(
            "SELECT e.* FROM progress_entries e WHERE e.period_id = ?", [period.id]
        ):
            this[row["task_id"]] = row
    return {t: (this.get(t), earlier.get(t)) for t in this.keys() | earlier.keys()}

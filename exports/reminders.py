"""催办通知: one notice per department for its tasks that are overdue or due soon.

Portrait A4: title, the department as 主送, one paragraph with the figures, the lists of
tasks, a closing paragraph with the date by which to report back, 署名 and 成文日期.

Decisions:
- The lead department is chased for its overdue and soon-due tasks; a cooperating
  department gets its part of the overdue ones (as 配合, with the lead named), so that it
  knows it is waited for. Done tasks never are chased, 暂缓 ones are while not done.
- 即将到期 is 0 ≤ days left ≤ ``due_within_days`` (a task due on the report date is due
  soon, not overdue). Lists are sorted by due date, plan order within a day.
- A list that is empty is left out; with one list there is no heading (no lone 一、),
  with several they are numbered 一、二、三、. A department with nothing to chase gets no
  notice.
- The department is addressed as 你处 / 你科 / 你室 after the last character of its name
  (你单位 otherwise). 序号 is the task's number in the plan, as in the 任务分解表.
- The closing paragraph and the sign-off stay together on one page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from db.records import Department
from db.reports import PlanReport, ReportTask
from exports.docx_base import OfficialDocument, new_document, set_core_properties
from exports.files import write_folder
from exports.job import ExportJob, Wording, use_doc_number
from exports.request import safe_file_name
from exports.stats import status_name
from exports.tables import Column, Row, TableSpec, add_table
from exports.text import chinese_date

TITLE = "关于加快推进重点工作任务落实的催办通知"
REPLY_DAYS = 5
NUMERALS = "一二三"


@dataclass(frozen=True)
class ReminderOptions:
    due_within_days: int = 15
    reply_by: dt.date | None = None  # default: the report date + 5 days
    template: str = ""
    issued_on: dt.date | None = None  # 成文日期; None: the report's as-of date


@dataclass(frozen=True)
class Chase:
    """What a department is chased for."""

    overdue: list[ReportTask]  # it leads them
    soon: list[ReportTask]  # it leads them
    helping: list[ReportTask]  # overdue, it cooperates on them

    def __bool__(self) -> bool:
        return bool(self.overdue or self.soon or self.helping)


def _by_due(task: ReportTask) -> str:
    return task.due_on or ""  # every task chased has a date (ISO strings sort by date)


def chase(report: PlanReport, department_id: int, options: ReminderOptions | None = None) -> Chase:
    options = options or ReminderOptions()
    open_tasks = [t for t in report.tasks if not t.done]
    led = [t for t in open_tasks if t.lead_id == department_id]
    overdue = [t for t in led if t.overdue]
    soon = [
        t
        for t in led
        if not t.overdue and t.days_left is not None and 0 <= t.days_left <= options.due_within_days
    ]
    helping = [
        t
        for t in open_tasks
        if t.overdue and t.lead_id != department_id and department_id in t.cooperating_ids
    ]
    return Chase(*(sorted(group, key=_by_due) for group in (overdue, soon, helping)))


def reminder_tasks(
    report: PlanReport, department_id: int, options: ReminderOptions | None = None
) -> tuple[list[ReportTask], list[ReportTask]]:
    """(overdue, due soon) among the not-done tasks ``department_id`` leads."""
    found = chase(report, department_id, options)
    return found.overdue, found.soon


def addressee(report: PlanReport, department: Department) -> str:
    words = Wording.of(report)
    last = {"處": "处"}.get(department.name.strip()[-1:], department.name.strip()[-1:])
    return words("你" + last) if last in ("处", "科", "室") else words("你单位")


def reply_date(report: PlanReport, options: ReminderOptions) -> dt.date:
    return options.reply_by or report.as_of + dt.timedelta(days=REPLY_DAYS)


def body_text(
    report: PlanReport, department: Department, found: Chase, options: ReminderOptions
) -> str:
    words = Wording.of(report)
    you = addressee(report, department)
    parts = []
    if found.overdue:
        parts.append(words("{n}项任务已超过完成时限", n=len(found.overdue)))
    if found.soon:
        parts.append(
            words("{n}项任务将在{days}天内到期", n=len(found.soon), days=options.due_within_days)
        )
    text = words("截至{day}，{plan}中", day=chinese_date(report.as_of), plan=report.plan.title)
    if parts:
        text += words("由{you}牵头的", you=you) + words("，").join(parts)
    if found.helping:
        text += "；" if parts else ""
        text += words("{you}配合的{n}项任务已超过完成时限", you=you, n=len(found.helping))
    return text + words("。具体如下：")


def closing_text(
    report: PlanReport, department: Department, found: Chase, options: ReminderOptions
) -> str:
    words = Wording.of(report)
    office = report.office or words("办公室")
    text = words(
        "请{you}高度重视，对照完成时限逐项分析原因，明确整改措施，抓紧推进落实，并于{day}前将"
        "上述任务的进展情况、存在问题和下步打算报送{office}。",
        you=addressee(report, department),
        day=chinese_date(reply_date(report, options)),
        office=office,
    )
    if found.helping:
        text += words("配合任务请主动对接牵头处室，共同推进。")
    return text


def _columns(report: PlanReport, last: str, fourth: str = "最近状态") -> list[Column]:
    """156 mm. The deadline as written and its date share one column (the date on its own
    line: 2020年12月31日 needs 40 mm), so the task text keeps most of the width."""
    words = Wording.of(report)
    width = 24 if fourth == "牵头处室" else 20
    return [
        Column(words("序号"), 15, "center"),  # 24-12 on one line
        Column(words("工作任务"), 81 - width),
        Column(words("完成时限"), 40, "center"),
        Column(words(last), 20, "center"),
        Column(words(fourth), width, "center"),
    ]


def _deadline(task: ReportTask) -> str:
    due = chinese_date(task.due) if task.due else ""
    return f"{task.deadline}\n{due}" if due and due != task.deadline else task.deadline


def overdue_table(report: PlanReport, tasks: list[ReportTask]) -> TableSpec:
    words = Wording.of(report)
    rows = [
        Row([t.code, t.text, _deadline(t), str(t.days_overdue), words(status_name(t))])
        for t in tasks
    ]
    return TableSpec(_columns(report, "逾期天数"), rows)


def soon_table(report: PlanReport, tasks: list[ReportTask]) -> TableSpec:
    words = Wording.of(report)
    rows = [
        Row([t.code, t.text, _deadline(t), str(t.days_left or 0), words(status_name(t))])
        for t in tasks
    ]
    return TableSpec(_columns(report, "剩余天数"), rows)


def helping_table(report: PlanReport, tasks: list[ReportTask]) -> TableSpec:
    names = {d.id: d.short_name or d.name for d in report.departments}
    rows = [
        Row([t.code, t.text, _deadline(t), str(t.days_overdue), names.get(t.lead_id, t.lead)])
        for t in tasks
    ]
    return TableSpec(_columns(report, "逾期天数", "牵头处室"), rows)


def render(
    report: PlanReport, department: Department, options: ReminderOptions | None = None
) -> OfficialDocument | None:
    """The notice for ``department``, or None when it has nothing to chase."""
    options = options or ReminderOptions()
    found = chase(report, department.id, options)
    if not found:
        return None
    words = Wording.of(report)
    doc = new_document(landscape=False, template=options.template or None)
    use_doc_number(doc, report)
    title = words(TITLE)
    doc.title(title)
    doc.blank()
    doc.paragraph(f"{department.name}：", "GW Plain")
    doc.paragraph(body_text(report, department, found, options))
    parts = [
        (words("已逾期任务"), found.overdue and overdue_table(report, found.overdue)),
        (words("即将到期任务"), found.soon and soon_table(report, found.soon)),
        (words("配合的逾期任务"), found.helping and helping_table(report, found.helping)),
    ]
    shown = [(heading, spec) for heading, spec in parts if spec]
    for index, (heading, spec) in enumerate(shown):
        if len(shown) > 1:
            doc.paragraph(f"{NUMERALS[index]}、{heading}", "GW H1")
        add_table(doc, spec)  # type: ignore[arg-type]
    doc.paragraph(closing_text(report, department, found, options), keep_next=True)
    doc.signature(report.settings.signer, options.issued_on or report.as_of)
    set_core_properties(doc.doc, title=title, author=report.office or "Duban",
                        subject=f"{report.plan.title}（{department.name}）",
                        keywords="催办通知")  # fmt: skip
    return doc


def render_all(
    report: PlanReport, options: ReminderOptions | None = None
) -> list[tuple[Department, OfficialDocument]]:
    """A notice for every department (official order) that has something to chase."""
    out = []
    for department in report.departments:
        doc = render(report, department, options)
        if doc is not None:
            out.append((department, doc))
    return out


def write(job: ExportJob) -> list[Path]:
    request = job.request
    options = ReminderOptions(
        due_within_days=request.due_within_days,
        reply_by=request.reply_by,
        template=job.template,
        issued_on=job.issued_on,
    )
    wanted = set(request.department_ids)
    documents = [
        (d, doc) for d, doc in render_all(job.report, options) if not wanted or d.id in wanted
    ]
    files = [
        (f"{index:02d}-{safe_file_name(d.name)}-催办通知.docx", doc.to_bytes)
        for index, (d, doc) in enumerate(documents, start=1)
    ]
    return write_folder(job.folder(), files, job.progress)

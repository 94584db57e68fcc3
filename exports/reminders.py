"""催办通知: one notice per department for the tasks it leads that are overdue or due soon.

Portrait A4: title, the department as 主送, one paragraph with the figures and the date by
which to report back, 一、已逾期任务 and 二、即将到期任务 as tables, 署名 and 成文日期.

Decisions:
- Only tasks the department leads are chased (the lead reports for the task, 配合处室
  do not); done tasks never are, 暂缓 ones are while not done.
- 即将到期 is 0 ≤ days left ≤ ``due_within_days`` (a task due on the report date is due
  soon, not overdue). Both lists are sorted by due date, plan order within a day.
- A list that is empty leaves out its heading and table; the numbering of the
  remaining one starts at 一. A department with nothing to chase gets no notice.
- The department is addressed as 你处 / 你科 / 你室 after the last character of its name
  (你单位 otherwise). 序号 is the task's number in the plan, as in the 任务分解表.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from db.records import Department
from db.reports import PlanReport, ReportTask
from exports.docx_base import OfficialDocument, new_document, set_core_properties
from exports.stats import status_name
from exports.tables import Column, Row, TableSpec, add_table
from exports.text import chinese_date

TITLE = "关于加快推进重点工作任务落实的催办通知"
REPLY_DAYS = 5


@dataclass(frozen=True)
class ReminderOptions:
    due_within_days: int = 15
    reply_by: dt.date | None = None  # default: the report date + 5 days
    template: str = ""


def reminder_tasks(
    report: PlanReport, department_id: int, options: ReminderOptions | None = None
) -> tuple[list[ReportTask], list[ReportTask]]:
    """(overdue, due soon) among the not-done tasks ``department_id`` leads."""
    options = options or ReminderOptions()
    led = [t for t in report.tasks if t.lead_id == department_id and not t.done]
    overdue = [t for t in led if t.overdue]
    soon = [
        t
        for t in led
        if not t.overdue and t.days_left is not None and 0 <= t.days_left <= options.due_within_days
    ]
    return sorted(overdue, key=_by_due), sorted(soon, key=_by_due)


def _by_due(task: ReportTask) -> str:
    return task.due_on or ""  # every task chased has a date (ISO strings sort by date)


def addressee(department: Department) -> str:
    last = department.name.strip()[-1:]
    return f"你{last}" if last in ("处", "科", "室") else "你单位"


def reply_date(report: PlanReport, options: ReminderOptions) -> dt.date:
    return options.reply_by or report.as_of + dt.timedelta(days=REPLY_DAYS)


def body_text(
    report: PlanReport,
    department: Department,
    overdue: list[ReportTask],
    soon: list[ReportTask],
    options: ReminderOptions,
) -> str:
    parts = []
    if overdue:
        parts.append(f"{len(overdue)}项任务已超过完成时限")
    if soon:
        noun = "项" if overdue else "项任务"
        parts.append(f"{len(soon)}{noun}将在{options.due_within_days}日内到期")
    office = report.office or "办公室"
    return (
        f"截至{chinese_date(report.as_of)}，{report.plan.title}中由{addressee(department)}牵头的"
        f"{'，'.join(parts)}。请抓紧推进，并于{chinese_date(reply_date(report, options))}前"
        f"将进展情况报送{office}。"
    )


def _columns(last: str) -> list[Column]:
    """156 mm. The deadline as written and its date share one column (the date on its
    own line: 2020年12月31日 needs 36 mm once a space is set between Chinese characters
    and digits), so the task text keeps most of the width; 4-字 headers need 20 mm."""
    return [
        Column("序号", 12, "center"),
        Column("工作任务", 68),
        Column("完成时限", 36, "center"),
        Column(last, 20, "center"),
        Column("最近状态", 20, "center"),
    ]


def _row(task: ReportTask, figure: int) -> Row:
    due = chinese_date(task.due) if task.due else ""
    deadline = f"{task.deadline}\n{due}" if due and due != task.deadline else task.deadline
    return Row([task.code, task.text, deadline, str(figure), status_name(task)])


def overdue_table(tasks: list[ReportTask]) -> TableSpec:
    return TableSpec(_columns("逾期天数"), [_row(t, t.days_overdue) for t in tasks])


def soon_table(tasks: list[ReportTask]) -> TableSpec:
    return TableSpec(_columns("剩余天数"), [_row(t, t.days_left or 0) for t in tasks])


def render(
    report: PlanReport, department: Department, options: ReminderOptions | None = None
) -> OfficialDocument | None:
    """The notice for ``department``, or None when it has nothing to chase."""
    options = options or ReminderOptions()
    overdue, soon = reminder_tasks(report, department.id, options)
    if not overdue and not soon:
        return None
    doc = new_document(landscape=False, template=options.template or None)
    doc.title(TITLE)
    doc.blank()
    doc.paragraph(f"{department.name}：", "GW Plain")
    doc.paragraph(body_text(report, department, overdue, soon, options))
    parts = []
    if overdue:
        parts.append(("已逾期任务", overdue_table(overdue)))
    if soon:
        parts.append(("即将到期任务", soon_table(soon)))
    numerals = "一二"
    for index, (heading, spec) in enumerate(parts):
        doc.paragraph(f"{numerals[index]}、{heading}", "GW H1")
        add_table(doc, spec)
    office = report.office or "办公室"
    doc.signature(report.signatory or office, report.as_of)
    set_core_properties(doc.doc, title=TITLE, author=report.office or "Duban",
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

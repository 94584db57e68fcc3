"""工作进展情况通报: the office's report on the plan for one reporting period.

Portrait A4, in the order published 通报 use: title, 主送 (各处室：), an opening paragraph
with the figures, 一、总体进展情况 with a table per lead department, 二、各项任务进展情况
(every task under its section, with this period's 进展情况/存在问题/下步打算), 三、滞后和逾期
任务 with their reasons, optionally 四、下步工作要求, then 署名 and 成文日期.

Decisions:
- Every figure of the opening paragraph is written, zeros included (readers compare
  reports period by period). The sentence 本期应报送…未报送… needs a period: a report
  made for a date alone leaves it out, and the table then has no 未报送 column.
- The default title is broken into two lines (``\\n``) when it is wider than one line
  of the 2号 title (20 字): after 关于{plan} or before 进展情况, whichever gives the
  shorter longest line. A title given in the options is used exactly as typed (the clerk
  places the breaks, GB/T 9704 §7.3.1).
- Sections of the plan with no task in the report are left out; the （一）（二） numbering
  runs over the sections written. Tasks outside any section come last under 其他任务.
- A task's line in 二、 adds ，已逾期N天 after its status when it is overdue: the reported
  status (序时推进, say) would otherwise contradict the 逾期 count above it.
- 三、滞后和逾期任务 lists the tasks in plan order; 原因 is this period's 存在问题.
- Text with line breaks (pasted from Excel) becomes one paragraph per line, never a
  justified line ending in a break (Word and LibreOffice stretch such a line).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from db.reports import PlanReport, ReportTask
from domain.labels import int_to_zh
from exports.docx_base import OfficialDocument, new_document, set_core_properties
from exports.stats import Counts, category, count, status_name
from exports.tables import Column, Row, TableSpec, add_table
from exports.text import chinese_date, clean

TITLE_LINE_CHARS = 20  # 2号 (22 pt) characters in the 156 mm line
UNASSIGNED = "未分配"


@dataclass(frozen=True)
class ReportOptions:
    title: str = ""  # default: 关于{plan}{period}进展情况的通报, broken into lines
    recipients: str = "各处室"
    requirements: tuple[str, ...] = ()  # paragraphs of 四、下步工作要求
    template: str = ""


def text_width(text: str) -> float:
    """Width in 字: half-width characters count one half."""
    return sum(0.5 if ord(ch) < 0x2E80 else 1.0 for ch in text)


def period_phrase(report: PlanReport) -> str:
    if report.period is not None:
        return report.period.name
    return f"截至{chinese_date(report.as_of)}"


def title_for(report: PlanReport, options: ReportOptions) -> str:
    """The title, with a line break when it is wider than one line."""
    if options.title:
        return options.title
    head = f"关于{report.plan.title}"
    middle = period_phrase(report)
    tail = "进展情况的通报"
    whole = head + middle + tail
    if text_width(whole) <= TITLE_LINE_CHARS:
        return whole
    candidates = [(head, middle + tail), (head + middle, tail)]
    first, second = min(candidates, key=lambda c: max(text_width(c[0]), text_width(c[1])))
    return f"{first}\n{second}"


def opening(report: PlanReport, counts: Counts) -> str:
    text = (
        f"截至{chinese_date(report.as_of)}，{report.plan.title}确定的{counts.total}项任务中，"
        f"已完成{counts['done']}项，序时推进{counts['on_track']}项，滞后{counts['behind']}项，"
        f"未启动{counts['not_started']}项，暂缓{counts['postponed']}项，"
        f"逾期{counts.overdue}项，完成率{counts.completion_rate}。"
    )
    if report.period is not None:
        text += f"本期应报送{counts.total}项，未报送{counts.not_reported}项。"
    return text


# -- 分处室完成情况 -------------------------------------------------------------------------


def department_counts(report: PlanReport) -> list[tuple[str, Counts]]:
    """(name, counts) per lead department in official order, 未分配 last if any; only
    departments that lead a task of the report."""
    by_lead: dict[int | None, list[ReportTask]] = {}
    for task in report.tasks:
        by_lead.setdefault(task.lead_id, []).append(task)
    out = [(d.name, count(by_lead.pop(d.id))) for d in report.departments if d.id in by_lead]
    unassigned = by_lead.pop(None, [])
    # A lead department missing from the list (should not happen): keep its tasks counted.
    for tasks in by_lead.values():
        out.append((tasks[0].lead or UNASSIGNED, count(tasks)))
    if unassigned:
        out.append((UNASSIGNED, count(unassigned)))
    return out


def department_columns(with_reports: bool) -> list[Column]:
    """156 mm: 4-字 headers need 20 mm, 3-字 16 mm; the department name gets the rest."""
    numbers = [("牵头任务", 20), ("已完成", 16), ("序时推进", 20), ("滞后", 14), ("逾期", 14)]
    if with_reports:
        numbers.append(("未报送", 16))
    numbers.append(("完成率", 17))
    name_width = 156 - sum(w for _, w in numbers)
    return [Column("牵头处室", name_width, "center")] + [Column(h, w, "center") for h, w in numbers]


def _figures(name: str, counts: Counts, with_reports: bool) -> Row:
    cells = [name, counts.total, counts["done"], counts["on_track"], counts["behind"]]
    cells.append(counts.overdue)
    if with_reports:
        cells.append(counts.not_reported)
    return Row([str(c) for c in cells] + [counts.completion_rate])


def department_table(report: PlanReport) -> TableSpec:
    with_reports = report.period is not None
    rows = [_figures(n, c, with_reports) for n, c in department_counts(report)]
    rows.append(_figures("合计", count(report.tasks), with_reports))
    return TableSpec(department_columns(with_reports), rows)


# -- tasks -----------------------------------------------------------------------------------


def sections_with_tasks(report: PlanReport) -> list[tuple[str, list[ReportTask]]]:
    """(section title, tasks) in plan order; tasks outside any section last."""
    by_section: dict[int | None, list[ReportTask]] = {}
    for task in report.tasks:
        by_section.setdefault(task.section_id, []).append(task)
    out = []
    for section in report.sections:
        if section.id in by_section:
            out.append((section.title, by_section.pop(section.id)))
    for tasks in by_section.values():  # a section not in the outline, or none
        title = tasks[0].section_title if tasks[0].section_id is not None else ""
        out.append((title or "其他任务", tasks))
    return out


def task_line(task: ReportTask) -> str:
    extra = f"，完成{task.percent}%" if task.percent else ""
    if task.overdue:
        extra += f"，已逾期{task.days_overdue}天"
    return (
        f"{task.code} {task.text}（牵头：{task.lead or UNASSIGNED}；"
        f"状态：{status_name(task)}{extra}）"
    )


def task_details(report: PlanReport, task: ReportTask) -> list[str]:
    """进展情况/存在问题/下步打算 as reported this period (or 本期未报送。), after the
    warning light when it is red or yellow, in words ("预警：红：完成时限…已过12天…")."""
    warning = (
        [f"预警：{task.light.reason}"]
        if task.light and task.light.color in ("red", "yellow")
        else []
    )
    if report.period is not None and not task.reported:
        return [*warning, "本期未报送。"]
    labels = (
        ("进展情况", task.progress),
        ("存在问题", task.problems),
        ("下步打算", task.next_steps),
    )
    return warning + [
        f"{label}：{value.strip()}" for label, value in labels if (value or "").strip()
    ]


def lagging(tasks: Sequence[ReportTask]) -> list[ReportTask]:
    return [t for t in tasks if t.overdue or category(t) == "behind"]


def lagging_line(task: ReportTask) -> str:
    late = f"，已逾期{task.days_overdue}天" if task.overdue else ""
    deadline = task.deadline or "未明确"
    return f"{task.code} {task.text}（牵头：{task.lead or UNASSIGNED}；完成时限：{deadline}{late}）"


def reason_line(task: ReportTask) -> str:
    return f"原因：{(task.problems or '').strip() or '未说明'}"


def warning_line(task: ReportTask) -> str | None:
    """The light in words, for the tasks that need attention (red and yellow)."""
    if task.light is None or task.light.color not in ("red", "yellow"):
        return None
    return f"预警：{task.light.reason}"


# -- the document ----------------------------------------------------------------------------


def write(doc: OfficialDocument, text: str, into: list[str]) -> None:
    """GW Body paragraphs, one for each line of ``text`` (a justified line that ends in a
    line break is stretched across the page by Word and LibreOffice alike), as XML added
    to ``into`` — thousands of tasks are added in one go with ``add_raw``."""
    for line in clean(text).split("\n"):
        if line.strip():
            into.append(doc.paragraph_xml(line.strip()))


def render(report: PlanReport, options: ReportOptions | None = None) -> OfficialDocument:
    options = options or ReportOptions()
    doc = new_document(landscape=False, template=options.template or None)
    title = title_for(report, options)
    doc.title(title)
    doc.blank()
    doc.paragraph(f"{options.recipients}：", "GW Plain")
    doc.paragraph(opening(report, count(report.tasks)))

    doc.paragraph("一、总体进展情况", "GW H1")
    doc.paragraph("（一）分处室完成情况", "GW H2")
    add_table(doc, department_table(report))

    doc.paragraph("二、各项任务进展情况", "GW H1")
    groups = sections_with_tasks(report)
    body: list[str] = []
    for number, (section_title, tasks) in enumerate(groups, start=1):
        body.append(doc.paragraph_xml(f"（{int_to_zh(number)}）{section_title}", "GW H2"))
        for task in tasks:
            write(doc, task_line(task), body)
            for line in task_details(report, task):
                write(doc, line, body)
    if body:
        doc.add_raw("".join(body))
    if not groups:
        doc.paragraph("本期无相关任务。")

    doc.paragraph("三、滞后和逾期任务", "GW H1")
    late = lagging(report.tasks)
    body = []
    for task in late:
        write(doc, lagging_line(task), body)
        if line := warning_line(task):
            write(doc, line, body)
        write(doc, reason_line(task), body)
    if body:
        doc.add_raw("".join(body))
    if not late:
        doc.paragraph("本期无滞后或逾期任务。")

    requirements = [r for r in options.requirements if r.strip()]
    if requirements:
        doc.paragraph("四、下步工作要求", "GW H1")
        body = []
        for requirement in requirements:
            write(doc, requirement, body)
        doc.add_raw("".join(body))

    doc.signature(report.signatory or report.office or "办公室", report.as_of)
    set_core_properties(doc.doc, title=title.replace("\n", ""), author=report.office or "Duban",
                        subject=report.plan.title, keywords="进展情况通报")  # fmt: skip
    return doc

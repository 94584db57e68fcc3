"""工作进展情况通报: the office's report on the plan for one reporting period — a summary a
leader reads in five minutes, with the detail in an 附件 when asked for.

Portrait A4, as published 通报 are laid out: (期号, 文号), the title, 主送 (各处室：), an
opening sentence, then
  一、总体情况   the figures in one paragraph — categories that partition the tasks
                (已完成 · 序时推进 · 滞后 · 未启动 · 暂缓 · 未报送) and 逾期 beside them —
                and a table per lead department whose rows add up;
  二、主要进展   what was completed this period, then notable progress;
  三、存在的问题 behind and overdue tasks with their reasons; those without a reason in one
                sentence per department; 暂缓 tasks;
  四、报送情况   who has not reported, per department, in one sentence;
  五、下步工作要求 the text of the settings (a default is given);
with, where the plan has them (``exports.report_supervision``), 重点督办事项 after 总体情况,
延期情况 after 存在的问题, the 领导批示 beside their task's first mention, and the department
chart under the table; the parts are numbered as printed.
then 附件说明, 署名 and 成文日期 (the date of issue, not the date of the figures), the
optional 版记, and the optional 附件: every task in a compact table.

Decisions:
- The default title drops the period's year when the plan's title names it
  (关于2020年全市教育工作要点第二季度进展情况的通报) and is broken into two lines when wider
  than one line of the 2号 title (20 字). A title given in the options is used as typed.
- 主要进展 lists every task completed this period, and up to ``HIGHLIGHTS`` other tasks
  that reported progress, the furthest along first; the rest are in the 附件.
- In 三、 a task's reason is this period's 存在问题; a task that gave none is named, with
  the others of its lead department, in one sentence.
- The end — the last paragraphs of 五、 (four lines of text at least), the 附件说明, the
  署名, the date and the 版记 — is kept together on one page, so that no page holds only
  the sign-off.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from db.reports import PlanReport
from db.settings import DEFAULT_REQUIREMENTS
from domain.statuses import CATEGORY_NAMES
from exports.docx_base import OfficialDocument, new_document, set_core_properties
from exports.job import ExportJob, Wording, doc_number_text, period_phrase, use_doc_number
from exports.report_lines import (  # noqa: F401 - HIGHLIGHTS, code_list: the report's words
    HIGHLIGHTS,
    UNASSIGNED,
    code_list,
    department_table,
    overview,
    problem_lines,
    progress_lines,
    reporting_line,
)
from exports.report_supervision import (
    InstructionNotes,
    add_chart,
    focus_lines,
    instruction_lines,
    postponement_lines,
)
from exports.stats import count
from exports.tables import Column, GroupRow, Row, TableSpec, add_table
from exports.text import chinese_date, text_width

TITLE_LINE_CHARS = 20  # 2号 (22 pt) characters in the 156 mm line
NUMBERS = (
    "一二三四五六七八九"  # the parts are numbered as they are printed: empty ones are left out
)


@dataclass(frozen=True)
class ReportOptions:
    title: str = ""  # default: 关于{plan}{period}进展情况的通报, broken into lines
    recipients: str = "各处室"
    requirements: tuple[str, ...] | None = None  # 五、; None: the setting
    with_task_list: bool = False  # every task as an 附件 table
    template: str = ""
    issued_on: dt.date | None = None  # 成文日期; None: the report's as-of date
    chart_png: bytes | None = None  # the department chart under the table of 一、


# -- words -------------------------------------------------------------------------------------


def title_for(report: PlanReport, options: ReportOptions) -> str:
    """The title, with a line break when it is wider than one line."""
    if options.title:
        return options.title
    words = Wording.of(report)
    head = words("关于") + report.plan.title
    middle = period_phrase(report)
    tail = words("进展情况的通报")
    whole = head + middle + tail
    if text_width(whole) <= TITLE_LINE_CHARS:
        return whole
    candidates = [(head, middle + tail), (head + middle, tail)]
    first, second = min(candidates, key=lambda c: max(text_width(c[0]), text_width(c[1])))
    return f"{first}\n{second}"


# -- the document ------------------------------------------------------------------------------


def requirements(report: PlanReport, options: ReportOptions) -> list[str]:
    """五、's paragraphs: the options', else the setting's. Duban's default text is fixed
    wording (in the plan's script); an office's own text is printed as written."""
    lines = options.requirements
    if lines is None:
        text = report.settings.requirements
        if text == DEFAULT_REQUIREMENTS:
            text = Wording.of(report)(text)
        lines = tuple(text.split("\n"))
    return [line.strip() for line in lines if line.strip()]


def attachment_title(report: PlanReport, *, broken: bool = False) -> str:
    """The 附件's name; ``broken``: as its title, in two lines when wider than one."""
    head = report.plan.title + period_phrase(report)
    tail = Wording.of(report)("任务进展情况一览表")
    if broken and text_width(head + tail) > TITLE_LINE_CHARS:
        return f"{head}\n{tail}"
    return head + tail


def task_list(report: PlanReport) -> TableSpec:
    """The 附件: every task, its lead, this period's progress and its state, by section."""
    words = Wording.of(report)
    short = {d.id: d.short_name or d.name for d in report.departments}
    columns = [
        Column(words("序号"), 13, "center"),
        Column(words("工作任务"), 53),
        Column(words("牵头处室"), 20, "center"),
        Column(words("进展情况"), 48),
        Column(words("状态"), 22, "center"),  # 逾期10天 on one line
    ]
    rows: list[Row | GroupRow] = []
    section: object = object()
    for task in report.tasks:
        if task.section_id != section:
            section = task.section_id
            if task.section_label or task.section_title:
                rows.append(GroupRow(f"{task.section_label}{task.section_title}"))
        state = words(CATEGORY_NAMES[task.category])
        if task.overdue:
            state += "\n" + words("逾期{n}天", n=task.days_overdue)
        lead = short.get(task.lead_id, task.lead) if task.lead_id is not None else ""
        rows.append(Row([task.code, task.text, lead, task.progress, state]))
    return TableSpec(columns, rows, cell_style="GWCellSmall")


def kept_at_end(lines: Sequence[str], at_least: int = 4) -> int:
    """How many of the last paragraphs to keep with the sign-off: enough for ``at_least``
    lines of text (26 字 a line, the first one indented 2 字)."""
    total = 0.0
    for kept, line in enumerate(reversed(lines), start=1):
        total += -(-(text_width(line) + 2) // 28)
        if total >= at_least:
            return kept
    return len(lines)


def _paragraphs(doc: OfficialDocument, lines: Sequence[str], *, keep: bool = False) -> None:
    """GW Body paragraphs, added in one go (python-docx slows with every paragraph)."""
    xml = [doc.paragraph_xml(line, keep_next=keep) for line in lines if line.strip()]
    if xml:
        doc.add_raw("".join(xml))


def _masthead(doc: OfficialDocument, report: PlanReport) -> None:
    """期号 and 文号 above the title, when the settings (or the export) give them."""
    issue, number = report.settings.issue, report.settings.doc_number
    use_doc_number(doc, report)
    if not issue and not number:
        return
    if issue:
        doc.paragraph(issue, "GW Subtitle")
    if number and not doc.templated:  # a template prints {{发文字号}} in its letterhead
        doc.paragraph(doc_number_text(report, number), "GW Subtitle")
    doc.blank()


def imprint(doc: OfficialDocument, report: PlanReport, day: dt.date) -> None:
    """版记: 抄送, then 印发机关 and 印发日期, between lines (GB/T 9704 §7.4)."""
    words = Wording.of(report)
    settings = report.settings
    printer = settings.printed_by or settings.office or words("办公室")
    printed = words("{day}印发", day=chinese_date(day))
    doc.blank().paragraph_format.keep_with_next = True
    doc.imprint(
        copy_to=words("抄送：") + settings.copy_to.rstrip("。") + "。" if settings.copy_to else "",
        printer=printer,
        printed=printed,
    )


def render(report: PlanReport, options: ReportOptions | None = None) -> OfficialDocument:
    options = options or ReportOptions()
    words = Wording.of(report)
    issued = options.issued_on or report.as_of
    doc = new_document(landscape=False, template=options.template or None)
    _masthead(doc, report)
    title = title_for(report, options)
    doc.title(title)
    doc.blank()
    doc.paragraph(words(options.recipients) + "：", "GW Plain")
    who = report.settings.office or words("办公室")
    scope = (
        report.period.name if report.period else words("截至{day}", day=chinese_date(report.as_of))
    )
    doc.paragraph(
        words("为及时掌握{plan}落实情况，{who}对各处室{scope}工作进展情况进行了梳理汇总。"
              "现将有关情况通报如下。", plan=report.plan.title, who=who, scope=scope)
    )  # fmt: skip

    counts = count(report.tasks)
    number = iter(NUMBERS)

    def heading(text: str, *, keep: bool = False) -> None:
        doc.paragraph(words(next(number) + "、" + text), "GW H1", keep_next=keep)

    heading("总体情况")
    doc.paragraph(overview(report, counts))
    doc.paragraph(words("各牵头处室任务进展情况如下表："), keep_next=True)
    add_table(doc, department_table(report))
    if options.chart_png:
        add_chart(doc, options.chart_png)

    notes = InstructionNotes(report)
    focus = focus_lines(report, notes)
    if focus:
        heading("重点督办事项")
        _paragraphs(doc, focus)

    heading("主要进展")
    done, other = progress_lines(report, notes)
    if report.period is not None:
        doc.paragraph(words("（一）本期完成的任务"), "GW H2")
        _paragraphs(doc, done or [words("本期无新完成的任务。")])
        if other:
            doc.paragraph(words("（二）其他重点工作进展"), "GW H2")
    _paragraphs(doc, other or ([] if report.period is not None else [words("暂无报送的进展。")]))

    heading("存在的问题")
    _paragraphs(doc, problem_lines(report, notes))
    postponed = postponement_lines(report, notes)
    if postponed:
        heading("延期情况")
        _paragraphs(doc, postponed)
    instructed = instruction_lines(report, notes)
    if instructed:
        heading("领导批示落实情况")
        _paragraphs(doc, instructed)
    heading("报送情况")
    doc.paragraph(reporting_line(report))

    # The end stays together: the last paragraphs of 下步工作要求 (at least four lines of
    # text), the 附件说明 and the sign-off — never a page holding the sign-off alone.
    lines = requirements(report, options)
    if lines:
        heading("下步工作要求", keep=True)
        kept = kept_at_end(lines)
        _paragraphs(doc, lines[: len(lines) - kept])
        _paragraphs(doc, lines[len(lines) - kept :], keep=True)
    if options.with_task_list:
        doc.blank().paragraph_format.keep_with_next = True
        doc.attachment_note(words("附件："), [attachment_title(report)])
    doc.signature(report.settings.signer, issued)
    if report.settings.imprint:
        imprint(doc, report, issued)
    if options.with_task_list:
        doc.page_break()
        doc.paragraph(words("附件"), "GW Attach Label")
        doc.blank()
        doc.paragraph(attachment_title(report, broken=True), "GW Title")
        doc.blank()
        add_table(doc, task_list(report))
    set_core_properties(doc.doc, title=title.replace("\n", ""), author=report.office or "Duban",
                        subject=report.plan.title, keywords="进展情况通报")  # fmt: skip
    return doc


def write(job: ExportJob) -> list[Path]:
    report, request = job.report, job.request
    if not report.settings.office:
        job.warn(
            "no_office",
            0,
            "The office name is not set, so the report is signed 办公室; set it with "
            "main.py settings set office.name 青岛市教育局办公室 (or in Office settings).",
        )
    options = ReportOptions(
        with_task_list=request.with_task_list,
        template=job.template,
        issued_on=job.issued_on,
        chart_png=request.chart_png,
    )
    doc = render(report, options)
    title = (doc.doc.core_properties.title or "进展情况通报").replace("\n", "")
    written = doc.save(job.file_target(title))
    if job.progress is not None:
        job.progress(1, 1)
    return [written]

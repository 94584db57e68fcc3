"""进展情况反馈表: one landscape form per department, listing the tasks it leads and the
tasks it cooperates on, with blank cells for 进展情况 / 存在问题 / 下步打算 / 完成进度 and
the 状态 choices to tick.

Made to survive printing: a task's row never splits across pages (its text, its boxes and
its key stay together), and everything else — who fills it in and signs, the date to report
by, a short 填表说明 — stands above the table, so that the last page always holds rows and
never only a sign-off. Tasks reported done in an earlier period are left out and named once
there; each task shows its latest earlier report (上期进展) in small type under its text.

The forms come back filled in, so they carry unobtrusive machine-readable keys that
survive editing in Word or WPS: the core property ``identifier`` names plan, period and
department and the export (``duban-feedback:v2:…``: the database generation and change
sequence it was made at), and every task row has a small grey key under its code
(``D1-P7-T152-9f2c1a``). Both end in an HMAC with a per-database secret over their fields,
the database's identity and the plan's generation (``domain.form_keys.FormStamp``), so a key
whose task, department or period was changed, or that comes from another export or from a
plan imported again since, no longer checks; ``read_form_keys`` reads them back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from db.form_secret import form_secret as form_secret  # re-exported for callers
from db.records import Department
from db.reports import PlanReport, ReportTask
from domain.form_keys import (  # noqa: F401 - re-exported: the keys are the form's
    FORM_PREFIX,
    FormId,
    FormStamp,
    RowKey,
    check_form_id,
    check_row_key,
    form_id,
    parse_form_id,
    parse_row_key,
    row_key,
)
from domain.statuses import STATUS_CHOICES, STATUS_NAMES
from exports import form_docx
from exports.docx_base import OfficialDocument, new_document, set_core_properties
from exports.files import write_folder
from exports.form_docx import FormKeys
from exports.job import ExportJob, Wording, period_phrase, use_doc_number
from exports.request import safe_file_name
from exports.tables import Column, GroupRow, Row, TableSpec, add_table
from exports.text import chinese_date, clean

KEYWORDS = "进展情况反馈表"
KEY_STYLE = "GWKey"
# 225 mm, the landscape text width. 角色 needs 12 mm for two 12 pt characters plus the cell
# margins; 状态 holds "□序时推进" in 10.5 pt (GW Cell Small); 序号 leaves the key two lines.
COLUMNS = (
    Column("序号", 16, "center"),
    Column("工作任务", 49),
    Column("角色", 12, "center"),
    Column("完成时限", 22, "center"),
    Column("进展情况", 38),
    Column("存在问题", 26),
    Column("下步打算", 26),
    Column("完成进度", 14, "center"),
    Column("状态", 22, style="GWCellSmall"),
)
HEADER_LINE = (Column("", 130), Column("", 95, "right"))
FOOTER_LINE = "填报人：　　　　　　联系电话：　　　　　　处室负责人（签字）："
SIGN_LINE = ("填报人：　　　　　　联系电话：", "处室负责人（签字）：　　　　　　")
ROW_HEIGHT_MM = 18
INSTRUCTIONS = (
    "填表说明：",
    "1.“状态”栏只选一项：将所选项前的“□”改为“☑”（Word、WPS中选中“□”后点“插入—符号”"
    "选“☑”），或删去其余各项。",
    "2.“完成进度”填写0至100的整数（百分比）；“序号”下的灰色校验码供读回使用，请勿改动。",
    "3.也可填写同名的Excel表（.xlsx）报送；表中“状态”从下拉列表中选择。",
)

# -- the document --------------------------------------------------------------------------


@dataclass(frozen=True)
class FeedbackOptions:
    title: str = ""  # default: "<plan title><period name>进展情况反馈表"
    template: str = ""
    reply_by: dt.date | None = None  # adds "请于…前报送办公室。" under the table


def title_for(report: PlanReport, options: FeedbackOptions) -> str:
    if options.title:
        return options.title
    period = period_phrase(report) if report.period else ""
    return f"{report.plan.title}{period}{Wording.of(report)(KEYWORDS)}"


def _involved(report: PlanReport, department: Department) -> list[ReportTask]:
    return [
        t for t in report.tasks if t.lead_id == department.id or department.id in t.cooperating_ids
    ]


def department_tasks(
    report: PlanReport, department: Department
) -> tuple[list[ReportTask], list[ReportTask]]:
    """The tasks ``department`` leads and those it cooperates on, in outline order — except
    those reported done in an earlier period (nothing to report on them now)."""
    tasks = [t for t in _involved(report, department) if not t.done_earlier]
    lead = [t for t in tasks if t.lead_id == department.id]
    cooperating = [t for t in tasks if t.lead_id != department.id]
    return lead, cooperating


def role_groups(report: PlanReport, department: Department) -> list[tuple[list[ReportTask], str]]:
    """一、牵头 then 二、配合 of ``department_tasks`` (an empty group is left out)."""
    return groups_by_role(*department_tasks(report, department))


def groups_by_role(
    lead: list[ReportTask], cooperating: list[ReportTask]
) -> list[tuple[list[ReportTask], str]]:
    """The tasks a department leads and those it cooperates on with their role, an empty
    group left out (the next is renumbered)."""
    return [(tasks, role) for tasks, role in ((lead, "牵头"), (cooperating, "配合")) if tasks]


def done_earlier(report: PlanReport, department: Department) -> list[ReportTask]:
    """The department's tasks already reported done in an earlier period."""
    return [t for t in _involved(report, department) if t.done_earlier]


def earlier_note(report: PlanReport, task: ReportTask) -> str:
    """上期进展 (the latest report before this period), for reference under the task."""
    if task.earlier_status is None:
        return ""
    words = Wording.of(report)
    parts = [words(STATUS_NAMES.get(task.earlier_status, task.earlier_status))]
    if task.earlier_percent is not None:
        parts.append(f"{task.earlier_percent}%")
    if task.earlier_progress.strip():
        parts.append(task.earlier_progress.strip().replace("\n", "；"))
    label = words("上期进展：")
    if task.earlier_period:
        label = words("上期进展（{period}）：", period=task.earlier_period)
    return label + words("，").join(parts)  # the report itself as written


def target_line(report: PlanReport, task: ReportTask) -> str:
    """The period's 阶段目标 as the form shows it under the task ("" without one), above
    上期进展: what the department reports against, next to what it reported last."""
    target = task.target
    if target is None:
        return ""
    words = Wording.of(report)
    percent = f"{target.percent}%" if target.percent is not None else ""
    return words("本期目标：") + words("，").join(p for p in (target.text, percent) if p)


def task_notes(report: PlanReport, task: ReportTask) -> str:
    """What stands in small type under the task: 本期目标, then 上期进展 (one per line)."""
    return "\n".join(p for p in (target_line(report, task), earlier_note(report, task)) if p)


def _period_id(report: PlanReport) -> int | None:
    return report.period.id if report.period else None


def columns(report: PlanReport) -> list[Column]:
    words = Wording.of(report)
    return [Column(words(c.header), c.width_mm, c.align, c.style) for c in COLUMNS]


def _rows(report: PlanReport, department: Department, stamp: FormStamp) -> list[Row | GroupRow]:
    """一、牵头任务 then 二、配合任务 (an empty group is left out, the next renumbered)."""
    words = Wording.of(report)
    status = "\n".join(f"□{words(choice)}" for choice in STATUS_CHOICES)
    out: list[Row | GroupRow] = []
    for number, (tasks, role) in zip("一二", role_groups(report, department), strict=False):
        out.append(GroupRow(words(f"{number}、{role}任务")))
        for task in tasks:
            key = row_key(stamp, _period_id(report), department.id, task.id)
            cells = (task.code, task.text, words(role), task.deadline, "", "", "", "", status)
            out.append(Row(cells, key, task_notes(report, task)))
    return out


def heading(
    doc: OfficialDocument, report: PlanReport, department: Department, options: FeedbackOptions
) -> None:
    """Above the table: who fills in and signs, when to send it, the tasks done earlier
    and the 填表说明 (the table then ends the form: no page holds only a sign-off)."""
    words = Wording.of(report)
    notes = []
    earlier = done_earlier(report, department)
    if earlier:
        codes = "、".join(t.code for t in earlier)
        notes.append(words("{codes}已于此前报告完成，本期无需填报。", codes=codes))
    sign_heading(doc, report, department, options.reply_by, INSTRUCTIONS, notes)


def sign_heading(
    doc: OfficialDocument,
    report: PlanReport,
    department: Department,
    reply_by: dt.date | None,
    instructions: Sequence[str],
    notes: Sequence[str] = (),
) -> None:
    """The lines above a form's table, shared by the forms departments fill in and send back:
    who fills in and signs, the date to send it by, ``notes`` and the 填表说明 in
    ``instructions`` (the fixed words in the plan's script)."""
    words = Wording.of(report)
    lines = [
        Row((words("填报单位：") + department.name, words("填报日期：") + "　　年　　月　　日")),
        Row(tuple(words(part) for part in SIGN_LINE)),
    ]
    add_table(doc, TableSpec(HEADER_LINE, lines, borderless=True, header=False,
                             cell_style="GWPlain"))  # fmt: skip
    paragraphs = []
    if reply_by:
        office = report.office or words("办公室")
        paragraphs.append(words("请于{day}前报送{office}。", day=chinese_date(reply_by),
                                office=office))  # fmt: skip
    paragraphs.extend(notes)
    paragraphs.append("".join(words(line) for line in instructions))
    for line in paragraphs:
        doc.paragraph(line, "GW Cell Small")


def render(
    report: PlanReport,
    department: Department,
    stamp: FormStamp,
    options: FeedbackOptions | None = None,
) -> OfficialDocument | None:
    """The form for ``department``; None when it neither leads nor cooperates on a task."""
    options = options or FeedbackOptions()
    rows = _rows(report, department, stamp)
    if not rows:
        return None
    doc = new_document(landscape=True, template=options.template or None)
    use_doc_number(doc, report)
    title = title_for(report, options)
    doc.title(title)
    doc.blank("GW Cell")
    heading(doc, report, department, options)
    # Rows never split: a task's text, its boxes and its key stay on one page.
    spec = TableSpec(columns(report), rows, cant_split=True, min_row_height_mm=ROW_HEIGHT_MM)
    add_table(doc, spec)
    identifier = form_id(stamp, _period_id(report), department.id)
    set_core_properties(
        doc.doc,
        title=title,
        author=report.office or "Duban",
        subject=report.plan.title,
        identifier=identifier,
        keywords=KEYWORDS,
    )
    return doc


# -- writing a folder of forms -------------------------------------------------------------


def file_name(number: int, department: Department) -> str:
    """``01-基础教育处-进展情况反馈表.docx``, safe as a file name on every system and short
    enough whatever the department's name (``exports.request.safe_file_name``)."""
    name = safe_file_name(clean(department.name), replacement="_", default=str(department.id))
    return f"{number:02d}-{name}-{KEYWORDS}.docx"


def export_forms(
    report: PlanReport,
    stamp: FormStamp,
    folder: Path,
    options: FeedbackOptions | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[Path]:
    """One form per department with tasks, in official order, written into ``folder``.

    All or nothing (``exports.files.write_folder``): if rendering, the disk or ``progress``
    (raising to cancel) fails, no form of this run is left and earlier ones stay.
    """
    options = options or FeedbackOptions()
    departments = [d for d in report.departments if any(department_tasks(report, d))]

    def form(department: Department) -> bytes:
        doc = render(report, department, stamp, options)
        assert doc is not None  # the department has tasks
        return doc.to_bytes()

    files = [(file_name(n, d), partial(form, d)) for n, d in enumerate(departments, 1)]
    return write_folder(Path(folder), files, progress)


def write(job: ExportJob) -> list[Path]:
    """The forms of an export job: Word documents, or Excel workbooks."""
    report, request = job.report, job.request
    reply_by = request.reply_by
    if reply_by is None and report.period is not None and report.period.feedback_due_on:
        reply_by = dt.date.fromisoformat(report.period.feedback_due_on)
    options = FeedbackOptions(template=job.template, reply_by=reply_by)
    if request.department_ids:  # forms for these departments only, not their partners
        wanted = set(request.department_ids)
        report = replace(report, departments=tuple(d for d in report.departments if d.id in wanted))
    folder = job.folder()
    stamp = job.stamp
    if stamp is None:  # pragma: no cover - the kind asks for one (``needs_secret``)
        raise ValueError("Feedback forms need the stamp of their export.")
    if request.form_format == "xlsx":
        from exports.feedback_xlsx import export_forms_xlsx

        return export_forms_xlsx(report, stamp, folder, options, job.progress)
    return export_forms(report, stamp, folder, options, job.progress)


# -- reading a form back -------------------------------------------------------------------


def read_form_keys(path: str | Path) -> FormKeys:
    """The identifier and the keyed rows of a (filled-in) form, read as a stream with flat
    memory (``exports.form_docx``). A row's key is its ``GWKey`` paragraph in the first cell
    (even when altered: checking is the caller's job), failing that the first paragraph there
    that reads as a key."""
    return form_docx.read_form_keys(path, KEY_STYLE, lambda text: parse_row_key(text) is not None)

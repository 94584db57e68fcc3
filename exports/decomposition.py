"""任务分解表: the plan's tasks with lead and cooperating departments and deadlines, laid out
as offices lay them out.

A4 landscape: the title (…任务分解表), the plan's 发文字号 and the count ("共26项重点工作、
152项具体任务"), then one table: 序号 · 工作任务 · 牵头处室 · 配合处室 · (分管领导) ·
(责任人) · 完成时限, with a full-width row for each section (一、…) and for each item
(1.…) of the plan, the header row repeated on every page, rows numbered as in the plan (4-2).

Decisions:
- Column widths come from the content: each narrow column is as wide as its longest entry
  (a department name is never broken; cooperating departments stand one per line), the task
  text takes the rest. If the narrow columns would leave the task text less than 90 mm,
  they are narrowed and long names wrap — short names (``short_names``) avoid that.
- A task with no lead department keeps its row, with the cells blank, and the export warns
  with the count (stderr, the export dialog): the clerk assigns them before sending.
- ``export decomposition -o X.xlsx`` writes the same table as an Excel workbook
  (``exports.decomposition_xlsx``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from db.reports import PlanReport, ReportTask
from exports.docx_base import OfficialDocument, new_document, set_core_properties
from exports.job import ExportJob, Wording, doc_number_text, use_doc_number
from exports.request import Progress
from exports.tables import Column, GroupRow, Row, TableSpec, add_table
from exports.text import chinese_date, text_width

TABLE_WIDTH_MM = 225.0  # the landscape 版心
CHAR_MM = 12 * 25.4 / 72  # one 12 pt character
CELL_EXTRA_MM = 3.0 + 1.5  # the cell margins, and room for the renderer's rounding
MIN_TASK_MM = 90.0


@dataclass(frozen=True)
class DecompositionOptions:
    with_leader: bool = False
    with_due_date: bool = False  # print the resolved date under the phrase
    with_person: bool = False  # the 责任人 column
    short_names: bool = False  # departments by their short names (基教处)
    title: str = ""  # default: "<plan title>任务分解表"
    template: str = ""


def title_for(report: PlanReport, options: DecompositionOptions) -> str:
    if options.title:
        return options.title
    return report.plan.title + Wording.of(report)("任务分解表")


def unassigned(report: PlanReport) -> list[ReportTask]:
    return [t for t in report.tasks if t.lead_id is None]


def _names(report: PlanReport, options: DecompositionOptions) -> dict[int, str]:
    return {
        d.id: (d.short_name or d.name) if options.short_names else d.name
        for d in report.departments
    }


def _deadline(task: ReportTask, options: DecompositionOptions) -> str:
    if options.with_due_date and task.due is not None:
        return f"{task.deadline}\n{chinese_date(task.due)}"
    return task.deadline


def task_cells(task: ReportTask, options: DecompositionOptions, names: dict[int, str]) -> list[str]:
    lead = names.get(task.lead_id, task.lead) if task.lead_id is not None else ""
    cooperating = [
        names.get(d, n) for d, n in zip(task.cooperating_ids, task.cooperating, strict=False)
    ]
    cells = [task.code, task.text, lead, "\n".join(cooperating)]
    if options.with_leader:
        cells.append(task.leader)
    if options.with_person:
        cells.append(task.person)
    cells.append(_deadline(task, options))
    return cells


def headers(report: PlanReport, options: DecompositionOptions) -> list[str]:
    words = Wording.of(report)
    names = ["序号", "工作任务", "牵头处室", "配合处室"]
    names += ["分管领导"] * options.with_leader + ["责任人"] * options.with_person
    return [words(h) for h in [*names, "完成时限"]]


def _width(texts: list[str]) -> float:
    """The mm a column needs so that none of its lines wraps."""
    longest = max((text_width(line) for t in texts for line in t.split("\n")), default=0.0)
    return longest * CHAR_MM + CELL_EXTRA_MM


def columns(
    report: PlanReport, options: DecompositionOptions, body: list[list[str]] | None = None
) -> list[Column]:
    """Widths in mm filling the 225 mm landscape text width, from the content."""
    names = headers(report, options)
    if body is None:
        words = _names(report, options)
        body = [task_cells(t, options, words) for t in report.tasks]
    # The task text (column 1) takes what the others leave: its width is not measured.
    widths = [
        _width([h, *(row[i] for row in body)]) if i != 1 else 0.0 for i, h in enumerate(names)
    ]
    narrow = [i for i in range(len(names)) if i != 1]
    room = TABLE_WIDTH_MM - MIN_TASK_MM
    taken = sum(widths[i] for i in narrow)
    if taken > room:  # narrow the name columns (never below their header) to leave the room
        header_widths = [_width([h]) for h in names]
        flexible = [i for i in narrow if i not in (0, len(names) - 1)]
        spare = sum(widths[i] - header_widths[i] for i in flexible)
        cut = min(taken - room, spare)
        for i in flexible:
            share = (widths[i] - header_widths[i]) / spare if spare else 0
            widths[i] -= cut * share
    widths[1] = TABLE_WIDTH_MM - sum(widths[i] for i in narrow)
    aligns = ["center", None] + ["center"] * (len(names) - 2)
    return [Column(h, round(w, 1), a) for h, w, a in zip(names, widths, aligns, strict=True)]


def rows(report: PlanReport, options: DecompositionOptions) -> list[Row | GroupRow]:
    """A row per task, under a row per section (一、…) and a row per item (1.…)."""
    names = _names(report, options)
    items = {n.id: n for n in report.items}
    out: list[Row | GroupRow] = []
    section: object = object()
    item: object = object()
    for task in report.tasks:
        if task.section_id != section:
            section = task.section_id
            item = object()
            if task.section_label or task.section_title:
                out.append(GroupRow(f"{task.section_label}{task.section_title}"))
        if task.item_id != item:
            item = task.item_id
            node = items.get(task.item_id) if task.item_id is not None else None
            if node is not None and node.title:
                out.append(GroupRow(f"{node.label}{node.title}", style="GWItem"))
        out.append(Row(task_cells(task, options, names)))
    return out


def item_count(report: PlanReport) -> int:
    items = {n.id for n in report.items}
    return len({t.item_id for t in report.tasks if t.item_id in items})


def count_line(report: PlanReport) -> str:
    words = Wording.of(report)
    items = item_count(report)
    if items:
        return words("共{items}项重点工作、{tasks}项具体任务", items=items, tasks=len(report.tasks))
    return words("共{tasks}项任务", tasks=len(report.tasks))


def render(report: PlanReport, options: DecompositionOptions | None = None) -> OfficialDocument:
    options = options or DecompositionOptions()
    doc = new_document(landscape=True, template=options.template or None)
    title = title_for(report, options)
    doc.title(title)
    number = report.plan.doc_number
    subtitle = f"{doc_number_text(report, number)}　" if number else ""
    doc.paragraph(f"（{subtitle}{count_line(report)}）", "GW Subtitle")
    doc.blank()
    table_rows = rows(report, options)
    body = [list(r.cells) for r in table_rows if isinstance(r, Row)]
    add_table(doc, TableSpec(columns(report, options, body), table_rows))
    use_doc_number(doc, report)
    set_core_properties(
        doc.doc,
        title=title,
        author=report.office or "Duban",
        subject=report.plan.title,
        keywords="任务分解表",
    )
    return doc


def write(job: ExportJob) -> list[Path]:
    """The document (or the workbook, for an .xlsx name) for an export job."""
    request, report = job.request, job.report
    options = DecompositionOptions(
        with_leader=request.with_leader,
        with_due_date=request.with_due_date,
        with_person=request.with_person,
        short_names=request.short_names,
        template=job.template,
    )
    missing = unassigned(report)
    if missing:
        codes = "、".join(t.code for t in missing[:8]) + ("…" if len(missing) > 8 else "")
        job.warn(
            "unassigned",
            len(missing),
            f"{len(missing)} of {len(report.tasks)} tasks have no lead department (牵头处室) "
            f"yet ({codes}); their rows are printed blank. Assign them first.",
        )
    title = title_for(report, options)
    if request.output.suffix.lower() == ".xlsx":
        from exports.decomposition_xlsx import render_workbook, workbook_bytes
        from exports.files import write_atomic

        target = job.file_target(title, ".xlsx")
        written = write_atomic(workbook_bytes(render_workbook(report, options)), target)
    else:
        doc = render(report, options)
        doc.placeholders["成文日期"] = chinese_date(job.issued_on)
        written = doc.save(job.file_target(title))
    _done(job.progress)
    return [written]


def _done(progress: Progress | None) -> None:
    if progress is not None:
        progress(1, 1)

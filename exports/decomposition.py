"""任务分解表: the plan's tasks with lead and cooperating departments and deadlines.

A4 landscape, the title, then one table: 序号 · 工作任务 · 牵头处室 · 配合处室 · 完成时限
(分管领导 optional), a full-width row for each section of the plan, the header row
repeated on every page, rows numbered as in the plan (4-2).
"""

from __future__ import annotations

from dataclasses import dataclass

from db.reports import PlanReport
from domain.names import in_script_of
from exports.docx_base import OfficialDocument, new_document, set_core_properties
from exports.tables import Column, GroupRow, Row, TableSpec, add_table


@dataclass(frozen=True)
class DecompositionOptions:
    with_leader: bool = False
    with_due_date: bool = False  # print the resolved date after the phrase
    title: str = ""  # default: "<plan title>任务分解表"
    template: str = ""


def title_for(report: PlanReport, options: DecompositionOptions) -> str:
    if options.title:
        return options.title
    return report.plan.title + in_script_of(report.plan.title, "任务分解表")


def columns(options: DecompositionOptions) -> list[Column]:
    """Widths in mm filling the 225 mm landscape text width; the task text gets the room."""
    if options.with_leader:
        return [
            Column("序号", 14, "center"),
            Column("工作任务", 92),
            Column("牵头处室", 28, "center"),
            Column("配合处室", 36, "center"),
            Column("分管领导", 22, "center"),
            Column("完成时限", 33, "center"),
        ]
    return [
        Column("序号", 14, "center"),
        Column("工作任务", 108),
        Column("牵头处室", 30, "center"),
        Column("配合处室", 40, "center"),
        Column("完成时限", 33, "center"),
    ]


def rows(report: PlanReport, options: DecompositionOptions) -> list[Row | GroupRow]:
    out: list[Row | GroupRow] = []
    section = object()
    for task in report.tasks:
        if task.section_id != section:
            section = task.section_id
            if task.section_label or task.section_title:
                out.append(GroupRow(f"{task.section_label}{task.section_title}"))
        deadline = task.deadline
        if options.with_due_date and task.due_on:
            deadline = f"{deadline}\n（{task.due_on}）"
        cells = [task.code, task.text, task.lead, "、".join(task.cooperating)]
        if options.with_leader:
            cells.append(task.leader)
        cells.append(deadline)
        out.append(Row(cells))
    return out


def render(report: PlanReport, options: DecompositionOptions | None = None) -> OfficialDocument:
    options = options or DecompositionOptions()
    doc = new_document(landscape=True, template=options.template or None)
    title = title_for(report, options)
    doc.title(title)
    if report.plan.doc_number:
        doc.paragraph(f"（{report.plan.doc_number}）", "GW Subtitle")
    doc.blank()
    add_table(doc, TableSpec(columns(options), rows(report, options)))
    set_core_properties(
        doc.doc,
        title=title,
        author=report.office or "Duban",
        subject=report.plan.title,
        keywords="任务分解表",
    )
    return doc

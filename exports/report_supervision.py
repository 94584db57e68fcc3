"""The 通报's parts of the 督办 workflow (docs/workflow.md): 重点督办事项, 延期情况, the
领导批示 beside the task they concern, and the department chart.

Each part is left out when it has nothing to say, so a plan without focus tasks or
postponements gives the same short 通报 as before. A 批示 is printed once, at the first
place of the document that names its task ("（2020年5月6日，张局长批示：抓紧推进）"); the
chart is a PNG given by the caller (``qtapp.charts.department_chart_png``), so exports stays
free of Qt.
"""

from __future__ import annotations

import datetime as dt
import io

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm

from db.reports import PlanReport, ReportTask
from domain.statuses import CATEGORY_NAMES, DONE
from exports.docx_base import OfficialDocument
from exports.job import Wording
from exports.text import chinese_date, official

UNASSIGNED = "未分配"
CHART_WIDTH_MM = 150  # inside the 156 mm 版心, with room for Word's picture frame


class InstructionNotes:
    """Hands out each task's 领导批示 once: the first mention of the task carries them."""

    def __init__(self, report: PlanReport) -> None:
        self.words = Wording.of(report)
        self.given: set[int] = set()

    def __call__(self, task: ReportTask) -> str:
        if not task.instructions or task.id in self.given:
            return ""
        self.given.add(task.id)
        parts = [
            self.words("{day}，{leader}批示：", day=chinese_date(dt.date.fromisoformat(i.given_on)),
                       leader=i.leader) + official(i.text).strip().rstrip("。；;")
            for i in task.instructions
        ]  # fmt: skip
        return "（" + "；".join(parts) + "）"


def with_note(sentence: str, note: str) -> str:
    """``sentence`` with ``note`` before its closing 。."""
    if not note:
        return sentence
    return sentence.rstrip("。") + note + "。"


def _lead(report: PlanReport, task: ReportTask) -> str:
    return task.lead or Wording.of(report)(UNASSIGNED)


def _state(report: PlanReport, task: ReportTask) -> str:
    """已完成 / 序时推进，完成60% / 滞后，已逾期12天 …"""
    words = Wording.of(report)
    parts = [words(CATEGORY_NAMES[task.category])]
    if task.percent is not None and task.status != DONE:
        parts.append(words("完成{p}%", p=task.percent))
    if task.overdue:
        parts.append(words("已逾期{n}天", n=task.days_overdue))
    return words("，").join(parts)


def focus_lines(report: PlanReport, notes: InstructionNotes) -> list[str]:
    """重点督办事项: how many, how many done, then each with its state (none: no part)."""
    words = Wording.of(report)
    focus = [t for t in report.tasks if t.focus]
    if not focus:
        return []
    done = sum(t.done for t in focus)
    late = sum(t.overdue for t in focus)
    head = words("列入重点督办的任务{n}项，已完成{d}项", n=len(focus), d=done)
    if late:
        head += words("，已逾期{n}项", n=late)
    lines = [head + "。"]
    for task in focus:
        deadline = words("，完成时限{d}", d=task.deadline) if task.deadline else ""
        line = words(
            "{code}（{lead}牵头{deadline}）：{state}", code=task.code, lead=_lead(report, task),
            deadline=deadline, state=_state(report, task),
        )  # fmt: skip
        progress = official(task.progress).strip().replace("\n", "；").rstrip("。；")
        if progress:
            line += words("；") + progress
        lines.append(with_note(line + "。", notes(task)))
    return lines


def postponement_lines(report: PlanReport, notes: InstructionNotes) -> list[str]:
    """延期情况: how many tasks were postponed, per lead department, then each with its
    original and new deadline and the reason (none: no part)."""
    words = Wording.of(report)
    moved = [t for t in report.tasks if t.postponements]
    if not moved:
        return []
    per_lead: dict[str, int] = {}
    for task in moved:
        per_lead[_lead(report, task)] = per_lead.get(_lead(report, task), 0) + 1
    spread = words("、").join(words("{name}{n}项", name=k, n=v) for k, v in per_lead.items())
    lines = [words("经批准调整完成时限的任务{n}项，其中：", n=len(moved)) + spread + "。"]
    for task in moved:
        last = task.postponements[-1]
        times = (
            words("（已延期{n}次）", n=len(task.postponements))
            if len(task.postponements) > 1
            else ""
        )
        approved = words("，经{who}同意", who=last.approved_by) if last.approved_by else ""
        reason = official(last.reason).strip().rstrip("。")
        line = words(
            "{code}（{lead}）：原时限{old}，调整为{new}{times}。原因：{reason}{approved}。",
            code=task.code, lead=_lead(report, task), old=task.original_deadline,
            new=last.new_phrase, times=times, reason=reason, approved=approved,
        )  # fmt: skip
        lines.append(with_note(line, notes(task)))
    return lines


def instruction_lines(report: PlanReport, notes: InstructionNotes) -> list[str]:
    """The 批示 whose task the 通报 named nowhere else, so none is lost."""
    words = Wording.of(report)
    lines = []
    for task in report.tasks:
        note = notes(task)
        if note:
            line = words("{code}（{lead}）：{state}", code=task.code, lead=_lead(report, task),
                         state=_state(report, task))  # fmt: skip
            lines.append(with_note(line + "。", note))
    return lines


def add_chart(doc: OfficialDocument, png: bytes) -> None:
    """The department chart, centred, the text width wide, kept with the line above."""
    paragraph = doc.doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.first_line_indent = 0
    paragraph.paragraph_format.line_spacing = 1.0  # exact line spacing would clip the picture
    paragraph.paragraph_format.space_before = Mm(2)
    paragraph.add_run().add_picture(io.BytesIO(png), width=Mm(CHART_WIDTH_MM))

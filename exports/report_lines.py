"""The sentences and tables of the 通报's 一、 to 四、 (``exports.progress_report`` puts
them in the document): the figures, the department table, what progressed, what is late
and who has not reported, in the plan's script (``exports.job.Wording``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from db.reports import PlanReport, ReportTask
from domain.statuses import (
    BEHIND,
    CATEGORIES,
    CATEGORY_NAMES,
    DONE,
    NOT_REPORTED,
    NOT_STARTED,
    ON_TRACK,
    POSTPONED,
)
from exports.job import Wording
from exports.stats import Counts, count
from exports.tables import Column, Row, TableSpec
from exports.text import chinese_date, official, text_width

HIGHLIGHTS = 8  # other progress named in 二、 besides the tasks completed
UNASSIGNED = "未分配"


def _percent(part: int, whole: int) -> str:
    return f"{part * 100 / whole:.1f}%" if whole else "0.0%"


def done_this_period(report: PlanReport) -> list[ReportTask]:
    return [t for t in report.tasks if t.done and t.reported]


def overview(report: PlanReport, counts: Counts) -> str:
    """一、's paragraph: the partition, then 逾期, then the completion rate."""
    words = Wording.of(report)
    now = len(done_this_period(report)) if report.period is not None else counts[DONE]
    done = words("已完成{n}项", n=counts[DONE])
    if report.period is not None and counts[DONE]:
        done += words("（其中本期完成{n}项）", n=now)
    parts = [done] + [
        words("{name}{n}项", name=words(CATEGORY_NAMES[c]), n=counts[c])
        for c in (ON_TRACK, BEHIND, NOT_STARTED, POSTPONED)
    ]
    unreported = "本期未报送{n}项" if report.period is not None else "尚未报送进展{n}项"
    parts.append(words(unreported, n=counts.not_reported))
    return words(
        "截至{day}，{plan}确定的{total}项任务中，{parts}。另有{overdue}项任务已超过完成时限"
        "尚未完成（含在上述各项中）。任务完成率{rate}。",
        day=chinese_date(report.as_of),
        plan=report.plan.title,
        total=counts.total,
        parts=words("，").join(parts),
        overdue=counts.overdue,
        rate=counts.completion_rate,
    )


# -- the department table ----------------------------------------------------------------------


def department_counts(report: PlanReport) -> list[tuple[str, Counts]]:
    """(name, counts) per lead department in official order, 未分配 last if any; only
    departments that lead a task of the report."""
    by_lead: dict[int | None, list[ReportTask]] = {}
    for task in report.tasks:
        by_lead.setdefault(task.lead_id, []).append(task)
    out = [(d.name, count(by_lead.pop(d.id))) for d in report.departments if d.id in by_lead]
    unassigned = by_lead.pop(None, [])
    for tasks in by_lead.values():  # a lead missing from the list: still counted
        out.append((tasks[0].lead or UNASSIGNED, count(tasks)))
    if unassigned:
        out.append((Wording.of(report)(UNASSIGNED), count(unassigned)))
    return out


# (header, width mm): 156 mm; two-character headers need 12 mm, three 16, four in two lines.
FIGURE_COLUMNS = (
    ("牵头\n任务", 12),
    ("已完成", 16),
    ("序时\n推进", 12),
    ("滞后", 12),
    ("未启动", 16),
    ("暂缓", 12),
    ("未报送", 16),
    ("其中\n逾期", 12),
)


def department_table(report: PlanReport) -> TableSpec:
    words = Wording.of(report)
    short = {d.name: d.short_name for d in report.departments if d.short_name}
    name_width = 156 - sum(w for _, w in FIGURE_COLUMNS)
    fits = int((name_width - 4) / (12 * 25.4 / 72))  # 12 pt characters in the name cell
    columns = [Column(words("牵头处室"), name_width, "center")]
    columns += [Column(words(h), w, "center") for h, w in FIGURE_COLUMNS]
    rows = []
    for name, counts in [*department_counts(report), (words("合计"), count(report.tasks))]:
        shown = short.get(name, name) if text_width(name) > fits else name
        figures = [counts.total, *(counts[c] for c in CATEGORIES), counts.overdue]
        rows.append(Row([shown, *(str(f) for f in figures)]))
    return TableSpec(columns, rows)


# -- 二、三、四 ------------------------------------------------------------------------------------


def _sentence(text: str) -> str:
    text = official(text).strip().replace("\n", "；")
    return text if text.endswith(("。", "！", "？", "…")) else text.rstrip("；，,;") + "。"


Note = Callable[[ReportTask], str]  # a task's 领导批示 at its first mention, else ""


def _no_note(task: ReportTask) -> str:
    return ""


def progress_lines(report: PlanReport, note: Note = _no_note) -> tuple[list[str], list[str]]:
    """(completed this period, other notable progress) as paragraphs."""
    words = Wording.of(report)
    done = [
        words("{lead}：{what}（任务{code}）", lead=t.lead or words(UNASSIGNED),
              what=_sentence(t.progress or t.text).rstrip("。"), code=t.code) + note(t) + "。"
        for t in (done_this_period(report) if report.period is not None else [])
    ]  # fmt: skip
    moving = [t for t in report.tasks if t.reported and t.status == ON_TRACK and t.progress]
    moving.sort(key=lambda t: -(t.percent or 0))
    chosen = sorted(moving[:HIGHLIGHTS], key=report.tasks.index)
    other = [
        words("{lead}：{what}（任务{code}，完成{percent}%）", lead=t.lead or words(UNASSIGNED),
              what=_sentence(t.progress).rstrip("。"), code=t.code, percent=t.percent or 0)
        + note(t) + "。"
        for t in chosen
    ]  # fmt: skip
    return done, other


def _state(report: PlanReport, task: ReportTask) -> str:
    words = Wording.of(report)
    states = []
    if task.category == BEHIND:
        states.append(words("进度滞后"))
    if task.overdue:
        states.append(words("已逾期{n}天", n=task.days_overdue))
    return words("，").join(states)


def code_list(tasks: Sequence[ReportTask]) -> str:
    """Task codes for a sentence, runs of one item shortened: 5-3至5-6、14-2."""
    runs: list[list[str]] = []
    for task in tasks:
        item, _, number = task.code.rpartition("-")
        last = runs[-1][-1] if runs else ""
        last_item, _, last_number = last.rpartition("-")
        if (
            item
            and item == last_item
            and number.isdigit()
            and last_number.isdigit()
            and int(number) == int(last_number) + 1
        ):
            runs[-1].append(task.code)
        else:
            runs.append([task.code])
    return "、".join(r[0] if len(r) < 3 else f"{r[0]}至{r[-1]}" for r in runs)


def problem_lines(report: PlanReport, note: Note = _no_note) -> list[str]:
    """Behind and overdue tasks: with their reason one by one, without one per department."""
    words = Wording.of(report)
    late = [t for t in report.tasks if t.overdue or t.category == BEHIND]
    lines = []
    if late:
        behind = sum(t.category == BEHIND for t in report.tasks)
        overdue = sum(t.overdue for t in report.tasks)
        lines.append(
            words("进度滞后的任务{b}项，已超过完成时限尚未完成的任务{o}项。", b=behind, o=overdue)
        )
    explained = [t for t in late if t.problems.strip()]
    for task in explained:
        lines.append(
            words("{code}（{lead}，{state}）：{why}", code=task.code,
                  lead=task.lead or words(UNASSIGNED), state=_state(report, task),
                  why=_sentence(task.problems).rstrip("。")) + note(task) + "。"
        )  # fmt: skip
    silent: dict[str, list[ReportTask]] = {}
    for task in late:
        if not task.problems.strip():
            silent.setdefault(task.lead or words(UNASSIGNED), []).append(task)
    for lead, tasks in silent.items():
        groups = [
            ([t for t in tasks if t.overdue and not t.reported], "已超过完成时限，本期未报送进展"),
            ([t for t in tasks if t.overdue and t.reported], "已超过完成时限，未说明原因"),
            ([t for t in tasks if not t.overdue], "进度滞后，未说明原因"),
        ]
        parts = [
            words("{codes}{n}{what}", codes=code_list(group),
                  n=words("（{n}项）", n=len(group)) if len(group) > 1 else "", what=words(what))
            for group, what in groups
            if group
        ]  # fmt: skip
        lines.append(words("{lead}牵头的任务中，", lead=lead) + words("；").join(parts) + "。")
    postponed = [t for t in report.tasks if t.category == POSTPONED]
    if postponed:
        named = []
        for task in postponed:
            why = task.problems or task.progress or task.next_steps
            text = words("{code}（{lead}）", code=task.code, lead=task.lead or words(UNASSIGNED))
            named.append(text + ("，" + _sentence(why).rstrip("。") if why.strip() else ""))
        lines.append(words("另有{n}项任务暂缓：", n=len(postponed)) + "；".join(named) + "。")
    if not lines:
        lines.append(words("本期无进度滞后或逾期的任务。"))
    return lines


def reporting_line(report: PlanReport) -> str:
    """四、: reported and not reported, with the departments that did not report."""
    words = Wording.of(report)
    missing: dict[str, int] = {}
    for task in report.tasks:
        if task.category == NOT_REPORTED:
            name = task.lead or words(UNASSIGNED)
            missing[name] = missing.get(name, 0) + 1
    total = sum(missing.values())
    if report.period is None:
        head = words("尚未报送过进展的任务{n}项", n=total)
    else:
        earlier = sum(t.done_earlier for t in report.tasks)
        expected = len(report.tasks) - earlier
        reported = sum(t.reported for t in report.tasks)
        head = words("本期应报送{e}项", e=expected)
        if earlier:
            head += words("（此前已完成的{n}项不再报送）", n=earlier)
        head += words("，已报送{r}项，报送率{rate}，未报送{n}项", r=reported,
                      rate=_percent(reported, expected), n=total)  # fmt: skip
    if not total:
        return head + "。"
    spread = words("、").join(words("{name}{n}项", name=k, n=v) for k, v in missing.items())
    return head + words("，其中：") + spread + "。"

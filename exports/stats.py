"""Counting tasks by status for reports: each task in exactly one category.

Overdue comes first (a task past its deadline and not done is overdue, whatever it last
reported), then the reported status; a task never reported counts as not started.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from db.reports import ReportTask

CATEGORIES = ("done", "on_track", "behind", "not_started", "postponed", "overdue")
CATEGORY_NAMES = {
    "done": "已完成",
    "on_track": "序时推进",
    "behind": "滞后",
    "not_started": "未启动",
    "postponed": "暂缓",
    "overdue": "逾期",
}
STATUS_NAMES = {
    "done": "已完成",
    "on_track": "序时推进",
    "behind": "滞后",
    "not_started": "未启动",
    "postponed": "暂缓",
}


def category(task: ReportTask) -> str:
    if task.done:
        return "done"
    if task.overdue:
        return "overdue"
    if task.status in ("on_track", "behind", "postponed"):
        return task.status
    return "not_started"


def status_name(task: ReportTask) -> str:
    """The status as written in a report: the reported word, or 未报送."""
    if task.status is None:
        return "未报送"
    return STATUS_NAMES.get(task.status, task.status)


@dataclass
class Counts:
    total: int = 0
    by_category: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CATEGORIES, 0))
    not_reported: int = 0

    def add(self, task: ReportTask) -> None:
        self.total += 1
        self.by_category[category(task)] += 1
        if not task.reported:
            self.not_reported += 1

    def __getitem__(self, name: str) -> int:
        return self.by_category[name]

    @property
    def completion_rate(self) -> str:
        """完成率 with one decimal, as published 通报 write it ("23.3%")."""
        if not self.total:
            return "0.0%"
        return f"{self['done'] * 100 / self.total:.1f}%"


def count(tasks: Iterable[ReportTask]) -> Counts:
    counts = Counts()
    for task in tasks:
        counts.add(task)
    return counts

"""Counting tasks for reports, in the categories of ``domain.statuses``: each task in exactly
one category (已完成 · 序时推进 · 滞后 · 未启动 · 暂缓 · 未报送), and 逾期 counted beside them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from db.reports import ReportTask
from domain.statuses import CATEGORIES, CATEGORY_NAMES, DONE, NOT_REPORTED, STATUS_NAMES

__all__ = ["CATEGORIES", "CATEGORY_NAMES", "Counts", "category", "count", "status_name"]


def category(task: ReportTask) -> str:
    return task.category


def status_name(task: ReportTask) -> str:
    """The status as written in a report: the reported word, or 未报送."""
    if task.status is None:
        return CATEGORY_NAMES[NOT_REPORTED]
    return STATUS_NAMES.get(task.status, task.status)


@dataclass
class Counts:
    total: int = 0
    by_category: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CATEGORIES, 0))
    overdue: int = 0  # across the categories: past the deadline and not done

    def add(self, task: ReportTask) -> None:
        self.total += 1
        self.by_category[task.category] += 1
        if task.overdue:
            self.overdue += 1

    def __getitem__(self, name: str) -> int:
        return self.by_category[name]

    @property
    def not_reported(self) -> int:
        return self.by_category[NOT_REPORTED]

    @property
    def completion_rate(self) -> str:
        """完成率 with one decimal, as published 通报 write it ("23.3%")."""
        if not self.total:
            return "0.0%"
        return f"{self[DONE] * 100 / self.total:.1f}%"


def count(tasks: Iterable[ReportTask]) -> Counts:
    counts = Counts()
    for task in tasks:
        counts.add(task)
    return counts

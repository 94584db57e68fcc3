"""Warning lights (预警): green, yellow, red — and grey for open-ended tasks waiting for
review — each with the sentence that explains it.

序时进度 (time-proportional progress): a task due at the end of the year is expected to be
m/12 done at the end of month m; in general, the share of the time from the start of the
plan year to the deadline that has passed. The thresholds are office settings.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

GREEN, YELLOW, RED, GREY = "green", "yellow", "red", "grey"
LIGHTS = (RED, YELLOW, GREEN, GREY)
LIGHT_WORDS = {GREEN: "绿", YELLOW: "黄", RED: "红", GREY: "灰"}


@dataclass(frozen=True)
class Thresholds:
    yellow_days: int = 15  # yellow when the deadline is this close …
    yellow_fraction: float = 0.3  # … or less than this share of the time is left
    behind_margin: int = 0  # percentage points under 序时进度 before progress counts as behind

    @classmethod
    def from_settings(cls, values: dict[str, object]) -> Thresholds:
        return cls(
            yellow_days=int(values.get("warning.yellow_days", 15)),  # type: ignore[arg-type]
            yellow_fraction=float(values.get("warning.yellow_fraction", 0.3)),  # type: ignore[arg-type]
            behind_margin=int(values.get("warning.behind_margin", 0)),  # type: ignore[arg-type]
        )


@dataclass(frozen=True)
class Light:
    color: str
    reason: str  # "红：完成时限 2020年6月30日 已过 12 天，最近进展 60%"
    expected: int | None = None  # 序时进度 in percent, when there is one

    @property
    def word(self) -> str:
        return LIGHT_WORDS[self.color]


def expected_percent(start: dt.date, due: dt.date, as_of: dt.date) -> int:
    """序时进度: the share of the time from ``start`` to ``due`` that has passed, in percent."""
    if as_of >= due:
        return 100
    if as_of <= start:
        return 0
    total = (due - start).days
    return round(100 * (as_of - start).days / total) if total > 0 else 100


def _progress_words(status: str | None, percent: int | None) -> str:
    if status is None:
        return "尚未报送进展"
    if percent is None:
        return {"not_started": "报告未启动", "postponed": "报告暂缓"}.get(status, "未报进度")
    return f"最近进展 {percent}%"


def light_for(
    *,
    due: dt.date | None,
    deadline_kind: str,
    status: str | None,
    percent: int | None,
    as_of: dt.date,
    year_start: dt.date,
    thresholds: Thresholds = Thresholds(),
    target_percent: int | None = None,
) -> Light:
    """The light of one task as of ``as_of`` (the end of the reporting period, or today).

    With a 阶段目标 for the period that names a percent (``target_percent``), the reported
    percent is judged against it instead of the 序时进度, and the reason says so."""
    if status == "done":
        return Light(GREEN, "绿：已完成")
    if status == "postponed":
        return Light(GREY, "灰：已暂缓，待复核")
    if due is None:
        what = "无固定完成时限" if deadline_kind in ("open_ended", "recurring") else "未设完成时限"
        if deadline_kind == "unknown":
            what = "完成时限无法识别"
        return Light(GREY, f"灰：{what}，每期复核；{_progress_words(status, percent)}")
    progress = _progress_words(status, percent)
    if due < as_of:
        days = (as_of - due).days
        return Light(RED, f"红：完成时限 {_date(due)} 已过 {days} 天，{progress}", 100)
    start = min(year_start, due)
    expected = expected_percent(start, due, as_of)
    days_left = (due - as_of).days
    total = max((due - start).days, 1)
    reported = percent if percent is not None else (0 if status in (None, "not_started") else None)
    if target_percent is not None:
        return _against_target(status, reported, progress, target_percent, thresholds)
    if status == "behind":
        return Light(YELLOW, f"黄：报告滞后，{progress}（序时进度 {expected}%）", expected)
    if reported is not None and reported < expected - thresholds.behind_margin:
        return Light(YELLOW, f"黄：{progress}，低于序时进度 {expected}%", expected)
    if days_left <= thresholds.yellow_days or days_left / total <= thresholds.yellow_fraction:
        return Light(
            YELLOW, f"黄：距完成时限 {_date(due)} 还有 {days_left} 天，{progress}", expected
        )
    return Light(GREEN, f"绿：{progress}，序时进度 {expected}%", expected)


def _against_target(
    status: str | None, reported: int | None, progress: str, target: int, limits: Thresholds
) -> Light:
    """The light of a task not yet due, judged against the period's 阶段目标 percent: the
    office agreed what this period is to reach, so the straight line of 序时 does not apply
    (nor the closeness of the final deadline, which the target already accounts for)."""
    if status == "behind" or (reported is not None and reported < target - limits.behind_margin):
        return Light(YELLOW, f"黄：阶段目标 {target}%，{progress}", target)
    return Light(GREEN, f"绿：{progress}，达到阶段目标 {target}%", target)


def _date(day: dt.date) -> str:
    """2020-06-30 → 2020年6月30日: the window and the documents never show ISO dates."""
    return f"{day.year}年{day.month}月{day.day}日"

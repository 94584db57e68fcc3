"""The words of progress, in one place: the statuses a department reports, the categories
reports and the dashboard count tasks in, and the words clerks write for them.

Used by the store (``db.progress`` checks a status against ``STATUSES``), the dashboard
(``db.dashboard``), the documents (``exports``) and the window (``qtapp``, which shows
the codes through its translations).

The categories of a period PARTITION the tasks — each task is in exactly one:
  已完成    done (reported done this period or in an earlier one);
  序时推进 · 滞后 · 未启动 · 暂缓   what the task reported for this period;
  未报送    not done and no report for this period (never counted as 未启动).
Without a period (as of a date) a task's latest report counts and 未报送 means never reported.
逾期 (overdue: past its deadline and not done) is a figure of its own, across categories: an
overdue task that reported 序时推进 is both, and a report says so.
"""

from __future__ import annotations

import datetime as dt

NOT_STARTED, ON_TRACK, BEHIND, DONE, POSTPONED = (
    "not_started",
    "on_track",
    "behind",
    "done",
    "postponed",
)
NOT_REPORTED = "not_reported"
OVERDUE = "overdue"

# What a department can report (the store's CHECK constraint lists the same codes).
STATUSES = (NOT_STARTED, ON_TRACK, BEHIND, DONE, POSTPONED)
STATUS_NAMES = {
    NOT_STARTED: "未启动",
    ON_TRACK: "序时推进",
    BEHIND: "滞后",
    DONE: "已完成",
    POSTPONED: "暂缓",
}
# The choices a feedback form offers, in the order offices print them.
STATUS_CHOICES = tuple(STATUS_NAMES[s] for s in (DONE, ON_TRACK, BEHIND, NOT_STARTED, POSTPONED))

# The categories of a report, in the order reports print them: a partition of the tasks.
CATEGORIES = (DONE, ON_TRACK, BEHIND, NOT_STARTED, POSTPONED, NOT_REPORTED)
CATEGORY_NAMES = {**STATUS_NAMES, NOT_REPORTED: "未报送"}
OVERDUE_NAME = "逾期"

# Words clerks and departments write for a status (forms, the command line).
STATUS_WORDS = {
    "已完成": DONE,
    "完成": DONE,
    "全部完成": DONE,
    "序时推进": ON_TRACK,
    "推进中": ON_TRACK,
    "正常推进": ON_TRACK,
    "达进度": ON_TRACK,
    "超进度": ON_TRACK,
    "滞后": BEHIND,
    "欠进度": BEHIND,
    "未启动": NOT_STARTED,
    "暂缓": POSTPONED,
    "推迟": POSTPONED,
}


def status_code(word: str) -> str | None:
    """The status a word or a code names (序时推进, on_track, 推进中 …), or None."""
    word = word.strip()
    if word in STATUSES:
        return word
    return STATUS_WORDS.get(word)


def category(status: str | None, reported: bool) -> str:
    """The category of a task whose latest status (this period's report, else the latest
    before it) is ``status``; ``reported``: it reported for the period in question."""
    if status == DONE:
        return DONE
    if reported and status in STATUSES:
        return status
    return NOT_REPORTED


def is_overdue(status: str | None, due: dt.date | None, as_of: dt.date) -> bool:
    """Past its deadline on ``as_of`` and not done (a task due that day is not overdue)."""
    return status != DONE and due is not None and due < as_of

"""One vocabulary: the statuses and the report's categories are those of domain.statuses
wherever they appear — the store, the dashboard, the documents, the forms, the window."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlite_utils import Database

from domain import statuses


def test_the_store_accepts_exactly_the_statuses(db: Database) -> None:
    sql = db.execute("SELECT sql FROM sqlite_master WHERE name = 'progress_entries'").fetchone()[0]
    for code in statuses.STATUSES:
        assert f"'{code}'" in sql
    from db.progress import STATUSES

    assert STATUSES is statuses.STATUSES


def test_the_dashboard_counts_the_report_categories_then_overdue() -> None:
    from db.dashboard import FIGURES

    assert (*statuses.CATEGORIES, statuses.OVERDUE) == FIGURES


def test_the_forms_and_the_command_line_read_the_same_words() -> None:
    from exports.feedback import STATUS_CHOICES
    from exports.form_cells import parse_status

    assert STATUS_CHOICES == ("已完成", "序时推进", "滞后", "未启动", "暂缓")
    for word in STATUS_CHOICES:
        assert parse_status(f"☑{word}")[0] == statuses.status_code(word)
    assert statuses.status_code("推进中") == statuses.ON_TRACK
    assert statuses.status_code("on_track") == statuses.ON_TRACK
    assert statuses.status_code("不知道") is None


@pytest.mark.gui
def test_the_window_names_every_status_and_figure() -> None:
    from qtapp.display import STATUS_NAMES
    from qtapp.ui.dashboard_panel import STATUS_FIGURES

    assert tuple(STATUS_NAMES) == statuses.STATUSES
    from db.dashboard import FIGURES

    assert set(STATUS_FIGURES) == set(FIGURES)


def test_categories_partition_and_overdue_is_apart() -> None:
    day = dt.date(2020, 7, 10)
    assert statuses.category("done", reported=False) == statuses.DONE
    assert statuses.category("on_track", reported=True) == statuses.ON_TRACK
    assert statuses.category("on_track", reported=False) == statuses.NOT_REPORTED
    assert statuses.category(None, reported=False) == statuses.NOT_REPORTED
    assert statuses.is_overdue("on_track", dt.date(2020, 6, 30), day)
    assert not statuses.is_overdue("done", dt.date(2020, 6, 30), day)
    assert not statuses.is_overdue(None, day, day)  # due today is not overdue

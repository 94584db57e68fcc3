"""Warning lights: each colour for its reason, and every light explains itself."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from domain.warnings import GREEN, GREY, RED, YELLOW, Thresholds, expected_percent, light_for

YEAR = dt.date(2020, 1, 1)
END = dt.date(2020, 12, 31)


def light(
    due: dt.date | None,
    as_of: dt.date,
    status: str | None = "on_track",
    percent: int | None = None,
    kind: str = "month",
    **limits: float,
):  # type: ignore[no-untyped-def]
    return light_for(
        due=due,
        deadline_kind=kind,
        status=status,
        percent=percent,
        as_of=as_of,
        year_start=YEAR,
        thresholds=Thresholds(**limits),
    )  # type: ignore[arg-type]


def test_time_proportional_progress() -> None:
    assert expected_percent(YEAR, END, dt.date(2020, 3, 31)) == 25  # ~3/12 of the year
    assert expected_percent(YEAR, END, dt.date(2020, 11, 30)) == 92  # 11/12 = 91.7 %
    assert expected_percent(YEAR, END, dt.date(2021, 1, 5)) == 100
    assert expected_percent(YEAR, END, dt.date(2019, 12, 1)) == 0


def test_red_when_the_deadline_has_passed_and_it_says_by_how_much() -> None:
    result = light(dt.date(2020, 6, 30), dt.date(2020, 7, 12), percent=60)
    assert result.color == RED
    assert result.reason == "红：完成时限 2020年6月30日 已过 12 天，最近进展 60%"


def test_done_is_green_even_after_the_deadline() -> None:
    assert light(dt.date(2020, 6, 30), dt.date(2020, 9, 1), status="done").color == GREEN


def test_yellow_below_time_proportional_progress() -> None:
    result = light(END, dt.date(2020, 6, 30), percent=30)
    assert result.color == YELLOW and "低于序时进度 50%" in result.reason
    assert light(END, dt.date(2020, 6, 30), percent=30, behind_margin=25).color == GREEN


def test_yellow_when_the_deadline_is_close() -> None:
    due = dt.date(2020, 6, 30)
    result = light(due, dt.date(2020, 6, 20), percent=99)
    assert result.color == YELLOW and "还有 10 天" in result.reason
    assert (
        light(due, dt.date(2020, 6, 20), percent=99, yellow_days=5, yellow_fraction=0.01).color
        == GREEN
    )


def test_behind_status_is_yellow_and_on_track_is_green() -> None:
    assert light(END, dt.date(2020, 3, 31), status="behind", percent=40).color == YELLOW
    result = light(END, dt.date(2020, 3, 31), percent=40)
    assert result.color == GREEN and result.reason == "绿：最近进展 40%，序时进度 25%"


def test_open_ended_and_postponed_tasks_are_grey_waiting_for_review() -> None:
    result = light(None, dt.date(2020, 3, 31), kind="open_ended", percent=None)
    assert (
        result.color == GREY and "无固定完成时限" in result.reason and "每期复核" in result.reason
    )
    assert light(None, dt.date(2020, 3, 31), kind="unknown").reason.startswith(
        "灰：完成时限无法识别"
    )
    assert light(END, dt.date(2020, 3, 31), status="postponed").color == GREY


def test_not_reported_yet_is_yellow_once_time_has_passed() -> None:
    result = light(END, dt.date(2020, 4, 30), status=None)
    assert result.color == YELLOW and "尚未报送进展" in result.reason


@given(
    due=st.one_of(st.none(), st.dates(dt.date(2019, 1, 1), dt.date(2022, 12, 31))),
    as_of=st.dates(dt.date(2019, 1, 1), dt.date(2022, 12, 31)),
    status=st.sampled_from([None, "not_started", "on_track", "behind", "done", "postponed"]),
    percent=st.one_of(st.none(), st.integers(0, 100)),
    kind=st.sampled_from(["month", "open_ended", "recurring", "unknown", ""]),
)
def test_every_light_has_a_colour_and_a_reason_in_words(due, as_of, status, percent, kind) -> None:  # type: ignore[no-untyped-def]
    result = light(due, as_of, status=status, percent=percent, kind=kind)
    assert result.color in (GREEN, YELLOW, RED, GREY)
    assert result.reason.startswith(result.word + "：") and len(result.reason) > 3

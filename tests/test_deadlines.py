"""Deadline phrases (完成时限): resolving them against the plan year, and finding them
inside task sentences."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.deadlines import (
    Deadline,
    DeadlineKind,
    Milestone,
    SchoolCalendar,
    find_deadline_phrase,
    resolve_deadline,
)

K = DeadlineKind
Y = 2021  # a plan year without 29 February

# (phrase, expected due, expected kind), all against plan year 2021.
SINGLE_CASES = [
    # month ends
    ("6月底前", date(2021, 6, 30), K.MONTH),
    ("6月底", date(2021, 6, 30), K.MONTH),
    ("6月份", date(2021, 6, 30), K.MONTH),
    ("6月", date(2021, 6, 30), K.MONTH),
    ("6月末", date(2021, 6, 30), K.MONTH),
    ("6月前", date(2021, 6, 30), K.MONTH),  # documented: end of June, not 31 May
    ("6月份底前", date(2021, 6, 30), K.MONTH),
    ("6月内", date(2021, 6, 30), K.MONTH),
    ("4月底前", date(2021, 4, 30), K.MONTH),
    ("2月底前", date(2021, 2, 28), K.MONTH),
    ("12月底前", date(2021, 12, 31), K.MONTH),  # documented: MONTH, same date as 年底
    ("年底前", date(2021, 12, 31), K.YEAR_END),
    ("年底", date(2021, 12, 31), K.YEAR_END),
    ("年内", date(2021, 12, 31), K.YEAR_END),
    ("年末", date(2021, 12, 31), K.YEAR_END),
    ("年终", date(2021, 12, 31), K.YEAR_END),
    # specific days
    ("3月15日前", date(2021, 3, 15), K.DATE),
    ("3月15日", date(2021, 3, 15), K.DATE),
    ("3月1号前", date(2021, 3, 1), K.DATE),
    ("9月30日之前", date(2021, 9, 30), K.DATE),
    ("2021年7月1日", date(2021, 7, 1), K.DATE),
    ("2022年7月1日", date(2022, 7, 1), K.DATE),
    ("2022-07-01", date(2022, 7, 1), K.DATE),
    ("2022.7.1前", date(2022, 7, 1), K.DATE),
    # parts of months
    ("6月上旬", date(2021, 6, 10), K.MONTH),
    ("6月中旬", date(2021, 6, 20), K.MONTH),
    ("6月下旬", date(2021, 6, 30), K.MONTH),
    ("9月下旬前", date(2021, 9, 30), K.MONTH),
    ("6月初", date(2021, 6, 10), K.MONTH),
    ("6月中下旬", date(2021, 6, 30), K.MONTH),
    ("6月上中旬", date(2021, 6, 20), K.MONTH),
    # halves and quarters
    ("上半年", date(2021, 6, 30), K.PERIOD),
    ("下半年", date(2021, 12, 31), K.PERIOD),
    ("一季度", date(2021, 3, 31), K.PERIOD),
    ("第一季度", date(2021, 3, 31), K.PERIOD),
    ("1季度", date(2021, 3, 31), K.PERIOD),
    ("Q1", date(2021, 3, 31), K.PERIOD),
    ("q2", date(2021, 6, 30), K.PERIOD),
    ("二季度", date(2021, 6, 30), K.PERIOD),
    ("第三季度末", date(2021, 9, 30), K.PERIOD),
    ("三季度", date(2021, 9, 30), K.PERIOD),
    ("四季度", date(2021, 12, 31), K.PERIOD),
    ("前三季度", date(2021, 9, 30), K.PERIOD),
    # year-long
    ("全年", date(2021, 12, 31), K.YEAR_LONG),
    # open-ended
    ("长期坚持", None, K.OPEN_ENDED),
    ("长期", None, K.OPEN_ENDED),
    ("持续推进", None, K.OPEN_ENDED),
    ("持续", None, K.OPEN_ENDED),
    ("持续开展", None, K.OPEN_ENDED),
    ("常态化", None, K.OPEN_ENDED),
    ("长效", None, K.OPEN_ENDED),
    ("适时", None, K.OPEN_ENDED),
    ("待定", None, K.OPEN_ENDED),
    # recurring
    ("每月", None, K.RECURRING),
    ("每季度", None, K.RECURRING),
    ("每年", None, K.RECURRING),
    ("每学期", None, K.RECURRING),
    ("每月5日前", None, K.RECURRING),
    ("每周", None, K.RECURRING),
    # school anchors, default calendar
    ("寒假前", date(2022, 1, 15), K.SCHOOL),
    ("暑假前", date(2021, 7, 10), K.SCHOOL),
    ("开学前", date(2021, 8, 31), K.SCHOOL),
    ("秋季开学前", date(2021, 8, 31), K.SCHOOL),
    ("春季开学前", date(2021, 2, 20), K.SCHOOL),
    ("期末", date(2021, 7, 5), K.SCHOOL),
    ("学期末", date(2021, 7, 5), K.SCHOOL),
    ("放暑假前完成", date(2021, 7, 10), K.SCHOOL),
    # a year written out, or relative to the plan year
    ("2022年7月底前", date(2022, 7, 31), K.MONTH),
    ("2022年底前", date(2022, 12, 31), K.YEAR_END),
    ("2022年", date(2022, 12, 31), K.YEAR_END),
    ("2022年度", date(2022, 12, 31), K.YEAR_END),
    ("2022年上半年", date(2022, 6, 30), K.PERIOD),
    ("2022年第一季度", date(2022, 3, 31), K.PERIOD),
    ("二〇二二年六月底前", date(2022, 6, 30), K.MONTH),
    ("明年6月底前", date(2022, 6, 30), K.MONTH),
    ("明年", date(2022, 12, 31), K.YEAR_END),
    ("明年底", date(2022, 12, 31), K.YEAR_END),
    ("次年3月", date(2022, 3, 31), K.MONTH),
    ("次年上半年", date(2022, 6, 30), K.PERIOD),
    ("今年底前", date(2021, 12, 31), K.YEAR_END),
    # Traditional characters
    ("長期堅持", None, K.OPEN_ENDED),
    ("持續推進", None, K.OPEN_ENDED),
    ("常態化", None, K.OPEN_ENDED),
    ("適時", None, K.OPEN_ENDED),
    ("年內", date(2021, 12, 31), K.YEAR_END),
    ("開學前", date(2021, 8, 31), K.SCHOOL),
    ("每學期", None, K.RECURRING),
    ("確保6月底前完成", date(2021, 6, 30), K.MONTH),
    ("力爭年內", date(2021, 12, 31), K.YEAR_END),
    # full-width digits and letters
    ("６月底前", date(2021, 6, 30), K.MONTH),
    ("１２月底前", date(2021, 12, 31), K.MONTH),
    ("２０２２年３月１５日", date(2022, 3, 15), K.DATE),
    ("Ｑ３", date(2021, 9, 30), K.PERIOD),
    # Chinese numerals
    ("六月底前", date(2021, 6, 30), K.MONTH),
    ("十二月底前", date(2021, 12, 31), K.MONTH),
    ("十月", date(2021, 10, 31), K.MONTH),
    ("十一月十五日前", date(2021, 11, 15), K.DATE),
    ("三月二十日", date(2021, 3, 20), K.DATE),
    ("五月三十一日", date(2021, 5, 31), K.DATE),
    # surrounding noise
    ("  6月底前  ", date(2021, 6, 30), K.MONTH),
    ("力争6月底前", date(2021, 6, 30), K.MONTH),
    ("确保年底前完成", date(2021, 12, 31), K.YEAR_END),
    ("6月底前完成", date(2021, 6, 30), K.MONTH),
    ("6月以前", date(2021, 6, 30), K.MONTH),
    ("年底（含）", date(2021, 12, 31), K.YEAR_END),
    ("截至9月底", date(2021, 9, 30), K.MONTH),
    ("6月完成", date(2021, 6, 30), K.MONTH),
    ("2022年前完成", date(2022, 12, 31), K.YEAR_END),
    ("6 月 底 前", date(2021, 6, 30), K.MONTH),
    ("6月底前。", date(2021, 6, 30), K.MONTH),
    ("6月底前完成改造", date(2021, 6, 30), K.MONTH),
    # unknown / empty
    ("", None, K.EMPTY),
    ("   ", None, K.EMPTY),
    ("\u3000\t\n", None, K.EMPTY),
    ("尽快", None, K.UNKNOWN),
    ("按上级要求", None, K.UNKNOWN),
    ("abc", None, K.UNKNOWN),
    ("3个月内", None, K.UNKNOWN),
    ("，", None, K.UNKNOWN),
    # debatable, documented: a bare month/year followed by other words is no deadline
    ("6月份召开会议", None, K.UNKNOWN),
    ("2035年远景目标", None, K.UNKNOWN),
    ("期末考试", None, K.UNKNOWN),
    # dates that do not exist: kept, never a guess at another day
    ("2月30日前", None, K.UNKNOWN),
    ("2月29日", None, K.UNKNOWN),  # 2021 has no 29 February
    ("13月底前", None, K.UNKNOWN),
    ("0月", None, K.UNKNOWN),
    ("4月31日", None, K.UNKNOWN),
    ("6月32日前", None, K.UNKNOWN),
    ("十十月", None, K.UNKNOWN),
    ("2021-02-30", None, K.UNKNOWN),
    ("0000年", None, K.UNKNOWN),
]


@pytest.mark.parametrize(("phrase", "due", "kind"), SINGLE_CASES)
def test_resolve_single(phrase: str, due: date | None, kind: DeadlineKind) -> None:
    got = resolve_deadline(phrase, Y)
    assert (got.due, got.kind) == (due, kind)
    assert got.phrase == phrase
    assert got.milestones == ()
    assert got.recognised is (kind is not K.UNKNOWN)


@pytest.mark.parametrize(
    ("phrase", "year", "due"),
    [
        ("2月底", 2020, date(2020, 2, 29)),
        ("2月底前", 2021, date(2021, 2, 28)),
        ("2月29日", 2020, date(2020, 2, 29)),
        ("2月下旬", 2024, date(2024, 2, 29)),
        ("2月底", 1900, date(1900, 2, 28)),  # century years are not leap years...
        ("2月底", 2000, date(2000, 2, 29)),  # ...unless divisible by 400
        ("2020年2月29日前", 2021, date(2020, 2, 29)),
        ("明年2月底", 2023, date(2024, 2, 29)),
        ("一季度", 2020, date(2020, 3, 31)),
    ],
)
def test_leap_years(phrase: str, year: int, due: date) -> None:
    assert resolve_deadline(phrase, year).due == due


def test_kinds_are_stable_database_strings() -> None:
    assert [k.value for k in DeadlineKind] == [
        "empty",
        "date",
        "month",
        "period",
        "year_end",
        "year_long",
        "open_ended",
        "recurring",
        "school",
        "compound",
        "unknown",
    ]
    assert DeadlineKind("year_end") is K.YEAR_END
    assert K.MONTH == "month"


@pytest.mark.parametrize(
    "phrase", ["  6月底前", "6月底前  ", "\u3000年内\u3000", "６月底前", "長期堅持", "尽快 ", " "]
)
def test_phrase_is_kept_exactly(phrase: str) -> None:
    assert resolve_deadline(phrase, Y).phrase == phrase


def test_compound_two_milestones() -> None:
    got = resolve_deadline("3月底前完成试点，6月底前完成推广", Y)
    assert got == Deadline(
        "3月底前完成试点，6月底前完成推广",
        date(2021, 6, 30),
        K.COMPOUND,
        (
            Milestone("3月底前完成试点", date(2021, 3, 31)),
            Milestone("6月底前完成推广", date(2021, 6, 30)),
        ),
    )


def test_compound_staged_percents() -> None:
    got = resolve_deadline("10月底完成70%、11月底完成85%", Y)
    assert got.kind is K.COMPOUND
    assert got.due == date(2021, 11, 30)
    assert got.milestones == (
        Milestone("10月底完成70%", date(2021, 10, 31), 70),
        Milestone("11月底完成85%", date(2021, 11, 30), 85),
    )


def test_single_staged_percent_keeps_one_milestone() -> None:
    got = resolve_deadline("10月底完成７０％", Y)
    assert (got.kind, got.due) == (K.MONTH, date(2021, 10, 31))
    assert got.milestones == (Milestone("10月底完成７０％", date(2021, 10, 31), 70),)


@pytest.mark.parametrize(
    ("phrase", "dues"),
    [
        ("3月底前,6月底前", [date(2021, 3, 31), date(2021, 6, 30)]),
        ("3月底前；6月底前", [date(2021, 3, 31), date(2021, 6, 30)]),
        ("3月底前;6月底前", [date(2021, 3, 31), date(2021, 6, 30)]),
        ("3月底前、6月底前", [date(2021, 3, 31), date(2021, 6, 30)]),
        ("寒假前和暑假前", [date(2022, 1, 15), date(2021, 7, 10)]),
        ("一季度及三季度", [date(2021, 3, 31), date(2021, 9, 30)]),
        # the latest milestone need not come last
        ("12月15日前验收、9月底前开工", [date(2021, 12, 15), date(2021, 9, 30)]),
        # a year written out carries on to later milestones
        ("2022年3月底前，6月底前", [date(2022, 3, 31), date(2022, 6, 30)]),
        ("明年3月、6月", [date(2022, 3, 31), date(2022, 6, 30)]),
        # Traditional, full-width
        ("３月底前完成試點，年內全面推開", [date(2021, 3, 31), date(2021, 12, 31)]),
        # an undated milestone still counts as a milestone
        ("3月底前启动，长期坚持", [date(2021, 3, 31), None]),
    ],
)
def test_compound_separators(phrase: str, dues: list[date | None]) -> None:
    got = resolve_deadline(phrase, Y)
    assert got.kind is K.COMPOUND
    assert [m.due for m in got.milestones] == dues
    assert got.due == max(d for d in dues if d is not None)


def test_compound_text_without_deadline_joins_previous_milestone() -> None:
    got = resolve_deadline("3月底前完成试点和评估，6月底前完成推广", Y)
    assert [m.phrase for m in got.milestones] == ["3月底前完成试点和评估", "6月底前完成推广"]
    assert got.due == date(2021, 6, 30)


def test_compound_milestone_phrases_come_from_the_phrase_as_typed() -> None:
    got = resolve_deadline(" ３月底前完成試點 ，  ６月底前 ", Y)
    assert [m.phrase for m in got.milestones] == ["３月底前完成試點", "６月底前"]


def test_compound_with_no_date_at_all() -> None:
    got = resolve_deadline("每月调度，长期坚持", Y)
    assert (got.kind, got.due) == (K.COMPOUND, None)
    assert len(got.milestones) == 2


@pytest.mark.parametrize(
    "phrase",
    [
        "3月底前完成试点，2月30日前完成推广",  # one impossible date spoils the lot
        "13月底前，6月底前",
        "完成试点，6月底前完成推广",  # words before the first deadline
    ],
)
def test_compound_that_cannot_be_read_is_unknown(phrase: str) -> None:
    got = resolve_deadline(phrase, Y)
    assert (got.kind, got.due, got.milestones) == (K.UNKNOWN, None, ())


def test_calendar_override() -> None:
    cal = SchoolCalendar(
        winter_break=(1, 1, 20),
        summer_break=(0, 7, 1),
        term_start=(0, 9, 1),
        term_end=(0, 6, 30),
        spring_term_start=(1, 2, 25),
    )
    phrases = ["寒假前", "暑假前", "开学前", "期末", "春季开学前"]
    dues = {p: resolve_deadline(p, Y, cal).due for p in phrases}
    assert dues == {
        "寒假前": date(2022, 1, 20),
        "暑假前": date(2021, 7, 1),
        "开学前": date(2021, 9, 1),
        "期末": date(2021, 6, 30),
        "春季开学前": date(2022, 2, 25),
    }
    # the calendar does not touch ordinary dates
    assert resolve_deadline("6月底前", Y, cal).due == date(2021, 6, 30)


def test_calendar_anchor_on_29_february_falls_back_in_common_years() -> None:
    cal = SchoolCalendar(spring_term_start=(0, 2, 29))
    assert resolve_deadline("春季开学前", 2020, cal).due == date(2020, 2, 29)
    assert resolve_deadline("春季开学前", 2021, cal).due == date(2021, 2, 28)


def test_calendar_year_written_out_replaces_plan_year() -> None:
    assert resolve_deadline("2022年暑假前", Y).due == date(2022, 7, 10)
    assert resolve_deadline("2022年寒假前", Y).due == date(2023, 1, 15)


def test_calendar_round_trips_through_dict() -> None:
    cal = SchoolCalendar(winter_break=(1, 1, 25), term_end=(0, 6, 28))
    data = cal.to_dict()
    assert data == {
        "winter_break": [1, 1, 25],
        "summer_break": [0, 7, 10],
        "term_start": [0, 8, 31],
        "term_end": [0, 6, 28],
        "spring_term_start": [0, 2, 20],
    }
    assert SchoolCalendar.from_dict(data) == cal


def test_calendar_from_dict_fills_defaults_and_ignores_unknown_keys() -> None:
    cal = SchoolCalendar.from_dict({"summer_break": [0, 7, 3], "later_setting": 1})
    assert cal == SchoolCalendar(summer_break=(0, 7, 3))
    assert SchoolCalendar.from_dict({}) == SchoolCalendar()


@pytest.mark.parametrize(
    "value",
    [
        [0, 2, 30],
        [0, 13, 1],
        [0, 0, 1],
        [0, 4, 31],
        [0, 7],
        "0,7,10",
        [0, 7, "10"],
        [9, 7, 10],
        [0, 7, 10.0],
        [True, 7, 10],
    ],
)
def test_calendar_rejects_bad_settings(value: object) -> None:
    with pytest.raises(ValueError, match="summer_break"):
        SchoolCalendar.from_dict({"summer_break": value})


# --- find_deadline_phrase -------------------------------------------------------------

FOUND = [
    ("力争6月底前完成全部改造任务。", "6月底前"),
    ("年底前建成10所智慧校园。", "年底前"),
    ("2021年7月底前完成验收", "2021年7月底前"),
    ("3月底前完成试点，6月底前完成推广", "3月底前完成试点，6月底前完成推广"),
    ("确保3月底前完成试点，6月底前完成推广。再做别的", "3月底前完成试点，6月底前完成推广"),
    ("上半年完成中小学校舍排查", "上半年"),
    ("第三季度末前完成评估", "第三季度末前"),
    ("9月15日前报送材料", "9月15日前"),
    ("暑假前完成校舍维修", "暑假前"),
    ("開學前完成檢查", "開學前"),
    ("期末前完成评估", "期末前"),
    ("力爭６月底前完成", "６月底前"),
    ("十月底前出台方案", "十月底前"),
    ("明年6月底前建成", "明年6月底前"),
    ("今年底前全面完成", "今年底前"),
    ("6月底（含）前完成", "6月底（含）前"),
    ("9月完成全部改造", "9月"),  # a bare month followed by 完成 is a deadline
    ("2022年前完成规划编制", "2022年前"),
    ("2020年2月29日前完成", "2020年2月29日前"),
    ("6 月底前完成", "6 月底前"),
    ("6月底前完成A、B、C三项改造", "6月底前"),  # one deadline, not a compound
]


@pytest.mark.parametrize(("text", "found"), FOUND)
def test_find_deadline_phrase(text: str, found: str) -> None:
    assert find_deadline_phrase(text) == found


def test_found_compound_resolves_to_both_milestones() -> None:
    found = find_deadline_phrase("力争3月底前完成试点，6月底前完成推广。")
    assert found is not None
    got = resolve_deadline(found, 2021)
    assert got.kind is K.COMPOUND
    assert [m.due for m in got.milestones] == [date(2021, 3, 31), date(2021, 6, 30)]


NOT_FOUND = [
    "2020年是全面建成小康社会的决胜之年",
    "第六届全市教育改革成果",
    "用3个月时间开展专项整治",
    "投入1.5亿元",
    "编制“十四五”教育事业发展规划",
    "出台《青岛教育现代化2035》，落实2035年远景目标",
    "6月份召开会议",  # debatable, documented: an event time is not a deadline
    "6月召开全市大会",
    "持续推进“两学一做”学习教育常态化制度化",
    "完善“每周一学、每月一讲、每季一考”制度",
    "全年招生计划",
    "期末考试",
    "三年内完成",
    "去年底已经启动",
    "统一月度考核",
    "政策发布日期:2020-02-27",
    "2月29日前完成",  # only with a leap year written out: plan years differ
    "2月30日前完成",
    "13月底前完成",
    "尽快完成",
    "",
    "   ",
]


@pytest.mark.parametrize("text", NOT_FOUND)
def test_find_deadline_phrase_negatives(text: str) -> None:
    assert find_deadline_phrase(text) is None


def test_find_in_sample_plan_is_precise() -> None:
    # A real 2020 plan (Traditional characters): its prose has years, 十四五, 2035,
    # 常態化 and 每月 but no deadline, so nothing may be found.
    from pathlib import Path

    sample = Path(__file__).parent.parent / "sample_data" / "qingdao-2020-education-workplan.txt"
    if not sample.exists():
        pytest.skip("sample plan not present")
    lines = sample.read_text(encoding="utf-8").splitlines()
    body = [line for line in lines if not line.startswith("- ")]  # skip the metadata
    assert body
    assert [find_deadline_phrase(line) for line in body] == [None] * len(body)


# --- properties -------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "6月",
        "底",
        "前",
        "年",
        "2021",
        "十二",
        "月",
        "日",
        "15",
        "上半年",
        "季度",
        "第",
        "Q",
        "寒假前",
        "期末",
        "每",
        "长期",
        "，",
        "、",
        "和",
        "%",
        "70",
        "（含）",
        "完成",
        "２",
        "２月",
        "29日",
        "年底",
        "明年",
        "全年",
        " ",
        "。",
        "试点",
        "內",
        "開學",
        "〇",
        ".",
    ]
)
_DEADLINE_LIKE = st.lists(_PIECES, max_size=12).map("".join)
_ANY_TEXT = st.one_of(st.text(max_size=40), _DEADLINE_LIKE)
_YEARS = st.integers(min_value=1900, max_value=2200)


@settings(max_examples=400)
@given(_ANY_TEXT, _YEARS)
def test_resolve_never_raises_and_keeps_phrase(phrase: str, year: int) -> None:
    got = resolve_deadline(phrase, year)
    assert got.phrase == phrase
    assert got.recognised is (got.kind is not K.UNKNOWN)
    if got.kind in (K.EMPTY, K.UNKNOWN, K.OPEN_ENDED, K.RECURRING):
        assert got.due is None
    if got.kind is K.COMPOUND:
        assert len(got.milestones) >= 2
        dues = [m.due for m in got.milestones if m.due is not None]
        assert got.due == max(dues, default=None)
    for milestone in got.milestones:
        assert milestone.phrase in phrase
        assert milestone.percent is None or 0 <= milestone.percent <= 100


@settings(max_examples=400)
@given(_ANY_TEXT, _YEARS)
def test_find_returns_a_substring_that_resolves(text: str, year: int) -> None:
    found = find_deadline_phrase(text)
    if found is not None:
        assert found in text
        assert found.strip() == found and found
        got = resolve_deadline(found, year)
        assert got.recognised
        assert got.due is not None


@given(_DEADLINE_LIKE, _DEADLINE_LIKE, _YEARS)
def test_find_inside_a_sentence(before: str, after: str, year: int) -> None:
    text = f"{before}力争6月底前完成{after}"
    found = find_deadline_phrase(text)
    assert found is not None and found in text
    assert resolve_deadline(found, year).recognised


@pytest.mark.parametrize(
    ("phrase", "due", "milestones"),
    [
        ("计划寒假前，其它7月底前", date(2022, 1, 15), [date(2022, 1, 15), date(2021, 7, 31)]),
        ("发布寒假前，实施全年", date(2022, 1, 15), [date(2022, 1, 15), date(2021, 12, 31)]),
        (
            "全年，其中目标、制度等寒假前",
            date(2022, 1, 15),
            [date(2021, 12, 31), date(2022, 1, 15)],
        ),
        (
            "3月底前完成试点，6月底前完成推广",
            date(2021, 6, 30),
            [date(2021, 3, 31), date(2021, 6, 30)],
        ),
    ],
)
def test_compound_deadline_is_the_latest_part_and_each_part_a_milestone(
    phrase: str, due: date, milestones: list[date]
) -> None:
    got = resolve_deadline(phrase, Y)
    assert (got.kind, got.due) == (K.COMPOUND, due)
    assert [m.due for m in got.milestones] == milestones


@pytest.mark.parametrize(
    "phrase", ["计划寒假前，其它7月底前", "发布寒假前，实施全年", "全年，其中目标、制度等寒假前"]
)
def test_a_compound_deadline_resolves_the_same_typed_in_a_note_or_in_a_sentence(
    phrase: str,
) -> None:
    from domain.parser import parse_text

    typed = resolve_deadline(phrase, Y)
    plan = parse_text(
        f"{Y}年工作要点\n一、推进改革\n1.推进改革。制定实施方案。\n"
        f"牵头单位：基教处；完成时限：{phrase}\n"
        f"2.深化课改。课程方案{phrase}。\n"
    )
    noted, in_sentence = list(plan.tasks())
    assert noted.suggested_deadline == phrase
    assert resolve_deadline(noted.suggested_deadline, Y).due == typed.due
    assert resolve_deadline(in_sentence.suggested_deadline, Y).due == typed.due

"""Deadline phrases (完成时限) as clerks type them, resolved against the plan year.

The phrase is always kept exactly as typed; a date is worked out beside it. Nothing is
ever rejected: a phrase we cannot read is kept with no date and kind UNKNOWN.

Decisions on the debatable cases (tests pin each one):

* "12月底前" is MONTH (the kind says what the clerk typed); it has the same date as 年底.
* "6月前" means "by the end of June" (前 is noise, as in 6月底前), not "by 31 May".
* 上旬 -> the 10th, 中旬 and 上中旬 -> the 20th, 下旬 and 中下旬 -> month end, 月初 -> the 10th.
* "Bare" forms - "6月", "6月份", "2021年", "2021年度", "明年", "期末", "2021-07-01" - are
  deadlines when they stand alone or are followed by 前/内/止/完成/...; followed by
  other words they are not: "6月份召开会议" and "2035年远景目标" are UNKNOWN, and
  find_deadline_phrase does not pick them out of a sentence.
* RECURRING and OPEN_ENDED phrases have no date and no milestones.
* An explicit year carries on to later milestones: "2021年3月底前，6月底前" is all 2021.
* In a compound phrase, a piece with no deadline of its own ("评估" in
  "3月底前完成试点和评估") belongs to the milestone before it; a first piece without
  any deadline ("完成试点，6月底前…"), or any impossible date ("2月30日"), makes the
  whole phrase UNKNOWN.
* A piece may name what is due before its deadline in a few words ("发布寒假前",
  "其它7月底前", "制度等寒假前", "实施全年").
* **Compound deadlines** ("计划寒假前，其它7月底前", "发布寒假前，实施全年",
  "全年，其中目标、制度等寒假前"): every dated part is a milestone and the deadline is
  the latest of them. The same rule holds wherever the phrase comes from: typed by the
  clerk, read from a note's 完成时限, or found in a task sentence.
* find_deadline_phrase only finds dated deadlines. 长期/持续/常态化/每月/全年 are
  ordinary words in plan prose ("持续推进…", "每月一讲"), so they are not picked up. It
  returns the deadline with its 前/之前/内/（含） ("6月底前", not "6月底前完成"); when one
  sentence names two or more deadlines, it returns the span from the first deadline to
  the end of the last deadline's clause ("3月底前完成试点，6月底前完成推广").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date
from enum import StrEnum
from typing import Any, NamedTuple


class DeadlineKind(StrEnum):
    """What sort of deadline a phrase names. Values are stored in the database."""

    EMPTY = "empty"
    DATE = "date"
    MONTH = "month"
    PERIOD = "period"
    YEAR_END = "year_end"
    YEAR_LONG = "year_long"
    OPEN_ENDED = "open_ended"
    RECURRING = "recurring"
    SCHOOL = "school"
    COMPOUND = "compound"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Milestone:
    phrase: str  # the piece of the phrase, as typed, e.g. "3月底前完成试点"
    due: date | None
    percent: int | None = None  # staged target: "10月底完成70%" -> 70


@dataclass(frozen=True)
class SchoolCalendar:
    """Dates for school-calendar anchors; offices configure these.

    Each value is (year_offset, month, day) relative to the plan year. The defaults
    follow a school year that runs spring term (in the plan year) then autumn term:
    寒假前 is the winter break at the end of the autumn term (mid-January of the next
    year), 春季开学前 the spring term that opens in February of the plan year.
    A 29 February anchor falls back to the 28th in years without one.
    """

    winter_break: tuple[int, int, int] = (1, 1, 15)  # 寒假前
    summer_break: tuple[int, int, int] = (0, 7, 10)  # 暑假前
    term_start: tuple[int, int, int] = (0, 8, 31)  # 开学前, 秋季开学前 (autumn term)
    term_end: tuple[int, int, int] = (0, 7, 5)  # 期末, 学期末 (spring term ends)
    spring_term_start: tuple[int, int, int] = (0, 2, 20)  # 春季开学前

    def __post_init__(self) -> None:
        for f in fields(self):
            object.__setattr__(self, f.name, _check_anchor(f.name, getattr(self, f.name)))

    def to_dict(self) -> dict[str, list[int]]:
        """Plain lists, ready for JSON settings."""
        return {f.name: list(getattr(self, f.name)) for f in fields(self)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SchoolCalendar:
        """Missing keys keep their defaults; unknown keys are ignored so that older
        builds can read newer settings. Bad values raise ValueError."""
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


def _check_anchor(name: str, value: object) -> tuple[int, int, int]:
    if (
        not isinstance(value, (list, tuple))
        or len(value) != 3
        or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    ):
        raise ValueError(f"{name}: expected [year_offset, month, day], got {value!r}")
    offset, month, day = value
    # 2000 is a leap year, so 29 February is allowed here and clamped when used.
    if not -5 <= offset <= 5 or not 1 <= month <= 12 or not 1 <= day <= _days_in(2000, month):
        raise ValueError(f"{name}: no such date {value!r}")
    return (offset, month, day)


@dataclass(frozen=True)
class Deadline:
    phrase: str  # exactly as passed in
    due: date | None  # the final (latest) date, None when there is none
    kind: DeadlineKind
    milestones: tuple[Milestone, ...] = ()  # 2+ for compound, one for "10月底完成70%"

    @property
    def recognised(self) -> bool:
        return self.kind is not DeadlineKind.UNKNOWN


# --- normalising ---------------------------------------------------------------------
# Traditional characters that occur in deadline words, mapped one to one so positions in
# the normalised text still point into the phrase as typed.
_TRAD = dict(
    zip(
        "長堅續進態適時內開學爭確為隨經計劃預務須於結實現個號週終兩後動啟啓來當畢擬應遲○",
        "长坚续进态适时内开学争确为随经计划预务须于结实现个号周终两后动启启来当毕拟应迟〇",
        strict=True,
    )
)


_TRAD_TABLE = str.maketrans(_TRAD)
_NEEDS_CARE = re.compile(r"[\s\uff01-\uff5e]")


def _normalise(text: str) -> tuple[str, list[int]]:
    """Simplified, half-width, without whitespace; plus where each char came from."""
    if not _NEEDS_CARE.search(text):  # most sentences: a one-to-one mapping, fast
        return text.translate(_TRAD_TABLE), list(range(len(text)))
    chars: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        if ch.isspace():
            continue
        if 0xFF01 <= ord(ch) <= 0xFF5E:  # full-width ASCII: ６ -> 6, （ -> (, ％ -> %
            ch = chr(ord(ch) - 0xFEE0)
        chars.append(_TRAD.get(ch, ch))
        where.append(i)
    return "".join(chars), where


# --- numbers and dates ---------------------------------------------------------------
_CN = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0}
_CN_NUMERALS = "〇零一二三四五六七八九十"


def _number(text: str) -> int | None:
    """'12', '六', '十二', '二十一' -> int; anything malformed ('十十') -> None."""
    if text.isascii():
        return int(text) if text.isdigit() else None
    if "十" not in text:
        return _CN.get(text) if len(text) == 1 else None
    tens, _, units = text.partition("十")
    high = _CN.get(tens) if tens else 1
    low = _CN.get(units) if units else 0
    return None if high is None or low is None else high * 10 + low


def _days_in(year: int, month: int) -> int:
    # Not calendar.monthrange: that fails for years outside 1..9999.
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _make_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except (ValueError, OverflowError):
        return None


def _month_end(year: int, month: int) -> date | None:
    return _make_date(year, month, _days_in(year, month)) if 1 <= month <= 12 else None


# --- the grammar -----------------------------------------------------------------------
class _Core(NamedTuple):
    """One deadline expression. kind UNKNOWN means "shaped like a date, but no such day"."""

    end: int
    due: date | None
    kind: DeadlineKind
    weak: bool = False  # bare "6月"/"2021年"/"期末": needs 前/完成/... before other words
    year: int | None = None  # an explicit year, carried on to later milestones


def _dated(end: int, due: date | None, kind: DeadlineKind, weak: bool = False) -> _Core:
    return _Core(end, due, kind if due is not None else DeadlineKind.UNKNOWN, weak)


_NUM = r"[0-9]{1,2}|[一二三四五六七八九十]{1,3}"
_ISO_RE = re.compile(r"([0-9]{4})[-./]([0-9]{1,2})[-./]([0-9]{1,2})(?![0-9])")
_YEAR_RE = re.compile(r"([0-9]{4}|[〇零一二三四五六七八九]{4})年")
_REL_YEARS = {"明年": 1, "次年": 1, "来年": 1, "今年": 0, "本年": 0}
_REL_YEAR_RE = re.compile("|".join(_REL_YEARS))
_MONTH_RE = re.compile(
    rf"({_NUM})月(?:({_NUM})[日号]|(份?[底末]|上中旬|中下旬|上旬|中旬|下旬|初)|份)?"
)
_PART_DAYS = {"上旬": 10, "初": 10, "中旬": 20, "上中旬": 20}  # others: month end
_QUARTER_RE = re.compile(r"(?:[第前]?([一二三四1-4])季度[末底]?|[Qq]([1-4]))(?![0-9])")
_WORDS = {  # word -> (month, kind); all end on the last day of that month
    "上半年": (6, DeadlineKind.PERIOD),
    "下半年": (12, DeadlineKind.PERIOD),
    "全年": (12, DeadlineKind.YEAR_LONG),
    **{w: (12, DeadlineKind.YEAR_END) for w in ("年底", "年末", "年内", "年终")},
}
_WORDS_RE = re.compile("|".join(_WORDS))
_SCHOOL = (  # (pattern, SchoolCalendar field, weak)
    (re.compile(r"放?寒假[之以]?前"), "winter_break", False),
    (re.compile(r"放?暑假[之以]?前"), "summer_break", False),
    (re.compile(r"春季(?:学期)?开学[之以]?前"), "spring_term_start", False),
    (re.compile(r"(?:秋季(?:学期)?)?开学[之以]?前"), "term_start", False),
    (re.compile(r"学?期末"), "term_end", True),  # "期末考试" is an exam, not a deadline
)
_OPEN_RE = re.compile(r"长期|持续|常态|长效|适时|待定|常年|随时|经常")
_RECURRING_RE = re.compile(
    r"每[个一两半双]?(?:月|季度?|年|学期|学年|周|星期|旬|天|日)"
    r"|按(?:月|季度?|年|学期|周)|逐(?:月|季度?|年)|定期"
)


def _match_core(s: str, pos: int, plan_year: int, year: int, cal: SchoolCalendar) -> _Core | None:
    """The deadline expression starting exactly at s[pos], if any. ``year`` is the year
    in force (the plan year, or one named earlier in a compound phrase)."""
    if m := _ISO_RE.match(s, pos):  # 2021-07-01, 2021.7.1; weak: "发布日期:2020-02-27"
        y, mo, d = (int(g) for g in m.groups())
        return _dated(m.end(), _make_date(y, mo, d), DeadlineKind.DATE, True)._replace(year=y)
    explicit: int | None = None
    if m := _YEAR_RE.match(s, pos):
        text = m.group(1)
        explicit = int(text if text.isascii() else "".join(str(_CN[c]) for c in text))
    elif m := _REL_YEAR_RE.match(s, pos):
        explicit = plan_year + _REL_YEARS[m.group()]
    if m is not None and explicit is not None:
        pos, year = m.end(), explicit
        if s.startswith(("底", "末", "内", "终"), pos):  # 2021年底, 明年内
            return _dated(pos + 1, _month_end(year, 12), DeadlineKind.YEAR_END)._replace(
                year=explicit
            )
    core = _match_tail(s, pos, year, cal, undated=explicit is None)
    if core is not None:
        return core._replace(year=explicit)
    if explicit is not None:  # a bare year: "2021年", "2021年度", "明年"
        end = pos + 1 if s.startswith("度", pos) else pos
        return _dated(end, _month_end(year, 12), DeadlineKind.YEAR_END, weak=True)._replace(
            year=explicit
        )
    return None


def _match_tail(s: str, pos: int, year: int, cal: SchoolCalendar, undated: bool) -> _Core | None:
    """Everything that may follow a year: months, quarters, halves, school anchors;
    and, when no year was named, the undated open-ended and recurring words."""
    if m := _MONTH_RE.match(s, pos):
        month = _number(m.group(1))
        if month is None or not 1 <= month <= 12:
            return _Core(m.end(), None, DeadlineKind.UNKNOWN)
        if m.group(2) is not None:
            day = _number(m.group(2))
            due = _make_date(year, month, day) if day is not None else None
            return _dated(m.end(), due, DeadlineKind.DATE)
        part = m.group(3)
        day = _PART_DAYS.get(part or "", _days_in(year, month))
        return _dated(m.end(), _make_date(year, month, day), DeadlineKind.MONTH, part is None)
    if m := _QUARTER_RE.match(s, pos):
        quarter = "一二三四1234".index(m.group(1) or m.group(2)) % 4 + 1
        return _dated(m.end(), _month_end(year, quarter * 3), DeadlineKind.PERIOD)
    if m := _WORDS_RE.match(s, pos):
        month, kind = _WORDS[m.group()]
        return _dated(m.end(), _month_end(year, month), kind)
    for pattern, anchor, weak in _SCHOOL:
        if m := pattern.match(s, pos):
            offset, month, day = getattr(cal, anchor)
            y = year + offset
            due = _make_date(y, month, min(day, _days_in(y, month)))
            return _dated(m.end(), due, DeadlineKind.SCHOOL, weak)
    if undated and (m := _OPEN_RE.match(s, pos)):
        return _Core(m.end(), None, DeadlineKind.OPEN_ENDED)
    if undated and (m := _RECURRING_RE.match(s, pos)):
        return _Core(m.end(), None, DeadlineKind.RECURRING)
    return None


# --- pieces of a phrase ----------------------------------------------------------------
_PIECE_RE = re.compile(r"[^,、;和及]+")  # ，； are already half-width here
_PUNCT = "。.!?！？:：)]）】」』”’\"'》>(【「『“‘《<…—-~～·"
_PREFIX_RE = re.compile(
    r"(?:力争|确保|争取|务必|预计|计划|最迟|最晚|不晚于|不迟于|截至|截止到|截止"
    r"|须|需|应|拟|要|于|在|到|至|[\"'“‘(\[【「《<])+"
)
_TIME_SUFFIX_RE = re.compile(r"(?:\(含\)|之前|以前|前|以内|之内|内|为止|止)+")
_ACTION_RE = re.compile(r"(?:基本|全部)?(?:完成|结束|完毕|到位|实现)")
_PERCENT_RE = re.compile(r"(?<![0-9.])([0-9]{1,3})%")


class _Reading(NamedTuple):
    due: date | None
    kind: DeadlineKind
    percent: int | None
    year: int | None
    loose: bool  # a bare form accepted only because nothing else followed it


_LEAD_IN_CHARS = 6  # "其中目标、制度等" splits at 、; "制度等" is the longest lead-in seen


def _read_piece(piece: str, plan_year: int, year: int, cal: SchoolCalendar) -> _Reading | None:
    """The deadline a piece starts with (after 力争/确保/... or a few words naming what is
    due: "发布寒假前", "其它7月底前"), or None."""
    m = _PREFIX_RE.match(piece)
    core = _match_core(piece, m.end() if m else 0, plan_year, year, cal)
    if core is None:
        core = _after_lead_in(piece, plan_year, year, cal)
    if core is None:
        return None
    after = _suffix_end(piece, core.end)
    marked = after > core.end or _ACTION_RE.match(piece, after) is not None
    if core.weak and not marked and piece[after:].strip(_PUNCT):
        return None  # "6月份召开会议", "2035年远景目标"
    p = _PERCENT_RE.search(piece, core.end)
    percent = int(p.group(1)) if p and int(p.group(1)) <= 100 else None
    return _Reading(core.due, core.kind, percent, core.year, core.weak and not marked)


def _after_lead_in(piece: str, plan_year: int, year: int, cal: SchoolCalendar) -> _Core | None:
    """A strong deadline a few words into the piece ("发布寒假前"); bare forms such as "6月"
    do not count, so "召开6月份会议" stays unread."""
    for i in range(1, min(len(piece), _LEAD_IN_CHARS + 1)):
        if piece[i] not in _START_CHARS or not _starts_word(piece, i):
            continue
        core = _match_core(piece, i, plan_year, year, cal)
        if core is None or core.weak or core.kind is DeadlineKind.UNKNOWN:
            continue
        if core.kind in _FINDABLE or core.kind is DeadlineKind.YEAR_LONG:
            return core
    return None


def _suffix_end(s: str, pos: int) -> int:
    m = _TIME_SUFFIX_RE.match(s, pos)
    return m.end() if m else pos


def _analyse(
    norm: str, plan_year: int, cal: SchoolCalendar
) -> list[tuple[int, int, _Reading | None]]:
    """Split at ，,、；;和及 and read each non-empty piece: (start, end, reading)."""
    entries: list[tuple[int, int, _Reading | None]] = []
    year = plan_year
    for m in _PIECE_RE.finditer(norm):
        if not m.group().strip(_PUNCT):
            continue
        reading = _read_piece(m.group(), plan_year, year, cal)
        if reading is not None and reading.year is not None:
            year = reading.year
        entries.append((m.start(), m.end(), reading))
    return entries


def resolve_deadline(
    phrase: str, plan_year: int, calendar: SchoolCalendar | None = None
) -> Deadline:
    """Work out the date a deadline phrase names, keeping the phrase as typed."""
    if not phrase.strip():
        return Deadline(phrase, None, DeadlineKind.EMPTY)
    unknown = Deadline(phrase, None, DeadlineKind.UNKNOWN)
    norm, where = _normalise(phrase)
    entries = _analyse(norm, plan_year, calendar or SchoolCalendar())
    if not entries or entries[0][2] is None:
        return unknown
    groups: list[tuple[int, int, _Reading]] = []
    for start, end, reading in entries:
        if reading is None:  # no deadline of its own: part of the milestone before it
            groups[-1] = (groups[-1][0], end, groups[-1][2])
        elif reading.kind is DeadlineKind.UNKNOWN:
            return unknown  # "2月30日", "13月底前": never guess another day
        else:
            groups.append((start, end, reading))
    milestones = tuple(
        Milestone(phrase[where[start] : where[end - 1] + 1], r.due, r.percent)
        for start, end, r in groups
    )
    if len(groups) == 1:
        only = groups[0][2]
        return Deadline(phrase, only.due, only.kind, milestones if only.percent is not None else ())
    dues = [m.due for m in milestones if m.due is not None]
    return Deadline(phrase, max(dues, default=None), DeadlineKind.COMPOUND, milestones)


# --- finding a deadline inside a task sentence ---------------------------------------
_FINDABLE = frozenset(
    {
        DeadlineKind.DATE,
        DeadlineKind.MONTH,
        DeadlineKind.PERIOD,
        DeadlineKind.YEAR_END,
        DeadlineKind.SCHOOL,
    }
)
# Parts of a compound phrase found in a sentence: "发布寒假前，实施全年" is one deadline.
_COMPOUND_PARTS = _FINDABLE | {DeadlineKind.YEAR_LONG}
# A year without 29 February, and so is the next: whatever is found here resolves in
# every plan year ("2月29日" is found only with a leap year written out).
_PROBE_YEAR = 2001
_SENTENCE_END_RE = re.compile(r"[。!?！？\n]")
_NOT_BEFORE_YEAR = "0123456789" + _CN_NUMERALS + "今明次本来去前后多当每全半数几上下这该同"


def _starts_word(s: str, i: int) -> bool:
    """Whether a deadline may start at s[i]: not inside "12月", "十二月", "三年内", "FAQ1"."""
    if i == 0:
        return True
    prev, ch = s[i - 1], s[i]
    if ch.isascii() and ch.isalnum():
        return not (prev.isascii() and (prev.isalnum() or prev == "."))
    if ch in _CN_NUMERALS:
        return prev not in _CN_NUMERALS + "第几两"
    if ch == "年":
        return prev not in _NOT_BEFORE_YEAR
    return True


def _compound_end(norm: str, start: int, cal: SchoolCalendar) -> int | None:
    """End of the last of 2+ deadline clauses in the sentence starting at ``start``."""
    stop = _SENTENCE_END_RE.search(norm, start)
    clause = norm[start : stop.start() if stop else len(norm)]
    count, last = 0, None
    dated = 0
    for _, end, reading in _analyse(clause, _PROBE_YEAR, cal):
        if reading is not None and reading.kind is DeadlineKind.UNKNOWN:
            break
        if reading is not None and not reading.loose and reading.kind in _COMPOUND_PARTS:
            count, last = count + 1, start + end
            dated += reading.kind in _FINDABLE
    return last if count >= 2 and dated else None


# Every dated expression contains one of these, and starts with one of _START_CHARS:
# sentences without them (most of a plan) are passed over without trying each position.
_ANCHOR_RE = re.compile(r"[月季年旬假期末底日学Qq\-./]")
_START_CHARS = frozenset(
    "0123456789〇零一二三四五六七八九十两年今明次来本去上下前第全寒暑春秋开期学Qq"
)


_DEFAULT_CALENDAR = SchoolCalendar()  # finding a phrase never depends on the calendar's dates


def find_deadline_phrase(text: str) -> str | None:
    """The deadline phrase a task sentence names, exactly as written in it, or None."""
    norm, where = _normalise(text)
    if not _ANCHOR_RE.search(norm):
        return None
    cal = _DEFAULT_CALENDAR
    for i in range(len(norm)):
        if norm[i] not in _START_CHARS or not _starts_word(norm, i):
            continue
        core = _match_core(norm, i, _PROBE_YEAR, _PROBE_YEAR, cal)
        if core is None or core.kind not in _FINDABLE:
            continue
        end = _suffix_end(norm, core.end)
        if core.weak and end == core.end and not _ACTION_RE.match(norm, end):
            continue  # "6月份召开会议", "2020年是…之年"
        for stop in (_compound_end(norm, i, cal), end):
            if stop is None:
                continue
            found = text[where[i] : where[stop - 1] + 1]
            # Belt and braces: only hand back what resolve_deadline reads the same way.
            if resolve_deadline(found, _PROBE_YEAR).kind in _FINDABLE | {DeadlineKind.COMPOUND}:
                return found
    return None

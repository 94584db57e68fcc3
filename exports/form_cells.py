"""What a department wrote in one row of a returned 进展情况反馈表, read cell by cell.

The 状态 cell is read as people leave it in Word, WPS and Excel:
- a box replaced by a tick (☑ ■ √ ✓ ✔ ☒ ▣ ◼ ● ⊠ ✅, "[x]", "x", "(√)"), before or after the
  word → that status; ticks inserted from the Wingdings fonts as text are ticks too;
- every option deleted but one → that one; a status word typed on its own (已完成, 完成,
  序时推进, 推进中, 正常推进, 滞后, 未启动, 暂缓, 推迟; 达进度/超进度/欠进度) → mapped;
- the box of exactly one option removed while the others keep theirs → that option (Word's
  Insert Symbol puts a ``w:sym`` tick there, which carries no text);
- several ticks, or none → no status, and the issue "状态未勾选或勾选了多项".

The 完成进度 cell takes 60, "60%", "６０％", "60 %", "约60%", "已完成", and a cell Excel formats
as a percentage.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from domain.filled_forms import FilledRow
from domain.script import to_simplified
from domain.statuses import STATUS_WORDS

STATUS_ISSUE = "状态未勾选或勾选了多项"

# Empty boxes, including the Wingdings ones Word inserts as private-use characters. Any
# other symbol in a box's place (☑ ■ √ ✓ ✔ ☒ ▣ ◼ ● ⊠ ✅, a Wingdings tick, …) is a tick.
_BOXES = "□☐▢◻○◯\uf0a8\uf0a3\uf06f\uf071"
_SYMBOL = r"[^\w\s()\[\]（）【】,，、;；/|。.:：\-]"  # one symbol character, not a letter or CJK
_MARK = rf"{_SYMBOL}|\[[xX]?\]|[xX]"
_SPLIT = re.compile(r"[\s,，、;；/|]+")
_PERCENT = re.compile(r"(?:约|已完成|完成)?(\d+(?:\.\d+)?)%?(?:左右)?")


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n")
    return "\n".join(line.rstrip() for line in text.strip().split("\n"))


def _is_tick(mark: str) -> bool:
    """A mark that is not an empty box: a tick, a cross, a filled box, any other symbol."""
    return mark not in _BOXES and mark != "[]"


@dataclass(frozen=True)
class Choices:
    """The patterns for one set of choice words (the 状态 of a feedback form, the 是否同意
    of a confirmation form)."""

    words: dict[str, str]
    label: str  # the column's title, in the issues
    mark_space: re.Pattern[str]
    space_mark: re.Pattern[str]
    segment: re.Pattern[str]

    @classmethod
    def of(cls, words: dict[str, str], label: str) -> Choices:
        alternatives = "|".join(sorted(words, key=len, reverse=True))
        return cls(
            words,
            label,
            re.compile(rf"(?<!\S)({_MARK})[ \t\u3000]+(?=(?:{alternatives}))"),
            re.compile(rf"({alternatives})[ \t\u3000]+({_MARK})(?=[ \t\u3000]*(?:\n|$))"),
            re.compile(rf"(?P<pre>{_MARK})?(?P<word>{alternatives})(?P<post>{_MARK})?"),
        )


_STATUS = Choices.of(STATUS_WORDS, "状态")


def parse_status(text: str) -> tuple[str | None, list[str]]:
    """(status, issues) from a 状态 cell; see the module docstring for the rules."""
    return parse_choice(text, _STATUS, STATUS_ISSUE)


def choice_reader(words: dict[str, str], label: str) -> Choices:
    """The patterns to read a cell of boxes offering ``words`` (word → value) with
    ``parse_choice``, the way a 状态 cell is read."""
    return Choices.of(words, label)


def parse_choice(text: str, choices: Choices, issue: str) -> tuple[str | None, list[str]]:
    """(value, issues) from a cell of boxes; ``issue`` when none or several are ticked."""
    words = choices.words
    # A form of a plan kept in Traditional characters offers 序時推進: read it as 序时推进.
    normal = to_simplified(unicodedata.normalize("NFKC", text or ""))
    normal = re.sub(r"\[\s*([xX√✓✔])?\s*\]", lambda m: "[x]" if m.group(1) else "[]", normal)
    normal = re.sub(r"\(\s*[√✓✔xX]\s*\)", "√", normal)
    normal = choices.mark_space.sub(r"\1", normal)  # "☑ 序时推进" → "☑序时推进"
    normal = choices.space_mark.sub(r"\1\2", normal)  # "序时推进 √" at a line's end
    if not normal.strip():
        return None, []
    whole = re.sub(r"[\s。.!！]+", "", normal)
    if whole in words:
        return words[whole], []
    ticked, boxed, bare, other = [], [], [], []
    for segment in filter(None, _SPLIT.split(normal)):
        match = choices.segment.fullmatch(segment)
        if match is None:
            other.append(segment)
            continue
        status = words[match["word"]]
        marks = [m for m in (match["pre"], match["post"]) if m]
        if any(_is_tick(m) for m in marks):
            ticked.append(status)
        elif marks:
            boxed.append(status)
        else:
            bare.append(status)
    if ticked:
        if len(set(ticked)) == 1:
            return ticked[0], []
        return None, [issue]
    options = boxed + bare
    if len(options) == 1 and not other:
        return options[0], []  # every other option deleted
    if len(bare) == 1 and boxed and not other:
        return bare[0], []  # only this option lost its box: a tick Word keeps as a symbol
    if not options and other:
        return None, [f"{choices.label}无法识别：“{cell_text(text)[:20]}”"]
    return None, [issue]


def parse_percent(value: object, *, percent_format: bool = False) -> tuple[int | None, list[str]]:
    """(percent 0–100, issues) from a 完成进度 cell: 60, "60%", "６０％", "60 %", "已完成"."""
    if value is None or value == "":
        return None, []
    if isinstance(value, bool):
        value = str(value)
    if isinstance(value, int) and not -(10**20) < value < 10**20:
        # Not float(): an integer this long overflows it (or str(), past 4,300 digits).
        return None, ["完成进度的数字过大，超出0–100，未导入"]
    if isinstance(value, (int, float)):
        number = value * (100 if percent_format else 1)
    else:
        text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(value)))
        if not text:
            return None, []
        if text in ("已完成", "完成", "全部完成"):
            return 100, []
        match = _PERCENT.fullmatch(text)
        if match is None:
            return None, [f"完成进度“{cell_text(value)[:20]}”不是0–100的数字，未导入"]
        number = float(match.group(1))
    if not 0 <= number <= 100:  # also NaN
        return None, [f"完成进度“{cell_text(value)[:20]}”超出0–100，未导入"]
    return int(number + 0.5), []


def make_row(key: str, cells: dict[str, object], *, percent_format: bool = False) -> FilledRow:
    """A row from its cells by column title (序号 … 状态)."""
    progress, problems, next_steps = (
        cell_text(cells.get(h)) for h in ("进展情况", "存在问题", "下步打算")
    )
    status_text = cell_text(cells.get("状态"))
    status, issues = parse_status(status_text)
    raw_percent = cells.get("完成进度")
    percent, percent_issues = parse_percent(
        raw_percent.strip() if isinstance(raw_percent, str) else raw_percent,
        percent_format=percent_format,
    )
    if percent is None and status == "done" and not percent_issues:
        percent = 100
    empty = not (progress or problems or next_steps or status or cell_text(raw_percent))
    if empty:
        issues = []  # an untouched status cell in an untouched row is no problem
    elif status is None and not issues:
        issues = [STATUS_ISSUE]
    return FilledRow(
        key_text=key,
        code=cell_text(cells.get("序号")),
        progress=progress,
        problems=problems,
        next_steps=next_steps,
        percent=percent,
        status=status,
        status_text=status_text,
        issues=issues + percent_issues,
        empty=empty,
    )

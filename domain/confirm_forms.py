"""What a returned 分工确认表 holds once read, and how its cells are understood.

Read by ``exports.confirm_readback`` (the files), checked and stored by
``db.confirmations``. Qt-free and without a database.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from domain.confirm_keys import ConfirmFormId
from domain.script import to_simplified

AGREE, ADJUST = "agree", "adjust"
# 是否同意: the words a department may leave (ticked, alone, or typed).
AGREEMENT_WORDS = {
    "同意": AGREE,
    "需调整": ADJUST,
    "需要调整": ADJUST,
    "不同意": ADJUST,
    "调整": ADJUST,
}
AGREEMENT_CHOICES = ("同意", "需调整")
AGREEMENT_ISSUE = "“是否同意”未勾选或勾选了多项"
# The proposal columns, in form order (keys of domain.workflow.PROPOSAL_FIELDS).
FIELD_COLUMNS = (
    ("lead", "牵头处室"),
    ("cooperating", "配合处室"),
    ("deadline", "完成时限"),
    ("person", "责任人"),
    ("target", "阶段目标"),
)
REASON = "理由"
_NAME_SPLIT = re.compile(r"[、,，;；/\s]+")
_TARGET = re.compile(r"^\s*(?P<period>[^：:]{1,20})[：:]\s*(?P<rest>.*)$", re.S)
_PERCENT = re.compile(r"[，,、\s]*(?P<n>\d{1,3}(?:\.\d+)?)\s*[%％]\s*$")


@dataclass
class ConfirmRow:
    key_text: str  # as written (checking it is the caller's job)
    code: str
    agreement: str | None  # AGREE, ADJUST or None (not ticked, or several)
    proposed: dict[str, str]  # field → what was written ("" fields left out)
    reason: str
    issues: list[str] = field(default_factory=list)
    empty: bool = False  # nothing ticked or written


@dataclass
class ConfirmForm:
    path: Path
    form_id: ConfirmFormId | None
    form_id_text: str  # as found ("" when missing)
    modified: dt.datetime
    rows: list[ConfirmRow] = field(default_factory=list)
    file_format: str = "docx"
    sha256: str = ""


def split_names(text: str) -> list[str]:
    """Department names as a department writes a list of them: 、，; / or spaces between."""
    return [n for n in _NAME_SPLIT.split(text.strip()) if n and n not in ("无", "-", "—")]


@dataclass(frozen=True)
class TargetText:
    period: str  # as written: 二季度, 2020年第二季度, 6月
    text: str
    percent: int | None


def parse_target(text: str) -> TargetText | str:
    """``二季度：完成初稿，50%`` → its period, words and percent; or why it cannot be read."""
    normal = unicodedata.normalize("NFKC", text).strip()
    match = _TARGET.match(normal)
    if match is None:
        return "阶段目标请写成“期次：目标”，如“二季度：完成初稿，50%”"
    period, rest = match["period"].strip(), match["rest"].strip()
    percent = None
    found = _PERCENT.search(rest)
    if found is not None:
        number = float(found["n"])
        if not 0 <= number <= 100:
            return f"阶段目标的进度“{found['n']}%”超出0–100"
        percent, rest = int(number + 0.5), rest[: found.start()].strip()
    rest = rest.rstrip("，,、；;。 ")
    if not rest and percent is None:
        return "阶段目标只写了期次，没有写目标"
    return TargetText(period, rest, percent)


_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "上": 1, "下": 2}


def period_matches(written: str, name: str) -> bool:
    """Whether a period ``written`` on a form (二季度, 第二季度, Q2, 2020年第二季度, 6月, 上半年)
    names the reporting period called ``name``."""
    want = re.sub(r"\s+", "", to_simplified(unicodedata.normalize("NFKC", written)))
    have = re.sub(r"\s+", "", to_simplified(unicodedata.normalize("NFKC", name)))
    if not want:
        return False
    if want == have:
        return True
    quarter = re.fullmatch(r"[qQ]([1-4])|第?([一二三四1-4])季度?", want)
    if quarter:
        number = quarter[1] or quarter[2]
        digit = _NUMERALS.get(number, 0) or int(number)
        return re.search(rf"第?[{'一二三四'[digit - 1]}{digit}]季度", have) is not None
    half = re.fullmatch(r"([上下])半年", want)
    if half:
        return half[0] in have
    month = re.fullmatch(r"(\d{1,2})月(?:份)?", want)
    if month:
        return re.search(rf"(?<!\d){int(month[1])}月", have) is not None
    return have.endswith(want) and len(want) >= 3

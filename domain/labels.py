"""Outline labels as offices type them: 一、 （一） 1. 1、 １． （1） ① 第一部分.

``match_label`` looks at the start of a string and says whether it begins with a
label, which kind, and its number. Whether a match really *is* a label (and not
"2.0", "1.5亿" or a date) is decided here for the local shape and by the parser
for the sequence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from domain.outline import ITEM, SECTION, SUBITEM, SUBSECTION

ZH_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "兩": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
ZH_NUMERAL = "〇零一二两兩三四五六七八九十百"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")

_SECTION = re.compile(rf"([{ZH_NUMERAL}]{{1,4}})[ \t\u3000]*[、．.]")
_PART = re.compile(rf"第([{ZH_NUMERAL}]{{1,4}})(?:部分|章|篇|项|項)[、，,：:．.\s\u3000]?")
_SUBSECTION = re.compile(rf"[（(][ \t\u3000]*([{ZH_NUMERAL}]{{1,4}})[ \t\u3000]*[）)]")
# An Arabic item number: 1-3 digits, then . ． or 、 — but not "2.0", "1.5亿", "2020.3.1"
# (a digit right after a dot makes a decimal). "3、6月底前完成…" may be item 3 or the
# months 3 and 6: such a match is marked ambiguous and the sequence decides.
_ITEM = re.compile(r"([0-9０-９]{1,3})[ \t\u3000]*(?:[.．](?![0-9０-９%％])|、(?![%％]))")
# "11.121人才梯队项目": a number right after the dot. Read as a label only where the numbering
# expects exactly this item and the digits are no decimal part ("2.5亿元", "3.15万").
_ITEM_BEFORE_DIGITS = re.compile(r"([0-9０-９]{1,3})[.．](?=[0-9０-９]{3}(?![0-9０-９.．]))")
_SUBITEM_PAREN = re.compile(r"[（(][ \t\u3000]*([0-9０-９]{1,3})[ \t\u3000]*[）)]")
_SUBITEM_HALF = re.compile(r"([0-9０-９]{1,2})[）)]")
_SUBITEM_CIRCLED = re.compile(rf"([{CIRCLED}])")


@dataclass(frozen=True)
class LabelMatch:
    kind: str
    number: int
    label: str  # the label exactly as written, separator included
    style: str  # which spelling, so a plan's habits can be told apart ("1." vs "1、")
    ambiguous: bool = False  # "3、6月…": a label only where the numbering expects exactly 3


def zh_to_int(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20, 一百零五 → 105; None if it is not a plain numeral."""
    if not text:
        return None
    if all(ch in ZH_DIGITS for ch in text):
        if len(text) == 1:
            return ZH_DIGITS[text]
        # 〇 and 零 spellings such as 二〇 are years, not labels.
        return None
    total = 0
    current = 0
    for ch in text:
        if ch in ZH_DIGITS:
            current = ZH_DIGITS[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    total += current
    return total or None


def int_to_zh(n: int) -> str:
    """1 → 一, 12 → 十二, 25 → 二十五 (1..99), for headings and labels."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    if n < 100:
        return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")
    return str(n)


def match_label(text: str, pos: int = 0) -> LabelMatch | None:
    """The label that starts ``text`` at ``pos``, if the local shape is one."""
    found = _match_label(text, pos)
    if found is None and pos == 0 and (m := _ITEM_BEFORE_DIGITS.match(text, pos)):
        number = int(m.group(1).translate(FULLWIDTH_DIGITS))
        return LabelMatch(ITEM, number, m.group(0), "arabic", ambiguous=True) if number else None
    return found


def _match_label(text: str, pos: int) -> LabelMatch | None:
    for kind, pattern, style in _PATTERNS:
        m = pattern.match(text, pos)
        if not m:
            continue
        raw = m.group(1)
        if kind in (SECTION, SUBSECTION) or style == "part":
            number = zh_to_int(raw)
        elif style == "circled":
            number = CIRCLED.index(raw) + 1
        else:
            number = int(raw.translate(FULLWIDTH_DIGITS))
        if not number:
            continue
        label = m.group(0)
        if not _followed_by_text(text, m.end()):
            continue
        ambiguous = (
            style == "arabic" and text[m.end() : m.end() + 1].translate(FULLWIDTH_DIGITS).isdigit()
        )
        return LabelMatch(kind, number, label, style, ambiguous)
    return None


def _followed_by_text(text: str, end: int) -> bool:
    """A label introduces text: "1." at the end of a line or before punctuation is not one."""
    rest = text[end : end + 1]
    if not rest:
        return True  # a bare label line; the parser decides what to do with it
    # Digits may follow (一、2021年经济社会发展…); "2.0" and "6、7月" never match _ITEM.
    return rest not in "，,。；;：:、）)》”"


_PATTERNS: list[tuple[str, re.Pattern[str], str]] = [
    (SECTION, _PART, "part"),
    (SECTION, _SECTION, "zh"),
    (SUBSECTION, _SUBSECTION, "zh_paren"),
    (SUBITEM, _SUBITEM_PAREN, "paren"),
    (SUBITEM, _SUBITEM_CIRCLED, "circled"),
    (ITEM, _ITEM, "arabic"),
    (SUBITEM, _SUBITEM_HALF, "half_paren"),
]

LEVEL = {SECTION: 0, SUBSECTION: 1, ITEM: 2, SUBITEM: 3}

"""Text as Word can hold it, and the units documents are measured in."""

from __future__ import annotations

import datetime as dt
import re

from domain.script import full_width_punctuation

_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean(value: object) -> str:
    """Text Word can hold: unified line breaks, no control characters (they are dropped,
    never crashed on — data pasted from Excel brings \\x0b and \\x07)."""
    if value is None:
        return ""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n")
    return _XML_BAD.sub("", text.replace("\x07", ""))


def official(value: object) -> str:
    """Text as a document prints it: ``clean``, with half-width , ; : ( ) beside Chinese
    text made full-width ("中小学(幼儿园)" → "中小学（幼儿园）")."""
    return full_width_punctuation(clean(value))


def text_width(text: str) -> float:
    """Width in 字: half-width characters count one half."""
    return sum(0.5 if ord(ch) < 0x2E80 else 1.0 for ch in text)


def esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def chinese_date(day: dt.date) -> str:
    """2020年6月30日: Arabic digits, year in full, no leading zeros (GB/T 9704 §7.3.5.4)."""
    return f"{day.year}年{day.month}月{day.day}日"


def mm_to_twips(mm: float) -> int:
    return round(mm * 1440 / 25.4)

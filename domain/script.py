"""One script in a document: Traditional and Simplified characters, and the punctuation and
numbering habits official documents follow.

State organs write 规范汉字 (Simplified characters); a plan copied from a web page in
Traditional characters is converted before documents are made from it (OpenCC's phrase
tables: t2s converts 乾隆 and 幹部 each right). A plan kept in Traditional characters gets
the fixed words of its documents in Traditional characters too (s2t), so that no document
mixes the two.
"""

from __future__ import annotations

import re
from functools import lru_cache

import opencc

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _s2t() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


def to_simplified(text: str) -> str:
    return _t2s().convert(text) if text else text


def to_traditional(text: str) -> str:
    return _s2t().convert(text) if text else text


def is_traditional(text: str) -> bool:
    """Written in Traditional characters: at least one Han character in a hundred (and at
    least one) is changed by the Traditional → Simplified conversion. A Simplified text with
    one rare character that happens to convert stays Simplified."""
    han = len(_HAN.findall(text))
    if not han:
        return False
    converted = to_simplified(text)
    if len(converted) == len(text):
        changed = sum(a != b for a, b in zip(text, converted, strict=True))
    else:  # a phrase of another length: count what differs in the characters used
        changed = len(set(text) - set(converted))
    return changed >= max(1, han / 100)


# -- punctuation -----------------------------------------------------------------------------

# A character after or before which half-width punctuation is Chinese punctuation: Han
# characters, CJK punctuation and full-width forms, Chinese quotation marks and book titles.
_CHINESE = r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’《》…—]"
_FULL = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）"}
_MARK = re.compile(rf"(?<={_CHINESE})[,;:]|[,;:](?={_CHINESE})")
_PAIR = re.compile(r"\(([^()\n]*)\)")
_HAS_CHINESE = re.compile(_CHINESE)
_HALF = re.compile(r"[,;:()]")


def full_width_punctuation(text: str) -> str:
    """Half-width , ; : ( ) beside Chinese text become ， ； ： （ ）, as documents write
    them ("中小學(幼兒園)學生" → "中小學（幼兒園）學生", "發文編號:青教" → "發文編號：青教");
    "1,200", "9:30" and "Word (WPS)" stay as they are."""
    if not text or not _HALF.search(text):
        return text

    def pair(match: re.Match[str]) -> str:
        before = text[match.start() - 1 : match.start()]
        after = text[match.end() : match.end() + 1]
        if _HAS_CHINESE.search(before + match.group(1) + after):
            return f"（{match.group(1)}）"
        return match.group(0)

    text = _PAIR.sub(pair, text)
    text = _MARK.sub(lambda m: _FULL[m.group(0)], text)
    # A bracket without its partner, beside Chinese text.
    text = re.sub(rf"(?<={_CHINESE})\(|\((?={_CHINESE})", "（", text)
    return re.sub(rf"(?<={_CHINESE})\)|\)(?={_CHINESE})", "）", text)


_DOC_YEAR = re.compile(r"[\[［【(（〔{｛]\s*(\d{4})\s*[\]］】)）〕}｝]\s*第?\s*0*(\d+)\s*(号|號)")


def doc_number(text: str) -> str:
    """发文字号 as GB/T 9704 §7.2.5 writes it: the year in 六角括号, no 第, no leading zeros
    ("青教工委[2020]2號" → "青教工委〔2020〕2號"; the script is the caller's to convert)."""
    return _DOC_YEAR.sub(lambda m: f"〔{m.group(1)}〕{m.group(2)}{m.group(3)}", text.strip())

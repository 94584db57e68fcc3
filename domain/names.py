"""Comparing names and searching text as clerks write them.

"基础教育处", "基礎教育處" and " 基础教育处 " name the same department, and a clerk who
types 学习 in the filter must find 學習 in a plan published in Traditional characters.
Comparison forms are made with OpenCC's Traditional → Simplified conversion
(``domain.script``); names and text are stored and shown as written.
"""

from __future__ import annotations

import re
import unicodedata

from domain.script import to_simplified

_SPACES = re.compile(r"[\s\u3000]+")


def search_key(text: str) -> str:
    """The form used for substring search: Simplified, NFKC (full-width → half-width),
    case-folded. Spaces are kept so that Latin words stay apart."""
    return to_simplified(unicodedata.normalize("NFKC", text)).casefold()


def search_keys(texts: list[str]) -> list[str]:
    """``search_key`` for many texts at once (one conversion call: fast for 50,000 rows)."""
    if not texts:
        return []
    joined = unicodedata.normalize("NFKC", "\n".join(t.replace("\n", " ") for t in texts))
    return to_simplified(joined).casefold().split("\n")


def name_key(name: str) -> str:
    """The comparison form of a unit or person name: no spaces at all."""
    return _SPACES.sub("", search_key(name))

"""Units named inside plan text, kept as suggested assignments.

Plans name who does what in several ways:
  "（责任单位：组干处、机关党委）"      first named leads, the rest cooperate
  "牵头单位：基教处；配合单位：职成处"   explicit roles
  "国网客服中心牵头，山东、江苏公司配合"  prose
The names are returned as written; matching them to the department directory is
the store's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_RESPONSIBLE = (
    r"(?:责任|責任|牵头|牽頭|主责|主責|承办|承辦)(?:单位|單位|科室|处室|處室|部门|部門|处|處)"
)
_COOPERATING = r"(?:配合|协办|協辦|参与|參與)(?:单位|單位|科室|处室|處室|部门|部門|处|處)"
_FIELD = re.compile(
    rf"({_RESPONSIBLE}|{_COOPERATING})\s*[:：]\s*((?:(?!{_RESPONSIBLE}|{_COOPERATING})[^；;。）)\n])*)"
)
NOTE_LINE = re.compile(rf"^[（(]?\s*(?:{_RESPONSIBLE}|{_COOPERATING})\s*[:：]")
# "X牵头" only where 牵头 ends the clause: "发挥龙头牵头作用" names no unit.
_LEADS = re.compile(
    r"([^，,。；;：:（(）)\s]{2,40}?)(?:牵头|牽頭)(?:负责|負責)?(?=[，,、；;。）)\s]|$)"
)
_COOPS = re.compile(
    r"([^，,。；;：:（(）)\s]{2,60}?)(?:等)?(?:单位|單位|部门|部門|处室|處室)?(?:配合|协同|協同|参与|參與)"
)
_SPLIT_UNITS = re.compile(r"[、,，/／；;]")  # never on 和: 发展和改革局 is one name
_LEADING_NOISE = re.compile(r"^(?:由|请|請|市|并|並|会同|會同)?(?:由)?")
_TRAILING_NOISE = re.compile(r"(?:等)?(?:有关|有關|相关|相關)?(?:单位|單位|部门|部門)?$")


@dataclass(frozen=True)
class UnitSuggestion:
    lead: str = ""
    cooperating: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.lead or self.cooperating)


def split_units(text: str) -> list[str]:
    names = []
    for part in _SPLIT_UNITS.split(text):
        name = part.strip(" \t\u3000。；;：:")
        if name and name not in names:
            names.append(name)
    return names


def find_units(text: str) -> UnitSuggestion:
    """Units named in ``text`` (a sentence, an item or a note line)."""
    lead = ""
    cooperating: list[str] = []
    for m in _FIELD.finditer(text):
        names = split_units(m.group(2))
        if not names:
            continue
        if re.match(_COOPERATING, m.group(1)):
            cooperating += [n for n in names if n not in cooperating]
        elif not lead:
            lead, rest = names[0], names[1:]
            cooperating = [n for n in rest if n not in cooperating] + cooperating
    if lead or cooperating:
        return UnitSuggestion(lead, tuple(n for n in cooperating if n != lead))
    m = _LEADS.search(text)
    if not m:
        return UnitSuggestion()
    lead_names = split_units(_clean(m.group(1)))
    if not lead_names:
        return UnitSuggestion()
    after = text[m.end() :]
    c = _COOPS.search(after)
    coop_names = split_units(_clean(c.group(1))) if c else []
    coop = [n for n in lead_names[1:] + coop_names if n != lead_names[0]]
    return UnitSuggestion(lead_names[0], tuple(dict.fromkeys(coop)))


def _clean(name: str) -> str:
    name = _LEADING_NOISE.sub("", name.strip())
    return _TRAILING_NOISE.sub("", name)

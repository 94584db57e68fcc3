"""Units, deadlines and leaders named inside plan text, kept as suggested assignments.

Plans name who does what in many habits, all seen in real plans:
  （责任单位：X、Y；配合单位：Z；完成时限：W）   fields: the first responsible unit leads
  （牵头单位：X，配合单位：Y，完成时限：W）      fields separated by commas
  （责任单位：X牵头，Y配合）                    fields whose value carries the roles
  （X牵头，Y配合） / X负责，Y配合 / X、Y负责      prose: the first unit named leads
  X牵头，Y配合，W前完成。                        a sentence of its own at the end of an item
  牵头单位：X；配合单位：Y；完成时限：W           a line of its own under an item
  （X，Y，Z，排名第一位为牵头单位）               a list whose first unit leads
Traditional characters and ASCII brackets and colons occur in all of them. The names are
returned as written, without the role words; matching them to the department directory is
the store's job. A deadline is returned exactly as written in the note ("完成时限：W" → W),
so that it resolves the same way as a deadline typed by the clerk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from domain.deadlines import find_deadline_phrase

# Simplified characters of the note words and their Traditional forms.
_VARIANTS = dict(
    zip(
        "责单头牵处门协办与参时间节领导负务为统筹职按级关门会实现应须请",
        "責單頭牽處門協辦與參時間節領導負務為統籌職按級關門會實現應須請",
        strict=True,
    )
)


def _both(words: str) -> str:
    """A pattern for ``words`` ("|"-separated, Simplified) that matches Traditional too."""
    out = []
    for ch in words:
        if ch in _VARIANTS and _VARIANTS[ch] != ch:
            out.append(f"[{ch}{_VARIANTS[ch]}]")
        else:
            out.append(ch)  # the patterns use only CJK characters, ( ) ? : | and =
    return "".join(out)


_LEAD_KEY = _both(
    "牵头单位|牵头处室|牵头科室|牵头部门|牵头责任单位|主责单位|主责部门|主要责任单位|主办单位|承办单位"
)
_RESPONSIBLE_KEY = _both("责任单位|责任科室|责任处室|责任部门|负责单位|负责处室|负责科室|责任处")
_COOP_KEY = _both(
    "配合单位|配合处室|配合科室|配合部门|协办单位|协同单位|协同配合单位|参与单位|参加单位"
)
_DEADLINE_KEY = _both("完成时限|完成时间|时间节点|时限要求|完成期限|办结时限|时间要求|时限")
_LEADER_KEY = _both("分管领导|责任领导|牵头领导|分管局领导|联系领导|局领导|责任人")
_KEY = re.compile(
    rf"(?P<key>{_LEAD_KEY}|{_COOP_KEY}|{_RESPONSIBLE_KEY}|{_DEADLINE_KEY}|{_LEADER_KEY})"
    r"\s*[:：]\s*"
)
NOTE_LINE = re.compile(rf"^\s*[（(【\[]?\s*(?:{_LEAD_KEY}|{_COOP_KEY}|{_RESPONSIBLE_KEY})\s*[:：]")
# Role words after names in prose: "X牵头", "X负责", "Y配合"; only where they end a clause,
# so "发挥龙头牵头作用" and "负责日常管理工作" name no unit.
_LEAD_WORD = _both("牵头负责|负责牵头|牵头")
_RESPONSIBLE_WORD = _both("按职责分工负责|按照职责分工负责|分别负责|负责")
_COOP_WORD = _both("协同配合|配合|协助|参与|协同")
_CLAUSE_END = r"(?=\s*(?:[，,；;。．.!！?？）)】\]\n]|$))"
_ROLE = re.compile(
    rf"(?P<names>[^，,；;。：:（(）)\s]{{2,60}}?)(?:等(?:有关|相关)?(?:单位|部门|处室)?)?"
    rf"(?P<role>{_LEAD_WORD}|{_RESPONSIBLE_WORD}|{_COOP_WORD}){_CLAUSE_END}"
)
_FIRST_LEADS = re.compile(
    _both("(?:排名|排在|列)?第一位(?:的)?(?:为|是)?牵头(?:单位|部门)?|排名第一的为牵头单位|下同")
)
_SPLIT_UNITS = re.compile(r"[、,，/／；;]")  # never on 和: 发展和改革局 is one name
_OPEN = "（(<《【["
_CLOSE = "）)>》】]"
_LEADING_NOISE = re.compile(r"^(?:由|请|請|并|並|会同|會同|其中)+")
_TRAILING_NOISE = re.compile(
    _both("(?:等(?:有关|相关)?(?:单位|部门)?)?(?:按职责分工|按照职责分工|分别)?$")
)
_NOT_NAMES = re.compile(
    _both("机制|作用|职责|任务|落实|推进|加强|建立|完善|明确|要|的|是|将|把|对")
)


@dataclass(frozen=True)
class UnitSuggestion:
    lead: str = ""
    cooperating: tuple[str, ...] = ()
    deadline: str = ""
    leader: str = ""

    def __bool__(self) -> bool:
        return bool(self.lead or self.cooperating)

    def or_else(self, other: UnitSuggestion) -> UnitSuggestion:
        """This suggestion, its empty parts filled from ``other``."""
        if self:
            return UnitSuggestion(
                self.lead,
                self.cooperating,
                self.deadline or other.deadline,
                self.leader or other.leader,
            )
        return UnitSuggestion(
            other.lead,
            other.cooperating,
            self.deadline or other.deadline,
            self.leader or other.leader,
        )


def ends_with_note_field(text: str) -> bool:
    """Whether ``text`` ends with a note field ("…增长7%以上责任单位:区发展和改革局"), so that
    a label right after it starts the next node in text that lost its line breaks."""
    keys = list(_KEY.finditer(text[-80:]))
    if not keys:
        return False
    value = text[-80:][keys[-1].end() :]
    return bool(value) and not any(ch in value for ch in "。；;！？")


def split_units(text: str) -> list[str]:
    """Names in a list ("A、B，C"), never split inside brackets ("各县<市、区>人民政府")."""
    names: list[str] = []
    depth = 0
    current: list[str] = []

    def flush() -> None:
        name = _clean("".join(current))
        if name and name not in names:
            names.append(name)
        current.clear()

    for ch in text:
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
        if depth == 0 and _SPLIT_UNITS.match(ch):
            flush()
        else:
            current.append(ch)
    flush()
    return names


def _clean(name: str) -> str:
    name = name.strip(" \t\u3000。．.：:")
    name = _LEADING_NOISE.sub("", name)
    return _TRAILING_NOISE.sub("", name).strip()


# Every habit holds one of these words; most task sentences hold none and are passed over.
_ROLE_WORDS = ("牵头", "牽頭", "负责", "負責", "配合", "协", "協", "参与", "參與", "第一位")
_FIELD_MARKS = ("：", ":")


def find_units(text: str) -> UnitSuggestion:
    """Units, deadline and leader named in ``text`` (a note, a sentence or a note line)."""
    if any(mark in text for mark in _FIELD_MARKS):
        fields = _read_fields(text)
        if fields is not None:
            return fields
    if not any(word in text for word in _ROLE_WORDS):
        return UnitSuggestion()
    return _read_prose(text)


def _read_fields(text: str) -> UnitSuggestion | None:
    """Notes written as "key：value" fields, in any order and with any separators."""
    keys = list(_KEY.finditer(text))
    if not keys:
        return None
    lead_names: list[str] = []
    responsible: list[str] = []
    cooperating: list[str] = []
    deadline = leader = ""
    for index, m in enumerate(keys):
        end = keys[index + 1].start() if index + 1 < len(keys) else len(text)
        value = _field_value(text[m.end() : end])
        key = m.group("key")
        if re.fullmatch(_DEADLINE_KEY, key):
            deadline = deadline or value.strip("，,；;、 ")
        elif re.fullmatch(_LEADER_KEY, key):
            leader = leader or (split_units(value) or [""])[0]
        else:
            inner = _read_prose(value)
            if inner:  # "责任单位：X牵头，Y配合"
                names = [inner.lead, *inner.cooperating] if inner.lead else []
                cooperating += [] if inner.lead else list(inner.cooperating)
                deadline = deadline or inner.deadline
            else:
                names = split_units(value)
            if re.fullmatch(_COOP_KEY, key):
                cooperating += names
            elif re.fullmatch(_LEAD_KEY, key):
                lead_names += names
            else:
                responsible += names
    # With a 牵头 field, 责任单位 are the units doing the work beside the lead.
    lead, coop = _roles(lead_names, responsible, cooperating)
    if not (lead or coop or deadline or leader):
        return None
    return UnitSuggestion(lead, coop, deadline, leader)


def _field_value(raw: str) -> str:
    """A field's value: up to the bracket that closes the note or the end of the sentence."""
    depth = 0
    for i, ch in enumerate(raw):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            if depth == 0:
                return raw[:i].strip(" \t\u3000，,；;。")
            depth -= 1
        elif ch in "。\n" and depth == 0:
            return raw[:i].strip(" \t\u3000，,；;")
    return raw.strip(" \t\u3000，,；;。")


def _read_prose(text: str) -> UnitSuggestion:
    """ "X牵头，Y配合", "X负责", "X、Y负责", "(X,Y,Z,排名第一位为牵头单位)"."""
    listed = _FIRST_LEADS.search(text)
    if listed:
        start = max(text.rfind(ch, 0, listed.start()) for ch in "（(【[")
        names = [
            n
            for n in split_units(text[start + 1 : listed.start()])
            if n and not _FIRST_LEADS.fullmatch(n)
        ]
        if names:
            return UnitSuggestion(names[0], tuple(names[1:]))
    leads: list[str] = []
    responsible: list[str] = []
    cooperating: list[str] = []
    for m in _ROLE.finditer(text):
        names = [n for n in split_units(m.group("names")) if _is_name(n)]
        if not names:
            continue
        role = m.group("role")
        if re.fullmatch(_COOP_WORD, role):
            cooperating += names
        elif re.fullmatch(_LEAD_WORD, role):
            leads += names
        else:
            responsible += names
    if not leads and not responsible:
        # "社会参与" alone in prose names no unit that leads anything.
        return UnitSuggestion()
    lead, coop = _roles(leads, responsible, cooperating)
    return UnitSuggestion(lead, coop, find_deadline_phrase(text) or "")


def _roles(
    leads: list[str], responsible: list[str], cooperating: list[str]
) -> tuple[str, tuple[str, ...]]:
    """The lead (the first unit that leads, else the first responsible) and the others."""
    named = leads or responsible
    lead = named[0] if named else ""
    rest = leads[1:] + responsible + cooperating if leads else responsible[1:] + cooperating
    return lead, tuple(dict.fromkeys(n for n in rest if n and n != lead))


def _is_name(name: str) -> bool:
    """A unit's name, not a phrase of prose ("发挥龙头学校", "建立由教育部门")."""
    return 2 <= len(name) <= 40 and not _NOT_NAMES.search(name)


# A clause of a note sentence: units with their role, a field, or a deadline ("9月底前完成").
_DEADLINE_REST = re.compile(r"(?:于|在|力争|确保|计划|要|须|需)*(?:完成|办结|到位|完成任务)?")


def is_note_sentence(sentence: str) -> bool:
    """True for a sentence that only names units (and a deadline): "X牵头，Y配合，9月底前完成。",
    "责任单位：A、B。" or a bracketed note on its own. Such a sentence is a note, not a task."""
    core = sentence.strip(" \t\u3000。．.；;")
    if core[:1] in "（(【[" and core[-1:] in "）)】]":
        core = core[1:-1]
    if not core or not find_units(core):
        return False
    if _KEY.match(core):
        return True
    for clause in re.split(r"[，,；;]", core):
        clause = clause.strip()
        if not clause:
            continue
        if _ROLE.fullmatch(clause) and _is_name(_ROLE.fullmatch(clause).group("names")):
            continue
        when = find_deadline_phrase(clause)
        if when and _DEADLINE_REST.fullmatch(clause.replace(when, "", 1)):
            continue
        return False
    return True

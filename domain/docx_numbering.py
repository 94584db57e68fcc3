"""Word's automatic list numbering: the labels Word shows in front of list paragraphs.

A clerk's 工作要点 usually types its "一、" and "（二）" by hand, but many plans use Word's
multilevel lists instead, and then the labels exist only in ``word/numbering.xml``. This
module rebuilds them from the parsed numbering and styles parts; ``domain.docx_package``
does the (safe) package reading and XML parsing, and ``domain.docx_reader`` calls
:meth:`ListNumbering.label_for` once per paragraph, in document order, because counters
depend on everything before.

Word semantics implemented (and their documented simplifications):

* ``w:num`` → ``w:abstractNumId`` (following ``w:numStyleLink`` through a numbering style),
  with ``w:lvlOverride`` (``w:startOverride`` and whole ``w:lvl`` replacements).
* Counters are shared by every ``w:num`` that points at the same abstract list, as Word
  does ("continue numbering" across list instances). A ``w:num`` carrying a
  ``w:startOverride`` (what Word's "Restart at 1" writes) gets its own counter sequence,
  starting from the override values.
* Using a level restarts every deeper level, unless that level's ``w:lvlRestart`` says
  otherwise (0 = never restart, N = restart only when level N (1-based) or shallower is used).
* ``%N`` in ``w:lvlText`` shows level N's counter in level N's own format, or decimal when
  the level has ``w:isLgl``. A level never used yet shows its start value.
* ``w:start`` omitted means 0, as in the standard. Start values are clamped to 0..32767.
* The label is ``w:lvlText`` with ``%N`` filled in; ``w:suff`` (the tab or space Word puts
  after it) is not added: "一、" and "（一）" carry their own punctuation, and the caller's
  parser handles "1." directly followed by text. ``bullet`` levels give their ``w:lvlText``
  character as the label, ``none`` levels an empty label; unknown formats count in decimal.
  The number formats themselves are in :mod:`domain.docx_formats`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import NamedTuple

from lxml import etree

from domain.docx_formats import format_number

# Strict OOXML parts are rewritten to this namespace by domain.docx_package before parsing.
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"

MAX_LEVELS = 9
MAX_START = 32767
_MAX_STYLE_CHAIN = 32


def w(local_name: str) -> str:
    """Clark name ``{namespace}local`` of a WordprocessingML element or attribute."""
    return f"{{{W_NS}}}{local_name}"


W_VAL = w("val")
_W_ABSTRACT_NUM = w("abstractNum")
_W_ABSTRACT_NUM_ID = w("abstractNumId")
_W_BASED_ON = w("basedOn")
_W_DEFAULT = w("default")
_W_FORMAT = w("format")
_W_ILVL = w("ilvl")
_W_IS_LGL = w("isLgl")
_W_LVL = w("lvl")
_W_LVL_OVERRIDE = w("lvlOverride")
_W_LVL_RESTART = w("lvlRestart")
_W_LVL_TEXT = w("lvlText")
_W_NUM = w("num")
_W_NUM_FMT = w("numFmt")
_W_NUM_ID = w("numId")
_W_NUM_PR = w("numPr")
_W_NUM_STYLE_LINK = w("numStyleLink")
_W_OUTLINE_LVL = w("outlineLvl")
_W_P_PR = w("pPr")
_W_P_STYLE = w("pStyle")
_W_START = w("start")
_W_START_OVERRIDE = w("startOverride")
_W_STYLE = w("style")
_W_STYLE_ID = w("styleId")
_W_TYPE = w("type")
_W_R_PR = w("rPr")
_W_DEL = w("del")
_W_MOVE_FROM = w("moveFrom")
_MC_ALTERNATE_CONTENT = f"{{{MC_NS}}}AlternateContent"


def int_or_none(text: str | None) -> int | None:
    """The integer in an attribute value, or None for a missing or garbage value."""
    if text is None or len(text) > 12:  # hostile files: no giant integers
        return None
    try:
        return int(text.strip())
    except ValueError:
        return None


def on_off(element: etree._Element) -> bool:
    """A WordprocessingML on/off property: present means on unless val says otherwise."""
    return element.get(W_VAL, "true").strip().lower() not in ("false", "0", "off")


# ---------------------------------------------------------------------------- paragraph and style


class ParagraphProperties(NamedTuple):
    """What the reader needs from a w:pPr (of a paragraph or of a style)."""

    style: str = ""  # w:pStyle
    num_id: int | None = None  # w:numPr/w:numId; 0 means "numbering removed"
    level: int | None = None  # w:numPr/w:ilvl
    outline_level: int | None = None  # w:outlineLvl as 0..8 (9, Word's "Body Text", is None)
    mark_deleted: bool = False  # the paragraph mark is a tracked deletion

    @property
    def has_numbering(self) -> bool:
        return self.num_id is not None or self.level is not None


def read_paragraph_properties(properties: etree._Element | None) -> ParagraphProperties:
    """Read a w:pPr in one pass over its children (this runs for every paragraph)."""
    if properties is None:
        return ParagraphProperties()
    style, num_id, level, outline, mark_deleted = "", None, None, None, False
    for child in properties:
        tag = child.tag
        if tag == _W_P_STYLE:
            style = child.get(W_VAL) or ""
        elif tag == _W_NUM_PR:
            for number_child in child:
                if number_child.tag == _W_NUM_ID:
                    num_id = int_or_none(number_child.get(W_VAL))
                elif number_child.tag == _W_ILVL:
                    level = int_or_none(number_child.get(W_VAL))
        elif tag == _W_OUTLINE_LVL:
            outline = int_or_none(child.get(W_VAL))
            outline = outline if outline is not None and 0 <= outline < MAX_LEVELS else None
        elif tag == _W_R_PR:
            mark_deleted = any(mark.tag in (_W_DEL, _W_MOVE_FROM) for mark in child)
    return ParagraphProperties(style, num_id, level, outline, mark_deleted)


class StyleSheet:
    """The parts of word/styles.xml that matter for numbering and outline levels."""

    def __init__(self, styles_root: etree._Element | None) -> None:
        self.default_paragraph_style = ""
        self._styles: dict[str, tuple[str | None, ParagraphProperties]] = {}  # id → (basedOn, pPr)
        for style in styles_root.iterchildren(_W_STYLE) if styles_root is not None else ():
            style_id = style.get(_W_STYLE_ID)
            if not style_id:
                continue
            default = style.get(_W_DEFAULT, "").strip().lower() in ("1", "true", "on")
            if default and style.get(_W_TYPE, "paragraph") == "paragraph":
                self.default_paragraph_style = style_id
            based_on = style.find(_W_BASED_ON)
            self._styles[style_id] = (
                based_on.get(W_VAL) if based_on is not None else None,
                read_paragraph_properties(style.find(_W_P_PR)),
            )

    def _chain(self, style_id: str) -> list[ParagraphProperties]:
        """The style's properties and its w:basedOn ancestors', nearest first, without cycles."""
        chain: list[ParagraphProperties] = []
        seen: set[str] = set()
        current: str | None = style_id
        while (
            current
            and current not in seen
            and current in self._styles
            and len(chain) < _MAX_STYLE_CHAIN
        ):
            seen.add(current)
            current, properties = self._styles[current]
            chain.append(properties)
        return chain

    def numbering_of(self, style_id: str) -> tuple[int | None, int | None]:
        """(numId, ilvl) the style gives its paragraphs, from the nearest style with w:numPr."""
        for properties in self._chain(style_id):
            if properties.has_numbering:
                return properties.num_id, properties.level
        return None, None

    def outline_level_of(self, style_id: str) -> int | None:
        for properties in self._chain(style_id):
            if properties.outline_level is not None:
                return properties.outline_level
        return None


# ---------------------------------------------------------------------------- numbering


@dataclass(frozen=True)
class ListLevel:
    number_format: str = "decimal"
    level_text: str = ""
    start: int = 0
    restart_after: int | None = None  # w:lvlRestart, 1-based; 0 = never; None = default
    legal: bool = False  # w:isLgl: show every %N in decimal
    custom_format: str = ""
    linked_style: str = ""  # w:pStyle: paragraphs of this style sit at this level


def _clamp_start(value: int | None) -> int:
    return min(max(value if value is not None else 0, 0), MAX_START)


def _parse_level(level_element: etree._Element) -> tuple[int, ListLevel] | None:
    level_index = int_or_none(level_element.get(_W_ILVL))
    if level_index is None or not 0 <= level_index < MAX_LEVELS:
        return None
    format_element = level_element.find(_W_NUM_FMT)
    if format_element is None:
        # Word 2010 writes custom formats inside mc:AlternateContent (Choice first).
        alternate = level_element.find(_MC_ALTERNATE_CONTENT)
        if alternate is not None:
            format_element = next(alternate.iter(_W_NUM_FMT), None)
    values: dict[str, str] = {}
    for child in level_element:
        if child.tag in (_W_LVL_TEXT, _W_START, _W_LVL_RESTART, _W_P_STYLE):
            values[child.tag] = child.get(W_VAL, "")
    format_attributes = format_element.attrib if format_element is not None else {}
    return level_index, ListLevel(
        number_format=format_attributes.get(W_VAL, "decimal"),
        level_text=values.get(_W_LVL_TEXT, ""),
        start=_clamp_start(int_or_none(values.get(_W_START))),
        restart_after=int_or_none(values.get(_W_LVL_RESTART)),
        legal=any(on_off(child) for child in level_element.iterchildren(_W_IS_LGL)),
        custom_format=format_attributes.get(_W_FORMAT, ""),
        linked_style=values.get(_W_P_STYLE, ""),
    )


@dataclass(frozen=True)
class _AbstractList:
    levels: dict[int, ListLevel]
    numbering_style_link: str


@dataclass(frozen=True)
class _ListInstance:
    abstract_id: int
    start_overrides: dict[int, int]
    level_overrides: dict[int, ListLevel]


@dataclass(frozen=True)
class _ResolvedList:
    counter_key: tuple[str, int]
    levels: dict[int, ListLevel]


_PLACEHOLDER = re.compile(r"%([1-9])")


class ListNumbering:
    """Counts list paragraphs in document order and returns the label Word shows for each."""

    def __init__(self, numbering_root: etree._Element | None, styles: StyleSheet) -> None:
        self._styles = styles
        self._abstract_lists: dict[int, _AbstractList] = {}
        self._instances: dict[int, _ListInstance] = {}
        self._resolved: dict[int, _ResolvedList | None] = {}
        self._counters: dict[tuple[str, int], list[int | None]] = {}
        if numbering_root is None:
            return
        for abstract in numbering_root.iterchildren(_W_ABSTRACT_NUM):
            abstract_id = int_or_none(abstract.get(_W_ABSTRACT_NUM_ID))
            if abstract_id is None:
                continue
            levels = dict(filter(None, map(_parse_level, abstract.iterchildren(_W_LVL))))
            link = abstract.find(_W_NUM_STYLE_LINK)
            self._abstract_lists[abstract_id] = _AbstractList(
                levels, link.get(W_VAL, "") if link is not None else ""
            )
        for instance in numbering_root.iterchildren(_W_NUM):
            num_id = int_or_none(instance.get(_W_NUM_ID))
            abstract_ref = instance.find(_W_ABSTRACT_NUM_ID)
            abstract_id = int_or_none(abstract_ref.get(W_VAL)) if abstract_ref is not None else None
            if num_id is None or abstract_id is None:
                continue
            start_overrides: dict[int, int] = {}
            level_overrides: dict[int, ListLevel] = {}
            for override in instance.iterchildren(_W_LVL_OVERRIDE):
                level_index = int_or_none(override.get(_W_ILVL))
                if level_index is None or not 0 <= level_index < MAX_LEVELS:
                    continue
                start = override.find(_W_START_OVERRIDE)
                if start is not None:
                    start_overrides[level_index] = _clamp_start(int_or_none(start.get(W_VAL)))
                replacement = override.find(_W_LVL)
                parsed = _parse_level(replacement) if replacement is not None else None
                if parsed is not None:
                    level_overrides[level_index] = parsed[1]
            self._instances[num_id] = _ListInstance(abstract_id, start_overrides, level_overrides)

    def _abstract_for(self, instance: _ListInstance) -> tuple[int, _AbstractList] | None:
        """The abstract list, following w:numStyleLink → numbering style → its list."""
        abstract_id = instance.abstract_id
        for _ in range(4):  # a link chain longer than this is a loop
            abstract = self._abstract_lists.get(abstract_id)
            if abstract is None:
                return None
            if not abstract.numbering_style_link:
                return abstract_id, abstract
            linked_num_id, _level = self._styles.numbering_of(abstract.numbering_style_link)
            linked = self._instances.get(linked_num_id) if linked_num_id is not None else None
            if linked is None:
                return abstract_id, abstract
            abstract_id = linked.abstract_id
        return None

    def _resolve(self, num_id: int) -> _ResolvedList | None:
        if num_id in self._resolved:
            return self._resolved[num_id]
        resolved: _ResolvedList | None = None
        instance = self._instances.get(num_id)
        found = self._abstract_for(instance) if instance is not None else None
        if instance is not None and found is not None:
            abstract_id, abstract = found
            levels = dict(abstract.levels)
            levels.update(instance.level_overrides)
            for level_index, start in instance.start_overrides.items():
                if level_index in levels:
                    levels[level_index] = replace(levels[level_index], start=start)
            # Word continues one counter across every w:num of an abstract list; a
            # "restart numbering" w:num (with w:startOverride) counts on its own.
            key = ("num", num_id) if instance.start_overrides else ("abstract", abstract_id)
            resolved = _ResolvedList(key, levels)
        self._resolved[num_id] = resolved
        return resolved

    def label_for(self, num_id: int | None, level_index: int | None, paragraph_style: str) -> str:
        """Advance the counters for one list paragraph and return its label ("" if none).

        ``level_index`` None means "not given": the level linked to ``paragraph_style``
        through its w:pStyle, else level 0. numId 0 means numbering was removed.
        """
        if not num_id:
            return ""
        resolved = self._resolve(num_id)
        if resolved is None:
            return ""
        levels = resolved.levels
        if level_index is None:
            level_index = next(
                (
                    index
                    for index, level in sorted(levels.items())
                    if level.linked_style == paragraph_style and paragraph_style
                ),
                0,
            )
        level = levels.get(level_index)
        if level is None:
            return ""
        counters = self._counters.setdefault(resolved.counter_key, [None] * MAX_LEVELS)
        current = counters[level_index]
        counters[level_index] = level.start if current is None else current + 1
        for deeper in range(level_index + 1, MAX_LEVELS):
            deeper_level = levels.get(deeper)
            restart_after = deeper_level.restart_after if deeper_level is not None else None
            if restart_after is None or restart_after > deeper:
                restart_after = deeper  # default: restart after any shallower level
            if level_index < restart_after:
                counters[deeper] = None
        if level.number_format == "none":
            return ""
        if level.number_format == "bullet":
            return level.level_text

        def shown_number(match: re.Match[str]) -> str:
            referenced_index = int(match.group(1)) - 1
            referenced = levels.get(referenced_index, ListLevel(start=1))
            value = counters[referenced_index]
            if value is None:
                value = referenced.start
            if level.legal:
                return str(value)
            return format_number(value, referenced.number_format, referenced.custom_format)

        return _PLACEHOLDER.sub(shown_number, level.level_text)

"""Read the paragraphs of a Word .docx work plan, safely, without python-docx.

The package itself (file signature checks, zip size/ratio limits, bounded reads, safe XML
parsing, relationships, and the clerk-facing error messages) is handled by
:mod:`domain.docx_package`; every problem becomes a :class:`PlanInputError`. This module
walks the parsed document body.

What is read: body paragraphs and tables in document order (a table row by row, cell by
cell; nested tables in place; merged cells read once: vMerge/hMerge continuation cells are
skipped, gridSpan cells appear once anyway). Text boxes are included: their paragraphs follow
the paragraph that anchors them, and of an mc:AlternateContent only the first mc:Choice (else
mc:Fallback) is read, so a text box is never read twice. Headers, footers, footnotes, comments,
deleted text, field codes and hidden (w:vanish) runs are left out; field results, insertions,
hyperlinks and content controls are kept. Word's automatic list labels are rebuilt by
:mod:`domain.docx_numbering` and put in front of the text with nothing in between ("一、"
carries its own punctuation). Blank paragraphs are kept; the caller decides what they mean.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from domain.docx_numbering import (
    MC_NS,
    W_VAL,
    ListNumbering,
    ParagraphProperties,
    StyleSheet,
    on_off,
    read_paragraph_properties,
    w,
)
from domain.docx_package import DEFAULT_MAX_PART_BYTES, DEFAULT_MAX_RATIO, read_word_parts

# Control characters other than tab and newline (and C1 controls) never belong in text.
_CONTROL_CHARACTERS = dict.fromkeys((*range(9), 11, 12, *range(13, 32), *range(0x7F, 0xA0)))

W_BODY, W_P, W_P_PR, W_R, W_T, W_TBL, W_TR, W_TC = map(
    w, ("body", "p", "pPr", "r", "t", "tbl", "tr", "tc")
)
W_SDT, W_SDT_CONTENT, W_CUSTOM_XML, W_DEL, W_INS, W_MOVE_TO = map(
    w, ("sdt", "sdtContent", "customXml", "del", "ins", "moveTo")
)
W_TAB, W_PTAB, W_BR, W_CR, W_NO_BREAK_HYPHEN, W_SYM, W_FLD_CHAR, W_FLD_CHAR_TYPE, W_CHAR = map(
    w, ("tab", "ptab", "br", "cr", "noBreakHyphen", "sym", "fldChar", "fldCharType", "char")
)
W_TXBX_CONTENT, W_R_PR, W_VANISH, W_RUBY, W_RUBY_BASE = map(
    w, ("txbxContent", "rPr", "vanish", "ruby", "rubyBase")
)
W_TC_PR, W_V_MERGE, W_H_MERGE, W_TR_PR, W_CELL_DEL = map(
    w, ("tcPr", "vMerge", "hMerge", "trPr", "cellDel")
)
MC_ALTERNATE_CONTENT, MC_CHOICE, MC_FALLBACK = (
    f"{{{MC_NS}}}{name}" for name in ("AlternateContent", "Choice", "Fallback")
)
_M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
M_T, M_MATH = f"{{{_M_NS}}}t", frozenset((f"{{{_M_NS}}}oMath", f"{{{_M_NS}}}oMathPara"))
# Inline containers whose children are runs (or more containers) that Word shows.
_INLINE_CONTAINERS = frozenset(
    (W_INS, W_MOVE_TO, W_CUSTOM_XML, *map(w, ("hyperlink", "smartTag", "fldSimple", "dir", "bdo")))
)
_BLOCK_CONTAINERS = frozenset((W_CUSTOM_XML, W_INS, W_MOVE_TO))
_DRAWING_HOSTS = frozenset(map(w, ("drawing", "pict", "object")))


@dataclass(frozen=True)
class DocxParagraph:
    text: str  # the paragraph text, the automatic-numbering label (if any) in front, as Word shows
    auto_label: str  # the label from Word's automatic list numbering ("" when none)
    style: str  # paragraph style id (w:pStyle) or ""
    in_table: bool
    outline_level: int | None  # from w:outlineLvl in pPr or the style, if any


def read_docx(
    path: str | Path,
    *,
    max_part_bytes: int = DEFAULT_MAX_PART_BYTES,
    max_ratio: int = DEFAULT_MAX_RATIO,
) -> list[DocxParagraph]:
    """The paragraphs of a .docx file, in document order. Raises only PlanInputError."""
    parts = read_word_parts(Path(path), max_part_bytes, max_ratio)
    styles = StyleSheet(parts.styles)
    walker = _BodyWalker(ListNumbering(parts.numbering, styles), styles)
    body = parts.document.find(W_BODY)
    if body is not None:
        walker.walk_blocks(body, in_table=False)
    return walker.paragraphs


def read_docx_text(path: str | Path, **limits: int) -> str:
    """All paragraph texts joined by newlines (labels included)."""
    return "\n".join(paragraph.text for paragraph in read_docx(path, **limits))


# ---------------------------------------------------------------------------- document body


def _chosen_branch(alternate: etree._Element) -> etree._Element | None:
    """One branch of mc:AlternateContent: the first mc:Choice, else mc:Fallback (never both)."""
    for tag in (MC_CHOICE, MC_FALLBACK):
        branch = alternate.find(tag)
        if branch is not None:
            return branch
    return None


def _unwrapped(parent: etree._Element, wanted_tag: str) -> list[etree._Element]:
    """Children with ``wanted_tag``, looking through content controls and custom XML wrappers."""
    found: list[etree._Element] = []
    for child in parent:
        if child.tag == wanted_tag:
            found.append(child)
        elif child.tag == W_SDT:
            content = child.find(W_SDT_CONTENT)
            if content is not None:
                found.extend(_unwrapped(content, wanted_tag))
        elif child.tag in _BLOCK_CONTAINERS:
            found.extend(_unwrapped(child, wanted_tag))
    return found


def _find_text_boxes(element: etree._Element, found: list[etree._Element]) -> None:
    """Outermost w:txbxContent under a drawing, reading one branch of each AlternateContent."""
    for child in element:
        if child.tag == W_TXBX_CONTENT:
            found.append(child)  # text boxes nested in it are reached when its paragraphs are read
        elif child.tag == MC_ALTERNATE_CONTENT:
            branch = _chosen_branch(child)
            if branch is not None:
                _find_text_boxes(branch, found)
        elif isinstance(child.tag, str):
            _find_text_boxes(child, found)


class _BodyWalker:
    """Walks block content in document order, collecting DocxParagraph objects."""

    def __init__(self, numbering: ListNumbering, styles: StyleSheet) -> None:
        self.paragraphs: list[DocxParagraph] = []
        self._numbering = numbering
        self._styles = styles
        # Complex fields (w:fldChar): one entry per open field, True while in its code part.
        self._field_in_code: list[bool] = []
        self._open_field_codes = 0

    def walk_blocks(self, parent: etree._Element, in_table: bool) -> None:
        for child in parent:
            tag = child.tag
            if tag == W_P:
                self._paragraph(child, in_table)
            elif tag == W_TBL:
                self._table(child)
            elif tag == W_SDT:
                content = child.find(W_SDT_CONTENT)
                if content is not None:
                    self.walk_blocks(content, in_table)
            elif tag in _BLOCK_CONTAINERS:
                self.walk_blocks(child, in_table)
            elif tag == MC_ALTERNATE_CONTENT:
                branch = _chosen_branch(child)
                if branch is not None:
                    self.walk_blocks(branch, in_table)

    def _table(self, table: etree._Element) -> None:
        for row in _unwrapped(table, W_TR):
            row_properties = row.find(W_TR_PR)
            if row_properties is not None and row_properties.find(W_DEL) is not None:
                continue  # a deleted row (tracked change)
            for cell in _unwrapped(row, W_TC):
                cell_properties = cell.find(W_TC_PR)
                if cell_properties is not None and _is_merge_continuation(cell_properties):
                    continue  # the merged cell's text is in the cell where the merge starts
                self.walk_blocks(cell, in_table=True)

    def _paragraph(self, paragraph: etree._Element, in_table: bool) -> None:
        properties = ParagraphProperties()
        parts: list[str] = []
        text_boxes: list[etree._Element] = []
        for child in paragraph:
            if child.tag == W_P_PR:
                properties = read_paragraph_properties(child)
            else:
                self._inline(child, parts, text_boxes)
        # Field codes never span paragraphs in practice; an unclosed one must not hide the rest.
        if self._open_field_codes:
            self._field_in_code = [False] * len(self._field_in_code)
            self._open_field_codes = 0
        text = "".join(parts).translate(_CONTROL_CHARACTERS)
        if text or text_boxes or not properties.mark_deleted:  # a fully deleted paragraph is gone
            effective_style = properties.style or self._styles.default_paragraph_style
            label = self._label(properties, effective_style)
            level = properties.outline_level
            if level is None:
                level = self._styles.outline_level_of(effective_style)
            self.paragraphs.append(
                DocxParagraph(label + text, label, properties.style, in_table, level)
            )
        for text_box in text_boxes:
            self.walk_blocks(text_box, in_table)

    def _label(self, properties: ParagraphProperties, effective_style: str) -> str:
        """The automatic list label, from the paragraph's own w:numPr or its style's."""
        num_id, level = properties.num_id, properties.level
        if num_id is None:  # numId 0 (numbering removed) is not None and wins over the style
            style_num_id, style_level = self._styles.numbering_of(effective_style)
            num_id, level = style_num_id, style_level if level is None else level
        # level None: the level whose w:pStyle links to this style, else level 0.
        return self._numbering.label_for(num_id, level, effective_style).translate(
            _CONTROL_CHARACTERS
        )

    def _inline(
        self,
        element: etree._Element,
        parts: list[str],
        text_boxes: list[etree._Element],
    ) -> None:
        tag = element.tag
        if tag == W_R:
            self._run(element, parts, text_boxes)
        elif tag in _INLINE_CONTAINERS:
            for child in element:
                self._inline(child, parts, text_boxes)
        elif tag == W_SDT:
            content = element.find(W_SDT_CONTENT)
            for child in content if content is not None else ():
                self._inline(child, parts, text_boxes)
        elif tag == MC_ALTERNATE_CONTENT:
            branch = _chosen_branch(element)
            for child in branch if branch is not None else ():
                self._inline(child, parts, text_boxes)
        elif tag in M_MATH and not self._open_field_codes:
            parts.extend(math_text.text or "" for math_text in element.iter(M_T))
        # w:del, w:moveFrom, bookmarks, proofing marks, comments: nothing Word shows as text.

    def _run(self, run: etree._Element, parts: list[str], text_boxes: list[etree._Element]) -> None:
        hidden = False
        for child in run:
            tag = child.tag
            if tag == W_FLD_CHAR:  # counted even in hidden runs, or fields would unbalance
                self._field_char(child.get(W_FLD_CHAR_TYPE, ""))
            elif hidden or self._open_field_codes:
                continue  # hidden text, or inside a field code: nothing is shown
            elif tag == W_T:
                parts.append(child.text or "")
            elif tag == W_R_PR:
                vanish = child.find(W_VANISH)
                hidden = vanish is not None and on_off(vanish)
            elif tag in (W_TAB, W_PTAB):
                parts.append("\t")
            elif tag in (W_BR, W_CR):
                parts.append("\n")
            elif tag == W_NO_BREAK_HYPHEN:
                parts.append("-")
            elif tag == W_SYM:
                parts.append(_symbol_character(child.get(W_CHAR)))
            elif tag in _DRAWING_HOSTS:
                _find_text_boxes(child, text_boxes)
            elif tag == MC_ALTERNATE_CONTENT:
                branch = _chosen_branch(child)
                if branch is not None:
                    _find_text_boxes(branch, text_boxes)
            elif tag == W_RUBY:  # phonetic guide: the base text, not the annotation
                for base in child.iterchildren(W_RUBY_BASE):
                    for base_child in base:
                        self._inline(base_child, parts, text_boxes)

    def _field_char(self, char_type: str) -> None:
        if char_type == "begin":
            self._field_in_code.append(True)
            self._open_field_codes += 1
        elif char_type == "separate" and self._field_in_code and self._field_in_code[-1]:
            self._field_in_code[-1] = False
            self._open_field_codes -= 1
        elif char_type == "end" and self._field_in_code:
            # A field without a separator ends while still in its code part.
            self._open_field_codes -= int(self._field_in_code.pop())


def _is_merge_continuation(cell_properties: etree._Element) -> bool:
    for merge_tag in (W_V_MERGE, W_H_MERGE):
        merge = cell_properties.find(merge_tag)
        if merge is not None and merge.get(W_VAL, "continue") != "restart":
            return True
    return cell_properties.find(W_CELL_DEL) is not None


def _symbol_character(code: str | None) -> str:
    """A w:sym character if it is ordinary Unicode; symbol-font private-use codes are dropped."""
    if not code or len(code) > 8:
        return ""
    try:
        code_point = int(code, 16)
    except ValueError:
        return ""
    if code_point < 0x20 or 0xD800 <= code_point <= 0xF8FF or code_point > 0x10FFFF:
        return ""
    return chr(code_point)

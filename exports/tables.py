"""Tables written as one WordprocessingML string and parsed once.

python-docx's ``add_row()``/``cell.text`` costs about 0.6 ms a row and grows worse with the
table; building the XML directly writes 5,000 rows in a fraction of a second. Widths are
fixed in dxa on the table, the grid and every cell (Word reads ``tcW``, LibreOffice the
grid), the header row repeats on every page, rows do not split across pages unless asked,
cells are centred vertically, borders are single 0.5 pt lines, and no cell paragraph snaps
to the document grid. Fonts come from the ``GW Head`` / ``GW Cell`` styles.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from docx.document import Document as DocxDocument
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from exports.docx_base import OfficialDocument
from exports.text import clean, esc, mm_to_twips, official

CELL_MARGIN = 85  # twips, 1.5 mm left and right
_KEEP_NEXT = re.compile(r'(<w:pStyle w:val="[^"]*"/>)')  # keepNext follows pStyle in a pPr


@dataclass(frozen=True)
class Row:
    cells: Sequence[str]
    # Small grey text under the first cell's text (a machine-readable key, for instance).
    key: str = ""
    # Small grey text under the second cell's text (for reference, such as 上期进展).
    note: str = ""


@dataclass(frozen=True)
class GroupRow:
    """A full-width row naming a group (a section or an item of the plan); kept with the
    next row."""

    title: str
    style: str = "GWGroup"  # GWGroup (黑体) for sections, GWItem (楷体) for items


@dataclass(frozen=True)
class Column:
    header: str
    width_mm: float
    align: str | None = None  # "center", "left", "right"; None: the style's (left)
    style: str | None = None  # a paragraph style for this column's cells (default: the table's)


@dataclass
class TableSpec:
    columns: Sequence[Column]
    rows: Iterable[Row | GroupRow] = field(default_factory=list)
    cant_split: bool = True  # False for forms departments fill in: tall rows must split
    min_row_height_mm: float | None = None
    cell_style: str = "GWCell"
    borderless: bool = False
    header: bool = True
    # A row above the header naming groups of columns: (title, columns spanned). A column
    # alone (span 1) keeps its own title, merged down over both header rows.
    header_groups: Sequence[tuple[str, int]] = ()
    # The last rows that stand together on a page (2: the last row is never alone on the last
    # page): the rows before the last keep with the next row (every paragraph keepNext, which
    # Word and LibreOffice both read as "this row stays on the page of the next"). Group rows
    # among them are kept too and not counted: a group title never ends a page alone either.
    keep_last_rows: int = 0


def _paragraphs(text: str, style: str, align: str | None) -> str:
    # Fonts, size and "no grid" come from the style: the per-cell XML stays small.
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/>' + (f'<w:jc w:val="{align}"/>' if align else "")
    ppr += "</w:pPr>"
    text = official(text)
    if "\n" not in text:
        run = f'<w:r><w:t xml:space="preserve">{esc(text)}</w:t></w:r>' if text else ""
        return f"<w:p>{ppr}{run}</w:p>"
    return "".join(
        f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{esc(line)}</w:t></w:r></w:p>'
        if line
        else f"<w:p>{ppr}</w:p>"
        for line in text.split("\n")
    )


def _key_paragraph(key: str, align: str | None) -> str:
    jc = f'<w:jc w:val="{align}"/>' if align else ""
    return (
        f'<w:p><w:pPr><w:pStyle w:val="GWKey"/>{jc}</w:pPr>'
        '<w:r><w:rPr><w:color w:val="808080"/></w:rPr>'
        f'<w:t xml:space="preserve">{esc(clean(key))}</w:t></w:r></w:p>'
    )


def _note_paragraph(note: str) -> str:
    """The small grey note under a cell's text: one paragraph per line of ``note``."""
    return "".join(
        '<w:p><w:pPr><w:pStyle w:val="GWNote"/></w:pPr><w:r><w:rPr><w:color w:val="595959"/>'
        f'</w:rPr><w:t xml:space="preserve">{esc(official(line))}</w:t></w:r></w:p>'
        for line in note.split("\n")
        if line.strip()
    )


def _cell(width: int, content: str, span: int = 1, merge: str = "") -> str:
    span_xml = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    if merge:  # "restart" or "continue": a cell merged down over rows
        span_xml += '<w:vMerge w:val="restart"/>' if merge == "restart" else "<w:vMerge/>"
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span_xml}'
        f'<w:vAlign w:val="center"/></w:tcPr>{content}</w:tc>'
    )


def table_xml(spec: TableSpec, *, namespace: str = " " + nsdecls("w")) -> str:
    """The table as WordprocessingML; ``namespace=""`` for splicing into document.xml,
    where the w: prefix is already declared."""
    widths = [mm_to_twips(c.width_mm) for c in spec.columns]
    total = sum(widths)
    sides = ("top", "left", "bottom", "right", "insideH", "insideV")
    kind = "nil" if spec.borderless else "single"
    borders = "".join(
        f'<w:{side} w:val="{kind}" w:sz="4" w:space="0" w:color="000000"/>' for side in sides
    )
    parts = [
        f'<w:tbl{namespace}><w:tblPr><w:tblW w:w="{total}" w:type="dxa"/>'
        f'<w:jc w:val="center"/><w:tblBorders>{borders}</w:tblBorders>'
        f'<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="{CELL_MARGIN}" w:type="dxa"/>'
        f'<w:right w:w="{CELL_MARGIN}" w:type="dxa"/></w:tblCellMar>'
        f'<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" '
        f'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>',
        "".join(f'<w:gridCol w:w="{w}"/>' for w in widths),
        "</w:tblGrid>",
    ]
    if spec.header and spec.header_groups:
        parts.extend(_grouped_header(spec, widths))
    elif spec.header:
        cells = "".join(
            _cell(w, _paragraphs(c.header, "GWHead", "center"))
            for c, w in zip(spec.columns, widths, strict=True)
        )
        parts.append(f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{cells}</w:tr>")
    split = "<w:cantSplit/>" if spec.cant_split else ""
    height = (
        f'<w:trHeight w:val="{mm_to_twips(spec.min_row_height_mm)}" w:hRule="atLeast"/>'
        if spec.min_row_height_mm
        else ""
    )
    aligns = [c.align for c in spec.columns]
    styles = [c.style or spec.cell_style for c in spec.columns]
    rows = list(spec.rows)
    kept_from = _kept_from(rows, spec.keep_last_rows)
    for number, row in enumerate(rows):
        if isinstance(row, GroupRow):
            text = esc(official(row.title))
            group = (
                f'<w:p><w:pPr><w:pStyle w:val="{row.style}"/></w:pPr>'
                f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'
            )
            group_xml = (
                f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{_cell(total, group, len(widths))}</w:tr>"
            )
            if kept_from <= number < len(rows) - 1:
                group_xml = _KEEP_NEXT.sub(r"\1<w:keepNext/>", group_xml)
            parts.append(group_xml)
            continue
        cells = []
        for index, (value, width) in enumerate(zip(row.cells, widths, strict=True)):
            content = _paragraphs(value, styles[index], aligns[index])
            if index == 0 and row.key:
                content += _key_paragraph(row.key, aligns[0])
            if index == 1 and row.note:
                content += _note_paragraph(row.note)
            cells.append(_cell(width, content))
        row_xml = f"<w:tr><w:trPr>{split}{height}</w:trPr>{''.join(cells)}</w:tr>"
        if kept_from <= number < len(rows) - 1:
            row_xml = _KEEP_NEXT.sub(r"\1<w:keepNext/>", row_xml)
        parts.append(row_xml)
    parts.append("</w:tbl>")
    return "".join(parts)


def _kept_from(rows: Sequence[Row | GroupRow], keep_last_rows: int) -> int:
    """The index of the first row of the last ``keep_last_rows`` task rows (group rows among
    them not counted); ``len(rows)`` when nothing is kept."""
    if keep_last_rows < 2:
        return len(rows)
    counted = 0
    for index in range(len(rows) - 1, -1, -1):
        counted += isinstance(rows[index], Row)
        if counted == keep_last_rows:
            return index
    return 0


def _grouped_header(spec: TableSpec, widths: list[int]) -> list[str]:
    """Two header rows: the groups above, the columns of each group below; a column alone
    spans both rows (a vertical merge)."""
    top, bottom, index = [], [], 0
    for title, span in spec.header_groups:
        width = sum(widths[index : index + span])
        if span == 1:
            head = _paragraphs(spec.columns[index].header, "GWHead", "center")
            top.append(_cell(width, head, merge="restart"))
            bottom.append(_cell(width, "<w:p/>", merge="continue"))
        else:
            top.append(_cell(width, _paragraphs(title, "GWHead", "center"), span))
            bottom.extend(
                _cell(w, _paragraphs(c.header, "GWHead", "center"))
                for c, w in zip(
                    spec.columns[index : index + span], widths[index : index + span], strict=True
                )
            )
        index += span
    row = "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{}</w:tr>"
    return [row.format("".join(top)), row.format("".join(bottom))]


def add_table(doc: DocxDocument | OfficialDocument, spec: TableSpec) -> None:
    """Append the table to the body.

    For an ``OfficialDocument`` the table's XML is spliced into document.xml when the
    document is saved: no parse at all, the fastest way to a 5,000-row table. A plain
    python-docx document gets the parsed element (for callers that edit it further).
    """
    xml = table_xml(spec)
    if isinstance(doc, OfficialDocument):
        doc.add_raw_table(xml)
        doc.doc.add_paragraph(style="GW Cell")
        return
    body = doc.element.body
    table = parse_xml(xml)
    sect_pr = body.find(qn("w:sectPr"))
    if sect_pr is not None:
        sect_pr.addprevious(table)
    else:
        body.append(table)
    # A table must not be the last thing before a section break or the end of the body:
    # LibreOffice drops a section break that a table precedes, Word adds a paragraph anyway.
    table.addnext(parse_xml(f'<w:p {nsdecls("w")}><w:pPr><w:pStyle w:val="GWCell"/></w:pPr></w:p>'))

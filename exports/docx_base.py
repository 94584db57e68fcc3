"""A document being written in the official look (``exports.gbt9704``): its paragraphs,
its raw-XML tables spliced in on saving, its core properties, and saving it whole.

Documents are written to a temporary file and renamed (``exports.files``), so a failed export
never leaves half a file at the target path.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from exports.files import write_atomic
from exports.gbt9704 import (
    FontSet,
    add_gw_styles,
    declare_font_substitutes,
    page_numbers,
    repair_defaults,
    setup_page,
)
from exports.text import chinese_date, clean, esc


@dataclass
class OfficialDocument:
    """A document being written, with the fonts it uses.

    Large tables are kept as XML text and spliced into document.xml on saving
    (``add_raw_table``): parsing them into python-docx's tree would cost more than
    writing them.
    """

    doc: DocxDocument
    fonts: FontSet
    templated: bool = False
    raw_tables: list[str] = field(default_factory=list)
    # Values for an office template's {{标题}}, {{成文日期}}, {{办公室}}, {{发文字号}}.
    placeholders: dict[str, str] = field(default_factory=dict)
    _style_ids: dict[str, str] = field(default_factory=dict, repr=False)

    def add_raw(self, xml: str) -> None:
        """Append WordprocessingML (tables, paragraphs; no namespace declarations), spliced
        into document.xml on saving."""
        marker = f"{_TABLE_MARKER}{len(self.raw_tables)}"
        self.raw_tables.append(xml)
        para = self.doc.add_paragraph()
        para.add_run(marker)

    add_raw_table = add_raw

    def paragraph_xml(self, text: str, style: str = "GW Body") -> str:
        """The XML of what ``paragraph`` would add — for long runs of paragraphs, added
        together with ``add_raw`` (python-docx slows down with every paragraph added)."""
        style_id = self._style_id(style)
        runs = "<w:r><w:br/></w:r>".join(
            f'<w:r><w:t xml:space="preserve">{esc(line)}</w:t></w:r>' if line else ""
            for line in clean(text).split("\n")
        )
        return f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/></w:pPr>{runs}</w:p>'

    def to_bytes(self) -> bytes:
        """The .docx file as bytes, with the raw tables in place."""
        if self.templated:
            from exports.template import fill_placeholders

            values = {
                "成文日期": chinese_date(dt.date.today()),
                "办公室": self.doc.core_properties.author or "",
            }
            values.update(self.placeholders)
            fill_placeholders(self.doc, values)
        buffer = io.BytesIO()
        self.doc.save(buffer)
        if not self.raw_tables:
            return buffer.getvalue()
        return _splice_tables(buffer.getvalue(), self.raw_tables)

    def save(self, path: str | Path) -> Path:
        return write_atomic(self.to_bytes(), path)

    def _styled_paragraph(self, style: str) -> Paragraph:
        """A new paragraph in ``style``. python-docx looks a style name up by scanning every
        style (and the default one) on each paragraph — seconds for a long report — so the
        id is looked up once per name and set directly."""
        para = self.doc.add_paragraph()
        para._p.style = self._style_id(style)
        return para

    def _style_id(self, style: str) -> str:
        style_id = self._style_ids.get(style)
        if style_id is None:
            style_id = self._style_ids[style] = self.doc.styles[style].style_id
        return style_id

    def paragraph(self, text: str, style: str = "GW Body") -> Paragraph:
        """A paragraph; line breaks in ``text`` become breaks inside it."""
        para = self._styled_paragraph(style)
        for index, line in enumerate(clean(text).split("\n")):
            if index:
                para.add_run().add_break()
            if line:
                para.add_run(line)
        return para

    def title(self, text: str) -> Paragraph:
        self.placeholders.setdefault("标题", clean(text).replace("\n", ""))
        return self.paragraph(text, "GW Title")

    def blank(self, style: str = "GW Plain") -> Paragraph:
        return self._styled_paragraph(style)

    def signature(self, name: str, day: dt.date) -> None:
        """署名 and 成文日期 without a seal (§7.3.5.2): one blank line, then the name and
        the date right-aligned, each indented from the right edge."""
        self.blank()
        date_text = chinese_date(day)
        self.placeholders.update({"成文日期": date_text, "办公室": name})
        name_para = self.paragraph(name, "GW Right")
        date_para = self.paragraph(date_text, "GW Right")
        # The date sits 2 字 in from the right; the name is centred over the date.
        date_para.paragraph_format.right_indent = Pt(32)
        width_date = _char_width(date_text)
        width_name = _char_width(name)
        offset = max(0.0, (width_date - width_name) / 2)
        name_para.paragraph_format.right_indent = Pt(32 + offset * 16)
        if not name:
            name_para._p.getparent().remove(name_para._p)


def _char_width(text: str) -> float:
    """Width in 字: CJK characters 1, half-width characters 0.5."""
    return sum(0.5 if ord(ch) < 0x2E80 else 1.0 for ch in text)


def new_document(
    *, landscape: bool = False, fonts: FontSet | None = None, template: str | Path | None = None
) -> OfficialDocument:
    """A blank official document — or the office's own .docx template, emptied below its
    marker paragraph 【正文】 (or entirely), keeping letterhead, headers, styles, margins."""
    fonts = fonts or FontSet()
    if template:
        from exports.template import open_template

        doc = open_template(template)
        add_gw_styles(doc, fonts)
        declare_font_substitutes(doc, fonts)
        if landscape:
            setup_page(doc.sections[-1], landscape=True)
        return OfficialDocument(doc, fonts, templated=True)
    doc = Document()
    repair_defaults(doc, fonts)
    add_gw_styles(doc, fonts)
    declare_font_substitutes(doc, fonts)
    section = doc.sections[0]
    setup_page(section, landscape=landscape)
    page_numbers(doc, section, fonts)
    return OfficialDocument(doc, fonts)


def set_core_properties(
    doc: DocxDocument,
    *,
    title: str,
    author: str,
    subject: str = "",
    identifier: str = "",
    keywords: str = "",
) -> None:
    props = doc.core_properties
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    props.title = clean(title)[:255]
    props.author = clean(author)[:255]
    props.last_modified_by = props.author
    props.subject = clean(subject)[:255]
    props.identifier = clean(identifier)[:255]
    props.keywords = clean(keywords)[:255]
    props.comments = ""
    props.language = "zh-CN"
    props.created = props.modified = now
    props.revision = 1


_TABLE_MARKER = "\u2063DUBAN-TABLE-"  # an invisible separator opens the marker text


def _splice_tables(docx: bytes, tables: list[str]) -> bytes:
    """Replace each marker paragraph in word/document.xml by its raw XML (in one pass)."""
    source = zipfile.ZipFile(io.BytesIO(docx))
    xml = source.read("word/document.xml").decode("utf-8")
    pieces, done = [], 0
    for index, table in enumerate(tables):
        at = xml.index(f"{_TABLE_MARKER}{index}<", done)
        start = max(xml.rfind("<w:p>", done, at), xml.rfind("<w:p ", done, at))
        pieces += [xml[done:start], table]
        done = xml.index("</w:p>", at) + len("</w:p>")
    pieces.append(xml[done:])
    xml = "".join(pieces)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = (
                xml.encode("utf-8") if info.filename == "word/document.xml" else source.read(info)
            )
            target.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def save_atomic(doc: DocxDocument | OfficialDocument, path: str | Path) -> Path:
    """Save a document whole or not at all (see ``write_atomic``)."""
    if isinstance(doc, OfficialDocument):
        return doc.save(path)
    if any(_TABLE_MARKER in (t.text or "") for t in doc.element.body.iter(qn("w:t"))):
        raise ValueError(
            "This document has tables waiting to be spliced in: save the "
            "OfficialDocument, not its .doc."
        )
    buffer = io.BytesIO()
    doc.save(buffer)
    return write_atomic(buffer.getvalue(), path)

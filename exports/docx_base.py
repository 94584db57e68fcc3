"""A document being written in the official look (``exports.gbt9704``): its paragraphs,
its raw-XML tables spliced in on saving, its core properties, and saving it whole.

Documents are written to a temporary file and renamed (``exports.files``), so a failed export
never leaves half a file at the target path.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Twips
from docx.text.paragraph import Paragraph

from exports.files import write_atomic
from exports.gbt9704 import (
    FontSet,
    add_gw_styles,
    declare_font_substitutes,
    ensure_page_numbers,
    page_numbers,
    repair_defaults,
    setup_page,
)
from exports.package import TABLE_MARKER, finish
from exports.text import chinese_date, clean, esc, official, text_width

CHAR = 315  # twips: one 3号 character with the −0.25 pt spacing of the body styles


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
        marker = f"{TABLE_MARKER}{len(self.raw_tables)}"
        self.raw_tables.append(xml)
        para = self.doc.add_paragraph()
        para.add_run(marker)

    add_raw_table = add_raw

    def paragraph_xml(self, text: str, style: str = "GW Body", *, keep_next: bool = False) -> str:
        """The XML of what ``paragraph`` would add — for long runs of paragraphs, added
        together with ``add_raw`` (python-docx slows down with every paragraph added)."""
        style_id = self._style_id(style)
        runs = "<w:r><w:br/></w:r>".join(
            run_xml(line) if line else "" for line in official(text).split("\n")
        )
        keep = "<w:keepNext/>" if keep_next else ""
        return f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/>{keep}</w:pPr>{runs}</w:p>'

    def to_bytes(self) -> bytes:
        """The .docx file as bytes, with the raw tables in place."""
        if self.templated:
            from exports.template import fill_placeholders

            values = {
                "成文日期": chinese_date(dt.date.today()),
                "办公室": self.doc.core_properties.author or "",
                "发文字号": "",  # none set: the template's line stays empty, not "{{发文字号}}"
            }
            values.update(self.placeholders)
            fill_placeholders(self.doc, values)
        self._hide_trailing_paragraph()
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return finish(buffer.getvalue(), self.raw_tables)

    def _hide_trailing_paragraph(self) -> None:
        """The empty paragraph a document must have after a table that ends it: hidden and
        1 pt high, so that a table filling the last page does not push it onto a blank page
        of its own (Word's and LibreOffice's way to end a document on a table)."""
        body = self.doc.element.body
        children = [c for c in body if c.tag != qn("w:sectPr")]
        if len(children) < 2 or children[-1].tag != qn("w:p"):
            return
        last, before = children[-1], children[-2]
        marker = "".join(t.text or "" for t in before.iter(qn("w:t")))
        if "".join(last.itertext()).strip() or not marker.startswith(TABLE_MARKER):
            return
        if not self.raw_tables[int(marker.removeprefix(TABLE_MARKER))].startswith("<w:tbl"):
            return
        ppr = last.get_or_add_pPr()
        spacing = 'w:before="0" w:after="0" w:line="20" w:lineRule="exact"'
        ppr.append(parse_xml(f"<w:spacing {nsdecls('w')} {spacing}/>"))
        ppr.append(
            parse_xml(
                f'<w:rPr {nsdecls("w")}><w:vanish/><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>'
            )
        )

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

    def paragraph(self, text: str, style: str = "GW Body", *, keep_next: bool = False) -> Paragraph:
        """A paragraph; line breaks in ``text`` become breaks inside it. ``keep_next`` keeps
        it on the page of the next one (Word, WPS and LibreOffice all honour it)."""
        para = self._styled_paragraph(style)
        for index, line in enumerate(official(text).split("\n")):
            if index:
                para.add_run().add_break()
            if line:
                para._p.append(parse_xml(run_xml(line, nsdecls("w"))))
        if keep_next:
            para.paragraph_format.keep_with_next = True
        return para

    def page_break(self) -> None:
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def title(self, text: str) -> Paragraph:
        self.placeholders.setdefault("标题", clean(text).replace("\n", ""))
        return self.paragraph(text, "GW Title")

    def blank(self, style: str = "GW Plain") -> Paragraph:
        return self._styled_paragraph(style)

    def signature(self, name: str, day: dt.date) -> None:
        """署名 and 成文日期 of a document without a seal (GB/T 9704 §7.3.5.2): one blank
        line under the text, the 署名 2 字 from the right, the date on the next line starting
        2 字 right of the 署名's first character — or, when the date is the longer, the date
        2 字 from the right and the 署名 moved in to keep that step. Kept on the page of the
        text before it: the caller ends its text with ``keep_next`` paragraphs."""
        date_text = chinese_date(day)
        self.placeholders.update({"成文日期": date_text, "办公室": name})
        self.blank().paragraph_format.keep_with_next = True
        name_right, date_right = signature_indents(name, date_text)
        if name:
            para = self.paragraph(name, "GW Right", keep_next=True)
            para.paragraph_format.right_indent = Twips(round(name_right * CHAR))
        para = self.paragraph(date_text, "GW Right")
        para.paragraph_format.right_indent = Twips(round(date_right * CHAR))

    def attachment_note(self, label: str, names: list[str]) -> None:
        """附件说明 (§7.3.4): 2 字 in, 附件： then the name; a wrapped line starts under the
        name's first character. Several names are numbered 1. 2. … one per line."""
        style = self._style_id("GW Body")
        numbered = len(names) > 1
        parts = []
        for index, name in enumerate(names, 1):
            lead = (label if index == 1 else "") + (f"{index}." if numbered else "")
            start = 2 + text_width(label)  # where every name starts, in 字
            hang = text_width(f"{index}.") if numbered else 0.0
            indent = (
                f'<w:ind w:left="{round((start + hang) * CHAR)}" '
                f'w:hanging="{round((text_width(lead) if index == 1 else hang) * CHAR)}" '
                'w:firstLineChars="0"/>'
            )
            parts.append(
                f'<w:p><w:pPr><w:pStyle w:val="{style}"/><w:keepNext/>{indent}</w:pPr>'
                f'<w:r><w:t xml:space="preserve">{esc(official(lead + name))}</w:t></w:r></w:p>'
            )
        self.add_raw("".join(parts))

    def imprint(self, *, copy_to: str, printer: str, printed: str) -> None:
        """版记 (GB/T 9704 §7.4): 抄送 and 印发机关 · 印发日期 in 4号 type, 1 字 in from both
        sides, between a thick line above, a thin one between and a thick one below."""
        style = self._style_id("GW Plain")
        thick = 'w:val="single" w:sz="8" w:space="1" w:color="000000"'
        thin = 'w:val="single" w:sz="4" w:space="1" w:color="000000"'
        size = '<w:rPr><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr>'
        indent = '<w:ind w:left="280" w:right="280"/>'

        def para(text: str, top: str, bottom: str, *, keep: bool, tab: bool = False) -> str:
            tabs = f'<w:tabs><w:tab w:val="right" w:pos="{TEXT_TWIPS - 280}"/></w:tabs>'
            runs = "".join(
                (f"<w:r>{size}<w:tab/></w:r>" if i else "")
                + f'<w:r>{size}<w:t xml:space="preserve">{esc(official(piece))}</w:t></w:r>'
                for i, piece in enumerate(text.split("\t"))
            )
            return (
                f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{"<w:keepNext/>" if keep else ""}'
                f"<w:pBdr><w:top {top}/><w:bottom {bottom}/></w:pBdr>{tabs if tab else ''}"
                f"{indent}</w:pPr>{runs}</w:p>"
            )

        parts = [para(copy_to, thick, thin, keep=True)] if copy_to else []
        parts.append(para(f"{printer}\t{printed}", thin if copy_to else thick, thick,
                          keep=False, tab=True))  # fmt: skip
        self.add_raw("".join(parts))


TEXT_TWIPS = 8844  # the 156 mm portrait 版心


_CODE_DASH = re.compile(r"(?<=\d)-(?=\d)")


def run_xml(text: str, namespace: str = "") -> str:
    """A run of ``text``; the dash of a task code (10-3) is a non-breaking hyphen, so that a
    line never ends in "10-" with the "3" on the next (Word and LibreOffice break after a
    hyphen)."""
    pieces = _CODE_DASH.split(text)
    body = "<w:noBreakHyphen/>".join(f'<w:t xml:space="preserve">{esc(p)}</w:t>' for p in pieces)
    return f"<w:r{' ' + namespace if namespace else ''}>{body}</w:r>"


def signature_indents(name: str, date_text: str) -> tuple[float, float]:
    """(署名, 成文日期) right indents in 字 for a document without a seal (§7.3.5.2)."""
    name_width, date_width = text_width(name), text_width(date_text)
    if date_width > name_width:
        return date_width - name_width + 4, 2.0
    return 2.0, name_width - date_width


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
        ensure_page_numbers(doc, fonts)
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


def save_atomic(doc: DocxDocument | OfficialDocument, path: str | Path) -> Path:
    """Save a document whole or not at all (see ``write_atomic``)."""
    if isinstance(doc, OfficialDocument):
        return doc.save(path)
    if any(TABLE_MARKER in (t.text or "") for t in doc.element.body.iter(qn("w:t"))):
        raise ValueError(
            "This document has tables waiting to be spliced in: save the "
            "OfficialDocument, not its .doc."
        )
    buffer = io.BytesIO()
    doc.save(buffer)
    return write_atomic(buffer.getvalue(), path)

"""The official look (GB/T 9704-2012 as offices apply it), shared by every document.

A4 with the standard margins (版心 156 × 225 mm), East-Asian fonts pinned through
``w:eastAsia`` (python-docx's ``font.name`` alone sets only the Latin slots), exact line
spacing of 28.95 pt (22 lines a page), paragraph styles ``GW …`` for each role, page
numbers "— 1 —" (odd pages right, even pages left), Chinese dates, clean text and core
properties. Documents are written to a temporary file and renamed, so a failed export
never leaves half a file at the target path.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import uuid
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.section import Section
from docx.shared import Mm, Pt, Twips
from docx.text.paragraph import Paragraph

from domain.files import STALE_TEMP_SECONDS, sync_folder
from domain.files import remove_stale_temps as remove_stale

LATIN = "Times New Roman"
BODY_LINE = 579  # twips: exact 28.95 pt, 22 lines in the 225 mm 版心
TITLE_LINE = 700  # 35 pt for the 2号 title
TEXT_WIDTH_MM = {False: 156.0, True: 225.0}  # portrait, landscape


@dataclass(frozen=True)
class FontSet:
    """The typeface written for each role (the names offices' templates use)."""

    title: str = "方正小标宋简体"
    body: str = "仿宋_GB2312"
    h1: str = "黑体"
    h2: str = "楷体_GB2312"
    page_number: str = "宋体"
    table_head: str = "黑体"
    table_body: str = "仿宋_GB2312"


# -- text ----------------------------------------------------------------------------------

_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean(value: object) -> str:
    """Text Word can hold: unified line breaks, no control characters (they are dropped,
    never crashed on — data pasted from Excel brings \\x0b and \\x07)."""
    if value is None:
        return ""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n")
    return _XML_BAD.sub("", text.replace("\x07", ""))


def esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def chinese_date(day: dt.date) -> str:
    """2020年6月30日: Arabic digits, year in full, no leading zeros (GB/T 9704 §7.3.5.4)."""
    return f"{day.year}年{day.month}月{day.day}日"


def mm_to_twips(mm: float) -> int:
    return round(mm * 1440 / 25.4)


# -- fonts and styles ----------------------------------------------------------------------

_RPR_AFTER_SPACING = (
    "w:w",
    "w:kern",
    "w:position",
    "w:sz",
    "w:szCs",
    "w:highlight",
    "w:u",
    "w:effect",
    "w:bdr",
    "w:shd",
    "w:fitText",
    "w:vertAlign",
    "w:rtl",
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
    "w:specVanish",
    "w:oMath",
)


def pin_fonts(rpr: OxmlElement, east_asia: str, latin: str = LATIN) -> None:
    """Set all four font slots and drop theme references (which beat names in Word)."""
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), latin)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:hint"), "eastAsia")  # quotes and dashes take the Chinese glyphs in Word


def _repair_defaults(doc: DocxDocument, fonts: FontSet) -> None:
    """python-docx's template is a Letter, Calibri, Japanese-theme, compatibility-mode
    document: make its defaults Chinese and current."""
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    pin_fonts(rpr, fonts.body)
    for tag in ("w:sz", "w:szCs"):
        el = rpr.find(qn(tag))
        if el is None:
            el = OxmlElement(tag)
            rpr.append(el)
        el.set(qn("w:val"), "32")
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    ppr = defaults.find(qn("w:pPrDefault"))
    if ppr is not None:
        spacing = ppr.find(qn("w:pPr")).find(qn("w:spacing"))
        if spacing is not None:
            spacing.set(qn("w:after"), "0")
            spacing.set(qn("w:line"), "240")
            spacing.set(qn("w:lineRule"), "auto")
    settings = doc.settings.element
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:eastAsia"), "zh-CN")
    for setting in settings.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")  # not "Compatibility Mode" when Word opens it
    normal = doc.styles["Normal"]
    pin_fonts(normal.element.get_or_add_rPr(), fonts.body)
    # The template's own styles (Heading 1, Title, table styles …) point at theme fonts,
    # which Word prefers to names: a clerk who applies one must still get an official face.
    for style in styles.iter(qn("w:style")):
        heading = (style.get(qn("w:styleId")) or "").startswith(("Heading", "Title"))
        for rfonts in style.iter(qn("w:rFonts")):
            if any("heme" in key for key in rfonts.attrib):
                pin_fonts(rfonts.getparent(), fonts.h1 if heading else fonts.body)


def _add_style(
    doc: DocxDocument,
    name: str,
    east_asia: str,
    size_pt: float,
    *,
    line: int | None = BODY_LINE,
    align: WD_ALIGN_PARAGRAPH | None = None,
    indent_chars: int = 0,
    char_spacing: int = -5,
    keep_next: bool = False,
    bold: bool = False,
) -> None:
    if name in [s.name for s in doc.styles]:
        return  # an office template may define it: its look wins
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.quick_style = True
    style.font.size = Pt(size_pt)
    style.font.bold = bold or None
    rpr = style.element.get_or_add_rPr()
    pin_fonts(rpr, east_asia)
    if char_spacing:
        # −0.25 pt per character: 28 characters of 3号 fit the 156 mm line (GB/T 9704 §5.2.3).
        spacing = OxmlElement("w:spacing")
        spacing.set(qn("w:val"), str(char_spacing))
        rpr.insert_element_before(spacing, *_RPR_AFTER_SPACING)
    fmt = style.paragraph_format
    if line is None:
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    else:
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Twips(line)
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.widow_control = False
    fmt.keep_with_next = keep_next or None
    if align is not None:
        fmt.alignment = align
    if line is None:
        # Table paragraphs never snap to the document grid (LibreOffice would make tall rows).
        snap = OxmlElement("w:snapToGrid")
        snap.set(qn("w:val"), "0")
        ppr = style.element.get_or_add_pPr()
        spacing = ppr.find(qn("w:spacing"))
        if spacing is not None:
            spacing.addprevious(snap)
        else:
            ppr.append(snap)
    if indent_chars:
        ind = style.element.get_or_add_pPr().get_or_add_ind()
        ind.set(qn("w:firstLineChars"), str(indent_chars * 100))
        ind.set(qn("w:firstLine"), str(int(indent_chars * size_pt * 20)))


def add_gw_styles(doc: DocxDocument, fonts: FontSet) -> None:
    center, justify = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY
    _add_style(doc, "GW Title", fonts.title, 22, line=TITLE_LINE, align=center, char_spacing=0)
    _add_style(doc, "GW Subtitle", fonts.h2, 16, align=center, char_spacing=0)
    _add_style(doc, "GW Body", fonts.body, 16, align=justify, indent_chars=2)
    _add_style(doc, "GW Plain", fonts.body, 16)
    _add_style(doc, "GW Right", fonts.body, 16, align=WD_ALIGN_PARAGRAPH.RIGHT)
    _add_style(doc, "GW H1", fonts.h1, 16, align=justify, indent_chars=2, keep_next=True)
    _add_style(doc, "GW H2", fonts.h2, 16, align=justify, indent_chars=2, keep_next=True)
    _add_style(doc, "GW Attach Label", fonts.h1, 16)
    _add_style(doc, "GW Head", fonts.table_head, 12, line=None, align=center, char_spacing=0)
    _add_style(doc, "GW Cell", fonts.table_body, 12, line=None, char_spacing=0)
    _add_style(doc, "GW Cell Small", fonts.table_body, 10.5, line=None, char_spacing=0)
    _add_style(doc, "GW Group", fonts.table_head, 12, line=None, char_spacing=0, keep_next=True)
    _add_style(doc, "GW Key", fonts.table_body, 6.5, line=None, char_spacing=0)


# -- pages ---------------------------------------------------------------------------------


def setup_page(section: Section, *, landscape: bool) -> None:
    """A4, standard margins; landscape pages keep the same 版心 turned on the sheet."""
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
        section.top_margin, section.bottom_margin = Mm(28), Mm(26)
        section.left_margin, section.right_margin = Mm(35), Mm(37)
        section.header_distance, section.footer_distance = Mm(10), Mm(12)
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(37), Mm(35)
        section.left_margin, section.right_margin = Mm(28), Mm(26)
        section.header_distance, section.footer_distance = Mm(15), Mm(25)
    sect_pr = section._sectPr
    grid = sect_pr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sect_pr.append(grid)
    grid.attrib.pop(qn("w:type"), None)  # no line/char grid: LibreOffice misrenders both
    grid.set(qn("w:linePitch"), str(BODY_LINE))


def _page_number_rpr(font: str) -> str:
    return (
        f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" '
        f'w:cs="{font}" w:hint="eastAsia"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr>'
    )


def _page_field(rpr: str) -> str:
    return (
        f'<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r>{rpr}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        f'<w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r>{rpr}<w:t>1</w:t></w:r>"
        f'<w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>'
    )


def _page_number_paragraph(align: str, font: str) -> OxmlElement:
    """ "— 1 —" in 4号宋体, one character in from the outer edge of the 版心."""
    rpr = _page_number_rpr(font)
    ind = '<w:ind w:right="280"/>' if align == "right" else '<w:ind w:left="280"/>'
    return parse_xml(
        f'<w:p {nsdecls("w")}><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" '
        f'w:lineRule="auto"/>{ind}<w:jc w:val="{align}"/></w:pPr>'
        f'<w:r>{rpr}<w:t xml:space="preserve">— </w:t></w:r>{_page_field(rpr)}'
        f'<w:r>{rpr}<w:t xml:space="preserve"> —</w:t></w:r></w:p>'
    )


def _replace_story(story: object, *elements: OxmlElement) -> None:
    element = story._element  # type: ignore[attr-defined]
    for child in list(element):
        element.remove(child)
    for child in elements:
        element.append(child)


def page_numbers(doc: DocxDocument, section: Section, fonts: FontSet) -> None:
    """Odd pages right, even pages left (GB/T 9704 §7.5); used on every page of the
    document, landscape tables included (offices print them as documents of their own)."""
    doc.settings.odd_and_even_pages_header_footer = True
    for story in (section.footer, section.even_page_footer):
        story.is_linked_to_previous = False
    _replace_story(section.footer, _page_number_paragraph("right", fonts.page_number))
    _replace_story(section.even_page_footer, _page_number_paragraph("left", fonts.page_number))


# -- documents -----------------------------------------------------------------------------


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

    def new_section(self, *, landscape: bool) -> Section:
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        setup_page(section, landscape=landscape)
        if not self.templated:
            page_numbers(self.doc, section, self.fonts)
        return section

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
        if landscape:
            setup_page(doc.sections[-1], landscape=True)
        return OfficialDocument(doc, fonts, templated=True)
    doc = Document()
    _repair_defaults(doc, fonts)
    add_gw_styles(doc, fonts)
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


# Temporary names of this module and of the folder exports: ``.name.1a2b3c4d.part`` while a
# file is written, ``.name.1a2b3c4d.staged`` while a folder of forms waits for its renames.
TEMP_NAME = re.compile(r"^\..+\.[0-9a-f]{8}\.(?:part|staged)$")


def remove_stale_temps(folder: str | Path, *, older_than: float = STALE_TEMP_SECONDS) -> int:
    """Remove the temporary files an interrupted export left in ``folder`` — hidden on
    Linux and macOS but visible in Windows Explorer, beside the documents a clerk sends
    out. Only names this module makes, and only old ones, so another export still writing
    there keeps its own."""
    return remove_stale(folder, TEMP_NAME, older_than=older_than)


def write_atomic(data: bytes, path: str | Path) -> Path:
    """Write to a temporary file beside ``path``, then rename: never a half file there.

    Temporary files that an earlier, interrupted export left in the folder are removed
    first (see ``remove_stale_temps``)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temps(path.parent)
    # A plain new file (not mkstemp's private 0600 one): the result is shared in the office.
    temp = path.with_name(f".{path.stem}.{uuid.uuid4().hex[:8]}.part")
    try:
        with open(temp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    sync_folder(path.parent)
    return path


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

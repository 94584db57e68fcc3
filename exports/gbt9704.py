"""The official look (GB/T 9704-2012 as offices apply it), shared by every document.

A4 with the standard margins (版心 156 × 225 mm), East-Asian fonts pinned through
``w:eastAsia`` (python-docx's ``font.name`` alone sets only the Latin slots), exact line
spacing of 28.95 pt (22 lines a page), paragraph styles ``GW …`` for each role, and page
numbers "— 1 —" (odd pages right, even pages left).
"""

from __future__ import annotations

from copy import deepcopy
from dataclasses import dataclass
from functools import partial

from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.section import Section
from docx.shared import Mm, Pt, Twips
from lxml import etree

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


# -- fonts and styles ----------------------------------------------------------------------

# Windows since Vista has 仿宋 and 楷体 but not their GB2312 names (XP's), and 方正小标宋简体
# only where an office installed it. Each such font is declared in the document's font
# table with the GB2312 character set and the font Word is to use when it is missing
# (w:altName, ECMA-376 §17.8.3.1; LibreOffice ignores it); the styles keep the standard
# names a receiving office expects. name → (alternative, Panose-1 or "").
FONT_SUBSTITUTES = {
    "仿宋_GB2312": ("仿宋", "02010609030101010101"),
    "楷体_GB2312": ("楷体", "02010609030101010101"),
    "方正小标宋简体": ("宋体", ""),
}

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


def declare_font_substitutes(doc: DocxDocument, fonts: FontSet) -> None:
    """Add the font-table entries of ``FONT_SUBSTITUTES`` for the fonts ``fonts`` uses
    (those a template declares already are left as they are)."""
    try:
        part = doc.part.part_related_by(RT.FONT_TABLE)
    except KeyError:
        return  # a document without a font table: Word makes one
    table = etree.fromstring(part.blob)
    declared = {font.get(qn("w:name")) for font in table.iter(qn("w:font"))}
    used = {fonts.title, fonts.body, fonts.h1, fonts.h2, fonts.table_head, fonts.table_body}
    for name in sorted(used & FONT_SUBSTITUTES.keys() - declared):
        alternative, panose = FONT_SUBSTITUTES[name]
        font = etree.SubElement(table, qn("w:font"), {qn("w:name"): name})
        etree.SubElement(font, qn("w:altName"), {qn("w:val"): alternative})
        if panose:
            etree.SubElement(font, qn("w:panose1"), {qn("w:val"): panose})
        etree.SubElement(font, qn("w:charset"), {qn("w:val"): "86"})  # GB2312
        etree.SubElement(font, qn("w:family"), {qn("w:val"): "modern" if panose else "auto"})
        etree.SubElement(font, qn("w:pitch"), {qn("w:val"): "fixed" if panose else "variable"})
    # The font table is a plain part to python-docx (no XML API): its bytes are replaced.
    part._blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)


def repair_defaults(doc: DocxDocument, fonts: FontSet) -> None:
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


def _add_style_to(
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
    existing: set[str] | None = None,
) -> None:
    if name in (existing if existing is not None else {s.name for s in doc.styles}):
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
    existing = {s.name for s in doc.styles}  # looked up once: python-docx scans every style
    _add_style = partial(_add_style_to, existing=existing)
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
    _add_style(doc, "GW Item", fonts.h2, 12, line=None, char_spacing=0, keep_next=True)
    _add_style(doc, "GW Key", fonts.table_body, 6.5, line=None, char_spacing=0)
    _add_style(doc, "GW Note", fonts.h2, 9, line=None, char_spacing=0)


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


def _has_page_number(story: object) -> bool:
    element = story._element  # type: ignore[attr-defined]
    instr = "".join(t.text or "" for t in element.iter(qn("w:instrText")))
    simple = " ".join(f.get(qn("w:instr"), "") for f in element.iter(qn("w:fldSimple")))
    return "PAGE" in instr.upper() or "PAGE" in simple.upper()


def ensure_page_numbers(doc: DocxDocument, fonts: FontSet) -> bool:
    """Add "— 1 —" (odd right, even left) to the footers of an office's template that has
    no page number anywhere, keeping what the footers already hold. True when added."""
    stories = []
    for section in doc.sections:
        stories += [section.footer, section.even_page_footer, section.first_page_footer]
    if any(_has_page_number(s) for s in stories if not s.is_linked_to_previous):
        return False
    section = doc.sections[-1]
    default = section.footer
    if default.is_linked_to_previous:
        default.is_linked_to_previous = False
    even = section.even_page_footer
    if even.is_linked_to_previous or not doc.settings.odd_and_even_pages_header_footer:
        even.is_linked_to_previous = False
        for child in list(even._element):
            even._element.remove(child)
        for child in default._element:  # even pages keep the footer's own lines too
            even._element.append(deepcopy(child))
    doc.settings.odd_and_even_pages_header_footer = True
    default._element.append(_page_number_paragraph("right", fonts.page_number))
    even._element.append(_page_number_paragraph("left", fonts.page_number))
    return True

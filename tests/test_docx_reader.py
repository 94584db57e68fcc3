"""Tests for domain.docx_reader: real .docx files built here with python-docx, plus raw zips.

Inputs are built in ``tmp_path``: python-docx for ordinary documents (paragraphs, tables,
styles), then the zip is rewritten to inject XML python-docx cannot write (numbering
definitions, fields, revisions, text boxes) or to build hostile packages.
"""

from __future__ import annotations

import random
import struct
import tracemalloc
import zipfile
from collections.abc import Callable, Mapping
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.styles import CT_Style
from docx.oxml.text.paragraph import CT_P
from docx.text.paragraph import Paragraph
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from domain.docx_numbering import format_number
from domain.docx_reader import (
    DEFAULT_MAX_PART_BYTES,
    DocxParagraph,
    read_docx,
    read_docx_text,
)
from domain.errors import PlanInputError

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCUMENT_NAMESPACES = (
    f'xmlns:w="{W_NS}" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'mc:Ignorable="w14"'
)
XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


# ---------------------------------------------------------------------------- builders


def save_python_docx(
    tmp_path: Path, build: Callable[[DocxDocument], None], name: str = "built.docx"
) -> Path:
    document = docx.Document()
    build(document)
    path = tmp_path / name
    document.save(str(path))
    return path


def rewrite_parts(source: Path, target: Path, parts: Mapping[str, bytes | None]) -> Path:
    """Copy a zip package, replacing (bytes) or dropping (None) the named parts."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            if info.filename not in parts:
                new.writestr(info, old.read(info))
        for name, data in parts.items():
            if data is not None:
                new.writestr(name, data)
    return target


def document_xml(body: str, namespace: str = W_NS) -> bytes:
    namespaces = DOCUMENT_NAMESPACES.replace(W_NS, namespace)
    body_xml = f"<w:body>{body}<w:sectPr/></w:body>"
    return f"{XML_DECLARATION}<w:document {namespaces}>{body_xml}</w:document>".encode()


def docx_with_body(
    tmp_path: Path, body: str, *, name: str = "raw.docx", numbering: bytes | None = None
) -> Path:
    """A python-docx package whose word/document.xml body is ``body`` (raw WordprocessingML)."""
    base = save_python_docx(tmp_path, lambda document: None, name=f"base-{name}")
    parts: dict[str, bytes | None] = {"word/document.xml": document_xml(body)}
    if numbering is not None:
        parts["word/numbering.xml"] = numbering
    return rewrite_parts(base, tmp_path / name, parts)


def paragraph_xml(*runs: str, properties: str = "") -> str:
    return f"<w:p><w:pPr>{properties}</w:pPr>{''.join(runs)}</w:p>"


def run_xml(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def level_xml(
    level: int, number_format: str, level_text: str, *, start: int = 1, extra: str = ""
) -> str:
    return (
        f'<w:lvl w:ilvl="{level}"><w:start w:val="{start}"/><w:numFmt w:val="{number_format}"/>'
        f'{extra}<w:lvlText w:val="{level_text}"/><w:lvlJc w:val="left"/></w:lvl>'
    )


def numbering_xml(
    abstract_lists: Mapping[int, list[str]], instances: Mapping[int, tuple[int, str]]
) -> bytes:
    """numbering.xml from abstract lists (id → w:lvl XML) and w:num (id → (abstract, overrides))."""
    abstracts = "".join(
        f'<w:abstractNum w:abstractNumId="{abstract_id}"><w:multiLevelType w:val="multilevel"/>'
        f"{''.join(levels)}</w:abstractNum>"
        for abstract_id, levels in abstract_lists.items()
    )
    nums = "".join(
        f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'
        for num_id, (abstract_id, overrides) in instances.items()
    )
    return (
        f'{XML_DECLARATION}<w:numbering xmlns:w="{W_NS}">{abstracts}{nums}</w:numbering>'.encode()
    )


def set_numbering(element: CT_P | CT_Style, num_id: int, level: int | None = None) -> None:
    """Give a python-docx paragraph or style element a w:numPr."""
    number_properties = element.get_or_add_pPr().get_or_add_numPr()
    number_properties.get_or_add_numId().val = num_id
    if level is not None:
        number_properties.get_or_add_ilvl().val = level


def add_numbered(document: DocxDocument, text: str, num_id: int, level: int | None) -> Paragraph:
    paragraph = document.add_paragraph(text)
    set_numbering(paragraph._p, num_id, level)
    return paragraph


def ole2_file(stream_names: list[str]) -> bytes:
    """A minimal OLE2 compound file (512-byte sectors) whose directory lists ``stream_names``.

    Sector 1 is the FAT; directory sectors are 0, 2, 3, ... so a long list exercises the chain.
    """
    entries = ["Root Entry", *stream_names]
    directory_sectors = [0, *range(2, 2 + (len(entries) - 1) // 4)]
    header = bytearray(512)
    header[:8] = OLE2_SIGNATURE
    struct.pack_into("<HHHH", header, 0x1A, 3, 0xFFFE, 9, 6)
    struct.pack_into("<II", header, 0x2C, 1, 0)  # one FAT sector; directory starts at sector 0
    struct.pack_into("<109I", header, 0x4C, 1, *[0xFFFFFFFF] * 108)
    fat = [0xFFFFFFFF] * 128
    fat[1] = 0xFFFFFFFD
    for current, following in zip(
        directory_sectors, [*directory_sectors[1:], 0xFFFFFFFE], strict=True
    ):
        fat[current] = following
    sectors = {1: struct.pack("<128I", *fat)}
    for chunk_index, sector in enumerate(directory_sectors):
        directory = bytearray(512)
        for slot, name in enumerate(entries[chunk_index * 4 : chunk_index * 4 + 4]):
            encoded = (name + "\0").encode("utf-16-le")
            directory[slot * 128 : slot * 128 + len(encoded)] = encoded
            struct.pack_into("<H", directory, slot * 128 + 64, len(encoded))
        sectors[sector] = bytes(directory)
    return bytes(header) + b"".join(sectors[index] for index in range(max(sectors) + 1))


def texts(path: Path) -> list[str]:
    return [paragraph.text for paragraph in read_docx(path)]


def refused(path: Path, code: str, **limits: int) -> PlanInputError:
    """Assert reading ``path`` raises PlanInputError with ``code`` naming the file; return it."""
    with pytest.raises(PlanInputError) as caught:
        read_docx(path, **limits)
    error = caught.value
    assert error.code == code, error.message
    assert str(path) in error.message
    assert error.reason.endswith(".")
    return error


# ---------------------------------------------------------------------------- body content


def test_paragraphs_and_table_come_in_document_order_with_merged_cells_once(tmp_path: Path) -> None:
    def build(document: DocxDocument) -> None:
        document.add_paragraph("一、总体要求")
        table = document.add_table(rows=3, cols=3)
        table.cell(0, 0).merge(table.cell(0, 1)).text = "横向合并"
        table.cell(0, 2).text = "责任单位"
        table.cell(1, 0).merge(table.cell(2, 0)).text = "纵向合并"
        table.cell(1, 1).text = "B2"
        table.cell(1, 2).text = "C2"
        table.cell(2, 1).text = "B3"
        table.cell(2, 2).text = "C3"
        document.add_paragraph("二、重点任务")

    paragraphs = read_docx(save_python_docx(tmp_path, build))

    visible = [(paragraph.text, paragraph.in_table) for paragraph in paragraphs if paragraph.text]
    assert visible == [
        ("一、总体要求", False),
        ("横向合并", True),
        ("责任单位", True),
        ("纵向合并", True),
        ("B2", True),
        ("C2", True),
        ("B3", True),
        ("C3", True),
        ("二、重点任务", False),
    ]
    # Continuation cells are skipped entirely, not read as empty paragraphs.
    assert len(paragraphs) == len(visible)


def test_nested_table_is_read_in_place(tmp_path: Path) -> None:
    def build(document: DocxDocument) -> None:
        outer = document.add_table(rows=1, cols=2)
        outer.cell(0, 0).text = "外层左"
        inner = outer.cell(0, 0).add_table(rows=1, cols=2)
        inner.cell(0, 0).text = "内层1"
        inner.cell(0, 1).text = "内层2"
        outer.cell(0, 1).text = "外层右"

    assert [text for text in texts(save_python_docx(tmp_path, build)) if text] == [
        "外层左",
        "内层1",
        "内层2",
        "外层右",
    ]


def test_headers_footers_and_comments_are_skipped(tmp_path: Path) -> None:
    def build(document: DocxDocument) -> None:
        section = document.sections[0]
        section.header.paragraphs[0].text = "页眉文字"
        section.footer.paragraphs[0].text = "页脚文字"
        paragraph = document.add_paragraph("正文")
        document.add_comment(paragraph.runs, text="批注文字", author="审核人")

    assert texts(save_python_docx(tmp_path, build)) == ["正文"]


def test_styles_and_outline_levels(tmp_path: Path) -> None:
    def build(document: DocxDocument) -> None:
        document.add_heading("工作要点", level=0)
        document.add_heading("一、总体要求", level=1)
        document.add_paragraph("正文")

    body = paragraph_xml(run_xml("直接大纲级别"), properties='<w:outlineLvl w:val="2"/>')
    body += paragraph_xml(run_xml("正文级别"), properties='<w:outlineLvl w:val="9"/>')
    paragraphs = read_docx(save_python_docx(tmp_path, build)) + read_docx(
        docx_with_body(tmp_path, body)
    )

    assert [(p.text, p.style, p.outline_level) for p in paragraphs] == [
        ("工作要点", "Title", None),
        ("一、总体要求", "Heading1", 0),
        ("正文", "", None),
        ("直接大纲级别", "", 2),
        ("正文级别", "", None),
    ]


def test_run_content_fields_revisions_and_content_controls(tmp_path: Path) -> None:
    body = "".join(
        (
            # A word split across runs, a tab, line breaks and a non-breaking hyphen.
            paragraph_xml(
                run_xml("工作"),
                run_xml("要点"),
                "<w:r><w:tab/><w:t>甲</w:t><w:br/><w:t>乙</w:t>"
                "<w:cr/><w:t>丙</w:t><w:noBreakHyphen/><w:t>丁</w:t></w:r>",
            ),
            # Hyperlink, smart tag and simple field contents are shown.
            paragraph_xml(
                '<w:hyperlink r:id="rId99">' + run_xml("链接") + "</w:hyperlink>",
                '<w:smartTag w:uri="u" w:element="e">' + run_xml("标记") + "</w:smartTag>",
                '<w:fldSimple w:instr=" PAGE ">' + run_xml("7") + "</w:fldSimple>",
            ),
            # Tracked changes: insertions kept, deletions dropped.
            paragraph_xml(
                run_xml("保留"),
                '<w:ins w:id="1" w:author="a">' + run_xml("新增") + "</w:ins>",
                '<w:del w:id="2" w:author="a"><w:r><w:delText>删除</w:delText></w:r></w:del>',
                '<w:moveFrom w:id="3" w:author="a">' + run_xml("移走") + "</w:moveFrom>",
            ),
            # A complex field: the code is hidden, the result shown; a nested field in the code too.
            paragraph_xml(
                run_xml("见第"),
                '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
                '<w:r><w:instrText xml:space="preserve"> PAGEREF _Toc1 </w:instrText></w:r>',
                '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
                run_xml("内层代码"),
                '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
                '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
                run_xml("3"),
                '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
                run_xml("页"),
            ),
            # Inline and block content controls.
            paragraph_xml(
                run_xml("填报："),
                "<w:sdt><w:sdtPr/><w:sdtContent>" + run_xml("教育局") + "</w:sdtContent></w:sdt>",
            ),
            "<w:sdt><w:sdtPr/><w:sdtContent>"
            + paragraph_xml(run_xml("控件段落"))
            + "</w:sdtContent></w:sdt>",
            # Symbols: plain Unicode kept, symbol-font private-use codes dropped; hidden text too.
            paragraph_xml(
                '<w:r><w:sym w:font="SimSun" w:char="2605"/>'
                '<w:sym w:font="Wingdings" w:char="F0FC"/></w:r>',
                "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>",
                run_xml("星"),
            ),
            # Control characters are removed (XML 1.0 allows CR, DEL and C1 controls as references).
            paragraph_xml(run_xml("控&#13;制&#x7f;字&#x85;符")),
            # A paragraph deleted entirely as a tracked change disappears.
            paragraph_xml(
                '<w:del w:id="4" w:author="a"><w:r><w:delText>整段删除</w:delText></w:r></w:del>',
                properties='<w:rPr><w:del w:id="5" w:author="a"/></w:rPr>',
            ),
            paragraph_xml(run_xml("  前后空格  ")),
        )
    )
    assert texts(docx_with_body(tmp_path, body)) == [
        "工作要点\t甲\n乙\n丙-丁",
        "链接标记7",
        "保留新增",
        "见第3页",
        "填报：教育局",
        "控件段落",
        "★星",
        "控制字符",
        "  前后空格  ",
    ]


def test_text_box_in_alternate_content_is_read_once_after_its_paragraph(tmp_path: Path) -> None:
    text_box = "<w:txbxContent>" + paragraph_xml(run_xml("文本框内容")) + "</w:txbxContent>"
    drawing = (
        "<w:r><mc:AlternateContent>"
        '<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>'
        f"<wps:wsp><wps:txbx>{text_box}</wps:txbx></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{text_box}</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )
    body = paragraph_xml(run_xml("锚定段落"), drawing) + paragraph_xml(run_xml("下一段"))

    assert texts(docx_with_body(tmp_path, body)) == ["锚定段落", "文本框内容", "下一段"]


def test_strict_open_xml_namespace_is_read(tmp_path: Path) -> None:
    base = save_python_docx(tmp_path, lambda document: None, name="base.docx")
    strict = document_xml(
        paragraph_xml(run_xml("严格格式")),
        namespace="http://purl.oclc.org/ooxml/wordprocessingml/main",
    )
    path = rewrite_parts(base, tmp_path / "strict.docx", {"word/document.xml": strict})

    assert texts(path) == ["严格格式"]


def test_main_document_is_found_through_package_relationships(tmp_path: Path) -> None:
    base = save_python_docx(tmp_path, lambda document: document.add_paragraph("改名的正文"))
    with zipfile.ZipFile(base) as package:
        document = package.read("word/document.xml")
        package_rels = package.read("_rels/.rels").replace(b"word/document.xml", b"word/main.xml")
        document_rels = package.read("word/_rels/document.xml.rels")
    path = rewrite_parts(
        base,
        tmp_path / "renamed.docx",
        {
            "word/document.xml": None,
            "word/main.xml": document,
            "_rels/.rels": package_rels,
            "word/_rels/document.xml.rels": None,
            "word/_rels/main.xml.rels": document_rels,
        },
    )

    assert texts(path) == ["改名的正文"]
    assert read_docx_text(path) == "改名的正文"


def test_read_docx_text_joins_paragraphs_with_newlines(tmp_path: Path) -> None:
    path = save_python_docx(
        tmp_path, lambda document: [document.add_paragraph(t) for t in ("甲", "乙")]
    )

    assert read_docx_text(path) == "甲\n乙"


# ---------------------------------------------------------------------------- automatic numbering

PLAN_LEVELS = [
    level_xml(0, "chineseCounting", "%1、", extra='<w:pStyle w:val="PlanHeading"/>'),
    level_xml(1, "chineseCounting", "（%2）"),
    level_xml(2, "decimal", "%3."),
    level_xml(3, "decimal", "（%4）"),
    level_xml(4, "decimalEnclosedCircle", "%5"),
]


def build_plan_with_numbering(tmp_path: Path) -> Path:
    def build(document: DocxDocument) -> None:
        heading_style = document.styles.add_style("PlanHeading", WD_STYLE_TYPE.PARAGRAPH)
        set_numbering(heading_style.element, 1)  # no ilvl: the level linked by w:pStyle
        section_style = document.styles.add_style("PlanSection", WD_STYLE_TYPE.PARAGRAPH)
        set_numbering(section_style.element, 1, 1)
        child_style = document.styles.add_style("PlanSectionChild", WD_STYLE_TYPE.PARAGRAPH)
        child_style.base_style = section_style  # inherits the numbering through w:basedOn

        add_numbered(document, "总体要求", 1, 0)
        add_numbered(document, "加强党的建设", 1, 1)
        add_numbered(document, "落实责任", 1, 2)
        add_numbered(document, "强化考核", 1, 2)
        document.add_paragraph("深化教育改革", style="PlanSection")
        add_numbered(document, "推进课改", 1, 2)
        add_numbered(document, "试点", 1, 3)
        add_numbered(document, "城区", 1, 4)
        add_numbered(document, "农村", 1, 4)
        removed = document.add_paragraph("说明：不编号", style="PlanSection")
        set_numbering(removed._p, 0)  # numId 0: numbering removed, even though the style has one
        document.add_paragraph("普通段落")
        document.add_paragraph("优化资源配置", style="PlanSectionChild")
        document.add_paragraph("重点任务", style="PlanHeading")
        add_numbered(document, "学前教育", 1, 1)

    base = save_python_docx(tmp_path, build, name="plan-base.docx")
    numbering = numbering_xml({7: PLAN_LEVELS}, {1: (7, "")})
    return rewrite_parts(base, tmp_path / "plan.docx", {"word/numbering.xml": numbering})


def test_multilevel_list_labels_follow_word_counting(tmp_path: Path) -> None:
    paragraphs = read_docx(build_plan_with_numbering(tmp_path))

    assert [(p.auto_label, p.text) for p in paragraphs] == [
        ("一、", "一、总体要求"),
        ("（一）", "（一）加强党的建设"),
        ("1.", "1.落实责任"),
        ("2.", "2.强化考核"),
        ("（二）", "（二）深化教育改革"),
        ("1.", "1.推进课改"),  # level 2 restarted after level 1 advanced
        ("（1）", "（1）试点"),
        ("①", "①城区"),
        ("②", "②农村"),
        ("", "说明：不编号"),
        ("", "普通段落"),
        ("（三）", "（三）优化资源配置"),
        ("二、", "二、重点任务"),
        ("（一）", "（一）学前教育"),
    ]
    assert [p.style for p in paragraphs][4] == "PlanSection"


def numbered_body(*items: tuple[str, int, int]) -> str:
    return "".join(
        paragraph_xml(
            run_xml(text),
            properties=f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>',
        )
        for text, num_id, level in items
    )


def test_start_override_restarts_and_shared_abstract_list_continues(tmp_path: Path) -> None:
    numbering = numbering_xml(
        {0: [level_xml(0, "chineseCounting", "%1、"), level_xml(1, "decimal", "%2.")]},
        {
            1: (0, ""),
            2: (0, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'),
            3: (0, ""),  # no override: Word continues the abstract list's counter
            4: (0, '<w:lvlOverride w:ilvl="1"><w:startOverride w:val="5"/></w:lvlOverride>'),
        },
    )
    body = numbered_body(
        ("a", 1, 0), ("b", 1, 0), ("c", 2, 0), ("d", 2, 0), ("e", 3, 0), ("f", 4, 1), ("g", 4, 1)
    )
    paragraphs = read_docx(docx_with_body(tmp_path, body, numbering=numbering))

    assert [p.text for p in paragraphs] == [
        "一、a",
        "二、b",
        "一、c",
        "二、d",
        "三、e",
        "5.f",
        "6.g",
    ]


def test_level_text_references_and_legal_numbering(tmp_path: Path) -> None:
    numbering = numbering_xml(
        {
            0: [level_xml(0, "chineseCounting", "%1、"), level_xml(1, "decimal", "%1.%2.")],
            1: [
                level_xml(0, "upperRoman", "%1."),
                level_xml(1, "decimal", "%1.%2", extra="<w:isLgl/>"),
                level_xml(2, "lowerLetter", "%3)"),
                level_xml(3, "bullet", "\u25cf"),
                level_xml(4, "none", ""),
            ],
            # %1 on level 1 shows level 0's counter, as in Word.
            2: [level_xml(0, "decimal", "%1."), level_xml(1, "decimal", "（%1）")],
            # A deeper level used first shows its parent's start value; lvlRestart 0: no restart.
            3: [
                level_xml(0, "decimal", "%1", start=3),
                level_xml(1, "decimal", "%1-%2", extra='<w:lvlRestart w:val="0"/>'),
            ],
        },
        {1: (0, ""), 2: (1, ""), 3: (2, ""), 4: (3, "")},
    )
    body = numbered_body(
        ("甲", 1, 0),
        ("乙", 1, 1),
        ("丙", 1, 1),
        ("A", 2, 0),
        ("B", 2, 1),
        ("C", 2, 2),
        ("D", 2, 3),
        ("E", 2, 4),
        ("F", 2, 0),
        ("G", 2, 1),
        ("x", 3, 0),
        ("y", 3, 1),
        ("z", 3, 1),
        ("p", 4, 1),
        ("q", 4, 0),
        ("r", 4, 1),
    )
    labels = [p.auto_label for p in read_docx(docx_with_body(tmp_path, body, numbering=numbering))]

    assert labels == [
        "一、",
        "一.1.",
        "一.2.",  # without w:isLgl the parent keeps its format
        "I.",
        "1.1",
        "a)",
        "\u25cf",
        "",
        "II.",
        "2.1",
        "1.",
        "（1）",
        "（1）",
        "3-1",
        "3",
        "3-2",
    ]


def test_level_without_start_or_format_counts_from_zero_in_decimal(tmp_path: Path) -> None:
    # The standard's defaults: w:start omitted means 0, w:numFmt omitted means decimal.
    bare_level = '<w:lvl w:ilvl="0"><w:lvlText w:val="%1)"/></w:lvl>'
    numbering = numbering_xml({0: [bare_level]}, {1: (0, "")})
    body = numbered_body(("零", 1, 0), ("一", 1, 0))

    assert texts(docx_with_body(tmp_path, body, numbering=numbering)) == ["0)零", "1)一"]


@pytest.mark.parametrize(
    ("number_format", "numbers", "expected"),
    [
        ("decimal", [1, 12], ["1", "12"]),
        ("decimalZero", [3, 12], ["03", "12"]),
        ("decimalFullWidth", [1, 12], ["１", "１２"]),
        ("decimalHalfWidth", [7], ["7"]),
        ("decimalEnclosedCircle", [1, 20, 21], ["①", "⑳", "(21)"]),
        ("decimalEnclosedCircleChinese", [2], ["②"]),
        ("decimalEnclosedParen", [1, 20], ["⑴", "⒇"]),
        (
            "chineseCounting",
            [1, 10, 11, 20, 35, 99, 100],
            ["一", "十", "十一", "二十", "三十五", "九十九", "一〇〇"],
        ),
        (
            "chineseCountingThousand",
            [10, 101, 110, 1001, 10500],
            ["十", "一百零一", "一百一十", "一千零一", "一万零五百"],
        ),
        ("chineseLegalSimplified", [1, 10, 23, 105], ["壹", "壹拾", "贰拾叁", "壹佰零伍"]),
        ("ideographTraditional", [1, 10, 11], ["甲", "癸", "11"]),
        ("ideographZodiac", [1, 12], ["子", "亥"]),
        ("ideographDigital", [10, 205], ["一〇", "二〇五"]),
        ("taiwaneseCounting", [3, 14], ["三", "十四"]),
        ("taiwaneseCountingThousand", [101, 10000], ["一百〇一", "一萬"]),
        ("japaneseCounting", [10, 100, 111], ["十", "百", "百十一"]),
        ("lowerLetter", [1, 26, 27, 28], ["a", "z", "aa", "bb"]),
        ("upperLetter", [3], ["C"]),
        ("lowerRoman", [4, 9, 14, 1994], ["iv", "ix", "xiv", "mcmxciv"]),
        ("upperRoman", [40], ["XL"]),
        ("none", [5], [""]),
        ("someFutureFormat", [5], ["5"]),
    ],
)
def test_number_formats(number_format: str, numbers: list[int], expected: list[str]) -> None:
    assert [format_number(number, number_format) for number in numbers] == expected


def test_numbering_without_numbering_part_or_with_unknown_num_id_gives_no_label(
    tmp_path: Path,
) -> None:
    body = numbered_body(("没有定义", 42, 0))
    base = docx_with_body(tmp_path, body)
    without_part = rewrite_parts(base, tmp_path / "no-numbering.docx", {"word/numbering.xml": None})

    assert texts(base) == ["没有定义"]
    assert texts(without_part) == ["没有定义"]


# ---------------------------------------------------------------------------- bad inputs


def real_docx(tmp_path: Path) -> Path:
    return save_python_docx(
        tmp_path,
        lambda document: [document.add_paragraph(f"第{n}段") for n in range(50)],
        name="real.docx",
    )


def test_missing_file(tmp_path: Path) -> None:
    refused(tmp_path / "nowhere.docx", "unreadable")


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.docx"
    path.write_bytes(b"")
    refused(path, "empty")


def test_random_bytes(tmp_path: Path) -> None:
    path = tmp_path / "random.docx"
    path.write_bytes(random.Random(7).randbytes(5000))
    refused(path, "not_docx")


def test_png_renamed_to_docx(tmp_path: Path) -> None:
    path = tmp_path / "photo.docx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    assert "PNG image" in refused(path, "not_docx").reason


def test_text_file_renamed_to_docx(tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    path.write_text("一、总体要求\n（一）加强党建\n", encoding="utf-8")
    assert ".txt" in refused(path, "not_docx").reason


def test_legacy_doc_is_named(tmp_path: Path) -> None:
    path = tmp_path / "old.docx"
    path.write_bytes(ole2_file(["WordDocument", "1Table", "\x05SummaryInformation"]))
    assert "Word 97-2003 .doc" in refused(path, "not_docx").reason


def test_bare_ole2_header_is_called_a_doc(tmp_path: Path) -> None:
    path = tmp_path / "header-only.docx"
    path.write_bytes(OLE2_SIGNATURE + bytes(100))
    assert ".doc file" in refused(path, "not_docx").reason


def test_password_protected_docx_is_recognised(tmp_path: Path) -> None:
    # Long enough that EncryptedPackage sits in the second directory sector.
    path = tmp_path / "locked.docx"
    path.write_bytes(
        ole2_file(
            ["\x06DataSpaces", "Version", "DataSpaceMap", "EncryptionInfo", "EncryptedPackage"]
        )
    )
    assert "password-protected" in refused(path, "encrypted").reason


def test_legacy_xls_is_named(tmp_path: Path) -> None:
    path = tmp_path / "sheet.docx"
    path.write_bytes(ole2_file(["Workbook"]))
    assert "Excel" in refused(path, "not_docx").reason


def test_truncated_docx(tmp_path: Path) -> None:
    data = real_docx(tmp_path).read_bytes()
    path = tmp_path / "half.docx"
    path.write_bytes(data[: len(data) // 2])
    refused(path, "truncated")


@pytest.mark.parametrize(
    ("members", "named"),
    [
        ({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}, "Excel"),
        (
            {"[Content_Types].xml": b"<Types/>", "ppt/presentation.xml": b"<presentation/>"},
            "PowerPoint",
        ),
        (
            {"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"},
            "OpenDocument",
        ),
        ({"notes.txt": b"hello"}, "zip archive"),
    ],
)
def test_zip_without_word_document(tmp_path: Path, members: dict[str, bytes], named: str) -> None:
    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as package:
        for name, data in members.items():
            package.writestr(name, data)
    assert named in refused(path, "no_document").reason


def test_main_part_that_is_not_a_word_document(tmp_path: Path) -> None:
    base = real_docx(tmp_path)
    path = rewrite_parts(
        base, tmp_path / "wrong-root.docx", {"word/document.xml": b"<html><body/></html>"}
    )
    refused(path, "no_document")


@pytest.fixture(scope="module")
def zip_bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """~200 MB of spaces as word/document.xml, compressed to ~200 KB; written in 1 MB chunks."""
    path = tmp_path_factory.mktemp("bomb") / "bomb.docx"
    spaces = b" " * (1024 * 1024)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", b"<Types/>")
        with package.open("word/document.xml", "w", force_zip64=True) as member:
            for _ in range(200):
                member.write(spaces)
    return path


def test_zip_bomb_is_refused_without_unpacking(zip_bomb: Path) -> None:
    tracemalloc.start()
    try:
        error = refused(zip_bomb, "too_large")
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "zip bomb" in error.reason
    assert error.where == "word/document.xml"
    assert peak < 8 * 1024 * 1024


def test_suspicious_compression_ratio_is_refused_below_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "ratio.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("word/document.xml", b" " * (20 * 1024 * 1024))
    assert DEFAULT_MAX_PART_BYTES > 20 * 1024 * 1024
    assert "compressed" in refused(path, "too_large").reason


def test_size_limit_is_configurable(tmp_path: Path) -> None:
    refused(real_docx(tmp_path), "too_large", max_part_bytes=1000)


def test_zip_header_that_lies_about_the_size_is_caught(tmp_path: Path) -> None:
    path = tmp_path / "liar.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(
            "word/document.xml", document_xml(paragraph_xml(run_xml("x" * 100))) + b" " * 500_000
        )
    data = bytearray(path.read_bytes())
    central = data.rindex(b"PK\x01\x02")
    struct.pack_into("<I", data, central + 24, 100)  # claimed uncompressed size: 100 bytes
    path.write_bytes(bytes(data))

    error = refused(path, "truncated")
    assert "damaged" in error.reason


def test_zip_level_encryption_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "zip-encrypted.docx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("word/document.xml", document_xml(paragraph_xml(run_xml("x"))))
    data = bytearray(path.read_bytes())
    data[6] |= 0x1  # general-purpose flag bit 0 ("encrypted") in the local header ...
    data[data.rindex(b"PK\x01\x02") + 8] |= 0x1  # ... and in the central directory
    path.write_bytes(bytes(data))
    refused(path, "encrypted")


def test_external_entity_is_refused_and_never_expanded(tmp_path: Path) -> None:
    xxe = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body>'
        "</w:document>"
    )
    path = rewrite_parts(
        real_docx(tmp_path), tmp_path / "xxe.docx", {"word/document.xml": xxe.encode()}
    )

    error = refused(path, "bad_xml")
    assert error.where == "word/document.xml"
    assert "root:" not in error.message
    assert "DTD" in error.reason


def test_entity_expansion_bomb_in_styles_is_refused(tmp_path: Path) -> None:
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        f'<w:styles xmlns:w="{W_NS}">&lol2;</w:styles>'
    )
    path = rewrite_parts(
        real_docx(tmp_path), tmp_path / "laughs.docx", {"word/styles.xml": laughs.encode()}
    )
    assert refused(path, "bad_xml").where == "word/styles.xml"


def test_utf16_doctype_is_refused(tmp_path: Path) -> None:
    document = (
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY e "boom">]>'
        f'<w:document xmlns:w="{W_NS}"><w:body/></w:document>'
    ).encode("utf-16")
    path = rewrite_parts(
        real_docx(tmp_path), tmp_path / "utf16.docx", {"word/document.xml": document}
    )
    refused(path, "bad_xml")


def test_malformed_xml(tmp_path: Path) -> None:
    broken = document_xml(paragraph_xml(run_xml("未闭合"))).replace(b"</w:body>", b"")
    path = rewrite_parts(
        real_docx(tmp_path), tmp_path / "broken.docx", {"word/document.xml": broken}
    )
    assert "line" in refused(path, "bad_xml").reason


def test_deeply_nested_xml_is_refused_not_a_crash(tmp_path: Path) -> None:
    nested = "<w:sdt><w:sdtContent>" * 400 + "</w:sdtContent></w:sdt>" * 400
    path = rewrite_parts(
        real_docx(tmp_path), tmp_path / "deep.docx", {"word/document.xml": document_xml(nested)}
    )
    refused(path, "bad_xml")


# ---------------------------------------------------------------------------- robustness and speed


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=4096), zip_like=st.booleans())
def test_random_bytes_give_paragraphs_or_plan_input_error(
    tmp_path: Path, data: bytes, zip_like: bool
) -> None:
    path = tmp_path / "fuzz.docx"
    path.write_bytes((b"PK\x03\x04" if zip_like else b"") + data)
    try:
        result = read_docx(path)
    except PlanInputError as error:
        assert error.code in {
            "empty",
            "not_docx",
            "truncated",
            "no_document",
            "too_large",
            "bad_xml",
            "encrypted",
        }
    else:
        assert all(isinstance(paragraph, DocxParagraph) for paragraph in result)


@pytest.fixture(scope="module")
def numbered_docx_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return build_plan_with_numbering(tmp_path_factory.mktemp("plan")).read_bytes()


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_damaged_real_docx_gives_paragraphs_or_plan_input_error(
    tmp_path: Path, numbered_docx_bytes: bytes, data: st.DataObject
) -> None:
    damaged = bytearray(numbered_docx_bytes)
    for _ in range(data.draw(st.integers(1, 8), label="flips")):
        position = data.draw(st.integers(0, len(damaged) - 1), label="position")
        damaged[position] = data.draw(st.integers(0, 255), label="byte")
    cut = data.draw(st.integers(1, len(damaged)), label="length")
    path = tmp_path / "damaged.docx"
    path.write_bytes(bytes(damaged[:cut]))
    try:
        read_docx(path)
    except PlanInputError:
        pass


def test_five_megabyte_document_reads_in_well_under_a_second(tmp_path: Path) -> None:
    # Varied text, as in a real plan: a perfectly repetitive part would trip the bomb ratio.
    rng = random.Random(5)

    def paragraph(index: int) -> str:
        return paragraph_xml(
            '<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>'
            f"<w:t>落实第{index}项任务，</w:t></w:r>",
            f'<w:r><w:t xml:space="preserve">推进{rng.randrange(10**9)}。 </w:t></w:r>',
            f'<w:bookmarkStart w:id="{index}" w:name="b{index}"/><w:bookmarkEnd w:id="{index}"/>',
            properties='<w:pStyle w:val="Normal"/><w:spacing w:line="560" w:lineRule="exact"/>'
            '<w:numPr><w:ilvl w:val="2"/><w:numId w:val="1"/></w:numPr>',
        )

    body_parts: list[str] = []
    size = 0
    while size <= 5 * 1024 * 1024:
        body_parts.append(paragraph(len(body_parts) + 1))
        size += len(body_parts[-1].encode())
    repeats = len(body_parts)
    numbering = numbering_xml({7: PLAN_LEVELS}, {1: (7, "")})
    path = docx_with_body(tmp_path, "".join(body_parts), numbering=numbering)
    with zipfile.ZipFile(path) as package:
        assert package.getinfo("word/document.xml").file_size > 5 * 1024 * 1024

    paragraphs = read_docx(path)

    assert len(paragraphs) == repeats
    assert paragraphs[-1].text.startswith(f"{repeats}.落实第{repeats}项任务，推进")

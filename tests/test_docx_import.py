"""Plans in Word: typed numbering, tables, and Word's automatic list numbering."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from docx import Document

from domain.outline import ITEM, SECTION
from domain.outline import unaccounted_text as lost
from domain.parser import parse_file
from tests.conftest import SAMPLE_PLAN

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def test_sample_typed_into_word_parses_like_the_text(tmp_path: Path) -> None:
    doc = Document()
    for line in SAMPLE_PLAN.read_text(encoding="utf-8").splitlines():
        doc.add_paragraph(line)
    path = tmp_path / "sample.docx"
    doc.save(str(path))
    plan, source = parse_file(path)
    assert plan.counts().sections == 6
    assert plan.counts().items == 26
    assert plan.title == "2020年全市教育工作要點"
    assert lost(source.lines, plan) == ("", "")


def test_table_text_is_read_in_order(tmp_path: Path) -> None:
    doc = Document()
    doc.add_paragraph("2021年工作要点")
    doc.add_paragraph("一、总则")
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "1.甲任务。"
    table.cell(0, 1).text = "（责任单位：办公室）"
    table.cell(1, 0).text = "2.乙任务。"
    table.cell(1, 1).text = "（责任单位：财务处）"
    path = tmp_path / "table.docx"
    doc.save(str(path))
    plan, source = parse_file(path)
    items = [n for n in plan.nodes() if n.kind == ITEM]
    assert [i.label for i in items] == ["1.", "2."]
    assert [t.suggested_lead for i in items for t in i.tasks] == ["办公室", "财务处"]
    assert lost(source.lines, plan) == ("", "")


# Word's automatic numbering: level 0 "一、", level 1 "1." (restarting under each 一、).
NUMBERING_XML = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{W}">
  <w:abstractNum w:abstractNumId="0">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
      <w:lvlText w:val="%1、"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
      <w:lvlText w:val="%2."/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"""


def _numbered_docx(path: Path, paragraphs: list[tuple[int | None, str]]) -> None:
    """Write a .docx whose paragraphs carry automatic numbering (level, text)."""
    doc = Document()
    for level, text in paragraphs:
        p = doc.add_paragraph(text)
        if level is not None:
            ppr = p._p.get_or_add_pPr()
            num_pr = ppr.makeelement(f"{{{W}}}numPr", {})
            ilvl = num_pr.makeelement(f"{{{W}}}ilvl", {f"{{{W}}}val": str(level)})
            num_id = num_pr.makeelement(f"{{{W}}}numId", {f"{{{W}}}val": "1"})
            num_pr.extend([ilvl, num_id])
            ppr.insert(0, num_pr)
    buffer = io.BytesIO()
    doc.save(buffer)
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/numbering.xml":
                data = NUMBERING_XML.encode("utf-8")
            dst.writestr(info, data)


def test_automatic_list_numbering_carries_the_hierarchy(tmp_path: Path) -> None:
    path = tmp_path / "auto.docx"
    _numbered_docx(
        path,
        [
            (None, "2022年全市教育工作要点"),
            (None, "2022年全市教育工作的总体要求是：稳中求进。"),
            (0, "加强党的领导"),
            (1, "深入学习贯彻党的二十大精神。组织专题培训。"),
            (1, "提升教育系统党建质量。开展支部评星。"),
            (0, "推动基础教育优质均衡"),
            (1, "扩大优质资源供给。新建学校20所。"),
        ],
    )
    plan, source = parse_file(path)
    sections = [n for n in plan.outline if n.kind == SECTION]
    assert [(s.label, s.title) for s in sections] == [
        ("一、", "加强党的领导"),
        ("二、", "推动基础教育优质均衡"),
    ]
    assert [[c.label for c in s.children] for s in sections] == [["1.", "2."], ["1."]]
    first = sections[0].children[0]
    assert first.title == "深入学习贯彻党的二十大精神。"
    assert [t.text for t in first.tasks] == ["组织专题培训。"]
    assert plan.title == "2022年全市教育工作要点"
    assert lost(source.lines, plan) == ("", "")

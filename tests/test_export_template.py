"""An office's own .docx template: its letterhead and styles are kept, content goes below
its 【正文】 marker, and placeholders are filled in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Pt
from sqlite_utils import Database

from db.plans import list_plans
from db.settings import set_setting
from exports.service import ExportRequest, run_export
from exports.template import TemplateError


def _template(path: Path) -> Path:
    doc = Document()
    doc.sections[0].header.paragraphs[0].text = "青岛市教育局办公室（督查专报）"
    doc.add_paragraph("青岛市教育局文件")
    doc.add_paragraph("{{发文字号}}")
    doc.add_paragraph("{{标题}}")
    doc.add_paragraph("印发日期：{{成文日期}}")
    doc.add_paragraph("【正文】")
    doc.add_paragraph("这段示例文字会被替换。")
    title = doc.styles.add_style("GW Title", 1)  # the office's own title style wins
    title.font.size = Pt(26)
    doc.save(str(path))
    return path


def test_documents_fill_the_office_template(simplified_db: Database, tmp_path: Path) -> None:
    seeded_db = simplified_db
    template = _template(tmp_path / "红头.docx")
    set_setting(seeded_db, "documents.template", str(template))
    set_setting(seeded_db, "documents.doc_number", "青教办[2020]12号")
    plan = list_plans(seeded_db)[0].id
    request = ExportRequest("decomposition", plan, tmp_path / "d.docx",
                            issued_on=dt.date(2020, 7, 13))  # fmt: skip
    (path,) = run_export(seeded_db, request)
    doc = Document(str(path))
    texts = [p.text for p in doc.paragraphs if p.text]
    assert doc.sections[0].header.paragraphs[0].text == "青岛市教育局办公室（督查专报）"
    assert texts[0] == "青岛市教育局文件"
    assert (
        texts[1] == "青教办〔2020〕12号"
    )  # {{发文字号}} from the settings, as GB/T 9704 writes it
    assert texts[2] == "2020年全市教育工作要点任务分解表"  # {{标题}} filled in
    assert texts[3] == "印发日期：2020年7月13日"
    assert "【正文】" not in texts and "这段示例文字会被替换。" not in texts
    assert len(doc.tables) == 1 and len(doc.tables[0].rows) > 152
    title_style = doc.styles["GW Title"]
    assert title_style.font.size == Pt(26)
    # A template given for one export overrides the setting; "" means the built-in look.
    (plain,) = run_export(
        seeded_db, ExportRequest("decomposition", plan, tmp_path / "p.docx", template="")
    )
    assert Document(str(plain)).paragraphs[0].text == "2020年全市教育工作要点任务分解表"
    # --doc-number wins over the setting.
    numbered = ExportRequest("report", plan, tmp_path / "r.docx", doc_number="青教办〔2020〕15号")
    (report,) = run_export(seeded_db, numbered)
    assert "青教办〔2020〕15号" in [p.text for p in Document(str(report)).paragraphs]


def test_a_broken_template_is_refused_with_a_message(seeded_db: Database, tmp_path: Path) -> None:
    bad = tmp_path / "template.docx"
    bad.write_bytes(b"not a docx")
    plan = list_plans(seeded_db)[0].id
    with pytest.raises(TemplateError, match="template"):
        run_export(
            seeded_db, ExportRequest("decomposition", plan, tmp_path / "d.docx", template=str(bad))
        )
    assert not (tmp_path / "d.docx").exists()


def test_a_template_without_page_numbers_gets_them(seeded_db: Database, tmp_path: Path) -> None:
    from tests.docx_checks import page_number_fields

    template = _template(tmp_path / "红头.docx")
    plain = Document(str(template))
    plain.sections[0].footer.paragraphs[0].text = "地址：青岛市市南区"
    plain.save(str(template))
    plan = list_plans(seeded_db)[0].id
    (path,) = run_export(
        seeded_db, ExportRequest("decomposition", plan, tmp_path / "d.docx", template=str(template))
    )
    doc = Document(str(path))
    assert page_number_fields(doc) == ["地址：青岛市市南区— 1 —", "地址：青岛市市南区— 1 —"]
    assert doc.settings.odd_and_even_pages_header_footer
    # A template that numbers its pages itself keeps its own numbers only.
    (again,) = run_export(
        seeded_db, ExportRequest("decomposition", plan, tmp_path / "e.docx", template=str(path))
    )
    assert len(page_number_fields(Document(str(again)))) == 2


def test_a_template_loses_its_macros_and_outside_links(seeded_db: Database, tmp_path: Path) -> None:
    import zipfile

    template = _template(tmp_path / "红头.docx")
    macro = tmp_path / "宏.docx"
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(macro, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/_rels/document.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rId90" Type="http://schemas.microsoft.com/office/2006/'
                    b'relationships/vbaProject" Target="vbaProject.bin"/>'
                    b'<Relationship Id="rId91" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/hyperlink" '
                    b'Target="http://example.invalid/x" TargetMode="External"/></Relationships>',
                )
            if info.filename == "word/document.xml":
                data = data.replace(
                    "<w:t>青岛市教育局文件</w:t>".encode(),
                    '<w:t>青岛市教育局</w:t></w:r><w:hyperlink r:id="rId91"><w:r><w:t>文件</w:t>'
                    "</w:r></w:hyperlink><w:r><w:t></w:t>".encode(),
                )
            target.writestr(info, data)
        target.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0 macro")
    plan = list_plans(seeded_db)[0].id
    (path,) = run_export(
        seeded_db, ExportRequest("decomposition", plan, tmp_path / "d.docx", template=str(macro))
    )
    with zipfile.ZipFile(path) as package:
        names = package.namelist()
        rels = package.read("word/_rels/document.xml.rels").decode()
        body = package.read("word/document.xml").decode()
    assert not [n for n in names if "vba" in n.lower()]
    assert "External" not in rels and "vbaProject" not in rels and "w:hyperlink" not in body
    assert Document(str(path)).paragraphs[0].text == "青岛市教育局文件"  # the text stays


def test_a_template_that_is_not_a_docx_is_screened_out(seeded_db: Database, tmp_path: Path) -> None:
    image = tmp_path / "红头.docx"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    plan = list_plans(seeded_db)[0].id
    with pytest.raises(TemplateError, match=r"not a \.docx file"):
        run_export(
            seeded_db, ExportRequest("report", plan, tmp_path / "r.docx", template=str(image))
        )

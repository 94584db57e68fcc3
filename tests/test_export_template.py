"""An office's own .docx template: its letterhead and styles are kept, content goes below
its 【正文】 marker, and placeholders are filled in."""

from __future__ import annotations

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
    doc.add_paragraph("{{标题}}")
    doc.add_paragraph("印发日期：{{成文日期}}")
    doc.add_paragraph("【正文】")
    doc.add_paragraph("这段示例文字会被替换。")
    title = doc.styles.add_style("GW Title", 1)  # the office's own title style wins
    title.font.size = Pt(26)
    doc.save(str(path))
    return path


def test_documents_fill_the_office_template(seeded_db: Database, tmp_path: Path) -> None:
    template = _template(tmp_path / "红头.docx")
    set_setting(seeded_db, "documents.template", str(template))
    plan = list_plans(seeded_db)[0].id
    (path,) = run_export(seeded_db, ExportRequest("decomposition", plan, tmp_path / "d.docx"))
    doc = Document(str(path))
    texts = [p.text for p in doc.paragraphs if p.text]
    assert doc.sections[0].header.paragraphs[0].text == "青岛市教育局办公室（督查专报）"
    assert texts[0] == "青岛市教育局文件"
    assert texts[1] == "2020年全市教育工作要點任務分解表"  # {{标题}} filled in
    assert texts[2].startswith("印发日期：") and "{{" not in texts[2]
    assert "【正文】" not in texts and "这段示例文字会被替换。" not in texts
    assert len(doc.tables) == 1 and len(doc.tables[0].rows) > 152
    title_style = doc.styles["GW Title"]
    assert title_style.font.size == Pt(26)
    # A template given for one export overrides the setting; "" means the built-in look.
    (plain,) = run_export(
        seeded_db, ExportRequest("decomposition", plan, tmp_path / "p.docx", template="")
    )
    assert Document(str(plain)).paragraphs[0].text == "2020年全市教育工作要點任務分解表"


def test_a_broken_template_is_refused_with_a_message(seeded_db: Database, tmp_path: Path) -> None:
    bad = tmp_path / "template.docx"
    bad.write_bytes(b"not a docx")
    plan = list_plans(seeded_db)[0].id
    with pytest.raises(TemplateError, match="template"):
        run_export(
            seeded_db, ExportRequest("decomposition", plan, tmp_path / "d.docx", template=str(bad))
        )
    assert not (tmp_path / "d.docx").exists()

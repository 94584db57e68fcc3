"""PDF plans: read with the positions of their lines; running headers, footers and page
numbers left out; lines joined again across page breaks; a scan refused."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from domain.errors import PlanInputError
from domain.parser import parse_lines
from domain.textsource import read_plan_file
from tests.libreoffice import to_pdf

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_data" / "qingdao-2020-education-workplan.txt"

pytestmark = pytest.mark.libreoffice


def _visible(text: str) -> Counter[str]:
    return Counter("".join(text.split()))


def test_the_sample_printed_to_pdf_parses_like_the_text(tmp_path: Path) -> None:
    txt = tmp_path / SAMPLE.name
    shutil.copy(SAMPLE, txt)
    pdf = to_pdf(txt, tmp_path)
    source = read_plan_file(pdf)
    plan = parse_lines(source.lines)
    counts = plan.counts()
    assert (counts.sections, counts.items, counts.tasks) == (6, 26, 152)
    assert (plan.title, plan.doc_number, plan.date) == (
        "2020年全市教育工作要點",
        "青教工委[2020]2號",
        "2020-02-27",
    )
    assert source.encoding == "pdf"
    # Every character of the text file is in the PDF's text, and nothing more.
    assert _visible("".join(source.lines)) == _visible(SAMPLE.read_text(encoding="utf-8"))


def _page_field(paragraph) -> None:
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1")):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == " PAGE ":
            element = OxmlElement("w:instrText")
            element.text = text
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(end)


def _plan_with_running_lines(path: Path) -> list[str]:
    document = Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "某某区教育局文件"
    footer = section.footer.paragraphs[0]
    footer.add_run("— ")
    _page_field(footer)
    footer.add_run(" —")
    lines = ["某某区2021年教育工作要点"]
    for s in range(1, 4):
        lines.append(f"{'一二三'[s - 1]}、第{s}部分重点工作")
        for i in range(1, 7):
            body = "。".join(
                f"第{s}部分第{i}项工作的第{k}句任务说明，要求各单位认真落实，按期完成，确保取得实效"
                for k in range(1, 7)
            )
            lines.append(f"{i}.推进第{s}部分第{i}项工作。{body}。")
    for line in lines:
        document.add_paragraph(line)
    document.save(path)
    return lines


def test_running_headers_footers_and_page_numbers_are_left_out(tmp_path: Path) -> None:
    docx = tmp_path / "plan.docx"
    lines = _plan_with_running_lines(docx)
    pdf = to_pdf(docx, tmp_path)
    source = read_plan_file(pdf)
    text = "\n".join(source.lines)
    assert "某某区教育局文件" not in text
    assert "—" not in text
    plan = parse_lines(source.lines)
    counts = plan.counts()
    assert (counts.sections, counts.items) == (3, 18)
    # Paragraphs cut by a page break are whole again: every paragraph of the document is
    # one line of the PDF's text.
    assert source.lines == lines
    assert plan.title == "某某区2021年教育工作要点"


def test_import_a_pdf_from_the_command_line(tmp_path: Path) -> None:
    txt = tmp_path / SAMPLE.name
    shutil.copy(SAMPLE, txt)
    pdf = to_pdf(txt, tmp_path)
    home = tmp_path / "home"
    home.mkdir()
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "import", str(pdf)],
        capture_output=True,
        text=True,
        timeout=120,
        env={"HOME": str(home), "PATH": "/usr/bin:/bin", "XDG_DATA_HOME": str(home / ".data")},
    )
    assert result.returncode == 0, result.stderr
    assert "6 sections, 0 sub-sections, 26 items, 152 tasks" in result.stdout


def test_a_scanned_pdf_without_text_is_refused_with_its_own_code() -> None:
    scan = ROOT / "tests" / "bad_inputs" / "image-only.pdf"
    with pytest.raises(PlanInputError) as caught:
        read_plan_file(scan)
    assert caught.value.code == "no_text_layer"
    assert "no text layer" in caught.value.reason

"""Reading plan files: encodings detected, bad files refused with a clear message."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from domain.errors import PlanInputError
from domain.parser import parse_file
from domain.textsource import MAX_TEXT_BYTES, read_plan_file
from tests.conftest import SAMPLE_PLAN

SIMPLIFIED = "2021年全市教育工作要点\n一、加强党的领导\n1.深入学习贯彻党的十九届四中全会精神。开展专题培训。\n"


@pytest.mark.parametrize(
    ("encoding", "bom", "detected"),
    [
        ("utf-8", b"", "utf-8"),
        ("utf-8", codecs.BOM_UTF8, "utf-8 (BOM)"),
        ("utf-16-le", codecs.BOM_UTF16_LE, "utf-16-le (BOM)"),
        ("utf-16-be", codecs.BOM_UTF16_BE, "utf-16-be (BOM)"),
        ("utf-16-le", b"", "utf-16-le"),
        ("utf-16-be", b"", "utf-16-be"),
        ("gb18030", b"", "gb18030"),
        ("gbk", b"", "gb18030"),
        ("gb2312", b"", "gb18030"),
    ],
)
def test_encodings_are_detected(tmp_path: Path, encoding: str, bom: bytes, detected: str) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(bom + SIMPLIFIED.encode(encoding))
    source = read_plan_file(path)
    assert source.encoding == detected
    assert source.lines[0] == "2021年全市教育工作要点"
    plan, _ = parse_file(path)
    assert [n.label for n in plan.nodes()] == ["一、", "1."]


def test_traditional_sample_in_gb18030_and_utf16(tmp_path: Path) -> None:
    text = SAMPLE_PLAN.read_text(encoding="utf-8")
    for encoding in ("gb18030", "utf-16"):
        path = tmp_path / f"sample-{encoding}.txt"
        path.write_bytes(text.encode(encoding))
        plan, _ = parse_file(path)
        assert plan.counts().items == 26, encoding
        assert plan.title == "2020年全市教育工作要點"


def test_windows_line_endings_and_old_mac_breaks(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(SIMPLIFIED.replace("\n", "\r\n").encode("utf-8"))
    assert read_plan_file(path).lines[:2] == ["2021年全市教育工作要点", "一、加强党的领导"]
    path.write_bytes(SIMPLIFIED.replace("\n", "\r").encode("utf-8"))
    assert read_plan_file(path).lines[:2] == ["2021年全市教育工作要点", "一、加强党的领导"]


def _refused(path: Path, code: str) -> PlanInputError:
    with pytest.raises(PlanInputError) as info:
        read_plan_file(path)
    assert info.value.code == code
    assert str(path) in str(info.value)
    return info.value


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    _refused(path, "empty")
    path.write_bytes(codecs.BOM_UTF8 + b"  \n\n ")
    _refused(path, "empty")


def test_missing_file(tmp_path: Path) -> None:
    _refused(tmp_path / "nope.txt", "missing")


def test_image_renamed_txt(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    error = _refused(path, "not_text")
    assert "PNG" in error.reason


def test_binary_renamed_txt(tmp_path: Path) -> None:
    path = tmp_path / "program.txt"
    path.write_bytes(bytes(range(256)) * 64)
    with pytest.raises(PlanInputError) as info:
        read_plan_file(path)
    assert info.value.code in {"not_text", "encoding"}


def test_old_word_document(tmp_path: Path) -> None:
    path = tmp_path / "plan.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    error = _refused(path, "old_doc")
    assert ".docx" in error.reason


def test_undecodable_bytes_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes("第一行\n第二行\n".encode() + b"\x81\xff\xfe\x80 bad\n")
    error = _refused(path, "encoding")
    assert error.where == "line 3"


def test_very_large_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:  # sparse: 50 MB on paper, nothing on disk
        fh.truncate(50 * 1024 * 1024)
    assert path.stat().st_size > MAX_TEXT_BYTES
    error = _refused(path, "too_large")
    assert "50.0 MB" in error.reason


def test_mostly_control_characters_is_not_text(tmp_path: Path) -> None:
    path = tmp_path / "controls.txt"
    path.write_bytes(("一、总则\x01\x02\x03\x04" * 200).encode("utf-8"))
    _refused(path, "not_text")


def test_a_docx_saved_with_a_txt_name_is_read_as_docx(tmp_path: Path) -> None:
    from docx import Document

    doc = Document()
    for line in ["2021年工作要点", "一、总则", "1.甲任务。乙任务。"]:
        doc.add_paragraph(line)
    path = tmp_path / "plan.txt"
    doc.save(str(path))
    source = read_plan_file(path)
    assert source.encoding == "docx"
    assert source.lines == ["2021年工作要点", "一、总则", "1.甲任务。乙任务。"]


def test_a_large_docx_with_pictures_is_read(tmp_path: Path) -> None:
    """Size alone does not refuse a .docx: its picture is never read, only its text."""
    import io
    import os
    import zipfile

    from docx import Document

    doc = Document()
    for line in ["2021年工作要点", "一、总则", "1.甲任务。乙任务。"]:
        doc.add_paragraph(line)
    buffer = io.BytesIO()
    doc.save(buffer)
    path = tmp_path / "with-picture.docx"
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info.filename))
        with dst.open("word/media/image1.png", "w") as picture:  # stored, 30 MB of noise
            for _ in range(30):
                picture.write(os.urandom(1024 * 1024))
    assert path.stat().st_size > MAX_TEXT_BYTES
    source = read_plan_file(path)
    assert source.lines == ["2021年工作要点", "一、总则", "1.甲任务。乙任务。"]

"""What only Windows does to a clerk, made to happen here: a document open in Word cannot be
replaced, and a path over 260 characters cannot be written. Each ends in a message that
says what to do, with the earlier document and the folder left as they were."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from exports import files
from exports.request import ExportError

REAL_REPLACE = os.replace


def refuse_replacing(suffix: str, error: OSError):  # type: ignore[no-untyped-def]
    """os.replace as Windows behaves when the target is held by another program."""

    def replace(source: str | Path, target: str | Path) -> None:
        if str(target).endswith(suffix):
            raise error
        REAL_REPLACE(source, target)

    return replace


def test_a_document_open_in_word_is_not_replaced_and_the_clerk_is_told(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "任务分解表.docx"
    target.write_bytes(b"the earlier document")
    denied = PermissionError(13, "Permission denied")  # what Windows says for a held file
    monkeypatch.setattr(files.os, "replace", refuse_replacing(".docx", denied))
    with pytest.raises(ExportError, match="open in Word or WPS") as caught:
        files.write_atomic(b"the new document", target)
    assert str(target) in str(caught.value)
    assert target.read_bytes() == b"the earlier document"
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]  # no temporary left


def test_a_form_open_in_word_stops_the_folder_export_with_the_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "forms"
    folder.mkdir()
    (folder / "02-教育处.docx").write_bytes(b"returned form")
    denied = PermissionError(13, "Permission denied")
    monkeypatch.setattr(files.os, "replace", refuse_replacing("02-教育处.docx", denied))
    with pytest.raises(ExportError, match="open in Word or WPS"):
        files.write_folder(
            folder, [("01-办公室.docx", lambda: b"one"), ("02-教育处.docx", lambda: b"two")]
        )
    assert (folder / "02-教育处.docx").read_bytes() == b"returned form"
    assert sorted(p.name for p in folder.iterdir()) == ["02-教育处.docx"]


def test_the_command_line_says_the_document_is_open_and_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from cli import main

    db = tmp_path / "demo.sqlite3"
    assert main(["--demo", "--db", str(db), "plans"]) == 0
    target = tmp_path / "分解表.docx"
    target.write_bytes(b"open in Word")
    denied = PermissionError(13, "Permission denied")
    monkeypatch.setattr(files.os, "replace", refuse_replacing("分解表.docx", denied))
    code = main(["--db", str(db), "export", "decomposition", "-o", str(target)])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "open in Word or WPS" in err and str(target) in err
    assert target.read_bytes() == b"open in Word"


def test_a_path_too_long_for_windows_is_named_as_such(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    deep = tmp_path.joinpath(*["工作要点督办材料汇编"] * 24)
    deep.mkdir(parents=True)
    target = deep / "2020年全市教育工作要点-任务分解表.docx"
    assert len(str(target)) > files.WINDOWS_MAX_PATH
    missing = FileNotFoundError(2, "No such file or directory")  # Windows' answer past 260
    monkeypatch.setattr(files.os, "replace", refuse_replacing(".docx", missing))
    monkeypatch.setattr(sys, "platform", "win32")
    with pytest.raises(ExportError, match="too long for Windows"):
        files.write_atomic(b"doc", target)
    assert list(deep.iterdir()) == []
    monkeypatch.setattr(sys, "platform", "linux")  # elsewhere the error is passed on as it is
    with pytest.raises(FileNotFoundError):
        files.write_atomic(b"doc", target)


def test_documents_tell_word_which_font_to_use_where_the_gb2312_fonts_are_missing(
    tmp_path: Path,
) -> None:
    """Windows since Vista has 仿宋 and 楷体, not 仿宋_GB2312 and 楷体_GB2312, and
    方正小标宋简体 only where an office installed it: the font table names the stand-in."""
    import zipfile

    from lxml import etree

    from cli import main

    db = tmp_path / "demo.sqlite3"
    assert main(["--demo", "--db", str(db), "plans"]) == 0
    target = tmp_path / "分解表.docx"
    assert main(["--db", str(db), "export", "decomposition", "-o", str(target)]) == 0
    with zipfile.ZipFile(target) as docx:
        table = etree.fromstring(docx.read("word/fontTable.xml"))
        styles = docx.read("word/styles.xml").decode("utf-8")
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    fonts = {f.get(f"{w}name"): f for f in table.iter(f"{w}font")}
    for name, alternative in (
        ("仿宋_GB2312", "仿宋"),
        ("楷体_GB2312", "楷体"),
        ("方正小标宋简体", "宋体"),
    ):
        font = fonts[name]
        assert font.find(f"{w}altName").get(f"{w}val") == alternative
        assert font.find(f"{w}charset").get(f"{w}val") == "86"
        assert font[0].tag == f"{w}altName"  # schema order: altName first
    assert fonts["仿宋_GB2312"].find(f"{w}panose1").get(f"{w}val") == "02010609030101010101"
    assert 'w:eastAsia="仿宋_GB2312"' in styles  # the styles keep the standard names


def test_an_office_templates_own_font_entry_is_kept(tmp_path: Path) -> None:
    import io
    import zipfile

    from docx import Document

    from exports.docx_base import new_document

    template = Document()
    part = next(p for p in template.part.package.parts if p.partname == "/word/fontTable.xml")
    part._blob = part.blob.replace(
        b"</w:fonts>",
        '<w:font w:name="仿宋_GB2312"><w:altName w:val="方正仿宋_GBK"/></w:font></w:fonts>'.encode(),
    )
    template.add_paragraph("【正文】")
    path = tmp_path / "office.docx"
    template.save(str(path))
    doc = new_document(template=path)
    with zipfile.ZipFile(io.BytesIO(doc.to_bytes())) as docx:
        table = docx.read("word/fontTable.xml").decode("utf-8")
    assert table.count('w:name="仿宋_GB2312"') == 1 and "方正仿宋_GBK" in table
    assert 'w:name="方正小标宋简体"' in table

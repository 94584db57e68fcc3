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

"""Languages: the Chinese translation is complete and current, and the window uses it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtGui import QAction

from db.departments import require_department
from qtapp.app import build_window
from qtapp.i18n import CHINESE, ENGLISH, TS_FILE, choose_language, compiled_translation
from qtapp.prompts import ScriptedPrompts
from qtapp.ui_settings import UiSettings

ROOT = Path(__file__).resolve().parent.parent


def _messages(ts: Path) -> dict[tuple[str, str], etree._Element]:
    tree = etree.parse(str(ts))
    return {
        (c.findtext("name") or "", m.findtext("source") or ""): m
        for c in tree.getroot().iter("context")
        for m in c.iter("message")
    }


def test_every_message_is_translated() -> None:
    messages = _messages(TS_FILE)
    assert len(messages) > 150
    untranslated = []
    for key, message in messages.items():
        translation = message.find("translation")
        texts = [f.text for f in translation.findall("numerusform")] or [translation.text]
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(texts):
            untranslated.append(key)
    assert untranslated == []


def test_the_translation_covers_every_string_in_the_code(tmp_path: Path) -> None:
    """lupdate over today's sources finds nothing the shipped .ts lacks."""
    import PySide6

    tool = Path(PySide6.__file__).parent / "lupdate"
    if not tool.exists():
        tool = Path(shutil.which("pyside6-lupdate") or "")
    assert tool.exists(), "lupdate ships with PySide6"
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "qtapp").rglob("*.py"))
    subprocess.run([str(tool), *sources, "-ts", str(fresh)], check=True, capture_output=True,
                   timeout=120)  # fmt: skip
    missing = set(_messages(fresh)) - set(_messages(TS_FILE))
    assert missing == set(), "run lupdate and translate the new strings (docs/translation.md)"


def test_the_translation_compiles() -> None:
    qm = compiled_translation()
    assert qm is not None and qm.stat().st_size > 1000


def test_language_choice() -> None:
    assert (
        choose_language("auto", QLocale(QLocale.Language.Chinese, QLocale.Country.China)) == CHINESE
    )
    assert choose_language("auto", QLocale(QLocale.Language.English)) == ENGLISH
    assert (
        choose_language(None, QLocale(QLocale.Language.Chinese, QLocale.Country.Taiwan)) == CHINESE
    )
    assert choose_language(ENGLISH, QLocale(QLocale.Language.Chinese)) == ENGLISH
    assert choose_language(CHINESE, QLocale(QLocale.Language.German)) == CHINESE


@pytest.mark.gui
@pytest.mark.parametrize(
    ("language", "menu", "undo", "header"),
    [
        (CHINESE, "文件(&F)", "分配 24 项任务", "牵头处室"),
        (ENGLISH, "&File", "Assign 24 task(s)", "Lead department"),
    ],
)
def test_window_in_chinese_and_in_english(
    qtbot, tmp_path: Path, language: str, menu: str, undo: str, header: str
) -> None:
    from cli.demo import prepare_demo

    settings = UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    window = build_window(prepare_demo(tmp_path / "demo.sqlite3"), language=language,
                          ui_settings=settings, prompts=ScriptedPrompts())  # fmt: skip
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.tasks.model.rowCount() == 152, timeout=10000)
    assert window.menuBar().actions()[0].text() == menu
    assert (
        window.tasks.model.headerData(2, __import__("PySide6").QtCore.Qt.Orientation.Horizontal)
        == header
    )
    ids = [window.tasks.model.record(i).id for i in range(24)]
    basic = require_department(window.ctx.db, "基础教育处")
    window.actions_.assign(ids, {"lead": basic.id})
    assert window.ctx.undo_stack.undoText() == undo
    assert window.findChild(QAction, "undoAction").text().endswith(undo)
    window.close()


def test_every_bad_input_code_has_a_translated_sentence() -> None:
    import re

    from domain.docx_package import _MESSAGES
    from qtapp.input_errors import MESSAGES

    codes = {code for code, _template in _MESSAGES.values()}
    for folder in ("domain", "exports", "db"):
        for source in (ROOT / folder).glob("*.py"):
            text = source.read_text(encoding="utf-8")
            codes |= set(re.findall(r'\bcode\s*=\s*"([a-z_]+)"', text))  # errors' codes
            codes |= set(re.findall(r'\bNotice\(\s*"([a-z_]+)"', text))  # warnings' codes
    assert codes - set(MESSAGES) == set()
    assert {"disk_full", "read_only", "no_access", "backup_failed", "clock"} <= codes
    assert len(codes) >= 30


def test_a_bad_file_is_explained_in_chinese(tmp_path: Path) -> None:
    from PySide6.QtCore import QCoreApplication

    from domain.textsource import read_plan_file
    from qtapp.app import application
    from qtapp.i18n import install_translators
    from qtapp.input_errors import input_error_text

    empty = tmp_path / "工作要点.txt"
    empty.write_bytes(b"")
    with pytest.raises(Exception) as caught:
        read_plan_file(empty)
    app = application()
    translators = install_translators(app, CHINESE)
    try:
        text = input_error_text(caught.value)
    finally:
        for translator in translators:
            QCoreApplication.removeTranslator(translator)
    assert text.startswith("工作要点.txt: ") and "文件是空的" in text

"""Starting the window: application object, language, database, main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMessageBox

from db.errors import StoreError
from db.store import DamagedDatabase, restore_into
from qtapp.context import AppContext
from qtapp.i18n import choose_language, install_translators
from qtapp.prompts import Prompts, QtPrompts
from qtapp.ui.main_window import MainWindow
from qtapp.ui_settings import UiSettings


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Duban")
    app.setOrganizationName("Duban")
    app.setApplicationDisplayName("督办 Duban")
    return app


def open_context(db_path: str | Path, prompts: Prompts, settings: UiSettings) -> AppContext:
    """The context on ``db_path``. A damaged file is not opened: the newest good backup is
    offered instead (the damaged file is kept); refusing raises the ``DamagedDatabase``."""
    try:
        return AppContext(db_path, prompts, settings)
    except DamagedDatabase as exc:
        if exc.backup is None:
            raise
        question = (
            QCoreApplication.translate(
                "App",
                "The database %1 is damaged (%2), so it is not opened.\n\nRestore the newest "
                "good backup, made %3? The damaged file is kept beside the backups.",
            )
            .replace("%1", str(db_path))
            .replace("%2", exc.problems[0])
            .replace("%3", f"{exc.backup.made_at:%Y-%m-%d %H:%M}")
        )
        title = QCoreApplication.translate("App", "Damaged database")
        if not prompts.confirm(title, question):
            raise
        restore_into(db_path, exc.backup, "window", source="window")
        return AppContext(db_path, prompts, settings)


def build_window(
    db_path: str | Path,
    *,
    language: str | None = None,
    ui_settings: UiSettings | None = None,
    prompts: Prompts | None = None,
) -> MainWindow:
    """The main window on ``db_path`` in ``language`` ("zh_CN", "en"; None: setting/system)."""
    app = application()
    settings = ui_settings or UiSettings()
    chosen = choose_language(language or settings.language())
    translators = install_translators(app, chosen)
    if chosen == "zh_CN":
        # Prefer a font with good Chinese glyphs where one is installed (Windows: 微软雅黑).
        font = QFont(app.font())
        font.setFamilies(
            [
                "Microsoft YaHei UI",
                "Microsoft YaHei",
                "Noto Sans CJK SC",
                "Source Han Sans SC",
                font.family(),
            ]
        )
        app.setFont(font)
    qt_prompts = QtPrompts(None)
    ctx = open_context(db_path, prompts or qt_prompts, settings)
    window = MainWindow(ctx)
    qt_prompts.parent = window
    window.translators = translators  # type: ignore[attr-defined]  # keep them alive
    window.destroyed.connect(ctx.close)
    settings.add_recent_file(db_path)
    return window


def run_app(db_path: str | Path, *, lang: str | None = None) -> int:
    app = application()
    try:
        window = build_window(db_path, language=lang)
    except StoreError as exc:
        QMessageBox.critical(None, QCoreApplication.translate("App", "Duban"), str(exc))
        return 2
    window.show()
    code = app.exec()
    window.ctx.close()
    return code

"""Starting the window: application object, language, database, main window."""

from __future__ import annotations

import logging
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from qtapp.i18n import CHINESE, choose_language, install_translators
from qtapp.icons import brand
from qtapp.prompts import Prompts, QtPrompts
from qtapp.startup import open_window_context
from qtapp.ui.main_window import MainWindow
from qtapp.ui_settings import UiSettings

log = logging.getLogger("duban")

# Set by smoke tests and the bundle check: print the window's title once it is shown and
# quit, so a test can start the real program and know that it got as far as a window.
EXIT_WHEN_SHOWN = "DUBAN_EXIT_WHEN_SHOWN"
EXIT_QUIT = 2  # the clerk chose to quit because no database could be opened


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Duban")
    app.setOrganizationName("Duban")
    brand(app)
    return app


def _set_language(
    app: QApplication, settings: UiSettings, language: str | None
) -> tuple[str, list]:
    chosen = choose_language(language or settings.language())
    translators = install_translators(app, chosen)
    if chosen == CHINESE:
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
    return chosen, translators


def build_window(
    db_path: str | Path | None,
    *,
    language: str | None = None,
    ui_settings: UiSettings | None = None,
    prompts: Prompts | None = None,
) -> MainWindow | None:
    """The main window on ``db_path`` (None: the file used last) in ``language`` ("zh_CN",
    "en"; None: setting/system); None when no file could be opened and the clerk quit."""
    app = application()
    settings = ui_settings or UiSettings()
    chosen, translators = _set_language(app, settings, language)
    prompts = prompts or QtPrompts(None)
    ctx = open_window_context(Path(db_path) if db_path is not None else None, prompts, settings)
    if ctx is None:
        return None
    ctx.language = chosen
    window = MainWindow(ctx)
    if isinstance(prompts, QtPrompts):
        prompts.parent = window
    window.translators = translators  # type: ignore[attr-defined]  # keep them alive
    window.destroyed.connect(ctx.close)
    ctx.ui_settings.add_recent_file(ctx.db_path)
    log.info("window on %s%s", ctx.db_path, " (read-only)" if ctx.read_only else "")
    return window


def install_error_dialog(prompts: Prompts, log_file: Path | None) -> None:
    """An unexpected error in the window is logged and explained; the window goes on."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        log.error("unexpected error in the window", exc_info=(kind, exc, tb))
        text = QCoreApplication.translate(
            "App",
            "Something went wrong that Duban did not expect. What you saved is safe; the "
            "last action may not have been completed. Please try it again.",
        )
        if log_file is not None:
            text += "\n\n" + QCoreApplication.translate(
                "App", "The details are in the log file: %1"
            ).replace("%1", str(log_file))
        details = "".join(traceback.format_exception(kind, exc, tb))
        prompts.show_error(QCoreApplication.translate("App", "Unexpected error"), text, details)

    sys.excepthook = hook


def run_app(
    db_path: str | Path | None, *, lang: str | None = None, log_file: Path | None = None
) -> int:
    app = application()
    prompts = QtPrompts(None)
    install_error_dialog(prompts, log_file)
    window = build_window(db_path, language=lang, prompts=prompts)
    if window is None:
        return EXIT_QUIT
    window.show()
    if os.environ.get(EXIT_WHEN_SHOWN):

        def report() -> None:
            print(f"shown: {window.windowTitle()}", flush=True)
            window.close()

        QTimer.singleShot(0, report)
    code = app.exec()
    window.ctx.close()
    return code

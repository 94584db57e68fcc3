"""The program's icons: a small set drawn for Duban (``qtapp/images/*.svg``), and the
application's own (``duban.svg``, a red seal with 督) shown by the window, the taskbar and the
dock. The build makes the PNG sizes and the Windows .ico from the same file."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtGui import QGuiApplication, QIcon

IMAGES = Path(__file__).resolve().parent / "images"
APP_ICON = IMAGES / "duban.svg"
DESKTOP_FILE_NAME = "duban"  # duban.desktop, installed by the Linux package


@cache
def icon(name: str) -> QIcon:
    return QIcon(str(IMAGES / f"{name}.svg"))


def draft_icon() -> QIcon:
    """The mark of a task with unsaved typing kept as a draft."""
    return icon("draft")


def brand(app: QGuiApplication) -> None:
    """Give the application its icon and tie its windows to the desktop entry (so the
    dock and the taskbar show the icon and the name 督办)."""
    app.setWindowIcon(QIcon(str(APP_ICON)))
    app.setDesktopFileName(DESKTOP_FILE_NAME)

"""The program's icons: a small set drawn for Duban (``qtapp/images/*.svg``)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon

IMAGES = Path(__file__).resolve().parent / "images"


@cache
def icon(name: str) -> QIcon:
    return QIcon(str(IMAGES / f"{name}.svg"))


def draft_icon() -> QIcon:
    """The mark of a task with unsaved typing kept as a draft."""
    return icon("draft")

"""How a warning light is shown in the window: its colour, its place when sorted, its name
and its dot — one definition for the task table, the dashboard and its bars."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

LIGHT_COLORS = {"green": "#16a34a", "yellow": "#eab308", "red": "#dc2626", "grey": "#9ca3af"}
LIGHT_ORDER = {"red": 0, "yellow": 1, "green": 2, "grey": 3}
LIGHT_NAMES = {
    "red": QT_TRANSLATE_NOOP("Lights", "Red"),
    "yellow": QT_TRANSLATE_NOOP("Lights", "Yellow"),
    "green": QT_TRANSLATE_NOOP("Lights", "Green"),
    "grey": QT_TRANSLATE_NOOP("Lights", "Grey"),
}


def light_name(color: str) -> str:
    """红 / 黄 / 绿 / 灰 in the window's language."""
    return QCoreApplication.translate("Lights", LIGHT_NAMES[color])


@cache
def light_icon(color: str) -> QIcon:
    """A 12-pixel dot in the light's colour (made once per colour)."""
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(LIGHT_COLORS[color]))
    painter.setPen(QColor(LIGHT_COLORS[color]).darker(120))
    painter.drawEllipse(1, 1, 10, 10)
    painter.end()
    return QIcon(pixmap)

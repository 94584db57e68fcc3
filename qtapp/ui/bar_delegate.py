"""A horizontal stacked bar in a table cell: done green, behind yellow, overdue red, the
rest light grey, with the cell's text ("6/34") beside it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from qtapp.lights import LIGHT_COLORS

Index = QModelIndex | QPersistentModelIndex
REST_COLOR = "#e5e7eb"
BAR_MIN_WIDTH = 60


class BarDelegate(QStyledItemDelegate):
    """Paints ``bar_role`` data — (done, behind, overdue, total) — as a stacked bar."""

    def __init__(self, bar_role: int, parent=None) -> None:
        super().__init__(parent)
        self.bar_role = bar_role

    @staticmethod
    def segments(
        done: int, behind: int, overdue: int, total: int, width: int
    ) -> list[tuple[str, int]]:
        """(colour, pixel width) of each part; the parts fill ``width`` exactly."""
        if total <= 0 or width <= 0:
            return [(REST_COLOR, max(width, 0))]
        parts = [(LIGHT_COLORS["green"], done), (LIGHT_COLORS["yellow"], behind)]
        parts.append((LIGHT_COLORS["red"], overdue))
        out, used, counted = [], 0, 0
        for colour, count in parts:
            counted += count
            right = round(width * min(counted, total) / total)
            if right > used:
                out.append((colour, right - used))
                used = right
        if used < width:
            out.append((REST_COLOR, width - used))
        return out

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        value = index.data(self.bar_role)
        if not value:
            super().paint(painter, option, index)
            return
        done, behind, overdue, total = (int(v) for v in value)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)

        rect = option.rect.adjusted(4, 0, -4, 0)
        text_width = option.fontMetrics.horizontalAdvance(text) + 8
        bar_height = max(6, min(12, rect.height() - 10))
        bar = QRect(
            rect.left(),
            rect.top() + (rect.height() - bar_height) // 2,
            max(rect.width() - text_width, 0),
            bar_height,
        )
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(Qt.PenStyle.NoPen)
        x = bar.left()
        for colour, width in self.segments(done, behind, overdue, total, bar.width()):
            painter.fillRect(QRect(x, bar.top(), width, bar.height()), QColor(colour))
            x += width
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = opt.palette.ColorRole.HighlightedText if selected else opt.palette.ColorRole.Text
        painter.setPen(opt.palette.color(role))
        painter.drawText(
            QRect(bar.right() + 1, rect.top(), text_width, rect.height()),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            text,
        )
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width() + BAR_MIN_WIDTH, hint.height())

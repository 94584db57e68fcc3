"""Drawing a task's text in the table: the words searched for highlighted, and the whole
text over several lines when the clerk asked for it ("显示全文")."""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from domain.names import search_key

Index = QModelIndex | QPersistentModelIndex
MARK = "#fde68a"  # the highlight of a match: a marker pen's yellow
PADDING = 4


def match_spans(text: str, needle: str) -> list[tuple[int, int]]:
    """Where ``needle`` (a search key: Simplified, folded) occurs in ``text``, as (start,
    end) positions in ``text`` itself — 学习 is found in 學習 and marked there."""
    if not needle or not text:
        return []
    key = search_key(text)
    if len(key) == len(text):
        positions = list(range(len(text) + 1))
    else:  # folding changed the length (①, full-width forms): map character by character
        positions, key = [], ""
        for i, char in enumerate(text):
            folded = search_key(char)
            positions.extend([i] * len(folded))
            key += folded
        positions.append(len(text))
    spans, start = [], key.find(needle)
    while start >= 0:
        end = start + len(needle)
        spans.append((positions[start], positions[min(end, len(positions) - 1)]))
        start = key.find(needle, end)
    return spans


def marked_html(text: str, spans: list[tuple[int, int]]) -> str:
    parts, last = [], 0
    for start, end in spans:
        parts.append(html.escape(text[last:start]))
        parts.append(f'<span style="background-color:{MARK}">{html.escape(text[start:end])}</span>')
        last = end
    parts.append(html.escape(text[last:]))
    return "".join(parts)


class TaskTextDelegate(QStyledItemDelegate):
    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.needle = ""
        self.wrap = False

    def set_needle(self, text: str) -> None:
        self.needle = search_key(text.strip())

    def _document(self, option: QStyleOptionViewItem, text: str, width: int) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(0)
        document.setTextWidth(width)
        document.setHtml(marked_html(text, match_spans(text, self.needle)))
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        text = str(index.data() or "")
        if not self.wrap and not self.needle:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget else QApplication.style()
        opt.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect = opt.rect.adjusted(PADDING, 0, -PADDING, 0)
        if not self.wrap:  # one line, cut with "…" like every other cell
            text = opt.fontMetrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        document = self._document(opt, text, rect.width())
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        height = document.size().height()
        top = rect.top() + max(0.0, (rect.height() - height) / 2) if not self.wrap else rect.top()
        painter.save()
        painter.translate(rect.left(), top + (0 if not self.wrap else 2))
        painter.setClipRect(QRectF(0, 0, rect.width(), rect.height()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        base = super().sizeHint(option, index)
        if not self.wrap:
            return base
        width = max(80, option.rect.width() - 2 * PADDING)
        document = self._document(option, str(index.data() or ""), width)
        return QSize(base.width(), max(base.height(), int(document.size().height()) + 6))

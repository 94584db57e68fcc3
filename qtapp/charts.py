"""The department chart: per lead department, how much is done and how much is late.

Drawn with QPainter only, so the same picture serves the dashboard (``paint_department_bars``
on a widget) and the 通报 (``department_chart_png``, drawn off screen into a QImage; works
under ``QT_QPA_PLATFORM=offscreen`` and from the command line). One row per department:
its name, a bar as long as the tasks it leads (scaled to the largest department) filled
green for the done ones, and the overdue and postponed counts in red and amber after it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QGuiApplication, QImage, QPainter, QPen

from db.dashboard import DepartmentBar

# The families the window prefers for Chinese (qtapp/app.py), then the documents' 黑体.
CJK_FAMILIES = [
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "SimHei",
    "黑体",
]

DONE_COLOR = QColor("#3a8d4f")
LED_COLOR = QColor("#d9dee4")
OVERDUE_COLOR = QColor("#c0392b")
POSTPONED_COLOR = QColor("#c98a12")
TEXT_COLOR = QColor("#1f2328")
MUTED_COLOR = QColor("#5b636b")

LEGEND = (("已完成", DONE_COLOR), ("未完成", LED_COLOR), ("逾期", OVERDUE_COLOR),
          ("延期", POSTPONED_COLOR))  # fmt: skip


def chart_font(pixel_size: int) -> QFont:
    font = QFont()
    font.setFamilies(CJK_FAMILIES)
    font.setPixelSize(max(8, pixel_size))
    return font


def paint_department_bars(painter: QPainter, rect: QRectF, bars: Sequence[DepartmentBar]) -> None:
    """Draw the bars of ``bars`` into ``rect`` (a legend line, then one row per department)."""
    rect = QRectF(rect)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    rows = max(1, len(bars))
    row_height = min(36.0, max(14.0, (rect.height() - 8) / (rows + 1)))
    font = chart_font(int(row_height * 0.5))
    painter.setFont(font)
    metrics = QFontMetricsF(font)
    pad = row_height * 0.25

    _paint_legend(painter, QRectF(rect.left(), rect.top(), rect.width(), row_height), metrics)
    if not bars:
        painter.setPen(MUTED_COLOR)
        painter.drawText(
            QRectF(rect.left(), rect.top() + row_height, rect.width(), row_height),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            "没有牵头处室的任务",
        )
        painter.restore()
        return

    name_width = min(
        rect.width() * 0.3, max(metrics.horizontalAdvance(b.name) for b in bars) + 2 * pad
    )
    counts_width = metrics.horizontalAdvance("完成 999/999  逾期 999  延期 999") + pad
    bar_left = rect.left() + name_width
    bar_span = max(20.0, rect.width() - name_width - counts_width)
    largest = max(max(b.led for b in bars), 1)
    for index, bar in enumerate(bars):
        top = rect.top() + row_height * (index + 1)
        painter.setPen(TEXT_COLOR)
        painter.drawText(
            QRectF(rect.left(), top, name_width - pad, row_height),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(bar.name, Qt.TextElideMode.ElideRight, name_width - pad),
        )
        body = QRectF(bar_left, top + pad, bar_span * bar.led / largest, row_height - 2 * pad)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(LED_COLOR)
        painter.drawRect(body)
        if bar.led:
            done = QRectF(body)
            done.setWidth(body.width() * min(bar.done, bar.led) / bar.led)
            painter.setBrush(DONE_COLOR)
            painter.drawRect(done)
            late = min(bar.overdue, bar.led - min(bar.done, bar.led))
            if late:  # the late part is marked under the bar, after the done part
                mark = QRectF(done.right(), body.bottom() - body.height() * 0.4,
                              body.width() * late / bar.led, body.height() * 0.4)  # fmt: skip
                painter.setBrush(OVERDUE_COLOR)
                painter.drawRect(mark)
        _paint_counts(painter, bar, QRectF(body.right() + pad, top, counts_width, row_height))
    painter.restore()


def _paint_legend(painter: QPainter, rect: QRectF, metrics: QFontMetricsF) -> None:
    x = rect.left() + 4
    box = rect.height() * 0.4
    for label, color in LEGEND:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawRect(QRectF(x, rect.center().y() - box / 2, box, box))
        x += box + 4
        painter.setPen(MUTED_COLOR)
        painter.drawText(
            QRectF(x, rect.top(), metrics.horizontalAdvance(label) + 2, rect.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            label,
        )
        x += metrics.horizontalAdvance(label) + box * 2


def _paint_counts(painter: QPainter, bar: DepartmentBar, rect: QRectF) -> None:
    """完成 done/led, then 逾期 and 延期 only where there are any, in their colours."""
    parts = [(f"完成 {bar.done}/{bar.led}", TEXT_COLOR)]
    if bar.overdue:
        parts.append((f"逾期 {bar.overdue}", OVERDUE_COLOR))
    if bar.postponed:
        parts.append((f"延期 {bar.postponed}", POSTPONED_COLOR))
    metrics = QFontMetricsF(painter.font())
    x = rect.left()
    for text, color in parts:
        painter.setPen(QPen(color))
        painter.drawText(
            QRectF(x, rect.top(), rect.right() - x, rect.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            text,
        )
        x += metrics.horizontalAdvance(text + "  ")


def department_chart_png(bars: Sequence[DepartmentBar], width_px: int, height_px: int) -> bytes:
    """The chart as PNG bytes, drawn off screen (a QGuiApplication is made if none exists)."""
    if QGuiApplication.instance() is None:
        _keep.append(QGuiApplication(["duban"]))
    image = QImage(width_px, height_px, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        margin = max(4.0, width_px * 0.01)
        paint_department_bars(
            painter, QRectF(margin, margin, width_px - 2 * margin, height_px - 2 * margin), bars
        )
    finally:
        painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def chart_height(bars: Sequence[DepartmentBar], width_px: int) -> int:
    """A height that gives each department a readable row at ``width_px``."""
    row = max(24, min(40, width_px // 40))
    return row * (len(bars) + 1) + 2 * max(4, width_px // 100)


_keep: list[QGuiApplication] = []  # the application made for off-screen drawing lives on

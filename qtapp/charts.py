"""The department chart: per lead department, how much is done and how much is late.

Drawn with QPainter only, so the same picture serves the dashboard (``paint_department_bars``
on a widget) and the 通报 (``department_chart_png``, drawn off screen into a QImage; works
under ``QT_QPA_PLATFORM=offscreen`` and from the command line). One row per department:
its name, a bar as long as the tasks it leads (scaled to the largest department) filled
green for the done ones, and the overdue and postponed counts in red and amber after it.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass, fields

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QGuiApplication, QImage, QPainter, QPen
from sqlite_utils import Database

from db.dashboard import DepartmentBar, department_bars
from db.plan_script import plan_is_traditional
from domain.script import to_traditional

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


@dataclass(frozen=True)
class ChartWords:
    """The chart's words. The defaults are the documents' (always Chinese); the window
    passes its own, through ``tr()``, in the clerk's language."""

    done: str = "已完成"
    open: str = "未完成"
    overdue: str = "逾期"
    postponed: str = "延期"
    counts_done: str = "完成 {done}/{led}"
    counts_overdue: str = "逾期 {n}"
    counts_postponed: str = "延期 {n}"
    nothing: str = "没有牵头处室的任务"


def chart_font(pixel_size: int) -> QFont:
    font = QFont()
    font.setFamilies(CJK_FAMILIES)
    font.setPixelSize(max(8, pixel_size))
    return font


def paint_department_bars(
    painter: QPainter,
    rect: QRectF,
    bars: Sequence[DepartmentBar],
    words: ChartWords | None = None,
) -> None:
    """Draw the bars of ``bars`` into ``rect`` (a legend line, then one row per department)."""
    words = words or ChartWords()
    rect = QRectF(rect)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    rows = max(1, len(bars))
    # rows as tall as the height allows, but no taller than a twentieth of the width
    row_height = min(max(24.0, rect.width() / 20), max(14.0, (rect.height() - 8) / (rows + 1)))
    font = chart_font(int(row_height * 0.55))
    painter.setFont(font)
    metrics = QFontMetricsF(font)
    pad = row_height * 0.25

    legend = ((words.done, DONE_COLOR), (words.open, LED_COLOR),
              (words.overdue, OVERDUE_COLOR), (words.postponed, POSTPONED_COLOR))  # fmt: skip
    _paint_legend(
        painter, QRectF(rect.left(), rect.top(), rect.width(), row_height), metrics, legend
    )
    if not bars:
        painter.setPen(MUTED_COLOR)
        painter.drawText(
            QRectF(rect.left(), rect.top() + row_height, rect.width(), row_height),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            words.nothing,
        )
        painter.restore()
        return

    name_width = min(
        rect.width() * 0.3, max(metrics.horizontalAdvance(b.name) for b in bars) + 2 * pad
    )
    widest = "  ".join(
        (
            words.counts_done.format(done=999, led=999),
            words.counts_overdue.format(n=999),
            words.counts_postponed.format(n=999),
        )
    )
    counts_width = metrics.horizontalAdvance(widest) + pad
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
        place = QRectF(body.right() + pad, top, counts_width, row_height)
        _paint_counts(painter, bar, place, words)
    painter.restore()


def _paint_legend(
    painter: QPainter, rect: QRectF, metrics: QFontMetricsF, legend: Sequence[tuple[str, QColor]]
) -> None:
    x = rect.left() + 4
    box = rect.height() * 0.4
    for label, color in legend:
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


def _paint_counts(painter: QPainter, bar: DepartmentBar, rect: QRectF, words: ChartWords) -> None:
    """完成 done/led, then 逾期 and 延期 only where there are any, in their colours."""
    parts = [(words.counts_done.format(done=bar.done, led=bar.led), TEXT_COLOR)]
    if bar.overdue:
        parts.append((words.counts_overdue.format(n=bar.overdue), OVERDUE_COLOR))
    if bar.postponed:
        parts.append((words.counts_postponed.format(n=bar.postponed), POSTPONED_COLOR))
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


def department_chart_png(
    bars: Sequence[DepartmentBar], width_px: int, height_px: int, words: ChartWords | None = None
) -> bytes:
    """The chart as PNG bytes, drawn off screen (a QGuiApplication is made if none exists)."""
    if QGuiApplication.instance() is None:
        # The command line draws without a window: no display is needed (or wanted).
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _keep.append(QGuiApplication(["duban"]))
    image = QImage(width_px, height_px, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        margin = max(4.0, width_px * 0.01)
        paint_department_bars(
            painter,
            QRectF(margin, margin, width_px - 2 * margin, height_px - 2 * margin),
            bars,
            words,
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
    """A height that gives each department a readable row at ``width_px`` (a 1,200 pixel
    wide chart printed 150 mm wide: 10 pt names)."""
    row = max(24, width_px // 22)
    return row * (len(bars) + 1) + 2 * max(4, width_px // 100)


_keep: list[QGuiApplication] = []  # the application made for off-screen drawing lives on


def report_chart_png(
    bars: Sequence[DepartmentBar], width_px: int = 1200, *, traditional: bool = False
) -> bytes:
    """The chart as the 通报 prints it (``exports.request.ExportRequest.chart_png``), its
    words in the plan's script as the document's are."""
    words = ChartWords()
    if traditional:
        words = ChartWords(*(to_traditional(getattr(words, f.name)) for f in fields(words)))
    return department_chart_png(bars, width_px, chart_height(bars, width_px), words)


def plan_chart_png(
    db: Database, plan_id: int, period_id: int | None, as_of: dt.date | None = None
) -> bytes:
    """The 通报's chart for a plan and period: what ``export report --chart`` and the
    window's export dialog put in ``ExportRequest.chart_png``."""
    bars = department_bars(db, plan_id, period_id, as_of=as_of)
    return report_chart_png(bars, traditional=plan_is_traditional(db, plan_id))

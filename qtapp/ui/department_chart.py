"""The dashboard's department chart: completion and delay per lead department as bars,
drawn by ``qtapp.charts.paint_department_bars`` (the same picture the 通报 carries)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from db.dashboard import DepartmentBar
from qtapp.charts import ChartWords, paint_department_bars

ROW_PX = 24  # a row as high as a table row: the names stay readable


class DepartmentChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("departmentChart")
        self.bars: list[DepartmentBar] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(ROW_PX * 3)

    def set_bars(self, bars: Sequence[DepartmentBar]) -> None:
        self.bars = list(bars)
        self.setToolTip(
            "\n".join(
                self.tr("%1: %2 led, %3 completed, %4 overdue, %5 postponed")
                .replace("%1", b.name)
                .replace("%2", str(b.led))
                .replace("%3", str(b.done))
                .replace("%4", str(b.overdue))
                .replace("%5", str(b.postponed))
                for b in self.bars
            )
        )
        self.setFixedHeight(ROW_PX * (len(self.bars) + 1) + 8)  # every row readable
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(480, ROW_PX * (len(self.bars) + 1) + 8)

    def words(self) -> ChartWords:
        """The chart's words in the window's language."""
        return ChartWords(
            done=self.tr("Completed"),
            open=self.tr("Not completed"),
            overdue=self.tr("Overdue"),
            postponed=self.tr("Postponed"),
            counts_done=self.tr("done {done}/{led}"),
            counts_overdue=self.tr("overdue {n}"),
            counts_postponed=self.tr("postponed {n}"),
            nothing=self.tr("No task has a lead department"),
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        paint_department_bars(
            painter, QRectF(4, 2, self.width() - 8, self.height() - 4), self.bars, self.words()
        )
        painter.end()

"""The Qt binding itself: a release that mishandles None returned from a model would
crash the window after enough repaints, so the suite refuses it."""

from __future__ import annotations

import sys

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt


class _Blank(QAbstractTableModel):
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 1

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 1

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:  # fmt: skip
        return None


def test_returning_none_from_data_keeps_none_alive(qapp) -> None:
    model = _Blank()
    index = model.index(0, 0)
    before = sys.getrefcount(None)
    for _ in range(500):
        index.data()
    # PySide6 6.12.0 loses one reference per call here; then None is freed and Python aborts.
    assert sys.getrefcount(None) >= before - 50

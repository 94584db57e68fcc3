"""Column widths every table shares: fitted to their content until the clerk changes them,
then remembered.

A table shows each column as wide as its longest value (within a cap, so one long name
does not take the width of the text column), the main text column takes what is left,
and the widths follow the content as it changes. Once the clerk drags a column border,
the layout is the clerk's: it is kept (with the order of the columns) and restored the
next time, until "Fit columns to content" in the header's menu gives it back.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QTreeView

from qtapp.ui_settings import UiSettings

DEFAULT_CAP_CHARS = 16  # a column wider than this many characters shows "…" instead


class ColumnLayout(QObject):
    def __init__(
        self,
        view: QTableView | QTreeView,
        key: str,
        settings: UiSettings | None,
        *,
        stretch: int | None = None,
        caps: dict[int, int] | None = None,
    ) -> None:
        super().__init__(view)
        self.view = view
        self.key = f"columns/{key}"
        self.settings = settings
        self.stretch = stretch
        self.caps = caps or {}
        self.header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
        self.header.setStretchLastSection(stretch is None)
        self.header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        if stretch is not None:
            self.header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        self._fitting = False
        self._pending = False
        self.customised = False
        saved = settings.blob(self.key) if settings is not None else None
        if saved is not None and self.header.restoreState(saved):
            self.customised = True
            if stretch is not None:  # the text column always takes the room that is left
                self.header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        self.header.sectionResized.connect(self._resized)
        self.header.sectionMoved.connect(self._moved)
        self.header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.header.customContextMenuRequested.connect(self._menu)
        model = view.model()
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted):
            signal.connect(self.refit)
        model.dataChanged.connect(self.refit)
        view.installEventFilter(self)

    # -- fitting ---------------------------------------------------------------------------

    def refit(self, *_args: object) -> None:
        """Fit again once the current burst of changes is over (not the clerk's layout)."""
        if self.customised or self._pending:
            return
        self._pending = True
        QTimer.singleShot(0, self._refit_now)

    def _refit_now(self) -> None:
        self._pending = False
        if not self.customised:
            self.fit()

    def fit(self) -> None:
        """Each column as wide as its content and its title, within its cap."""
        view, header = self.view, self.header
        em = view.fontMetrics().horizontalAdvance("中")
        self._fitting = True
        try:
            for column in range(header.count()):
                if column == self.stretch or header.isSectionHidden(column):
                    continue
                content = max(view.sizeHintForColumn(column), header.sectionSizeHint(column))
                cap = self.caps.get(column, DEFAULT_CAP_CHARS) * em + 2 * em
                header.resizeSection(column, min(content, cap))
        finally:
            self._fitting = False

    def reset(self) -> None:
        """Forget the clerk's widths: fitted to the content again."""
        self.customised = False
        if self.settings is not None:
            self.settings.remove(self.key)
        self.fit()

    # -- the clerk's changes -----------------------------------------------------------------

    def _resized(self, column: int, _old: int, _new: int) -> None:
        if self._fitting or column == self.stretch:
            return
        if self.stretch is None and column == self.header.logicalIndex(self.header.count() - 1):
            return  # the last column stretching with the table, not the clerk's choice
        self.customised = True
        self.save()

    def _moved(self, *_args: object) -> None:
        self.customised = True  # the clerk's order of the columns is kept too
        self.save()

    def save(self) -> None:
        if self.settings is not None and self.customised:
            self.settings.set_blob(self.key, self.header.saveState())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.Show and not self.customised:
            self.fit()
        return False

    def _menu(self, position: QPoint) -> None:
        """Fit the columns again, or choose which columns to show."""
        menu = QMenu(self.header)
        fit = menu.addAction(self.tr("Fit columns to content"))
        fit.triggered.connect(self.reset)
        menu.addSeparator()
        model = self.view.model()
        for column in range(self.header.count()):
            if column == self.stretch:
                continue
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            shown = menu.addAction(title)
            shown.setCheckable(True)
            shown.setChecked(not self.header.isSectionHidden(column))
            shown.toggled.connect(lambda on, c=column: self.show_column(c, on))
        menu.exec(self.header.mapToGlobal(position))

    def show_column(self, column: int, on: bool) -> None:
        self.header.setSectionHidden(column, not on)
        if on and not self.customised:
            self.fit()
        self.customised = True  # a column hidden or shown is the clerk's layout
        self.save()


def fit_once(view: QAbstractItemView) -> None:
    """For a table whose content is fixed when shown: fit every column now."""
    if isinstance(view, QTableView):
        view.resizeColumnsToContents()
    elif isinstance(view, QTreeView):
        for column in range(view.header().count()):
            view.resizeColumnToContents(column)

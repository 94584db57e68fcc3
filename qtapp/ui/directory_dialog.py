"""The directory: departments (处室) in official order, and leaders in charge (分管领导).

The dialog shows the two tables and forwards the clerk's requests to ``DirectoryActions``,
which asks what it needs through the prompts and makes each change one
``DirectoryCommand`` on the main undo stack, so Ctrl+Z in the main window takes it back.
The dialog reloads whenever the directory changes (also by an undo made while it is open).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db import departments as dept_db
from db import leaders as leader_db
from db.records import Department, Leader
from qtapp.context import AppContext
from qtapp.directory_actions import DirectoryActions
from qtapp.models.directory_models import (
    COL_ALIASES,
    COL_LEADER_DEPARTMENTS,
    COL_LEADER_NAME,
    COL_LEADER_TITLE,
    COL_LEADERS,
    COL_NAME,
    COL_SHORT_NAME,
    DepartmentTableModel,
    LeaderTableModel,
)
from qtapp.ui.columns import ColumnLayout

# Widest a column grows, in characters, before it shows "…" (whole names fit).
DEPARTMENT_CAPS = {COL_NAME: 20, COL_SHORT_NAME: 10, COL_LEADERS: 12}
LEADER_CAPS = {COL_LEADER_NAME: 10, COL_LEADER_TITLE: 12}


def table_view(name: str, model: Any, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
    )
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    return view


class DirectoryDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actions = DirectoryActions(ctx, self)
        self.setObjectName("directoryDialog")
        self.setWindowTitle(self.tr("Departments and leaders"))
        # The window opens it with exec() on itself as parent: free it when closed.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(900, 520)
        self.department_model = DepartmentTableModel(self)
        self.leader_model = LeaderTableModel(self)
        self.buttons: dict[str, QPushButton] = {}
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("directoryTabs")
        self.tabs.addTab(self._departments_tab(), self.tr("Departments"))
        self.tabs.addTab(self._leaders_tab(), self.tr("Leaders"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.setObjectName("directoryButtons")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

        # Sized to the names when first shown and as they change; the clerk's widths kept.
        self.department_columns = ColumnLayout(
            self.department_table, "directoryDepartments", ctx.ui_settings,
            stretch=COL_ALIASES, caps=DEPARTMENT_CAPS,
        )  # fmt: skip
        self.leader_columns = ColumnLayout(
            self.leader_table, "directoryLeaders", ctx.ui_settings,
            stretch=COL_LEADER_DEPARTMENTS, caps=LEADER_CAPS,
        )  # fmt: skip
        self.department_model.edit_requested.connect(self.actions.edit_department)
        self.leader_model.edit_requested.connect(self.actions.edit_leader)
        for table in (self.department_table, self.leader_table):
            table.selectionModel().selectionChanged.connect(self._update_buttons)
            table.installEventFilter(self)
        self.show_retired.toggled.connect(self.reload)
        ctx.directory_changed.connect(self.reload)
        self.reload()

    def _departments_tab(self) -> QWidget:
        tab = QWidget(self)
        tab.setObjectName("departmentsTab")
        self.department_table = table_view("departmentTable", self.department_model, tab)
        self.show_retired = QCheckBox(self.tr("Show retired"), tab)
        self.show_retired.setObjectName("showRetiredCheck")
        hint = QLabel(self.tr("Double-click a name, short name or aliases to change them; "
                              "separate aliases with 、."), tab)  # fmt: skip
        hint.setWordWrap(True)
        left = QVBoxLayout()
        left.addWidget(self.department_table, 1)
        left.addWidget(hint)
        left.addWidget(self.show_retired)
        layout = QHBoxLayout(tab)
        layout.addLayout(left, 1)
        layout.addLayout(self._side(tab, [
            ("addDepartmentButton", self.tr("Add…"), self.add_department),
            ("pasteDepartmentsButton", self.tr("Paste a list…"), self.paste_department_list),
            ("moveUpButton", self.tr("Move up"), lambda: self.move_department(-1)),
            ("moveDownButton", self.tr("Move down"), lambda: self.move_department(1)),
            ("retireButton", self.tr("Retire"), self.toggle_department_retired),
            ("mergeButton", self.tr("Merge into…"), self.merge_department),
        ]))  # fmt: skip
        self.buttons["moveUpButton"].setToolTip(self.tr("Earlier in the official order (Ctrl+Up)"))
        self.buttons["moveDownButton"].setToolTip(
            self.tr("Later in the official order (Ctrl+Down)")
        )
        return tab

    def _leaders_tab(self) -> QWidget:
        tab = QWidget(self)
        tab.setObjectName("leadersTab")
        self.leader_table = table_view("leaderTable", self.leader_model, tab)
        hint = QLabel(self.tr("Double-click a name or a title to change it."), tab)
        hint.setObjectName("leaderHint")
        hint.setWordWrap(True)
        left = QVBoxLayout()
        left.addWidget(self.leader_table, 1)
        left.addWidget(hint)
        layout = QHBoxLayout(tab)
        layout.addLayout(left, 1)
        layout.addLayout(self._side(tab, [
            ("addLeaderButton", self.tr("Add…"), self.add_leader),
            ("pasteLeadersButton", self.tr("Paste a list…"), self.paste_leader_list),
            ("leaderDepartmentsButton", self.tr("Departments…"), self.edit_leader_departments),
            ("leaderUpButton", self.tr("Move up"), lambda: self.move_leader(-1)),
            ("leaderDownButton", self.tr("Move down"), lambda: self.move_leader(1)),
            ("retireLeaderButton", self.tr("Retire"), self.toggle_leader_retired),
        ]))  # fmt: skip
        return tab

    def _side(
        self, tab: QWidget, specs: list[tuple[str, str, Callable[[], object]]]
    ) -> QVBoxLayout:
        """A column of buttons, kept in ``self.buttons`` by objectName."""
        side = QVBoxLayout()
        for name, text, slot in specs:
            button = QPushButton(text, tab)
            button.setObjectName(name)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            self.buttons[name] = button
            side.addWidget(button)
        side.addStretch(1)
        return side

    # -- state ------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the directory again, keeping each table's selected row where possible."""
        kept = [self._selection(t) for t in (self.department_table, self.leader_table)]
        departments = dept_db.list_departments(self.ctx.db, include_retired=True)
        leaders = leader_db.list_leaders(self.ctx.db, include_retired=True)
        self.department_model.load(departments, leaders, show_retired=self.show_retired.isChecked())
        self.leader_model.load(leaders, departments)
        pairs = (
            (self.department_table, self.department_model),
            (self.leader_table, self.leader_model),
        )
        for (table, model), (record_id, row) in zip(pairs, kept, strict=True):
            found = model.row_of(record_id) if record_id is not None else None
            if found is None and row is not None and model.rowCount():
                found = min(row, model.rowCount() - 1)
            if found is not None:
                self._select_row(table, found)
        self._update_buttons()

    @staticmethod
    def _selection(table: QTableView) -> tuple[int | None, int | None]:
        rows = table.selectionModel().selectedRows()
        if not rows:
            return None, None
        return rows[0].data(DepartmentTableModel.IdRole), rows[0].row()

    @staticmethod
    def _select_row(table: QTableView, row: int) -> None:
        index = table.model().index(row, 0)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        table.selectionModel().setCurrentIndex(index, flags)
        table.scrollTo(index)

    def selected_department(self) -> Department | None:
        rows = self.department_table.selectionModel().selectedRows()
        return rows[0].data(DepartmentTableModel.RecordRole) if rows else None

    def selected_leader(self) -> Leader | None:
        rows = self.leader_table.selectionModel().selectedRows()
        return rows[0].data(LeaderTableModel.RecordRole) if rows else None

    def select_department(self, department_id: int | None) -> None:
        row = self.department_model.row_of(department_id) if department_id is not None else None
        if row is not None:
            self._select_row(self.department_table, row)

    def select_leader(self, leader_id: int | None) -> None:
        row = self.leader_model.row_of(leader_id) if leader_id is not None else None
        if row is not None:
            self.tabs.setCurrentIndex(1)
            self._select_row(self.leader_table, row)

    def _update_buttons(self, *_args: object) -> None:
        b = self.buttons
        dept = self.selected_department()
        row = self.department_model.row_of(dept.id) if dept else None
        b["moveUpButton"].setEnabled(row is not None and row > 0)
        b["moveDownButton"].setEnabled(
            row is not None and row < self.department_model.rowCount() - 1
        )
        b["retireButton"].setEnabled(dept is not None and dept.merged_into_id is None)
        b["retireButton"].setText(
            self.tr("Reactivate") if dept and not dept.active else self.tr("Retire")
        )
        others = [d for d in self.department_model.records() if d.active and d != dept]
        b["mergeButton"].setEnabled(dept is not None and dept.active and bool(others))
        leader = self.selected_leader()
        row = self.leader_model.row_of(leader.id) if leader else None
        b["leaderDepartmentsButton"].setEnabled(leader is not None)
        b["leaderUpButton"].setEnabled(row is not None and row > 0)
        b["leaderDownButton"].setEnabled(row is not None and row < self.leader_model.rowCount() - 1)
        b["retireLeaderButton"].setEnabled(leader is not None)
        b["retireLeaderButton"].setText(
            self.tr("Reactivate") if leader and not leader.active else self.tr("Retire")
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+Up / Ctrl+Down in a table move the selected row."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
            step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}.get(Qt.Key(event.key()))
            if ctrl and step is not None:
                if watched is self.department_table:
                    self.move_department(step)
                    return True
                if watched is self.leader_table:
                    self.move_leader(step)
                    return True
        return super().eventFilter(watched, event)

    # -- the clerk's requests, forwarded with the selection ------------------------------

    def add_department(self) -> int | None:
        added = self.actions.add_department()
        self.select_department(added)
        return added

    def paste_department_list(self) -> list[int]:
        added = self.actions.paste_departments()
        self.select_department(added[0] if added else None)
        return added

    def move_department(self, step: int) -> bool:
        dept = self.selected_department()
        shown = [d.id for d in self.department_model.records()]
        return dept is not None and self.actions.move_department(dept.id, step, shown)

    def toggle_department_retired(self) -> bool:
        dept = self.selected_department()
        return dept is not None and self.actions.toggle_department_retired(dept)

    def merge_department(self) -> bool:
        source = self.selected_department()
        target = self.actions.merge_department(source) if source is not None else None
        self.select_department(target)
        return target is not None

    def add_leader(self) -> int | None:
        added = self.actions.add_leader()
        self.select_leader(added)
        return added

    def paste_leader_list(self) -> list[int]:
        added = self.actions.paste_leaders()
        self.select_leader(added[0] if added else None)
        return added

    def edit_leader_departments(self) -> bool:
        leader = self.selected_leader()
        return leader is not None and self.actions.edit_leader_departments(leader)

    def move_leader(self, step: int) -> bool:
        leader = self.selected_leader()
        shown = [x.id for x in self.leader_model.records()]
        return leader is not None and self.actions.move_leader(leader.id, step, shown)

    def toggle_leader_retired(self) -> bool:
        leader = self.selected_leader()
        return leader is not None and self.actions.toggle_leader_retired(leader)

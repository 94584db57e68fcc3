"""The directory: departments (处室) in official order, and leaders in charge (分管领导).

Every change is one ``DirectoryCommand`` on the main undo stack, so Ctrl+Z in the main
window takes it back, and the dialog reloads whenever the directory changes (also by an
undo made while it is open). Questions go through ``ask_*`` methods that tests replace.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from db import departments as dept_db
from db import leaders as leader_db
from db.errors import NotFound
from db.records import Department, Leader
from qtapp.commands import DirectoryCommand
from qtapp.context import AppContext
from qtapp.models.directory_models import (
    COL_ALIASES,
    COL_NAME,
    COL_SHORT_NAME,
    DepartmentTableModel,
    LeaderTableModel,
)
from qtapp.ui.directory_questions import (
    ask_department_checklist,
    ask_pasted_names,
    fill,
    split_names,
    table_view,
)


class DirectoryDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("directoryDialog")
        self.setWindowTitle(self.tr("Departments and leaders"))
        # The window opens it with exec() on itself as parent: free it when closed.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(860, 500)
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

        self.department_model.edit_requested.connect(self._department_edit_requested)
        self.leader_model.edit_requested.connect(self._leader_edit_requested)
        for table in (self.department_table, self.leader_table):
            table.selectionModel().selectionChanged.connect(self._update_buttons)
            table.installEventFilter(self)
        self.show_retired.toggled.connect(self.reload)
        ctx.directory_changed.connect(self.reload)
        self.reload()
        for table in (self.department_table, self.leader_table):
            table.resizeColumnsToContents()

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
        layout = QHBoxLayout(tab)
        layout.addWidget(self.leader_table, 1)
        layout.addLayout(self._side(tab, [
            ("addLeaderButton", self.tr("Add…"), self.add_leader),
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

    # -- questions (tests replace these) ----------------------------------------------------

    def ask_text(self, title: str, label: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, label)
        return text if ok else None

    def ask_choice(self, title: str, label: str, items: Sequence[str]) -> int | None:
        item, ok = QInputDialog.getItem(self, title, label, list(items), 0, False)
        return list(items).index(item) if ok and item in items else None

    def ask_department_list(self) -> str | None:
        """The pasted list of names, or None when cancelled."""
        return ask_pasted_names(self)

    def ask_departments(self, current_ids: Sequence[int]) -> list[int] | None:
        """The departments a leader supervises, chosen from a checklist; None: cancelled."""
        departments = dept_db.list_departments(self.ctx.db, include_retired=True)
        return ask_department_checklist(self, departments, current_ids)

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

    def select_department(self, department_id: int) -> None:
        self._select_id(self.department_table, self.department_model.row_of(department_id))

    def select_leader(self, leader_id: int) -> None:
        self._select_id(self.leader_table, self.leader_model.row_of(leader_id))

    def _select_id(self, table: QTableView, row: int | None) -> None:
        if row is not None:
            self._select_row(table, row)

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

    # -- changes: each one command ----------------------------------------------------------

    def _execute(
        self, text: str, operation: Callable[[Database], object], department_ids: Sequence[int] = ()
    ) -> bool:
        command = DirectoryCommand(self.ctx, text, operation, department_ids=department_ids)
        return self.ctx.execute(command)

    def _department_edit_requested(self, department_id: int, column: int, text: str) -> None:
        try:
            dept = dept_db.get_department(self.ctx.db, department_id)
        except NotFound:  # gone meanwhile (an undo): the reload has closed the row
            return
        value = " ".join(text.split())
        if column == COL_NAME and value != dept.name:
            self._execute(
                self.tr("Rename department"),
                lambda db: dept_db.rename_department(db, department_id, value),
            )
        elif column == COL_SHORT_NAME and value != dept.short_name:
            self._execute(
                self.tr("Change short name"),
                lambda db: dept_db.set_short_name(db, department_id, value),
            )
        elif column == COL_ALIASES:
            self.set_aliases(department_id, split_names(text, fold=False))

    def set_aliases(self, department_id: int, aliases: Sequence[str]) -> bool:
        """Make the aliases exactly ``aliases`` (removed and added ones in one command)."""
        old = dept_db.get_department(self.ctx.db, department_id).aliases
        removed = [a for a in old if a not in aliases]
        added = [a for a in aliases if a not in old]
        if not removed and not added:
            return False

        def operation(db: Database) -> None:
            for alias in removed:
                dept_db.remove_alias(db, department_id, alias)
            for alias in added:
                dept_db.add_alias(db, department_id, alias)

        return self._execute(self.tr("Change aliases"), operation)

    def add_department(self) -> int | None:
        name = self.ask_text(self.tr("Add department"), self.tr("Name of the department:"))
        if not name or not name.strip():
            return None
        added: list[Department] = []
        if not self._execute(
            self.tr("Add department"), lambda db: added.append(dept_db.add_department(db, name))
        ):
            return None
        self.select_department(added[0].id)
        return added[0].id

    def paste_department_list(self) -> list[int]:
        text = self.ask_department_list()
        return self.paste_departments(text) if text else []

    def paste_departments(self, text: str) -> list[int]:
        """Add every new name in ``text`` in order, as one command; the ids added."""
        names = split_names(text)
        new = [
            n
            for n in names
            if dept_db.find_department(self.ctx.db, n, include_retired=True) is None
        ]
        if not new:
            if names:
                self.ctx.prompts.show_info(
                    self.tr("Paste departments"),
                    self.tr("All these departments are already listed."),
                )
            return []
        added: list[Department] = []
        if not self._execute(
            self.tr("Add %n department(s)", "", len(new)),
            lambda db: added.extend(dept_db.add_departments(db, new)),
        ):
            return []
        if added:
            self.select_department(added[0].id)
        return [d.id for d in added]

    def _move(self, step: int, model: Any, everything: list[int]) -> list[int] | None:
        """The order with the selected row swapped with the next one shown above or below it
        (rows hidden in between keep their turn), or None when it cannot move."""
        table = self.department_table if model is self.department_model else self.leader_table
        rows = table.selectionModel().selectedRows()
        shown = [r.id for r in model.records()]
        if not rows or not 0 <= rows[0].row() + step < len(shown):
            return None
        item, neighbour = shown[rows[0].row()], shown[rows[0].row() + step]
        order = [i for i in everything if i != item]
        order.insert(order.index(neighbour) + (step > 0), item)
        return order

    def move_department(self, step: int) -> bool:
        everything = [d.id for d in dept_db.list_departments(self.ctx.db, include_retired=True)]
        order = self._move(step, self.department_model, everything)
        return order is not None and self._execute(
            self.tr("Move department"), lambda db: dept_db.reorder_departments(db, order)
        )

    def toggle_department_retired(self) -> bool:
        dept = self.selected_department()
        if dept is None or dept.merged_into_id is not None:  # a merge is taken back by undo
            return False
        text = self.tr("Retire department") if dept.active else self.tr("Reactivate department")
        return self._execute(
            text, lambda db: dept_db.set_department_active(db, dept.id, not dept.active)
        )

    def merge_department(self) -> bool:
        """Merge the selected department into another active one, after a confirmation."""
        source = self.selected_department()
        if source is None or not source.active:
            return False
        targets = [d for d in dept_db.list_departments(self.ctx.db) if d.id != source.id]
        if not targets:
            return False
        choice = self.ask_choice(
            self.tr("Merge department"),
            fill(self.tr("Merge “%1” into:"), source.name),
            [d.name for d in targets],
        )
        if choice is None or not 0 <= choice < len(targets):
            return False
        target = targets[choice]
        question = fill(
            self.tr(
                "Merge “%1” into “%2”?\n\nThe tasks assigned to “%1” and its leader move to "
                "“%2”, and “%1” becomes another name (alias) of “%2”, so plans that still "
                "use it keep matching. Undo takes the merge back."
            ),
            source.name,
            target.name,
        )
        if not self.ctx.prompts.confirm(self.tr("Merge departments"), question, destructive=True):
            return False
        done = self._execute(
            fill(self.tr("Merge %1 into %2"), source.name, target.name),
            lambda db: dept_db.merge_departments(db, source.id, target.id),
            department_ids=[source.id, target.id],
        )
        if done:
            self.select_department(target.id)
        return done

    def _leader_edit_requested(self, leader_id: int, column: int, text: str) -> None:
        self._execute(
            self.tr("Rename leader"), lambda db: leader_db.rename_leader(db, leader_id, text)
        )

    def add_leader(self) -> int | None:
        """Ask for a name, then a title (may be empty); None when cancelled or refused."""
        name = self.ask_text(self.tr("Add leader"), self.tr("Name of the leader:"))
        if not name or not name.strip():
            return None
        title = self.ask_text(self.tr("Add leader"), self.tr("Title, e.g. 副局长 (may be empty):"))
        if title is None:
            return None
        added: list[Leader] = []
        if not self._execute(
            self.tr("Add leader"),
            lambda db: added.append(leader_db.add_leader(db, name, title=title)),
        ):
            return None
        self.tabs.setCurrentIndex(1)
        self.select_leader(added[0].id)
        return added[0].id

    def edit_leader_departments(self) -> bool:
        leader = self.selected_leader()
        if leader is None:
            return False
        chosen = self.ask_departments(list(leader.department_ids))
        if chosen is None or sorted(set(chosen)) == sorted(leader.department_ids):
            return False
        ids = list(dict.fromkeys(chosen))
        return self._execute(
            fill(self.tr("Change departments supervised by %1"), leader.name),
            lambda db: leader_db.set_leader_departments(db, leader.id, ids),
        )

    def move_leader(self, step: int) -> bool:
        order = self._move(step, self.leader_model, [x.id for x in self.leader_model.records()])
        return order is not None and self._execute(
            self.tr("Move leader"), lambda db: leader_db.reorder_leaders(db, order)
        )

    def toggle_leader_retired(self) -> bool:
        leader = self.selected_leader()
        if leader is None:
            return False
        text = self.tr("Retire leader") if leader.active else self.tr("Reactivate leader")
        return self._execute(
            text, lambda db: leader_db.set_leader_active(db, leader.id, not leader.active)
        )

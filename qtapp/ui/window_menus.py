"""The main window's menus and toolbar: every command with its name, shortcut and icon.

Kept apart from the main window, which composes the panels; the actions call the
window's intent-level slots and the file commands of ``WindowFiles``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar, QToolButton

from qtapp.i18n import CHINESE, ENGLISH
from qtapp.icons import icon

if TYPE_CHECKING:
    from qtapp.ui.main_window import MainWindow


class WindowMenus(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.actions: dict[str, QAction] = {}

    def action(
        self,
        name: str,
        text: str,
        slot: object,
        shortcut: str | QKeySequence | None = None,
        menu: QMenu | None = None,
    ) -> QAction:
        w = self.window
        action = QAction(text, w)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        w.addAction(action)
        if menu is not None:
            menu.addAction(action)
        self.actions[name] = action
        return action

    def build(self) -> None:
        w = self.window
        bar = w.menuBar()
        file = bar.addMenu(self.tr("&File"))
        self.action(
            "newDatabaseAction",
            self.tr("&New database…"),
            w.files.new_database,
            QKeySequence.StandardKey.New,
            file,
        )
        self.action(
            "openAction",
            self.tr("&Open database…"),
            w.files.open_database,
            QKeySequence.StandardKey.Open,
            file,
        )
        w.recent_menu = file.addMenu(self.tr("Open &recent"))
        w.recent_menu.setObjectName("recentMenu")
        w.recent_menu.aboutToShow.connect(lambda: w.files.fill_recent(w.recent_menu))
        w.edit_again = self.action(
            "openForEditingAction",
            self.tr("Open for &editing"),
            lambda _checked=False: w.ctx.try_write(),
            None,
            file,
        )
        self.action(
            "restoreAction",
            self.tr("Restore from &backup…"),
            w.files.open_restore,
            None,
            file,
        )
        # Copying is reading: also there when the file is read-only (then it is the way on).
        self.action("saveCopyAction", self.tr("Save a &copy…"), w.files.save_copy, None, file)
        file.addSeparator()
        self.action("importAction", self.tr("&Import a plan…"), w.files.import_plan, "Ctrl+I", file)
        self.action(
            "simplifyPlanAction",
            self.tr("Convert plan to &Simplified characters"),
            w.files.simplify_plan,
            None,
            file,
        )
        self.action(
            "removePlanAction", self.tr("&Remove this plan…"), w.files.remove_plan, None, file
        )
        file.addSeparator()
        self.action("quitAction", self.tr("&Quit"), w.close, QKeySequence.StandardKey.Quit, file)

        edit = bar.addMenu(self.tr("&Edit"))
        undo = w.ctx.undo_stack.createUndoAction(w, self.tr("Undo"))
        undo.setObjectName("undoAction")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = w.ctx.undo_stack.createRedoAction(w, self.tr("Redo"))
        redo.setObjectName("redoAction")
        redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        edit.addActions([undo, redo])
        self.actions.update(undoAction=undo, redoAction=redo)
        edit.addSeparator()
        self.action("editTaskAction", self.tr("&Edit task text"), w._edit_in_table, "F2", edit)
        self.action(
            "splitAction", self.tr("&Split task at cursor"), w._split_at_cursor, "Ctrl+K", edit
        )
        self.action("mergeAction", self.tr("&Merge with next task"), w._merge, "Ctrl+M", edit)
        self.action(
            "addTaskAction",
            self.tr("&Add a task after this one…"),
            w._add_task,
            "Ctrl+Shift+N",
            edit,
        )
        self.action(
            "deleteTaskAction",
            self.tr("&Delete tasks"),
            w._delete,
            QKeySequence.StandardKey.Delete,
            edit,
        )
        self.action(
            "moveUpAction", self.tr("Move task &up"), lambda: w._move(-1), "Ctrl+Shift+Up", edit
        )
        self.action(
            "moveDownAction",
            self.tr("Move task do&wn"),
            lambda: w._move(1),
            "Ctrl+Shift+Down",
            edit,
        )
        edit.addSeparator()
        self.action(
            "findAction",
            self.tr("&Find tasks"),
            w._focus_filter,
            QKeySequence.StandardKey.Find,
            edit,
        )

        assign = bar.addMenu(self.tr("&Assign"))
        self.action("assignAction", self.tr("&Assign…"), w._focus_assign, "Ctrl+L", assign)
        self.action(
            "takeSuggestionAction",
            self.tr("&Take suggestions"),
            w.detail.take_suggestions,
            "Alt+S",
            assign,
        )
        self.action(
            "acceptAllSuggestionsAction",
            self.tr("Accept &all suggestions in this item or section"),
            w._accept_all_suggestions,
            "Ctrl+Shift+A",
            assign,
        )
        assign.addSeparator()
        self.action(
            "directoryAction",
            self.tr("&Departments and leaders…"),
            w.files.open_directory,
            "Ctrl+D",
            assign,
        )

        export = bar.addMenu(self.tr("E&xport"))
        self.export_menu = export
        for name, text, kind, keys in (
            (
                "exportDecompositionAction",
                self.tr("Task &decomposition table…"),
                "decomposition",
                "Ctrl+E",
            ),
            ("exportReportAction", self.tr("&Progress report…"), "report", None),
            ("exportFeedbackAction", self.tr("&Feedback forms…"), "feedback-forms", None),
            ("exportRemindersAction", self.tr("&Reminder notices…"), "reminders", None),
        ):
            self.action(name, text, lambda _c=False, k=kind: w.files.open_export(k), keys, export)
        export.addSeparator()
        self.action(
            "settingsAction", self.tr("Office &settings…"), w.files.open_settings, None, export
        )

        self._build_supervise(bar.addMenu(self.tr("&Supervise")))

        progress = bar.addMenu(self.tr("&Progress"))
        self.action(
            "periodsAction", self.tr("Reporting &periods…"), w.files.open_periods, None, progress
        )
        self.action(
            "readbackAction",
            self.tr("&Read back feedback forms…"),
            w.files.open_readback,
            "Ctrl+R",
            progress,
        )
        self.action("dashboardAction", self.tr("&Dashboard"), w.show_dashboard, "Ctrl+2", progress)
        self.action("tasksViewAction", self.tr("&Tasks"), w.show_task_table, "Ctrl+1", progress)
        progress.addSeparator()
        self.action(
            "carryOverAction",
            self.tr("&Carry over unfinished tasks…"),
            w.files.carry_over,
            None,
            progress,
        )

        view = bar.addMenu(self.tr("&View"))
        wrap = self.action(
            "wrapTextAction", self.tr("Show &whole task texts"), w.set_wrapped, "Ctrl+Shift+W", view
        )
        wrap.setCheckable(True)
        wrap.setToolTip(self.tr("Show every task's whole text over several lines"))
        self.action(
            "toolbarAction",
            self.tr("&Toolbar"),
            lambda on: self.toolbar.setVisible(on),
            None,
            view,
        ).setCheckable(True)
        self.action("asOfAction", self.tr("Judge lights &as of…"), w.choose_as_of, None, view)
        view.addSeparator()
        language = view.addMenu(self.tr("&Language"))
        language.setObjectName("languageMenu")
        for code, name in (
            ("auto", self.tr("Automatic")),
            (CHINESE, "简体中文"),
            (ENGLISH, "English"),
        ):
            action = language.addAction(name)
            action.setCheckable(True)
            action.setChecked(w.ctx.ui_settings.language() == code)
            action.setObjectName(f"language_{code}")
            action.triggered.connect(
                lambda _checked=False, c=code: w.files.set_language(c, language)
            )
        help_menu = bar.addMenu(self.tr("&Help"))
        self.action("aboutAction", self.tr("&About Duban"), w.files.about, None, help_menu)
        self._build_toolbar()

    def _build_supervise(self, menu: QMenu) -> None:
        """督办: ledgers of items, and 重点督办, 延期 and 领导批示 on the tasks selected."""
        s = self.window.supervise
        menu.setObjectName("superviseMenu")
        self.action("newLedgerAction", self.tr("&New supervision ledger…"), s.new_ledger, None,
                    menu)  # fmt: skip
        self.action(
            "addLedgerItemAction", self.tr("&Add a supervision item…"), s.add_ledger_item, None,
            menu,
        )  # fmt: skip
        menu.addSeparator()
        self.action(
            "focusAction", self.tr("Mark for &key supervision"), s.toggle_focus, "Ctrl+B", menu
        ).setToolTip(self.tr("Mark the selected tasks for key supervision, or unmark them"))
        self.action("postponeAction", self.tr("&Postpone…"), s.postpone, None, menu)
        self.action(
            "instructionAction", self.tr("Add leader's &instruction…"), s.add_instruction, None,
            menu,
        )  # fmt: skip
        menu.addSeparator()
        self.action(
            "exportConfirmationsAction", self.tr("&Export confirmation forms…"),
            s.export_confirmations, None, menu,
        )  # fmt: skip
        self.action(
            "readConfirmationsAction", self.tr("Read &back confirmation forms…"),
            lambda _c=False: s.read_confirmations(), None, menu,
        )  # fmt: skip
        self.action(
            "readConfirmationFolderAction", self.tr("Read back a &folder of confirmation forms…"),
            lambda _c=False: s.read_confirmations(folder=True), None, menu,
        )  # fmt: skip
        self.action(
            "reviewConfirmationsAction", self.tr("&Review the departments' confirmations…"),
            lambda _c=False: s.review_confirmations(), None, menu,
        )  # fmt: skip

    def _build_toolbar(self) -> None:
        """The main actions at one click, each with an icon and its name beside it."""
        w = self.window
        bar = QToolBar(self.tr("Main actions"), w)
        bar.setObjectName("mainToolBar")
        bar.setMovable(False)
        bar.setIconSize(QSize(20, 20))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        w.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.toolbar = bar
        export = QAction(icon("export"), self.tr("Export"), w)
        export.setObjectName("exportToolAction")
        export.setMenu(self.export_menu)
        export.triggered.connect(lambda _c=False: w.files.open_export("decomposition"))
        for name, icon_name, text in (
            ("importAction", "import", self.tr("Import")),
            ("assignAction", "assign", self.tr("Assign")),
            (None, None, None),
            ("exportToolAction", "export", None),
            ("readbackAction", "readback", self.tr("Read back")),
            ("dashboardAction", "dashboard", self.tr("Dashboard")),
            (None, None, None),
            ("undoAction", "undo", self.tr("Undo")),
            ("redoAction", "redo", self.tr("Redo")),
            (None, None, None),
            ("wrapTextAction", "wrap", self.tr("Whole texts")),
        ):
            if name is None:
                bar.addSeparator()
                continue
            action = export if name == "exportToolAction" else self.actions[name]
            action.setIcon(icon(str(icon_name)))
            if text:
                action.setIconText(text)
            bar.addAction(action)
        button = bar.widgetForAction(export)
        if isinstance(button, QToolButton):
            button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.actions["toolbarAction"].setChecked(True)

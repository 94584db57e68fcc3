"""Starting the window: the application object, the database, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMainWindow, QTreeView

from db.audit import set_audit_context
from db.connection import open_database
from db.plans import list_plans
from qtapp.models.outline_model import OutlineModel


def build_window(db_path: str | Path) -> QMainWindow:
    """The window on a database: for now the outline of every imported plan."""
    db = open_database(db_path)
    set_audit_context(db, "window")
    window = QMainWindow()
    window.setWindowTitle(f"Duban — {Path(db_path).name}")
    tree = QTreeView(window)
    tree.setObjectName("outlineTree")
    model = OutlineModel(tree)
    model.load(db, list_plans(db))
    tree.setModel(model)
    tree.expandToDepth(1)
    window.setCentralWidget(tree)
    window.resize(1000, 700)
    window.destroyed.connect(db.close)
    return window


def run_app(db_path: str | Path, *, lang: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    window = build_window(db_path)
    window.show()
    return app.exec()

"""Each figure of the benchmark, measured at one scale against its baseline.

Every function takes a :class:`Scale` (a database built by ``bench.synthetic``, copied into
a work folder) and returns :class:`~bench.timing.Figure` objects. The window's parts run on
the offscreen Qt platform, as in the tests.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import documents
from bench.timing import Figure, median_seconds


@dataclass
class Scale:
    tasks: int
    db_path: Path  # the work copy
    plan_file: Path  # the synthetic plan text of the first plan
    work: Path
    repeat: int
    plan_id: int = 1
    entries: int = 0

    @property
    def label(self) -> str:
        text = f"{self.tasks:,} tasks"
        return text + (f" / {self.entries:,} entries" if self.entries >= 100_000 else "")


def _met(value: float, limit: float) -> bool:
    return value <= limit


# -- parse and import ----------------------------------------------------------------------


def parse_and_import(scale: Scale) -> list[Figure]:
    from db.connection import open_database
    from db.imports import import_plan
    from domain.parser import parse_lines
    from domain.textsource import read_plan_file

    path = scale.plan_file
    parse = median_seconds(lambda: parse_lines(read_plan_file(path).lines), repeat=scale.repeat)
    read = median_seconds(
        lambda: path.read_bytes().decode("utf-8").splitlines(), repeat=scale.repeat
    )
    texts = [t.text for t in parse_lines(read_plan_file(path).lines).tasks()]
    made: list[Path] = []

    def fresh() -> None:  # every import goes into a new file
        made.append(scale.work / f"import-{len(made)}.sqlite3")

    def do_import() -> None:
        db = open_database(made[-1])
        try:
            import_plan(db, path)
        finally:
            db.close()

    def raw_insert() -> None:
        conn = sqlite3.connect(made[-1])
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("CREATE TABLE tasks (id INTEGER PRIMARY KEY, text TEXT)")
        with conn:
            conn.executemany("INSERT INTO tasks (text) VALUES (?)", [(t,) for t in texts])
        conn.close()

    stored = median_seconds(do_import, repeat=scale.repeat, setup=fresh)
    floor = median_seconds(raw_insert, repeat=scale.repeat, setup=fresh)
    return [
        Figure("parse a plan", scale.label, parse, read, "read + decode + split lines"),
        Figure("import a plan", scale.label, stored, floor, "bare INSERT of the task texts"),
    ]


# -- start-up ------------------------------------------------------------------------------


def startup(scale: Scale) -> list[Figure]:
    from bench.startup import BUNDLE_FOLDER, startup_seconds

    seconds = startup_seconds(scale.db_path, scale.repeat)
    bare = seconds["bare"]
    office = scale.tasks <= 5_000  # the target is for an office's plan, not the stress scale
    figures = [
        Figure(
            "start-up to a filled table",
            scale.label,
            seconds["app"],
            bare,
            "bare PySide6 window",
            "ratio ≤ 2" if office else "",
            (seconds["app"] / bare <= 2) if office else None,
        )
    ]
    if "bundle" in seconds:
        figures.append(
            Figure("start-up, bundled program", scale.label, seconds["bundle"], bare,
                   "bare PySide6 window", note="dist/duban, built by tools/build_bundle.py")
        )  # fmt: skip
    else:
        print(
            f"  no bundled program in {BUNDLE_FOLDER} (python tools/build_bundle.py): "
            "its start-up is not measured",
            file=sys.stderr,
        )
    return figures


# -- the desk ------------------------------------------------------------------------------


def _qt() -> Any:
    from qtapp.app import application

    return application()


def _context(scale: Scale) -> Any:
    from PySide6.QtCore import QSettings

    from qtapp.context import AppContext
    from qtapp.prompts import ScriptedPrompts
    from qtapp.ui_settings import UiSettings

    settings = UiSettings(QSettings(str(scale.work / "ui.ini"), QSettings.Format.IniFormat))
    return AppContext(scale.db_path, ScriptedPrompts(), settings)


def _wait(signal: Any, condition: Any, timeout_ms: int = 120_000) -> None:
    """Run the event loop until ``condition()`` holds, waking on ``signal`` (no busy loop:
    a spinning loop would take the interpreter from the worker thread it waits for)."""
    from PySide6.QtCore import QEventLoop, QTimer

    if condition():
        return
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    while not condition():
        loop.exec()
    signal.disconnect(loop.quit)


def _bare_table(rows: list[tuple]) -> tuple[Any, Any, Any]:
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
    from PySide6.QtWidgets import QTableView

    class Bare(QAbstractTableModel):
        def __init__(self) -> None:
            super().__init__()
            self.rows: list[tuple] = []

        def set_rows(self, rows: list[tuple]) -> None:
            self.beginResetModel()
            self.rows = rows
            self.endResetModel()

        def rowCount(self, parent: Any = QModelIndex()) -> int:
            return 0 if parent.isValid() else len(self.rows)

        def columnCount(self, parent: Any = QModelIndex()) -> int:
            return 0 if parent.isValid() else 2

        def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.rows[index.row()][index.column()]
            return None

    model = Bare()
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setFilterKeyColumn(1)
    view = QTableView()
    view.setModel(proxy)
    view.resize(1000, 700)
    view.show()
    return model, proxy, view


def desk(scale: Scale, *, assign: bool = True) -> list[Figure]:
    """Opening the plan in the table, a filter keystroke, and (``assign``) bulk-assigning
    500 tasks and undoing it — through the window's own panel, models and commands."""
    from db.departments import list_departments
    from qtapp.models.task_filter_proxy import TaskFilterSpec
    from qtapp.task_actions import TaskActions
    from qtapp.ui.task_panel import TaskPanel

    app = _qt()
    ctx = _context(scale)
    panel = TaskPanel(ctx)
    panel.resize(1100, 800)
    panel.show()
    figures = []
    try:
        rows = ctx.db.execute(
            "SELECT id, text FROM tasks WHERE plan_id = ? ORDER BY id", [scale.plan_id]
        ).fetchall()

        def open_plan() -> None:
            panel.show_scope(-1, None, "")
            _wait(panel.loaded, lambda: panel.model.rowCount() == 0)
            panel.show_scope(scale.plan_id, None, "plan")
            _wait(panel.loaded, lambda: panel.model.rowCount() == len(rows))
            app.processEvents()  # painted

        model, proxy, view = _bare_table([])

        def bare_fill() -> None:
            fetched = (
                sqlite3.connect(scale.db_path)
                .execute(
                    "SELECT id, text FROM tasks WHERE plan_id = ? ORDER BY id", [scale.plan_id]
                )
                .fetchall()
            )
            model.set_rows(fetched)
            app.processEvents()

        fill = median_seconds(open_plan, repeat=scale.repeat)
        base = median_seconds(bare_fill, repeat=scale.repeat)
        big = scale.tasks >= 50_000
        figures.append(Figure(
            "table: open a plan (load + fill)", scale.label, fill, base,
            "plain SQL into a bare model", "≤ 1 s at 10,000 tasks" if scale.tasks == 10_000
            else "", _met(fill, 1.0) if scale.tasks == 10_000 else None,
        ))  # fmt: skip

        keys = iter(["学习", "教育", "推进", "学校", "改革", "安全", "质量", "建设"] * 10)

        def keystroke() -> None:
            panel.proxy.set_spec(TaskFilterSpec(text=next(keys)))
            app.processEvents()

        def bare_keystroke() -> None:
            proxy.setFilterFixedString(next(keys))
            app.processEvents()

        model.set_rows(rows)
        clear = lambda: panel.proxy.set_spec(TaskFilterSpec())  # noqa: E731
        typed = median_seconds(keystroke, repeat=max(scale.repeat, 5), setup=clear)
        bare = median_seconds(bare_keystroke, repeat=max(scale.repeat, 5),
                              setup=lambda: proxy.setFilterFixedString(""))  # fmt: skip
        figures.append(Figure(
            "table: a filter keystroke", scale.label, typed, bare,
            "QSortFilterProxyModel on a bare model",
            "≤ 100 ms at 50,000 tasks" if big else "", _met(typed, 0.1) if big else None,
        ))  # fmt: skip
        view.close()
        if assign:
            figures += _bulk_assign(scale, ctx, TaskActions(ctx), list_departments(ctx.db))
    finally:
        panel.close()
        ctx.close()
    return figures


def _bulk_assign(scale: Scale, ctx: Any, actions: Any, departments: list) -> list[Figure]:
    first = "SELECT id FROM tasks WHERE plan_id = ? ORDER BY id LIMIT 500"
    ids = [r[0] for r in ctx.db.execute(first, [scale.plan_id])]
    leads = iter(departments * 100)
    applied = median_seconds(
        lambda: actions.assign(ids, {"lead": next(leads).id, "deadline": "9月底前"}),
        repeat=scale.repeat,
        setup=lambda: ctx.undo_stack.clear(),
    )
    undone = median_seconds(
        ctx.undo_stack.undo,
        repeat=scale.repeat,
        setup=lambda: actions.assign(ids, {"lead": next(leads).id, "deadline": "8月底前"}),
    )
    lead_ids = [d.id for d in departments]

    def raw() -> None:
        conn = sqlite3.connect(scale.db_path)
        conn.execute("PRAGMA synchronous = FULL")
        lead = lead_ids[len(lead_ids) // 2]
        with conn:
            conn.execute(f"DELETE FROM assignments WHERE role = 'lead' AND task_id IN "
                         f"({','.join('?' * len(ids))})", ids)  # fmt: skip
            conn.executemany(
                "INSERT OR REPLACE INTO assignments (task_id, department_id, role, position)"
                " VALUES (?, ?, 'lead', 0)",
                [(i, lead) for i in ids],
            )
        conn.close()

    floor = median_seconds(raw, repeat=scale.repeat)
    n = len(ids)
    return [
        Figure(
            f"assign {n} tasks (one undo step)",
            scale.label,
            applied,
            floor,
            "bare SQL, one transaction",
            "≤ 1 s",
            _met(applied, 1.0),
        ),
        Figure(
            f"undo assigning {n} tasks",
            scale.label,
            undone,
            floor,
            "bare SQL, one transaction",
            "≤ 1 s",
            _met(undone, 1.0),
        ),
    ]


# -- documents -----------------------------------------------------------------------------


def docs(scale: Scale, *, naive_repeat: int | None = None) -> list[Figure]:
    from db.connection import connect
    from db.progress import list_periods
    from db.reports import collect

    db = connect(scale.db_path)
    try:
        report = collect(db, scale.plan_id)
        periods = list_periods(db, scale.plan_id)
        progress = collect(db, scale.plan_id, period_id=periods[-1].id if periods else None)
    finally:
        db.close()
    cells = documents.table_cells(report)
    out = scale.work / "docs"
    out.mkdir(exist_ok=True)
    ours = median_seconds(lambda: documents.ours(report, out / "ours.docx"), repeat=scale.repeat)
    floor = median_seconds(lambda: documents.floor(cells, out / "floor.docx"), repeat=scale.repeat)
    naive = median_seconds(lambda: documents.naive(cells, out / "naive.docx"),
                           repeat=naive_repeat or scale.repeat)  # fmt: skip
    report_ours = median_seconds(lambda: documents.report_ours(progress, out / "report.docx"),
                                 repeat=scale.repeat)  # fmt: skip
    report_floor = median_seconds(lambda: documents.report_floor(progress, out / "rf.docx"),
                                  repeat=scale.repeat)  # fmt: skip
    return [
        Figure("decomposition table vs naive python-docx", scale.label, ours, naive,
               "python-docx add_row()/cell.text", "naive ≥ 10× slower", naive / ours >= 10),
        Figure("decomposition table vs the floor", scale.label, ours, floor,
               "document.xml written straight into a zip", "ratio ≤ 10", ours / floor <= 10),
        Figure("progress report (通报)", scale.label, report_ours, report_floor,
               "its text as plain paragraphs into a zip"),
    ]  # fmt: skip


# -- dashboard -----------------------------------------------------------------------------


def dashboard_figures(scale: Scale) -> list[Figure]:
    from db.connection import connect
    from db.dashboard import dashboard
    from db.progress import list_periods

    db = connect(scale.db_path)
    try:
        periods = list_periods(db, scale.plan_id)
        last = periods[-1].id if periods else None
        value = median_seconds(lambda: dashboard(db, scale.plan_id, last), repeat=scale.repeat)
        base = median_seconds(
            lambda: db.execute(
                "SELECT e.task_id, max(e.period_id) FROM progress_entries e"
                " JOIN tasks t ON t.id = e.task_id WHERE t.plan_id = ? GROUP BY e.task_id",
                [scale.plan_id],
            ).fetchall(),
            repeat=scale.repeat,
        )
    finally:
        db.close()
    million = scale.entries >= 900_000
    return [
        Figure("dashboard figures", scale.label, value, base,
               "one GROUP BY for each task's latest entry",
               "≤ 300 ms at 1,000,000 entries" if million else "",
               _met(value, 0.3) if million else None),
    ]  # fmt: skip


def target_lights(scale: Scale) -> list[Figure]:
    """The dashboard's lights when half the tasks have a 阶段目标 for the last period (a
    percent for most of them) and a quarter take one from a milestone of their deadline
    phrase, against the same dashboard without targets. The targets are added in a
    transaction that is rolled back: the work copy stays as built for the other figures."""
    from db.connection import connect
    from db.dashboard import dashboard
    from db.progress import list_periods

    db = connect(scale.db_path)
    try:
        periods = list_periods(db, scale.plan_id)
        if not periods:
            return []
        last = periods[-1]
        base = median_seconds(lambda: dashboard(db, scale.plan_id, last.id), repeat=scale.repeat)
        milestone = json.dumps([{"phrase": "阶段节点完成70%", "due": last.ends_on, "percent": 70}])
        db.conn.execute("BEGIN")
        try:
            db.conn.execute(
                "INSERT INTO task_targets (task_id, period_id, text, percent, origin, updated_at)"
                " SELECT id, ?, '完成阶段任务', CASE WHEN id % 10 = 0 THEN NULL ELSE id % 9 * 10"
                " END, 'manual', '2020-01-01' FROM tasks WHERE plan_id = ? AND id % 2 = 0",
                [last.id, scale.plan_id],
            )
            db.conn.execute(
                "UPDATE deadlines SET milestones = ? WHERE task_id IN"
                " (SELECT id FROM tasks WHERE plan_id = ? AND id % 4 = 1)",
                [milestone, scale.plan_id],
            )
            value = median_seconds(
                lambda: dashboard(db, scale.plan_id, last.id), repeat=scale.repeat
            )
        finally:
            db.conn.execute("ROLLBACK")
    finally:
        db.close()
    fifty = scale.tasks >= 50_000
    return [
        Figure("dashboard lights with 阶段目标", scale.label, value, base,
               "the same dashboard without targets",
               "≤ 1.5× without targets" if fifty else "",
               _met(value, 1.5 * base) if fifty else None),
    ]  # fmt: skip


def copy_database(source: Path, work: Path) -> Path:
    """A fresh work copy (the benchmark edits it; the built file stays as built)."""
    target = work / source.name
    shutil.copyfile(source, target)
    return target

"""The dashboard (督办看板): every figure as of a period, per department, and clickable.

The expected figures are worked out by hand from the data each test sets up (not through
exports/stats.py), then one test checks that the dashboard and the 通报's counting agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QComboBox, QTableView, QToolButton
from sqlite_utils import Database

from db.assignments import assign
from db.dashboard import FIGURES, UNASSIGNED, Dashboard, dashboard, task_lines
from db.departments import require_department
from db.errors import InvalidValue
from db.plans import list_plans
from db.progress import add_period, record_progress
from db.settings import set_setting
from db.tasks import TaskFilter, list_tasks
from domain.warnings import GREEN, GREY, RED, YELLOW

TOTAL = 152  # tasks of the sample plan


@dataclass
class Setup:
    db: Database
    plan_id: int
    ids: list[int]  # the plan's tasks in outline order
    q1: int  # 2020年第一季度 2020-01-01 … 2020-03-31
    apr: int  # 2020年4月 2020-04-01 … 2020-04-30
    basic: int
    vocational: int
    office: int

    def at(self, *positions: int | range) -> set[int]:
        out: set[int] = set()
        for p in positions:
            out |= {self.ids[i] for i in p} if isinstance(p, range) else {self.ids[p]}
        return out


# Tasks by position in the plan: lead, deadline
#   0‥9   基础教育处        3月底前 (2020-03-31)
#   10‥19 职业与成人教育处  6月底前 (2020-06-30)
#   20‥29 办公室            年底前  (2020-12-31)
#   30‥34 基础教育处        长期坚持 (no date)
#   35‥151 no lead, no deadline
Q1_REPORTS = {
    0: ("done", 100),
    1: ("on_track", 80),
    2: ("behind", 40),
    10: ("on_track", 30),
    11: ("postponed", None),
    12: ("behind", 10),
    20: ("on_track", 25),
    21: ("not_started", None),
    30: ("on_track", 50),
    40: ("on_track", 20),
}
APR_REPORTS = {1: ("on_track", 90), 10: ("behind", 35), 20: ("done", 100), 40: ("on_track", 30)}


def prepare(db: Database) -> Setup:
    """The sample plan assigned, two periods and a few reports — through db functions only."""
    plan_id = list_plans(db)[0].id
    ids = [t.id for t in list_tasks(db, TaskFilter(plan_id=plan_id))]
    assert len(ids) == TOTAL
    basic = require_department(db, "基础教育处").id
    vocational = require_department(db, "职业与成人教育处").id
    office = require_department(db, "办公室").id
    assign(db, ids[0:10], lead=basic, deadline="3月底前")
    assign(db, ids[10:20], lead=vocational, deadline="6月底前")
    assign(db, ids[20:30], lead=office, deadline="年底前")
    assign(db, ids[30:35], lead=basic, deadline="长期坚持")
    q1 = add_period(db, plan_id, "2020年第一季度", "2020-01-01", "2020-03-31", kind="quarter")
    apr = add_period(db, plan_id, "2020年4月", "2020-04-01", "2020-04-30", kind="month")
    for period, reports in ((q1, Q1_REPORTS), (apr, APR_REPORTS)):
        for position, (status, percent) in reports.items():
            record_progress(db, ids[position], period.id, status=status, percent=percent)
    return Setup(db, plan_id, ids, q1.id, apr.id, basic, vocational, office)


@pytest.fixture
def setup(seeded_db: Database) -> Setup:
    return prepare(seeded_db)


def figures(board: Dashboard) -> dict[str, set[int]]:
    return {k: set(v) for k, v in board.by_status.items()}


# -- the figures ---------------------------------------------------------------------------


def test_first_quarter_figures(setup: Setup) -> None:
    board = dashboard(setup.db, setup.plan_id, setup.q1)
    assert board.as_of == dt.date(2020, 3, 31)
    assert board.period is not None and board.period.name == "2020年第一季度"
    assert board.total == TOTAL and list(board.task_ids) == setup.ids
    # Due 3-31 is not yet overdue on 3-31; only 21 reported 未启动, the rest did not report.
    expected = {
        "done": setup.at(0),
        "on_track": setup.at(1, 10, 20, 30, 40),
        "behind": setup.at(2, 12),
        "not_started": setup.at(21),
        "postponed": setup.at(11),
        "overdue": set(),
    }
    expected["not_reported"] = set(setup.ids) - set().union(*expected.values())
    assert figures(board) == expected
    assert len(board.by_status["not_reported"]) == 142
    assert set(board.not_reported) == set(setup.ids) - setup.at(*Q1_REPORTS)
    assert len(board.not_reported) == TOTAL - 10


def test_april_figures_count_earlier_reports_and_overdue_tasks(setup: Setup) -> None:
    board = dashboard(setup.db, setup.plan_id, setup.apr)
    assert board.as_of == dt.date(2020, 4, 30)
    # The categories are April's reports; 逾期 is counted across them.
    expected = {
        "done": setup.at(0, 20),  # 0 reported done in the first quarter: still done
        "on_track": setup.at(1, 40),  # 1 reported 90% in April, and is overdue
        "behind": setup.at(10),
        "not_started": set(),
        "postponed": set(),  # 11 postponed in the first quarter, silent in April
        "overdue": setup.at(range(1, 10)),  # due 3-31, not done
    }
    expected["not_reported"] = set(setup.ids) - set().union(
        *(v for k, v in expected.items() if k != "overdue")
    )
    assert figures(board) == expected
    assert [len(board.by_status[c]) for c in FIGURES] == [2, 2, 1, 0, 0, 147, 9]
    # Done tasks have nothing to report: 0 (done in the first quarter) is not chased.
    assert set(board.not_reported) == set(setup.ids) - setup.at(*APR_REPORTS, 0)
    # Every figure lists its tasks in plan order.
    for ids in (*board.by_status.values(), *board.by_light.values(), board.not_reported):
        assert list(ids) == sorted(ids, key=setup.ids.index)


def test_lights_and_their_reasons(setup: Setup) -> None:
    q1 = dashboard(setup.db, setup.plan_id, setup.q1)
    grey = setup.at(11, range(30, TOTAL))  # postponed, open-ended, no deadline
    assert {k: set(v) for k, v in q1.by_light.items()} == {
        GREEN: setup.at(0, 20),  # done; 25% against 序时进度 25% with 3/4 of the year left
        GREY: grey,
        RED: set(),
        YELLOW: set(setup.ids) - setup.at(0, 20) - grey,
    }
    assert q1.lights[setup.ids[10]].reason == "黄：最近进展 30%，低于序时进度 50%"
    assert (
        q1.lights[setup.ids[30]].color == GREY
        and "无固定完成时限" in q1.lights[setup.ids[30]].reason
    )

    apr = dashboard(setup.db, setup.plan_id, setup.apr)
    assert set(apr.by_light[RED]) == setup.at(range(1, 10))
    assert set(apr.by_light[GREEN]) == setup.at(0, 20)
    assert len(apr.by_light[YELLOW]) == 18 and len(apr.by_light[GREY]) == 123
    assert apr.lights[setup.ids[1]].reason == "红：完成时限 2020年3月31日 已过 30 天，最近进展 90%"
    assert apr.lights[setup.ids[3]].reason == "红：完成时限 2020年3月31日 已过 30 天，尚未报送进展"
    assert apr.lights[setup.ids[11]].reason.startswith("灰：已暂缓")
    assert set(apr.lights) == set(setup.ids)


def test_thresholds_come_from_the_settings(setup: Setup) -> None:
    task = setup.ids[10]  # 30% on 3-31, 序时进度 50%: yellow by default
    assert dashboard(setup.db, setup.plan_id, setup.q1).lights[task].color == YELLOW
    set_setting(setup.db, "warning.behind_margin", 25)
    assert dashboard(setup.db, setup.plan_id, setup.q1).lights[task].color == GREEN


def test_department_rows(setup: Setup) -> None:
    board = dashboard(setup.db, setup.plan_id, setup.apr)
    rows = {r.department_id: r for r in board.departments}
    assert [r.department_id for r in board.departments] == [
        setup.basic,
        setup.vocational,
        setup.office,
        None,  # 未分配 last
    ]
    basic = rows[setup.basic]
    assert basic.name == "基础教育处"
    assert set(basic.led) == setup.at(range(0, 10), range(30, 35))
    assert set(basic.done) == setup.at(0)
    assert set(basic.overdue) == setup.at(range(1, 10))
    assert basic.behind == ()
    assert set(basic.not_reported) == setup.at(range(0, 10), range(30, 35)) - setup.at(0, 1)
    vocational = rows[setup.vocational]
    # 12 reported 滞后 in the first quarter only: in April it is 未报送, not 滞后.
    assert (len(vocational.led), vocational.done, set(vocational.behind)) == (
        10,
        (),
        setup.at(10),
    )
    assert len(vocational.not_reported) == 9
    assert (len(rows[setup.office].led), set(rows[setup.office].done)) == (10, setup.at(20))
    unassigned = rows[None]
    assert unassigned.name == UNASSIGNED
    assert set(unassigned.led) == setup.at(range(35, TOTAL))
    assert set(unassigned.not_reported) == setup.at(range(35, TOTAL)) - setup.at(40)
    assert len(rows[setup.office].not_reported) == 9  # 20 reported done in April
    # The rows add up to the plan.
    assert sum(len(r.led) for r in board.departments) == TOTAL
    assert sum(len(r.overdue) for r in board.departments) == len(board.by_status["overdue"])
    assert sum(len(r.not_reported) for r in board.departments) == len(board.not_reported)


def test_without_a_period_not_reported_means_never_reported(setup: Setup) -> None:
    board = dashboard(setup.db, setup.plan_id, None, as_of=dt.date(2020, 5, 15))
    assert board.period is None and board.as_of == dt.date(2020, 5, 15)
    assert set(board.not_reported) == set(setup.ids) - setup.at(*Q1_REPORTS, *APR_REPORTS)
    assert set(board.by_status["done"]) == setup.at(0, 20)  # the latest report of each task
    # As of a date, a task's latest report counts: 11 postponed (first quarter), 12 behind.
    assert set(board.by_status["postponed"]) == setup.at(11)
    assert set(board.by_status["behind"]) == setup.at(2, 10, 12)
    assert set(board.by_status["overdue"]) == setup.at(range(1, 10))
    today = dashboard(setup.db, setup.plan_id, None)
    assert today.as_of == dt.date.today()


def test_another_plan_has_its_own_figures(setup: Setup, tmp_path: Path) -> None:
    from bench.synthetic import write_plan
    from db.imports import import_plan

    other = import_plan(setup.db, write_plan(tmp_path / "other.txt", 30)).plan_id
    with pytest.raises(InvalidValue):
        dashboard(setup.db, other, setup.q1)  # a period of the sample plan
    board = dashboard(setup.db, other, None, as_of=dt.date(2020, 4, 30))
    assert board.total == 30 and len(board.not_reported) == 30
    assert [r.department_id for r in board.departments] == [None]
    assert set(board.by_light[GREY]) == set(board.task_ids)  # no deadlines yet
    # The sample plan's figures are untouched by the other plan.
    assert len(dashboard(setup.db, setup.plan_id, setup.apr).by_status["overdue"]) == 9


def test_the_dashboard_agrees_with_the_report_counts(setup: Setup) -> None:
    from db.reports import collect
    from exports.stats import category

    for period in (setup.q1, setup.apr, None):
        report = collect(setup.db, setup.plan_id, period_id=period, as_of=dt.date(2020, 4, 30))
        board = dashboard(setup.db, setup.plan_id, period, as_of=dt.date(2020, 4, 30))
        assert {t.id: category(t) for t in report.tasks} == {
            task: kind for kind, ids in board.by_status.items() if kind != "overdue" for task in ids
        }
        assert {t.id for t in report.tasks if t.overdue} == set(board.by_status["overdue"])
        assert {t.id for t in report.tasks if t.category == "not_reported"} == set(
            board.not_reported
        )


def test_task_lines_keep_the_order_and_the_codes(setup: Setup) -> None:
    rows = {t.id: t for t in list_tasks(setup.db, TaskFilter(plan_id=setup.plan_id))}
    wanted = [setup.ids[40], setup.ids[3], setup.ids[12]]
    lines = task_lines(setup.db, setup.plan_id, [*wanted, -1])
    assert [line.id for line in lines] == wanted
    for line in lines:
        assert (line.code, line.text, line.lead) == (
            rows[line.id].code,
            rows[line.id].text,
            rows[line.id].lead,
        )
    assert (lines[1].deadline, lines[1].due_on) == ("3月底前", "2020-03-31")
    assert task_lines(setup.db, setup.plan_id, []) == []


# -- the panel -----------------------------------------------------------------------------


@pytest.fixture
def panel_setup(qtbot, db_path: Path, tmp_path: Path) -> Iterator[tuple]:
    from db.audit import set_audit_context
    from db.connection import open_database
    from db.departments import add_department
    from db.imports import import_plan
    from qtapp.context import AppContext
    from qtapp.prompts import ScriptedPrompts
    from qtapp.ui.dashboard_panel import DashboardPanel
    from qtapp.ui_settings import UiSettings
    from tests.conftest import SAMPLE_PLAN

    db = open_database(db_path)
    set_audit_context(db, "test", "tester")
    for name in ("基础教育处", "职业与成人教育处", "办公室"):
        add_department(db, name)
    import_plan(db, SAMPLE_PLAN)
    data = prepare(db)
    db.close()
    settings = UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    ctx = AppContext(db_path, ScriptedPrompts(), settings)
    ctx.set_as_of(dt.date(2020, 4, 30))  # the window judges lights by this date
    data.db = ctx.db
    panel = DashboardPanel(ctx)
    qtbot.addWidget(panel)
    panel.resize(1000, 700)
    panel.show()
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        panel.show_plan(data.plan_id, None)
    yield panel, data
    ctx.jobs.wait()
    panel.close()
    ctx.close()


def count_on(panel, code: str) -> int:
    return int(panel.findChild(QToolButton, f"figure_{code}").text().split()[-1])


def click_cell(qtbot, table: QTableView, row: int, column: int) -> None:
    rect = table.visualRect(table.model().index(row, column))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


@pytest.mark.gui
def test_panel_models_pass_the_model_tester(qtmodeltester, panel_setup) -> None:
    panel, _data = panel_setup
    assert panel.objectName() == "dashboardPanel"
    qtmodeltester.check(panel.department_model)
    qtmodeltester.check(panel.department_proxy)
    qtmodeltester.check(panel.not_reported_model)


@pytest.mark.gui
def test_panel_shows_the_latest_period_and_its_figures(panel_setup) -> None:
    panel, data = panel_setup
    combo = panel.findChild(QComboBox, "dashboardPeriodCombo")
    assert [combo.itemData(i) for i in range(combo.count())] == [data.apr, data.q1, -1]
    assert combo.currentData() == data.apr and panel.period_id() == data.apr
    shown = {code: count_on(panel, code) for code in panel.figures}
    assert shown == {"done": 2, "on_track": 2, "behind": 1, "not_started": 0, "postponed": 0,
                     "not_reported": 147, "overdue": 9,
                     "red": 9, "yellow": 18, "green": 2, "grey": 123,
                     "focus": 0, "focus_done": 0, "focus_late": 0,
                     "deadline_postponed": 0}  # fmt: skip
    model = panel.department_model
    assert [r.department_id for r in model.records()] == [data.basic, data.vocational,
                                                           data.office, None]  # fmt: skip
    from PySide6.QtGui import QColor

    from qtapp.lights import LIGHT_COLORS
    from qtapp.models.dashboard_models import COL_COMPLETION, COL_DONE, COL_OVERDUE

    # The bar beside "1/15" shows exactly that share, in the green of "已完成" (the figure
    # on the dashboard and the count in the table); overdue has its red column.
    assert model.index(0, COL_COMPLETION).data() == "1/15"
    assert tuple(model.index(0, COL_COMPLETION).data(model.BarRole)) == (1, 0, 0, 15)
    assert model.index(0, COL_OVERDUE).data() == "9"
    green = QColor(LIGHT_COLORS["green"])
    for column in (COL_DONE, COL_COMPLETION):
        assert model.index(0, column).data(Qt.ItemDataRole.ForegroundRole).color() == green
    red = model.index(0, COL_OVERDUE).data(Qt.ItemDataRole.ForegroundRole).color()
    assert red == QColor(LIGHT_COLORS["red"])
    table = panel.findChild(QTableView, "notReportedTable")
    assert table.model().rowCount() == TOTAL - 5  # 4 reported in April, 0 done earlier
    assert panel.grab().width() > 0  # the bar delegate paints


@pytest.mark.gui
def test_clicking_a_figure_shows_exactly_its_tasks(qtbot, panel_setup) -> None:
    panel, data = panel_setup
    with qtbot.waitSignal(panel.show_tasks) as blocker:
        qtbot.mouseClick(panel.findChild(QToolButton, "figure_overdue"), Qt.MouseButton.LeftButton)
    label, ids = blocker.args
    assert ids == data.ids[1:10] and "2020年4月" in label
    with qtbot.waitSignal(panel.show_tasks) as blocker:
        qtbot.mouseClick(panel.findChild(QToolButton, "figure_green"), Qt.MouseButton.LeftButton)
    assert blocker.args[1] == [data.ids[0], data.ids[20]]


@pytest.mark.gui
def test_clicking_a_department_cell_or_a_task_shows_its_tasks(qtbot, panel_setup) -> None:
    from qtapp.models.dashboard_models import COL_BEHIND, COL_NOT_REPORTED, COL_OVERDUE

    panel, data = panel_setup
    table = panel.findChild(QTableView, "dashboardDepartmentTable")
    with qtbot.waitSignal(panel.show_tasks) as blocker:
        click_cell(qtbot, table, 0, COL_OVERDUE)  # 基础教育处
    assert blocker.args[1] == data.ids[1:10] and blocker.args[0].startswith("基础教育处")
    with qtbot.waitSignal(panel.show_tasks) as blocker:
        click_cell(qtbot, table, 1, COL_BEHIND)  # 职业与成人教育处
    assert blocker.args[1] == [data.ids[10]]
    with qtbot.waitSignal(panel.show_tasks) as blocker:
        click_cell(qtbot, table, 3, COL_NOT_REPORTED)  # no lead
    assert set(blocker.args[1]) == data.at(range(35, TOTAL)) - data.at(40)

    tasks = panel.findChild(QTableView, "notReportedTable")
    first = tasks.model().index(0, 0).data(tasks.model().IdRole)
    with qtbot.waitSignal(panel.show_tasks) as blocker:
        click_cell(qtbot, tasks, 0, 1)
    assert blocker.args[1] == [first] == [data.ids[2]]  # 0 is done, 1 reported in April


@pytest.mark.gui
def test_changing_the_period_updates_the_figures(qtbot, panel_setup) -> None:
    panel, data = panel_setup
    combo = panel.findChild(QComboBox, "dashboardPeriodCombo")
    panel.ctx.set_as_of(dt.date(2020, 3, 31))  # as the first quarter ended
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        combo.setCurrentIndex(combo.findData(data.q1))
    assert [count_on(panel, c) for c in ("overdue", "done", "yellow")] == [0, 1, 27]
    assert not panel.findChild(QToolButton, "figure_overdue").isEnabled()
    assert panel.not_reported_model.rowCount() == TOTAL - 10
    with qtbot.waitSignal(panel.show_tasks) as blocker:
        qtbot.mouseClick(panel.findChild(QToolButton, "figure_behind"), Qt.MouseButton.LeftButton)
    assert blocker.args[1] == [data.ids[2], data.ids[12]] and "2020年第一季度" in blocker.args[0]
    panel.ctx.set_as_of(dt.date.today())
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        combo.setCurrentIndex(combo.findData(-1))  # as of today: long past the deadlines
    assert panel.dashboard.period is None and panel.dashboard.as_of == dt.date.today()
    assert panel.not_reported_model.rowCount() == TOTAL - 10  # never reported (Q1 ∪ April)


@pytest.mark.gui
def test_a_progress_change_reloads_the_figures(qtbot, panel_setup) -> None:
    panel, data = panel_setup
    record_progress(data.db, data.ids[3], data.apr, status="done", percent=100)
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        panel.ctx.tasks_changed.emit([data.ids[3]])
    assert (count_on(panel, "overdue"), count_on(panel, "done")) == (8, 3)
    assert panel.not_reported_model.rowCount() == TOTAL - 6
    assert panel.department_model.index(0, 6).data() == "2/15"


@pytest.mark.gui
def test_a_hidden_panel_catches_up_when_shown(qtbot, panel_setup) -> None:
    panel, data = panel_setup
    panel.hide()
    record_progress(data.db, data.ids[5], data.apr, status="done", percent=100)
    panel.ctx.tasks_changed.emit([data.ids[5]])
    assert count_on(panel, "done") == 2  # not worked out while hidden
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        panel.show()
    assert count_on(panel, "done") == 3


@pytest.mark.gui
def test_new_periods_settings_and_a_removed_plan(qtbot, panel_setup) -> None:
    from db.plans import delete_plan

    panel, data = panel_setup
    combo = panel.findChild(QComboBox, "dashboardPeriodCombo")
    panel.ctx.set_as_of(dt.date(2020, 3, 31))
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        combo.setCurrentIndex(combo.findData(data.q1))
    may = add_period(data.db, data.plan_id, "2020年5月", "2020-05-01", "2020-05-31").id
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        panel.ctx.plans_changed.emit()
    assert [combo.itemData(i) for i in range(combo.count())] == [may, data.apr, data.q1, -1]
    assert panel.period_id() == data.q1  # the period chosen stays chosen
    assert count_on(panel, "yellow") == 27
    # 25 points of grace: 10 (30% against 50%) and 21‥29 (0% against 25%) turn green.
    set_setting(data.db, "warning.behind_margin", 25)
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        panel.ctx.settings_changed.emit()
    assert (count_on(panel, "yellow"), count_on(panel, "green")) == (27 - 10, 2 + 10)
    delete_plan(data.db, data.plan_id)
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        panel.ctx.plans_changed.emit()
    assert panel.plan_id is None and panel.dashboard is None
    assert panel.department_model.rowCount() == 0 and count_on(panel, "done") == 0


def test_bar_segments_fill_the_width() -> None:
    from qtapp.ui.bar_delegate import REST_COLOR, BarDelegate

    parts = BarDelegate.segments(6, 2, 1, 34, 100)
    assert sum(w for _c, w in parts) == 100 and parts[-1][0] == REST_COLOR
    assert [w for _c, w in parts] == [18, 6, 2, 74]
    assert BarDelegate.segments(0, 0, 0, 0, 50) == [(REST_COLOR, 50)]
    assert sum(w for _c, w in BarDelegate.segments(34, 0, 0, 34, 77)) == 77

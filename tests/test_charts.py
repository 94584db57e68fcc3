"""The department chart: the counts per lead department, and the picture drawn off screen."""

from __future__ import annotations

from PySide6.QtGui import QImage
from sqlite_utils import Database

from db import supervision as sv
from db.assignments import assign
from db.dashboard import DepartmentBar, department_bars
from db.departments import require_department
from db.progress import add_period, record_progress
from db.tasks import list_tasks
from qtapp.charts import department_chart_png


def test_bars_count_led_done_overdue_postponed_and_focus(simplified_db: Database) -> None:
    ids = [t.id for t in list_tasks(simplified_db)]
    basic = require_department(simplified_db, "基教处").id
    office = require_department(simplified_db, "办公室").id
    assign(simplified_db, ids[:4], lead=basic, deadline="3月底前")
    assign(simplified_db, ids[4:6], lead=office, deadline="年底前")
    plan_id = list_tasks(simplified_db)[0].plan_id
    q2 = add_period(simplified_db, plan_id, "2020年第二季度", "2020-04-01", "2020-06-30").id
    record_progress(simplified_db, ids[0], q2, status="done", percent=100, progress="完成")
    sv.postpone(simplified_db, ids[1], "9月底前", "等待上级文件")
    sv.set_focus(simplified_db, [ids[4]], True)
    bars = {b.name: b for b in department_bars(simplified_db, plan_id, q2)}
    # 3月底前 is past at 6月30日 for the two not done and not postponed: ids[2], ids[3]
    assert bars["基础教育处"] == DepartmentBar("基础教育处", 4, 1, 2, 1, 0)
    assert bars["办公室"] == DepartmentBar("办公室", 2, 0, 0, 0, 1)
    assert bars["未分配"].led == len(ids) - 6


def test_the_chart_is_a_png_of_the_size_asked(qapp: object) -> None:
    # qapp: the suite's QApplication (the CLI makes a bare QGuiApplication instead)
    bars = [DepartmentBar("基础教育处", 12, 7, 2, 1), DepartmentBar("办公室", 3, 0, 0, 0)]
    png = department_chart_png(bars, 800, 200)
    image = QImage.fromData(png, "PNG")
    assert (image.width(), image.height()) == (800, 200)
    # the done part is painted green near the bar's start on the first row
    colours = {image.pixelColor(x, y).name() for x in range(0, 800, 4) for y in range(60, 110, 4)}
    assert "#3a8d4f" in colours and "#c0392b" in colours
    assert department_chart_png([], 400, 80)[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_report_chart_follows_the_plans_script(seeded_db: Database, qapp: object) -> None:
    from db.plan_script import plan_is_traditional, simplify_plan
    from qtapp.charts import plan_chart_png

    assert plan_is_traditional(seeded_db, 1)
    image = QImage.fromData(plan_chart_png(seeded_db, 1, None), "PNG")
    assert image.width() == 1200 and image.height() > 100
    simplify_plan(seeded_db, 1)
    assert not plan_is_traditional(seeded_db, 1)

"""The window on a sample file with 督办 data (targets, postponements, 重点督办, 批示), for the
screenshot in docs/desk.md:

    SCREEN=1366x768 /work/shared/tools/screenshot docs/images/window-supervision.png 9 -- \\
        .venv/bin/python tools/screenshot_supervision.py dashboard
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QSettings, QTimer

from cli.demo import prepare_demo
from db import supervision as sv
from db.assignments import assign
from db.connection import open_database
from db.departments import require_department
from db.plan_script import simplify_plan
from db.plans import list_plans
from db.progress import add_year_of_periods, list_periods, record_progress
from db.tasks import get_task, list_tasks
from qtapp.app import application, build_window
from qtapp.ui_settings import UiSettings

LEADS = ["基础教育处", "职业与成人教育处", "高等教育处", "办公室", "组织干部处", "宣传教育处"]


def prepare(folder: Path) -> tuple[Path, int, int, int]:
    path = prepare_demo(folder / "督办示例.sqlite3")
    db = open_database(path)
    plan = list_plans(db)[0]
    simplify_plan(db, plan.id)  # one script on screen, as a Chinese window imports
    add_year_of_periods(db, plan.id, 2020, "quarter")
    q2 = next(p for p in list_periods(db, plan.id) if "二" in p.name)
    tasks = list_tasks(db)
    for n, task in enumerate(tasks):
        lead = require_department(db, LEADS[n % len(LEADS)]).id
        assign(db, [task.id], lead=lead, deadline=["6月底前", "9月底前", "年底前"][n % 3])
    for n, task in enumerate(tasks[:120]):
        status = ["done", "on_track", "behind", "on_track"][n % 4]
        percent = [100, 50, 20, 60][n % 4]
        record_progress(db, task.id, q2.id, status=status, percent=percent, progress="按计划推进")
    sv.set_focus(db, [t.id for t in tasks[:60:5]], True)
    sv.set_source(db, [tasks[3].id, tasks[8].id], "meeting")
    for task in tasks[2:60:9]:
        later = "年底前" if get_task(db, task.id).deadline.phrase != "年底前" else "明年3月底前"
        sv.postpone(db, task.id, later, "等待上级文件", "李明")
    main = tasks[1]
    sv.postpone(db, main.id, "10月底前", "需与市发改委会商，方案待批复", "李明")
    sv.set_target(db, main.id, q2.id, "完成实施方案初稿并征求意见", 40)
    sv.add_instruction(
        db, main.id, "2020-04-16", "王市长", "此项列入市政府重点督办，请每月报送进展。"
    )
    sv.add_instruction(db, main.id, "2020-05-08", "李明", "抓紧与发改委会商，确保三季度出台。")
    db.close()
    return path, plan.id, q2.id, main.id


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    path, plan_id, period_id, task_id = prepare(folder)
    app = application()
    settings = UiSettings(QSettings(str(folder / "ui.ini"), QSettings.Format.IniFormat))
    win = build_window(path, language="zh_CN", ui_settings=settings)
    assert win is not None
    win.ctx.set_period(plan_id, period_id)
    win.ctx.set_as_of(dt.date(2020, 7, 10))
    win.show()

    def arrange() -> None:
        if win.tasks.model.row_of(task_id) is None:  # the tasks are still loading
            QTimer.singleShot(300, arrange)
            return
        win.tasks.select_ids([task_id])
        win.detail.tabs.setCurrentIndex(2)  # 督办
        if sys.argv[1:] == ["dashboard"]:
            win.show_dashboard()

    QTimer.singleShot(1500, arrange)
    app.exec()


if __name__ == "__main__":
    main()

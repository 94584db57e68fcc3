"""Each document converts in LibreOffice without error, in the page set-up asked for."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database

from db.assignments import assign
from db.departments import require_department
from db.plans import list_plans
from db.tasks import list_tasks
from exports.service import ExportRequest, run_export
from tests.libreoffice import pdf_pages, pdf_text, to_pdf

pytestmark = pytest.mark.libreoffice
A4_PORTRAIT = (595.3, 841.9)


def _landscape(size: tuple[float, float]) -> bool:
    return abs(size[0] - A4_PORTRAIT[1]) < 2 and abs(size[1] - A4_PORTRAIT[0]) < 2


@pytest.fixture
def assigned(simplified_db: Database) -> Database:
    tasks = list_tasks(simplified_db)
    basic = require_department(simplified_db, "基础教育处")
    assign(simplified_db, [t.id for t in tasks[:30]], lead=basic.id, deadline="3月底前")
    return simplified_db


def test_decomposition_converts_to_landscape_pages(assigned: Database, tmp_path: Path) -> None:
    plan = list_plans(assigned)[0].id
    (docx,) = run_export(assigned, ExportRequest("decomposition", plan, tmp_path / "d.docx"))
    pdf = to_pdf(docx, tmp_path)
    pages = pdf_pages(pdf)
    assert len(pages) >= 5 and all(_landscape(p) for p in pages)
    text = pdf_text(pdf)
    assert text.count("序号") == len(pages)  # the header row repeats on every page
    assert "任务分解表" in text and "基础教育处" in text


@pytest.fixture
def reported(assigned: Database) -> tuple[Database, int]:
    from db.progress import add_period, record_progress

    plan = list_plans(assigned)[0].id
    period = add_period(assigned, plan, "2020年4月", "2020-04-01", "2020-04-30")
    for index, task in enumerate(list_tasks(assigned)[:12]):
        record_progress(
            assigned,
            task.id,
            period.id,
            status=("on_track", "behind", "done")[index % 3],
            percent=30 + index,
            progress="按计划推进。",
            problems="经费未到位。",
        )
    return assigned, period.id


def test_report_converts_to_portrait_pages(reported, tmp_path: Path) -> None:
    db, period = reported
    plan = list_plans(db)[0].id
    (docx,) = run_export(db, ExportRequest("report", plan, tmp_path / "r.docx", period_id=period))
    pdf = to_pdf(docx, tmp_path)
    pages = pdf_pages(pdf)
    assert len(pages) >= 2 and all(abs(w - 595.3) < 2 and abs(h - 841.9) < 2 for w, h in pages)
    text = pdf_text(pdf)
    assert "总体情况" in text and "基础教育处" in text


def test_reminders_and_feedback_forms_convert(reported, tmp_path: Path) -> None:
    db, period = reported
    plan = list_plans(db)[0].id
    import datetime as dt

    notices = run_export(
        db, ExportRequest("reminders", plan, tmp_path / "notices", as_of=dt.date(2020, 4, 10))
    )
    forms = run_export(
        db, ExportRequest("feedback-forms", plan, tmp_path / "forms", period_id=period)
    )
    assert notices and forms
    for docx in (notices[0], forms[0]):
        pdf = to_pdf(docx, tmp_path)
        assert pdf_pages(pdf)
        assert "基础教育处" in pdf_text(pdf)

"""Clean packages: a document Duban writes describes itself and nothing else — no blank
thumbnail of python-docx's template, an app.xml that names Duban and claims no page count —
and opens in python-docx again."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from docx import Document
from sqlite_utils import Database

from db.plans import list_plans
from exports.service import ExportRequest, run_export


@pytest.mark.parametrize("kind", ["decomposition", "report", "reminders", "feedback-forms"])
def test_every_kind_is_a_clean_package(simplified_db: Database, tmp_path: Path, kind) -> None:
    import datetime as dt

    from db.assignments import assign
    from db.departments import require_department
    from db.progress import add_period
    from db.tasks import list_tasks

    db = simplified_db
    plan = list_plans(db)[0].id
    basic = require_department(db, "基础教育处")
    assign(db, [t.id for t in list_tasks(db)[:5]], lead=basic.id, deadline="3月底前")
    period = add_period(db, plan, "2020年4月", "2020-04-01", "2020-04-30")
    output = tmp_path / ("out.docx" if kind in ("decomposition", "report") else "out")
    written = run_export(db, ExportRequest(kind, plan, output, period_id=period.id,
                                           as_of=dt.date(2020, 4, 10)))  # fmt: skip
    assert written
    for path in written:
        with zipfile.ZipFile(path) as package:
            names = package.namelist()
            app = package.read("docProps/app.xml").decode()
            rels = package.read("_rels/.rels").decode()
            types = package.read("[Content_Types].xml").decode()
        assert not [n for n in names if "thumbnail" in n]
        assert "thumbnail" not in rels and "thumbnail" not in types
        assert "<Application>Duban</Application>" in app
        for claim in ("<Pages>", "<Words>", "<Characters>", "Microsoft", "Normal.dotm"):
            assert claim not in app
        assert Document(str(path)).paragraphs  # still a document python-docx opens

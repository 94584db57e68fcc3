"""分工确认表 pages as printed (rendered by LibreOffice): a department leading a whole section
(34 tasks) gets a form of a few pages with many rows on each, and no page holds a single row.

The office is the demo database made from the command line: section 一 led by 组干处 with
宣教处, section 二 by 基教处 (the way a clerk assigns a plan section by section).
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from docx import Document

from cli import main
from db.connection import open_database
from db.form_secret import form_stamp
from db.plans import list_plans
from db.reports import collect
from exports.confirmation import render

ROW_KEY = re.compile(r"C\d+-T\d+")  # the start of a row's key (the rest may wrap)


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    root = tmp_path_factory.mktemp("confirm-office")
    db = str(root / "office.sqlite3")
    for args in (
        ["--demo", "plans"],
        ["simplify"],
        ["assign", "--section", "一", "--lead", "组干处", "--with", "宣教处",
         "--deadline", "6月底前"],
        ["assign", "--section", "二", "--lead", "基教处", "--deadline", "年底前",
         "--person", "王伟"],
        ["export", "confirmation-forms", "-o", str(root / "forms")],
    ):  # fmt: skip
        assert main(["--db", db, *args]) == 0, args
    return Path(db), sorted((root / "forms").glob("*.docx"))


def _rows_per_page(pdf: Path) -> list[int]:
    from tests.libreoffice import page_lines

    return [len(ROW_KEY.findall("".join(lines).replace(" ", ""))) for lines in page_lines(pdf)]


def test_the_task_column_takes_a_third_of_the_width(office) -> None:
    _db, forms = office
    table = Document(str(forms[0])).tables[-1]
    widths = [int(w) for w in re.findall(r'<w:gridCol w:w="(\d+)"', table._tbl.xml)]
    assert len(widths) == 12 and widths[1] >= sum(widths) / 3 - 1
    assert widths[1] == max(widths) and widths[-1] >= max(widths[6:11])  # 理由 a bit wider


def test_the_last_row_keeps_with_the_one_before(office) -> None:
    _db, forms = office
    rows = Document(str(forms[0])).tables[-1]._tbl.tr_lst
    kept = ["<w:keepNext/>" in row.xml for row in rows]
    assert kept[-2] and not kept[-1] and not any(kept[:-2])
    assert rows[-2].xml.count("<w:p>") == rows[-2].xml.count("<w:keepNext/>")


@pytest.mark.libreoffice
def test_the_largest_form_is_short_and_no_page_holds_a_single_row(office, tmp_path: Path) -> None:
    from tests.libreoffice import page_lines, to_pdfs

    db_path, forms = office
    # The same form cut to 20 … 34 tasks: whatever the count, the last page is never one row
    # (without keep-with-next, 22 and 31 tasks left one row alone on the last page).
    db = open_database(db_path)
    try:
        plan = list_plans(db)[0]
        report = collect(db, plan.id)
        stamp = form_stamp(db, plan.id, plan.generation)
    finally:
        db.close()
    department = next(d for d in report.departments if d.name == "组织干部处")
    lead = [t for t in report.tasks if t.lead_id == department.id]
    assert len(lead) == 34
    cut = []
    for count in range(20, len(lead)):
        doc = render(replace(report, tasks=tuple(lead[:count])), department, stamp)
        assert doc is not None
        cut.append(tmp_path / f"cut-{count}.docx")
        cut[-1].write_bytes(doc.to_bytes())
    pdfs = to_pdfs([*forms, *cut], tmp_path)
    largest = pdfs[0]
    assert "组织干部处" in largest.name
    rows = _rows_per_page(largest)
    # Measured: 3 rows under the heading on page 1, then 9 a page: 3 + 9 + 9 + 9 + 4.
    assert sum(rows) == 34 and len(rows) <= 5 and max(rows) >= 8, rows
    for pdf in pdfs:
        rows = _rows_per_page(pdf)
        assert min(rows) >= 2, (pdf.name, rows)
        assert min(len(lines) for lines in page_lines(pdf)) > 4, pdf.name


def test_a_group_title_before_the_last_row_is_kept_with_it_and_the_row_before() -> None:
    """二、配合任务 with a single task: the title, that task and the last 牵头 task stay together."""
    from docx.oxml import parse_xml

    from exports.tables import Column, GroupRow, Row, TableSpec, table_xml

    rows = [GroupRow("一、牵头任务"), Row(("1-1", "甲")), Row(("1-2", "乙")),
            GroupRow("二、配合任务"), Row(("2-1", "丙"))]  # fmt: skip
    spec = TableSpec([Column("序号", 20), Column("工作任务", 60)], rows, keep_last_rows=2)
    body = parse_xml(table_xml(spec)).xpath("./w:tr")[1:]  # the header row left out
    assert ["<w:keepNext/>" in row.xml for row in body] == [False, False, True, True, False]
    plain = parse_xml(table_xml(TableSpec(spec.columns, rows))).xpath("./w:tr")
    assert not any("<w:keepNext/>" in row.xml for row in plain)

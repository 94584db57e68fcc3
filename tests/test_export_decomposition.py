"""The 任务分解表, reopened and checked as an office would check it."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from sqlite_utils import Database

from cli import main
from db.assignments import assign
from db.departments import require_department
from db.leaders import require_leader
from db.plans import list_plans
from db.reports import collect
from db.tasks import list_tasks
from domain.script import full_width_punctuation
from exports.decomposition import DecompositionOptions, render
from exports.docx_base import save_atomic
from exports.service import ExportError, ExportRequest, run_export
from exports.text import clean
from tests.docx_checks import (
    assert_page,
    page_number_fields,
    row_flags,
    style_east_asia,
    style_size_pt,
    table_rows,
)


@pytest.fixture
def assigned(simplified_db: Database) -> Database:
    db = simplified_db
    tasks = list_tasks(db)
    basic = require_department(db, "基础教育处")
    office = require_department(db, "办公室")
    vocational = require_department(db, "职业与成人教育处")
    assign(db, [t.id for t in tasks[:40]], lead=basic.id, cooperating=[office.id],
           leader=require_leader(db, "李明").id, deadline="6月底前")  # fmt: skip
    assign(db, [t.id for t in tasks[40:90]], lead=vocational.id, deadline="年底前")
    assign(db, [tasks[90].id], lead=office.id, cooperating=[basic.id, vocational.id],
           deadline="长期坚持")  # fmt: skip
    return db


def _export(db: Database, tmp_path: Path, **options: object) -> Document:
    report = collect(db, list_plans(db)[0].id)
    path = save_atomic(render(report, DecompositionOptions(**options)), tmp_path / "d.docx")
    return Document(str(path))


def test_page_is_a4_landscape_with_standard_margins_and_page_numbers(assigned, tmp_path) -> None:
    doc = _export(assigned, tmp_path)
    assert len(doc.sections) == 1
    assert_page(doc.sections[0], landscape=True)
    assert page_number_fields(doc) == ["— 1 —", "— 1 —"]
    assert doc.settings.odd_and_even_pages_header_footer


def test_title_fonts_and_east_asian_slots(assigned, tmp_path) -> None:
    doc = _export(assigned, tmp_path)
    title = doc.paragraphs[0]
    assert title.text == "2020年全市教育工作要点任务分解表"
    assert doc.paragraphs[1].text == "（青教工委〔2020〕2号　共26项重点工作、152项具体任务）"
    assert title.style.style_id == "GWTitle"
    assert (
        style_east_asia(doc, "GWTitle") == "方正小标宋简体" and style_size_pt(doc, "GWTitle") == 22
    )
    assert style_east_asia(doc, "GWHead") == "黑体"
    assert style_east_asia(doc, "GWCell") == "仿宋_GB2312" and style_size_pt(doc, "GWCell") == 12
    assert style_east_asia(doc, "Normal") == "仿宋_GB2312"
    # No theme font is left anywhere in the styles (Word would prefer it to the names).
    xml = doc.styles.element.xml
    assert "eastAsiaTheme" not in xml and "asciiTheme" not in xml
    assert core_is_set(doc)


def core_is_set(doc: Document) -> bool:
    props = doc.core_properties
    return props.title == "2020年全市教育工作要点任务分解表" and props.author != ""


def test_one_table_with_header_repeated_and_a_row_per_task(assigned, tmp_path) -> None:
    doc = _export(assigned, tmp_path)
    assert len(doc.tables) == 1
    table = doc.tables[0]
    rows = table_rows(table)
    assert rows[0] == ["序号", "工作任务", "牵头处室", "配合处室", "完成时限"]
    flags = row_flags(table)
    assert flags[0] == (True, True)
    assert all(not header and cant for header, cant in flags[1:])
    groups = [r[0] for r in rows[1:] if len(set(r)) == 1]
    sections = [g for g in groups if "、" in g[:2]]
    assert sections == [
        "一、加强党的领导，提升教育治理水平", "二、坚持立德树人，提升教育教学质量",
        "三、全面发力攻坚，推动基础教育扩优提质", "四、推进改革创新，增强教育发展动能",
        "五、强化特色引领，培育青岛教育优势", "六、提升保障能力，夯实教育发展基础",
    ]  # fmt: skip
    # Every item title has its row, under its section, before its tasks.
    items = [g for g in groups if g not in sections]
    assert len(items) == 26 and items[0] == "1.深入学习贯彻党的十九届四中全会精神。"
    assert items[25] == "26.做好新冠肺炎疫情防控工作。"
    assert rows[1][0] == sections[0] and rows[2][0] == items[0] and rows[3][0] == "1-1"
    data = [r for r in rows[1:] if len(set(r)) > 1]
    expected = list_tasks(assigned)
    assert len(data) == len(expected) == 152
    for row, task in zip(data, expected, strict=True):
        deadline = task.deadline.phrase if task.deadline else ""
        assert row == [
            task.code,
            full_width_punctuation(clean(task.text)),
            task.lead,
            "\n".join(task.cooperating),  # one department a line: names never break
            deadline,
        ]
    assert data[90][3] == "基础教育处\n职业与成人教育处" and data[90][4] == "长期坚持"


def test_widths_are_fixed_and_fill_the_landscape_text_width(assigned, tmp_path) -> None:
    doc = _export(assigned, tmp_path)
    tbl = doc.tables[0]._tbl
    grid = [int(c.get(qn("w:w"))) for c in tbl.find(qn("w:tblGrid")).iter(qn("w:gridCol"))]
    assert abs(sum(grid) - round(225 * 1440 / 25.4)) <= 5
    assert grid[1] == max(grid)  # the task text gets the room
    # Widths from the content: 职业与成人教育处 (8 字 of 12 pt) fits its column on one line;
    # 完成时限 is as wide as its header, not 33 mm for five characters.
    mm = [round(w * 25.4 / 1440, 1) for w in grid]
    assert mm[2] >= 8 * 12 * 25.4 / 72 + 3 and mm[3] >= 8 * 12 * 25.4 / 72 + 3
    assert mm[4] < 25
    short = _export(assigned, tmp_path, short_names=True)
    rows = table_rows(short.tables[0])
    assert rows[3][2] == "基教处" and rows[3][3] == "办公室"
    short_grid = [int(c.get(qn("w:w"))) for c in short.tables[0]._tbl.iter(qn("w:gridCol"))]
    assert short_grid[1] > grid[1] and short_grid[2] < grid[2]
    assert tbl.find(f"{qn('w:tblPr')}/{qn('w:tblLayout')}").get(qn("w:type")) == "fixed"
    assert all(tc.find(f"{qn('w:tcPr')}/{qn('w:tcW')}") is not None for tc in tbl.iter(qn("w:tc")))


def test_leader_person_and_resolved_dates_are_options(assigned, tmp_path) -> None:
    from db.assignments import assign as assign_tasks

    first_task = list_tasks(assigned)[0]
    assign_tasks(assigned, [first_task.id], person="王伟")
    doc = _export(assigned, tmp_path, with_leader=True, with_due_date=True, with_person=True)
    rows = table_rows(doc.tables[0])
    assert rows[0] == ["序号", "工作任务", "牵头处室", "配合处室", "分管领导", "责任人", "完成时限"]
    first = rows[3]
    assert first[4] == "李明" and first[5] == "王伟" and first[6] == "6月底前\n2020年6月30日"


def test_control_characters_are_cleaned_not_crashed_on(assigned, tmp_path) -> None:
    from db.task_edits import update_text

    task = list_tasks(assigned)[0]
    update_text(assigned, task.id, "含控制字符\x07的任务\x0b第二行\x1f。")
    doc = _export(assigned, tmp_path)
    assert table_rows(doc.tables[0])[3][1] == "含控制字符的任务\n第二行。"


def test_service_and_command_line_write_the_file_whole(assigned, tmp_path, capsys) -> None:
    from db.backups import database_path

    target = tmp_path / "out" / "分解表.docx"
    written = run_export(
        assigned, ExportRequest("decomposition", list_plans(assigned)[0].id, target)
    )
    assert written == [target] and Document(str(target)).tables
    assert not list(target.parent.glob(".*.part"))
    with pytest.raises(ExportError):
        run_export(assigned, ExportRequest("decomposition", 1, tmp_path / "x.pdf"))
    folder = tmp_path / "cli"
    code = main(["--db", database_path(assigned), "export", "decomposition", "-o", str(folder),
                 "--with-leader"])  # fmt: skip
    out = capsys.readouterr().out.strip()
    assert code == 0 and out.endswith("任务分解表.docx") and Path(out).exists()


def test_a_failed_save_leaves_no_file(assigned, tmp_path, monkeypatch) -> None:
    """The temporary file is removed and the target never appears when saving fails."""
    doc = render(collect(assigned, 1))

    def broken_fsync(_fd: int) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("os.fsync", broken_fsync)  # the disk fails after half the bytes
    folder = tmp_path / "out"
    with pytest.raises(OSError):
        save_atomic(doc, folder / "target.docx")
    assert list(folder.iterdir()) == []


def test_unassigned_tasks_are_counted_in_a_warning(assigned, tmp_path, capsys) -> None:
    from db.backups import database_path

    written = run_export(
        assigned, ExportRequest("decomposition", list_plans(assigned)[0].id, tmp_path / "d.docx")
    )
    (warning,) = written.warnings
    assert warning.code == "unassigned" and warning.count == 152 - 91
    assert "61 of 152 tasks have no lead department" in str(warning)
    code = main(["--db", database_path(assigned), "export", "decomposition", "-o",
                 str(tmp_path / "cli.docx")])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 0 and "warning: 61 of 152 tasks have no lead department" in err


def test_the_same_table_as_an_excel_workbook(assigned, tmp_path, capsys) -> None:
    from openpyxl import load_workbook

    from db.backups import database_path

    target = tmp_path / "分解表.xlsx"
    code = main(["--db", database_path(assigned), "export", "decomposition", "-o", str(target),
                 "--short-names"])  # fmt: skip
    assert code == 0 and capsys.readouterr().out.strip() == str(target)
    ws = load_workbook(target).active
    values = [[c.value for c in row] for row in ws.iter_rows()]
    assert values[0][0] == "2020年全市教育工作要点任务分解表"
    assert values[2] == ["序号", "工作任务", "牵头处室", "配合处室", "完成时限"]
    assert values[3][0] == "一、加强党的领导，提升教育治理水平"
    assert values[4][0] == "1.深入学习贯彻党的十九届四中全会精神。"
    assert values[5][:3] == ["1-1", list_tasks(assigned)[0].text.replace(",", "，"), "基教处"]
    assert sum(1 for v in values if v[0] and "-" in str(v[0])) == 152
    assert ws.print_title_rows == "$3:$3" and ws.page_setup.orientation == "landscape"


def test_a_plan_kept_in_traditional_characters_gets_traditional_fixed_words(
    seeded_db, tmp_path
) -> None:
    report = collect(seeded_db, list_plans(seeded_db)[0].id)
    assert report.traditional
    path = save_atomic(render(report), tmp_path / "t.docx")
    doc = Document(str(path))
    assert doc.paragraphs[0].text == "2020年全市教育工作要點任務分解表"
    assert doc.paragraphs[1].text == "（青教工委〔2020〕2號　共26項重點工作、152項具體任務）"
    assert table_rows(doc.tables[0])[0] == ["序號", "工作任務", "牽頭處室", "配合處室", "完成時限"]

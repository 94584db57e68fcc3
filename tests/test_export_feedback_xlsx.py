"""进展情况反馈表 as Excel: the same form, keys in a 校验码 column, drop-downs, the form id
twice (core property and hidden sheet), all-or-nothing export, service and command line."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlite_utils import Database

from cli import main
from db.assignments import assign
from db.departments import require_department
from db.plans import list_plans
from db.progress import add_period
from db.records import Department
from db.reports import PlanReport, collect
from db.tasks import list_tasks
from domain.form_keys import FormStamp
from exports import files
from exports.feedback import (
    FeedbackOptions,
    check_form_id,
    check_row_key,
    form_id,
    parse_form_id,
    parse_row_key,
)
from exports.feedback_xlsx import (
    HEADERS,
    export_forms_xlsx,
    render_workbook,
    workbook_bytes,
    xlsx_file_name,
)
from exports.service import ExportError, ExportRequest, run_export

SECRET = b"0123456789abcdef"


def stamp(plan_id: int, **changes: object) -> FormStamp:
    """What the forms of ``plan_id`` are signed over (a database's identity and generations)."""
    made = FormStamp(SECRET, "a1" * 16, plan_id, "b2" * 16, "c3d4e5f6", 42)
    return dataclasses.replace(made, **changes)


@dataclasses.dataclass
class Setup:
    db: Database
    db_path: Path
    plan_id: int
    period_id: int
    basic: Department
    vocational: Department
    office: Department
    lead_ids: list[int]
    coop_ids: list[int]

    def report(self) -> PlanReport:
        return collect(self.db, self.plan_id, period_id=self.period_id)


@pytest.fixture
def setup(seeded_db: Database, db_path: Path) -> Setup:
    db = seeded_db
    tasks = list_tasks(db)
    basic = require_department(db, "基础教育处")
    vocational = require_department(db, "职业与成人教育处")
    office = require_department(db, "办公室")
    lead = [t.id for t in tasks[:3]]
    coop = [tasks[5].id]
    assign(db, lead, lead=basic.id, cooperating=[vocational.id], deadline="6月底前")
    assign(db, coop, lead=vocational.id, cooperating=[basic.id], deadline="年底前")
    plan_id = list_plans(db)[0].id
    period = add_period(db, plan_id, "第一季度", "2020-01-01", "2020-03-31", kind="quarter")
    return Setup(db, db_path, plan_id, period.id, basic, vocational, office, lead, coop)


def _workbook(setup: Setup, tmp_path: Path, **options: object):
    wb = render_workbook(
        setup.report(), setup.basic, stamp(setup.plan_id), FeedbackOptions(**options)
    )
    assert wb is not None
    path = tmp_path / "form.xlsx"
    path.write_bytes(workbook_bytes(wb))
    return load_workbook(path), path


def test_sheet_has_title_unit_header_groups_and_keyed_rows(setup, tmp_path) -> None:
    wb, _ = _workbook(setup, tmp_path)
    assert wb.sheetnames == ["进展情况反馈表", "duban"]
    ws = wb["进展情况反馈表"]
    assert ws["A1"].value == "2020年全市教育工作要點第一季度進展情況反饋表"
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert "A1:J1" in merged
    assert ws["A2"].value == "填报单位：基础教育处" and ws["F2"].value == "填报日期："
    assert tuple(c.value for c in ws[3]) == HEADERS
    assert HEADERS[-1] == "校验码" and HEADERS[:9] == (
        "序号",
        "工作任务",
        "角色",
        "完成时限",
        "进展情况",
        "存在问题",
        "下步打算",
        "完成进度",
        "状态",
    )
    assert ws["A4"].value == "一、牵头任务" and "A4:J4" in merged
    by_id = {t.id: t for t in setup.report().tasks}
    rows = list(ws.iter_rows(min_row=5, max_row=4 + len(setup.lead_ids), values_only=True))
    for row, task_id in zip(rows, setup.lead_ids, strict=True):
        assert row[0] == by_id[task_id].code and row[1] == by_id[task_id].text
        assert row[2:4] == ("牵头", "6月底前")
        assert all(v in (None, "") for v in row[4:9])
        key = parse_row_key(row[9])
        assert key == (setup.basic.id, setup.period_id, task_id, key.mac)
        assert check_row_key(stamp(setup.plan_id), row[9])
    group = 5 + len(setup.lead_ids)
    assert ws.cell(group, 1).value == "二、配合任务"
    coop = ws.cell(group + 1, 3).value, parse_row_key(ws.cell(group + 1, 10).value).task_id
    assert coop == ("配合", setup.coop_ids[0])
    footer = [c.value for c in ws["A"] if c.value and str(c.value).startswith("填报人")]
    assert footer == ["填报人：　　　　　　联系电话：　　　　　　处室负责人（签字）："]


def test_key_column_is_small_grey_and_cells_wrap(setup, tmp_path) -> None:
    ws = _workbook(setup, tmp_path)[0]["进展情况反馈表"]
    key = ws["J5"]
    assert key.font.sz == 8 and key.font.color.rgb.endswith("808080")
    assert ws["B5"].alignment.wrap_text and ws["E5"].alignment.wrap_text
    assert ws["B5"].border.left.style == "thin"
    assert ws.column_dimensions["B"].width > ws.column_dimensions["C"].width
    assert ws.column_dimensions["E"].width >= 30


def test_frozen_header_and_landscape_a4_fit_to_width(setup, tmp_path) -> None:
    ws = _workbook(setup, tmp_path)[0]["进展情况反馈表"]
    assert ws.freeze_panes == "A4"
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4) == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert int(ws.page_setup.fitToWidth) == 1 and int(ws.page_setup.fitToHeight) == 0
    assert ws.print_title_rows == "$3:$3"


def test_status_list_and_percent_validation(setup, tmp_path) -> None:
    ws = _workbook(setup, tmp_path)[0]["进展情况反馈表"]
    validations = {dv.type: dv for dv in ws.data_validations.dataValidation}
    status, percent = validations["list"], validations["whole"]
    assert status.formula1 == '"已完成,序时推进,滞后,未启动,暂缓"'
    assert (percent.operator, percent.formula1, percent.formula2) == ("between", "0", "100")
    last = 5 + len(setup.lead_ids) + len(setup.coop_ids)
    assert str(status.sqref) == f"I5:I{last}" and str(percent.sqref) == f"H5:H{last}"
    assert status.showErrorMessage and percent.showErrorMessage


def test_form_id_in_properties_and_hidden_sheet(setup, tmp_path) -> None:
    wb, _ = _workbook(setup, tmp_path, reply_by=None)
    expected = form_id(stamp(setup.plan_id), setup.period_id, setup.basic.id)
    assert wb.properties.identifier == expected == wb["duban"]["A1"].value
    assert wb["duban"].sheet_state == "hidden"
    assert check_form_id(stamp(setup.plan_id), expected)
    assert wb.properties.keywords == "进展情况反馈表"
    assert wb.properties.title == "2020年全市教育工作要點第一季度進展情況反饋表"


def test_reply_by_line(setup, tmp_path) -> None:
    import datetime as dt

    ws = _workbook(setup, tmp_path, reply_by=dt.date(2020, 4, 5))[0]["进展情况反馈表"]
    assert "请于2020年4月5日前报送办公室。" in [c.value for c in ws["A"]]


def test_department_without_tasks_gets_no_workbook(setup) -> None:
    assert (
        render_workbook(setup.report(), setup.office, stamp(setup.plan_id), FeedbackOptions())
        is None
    )


def test_export_writes_one_workbook_per_department(setup, tmp_path) -> None:
    calls: list[tuple[int, int]] = []
    folder = tmp_path / "forms"
    paths = export_forms_xlsx(
        setup.report(),
        stamp(setup.plan_id),
        folder,
        FeedbackOptions(),
        progress=lambda *a: calls.append(a),
    )
    names = ["01-基础教育处-进展情况反馈表.xlsx", "02-职业与成人教育处-进展情况反馈表.xlsx"]
    assert [p.name for p in paths] == names
    assert sorted(p.name for p in folder.iterdir()) == sorted(names)
    assert calls == [(1, 2), (2, 2)]
    assert xlsx_file_name(1, setup.basic) == names[0]
    for path, dept in zip(paths, (setup.basic, setup.vocational), strict=True):
        wb = load_workbook(path)
        assert parse_form_id(wb.properties.identifier).department_id == dept.id


def test_failed_export_leaves_nothing_from_that_run(setup, tmp_path, monkeypatch) -> None:
    folder = tmp_path / "forms"
    folder.mkdir()
    earlier = folder / "02-职业与成人教育处-进展情况反馈表.xlsx"
    earlier.write_bytes(b"earlier export")

    def cancel(done: int, total: int) -> None:
        if done == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        export_forms_xlsx(
            setup.report(), stamp(setup.plan_id), folder, FeedbackOptions(), progress=cancel
        )
    assert [p.name for p in folder.iterdir()] == [earlier.name]
    assert earlier.read_bytes() == b"earlier export"

    real = files.write_atomic  # the one the folder writer calls
    written: list[Path] = []

    def failing(data: bytes, path: Path) -> Path:
        if written:
            raise OSError(28, "No space left on device")
        written.append(real(data, path))
        return written[-1]

    monkeypatch.setattr(files, "write_atomic", failing)
    with pytest.raises(OSError, match="No space"):
        export_forms_xlsx(setup.report(), stamp(setup.plan_id), folder, FeedbackOptions())
    assert written and not written[0].exists()
    assert [p.name for p in folder.iterdir()] == [earlier.name]


def test_service_writes_excel_forms_and_refuses_excel_for_other_documents(setup, tmp_path) -> None:
    request = ExportRequest(
        "feedback-forms", setup.plan_id, tmp_path / "out", setup.period_id, form_format="xlsx"
    )
    paths = run_export(setup.db, request)
    assert [p.suffix for p in paths] == [".xlsx", ".xlsx"]
    word = run_export(
        setup.db, dataclasses.replace(request, output=tmp_path / "w", form_format="docx")
    )
    assert [p.suffix for p in word] == [".docx", ".docx"]
    with pytest.raises(ExportError, match="Excel"):
        run_export(setup.db, dataclasses.replace(request, kind="reminders"))
    with pytest.raises(ExportError, match="form format"):
        run_export(setup.db, dataclasses.replace(request, form_format="pdf"))
    with pytest.raises(ExportError, match="folder"):
        run_export(setup.db, dataclasses.replace(request, output=tmp_path / "one.xlsx"))


def test_command_line_xlsx(setup, tmp_path, capsys) -> None:
    folder = tmp_path / "cli-forms"
    args = ["--db", str(setup.db_path), "export", "feedback-forms", "-o", str(folder)]
    code = main([*args, "--period", str(setup.period_id), "--xlsx", "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert [Path(p).suffix for p in json.loads(out)] == [".xlsx", ".xlsx"]
    assert (
        main(["--db", str(setup.db_path), "export", "report", "-o", str(tmp_path), "--xlsx"]) == 2
    )
    assert "Excel" in capsys.readouterr().err

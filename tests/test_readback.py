"""Reading returned 进展情况反馈表 back: export (Word and Excel), fill in as a department
would, read, preview, apply — and every way a returned file can be wrong."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from sqlite_utils import Database

from db import audit
from db.assignments import assign
from db.departments import require_department
from db.imports import import_plan
from db.plans import list_plans
from db.progress import add_period, get_progress, record_progress
from db.readback import (
    CONFLICT,
    DUPLICATE,
    EMPTY,
    NEW,
    NOTED,
    REJECTED,
    UNCHANGED,
    UPDATE,
    ApplyResult,
    apply_readback,
    preview_readback,
)
from db.records import Department
from db.tasks import list_tasks
from domain.script import to_simplified
from exports.feedback import parse_row_key
from exports.form_cells import STATUS_ISSUE, parse_percent, parse_status
from exports.readback import FilledForm, FormError, read_filled_form, read_filled_forms
from exports.service import ExportRequest, run_export
from tests.conftest import SAMPLE_PLAN
from tests.form_filling import docx_rows, fill_docx, fill_xlsx

UTC = dt.UTC


@dataclasses.dataclass
class Loop:
    db: Database
    plan_id: int
    period_a: int
    period_b: int
    basic: Department
    vocational: Department
    office: Department
    lead_ids: list[int]  # 基础教育处 leads, 职成处 cooperates
    coop_ids: list[int]  # 职成处 leads, 基础教育处 cooperates
    no_lead_id: int  # no lead, 基础教育处 cooperates

    def export(self, folder: Path, form_format: str = "docx", period: int | None = None):
        request = ExportRequest(
            "feedback-forms",
            self.plan_id,
            folder,
            period or self.period_a,
            form_format=form_format,
        )
        return run_export(self.db, request)  # [基础教育处, 职业与成人教育处]

    def preview(self, forms, period: int | None = None):
        return preview_readback(
            self.db, forms, plan_id=self.plan_id, period_id=period or self.period_a
        )


@pytest.fixture
def loop(seeded_db: Database) -> Loop:
    return make_loop(seeded_db)


def make_loop(db: Database) -> Loop:
    """Tasks assigned to 基础教育处 and 职成处 (leading, cooperating) and two periods."""
    tasks = list_tasks(db)
    basic = require_department(db, "基础教育处")
    vocational = require_department(db, "职业与成人教育处")
    office = require_department(db, "办公室")
    lead = [t.id for t in tasks[:3]]
    coop = [tasks[5].id, tasks[6].id]
    assign(db, lead, lead=basic.id, cooperating=[vocational.id], deadline="6月底前")
    assign(db, coop, lead=vocational.id, cooperating=[basic.id], deadline="年底前")
    assign(db, [tasks[9].id], lead=None, cooperating=[basic.id])
    plan_id = list_plans(db)[0].id
    a = add_period(db, plan_id, "第一季度", "2020-01-01", "2020-03-31", kind="quarter")
    b = add_period(db, plan_id, "第二季度", "2020-04-01", "2020-06-30", kind="quarter")
    return Loop(db, plan_id, a.id, b.id, basic, vocational, office, lead, coop, tasks[9].id)


def _lead_values(loop: Loop) -> dict[int, dict]:
    first, second, _third = loop.lead_ids
    return {
        first: dict(
            progress="已召开推进会2次",
            problems="经费不足",
            next_steps="6月前验收",
            percent="60%",
            status="序时推进",
        ),
        second: dict(progress="正在起草方案", percent="６０％", status="滞后"),
    }


def _entry(loop: Loop, task_id: int, period: int | None = None):
    return get_progress(loop.db, task_id, period or loop.period_a)


# -- the whole loop ------------------------------------------------------------------------


def test_docx_loop_reads_previews_and_applies(loop, tmp_path) -> None:
    basic_form, _vocational_form = loop.export(tmp_path / "forms")
    fill_docx(
        basic_form,
        {
            **_lead_values(loop),
            loop.coop_ids[0]: dict(progress="配合提供数据", status="序时推进", percent="50"),
        },
    )
    form = read_filled_form(basic_form)
    assert isinstance(form, FilledForm) and form.form_id.department_id == loop.basic.id
    rows = {parse_row_key(r.key_text).task_id: r for r in form.rows}
    first = rows[loop.lead_ids[0]]
    assert (first.status, first.percent, first.progress) == ("on_track", 60, "已召开推进会2次")
    assert (first.problems, first.next_steps) == ("经费不足", "6月前验收")
    assert "☑序时推进" in to_simplified(first.status_text) and not first.issues
    assert rows[loop.lead_ids[1]].percent == 60 and rows[loop.lead_ids[1]].status == "behind"
    assert rows[loop.lead_ids[2]].empty and rows[loop.lead_ids[2]].status is None
    assert not rows[loop.lead_ids[2]].issues  # an untouched row is no problem

    preview = loop.preview([form])
    (accepted,) = preview.forms
    assert accepted.accepted and accepted.department == "基础教育处"
    kinds = {r.task_id: r.kind for r in preview.rows}
    assert kinds[loop.lead_ids[0]] == kinds[loop.lead_ids[1]] == NEW
    assert kinds[loop.lead_ids[2]] == EMPTY
    assert kinds[loop.coop_ids[0]] == NOTED and kinds[loop.coop_ids[1]] == EMPTY
    noted = next(r for r in preview.rows if r.kind == NOTED)
    assert "职业与成人教育处" in noted.reason and noted.role == "cooperating"
    row = next(r for r in preview.rows if r.task_id == loop.lead_ids[0])
    assert row.old is None and row.new.status == "on_track" and row.new.percent == 60
    assert row.code and row.task_text and len(row.task_text) <= 40 and row.role == "lead"

    result = apply_readback(loop.db, preview)
    assert (result.new, result.updated, result.unchanged, result.conflicts_kept) == (2, 0, 0, 0)
    assert (result.rejected, result.noted, result.empty) == (0, 1, 3)
    entry = _entry(loop, loop.lead_ids[0])
    assert (entry.status, entry.percent, entry.progress) == ("on_track", 60, "已召开推进会2次")
    assert (entry.problems, entry.next_steps, entry.source) == ("经费不足", "6月前验收", "readback")
    assert entry.reporter == "基础教育处"
    assert entry.reported_on == form.modified.astimezone().date().isoformat()
    assert _entry(loop, loop.coop_ids[0]) is None  # a cooperating department's row is noted only
    assert _entry(loop, loop.lead_ids[2]) is None


def test_audit_rows_come_from_readback_and_the_context_is_restored(loop, tmp_path) -> None:
    basic_form, _ = loop.export(tmp_path / "forms")
    fill_docx(basic_form, _lead_values(loop))
    apply_readback(loop.db, loop.preview([read_filled_form(basic_form)]))
    log = audit.list_audit(loop.db, entity="task", entity_id=loop.lead_ids[0])
    records = [e for e in log if e.action == "progress.record"]
    assert records and {e.source for e in records} == {"readback"}
    assert {e.actor for e in records} == {"tester"}
    assert {e.field: e.new_value for e in records}["progress.status"] == "on_track"
    assert audit._context(loop.db).source == "test"  # restored after the call
    record_progress(loop.db, loop.lead_ids[2], loop.period_a, status="done")
    latest = audit.list_audit(loop.db, entity="task", entity_id=loop.lead_ids[2])[0]
    assert latest.source == "test"


def test_second_import_of_the_same_forms_changes_nothing(loop, tmp_path) -> None:
    basic_form, _ = loop.export(tmp_path / "forms")
    fill_docx(basic_form, _lead_values(loop))
    apply_readback(loop.db, loop.preview([read_filled_form(basic_form)]))
    before = [dataclasses.asdict(_entry(loop, t)) for t in loop.lead_ids[:2]]
    audit_rows = len(audit.list_audit(loop.db))
    again = loop.preview([read_filled_form(basic_form)])
    assert {r.kind for r in again.rows if r.task_id in loop.lead_ids[:2]} == {UNCHANGED}
    result = apply_readback(loop.db, again)
    assert (result.new, result.updated, result.unchanged, result.conflicts_kept) == (0, 0, 2, 0)
    assert result.written == ()
    assert [dataclasses.asdict(_entry(loop, t)) for t in loop.lead_ids[:2]] == before
    assert len(audit.list_audit(loop.db)) == audit_rows


def test_xlsx_loop(loop, tmp_path) -> None:
    basic_form, vocational_form = loop.export(tmp_path / "forms", "xlsx")
    assert basic_form.suffix == ".xlsx"
    first, second, third = loop.lead_ids
    fill_xlsx(
        basic_form,
        {
            first: dict(progress="完成调研\n形成报告", percent=80, status="序时推进"),
            second: dict(progress="已完成", percent=None, status="已完成"),
            third: dict(progress="未开始", percent="45%", status="未启动"),
        },
    )
    fill_xlsx(
        vocational_form, {loop.coop_ids[0]: dict(progress="推进中", status="滞后", percent=30)}
    )
    forms = read_filled_forms([basic_form, vocational_form])
    assert all(isinstance(f, FilledForm) and f.file_format == "xlsx" for f in forms)
    preview = loop.preview(forms)
    assert preview.counts()[NEW] == 4 and not preview.rejected_forms
    result = apply_readback(loop.db, preview)
    assert result.new == 4
    assert (
        _entry(loop, first).progress == "完成调研\n形成报告" and _entry(loop, first).percent == 80
    )
    assert (_entry(loop, second).status, _entry(loop, second).percent) == ("done", 100)
    assert (_entry(loop, third).status, _entry(loop, third).percent) == ("not_started", 45)
    coop = _entry(loop, loop.coop_ids[0])
    assert (coop.status, coop.percent, coop.reporter) == ("behind", 30, "职业与成人教育处")
    again = apply_readback(loop.db, loop.preview(read_filled_forms([basic_form, vocational_form])))
    assert (again.new, again.updated, again.unchanged) == (0, 0, 4)


def test_xlsx_without_core_properties_uses_the_hidden_sheet(loop, tmp_path) -> None:
    basic_form, _ = loop.export(tmp_path / "forms", "xlsx")
    fill_xlsx(basic_form, {loop.lead_ids[0]: dict(progress="x", status="暂缓")})
    wb = load_workbook(basic_form)
    wb.properties.identifier = None  # what WPS may do
    wb.save(basic_form)
    form = read_filled_form(basic_form)
    assert isinstance(form, FilledForm) and form.form_id.department_id == loop.basic.id
    assert loop.preview([form]).forms[0].accepted


def test_an_earlier_entry_is_updated(loop, tmp_path) -> None:
    first = loop.lead_ids[0]
    record_progress(loop.db, first, loop.period_a, status="not_started", progress="旧")
    basic_form, _ = loop.export(tmp_path / "forms")
    fill_docx(basic_form, _lead_values(loop), modified=dt.datetime.now(UTC) + dt.timedelta(0, 5))
    preview = loop.preview([read_filled_form(basic_form)])
    row = next(r for r in preview.rows if r.task_id == first)
    assert row.kind == UPDATE and row.old.status == "not_started" and row.old.progress == "旧"
    result = apply_readback(loop.db, preview)
    assert (result.new, result.updated) == (1, 1)
    assert _entry(loop, first).status == "on_track"


def test_entry_newer_than_the_form_is_a_conflict_and_kept(loop, tmp_path) -> None:
    first = loop.lead_ids[0]
    basic_form, _ = loop.export(tmp_path / "forms")
    fill_docx(basic_form, _lead_values(loop), modified=dt.datetime.now(UTC) - dt.timedelta(hours=1))
    record_progress(loop.db, first, loop.period_a, status="done", percent=100, progress="电话报")
    preview = loop.preview([read_filled_form(basic_form)])
    row = next(r for r in preview.rows if r.task_id == first)
    assert row.kind == CONFLICT and "未覆盖" in row.reason
    result = apply_readback(loop.db, preview)
    assert (result.conflicts_kept, result.new) == (1, 1)
    assert _entry(loop, first).progress == "电话报" and _entry(loop, first).source == "manual"
    again = loop.preview([read_filled_form(basic_form)])
    result = apply_readback(loop.db, again, overwrite_conflicts=True)
    assert (result.updated, result.conflicts_kept, result.unchanged) == (1, 0, 1)
    entry = _entry(loop, first)
    assert (entry.progress, entry.status, entry.source) == (
        "已召开推进会2次",
        "on_track",
        "readback",
    )


def test_entry_changed_after_the_preview_is_not_overwritten(loop, tmp_path) -> None:
    basic_form, _ = loop.export(tmp_path / "forms")
    fill_docx(basic_form, _lead_values(loop))
    preview = loop.preview([read_filled_form(basic_form)])
    record_progress(loop.db, loop.lead_ids[0], loop.period_a, status="done", progress="刚改的")
    result = apply_readback(loop.db, preview)
    assert (result.new, result.conflicts_kept) == (1, 1)
    assert _entry(loop, loop.lead_ids[0]).progress == "刚改的"


def test_task_without_lead_takes_the_cooperating_report(loop, tmp_path) -> None:
    basic_form, _ = loop.export(tmp_path / "forms")
    fill_docx(basic_form, {loop.no_lead_id: dict(progress="代为推进", status="序时推进")})
    preview = loop.preview([read_filled_form(basic_form)])
    row = next(r for r in preview.rows if r.task_id == loop.no_lead_id)
    assert row.kind == NEW and row.role == "cooperating" and "暂无牵头处室" in row.reason
    apply_readback(loop.db, preview)
    assert _entry(loop, loop.no_lead_id).progress == "代为推进"


def test_status_missing_or_ticked_twice_rejects_the_row(loop, tmp_path) -> None:
    basic_form, _ = loop.export(tmp_path / "forms")
    first, second, _ = loop.lead_ids
    fill_docx(basic_form, {first: dict(progress="写了进展"), second: dict(progress="两个勾")})
    doc = Document(str(basic_form))
    for task_id, cells, _ in docx_rows(doc):
        if task_id == second:
            cells[8].paragraphs[0].text = "☑已完成"
            cells[8].paragraphs[2].text = "☑滞后"
    doc.save(str(basic_form))
    form = read_filled_form(basic_form)
    preview = loop.preview([form])
    rows = {r.task_id: r for r in preview.rows}
    assert rows[first].kind == rows[second].kind == REJECTED
    assert rows[first].reason == rows[second].reason == STATUS_ISSUE
    assert apply_readback(loop.db, preview).rejected == 2
    assert _entry(loop, first) is None and _entry(loop, second) is None


def test_department_no_longer_on_the_task_and_a_removed_task(loop, tmp_path) -> None:
    basic_form, _ = loop.export(tmp_path / "forms")
    first, second, _ = loop.lead_ids
    fill_docx(basic_form, _lead_values(loop))
    assign(loop.db, [first], lead=loop.office.id, cooperating=[])
    preview = loop.preview([read_filled_form(basic_form)])
    rows = {r.task_id: r for r in preview.rows}
    assert rows[first].kind == REJECTED and "已不再牵头或配合" in rows[first].reason
    assert rows[second].kind == NEW


def test_row_with_a_column_removed_is_rejected_not_misread(loop, tmp_path) -> None:
    basic_form, _ = loop.export(tmp_path / "forms")
    fill_docx(basic_form, _lead_values(loop))
    doc = Document(str(basic_form))
    _task, cells, _key = next(docx_rows(doc))
    tr = cells[0]._tc.getparent()
    tr.remove(tr.tc_lst[5])  # 存在问题 deleted from the first task's row
    doc.save(str(basic_form))
    form = read_filled_form(basic_form)
    assert "列被增删" in form.rows[0].issues[0] and form.rows[0].status is None
    row = loop.preview([form]).rows[0]
    assert row.kind == REJECTED and "列被增删" in row.reason


# -- rejections ----------------------------------------------------------------------------


def test_form_of_another_period_is_rejected_by_name(loop, tmp_path) -> None:
    basic_form, _ = loop.export(tmp_path / "forms")  # period A
    fill_docx(basic_form, _lead_values(loop))
    preview = loop.preview([read_filled_form(basic_form)], period=loop.period_b)
    (form,) = preview.forms
    assert not form.accepted and not form.rows
    assert "“第一季度”" in form.reason and "第二季度" in form.reason
    assert basic_form.name in form.message
    result = apply_readback(loop.db, preview)
    assert result == ApplyResult(0, 0, 0, 0, 1)
    assert _entry(loop, loop.lead_ids[0], loop.period_b) is None


def test_form_of_another_plan_is_rejected(loop, tmp_path) -> None:
    copy = tmp_path / "plan-copy.txt"
    copy.write_text(SAMPLE_PLAN.read_text(encoding="utf-8") + "\n（修订稿）\n", encoding="utf-8")
    other_plan = import_plan(loop.db, copy, replace=False).plan_id
    assert other_plan != loop.plan_id
    other_task = list_tasks(loop.db)[-1]
    assert other_task.plan_id == other_plan
    assign(loop.db, [other_task.id], lead=loop.basic.id)
    other_period = add_period(loop.db, other_plan, "第一季度", "2020-01-01", "2020-03-31")
    folder = tmp_path / "other"
    (other_form,) = run_export(
        loop.db, ExportRequest("feedback-forms", other_plan, folder, other_period.id)
    )
    fill_docx(other_form, {other_task.id: dict(progress="别的计划", status="滞后")})
    preview = loop.preview([read_filled_form(other_form)])
    (form,) = preview.forms
    assert not form.accepted and "这份表属于另一个计划" in form.reason
    # The other way round too: this plan's form offered to the other plan.
    basic_form, _ = loop.export(tmp_path / "forms")
    back = preview_readback(
        loop.db, [read_filled_form(basic_form)], plan_id=other_plan, period_id=other_period.id
    )
    assert "另一个计划" in back.forms[0].reason
    apply_readback(loop.db, preview)
    assert get_progress(loop.db, other_task.id, other_period.id) is None


def test_altered_key_rejects_that_row_only(loop, tmp_path) -> None:
    basic_form, _ = loop.export(tmp_path / "forms")
    fill_docx(basic_form, _lead_values(loop))
    doc = Document(str(basic_form))
    for task_id, _cells, key in docx_rows(doc):
        if task_id == loop.lead_ids[0]:
            text = key.text
            last = "0" if text[-1] != "0" else "1"
            key.runs[0].text = text[:-1] + last  # one character of the key edited
    doc.save(str(basic_form))
    preview = loop.preview([read_filled_form(basic_form)])
    bad = next(r for r in preview.rows if r.kind == REJECTED)
    assert bad.reason.startswith("校验码被修改") and bad.path == basic_form
    result = apply_readback(loop.db, preview)
    assert (result.new, result.rejected) == (1, 1)
    assert _entry(loop, loop.lead_ids[0]) is None and _entry(loop, loop.lead_ids[1]) is not None


def test_key_of_another_department_copied_in_is_rejected(loop, tmp_path) -> None:
    basic_form, vocational_form = loop.export(tmp_path / "forms")
    foreign = next(k for t, _c, k in docx_rows(Document(str(vocational_form))))
    doc = Document(str(basic_form))
    _task, cells, key = next(docx_rows(doc))
    key.runs[0].text = foreign.text
    cells[4].text = "抄来的行"
    cells[8].paragraphs[1].text = "☑序时推进"
    doc.save(str(basic_form))
    row = loop.preview([read_filled_form(basic_form)]).rows[0]
    assert row.kind == REJECTED and "另一个处室或报告期" in row.reason


def test_altered_form_id_rejects_the_whole_form(loop, tmp_path) -> None:
    basic_form, _ = loop.export(tmp_path / "forms")
    fill_docx(basic_form, _lead_values(loop))
    doc = Document(str(basic_form))
    identifier = doc.core_properties.identifier
    # Claim to be 职成处's form: the MAC no longer matches.
    doc.core_properties.identifier = identifier.replace(
        f":{loop.basic.id}:", f":{loop.vocational.id}:"
    )
    doc.save(str(basic_form))
    preview = loop.preview([read_filled_form(basic_form)])
    assert not preview.forms[0].accepted and "表格标识被修改" in preview.forms[0].reason
    assert apply_readback(loop.db, preview).new == 0
    assert _entry(loop, loop.lead_ids[0]) is None
    doc.core_properties.identifier = ""
    doc.save(str(basic_form))
    missing = loop.preview([read_filled_form(basic_form)]).forms[0]
    assert not missing.accepted and "找不到表格标识" in missing.reason


def test_files_that_are_not_forms_are_errors_naming_the_file(loop, tmp_path) -> None:
    plain = tmp_path / "通知.docx"
    doc = Document()
    doc.add_paragraph("关于报送进展情况的通知")
    doc.save(str(plain))
    random = tmp_path / "random.docx"
    random.write_bytes(bytes(range(256)) * 20)
    basic_form, _ = loop.export(tmp_path / "forms")
    truncated = tmp_path / "truncated.docx"
    truncated.write_bytes(basic_form.read_bytes()[: basic_form.stat().st_size // 2])
    notes = tmp_path / "notes.txt"
    notes.write_text("hello", encoding="utf-8")
    old = tmp_path / "表.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    bad_xlsx = tmp_path / "broken.xlsx"
    bad_xlsx.write_bytes(b"PK\x03\x04 nothing")
    missing = tmp_path / "gone.docx"
    results = {
        p.name: read_filled_form(p)
        for p in (plain, random, truncated, notes, old, bad_xlsx, missing)
    }
    for name, result in results.items():
        assert isinstance(result, FormError), name
        assert name in str(result) and result.reason  # which file, and why
        assert "Traceback" not in str(result)
    assert "not a Duban feedback form" in results["通知.docx"].reason
    assert "damaged" in results["random.docx"].reason
    assert "truncated" in results["truncated.docx"].reason
    assert ".txt" in results["notes.txt"].reason
    assert "save it as .docx" in results["表.doc"].reason
    assert "Excel" in results["broken.xlsx"].reason
    preview = loop.preview(list(results.values()))
    assert not any(f.accepted for f in preview.forms)
    assert {f.path.name for f in preview.rejected_forms} == set(results)
    assert all(f.path.name in f.message for f in preview.rejected_forms)
    assert apply_readback(loop.db, preview).rejected == len(results)


# -- many files at once --------------------------------------------------------------------


def test_a_folder_of_forms(loop, tmp_path) -> None:
    word = loop.export(tmp_path / "word")
    excel = loop.export(tmp_path / "excel", "xlsx")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    basic_docx = shutil.copy(word[0], inbox / word[0].name)
    vocational_xlsx = shutil.copy(excel[1], inbox / excel[1].name)
    fill_docx(Path(basic_docx), _lead_values(loop))
    fill_xlsx(
        Path(vocational_xlsx), {loop.coop_ids[1]: dict(progress="按期推进", status="序时推进")}
    )
    (inbox / "~$锁文件.docx").write_bytes(b"lock")
    (inbox / "说明.txt").write_text("ignored", encoding="utf-8")
    (inbox / "坏文件.docx").write_bytes(b"not a zip")
    forms = read_filled_forms(inbox)
    assert sorted(Path(getattr(f, "path", "")).name for f in forms) == sorted(
        [word[0].name, excel[1].name, "坏文件.docx"]
    )
    preview = loop.preview(forms)
    assert [f.path.name for f in preview.rejected_forms] == ["坏文件.docx"]
    result = apply_readback(loop.db, preview)
    assert (result.new, result.rejected) == (3, 1)
    assert _entry(loop, loop.coop_ids[1]).progress == "按期推进"


def test_two_forms_of_one_department_the_newer_wins(loop, tmp_path) -> None:
    older = loop.export(tmp_path / "a")[0]
    newer = loop.export(tmp_path / "b")[0]
    first = loop.lead_ids[0]
    now = dt.datetime.now(UTC)
    fill_docx(older, {first: dict(progress="旧稿", status="滞后")}, modified=now - dt.timedelta(1))
    fill_docx(newer, {first: dict(progress="新稿", status="序时推进")}, modified=now)
    for order in ([newer, older], [older, newer]):
        preview = loop.preview(read_filled_forms(order))
        rows = [r for r in preview.rows if r.task_id == first]
        winner = next(r for r in rows if r.kind == NEW)
        loser = next(r for r in rows if r.kind == DUPLICATE)
        assert winner.path == newer and loser.path == older
        assert "以该表为准" in loser.reason and newer.name in loser.reason
    apply_readback(loop.db, preview)
    assert _entry(loop, first).progress == "新稿"


def test_the_same_file_twice_is_read_once(loop, tmp_path) -> None:
    basic_form, _ = loop.export(tmp_path / "forms")
    fill_docx(basic_form, _lead_values(loop))
    preview = loop.preview(read_filled_forms([basic_form, basic_form]))
    assert preview.count(NEW) == 2 and preview.count(DUPLICATE) == 2
    assert {r.reason for r in preview.rows if r.kind == DUPLICATE} == {
        "同一份表重复读入，只导入一次"
    }
    assert apply_readback(loop.db, preview).new == 2


def test_form_modified_time_comes_from_the_document(loop, tmp_path) -> None:
    basic_form, _ = loop.export(tmp_path / "forms")
    when = dt.datetime(2020, 4, 3, 1, 30, tzinfo=UTC)
    fill_docx(basic_form, _lead_values(loop), modified=when)
    form = read_filled_form(basic_form)
    assert form.modified == when
    preview = loop.preview([form])
    assert {r.reported_on for r in preview.rows} == {when.astimezone().date().isoformat()}


# -- parsing cells -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("□已完成\n☑序时推进\n□滞后\n□未启动\n□暂缓", "on_track"),
        ("■已完成\n□序时推进", "done"),
        ("□已完成\n√滞后", "behind"),
        ("✓未启动\n□暂缓", "not_started"),
        ("□已完成\n✔暂缓", "postponed"),
        ("☒滞后\n□已完成", "behind"),
        ("▣已完成", "done"),
        ("◼序时推进 □滞后", "on_track"),
        ("●滞后", "behind"),
        ("⊠暂缓", "postponed"),
        ("[x]已完成\n[ ]滞后", "done"),
        ("x滞后\n□已完成", "behind"),
        ("☑ 序时推进\n□滞后", "on_track"),
        ("□已完成\n□滞后 √", "behind"),
        ("（√）暂缓", "postponed"),
        ("□滞后", "behind"),  # every other option deleted
        ("□已完成\n序时推进\n□滞后\n□未启动\n□暂缓", "on_track"),  # its box replaced by a symbol
        ("已完成", "done"),
        ("完成", "done"),
        ("序时推进", "on_track"),
        ("推进中", "on_track"),
        ("正常推进。", "on_track"),
        ("滞后", "behind"),
        ("未启动", "not_started"),
        ("暂缓", "postponed"),
        ("推迟", "postponed"),
        ("达进度", "on_track"),
        ("超进度", "on_track"),
        ("欠进度", "behind"),
        ("□已完成\n\uf0fe滞后", "behind"),  # a Wingdings tick
    ],
)
def test_status_cell(text: str, status: str) -> None:
    assert parse_status(text) == (status, [])


@pytest.mark.parametrize(
    "text",
    ["□已完成\n□序时推进\n□滞后\n□未启动\n□暂缓", "☑已完成\n☑滞后", "□已完成 □滞后"],
)
def test_status_cell_without_one_tick(text: str) -> None:
    assert parse_status(text) == (None, [STATUS_ISSUE])


def test_status_cell_unrecognised_or_blank() -> None:
    status, issues = parse_status("未完成")
    assert status is None and issues and "未完成" in issues[0]
    assert parse_status("") == (None, [])


@pytest.mark.parametrize(
    ("value", "percent"),
    [
        ("60", 60),
        ("60%", 60),
        ("６０％", 60),
        ("60 %", 60),
        (" 100 ", 100),
        ("约70%", 70),
        ("已完成", 100),
        (75, 75),
        (33.4, 33),
        ("", None),
        (None, None),
    ],
)
def test_percent_cell(value: object, percent: int | None) -> None:
    assert parse_percent(value) == (percent, [])


@pytest.mark.parametrize("value", ["150", "-5", "过半", "60%%x", 101])
def test_percent_cell_out_of_range_or_garbage(value: object) -> None:
    percent, issues = parse_percent(value)
    assert percent is None and len(issues) == 1


def test_percent_cell_formatted_as_percent_in_excel() -> None:
    assert parse_percent(0.6, percent_format=True) == (60, [])


@pytest.mark.libreoffice
def test_form_saved_again_by_another_word_processor_reads_back(loop, tmp_path) -> None:
    """LibreOffice rewrites the whole package, as WPS does: the form id, the keys and
    what was filled in survive."""
    import os
    import subprocess
    import tempfile

    from tests.libreoffice import FONTS, require_soffice

    basic_form, _ = loop.export(tmp_path / "forms")
    fill_docx(basic_form, _lead_values(loop))
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-"))
    out = tmp_path / "resaved"
    try:
        subprocess.run(
            [require_soffice(), "--headless", "--norestore",
             f"-env:UserInstallation=file://{profile}", "--convert-to",
             "docx:MS Word 2007 XML", "--outdir", str(out), str(basic_form)],
            capture_output=True, text=True, timeout=180,
            env=dict(os.environ, FONTCONFIG_FILE=str(FONTS), HOME=str(profile)),
        )  # fmt: skip
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    form = read_filled_form(out / basic_form.name)
    assert isinstance(form, FilledForm), form
    preview = loop.preview([form])
    assert preview.forms[0].accepted
    assert preview.count(NEW) == 2 and preview.count(REJECTED) == 0
    apply_readback(loop.db, preview)
    assert _entry(loop, loop.lead_ids[0]).progress == "已召开推进会2次"

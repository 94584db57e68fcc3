"""分工确认表 out and back: exported per department (.docx and .xlsx), filled in as a
department does, read back into replies and proposals; bad returned files refused."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from docx import Document
from sqlite_utils import Database

from db import confirmations as cf
from db.assignments import assign
from db.departments import require_department
from db.plans import list_plans
from db.progress import add_year_of_periods
from db.tasks import get_task, list_tasks
from domain.confirm_keys import parse_confirm_form_id
from domain.workflow import NOT_RETURNED, OBJECTIONS
from exports.confirm_readback import read_confirm_form, read_confirm_forms
from exports.confirmation import export_confirmation_forms
from tests.form_filling import confirm_docx_rows, fill_confirm_docx, fill_confirm_xlsx


def _assigned(db: Database) -> list[int]:
    tasks = [t.id for t in list_tasks(db)[:3]]
    basic, voc = require_department(db, "基教处").id, require_department(db, "职成处").id
    office = require_department(db, "办公室").id
    assign(db, tasks[:1], lead=office, cooperating=[basic, voc], deadline="6月底前")
    assign(db, tasks[1:2], lead=basic, cooperating=[voc], deadline="6月底前", person="张三")
    assign(db, tasks[2:], lead=voc)
    add_year_of_periods(db, list_plans(db)[0].id, 2020, "quarter")
    return tasks


def _export(db: Database, folder: Path, form_format: str = "docx") -> dict[str, Path]:
    written = export_confirmation_forms(db, list_plans(db)[0].id, folder, form_format=form_format)
    return {p.name.split("-")[1]: p for p in written}


@pytest.mark.parametrize("form_format", ["docx", "xlsx"])
def test_forms_go_out_come_back_and_are_recorded(
    simplified_db: Database, tmp_path: Path, form_format: str
) -> None:
    db = simplified_db
    t1, t2, t3 = _assigned(db)
    plan_id = list_plans(db)[0].id
    forms = _export(db, tmp_path / "out", form_format)
    assert set(forms) == {"基础教育处", "职业与成人教育处", "办公室"}
    states = {s.department: (s.state, s.sent) for s in cf.confirmation_states(db, plan_id)}
    assert set(states.values()) == {(NOT_RETURNED, True)}
    fill = fill_confirm_docx if form_format == "docx" else fill_confirm_xlsx
    fill(forms["基础教育处"], {
        t1: {"choice": "需调整", "lead": "职成处", "reason": "职成处主管此项"},
        t2: {"choice": "需调整", "deadline": "9月底前", "target": "二季度：完成初稿，50%",
             "cooperating": "职成处、办公室", "reason": "需等上级文件"},
    })  # fmt: skip
    fill(forms["职业与成人教育处"], {
        t1: {"choice": "需调整", "lead": "基础教育处", "reason": "基教处主管此项"},
        t2: {"choice": "同意"},
        t3: {"choice": "同意"},
    })  # fmt: skip
    read = read_confirm_forms(tmp_path / "out")
    preview = cf.preview_confirmations(db, read, plan_id=plan_id)
    accepted = {f.department: f.accepted for f in preview.forms}
    assert accepted == {"基础教育处": True, "职业与成人教育处": True, "办公室": False}
    blank = next(f for f in preview.forms if not f.accepted)  # sent back untouched
    assert blank.code == cf.BLANK and "没有勾选或填写任何一行" in blank.reason
    kinds = {(r.code, f.department): r.kind for f in preview.forms for r in f.rows}
    code = {t: get_task(db, t).code for t in (t1, t2, t3)}
    why = {(r.code, f.department): r.reason for f in preview.forms for r in f.rows}
    assert kinds[(code[t2], "职业与成人教育处")] == cf.AGREED, why
    shown = {(d.code, d.field): (d.old_value, d.shown) for d in preview.proposals}
    assert shown[(code[t2], "deadline")] == ("6月底前", "9月底前")
    assert shown[(code[t2], "cooperating")] == ("职业与成人教育处", "职业与成人教育处、办公室")
    assert shown[(code[t2], "target")] == ("", "2020年第二季度：完成初稿，50%")
    cf.record_replies(db, preview)
    states = {s.department: s.state for s in cf.confirmation_states(db, plan_id)}
    assert states == {"基础教育处": OBJECTIONS, "职业与成人教育处": OBJECTIONS,
                      "办公室": NOT_RETURNED}  # fmt: skip
    lead = next(g for g in cf.proposal_groups(db, plan_id) if g.field == "lead")
    assert lead.conflict and len(lead.proposals) == 2
    step = cf.settle(db, accept=cf.acceptable(db, plan_id))
    task = get_task(db, t2)
    assert (task.deadline.phrase, task.cooperating) == ("9月底前", ("职业与成人教育处", "办公室"))
    assert get_task(db, t1).lead == "办公室"  # the conflict waits for the clerk
    cf.undo_settlement(db, step)
    assert get_task(db, t2).deadline.phrase == "6月底前"


def test_the_word_form_follows_the_official_layout(seeded_db: Database, tmp_path: Path) -> None:
    db = seeded_db  # a plan kept in Traditional characters
    _assigned(db)
    forms = _export(db, tmp_path)
    doc = Document(str(forms["基础教育处"]))
    texts = "\n".join(p.text for p in doc.paragraphs)
    assert "分工確認表" in doc.core_properties.title and "填表說明" in texts
    assert parse_confirm_form_id(doc.core_properties.identifier) is not None
    table = doc.tables[-1]
    assert table.rows[0].cells[6].text.startswith("調整意見")
    assert [c.text.replace("\n", "") for c in table.rows[1].cells[6:]] == [
        "牽頭處室", "配合處室", "完成時限", "責任人", "階段目標", "理由"]  # fmt: skip
    header_xml = doc.tables[-1]._tbl.xml
    assert "w:cantSplit" in header_xml and "w:tblHeader" in header_xml
    rows = list(confirm_docx_rows(doc))
    assert rows and all(r[1][5].text == "□同意\n□需調整" for r in rows)
    signoff = doc.tables[0]  # above the table: never alone on a last page
    assert "填報人" in signoff.rows[1].cells[0].text


def _copy_with(path: Path, target: Path, replace: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(target, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, replace.get(item.filename, src.read(item.filename)))
    return target


def test_bad_returned_files_are_refused_naming_the_file(
    simplified_db: Database, tmp_path: Path
) -> None:
    db = simplified_db
    t1, _t2, _t3 = _assigned(db)
    plan_id = list_plans(db)[0].id
    forms = _export(db, tmp_path / "out")
    good = fill_confirm_docx(forms["基础教育处"], {t1: {"choice": "同意"}})
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "corrupt.docx").write_bytes(good.read_bytes()[:500])
    (bad / "image.xlsx").write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 100)
    core = zipfile.ZipFile(good).read("docProps/core.xml").decode()
    forged = core.replace(core.split("<dc:identifier>")[1].split("</dc:identifier>")[0][:-2], "x")
    forged_id = core.split("<dc:identifier>")[1].split("</dc:identifier>")[0]
    forged = core.replace(forged_id, forged_id[:-1] + ("0" if forged_id[-1] != "0" else "1"))
    _copy_with(good, bad / "forged.docx", {"docProps/core.xml": forged.encode()})
    from exports.service import ExportRequest, run_export

    feedback = run_export(db, ExportRequest("feedback-forms", plan_id, tmp_path / "fb"))
    (bad / "feedback.docx").write_bytes(feedback[0].read_bytes())
    read = read_confirm_forms(bad)
    preview = cf.preview_confirmations(db, read, plan_id=plan_id)
    reasons = {f.path.name: f.reason for f in preview.forms}
    assert not any(f.accepted for f in preview.forms)
    assert "damaged" in reasons["corrupt.docx"]
    assert "PNG" in reasons["image.xlsx"] or "image" in reasons["image.xlsx"]
    assert "表格标识被修改" in reasons["forged.docx"]
    assert "进展情况反馈表" in reasons["feedback.docx"]
    assert all(f.message.startswith(f.path.name) for f in preview.forms)
    result = cf.record_replies(db, preview)
    assert result.replies == () and cf.plan_proposals(db, plan_id) == []


def test_a_changed_row_key_and_an_unknown_name_are_row_problems(
    simplified_db: Database, tmp_path: Path
) -> None:
    db = simplified_db
    t1, t2, _t3 = _assigned(db)
    plan_id = list_plans(db)[0].id
    form = _export(db, tmp_path)["基础教育处"]
    fill_confirm_docx(form, {
        t1: {"choice": "需调整", "lead": "宣传处", "reason": "不归我处"},
        t2: {"choice": "需调整", "person": "李四", "reason": "人员调整"},
    })  # fmt: skip
    doc = Document(str(form))
    for task_id, _cells, key in confirm_docx_rows(doc):
        if task_id == t2:  # the department "corrects" the key to another task
            key.text = key.text.replace(f"T{t2}-", f"T{t1}-")
    doc.save(str(form))
    read = read_confirm_form(form)
    preview = cf.preview_confirmations(db, [read], plan_id=plan_id)
    reasons = [r.reason for r in preview.rows]
    assert any("“宣传处”不在处室名单中" in r for r in reasons)
    assert any("校验码被修改" in r for r in reasons)
    cf.record_replies(db, preview)
    states = {s.department: s.state for s in cf.confirmation_states(db, plan_id)}
    assert states["基础教育处"] != OBJECTIONS  # nothing proposed was stored
    assert cf.plan_proposals(db, plan_id) == []


def test_workbooks_of_another_database_or_import_and_dimension_bombs_are_refused(
    simplified_db: Database, tmp_path: Path
) -> None:
    import shutil

    from db.connection import open_database
    from tests.reliability.bad_inputs import dimension_bomb

    db = simplified_db
    t1, t2, _t3 = _assigned(db)
    plan_id = list_plans(db)[0].id
    forms = _export(db, tmp_path / "out", "xlsx")
    fill_confirm_xlsx(forms["基础教育处"], {t1: {"choice": "同意"}, t2: {"choice": "同意"}})
    bad = tmp_path / "bad"
    bad.mkdir()
    dimension_bomb(forms["基础教育处"], bad / "bomb.xlsx", "XFD1048576")
    # The same plan in another database (a colleague's copy made from scratch).
    other_path = tmp_path / "other.sqlite3"
    other = open_database(other_path)
    from db.departments import add_department

    for name, short in (("基础教育处", "基教处"), ("职业与成人教育处", "职成处"), ("办公室", "")):
        add_department(other, name, short_name=short)
    from db.imports import import_plan
    from tests.conftest import SAMPLE_PLAN

    import_plan(other, SAMPLE_PLAN, simplified=True)
    _assigned(other)
    theirs = _export(other, tmp_path / "theirs", "xlsx")
    shutil.copy(theirs["基础教育处"], bad / "other-database.xlsx")
    other.close()
    read = read_confirm_forms(bad)
    reasons = {
        f.path.name: f.reason for f in cf.preview_confirmations(db, read, plan_id=plan_id).forms
    }
    assert "XFD1048576" in reasons["bomb.xlsx"]
    assert "不是从本数据库导出的" in reasons["other-database.xlsx"]
    # The plan imported again since the export: its forms no longer check.
    db.execute("UPDATE plans SET generation = 'imported-again' WHERE id = ?", [plan_id])
    again = cf.preview_confirmations(db, [read_confirm_form(forms["基础教育处"])], plan_id=plan_id)
    assert not again.forms[0].accepted and "重新导入" in again.forms[0].reason
    assert cf.record_replies(db, again).replies == ()


def test_a_confirmation_form_given_to_the_feedback_readback_is_named(
    simplified_db: Database, tmp_path: Path
) -> None:
    from db.progress import list_periods
    from db.readback import preview_readback
    from exports.readback import read_filled_form

    db = simplified_db
    _assigned(db)
    plan_id = list_plans(db)[0].id
    form = _export(db, tmp_path)["基础教育处"]
    period = list_periods(db, plan_id)[0].id
    preview = preview_readback(db, [read_filled_form(form)], plan_id=plan_id, period_id=period)
    assert "这是分工确认表" in preview.forms[0].reason and not preview.forms[0].accepted

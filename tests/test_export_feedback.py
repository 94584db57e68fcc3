"""进展情况反馈表: one form per department, keyed rows that survive filling in, all-or-nothing
export into a folder."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from sqlite_utils import Database

from db.assignments import assign
from db.departments import require_department
from db.form_secret import form_secret
from db.plans import list_plans
from db.progress import add_period
from db.records import Department
from db.reports import PlanReport, collect
from db.settings import all_settings
from db.tasks import list_tasks
from domain.form_keys import FormStamp
from exports import feedback, files
from exports.docx_base import save_atomic
from exports.feedback import (
    FeedbackOptions,
    check_form_id,
    check_row_key,
    export_forms,
    file_name,
    form_id,
    parse_form_id,
    parse_row_key,
    read_form_keys,
    render,
    row_key,
)
from exports.text import mm_to_twips
from tests.docx_checks import assert_page, table_rows

SECRET = b"0123456789abcdef"


def stamp(plan_id: int, **changes: object) -> FormStamp:
    """What the forms of ``plan_id`` are signed over (a database's identity and generations)."""
    made = FormStamp(SECRET, "a1" * 16, plan_id, "b2" * 16, "c3d4e5f6", 42)
    return dataclasses.replace(made, **changes)


STATUS = "□已完成\n□序时推进\n□滞后\n□未启动\n□暂缓"


@dataclasses.dataclass
class Setup:
    db: Database
    plan_id: int
    period_id: int
    basic: Department
    vocational: Department
    office: Department
    lead_ids: list[int]  # 基础教育处 leads
    coop_ids: list[int]  # 基础教育处 cooperates

    def report(self, period: bool = True) -> PlanReport:
        return collect(self.db, self.plan_id, period_id=self.period_id if period else None)


@pytest.fixture
def setup(simplified_db: Database) -> Setup:
    db = simplified_db
    tasks = list_tasks(db)
    basic = require_department(db, "基础教育处")
    vocational = require_department(db, "职业与成人教育处")
    office = require_department(db, "办公室")
    lead = [t.id for t in tasks[:3]] + [tasks[20].id]
    coop = [tasks[5].id, tasks[30].id]
    assign(db, lead, lead=basic.id, cooperating=[vocational.id], deadline="6月底前")
    assign(db, coop, lead=vocational.id, cooperating=[basic.id], deadline="年底前")
    assign(db, [tasks[40].id], lead=vocational.id, deadline="长期坚持")
    plan_id = list_plans(db)[0].id
    period = add_period(db, plan_id, "第一季度", "2020-01-01", "2020-03-31", kind="quarter")
    return Setup(db, plan_id, period.id, basic, vocational, office, lead, coop)


def _save(
    setup: Setup, tmp_path: Path, department: Department | None = None, **options: object
) -> Path:
    doc = render(
        setup.report(), department or setup.basic, stamp(setup.plan_id), FeedbackOptions(**options)
    )
    assert doc is not None
    return save_atomic(doc, tmp_path / "form.docx")


def _main_table(doc: Document) -> object:
    assert len(doc.tables) == 2  # the borderless header line, then the form
    return doc.tables[1]


def test_form_lists_lead_tasks_then_cooperating_tasks_with_roles(setup, tmp_path) -> None:
    doc = Document(str(_save(setup, tmp_path)))
    rows = table_rows(_main_table(doc))
    assert rows[0] == [
        "序号",
        "工作任务",
        "角色",
        "完成时限",
        "进展情况",
        "存在问题",
        "下步打算",
        "完成进度",
        "状态",
    ]
    body = rows[1:]
    assert body[0] == ["一、牵头任务"] * 9  # a full-width group row
    by_id = {t.id: t for t in setup.report().tasks}
    lead_rows = body[1 : 1 + len(setup.lead_ids)]
    assert body[1 + len(setup.lead_ids)] == ["二、配合任务"] * 9
    coop_rows = body[2 + len(setup.lead_ids) :]
    assert len(coop_rows) == len(setup.coop_ids)
    for rows_, ids, role, deadline in (
        (lead_rows, setup.lead_ids, "牵头", "6月底前"),
        (coop_rows, setup.coop_ids, "配合", "年底前"),
    ):
        for row, task_id in zip(rows_, ids, strict=True):
            code, key = row[0].split("\n")
            assert code == by_id[task_id].code
            assert parse_row_key(key).task_id == task_id
            assert row[1] == by_id[task_id].text.replace(",", "，")
            assert row[2:4] == [role, deadline]
            assert row[4:8] == ["", "", "", ""]
            assert row[8] == STATUS
    # The task 职成处 leads alone is not on 基教处's form.
    assert not any("长期坚持" in cell for row in rows for cell in row)


def test_title_header_lines_and_instructions_above_the_table(setup, tmp_path) -> None:
    path = _save(setup, tmp_path, reply_by=dt.date(2020, 4, 5))
    doc = Document(str(path))
    texts = [p.text for p in doc.paragraphs if p.text]
    assert texts[0] == "2020年全市教育工作要点第一季度进展情况反馈表"
    assert doc.paragraphs[0].style.name == "GW Title"
    header = doc.tables[0]
    assert table_rows(header) == [
        ["填报单位：基础教育处", "填报日期：　　年　　月　　日"],
        ["填报人：　　　　　　联系电话：", "处室负责人（签字）：　　　　　　"],
    ]
    borders = header._tbl.find(f"{qn('w:tblPr')}/{qn('w:tblBorders')}")
    assert {b.get(qn("w:val")) for b in borders} == {"nil"}
    assert header._tbl.find(f".//{qn('w:tblHeader')}") is None
    assert texts[1] == "请于2020年4月5日前报送办公室。"
    assert texts[2].startswith("填表说明：1.“状态”栏只选一项") and "Excel" in texts[2]
    # Everything but the table comes first: the form ends with its last row.
    body = doc.element.body
    assert body[-2].tag == qn("w:p") and body[-3].tag == qn("w:tbl")


def test_without_period_or_reply_date(setup, tmp_path) -> None:
    form = render(setup.report(period=False), setup.basic, stamp(setup.plan_id), FeedbackOptions())
    doc = Document(str(save_atomic(form, tmp_path / "no-period.docx")))
    texts = [p.text for p in doc.paragraphs if p.text]
    assert texts[0] == "2020年全市教育工作要点进展情况反馈表"
    assert not any(t.startswith("请于") for t in texts)
    assert doc.core_properties.identifier == form_id(stamp(setup.plan_id), None, setup.basic.id)
    first_key = parse_row_key(table_rows(doc.tables[1])[2][0].split("\n")[1])
    assert first_key.period_id == 0
    custom = render(
        setup.report(), setup.basic, stamp(setup.plan_id), FeedbackOptions(title="第一季度反馈")
    )
    assert custom.doc.paragraphs[0].text == "第一季度反馈"


def test_page_is_a4_landscape_with_rotated_margins(setup, tmp_path) -> None:
    doc = Document(str(_save(setup, tmp_path)))
    assert len(doc.sections) == 1
    assert_page(doc.sections[0], landscape=True)  # 297×210, top 28 bottom 26 left 35 right 37


def test_header_repeats_and_rows_never_split(setup, tmp_path) -> None:
    table = _main_table(Document(str(_save(setup, tmp_path))))
    grid = [int(c.get(qn("w:w"))) for c in table._tbl.iter(qn("w:gridCol"))]
    assert abs(sum(grid) - mm_to_twips(225)) <= 5  # the landscape text width
    rows = list(table._tbl.iter(qn("w:tr")))
    header = rows[0].find(qn("w:trPr"))
    assert header.find(qn("w:tblHeader")) is not None
    assert all(r.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None for r in rows[1:])
    data = [r for r in rows if len(r.findall(qn("w:tc"))) == 9][1:]
    assert len(data) == len(setup.lead_ids) + len(setup.coop_ids)
    for row in data:
        trpr = row.find(qn("w:trPr"))
        assert trpr.find(qn("w:cantSplit")) is not None  # text, boxes and key stay together
        height = trpr.find(qn("w:trHeight"))
        assert height.get(qn("w:hRule")) == "atLeast"
        assert int(height.get(qn("w:val"))) == mm_to_twips(18)


def test_key_line_is_small_and_grey(setup, tmp_path) -> None:
    doc = Document(str(_save(setup, tmp_path)))
    first = _main_table(doc).rows[2].cells[0]
    code, key = first.paragraphs
    assert key.style.style_id == "GWKey" and key.style.font.size.pt == 6.5
    assert key.runs[0].font.color.rgb is not None and str(key.runs[0].font.color.rgb) == "808080"
    assert code.style.style_id == "GWCell" and code.text == setup.report().tasks[0].code
    status = _main_table(doc).rows[2].cells[8].paragraphs
    assert [p.text for p in status] == STATUS.split("\n")
    assert {p.style.style_id for p in status} == {"GWCellSmall"}


def test_every_row_key_checks_and_tampering_is_detected(setup, tmp_path) -> None:
    keys = read_form_keys(_save(setup, tmp_path))
    assert len(keys.rows) == len(setup.lead_ids) + len(setup.coop_ids)
    tasks = [parse_row_key(k).task_id for k, _cells in keys.rows]
    assert tasks == setup.lead_ids + setup.coop_ids
    for key, _cells in keys.rows:
        assert re.fullmatch(r"D\d+-P\d+-T\d+-[0-9a-f]{6}", key)
        assert check_row_key(stamp(setup.plan_id), key)
        dept, period, task, mac = parse_row_key(key)
        assert (dept, period) == (setup.basic.id, setup.period_id)
        assert not check_row_key(stamp(setup.plan_id + 1), key)  # another plan
        assert not check_row_key(stamp(setup.plan_id, secret=b"another secret"), key)
        # One character of the mac changed.
        flipped = key[:-1] + ("0" if key[-1] != "0" else "1")
        assert not check_row_key(stamp(setup.plan_id), flipped)
        # The task, department or period changed, the mac kept.
        for forged in (
            f"D{dept}-P{period}-T{task + 1}-{mac}",
            f"D{dept + 1}-P{period}-T{task}-{mac}",
            f"D{dept}-P{period + 1}-T{task}-{mac}",
        ):
            assert parse_row_key(forged) is not None
            assert not check_row_key(stamp(setup.plan_id), forged)


def test_row_keys_survive_what_editors_do_to_them() -> None:
    key = row_key(stamp(3), 7, 1, 152)
    assert key.startswith("D1-P7-T152-") and len(key.rsplit("-", 1)[1]) == 6
    assert row_key(stamp(3), None, 1, 152).startswith("D1-P0-T152-")
    assert parse_row_key(key) == (1, 7, 152, key[-6:])
    for variant in (
        f"  {key}\n",
        key.upper(),
        key.replace("-", "\u2011"),
        key.translate(str.maketrans("0123456789DPT", "０１２３４５６７８９ＤＰＴ")),
    ):
        assert check_row_key(stamp(3), variant), variant
    for not_a_key in ("", "4-2", "D1-P7-T152", "D1-P7-T152-9f2c1", "D1-P7-T152-9f2c1g", "x" + key):
        assert parse_row_key(not_a_key) is None
        assert not check_row_key(stamp(3), not_a_key)


def test_form_id_is_in_core_properties_and_round_trips(setup, tmp_path) -> None:
    doc = Document(str(_save(setup, tmp_path)))
    props = doc.core_properties
    expected = form_id(stamp(setup.plan_id), setup.period_id, setup.basic.id)
    assert props.identifier == expected == read_form_keys(tmp_path / "form.docx").form_id
    assert expected.startswith(f"duban-feedback:v2:{setup.plan_id}:{setup.period_id}:")
    plan, period, dept, mac, generation, seq, version = parse_form_id(expected)
    assert (generation, seq, version) == ("c3d4e5f6", 42, 2)
    assert (plan, period, dept) == (setup.plan_id, setup.period_id, setup.basic.id)
    assert re.fullmatch(r"[0-9a-f]{8}", mac)
    assert check_form_id(stamp(setup.plan_id), expected)
    assert not check_form_id(stamp(setup.plan_id, secret=b"other"), expected)
    assert not check_form_id(stamp(setup.plan_id, plan_generation="imported again"), expected)
    assert not check_form_id(stamp(setup.plan_id, identity="another database"), expected)
    forged = expected.replace(f":{setup.basic.id}:", f":{setup.vocational.id}:")
    assert parse_form_id(forged) is not None and not check_form_id(stamp(setup.plan_id), forged)
    assert form_id(stamp(1), None, 2).startswith("duban-feedback:v2:1:0:2:c3d4e5f6:42:")
    assert parse_form_id("feedback:2024Q3:x") is None and parse_form_id("") is None
    assert props.title == "2020年全市教育工作要点第一季度进展情况反馈表"
    assert props.subject == "2020年全市教育工作要点"
    assert props.keywords == "进展情况反馈表"
    assert props.author == (setup.report().office or "Duban")


def test_department_without_tasks_gets_no_form(setup) -> None:
    assert render(setup.report(), setup.office, stamp(setup.plan_id), FeedbackOptions()) is None


def test_only_cooperating_tasks_are_numbered_from_one(setup, tmp_path) -> None:
    report = setup.report()
    only_coop = dataclasses.replace(
        report, tasks=tuple(t for t in report.tasks if t.id in setup.coop_ids)
    )
    form = render(only_coop, setup.basic, stamp(setup.plan_id), FeedbackOptions())
    rows = table_rows(Document(str(save_atomic(form, tmp_path / "coop.docx"))).tables[1])
    assert rows[1][0] == "一、配合任务"
    assert sum(r[0] == r[1] for r in rows) == 1  # one group row


def test_export_writes_one_file_per_department_with_tasks(setup, tmp_path) -> None:
    calls: list[tuple[int, int]] = []
    folder = tmp_path / "forms"
    paths = export_forms(
        setup.report(),
        stamp(setup.plan_id),
        folder,
        FeedbackOptions(),
        progress=lambda done, total: calls.append((done, total)),
    )
    names = ["01-基础教育处-进展情况反馈表.docx", "02-职业与成人教育处-进展情况反馈表.docx"]
    assert [p.name for p in paths] == names
    assert sorted(p.name for p in folder.iterdir()) == sorted(names)  # no temporary files left
    assert calls == [(1, 2), (2, 2)]
    for path, dept in zip(paths, (setup.basic, setup.vocational), strict=True):
        keys = read_form_keys(path)
        assert parse_form_id(keys.form_id).department_id == dept.id
        assert keys.rows and all(parse_row_key(k).department_id == dept.id for k, _ in keys.rows)
    vocational_tasks = {parse_row_key(k).task_id for k, _ in read_form_keys(paths[1]).rows}
    assert vocational_tasks == set(setup.lead_ids) | set(setup.coop_ids) | {
        list_tasks(setup.db)[40].id
    }


def test_failed_export_leaves_nothing_from_that_run(setup, tmp_path, monkeypatch) -> None:
    folder = tmp_path / "forms"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    # An earlier export's form of the same name survives a failed new one, unchanged.
    earlier = folder / "02-职业与成人教育处-进展情况反馈表.docx"
    earlier.write_bytes(b"earlier export")

    def cancel(done: int, total: int) -> None:
        if done == 2:
            raise KeyboardInterrupt  # the user cancelled, or anything else went wrong

    with pytest.raises(KeyboardInterrupt):
        export_forms(
            setup.report(), stamp(setup.plan_id), folder, FeedbackOptions(), progress=cancel
        )
    assert sorted(p.name for p in folder.iterdir()) == sorted(["notes.txt", earlier.name])
    assert earlier.read_bytes() == b"earlier export"

    # The disk fails while writing the second form.
    real_save = files.write_atomic  # the one the folder writer calls
    saved: list[Path] = []

    def failing_save(data: bytes, path: Path) -> Path:
        if saved:
            raise OSError(28, "No space left on device")
        saved.append(real_save(data, path))
        return saved[-1]

    monkeypatch.setattr(files, "write_atomic", failing_save)
    with pytest.raises(OSError, match="No space"):
        export_forms(setup.report(), stamp(setup.plan_id), folder, FeedbackOptions())
    assert saved and not saved[0].exists()
    assert sorted(p.name for p in folder.iterdir()) == sorted(["notes.txt", earlier.name])
    assert earlier.read_bytes() == b"earlier export"


def test_control_characters_are_cleaned_and_file_names_are_safe(setup, tmp_path) -> None:
    report = setup.report()
    dirty = tuple(
        dataclasses.replace(t, text="关于\x07开展\x0b检查\x01工作\x1f")
        if t.id == setup.lead_ids[0]
        else t
        for t in report.tasks
    )
    basic = dataclasses.replace(setup.basic, name='基础/教育:处*?"<>|\x07')
    report = dataclasses.replace(report, tasks=dirty, departments=(basic,))
    (path,) = export_forms(report, stamp(setup.plan_id), tmp_path, FeedbackOptions())
    assert path.name == "01-基础_教育_处______-进展情况反馈表.docx"
    assert not re.search(r'[\\/:*?"<>|]', path.name.removesuffix(".docx").replace("-", ""))
    doc = Document(str(path))
    cell = _main_table(doc).rows[2].cells[1]
    assert cell.text == "关于开展\n检查工作"
    assert not re.search("[\x00-\x08\x0b-\x1f]", doc.tables[0].rows[0].cells[0].text)
    assert file_name(7, Department(9, "..", "", 0, True, None)) == "07-9-进展情况反馈表.docx"


def test_filled_in_form_reads_back_with_the_same_keys(setup, tmp_path) -> None:
    path = _save(setup, tmp_path)
    before = read_form_keys(path)
    # A department fills in two rows in Word: typed text, a second paragraph, a ticked box.
    doc = Document(str(path))
    filled = 0
    for row in _main_table(doc).rows:
        cells = row.cells
        if filled < 2 and len(cells) == 9 and "\n" in cells[0].text and cells[0].text[0] != "序":
            cells[4].text = f"已完成第{filled + 1}阶段工作"
            cells[4].add_paragraph("召开推进会2次")
            cells[7].text = "60%"
            cells[8].paragraphs[1].text = "☑序时推进"
            filled += 1
    doc.save(str(tmp_path / "returned.docx"))
    after = read_form_keys(tmp_path / "returned.docx")
    assert after.form_id == before.form_id
    assert [k for k, _ in after.rows] == [k for k, _ in before.rows]
    assert all(check_row_key(stamp(setup.plan_id), k) for k, _ in after.rows)
    first, second = after.rows[0][1], after.rows[1][1]
    assert first[4] == "已完成第1阶段工作\n召开推进会2次" and first[7] == "60%"
    assert second[4].startswith("已完成第2阶段工作") and "☑序时推进" in second[8]
    assert first[0] == before.rows[0][1][0] and "-" in first[0]  # the code, without the key
    assert after.rows[2][1][4] == ""
    # A key altered by hand is still read (as written), and fails the check.
    doc = Document(str(tmp_path / "returned.docx"))
    key_run = _main_table(doc).rows[2].cells[0].paragraphs[1].runs[0]
    key_run.text = key_run.text.replace("-T", "-T9")
    doc.save(str(tmp_path / "tampered.docx"))
    tampered = read_form_keys(tmp_path / "tampered.docx").rows[0][0]
    assert tampered != before.rows[0][0] and not check_row_key(stamp(setup.plan_id), tampered)


def test_form_secret_is_made_once_per_database(setup, db_path, tmp_path) -> None:
    secret = form_secret(setup.db)
    assert len(secret) == 16 and form_secret(setup.db) == secret
    assert feedback.form_secret is form_secret
    assert "forms.secret" not in all_settings(setup.db)  # not a user setting
    from db.connection import open_database

    other = open_database(tmp_path / "other.sqlite3")
    try:
        assert form_secret(other) != secret
    finally:
        other.close()


@pytest.mark.libreoffice
def test_form_converts_with_the_header_on_every_page(setup, tmp_path) -> None:
    from tests.libreoffice import pdf_pages, pdf_text, to_pdf

    report = setup.report()
    many = dataclasses.replace(
        report,
        tasks=tuple(dataclasses.replace(t, lead_id=setup.basic.id) for t in report.tasks[:30]),
    )
    doc = render(many, setup.basic, stamp(setup.plan_id), FeedbackOptions())
    pdf = to_pdf(save_atomic(doc, tmp_path / "many.docx"), tmp_path)
    pages = pdf_pages(pdf)
    assert len(pages) >= 3 and all(abs(w - 841.9) < 2 and abs(h - 595.3) < 2 for w, h in pages)
    text = pdf_text(pdf)
    assert text.count("下步打算") == len(pages)  # the header row repeats on every page
    assert "填报单位" in text and f"D{setup.basic.id}-P{setup.period_id}-" in text


def test_tasks_done_earlier_are_named_once_and_the_earlier_report_shown(setup, tmp_path) -> None:
    from db.progress import record_progress

    first, second = setup.lead_ids[:2]
    earlier = add_period(setup.db, setup.plan_id, "2019年末", "2019-12-01", "2019-12-31")
    record_progress(setup.db, first, earlier.id, status="done", percent=100, progress="已完成")
    record_progress(setup.db, second, earlier.id, status="on_track", percent=40,
                    progress="已形成初稿")  # fmt: skip
    doc = Document(str(_save(setup, tmp_path)))
    keys = read_form_keys(tmp_path / "form.docx")
    assert first not in [parse_row_key(k).task_id for k, _ in keys.rows]  # nothing to report
    codes = {t.id: t.code for t in setup.report().tasks}
    assert f"{codes[first]}已于此前报告完成，本期无需填报。" in [p.text for p in doc.paragraphs]
    row = next(r for r in _main_table(doc).rows if r.cells[0].text.startswith(codes[second]))
    task_cell = row.cells[1].paragraphs
    assert task_cell[-1].text == "上期进展（2019年末）：序时推进，40%，已形成初稿"
    assert task_cell[-1].style.style_id == "GWNote"


def test_a_plan_kept_in_traditional_characters_gets_a_traditional_form(seeded_db, tmp_path) -> None:
    db = seeded_db
    basic = require_department(db, "基础教育处")
    assign(db, [list_tasks(db)[0].id], lead=basic.id, deadline="6月底前")
    report = collect(db, list_plans(db)[0].id)
    doc = Document(
        str(save_atomic(render(report, basic, stamp(report.plan.id)), tmp_path / "t.docx"))
    )
    assert doc.paragraphs[0].text == "2020年全市教育工作要點進展情況反饋表"
    rows = table_rows(doc.tables[1])
    assert rows[0][:4] == ["序號", "工作任務", "角色", "完成時限"]
    assert (
        rows[1][0] == "一、牽頭任務" and rows[2][8] == "□已完成\n□序時推進\n□滯後\n□未啓動\n□暫緩"
    )

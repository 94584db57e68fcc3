"""催办通知: which tasks each department is chased for, and the notices themselves,
rendered from real data (the sample plan), saved and reopened with python-docx."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from sqlite_utils import Database

from db.assignments import assign
from db.departments import find_department
from db.plans import list_plans
from db.progress import add_period, record_progress
from db.records import Department
from db.reports import PlanReport, collect
from exports import reminders
from exports.docx_base import OfficialDocument, save_atomic
from exports.reminders import ReminderOptions

BASIC, VOC, OFFICE = "基础教育处", "职业与成人教育处", "办公室"
PLAN = "2020年全市教育工作要点"
CLOSING = (
    "请{you}高度重视，对照完成时限逐项分析原因，明确整改措施，抓紧推进落实，并于{day}前将上述"
    "任务的进展情况、存在问题和下步打算报送{office}。"
)

# Index into the plan's tasks → (lead, deadline, April status or None). As of 2020-04-30.
SCENARIO: dict[int, tuple[str, str, str | None]] = {
    0: (BASIC, "3月底前", "on_track"),  # overdue 30 days
    1: (BASIC, "4月上旬", None),  # 04-10: overdue 20 days
    2: (BASIC, "3月底前", "done"),  # done: never chased
    3: (BASIC, "4月底前", None),  # due on the report date: 0 days left, not overdue
    4: (BASIC, "5月上旬", "behind"),  # 05-10: 10 days left
    5: (BASIC, "6月底前", "on_track"),  # 61 days left: not soon
    6: (BASIC, "5月中旬", None),  # 05-20: 20 days left, soon only within 20+ days
    7: (VOC, "3月底前", "postponed"),  # 基础教育处 cooperates: chased from 职成处 only
    8: (OFFICE, "年底前", None),  # 245 days left
    9: (BASIC, "2月底前", "done"),
}


@pytest.fixture
def report(simplified_db: Database) -> PlanReport:
    db = simplified_db
    plan_id = list_plans(db)[0].id
    tasks = collect(db, plan_id).tasks
    april = add_period(db, plan_id, "2020年4月", "2020-04-01", "2020-04-30")
    for index, (lead, deadline, status) in SCENARIO.items():
        dept = find_department(db, lead)
        assign(db, [tasks[index].id], lead=dept.id, deadline=deadline)
        if status:
            record_progress(db, tasks[index].id, april.id, status=status, percent=10)
    basic = find_department(db, BASIC)
    assign(db, [tasks[7].id], cooperating=[basic.id])
    return collect(db, plan_id, period_id=april.id)


def dept(report: PlanReport, name: str) -> Department:
    return next(d for d in report.departments if d.name == name)


def codes(report: PlanReport, *indexes: int) -> list[str]:
    return [report.tasks[i].code for i in indexes]


def save_and_open(doc: OfficialDocument | None, path: Path) -> DocxDocument:
    assert doc is not None
    save_atomic(doc, path)
    return Document(str(path))


def style_id(paragraph: object) -> str:
    ppr = paragraph._p.pPr  # type: ignore[attr-defined]
    return ppr.pStyle.val if ppr is not None and ppr.pStyle is not None else ""


def _style_of(p: object) -> str:
    style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")  # type: ignore[attr-defined]
    return "" if style is None else style.get(qn("w:val"))


def texts(doc: DocxDocument) -> list[tuple[str, str]]:
    return [(style_id(p), p.text) for p in doc.paragraphs if p.text.strip()]


def rows(table: object) -> list[list[str]]:
    return [
        ["\n".join(t.text or "" for t in tc.iter(qn("w:t"))) for tc in tr.iter(qn("w:tc"))]
        for tr in table._tbl.iter(qn("w:tr"))  # type: ignore[attr-defined]
    ]


def test_reminder_tasks_are_led_not_done_overdue_or_soon(report: PlanReport) -> None:
    basic = dept(report, BASIC)
    overdue, soon = reminders.reminder_tasks(report, basic.id, ReminderOptions())
    assert [t.code for t in overdue] == codes(report, 0, 1)  # by due date: 03-31, 04-10
    assert [t.days_overdue for t in overdue] == [30, 20]
    assert [t.code for t in soon] == codes(report, 3, 4)  # 04-30, 05-10
    assert [t.days_left for t in soon] == [0, 10]
    wider = reminders.reminder_tasks(report, basic.id, ReminderOptions(due_within_days=20))[1]
    assert [t.code for t in wider] == codes(report, 3, 4, 6)
    voc_overdue, voc_soon = reminders.reminder_tasks(report, dept(report, VOC).id)
    assert [t.code for t in voc_overdue] == codes(report, 7) and voc_soon == []
    assert reminders.reminder_tasks(report, dept(report, OFFICE).id) == ([], [])


def test_notice_for_a_department(report: PlanReport, tmp_path: Path) -> None:
    basic = dept(report, BASIC)
    doc = save_and_open(reminders.render(report, basic), tmp_path / "basic.docx")
    section = doc.sections[0]
    assert (section.page_width.mm, section.page_height.mm) == pytest.approx((210, 297), abs=0.1)
    assert (section.top_margin.mm, section.bottom_margin.mm) == pytest.approx((37, 35), abs=0.1)
    assert (section.left_margin.mm, section.right_margin.mm) == pytest.approx((28, 26), abs=0.1)
    for footer in (section.footer, section.even_page_footer):
        assert [e.text.strip() for e in footer._element.iter(qn("w:instrText"))] == ["PAGE"]
    assert texts(doc) == [
        ("GWTitle", "关于加快推进重点工作任务落实的催办通知"),
        ("GWPlain", "基础教育处："),
        (
            "GWBody",
            f"截至2020年4月30日，{PLAN}中由你处牵头的2项任务已超过完成时限，2项任务将在15天内"
            "到期；你处配合的1项任务已超过完成时限。具体如下：",
        ),
        ("GWH1", "一、已逾期任务"),
        ("GWH1", "二、即将到期任务"),
        ("GWH1", "三、配合的逾期任务"),
        ("GWBody", CLOSING.format(you="你处", day="2020年5月5日", office="办公室")
         + "配合任务请主动对接牵头处室，共同推进。"),
        ("GWRight", "办公室"),
        ("GWRight", "2020年4月30日"),
    ]  # fmt: skip
    assert doc.paragraphs[1].text == ""  # one blank line below the title
    t = report.tasks
    overdue, soon, helping = (rows(table) for table in doc.tables)
    assert helping == [
        ["序号", "工作任务", "完成时限", "逾期天数", "牵头处室"],
        [t[7].code, t[7].text.replace(",", "，"), "3月底前\n2020年3月31日", "30", "职成处"],
    ]

    def text(i: int) -> str:
        return t[i].text.replace(",", "，")

    assert overdue == [
        ["序号", "工作任务", "完成时限", "逾期天数", "最近状态"],
        [t[0].code, text(0), "3月底前\n2020年3月31日", "30", "序时推进"],
        [t[1].code, text(1), "4月上旬\n2020年4月10日", "20", "未报送"],
    ]
    assert soon == [
        ["序号", "工作任务", "完成时限", "剩余天数", "最近状态"],
        [t[3].code, text(3), "4月底前\n2020年4月30日", "0", "未报送"],
        [t[4].code, text(4), "5月上旬\n2020年5月10日", "10", "滞后"],
    ]
    for table in doc.tables:
        grid = [int(g.get(qn("w:w"))) for g in table._tbl.tblGrid.iter(qn("w:gridCol"))]
        assert sum(grid) == pytest.approx(156 * 1440 / 25.4, abs=4)
        assert table._tbl.find(qn("w:tr")).find(qn("w:trPr")).find(qn("w:tblHeader")) is not None
    # Each table sits right after its heading.
    body = list(doc.element.body)
    h1 = [i for i, el in enumerate(body) if el.tag == qn("w:p") and _style_of(el) == "GWH1"]
    assert [body[i + 1].tag for i in h1] == [qn("w:tbl")] * 3
    styles = doc.styles.element
    fonts = {
        el.get(qn("w:styleId")): el.find(qn("w:rPr")).find(qn("w:rFonts")).get(qn("w:eastAsia"))
        for el in styles.iter(qn("w:style"))
        if el.get(qn("w:styleId")) in ("GWTitle", "GWH1", "GWBody", "GWHead", "GWCell")
    }
    assert fonts == {
        "GWTitle": "方正小标宋简体",
        "GWH1": "黑体",
        "GWBody": "仿宋_GB2312",
        "GWHead": "黑体",
        "GWCell": "仿宋_GB2312",
    }
    props = doc.core_properties
    assert (props.title, props.author) == ("关于加快推进重点工作任务落实的催办通知", "Duban")
    assert props.keywords == "催办通知"


def test_only_overdue_or_only_soon(report: PlanReport, tmp_path: Path) -> None:
    voc = save_and_open(reminders.render(report, dept(report, VOC)), tmp_path / "voc.docx")
    paras = texts(voc)
    assert (
        paras[2][1] == f"截至2020年4月30日，{PLAN}中由你处牵头的1项任务已超过完成时限。具体如下："
    )
    assert [t for s, t in paras if s == "GWH1"] == []  # one list: no lone 一、
    assert len(voc.tables) == 1
    assert rows(voc.tables[0])[1][3:] == ["30", "暂缓"]
    options = ReminderOptions(due_within_days=250, reply_by=dt.date(2020, 5, 8))
    office = save_and_open(
        reminders.render(report, dept(report, OFFICE), options), tmp_path / "office.docx"
    )
    paras = texts(office)
    assert paras[1] == ("GWPlain", "办公室：")
    assert (
        paras[2][1] == f"截至2020年4月30日，{PLAN}中由你室牵头的1项任务将在250天内到期。具体如下："
    )
    assert paras[3][1] == CLOSING.format(you="你室", day="2020年5月8日", office="办公室")
    assert [t for s, t in paras if s == "GWH1"] == []
    assert rows(office.tables[0])[1][2:4] == ["年底前\n2020年12月31日", "245"]


def test_nothing_to_chase_gives_none(report: PlanReport) -> None:
    assert reminders.render(report, dept(report, OFFICE)) is None


def test_render_all_covers_departments_with_something_to_chase(report: PlanReport) -> None:
    assert [d.name for d, _ in reminders.render_all(report)] == [BASIC, VOC]
    wide = reminders.render_all(report, ReminderOptions(due_within_days=365))
    assert [d.name for d, _ in wide] == [BASIC, VOC, OFFICE]


def test_department_without_tasks_and_office_name(simplified_db: Database, tmp_path: Path) -> None:
    """A report filtered to a department with no task: no notice for anyone; the office's
    name from the settings signs and receives the replies."""
    from db.settings import set_setting

    seeded_db = simplified_db
    plan_id = list_plans(seeded_db)[0].id
    tasks = collect(seeded_db, plan_id).tasks
    voc = find_department(seeded_db, VOC)
    assign(seeded_db, [tasks[0].id], lead=voc.id, deadline="3月底前")
    office = find_department(seeded_db, OFFICE)
    empty = collect(seeded_db, plan_id, as_of=dt.date(2020, 4, 30), department_ids=[office.id])
    assert empty.tasks == ()
    assert reminders.render_all(empty) == []
    set_setting(seeded_db, "office.name", "青岛市教育局办公室")
    report = collect(seeded_db, plan_id, as_of=dt.date(2020, 4, 30))
    [(department, doc)] = reminders.render_all(report)
    assert department.name == VOC
    saved = save_and_open(doc, tmp_path / "voc.docx")
    paras = [t for _, t in texts(saved)]
    assert paras[3].endswith(
        "并于2020年5月5日前将上述任务的进展情况、存在问题和下步打算报送青岛市教育局办公室。"
    )
    assert paras[-2:] == ["青岛市教育局办公室", "2020年4月30日"]
    assert saved.core_properties.author == "青岛市教育局办公室"


def test_the_sign_off_follows_gbt9704_for_an_unsealed_document(report, tmp_path) -> None:
    """署名 2 字 from the right; the date starts 2 字 right of the 署名's first character —
    and when the date is the longer, the date 2 字 from the right (§7.3.5.2). The closing
    paragraph, the blank line and the 署名 keep with what follows."""
    from exports.docx_base import CHAR, signature_indents

    assert signature_indents("青岛市教育局办公室", "2020年7月13日") == (2.0, 2.5)
    assert signature_indents("办公室", "2020年7月13日") == (7.5, 2.0)
    doc = save_and_open(reminders.render(report, dept(report, BASIC)), tmp_path / "b.docx")
    name, day = doc.paragraphs[-2], doc.paragraphs[-1]
    assert (name.text, day.text) == ("办公室", "2020年4月30日")
    assert name.paragraph_format.right_indent.twips == round(7.5 * CHAR)
    assert day.paragraph_format.right_indent.twips == round(2 * CHAR)
    tail = list(doc.element.body.iter(qn("w:p")))[-5:-1]  # closing, blank, name (then date)
    keeps = [p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None for p in tail]
    assert keeps[-3:] == [True, True, True]


def test_the_date_of_issue_is_not_the_date_of_the_figures(report, tmp_path) -> None:
    options = ReminderOptions(issued_on=dt.date(2020, 5, 6))
    doc = save_and_open(reminders.render(report, dept(report, BASIC), options), tmp_path / "d.docx")
    assert doc.paragraphs[-1].text == "2020年5月6日"
    assert "截至2020年4月30日" in doc.paragraphs[3].text

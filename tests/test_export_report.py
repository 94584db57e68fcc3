"""工作进展情况通报: rendered from real data (the sample plan, assignments, two periods),
saved, reopened with python-docx and checked against figures counted here by hand."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from sqlite_utils import Database

from db.assignments import assign
from db.departments import find_department
from db.imports import import_plan
from db.plans import list_plans
from db.progress import add_period, record_progress
from db.reports import PlanReport, collect
from db.settings import DEFAULT_REQUIREMENTS, set_setting
from exports import progress_report
from exports.docx_base import OfficialDocument, save_atomic
from exports.progress_report import ReportOptions

W_TEXT = qn("w:t")
PLAN = "2020年全市教育工作要点"


# -- the scenario ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Planned:
    """What the test recorded for one task and what it therefore expects."""

    lead: str  # "" for none
    deadline: str
    category: str  # done / on_track / behind / not_started / postponed / not_reported
    overdue: bool = False  # past its deadline on 2020-04-30 and not done
    reason: str = ""  # this period's 存在问题


BASIC, VOC = "基础教育处", "职业与成人教育处"
# Index into the plan's tasks → what happens to it (as of 2020-04-30, the end of April).
# Every other task stays unassigned, without deadline and report: 未报送.
SCENARIO: dict[int, Planned] = {
    0: Planned(BASIC, "3月底前", "done"),
    1: Planned(BASIC, "3月底前", "behind", True, "资金未到位；需协调财政局。"),
    2: Planned(BASIC, "3月底前", "on_track", True),
    3: Planned(BASIC, "3月底前", "not_reported", True),
    4: Planned(BASIC, "3月底前", "postponed", True, "等待上级政策。"),
    5: Planned(VOC, "6月底前", "on_track"),
    6: Planned(VOC, "6月底前", "behind", False, "施工单位未确定。"),
    7: Planned(VOC, "6月底前", "not_started"),
    8: Planned(VOC, "6月底前", "done"),
    9: Planned(VOC, "6月底前", "not_reported"),
    10: Planned(BASIC, "5月上旬", "on_track"),
    11: Planned(BASIC, "4月底前", "not_reported"),  # due on the report date: not overdue
    12: Planned("", "3月底前", "not_reported", True),
    # Reported 滞后 in March only: 未报送 in April, not 滞后.
    13: Planned(VOC, "", "not_reported"),
}
OTHER = Planned("", "", "not_reported")


def build_april(db: Database) -> tuple[int, int]:
    """Assign and report on the sample plan; returns (plan id, April period id)."""
    plan_id = list_plans(db)[0].id
    tasks = collect(db, plan_id).tasks
    depts = {n: find_department(db, n) for n in (BASIC, VOC)}
    for index, planned in SCENARIO.items():
        lead = depts[planned.lead].id if planned.lead else None
        assign(db, [tasks[index].id], lead=lead, deadline=planned.deadline or None)
    assign(db, [tasks[10].id], cooperating=[depts[VOC].id])
    march = add_period(db, plan_id, "2020年3月", "2020-03-01", "2020-03-31", kind="month")
    april = add_period(db, plan_id, "2020年4月", "2020-04-01", "2020-04-30", kind="month")
    record_progress(db, tasks[13].id, march.id, status="behind", problems="人员不足")
    record_progress(db, tasks[2].id, march.id, status="not_started")
    rec = {
        0: dict(status="done", percent=100, progress="方案已印发。"),
        1: dict(status="behind", percent=30, progress="正在推进\x07",
                problems="资金未到位\x0b需协调财政局", next_steps="5月底前完成"),
        2: dict(status="on_track", percent=50),
        4: dict(status="postponed", problems="等待上级政策"),
        5: dict(status="on_track", percent=40, progress="已完成选址", next_steps="5月开工"),
        6: dict(status="behind", percent=20, problems="施工单位未确定"),
        7: dict(status="not_started"),
        8: dict(status="done", percent=100),
        10: dict(status="on_track", percent=60, progress="按计划推进。"),
    }  # fmt: skip
    for index, values in rec.items():
        record_progress(db, tasks[index].id, april.id, **values)
    return plan_id, april.id


def planned(index: int) -> Planned:
    return SCENARIO.get(index, OTHER)


@pytest.fixture
def april(simplified_db: Database) -> PlanReport:
    plan_id, period_id = build_april(simplified_db)
    return collect(simplified_db, plan_id, period_id=period_id)


def save_and_open(doc: OfficialDocument, path: Path) -> DocxDocument:
    save_atomic(doc, path)
    return Document(str(path))


def style_id(paragraph: object) -> str:
    ppr = paragraph._p.pPr  # type: ignore[attr-defined]
    return ppr.pStyle.val if ppr is not None and ppr.pStyle is not None else ""


def texts(doc: DocxDocument) -> list[tuple[str, str]]:
    """(style id, text) of the body paragraphs that hold text, in order."""
    return [(style_id(p), p.text) for p in doc.paragraphs if p.text.strip()]


def between(paras: list[tuple[str, str]], start: str, end: str | None) -> list[tuple[str, str]]:
    heads = [t for _, t in paras]
    lo = heads.index(start) + 1
    hi = heads.index(end) if end else len(paras)
    return paras[lo:hi]


def cell_texts(table: object) -> list[list[str]]:
    return [
        ["\n".join(t.text or "" for t in tc.iter(W_TEXT)) for tc in tr.iter(qn("w:tc"))]
        for tr in table._tbl.iter(qn("w:tr"))  # type: ignore[attr-defined]
    ]


def east_asia(doc: DocxDocument, sid: str) -> str:
    el = doc.styles.element.find(f'{qn("w:style")}[@{qn("w:styleId")}="{sid}"]')
    return el.find(qn("w:rPr")).find(qn("w:rFonts")).get(qn("w:eastAsia"))


# -- tests -----------------------------------------------------------------------------------


def test_page_styles_fonts_footer_and_properties(april: PlanReport, tmp_path: Path) -> None:
    doc = save_and_open(progress_report.render(april), tmp_path / "report.docx")
    for section in doc.sections:
        assert section.page_width.mm == pytest.approx(210, abs=0.1)
        assert section.page_height.mm == pytest.approx(297, abs=0.1)
        assert (section.top_margin.mm, section.bottom_margin.mm) == pytest.approx((37, 35), abs=0.1)
        assert (section.left_margin.mm, section.right_margin.mm) == pytest.approx((28, 26), abs=0.1)
        for footer in (section.footer, section.even_page_footer):
            instr = [e.text for e in footer._element.iter(qn("w:instrText"))]
            assert [i.strip() for i in instr] == ["PAGE"]
    assert doc.settings.odd_and_even_pages_header_footer
    assert not [p.text for p in doc.paragraphs if "DUBAN-TABLE" in p.text]  # all spliced
    assert len(doc.tables) == 1
    assert east_asia(doc, "GWTitle") == "方正小标宋简体"
    assert east_asia(doc, "GWH1") == "黑体"
    assert east_asia(doc, "GWH2") == "楷体_GB2312"
    assert east_asia(doc, "GWBody") == "仿宋_GB2312"
    props = doc.core_properties
    assert props.title == f"关于{PLAN}4月进展情况的通报"
    assert props.author == "Duban"
    assert props.subject == PLAN
    assert props.keywords == "进展情况通报"


def test_title_opening_and_the_five_parts(april: PlanReport, tmp_path: Path) -> None:
    doc = save_and_open(progress_report.render(april), tmp_path / "report.docx")
    paras = doc.paragraphs
    assert style_id(paras[0]) == "GWTitle"
    # The period's year is not repeated after the plan's.
    assert paras[0].text == f"关于{PLAN}\n4月进展情况的通报"
    assert paras[1].text == ""  # one blank line below the title
    assert (style_id(paras[2]), paras[2].text) == ("GWPlain", "各处室：")
    assert paras[3].text == (
        f"为及时掌握{PLAN}落实情况，办公室对各处室2020年4月工作进展情况进行了梳理汇总。"
        "现将有关情况通报如下。"
    )
    heads = [t for s, t in texts(doc) if s == "GWH1"]
    assert heads == ["一、总体情况", "二、主要进展", "三、存在的问题", "四、报送情况",
                     "五、下步工作要求"]  # fmt: skip
    # 署名 and 成文日期 at the end (the as-of date unless a date of issue is given).
    assert texts(doc)[-2:] == [("GWRight", "办公室"), ("GWRight", "2020年4月30日")]
    issued = ReportOptions(issued_on=dt.date(2020, 5, 8))
    doc = save_and_open(progress_report.render(april, issued), tmp_path / "issued.docx")
    assert texts(doc)[-1] == ("GWRight", "2020年5月8日")
    assert "截至2020年4月30日" in texts(doc)[4][1]


def test_the_figures_partition_the_tasks_and_overdue_stands_apart(april, tmp_path) -> None:
    doc = save_and_open(progress_report.render(april), tmp_path / "report.docx")
    cats = [planned(i).category for i in range(len(april.tasks))]
    n = len(cats)
    assert n == 152 and sum(cats.count(c) for c in set(cats)) == n
    overdue = sum(planned(i).overdue for i in range(n))
    expected = (
        f"截至2020年4月30日，{PLAN}确定的{n}项任务中，已完成{cats.count('done')}项"
        f"（其中本期完成2项），序时推进{cats.count('on_track')}项，滞后{cats.count('behind')}项，"
        f"未启动{cats.count('not_started')}项，暂缓{cats.count('postponed')}项，"
        f"本期未报送{cats.count('not_reported')}项。另有{overdue}项任务已超过完成时限尚未完成"
        f"（含在上述各项中）。任务完成率{cats.count('done') * 100 / n:.1f}%。"
    )
    overview = between(texts(doc), "一、总体情况", "二、主要进展")
    assert overview[0] == ("GWBody", expected)
    assert "未启动1项" in expected and "本期未报送143项" in expected and "另有5项" in expected


def test_the_department_table_adds_up(april: PlanReport, tmp_path: Path) -> None:
    doc = save_and_open(progress_report.render(april), tmp_path / "report.docx")
    table = doc.tables[0]
    grid = [int(g.get(qn("w:w"))) for g in table._tbl.tblGrid.iter(qn("w:gridCol"))]
    assert sum(grid) == pytest.approx(156 * 1440 / 25.4, abs=4)
    rows = cell_texts(table)
    assert rows[0] == ["牵头处室", "牵头\n任务", "已完成", "序时\n推进", "滞后", "未启动", "暂缓",
                       "未报送", "其中\n逾期"]  # fmt: skip

    def expected_row(name: str, indexes: list[int]) -> list[str]:
        cats = [planned(i).category for i in indexes]
        order = ("done", "on_track", "behind", "not_started", "postponed", "not_reported")
        late = sum(planned(i).overdue for i in indexes)
        return [name, str(len(cats)), *(str(cats.count(c)) for c in order), str(late)]

    everything = list(range(len(april.tasks)))
    led = {name: [i for i in everything if planned(i).lead == name] for name in (BASIC, VOC, "")}
    assert rows[1:] == [
        expected_row(BASIC, led[BASIC]),
        expected_row(VOC, led[VOC]),
        expected_row("未分配", led[""]),
        expected_row("合计", everything),
    ]
    for row in rows[1:]:  # each row adds up: the categories partition the tasks it leads
        assert int(row[1]) == sum(int(x) for x in row[2:8])
    assert rows[-1] == ["合计", "152", "2", "3", "2", "1", "1", "143", "5"]


def test_main_progress_names_what_was_completed_and_what_moved(april, tmp_path) -> None:
    doc = save_and_open(progress_report.render(april), tmp_path / "report.docx")
    part = [t for _, t in between(texts(doc), "二、主要进展", "三、存在的问题")]
    t = april.tasks
    assert part == [
        "（一）本期完成的任务",
        f"基础教育处：方案已印发（任务{t[0].code}）。",
        f"职业与成人教育处：{t[8].text.replace(',', '，').rstrip('。')}（任务{t[8].code}）。",
        "（二）其他重点工作进展",
        f"职业与成人教育处：已完成选址（任务{t[5].code}，完成40%）。",
        f"基础教育处：按计划推进（任务{t[10].code}，完成60%）。",
    ]


def test_problems_give_reasons_and_group_the_silent_by_department(april, tmp_path) -> None:
    doc = save_and_open(progress_report.render(april), tmp_path / "report.docx")
    part = [t for _, t in between(texts(doc), "三、存在的问题", "四、报送情况")]
    t = april.tasks
    assert part == [
        "进度滞后的任务2项，已超过完成时限尚未完成的任务5项。",
        f"{t[1].code}（基础教育处，进度滞后，已逾期30天）：资金未到位；需协调财政局。",
        f"{t[4].code}（基础教育处，已逾期30天）：等待上级政策。",
        f"{t[6].code}（职业与成人教育处，进度滞后）：施工单位未确定。",
        f"基础教育处牵头的任务中，{t[3].code}已超过完成时限，本期未报送进展；"
        f"{t[2].code}已超过完成时限，未说明原因。",
        f"未分配牵头的任务中，{t[12].code}已超过完成时限，本期未报送进展。",
        f"另有1项任务暂缓：{t[4].code}（基础教育处），等待上级政策。",
    ]


def test_reporting_is_one_sentence_with_the_departments(april, tmp_path) -> None:
    doc = save_and_open(progress_report.render(april), tmp_path / "report.docx")
    (line,) = [t for _, t in between(texts(doc), "四、报送情况", "五、下步工作要求")]
    assert line == (
        "本期应报送152项，已报送9项，报送率5.9%，未报送143项，其中：基础教育处2项、"
        "职业与成人教育处2项、未分配139项。"
    )


def test_requirements_come_from_the_settings(simplified_db: Database, tmp_path: Path) -> None:
    plan_id, period_id = build_april(simplified_db)
    report = collect(simplified_db, plan_id, period_id=period_id)
    doc = save_and_open(progress_report.render(report), tmp_path / "default.docx")
    tail = [t for _, t in between(texts(doc), "五、下步工作要求", None)]
    assert tail[:3] == DEFAULT_REQUIREMENTS.split("\n")
    set_setting(simplified_db, "office.name", "青岛市教育局办公室")
    set_setting(
        simplified_db,
        "report.requirements",
        "各处室要对照任务分解表逐项落实。\n\n请于每月25日前报送。",
    )
    report = collect(simplified_db, plan_id, period_id=period_id)
    options = ReportOptions(title="关于2020年重点工作\n进展情况的通报", recipients="局属各单位")
    doc = save_and_open(progress_report.render(report, options), tmp_path / "r.docx")
    paras = texts(doc)
    assert paras[0] == ("GWTitle", "关于2020年重点工作\n进展情况的通报")
    assert paras[1] == ("GWPlain", "局属各单位：")
    assert between(paras, "五、下步工作要求", None) == [
        ("GWBody", "各处室要对照任务分解表逐项落实。"),
        ("GWBody", "请于每月25日前报送。"),
        ("GWRight", "青岛市教育局办公室"),
        ("GWRight", "2020年4月30日"),
    ]
    # The end keeps together: 五、, its paragraphs, the blank line and the 署名.
    body = [p for p in doc.element.body.iter(qn("w:p"))]
    heading = next(i for i, p in enumerate(body) if "五、下步工作要求" in "".join(p.itertext()))
    kept = [p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None for p in body[heading:-1]]
    assert kept and all(kept)
    assert doc.core_properties.author == "青岛市教育局办公室"


def test_issue_number_doc_number_imprint_and_attachment(simplified_db, tmp_path) -> None:
    plan_id, period_id = build_april(simplified_db)
    for key, value in (("report.issue", "第3期"), ("documents.doc_number", "青教办[2020]12号"),
                       ("report.copy_to", "局领导"), ("report.imprint", True),
                       ("office.name", "青岛市教育局办公室")):  # fmt: skip
        set_setting(simplified_db, key, value)
    report = collect(simplified_db, plan_id, period_id=period_id)
    options = ReportOptions(with_task_list=True, issued_on=dt.date(2020, 5, 8))
    doc = save_and_open(progress_report.render(report, options), tmp_path / "full.docx")
    paras = texts(doc)
    assert paras[:3] == [("GWSubtitle", "第3期"), ("GWSubtitle", "青教办〔2020〕12号"),
                         ("GWTitle", f"关于{PLAN}\n4月进展情况的通报")]  # fmt: skip
    at = [t for _, t in paras].index("附件：2020年全市教育工作要点4月任务进展情况一览表")
    assert paras[at + 1 : at + 5] == [
        ("GWRight", "青岛市教育局办公室"),
        ("GWRight", "2020年5月8日"),
        ("GWPlain", "抄送：局领导。"),
        ("GWPlain", "青岛市教育局办公室\t2020年5月8日印发"),
    ]
    assert paras[at + 5 :] == [("GWAttachLabel", "附件"),
                               ("GWTitle", "2020年全市教育工作要点4月\n任务进展情况一览表")]  # fmt: skip
    listing = cell_texts(doc.tables[1])
    assert listing[0] == ["序号", "工作任务", "牵头处室", "进展情况", "状态"]
    assert listing[1] == [report.sections[0].label + report.sections[0].title.replace(",", "，")]
    t = report.tasks
    rows = {r[0]: r for r in listing if len(r) == 5}
    assert rows[t[0].code][2:] == ["基教处", "方案已印发。", "已完成"]
    assert rows[t[1].code][4] == "滞后\n逾期30天"
    assert rows[t[3].code][3:] == ["", "未报送\n逾期30天"]
    assert len(rows) == 1 + 152


def test_without_a_period_the_latest_reports_count(db: Database, tmp_path: Path) -> None:
    from db.departments import add_department

    source = tmp_path / "tiny.txt"
    source.write_text(
        "2020年机关工作要点\n一、加强管理\n1.完善内部管理制度。\n2.加强干部培训。\n"
        "二、改善服务\n3.优化办事流程。\n",
        encoding="utf-8",
    )
    plan_id = import_plan(db, source).plan_id
    office = add_department(db, "办公室")
    tasks = collect(db, plan_id).tasks
    assign(db, [tasks[0].id], lead=office.id, deadline="3月底前")
    report = collect(db, plan_id, as_of=dt.date(2020, 4, 15))
    assert report.period is None
    doc = save_and_open(progress_report.render(report), tmp_path / "tiny.docx")
    paras = texts(doc)
    assert paras[0] == ("GWTitle", "关于2020年机关工作要点\n截至2020年4月15日进展情况的通报")
    overview = between(paras, "一、总体情况", "二、主要进展")[0][1]
    assert overview.startswith("截至2020年4月15日，2020年机关工作要点确定的3项任务中，已完成0项，")
    assert "尚未报送进展3项。另有1项任务已超过完成时限" in overview
    assert cell_texts(doc.tables[0])[1:] == [
        ["办公室", "1", "0", "0", "0", "0", "0", "1", "1"],
        ["未分配", "2", "0", "0", "0", "0", "0", "2", "0"],
        ["合计", "3", "0", "0", "0", "0", "0", "3", "1"],
    ]
    reporting = between(paras, "四、报送情况", "五、下步工作要求")
    assert reporting == [("GWBody", "尚未报送过进展的任务3项，其中：办公室1项、未分配2项。")]


def test_title_breaks() -> None:
    from types import SimpleNamespace

    def fake(plan_title: str, period: str | None, year: int = 2020) -> PlanReport:
        return SimpleNamespace(  # type: ignore[return-value]
            plan=SimpleNamespace(title=plan_title, year=year),
            period=SimpleNamespace(name=period) if period else None,
            as_of=dt.date(2020, 4, 15),
            traditional=False,
        )

    for plan_title, period, expected in [
        ("机关工作要点", "3月", "关于机关工作要点3月进展情况的通报"),  # fits one line
        (PLAN, "2020年第二季度", f"关于{PLAN}\n第二季度进展情况的通报"),
        ("重点工作安排", "2020年第一季度", "关于重点工作安排\n2020年第一季度进展情况的通报"),
        ("机关要点", None, "关于机关要点截至2020年4月15日\n进展情况的通报"),
    ]:
        assert progress_report.title_for(fake(plan_title, period), ReportOptions()) == expected


def test_a_plan_kept_in_traditional_characters_gets_traditional_fixed_words(
    seeded_db: Database, tmp_path: Path
) -> None:
    plan_id, period_id = build_april(seeded_db)
    report = collect(seeded_db, plan_id, period_id=period_id)
    doc = save_and_open(progress_report.render(report), tmp_path / "t.docx")
    paras = texts(doc)
    assert paras[0][1] == "關於2020年全市教育工作要點\n4月進展情況的通報"
    assert paras[1][1] == "各處室："
    assert next(t for s, t in paras if s == "GWH1") == "一、總體情況"
    assert cell_texts(doc.tables[0])[0][0] == "牽頭處室"


def test_a_report_of_a_department_without_tasks(simplified_db: Database, tmp_path) -> None:
    plan_id, period_id = build_april(simplified_db)
    office = find_department(simplified_db, "办公室")
    report = collect(simplified_db, plan_id, period_id=period_id, department_ids=[office.id])
    assert report.tasks == ()
    doc = save_and_open(progress_report.render(report), tmp_path / "empty.docx")
    paras = texts(doc)
    assert cell_texts(doc.tables[0])[1:] == [["合计", "0", "0", "0", "0", "0", "0", "0", "0"]]
    assert between(paras, "二、主要进展", "三、存在的问题") == [
        ("GWH2", "（一）本期完成的任务"),
        ("GWBody", "本期无新完成的任务。"),
    ]
    assert between(paras, "三、存在的问题", "四、报送情况") == [
        ("GWBody", "本期无进度滞后或逾期的任务。")
    ]
    assert replace(report, tasks=()).tasks == ()

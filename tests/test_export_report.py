"""工作进展情况通报: rendered from real data (the sample plan, assignments, two periods),
saved, reopened with python-docx and checked against figures counted here by hand."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
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
from db.settings import set_setting
from exports import progress_report
from exports.docx_base import OfficialDocument, save_atomic
from exports.progress_report import ReportOptions

W_TEXT = qn("w:t")


# -- the scenario ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Planned:
    """What the test recorded for one task and what it therefore expects."""

    lead: str  # "" for none
    deadline: str
    category: str  # done / on_track / behind / not_started / postponed / overdue
    status: str  # the word in section 二
    reported: bool  # reported in April
    reasons: tuple[str, ...] = ()  # 原因 paragraphs when behind or overdue


BASIC, VOC = "基础教育处", "职业与成人教育处"
# Index into the plan's tasks → what happens to it. Every other task stays unassigned,
# without deadline and without report: not started, not reported, status 未报送.
SCENARIO: dict[int, Planned] = {
    0: Planned(BASIC, "3月底前", "done", "已完成", True),
    1: Planned(BASIC, "3月底前", "overdue", "滞后", True, ("原因：资金未到位", "需协调财政局")),
    2: Planned(BASIC, "3月底前", "overdue", "序时推进", True, ("原因：未说明",)),
    3: Planned(BASIC, "3月底前", "overdue", "未报送", False, ("原因：未说明",)),
    4: Planned(BASIC, "3月底前", "overdue", "暂缓", True, ("原因：等待上级政策",)),
    5: Planned(VOC, "6月底前", "on_track", "序时推进", True),
    6: Planned(VOC, "6月底前", "behind", "滞后", True, ("原因：施工单位未确定",)),
    7: Planned(VOC, "6月底前", "not_started", "未启动", True),
    8: Planned(VOC, "6月底前", "done", "已完成", True),
    9: Planned(VOC, "6月底前", "not_started", "未报送", False),
    10: Planned(BASIC, "5月上旬", "on_track", "序时推进", True),
    11: Planned(BASIC, "4月底前", "not_started", "未报送", False),
    12: Planned("", "3月底前", "overdue", "未报送", False, ("原因：未说明",)),
    # Reported 滞后 in March only: still 滞后 in April, but not reported this period.
    13: Planned(VOC, "", "behind", "滞后", False, ("原因：未说明",)),
}
OTHER = Planned("", "", "not_started", "未报送", False)


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
def april(seeded_db: Database) -> PlanReport:
    plan_id, period_id = build_april(seeded_db)
    return collect(seeded_db, plan_id, period_id=period_id)


def save_and_open(doc: OfficialDocument, path: Path) -> DocxDocument:
    save_atomic(doc, path)
    return Document(str(path))


def style_id(paragraph: object) -> str:
    ppr = paragraph._p.pPr  # type: ignore[attr-defined]
    return ppr.pStyle.val if ppr is not None and ppr.pStyle is not None else ""


def texts(doc: DocxDocument) -> list[tuple[str, str]]:
    """(style id, text) of the body paragraphs that hold text, in order."""
    return [(style_id(p), p.text) for p in doc.paragraphs if p.text.strip()]


def without_warnings(lines: list) -> list:  # type: ignore[type-arg]
    """The lines apart from the warning-light lines (checked in their own test)."""
    return [x for x in lines if not (x[1] if isinstance(x, tuple) else x).startswith("预警：")]


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
    assert props.title == "关于2020年全市教育工作要點2020年4月进展情况的通报"
    assert props.author == "Duban"
    assert props.subject == "2020年全市教育工作要點"
    assert props.keywords == "进展情况通报"


def test_title_recipients_opening_and_headings(april: PlanReport, tmp_path: Path) -> None:
    doc = save_and_open(progress_report.render(april), tmp_path / "report.docx")
    paras = doc.paragraphs
    assert style_id(paras[0]) == "GWTitle"
    assert paras[0].text == "关于2020年全市教育工作要點\n2020年4月进展情况的通报"
    assert paras[1].text == ""  # one blank line below the title
    assert (style_id(paras[2]), paras[2].text) == ("GWPlain", "各处室：")
    # The figures, counted here from what the scenario recorded.
    cats = [planned(i).category for i in range(len(april.tasks))]
    n = len(cats)
    done = cats.count("done")
    expected = (
        f"截至2020年4月30日，2020年全市教育工作要點确定的{n}项任务中，已完成{done}项，"
        f"序时推进{cats.count('on_track')}项，滞后{cats.count('behind')}项，"
        f"未启动{cats.count('not_started')}项，暂缓{cats.count('postponed')}项，"
        f"逾期{cats.count('overdue')}项，完成率{done * 100 / n:.1f}%。"
        f"本期应报送{n}项，未报送{sum(not planned(i).reported for i in range(n))}项。"
    )
    assert (style_id(paras[3]), paras[3].text) == ("GWBody", expected)
    assert n == 152 and "已完成2项" in expected and "逾期5项" in expected
    assert "未报送143项" in expected and "完成率1.3%" in expected
    heads = [(s, t) for s, t in texts(doc) if s in ("GWH1", "GWH2")]
    assert heads[:3] == [
        ("GWH1", "一、总体进展情况"),
        ("GWH2", "（一）分处室完成情况"),
        ("GWH1", "二、各项任务进展情况"),
    ]
    sections = [t for s, t in heads[3:] if s == "GWH2"]
    assert sections == [
        f"（{zh}）{s.title}" for zh, s in zip("一二三四五六", april.sections, strict=True)
    ]
    assert [t for s, t in heads if s == "GWH1"][-1] == "三、滞后和逾期任务"
    assert "四、下步工作要求" not in [t for _, t in heads]
    # 署名 and date at the end, right-aligned.
    assert [(s, t) for s, t in texts(doc)][-2:] == [
        ("GWRight", "办公室"),
        ("GWRight", "2020年4月30日"),
    ]


def test_department_table(april: PlanReport, tmp_path: Path) -> None:
    doc = save_and_open(progress_report.render(april), tmp_path / "report.docx")
    assert len(doc.tables) == 1
    table = doc.tables[0]
    grid = [int(g.get(qn("w:w"))) for g in table._tbl.tblGrid.iter(qn("w:gridCol"))]
    assert sum(grid) == pytest.approx(156 * 1440 / 25.4, abs=4)
    rows = cell_texts(table)
    assert rows[0] == [
        "牵头处室",
        "牵头任务",
        "已完成",
        "序时推进",
        "滞后",
        "逾期",
        "未报送",
        "完成率",
    ]

    def expected_row(name: str, indexes: list[int]) -> list[str]:
        cats = [planned(i).category for i in indexes]
        unreported = sum(not planned(i).reported for i in indexes)
        rate = f"{cats.count('done') * 100 / len(cats):.1f}%"
        figures = [len(cats), cats.count("done"), cats.count("on_track"), cats.count("behind")]
        return [name, *map(str, figures), str(cats.count("overdue")), str(unreported), rate]

    everything = list(range(len(april.tasks)))
    led = {name: [i for i in everything if planned(i).lead == name] for name in (BASIC, VOC, "")}
    # 办公室 leads nothing: left out. Official order, 未分配 and 合计 last.
    assert rows[1:] == [
        expected_row(BASIC, led[BASIC]),
        expected_row(VOC, led[VOC]),
        expected_row("未分配", led[""]),
        expected_row("合计", everything),
    ]
    assert rows[1] == [BASIC, "7", "1", "1", "0", "4", "2", "14.3%"]
    assert rows[-1] == ["合计", "152", "2", "2", "2", "5", "143", "1.3%"]
    first_data = table._tbl.findall(qn("w:tr"))[1]
    assert first_data.find(qn("w:trPr")).find(qn("w:cantSplit")) is not None
    jcs = {jc.get(qn("w:val")) for jc in first_data.iter(qn("w:jc"))}
    assert jcs == {"center"}


def test_every_task_once_with_status_and_details(april: PlanReport, tmp_path: Path) -> None:
    doc = save_and_open(progress_report.render(april), tmp_path / "report.docx")
    part = without_warnings(between(texts(doc), "二、各项任务进展情况", "三、滞后和逾期任务"))
    assert {s for s, _ in part} == {"GWBody", "GWH2"}
    lines = [t for _, t in part]
    for index, task in enumerate(april.tasks):
        mine = [t for t in lines if t.startswith(f"{task.code} {task.text}（")]
        assert len(mine) == 1, task.code
        lead = planned(index).lead or "未分配"
        assert f"（牵头：{lead}；状态：{planned(index).status}" in mine[0]
    assert len([t for t in lines if "（牵头：" in t]) == len(april.tasks)

    def following(index: int, count: int) -> list[str]:
        task = april.tasks[index]
        at = next(i for i, t in enumerate(lines) if t.startswith(f"{task.code} {task.text}（"))
        return lines[at : at + 1 + count]

    first = following(1, 4)
    assert first[0].endswith("（牵头：基础教育处；状态：滞后，完成30%，已逾期30天）")
    # \x07 dropped; \x0b became a line break, written as its own paragraph.
    assert first[1:] == [
        "进展情况：正在推进",
        "存在问题：资金未到位",
        "需协调财政局",
        "下步打算：5月底前完成",
    ]
    assert following(3, 1)[1] == "本期未报送。"
    assert following(13, 1)[1] == "本期未报送。"  # reported in March only
    assert following(5, 2)[1:] == ["进展情况：已完成选址", "下步打算：5月开工"]
    assert following(0, 1)[0].endswith("（牵头：基础教育处；状态：已完成，完成100%）")


def test_lagging_and_overdue_list(april: PlanReport, tmp_path: Path) -> None:
    doc = save_and_open(progress_report.render(april), tmp_path / "report.docx")
    part = without_warnings(between(texts(doc), "三、滞后和逾期任务", "办公室"))
    lines = [t for s, t in part if s == "GWBody"]
    expected: list[str] = []
    for index, task in enumerate(april.tasks):
        plan = planned(index)
        if plan.category not in ("behind", "overdue"):
            continue
        late = "，已逾期30天" if plan.category == "overdue" else ""  # 3月底前 → 30 days
        deadline = plan.deadline or "未明确"
        lead = plan.lead or "未分配"
        expected.append(f"{task.code} {task.text}（牵头：{lead}；完成时限：{deadline}{late}）")
        expected.extend(plan.reasons)
    assert lines == expected
    assert len([t for t in lines if "完成时限" in t]) == 7


def test_requirements_office_and_custom_title(seeded_db: Database, tmp_path: Path) -> None:
    plan_id, period_id = build_april(seeded_db)
    set_setting(seeded_db, "office.name", "青岛市教育局办公室")
    report = collect(seeded_db, plan_id, period_id=period_id)
    options = ReportOptions(
        title="关于2020年重点工作\n进展情况的通报",
        recipients="局属各单位、机关各处室",
        requirements=("各处室要对照任务分解表逐项落实。", "  ", "请于每月25日前报送进展情况。"),
    )
    doc = save_and_open(progress_report.render(report, options), tmp_path / "r.docx")
    paras = texts(doc)
    assert paras[0] == ("GWTitle", "关于2020年重点工作\n进展情况的通报")
    assert paras[1] == ("GWPlain", "局属各单位、机关各处室：")
    tail = between(paras, "四、下步工作要求", None)
    assert tail == [
        ("GWBody", "各处室要对照任务分解表逐项落实。"),
        ("GWBody", "请于每月25日前报送进展情况。"),
        ("GWRight", "青岛市教育局办公室"),
        ("GWRight", "2020年4月30日"),
    ]
    assert doc.core_properties.title == "关于2020年重点工作进展情况的通报"
    assert doc.core_properties.author == "青岛市教育局办公室"


TINY_PLAN = "2020年机关工作要点\n一、加强管理\n1.完善内部管理制度。\n2.加强干部培训。\n二、改善服务\n3.优化办事流程。\n"


def test_tiny_report_without_period(db: Database, tmp_path: Path) -> None:
    from db.departments import add_department

    source = tmp_path / "tiny.txt"
    source.write_text(TINY_PLAN, encoding="utf-8")
    plan_id = import_plan(db, source).plan_id
    office = add_department(db, "办公室")
    tasks = collect(db, plan_id).tasks
    assign(db, [tasks[0].id], lead=office.id, deadline="3月底前")
    report = collect(db, plan_id, as_of=dt.date(2020, 4, 15))
    assert report.period is None
    doc = save_and_open(progress_report.render(report), tmp_path / "tiny.docx")
    paras = texts(doc)
    assert paras[0] == ("GWTitle", "关于2020年机关工作要点\n截至2020年4月15日进展情况的通报")
    assert paras[2] == (
        "GWBody",
        "截至2020年4月15日，2020年机关工作要点确定的3项任务中，已完成0项，序时推进0项，"
        "滞后0项，未启动2项，暂缓0项，逾期1项，完成率0.0%。",
    )
    rows = cell_texts(doc.tables[0])
    assert rows[0] == ["牵头处室", "牵头任务", "已完成", "序时推进", "滞后", "逾期", "完成率"]
    assert rows[1:] == [
        ["办公室", "1", "0", "0", "0", "1", "0.0%"],
        ["未分配", "2", "0", "0", "0", "0", "0.0%"],
        ["合计", "3", "0", "0", "0", "1", "0.0%"],
    ]
    body = [t for _, t in paras]
    assert "本期未报送。" not in body
    assert "（一）加强管理" in body and "（二）改善服务" in body
    assert "1-1 完善内部管理制度。（牵头：办公室；状态：未报送，已逾期15天）" in body
    assert without_warnings(between(paras, "三、滞后和逾期任务", "办公室")) == [
        ("GWBody", "1-1 完善内部管理制度。（牵头：办公室；完成时限：3月底前，已逾期15天）"),
        ("GWBody", "原因：未说明"),
    ]
    assert body[-1] == "2020年4月15日"


def test_report_with_no_task_of_the_department(seeded_db: Database, tmp_path: Path) -> None:
    plan_id, period_id = build_april(seeded_db)
    office = find_department(seeded_db, "办公室")
    report = collect(seeded_db, plan_id, period_id=period_id, department_ids=[office.id])
    assert report.tasks == ()
    doc = save_and_open(progress_report.render(report), tmp_path / "empty.docx")
    paras = texts(doc)
    assert paras[2][1].startswith(
        "截至2020年4月30日，2020年全市教育工作要點确定的0项任务中，已完成0项"
    )
    assert paras[2][1].endswith("完成率0.0%。本期应报送0项，未报送0项。")
    assert cell_texts(doc.tables[0])[1:] == [["合计", "0", "0", "0", "0", "0", "0", "0.0%"]]
    assert between(paras, "二、各项任务进展情况", "三、滞后和逾期任务") == [
        ("GWBody", "本期无相关任务。")
    ]
    assert without_warnings(between(paras, "三、滞后和逾期任务", "办公室")) == [
        ("GWBody", "本期无滞后或逾期任务。")
    ]


def test_title_breaks() -> None:
    from exports.progress_report import text_width

    assert text_width("关于2020年") == 5
    for plan_title, period, expected in [
        ("机关工作要点", "3月", "关于机关工作要点3月进展情况的通报"),  # fits one line
        (
            "2020年全市教育工作要點",
            "2020年4月",
            "关于2020年全市教育工作要點\n2020年4月进展情况的通报",
        ),
        ("2020年重点工作安排", "第一季度", "关于2020年重点工作安排\n第一季度进展情况的通报"),
        # Without a period the date makes the middle long: break before 进展情况.
        ("机关要点", None, "关于机关要点截至2020年4月15日\n进展情况的通报"),
    ]:
        report = _fake_report(plan_title, period)
        assert progress_report.title_for(report, ReportOptions()) == expected


def _fake_report(plan_title: str, period_name: str | None) -> PlanReport:
    from types import SimpleNamespace

    return SimpleNamespace(  # type: ignore[return-value]
        plan=SimpleNamespace(title=plan_title),
        period=SimpleNamespace(name=period_name) if period_name else None,
        as_of=dt.date(2020, 4, 15),
    )


def test_warning_lights_explain_themselves(april: PlanReport, tmp_path: Path) -> None:
    """Red and yellow tasks carry their light in words, in section 二 and in the list."""
    doc = save_and_open(progress_report.render(april), tmp_path / "report.docx")
    paras = [t for _, t in texts(doc)]
    overdue = april.tasks[1]  # 3月底前, reported 滞后 30% in April
    at = next(i for i, t in enumerate(paras) if t.startswith(f"{overdue.code} {overdue.text}（"))
    assert paras[at + 1] == "预警：红：完成时限 2020-03-31 已过 30 天，最近进展 30%"
    listed = between(texts(doc), "三、滞后和逾期任务", "办公室")
    assert ("GWBody", "预警：红：完成时限 2020-03-31 已过 30 天，最近进展 30%") in listed
    done = april.tasks[0]
    at = next(i for i, t in enumerate(paras) if t.startswith(f"{done.code} {done.text}（"))
    assert not paras[at + 1].startswith("预警：")  # green: no warning line

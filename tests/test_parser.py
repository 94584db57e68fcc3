"""The work-plan parser on the sample, on fixtures with other numbering habits, and on
shapes that trip simple parsers (lost line breaks, numbers that are not labels)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from domain.outline import ITEM, SECTION, SUBITEM, SUBSECTION, ParsedNode, ParsedPlan
from domain.outline import unaccounted_text as lost
from domain.parser import parse_file, parse_lines, parse_text
from tests.conftest import FIXTURES, SAMPLE_PLAN

PLAN_FIXTURES = sorted((FIXTURES / "plans").glob("*.txt"))


def _sample_lines() -> list[str]:
    return SAMPLE_PLAN.read_text(encoding="utf-8").splitlines()


def _items(plan: ParsedPlan) -> list[ParsedNode]:
    return [n for n in plan.nodes() if n.kind == ITEM]


def _shape(nodes: list[ParsedNode]) -> list:
    """[label, title, [children …]] for sections/sub-sections; item labels as strings."""
    out: list = []
    for node in nodes:
        if node.kind == ITEM:
            out.append(node.label)
        elif node.kind in (SECTION, SUBSECTION):
            out.append([node.label, node.title, _shape(node.children)])
    return out


# -- the sample ----------------------------------------------------------------------------


def test_sample_has_six_sections_and_twenty_six_items() -> None:
    plan, _source = parse_file(SAMPLE_PLAN)
    sections = [n for n in plan.outline if n.kind == SECTION]
    assert [s.label for s in sections] == ["一、", "二、", "三、", "四、", "五、", "六、"]
    assert [i.number for i in _items(plan)] == list(range(1, 27))
    assert sections[0].title == "加強黨的領導,提升教育治理水平"
    assert [len(s.children) for s in sections] == [5, 4, 3, 5, 4, 5]


def test_sample_metadata_title_and_preamble() -> None:
    plan, _source = parse_file(SAMPLE_PLAN)
    assert plan.title == "2020年全市教育工作要點"
    assert plan.doc_number == "青教工委[2020]2號"
    assert plan.issuer == "青島市教育局"
    assert plan.date == "2020-02-27"
    assert plan.year == 2020
    assert plan.preamble.startswith("2020年是全面建成小康社會")
    assert plan.cover[0] == "關于印發《2020年全市教育工作要點》的通知"


def test_sample_items_have_title_sentences_and_tasks() -> None:
    plan, _source = parse_file(SAMPLE_PLAN)
    first = _items(plan)[0]
    assert first.title == "深入學習貫徹黨的十九屆四中全會精神。"
    assert first.tasks[0].text.startswith("將習近平新時代中國特色社會主義思想")
    assert len(first.tasks) == 5
    assert all(t.text.endswith("。") for t in first.tasks)


def test_sample_unnumbered_paragraphs_stay_with_items_4_and_23() -> None:
    plan, _source = parse_file(SAMPLE_PLAN)
    items = {i.number: i for i in _items(plan)}
    texts4 = [t.text for t in items[4].tasks]
    assert "加強法治宣傳教育。" in texts4
    assert texts4[-1] == "組織開展好“學憲法講憲法”和法治體驗等活動。"
    texts23 = [t.text for t in items[23].tasks]
    assert any(t.startswith("貫徹落實《關于全面深化新時代全市教師隊伍建設改革") for t in texts23)
    assert not any("加強法治宣傳教育" in t.text for t in items[5].tasks)


def test_sample_nothing_lost() -> None:
    plan, source = parse_file(SAMPLE_PLAN)
    assert lost(source.lines, plan) == ("", "")


def test_quotes_and_book_titles_do_not_split_sentences() -> None:
    plan, _source = parse_file(SAMPLE_PLAN)
    texts = [t.text for t in plan.tasks()]
    assert (
        "鞏固深化“不忘初心、牢記使命”主題教育成果,持續推進“兩學一做”學習教育常態化制度化。" in texts
    )


def test_json_shape_is_the_stable_interface() -> None:
    plan, _source = parse_file(SAMPLE_PLAN)
    data = json.loads(json.dumps(plan.to_json(), ensure_ascii=False))
    for key in ("title", "doc_number", "issuer", "date", "preamble", "outline"):
        assert key in data
    node = data["outline"][0]
    assert node["label"] == "一、"
    child = node["children"][0]
    assert set(child) >= {"label", "title", "tasks", "children"}
    assert child["label"] == "1." and isinstance(child["tasks"][0], str)


# -- other offices' habits -----------------------------------------------------------------


@pytest.mark.parametrize("path", PLAN_FIXTURES, ids=lambda p: p.stem)
def test_fixture_outline_matches_expected(path: Path) -> None:
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    plan, source = parse_file(path)
    assert plan.title == expected["title"]
    assert plan.doc_number == expected["doc_number"]
    assert plan.year == expected["year"]
    assert _shape(plan.outline) == [_expected_shape(s) for s in expected["outline"]]
    for key in ("issuer", "date", "closing"):
        if key in expected:
            assert getattr(plan, key) == expected[key]
    for item_label, sub_labels in expected.get("subitems", {}).items():
        item = next(i for i in _items(plan) if i.label == item_label)
        assert [c.label for c in item.children if c.kind == SUBITEM] == sub_labels
    assert lost(source.lines, plan) == ("", "")


def _expected_shape(entry: list) -> list:
    label, title, children = entry
    return [label, title, [c if isinstance(c, str) else _expected_shape(c) for c in children]]


def test_units_and_deadlines_named_in_the_text_become_suggestions() -> None:
    plan, _source = parse_file(FIXTURES / "plans" / "simplified-cover-restart.txt")
    tasks = {t.text[:8]: t for t in plan.tasks()}
    first = tasks["3月底前完成全市"]
    assert (first.suggested_lead, first.suggested_deadline) == ("安全稳定处", "3月底前")
    drowning = tasks["暑假前对全体学生"]
    assert drowning.suggested_lead == "基础教育处"
    assert drowning.suggested_cooperating == ("体卫艺处", "安全稳定处")
    # A separate 牵头单位/配合单位 line is kept as a note and applies to its item's tasks.
    supervision = tasks["每学期开展一次全"]
    assert supervision.suggested_lead == "教育督导室"
    assert supervision.suggested_cooperating == ("安全稳定处", "基础教育处")
    assert tasks["年底前全市中小学"].suggested_deadline == "年底前"


def test_numbering_restarts_in_each_section_and_subsection() -> None:
    plan, _source = parse_file(FIXTURES / "plans" / "simplified-cover-restart.txt")
    assert [i.number for i in _items(plan)] == [1, 2, 1, 1, 2, 1, 2, 1, 2]


def test_continuation_paragraph_becomes_a_task_of_its_item() -> None:
    plan, _source = parse_file(FIXTURES / "plans" / "simplified-cover-restart.txt")
    video = next(i for i in _items(plan) if i.title == "完善视频监控系统。")
    assert [t.text for t in video.tasks] == ["加快推进校园视频监控高清化改造，确保重点部位全覆盖。"]


def test_items_without_a_title_sentence_keep_all_text_as_tasks() -> None:
    plan, _source = parse_file(FIXTURES / "plans" / "numbers-not-labels.txt")
    first = _items(plan)[0]
    assert first.title == ""
    assert (
        first.tasks[0].text
        == "全面推进教育数字化转型，实施教育信息化2.0行动计划，建成智慧校园示范校30所。"
    )


def test_numbers_that_are_not_labels_stay_in_the_text() -> None:
    plan, _source = parse_file(FIXTURES / "plans" / "numbers-not-labels.txt")
    texts = [t.text for t in plan.tasks()]
    assert "3.5万名教师参加线上研修，覆盖全部学段。" in texts  # not an item 3
    assert any("2023.3.1起执行新标准" in t for t in texts)
    assert len(_items(plan)) == 5


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("一、总则\n1.甲任务。乙任务。\n2.丙任务。", ["一、", "1.", "2."]),
        ("一、总则\n1、甲任务。\n2、丙任务。", ["一、", "1、", "2、"]),
        ("一、总则\n１．甲任务。\n２．丙任务。", ["一、", "１．", "２．"]),
        ("一、总则\n1．甲任务。\n2．丙任务。", ["一、", "1．", "2．"]),
        ("一、总则\n（一）分项\n1.甲任务。", ["一、", "（一）", "1."]),
        ("一、总则\n(一)分项\n1.甲任务。", ["一、", "(一)", "1."]),
        ("一、总则\n1.甲任务：\n（1）细目一；\n（2）细目二。", ["一、", "1.", "（1）", "（2）"]),
        ("一、总则\n1.甲任务：\n①细目一；\n②细目二。", ["一、", "1.", "①", "②"]),
        ("一．总则\n1.甲任务。", ["一．", "1."]),
        ("第一部分 总体要求\n1.甲任务。", ["第一部分 ", "1."]),
        ("一、總則\n1.加強黨的建設。推進工作。", ["一、", "1."]),
        ("1.甲任务。\n2.乙任务。\n3.丙任务。", ["1.", "2.", "3."]),
    ],
)
def test_numbering_styles(text: str, labels: list[str]) -> None:
    plan = parse_text(text)
    assert [n.label for n in plan.nodes()] == labels
    assert lost(text.split("\n"), plan) == ("", "")


def test_whole_plan_on_one_line_is_split_where_the_numbering_continues() -> None:
    one_line = "".join(_sample_lines())
    plan = parse_text(one_line)
    assert [n.label for n in plan.outline] == ["一、", "二、", "三、", "四、", "五、", "六、"]
    assert [i.number for i in _items(plan)] == list(range(1, 27))
    assert plan.title == "2020年全市教育工作要點"
    assert lost([one_line], plan) == ("", "")


def test_lines_wrapped_by_a_pdf_copy_are_joined() -> None:
    wrapped: list[str] = []
    for line in _sample_lines()[9:]:  # the title and the outline
        wrapped += [line[i : i + 28] for i in range(0, len(line), 28)]
    plan = parse_lines(wrapped)
    normal, _source = parse_file(SAMPLE_PLAN)
    assert [i.number for i in _items(plan)] == list(range(1, 27))
    assert [i.title for i in _items(plan)] == [i.title for i in _items(normal)]
    assert lost(wrapped, plan) == ("", "")


def test_text_without_numbering_gives_a_flat_outline_and_a_warning() -> None:
    text = "工作安排\n今年要做好甲工作。还要做好乙工作。\n同时推进丙工作。"
    plan = parse_text(text)
    assert plan.numbered is False
    assert any("No numbering" in w for w in plan.warnings)
    assert [len(n.tasks) for n in plan.outline] == [2, 1]
    assert lost(text.split("\n"), plan) == ("", "")


def test_cover_notice_with_its_own_points_is_not_the_outline() -> None:
    text = "\n".join(
        [
            "关于印发2023年重点任务分解方案的通知",
            "各单位：",
            "现将方案印发给你们，并就有关事项通知如下：",
            "一、各单位要高度重视，切实加强领导。",
            "二、各单位每季度报送进展情况。",
            "市政府办公室",
            "2023年1月3日",
            "2023年重点任务分解方案",
            "一、经济发展主要预期目标",
            "（一）地区生产总值增长7%以上",
            "（责任单位：区发展和改革局）",
        ]
    )
    plan = parse_text(text)
    assert plan.title == "2023年重点任务分解方案"
    assert [n.title for n in plan.outline] == ["经济发展主要预期目标"]
    sub = plan.outline[0].children[0]
    assert [t.text for t in sub.tasks] == ["地区生产总值增长7%以上"]
    assert sub.tasks[0].suggested_lead == "区发展和改革局"
    assert plan.date == "2023-01-03"
    assert lost(text.split("\n"), plan) == ("", "")


def test_doc_number_line_near_the_top() -> None:
    text = "青教工委〔2020〕2号\n2020年全市教育工作要点\n一、加强党的领导\n1.深入学习。开展培训。"
    plan = parse_text(text)
    assert plan.doc_number == "青教工委〔2020〕2号"
    assert plan.title == "2020年全市教育工作要点"


def test_gap_in_numbering_is_reported() -> None:
    plan = parse_text("一、总则\n1.甲任务。\n2.乙任务。\n4.丁任务。")
    assert [i.number for i in _items(plan)] == [1, 2, 4]
    assert any("does not follow" in w for w in plan.warnings)


def test_control_characters_are_removed_with_a_warning() -> None:
    plan = parse_text("一、总则\x07\n1.甲任务\x00。")
    assert plan.outline[0].title == "总则"
    assert any("control" in w for w in plan.warnings)


def test_title_broken_over_two_lines_and_doc_number_below_it() -> None:
    text = "\n".join(
        [
            "某区人民政府关于实施",
            "《教育改革发展决定》的意见",
            "(某政发〔2023〕2号)",
            "各街道办事处：",
            "为贯彻落实有关决定，现提出如下意见。",
            "一、总体要求",
            "1.坚持立德树人。全面推进素质教育。",
        ]
    )
    plan = parse_text(text)
    assert plan.title == "某区人民政府关于实施《教育改革发展决定》的意见"
    assert plan.doc_number == "某政发〔2023〕2号"
    assert lost(text.split("\n"), plan) == ("", "")
    # A year-bearing first half joins a second half without one.
    plan = parse_text(
        "立山区政府2023年重点工作\n任务分解和责任分工方案\n一、总则\n1.甲任务。乙任务。"
    )
    assert plan.title == "立山区政府2023年重点工作任务分解和责任分工方案"
    # Page furniture above a title is not part of it.
    plan = parse_text("侵权投诉\n市教育局2022年工作要点\n一、总则\n1.甲任务。乙任务。")
    assert plan.title == "市教育局2022年工作要点"

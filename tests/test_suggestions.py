"""Responsibility notes in every habit seen in real plans, read into suggestions."""

from __future__ import annotations

import pytest

from domain.parser import parse_text
from domain.suggestions import find_units, is_note_sentence, split_units


@pytest.mark.parametrize(
    ("text", "lead", "cooperating", "deadline"),
    [
        # （责任单位：X、Y；配合单位：Z；完成时限：W）
        (
            "（责任单位：基础教育处、职成处；配合单位：财务处；完成时限：6月底前）",
            "基础教育处",
            ("职成处", "财务处"),
            "6月底前",
        ),
        # （X牵头，Y配合）
        ("（组干处牵头，机关党委、办公室配合）", "组干处", ("机关党委", "办公室"), ""),
        # （责任单位：X牵头，Y配合）: the role words are not part of the names
        ("（责任单位：基教处牵头，督导室、体卫艺处配合）", "基教处", ("督导室", "体卫艺处"), ""),
        # （牵头单位：X，配合单位：Y，完成时限：W）: commas between the fields
        (
            "（牵头单位：市教育局，配合单位：市财政局、市人社局，完成时限：2021年12月底前）",
            "市教育局",
            ("市财政局", "市人社局"),
            "2021年12月底前",
        ),
        # an inline sentence at the end of an item
        (
            "基教处牵头，职成处、财务处配合，9月底前完成。",
            "基教处",
            ("职成处", "财务处"),
            "9月底前",
        ),
        # X负责，Y配合
        ("（人事处负责，组干处配合）", "人事处", ("组干处",), ""),
        # a separate line
        (
            "牵头单位：教育督导室；配合单位：安全稳定处、基础教育处；完成时限：计划寒假前，其它7月底前",
            "教育督导室",
            ("安全稳定处", "基础教育处"),
            "计划寒假前，其它7月底前",
        ),
        # Traditional, a list with 負責 (the first named leads)
        ("(市殘聯、市財政局、市稅務局負責)", "市殘聯", ("市財政局", "市稅務局"), ""),
        # X、Y牽頭，Z按職責分工負責
        (
            "(市政府辦公室、市審改辦牽頭,市級各有關部門按職責分工負責)",
            "市政府辦公室",
            ("市審改辦", "市級各有關部門"),
            "",
        ),
        # a list whose first unit leads, said so in the note
        (
            "(市教育局,市委农办,各县<市、区>人民政府,排名第一位为牵头单位,下同)",
            "市教育局",
            ("市委农办", "各县<市、区>人民政府"),
            "",
        ),
        # 牵头单位 and 责任单位 lines together: 责任单位 are then the units doing the work
        (
            "牵头单位:区发改局\n责任单位:立山经济开发区,各街道",
            "区发改局",
            ("立山经济开发区", "各街道"),
            "",
        ),
        # ASCII brackets and colon
        ("(责任科室:组干科、机关党委)", "组干科", ("机关党委",), ""),
        # 責任單位 in Traditional with a deadline key
        ("（責任單位：體衛藝處；完成時間：年底前）", "體衛藝處", (), "年底前"),
    ],
)
def test_every_note_habit_gives_lead_cooperating_and_deadline(
    text: str, lead: str, cooperating: tuple[str, ...], deadline: str
) -> None:
    found = find_units(text)
    assert (found.lead, found.cooperating, found.deadline) == (lead, cooperating, deadline)


def test_a_note_names_the_leader_in_charge() -> None:
    found = find_units("（牵头处室：基教处；配合处室：职成处；分管领导：李明；完成时限：6月底前）")
    assert (found.lead, found.leader, found.deadline) == ("基教处", "李明", "6月底前")


@pytest.mark.parametrize(
    "text",
    [
        "发挥龙头学校牵头作用，带动薄弱学校共同发展。",
        "鼓励社会力量参与办学，形成多元格局。",
        "各校要明确专人负责日常管理工作。",
        "建立由教育部门牵头抓总、相关部门各负其责的工作机制。",
    ],
)
def test_prose_that_names_no_unit_gives_nothing(text: str) -> None:
    assert not find_units(text)


def test_names_are_not_split_inside_brackets_or_on_he() -> None:
    assert split_units("区发展和改革局、各县<市、区>人民政府") == [
        "区发展和改革局",
        "各县<市、区>人民政府",
    ]


@pytest.mark.parametrize(
    ("sentence", "is_note"),
    [
        ("基教处牵头，职成处配合，9月底前完成。", True),
        ("责任单位：市委组织部、市科技局。", True),
        ("（责任单位：组干科）", True),
        ("国网客服中心牵头，山东、江苏公司配合，3月底前完成客服系统升级。", False),
        ("加强思想政治教育。", False),
    ],
)
def test_a_sentence_that_only_names_units_is_a_note(sentence: str, is_note: bool) -> None:
    assert is_note_sentence(sentence) is is_note


def test_the_first_task_of_an_item_gets_the_units_of_its_closing_note() -> None:
    plan = parse_text(
        "2021年工作要点\n一、加强党的建设\n"
        "1.深化理论学习。开展专题培训。完善学习制度。（组干处牵头，机关党委配合）\n"
    )
    tasks = list(plan.tasks())
    assert [t.text[:4] for t in tasks] == ["开展专题", "完善学习"]
    assert [t.suggested_lead for t in tasks] == ["组干处"] * 2
    assert all(t.suggested_cooperating == ("机关党委",) for t in tasks)


def test_an_inline_note_sentence_is_a_note_of_its_item_not_a_task() -> None:
    text = (
        "2021年工作要点\n一、推进教育公平\n"
        "1.完善资助体系。落实家庭经济困难学生资助政策。基教处牵头，财务处配合，9月底前完成。\n"
        "2.推进集团化办学。组建教育集团。\n"
    )
    plan = parse_text(text)
    first = plan.outline[0].children[0]
    assert [t.text for t in first.tasks] == ["落实家庭经济困难学生资助政策。"]
    assert first.notes == ["基教处牵头，财务处配合，9月底前完成。"]
    task = first.tasks[0]
    assert (task.suggested_lead, task.suggested_cooperating, task.suggested_deadline) == (
        "基教处",
        ("财务处",),
        "9月底前",
    )
    assert plan.outline[0].children[1].tasks[0].suggested_lead == ""


def test_a_note_line_after_sub_items_applies_to_all_of_them() -> None:
    text = (
        "2017年规划责任分解\n（一）预案建设\n1.完善应急预案体系\n"
        "(1)加强应急预案管理。\n(2)推进应急预案精编化。\n"
        "(责任单位:市直各有关单位、各县(市、区)人民政府)\n"
    )
    plan = parse_text(text)
    leads = [t.suggested_lead for t in plan.tasks()]
    assert leads == ["市直各有关单位", "市直各有关单位"]


def test_a_task_with_its_own_deadline_keeps_it_over_the_notes() -> None:
    plan = parse_text(
        "2021年工作要点\n一、推进改革\n"
        "1.推进改革。3月底前制定方案。全面推开改革。（牵头单位：基教处，完成时限：年底前）\n"
    )
    deadlines = [t.suggested_deadline for t in plan.tasks()]
    assert deadlines == ["3月底前", "年底前"]


def test_a_note_naming_the_leader_suggests_that_leader(db, tmp_path) -> None:
    from db.departments import add_department
    from db.imports import import_plan
    from db.leaders import add_leader
    from db.suggest import suggestions
    from db.tasks import list_tasks

    basic = add_department(db, "基础教育处", short_name="基教处")
    leader = add_leader(db, "李明", title="副局长")
    plan = tmp_path / "plan.txt"
    plan.write_text(
        "2021年工作要点\n一、推进教育公平\n1.扩大优质资源。新建幼儿园5所。改扩建学校3所。\n"
        "牵头处室：基教处；分管领导：李明；完成时限：9月底前\n",
        encoding="utf-8",
    )
    import_plan(db, plan)
    ids = [t.id for t in list_tasks(db)]
    found = suggestions(db, ids)
    assert {s.lead_id for s in found.values()} == {basic.id}
    assert {s.leader_id for s in found.values()} == {leader.id}
    assert {s.deadline for s in found.values()} == {"9月底前"}

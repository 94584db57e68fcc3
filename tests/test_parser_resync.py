"""Plans from any office: labels judged by sequence and context, so that one odd label
never loses the rest; notice lists, signatures and stray headings where a reader puts them.
The phrasing is taken from real plans."""

from __future__ import annotations

from domain.outline import ITEM, unaccounted_text
from domain.parser import parse_text


def _items(plan):
    return [n for n in plan.nodes() if n.kind == ITEM]


def _lost(text: str, plan) -> tuple[str, str]:
    return unaccounted_text(text.split("\n"), plan)


def test_label_right_after_a_closing_note_bracket_is_accepted() -> None:
    text = (
        "芜湖市教育局2024年工作要点 一、加强党对教育工作的全面领导"
        "1.加强思想理论武装。深化学习培训。落实中心组学习列席旁听制度。(责任科室:组干科、机关党委)"
        "2.加强教育系统党的政治建设。抓好成果转化。（责任科室：组干科）"
        "3.加强基层党组织建设。推进标准化规范化建设。"
    )
    plan = parse_text(text)
    assert [i.title for i in _items(plan)] == [
        "加强思想理论武装。",
        "加强教育系统党的政治建设。",
        "加强基层党组织建设。",
    ]
    assert _items(plan)[0].tasks[0].suggested_lead == "组干科"
    assert _lost(text, plan) == ("", "")


def test_one_rejected_label_does_not_poison_the_rest() -> None:
    # "2." follows an ASCII full stop: whatever is decided for it, 3. and 4. are items.
    text = (
        "2021年教育工作要点 一、坚持和完善党的全面领导1.强化党的政治建设。坚定政治方向。"
        "2.深化理论武装.3.加强基层党建。推进支部标准化。4.从严管党治党。落实主体责任。"
    )
    plan = parse_text(text)
    numbers = [i.number for i in _items(plan)]
    assert numbers[-2:] == [3, 4]
    assert 1 in numbers
    assert _lost(text, plan) == ("", "")


def test_sections_after_a_colon_in_text_that_lost_its_breaks() -> None:
    text = (
        "2021年全区教育工作要点 为推进教育高质量发展，现将今年工作要点安排如下:"
        "一、加强党的建设。1.强化政治建设。开展专题学习。2.深化理论武装。组织培训。"
        "二、推进教育公平。1.扩大学前资源。新建幼儿园5所。2.推进集团化办学。组建集团3个。"
    )
    plan = parse_text(text)
    assert [n.label for n in plan.outline] == ["一、", "二、"]
    assert [len(n.children) for n in plan.outline] == [2, 2]
    assert _lost(text, plan) == ("", "")


def test_title_running_straight_into_the_first_section() -> None:
    text = (
        "某某区2021年教育工作要点一、指导思想以习近平新时代中国特色社会主义思想为指导，"
        "全面贯彻党的教育方针。二、主要任务1.加强党的建设。开展专题学习。2.推进教育公平。扩大优质资源。"
    )
    plan = parse_text(text)
    assert plan.title == "某某区2021年教育工作要点"
    assert [n.label for n in plan.outline] == ["一、", "二、"]
    assert len(_items(plan)) == 2
    assert _lost(text, plan) == ("", "")


def test_label_after_text_without_any_punctuation() -> None:
    text = (
        "2021年工作要点 一、加强党的建设1.强化政治建设。开展专题学习教育"
        "2.深化理论武装。组织集中培训。3.加强作风建设。开展专项整治。"
    )
    plan = parse_text(text)
    assert [i.number for i in _items(plan)] == [1, 2, 3]


def test_a_cover_notice_list_stays_in_the_cover() -> None:
    text = "\n".join(
        [
            "关于印发2021年工作要点的通知",
            "各科室、各直属单位：",
            "现将《2021年工作要点》印发给你们，并提出以下要求：",
            "1.高度重视。各单位要把工作要点落到实处。",
            "2.加强协调。牵头科室要主动协调。",
            "3.按时报送。每季度末报送进展情况。",
            "4.严肃纪律。对工作不力的予以通报。",
            "2021年工作要点",
            "一、加强党的建设",
            "1.强化政治建设。开展专题学习。",
            "二、推进教育公平",
            "1.扩大学前资源。新建幼儿园。",
        ]
    )
    plan = parse_text(text)
    assert plan.title == "2021年工作要点"
    assert [n.label for n in plan.outline] == ["一、", "二、"]
    assert len(_items(plan)) == 2
    assert "4.严肃纪律。对工作不力的予以通报。" in plan.cover
    assert _lost(text, plan) == ("", "")


def test_two_clause_heading_with_a_comma_keeps_its_title() -> None:
    plan = parse_text(
        "行动计划\n一、总体要求\n（二）基本原则\n"
        "1.服务国家战略,承载上海综合服务功能。对接五个中心核心服务功能，提升配置能力。"
    )
    item = _items(plan)[0]
    assert item.title == "服务国家战略,承载上海综合服务功能。"
    assert len(item.tasks) == 1


def test_a_year_in_the_first_sentence_makes_it_a_task_not_a_title() -> None:
    plan = parse_text(
        "实施意见\n一、减负稳岗\n"
        "1.继续按不高于2017年征收标准征收残疾人就业保障金。落实分档征收政策。"
    )
    item = _items(plan)[0]
    assert item.title == ""
    assert len(item.tasks) == 2


def test_item_number_followed_by_digits_where_the_numbering_expects_it() -> None:
    plan = parse_text(
        "实施意见\n一、人才项目\n"
        "1.羊城学者项目。设立特聘岗位。\n"
        "2.121人才梯队项目。重点培养后备人才。\n"
        "3.博士后培养项目。培养博士后。\n"
    )
    assert [i.number for i in _items(plan)] == [1, 2, 3]
    assert _items(plan)[1].title == "121人才梯队项目。"
    decimal = parse_text("实施意见\n一、人才项目\n1.扩大规模。\n2.5亿元用于奖补。\n")
    assert [i.number for i in _items(decimal)] == [1]


def test_signature_and_month_after_the_last_item_close_the_plan() -> None:
    text = "2019年工作要点\n一、加强党建\n1.强化政治建设。开展学习。\n某某区教育局办公室\n2019年2月"
    plan = parse_text(text)
    assert plan.closing == ["某某区教育局办公室", "2019年2月"]
    assert [t.text for t in plan.tasks()] == ["开展学习。"]


def test_a_cover_notice_list_in_text_that_lost_its_breaks_stays_in_the_cover() -> None:
    text = (
        "关于印发2023年区《政府工作报告》确定的主要目标任务责任分解方案的通知各街道办事处:"
        "现印发给你们,并就有关事项通知如下:一、各责任单位要高度重视,切实加强领导。"
        "二、区绩效考评机构要细化考核内容。三、各责任单位要按季度报送进展情况。"
        "蔡甸区人民政府办公室2023年1月3日2023年区《政府工作报告》确定的主要目标任务责任分解方案"
        "一、2023年全区经济社会发展的主要预期目标(一)地区生产总值增长7%以上责任单位:区发展和改革局"
        "(二)规上工业增加值增长12%以上责任单位:区科技和经信局"
    )
    plan = parse_text(text)
    assert [n.label for n in plan.outline] == ["一、"]
    assert [c.label for c in plan.outline[0].children] == ["(一)", "(二)"]
    assert [t.suggested_lead for t in plan.tasks()] == ["区发展和改革局", "区科技和经信局"]
    assert _lost(text, plan) == ("", "")

"""Header fields found in the layouts real plans use: title, 发文字号, issuer, date."""

from __future__ import annotations

import pytest

from domain.header import iso_date
from domain.parser import parse_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019年2月", "2019-02"),
        ("2020年2月27日", "2020-02-27"),
        ("二〇二〇年二月二十七日", "2020-02-27"),
        ("二○○九年十月二十九日", "2009-10-29"),
        ("２０２１年３月５日", "2021-03-05"),
    ],
)
def test_dates_in_every_common_writing(text: str, expected: str) -> None:
    assert iso_date(text) == expected


def _plan(*lines: str):
    return parse_text("\n".join(lines))


def test_signature_and_month_date_close_the_cover_and_name_the_issuer() -> None:
    plan = _plan(
        "关于印发《2019年教育工作要点》的通知",
        "各科室：",
        "现将《2019年教育工作要点》印发给你们，请认真贯彻落实。",
        "某某区教育局",
        "2019年2月",
        "2019年教育工作要点",
        "一、加强党的建设",
        "1.深化理论学习。开展专题培训。",
    )
    assert (plan.title, plan.issuer, plan.date) == ("2019年教育工作要点", "某某区教育局", "2019-02")


def test_signature_and_date_after_the_outline_are_closing_lines_not_tasks() -> None:
    plan = _plan(
        "2019年教育工作要点",
        "一、加强党的建设",
        "1.深化理论学习。开展专题培训。",
        "中共某某区教育工作委员会",
        "2019年2月",
    )
    assert [t.text for t in plan.tasks()] == ["开展专题培训。"]
    assert plan.closing == ["中共某某区教育工作委员会", "2019年2月"]


@pytest.mark.parametrize(
    "number",
    [
        "渝教综〔2021〕5号",
        "渝教综[2021]5号",
        "渝教综（2021）5号",
        "渝教綜〔2021〕5號",
        "渝教综〔2021〕第5号",
    ],
)
def test_doc_numbers_with_every_bracket(number: str) -> None:
    plan = _plan(
        number,
        "关于印发2021年工作要点的通知",
        "2021年工作要点",
        "一、总体要求",
        "1.加强领导。开展培训。",
    )
    assert plan.doc_number == number


def test_title_over_two_lines_without_a_year_in_the_first() -> None:
    plan = _plan(
        "长沙市有效降低疫情影响稳定经济运行",
        "实施方案",
        "为深入贯彻落实重要指示精神，特制定本实施方案。",
        "一、总体要求",
        "（一）指导思想。坚持稳中求进。",
    )
    assert plan.title == "长沙市有效降低疫情影响稳定经济运行实施方案"


def test_title_with_a_year_range_on_the_next_line() -> None:
    plan = _plan(
        "中共静安区委办公室 静安区人民政府办公室印发《静安区三年行动计划》的通知",
        "静安区全力打响“上海服务”品牌",
        "加快建设“国际静安”三年行动计划",
        "(2018—2020年)",
        "为贯彻落实战略部署，特制定本行动计划。",
        "一、总体要求",
        "（一）指导思想。深入贯彻落实。",
    )
    assert plan.title == "静安区全力打响“上海服务”品牌加快建设“国际静安”三年行动计划(2018—2020年)"
    assert plan.issuer == "中共静安区委办公室 静安区人民政府办公室"


def test_issuer_from_the_notice_title_and_from_two_signature_lines() -> None:
    plan = _plan(
        "东莞市人民政府关于贯彻落实《广东省进一步稳定和扩大就业若干政策措施》的实施意见",
        "各镇人民政府（街道办事处）：",
        "为贯彻落实通知精神，提出如下意见：",
        "一、减负稳岗留工并举",
        "1.平稳有序实施政策。保持成本稳定。",
    )
    assert plan.issuer == "东莞市人民政府"
    assert plan.title.startswith("东莞市人民政府关于贯彻落实")
    two = _plan(
        "各县（市、区）委、人民政府：",
        "《扬州市加快推进教育现代化实施意见》已经市委、市政府同意，现印发给你们。",
        "中共扬州市委",
        "扬州市人民政府",
        "2019年9月9日",
        "扬州市加快推进教育现代化实施意见",
        "一、总体要求",
        "（一）指导思想。坚持以人民为中心。",
    )
    assert (two.issuer, two.date) == ("中共扬州市委 扬州市人民政府", "2019-09-09")


def test_issuer_from_the_letterhead() -> None:
    plan = _plan(
        "鞍山市立山区人民政府文件",
        "鞍立政发〔2023〕2号",
        "立山区政府2023年重点工作任务分解和责任分工方案",
        "一、主要预期目标",
        "1.地区生产总值增长6.2%左右。",
    )
    assert (plan.issuer, plan.doc_number) == ("鞍山市立山区人民政府", "鞍立政发〔2023〕2号")


def test_metadata_values_stop_at_the_next_key_and_skip_web_sites() -> None:
    plan = _plan(
        "索引号 370405/2022-12733 主题分类 教育",
        "成文日期 2018-08-24 发布日期 2018-08-24",
        "发文机关 区政府办公室 关键词",
        "发文字号 台政办字〔2018〕33号 有效性 有效",
        "台儿庄区工作实施方案",
        "一、总体要求",
        "1.统一规划。统筹城乡。",
    )
    assert (plan.doc_number, plan.issuer, plan.date) == (
        "台政办字〔2018〕33号",
        "区政府办公室",
        "2018-08-24",
    )
    site = _plan(
        "文 号 | 德府发〔2016〕20号 | 发文日期 | 2016-11-04 | ||",
        "公开形式 | 主动公开 | 信息来源 | 德阳市公众信息网 |",
        "各县（市、区）人民政府：",
        "现就推广合作模式提出以下实施意见。",
        "一、全面把握深刻内涵",
        "（一）充分认识重要意义。有利于促进政府职能转变。",
    )
    assert (site.doc_number, site.issuer, site.date) == ("德府发〔2016〕20号", "", "2016-11-04")


def test_the_date_of_issue_wins_over_the_publication_date() -> None:
    plan = _plan(
        "发布日期:2023-03-21访问次数: 信息来源:东阳市人民政府办公室",
        "各镇、乡人民政府：",
        "现印发你们，请结合实际认真贯彻落实。",
        "东阳市人民政府办公室",
        "2023年3月13日",
        "东阳市促进残疾人就业行动实施方案(2023—2025年)",
        "一、总体目标",
        "1.扩中提低。促进就业。",
    )
    assert (plan.date, plan.issuer) == ("2023-03-13", "东阳市人民政府办公室")


def test_a_wrapped_line_of_prose_is_no_title_even_with_a_title_word() -> None:
    plan = _plan(
        "市教育局 2022 年工作要点",
        "2022 年是全面实施“十四五”规划的关键之年,是加快推进",
        "区域教育中心建设的开局之年。",
        "一、建设区域教育中心",
        "1.推进区域教育中心建设。成立专班。",
    )
    assert plan.title == "市教育局 2022 年工作要点"

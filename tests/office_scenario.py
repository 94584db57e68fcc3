"""A realistic office, made the way a clerk makes it: through the command line.

The city education bureau's office in July 2020: 15 departments in official order, six
leaders, the sample plan (Qingdao 2020, published in Traditional characters) imported,
its six sections led by six different departments with cooperating departments and
deadlines as clerks write them, quarterly periods, a few reports for the first quarter
and 25 for the second, looked at as of 2020-07-10 (the day the second quarter's forms
were due). ``build_office`` is used by the tests of the documents and by
``tools/render_documents.py``, which writes all four documents of this office.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_PLAN = ROOT / "sample_data" / "qingdao-2020-education-workplan.txt"
AS_OF = dt.date(2020, 7, 10)
PERIOD = "2020年第二季度"
EARLIER_PERIOD = "2020年第一季度"
OFFICE = "青岛市教育局办公室"

DEPARTMENTS = (
    ("办公室", ""),
    ("组织干部处", "组干处"),
    ("宣传教育处", "宣教处"),
    ("政策法规处", "政法处"),
    ("发展规划处", "规划处"),
    ("基础教育处", "基教处"),
    ("学前教育处", "学前处"),
    ("职业与成人教育处", "职成处"),
    ("高等教育处", "高教处"),
    ("民办教育处", "民办处"),
    ("教师工作处", "教师处"),
    ("财务审计处", "财务处"),
    ("安全稳定处", "安稳处"),
    ("体育卫生与艺术教育处", "体卫艺处"),
    ("科技与信息化处", "信息化处"),
)
LEADERS = (
    ("张建国", "局长", ("办公室", "政策法规处")),
    ("陈静", "党委副书记", ("组织干部处", "宣传教育处")),
    ("李明", "副局长", ("基础教育处", "学前教育处", "教师工作处")),
    ("王红", "副局长", ("职业与成人教育处", "高等教育处", "民办教育处")),
    ("刘强", "副局长", ("发展规划处", "财务审计处", "安全稳定处")),
    ("赵磊", "副局长", ("体育卫生与艺术教育处", "科技与信息化处")),
)
# Section → (lead, leader); item → (cooperating departments, deadline as written).
SECTIONS = {
    "一": ("组织干部处", "陈静"),
    "二": ("宣传教育处", "陈静"),
    "三": ("基础教育处", "李明"),
    "四": ("职业与成人教育处", "王红"),
    "五": ("科技与信息化处", "赵磊"),
    "六": ("办公室", "张建国"),
}
ITEMS = {
    1: (("办公室",), "6月底前"),
    2: ((), "年底前"),
    3: ((), "长期坚持"),
    4: (("政策法规处",), "三季度"),
    5: (("政策法规处",), "6月底前"),
    6: (("基础教育处",), "全年"),
    7: (("体育卫生与艺术教育处", "基础教育处"), "年底前"),
    8: (("基础教育处",), "7月中旬"),
    9: (("基础教育处",), "长期坚持"),
    10: (("学前教育处", "发展规划处"), "年底前"),
    11: (("学前教育处",), "9月底前"),
    12: ((), "全年"),
    13: ((), "年底前"),
    14: (("高等教育处",), "5月底前"),
    15: (("民办教育处",), "三季度"),
    16: ((), "全年"),
    17: (("财务审计处",), "年底前"),
    18: ((), "年底前"),
    19: ((), "7月底前"),
    20: (("体育卫生与艺术教育处",), "全年"),
    21: ((), "11月底前"),
    22: ((), "全年"),
    23: (("教师工作处", "组织干部处"), "年底前"),
    24: (("财务审计处",), "6月底前"),
    25: (("安全稳定处",), "长期坚持"),
    26: (("安全稳定处", "体育卫生与艺术教育处"), "上半年"),
}
# (task, status, percent, 进展情况, 存在问题, 下步打算, reporter) for the first quarter …
# fmt: off
EARLIER_REPORTS = (
    ("1-1", "序时推进", 40, "已将党的十九届四中全会精神列入干部教师培训必修课程，完成第一轮集中轮训。", "", "", "组干处"),
    ("1-3", "已完成", 100, "“工委书记、教育局长突破项目”已确定并印发实施。", "", "", "组干处"),
    ("5-2", "序时推进", 30, "《教育督导委员会工作规则》已形成初稿。", "", "征求区市意见。", "组干处"),
    ("14-1", "滞后", 20, "高等教育资源布局调整方案起草中。", "受疫情影响调研推迟。", "", "职成处"),
    ("24-1", "序时推进", 30, "完成一季度教育经费投入动态监测。", "", "", "办公室"),
    ("26-1", "序时推进", 60, "延期开学期间线上教学平稳有序。", "", "做好复学准备。", "办公室"),
)
# … and 25 for the second.
REPORTS = (
    ("1-1", "已完成", 100, "全市教育系统干部教师培训已将四中全会精神列为必修课程，完成两轮集中轮训，覆盖干部教师1.2万人次。", "", "", "组干处"),
    ("1-2", "已完成", 100, "《青岛教育现代化2035》已经市委市政府印发，教育设施布局专项规划通过专家论证。", "", "", "组干处"),
    ("1-4", "序时推进", 60, "第六届教育改革成果评审已完成初评，推荐45项成果进入复评。", "", "7月底前完成复评并公布结果。", "组干处"),
    ("1-5", "滞后", 30, "青岛教育史馆展陈大纲已完成。", "馆舍改造工程因疫情延期开工。", "协调施工单位倒排工期，9月底前完成改造。", "组干处"),
    ("2-1", "序时推进", 50, "主题教育成果巩固工作按计划推进，已召开专题推进会2次。", "", "", "组干处"),
    ("2-4", "滞后", 25, "民办学校党组织覆盖情况已摸底。", "部分民办学校党组织负责人配备不到位。", "下半年集中选派党建指导员。", "组干处"),
    ("3-1", "序时推进", 50, "签订党风廉政建设责任书86份，开展廉政谈话32人次。", "", "", "组干处"),
    ("4-2", "滞后", 20, "地方立法调研已启动。", "", "", "组干处"),
    ("5-1", "已完成", 100, "《关于深化教育督导体制机制改革的意见》已印发。", "", "", "组干处"),
    ("5-2", "滞后", 40, "工作规则已征求区市意见。", "", "", "组干处"),
    ("6-1", "序时推进", 50, "“四新”思政德育工作体系建设方案已印发，首批试点学校30所。", "", "", "宣教处"),
    ("6-3", "序时推进", 50, "组织开展“四史”主题教育活动，覆盖中小学生42万人次。", "", "", "宣教处"),
    ("7-2", "暂缓", None, "第十四届全国学生运动会延期举办，筹备工作暂缓。", "", "待国家确定举办时间后恢复。", "宣教处"),
    ("8-1", "序时推进", 70, "“家长大课堂”线上开讲12期，参与家长86万人次。", "", "", "宣教处"),
    ("10-2", "滞后", 35, "80所中小学幼儿园新建改扩建项目已开工52所。", "部分项目土地手续办理滞后。", "会同自然资源部门加快办理用地手续。", "基教处"),
    ("10-3", "序时推进", 60, "普惠性幼儿园覆盖率达到87.5%。", "", "", "基教处"),
    ("11-3", "已完成", 100, "新增10个优质学校教育集团，已全部挂牌运行。", "", "", "基教处"),
    ("12-1", "序时推进", 50, "幼儿园规范管理办法已起草，正在征求意见。", "", "", "基教处"),
    ("13-3", "序时推进", 50, "国际职教城一期项目主体封顶。", "", "", "职成处"),
    ("14-1", "滞后", 45, "高等教育资源布局调整方案已形成征求意见稿。", "个别高校选址尚未确定。", "提请市政府专题会议研究。", "职成处"),
    ("15-1", "未启动", 0, "", "", "三季度启动民办学校分类登记。", "职成处"),
    ("19-1", "序时推进", 60, "人工智能教育五年规划已完成初稿。", "", "", "信息化处"),
    ("21-1", "已完成", 100, "上合示范区教育任务清单已全部落实到责任单位。", "", "", "信息化处"),
    ("24-1", "已完成", 100, "上半年教育经费“两个只增不减”监测完成，各区市均达到要求。", "", "", "办公室"),
    ("26-1", "已完成", 100, "春季学期复学工作全部完成，未发生聚集性疫情。", "", "", "办公室"),
)
# fmt: on


def scenario_commands(simplified: bool = True) -> list[list[str]]:
    """The command lines a clerk types, in order (each run with ``--db FILE``)."""
    names = [name for name, _short in DEPARTMENTS]
    steps: list[list[str]] = [["departments", "add", *names]]
    steps.append(["settings", "set", "office.name", OFFICE])
    steps += [["departments", "short", name, short] for name, short in DEPARTMENTS if short]
    for name, title, departments in LEADERS:
        steps.append(["leaders", "add", name, "--title", title, "--departments", *departments])
    steps.append(["import", str(SAMPLE_PLAN), *(["--simplified"] if simplified else [])])
    for section, (lead, leader) in SECTIONS.items():
        steps.append(["assign", "--section", section, "--lead", lead, "--leader", leader])
    for item, (cooperating, deadline) in ITEMS.items():
        step = ["assign", "--item", str(item), "--deadline", deadline]
        if cooperating:
            step += ["--with", *cooperating]
        steps.append(step)
    steps.append(["periods", "year", "2020", "--quarterly", "--due-day", "10"])
    for period, reports, day in (
        (EARLIER_PERIOD, EARLIER_REPORTS, "2020-04-08"),
        (PERIOD, REPORTS, "2020-07-08"),
    ):
        for code, status, percent, progress, problems, next_steps, reporter in reports:
            step = ["progress", code, "--period", period, "--status", status]
            step += ["--progress", progress, "--problems", problems, "--next-steps", next_steps]
            step += ["--reporter", reporter, "--date", day]
            if percent is not None:
                step += ["--percent", str(percent)]
            steps.append(step)
    return steps


def build_office(path: Path, *, simplified: bool = True) -> Path:
    """Make the office's database at ``path`` with the command line; return ``path``."""
    from cli import main

    for args in scenario_commands(simplified):
        code = main(["--db", str(path), *args])
        if code:
            raise RuntimeError(f"{args[:3]}: exit {code}")
    return path

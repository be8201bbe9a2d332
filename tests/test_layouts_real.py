"""Layouts seen in real published attachments, each in a small document written for the test.

Every case here comes from a shape met in public progress reports (see the issue-3 closing note):
groups of rows under a leader's name with the header repeated, lead units at the end of the task
cell, a whole table flattened onto one line, numbered items run together on one line, label |
value report forms, and run-in 一是…二是… lists that outnumber the report's 一、二、 headings.
"""

from __future__ import annotations

import pytest

import extractor
from extractor.rules.cells import split_units


def _rows(text: str) -> list[tuple[int | None, str | None, str | None, list[str]]]:
    document = extractor.parse(text.encode("utf-8"))
    return [(r.seq, r.task, r.progress, r.lead_units) for t in document.tables for r in t.rows]


GROUPED_STREAM = """2024年市政府工作报告重点工作半年度完成情况汇总表
发布日期: 2024-08-31

张三市长主抓重点工作

序号

目标任务

推进情况

1

确保新增财力的三分之二以上用于民生。责任单位:市政府办公室、市财政局、各区县政府<南太湖新区、长合区管委会>

1.实施意见已出台。

2.1-6月,全市民生支出完成239.8亿元。

李四副市长主抓重点工作

序号

目标任务

推进情况

2

地区生产总值增长6%左右。责任单位:市发展改革委、市统计局

上半年全市生产总值增长6.2%。
"""


def test_groups_under_a_repeated_header_and_units_in_the_task_cell() -> None:
    document = extractor.parse(GROUPED_STREAM.encode("utf-8"))
    (table,) = document.tables
    assert table.title == "2024年市政府工作报告重点工作半年度完成情况汇总表"
    assert [(r.seq, r.task, r.progress, r.lead_units, r.section) for r in table.rows] == [
        (
            1,
            "确保新增财力的三分之二以上用于民生。",
            "1.实施意见已出台。\n2.1-6月,全市民生支出完成239.8亿元。",
            ["市政府办公室", "市财政局", "各区县政府<南太湖新区、长合区管委会>"],
            None,
        ),
        (
            2,
            "地区生产总值增长6%左右。",
            "上半年全市生产总值增长6.2%。",
            ["市发展改革委", "市统计局"],
            "李四副市长主抓重点工作",
        ),
    ]
    assert "units_from_label" in {w.code for w in document.warnings}


FLATTENED = (
    "购物车 我的足迹 上半年重点工作进展情况统计表 序号 承担的重点工作 完成状态 工作进展情况 牵头责任单位 "
    "一、努力完成全年主要预期目标 1 全市生产总值增长6%。 序时推进 "
    "上半年召开经济运行分析调度会，一季度生产总值增长6.1%。 "
    "市发展改革委 2 社会消费品零售总额增长8%以上。 滞后 一季度实现社会消费品零售总额85亿元 同比增长5.2%。 市商务局 "
    "3 进出口总额增长5%以上。 序时推进 1-6月全市进出口总额12亿美元，同比增长7%。 市商务局\n"
)


def test_table_flattened_onto_one_line() -> None:
    document = extractor.parse(FLATTENED.encode("utf-8"))
    (table,) = document.tables
    assert [c.field for c in table.columns] == ["seq", "task", "status", "progress", "lead_units"]
    assert [(r.seq, r.task, r.progress, r.lead_units, r.section) for r in table.rows] == [
        (
            1,
            "全市生产总值增长6%。",
            "上半年召开经济运行分析调度会，一季度生产总值增长6.1%。",
            ["市发展改革委"],
            "一、努力完成全年主要预期目标",
        ),
        # a progress cell with a space inside comes back joined by that space
        (
            2,
            "社会消费品零售总额增长8%以上。",
            "一季度实现社会消费品零售总额85亿元 同比增长5.2%。",
            ["市商务局"],
            "一、努力完成全年主要预期目标",
        ),
        (
            3,
            "进出口总额增长5%以上。",
            "1-6月全市进出口总额12亿美元，同比增长7%。",
            ["市商务局"],
            "一、努力完成全年主要预期目标",
        ),
    ]
    assert table.rows[1].cells["status"] == "滞后"


INLINE_ITEMS = (
    "2024年市政府民生实事项目共有3项任务，现将1—6月份进展情况予以公示。 1.轨道交通2号线投入试运营。 牵头领导:王五 "
    "责任单位:市轨道交通指挥部 项目责任人:赵六 实际完成情况:2号线已于2024年5月30日通车试运营。 "
    "2.新增安装300套路口视频采集设备。 牵头领导:王五 责任单位:市公安局 配合单位:市城管局、市财政局 "
    "实际完成情况:整体进度已完成年度目标任务的55%。 3.新辟公交线路10条。 牵头领导:钱七 责任单位:市交通局 "
    "实际完成情况:已新辟线路6条。\n"
)


def test_numbered_items_run_together_on_one_line() -> None:
    document = extractor.parse(INLINE_ITEMS.encode("utf-8"))
    (table,) = document.tables
    assert [(r.seq, r.task, r.progress, r.lead_units, r.partner_units) for r in table.rows] == [
        (1, "轨道交通2号线投入试运营。", "2号线已于2024年5月30日通车试运营。", ["市轨道交通指挥部"], []),
        (
            2,
            "新增安装300套路口视频采集设备。",
            "整体进度已完成年度目标任务的55%。",
            ["市公安局"],
            ["市城管局", "市财政局"],
        ),
        (3, "新辟公交线路10条。", "已新辟线路6条。", ["市交通局"], []),
    ]
    assert table.rows[0].cells["lead_leaders"] == "王五"


FORMS = """2024年为民办实事项目进展情况月报表（11月份）

项 目

名 称

新建和改造提升城市绿道500公里

进 展

情 况

已完成新建绿道140.01公里。

存 在

困 难

和问题

无

进 度

是 否

滞 后

否

项目名称

建设街旁公园100处

进展情况

已完成105处。

存在困难和问题

无

进度是否滞后

否
来源:市园林中心
扫一扫在手机上查看当前页面
"""


def test_label_value_report_forms() -> None:
    document = extractor.parse(FORMS.encode("utf-8"))
    (table,) = document.tables
    assert [c.field for c in table.columns] == ["task", "progress", "issues", "status"]
    assert [(r.seq, r.seq_text, r.task, r.progress, r.cells["status"]) for r in table.rows] == [
        (1, None, "新建和改造提升城市绿道500公里", "已完成新建绿道140.01公里。", "否"),
        (2, None, "建设街旁公园100处", "已完成105处。", "否"),
    ]


RUN_IN_AFTER_HEADINGS = """区政府督查室对为民办实事项目1-8月份进展情况进行督查，现通报如下：
一、省市两级为民办实事
其中5项已完成。滞后项目：一是实施教室照明改造工程（第三项）正在编制招标文件；二是实施疫苗免费接种项目试点（第六项）预计9月份开始接种；三是综合治理海漂垃圾（第二十三项）建设2公里未启动。
二、区级为民办实事
其他项目正按序时推进。
"""


def test_run_in_items_outnumber_the_headings() -> None:
    # The item reference (第三项) is not part of the task (gold conventions): it has its own cell.
    assert _rows(RUN_IN_AFTER_HEADINGS) == [
        (1, "实施教室照明改造工程", "正在编制招标文件", []),
        (2, "实施疫苗免费接种项目试点", "预计9月份开始接种", []),
        (3, "综合治理海漂垃圾", "建设2公里未启动。", []),  # the item's sentence keeps its full stop
    ]
    references = [r.cells["项目编号"] for t in extractor.parse(RUN_IN_AFTER_HEADINGS.encode()).tables for r in t.rows]
    assert references == ["（第三项）", "（第六项）", "（第二十三项）"]


def test_signing_unit_after_the_last_sentence_is_not_progress() -> None:
    text = (
        "现将1至7月民生工程实施进度通报如下：\n"
        "1、农村道路畅通工程，牵头部门：市交通局。建设进度相对较慢的县区为舒城县。\n"
        "2、棚户区改造，牵头部门：市住建委。新开工完成进度相对较慢。 六安市民生办\n"
    )
    assert _rows(text) == [
        (1, "农村道路畅通工程", "建设进度相对较慢的县区为舒城县。", ["市交通局"]),
        (2, "棚户区改造", "新开工完成进度相对较慢。", ["市住建委"]),
    ]


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("各区县政府<南太湖新区、长合区管委会>", ["各区县政府<南太湖新区、长合区管委会>"]),
        (
            "市政府办公室、各区县政府（南太湖新区、长合区管委会）",
            ["市政府办公室", "各区县政府（南太湖新区、长合区管委会）"],
        ),
        ("市公安局(交警支队、治安支队)和市城管局", ["市公安局(交警支队、治安支队)", "市城管局"]),
        ("運輸署 路政署", ["運輸署", "路政署"]),
        ("区交通局　区财政局", ["区交通局", "区财政局"]),
        ("社會福利署、\n房屋署", ["社會福利署", "房屋署"]),
        ("市发展改革委 牵头", ["市发展改革委 牵头"]),  # the word after the space is no unit
    ],
)
def test_split_units_brackets_and_spaces(text: str, units: list[str]) -> None:
    assert split_units(text) == units


def test_empty_paragraph_inside_a_seed_layout_cell_does_not_end_the_row() -> None:
    """Word's copy-as-text writes an empty paragraph inside a cell as a blank line; the row goes on."""
    text = (
        "\n附件3\n\n 重点工作推进情况\n\n\t序号\n\t目标任务\n\t完成情况\n\t牵头责任单位\n\n"
        "\t1\n\t建设污水处理厂\n\t1.主体工程已完工。\n\n2.设备安装完成60%。\n\t区水务局\n\n"
        "\t2\n\t改造老旧小区\n\t完成12个小区。\n\t区住建委\n \n"
    )
    assert _rows(text) == [
        (1, "建设污水处理厂", "1.主体工程已完工。\n\n2.设备安装完成60%。", ["区水务局"]),
        (2, "改造老旧小区", "完成12个小区。", ["区住建委"]),
    ]


def test_stream_header_directly_under_the_title() -> None:
    """序号 on the line right after the title (no blank line) still opens the header."""
    text = (
        "附件2\n2024年重点工作推进情况汇总表\n序号\n\n工作任务\n\n进展情况\n\n牵头责任单位\n"
        "1\n\n建设污水处理厂\n\n主体工程已完工。\n\n区水务局\n2\n\n改造老旧小区\n\n完成12个小区。\n\n区住建委\n"
    )
    document = extractor.parse(text.encode("utf-8"))
    assert document.tables[0].title == "2024年重点工作推进情况汇总表"
    assert _rows(text) == [
        (1, "建设污水处理厂", "主体工程已完工。", ["区水务局"]),
        (2, "改造老旧小区", "完成12个小区。", ["区住建委"]),
    ]


def test_blank_lines_inside_a_tab_row_cell() -> None:
    """A browser copy of a cell with paragraphs: blank lines inside the open row do not end the table."""
    text = (
        "序号\t工作任务\t进展情况\t牵头单位\n"
        "1\t建设污水处理厂\t1.主体工程已完工。\n\n2.设备安装完成60%。\n\n3.管网铺设完成。\t区水务局\n"
        "2\t改造老旧小区\t完成12个小区。\t区住建委\n"
    )
    assert _rows(text) == [
        (1, "建设污水处理厂", "1.主体工程已完工。\n\n2.设备安装完成60%。\n\n3.管网铺设完成。", ["区水务局"]),
        (2, "改造老旧小区", "完成12个小区。", ["区住建委"]),
    ]


def test_report_forms_with_different_labels_are_one_table() -> None:
    """A 省 form with an extra label, then 市 forms: one table, the extra label a column of its own."""
    text = (
        "2024年省为民办实事项目进展情况月报表\n\n项目名称\n\n新建城市绿道500公里\n\n我市任务\n\n新建绿道130公里\n\n"
        "进展情况\n\n已完成140公里。\n\n"
        "2024年市为民办实事项目进展情况月报表\n\n项目名称\n\n增种林荫50处\n\n进展情况\n\n已完成51处。\n"
    )
    (table,) = extractor.parse(text.encode("utf-8")).tables
    assert [c.header for c in table.columns] == ["项目名称", "我市任务", "进展情况"]
    assert [(r.seq, r.task, r.progress, r.cells["我市任务"], r.section) for r in table.rows] == [
        (1, "新建城市绿道500公里", "已完成140公里。", "新建绿道130公里", None),
        (2, "增种林荫50处", "已完成51处。", "", "2024年市为民办实事项目进展情况月报表"),
    ]


@pytest.mark.parametrize(("opening", "closing", "colon"), [("（", "）", "："), ("(", ")", ":"), ("（", "）", ":")])
def test_a_bracketed_unit_label_closing_the_task_cell(opening: str, closing: str, colon: str) -> None:
    """ "…打造海上画廊。（牵头单位：市住建局）" at the end of each task cell, no unit column: the
    bracket and its label leave the task, the units fill a lead-unit column."""
    text = (
        "序号\n\n工作内容\n\n完成情况\n\n"
        f"1\n\n慎终如始抓好疫情防控，确保不出现聚集性疫情。{opening}牵头单位{colon}市疫情防控办{closing}\n\n"
        "①全市未发生本土疫情。\n\n"
        f"2\n\n加快建设滨海城市带，打造海上画廊。{opening}牵头单位{colon}市住建局{closing}\n\n"
        "①客运码头累计完成主体结构工程量的80%。\n"
    )
    document = extractor.parse(text.encode("utf-8"))
    rows = document.tables[0].rows
    assert [(r.task, r.lead_units) for r in rows] == [
        ("慎终如始抓好疫情防控，确保不出现聚集性疫情。", ["市疫情防控办"]),
        ("加快建设滨海城市带，打造海上画廊。", ["市住建局"]),
    ]

"""Lines that read as header words but head no column (issue 11, layout28): page furniture as a
whole line (a breadcrumb), a document's title, its date and a salutation."""

from __future__ import annotations

import pytest

import extractor
from extractor.headers import not_header_cell, undated_header
from extractor.layout.aligned import _find_header, _pieces, _row_starts
from extractor.layout.base import Line
from extractor.rules.data import load

DATA = load("headers")


@pytest.mark.parametrize("text", DATA["not_header_cell_examples"])
def test_not_header_cell_examples(text: str) -> None:
    assert not_header_cell(text)


@pytest.mark.parametrize("text", DATA["not_header_cell_counter_examples"])
def test_not_header_cell_counter_examples(text: str) -> None:
    assert not not_header_cell(text)


def _header(text: str, mode: str) -> list[str] | None:
    lines = [Line(t) for t in text.split("\n")]
    header = _find_header(_pieces(lines, mode), mode)
    return header.cells if header else None


BREADCRUMB = """{crumb}
至9月底,全县重点项目累计完成投资120.5亿元,完成年度计划的70.2%。
1、新建项目。新建项目共40个,至9月底,开工建设30个,累计完成投资35亿元。
2、续建项目。续建项目共25个,至9月底,累计完成投资70亿元。"""


@pytest.mark.parametrize(
    "crumb",
    [
        "您当前的位置:首页> 政务公开> 重点领域> 重点项目> 内容",
        "您當前的位置：首頁 > 政務公開 > 重點領域 > 重點項目 > 內容",  # traditional, full width
        "当前位置：首页>政务公开> 重点项目 >内容",
    ],
)
def test_a_breadcrumb_line_is_no_header(crumb: str) -> None:
    assert _header(BREADCRUMB.format(crumb=crumb), "spaces") is None


def test_a_header_line_is_still_read() -> None:
    text = "序号  目标任务  完成情况  牵头单位\n1  新建学校3所  已完成2所  区教育局\n2  改造道路5条  已完成  区住建局"
    assert _header(text, "spaces") == ["序号", "目标任务", "完成情况", "牵头单位"]


REPORT = """{title}
县发展和改革局
{date}
{salutation}
现将有关情况汇报如下。
一、项目建设进展情况
1、城南污水处理厂工程,正在进行设备安装。
2、第二中学教学楼工程,正在进行室内装修。
3、人民医院门诊楼工程,正在进行主体施工。"""


@pytest.mark.parametrize(
    ("title", "date", "salutation"),
    [
        ("关于我县重点项目建设工作进展情况的汇报", "(二〇一九年五月十二日)", "各位领导:"),
        ("關於我縣重點項目建設工作進展情況的匯報", "（2019年5月12日）", "各 位 领 导 ："),
        ("全县重点项目建设进展情况的报告", "2019年5月12日", "尊敬的各位代表："),
    ],
)
def test_title_date_and_salutation_lines_are_no_vertical_header(title: str, date: str, salutation: str) -> None:
    text = REPORT.format(title=title, date=date, salutation=salutation)
    assert _header(text, "lines") is None
    table = extractor.parse(text.encode()).tables[0]
    assert table.layout != "aligned-lines"
    assert [row.seq for row in table.rows] == [1, 2, 3]
    assert table.rows[0].cells["task"].startswith("城南污水处理厂工程")


def test_a_header_written_a_cell_a_line_is_still_read() -> None:
    text = "序号\n工作任务\n进展情况\n责任单位\n1\n新建学校3所\n已完成2所\n区教育局\n2\n改造道路5条\n已完成\n区住建局"
    assert _header(text, "lines") == ["序号", "工作任务", "进展情况", "责任单位"]


@pytest.mark.parametrize(
    ("header", "undated"),
    [
        ("2024年推进情况", "推进情况"),
        ("截至6月底进展", "进展"),
        ("预计至12月31日完成工作量", "预计完成工作量"),  # a period after a modifier
        ("實際1-9月完成情況", "实际完成情况"),
        ("1-3月", ""),
        ("毕节市2017年度十件民生实事", "毕节市2017年度十件民生实事"),  # a title's subject before its year
    ],
)
def test_undated_header(header: str, undated: str) -> None:
    assert undated_header(header) == undated


INDICATORS = """一级指标
二级指标
计量单位
{period}
经济稳定
1.地区生产总值增长率
%
7.2
2.居民消费价格涨幅
%
2.7
结构优化
3.服务业增加值占GDP比重
%
55.75
4.制造业增加值占规模以上工业增加值比重
%
57.8"""


@pytest.mark.parametrize("period", ["1-3月", "1—3月", "上半年", "1-6月份"])
def test_a_header_that_is_only_a_period_heads_the_progress(period: str) -> None:
    text = INDICATORS.format(period=period)
    assert _header(text, "lines")[-1] == period
    table = extractor.parse(text.encode()).tables[0]
    assert [row.cells["progress"] for row in table.rows] == ["7.2", "2.7", "55.75", "57.8"]
    assert table.rows[0].cells["task"] == "地区生产总值增长率"


def test_a_dated_header_after_a_modifier_is_a_header_cell() -> None:
    header = ["序号", "项目名称", "实际已完成工作量", "预计至12月31日完成工作量"]
    text = "\n".join([*header, "1", "建成县中", "已完成。", "100", "2", "新建学校", "已完成主体。", "80"])
    assert _header(text, "lines") == header


PLEDGES = """現按每個主要工作範疇詳細報告如下{colon}
年份
承諾
目前情況

{section}

1996
1.
在 1996 年年底前,完成清拆臨時房屋區。
已清拆所有 14 個臨時房屋區。
1996
2.
在 1996 至 97 年度,設立 5 個房屋事務詢問處。
已設立 5 個房屋事務詢問處。
1997
3.
在 1997 年,動用 40 億元進行維修工程。
已動用 40 億元。"""


@pytest.mark.parametrize(
    ("colon", "section"),
    [(":", "已完成的項目"), ("：", "已完成的项目"), (":", "進度滯後的項目")],
)
def test_rows_led_by_a_cell_before_their_number(colon: str, section: str) -> None:
    """Cells one a line, each row opening with its year before its number: the year is the row's
    first cell (not the last cell of the row above), the section line and the introduction no
    header cells."""
    table = extractor.parse(PLEDGES.format(colon=colon, section=section).encode()).tables[0]
    assert [row.seq for row in table.rows] == [1, 2, 3]
    assert [row.cells["task"].replace(" ", "")[:6] for row in table.rows] == ["在1996年", "在1996至", "在1997年"]
    assert table.rows[1].cells["progress"].replace(" ", "") == "已設立5個房屋事務詢問處。"
    assert [row.cells.get("年份") or row.cells.get("deadline") for row in table.rows] == ["1996", "1996", "1997"]


def test_a_last_column_of_numbers_leads_no_row() -> None:
    text = "序号\n工作任务\n完成值\n1\n新建学校3所\n100\n2\n改造道路5条\n80\n3\n新增绿地2处\n60"
    table = extractor.parse(text.encode()).tables[0]
    assert [row.cells["task"] for row in table.rows] == ["新建学校3所", "改造道路5条", "新增绿地2处"]
    assert [row.cells["progress"] for row in table.rows] == ["100", "80", "60"]


@pytest.mark.parametrize(("open_", "close"), [("(", ")"), ("（", "）")])
def test_rows_numbered_inside_their_cells_in_chinese(open_: str, close: str) -> None:
    """Cells a line, each row's item numbered (一), (二) … inside its cell, the numbering running on
    across the categories: the items open the rows."""
    text = "\n".join(
        [
            "工作任务",
            "具体要求",
            "责任单位",
            "一、深入解读重要政策措施",
            f"{open_}一{close}按照“谁起草、谁解读”原则,做到政策文件与解读方案同步组织。",
            "各镇(街),市直各单位",
            f"{open_}二{close}对关注度高的政府文件进行政策解读。",
            "市政府办",
            "二、积极回应社会关切",
            f"{open_}三{close}对重要改革措施做好舆情风险评估研判。",
            "各镇(街),市直各单位",
        ]
    )
    lines = [Line(t) for t in text.split("\n")]
    pieces = _pieces(lines, "lines")
    header = _find_header(pieces, "lines")
    assert header is not None
    assert [pieces[k].text[:3] for k in _row_starts(pieces, header.end, 3)] == [
        f"{open_}一{close}",
        f"{open_}二{close}",
        f"{open_}三{close}",
    ]

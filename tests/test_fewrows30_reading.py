"""Tables of two or three rows (``layout/lastresort.py``: ``few_rows``, ``headed_cells``): what a web
excerpt cut short may hold of its table. Read at a low confidence with a ``low_confidence_layout``
warning when the evidence scales to their size (rows numbered 1, 2 of one shape under a title that
says results follow; numbered items, each a name and its report, under such a title; a header one
cell a line naming fields over rows whose cells bear it out). Texts without a table (a notice's
body, a news story, a plan's two items) stay ``no_table``. Made-up texts in the shapes seen, varied
in script, punctuation width and spacing."""

from __future__ import annotations

import pytest

import extractor
from extractor.errors import NoTableError
from extractor.layout import Line
from extractor.layout.lastresort import FEW_ROWS_WARNING, few_rows, headed_cells, reports_results
from extractor.readers.raw import RawTable

TRADITIONAL = str.maketrans(
    "进展况农业务围设镇统计发改委贸经济园区实现营收亿元长检查项导组织员开关联门网站页时间览浏栏单责",
    "進展況農業務圍設鎮統計發改委貿經濟園區實現營收億元長檢查項導組織員開關聯門網站頁時間覽瀏欄單責",
)
FULL_WIDTH = str.maketrans(",:;()", "，：；（）")
HALF_WIDTH = str.maketrans("，：；（）", ",:;()")

FURNITURE = """网站首页 | 机构概况 | 政务公开 | 互动交流
当前位置：首页 > 政务公开 > 工作动态
发布时间：2023-05-12  来源：县发改局  浏览次数：326
【字体：大 中 小】 打印本页
"""

# Two rows written one cell a line, numbered 1 and 2 alone on their lines, no header: the title
# says results follow, and the cells at each place are of one kind.
TWO_STREAM = """城区重点项目推进情况
1
城东污水处理厂扩建
主体工程已完工，正在调试设备
县住建局
2
滨河公园二期
已完成绿化种植80%，步道铺设过半
县城管局
"""

# Two numbered items, each a name and its report, under a title saying results follow.
TWO_ITEMS = """关于民生实事办理情况的通报
一、农村饮水安全巩固提升
已完成管网改造12公里，受益群众3000余人。
二、乡镇卫生院标准化建设
3所卫生院主体完工，设备采购正在招标。
"""

# A header one cell a line, then its rows one cell a line with no 序号 (the last row cut).
HEADED = """2023年重点任务落实情况表
工作任务
进展情况
责任单位
推进高标准农田建设
已完成1.2万亩，占年度任务的60%
县农业农村局
实施老旧小区改造
15个小区已开工，完成投资8000万元
县住建局
开展营商环境提升行动
已出台实施方案，正在"""


def _parse(text: str) -> extractor.Document:
    return extractor.parse_bytes(text.encode(), "t.txt")


def _as(change: dict | None, text: str) -> str:
    return text.translate(change) if change else text


def _lines(text: str) -> list[Line]:
    return [Line(t) for t in text.split("\n")]


@pytest.mark.parametrize("change", [None, TRADITIONAL, FULL_WIDTH, HALF_WIDTH])
@pytest.mark.parametrize("furniture", ["", FURNITURE])
def test_two_rows_numbered_one_cell_a_line_are_a_table(change, furniture) -> None:
    text = furniture + TWO_STREAM
    text = text.translate(change) if change else text
    document = _parse(text)
    (table,) = document.tables
    assert [r.seq for r in table.rows] == [1, 2]
    assert table.rows[0].task == _as(change, "城东污水处理厂扩建")
    assert (table.rows[1].progress or "").startswith(_as(change, "已完成绿化种植80%"))
    assert [u for r in table.rows for u in r.lead_units] == [_as(change, u) for u in ("县住建局", "县城管局")]
    codes = [w.code for w in document.warnings]
    assert "low_confidence_layout" in codes
    assert table.confidence <= 0.1


@pytest.mark.parametrize("change", [None, TRADITIONAL, HALF_WIDTH])
def test_two_numbered_items_under_a_report_title_are_a_table(change) -> None:
    text = TWO_ITEMS.translate(change) if change else TWO_ITEMS
    found = few_rows(_lines(text))
    assert found is not None
    blocks, how, rows = found
    assert rows == 2 and "numbered items" in how
    (table,) = [b for b in blocks if isinstance(b, RawTable)]
    assert [c.text for c in table.rows[1].cells[1:]] == [
        _as(change, "农村饮水安全巩固提升"),
        _as(change, "已完成管网改造12公里，受益群众3000余人。"),
    ]
    # (the numbered prose reading reads these two first; either way the rows are the items)
    document = _parse(text)
    assert [r.task for r in document.tables[0].rows] == [
        _as(change, t) for t in ("农村饮水安全巩固提升", "乡镇卫生院标准化建设")
    ]


# Two items under a title that reports results, the second's name a list of its parts: the
# numbered prose reading finds nothing, the last resort reads them with the warning.
TWO_ITEMS_LISTED = """关于重点工作进展情况的通报
一、結案
本案已辦理完成,經提報108年03月22日本府委員會決議,同意結案。
二、1、週邊公有空地種植特色開花植栽,客土整平。2、結案。
本案已完成施作,於107年12月26日向提案人提出結案獲得同意。
"""


@pytest.mark.parametrize("change", [None, FULL_WIDTH])
def test_two_items_read_by_the_last_resort_carry_the_warning(change) -> None:
    document = _parse(_as(change, TWO_ITEMS_LISTED))
    (table,) = document.tables
    assert [r.task for r in table.rows] == ["結案", _as(change, "1、週邊公有空地種植特色開花植栽,客土整平。2、結案。")]
    assert table.rows[1].progress == _as(change, "本案已完成施作,於107年12月26日向提案人提出結案獲得同意。")
    (warning,) = [w for w in document.warnings if w.code == "low_confidence_layout"]
    assert "2 rows" in warning.message and "numbered items" in warning.message


@pytest.mark.parametrize("spacing", ["", "  ", "\u3000"])
def test_a_header_one_cell_a_line_over_rows_without_numbers(spacing) -> None:
    text = "\n".join(spacing + line for line in HEADED.split("\n"))
    document = _parse(text)
    (table,) = document.tables
    assert [r.task for r in table.rows] == ["推进高标准农田建设", "实施老旧小区改造", "开展营商环境提升行动"]
    assert table.rows[1].progress == "15个小区已开工，完成投资8000万元"
    assert table.rows[2].progress == "已出台实施方案，正在"  # cut: kept as cut
    assert table.rows[2].lead_units == []
    assert table.rows[0].lead_units == ["县农业农村局"]


def test_lines_grouped_at_the_wrong_width_are_no_rows() -> None:
    # the header names three fields but the units' place holds text in most groups: no reading
    text = "工作任务\n进展情况\n责任单位\n推进项目建设\n已开工\n正在推进前期\n完成设计\n加快实施\n已完成招标\n"
    assert headed_cells(_lines(text)) is None


# Texts that hold no table: each stays no_table (a notice's body with two parts, a plan's two items
# under a plan's title, a news story with two points, a two-line list with no report).
NOTICE = """关于做好2024年防汛工作的通知
各乡镇人民政府，县直各单位：
一、工作目标
确保不发生重大人员伤亡，确保重要基础设施安全。
二、工作要求
各单位要高度重视，压实责任，加强值班值守。
特此通知。
"""
PLAN = """2024年重点工作实施方案
一、加快产业转型
培育壮大新兴产业，推动传统产业提质增效。
二、提升城市品质
实施城市更新行动，完善基础设施。
"""
NEWS = """我县召开安全生产工作会议
5月12日，县政府召开安全生产工作会议。会议指出，要时刻绷紧安全生产这根弦。
会议要求，
1
要压实责任。
2
要强化督查。
"""
NUMBERED_STREAM_IN_A_PLAN = """工作安排
1
加强组织领导
成立工作专班
2
强化宣传引导
营造良好氛围
"""


@pytest.mark.parametrize("text", [NOTICE, PLAN, NEWS, NUMBERED_STREAM_IN_A_PLAN])
def test_texts_without_a_table_give_no_rows_of_the_last_resort(text) -> None:
    assert few_rows(_lines(text)) is None
    assert headed_cells(_lines(text)) is None
    try:
        document = _parse(text)
    except NoTableError:
        return
    # (the numbered prose reading takes a notice's two parts for items: not this reading's doing)
    assert all(t.layout != "last-resort" for t in document.tables)


@pytest.mark.parametrize("text", [NEWS, NUMBERED_STREAM_IN_A_PLAN, NEWS.translate(TRADITIONAL)])
def test_texts_without_a_table_stay_no_table(text) -> None:
    with pytest.raises(NoTableError):
        _parse(text)


@pytest.mark.parametrize(
    ("title", "said"),
    [
        ("关于重点工作进展情况的通报", True),
        ("2023年计划执行情况", True),  # the word written last heads the phrase
        ("关于印发进展情况报送方案的通知", False),
        ("2024年工作要点", False),
        ("网站首页", None),
        ("重點任務推進情況", True),
    ],
)
def test_a_title_says_whether_results_follow(title, said) -> None:
    assert reports_results(title) is said


def test_the_warning_names_the_rows_and_the_reading() -> None:
    message = FEW_ROWS_WARNING.format(rows=2, how="numbered items")
    assert "2 rows" in message and "numbered items" in message


# The title names a field too (推进情况), the first row's task reads as a header cell (进展情况) and
# another as a unit's name (…调处): the header is the widest run of distinct fields, no more.
HEADED_TITLED = """重点工作任务推进情况
重点任务
推进情况
责任部门
市级重点项目进展情况
2018年，全市安排重点项目458个，总投资7206.7亿元，截至8月底已开工392个。
—
辦理異議調處
已調處案件72件，結案率90%
—
"""


@pytest.mark.parametrize("change", [None, TRADITIONAL, HALF_WIDTH])
def test_the_header_is_the_widest_run_of_distinct_fields(change) -> None:
    document = _parse(_as(change, HEADED_TITLED))
    (table,) = document.tables
    assert [r.task for r in table.rows] == [_as(change, "市级重点项目进展情况"), "辦理異議調處"]
    assert table.rows[1].progress == _as(change, "已調處案件72件，結案率90%")
    assert [r.lead_units for r in table.rows] == [[], []]


def test_a_header_over_header_words_is_no_table() -> None:
    # a two-line header cut before its first row: its second line's words are no rows
    words = [
        "序号",
        "目标任务",
        "区领导",
        "牵头单位",
        "四季度计划目标",
        "工作进度",
        "重点工作",
        "主要内容",
        "10月完成情况",
    ]
    text = "\n".join(["民生实事项目10月进度表", *words, "进度状态"]) + "\n"
    assert headed_cells(_lines(text)) is None
    with pytest.raises(NoTableError):
        _parse(text)

"""Small tables that ended in ``no_table`` (issue 11): rows parted by runs of spaces or tabs with
no header (``headerless.gapped_rows``), one row a paragraph, rows one cell a line with no 序号
(``lastresort.periodic_cells``), rows with their cells run together (``lastresort.glued_rows``),
a header one cell a line over values (``lastresort.headed_cells``). Made-up texts in the shapes seen,
varied in script, punctuation width and spacing; texts without a table are in
test_fewrows31_counter.py."""

from __future__ import annotations

import pytest

import extractor
from extractor.layout import Line, choose_layout
from extractor.layout.lastresort import glued_rows, periodic_cells

TRADITIONAL = str.maketrans(
    "进展况农业务围设镇统计发改委贸经济园区实现营收亿元长检查项导组织员开关联门网站页时间览浏栏单责县资环护",
    "進展況農業務圍設鎮統計發改委貿經濟園區實現營收億元長檢查項導組織員開關聯門網站頁時間覽瀏欄單責縣資環護",
)
FULL_WIDTH = str.maketrans(",:;()", "，：；（）")
HALF_WIDTH = str.maketrans("，：；（）", ",:;()")

FURNITURE = """网站首页  机构概况  政务公开  互动交流
当前位置：首页 > 政务公开 > 工作动态
发布时间：2023-05-12  来源：县发改局  浏览次数：326
【字体：大 中 小】  打印本页  关闭窗口
"""
NEWS = """近日，县委县政府召开专题会议，研究部署下一阶段重点工作。
会议指出，今年以来全县上下认真贯彻落实上级决策部署，经济社会发展总体平稳。
会议强调，各级各部门要进一步统一思想、提高认识，切实增强责任感和紧迫感。
"""


def _parse(text: str) -> extractor.Document:
    return extractor.parse_bytes(text.encode(), "t.txt")


def _as(change: dict | None, text: str) -> str:
    return text.translate(change) if change else text


def _lines(text: str) -> list[Line]:
    return [Line(t) for t in text.split("\n")]


def _rows(document: extractor.Document) -> list[tuple[str | None, str | None, list[str]]]:
    return [(r.task, r.progress, list(r.lead_units)) for t in document.tables for r in t.rows]


# Rows numbered 1, 2, their cells parted by a run of spaces (or a tab, or ideographic spaces), no
# header, the page's furniture above (its dateline has as many pieces as a row).


@pytest.mark.parametrize("gap", [" ", "  ", "    ", "\t", "\u3000\u3000"])
@pytest.mark.parametrize("change", [None, TRADITIONAL, FULL_WIDTH])
def test_two_rows_parted_by_spaces_are_a_table(gap: str, change) -> None:
    rows = [
        ["1", "完善农村交通基础设施", "年内完成43公里通村道路硬化，解决9个行政村通油路问题", "县交通局"],
        ["2", "实施农村人饮工程", "完成人饮工程20处，解决1.79万农村人口饮水安全问题", "县水利局"],
    ]
    text = _as(change, FURNITURE + "\n".join(gap.join(r) for r in rows) + "\n")
    document = _parse(text)
    assert _rows(document) == [(_as(change, r[1]), _as(change, r[2]), [_as(change, r[3])]) for r in rows]
    assert [r.seq for t in document.tables for r in t.rows] == [1, 2]
    # (tab rows are a grid the lines proposer reads: its headerless reading, no warning, as before)
    assert ("low_confidence_layout" in [w.code for w in document.warnings]) == (gap != "\t")


@pytest.mark.parametrize("gap", ["  ", "\t"])
@pytest.mark.parametrize("blank", ["\n", "\n\n"])
def test_rows_one_a_paragraph_without_sequence_are_a_table(gap: str, blank: str) -> None:
    rows = [
        ["固定资产投资增长4%以上。", "一季度固定资产投资累计完成27.56亿元，同比增长16.9%。", "县发改委"],
        ["规模工业增加值增长4.5%。", "规模工业增加值增长11.9%，居全市第2。", "县工信局"],
        ["社会消费品零售总额增长6%左右。", "一季度社会消费品零售总额实现57.48亿元，同比增长7%。", "县商务局"],
    ]
    text = "民生实事项目进展情况" + blank + blank.join(gap.join(r) for r in rows) + "\n"
    assert _rows(_parse(text)) == [(r[0], r[1], [r[2]]) for r in rows]


# One cell a line, no 序号, no header: a name, its report, a dash for its units (no unit given).
PERIODIC = """雨花苑老旧小区整治工程项目
已完成施工进度的50%，预计9月底可以完工
—
康盛花园片区整治工程项目
初步设计已获批复，概算文本已上报，待批复后开展后续工作
—
"""


@pytest.mark.parametrize("above", [NEWS, FURNITURE + "重点工作任务推进情况\n"])
@pytest.mark.parametrize("change", [None, TRADITIONAL, HALF_WIDTH])
def test_rows_one_cell_a_line_without_sequence_are_found_by_their_kinds(above: str, change) -> None:
    document = _parse(_as(change, above + PERIODIC))
    assert _rows(document) == [
        (_as(change, "雨花苑老旧小区整治工程项目"), _as(change, "已完成施工进度的50%，预计9月底可以完工"), []),
        (
            _as(change, "康盛花园片区整治工程项目"),
            _as(change, "初步设计已获批复，概算文本已上报，待批复后开展后续工作"),
            [],
        ),
    ]
    assert "low_confidence_layout" in [w.code for w in document.warnings]


def test_indicator_value_and_unit_one_a_line_under_a_title() -> None:
    text = (
        "重点指标完成情况\n城镇新增就业(人)\n32095\n市人力资源社会保障局\n"
        "城镇失业人员再就业(人)\n4934\n市人力资源社会保障局\n"
    )
    assert _rows(_parse(text)) == [
        ("城镇新增就业(人)", "32095", ["市人力资源社会保障局"]),
        ("城镇失业人员再就业(人)", "4934", ["市人力资源社会保障局"]),
    ]


def test_status_words_one_a_line_are_the_progress() -> None:
    text = "关于重点工作进展情况的通报\n固定资产投资\n未达到序时进度\n—\n财政收入\n已完成序时进度\n—\n"
    assert _rows(_parse(text)) == [("固定资产投资", "未达到序时进度", []), ("财政收入", "已完成序时进度", [])]


def test_news_prose_alone_has_no_periodic_rows() -> None:
    assert periodic_cells(_lines(NEWS * 3)) is None


@pytest.mark.parametrize(
    "header",
    ["序号目标任务推进情况责任部门", "序 号目标任务进展情况牵头单位", "編號工作任務完成情況"],
)
def test_rows_with_cells_run_together_under_a_header_run_together(header: str) -> None:
    text = header + "\n1城镇新增就业7.23人力资源社会保障局\n2自然村通水泥(沥青)路1361.92交通局\n"
    assert _rows(_parse(text)) == [
        ("城镇新增就业", "7.23", ["人力资源社会保障局"]),
        ("自然村通水泥(沥青)路", "1361.92", ["交通局"]),
    ]


@pytest.mark.parametrize("change", [None, TRADITIONAL])
def test_glued_rows_cut_at_the_report_after_the_task(change) -> None:
    text = _as(
        change,
        "2023年重点任务落实情况表\n1建设四好农村路55公里。95%县交通局\n2提质改造老年学校。已完成。\n",
    )
    assert _rows(_parse(text)) == [
        (_as(change, "建设四好农村路55公里。"), "95%", [_as(change, "县交通局")]),
        (_as(change, "提质改造老年学校。"), _as(change, "已完成。"), []),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a count or a date glued to its words is no 序号
        "重点工作进展情况\n1月份完成投资3亿元\n2月份完成投资5亿元\n",
        "重点工作进展情况\n3家企业完成技改\n4家企业完成上市辅导\n",
        # no header and no title saying results follow
        "会议纪要\n1研究道路改造事项\n2研究学校建设事项\n",
    ],
)
def test_glued_numbers_that_are_no_rows(text: str) -> None:
    assert glued_rows(_lines(text)) is None


def test_header_one_cell_a_line_over_values_reads() -> None:
    text = "2022年重点任务落实情况表\n重点任务\n进展情况\n责任单位\n年度财政资金总额\n10\n—\n新建猪舍面积\n22.8\n—\n"
    choice = choose_layout(_lines(text))
    assert choice.layout == "last-resort"
    assert _rows(_parse(text)) == [("年度财政资金总额", "10", []), ("新建猪舍面积", "22.8", [])]


@pytest.mark.parametrize("gap", ["  ", "    "])
def test_header_over_two_lines_over_rows_parted_by_gaps_is_no_fixed_width_table(gap: str) -> None:
    # the header's words broken over two lines stand at positions, the rows' cells where their
    # lengths leave them: the fixed-width reading put a task and its report in one column
    header = [["序", "工作", "落实", "责任"], ["号", "任务", "情况", "单位"]]
    rows = [
        ["1", "完善农村交通基础设施", "年内完成43公里通村道路硬化，解决9个行政村通油路问题", "—"],
        ["2", "实施农村人饮工程", "完成人饮工程20处，解决1.79万农村人口饮水安全问题", "—"],
        ["3", "实施安居工程", "建设廉租住房100套，发放219户廉租住房补助", "—"],
    ]
    text = "2023年重点任务落实情况表\n" + "\n".join(gap.join(r) for r in header + rows) + "\n"
    # (no units: a dash in each row; units beside them are the aligned reading's, columns31's)
    assert _rows(_parse(text)) == [(r[1], r[2], []) for r in rows]


def test_a_number_inside_a_glued_row_is_no_cut_before_units() -> None:
    text = (
        "序号目标任务推进情况责任单位\n1完善农村交通基础设施年内完成硬化，解决9个行政村通油路问题县交通局\n"
        "2实施农村人饮工程完成人饮工程20处。县水利局\n"
    )
    rows = _rows(_parse(text))
    # (the units glued to the report's last word cannot be cut off: none given, not a wrong cut)
    assert rows[0][2] in ([], ["县交通局"]) and "解决9个行政村" in (rows[0][0] or "") + (rows[0][1] or "")
    assert rows[1][2] == ["县水利局"]


@pytest.mark.parametrize("change", [None, TRADITIONAL])
def test_glued_rows_cut_by_their_own_content_need_no_title(change) -> None:
    text = _as(change, NEWS + "1城镇新增就业7.23人力资源社会保障局\n2自然村通水泥路1361.92交通局\n")
    assert _rows(_parse(text)) == [
        (_as(change, "城镇新增就业"), "7.23", [_as(change, "人力资源社会保障局")]),
        (_as(change, "自然村通水泥路"), "1361.92", [_as(change, "交通局")]),
    ]


def test_glued_rows_under_a_plan_title_are_no_table() -> None:
    text = "关于印发2024年工作要点的通知\n1城镇新增就业7.23人力资源社会保障局\n2自然村通水泥路1361.92交通局\n"
    assert glued_rows(_lines(text)) is None

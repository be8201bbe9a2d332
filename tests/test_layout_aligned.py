"""The aligned reading (``extractor/layout/aligned.py``): tables whose text does not mark every cell.

Each shape is a small document written for the test, in two or more variants (simplified and
traditional script, full-width and ASCII punctuation, other units and numbers): cells separated by
single spaces, a year column before an unnamed 序号, one cell per line with a category column, cells
closed by " |", a row cut off by the end of the document, a table written without separators, and
letter-spaced header words. The last tests weigh the evidence: where the text marks its grid the
``lines`` reading keeps precedence. Tests marked ``xfail`` pin behaviour that is wrong today.
"""

from __future__ import annotations

import pytest

import extractor
from extractor.layout import Line, choose_layout
from extractor.models import Document, Table

Row = tuple[int | None, str | None, str | None, list[str], str | None]


def _parse(text: str) -> Document:
    return extractor.parse(text.encode("utf-8"))


def _table(text: str) -> Table:
    (table,) = _parse(text).tables
    assert table.layout is not None and table.layout.startswith("aligned-"), table.layout
    return table


def _rows(table: Table) -> list[Row]:
    return [(r.seq, r.task, r.progress, r.lead_units, r.section) for r in table.rows]


def _one_cell_per_line(*cells: str) -> str:
    """A table copied one cell per line, a blank line after each cell (a cell wrapped over lines
    keeps its line breaks)."""
    return "\n\n".join(cells) + "\n"


# ----------------------------------------------------------------- 1. cells separated by spaces

SPACES_SIMPLIFIED = """序号 目标任务 责任单位 上半年推进情况
一、经济社会发展主要预期目标
1 地区生产总值增长6%以上。 区发展改革委 地区生产总值同比增长2.9%。
2 第一产业增加值增长5%。 区农业农村委
区林业局
区供销联社
第一产业增加值同比增长3.4%。
（一）以创新为抓手
3 研发投入增长8%。 区科技局 研发投入同比增长9.1%。
"""

SPACES_TRADITIONAL_ASCII = """序號 目標任務 責任單位 上半年推進情況
一、經濟社會發展主要預期目標
1 地區生產總值增長6%以上. 區發展改革委 地區生產總值同比增長2.9%.
2 第一產業增加值增長5%. 區農業農村委
區林業局
區供銷聯社
第一產業增加值同比增長3.4%.
（一）以創新為抓手
3 研發投入增長8%. 區科技局 研發投入同比增長9.1%.
"""

SPACES_OTHER_UNITS = """序号 主要任务 牵头单位 进展情况
一、稳增长
1 社会消费品零售总额增长7%，力争更快。 市商务局 前三季度增长6.5%，总体平稳。
2 固定资产投资增长10%。 市发展和改革委员会
市住房城乡建设局
市交通运输局
投资同比增长11.2%。
二、促改革
3 新增市场主体2万户。 市市场监管局 新增市场主体1.8万户。
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            SPACES_SIMPLIFIED,
            [
                (
                    1,
                    "地区生产总值增长6%以上。",
                    "地区生产总值同比增长2.9%。",
                    ["区发展改革委"],
                    "一、经济社会发展主要预期目标",
                ),
                (
                    2,
                    "第一产业增加值增长5%。",
                    "第一产业增加值同比增长3.4%。",
                    ["区农业农村委", "区林业局", "区供销联社"],
                    "一、经济社会发展主要预期目标",
                ),
                (3, "研发投入增长8%。", "研发投入同比增长9.1%。", ["区科技局"], "（一）以创新为抓手"),
            ],
            id="simplified-fullwidth",
        ),
        pytest.param(
            SPACES_TRADITIONAL_ASCII,
            [
                (
                    1,
                    "地區生產總值增長6%以上.",
                    "地區生產總值同比增長2.9%.",
                    ["區發展改革委"],
                    "一、經濟社會發展主要預期目標",
                ),
                (
                    2,
                    "第一產業增加值增長5%.",
                    "第一產業增加值同比增長3.4%.",
                    ["區農業農村委", "區林業局", "區供銷聯社"],
                    "一、經濟社會發展主要預期目標",
                ),
                (3, "研發投入增長8%.", "研發投入同比增長9.1%.", ["區科技局"], "（一）以創新為抓手"),
            ],
            id="traditional-ascii",
        ),
        pytest.param(
            SPACES_OTHER_UNITS,
            [
                (1, "社会消费品零售总额增长7%，力争更快。", "前三季度增长6.5%，总体平稳。", ["市商务局"], "一、稳增长"),
                (
                    2,
                    "固定资产投资增长10%。",
                    "投资同比增长11.2%。",
                    ["市发展和改革委员会", "市住房城乡建设局", "市交通运输局"],
                    "一、稳增长",
                ),
                (3, "新增市场主体2万户。", "新增市场主体1.8万户。", ["市市场监管局"], "二、促改革"),
            ],
            id="other-units",
        ),
    ],
)
def test_space_separated_rows_with_units_one_a_line_and_sections(text: str, expected: list[Row]) -> None:
    table = _table(text)
    assert table.layout == "aligned-spaces"
    assert [c.field for c in table.columns] == ["seq", "task", "lead_units", "progress"]
    assert _rows(table) == expected
    assert [r.seq_text for r in table.rows] == ["1", "2", "3"]
    # the units written one a line stay one a line in the cell
    assert table.rows[1].cells["lead_units"] == "\n".join(expected[1][3])


# ----------------------------------------------------------------- 2. a year column, an unnamed 序号

YEARS_TRADITIONAL = """年份 承諾 目前情況
已完成的項目
1996 1. 在 1996 年向幼稚園發出課程指引。 我們已在 1996 年 9 月發出課程指引。
1996 2. 在 1996 年增設 20 間幼稚園。 已於 1996 年 8 月增設 22 間幼稚園。
竭力趕上預期進度的項目
1996 3. 檢討幼稚園教師的培訓。 檢討工作已於 1997 年 3 月展開。
"""

YEARS_SIMPLIFIED = """年份 承诺 目前情况
已完成的项目
2019 1. 在 2019 年为 300 所学校配备校医。 已在 2019 年 9 月为 312 所学校配备校医。
2019 2. 在 2019 年开设 15 个社区托育点。 2019 年底已开设 16 个社区托育点。
竭力赶上预期进度的项目
2019 3. 检讨中小学课程。 检讨工作已于 2019 年 3 月展开,预计年底完成。
"""


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        pytest.param(
            YEARS_TRADITIONAL,
            "1996",
            [
                (1, "在 1996 年向幼稚園發出課程指引。", "我們已在 1996 年 9 月發出課程指引。", [], "已完成的項目"),
                (2, "在 1996 年增設 20 間幼稚園。", "已於 1996 年 8 月增設 22 間幼稚園。", [], "已完成的項目"),
                (3, "檢討幼稚園教師的培訓。", "檢討工作已於 1997 年 3 月展開。", [], "竭力趕上預期進度的項目"),
            ],
            id="traditional",
        ),
        pytest.param(
            YEARS_SIMPLIFIED,
            "2019",
            [
                (
                    1,
                    "在 2019 年为 300 所学校配备校医。",
                    "已在 2019 年 9 月为 312 所学校配备校医。",
                    [],
                    "已完成的项目",
                ),
                (2, "在 2019 年开设 15 个社区托育点。", "2019 年底已开设 16 个社区托育点。", [], "已完成的项目"),
                (3, "检讨中小学课程。", "检讨工作已于 2019 年 3 月展开,预计年底完成。", [], "竭力赶上预期进度的项目"),
            ],
            id="simplified-ascii-comma",
        ),
    ],
)
def test_year_column_and_unnamed_seq_cells_split_after_the_sentence(text: str, year: str, expected: list[Row]) -> None:
    table = _table(text)
    assert table.layout == "aligned-spaces"
    # the 序号 the header does not name gets a column of its own after the year
    assert [c.field for c in table.columns] == [None, "seq", "task", "progress"]
    assert _rows(table) == expected
    assert [r.seq_text for r in table.rows] == ["1.", "2.", "3."]
    year_header = table.columns[0].header
    assert year_header == "年份"
    assert [r.cells[year_header] for r in table.rows] == [year] * 3


# ----------------------------------------------------------------- 3. one cell per line, a category column

CELLS_SIMPLIFIED = _one_cell_per_line(
    "类别",
    "指标名称",
    "年度目标",
    "完成情况",
    "责任部门",
    "高质量发展",
    "1、地区生产总值增长率",
    "6%左右",
    "5.8%",
    "区发展改革委\n区统计局",
    "2、研发经费投入强度",
    "提升4个\n百分点",
    "提升3.1个百分点",
    "区科技局",
    "高品质生活",
    "3、城镇新增就业人数",
    "1.2万人",
    "1.25万人",
    "区人力社保局",
)

CELLS_TRADITIONAL = _one_cell_per_line(
    "類別",
    "指標名稱",
    "年度目標",
    "完成情況",
    "責任部門",
    "高質量發展",
    "1.地區生產總值增長率",
    "6%左右",
    "5.6%",
    "區發展改革委",  # every line of a cell separated by a blank line too, as in corpus/dev/sh-putuo-01
    "區統計局",
    "2.研發經費投入強度",
    "提升2個",
    "百分點",
    "提升2.4個百分點",
    "區科技局",
    "高品質生活",
    "3.城鎮新增就業人數",
    "1.5萬人",
    "1.61萬人",
    "區人力社保局",
)


@pytest.mark.parametrize(
    ("text", "target_header", "expected", "seq_texts", "wrapped"),
    [
        pytest.param(
            CELLS_SIMPLIFIED,
            "年度目标",
            [
                (1, "地区生产总值增长率", "5.8%", ["区发展改革委", "区统计局"], "高质量发展"),
                # row 2's section is what it should be; today it is None (the xfail test below)
                (2, "研发经费投入强度", "提升3.1个百分点", ["区科技局"], "高质量发展"),
                (3, "城镇新增就业人数", "1.25万人", ["区人力社保局"], "高品质生活"),
            ],
            ["1、", "2、", "3、"],
            "提升4个\n百分点",
            id="simplified",
        ),
        pytest.param(
            CELLS_TRADITIONAL,
            "年度目標",
            [
                (1, "地區生產總值增長率", "5.6%", ["區發展改革委", "區統計局"], "高質量發展"),
                (2, "研發經費投入強度", "提升2.4個百分點", ["區科技局"], "高質量發展"),
                (3, "城鎮新增就業人數", "1.61萬人", ["區人力社保局"], "高品質生活"),
            ],
            ["1.", "2.", "3."],
            "提升2個\n百分點",
            id="traditional-ascii",
        ),
    ],
)
def test_one_cell_per_line_with_a_category_column(
    text: str, target_header: str, expected: list[Row], seq_texts: list[str], wrapped: str
) -> None:
    table = _table(text)
    assert table.layout == "aligned-lines"
    # the number written inside the name cell becomes a 序号 column before it
    assert [c.field for c in table.columns] == ["category", "seq", "task", None, "progress", "lead_units"]
    assert table.columns[3].header == target_header
    rows = _rows(table)
    assert [row[:4] for row in rows] == [row[:4] for row in expected]
    # the category above row 1 is its section, the one above row 3 too (row 2: the xfail test below)
    assert [rows[0][4], rows[2][4]] == [expected[0][4], expected[2][4]]
    assert [r.seq_text for r in table.rows] == seq_texts
    # the category above the first row is that row's category cell, the one above row 3 its section
    assert table.rows[0].cells["category"] == expected[0][4]
    assert table.rows[2].cells["category"] == ""
    # a cell wrapped over two lines is one cell; so are the two units one a line
    assert [r.cells[target_header] for r in table.rows][1] == wrapped
    assert table.rows[0].cells["lead_units"] == "\n".join(expected[0][3])


@pytest.mark.parametrize("text", [CELLS_SIMPLIFIED, CELLS_TRADITIONAL], ids=["simplified", "traditional"])
def test_category_of_the_first_group_is_the_section_of_all_its_rows(text: str) -> None:
    table = _table(text)
    first_category = table.rows[0].section
    assert first_category is not None
    assert table.rows[1].section == first_category


@pytest.mark.xfail(
    strict=True,
    reason="a name cell wrapped over two lines ('…占区级税收' / '比重', a blank line between as between "
    "cells) loses its second line to the target column (corpus/dev/sh-putuo-01 row 3, whose gold keeps it)",
)
def test_name_cell_wrapped_over_two_lines_stays_in_the_name_column() -> None:
    text = _one_cell_per_line(
        "类别",
        "指标名称",
        "年度目标",
        "完成情况",
        "责任部门",
        "高质量发展",
        "1、地区生产总值增长率",
        "6%左右",
        "5.8%",
        "区发展改革委",
        "2、重点产业占区级税收",
        "比重",
        "提升4个\n百分点",
        "提升3.1个百分点",
        "区科技局",
    )
    table = _table(text)
    assert (table.rows[1].task or "").replace("\n", "") == "重点产业占区级税收比重"
    assert table.rows[1].cells["年度目标"] == "提升4个\n百分点"


# ----------------------------------------------------------------- 4. cells closed by " |"

PIPES_SIMPLIFIED = """序号 |
主要任务 |
牵头单位 |
落实情况 |
145 |
推进老旧小区综合改造。 |
区住房城乡建设委 区发展改革委、区财政局 |
已完成改造小区12个。 |
249 |
实施背街小巷环境整治提升。 |
|
已整治背街小巷30条。 |
250 |
开展垃圾分类示范创建。 |
区城市管理委 |
创建示范小区15个。 |
"""

PIPES_TRADITIONAL = """序號 |
主要任務 |
牽頭單位 |
落實情況 |
12 |
推進老舊小區綜合改造,年內完成20個. |
市住房城鄉建設局 市發展改革委、市財政局 |
已完成改造小區12個. |
37 |
實施背街小巷環境整治提升. |
|
已整治背街小巷30條. |
38 |
開展垃圾分類示範創建. |
市城市管理局、市生態環境局 |
創建示範小區15個. |
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            PIPES_SIMPLIFIED,
            [
                (
                    145,
                    "推进老旧小区综合改造。",
                    "已完成改造小区12个。",
                    ["区住房城乡建设委", "区发展改革委", "区财政局"],
                    None,
                ),
                # an empty unit cell in a copied table is the merged cell above
                (
                    249,
                    "实施背街小巷环境整治提升。",
                    "已整治背街小巷30条。",
                    ["区住房城乡建设委", "区发展改革委", "区财政局"],
                    None,
                ),
                (250, "开展垃圾分类示范创建。", "创建示范小区15个。", ["区城市管理委"], None),
            ],
            id="simplified",
        ),
        pytest.param(
            PIPES_TRADITIONAL,
            [
                (
                    12,
                    "推進老舊小區綜合改造,年內完成20個.",
                    "已完成改造小區12個.",
                    ["市住房城鄉建設局", "市發展改革委", "市財政局"],
                    None,
                ),
                (
                    37,
                    "實施背街小巷環境整治提升.",
                    "已整治背街小巷30條.",
                    ["市住房城鄉建設局", "市發展改革委", "市財政局"],
                    None,
                ),
                (38, "開展垃圾分類示範創建.", "創建示範小區15個.", ["市城市管理局", "市生態環境局"], None),
            ],
            id="traditional-ascii",
        ),
    ],
)
def test_cells_closed_by_pipes_one_a_line_with_gaps_in_the_seq(text: str, expected: list[Row]) -> None:
    table = _table(text)
    assert table.layout == "aligned-delimited"
    assert [c.field for c in table.columns] == ["seq", "task", "lead_units", "progress"]
    assert _rows(table) == expected
    assert [r.seq_text for r in table.rows] == [str(row[0]) for row in expected]


# ----------------------------------------------------------------- 5. a row cut off by the end of the document

CUT_SPACES = """序号 目标任务 责任单位 上半年推进情况
1 地区生产总值增长6%以上。 区发展改革委 地区生产总值同比增长2.9%。
2 第一产业增加值增长5%。 区农业农村委 第一产业增加值同比增长3.4%。
3 研发投入增长8%。
"""

CUT_PIPES = """序號 |
目標任務 |
責任單位 |
推進情況 |
1 |
地區生產總值增長6%以上. |
區發展改革委 |
地區生產總值同比增長2.9%. |
2 |
第一產業增加值增長5%. |
|
第一產業增加值同比增長3.4%. |
3 |
研發投入增長8%. |
"""


@pytest.mark.parametrize(
    ("text", "layout", "full", "cut"),
    [
        pytest.param(
            CUT_SPACES,
            "aligned-spaces",
            (2, "第一产业增加值增长5%。", "第一产业增加值同比增长3.4%。", ["区农业农村委"], None),
            (3, "研发投入增长8%。", "", [], None),
            id="spaces-simplified",
        ),
        pytest.param(
            CUT_PIPES,
            "aligned-delimited",
            # a full row with its unit cell written empty: the merged cell above
            (2, "第一產業增加值增長5%.", "第一產業增加值同比增長3.4%.", ["區發展改革委"], None),
            (3, "研發投入增長8%.", "", [], None),
            id="pipes-traditional-ascii",
        ),
    ],
)
def test_row_cut_off_at_the_end_inherits_no_cells(text: str, layout: str, full: Row, cut: Row) -> None:
    document = _parse(text)
    (table,) = document.tables
    assert table.layout == layout
    assert _rows(table)[1:] == [full, cut]
    assert table.rows[2].cells["lead_units"] == ""
    assert "truncated" in {w.code for w in document.warnings}


def test_row_cut_off_after_its_unit_cell_keeps_the_unit() -> None:
    text = """序号 目标任务 责任单位 推进情况
1 地区生产总值增长6%以上。 区发展改革委 地区生产总值同比增长2.9%。
2 第一产业增加值增长5%。 区农业农村委 第一产业增加值同比增长3.4%。
3 研发投入增长8%。 区科技局
"""
    document = _parse(text)
    (table,) = document.tables
    assert table.layout == "aligned-spaces"
    assert _rows(table)[2] == (3, "研发投入增长8%。", "", ["区科技局"], None)
    assert "truncated" in {w.code for w in document.warnings}


# ----------------------------------------------------------------- 6. no separators at all

GLUED_SIMPLIFIED = """类别序号重点督办内容牵头单位全年完成情况
经济社会发展主要预期目标1地区生产总值增长6%左右。区发展改革委西城区地区生产总值增长2.3%。
经济社会发展主要预期目标2一般公共预算收入增长3%。区财政局全区一般公共预算收入增长4.1%。
经济社会发展主要预期目标3城镇调查失业率控制在5%以内。区人力资源社会保障局城镇调查失业率为4.2%。
"""

GLUED_TRADITIONAL = """類別序號重點督辦內容牽頭單位全年完成情況
經濟社會發展主要預期目標1地區生產總值增長6%左右。區發展改革委西城區地區生產總值增長2.3%。
經濟社會發展主要預期目標2一般公共預算收入增長3%。區財政局全區一般公共預算收入增長4.1%。
"""

GLUED_OTHER = """类别序号重点督办内容牵头单位全年完成情况
改革开放重点任务1深化国有企业改革,完成3家企业重组。市国资委全年完成2家企业重组,1家正在推进。
改革开放重点任务2实际利用外资增长5%以上。市商务局实际利用外资同比增长6.8%。
民生保障重点任务3新增城镇就业1.5万人。市人力社保局新增城镇就业1.62万人。
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            GLUED_SIMPLIFIED,
            [
                (
                    1,
                    "地区生产总值增长6%左右。",
                    "西城区地区生产总值增长2.3%。",
                    ["区发展改革委"],
                    "经济社会发展主要预期目标",
                ),
                (
                    2,
                    "一般公共预算收入增长3%。",
                    "全区一般公共预算收入增长4.1%。",
                    ["区财政局"],
                    "经济社会发展主要预期目标",
                ),
                (
                    3,
                    "城镇调查失业率控制在5%以内。",
                    "城镇调查失业率为4.2%。",
                    ["区人力资源社会保障局"],
                    "经济社会发展主要预期目标",
                ),
            ],
            id="simplified",
        ),
        pytest.param(
            GLUED_TRADITIONAL,
            [
                (
                    1,
                    "地區生產總值增長6%左右。",
                    "西城區地區生產總值增長2.3%。",
                    ["區發展改革委"],
                    "經濟社會發展主要預期目標",
                ),
                (
                    2,
                    "一般公共預算收入增長3%。",
                    "全區一般公共預算收入增長4.1%。",
                    ["區財政局"],
                    "經濟社會發展主要預期目標",
                ),
            ],
            id="traditional",
        ),
        pytest.param(
            GLUED_OTHER,
            [
                (
                    1,
                    "深化国有企业改革,完成3家企业重组。",
                    "全年完成2家企业重组,1家正在推进。",
                    ["市国资委"],
                    "改革开放重点任务",
                ),
                (2, "实际利用外资增长5%以上。", "实际利用外资同比增长6.8%。", ["市商务局"], "改革开放重点任务"),
                (3, "新增城镇就业1.5万人。", "新增城镇就业1.62万人。", ["市人力社保局"], "民生保障重点任务"),
            ],
            id="other-categories-ascii-comma",
        ),
    ],
)
def test_table_written_without_separators(text: str, expected: list[Row]) -> None:
    table = _table(text)
    assert table.layout == "aligned-glued"
    assert [c.field for c in table.columns] == ["category", "seq", "task", "lead_units", "progress"]
    assert [c.header for c in table.columns][1:3] == [text[2:4], text[4:10]]  # 序号 / 重点督办内容
    assert _rows(table) == expected
    assert [r.cells["category"] for r in table.rows] == [row[4] for row in expected]


# ----------------------------------------------------------------- 7. letter-spaced header words

ROWS_AFTER_HEADER = """1 地区生产总值增长6%以上。 区发展改革委 地区生产总值同比增长2.9%。
2 研发投入增长8%。 区科技局 研发投入同比增长9.1%。
3 新增城镇就业1.2万人。 区人力社保局 新增城镇就业1.25万人。
"""

LETTER_SPACED_ROWS = [
    (1, "地区生产总值增长6%以上。", "地区生产总值同比增长2.9%。", ["区发展改革委"], None),
    (2, "研发投入增长8%。", "研发投入同比增长9.1%。", ["区科技局"], None),
    (3, "新增城镇就业1.2万人。", "新增城镇就业1.25万人。", ["区人力社保局"], None),
]


@pytest.mark.parametrize(
    ("header", "headers"),
    [
        pytest.param(
            "序 号    目  标  任  务    责任单位    完 成 情 况",
            ["序号", "目标任务", "责任单位", "完成情况"],
            id="spaced-words-wide-gaps",
        ),
        pytest.param(
            "序　號　　　　目　標　任　務　　　　責任單位　　　　推 進 情 況",
            ["序號", "目標任務", "責任單位", "推進情況"],
            id="traditional-ideographic-spaces",
        ),
        pytest.param(
            "序 号 目標任務 責任單位 推 進 情 況",
            ["序号", "目標任務", "責任單位", "推進情況"],
            id="spaced-next-to-plain-words",
        ),
    ],
)
def test_letter_spaced_header_words_read_as_one_word(header: str, headers: list[str]) -> None:
    table = _table(header + "\n" + ROWS_AFTER_HEADER)
    assert table.layout == "aligned-spaces"
    assert [c.header for c in table.columns] == headers
    assert [c.field for c in table.columns] == ["seq", "task", "lead_units", "progress"]
    assert _rows(table) == LETTER_SPACED_ROWS


@pytest.mark.parametrize(
    "header",
    [
        pytest.param("序 号   目 标 任 务   牵头单位   完 成 情 况", id="word-gap-wider-than-letter-gap"),
        pytest.param("序 号  目  标  任  务  责任单位  完成情况", id="word-gap-two-spaces"),
    ],
)
def test_adjacent_letter_spaced_header_words_stay_apart(header: str) -> None:
    table = _table(header + "\n" + ROWS_AFTER_HEADER)
    assert [c.field for c in table.columns] == ["seq", "task", "lead_units", "progress"]
    assert _rows(table) == LETTER_SPACED_ROWS


# ----------------------------------------------------------------- 8. the evidence


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "序号\t目标任务\t责任单位\t推进情况\n"
            "1\t地区生产总值增长6%以上。\t区发展改革委\t地区生产总值同比增长2.9%。\n"
            "2\t研发投入增长8%。\t区科技局\t研发投入同比增长9.1%。\n"
            "3\t新增城镇就业1.2万人。\t区人力社保局\t新增城镇就业1.25万人。\n",
            id="simplified",
        ),
        pytest.param(
            "序號\t主要任務\t牽頭單位\t落實情況\n"
            "1\t社會消費品零售總額增長7%,力爭更快.\t市商務局\t前三季度增長6.5%.\n"
            "2\t新增市場主體2萬戶.\t市市場監管局\t新增市場主體1.8萬戶.\n",
            id="traditional-ascii",
        ),
    ],
)
def test_tab_separated_table_keeps_the_lines_reading(text: str) -> None:
    choice = choose_layout([Line(t) for t in text.split("\n")])
    assert choice.layout == "lines"
    names = {c.name for c in choice.candidates}
    assert {"lines", "aligned"} <= names  # the aligned reading was weighed, and lost on precedence
    aligned = next(c for c in choice.candidates if c.name == "aligned")
    lines = next(c for c in choice.candidates if c.name == "lines")
    # both read the same rows equally well: the earlier proposer wins, and the tie leaves no confidence
    assert aligned.evidence.rows == lines.evidence.rows == text.count("\n") - 1
    assert aligned.score == pytest.approx(lines.score)
    assert choice.confidence == 0.0
    (table,) = _parse(text).tables
    assert table.layout == "tab-rows"
    assert table.confidence is not None and 0.0 <= table.confidence <= 1.0
    assert [r.seq for r in table.rows] == list(range(1, text.count("\n")))


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(SPACES_SIMPLIFIED, id="spaces-simplified"),
        pytest.param(SPACES_TRADITIONAL_ASCII, id="spaces-traditional-ascii"),
        pytest.param(SPACES_OTHER_UNITS, id="spaces-other-units"),
        pytest.param(GLUED_SIMPLIFIED, id="glued"),
    ],
)
def test_space_separated_document_is_won_by_the_aligned_reading(text: str) -> None:
    choice = choose_layout([Line(t) for t in text.split("\n")])
    assert choice.layout == "aligned"
    assert 0.0 <= choice.confidence <= 1.0
    winner = next(c for c in choice.candidates if c.name == "aligned")
    assert winner.evidence.rows == 3
    assert winner.evidence.continuity == 1.0
    assert winner.score == max(c.score for c in choice.candidates)
    assert all(c.evidence.rows == 0 or c.score < winner.score for c in choice.candidates if c is not winner)
    table = _table(text)
    assert table.confidence == choice.confidence
    assert 0.0 <= table.confidence <= 1.0


# ----------------------------------------------------------------- behaviour that is wrong today


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(YEARS_TRADITIONAL.replace("1996 3.", "1997 3."), id="traditional"),
        pytest.param(YEARS_SIMPLIFIED.replace("2019 3.", "2020 3."), id="simplified"),
    ],
)
def test_year_that_goes_up_is_not_read_as_the_seq(text: str) -> None:
    table = _table(text)
    assert [r.seq for r in table.rows] == [1, 2, 3]
    assert table.rows[0].task is not None and table.rows[0].task.startswith("在 ")


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        pytest.param(
            "序号 目标任务 责任单位 推进情况\n"
            "一、稳增长\n"
            "1 新建保障性住房500套。 区住房城乡建设委 项目于6月底开工。\n"
            "二、促改革\n"
            "2 新增市场主体2万户。 区市场监管局 新增市场主体1.8万户。\n"
            "3 研发投入增长8%。 区科技局 研发投入同比增长9.1%。\n",
            "二、促改革",
            id="date-like-progress",
        ),
        pytest.param(
            "序號 目標任務 責任單位 推進情況\n"
            "一、穩增長\n"
            "1 新建保障性住房800套。 市住房城鄉建設局 年底前完成。\n"
            "二、促改革\n"
            "2 新增市場主體3萬戶。 市市場監管局 新增市場主體2.6萬戶。\n"
            "3 研發投入增長9%。 市科技局 研發投入同比增長9.4%。\n",
            "二、促改革",
            id="status-progress-traditional",
        ),
        pytest.param(
            "年份 承诺 目前情况\n"
            "已完成的项目\n"
            "2019 1. 在 2019 年为 300 所学校配备校医. 已在 2019 年 9 月为 312 所学校配备校医.\n"
            "2019 2. 在 2019 年开设 15 个社区托育点. 年底已开设 16 个社区托育点.\n"
            "竭力赶上预期进度的项目\n"
            "2019 3. 检讨中小学课程. 检讨工作已于 2019 年 3 月展开,预计年底完成.\n",
            "竭力赶上预期进度的项目",
            id="ascii-full-stop",
            marks=pytest.mark.xfail(
                strict=True,
                reason="a heading line that is no enumerated heading ('竭力赶上预期进度的项目') after a short "
                "progress cell is joined onto it: the alignment scores the joined cell about as well",
            ),
        ),
    ],
)
def test_heading_after_a_short_progress_cell_is_a_section(text: str, heading: str) -> None:
    table = _table(text)
    assert [r.progress for r in table.rows if heading in (r.progress or "")] == []
    assert [r.section for r in table.rows][-1] == heading


# Fixed: where the document does not space its numbers inside phrases ("在 1996 年"), a space
# between a unit's name and "6月已开工建设。" is a cell boundary (aligned.SPACED_NUMBER).
@pytest.mark.parametrize(
    ("text", "unit", "progress"),
    [
        pytest.param(
            "序号 目标任务 责任单位 推进情况\n"
            "1 新增市场主体2万户。 区市场监管局 新增市场主体1.8万户。\n"
            "2 新建保障性住房500套。 区住房城乡建设委 6月已开工建设。\n"
            "3 研发投入增长8%。 区科技局 研发投入同比增长9.1%。\n",
            "区住房城乡建设委",
            "6月已开工建设。",
            id="simplified",
        ),
        pytest.param(
            "序號 目標任務 牽頭單位 推進情況\n"
            "1 新增市場主體3萬戶. 市市場監管局 新增市場主體2.6萬戶.\n"
            "2 新建保障性住房800套. 市住房城鄉建設局 9月已開工建設.\n"
            "3 研發投入增長9%. 市科技局 研發投入同比增長9.4%.\n",
            "市住房城鄉建設局",
            "9月已開工建設.",
            id="traditional-ascii",
        ),
    ],
)
def test_progress_opening_with_a_digit_leaves_the_unit_in_its_cell(text: str, unit: str, progress: str) -> None:
    table = _table(text)
    assert table.rows[1].lead_units == [unit]
    assert table.rows[1].progress == progress


@pytest.mark.parametrize(
    ("text", "task"),
    [
        pytest.param(
            "年份 承诺 目前情况\n"
            "2019 1. 在 2019 年为 300 所学校配备校医. 已在 2019 年 9 月为 312 所学校配备校医.\n"
            "2019 2. 在 2019 年开设 15 个社区托育点. 2019 年底已开设 16 个社区托育点.\n"
            "2019 3. 检讨中小学课程. 检讨工作已于 2019 年 3 月展开.\n",
            "在 2019 年开设 15 个社区托育点.",
            id="spaces",
        ),
        pytest.param(
            GLUED_SIMPLIFIED.replace("。", "."),
            "一般公共预算收入增长3%.",
            id="glued",
        ),
    ],
)
def test_ascii_full_stop_ends_a_cell(text: str, task: str) -> None:
    table = _table(text)
    assert table.rows[1].task == task
    assert table.rows[1].progress


@pytest.mark.parametrize("count", ["(6项指标)", "（共6項指標）"])
def test_a_heading_wrapped_before_its_count_heads_the_rows_after_it(count: str) -> None:
    text = (
        "2023年3月份暖民心行动各县区进展情况表\n"
        "县区 项目名称 年度目标任务 完成进度\n"
        "寿县 一、就业促进行动\n(2项指标)\n"
        "*1.力争9个城市社区达到充分就业社区标准 完成9个,完成率100%\n"
        "2.募集青年就业见习岗位325个 完成330个,完成率101.54%\n"
        "二、老年助餐服务行动(2项指标) *1.新增城市老年食堂不少于6个 完成1个,完成率16.7%\n"
        "*2.新增农村老年食堂不少于27个 完成0个,完成率0%\n"
        f"三、健康口腔行动\n{count}\n"
        "*1.新增牙椅12台 完成5台,完成率41.7%\n"
        "*2.新增窝沟封闭儿童7050人 完成1826人,完成率26%\n"
    )
    table = _table(text)
    assert [r.progress for r in table.rows][2:] == [
        "完成1个,完成率16.7%",
        "完成0个,完成率0%",
        "完成5台,完成率41.7%",
        "完成1826人,完成率26%",
    ]
    assert table.rows[4].section == "三、健康口腔行动" + count


def _sub_row_table(unit: str, lead: str, other: str, sep: str = " ") -> str:
    rows = [
        ["1", "城镇新增就业", unit, "5.2", "7.23", "139.1%", "市人社局"],
        ["2", "新增农村通自来水人口", unit, "4.52", "5.52", "122.0%", "市水利局"],
        ["3", "农村适龄妇女免费检查", "93215", "106345", "114.1%", lead],  # no unit of measure
        ["孕产妇免费产前筛查", unit, "3.31", "3.49", "105.3%", other],  # a sub-row: no 序号 of its own
        ["4", "新建城市书房", "个", "20", "24", "120.0%", "市文旅局"],
    ]
    header = sep.join(["序号", "考核指标", "单位", "工作目标", "已完成数", "占年任务之比", "备注"])
    return "\n".join(["民生实事落实情况", header, *(sep.join(r) for r in rows)]) + "\n"


@pytest.mark.parametrize(
    ("unit", "lead", "other", "sep"),
    [
        ("万人", "市妇联", "市卫健委", " "),
        ("万人次", "县妇联", "县卫生健康局", " "),
        ("萬人", "市婦聯", "市衛健委", " "),
        ("万人", "市妇联", "市卫健委", "  "),
    ],
)
def test_a_line_with_a_rows_worth_of_cells_after_a_short_row_is_a_sub_row(
    unit: str, lead: str, other: str, sep: str
) -> None:
    """A row missing one cell is not glued to the line after it when that line holds a row's worth
    of cells: the line is a sub-row under the 序号 above."""
    rows = extractor.parse(_sub_row_table(unit, lead, other, sep).encode()).tables[0].rows
    tasks = [r.task for r in rows]
    assert tasks == [
        "城镇新增就业",
        "新增农村通自来水人口",
        "农村适龄妇女免费检查",
        "孕产妇免费产前筛查",
        "新建城市书房",
    ]
    assert rows[2].progress == "106345" and rows[3].progress == "3.49"
    assert rows[2].cells["占年任务之比"] == "114.1%" and rows[3].cells["占年任务之比"] == "105.3%"


@pytest.mark.parametrize("value", ["民生实事", "重点工作", "工作任务"])
def test_a_metadata_form_above_the_table_is_not_its_header(value: str) -> None:
    """A page's metadata form ("组配分类 | 民生实事 | 主题分类 | …") whose values read as header words
    names fewer fields than the table's own header below it, which numbers rows and names progress."""
    text = (
        f"索引号 | 11330283734263790N/2025-164263 | 组配分类 | {value} | 主题分类 | 政务公开 |\n"
        "发布机构 | 区发改局 | 发文日期 | 2025-08-07 |\n"
        "民生实事项目进展表\n"
        "序号 | 项目名称 | 具体内容 | 截至6月底进展 | 责任单位 |\n"
        "1 | 新建城市书房 | 新建城市书房10家 | 已建成6家 | 区文广旅体局 |\n"
        "2 | 改造老旧小区 | 改造老旧小区12个 | 已开工9个 | 区住建局 |\n"
    )
    rows = extractor.parse(text.encode()).tables[0].rows
    assert [r.task for r in rows] == ["新建城市书房", "改造老旧小区"]
    assert [r.progress for r in rows] == ["已建成6家", "已开工9个"]
    assert [r.lead_units for r in rows] == [["区文广旅体局"], ["区住建局"]]


@pytest.mark.parametrize("span", ["2024-2025", "2022—2026年", "2024 - 2025", "2023年至2025年"])
def test_a_span_of_years_is_a_date(span: str) -> None:
    from extractor.layout.classes import classify

    assert classify(span) == "date"
    # a recent year alone is a date too (a merged cell missing before it leaves it under 起止年限 only
    # if it reads so); an older four-digit number is as often a count
    assert classify("2025") == "date" and classify("1500") == "number" and classify("1996") == "number"


def _closed_rows_text(lead_a: str, lead_b: str, spaced: bool) -> str:
    def head(word: str) -> str:
        return " ".join(word) if spaced else word

    return "\n".join(
        [
            head("牵头单位"),
            "| " + head("目标任务"),
            "| " + head("责任单位"),
            "|",
            *lead_a.split("/"),
            "| 强化行政监督，优质高效办理人大代表建议",
            "| 市直各单位",
            "|",
            "推进国家安全工作发展",  # the lead unit merged from the row above: simply missing
            "| 市直各单位、各区县市",
            "|",
            *lead_b.split("/"),
            "| 推进河西商业配套建设",
            "| 商务局、高新区",
            "|",
        ]
    )


@pytest.mark.parametrize(
    ("lead_a", "lead_b", "spaced"),
    [
        ("市政/府办/公厅", "长沙/先导/区管委会", True),
        ("市政府办公厅", "先导区管委会", False),
        ("市政府办/公厅", "市商务局", True),
    ],
)
def test_rows_closed_by_a_pipe_alone_with_a_merged_cell_missing(lead_a: str, lead_b: str, spaced: bool) -> None:
    """Cells one a line led by "|", each row closed by a "|" alone; a unit merged over two rows is
    written once: the row without it starts at its task, not in the unit's column."""
    rows = extractor.parse(_closed_rows_text(lead_a, lead_b, spaced).encode()).tables[0].rows
    assert [r.task for r in rows] == [
        "强化行政监督，优质高效办理人大代表建议",
        "推进国家安全工作发展",
        "推进河西商业配套建设",
    ]
    assert [r.cells.get("责任单位") for r in rows] == ["市直各单位", "市直各单位、各区县市", "商务局、高新区"]
    assert "".join(rows[0].lead_units) == lead_a.replace("/", "")

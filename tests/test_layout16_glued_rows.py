"""Tables copied without cell separators whose rows carry more than one sentence-less run.

A web page's table pasted as text can lose every separator: a row is its section item number
("1.1"), the task, the lead unit and the partner units written one against the next, then the
progress after a run of spaces (or on the next line). The aligned reading cuts such a row where a
cell may end (a unit's name opened by an administrative level, two units' names with nothing
between them, a run of spaces, an item number) and aligns the parts to the header's columns.
Each shape is written in simplified and traditional script, with full-width and ASCII punctuation.
"""

# ruff: noqa: E501  (a row written without separators is one long line)
from __future__ import annotations

import pytest

import extractor
from extractor.errors import NoTableError
from extractor.layout.aligned import _glued_parts
from extractor.models import Table

SIMPLIFIED = """2024年民生实事落实情况
序号工作任务牵头单位责任单位推进落实情况
1.1新建12所公办幼儿园，新增公办学位3600个市教育局市住房城乡建设局、市财政局，各县（市、区）    已开工9所，新增学位1200个。
1.2改造30所义务教育薄弱学校市教育局市发展改革局、市财政局    已完成改造18所。
1.3提高学前教育生均公用经费标准至每生每年500元市财政局市教育局    已按新标准拨付经费。
"""

TRADITIONAL_ASCII = """2024年民生實事落實情況
序號工作任務牽頭單位責任單位推進落實情況
2.1新建12所公辦幼兒園,新增公辦學位3600個市教育局市住房城鄉建設局、市財政局,各縣(市、區)    已開工9所,新增學位1200個。
2.2改造30所義務教育薄弱學校市教育局市發展改革局、市財政局    已完成改造18所。
2.3提高學前教育生均公用經費標準至每生每年500元市財政局市教育局    已按新標準撥付經費。
"""

WRAPPED_UNITS = """民生实事推进情况表
序号工作任务牵头单位责任单位推进落实情况
3.1新建社区养老服务中心8个，新增养老床位400张区民政局区财政局，
各街道
    已建成5个，其余3个主体完工。
3.2新增城镇就业岗位5000个，开展职业技能培训2000人次区人社局区发展改革局
    新增就业岗位4120个。
"""


def _table(text: str) -> Table:
    (table,) = extractor.parse(text.encode("utf-8")).tables
    return table


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            SIMPLIFIED,
            [
                ("1.1", "新建12所公办幼儿园，新增公办学位3600个", ["市教育局"], "已开工9所，新增学位1200个。"),
                ("1.2", "改造30所义务教育薄弱学校", ["市教育局"], "已完成改造18所。"),
                ("1.3", "提高学前教育生均公用经费标准至每生每年500元", ["市财政局"], "已按新标准拨付经费。"),
            ],
            id="simplified-full-width",
        ),
        pytest.param(
            TRADITIONAL_ASCII,
            [
                ("2.1", "新建12所公辦幼兒園,新增公辦學位3600個", ["市教育局"], "已開工9所,新增學位1200個。"),
                ("2.2", "改造30所義務教育薄弱學校", ["市教育局"], "已完成改造18所。"),
                ("2.3", "提高學前教育生均公用經費標準至每生每年500元", ["市財政局"], "已按新標準撥付經費。"),
            ],
            id="traditional-ascii",
        ),
        pytest.param(
            WRAPPED_UNITS,
            [
                ("3.1", "新建社区养老服务中心8个，新增养老床位400张", ["区民政局"], "已建成5个，其余3个主体完工。"),
                ("3.2", "新增城镇就业岗位5000个，开展职业技能培训2000人次", ["区人社局"], "新增就业岗位4120个。"),
            ],
            id="units-wrapped-progress-on-its-line",
        ),
    ],
)
def test_glued_rows_with_item_numbers_and_unit_names(text: str, expected: list[tuple]) -> None:
    table = _table(text)
    assert table.layout == "aligned-glued"
    assert [(r.seq_text, r.task, r.lead_units, r.progress) for r in table.rows] == expected
    assert [r.seq for r in table.rows] == list(range(1, len(expected) + 1))  # numbered by position


def test_header_words_padded_as_centred_cells() -> None:
    """ "序 号工作任务牵 头 单 位…": the spaces a centred cell pads its word with are no separators."""
    padded = SIMPLIFIED.replace("序号", "序 号").replace("牵头单位", "牵 头 单 位").replace("责任单位", "责 任 单 位")
    table = _table(padded)
    assert table.layout == "aligned-glued"
    assert [r.lead_units for r in table.rows] == [["市教育局"], ["市教育局"], ["市财政局"]]
    assert [r.progress for r in table.rows] == [
        "已开工9所，新增学位1200个。",
        "已完成改造18所。",
        "已按新标准拨付经费。",
    ]


def test_partner_units_stay_in_their_own_column() -> None:
    table = _table(SIMPLIFIED)
    partners = [c for c in table.columns if c.header == "责任单位"]
    assert len(partners) == 1
    assert table.rows[0].cells["责任单位"] == "市住房城乡建设局、市财政局，各县（市、区）"
    assert table.rows[2].cells["责任单位"] == "市教育局"


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        # two units' names one against the other: a seam as strong as a wide space
        ("3600个市教育局市财政局", [("3600个", 0.5), ("市教育局", 0.5), ("市财政局", 1.5)]),
        ("3600個市教育局市財政局", [("3600個", 0.5), ("市教育局", 0.5), ("市財政局", 1.5)]),
        # a list opening inside a cell, glued to the word before
        ("区残联，相关镇街1.完成申报", [("区残联", 0.5), ("，", 0.5), ("相关镇街", 0.5), ("1.完成申报", 0.5)]),
    ],
)
def test_glued_cuts(text: str, parts: list[tuple[str, float]]) -> None:
    got = [(part, strength) for part, strength, _ in _glued_parts(text)]
    # (the first part's strength is the line's, set by the caller)
    assert got[1:] == parts[1:]
    assert [p for p, _ in got] == [p for p, _ in parts]


def test_item_number_is_cut_only_at_the_line_start() -> None:
    parts = _glued_parts("1.2改造30所学校市教育局    已完成改造1.5万平方米。")
    assert parts[0] == ("1.2", 1.5, True)
    assert not any(outline for _, _, outline in parts[1:])
    assert ("已完成改造1.5万平方米。", 1.5, False) in parts


def test_prose_with_an_item_number_is_no_table() -> None:
    """A paragraph that opens with a section number and names a unit stays prose: no header."""
    with pytest.raises(NoTableError):
        extractor.parse("1.1市教育局新建12所公办幼儿园，新增公办学位3600个市财政局市教育局。\n".encode())

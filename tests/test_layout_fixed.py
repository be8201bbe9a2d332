"""Fixed-width tables (extractor/layout/fixed.py): columns kept apart by position, as in PDF text."""

from __future__ import annotations

import pytest

import extractor
from extractor.layout.base import Line
from extractor.layout.fixed import fixed_width_tables
from extractor.readers.raw import RawTable

GAZETTE = """                                   上半年重点项目投资完成情况   单位:亿元、%

                               项  目  类  别                     年度计划           上半年完成            完成进度
                          农业基础设施(9 项)                            9                5              51
                          综合交通(19 项)                            176              55              31

                 重点基      市政设施(9 项)                              41              10              24
                 础设施      生态环保(19 项)                             29              14              50
                  项目
                          社会事业及民生保障(15 项)                        60              42              69
                          小计(90 项)                              349              145             42

                     二、下半年主要工作措施
"""

PDFTOTEXT = """附件
序号   项目名称                 责任单位        目标任务      完成情况
1      城东污水处理厂           市水务局        建成投运      主体完工，
                                                              设备安装中
2      城西道路工程             市住建局        完成路基      已完成
3      老旧小区改造             市住建局                      完成12个
"""


def _rows(text: str) -> list[list[str]]:
    blocks = fixed_width_tables([Line(line) for line in text.split("\n")]) or []
    (table,) = [b for b in blocks if isinstance(b, RawTable)]
    return [[c.text or "" for c in row.cells] for row in table.rows]


def test_gazette_table_columns_by_position() -> None:
    rows = _rows(GAZETTE)
    assert rows[0][1:] == ["项目类别", "年度计划", "上半年完成", "完成进度"]
    assert rows[1] == ["", "农业基础设施(9 项)", "9", "5", "51"]
    assert rows[3] == ["重点基", "市政设施(9 项)", "41", "10", "24"]
    # a group label printed down the lines joins the row above
    assert rows[4] == ["础设施项目", "生态环保(19 项)", "29", "14", "50"]


def test_gazette_table_tasks_and_progress() -> None:
    document = extractor.parse(GAZETTE.encode("utf-8"))
    (table,) = document.tables
    assert table.layout == "fixed-width"
    assert [(r.task, r.progress) for r in table.rows] == [
        ("农业基础设施(9 项)", "5"),
        ("综合交通(19 项)", "55"),
        ("市政设施(9 项)", "10"),
        ("生态环保(19 项)", "14"),
        ("社会事业及民生保障(15 项)", "42"),
    ]
    assert any(w.code == "total_row" and "小计(90 项)" in w.message for w in document.warnings)


def test_a_missing_cell_leaves_the_cells_after_it_in_place() -> None:
    rows = _rows(PDFTOTEXT)
    assert rows[0] == ["序号", "项目名称", "责任单位", "目标任务", "完成情况"]
    assert rows[1] == ["1", "城东污水处理厂", "市水务局", "建成投运", "主体完工，设备安装中"]
    assert rows[3] == ["3", "老旧小区改造", "市住建局", "", "完成12个"]


@pytest.mark.parametrize("space", ["\u3000", "  "])
def test_full_width_spaces_count_as_two_columns(space: str) -> None:
    text = PDFTOTEXT.replace("      ", space * 3)
    assert _rows(text)[2][:3] == ["2", "城西道路工程", "市住建局"]


def test_single_spaced_lines_are_not_a_fixed_width_table() -> None:
    text = "序号 目标任务 完成情况\n1 新建幼儿园 已开工\n2 改造小区 已完成\n3 新增车位 完成1800个\n"
    assert fixed_width_tables([Line(line) for line in text.split("\n")]) is None

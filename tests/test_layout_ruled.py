"""Ruled text tables (extractor/layout/ruled.py): grids drawn with box or ASCII rule characters."""

from __future__ import annotations

import pytest

import extractor
from extractor.layout.base import Line
from extractor.layout.ruled import ruled_tables
from extractor.readers.raw import RawTable

BOXED = """山西省建设厅关于安康居住工程完成情况的通报
  二、存在的问题和不足
  (一)部分城市经济适用住房供应量偏小。阳泉市经济适用住房竣工4.32万平方米。
  (二)个别城市经济适用住房户型面积偏大。长治市户均建筑面积为114.3平方米。
  附件1:
  各市安康居住工程完成情况
┌───┬──────┬─────────┬─────────┬──────────┐
│ 序号 │ 城市名称 │   目标任务   │   竣工情况   │完成目标任务的比例(│
│   │      │  (万平方米)  │  (万平方米)  │    %)     │
├───┼──────┼─────────┼─────────┼──────────┤
│ 1  │  晋城  │   37.63    │   63.71    │    169.3    │
├───┼──────┼─────────┼─────────┼──────────┤
│ 2  │  大同  │    70    │   101.94   │    145.6    │
├───┼──────┼─────────┼─────────┼──────────┤
│ 3  │  长治  │  城东片区   │   已完成    │    100    │
│   │      │  改造工程   │   主体工程   │          │
└───┴──────┴─────────┴─────────┴──────────┘
"""

ASCII_GRID = """+------+--------------+------------------+------------+
| 序号 | 目标任务     | 完成情况         | 牵头单位   |
+======+==============+==================+============+
| 1    | 新建幼儿园   | 已开工建设       | 区教育局   |
| 2    | 改造老旧小区 | 完成改造12个小区 | 区住建委   |
| 3    | 新增停车位   | 新增车位1800个   | 区交通局   |
+------+--------------+------------------+------------+
"""


def _tables(text: str) -> list[RawTable]:
    blocks = ruled_tables([Line(line) for line in text.split("\n")]) or []
    return [b for b in blocks if isinstance(b, RawTable)]


def test_box_grid_rows_are_between_the_rules_and_wrapped_cells_join_down() -> None:
    (table,) = _tables(BOXED)
    texts = [[c.text for c in row.cells] for row in table.rows]
    assert texts[0] == ["序号", "城市名称", "目标任务(万平方米)", "竣工情况(万平方米)", "完成目标任务的比例(%)"]
    assert texts[1] == ["1", "晋城", "37.63", "63.71", "169.3"]
    assert texts[3] == ["3", "长治", "城东片区改造工程", "已完成主体工程", "100"]
    assert table.layout == "ruled"


def test_box_grid_wins_over_the_numbered_prose_around_it() -> None:
    document = extractor.parse(BOXED.encode("utf-8"))
    (table,) = document.tables
    assert table.layout == "ruled"
    assert [(r.seq, r.task, r.progress) for r in table.rows] == [
        (1, "晋城", "63.71"),
        (2, "大同", "101.94"),
        (3, "长治", "已完成主体工程"),
    ]


def test_ascii_grid_with_a_rule_under_the_header_only() -> None:
    (table,) = _tables(ASCII_GRID)
    assert [[c.text for c in row.cells] for row in table.rows][1:] == [
        ["1", "新建幼儿园", "已开工建设", "区教育局"],
        ["2", "改造老旧小区", "完成改造12个小区", "区住建委"],
        ["3", "新增停车位", "新增车位1800个", "区交通局"],
    ]
    rows = extractor.parse(ASCII_GRID.encode("utf-8")).tables[0].rows
    assert [(r.task, r.lead_units) for r in rows] == [
        ("新建幼儿园", ["区教育局"]),
        ("改造老旧小区", ["区住建委"]),
        ("新增停车位", ["区交通局"]),
    ]


@pytest.mark.parametrize(("vertical", "rule"), [("│", "─┼"), ("┃", "━╋"), ("║", "═╬")])
def test_box_characters_of_every_weight(vertical: str, rule: str) -> None:
    line = rule[1].join([rule[0] * 4] * 3)
    text = "\n".join(
        [
            f"{vertical}序号{vertical}目标任务{vertical}完成情况{vertical}",
            line,
            f"{vertical}1{vertical}新建幼儿园{vertical}已开工{vertical}",
            line,
            f"{vertical}2{vertical}改造小区{vertical}已完成{vertical}",
        ]
    )
    (table,) = _tables(text)
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["序号", "目标任务", "完成情况"],
        ["1", "新建幼儿园", "已开工"],
        ["2", "改造小区", "已完成"],
    ]


def test_a_pipe_table_without_rules_is_not_a_ruled_table() -> None:
    assert ruled_tables([Line("序号 | 目标任务 | 完成情况"), Line("1 | 新建幼儿园 | 已开工")]) is None


def test_a_line_with_an_empty_first_cell_continues_the_row_above() -> None:
    text = ASCII_GRID.replace(
        "| 2    | 改造老旧小区 | 完成改造12个小区 | 区住建委   |\n",
        "| 2    | 改造老旧小区 | 完成改造12个小区 | 区住建委   |\n"
        "|      | (二期)       | ,开工3个         |            |\n",
    )
    (table,) = _tables(text)
    assert [c.text for c in table.rows[2].cells] == ["2", "改造老旧小区(二期)", "完成改造12个小区,开工3个", "区住建委"]

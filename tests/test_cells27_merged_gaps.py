"""A web table copied a cell a line whose category cell is merged over several rows: the copy
writes it in the first row of its group only, the rows under it are a cell narrower. Where the
missing cell stood is read from what each column holds in the rows that write every column
(stream.py, ``_merged_gaps``): a year span under 起止年限, text under the task, so the row's cells
stay in their columns and its progress and unit are its own."""

from __future__ import annotations

import pytest

import extractor

from .conftest_helpers import squash

HEADER = ["序号", "项目类别", "起止年限", "工作任务", "进展情况", "责任单位"]
ROWS = [
    ["1", "一、优质教育提升工程", "2024-2025", "完成高级中学食堂建设", "主体工程已完工,正在装修。", "区教育局"],
    ["2", "2025", "启动实施九年一贯制学校建设", "已完成施工招标,正在办理施工许可。", "区教育局"],
    ["3", "2024-2025", "建成中学教学楼", "已完成主体结构施工。", "区住建局"],
    ["4", "二、医疗健康提升工程", "2022-2026", "建成医疗健康综合体", "已完成幕墙施工。", "区卫健局"],
    ["5", "2025", "改造乡镇卫生院3家", "2家已完工,1家正在施工。", "区卫健局"],
]
SIMPLIFIED = "质优教育提升级实贯学设许进医疗健综环卫乡镇区责单务类别"
TRADITIONAL = "質優教育提昇級實貫學設許進醫療健綜環衛鄉鎮區責單務類別"


def _text(between: str = "\n") -> str:
    return "2025年民生实事项目进展表\n" + between.join([*HEADER, *(c for row in ROWS for c in row)]) + "\n"


VARIANTS = {
    "a cell a line": lambda: _text(),
    "a blank line between cells": lambda: _text("\n\n"),
    "traditional": lambda: _text().translate(str.maketrans(SIMPLIFIED, TRADITIONAL)),
    "half-width": lambda: _text().replace(",", ",").replace("。", "."),
}


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_the_merged_cell_a_row_leaves_out_is_where_the_columns_say(variant: str) -> None:
    table = extractor.parse(VARIANTS[variant]().encode("utf-8")).tables[0]
    same = str.maketrans(TRADITIONAL, SIMPLIFIED)
    rows = table.rows
    assert [row.seq for row in rows] == [1, 2, 3, 4, 5]
    assert [squash(row.task).translate(same) for row in rows] == [
        "完成高级中学食堂建设",
        "启动实施九年一贯制学校建设",
        "建成中学教学楼",
        "建成医疗健康综合体",
        "改造乡镇卫生院3家",
    ]
    assert [squash(row.progress).translate(same)[:6] for row in rows] == [
        "主体工程已完",
        "已完成施工招",
        "已完成主体结",
        "已完成幕墙施",
        "2家已完工,",
    ]
    assert [[squash(u).translate(same) for u in row.lead_units] for row in rows] == [
        ["区教育局"],
        ["区教育局"],
        ["区住建局"],
        ["区卫健局"],
        ["区卫健局"],
    ]

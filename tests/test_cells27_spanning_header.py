"""A web table copied a cell a line whose header names one column over two (年度任务 over a
project's name and its target): its rows, from one 序号 to the next, are one cell wider than the
header. The header cell that spans is the one the rows say (stream.py, ``_spanning_header``): a
name and its content under it, so the progress, plan and units stay in their own columns."""

from __future__ import annotations

import pytest

import extractor

from .conftest_helpers import squash

HEADER = ["序号", "年度任务", "本月进展", "是否达进度", "下月计划", "责任单位"]
ROWS = [
    [
        "1",
        "美丽乡村建设",
        "创建4个市级美丽乡村示范村。",
        "完成宜居村创建名单发文。",
        "是",
        "指导各镇街进行项目立项。",
        "农业农村局",
    ],
    ["2", "绿道建设", "全区新改建绿道60公里。", "部分道路已开工。", "是", "计划完成4公里。", "城建局"],
    ["3", "城区道路改造", "新建胥河路南段配套道路。", "配套道路已完成招标。", "是", "完成招标，进场施工。", "城建局"],
    ["4", "泵站更新改造", "实施12座村级小泵站更新改造。", "已完成设计。", "否", "开展招标。", "水务局"],
]
SIMPLIFIED = "务进计划责单达丽乡镇区级建设绿导项发围门农业设计泵"
TRADITIONAL = "務進計劃責單達麗鄉鎮區級建設綠導項發圍門農業設計泵"


def _text(between: str) -> str:
    cells = [*HEADER, *(cell for row in ROWS for cell in row)]
    return "2020年3月民生重点实事进度表\n" + between.join(cells) + "\n"


VARIANTS = {
    "a cell a line": lambda: _text("\n"),
    "a blank line between cells": lambda: _text("\n\n"),
    "traditional": lambda: _text("\n").translate(str.maketrans(SIMPLIFIED, TRADITIONAL)),
    "half-width": lambda: _text("\n").replace("，", ",").replace("。", "."),
}


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_the_rows_say_which_header_cell_spans_two(variant: str) -> None:
    table = extractor.parse(VARIANTS[variant]().encode("utf-8")).tables[0]
    same = str.maketrans(TRADITIONAL, SIMPLIFIED)  # compared in one script
    assert [row.seq for row in table.rows] == [1, 2, 3, 4]
    assert [squash(row.task).translate(same) for row in table.rows] == [
        "美丽乡村建设",
        "绿道建设",
        "城区道路改造",
        "泵站更新改造",
    ]
    progress = [squash(row.progress).translate(same).rstrip("。.") for row in table.rows]
    assert progress == ["完成宜居村创建名单发文", "部分道路已开工", "配套道路已完成招标", "已完成设计"]
    # the last row, which no next number closes, is a row's width too: its unit is its own
    assert [[squash(u).translate(same) for u in row.lead_units] for row in table.rows] == [
        ["农业农村局"],
        ["城建局"],
        ["城建局"],
        ["水务局"],
    ]

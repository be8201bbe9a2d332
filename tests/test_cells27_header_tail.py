"""A table copied from a web page one cell a line, its header ending in cells the vocabulary does
not know ("1-9月份工作取得成效", "监督电话"): the rows say they are columns (aligned.py,
``_header_tails``), so the cells under them are not lost into the row before or after; a first
row's category ("宏观调控") standing after the header is not taken for a column (its rows leave
such a column empty, ``_tail_filled``)."""

from __future__ import annotations

import pytest

import extractor
from extractor.layout.aligned import LINE, Piece, _tail_filled, _tail_piece

from .conftest_helpers import raw_table, squash

HEADER = (
    "类别",
    "项目名称",
    "年度任务目标",
    "责任单位",
    "分管领导",
    "1-9月份工作完成情况",
    "1-9月份工作取得成效",
    "监督电话",
)
ROWS = (
    (
        "一、城乡建设",
        "3.改造老旧小区供水管网",
        "完成城区12个老旧小区供水管网改造。",
        "住房城乡建设局",
        "王建国",
        "已完成8个小区管网改造,其余4个正在施工。",
        "受益居民3200户,供水压力明显改善。",
        "监督电话0531-1234567",
    ),
    (
        "4.新建城市口袋公园",
        "建成口袋公园6处并对外开放。",
        "园林局",
        "王建国",
        "6处公园主体工程完工,正在进行绿化种植。",
        "新增绿地面积1.2公顷。",
        "监督电话0531-7654321",
    ),
    (
        "5.推进农贸市场升级",
        "完成3处农贸市场标准化改造。",
        "商务局",
        "李明",
        "2处市场完成改造,1处完成招标。",
        "市场环境明显改善,群众满意度提高。",
        "监督电话0531-2468024",
    ),
)

SIMPLIFIED = "类项称责单设计监话乡围调务为场贸进标准农门园达处"
TRADITIONAL = "類項稱責單設計監話鄉圍調務為場貿進標準農門園達處"


def _text(rows: tuple[tuple[str, ...], ...] = ROWS, header: tuple[str, ...] = HEADER) -> str:
    cells = [*header, *(cell for row in rows for cell in row)]
    return "附件\n2024年民生实事进展情况\n" + "\n".join(cells) + "\n"


VARIANTS = {
    "as written": lambda text: text,
    "traditional": lambda text: text.translate(str.maketrans(SIMPLIFIED, TRADITIONAL)),
    "half-width": lambda text: text.replace(",", ",").replace("。", ".").replace("、", ","),
    "full-width dash": lambda text: text.replace("1-9", "1－9"),
    "blank line between cells": lambda text: text.replace("\n", "\n\n"),
}


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_header_cells_of_no_known_meaning_are_columns(variant: str) -> None:
    text = VARIANTS[variant](_text())
    table = extractor.parse(text.encode("utf-8")).tables[0]
    assert [row.seq for row in table.rows] == [3, 4, 5]
    # each row's last cells stay its own: the achievement and the phone number are not run into
    # the progress, nor the phone number into the next row's category
    progress = [squash(row.progress) for row in table.rows]
    assert progress[0].startswith("已完成8个") and progress[0].endswith(("施工。", "施工."))
    assert progress[1].endswith(("种植。", "种植.")) and "公顷" not in progress[1]
    assert progress[2].endswith(("招标。", "招標。", "招标.", "招標."))
    change = VARIANTS[variant]
    assert [row.lead_units for row in table.rows] == [
        [change("住房城乡建设局")],
        [change("园林局")],
        [change("商务局")],
    ]
    assert all("监督电话" not in squash(row.task) and "監督電話" not in squash(row.task) for row in table.rows)


# A line after the header: could it be a header cell by its form?
TAIL_CASES = [
    ("1-9月份工作取得成效", True),
    ("1－9月份工作取得成效", True),
    ("預計至12月31日完成工作進度（%）", True),
    ("预计至12月31日完成工作进度(%)", True),
    ("1-3月", True),
    ("监 督 电 话", True),
    ("監督電話", True),
    ("7.2", False),  # a figure: a row's cell
    ("%", False),  # a measure
    ("完成50公里", False),  # a number that is no date
    ("四、教育文化", False),  # a section line
    ("14.改扩建泉山学校", False),  # a numbered row's first cell
    ("区发改局、区统计局", False),  # a list
    ("现报告如下:", False),  # a label
    ("已完成新增造林387亩。", False),  # a sentence
]


@pytest.mark.parametrize(("text", "header_like"), TAIL_CASES)
def test_what_a_header_tail_may_hold(text: str, header_like: bool) -> None:
    assert _tail_piece(Piece(text, 0, None, LINE)) is header_like


def test_a_column_the_rows_leave_empty_is_no_column() -> None:
    header = ["项目", "分值", "目标任务", "考核单位", "经济发展"]  # the last: the first row's category
    rows = [
        ["地区生产总值增长率", "3", "年终考核", "区发改局", ""],
        ["服务业增加值增长率", "3", "年终考核", "区商务局", ""],
    ]
    table = raw_table(header, *rows, kind="stream")
    assert _tail_filled([table], 1) is False
    filled = raw_table([*header[:4], "监督电话"], *[[*r[:4], "监督电话0531-1234567"] for r in rows], kind="stream")
    assert _tail_filled([filled], 1) is True

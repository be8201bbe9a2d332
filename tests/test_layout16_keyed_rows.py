"""Rows keyed by a code, not numbered, with numbered lists inside their cells and units in brackets.

A milestone page lists one row per period, each opened by a code ("1122": year 112, quarter 2)
followed by a space, the milestone and the progress, each cell a list that starts again at "1."
and each milestone item naming its responsible office in a bracket at its end. The rows are the
coded lines (not the "1."/"2." items), a list starting again at 1 opens the next cell, the offices
in the brackets are the lead units, and the closing bracket leaves the task.
"""

from __future__ import annotations

import pytest

import extractor
from extractor.headers import numbers_count
from extractor.layout.classes import classify
from extractor.models import Table
from extractor.textnorm import match_view

TRADITIONAL = """社區水圳故事

年度季別里程碑工作內容說明近期執行概況說明
1132 增設里民文史故事牆,以圖文方式呈現(信義區公所、臺北市教育局) 1.區公所於113年5月22日辦理現地會勘,確定設置位置。
2.於113年6月8日完成解說牌設置。
1131 1.與社區大學續辦第2次水圳走讀課程。(信義區公所)
2.在市立圖書館分館內設立文史專區。(市立圖書館)。
1.第2次水圳走讀活動已於113年3月18日辦理完成。
2.分館文史專區已於113年3月1日完成。
1124 1.辦理1場室內講座。(臺北市立文獻館)
2.辦理第1次水圳走讀課程。(信義區公所)
1.室內講座已於112年11月28日完成。
"""

SIMPLIFIED_FULL_WIDTH = (
    TRADITIONAL.replace("(", "（")
    .replace(")", "）")
    .replace(",", "，")
    .translate(str.maketrans("區圖書館與續辦專設導讀會勘確辦課臺義見歷", "区图书馆与续办专设导读会勘确办课台义见历"))
)


def _table(text: str) -> Table:
    (table,) = extractor.parse(text.encode("utf-8")).tables
    return table


@pytest.mark.parametrize(
    "text", [TRADITIONAL, SIMPLIFIED_FULL_WIDTH], ids=["traditional-ascii", "simplified-full-width"]
)
def test_rows_keyed_by_a_period_code(text: str) -> None:
    table = _table(text)
    assert len(table.rows) == 3  # the coded lines, not the items inside the cells
    assert [r.cells["deadline"] for r in table.rows] == ["1132", "1131", "1124"]
    # (compared on the matching view: simplified script, ASCII punctuation)
    tasks = [match_view(r.task or "") for r in table.rows]
    progress = [match_view(r.progress or "") for r in table.rows]
    assert tasks[0] == match_view("增設里民文史故事牆,以圖文方式呈現")  # the closing bracket left it
    assert progress[0].startswith("1.") and progress[0].endswith(match_view("完成解說牌設置。"))
    assert tasks[1].startswith(match_view("1.與社區大學")) and tasks[1].endswith(match_view("設立文史專區。"))
    assert progress[1].startswith(match_view("1.第2次水圳走讀活動"))
    units = [[match_view(u) for u in r.lead_units] for r in table.rows]
    assert units == [
        [match_view("信義區公所"), match_view("臺北市教育局")],
        [match_view("信義區公所"), match_view("市立圖書館")],
        [match_view("臺北市立文獻館"), match_view("信義區公所")],
    ]


@pytest.mark.parametrize(
    ("numbers", "count"),
    [
        ([1, 2, 3], True),
        ([1, 2, 1, 2, 3], True),  # numbering again under each section
        ([145, 146, 147], True),  # an extract of a longer list
        ([1, 1, 1], False),  # each cell opens a list of its own
        ([2, 1, 2], False),  # items inside cells
        ([3, 1, 7], False),
    ],
)
def test_numbers_count_rows(numbers: list[int], count: bool) -> None:
    assert numbers_count(numbers) is count


@pytest.mark.parametrize(
    ("text", "cls"),
    [
        ("增設文史故事牆,以圖文方式呈現(信義區公所、臺北市教育局)", "prose"),
        ("增设文史故事墙，以图文方式呈现（信义区公所、台北市教育局）", "prose"),
        ("县委宣传部（县文明办）", "unit"),  # a unit with another in brackets stays units
        ("区住建局(各街道)", "unit"),
    ],
)
def test_a_task_naming_its_units_in_a_bracket_is_no_unit_cell(text: str, cls: str) -> None:
    assert classify(text) == cls


def test_units_bracket_is_not_a_note() -> None:
    """A bracket saying what a task includes or how it is named is no unit marker."""
    text = """序号 | 工作任务 | 完成情况 |
1 | 新建县第二人民医院（含门诊楼） | 主体完工 |
2 | 建设城北学校（暂命名） | 已开工 |
"""
    table = _table(text)
    assert [r.lead_units for r in table.rows] == [[], []]
    assert table.rows[0].task == "新建县第二人民医院（含门诊楼）"

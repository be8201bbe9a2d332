"""Lines around a table that are not its header.

A line that says what became of the rows under it ("已完成的項目", "正在推进的项目") is a section
of the table, not a second header line, however its cells are delimited: it names 项目 but opens
with an adverb of state, as content does ("已完成"), while "已完成数" is still a column.

A page's metadata row ("信息名稱: | 高淳區…進度表") is no header row either, though its value names
progress (进度表): a label ending in a colon introduces a value, it names no column (written with
tabs, it once became the header of a table of metadata rows).
"""

from __future__ import annotations

import pytest

import extractor
from extractor.headers import is_header_row, opens_as_content


@pytest.mark.parametrize("text", ["已完成的項目", "已完成的项目", "正在推进的项目", "尚未完成的任务", "已完成"])
def test_a_line_saying_what_became_of_its_rows_opens_as_content(text: str) -> None:
    assert opens_as_content(text)


@pytest.mark.parametrize("text", ["已完成数", "完成情况", "项目名称", "目前情況"])
def test_a_header_does_not(text: str) -> None:
    assert not opens_as_content(text)


ROWS = [
    ("1996", "1.", "在 1996 年年底前，完成清拆臨時房屋區。", "已清拆所有 14 個臨時房屋區。"),
    ("1996", "2.", "在 1996 至 97 年度，設立 5 個房屋事務詢問處。", "已設立 5 個詢問處。"),
    ("1996", "3.", "在 1996 至 97 年度，物色更多可用作中轉房屋的大廈。", "已物色 2 幢大廈。"),
]


@pytest.mark.parametrize("bar", ["\t", " | "], ids=["tab", "pipe"])
@pytest.mark.parametrize("section", ["已完成的項目", "已完成的项目"])
def test_a_section_line_under_the_header_is_no_header(bar: str, section: str) -> None:
    lines = ["現按每個主要工作範疇詳細報告如下:", bar.join(["年份", "承諾", "目前情況", ""]), section + bar * 3]
    lines += [bar.join(row) for row in ROWS]
    table = extractor.parse_bytes(("\n".join(lines) + "\n").encode(), "t.txt").tables[0]
    assert "task" in [c.field for c in table.columns]
    assert [r.task for r in table.rows] == [row[2] for row in ROWS]
    assert [r.section for r in table.rows] == [section] * 3


@pytest.mark.parametrize(
    "row",
    [
        ["信息名稱:", "高淳區2020年3月民生重點實事進度表", ""],
        ["信息名称：", "2024年重点项目推进情况表"],
        ["填报单位：", "区发改局", "完成时间：", "2024年6月"],
    ],
)
def test_a_metadata_label_names_no_column(row: list[str]) -> None:
    assert not is_header_row(row)


def test_a_header_row_is_still_one() -> None:
    assert is_header_row(["序號", "年度任務", "本月進展", "責任單位"])

"""A header printed over two rows, each cell cut in two (headers.broken_header): read whole, by the
table stage for a grid's rows and by the aligned reading for delimited lines, with or without a
序号 column, in either script."""

from __future__ import annotations

import pytest

import extractor
from extractor.headers import broken_header
from extractor.layout.aligned import _unbroken_header
from extractor.layout.base import Line

ROWS = [
    "| 1996 | 1. | 在1996年年底前，完成清拆临时房屋区。 | 已清拆所有14个临时房屋区。 |",
    "| 1996 | 2. | 设立5个房屋事务询问处。 | 已设立5个询问处，分别位于红磡、湾仔。 |",
    "| 1997 | 3. | 物色更多可用作中转房屋的大厦。 | 石篱村第11座改建工程已经完成。 |",
]


@pytest.mark.parametrize(
    ("tops", "subs"),
    [
        (["序", "工作", "进展", "责任"], ["号", "任务", "情况", "单位"]),
        (["年", "承", "目前", ""], ["份", "诺", "情况", ""]),
        (["年", "承", "目前", ""], ["份", "諾", "情況", ""]),  # traditional
    ],
)
def test_a_header_cut_in_two_is_one(tops: list[str], subs: list[str]) -> None:
    assert broken_header(tops, subs)


@pytest.mark.parametrize(
    ("tops", "subs"),
    [
        # a header over its first data row of short cells
        (["序号", "工作任务", "进展情况", "责任单位"], ["1", "修路", "已完工", "县交通局"]),
        # a title cut over a row of words that mean something alone: no evidence of a cut
        (["工作任务", "进展情况", "责任单位"], ["修路", "已完工", "交通局"]),
        # one column written on one row only
        (["年", "承", "目前"], ["份", "", "情况"]),
    ],
)
def test_rows_that_are_not_a_cut_header(tops: list[str], subs: list[str]) -> None:
    assert not broken_header(tops, subs)


def test_the_aligned_reading_joins_the_halves_into_one_header_line() -> None:
    lines = [Line(t) for t in ["现将情况报告如下：", " 年 | 承 | 目前 |  |", " 份 | 诺 | 情况 | |", *ROWS]]
    joined = _unbroken_header(lines)
    assert [line.text for line in joined[:2]] == ["现将情况报告如下：", "年份 | 承诺 | 目前情况 |"]
    assert joined[2:] == lines[3:]


def test_a_table_under_a_header_cut_in_two_reads_as_under_the_whole_header() -> None:
    whole = "\n".join(["现将情况报告如下：", "| 年份 | 承诺 | 目前情况 |", *ROWS])
    cut = "\n".join(["现将情况报告如下：", "| 年 | 承 | 目前 |", "| 份 | 诺 | 情况 |", *ROWS])

    def rows(text: str) -> list[tuple[str, str]]:
        doc = extractor.parse_bytes(text.encode(), "report.txt")
        return [(r.task, r.progress) for t in doc.tables for r in t.rows]

    expected = rows(whole)
    assert expected[0] == ("在1996年年底前，完成清拆临时房屋区。", "已清拆所有14个临时房屋区。")
    assert len(expected) == 3
    assert rows(cut) == expected


META = """附件2

索引号 | 11330283734263790N/2025-164263 | 组配分类 | 民生实事 | 主题分类 | 政务公开 |
---|---|---|---|---|---|
公开方式 | 主动公开 | 公开范围 | 面向全社会 | ||
发布机构 | 区发改局 | 发文日期 | 2025-08-07 |
2025年区十大民生实事项目进展表
（截至2025年6月30日）
| 序号 | 项目名称 | 具体完成情况 | 责任单位 |
| 1 | 新建学校3所 | 已开工2所 | 区教育局 |
| 2 | 改造道路5条 | 已完工3条 | 区住建局 |
"""


def test_a_metadata_form_without_colons_is_no_header() -> None:
    from extractor.headers import is_header_row, metadata_label

    assert metadata_label("索引号") and metadata_label("發布機構") and metadata_label("主题分类")
    assert not metadata_label("责任单位") and not metadata_label("民生实事") and not metadata_label("序号")
    assert not is_header_row(
        ["索引号", "11330283734263790N/2025-164263", "组配分类", "民生实事", "主题分类", "政务公开"]
    )
    assert is_header_row(["序号", "项目名称", "具体完成情况", "责任单位"])


def test_the_task_table_under_a_metadata_form_is_the_one_read() -> None:
    doc = extractor.parse_bytes(META.encode(), "report.txt")
    rows = [(r.seq_text, r.task, r.progress, list(r.lead_units)) for t in doc.tables for r in t.rows]
    assert rows == [("1", "新建学校3所", "已开工2所", ["区教育局"]), ("2", "改造道路5条", "已完工3条", ["区住建局"])]

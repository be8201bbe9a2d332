"""A table whose 序号 stand alone before their cells ("1 教育项目 …") while a cell holds numbered lines
of its own ("1.易地新建…;" / "2.福前…;"): the rows follow the 序号 written like the first one, and
the numbered lines stay in their cell (layout/aligned.py, _row_starts)."""

from __future__ import annotations

from tests.conftest_helpers import PROJECT, rows_of_text

STREAM = """2023年某镇民生实事项目(11月份完成情况)

项目名称

具体内容及规模

截止11月30日完成情况

1

门面房屋顶隐患整治项目

计划对府前路两侧门面房的屋顶进行全面排查和整治。

已完成。

2

社区内部景观绿化提升工程项目

1.长新社区：对社区服务大厅门前广场进行景观提升。
2.新南社区：共有4个点位，进行景观提升。

已完成。

3

口袋公园项目

对海坝路及小学东面进行绿化景观、设施提升。

已完成。
"""


def test_numbered_lines_in_a_cell_of_a_spaced_table() -> None:
    """The dev document this was found on (a town's table copied with spaces between its cells)."""
    import extractor

    document = extractor.parse(PROJECT / "corpus" / "dev" / "js-zjgyangshe-01.txt")
    rows = [row for table in document.tables for row in table.rows]
    assert [row.seq for row in rows] == [1, 2, 3]
    assert rows[0].task.startswith("教育资源提质项目")
    assert rows[0].progress.startswith("1.易地新建暨阳小学") and rows[0].progress.count("\n") == 5
    assert rows[1].task.startswith("文体惠民项目")


def test_numbered_lines_in_a_cell_of_a_cell_stream() -> None:
    rows = rows_of_text(STREAM)
    assert [(r.seq, r.task) for r in rows] == [
        (1, "门面房屋顶隐患整治项目"),
        (2, "社区内部景观绿化提升工程项目"),
        (3, "口袋公园项目"),
    ]
    assert [r.progress for r in rows] == ["已完成。"] * 3

"""A 计量单位 (or 单位) column of units of measure gives the bare numbers of its row their unit."""

from __future__ import annotations

import pytest

import extractor
from extractor.records import measured_figures


@pytest.mark.parametrize(
    ("number", "measure", "subject", "expected"),
    [
        ("7.23", "万人", "城镇新增就业", ("count", 72300, "人")),
        ("1361.92", "公里", "自然村通水泥(沥青)路", ("quantity", 1361.92, "公里")),
        ("5900", "万元", "行政村配电网改造", ("amount", 59_000_000, "CNY")),
        ("55.75", "%", "服务业增加值占GDP比重", ("percent", 55.75, "%")),
        ("55.75", "％", "服務業增加值佔GDP比重", ("percent", 55.75, "%")),
        # the indicator's name says it is a change; notes after the name do not hide it
        ("7.2", "%", "地区生产总值(GDP)增长率(按可比价格计算)", ("change", 7.2, "%")),
        ("10.3", "%", "全体常住居民人均可支配收入增长率 [1]", ("change", 10.3, "%")),
        ("1,022", "个", "减少大班额", ("count", 1022, "个")),
    ],
)
def test_a_bare_number_takes_its_rows_measure(number: str, measure: str, subject: str, expected: tuple) -> None:
    text = f" {number} "
    (figure,) = measured_figures(text, "progress", measure, subject)
    assert (figure.kind, figure.value, figure.unit) == expected
    assert text[figure.span[0] : figure.span[1]] == figure.text == number


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("7.23", ""),  # no unit written
        ("7.23", "2023年"),  # no unit of measure
        ("已完成", "万人"),  # no bare number
        ("约7.23", "万人"),  # more than a number: the figure rules read it
    ],
)
def test_no_measure_no_figure(text: str, measure: str) -> None:
    assert measured_figures(text, "progress", measure, "城镇新增就业") == []


TABLE = """序号\t考核指标\t{unit_header}\t工作目标\t已完成数\t占年任务之比
1\t城镇新增就业\t万人\t5.2\t7.23\t139.1%
2\t自然村通水泥路\t公里\t1360\t1361.92\t100.1%
3\t地区生产总值增长率\t%\t6\t6.5\t108.3%
"""


@pytest.mark.parametrize("unit_header", ["单位", "计量单位", "單位"])
def test_a_units_of_measure_column_is_the_measure(unit_header: str) -> None:
    rows = extractor.parse(TABLE.format(unit_header=unit_header).encode()).tables[0].rows
    assert [r.cells.get("measure") for r in rows] == ["万人", "公里", "%"]
    progress = [[(f.kind, f.value, f.unit) for f in r.figures if f.field == "progress"] for r in rows]
    assert progress == [[("count", 72300, "人")], [("quantity", 1361.92, "公里")], [("change", 6.5, "%")]]
    targets = [[(f.kind, f.value) for f in r.figures if f.field == "工作目标"] for r in rows]
    assert targets == [[("count", 52000)], [("quantity", 1360)], [("change", 6)]]

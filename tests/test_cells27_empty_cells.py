"""A web table copied a cell a line whose merged cells were copied as empty lines: one 序号 over
a project's every target, each target a row under the merged 序号 and name, its merged unit cell
an empty line. The blank lines are read as empty cells (stream.py, the ``blanks`` reading, weighed
against blank lines as cell breaks), the numbered row holds every column it spans (its unit, a
name the vocabulary may not know as one), and each row under it is a row of its own."""

from __future__ import annotations

import pytest

import extractor

from .conftest_helpers import squash

HEADER = ["序号", "项目名称", "项目内容", "当前进展情况", "进度评价", "主办单位"]
FIRST = ["1", "城乡环境提升工程", "新建口袋公园5处。", "已建成口袋公园5处;", "已完成", "县城乡环境提升工作专班"]
UNDER = [
    ["新增绿化面积300亩。", "已完成新增造林320亩。", "已完成"],
    ["改造背街小巷12条。", "已完工9条,其余3条正在施工。", "正常推进"],
    ["建设公共厕所20座。", "20座公厕主体均已完工。", "已完成"],
]
SIMPLIFIED = "乡环境提升项进县专班设绿积园条厕边背览"
TRADITIONAL = "鄉環境提昇項進縣專班設綠積園條廁邊背覽"


def _lines() -> list[str]:
    lines = [*HEADER, *FIRST]
    for row in UNDER:
        lines += [*row, ""]  # the merged unit cell, copied as an empty line
    return lines


VARIANTS = {
    "a cell a line": lambda: "\n".join(_lines()) + "\n",
    "a blank line after each cell": lambda: "\n\n".join(_lines()) + "\n",
    "traditional": lambda: ("\n".join(_lines()) + "\n").translate(str.maketrans(SIMPLIFIED, TRADITIONAL)),
    "half-width": lambda: ("\n".join(_lines()) + "\n").replace("。", ".").replace(";", ";").replace(",", ","),
}


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_empty_lines_are_the_merged_cells(variant: str) -> None:
    text = "2024年城乡环境提升项目进展情况\n" + VARIANTS[variant]()
    tables = extractor.parse(text.encode("utf-8")).tables
    rows = tables[0].rows
    same = str.maketrans(TRADITIONAL, SIMPLIFIED)
    assert [squash(row.task).translate(same).rstrip("。.") for row in rows] == [
        "新建口袋公园5处",
        "新增绿化面积300亩",
        "改造背街小巷12条",
        "建设公共厕所20座",
    ]
    assert [squash(row.progress).translate(same).rstrip("。.;") for row in rows] == [
        "已建成口袋公园5处",
        "已完成新增造林320亩",
        "已完工9条,其余3条正在施工",
        "20座公厕主体均已完工",
    ]
    # the unit stands in its own column in the numbered row and covers the rows under it
    assert all([squash(u).translate(same) for u in row.lead_units] == ["县城乡环境提升工作专班"] for row in rows)


def test_each_of_many_tables_is_read_once() -> None:
    """Tables one after the other (附件1, 附件2 …), an empty cell a blank line in each: every table
    is read, the lines after it read again once (not again for each way of reading the one before)."""
    parts: list[str] = []
    for k in range(1, 11):
        parts += [f"附件{k}", "序号", "工作任务", "进展情况", "责任单位"]
        parts += ["1", f"新建学校{k}所。", "主体已完工。", "区教育局", "2", f"改造道路{k}条。", "", "区交通局"]
        parts += ["3", f"新建公园{k}处。", "已完成。", "区园林局"]
    tables = extractor.parse(("\n".join(parts) + "\n").encode("utf-8")).tables
    assert [len(t.rows) for t in tables] == [3] * 10
    assert [squash(t.rows[1].task) for t in tables][-1] == "改造道路10条。"
    assert all(t.rows[1].progress == "" and t.rows[1].lead_units == ["区交通局"] for t in tables)

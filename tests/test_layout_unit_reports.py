"""A task's progress written one unit a paragraph, under merged task and unit cells.

One cell a paragraph: "1" / the task / "区投促局：…" / the unit cell "区投促局、" broken over
paragraphs after the list's comma / "大观园街道办事处：…". The unit cell is one cell
(``stream._join_continued``); each unit's own report ("X：…", ``subrows.kind`` "labelled") is a
row of its own under the merged cells, the last one alone too (``subrows._closable``).
"""

from __future__ import annotations

import pytest

import extractor
from extractor.layout.subrows import align, kind


def _paragraphs(*cells: str) -> str:
    return "\n\n".join(cells) + "\n"


SIMPLIFIED = _paragraphs(
    "2019年第二季度主要工作任务落实情况表",
    "序号",
    "主要任务",
    "进展情况",
    "责任单位",
    "1",
    "重点打造总部大厦特色楼宇。",
    "区投促局：对楼宇信息全面掌握，已开始重点推介。",
    "区投促局、",
    "大观园街道办事处",
    "大观园街道办事处：项目竣工手续完备，已具备开业条件。",
    "2",
    "重点打造科创大厦特色楼宇。",
    "区科技局：与市中控股进行多次对接。",
    "区科技局、",
    "投促局、",
    "十六里河街道办事处",
    "区投促局：已开始针对楼宇行业特色进行重点推介。",
    "十六里河街道办事处：走访摸排载体使用情况。",
)

TRADITIONAL = _paragraphs(
    "2019年第二季度主要工作任務落實情況表",
    "序號",
    "主要任務",
    "進展情況",
    "責任單位",
    "1",
    "重點打造總部大廈特色樓宇.",
    "區投促局:對樓宇信息全面掌握,已開始重點推介.",
    "區投促局,",
    "大觀園街道辦事處",
    "大觀園街道辦事處:項目竣工手續完備,已具備開業條件.",
    "2",
    "重點打造科創大廈特色樓宇.",
    "區科技局:與市中控股進行多次對接.",
    "區科技局、",
    "投促局、",
    "十六里河街道辦事處",
    "區投促局:已開始針對樓宇行業特色進行重點推介.",
    "十六里河街道辦事處:走訪摸排載體使用情況.",
)


@pytest.mark.parametrize("text", [SIMPLIFIED, TRADITIONAL], ids=["simplified", "traditional"])
def test_each_units_report_is_a_row_under_the_merged_task(text: str) -> None:
    (table,) = extractor.parse(text.encode("utf-8")).tables
    rows = table.rows
    assert len(rows) == 5
    tasks = [r.task[:6] for r in rows]
    assert tasks[:2] == [tasks[0]] * 2 and tasks[2:] == [tasks[2]] * 3 and tasks[0] != tasks[2]
    assert [r.progress.split("：")[0].split(":")[0] for r in rows] == (
        ["区投促局", "大观园街道办事处", "区科技局", "区投促局", "十六里河街道办事处"]
        if "区" in text
        else ["區投促局", "大觀園街道辦事處", "區科技局", "區投促局", "十六里河街道辦事處"]
    )
    # the unit cell broken after its list's comma is one cell, the same for every row under it
    units = [r.lead_units for r in rows]
    assert units[0] == units[1] and len(units[0]) == 2
    assert units[2] == units[3] == units[4] and len(units[2]) == 3


def test_a_units_own_report_is_labelled() -> None:
    assert kind("区投促局：对楼宇信息全面掌握") == "labelled"
    assert kind("大觀園街道辦事處:項目竣工") == "labelled"
    assert kind("备注：按工程进度测算") != "labelled"  # a label that names no unit
    assert kind("重点打造特色楼宇。") == "text"


def test_one_text_alone_goes_on_in_its_cell_unless_it_stands_after_the_last_column() -> None:
    fields: list[str | None] = ["seq", "task", "progress", "lead_units"]
    # a paragraph that names no unit, before the unit cell: more of the row's text, no row of its own
    found = align(["1", "新建学校一所。", "主体已完工。", "内部装修进行中。", "区教育局"], fields)
    assert found is not None and len(found[1]) == 1 and found[1][0][3] == "区教育局"
    # after the unit cell nothing of this row can stand: a last row under the merged cells
    found = align(["1", "新建学校一所。", "主体已完工。", "区教育局", "内部装修进行中。"], fields)
    assert found is not None and found[1] == [
        ["1", "新建学校一所。", "主体已完工。", "区教育局"],
        [None, None, "内部装修进行中。", None],
    ]

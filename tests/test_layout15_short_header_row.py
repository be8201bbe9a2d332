"""A two-row header whose top row is written shorter than the row below (its empty cells at the end
left out, as a copy with tabs or bars often does: "项目名称 | 项目类别" over five sub-headers) keeps
every sub-column; the group header spans the cells left out to its right."""

from __future__ import annotations

import pytest

from extractor.readers.raw import RawCell, RawDocument, RawRow, RawTable
from extractor.table import assemble

SUBS = ["工作任务", "实际已完成工作量", "完成工作进度(%)", "预计至12月31日完成工作量", "预计至12月31日完成工作进度(%)"]
ROWS = [
    ["建成县域普通高中1所。", "竣工并投入使用", "已完成。", "100", "已完成。"],
    ["提质改造老年学校2所。", "建设老年学校2所", "已完成。", "100", "已完成。"],
    ["新建城市书房3个。", "已建成2个", "正在施工。", "80", "年底前建成。"],
]


@pytest.mark.parametrize("top", [["项目名称", "项目类别"], ["項目名稱", "項目類別"]], ids=["simplified", "traditional"])
@pytest.mark.parametrize("kind", ["lines", "stream"])
def test_a_short_top_row_keeps_every_sub_column(top: list[str], kind: str) -> None:
    raw = RawTable([_row(top), _row(SUBS), *(_row(r) for r in ROWS)], kind=kind)
    (table,) = assemble(RawDocument(format="txt", blocks=[raw])).tables
    assert [c.header for c in table.columns] == [
        top[0] + SUBS[0],
        *(f"{top[1]}/{sub}" for sub in SUBS[1:]),
    ]
    assert [r.texts for r in table.rows] == ROWS


def _row(texts: list[str]) -> RawRow:
    return RawRow([RawCell(t) for t in texts])

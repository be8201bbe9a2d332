"""Two tables written one cell a paragraph, one after the other (附件1, then 附件2).

The cell stream reads its first table up to where the rows end, then reads the lines after it
again (``stream.cell_stream``): the second table is a table too, not paragraphs after the first.
"""

from __future__ import annotations

import pytest

import extractor


def _paragraphs(*cells: str) -> str:
    return "\n\n".join(cells) + "\n"


FIRST = (
    "附件1",
    "2022年预期目标任务分解表",
    "序号",
    "2022年预期目标",
    "责任单位",
    "1",
    "地区生产总值增长5.5%左右",
    "区发展改革委",
    "2",
    "固定资产投资增长6%左右",
    "区发展改革委",
    "3",
    "工业增加值增长7%左右",
    "区经济信息委",
)
SECOND = (
    "附件2",
    "2022年重点工作任务分解表",
    "序号",
    "工作任务",
    "牵头单位",
    "配合单位",
    "1",
    "推动国家重点实验室落地,引进8家独立法人研发机构。",
    "区科技局",
    "区发展改革委",
    "2",
    "建设科学城创新港,新增孵化面积5万平方米。",
    "区科学城管委会",
    "区住房城乡建委",
)


SIMPLIFIED_CHARS = "务标责单门发规划设业区验术创积进经济与头"
TRADITIONAL_CHARS = "務標責單門發規劃設業區驗術創積進經濟與頭"


@pytest.mark.parametrize("traditional", [False, True], ids=["simplified", "traditional"])
def test_a_second_table_in_the_stream_is_read(traditional: bool) -> None:
    text = _paragraphs(*FIRST, *SECOND)
    if traditional:
        text = text.translate(str.maketrans(SIMPLIFIED_CHARS, TRADITIONAL_CHARS))
    tables = extractor.parse(text.encode("utf-8")).tables
    assert [len(t.rows) for t in tables] == [3, 2]
    assert [c.field for c in tables[1].columns][:3] == ["seq", "task", "lead_units"]
    assert tables[1].rows[1].task.startswith(("建设科学城", "建設科学城"))

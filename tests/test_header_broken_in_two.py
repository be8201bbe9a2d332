"""A header printed over two rows, every cell cut at the same width (a narrow PDF table copied out)."""

from __future__ import annotations

import pytest

import extractor

ROWS = [("1", "新建学校3所", "已开工2所", "县教育局"), ("2", "改造道路5条", "已完工3条", "县住建局")]


def _table(sep: str, top: list[str], bottom: list[str], lead: str = "", tail: str = "") -> str:
    lines = [lead + sep.join(top) + tail, lead + sep.join(bottom) + tail]
    lines += [lead + sep.join(row) + tail for row in ROWS]
    return "XX县重点工作推进情况\n" + "\n".join(lines) + "\n"


CASES = [
    pytest.param(" | ", ["序", "工作", "进展", "责任"], ["号", "任务", "情况", "单位"], "| ", " |", id="pipes"),
    pytest.param("|", ["序", "重点", "推进", "牵头"], ["号", "工作", "情況", "單位"], "|", "|", id="pipes-traditional"),
    pytest.param("\t", ["序", "目标", "完成", "责任"], ["号", "任务", "情况", "部门"], "", "", id="tabs"),
    pytest.param(
        "｜",
        ["序", "工作任务", "进展", "责任单位（加"],
        ["号", "及目标", "情况", "黑为牵头）"],
        "｜",
        "｜",
        id="long-halves",
    ),
]


@pytest.mark.parametrize(("sep", "top", "bottom", "lead", "tail"), CASES)
def test_a_header_broken_over_two_rows_is_one_header(
    sep: str, top: list[str], bottom: list[str], lead: str, tail: str
) -> None:
    doc = extractor.parse_bytes(_table(sep, top, bottom, lead, tail).encode(), "x.txt")
    rows = [(r.seq_text, r.task, r.progress, list(r.lead_units)) for t in doc.tables for r in t.rows]
    assert rows == [(s, task, progress, [lead_unit]) for s, task, progress, lead_unit in ROWS]
    fields = [c.field for c in doc.tables[0].columns]
    assert fields == ["seq", "task", "progress", "lead_units"]


def test_a_first_data_row_with_no_number_is_no_header_half() -> None:
    # short cells with no digits under a header: the first row's cells do not read as header words
    text = (
        "| 序号 | 工作任务 | 进展情况 | 责任单位 |\n"
        "| 一 | 修路 | 已完工 | 县交通局 |\n"
        "| 二 | 建桥 | 施工中 | 县住建局 |\n"
    )
    doc = extractor.parse_bytes(text.encode(), "x.txt")
    rows = [(r.task, r.progress) for t in doc.tables for r in t.rows]
    assert rows == [("修路", "已完工"), ("建桥", "施工中")]

"""Rows under merged cells in a cell stream (extractor/layout/subrows.py, used by stream.py)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import extractor
from extractor.layout.subrows import align

FIELDS = ["seq", "task", "lead_units", "progress", "deadline"]


def test_a_span_holding_two_rows_is_read_as_a_row_and_one_under_merged_cells() -> None:
    pieces = ["5", "开工建设县老年养护楼。", "县民政局", "主体已封顶。", "5月底前"]
    pieces += ["开工建设老年大学。", "已完成选址。", "12月底前"]
    found = align(pieces, FIELDS)
    assert found is not None
    rows = found[1]
    assert rows == [
        ["5", "开工建设县老年养护楼。", "县民政局", "主体已封顶。", "5月底前"],
        [None, "开工建设老年大学。", None, "已完成选址。", "12月底前"],
    ]


@pytest.mark.parametrize(
    "pieces",
    [
        ["1", "新建学校。", "县教育局", "已完成主体。", "正在装修。", "12月底前"],  # progress broken at a blank line
        ["1", "新建学校。", "县教育局", "县财政局", "已完成主体。", "12月底前"],  # one unit a line
    ],
)
def test_a_cell_broken_over_lines_stays_one_row(pieces: list[str]) -> None:
    found = align(pieces, FIELDS)
    assert found is not None and len(found[1]) == 1


STREAM = """2022年度民生实事1-9月份进展情况表

序号

项目

{target_header}

{group}

牵头单位

1-9月进展情况

全面完成预计时间

1

浙有善育

新增3个乡镇(街道)建有托育机构

卫生健康局

{done}(石璜镇幼托中心、仙岩镇中心幼儿园)。

{status}

新增托位525个

卫生健康局

{done}。

{status}

新增普惠托位315个

{done}。

{status}

2

浙里优学

新改扩建公办中小学2所

教体局

{done}。

{status}

新增义务教育公办学位800个

{done}。

{status}
"""


@pytest.mark.parametrize(
    ("target_header", "group", "done", "status"),
    [
        ("省工作目标", "嵊州", "已全部完成", "已完成"),
        ("省工作目标", "嵊州市", "已全部完成", "已完成"),
        ("省工作目標", "嵊州", "已全部完成", "已完成"),
        ("工作目标", "本市", "已完成建设", "已完成"),
    ],
)
def test_rows_under_merged_cells_and_a_group_header_in_a_stream(
    target_header: str, group: str, done: str, status: str
) -> None:
    text = STREAM.format(target_header=target_header, group=group, done=done, status=status)
    rows = extractor.parse(text.encode("utf-8")).tables[0].rows
    assert [r.task for r in rows] == [
        "新增3个乡镇(街道)建有托育机构",
        "新增托位525个",
        "新增普惠托位315个",
        "新改扩建公办中小学2所",
        "新增义务教育公办学位800个",
    ]
    assert [r.lead_units for r in rows] == [["卫生健康局"]] * 3 + [["教体局"]] * 2
    assert [r.section for r in rows] == ["浙有善育"] * 3 + ["浙里优学"] * 2
    assert rows[2].progress == f"{done}。"


def test_a_span_too_long_to_be_a_group_of_rows_is_not_aligned() -> None:
    assert align(["1", *["新建学校。", "县教育局", "已完成。", "12月底前"] * 100], FIELDS) is None


_PIECES = ["1", "新建学校。", "县教育局", "已完成。", "12月底前", "县财政局", "正在施工", "新增托位200个", "已完成"]


@given(
    pieces=st.lists(st.sampled_from(_PIECES), min_size=1, max_size=14),
    fields=st.lists(
        st.sampled_from(["task", "lead_units", "progress", "deadline", None, "status"]), min_size=1, max_size=5
    ),
)
@settings(max_examples=200, deadline=None)
def test_every_piece_is_placed_once_in_order(pieces: list[str], fields: list[str | None]) -> None:
    """Nothing is lost: whatever the reading, the cells hold every piece once, in order."""
    found = align(["1", *pieces], ["seq", *fields])
    if found is None:
        return
    placed = [part for row in found[1] for cell in row if cell for part in cell.split("\n")]
    assert placed == ["1", *pieces]

"""Nothing lost when a task's bracket gives the lead units: its roles and partner units stay in the
row, under 单位标注 (a column no field reads)."""

from __future__ import annotations

import pytest

import extractor

TABLE = "序号\t目标任务\t完成情况\n1\t推进老旧小区改造。{bracket}\t已完成30个。\n"


@pytest.mark.parametrize(
    ("bracket", "lead", "note"),
    [
        ("（市住建局牵头，市财政局配合）", "市住建局", "（市住建局牵头，市财政局配合）"),
        ("(市住建局牵头,市财政局配合)", "市住建局", "(市住建局牵头,市财政局配合)"),
        ("（牵头单位：市教育局；配合单位：各县区）", "市教育局", "配合单位：各县区"),
    ],
)
def test_partner_units_of_a_bracket_are_kept(bracket: str, lead: str, note: str) -> None:
    row = extractor.parse(TABLE.format(bracket=bracket).encode("utf-8")).tables[0].rows[0]
    assert row.cells["task"] == "推进老旧小区改造。"
    assert row.cells["lead_units"] == lead
    assert row.cells["单位标注"] == note

"""Headers of Taiwan's progress tables are read by their morphemes: 項次 is the 序号 (before, the
aligned reading made up a 序号 column of its own beside an unread 項次), and 計畫 / 施政 name the
task (重要施政計畫, 施政項目), whatever the header's other words."""

from __future__ import annotations

import pytest

import extractor
from extractor.headers import header_candidates

ROWS = [
    ["1", "興建社會住宅200戶", "已完成基礎工程，進度達65%。", "都市發展局"],
    ["2", "改善公車候車亭50座", "已完成42座。", "交通局"],
    ["3", "增設公共托育中心3處", "2處已開辦，1處施工中。", "社會局"],
]


@pytest.mark.parametrize(
    "header",
    [
        ["項次", "計畫名稱", "執行情形", "主辦機關"],
        ["项次", "计划名称", "执行情形", "主办机关"],
        ["項次", "重要施政計畫", "執行概況", "權責機關"],
        ["序次", "施政項目", "辦理情形", "主辦單位"],
    ],
)
@pytest.mark.parametrize("bar", ["\t", " | ", "｜"], ids=["tab", "pipe", "full-width-pipe"])
def test_a_taiwan_progress_table_reads_its_columns(header: list[str], bar: str) -> None:
    text = "\n".join(["臺北市重要施政計畫執行情形表", bar.join(header), *(bar.join(r) for r in ROWS)]) + "\n"
    table = extractor.parse_bytes(text.encode(), "t.txt").tables[0]
    assert [c.field for c in table.columns] == ["seq", "task", "progress", "lead_units"]
    assert [(r.seq, r.task, r.lead_units) for r in table.rows] == [
        (1, "興建社會住宅200戶", ["都市發展局"]),
        (2, "改善公車候車亭50座", ["交通局"]),
        (3, "增設公共托育中心3處", ["社會局"]),
    ]


@pytest.mark.parametrize(("header", "field"), [("項次", "seq"), ("重要施政計畫", "task"), ("重要工作", "task")])
def test_a_modifier_does_not_stop_a_header_reading(header: str, field: str) -> None:
    assert header_candidates(header, morphemes=True)[0][0] == field


def test_a_plan_is_still_no_task() -> None:
    # 计划 (the mainland's plan or target) is not 計畫 (Taiwan's project)
    assert header_candidates("下一步计划", morphemes=True)[0][0] == "plan"

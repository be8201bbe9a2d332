"""A header opening with a word of what comes next (下一步, 下步, 下阶段, 后续, 今后, 明年 …) is the plan
column whatever its head names: 下步工作措施 holds the next steps, not a task (措施 alone is a task's
head), as a header opening with a question (是否…) is a status column."""

from __future__ import annotations

import pytest

import extractor
from extractor.headers import NEXT_STRENGTH, header_candidates


@pytest.mark.parametrize(
    "header",
    [
        "下步工作措施",
        "下一步工作举措",
        "下一步推進措施",
        "下阶段重点工作",
        "后续工作安排",
        "今後工作重點",
        "下月计划",
        "下 一 步 措 施",
    ],
)
def test_a_header_naming_what_comes_next_is_the_plan(header: str) -> None:
    field, strength = header_candidates(header, morphemes=True)[0]
    assert field == "plan"
    assert strength >= NEXT_STRENGTH


@pytest.mark.parametrize("header", ["重点工作", "工作措施", "完成情况", "下达任务"])
def test_a_header_not_opening_so_keeps_its_reading(header: str) -> None:
    assert header_candidates(header, morphemes=True)[0][0] != "plan"


def test_an_exact_synonym_still_wins() -> None:
    assert header_candidates("下一步工作计划", morphemes=True)[0] == ("plan", 3.0)


@pytest.mark.parametrize("bar", ["\t", " | "], ids=["tab", "pipe"])
@pytest.mark.parametrize("plan", ["下步工作措施", "下一步工作舉措"])
def test_the_next_steps_column_is_no_task(bar: str, plan: str) -> None:
    lines = [
        "2024年重点工作推进情况表",
        bar.join(["序号", "重点工作", "推进情况", plan, "责任单位"]),
        bar.join(["1", "新建学校3所", "已完成主体工程。", "加快内部装修。", "区教育局"]),
        bar.join(["2", "改造道路5条", "已完成2条。", "年底前全部完工。", "区住建局"]),
    ]
    table = extractor.parse_bytes(("\n".join(lines) + "\n").encode(), "t.txt").tables[0]
    assert [c.field for c in table.columns] == ["seq", "task", "progress", "plan", "lead_units"]
    assert [r.task for r in table.rows] == ["新建学校3所", "改造道路5条"]

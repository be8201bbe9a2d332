"""A row read done beside a column of the report period's own plan has done that period's step, not the
task (gold conventions: a finished sub-step or milestone is not the task): on_track, the plan set aside
with why. A plan for a later period, or a report at the year's end, changes nothing."""

from __future__ import annotations

import pytest

from extractor.models import Period, Status
from extractor.rules.cells import find_issues, find_statements
from extractor.rules.data import load
from extractor.rules.figures import extract_figures
from extractor.rules.status import row_status, vocabulary
from extractor.textnorm import match_view

APRIL = Period(text="2024年4月", source="title", start="2024-01-01", end="2024-04-30", elapsed=1 / 3)
Q2 = Period(text="2023年二季度", source="title", start="2023-01-01", end="2023-06-30", elapsed=0.5)
JUNE = Period(text="截至6月底", source="title", start="2025-01-01", end="2025-06-30", elapsed=0.5)
YEAR = Period(text="2024年", source="title", start="2024-01-01", end="2024-12-31", elapsed=1.0)


def _status(cells: dict[str, str], headers: dict[str, str], period: Period | None) -> Status:
    progress = cells.get("progress", "")
    issues = find_issues(progress, "progress")
    statements = find_statements(progress, "progress", issues)
    figures = [*extract_figures(cells.get("task", ""), "task", None), *extract_figures(progress, "progress", None)]
    return row_status(cells, figures, statements, issues, period, headers=headers)


MONTHLY = (
    {
        "task": "为全县60岁以上老年人免费接种流感疫苗24723人。",
        "plan": "4月：制定并下发老年人免费接种流感疫苗工作方案。",
        "progress": "已完成。已制定并下发工作方案。",
    },
    {"task": "task", "plan": "月度工作计划", "progress": "落实情况"},
)


def test_a_done_answering_the_months_plan_is_the_task_moving() -> None:
    status = _status(*MONTHLY, APRIL)
    assert status.value == "on_track"
    assert status.evidence and status.evidence[0].text == "已完成"  # what was read stays the evidence
    (aside,) = [a for a in status.set_aside if a.item.field == "plan"]
    assert aside.item.text.startswith("4月") and "this period's plan" in aside.reason


@pytest.mark.parametrize(
    ("header", "period", "value"),
    [
        ("第二季度任务目标", Q2, "on_track"),  # the quarter reported
        ("第二季度任務目標", Q2, "on_track"),  # traditional script
        ("本月工作計劃", APRIL, "on_track"),
        ("4 月工作计划", APRIL, "on_track"),
        ("7月工作计划", JUNE, "done"),  # the next month's plan: says nothing of what the done answers
        ("下月计划", APRIL, "done"),
        ("第三季度任务目标", Q2, "done"),
        ("月度工作计划", YEAR, "done"),  # at the year's end the last step may be the whole task
        ("月度工作计划", None, "done"),  # no report date: nothing to say which period the plan is
        ("年度目标", APRIL, "done"),  # the year's target is the task's, not a step of it
    ],
)
def test_which_plan_columns_hold_the_periods_step(header: str, period: Period | None, value: str) -> None:
    cells = {"task": "新建社区食堂3个。", header: "完成选址并开工建设。", "progress": "项目已建成投用。"}
    headers = {"task": "目标任务", header: header, "progress": "进展情况"}
    assert _status(cells, headers, period).value == value


def test_a_status_column_saying_done_beside_the_quarters_target_is_on_track() -> None:
    cells = {
        "task": "拓宽村集体增收路径。",
        "第二季度任务目标": "村集体经济收入超过10万元的村达到55%。",
        "progress": "截至目前，村集体经济收入超过10万元的村86个，占比61%。",
        "status": "完成",
    }
    headers = {"task": "年度目标", "第二季度任务目标": "第二季度任务目标", "progress": "进展情况", "status": "是否完成"}
    assert _status(cells, headers, Q2).value == "on_track"


def test_other_states_are_left_as_read() -> None:
    cells = {"task": "新建社区食堂3个。", "plan": "4月：完成选址。", "progress": "项目推进缓慢。"}
    assert _status(cells, {"plan": "月度工作计划"}, APRIL).value == "behind"


@pytest.mark.parametrize("name", ["period_plan", "later_plan"])
def test_the_plan_vocabularies_find_their_examples_only(name: str) -> None:
    entry = load("status")["vocabulary"][name]
    assert entry["examples"] and entry["counter_examples"]
    for text in entry["examples"]:
        assert vocabulary(name).search(match_view(text)), text
    for text in entry["counter_examples"]:
        assert not vocabulary(name).search(match_view(text)), text

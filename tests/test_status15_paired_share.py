"""A share computed from a pair (the progress's actual over the task's total) is held against the schedule
only when it can be a measure of the task: an actual past twice the target counts another subject or
scale, and one under a quarter of the schedule's share answers a total of a wider scope (a city's target
copied into a district's report). Both are set aside with why; a stated share is always held."""

from __future__ import annotations

import pytest

from extractor.models import Period, Status
from extractor.rules.cells import find_issues, find_statements
from extractor.rules.figures import extract_figures
from extractor.rules.status import row_status

JAN_SEP = Period(text="1-9月", source="title", elapsed=0.75)
H1 = Period(text="上半年", source="title", elapsed=0.5)


def _status(task: str, progress: str, period: Period | None) -> Status:
    issues = find_issues(progress, "progress")
    statements = find_statements(progress, "progress", issues)
    figures = [*extract_figures(task, "task", "全区"), *extract_figures(progress, "progress", "全区")]
    return row_status({"task": task, "progress": progress}, figures, statements, issues, period)


def _aside(status: Status) -> dict[str, str]:
    return {a.item.text: a.reason for a in status.set_aside}


@pytest.mark.parametrize(
    ("task", "progress"),
    [
        ("城镇新增就业21万人。", "城镇新增就业24277人。"),  # 11.6% at three quarters of the year
        ("城鎮新增就業21萬人。", "城鎮新增就業24277人。"),
        ("完成固定资产投资100亿元。", "完成固定资产投资 8 亿元。"),
    ],
)
def test_a_paired_share_far_under_the_schedule_is_no_measure_of_the_task(task: str, progress: str) -> None:
    status = _status(task, progress, JAN_SEP)
    assert status.value != "behind"
    assert status.completion is None
    assert any("wider scope" in reason for reason in _aside(status).values())


def test_an_actual_past_twice_the_target_counts_something_else() -> None:
    status = _status("新建5G基站30个。", "建成5G基站100个。", JAN_SEP)
    assert status.value != "done"
    assert any("another subject or scale" in reason for reason in _aside(status).values())


@pytest.mark.parametrize(
    ("task", "progress", "period", "value"),
    [
        ("新建5G基站300个。", "建成5G基站100个。", JAN_SEP, "behind"),  # a third at three quarters: behind
        ("完成固定资产投资100亿元。", "完成固定资产投资30亿元。", H1, "behind"),  # 0.3 >= 0.25 x 0.5: held
        ("新建5G基站300个。", "建成5G基站310个。", JAN_SEP, "done"),
        ("新建5G基站300个。", "建成5G基站600个。", JAN_SEP, "done"),  # twice the target, not past it
    ],
)
def test_shares_within_scale_are_held(task: str, progress: str, period: Period, value: str) -> None:
    status = _status(task, progress, period)
    assert status.value == value
    assert "figure.share" in {e.rule for e in status.evidence}


def test_a_stated_share_far_under_the_schedule_is_held() -> None:
    # the document's own share (完成年计划的9.4%) is no pairing: it is always compared
    status = _status("完成投资10亿元。", "完成年计划的9.4%。", JAN_SEP)
    assert (status.value, status.completion) == ("behind", pytest.approx(0.094))

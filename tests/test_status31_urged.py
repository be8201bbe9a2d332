"""Issue 13 (status31): a progress that only urges others to act soon (督促…尽快安排道路硬化, 要求…尽快设立
保护标志) or states what ought to be (应当, 应切实) says the task's act is still asked for: not started,
not on track. Work said done or going on beside the urging (已完成硬化2公里, 目前正在施工), or urging to
speed up work under way (加快施工进度), is no such row. Case tables vary script, width and spacing."""

from __future__ import annotations

import pytest

from tests.conftest_helpers import status_of_row


@pytest.mark.parametrize(
    ("task", "progress"),
    [
        ("土路未硬化问题", "已在7月16日推进会上，对照问题清单再次督促施工单位尽快安排道路硬化，同时要求村委主动对接。"),
        ("土路未硬化問題", "已在7月16日推進會上，對照問題清單再次督促施工單位儘快安排道路硬化。"),  # traditional
        ("土路未硬化问题", "已在7月16日推进会上,再次督促施工单位 尽快 安排道路硬化."),  # half width, spaced
        (
            "部分村落未设立保护标志",
            "我局已督促有关乡镇履行主体责任，要求有关乡镇尽快设立保护标志。一是保护规划应当符合村落实际。"
            "二是有关乡镇应切实加强保护和管理。",
        ),
    ],
)
def test_a_progress_that_only_urges_is_not_started(task: str, progress: str) -> None:
    status = status_of_row(progress, task)
    assert status.value == "not_started"
    assert {e.rule for e in status.evidence} == {"not_started.urged"}


@pytest.mark.parametrize(
    ("progress", "value"),
    [
        ("目前已完成硬化2公里，督促施工单位尽快完成剩余路段。", "on_track"),  # work done before the urging
        ("已完成硬化2公里。督促施工单位尽快完成剩余路段。", "on_track"),  # a sentence of work done
    ],
)
def test_urging_beside_work_reported_is_no_urging_only(progress: str, value: str) -> None:
    assert status_of_row(progress, "道路硬化").value == value


@pytest.mark.parametrize(
    "progress",
    ["督促施工单位加快施工进度，已完成硬化2公里。", "督促施工單位加快施工進度。"],  # speeding up work under way
)
def test_urging_to_speed_up_is_not_read_as_not_started(progress: str) -> None:
    assert status_of_row(progress, "道路硬化").value != "not_started"

"""Shortfall readings in their general form (issue 13, status30): the work named before its impact
(施工进度受到一定影响), a gap to the plan said by comparison (与计划相比差距较大), a completion progress said
low (完成进度较低), the builders gone from the site (施工单位已撤场: a stop)."""

from __future__ import annotations

import pytest

from extractor.models import Period
from tests.conftest_helpers import status_of_row

Q3 = Period(text="1-9月", source="title", elapsed=0.75)


@pytest.mark.parametrize(
    ("progress", "value"),
    [
        ("受雨季影响,施工进度受到一定影响。", "behind"),
        ("受雨季影響，施工進度受到一定影響。", "behind"),  # traditional, full width
        ("因天气原因，部分路段施工受到影响。", "behind"),
        ("路基已完成，工期受到较大影响。", "behind"),
        ("与计划相比差距较大。", "behind"),
        ("與計劃相比 ，仍有差距 。", "behind"),  # spaced
        ("目前完成进度较低。", "behind"),
        ("支出進度偏低。", "behind"),
        ("施工单位已撤场。", "stalled"),
        ("施工隊伍已撤場，項目停滯。", "stalled"),
    ],
)
def test_a_shortfall_in_its_general_form(progress: str, value: str) -> None:
    assert status_of_row(progress, "某道路建设项目", Q3).value == value


@pytest.mark.parametrize(
    "progress",
    [
        "施工进度未受到影响，进展顺利。",
        "工期未受影響。",
        "与计划相比无差距，进展顺利。",
        "施工单位未撤场，正在施工。",
        "撤并学校3所。",
    ],
)
def test_no_impact_no_gap_no_stop_is_no_shortfall(progress: str) -> None:
    assert status_of_row(progress, "某道路建设项目", Q3).value not in ("behind", "stalled")

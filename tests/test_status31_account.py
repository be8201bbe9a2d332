"""Issue 13 (status31): a year's account — a title naming an account of results (任务完成情况, 工作总结,
工作回顾: status.toml account_title) over a report dated at or after the year's end — tells what was done:
an item with no progress cell whose task sentences report work is done, not unknown. A plan's title, a
mid-year account, a sentence that still asks (确保, 力争, 计划) or a row with a progress cell are read as
before. Case tables vary script, width and spacing."""

from __future__ import annotations

import pytest

from extractor.rules.dates import find_period
from extractor.rules.status import row_status

YEAR_END = find_period("截至2020年12月31日")
MID_YEAR = find_period("2020年1-6月")
ACCOUNT = "某市公路养护中心2020年政府任务完成情况"


def _status(task: str, title: str = ACCOUNT, period=YEAR_END, progress: str = ""):
    cells = {"task": task, "progress": progress}
    status = row_status(cells, [], [], [], period, headings=[title])
    for item in status.evidence:
        assert cells[item.field][item.span[0] : item.span[1]] == item.text
    return status


@pytest.mark.parametrize(
    "task",
    [
        "完成107国道新市段3km大修，完成永红桥拆除重建工程。",
        "完成107國道新市段3km大修，完成永紅橋拆除重建工程。",  # traditional
        "完成107国道新市段３km大修, 完成永红桥拆除重建工程.",  # full width digit, half-width marks
        "对某村进行帮扶，改变村部面貌，铺设沥青路面，建秀美乡村。",
        "交通顽瘴痼疾整治工作中，按省市要求仔细查处，整治到位。",
    ],
)
def test_an_item_of_a_years_account_that_reports_work_is_done(task: str) -> None:
    assert _status(task).value == "done"


@pytest.mark.parametrize(
    ("task", "title", "period", "progress", "value"),
    [
        # a plan's title: the task asks
        ("完成107国道新市段3km大修。", "2020年市政府重点工作及责任分解", YEAR_END, "", "unknown"),
        # a mid-year account: the task may still be under way
        ("完成107国道新市段3km大修。", "2020年上半年任务完成情况", MID_YEAR, "", "unknown"),
        # no report date: no year's end
        ("完成107国道新市段3km大修。", ACCOUNT, None, "", "unknown"),
        # a sentence that still asks
        ("确保完成107国道新市段3km大修。", ACCOUNT, YEAR_END, "", "unknown"),
        ("计划明年完成107国道新市段大修。", ACCOUNT, YEAR_END, "", "unknown"),
        # a progress cell: its report decides, as before
        ("107国道新市段大修", ACCOUNT, YEAR_END, "正在进行路面铺设。", "on_track"),
    ],
)
def test_what_is_no_years_account_is_read_as_before(
    task: str, title: str, period: object, progress: str, value: str
) -> None:
    assert _status(task, title, period, progress).value == value

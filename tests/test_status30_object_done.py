"""A completion claim read against the task (issue 13, status30): 已完成36个文明示范楼道建设 finishes a task
of 文明楼道整治; 已建成9座 of 建成15座 does not; a claim of a part, a share, an amount, a tally of people
served, a cut cell or a task worded as an effort kept up is no whole task done. The examples of
data/status.toml [object_done] are rows read here, with variants of script, width and spacing."""

from __future__ import annotations

import pytest

from extractor.models import Period
from extractor.rules.data import load
from tests.conftest_helpers import status_of_row

DATA = load("status")["object_done"]


@pytest.mark.parametrize("case", DATA["examples"] + DATA["counter_examples"], ids=lambda c: c["progress"][:16])
def test_the_object_done_examples_read_as_their_data_says(case: dict) -> None:
    assert status_of_row(case["progress"], case["task"]).value == case["value"]


@pytest.mark.parametrize(
    ("task", "progress"),
    [
        ("社区文明楼道整治工程", "已完成36个文明示范楼道建设。"),
        ("社區文明樓道整治工程", "已完成36個文明示範樓道建設。"),  # traditional
        ("社区文明楼道整治工程", "已完成 36 个 文明示范楼道建设 。"),  # spaced
        ("社区文明楼道整治工程", "已完成３６个文明示范楼道建设；"),  # full-width digits, another end
        ("某村外围车位规划项目", "公安局经公开招投标共规划466个车位，目前已完成划线。"),
        ("建成15座污水处理站", "全县已建成15座污水处理站。"),
        ("建成15座污水处理站", "全县已建成16座污水处理站。"),  # more than asked
    ],
)
def test_a_claim_on_the_tasks_own_object_ending_the_report_is_done(task: str, progress: str) -> None:
    status = status_of_row(progress, task)
    assert status.value == "done"
    assert {e.rule for e in status.evidence} <= {"done.object", "done.part"}


@pytest.mark.parametrize(
    ("task", "progress", "value"),
    [
        ("建成15座污水处理站", "已建成9座污水处理站。", "on_track"),  # fewer than asked
        ("建成15座汙水處理站", "已建成 9 座汙水處理站。", "on_track"),
        ("社区文明楼道整治工程", "已完成36个文明示范楼道建设", "on_track"),  # no sentence end: maybe cut
        ("社区文明楼道整治工程", "已完成36个文明示范楼道建设，正在推进其余楼道改造。", "on_track"),  # more work after
        ("社区文明楼道整治工程", "其中已完成36个文明示范楼道建设。", "on_track"),  # a part
        ("社区文明楼道整治工程", "主体已基本完成，已完成36个文明示范楼道建设。", "on_track"),  # 基本 in the row
        ("开展结直肠癌筛查", "已完成342384例结直肠癌筛查。", "on_track"),  # a tally of people served
        ("某道路建设项目", "已完成投资800万元。", "on_track"),  # an amount
        ("加快推进文明楼道整治", "已完成36个文明示范楼道建设。", "on_track"),  # an effort, no finish line
        ("提升养老服务水平", "已完成养老服务中心建设。", "on_track"),
        ("某小区停车场建设", "已完成停车场选址。", "not_started"),  # preparation only
    ],
)
def test_a_claim_that_is_no_whole_task_done_is_not_done(task: str, progress: str, value: str) -> None:
    assert status_of_row(progress, task).value == value


def test_a_claim_asked_for_is_no_claim() -> None:
    progress = "住建局督办供暖公司供暖期完成室温提升整改。"
    assert status_of_row(progress, "某社区取暖期室温改造项目").value != "done"


def test_a_done_count_short_of_the_task_mid_year_stays_below_done() -> None:
    half = Period(text="1-6月", source="title", elapsed=0.5)
    status = status_of_row("已建成9座污水处理站。", "建成15座污水处理站", half)
    assert status.value != "done"
    assert "on_track.step_subject" in {e.rule for e in status.evidence} | {a.item.rule for a in status.set_aside}

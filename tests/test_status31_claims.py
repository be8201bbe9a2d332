"""Issue 13 (status31): completion claims the row's text makes without the words the cues knew — a
count that meets the task's own (已完成20个 of 改造老旧小区20个), a claim after a time adverbial (截至12月底，
已完成…: the date is no subject naming another object), 建设完毕 — and a part of the works finished (主体
建设完毕, 土建已完工), which is a step: work moving, not unknown. Case tables vary script, width and spacing."""

from __future__ import annotations

import pytest

from tests.conftest_helpers import status_of_row


@pytest.mark.parametrize(
    ("task", "progress", "value"),
    [
        ("改造老旧小区20个", "已完成20个。", "done"),  # the task's count, its measure
        ("改造老舊小區20個", "已完成20個。", "done"),  # traditional
        ("改造老旧小区20个", "已完成 ２０ 个；", "done"),  # full-width digits, spacing, another end
        ("改造老旧小区20个", "已完成12个。", "on_track"),  # fewer than asked
        ("改造老旧小区20个", "已完成12户。", "on_track"),  # another measure
        ("改造老旧小区20个", "截至12月底，已完成20个老旧小区改造任务。", "done"),  # a time adverbial first
        ("改造老舊小區20個", "截至12月底，已完成老舊小區改造20個。", "done"),
        ("改造老旧小区20个", "截至12月底，已完成老旧小区改造12个。", "behind"),  # 60% at the year's end
        ("改造老旧小区20个", "截至12月底，城东街道已完成社区服务中心建设。", "on_track"),  # another object
        ("建设城东污水处理厂", "项目建设完毕。", "done"),
        ("建設城東汙水處理廠", "項目建設完畢。", "done"),
    ],
)
def test_a_claim_that_meets_the_task_is_done(task: str, progress: str, value: str) -> None:
    assert status_of_row(progress, task).value == value


@pytest.mark.parametrize(
    ("progress", "value"),
    [
        ("主体建设完毕。", "on_track"),  # was unknown: a part finished is a step with standing
        ("主體結構已封頂。", "on_track"),
        ("土建工程已完工，正在进行设备安装。", "on_track"),
        ("基础工程 已 完工 。", "on_track"),
        ("主体工程已完成60%。", "on_track"),  # a share: read as a share, not a part done
        ("主體完成後，進行了裝修並投入使用。", "done"),  # 后: a condition, not a part reported
        ("项目已全部竣工。", "done"),
    ],
)
def test_a_part_of_the_works_finished_is_a_step(progress: str, value: str) -> None:
    status = status_of_row(progress, "建设城东污水处理厂")
    assert status.value == value


@pytest.mark.parametrize(
    ("progress", "value"),
    [
        ("顺利完成项目主体变更，确保项目建设不停工。", "on_track"),  # an object of its own: a step
        ("順利完成項目主體變更。", "on_track"),  # traditional
        ("如期完成土地征收 。", "on_track"),  # spaced end
        ("项目按计划完成。", "done"),  # no object: the task
        ("如期完成建设任务；", "done"),  # the whole's object
        ("順利完成驗收。", "done"),
    ],
)
def test_completed_smoothly_with_an_object_of_its_own_is_a_step(progress: str, value: str) -> None:
    assert status_of_row(progress, "某安置房建设项目").value == value

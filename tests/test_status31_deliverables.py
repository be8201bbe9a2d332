"""Issue 13 (status31): a document or body the task itself asks to issue or set up (制定出台《…办法》,
组建…中心), said issued or set up (已出台, 印发了, 正式挂牌), is the task done; the same words under a task
to build something, a draft, or a task of keeping a document publicised are not. A document's name
(《…管理办法》) asks no continuing 管理. Case tables vary script, width and spacing."""

from __future__ import annotations

import pytest

from tests.conftest_helpers import status_of_row


@pytest.mark.parametrize(
    ("task", "progress"),
    [
        ("制定出台《农村宅基地管理办法》", "已出台《农村宅基地管理办法》。"),
        ("制定出台《農村宅基地管理辦法》", "已出臺《農村宅基地管理辦法》。"),  # traditional
        ("制定出台《农村宅基地管理办法》", "《农村宅基地管理办法》已印发实施。"),  # subject first
        ("制定出台《农村宅基地管理办法》", "印发了《农村宅基地管理办法》；"),  # 了, another end
        ("研究制定《人才引进若干措施》", "市委 市政府 已 印发 《人才引进若干措施》 。"),  # spaced
        ("修订《物业管理条例》", "《物业管理条例》（修订）已颁布。"),  # full-width brackets
        ("组建区融媒体中心", "区融媒体中心已于3月正式挂牌。"),
        ("組建區融媒體中心", "區融媒體中心已於３月正式掛牌。"),  # traditional, full-width digit
    ],
)
def test_the_tasks_own_deliverable_issued_is_done(task: str, progress: str) -> None:
    status = status_of_row(progress, task)
    assert status.value == "done"
    assert {e.rule for e in status.evidence} <= {"done.object", "done.part"}


@pytest.mark.parametrize(
    ("task", "progress", "value"),
    [
        ("建设城市智慧停车平台", "已印发《智慧停车平台建设方案》。", "on_track"),  # a plan for it: a step
        ("建设城市智慧停车平台", "已出台智慧停车平台管理办法。", "on_track"),  # the task asks no document
        ("制定出台《农村宅基地管理办法》", "已出台《农村宅基地管理办法》征求意见稿，正在征求意见。", "on_track"),
        ("制定出台《农村宅基地管理办法》", "已起草《农村宅基地管理办法》。", "on_track"),  # drafted, not issued
        ("加强《农村宅基地管理办法》宣传", "已出台《农村宅基地管理办法》。", "on_track"),  # an effort kept up
        ("制定出台《农村宅基地管理办法》", "拟于9月出台《农村宅基地管理办法》。", "unknown"),  # a plan
    ],
)
def test_an_issue_that_is_not_the_tasks_deliverable_is_not_done(task: str, progress: str, value: str) -> None:
    assert status_of_row(progress, task).value == value


@pytest.mark.parametrize(
    ("task", "progress", "value"),
    [
        ("举办农民丰收节", "9月23日成功举办农民丰收节。", "done"),
        ("舉辦農民豐收節", "已成功舉辦農民豐收節。", "done"),  # traditional
        ("召开全市招商大会", "4月 已 召开 全市招商大会 。", "done"),  # spaced
        ("开通城乡公交线路5条", "已开通城乡公交线路５条。", "done"),  # full-width digit
        ("招聘教师200名", "已招聘教师200名。", "done"),
        ("招聘教师200名", "已招聘教师120名。", "on_track"),  # fewer than asked: a step
        ("开通城乡公交线路5条", "已开通城乡公交线路3条。", "on_track"),
        ("召开全市招商大会", "已召开全市招商大会筹备会。", "not_started"),  # preparation
        ("举办农民丰收节", "已召开筹备会议。", "not_started"),  # another act, preparation
        ("召开全市招商大会", "计划于10月召开全市招商大会。", "unknown"),  # a plan
    ],
)
def test_the_tasks_own_one_off_act_said_done(task: str, progress: str, value: str) -> None:
    assert status_of_row(progress, task).value == value

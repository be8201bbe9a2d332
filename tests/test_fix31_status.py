"""fix31 (status): the mechanisms behind review31's status findings, on cases beyond the review's own.

- an issued document is the task's only when it names the task's head noun (status.toml document_head);
  a draft (征求意见稿, 草案, 送审稿) issued is a step;
- the measures of events held (场, 次, 期, 轮, 届) count: fewer held than the task asks is a step;
- a count of a survey (摸底调查) is a preparation, not the works' count;
- a task sentence of a year's account in a plan's mood (将继续, 进一步, 着力, 全面推进), reporting no
  count, is no work done;
- a side column of the task's measures or plan (推进举措, 工作措施, 实施计划) gives no status evidence.
Cases vary script, width and spacing."""

from __future__ import annotations

import pytest

from extractor.rules.dates import find_period
from extractor.rules.status import _issued_document, _plan_sentence, row_status
from extractor.textnorm import match_view
from tests.conftest_helpers import status_of_row


@pytest.mark.parametrize(
    ("issued", "task", "expected"),
    [
        ("工作通知。", "印发实施方案", "other"),
        ("《关于推进垃圾分类的实施意见》", "制定出台垃圾分类实施方案", "other"),
        ("《垃圾分類管理辦法（草案）》", "制定出台垃圾分类管理办法", "step"),
        ("《物业管理条例》送审稿", "修订物业管理条例", "step"),
        ("《城东片区改造实施方案》。", "印发城东片区改造实施方案", None),
        ("《关于印发城东片区改造实施方案的通知》", "印发城东片区改造实施方案", None),  # the wrapper names it
        ("", "印发实施方案", None),  # no document named: the task's
    ],
)
def test_an_issued_document_is_the_tasks_only_by_its_head_noun(issued: str, task: str, expected: str | None) -> None:
    assert _issued_document(match_view(issued), match_view(task)) == expected


@pytest.mark.parametrize(
    ("task", "progress", "value"),
    [
        ("制定出台《垃圾分类管理办法》", "已印发《垃圾分类管理办法》。", "done"),
        ("制定出臺《垃圾分類管理辦法》", "已印發《垃圾分類管理辦法》.", "done"),
        ("制定出台《垃圾分类管理办法》", "已印发垃圾分类工作通知。", "on_track"),
        ("制定出台《垃圾分类管理办法》", "已出台《垃圾分类管理办法（草案）》。", "on_track"),
        ("举办技能培训班4期", "已举办技能培训班 2 期。", "on_track"),
        ("举办技能培训班4期", "已举办技能培训班4期。", "done"),
        ("召開專題會議３次", "已召開專題會議１次。", "on_track"),
    ],
)
def test_the_act_reading_holds_the_tasks_document_and_count(task: str, progress: str, value: str) -> None:
    assert status_of_row(progress, task).value == value


def test_a_count_of_a_survey_is_no_share_of_the_works() -> None:
    status = status_of_row("已完成15户的入户调查。", "改造农村危房15户")
    assert status.value != "done"
    assert not any(e.rule == "figure.share" for e in status.evidence)


YEAR_END = find_period("截至2020年12月31日")
ACCOUNT = "某市公路养护中心2020年政府任务完成情况"


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        ("2021年将继续推进道路大修。", True),
        ("全面推进河长制工作。", True),
        ("進一步加強道路養護管理。", True),
        ("进一步加强道路养护，完成道路大修20公里。", False),  # a count: what the year did
        ("完成107国道大修。", False),
        ("截至年底，已继续推进道路大修。", False),  # a report's mood
    ],
)
def test_a_sentence_in_the_plan_mood_is_told_from_a_report(text: str, plan: bool) -> None:
    assert _plan_sentence(text) is plan


def test_a_years_account_still_reads_work_done_beside_plan_words() -> None:
    cells = {"task": "进一步加强道路养护，完成道路大修20公里。", "progress": ""}
    assert row_status(cells, [], [], [], YEAR_END, headings=[ACCOUNT]).value == "done"


@pytest.mark.parametrize("header", ["工作措施", "主要舉措", "实施计划"])
def test_a_measures_column_gives_no_evidence(header: str) -> None:
    cells = {"task": "改造老旧供水管网", header: "全面完成管网铺设8公里，力争提前完工"}
    status = row_status(cells, [], [], [], find_period("2023年1-6月"), headings=["2023年重点工作安排"])
    assert status.value == "unknown", [(e.field, e.text, e.rule) for e in status.evidence]


def test_a_report_column_is_still_read() -> None:
    cells = {"task": "改造老旧供水管网", "措施落实情况": "已全面完成管网铺设8公里。"}
    status = row_status(cells, [], [], [], find_period("2023年1-6月"), headings=["2023年重点工作安排"])
    assert status.value == "done"

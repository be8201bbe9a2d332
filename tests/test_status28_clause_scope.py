"""Issue 13 (status28): a forecast, plan or condition marker governs the rest of its clause chain, up to a
sentence break or a report marker that opens a report again (status._forecast_scope); a count's share in
brackets is a completion share; a task that is itself preparation has no part "not started"."""

from __future__ import annotations

import pytest

from extractor.plain import Period
from extractor.rules.status import _forecast_scope, prose_verdict, row_status
from extractor.textnorm import match_view

JAN_SEP = Period(text="1-9月", source="title", elapsed=0.75)


def _status(progress: str, task: str = "建设某项目", period: Period | None = None):
    return row_status({"task": task, "progress": progress}, [], [], [], period)


@pytest.mark.parametrize(
    ("text", "word", "ahead"),
    [
        ("已完成施工招标，预计5月底进场施工，9月底完工。", "完工", True),
        ("已完成施工招标,预计5月底进场施工,9月底完工", "完工", True),
        ("已完成施工招標，預計5月底進場施工，9月底完工。", "完工", True),
        ("已完成施工招标，预计5月底进场施工，9月底完工。", "已完成", False),
        ("预计年底完工，目前已完成主体施工。", "已完成", False),
        ("预计年底完工。主体已完工。", "主体已", False),  # a sentence break ends the forecast
        ("计划于6月开工，8月底 竣工", "竣工", True),
        ("按计划推进，已完工", "已完工", False),  # 按计划 is no plan of what is to come
        ("待资金到位后开工，年底建成", "建成", True),
    ],
)
def test_a_forecast_governs_the_rest_of_its_clause_chain(text: str, word: str, ahead: bool) -> None:
    view = match_view(text)
    assert _forecast_scope(view, view.index(match_view(word))) is ahead


@pytest.mark.parametrize(
    ("task", "progress"),
    [
        ("继续实施住宅小区改造", "已完成施工招标，预计5月底进场施工，9月底完工。"),
        ("繼續實施住宅小區改造", "已完成施工招標，預計5月底進場施工，9月底完工。"),
        ("改造供热老旧管网", "已完成项目备案,确定工程实施方案,正在办理前期手续,预计7月进场施工,10月中旬前完工。"),
        (
            "实施二次供水改造",
            "甲项目已完成招投标工作，正在办理破路等前期手续，预计6月份进场施工，8月底完工；乙项目已确定改造方案，预计7月份进场施工，9月底完工。",
        ),
    ],
)
def test_works_only_forecast_after_preparation_are_not_started(task: str, progress: str) -> None:
    status = _status(progress, task)
    assert status.value == "not_started"
    assert {e.rule for e in status.evidence} == {"not_started.preparation"}


def test_the_report_clause_of_a_forecast_sentence_is_read() -> None:
    # records reads the sentence as a forecast by its first marker; 目前 opens a report again
    status = _status("预计年底完工，目前已完成主体施工。")
    assert status.value == "on_track"
    assert "已完成" in {e.text for e in status.evidence}


@pytest.mark.parametrize(
    "progress",
    ["这5项预计10月底前全部完成。", "這5項預計10月底前全部完成", "力争年底前全部完成，全面竣工。"],
)
def test_a_done_that_is_only_forecast_is_no_done(progress: str) -> None:
    assert _status(progress).value != "done"


@pytest.mark.parametrize(
    "progress",
    [
        "一期已建成，二期计划6月开工。",
        "道路已完工，预计9月底竣工验收。",
        "水厂建设基本完成,预计年底可投产;管网工程已竣工通水。",
    ],
)
def test_a_done_beside_works_yet_to_come_is_work_moving(progress: str) -> None:
    status = _status(progress)
    assert status.value == "on_track"
    assert any(a.reason.startswith("works are yet to come") for a in status.set_aside)


@pytest.mark.parametrize(
    ("progress", "value", "share"),
    [
        ("截至9月底，已完成1个(50%)", "behind", 0.5),
        ("截至9月底,已完成120条（95％）", "on_track", 0.95),
        ("截至9月底，已送230场 (87%)", "on_track", 0.87),
        ("截至9月底，已完成4769人(51.2%)", "behind", 0.512),
        ("截至9月底，正在施工中（75%）", "on_track", 0.75),
    ],
)
def test_a_share_in_brackets_after_a_count_is_held_against_the_time_elapsed(
    progress: str, value: str, share: float
) -> None:
    status = _status(progress)
    assert (status.value, status.completion, status.schedule) == (value, pytest.approx(share), 0.75)


def test_a_share_below_100_is_never_done() -> None:
    # 已完成 names a count done, the bracket says it is half the task's: not the task done
    status = _status("已完成1个(50%)", "2个嵌入式养老机构建设", JAN_SEP)
    assert status.value == "behind"


def test_a_percent_that_measures_a_noun_is_no_share_of_the_task() -> None:
    status = _status("截至11月16日，完成65%常住人口接种新冠疫苗任务。", "抓好疫情防控")
    assert status.completion is None
    assert status.value != "behind"


@pytest.mark.parametrize("task", ["重点前期项目", "推进项目前期工作"])
def test_a_task_of_preparation_has_no_part_not_started(task: str) -> None:
    assert _status("已开工2项，完成投资0.4亿元，其他项目正在推进相关前期工作。", task).value == "on_track"


def test_a_remainder_only_prepared_beside_works_is_still_behind() -> None:
    status = _status("已开工2项，其他项目正在推进相关前期工作。", "建设10个重点项目")
    assert status.value == "behind"


@pytest.mark.parametrize(
    "paragraphs",
    [
        ["预计到年底，各项目全部完成。"],
        ["預計到年底，各項目全部完成。"],
        ["如果资金及时到位,今年实事项目全部完成"],
    ],
)
def test_a_prose_verdict_under_a_forecast_of_its_sentence_is_none(paragraphs: list[str]) -> None:
    assert prose_verdict(paragraphs) is None


def test_a_state_after_a_plan_naming_the_items_is_still_a_verdict() -> None:
    verdict = prose_verdict(["今年计划实施的10件民生实事，均按时序推进。"])
    assert verdict == "均按时序推进"


def test_a_prose_verdict_after_a_forecast_sentence_still_counts() -> None:
    assert prose_verdict(["预计明年再建10个。2017年度11件民生实事共有20个子项，全部完成。"]) == "全部完成"


@pytest.mark.parametrize(
    ("progress", "value"),
    [
        ("项目全部竣工并通过了总体验收", "done"),
        ("力争年底全部竣工。", "unknown"),  # the same words forecast: nothing done yet
        ("力爭年底全部竣工，已完成主體施工。", "on_track"),
        ("整改到位", "done"),
        ("整改尚未到位", "not done"),
    ],
)
def test_the_finished_family_is_read_where_it_reports(progress: str, value: str) -> None:
    if value == "not done":
        assert _status(progress).value != "done"
    else:
        assert _status(progress).value == value


@pytest.mark.parametrize(
    ("heading", "value"),
    [
        ("四、指标项目出现调整的有3项。因某种原因调整的项目是", "behind"),
        ("四、指標項目出現調整的有3項；因故調整的項目為", "behind"),
        ("二、进度滞后的项目。主要原因是资金不足", "behind"),
        ("二、任务推进情况。各项任务进展如下", None),  # a report title, in the first sentence too
    ],
)
def test_a_heading_that_goes_on_classifies_by_its_first_sentence(heading: str, value: str | None) -> None:
    from extractor.rules.status import status_rules

    assert status_rules().verdict.read_heading(heading) == value
    if value is not None:
        assert row_status({"task": "某项目", "progress": ""}, [], [], [], None, headings=[heading]).value == value

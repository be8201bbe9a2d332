"""Status mended after review 28a (tests/test_review28a.py): the report clauses of a forecast are read in
the progress cell only; a report marker reopens a report only in a clause after the forecast marker's and
not as an attributive 已…的; a completion asked for (要求, 督促, 限期) or aimed at (为…解决) is no done; a
bracketed share needs a count of the task's things before it, not money; a planned work reported done
after it by the same word (计划6月竣工，已于5月提前竣工) is no work still to come; a perfective 了 (进行了)
reopens a report after a condition (完成后).

Strings vary script (traditional), punctuation width and spacing.
"""

from __future__ import annotations

import pytest

from extractor.plain import Period
from extractor.rules.status import row_status

JAN_SEP = Period(text="1-9月", source="title", elapsed=0.75)


def _read(progress: str, task: str = "建设某项目", plan: str | None = None):
    cells = {"task": task, "progress": progress}
    if plan is not None:
        cells["plan"] = plan
    return row_status(cells, [], [], [], JAN_SEP)


# --- 1. the plan column and attributive 已…的 ---------------------------------------------------------


@pytest.mark.parametrize(
    "plan",
    ["對已建成投用的站點加強管理。", "对 已建成 投用的站点加强管理", "鞏固已竣工路段成效, 全面完成剩餘任務"],
)
def test_a_plan_cell_reports_nothing(plan: str) -> None:
    status = _read("主体施工中。", "建设社区服务站10个", plan)
    assert status.value == "on_track"
    assert all(e.field != "plan" for e in status.evidence)


@pytest.mark.parametrize(
    "progress",
    ["预计年底前，对已建成投用的站点全部完成改造。", "計劃年底前, 對已建成的站點全部完成改造"],
)
def test_an_attributive_yi_does_not_reopen_a_forecast(progress: str) -> None:
    assert _read(progress).value != "done"


@pytest.mark.parametrize(
    ("progress", "value"),
    [
        ("预计年底完工，目前已完成主体施工。", "on_track"),
        ("預計年底完工, 目前已完成主體施工", "on_track"),
        ("计划6月竣工，目前主体已完工。", "on_track"),
        ("一期已建成，二期计划6月开工。", "on_track"),
    ],
)
def test_a_report_clause_after_a_forecast_is_still_read(progress: str, value: str) -> None:
    assert _read(progress).value == value


# --- 3. a completion asked for or aimed at -----------------------------------------------------------


@pytest.mark.parametrize(
    ("progress", "task"),
    [
        ("已督促企業於6月底前全部完工。", "建设某道路"),
        ("已下发通知,要求 限期 整改到位", "整治某问题"),
        ("責令相關單位限期整改到位。", "整治某問題"),
        ("為了徹底解決積水問題, 新建泵站1座", "建设泵站3座"),
        ("项目全部竣工率90%。", "建设某道路"),
    ],
)
def test_a_demand_a_purpose_or_a_rate_is_no_done(progress: str, task: str) -> None:
    assert _read(progress, task).value != "done"


@pytest.mark.parametrize(
    "progress", ["已按要求整改到位。", "問題已整改到位", "有效解决了停车难问题。", "为100户居民安装路灯，已全部完工。"]
)
def test_a_completion_reported_stays_done(progress: str) -> None:
    assert _read(progress, "整治某问题").value == "done"


# --- 4. a report marker in the forecast's own clause --------------------------------------------------


@pytest.mark.parametrize(
    "progress", ["力爭截止年底全部建成。", "预计 截至年底 ，问题整改到位", "確保真正有效解決停車難問題"]
)
def test_a_time_phrase_or_a_word_inside_the_forecast_clause_does_not_reopen(progress: str) -> None:
    assert _read(progress).value != "done"


def test_a_report_clause_dated_after_the_forecast_is_read() -> None:
    status = _read("预计年底完工，截至9月底已完成80%。")
    assert (status.value, status.completion) == ("on_track", pytest.approx(0.8))


# --- 5. a bracketed share after money ------------------------------------------------------------------


@pytest.mark.parametrize("progress", ["已撥付資金 500 萬元 (50%)", "累计下达资金500万元（50％），正在施工。"])
def test_a_share_of_funds_is_no_completion(progress: str) -> None:
    status = _read(progress, "建设2个站点")
    assert (status.value, status.completion) == ("on_track", None)


@pytest.mark.parametrize(("progress", "share"), [("已硬化道路30公里（60%）", 0.6), ("已完成 4769 人 (51.2%)", 0.512)])
def test_a_share_of_a_count_or_a_length_is_read(progress: str, share: float) -> None:
    status = _read(progress, "建设某道路")
    assert (status.value, status.completion) == ("behind", pytest.approx(share))


# --- 6. a planned date already met; a past sequence ------------------------------------------------------


@pytest.mark.parametrize(
    "progress",
    [
        "该项目计划6月竣工，已于5月提前竣工并投入使用。",
        "該項目計劃6月竣工,已於5月提前竣工並投入使用",
        "原计划 6月 竣工 ，已于5月竣工。",
    ],
)
def test_a_plan_met_early_is_done(progress: str) -> None:
    assert _read(progress, "建设某道路").value == "done"


def test_a_plan_met_by_another_work_is_no_done() -> None:
    # the planned 竣工 is not the 主体 done: works still to come
    assert _read("计划6月竣工，主体已于5月完工。", "建设某道路").value == "on_track"


def test_a_perfective_le_reopens_a_report_after_a_condition() -> None:
    assert _read("主體完成後, 進行了裝修並投入使用。", "建设某中心").value == "done"
    # no 了: the fitting out and the opening are still to come
    assert _read("主体完成后，将进行装修并投入使用。", "建设某中心").value != "done"
    assert _read("主体完成后 进行装修并投入使用", "建设某中心").value != "done"

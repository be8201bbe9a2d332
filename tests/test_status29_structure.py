"""Status read from structure every publisher shares (issue 13, status29): the kind of a row's last
report sentence, and a verdict word opening a status or side column's cell."""

from __future__ import annotations

import pytest

from extractor.models import Period, Status
from extractor.rules.status import row_status
from tests.conftest_helpers import status_of_row

Q3 = Period(text="1-9月", source="title", elapsed=0.75)


def _status(progress: str, task: str = "做好政府信息公开", period: Period | None = None, **columns: str) -> Status:
    return status_of_row(progress, task, period, **columns)


# --------------------------------------------------------------------------------------------
# The last report sentence: a whole sentence of kind progress that no tier read is work reported


@pytest.mark.parametrize(
    "progress",
    [
        "本年度重点公开以下内容：一是我镇部分政务文件；二是各类通知类信息。",
        "本年度重點公開以下內容:一是我鎮部分政務文件;二是各類通知類信息.",  # traditional, half-width
        "本年度 重点公开以下内容: 一是我镇部分政务文件; 二是各类通知类信息 。",  # spaced
        "按省市要求，村部面貌焕然一新，群众满意度明显上升！",
        "本年度重点公开我镇部分政务文件和各类通知类信息",  # a cell with no sentence end: twelve Han, a clause
    ],
)
def test_a_whole_report_sentence_no_cue_reads_is_on_track(progress: str) -> None:
    status = _status(progress)
    assert status.value == "on_track"
    assert [e.rule for e in status.evidence] == ["on_track.last_report"]
    assert status.evidence[0].text == progress.strip()


@pytest.mark.parametrize(
    "progress",
    [
        "中小河流治理项目总体",  # a noun phrase cut short: no sentence
        "5月28日，由保密机要局两名同",
        "顺丰长三角南翼总部基",
        "鄞州 海曙 江东 江北 镇海 北仑 保税区 高新区 合计",  # a list of names, no clause
        "白果乡8 柏林沟镇8 朝阳乡5 陈江乡5 大朝乡6 丁家乡5 红岩镇5",
        "7.2",
        "无任务。",  # too short to report anything
        "下一步将开展验收工作。",  # a plan
        "该局目前尚缺设备，拟争取明年预算购置，购置后每月可供农政单位送验。",  # yet to come after 拟
        "年内完成43公里通村道路硬化。",  # a clause of what is yet to come
        "预计年底前全部建成投入使用。",  # a forecast
        "1-11月固定资产投资同比下降6.3%。",  # a figure read and set aside: an indicator, not work
    ],
)
def test_no_whole_report_sentence_stays_unknown(progress: str) -> None:
    status = _status(progress, task="固定资产投资")
    assert status.value == "unknown"
    assert not any(e.rule == "on_track.last_report" for e in status.evidence)


def test_the_last_statement_decides_not_an_earlier_one() -> None:
    # a report followed by a plan: what the row says last is what is yet to come
    status = _status("本年度重点公开了部分政务文件。下一步将继续做好信息公开工作。")
    assert not any(e.rule == "on_track.last_report" for e in status.evidence)


def test_the_last_report_never_outranks_a_cue() -> None:
    status = _status("施工进度缓慢，群众意见较大。", period=Q3)
    assert status.value == "behind"
    assert "on_track.last_report" not in [e.rule for e in status.evidence]


# --------------------------------------------------------------------------------------------
# A verdict word opening a status or side column's cell, explained after it


@pytest.mark.parametrize(
    ("columns", "value", "word"),
    [
        ({"status": "已完成。该项目于5月通过验收并投用"}, "done", "已完成"),
        ({"status": "已完成,该项目于5月通过验收并投用"}, "done", "已完成"),
        ({"status": "已完成，詳見附件"}, "done", "已完成"),
        ({"完成情况": "正常推进，目前已完成主体施工"}, "on_track", "正常推进"),
        ({"进度评价": "進度滯後：受雨季影響"}, "behind", "進度滯後"),
    ],
)
def test_a_cell_opening_with_a_verdict_word(columns: dict[str, str], value: str, word: str) -> None:
    status = _status("详见附件", task="建设某项目", **columns)
    assert status.value == value
    assert [e.text for e in status.evidence] == [word]
    assert status.evidence[0].rule == f"verdict.column.{value}"


@pytest.mark.parametrize(
    "columns",
    [
        {"status": "完成投资5亿元，占年度计划的60%"},  # a report, no verdict word opening it
        {"status": "完成前期工作，正在办理施工许可"},
    ],
)
def test_a_cell_opening_with_a_report_is_no_verdict(columns: dict[str, str]) -> None:
    status = _status("详见附件", task="建设某项目", period=Q3, **columns)
    assert not any(e.rule.startswith("verdict.column") for e in status.evidence)


def test_a_progress_cell_opening_with_a_status_word_is_read_by_its_cues() -> None:
    # the progress cell's first clause is no verdict: 已完成，二期正在推进 reads the second clause too
    status = _status("已完成一期，二期正在推进。", task="建设某项目")
    assert status.value == "on_track"
    assert not any(e.rule.startswith("verdict.column") for e in status.evidence)


# --------------------------------------------------------------------------------------------
# A start of the works planned after everything the progress reports: what is reported is preparation


@pytest.mark.parametrize(
    "progress",
    [
        "正在办理风评手续，预计9月底开工。",  # 风评 is in no list of preparation words
        "正在進行設計，預計下月開工。",
        "正在办理风评手续,预计9月底开工",
    ],
)
def test_a_start_planned_after_the_report_is_not_started(progress: str) -> None:
    status = _status(progress, task="自治区危险废物处置中心改扩建", period=Q3)
    assert status.value == "not_started"
    rules = {e.rule for e in status.evidence}
    assert rules == {"not_started.preparation", "not_started.planned"}


@pytest.mark.parametrize(
    ("progress", "value"),
    [
        ("主体正在施工，预计9月底竣工。", "on_track"),  # works begun: the forecast is of their end
        ("已完成设计，正在招标，预计年底开工，目前施工单位已进场。", "on_track"),  # a report after the start
        ("一期已建成，二期正在招标，预计下月开工。", "on_track"),  # a part done
    ],
)
def test_a_planned_start_beside_works_or_a_later_report_is_no_start_ahead(progress: str, value: str) -> None:
    status = _status(progress, task="建设某项目", period=Q3)
    assert status.value == value
    assert "not_started.planned" not in {e.rule for e in status.evidence}


# --------------------------------------------------------------------------------------------
# A number alone under the row's target column against a number alone as its actual

YEAR = Period(text="2015-16年度", source="title", elapsed=1.0)


def _columns(period: Period | None, **cells: str) -> Status:
    return row_status(cells, [], [], [], period, headers={k: k for k in cells})


@pytest.mark.parametrize(
    ("cells", "period", "value"),
    [
        # a level (a percent header) reaching its target in a finished year: a pledge met
        ({"task": "以印本形式交付的文件", "progress": "99", "目標(達到服務水平的百分比)": "95"}, YEAR, "done"),
        ({"task": "以印本形式交付的文件", "progress": "99", "目标(%)": "95"}, Q3, "on_track"),
        # totals: the share against the time elapsed
        ({"task": "新建公厕", "年度目标": "15", "progress": "9"}, Q3, "behind"),
        ({"task": "新建公厕", "年度目标": "15个", "progress": "12个"}, Q3, "on_track"),
        ({"task": "新建公厕", "年度目標": "15", "progress": "18"}, YEAR, "done"),
        # an actual column named so (实际完成值) with no progress cell
        ({"task": "公猪舍", "年初目标值(A)": "22.8", "实际完成值(B)": "22.8", "得分": "1"}, YEAR, "done"),
        # the gap column (高於/(低於)目標的百分比) is no second target
        ({"task": "非香港公司", "progress": "100", "目標": "95", "高於/(低於)目標的百分比": "5"}, YEAR, "done"),
    ],
)
def test_a_bare_actual_against_the_target_column(cells: dict[str, str], period: Period, value: str) -> None:
    status = _columns(period, **cells)
    assert status.value == value
    assert {e.rule for e in status.evidence} == {"figure.columns"}
    for item in status.evidence:
        assert cells[item.field][item.span[0] : item.span[1]] == item.text


@pytest.mark.parametrize(
    "cells",
    [
        {"task": "城镇登记失业率", "年度目标": "4.5", "progress": "3.9"},  # a rate indicator: direction untold
        {"task": "窗口办理时限", "目标(%)": "95", "progress": "90"},  # a level below target: floor or ceiling?
        {"task": "新建公厕", "年度目标": "15", "计划目标": "12", "progress": "9"},  # two targets: which?
        {"task": "新建公厕", "年度目标": "15个", "progress": "9座"},  # another unit
        {"task": "新建公厕", "年度目标": "2024", "progress": "9"},  # a year, no target
    ],
)
def test_no_bare_pair_when_the_structure_does_not_tell(cells: dict[str, str]) -> None:
    status = _columns(Q3, **cells)
    assert "figure.columns" not in {e.rule for e in status.evidence}


def test_a_share_the_row_states_outranks_the_bare_pair() -> None:
    half = Period(text="1-6月", source="title", elapsed=0.5)
    status = _columns(half, task="整治点位", 年度计划="29", progress="14", status="50")
    assert status.value == "on_track"
    assert [e.rule for e in status.evidence] == ["completion.share"]

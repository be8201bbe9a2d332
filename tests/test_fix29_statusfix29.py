"""statusfix29: the guards added for review29's status findings must not stop what they do not concern:
a yes under a header asking about the target, this year's dated actual, a time only qualifying a share,
a floor overshot, a part done with no rest, a report sentence with no description."""

from __future__ import annotations

import pytest

import extractor

MID_YEAR = "2024年重点工作推进情况（截至6月底）"


def _statuses(header: list[str], rows: list[list[str]], bar: str = " | ") -> list[str]:
    text = "\n".join([MID_YEAR, bar.join(header), *(bar.join(r) for r in rows)])
    (table,) = extractor.parse_bytes(text.encode(), "t.txt").tables
    return [row.status.value for row in table.rows]


@pytest.mark.parametrize("bar", [" | ", "｜"])
def test_this_years_dated_actual_is_still_the_actual(bar: str) -> None:
    header = ["序号", "指标", "2024年目标", "2024年完成数", "责任单位"]
    rows = [
        ["1", "新建5G基站（个）", "300", "150", "市工信局"],
        ["2", "新增市场主体（户）", "10000", "12000", "市市场监管局"],
    ]
    # 150 of 300 at mid-year is on track; 12000 of 10000 done
    assert _statuses(header, rows, bar) == ["on_track", "done"]


def test_a_floor_overshot_is_still_done() -> None:
    header = ["序号", "指标", "目标", "实际完成", "责任单位"]
    rows = [["1", "新建公厕（座）", "15", "18", "市城管局"], ["2", "新增停车泊位（个）", "2000", "1200", "市交通局"]]
    assert _statuses(header, rows)[0] == "done"


def test_a_time_only_qualifying_a_share_is_no_ceiling() -> None:
    header = ["序号", "服务承诺", "目标", "实际表现", "责任单位"]
    rows = [
        ["1", "在本处交付文件(仅指排队轮候时间)", "95", "98", "市政务办"],
        ["2", "新建公厕（座）", "15", "9", "市城管局"],
    ]
    assert _statuses(header, rows)[0] in ("done", "on_track")


def test_a_time_itself_under_its_target_still_reads() -> None:
    header = ["序号", "指标", "目标（%）", "实际（%）", "责任单位"]
    rows = [["1", "群众满意度", "90", "96", "市政府办"], ["2", "新建公厕（座）", "15", "9", "市城管局"]]
    assert _statuses(header, rows)[0] in ("done", "on_track")


@pytest.mark.parametrize("column", ["状态", "完成情况说明"])
def test_a_status_column_still_gives_its_verdict(column: str) -> None:
    header = ["序号", "工作任务", "进展情况", column, "责任单位"]
    rows = [
        ["1", "建设市民中心", "主体工程正在施工。", "已完成，项目于5月交付。", "市住建局"],
        ["2", "新建公厕15座", "已建成9座。", "正常推进", "市城管局"],
    ]
    assert _statuses(header, rows)[0] == "done"


def test_a_planned_start_with_nothing_done_stays_not_started() -> None:
    header = ["序号", "工作任务", "进展情况", "责任单位"]
    rows = [
        ["1", "建设城市书房10个", "正在办理规划手续，预计9月底开工。", "市文旅局"],
        ["2", "新建公厕15座", "已建成9座。", "市城管局"],
    ]
    assert _statuses(header, rows)[0] == "not_started"


@pytest.mark.parametrize(
    "progress",
    ["按省市要求，村部面貌焕然一新，群众满意度明显上升！", "本年度重点公开我镇部分政务文件和各类通知类信息。"],
)
def test_a_report_sentence_no_cue_reads_stays_on_track(progress: str) -> None:
    header = ["序号", "工作任务", "进展情况", "责任单位"]
    rows = [["1", "做好政府信息公开", progress, "市政府办"], ["2", "新建公厕15座", "已建成9座。", "市城管局"]]
    assert _statuses(header, rows)[0] == "on_track"

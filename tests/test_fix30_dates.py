"""fix30 (fixdates30): a cutoff read where a cell may hold it dates the report only when its sentence
goes on to say what has happened by then (report_marker before any forecast_marker/future_clause)."""

from __future__ import annotations

import pytest

from extractor.rules.dates import find_period

STATED = [
    "到11月12日，拉沟至木龙公路已完成工程量60.5%",
    "至12月底，该项目已入户接通天然气172083户",
    "截至6月30日，",
    "截止2012年4月份累计完成投资600万。",
    "截至12月底，已将资金拨付到位。",
    "到12月底,已完成造林4000亩.",
    "截至107年12月止,接種760劑接種率達55.8%。",
]
NOT_STATED = [
    "城东污水处理厂扩建，到12月底，全面建成投用",
    "城東污水處理廠擴建，至12月底，全面建成投用",
    "主体工程已完工，到12月底，预计可全面建成投用。",
    "至12月底,力争完成全年任务.",
    "截至12月底，预计完成投资5亿元，已完成3亿元。",
    "到12月底，将全面建成投用",
]


@pytest.mark.parametrize("text", STATED)
def test_a_cutoff_followed_by_what_has_happened_dates_the_report(text: str) -> None:
    period = find_period(None, [text], cutoff_only=True)
    assert period is not None and period.elapsed is not None


@pytest.mark.parametrize("text", NOT_STATED)
def test_a_deadline_or_forecast_after_a_cutoff_dates_nothing(text: str) -> None:
    assert find_period(None, [text], cutoff_only=True) is None


def test_the_same_cutoff_reads_in_a_title_or_paragraph_as_before() -> None:
    # only the cutoff_only reading (lines that may be cells) asks for the report word
    assert find_period(None, ["截至12月底，预计完成投资5亿元"]) is not None


TARGET_COLUMN = """重点工作推进情况
| 序号 | 工作任务 | 年度目标 | 进展 | 责任单位 |
| --- | --- | --- | --- | --- |
| 1 | 新建城区幼儿园 | 新建3所 | 已建成{n}所。 | 县教育局 |
| 2 | 改造老旧小区 | 改造20个 | 已开工12个。 | 县住建局 |
"""


@pytest.mark.parametrize(("n", "done"), [("1", False), ("3", True)])
def test_a_count_done_is_read_against_the_target_column(n: str, done: bool) -> None:
    import extractor

    (table,) = extractor.parse_bytes(TARGET_COLUMN.format(n=n).encode(), "t.txt").tables
    assert (table.rows[0].status.value == "done") is done, table.rows[0].status


TWO_OBJECTS = """重点项目推进情况
| 序号 | 工作任务 | 进展情况 | 责任单位 |
| --- | --- | --- | --- |
| 1 | 建设城东污水处理厂及配套管网 | {progress} | 县住建局 |
"""


@pytest.mark.parametrize(
    ("progress", "status"),
    [("配套管网已铺设完成。", "on_track"), ("城东污水处理厂及配套管网均已建成。", "done")],
)
def test_a_task_of_two_objects_is_done_when_both_are(progress: str, status: str) -> None:
    import extractor

    (table,) = extractor.parse_bytes(TWO_OBJECTS.format(progress=progress).encode(), "t.txt").tables
    assert table.rows[0].status.value == status

"""Review of issue 4 (figures, dates, statements, status, assessments): each test is a bug found by review.

Every input is a small text or one-row table of the genre (a 1-9月 report: 序时进度 0.75); the
expected values are what a reader of the report would write down. These tests fail until the bugs
are fixed.
"""

from __future__ import annotations

import time

import pytest

import extractor
from extractor.models import Figure, Row
from extractor.rules.cells import find_issues, find_statements
from extractor.rules.figures import extract_figures

TITLE = "2024年1-9月重点项目推进情况表"


def row(task: str, progress: str, title: str = TITLE) -> Row:
    """The one row of a tab-separated 区 report with these task and progress cells."""
    text = f"{title}\n序号\t目标任务\t完成情况\t牵头单位\n1\t{task}\t{progress}\t区发改委\n"
    (table,) = extractor.parse(text.encode()).tables
    (only,) = table.rows
    items = [*only.issues, *only.statements, *only.figures, *only.dates, *only.status.evidence]
    for item in items:
        assert only.cells[item.field][item.span[0] : item.span[1]] == item.text
    return only


def one(text: str, field: str = "progress") -> Figure:
    figures = extract_figures(text, field)
    assert len(figures) == 1, [f.text for f in figures]
    return figures[0]


def evidence(r: Row) -> list[str]:
    return [item.text for item in r.status.evidence]


# ------------------------------------------------------------------------------------ figures


def test_negative_growth_keeps_its_sign() -> None:
    """同比增长-2.1% (a fall written as negative growth) is read as a percent 2.1 with subject '…增长-'."""
    figure = one("社会消费品零售总额同比增长-2.1%")
    assert (figure.text, figure.kind, figure.value, figure.unit, figure.basis) == (
        "同比增长-2.1%",
        "change",
        -2.1,
        "%",
        "yoy",
    )
    assert figure.subject == "社会消费品零售总额"


def test_negative_growth_against_a_growth_target_is_behind() -> None:
    """Task 增长5%, progress 同比增长-2.1%: the target is left unanswered and the status is unknown, not behind."""
    r = row("社会消费品零售总额增长5%", "社会消费品零售总额同比增长-2.1%。")
    (assessment,) = r.assessments
    assert assessment.actual is not None and assessment.actual.value == -2.1
    assert assessment.met is False
    assert r.status.value == "behind"


def test_growth_written_as_chinese_percent_is_a_change() -> None:
    """增长百分之五 is a change of +5 %, not a percent level with subject '增长'."""
    figure = one("税收收入增长百分之五")
    assert (figure.kind, figure.value, figure.unit) == ("change", 5.0, "%")
    assert figure.subject == "税收收入"


@pytest.mark.parametrize("text", ["实现翻番", "规上工业产值翻了一番"])
def test_doubling_without_a_numeral_is_a_figure(text: str) -> None:
    """翻番 / 翻了一番 (doubling, +100 %) is missed; only 翻一番 is read."""
    figure = one(text)
    assert (figure.kind, figure.value, figure.unit) == ("change", 100.0, "%")


def test_doubling_keeps_its_qualifier() -> None:
    """翻两番以上 loses 以上: text 翻两番, qualifier None."""
    figure = one("翻两番以上")
    assert (figure.text, figure.value, figure.qualifier) == ("翻两番以上", 300.0, "at_least")


@pytest.mark.parametrize(
    ("text", "kind", "value", "value_max", "unit"),
    [
        ("总投资3亿-5亿元", "amount", 3e8, 5e8, "CNY"),
        ("总投资5000万-1亿元", "amount", 5e7, 1e8, "CNY"),
        ("带动就业1.2万-1.5万人", "count", 12000, 15000, "人"),
    ],
)
def test_range_with_a_scale_on_both_ends(text: str, kind: str, value: float, value_max: float, unit: str) -> None:
    """A range whose lower end has its own scale (3亿-5亿元) is read as its upper end only (5亿元)."""
    figure = one(text)
    assert (figure.kind, figure.value, figure.value_max, figure.unit) == (kind, value, value_max, unit)


def test_concentration_unit_is_a_figure() -> None:
    """PM2.5平均浓度为32微克/立方米 (an environment report's staple) yields no figure at all."""
    figure = one("PM2.5平均浓度为32微克/立方米")
    assert (figure.kind, figure.value, figure.unit) == ("quantity", 32.0, "微克/立方米")


# ------------------------------------------------------------------------------------ subjects


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("城镇调查失业率控制在5.5%以内", "城镇调查失业率"),
        ("居民消费价格涨幅控制在3%左右", "居民消费价格涨幅"),
        ("粮食产量稳定在30万吨以上", "粮食产量"),
    ],
)
def test_subject_drops_control_verbs(text: str, subject: str) -> None:
    """控制在 / 稳定在 stay in the subject (城镇调查失业率控制在), which then pairs with nothing."""
    assert one(text, "task").subject == subject


def test_subject_new_urban_jobs_is_not_cut_as_a_place() -> None:
    """新增城镇就业1.2万人: '新增城镇' is peeled off as a place name (…镇), leaving subject '就业'."""
    assert one("新增城镇就业1.2万人").subject == "新增城镇就业"


@pytest.mark.parametrize("text", ["同比减少1200人", "较上年减少2.3亿元", "下降0.5亿元", "提高到45%", "较年初增加3家"])
def test_subject_is_never_a_word_of_change(text: str) -> None:
    """The change phrase before a figure (同比减少, 下降, 提高到) is taken as the metric's name."""
    assert one(text).subject is None


# ------------------------------------------------------------------------------------ roles


@pytest.mark.parametrize("text", ["按计划完成投资6亿元", "年度目标完成率85%", "完成计划投资的60%"])
def test_progress_against_a_plan_is_actual(text: str) -> None:
    """按计划 / 目标完成率 / 计划投资的 in a progress clause make the figure a target."""
    assert one(text).role == "actual"


def test_on_plan_amount_answers_the_target() -> None:
    """按计划完成投资6亿元 of 10亿元 at 1-9月 is behind (0.6 < 0.75); read as a target, the row is on_track."""
    r = row("完成投资10亿元", "按计划完成投资6亿元。")
    assert r.status.value == "behind"
    assert r.status.completion == 0.6


def test_share_of_planned_investment_is_a_completion_share() -> None:
    """完成计划投资的60% at 1-9月 is behind; the completion pattern misses it and the status is unknown."""
    r = row("完成投资10亿元", "完成计划投资的60%。")
    assert r.status.value == "behind"
    assert r.status.completion == 0.6
    assert evidence(r) == ["完成计划投资的60%"]


# ------------------------------------------------------------------------------------ assessments


def test_full_year_forecast_is_not_the_actual_to_date() -> None:
    """预计全年完成9.5亿元 is paired with the 10亿元 target and its 0.95 set against 序时 0.75: on_track.

    The amount done to date (1-9月完成投资6亿元, 0.6) answers the target: the row is behind."""
    r = row("完成投资10亿元", "预计全年完成投资9.5亿元。1-9月完成投资6亿元。")
    (assessment,) = r.assessments
    assert assessment.actual is not None and assessment.actual.text == "6亿元"
    assert assessment.share == 0.6
    assert r.status.value == "behind"


def test_ceiling_rate_target_is_assessed() -> None:
    """失业率控制在5.5%以内 against 失业率为5.2%: met with a gap of -0.3 pp; no actual is paired today."""
    r = row("城镇调查失业率控制在5.5%以内", "城镇调查失业率为5.2%。")
    (assessment,) = r.assessments
    assert assessment.actual is not None and assessment.actual.text == "5.2%"
    assert (assessment.met, assessment.gap, assessment.gap_unit) == (True, -0.3, "pp")


# ------------------------------------------------------------------------------------ status


def test_resumed_work_is_not_stalled() -> None:
    """前期因疫情停工，现已复工，进展顺利: a past stop, resumed; read as stalled on 停工."""
    r = row("建设污水处理厂", "前期因疫情停工，现已复工，进展顺利。")
    assert r.status.value == "on_track"


def test_not_all_done_is_behind() -> None:
    """尚未全部完成 negates 全部完成 and nothing else reads it: unknown instead of behind."""
    r = row("建设污水处理厂", "部分任务尚未全部完成。")
    assert r.status.value == "behind"
    assert evidence(r) == ["未全部完成"]


def test_on_schedule_phrase_is_on_track() -> None:
    """按序时进度推进 (the stock on-schedule phrase) matches no on_track cue: unknown."""
    r = row("建设污水处理厂", "按序时进度推进。")
    assert r.status.value == "on_track"


def test_forecast_of_failure_is_behind() -> None:
    """预计难以完成年度目标 (the unit expects to miss the year's target) is unknown instead of behind."""
    r = row("建设污水处理厂", "预计难以完成年度目标。")
    assert r.status.value == "behind"


# ------------------------------------------------------------------------------------ statements


def test_plan_for_a_quarter_is_a_plan() -> None:
    """计划四季度完成剩余投资 is a plan; the 计划 opener wants an Arabic digit after it, so it is progress."""
    text = "完成投资3亿元。计划四季度完成剩余投资。"
    statements = find_statements(text, "progress", find_issues(text, "progress"))
    assert [(s.kind, s.text) for s in statements] == [
        ("progress", "完成投资3亿元。"),
        ("plan", "计划四季度完成剩余投资。"),
    ]


# ------------------------------------------------------------------------------------ speed


def test_long_run_of_digits_is_linear() -> None:
    """A 4,000-digit run takes seconds (quadratic): the count/quantity numbers lack NUMBER's guard and
    may start at every position inside a number, each start rescanning to the end of the run."""
    started = time.perf_counter()
    extract_figures("1" * 4000 + "元", "progress")
    assert time.perf_counter() - started < 1.0

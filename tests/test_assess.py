"""Target against actual: pairing by subject and kind, met and gap, totals before the year is over."""

from __future__ import annotations

import pytest
import regex

from extractor.models import Figure, Period
from extractor.rules.assess import assess, full_year_forecast
from extractor.rules.data import load
from extractor.rules.figures import extract_figures
from extractor.textnorm import match_view

Q1 = Period(text="一季度", source="title", elapsed=0.25)
YEAR = Period(text="2023年", source="title", year=2023, elapsed=1.0)


def fig(text: str, kind: str, value: float, unit: str, **extra: object) -> Figure:
    field = "task" if extra.get("role") == "target" else "progress"
    return Figure(text=text, field=field, span=(0, len(text)), kind=kind, value=value, unit=unit, **extra)  # type: ignore[arg-type]


def same_name(subject: str) -> str:
    return {"外贸进出口总额": "进出口总额", "FDI": "实际使用外资"}.get(subject, subject)


def test_rate_target_missed_gap_in_points() -> None:
    """Seed row 3: 进出口总额增长5% against 同比下降4.2% (not the city's 下降11.9%)."""
    target = fig("增长5%", "change", 5, "%", role="target", subject="进出口总额")
    actual = fig("同比下降4.2%", "change", -4.2, "%", basis="yoy", role="actual", subject="外贸进出口总额")
    amount = fig("43亿元", "amount", 4.3e9, "CNY", role="actual", subject="外贸进出口总额")
    city = fig("下降11.9%", "change", -11.9, "%", role="actual", scope="全市")
    (result,) = assess([target, amount, actual, city], Q1, canonical=same_name)
    assert (result.subject, result.actual, result.met, result.gap, result.gap_unit) == (
        "进出口总额",
        actual,
        False,
        -9.2,
        "pp",
    )


def test_total_target_before_the_year_is_over_has_a_share_not_a_verdict() -> None:
    """Seed row 4: FDI 3000万美元 against 215万美元 in the first quarter."""
    target = fig("3000万美元", "amount", 3e7, "USD", role="target", subject="FDI")
    actual = fig("215万美元", "amount", 2.15e6, "USD", role="actual", subject="实际使用外资")
    (result,) = assess([target, actual], Q1, canonical=same_name)
    assert (result.subject, result.met, result.gap, result.gap_unit, result.share) == (
        "实际使用外资",
        None,
        -2.785e7,
        "USD",
        pytest.approx(0.071667, abs=1e-6),
    )


def test_total_target_at_the_year_end_is_met_or_missed() -> None:
    target = fig("12所", "count", 12, "所", role="target", subject="学校")
    actual = fig("13所", "count", 13, "所", role="actual", subject="学校")
    (result,) = assess([target, actual], YEAR, canonical=same_name)
    assert (result.met, result.gap, result.share) == (True, 1, pytest.approx(13 / 12))


@pytest.mark.parametrize(
    ("target_value", "qualifier", "actual_value", "met"),
    [
        (5, None, 5, True),
        (5, None, 4.9, False),
        (12, "at_least", 12, True),
        (12, "above", 12, False),
        (5, "at_most", 4, True),
        (5, "at_most", 6, False),
        (-5, None, -6, True),  # a decline target: falling further meets it
        (-5, None, -3, False),
    ],
)
def test_rate_met_by_qualifier_and_direction(
    target_value: float, qualifier: str | None, actual_value: float, met: bool
) -> None:
    target = fig("t", "change", target_value, "%", role="target", subject="m", qualifier=qualifier)
    actual = fig("a", "change", actual_value, "%", role="actual", subject="m")
    (result,) = assess([target, actual], Q1, canonical=same_name)
    assert result.met is met


def test_subjects_differ_no_pair() -> None:
    target = fig("增长5%", "change", 5, "%", role="target", subject="进出口总额")
    actual = fig("增长7%", "change", 7, "%", role="actual", subject="固定资产投资")
    other = fig("增长3%", "change", 3, "%", role="target", subject="地区生产总值")
    results = assess([target, other, actual], Q1, canonical=same_name)
    assert [(r.subject, r.actual) for r in results] == [("进出口总额", None), ("地区生产总值", None)]


def test_without_subjects_only_a_single_pair_is_made() -> None:
    target = fig("增长6%", "change", 6, "%", role="target")
    actual = fig("下降3.4%", "change", -3.4, "%", role="actual")
    (result,) = assess([target, actual], Q1, canonical=same_name)
    assert (result.met, result.gap) == (False, -9.4)
    second = fig("增长2%", "change", 2, "%", role="actual")
    assert assess([target, actual, second], Q1, canonical=same_name) == []


def test_kinds_must_match() -> None:
    target = fig("3000万美元", "amount", 3e7, "USD", role="target", subject="m")
    actual = fig("同比下降73.7%", "change", -73.7, "%", basis="yoy", role="actual", subject="m")
    (result,) = assess([target, actual], Q1, canonical=same_name)
    assert result.actual is None and result.met is None


def test_project_size_is_not_a_target() -> None:
    """总投资10亿元 in the task is the project's size: 完成投资2亿元 does not answer it."""
    task = "建设某项目，总投资10亿元。"
    target = fig("10亿元", "amount", 1e9, "CNY", role="target", subject="总投资")
    target = target.model_copy(update={"span": (task.index("10亿元"), task.index("10亿元") + 5)})
    actual = fig("2亿元", "amount", 2e8, "CNY", role="actual", subject="投资")
    assert assess([target, actual], Q1, canonical=same_name, task=task) == []


@pytest.mark.parametrize(
    "task",
    [
        "省级6项，概算投资140.16亿元，当年计划投资19亿元。",
        "省級6項,概算投資140.16億元,當年計劃投資19億元。",
        "市级5项，投资估算 140.16 亿元；当年计划投资 19 亿元",
    ],
)
def test_an_estimated_project_size_is_no_target_but_the_years_plan_is(task: str) -> None:
    """概算投资 (the projects' estimated size) beside 当年计划投资: the year's plan is what the year's
    investment answers (28.78亿元 of 19亿元 is 151%, not 21% of 140.16亿元)."""
    progress = "1-12月份完成投资28.78亿元，投资完成率151.47%。"
    figures = [*extract_figures(task, "task"), *extract_figures(progress, "progress")]
    year = Period(text="1-12月份", source="text", elapsed=1.0)
    shares = [a.share for a in assess(figures, year, task=task) if a.share is not None]
    assert shares == [pytest.approx(28.78 / 19, abs=1e-4)]


@pytest.mark.parametrize("text", load("assess")["not_a_target_examples"])
def test_not_a_target_examples(text: str) -> None:
    assert regex.search(load("assess")["not_a_target"], match_view(text))  # read on the matching view


def _at(cell: str, text: str, **extra: object) -> Figure:
    """An actual amount of the progress cell, at its last occurrence."""
    start = cell.rindex(text)
    return Figure(text=text, field="progress", span=(start, start + len(text)), role="actual", **extra)  # type: ignore[arg-type]


def test_actual_to_date_is_preferred_to_a_full_year_forecast() -> None:
    """预计全年完成投资9.5亿元 answers the year; 1-9月完成投资6亿元 is the actual to date."""
    progress = "预计全年完成投资9.5亿元。1-9月完成投资6亿元。"
    cells = {"task": "完成投资10亿元", "progress": progress}
    target = fig("10亿元", "amount", 1e9, "CNY", role="target", subject="投资")
    forecast = _at(progress, "9.5亿元", kind="amount", value=9.5e8, unit="CNY", subject="投资")
    actual = _at(progress, "6亿元", kind="amount", value=6e8, unit="CNY", subject="投资")
    (result,) = assess([target, forecast, actual], Q1, canonical=same_name, cells=cells)
    assert (result.actual, result.share) == (actual, 0.6)
    # a forecast answers only when no actual to date does
    (result,) = assess([target, forecast], Q1, canonical=same_name, cells=cells)
    assert (result.actual, result.share) == (forecast, 0.95)
    # without the cells nothing tells a forecast: the first actual answers, as before
    (result,) = assess([target, forecast, actual], Q1, canonical=same_name)
    assert result.actual == forecast


@pytest.mark.parametrize("text", load("assess")["full_year_forecast_examples"])
def test_full_year_forecast_examples(text: str) -> None:
    """The last number of each example stands in a full-year forecast."""
    start = [m.start() for m in regex.finditer(r"\d[\d.]*", text)][-1]
    assert full_year_forecast(text, start), text


@pytest.mark.parametrize("text", load("assess")["full_year_forecast_counter_examples"])
def test_full_year_forecast_counter_examples(text: str) -> None:
    start = [m.start() for m in regex.finditer(r"\d[\d.]*", text)][-1]
    assert not full_year_forecast(text, start), text


def test_forecast_share_continues_its_clause() -> None:
    """占年度计划的95% after a forecast amount is the forecast's share; 1,200 is no clause break."""
    text = "预计全年完成投资9.5亿元，占年度计划的95%"
    assert full_year_forecast(text, text.index("占"))
    text = "预计全年完成1,200户"
    assert full_year_forecast(text, text.index("200"))


@pytest.mark.parametrize(
    ("target_value", "qualifier", "actual_value", "met", "gap"),
    [
        (5.5, "at_most", 5.2, True, -0.3),  # a ceiling (控制在5.5%以内): a negative gap is met
        (-3, "at_least", -3.5, True, -0.5),  # a decline target (下降3%以上): a negative gap is met
        (5, None, 4.5, False, -0.5),  # a growth target: a negative gap is missed
    ],
)
def test_gap_is_raw_actual_minus_target(
    target_value: float, qualifier: str | None, actual_value: float, met: bool, gap: float
) -> None:
    target = fig("t", "percent", target_value, "%", role="target", subject="m", qualifier=qualifier)
    actual = fig("a", "percent", actual_value, "%", role="actual", subject="m")
    (result,) = assess([target, actual], Q1, canonical=same_name)
    assert (result.met, result.gap, result.gap_unit) == (met, gap, "pp")


@pytest.mark.parametrize(("actual", "met"), [(3.5, True), (5.0, False), (6.0, False)])
def test_a_target_below_a_rate_is_met_only_under_it(actual: float, met: bool) -> None:
    target = Figure(
        text="不足5%",
        field="task",
        span=(0, 4),
        rule="percent",
        kind="percent",
        value=5,
        unit="%",
        qualifier="below",
        role="target",
        subject="失业率",
    )
    found = Figure(
        text=f"{actual}%",
        field="progress",
        span=(0, 4),
        rule="percent",
        kind="percent",
        value=actual,
        unit="%",
        role="actual",
        subject="失业率",
    )
    (assessment,) = assess([target, found], None, task="城镇登记失业率不足5%")
    assert assessment.met is met

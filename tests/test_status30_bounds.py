"""A bound under a target column against a bare actual (issue 13, status30): the comparator of a
performance self-evaluation's indicator (年度指标值 | ≥50个, ≤90万元, 不低于95%) tells a floor from a
ceiling, so the row's standing is read where a bare target is not."""

from __future__ import annotations

import pytest

from extractor.models import Period
from extractor.rules.cells import find_issues, find_statements
from extractor.rules.figures import extract_figures
from extractor.rules.status import row_status

YEAR = Period(text="2022年度", source="title", year=2022, elapsed=1.0)
HALF = Period(text="1-6月", source="title", elapsed=0.5)


def _status(actual: str, target: str, period: Period | None, task: str = "项目数量", header: str = "年度指标值"):
    cells = {"task": task, "progress": actual, header: target}
    figures = [f for key, text in cells.items() for f in extract_figures(text, key, "全区")]
    issues = find_issues(actual, "progress")
    return row_status(cells, figures, find_statements(actual, "progress", issues), issues, period)


@pytest.mark.parametrize(
    ("actual", "target", "period", "value"),
    [
        ("50", "≥50个", None, "done"),  # a floor count reached: the thing made
        ("50", "≥ 50 个", HALF, "done"),  # spaced
        ("50", "＞＝50個", YEAR, "done"),  # full width, traditional
        ("60", "不少于50个", YEAR, "done"),
        ("40", "≥50个", YEAR, "behind"),  # a floor missed at the year's end
        ("40", "≥50个", HALF, "on_track"),  # 80% of it at half the year: a share held against the time
        ("100", "≥100百分比", YEAR, "done"),
        ("100", "≥100百分比", HALF, "on_track"),  # a level kept mid-year moves on
        ("95", "不低于90%", YEAR, "done"),
        ("85", "≥90%", YEAR, "behind"),
        ("90", "≤90万元", YEAR, "done"),  # a ceiling kept over the year
        ("90", "≤90万元", HALF, "on_track"),
        ("120", "≤90万元", HALF, "behind"),  # a ceiling broken at any date
        ("120", "不超過90萬元", HALF, "behind"),  # traditional
        ("50", "50个", YEAR, "unknown"),  # a bare target with a unit against a bare number: not read
    ],
)
def test_a_bound_target_column_reads_the_bare_actual(actual: str, target: str, period, value: str) -> None:
    assert _status(actual, target, period).value == value


def test_a_bound_in_a_column_of_what_was_done_is_no_target() -> None:
    assert _status("50", "≥50个", YEAR, header="实际完成值").value == "unknown"


def test_the_bound_and_the_actual_are_the_evidence() -> None:
    status = _status("40", "≥50个", YEAR)
    assert [(e.field, e.text) for e in status.evidence] == [("progress", "40"), ("年度指标值", "≥50个")]

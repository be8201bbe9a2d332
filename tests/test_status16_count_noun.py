"""A count's name may follow it (完成500张护理型床位建设): the task's count target is answered by it, and
the row's status reads its share (rules/assess.py noun_after)."""

from __future__ import annotations

import pytest

from extractor.models import Period
from extractor.rules.assess import assess, noun_after
from extractor.rules.figures import extract_figures
from extractor.rules.status import row_status

JAN_JUN = Period(text="1-6月", source="title", year=2024, start="2024-01-01", end="2024-06-30", elapsed=0.5)


def _row(task: str, progress: str, period: Period | None = None):
    cells = {"task": task, "progress": progress}
    figures = [*extract_figures(task, "task", "全区"), *extract_figures(progress, "progress", "全区")]
    return cells, figures, row_status(cells, figures, [], [], period)


@pytest.mark.parametrize(
    ("progress", "noun"),
    [
        ("已在某老年公寓完成500张护理型床位建设。", "护理型床位"),
        ("已在某老年公寓完成500張護理型床位建設。", "护理型床位"),
        ("完成 500 张的护理型床位改造工作", "护理型床位"),
        ("完成500张。", None),  # nothing named
        ("完成500张床位", None),  # too generic to name a subject
    ],
)
def test_the_name_after_a_count(progress: str, noun: str | None) -> None:
    cells, figures, _ = _row("新增护理型床位500张", progress)
    (count,) = [f for f in figures if f.field == "progress"]
    assert noun_after(count, cells) == noun


def test_a_count_named_after_it_answers_the_task_target_and_decides_done() -> None:
    cells, figures, status = _row("新增养老机构护理型床位500张", "目前已在某老年公寓完成500张护理型床位建设。")
    (pair,) = assess(figures, None, cells=cells)
    assert (pair.actual.text, pair.share) == ("500张", 1.0)
    assert (status.value, status.completion) == ("done", 1.0)
    assert {e.rule for e in status.evidence} == {"figure.share"}


def test_a_count_named_after_it_short_of_the_target_is_held_against_the_schedule() -> None:
    _, _, status = _row("新建公共充电桩300个", "已在城区完成120个公共充电桩建设。", JAN_JUN)
    assert (status.value, status.completion, status.schedule) == ("behind", 0.4, 0.5)


def test_a_count_naming_something_else_after_it_is_no_answer() -> None:
    cells, figures, status = _row("新增养老机构护理型床位500张", "已在某老年公寓完成500张助浴设备安装。")
    assert all(a.actual is None for a in assess(figures, None, cells=cells))
    assert status.completion is None

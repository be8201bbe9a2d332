"""A list's overview (a total parted after 其中) after a preamble that announces the report is no item."""

from __future__ import annotations

import pytest

import extractor

PREAMBLE = "为确保全年目标任务完成，现将重点项目推进情况报告如下：\n"
ITEMS = (
    "省级项目6项，计划投资19亿元。1-12月完成投资28.78亿元，投资完成率151.47%。\n"
    "市级项目5项，计划投资22.67亿元。1-12月完成投资26.4亿元，其中，3项已竣工。\n"
    "县级项目16项，计划投资21.6亿元。1-12月完成投资22.39亿元，投资完成率103.66%。\n"
)
OVERVIEWS = [
    pytest.param("全县重点项目共27项，其中：省级6项、市级5项、县级16项。总投资63.27亿元。\n", id="parted-inline"),
    pytest.param(
        "全縣重點項目共27項,其中:省級6項、市級5項、縣級16項。總投資63.27億元。\n", id="traditional-half-width"
    ),
    pytest.param(
        "全县谋划实施重点项目27个，年度计划投资63.27亿元。截至目前，完成投资77.57亿元。\n其中，", id="parts-follow"
    ),
]


def _tasks(text: str) -> list[str]:
    doc = extractor.parse_bytes(text.encode(), "x.txt")
    return [r.task for t in doc.tables for r in t.rows]


@pytest.mark.parametrize("overview", OVERVIEWS)
def test_the_overview_after_the_preamble_is_no_item(overview: str) -> None:
    tasks = _tasks("XX县2021年重点项目推进情况\n" + PREAMBLE + overview + ITEMS)
    assert [t[:4] for t in tasks] == ["省级项目", "市级项目", "县级项目"]


def test_an_item_parting_its_own_total_stays_an_item() -> None:
    # the second item's 其中 parts its own figure: only the first paragraph after the announcement is an overview
    tasks = _tasks("XX县2021年重点项目推进情况\n" + PREAMBLE + ITEMS)
    assert [t[:4] for t in tasks] == ["省级项目", "市级项目", "县级项目"]

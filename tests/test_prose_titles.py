"""Numbered prose: a short title sentence ends the task, before any clause after it that reports,
so a description of the works between the title and 目前… is progress too, as analysts cut it."""

from __future__ import annotations

import pytest

import extractor

REPORT = """XX县2023年民生工程进展情况
（一）老旧小区改造工程。该工程投入资金4351万元，对三个小区的33栋楼进行维修改造。目前，基础工程已全部完工。
（二）农村道路提升工程。该工程计划改造道路12公里。截至10月底，已完成9公里。
（三）工人文化宫建设工程。主体已封顶，正在进行内部装修。
"""

VARIANTS = {
    "as written": REPORT,
    "half-width": REPORT.replace("，", ",").replace("（", "(").replace("）", ")"),
    "arabic enumerators": REPORT.replace("（一）", "1.").replace("（二）", "2.").replace("（三）", "3."),
    "blank lines": REPORT.replace("\n", "\n\n"),
}


@pytest.mark.parametrize("text", VARIANTS.values(), ids=VARIANTS.keys())
def test_title_sentence_is_the_task_and_the_rest_progress(text: str) -> None:
    rows = extractor.parse(text.encode("utf-8")).tables[0].rows
    assert [row.cells["task"] for row in rows] == ["老旧小区改造工程。", "农村道路提升工程。", "工人文化宫建设工程。"]
    progress = [" ".join(row.cells["progress"].split()).replace(",", "，") for row in rows]
    assert progress[0] == "该工程投入资金4351万元，对三个小区的33栋楼进行维修改造。目前，基础工程已全部完工。"
    assert progress[1] == "该工程计划改造道路12公里。截至10月底，已完成9公里。"
    assert progress[2] == "主体已封顶，正在进行内部装修。"


RUN_IN = """{heading}
（一）加快发展，经济持续向好。一是经济实现长足发展。引进企业12家，新增就业300人。二是业态种类趋于丰富。以宜居为亮点，新增商户27家。三是科创实力稳步增强。12家科研团队入驻。
"""


@pytest.mark.parametrize("heading", ["一、2023年工作完成情况", "二、今年以来工作推进情况", "一、2023年工作總結"])
def test_run_in_items_under_a_reporting_heading_report_after_their_title(heading: str) -> None:
    rows = extractor.parse(RUN_IN.format(heading=heading).encode("utf-8")).tables[0].rows
    # (a run-in title's full stop ends a sentence of the paragraph: not the task's)
    assert [row.cells["task"] for row in rows] == ["经济实现长足发展", "业态种类趋于丰富", "科创实力稳步增强"]
    assert [row.cells["progress"] for row in rows] == [
        "引进企业12家，新增就业300人。",
        "以宜居为亮点，新增商户27家。",
        "12家科研团队入驻。",
    ]


def test_run_in_items_of_a_plan_are_tasks_whole() -> None:
    # Under a plan's title the text after a title sentence describes the task; nothing reports.
    rows = extractor.parse(RUN_IN.format(heading="2024年工作要点").encode("utf-8")).tables[0].rows
    assert rows[0].cells["task"].startswith("经济实现长足发展。")
    assert not rows[0].cells.get("progress")


CLASSES = """凉州区2020年重大项目进展情况
1、按计划开复工重大项目73项，完成投资33.87亿元。其中：进展顺利的项目25个。
2、提前开复工重大项目2项，完成投资1902万元。包括岩棉制品生产基地。
3、未按计划开复工23项，欠进度计划3.35亿元。
"""


@pytest.mark.parametrize(
    "text", [CLASSES, CLASSES.replace("，", ",").replace("：", ":"), CLASSES.replace("1、", "1.").replace("2、", "2.")]
)
def test_a_class_of_projects_then_its_result_in_a_report(text: str) -> None:
    rows = extractor.parse(text.encode("utf-8")).tables[0].rows
    # a sentence before a colon is no name (其中：opens a list); 完成投资… reports in a report
    assert [row.cells["task"] for row in rows][:2] == ["按计划开复工重大项目73项", "提前开复工重大项目2项"]
    assert " ".join(rows[1].cells["progress"].split()) == "完成投资1902万元。包括岩棉制品生产基地。"


def test_a_target_clause_stays_in_the_task_of_a_report() -> None:
    text = CLASSES.replace("提前开复工重大项目2项，完成投资1902万元。", "推进老旧小区综合整治，实现新开工6个小区。")
    rows = extractor.parse(text.encode("utf-8")).tables[0].rows
    assert rows[1].cells["task"].startswith("推进老旧小区综合整治，实现新开工6个小区")

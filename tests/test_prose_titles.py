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

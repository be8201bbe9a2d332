"""Numbered prose: the text no row holds (an overview item beside the tasks, a heading's own
paragraph before its items, a heading over other headings) is kept as ``unplaced_text`` warnings,
and is not read as the document's verdict on its rows."""

from __future__ import annotations

import pytest

import extractor

REPORT = """XX县2024年重点工作推进情况
一、总体情况
今年以来，全县上下齐心协力，各项工作全部完成。
二、重点任务
（一）产业发展
1.推进工业园区建设。已完成投资2亿元，完成年度计划的50%。
2.加快农业产业化。正在编制规划，尚未开工。
（二）社会事业
3.新建学校2所。主体工程正在施工。
"""

VARIANTS = {
    "as written": REPORT,
    "half-width punctuation": REPORT.replace("，", ",").replace("（", "(").replace("）", ")"),
    "spaced lines": REPORT.replace("\n", "\n\n"),
    "indented": "\n".join("　　" + line if line else line for line in REPORT.split("\n")),
}


@pytest.mark.parametrize("text", VARIANTS.values(), ids=VARIANTS.keys())
def test_text_beside_the_rows_is_kept_as_warnings(text: str) -> None:
    document = extractor.parse(text.encode("utf-8"))
    rows = document.tables[0].rows
    assert [row.cells["task"] for row in rows] == ["推进工业园区建设。", "加快农业产业化。", "新建学校2所。"]
    unplaced = [" ".join(w.message.split()) for w in document.warnings if w.code == "unplaced_text"]
    overview = "今年以来,全县上下齐心协力,各项工作全部完成。"
    assert any(overview in message.replace("，", ",") for message in unplaced)
    assert any(message.endswith("总体情况") for message in unplaced)
    assert any(message.endswith("重点任务") for message in unplaced)  # a heading over headings


def test_an_overview_is_not_the_rows_verdict() -> None:
    # "各项工作全部完成" in the overview would make every row done if it were read as the verdict.
    rows = extractor.parse(REPORT.encode("utf-8")).tables[0].rows
    assert [row.status.value for row in rows] == ["on_track", "behind", "on_track"]

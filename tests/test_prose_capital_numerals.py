"""Capital numerals (壹、貳、參、) number the top level of a report, as Taiwan's reports do."""

from __future__ import annotations

import pytest

import extractor
from extractor.headers import parse_seq

ITEMS = [
    ("新建学校3所。", "已开工2所，完成投资1.2亿元。"),
    ("改造道路5条。", "已完工3条。"),
    ("治理河道2条。", "正在施工。"),
]


@pytest.mark.parametrize(
    ("marks", "stop"),
    [(["壹", "贰", "叁"], "、"), (["壹", "貳", "參"], "、"), (["壹", "貳", "參"], "."), (["壹", "贰", "参"], " 、")],
)
def test_capital_numerals_open_the_items(marks: list[str], stop: str) -> None:
    text = "XX县重要施政计划执行情形\n" + "".join(
        f"{mark}{stop}{task}\n{progress}\n" for mark, (task, progress) in zip(marks, ITEMS, strict=True)
    )
    doc = extractor.parse_bytes(text.encode(), "x.txt")
    rows = [(r.seq, r.task, r.progress) for t in doc.tables for r in t.rows]
    assert rows == [(k + 1, task, progress) for k, (task, progress) in enumerate(ITEMS)]


def test_capital_numerals_over_ordinary_ones_are_sections() -> None:
    text = (
        "壹、教育\n一、新建学校3所。\n已开工2所。\n二、改扩建学校2所。\n已完工1所。\n"
        "貳、交通\n一、改造道路5条。\n已完工3条。\n"
    )
    doc = extractor.parse_bytes(text.encode(), "x.txt")
    rows = [(r.section, r.task) for t in doc.tables for r in t.rows]
    assert [task for _, task in rows] == ["新建学校3所。", "改扩建学校2所。", "改造道路5条。"]
    assert all(section and ("教育" in section or "交通" in section) for section, _ in rows)


@pytest.mark.parametrize(("text", "number"), [("壹、", 1), ("貳", 2), ("參、", 3), ("拾壹", 11)])
def test_a_capital_numeral_is_a_seq(text: str, number: int) -> None:
    assert parse_seq(text) == number

"""Run-in items numbered 第一，第二， inside a section's paragraph read as 一是、二是 do."""

from __future__ import annotations

import pytest

import extractor

TEXT = (
    "XX县2024年重点工作推进情况\n"
    "（一）民生保障持续加强。{a}新建学校3所。已开工2所，完成投资1.2亿元。{b}改造道路5条。已完工3条。\n"
    "（二）生态环境持续改善。{a}植树造林1000亩。已完成800亩。{b}治理污水。正在推进。\n"
)
EXPECTED = [
    ("新建学校3所", "已开工2所，完成投资1.2亿元。"),
    ("改造道路5条", "已完工3条。"),
    ("植树造林1000亩", "已完成800亩。"),
    ("治理污水", "正在推进。"),
]


def _rows(text: str) -> list[tuple[str, str]]:
    doc = extractor.parse_bytes(text.encode(), "x.txt")
    return [(r.task, r.progress) for t in doc.tables for r in t.rows]


ORDINALS = [("第一，", "第二，"), ("第一,", "第二,"), ("第一、", "第二、"), ("第一， ", " 第二，")]


@pytest.mark.parametrize(("a", "b"), ORDINALS)
def test_ordinals_run_in_read_as_shi_items(a: str, b: str) -> None:
    assert _rows(TEXT.format(a="一是", b="二是")) == EXPECTED
    assert _rows(TEXT.format(a=a, b=b)) == EXPECTED


def test_ordinals_run_in_traditional_script() -> None:
    text = TEXT.format(a="第一，", b="第二，").replace("学校", "學校").replace("治理", "治理")
    assert _rows(text)[0] == ("新建學校3所", "已开工2所，完成投资1.2亿元。")
    assert len(_rows(text)) == 4

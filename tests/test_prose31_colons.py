"""Numbered prose, prose31: items of one list each closing their head with a colon, the report after
it, are split at the colon however long the head (prose.py _split_at_colons); a lone long head before
a colon is left as read."""

from __future__ import annotations

import pytest

import extractor
from extractor.models import Row
from extractor.textnorm import match_view
from tests.test_prose28_lists import to_traditional

TASKS = [
    "大力推进“产业回归、工业回城”，积极申报省级经济开发区，加快建设“一区多园”新型工业化产业载体，聚力打造都市工业经济区",
    "大力发展新一代信息技术、电力装备和新能源汽车等支柱产业，错位发展低空经济、航空航天、机器人等未来产业，共同构建发展新空间",
    "新建1所市直小学、改扩建1所初中学校、提升1所市直高中，整合50所以上“麻雀学校”，改造82所义务教育薄弱学校办学条件",
]
REPORTS = [
    "区发改局与市中城发集团共同谋划打造了低空经济产业园等特色产业园，均已立项备案。",
    "区发改局对接市标志性产业链布局，会同区工信局共同谋划了主导产业，编制了产业发展规划。",
    "全市已完成撤并“麻雀学校”4所，累计投入资金2460万元，完成8所义务教育薄弱学校办学条件改造。",
]


def _text(colon: str = "：", enumerator: str = "{n}.") -> str:
    items = [f"{enumerator.format(n=n)}{t}{colon}{r}" for n, (t, r) in enumerate(zip(TASKS, REPORTS, strict=True), 1)]
    return "今年以来，现将进展情况通报如下：\n" + "\n".join(items) + "\n"


def _rows(text: str) -> list[Row]:
    document = extractor.parse(text.encode("utf-8"))
    return [r for t in document.tables for r in t.rows]


@pytest.mark.parametrize(
    ("text", "script"),
    [
        (_text(), str),
        (_text(":"), str),
        (_text("：", "（{n}）"), str),
        (_text(": ", "{n}、"), str),
        (to_traditional(_text()), to_traditional),
        (_text().replace("，", ","), str),
    ],
)
def test_heads_closed_by_a_colon_end_there(text: str, script) -> None:
    rows = _rows(text)
    assert [match_view(r.cells["task"]) for r in rows] == [match_view(script(t)) for t in TASKS]
    assert [match_view(r.cells["progress"]) for r in rows] == [match_view(script(r)) for r in REPORTS]


def test_a_lone_colon_is_no_list_convention() -> None:
    # one item of three has a colon: its siblings do not share it, the item is read as before
    from extractor.layout.base import Line
    from extractor.layout.prose import _head_colon, _Item

    item = _Item(1, 2, [Line(f"1.{TASKS[0]}：{REPORTS[0]}")])
    assert _head_colon(item) == 2 + len(TASKS[0])
    assert _head_colon(_Item(1, 2, [Line("1.进展情况：已完成主体工程，完成投资5亿元。")])) is None
    assert _head_colon(_Item(1, 2, [Line("1.新建学校2所。其中：已完成主体工程，完成投资5亿元。")])) is None

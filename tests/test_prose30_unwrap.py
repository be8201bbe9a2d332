"""Numbered prose, prose30: a task line over a report line in a text whose lines look wrapped. A line
that opens a report (截至…, a count with its completion rate) after a line that ends a clause of its
own starts anew; a page that broke a sentence mid-clause ("…该项目" / "已完成…") still reads as one."""

from __future__ import annotations

import pytest

import extractor
from extractor.layout.base import Line
from extractor.layout.unwrap import unwrapped
from extractor.models import Row
from extractor.textnorm import match_view
from tests.test_prose28_lists import to_traditional

ITEMS = (
    "按照县委、县政府部署，各责任单位认真抓好落实，具体情况如下:\n"
    "①精细化工项目32个,总投资898.2亿元,年内计划完成投资86亿元\n"
    "开复工项目25个,开复工率78%\n"
    "②高端装备制造项目25个,总投资499.6亿元,年内计划完成投资89.8亿元\n"
    "开复工项目23个,开复工率92%\n"
    "③新能源项目12个,总投资338亿元,年内计划完成投资71.3亿元\n"
    "截至6月底,开复工项目9个,完成投资30.2亿元\n"
    "④绿色食品加工项目5个,总投资35.6亿元,年内计划完成投资6.7亿元\n"
    "开复工项目5个,开复工率100%\n"
    "⑤现代服务业项目2个,总投资10.8亿元,年内计划完成投资3.3亿元\n"
    "开复工项目2个,开复工率100%\n"
)


def _rows(text: str) -> list[Row]:
    document = extractor.parse(text.encode("utf-8"))
    return [r for t in document.tables for r in t.rows]


@pytest.mark.parametrize("text", [ITEMS, to_traditional(ITEMS), ITEMS.replace(",", "，")])
def test_a_report_line_after_a_task_line_is_the_report(text: str) -> None:
    rows = _rows(text)
    assert len(rows) == 5
    assert match_view(rows[0].cells["task"]) == match_view("精细化工项目32个,总投资898.2亿元,年内计划完成投资86亿元")
    assert [match_view(r.cells.get("progress", "")) for r in rows] == [
        match_view("开复工项目25个,开复工率78%"),
        match_view("开复工项目23个,开复工率92%"),
        match_view("截至6月底,开复工项目9个,完成投资30.2亿元"),
        match_view("开复工项目5个,开复工率100%"),
        match_view("开复工项目2个,开复工率100%"),
    ]


def test_a_sentence_broken_mid_clause_before_a_report_word_is_joined() -> None:
    width_line = "城南片区老旧小区综合整治工程涉及居民楼宇共计一百二十栋，其中该项目"
    lines = [Line(t) for t in [width_line, "已完成外立面改造八十栋，剩余楼宇正在加紧施工，预计年底前全部完工并交付。"]]
    lines += [
        Line(width_line.replace("一百二十", "九十八")),
        Line("截至目前已完成管网改造，剩余部分正在施工中，预计年内完工。"),
    ]
    lines += [Line("城东片区老旧小区综合整治工程涉及居民楼宇共计八十六栋，工程分两期实施"), Line("第一期已经完工。")]
    lines += [Line("城西片区老旧小区综合整治工程涉及居民楼宇共计七十二栋，工程分三期实施"), Line("第一期已经完工。")]
    joined = unwrapped(lines)
    assert joined is not None
    assert joined[0].text == width_line + "已完成外立面改造八十栋，剩余楼宇正在加紧施工，预计年底前全部完工并交付。"
    assert joined[1].text.endswith("其中该项目截至目前已完成管网改造，剩余部分正在施工中，预计年内完工。")

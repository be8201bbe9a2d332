"""A web page's footer (registration numbers, who runs the site) after the last item is no part of it."""

from __future__ import annotations

import pytest

import extractor

BODY = (
    "XX市2025年重点工作推进情况\n"
    "一、新建学校3所。已开工2所，完成投资1.2亿元。（市教育局）\n"
    "二、改造道路5条。已完工3条。（市住建局）\n"
    "三、治理河道2条。正在施工。（市水利局）\n\n"
)

FOOTERS = [
    "网站标识码：3401000001  ICP备05001234号  公安机关备案号 34010202000123\n",
    "主办单位：市人民政府办公室  承办单位：市大数据中心\n网站标识码:3401000001 浙ICP备05001234号-1\n",
    "技术支持：某某科技有限公司\n浙公网安备 33010202000123号\n",
    "網站標識碼：3401000001  ICP備05001234號\n",
]


@pytest.mark.parametrize("footer", FOOTERS)
def test_the_last_item_ends_before_the_footer(footer: str) -> None:
    doc = extractor.parse_bytes((BODY + footer).encode(), "x.txt")
    last = [r for t in doc.tables for r in t.rows][-1]
    assert (last.task, last.progress, list(last.lead_units)) == ("治理河道2条。", "正在施工。", ["市水利局"])
    # (page furniture is neither a title nor unplaced text: tests/test_layouts.py)
    assert not any("标识码" in r.progress or "標識碼" in r.progress for t in doc.tables for r in t.rows)


def test_a_proposal_s_units_are_no_footer() -> None:
    text = BODY.replace("（市水利局）", "\n主办单位：市水利局；承办单位：市财政局")
    doc = extractor.parse_bytes(text.encode(), "x.txt")
    assert any("主办单位" in r.progress or "市水利局" in r.lead_units for t in doc.tables for r in t.rows)

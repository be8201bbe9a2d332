"""Run-in items (一是…二是…) in a year-end summary: numbering that restarts in each area's
paragraph, a paragraph cut after its first item, quoted slogans that are no tasks."""

from __future__ import annotations

import pytest

import extractor

SUMMARY = """XX街道2022年工作总结
一、2022年重点工作成效
（一）党建引领持续深化。坚持党的全面领导。一是强化思想引领。开展12次理论学习，学深学透全区“125510”高质高效落实年会议精神。二是坚决正风肃纪。召开专题部署会，执行“严真新细实快”工作方针。三是全力克难攻坚。社区“三小工作法”受到宣传。
（二）经济发展稳中向好。一是重点项目顺利推进。和平广场项目累计完成投资17446.6万元，主体验收有序进行。
"""

VARIANTS = {
    "as written": SUMMARY,
    "half-width": SUMMARY.replace("，", ",").replace("（", "(").replace("）", ")"),
    "traditional": SUMMARY.replace("经济发展", "經濟發展").replace("项目", "項目").replace("开展", "開展"),
    "blank lines": SUMMARY.replace("\n", "\n\n"),
}


@pytest.mark.parametrize("text", VARIANTS.values(), ids=VARIANTS.keys())
def test_items_restarting_in_each_paragraph_are_rows(text: str) -> None:
    rows = extractor.parse(text.encode("utf-8")).tables[0].rows
    tasks = [row.cells["task"] for row in rows]
    assert tasks[:3] == ["强化思想引领", "坚决正风肃纪", "全力克难攻坚"]
    # the last paragraph holds one item (the document cut after it): a list of one all the same
    assert len(rows) == 4 and tasks[3] in ("重点项目顺利推进", "重点項目顺利推进")
    assert rows[3].cells["progress"].startswith("和平广场")
    # quoted slogans ("125510", "严真新细实快") are no tasks, and 全区/执行 no units
    assert not any(row.cells.get("lead_units") for row in rows)

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


INLINE = (
    "2018年重大项目进展情况\n"
    "全州重大项目共3项，截至目前完成投资14.99亿元。其中{colon}1、兰州至合作铁路建设项目。正在开展可研方案调整工作。"
    "2、卓尼至合作高速公路建设项目。前置性手续已全部办结。3、夏河县旅游基础设施建设项目。观景台已全部完工。\n"
)


@pytest.mark.parametrize("colon", ["：", ":", ": "])
def test_numbered_items_run_on_after_a_colon_are_rows(colon: str) -> None:
    rows = extractor.parse(INLINE.format(colon=colon).encode("utf-8")).tables[0].rows
    assert [row.cells["task"] for row in rows] == [
        "兰州至合作铁路建设项目。",
        "卓尼至合作高速公路建设项目。",
        "夏河县旅游基础设施建设项目。",
    ]
    assert rows[2].cells["progress"] == "观景台已全部完工。"


RECTIFICATION = """龙溪镇群众反映问题整改落实情况
问题一：部分群众反映社区内活动场所缺少
整改情况：一是增设养老服务中心，提供图书、健身器材等设备；二是提倡疫情期间不聚集，以室内活动为主。
问题二：场镇公共厕所缺少。
整改情况：新建40平方公共厕所一座，年内投入使用。
问题三：部分群众反映摩托车遮雨伞有安全隐患。
整改情况：一是对辖区内遮雨伞进行集中拆除处理。二是对销售遮雨伞商家进行集中约谈。
"""


@pytest.mark.parametrize(
    "text",
    [
        RECTIFICATION,
        RECTIFICATION.replace("：", ":"),
        RECTIFICATION.replace("整改情况", "进展情况"),
        RECTIFICATION.replace("\n", "\n\n"),
    ],
)
def test_run_in_parts_of_a_labelled_value_are_no_items(text: str) -> None:
    rows = extractor.parse(text.encode("utf-8")).tables[0].rows
    assert [row.cells["task"].rstrip("。") for row in rows] == [
        "部分群众反映社区内活动场所缺少",
        "场镇公共厕所缺少",
        "部分群众反映摩托车遮雨伞有安全隐患",
    ]
    assert rows[0].cells["progress"].startswith("一是增设养老服务中心")
    assert "二是提倡疫情期间不聚集" in rows[0].cells["progress"]

"""Bulleted items (lists laid out for phones): a bullet line standing alone with text below it is an
item's title, numbered by position; a heading between items is their section; runs of bullets are
page furniture or points, never rows; parts reported under their own names are the progress."""

from __future__ import annotations

import pytest

from tests.conftest_helpers import rows_of_text

ITEMS = """{intro}
{head_done}
{b}老旧路灯改造出新工程项目
对478盏路灯进行刷漆出新{comma}该项目已于3月完成{stop}
{b}打造公建民营托班项目
托育中心硬件装潢工作已于3月完成{comma}正在开展招生宣传{stop}
{head_moving}
{b}东蕾苑二期新建工程
该项目于2023年6月开工{comma}目前主体完成约70%{stop}
{b}东昌路东延{dun}艳阳路西延建设项目
东昌路东延{colon}于3月初开工{comma}完成总工程量的40%{stop}
艳阳路西延{colon}已于4月初完工{comma}待验收后通车{stop}
"""

VARIANTS = [
    {
        "b": "☑",
        "comma": "，",
        "stop": "。",
        "dun": "、",
        "colon": "：",
        "head_done": "已完工项目",
        "head_moving": "已启动实施项目",
        "intro": "2025年街道各民生实事项目总体进展良好",
    },
    {
        "b": "● ",
        "comma": ",",
        "stop": ".",
        "dun": "、",
        "colon": ":",
        "head_done": "已完工项目",
        "head_moving": "正在推进的项目",
        "intro": "民生实事项目进展情况",
    },
    {
        "b": "■",
        "comma": "，",
        "stop": "。",
        "dun": "、",
        "colon": "：",
        "head_done": "已竣工項目",
        "head_moving": "已啟動實施項目",
        "intro": "民生實事項目總體進展良好",
    },
    {
        "b": "◆ ",
        "comma": "，",
        "stop": "。",
        "dun": "，",
        "colon": "：",
        "head_done": "已完工项目",
        "head_moving": "已启动实施项目",
        "intro": "街道民生实事项目进展",
    },
]


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v["b"].strip())
def test_bulleted_items_are_rows(variant: dict[str, str]) -> None:
    rows = rows_of_text(ITEMS.format(**variant))
    assert [row.seq for row in rows] == [1, 2, 3, 4]
    assert rows[0].task == "老旧路灯改造出新工程项目"
    assert rows[0].progress.startswith("对478盏路灯") and rows[0].progress.endswith("完成" + variant["stop"])
    # the heading between items is the section of the items after it, in no item's text
    assert variant["head_moving"] not in rows[1].progress
    assert [row.section for row in rows] == [variant["head_done"]] * 2 + [variant["head_moving"]] * 2
    # a section that classifies its rows decides their status
    assert [row.status.value for row in rows[:2]] == ["done", "done"]
    # parts reported under their own names are the progress, names kept
    assert rows[3].progress.startswith("东昌路东延" + variant["colon"])
    assert "艳阳路西延" + variant["colon"] + "已于4月初完工" in rows[3].progress


PAGE_FURNITURE = """  • 听全文
  • 2021-03-05
  • 来源: 某市人民政府办公厅
  • 分享到
关于2021年重点工作进展情况的报告
一、推进老旧小区改造
全年改造老旧小区120个,已完成85个。
二、建设便民停车泊位
已新增停车泊位300个。
"""


def test_bullet_runs_are_no_rows() -> None:
    rows = rows_of_text(PAGE_FURNITURE)
    assert [(row.seq, row.task) for row in rows] == [(1, "推进老旧小区改造"), (2, "建设便民停车泊位")]


POINTS = """3.1 我們從下列三方面入手:
  • 提供環境宜人的休憩用地;
  • 美化現有園景區;以及
  • 舉辦綠化活動。
(I) 提供環境宜人的休憩用地
二零一五年,共有15項休憩用地工程竣工,增闢了約2.47公頃的休憩用地。
(II) 美化現有園景區
二零一五年,約12公頃的現有園景區已得以提升。
"""


def test_a_list_of_points_over_numbered_items_opens_no_item() -> None:
    rows = rows_of_text(POINTS)
    assert [row.task for row in rows] == ["提供環境宜人的休憩用地", "美化現有園景區"]

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


PARAGRAPHS = """{intro}
一{dun}减负稳岗{comma}优化用工生态
（一）减轻企业负担
{b}平稳有序实施企业职工基本养老保险缴费比例统一政策{comma}保持企业社会保险缴费成本预期稳定{stop}实施期限至2021年12月31日{stop}
{b}继续按不高于2017年征收标准征收残疾人就业保障金{comma}落实分档征收和减缴缓缴政策{stop}
（二）支持企业稳岗
{b}继续实施失业保险稳岗返还政策{stop}放宽返还条件{comma}对参保职工30人以下的企业{comma}裁员率放宽到20%{stop}
{b}对吸纳登记失业人员的小微企业给予一次性吸纳就业补贴{comma}每人1000元{stop}
"""


@pytest.mark.parametrize(
    "variant",
    [
        {"b": "■", "comma": "，", "stop": "。", "dun": "、", "intro": "关于进一步稳定和扩大就业的若干措施"},
        {"b": "◆ ", "comma": ",", "stop": ".", "dun": "、", "intro": "稳就业政策措施落实分工"},
        {"b": "★", "comma": "，", "stop": "。", "dun": ".", "intro": "關於進一步穩定和擴大就業的若干措施"},
        {"b": "  • ", "comma": "，", "stop": "；", "dun": "、", "intro": "稳就业若干措施"},
    ],
    ids=lambda v: v["b"].strip(),
)
def test_a_run_of_bulleted_paragraphs_is_a_row_each(variant: dict[str, str]) -> None:
    rows = rows_of_text(PARAGRAPHS.format(**variant))
    assert [row.seq for row in rows] == [1, 2, 3, 4]
    assert rows[1].task.startswith("继续按不高于2017年征收标准")
    assert [row.section for row in rows] == ["（一）减轻企业负担"] * 2 + ["（二）支持企业稳岗"] * 2


POINTS_UNDER_ITEMS = """3.2 (I) 提供休憩用地
  • 二零一五年，共有15項休憩用地工程竣工，為本港增闢了約2.47公頃的休憩用地。
  • 大致上，作園景區用途的土地會佔靜態康樂用地的七成，我們會栽種耐寒品種的植物。
3.3 (II) 推行植樹計劃
在二零一五年種植的樹木、灌木和年生植物約有一百萬棵，成活率達九成。
"""


def test_bulleted_paragraphs_under_items_whose_siblings_hold_paragraphs_are_their_text() -> None:
    rows = rows_of_text(POINTS_UNDER_ITEMS)
    assert [row.task for row in rows] == ["提供休憩用地", "推行植樹計劃"]
    assert rows[0].progress.startswith("二零一五年") and "七成" in rows[0].progress

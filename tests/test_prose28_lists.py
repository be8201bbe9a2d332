"""Numbered prose read by the list's own convention and by the genre of the document (prose28).

Each document is written for the test, in several spellings (full-width and ASCII punctuation,
simplified and traditional script, other names and numbers).
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

import pytest

import extractor
from extractor.models import Row

DATA = Path(extractor.__file__).parent / "data"


@cache
def _traditional_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for name in ("variants.toml", "t2s.toml"):
        for pair in tomllib.loads((DATA / name).read_text("utf-8"))["pairs"].split():
            if len(pair) == 2:
                table.setdefault(ord(pair[1]), pair[0])
    return table


def to_traditional(text: str) -> str:
    """Simplified → traditional (the first traditional form of each pair the project folds)."""
    return text.translate(_traditional_table())


def _rows(text: str) -> list[Row]:
    document = extractor.parse(text.encode("utf-8"))
    return [r for t in document.tables for r in t.rows]


def _ascii(text: str) -> str:
    return text.translate(str.maketrans({"：": ":", "，": ",", "（": "(", "）": ")", "；": ";", "、": "、"}))


def _spelled(text: str, spelling: str) -> str:
    """The text as written ("full"), with ASCII punctuation, or in traditional script."""
    if spelling == "ascii":
        return _ascii(text)
    return to_traditional(text) if spelling == "traditional" else text


# ---------------------------------------------------------- a title line over its body, read like its siblings

TITLED = """今年以来，市委、市政府深入推进“我为群众办实事”实践活动，各项民生工程有序推进。
1、{a}工程。
截至目前，全市已建成{a}示范点{n}个，累计投入资金300万元。
2、{b}工程。
制定《{b}工作方案》，将2.6万户{n}万人基本信息录入平台，对监测对象及时纳入帮扶。
3、{c}工程。
截至11月底，已完成{c}改造{n}处，完成率95%。
"""


@pytest.mark.parametrize(
    ("a", "b", "c", "n"),
    [("人居环境整治", "增收致富", "饮水安全", "12"), ("厕所革命", "防止返贫", "道路硬化", "7")],
)
@pytest.mark.parametrize("spelling", ["full", "ascii", "traditional"])
def test_title_line_over_a_body_without_report_words_splits_like_its_siblings(
    a: str, b: str, c: str, n: str, spelling: str
) -> None:
    text = _spelled(TITLED.format(a=a, b=b, c=c, n=n), spelling)
    rows = _rows(text)
    assert len(rows) == 3
    odd = rows[1]
    # the body opens with no word that says it reports (制定《…》，将…录入…): its siblings say how to read it
    assert odd.cells["task"].rstrip("。.") in (f"{b}工程", to_traditional(f"{b}工程"))
    assert odd.cells["progress"].startswith(("制定《", to_traditional("制定《")))
    assert all(r.cells["progress"] for r in rows)


def test_a_list_read_whole_keeps_its_odd_item_whole() -> None:
    """Targets one after another under a plan title: no sibling reads title and report, nothing split."""
    text = """2024年民生实事工作方案
一、新建学校。新建中小学3所，新增学位5400个。
二、改造老旧小区。改造老旧小区30个，惠及居民1.2万户。
三、新增公共停车位。新增公共停车位2000个。
"""
    rows = _rows(text)
    assert [r.cells.get("progress", "") for r in rows] == ["", "", ""]


# ---------------------------------------------------------- run-in items: the list's convention carries too

RUN_IN = """2023年以来，在区委、区政府的正确领导下，街道各项工作取得新成效。
一、坚持以抓项目对冲下行压力，经济发展稳中向好
一是抓“经济提效”，壮大了综合实力。全年固定资产投资29.30亿元，同比增长63.4%。
二是抓“项目提速”，厚植了发展潜力。{x}项目已完成主体封顶，累计完成投资5.2亿元。
三是抓“招商提质”，增强了造血能力。树牢“人人都是招商员”理念，通过网上招商、平台招商、走访招商引进企业。
"""


@pytest.mark.parametrize("x", ["枣园安置楼", "北关棚改"])
@pytest.mark.parametrize("ascii_", [False, True])
def test_run_in_item_splits_like_its_siblings(x: str, ascii_: bool) -> None:
    text = RUN_IN.format(x=x)
    rows = _rows(_ascii(text) if ascii_ else text)
    assert len(rows) == 3
    comma = "," if ascii_ else "，"
    # the titles of a run-in list drop their full stop, the odd one too
    assert rows[2].cells["task"] == f"抓“招商提质”{comma}增强了造血能力"
    assert rows[2].cells["progress"].startswith("树牢“人人都是招商员”理念")
    assert rows[0].cells["task"] == f"抓“经济提效”{comma}壮大了综合实力"


# ---------------------------------------------------------- a reply names the problems it answers

REPLY = """关于县十七届人大五次会议第B-{n}号建议的答复
{who}代表：
您提出的《关于{road}占地遗留问题的建议》收悉，经研究，现答复如下：
一、边角地孤岛地问题{road}协调领导小组办公室函《关于{road}边角地征收前调查摸底的通知》已发至各乡镇，限期落实。
二、土路未硬化问题已在7月16日推进会上，对照问题清单再次督促施工单位尽快安排道路硬化。
三、坚持问题导向，认真落实整改要求。已建立问题台账，逐项销号。
以上答复您是否满意，如有意见，敬请反馈。
负责人：{who}
2024年7月19日
"""


@pytest.mark.parametrize(("n", "who", "road"), [("9", "康凤娥", "离隰高速公路"), ("12", "王明", "青兰高速")])
@pytest.mark.parametrize("spelling", ["full", "ascii", "traditional"])
def test_reply_item_task_is_the_problem_it_answers(n: str, who: str, road: str, spelling: str) -> None:
    text = _spelled(REPLY.format(n=n, who=who, road=road), spelling)
    rows = _rows(text)
    assert len(rows) == 3
    norm = to_traditional if spelling == "traditional" else (lambda s: s)
    assert rows[0].cells["task"] == norm("边角地孤岛地问题")
    assert rows[0].cells["progress"].startswith(norm(road))
    assert rows[1].cells["task"] == norm("土路未硬化问题")
    assert rows[1].cells["progress"].startswith(norm("已在7月16日"))
    # 问题导向 is one word: the name does not end inside it
    assert rows[2].cells["task"].startswith(norm("坚持问题导向"))
    # the reply's closing formula and who signs it are the document's, not the last item's
    assert rows[2].cells["progress"].endswith(norm("逐项销号。"))
    assert all(norm("以上答复") not in value for value in rows[2].cells.values())

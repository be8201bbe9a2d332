"""Numbered prose, prose30: an item's parts told apart by what each part is (data/layout.toml
[prose.parts]): a sentence that only names the units (市住建局负责。由X牵头。责任单位为X。) is the units
marker wherever it stands, and a sentence that reports by what it is (a bare result, a count with its
completion rate, what the office did, the day it was done) starts the report after the task.

Each document is written for the test, in several spellings (full-width and ASCII punctuation,
simplified and traditional script, spaces after the enumerator).
"""

from __future__ import annotations

import pytest
import regex

import extractor
from extractor.models import Row
from extractor.rules.data import load
from extractor.textnorm import match_view
from tests.test_prose28_lists import to_traditional

PARTS = load("layout")["prose"]["parts"]


def _rows(text: str) -> list[Row]:
    document = extractor.parse(text.encode("utf-8"))
    return [r for t in document.tables for r in t.rows]


def _spellings(text: str) -> list[str]:
    # (an ASCII stop before a digit reads as a decimal point: "就业.96.64%" is left with its 。)
    ascii_punct = regex.sub(r"。(?![\d\n])", ".", text.translate(str.maketrans("，：；（）", ",:;()")))
    spaced = text.replace("1.", "1. ").replace("2.", "2. ").replace("3.", "3. ")
    return [text, ascii_punct, to_traditional(text), spaced]


def _n(text: str) -> str:
    """The matching view with a full stop in either width read alike (not a decimal point)."""
    return regex.sub(r"(?<!\d)\.|\.(?!\d)", "。", match_view(text))


def _cases(suffix: str) -> list[tuple[str, str]]:
    return [
        (key.removesuffix(suffix), example)
        for key, examples in PARTS.items()
        if key.endswith(suffix) and (suffix == "_counter_examples" or not key.endswith("_counter_examples"))
        for example in examples
    ]


def test_every_parts_pattern_has_examples_and_counter_examples() -> None:
    names = {k for k in PARTS if not k.endswith("examples")}
    assert names == {"units_said", "units_named", "report_sentence", "rate_clause", "mid_clause"}
    assert names == {n for n, _ in _cases("_examples")} == {n for n, _ in _cases("_counter_examples")}


@pytest.mark.parametrize(("name", "example"), _cases("_examples"))
def test_parts_example_matches(name: str, example: str) -> None:
    from extractor.layout.prose import _part_patterns

    pattern = _part_patterns()[name]
    assert pattern.match(match_view(example)), (name, example)


@pytest.mark.parametrize(("name", "example"), _cases("_counter_examples"))
def test_parts_counter_example_is_not_matched(name: str, example: str) -> None:
    from extractor.layout.prose import _part_patterns, _said_units

    pattern = _part_patterns()[name]
    if name.startswith("units_"):
        # a units sentence is one whose names are units and, for units_named, whose label is a unit label
        assert _said_units(match_view(example)) is None, (name, example)
    else:
        assert not pattern.match(match_view(example)), (name, example)


# ----------------------------------------------------------------- units said in words

UNITS_SAID = (
    "1.推进城南污水处理厂建设。市住建局负责。截至6月底，已完成主体工程的80%。\n"
    "2.新建中小学3所。由县教育局、县财政局牵头。目前已开工2所，1所完成选址。\n"
    "3.改造老旧小区20个。责任单位为区住建局。已完工12个。\n"
)


@pytest.mark.parametrize("text", _spellings(UNITS_SAID))
def test_a_units_sentence_between_task_and_report_is_the_units(text: str) -> None:
    rows = _rows(text)
    assert [_n(r.cells["task"]) for r in rows] == [
        _n("推进城南污水处理厂建设。"),
        _n("新建中小学3所。"),
        _n("改造老旧小区20个。"),
    ]
    assert [_n(r.cells["progress"]) for r in rows] == [
        _n("截至6月底，已完成主体工程的80%。"),
        _n("目前已开工2所，1所完成选址。"),
        _n("已完工12个。"),
    ]
    assert [[_n(u) for u in r.lead_units] for r in rows] == [
        [_n("市住建局")],
        [_n("县教育局"), _n("县财政局")],
        [_n("区住建局")],
    ]


def test_a_sentence_where_a_unit_does_the_work_is_no_units_marker() -> None:
    rows = _rows(
        "1.加快项目建设。市住建局负责推进老旧小区改造。截至6月底已完工12个。\n2.新建学校3所。目前已开工2所。\n"
    )
    assert rows[0].lead_units == []
    assert "市住建局负责推进老旧小区改造" in rows[0].cells["task"] + rows[0].cells.get("progress", "")


# ----------------------------------------------------------------- a report sentence by what it is

REPORTED = (
    "一、开发公益性岗位540个。完成838个，完成率155.19%\n"
    "二、促进重点群体稳定就业。96.64%\n"
    "三、多形式开展普法活动，深入推进法治宣传教育。今年我镇围绕禁毒等主题开展法制宣传活动12次。\n"
    "四、解决进城务工人员子女上学难问题。9月7日到织金县实地抽查了解入学情况。\n"
)


@pytest.mark.parametrize("text", _spellings(REPORTED))
def test_a_sentence_that_reports_by_what_it_is_starts_the_report(text: str) -> None:
    rows = _rows(text)
    assert [_n(r.cells["task"]) for r in rows] == [
        _n("开发公益性岗位540个。"),
        _n("促进重点群体稳定就业。"),
        _n("多形式开展普法活动，深入推进法治宣传教育。"),
        _n("解决进城务工人员子女上学难问题。"),
    ]
    assert _n(rows[1].cells["progress"]) == "96.64%"
    assert _n(rows[3].cells["progress"]).startswith(_n("9月7日到织金县"))


def test_targets_one_after_another_stay_the_task() -> None:
    rows = _rows("1.新建幼儿园14所。完成13个小区改造。\n2.新增就业2万人。6月30日前完成主体工程。\n")
    assert [_n(r.cells["task"]) for r in rows] == [
        _n("新建幼儿园14所。完成13个小区改造。"),
        _n("新增就业2万人。6月30日前完成主体工程。"),
    ]
    assert all(not r.cells.get("progress") for r in rows)


DONE = (
    "1.城西河道综合治理项目。项目已全部完成。\n"
    "2.打造安全上学路6条。6条安全上学路建设完成。\n"
    "3.交通方面。城北公路改造完成投资1800万元，预计国庆节前通车。\n"
    "4.推进产业园区建设。区发改局与区城投集团共同谋划了两个特色产业园，均已立项备案。\n"
)


@pytest.mark.parametrize("text", _spellings(DONE))
def test_a_sentence_that_says_what_stands_done_starts_the_report(text: str) -> None:
    rows = _rows(text)
    assert [_n(r.cells["task"]) for r in rows] == [
        _n("城西河道综合治理项目。"),
        _n("打造安全上学路6条。"),
        _n("交通方面。"),
        _n("推进产业园区建设。"),
    ]
    assert _n(rows[0].cells["progress"]) == _n("项目已全部完成。")
    assert _n(rows[3].cells["progress"]).startswith(_n("区发改局与区城投集团"))

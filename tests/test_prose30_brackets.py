"""Numbered prose, prose30: of two brackets in an item's first sentence, a bracket glued inside the
sentence (Han text right after it) belongs to a name ("乡镇（街道）建有…", "村卫生室（社区卫生服务站）5个");
the bracket of units that closes the sentence later is the item's units marker."""

from __future__ import annotations

import pytest

import extractor
from extractor.models import Row
from extractor.textnorm import match_view
from tests.test_prose28_lists import to_traditional

TEXT = (
    "1.新增5个乡镇（街道）建有普惠托育机构【县卫生健康局】。已全部完成（城关镇托育中心等5处）。\n"
    "2.新改扩建规范化村卫生室（社区卫生服务站）8个（县卫健局）。目前已完成6个。\n"
    "3.建设城区公共停车场2处（县住建局）。已开工1处。\n"
)


def _rows(text: str) -> list[Row]:
    document = extractor.parse(text.encode("utf-8"))
    return [r for t in document.tables for r in t.rows]


@pytest.mark.parametrize(
    "text", [TEXT, to_traditional(TEXT), TEXT.replace("（", "(").replace("）", ")"), TEXT.replace("1.", "1. ")]
)
def test_the_bracket_closing_the_sentence_is_the_units_marker(text: str) -> None:
    rows = _rows(text)
    assert [match_view(r.cells["task"]) for r in rows] == [
        match_view("新增5个乡镇（街道）建有普惠托育机构"),
        match_view("新改扩建规范化村卫生室（社区卫生服务站）8个"),
        match_view("建设城区公共停车场2处"),
    ]
    assert [[match_view(u) for u in r.lead_units] for r in rows] == [
        [match_view("县卫生健康局")],
        [match_view("县卫健局")],
        [match_view("县住建局")],
    ]
    assert match_view(rows[1].cells["progress"]) == match_view("目前已完成6个。")


# ----------------------------------------------------------------- units set off before or after the task

TAGGED = (
    "1.【市住建局】推进城南污水处理厂建设。截至6月底，已完成主体工程的80%。\n"
    "2.【县教育局、县财政局】新建中小学3所。目前已开工2所。\n"
)
CATEGORIES = (
    "1.【托幼育人】推进城南托育中心建设。截至6月底，已完成主体工程的80%。\n"
    "2.【住有所居】新建保障房300套。目前已开工200套。\n"
)


@pytest.mark.parametrize("text", [TAGGED, to_traditional(TAGGED), TAGGED.replace("【", "[").replace("】", "]")])
def test_a_leading_tag_of_office_names_is_the_units(text: str) -> None:
    rows = _rows(text)
    assert [match_view(r.cells["task"]) for r in rows] == [
        match_view("推进城南污水处理厂建设。"),
        match_view("新建中小学3所。"),
    ]
    assert [[match_view(u) for u in r.lead_units] for r in rows] == [
        [match_view("市住建局")],
        [match_view("县教育局"), match_view("县财政局")],
    ]


def test_a_leading_tag_of_a_category_stays_a_category() -> None:
    rows = _rows(CATEGORIES)
    assert [r.lead_units for r in rows] == [[], []]
    assert [r.section for r in rows] == ["托幼育人", "住有所居"]


GAPPED = (
    "1.推进城南污水处理厂建设  市住建局\n截至6月底，已完成主体工程的80%。\n"
    "2.新建中小学3所　县教育局、县财政局\n目前已开工2所。\n"
)


@pytest.mark.parametrize("text", [GAPPED, to_traditional(GAPPED), GAPPED.replace("  ", "\u3000\u3000")])
def test_office_names_set_off_by_a_gap_after_the_task_are_the_units(text: str) -> None:
    rows = _rows(text)
    assert [match_view(r.cells["task"]) for r in rows] == [
        match_view("推进城南污水处理厂建设"),
        match_view("新建中小学3所"),
    ]
    assert [match_view(r.cells["progress"]) for r in rows] == [
        match_view("截至6月底，已完成主体工程的80%。"),
        match_view("目前已开工2所。"),
    ]
    assert [[match_view(u) for u in r.lead_units] for r in rows] == [
        [match_view("市住建局")],
        [match_view("县教育局"), match_view("县财政局")],
    ]


def test_a_person_or_a_place_after_a_gap_is_no_units() -> None:
    from extractor.layout.prose import _gap_units

    assert _gap_units("推进项目建设  全市") is None
    assert _gap_units("推进项目建设  张伟") is None
    assert _gap_units("完成投资  5亿元") is None
    assert _gap_units("新建学校3所  县教育局") == ("新建学校3所", "县教育局")

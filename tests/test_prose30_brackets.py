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

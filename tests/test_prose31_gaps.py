"""Numbered prose, prose31: items of one list each printed as head, one space, report on the same
line are split at the space (prose.py _split_at_gaps); a line with several spaces is a copy's
spacing, not a break."""

from __future__ import annotations

import pytest

import extractor
from extractor.models import Row
from extractor.textnorm import match_view
from tests.test_prose28_lists import to_traditional

TASKS = [
    "持续深入推进技能人才队伍建设，全年开展职业技能培训4.7万人次以上。",
    "开工建设一批义务教育学校校舍、运动场等基础设施，促进义务教育优质均衡发展。",
    "强化责任担当，把巡察整改作为一项重大政治任务抓紧抓实",
]
REPORTS = [
    "全市开展各类职业技能培训10万人次，新增技能人才5.7万人，新增高技能人才3.8万人。",
    "市第二实验中学田径场项目、郾城初级中学学生宿舍楼项目等4个项目全部投入使用。",
    "收到巡察反馈意见后，主动认领问题，立即成立整改工作领导小组并担任组长。",
]


def _text(space: str = " ", enumerator: str = "{n}.") -> str:
    items = [f"{enumerator.format(n=n)}{t}{space}{r}" for n, (t, r) in enumerate(zip(TASKS, REPORTS, strict=True), 1)]
    return "现将有关情况报告如下：\n" + "\n".join(items) + "\n"


def _rows(text: str) -> list[Row]:
    document = extractor.parse(text.encode("utf-8"))
    return [r for t in document.tables for r in t.rows]


@pytest.mark.parametrize(
    ("text", "script"),
    [
        (_text(), str),
        (_text("\u3000"), str),
        (_text(" ", "（{n}）"), str),
        (to_traditional(_text()), to_traditional),
        (_text().replace("，", ","), str),
    ],
)
def test_one_space_between_head_and_report_ends_the_task(text: str, script) -> None:
    rows = _rows(text)
    assert [match_view(r.cells["task"]) for r in rows] == [match_view(script(t)) for t in TASKS]
    assert [match_view(r.cells["progress"]) for r in rows] == [match_view(script(r)) for r in REPORTS]


def test_several_spaces_are_a_copys_spacing() -> None:
    from extractor.layout.base import Line
    from extractor.layout.prose import _head_gap, _Item

    assert _head_gap(_Item(1, 2, [Line(f"1.{TASKS[0]} {REPORTS[0]}")])) is not None
    spaced = "1.加强水力、电力、电 信、码头、道路、排水等基础设施 提升乡亲生活品质,因应产业经济发展需求"
    assert _head_gap(_Item(1, 2, [Line(spaced)])) is None

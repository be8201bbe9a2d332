"""Numbered prose, prose31: items of one list printed alike as a head line over a paragraph of their
own are split at that break (prose.py _split_at_paragraphs), whatever words the paragraph opens with;
a head that fills the line and runs on is one wrapped paragraph, not a head."""

from __future__ import annotations

import pytest

import extractor
from extractor.models import Row
from extractor.textnorm import match_view
from tests.test_prose28_lists import to_traditional

TEXT = (
    "现将有关情况报告如下：\n"
    "1、持续深入推进“人人持证、技能河南”建设，全年开展职业技能培训4.7万人次以上，新增技能人才5.7万人以上。\n"
    "全市开展各类职业技能培训10万人次，新增技能人才5.7万人，新增高技能人才3.8万人。\n"
    "2、开工建设一批义务教育学校校舍、运动场等基础设施，大幅改善4所学校办学条件，促进义务教育优质均衡发展。\n"
    "市第二实验中学田径场项目、郾城初级中学学生宿舍楼项目等4个项目已全部竣工。\n"
    "3、强化责任担当，切实提高政治站位，把巡察整改作为一项重大政治任务抓紧抓实\n"
    "收到巡察反馈意见后，主动认领问题，立即成立整改工作领导小组并担任组长，负责整改工作的统一领导。\n"
)
TASKS = [
    "持续深入推进“人人持证、技能河南”建设，全年开展职业技能培训4.7万人次以上，新增技能人才5.7万人以上。",
    "开工建设一批义务教育学校校舍、运动场等基础设施，大幅改善4所学校办学条件，促进义务教育优质均衡发展。",
    "强化责任担当，切实提高政治站位，把巡察整改作为一项重大政治任务抓紧抓实",
]
REPORTS = ["全市开展各类职业技能培训10万人次", "市第二实验中学田径场项目", "收到巡察反馈意见后"]


def _rows(text: str) -> list[Row]:
    document = extractor.parse(text.encode("utf-8"))
    return [r for t in document.tables for r in t.rows]


@pytest.mark.parametrize(
    "text",
    [
        TEXT,
        to_traditional(TEXT),
        TEXT.replace("，", ","),
        TEXT.replace("1、", "1. ").replace("2、", "2. ").replace("3、", "3. "),
        TEXT.replace("\n全", "\n　　全"),
    ],
)
def test_head_over_paragraph_splits_at_the_break(text: str) -> None:
    script = to_traditional if text == to_traditional(TEXT) else str
    rows = _rows(text)
    assert [match_view(r.cells["task"]) for r in rows] == [match_view(script(t)) for t in TASKS]
    for row, report in zip(rows, REPORTS, strict=True):
        assert match_view(row.cells["progress"]).startswith(match_view(script(report)))


def test_a_head_that_fills_the_line_is_no_head() -> None:
    # the head fills the list's longest line and runs on ("…根" / "基。"): a page's wrap, not a break
    from extractor.layout.base import Line
    from extractor.layout.prose import _head_over_paragraph, _Item

    wrapped = _Item(
        1, 3, [Line("1. 落实离岛综合建设五期及十二年中长程发展计划,为地方创生奠定永续发展根"), Line("基。")]
    )
    assert not _head_over_paragraph(wrapped, 74)
    short = _Item(1, 3, [Line("1. 落实离岛综合建设五期计划"), Line("行政处办理补助计划管考会议已完成,召开会议3次。")])
    assert _head_over_paragraph(short, 74)
    stopped = _Item(1, 3, [Line("1. 落實離島綜合建設五期及十二年中長程發展計畫,奠定永續發展根基。"), Line("已完成。")])
    assert _head_over_paragraph(stopped, 74)


@pytest.mark.parametrize(
    ("label", "after"), [("责任部门：", 1), ("牵头单位:", 1), ("責任單位：", 1), ("责任单位：", 0)]
)
def test_a_closing_unit_line_is_read_past(label: str, after: int) -> None:
    # "head。" / "report" / "责任部门：X": the units line is the units', the break before the report ends the task
    lines = TEXT.splitlines()
    units = ["市人力资源和社会保障局", "市教育局", "市纪委监委"]
    text = "\n".join(
        [lines[0], *(line + (f"\n{label}{units.pop(0)}" if k % 2 == after else "") for k, line in enumerate(lines[1:]))]
    )
    rows = _rows(text + "\n")
    assert [match_view(r.cells["task"]) for r in rows] == [match_view(t) for t in TASKS]
    assert [match_view(r.cells["progress"])[:8] for r in rows] == [match_view(r)[:8] for r in REPORTS]
    assert [[match_view(u) for u in r.lead_units] for r in rows] == [
        [match_view("市人力资源和社会保障局")],
        [match_view("市教育局")],
        [match_view("市纪委监委")],
    ]

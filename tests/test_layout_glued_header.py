"""A table flattened with its header glued into one line that no synonym cuts, rows keyed by a code.

A milestone page ("年度季別里程碑工作內容說明近期執行概況說明", then one line per quarter "1081 結案 本案…")
loses every cell boundary of its header and keeps single spaces between the cells of its rows. The
header is cut where each part reads as a header by its morphemes (``aligned._morpheme_cells``); the
rows are its lines, not the "1、" / "2、" items inside a milestone cell; a numbered item goes on in
the same cell; a web page's "Scroll To Top" ends the table.
"""

from __future__ import annotations

import pytest

import extractor
from extractor.headers import is_furniture, opens_with_joiner
from extractor.layout.aligned import _morpheme_cells

MILESTONES_TRADITIONAL = """各區提案查詢

回案件列表
受理提案單位:臺北市某區公所 | 序號:106030099

社區綠廊計畫

年度季別里程碑工作內容說明近期執行概況說明
1084 結案 本案已辦理完成,經提報本府公民參與委員會同意結案。
1083 1、步道旁空地種植原生植栽,客土整平。
2、設置解說牌。
本案已完成施作,於12月10日向提案人報告並獲同意。
1082 入口處雜木移除 考量雨季影響施工,經與提案人協調後延至第3季完成。
1081 步道綠美化(種植喬木暨地被) 公有空地種植喬木12棵及灌木280株已於3月20日前完成。
Scroll To Top
"""

MILESTONES_SIMPLIFIED = """各区提案查询

社区绿廊计划

年度季别里程碑工作内容说明近期执行概况说明
1124 结案 本案已办理完成;经提报委员会同意结案.
1123 1.步道旁空地种植原生植栽,客土整平.
2.设置解说牌.
本案已完成施作;于12月10日向提案人报告并获同意.
1122 入口处杂木移除 考量雨季影响施工;经与提案人协调后延至第3季完成.
1121 步道绿美化(种植乔木暨地被) 公有空地种植乔木12棵及灌木280株已于3月20日前完成.
Back to top
"""


@pytest.mark.parametrize("text", [MILESTONES_TRADITIONAL, MILESTONES_SIMPLIFIED], ids=["traditional", "simplified"])
def test_glued_milestone_header_reads_rows_by_line(text: str) -> None:
    (table,) = extractor.parse(text.encode("utf-8")).tables
    assert table.layout == "aligned-spaces"
    assert [c.field for c in table.columns] == ["deadline", "task", "progress"]
    tasks = [row.task for row in table.rows]
    progress = [row.progress for row in table.rows]
    assert len(table.rows) == 4  # the quarters, not the 1、/2、 items inside a milestone cell
    assert tasks[0] in ("結案", "结案")
    # the second item goes on in the milestone cell; the progress starts on the line after it
    assert tasks[1].replace("\n", "") in (
        "1、步道旁空地種植原生植栽,客土整平。2、設置解說牌。",
        "1.步道旁空地种植原生植栽,客土整平.2.设置解说牌.",
    )
    assert progress[1].startswith("本案已完成施作")
    assert tasks[3].startswith("步道")
    assert progress[3].startswith("公有空地種植") or progress[3].startswith("公有空地种植")
    assert all("top" not in (row.progress or "").lower() for row in table.rows)  # page chrome, no cell


@pytest.mark.parametrize(
    ("glued", "cells"),
    [
        ("年度季別里程碑工作內容說明近期執行概況說明", ["年度季別", "里程碑工作內容說明", "近期執行概況說明"]),
        ("年度季别里程碑工作内容说明近期执行概况说明", ["年度季别", "里程碑工作内容说明", "近期执行概况说明"]),
        ("办理期限建议事项承办单位", ["办理期限", "建议事项", "承办单位"]),
    ],
)
def test_glued_header_cut_by_morphemes(glued: str, cells: list[str]) -> None:
    assert _morpheme_cells(glued) == cells


@pytest.mark.parametrize("title", ["重点项目建设进展情况", "各區提案查詢", "走讀霧裡薛圳"])
def test_a_title_is_not_cut_into_a_header(title: str) -> None:
    # a title may read as header words ("重点|项目建设|进展情况"), but two of them name one field
    assert _morpheme_cells(title) is None


def test_no_header_cell_opens_with_a_joining_word() -> None:
    assert opens_with_joiner("說明近期執行概況說明") and opens_with_joiner("及配合单位")
    assert not opens_with_joiner("近期执行概况说明") and not opens_with_joiner("具体内容")


@pytest.mark.parametrize("line", ["Scroll To Top", "back to top", "回到顶部", "返回頂部"])
def test_scroll_to_top_is_page_furniture(line: str) -> None:
    assert is_furniture(line)
    assert not is_furniture("Top 10 项目")

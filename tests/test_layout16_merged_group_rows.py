"""Rows under a merged group cell that a copy left out, their cells standing one column to the left.

A responsibility table "工作任务 | 具体要求 | 责任单位" merges each group's name ("一、深入解读…") over
its items ("（一）…", "（二）…"); copied as pipe or tab rows, an item under the first loses the merged
cell and stands in the group's column ("（二）对… | ||"). The item numbering says where it belongs:
it goes on from the number the row above opens its second column with, while the first column is
numbered another way. The group becomes each row's section, the items the tasks, their units merged
from above; the document's last line, cut off before its first bar, is the next item.
"""

from __future__ import annotations

import pytest

import extractor
from extractor.headers import item_enumerator
from extractor.models import Table

PIPES = """2019年政务公开工作要点责任分工表
工作任务 | 具体要求 | 责任单位 |
一、深入解读重要政策措施 | （一）按照“谁起草、谁解读”原则，做到政策文件与解读方案同步组织。 | 各镇（街），市直各单位 |
（二）对关注度高的政府文件进行政策解读。 | ||
（三）重大事件发生时，主要负责同志要带头解读政策。 | ||
二、积极回应社会关切 | （四）对涉及群众切身利益的政策文件做好舆情风险评估。 | 市委宣传部 |
（五）进一步强化舆情回应意识，落实回应主体责任。 | 市政务服务数据管理局 | |
（六）对减税降费、社会保障等热点加强舆情监测，及时解疑释
"""

TRADITIONAL_TABS_ARABIC = """2019年政務公開工作要點責任分工表
工作任務\t具體要求\t責任單位
一、深入解讀重要政策措施\t1.按照"誰起草、誰解讀"原則,做到政策文件與解讀方案同步組織。\t各鎮(街),市直各單位
2.對關注度高的政府文件進行政策解讀。\t
3.重大事件發生時,主要負責同志要帶頭解讀政策。\t
二、積極回應社會關切\t4.對涉及群眾切身利益的政策文件做好輿情風險評估。\t市委宣傳部
5.進一步強化輿情回應意識,落實回應主體責任。\t市政務服務數據管理局\t
6.對減稅降費、社會保障等熱點加強輿情監測,及時解疑釋
"""

FULL_WIDTH_BARS = PIPES.replace("|", "｜").replace("（", "(").replace("）", ")")


def _table(text: str) -> Table:
    (table,) = extractor.parse(text.encode("utf-8")).tables
    return table


@pytest.mark.parametrize(
    ("text", "seq_texts", "sections", "units"),
    [
        pytest.param(
            PIPES,
            ["（一）", "（二）", "（三）", "（四）", "（五）", "（六）"],
            ["一、深入解读重要政策措施"] * 3 + ["二、积极回应社会关切"] * 3,
            [["各镇（街）", "市直各单位"]] * 3 + [["市委宣传部"], ["市政务服务数据管理局"], []],
            id="pipes-bracketed-items",
        ),
        pytest.param(
            FULL_WIDTH_BARS,
            ["(一)", "(二)", "(三)", "(四)", "(五)", "(六)"],
            ["一、深入解读重要政策措施"] * 3 + ["二、积极回应社会关切"] * 3,
            [["各镇(街)", "市直各单位"]] * 3 + [["市委宣传部"], ["市政务服务数据管理局"], []],
            id="full-width-bars-ascii-brackets",
        ),
        pytest.param(
            TRADITIONAL_TABS_ARABIC,
            ["1.", "2.", "3.", "4.", "5.", "6."],
            ["一、深入解讀重要政策措施"] * 3 + ["二、積極回應社會關切"] * 3,
            [["各鎮(街)", "市直各單位"]] * 3 + [["市委宣傳部"], ["市政務服務數據管理局"], []],
            id="traditional-tabs-arabic-items",
        ),
    ],
)
def test_items_under_a_merged_group_cell(
    text: str, seq_texts: list[str], sections: list[str], units: list[list[str]]
) -> None:
    table = _table(text)
    assert [r.seq_text for r in table.rows] == seq_texts
    assert [r.seq for r in table.rows] == [1, 2, 3, 4, 5, 6]
    assert [r.section for r in table.rows] == sections
    assert [r.lead_units for r in table.rows] == units  # merged down; the cut-off row's never reached
    tasks = [r.task or "" for r in table.rows]
    assert tasks[1] in (
        "对关注度高的政府文件进行政策解读。",
        "對關注度高的政府文件進行政策解讀。",
    )  # its number is its 序号
    assert tasks[5].endswith(("及时解疑释", "及時解疑釋"))  # cut off as the document ends


def test_a_row_numbered_like_its_own_column_stays_in_place() -> None:
    """Items numbered in the first column itself ("2、…" under "1、…") are rows in place, not moved."""
    text = """序号 | 工作任务 | 责任单位 |
1、推进老旧小区改造 | （一）完成改造12个小区 | 区住建局 |
2、新建社区食堂 | （二）建成食堂8个 | 区民政局 |
"""
    table = _table(text)
    assert [r.lead_units for r in table.rows] == [["区住建局"], ["区民政局"]]
    assert len(table.rows) == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("（二）对…", ("(C)", 2)),
        ("(二)对…", ("(C)", 2)),
        ("3.推进", ("A.", 3)),
        ("3、推进", ("A、", 3)),
        ("十二、深化改革", ("C、", 12)),
        ("（12）新建", ("(A)", 12)),
        ("1.5亿元", None),
        ("一是加快", None),
        ("2024年", None),
    ],
)
def test_item_enumerator(text: str, expected: tuple[str, int] | None) -> None:
    assert item_enumerator(text) == expected


def test_a_row_longer_than_the_table_with_its_text_past_the_last_column_is_read() -> None:
    """Four empty cells, then the text: the first text stands past the table's three columns; the row
    is read, not an IndexError (review26)."""
    text = (
        "| 序号 | 工作任务 | 完成情况 |\n|---|---|---|\n| 1 | （一）推进城市建设 | 已完成 |\n"
        "|  |  |  |  | （二）推进乡村建设 | 已完成 |\n| 2 | （三）推进道路建设 | 已完成 |\n"
    )
    document = extractor.parse(text.encode("utf-8"))
    assert [row.seq for table in document.tables for row in table.rows][-1] == 2

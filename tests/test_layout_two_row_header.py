"""A delimited table whose header is two lines: a group cell over its sub-columns.

A web table flattened to ``|`` text keeps a colspan as an empty cell after the group
("2025年进展情况 | |") and prints the sub-columns on the next line ("截至6月底进展 | 7月工作计划").
The aligned reading takes that line as the group's sub-columns (``aligned._sub_header``), rows
missing a merged category cell keep their years under 起止年限 (a year alone reads as a date), a
plan written as an action stays in the plan column; the table stage moves such a line under its
group (``table._sub_header_moved_under_group``) and reads the dated sub-column as the progress
rather than an undated 完成情况 beside it.
"""

from __future__ import annotations

import pytest

import extractor
from extractor.layout import Line
from extractor.layout.aligned import aligned_rows
from extractor.layout.classes import classify
from extractor.readers.raw import RawTable
from extractor.table import _column_claims

GROUPED = """2025年民生实事项目进展表(截至6月底)
序号 | 项目名称 | 起止 年限 | 子项目 | 具体内容 | 具体完成情况 | 2025年进展情况 | ||
截至6月底进展 | 7月工作计划 | |||||||
1 | 一、教育提升工程 | 2024- 2025 | 完成某中学食堂建设 | 新建食堂 | 当年完成 | 装饰工程施工 | 附属工程施工 | ||
2 | 2025 | 启动实施某学校建设 | 原址拆除重建,共四层 | 开工建设 | 已完成施工招标,正在办理施工许可证 | 开工建设 | ||
3 | 2024- 2025 | 建成投用某中学教学楼 | 共五层,9个教学班 | 当年完成 | 主体结构封顶 | 装饰工程施工 | ||
4 | 二、医疗提升工程 | 2023-2026 | 某医疗综合体竣工 | 建设900床综合医院 | 当年完成 | 幕墙施工 | 室内装修 | ||
"""

GROUPED_TRADITIONAL = """2025年民生實事項目進展表（截至9月底）
序號 | 項目名稱 | 起止 年限 | 子項目 | 具體內容 | 具體完成情況 | 2025年進展情況 | ||
截至9月底進展 | 10月工作計劃 | |||||||
1 | 一、文化提升工程 | 2024- 2025 | 建成某圖書館分館 | 改造閱覽室兩處 | 當年完成 | 內部裝修 | 設備安裝 | ||
2 | 2025 | 實施某公園提升 | 新建步道3公里 | 開工建設 | 已完成設計招標,正在辦理用地手續 | 開工建設 | ||
3 | 2024- 2025 | 建成某文化站 | 共三層 | 當年完成 | 主體結構封頂 | 內部裝修 | ||
4 | 二、體育提升工程 | 2023-2026 | 某體育館竣工 | 建設看台3000座 | 當年完成 | 屋面施工 | 場館布展 | ||
"""


def _aligned_table(text: str) -> list[list[str | None]]:
    blocks = aligned_rows([Line(line) for line in text.split("\n")])
    assert blocks is not None
    (table,) = [b for b in blocks if isinstance(b, RawTable)]
    assert table.layout == "aligned-delimited"
    return [[c.text for c in row.cells] for row in table.rows]


@pytest.mark.parametrize("text", [GROUPED, GROUPED_TRADITIONAL], ids=["simplified", "traditional"])
def test_aligned_reads_group_header_over_sub_columns(text: str) -> None:
    rows = _aligned_table(text)
    top, bottom, *body = rows
    assert top[6].startswith("2025年") and top[7] is None  # the group, spanning its two sub-columns
    assert bottom[6].startswith("截至") and bottom[7].startswith(("7月", "10月"))
    assert [row[0] for row in body] == ["1", "2", "3", "4"]
    # row 2 has no category cell (merged over it): its year stays under 起止年限, its task under 子项目
    assert body[1][1] == "" and body[1][2] == "2025"
    assert body[1][3] in ("启动实施某学校建设", "實施某公園提升")
    assert body[1][6] in ("已完成施工招标,正在办理施工许可证", "已完成設計招標,正在辦理用地手續")
    assert body[1][7] in ("开工建设", "開工建設")  # a plan written as an action stays a plan


FLAT_SUB_HEADER = """序号 | 目标任务 | 责任单位 | 2024年推进情况 | |
截至9月底进展 | 10月工作计划 | ||||
1 | 新建公办幼儿园3所 | 区教育局 | 2所已竣工,1所主体完工 | 完成验收 |
2 | 改造老旧小区12个 | 区住建局 | 已完工9个 | 完成剩余3个 |
"""

FLAT_SUB_HEADER_TRADITIONAL = """序號 | 目標任務 | 責任單位 | 2024年推進情況 | |
1-9月進展 | 10月工作計劃 | ||||
1 | 新建公辦幼兒園3所 | 區教育局 | 2所已竣工,1所主體完工 | 完成驗收 |
2 | 改造老舊小區12個 | 區住建局 | 已完工9個 | 完成剩餘3個 |
"""


@pytest.mark.parametrize("text", [FLAT_SUB_HEADER, FLAT_SUB_HEADER_TRADITIONAL], ids=["simplified", "traditional"])
def test_sub_header_line_flattened_to_the_left_stands_under_its_group(text: str) -> None:
    (table,) = extractor.parse(text.encode("utf-8")).tables
    fields = [c.field for c in table.columns]
    assert fields[:5] == ["seq", "task", "lead_units", "progress", "plan"]
    assert table.columns[3].header.endswith(("截至9月底进展", "1-9月進展"))
    expected = {
        True: [(1, "2所已竣工,1所主体完工", "完成验收"), (2, "已完工9个", "完成剩余3个")],
        False: [(1, "2所已竣工,1所主體完工", "完成驗收"), (2, "已完工9個", "完成剩餘3個")],
    }["区" in text]
    assert [(r.seq, r.progress, r.cells.get("plan")) for r in table.rows] == expected


def test_a_recent_year_alone_is_a_date() -> None:
    assert classify("2025") == "date" and classify("2024年") == "date" and classify("2024- 2025") == "date"
    assert classify("1500") == "number" and classify("2000") == "number"  # counts as often as years


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("2025年进展情况/截至6月底进展", "progress"),
        ("1-9月完成情况", "progress"),
        ("第三季度進展", "progress"),
    ],
)
def test_dated_progress_header_claims_more(header: str, field: str) -> None:
    claims = dict(_column_claims(header))
    assert max(claims, key=lambda name: claims[name]) == field
    assert claims[field] > dict(_column_claims("具体完成情况"))["progress"]


def test_forecast_or_undated_progress_header_claims_no_more() -> None:
    undated = dict(_column_claims("具体完成情况"))["progress"]
    assert dict(_column_claims("预计至12月31日完成工作进度"))["progress"] <= undated
    assert dict(_column_claims("2025年进展情况"))["progress"] <= undated

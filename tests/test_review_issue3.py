"""Review of the table stage and text layouts (issue 3): each test is a bug found by review.

Every input is a small text document of the genre; the expected values are what a reader of the
document would write down. These tests fail until the bugs are fixed.
"""

from __future__ import annotations

import pytest

import extractor
from extractor.models import Document, Row


def parse(text: str) -> Document:
    return extractor.parse(text.encode())


def rows(text: str) -> list[Row]:
    (table,) = parse(text).tables
    return table.rows


def stream(*rows_: list[str]) -> str:
    """A web table copied as text: one cell per line group, a blank line between cells."""
    return "\n\n".join("\n\n".join(row) for row in rows_) + "\n"


TAB_BODY = "1\t建设污水处理厂\t已完成主体工程。\t区水务局\n2\t改造老旧小区\t完成80%。\t区住建委\n"
TAB_HEADER = "序号\t目标任务\t完成情况\t牵头单位\n"


# ------------------------------------------------------------------ two-row header false positives


@pytest.mark.parametrize(
    "text",
    [
        "目标任务\t完成情况\t牵头单位\n重点项目建设\t进展顺利\t区发改委\n老旧小区改造\t已完成\t区住建委\n",
        "| 重点任务 | 进展情况 | 责任单位 |\n|---|---|---|\n"
        "| 项目开工 | 已开工 | 区发改委 |\n| 小区改造 | 已完成 | 区住建委 |\n",
    ],
    ids=["tab", "pipe"],
)
def test_first_row_of_table_without_seq_is_not_a_sub_header(text: str) -> None:
    """A table without 序号: its first row, holding a header word (项目, 进展), is eaten as a second header row."""
    (table,) = parse(text).tables
    assert len(table.rows) == 2
    assert [c.field for c in table.columns] == ["task", "progress", "lead_units"]
    assert "区发改委" in table.rows[0].lead_units


def test_category_row_with_empty_seq_is_not_a_sub_header() -> None:
    """A category row "（一）民生实事" right under the header is merged into the header ("目标任务（一）民生实事")."""
    text = TAB_HEADER + "\t（一）民生实事\t\t\n" + TAB_BODY
    (table,) = parse(text).tables
    assert [c.header for c in table.columns] == ["序号", "目标任务", "完成情况", "牵头单位"]
    assert [(r.seq, r.section) for r in table.rows] == [(1, "（一）民生实事"), (2, "（一）民生实事")]


# ------------------------------------------------------------------ section rows with empty cells


@pytest.mark.parametrize(
    "text",
    [
        TAB_HEADER + "一、产业项目\t\t\t\n" + TAB_BODY,
        "| 序号 | 目标任务 | 完成情况 | 牵头单位 |\n|---|---|---|---|\n| 一、产业项目 | | | |\n"
        "| 1 | 建设污水处理厂 | 已完成主体工程。 | 区水务局 |\n| 2 | 改造老旧小区 | 完成80%。 | 区住建委 |\n",
    ],
    ids=["tab", "pipe"],
)
def test_heading_row_with_empty_cells_is_a_section(text: str) -> None:
    """A heading row whose other cells are empty ("" not merged) becomes a data row with 序号 "一、产业项目"."""
    assert [(r.seq, r.task, r.section) for r in rows(text)] == [
        (1, "建设污水处理厂", "一、产业项目"),
        (2, "改造老旧小区", "一、产业项目"),
    ]


def test_heading_in_task_column_is_a_section_not_a_row() -> None:
    """A heading row "\\t二、民生项目\\t\\t" becomes a data row that even inherits the lead unit above."""
    text = (
        TAB_HEADER + "1\t建设污水处理厂\t已完成主体工程。\t区水务局\n\t二、民生项目\t\t\n"
        "2\t改造老旧小区\t完成80%。\t区住建委\n"
    )
    assert [(r.seq, r.task, r.section) for r in rows(text)] == [
        (1, "建设污水处理厂", None),
        (2, "改造老旧小区", "二、民生项目"),
    ]


# ------------------------------------------------------------------ tab tables losing rows


def test_unnumbered_section_line_inside_tab_table_keeps_the_rows_after_it() -> None:
    """A plain group line ("民生保障类") inside a tab table splits it: every row after it goes to unplaced_text."""
    text = (
        TAB_HEADER + "1\t建设污水处理厂\t已完成主体工程。\t区水务局\n民生保障类\n"
        "2\t改造老旧小区\t完成80%。\t区住建委\n3\t新建学校\t已开工。\t区教委\n"
    )
    assert [(r.seq, r.task, r.lead_units) for r in rows(text)] == [
        (1, "建设污水处理厂", ["区水务局"]),
        (2, "改造老旧小区", ["区住建委"]),
        (3, "新建学校", ["区教委"]),
    ]


def test_line_break_in_last_tab_cell_continues_the_cell() -> None:
    """A line break inside the last cell of a tab row (browser copy) ends the table: the rows after it are lost."""
    text = (
        "序号\t目标任务\t牵头单位\t完成情况\n1\t建设污水处理厂\t区水务局\t已完成主体工程。\n设备安装完成60%。\n"
        "2\t改造老旧小区\t区住建委\t完成80%。\n"
    )
    assert [(r.seq, r.progress) for r in rows(text)] == [
        (1, "已完成主体工程。\n设备安装完成60%。"),
        (2, "完成80%。"),
    ]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("一、完成主体工程；\n二、完成设备安装。", "一、完成主体工程；\n二、完成设备安装。"),
        (
            "（一）完成主体工程；\n（二）完成设备安装；\n（三）完成调试。",
            "（一）完成主体工程；\n（二）完成设备安装；\n（三）完成调试。",
        ),
    ],
    ids=["dun", "paren"],
)
def test_enumerated_lines_inside_a_tab_cell_are_not_headings(cell: str, expected: str) -> None:
    """A cell's second line "二、…" / "（二）…" is taken as a heading: a bogus row or section, the lead unit lost."""
    text = TAB_HEADER + f"1\t建设污水处理厂\t{cell}\t区水务局\n2\t改造老旧小区\t完成80%。\t区住建委\n"
    assert [(r.seq, r.progress, r.lead_units, r.section) for r in rows(text)] == [
        (1, expected, ["区水务局"], None),
        (2, "完成80%。", ["区住建委"], None),
    ]


def test_note_after_tab_table_is_not_appended_to_the_last_row() -> None:
    """Rows that omit an empty trailing 备注 cell make a note line below the table part of the last lead unit."""
    text = "序号\t目标任务\t完成情况\t牵头单位\t备注\n" + TAB_BODY + "注：以上数据截至2024年9月底。\n"
    assert [r.lead_units for r in rows(text)] == [["区水务局"], ["区住建委"]]


def test_rows_all_omitting_the_same_empty_last_cell_are_not_truncated() -> None:
    """Every tab row omits the empty 备注 cell, yet the document is reported cut off inside its last row."""
    text = "序号\t目标任务\t完成情况\t牵头单位\t备注\n" + TAB_BODY + "3\t新建学校\t已开工。\t区教委\n"
    document = parse(text)
    assert len(document.tables[0].rows) == 3
    assert [w.code for w in document.warnings if w.code == "truncated"] == []


def test_column_number_row_under_the_header_is_not_a_task() -> None:
    """A column-number row (1 2 3 4) under the header becomes a task row with task "2" and lead unit "4"."""
    text = TAB_HEADER + "1\t2\t3\t4\n" + TAB_BODY
    assert [(r.seq, r.task) for r in rows(text)] == [(1, "建设污水处理厂"), (2, "改造老旧小区")]


# ------------------------------------------------------------------ cell streams


def test_stream_enumerated_lines_in_last_column_stay_in_the_cell() -> None:
    """In a cell stream the last line "二、…" of the last cell before a 序号 becomes the next row's section."""
    text = stream(
        ["序号", "目标任务", "牵头单位", "完成情况"],
        ["1", "建设污水处理厂", "区水务局", "一、完成主体工程；\n二、完成设备安装。"],
        ["2", "改造老旧小区", "区住建委", "一、完成80%；\n二、启动验收。"],
        ["3", "新建学校", "区教委", "已开工。"],
    )
    assert [(r.seq, r.progress, r.section) for r in rows(text)] == [
        (1, "一、完成主体工程；\n二、完成设备安装。", None),
        (2, "一、完成80%；\n二、启动验收。", None),
        (3, "已开工。", None),
    ]


def test_stream_count_cell_equal_to_next_seq_does_not_split_the_last_row() -> None:
    """A count "4" in the last row (序号 3) is taken as the next 序号: the row is cut and a fifth row made up."""
    text = stream(
        ["序号", "目标任务", "完成情况", "数量", "牵头单位"],
        ["1", "新建学校", "已完成", "2", "区教委"],
        ["2", "新建公园", "已开工", "3", "区园林局"],
        ["3", "新建医院", "在建", "4", "区卫健委"],
    )
    got = rows(text)
    assert [(r.seq, r.task, r.cells.get("数量"), r.lead_units) for r in got] == [
        (1, "新建学校", "2", ["区教委"]),
        (2, "新建公园", "3", ["区园林局"]),
        (3, "新建医院", "4", ["区卫健委"]),
    ]


def test_stream_count_cells_with_a_merged_unit_cell() -> None:
    """A row lacking its merged unit cell, with count cells: the count "3" is taken as the next row's 序号."""
    text = stream(
        ["序号", "目标任务", "计划数", "完成数", "牵头单位"],
        ["1", "新建学校", "3", "2", "区教委"],
        ["2", "新建公园", "4", "3"],
        ["3", "新建医院", "2", "1", "区卫健委"],
    )
    # 完成数 is the table's only progress-like column: read by its morphemes, it is the progress.
    assert [(r.seq, r.task, r.cells["计划数"], r.progress) for r in rows(text)] == [
        (1, "新建学校", "3", "2"),
        (2, "新建公园", "4", "3"),
        (3, "新建医院", "2", "1"),
    ]


def test_stream_rows_lacking_a_merged_unit_cell_do_not_make_a_group_header() -> None:
    """Most rows lack the merged 牵头单位 cell: "完成情况" is read as a group header and the unit column is lost."""
    text = stream(
        ["序号", "目标任务", "完成情况", "牵头单位", "完成时限"],
        ["1", "建设污水处理厂", "已完成主体工程。", "区水务局", "2024年底"],
        ["2", "改造老旧小区", "完成80%。", "2024年底"],
        ["3", "新建学校", "已开工。", "2024年12月"],
        ["4", "新建公园", "已完工。", "2024年6月"],
    )
    (table,) = parse(text).tables
    assert [c.field for c in table.columns] == ["seq", "task", "progress", "lead_units", "deadline"]
    assert [(r.progress, r.lead_units) for r in table.rows] == [
        ("已完成主体工程。", ["区水务局"]),
        ("完成80%。", ["区水务局"]),
        ("已开工。", ["区水务局"]),
        ("已完工。", ["区水务局"]),
    ]


# ------------------------------------------------------------------ numbered prose


def test_prose_items_under_fewer_or_equal_sections_are_the_tasks() -> None:
    """一、/二、/三、 section headings outnumber-or-tie the 1./2./3. items and are taken as the tasks."""
    text = (
        "关于2024年重点任务推进情况的报告\n一、总体情况\n今年以来，各项工作有序推进。\n二、具体进展\n"
        "1.建设污水处理厂。已完成主体工程，完成投资2亿元。牵头单位：区水务局。\n"
        "2.改造老旧小区。完成改造12个小区。牵头单位：区住建委。\n"
        "3.新建学校。已开工。牵头单位：区教委。\n三、下一步工作\n继续推进。\n"
    )
    assert [(r.seq, r.section, r.lead_units) for r in rows(text)] == [
        (1, "二、具体进展", ["区水务局"]),
        (2, "二、具体进展", ["区住建委"]),
        (3, "二、具体进展", ["区教委"]),
    ]


def test_prose_second_label_of_the_same_field_is_not_lost() -> None:
    """牵头单位：… and 责任单位：… in one item both mean lead_units: the second value vanishes from every cell."""
    text = (
        "关于2024年重点任务推进情况的报告\n"
        "1.建设污水处理厂。牵头单位：区水务局；责任单位：各街道办事处。已完成主体工程，完成投资2亿元。\n"
        "2.改造老旧小区。牵头单位：区住建委；责任单位：各镇。完成改造12个小区。\n"
    )
    got = rows(text)
    assert any("各街道办事处" in cell for cell in got[0].cells.values())
    assert any("各镇" in cell for cell in got[1].cells.values())


def test_prose_unit_label_on_the_last_line_is_not_a_signature() -> None:
    """The last item's "牵头单位：区住建委" line is detached as the report's signing unit."""
    text = (
        "关于2024年重点任务推进情况的报告\n\n"
        "1.建设污水处理厂\n进展情况：已完成主体工程，完成投资2亿元。\n牵头单位：区水务局\n\n"
        "2.改造老旧小区\n进展情况：完成改造12个小区。\n牵头单位：区住建委\n"
    )
    assert [(r.seq, r.lead_units) for r in rows(text)] == [(1, ["区水务局"]), (2, ["区住建委"])]


def test_prose_trailing_unit_label_leaves_the_progress_in_the_progress() -> None:
    """Prose "1.任务。进展…。牵头单位：X。" without a progress label: the whole head (progress too) becomes the task."""
    text = (
        "关于2024年重点任务推进情况的报告\n"
        "1.建设污水处理厂。已完成主体工程，完成投资2亿元。牵头单位：区水务局。\n"
        "2.改造老旧小区。完成改造12个小区。牵头单位：区住建委。\n"
    )
    # The short first sentence titles the item: the task is the title as printed, its full stop kept.
    assert [(r.task, r.progress) for r in rows(text)] == [
        ("建设污水处理厂。", "已完成主体工程，完成投资2亿元。"),
        ("改造老旧小区。", "完成改造12个小区。"),
    ]


# ------------------------------------------------------------------ titles and header claims


def test_note_line_above_table_is_not_the_title() -> None:
    """The note line "注：标红的为进度滞后项目" ends with a title cue (项目) and displaces the real title."""
    text = "附件2\n2024年重点项目推进情况表\n注：标红的为进度滞后项目\n" + TAB_HEADER + TAB_BODY
    (table,) = parse(text).tables
    assert table.title == "2024年重点项目推进情况表"


def test_indicator_table_task_is_the_indicator_name() -> None:
    """Header "主要指标 | 单位 | 年度目标 | …": 年度目标 (a number column) takes the task field from 主要指标."""
    text = (
        "序号\t主要指标\t单位\t年度目标\t1-9月完成\t增长（%）\t责任单位\n"
        "1\t地区生产总值\t亿元\t1200\t890\t5.2\t区发改委\n2\t固定资产投资\t亿元\t500\t380\t3.1\t区发改委\n"
    )
    assert [r.task for r in rows(text)] == ["地区生产总值", "固定资产投资"]

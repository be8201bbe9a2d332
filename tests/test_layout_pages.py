"""Page marks (page numbers, running heads) taken out before the layout reads a text's lines."""

from __future__ import annotations

import pytest

import extractor
from extractor.layout import choose_layout
from extractor.layout.base import Line
from extractor.layout.pages import is_page_mark, without_page_marks
from extractor.rules.data import load

PAGE_MARK_EXAMPLES = load("layout")["page_mark_examples"]
PAGE_MARK_COUNTER_EXAMPLES = load("layout")["page_mark_counter_examples"]


@pytest.mark.parametrize("text", PAGE_MARK_EXAMPLES)
def test_page_mark_examples(text: str) -> None:
    assert is_page_mark(text)


@pytest.mark.parametrize("text", PAGE_MARK_COUNTER_EXAMPLES)
def test_page_mark_counter_examples(text: str) -> None:
    assert not is_page_mark(text)


STREAM = """序号
重点工作
进展情况
责任单位
1
新建学校3所
已开工2所，完成投资1.2亿元
市教育局
{mark_a}
2
改造道路5条
已完工3条
市住建局
3
治理河道2条
正在施工
{mark_b}
市水利局
"""

MARKS = [
    ("— 2 —", "— 3 —"),
    ("-2-", "-3-"),
    ("第2页 共3页", "第3页 共3页"),
    ("第 2 頁", "第 3 頁"),
    ("Page 2 of 3", "Page 3 of 3"),
]


def _rows(doc: extractor.Document) -> list[tuple[str, str, str, list[str]]]:
    return [(r.seq_text or "", r.task, r.progress, list(r.lead_units)) for t in doc.tables for r in t.rows]


@pytest.mark.parametrize(("mark_a", "mark_b"), MARKS)
def test_a_cell_a_line_table_reads_through_its_page_breaks(mark_a: str, mark_b: str) -> None:
    text = STREAM.format(mark_a=mark_a, mark_b=mark_b)
    doc = extractor.parse_bytes(text.encode(), "report.txt")
    assert _rows(doc) == [
        ("1", "新建学校3所", "已开工2所，完成投资1.2亿元", ["市教育局"]),
        ("2", "改造道路5条", "已完工3条", ["市住建局"]),
        ("3", "治理河道2条", "正在施工", ["市水利局"]),
    ]
    # nothing lost: the marks are unplaced text
    unplaced = [w.message for w in doc.warnings if w.code == "unplaced_text"]
    assert any(mark_a in m for m in unplaced) and any(mark_b in m for m in unplaced)


def test_the_same_table_without_marks_reads_the_same() -> None:
    marked = extractor.parse_bytes(STREAM.format(mark_a="— 2 —", mark_b="— 3 —").encode(), "a.txt")
    plain = extractor.parse_bytes(STREAM.replace("{mark_a}\n", "").replace("{mark_b}\n", "").encode(), "b.txt")
    assert _rows(marked) == _rows(plain)


def _lines(text: str) -> list[Line]:
    return [Line(t) for t in text.split("\n")]


def test_a_running_head_after_each_mark_is_taken_with_it() -> None:
    head = "XX市2024年重点工作推进情况表"
    text = f"{head}\n1 任务甲 已完成\n— 2 —\n{head}\n2 任务乙 推进中\n— 3 —\n\n{head}\n3 任务丙 已开工"
    kept, taken = without_page_marks(_lines(text))
    assert [line.text for line in taken] == ["— 2 —", head, "— 3 —", head]
    assert kept[0].text == head  # the title at the top stays


def test_a_unit_opening_two_pages_is_no_running_head() -> None:
    # a unit leading many rows may open two pages by chance; it stands in rows elsewhere too
    unit = "市发展和改革委员会办公室"
    text = f"1\n任务甲\n— 2 —\n{unit}\n2\n任务乙\n{unit}\n— 3 —\n{unit}\n3\n任务丙"
    kept, taken = without_page_marks(_lines(text))
    assert [line.text for line in taken] == ["— 2 —", "— 3 —"]
    assert [line.text for line in kept].count(unit) == 3


def test_a_short_line_after_each_mark_is_no_running_head() -> None:
    text = "1\n任务甲\n— 2 —\n市科技局\n2\n任务乙\n— 3 —\n市科技局\n3\n任务丙"
    _kept, taken = without_page_marks(_lines(text))
    assert [line.text for line in taken] == ["— 2 —", "— 3 —"]


def test_no_table_keeps_the_text_as_written() -> None:
    text = "关于开展调研的通知\n— 1 —\n请各单位按时报送材料。"
    choice = choose_layout(_lines(text))
    assert choice.layout is None
    assert [b.text for b in choice.blocks] == ["关于开展调研的通知", "— 1 —", "请各单位按时报送材料。"]


PAGED_TABLE = """XX县2024年重点项目推进情况
现将推进情况报告如下。
{mark1}
| 序号 | 项目名称 | 责任单位 | 进展情况 | 存在问题 |
| 1 | 新建学校3所 | 县教育局 | 已开工2所 | 资金缺口较大 |
{mark2}
| 序号 | 项目名称 | 责任单位 | 进展情况 | 存在问题 |
| 2 | 改造道路5条 | 县住建局 | 已完工3条 | 无 |
{mark3}
"""


@pytest.mark.parametrize("marks", [("— 1 —", "— 2 —", "— 3 —"), ("第1页 共3页", "第2页 共3页", "第3页 共3页")])
def test_a_table_header_printed_on_each_page_is_no_running_head(marks: tuple[str, str, str]) -> None:
    text = PAGED_TABLE.format(mark1=marks[0], mark2=marks[1], mark3=marks[2])
    doc = extractor.parse_bytes(text.encode(), "paged.txt")
    rows = [r for t in doc.tables for r in t.rows]
    assert [(r.seq_text, r.task, r.progress, list(r.lead_units)) for r in rows] == [
        ("1", "新建学校3所", "已开工2所", ["县教育局"]),
        ("2", "改造道路5条", "已完工3条", ["县住建局"]),
    ]
    assert doc.tables[0].layout == "pipe-rows"


def test_the_first_copy_of_a_running_head_stays_when_the_text_opens_with_a_mark() -> None:
    head = "XX市2024年重点工作推进情况表"
    text = f"— 1 —\n{head}\n1 任务甲 已完成\n— 2 —\n{head}\n2 任务乙 推进中\n— 3 —\n{head}\n3 任务丙"
    kept, taken = without_page_marks(_lines(text))
    assert [line.text for line in taken] == ["— 1 —", "— 2 —", head, "— 3 —", head]
    assert kept[0].text == head

"""The layout stage's last resort: a grid whose header names nothing we know, or that has none, is
read with its columns named by what they hold, at a low confidence (``layout/headerless.py``)."""

from __future__ import annotations

import pytest

import extractor
from extractor.errors import NoTableError
from extractor.layout.headerless import HEADERLESS_CONFIDENCE

ROWS = [
    ("1", "新建学校3所", "已完成主体工程，进度80%。", "区教育局"),
    ("2", "改造道路5条", "已完成2条，其余正在施工。", "区住建局"),
    ("3", "新增绿地10公顷", "已完成规划设计。", "区园林局"),
]
# no word of the header vocabulary (项次 and 机关 were, until they were read as 序号 and units: layout15)
UNKNOWN_HEADER = ("栏目", "名目", "状况", "摘要")
FOLD = str.maketrans("学选进设计规划区园林局绿条门", "學選進設計規劃區園林局綠條門")


def _text(separator: str, header: tuple[str, ...] | None, traditional: bool = False) -> bytes:
    lines = ["2024年重点工作进展情况"]
    if header:
        lines.append(separator.join(header))
    lines += [separator.join(row) for row in ROWS]
    text = "\n".join(lines) + "\n"
    return (text.translate(FOLD) if traditional else text).encode()


@pytest.mark.parametrize("separator", ["\t", " | ", "｜"], ids=["tab", "pipe", "full-width-pipe"])
@pytest.mark.parametrize("header", [None, UNKNOWN_HEADER], ids=["no-header", "unknown-header"])
@pytest.mark.parametrize("traditional", [False, True], ids=["simplified", "traditional"])
def test_columns_are_named_by_their_content(separator: str, header: tuple[str, ...] | None, traditional: bool) -> None:
    document = extractor.parse_bytes(_text(separator, header, traditional), "t.txt")
    (table,) = document.tables
    assert table.layout is not None and table.layout.endswith("-headerless")
    assert table.confidence is not None and 0 < table.confidence <= HEADERLESS_CONFIDENCE
    rows = table.rows
    back = {v: k for k, v in FOLD.items()}
    assert [r.seq for r in rows] == [1, 2, 3]
    assert [r.task.translate(back) for r in rows] == [row[1] for row in ROWS]
    assert [r.progress.translate(back) for r in rows] == [row[2] for row in ROWS]
    assert [[u.translate(back) for u in r.lead_units] for r in rows] == [[row[3]] for row in ROWS]


def test_a_known_header_is_read_as_before() -> None:
    document = extractor.parse_bytes(_text("\t", ("序号", "工作任务", "进展情况", "责任单位")), "t.txt")
    (table,) = document.tables
    assert not (table.layout or "").endswith("-headerless")
    assert [r.task for r in table.rows] == [row[1] for row in ROWS]


def test_a_grid_of_no_text_column_is_still_no_table() -> None:
    text = "统计\n1\t2\t3\n4\t5\t6\n7\t8\t9\n".encode()
    with pytest.raises(NoTableError):
        extractor.parse_bytes(text, "t.txt")


def test_numbers_that_do_not_count_up_are_no_seq_and_no_task() -> None:
    rows = [
        ("35", "新建学校3所", "已完成主体工程。"),
        ("12", "改造道路5条", "已完成2条。"),
        ("7", "新增绿地", "已完成。"),
    ]
    text = ("进展\n" + "\n".join("\t".join(r) for r in rows) + "\n").encode()
    (table,) = extractor.parse_bytes(text, "t.txt").tables
    assert table.columns[0].field != "seq"
    assert [r.task for r in table.rows] == [r[1] for r in rows]
    assert [r.progress for r in table.rows] == [r[2] for r in rows]


@pytest.mark.parametrize("blank", ["\n\n", "\n"], ids=["blank-lines", "one-a-line"])
@pytest.mark.parametrize("mark", ["", ".", "、"])
@pytest.mark.parametrize("traditional", [False, True], ids=["simplified", "traditional"])
def test_a_numbered_stream_with_no_header_is_read(blank: str, mark: str, traditional: bool) -> None:
    cells = ["2024年为民办实事进展"]
    for number, task, progress, unit in ROWS:
        cells += [number + mark, task, progress, unit]
    text = blank.join(cells) + "\n"
    document = extractor.parse_bytes((text.translate(FOLD) if traditional else text).encode(), "t.txt")
    (table,) = document.tables
    assert table.layout == "stream-headerless"
    back = {v: k for k, v in FOLD.items()}
    assert [r.seq for r in table.rows] == [1, 2, 3]
    assert [r.task.translate(back) for r in table.rows] == [row[1] for row in ROWS]
    assert [r.progress.translate(back) for r in table.rows] == [row[2] for row in ROWS]
    assert [[u.translate(back) for u in r.lead_units] for r in table.rows] == [[row[3]] for row in ROWS]


def test_numbers_that_do_not_count_from_one_make_no_stream() -> None:
    text = "会议纪要\n\n3\n\n讨论了道路改造。\n\n7\n\n讨论了学校建设。\n\n9\n\n讨论了绿地。\n"
    with pytest.raises(NoTableError):
        extractor.parse_bytes(text.encode(), "t.txt")


@pytest.mark.parametrize("separator", ["\t", " | "], ids=["tab", "pipe"])
def test_an_indicator_and_its_numbers_read_the_last_number_as_reached(separator: str) -> None:
    rows = [
        ("地区生产总值增长", "6.5", "5.8"),
        ("固定资产投资增长", "8", "7.2"),
        ("社会消费品零售增长", "7", "6.9%"),
    ]
    text = "主要指标\n" + "\n".join(separator.join(row) for row in rows) + "\n"
    (table,) = extractor.parse_bytes(text.encode(), "t.txt").tables
    assert [r.task for r in table.rows] == [row[0] for row in rows]  # the first row is a row, not a header
    assert [r.progress for r in table.rows] == [row[2] for row in rows]

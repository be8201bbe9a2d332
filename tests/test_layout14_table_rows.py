"""Table stage: headings across a table, and tasks that carry their own number.

- a heading across the table stays a heading;
- with no 序号 column, tasks opening with their number in brackets or in Chinese numerals
  (（一）…, (2)…, 三、…) give the rows their 序号, and the number leaves the task.
"""

from __future__ import annotations

import pytest

import extractor
from extractor.readers.raw import RawCell, RawDocument, RawRow, RawTable
from extractor.table import assemble


def _row(*texts: str | None) -> RawRow:
    return RawRow([RawCell(None, merge="above") if t is None else RawCell(t) for t in texts])


def test_a_heading_across_the_table_is_still_a_heading() -> None:
    table = RawTable(
        [
            _row("序号", "工作任务", "牵头单位"),
            _row("一、产业项目", "", ""),
            _row("1", "新建厂房", "区发改局"),
        ],
        kind="lines",
    )
    (assembled,) = assemble(RawDocument(format="txt", blocks=[table])).tables
    assert [r.section for r in assembled.rows] == ["一、产业项目"]


@pytest.mark.parametrize(
    "numbers",
    [
        ["（一）", "（二）", "（三）"],
        ["(一)", "(二)", "(三)"],
        ["(1)", "(2)", "(3)"],
        ["一、", "二、", "三、"],
        ["1、", "2、", "3、"],
    ],
)
@pytest.mark.parametrize("bar", ["\t", " | "], ids=["tab", "pipe"])
def test_tasks_that_number_themselves_give_the_rows_their_seq(numbers: list[str], bar: str) -> None:
    tasks = ["深入解读重要政策措施。", "积极回应社会关切。", "加强政务公开平台建设。"]
    lines = ["政务公开工作要点分工表", bar.join(["具体要求", "责任单位"])]
    lines += [bar.join([n + t, "市直各单位"]) for n, t in zip(numbers, tasks, strict=True)]
    document = extractor.parse_bytes(("\n".join(lines) + "\n").encode(), "t.txt")
    rows = document.tables[0].rows
    assert [r.seq for r in rows] == [1, 2, 3]
    assert [r.task for r in rows] == tasks
    assert [r.seq_text for r in rows] == numbers

"""Line-structured tables (extractor/layout/lines.py)."""

from __future__ import annotations

import pytest

from extractor.layout.base import Line
from extractor.layout.lines import line_tables
from extractor.readers.raw import RawTable

PIPE = (
    "序号 | 重点任务 | 完成情况 | 责任单位 |\n"
    "1 | 改扩建泉山学校 | 完成主体施工 | 教育体育局 |\n"
    "2 | 推进课后服务 | 全覆盖 | 教育体育局 |\n"
)


@pytest.mark.parametrize(
    "metadata",
    ["索引号: | 113706850042672474/2022-04772 | 成文日期: | 2022-10-08 |", "发布机构：| 招远市人民政府 |"],
)
def test_a_metadata_table_under_a_pipe_table_is_a_table_of_its_own(metadata: str) -> None:
    blocks = line_tables([Line(line) for line in (PIPE + metadata).split("\n")])
    tables = [b for b in blocks if isinstance(b, RawTable)]
    assert [len(t.rows) for t in tables] == [3, 1]


def test_a_bare_number_cell_is_no_metadata() -> None:
    """A row opening with its 序号 ("2") is a row, though a bare number alone on a line is page furniture."""
    blocks = line_tables([Line(line) for line in PIPE.split("\n")])
    (table,) = [b for b in blocks if isinstance(b, RawTable)]
    assert len(table.rows) == 3

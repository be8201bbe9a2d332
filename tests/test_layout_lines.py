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


WENSHANG_LIKE = (
    "序号 | 项目名称 | 项目内容 | 当前进展情况 | 进度评价 |\n"
    "1 | 农村人居环境整治提升工程 | 新增绿化面积387亩。 | 已完成新增造林387亩。 | 已完成 |\n"
    "完成生活污水治理村庄61个。 | 61个村庄已全部开工建设。 | 正常推进 | |||\n"
)


@pytest.mark.parametrize(
    "cut", ["持续推动生活垃圾分类, | 引导村民积极参与垃圾分类工作,通过政府公众", "持續推動生活垃圾分類. ｜ 引導村民"]
)
def test_the_last_line_cut_off_inside_a_pipe_table_is_its_last_row(cut: str) -> None:
    blocks = line_tables([Line(line) for line in (WENSHANG_LIKE + cut.replace("｜", "|")).split("\n")])
    (table,) = [b for b in blocks if isinstance(b, RawTable)]
    assert (table.rows[-1].cells[0].text or "").startswith(("持续推动", "持續推動"))
    assert len(table.rows) == 4  # the header, two rows and the cut one


def test_a_line_with_one_pipe_after_a_pipe_table_is_a_paragraph_unless_the_document_ends_there() -> None:
    blocks = line_tables([Line(line) for line in (PIPE + "注: 数据截至 | 6月底\n正文继续。").split("\n")])
    (table,) = [b for b in blocks if isinstance(b, RawTable)]
    assert len(table.rows) == 3

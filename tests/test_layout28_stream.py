"""A stream's first row opens at a 序号 that counts rows (issue 11, layout28): a count standing
under the header ("1300", a target) opens no row."""

from __future__ import annotations

import pytest

from extractor.layout.base import Line
from extractor.layout.stream import _stream_header, stream_tokens


def _tokens(text: str):
    return stream_tokens([Line(t) for t in text.split("\n")], per_line=True)


HEADER = "项目\n目标\n分解情况\n责任领导\n责任单位\n"


@pytest.mark.parametrize("count", ["1300", "250", "12"])
def test_a_count_under_the_header_opens_no_row(count: str) -> None:
    text = HEADER + f"{count}\n元坝镇280 白果乡15\n刘强\n区人社局\n城镇失业人员再就业\n120\n白果乡8\n"
    assert _stream_header(_tokens(text)) is None


@pytest.mark.parametrize(("first", "second"), [("1", "2"), ("145", "146"), ("１", "２")])
def test_a_numbered_first_row_opens_the_rows(first: str, second: str) -> None:
    text = HEADER + f"{first}\n新建学校\n已完成\n刘强\n区教育局\n{second}\n改造道路\n推进中\n王明\n区住建局\n"
    assert _stream_header(_tokens(text)) == (0, 5)

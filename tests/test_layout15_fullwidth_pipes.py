"""A pipe table written with full-width bars (｜) reads as one written with ASCII bars (|): its
header rule (｜ --- ｜) is no row, and the row the document ends inside (cut after its first cells)
is still a row."""

from __future__ import annotations

import pytest

import extractor

LINES = [
    "序号 | 项目名称 | 项目内容 | 当前进展情况 | 主办单位 |",
    "1 | 农村人居环境整治 | 试点村达到100个。 | 试点村达到100个。 | 农业农村局 |",
    "2 | 四好农村路 | 建设“四好农村路”50公里。 | 完工建设50.52公里。 | 交通运输局 |",
    "新增绿化面积387亩。 | 已完成新增造林387亩。 | |||",
    "持续推动生活垃圾分类, | 引导村民积极参与垃圾分类工作,开展宣传活动10余次",
]


def _rows(lines: list[str]) -> list[tuple[int | None, str, str, list[str]]]:
    table = extractor.parse_bytes(("\n".join(lines)).encode(), "t.txt").tables[0]
    return [(r.seq, r.task, r.progress, r.lead_units) for r in table.rows]


@pytest.mark.parametrize("rule", [False, True], ids=["no-rule", "header-rule"])
def test_full_width_bars_read_as_ascii_bars(rule: bool) -> None:
    lines = [LINES[0], *(["| --- | --- | --- | --- | --- |"] if rule else []), *LINES[1:]]
    ascii_rows = _rows(lines)
    assert [seq for seq, *_ in ascii_rows] == [1, 2, 3, 4]  # the cut row is a row
    assert _rows([line.replace("|", "｜") for line in lines]) == ascii_rows

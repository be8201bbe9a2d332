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


@pytest.mark.parametrize("bar", [" | ", " \t ", "\t", "｜"], ids=["pipe", "spaced-tab", "tab", "full-width-pipe"])
def test_the_pages_metadata_after_a_table_is_no_row_of_it(bar: str) -> None:
    # (written with tabs, "索引号:" once joined the table and its rows were numbered by position)
    header = ["类别", "民生事项名称", "年度任务目标", "责任单位", "分管市领导", "1-9月份完成情况", "1-9月份取得成效"]
    lines = [
        bar.join([*header, ""]),
        bar.join(["四、教育文化", "14.改扩建泉山学校", "建教学楼2座。", "教育体育局", "刘明", "主体已完工。", "", ""]),
        bar.join(["15.推进学校塑胶运动场地建设", "完成13处场地建设。", "教育体育局", "刘明", "已完成10处。", "", ""]),
        bar.join(["16.推进义务教育课后服务", "课后服务全覆盖。", "教育体育局", "刘明", "已全面实施。", ""]),
        bar.join(["索引号:", "113706850042672474/2022-04772", "成文日期:", "2022-10-08", ""]),
        bar.join(["发布机构:", "招远市人民政府"]),
    ]
    rows = [r for t in extractor.parse_bytes(("\n".join(lines) + "\n").encode(), "t.txt").tables for r in t.rows]
    assert [(r.seq, r.task) for r in rows] == [
        (14, "改扩建泉山学校"),
        (15, "推进学校塑胶运动场地建设"),
        (16, "推进义务教育课后服务"),
    ]

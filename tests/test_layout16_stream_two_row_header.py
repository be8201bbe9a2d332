"""A two-row header copied one cell per line: the first row's cells, then the second row's.

"序号 / 目标任务 / 牵头单位 / 工作进度 / 重点工作 / 主要内容 / 完成情况 / 进度状态": 目标任务 stands over 重点工作 and
主要内容, 工作进度 over 完成情况 and 进度状态. Read side by side, the rows' cells fall under the wrong
headers (the progress under 重点工作); read as two rows, each sub-cell under its group, every cell
is where it belongs. The rows decide which reading holds.
"""

from __future__ import annotations

import pytest

import extractor
from extractor.models import Table


def _stream(*cells: str) -> str:
    return "\n\n".join(cells) + "\n"


SIMPLIFIED = _stream(
    "2024年民生实事项目进度表",
    "序号",
    "目标任务",
    "牵头单位",
    "工作进度",
    "重点工作",
    "主要内容",
    "9月完成情况",
    "进度状态",
    "1",
    "教育设施提质",
    "新建外国语学校1所，扩建小学2所。",
    "区教育局",
    "外国语学校主体结顶，小学扩建完成。",
    "正常推进",
    "2",
    "医疗服务保障",
    "新建村级医疗卫生机构8家。",
    "区卫健局",
    "已建成6家，其余2家装修中。",
    "部分滞后",
    "3",
    "养老服务提升",
    "新增养老床位300张。",
    "区民政局",
    "已新增床位320张。",
    "已完成",
)

TRADITIONAL = _stream(
    "2024年民生實事項目進度表",
    "序號",
    "目標任務",
    "牽頭單位",
    "工作進度",
    "重點工作",
    "主要內容",
    "9月完成情況",
    "進度狀態",
    "1",
    "教育設施提質",
    "新建外國語學校1所,擴建小學2所。",
    "區教育局",
    "外國語學校主體結頂,小學擴建完成。",
    "正常推進",
    "2",
    "醫療服務保障",
    "新建村級醫療衛生機構8家。",
    "區衛健局",
    "已建成6家,其餘2家裝修中。",
    "部分滯後",
    "3",
    "養老服務提升",
    "新增養老床位300張。",
    "區民政局",
    "已新增床位320張。",
    "已完成",
)


def _table(text: str) -> Table:
    (table,) = extractor.parse(text.encode("utf-8")).tables
    return table


@pytest.mark.parametrize("text", [SIMPLIFIED, TRADITIONAL], ids=["simplified-full-width", "traditional-ascii"])
def test_sub_cells_stand_under_their_groups(text: str) -> None:
    table = _table(text)
    assert table.layout == "stream"
    assert len(table.columns) == 6  # 序号, two under 目标任务, 牵头单位, two under 工作进度
    headers = [c.header for c in table.columns]
    assert headers[1].startswith(("目标任务", "目標任務")) and headers[2].startswith(("目标任务", "目標任務"))
    assert headers[4].startswith(("工作进度", "工作進度")) and headers[5].startswith(("工作进度", "工作進度"))
    assert [r.seq for r in table.rows] == [1, 2, 3]
    assert [r.lead_units for r in table.rows] in (
        [["区教育局"], ["区卫健局"], ["区民政局"]],
        [["區教育局"], ["區衛健局"], ["區民政局"]],
    )
    progress = [r.progress or "" for r in table.rows]
    assert progress[0].startswith(("外国语学校主体结顶", "外國語學校主體結頂"))
    assert progress[2].startswith("已新增床位320")


def test_a_flat_header_stays_flat() -> None:
    """Two task-like headers side by side under one header row are two columns, not a group."""
    text = _stream(
        "序号",
        "工作任务",
        "工作内容",
        "责任单位",
        "完成情况",
        "1",
        "老旧小区改造",
        "改造小区12个。",
        "区住建局",
        "已完成改造10个。",
        "2",
        "社区食堂建设",
        "新建社区食堂8个。",
        "区民政局",
        "已建成8个。",
    )
    table = _table(text)
    assert [c.header for c in table.columns] == ["序号", "工作任务", "工作内容", "责任单位", "完成情况"]
    assert [r.progress for r in table.rows] == ["已完成改造10个。", "已建成8个。"]

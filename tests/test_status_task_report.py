"""With no progress cell, a task cell's sentence that reports (已…, 正在…, 截至…) is read for the row's
standing: a table cut so that the report joined the task. A sentence that only asks stays the task's."""

from __future__ import annotations

import pytest

from extractor.rules.status import row_status


@pytest.mark.parametrize(
    ("task", "value", "cue"),
    [
        ("截至11月30日,一般公共预算支出489.5亿元,支出进度93.8%,超额完成任务。", "done", "超额完成任务"),
        ("截至11月30日，一般公共預算支出489.5億元，超額完成任務。", "done", "超額完成任務"),
        ("第2次福德次分區水圳走讀活動已於112年3月18日辦理完成。", "done", "已於112年3月18日辦理完成"),
        ("建设某某公园。目前 正在进行 园路铺装", "on_track", "正在"),
        ("改造老旧小区。截止6月底，项目推进缓慢。", "behind", "推进缓慢"),
    ],
)
def test_a_report_in_the_task_cell_gives_the_standing(task: str, value: str, cue: str) -> None:
    status = row_status({"task": task, "progress": ""}, [], [], [], None)
    assert status.value == value
    assert cue in [e.text for e in status.evidence]
    for item in status.evidence:
        assert item.field == "task" and task[item.span[0] : item.span[1]] == item.text


@pytest.mark.parametrize(
    "task",
    [
        "完成投资10亿元。",
        "全面完成年度目标任务",
        "已于2023年底前完成改造。",
        "已於2023年底前完成改造",
        "推进项目建设，年内建成投用。",
        "截至2025年底，建成5G基站1000个。",
        "截止2024年末完成改造",
        "截至年底建成投用。",
    ],
)
def test_a_task_that_only_asks_gives_no_standing(task: str) -> None:
    assert row_status({"task": task, "progress": ""}, [], [], [], None).value == "unknown"


def test_a_progress_cell_keeps_the_task_a_task() -> None:
    """With a progress cell, the task's 截至… sentence is not read: the progress reports."""
    status = row_status({"task": "截至6月底，超额完成任务。", "progress": "项目推进缓慢。"}, [], [], [], None)
    assert status.value == "behind"
    assert all(e.field == "progress" for e in status.evidence)

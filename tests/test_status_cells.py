"""A cell holding nothing but a status word is the document's verdict on the row (data/status.toml
[verdict.column]): in the status column; in a progress column filled like one, where the row's own
reading finds nothing or only a generic verb of work."""

from __future__ import annotations

import pytest

from extractor.rules.status import row_status


@pytest.mark.parametrize(
    ("progress", "value"),
    [
        ("办结", "done"),
        ("辦結", "done"),
        ("项目完成。", "done"),  # 完成 alone would be a generic verb of work (on_track)
        ("工程完工", "done"),
        (" 该项结案 ", "done"),
    ],
)
def test_a_progress_cell_holding_only_a_status_word_is_the_verdict(progress: str, value: str) -> None:
    status = row_status({"task": "新建某学校", "progress": progress}, [], [], [], None)
    assert status.value == value
    (item,) = status.evidence
    assert item.field == "progress"
    assert progress[item.span[0] : item.span[1]] == item.text == progress.strip().rstrip("。")
    assert item.rule == f"verdict.column.{value}"


def test_the_status_cell_decides_before_a_status_word_in_the_progress() -> None:
    status = row_status({"task": "新建某学校", "progress": "办结", "status": "滞后"}, [], [], [], None)
    assert (status.value, status.evidence[0].field) == ("behind", "status")


@pytest.mark.parametrize("progress", ["完成投资5亿元", "已完成主体施工，正在装修。", "待验收"])
def test_a_progress_cell_that_reports_is_no_verdict(progress: str) -> None:
    status = row_status({"task": "新建某学校", "progress": progress}, [], [], [], None)
    assert not any(e.rule.startswith("verdict.") for e in status.evidence)


def test_a_status_word_in_the_progress_gives_way_to_a_share_beside_it() -> None:
    """在建 with 51% under 完成进度 at three quarters of the year: the share decides (behind)."""
    from extractor.models import Period

    period = Period(text="1-9月", source="title", elapsed=0.75)
    status = row_status({"task": "建设某学校", "progress": "在建", "完成进度（%）": "51"}, [], [], [], period)
    assert (status.value, status.completion) == ("behind", 0.51)


@pytest.mark.parametrize("cell", ["项目完成。", "项 目 已 竣 工", "該項已辦結", "已建成投用"])
def test_a_status_cell_naming_its_subject_is_a_verdict(cell: str) -> None:
    status = row_status({"task": "新建某学校", "progress": "正在装修。", "status": cell}, [], [], [], None)
    assert (status.value, status.evidence[0].field) == ("done", "status")

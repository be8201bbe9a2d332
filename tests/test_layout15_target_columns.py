"""A column the header calls the task but whose cells are bare numbers states each row's target:
the column on its left that names the rows is the task (table.py ``_task_not_a_number``), whatever
word the header uses for the target (工作任务, 年度任务, 任务数 …, not only 目标任务)."""

from __future__ import annotations

import pytest

import extractor
from extractor.readers.raw import RawCell, RawDocument, RawRow, RawTable
from extractor.table import assemble

CITIES = ["晋城", "大同", "长治"]
TARGETS = ["37.63", "70", "101.5"]
DONE = ["63.71", "101.94", "88"]


def _text(header: list[str], rows: list[list[str]], bar: str) -> bytes:
    lines = ["各市安居工程完成情况", bar.join(header), *(bar.join(r) for r in rows)]
    return ("\n".join(lines) + "\n").encode()


@pytest.mark.parametrize(
    "target",
    ["工作任务（万平方米）", "工作任务(万平方米)", "年度任务（个）", "主要任务", "工作任務（萬平方米）", "任务数"],
)
@pytest.mark.parametrize("bar", ["\t", " | "], ids=["tab", "pipe"])
def test_a_task_column_of_numbers_gives_the_task_to_the_names(target: str, bar: str) -> None:
    header = ["序号", "城市名称", target, "完成情况"]
    rows = [[str(n), c, t, d] for n, c, t, d in zip((1, 2, 3), CITIES, TARGETS, DONE, strict=True)]
    table = extractor.parse_bytes(_text(header, rows, bar), "t.txt").tables[0]
    assert [r.task for r in table.rows] == CITIES
    assert [r.progress for r in table.rows] == DONE
    assert [r.cells[target] for r in table.rows] == TARGETS  # the target keeps its own cell


def _assembled(header: list[str], rows: list[list[str]]) -> list[str | None]:
    raw = RawTable([RawRow([RawCell(t) for t in header]), *(RawRow([RawCell(t) for t in r]) for r in rows)])
    (table,) = assemble(RawDocument(format="docx", blocks=[raw])).tables
    return [c.field for c in table.columns]


def test_a_task_column_of_words_keeps_the_task() -> None:
    rows = [["1", "晋城", "新建保障房37万平方米", "63.71"], ["2", "大同", "改造棚户区70万平方米", "101.94"]]
    assert _assembled(["序号", "城市名称", "工作任务", "完成情况"], rows)[1:3] == [None, "task"]


def test_numbers_with_no_names_beside_them_stay_the_task() -> None:
    rows = [["1", "37.63", "63.71"], ["2", "70", "101.94"], ["3", "101.5", "88"]]
    assert _assembled(["序号", "工作任务", "完成情况"], rows)[:2] == ["seq", "task"]


def test_a_numbers_column_to_the_left_is_no_name() -> None:
    rows = [["1", "5", "37.63", "63.71"], ["2", "3", "70", "101.94"], ["3", "8", "101.5", "88"]]
    assert _assembled(["序号", "分值", "工作任务", "完成情况"], rows)[1:3] == [None, "task"]


@pytest.mark.parametrize(
    ("name", "description"),
    [
        ("事项名称", "建设内容"),
        ("工程名称", "主要内容"),
        ("實事名稱", "建設內容"),
        ("項目名稱", "工作要求"),
        ("项目名称", "建设规模"),
    ],
)
def test_a_column_of_names_takes_the_task_from_one_describing_them(name: str, description: str) -> None:
    rows = [["1", "环宇南路综合改造", "结合沿线实际进行立面改造并增设停车位。", "已完成设计。"]]
    rows += [["2", "乡村融合发展中心建设", "建设总建筑面积约0.8万平方米的中心。", "已开工。"]]
    fields = _assembled(["序号", name, description, "当前进度"], rows)
    assert fields == ["seq", "task", None, "progress"]


@pytest.mark.parametrize("header", ["类别", "所属领域", "板块"])
def test_a_column_that_is_no_list_of_names_leaves_the_description_the_task(header: str) -> None:
    rows = [["1", "交通", "结合沿线实际进行立面改造并增设停车位。", "已完成设计。"]]
    rows += [["2", "文化", "建设总建筑面积约0.8万平方米的中心。", "已开工。"]]
    assert _assembled(["序号", header, "建设内容", "当前进度"], rows)[2] == "task"

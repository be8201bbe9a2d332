"""A task cell closing with its units named by their role reads as one closing with a labelled
bracket: "（市住建局牵头）", "(市教育局负责)", "（市发改委牵头，市财政局配合）" give the lead units
as "（牵头单位：市住建局）" does, and leave the task (table.py, ``_role_bracket``)."""

from __future__ import annotations

import pytest

import extractor
from extractor.table import _role_bracket

from .conftest_helpers import squash

# (a task cell, its task, its lead units) — or None where the bracket is no units' bracket
CASES = [
    ("加快建设滨海城市带，打造海上画廊。（市住建局牵头）", ("加快建设滨海城市带，打造海上画廊。", "市住建局")),
    ("加快建设滨海城市带,打造海上画廊。(市住建局牵头)", ("加快建设滨海城市带,打造海上画廊。", "市住建局")),
    ("新建幼儿园3所（市教育局负责）", ("新建幼儿园3所", "市教育局")),
    ("新建幼兒園3所（市教育局負責）", ("新建幼兒園3所", "市教育局")),
    ("推进项目落地(市发改委牵头,市财政局配合)", ("推进项目落地", "市发改委")),
    ("推进项目落地（市发改委牵头；市财政局、市统计局等配合）", ("推进项目落地", "市发改委")),
    ("推进项目落地（市发改委、市商务局牵头）", ("推进项目落地", "市发改委、市商务局")),
    ("建设城南污水处理厂（ 市住建局 牵头 ）", ("建设城南污水处理厂", "市住建局 ")),
    ("建设第二人民医院（暂命名）", None),
    ("改造农村公路（含3个乡镇）", None),
    ("改造农村公路（全年完成）", None),
    ("（市住建局牵头）改造农村公路", None),  # not closing the task
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_a_bracket_of_units_by_role(text: str, expected: tuple[str, str] | None) -> None:
    found = _role_bracket(text)
    if expected is None:
        assert found is None
    else:
        assert found is not None
        assert (found[0], squash(found[1])) == (expected[0], squash(expected[1]))


def _stream(brackets: tuple[str, str, str]) -> str:
    cells = ["序号", "工作内容", "完成情况"]
    tasks = ["推进城市更新行动，完成老旧小区改造20个。", "新建中小学校2所。", "实施农村公路提升工程。"]
    reports = ["已完成18个，其余正在施工。", "1所已竣工，1所主体完工。", "完成提升改造65公里。"]
    for k, (task, bracket, report) in enumerate(zip(tasks, brackets, reports, strict=True), start=1):
        cells += [str(k), task + bracket, report]
    return "\n\n".join(cells) + "\n"


@pytest.mark.parametrize(
    "brackets",
    [
        ("（市住建局牵头）", "（市教育局负责）", "（市交通局牵头，各县区配合）"),
        ("(市住建局牵头)", "(市教育局负责)", "(市交通局牵头,各县区配合)"),
        ("（牵头单位：市住建局）", "（市教育局负责）", "（牵头单位：市交通局；配合单位：各县区）"),
        ("（市住建局牽頭）", "（市教育局負責）", "（市交通局牽頭，各縣區配合）"),
    ],
    ids=["full-width", "half-width", "labelled and by role", "traditional"],
)
def test_a_stream_reads_units_by_role_as_by_label(brackets: tuple[str, str, str]) -> None:
    table = extractor.parse(_stream(brackets).encode("utf-8")).tables[0]
    assert [row.lead_units for row in table.rows] == [["市住建局"], ["市教育局"], ["市交通局"]]
    assert [squash(row.task) for row in table.rows] == [
        "推进城市更新行动，完成老旧小区改造20个。",
        "新建中小学校2所。",
        "实施农村公路提升工程。",
    ]

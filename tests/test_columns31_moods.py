"""Which column is the task and which the report when the header does not say (columns31).

The columns' sentences decide by their mood (layout.toml [columns31]: what was done or is under way
against what is to be done), and a header opening with a word of what has been done (已开展工作)
heads the report whatever its head names (headers.toml done_openers).
"""

from __future__ import annotations

import pytest

import extractor
from extractor.headers import header_candidates
from extractor.rules.compiled import compile_rule
from extractor.rules.data import load
from extractor.table import (
    AssembledTable,
    ColumnSpec,
    TableRow,
    _columns_by_mood,
    reads_as_plan,
    reads_as_report,
)
from extractor.textnorm import match_view

MOODS = load("layout")["columns31"]


@pytest.mark.parametrize("name", ["report_mood", "plan_mood"])
def test_mood_examples_and_counter_examples(name):
    pattern = compile_rule(MOODS[name])
    for example in MOODS[f"{name}_examples"]:
        assert pattern.search(match_view(example)), example
    for example in MOODS[f"{name}_counter_examples"]:
        assert not pattern.search(match_view(example)), example


@pytest.mark.parametrize(
    ("text", "report", "plan"),
    [
        ("已完成主体工程，正在进行装修", True, False),
        ("已於5月開工", True, False),  # traditional script
        ("截至6月底，累计完成投资5.2亿元", True, False),
        ("截至6月底,累计完成投资5.2亿元", True, False),  # half-width comma
        ("力争年底前完成改造20个小区，确保居民满意", False, True),
        ("计划于9月开工，到2025年建成5个", False, True),
        ("計劃於 9 月開工", False, True),  # spaced digits, traditional
        ("新增绿化面积387亩。", False, False),  # a bare target: neither
    ],
)
def test_cell_moods(text, report, plan):
    assert reads_as_report(text) is report
    assert reads_as_plan(text) is plan


def test_done_openers_claim_the_progress():
    morphemes = load("headers")["morphemes"]
    for header in morphemes["done_openers_examples"]:
        assert header_candidates(header, morphemes=True)[0][0] == "progress", header
    for header in morphemes["done_openers_counter_examples"]:
        claims = dict(header_candidates(header, morphemes=True))
        assert claims.get("progress", 0.0) < 2.5, header


def _table(headers: list[tuple[str, str | None]], rows: list[list[str]], layout: str = "lines") -> AssembledTable:
    columns = [ColumnSpec(header=h, field=f, key=f or h) for h, f in headers]
    table = AssembledTable(columns=columns, layout=layout)
    table.rows = [TableRow(texts=list(r), pages=[1]) for r in rows]
    return table


def test_rows_tasks_under_a_progress_header_become_the_task():
    # the task column read as nothing, the tasks under a column read as the report: an empty task
    # in every row and a "report" that is the task
    table = _table(
        [("序号", "seq"), ("攻堅方向", None), ("當前成果", "progress"), ("承担方", "lead_units")],
        [
            ["1", "", "推进老旧小区改造二十个", "区住建局"],
            ["2", "", "建设口袋公园五个，提升城市品质", "区城管局"],
            ["3", "", "完善养老服务网络，打造示范点", "区民政局"],
        ],
    )
    _columns_by_mood(table)
    assert [c.field for c in table.columns] == ["seq", None, "task", "lead_units"]


def test_reports_in_an_unnamed_column_are_the_progress():
    table = _table(
        [("序号", "seq"), ("重点任务", "task"), ("工作成果", None), ("责任单位", "lead_units")],
        [
            ["1", "推进老旧小区改造", "已完成改造12个小区，正在推进其余8个", "区住建局"],
            ["2", "建设口袋公园", "截至6月底,累计建成3个", "区城管局"],
            ["3", "提升养老服务", "组织召开了推进会，新增床位200张", "区民政局"],
        ],
    )
    _columns_by_mood(table)
    assert table.column_of("progress") == 2


def test_targets_in_an_unnamed_column_are_no_progress():
    table = _table(
        [("序号", "seq"), ("重点任务", "task"), ("具体目标", None), ("责任单位", "lead_units")],
        [
            ["1", "推进老旧小区改造", "力争年底前完成改造20个小区", "区住建局"],
            ["2", "建设口袋公园", "到2025年建成5个", "区城管局"],
            ["3", "提升养老服务", "新增床位200张", "区民政局"],
        ],
    )
    _columns_by_mood(table)
    assert table.column_of("progress") is None


def test_plans_under_a_morpheme_named_progress_are_no_progress():
    text = (
        "| 序号 | 重点任务 | 預期成效 | 责任单位 |\n|---|---|---|---|\n"
        "| 1 | 推进老旧小区改造 | 力争年底前完成改造20个小区，确保居民满意 | 区住建局 |\n"
        "| 2 | 建设口袋公园 | 计划于9月开工，到2025年建成5个 | 区城管局 |\n"
        "| 3 | 提升养老服务 | 进一步完善服务网络，全力打造示范点 | 区民政局 |\n"
    )
    rows = extractor.parse(text.encode()).tables[0].rows
    assert [r.task for r in rows] == ["推进老旧小区改造", "建设口袋公园", "提升养老服务"]
    assert all(not r.progress for r in rows)
    assert rows[1].cells["預期成效"] == "计划于9月开工，到2025年建成5个"


def test_a_synonym_named_progress_keeps_plans():
    # 进展情况 is the report's own name: its cells stay the progress, whatever their mood
    table = _table(
        [("序号", "seq"), ("重点任务", "task"), ("进展情况", "progress")],
        [["1", "推进改造", "力争年底前完成改造"], ["2", "建设公园", "确保9月底前开工"]],
    )
    _columns_by_mood(table)
    assert table.column_of("progress") == 2


@pytest.mark.parametrize("header", ["已开展工作", "已開展的工作", "已做工作"])
def test_done_header_beside_a_task_column_is_the_progress(header):
    text = (
        f"序号\t重点任务\t责任部门\t{header}\n"
        "1\t推进老旧小区改造\t区住建局\t9月份开始施工，完成基础施工30%\n"
        "2\t建设口袋公园\t区城管局\t完成选址，开始设计\n"
    )
    rows = extractor.parse(text.encode()).tables[0].rows
    assert [r.progress for r in rows] == ["9月份开始施工，完成基础施工30%", "完成选址，开始设计"]
    assert [r.task for r in rows] == ["推进老旧小区改造", "建设口袋公园"]


@pytest.mark.parametrize(("name", "content"), [("考核条目", "具体内容"), ("攻堅方向", "建設內容"), ("", "年度目标")])
def test_a_name_column_the_header_does_not_name_is_the_task(name, content):
    from extractor.table import _name_column_unheaded

    table = _table(
        [("序号", "seq"), (name or "列2", None), (content, "task"), ("进展情况", "progress")],
        [
            ["1", "老旧小区改造", "改造20个小区，惠及居民5000户", "已完成12个"],
            ["2", "口袋公园建设", "建成5个口袋公园", "已建成3个"],
            ["3", "养老服务提升", "新增床位200张", "已新增120张"],
        ],
    )
    _name_column_unheaded(table)
    assert [c.field for c in table.columns] == ["seq", "task", None, "progress"]


def test_a_repeated_group_column_is_no_name_column():
    from extractor.table import _name_column_unheaded

    table = _table(
        [("序号", "seq"), ("列2", None), ("具体内容", "task")],
        [["1", "城市建设", "改造20个小区"], ["2", "城市建设", "建成5个口袋公园"], ["3", "城市建设", "新增床位200张"]],
    )
    _name_column_unheaded(table)
    assert table.column_of("task") == 2


def test_measures_beside_an_unheaded_name_are_no_task():
    from extractor.table import _name_column_unheaded

    table = _table(
        [("序号", "seq"), ("攻坚方向", None), ("推進舉措", "task"), ("完成时限", "deadline")],
        [
            ["1", "老旧小区改造", "加快推进项目建设，确保年底完工", "年底前"],
            ["2", "口袋公园建设", "完成选址，开展设计", "9月底"],
        ],
    )
    _name_column_unheaded(table)
    assert table.column_of("task") == 1


@pytest.mark.parametrize(
    "header",
    ["序号\t攻坚方向\t承担方\t当前成果", "序號\t攻堅方向\t承擔方\t當前成果", "| 序号 | 攻坚方向 | 承担方 | 当前成果 |"],
)
def test_a_header_of_unknown_words_is_read_by_content(header):
    bars = header.startswith("|")
    rows = [
        ("1", "推进老旧小区改造", "区住建局", "已完成12个小区改造，正在推进其余8个"),
        ("2", "建设口袋公园", "区城管局", "截至6月底,累计建成3个"),
        ("3", "提升养老服务", "区民政局", "新增床位120张，完成年度目标的60%"),
    ]
    lines = [header, *("| " + " | ".join(r) + " |" if bars else "\t".join(r) for r in rows)]
    parsed = extractor.parse(("\n".join(lines) + "\n").encode()).tables[0].rows
    assert [r.task for r in parsed] == [r[1] for r in rows]
    assert [r.progress for r in parsed] == [r[3] for r in rows]
    assert [r.lead_units for r in parsed] == [[r[2]] for r in rows]


def test_an_unknown_header_row_needs_its_first_row_numbered_one():
    from extractor.readers.raw import RawCell, RawRow
    from extractor.table import _numbered_header

    def row(*texts):
        return RawRow([RawCell(t) for t in texts])

    header = row("序号", "攻坚方向", "承担方")
    assert _numbered_header([header, row("1", "推进改造", "区住建局")]) is not None
    assert _numbered_header([header, row("7", "推进改造", "区住建局")]) is None
    assert (
        _numbered_header([row("序号", "推进老旧小区改造二十个小区", "区住建局"), row("1", "推进改造", "区住建局")])
        is None
    )

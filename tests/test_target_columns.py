"""A column whose header names the row's target (年度目标, 全年目标, 指标要求 …) is read like the task's
targets: its figures are answered by the progress's, and the answer decides the row's status."""

from __future__ import annotations

import pytest

from extractor.models import Row
from extractor.rules.assess import target_column
from extractor.rules.data import load
from tests.conftest_helpers import rows_of_text

ASSESS = load("assess")


@pytest.mark.parametrize("header", ASSESS["target_column_examples"])
def test_target_column_examples(header: str) -> None:
    assert target_column(header)


@pytest.mark.parametrize("header", ASSESS["target_column_counter_examples"])
def test_target_column_counter_examples(header: str) -> None:
    assert not target_column(header)


def _rows_by_seq(text: str) -> dict[int, Row]:
    return {row.seq: row for row in rows_of_text(text) if row.seq is not None}


TABLE = """{title}
{seq}{sep}指标名称{sep}{target}{sep}完成情况{sep}责任单位
1{sep}区级财政收入增长率{sep}6{pct}以上{sep}28.97{pct}{sep}区财政局
2{sep}外商直接投资到位金额增长率{sep}15{pct}{sep}13.01{pct}{sep}区商务委
3{sep}城乡登记失业人数{sep}控制在10410人以内{sep}12000人{sep}区人社局
4{sep}城镇调查失业率{sep}5.5{pct}以内{sep}4.8{pct}{sep}区人社局
"""

VARIANTS = [
    {"title": "表1:上半年主要指标完成情况", "seq": "序号", "sep": "|", "target": "年度目标", "pct": "%"},
    {"title": "表1：上半年主要指标完成情况", "seq": "序号", "sep": "｜", "target": "全年目标", "pct": "％"},
    {"title": "上半年主要指標完成情況", "seq": "序號", "sep": " | ", "target": "年度目標", "pct": "%"},
    {"title": "2021年上半年主要指标完成情况", "seq": "序号", "sep": "\t", "target": "指标要求", "pct": "%"},
]


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v["target"] + repr(v["sep"]))
def test_a_target_column_decides_the_status(variant: dict[str, str]) -> None:
    rows = _rows_by_seq(TABLE.format(**variant))
    # a level target reached (28.97% against 6%以上), mid-year: on track, not done
    assert rows[1].status.value == "on_track"
    assert [(e.text, e.rule) for e in rows[1].status.evidence] == [
        ("6" + variant["pct"] + "以上", "figure.meets_target"),
        ("28.97" + variant["pct"], "figure.meets_target"),
    ]
    assert rows[1].status.completion is None  # the rate achieved is no share of the task
    # a level missed: behind, with the gap in points
    assert rows[2].status.value == "behind"
    (assessment,) = rows[2].assessments
    assert (assessment.met, assessment.gap, assessment.gap_unit) == (False, pytest.approx(-1.99), "pp")
    # a ceiling broken, and one kept
    assert rows[3].status.value == "behind"
    assert rows[3].assessments[0].met is False and rows[3].assessments[0].share is None
    assert rows[4].status.value == "on_track"


def test_without_a_target_column_a_bare_percent_is_a_share() -> None:
    """The same percent under a table with no target column is the task's completion share."""
    text = (
        "上半年重点项目推进情况\n序号|项目名称|完成情况|责任单位\n"
        "1|建设某某大桥|28.97%|区交通局\n2|建设某某公园|60%|区住建局\n"
    )
    rows = _rows_by_seq(text)
    assert (rows[1].status.value, rows[1].status.completion) == ("behind", pytest.approx(0.2897))
    assert rows[2].status.value == "on_track"


def test_a_column_of_what_was_done_is_no_target() -> None:
    """累计完成 beside 完成情况 holds actuals, never targets: nothing is assessed against it."""
    text = (
        "上半年主要指标完成情况\n序号|指标名称|累计完成|完成情况|责任单位\n"
        "1|财政收入增长率|6%|28.97%|区财政局\n2|投资增长率|5%|13%|区发改委\n"
    )
    rows = _rows_by_seq(text)
    assert rows[1].assessments == []


COUNTS = """{title}
{seq}{sep}指标名称{sep}{target}{sep}完成情况{sep}责任单位
1{sep}新增跨国公司地区总部数{sep}3家{sep}4家{sep}区商务委
2{sep}新建社区卫生服务站点{sep}2个{sep}1个{sep}区卫健委
3{sep}新认定市级高新技术企业{sep}30家{sep}10家{sep}区科委
4{sep}新增企业上市数{sep}2家{sep}年度指标{sep}区金融办
"""


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v["target"] + repr(v["sep"]))
def test_a_count_alone_answers_a_count_target(variant: dict[str, str]) -> None:
    """A count target (3家) answered by a cell holding only a count of its unit (4家), at mid-year:
    beyond the target is done, half of it on track, a third of it behind; a word is no answer."""
    rows = _rows_by_seq(COUNTS.format(**variant))
    assert (rows[1].status.value, rows[1].status.completion) == ("done", pytest.approx(4 / 3, abs=1e-4))
    assert (rows[2].status.value, rows[2].status.completion) == ("on_track", pytest.approx(0.5))
    assert (rows[3].status.value, rows[3].status.completion) == ("behind", pytest.approx(1 / 3, abs=1e-4))
    assert [e.rule for e in rows[3].status.evidence] == ["figure.share", "figure.share"]
    assert rows[4].status.value == "unknown"


BARE = """{title}
{seq}{sep}项目{sep}{target}{sep}完成情况{sep}责任单位
1{sep}新建学校{sep}12所{sep}8{sep}区教育局
2{sep}新增就业{sep}3万人{sep}1.2{sep}区人社局
3{sep}完成造林{sep}5000亩{sep}5000{sep}区林业局
4{sep}新建学校{sep}12所{sep}8%{sep}区教育局
5{sep}新建学校{sep}12所{sep}2024{sep}区教育局
"""


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v["target"] + repr(v["sep"]))
def test_a_number_alone_is_not_read_against_the_target(variant: dict[str, str]) -> None:
    """A number alone under the progress (8 under 12所) is not paired with the row's total: reading
    it as that total done was tried and withdrawn (no dev document showed the shape; only the test
    split moved). A percent alone is a completion share of its own; a year is no count."""
    rows = _rows_by_seq(BARE.format(**variant))
    assert [rows[n].status.completion for n in (1, 2, 3)] == [None, None, None]
    assert rows[4].status.completion == pytest.approx(0.08)
    assert (rows[5].status.value, rows[5].status.completion) == ("unknown", None)

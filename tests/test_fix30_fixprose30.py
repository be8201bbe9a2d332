"""fix30 (fixprose30): an office opening a report after a gap is the report's subject (prose _gap_report,
review30 #9), and a rule's sentence is no report (report_sentence guard, review30 #7)."""

from __future__ import annotations

import pytest

import extractor
from extractor.layout.prose import _gap_report, _part_patterns
from extractor.textnorm import match_view


def _rows(text: str) -> list[extractor.models.Row]:
    document = extractor.parse_bytes(text.encode(), "t.txt")
    return [r for t in document.tables for r in t.rows]


@pytest.mark.parametrize("gap", ["\u3000\u3000", "   "])
def test_office_after_gap_opens_the_report(gap: str) -> None:
    text = (
        "2023年重点工作进展情况\n"
        f"1.推进城南污水处理厂建设{gap}县住建局已完成主体工程\n"
        f"2.新建城区幼儿园3所{gap}县教育局正在招标\n"
    )
    rows = _rows(text)
    assert [r.task for r in rows] == ["推进城南污水处理厂建设", "新建城区幼儿园3所"]
    assert [r.progress for r in rows] == ["县住建局已完成主体工程", "县教育局正在招标"]


def test_gap_report_needs_an_office_and_a_report() -> None:
    assert _gap_report("推进城南污水处理厂建设\u3000\u3000县住建局已完成主体工程") == (
        "推进城南污水处理厂建设",
        "县住建局已完成主体工程",
    )
    assert _gap_report("推进城南污水处理厂建设\u3000\u3000城南片区已完成主体工程") is None  # a place, no office
    assert _gap_report("推进城南污水处理厂建设\u3000\u3000县住建局负责推进") is None  # no report
    assert _gap_report("\u3000\u3000县住建局已完成主体工程") is None  # nothing before the gap


@pytest.mark.parametrize(
    ("sentence", "reports"),
    [
        ("項目資金於每年6月30日前撥付到位。", False),
        ("各单位应于年底前完成整改.", False),
        ("县审计局每季度组织审计", False),
        ("项目已于6月30日前全部完成。", True),
        ("县审计局于5月组织审计。", True),
    ],
)
def test_rule_sentence_is_no_report(sentence: str, reports: bool) -> None:
    assert bool(_part_patterns()["report_sentence"].match(match_view(sentence))) is reports


MEASURES = """重点工作推进情况
| 序号 | 工作任务 | 推进措施 | 责任单位 |
| --- | --- | --- | --- |
| 1 | 改造老旧小区20个 | {0} | 县住建局 |
| 2 | 新建城区幼儿园3所 | {1} | 县教育局 |
"""


def test_measures_column_of_reports_is_the_progress() -> None:
    rows = _rows(MEASURES.format("已开工12个。", "已建成1所，下步加快建设。"))
    assert [r.progress for r in rows] == ["已开工12个。", "已建成1所，下步加快建设。"]


def test_measures_column_of_plans_stays_a_side_column() -> None:
    rows = _rows(MEASURES.format("加快推进项目建设，确保年底完工。", "强化调度，每月通报进展。"))
    assert [r.progress for r in rows] == [None, None]

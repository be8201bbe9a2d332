"""A second layout, made with ../shared/tools/make_docs.py from tests/fixtures/variant7.spec.json:
seven columns (存在的问题 and 下一步工作打算 as their own columns, 完成时限), merged lead units,
landscape pages. The three formats must agree, and the fields must be right."""

from __future__ import annotations

import pytest

import extractor
from tests.helpers import FIXTURES

FORMATS = ["txt", "docx", "pdf"]


@pytest.fixture(scope="module", params=FORMATS)
def table(request: pytest.FixtureRequest) -> extractor.Table:
    document = extractor.parse(FIXTURES / f"variant7.{request.param}")
    assert document.warnings == []
    (only,) = document.tables
    return only


def test_columns_and_title(table: extractor.Table) -> None:
    assert table.attachment == "附件2"
    assert table.title == "2024年重点工作任务推进情况表"
    assert [c.field for c in table.columns] == [
        "seq", "task", "progress", "issues", "plan", "lead_units", "deadline",
    ]  # fmt: skip


def test_rows(table: extractor.Table) -> None:
    rows = table.rows
    assert [r.seq for r in rows] == [1, 2, 3, 4]
    assert rows[0].lead_units == ["县发展改革委", "县统计局"]
    assert [i.text for i in rows[0].issues] == ["工业投资下滑；", "消费恢复偏慢。"]
    assert [(i.field, i.text) for i in rows[1].issues] == []  # 存在的问题：无
    assert [(i.field, i.text) for i in rows[2].issues] == [("progress", "部分路段征地困难。")]
    assert [i.text for i in rows[3].issues] == ["项目储备不足；", "外资企业增资意愿弱。"]
    assert rows[0].cells["deadline"] == "2024年12月底"


def test_figures(table: extractor.Table) -> None:
    got = [[(f.field, f.text, f.value, f.unit, f.basis, f.scope) for f in r.figures] for r in table.rows]
    assert got[0] == [
        ("task", "增长6%以上", 6.0, "%", None, None),
        ("progress", "356.2亿元", 35620000000.0, "CNY", None, None),
        ("progress", "同比增长5.1%", 5.1, "%", "yoy", None),
        ("progress", "低于目标0.9个百分点", -0.9, "pp", "target", None),  # a gap to target
        ("plan", "增长6%", 6.0, "%", None, None),
    ]
    assert got[1] == [
        ("task", "300个", 300.0, "个", None, None),  # 5G is not a figure
        ("progress", "260个", 260.0, "个", None, None),
        ("progress", "86.7%", 86.7, "%", None, None),
    ]
    assert got[3][-1] == ("progress", "增长3.2%", 3.2, "%", None, "全市")  # 全县 is home, 全市 is not

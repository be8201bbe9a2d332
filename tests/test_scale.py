"""The 1,100-row fixtures: every row found once, none split or merged, same in every format."""

from __future__ import annotations

import re

import pytest

import extractor
from tests.helpers import FIXTURES


def _rows(fmt: str) -> list[tuple]:
    document = extractor.parse(FIXTURES / f"seed1100.{fmt}")
    assert len(document.tables) == 1
    # the web page's navigation and footer and the workbook's note sheet are unplaced text;
    # nothing else is warned
    assert [w for w in document.warnings if not (fmt in ("html", "xlsx") and w.code == "unplaced_text")] == []
    return [
        (r.seq, re.sub(r"\s+", "", r.task or ""), re.sub(r"\s+", "", r.progress or ""), r.lead_units)
        for r in document.tables[0].rows
    ]


@pytest.fixture(scope="module")
def txt_rows() -> list[tuple]:
    return _rows("txt")


@pytest.mark.parametrize("fmt", ["txt", "docx", "pdf", "xlsx", "html"])
def test_1100_rows(fmt: str, txt_rows: list[tuple]) -> None:
    rows = txt_rows if fmt == "txt" else _rows(fmt)
    assert [r[0] for r in rows] == list(range(1, 1101))
    assert rows == txt_rows


def test_long_cell_figures_are_linear() -> None:
    """A cell of 3,000 clauses: every figure found (the clause lookup once scanned from the start each time)."""
    cell = "1-9月完成投资3.2亿元，同比增长5.1%。" * 3000
    figures = extractor.extract_figures(cell)
    assert len(figures) == 6000
    assert {(f.kind, f.value, f.unit) for f in figures} == {("amount", 3.2e8, "CNY"), ("change", 5.1, "%")}


def test_numbered_prose_past_999_items() -> None:
    """Items numbered 1,000 and up are rows of their own, not merged into item 999."""
    lines = "\n".join(f"{i}、任务{i}，牵头部门：区水利局。完成投资{i}亿元。" for i in range(1, 1201))
    (table,) = extractor.parse(("关于重点任务推进情况的报告\n" + lines).encode()).tables
    assert [r.seq for r in table.rows] == list(range(1, 1201))
    assert table.rows[-1].task == "任务1200"
    assert table.rows[-1].progress == "完成投资1200亿元。"

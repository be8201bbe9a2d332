"""The seed end to end, in every format: figures, problems, dates, status per row, target against actual."""

from __future__ import annotations

import pytest

import extractor
from tests.helpers import SEED_FILES

STATUS = {
    1: "stalled",  # 可能会暂缓码头建设
    2: "behind",  # 施工进度缓慢, 不能按原计划
    3: "behind",  # 增长5% against 同比下降4.2%
    4: "behind",  # 215万 of 3000万美元 in a quarter
    5: "not_started",  # 力争开工: only preparation so far
    6: "on_track",  # work reported (推进…包装策划), no sign of delay: on track as an analyst reads it
    7: "behind",  # 增长6% against 下降3.4%
    8: "on_track",  # 已正式开工, 平稳推进
    9: "behind",  # 推进缓慢
    10: "behind",  # 严重影响工程进度
    11: "behind",  # 未能进场开工
}


@pytest.fixture(scope="module", params=sorted(SEED_FILES))
def document(request: pytest.FixtureRequest) -> extractor.Document:
    return extractor.parse(SEED_FILES[request.param])


def test_period(document: extractor.Document) -> None:
    assert document.period is not None
    assert (document.period.text, document.period.year, document.period.elapsed) == ("一季度", None, 0.25)


def test_counts(document: extractor.Document) -> None:
    rows = document.tables[0].rows
    assert sum(len(r.figures) for r in rows) == 13
    assert sum(len(r.issues) for r in rows) == 13


def test_status_per_row(document: extractor.Document) -> None:
    rows = document.tables[0].rows
    assert {r.seq: r.status.value for r in rows} == STATUS
    for row in rows:
        for item in row.status.evidence:
            assert row.cells[item.field][item.span[0] : item.span[1]] == item.text


def test_assessments(document: extractor.Document) -> None:
    rows = {r.seq: r for r in document.tables[0].rows}
    summary = {
        seq: [
            (a.subject, a.target.text, a.actual.text if a.actual else None, a.met, a.gap, a.gap_unit)
            for a in r.assessments
        ]
        for seq, r in rows.items()
        if r.assessments
    }
    assert summary == {
        3: [("进出口总额", "增长5%", "同比下降4.2%", False, -9.2, "pp")],
        4: [("实际使用外资", "3000万美元", "215万美元", None, -27850000.0, "USD")],
        7: [("规上工业产值", "增长6%", "下降3.4%", False, -9.4, "pp")],
    }
    assert rows[4].assessments[0].share == pytest.approx(0.071667, abs=1e-6)
    assert (rows[4].status.completion, rows[4].status.schedule) == (pytest.approx(0.0717, abs=1e-4), 0.25)


def test_dates(document: extractor.Document) -> None:
    rows = {r.seq: r for r in document.tables[0].rows}
    assert [(d.text, d.kind, d.grain) for d in rows[2].dates] == [
        ("6月", "point", "month"),
        ("“五一”期间", "period", "holiday"),
        ("年内", "deadline", "year"),
    ]
    assert [(d.text, d.kind, d.year_known) for d in rows[10].dates] == [("8月底", "deadline", False)]
    for row in rows.values():
        for date in row.dates:
            assert row.cells[date.field][date.span[0] : date.span[1]] == date.text

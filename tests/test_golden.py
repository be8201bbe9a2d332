"""The seed table in every bundled format: golden output, the reference fields, the invariants."""

from __future__ import annotations

import json
import re

import pytest

import extractor
from tests.helpers import FIXTURES, SEED_FILES, golden_path, golden_record

REFERENCE = json.loads((FIXTURES / "seed.reference.json").read_text("utf-8"))


def _squash(text: str | None) -> str:
    return re.sub(r"\s+", "", text or "")


@pytest.fixture(scope="module", params=sorted(SEED_FILES))
def parsed(request: pytest.FixtureRequest) -> tuple[str, extractor.Document]:
    return request.param, extractor.parse(SEED_FILES[request.param])


@pytest.mark.parametrize("name", sorted(SEED_FILES))
def test_matches_golden(name: str) -> None:
    expected = json.loads(golden_path(name).read_text("utf-8"))
    assert golden_record(SEED_FILES[name]) == expected, "rerun `python tests/helpers.py` after a reviewed change"


def test_reference_fields(parsed: tuple[str, extractor.Document]) -> None:
    _, document = parsed
    (table,) = document.tables
    assert table.attachment == REFERENCE["attachment"]
    assert table.title == REFERENCE["title"]
    assert [c.header for c in table.columns] == REFERENCE["columns"]
    assert [c.field for c in table.columns] == ["seq", "task", "progress", "lead_units"]
    assert [r.seq for r in table.rows] == [r["seq"] for r in REFERENCE["rows"]]
    for row, gold in zip(table.rows, REFERENCE["rows"], strict=True):
        assert _squash(row.task) == _squash(gold["task"])
        assert _squash(row.progress) == _squash(gold["progress"])
        assert row.lead_units == gold["lead_units"]
        assert [_squash(i.text) for i in row.issues] == [_squash(i) for i in gold["issues"]]
        got = [(f.field, f.text, f.kind, f.value, f.unit) for f in row.figures]
        want = [(f["field"], f["text"], f["kind"], pytest.approx(f["value"]), f["unit"]) for f in gold["figures"]]
        assert got == want
        for figure, gold_figure in zip(row.figures, gold["figures"], strict=True):
            assert figure.basis == gold_figure.get("basis")
            assert figure.qualifier == gold_figure.get("qualifier")
            assert figure.scope == gold_figure.get("scope")
    assert document.warnings == []


def test_counts(parsed: tuple[str, extractor.Document]) -> None:
    _, document = parsed
    rows = document.tables[0].rows
    assert len(rows) == 11
    assert sum(len(r.issues) for r in rows) == 13
    assert sum(len(r.figures) for r in rows) == 13


def test_every_item_points_into_its_cell(parsed: tuple[str, extractor.Document]) -> None:
    _, document = parsed
    for row in document.tables[0].rows:
        for item in [*row.issues, *row.statements, *row.figures]:
            start, end = item.span
            assert 0 <= start < end <= len(row.cells[item.field])
            assert row.cells[item.field][start:end] == item.text


def test_nothing_lost(parsed: tuple[str, extractor.Document]) -> None:
    """Every character of the source table's cells is in the record's cells."""
    name, document = parsed
    cells = "".join(text for row in document.tables[0].rows for text in row.cells.values())
    for row in REFERENCE["rows"]:
        for text in (row["task"], row["progress"], *row["lead_units"]):
            assert _squash(text) in _squash(cells), name


def test_same_rows_in_every_format() -> None:
    def rows(document: extractor.Document) -> list[tuple]:
        return [
            (
                r.seq,
                _squash(r.task),
                _squash(r.progress),
                r.lead_units,
                [_squash(i.text) for i in r.issues],
                [(f.text, f.value, f.unit) for f in r.figures],
            )
            for r in document.tables[0].rows
        ]

    results = {name: rows(extractor.parse(path)) for name, path in SEED_FILES.items()}
    first = results.pop("seed.txt")
    for name, other in results.items():
        assert other == first, name


def test_merged_lead_unit_belongs_to_every_row_it_spans() -> None:
    for name in ("seed_merged.docx", "seed_merged.pdf"):
        rows = extractor.parse(SEED_FILES[name]).tables[0].rows
        assert rows[2].lead_units == rows[3].lead_units == ["区商务委"], name


def test_page_provenance_in_pdf() -> None:
    rows = extractor.parse(SEED_FILES["seed.pdf"]).tables[0].rows
    assert rows[0].pages == [1]
    assert rows[4].pages == [1, 2]  # row 5 crosses the first page break
    assert extractor.parse(SEED_FILES["seed.pdf"]).tables[0].pages == [1, 2, 3]

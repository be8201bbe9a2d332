"""The PDF path's shortcuts give what pdfplumber's own code gives.

``pdfium._cells`` stands in for pdfplumber's ``intersections_to_cells`` on PDFium pages, and
``pdf._Placed.near`` for the scan of a page's characters that reach into a band of text: both are
compared with the originals on every page of the PDF fixtures and on grids made to stress them
(merged cells, edges that stop short, a gap in a rule, points that share a row but no edge).
"""

from __future__ import annotations

import itertools
import random
from pathlib import Path
from typing import Any

import pytest
from pdfplumber.table import TableFinder, edges_to_intersections, intersections_to_cells

from extractor.readers import pdfium
from extractor.readers.pdf import _Placed, glyphs_of
from tests.helpers import FIXTURES, SAMPLES

PDFS = sorted([SAMPLES / "seed.pdf", *(p for p in FIXTURES.rglob("*.pdf") if p.name != "seed1100.pdf")])
READABLE = [p for p in PDFS if "encrypted_user" not in p.name]
RULED = {"seed.pdf", "seed_merged.pdf", "variant7.pdf", "two_attachments.pdf", "variant7_rotated.pdf"}


def _pages(path: Path) -> list[pdfium.PdfiumPage]:
    data = path.read_bytes()
    with pdfium.opened(data) as document:
        return [pdfium.read_page(document, index, 0.0) for index in range(pdfium.page_count(document))]


def _edge(orientation: str, x0: float, top: float, x1: float, bottom: float) -> dict[str, Any]:
    return {"orientation": orientation, "x0": x0, "top": top, "x1": x1, "bottom": bottom}


def _h(y: float, x0: float, x1: float) -> dict[str, Any]:
    return _edge("h", x0, y, x1, y)


def _v(x: float, top: float, bottom: float) -> dict[str, Any]:
    return _edge("v", x, top, x, bottom)


@pytest.mark.parametrize("path", READABLE, ids=lambda p: p.name)
def test_cells_are_pdfplumbers_on_every_fixture_page(path: Path) -> None:
    found = 0
    for page in _pages(path):
        finder_edges = page.edges
        intersections = edges_to_intersections(finder_edges, 3, 3)
        assert pdfium._cells(intersections) == intersections_to_cells(intersections)
        found += len(intersections)
        tables = page.find_tables()
        reference = TableFinder(page).tables  # pdfplumber's finder on the same objects
        assert [t.cells for t in tables] == [t.cells for t in reference]
        assert [[(r.cells, r.bbox) for r in t.rows] for t in tables] == [
            [(r.cells, r.bbox) for r in t.rows] for t in reference
        ]
        assert [t.bbox for t in tables] == [t.bbox for t in reference]
    if path.name in RULED:
        assert found > 0


def _grid(rng: random.Random) -> list[dict[str, Any]]:
    """A ruled grid with random merges, gaps and stray strokes."""
    xs = sorted(rng.sample(range(0, 500, 7), rng.randint(2, 7)))
    ys = sorted(rng.sample(range(0, 700, 9), rng.randint(2, 9)))
    edges = []
    for y in ys:
        for a, b in itertools.pairwise(xs):
            if rng.random() < 0.85:  # a rule may stop short of a column: a merged cell
                edges.append(_h(y, a, b))
    for x in xs:
        for a, b in itertools.pairwise(ys):
            if rng.random() < 0.85:
                edges.append(_v(x, a, b))
    for _ in range(rng.randint(0, 3)):  # strokes that cross nothing, or part of the grid
        x = rng.choice(xs) + rng.choice((0, 0.5, 40))
        edges.append(_v(x, rng.choice(ys), rng.choice(ys) + 20))
    return edges


@pytest.mark.parametrize("seed", range(60))
def test_cells_are_pdfplumbers_on_random_grids(seed: int) -> None:
    rng = random.Random(seed)
    intersections = edges_to_intersections(_grid(rng), 1, 1)
    assert pdfium._cells(intersections) == intersections_to_cells(intersections)


def test_cells_on_points_in_one_row_without_a_shared_edge() -> None:
    # Two tables side by side whose rules lie at the same heights but do not touch.
    edges = [_h(0, 0, 10), _h(10, 0, 10), _v(0, 0, 10), _v(10, 0, 10)]
    edges += [_h(0, 20, 30), _h(10, 20, 30), _v(20, 0, 10), _v(30, 0, 10)]
    intersections = edges_to_intersections(edges, 1, 1)
    cells = pdfium._cells(intersections)
    assert cells == intersections_to_cells(intersections) == [(0, 0, 10, 10), (20, 0, 30, 10)]


def test_cells_of_a_merged_cell_span_both_columns() -> None:
    # Row 2's middle rule is missing: its cell spans both columns.
    edges = [_h(0, 0, 20), _h(10, 0, 20), _h(20, 0, 20), _v(0, 0, 20), _v(20, 0, 20), _v(10, 0, 10)]
    intersections = edges_to_intersections(edges, 1, 1)
    cells = pdfium._cells(intersections)
    assert cells == intersections_to_cells(intersections)
    assert cells == [(0, 0, 10, 10), (0, 10, 20, 20), (10, 0, 20, 10)]


def test_cells_with_a_coordinate_that_is_no_number_fall_back_to_pdfplumber() -> None:
    edges = [_h(0, 0, 10), _h(10, 0, 10), _v(0, 0, 10), _v(10, 0, 10), _v(float("nan"), 0, 10)]
    intersections = edges_to_intersections(edges, 1, 1)
    assert pdfium._cells(intersections) == intersections_to_cells(intersections) == [(0, 0, 10, 10)]


def _near(placed: _Placed, chars: list[dict], y0: float, y1: float) -> list[dict]:
    return [chars[i] for i in placed.near(y0, y1)]


def _near_by_scan(chars: list[dict], y0: float, y1: float) -> list[dict]:
    return [c for c in chars if c["bottom"] >= y0 and c["top"] <= y1]


@pytest.mark.parametrize("path", READABLE, ids=lambda p: p.name)
def test_characters_near_a_band_are_the_scans_on_every_fixture_page(path: Path) -> None:
    for page in _pages(path):
        chars = page.chars
        placed = _Placed(page.glyphs, lambda chars=chars: chars)
        for y0 in range(-20, int(page.height) + 20, 13):
            for height in (0.5, 4, 30, 200):
                assert _near(placed, chars, y0, y0 + height) == _near_by_scan(chars, y0, y0 + height)


def _char(top: float, bottom: float, x0: float = 0.0) -> dict[str, Any]:
    return {"text": "字", "x0": x0, "x1": x0 + 10, "top": top, "bottom": bottom, "upright": True}


def test_characters_near_a_band_tall_and_short_and_touching() -> None:
    # A tall character (a big 序号) reaches far past its middle; a band touching a box edge counts.
    chars = [_char(100, 160), _char(10, 20, 30), _char(20, 30, 40), _char(300, 310), _char(155, 165, 50)]
    placed = _Placed(glyphs_of(chars), lambda: chars)
    for y0, y1 in ((0, 10), (30, 30), (95, 100), (158, 159), (161, 170), (160, 160), (311, 400), (-5, 9.99)):
        assert _near(placed, chars, y0, y1) == _near_by_scan(chars, y0, y1)
    assert _near(placed, chars, 95, 100) == [chars[0]]


def test_characters_near_a_band_with_a_coordinate_that_is_no_number() -> None:
    chars = [_char(10, 20), _char(float("nan"), 30), _char(40, float("inf")), _char(50, 60)]
    placed = _Placed(glyphs_of(chars), lambda: chars)
    for y0, y1 in ((0, 15), (25, 45), (55, 100)):
        assert _near(placed, chars, y0, y1) == _near_by_scan(chars, y0, y1)


class _Holder:
    """What pdfplumber's ``Table.extract`` asks of a page: its chars."""

    def __init__(self, chars: list[dict[str, Any]]) -> None:
        self.chars = chars


def _text_char(text: str, x0: float, top: float, size: float = 8.0) -> dict[str, Any]:
    return {
        "text": text,
        "x0": x0,
        "x1": x0 + size,
        "top": top,
        "bottom": top + size,
        "doctop": top,
        "upright": True,
        "width": size,
        "height": size,
    }


@pytest.mark.parametrize(
    "cells",
    [
        pytest.param([(0, 0, 50, 20), (50, 0, 100, 20), (0, 20, 100, 40)], id="merged-across-columns"),
        pytest.param([(0, 0, 50, 40), (50, 0, 100, 20), (50, 20, 100, 40)], id="merged-down-rows"),
        pytest.param([(0, 0, 60, 20), (40, 0, 100, 20), (0, 20, 40, 40), (40, 20, 100, 40)], id="overlapping"),
        pytest.param([(0, 0, 30, 20), (30, 0, 60, 20), (60, 0, 100, 20), (0, 20, 100, 40)], id="three-columns"),
    ],
)
def test_table_cells_are_pdfplumbers_extract_on_made_up_grids(cells: list[tuple[float, ...]]) -> None:
    from pdfplumber.table import Table as PlumberTable

    from extractor.readers.pdf import table_cells

    rng = random.Random(len(cells))
    chars = [
        _text_char(rng.choice("完成情况目标任务12%"), rng.uniform(-10, 105), rng.uniform(-5, 42)) for _ in range(400)
    ]
    chars += [_text_char("边", 46, 5), _text_char("界", 50, 20), _text_char("角", 0, 0)]  # on the edges
    holder = _Holder(chars)
    reference = PlumberTable(holder, cells)  # type: ignore[arg-type]
    ours = pdfium.Table(holder, cells)
    assert table_cells(ours, chars) == reference.extract()
    assert any(text for row in reference.extract() for text in row)

"""Ruled tables on a page image: rules by morphology, then a logical grid and its merged cells.

Long horizontal and vertical runs of ink (an opening with a kernel longer than any character)
are the rules. Their positions give the grid's rows and columns; a cell boundary whose rule
segment is missing (no ink along it) joins the two cells on either side, which is how merged
cells are found whatever their shape on paper.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

RULE_INCH = 0.3  # a rule is a straight run of ink at least this long (a character is ~0.15 in)
MIN_TABLE_INCH = 1.0  # a ruled region smaller than this each way is a box, not a table
SEGMENT_INK = 0.8  # share of a boundary segment's length that must be ink for the rule to be there


@dataclass(slots=True)
class GridCell:
    row: int
    col: int
    rowspan: int
    colspan: int
    box: tuple[int, int, int, int]  # x0, y0, x1, y1 in page pixels, inside the rules


@dataclass(slots=True)
class Grid:
    box: tuple[int, int, int, int]
    rows: int
    cols: int
    cells: list[GridCell]  # one per merged region, in reading order
    xs: list[int]  # the column rules' positions
    ys: list[int]  # the row rules' positions
    band: int  # half the width of the band a rule may occupy around its position

    def erase_rules(self, grey: np.ndarray, ink: np.ndarray) -> None:
        """Whiten the rules (on the grey page, and off the ink), so no rule enters a line image."""
        x0, y0, x1, y1 = self.box
        b = self.band + 1
        for y in self.ys:
            grey[max(0, y - b) : y + b + 1, x0:x1] = 255
            ink[max(0, y - b) : y + b + 1, x0:x1] = 0
        for x in self.xs:
            grey[y0:y1, max(0, x - b) : x + b + 1] = 255
            ink[y0:y1, max(0, x - b) : x + b + 1] = 0


def rule_masks(ink: np.ndarray, dpi: float) -> tuple[np.ndarray, np.ndarray]:
    # No closing first: it would join the strokes of neighbouring characters into a "rule". A rule
    # broken by scanner noise still shows in the projections that place the grid's lines.
    length = max(15, int(RULE_INCH * dpi))
    horizontal = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1)))
    vertical = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, length)))
    return horizontal, vertical


def find_grids(ink: np.ndarray, dpi: float) -> list[Grid]:
    """Every ruled table on the page, top to bottom."""
    horizontal, vertical = rule_masks(ink, dpi)
    rules = cv2.bitwise_or(horizontal, vertical)
    joined = cv2.dilate(rules, np.ones((5, 5), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(joined)
    grids = []
    minimum = MIN_TABLE_INCH * dpi
    for label in range(1, count):
        x, y, w, h, _ = stats[label]
        if w < minimum or h < minimum / 3:
            continue
        grid = _grid(ink, horizontal, vertical, (x, y, x + w, y + h), dpi)
        if grid is not None:
            grids.append(grid)
    return sorted(grids, key=lambda g: g.box[1])


def _positions(profile: np.ndarray, threshold: float, offset: int) -> list[int]:
    """Centres of the runs where a projection of a rule mask reaches ``threshold``."""
    hits = np.flatnonzero(profile >= threshold)
    if hits.size == 0:
        return []
    runs = np.split(hits, np.flatnonzero(np.diff(hits) > 3) + 1)
    return [offset + int(run.mean()) for run in runs]


def _grid(
    ink: np.ndarray, horizontal: np.ndarray, vertical: np.ndarray, box: tuple[int, int, int, int], dpi: float
) -> Grid | None:
    x0, y0, x1, y1 = box
    # A rule reaches across a good part of the table (a merged cell interrupts one, not most).
    ys = _positions((horizontal[y0:y1, x0:x1] > 0).sum(axis=1), 0.25 * (x1 - x0), y0)
    xs = _positions((vertical[y0:y1, x0:x1] > 0).sum(axis=0), 0.25 * (y1 - y0), x0)
    gap = 0.06 * dpi  # rules closer than this are one double rule
    ys = _merge_close(ys, gap)
    xs = _merge_close(xs, gap)
    if len(ys) < 2 or len(xs) < 2:
        return None
    rows, cols = len(ys) - 1, len(xs) - 1
    band = max(2, int(0.02 * dpi))
    # Whether the rule between two neighbouring cells is drawn along that cell's side.
    right_open = np.zeros((rows, cols), bool)
    below_open = np.zeros((rows, cols), bool)
    for r in range(rows):
        for c in range(cols - 1):
            right_open[r, c] = not _drawn(ink, xs[c + 1], ys[r], ys[r + 1], band, vertical=True)
    for r in range(rows - 1):
        for c in range(cols):
            below_open[r, c] = not _drawn(ink, ys[r + 1], xs[c], xs[c + 1], band, vertical=False)
    cells = _regions(xs, ys, right_open, below_open, band)
    return Grid(box=box, rows=rows, cols=cols, cells=cells, xs=xs, ys=ys, band=band)


def _merge_close(positions: list[int], gap: float) -> list[int]:
    merged: list[int] = []
    for position in positions:
        if merged and position - merged[-1] < gap:
            continue
        merged.append(position)
    return merged


def _drawn(ink: np.ndarray, at: int, start: int, end: int, band: int, *, vertical: bool) -> bool:
    """Whether ink runs along most of the segment ``start..end`` at ``at`` (± band): a rule."""
    margin = band + 2
    if end - start <= 2 * margin:
        return True
    if vertical:
        strip = ink[start + margin : end - margin, max(0, at - band) : at + band + 1]
        covered = strip.any(axis=1)
    else:
        strip = ink[max(0, at - band) : at + band + 1, start + margin : end - margin]
        covered = strip.any(axis=0)
    return float(covered.mean()) >= SEGMENT_INK


def _regions(xs: list[int], ys: list[int], right_open: np.ndarray, below_open: np.ndarray, band: int) -> list[GridCell]:
    """Grid positions joined across missing rules, each region as its bounding rectangle."""
    rows, cols = right_open.shape
    parent = list(range(rows * cols))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for r in range(rows):
        for c in range(cols):
            if c + 1 < cols and right_open[r, c]:
                parent[find(r * cols + c + 1)] = find(r * cols + c)
            if r + 1 < rows and below_open[r, c]:
                parent[find((r + 1) * cols + c)] = find(r * cols + c)
    spans: dict[int, list[int]] = {}
    for r in range(rows):
        for c in range(cols):
            root = find(r * cols + c)
            span = spans.setdefault(root, [r, c, r, c])
            span[0], span[1] = min(span[0], r), min(span[1], c)
            span[2], span[3] = max(span[2], r), max(span[3], c)
    cells = []
    for r0, c0, r1, c1 in spans.values():
        box = (xs[c0] + band, ys[r0] + band, xs[c1 + 1] - band, ys[r1 + 1] - band)
        cells.append(GridCell(row=r0, col=c0, rowspan=r1 - r0 + 1, colspan=c1 - c0 + 1, box=box))
    return sorted(cells, key=lambda cell: (cell.row, cell.col))

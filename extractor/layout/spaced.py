"""Rows parted by runs of blank lines: a table copied one cell a paragraph, no 序号 to count by.

A Word table saved as text (a 绩效自评 form's indicator table, a service pledge's list) writes each
cell as a paragraph with a blank line after it and leaves a longer run of blank lines where a row
ends. The stream reading rebuilds rows from the 序号 sequence; a table without one (一级指标 |
二级指标 | 三级指标 | 年度指标值 | 实际完成值 …) has only the blank lines to tell its rows by:

- the gaps are measured: the blank runs between cells are the shortest (often one line, or none),
  the runs between rows longer; a text whose gaps are all alike has no rows to tell (None);
- the header is a group of short cells at least two of which name fields (``is_header_row``), its
  width the table's; each later group is a row, as many cells as the header's or fewer: cells left
  out at the front are merged from the row above (a 一级指标 spanning its indicators), so a short
  row is aligned to the right; a group with more cells than the header ends the table.
"""

from __future__ import annotations

from collections import Counter

from extractor.headers import is_header_row
from extractor.layout.base import Block, Line, trim
from extractor.readers.raw import Paragraph, RawCell, RawRow, RawTable

MIN_ROWS = 2
MAX_HEADER_CELL = 16  # characters of a header cell
MAX_HEADER_WIDTH = 16


def spaced_rows(lines: list[Line]) -> list[Block] | None:
    """The table in ``lines`` whose rows are parted by longer runs of blank lines than its cells,
    or None (see the module's doc)."""
    grouped = _groups(lines)
    if grouped is None:
        return None
    groups, gaps, cell_gap = grouped
    start = next((k for k, (cells, _) in enumerate(groups) if _header(cells)), None)
    if start is None:
        return None
    header = groups[start][0]
    width = len(header)
    rows = [RawRow([RawCell(c) for c in header], page=groups[start][1])]
    end = start + 1
    while end < len(groups):
        cells, page = groups[end]
        if end + 1 < len(groups) and len(cells) < width:
            empties = _empty_cells(gaps[end + 1], cell_gap)
            following = groups[end + 1][0]
            if empties and len(cells) + empties + len(following) == width:
                # the gap was an empty cell's paragraph: the row goes on after it
                groups[end] = ([*cells, *([""] * empties), *following], page)
                del groups[end + 1]
                del gaps[end + 1]
                cells = groups[end][0]
        if len(cells) > width or len(cells) < 2:  # (one text alone: a closing line, no row)
            break
        padded: list[RawCell] = [RawCell(None) for _ in range(width - len(cells))]
        rows.append(RawRow([*padded, *(RawCell(c) for c in cells)], page=page))
        end += 1
    if len(rows) - 1 < MIN_ROWS:
        return None
    before = [Paragraph(c, page=p) for cells, p in groups[:start] for c in cells]
    after = [Paragraph(c, page=p) for cells, p in groups[end:] for c in cells]
    return [*before, RawTable(rows, kind="stream", layout="spaced"), *after]


def _empty_cells(gap: int, cell_gap: int) -> int:
    """How many empty cells a run of ``gap`` blank lines between two cells can hold: each empty
    cell is a paragraph of its own with a cell's gap after it (0 when the run is no such sum)."""
    extra = gap - cell_gap
    if extra <= 0 or extra % (cell_gap + 1):
        return 0
    return extra // (cell_gap + 1)


def _groups(lines: list[Line]) -> tuple[list[tuple[list[str], int | None]], list[int], int] | None:
    """The text's lines in groups parted by the longer runs of blank lines, the run before each
    group and the run between cells; None when the runs are all of one length (nothing tells a
    row's end from a cell's). A line after a shorter run than a cell's (none, where cells are
    parted by one) is the same cell's next paragraph."""
    runs: list[int] = []  # blank lines before each written line
    texts: list[tuple[str, int | None]] = []
    blanks = 0
    for line in lines:
        text = trim(line.text)
        if not text:
            blanks += 1
            continue
        runs.append(blanks)
        texts.append((text, line.page))
        blanks = 0
    if len(texts) < 2:
        return None
    gaps = Counter(runs[1:])
    if len(gaps) < 2:
        return None
    cell_gap = gaps.most_common(1)[0][0]  # the gap between cells: the most common one
    longer = [g for g in gaps if g > cell_gap]
    if not longer:
        return None
    groups: list[tuple[list[str], int | None]] = []
    before: list[int] = []
    for k, (text, page) in enumerate(texts):
        if not groups or runs[k] > cell_gap:
            groups.append(([], page))
            before.append(runs[k])
        elif runs[k] < cell_gap and groups[-1][0]:
            groups[-1][0][-1] += "\n" + text
            continue
        groups[-1][0].append(text)
    return groups, before, cell_gap


def _header(cells: list[str]) -> bool:
    return (
        2 <= len(cells) <= MAX_HEADER_WIDTH and all(len(c) <= MAX_HEADER_CELL for c in cells) and is_header_row(cells)
    )

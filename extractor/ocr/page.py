"""One page image → blocks: ruled tables cell by cell, the text around them as paragraphs.

Every text line is cut out of the grey page (rules whitened first) and all of a page's lines go
to the recogniser in one batch. Cells keep their page, their box (points from the page's top
left, on the deskewed page) and their confidence (the lowest of their lines).
"""

from __future__ import annotations

import itertools
import unicodedata
from dataclasses import dataclass, field

import cv2
import numpy as np
import regex

from extractor.ocr import engine
from extractor.ocr.grid import Grid, find_grids
from extractor.ocr.image import PageImage, binarise
from extractor.readers.pdf_layout import clean_text
from extractor.readers.raw import Paragraph, RawCell, RawRow, RawTable

LOW_CONFIDENCE = 0.80  # a cell read with less than this is named in a low_confidence_text warning
PAD_INCH = 0.03  # white margin kept around a line image
LINE_GAP_INCH = 0.25  # on a line outside tables, a gap this wide separates two segments (columns)


@dataclass(slots=True)
class PageResult:
    number: int
    blocks: list[Paragraph | RawTable]
    low_confidence: list[str] = field(default_factory=list)  # "row 3 column 2 (0.61)"
    seal: bool = False
    skew: float = 0.0
    ruled: bool = False


def read_page(page: PageImage) -> PageResult:
    ink = binarise(page.grey)
    grids = find_grids(ink, page.dpi)
    grey = page.grey.copy()
    text_ink = ink.copy()
    for grid in grids:
        grid.erase_rules(grey, text_ink)
    text_ink = _despeckled(text_ink, page.dpi)
    # Line images show only the ink kept (with a margin for soft edges): specks are paper.
    grey[cv2.dilate(text_ink, np.ones((3, 3), np.uint8)) == 0] = 255
    pad = max(2, int(PAD_INCH * page.dpi))
    crops: list[np.ndarray] = []
    boxes: list[tuple[int, int, int, int]] = []

    def add_lines(region: tuple[int, int, int, int], split_gaps: bool) -> list[int]:
        indices = []
        for box in _lines(text_ink, region, page.dpi, split_gaps):
            x0, y0, x1, y1 = box
            h, w = grey.shape
            crops.append(grey[max(0, y0 - pad) : min(h, y1 + pad), max(0, x0 - pad) : min(w, x1 + pad)])
            boxes.append(box)
            indices.append(len(crops) - 1)
        return indices

    # Plan every line first, recognise them in one batch, then build the blocks.
    plan: list[tuple[str, object, list[int]]] = []
    height, width = grey.shape
    top = 0
    for grid in grids:
        plan.append(("paragraphs", None, add_lines((0, top, width, grid.box[1]), True)))
        plan.append(("table", grid, [-1]))
        cell_lines = [add_lines(cell.box, False) for cell in grid.cells]
        plan[-1] = ("table", grid, cell_lines)  # type: ignore[assignment]
        top = grid.box[3]
    if grids:
        plan.append(("paragraphs", None, add_lines((0, top, width, height), True)))
    else:
        plan.append(("paragraphs", None, _detected_lines(grey, text_ink, page.dpi, crops, boxes, pad)))
    texts = engine.recognise(crops)
    result = PageResult(number=page.number, blocks=[], seal=page.seal, skew=page.skew, ruled=bool(grids))
    for kind, grid, indices in plan:
        if kind == "paragraphs":
            lines = _paragraphs(indices, texts, boxes, page, positioned=not grids)  # type: ignore[arg-type]
            result.blocks.extend(lines)
        else:
            result.blocks.append(_table(grid, indices, texts, page, result))  # type: ignore[arg-type]
    return result


def _despeckled(ink: np.ndarray, dpi: float) -> np.ndarray:
    """Ink without specks too small to be part of a character (scanner noise), for finding lines."""
    _count, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    smallest = max(3, int((dpi / 100) ** 2 * 2))
    keep = stats[:, cv2.CC_STAT_AREA] >= smallest
    keep[0] = False
    return np.where(keep[labels], 255, 0).astype(np.uint8)


def _lines(ink: np.ndarray, region: tuple[int, int, int, int], dpi: float, split_gaps: bool) -> list[tuple]:
    """Text line boxes in a region, by the rows and columns where its ink lies."""
    x0, y0, x1, y1 = region
    if x1 - x0 < 2 or y1 - y0 < 2:
        return []
    area = ink[y0:y1, x0:x1]
    rows = (area > 0).sum(axis=1)
    runs = _runs(rows > 0, min_gap=max(1, int(dpi / 200)))
    smallest = 0.04 * dpi  # a run this short is a speck or a rule's remnant, not a line
    runs = [(a, b) for a, b in runs if b - a >= smallest]
    if not runs:
        return []
    typical = float(np.median([b - a for a, b in runs]))
    boxes = []
    for a, b in _split_tall(runs, rows, typical):
        cols = (area[a:b] > 0).any(axis=0)
        pieces = _runs(cols, min_gap=int(LINE_GAP_INCH * dpi)) if split_gaps else [_extent(cols)]
        for c0, c1 in pieces:
            if c1 > c0:
                boxes.append((x0 + c0, y0 + a, x0 + c1, y0 + b))
    return boxes


def _extent(mask: np.ndarray) -> tuple[int, int]:
    hits = np.flatnonzero(mask)
    return (int(hits[0]), int(hits[-1]) + 1) if hits.size else (0, 0)


def _runs(mask: np.ndarray, min_gap: int) -> list[tuple[int, int]]:
    """Runs of True, joined across gaps shorter than ``min_gap``."""
    hits = np.flatnonzero(mask)
    if hits.size == 0:
        return []
    breaks = np.flatnonzero(np.diff(hits) > min_gap)
    starts = np.concatenate(([hits[0]], hits[breaks + 1]))
    ends = np.concatenate((hits[breaks], [hits[-1]])) + 1
    return [(int(a), int(b)) for a, b in zip(starts, ends, strict=True)]


def _split_tall(runs: list[tuple[int, int]], rows: np.ndarray, typical: float) -> list[tuple[int, int]]:
    """Two lines blurred together: a run much taller than the others, cut at its thinnest rows."""
    out = []
    for a, b in runs:
        parts = round((b - a) / typical) if typical else 1
        if parts < 2 or (b - a) < 1.6 * typical:
            out.append((a, b))
            continue
        cuts = [a]
        step = (b - a) / parts
        for k in range(1, parts):
            centre = int(a + k * step)
            window = max(1, int(step / 3))
            lo, hi = max(a + 1, centre - window), min(b - 1, centre + window)
            cuts.append(lo + int(np.argmin(rows[lo:hi])) if hi > lo else centre)
        cuts.append(b)
        out.extend(itertools.pairwise(cuts))
    return out


def _detected_lines(grey: np.ndarray, ink: np.ndarray, dpi: float, crops: list, boxes: list, pad: int) -> list[int]:
    """A page without rules: text boxes by the detector (or by projection), in reading order."""
    found = engine.detect_lines(grey) or _lines(ink, (0, 0, grey.shape[1], grey.shape[0]), dpi, True)
    found.sort(key=lambda b: ((b[1] + b[3]) / 2, b[0]))
    indices = []
    h, w = grey.shape
    for x0, y0, x1, y1 in found:
        crops.append(grey[max(0, y0 - pad) : min(h, y1 + pad), max(0, x0 - pad) : min(w, x1 + pad)])
        boxes.append((x0, y0, x1, y1))
        indices.append(len(crops) - 1)
    return indices


def _paragraphs(indices: list[int], texts: list, boxes: list, page: PageImage, *, positioned: bool) -> list[Paragraph]:
    """Lines outside tables; segments of one line (same height band) joined with wide spaces.

    On a page without rules (``positioned``) each segment starts at the display column of its
    place on the page, as ``pdftotext -layout`` writes a page, so the fixed-width layout can
    find the columns of a table drawn without rules.
    """
    lines: list[list[int]] = []
    band = (0, 0)  # the vertical extent of the line being gathered
    for index in indices:
        box = boxes[index]
        overlap = min(band[1], box[3]) - max(band[0], box[1])
        if lines and overlap > 0.5 * min(band[1] - band[0], box[3] - box[1]):
            lines[-1].append(index)
            band = (min(band[0], box[1]), max(band[1], box[3]))
            continue
        lines.append([index])
        band = (box[1], box[3])
    heights = [boxes[i][3] - boxes[i][1] for i in indices]
    column = max(1.0, float(np.median(heights)) / 2) if heights else 1.0  # a Chinese character is 2 columns
    left = min((boxes[i][0] for i in indices), default=0)
    out = []
    for line in lines:
        line.sort(key=lambda i: boxes[i][0])
        pieces = [(boxes[i][0], full_width(clean_text(texts[i][0]))) for i in line if texts[i][0].strip()]
        if positioned:
            text = ""
            for x, piece in pieces:
                at = round((x - left) / column)
                width = _display_width(text)
                text += " " * (at - width if at - width >= 2 or not text else 2) + piece
        else:
            text = "    ".join(piece for _, piece in pieces)
        if text.strip():
            out.append(Paragraph(text, page=page.number))
    return out


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _table(grid: Grid, cell_lines: list[list[int]], texts: list, page: PageImage, result: PageResult) -> RawTable:
    to_points = 72 / page.dpi
    rows = [[RawCell(None, merge="left") for _ in range(grid.cols)] for _ in range(grid.rows)]
    for cell, indices in zip(grid.cells, cell_lines, strict=True):
        for r in range(cell.row, cell.row + cell.rowspan):
            for c in range(cell.col, cell.col + cell.colspan):
                rows[r][c] = RawCell(None, merge="above" if r > cell.row else "left")
        read = [texts[i] for i in indices if texts[i][0].strip()]
        text = _joined([t for t, _ in read])
        confidence = min((score for _, score in read), default=1.0)
        box = tuple(round(v * to_points, 1) for v in cell.box)
        rows[cell.row][cell.col] = RawCell(text, page=page.number, box=box, confidence=round(confidence, 3))
        if read and confidence < LOW_CONFIDENCE:
            result.low_confidence.append(f"row {cell.row + 1} column {cell.col + 1} ({confidence:.2f})")
    return RawTable([RawRow(cells, page=page.number) for cells in rows], layout="ocr-ruled")


# The recogniser often gives ASCII punctuation where a Chinese text has full-width forms.
_CJK = r"[\u3400-\u9fff\uff08\uff09\u201c\u201d]"
_HALF_PUNCTUATION = (
    (regex.compile(rf"(?<={_CJK})\s*,\s*|\s*,\s*(?={_CJK})"), "，"),
    (regex.compile(rf"(?<={_CJK})\s*:\s*|\s*:\s*(?={_CJK})"), "："),
    (regex.compile(rf"(?<={_CJK})\s*;\s*|\s*;\s*(?={_CJK})"), "；"),
    (regex.compile(rf"(?<={_CJK})\s*\(|\((?={_CJK})"), "（"),
    (regex.compile(rf"(?<={_CJK})\)|\)\s*(?={_CJK})"), "）"),
)


_CLOSING = regex.compile(r"(?<=（[^()（）]*)\)")


def full_width(text: str) -> str:
    """ASCII , : ; ( ) next to a Chinese character as their full-width forms (never between digits)."""
    for pattern, mark in _HALF_PUNCTUATION:
        text = pattern.sub(mark, text)
    # A ")" closing a full-width "（" is full-width too: "（全市下降11.9%)".
    return _CLOSING.sub("）", text)


def _joined(lines: list[str]) -> str:
    """A cell's lines as one text: wrapped Chinese joins directly, Latin words with a space."""
    out = ""
    for line in (clean_text(line) for line in lines):
        if out and out[-1].isascii() and out[-1].isalnum() and line[:1].isascii() and line[:1].isalpha():
            out += " "
        out += line
    return full_width(out)

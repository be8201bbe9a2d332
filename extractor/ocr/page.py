"""One page image → blocks: ruled tables cell by cell, the text around them as paragraphs.

Every text line is cut out of the grey page (rules whitened first) and all of a page's lines go
to the recogniser together. Cells keep their page, their box (points from the page's top left,
on the deskewed page) and their confidence (the lowest of their lines).

A page without a grid is read by the text detector; its lines, each character placed where the
recogniser read it, are kept (``PageResult.lines``) for the borderless table reader, which
``extractor.ocr.read_unruled`` runs over the pages in order; its horizontal rules, if any, cut
the rows there.
"""

from __future__ import annotations

import itertools
import unicodedata
from dataclasses import dataclass, field

import cv2
import numpy as np
import regex

from extractor.headers import is_furniture
from extractor.ocr import engine
from extractor.ocr.grid import MIN_TABLE_INCH, Grid, find_grids, rule_masks
from extractor.ocr.image import PageImage, binarise
from extractor.readers.pdf_layout import LINE_TOLERANCE, Char, Line, clean_text
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
    # A page without rules: its text lines as placed characters (points), for the borderless
    # table reader, which runs over the pages in order (a table goes on from page to page).
    lines: list[Line] | None = None
    size: float = 0.0  # the lines' usual character height (points)
    rules: list[tuple[float, ...]] = field(default_factory=list)  # horizontal rules (y, x0, x1), points


def read_page(page: PageImage) -> PageResult:
    ink = binarise(page.grey)
    grids = find_grids(ink, page.dpi)
    grey = page.grey.copy()
    text_ink = ink.copy()
    for grid in grids:
        grid.erase_rules(grey, text_ink)
    # A table ruled only across (rows between horizontal rules, no columns drawn) has no grid:
    # its rules are taken off the page, as a grid's are, and kept for the borderless reader.
    rules = [] if grids else _horizontal_rules(ink, page.dpi, grey, text_ink)
    text_ink = _despeckled(text_ink, page.dpi)
    # Line images show only the ink kept (with a margin for soft edges): specks are paper.
    # A wide margin: a thin stroke lighter than the ink threshold (a Song face's hairline) stays.
    near = max(3, int(0.03 * page.dpi)) | 1
    grey[cv2.dilate(text_ink, np.ones((near, near), np.uint8)) == 0] = 255
    boxes: list[tuple[int, int, int, int]] = []

    usual = _usual_line_height(text_ink, [cell.box for grid in grids for cell in grid.cells], page.dpi)

    def add_lines(region: tuple[int, int, int, int], split_gaps: bool) -> list[int]:
        found = _lines(text_ink, region, page.dpi, split_gaps, usual)
        boxes.extend(found)
        return list(range(len(boxes) - len(found), len(boxes)))

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
        plan.append(("paragraphs", None, _detected_lines(grey, text_ink, page.dpi, boxes)))
    texts = engine.recognise(_crops(grey, boxes, page.dpi))
    result = PageResult(number=page.number, blocks=[], seal=page.seal, skew=page.skew, ruled=bool(grids))
    for kind, grid, indices in plan:
        if kind == "paragraphs":
            lines = _paragraphs(indices, texts, boxes, page, positioned=not grids)  # type: ignore[arg-type]
            result.blocks.extend(lines)
            if not grids:
                result.lines, result.size = _placed_lines(indices, texts, boxes, text_ink, page)  # type: ignore[arg-type]
                result.rules = [tuple(v * 72 / page.dpi for v in rule) for rule in rules]
                result.low_confidence.extend(_unsure_lines(indices, texts, boxes, height))  # type: ignore[arg-type]
        else:
            result.blocks.append(_table(grid, indices, texts, page, result))  # type: ignore[arg-type]
    return result


def _horizontal_rules(
    ink: np.ndarray, dpi: float, grey: np.ndarray, text_ink: np.ndarray
) -> list[tuple[int, int, int]]:
    """Horizontal rules at least MIN_TABLE_INCH long, as (y, x0, x1) in pixels, whitened on the
    grey page and taken off the text's ink."""
    horizontal, _ = rule_masks(ink, dpi)
    count, _, stats, _ = cv2.connectedComponentsWithStats(horizontal)
    rules = []
    for label in range(1, count):
        x, y, w, h, _ = stats[label]
        if w >= MIN_TABLE_INCH * dpi and h <= 0.05 * dpi:
            rules.append((y + h // 2, x, x + w))
    if rules:
        erase = cv2.dilate(horizontal, np.ones((3, 3), np.uint8)) > 0
        grey[erase] = 255
        text_ink[erase] = 0
    return rules


def _despeckled(ink: np.ndarray, dpi: float) -> np.ndarray:
    """Ink without specks too small to be part of a character (scanner noise), for finding lines."""
    _count, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    smallest = max(3, int((dpi / 100) ** 2 * 2))
    keep = stats[:, cv2.CC_STAT_AREA] >= smallest
    keep[0] = False
    return np.where(keep[labels], 255, 0).astype(np.uint8)


def _lines(
    ink: np.ndarray, region: tuple[int, int, int, int], dpi: float, split_gaps: bool, usual: float | None = None
) -> list[tuple]:
    """Text line boxes in a region, by the rows and columns where its ink lies.

    ``usual`` is the page's usual line height, for a region whose lines are all flat ("三、").
    """
    x0, y0, x1, y1 = region
    if x1 - x0 < 2 or y1 - y0 < 2:
        return []
    area = ink[y0:y1, x0:x1]
    rows = (area > 0).sum(axis=1)
    runs = _runs(rows > 0, min_gap=max(1, int(0.015 * dpi)))
    tall = [b - a for a, b in runs if b - a >= 0.04 * dpi]
    if not runs:
        return []
    typical = float(np.median(tall)) if tall else (usual or float(max(b - a for a, b in runs)))
    if usual and not split_gaps:
        # In a cell, lines blurred into one run must not set the measure: the page's usual line does.
        typical = min(typical, usual)
    runs = [run for run in _join_flat(runs, typical) if not _remnant(area, run, typical, dpi)]
    if not runs:
        return []
    boxes = []
    for a, b in _split_tall(runs, rows, typical):
        cols = (area[a:b] > 0).sum(axis=0)
        if split_gaps:
            pieces = _runs(cols > 0, min_gap=int(LINE_GAP_INCH * dpi))
        else:
            pieces = [_extent(_without_stray_marks(cols, dpi))]
        for c0, c1 in pieces:
            if c1 > c0:
                boxes.append((x0 + c0, y0 + a, x0 + c1, y0 + b))
    return boxes


def _usual_line_height(ink: np.ndarray, regions: list[tuple[int, int, int, int]], dpi: float) -> float:
    """The median height of the text lines in the cells (runs of inked rows at least 0.04 in high)."""
    heights = []
    for x0, y0, x1, y1 in regions:
        rows = (ink[y0:y1, x0:x1] > 0).any(axis=1)
        heights += [b - a for a, b in _runs(rows, min_gap=max(1, int(0.015 * dpi))) if b - a >= 0.04 * dpi]
    return float(np.median(heights)) if heights else 0.15 * dpi


def _join_flat(runs: list[tuple[int, int]], typical: float) -> list[tuple[int, int]]:
    """A flat run (the dot of 六, an accent, a stroke cut off by a gap) joins the line it is close to."""
    out: list[tuple[int, int]] = []
    for a, b in runs:
        flat = b - a < 0.5 * typical
        near = out and a - out[-1][1] < 0.6 * typical and max(b, out[-1][1]) - out[-1][0] <= 1.4 * typical
        if near and (flat or out[-1][1] - out[-1][0] < 0.5 * typical):
            out[-1] = (out[-1][0], max(b, out[-1][1]))
            continue
        out.append((a, b))
    return out


def _remnant(area: np.ndarray, run: tuple[int, int], typical: float, dpi: float) -> bool:
    """A flat run that is no text: what is left of a rule (across most of the region) or a few
    specks (less ink than a short stroke); a flat character ("一") is short and has its ink."""
    a, b = run
    if b - a >= 0.5 * typical:
        return False
    ink = area[a:b] > 0
    return float(ink.any(axis=0).mean()) > 0.6 or int(ink.sum()) < (0.04 * dpi) ** 2


def _without_stray_marks(cols: np.ndarray, dpi: float) -> np.ndarray:
    """Columns of a line's ink, less small marks standing apart from its text (a speck, a rule's end)."""
    mask = cols > 0
    pieces = _runs(mask, min_gap=int(0.08 * dpi))
    if len(pieces) < 2:
        return mask
    keep = np.zeros_like(mask)
    for c0, c1 in pieces:
        if cols[c0:c1].sum() >= (0.012 * dpi) ** 2:  # 6 inked pixels at 200 dpi: more than a speck
            keep[c0:c1] = mask[c0:c1]
    return keep if keep.any() else mask


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


def _detected_lines(grey: np.ndarray, ink: np.ndarray, dpi: float, boxes: list) -> list[int]:
    """A page without rules: text boxes by the detector (or by projection), in reading order."""
    page = (0, 0, grey.shape[1], grey.shape[0])
    found = engine.detect_lines(grey)
    if found:
        # What the detector missed, on a page scaled down for it: a lone thin digit (the "1" of a
        # row's 序号), found by projection on the ink no detected box covers.
        rest = ink.copy()
        near = int(0.04 * dpi)  # and not what is left of a character at a box's edge
        for x0, y0, x1, y1 in found:
            rest[max(0, y0 - near) : y1 + near, max(0, x0 - near) : x1 + near] = 0
        found += [box for box in _lines(rest, page, dpi, True) if _enough_ink(rest, box, dpi)]
    else:
        found = _lines(ink, page, dpi, True)
    found.sort(key=lambda b: ((b[1] + b[3]) / 2, b[0]))
    boxes.extend(found)
    return list(range(len(boxes) - len(found), len(boxes)))


def _enough_ink(ink: np.ndarray, box: tuple[int, int, int, int], dpi: float) -> bool:
    """Whether a box holds a character's worth of ink (at least a short stroke), not a speck or an edge."""
    x0, y0, x1, y1 = box
    return y1 - y0 >= 0.06 * dpi and int(np.count_nonzero(ink[y0:y1, x0:x1])) >= (0.04 * dpi) ** 2


def _crops(grey: np.ndarray, boxes: list[tuple[int, int, int, int]], dpi: float) -> list[np.ndarray]:
    """The line images, each with a margin, and never flatter than the page's usual line.

    A line of flat characters ("二、", "一一") cut to its ink would be stretched to the
    recogniser's height and misread; cut to the page's usual line height it keeps its shape.
    """
    if not boxes:
        return []
    usual = float(np.median([y1 - y0 for _, y0, _, y1 in boxes]))
    pad = max(2, int(PAD_INCH * dpi))
    height, width = grey.shape
    crops = []
    for box in boxes:
        _, y0, _, y1 = box
        grow = max(0.0, 0.9 * usual - (y1 - y0)) / 2
        top, bottom = int(y0 - grow) - pad, int(y1 + grow) + pad
        left, right = _crop_columns(box, dpi, width)
        crops.append(grey[max(0, top) : min(height, bottom), left:right])
    return crops


def _crop_columns(box: tuple[int, int, int, int], dpi: float, width: int) -> tuple[int, int]:
    """The left and right edges of a line's image on the page: its box and a margin."""
    pad = max(2, int(PAD_INCH * dpi))
    return max(0, box[0] - pad), min(width, box[2] + pad)


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
    page_height = page.grey.shape[0]
    for line in lines:
        line.sort(key=lambda i: boxes[i][0])
        pieces = [(boxes[i][0], _text(texts[i][0])) for i in line if _kept(boxes[i], texts[i])]
        if not pieces:
            continue
        top, bottom = min(boxes[i][1] for i in line), max(boxes[i][3] for i in line)
        if _page_number("".join(p for _, p in pieces), top, bottom, page_height):
            continue
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


# A page number in the margin ("— 2 —", "-3-"), whose dashes the recogniser may read as 1, 一 or 丨.
_PAGE_NUMBER = regex.compile(r"^[\s\p{Pd}\p{Po}一丨|_~]*\d{1,4}[\s\p{Pd}\p{Po}一丨|_~]*$")
MARGIN = 0.12  # top and bottom share of the page where a page number stands


# What a rule drawn across the page is read as when no grid took it (a horizontal rule alone).
_RULE_TEXT = regex.compile(r"^[\s一丨|_~\p{Pd}1lI]+$")
RULE_ASPECT = 4  # a rule is this many times wider than tall for each character read in it


# A character or two read with less confidence than this, outside a table, is a mark, not text
# (the end of a rule, a speck: read as 1 or 一 at 0.1–0.3; real text reads above 0.8).
NOISE_CONFIDENCE = 0.5
NOISE_LENGTH = 2


def _kept(box: tuple[int, int, int, int], read: tuple[str, float]) -> bool:
    text, confidence = read[0], read[1]
    if not text.strip() or _rule(box, text):
        return False
    return not (len(text.strip()) <= NOISE_LENGTH and confidence < NOISE_CONFIDENCE)


def _rule(box: tuple[int, int, int, int], text: str) -> bool:
    """A drawn rule read as 一 or —: its box is far wider than the characters read in it could be."""
    x0, y0, x1, y1 = box
    characters = max(1, len(text.strip()))
    return bool(_RULE_TEXT.match(text)) and (x1 - x0) > RULE_ASPECT * max(1, y1 - y0) * characters


def _page_number(text: str, top: int, bottom: int, page_height: int) -> bool:
    """A page number in the top or bottom margin: furniture, dropped rather than misread (—2— as 12丨)."""
    in_margin = bottom < MARGIN * page_height or top > (1 - MARGIN) * page_height
    return in_margin and len(text) <= 10 and bool(_PAGE_NUMBER.match(text))


def _placed_lines(
    indices: list[int], texts: list, boxes: list, ink: np.ndarray, page: PageImage
) -> tuple[list[Line], float]:
    """The recognised lines of a page without rules as characters placed on it, in points.

    The recogniser gives a line's text, not where each character is: they are laid along the
    line's ink from left to right, a wide (CJK) character twice as wide as a narrow one. The
    pieces of a line (one per cell) keep their places, which is what the borderless reader
    needs to find the columns and cut the rows.
    """
    to_points = 72 / page.dpi
    height = page.grey.shape[0]
    extents = {index: _ink_extent(ink, boxes[index]) for index in indices}
    # A wide character is about as wide as a line is high: the page's usual line, since a
    # detector's box may hold the lines of two cells side by side, a little apart in height.
    em = float(np.median([y1 - y0 for _, y0, _, y1 in extents.values()])) if extents else 0.0
    pieces = []
    for index in indices:
        text = _text(texts[index][0])
        if not _kept(boxes[index], texts[index]) or not text.strip():
            continue
        x0, y0, x1, y1 = extents[index]
        if _page_number(text, y0, y1, height):
            continue
        top, bottom = y0 * to_points, y1 * to_points
        units = [_display_width(ch) for ch in text]
        read = texts[index][0]
        places = texts[index][2] if len(texts[index]) > 2 else ()
        chars = []
        if len(places) == len(read):
            # Where the recogniser read each character: a gap between two cells stays a gap.
            left, right = _crop_columns(boxes[index], page.dpi, page.grey.shape[1])
            for ch, place in zip(read, places, strict=True):
                if ch.isspace():
                    continue
                ch = _text(ch) or ch
                # A Latin letter or digit is wider than half a CJK character: at half, "RCEP" read as "R CEP".
                middle, half = left + place * (right - left), em * (0.5 if _display_width(ch) == 2 else 0.35)
                chars.append(Char(ch, (middle - half) * to_points, (middle + half) * to_points, top, bottom, "ocr"))
        else:  # laid along the ink from left to right
            step = (x1 - x0) / max(1, sum(units))
            x = float(x0)
            for ch, unit in zip(text, units, strict=True):
                if not ch.isspace():
                    chars.append(Char(ch, x * to_points, (x + unit * step) * to_points, top, bottom, "ocr"))
                x += unit * step
        pieces.append(chars)
    if not pieces:
        return [], 0.0
    size = float(np.median([c.bottom - c.top for chars in pieces for c in chars]))
    # Pieces whose tops are this close are one line, as the text-layer reader groups characters.
    pieces.sort(key=lambda chars: chars[0].top)
    groups: list[list[list[Char]]] = []
    for chars in pieces:
        if groups and chars[0].top - groups[-1][0][0].top <= LINE_TOLERANCE * size:
            groups[-1].append(chars)
        else:
            groups.append([chars])
    lines = []
    for group in groups:
        group.sort(key=lambda chars: chars[0].x0)
        text = " ".join("".join(c.text for c in chars) for chars in group)
        flat = [c for chars in group for c in chars]
        top, bottom = min(c.top for c in flat), max(c.bottom for c in flat)
        lines.append(Line(flat, top, bottom, text, "ocr", is_furniture(text)))
    return lines, size


def _unsure_lines(indices: list[int], texts: list, boxes: list, height: int) -> list[str]:
    """Lines of a page without rules read with low confidence, named by their place and first words
    (their cells are found later, by the borderless reader, which keeps no confidence)."""
    out = []
    kept = [i for i in indices if _kept(boxes[i], texts[i])]
    for number, index in enumerate(sorted(kept, key=lambda i: (boxes[i][1], boxes[i][0])), start=1):
        text, confidence = _text(texts[index][0]), texts[index][1]
        if confidence < LOW_CONFIDENCE and not _page_number(text, boxes[index][1], boxes[index][3], height):
            shown = text if len(text) <= UNSURE_SHOWN else text[:UNSURE_SHOWN] + "…"
            out.append(f"line {number} “{shown}” ({confidence:.2f})")
    return out


UNSURE_SHOWN = 12  # characters of an unsure line shown in the warning


def _ink_extent(ink: np.ndarray, box: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    """The box shrunk to the ink inside it (a detector's box has a margin around the characters)."""
    x0, y0, x1, y1 = box
    area = ink[max(0, y0) : y1, max(0, x0) : x1] > 0
    rows, cols = np.flatnonzero(area.any(axis=1)), np.flatnonzero(area.any(axis=0))
    if rows.size == 0:
        return box
    x0, y0 = max(0, x0), max(0, y0)
    return x0 + int(cols[0]), y0 + int(rows[0]), x0 + int(cols[-1]) + 1, y0 + int(rows[-1]) + 1


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
        text = _joined([reading[0] for reading in read])
        confidence = min((reading[1] for reading in read), default=1.0)
        box = tuple(round(v * to_points, 1) for v in cell.box)
        rows[cell.row][cell.col] = RawCell(text, page=page.number, box=box, confidence=round(confidence, 3))
        if read and confidence < LOW_CONFIDENCE:
            result.low_confidence.append(f"row {cell.row + 1} column {cell.col + 1} ({confidence:.2f})")
    return RawTable([RawRow(cells, page=page.number) for cells in rows], layout="ocr-ruled")


# Look-alikes the recogniser gives for punctuation: the radical 丶 for the enumeration comma 、.
_CONFUSABLES = str.maketrans({"丶": "、"})


def _text(line: str) -> str:
    return clean_text(line).translate(_CONFUSABLES)


def _joined(lines: list[str]) -> str:
    """A cell's lines as one text: wrapped Chinese joins directly, Latin words with a space."""
    out = ""
    for line in (_text(line) for line in lines):
        if out and out[-1].isascii() and out[-1].isalnum() and line[:1].isascii() and line[:1].isalpha():
            out += " "
        out += line
    return out

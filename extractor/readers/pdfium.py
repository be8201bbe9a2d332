"""PDF pages read by PDFium (pypdfium2's raw binding), handed on in pdfplumber's object model.

pdfminer spends most of a PDF's reading time building its layout objects in Python (22 s for the
261 pages of seed1100.pdf, 2.6 s through PDFium). This module reads each page's characters (text,
box, font, size, orientation) and path objects (the ruling lines) through PDFium into a
:class:`PdfiumPage`: the characters as glyph tuples (pdfplumber's char dicts made only if asked
for), the paths as pdfplumber's objects and edges, and :class:`TableFinder`, pdfplumber's table
finder step for step. ``pdf.py``/``pdf_layout.py`` read both engines' pages with the same code, and
nothing on this path imports pdfplumber or pdfminer (10 MiB and 0.1 s of start-up: pdfminer loads
``cryptography``); other table settings and text that is not upright go to pdfplumber's own code.

Per character, four calls into PDFium (its text object, loose box, origin and whether its glyph
has a Unicode mapping) through ctypes prototypes without declared arguments (``_bare``); the
page's text comes in one call (``FPDFText_GetText``), each text object's style in three.

The objects are made to equal pdfminer's:

- a character's box is its advance (PDFium's loose box along the text direction) by its font size
  above the baseline, turned by the character's matrix and the page's /Rotate as pdfminer turns
  it. pdfminer puts the box's bottom at the font's declared descent; LibreOffice's fonts declare
  none, so their boxes are identical. For a font that declares one, both engines' boxes differ by
  that descent, the same for every character of the font;
- characters PDFium adds (spaces and line breaks it infers) are dropped: pdfminer has no such
  characters, and pdfplumber infers its own spaces from the gaps;
- a glyph without a Unicode mapping reads as U+FFFD (pdfminer: "(cid:N)"; ``clean_text`` turns
  that into U+FFFD too);
- paths are split into subpaths and classed as pdfminer classes them (one segment: a line; a
  closed axis-aligned quadrilateral: a rect; anything else: a curve), with the same points;
- font names are the base font names (pdfminer keeps a subset's "ABCDEF+" prefix: two subsets of
  one font are one font here).

PDFium decodes streams itself, beyond the bounds ``pdf_bounds`` puts on pdfminer, so ``pdf.py``
checks a file's streams before handing it to PDFium (:func:`pdf_bounds.check_streams`).
"""

from __future__ import annotations

import ctypes
import itertools
import math
import re
import struct
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from operator import itemgetter
from typing import Any

import pypdfium2.raw as pdfium

from extractor.errors import CorruptFileError, EncryptedFileError

# Form XObjects nest; a hostile file may nest them without end. Deeper paths are not read.
MAX_FORM_DEPTH = 16
# pdfminer's transformation for a page's /Rotate, from the media box (x0, y0, x1, y1).
_ROTATIONS = {
    0: lambda x0, y0, x1, y1: (1, 0, 0, 1, -x0, -y0),
    90: lambda x0, y0, x1, y1: (0, -1, 1, 0, -y0, x1),
    180: lambda x0, y0, x1, y1: (-1, 0, 0, -1, x1, y1),
    270: lambda x0, y0, x1, y1: (0, 1, -1, 0, y1, -x0),
}
Matrix = tuple[float, float, float, float, float, float]
Point = tuple[float, float]
Box = tuple[float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


class Unsupported(Exception):
    """A page PDFium's reading would not match pdfminer's on: the caller reads the file with pdfplumber."""


def _multiply(first: Matrix, then: Matrix) -> Matrix:
    """``first`` applied, then ``then`` (PDF's row-vector convention)."""
    a, b, c, d, e, f = first
    a2, b2, c2, d2, e2, f2 = then
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


@contextmanager
def opened(data: bytes) -> Iterator[Any]:
    """The PDFium document of ``data`` (kept alive while it is open), closed after."""
    # PDFium reads from the file's bytes lazily, in place: held here until the document is closed
    # (immutable, so no copy is needed; a copy held a second file-sized buffer all along).
    buffer = data if type(data) is bytes else bytes(data)
    document = pdfium.FPDF_LoadMemDocument64(buffer, len(buffer), None)
    if not document:
        error = pdfium.FPDF_GetLastError()
        if error == pdfium.FPDF_ERR_PASSWORD:
            raise EncryptedFileError("encrypted PDF (a password is needed to open it)")
        if error == pdfium.FPDF_ERR_SECURITY:
            raise EncryptedFileError("encrypted PDF (an unsupported security handler)")
        raise CorruptFileError("damaged PDF (PDFium cannot open it)")
    try:
        yield document
    finally:
        pdfium.FPDF_CloseDocument(document)
        del buffer


def page_count(document: Any) -> int:
    """PDFium's page count (it trusts a page tree's /Count within its own cap; pdf.py compares)."""
    return int(pdfium.FPDF_GetPageCount(document))


# A page object's dictionary: "/Type /Page" and a name's end (whitespace, a delimiter, the end of the file).
_PAGE_DICT = re.compile(rb"/Type\s*/Page(?![^\x00\t\n\x0c\r /<>\[\]()%{}])")


def vouched_pages(data: bytes, document: Any, total: int, cap: int | None) -> bool:
    """Whether PDFium's page count can stand for the page tree's leaves as pdfminer counts them,
    so that pdfminer need not read the tree (pdf.py reads it when this says no).

    PDFium trusts a tree's /Count, and rebuilds a damaged cross-reference table that pdfminer may
    not read. Its count is taken when the file gives no cause to doubt it: its cross-reference
    table is whole, it is not encrypted (pdfminer may refuse a security handler PDFium reads), the
    count is within the page limit, and the file holds as many page dictionaries (in the open and
    in its deflated object streams) as that count (an incremental update, a /Count that lies, or a
    page dictionary outside the tree: all make these differ).
    """
    if total <= 0 or (cap is not None and total > cap):
        return False
    if not pdfium.FPDF_DocumentHasValidCrossReferenceTable(document):
        return False
    if pdfium.FPDF_GetSecurityHandlerRevision(document) != -1:
        return False
    return _page_dicts(data) == total


# A stream's data starts after the "stream" keyword and its end of line (not "endstream").
_STREAM_DATA = re.compile(rb"(?<!end)stream(?:\r\n|\n|\r)")
_OBJECT_STREAM = re.compile(rb"/Type\s*/ObjStm(?![^\x00\t\n\x0c\r /<>\[\]()%{}])")
_DICTIONARY_REACH = 4096  # bytes before a stream searched for its dictionary
_OBJECT_STREAM_BYTES = 8 << 20  # an object stream inflated past this is not counted (no vouching)


def _page_dicts(data: bytes) -> int | None:
    """The page dictionaries the file holds: in the open, and inside its deflated object streams
    (Word and WPS put them there). None when an object stream cannot be inflated: no count."""
    count = len(_PAGE_DICT.findall(data))
    if b"/ObjStm" not in data:
        return count
    for match in _STREAM_DATA.finditer(data):
        start = match.start()
        head = data.rfind(b"obj", max(0, start - _DICTIONARY_REACH), start)
        dictionary = data[head:start] if head >= 0 else b""
        if not _OBJECT_STREAM.search(dictionary):
            continue
        if b"/FlateDecode" not in dictionary:
            return None
        inflater = zlib.decompressobj()
        try:
            inflated = inflater.decompress(data[match.end() :], _OBJECT_STREAM_BYTES)
        except zlib.error:
            return None
        if not inflater.eof:  # damaged, or larger than an object stream of page dictionaries needs
            return None
        count += len(_PAGE_DICT.findall(inflated))
    return count


class PdfiumPage:
    """A page PDFium read, in pdfplumber's object model: its ``chars``, ``lines``, ``rects``,
    ``curves``, ``images`` and ``edges`` are the dicts a pdfplumber ``Page`` has, and
    ``find_tables``/``extract_text`` give what pdfplumber's give with their default settings
    (:class:`TableFinder` below is its table finder on these objects). Nothing here imports
    pdfplumber or pdfminer (their imports are 10 MiB and 0.1 s of a PDF's start-up); other table
    settings, and text that is not all upright, are handed to pdfplumber's own code.
    """

    def __init__(
        self,
        number: int,
        bbox: tuple[float, float, float, float],
        doctop: float,
        glyphs: list[tuple[Any, ...]],
        drawn: dict[str, list[dict[str, Any]]],
    ) -> None:
        self.page_number = number
        self.initial_doctop = doctop
        self.rotation = 0
        self.mediabox = self.cropbox = self.bbox = bbox
        # The characters as pdf.py reads them, (top, x0, x1, text, bottom, upright, font, size,
        # advance); their pdfplumber dicts are made when ``chars`` is first asked for.
        self.glyphs = glyphs
        self._chars: list[dict[str, Any]] | None = None
        self._drawn = drawn
        self._edges: list[dict[str, Any]] | None = None

    @property
    def width(self) -> float:
        return self.bbox[2] - self.bbox[0]

    @property
    def height(self) -> float:
        return self.bbox[3] - self.bbox[1]

    @property
    def objects(self) -> dict[str, list[dict[str, Any]]]:
        return {"char": self.chars, **self._drawn}

    @property
    def chars(self) -> list[dict[str, Any]]:
        """The characters as pdfplumber's char dicts (what pdfminer's would be)."""
        if self._chars is None:
            number, doctop, y_base = self.page_number, self.initial_doctop, self.bbox[3]
            self._chars = [
                {
                    "object_type": "char",
                    "page_number": number,
                    "text": text,
                    "fontname": font,
                    "size": size,
                    "upright": upright,
                    "x0": x0,
                    "x1": x1,
                    "top": top,
                    "bottom": bottom,
                    "doctop": top + doctop,
                    "y0": y_base - bottom,
                    "y1": y_base - top,
                    "width": x1 - x0,
                    "height": bottom - top,
                    "adv": advance,
                }
                for top, x0, x1, text, bottom, upright, font, size, advance in self.glyphs
            ]
        return self._chars

    @property
    def lines(self) -> list[dict[str, Any]]:
        return self._drawn.get("line", [])

    @property
    def rects(self) -> list[dict[str, Any]]:
        return self._drawn.get("rect", [])

    @property
    def curves(self) -> list[dict[str, Any]]:
        return self._drawn.get("curve", [])

    @property
    def images(self) -> list[dict[str, Any]]:
        return self._drawn.get("image", [])

    @property
    def edges(self) -> list[dict[str, Any]]:
        """pdfplumber's ``Page.edges``: the lines', then the rects', then the curves' edges."""
        if self._edges is None:
            edges = [_line_edge(line) for line in self.lines]
            for rect in self.rects:
                edges.extend(_rect_edges(rect))
            for curve in self.curves:
                edges.extend(_curve_edges(curve))
            self._edges = edges
        return self._edges

    @property
    def horizontal_edges(self) -> list[dict[str, Any]]:
        return [e for e in self.edges if e["orientation"] == "h"]

    @property
    def vertical_edges(self) -> list[dict[str, Any]]:
        return [e for e in self.edges if e["orientation"] == "v"]

    def find_tables(self, table_settings: Any = None) -> list[Any]:
        """pdfplumber's ``find_tables``: with its default settings, by :class:`TableFinder`."""
        if table_settings is not None:
            from pdfplumber.table import TableFinder as PlumberFinder

            return PlumberFinder(self, table_settings).tables  # type: ignore[arg-type]
        return TableFinder(self.edges).tables

    def extract_text(self) -> str:
        """pdfplumber's ``Page.extract_text()`` (its text map without layout)."""
        from pdfplumber.utils import chars_to_textmap

        width, height = self.width, self.height
        textmap = chars_to_textmap(self.chars, layout_bbox=self.bbox, layout_width=width, layout_height=height)
        return textmap.as_string

    def close(self) -> None:
        """Drop the objects, so that memory stays flat in pages whoever still holds the page."""
        self.glyphs, self._chars, self._drawn, self._edges = [], None, {}, None


# --------------------------------------------------------------------------------------------
# pdfplumber's table finder (its "lines" strategy, default settings), on the objects above.
# The steps and their arithmetic are pdfplumber's (0.11, MIT licence), in the same order, so the
# tables are the same to the last bit; tests/test_pdf_speed_tables.py compares them on every page
# of the fixtures and on random grids.

SNAP, JOIN, MIN_LENGTH, PREFILTER_LENGTH, INTERSECTION = 3, 3, 3, 1, 3


def _line_edge(line: dict[str, Any]) -> dict[str, Any]:
    edge = dict(line)
    edge["orientation"] = "h" if (line["top"] == line["bottom"]) else "v"
    return edge


def _rect_edges(rect: dict[str, Any]) -> list[dict[str, Any]]:
    top, bottom, left, right = (dict(rect) for _ in range(4))
    top.update({"object_type": "rect_edge", "height": 0, "y0": rect["y1"], "bottom": rect["top"], "orientation": "h"})
    bottom.update(
        {
            "object_type": "rect_edge",
            "height": 0,
            "y1": rect["y0"],
            "top": rect["top"] + rect["height"],
            "doctop": rect["doctop"] + rect["height"],
            "orientation": "h",
        }
    )
    left.update({"object_type": "rect_edge", "width": 0, "x1": rect["x0"], "orientation": "v"})
    right.update({"object_type": "rect_edge", "width": 0, "x0": rect["x1"], "orientation": "v"})
    return [top, bottom, left, right]


def _curve_edges(curve: dict[str, Any]) -> list[dict[str, Any]]:
    points = curve["pts"]
    return [
        {
            "object_type": "curve_edge",
            "x0": min(p0[0], p1[0]),
            "x1": max(p0[0], p1[0]),
            "top": min(p0[1], p1[1]),
            "doctop": min(p0[1], p1[1]) + (curve["doctop"] - curve["top"]),
            "bottom": max(p0[1], p1[1]),
            "width": abs(p0[0] - p1[0]),
            "height": abs(p0[1] - p1[1]),
            "orientation": "v" if p0[0] == p1[0] else ("h" if p0[1] == p1[1] else None),
        }
        for p0, p1 in itertools.pairwise(points)
    ]


def _long_enough(edges: list[dict[str, Any]], orientation: str | None, length: float) -> list[dict[str, Any]]:
    """pdfplumber's ``filter_edges`` (any edge type)."""
    out = []
    for e in edges:
        dim = "height" if e["orientation"] == "v" else "width"
        if (orientation is None or e["orientation"] == orientation) and e[dim] >= length:
            out.append(e)
    return out


def _cluster_objects(items: list[dict[str, Any]], attr: str, tolerance: float) -> list[list[dict[str, Any]]]:
    """pdfplumber's ``cluster_objects(items, itemgetter(attr), tolerance)``."""
    values = sorted(set(map(itemgetter(attr), items)))
    index: dict[float, int] = {}
    if tolerance == 0 or len(values) < 2:
        index = {value: i for i, value in enumerate(values)}
    else:
        group, last = 0, values[0]
        for value in values:
            if not value <= last + tolerance:
                group += 1
            index[value] = group
            last = value
    keyed = sorted(((item, index.get(item[attr])) for item in items), key=itemgetter(1))
    return [[item for item, _ in members] for _, members in itertools.groupby(keyed, key=itemgetter(1))]


def _snapped(items: list[dict[str, Any]], attr: str) -> list[dict[str, Any]]:
    """pdfplumber's ``snap_objects``: each cluster moved to its mean."""
    out = []
    for cluster in _cluster_objects(items, attr, SNAP):
        mean = sum(map(itemgetter(attr), cluster)) / len(cluster)
        for item in cluster:
            shift = mean - item[attr]
            moved = dict(item)
            if attr == "x0":
                moved["x0"], moved["x1"] = item["x0"] + shift, item["x1"] + shift
            else:
                moved["top"], moved["bottom"] = item["top"] + shift, item["bottom"] + shift
                if "doctop" in item:
                    moved["doctop"] = item["doctop"] + shift
                if "y0" in item:
                    moved["y0"], moved["y1"] = item["y0"] - shift, item["y1"] - shift
            out.append(moved)
    return out


def _joined(edges: Iterable[dict[str, Any]], orientation: str) -> list[dict[str, Any]]:
    """pdfplumber's ``join_edge_group``: edges on one line within the tolerance made one."""
    low, high = ("x0", "x1") if orientation == "h" else ("top", "bottom")
    ordered = sorted(edges, key=itemgetter(low))
    joined = [ordered[0]]
    for e in ordered[1:]:
        last = joined[-1]
        if e[low] <= (last[high] + JOIN):
            if e[high] > last[high]:
                joined[-1] = _resized(last, high, e[high])
        else:
            joined.append(e)
    return joined


def _resized(edge: dict[str, Any], key: str, value: float) -> dict[str, Any]:
    """pdfplumber's ``resize_object`` for an edge's far end (x1 or bottom)."""
    out = dict(edge)
    out[key] = value
    if key == "x1":
        assert value >= edge["x0"]
        out["width"] = value - edge["x0"]
    else:
        assert value >= edge["top"]
        diff = value - edge["bottom"]
        out["height"] = edge["height"] + diff
        if "y0" in edge:
            out["y0"] = edge["y0"] - diff
    return out


def _group(edge: dict[str, Any]) -> tuple[str, float]:
    return ("h", edge["top"]) if edge["orientation"] == "h" else ("v", edge["x0"])


def _merged(edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """pdfplumber's ``merge_edges``: snapped, then joined along each line."""
    vertical = [e for e in edges if e["orientation"] == "v"]
    horizontal = [e for e in edges if e["orientation"] == "h"]
    edges = _snapped(vertical, "x0") + _snapped(horizontal, "top")
    out: list[dict[str, Any]] = []
    for key, items in itertools.groupby(sorted(edges, key=_group), key=_group):
        out.extend(_joined(items, key[0]))
    return out


def _intersections(edges: list[dict[str, Any]]) -> dict[Point, dict[str, list[dict[str, Any]]]]:
    """pdfplumber's ``edges_to_intersections``."""
    found: dict[Point, dict[str, list[dict[str, Any]]]] = {}
    vertical = sorted((e for e in edges if e["orientation"] == "v"), key=itemgetter("x0", "top"))
    horizontal = sorted((e for e in edges if e["orientation"] == "h"), key=itemgetter("top", "x0"))
    for v in vertical:
        v_top, v_bottom, v_x = v["top"], v["bottom"], v["x0"]
        for h in horizontal:
            h_top = h["top"]
            if (
                (v_top <= (h_top + INTERSECTION))
                and (v_bottom >= (h_top - INTERSECTION))
                and (v_x >= (h["x0"] - INTERSECTION))
                and (v_x <= (h["x1"] + INTERSECTION))
            ):
                vertex = (v_x, h_top)
                if vertex not in found:
                    found[vertex] = {"v": [], "h": []}
                found[vertex]["v"].append(v)
                found[vertex]["h"].append(h)
    return found


def _tables(cells: list[Box]) -> list[list[Box]]:
    """pdfplumber's ``cells_to_tables``: cells grouped by shared corners, top to bottom."""
    remaining = list(cells)
    corners: set[Point] = set()
    current: list[Box] = []
    tables = []
    while remaining:
        before = len(current)
        for cell in list(remaining):
            x0, top, x1, bottom = cell
            cell_corners = ((x0, top), (x0, bottom), (x1, top), (x1, bottom))
            if not current or any(c in corners for c in cell_corners):
                corners |= set(cell_corners)
                current.append(cell)
                remaining.remove(cell)
        if len(current) == before:
            tables.append(list(current))
            corners.clear()
            current.clear()
    if current:
        tables.append(list(current))
    ordered = sorted(tables, key=lambda t: min((c[1], c[0]) for c in t))
    return [t for t in ordered if len(t) > 1]


class CellGroup:
    """A row of a table: its cells (None where a merged cell covers the position) and their box."""

    __slots__ = ("bbox", "cells")

    def __init__(self, cells: list[Box | None]) -> None:
        self.cells = cells
        present = [c for c in cells if c]
        self.bbox = (
            min(c[0] for c in present),
            min(c[1] for c in present),
            max(c[2] for c in present),
            max(c[3] for c in present),
        )


class Table:
    """pdfplumber's ``Table``: its cells, box and rows (``extract`` is ``pdf.table_cells``)."""

    def __init__(self, page: Any, cells: list[Box]) -> None:
        self.page = page
        self.cells = cells

    @property
    def bbox(self) -> Box:
        c = self.cells
        return (min(b[0] for b in c), min(b[1] for b in c), max(b[2] for b in c), max(b[3] for b in c))

    @property
    def rows(self) -> list[CellGroup]:
        ordered = sorted(self.cells, key=itemgetter(1, 0))
        xs = sorted({cell[0] for cell in self.cells})
        rows = []
        for _, row_cells in itertools.groupby(ordered, itemgetter(1)):
            by_x = {cell[0]: cell for cell in row_cells}
            rows.append(CellGroup([by_x.get(x) for x in xs]))
        return rows


class TableFinder:
    """pdfplumber's ``TableFinder`` with its default settings, on a page's edges."""

    def __init__(self, page_edges: list[dict[str, Any]]) -> None:
        vertical = _long_enough(page_edges, "v", PREFILTER_LENGTH)
        horizontal = _long_enough(page_edges, "h", PREFILTER_LENGTH)
        self.edges = _long_enough(_merged(vertical + horizontal), None, MIN_LENGTH)
        self.intersections = _intersections(self.edges)
        self.cells = _cells(self.intersections)
        self.tables = [Table(None, group) for group in _tables(self.cells)]


_BBOX = itemgetter("x0", "top", "x1", "bottom")


def _cells(intersections: dict[Point, dict[str, list[dict[str, Any]]]]) -> list[tuple[float, float, float, float]]:
    """pdfplumber's ``intersections_to_cells``, the same cells in the same order: for each
    intersection point (in sorted order), the smallest rectangle to a point below and one to its
    right, all four corners joined by shared edges. pdfplumber rescans the points after each point
    and rebuilds the edge sets of both ends for every pair it tries; here the points below are the
    run that follows in sorted order, those to the right come from a row index, and each point's
    edge sets are made once."""
    points = sorted(intersections)
    if not all(math.isfinite(x) and math.isfinite(y) for x, y in points):
        from pdfplumber.table import intersections_to_cells

        return intersections_to_cells(intersections)  # NaN does not sort: pdfplumber's own scan
    vertical = {p: {_BBOX(e) for e in edges["v"]} for p, edges in intersections.items()}
    horizontal = {p: {_BBOX(e) for e in edges["h"]} for p, edges in intersections.items()}
    rows: dict[float, list[Point]] = {}
    for point in points:  # each row in x order
        rows.setdefault(point[1], []).append(point)
    after = {point: row[k + 1 :] for row in rows.values() for k, point in enumerate(row)}
    cells = []
    count = len(points)
    for i, point in enumerate(points[:-1]):
        up, across = vertical[point], horizontal[point]
        right: list[Point] | None = None
        j = i + 1
        while j < count and points[j][0] == point[0]:  # the points below, top to bottom
            below = points[j]
            j += 1
            if up.isdisjoint(vertical[below]):
                continue
            if right is None:
                right = [p for p in after[point] if not across.isdisjoint(horizontal[p])]
            found = None
            for corner_right in right:
                corner = (corner_right[0], below[1])
                if (
                    corner in intersections
                    and not vertical[corner].isdisjoint(vertical[corner_right])
                    and not horizontal[corner].isdisjoint(horizontal[below])
                ):
                    found = (point[0], point[1], corner[0], corner[1])
                    break
            if found is not None:
                cells.append(found)
                break
    return cells


def read_page(document: Any, index: int, doctop: float) -> PdfiumPage:
    """Page ``index`` (0-based) as a :class:`PdfiumPage`; PDFium's own page is closed before this returns."""
    page = pdfium.FPDF_LoadPage(document, index)
    if not page:
        raise CorruptFileError(f"damaged PDF (page {index + 1} cannot be read)")
    try:
        corners = [ctypes.c_float() for _ in range(4)]  # left, bottom, right, top
        if pdfium.FPDFPage_GetMediaBox(page, *(ctypes.byref(v) for v in corners)):
            left_, bottom_, right_, top_ = (v.value for v in corners)
        else:  # PDFium's default, US Letter
            left_, bottom_, right_, top_ = 0.0, 0.0, 612.0, 792.0
        x0, x1 = sorted((left_, right_))
        y0, y1 = sorted((bottom_, top_))
        rotation = (pdfium.FPDFPage_GetRotation(page) % 4) * 90
        to_device = _ROTATIONS[rotation](x0, y0, x1, y1)
        # pdfplumber's page box: the media box turned by /Rotate, its origin kept.
        width, height = (y1 - y0, x1 - x0) if rotation in (90, 270) else (x1 - x0, y1 - y0)
        left, top = (y0, x0) if rotation in (90, 270) else (x0, y0)
        bbox = (left, top, left + width, top + height)
        frame = _Frame(to_device, left, top, height, index + 1, doctop)
        return PdfiumPage(index + 1, bbox, doctop, _glyphs(page, frame), _drawn(page, frame))
    finally:
        pdfium.FPDF_ClosePage(page)


class _Frame:
    """From PDF user space to pdfplumber's page coordinates (origin top left, y down)."""

    __slots__ = ("device", "doctop", "height", "left", "number", "top")

    def __init__(self, device: Matrix, left: float, top: float, height: float, number: int, doctop: float) -> None:
        self.device, self.left, self.top, self.height = device, left, top, height
        self.number, self.doctop = number, doctop

    def point(self, x: float, y: float) -> tuple[float, float]:
        dx, dy = _apply(self.device, x, y)
        return dx + self.left, self.height - dy + self.top


def _glyphs(page: Any, frame: _Frame) -> list[tuple[Any, ...]]:
    text_page = pdfium.FPDFText_LoadPage(page)
    if not text_page:
        return []
    try:
        return _read_chars(text_page, frame)
    finally:
        pdfium.FPDFText_ClosePage(text_page)


def _fast(function: Any, restype: Any, *argtypes: Any) -> Any:
    """``function`` called through a prototype of plain addresses and ints: pypdfium2's typed
    pointers cost a conversion per argument and a cast per returned handle, per character."""
    return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(function, ctypes.c_void_p).value)


def _bare(function: Any, restype: Any) -> Any:
    """``function`` without declared arguments, for the calls made once per character: ctypes then
    passes each argument as it is, with no conversion call (234 ns a call against 362 ns for a
    typed prototype). Every argument given must be a pointer made by :func:`_pointer` or
    ``ctypes.byref`` (passed as it is: no lookup of its type's format, no argument object made
    per call, as a ``c_void_p`` costs) or an int in C's int range. The prototype keeps the GIL
    (``PYFUNCTYPE``): PDFium's getters return at once, and releasing and taking the GIL again cost
    more than the call. A ``restype`` of None drops a result no one reads (a BOOL that is always
    true for an index below the count): converting it costs a lookup per call."""
    return ctypes.PYFUNCTYPE(restype)(ctypes.cast(function, ctypes.c_void_p).value)


def _pointer(address: int) -> Any:
    """The pointer ``address`` as an argument ctypes passes as it is (``byref`` of a char there)."""
    return ctypes.byref(ctypes.c_char.from_address(address))


_VOID, _INT, _UINT, _DOUBLE = ctypes.c_void_p, ctypes.c_int, ctypes.c_uint, ctypes.c_double
_GET_OBJECT = _bare(pdfium.FPDFText_GetTextObject, _VOID)
_GET_BOX = _bare(pdfium.FPDFText_GetLooseCharBox, None)
_GET_ORIGIN = _bare(pdfium.FPDFText_GetCharOrigin, None)
_GET_UNICODE = _fast(pdfium.FPDFText_GetUnicode, _UINT, _VOID, _INT)
_UNMAPPED = _bare(pdfium.FPDFText_HasUnicodeMapError, _INT)


class _Place(ctypes.Structure):
    """Where PDFium writes one character's loose box and origin (read back in one unpack)."""

    _fields_ = (("box", pdfium.FS_RECTF), ("x", ctypes.c_double), ("y", ctypes.c_double))


_PLACE = struct.Struct("4f2d")  # FS_RECTF (left, top, right, bottom), then the origin
assert _PLACE.size == ctypes.sizeof(_Place)


def _read_chars(text_page: Any, frame: _Frame) -> list[tuple[Any, ...]]:
    """The page's characters as glyphs (top, x0, x1, text, bottom, upright, font, size, advance)."""
    count = pdfium.FPDFText_CountChars(text_page)
    if count <= 0:
        return []
    page_address = ctypes.cast(text_page, ctypes.c_void_p).value
    page_ref = _pointer(page_address)
    place = _Place()
    box_ref, x_ref, y_ref = ctypes.byref(place), ctypes.byref(place, 16), ctypes.byref(place, 24)
    unpack = _PLACE.unpack_from
    get_object, get_box, get_origin, unmapped = _GET_OBJECT, _GET_BOX, _GET_ORIGIN, _UNMAPPED
    style_of = _Styles(page_ref, page_address, frame.device).of
    last_object = None
    font, size, upright, horizontal, straight, unit = "", 0.0, True, True, True, _UPRIGHT
    device = frame.device
    plain = device[:4] == (1, 0, 0, 1)
    shift_x = device[4] + frame.left
    flip = frame.height + frame.top - device[5]  # pdfplumber's top of a user-space y is flip - y
    texts = _page_text(text_page, count)
    chars: list[tuple[Any, ...]] = []
    append = chars.append
    for index in range(count):
        text_object = get_object(page_ref, index)
        if not text_object:
            continue  # a space or line break PDFium inferred: pdfminer has none
        get_box(page_ref, index, box_ref)
        get_origin(page_ref, index, x_ref, y_ref)
        if text_object != last_object:
            style = style_of(index, text_object)
            font, size, upright, unit = style.font, style.size, style.upright, style.unit
            horizontal, straight = style.horizontal, plain and unit == _UPRIGHT
            last_object = text_object
        if unmapped(page_ref, index) == 1:
            text = "\ufffd"
        elif texts is not None:
            text = texts[index]
        else:
            text = _character(_GET_UNICODE(page_address, index))
        left, top_, right, bottom_, x, y = unpack(place)
        # The advance: the loose box's extent along the character's direction.
        advance = (right - left) if horizontal else (top_ - bottom_)
        if straight:  # most text: no turn, no /Rotate
            x0, x1 = x + shift_x, x + advance + shift_x
            bottom = flip - y
            top = bottom - size
        else:
            x0, x1, top, bottom = _turned(frame, unit, x, y, advance, size)
        append((top, x0, x1, text, bottom, upright, font, size, advance))
    return chars


_UPRIGHT = (1.0, 0.0, 0.0, 1.0)


def _turned(
    frame: _Frame, unit: tuple[float, float, float, float], x: float, y: float, advance: float, size: float
) -> tuple[float, float, float, float]:
    """The box (x0, x1, top, bottom) of a character turned by its matrix or the page's /Rotate."""
    ux, uy, vx, vy = unit
    corners = (
        (x, y),
        (x + ux * advance, y + uy * advance),
        (x + vx * size, y + vy * size),
        (x + ux * advance + vx * size, y + uy * advance + vy * size),
    )
    points = [frame.point(px, py) for px, py in corners]
    xs = [p[0] for p in points]
    tops = [p[1] for p in points]
    return min(xs), max(xs), min(tops), max(tops)


def _page_text(text_page: Any, count: int) -> str | None:
    """The page's characters in one call, one per index (None when some need two UTF-16 units,
    which would shift the indices: then they are asked for one by one)."""
    buffer = (ctypes.c_ushort * (count + 1))()
    written = pdfium.FPDFText_GetText(text_page, 0, count, buffer)
    if written != count + 1:
        return None
    text = bytes(buffer)[: 2 * count].decode("utf-16-le", "replace")
    if SOFT_HYPHEN in text:
        text = text.replace(SOFT_HYPHEN, "-")
    return text if len(text) == count else None


# PDFium's mark for a hyphen it takes for a word broken at a line's end (U+FFFE, no character): the
# page shows "-", and pdfminer reads "-" there ("增长由年初的2%调整为-" / "4%左右").
SOFT_HYPHEN = "\ufffe"


def _character(code: int) -> str:
    if code == 0xFFFE:
        return "-"
    try:
        return chr(code)
    except (ValueError, OverflowError):
        return "\ufffd"


_GET_FONT = _fast(pdfium.FPDFTextObj_GetFont, _VOID, _VOID)
_GET_MATRIX = _bare(pdfium.FPDFText_GetMatrix, _INT)
_GET_FONT_SIZE = _bare(pdfium.FPDFText_GetFontSize, _DOUBLE)
_GET_FONT_INFO = _fast(pdfium.FPDFText_GetFontInfo, ctypes.c_ulong, _VOID, _INT, _VOID, ctypes.c_ulong, _VOID)
_MATRIX = struct.Struct("6f")  # FS_MATRIX: a, b, c, d, e, f


class _Styles:
    """The styles of one text page, by font, size and matrix; fonts' names by their handle."""

    __slots__ = ("by_key", "device", "fonts", "matrix", "matrix_ref", "page_address", "page_ref")

    def __init__(self, page_ref: Any, page_address: int, device: Matrix) -> None:
        self.page_ref, self.page_address, self.device = page_ref, page_address, device
        self.by_key: dict[tuple[Any, ...], _Style] = {}
        self.fonts: dict[int, str] = {}
        self.matrix = pdfium.FS_MATRIX()
        self.matrix_ref = ctypes.byref(self.matrix)

    def of(self, index: int, text_object: int) -> _Style:
        """The style of character ``index`` (of ``text_object``)."""
        page_ref = self.page_ref
        matrix = _MATRIX.unpack_from(self.matrix)[:4] if _GET_MATRIX(page_ref, index, self.matrix_ref) else _UPRIGHT
        font_size = _GET_FONT_SIZE(page_ref, index)
        font_key = _GET_FONT(text_object) or 0
        font = self.fonts.get(font_key)
        if font is None:
            buffer = ctypes.create_string_buffer(256)
            flags = ctypes.c_int()
            length = _GET_FONT_INFO(self.page_address, index, buffer, len(buffer), ctypes.byref(flags))
            font = self.fonts[font_key] = buffer.value.decode("utf-8", "replace") if 0 < length <= len(buffer) else ""
        key = (font, font_size, matrix)
        style = self.by_key.get(key)
        if style is None:
            style = self.by_key[key] = _Style(font, font_size, matrix, self.device)
        return style


class _Style:
    """What every character of one text object shares: font, size, direction."""

    __slots__ = ("font", "height", "horizontal", "size", "unit", "upright")

    def __init__(self, font: str, font_size: float, matrix: tuple[float, float, float, float], device: Matrix) -> None:
        a, b, c, d = matrix
        self.font = font
        along, up = math.hypot(a, b) or 1.0, math.hypot(c, d) or 1.0
        self.unit = (a / along, b / along, c / up, d / up)
        self.size = font_size * up  # the box's height in user space, as pdfminer's matrix scales it
        self.horizontal = abs(a) >= abs(b)
        # pdfminer's test, on the character's matrix turned by the page's /Rotate.
        ta, tb, tc, td, _, _ = _multiply((a, b, c, d, 0.0, 0.0), device)
        self.upright = ta * td > 0 and tb * tc <= 0
        self.height = self.size


# --------------------------------------------------------------------------------------------
# paths and images


_OBJECT_TYPE = _fast(pdfium.FPDFPageObj_GetType, _INT, _VOID)
_PAGE_OBJECT = _fast(pdfium.FPDFPage_GetObject, _VOID, _VOID, _INT)
_FORM_OBJECT = _fast(pdfium.FPDFFormObj_GetObject, _VOID, _VOID, ctypes.c_ulong)
_PATH, _IMAGE, _FORM = pdfium.FPDF_PAGEOBJ_PATH, pdfium.FPDF_PAGEOBJ_IMAGE, pdfium.FPDF_PAGEOBJ_FORM


def _drawn(page: Any, frame: _Frame) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {"line": [], "rect": [], "curve": [], "image": []}
    count = pdfium.FPDFPage_CountObjects(page)
    page_address = ctypes.cast(page, ctypes.c_void_p).value
    objects = (_PAGE_OBJECT(page_address, i) for i in range(max(count, 0)))
    _walk(objects, _IDENTITY, frame, out, 0)
    return out


_OBJECT_MATRIX = _fast(pdfium.FPDFPageObj_GetMatrix, _INT, _VOID, _VOID)


def _matrix(address: int) -> Matrix:
    found = pdfium.FS_MATRIX()
    if not _OBJECT_MATRIX(address, ctypes.addressof(found)):
        return _IDENTITY
    return _MATRIX.unpack_from(found)


def _walk(objects: Any, outer: Matrix, frame: _Frame, out: dict[str, list[dict[str, Any]]], depth: int) -> None:
    """Paths, images and the forms holding them; ``objects`` are addresses (most are text: one
    type call each, through a plain prototype; images and forms get pypdfium2's typed handle)."""
    for address in objects:
        if not address:
            continue
        kind = _OBJECT_TYPE(address)
        if kind != _PATH and kind != _IMAGE and kind != _FORM:
            continue
        if kind == _PATH:
            _path(address, _multiply(_matrix(address), outer), frame, out)
        elif kind == _IMAGE:
            out["image"].append(_image(ctypes.cast(address, pdfium.FPDF_PAGEOBJECT), frame))
        elif depth < MAX_FORM_DEPTH:
            inner = _multiply(_matrix(address), outer)
            count = pdfium.FPDFFormObj_CountObjects(ctypes.cast(address, pdfium.FPDF_PAGEOBJECT))
            children = (_FORM_OBJECT(address, i) for i in range(max(count, 0)))
            _walk(children, inner, frame, out, depth + 1)


def _image(item: Any, frame: _Frame) -> dict[str, Any]:
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    pdfium.FPDFPageObj_GetBounds(item, *(ctypes.byref(v) for v in (left, bottom, right, top)))
    return _boxed("image", [frame.point(left.value, bottom.value), frame.point(right.value, top.value)], frame)


_DRAW_MODE = _fast(pdfium.FPDFPath_GetDrawMode, _INT, _VOID, _VOID, _VOID)
_COUNT_SEGMENTS = _fast(pdfium.FPDFPath_CountSegments, _INT, _VOID)
_SEGMENT = _fast(pdfium.FPDFPath_GetPathSegment, _VOID, _VOID, _INT)
_SEGMENT_POINT = _fast(pdfium.FPDFPathSegment_GetPoint, _INT, _VOID, _VOID, _VOID)
_SEGMENT_TYPE = _fast(pdfium.FPDFPathSegment_GetType, _INT, _VOID)
_SEGMENT_CLOSE = _fast(pdfium.FPDFPathSegment_GetClose, _INT, _VOID)
_MOVETO, _BEZIERTO = pdfium.FPDF_SEGMENT_MOVETO, pdfium.FPDF_SEGMENT_BEZIERTO


def _path(address: int, matrix: Matrix, frame: _Frame, out: dict[str, list[dict[str, Any]]]) -> None:
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    painted = _DRAW_MODE(address, ctypes.addressof(fill), ctypes.addressof(stroke))
    if painted and not fill.value and not stroke.value:
        return  # a path painted neither way (pdfminer paints none either)
    x, y = ctypes.c_float(), ctypes.c_float()
    x_at, y_at = ctypes.addressof(x), ctypes.addressof(y)
    subpaths: list[list[tuple[str, tuple[float, float]]]] = []
    pending = 0  # Bézier points still to come in the current "c"
    for index in range(max(_COUNT_SEGMENTS(address), 0)):
        segment = _SEGMENT(address, index)
        if not segment or not _SEGMENT_POINT(segment, x_at, y_at):
            continue
        point = frame.point(*_apply(matrix, x.value, y.value))
        kind = _SEGMENT_TYPE(segment)
        if kind == _MOVETO or not subpaths:
            subpaths.append([("m", point)])
            pending = 0
        elif kind == _BEZIERTO:
            # PDFium keeps a curve as three points; pdfminer's "c" counts as its last one.
            pending = pending - 1 if pending else 2
            if pending == 0:
                subpaths[-1].append(("c", point))
        else:
            subpaths[-1].append(("l", point))
        if _SEGMENT_CLOSE(segment):
            subpaths[-1].append(("h", subpaths[-1][0][1]))
    for subpath in subpaths:
        kind, points = _classed(subpath)
        if kind is not None:
            out[kind].append(_boxed(kind, points, frame))


def _classed(subpath: list[tuple[str, tuple[float, float]]]) -> tuple[str | None, list[tuple[float, float]]]:
    """pdfminer's ``paint_path`` decision for one subpath: line, rect or curve, and its points."""
    shape = "".join(op for op, _ in subpath)
    points = [point for _, point in subpath]
    if len(shape) > 3 and shape[-2:] == "lh" and points[-2] == points[0]:
        shape = shape[:-2] + "h"
        points.pop()
    if shape in {"mlh", "ml"}:
        return "line", points[:2]
    if shape in {"mlllh", "mllll"}:
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = points
        closed = points[0] == points[4]
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
        if closed and square:
            return "rect", points
    if len(points) < 2 and shape == "m":
        return None, points
    return "curve", points


def _boxed(kind: str, points: list[tuple[float, float]], frame: _Frame) -> dict[str, Any]:
    xs = [p[0] for p in points]
    tops = [p[1] for p in points]
    x0, x1, top, bottom = min(xs), max(xs), min(tops), max(tops)
    return {
        "object_type": kind,
        "page_number": frame.number,
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "doctop": top + frame.doctop,
        "y0": frame.height - bottom + frame.top,
        "y1": frame.height - top + frame.top,
        "width": x1 - x0,
        "height": bottom - top,
        "pts": points,
    }

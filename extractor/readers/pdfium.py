"""PDF pages read by PDFium (pypdfium2's raw binding), handed on in pdfplumber's object model.

pdfminer spends most of a PDF's reading time building its layout objects in Python (22 s for the
261 pages of seed1100.pdf, 2.6 s through PDFium). This module reads each page's characters (text,
box, font, size, orientation) and path objects (the ruling lines) through PDFium and gives them to
:class:`PdfiumPage`, a pdfplumber ``Page`` whose objects come from here instead of pdfminer. So
the table finder, the cell text and the page text are pdfplumber's own code on both engines, and
``pdf.py``/``pdf_layout.py`` do not know which engine read the page.

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
import math
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pypdfium2.raw as pdfium
from pdfplumber.page import Page

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
    buffer = ctypes.create_string_buffer(data, len(data))  # PDFium reads from it lazily
    document = pdfium.FPDF_LoadMemDocument64(buffer, len(data), None)
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
    return int(pdfium.FPDF_GetPageCount(document))


class PdfiumPage(Page):
    """A pdfplumber page over objects PDFium read: pdfplumber's table finder and text extraction run on it."""

    def __init__(self, number: int, bbox: tuple[float, float, float, float], doctop: float, objects: dict) -> None:
        self.pdf = None
        self.root_page = self
        self.page_obj = None
        self.page_number = number
        self.initial_doctop = doctop
        self.rotation = 0
        self.mediabox = self.cropbox = self.bbox = bbox
        self._objects = objects
        self.get_textmap = self._textmap_cache()

    def _textmap_cache(self) -> Any:
        from functools import lru_cache

        return lru_cache()(self._get_textmap)

    @property
    def objects(self) -> dict[str, list[dict[str, Any]]]:
        return self._objects

    def close(self) -> None:
        self._objects = {}
        super().close()


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
        objects: dict[str, list[dict[str, Any]]] = {"char": _chars(page, frame)}
        for kind, items in _drawn(page, frame).items():
            objects[kind] = items
        return PdfiumPage(index + 1, bbox, doctop, objects)
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


def _chars(page: Any, frame: _Frame) -> list[dict[str, Any]]:
    text_page = pdfium.FPDFText_LoadPage(page)
    if not text_page:
        return []
    try:
        return _read_chars(text_page, frame)
    finally:
        pdfium.FPDFText_ClosePage(text_page)


def _read_chars(text_page: Any, frame: _Frame) -> list[dict[str, Any]]:
    count = pdfium.FPDFText_CountChars(text_page)
    if count <= 0:
        return []
    get_object = pdfium.FPDFText_GetTextObject
    get_box = pdfium.FPDFText_GetLooseCharBox
    get_origin = pdfium.FPDFText_GetCharOrigin
    get_unicode = pdfium.FPDFText_GetUnicode
    unmapped = pdfium.FPDFText_HasUnicodeMapError
    box, ox, oy = pdfium.FS_RECTF(), ctypes.c_double(), ctypes.c_double()
    box_ref, ox_ref, oy_ref = ctypes.byref(box), ctypes.byref(ox), ctypes.byref(oy)
    styles: dict[tuple[Any, ...], _Style] = {}
    fonts: dict[int, str] = {}
    last_key, style = -1, None
    device, number, doctop_offset = frame.device, frame.number, frame.doctop
    plain = device[:4] == (1, 0, 0, 1)
    shift_x = device[4] + frame.left
    flip = frame.height + frame.top - device[5]  # pdfplumber's top of a user-space y is flip - y
    chars: list[dict[str, Any]] = []
    for index in range(count):
        text_object = get_object(text_page, index)
        if not text_object:
            continue  # a space or line break PDFium inferred: pdfminer has none
        key = ctypes.cast(text_object, ctypes.c_void_p).value or 0
        if key != last_key:
            style = _style_of(text_page, index, text_object, device, styles, fonts)
            last_key = key
        code = get_unicode(text_page, index)
        text = "\ufffd" if code == 0 or unmapped(text_page, index) == 1 else _character(code)
        get_box(text_page, index, box_ref)
        get_origin(text_page, index, ox_ref, oy_ref)
        # The advance: the loose box's extent along the character's direction.
        advance = (box.right - box.left) if style.horizontal else (box.top - box.bottom)
        x, y = ox.value, oy.value
        size = style.size
        if plain and style.unit == _UPRIGHT:  # most text: no turn, no /Rotate
            x0, x1 = x + shift_x, x + advance + shift_x
            bottom = flip - y
            top = bottom - size
        else:
            x0, x1, top, bottom = _turned(frame, style.unit, x, y, advance, size)
        chars.append(
            {
                "object_type": "char",
                "page_number": number,
                "text": text,
                "fontname": style.font,
                "size": style.height,
                "upright": style.upright,
                "x0": x0,
                "x1": x1,
                "top": top,
                "bottom": bottom,
                "doctop": top + doctop_offset,
                "y0": frame.height - bottom + frame.top,
                "y1": frame.height - top + frame.top,
                "width": x1 - x0,
                "height": bottom - top,
                "adv": advance,
            }
        )
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


def _character(code: int) -> str:
    try:
        return chr(code)
    except (ValueError, OverflowError):
        return "\ufffd"


_MATRIX = pdfium.FS_MATRIX()
_FLAGS = ctypes.c_int()


def _style_of(
    text_page: Any, index: int, text_object: Any, device: Matrix, styles: dict, fonts: dict[int, str]
) -> _Style:
    """The style of character ``index`` (of ``text_object``): one per font, size and matrix."""
    if not pdfium.FPDFText_GetMatrix(text_page, index, ctypes.byref(_MATRIX)):
        _MATRIX.a, _MATRIX.b, _MATRIX.c, _MATRIX.d = 1.0, 0.0, 0.0, 1.0
    matrix = (_MATRIX.a, _MATRIX.b, _MATRIX.c, _MATRIX.d)
    font_size = float(pdfium.FPDFText_GetFontSize(text_page, index))
    font_key = ctypes.cast(pdfium.FPDFTextObj_GetFont(text_object), ctypes.c_void_p).value or 0
    font = fonts.get(font_key)
    if font is None:
        buffer = ctypes.create_string_buffer(256)
        length = pdfium.FPDFText_GetFontInfo(text_page, index, buffer, len(buffer), ctypes.byref(_FLAGS))
        font = fonts[font_key] = buffer.value.decode("utf-8", "replace") if 0 < length <= len(buffer) else ""
    key = (font, font_size, matrix)
    style = styles.get(key)
    if style is None:
        style = styles[key] = _Style(font, font_size, matrix, device)
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


def _drawn(page: Any, frame: _Frame) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {"line": [], "rect": [], "curve": [], "image": []}
    count = pdfium.FPDFPage_CountObjects(page)
    objects = (pdfium.FPDFPage_GetObject(page, i) for i in range(max(count, 0)))
    _walk(objects, _IDENTITY, frame, out, 0)
    return out


def _matrix(item: Any) -> Matrix:
    matrix = pdfium.FS_MATRIX()
    if not pdfium.FPDFPageObj_GetMatrix(item, ctypes.byref(matrix)):
        return _IDENTITY
    return (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)


def _walk(objects: Any, outer: Matrix, frame: _Frame, out: dict[str, list[dict[str, Any]]], depth: int) -> None:
    for item in objects:
        if not item:
            continue
        kind = pdfium.FPDFPageObj_GetType(item)
        if kind == pdfium.FPDF_PAGEOBJ_PATH:
            _path(item, _multiply(_matrix(item), outer), frame, out)
        elif kind == pdfium.FPDF_PAGEOBJ_IMAGE:
            out["image"].append(_image(item, frame))
        elif kind == pdfium.FPDF_PAGEOBJ_FORM and depth < MAX_FORM_DEPTH:
            inner = _multiply(_matrix(item), outer)
            count = pdfium.FPDFFormObj_CountObjects(item)
            children = (pdfium.FPDFFormObj_GetObject(item, i) for i in range(max(count, 0)))
            _walk(children, inner, frame, out, depth + 1)


def _image(item: Any, frame: _Frame) -> dict[str, Any]:
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    pdfium.FPDFPageObj_GetBounds(item, *(ctypes.byref(v) for v in (left, bottom, right, top)))
    return _boxed("image", [frame.point(left.value, bottom.value), frame.point(right.value, top.value)], frame)


def _path(item: Any, matrix: Matrix, frame: _Frame, out: dict[str, list[dict[str, Any]]]) -> None:
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    painted = pdfium.FPDFPath_GetDrawMode(item, ctypes.byref(fill), ctypes.byref(stroke))
    if painted and not fill.value and not stroke.value:
        return  # a path painted neither way (pdfminer paints none either)
    x, y = ctypes.c_float(), ctypes.c_float()
    subpaths: list[list[tuple[str, tuple[float, float]]]] = []
    pending = 0  # Bézier points still to come in the current "c"
    for index in range(max(pdfium.FPDFPath_CountSegments(item), 0)):
        segment = pdfium.FPDFPath_GetPathSegment(item, index)
        if not segment or not pdfium.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y)):
            continue
        point = frame.point(*_apply(matrix, x.value, y.value))
        kind = pdfium.FPDFPathSegment_GetType(segment)
        if kind == pdfium.FPDF_SEGMENT_MOVETO or not subpaths:
            subpaths.append([("m", point)])
            pending = 0
        elif kind == pdfium.FPDF_SEGMENT_BEZIERTO:
            # PDFium keeps a curve as three points; pdfminer's "c" counts as its last one.
            pending = pending - 1 if pending else 2
            if pending == 0:
                subpaths[-1].append(("c", point))
        else:
            subpaths[-1].append(("l", point))
        if pdfium.FPDFPathSegment_GetClose(segment):
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

"""PDF tables: ruled tables by pdfplumber's ``lines`` strategy, borderless ones from text positions.

Two engines read a page's characters and ruling lines: PDFium (``pdfium.py``, fast) and pdfminer
through pdfplumber (the reference). Both give a page in pdfplumber's object model (a pdfplumber
``Page``, or a ``PdfiumPage`` with the same objects), and everything after (cell text, the header
tests, the borderless reader, stitching across pages) is one set of functions here and in
``pdf_layout``, reading the page's characters as glyph tuples (``Glyph``). The table finder is
pdfplumber's on its pages and the port of it in ``pdfium.py`` on PDFium's (the same tables: tests/
test_pdf_speed_tables.py), so the PDFium path never imports pdfplumber or pdfminer.
``ReadOptions.pdf_engine``: "pdfium" or "pdfplumber" force one; "auto" reads with PDFium and reads
again with pdfplumber when PDFium's reading has no table with a header, or PDFium cannot open the
file, or the file needs a decoder only pdfminer's bounded ones run (LZW, RunLength). Pages are read
one at a time and closed as we go.

Per page: the tables (cells as pdfplumber extracts them, None under merged cells) and the text
outside them (attachment label and title above, notes below). Layout spaces and wraps are removed
from cell text here, because only a layout engine adds them. The text outside tables is read as
prose (``pdf_layout.prose``): its lines joined into paragraphs where the page's width, not the
author, broke them (by the right edge, the indent, the spacing; across a page break too), the
spaces it shows kept, its page numbers and running heads dropped, so that a document printed to
PDF reads as its text does (the layout stage then finds its table in that text).

A page goes to the borderless reader (``pdf_layout``) only when no ruled table on it has a plausible
header, and either a borderless table is open from the page before or one of its text lines looks
like a header. Ruled pages cost what they cost before, plus one header test per table.

Pages without text: a page with nothing but images or drawn paths (a scan, text turned into curves)
gets a ``no_text_layer`` warning naming it. A page with nothing on it at all gets none, because
there is nothing to OCR. When no page has text, the document is refused (NoTextLayerError).

Encryption: an encrypted PDF is opened with the empty user password, so a PDF protected only by
an owner password (printing or copying restricted) is read like any other; one that needs a user
password is refused (EncryptedFileError). Pages are counted from the page tree, leaf by leaf (not
its /Count), before any page is read, and a PDF over ``Limits.max_pdf_pages`` is refused
(TooLargeError); PDFium's count stands for that count only when the file gives no cause to doubt
it (``pdfium.vouched_pages``), else pdfminer reads the tree. Streams: pdfminer's decoders are
bounded by ``pdf_bounds``; before PDFium reads a file, every deflate stream in it is inflated (and
dropped) up to ``Limits.max_stream_bytes``.
"""

from __future__ import annotations

import io
import itertools
import math
import sys
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from extractor.errors import CorruptFileError, EncryptedFileError, ExtractorError, NoTextLayerError, TooLargeError
from extractor.headers import is_furniture, is_header_row
from extractor.limits import DEFAULT_LIMITS, MB, Limits, check_pages
from extractor.options import DEFAULT_OPTIONS, ReadOptions
from extractor.readers import pdf_bounds, pdf_layout, pdfium
from extractor.readers.pdf_layout import CID, clean_text, looks_like_header
from extractor.readers.raw import Paragraph, RawCell, RawDocument, RawRow, RawTable, RawWarning

if TYPE_CHECKING:
    import pdfplumber
    from pdfminer.pdfdocument import PDFDocument
    from pdfplumber.table import Table

# A page of either engine: a pdfplumber ``Page`` or a ``pdfium.PdfiumPage`` (the same object model).
Page = Any

HEADER_ROWS = 5  # a ruled table's header is among its first rows (the table stage looks as far)

# A page with fewer characters may be furniture only ("— 3 —" on a scanned page).
FEW_CHARS = 40
# Drawn paths that mean "text turned into outlines" rather than a rule or two.
MANY_PATHS = 20

# The largest decoded stream a file may hold to be read by PDFium (a content stream or font is far
# smaller; a larger one goes to pdfminer, or is refused by Limits.max_stream_bytes).
PDFIUM_STREAM_BYTES = 32 * MB

# An engine: the file's pages, one at a time, after the page limit is checked.
Engine = Callable[[bytes, Limits], AbstractContextManager[Iterator[Page]]]


def read_pdf(data: bytes, limits: Limits = DEFAULT_LIMITS, options: ReadOptions = DEFAULT_OPTIONS) -> RawDocument:
    if options.pdf_engine != "pdfplumber":
        forced = options.pdf_engine == "pdfium"
        try:
            document = _read(data, limits, _pdfium_pages)
        except pdfium.Unsupported:
            pass  # a decoder only pdfminer's bounded ones run: read with pdfplumber, whatever was asked
        except (CorruptFileError, NoTextLayerError):
            if forced:
                raise
        else:
            if forced or _has_headed_table(document):
                return document
    return _read(data, limits, _plumber_pages)


def _read(data: bytes, limits: Limits, engine: Engine) -> RawDocument:
    blocks: list[Paragraph | RawTable] = []
    warnings: list[RawWarning] = []
    text_pages = 0
    try:
        with pdf_bounds.bounded(limits.max_stream_bytes), engine(data, limits) as pages:
            carry: pdf_layout.OpenTable | None = None
            running: pdf_layout.Prose | None = None  # the text at the bottom of the page before
            edges = pdf_layout.NO_EDGES  # the first and last line of the page before, for running heads
            head: Paragraph | None = None  # the paragraph of its first line, if that stood alone
            foot: Paragraph | None = None  # the paragraph of its last line, if that stood alone
            for page in pages:
                glyphs = _page_glyphs(page)
                if _has_text(page, glyphs):
                    text_pages += 1
                    page_blocks, carry, text = _read_page(page, glyphs, warnings, carry, edges)
                    edges = text.edges
                    for repeats, paragraph in ((text.repeats_head, head), (text.repeats_foot, foot)):
                        if repeats and paragraph is not None:  # the page before's was a running head or foot
                            _drop(blocks, paragraph)
                            if running is not None and running.last is paragraph:
                                running = None  # the page before ended with its foot: nothing goes on from it
                    head, foot = text.head, text.foot
                    running = _go_on(running, page_blocks, text)
                    blocks.extend(page_blocks)
                elif page.images or len(page.curves) >= MANY_PATHS:
                    # An open borderless table stays open: the page after may continue it. A
                    # paragraph does not go on across a page that cannot be read.
                    running = None
                    message = f"page {page.page_number} has no text layer (scanned?): OCR needed"
                    warnings.append(RawWarning("no_text_layer", message))
                page.close()
    except (ExtractorError, MemoryError, pdfium.Unsupported):
        raise
    except RecursionError as exc:  # a page tree or object chain nested beyond Python's stack
        raise CorruptFileError("damaged PDF (objects nested too deeply)") from exc
    except Exception as exc:
        raise _failure(exc) from exc
    if text_pages == 0:
        raise NoTextLayerError("no text layer (scanned pages?): OCR it first")
    return RawDocument(format="pdf", blocks=blocks, warnings=warnings)


def _has_headed_table(document: RawDocument) -> bool:
    """Whether a table read has a header row (auto's test that the fast engine found the tables)."""
    return any(
        _headed([[cell.text for cell in row.cells] for row in block.rows])
        for block in document.blocks
        if isinstance(block, RawTable)
    )


def _pdfminer() -> None:
    """Import pdfminer with ``pdf_bounds``' decoders put in place. Only the reference engine and a
    page count PDFium's reading cannot vouch for need pdfminer: the PDFium path otherwise never
    pays its import or pdfplumber's (10 MiB, 0.1 s: pdfminer loads ``cryptography``)."""
    import pdfminer.pdfdocument  # noqa: F401

    pdf_bounds.install()


@contextmanager
def _plumber_pages(data: bytes, limits: Limits) -> Iterator[Iterator[Page]]:
    _pdfminer()
    with _opened(data) as pdf:
        check_pages(_counted_pages(pdf.doc, limits.max_pdf_pages), limits, counted_to_limit=True)
        pages = pdf.pages  # the page tree walked (a /Count may lie), no page content read yet
        check_pages(len(pages), limits)
        if not pages:
            raise CorruptFileError("damaged PDF (no pages could be found)")
        yield iter(pages)


@contextmanager
def _pdfium_pages(data: bytes, limits: Limits) -> Iterator[Iterator[Page]]:
    """PDFium's pages, after the same page count as pdfplumber's (pdfminer reads the page tree
    only, no page content) and the deflate streams checked against the stream limit."""
    # PDFium aborts the process when an allocation fails (under --max-memory, or the machine's):
    # a file with a stream over PDFIUM_STREAM_BYTES is for pdfminer, whose MemoryError is caught.
    limit = limits.max_stream_bytes
    bound = PDFIUM_STREAM_BYTES if limit is None else min(limit, PDFIUM_STREAM_BYTES)
    try:
        unbounded = pdf_bounds.check_streams(data, bound)
    except TooLargeError:
        if limit is not None and limit <= PDFIUM_STREAM_BYTES:
            raise
        raise pdfium.Unsupported("a stream too large to give PDFium") from None
    if unbounded:
        raise pdfium.Unsupported("a stream filter only pdfminer's bounded decoders read")
    with pdfium.opened(data) as document:
        total = pdfium.page_count(document)
        if not pdfium.vouched_pages(data, document, total, limits.max_pdf_pages):
            counted = _counted_leaves(data, limits.max_pdf_pages)
            check_pages(counted, limits, counted_to_limit=True)
            check_pages(total, limits)
            if total != counted:  # 0: pdfminer cannot read the page tree; the reference decides what is there
                raise pdfium.Unsupported(f"PDFium finds {total} pages, the page tree {counted}")
        check_pages(total, limits)
        if total <= 0:
            raise CorruptFileError("damaged PDF (no pages could be found)")
        yield _pdfium_each(document, total)


def _counted_leaves(data: bytes, cap: int | None) -> int:
    """The page tree's leaves as pdfminer reads them (see :func:`_counted_pages`)."""
    _pdfminer()
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser

    return _counted_pages(PDFDocument(PDFParser(io.BytesIO(data))), cap)


def _pdfium_each(document: object, total: int) -> Iterator[Page]:
    doctop = 0.0
    for index in range(total):
        page = pdfium.read_page(document, index, doctop)
        doctop += page.height
        yield page


@contextmanager
def _opened(data: bytes) -> Iterator[pdfplumber.PDF]:
    """pdfplumber's PDF, closed without the walk over every page its ``close`` does (100,000 pages
    refused by the page limit took 10 s to close) when no page was asked for."""
    import pdfplumber

    pdf = pdfplumber.open(io.BytesIO(data))
    try:
        yield pdf
    finally:
        if hasattr(pdf, "_pages"):
            pdf.close()
        else:
            pdf.flush_cache()


def _counted_pages(document: PDFDocument, cap: int | None) -> int:
    """The pages of the page tree, counted leaf by leaf but no further than ``cap`` + 1.

    Neither the root's /Count (it may lie either way) nor pdfplumber's walk (which builds a Page per
    leaf, 10 s for 100,000) is trusted with a hostile file. 0 when the tree is unreadable: then
    pdfminer's fallback finds the pages and ``len(pdf.pages)`` is checked instead.
    """
    from pdfminer.pdftypes import resolve1

    try:
        todo = [document.catalog["Pages"]]
    except Exception:  # a damaged catalog
        return 0
    seen: set[int] = set()
    count = 0
    while todo and (cap is None or count <= cap):
        reference = todo.pop()
        key = getattr(reference, "objid", None)
        if key is not None:
            if key in seen:
                continue
            seen.add(key)
        try:
            node = resolve1(reference)
            kids = resolve1(node.get("Kids")) if isinstance(node, dict) else None
        except Exception:  # a damaged node: it counts as no page
            continue
        if isinstance(kids, list):
            todo.extend(reversed(kids))
        elif isinstance(node, dict):
            count += 1
    return count


def _in_chain(exc: BaseException, kinds: tuple[type[BaseException], ...]) -> BaseException | None:
    """The first exception of ``kinds`` in ``exc`` or what it wraps (its args, cause and context):
    pdfplumber and pdfminer wrap the errors raised inside them."""
    seen: set[int] = set()
    todo: list[object] = [exc]
    while todo:
        item = todo.pop()
        if not isinstance(item, BaseException) or id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, kinds):
            return item
        todo.extend([*item.args, item.__cause__, item.__context__])
    return None


def _encrypted(exc: BaseException) -> bool:
    """Whether ``exc`` (or what it wraps) is pdfminer's password error."""
    if "pdfminer.pdfdocument" not in sys.modules:  # pdfminer never ran: none of its errors
        return False
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    return _in_chain(exc, (PDFPasswordIncorrect, PDFEncryptionError)) is not None


def _wrapped(exc: BaseException) -> BaseException | None:
    """Our own error (a bound in ``pdf_bounds``) or a MemoryError inside pdfplumber's wrapper, if any."""
    return _in_chain(exc, (ExtractorError, MemoryError))


def _failure(exc: Exception) -> BaseException:
    inner = _wrapped(exc)
    if inner is not None:
        return inner
    # pdfminer raises bare Exceptions, some with empty messages
    if _encrypted(exc) or "password" in str(exc).lower() or "encrypt" in str(exc).lower():
        # pdfplumber wraps pdfminer's password error in a PdfminerException without a message
        return EncryptedFileError("encrypted PDF (a password is needed to open it)")
    return CorruptFileError(f"damaged PDF ({exc or type(exc).__name__})")


# A character as the shared code reads it: (top, x0, x1, text, bottom, upright, font, size, advance),
# pdfplumber's coordinates. PDFium's pages are read into these (``PdfiumPage.glyphs``; their char
# dicts are made only if asked for); a pdfplumber page's char dicts are turned into them once.
Glyph = tuple[float, float, float, str, float, bool, str, Any, Any]
Box = tuple[float, float, float, float]
_TEXT, _UPRIGHT = itemgetter(3), itemgetter(5)  # a glyph's text, and whether it is upright


def glyphs_of(chars: list[dict]) -> list[Glyph]:
    """pdfplumber's char dicts as glyphs, in their order."""
    return [
        (c["top"], c["x0"], c["x1"], c["text"], c["bottom"], c["upright"], c.get("fontname", ""), c.get("size"), None)
        for c in chars
    ]


def _page_glyphs(page: Page) -> list[Glyph]:
    glyphs = getattr(page, "glyphs", None)  # a PdfiumPage's own
    return glyphs_of(page.chars) if glyphs is None else glyphs


def _has_text(page: Page, glyphs: list[Glyph]) -> bool:
    """Text beyond page furniture: a scanned page may still carry a typed page number."""
    if len(glyphs) >= FEW_CHARS:
        return True
    text = "".join(map(_TEXT, glyphs))
    if not text.strip():
        return False
    return any(line.strip() and not is_furniture(line) for line in _page_text(page, glyphs).split("\n"))


def _drop(blocks: list[Paragraph | RawTable], paragraph: Paragraph) -> None:
    """Take ``paragraph`` (found by identity, near the end) out of ``blocks``."""
    for k in range(len(blocks) - 1, -1, -1):
        if blocks[k] is paragraph:
            del blocks[k]
            return


def _go_on(
    running: pdf_layout.Prose | None, page_blocks: list[Paragraph | RawTable], text: pdf_layout.Prose
) -> pdf_layout.Prose | None:
    """The paragraph the page before ended with goes on with this page's first one when the page
    broke it (``pdf_layout.continues``; only page furniture between). Returns the prose whose last
    paragraph this page leaves at its bottom (None when a table or nothing is there)."""
    if running is not None and running.last is not None and text.first is not None:
        # (only page furniture stands above the page's first paragraph: ``Prose.first`` is the first
        # paragraph of the text above the page's first table)
        index = next(i for i, block in enumerate(page_blocks) if block is text.first)
        if pdf_layout.continues(running, text):
            running.last.text = pdf_layout.joined(running.last.text, text.first.text)
            del page_blocks[index]
            if text.last is text.first:  # the whole page's text went on with it: it may go on still
                text.last = running.last
    return text if text.last is not None else None


def _read_page(
    page: Page,
    glyphs: list[Glyph],
    warnings: list[RawWarning],
    carry: pdf_layout.OpenTable | None,
    edges: tuple[pdf_layout.Edge, pdf_layout.Edge] = pdf_layout.NO_EDGES,
) -> tuple[list[Paragraph | RawTable], pdf_layout.OpenTable | None, pdf_layout.Prose]:
    number = page.page_number
    joined = "".join(map(_TEXT, glyphs))  # one search when nothing is unmapped, as on most pages
    unmapped = sum(1 for g in glyphs if CID.search(g[3])) if CID.search(joined) else 0
    if unmapped:
        message = f"page {number}: {unmapped} glyphs without a Unicode mapping, shown as U+FFFD: check this page"
        warnings.append(RawWarning("undecodable_glyphs", message))
    tables = sorted(page.find_tables(), key=lambda t: t.bbox[1])
    placed = _Placed(glyphs, lambda: page.chars)
    extracted = [placed.table_cells(table) for table in tables]
    if not any(_headed(rows) for rows in extracted) and (carry is not None or _header_hint(page, glyphs)):
        blocks, carry, found = pdf_layout.read_page(page, number, carry)
        if found:
            return blocks, carry, pdf_layout.Prose([])
    blocks, text = _ruled_blocks(page, placed, tables, extracted, edges)
    return blocks, None, text


def table_cells(table: Table, chars: list[dict]) -> list[list[str | None]]:
    """``table.extract()``, with each row's characters found by bisection instead of a scan of
    the page's characters per row and per cell. The same characters, in the page's order: a
    character belongs to the row and cell its middle is in, left/top edge included, right/bottom
    excluded (pdfplumber's ``char_in_bbox``)."""
    return _Placed(glyphs_of(chars), lambda: chars).table_cells(table)


class _Placed:
    """A page's glyphs by the middle of their box, for finding those of a cell or a band.
    ``chars`` gives the page's char dicts, for pdfplumber's code on text that is not upright."""

    __slots__ = ("chars", "glyphs", "keys", "middle_x", "middle_y", "order", "reach", "upright")

    def __init__(self, glyphs: list[Glyph], chars: Callable[[], list[dict]]) -> None:
        self.glyphs, self.chars = glyphs, chars
        self.middle_x = [(g[1] + g[2]) / 2 for g in glyphs]
        self.middle_y = middle_y = [(g[0] + g[4]) / 2 for g in glyphs]
        self.order = sorted(range(len(glyphs)), key=middle_y.__getitem__)
        self.keys = list(map(middle_y.__getitem__, self.order))
        self.upright = all(map(_UPRIGHT, glyphs))
        heights = [g[4] - g[0] for g in glyphs]
        spread = sum(middle_y) + sum(heights)  # NaN or infinite when any coordinate is
        self.reach = (max(map(abs, heights), default=0.0) / 2 + 1.0) if math.isfinite(spread) else None

    def near(self, y0: float, y1: float) -> list[int]:
        """The glyphs reaching into the band from y0 to y1 (bottom ≥ y0, top ≤ y1), in the page's order."""
        glyphs = self.glyphs
        if self.reach is None:  # a coordinate that is not a finite number: no bisection on it
            return [i for i, g in enumerate(glyphs) if g[4] >= y0 and g[0] <= y1]
        # A glyph reaching into the band has its middle at most half its height outside it.
        keys, order, reach = self.keys, self.order, self.reach
        candidates = order[bisect_left(keys, y0 - reach) : bisect_right(keys, y1 + reach)]
        return sorted(i for i in candidates if glyphs[i][4] >= y0 and glyphs[i][0] <= y1)

    def text(self, found: list[int]) -> str:
        """:func:`cell_text` of the glyphs ``found`` (indices in the page's order)."""
        glyphs = self.glyphs
        inside = [glyphs[i] for i in found]
        if self.upright or all(g[5] for g in inside):
            return _glyph_text(inside)
        from pdfplumber.utils import extract_text

        chars = self.chars()
        return extract_text([chars[i] for i in found])

    def band_text(self, box: tuple[float, float, float, float]) -> str:
        """The text of the glyphs clipped to ``box`` (see :func:`band_text`)."""
        found = self.near(box[1], box[3])
        glyphs = self.glyphs
        clipped = [c for c in (_clip(glyphs[i], box) for i in found) if c is not None]
        if self.upright or all(g[5] for g in clipped):
            return _glyph_text(clipped)
        chars = self.chars()
        return _plumber_band_text([chars[i] for i in found], box)

    def table_cells(self, table: Table) -> list[list[str | None]]:
        middle_x, order, keys = self.middle_x, self.order, self.keys
        out: list[list[str | None]] = []
        for row in table.rows:
            x0, top, x1, bottom = row.bbox
            found = sorted(order[bisect_left(keys, top) : bisect_left(keys, bottom)])
            in_row = [i for i in found if x0 <= middle_x[i] < x1]
            members = self._members(row.cells, in_row)
            out.append([None if found is None else (self.text(found) if found else "") for found in members])
        return out

    def _members(self, cells: list[Box | None], in_row: list[int]) -> list[list[int] | None]:
        """The glyphs (of ``in_row``, in its order) whose middle each cell holds: a cell's left and
        top edge included, right and bottom excluded; None for a covered position. Cells side by
        side are found by bisection on their left edges, one test per glyph."""
        middle_x, middle_y = self.middle_x, self.middle_y
        present = [cell for cell in cells if cell is not None]
        if any(a[2] > b[0] for a, b in itertools.pairwise(present)):  # cells that overlap: each tests all
            return [
                None
                if cell is None
                else [i for i in in_row if cell[0] <= middle_x[i] < cell[2] and cell[1] <= middle_y[i] < cell[3]]
                for cell in cells
            ]
        lefts = [cell[0] for cell in present]
        members: list[list[int]] = [[] for _ in present]
        for i in in_row:
            x = middle_x[i]
            k = bisect_right(lefts, x) - 1
            if k >= 0:
                _, upper, right, lower = present[k]
                if x < right and upper <= middle_y[i] < lower:
                    members[k].append(i)
        found = iter(members)
        return [None if cell is None else next(found) for cell in cells]


TOLERANCE = 3  # pdfplumber's default x and y tolerance (points) in extract_text


def cell_text(chars: list[dict]) -> str:
    """``pdfplumber.utils.extract_text(chars)`` with its default settings, for upright text in one
    pass: lines are the characters clustered by top (3 pt, chained), each sorted left to right; a
    blank character, a step back, a gap over 3 pt or a top 3 pt away starts a word; words are
    clustered into lines again by their top. Text that is not all upright goes to pdfplumber."""
    glyphs = glyphs_of(chars)
    if all(map(_UPRIGHT, glyphs)):
        return _glyph_text(glyphs)
    from pdfplumber.utils import extract_text

    return extract_text(chars)


def _glyph_text(glyphs: list[Glyph]) -> str:
    """:func:`cell_text` of upright glyphs."""
    words: list[tuple[float, str]] = []  # (top, text)
    for line in _clusters(glyphs):
        line.sort(key=_x0)  # stable: characters at one x keep the page's order
        word: list[str] = []
        word_top = last_x0 = last_x1 = last_top = 0.0
        for top, x0, x1, text, _, _, _, _, _ in line:
            if text.isspace():
                if word:
                    words.append((word_top, _word(word)))
                    word = []
                continue
            if word:
                if x0 < last_x0 or x0 > last_x1 + TOLERANCE or abs(top - last_top) > TOLERANCE:
                    words.append((word_top, _word(word)))
                    word = [text]
                    word_top = top
                else:
                    word.append(text)
                    if top < word_top:
                        word_top = top
            else:
                word = [text]
                word_top = top
            last_x0, last_x1, last_top = x0, x1, top
        if word:
            words.append((word_top, _word(word)))
    return "\n".join(" ".join(text for _, text in line) for line in _clusters(words))


def _word(texts: list[str]) -> str:
    """A word's characters joined, each ligature expanded (pdfplumber's ``LIGATURES``)."""
    word = "".join(texts)
    if _LIGATURE_CHARS.isdisjoint(word):
        return word
    return "".join(LIGATURES.get(text, text or "") for text in texts)


# pdfplumber's ligatures (pdfplumber.utils.text.LIGATURES), expanded in extracted text.
LIGATURES = {"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl", "ﬆ": "st", "ﬅ": "st"}
_LIGATURE_CHARS = frozenset(LIGATURES)


def band_text(chars: list[dict], box: tuple[float, float, float, float]) -> str:
    """``chars_to_textmap(crop_to_bbox(chars, box), layout_bbox=box, …).as_string`` as
    ``page.crop(box).extract_text()`` gives it: the characters clipped to the box, then
    :func:`cell_text` (pdfplumber's own text map for text that is not all upright)."""
    clipped = [c for c in (_clip(g, box) for g in glyphs_of(chars)) if c is not None]
    if all(g[5] for g in clipped):
        return _glyph_text(clipped)
    return _plumber_band_text(chars, box)


def _plumber_band_text(chars: list[dict], box: tuple[float, float, float, float]) -> str:
    from pdfplumber.utils import chars_to_textmap, crop_to_bbox

    x0, top, x1, bottom = box
    textmap = chars_to_textmap(
        crop_to_bbox(chars, box), layout_bbox=box, layout_width=x1 - x0, layout_height=bottom - top
    )
    return textmap.as_string or ""


def _clip(glyph: Glyph, box: tuple[float, float, float, float]) -> Glyph | None:
    """pdfplumber's ``clip_obj``: the part of ``glyph`` inside ``box`` (None when they do not overlap)."""
    top0, x0, x1, text, bottom0, upright, font, size, advance = glyph
    left = max(x0, box[0])
    right = min(x1, box[2])
    bottom = min(bottom0, box[3])
    top = max(top0, box[1])
    width, height = right - left, bottom - top
    if not (height >= 0 and width >= 0 and height + width > 0):
        return None
    return (top, left, right, text, bottom, upright, font, size, advance)


def _x0(item: Glyph) -> float:
    return item[1]


def _clusters(items: list) -> list[list]:
    """pdfplumber's ``cluster_objects(items, key, 3)`` keyed by each item's first element: values
    chained within the tolerance, the clusters in value order, each keeping its items in their
    given order."""
    if not items:
        return []
    values = sorted({item[0] for item in items})
    if values[-1] - values[0] <= TOLERANCE:  # one line: the common case of a cell or a word list
        return [list(items)]
    index: dict[float, int] = {}
    group, last = 0, values[0]
    for value in values:
        if value > last + TOLERANCE:
            group += 1
        index[value] = group
        last = value
    clusters: list[list] = [[] for _ in range(group + 1)]
    for item in items:
        clusters[index[item[0]]].append(item)
    return clusters


def _headed(rows: list[list[str | None]]) -> bool:
    """A ruled table whose first rows hold a header (the table stage's test)."""
    return any(is_header_row([clean_text(c or "") for c in row]) for row in rows[:HEADER_ROWS])


def _header_hint(page: Page, glyphs: list[Glyph]) -> bool:
    return any(looks_like_header(line) for line in _page_text(page, glyphs).split("\n"))


def _page_text(page: Page, glyphs: list[Glyph] | None = None) -> str:
    """``page.extract_text()``: pdfplumber's text map without layout, which for upright text is
    the text of :func:`cell_text` (the same lines and words; tests/test_pdf_speed_text.py)."""
    if glyphs is None:
        glyphs = _page_glyphs(page)
    if all(map(_UPRIGHT, glyphs)):
        return _glyph_text(glyphs)
    return page.extract_text() or ""


def _ruled_blocks(
    page: Page,
    placed: _Placed,
    tables: list,
    extracted: list[list[list[str | None]]],
    edges: tuple[pdf_layout.Edge, pdf_layout.Edge] = pdf_layout.NO_EDGES,
) -> tuple[list[Paragraph | RawTable], pdf_layout.Prose]:
    """The page's ruled tables and, around them, its text read as prose (``pdf_layout.prose``),
    without its page numbers and running heads (``pdf_layout.running_heads``, against ``edges``,
    the page before's first and last line); and the prose's first paragraph if nothing stands
    above it, its last if nothing stands below, and the page's own edges."""
    number = page.page_number
    _, top, _, bottom = page.bbox
    bands: list[tuple[float, float]] = []
    cursor = top
    for table in tables:
        bands.append((cursor, table.bbox[1]))
        cursor = max(cursor, table.bbox[3])
    bands.append((cursor, bottom))
    lines = [_band_lines(placed, y0, y1) for y0, y1 in bands]
    size = max(lines, key=lambda band: len(band[0]))[1]  # the font of the band with most lines: the body's
    every = [line for band, _ in lines for line in band]
    boxes = [(table.bbox[1], table.bbox[3]) for table in tables]
    page_edges, repeats_head, repeats_foot = pdf_layout.running_heads(every, edges, boxes)
    margins = pdf_layout.margins(every, size, page.width)
    texts = [pdf_layout.prose(band, margins, number) for band, _ in lines]
    blocks: list[Paragraph | RawTable] = list(texts[0].paragraphs)
    for cells_by_row, text in zip(extracted, texts[1:], strict=True):
        rows = []
        for cells in cells_by_row:
            clean = [RawCell(None) if c is None else RawCell(clean_text(c)) for c in cells]
            rows.append(RawRow(clean, page=number))
        blocks.append(RawTable(rows, layout="pdf-ruled"))
        blocks.extend(text.paragraphs)
    top, end = texts[0], texts[-1]
    text = pdf_layout.Prose([], margins, top.first, top.first_line, end.last, end.last_line, page_edges)
    text.head, text.repeats_head = top.head, repeats_head
    text.foot, text.repeats_foot = end.foot, repeats_foot
    return blocks, text


def _band_lines(placed: _Placed, y0: float, y1: float) -> tuple[list[pdf_layout.Line], float]:
    """The text lines whose characters have their middle between y0 and y1 (a band between tables)."""
    if y1 - y0 < 1:
        return [], 0.0
    glyphs = placed.glyphs
    middle_y = placed.middle_y
    return pdf_layout.glyph_lines(glyphs[i] for i in placed.near(y0, y1) if y0 <= middle_y[i] < y1)

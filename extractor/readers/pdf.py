"""PDF tables: ruled tables by pdfplumber's ``lines`` strategy, borderless ones from text positions.

Two engines read a page's characters and ruling lines: PDFium (``pdfium.py``, fast) and pdfminer
through pdfplumber (the reference). Both give a pdfplumber ``Page``, and everything after (the
table finder, cell text, the header tests, the borderless reader, stitching across pages) is one
set of functions here and in ``pdf_layout``. ``ReadOptions.pdf_engine``: "pdfium" or "pdfplumber"
force one; "auto" reads with PDFium and reads again with pdfplumber when PDFium's reading has no
table with a header, or PDFium cannot open the file, or the file needs a decoder only pdfminer's
bounded ones run (LZW, RunLength). Pages are read one at a time and closed as we go.

Per page: the tables (cells as pdfplumber extracts them, None under merged cells) and the text
outside them (attachment label and title above, notes below). Layout spaces and wraps are removed
from cell text here, because only a layout engine adds them.

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
(TooLargeError). Streams: pdfminer's decoders are bounded by ``pdf_bounds``; before PDFium reads
a file, every deflate stream in it is inflated (and dropped) up to ``Limits.max_stream_bytes``.
"""

from __future__ import annotations

import io
from bisect import bisect_left
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager

import pdfplumber
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import resolve1
from pdfplumber.page import Page
from pdfplumber.table import Table
from pdfplumber.utils import chars_to_textmap, crop_to_bbox, extract_text

from extractor.errors import CorruptFileError, EncryptedFileError, ExtractorError, NoTextLayerError, TooLargeError
from extractor.headers import is_furniture, is_header_row
from extractor.limits import DEFAULT_LIMITS, MB, Limits, check_pages
from extractor.options import DEFAULT_OPTIONS, ReadOptions
from extractor.readers import pdf_bounds, pdf_layout, pdfium
from extractor.readers.pdf_layout import CID, clean_text, looks_like_header
from extractor.readers.raw import Paragraph, RawCell, RawDocument, RawRow, RawTable, RawWarning

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
            for page in pages:
                if _has_text(page):
                    text_pages += 1
                    page_blocks, carry = _read_page(page, warnings, carry)
                    blocks.extend(page_blocks)
                elif page.images or len(page.curves) >= MANY_PATHS:
                    # An open borderless table stays open: the page after may continue it.
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


@contextmanager
def _plumber_pages(data: bytes, limits: Limits) -> Iterator[Iterator[Page]]:
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
    tree = PDFDocument(PDFParser(io.BytesIO(data)))
    counted = _counted_pages(tree, limits.max_pdf_pages)
    check_pages(counted, limits, counted_to_limit=True)
    del tree
    with pdfium.opened(data) as document:
        total = pdfium.page_count(document)
        check_pages(total, limits)
        if total <= 0:
            raise CorruptFileError("damaged PDF (no pages could be found)")
        if total != counted:  # 0: pdfminer cannot read the page tree; the reference decides what is there
            raise pdfium.Unsupported(f"PDFium finds {total} pages, the page tree {counted}")
        yield _pdfium_each(document, total)


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


def _has_text(page: Page) -> bool:
    """Text beyond page furniture: a scanned page may still carry a typed page number."""
    chars = page.chars
    if len(chars) >= FEW_CHARS:
        return True
    text = "".join(c["text"] for c in chars)
    if not text.strip():
        return False
    return any(line.strip() and not is_furniture(line) for line in (page.extract_text() or "").split("\n"))


def _read_page(
    page: Page, warnings: list[RawWarning], carry: pdf_layout.OpenTable | None
) -> tuple[list[Paragraph | RawTable], pdf_layout.OpenTable | None]:
    number = page.page_number
    unmapped = sum(1 for c in page.chars if CID.search(c["text"]))
    if unmapped:
        message = f"page {number}: {unmapped} glyphs without a Unicode mapping, shown as U+FFFD: check this page"
        warnings.append(RawWarning("undecodable_glyphs", message))
    tables = sorted(page.find_tables(), key=lambda t: t.bbox[1])
    extracted = [table_cells(table, page.chars) for table in tables]
    if not any(_headed(rows) for rows in extracted) and (carry is not None or _header_hint(page)):
        blocks, carry, found = pdf_layout.read_page(page, number, carry)
        if found:
            return blocks, carry
    return _ruled_blocks(page, tables, extracted), None


def table_cells(table: Table, chars: list[dict]) -> list[list[str | None]]:
    """``table.extract()``, with each row's characters found by bisection instead of a scan of
    the page's characters per row (the same characters: a character belongs to the row and cell
    its middle is in, left/top edge included, right/bottom excluded)."""
    middles = sorted((((c["top"] + c["bottom"]) / 2, i) for i, c in enumerate(chars)), key=lambda m: m[0])
    keys = [m[0] for m in middles]
    out: list[list[str | None]] = []
    for row in table.rows:
        _, top, _, bottom = row.bbox
        found = sorted(i for _, i in middles[bisect_left(keys, top) : bisect_left(keys, bottom)])
        row_chars = [chars[i] for i in found if _in_box(chars[i], row.bbox)]
        cells: list[str | None] = []
        for cell in row.cells:
            if cell is None:
                cells.append(None)
                continue
            cell_chars = [c for c in row_chars if _in_box(c, cell)]
            cells.append(extract_text(cell_chars) if cell_chars else "")
        out.append(cells)
    return out


def _in_box(char: dict, box: tuple[float, float, float, float]) -> bool:
    """pdfplumber's ``char_in_bbox`` (Table.extract)."""
    middle_y = (char["top"] + char["bottom"]) / 2
    middle_x = (char["x0"] + char["x1"]) / 2
    x0, top, x1, bottom = box
    return x0 <= middle_x < x1 and top <= middle_y < bottom


def _headed(rows: list[list[str | None]]) -> bool:
    """A ruled table whose first rows hold a header (the table stage's test)."""
    return any(is_header_row([clean_text(c or "") for c in row]) for row in rows[:HEADER_ROWS])


def _header_hint(page: Page) -> bool:
    return any(looks_like_header(line) for line in (page.extract_text() or "").split("\n"))


def _ruled_blocks(page: Page, tables: list, extracted: list[list[list[str | None]]]) -> list[Paragraph | RawTable]:
    number = page.page_number
    _, top, _, bottom = page.bbox
    blocks: list[Paragraph | RawTable] = []
    cursor = top
    for table, cells_by_row in zip(tables, extracted, strict=True):
        blocks.extend(_paragraphs(page, cursor, table.bbox[1], number))
        rows = []
        for cells in cells_by_row:
            clean = [RawCell(None) if c is None else RawCell(clean_text(c)) for c in cells]
            rows.append(RawRow(clean, page=number))
        blocks.append(RawTable(rows, layout="pdf-ruled"))
        cursor = max(cursor, table.bbox[3])
    blocks.extend(_paragraphs(page, cursor, bottom, number))
    return blocks


def _paragraphs(page: Page, y0: float, y1: float, number: int) -> list[Paragraph]:
    if y1 - y0 < 1:
        return []
    x0, _, x1, _ = page.bbox
    # page.crop(box).extract_text(), without clipping every object of the page: only characters
    # reaching into the band can overlap the box, and crop_to_bbox decides for them as crop does.
    near = [c for c in page.chars if c["bottom"] >= y0 and c["top"] <= y1]
    box = (x0, y0, x1, y1)
    textmap = chars_to_textmap(crop_to_bbox(near, box), layout_bbox=box, layout_width=x1 - x0, layout_height=y1 - y0)
    text = textmap.as_string or ""
    lines = (clean_text(line) for line in text.split("\n"))
    # Page numbers and other furniture are dropped by the table stage (data/layout.toml).
    return [Paragraph(line, page=number) for line in lines if line]

"""OCR of scanned PDFs and pictures: page images → ruled grid → cells → recognised text → RawDocument.

Needs the optional extra (``pip install 'extractor[ocr]'``: OpenCV and RapidOCR); without it
:func:`require` raises OcrUnavailableError naming the extra. Pages are read in
``EXTRACTOR_OCR_JOBS`` worker processes (default 1; 0 reads them in this process), each rendering
only the page it reads, so memory is bounded by one page image and one recogniser per worker, and
the models leave with the workers when the document is read.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import AbstractContextManager, contextmanager

from extractor.errors import NoTextLayerError
from extractor.limits import DEFAULT_LIMITS, Limits, check_pages
from extractor.ocr.engine import EXTRA_HINT, engine_name, require
from extractor.readers.raw import Paragraph, RawDocument, RawTable, RawWarning

__all__ = ["EXTRA_HINT", "ocr_image", "ocr_pdf", "ocr_pdf_pages", "require"]

MAX_NAMED_CELLS = 20  # a low_confidence_text warning names at most this many cells of a page


def jobs() -> int:
    """Worker processes reading pages: EXTRACTOR_OCR_JOBS (default 1; 0 reads them in this process)."""
    try:
        return max(1, int(os.environ.get("EXTRACTOR_OCR_JOBS", "1")))
    except ValueError:
        return 1


def ocr_pdf(data: bytes, limits: Limits = DEFAULT_LIMITS) -> RawDocument:
    """Every page of a PDF read by OCR, its text layer (if any) ignored."""
    from extractor.ocr.image import pdf_page_count

    count = pdf_page_count(data)
    check_pages(count, limits)
    return _document("pdf", _read_pages(("pdf", data), range(count)))


def ocr_pdf_pages(data: bytes, numbers: Iterable[int]) -> list:
    """Some pages (1-based numbers) of a PDF, as PageResults, for a PDF whose other pages have text."""
    return list(_read_pages(("pdf", data), [n - 1 for n in numbers]))


def ocr_image(data: bytes, limits: Limits = DEFAULT_LIMITS) -> RawDocument:
    """A picture (every frame of a multi-page TIFF) read by OCR."""
    from extractor.ocr.image import image_frame_count

    count = image_frame_count(data)
    check_pages(count, limits)
    return _document("image", _read_pages(("image", data), range(count)))


# -- pages, in this process or in workers ------------------------------------------------------

_SOURCE: tuple[str, bytes] | None = None  # the document a worker reads pages of


def _remember(source: tuple[str, bytes] | None) -> None:
    global _SOURCE
    _SOURCE = source


_WORKER_ROOM: list[AbstractContextManager[None]] = []  # held: a collected room closes, lowering the ceiling


def _start_worker(source: tuple[str, bytes]) -> None:
    _remember(source)
    # A worker only reads pages: the room stays for its life. The context is kept referenced: left
    # to the garbage collector, its generator would be closed at once and run its finally block,
    # putting the ceiling back down before the models load (every page then ran out of memory).
    room = _room_for_models()
    room.__enter__()
    _WORKER_ROOM.append(room)


def _read_one(index: int):  # -> PageResult
    from extractor.ocr.image import image_frame, prepare, render_pdf_page
    from extractor.ocr.page import read_page

    assert _SOURCE is not None
    kind, data = _SOURCE
    rgb, dpi = render_pdf_page(data, index) if kind == "pdf" else image_frame(data, index)
    return read_page(prepare(rgb, index + 1, dpi))


# Address space (not resident memory) that OpenCV and onnxruntime map: their libraries, thread
# stacks and the recogniser's buffers take ~1.2 GB of it for ~0.45 GB resident.
MODELS_ADDRESS_SPACE = 1536 * 2**20
HEADROOM_AFTER = 256 * 2**20  # as the CLI's ceiling leaves above what a process holds


@contextmanager
def _room_for_models() -> Iterator[None]:
    """Lift a soft address-space ceiling (the CLI's --max-memory) by what the models map, then lower it.

    The ceiling bounds resident memory through the address space; OpenCV and onnxruntime map far
    more than they touch, so under a 1 GB ceiling they fail to load. Only the soft limit moves,
    never past the hard one; afterwards it goes back down to what it was, or to what the process
    now holds plus the usual headroom when that is more (the models stay loaded).
    """
    try:
        import resource
    except ImportError:  # Windows: no ceiling to lift
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if soft == resource.RLIM_INFINITY:
        yield
        return
    wanted = _address_space() + MODELS_ADDRESS_SPACE
    if hard != resource.RLIM_INFINITY:
        wanted = min(wanted, hard)
    resource.setrlimit(resource.RLIMIT_AS, (max(soft, wanted), hard))
    try:
        yield
    finally:
        after = max(soft, _address_space() + HEADROOM_AFTER)
        if hard != resource.RLIM_INFINITY:
            after = min(after, hard)
        resource.setrlimit(resource.RLIMIT_AS, (after, hard))


def _address_space() -> int:
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return 0


def _read_pages(source: tuple[str, bytes], indices: Iterable[int]) -> Iterator:
    indices = list(indices)
    if _in_process():
        with _room_for_models():
            _remember(source)
            try:
                yield from map(_read_one, indices)
            finally:
                _remember(None)
        return
    # Worker processes, even for one: the models (and the ~1.2 GB of address space they map)
    # leave with them, so the process that parses the next file is as small as before.
    workers = max(1, min(jobs(), len(indices)))
    context = multiprocessing.get_context("spawn" if "onnxruntime" in sys.modules else "fork")
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start_worker, initargs=(source,))
    try:
        yield from pool.map(_read_one, indices)
    finally:
        # On a time limit or an error, stop the workers now rather than after their pages.
        for process in list(getattr(pool, "_processes", {}).values()):
            process.terminate()
        pool.shutdown(wait=True, cancel_futures=True)


def _in_process() -> bool:
    """Pages read here rather than in workers: EXTRACTOR_OCR_JOBS=0, or a daemonic process (the
    CLI's --jobs workers), which may not start processes of its own."""
    return os.environ.get("EXTRACTOR_OCR_JOBS", "").strip() == "0" or multiprocessing.current_process().daemon


# -- the document ------------------------------------------------------------------------------


def page_warnings(result) -> list[RawWarning]:
    warnings = []
    if result.seal:
        warnings.append(RawWarning("seal", f"page {result.number}: red seal or red ink removed before OCR"))
    if result.low_confidence:
        named = ", ".join(result.low_confidence[:MAX_NAMED_CELLS])
        more = len(result.low_confidence) - MAX_NAMED_CELLS
        tail = f" and {more} more" if more > 0 else ""
        what = "cells" if result.ruled else "lines"  # a page without rules: its lines, before cells are found
        message = f"page {result.number}: {what} read by OCR with low confidence: {named}{tail}"
        warnings.append(RawWarning("low_confidence_text", message))
    return warnings


def ocr_note(results: list) -> RawWarning:
    pages = ", ".join(f"{r.number}" + (f" (turned {r.skew:+.1f}°)" if abs(r.skew) >= 0.05 else "") for r in results)
    return RawWarning("ocr", f"read by OCR ({engine_name()}): page {pages}; check figures against the scan")


def _has_text(block: Paragraph | RawTable) -> bool:
    if isinstance(block, Paragraph):
        return bool(block.text.strip())
    return any(cell.text and cell.text.strip() for row in block.rows for cell in row.cells)


def read_unruled(results: list) -> None:
    """Pages without rules read by the borderless table reader of text PDFs, in page order.

    Their recognised lines, placed on the page, go through the same reader as a PDF's characters
    (header, columns from the white rivers, rows centred on their numbers, a table going on over
    the next page). A page where it finds no table keeps its lines as positioned paragraphs,
    for the layout stage.
    """
    from extractor.readers.pdf_layout import Rule, read_lines

    carry = None
    for result in results:
        if not result.lines:
            carry = None  # a ruled page (or an empty one) ends an open borderless table
            continue
        rules = [Rule(y, x0, x1) for y, x0, x1 in result.rules]
        blocks, carry, found = read_lines(result.lines, result.size, rules, result.number, carry)
        if found:
            for block in blocks:
                if isinstance(block, RawTable):
                    block.layout = "ocr-unruled"
            result.blocks = blocks
        result.lines = None  # read: the characters are not needed any more


def _document(fmt: str, pages: Callable | Iterator) -> RawDocument:
    results = list(pages)
    read_unruled(results)
    blocks = [block for result in results for block in result.blocks]
    if not any(_has_text(block) for block in blocks):  # blank pages, or a grid of rules with empty cells
        raise NoTextLayerError("no text found by OCR (a blank or unreadable scan)")
    warnings = [ocr_note(results)]
    for result in results:
        warnings.extend(page_warnings(result))
    return RawDocument(format=fmt, blocks=blocks, warnings=warnings)

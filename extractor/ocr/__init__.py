"""OCR of scanned PDFs and pictures: page images → ruled grid → cells → recognised text → RawDocument.

Needs the optional extra (``pip install 'extractor[ocr]'``: OpenCV and RapidOCR); without it
:func:`require` raises OcrUnavailableError naming the extra. Pages are read one at a time, or in
``EXTRACTOR_OCR_JOBS`` worker processes (default 1), each rendering only the page it reads, so
memory is bounded by one page image and one recogniser per worker.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

from extractor.errors import NoTextLayerError
from extractor.limits import DEFAULT_LIMITS, Limits, check_pages
from extractor.ocr.engine import EXTRA_HINT, engine_name, require
from extractor.readers.raw import RawDocument, RawWarning

__all__ = ["EXTRA_HINT", "ocr_image", "ocr_pdf", "ocr_pdf_pages", "require"]

MAX_NAMED_CELLS = 20  # a low_confidence_text warning names at most this many cells of a page


def jobs() -> int:
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


def _remember(source: tuple[str, bytes]) -> None:
    global _SOURCE
    _SOURCE = source


def _read_one(index: int):  # -> PageResult
    from extractor.ocr.image import image_frame, prepare, render_pdf_page
    from extractor.ocr.page import read_page

    assert _SOURCE is not None
    kind, data = _SOURCE
    rgb, dpi = render_pdf_page(data, index) if kind == "pdf" else image_frame(data, index)
    return read_page(prepare(rgb, index + 1, dpi))


def _read_pages(source: tuple[str, bytes], indices: Iterable[int]) -> Iterator:
    indices = list(indices)
    workers = min(jobs(), len(indices))
    if workers <= 1:
        _remember(source)
        try:
            yield from map(_read_one, indices)
        finally:
            _remember(None)  # type: ignore[arg-type]
        return
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_remember, initargs=(source,))
    try:
        yield from pool.map(_read_one, indices)
    finally:
        # On a time limit or an error, stop the workers now rather than after their pages.
        for process in list(getattr(pool, "_processes", {}).values()):
            process.terminate()
        pool.shutdown(wait=True, cancel_futures=True)


# -- the document ------------------------------------------------------------------------------


def page_warnings(result) -> list[RawWarning]:
    warnings = []
    if result.seal:
        warnings.append(RawWarning("seal", f"page {result.number}: red seal or red ink removed before OCR"))
    if result.low_confidence:
        named = ", ".join(result.low_confidence[:MAX_NAMED_CELLS])
        more = len(result.low_confidence) - MAX_NAMED_CELLS
        tail = f" and {more} more" if more > 0 else ""
        message = f"page {result.number}: cells read by OCR with low confidence: {named}{tail}"
        warnings.append(RawWarning("low_confidence_text", message))
    return warnings


def ocr_note(results: list) -> RawWarning:
    pages = ", ".join(f"{r.number}" + (f" (turned {r.skew:+.1f}°)" if abs(r.skew) >= 0.05 else "") for r in results)
    return RawWarning("ocr", f"read by OCR ({engine_name()}): page {pages}; check figures against the scan")


def _document(fmt: str, pages: Callable | Iterator) -> RawDocument:
    results = list(pages)
    blocks = [block for result in results for block in result.blocks]
    if not blocks:
        raise NoTextLayerError("no text found by OCR (a blank or unreadable scan)")
    warnings = [ocr_note(results)]
    for result in results:
        warnings.extend(page_warnings(result))
    return RawDocument(format=fmt, blocks=blocks, warnings=warnings)

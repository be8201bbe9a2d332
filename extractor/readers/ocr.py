"""Pictures (PNG, JPEG, TIFF …) and scanned PDF pages, read by OCR (the optional ``ocr`` extra).

``read_image`` is the reader of format "image". For PDFs, :func:`read_pdf_with_ocr` decides by
``ReadOptions.ocr``: ``always`` reads every page by OCR; ``auto`` reads the text layer and OCRs
only the pages without one (or the whole file when no page has one) and the pages whose text layer
is mostly glyphs without a Unicode mapping; ``never`` is the text layer alone. A PDF whose pages all
have a readable text layer never reaches OCR under ``auto``.
"""

from __future__ import annotations

import regex

from extractor.errors import NoTextLayerError, OcrUnavailableError, UnsupportedFormatError
from extractor.limits import DEFAULT_LIMITS, Limits
from extractor.options import DEFAULT_OPTIONS, ReadOptions
from extractor.readers.raw import Paragraph, RawDocument, RawTable, RawWarning

EXTRA_HINT = "install the OCR extra: pip install 'extractor[ocr]'"
_NO_TEXT_PAGE = regex.compile(r"^page (\d+) has no text layer")


def read_image(data: bytes, limits: Limits = DEFAULT_LIMITS, options: ReadOptions = DEFAULT_OPTIONS) -> RawDocument:
    from extractor.sniff import image_kind

    kind = image_kind(data) or "picture"
    if options.ocr == "never":
        raise UnsupportedFormatError(f"{kind} image: needs OCR, which --ocr never turns off")
    try:
        from extractor import ocr
    except ImportError:
        raise OcrUnavailableError(f"{kind} image: needs OCR, which is not installed: {EXTRA_HINT}") from None
    try:
        ocr.require()
    except OcrUnavailableError as exc:
        raise OcrUnavailableError(f"{kind} image: needs OCR: {exc}") from None
    return ocr.ocr_image(data, limits)


def read_pdf_with_ocr(
    data: bytes, limits: Limits = DEFAULT_LIMITS, options: ReadOptions = DEFAULT_OPTIONS
) -> RawDocument:
    from extractor.readers.pdf import read_pdf

    if options.ocr == "never":
        return read_pdf(data, limits=limits, options=options)
    if options.ocr == "always":
        ocr = _ocr_or_raise(OcrUnavailableError, "OCR requested (--ocr always)")
        return ocr.ocr_pdf(data, limits)
    try:
        document = read_pdf(data, limits=limits, options=options)
    except NoTextLayerError:
        ocr = _ocr_or_raise(NoTextLayerError, "no text layer (scanned pages?)")
        return ocr.ocr_pdf(data, limits)
    missing = [
        int(m.group(1))
        for w in document.warnings
        if w.code == "no_text_layer" and (m := _NO_TEXT_PAGE.match(w.message))
    ]
    garbled = garbled_pages(document)
    if not (missing or garbled) or not _ocr_available():
        return document
    return _with_pages(document, sorted({*missing, *garbled}), data, replaced=garbled)


GARBLED_SHARE = 0.5  # of a page's characters unmapped (U+FFFD): its text layer says nothing readable
MIN_GARBLED = 10  # characters, for a page to be judged by its share


def garbled_pages(document: RawDocument) -> set[int]:
    """The pages whose text layer is mostly glyphs without a Unicode mapping (shown as U+FFFD): a
    font embedded without its map; the page is read by OCR instead, under ``--ocr auto``."""
    texts_by_page: dict[int, list[str]] = {}
    for block in document.blocks:
        page = _page_of(block)
        if page is None:
            continue
        texts = [block.text] if isinstance(block, Paragraph) else [c.text or "" for r in block.rows for c in r.cells]
        texts_by_page.setdefault(page, []).extend(texts)
    garbled = set()
    for page, texts in texts_by_page.items():
        bad = sum(text.count("\ufffd") for text in texts)  # U+FFFD is not blank: each one counts
        if not bad:  # a page without one is not garbled, whatever its size (MIN_GARBLED > 0)
            continue
        total = sum(len("".join(text.split())) for text in texts)  # the characters that are not blank
        if total >= MIN_GARBLED and bad >= GARBLED_SHARE * total:
            garbled.add(page)
    return garbled


def _scanned_page(warning: RawWarning) -> regex.Match | None:
    """The page number in the text-layer reader's warning about a page without text."""
    return _NO_TEXT_PAGE.match(warning.message) if warning.code == "no_text_layer" else None


_GARBLED_PAGE = regex.compile(r"^page (\d+): \d+ glyphs without a Unicode mapping")


def _garbled_page(warning: RawWarning) -> regex.Match | None:
    return _GARBLED_PAGE.match(warning.message) if warning.code == "undecodable_glyphs" else None


def _ocr_available() -> bool:
    try:
        from extractor import ocr

        ocr.require()
    except (ImportError, OcrUnavailableError):
        return False
    return True


def _ocr_or_raise(error: type[Exception], why: str):
    try:
        from extractor import ocr

        ocr.require()
    except (ImportError, OcrUnavailableError):
        raise error(f"{why}: OCR is not installed: {EXTRA_HINT}") from None
    return ocr


def _with_pages(
    document: RawDocument, numbers: list[int], data: bytes, replaced: set[int] | frozenset[int] = frozenset()
) -> RawDocument:
    """The text-layer reading, with the pages that had none read by OCR and put in their place;
    the ``replaced`` pages' unreadable text-layer blocks give way to what OCR read on them."""
    from extractor import ocr

    results = ocr.ocr_pdf_pages(data, numbers)
    ocr.read_unruled(results)
    read = {r.number for r in results if r.blocks}
    blocks = [b for b in document.blocks if not ((page := _page_of(b)) in replaced and page in read)]
    for result in results:
        at = next((i for i, block in enumerate(blocks) if (_page_of(block) or 0) > result.number), len(blocks))
        blocks[at:at] = result.blocks
    # A page OCR found nothing on keeps its no_text_layer (or undecodable_glyphs) warning.
    warnings = [
        w for w in document.warnings if not ((m := _scanned_page(w) or _garbled_page(w)) and int(m.group(1)) in read)
    ]
    warnings.append(ocr.ocr_note(results))
    for result in results:
        warnings.extend(ocr.page_warnings(result))
    return RawDocument(format=document.format, blocks=blocks, encoding=document.encoding, warnings=warnings)


def _page_of(block: Paragraph | RawTable) -> int | None:
    if isinstance(block, Paragraph):
        return block.page
    return next((row.page for row in block.rows if row.page is not None), None)

"""PDF with ruled tables, through pdfplumber (``lines`` strategy).

Per page: the tables (cells as pdfplumber extracts them, None under merged cells) and the text
outside them (attachment label and title above, notes below). Layout spaces and wraps are removed
from cell text here, because only a layout engine adds them. Pages are closed as we go.
"""

from __future__ import annotations

import io
import unicodedata

import pdfplumber
import regex
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException

from extractor.errors import CorruptFileError, EncryptedFileError, NoTextLayerError
from extractor.readers.raw import Paragraph, RawCell, RawDocument, RawRow, RawTable, RawWarning
from extractor.textnorm import collapse_layout_space

_CID = regex.compile(r"\(cid:\d+\)|\ufffd")
# Kangxi radicals (U+2F00–U+2FD5) that fonts without a ToUnicode map produce instead of the
# unified ideograph ("⼀" for "一"); NFKC maps each to its ideograph.
_RADICALS = {cp: unicodedata.normalize("NFKC", chr(cp)) for cp in range(0x2F00, 0x2FD6)}


def read_pdf(data: bytes) -> RawDocument:
    blocks: list[Paragraph | RawTable] = []
    warnings: list[RawWarning] = []
    chars_seen = 0
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                chars_seen += len(page.chars)
                blocks.extend(_read_page(page, warnings))
                page.close()
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise EncryptedFileError("encrypted PDF (a password is needed to open it)") from exc
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError) as exc:
        raise CorruptFileError(f"damaged PDF ({exc or type(exc).__name__})") from exc
    except Exception as exc:  # pdfminer raises bare Exceptions, some with empty messages
        if "password" in str(exc).lower() or "encrypt" in str(exc).lower():
            raise EncryptedFileError("encrypted PDF (a password is needed to open it)") from exc
        raise CorruptFileError(f"damaged PDF ({exc or type(exc).__name__})") from exc
    if chars_seen == 0:
        raise NoTextLayerError("no text layer (scanned pages?): OCR it first")
    return RawDocument(format="pdf", blocks=blocks, warnings=warnings)


def _read_page(page: pdfplumber.page.Page, warnings: list[RawWarning]) -> list[Paragraph | RawTable]:
    number = page.page_number
    _, top, _, bottom = page.bbox
    blocks: list[Paragraph | RawTable] = []
    tables = sorted(page.find_tables(), key=lambda t: t.bbox[1])
    cursor = top
    for table in tables:
        blocks.extend(_paragraphs(page, cursor, table.bbox[1], number))
        rows = []
        for cells in table.extract():
            clean = [RawCell(None) if c is None else RawCell(_clean(c, number, warnings)) for c in cells]
            rows.append(RawRow(clean, page=number))
        blocks.append(RawTable(rows))
        cursor = max(cursor, table.bbox[3])
    blocks.extend(_paragraphs(page, cursor, bottom, number))
    return blocks


def _paragraphs(page: pdfplumber.page.Page, y0: float, y1: float, number: int) -> list[Paragraph]:
    if y1 - y0 < 1:
        return []
    x0, _, x1, _ = page.bbox
    text = page.crop((x0, y0, x1, y1)).extract_text() or ""
    lines = (collapse_layout_space(line) for line in text.split("\n"))
    # Page numbers and other furniture are dropped by the table stage (data/layout.toml).
    return [Paragraph(line, page=number) for line in lines if line]


def _clean(text: str, page: int, warnings: list[RawWarning]) -> str:
    if _CID.search(text):
        warnings.append(RawWarning("undecodable_glyphs", f"page {page}: text with unmapped glyphs (cid or U+FFFD)"))
    return collapse_layout_space(text.translate(_RADICALS))

"""Readers: bytes → RawDocument (paragraphs and tables of cells with provenance)."""

from __future__ import annotations

from collections.abc import Callable

from extractor.readers.docx import read_docx
from extractor.readers.pdf import read_pdf
from extractor.readers.raw import RawDocument
from extractor.readers.text import read_text

READERS: dict[str, Callable[[bytes], RawDocument]] = {
    "txt": read_text,
    "docx": read_docx,
    "pdf": read_pdf,
}


def read(data: bytes, fmt: str) -> RawDocument:
    return READERS[fmt](data)

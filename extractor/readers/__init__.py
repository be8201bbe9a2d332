"""Readers: bytes → RawDocument (paragraphs and tables of cells with provenance).

Each format's reader lives in its own module and is imported when a file of that format
arrives, so reading a .txt never pays for loading pdfplumber or openpyxl.
"""

from __future__ import annotations

from importlib import import_module

from extractor.errors import UnsupportedFormatError
from extractor.limits import DEFAULT_LIMITS, Limits
from extractor.options import DEFAULT_OPTIONS, ReadOptions
from extractor.readers.raw import RawDocument

# format → (module, function): the function takes the file's bytes and returns a RawDocument.
# Readers in LIMITED also take the Limits and the ReadOptions (keywords ``limits``, ``options``);
# the ZIP formats are checked in sniff.
READERS: dict[str, tuple[str, str]] = {
    "txt": ("extractor.readers.text", "read_text"),
    "docx": ("extractor.readers.docx", "read_docx"),
    # PDFs go through the OCR reader, which reads the text layer and OCRs only as ReadOptions.ocr says.
    "pdf": ("extractor.readers.ocr", "read_pdf_with_ocr"),
    "xlsx": ("extractor.readers.xlsx", "read_xlsx"),
    "html": ("extractor.readers.html", "read_html"),
    "doc": ("extractor.readers.legacy", "read_doc"),
    "xls": ("extractor.readers.legacy", "read_xls"),
    "image": ("extractor.readers.ocr", "read_image"),
}
LIMITED = {"pdf", "image"}
_QUIET_LOGGERS = ("pdfminer",)  # what the libraries log of their repairs of damaged files (warnings)
_quiet = {"asked": False}


def quiet_library_logs() -> None:
    """Keep the loggers of the libraries behind the readers to errors from now on (the CLI: stderr is
    for its one line per failed file). They are set when a reader other than the text reader first
    runs, so that a text file's process never imports ``logging``."""
    _quiet["asked"] = True


def _quiet_loggers() -> None:
    import logging

    for name in _QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.ERROR)


def read(data: bytes, fmt: str, limits: Limits = DEFAULT_LIMITS, options: ReadOptions = DEFAULT_OPTIONS) -> RawDocument:
    try:
        module, function = READERS[fmt]
    except KeyError:
        raise UnsupportedFormatError(f"no reader for format {fmt!r}") from None
    if _quiet["asked"] and fmt != "txt":
        _quiet_loggers()
    reader = getattr(import_module(module), function)
    return reader(data, limits=limits, options=options) if fmt in LIMITED else reader(data)

"""Tell the format from the first bytes, never from the file name."""

from __future__ import annotations

import io
import zipfile

import regex

from extractor.errors import CorruptFileError, EncryptedFileError, UnsupportedFormatError

PDF_MAGIC = b"%PDF"
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# An HTML page: a doctype or one of the structural tags near the start (a text file that merely
# mentions "<" is not one). Matched on the raw bytes, so it works for any ASCII-compatible encoding.
_HTML_START = regex.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|meta|body)\b", regex.I | regex.S
)
_HTML_TABLE = regex.compile(rb"<table\b[^>]*>.*?<t[dh]\b", regex.I | regex.S)


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def sniff(data: bytes) -> str:
    """Return 'pdf', 'docx', 'xlsx', 'html', 'doc', 'xls' or 'txt'; raise a typed error otherwise."""
    head = data[:1024]
    if PDF_MAGIC in head:
        return "pdf"
    if data.startswith(ZIP_MAGIC):
        return _sniff_zip(data)
    if data.startswith(OLE_MAGIC):
        return _sniff_ole(data)
    if not data:
        raise CorruptFileError("empty file")
    start = data[:4096].removeprefix(b"\xef\xbb\xbf")
    if _HTML_START.match(start) or _HTML_TABLE.search(start):
        return "html"
    return "txt"


def _sniff_ole(data: bytes) -> str:
    """Legacy OLE compound file: a Word/WPS document, an Excel/ET workbook, or encrypted OOXML."""
    directory = data[:1 << 20]
    if _utf16("EncryptionInfo") in directory:
        raise EncryptedFileError("encrypted Office document (password protected)")
    if _utf16("WordDocument") in directory:
        return "doc"
    if _utf16("Workbook") in directory or _utf16("Book") in directory:
        return "xls"
    raise UnsupportedFormatError("OLE compound file that is neither a Word nor an Excel document")


def _sniff_zip(data: bytes) -> str:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, ValueError, EOFError) as exc:
        raise CorruptFileError(f"damaged ZIP package ({exc})") from exc
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    raise UnsupportedFormatError("ZIP archive that is neither a Word document nor an Excel workbook")

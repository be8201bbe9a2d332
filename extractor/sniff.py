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


def _ole_has_stream(data: bytes, name: str) -> bool:
    """Whether the OLE file has a directory entry for stream ``name``, anywhere in the file.

    The directory often sits at the end of a large file, and a stream name can also occur as text
    ("Book Title" is a Word style), so a real entry is required: 128-byte aligned, the UTF-16 name
    with its terminating NUL, its byte length at offset 0x40 and type 1 or 2 at offset 0x42.
    """
    needle = name.encode("utf-16-le") + b"\0\0"
    size = len(needle).to_bytes(2, "little")
    at = data.find(needle)
    while at != -1:
        if at % 128 == 0 and data[at + 0x40 : at + 0x42] == size and data[at + 0x42 : at + 0x43] in (b"\x01", b"\x02"):
            return True
        at = data.find(needle, at + 1)
    return False


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
    if _ole_has_stream(data, "EncryptionInfo"):
        raise EncryptedFileError("encrypted Office document (password protected)")
    if _ole_has_stream(data, "WordDocument"):
        return "doc"
    if _ole_has_stream(data, "Workbook") or _ole_has_stream(data, "Book"):
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

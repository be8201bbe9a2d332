"""Tell the format from the first bytes, never from the file name.

The name is only compared afterwards: a file whose extension claims another format than its content
(a .doc renamed .docx, a PDF saved as .txt) is read as its content, with a ``name_mismatch`` warning.
"""

from __future__ import annotations

from pathlib import PurePath

import regex

from extractor.errors import CorruptFileError, EncryptedFileError, UnsupportedFormatError
from extractor.limits import DEFAULT_LIMITS, Limits, open_zip, refuse_dtds
from extractor.rules.compiled import compile_rule

PDF_MAGIC = b"%PDF"
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# An HTML page: a doctype or one of the structural tags near the start (a text file that merely
# mentions "<" is not one). Matched on the raw bytes, so it works for any ASCII-compatible encoding.
# (Served from the rule cache, as the rules are: compiling the two costs 2 ms of every process.)
_HTML_START = compile_rule(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|meta|body)\b", regex.I | regex.S
)
_HTML_TABLE = compile_rule(rb"<table\b[^>]*>.*?<t[dh]\b", regex.I | regex.S)

# Extension → the format its content should sniff as. Extensions not listed claim nothing.
# WPS Office's own names (.wps, .et) are OLE files like .doc and .xls; macro-enabled OOXML reads as OOXML.
EXTENSIONS = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".docm": "docx",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".doc": "doc",
    ".wps": "doc",
    ".xls": "xls",
    ".et": "xls",
    ".html": "html",
    ".htm": "html",
    ".txt": "txt",
    ".csv": "txt",
    ".png": "image",
    ".jpg": "image",
    ".jpeg": "image",
    ".tif": "image",
    ".tiff": "image",
    ".bmp": "image",
    ".gif": "image",
    ".webp": "image",
}
FORMAT_NAMES = {
    "pdf": "a PDF",
    "docx": "a Word document (.docx)",
    "xlsx": "an Excel workbook (.xlsx)",
    "doc": "a legacy Word document (.doc)",
    "xls": "a legacy Excel workbook (.xls)",
    "html": "an HTML page",
    "txt": "plain text",
    "image": "an image",
}


def name_mismatch(path: str | None, fmt: str) -> str | None:
    """The warning message when the file's extension claims another format than ``fmt``, else None."""
    if not path:
        return None
    suffix = PurePath(path).suffix.lower()
    claimed = EXTENSIONS.get(suffix)
    if claimed is None or claimed == fmt:
        return None
    return f"named {suffix} ({FORMAT_NAMES[claimed]}) but the content is {FORMAT_NAMES[fmt]}: read as its content"


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


# Pictures, by the signature they start with: a scan saved as an image, read by OCR (readers/ocr.py).
_IMAGES = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"\x00\x00\x00\x0cjP  \r\n\x87\n", "JPEG 2000"),
)


def image_kind(data: bytes) -> str | None:
    """The picture format ``data`` starts with (PNG, JPEG, GIF, TIFF, BMP, WebP …), else None."""
    for magic, kind in _IMAGES:
        if data.startswith(magic):
            return kind
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return "WebP"
    # BMP's signature is only "BM": its header's reserved bytes (zero) and a known header size too.
    if (
        data.startswith(b"BM")
        and data[6:10] == b"\0\0\0\0"
        and data[14:18] in (b"\x0c\0\0\0", b"(\0\0\0", b"l\0\0\0", b"|\0\0\0")
    ):
        return "BMP"
    return None


def sniff(data: bytes, limits: Limits = DEFAULT_LIMITS) -> str:
    """Return 'pdf', 'docx', 'xlsx', 'html', 'doc', 'xls', 'image' or 'txt'; raise a typed error otherwise.

    A ZIP package is held to the ``limits`` on its members here, before any reader parses its XML.
    """
    if image_kind(data):
        return "image"
    head = data[:1024]
    if PDF_MAGIC in head:
        return "pdf"
    if data.startswith(ZIP_MAGIC):
        return _sniff_zip(data, limits)
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


def _sniff_zip(data: bytes, limits: Limits) -> str:
    archive = open_zip(data, limits)
    names = set(archive.namelist())
    for fmt, main_part in (("docx", "word/document.xml"), ("xlsx", "xl/workbook.xml")):
        if main_part in names:
            # OOXML forbids DTDs; they are where entity bombs and external entities live.
            refuse_dtds(archive)
            return fmt
    raise UnsupportedFormatError("ZIP archive that is neither a Word document nor an Excel workbook")

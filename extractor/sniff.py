"""Tell the format from the first bytes, never from the file name."""

from __future__ import annotations

import io
import zipfile

from extractor.errors import CorruptFileError, EncryptedFileError, UnsupportedFormatError

PDF_MAGIC = b"%PDF"
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff(data: bytes) -> str:
    """Return 'pdf', 'docx' or 'txt'; raise a typed error for what we cannot read."""
    head = data[:1024]
    if PDF_MAGIC in head:
        return "pdf"
    if data.startswith(ZIP_MAGIC):
        return _sniff_zip(data)
    if data.startswith(OLE_MAGIC):
        if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n\x00I\x00n\x00f\x00o" in data[:65536]:
            raise EncryptedFileError("encrypted Office document (password protected)")
        raise UnsupportedFormatError(
            "legacy OLE document (.doc/.xls/.wps/.et): convert it first, e.g. soffice --headless --convert-to docx FILE"
        )
    if not data:
        raise CorruptFileError("empty file")
    return "txt"


def _sniff_zip(data: bytes) -> str:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, ValueError, EOFError) as exc:
        raise CorruptFileError(f"damaged ZIP package ({exc})") from exc
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        raise UnsupportedFormatError("Excel workbook (.xlsx) is not supported yet")
    raise UnsupportedFormatError("ZIP archive that is not a Word document")

"""Bounds on what pdfminer's stream decoders may allocate, which pdfminer itself does not bound.

pdfminer inflates every stream whole (``zlib.decompress``), reads a damaged one byte by byte
with a quadratic ``bytes +=``, sizes a PNG predictor's row from the stream's ``/Columns`` before
looking at the data, and fills a ToUnicode CMap one entry per code of a ``bfrange``. A few hundred
bytes of PDF can so ask for gigabytes. It has no hook for limits, so :func:`install` replaces those
functions in its modules with bounded ones, once, for the whole process; the bound in force is
:data:`STREAM_LIMIT` (set per file by :func:`bounded`) and is enforced whoever calls pdfminer.

- A decoded stream over the limit raises :class:`TooLargeError` (``too_large``): FlateDecode and
  LZWDecode are inflated incrementally and stopped there, not after.
- A predictor whose row is longer than the stream's data is damage, not a picture: ``corrupt_file``.
- A CMap is held to ``MAX_CMAP_ENTRIES`` codes (a real one has at most 65,536 of a 2-byte space,
  or the CIDs of a character collection, ~30,000 for Adobe-GB1): past it, ``too_large``.
"""

from __future__ import annotations

import contextvars
import io
import re
import sys
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from types import SimpleNamespace
from typing import Any

from extractor.errors import CorruptFileError, TooLargeError
from extractor.limits import DEFAULT_LIMITS, MB

DEFAULT_STREAM_LIMIT = DEFAULT_LIMITS.max_stream_bytes
MAX_CMAP_ENTRIES = 1 << 18
STREAM_LIMIT: contextvars.ContextVar[int | None] = contextvars.ContextVar(
    "extractor_pdf_stream_limit", default=DEFAULT_STREAM_LIMIT
)
_installed = False


@contextmanager
def bounded(limit: int | None) -> Iterator[None]:
    """Decode this file's streams with at most ``limit`` bytes each (None: no limit). The bounded
    decoders are put in place if pdfminer is loaded (whoever loads it later calls :func:`install`)."""
    if "pdfminer.pdftypes" in sys.modules:
        install()
    token = STREAM_LIMIT.set(limit)
    try:
        yield
    finally:
        STREAM_LIMIT.reset(token)


def _too_large(what: str) -> TooLargeError:
    limit = STREAM_LIMIT.get() or 0
    return TooLargeError(
        f"a PDF {what} decodes to more than {limit / MB:g} MB (a decompression bomb?; raise it with --max-stream-size)"
    )


def _inflate(data: bytes) -> tuple[bytes, Any]:
    """Inflate ``data`` up to one byte past the stream limit; raise there. Returns the decompressor too."""
    limit = STREAM_LIMIT.get()
    decompressor = zlib.decompressobj()
    if limit is None:
        return decompressor.decompress(data), decompressor
    out = decompressor.decompress(data, limit + 1)  # stops producing at limit + 1 bytes
    if len(out) > limit:
        raise _too_large("stream")
    return out, decompressor


def inflate(data: bytes) -> bytes:
    """``zlib.decompress``, stopped at the stream limit."""
    out, decompressor = _inflate(data)
    if not decompressor.eof:
        raise zlib.error("Error -5 while decompressing data: incomplete or truncated stream")
    return out


def inflate_damaged(data: bytes) -> bytes:
    """What a deflate stream that ``zlib.decompress`` refused still holds, linear and bounded.

    pdfminer's own version feeds one byte at a time to ``bytes +=`` (quadratic in the output: a
    300 MB stream with a bad checksum runs for hours). Its rule is kept: a truncated stream gives
    what it holds; damage is tolerated only in the last 3 bytes (the checksum), and inflating all
    but those gives the same text, or the same error.
    """
    try:
        return _inflate(data)[0]
    except zlib.error:
        return _inflate(data[:-3])[0]


def lzw_decode(data: bytes) -> bytes:
    """pdfminer's LZW decoder, stopped at the stream limit (LZW expands up to ~4,000-fold)."""
    from pdfminer import lzw

    limit = STREAM_LIMIT.get()
    out = bytearray()
    for piece in lzw.LZWDecoder(io.BytesIO(data)).run():
        out += piece
        if limit is not None and len(out) > limit:
            raise _too_large("LZW stream")
    return bytes(out)


def _run_length(original: Any) -> Any:
    def run_length_decode(data: bytes) -> bytes:
        limit = STREAM_LIMIT.get()
        # A run of 128 bytes costs 2: the output is at most 64 times the input.
        if limit is not None and len(data) * 64 > limit and _run_length_size(data) > limit:
            raise _too_large("RunLength stream")
        result: bytes = original(data)
        return result

    return run_length_decode


def _run_length_size(data: bytes) -> int:
    """The decoded size of a RunLengthDecode stream, without decoding it."""
    size, i = 0, 0
    while i < len(data):
        length = data[i]
        if length == 128:
            break
        if length < 128:
            size += length + 1
            i += length + 2
        else:
            size += 257 - length
            i += 2
    return size


def _predictor(original: Any, *, png: bool) -> Any:
    def apply(*args: Any) -> bytes:
        # (pred,) colors, columns, bitspercomponent, data: a row longer than the data is damage.
        colors, columns, bits, data = args[-4:]
        row = colors * columns * bits // 8
        if colors < 1 or columns < 1 or bits < 1 or row > len(data) + 1:
            raise CorruptFileError(
                f"damaged PDF: a stream's {'PNG' if png else 'TIFF'} predictor has rows of {row} bytes "
                f"in {len(data)} bytes of data"
            )
        result: bytes = original(*args)
        return result

    return apply


def _counted(original: Any) -> Any:
    def add(self: Any, *args: Any) -> None:
        count = self.__dict__.get("_extractor_entries", 0) + 1
        if count > MAX_CMAP_ENTRIES:
            raise TooLargeError(
                f"a PDF font's character map has over {MAX_CMAP_ENTRIES:,} entries (real ones have at most ~65,000)"
            )
        self.__dict__["_extractor_entries"] = count
        original(self, *args)

    return add


def install() -> None:
    """Put the bounded decoders into pdfminer's modules (once per process)."""
    global _installed
    if _installed:
        return
    from pdfminer import cmapdb, pdftypes

    pdftypes.zlib = SimpleNamespace(  # type: ignore[assignment]
        decompress=inflate, decompressobj=zlib.decompressobj, error=zlib.error
    )
    pdftypes.decompress_corrupted = inflate_damaged
    pdftypes.lzwdecode = lzw_decode
    pdftypes.rldecode = _run_length(pdftypes.rldecode)
    pdftypes.apply_png_predictor = _predictor(pdftypes.apply_png_predictor, png=True)
    pdftypes.apply_tiff_predictor = _predictor(pdftypes.apply_tiff_predictor, png=False)
    for cmap_class, method in (
        (cmapdb.FileUnicodeMap, "add_cid2unichr"),
        (cmapdb.FileCMap, "add_code2cid"),
    ):
        setattr(cmap_class, method, _counted(getattr(cmap_class, method)))
    _installed = True


# A stream's data starts after "stream" and its end of line (PDF 7.3.8.1: CRLF or LF; CR alone seen too).
_STREAM_START = re.compile(rb"stream(?:\r\n|\n|\r)")
# Filters that expand their input many times over and that PDFium decodes without a bound we can set.
_UNBOUNDED_FILTERS = re.compile(rb"/(?:LZWDecode|RunLengthDecode|LZW|RL)\b")
_CHUNK = 1 << 20


def check_streams(data: bytes, limit: int | None) -> bool:
    """Before PDFium reads ``data``: every deflate stream inflated, chunk by chunk and dropped, to
    at most ``limit`` bytes each (over it: TooLargeError, as pdfminer's bounded decoders say).

    Returns whether the file names a filter PDFium would decode without a bound (LZW, RunLength):
    such a file is for pdfminer's bounded decoders. What does not inflate (not deflate data, or
    damaged) is left to the reader.
    """
    view = memoryview(data)
    for match in _STREAM_START.finditer(data):
        decompressor = zlib.decompressobj()
        produced = 0
        pending: bytes | memoryview = view[match.end() :]
        try:
            while pending:
                produced += len(decompressor.decompress(pending, _CHUNK))
                if limit is not None and produced > limit:
                    raise _too_large_for(limit, "stream")
                if decompressor.eof:
                    break
                pending = decompressor.unconsumed_tail
        except zlib.error:
            continue
    return _UNBOUNDED_FILTERS.search(data) is not None


def _too_large_for(limit: int, what: str) -> TooLargeError:
    return TooLargeError(
        f"a PDF {what} decodes to more than {limit / MB:g} MB (a decompression bomb?; raise it with --max-stream-size)"
    )

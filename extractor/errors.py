"""One exception tree. Every error a user can cause carries a stable ``code``.

The CLI prints ``extractor: FILE: message [code]`` and exits non-zero; the library raises.
"""

from __future__ import annotations

import unicodedata

import regex

# Any run of whitespace holding a line break (every Unicode one: \r, \v, \f, U+0085, U+2028 …).
_BREAKING_SPACE = regex.compile(r"\s*[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]\s*")


def one_line(text: str) -> str:
    """``text`` on one line: a library's multi-line message (openpyxl, lxml) joined with spaces."""
    return _BREAKING_SPACE.sub(" ", text).strip()


def printable_path(path: str) -> str:
    """A file name safe to print on one line: control and line-separator characters escaped (\\n, \\x85)."""
    if all(unicodedata.category(ch)[0] != "C" and ch not in "\u2028\u2029" for ch in path):
        return path
    out = []
    for ch in path:
        if unicodedata.category(ch)[0] == "C" or ch in "\u2028\u2029":
            out.append(ch.encode("unicode_escape").decode("ascii"))
        else:
            out.append(ch)
    return "".join(out)


class ExtractorError(Exception):
    """Root of every error caused by the input rather than by a bug in extractor.

    The message is always one line, whatever a format library put in it.
    """

    code = "error"

    def __init__(self, message: str, *, path: str | None = None) -> None:
        message = one_line(message)
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return self.message


class UnsupportedFormatError(ExtractorError):
    code = "unsupported_format"


class CorruptFileError(ExtractorError):
    code = "corrupt_file"


class EncodingError(ExtractorError):
    code = "undecodable_text"


class EncryptedFileError(ExtractorError):
    code = "encrypted"


class NoTextLayerError(ExtractorError):
    code = "no_text_layer"


class OcrUnavailableError(ExtractorError):
    """A scan or a picture needs OCR, and the optional ``ocr`` extra is not installed."""

    code = "ocr_unavailable"


class NoTableError(ExtractorError):
    code = "no_table"


class TooLargeError(ExtractorError):
    code = "too_large"


class NotFoundError(ExtractorError):
    """The path does not exist (or is a broken or looping symbolic link)."""

    code = "not_found"


class NotAFileError(ExtractorError):
    """The path is a directory, a FIFO, a device or a socket: nothing to read as one document."""

    code = "not_a_file"


class ConversionError(ExtractorError):
    code = "conversion_failed"


class ParseTimeoutError(ExtractorError):
    """The file took longer than the time limit (``Limits.seconds``, ``--timeout``)."""

    code = "timeout"


class InternalError(ExtractorError):
    """Not raised by the library: the CLI's record for a bug in extractor (any other exception)."""

    code = "internal_error"


ERROR_CODES: dict[str, type[ExtractorError]] = {
    cls.code: cls
    for cls in (
        ExtractorError,
        UnsupportedFormatError,
        CorruptFileError,
        EncodingError,
        EncryptedFileError,
        NoTextLayerError,
        OcrUnavailableError,
        NoTableError,
        TooLargeError,
        NotFoundError,
        NotAFileError,
        ConversionError,
        ParseTimeoutError,
        InternalError,
    )
}

"""One exception tree. Every error a user can cause carries a stable ``code``.

The CLI prints ``extractor: FILE: message [code]`` and exits non-zero; the library raises.
"""

from __future__ import annotations


class ExtractorError(Exception):
    """Root of every error caused by the input rather than by a bug in extractor."""

    code = "error"

    def __init__(self, message: str, *, path: str | None = None) -> None:
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


class NoTableError(ExtractorError):
    code = "no_table"


class TooLargeError(ExtractorError):
    code = "too_large"


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
        NoTableError,
        TooLargeError,
        ConversionError,
        ParseTimeoutError,
        InternalError,
    )
}

"""Plain text: decode (any common encoding), then find the table in the lines.

The reader only decodes: each line becomes a paragraph. The layouts a table takes as text (the
seed's tab-led cells, tab-separated rows, pipe tables, a web table copied one cell per line,
numbered prose …) are the layout stage's to find (``extractor.layout``).
"""

from __future__ import annotations

import codecs
from functools import cache

import regex
from charset_normalizer import from_bytes

from extractor.errors import EncodingError
from extractor.readers.raw import Paragraph, RawDocument, RawWarning
from extractor.rules.data import load

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Legacy encodings tried after UTF-8, in this order of likelihood for our documents.
_LEGACY = ("gb18030", "big5")
_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A text with a few bad bytes (a damaged download, one mistyped character) is read with U+FFFD in
# their place and a warning, rather than refused: at most this share of its characters replaced,
# and, read as GB18030, its Chinese mostly common characters (random bytes are rarely valid UTF-8
# but often valid GB18030, as rare characters).
_SALVAGE_SHARE = 0.005
_SALVAGE_COMMON = 0.5


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding). UTF-8 first, then BOM-marked UTF-16/32, then GB18030 or Big5."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise EncodingError(f"invalid {encoding} text ({exc.reason})") from exc
    if b"\x00" in data[:4096]:
        raise EncodingError("binary content, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    readings = {enc: text for enc in _LEGACY if (text := _decoded(data, enc)) is not None}
    if len(readings) > 1:
        # Both codecs accept the bytes. The right one reads as common Chinese; the wrong one as
        # rare characters (GBK "完成情况" read as Big5 is "俇傖①錶"). Ties go to charset-normalizer,
        # then to GB18030, the likelier for mainland documents.
        scores = {enc: _commonness(text) for enc, text in readings.items()}
        best_score = max(scores.values())
        leaders = [enc for enc in _LEGACY if scores.get(enc) == best_score]
        if len(leaders) > 1:
            guess = from_bytes(data, cp_isolation=leaders).best()
            leaders = [guess.encoding] if guess is not None and guess.encoding in leaders else leaders
        readings = {leaders[0]: readings[leaders[0]]}
    for encoding, text in readings.items():
        return text, encoding
    raise EncodingError("not UTF-8, UTF-16, GB18030 or Big5 text")


def _decoded(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


@cache
def _frequent() -> frozenset[str]:
    return frozenset(regex.sub(r"\s", "", load("text")["frequent_hanzi"]))


def _commonness(text: str) -> float:
    """Share of the text's CJK characters that are frequent ones (either script)."""
    han = [ch for ch in text if "\u3400" <= ch <= "\u9fff"]
    if not han:
        return 0.0
    frequent = _frequent()
    return sum(ch in frequent for ch in han) / len(han)


def _salvage(data: bytes) -> tuple[str, str, int] | None:
    """(text, encoding, replaced) for a text that is UTF-8 or GB18030 but for a few bad bytes."""
    if b"\x00" in data:
        return None
    best: tuple[str, str, int] | None = None
    for encoding in ("utf-8", "gb18030"):
        text = data.decode(encoding, errors="replace")
        replaced = text.count("\ufffd") - data.count("\ufffd".encode(encoding))
        if best is None or replaced < best[2]:
            best = (text, encoding, replaced)
    assert best is not None
    text, encoding, replaced = best
    if replaced > max(1, len(text) * _SALVAGE_SHARE):
        return None
    if encoding == "gb18030" and _commonness(text) < _SALVAGE_COMMON:
        return None
    return best


def read_text(data: bytes) -> RawDocument:
    warnings: list[RawWarning] = []
    try:
        text, encoding = decode(data)
    except EncodingError:
        salvaged = _salvage(data)
        if salvaged is None:
            raise
        text, encoding, replaced = salvaged
        message = f"{replaced} invalid {encoding} byte sequence(s) replaced with U+FFFD"
        warnings.append(RawWarning("encoding_errors", message))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    cleaned = _CONTROL.sub("", text)
    if len(cleaned) != len(text):
        warnings.append(
            RawWarning("control_characters_removed", f"{len(text) - len(cleaned)} control characters removed")
        )
    # One paragraph per line, blank lines included: where the cells are is the layout stage's job.
    blocks = [Paragraph(line) for line in cleaned.split("\n")]
    return RawDocument(format="txt", blocks=list(blocks), encoding=encoding, warnings=warnings)

"""Plain text: decode (any common encoding), then find the table in the lines.

The reader only decodes: each line becomes a paragraph. The layouts a table takes as text (the
seed's tab-led cells, tab-separated rows, pipe tables, a web table copied one cell per line,
numbered prose …) are the layout stage's to find (``extractor.layout``).
"""

from __future__ import annotations

import codecs
from functools import cache

import regex

from extractor.errors import EncodingError, TooLargeError
from extractor.limits import MAX_LAYOUT_LINES
from extractor.readers.raw import Paragraph, RawDocument, RawWarning
from extractor.rules.compiled import compile_rule
from extractor.rules.data import load
from extractor.textnorm import LINE_BREAK

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Legacy encodings tried after UTF-8, in this order of likelihood for our documents.
_LEGACY = ("gb18030", "big5")
_PAGE_BREAK = compile_rule(r"(?:\r\n|[\n\r])?\f(?:\r\n|[\n\r])?")
_CONTROL = compile_rule(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A text with a few bad bytes (a damaged download, one mistyped character) is read with U+FFFD in
# their place and a warning, rather than refused: at most this share of its characters replaced,
# and, read as GB18030, its Chinese mostly common characters (random bytes are rarely valid UTF-8
# but often valid GB18030, as rare characters).
_SALVAGE_SHARE = 0.005
_SALVAGE_COMMON = 0.5
# A change between GB18030 and Big5: lines of at least this many CJK characters vote, by at least
# this margin of common characters, and at least this many after the cut.
_SWITCH_HAN = 4
_SWITCH_MARGIN = 0.3
_SWITCH_VOTES = 3
_VOTE_CHARS = 500


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
            # imported for this tie alone: charset-normalizer's import costs a text file ~30 ms
            from charset_normalizer import from_bytes

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


def _switched(data: bytes) -> tuple[str, str, str] | None:
    """(text, encoding, warning) for a file whose encoding changes part-way (two files joined), else None.

    UTF-16 (with its BOM) then 8-bit text: UTF-16 decodes almost any bytes, so the tail would be
    read as rare characters; it starts after the last UTF-16 line break and is taken when it reads
    as common Chinese in UTF-8, GB18030 or Big5. UTF-8 then GB18030/Big5: strict UTF-8 fails
    where the second part starts; from the line it fails on, the rest must read as common Chinese.
    """
    for bom, newline in ((codecs.BOM_UTF16_LE, b"\n\0"), (codecs.BOM_UTF16_BE, b"\0\n")):
        if data.startswith(bom) and not data.startswith(codecs.BOM_UTF32_LE):
            at = data.rfind(newline)
            while at > 0 and at % 2:  # a line break is a whole code unit
                at = data.rfind(newline, 0, at)
            if at <= 0:
                return None
            cut = at + 2
            tail = _common_reading(data[cut:], ("utf-8", *_LEGACY))
            head = _decoded(data[:cut], "utf-16")
            # The tail must be 8-bit lines: no NUL (ASCII in UTF-16 has them) and a line break.
            if tail is None or head is None or b"\0" in data[cut:] or b"\n" not in data[cut:]:
                return None
            return head + tail[0], "utf-16", _switch_message(cut, "UTF-16", tail[1])
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)) or b"\x00" in data[:4096]:
        return None
    try:
        data.decode("utf-8")
        return None
    except UnicodeDecodeError as exc:
        cut = data.rfind(b"\n", 0, exc.start) + 1
    head = data[:cut]
    if not head or head.isascii():  # nothing shows the first part was UTF-8 rather than the second's
        return None
    tail = _common_reading(data[cut:], _LEGACY)
    if tail is None:
        return None
    return head.decode("utf-8") + tail[0], "utf-8", _switch_message(cut, "UTF-8", tail[1])


def _legacy_switch(data: bytes, encoding: str) -> tuple[str, str] | None:
    """(text, warning) when a GB18030 text goes on in Big5 (or the reverse) from some line on.

    Either codec decodes most of the other's bytes, as rare characters, so the whole file read as
    one is wrong after the cut without an error. Each line with Chinese votes for the codec it
    reads as common Chinese in (by a clear margin); the cut is taken when every vote before it is
    for one codec and at least ``_SWITCH_VOTES`` after it, all, for the other.
    """
    if data.count(b"\n") >= MAX_LAYOUT_LINES:
        return None  # refused for its length right after: no vote worth its cost
    other = "big5" if encoding == "gb18030" else "gb18030"
    lines = data.split(b"\n")
    votes: list[int] = []
    for line in lines:
        mine, theirs = _decoded(line, encoding), _decoded(line, other)
        han = sum("\u3400" <= ch <= "\u9fff" for ch in mine or theirs or "")
        if han < _SWITCH_HAN:
            votes.append(0)
            continue
        # The line's head is enough to vote on (and keeps a 50 MB line from costing seconds).
        ours = _commonness(mine[:_VOTE_CHARS]) if mine is not None else 0.0
        their = _commonness(theirs[:_VOTE_CHARS]) if theirs is not None else 0.0
        votes.append(1 if ours - their > _SWITCH_MARGIN else -1 if their - ours > _SWITCH_MARGIN else 0)
    if -1 not in votes or 1 not in votes:
        return None
    first_other = votes.index(-1)
    if 1 in votes[first_other:] or votes.count(-1) < _SWITCH_VOTES:
        return None
    cut = sum(len(line) + 1 for line in lines[:first_other])
    head, tail = _decoded(data[:cut], encoding), _decoded(data[cut:], other)
    if head is None or tail is None:
        return None
    return head + tail, _switch_message(cut, encoding.upper(), other)


def _common_reading(data: bytes, encodings: tuple[str, ...]) -> tuple[str, str] | None:
    """The first strict reading of ``data`` that is mostly common Chinese, with its encoding."""
    for encoding in encodings:
        text = _decoded(data, encoding)
        if text is not None and _commonness(text) >= _SALVAGE_COMMON:
            return text, encoding
    return None


def _switch_message(offset: int, first: str, second: str) -> str:
    return f"the encoding changes at byte {offset}: {first} before, {second.upper()} after (read as such)"


def read_text(data: bytes) -> RawDocument:
    warnings: list[RawWarning] = []
    switched = _switched(data)
    try:
        if switched is not None:
            text, encoding, message = switched
            warnings.append(RawWarning("encoding_changed", message))
        else:
            text, encoding = decode(data)
            legacy = _legacy_switch(data, encoding) if encoding in _LEGACY else None
            if legacy is not None:
                text, message = legacy
                warnings.append(RawWarning("encoding_changed", message))
    except EncodingError:
        salvaged = _salvage(data)
        if salvaged is None:
            raise
        text, encoding, replaced = salvaged
        message = f"{replaced} invalid {encoding} byte sequence(s) replaced with U+FFFD"
        warnings.append(RawWarning("encoding_errors", message))
    # Every Unicode line break ends a line (U+2028, NEL, Word's \v); a form feed between pages
    # is one line break with the line breaks around it.
    text = LINE_BREAK.sub("\n", _PAGE_BREAK.sub("\n", text))
    cleaned = _CONTROL.sub("", text)
    if len(cleaned) != len(text):
        warnings.append(
            RawWarning("control_characters_removed", f"{len(text) - len(cleaned)} control characters removed")
        )
    lines = cleaned.count("\n") + 1
    if lines > MAX_LAYOUT_LINES:  # before a Paragraph is made for each (5 million of them took 1 GB)
        raise TooLargeError(f"text of {lines:,} lines, over the {MAX_LAYOUT_LINES:,} a table read from text may have")
    # One paragraph per line, blank lines included: where the cells are is the layout stage's job.
    blocks = [Paragraph(line) for line in cleaned.split("\n")]
    return RawDocument(format="txt", blocks=list(blocks), encoding=encoding, warnings=warnings)

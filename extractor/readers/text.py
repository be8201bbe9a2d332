"""Plain text: decode (any common encoding), then recognise the table layout.

Layouts recognised (see ``_split_blocks``):
- the seed's: each cell a line led by a tab, a blank line between rows;
- tab-separated rows: one row a line, cells separated by tabs;
- pipe tables: ``序号 | 项目内容 | … |`` with optional ``---|---`` separator lines.
Lines outside a table become paragraphs (attachment label, title, notes).
"""

from __future__ import annotations

import codecs
from functools import cache

import regex
from charset_normalizer import from_bytes

from extractor.errors import EncodingError
from extractor.readers.raw import Paragraph, RawCell, RawDocument, RawRow, RawTable, RawWarning
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
_PIPE_SEPARATOR = regex.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


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


def read_text(data: bytes) -> RawDocument:
    text, encoding = decode(data)
    warnings: list[RawWarning] = []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    cleaned = _CONTROL.sub("", text)
    if len(cleaned) != len(text):
        warnings.append(
            RawWarning("control_characters_removed", f"{len(text) - len(cleaned)} control characters removed")
        )
    return RawDocument(format="txt", blocks=_split_blocks(cleaned), encoding=encoding, warnings=warnings)


def _split_blocks(text: str) -> list[Paragraph | RawTable]:
    lines = text.split("\n")
    blocks: list[Paragraph | RawTable] = []
    rows: list[RawRow] = []

    def flush_table() -> None:
        if rows:
            blocks.append(RawTable(rows=list(rows)))
            rows.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip() and not line.startswith("\t"):
            # A blank line ends a pipe or tab-separated table, not a seed-layout one.
            if rows and not _next_is_seed_row(lines, i):
                flush_table()
            i += 1
            continue
        if line.startswith("\t") and "\t" not in line[1:].rstrip("\t "):
            # Seed layout: a tab-led line per cell until a blank line; an untabbed line inside
            # the group continues the cell above it (a line break inside the cell).
            cells: list[str] = []
            # A line holding only the tab is an empty cell, not the blank line between rows.
            while i < len(lines) and (lines[i].strip() or lines[i].startswith("\t")):
                if lines[i].startswith("\t") or not cells:
                    cells.append(lines[i][1:] if lines[i].startswith("\t") else lines[i])
                else:
                    cells[-1] += "\n" + lines[i]
                i += 1
            rows.append(RawRow([RawCell(_trim(c)) for c in cells]))
            continue
        if _is_pipe_row(line):
            if not _PIPE_SEPARATOR.match(line):
                rows.append(RawRow([RawCell(_trim(c)) for c in _pipe_cells(line)]))
            i += 1
            continue
        if line.count("\t") >= 2 or line.strip("\t ").count("\t") >= 1:
            rows.append(RawRow([RawCell(_trim(c)) for c in line.strip("\n").split("\t")]))
            i += 1
            continue
        flush_table()
        blocks.append(Paragraph(_trim(line)))
        i += 1
    flush_table()
    return blocks


def _next_is_seed_row(lines: list[str], i: int) -> bool:
    while i < len(lines) and not lines[i].strip():
        i += 1
    return i < len(lines) and lines[i].startswith("\t")


def _is_pipe_row(line: str) -> bool:
    return line.count("|") >= 2 or bool(_PIPE_SEPARATOR.match(line) and "|" in line)


def _pipe_cells(line: str) -> list[str]:
    stripped = line.strip()
    if stripped.startswith("|"):
        stripped = stripped[1:]
    if stripped.endswith("|"):
        stripped = stripped[:-1]
    return stripped.split("|")


def _trim(cell: str) -> str:
    return cell.strip(" \t\n\u3000\xa0")

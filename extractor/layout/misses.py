"""What came closest to a table, for a ``no_table`` message and ``--explain``."""

from __future__ import annotations

import regex

from extractor.headers import field_for_header, is_header_row, parse_seq, reads_as_header
from extractor.textnorm import match_key

PREVIEW_CHARS = 40
PROSE_LINE = 30  # a line this long that ends a sentence or has two clauses or more is prose, no header
PROSE_NOTE = (
    "prose with no items that report progress (一是/其一/(1) run-in items, a title or a project's name "
    "before its report, 【任务】/【工作进度】 labels)"
)


def near_misses(lines: list[str], limit: int = 3) -> list[str]:
    """The lines that come closest to a header, and what each lacks, for a no_table message. A
    paragraph of prose is no header that lacks a field: when the text is prose, its first paragraph
    is named as such (news.py found no items in it)."""
    scored = []
    prose = [line for line in lines if _prose(line)]
    for line in lines:
        cells = [c for c in _cells(line) if c]
        if not cells or len(line) > 200 or _prose(line):
            continue
        named = {f for c in cells if (f := field_for_header(c) or reads_as_header(c))}
        if not named:
            continue
        lacks = []
        if not named & {"task", "progress"}:
            lacks.append("no task or progress column")
        if len(named) < 2:
            lacks.append("names only one field")
        if any(parse_seq(c) is not None for c in cells):
            lacks.append("holds a number (a data row?)")
        if is_header_row(cells):
            lacks.append("no rows under it")
        scored.append((len(named), f"{_short(line)!r}: {', '.join(lacks) or 'no rows under it'}"))
    scored.sort(key=lambda s: -s[0])
    closest = [text for _, text in scored[:limit]]
    if prose and len(closest) < limit:
        closest.append(f"{_short(prose[0])!r}: {PROSE_NOTE}")
    return closest


def _prose(line: str) -> bool:
    return len(line.strip()) >= PROSE_LINE and (
        bool(regex.search(r"[。！？]", line)) or len(regex.findall(r"[；;，,]", line)) >= 2
    )


def _cells(line: str) -> list[str]:
    parts = regex.split(r"\s*[|｜\t]\s*|\s{2,}|\u3000", line.strip())
    if len(parts) == 1:
        parts = line.split()
    return [p for p in parts if match_key(p)]


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= PREVIEW_CHARS else flat[: PREVIEW_CHARS - 1] + "…"

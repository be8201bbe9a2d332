"""Why a file was read the way it was: the layout candidates, their evidence, the header reading.

``explain(source)`` reads a file as ``parse`` does, up to the tables, and keeps what the stages
decided on the way; ``format_explanation`` turns that into the text ``extractor parse --explain``
prints. For a file with no table it names the lines that came closest and what they lacked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from extractor.headers import header_candidates
from extractor.layout import Candidate, LayoutChoice
from extractor.layout.misses import near_misses
from extractor.limits import DEFAULT_LIMITS, Limits
from extractor.options import DEFAULT_OPTIONS, ReadOptions
from extractor.pipeline import PathOrBytes, document_lines, find_structure
from extractor.readers import read
from extractor.sniff import sniff
from extractor.table import AssembledTable

PREVIEW_ROWS = 3
PREVIEW_CHARS = 40


@dataclass(slots=True)
class ColumnReading:
    header: str
    field: str | None
    claims: list[tuple[str, float]]  # every field the header claims, strongest first


@dataclass(slots=True)
class TableReading:
    title: str | None
    layout: str | None
    columns: list[ColumnReading]
    rows: list[list[str]]  # the first rows' cells, shortened
    row_count: int


@dataclass(slots=True)
class Explanation:
    path: str | None
    format: str
    structure: str  # "file" (the file's own tables) or "text" (the layout stage)
    choice: LayoutChoice | None
    tables: list[TableReading] = field(default_factory=list)
    near_misses: list[str] = field(default_factory=list)  # when no table: closest lines and what they lack


def explain(source: PathOrBytes, limits: Limits | None = None, options: ReadOptions | None = None) -> Explanation:
    limits = limits or DEFAULT_LIMITS
    path = None
    if isinstance(source, bytes | bytearray):
        data = bytes(source)
    else:
        path = str(source)
        data = Path(source).read_bytes()
    fmt = sniff(data, limits)
    raw = read(data, fmt, limits, options or DEFAULT_OPTIONS)
    _, assembly, choice = find_structure(raw)
    explanation = Explanation(path, fmt, "file" if choice is None else "text", choice)
    explanation.tables = [_table_reading(t) for t in assembly.tables]
    if not assembly.tables:
        explanation.near_misses = near_misses([line.text for line in document_lines(raw)])
    return explanation


def _table_reading(table: AssembledTable) -> TableReading:
    columns = [ColumnReading(c.header, c.field, header_candidates(c.header, morphemes=True)[:3]) for c in table.columns]
    rows = [[_short(t) for t in row.texts] for row in table.rows[:PREVIEW_ROWS]]
    return TableReading(table.title, table.layout, columns, rows, len(table.rows))


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= PREVIEW_CHARS else flat[: PREVIEW_CHARS - 1] + "…"


def format_explanation(explanation: Explanation) -> str:
    out = [f"file: {explanation.path or '<bytes>'}  format: {explanation.format}"]
    if explanation.structure == "file":
        out.append("tables: from the file's own structure (its tables); the text layouts were not needed")
    else:
        choice = explanation.choice
        assert choice is not None
        out.append("tables: from the text's layout; candidates (score = evidence weighed):")
        for candidate in sorted(choice.candidates, key=lambda c: -c.score):
            mark = "→" if candidate.blocks is choice.blocks else " "  # (two readings may share a name)
            name = f"{candidate.name} ({candidate.reading})" if candidate.reading else candidate.name
            out.append(f"  {mark} {name:<8} score {candidate.score:5.3f}  {_evidence(candidate)}")
        if choice.layout:
            out.append(f"  chosen: {choice.layout} (confidence {choice.confidence:.3f})")
    for index, table in enumerate(explanation.tables):
        out.append(f"table {index + 1}: {table.title or '(no title)'}  [{table.layout}]  {table.row_count} rows")
        for column in table.columns:
            claims = ", ".join(f"{name} {strength:.1f}" for name, strength in column.claims) or "no meaning"
            out.append(f"  {column.header!r:<24} → {column.field or '(kept under its header)':<14} claims: {claims}")
        for row in table.rows:
            out.append("  | " + " | ".join(row))
    if not explanation.tables:
        out.append("no table found. Closest lines:" if explanation.near_misses else "no table found.")
        out.extend(f"  {line}" for line in explanation.near_misses)
    return "\n".join(out) + "\n"


def _evidence(candidate: Candidate) -> str:
    evidence = candidate.evidence
    parts = evidence.as_dict()
    return f"rows {evidence.rows:<4} " + " ".join(f"{k} {v:.2f}" for k, v in parts.items() if k != "rows")

"""How table-like a segmentation is, read back through the table stage.

A proposal is scored by what the table stage makes of it, so every proposer is judged by one
yardstick whatever its own idea of a table:

- ``placed``: the share of the document's characters that end up in a table's rows;
- ``header``: how much of the reading the header explains: the core fields it names (task,
  progress, units) and the share of its columns with a recognised meaning;
- ``continuity``: the share of rows whose 序号 follows the row before (or starts again at 1);
- ``fit``: the share of cells whose content suits their column (a number under 序号, unit names
  under 牵头单位, text under the task and the progress);
- ``rows``: how many rows were read (a small prior: more rows of the same quality is better).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from extractor.headers import looks_like_units, parse_seq
from extractor.layout.base import Block
from extractor.readers.raw import Paragraph, RawDocument, RawTable

WEIGHTS = {"placed": 1.0, "header": 0.6, "continuity": 0.6, "fit": 0.6, "rows": 0.2}
CORE = ("task", "progress", "lead_units")


@dataclass(slots=True)
class Evidence:
    rows: int = 0
    placed: float = 0.0
    header: float = 0.0
    continuity: float = 0.0
    fit: float = 0.0

    @property
    def score(self) -> float:
        if not self.rows:
            return 0.0
        parts = self.as_dict()
        return round(sum(WEIGHTS[k] * parts[k] for k in WEIGHTS), 4)

    def as_dict(self) -> dict[str, float]:
        return {
            "placed": self.placed,
            "header": self.header,
            "continuity": self.continuity,
            "fit": self.fit,
            "rows": 1 - 1 / (1 + math.log1p(self.rows)),
        }


def _chars(text: str | None) -> int:
    return sum(1 for ch in text or "" if not ch.isspace())


def weigh(blocks: list[Block]) -> Evidence:
    from extractor.table import assemble  # the table stage reads the proposal

    total = sum(_chars(b.text) for b in blocks if isinstance(b, Paragraph))
    total += sum(_chars(c.text) for b in blocks if isinstance(b, RawTable) for r in b.rows for c in r.cells)
    assembly = assemble(RawDocument(format="txt", blocks=blocks))
    rows = [(t, r) for t in assembly.tables for r in t.rows]
    if not rows or not total:
        return Evidence()
    placed = sum(_chars(text) for _, r in rows for text in r.texts)
    placed += sum(_chars(c.header) for t in assembly.tables for c in t.columns)
    header = 0.0
    continuity_hits = continuity_pairs = 0
    fit_hits = fit_cells = 0
    for table in assembly.tables:
        fields = {c.field for c in table.columns if c.field}
        known = sum(1 for c in table.columns if c.field) / len(table.columns)
        core = sum(1 for f in CORE if f in fields) / len(CORE)
        header += (0.7 * core + 0.3 * known) * len(table.rows)
        seq_column = table.column_of("seq")
        previous: int | None = None
        for row in table.rows:
            if seq_column is not None:
                seq = parse_seq(row.texts[seq_column])
                if previous is not None:
                    continuity_pairs += 1
                    continuity_hits += seq is not None and (seq == previous + 1 or seq == 1)
                previous = seq if seq is not None else previous
            for column, text in zip(table.columns, row.texts, strict=True):
                verdict = _fits(column.field, text)
                if verdict is not None:
                    fit_cells += 1
                    fit_hits += verdict
    return Evidence(
        rows=len(rows),
        placed=min(1.0, placed / total),
        header=header / len(rows),
        continuity=continuity_hits / continuity_pairs if continuity_pairs else 0.5,
        fit=fit_hits / fit_cells if fit_cells else 0.0,
    )


def _fits(field: str | None, text: str) -> bool | None:
    """Whether a cell's text suits its column; None for a column that says nothing."""
    text = text.strip()
    if field == "seq":
        return parse_seq(text) is not None
    if field in ("lead_units", "partner_units"):
        return not text or looks_like_units(text)
    if field in ("task", "progress"):
        return len(text) >= 2 and parse_seq(text) is None
    return None

"""How table-like a segmentation is, read back through the table stage.

A proposal is scored by what the table stage makes of it, so every proposer is judged by one
yardstick whatever its own idea of a table:

- ``placed``: the share of the document's characters that end up in a table's rows;
- ``header``: how much of the reading the header explains: the core fields it names (task,
  progress, units) and the share of its columns with a recognised meaning;
- ``continuity``: the share of rows whose 序号 follows the row before (or starts again at 1);
- ``fit``: the share of cells whose content suits their column (a number under 序号, unit names
  under 牵头单位, text under the task and the progress);
- ``consistency``: the share of each column's cells of its commonest kind of content (numbers,
  unit names, dates, sentences …, ``aligned.classify``): a reading that cuts cells in the wrong
  places mixes kinds within a column;
- ``coverage``: the share of the core columns' cells (task, progress, units) that hold text: a
  reading that leaves all of a row in one cell leaves the others empty;
- ``rows``: how many rows were read (a small prior: more rows of the same quality is better);
- ``granularity``: rows relative to the candidate that read the most (set by the layout stage,
  which sees every candidate): a reading that swallows rows into one cell reads fewer.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from extractor.headers import is_header_row, looks_like_units, parse_seq
from extractor.layout.base import SENTENCE, Block
from extractor.layout.classes import classify
from extractor.readers.raw import Paragraph, RawDocument, RawTable
from extractor.rules.compiled import compile_rule

WEIGHTS = {
    "placed": 1.0,
    "header": 0.6,
    "continuity": 0.6,
    "fit": 0.6,
    "consistency": 1.0,
    "coverage": 0.8,
    "rows": 0.2,
    "granularity": 0.5,
}
CORE = ("task", "progress", "lead_units")
CONCLUSIVE_ROWS = 50  # below this a reading can look perfect by chance
PROSE_HEADER = 0.3  # the header evidence of a made-up header (numbered prose has none written)
# Content classes grouped into the kinds a column keeps to: a target column mixes "6%以上", "3家"
# and "与市保持同步" and is still one kind of column.
KIND = {
    "seq": "seq",
    "number": "quantity",
    "percent": "quantity",
    "figure": "quantity",
    "status": "short",
    "measure": "measure",
    "report": "prose",
    "short": "short",
    "date": "date",
    "unit": "unit",
    "person": "person",
    "prose": "prose",
}


@dataclass(slots=True)
class Evidence:
    rows: int = 0
    placed: float = 0.0
    header: float = 0.0
    continuity: float = 0.0
    fit: float = 0.0
    consistency: float = 0.0
    coverage: float = 0.0
    granularity: float = 1.0

    @property
    def conclusive(self) -> bool:
        """Evidence no other reading can beat: many rows, all of the text placed, every 序号 in
        sequence, every cell fitting its column and every core column filled."""
        return (
            self.rows >= CONCLUSIVE_ROWS
            and self.placed >= 0.95
            and self.continuity >= 0.99
            and self.fit >= 0.99
            and self.consistency >= 0.9
            and self.coverage >= 0.99
        )

    @property
    def good_rows(self) -> float:
        """Rows in their 序号 sequence (all rows when there is no 序号 to follow)."""
        return self.rows * self.continuity

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
            "consistency": self.consistency,
            "coverage": self.coverage,
            "rows": 1 - 1 / (1 + math.log1p(self.rows)),
            "granularity": self.granularity,
        }


def _chars(text: str | None) -> int:
    return len("".join(text.split())) if text else 0  # str.split() splits exactly where isspace() holds


def weigh(blocks: list[Block], total: int) -> Evidence:
    """The evidence for one proposal; ``total`` is the document's characters (not the proposal's:
    text a proposal drops counts against it). The text before the proposal's first table (a
    preamble, a report's narrative before its attached table) is left out of ``placed``: a table
    is judged by the text from where it starts."""
    from extractor.table import assemble  # the table stage reads the proposal

    tables = [k for k, b in enumerate(blocks) if isinstance(b, RawTable)]
    first = next((k for k in tables if _has_header(blocks[k])), tables[0] if tables else len(blocks))  # type: ignore[arg-type]
    total -= sum(_chars(b.text) for b in blocks[:first] if isinstance(b, Paragraph))
    total -= sum(_chars(c.text) for b in blocks[:first] if isinstance(b, RawTable) for r in b.rows for c in r.cells)

    assembly = assemble(RawDocument(format="txt", blocks=blocks))
    rows = [(t, r) for t in assembly.tables for r in t.rows]
    if not rows or not total:
        return Evidence()
    placed = sum(_chars(text) for _, r in rows for text in r.texts)
    placed += sum(_chars(c.header) for t in assembly.tables for c in t.columns)
    # Titles and section headings are the table's too (each written once).
    placed += sum(_chars(t.title) for t in assembly.tables)
    # (a "heading" of sentences is a row the reading failed to open: its text is not placed)
    placed += sum(_chars(section) for section in {r.section for _, r in rows if r.section} if _heading_like(section))
    header = 0.0
    continuity_hits = continuity_pairs = 0
    fit_hits = fit_cells = 0
    consistent = filled = 0
    covered = core_cells = 0
    for table in assembly.tables:
        for name in CORE:
            position = table.column_of(name)
            if position is not None:
                core_cells += len(table.rows)
                covered += sum(1 for row in table.rows if row.texts[position].strip())
        for position in range(len(table.columns)):
            # A small whole number outside the 序号 column is a count ("469" under 完成目标(%)).
            numbers_here = table.columns[position].field != "seq"
            classes = Counter(
                "quantity" if numbers_here and kind == "seq" else kind
                for kind in (
                    KIND.get(classify(row.texts[position]), "other")
                    for row in table.rows
                    if row.texts[position].strip()
                )
            )
            if classes:
                consistent += classes.most_common(1)[0][1]
                filled += sum(classes.values())
        fields = {c.field for c in table.columns if c.field}
        known = sum(1 for c in table.columns if c.field) / len(table.columns)
        core = sum(1 for f in CORE if f in fields) / len(CORE)
        # A prose table's header is made up by its proposer, not written: it shows nothing.
        written = table.kind != "prose"
        header += (0.7 * core + 0.3 * known) * len(table.rows) * (1.0 if written else PROSE_HEADER)
        seq_column = table.column_of("seq")
        previous: int | None = None
        for row in table.rows:
            if seq_column is not None:
                seq = _seq_number(row.texts[seq_column])
                if previous is not None:
                    continuity_pairs += 1
                    # the next number, or a new count from 1; an extract of a longer list skips some
                    if seq is not None and (seq == previous + 1 or seq == 1):
                        continuity_hits += 1
                    elif seq is not None and seq > previous:
                        continuity_hits += 0.75
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
        consistency=consistent / filled if filled else 0.0,
        coverage=covered / core_cells if core_cells else 0.0,
    )


MAX_HEADING = 60  # characters of a section heading; a longer text of sentences is no heading


def _heading_like(text: str) -> bool:
    return len(text) <= MAX_HEADING or not SENTENCE.search(text)


OUTLINE_SEQ = compile_rule(r"^\s*\d{1,2}[.．](\d{1,2})\s*$")


def _seq_number(text: str) -> int | None:
    """The number a 序号 cell counts by: its own, or a section's item number's last part ("1.2")."""
    seq = parse_seq(text)
    if seq is None and (outline := OUTLINE_SEQ.match(text)):
        return int(outline.group(1))
    return seq


def _has_header(table: RawTable) -> bool:
    return any(is_header_row([c.text for c in row.cells]) for row in table.rows[:5]) or table.kind == "prose"


def _fits(field: str | None, text: str) -> bool | None:
    """Whether a cell's text suits its column; None for a column that says nothing. A cell holding
    a cell delimiter (| or a tab) was cut in the wrong place, whatever its column."""
    text = text.strip()
    if "|" in text or "｜" in text or "\t" in text:
        return False
    if field == "seq":
        return _seq_number(text) is not None
    if field in ("lead_units", "partner_units"):
        return not text or looks_like_units(text)
    if field in ("task", "progress"):
        return len(text) >= 2 and parse_seq(text) is None
    return None

"""Score a scan's parse against the born-digital parse (or gold) of the same table."""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass

from extractor.models import Document, Row


@dataclass
class Score:
    rows: int  # rows in the reference
    found: int  # of them, rows the scan's parse has (matched by number, then by order)
    lead_exact: int  # matched rows whose lead units are equal
    chars: int  # task+progress characters in the reference
    similarity: float  # difflib ratio of task+progress, over all rows, weighted by length
    figures: int
    figures_found: int

    @property
    def row_recall(self) -> float:
        return self.found / self.rows if self.rows else 1.0

    @property
    def lead_rate(self) -> float:
        return self.lead_exact / self.rows if self.rows else 1.0

    @property
    def figure_recall(self) -> float:
        return self.figures_found / self.figures if self.figures else 1.0

    def __add__(self, other: Score) -> Score:
        chars = self.chars + other.chars
        similarity = (self.similarity * self.chars + other.similarity * other.chars) / chars if chars else 1.0
        return Score(
            self.rows + other.rows,
            self.found + other.found,
            self.lead_exact + other.lead_exact,
            chars,
            similarity,
            self.figures + other.figures,
            self.figures_found + other.figures_found,
        )


def rows_of(document: Document) -> list[Row]:
    return [row for table in document.tables for row in table.rows]


def _key(row: Row) -> str:
    return row.seq_text or ""


def _text(row: Row) -> str:
    return "".join((row.task or "", row.progress or ""))


def _figures(row: Row) -> Counter:
    return Counter((f.kind, f.value, f.unit) for f in row.figures)


def score(reference: Document, scanned: Document) -> Score:
    want = rows_of(reference)
    got = rows_of(scanned)
    by_number: dict[str, Row] = {}
    for row in got:
        by_number.setdefault(_key(row), row)
    found = lead = figures = figures_found = 0
    weighted = 0.0
    chars = 0
    for index, row in enumerate(want):
        match = by_number.get(_key(row)) if _key(row) else (got[index] if index < len(got) else None)
        text = _text(row)
        chars += len(text)
        expected = _figures(row)
        figures += sum(expected.values())
        if match is None:
            continue
        found += 1
        lead += match.lead_units == row.lead_units
        weighted += difflib.SequenceMatcher(None, text, _text(match), autojunk=False).ratio() * len(text)
        figures_found += sum((expected & _figures(match)).values())
    return Score(len(want), found, lead, chars, weighted / chars if chars else 1.0, figures, figures_found)

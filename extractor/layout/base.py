"""What every layout proposer shares: lines in, blocks out, and the few marks they all read."""

from __future__ import annotations

from dataclasses import dataclass

from extractor.readers.raw import Paragraph, RawTable
from extractor.rules.compiled import compile_rule

Block = Paragraph | RawTable

# A pipe table's rule under its header ("| --- | :-: |"), with ASCII or full-width bars and dashes.
PIPE_SEPARATOR = compile_rule(r"^\s*[|｜]?\s*:?[-－]{2,}:?\s*([|｜]\s*:?[-－]{2,}:?\s*)*[|｜]?\s*$")
PIPE_ONLY = compile_rule(r"^\s*[|｜]\s*$")
SENTENCE = compile_rule(r"[。；;！？!?]")
# A header cell is short; a longer text without a known header word is content. (A stream's cells
# are judged alone, so these are stricter than the table stage's limits for a whole header row.)
MAX_HEADER_CELL = 12
LONG_LINE = 200  # a line this long may be a whole table flattened onto one line


@dataclass(slots=True)
class Line:
    text: str
    page: int | None = None


def trim(cell: str) -> str:
    return cell.strip(" \t\n\u3000\xa0")

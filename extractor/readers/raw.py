"""What every reader produces: the document's blocks in reading order, with provenance.

A reader only reads. Deciding which row is the header, which rows continue one another and what
a column means is the table stage's job, so it works the same for every format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Merge = Literal["above", "left"]


@dataclass(slots=True)
class RawCell:
    """One grid position. ``text`` is None where a merged cell covers the position."""

    text: str | None
    merge: Merge | None = None  # which way the covering cell lies, when the reader knows
    # Provenance a reader of page images knows (OCR): the page, the cell's box in points from the
    # page's top left (x0, y0, x1, y1), and how sure the recogniser was of its text (0–1).
    page: int | None = None
    box: tuple[float, float, float, float] | None = None
    confidence: float | None = None


@dataclass(slots=True)
class RawRow:
    cells: list[RawCell]
    page: int | None = None
    # True when the cell boundaries were inferred from a stream of lines (a web table copied as
    # text): the count may be off by a split or a dropped empty cell, for the table stage to mend.
    loose: bool = False


@dataclass(slots=True)
class RawTable:
    rows: list[RawRow]
    # How the grid was found, which decides what an empty cell means:
    # "grid": the file's own table (Word, Excel, HTML, a ruled PDF), where merges are explicit
    # (None), so an empty cell is empty; "lines": text lines (tabs, pipes, the seed's layout),
    # "stream"/"words": cells found in a stream of lines or words, "layout": a PDF table without
    # ruling lines — in these a merged cell arrives empty and means "same as above";
    # "prose": rows made from numbered paragraphs; "records": label | value blocks.
    kind: Literal["grid", "lines", "stream", "words", "layout", "prose", "records"] = "grid"
    # The layout that found the table, for Table.layout: set by the layout stage for text, else by
    # the reader ("docx", "pdf-ruled" …); None until one of them names it.
    layout: str | None = None


@dataclass(slots=True)
class Paragraph:
    text: str
    page: int | None = None
    # Text a layout read as no row's and no title's (a section's overview under its heading, an
    # overview item beside the tasks): kept, so nothing is lost, as an unplaced_text warning, and
    # read for the report's period, but not as the document's verdict on its rows.
    aside: bool = False


@dataclass(slots=True)
class RawWarning:
    code: str
    message: str


@dataclass(slots=True)
class RawDocument:
    format: str
    blocks: list[Paragraph | RawTable]
    encoding: str | None = None
    warnings: list[RawWarning] = field(default_factory=list)

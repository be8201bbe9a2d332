"""Layout stage: lines of text → tables, decided by evidence.

Runs once, here, on any document whose own structure gave no table: plain text, a web page or a
Word file whose table was pasted as text, a PDF page read as lines. Every proposer reads the same
lines its own way and proposes a segmentation (paragraphs and tables of cells):

- ``ruled``: a grid drawn with rule characters (┌─┬ │ ├─┼, +---+), rows between the rules;
- ``lines``: the lines show the grid (tab-led cells, tab-separated rows, pipe rows);
- ``stream``: one cell per line or per group of lines, rows rebuilt from the 序号 sequence;
- ``spaced``: one cell a paragraph with no 序号, rows parted by longer runs of blank lines;
- ``selfeval``: a performance self-evaluation form (绩效自评表): its overall goal and its
  indicators (一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 …) rebuilt from what each
  column holds;
- ``forms``: label | value report forms, one block per project;
- ``prose``: numbered paragraphs (一、/（一）/1./① nesting, 一是…二是…), one row per task;
- ``fixed``: columns at fixed positions on the line (text copied out of a PDF), pieces placed by
  where they stand;
- ``aligned``: pieces cut at every possible boundary, each row's pieces aligned to the header's
  columns by what the columns hold (see ``aligned.py``).

When none of them gives a table with rows, a grid one of them found whose header names nothing
is read with its columns named by their content (``headerless.py``), at a low confidence. When
there is no grid either, prose that reports on its items with no header at all (a news-style
report: 【任务】/【工作进度】, 一是/其一/(1) items, a project named before its report) is read as rows
(``news.py``), at a lower confidence still.

Each proposal is read by the table stage and scored by what it reads (``evidence.py``): header
cells with a recognised meaning, 序号 continuity, each column's content fitting its meaning, the
share of the text placed in cells. The best wins; ``LayoutChoice.confidence`` says how clear the
win was, and every candidate with its evidence is kept for ``--explain``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from extractor.layout.aligned import aligned_rows
from extractor.layout.base import Block, Line
from extractor.layout.evidence import Evidence, weigh
from extractor.layout.fixed import fixed_width_tables
from extractor.layout.forms import label_values
from extractor.layout.headerless import HEADERLESS_CONFIDENCE, content_named, gapped_rows, numbered_stream
from extractor.layout.lastresort import (
    FEW_ROWS_WARNING,
    LAST_RESORT_CONFIDENCE,
    LAST_RESORT_WARNING,
    few_rows,
    headed_cells,
    last_resort,
)
from extractor.layout.lines import line_tables
from extractor.layout.news import NEWS_CONFIDENCE, news_items
from extractor.layout.pages import without_page_marks
from extractor.layout.prose import numbered_prose
from extractor.layout.ruled import ruled_tables
from extractor.layout.selfeval import self_evaluation
from extractor.layout.spaced import spaced_rows
from extractor.layout.stream import cell_stream
from extractor.layout.unwrap import unwrapped
from extractor.readers.raw import Paragraph, RawTable

__all__ = ["Block", "Candidate", "LayoutChoice", "Line", "choose_layout", "split_lines"]

# Proposers in order of precedence: on equal evidence the earlier one wins.
PROPOSERS: list[tuple[str, Callable[[list[Line]], list[Block] | None]]] = [
    ("ruled", ruled_tables),
    ("lines", line_tables),
    ("selfeval", self_evaluation),
    ("stream", cell_stream),
    ("spaced", spaced_rows),
    ("forms", label_values),
    ("prose", numbered_prose),
    ("fixed", fixed_width_tables),
    ("aligned", aligned_rows),
]


HANDICAP = {"aligned": 0.1}
DRAWN = ("ruled",)  # proposers of grids the text draws itself
DRAWN_HEADER = 0.5  # …whose header reads as one (its cells name core fields)
MARGIN = 0.3


@dataclass(slots=True)
class Candidate:
    name: str
    blocks: list[Block]
    evidence: Evidence
    reading: str = ""  # how the lines were read when not as written: "blank lines taken out", "unwrapped"

    @property
    def score(self) -> float:
        return self.evidence.score


@dataclass(slots=True)
class LayoutChoice:
    """The winning segmentation, how clearly it won, and every candidate considered."""

    blocks: list[Block]
    layout: str | None  # the winner's name; None when no candidate found a table
    confidence: float  # 0 (a tie with the runner-up) … 1 (no rival, or a rival with no rows)
    candidates: list[Candidate] = field(default_factory=list)
    warning: str | None = None  # why the reading is to be checked (the last resort's), for the user


def choose_layout(lines: list[Line]) -> LayoutChoice:
    """Every proposer's segmentation of ``lines``, weighed; the best one.

    Page marks (a page's number, its running head: ``pages.py``) are taken out before any proposer
    reads the lines, and kept after the winner's blocks as set-aside text.

    A text with a blank line after nearly every line (a web page's paragraphs copied with the space
    between them) is read by each proposer twice: as it stands, and with those blank lines taken
    out (``single_spaced``), where they may say nothing (a pipe table's rows, a header wrapped over
    lines) or still part cells (a stream's). Both readings compete as any two candidates do: in the
    proposers' order, the one as written first."""
    kept, page_marks = without_page_marks(lines)
    choice = _choose(kept)
    if page_marks and choice.layout is None:
        choice.blocks = _paragraphs(lines)  # no table: the text stays as written, marks and all
    elif page_marks:
        choice.blocks.extend(Paragraph(line.text.strip(), page=line.page, aside=True) for line in page_marks)
    return choice


def _choose(lines: list[Line]) -> LayoutChoice:
    candidates: list[Candidate] = []
    # characters neither space nor a cell delimiter (str.split() splits exactly where isspace() holds)
    total = sum(len("".join(line.text.split())) - line.text.count("|") - line.text.count("｜") for line in lines)
    single = single_spaced(lines)
    readings = [(lines, "")] + ([(single, "blank lines taken out")] if single is not None else [])
    # A hard-wrapped text (a PDF's, a narrow page's) is read with its paragraphs joined (unwrap.py),
    # not as written: its line breaks are the page's, not the author's, and a reading of the broken
    # lines scores the better for splitting a task at a page's edge (tried as a rival: it won there).
    joined = unwrapped(lines)
    if joined is not None:
        readings = [(joined, "unwrapped"), *readings[1:]]
    for name, propose in PROPOSERS:
        for text_lines, reading in readings:
            blocks = propose(text_lines)
            if blocks is None or not any(isinstance(b, RawTable) for b in blocks):
                continue
            candidates.append(Candidate(name, blocks, weigh(blocks, total), reading))
        if any(c.evidence.conclusive for c in candidates):
            break  # a grid the text marks itself, read whole: no later reading could win by the margin
    viable = [c for c in candidates if c.evidence.rows > 0]
    most_rows = max((c.evidence.good_rows for c in viable), default=0)
    for candidate in viable:
        # Rows relative to the finest reading: one that swallows rows into cells reads fewer. Only
        # rows in their 序号 sequence count, so a reading that splits rows does not gain by it.
        candidate.evidence.granularity = candidate.evidence.good_rows / most_rows if most_rows else 0.0
    if not viable:
        return _headerless(lines, candidates, total)
    # Precedence: a later proposer must beat the best so far by a margin, wider when there are few
    # rows to judge by (two rows say little), and wider still for the aligned reading, which reads
    # anything, against a layout the text marks itself.
    best = viable[0]
    drawn = [c for c in viable if c.name in DRAWN and c.evidence.header >= DRAWN_HEADER]
    if drawn:
        # A grid the text draws with rule characters is the author's own statement of the table:
        # no reading of the prose around it (which it leaves as paragraphs) outranks it.
        best = drawn[0]
    for candidate in [] if drawn else viable[1:]:
        rows = max(1, min(candidate.evidence.rows, best.evidence.rows))
        margin = MARGIN / math.sqrt(rows) + HANDICAP.get(candidate.name, 0.0)
        if candidate.score > best.score + margin:
            best = candidate
    # (the same proposer's reading of the text spaced the other way is no rival: one layout)
    rivals = [c.score for c in viable if c.name != best.name]
    runner_up = max(rivals, default=0.0)
    confidence = 1.0 if best.score <= 0 else max(0.0, min(1.0, (best.score - runner_up) / best.score))
    for block in best.blocks:
        if isinstance(block, RawTable):
            block.layout = block.layout or best.name
    return LayoutChoice(best.blocks, best.name, round(confidence, 3), candidates)


DOUBLE_SPACED = 0.9  # share of a text's lines followed by a blank line: its blank lines may part nothing
MIN_DOUBLE_SPACED_LINES = 4


def single_spaced(lines: list[Line]) -> list[Line] | None:
    """``lines`` without the blank line written after each, when nearly every line has one (a run
    of two or more blank lines, a break the text had before its lines were spaced, stays one blank
    line); None when the text is not spaced so."""
    written = [k for k, line in enumerate(lines) if line.text.strip()]
    if len(written) < MIN_DOUBLE_SPACED_LINES:
        return None
    followed = sum(1 for k in written[:-1] if not lines[k + 1].text.strip())
    if followed < DOUBLE_SPACED * (len(written) - 1):
        return None
    out: list[Line] = []
    blanks = 0
    for line in lines:
        if line.text.strip():
            if blanks >= 2 and out:
                out.append(Line("", line.page))
            out.append(line)
            blanks = 0
        else:
            blanks += 1
    return out


def _headerless(lines: list[Line], candidates: list[Candidate], total: int) -> LayoutChoice:
    """No proposal gave a table with rows: a grid a proposer found whose header names nothing
    (or that has none) is read with its columns named by their content (``headerless.py``), the
    best such reading at a confidence capped low; else the text stays paragraphs."""
    readings = []
    stream = numbered_stream(lines)
    gapped = gapped_rows(lines)  # rows parted by tabs or runs of spaces, which no proposer read
    proposals = [
        *candidates,
        *([Candidate("stream", stream, Evidence())] if stream else []),
        *([Candidate("gapped", gapped, Evidence())] if gapped else []),
    ]
    for candidate in proposals:
        blocks = content_named(candidate.blocks)
        if blocks is not None:
            reading = Candidate(f"{candidate.name}-headerless", blocks, weigh(blocks, total))
            if reading.evidence.rows > 0:
                readings.append(reading)
    if not readings:
        return _news(lines, candidates, total)
    best = max(readings, key=lambda c: c.score)
    for block in best.blocks:
        if isinstance(block, RawTable):
            block.layout = f"{block.layout or best.name.removesuffix('-headerless')}-headerless"
    confidence = HEADERLESS_CONFIDENCE * min(1.0, best.evidence.placed)
    # rows no proposer read, found by the headerless reading alone: the user is told to check them
    warning = GAPPED_WARNING.format(rows=best.evidence.rows) if best.name == "gapped-headerless" else None
    return LayoutChoice(best.blocks, best.name, round(confidence, 3), [*candidates, *readings], warning)


GAPPED_WARNING = (
    "{rows} rows parted by spaces or tabs with no header, their columns named by what they hold: "
    "check them against the document"
)


def _news(lines: list[Line], candidates: list[Candidate], total: int) -> LayoutChoice:
    """No layout found a table, not even one without a header: prose that reports on its items
    with no header at all (a news-style report, ``news.py``) is read as rows at a low confidence;
    else the text stays paragraphs."""
    joined = unwrapped(lines)
    blocks = news_items(joined if joined is not None else lines)
    if blocks is None:
        return _last_resort(lines, candidates, total)
    reading = Candidate("news", blocks, weigh(blocks, total), "unwrapped" if joined is not None else "")
    # A header written one cell a line over rows that bear it out (``lastresort.headed_cells``) says
    # more than the news reading's guess at items: when it reads, the better evidence wins.
    headed = headed_cells(lines)
    if headed is not None and (rival := weigh(headed, total)).rows and rival.score > reading.score:
        return _last_resort(lines, [*candidates, reading], total)
    confidence = NEWS_CONFIDENCE * min(1.0, reading.evidence.placed)
    return LayoutChoice(blocks, "news", round(confidence, 3), [*candidates, reading])


def _last_resort(lines: list[Line], candidates: list[Candidate], total: int) -> LayoutChoice:
    """Nothing read as a table, not even as news: the text's most table-like structure (a name and
    a line of values, repeated; numbered items), at the lowest confidence and with a warning saying
    why (``lastresort.py``); else two rows whose evidence scales to their size (``few_rows``: all a
    cut-short excerpt may hold of its table), with a warning too; else the text stays paragraphs
    (``no_table``)."""
    found = last_resort(lines)
    if found is not None:
        blocks, how = found
        warning = LAST_RESORT_WARNING.format(how=how)
    else:
        few = few_rows(lines)
        if few is None:
            return LayoutChoice([*_paragraphs(lines)], None, 0.0, candidates)
        blocks, how, rows = few
        warning = FEW_ROWS_WARNING.format(rows=rows, how=how)
    reading = Candidate("last-resort", blocks, weigh(blocks, total))
    if reading.evidence.rows == 0:  # the table stage read no row of it
        return LayoutChoice([*_paragraphs(lines)], None, 0.0, [*candidates, reading])
    confidence = LAST_RESORT_CONFIDENCE * min(1.0, reading.evidence.placed)
    return LayoutChoice(blocks, "last-resort", round(confidence, 3), [*candidates, reading], warning)


def split_lines(lines: list[Line]) -> list[Block]:
    """The blocks of the best segmentation (see ``choose_layout``)."""
    return choose_layout(lines).blocks


def _paragraphs(lines: list[Line]) -> list[Block]:
    from extractor.readers.raw import Paragraph

    return [Paragraph(line.text.strip(), page=line.page) for line in lines if line.text.strip()]

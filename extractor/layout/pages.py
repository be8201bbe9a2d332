"""Page marks: the page numbers and running heads a printed page leaves in its text.

A report copied out of a PDF or a paged Word file carries, at every page break, the page's number
(— 3 —, -3-, 第3页 共9页) and often a running head (the report's title or the office's name, printed
again at the top of each page). Inside a table these lines are neither a row nor a cell: read as
written, one ends a table copied a cell a line, becomes a phantom row of an aligned table, or is
glued into a task. Every proposer would have to learn them; instead they are taken out once, before
any proposer reads the lines, and kept as set-aside text (an ``unplaced_text`` warning: nothing is
lost).

Only marks no table cell is written as are taken: a number between dashes, 第N页 with or without
共M页, "Page N of M". A bare number is a 序号 cell as often as a page number and stays (a category
or unit cell repeated after each row's 序号 would pass for a running head beside it). A running head
is the line that opens each page after its mark (the document's own title, at its top, stays).
"""

from __future__ import annotations

import regex

from extractor.headers import layout_patterns
from extractor.layout.base import Line
from extractor.textnorm import match_view

# a running head is a title or an office's full name; a unit cell (市科技局, 市发展改革委) is shorter
MIN_HEAD_CHARS = 8
# a line of cells: a pipe, a tab, or two gaps of two spaces or more between words
TABLE_CELLS = regex.compile(r"[|｜\t]|\S(?:\s{2,}|\u3000)\S.*\S(?:\s{2,}|\u3000)\S")


def is_page_mark(text: str) -> bool:
    """A page's number as printed in its margin (data/layout.toml ``page_mark``)."""
    return layout_patterns()["page_mark"].match(match_view(text)) is not None


def without_page_marks(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """``lines`` without their page marks and running heads, and the lines taken out, in order.

    A running head is the line that opens a page, after its mark (blank lines skipped), with the
    same text after two marks or more and nowhere else but above the first mark: a cell that a page
    break happens to put first (a row's unit on the next page) stands in other rows too. Its first
    copy stays (the document's title, wherever the first mark stands), and a line of table cells (a
    table's header printed again on each page) is no running head: the table reads it."""
    marks = [k for k, line in enumerate(lines) if is_page_mark(line.text)]
    if not marks:
        return lines, []
    texts = [line.text.strip() for line in lines]
    after: dict[str, list[int]] = {}
    for k in marks:
        j = k + 1
        while j < len(lines) and not texts[j]:
            j += 1
        if j < len(lines) and _may_be_head(texts[j]):
            after.setdefault(texts[j], []).append(j)
    where: dict[str, list[int]] = {}
    for k, text in enumerate(texts):
        if text in after:
            where.setdefault(text, []).append(k)
    heads = {
        j
        for text, ks in after.items()
        if len(ks) >= 2 and all(k in ks or k < marks[0] for k in where[text])
        for j in ks
        if j != where[text][0]
    }
    taken = set(marks) | heads
    kept = [line for k, line in enumerate(lines) if k not in taken]
    return kept, [line for k, line in enumerate(lines) if k in taken]


def _may_be_head(text: str) -> bool:
    return len(text) >= MIN_HEAD_CHARS and not is_page_mark(text) and not TABLE_CELLS.search(text)

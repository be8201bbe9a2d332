"""Page furniture: the page numbers and running heads a printed page leaves in its text.

A report copied out of a PDF or a paged Word file carries, at every page break, the page's number
(— 3 —, -3-, 第3页 共9页, a bare 3) and often a running head (the report's title or the office's
name, printed again at the top of each page). Inside a table these lines are neither a row nor a
cell: read as written, one ends a table copied a cell a line, becomes a phantom row of an aligned
table, or is glued into a task. Every proposer would have to learn them; instead they are taken out
once, before any proposer reads the lines, and kept as set-aside text (an ``unplaced_text``
warning: nothing is lost).

They are decided by where they stand, not by what they say (no list of office names or titles):

- a page mark no table cell is written as: a number between dashes, 第N页 with or without 共M页,
  "Page N of M" (data/layout.toml ``page_mark``);
- a running head: a short line that is not a line of cells, written again and again a page apart
  (never two copies closer than ``MIN_PAGE_LINES`` written lines) and beside a page's number — a
  page mark, or a bare number that counts up from one copy to the next. A cell a stream repeats (a
  row's unit) stands a row apart, not a page, and beside no counting number;
- a bare number beside a running head is that page's number; one where a page break is due (the
  pages counted between two known ones) with a short line beside it, as the other heads have
  theirs, is a page's number and head too (a head printed once, the office's name on alternate
  pages of a short document). A bare number elsewhere is a 序号 cell and stays;
- the blank lines a page break leaves around them go with them, unless the text parts its
  paragraphs with blank lines elsewhere too (then they are the text's own and stay).

A running head's first copy stays when no page number stands beside it: it is the document's title.
"""

from __future__ import annotations

import math
from collections import defaultdict
from itertools import pairwise

import regex

from extractor.headers import field_for_header, layout_patterns
from extractor.layout.base import Line
from extractor.textnorm import match_view

# a running head is a title or an office's full name, a line at most; a unit cell (市科技局) is shorter
MIN_HEAD_CHARS = 6
MAX_HEAD_CHARS = 60
# a title is printed once, or twice (again under its 附件 line), above the first page break
MAX_TITLE_COPIES = 2
# …among the text's first written lines (an 附件 line, a page mark above it)
TITLE_LINES = 3
# lines between two running heads (see ``span``): a page holds more than a stream's row
MIN_PAGE_LINES = 8
# a page number counted between two known ones stands where its page should start, within this
# share of a page
PAGE_SLACK = 0.3
# the text parts paragraphs with blank lines when this share of its written lines has one after it
BLANK_PARTED = 0.05
# a line of cells: a pipe, a tab, or two gaps of two spaces or more between words
TABLE_CELLS = regex.compile(r"[|｜\t]|\S(?:\s{2,}|\u3000)\S.*\S(?:\s{2,}|\u3000)\S")
BARE_NUMBER = regex.compile(r"^\s*(\d{1,4})\s*$")
# a stream's header: its cells one a line, the first row's 序号 after them
SEQ_HEADER_LINES = 20
MAX_SEQ_HEADER = 6


def is_page_mark(text: str) -> bool:
    """A page's number as printed in its margin (data/layout.toml ``page_mark``)."""
    return layout_patterns()["page_mark"].match(match_view(text)) is not None


def without_page_marks(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """``lines`` without their page marks and running heads, and the lines taken out, in order."""
    texts = [match_view(line.text).strip() for line in lines]
    written = [k for k, text in enumerate(texts) if text]
    rank = {k: r for r, k in enumerate(written)}
    marks = {k for k in written if is_page_mark(texts[k])}
    numbers = {k: int(m.group(1)) for k in written if (m := BARE_NUMBER.match(texts[k]))}
    seq_column = _seq_column(written, texts, numbers)

    def span(a: int, b: int) -> float:
        """Lines from line ``a`` to line ``b``: the written ones, or half of all when the text
        spaces its lines with blank ones (a double-spaced page holds half as many)."""
        return max(rank[b] - rank[a], (b - a) / 2)

    def beside(k: int) -> list[int]:
        """The written lines next to line ``k`` (blank lines skipped), before and after."""
        r = rank[k]
        return [written[j] for j in (r - 1, r + 1) if 0 <= j < len(written)]

    copies: dict[str, list[int]] = defaultdict(list)
    for k in written:
        if _may_be_head(texts[k]):
            copies[texts[k]].append(k)
    heads: set[int] = set()
    page_numbers: dict[int, int] = {}  # line → the page number it prints
    singles: list[tuple[int, dict[int, int]]] = []  # a head printed once after the title
    for ks in copies.values():
        if len(ks) < 2:
            continue
        by_mark = {k for k in ks if any(j in marks for j in beside(k))}
        counted = _counting(ks, numbers, rank, span, beside)
        if counted and set(counted) <= seq_column and len(seq_column - set(counted)) < len(counted):
            # the numbers a 序号 column counts its rows with, the line standing in most rows beside
            # them: a cell of every row, a row apart however long the rows run (a page holds many
            # rows: a running head stands beside few of a column's numbers)
            counted = {}
        paged = [k for k in ks if k in by_mark or any(j in counted for j in beside(k))]
        # the copies before the first page break are the title (and its repeat under an 附件 line):
        # they stay; every copy after it stands by a page's number, a page apart
        if not paged or any(k not in paged for k in ks if k > paged[0]):
            continue
        # …on the same side of it each time (a head under its page's number, or over it): a cell
        # that ends one page and opens the next stands on either side
        sides = [{rank[j] - rank[k] for j in beside(k) if j in marks or j in counted} for k in paged]
        if not set.intersection(*sides):
            continue
        if len(paged) == 1:
            # one copy by a page's number: a head only where it repeats the title above it, once or
            # twice (a cell a stream repeats stands in more rows) and a number no other head has
            # (the title stands on the first page: above every page mark)
            if paged[0] != ks[0] and len(ks) <= MAX_TITLE_COPIES + 1 and all(ks[0] < k for k in marks):
                singles.append((paged[0], counted))
            continue
        # (the numbers beside them count a page apart; a page mark needs no such proof) and the
        # title at the top stays when a mark opens the text above it
        heads.update(k for k in paged if k != ks[0] or rank[k] >= TITLE_LINES)
        page_numbers.update(counted)
    for head, counted in singles:
        if not any(j in page_numbers for j in counted) and not any(j in heads for j in beside(head)):
            heads.add(head)
            page_numbers.update(counted)
    # the pages the marks number ("— 3 —", "第3页 共9页": the first number) count as known pages too
    marked = {k: int(m.group()) for k in marks if (m := regex.search(r"\d+", texts[k]))}
    if page_numbers or len(marked) >= 2:
        _count_between(page_numbers, marked, numbers, rank, written, texts, beside, heads)
    return _taken(lines, texts, marks | heads | set(page_numbers))


def _seq_column(written: list[int], texts: list[str], numbers: dict[int, int]) -> set[int]:
    """The bare numbers of a 序号 column written a cell a line: a header cell naming the 序号 field
    alone on its line (a stream's header), the number 1 the first bare number after it among the
    header's cells (``SEQ_HEADER_LINES``), and every next number counting up by one from there, each
    the first bare number of its value after the one before (a page's number between two rows
    repeats a value its rows have already passed, mostly)."""
    column: set[int] = set()
    for r, k in enumerate(written):
        if not _names_seq(texts[k]):
            continue
        first = next((j for j in written[r + 1 : r + 1 + SEQ_HEADER_LINES] if j in numbers), None)
        if first is None or numbers[first] != 1:
            continue
        value = 1
        column.add(first)
        for j in written[written.index(first) + 1 :]:
            if numbers.get(j) == value + 1:
                column.add(j)
                value += 1
    return column


def _names_seq(text: str) -> bool:
    """A header cell naming the 序号 field (序号, 编号, 序 号), alone on its line."""
    return len(text) <= MAX_SEQ_HEADER and not TABLE_CELLS.search(text) and field_for_header(text) == "seq"


def _counting(ks, numbers, rank, span, beside) -> dict[int, int]:
    """The bare numbers beside the copies ``ks`` of a line, when they count up from copy to copy a
    page apart (a 序号 beside a repeated cell counts up too, but a row apart); one number, 2, beside
    a copy after the first (a title, beside no number), a half page or more into the text."""
    found: dict[int, int] = {}
    for k in ks:
        near = [j for j in beside(k) if j in numbers]
        if near:
            found[near[0]] = numbers[near[0]]
    order = sorted(found)
    if len(order) == 1 and order[0] not in beside(ks[0]):
        value = found[order[0]]
        # (the first page break's: a title printed again on page 2; a 序号 3 beside a cell repeated
        # from row 1 is no page)
        return found if value == 2 and rank[order[0]] >= MIN_PAGE_LINES / 2 else {}
    values = [found[j] for j in order]
    if len(values) < 2 or any(b <= a for a, b in pairwise(values)):
        return {}
    if any(span(a, b) / (found[b] - found[a]) < MIN_PAGE_LINES for a, b in pairwise(order)):
        return {}
    return found


def _count_between(page_numbers, marked, numbers, rank, written, texts, beside, heads) -> None:
    """Bare numbers where a page break is due between known pages (numbered beside their heads, or
    by their marks), added to ``page_numbers`` (and their heads to ``heads``) in place:

    - with a short line beside them on the side the known heads stand, up to a page past the last
      known one: pages whose head is printed once (the office's name on alternate pages of a short
      document);
    - where the known pages have no heads, between two marked pages only: a page numbered bare
      among pages numbered "— 3 —" (a publisher's forms taken in turn, a page copied without its
      dashes). A 序号 is taken so only where its value and its place both fall on a page's."""
    known_pages = {**marked, **page_numbers}
    known = sorted(known_pages)
    per_page = [
        (rank[b] - rank[a]) / (known_pages[b] - known_pages[a])
        for a, b in pairwise(known)
        if known_pages[b] > known_pages[a]
    ]
    first = known[0]
    if not per_page and known_pages[first] >= 2:  # one page number: its pages stand above it
        per_page = [rank[first] / (known_pages[first] - 1)]
    if not per_page:
        return
    page = sorted(per_page)[len(per_page) // 2]
    sides = [rank[h] - rank[n] for n in known for h in beside(n) if h in heads]
    side = max(set(sides), key=sides.count) if sides else None
    last = rank[known[-1]] + ((1 + PAGE_SLACK) * page if side is not None else 0)
    due_at: dict[int, tuple[float, int]] = {}  # page number → (distance from where it is due, line)
    for k, value in numbers.items():
        if k in known_pages or value in known_pages.values():
            continue
        due = rank[first] + (value - known_pages[first]) * page
        if abs(rank[k] - due) > PAGE_SLACK * page or not rank[first] - page <= rank[k] <= last:
            continue
        if side is None:
            if not rank[first] < rank[k] < rank[known[-1]]:
                continue
        else:
            r = rank[k] + side
            if not (0 <= r < len(written) and (written[r] in heads or _may_be_head(texts[written[r]]))):
                continue
        due_at[value] = min(due_at.get(value, (math.inf, k)), (abs(rank[k] - due), k))
    for value, (_, k) in due_at.items():
        page_numbers[k] = value
        if side is not None:
            heads.add(written[rank[k] + side])


def _taken(lines: list[Line], texts: list[str], taken: set[int]) -> tuple[list[Line], list[Line]]:
    """``lines`` without the lines ``taken`` (and the blank lines the page breaks left around them)."""
    if not taken:
        return lines, []
    blanks: set[int] = set()
    runs: list[tuple[int, int]] = []  # each page break: its taken lines with the blank lines around them
    k = 0
    while k < len(lines):
        if k in taken:
            start = k
            while start > 0 and not texts[start - 1]:
                start -= 1
            end = k
            while end + 1 < len(lines) and (end + 1 in taken or not texts[end + 1]):
                end += 1
            runs.append((start, end))
            k = end + 1
        else:
            k += 1
    inside = {k for start, end in runs for k in range(start, end + 1)}
    written = [k for k, text in enumerate(texts) if text and k not in inside]
    parted = sum(1 for k in written if k + 1 < len(texts) and not texts[k + 1] and k + 1 not in inside)
    blank_parted = parted >= BLANK_PARTED * max(1, len(written))
    for start, end in runs:
        run_blanks = [k for k in range(start, end + 1) if not texts[k] and k not in taken]
        # (a text parting its cells with blank lines wrote them: a mark put before or after one must
        # not join the cells it parts, nor a run of them shrink, which parts rows in such a text)
        if not blank_parted:
            blanks.update(run_blanks)
    kept = [line for k, line in enumerate(lines) if k not in taken and k not in blanks]
    return kept, [line for k, line in enumerate(lines) if k in taken]


def _may_be_head(text: str) -> bool:
    """A line a running head could be: a title or a name, not a sentence or a label introducing
    what follows ("二零一零年本署的目标是:"), not a number, a mark or a line of cells."""
    return (
        MIN_HEAD_CHARS <= len(text) <= MAX_HEAD_CHARS
        and not is_page_mark(text)
        and not BARE_NUMBER.match(text)
        and not TABLE_CELLS.search(text)
        and not CLAUSE_END.search(text)
    )


CLAUSE_END = regex.compile(r"[。；;:：，,!?！？]$")

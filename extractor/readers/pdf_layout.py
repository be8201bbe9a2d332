"""Tables without ruling lines (or with horizontal rules only), rebuilt from text positions.

pdfplumber's ``text`` strategy was tried first. On the borderless seed it finds the four columns,
but it returns one table row per text line (70 rows for the first page's 5 tasks). It cuts every
vertically centred cell into separate rows, and it guesses columns from word edges page by page.
Grouping lines into rows, finding the header and keeping the columns across pages would all still
be ours to write. So this module works from character positions:

1. Lines: the page's upright characters clustered by their top (about a third of the font size).
   A line spans the whole page, so it can hold text of several cells.
2. Header: a line that names two known fields (data/headers.toml), one of 序号/任务/完成情况, in
   separate pieces of text (a title such as "…完成情况未实现…目标任务" is one piece, and so is a cell
   sentence such as "从1-2月主要经济指标完成情况看"). Its band is the line plus wrapped header lines
   in the same font and size. The columns come from the band's text segments. A boundary goes where
   the body below leaves a vertical white "river" between two segments; segments whose gap the body
   text runs across are one column. Lines with pieces in two columns decide whether there is a
   river; every line decides where in it the cut goes (a long line of one cell must not be cut: it
   would read as a heading). Segments whose joined text
   is (a prefix of) a synonym are one column ("目 标 任 务"). To count as a header, two cells must be
   synonyms or start with one. If the line is in the body's own font, they must be exact synonyms:
   a body line of a narrow-column table can hold header words too ("任务分解到位" | "完成情况良好").
3. Extent: the body runs from the header down to a blank gap taller than 1.5 lines, page furniture
   (but not a 序号 alone on its line, nor a bare number or bullet that follows the line above at line
   spacing and fits the columns: the wrapped end of a cell), an attachment label, another
   header, or one piece of text that does not fit the columns (a note). If table lines follow such a
   piece, it is a section heading instead (``[text, None, …]``, as the table stage expects).
4. Rows: Word, WPS and LibreOffice users centre cells vertically, so the 序号 sits in the middle of its
   row, not on its first line, and the tallest column runs without a gap from one row into the next.
   A row's lines are therefore chosen so that the row is symmetric around its number (a small DP
   over the cut between two numbers), with a penalty for a blank gap inside a cell. A top-aligned table
   (number on the row's first line) is cut at each number instead. The mode is chosen per table, by
   comparing both costs, and kept for its later pages. Horizontal rules, where drawn, are hard cuts:
   a line belongs between the rules around its middle. A rule between two rows that stops short of a
   column marks a cell merged across them: its text goes to the first row, the others get None.
   The last row on a page may be cut (laid out from its top) only if the line above it ends above
   its number; a line beside the number belongs to the same centred row.
5. Pages: a table that reaches the bottom of its page stays open. The next page continues it with
   the same columns, whether or not the header is repeated there. Lines above its first number that
   are not symmetric with it are the rest of a row cut by the page break: they become a row with an
   empty 序号, which the table stage joins to the row before. Under a rule they start a row instead.

The text outside the tables (of this reader's pages and of ruled pages) is read as prose: see
``prose`` (wrapped lines joined into their paragraphs by geometry) and ``running_heads`` (page
numbers and running heads dropped).

Everything is arithmetic on the characters pdfplumber has already parsed, in one pass per page.
"""

from __future__ import annotations

import itertools
import math
import statistics
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

import regex

# The table stage's vocabulary (data/headers.toml, data/layout.toml), so that a "header" and a
# "序号" mean the same thing here and there.
from extractor.headers import (
    CORE_FIELDS,
    MAX_HEADER_TEXT,
    field_for_header,
    header_candidates,
    is_furniture,
    is_header_row,
    label_synonyms,
    layout_patterns,
    parse_seq,
    prose_patterns,
)
from extractor.readers.raw import Paragraph, RawCell, RawRow, RawTable
from extractor.rules.data import load
from extractor.textnorm import collapse_layout_space, match_key, match_view

if TYPE_CHECKING:
    import pdfplumber

Block = Paragraph | RawTable

CID = regex.compile(r"\(cid:\d+\)|\ufffd")
# Kangxi radicals (U+2F00–U+2FD5) that fonts without a ToUnicode map produce instead of the
# unified ideograph ("⼀" for "一"); NFKC maps each to its ideograph.
_RADICALS = {cp: unicodedata.normalize("NFKC", chr(cp)) for cp in range(0x2F00, 0x2FD6)}
_RADICAL = regex.compile("[\u2f00-\u2fd5]")

LINE_TOLERANCE = 0.35  # × font size: characters whose tops differ less are on one line
SEGMENT_GAP = 0.5  # × font size: a wider horizontal gap separates two pieces of text
WORD_GAP = 0.25  # × font size: a wider gap between two characters is a space
TABLE_GAP = 1.5  # × font size: a wider blank between two lines ends a table
CELL_GAP = 0.9  # × font size: a wider blank between two lines of one cell is suspicious


def clean_text(text: str) -> str:
    """Cell or paragraph text as emitted: unmapped glyphs as U+FFFD, radicals as ideographs, no layout space.

    "(cid:123)" is pdfminer's name for a glyph it could not map to Unicode. Left as it is, it would
    read as text, and its digits as a figure. U+FFFD keeps the glyph's place (one character, so the
    damage is visible) without pretending to be text. The reader warns once per page.
    """
    if "(cid:" in text:
        text = CID.sub("\ufffd", text)
    if _RADICAL.search(text):  # rare: translate() looks up every character of the text
        text = text.translate(_RADICALS)
    return collapse_layout_space(text)


# --------------------------------------------------------------------------------------------
# characters and lines


@dataclass(slots=True)
class Char:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    font: str


@dataclass(slots=True)
class Line:
    chars: list[Char]  # left to right
    top: float
    bottom: float
    text: str  # with a space at wide gaps, not yet cleaned
    font: str  # the most frequent font
    furniture: bool
    running: bool = False  # a running head or foot (``running_heads``): dropped from the text


def _join(chars: Sequence[Char], size: float) -> str:
    out: list[str] = []
    right = None
    for char in chars:
        if right is not None and char.x0 - right > WORD_GAP * size:
            out.append(" ")
        out.append(char.text)
        right = char.x1
    return "".join(out)


def page_lines(page: pdfplumber.page.Page) -> tuple[list[Line], float]:
    """The page's text lines, top to bottom, and the median font size (0 when there is no text)."""
    glyphs = getattr(page, "glyphs", None)  # a PDFium page's characters, without making their dicts
    if glyphs is not None:
        return glyph_lines(glyphs)
    chars = [
        Char(c["text"], c["x0"], c["x1"], c["top"], c["bottom"], c.get("fontname", ""))
        for c in page.chars
        if c.get("upright", True) and c["text"].strip()  # rotated text is a watermark or a stamp
    ]
    return _lines(chars)


def glyph_lines(glyphs: Iterable[tuple]) -> tuple[list[Line], float]:
    """page_lines of glyph tuples (``pdf.Glyph``: top, x0, x1, text, bottom, upright, font, …)."""
    chars = [
        Char(text, x0, x1, top, bottom, font)
        for top, x0, x1, text, bottom, upright, font, _, _ in glyphs
        if upright and text.strip()
    ]
    return _lines(chars)


def _lines(chars: list[Char]) -> tuple[list[Line], float]:
    if not chars:
        return [], 0.0
    size = statistics.median(c.bottom - c.top for c in chars)
    chars.sort(key=lambda c: c.top)
    groups: list[list[Char]] = [[chars[0]]]
    for char in chars[1:]:
        if char.top - groups[-1][0].top <= LINE_TOLERANCE * size:
            groups[-1].append(char)
        else:
            groups.append([char])
    lines = []
    for group in groups:
        group.sort(key=lambda c: c.x0)
        text = _join(group, size)
        font = Counter(c.font for c in group).most_common(1)[0][0]
        top, bottom = min(c.top for c in group), max(c.bottom for c in group)
        lines.append(Line(group, top, bottom, text, font, is_furniture(text)))
    return lines, size


def _segments(chars: Iterable[Char], gap: float) -> list[list[Char]]:
    """Characters grouped by their x-projection: a new group after a blank wider than gap."""
    out: list[list[Char]] = []
    right = float("-inf")
    for char in sorted(chars, key=lambda c: c.x0):
        if not out or char.x0 - right > gap:
            out.append([char])
            right = char.x1
        else:
            out[-1].append(char)
            right = max(right, char.x1)
    return out


def _intervals(line: Line, gap: float) -> list[tuple[float, float]]:
    return [(min(c.x0 for c in s), max(c.x1 for c in s)) for s in _segments(line.chars, gap)]


# --------------------------------------------------------------------------------------------
# header and columns


@cache
def _vocabulary() -> tuple[regex.Pattern[str], dict[str, str], frozenset[str]]:
    """Header synonyms: a pattern finding them, key → field, and every prefix of every key."""
    fields: dict[str, str] = {}
    for name, spec in load("headers")["fields"].items():
        for synonym in spec["synonyms"]:
            key = match_key(synonym)
            if len(key) >= 2:
                fields.setdefault(key, name)
    pattern = regex.compile("|".join(regex.escape(k) for k in sorted(fields, key=len, reverse=True)))
    prefixes = frozenset(k[:i] for k in fields for i in range(1, len(k) + 1))
    return pattern, fields, prefixes


def looks_like_header(text: str) -> bool:
    """Cheap test on one line's text: two known fields, one of them a core field (序号, 任务, 完成情况)."""
    pattern, fields, _ = _vocabulary()
    found = {fields[m] for m in pattern.findall(match_key(text))}
    return len(found) >= 2 and bool(found & CORE_FIELDS)


def _header_candidate(line: Line, size: float) -> bool:
    """looks_like_header, with the field names in separate pieces of text (not one sentence)."""
    if line.furniture or not looks_like_header(line.text):
        return False
    segments = _segments(line.chars, SEGMENT_GAP * size)
    # Fields per piece: two of them must come from different pieces. A sentence in one cell can
    # name two ("从1-2月主要经济指标完成情况看" holds 指标 and 完成情况).
    # A header cell is a header word or starts with one ("完成情况（截至3月底）"); a piece of a body
    # line is a sentence that may merely hold header words ("前期工作计划，按时完成" | "育场等30个重点
    # 项目已完成"), and a body line taken for a header ends the lines the columns are measured on.
    keys = [_key(s) for s in segments]
    named = [{field} for k in keys if (field := _named_piece(k))]
    pieces = len(named) >= 2 and len(set().union(*named)) >= 2
    # "序号 目 标 任 务 完 成 情 况 …": a header spaced out is pieces of a character or two
    spaced = len(segments) >= 3 and sum(len(k) for k in keys) <= 3 * len(keys)
    return pieces or spaced


def _named_piece(key: str) -> str | None:
    """The field a piece of a line names when it is a header word or starts with one."""
    if len(key) > MAX_HEADER_TEXT:
        return None
    claims = header_candidates(key)
    return claims[0][0] if claims and claims[0][1] >= 2.0 else None


def _key(chars: Iterable[Char]) -> str:
    return match_key("".join(c.text for c in chars))


@dataclass(slots=True)
class Columns:
    bounds: list[float]  # x of the boundary between column i and i+1
    headers: list[str]
    seq: int | None  # the 序号 column
    left: float
    right: float

    def of(self, x: float) -> int:
        return bisect_right(self.bounds, x)

    def fits(self, line: Line, size: float) -> bool:
        """No character across a boundary, none outside the table."""
        margin = size
        for char in line.chars:
            if char.x0 < self.left - margin or char.x1 > self.right + margin:
                return False
            if self.of(char.x0 + 0.5) != self.of(char.x1 - 0.5):
                return False
        return True

    def spans(self, line: Line, size: float) -> bool:
        """One piece of text that does not fit: a section heading, a note, a title.

        A line with pieces in several columns is a table line even if a long word pokes across a
        boundary; its characters go to the column of their middle.
        """
        return not self.fits(line, size) and len(_segments(line.chars, SEGMENT_GAP * size)) == 1

    def ends_table(self, line: Line, previous: Line | None = None, size: float = 0.0) -> bool:
        """Page furniture, unless it is a bare number inside the 序号 column (a centred 序号 on a line of its own).

        Nor is it furniture when it follows the line above at line spacing and fits the columns:
        the wrapped end of a cell ("…实际完成12120" / "024") reads like a page number too. Page
        numbers and running heads sit in the margins, apart from the body.
        """
        if not line.furniture:
            return False
        if previous is not None and line.top - previous.bottom <= CELL_GAP * size and self.fits(line, size):
            return False
        return self.seq is None or any(self.of((c.x0 + c.x1) / 2) != self.seq for c in line.chars)

    def split(self, line: Line) -> list[list[Char]]:
        cells: list[list[Char]] = [[] for _ in range(len(self.bounds) + 1)]
        for char in line.chars:
            cells[self.of((char.x0 + char.x1) / 2)].append(char)
        return cells


@dataclass(slots=True)
class Header:
    columns: Columns
    first: int  # index of the band's first line
    end: int  # index after the band's last line


def _band(lines: Sequence[Line], k: int, size: float) -> tuple[int, int]:
    """The header's lines: k plus up to two wrapped lines above and below in the header's own font and size.

    Without a font change between header and body there is no telling a wrapped header line from
    the first body line, so the band is then line k alone.
    """

    height = lines[k].bottom - lines[k].top

    def joins(above: Line, below: Line, new: Line) -> bool:
        same_size = abs((new.bottom - new.top) - height) <= 0.25 * height  # a title may share the font
        close = below.top - above.bottom < 0.8 * size
        return close and same_size and new.font == lines[k].font and not new.furniture

    first, end = k, k + 1
    while first > 0 and k - first < 2 and joins(lines[first - 1], lines[first], lines[first - 1]):
        first -= 1
    while end < len(lines) and end - k <= 2 and joins(lines[end - 1], lines[end], lines[end]):
        end += 1
    if end < len(lines) and joins(lines[end - 1], lines[end], lines[end]):
        end = k + 1  # the body is in the header's font: nothing below is known to be header
    return first, end


def _provisional_body(lines: Sequence[Line], start: int, size: float) -> list[Line]:
    """Lines below a header up to a blank gap or another header: where the columns are measured.

    Furniture does not end it: a centred 序号 alone on its line reads like a page number, and the
    page number itself lies below the footer's blank gap.
    """
    body: list[Line] = []
    previous = lines[start - 1] if start > 0 else None
    for line in lines[start:]:
        if previous is not None and line.top - previous.bottom > TABLE_GAP * size:
            break
        if body and _header_candidate(line, size):
            break
        body.append(line)
        previous = line
    return body


def _coverage(covers: Sequence[Sequence[tuple[float, float]]], x0: float, width: int) -> list[int]:
    counts = [0] * width
    for intervals in covers:
        for a, b in intervals:
            if b <= x0 or a >= x0 + width:
                continue
            for i in range(max(0, int(a - x0)), min(width, int(b - x0) + 1)):
                counts[i] += 1
    return counts


def _river(
    covers: Sequence[Sequence[tuple[float, float]]],
    x0: float,
    x1: float,
    tolerance: int,
    every: Sequence[Sequence[tuple[float, float]]] = (),
) -> float | None:
    """The middle of the widest x-range in (x0, x1) covered by the fewest lines, if at most tolerance.

    covers decide whether there is a river; every line (``every``) then places it. A line of one
    piece says nothing against a boundary, but it does say where the boundary is not: a long
    line of one column ("88%(灵溪镇园区六路、金乡镇四好") must stay on its side of the cut.
    """
    width = int(x1 - x0)
    if width < 1:
        return None
    counts = _coverage(covers, x0, width)
    least = min(counts)
    if least > tolerance:
        return None
    if every:
        counts = [c if c == least else None for c in counts]
        fine = _coverage(every, x0, width)
        counts = [fine[i] if c is not None else None for i, c in enumerate(counts)]
        least = min(c for c in counts if c is not None)
    best_start, best_len, run_start = 0, 0, None
    for i, count in enumerate([*counts, None]):
        if count == least and run_start is None:
            run_start = i
        elif count != least and run_start is not None:
            if i - run_start > best_len:
                best_start, best_len = run_start, i - run_start
            run_start = None
    return x0 + best_start + best_len / 2


def header_at(lines: Sequence[Line], k: int, size: float) -> Header | None:
    """The table header at line k with its columns, or None when line k is no plausible header."""
    if not _header_candidate(lines[k], size):
        return None
    first, end = _band(lines, k, size)
    band = [(i, c) for i in range(first, end) for c in lines[i].chars]
    order = {id(c): i for i, c in band}
    body = _provisional_body(lines, end, size)
    every = [_intervals(line, SEGMENT_GAP * size) for line in body]
    # A line of one piece says nothing against a boundary: it lies in one column, or it is a section
    # heading across several. Lines with pieces in two columns or more are the evidence.
    multi = [c for c in every if len(c) > 1]
    covers = multi if len(multi) >= 2 else every
    tolerance = len(covers) // 20  # lines allowed across a boundary
    segments = _segments((c for _, c in band), SEGMENT_GAP * size)
    groups: list[list[Char]] = [segments[0]]
    bounds: list[float] = []
    for segment in segments[1:]:
        cut = _river(covers, max(c.x1 for c in groups[-1]), min(c.x0 for c in segment), tolerance, every)
        if cut is None:
            groups[-1] = groups[-1] + segment  # the body runs across: one column
        else:
            bounds.append(cut)
            groups.append(segment)
    texts = ["".join(c.text for c in sorted(g, key=lambda c: (order[id(c)], c.x0))) for g in groups]
    texts, bounds = _merge_spaced(texts, bounds)
    headers = [clean_text(t) for t in texts]
    body_font = Counter(line.font for line in body).most_common(1)[0][0] if body else lines[k].font
    if not _names_columns(headers, strict=body_font == lines[k].font):
        return None
    found = [field_for_header(h) for h in headers]
    xs = [c.x0 for _, c in band] + [c.x0 for line in body for c in line.chars]
    x1s = [c.x1 for _, c in band] + [c.x1 for line in body for c in line.chars]
    seq = found.index("seq") if "seq" in found else None
    return Header(Columns(bounds, headers, seq, min(xs), max(x1s)), first, end)


def _names_columns(headers: list[str], *, strict: bool) -> bool:
    """Whether these cells are a header row, not a body line whose pieces happen to hold header words.

    The table stage's test (two known fields, one a core field, short cells), plus: at least two
    cells are a synonym or start with one ("完成情况（截至3月底）"), a core field among them. A body
    line of a narrow-column table has short pieces too ("项目建设…" | "进展顺利…"), so when the line
    is in the body's own font (``strict``: a body line, or a header not set apart), those cells must
    be exact synonyms.
    """
    if len(headers) < 2 or not is_header_row(headers) or any(len(match_key(h)) > MAX_HEADER_TEXT for h in headers):
        return False
    floor = 3.0 if strict else 2.0  # header_candidates: 3 exact, 2.x starts with, 1.x contains
    named = set()
    for header in headers:
        claims = header_candidates(header)
        if claims and claims[0][1] >= floor:
            named.add(claims[0][0])
    return len(named) >= 2 and bool(named & CORE_FIELDS)


def _merge_spaced(texts: list[str], bounds: list[float]) -> tuple[list[str], list[float]]:
    """Join neighbours whose joined text is (a prefix of) a synonym: "完 成" + "时 限" in a narrow column.

    Two exact synonyms of different fields stay apart ("项目" | "进展" is two columns).
    """
    _, fields, prefixes = _vocabulary()
    texts, bounds = list(texts), list(bounds)
    i = 0
    while i < len(texts) - 1:
        left, right = match_key(texts[i]), match_key(texts[i + 1])
        joined = left + right
        distinct = fields.get(left) and fields.get(right) and fields[left] != fields[right]
        if joined in prefixes and not distinct:
            texts[i : i + 2] = [texts[i] + texts[i + 1]]
            del bounds[i]
        else:
            i += 1
    return texts, bounds


# --------------------------------------------------------------------------------------------
# rows


@dataclass(slots=True)
class Rule:
    """A horizontal edge on the page: a drawn line, or the top or bottom of a rectangle."""

    y: float
    x0: float
    x1: float


@dataclass(slots=True)
class OpenTable:
    """A borderless table that reached the bottom of its page: the next page may continue it."""

    columns: Columns
    mode: str | None = None  # "center" or "top" once a page has shown which


@dataclass(slots=True)
class _Item:
    line: Line
    cells: list[list[Char]]
    heading: bool = False


def _seq_span(item: _Item, seq: int | None, size: float) -> tuple[float, float] | None:
    """Top and bottom of the line's 序号 when the 序号 cell holds a number."""
    if seq is None:
        return None
    chars = item.cells[seq]
    if not chars or parse_seq(_join(chars, size)) is None:
        return None
    return min(c.top for c in chars), max(c.bottom for c in chars)


class _Partition:
    """Cuts of one run of lines (between rules or headings) into rows around their numbers."""

    def __init__(self, items: list[_Item], anchors: list[int], spans: list[tuple[float, float]], size: float) -> None:
        self.items, self.anchors, self.size = items, anchors, size
        self.tops = [top for top, _ in spans]  # of each anchor's 序号
        self.centers = [(top + bottom) / 2 for top, bottom in spans]
        self.weight = 2 * size
        # (p, q): consecutive lines of one column with a blank taller than CELL_GAP between them
        self.gaps: list[tuple[int, int]] = []
        for column in range(len(items[0].cells)):
            previous = None
            for index, item in enumerate(items):
                if item.cells[column]:
                    if previous is not None and item.line.top - items[previous].line.bottom > CELL_GAP * size:
                        self.gaps.append((previous, index))
                    previous = index

    def gap_cost(self, start: int, end: int) -> float:
        return self.weight * sum(1 for p, q in self.gaps if start <= p and q < end)

    def asymmetry(self, k: int, start: int, end: int) -> float:
        center = self.centers[k]
        return abs((center - self.items[start].line.top) - (self.items[end - 1].line.bottom - center))

    def lead(self, k: int, start: int) -> float:
        """How far the 序号 sits below the row's first line (0 when the row is top-aligned).

        A row laid out from its top shares its first line with its number, so the line before it
        ends above the number. A line before it that reaches down beside the number (their tops
        differ by less than a line) is a line of the same centred cells: the row starts earlier.
        """
        if start > 0 and self.items[start - 1].line.bottom > self.tops[k] + 0.1 * self.size:
            return float("inf")
        return abs(self.tops[k] - self.items[start].line.top)

    def top(self, fragment_ok: bool) -> tuple[list[int], float]:
        """Each row from its number's line to the next number's line."""
        first = self.anchors[0] if fragment_ok else 0
        cuts = [first, *self.anchors[1:], len(self.items)]
        cost = self.gap_cost(0, first) if first else 0.0
        cost += sum(self.gap_cost(s, e) for s, e in itertools.pairwise(cuts))
        if not fragment_ok and self.anchors[0] > 0:
            cost += 2 * self.weight  # lines above the first number, right under the header
        return cuts, cost

    def center(self, fragment_ok: bool, last_cut: bool) -> tuple[list[int], float]:
        """Each row symmetric around its number; cuts chosen by dynamic programming.

        Symmetry alone leaves a family of equal answers on a continued page (a centred cell one
        line shorter at both ends is still centred), so the chain needs a fixed end. The table's
        first row starts under the header. The last row is either complete (centred) or cut by the
        page break, and a cut row is laid out from its top, with the 序号 on its first line. So the
        last row costs the smaller of the two.
        """
        anchors, count, end = self.anchors, len(self.anchors), len(self.items)
        choices = [list(range(anchors[0] + 1)) if fragment_ok else [0]]
        choices += [list(range(anchors[k - 1] + 1, anchors[k] + 1)) for k in range(1, count)]
        choices.append([end])
        best: dict[int, tuple[float, list[int]]] = {s: (self.gap_cost(0, s), [s]) for s in choices[0]}
        for k in range(count):
            step: dict[int, tuple[float, list[int]]] = {}
            for e in choices[k + 1]:
                options = []
                for s, (cost, cuts) in best.items():
                    here = self.gap_cost(s, e) + self.asymmetry(k, s, e)
                    if last_cut and k == count - 1:
                        here = min(here, self.gap_cost(s, e) + self.lead(k, s))
                    options.append((cost + here, cuts))
                cost, cuts = min(options, key=lambda o: o[0])
                step[e] = (cost, [*cuts, e])
            best = step
        cost, cuts = best[end]
        return cuts, cost


def _rows(
    items: list[_Item],
    columns: Columns,
    rules: Sequence[float],
    size: float,
    state: OpenTable,
    *,
    continuation: bool,
    last_cut: bool,
) -> list[list[_Item]]:
    """Group the table's lines into rows (a heading is a row of its own)."""
    # Runs of lines between headings and horizontal rules: no row crosses a run's edge. A line
    # lies between the rules around its middle. (Not "a rule between two lines": the text of a
    # merged cell sits in the middle of its rows, across a rule that stops short of its column,
    # and the lines on either side of that rule are not neighbours.)
    runs: list[list[_Item]] = []
    band = None
    for item in items:
        previous = runs[-1][-1] if runs else None
        here = _band_of(item.line, rules)
        if previous is None or item.heading or previous.heading or here != band:
            runs.append([item])
        else:
            runs[-1].append(item)
        band = here
    rows: list[list[_Item]] = []
    for number, run in enumerate(runs):
        if run[0].heading:
            rows.append(run)
            continue
        spans = [_seq_span(item, columns.seq, size) for item in run]
        anchors = [i for i, span in enumerate(spans) if span is not None]
        # Lines above the first number on a continued page may end the row cut by the page break,
        # unless a rule separates them from that row: the run then starts a row of its own.
        fragment_ok = continuation and number == 0 and _band_of(run[0].line, rules) == 0
        if len(anchors) <= 1 and (not anchors or anchors[0] == 0 or not fragment_ok):
            rows.append(run)  # one row (or, first on a continued page, the rest of the cut row)
            continue
        partition = _Partition(run, anchors, [span for span in spans if span is not None], size)
        cut_here = last_cut and number == len(runs) - 1
        if state.mode is None:
            top_cuts, top_cost = partition.top(fragment_ok)
            center_cuts, center_cost = partition.center(fragment_ok, cut_here)
            if abs(top_cost - center_cost) > size / 2:
                state.mode = "top" if top_cost < center_cost else "center"
            cuts = top_cuts if top_cost < center_cost else center_cuts
        elif state.mode == "top":
            cuts = partition.top(fragment_ok)[0]
        else:
            cuts = partition.center(fragment_ok, cut_here)[0]
        if cuts[0] > 0:
            rows.append(run[: cuts[0]])  # the rest of the row cut by the page break
        rows.extend(run[s:e] for s, e in itertools.pairwise(cuts) if e > s)
    return rows


def _band_of(line: Line, rules: Sequence[float]) -> int:
    """How many rules lie above the line's middle."""
    return bisect_right(rules, (line.top + line.bottom) / 2)


@dataclass(slots=True)
class RowRule:
    """The horizontal rule between two rows: its y and the x-ranges it is drawn over."""

    y: float
    spans: list[tuple[float, float]]

    def covers(self, x: float) -> bool:
        return any(a - 1 <= x <= b + 1 for a, b in self.spans)


def _row_rules(rules: Sequence[Rule], columns: Columns) -> list[RowRule]:
    """Rules across most of the table, top to bottom; underlines and short strokes are no row edges.

    Edges at one height are one rule, so that a rule broken where a merged cell spans it (drawn
    over the other columns only) still counts, with the gap left where the merge is.
    """
    width = columns.right - columns.left
    out: list[RowRule] = []
    for rule in sorted(rules, key=lambda r: r.y):
        if rule.x1 <= columns.left - width / 20 or rule.x0 >= columns.right + width / 20:
            continue
        if out and rule.y - out[-1].y <= 1.0:
            out[-1].spans.append((rule.x0, rule.x1))
        else:
            out.append(RowRule(rule.y, [(rule.x0, rule.x1)]))
    return [r for r in out if sum(b - a for a, b in r.spans) >= width / 2]


def _merged_cells(rows: list[list[_Item]], raws: list[RawRow], columns: Columns, rules: Sequence[RowRule]) -> None:
    """Cells merged across a ruled row edge: the edge's rule stops short of their column.

    The merged cell's text sits in the middle of the rows it spans, so it lands in any of them.
    It goes to the first row of the merge; the rows below get ``None`` (covered, as in a ruled
    grid), which the table stage fills from above.
    """
    if not rules:
        return
    ys = [r.y for r in rules]
    edges = [*columns.bounds]
    lefts, rights = [columns.left, *edges], [*edges, columns.right]
    middles = [(a + b) / 2 for a, b in zip(lefts, rights, strict=True)]
    for column, middle in enumerate(middles):
        if column == columns.seq:
            continue
        first = None  # index of the merge's first row
        for index in range(1, len(rows)):
            above, below = rows[index - 1], rows[index]
            crossing = rules[_band_of(above[-1].line, ys) : _band_of(below[0].line, ys)]
            merged = (
                bool(crossing)
                and not (above[0].heading or below[0].heading)
                and not any(r.covers(middle) for r in crossing)
            )
            if not merged:
                first = None
                continue
            if first is None:
                first = index - 1
            cell = raws[index].cells[column]
            if cell.text:
                head = raws[first].cells[column]
                head.text = "\n".join(t for t in (head.text, cell.text) if t)
            raws[index].cells[column] = RawCell(None, merge="above")


def _raw_row(row: list[_Item], width: int, size: float, page: int) -> RawRow:
    if row[0].heading:
        return RawRow([RawCell(clean_text(row[0].line.text)), *[RawCell(None)] * (width - 1)], page=page)
    cells = []
    for column in range(width):
        parts = [_join(item.cells[column], size) for item in row if item.cells[column]]
        cells.append(RawCell(clean_text("\n".join(parts))))
    return RawRow(cells, page=page)


# --------------------------------------------------------------------------------------------
# page


def _body(lines: Sequence[Line], start: int, columns: Columns, size: float) -> int:
    """Index after the table's last line, from its first body line at start."""
    index = start
    previous = lines[start - 1] if start > 0 else None
    while index < len(lines):
        line = lines[index]
        if columns.ends_table(line, previous, size) or (
            previous is not None and line.top - previous.bottom > TABLE_GAP * size
        ):
            break
        if _is_label(line) or (index > start and header_at(lines, index, size) is not None):
            break
        if columns.spans(line, size):
            following = lines[index + 1] if index + 1 < len(lines) else None
            heading = (
                following is not None
                and not columns.ends_table(following, line, size)
                and following.top - line.bottom <= TABLE_GAP * size
                and not columns.spans(following, size)
            )
            if not heading:
                break
        previous = line
        index += 1
    return index


def _is_label(line: Line) -> bool:
    """An attachment label ("附件2"): the start of the next attachment, never part of a table."""
    return bool(layout_patterns()["attachment"].match(clean_text(line.text)))


def read_page(
    page: pdfplumber.page.Page, number: int, carry: OpenTable | None
) -> tuple[list[Block], OpenTable | None, bool]:
    """The page's blocks, the table left open at its bottom, and whether any borderless table was found."""
    lines, size = page_lines(page)
    rules = [Rule(e["top"], e["x0"], e["x1"]) for e in page.horizontal_edges]
    return read_lines(lines, size, rules, number, carry, width=page.width)


def read_lines(
    lines: Sequence[Line],
    size: float,
    rules: Sequence[Rule],
    number: int,
    carry: OpenTable | None,
    width: float | None = None,
) -> tuple[list[Block], OpenTable | None, bool]:
    """read_page on lines already made, with the page's horizontal edges. Given the page's ``width``,
    the text outside tables is read as prose (``prose``: wrapped lines joined); else line by line."""
    page_margins = margins(lines, size, width) if width is not None else None
    blocks: list[Block] = []
    index, found = 0, False
    state: OpenTable | None = None
    while index < len(lines):
        header, continued = None, None
        if carry is not None:
            # A table left open on the page before goes on at this page's first line that is no
            # furniture: under a repeated header, or directly when that line fits its columns.
            start = next((i for i in range(index, len(lines)) if not lines[i].furniture), len(lines))
            if start < len(lines):
                header = header_at(lines, start, size)
                if header is not None or (carry.columns.fits(lines[start], size) and not _is_label(lines[start])):
                    continued = carry
            carry = None
        if continued is None:
            start = index
            while start < len(lines) and (header := header_at(lines, start, size)) is None:
                start += 1
            if header is None:
                break
        columns = header.columns if header else continued.columns  # type: ignore[union-attr]
        blocks.extend(_paragraphs(lines[index : header.first if header else start], number, page_margins))
        body_start = header.end if header else start
        end = _body(lines, body_start, columns, size)
        open_end = all(line.furniture for line in lines[end:])
        state = OpenTable(columns, continued.mode if continued else None)
        items = [_Item(line, columns.split(line), columns.spans(line, size)) for line in lines[body_start:end]]
        rows = []
        row_rules = _row_rules(rules, columns)
        if items:
            ys = [r.y for r in row_rules]
            rows = _rows(items, columns, ys, size, state, continuation=continued is not None, last_cut=open_end)
        width = len(columns.headers)
        body = [_raw_row(row, width, size, number) for row in rows]
        _merged_cells(rows, body, columns, row_rules)
        raw = [RawRow([RawCell(h) for h in columns.headers], page=number)] if header else []
        raw += body
        blocks.append(RawTable(raw, kind="layout", layout="pdf-unruled"))
        found = True
        index = end
        if not open_end:
            state = None
    blocks.extend(_paragraphs(lines[index:], number, page_margins))
    return blocks, state, found


def _paragraphs(lines: Sequence[Line], number: int, margins: Margins | None = None) -> list[Paragraph]:
    if margins is None:
        return [Paragraph(text, page=number) for line in lines if (text := clean_text(line.text))]
    return prose(lines, margins, number).paragraphs


# --------------------------------------------------------------------------------------------
# paragraphs: the text outside tables, its lines joined where only the page's width broke them

WRAP_SLACK = 0.5  # × font size: how much short of the right edge a line the page wrapped may end, beyond its next piece
LATIN_SPACE_WIDTH = 0.35  # × font size: a space, where the page broke a line between two Latin words
INDENT = 0.5  # × font size: a line starting this far right of the text's left edge opens a paragraph
SPACING = 0.4  # × font size: a blank this much taller than the page's tightest one parts paragraphs
LEADING = 1.0  # × font size: a taller blank parts paragraphs whatever the page's tightest (no line spacing is wider)
SAME_HEIGHT = 0.2  # × font size: lines whose heights differ more are in different fonts (a title)
SYMMETRY = 2.0  # × font size: a right edge this close to the left margin's mirror is the page's
JUSTIFIED = 0.25  # × font size: lines ending this close together were justified to one edge
JUSTIFIED_LINES = 3


@dataclass(slots=True)
class Margins:
    """Where a page's text runs (its left and right edge) and its tightest blank between two lines."""

    left: float
    right: float | None  # None when no line shows where the page's text ends on the right
    blank: float
    size: float


def margins(lines: Sequence[Line], size: float, width: float) -> Margins:
    """The page's text edges, from the lines outside the page furniture. The right edge counts only
    when the page shows it: the longest line ends where the left margin's mirror is (a page's text
    block is centred), or several lines over half the page wide end at one x (justified text). A longest line elsewhere
    (a table copied as text, a list of short items) says nothing about where the page wraps."""
    body = [line for line in lines if not line.furniture]
    if not body:
        return Margins(0.0, None, 0.0, size)
    left = min(line.chars[0].x0 for line in body)
    ends = [line.chars[-1].x1 for line in body]
    right: float | None = max(ends)
    # (lines of one length half the page wide or less are a list or a table, not a justified text)
    long = right - left > width / 2  # type: ignore[operator]
    justified = long and sum(1 for x in ends if x >= right - JUSTIFIED * size) >= JUSTIFIED_LINES  # type: ignore[operator]
    if not justified and abs((width - right) - left) > SYMMETRY * size:  # type: ignore[operator]
        right = None
    blanks = [b.top - a.bottom for a, b in itertools.pairwise(body) if b.top > a.bottom]
    return Margins(left, right, min(blanks, default=0.0), size)


# A page's first or last line: its text without numbers, its page number if it is one, and
# whether its text stands in the page's body too (then it is content, not a running head).
# A page's first or last line as the next page compares it: its text less numbers, its page number
# if it is one, whether it also stands in the page's body, whether a blank sets it apart, its height.
Edge = tuple[str, int | None, bool, bool, float]
NO_EDGES: tuple[Edge, Edge] = (("", None, False, False, 0.0), ("", None, False, False, 0.0))
_NUMBERS = regex.compile(r"[\d\s]+")


@dataclass(slots=True)
class Prose:
    paragraphs: list[Paragraph]
    margins: Margins | None = None
    # The first paragraph and its first line, when nothing stands above it on the page (it may go
    # on from the page before), and the last paragraph and its last line, when nothing stands below
    # it (the next page may go on with it); page furniture is neither.
    first: Paragraph | None = None
    first_line: Line | None = None
    last: Paragraph | None = None
    last_line: Line | None = None
    edges: tuple[Edge, Edge] = NO_EDGES  # the page's first and last line (``running_heads``)
    # The paragraphs of the page's first and last line, each if it stood alone, and whether those
    # lines repeat the page before's (``running_heads``): the page before's are then dropped too.
    head: Paragraph | None = None
    foot: Paragraph | None = None
    repeats_head: bool = False
    repeats_foot: bool = False


def running_heads(
    lines: Sequence[Line], before: tuple[Edge, Edge], boxes: Sequence[tuple[float, float]] = ()
) -> tuple[tuple[Edge, Edge], bool, bool]:
    """Page furniture at a page's top or bottom, dropped from its text: its first or last line, set
    apart from the rest (the lines and the tables, ``boxes`` as (top, bottom)) by a blank wider
    than a line, that is a page number ("— 3 —", "第 3 页"; a bare "4" only after "3" on the page
    before) or repeats the page before's there, numbers aside (a running head or foot: "XX区人民政府
    2023年工作报告"). The text around it may go on across it; the reader drops the
    page before's too (``Prose.head``, ``Prose.foot``). Returns the page's edges, as compared with
    the next page's, and whether each repeated the page before's."""
    if not lines:
        return NO_EDGES, False, False
    size = statistics.median(c.bottom - c.top for line in lines for c in line.chars)
    below = min([lines[1].top] if len(lines) > 1 else [], default=math.inf)
    below = min([below, *(top for top, _ in boxes if top >= lines[0].bottom)])
    above = max([lines[-2].bottom] if len(lines) > 1 else [], default=-math.inf)
    above = max([above, *(bottom for _, bottom in boxes if bottom <= lines[-1].top)])
    # (a line alone on its page is apart from nothing: nothing tells it from the text)
    apart = (
        below < math.inf and below - lines[0].bottom >= RUNNING_GAP * size,
        above > -math.inf and lines[-1].top - above >= RUNNING_GAP * size,
    )
    # (a line that also stands in the page's body is content that happens to open or close the
    # page too, "已完成" in a list of cells; a running head stands only at the page's edge)
    body = {_edge(line, set(), False)[0] for line in lines[1:-1]}
    edges = (_edge(lines[0], body, apart[0]), _edge(lines[-1], body, apart[1]))
    repeats = []
    for k, line in enumerate((lines[0], lines[-1])):
        (key, number, in_body, _, height), (seen, seen_number, seen_in_body, seen_apart, seen_height) = (
            edges[k],
            before[k],
        )
        if number is not None:
            # a page number, unmistakable when decorated ("— 3 —", "第 3 页"); a bare number only
            # when the page before's was the one before it (else a 序号 alone on its line)
            repeated = bool(key) or (seen_number is not None and number == seen_number + 1 and key == seen)
        else:
            # (an attachment label or a table's header repeated on each page is content)
            repeated = len(key) >= MIN_RUNNING and key == seen and not (in_body or seen_in_body or line.furniture)
            # the page before's line set apart and of one size with it: a title that a smaller running
            # head repeats on the next page is the title, not furniture
            repeated = repeated and seen_apart and abs(height - seen_height) <= 0.1 * max(height, seen_height)
            repeated = repeated and not _is_label(line) and not _header_candidate(line, size)
        repeated = repeated and apart[k]
        if repeated:
            line.furniture = line.running = True
        repeats.append(repeated)
    return edges, repeats[0], repeats[1]


def _edge(line: Line, body: set[str], apart: bool) -> Edge:
    text = "".join(line.text.split())
    number = PAGE_NUMBER.match(text)
    key = _NUMBERS.sub("", text)
    height = statistics.median(c.bottom - c.top for c in line.chars) if line.chars else 0.0
    return key, int(next(g for g in number.groups() if g)) if number else None, key in body, apart, height


RUNNING_GAP = 1.5  # × font size: the blank at least between a running head or foot and the text
MIN_RUNNING = 2  # characters besides numbers a running head or foot has (a page number is told by its number)
# A page number as printed in a page's margin, its number caught: "3", "— 3 —", "-3-", "第3页",
# "第3页共9页", "3/9", "Page 3", "Page 3 of 9".
PAGE_NUMBER = regex.compile(
    r"(?i)^(?:[-—–－―]*(\d{1,4})[-—–－―]*|第(\d{1,4})页(?:[,，]?共\d+页)?|(\d{1,4})/\d+|page(\d{1,4})(?:of\d+)?)$"
)


def prose(lines: Sequence[Line], margins: Margins, number: int) -> Prose:
    """Paragraphs of the lines outside tables: a line goes on with the one above when the page, not
    the author, broke them (``_goes_on``). A running head or foot (``running_heads``) is dropped;
    other page furniture (data/layout.toml: a page number inside the text, a site's chrome) is a
    paragraph of its own, as before, for the table stage to drop. Neither parts the lines around
    it. Spaces the page shows are kept (``_spaced``): in prose they part items and cells as a text
    file's do."""
    out = Prose([], margins)
    previous: Line | None = None  # the last line of ``current``
    current: Paragraph | None = None
    for line in lines:
        if line.running:  # dropped: no paragraph of the page's edge line stands for the reader to drop
            out.foot = None
            continue
        if line.furniture:  # as before: the table stage drops it
            if text := clean_text(line.text):
                out.foot = Paragraph(text, page=number)
                out.paragraphs.append(out.foot)
            continue
        text = _spaced(line)
        if not text:
            continue
        if current is not None and previous is not None and _goes_on(previous, line, margins):
            current.text = joined(current.text, text)
            out.foot = None
        else:
            current = out.foot = Paragraph(text, page=number)
            out.paragraphs.append(current)
            if previous is None:
                out.first, out.first_line = current, line
                out.head = current if line is lines[0] else None
        previous = line
    out.last, out.last_line = current, previous
    return out


def continues(before: Prose, after: Prose) -> bool:
    """Whether the last paragraph of ``before`` (a page's bottom) goes on in the first of ``after``
    (the next page's top), by the same test as two lines on one page, without the blank between."""
    if before.last_line is None or after.first_line is None or before.margins is None or after.margins is None:
        return False
    above, below = before.last_line, after.first_line
    return (
        _wrapped(above, below, before.margins)
        and _flush(below, after.margins)
        and _same_size(above, below, after.margins)
        and not _opens(below)
    )


def _spaced(line: Line) -> str:
    """A line's text as emitted in prose: clean_text's mapping of glyphs, but spaces where the page
    shows them: a gap wider than ``_space`` of the taller neighbour's height (measured on the two
    characters, not the page: a title's larger letters stand further apart) holds as many spaces
    as fit in it, so that columns set apart stay apart by a run of spaces."""
    out: list[str] = []
    before: Char | None = None
    for char in line.chars:
        if before is not None:
            height = max(char.bottom - char.top, before.bottom - before.top)
            gap = char.x0 - before.x1
            if height > 0 and gap > _space(before.text, char.text) * height:  # (Tf 0: glyphs of no size)
                out.append(" " * max(1, round(gap / (SPACE_WIDTH * height))))
        out.append(char.text)
        before = char
    text = "".join(out)
    if "(cid:" in text:
        text = CID.sub("\ufffd", text)
    if _RADICAL.search(text):
        text = text.translate(_RADICALS)
    return text.strip()


def _flush(line: Line, margins: Margins) -> bool:
    return line.chars[0].x0 <= margins.left + INDENT * margins.size


def _goes_on(above: Line, below: Line, margins: Margins) -> bool:
    """The page broke the line: the one above ran into the right edge (``_wrapped``), the one below
    starts at the left edge (no first-line indent) and opens no item or field of its own
    (``_opens``), no taller blank than the page's tightest lies between them (no paragraph spacing)
    and both are in one size."""
    size = margins.size
    return (
        _wrapped(above, below, margins)
        and _flush(below, margins)
        and below.top - above.bottom <= min(margins.blank + SPACING * size, LEADING * size)
        and _same_size(above, below, margins)
        and not _opens(below)
    )


_LEADING_LABEL = regex.compile(r"^\s*(\p{Han}{2,10})\s*[:：]")


def _opens(line: Line) -> bool:
    """A line opening an item in an enumerator style numbered prose knows ("2.", "（三）", "①";
    data/layout.toml [prose.styles]) or a field under a label the header vocabulary knows
    ("责任单位：…"): where no indent or spacing shows a paragraph's start, its words do. A line the
    page wrapped starts so only by chance (the line above ended its sentence just there)."""
    view = match_view(line.text)
    if any(pattern.match(view) for name, pattern in prose_patterns().items() if name.startswith("style:")):
        return True
    label = _LEADING_LABEL.match(view)
    return label is not None and match_key(label.group(1)) in _label_keys()


@cache
def _label_keys() -> frozenset[str]:
    return frozenset(match_key(synonym) for synonym, _ in label_synonyms())


def _same_size(above: Line, below: Line, margins: Margins) -> bool:
    return abs((below.bottom - below.top) - (above.bottom - above.top)) <= SAME_HEIGHT * margins.size


def _wrapped(above: Line, below: Line, margins: Margins) -> bool:
    """The line above ends so near the right edge that the first unbreakable piece of the line
    below (``_first_piece``) would not have fitted after it, give or take half a character
    (and a space, where the page broke between two Latin words)."""
    if margins.right is None:
        return False
    size = margins.size
    room = margins.right - above.chars[-1].x1
    slack = WRAP_SLACK * size
    if above.chars[-1].text < "\u2e80" and below.chars[0].text < "\u2e80":
        slack += LATIN_SPACE_WIDTH * size
    return room <= _first_piece(below, size) + slack


# What a line may not start or end with (line-breaking rules for Chinese, kinsoku): a closing mark
# goes down with the character before it, an opening mark with the character after it.
CLOSING = frozenset("，。、；：？！）」』”’》〉】〕,.;:?!)%")
OPENING = frozenset("（「『“‘《〈【〔(")
# Quotation marks whose direction a line breaker does not know: no break before or after them
# (Unicode line breaking, rule LB19), so "开展“一户" breaks only before 开 or after 一.
QUOTES = frozenset("“”‘’\"'")


def _first_piece(line: Line, size: float) -> float:
    """The width of what the page could not have broken at the start of ``line``: a Latin word or
    number (characters closer than a space), else one ideograph, with the marks that go with it
    (an opening bracket before it, closing ones after it, a quotation mark on either side)."""
    chars = line.chars
    n = len(chars)
    k = 0
    while True:
        while k < n - 1 and (chars[k].text in OPENING or chars[k].text in QUOTES):
            k += 1  # an opening mark goes with what follows it
        if chars[k].text < "\u2e80" and chars[k].text not in CLOSING and chars[k].text not in QUOTES:
            while k + 1 < n and _latin(chars[k + 1].text) and not _apart(chars[k], chars[k + 1], size):
                k += 1
        while k + 1 < n and chars[k + 1].text in CLOSING:
            k += 1
        if k + 2 < n and chars[k + 1].text in QUOTES:  # no break before a quotation mark either
            k += 1
            continue
        return chars[k].x1 - chars[0].x0


def _latin(text: str) -> bool:
    return text < "\u2e80" and text not in QUOTES


def _apart(left: Char, right: Char, size: float) -> bool:
    return right.x0 - left.x1 > LATIN_SPACE * size


# × the characters' height: the narrowest gap that is a space. Between two Latin letters any
# visible gap is one (a Times space is a quarter of the size); beside an ideograph a typesetter
# adds up to 0.3 of its own (Word's and LibreOffice's spacing between Asian and Latin text), less
# than a space (about 0.32), so a space there must be wider. None is a round fraction: typesetters
# place at round fractions, and a gap exactly at the threshold would read as a space or not by the
# last bit of each engine's arithmetic.
LATIN_SPACE = 0.21
SPACE_WIDTH = 0.32  # × height: a space's width, for as many spaces as a wide gap holds (columns)
MIXED_SPACE = 0.31
IDEOGRAPH_SPACE = 0.27


def _space(before: str, after: str) -> float:
    narrow = (before < "\u2e80") + (after < "\u2e80")
    return LATIN_SPACE if narrow == 2 else MIXED_SPACE if narrow == 1 else IDEOGRAPH_SPACE


_LATIN_END = regex.compile(r"[A-Za-z0-9]$")
_LATIN_START = regex.compile(r"^[A-Za-z0-9]")


def joined(above: str, below: str) -> str:
    """Two pieces of one paragraph that a line (or page) break parted: a space between two Latin
    words or numbers (where the page broke the line), none between ideographs."""
    space = " " if _LATIN_END.search(above) and _LATIN_START.match(below) else ""
    return above + space + below

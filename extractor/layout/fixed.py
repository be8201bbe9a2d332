"""Fixed-width tables: columns kept apart by their position on the line, as text copied out of a PDF
(or printed by ``pdftotext -layout``) keeps them.

                               项  目  类  别          年度计划     上半年完成     完成进度
                          农业基础设施(9 项)                9            5           51
                 重点基      市政设施(9 项)                  41           10           24
                 础设施      生态环保(19 项)                 29           14           50

Pieces are the runs of text between two or more spaces (a letter-spaced word, "项  目  类  别", is
one piece). Each is placed by its display position (a Chinese character is two columns wide).
The table's columns are the stretches of the line that the pieces of its lines cover, with gutters
between them that no piece crosses; a piece goes to the column it overlaps most, so a cell may be
missing from a line ("4 减少大班额1.4万个以上      869   1022 …", no unit) without the cells
after it moving left, which no reading of the pieces in their order can tell.
"""

from __future__ import annotations

import itertools
import unicodedata
from dataclasses import dataclass

import regex

from extractor.layout.base import Block, Line, trim
from extractor.readers.raw import Paragraph, RawCell, RawRow, RawTable
from extractor.rules.compiled import compile_rule

MIN_PIECES = 3  # pieces on a line of the table's body
MIN_LINES = 3  # table lines in a block
MAX_GAP_LINES = 2  # other lines (a wrapped cell, a group label) inside a block
GAP = compile_rule(r"(?:[ \u3000\xa0]{2,}|\t+|\u3000+)")
LETTER = compile_rule(r"^\p{Han}$")


@dataclass(slots=True)
class _Piece:
    start: int  # display column where it starts
    end: int
    text: str


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pieces(text: str) -> list[_Piece]:
    """The line's pieces with their display positions; letter-spaced words joined."""
    out: list[_Piece] = []
    position = 0
    cursor = 0
    for match in regex.finditer(r"\S+(?:[ \xa0]\S+)*", text.replace("\u3000", "  ")):
        position += _width(text.replace("\u3000", "  ")[cursor : match.start()])
        width = _width(match.group())
        out.append(_Piece(position, position + width, match.group()))
        position += width
        cursor = match.end()
    joined: list[_Piece] = []
    for piece in out:
        # "项  目  类  别": single characters a few spaces apart are one word
        if joined and LETTER.match(piece.text) and regex.search(r"\p{Han}$", joined[-1].text):
            last = joined[-1]
            if piece.start - last.end <= 6 and (LETTER.match(last.text) or _spaced(last.text)):
                joined[-1] = _Piece(last.start, piece.end, last.text + piece.text)
                joined[-1].text = last.text + piece.text
                continue
        joined.append(piece)
    return [_Piece(p.start, p.end, p.text.replace("\xa0", " ")) for p in joined]


def _spaced(text: str) -> bool:
    return len(text) <= 8 and bool(regex.fullmatch(r"\p{Han}+", text))


def fixed_width_tables(lines: list[Line]) -> list[Block] | None:
    """Tables whose columns stand at fixed positions, or None when the text has none."""
    split = [_pieces(line.text) for line in lines]
    table_line = [
        len(p) >= MIN_PIECES and bool(GAP.search(line.text.strip())) for p, line in zip(split, lines, strict=True)
    ]
    blocks: list[Block] = []
    found = False
    index = 0
    while index < len(lines):
        if not table_line[index]:
            if trim(lines[index].text):
                blocks.append(Paragraph(trim(lines[index].text), page=lines[index].page))
            index += 1
            continue
        end = index
        last_table = index
        while end < len(lines) and (table_line[end] or end - last_table <= MAX_GAP_LINES):
            if table_line[end]:
                last_table = end
            end += 1
        end = last_table + 1
        count = sum(table_line[index:end])
        table = _table(split[index:end], lines[index:end], table_line[index:end]) if count >= MIN_LINES else None
        if table is None:
            for line in lines[index:end]:
                if trim(line.text):
                    blocks.append(Paragraph(trim(line.text), page=line.page))
        else:
            blocks.append(table)
            found = True
        index = end
    return blocks if found else None


def _columns(rows: list[list[_Piece]]) -> list[tuple[int, int]]:
    """The stretches the pieces cover, merged where pieces overlap or nearly touch: the columns,
    left to right. Text out of a PDF drifts a little from line to line ("5" under "55" one column
    off), so stretches closer than half the narrowest gutter seen within a line are one column."""
    gutters = [b.start - a.end for row in rows for a, b in itertools.pairwise(row)]
    tolerance = max(1, min(gutters, default=2) // 2)
    spans = sorted((p.start, p.end) for row in rows for p in row)
    columns: list[list[int]] = []
    for start, end in spans:
        if columns and start < columns[-1][1] + tolerance:
            columns[-1][1] = max(columns[-1][1], end)
        else:
            columns.append([start, end])
    return [(a, b) for a, b in columns]


def _table(split: list[list[_Piece]], lines: list[Line], is_table: list[bool]) -> RawTable | None:
    body = [pieces for pieces, flag in zip(split, is_table, strict=True) if flag]
    # The header may stand centred over its column, wider than the column's cells: the columns are
    # found from the lines below it, and the header's words placed by overlap like any cell.
    columns = _columns(body[1:]) if len(body) > MIN_LINES else _columns(body)
    if len(columns) < MIN_PIECES:
        return None
    # Columns at fixed positions keep a line's pieces apart; when most lines put two of their
    # pieces in one column, the cells stand where their lengths leave them (rows parted by gaps,
    # each cell as wide as its text) and no position says which column a piece is in.
    crowded = sum(1 for pieces in body if len({_column_of(p, columns) for p in pieces}) < len(pieces))
    if crowded * 2 > len(body):
        return None
    rows: list[list[str]] = []
    pages: list[int | None] = []
    for pieces, line, flag in zip(split, lines, is_table, strict=True):
        if not pieces:
            continue
        cells = [""] * len(columns)
        for piece in pieces:
            column = _column_of(piece, columns)
            cells[column] = f"{cells[column]} {piece.text}".strip() if cells[column] else piece.text
        if not flag and len(rows) > 1:
            # A line of one or two pieces among the rows: a cell wrapped onto the next line (a
            # long name, a group label printed down the lines), joined to the row above.
            rows[-1] = [above + below for above, below in zip(rows[-1], cells, strict=True)]
            continue
        rows.append(cells)
        pages.append(line.page)
    return RawTable(
        [RawRow([RawCell(text) for text in row], page=page) for row, page in zip(rows, pages, strict=True)],
        kind="lines",
        layout="fixed-width",
    )
    return RawTable(rows, kind="lines", layout="fixed-width")


def _column_of(piece: _Piece, columns: list[tuple[int, int]]) -> int:
    def overlap(column: tuple[int, int]) -> int:
        return min(piece.end, column[1]) - max(piece.start, column[0])

    best = max(range(len(columns)), key=lambda c: overlap(columns[c]))
    if overlap(columns[best]) > 0:
        return best
    middle = (piece.start + piece.end) / 2
    return min(range(len(columns)), key=lambda c: abs((columns[c][0] + columns[c][1]) / 2 - middle))
